/**
 * Stage 2a: decomposition. A key result's (or KPI's) target per month over the period, by type and phasing,
 * and the spreadsheet formula that computes the same number in Google Sheets, Excel, LibreOffice and
 * HyperFormula (only functions all four share: IF, OR, AND, ROUND, YEAR, MONTH, DATE, EDATE, COLUMN, MIN, MAX, SUMIFS,
 * COUNTIFS, MAXIFS).
 *
 * Cumulative targets are split so the months add up exactly: each month is the difference of rounded
 * cumulative shares, round(total * share(k)) - round(total * share(k - 1)). The TypeScript below performs the
 * same floating-point operations in the same order as the formula text, so both give identical numbers.
 */
import { currencyCodes, isMoneyWord, isPercentUnit, scaledUnit } from './cells';
import { monthIndex, monthOf, type IsoDate, type Month } from './calendar';
import type { KeyResult, Kpi, Plan } from './plan';
import { planIndex } from './plan-index';
import type { Direction, MetricType, Phasing } from './template';

/** Everything decomposition needs to know about one metric. */
export interface MetricSpec {
  id: string;
  type: MetricType;
  direction: Direction;
  baseline: number;
  target: number;
  /** First and last active month (the KR's Start and Due months). */
  start: Month;
  due: Month;
  phasing: Phasing;
  /** Decimal places the monthly values are rounded to. */
  precision: number;
  /** Custom phasing only: the user's weight per month. */
  weights?: Record<Month, number>;
}

/** One value per month of the period: a number, or null where the metric has no bar (threshold outside its window). */
export type MonthlyTargets = { month: Month; target: number | null }[];

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000];
/**
 * How far under a half a value may fall and still be the half: 2^-49 of it, a few units in the last place,
 * what the arithmetic before the rounding can lose (a few operations of 2^-53 each), and far below the 15
 * significant digits spreadsheets keep.
 */
const HALF_TOLERANCE = 2 ** -49;

/**
 * Spreadsheet ROUND: half away from zero, of the decimal the value stands for. 0.175 × 0.75 is the double just
 * under 0.13125, which Math.round would take down (0.1312); spreadsheets work to 15 significant digits (Excel,
 * LibreOffice; HyperFormula rounds every result to 14), where it is the half, and round it up (0.1313). So a
 * value within HALF_TOLERANCE under a half counts as the half, and the Targets tab and the core agree.
 */
export function roundHalfAway(value: number, places: number): number {
  const factor = POWERS_OF_TEN[places] ?? Math.pow(10, places);
  const rounded = Math.round(Math.abs(value) * factor * (1 + HALF_TOLERANCE)) / factor;
  return value < 0 ? -rounded : rounded;
}

/**
 * A currency as the number reader knows it (currencyCodes: an upper-case ISO 4217 code such as USD, not "pcs" or
 * "hrs"; a sign; a name in either Chinese script: NT$, 新台幣, 人民幣, 港元, 美金, ＵＳＤ), the plan's own Currency,
 * or a word for money.
 */
export function isMoneyUnit(unit: string, currency = ''): boolean {
  // 萬元 and 百萬美元 are money too: the unit after the scale word.
  const u = (scaledUnit(unit)?.rest ?? unit).trim();
  if (u === '') return false;
  return (
    currencyCodes(u) !== undefined ||
    isMoneyWord(u) ||
    (currency !== '' && u.toUpperCase() === currency.toUpperCase())
  );
}

/**
 * Whole numbers for counts, cents for money, four decimals for rates and levels: a month of 5,000.4 sign-ups
 * means nothing, a month of USD 166,666.67 does. A Unit that counts in a multiple (万人, K users, 萬元, USD MM)
 * keeps the decimals its multiple needs, up to four: 0.5 万人 is 5,000 people, not a month of 0 or 1 (10,000),
 * so whole people in 千人 (3), whole 元 in 萬元 (4), USD 100 in USD MM (4).
 */
export function precisionFor(
  type: MetricType,
  unit: string,
  target: number,
  baseline: number,
  currency = '',
): number {
  if (type === 'level' || type === 'threshold') return 4;
  if (type === 'milestone') return 0;
  if (isPercentUnit(unit)) return 4;
  const money = isMoneyUnit(unit.trim(), currency);
  const plain = money ? 2 : Number.isInteger(target - baseline) ? 0 : 2;
  const exponent = scaledUnit(unit)?.exponent ?? 0;
  return exponent > 0 ? Math.max(plain, Math.min(4, exponent + (money ? 2 : 0))) : plain;
}

