/**
 * The report printed as leadership prints it: Chromium's own PDF (playwright-core, system Chromium) on A4 and on
 * US Letter, landscape, read back with test/helpers/pdf.ts. What is measured is what the paper shows: every text's
 * size as printed (a chart drawn smaller prints its labels smaller), and how far down each page its text reaches.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF } from '../shared';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { buildReport, writeReportDir } from '../report/generate';
import { blockExternalRequests, launchChromium } from './helpers/browser';
import { readPdfPages, type PdfPage } from './helpers/pdf';
import { exampleGrid, tempDir } from './helpers/report';

const PAPERS = ['A4', 'Letter'] as const;
/** The smallest text that reads on paper at arm's length. */
const MIN_PT = 7;
/** The page's margin (report.css, @page). */
const MARGIN_PT = (12 / 25.4) * 72;

describe('the report printed (Chromium PDF, A4 and Letter landscape)', () => {
  let browser: Browser;
  let dir: string;
  const url = (name: string) => pathToFileURL(join(dir, name, 'index.html')).href;

  beforeAll(async () => {
    dir = tempDir('print');
    const builds = [
      ['en', await buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null })],
      ['tw', await buildReport(exampleGrid('zh-TW'), { asOf: EXAMPLE_AS_OF, source: null })],
      // Up to 30 key results the company page shows every objective and KPI in the pyramid; above, it summarises.
      ['kr30', await buildReport(generatePlanWorkbook(30), { asOf: GENERATED_AS_OF, source: null })],
      ['kr2000', await buildReport(generatePlanWorkbook(2_000), { asOf: GENERATED_AS_OF, source: null })],
    ] as const;
    for (const [name, built] of builds) await writeReportDir(join(dir, name), built.files);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The page printed on `paper`; `only` keeps one section of the company page (by its heading's id). */
  async function print(name: string, paper: (typeof PAPERS)[number], only?: string): Promise<PdfPage[]> {
    // bypassCSP: the report allows only its own hashed stylesheet; the test adds one to print a single section.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await blockExternalRequests(page);
    await page.goto(url(name), { waitUntil: 'load' });
    if (only)
      await page.addStyleTag({
        content: `body > :not(main), main > :not(section[aria-labelledby="${only}"]) { display: none !important; }`,
      });
    const pdf = await page.pdf({ format: paper, landscape: true });
    await context.close();
    return readPdfPages(pdf);
  }

  /** How far down the page's printable area its lowest text reaches, 0 to 1. */
  const filled = (p: PdfPage) =>
    (p.height - MARGIN_PT - Math.min(...p.texts.map((t) => t.y))) / (p.height - 2 * MARGIN_PT);

  for (const paper of PAPERS)
    it(`prints no text under ${MIN_PT} pt on ${paper}, the charts' axis labels and legends included`, async () => {
      for (const name of ['en', 'tw', 'kr30', 'kr2000']) {
        const pages = await print(name, paper);
        const small = pages.flatMap((p, i) =>
          p.texts.filter((t) => t.size < MIN_PT).map((t) => `${name} p${i + 1}: ${t.size.toFixed(2)} pt`),
        );
        expect(small.slice(0, 5), `${small.length} texts under ${MIN_PT} pt`).toEqual([]);
        // Paper of the size asked for, landscape.
        expect(pages[0].width).toBeGreaterThan(pages[0].height);
        expect(Math.abs(pages[0].width - (paper === 'A4' ? 842 : 792))).toBeLessThan(2);
      }
    });

  for (const paper of PAPERS)
    it(`flows the pyramid on ${paper}: no page of it more than half empty but its last`, async () => {
      for (const name of ['en', 'kr30', 'kr2000']) {
        const pages = await print(name, paper, 'pyramid');
        const fill = pages.map(filled);
        const halfEmpty = fill
          .slice(0, -1)
          .map((f, i) => ({ page: i + 1, filled: Math.round(f * 100) }))
          .filter((p) => p.filled < 50);
        expect(halfEmpty, `${name}: ${pages.length} pages, filled ${fill.map((f) => Math.round(f * 100))}%`).toEqual(
          [],
        );
      }
    });
});
