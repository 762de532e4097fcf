/**
 * Which Actuals rows count, decided once for every surface. Progress (and so the report, plan.json and the
 * sidebar) skips the rows this screen excludes, and the checks report each exclusion at its Actuals cell, so a
 * value is never dropped silently and never counted by one surface but not another.
 *
 * Excluded here (independent of the as-of day):
 * - a value the metric's type makes impossible: a milestone other than 0 or 1, a negative monthly amount of a
 *   cumulative count that should go up, a `%` value that only makes sense divided by 100 (13 for 13%);
 * - the second of two identical check-ins (same date, metric and value): counted once;
 * - a subtotal of a cumulative key result's check-ins right above it (its Note says so, and it is their sum:
 *   shared/subtotals.ts), which would count them twice;
 * - a check-in dated in a month before the metric's Start month (but a milestone's done: done early is done), or
 *   after its last month (a key result's due month), where it could never count.
 * Check-ins of months after the judged month are not excluded here: progress leaves them for later without an
 * issue, since they are not mistakes. A value far off the metric's scale is counted, and said (check-in-off-scale,
 * month-over-target).
 */
import {
  judgedMonthIndex,
  monthFromIndex,
  monthIndex,
  monthIndexOfDay,
  monthOf,
  type IsoDate,
  type Month,
} from './calendar';
import { isPercentUnit, scaledUnit } from './cells';
import {
  expectedAtEndOf,
  isMoneyUnit,
  keyResultSpec,
  keyResultWindow,
  kpiSpec,
  monthTargetAt,
  type MetricSpec,
} from './decompose';
import { figureInEveryLanguage, numberText, planValueText, valueText } from './figures';
import { fill, inEveryLanguage } from './i18n';
import {
  COUNTED,
  makeIssue,
  PERCENT_CONSEQUENCES,
  type IssueCode,
  type IssueLocation,
  type PlanIssue,
} from './issues';
import type { Actual, KeyResult, Kpi, Plan } from './plan';
import { groupPositions, planIndex, type Groups, type PlanIndex } from './plan-index';
import {
  checkInAt,
  checkInColumns,
  dateAt,
  monthIndexOfDayNumber,
  valueCellColumn,
  valueFieldOf,
  type CheckInColumns,
} from './check-in-columns';
import type { TextTable } from './text-table';
import { tabDef, type Localized, type Direction, type MetricType } from './template';
import { subtotalCheckIns, type Subtotal } from './subtotals';

/**
 * A `%` reading about a hundredth of its plan: 0.86% (0.0086) against 70% → 90%, typed for 86% (the ratio
 * 0.86 with a % sign added, or a percent divided by 100 once too often). True when the plan's smallest figure
 * is PLAN_FLOOR_FOR_HUNDREDTH (50%) or more, the reading is above 0 and under a tenth of that figure, and a
 * hundred times it lies near the plan's own figures (from half the smallest to twice the largest).
 *
 * Why the floor: the reading alone cannot tell a slip from a real month; only the plan's scale can. Below a
 * tenth of a plan whose every figure is 50% or more, a real reading would sit 45 points and more below
 * anything planned, which no bad month of a share, an accuracy or a retention reaches (a hundredth of it,
 * 0.86% against 70% → 90%, is the ratio typed with a % sign). Against a plan of small figures the same
 * hundredth is only a few points off, and real months get there: a month's growth of 0.05% against
 * "growth ≥ 5%" (a flat month: growth swings through 0; the example's runs from 13% to 125%), a conversion of
 * 0.1% in a launch month against 5% → 20% (one sale in a thousand trials), a churn of 0.03% against 5% → 2%
 * (one customer in 3,000, the example's business goal). Saying a slip there would often be untrue and teach users
 * to skip the warning, so it is not said.
 *
 * The same holds whichever way the plan goes. Against a plan to go down from 50% or more (the share of manual
 * tickets from 80% → 50%), 0.6% is 60% typed with a % sign: a real share would have fallen to under a tenth
 * of its target in a month, and the slip is the worse one there, as it reads far ahead of plan rather than
 * behind. Against churn from 5% → 2%, or a bar to stay under such as error rate ≤ 2%, a reading near 0% is
 * the goal met, and not said. A plan from 0% (a rollout, whose first readings are small) is under the floor.
 * Counted as typed, and said (percent-reading-low): the check warns, it never changes a number.
 */
export const PLAN_FLOOR_FOR_HUNDREDTH = 0.5;

/**
 * A `%` level's reading about a hundredth of the metric's reading before it on the tab: 0.13% after 12%, typed for
 * 13% (the ratio with a % sign added). It catches the slip under readsHundredthOfPlan's floor, where the plan's
 * own figures are small (a conversion from 5% to 20%): a level (a conversion, a share, an accuracy) moves from
 * one month to the next, and a real one does not fall to a hundredth of itself in a month, landing where a hundred
 * times it is near the last reading (from half to twice it), but by a broken count, which is worth a look too.
 * Judged for levels either way, not for a KPI's bar: a month's growth swings through 0. A level to lower (churn from
 * 10% to 5%) heads for 0, but not by a hundredfold in a month: 0.07% after 7% is 7% typed as its ratio with a % sign,
 * and read as typed it shows the metric far past its target, done, where it is behind. True when the reading is
 * above 0, under a tenth of the one before, and a hundred times it lies from half to twice the one before. Counted
 * as typed, and said (percent-reading-drop).
 */
export function readsHundredthOfReading(value: number, before: number): boolean {
  if (!(before > 0 && value > 0 && value < before / 10)) return false;
  const hundredfold = value * 100;
  return hundredfold >= before / 2 && hundredfold <= before * 2;
}
export function readsHundredthOfPlan(value: number, low: number, high: number): boolean {
  return low >= PLAN_FLOOR_FOR_HUNDREDTH && isHundredthOfPlan(value, low, high);
}

/** Above 0, under a tenth of the plan's smallest figure, and a hundred times it from half that to twice the largest. */
function isHundredthOfPlan(value: number, low: number, high: number): boolean {
  if (!(value > 0 && value < low / 10)) return false;
  const hundredfold = value * 100;
  return hundredfold >= low / 2 && hundredfold <= high * 2;
}

/**
 * A `%` value v typed as a whole number is caught when it is above 1 (100%), lies outside the metric's
 * plausible range, and v / 100 lies inside it. The plausible range is ±PERCENT_RANGE_FACTOR times the larger of
 * the metric's baseline and target; a bar to exceed (a threshold or KPI that should increase) has no upper end,
 * so there the range reaches up to OPEN_BAR_CEILING (1,000%) at least. Examples: 13 against a 5% → 20% plan
 * (range ±1) is flagged, 0.13 is inside; a real 1.3 (130% retention) against 100% → 120% (range ±6) is not
 * flagged, 130 is; a 125% month against a "growth ≥ 5%" bar is not flagged, 24 is. Under that ceiling, from 2
 * (200%) up, a reading against such a bar may be a whole percent (3 for 3%) as well as a real month (300% growth in
 * a launch month): counted, and said (percent-reading-high, mayBeWholePercent), since typing "300%" gives the same
 * number 3 and a real month must stay enterable.
 */
export const PERCENT_RANGE_FACTOR = 5;
export const OPEN_BAR_CEILING = 10;
/** From this reading up (200%), under OPEN_BAR_CEILING, a reading against a bar to exceed may be a whole percent. */
const OPEN_BAR_DOUBT = 2;
/** The smallest scale the range is taken over, so a plan from 0% to 1% still has a sensible range. */
const MIN_PERCENT_SCALE = 0.01;