/** The active window of a key result: its Start (or the period start) to its Due (or the period end). */
export function keyResultWindow(kr: KeyResult, plan: Plan): { start: IsoDate; due: IsoDate } | null {
  const start = kr.start ?? plan.period?.start ?? null;
  const due = kr.due ?? plan.period?.end ?? null;
  return start && due && start <= due ? { start, due } : null;
}

export function keyResultSpec(kr: KeyResult, plan: Plan): MetricSpec | null {
  const window = keyResultWindow(kr, plan);
  // A Type, Direction or Phasing that could not be read: nothing is split on a default (see KeyResult.unreadChoice).
  if (!window || kr.target === null || kr.unreadChoice) return null;
  return {
    id: kr.id,
    type: kr.type,
    direction: kr.direction,
    baseline: kr.baseline,
    target: kr.target,
    start: monthOf(window.start),
    due: monthOf(window.due),
    phasing: kr.phasing,
    precision: precisionFor(kr.type, kr.unit, kr.target, kr.baseline, plan.strategy.values.currency),
    weights: kr.phasing === 'custom' ? customWeights(plan, kr.id) : undefined,
  };
}

/** The weights typed on the Targets tab for a key result, found by its ID in any case; undefined without any. */
export function customWeights(plan: Plan, id: string): Record<Month, number> | undefined {
  return plan.targets?.weights[id.toLowerCase()];
}

/**
 * The key result a KPI tracks, or undefined. IDs match case-insensitively everywhere; the first of two rows
 * differing only in case wins, as the parser keeps it (see PlanIndex).
 */
export function trackedKeyResult(kpi: Kpi, plan: Plan): KeyResult | undefined {
  if (!kpi.keyResultId) return undefined;
  const position = planIndex(plan).keyResultById.get(kpi.keyResultId.toLowerCase());
  return position === undefined ? undefined : plan.keyResults[position];
}

/** A KPI's window: that of the key result it tracks (`tracked`), else the whole period; null without either. */
export function kpiWindow(
  plan: Plan,
  tracked: KeyResult | undefined,
): { start: IsoDate; due: IsoDate } | null {
  const window = tracked ? keyResultWindow(tracked, plan) : null;
  const start = window?.start ?? plan.period?.start;
  const due = window?.due ?? plan.period?.end;
  return start && due ? { start, due } : null;
}

/**
 * A KPI is a bar to meet every period (first response under 1 hour, 5,000 sign-ups a month), over the window
 * of the key result it tracks (`tracked`: when the caller has looked it up already), or the whole period.
 */
export function kpiSpec(
  kpi: Kpi,
  plan: Plan,
  tracked: KeyResult | undefined = trackedKeyResult(kpi, plan),
): MetricSpec | null {
  if (kpi.target === null || kpi.unreadChoice) return null;
  const window = kpiWindow(plan, tracked);
  if (!window) return null;
  const { start, due } = window;
  return {
    id: kpi.id,
    type: 'threshold',
    direction: kpi.direction,
    baseline: 0,
    target: kpi.target,
    start: monthOf(start),
    due: monthOf(due),
    phasing: 'even',
    precision: 4,
  };
}

/** The position of a month in the metric's window: 1 for the start month, n for the due month. */
function positionOf(spec: MetricSpec, month: Month): { k: number; n: number } {
  const start = monthIndex(spec.start);
  return { k: monthIndex(month) - start + 1, n: monthIndex(spec.due) - start + 1 };
}

/** Sum of the custom weights from the start month through the k-th active month. */
function weightsThrough(spec: MetricSpec, k: number): number {
  let sum = 0;
  const start = monthIndex(spec.start);
  for (const [month, weight] of Object.entries(spec.weights ?? {})) {
    const i = monthIndex(month) - start + 1;
    if (i >= 1 && i <= k) sum += weight;
  }
  return sum;
}

/** True when custom phasing has weights to use; otherwise it is split evenly (and a check says so). */
export function hasUsableWeights(spec: MetricSpec): boolean {
  const { n } = positionOf(spec, spec.due);
  return spec.phasing === 'custom' && weightsThrough(spec, n) > 0;
}

/** Share of the whole reached by the end of the x-th of n active months (x from 0 to n). */
function cumulativeShare(spec: MetricSpec, x: number, n: number): number {
  switch (spec.phasing) {
    case 'ramp-up':
      return (x * (x + 1)) / (n * (n + 1));
    case 'front-loaded':
      return (x * (2 * n + 1 - x)) / (n * (n + 1));
    case 'custom': {
      const total = weightsThrough(spec, n);
      return total === 0 ? x / n : weightsThrough(spec, x) / total;
    }
    default:
      return x / n;
  }
}

