/**
 * Render Vega-Lite specs to inline SVG strings in Node: no browser, no canvas,
 * no network.
 *
 * Pipeline: `vl.compile(spec).spec` → `vega.parse` → `new vega.View(runtime,
 * { renderer: 'none', loader })` → `view.toSVG()` → post-processing (unique
 * ids, responsive sizing, accessible name).
 *
 * Time zones: every chart must be rendered in UTC so that the output does not
 * depend on the machine's TZ (a report built in Los Angeles must show "Mar"
 * for 2026-03-01, not "Feb"). Specs should use UTC time units
 * (`timeUnit: 'utcyearmonth'`, transforms with `utcmonth` …) and, for temporal
 * fields without a time unit, `scale: { type: 'utc' }`; time formats should
 * use `formatType: 'utc'`. By default `renderChartSvg` enforces this with
 * {@link toUtcSpec} (pass `utc: false` to opt out). Expressions such as
 * `timeFormat(...)`, `month(...)` inside `calculate`/`filter` strings are NOT
 * rewritten: write `utcFormat(...)`, `utcmonth(...)` yourself. Date-only ISO
 * strings ("2026-03-01") are parsed as UTC midnight; avoid local date-time
 * strings without a `Z`/offset.
 *
 * Text metrics: with `renderer: 'none'` and no `canvas` package, Vega guesses
 * text width as 0.8 × length × fontSize, far too narrow for CJK and too wide
 * for Latin. {@link installTextMetrics} replaces it (process-wide, for every
 * Vega view in this process) with {@link estimateTextWidth}.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { Config, TopLevelSpec } from 'vega-lite';

import { charWidthEm, COMPACT_NUMBER, estimateTextWidth } from './chart-text';
import { CATEGORY_COLORS, NEUTRALS, STATUS_COLORS } from './palette.js';

// Kept importable from here, where the renderer that uses them lives.
export { charWidthEm, COMPACT_NUMBER, estimateTextWidth };

export type VegaLiteTopLevelSpec = TopLevelSpec;

export interface RenderChartOptions {
  /**
   * Unique id of the chart within the page. Used as the prefix of every id
   * inside the SVG (clip paths, gradients) so several inlined charts do not
   * collide, and as the root `<svg id>`.
   */
  id: string;
  /** Accessible name (`aria-label` and `<title>`). Defaults to the spec's title/description. */
  title?: string;
  /** Rewrite the spec to use UTC time units/scales/formats (default true). See {@link toUtcSpec}. */
  utc?: boolean;
  /** Receives Vega-Lite and Vega warnings. Defaults to `console.warn`. */
  onWarning?: (message: string) => void;
}

/** CSS font stack with CJK system fonts (used as the Vega `font` config). */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Theme: transparent background, neutral greys that read on light and dark
 * pages, Okabe–Ito categories, CJK-capable fonts. Merged under the spec's own
 * `config` (the spec wins).
 */
export const chartConfig: Config = {
  // No ARIA attributes on marks, axes and legends: Vega writes them in English ("line mark", "X-axis for a utc
  // scale…") whatever the page's language. The chart is one image with its own name (role="img", aria-label and
  // <title> in the page's language, below), and the table under each chart holds its numbers for every reader.
  aria: false,
  background: 'transparent',
  font: FONT_STACK,
  padding: 8,
  view: { stroke: null },
  title: {
    color: NEUTRALS.title,
    subtitleColor: NEUTRALS.text,
    fontSize: 14,
    fontWeight: 600,
    anchor: 'start',
  },
  axis: {
    labelColor: NEUTRALS.text,
    titleColor: NEUTRALS.title,
    domainColor: NEUTRALS.line,
    tickColor: NEUTRALS.line,
    gridColor: NEUTRALS.grid,
    gridOpacity: 0.3,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
  },
  legend: {
    labelColor: NEUTRALS.text,
    titleColor: NEUTRALS.title,
    labelFontSize: 11,
    titleFontSize: 12,
  },
  header: { labelColor: NEUTRALS.text, titleColor: NEUTRALS.title },
  range: { category: [...CATEGORY_COLORS] },
  line: { strokeWidth: 2 },
  point: { filled: true },
  mark: { color: CATEGORY_COLORS[0] },
  text: { color: NEUTRALS.text },
};

