/**
 * The roadmap as a leader reads it, in Chromium: no label drawn over another however many items and key results
 * fall in one month, and each phase in its own colour from plan to plan and language to language, light or dark.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CATALOGUES, ENUMS, EXAMPLE_AS_OF, PHASES, type Workbook } from '../shared';
import { buildReport, writeReportDir } from '../report/generate';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { utcDate } from '../report/write-xlsx';
import { blockExternalRequests, collectPageProblems, launchChromium } from './helpers/browser';
import { addRow, setCell } from './helpers/edit';
import { exampleGrid, header, roadmapStatusesGrid, tabName, tempDir } from './helpers/report';

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
      [header('roadmap', 'phase')]: PHASES.launch.en,
      [header('roadmap', 'owner')]: 'Marketing',
      [header('roadmap', 'start')]: day('07', start),
      [header('roadmap', 'end')]: day('07', i % 3 ? start : Math.min(31, start + 14)),
    });
  }
  return { wb, ids, items };
}

/**
 * The example (en) with a phase of its own and an item without a phase; and the Traditional Chinese example with
 * fewer phases in another order: Growth first, no Launch, Pre-launch last, its own phase written in lower case.
 */
function phasePlans(): { en: Workbook; tw: Workbook } {
  const en = exampleGrid('en');
  const extra = (wb: Workbook, lang: 'en' | 'zh-TW', id: string, phase: string) =>
    addRow(wb, tabName('roadmap', lang), {
      [header('roadmap', 'id', lang)]: id,
      [header('roadmap', 'item', lang)]: `Item ${id}`,
      [header('roadmap', 'phase', lang)]: phase,
      [header('roadmap', 'owner', lang)]: lang === 'en' ? 'Support' : '客服',
      [header('roadmap', 'start', lang)]: day('02', 2),
      [header('roadmap', 'end', lang)]: day('03', 31),
    });
  extra(en, 'en', 'R10', 'Beta');
  extra(en, 'en', 'R11', '');
  const tw = exampleGrid('zh-TW');
  const phase = header('roadmap', 'phase', 'zh-TW');
  for (const id of ['R1', 'R2', 'R3', 'R4', 'R5'])
    setCell(tw, tabName('roadmap', 'zh-TW'), id, phase, PHASES.growth['zh-TW']);
  extra(tw, 'zh-TW', 'R10', 'beta');
  extra(tw, 'zh-TW', 'R11', '');
  setCell(tw, tabName('roadmap', 'zh-TW'), 'R9', phase, PHASES['pre-launch']['zh-TW']);
  return { en, tw };
}

