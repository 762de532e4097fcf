/**
 * Where the report's charts are drawn: in this thread, or, for the installed command, in a worker thread beside it.
 *
 * Why a worker: Vega and Vega-Lite are a quarter of the installed command's own code to load (~55 ms), and a
 * chart takes ~15–30 ms to draw. In the worker, Vega loads while this thread reads the workbook, and the charts
 * are drawn while this thread draws the pages that have none (`npm run bench -- report`, docs/report.md). The SVG
 * is the same wherever a chart is drawn: the same renderer (./charts.ts) draws each chart from its spec alone.
 *
 * Only the worker draws, one chart at a time: this thread drawing some beside it was measured slower (a plan of
 * 40 key results, 37 charts: 0.94 s one after another here, 0.99 s shared between the two threads, at 0.37 s more
 * CPU), since each thread then runs Vega's code cold.
 *
 * The worker is the compiled `chart-worker.js` beside the command's code (dist/cli/, from ./chart-worker.ts by
 * `npm run build:cli`). Run from the sources (tsx, vitest) there is none, and the charts are drawn here. So they
 * are too on a machine with one CPU, where a second thread only adds its start-up; and should the worker fail to
 * start or die (it is the command's own code, so a failure is a bug or the machine's lack of memory), every chart
 * it had not returned is drawn here, and the report is still written.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { VegaLiteTopLevelSpec } from './charts';

/** Draws one chart: its Vega-Lite spec → inline SVG (renderChartSvg in ./charts.ts, warnings ignored). */
export type ChartRenderer = (
  spec: VegaLiteTopLevelSpec,
  options: { id: string; title: string },
) => Promise<string>;

/** A chart to draw, as posted to the worker. */
export interface ChartJob {
  seq: number;
  spec: VegaLiteTopLevelSpec;
  id: string;
  title: string;
}

/** The worker's answer for one job: its SVG, or why it could not be drawn. */
export type ChartAnswer =
  { seq: number; svg: string } | { seq: number; error: { message: string; stack?: string } };

/**
 * Charts drawn in this thread, one after another (as the report always drew them: one Vega view at a time). Vega
 * is loaded on the first chart, not before.
 */
export function inProcessRenderer(): ChartRenderer {
  let queue: Promise<unknown> = Promise.resolve();
  return (spec, options) => {
    const drawn = queue.then(async () => {
      const { renderChartSvg } = await import('./charts');
      return renderChartSvg(spec, { ...options, onWarning: () => {} });
    });
    queue = drawn.catch(() => {});
    return drawn;
  };
}

export interface ChartThread {
  render: ChartRenderer;
  /** How many charts the worker drew, and how many were drawn here after it failed. */
  readonly drawn: { inWorker: number; here: number };
  /** Stops the worker; charts still awaited are then rejected, not drawn (the command no longer needs them). */
  close(): Promise<void>;
}

/** The compiled worker beside this module's compiled code (dist/cli/chart-worker.js). */
export const CHART_WORKER = new URL('./chart-worker.js', import.meta.url);

/**
 * Starts the chart worker, which begins loading Vega at once; null when the charts are better drawn here (no
 * compiled worker, one CPU, or a worker that cannot be made). `entry` and `cpus` are for tests.
 */
export function startChartThread(
  entry: URL = CHART_WORKER,
  cpus: number = availableParallelism(),
): ChartThread | null {
  if (cpus < 2 || !existsSync(fileURLToPath(entry))) return null;
  let worker: Worker;
  try {
    worker = new Worker(entry);
  } catch {
    return null;
  }
  const here = inProcessRenderer();
  const drawn = { inWorker: 0, here: 0 };
  const waiting = new Map<
    number,
    { job: ChartJob; resolve: (svg: string) => void; reject: (e: Error) => void }
  >();
  let seq = 0;
  let failed = false;
  const drawHere = (job: ChartJob) => {
    drawn.here++;
    return here(job.spec, { id: job.id, title: job.title });
  };
  // While charts are awaited the worker keeps the process alive; idle, it does not (a command that ends without
  // close() still exits).
  const hold = () => (waiting.size ? worker.ref() : worker.unref());
  let closing = false;
  const failOver = () => {
    if (failed) return;
    failed = true;
    // Closed by the command (it stopped before using the charts: a refusal, an error): nothing to draw.
    if (closing) {
      for (const { reject } of waiting.values()) reject(new Error('the chart worker was closed'));
      waiting.clear();
      hold();
      return;
    }
    // In the order they were asked for, as the worker would have drawn them.
    for (const { job, resolve, reject } of [...waiting.values()].sort((a, b) => a.job.seq - b.job.seq))
      drawHere(job).then(resolve, reject);
    waiting.clear();
    hold();
  };
  worker.on('message', (answer: ChartAnswer) => {
    const pending = waiting.get(answer.seq);
    if (!pending) return;
    waiting.delete(answer.seq);
    hold();
    if ('svg' in answer) {
      drawn.inWorker++;
      pending.resolve(answer.svg);
    } else {
      // The chart's own failure (a bug in its spec), not the worker's: reported as drawing it here would be.
      const error = new Error(answer.error.message);
      if (answer.error.stack) error.stack = answer.error.stack;
      pending.reject(error);
    }
  });
  worker.on('error', failOver);
  worker.on('exit', failOver);
  hold();
  return {
    render(spec, options) {
      const job: ChartJob = { seq: seq++, spec, ...options };
      if (failed) return drawHere(job);
      return new Promise<string>((resolve, reject) => {
        waiting.set(job.seq, { job, resolve, reject });
        worker.postMessage(job);
        hold();
      });
    },
    drawn,
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