/** Vega-Lite `scale` for a nominal `status` field: domain/range from STATUS_COLORS. */
export function statusColorScale(): { domain: string[]; range: string[] } {
  const entries = Object.entries(STATUS_COLORS);
  return { domain: entries.map(([k]) => k), range: entries.map(([, v]) => v) };
}

// ---------------------------------------------------------------------------
// Text metrics
// ---------------------------------------------------------------------------

interface TextItem {
  fontSize?: number | string | null;
  limit?: number;
  ellipsis?: string;
  dir?: string;
}

interface VegaTextMetrics {
  height: (item: TextItem) => number;
  width: (item: TextItem, text?: unknown) => number;
  estimateWidth: (item: TextItem, text?: unknown) => number;
  measureWidth: (item: TextItem, text?: unknown) => number;
  canvas: (use: boolean) => void;
}

/** `vega.textMetrics` exists at runtime (re-exported from vega-scenegraph) but is missing from the typings. */
const textMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;

function itemFontSize(item: TextItem): number {
  return item.fontSize != null ? +item.fontSize || 0 : 11; // Vega's default font size
}

/** Same semantics as Vega's `estimateWidth(item, text)`, including `limit` truncation. */
function vegaTextWidth(item: TextItem, text?: unknown): number {
  const size = itemFontSize(item);
  const value = text == null ? '' : String(text).trim();
  if (size <= 0 || !value) return 0;
  const full = estimateTextWidth(value, size);
  const limit = Number(item.limit);
  if (!(limit > 0) || full < limit) return full;
  // Vega truncates to fit `limit` and appends an ellipsis.
  const ellipsis = item.ellipsis ?? '\u2026';
  const room = limit - estimateTextWidth(ellipsis, size);
  const chars = [...value];
  if (item.dir === 'rtl') chars.reverse();
  let used = 0;
  for (const ch of chars) {
    const w = charWidthEm(ch) * size;
    if (used + w > room) break;
    used += w;
  }
  return used + estimateTextWidth(ellipsis, size);
}

/**
 * Replace Vega's text width estimate (process-wide) with the CJK-aware one.
 * Idempotent; called by every {@link renderChartSvg}.
 */
export function installTextMetrics(): void {
  textMetrics.width = vegaTextWidth;
  textMetrics.estimateWidth = vegaTextWidth;
}

const axisFormats = new Map<string, Intl.NumberFormat>();
let compactInstalled = false;

function axisFormat(key: string, locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = axisFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    axisFormats.set(key, format);
  }
  return format;
}

const money = (currency: string) => (currency ? { style: 'currency' as const, currency } : {});

const compactFormat = (locale: string, currency: string) =>
  axisFormat(`${locale}|${currency}|compact`, locale, { ...money(currency), notation: 'compact' });

/** The compact notation's word for a figure as large as `x` in the locale (K, M, 萬, 億), or '' for none. */
function compactWord(x: number, locale: string, currency: string): string {
  if (!(Math.abs(x) >= 1) || !Number.isFinite(x)) return '';
  const parts = compactFormat(locale, currency).formatToParts(x);
  return parts.find((part) => part.type === 'compact')?.value ?? '';
}

/** The power of ten of the locale's smallest multiple: 3 (K) in English, 4 (萬, 万) in Chinese. */
function firstMultiple(locale: string, currency: string): number {
  let exponent = 1;
  while (exponent < 21 && !compactWord(10 ** exponent, locale, currency)) exponent++;
  return exponent;
}

/**
 * Adds `compactNumber(value, locale, currency, label, top)` to Vega's expressions (process-wide): an axis's tick as
 * people write amounts, in Intl's compact notation for the locale (1.5K, 2M, 1B; 20萬, 10億), after the currency's
 * sign when one is given (US$10億, NT$1M), as the cards write amounts. Vega's own formats are SI's (1G for a
 * billion), and know no 萬 or 億. See axisNumber.
 */
export function installCompactNumbers(): void {
  if (compactInstalled) return;
  compactInstalled = true;
  vega.expressionFunction(COMPACT_NUMBER, axisNumber);
}