/** The target for one month. See the module comment for why cumulative months are differences. */
export function monthTarget(spec: MetricSpec, month: Month): number | null {
  const { k, n } = positionOf(spec, month);
  return monthTargetAt(spec, k, n);
}

/**
 * monthTarget by position: the k-th month of the n-month window (k below 1 before it, above n after it). For
 * callers that walk many months of one metric and know the positions already.
 */
export function monthTargetAt(spec: MetricSpec, k: number, n: number): number | null {
  const span = spec.target - spec.baseline;
  switch (spec.type) {
    case 'cumulative':
      if (k < 1 || k > n) return 0;
      return (
        roundHalfAway(span * cumulativeShare(spec, k, n), spec.precision) -
        roundHalfAway(span * cumulativeShare(spec, k - 1, n), spec.precision)
      );
    case 'level':
      if (k < 1) return spec.baseline;
      if (k >= n) return spec.target;
      return roundHalfAway(spec.baseline + span * cumulativeShare(spec, k, n), spec.precision);
    case 'threshold':
      return k < 1 || k > n ? null : spec.target;
    case 'milestone':
      return k >= n ? 1 : 0;
  }
}

export function decompose(spec: MetricSpec, months: Month[]): MonthlyTargets {
  // monthTarget for each month, with the window's start and length worked out once per metric, not per month.
  const start = monthIndex(spec.start);
  const n = monthIndex(spec.due) - start + 1;
  return months.map((month) => ({ month, target: monthTargetAt(spec, monthIndex(month) - start + 1, n) }));
}

/**
 * For a cumulative metric, where the metric should stand at the end of a month (baseline plus the targets so
 * far); for the others, that month's target. This is what "expected to date" compares actuals with.
 */
export function expectedAtEndOf(spec: MetricSpec, month: Month): number | null {
  const { k, n } = positionOf(spec, month);
  return expectedAtPosition(spec, k, n);
}

/** expectedAtEndOf by position (k-th month of an n-month window), as monthTargetAt is to monthTarget. */
export function expectedAtPosition(spec: MetricSpec, k: number, n: number): number | null {
  if (spec.type !== 'cumulative') return monthTargetAt(spec, k, n);
  if (k < 1) return spec.baseline;
  const x = Math.min(k, n);
  return (
    spec.baseline + roundHalfAway((spec.target - spec.baseline) * cumulativeShare(spec, x, n), spec.precision)
  );
}

// ---------------------------------------------------------------------------------------------------
// Formula text

/**
 * Cell references the month formula of one metric row reads. Everything that is the same for every month of the
 * row lives in the row's helper columns (template.ts TARGETS_HELPER_COLUMNS, filled by targets-sheet.ts), so a
 * month cell only says "this month's share minus last month's share".
 */
export interface FormulaRefs {
  /** The Target and Baseline cells on the plan tabs (Baseline may be the literal 0). */
  target: string;
  baseline: string;
  /** Helper cells of the row: months in window (n), column offset (k = COLUMN() - offset), span (T - B). */
  months: string;
  columnOffset: string;
  span: string;
  /** Helper cells of the share polynomial x * (a + b * x) / d, and the phasing code (4: custom weights). */
  shareLinear: string;
  shareSquare: string;
  shareDivisor: string;
  phasingCode: string;
  /**
   * Custom phasing rows only: the sum of the weights from the window start through this month (`through`) and
   * through the month before (`before`), as formula text.
   */
  weights?: { through: string; before: string };
}

/**
 * The cumulative share reached after x months, as formula text: x * (a + b * x) / d, plus the custom weights
 * through x when the row has them. With a = 1, b = 0, d = n it is x / n (even); a = 1, b = 1, d = n(n+1) gives
 * x(x+1)/(n(n+1)) (ramp-up); a = 2n+1, b = -1 gives x(2n+1-x)/(n(n+1)) (front-loaded); a = b = 0 with the phasing
 * code 4 and d = the weights total gives W(x)/W(n) (custom). Every intermediate is an integer below 2^53 until
 * the one division, so the result is the same double as cumulativeShare computes.
 */
export function shareFormula(x: string, refs: FormulaRefs, weightsThrough?: string): string {
  const poly = `${x}*(${refs.shareLinear}+${refs.shareSquare}*${x})`;
  const custom = weightsThrough ? `+(${refs.phasingCode}=4)*${weightsThrough}` : '';
  // In parentheses, so `span*share` multiplies by the share as cumulativeShare computes it: `span*(p)/d` would be
  // (span*p)/d, another double, which ROUND can take the other way at a half.
  return `((${poly}${custom})/${refs.shareDivisor})`;
}

