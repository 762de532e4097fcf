/**
 * The chart worker's entry (compiled to dist/cli/chart-worker.js; started by ./chart-thread.ts): loads the chart
 * renderer (dist/cli/vendor/charts.cjs, Vega compiled in: ./installed-charts.ts) at once, then draws each chart
 * posted to it, one at a time and in the order posted, and posts its SVG back. When it has drawn all it was given,
 * it writes the renderer's code cache if there was none (before its last answer), so the next report's worker
 * reads Vega back compiled.
 */
import { parentPort } from 'node:worker_threads';

import type { ChartAnswer, ChartJob } from './chart-thread';
import { loadCharts } from './installed-charts';

const port = parentPort;
if (!port) throw new Error('chart-worker.js is started by the report command as a worker thread');

const charts = loadCharts();
const { renderChartSvg } = charts.exports;

let queue: Promise<void> = Promise.resolve();
let pending = 0;
port.on('message', (job: ChartJob) => {
  pending++;
  queue = queue.then(async () => {
    let answer: ChartAnswer;
    try {
      const svg = await renderChartSvg(job.spec, { id: job.id, title: job.title, onWarning: () => {} });
      answer = { seq: job.seq, svg };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      answer = { seq: job.seq, error: { message: e.message, stack: e.stack } };
    }
    // The last chart asked for so far: what it took to draw them is what the next report will need. Written before
    // the answer, not after: the command stops this thread as soon as it has its charts and pages.
    if (--pending === 0) charts.save();
    port.postMessage(answer);
  });
});