/**
 * A tick of an axis whose largest figure is `top`, every tick of it in one style:
 *
 * - where the locale writes `top` with a multiple (1.2萬, $1M), every tick but 0 has one: its own ($200K, $1M), or,
 *   for one the locale writes in full, the locale's smallest (0.2萬 beside 1萬, 0.5K beside 1K; never 2000 beside 1萬);
 * - else every tick is written in full, grouped as the cards write figures (4,000). The chart of a Unit that counts
 *   in a multiple itself (萬元, K users) passes a `top` of 0, so that 12,000 萬元 reads 12,000 on its axis as on its
 *   card, never 1.2萬 (which reads as 12,000 元).
 *
 * `label` is the axis's own label of the tick, which Vega writes to the precision of the ticks' step ("1,000.2",
 * "449,500"): the text keeps what it tells ticks apart by, where three significant digits would write two ticks
 * alike. Ticks less than 1 apart are written in full with the label's decimals (1,000, 1,000.2, 1,000.4, never 1K,
 * 1K, 1K); others with a multiple keep as many significant digits as the label holds, three at least ($449.5K,
 * $449.6K).
 */
export function axisNumber(
  value: number,
  locale: string,
  currency: string,
  label?: unknown,
  top?: unknown,
): string {
  const text = typeof label === 'string' ? label : '';
  const decimals = Math.min(20, /\.(\d+)/.exec(text)?.[1].length ?? 0);
  if (decimals || value === 0 || !compactWord(Number(top) || 0, locale, currency))
    return axisFormat(`${locale}|${currency}|full|${decimals}`, locale, {
      ...money(currency),
      minimumFractionDigits: 0,
      maximumFractionDigits: decimals,
    }).format(value);
  if (compactWord(value, locale, currency)) {
    // The digits the label writes, but for those before the first that is not 0.
    const digits = Math.min(21, Math.max(3, text.replace(/\D/g, '').replace(/^0+/, '').length));
    return axisFormat(`${locale}|${currency}|compact|${digits}`, locale, {
      ...money(currency),
      notation: 'compact',
      maximumSignificantDigits: digits,
    }).format(value);
  }
  // In the locale's smallest multiple, with every digit the tick has (a step of 1 or more: a whole tick): 0.25萬.
  const exponent = firstMultiple(locale, currency);
  const whole = String(Math.abs(Math.round(value)));
  const zeros = whole.length - whole.replace(/0+$/, '').length;
  const digits = Math.min(20, Math.max(0, exponent - zeros));
  const number = axisFormat(`${locale}|fixed|${digits}`, locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(value) / 10 ** exponent);
  // The multiple's own text (sign, currency and word where the locale puts them), the tick's digits in place of its 1.
  const numeric = new Set(['integer', 'group', 'decimal', 'fraction']);
  let written = false;
  return compactFormat(locale, currency)
    .formatToParts(Math.sign(value) * 10 ** exponent)
    .map((part) => {
      if (!numeric.has(part.type)) return part.value;
      if (written) return '';
      written = true;
      return number;
    })
    .join('');
}

/** The width Vega will use for a text mark item (for tests and layout checks). */
export function vegaTextWidthFor(text: string, fontSize = 11): number {
  installTextMetrics();
  return textMetrics.width({ fontSize }, text);
}

// ---------------------------------------------------------------------------
// UTC normalisation
// ---------------------------------------------------------------------------

type Json = unknown;
type Obj = Record<string, unknown>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function utcUnit(unit: unknown): unknown {
  if (typeof unit === 'string') {
    if (unit.startsWith('utc') || unit.startsWith('binnedutc')) return unit;
    return unit.startsWith('binned') ? `binnedutc${unit.slice('binned'.length)}` : `utc${unit}`;
  }
  if (isObj(unit) && typeof unit.unit === 'string') return { ...unit, unit: utcUnit(unit.unit) };
  return unit; // e.g. { step } or { binned }: leave as is
}

