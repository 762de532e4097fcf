/**
 * The report's chart worker (report/render/chart-thread.ts), as the installed command runs it: the compiled
 * dist/cli/chart-worker.js (built here into a temp folder). The SVG must be the same as drawn in this thread, and a
 * worker that cannot start or dies must cost nothing but time: what it had not returned is drawn here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DrawnCharts } from '../report/charts';
import { prepareReport } from '../report/generate';
import { startChartThread, type ChartRenderer, type ChartThread } from '../report/render/chart-thread';
import { EXAMPLE_AS_OF, exampleWorkbook } from '../shared/example';
import { buildCli } from '../scripts/build-cli';

let out: string;
let worker: URL;
/** The example report's charts drawn in this thread: what every worker must give. */
let expected: DrawnCharts;

async function drawExample(renderChart?: ChartRenderer): Promise<DrawnCharts> {
  const report = await prepareReport(exampleWorkbook('zh-TW'), {
    asOf: EXAMPLE_AS_OF,
    source: null,
    renderChart,
  });
  return report.charts;
}

/** A worker script beside the compiled one (so its imports resolve), for the failures below. */
function workerScript(name: string, code: string): URL {
  const file = path.join(out, name);
  writeFileSync(file, code);
  return pathToFileURL(file);
}

async function withThread<T>(entry: URL, use: (thread: ChartThread) => Promise<T>): Promise<T> {
  // Two CPUs, whatever this machine has: the worker is what is tested.
  const thread = startChartThread(entry, 2);
  if (!thread) throw new Error(`no chart thread: ${entry.href} is missing`);
  try {
    return await use(thread);
  } finally {
    await thread.close();
  }
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'gtm-pyramid-chart-thread-'));
  await buildCli(out);
  worker = pathToFileURL(path.join(out, 'chart-worker.js'));
  expected = await drawExample();
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('draws the charts here on one CPU, or without the compiled worker (run from the sources)', () => {
  expect(startChartThread(worker, 1)).toBeNull();
  expect(
    startChartThread(new URL('./chart-worker.js', pathToFileURL(path.join(out, 'missing', 'x.js'))), 2),
  ).toBeNull();
});

describe('the chart worker', () => {
  it('draws every chart of the example, the same SVG as in this thread', async () => {
    expect(expected.size).toBeGreaterThan(1);
    await withThread(worker, async (thread) => {
      const drawn = await drawExample(thread.render);
      expect([...drawn]).toEqual([...expected]);
      expect(thread.drawn).toEqual({ inWorker: expected.size, here: 0 });
    });
  });

  it('fails a chart that cannot be drawn with its own message, and draws the next', async () => {
    await withThread(worker, async (thread) => {
      const offline = thread.render(
        { data: { url: 'http://example.com/x.csv' }, mark: 'point' },
        { id: 'net', title: 'net' },
      );
      await expect(offline).rejects.toThrow(/network access disabled/);
      const next = await thread.render(
        {
          data: { values: [{ a: 1 }] },
          mark: 'point',
          encoding: { x: { field: 'a', type: 'quantitative' } },
        },
        { id: 'next', title: 'next' },
      );
      expect(next).toMatch(/^<svg\b/);
    });
  });

  it('that cannot start: every chart is drawn here, the same', async () => {
    const broken = workerScript('broken-worker.mjs', "throw new Error('the worker could not load');\n");
    await withThread(broken, async (thread) => {
      const drawn = await drawExample(thread.render);
      expect([...drawn]).toEqual([...expected]);
      expect(thread.drawn).toEqual({ inWorker: 0, here: expected.size });
    });
  });

  it('closed while charts are awaited (the command stopped early): they are given up, not drawn here', async () => {
    // A worker that takes charts and never answers, as one busy drawing them would.
    const silent = workerScript(
      'silent-worker.mjs',
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n",
    );
    const thread = startChartThread(silent, 2)!;
    const waiting = thread.render(
      { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } },
      { id: 'late', title: 'late' },
    );
    await thread.close();
    await expect(waiting).rejects.toThrow('the chart worker was closed');
    expect(thread.drawn).toEqual({ inWorker: 0, here: 0 });
  });

  it('that dies after some charts: the ones it had not returned are drawn here, the same', async () => {
    // The real worker, which ends as soon as it has answered the first chart.
    const dying = workerScript(
      'dying-worker.mjs',
      [
        "import { parentPort } from 'node:worker_threads';",
        "import './chart-worker.js';",
        'const answer = parentPort.postMessage.bind(parentPort);',
        'parentPort.postMessage = (message) => { answer(message); process.exit(3); };',
        '',
      ].join('\n'),
    );
    await withThread(dying, async (thread) => {
      const drawn = await drawExample(thread.render);
      expect([...drawn]).toEqual([...expected]);
      expect(thread.drawn.inWorker).toBeLessThanOrEqual(1);
      expect(thread.drawn.inWorker + thread.drawn.here).toBe(expected.size);
    });
  });
});

describe("the command's own renderer, without a worker", () => {
  it('draws every chart of the example from the compiled charts.js (vendor/charts.cjs), the same SVG as here', async () => {
    // What chart-thread.ts's import of ./charts is in the installed command (report/render/installed-charts.ts).
    const { renderChartSvg } = (await import(
      pathToFileURL(path.join(out, 'charts.js')).href
    )) as typeof import('../report/render/installed-charts');
    const drawn = await drawExample((spec, options) =>
      renderChartSvg(spec, { ...options, onWarning: () => {} }),
    );
    expect([...drawn]).toEqual([...expected]);
  });
});
