/**
 * OpenCC's table of Traditional → Simplified characters, as opencc-js ships it (dist/esm-lib/dict, reached through
 * the package's "./*" export): one string of "T S" pairs joined by "|". Data only, no code: shared/ may import it
 * (test/purity.test.ts lists it), and so the add-on bundle carries it with its licences (apps-script/build.ts).
 */
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string;
  export default pairs;
}