/** True when `value` in a `%` metric whose baseline/target reach up to `scale` reads as a whole percent. */
export function looksLikeWholePercent(value: number, scale: number, openAbove = false): boolean {
  const bound = PERCENT_RANGE_FACTOR * Math.max(Math.abs(scale), MIN_PERCENT_SCALE);
  const low = -bound;
  const high = openAbove ? Math.max(bound, OPEN_BAR_CEILING) : bound;
  // Spelled out rather than with an `inside(x)` helper: this runs for every `%` check-in of the plan. A value
  // under 1 can be a whole percent too, in a plan of small rates: 0.9 against 0.5% → 2% (range ±0.1) is 0.9%;
  // but not below the range: −0.3 for a month of −30% growth is a bad month, not −0.3%.
  if (value >= low && value <= high) return false;
  if (value < low && value >= -1) return false;
  const ratio = value / 100;
  return ratio >= low && ratio <= high;
}

/**
 * A plain 1 in a `%` metric whose plan reaches no more than a fifth of 100% (5% → 20%, a bar of 5%): 100% is then
 * on or beyond the edge of the plausible range while 1% lies inside it, and 1 is how both are typed (the edge is
 * inclusive in looksLikeWholePercent, so 1 against a 20% target read silently as 100%, done). Not counted, and asked
 * which (percent-one); the same 1 against 70% → 90% is an ordinary 100%. Typed as "100%" it is never asked about.
 */
export function oneMayBeOnePercent(scale: number): boolean {
  return PERCENT_RANGE_FACTOR * Math.max(Math.abs(scale), MIN_PERCENT_SCALE) <= 1;
}

/**
 * A reading of 200% or more (under OPEN_BAR_CEILING) against a bar to exceed whose hundredth would be a plausible
 * reading too: 3 against "growth ≥ 5%" is 300% or 3%. Counted as typed, and said at its cell. So is a plain 1
 * (100% or 1%): the whole number typed most for 1%, and as real a month as 300% is.
 */
export function mayBeWholePercent(value: number, scale: number): boolean {
  if ((value < OPEN_BAR_DOUBT && value !== 1) || value > OPEN_BAR_CEILING) return false;
  const bound = PERCENT_RANGE_FACTOR * Math.max(Math.abs(scale), MIN_PERCENT_SCALE);
  // Within the plan's own range it is an ordinary reading: 350% against "ROAS ≥ 400%" is no 3.5%.
  return value > bound && value / 100 <= bound;
}

/**
 * From this figure up (10,000%) a `%` metric's baseline or target is taken as typed in whole percents, whatever the
 * other figure: no conversion, retention or growth rate is planned that high.
 */
const NO_RATE_FROM = 100;

/**
 * The parse-time form for a key result's own Baseline and Target in a `%` metric: which of the two (if any) was
 * typed as a whole percent. Either the figure is judged against the other one (taken as at least 30%, so that
 * 0% → 150% stays a real plan), or both are whole numbers of 2 or more (5 → 20): then the target is flagged.
 * `typed`: which figures were typed with their percent sign (120%), which say what they are: never the one flagged,
 * and the other, plain one is judged against them (95 → 120% is 9,500% → 120%: the baseline).
 */
export function wholePercentFigure(
  baseline: number,
  target: number,
  typed: { baseline: boolean; target: boolean } = { baseline: false, target: false },
): 'baseline' | 'target' | null {
  const b = Math.abs(baseline);
  const t = Math.abs(target);
  if (typed.baseline && typed.target) return null;
  // A plain figure against one typed with its sign: a whole percent when it is one against it, or 10,000% or more.
  const againstTyped = (plain: number, sure: number) =>
    plain >= NO_RATE_FROM || (plain > 1 && looksLikeWholePercent(plain, Math.max(sure, 0.3)));
  if (typed.target) return againstTyped(b, t) ? 'baseline' : null;
  if (typed.baseline) return againstTyped(t, b) ? 'target' : null;
  if (t > 1 && b <= 1 && looksLikeWholePercent(t, Math.max(b, 0.3))) return 'target';
  if (b > 1 && t <= 1 && looksLikeWholePercent(b, Math.max(t, 0.3))) return 'baseline';
  if (b > 1 && t > 1 && Math.max(b, t) >= 2 && Math.max(b, t) <= 100) return 'target';
  // 10,000% or more is no rate a plan aims at or starts from: 200 against 5% is 200% or 20% typed without its sign.
  if (t >= NO_RATE_FROM) return 'target';
  if (b >= NO_RATE_FROM) return 'baseline';
  return null;
}

/**
 * A key result's plain 1 (Baseline or Target) in a `%` metric that, read as 100%, runs against its own Direction
 * while read as 1% it runs with it: 1 → 20% to increase, 20% → 1 to decrease. 1 is how both 1% and 100% are typed,
 * and wholePercentFigure takes 100% as a real figure; read so, the key result showed done (the contradiction put
 * the baseline beyond the target). The Direction tells which is likelier; the cell is asked (percent-one).
 */
export function percentOneFigure(
  baseline: number,
  target: number,
  direction: Direction,
  typed: { baseline: boolean; target: boolean },
): 'baseline' | 'target' | null {
  if (direction === 'increase' && baseline === 1 && !typed.baseline && target > 0.01 && target < 1)
    return 'baseline';
  if (direction === 'decrease' && target === 1 && !typed.target && baseline > 0.01 && baseline < 1)
    return 'target';
  return null;
}

/**
 * A KPI's bar in a `%` metric has nothing to be judged against but itself: 2 or more (200% and above) reads as a
 * whole percent ("5" for a "growth ≥ 5%" bar, 150 for "utilisation ≤ 150%"), while 1.5 (150%) stays a real bar.
 * (A bar typed with its percent sign, 300%, is taken as typed: the parser does not ask.)
 */
export const kpiTargetLooksWhole = (target: number): boolean => Math.abs(target) >= 2;

/** A metric without a window: its startIndex and dueIndex in MetricFacts. */
const NO_MONTH = -1;
/** A Metric cell whose group is not worked out yet (metricFacts' groupOfName); -1 is no metric's. */
const UNKNOWN_GROUP = -2;

/** A `%` metric's plan that reaches 100% or more: its figures as read and where its Target is (planInWholePercents). */
interface WholePlan {
  figures: number[];
  at: IssueLocation;
}

/**
 * What each metric's check-ins are judged against (its type, unit, range and first counted month), by group:
 * metrics are numbered as their facts are made. Columns, one typed array per fact, rather than an object per metric:
 * 18,500 objects at 10,000 key results, each kept through the whole screen, were a tenth of its time on a machine
 * where every fresh page of memory is slow to touch (docs/report.md). Type, unit, direction and ID are the metric's
 * own, read from it (metricOf).
 */
