/**
 * How a figure is rounded for people, wherever it is shown: the report's cards and tables (report/format.ts) and
 * the checks' messages (shared/checks.ts, which the add-on's sidebar lists) use the same rule, so a message and the
 * card it points at never disagree (a check once said 28% where the card said 29%).
 */
import { isRealDay, type IsoDate } from './calendar';
import { roundHalfAway } from './decompose';
import { inEveryLanguage, type Lang, type Localized } from './i18n';
import { isIsoCurrencyCode, isPercentUnit } from './cells';
import { reachesBar, STATUS_BARS } from './pace';
import type { Direction } from './template';

/** The most decimals a percentage takes to stay short of a bar it has not reached. */
const MAX_PERCENT_DIGITS = 6;

/**
 * A ratio as a percentage and the decimals to show it with: whole from 10% (92%), one decimal from 1% (4.8%), two
 * significant digits below (0.05%, 0.45%), halves up as the value was meant (0.0705 is 7.1%, though the double is
 * a hair under it).
 *
 * A figure never rounds onto a bar a status turns on (STATUS_BARS: 70%, 90%, 100%) that its value has not reached:
 * it takes the decimals that show it short (89.6%, 69.97%, 99.8%), and only then. Beside "at risk", "90%" for
 * 0.896 read as the on-track bar met, and a key result missed at $449,230 of $450,000 showed 100% beside
 * "missed". "Reached" is the status's own test (reachesBar), so a value the status counts as 90% shows 90%.
 * `atLeast` asks for that many decimals or more (a figure told from one beside it: comparedTexts).
 */
export function percentFigure(ratio: number, atLeast = 0): { percent: number; digits: number } {
  const pct = ratio * 100;
  const size = Math.abs(pct);
  let digits = Math.max(
    atLeast,
    size >= 10 || size === 0 ? 0 : size >= 1 ? 1 : Math.min(6, Math.ceil(-Math.log10(size)) + 1),
  );
  let percent = roundHalfAway(pct, digits);
  for (const bar of STATUS_BARS) {
    if (reachesBar(ratio, bar)) continue;
    // 0.7 * 100 is 70.00000000000001: the bar as a percentage, without the float noise.
    const shownBar = roundHalfAway(bar * 100, MAX_PERCENT_DIGITS);
    while (percent >= shownBar && digits < MAX_PERCENT_DIGITS) percent = roundHalfAway(pct, ++digits);
    // Closer than the last decimal shown (but not within reachesBar's tolerance): cut, never round up.
    if (percent >= shownBar) percent = Math.floor(pct * 10 ** digits) / 10 ** digits;
  }
  return { percent, digits };
}

/** One formatter per language for the process (building one costs far more than formatting with it). */
const DAY_FORMATS = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A calendar day as people read it, on every surface (the report, the check sidebar): 15 Nov 2026 / 2026年11月15日.
 * English puts the day first, as most of the world reads it, with the short month everyone knows ("Sep", as en-US
 * writes it, not en-GB's "Sept"). Text that is not a day is given back as it is.
 */
export function dayFigure(iso: IsoDate, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  let format = DAY_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang === 'en' ? 'en-US' : lang,
      lang === 'en'
        ? { timeZone: 'UTC', month: 'short' }
        : { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' },
    );
    DAY_FORMATS.set(lang, format);
  }
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!isRealDay(y, m, d)) return iso;
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return lang === 'en'
    ? `${day.getUTCDate()} ${format.format(day)} ${day.getUTCFullYear()}`
    : format.format(day);
}

// ---------------------------------------------------------------------------------------------------
// Numbers and values in their unit

/** The locale each language writes numbers in (the report's months and charts too: report/i18n.ts LOCALES). */
export const NUMBER_LOCALES: Readonly<Record<Lang, string>> = Object.freeze({
  en: 'en-US',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
});

const DASH = '–';

/** One number format per language and style for the process (building one costs far more than using it). */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let format = NUMBER_FORMATS.get(id);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[lang], options);
    NUMBER_FORMATS.set(id, format);
  }
  return format;
}