/**
 * The formula for one month cell of a metric (canonical syntax: "," between arguments, no decimal literal; see
 * formulaInSyntax). k, the month's position in the window, is COLUMN() minus the row's column offset; the helper
 * columns follow the plan cells, so changing a target, a date or the phasing recalculates without a rebuild.
 */
export function monthTargetFormula(spec: Pick<MetricSpec, 'type' | 'precision'>, refs: FormulaRefs): string {
  const k = `(COLUMN()-${refs.columnOffset})`;
  const n = refs.months;
  const T = refs.target;
  const B = refs.baseline;
  const S = refs.span;
  const p = spec.precision;
  switch (spec.type) {
    case 'cumulative':
      return (
        `=IF(OR(${k}<1,${k}>${n}),0,ROUND(${S}*${shareFormula(k, refs, refs.weights?.through)},${p})` +
        `-ROUND(${S}*${shareFormula(`(${k}-1)`, refs, refs.weights?.before)},${p}))`
      );
    case 'level':
      return `=IF(${k}<1,${B}+0,IF(${k}>=${n},${T},ROUND(${B}+${S}*${shareFormula(k, refs, refs.weights?.through)},${p})))`;
    case 'threshold':
      return `=IF(OR(${k}<1,${k}>${n}),"",${T})`;
    case 'milestone':
      return `=IF(${k}>=${n},1,0)`;
  }
}

/**
 * A formula written with "," between arguments (the syntax of .xlsx files, and of Sheets in dot-decimal locales)
 * in the syntax of a spreadsheet that separates arguments with `separator`. Commas inside "text" and 'sheet names'
 * stay. The formulas here never contain a decimal literal (ratios are written 9/10), so the decimal separator of
 * the locale never matters. See docs/addon.md, "Locale".
 */
export function formulaInSyntax(formula: string, separator: ',' | ';'): string {
  if (separator === ',' || !formula.includes(',')) return formula;
  let out = '';
  let quote: '"' | "'" | null = null;
  for (const ch of formula) {
    if (quote) {
      if (ch === quote) quote = null; // a doubled quote closes and reopens: the same result
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      out += separator;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Functions newer than the .xlsx format's first edition are stored with the "_xlfn." prefix (ECMA-376 and
 * Microsoft's "Issue: An _xlfn. prefix is displayed in front of a formula"); without it Excel and LibreOffice read
 * them as unknown names (#NAME?). Of the functions the Targets tab uses, only MAXIFS is one.
 */
const XLFN_FUNCTIONS = /\b(MAXIFS)\(/g;

/**
 * A formula without its ARRAYFORMULA(…) wrappers: Google Sheets' way of evaluating arrays inside a formula (the
 * to-date formulas over an Actuals tab kept as months in columns), a function no .xlsx reader knows; there
 * SUMPRODUCT, which each of those wraps, evaluates its arrays itself.
 */
function withoutArrayFormula(formula: string): string {
  const parts = formula.split(/("[^"]*"|'[^']*')/);
  let out = '';
  /** Per open parenthesis (outside text): whether it is an ARRAYFORMULA's, whose ")" goes too. */
  const open: boolean[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      out += part;
      return;
    }
    for (let k = 0; k < part.length; k++) {
      if (part.startsWith('ARRAYFORMULA(', k) && !/[A-Z0-9_.]/i.test(part[k - 1] ?? '')) {
        open.push(true);
        k += 'ARRAYFORMULA('.length - 1;
        continue;
      }
      if (part[k] === '(') open.push(false);
      else if (part[k] === ')' && open.pop()) continue;
      out += part[k];
    }
  });
  return out;
}

/**
 * A formula (without its "=") as an .xlsx file stores it: the same text, with the _xlfn. prefixes and without
 * ARRAYFORMULA (withoutArrayFormula).
 */
export function formulaForXlsx(formula: string): string {
  if (formula.includes('ARRAYFORMULA(')) formula = withoutArrayFormula(formula);
  if (!formula.includes('MAXIFS')) return formula;
  // Only outside "text" and 'sheet names'.
  return formula
    .split(/("[^"]*"|'[^']*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(XLFN_FUNCTIONS, '_xlfn.$1(')))
    .join('');
}

/** A decimal constant such as 0.9 as an integer ratio ("9/10"), so formulas carry no decimal separator. */
export function ratioLiteral(value: number): string {
  for (let places = 0; places <= 9; places++) {
    const scale = 10 ** places;
    const numerator = Math.round(value * scale);
    if (Math.abs(numerator / scale - value) < 1e-12)
      return places === 0 ? String(numerator) : `${numerator}/${scale}`;
  }
  throw new Error(`${value} has no short decimal ratio`);
}