class MetricFacts {
  /** How many groups have facts. */
  count = 0;
  /** Of each group: the key result's position in plan.keyResults (0 or more) or the KPI's, as −1 − position. */
  readonly metricOf: Int32Array;
  /** isPercentUnit(unit), worked out once per metric rather than for each of its check-ins (1 or 0). */
  readonly percent: Uint8Array;
  /** The larger of |baseline| and |target|, for the `%` test; NaN without a target. */
  readonly scale: Float64Array;
  /** monthIndex of the metric's Start month (compared with each check-in's month as a number); NO_MONTH without. */
  readonly startIndex: Int32Array;
  /**
   * monthIndex of the last month a check-in of the metric can count in, after which one is said
   * (check-in-after-due): a key result's due month; a KPI's, the period's last month (a KPI is read on after the key
   * result it tracks is due, and what counts for that key result's months is progress's business). NO_MONTH without.
   */
  readonly dueIndex: Int32Array;
  /** A KPI's due month is the period's end: said as such (check-in-after-period), since a KPI has no Due (1 or 0). */
  readonly duePeriodEnd: Uint8Array;
  /** The index in plan.actuals of the metric's latest row kept so far (for repeats), or -1. */
  readonly lastRow: Int32Array;
  /** Above this a check-in is far off the metric's scale (offScaleBound); NaN when nothing is judged. */
  readonly offScaleAbove: Float64Array;
  /**
   * A cumulative key result whose month's amount is judged against its own plan (month-far-above-plan): the amount
   * above which it is worth working that month's plan out (nothing under it can be far above; farAboveBound), NaN
   * when nothing is judged; and the months of its window.
   */
  readonly monthPlanAbove: Float64Array;
  readonly monthPlanMonths: Int32Array;
  /**
   * Repeats (screenCheckIns fills it): by group, then by date, the index in plan.actuals of the latest row of this
   * metric and date kept so far; the earlier ones are chained behind it (see there). Made only once a row of the
   * metric comes dated on or before an earlier one: until then `lastRow` is enough (see screenCheckIns).
   */
  readonly firstOnDate = new Map<number, Map<number, number>>();
  /**
   * A `%` level, threshold or KPI with a target, either direction: its smallest and largest figure, against which
   * a reading about a hundredth of the plan is said (readsHundredthOfPlan); NaN when nothing is judged.
   */
  readonly planLow: Float64Array;
  readonly planHigh: Float64Array;
  /** For a `%` level, threshold or KPI whose plan reaches 100% or more, by group (planInWholePercents). */
  readonly wholePlan = new Map<number, WholePlan>();

  constructor(
    private readonly plan: Plan,
    /** Each key result's spec, by position (month-far-above-plan judges against it). */
    private readonly keyResultSpecs: readonly (MetricSpec | null)[],
    capacity: number,
  ) {
    this.metricOf = new Int32Array(capacity);
    this.percent = new Uint8Array(capacity);
    this.scale = new Float64Array(capacity);
    this.startIndex = new Int32Array(capacity);
    this.dueIndex = new Int32Array(capacity);
    this.duePeriodEnd = new Uint8Array(capacity);
    this.lastRow = new Int32Array(capacity).fill(-1);
    this.offScaleAbove = new Float64Array(capacity);
    this.monthPlanAbove = new Float64Array(capacity).fill(NaN);
    this.monthPlanMonths = new Int32Array(capacity);
    this.planLow = new Float64Array(capacity).fill(NaN);
    this.planHigh = new Float64Array(capacity).fill(NaN);
  }

  /** A metric's facts before its check-ins are screened; returns its group. */
  add(
    metric: { id: string; unit: string; direction: Direction; target: number | null; baseline?: number },
    /** Its position: a key result's in plan.keyResults, or −1 − a KPI's in plan.kpis. */
    position: number,
    type: MetricType,
    scale: number | null,
    start: Month | null,
    due: Month | null,
  ): number {
    const g = this.count++;
    const percent = isPercentUnit(metric.unit);
    this.metricOf[g] = position;
    this.percent[g] = percent ? 1 : 0;
    this.scale[g] = scale ?? NaN;
    this.startIndex[g] = start === null ? NO_MONTH : monthIndex(start);
    this.dueIndex[g] = due === null ? NO_MONTH : monthIndex(due);
    this.offScaleAbove[g] = offScaleBound(type, percent, scale, metric) ?? NaN;
    // A reading about a hundredth of the plan is judged against a level's path or a bar, either way (the floor
    // that keeps a real low month from being called a slip is readsHundredthOfPlan's).
    const target = metric.target ?? 0;
    const baseline = type === 'threshold' ? (metric.baseline ?? target) : (metric.baseline ?? 0);
    if (percent && (type === 'level' || type === 'threshold') && metric.target !== null) {
      this.planLow[g] = Math.min(baseline, target);
      this.planHigh[g] = Math.max(baseline, target);
    }
    return g;
  }

  private metric(g: number): KeyResult | Kpi {
    const at = this.metricOf[g];
    return at >= 0 ? this.plan.keyResults[at] : this.plan.kpis[-1 - at];
  }
  id(g: number): string {
    return this.metric(g).id;
  }
  unit(g: number): string {
    return this.metric(g).unit;
  }
  direction(g: number): Direction {
    return this.metric(g).direction;
  }
  /** A key result's own type; a KPI is a threshold. */
  type(g: number): MetricType {
    const at = this.metricOf[g];
    return at >= 0 ? this.plan.keyResults[at].type : 'threshold';
  }
  /** The Start month, as its messages say it; null without a window. */
  start(g: number): Month | null {
    return this.startIndex[g] === NO_MONTH ? null : monthFromIndex(this.startIndex[g]);
  }
  due(g: number): Month | null {
    return this.dueIndex[g] === NO_MONTH ? null : monthFromIndex(this.dueIndex[g]);
  }
  /** The scale, or null without a target. */
  scaleOf(g: number): number | null {
    const scale = this.scale[g];
    return scale === scale ? scale : null;
  }
  /** The spec a month's amount is judged against (month-far-above-plan); only where monthPlanAbove is a number. */
  monthPlanSpec(g: number): MetricSpec {
    return this.keyResultSpecs[this.metricOf[g]]!;
  }
}

export interface CheckInScreen {
  /** Each row that does not count, with why: an issue at its Actuals cell. */
  issues: PlanIssue[];
  /** The rows (in sheet order) whose Metric is no key result's or KPI's ID: the checks report each one. */
  unknown: Actual[];
  /**
   * The counted rows, as positions in plan.actuals in sheet order, grouped by metric: the rows of plan.keyResults[i]
   * are group keyResultGroup[i] and those of plan.kpis[j] group kpiGroup[j]. A KPI with a key result's ID has none
   * (-1): the rows of that ID count for the key result only, and the KPI is left out (id-on-two-tabs). Progress
   * takes each metric's rows from here rather than looking its ID up; gathered here since each row's metric is
   * looked up here anyway. Positions in two typed arrays rather than a list of rows per metric: 18,500 lists at
   * 10,000 key results, all kept until progress is done, were work for the collector.
   */
  counted: Groups;
  keyResultGroup: Int32Array;
  kpiGroup: Int32Array;
  /** monthIndexOfDay of each counted row's date, by position in plan.actuals (progress needs it again). */
  monthOfRow: Int32Array;
  /** keyResultSpec of plan.keyResults[i] and kpiSpec of plan.kpis[i], by position: progress decomposes these. */
  keyResultSpecs: (MetricSpec | null)[];
  kpiSpecs: (MetricSpec | null)[];
  /**
   * The months in which a metric's check-in was typed but refused, with an error at its cell (a value that could
   * not be read, or one its type makes impossible), by group: no "add a check-in" for those months, the error says
   * what to fix.
   */
  refusedMonths: Map<number, Set<number>>;
  /**
   * A milestone's done checked in after its due month, by group: the day of the earliest. It never counts
   * (check-in-after-due says so), but it is a fact: progress gives it as doneLateOn, so that a milestone done a week
   * late is shown done late, on that day, never "not done yet".
   */
  doneAfterDue: Map<number, IsoDate>;
}

/** The Start month of a window starting on `day`. */
const monthOfDay = (day: IsoDate | null): Month | null => (day === null ? null : monthOf(day));

