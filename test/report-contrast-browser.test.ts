/**
 * Status marks in both colour schemes, in a real browser (system Chromium): every mark that tells a status by its
 * colour (a status pill, a card's top border, a progress bar, a roadmap diamond, a legend swatch, the verdict's
 * border) stands at least 3:1 against the colours around it, as WCAG 2.2 success criterion 1.4.11 (Non-text
 * Contrast) asks, and the word and icon on a pill at least 4.5:1 (1.4.3). Every colour is read from the page as
 * the browser paints it; none is written here, so the test holds whatever the palette becomes.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF } from '../shared';
import { buildReport, writeReportDir } from '../report/generate';
import { blockExternalRequests, collectPageProblems, launchChromium } from './helpers/browser';
import { cloneWorkbook, setCell } from './helpers/edit';
import { exampleGrid, header, tabName, tempDir } from './helpers/report';

/** The example plan with KR2's target typed as 0: KR2 is left out, and its objective needs attention. */
function leftOutGrid() {
  const wb = cloneWorkbook(exampleGrid('en'));
  setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'target'), 0);
  return wb;
}

/**
 * The example report as the other browser tests build it, and on the days that show the statuses it does not
 * show on its own as-of day: before the first check-in (not started), in March (at risk on the roadmap), after
 * the last check-in (no data), and with a key result left out (needs attention).
 */
const REPORTS = {
  example: () => buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null }),
  january: () => buildReport(exampleGrid('en'), { asOf: '2026-01-31', source: null }),
  march: () => buildReport(exampleGrid('en'), { asOf: '2026-03-31', source: null }),
  december: () => buildReport(exampleGrid('en'), { asOf: '2026-12-31', source: null }),
  'left-out': () => buildReport(leftOutGrid(), { asOf: EXAMPLE_AS_OF, source: null }),
};

interface Mark {
  kind: string;
  status: string;
  color: string;
  /** The lowest contrast ratio against the colours around the mark. */
  ratio: number;
  against: string;
  /** 3 for a mark (1.4.11), 4.5 for text (1.4.3). */
  needs: number;
}