/** Decimal places that show a value honestly without noise: 1,000,000 / 37.5 / 0.125 / 0.0005. */
export function fractionDigits(x: number): number {
  const a = Math.abs(x);
  if (a >= 1000 || Number.isInteger(x)) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  // Below 1, at least two significant digits: 0.0005 is not 0.001, nor 0.00049 zero.
  return Math.min(10, Math.max(3, Math.ceil(-Math.log10(a)) + 2));
}

/**
 * The unit as a person writes it after the number: "1 hour", "2 hours", "0.7 hours", "1 sign-up". English
 * units that are plain words (four letters or more, lower case, with a vowel; hyphens allowed) take the singular
 * for exactly 1 and the plural otherwise. Abbreviations ("kg", "hrs", "pcs", "mph", "USD") and Chinese units,
 * which do not inflect, stay as typed.
 */
export function unitFor(x: number, unit: string, lang: Lang): string {
  if (lang !== 'en' || !/^[a-z][a-z-]{3,}$/.test(unit) || !/[aeiou]/.test(unit)) return unit;
  const plural = unit.endsWith('s') && !unit.endsWith('ss');
  if (Math.abs(x) === 1) {
    if (!plural) return unit;
    return unit.endsWith('ies') ? `${unit.slice(0, -3)}y` : unit.slice(0, -1);
  }
  if (plural) return unit;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/.test(unit) ? `${unit}es` : `${unit}s`;
}

/** A number with grouped thousands and honest decimals: 1,000,000 / 37.5 / 0.125; a dash for none. */
export function numberText(x: number | null, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  const digits = fractionDigits(x);
  return numberFormat(lang, `n${digits}`, { maximumFractionDigits: digits }).format(x);
}

