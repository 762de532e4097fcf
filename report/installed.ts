/**
 * The installed command's entry, compiled to dist/cli/cli.js (`npm run build:cli`): bin/gtm-pyramid.js imports it
 * and runs main(). The command itself (report/cli.ts and all it imports of report/ and shared/) is compiled into
 * dist/cli/gtm-pyramid.cjs, which this module runs with V8's code cache (./compile-cache.ts): after the first
 * report on a machine, a run reads its compiled code back rather than compiling it again.
 *
 * Run from the sources (tsx, vitest), report/cli.ts is the entry and nothing is cached.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type * as Cli from './cli';
import { loadBundle } from './compile-cache';

/** The command, compiled beside this file. */
const BUNDLE = new URL('./gtm-pyramid.cjs', import.meta.url);

/**
 * The bundle's `import()` of an installed ES module or of a module of the chart worker's build (./charts.js, which
 * loads Vega), made here, by the ES module loader (vm.Script's own dynamic import needs a flag on Node.js 20).
 * A relative name is the bundle's neighbour, as it is this module's.
 */
const importer = (specifier: string): Promise<unknown> =>
  import(specifier.startsWith('.') ? new URL(specifier, BUNDLE).href : specifier);

const bundle = loadBundle<typeof Cli>(fileURLToPath(BUNDLE), importer);

export const { DEFAULT_REPORT_DIR, DEFAULT_EXAMPLE_FILE } = bundle.exports;

/** report/cli.ts's main(); after a report, the code cache is written if there was none. */
export async function main(argv: string[], io?: Cli.CliIo): Promise<number> {
  try {
    return await bundle.exports.main(argv, io);
  } finally {
    if (argv[0] === 'report') bundle.save();
  }
}

// Run directly: `node dist/cli/cli.js report ...`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
