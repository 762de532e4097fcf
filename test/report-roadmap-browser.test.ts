/**
 * The roadmap as a leader reads it, in Chromium: no label drawn over another however many items and key results
 * fall in one month.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ENUMS, EXAMPLE_AS_OF, type Workbook } from '../shared';
import { buildReport, writeReportDir } from '../report/generate';
import { utcDate } from '../report/write-xlsx';
import { blockExternalRequests, collectPageProblems, launchChromium } from './helpers/browser';
import { addRow } from './helpers/edit';
import { exampleGrid, header, tabName, tempDir } from './helpers/report';

const day = (month: string, d: number) => utcDate(`2026-${month}-${String(d).padStart(2, '0')}`);

/**
 * The example plan with `n` more key results of Sales all due in June, and `n` more Marketing items all in July,
 * some a day long and some a fortnight, named at length in English and in Chinese.
 */
function crowdedGrid(n: number): { wb: Workbook; ids: string[]; items: string[] } {
  const wb = exampleGrid('en');
  const ids: string[] = [];
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `KR-JUNE-${i + 1}`;
    ids.push(id);
    addRow(wb, tabName('keyResults'), {
      [header('keyResults', 'id')]: id,
      [header('keyResults', 'objective')]: 'O1',
      [header('keyResults', 'title')]: `June result ${i + 1}`,
      [header('keyResults', 'owner')]: 'Sales',
      [header('keyResults', 'type')]: ENUMS.type.cumulative.en,
      [header('keyResults', 'target')]: 100,
      [header('keyResults', 'due')]: day('06', 1 + (i % 28)),
    });
    const item =
      i % 2
        ? `Regional launch event and partner roadshow in city number ${i + 1}`
        : `区域发布会第${i + 1}场：华东、华南与西南市场联合推广活动及渠道伙伴大会`;
    items.push(item);
    const start = 1 + ((i * 3) % 28);
    addRow(wb, tabName('roadmap'), {
      [header('roadmap', 'id')]: `RJ${i + 1}`,
      [header('roadmap', 'item')]: item,
      [header('roadmap', 'phase')]: 'Launch',
      [header('roadmap', 'owner')]: 'Marketing',
      [header('roadmap', 'start')]: day('07', start),
      [header('roadmap', 'end')]: day('07', i % 3 ? start : Math.min(31, start + 14)),
    });
  }
  return { wb, ids, items };
}

describe('the roadmap in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const crowds = [1, 5, 30].map((n) => ({ n, ...crowdedGrid(n) }));
  const url = (name: string) => pathToFileURL(join(dir, name, 'index.html')).href;

  beforeAll(async () => {
    dir = tempDir('roadmap');
    for (const { n, wb } of crowds) {
      const name = `crowd-${n}`;
      const built = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
      await writeReportDir(join(dir, name), built.files);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, colorScheme: 'light' | 'dark' = 'light') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
    const problems = collectPageProblems(page);
    await blockExternalRequests(page);
    await page.goto(url(name), { waitUntil: 'load' });
    return { page, problems };
  }

  /** Every text the roadmap draws, with its box on the screen. */
  const texts = (page: Page) =>
    page.locator('svg.chart-roadmap text').evaluateAll((elements) =>
      elements
        .filter((t) => t.textContent!.trim())
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent!, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
    );

  it.each(crowds)(
    'with $n key results due and $n items in one month, no label is drawn over another, and none is left out',
    async ({ n, ids, items }) => {
      const { page, problems } = await open(`crowd-${n}`);
      const boxes = await texts(page);
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
            overlaps.push(`"${a.text}" × "${b.text}"`);
        }
      expect(overlaps).toEqual([]);
      // Each key result's ID is drawn, and each item's name, whole or cut with "…" after a readable start.
      const drawn = boxes.map((b) => b.text);
      for (const id of ids) expect(drawn.filter((t) => t === id), id).toHaveLength(1);
      for (const item of items)
        expect(
          drawn.some((t) => t === item || (t.endsWith('…') && t.length > 12 && item.startsWith(t.slice(0, -1)))),
          item,
        ).toBe(true);
      expect(problems.summary()).toBe('');
      await page.close();
    },
  );
});