/**
 * A month's amount this many times its own plan (and the average month's) is said at its cell
 * (month-far-above-plan): 49,000 where 4,900 was meant, against 5,000 a month, is under the whole target of 50,000
 * (month-over-target does not see it) and would make the key result look nearly done. A launch month at three
 * times the plan is real, and is not said.
 */
const FAR_ABOVE_PLAN = 5;

/**
 * A cumulative key result's month-far-above-plan bound: an amount is far above its plan when it is over half the
 * whole target and FAR_ABOVE_PLAN times both its month's plan and the average month (span / months); over the whole
 * target is month-over-target's. Null for a window of under six months, where that bound is the whole target or
 * more, and for a span under 100.
 */
function farAboveBound(spec: MetricSpec): { months: number; above: number } | null {
  const months = monthIndex(spec.due) - monthIndex(spec.start) + 1;
  const span = Math.abs(spec.target - spec.baseline);
  // Under six months the bound is the whole target or more (month-over-target's); under 100 a month of a few
  // (seven hires of a year's twelve) is no typo, and an extra zero there is over the whole target anyway.
  if (months < 6 || span < 100) return null;
  return { months, above: Math.max(span / 2, (FAR_ABOVE_PLAN * span) / months) };
}

/**
 * A `%` level, threshold or KPI whose figures reach 100% or more (3 → 1, a bar of 1) while every check-in of it
 * that is not 0 is about a hundredth of them (2.8%, 2.9%): the plan was typed in whole percents (3 for 3%), and
 * read as it is, the metric would show done when it is behind. Each such check-in's percent lies within five
 * times the plan's figures either way, and the check-in itself is under a tenth of the smallest figure that is
 * not 0. A real plan of 100% or more (retention 100% → 120%, "utilisation ≤ 100%") has check-ins near its figures.
 */
export function planInWholePercents(figures: readonly number[], values: readonly number[]): boolean {
  // A plan from 0 is judged as typed: 0 → 1 is a rollout from 0% to 100%, whose first readings (2%, 5%) are about a
  // hundredth of the target without any mistake; only a plan whose every figure is 1 or more (3 → 1) is suspect.
  if (figures.some((x) => x === 0)) return false;
  const sizes = figures.map(Math.abs).filter((x) => x > 0);
  if (sizes.length === 0) return false;
  const high = Math.max(...sizes);
  const low = Math.min(...sizes);
  if (high < 1) return false;
  let seen = false;
  for (const v of values) {
    if (v === 0) continue;
    const percent = Math.abs(v) * 100;
    if (percent < low / PERCENT_RANGE_FACTOR || percent > high * PERCENT_RANGE_FACTOR) return false;
    if (Math.abs(v) > low / 10) return false;
    seen = true;
  }
  return seen;
}

/**
 * The facts of each of plan.keyResults and plan.kpis by position, as their group (a KPI with a key result's ID is
 * given the key result's facts, as the rows of that ID are the key result's: the Actuals tab cannot tell them apart,
 * and the KPI is left out with an error, id-on-two-tabs; a repeated ID shares the first row's), and by the ID as
 * spelled on its own tab. Also each metric's spec by position, which progress needs next: worked out here once,
 * since the facts start where the spec does.
 */
function metricFacts(
  plan: Plan,
  index: PlanIndex,
  /** The check-ins' Metric cells (CheckInColumns.metricNames). */
  names: TextTable,
): {
  facts: MetricFacts;
  /**
   * By its number in `names`, each Metric cell's group where it is spelled as a metric's ID on its own tab (as the
   * Actuals tab mostly spells it: the first metric of that spelling), else UNKNOWN_GROUP (not worked out yet).
   */
  groupOfName: Int32Array;
  /** The group of plan.keyResults[i] and plan.kpis[j]. */
  ofKeyResults: Int32Array;
  ofKpis: Int32Array;
  keyResultSpecs: (MetricSpec | null)[];
  kpiSpecs: (MetricSpec | null)[];
} {
  const groupOfName = new Int32Array(names.texts.length).fill(UNKNOWN_GROUP);
  // Each metric's own spelling of its ID, looked up among the Metric cells, so that most of them are never lowered.
  const spelledAs = (id: string, g: number) => {
    const k = names.indexOf(id);
    if (k >= 0 && groupOfName[k] === UNKNOWN_GROUP) groupOfName[k] = g;
  };
  const ofKeyResults = new Int32Array(plan.keyResults.length);
  const ofKpis = new Int32Array(plan.kpis.length);
  const keyResultSpecs: (MetricSpec | null)[] = new Array(plan.keyResults.length);
  const kpiSpecs: (MetricSpec | null)[] = new Array(plan.kpis.length);
  const facts = new MetricFacts(plan, keyResultSpecs, plan.keyResults.length + plan.kpis.length);
  for (let i = 0; i < plan.keyResults.length; i++) {
    const kr = plan.keyResults[i];
    const spec = (keyResultSpecs[i] = keyResultSpec(kr, plan));
    const first = index.keyResultFirst[i];
    if (first !== i) {
      ofKeyResults[i] = ofKeyResults[first];
      spelledAs(kr.id, ofKeyResults[first]);
      continue;
    }
    const scale = kr.target === null ? null : Math.max(Math.abs(kr.baseline), Math.abs(kr.target));
    // The spec spans the window's months; without a target there is no spec, but there is a window.
    const window = spec ? null : keyResultWindow(kr, plan);
    const start = spec ? spec.start : monthOfDay(window?.start ?? null);
    const due = spec ? spec.due : monthOfDay(window?.due ?? null);
    const g = facts.add(kr, i, kr.type, scale, start, due);
    const percent = facts.percent[g] === 1;
    if (spec && kr.type === 'cumulative' && !percent) {
      const bound = farAboveBound(spec);
      if (bound) {
        facts.monthPlanAbove[g] = bound.above;
        facts.monthPlanMonths[g] = bound.months;
      }
    }
    if (percent && kr.target !== null && kr.type !== 'cumulative' && kr.type !== 'milestone') {
      const whole = wholePlanOf([kr.baseline, kr.target], plan, 'keyResults', kr.row);
      if (whole) facts.wholePlan.set(g, whole);
    }
    spelledAs(kr.id, g);
    ofKeyResults[i] = g;
  }
  for (let j = 0; j < plan.kpis.length; j++) {
    const kpi = plan.kpis[j];
    const trackedAt = index.keyResultOfKpi[j];
    const tracked = trackedAt < 0 ? undefined : plan.keyResults[trackedAt];
    const spec = (kpiSpecs[j] = kpiSpec(kpi, plan, tracked));
    const namesakeAt = index.keyResultNamedLikeKpi[j];
    const known =
      namesakeAt >= 0 ? ofKeyResults[namesakeAt] : index.kpiFirst[j] !== j ? ofKpis[index.kpiFirst[j]] : -1;
    if (known >= 0) {
      ofKpis[j] = known;
      spelledAs(kpi.id, known);
      continue;
    }
    const window = spec ? null : tracked ? keyResultWindow(tracked, plan) : null;
    const start = spec ? spec.start : monthOfDay(window?.start ?? plan.period?.start ?? null);
    const scale = kpi.target === null ? null : Math.abs(kpi.target);
    const g = facts.add(kpi, -1 - j, 'threshold', scale, start, monthOfDay(plan.period?.end ?? null));
    facts.duePeriodEnd[g] = 1;
    if (facts.percent[g] === 1 && kpi.target !== null) {
      const whole = wholePlanOf([kpi.target], plan, 'kpis', kpi.row);
      if (whole) facts.wholePlan.set(g, whole);
    }
    spelledAs(kpi.id, g);
    ofKpis[j] = g;
  }
  return { facts, groupOfName, ofKeyResults, ofKpis, keyResultSpecs, kpiSpecs };
}

