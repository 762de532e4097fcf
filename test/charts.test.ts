import { readFileSync } from 'node:fs';
import { fitText } from '../report/charts';
import { STATUS_LABELS } from '../shared/progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  estimateTextWidth,
  prefixSvgIds,
  renderChartSvg,
  toUtcSpec,
  vegaTextWidthFor,
  type VegaLiteTopLevelSpec,
} from '../report/render/charts.js';
import {
  CATEGORY_COLORS,
  DARK_STATUS_COLORS,
  MILESTONE_HALO,
  NEUTRALS,
  STATUS_COLORS,
} from '../report/render/palette.js';

const MONTHS = [
  { month: '2026-03-01', value: 12 },
  { month: '2026-04-01', value: 15 },
  { month: '2026-05-01', value: 11 },
];

function lineSpec(timeUnit: 'utcyearmonth' | 'yearmonth' = 'utcyearmonth'): VegaLiteTopLevelSpec {
  return {
    data: { values: MONTHS },
    // clip: true makes Vega emit a <clipPath id="clipN">, the gradient a <linearGradient id="gradient_N">.
    mark: {
      type: 'area',
      line: true,
      clip: true,
      color: {
        gradient: 'linear',
        x1: 0,
        y1: 1,
        x2: 0,
        y2: 0,
        stops: [
          { offset: 0, color: '#ffffff' },
          { offset: 1, color: '#0072b2' },
        ],
      },
    },
    encoding: {
      x: { field: 'month', type: 'temporal', timeUnit, title: '月份 Month' },
      y: { field: 'value', type: 'quantitative', title: '收入 Revenue' },
    },
  };
}

/** Text content of every <text> element, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

/**
 * Minimal XML well-formedness check without a DOM: balanced tags, quoted
 * attributes, no raw '<' or stray '&' in text.
 */
function assertWellFormedSvg(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(svg))) {
    expect(m.index, `unparsed markup near ${svg.slice(consumed, consumed + 80)}`).toBe(consumed);
    consumed = token.lastIndex;
    const [, close, name, , selfClose, text, strayLt] = m;
    expect(strayLt, `stray '<' near ${svg.slice(m.index, m.index + 80)}`).toBeUndefined();
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    } else if (close) {
      expect(stack.pop(), `mismatched </${name}>`).toBe(name);
    } else if (!selfClose) {
      stack.push(name);
    }
  }
  expect(consumed).toBe(svg.length);
  expect(stack).toEqual([]);
}

const ids = (svg: string): string[] => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
const refs = (svg: string): string[] => [
  ...[...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]),
  ...[...svg.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
];