/** A ratio as a percentage, rounded by percentFigure: 92%, 4.8%, 89.6% beside "at risk". */
export function percentText(x: number | null, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  const { percent, digits } = percentFigure(x);
  return numberFormat(lang, `p${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(
    percent / 100,
  );
}

/**
 * A value in its metric's unit, as every surface shows it (the report's cards and tables, the checks' messages and
 * so the sidebar): a Unit that is an ISO currency code as money ($1,000,000, NT$50,000), `%` as a percentage
 * (20%), any other after the number (50,000 sign-ups, 0.7 hours).
 */
export function valueText(x: number | null, unit: string, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  const u = unit.trim();
  if (isPercentUnit(u)) return percentText(x, lang);
  if (isIsoCurrencyCode(u)) return moneyText(x, u, Math.abs(x) >= 1000 || Number.isInteger(x) ? 0 : 2, lang);
  // The unit agrees with the number as shown: 1.0004 hours shows as "1 hour", not "1 hours".
  return u
    ? `${numberText(x, lang)} ${unitFor(roundHalfAway(x, fractionDigits(x)), u, lang)}`
    : numberText(x, lang);
}

/** The fewest decimals (at most `most`) that write x as it is: 12.5 → 1, 1234.56 → 2, 1/3 → `most`. */
function exactDigits(x: number, most: number): number {
  for (let digits = 0; digits < most; digits++)
    if (Math.abs(roundHalfAway(x, digits) - x) <= 1e-9 * Math.max(1, Math.abs(x))) return digits;
  return most;
}

/**
 * A figure the plan states (a Target, a Baseline, a KPI's bar, the span between them), with the decimals it was
 * typed with: a target of 12.5% is 12.5%, 1,234.5 萬元 is 1,234.5 萬元 and 12.35 USD M is 12.35, where valueText,
 * which rounds a measured figure to what reads well, wrote 13%, 1,235 and 12.4: a plan shown as another plan.
 * Up to four decimals (of the percentage, for a %); money in whole units or cents.
 */
export function planValueText(x: number | null, unit: string, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  const u = unit.trim();
  const kind = kindOf(u);
  return textWith(x, u, kind, lang, heldDigits(x, kind), null);
}

/** How a unit writes its figures: as a percentage, as money, or as a number (after which the unit goes). */
type Kind = 'percent' | 'money' | 'number';
const kindOf = (u: string): Kind =>
  isPercentUnit(u) ? 'percent' : isIsoCurrencyCode(u) ? 'money' : 'number';

/** The decimals valueText shows a figure with (of the percentage, for a %). */
function usualDigits(x: number, kind: Kind): number {
  if (kind === 'percent') return percentFigure(x).digits;
  if (kind === 'money') return Math.abs(x) >= 1000 || Number.isInteger(x) ? 0 : 2;
  return fractionDigits(x);
}

/** The decimals a figure holds, as planValueText shows one: up to four (of the percentage, for a %); money in cents. */
function heldDigits(x: number, kind: Kind): number {
  if (kind === 'percent') return Math.max(percentFigure(x).digits, exactDigits(x * 100, 4));
  if (kind === 'money') return Number.isInteger(x) ? 0 : 2;
  return Math.max(fractionDigits(x), exactDigits(x, 4));
}

/** The most decimals a figure takes to be told from one beside it: money stops at cents. */
function mostDigits(x: number, kind: Kind): number {
  return kind === 'money' ? 2 : Math.max(heldDigits(x, kind), MAX_PERCENT_DIGITS);
}

/** Which way a figure is cut at its last decimal shown, rather than rounded: toward the side of a bar it is short of. */
type Cut = 'down' | 'up' | null;

/**
 * The figure as a text with `digits` decimals shows it (a ratio, for a %), and the decimals it takes: a percentage
 * keeps percentFigure's rule (never onto a status bar it has not reached), which may take more.
 */
function shownWith(x: number, kind: Kind, digits: number, cut: Cut): { value: number; digits: number } {
  const scale = kind === 'percent' ? 100 : 1;
  if (cut) {
    const p = 10 ** digits;
    const v = x * scale * p;
    return { value: (cut === 'down' ? Math.floor(v) : Math.ceil(v)) / p / scale, digits };
  }
  if (kind === 'percent') {
    const { percent, digits: d } = percentFigure(x, digits);
    return { value: percent / 100, digits: d };
  }
  return { value: roundHalfAway(x, digits), digits };
}

/** A figure in its unit with `digits` decimals (trailing zeros left out; money with exactly that many). */
function textWith(x: number, u: string, kind: Kind, lang: Lang, digits: number, cut: Cut): string {
  const shown = shownWith(x, kind, digits, cut);
  if (kind === 'percent')
    return numberFormat(lang, `p${shown.digits}`, {
      style: 'percent',
      maximumFractionDigits: shown.digits,
    }).format(shown.value);
  if (kind === 'money') return moneyText(shown.value, u, digits, lang);
  const text = numberFormat(lang, `n${digits}`, { maximumFractionDigits: digits }).format(shown.value);
  return u ? `${text} ${unitFor(shown.value, u, lang)}` : text;
}

// ---------------------------------------------------------------------------------------------------
// Figures read against each other

/** A figure of a group shown side by side (comparedTexts). */
export interface ComparedFigure {
  value: number | null;
  /** A figure the plan states (a Target, a bar): shown as planValueText shows it, never given more decimals. */
  plan?: boolean;
}

/**
 * Two figures of a group (by their index) that a reader reads against each other. Where `b` is a bar that `a` meets
 * going `reach` (a target, a threshold's bar), `a` short of it must not read as meeting it.
 */
export interface Comparison {
  a: number;
  b: number;
  reach?: Direction;
}

/** The status's own test of a bar (reachesBar), either way. */
const meets = (x: number, bar: number, direction: Direction) =>
  direction === 'decrease' ? reachesBar(bar, x) : reachesBar(x, bar);

/** Two figures that are the same but for the floating-point error of the sums that made them. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The texts of figures shown side by side to be read against each other: a key result's current value against the
 * value expected by now and its target, its forecast against its target, a month's reading against its bar. Each is
 * shown as valueText shows it (a plan's figure as planValueText), unless that hides what the comparison is about:
 *
 * - a figure short of a bar reads as meeting it ("Current value 20%" under "off track · met in 1 of 3 months", for
 *   0.1996 against "≥ 20%"; "50 demos" for 49.96 against "≥ 50 demos");
 * - two figures that differ read the same ("Current value 24%" beside "Expected by now 24%", for 0.235 against
 *   0.2404, beside "at risk");
 * - two that are equal read apart (a reading of 19.6% shown as 20% beside its bar of 19.6%, as the plan states it).
 *
 * Such a figure then takes the decimals it holds, as the plan's own figures do (19.96%, 49.96 demos; 23.5% against
 * 24.04%), and if it still reads so, one more at a time up to six (money: cents); one still on a bar it is short of
 * is then cut, never rounded up, as percentFigure cuts. Every other figure keeps the usual rule (whole percents
 * from 10%). `usual` is valueText, or a cache of it.
 */
export function comparedTexts(
  figures: readonly ComparedFigure[],
  comparisons: readonly Comparison[],
  unit: string,
  lang: Lang,
  usual: (x: number) => string = (x) => valueText(x, unit, lang),
): string[] {
  const u = unit.trim();
  const kind = kindOf(u);
  const state = figures.map((f) => ({
    x: f.value !== null && Number.isFinite(f.value) ? f.value : null,
    plan: f.plan === true,
    /** null: as valueText (or, for a plan's figure, planValueText) shows it. */
    digits: null as number | null,
    cut: null as Cut,
  }));
  type State = (typeof state)[number] & { x: number };
  const known = (s: (typeof state)[number] | undefined): s is State => s !== undefined && s.x !== null;
  const text = (s: State) =>
    s.digits === null
      ? s.plan
        ? planValueText(s.x, u, lang)
        : usual(s.x)
      : textWith(s.x, u, kind, lang, s.digits, s.cut);
  const digitsOf = (s: State) => s.digits ?? (s.plan ? heldDigits(s.x, kind) : usualDigits(s.x, kind));
  const shown = (s: State) => shownWith(s.x, kind, digitsOf(s), s.cut).value;
  /** One more step of decimals (or, short of a bar at the most, the cut); false when the figure has no more. */
  const raise = (s: State, toward: Direction | null): boolean => {
    if (s.plan) return false;
    const most = mostDigits(s.x, kind);
    if (s.digits === null) s.digits = heldDigits(s.x, kind);
    else if (s.digits < most) s.digits++;
    else if (toward && !s.cut) s.cut = toward === 'decrease' ? 'up' : 'down';
    else return false;
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const { a, b, reach } of comparisons) {
      const x = state[a];
      const y = state[b];
      if (!known(x) || !known(y)) continue;
      if (reach && !meets(x.x, y.x, reach) && meets(shown(x), y.x, reach)) {
        changed = raise(x, reach) || changed;
      } else if (same(x.x, y.x) ? text(x) !== text(y) : text(x) === text(y)) {
        // Equal figures shown apart (a reading of exactly 19.6% as 20% beside its bar "≥ 19.6%"): the one with fewer
        // decimals takes more; two that differ shown alike: both take the decimals they hold.
        const fewer = same(x.x, y.x) ? Math.sign(digitsOf(x) - digitsOf(y)) : 0;
        const raisedA = fewer <= 0 && raise(x, null);
        const raisedB = fewer >= 0 && raise(y, null);
        changed = raisedA || raisedB || changed;
      }
    }
  }
  return state.map((s) => (known(s) ? text(s) : DASH));
}

/** An amount in an ISO currency with exactly `digits` decimals: $1,000,000, NT$50,000, $1,234.50. */
function moneyText(x: number, currency: string, digits: number, lang: Lang): string {
  return numberFormat(lang, `c${currency}${digits}`, {
    style: 'currency',
    currency,
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(x);
}

/**
 * A message's figure in every language, made when the message is first read: a plan's issues are made by the
 * thousand and most are never shown (shared/issues.ts fills their words lazily too).
 */
export function figureInEveryLanguage(make: (lang: Lang) => string): Localized {
  let made: Localized | null = null;
  const get = (lang: Lang) => (made ??= inEveryLanguage(make))[lang];
  return {
    get en() {
      return get('en');
    },
    get 'zh-CN'() {
      return get('zh-CN');
    },
    get 'zh-TW'() {
      return get('zh-TW');
    },
  };
}