/**
 * A reading (a level, a threshold, a KPI) more than this many times the larger of its metric's baseline and target
 * is said at its cell (check-in-off-scale): an extra zero or three, an amount in units where the target is in
 * thousands (50,000 read against a level of 50 "K users"), minutes in an hours KPI.
 */
const OFF_SCALE_FACTOR = 100;

/**
 * The value above which a check-in is said to be off its metric's scale; it is still counted (a real record must
 * not be dropped, and the warning names the cell that decides the status). A cumulative key result's check-in is
 * one month's amount: more than the whole target (target − baseline) in a single month is said too
 * (month-over-target), as an extra zero on a month's amount mostly is. Percent metrics have their own, finer test
 * first (percent-as-whole-number: not counted); a milestone is 0 or 1.
 */
function offScaleBound(
  type: MetricType,
  percent: boolean,
  scale: number | null,
  metric: { target?: number | null; baseline?: number; direction?: Direction },
): number | null {
  if (type === 'milestone' || !scale) return null;
  if (percent) {
    // What the whole-percent test lets through (120 against a 5% → 20% plan is 12,000%, not 1.2% or 12%) is
    // counted, and said, as any reading this far off is. A bar to exceed reads up to OPEN_BAR_CEILING without it.
    if (type === 'cumulative') return null;
    const open = type === 'threshold' && metric.direction === 'increase';
    return open ? Math.max(OFF_SCALE_FACTOR * scale, OPEN_BAR_CEILING) : OFF_SCALE_FACTOR * scale;
  }
  if (type !== 'cumulative') return OFF_SCALE_FACTOR * scale;
  const span = Math.abs((metric.target ?? 0) - (metric.baseline ?? 0));
  return span > 0 ? span : null;
}

/**
 * How far apart, either way of 10^e, the plan to date and what was checked in may be for a cumulative key result
 * counted in a multiple of 10^e (萬元, 千人, K USD) to read as a Target typed in full: a plan behind five times or
 * ahead twenty times stays inside, a real plan checked in at a two-hundredth of its pace does not reach it.
 */
export const IN_FULL_BAND = { below: 5, above: 20 } as const;

/**
 * Each cumulative key result counted in a multiple of a thousand or more (萬元, 千人, K USD) whose Target reads as
 * typed in full: 18000000 in 萬元 (18 億 萬元) for 1,800 萬, while its check-ins are typed in the unit (120, 150…),
 * so what was checked in is about 10^e times less than the plan asks by the latest check-in's month. One error at
 * its Target cell, and its check-ins are not counted until it is fixed, as a % plan typed in whole percents
 * (wholePercentPlans): read as it is, the key result would show a ten-thousandth of its pace. Only such key
 * results are looked at: nothing is added per check-in of the others.
 */
function plansTypedInFull(
  plan: Plan,
  /** The group of each key result, by position. */
  ofKeyResults: Int32Array,
  specs: readonly (MetricSpec | null)[],
  groupOf: Int32Array,
  checkIns: CheckInColumns,
  issues: PlanIssue[],
  refuse: (group: number, month: number) => void,
): void {
  const judged = new Map<number, { i: number; exponent: number }>();
  for (let i = 0; i < plan.keyResults.length; i++) {
    const kr = plan.keyResults[i];
    if (kr.type !== 'cumulative' || kr.target === null || !specs[i] || judged.has(ofKeyResults[i])) continue;
    const exponent = scaledUnit(kr.unit)?.exponent ?? 0;
    if (exponent >= 3 && Math.abs(kr.target - kr.baseline) >= 10 ** exponent)
      judged.set(ofKeyResults[i], { i, exponent });
  }
  if (judged.size === 0) return;
  const rowsOf = new Map<number, number[]>();
  for (let r = 0; r < groupOf.length; r++) {
    const g = groupOf[r];
    if (g < 0 || !judged.has(g)) continue;
    let list = rowsOf.get(g);
    if (!list) rowsOf.set(g, (list = []));
    list.push(r);
  }
  const layout = plan.layout.keyResults;
  for (const [g, rows] of rowsOf) {
    const { i, exponent } = judged.get(g)!;
    const kr = plan.keyResults[i];
    const spec = specs[i]!;
    let total = 0;
    let latest = 0;
    for (const r of rows) {
      total += checkIns.values[r];
      if (checkIns.days[r] > latest) latest = checkIns.days[r];
    }
    const month = monthFromIndex(monthIndexOfDayNumber(latest));
    const planned = (expectedAtEndOf(spec, month) ?? kr.baseline) - kr.baseline;
    if (total === 0 || planned === 0 || Math.sign(total) !== Math.sign(planned)) continue;
    const factor = planned / total;
    const multiple = 10 ** exponent;
    if (factor < multiple / IN_FULL_BAND.below || factor > multiple * IN_FULL_BAND.above) continue;
    const values = rows.map((r) => checkIns.values[r]);
    issues.push(
      makeIssue(
        'plan-typed-in-full',
        {
          sheet: layout?.sheet ?? tabDef('keyResults').label[plan.lang],
          row: kr.row,
          column: layout?.columns.target ?? null,
        },
        {
          id: kr.id,
          unit: kr.unit,
          target: plain(kr.target!),
          values: values.slice(0, 3).map(plain).join(', ') + (values.length > 3 ? ', …' : ''),
          month,
          factor: Number(factor.toPrecision(2)),
          scaled: plain(kr.target! / multiple),
        },
      ),
    );
    for (const r of rows) {
      groupOf[r] = -1;
      refuse(ofKeyResults[i], monthIndexOfDayNumber(checkIns.days[r]));
    }
  }
}

/** A metric's figures and Target cell, when they reach 100% or more (else null: nothing to judge). */
function wholePlanOf(
  figures: number[],
  plan: Plan,
  tab: 'keyResults' | 'kpis',
  row: number,
): WholePlan | null {
  if (!figures.some((x) => Math.abs(x) >= 1)) return null;
  const layout = plan.layout[tab];
  return {
    figures,
    at: { sheet: layout?.sheet ?? tabDef(tab).label[plan.lang], row, column: layout?.columns.target ?? null },
  };
}

/** A number as a person typed it, without binary noise (0.13, not 0.13000000000000003). */
const plain = (x: number) => Number(x.toPrecision(12));

/**
 * A figure of a metric as its messages say it, in every language: in the metric's unit, as the report's cards
 * write it ($1,500,000; 52,000 sign-ups; 150 hours; 13%), never the raw number (1500000). shared/figures.ts.
 */
const inUnit = (x: number, unit: string): Localized =>
  figureInEveryLanguage((lang) => valueText(plain(x), unit, lang));
/** A figure of the plan (a span, a scale) as the report's cards write the plan: with its decimals (planValueText). */
const planInUnit = (x: number, unit: string): Localized =>
  figureInEveryLanguage((lang) => planValueText(plain(x), unit, lang));
/** A plan's figures as a message names them, in the plan's direction: 70% → 90%, 80% → 50%, or the bar alone (5%). */
const planSpan = (from: number, to: number, unit: string): Localized =>
  from === to
    ? planInUnit(to, unit)
    : figureInEveryLanguage(
        (lang) => `${planValueText(plain(from), unit, lang)} → ${planValueText(plain(to), unit, lang)}`,
      );