function utcFieldDef(def: Obj, channel: string | null): void {
  if (def.timeUnit !== undefined) def.timeUnit = utcUnit(def.timeUnit);
  if (def.formatType === 'time') def.formatType = 'utc';
  for (const guide of ['axis', 'legend', 'header'] as const) {
    const g = def[guide];
    if (isObj(g) && g.formatType === 'time') g.formatType = 'utc';
  }
  // Only primary positional channels get an explicit scale (x2/y2 may not have one).
  if (def.type === 'temporal' && (channel === 'x' || channel === 'y') && def.scale !== null) {
    const scale = isObj(def.scale) ? def.scale : {};
    if (scale.type === undefined || scale.type === 'time') scale.type = 'utc';
    def.scale = scale;
  }
  if (isObj(def.condition)) utcFieldDef(def.condition, null);
  if (Array.isArray(def.condition)) for (const c of def.condition) if (isObj(c)) utcFieldDef(c, null);
}

function walk(node: Json): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n);
    return;
  }
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data' || key === 'datasets' || key === 'config' || key === 'usermeta') continue;
    if (key === 'encoding' && isObj(value)) {
      for (const [channel, def] of Object.entries(value)) {
        if (isObj(def)) utcFieldDef(def, channel);
        else if (Array.isArray(def)) for (const d of def) if (isObj(d)) utcFieldDef(d, channel);
      }
      continue;
    }
    if (key === 'transform' && Array.isArray(value)) {
      for (const t of value) {
        if (isObj(t) && t.timeUnit !== undefined) t.timeUnit = utcUnit(t.timeUnit);
      }
      continue;
    }
    walk(value);
  }
}

/**
 * Return a copy of `spec` that uses UTC: time units get the `utc` prefix
 * (`yearmonth` → `utcyearmonth`, in encodings and `timeUnit` transforms),
 * temporal x/y fields without an explicit scale type get `scale.type: 'utc'`,
 * `formatType: 'time'` becomes `'utc'`. Expression strings are not touched.
 */
export function toUtcSpec<T extends VegaLiteTopLevelSpec>(spec: T): T {
  const copy = structuredClone(spec);
  walk(copy);
  return copy;
}

// ---------------------------------------------------------------------------
// Network-free loader and logger
// ---------------------------------------------------------------------------

export const NETWORK_DISABLED = 'network access disabled';

/** A Vega loader that refuses every load, fetch, file read and URL sanitisation. */
export function offlineLoader(): ReturnType<typeof vega.loader> {
  const loader = vega.loader();
  const refuse = (uri: unknown): never => {
    throw new Error(`${NETWORK_DISABLED}: refused to load ${String(uri)}`);
  };
  loader.load = async (uri: string) => refuse(uri);
  loader.sanitize = async (uri: string) => refuse(uri);
  loader.http = async (uri: string) => refuse(uri);
  loader.file = async (filename: string) => refuse(filename);
  return loader;
}

function formatArgs(args: unknown[]): string {
  return args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)))
    .join(' ');
}

interface CollectingLogger {
  logger: {
    level(_?: number): number | CollectingLogger['logger'];
    error(...args: unknown[]): CollectingLogger['logger'];
    warn(...args: unknown[]): CollectingLogger['logger'];
    info(...args: unknown[]): CollectingLogger['logger'];
    debug(...args: unknown[]): CollectingLogger['logger'];
  };
  errors: string[];
}