/** Every status mark of the page, with its contrast; and the statuses the stylesheet defines. */
function measure(page: Page): Promise<{ marks: Mark[]; defined: string[] }> {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    // Chromium computes colours as rgb()/rgba(), and a color-mix() as color(srgb r g b / a).
    const parse = (css: string): Rgba | null => {
      const rgb = /^rgba?\(([^)]*)\)/.exec(css);
      if (rgb) {
        const [r, g, b, a = 1] = rgb[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
      }
      const srgb = /^color\(srgb ([^)]*)\)/.exec(css);
      if (srgb) {
        const [r, g, b, a = 1] = srgb[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return { r: r * 255, g: g * 255, b: b * 255, a };
      }
      return null;
    };
    const over = (top: Rgba, under: Rgba): Rgba => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    const hex = (c: Rgba) =>
      `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    const luminance = (c: Rgba) => {
      const [r, g, b] = [c.r, c.g, c.b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };

    /** What an element paints over the whole of its box: an HTML background, an SVG shape's fill. */
    const paintOf = (el: Element): Rgba | null => {
      const style = getComputedStyle(el);
      if (el instanceof SVGElement) {
        if (!['path', 'rect', 'circle', 'ellipse', 'polygon'].includes(el.tagName)) return null;
        const fill = parse(style.fill);
        if (!fill) return null;
        return { ...fill, a: fill.a * Number(style.fillOpacity) * Number(style.opacity) };
      }
      return parse(style.backgroundColor);
    };
    /**
     * The colour a reader sees at (x, y): every layer painted there, composed from the page's background up; less
     * the marks named by `others`, which lie beside the mark rather than under it.
     */
    const seenAt = (x: number, y: number, others?: string): Rgba => {
      const layers: Rgba[] = [];
      for (const el of document.elementsFromPoint(x, y)) {
        if (others && el.matches(others)) continue;
        const paint = paintOf(el);
        if (!paint || paint.a === 0) continue;
        layers.push(paint);
        if (paint.a >= 1) break;
      }
      if (!layers.length || layers[layers.length - 1].a < 1)
        layers.push(parse(getComputedStyle(document.body).backgroundColor)!);
      return layers.reduceRight((under, top) => over(top, under));
    };
    /** The colours just outside an element's box, on the given sides. */
    const around = (el: Element, sides = 'lrtb', others?: string): Rgba[] => {
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
      const points: Record<string, [number, number]> = {
        l: [r.left - 2, cy],
        r: [r.right + 2, cy],
        t: [cx, r.top - 2],
        b: [cx, r.bottom + 2],
      };
      return [...sides]
        .map((s) => points[s])
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
        .map(([x, y]) => seenAt(x, y, others));
    };
    /** A box's own background, over whatever is behind the box. */
    const ownBackground = (el: Element): Rgba => {
      const r = el.getBoundingClientRect();
      const own = parse(getComputedStyle(el).backgroundColor)!;
      return own.a >= 1 ? own : over(own, around(el, 'l')[0] ?? seenAt(r.left + 1, r.top + 1));
    };
    const every = (selector: string, root: ParentNode = document) => Array.from(root.querySelectorAll(selector));
    const statusOf = (el: Element | null) => /(?:^|\s)status-([a-z-]+)/.exec(el?.className ?? '')?.[1] ?? '?';

    const marks: Mark[] = [];
    const add = (kind: string, status: string, color: Rgba | null, backgrounds: Rgba[], needs = 3) => {
      if (!color || color.a === 0) return;
      if (!backgrounds.length) throw new Error(`${kind} ${status}: no background found`);
      const worst = backgrounds.reduce((a, b) => (ratio(color, a) <= ratio(color, b) ? a : b));
      marks.push({ kind, status, color: hex(color), ratio: ratio(color, worst), against: hex(worst), needs });
    };

    for (const pill of every('.status')) {
      const fill = parse(getComputedStyle(pill).backgroundColor);
      add('pill', statusOf(pill), fill, around(pill));
      add('pill text', statusOf(pill), parse(getComputedStyle(pill).color), fill ? [fill] : [], 4.5);
    }
    for (const card of every('.card')) {
      const status = statusOf(card);
      add('card border', status, parse(getComputedStyle(card).borderTopColor), [
        ...around(card, 't'),
        ownBackground(card),
      ]);
      const bar = card.querySelector('.bar-fill');
      // A bar of zero width paints nothing. Where it ends is its track, or the tick of what was expected by now.
      if (bar && bar.getBoundingClientRect().width >= 1)
        add('progress bar', status, parse(getComputedStyle(bar).fill), around(bar, 'rtb', '.bar-expected'));
    }
    for (const verdict of every('.verdict'))
      add('verdict border', statusOf(verdict), parse(getComputedStyle(verdict).borderLeftColor), [
        ...around(verdict, 'l'),
        ownBackground(verdict),
      ]);
    for (const swatch of every('.swatch[class*="status-"]')) {
      const style = getComputedStyle(swatch);
      const rule = swatch.classList.contains('swatch-rule');
      add(
        rule ? 'legend as-of rule' : 'legend swatch',
        rule ? 'as of' : statusOf(swatch),
        parse(rule ? style.borderLeftColor : style.backgroundColor),
        around(swatch),
      );
    }
    // A diamond's status is the legend entry of its colour: unmatched, the chart and its key disagree.
    for (const figure of every('figure')) {
      const key = new Map(
        Array.from(figure.querySelectorAll('.swatch-diamond')).map((s) => [
          getComputedStyle(s).backgroundColor,
          statusOf(s),
        ]),
      );
      for (const diamond of every('svg.chart-roadmap g.mark-symbol.role-mark path', figure)) {
        const fill = getComputedStyle(diamond).fill;
        add('roadmap diamond', key.get(fill) ?? `not in the legend (${fill})`, parse(fill), around(diamond));
      }
      for (const rule of every('svg.chart-roadmap g.mark-rule.role-mark line', figure))
        add('roadmap as-of rule', 'as of', parse(getComputedStyle(rule).stroke), around(rule, 'lr'));
    }
    for (const issue of every('.issue')) {
      issue.scrollIntoView({ block: 'center' });
      const r = issue.getBoundingClientRect();
      const severity = /sev-([a-z]+)/.exec(issue.className)?.[1] ?? '?';
      // The marker is the item's ::before, 10 px square at its top left; behind it is what is behind the item.
      add('issue marker', severity, parse(getComputedStyle(issue, '::before').backgroundColor), [
        seenAt(r.left + 5, r.top + 21),
      ]);
    }
    for (const banner of every('.plan-errors'))
      add('error banner border', 'needs-attention', parse(getComputedStyle(banner).borderLeftColor), [
        ...around(banner, 'l'),
        ownBackground(banner),
      ]);

    const defined = new Set<string>();
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule)
          for (const m of rule.selectorText.matchAll(/\.status-([a-z-]+)/g)) defined.add(m[1]);
        if (rule instanceof CSSGroupingRule) visit(rule.cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
    return { marks, defined: [...defined] };
  });
}

describe('status marks readable in both colour schemes (WCAG 2.2, 1.4.11 and 1.4.3)', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('contrast');
    for (const [name, build] of Object.entries(REPORTS))
      await writeReportDir(join(dir, name), (await build()).files);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Printed from a dark screen, the report is light (report.css): its marks are measured on paper's white too.
  for (const [colorScheme, media] of [
    ['light', 'screen'],
    ['dark', 'screen'],
    ['dark', 'print'],
  ] as const) {
    it(`${colorScheme} ${media}: every status mark at least 3:1 against what is around it, its word 4.5:1`, async () => {
      const all: (Mark & { report: string })[] = [];
      let defined: string[] = [];
      for (const name of Object.keys(REPORTS)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
        const problems = collectPageProblems(page);
        await blockExternalRequests(page);
        await page.emulateMedia({ media });
        await page.goto(pathToFileURL(join(dir, name, 'index.html')).href, { waitUntil: 'load' });
        const found = await measure(page);
        all.push(...found.marks.map((m) => ({ ...m, report: name })));
        defined = found.defined;
        expect(problems.summary()).toBe('');
        await page.close();
      }
      // Every status the stylesheet defines was seen on a pill, each in a colour of its own.
      expect(defined.length).toBeGreaterThanOrEqual(8);
      const pillColors = new Map(all.filter((m) => m.kind === 'pill').map((m) => [m.status, m.color]));
      expect(
        defined.filter((s) => !pillColors.has(s)),
        'statuses never shown',
      ).toEqual([]);
      expect(new Set(pillColors.values()).size).toBe(pillColors.size);
      for (const kind of ['card border', 'progress bar', 'verdict border', 'legend swatch', 'roadmap diamond'])
        expect(all.filter((m) => m.kind === kind).length, kind).toBeGreaterThan(0);
      expect(all.filter((m) => m.kind === 'roadmap diamond' && !defined.includes(m.status))).toEqual([]);

      // One line per kind of mark and status, at its lowest ratio, for the failure message.
      const worst = new Map<string, Mark & { report: string }>();
      for (const m of all) {
        const key = `${m.kind} · ${m.status}`;
        if (!worst.has(key) || m.ratio < worst.get(key)!.ratio) worst.set(key, m);
      }
      const failing = [...worst]
        .filter(([, m]) => m.ratio < m.needs)
        .map(([key, m]) => `${key}: ${m.color} on ${m.against} = ${m.ratio.toFixed(2)}:1 (${m.report})`);
      expect(failing).toEqual([]);
    });
  }
});