/** The plan a % reading is judged against (MetricFacts.planLow / planHigh), in its direction: 70% → 90%, 80% → 50%. */
const judgedPlanSpan = (facts: MetricFacts, g: number): Localized => {
  const [low, high, unit] = [facts.planLow[g], facts.planHigh[g], facts.unit(g)];
  return facts.direction(g) === 'decrease' ? planSpan(high, low, unit) : planSpan(low, high, unit);
};
/** A reading that looks a hundredth of what was meant, as its message names it: 0.86% counted, 86% meant, or 0.86. */
const hundredthParams = (value: number) => ({
  percent: `${plain(value * 100)}%`,
  meant: `${plain(value * 10000)}%`,
  ratio: plain(value * 100),
});
/** A number as typed, for a message about how it was typed (13 for 13%, a milestone's 100), with its thousands grouped. */
const asTyped = (x: number): Localized => figureInEveryLanguage((lang) => numberText(plain(x), lang));

/** The impossible-value check for one row of group `g`, or null when the value is possible. */
function impossibleValue(
  value: number,
  facts: MetricFacts,
  g: number,
  currency: string,
  saidPercent: boolean,
  /** The cell's text where it is text (CheckInColumns.shown), quoted as it shows; else the number as typed. */
  quote: string | undefined,
): { code: IssueCode; params: Record<string, string | number | Localized> } | null {
  const type = facts.type(g);
  if (type === 'milestone') {
    return value === 0 || value === 1
      ? null
      : { code: 'milestone-check-in', params: { value: quote ?? asTyped(value) } };
  }
  const percent = facts.percent[g] === 1;
  const scale = facts.scaleOf(g);
  const openAbove = type === 'threshold' && facts.direction(g) === 'increase';
  // Against a bar to exceed, a plain 1 is counted as 100% and said (mayBeWholePercent), as 3 is.
  if (value === 1 && percent && scale !== null && !saidPercent && !openAbove && oneMayBeOnePercent(scale)) {
    return { code: 'percent-one', params: { consequence: PERCENT_CONSEQUENCES.notCounted } };
  }
  if (percent && scale !== null && !saidPercent && looksLikeWholePercent(value, scale, openAbove)) {
    return {
      code: 'percent-as-whole-number',
      params: {
        value: quote ?? asTyped(value),
        number: asTyped(value),
        ratio: plain(value / 100),
        consequence: PERCENT_CONSEQUENCES.notCounted,
      },
    };
  }
  // Money can go down (a refund); a count that should go up cannot have a negative month.
  if (
    type === 'cumulative' &&
    facts.direction(g) === 'increase' &&
    value < 0 &&
    !isMoneyUnit(facts.unit(g), currency)
  ) {
    return { code: 'negative-check-in', params: {} };
  }
  return null;
}

/** subtotal-check-in's parameters: the row's, its word and Note column, and the rows it sums. */
const subtotalParams = (c: CheckInColumns, i: number, facts: MetricFacts, g: number, subtotal: Subtotal) => ({
  ...issueParams(c, i, facts, g),
  word: subtotal.word,
  column: NOTE_LABEL,
  first: subtotal.first,
  last: subtotal.last,
  count: subtotal.count,
});

const NOTE_LABEL = tabDef('actuals').columns.find((c) => c.key === 'note')!.label;

/** The parameters every check-in issue names (built only for a row that has one). */
const issueParams = (c: CheckInColumns, i: number, facts: MetricFacts, g: number) => ({
  row: c.rows[i],
  metric: facts.id(g),
  date: dateAt(c, i),
  value: shownValue(c, i, facts.unit(g)),
  id: facts.id(g),
});

/**
 * A check-in's value as a message quotes it: its cell's text where that is text (CheckInColumns.shown: "１２０",
 * "1.2萬", "NT$１２０" as typed, so the reader finds the cell and sees what was typed), else in the metric's unit.
 */
const shownValue = (c: CheckInColumns, i: number, unit: string): string | Localized =>
  c.shown?.get(i) ?? inUnit(c.values[i], unit);

/**
 * Walking back from row `from` along the chain of earlier rows of the same metric and date, the earliest row
 * with this value, or -1. Values compare as their text did when repeats were keyed by "metric|date|value": 0 and
 * -0 are the same check-in, and so are two NaN.
 */
function sameValueOnChain(
  values: ArrayLike<number>,
  sameDateBefore: Int32Array,
  from: number,
  value: number,
): number {
  let found = -1;
  for (let j = from; j >= 0; j = sameDateBefore[j]) {
    const v = values[j];
    if (v === value || (v !== v && value !== value)) found = j;
  }
  return found;
}