function collectingLogger(onWarning: (message: string) => void): CollectingLogger {
  const errors: string[] = [];
  let level = 2; // Warn
  const logger: CollectingLogger['logger'] = {
    level(_?: number) {
      if (_ === undefined) return level;
      level = _;
      return logger;
    },
    error(...args) {
      errors.push(formatArgs(args));
      return logger;
    },
    warn(...args) {
      // Vega reports a failed data load as a warning and carries on with no data: treat it as an error.
      if (args[0] === 'Loading failed') errors.push(formatArgs(args));
      else onWarning(formatArgs(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return { logger, errors };
}

// ---------------------------------------------------------------------------
// SVG post-processing
// ---------------------------------------------------------------------------

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Turn an arbitrary chart id into a valid XML/HTML id token. */
export function sanitizeId(id: string): string {
  const cleaned = id.trim().replace(/[^A-Za-z0-9_-]+/g, '-');
  if (!cleaned) throw new Error('renderChartSvg: options.id must be a non-empty string');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

/**
 * Prefix every `id="x"` inside the SVG with `prefix-`, and every reference to
 * those ids (`url(#x)`, `href="#x"`, `xlink:href="#x"`). Only markup inside
 * tags is touched, never text content.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const tag of svg.match(/<[^>]+>/g) ?? []) {
    for (const m of tag.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]);
  }
  if (ids.size === 0) return svg;
  const map = (id: string): string => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg.replace(/<[^>]+>/g, (tag) =>
    tag
      .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => a + map(id) + b)
      .replace(
        /url\(\s*(['"]?)#([^)'"\s]+)\1\s*\)/g,
        (_, q: string, id: string) => `url(${q}#${map(id)}${q})`,
      )
      .replace(
        /(\s(?:xlink:)?href=")#([^"]+)(")/g,
        (_, a: string, id: string, b: string) => `${a}#${map(id)}${b}`,
      ),
  );
}

function specLabel(spec: VegaLiteTopLevelSpec): string | undefined {
  const s = spec as { title?: unknown; description?: unknown };
  if (typeof s.title === 'string') return s.title;
  if (Array.isArray(s.title)) return s.title.join(' ');
  if (isObj(s.title) && typeof s.title.text === 'string') return s.title.text;
  if (typeof s.description === 'string') return s.description;
  return undefined;
}

/**
 * The SVG without the roles Vega gives its parts ("graphics-object", aria-roledescription "line mark container"),
 * which it writes in English even with `aria: false`: the whole chart is one image with a name (makeResponsive).
 */
function withoutPartRoles(svg: string): string {
  return svg.replace(/\s(?:role="graphics-[a-z-]+"|aria-roledescription="[^"]*")/g, '');
}

function makeResponsive(svg: string, id: string, label: string): string {
  return svg.replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    const width = /\swidth="([\d.]+)"/.exec(attrs)?.[1];
    const height = /\sheight="([\d.]+)"/.exec(attrs)?.[1];
    let a = attrs.replace(/\s(?:width|height|id|role|aria-label|aria-roledescription)="[^"]*"/g, '');
    if (!/\sviewBox=/.test(a) && width && height) a += ` viewBox="0 0 ${width} ${height}"`;
    const style = `display:block;width:100%;height:auto;${width ? `max-width:${width}px;` : ''}`;
    if (/\sstyle="/.test(a)) a = a.replace(/\sstyle="([^"]*)"/, (_m, s: string) => ` style="${style}${s}"`);
    else a += ` style="${style}"`;
    return (
      `<svg id="${id}"${a} width="100%" preserveAspectRatio="xMidYMid meet" role="img" ` +
      `aria-label="${escapeAttr(label)}"><title>${escapeAttr(label)}</title>`
    );
  });
}

// ---------------------------------------------------------------------------
// Render
// ---------------------------------------------------------------------------

/**
 * Render a Vega-Lite spec to a self-contained, responsive, accessible inline
 * SVG string. Rejects if the spec tries to load anything (data URLs, images),
 * with an error mentioning "network access disabled".
 */
export async function renderChartSvg(
  spec: VegaLiteTopLevelSpec,
  options: RenderChartOptions,
): Promise<string> {
  const id = sanitizeId(options.id);
  const onWarning = options.onWarning ?? ((m: string) => console.warn(`[chart ${id}] ${m}`));
  const input = options.utc === false ? spec : toUtcSpec(spec);
  const label = options.title ?? specLabel(spec) ?? 'Chart';

  installTextMetrics();
  installCompactNumbers();
  const { logger, errors } = collectingLogger(onWarning);
  const vegaSpec = vl.compile(input, {
    config: chartConfig,
    logger: logger as unknown as NonNullable<Parameters<typeof vl.compile>[1]>['logger'],
  }).spec;
  const runtime = vega.parse(vegaSpec);
  const view = new vega.View(runtime, {
    renderer: 'none',
    loader: offlineLoader(),
    logger: logger as unknown as vega.ViewOptions['logger'],
  });
  try {
    await view.runAsync();
    if (errors.length) throw new Error(`chart "${id}": ${errors.join('; ')}`);
    const raw = await view.toSVG();
    if (errors.length) throw new Error(`chart "${id}": ${errors.join('; ')}`);
    return makeResponsive(prefixSvgIds(withoutPartRoles(raw), id), id, label);
  } finally {
    view.finalize();
  }
}
