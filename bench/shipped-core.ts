/**
 * What core.bench.ts times, in one entry that the bench bundles with esbuild as `npm run build:cli` bundles the
 * command (see loadShippedCore there), so the bench times the code users run rather than tsx's transpilation of it.
 */
export { checkPlan, decompose, keyResultSpec, parsePlan, planProgress } from '../shared';
export { screenCheckIns } from '../shared/check-ins';
export { sheetDate } from '../apps-script/server/sheets-adapter';