/** Screen every Actuals row once: the rows that count, and an issue for each that does not. */
export function screenCheckIns(plan: Plan, asOf?: IsoDate): CheckInScreen {
  const index = planIndex(plan);
  // Which rows are exclusions does not depend on the day; what a warning says of a row that counts does: a row of a
  // month not over yet is left for later by progress, so it is said to count once its month is over (COUNTED).
  const judged = asOf === undefined ? Infinity : judgedMonthIndex(asOf);
  const counted = (month: number): Localized =>
    month <= judged
      ? COUNTED.now
      : inEveryLanguage((lang) => fill(COUNTED.later[lang], { month: monthFromIndex(month) }));
  const checkIns = checkInColumns(plan);
  const { facts, groupOfName, ofKeyResults, ofKpis, keyResultSpecs, kpiSpecs } = metricFacts(
    plan,
    index,
    checkIns.metricNames,
  );
  const layout = plan.layout.actuals;
  const sheet = layout?.sheet ?? tabDef('actuals').label[plan.lang];
  // The check-in being screened has its own value cell where the tab keeps months in columns (valueColumns): every
  // message about it, of its value or of its date (its month's header), names that cell, set for each check-in below.
  let ownColumn: number | undefined;
  const at = (row: number, column: 'date' | 'value') => ({
    sheet,
    row,
    column: ownColumn ?? layout?.columns[column] ?? 1,
  });
  const issues: PlanIssue[] = [];
  const unknown: Actual[] = [];
  // Repeats are found per metric and date (MetricFacts.firstOnDate), then by value along a chain of the earlier
  // rows of the same metric and date: sameDateBefore[i] is the index of the previous such row, or -1. Nearly
  // every metric has one check-in per date, so the chain is one step; and no "metric|date|value" text is made
  // per row (making and hashing 127,000 of them was most of this screen's time at 10,000 key results).
  const { rows, days, metricOf, values, valueColumns: ownColumns } = checkIns;
  const count = rows.length;
  const sameDateBefore = new Int32Array(count);
  // While a metric's rows come in date order (as check-ins are usually added), none can repeat an earlier one,
  // and its rows kept so far are chained by rowBefore (the index of its previous kept row, or -1) instead of put
  // in a map by date, which saves making and filling a map for each of 18,500 metrics at 10,000 key results. The
  // first row dated on or before the metric's latest one makes the map, from that chain (see dateMap).
  const rowBefore = new Int32Array(count);
  // The group (metric) of each counted row, -1 for the others: grouped into CheckInScreen.counted at the end.
  const groupOf = new Int32Array(count).fill(-1);
  const monthOfRow = new Int32Array(count);
  const { lastRow } = facts;
  const dateMap = (g: number): Map<number, number> => {
    const known = facts.firstOnDate.get(g);
    if (known) return known;
    const kept: number[] = [];
    for (let j = lastRow[g]; j >= 0; j = rowBefore[j]) kept.push(j);
    const map = new Map<number, number>();
    // Oldest first, so the map ends with the latest kept row of each date (all dates differ along the chain).
    for (let k = kept.length - 1; k >= 0; k--) map.set(days[kept[k]], kept[k]);
    facts.firstOnDate.set(g, map);
    return map;
  };
  const currency = plan.strategy.values.currency;
  const refusedMonths = new Map<number, Set<number>>();
  const doneAfterDue = new Map<number, IsoDate>();
  const refuse = (g: number, month: number) => {
    let months = refusedMonths.get(g);
    if (!months) refusedMonths.set(g, (months = new Set()));
    months.add(month);
  };
  // A Metric cell's group by its ID in any case (-1: no such metric). The same as by its spelling on the metric's own
  // tab (groupOfName), since every metric of one ID in any case has the group of its first.
  const groupOfSpelling = (spelling: string): number => {
    const key = spelling.toLowerCase();
    const kr = index.keyResultById.get(key);
    const kpi = kr === undefined ? index.kpiById.get(key) : undefined;
    return kr !== undefined ? ofKeyResults[kr] : kpi !== undefined ? ofKpis[kpi] : -1;
  };
  for (const { metric, date } of checkIns.unread ?? []) {
    const g = groupOfSpelling(metric);
    if (g >= 0) refuse(g, monthIndexOfDay(date));
  }
  const {
    startIndex,
    dueIndex,
    offScaleAbove,
    monthPlanAbove,
    scale: scales,
    percent: percents,
    planLow,
    planHigh,
  } = facts;
  const subtotals = subtotalCheckIns(checkIns);
  for (let i = 0; i < count; i++) {
    if (ownColumns !== undefined) ownColumn = ownColumns[i];
    // Each Metric cell's group is worked out once (a spelling other than the metric's own is lowered then).
    const name = metricOf[i];
    let g = groupOfName[name];
    if (g === UNKNOWN_GROUP) g = groupOfName[name] = groupOfSpelling(checkIns.metricNames.texts[name]);
    // Rows for an unknown metric are reported by the checks (unknown-metric) and count for nothing anyway.
    if (g < 0) {
      unknown.push(checkInAt(checkIns, i));
      continue;
    }
    // A subtotal of the check-ins above it (shared/subtotals.ts): of amounts that are added up, left out and said.
    const subtotal = subtotals === null ? undefined : subtotals.get(i);
    if (subtotal !== undefined && facts.type(g) === 'cumulative') {
      issues.push(
        makeIssue('subtotal-check-in', at(rows[i], 'value'), subtotalParams(checkIns, i, facts, g, subtotal)),
      );
      continue;
    }
    const value = values[i];
    // A reading typed with its % sign (or shown as one) says what it is: never a whole percent typed without it.
    const saidPercent = checkIns.saysPercent?.has(i) === true;
    const impossible = impossibleValue(value, facts, g, currency, saidPercent, checkIns.shown?.get(i));
    if (impossible) {
      refuse(g, monthIndexOfDayNumber(days[i]));
      issues.push(
        makeIssue(impossible.code, at(rows[i], 'value'), {
          ...issueParams(checkIns, i, facts, g),
          field: valueFieldOf(checkIns, i, layout),
          ...impossible.params,
        }),
      );
      continue;
    }
    const type = facts.type(g);
    const day = days[i];
    const firstOnDate = facts.firstOnDate.size === 0 ? undefined : facts.firstOnDate.get(g);
    if (firstOnDate === undefined && (lastRow[g] < 0 || day > days[lastRow[g]])) {
      // In date order: a new date, so no repeat (and no chain of same-date rows behind it).
      sameDateBefore[i] = -1;
    } else {
      const byDate = firstOnDate ?? dateMap(g);
      const latest = byDate.get(day);
      const first = latest === undefined ? -1 : sameValueOnChain(values, sameDateBefore, latest, value);
      if (first >= 0) {
        issues.push(
          makeIssue('duplicate-check-in', at(rows[i], 'value'), {
            ...issueParams(checkIns, i, facts, g),
            other: rows[first],
          }),
        );
        continue;
      }
      // Another value on the same date: a correction typed as a new row, or two amounts of one day. Counted as the
      // method says (amounts add up, the later reading wins), and said, since a correction would be counted wrong.
      if (latest !== undefined && type !== 'milestone')
        issues.push(
          makeIssue(type === 'cumulative' ? 'same-day-amounts' : 'same-day-readings', at(rows[i], 'value'), {
            ...issueParams(checkIns, i, facts, g),
            other: rows[latest],
            otherValue: shownValue(checkIns, latest, facts.unit(g)),
          }),
        );
      // Remember the row (the map holds the latest row of the date, the chain the earlier ones).
      sameDateBefore[i] = latest ?? -1;
      byDate.set(day, i);
    }
    rowBefore[i] = lastRow[g];
    lastRow[g] = i;
    const month = (monthOfRow[i] = monthIndexOfDayNumber(day));
    // A milestone done before its Start month is done early, and done: counted (progress reads it as done from the end
    // of its month on), without an issue. Any other check-in before the Start never counts.
    const start = startIndex[g];
    if (start !== NO_MONTH && month < start && !(type === 'milestone' && value === 1)) {
      issues.push(
        makeIssue('check-in-before-start', at(rows[i], 'date'), {
          ...issueParams(checkIns, i, facts, g),
          start: facts.start(g)!,
        }),
      );
      continue;
    }
    // After the window's last month it never counts: a typo in the year (2027 for 2026), or a check-in of a key
    // result already judged final. (A month typed as a number, 202610, is refused at its cell: readDate.)
    const due = dueIndex[g];
    if (due !== NO_MONTH && month > due) {
      const duePeriodEnd = facts.duePeriodEnd[g] === 1;
      if (type === 'milestone' && value === 1 && !duePeriodEnd) {
        const earliest = doneAfterDue.get(g);
        const date = dateAt(checkIns, i);
        if (earliest === undefined || date < earliest) doneAfterDue.set(g, date);
      }
      issues.push(
        makeIssue(duePeriodEnd ? 'check-in-after-period' : 'check-in-after-due', at(rows[i], 'date'), {
          ...issueParams(checkIns, i, facts, g),
          due: facts.due(g)!,
        }),
      );
      continue;
    }
    // Counted, and said when far off the metric's scale (only for a row that counts: one not counted says why).
    const offScale = offScaleAbove[g];
    const farAbove = monthPlanAbove[g];
    if (offScale === offScale && Math.abs(value) > offScale) {
      const unit = facts.unit(g);
      issues.push(
        type === 'cumulative'
          ? makeIssue('month-over-target', at(rows[i], 'value'), {
              ...issueParams(checkIns, i, facts, g),
              span: planInUnit(offScale, unit),
              counted: counted(month),
            })
          : makeIssue('check-in-off-scale', at(rows[i], 'value'), {
              ...issueParams(checkIns, i, facts, g),
              scale: planInUnit(scales[g], unit),
              factor: asTyped(Math.round(Math.abs(value) / scales[g])),
              counted: counted(month),
            }),
      );
    }
    // Under the whole target but far above its own month's plan: an extra zero (4,900 typed 49,000). Counted, and said.
    else if (farAbove === farAbove && Math.abs(value) > farAbove) {
      const spec = facts.monthPlanSpec(g);
      // An amount the other way (a refund in a growing target) is no extra zero of the plan's months.
      if (Math.sign(value) === Math.sign(spec.target - spec.baseline)) {
        const planned = Math.abs(monthTargetAt(spec, month - start + 1, facts.monthPlanMonths[g]) ?? 0);
        if (Math.abs(value) > FAR_ABOVE_PLAN * planned)
          issues.push(
            makeIssue('month-far-above-plan', at(rows[i], 'value'), {
              ...issueParams(checkIns, i, facts, g),
              planned: inUnit(planned, facts.unit(g)),
              span: planInUnit(Math.abs(spec.target - spec.baseline), facts.unit(g)),
              counted: counted(month),
            }),
          );
      }
    }
    // 3 against "growth ≥ 5%": 300% as typed, or 3% (mayBeWholePercent). Counted, and said.
    const scale = scales[g];
    if (
      percents[g] === 1 &&
      type === 'threshold' &&
      scale === scale &&
      !saidPercent &&
      facts.direction(g) === 'increase' &&
      mayBeWholePercent(value, scale)
    )
      issues.push(
        makeIssue('percent-reading-high', at(rows[i], 'value'), {
          ...issueParams(checkIns, i, facts, g),
          value: checkIns.shown?.get(i) ?? asTyped(value),
          number: asTyped(value),
          percent: `${plain(value * 100)}%`,
          ratio: plain(value / 100),
        }),
      );
    // 0.86% against 70% → 90%: 86% typed with its ratio and a % sign (readsHundredthOfPlan). Counted, and said.
    const low = planLow[g];
    const high = planHigh[g];
    const before = rowBefore[i];
    if (low === low && readsHundredthOfPlan(value, low, high))
      issues.push(
        makeIssue('percent-reading-low', at(rows[i], 'value'), {
          ...issueParams(checkIns, i, facts, g),
          ...hundredthParams(value),
          plan: judgedPlanSpan(facts, g),
        }),
      );
    // 0.13% after 12%, where the plan's figures are too small to tell (readsHundredthOfReading). Counted, and said.
    else if (
      percents[g] === 1 &&
      type === 'level' &&
      before >= 0 &&
      readsHundredthOfReading(value, values[before])
    )
      issues.push(
        makeIssue('percent-reading-drop', at(rows[i], 'value'), {
          ...issueParams(checkIns, i, facts, g),
          ...hundredthParams(value),
          // By its date, not its row: kept as months in columns, the reading before is on the same row.
          otherDate: dateAt(checkIns, before),
          otherValue: shownValue(checkIns, before, facts.unit(g)),
        }),
      );
    groupOf[i] = g;
  }
  wholePercentPlans(facts, groupOf, checkIns, issues, refuse);
  plansTypedInFull(plan, ofKeyResults, keyResultSpecs, groupOf, checkIns, issues, refuse);
  percentSeriesLow(facts, groupOf, checkIns, issues, (i) => ({
    sheet,
    row: rows[i],
    column: valueCellColumn(checkIns, i, layout?.columns.value),
  }));
  const kpiGroup = new Int32Array(ofKpis.length);
  for (let j = 0; j < ofKpis.length; j++) kpiGroup[j] = index.keyResultNamedLikeKpi[j] >= 0 ? -1 : ofKpis[j];
  return {
    issues,
    unknown,
    counted: groupPositions(groupOf, facts.count),
    keyResultGroup: ofKeyResults,
    kpiGroup,
    monthOfRow,
    keyResultSpecs,
    kpiSpecs,
    refusedMonths,
    doneAfterDue,
  };
}

