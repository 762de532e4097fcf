/**
 * The chart worker's entry (compiled to dist/cli/chart-worker.js; started by ./chart-thread.ts): loads Vega at
 * once, then draws each chart posted to it, one at a time and in the order posted, and posts its SVG back.
 */
import { parentPort } from 'node:worker_threads';

import type { ChartAnswer, ChartJob } from './chart-thread';
import { renderChartSvg } from './charts';

const port = parentPort;
if (!port) throw new Error('chart-worker.js is started by the report command as a worker thread');

let queue: Promise<void> = Promise.resolve();
port.on('message', (job: ChartJob) => {
  queue = queue.then(async () => {
    let answer: ChartAnswer;
    try {
      const svg = await renderChartSvg(job.spec, { id: job.id, title: job.title, onWarning: () => {} });
      answer = { seq: job.seq, svg };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      answer = { seq: job.seq, error: { message: e.message, stack: e.stack } };
    }
    port.postMessage(answer);
  });
});
