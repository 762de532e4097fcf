/**
 * The chart renderer as the installed command runs it: dist/cli/vendor/charts.cjs, ./charts.ts compiled with Vega and
 * Vega-Lite into one CommonJS file (`npm run build:cli`), run with V8's code cache (../compile-cache.ts), as the
 * command itself is: after the first report on a machine, Vega's ~1.7 MB of code is read back compiled, not compiled
 * again. The chart worker (./chart-worker.ts) loads it at once; the command, when it draws its charts itself (one
 * CPU), through this module's renderChartSvg (compiled to dist/cli/charts.js, which chart-thread.ts's import of
 * ./charts becomes in the installed command).
 *
 * Run from the sources (tsx, vitest), ./charts.ts is imported as it is and this module is not used.
 */
import { fileURLToPath } from 'node:url';

import { loadBundle, type LoadedBundle } from '../compile-cache';
import type * as Charts from './charts';

/** The compiled renderer, in vendor/ beside this module's compiled code (dist/cli/vendor/charts.cjs). */
export const CHARTS_BUNDLE = new URL('./vendor/charts.cjs', import.meta.url);

/** Loads dist/cli/vendor/charts.cjs (its import() calls, if it had any, made here, relative to it). */
export function loadCharts(): LoadedBundle<typeof Charts> {
  return loadBundle<typeof Charts>(
    fileURLToPath(CHARTS_BUNDLE),
    (specifier) => import(specifier.startsWith('.') ? new URL(specifier, CHARTS_BUNDLE).href : specifier),
  );
}

let loaded: LoadedBundle<typeof Charts> | undefined;

/** ./charts.ts's renderChartSvg, loaded on the first chart; the code cache is written after each, if missing. */
export async function renderChartSvg(
  ...args: Parameters<typeof Charts.renderChartSvg>
): ReturnType<typeof Charts.renderChartSvg> {
  loaded ??= loadCharts();
  try {
    return await loaded.exports.renderChartSvg(...args);
  } finally {
    loaded.save();
  }
}