describe('renderChartSvg', () => {
  it('renders a well-formed, responsive, labelled SVG with CJK and Latin axis titles', async () => {
    const svg = await renderChartSvg(lineSpec(), { id: 'revenue', title: '月度收入 Monthly revenue' });
    assertWellFormedSvg(svg);
    const root = /^<svg\b[^>]*>/.exec(svg)![0];
    expect(root).toMatch(/\sviewBox="0 0 [\d.]+ [\d.]+"/);
    expect(root).toMatch(/\swidth="100%"/);
    expect(root).not.toMatch(/\sheight="/);
    expect(root).toMatch(/\srole="img"/);
    expect(root).toContain('aria-label="月度收入 Monthly revenue"');
    expect(root).toMatch(/\sid="revenue"/);
    expect(svg).toContain('<title>月度收入 Monthly revenue</title>');
    const t = texts(svg);
    expect(t).toContain('月份 Month');
    expect(t).toContain('收入 Revenue');
    expect(svg).toContain('Noto Sans CJK SC');
  });

  it('is one image with one name: no English roles or labels on its parts ("line mark container", "X-axis for…")', async () => {
    const svg = await renderChartSvg(lineSpec(), { id: 'revenue', title: '月度收入' });
    expect(svg).not.toMatch(/aria-roledescription|role="graphics-/);
    expect([...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1])).toEqual(['月度收入']);
  });

  it('gives every id a per-chart prefix: no duplicates when two charts share a page', async () => {
    const a = await renderChartSvg(lineSpec(), { id: 'chart-a' });
    const b = await renderChartSvg(lineSpec(), { id: 'chart-b' });
    const page = `<div>${a}${b}</div>`;
    const all = ids(page);
    // The spec really produces clip paths and gradients (otherwise this test proves nothing).
    expect(all.some((id) => /clip/.test(id))).toBe(true);
    expect(all.some((id) => /gradient/.test(id))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    for (const [svg, prefix] of [
      [a, 'chart-a'],
      [b, 'chart-b'],
    ] as const) {
      const own = new Set(ids(svg));
      expect(refs(svg).length).toBeGreaterThan(0);
      for (const r of refs(svg)) {
        expect(own.has(r), `dangling reference #${r}`).toBe(true);
        expect(r.startsWith(`${prefix}-`)).toBe(true);
      }
    }
  });

  it('prefixSvgIds rewrites markup only, never text content', () => {
    const svg =
      '<svg><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)"><text>id="clip1" url(#clip1)</text></g></svg>';
    expect(prefixSvgIds(svg, 'p')).toBe(
      '<svg><defs><clipPath id="p-clip1"/></defs><g clip-path="url(#p-clip1)"><text>id="clip1" url(#clip1)</text></g></svg>',
    );
  });

  describe('in a non-UTC process time zone', () => {
    const savedTz = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/Los_Angeles';
    });
    afterAll(() => {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    });

    it('the time zone change is really in effect (guards the tests below)', () => {
      // 2026-03-01T00:00Z is still February in Los Angeles.
      expect(new Date(Date.UTC(2026, 2, 1)).getMonth()).toBe(1);
    });

    it('labels months in UTC: 2026-03-01 is "Mar"', async () => {
      const svg = await renderChartSvg(lineSpec('utcyearmonth'), { id: 'utc' });
      const labels = texts(svg).filter((s) => /\d{4}$/.test(s));
      expect(labels).toEqual(['Mar 2026', 'Apr 2026', 'May 2026']);
    });

    it('a local-time spec would be shifted (control), and the default UTC rewrite fixes it', async () => {
      const local = await renderChartSvg(lineSpec('yearmonth'), { id: 'local', utc: false });
      expect(texts(local)).toContain('Feb 2026');

      const rewritten = await renderChartSvg(lineSpec('yearmonth'), { id: 'rewritten' });
      const labels = texts(rewritten).filter((s) => /\d{4}$/.test(s));
      expect(labels).toEqual(['Mar 2026', 'Apr 2026', 'May 2026']);
    });

    it('temporal fields without a time unit get a utc scale', async () => {
      const spec: VegaLiteTopLevelSpec = {
        data: { values: MONTHS },
        mark: 'line',
        encoding: {
          x: {
            field: 'month',
            type: 'temporal',
            axis: { format: '%b', tickCount: { interval: 'month', step: 1 } },
          },
          y: { field: 'value', type: 'quantitative' },
        },
      };
      const normalized = toUtcSpec(spec) as { encoding: { x: { scale: { type: string } } } };
      expect(normalized.encoding.x.scale.type).toBe('utc');
      expect((spec as { encoding: { x: { scale?: unknown } } }).encoding.x.scale).toBeUndefined(); // input untouched
      const svg = await renderChartSvg(spec, { id: 'no-unit' });
      const t = texts(svg);
      expect(t).toContain('Mar');
      expect(t).not.toContain('Feb');
    });
  });

  it('cuts a long label with "…" never right after a comma, a space or other punctuation', () => {
    for (const text of ['Sales playbook in APAC, EMEA and the Americas', '亞太區銷售手冊，歐洲、中東與美洲'])
      for (let width = 30; width <= 300; width += 2) {
        const cut = fitText(text, width, 11);
        if (cut !== text && cut) expect(cut, `${width}`).not.toMatch(/[\s\p{P}]…$/u);
      }
  });

  it('estimates CJK text wider than Latin text of the same length', () => {
    const cjk = vegaTextWidthFor('月份收入', 11);
    const latin = vegaTextWidthFor('Mont', 11);
    expect(cjk).toBeGreaterThan(latin);
    expect(cjk).toBeCloseTo(4 * 11, 5); // full width: ~1 em per character
    expect(latin).toBeLessThan(0.8 * 4 * 11); // narrower than Vega's 0.8 em guess
    expect(estimateTextWidth('1111', 10)).toBeLessThan(estimateTextWidth('MMMM', 10));
    expect(vegaTextWidthFor('月份收入', 22)).toBeCloseTo(2 * cjk, 5); // honours font size
  });

  it('uses the CJK-aware estimate for layout (wider CJK labels push the plot right)', async () => {
    const bars = (names: string[]): VegaLiteTopLevelSpec => ({
      data: { values: names.map((name, i) => ({ name, value: i + 1 })) },
      mark: 'bar',
      encoding: {
        y: { field: 'name', type: 'nominal', title: null },
        x: { field: 'value', type: 'quantitative', title: null },
      },
    });
    const offset = (svg: string): number => {
      const m = /<g fill="none"[^>]*transform="translate\(([\d.]+),/.exec(svg);
      expect(m).not.toBeNull();
      return Number(m![1]);
    };
    const cjk = await renderChartSvg(bars(['研发部门', '市场部门']), { id: 'cjk' });
    const latin = await renderChartSvg(bars(['Rand', 'Mkts']), { id: 'latin' });
    expect(offset(cjk)).toBeGreaterThan(offset(latin));
  });

  it('refuses network access for data URLs', async () => {
    const spec: VegaLiteTopLevelSpec = {
      data: { url: 'http://example.com/x.csv' },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    await expect(renderChartSvg(spec, { id: 'net', onWarning: () => {} })).rejects.toThrow(
      /network access disabled/,
    );
  });

  it('exposes colour-blind-safe status colours for every status', () => {
    expect(Object.keys(STATUS_COLORS).sort()).toEqual(Object.keys(STATUS_LABELS).sort());
    for (const c of Object.values(STATUS_COLORS)) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(Object.keys(STATUS_LABELS).length);
    expect(Object.keys(DARK_STATUS_COLORS).sort()).toEqual(Object.keys(STATUS_LABELS).sort());
    expect(new Set(Object.values(DARK_STATUS_COLORS)).size).toBe(Object.keys(STATUS_LABELS).length);
  });

  it("the check sidebar's status dots have the report's status colours, so a status looks the same on both", () => {
    const css = readFileSync(new URL('../apps-script/sidebar/sidebar.css', import.meta.url), 'utf8');
    const dots = Object.fromEntries(
      [...css.matchAll(/\.status-([a-z-]+) \.dot \{\s*background: (#[0-9a-f]{6});/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    expect(dots).toEqual(STATUS_COLORS);
  });

  it('a light status colour is no other colour of the charts, so that a dark screen swaps only status marks', () => {
    const others = [...CATEGORY_COLORS, ...Object.values(NEUTRALS), MILESTONE_HALO];
    expect(Object.values(STATUS_COLORS).filter((c) => others.includes(c))).toEqual([]);
    // Nor, on a dark screen, is a status's colour a phase's: a diamond would vanish on its own bar.
    expect(Object.values(DARK_STATUS_COLORS).filter((c) => CATEGORY_COLORS.includes(c))).toEqual([]);
  });
});
