/**
 * The report in a real browser (system Chromium via playwright-core), opened from disk as leadership would:
 * everything visible, nothing requested from the network, nothing executed, at desktop and phone sizes.
 * Screenshots land in dist/screenshots/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF } from '../shared';
import { buildReport, writeReportDir } from '../report/generate';
import {
  blockExternalRequests,
  collectPageProblems,
  launchChromium,
  type PageProblems,
} from './helpers/browser';
import { exampleGrid, tempDir, xssWorkbook } from './helpers/report';

const SCREENSHOTS = resolve('dist/screenshots');

/** The example plan with its Support department named at length, everywhere the plan names it. */
const LONG_DEPARTMENT = 'Customer Success and Technical Support Operations';
function longDepartmentGrid() {
  const wb = exampleGrid('en');
  for (const grid of Object.values(wb))
    for (const row of grid) row.forEach((cell, c) => cell === 'Support' && (row[c] = LONG_DEPARTMENT));
  return wb;
}

describe('report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const url = (name: string) => pathToFileURL(join(dir, name, 'index.html')).href;

  beforeAll(async () => {
    dir = tempDir('browser');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const builds = [
      ['en', await buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null })],
      ['zh', await buildReport(exampleGrid('zh-CN'), { asOf: EXAMPLE_AS_OF, source: null })],
      ['tw', await buildReport(exampleGrid('zh-TW'), { asOf: EXAMPLE_AS_OF, source: null })],
      ['long', await buildReport(longDepartmentGrid(), { asOf: EXAMPLE_AS_OF, source: null })],
      [
        'xss',
        await buildReport(xssWorkbook(), {
          asOf: EXAMPLE_AS_OF,
          source: '<img src=x onerror=alert(1)>.xlsx',
        }),
      ],
    ] as const;
    for (const [name, built] of builds) await writeReportDir(join(dir, name), built.files);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(
    name: string,
    viewport: { width: number; height: number },
    colorScheme: 'light' | 'dark' = 'light',
  ) {
    const page = await browser.newPage({ viewport, colorScheme });
    const problems = collectPageProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await blockExternalRequests(page);
    await page.goto(url(name), { waitUntil: 'load' });
    return { page, problems, dialogs };
  }

  function expectClean(problems: PageProblems, dialogs: string[]) {
    expect(problems.summary()).toBe('');
    expect(problems.externalRequests).toEqual([]);
    expect(dialogs).toEqual([]);
  }

  async function expectEverythingVisible(page: Page) {
    await expect.poll(() => page.locator('ol.pyramid > li.level').count()).toBe(5);
    for (const level of await page.locator('ol.pyramid > li.level').all())
      expect(await level.isVisible()).toBe(true);
    expect(await page.locator('svg.chart-roadmap').isVisible()).toBe(true);
    const cards = await page.locator('article.card').all();
    expect(cards).toHaveLength(5);
    for (const card of cards) {
      await card.scrollIntoViewIfNeeded();
      expect(await card.isVisible()).toBe(true);
      const box = await card.boundingBox();
      expect(box!.width).toBeGreaterThan(250);
    }
  }

  it('desktop: pyramid, roadmap and every KR card visible; no console errors, no network, no script', async () => {
    const { page, problems, dialogs } = await open('en', { width: 1280, height: 900 });
    await expectEverythingVisible(page);
    expect(await page.evaluate(() => typeof (window as unknown as { __xss?: unknown }).__xss)).toBe(
      'undefined',
    );
    // The page's own stylesheet applied (CSP allowed it by hash): the pyramid levels are shaped.
    expect(await page.locator('li.level-1').evaluate((el) => getComputedStyle(el).clipPath)).toMatch(
      /^polygon/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'report-desktop.png'), fullPage: true });
    expectClean(problems, dialogs);
    await page.close();
  });

  it('phone (375 px): everything visible, nothing wider than the screen', async () => {
    const { page, problems, dialogs } = await open('en', { width: 375, height: 812 });
    await expectEverythingVisible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-phone.png'), fullPage: true });
    expectClean(problems, dialogs);
    await page.close();
  });

  it('phone (375 px): every chart\'s text is 10 CSS px or more; a key result\'s chart fills its card, the roadmap scrolls in its figure', async () => {
    for (const name of ['en', 'tw']) {
      const { page, problems, dialogs } = await open(name, { width: 375, height: 812 });
      const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          // The size text is drawn at: its font size in the SVG, times the page's scaling of the SVG.
          const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const sizes = Array.from(svg.querySelectorAll('text'))
            .filter((t) => t.textContent!.trim())
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          const scroller = svg.closest('.scroll');
          const card = svg.closest('article.card');
          const content = card && card.clientWidth - 2 * parseFloat(getComputedStyle(card).paddingLeft);
          return {
            kind: svg.classList.contains('chart-roadmap') ? 'roadmap' : 'kr',
            smallest: Math.min(...sizes),
            texts: sizes.length,
            width: box.width,
            // What the reader can scroll to see, when the chart is wider than the screen.
            scrolls: scroller
              ? getComputedStyle(scroller).overflowX === 'auto' && scroller.scrollWidth > scroller.clientWidth
              : false,
            scrollerWidth: scroller ? scroller.getBoundingClientRect().width : null,
            cardContent: content,
          };
        }),
      );
      expect(charts.map((c) => c.kind).sort(), name).toEqual(['kr', 'kr', 'kr', 'kr', 'roadmap']);
      for (const chart of charts) {
        expect(chart.texts, `${name} ${chart.kind}`).toBeGreaterThan(5);
        expect(chart.smallest, `${name} ${chart.kind}: smallest text in CSS px`).toBeGreaterThanOrEqual(10);
        if (chart.kind === 'kr') {
          // Within the screen, and the whole width of its card's content (not a small picture in a corner).
          expect(chart.width, `${name} kr`).toBeLessThanOrEqual(375);
          expect(chart.width, `${name} kr`).toBeGreaterThanOrEqual(chart.cardContent! - 1);
        } else {
          // Wider than the screen, so it scrolls inside its figure, which stays within the screen.
          expect(chart.width, `${name} roadmap`).toBeGreaterThan(375);
          expect(chart.scrolls, `${name} roadmap`).toBe(true);
          expect(chart.scrollerWidth!, `${name} roadmap`).toBeLessThanOrEqual(375);
        }
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      if (name === 'en') {
        await page.locator('section[aria-labelledby="key-results"] figure').first().screenshot({
          path: join(SCREENSHOTS, 'report-phone-chart.png'),
        });
        // On paper the roadmap fits the page's width again.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 1032, height: 703 });
        const [roadmap, figure] = await page
          .locator('svg.chart-roadmap')
          .evaluate((svg) => [svg.getBoundingClientRect().width, svg.closest('figure')!.getBoundingClientRect().width]);
        expect(roadmap).toBeLessThanOrEqual(figure);
      }
      expectClean(problems, dialogs);
      await page.close();
    }
  });

  it('never breaks a figure in two: data table cells and card headlines stay on one line, at 1280 and 375 px', async () => {
    for (const [name, width] of [
      ['en', 1280],
      ['en', 375],
      ['tw', 375],
    ] as const) {
      const { page, problems, dialogs } = await open(name, { width, height: 900 });
      const broken = await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
        const lines = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
        };
        const cells = Array.from(document.querySelectorAll('figure .table-scroll th, figure .table-scroll td'));
        const figures = Array.from(document.querySelectorAll('.headline .big:not(.text)'));
        return [...cells, ...figures].filter((el) => el.textContent!.trim() && lines(el) > 1).map((el) => el.textContent);
      });
      expect(broken, `${name} at ${width} px`).toEqual([]);
      expectClean(problems, dialogs);
      await page.close();
    }
  });

  it('never breaks a date on a card in two ("截止 2026年12月31" / "日"): due, done on, through, at any width', async () => {
    const widths = Array.from({ length: 28 }, (_, i) => 320 + i * 40);
    for (const name of ['tw', 'zh', 'en'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await blockExternalRequests(page);
      await page.goto(url(name), { waitUntil: 'load' });
      // Every day and month a card's headline and facts show, read from the card as the reader sees it.
      const dates =
        name === 'en'
          ? /\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}/g
          : /\d{4}年\d{1,2}月(?:\d{1,2}日)?/g;
      const broken = new Set<string>();
      let seen = 0;
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        const found = await page.evaluate((source) => {
          const out: { text: string; lines: number }[] = [];
          for (const el of Array.from(document.querySelectorAll('article.card .headline, article.card .facts dd'))) {
            // The element's text, each character at its text node and offset.
            const nodes: [Text, number][] = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode())
              for (let i = 0; i < (n as Text).length; i++) nodes.push([n as Text, i]);
            const text = nodes.map(([n, i]) => n.data[i]).join('');
            for (const m of text.matchAll(new RegExp(source, 'g'))) {
              const range = document.createRange();
              const [startNode, start] = nodes[m.index];
              const [endNode, end] = nodes[m.index + m[0].length - 1];
              range.setStart(startNode, start);
              range.setEnd(endNode, end + 1);
              const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top + r.height / 2)));
              out.push({ text: m[0], lines: tops.size });
            }
          }
          return out;
        }, dates.source);
        seen += found.length;
        for (const f of found) if (f.lines > 1) broken.add(`${f.text} at ${width} px`);
      }
      expect(seen, name).toBeGreaterThan(widths.length * 10);
      expect([...broken], name).toEqual([]);
      await page.close();
    }
  });

  it('a link to a card shows the card below the sticky navigation, not under it', async () => {
    const { page, problems, dialogs } = await open('en', { width: 1280, height: 900 });
    await page.goto(`${url('en')}#kr-kr3`);
    const [nav, card] = await Promise.all([
      page.locator('nav.toc').boundingBox(),
      page.locator('#kr-kr3').boundingBox(),
    ]);
    expect(card!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height);
    expectClean(problems, dialogs);
    await page.close();
  });

  it('a long department name wraps in its KPI card and is cut with "…" in the roadmap gutter, never over the bars', async () => {
    for (const width of [375, 1280]) {
      const { page, problems, dialogs } = await open('long', { width, height: 900 });
      for (const kpi of await page.locator('li.kpi').all()) {
        await kpi.scrollIntoViewIfNeeded();
        const spill = await kpi.evaluate(
          (el) =>
            Math.max(...Array.from(el.querySelectorAll('span')).map((s) => s.getBoundingClientRect().right)) -
            el.getBoundingClientRect().right,
        );
        expect(spill, `${width} px`).toBeLessThanOrEqual(0);
      }
      // The lane label ends inside the gutter, left of where the timeline's grid starts.
      const lane = page.locator('svg.chart-roadmap text', { hasText: /^Customer Success.*…$/ });
      expect(await lane.count()).toBe(1);
      // The data table under the chart keeps the whole name.
      expect(
        await page.locator('section[aria-labelledby="roadmap"] details').evaluate((el) => el.textContent),
      ).toContain(LONG_DEPARTMENT);
      expectClean(problems, dialogs);
      await page.close();
    }
  });

  it('Simplified Chinese renders the same report', async () => {
    const { page, problems, dialogs } = await open('zh', { width: 1280, height: 900 });
    await expectEverythingVisible(page);
    expect(await page.locator('h2#pyramid').innerText()).toContain('金字塔');
    await page.screenshot({ path: join(SCREENSHOTS, 'report-desktop-zh.png'), fullPage: true });
    expectClean(problems, dialogs);
    await page.close();
  });

  it('Traditional Chinese asks for Traditional fonts first, for the text and the charts; Simplified keeps its own', async () => {
    const fonts = async (name: string) => {
      const { page, problems, dialogs } = await open(name, { width: 1280, height: 900 });
      const found = await page.evaluate(() => ({
        body: getComputedStyle(document.body).fontFamily,
        chart: getComputedStyle(document.querySelector('svg text')!).fontFamily,
      }));
      expectClean(problems, dialogs);
      await page.close();
      return found;
    };
    const tw = await fonts('tw');
    for (const family of [tw.body, tw.chart]) {
      expect(family).toContain('PingFang TC');
      expect(family.indexOf('PingFang TC')).toBeLessThan(family.indexOf('PingFang SC'));
    }
    const zh = await fonts('zh');
    expect(zh.body).not.toContain('PingFang TC');
  });

  it('hostile cell values run nothing: no global set, title intact, no dialog, shown as text', async () => {
    const { page, problems, dialogs } = await open('xss', { width: 1280, height: 900 });
    await page.mouse.move(300, 300);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('h1').innerText()).toContain('<script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-xss.png') });
    expectClean(problems, dialogs);
    await page.close();
  });

  it('dark mode follows the system; print is light whatever the screen, with cards kept whole', async () => {
    const { page, problems, dialogs } = await open('en', { width: 1280, height: 900 }, 'dark');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(15, 20, 25)');
    // Every text of the charts reads on the dark page: at least 4.5:1 against what is behind it.
    const contrasts = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r, g, b] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const behind = (el: Element): string => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      return Array.from(document.querySelectorAll('svg.chart text')).map((t) => {
        const [a, b] = [luminance(getComputedStyle(t).fill), luminance(behind(t.closest('svg')!))];
        return { text: t.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    });
    expect(contrasts.length).toBeGreaterThan(10);
    expect(contrasts.filter((c) => c.ratio < 4.5)).toEqual([]);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(
      await page
        .locator('article.card')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    // Every card fits on the printed page (A4 landscape less 12 mm margins: 1032 × 703 CSS px), so that
    // break-inside: avoid can keep it whole; three a row, each card was taller than the page.
    await page.setViewportSize({ width: 1032, height: 703 });
    const heights = await page
      .locator('article.card')
      .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().height));
    expect(heights.length).toBe(5);
    expect(heights.filter((h) => h > 703)).toEqual([]);
    // The section's heading goes with its first cards (break-after: avoid): together they fit on one page too.
    const headingAndFirstRow = await page.locator('article.card').first().evaluate((card) => {
      const heading = card.closest('section')!.querySelector('h2')!;
      return card.getBoundingClientRect().bottom - heading.getBoundingClientRect().top;
    });
    expect(headingAndFirstRow).toBeLessThanOrEqual(703);
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expectClean(problems, dialogs);
    await page.close();
  });
});