/**
 * A `%` level every one of whose counted check-ins (two or more) is about a hundredth of its plan, where the plan is
 * under readsHundredthOfPlan's floor: KR3, 5% → 20%, checked in as 0.06%, 0.08% … 0.13%, each the ratio typed with a
 * % sign. One low month of such a plan can be real (a launch month), and is not said; every month so, in step with
 * the plan a hundred times over, is a way of typing, and the metric reads as far behind (or, lowered, far past its
 * target) for as long as it lasts. Said once, at its latest check-in (percent-readings-low), counted as typed. A
 * plan from 0% is not judged (no reading is under a tenth of 0), nor is a KPI's bar (a month's growth swings).
 * Linear: one pass over the counted rows, keeping only the metrics judged.
 */
function percentSeriesLow(
  facts: MetricFacts,
  groupOf: Int32Array,
  checkIns: CheckInColumns,
  issues: PlanIssue[],
  /** Check-in i's Value cell (its month's cell where the tab keeps months in columns). */
  valueCell: (i: number) => IssueLocation,
): void {
  const { planLow, planHigh, percent } = facts;
  // Per metric judged: how many readings, whether all were a hundredth, the lowest and highest, and the latest row.
  const series = new Map<
    number,
    { count: number; all: boolean; lowest: number; highest: number; latest: number }
  >();
  const { values } = checkIns;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (g < 0) continue;
    const low = planLow[g];
    if (!(low === low && low > 0 && low < PLAN_FLOOR_FOR_HUNDREDTH) || percent[g] !== 1) continue;
    if (facts.type(g) !== 'level') continue;
    let s = series.get(g);
    if (!s) series.set(g, (s = { count: 0, all: true, lowest: Infinity, highest: -Infinity, latest: i }));
    const value = values[i];
    s.count++;
    s.all &&= isHundredthOfPlan(value, low, planHigh[g]);
    s.lowest = Math.min(s.lowest, value);
    s.highest = Math.max(s.highest, value);
    s.latest = i;
  }
  for (const [g, s] of series) {
    if (!s.all || s.count < 2) continue;
    const asPercent = (x: number) => `${plain(x * 100)}%`;
    issues.push(
      makeIssue('percent-readings-low', valueCell(s.latest), {
        metric: facts.id(g),
        id: facts.id(g),
        count: s.count,
        lowest: asPercent(s.lowest),
        highest: asPercent(s.highest),
        lowestMeant: asPercent(s.lowest * 100),
        highestMeant: asPercent(s.highest * 100),
        plan: judgedPlanSpan(facts, g),
      }),
    );
  }
}

/**
 * Each `%` metric whose plan reads as typed in whole percents (planInWholePercents): one issue at its Target cell,
 * and its check-ins are not counted (groupOf set to -1) until the plan is fixed, so it never shows done on a plan
 * 100 times its own.
 */
function wholePercentPlans(
  facts: MetricFacts,
  groupOf: Int32Array,
  checkIns: CheckInColumns,
  issues: PlanIssue[],
  /** Marks a month's check-in refused: the plan's error says what to fix, not "add a row". */
  refuse: (group: number, month: number) => void,
): void {
  // The groups with a plan to judge whose Target cell is known.
  const judged = new Map<number, WholePlan>();
  for (const [g, whole] of facts.wholePlan) if (whole.at.column !== null) judged.set(g, whole);
  if (judged.size === 0) return;
  const valuesOf = new Map<number, number[]>();
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (g >= 0 && judged.has(g)) {
      let list = valuesOf.get(g);
      if (!list) valuesOf.set(g, (list = []));
      list.push(checkIns.values[i]);
    }
  }
  const shown = (x: number) => `${plain(x)}`;
  const percent = (x: number) => `${plain(x * 100)}%`;
  const joined = (xs: readonly number[], f: (x: number) => string) => xs.map(f).join(' → ');
  for (const [g, values] of valuesOf) {
    const { figures, at } = judged.get(g)!;
    if (!planInWholePercents(figures, values)) continue;
    const some = values.slice(0, 3).map(percent).join(', ') + (values.length > 3 ? ', …' : '');
    issues.push(
      makeIssue('percent-plan-as-whole-number', at, {
        id: facts.id(g),
        plan: joined(figures, shown),
        read: joined(figures, percent),
        values: some,
        meant: joined(figures, (x) => `${shown(x)}%`),
        ratios: joined(figures, (x) => shown(x / 100)),
      }),
    );
    for (let i = 0; i < groupOf.length; i++)
      if (groupOf[i] === g) {
        groupOf[i] = -1;
        refuse(g, monthIndexOfDayNumber(checkIns.days[i]));
      }
  }
}