describe('the roadmap in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const crowds = [1, 5, 30].map((n) => ({ n, ...crowdedGrid(n) }));
  const url = (name: string) => pathToFileURL(join(dir, name, 'index.html')).href;

  beforeAll(async () => {
    dir = tempDir('roadmap');
    const { en, tw } = phasePlans();
    const plans: [string, Workbook][] = [
      ...crowds.map(({ n, wb }) => [`crowd-${n}`, wb] as [string, Workbook]),
      ['phases-en', en],
      ['phases-tw', tw],
      ['statuses-en', roadmapStatusesGrid('en')],
      ['statuses-tw', roadmapStatusesGrid('zh-TW')],
    ];
    for (const [name, wb] of plans) {
      const built = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
      await writeReportDir(join(dir, name), built.files);
    }
    // As of 20 March the as-of line crosses the names of the items that start in March.
    const march = await buildReport(exampleGrid('en'), { asOf: '2026-03-20', source: null });
    await writeReportDir(join(dir, 'as-of-march'), march.files);
    // A key result due outside the plan's period (2026): KR3 in mid-2028 in the example; in a plan summarised (one
    // lane per phase), one key result of 150 due in January 2025.
    const late = exampleGrid('zh-TW');
    setCell(late, tabName('keyResults', 'zh-TW'), 'KR3', header('keyResults', 'due', 'zh-TW'), utcDate('2028-06-30'));
    const big = generatePlanWorkbook(150, { date: utcDate });
    setCell(big, tabName('keyResults'), 'KR001', header('keyResults', 'due'), utcDate('2025-01-31'));
    for (const [name, wb, asOf] of [
      ['due-late', late, EXAMPLE_AS_OF],
      ['due-early-summary', big, GENERATED_AS_OF],
      // Ten departments' lanes: a roadmap taller than a printed page.
      ['ten-lanes', generatePlanWorkbook(30, { date: utcDate }), GENERATED_AS_OF],
    ] as const) {
      const built = await buildReport(wb, { asOf, source: null });
      await writeReportDir(join(dir, name), built.files);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, colorScheme: 'light' | 'dark' = 'light', media: 'screen' | 'print' = 'screen') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
    const problems = collectPageProblems(page);
    await page.emulateMedia({ media });
    await blockExternalRequests(page);
    await page.goto(url(name), { waitUntil: 'load' });
    return { page, problems };
  }

  it('prints in parts of whole lanes where it is taller than a page (ten lanes), each on a page, never drawn smaller', async () => {
    const { page, problems } = await open('ten-lanes', 'light', 'print');
    // A4 landscape less the page's 12 mm margins, in CSS pixels: 1032 × 703.
    await page.setViewportSize({ width: 1032, height: 703 });
    const result = await page.evaluate(() => {
      const chart = document.querySelector('.screen-only svg.chart-roadmap')!;
      const parts = Array.from(document.querySelectorAll('.print-parts svg.chart-roadmap'));
      const heading = chart.closest('section')!.querySelector('h2')!;
      const texts = (svgs: Element[]) => [...new Set(svgs.flatMap((s) => Array.from(s.querySelectorAll('text')).map((t) => t.textContent)))].sort();
      return {
        onScreen: Number(chart.getAttribute('height')),
        chartShown: chart.getBoundingClientRect().height,
        parts: parts.map((p) => {
          const box = p.getBoundingClientRect();
          return { height: box.height, scale: box.width / Number(p.getAttribute('width')) };
        }),
        headingAndFirst: parts[0].getBoundingClientRect().bottom - heading.getBoundingClientRect().top,
        sameTexts: JSON.stringify(texts([chart])) === JSON.stringify(texts(parts)),
      };
    });
    // As drawn it is taller than the page; printed, it is not shown, its parts are: each fits a page (the first with
    // the heading), at the page's width and no smaller, and together they draw every name, label and date it does.
    expect(result.onScreen).toBeGreaterThan(703);
    expect(result.chartShown).toBe(0);
    expect(result.parts.length).toBeGreaterThan(1);
    expect(result.parts.filter((p) => p.height > 703)).toEqual([]);
    expect(result.parts.filter((p) => p.scale < 0.98)).toEqual([]);
    expect(result.headingAndFirst).toBeLessThanOrEqual(703);
    expect(result.sameTexts).toBe(true);
    expect(problems.summary()).toBe('');
    await page.close();
  });

  /** Every text the roadmap draws, with its box on the screen (not its parts for paper, which the screen hides). */
  const texts = (page: Page) =>
    page.locator('svg.chart-roadmap text').evaluateAll((elements) =>
      elements
        .filter((t) => t.textContent!.trim() && !t.closest('.print-parts'))
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

  it.each(['due-late', 'due-early-summary'])(
    "%s: a key result due outside the plan's period leaves the timeline whole, in view, with nothing off it",
    async (name) => {
      const { page, problems } = await open(name);
      const seen = await page.locator('section[aria-labelledby="roadmap"] figure').evaluate((figure) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        const svg = figure.querySelector('svg.chart-roadmap')!;
        // The timeline: the lanes' shading, from the period's first day to its last.
        const lanes = Array.from(svg.querySelectorAll('g.mark-rect.role-mark'))[0];
        const shades = Array.from(lanes.querySelectorAll('path')).map(box);
        const scroll = figure.querySelector('.scroll')!;
        return {
          timeline: { left: Math.min(...shades.map((b) => b.left)), right: Math.max(...shades.map((b) => b.right)) },
          chart: box(svg),
          scrolls: scroll.scrollWidth > scroll.clientWidth,
          diamonds: Array.from(svg.querySelectorAll('g.mark-symbol.role-mark path')).map(box),
          labels: Array.from(svg.querySelectorAll('g.mark-text.role-mark text')).map((t) => ({
            text: t.textContent!,
            ...box(t),
          })),
        };
      });
      // At 1280 px the whole chart is in view: before, it was 1,750 to 2,304 px wide, its start or end out of view.
      expect(seen.scrolls).toBe(false);
      expect(seen.diamonds.length).toBeGreaterThan(0);
      for (const d of seen.diamonds) {
        const centre = (d.left + d.right) / 2;
        expect(centre).toBeGreaterThanOrEqual(seen.timeline.left - 1);
        expect(centre).toBeLessThanOrEqual(seen.timeline.right + 1);
      }
      // No label left on its own off the timeline (a stray "1" in the summary's empty left margin).
      for (const l of seen.labels) {
        expect(l.left, l.text).toBeGreaterThanOrEqual(seen.timeline.left - 12);
        expect(l.right, l.text).toBeLessThanOrEqual(seen.chart.right);
      }
      expect(problems.summary()).toBe('');
      await page.close();
    },
  );

  it('draws the as-of line under the names it crosses, each with a halo of the page\'s colour: light, dark and print', async () => {
    for (const [scheme, media] of [
      ['light', 'screen'],
      ['dark', 'screen'],
      ['dark', 'print'],
    ] as const) {
      const what = `${scheme} ${media}`;
      const { page, problems } = await open('as-of-march', scheme, media);
      const crossed = await page.locator('svg.chart-roadmap').evaluate((svg) => {
        const rule = svg.querySelector('g.mark-rule.role-mark line')!;
        const line = rule.getBoundingClientRect();
        const x = line.left + line.width / 2;
        const page = getComputedStyle(svg.closest('section')!).backgroundColor;
        return Array.from(svg.querySelectorAll('g.mark-text.role-mark text'))
          .map((t) => ({ t, box: t.getBoundingClientRect() }))
          .filter(({ box }) => box.left < x && x < box.right && box.top >= line.top && box.bottom <= line.bottom)
          .map(({ t }) => {
            const style = getComputedStyle(t);
            return {
              text: t.textContent!,
              // Painted after the line, so over it; its outline under its letters, in the page's colour.
              afterLine: Boolean(rule.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING),
              paintOrder: style.paintOrder,
              halo: style.stroke === page,
              width: parseFloat(style.strokeWidth),
            };
          });
      });
      expect(
        crossed.map((c) => c.text),
        what,
      ).toEqual(
        expect.arrayContaining([
          'Sales playbook and partner channel',
          'Launch campaign and website',
          'Onboarding and trial nurture flows',
          'Public launch of v1.0',
        ]),
      );
      for (const c of crossed) {
        expect(c, `${what}: ${c.text}`).toMatchObject({ afterLine: true, halo: true });
        expect(c.paintOrder, `${what}: ${c.text}`).toMatch(/^stroke/);
        expect(c.width, `${what}: ${c.text}`).toBeGreaterThanOrEqual(2);
      }
      expect(problems.summary()).toBe('');
      await page.close();
    }
  });

  it('gives each phase the same colour in two plans with other phases in another order and language, light and dark', async () => {
    /** Each phase's colour, by its name in English: in the legend, and on the bars of its items. */
    async function colours(name: string, colorScheme: 'light' | 'dark') {
      const { page, problems } = await open(name, colorScheme);
      const legend = await page
        .locator('section[aria-labelledby="roadmap"] .legend li:has(.swatch-bar)')
        .evaluateAll((lis) =>
          lis.map((li) => [li.textContent!.trim(), getComputedStyle(li.querySelector('.swatch')!).backgroundColor]),
        );
      // A bar is the one right under its label, starting where the label starts.
      const bars = await page.locator('svg.chart-roadmap').evaluate((svg) => {
        const paths = Array.from(svg.querySelectorAll('g.mark-rect path')).map((p) => ({
          box: p.getBoundingClientRect(),
          fill: getComputedStyle(p).fill,
        }));
        return Array.from(svg.querySelectorAll('text')).flatMap((t) => {
          const label = t.getBoundingClientRect();
          const bar = paths.find(
            ({ box }) =>
              box.height < 15 &&
              Math.abs(box.left - label.left) < 4 &&
              box.top >= label.top &&
              box.top - label.bottom < 10,
          );
          return bar ? [[t.textContent!, bar.fill]] : [];
        });
      });
      expect(problems.summary()).toBe('');
      await page.close();
      return { legend: Object.fromEntries(legend), bars: Object.fromEntries(bars) };
    }
    const words = (lang: 'en' | 'zh-TW') => ({
      'pre-launch': PHASES['pre-launch'][lang],
      growth: PHASES.growth[lang],
      own: lang === 'en' ? 'Beta' : 'beta',
      none: lang === 'en' ? 'No phase' : '未分階段',
    });
    for (const scheme of ['light', 'dark'] as const) {
      const en = await colours('phases-en', scheme);
      const tw = await colours('phases-tw', scheme);
      for (const key of ['pre-launch', 'growth', 'own', 'none'] as const) {
        const [a, b] = [words('en')[key], words('zh-TW')[key]];
        expect(en.legend[a], `${scheme} ${a}`).toBeTruthy();
        expect(tw.legend[b], `${scheme} ${a} = ${b}`).toBe(en.legend[a]);
      }
      // The bars: Pre-launch is R1 in en and R9 in zh-TW, Growth R9 in en and R1 in zh-TW.
      const example = (lang: 'en' | 'zh-TW', id: 'R1' | 'R9') => CATALOGUES[lang].example.rows.roadmap[id].item;
      const bar = {
        en: (id: string) => en.bars[id === 'R1' || id === 'R9' ? example('en', id) : `Item ${id}`],
        tw: (id: string) => tw.bars[id === 'R1' || id === 'R9' ? example('zh-TW', id) : `Item ${id}`],
      };
      expect(bar.tw('R9'), `${scheme} 預熱期`).toBe(bar.en('R1'));
      expect(bar.tw('R1'), `${scheme} 成長期`).toBe(bar.en('R9'));
      expect(bar.tw('R10'), `${scheme} beta`).toBe(bar.en('R10'));
      expect(bar.tw('R11'), `${scheme} no phase`).toBe(bar.en('R11'));
      for (const id of ['R1', 'R9', 'R10', 'R11']) expect(bar.en(id), `${scheme} ${id}`).toMatch(/^rgb/);
      expect(new Set(['R1', 'R9', 'R10', 'R11'].map(bar.en)).size).toBe(4);
      // The legend says what the bars show.
      expect(en.legend[PHASES.growth.en]).toBe(bar.en('R9'));
      expect(tw.legend[PHASES['pre-launch']['zh-TW']]).toBe(bar.tw('R9'));
    }
  });

  it.each([
    ['statuses-en', 'en'],
    ['statuses-tw', 'zh-TW'],
  ] as const)(
    '%s: on paper the items delayed, blocked, on hold or not understood are on the chart and listed, and the mark explained',
    async (name, lang) => {
      const { page, problems } = await open(name, 'light', 'print');
      const words = [
        ENUMS.roadmapStatus.delayed[lang],
        ENUMS.roadmapStatus.blocked[lang],
        ENUMS.roadmapStatus['on-hold'][lang],
        CATALOGUES[lang].report.labels.unreadStatus,
      ];
      const section = page.locator('section[aria-labelledby="roadmap"]');
      // The data table is not printed; the list under the chart is, with each exception's word and item.
      await expect(section.locator('figure details').isVisible()).resolves.toBe(false);
      const list = section.locator('.roadmap-exceptions');
      await expect(list.isVisible()).resolves.toBe(true);
      const listed = await list.innerText();
      for (const w of words) expect(listed, w).toContain(w);
      for (const id of ['R6', 'R7', 'R8', 'R9']) expect(listed, id).toContain(id);
      expect(listed).toContain(CATALOGUES[lang].report.labels.unreadStatusNote);
      // On the chart, each exception's label starts with ▲ and its word, and no label is drawn over another.
      const boxes = await texts(page);
      for (const w of words) expect(boxes.some((b) => b.text.startsWith(`▲ ${w} · `)), w).toBe(true);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `"${a.text}" × "${b.text}"`).toBe(false);
        }
      // The legend, printed, explains the outline and the pale bar.
      await expect(section.locator('.legend .swatch-bar-exception').isVisible()).resolves.toBe(true);
      await expect(section.locator('.legend .swatch-bar-done').isVisible()).resolves.toBe(true);
      expect(problems.summary()).toBe('');
      await page.close();
    },
  );
});
