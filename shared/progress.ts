/**
 * Stage 2b: progress and status as of a given day (the core never reads the clock). Expected-to-date comes
 * from the decomposition itself, so a ramp-up plan expects little early on; linear time would call it late.
 */
import { localized } from './i18n';
import { AT_RISK_PACE, ON_TRACK_PACE, reachesBar as atLeast } from './pace';
import {
  judgedMonthIndex,
  monthIndexOfDay,
  monthFromIndex,
  monthIndex,
  monthOf,
  monthRange,
  type IsoDate,
  type Month,
} from './calendar';
import {
  expectedAtPosition,
  keyResultWindow,
  kpiWindow,
  monthTargetAt,
  roundHalfAway,
  trackedKeyResult,
  type MetricSpec,
} from './decompose';
import { screenCheckIns, type CheckInScreen } from './check-ins';
import { actualsTabMissing, type KeyResult, type Kpi, type Plan } from './plan';
import { planIndex, type Groups } from './plan-index';
import { checkInColumns, dayText, type CheckInColumns } from './check-in-columns';
import { type Localized, type Direction, type MetricType } from './template';

export type Status =
  'not-started' | 'on-track' | 'at-risk' | 'off-track' | 'missed' | 'needs-attention' | 'done' | 'no-data';

export const STATUS_LABELS: Record<Status, Localized> = {
  'not-started': localized((m) => m.status['not-started']),
  'on-track': localized((m) => m.status['on-track']),
  'at-risk': localized((m) => m.status['at-risk']),
  'off-track': localized((m) => m.status['off-track']),
  missed: localized((m) => m.status.missed),
  'needs-attention': localized((m) => m.status['needs-attention']),
  done: localized((m) => m.status.done),
  'no-data': localized((m) => m.status['no-data']),
};

/**
 * Statuses from the one that most needs a person to the one that needs none: lists and tallies show them in
 * this order, and a group (an objective card, a department) takes the first one of its members. "Needs
 * attention" (something was left out because of an error) comes first: until fixed, the plan cannot be read.
 */
export const STATUS_ORDER: Status[] = [
  'needs-attention',
  'missed',
  'off-track',
  'at-risk',
  'no-data',
  'on-track',
  'not-started',
  'done',
];

/** Statuses as a sentence or a legend reads them, good news first: "2 objectives: 1 on track, 1 at risk." */
export const STATUS_READING_ORDER: readonly Status[] = [
  'on-track',
  'at-risk',
  'off-track',
  'missed',
  'needs-attention',
  'done',
  'not-started',
  'no-data',
];

/**
 * Why a metric has no progress at all; each comes with an issue at the cell to fix. `id-on-two-tabs`: a KPI whose ID
 * is also a key result's, whose check-ins the Actuals tab cannot tell from the key result's (they count for the key
 * result).
 */
export type LeftOutReason =
  'no-target' | 'no-window' | 'target-equals-baseline' | 'invalid-choice' | 'id-on-two-tabs';

// The pace bands, and the status's own "at or above" (shared/pace.ts, which figures.ts reads without progress).
export { AT_RISK_PACE, ON_TRACK_PACE, reachesBar, STATUS_BARS } from './pace';
/** Google's end-of-period OKR score (0.0–1.0): 0.7 and above counts as success for stretch goals. */
export const SCORE_SUCCESS = 0.7;
/** The run rate behind a cumulative forecast, and the trend behind a level forecast, use this many recent months. */
export const FORECAST_MONTHS = 3;

export interface MonthPoint {
  month: Month;
  /** The month's own target (cumulative: the amount to add that month; otherwise the level or bar). */
  target: number | null;
  /** The month's counted check-in (cumulative: the amounts added up; otherwise the latest reading), or null. */
  actual: number | null;
  /** Where the plan expects the metric to stand at the end of the month (cumulative: baseline + targets so far). */
  planned: number | null;
  /** Where the metric stood at the end of the month, for judged months of its window (cumulative: the running total). */
  standing: number | null;
}

export interface MetricProgress {
  id: string;
  kind: 'kr' | 'kpi';
  name: string;
  owner: string;
  type: MetricType;
  direction: Direction;
  unit: string;
  baseline: number;
  target: number | null;
  start: Month | null;
  due: Month | null;
  /** One point per month of the period: its target and its actual (the month's amount, or the level measured). */
  months: MonthPoint[];
  /** The last month whose check-in is due (the last judged month of the window), or null before any. */
  throughMonth: Month | null;
  /** Where the metric stands: baseline plus the amounts checked in (cumulative), else the latest level. */
  current: number | null;
  /**
   * Cumulative: the amount checked in, i.e. the counted check-ins added up (current − baseline). Otherwise the
   * latest counted reading (= current). plan.json's `actualToDate`.
   */
  actualToDate: number | null;
  /** Cumulative: the month targets through throughMonth added up (expected − baseline); otherwise expected. */
  targetToDate: number | null;
  /** Milestones: the date of the first counted check-in of 1. */
  doneOn: IsoDate | null;
  /**
   * Milestones not done (doneOn null): the day of the first check-in of 1 dated after the due month, once that day
   * has come. It never counts (method §6: the milestone stays missed, its score 0), but it says the milestone was done,
   * late, on that day. Null otherwise.
   */
  doneLateOn: IsoDate | null;
  /** Thresholds and KPIs: months of the window through throughMonth whose check-in met the bar, and how many were judged. */
  monthsMet: number | null;
  monthsJudged: number | null;
  /** Set when the metric is left out of progress because of an error in its row. */
  leftOut: LeftOutReason | null;
  /** What the decomposition expects it to stand at by the end of throughMonth. */
  expected: number | null;
  /** Progress from baseline to target, uncapped: 1.25 is a real answer. */
  attainment: number | null;
  expectedAttainment: number | null;
  status: Status;
  /** Where the metric will stand at its due month at the recent pace, and the attainment that gives. */
  forecast: number | null;
  forecastAttainment: number | null;
  /** Google-style score 0.0–1.0 (attainment capped, one decimal); final once the due month is over. */
  score: number | null;
  scoreFinal: boolean;
  /** The month whose check-in is missing, when one is. */
  missingCheckIn: Month | null;
}

export interface RollUp {
  attainment: number | null;
  expectedAttainment: number | null;
  status: Status;
  /** How many members were rolled up, and what they are: key results, or (a department that owns none) KPIs. */
  metrics: number;
  kind: 'kr' | 'kpi';
  /**
   * How many of them the attainment is the mean of: those measured, without those left out or without data. "100%"
   * of a department with a key result left out is 100% of the one measured, which the report says.
   */
  measured: number;
}

export interface PlanProgress {
  asOf: IsoDate;
  keyResults: MetricProgress[];
  kpis: MetricProgress[];
  objectives: Record<string, RollUp>;
  departments: Record<string, RollUp>;
}

export { judgedMonthIndex };

export const judgedMonth = (asOf: IsoDate): Month => monthFromIndex(judgedMonthIndex(asOf));

/**
 * Counted check-ins per month for all the metrics of one planProgress, in one array of numbers: a metric's months
 * from its Start month on are values[offset + j] (month startIndex + j), NaN where none was counted (see
 * countedAt). One array rather than a list of numbers and nulls per metric: at 10,000 key results those were
 * 18,500 lists, each kept with its progress and each number in them a separate object, which made up much of
 * what the garbage collector copied.
 */
class MonthValues {
  values: Float64Array;
  /** The array and the period's months, shared by every metric filled in this array (see MetricProgressRecord). */
  store: MonthStore;
  used = 0;
  constructor(capacity: number, periodMonths: Month[] | null, periodIndexes: number[] | null) {
    this.values = new Float64Array(Math.max(16, capacity));
    this.store = { values: this.values, periodMonths, periodIndexes };
  }
  /** Room for `length` months, all NaN, at the returned offset of `this.values`. */
  take(length: number): number {
    if (this.used + length > this.values.length) {
      // Metrics already judged keep the array they were filled in; new ones go to a bigger one.
      this.values = new Float64Array(Math.max(2 * this.values.length, length));
      this.store = { ...this.store, values: this.values };
      this.used = 0;
    }
    const offset = this.used;
    // A loop, not fill(): a handful of months, for each of 18,500 metrics.
    for (let i = offset; i < offset + length; i++) this.values[i] = NaN;
    this.used += length;
    return offset;
  }
}

/**
 * What the metrics filled in one MonthValues array share: the array, and the period's months and their monthIndex
 * (null without a period: each metric's points then span its own window).
 */
interface MonthStore {
  values: Float64Array;
  periodMonths: Month[] | null;
  periodIndexes: number[] | null;
}

/** The counted check-in at values[i], or null for none (NaN: a check-in value is always a finite number). */
const countedAt = (values: Float64Array, i: number): number | null => {
  const v = values[i];
  return v === v ? v : null;
};

/** Levels only: the day (CheckInColumns.days) of the reading kept for each month, reused from one metric to the next. */
const levelDays: number[] = [];

/**
 * Counted check-ins of one metric per month of its window, for the months from..to only, into
 * values[offset + month − from]: amounts add up for cumulative metrics; for the others the latest reading of the
 * month counts. The metric's rows are rows counted.members[k] of the check-ins for k in counted.start[group] ..
 * counted.start[group + 1] − 1 (its group in the check-in screen), in sheet order. Returns the first date a milestone
 * was checked in as done (null for other types), a done before the window included: the screen counts a milestone's
 * done before its Start (done early), which is read once its month is judged, as any check-in (`to` is the judged
 * month, or the due month if earlier, and a month before the Start is before the due month).
 */
function fillMonths(
  { values: checkInValues, days }: CheckInColumns,
  { counted: rows, monthOfRow }: CheckInScreen,
  group: number,
  type: MetricType,
  from: number,
  to: number,
  values: Float64Array,
  offset: number,
): IsoDate | null {
  const cumulative = type === 'cumulative';
  // Only a milestone's done date is wanted, and made text once found.
  const milestone = type === 'milestone';
  let firstDone = 0;
  for (let k = rows.start[group]; k < rows.start[group + 1]; k++) {
    const row = rows.members[k];
    const month = monthOfRow[row];
    if (month > to) continue;
    const value = checkInValues[row];
    if (milestone && value >= 1 && (firstDone === 0 || days[row] < firstDone)) firstDone = days[row];
    // Before the window only a milestone's done is counted, and has no month of the window to fill.
    if (month < from) continue;
    const at = month - from;
    const prior = values[offset + at];
    if (prior !== prior) {
      values[offset + at] = value;
      if (!cumulative) levelDays[at] = days[row];
    } else if (cumulative) values[offset + at] = prior + value;
    else if (days[row] >= levelDays[at]) {
      values[offset + at] = value;
      levelDays[at] = days[row];
    }
  }
  return firstDone === 0 ? null : dayText(firstDone);
}

/** (current - baseline) / (target - baseline), never below 0 (the wrong side of the baseline is no progress). */
export function attainmentOf(
  current: number,
  baseline: number,
  target: number,
  direction: Direction,
): number {
  const span = target - baseline;
  if (span === 0) return (direction === 'increase' ? current >= target : current <= target) ? 1 : 0;
  return Math.max(0, (current - baseline) / span);
}

const moreUrgent = (a: Status, b: Status) => STATUS_ORDER.indexOf(a) < STATUS_ORDER.indexOf(b);

function statusFromPace(attainment: number, expected: number): Status {
  if (expected <= 0) return 'on-track';
  const pace = attainment / expected;
  if (atLeast(pace, ON_TRACK_PACE)) return 'on-track';
  if (atLeast(pace, AT_RISK_PACE)) return 'at-risk';
  return 'off-track';
}

/**
 * The status the Targets tab's Status formula shows (see targets-sheet.ts), from attainment and the attainment
 * expected by now: done at 100%, not started while nothing is expected yet, else the pace bands. The GTM_STATUS
 * custom function uses it so a hand-built sheet agrees with the generated one.
 */
export function statusFromAttainment(attainment: number, expectedAttainment: number): Status {
  if (atLeast(attainment, 1)) return 'done';
  if (expectedAttainment <= 0) return 'not-started';
  const pace = attainment / expectedAttainment;
  return atLeast(pace, ON_TRACK_PACE) ? 'on-track' : atLeast(pace, AT_RISK_PACE) ? 'at-risk' : 'off-track';
}

/**
 * Least-squares slope through the points (months startIndex + j, readings countedAt(values, offset + j)) for j in
 * first..last − 1 that have a reading, 0 with fewer than two. Loops over the typed array, summing in the same
 * order as ever, without an array of points per metric (garbage at 10,000 key results).
 */
function slope(
  values: Float64Array,
  offset: number,
  startIndex: number,
  first: number,
  last: number,
): number {
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let j = first; j < last; j++) {
    const v = values[offset + j];
    if (v !== v) continue;
    sx += startIndex + j;
    sy += v;
    count++;
  }
  if (count < 2) return 0;
  const mx = sx / count;
  const my = sy / count;
  let num = 0;
  let den = 0;
  for (let j = first; j < last; j++) {
    const v = values[offset + j];
    if (v === v) num += (startIndex + j - mx) * (v - my);
  }
  for (let j = first; j < last; j++)
    if (values[offset + j] === values[offset + j]) den += (startIndex + j - mx) ** 2;
  return den === 0 ? 0 : num / den;
}

/**
 * To one decimal, halves up (method §9): 0.75 is 0.8. Attainment is a quotient (0.15 / 0.2 is the double just under
 * 0.75), so the rounding is roundHalfAway's, which takes a value a hair under a half as the half. Never 1.0 short of
 * the target: 95% is 0.9, since a final score of 1.0 beside "19 of 20" read as the target reached.
 */
const roundScore = (attainment: number) => {
  const score = roundHalfAway(Math.min(1, Math.max(0, attainment)), 1);
  return score === 1 && !atLeast(attainment, 1) ? 0.9 : score;
};

/**
 * What every metric of one plan shares as of one day, worked out once per planProgress rather than once per
 * metric: the period's months and their monthIndex numbers (reading "2026-03" for each month of each of 10,000
 * metrics was a large part of progress), the judged month, and the month texts progress names.
 */
export interface ProgressFrame {
  asOf: IsoDate;
  /** monthIndexOfDay(asOf). */
  asOfMonth: number;
  judged: number;
  /** The period's months, and monthIndex of each; null without a period (each metric uses its own window). */
  months: Month[] | null;
  indexes: number[] | null;
  /** monthFromIndex, remembered: many metrics share a throughMonth. */
  monthText: Map<number, Month>;
  /** Every metric's counted check-ins per month. */
  counted: MonthValues;
  /** False when the workbook has no Actuals tab (actualsTabMissing): nothing is judged. */
  checkInsRead: boolean;
}

export function progressFrame(plan: Plan, asOf: IsoDate): ProgressFrame {
  const months = plan.period?.months ?? null;
  const indexes = months ? months.map(monthIndex) : null;
  return {
    asOf,
    asOfMonth: monthIndexOfDay(asOf),
    judged: judgedMonthIndex(asOf),
    months,
    indexes,
    monthText: new Map(),
    // Room for every metric's whole period; a metric whose window runs past the period may take more.
    counted: new MonthValues(
      (plan.keyResults.length + plan.kpis.length) * (months?.length ?? 12),
      months,
      indexes,
    ),
    checkInsRead: !actualsTabMissing(plan),
  };
}

function monthText(frame: ProgressFrame, index: number): Month {
  let text = frame.monthText.get(index);
  if (text === undefined) frame.monthText.set(index, (text = monthFromIndex(index)));
  return text;
}

/** Codes of the table's small columns: a status, a type, a reason left out (0: none) as its position here. */
const STATUS_CODES: readonly Status[] = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'missed',
  'needs-attention',
  'done',
  'no-data',
];
const statusCode = (status: Status) => STATUS_CODES.indexOf(status);
const TYPES: readonly MetricType[] = ['cumulative', 'level', 'threshold', 'milestone'];
const LEFT_OUT: readonly LeftOutReason[] = [
  'no-target',
  'no-window',
  'target-equals-baseline',
  'invalid-choice',
  'id-on-two-tabs',
];
/** ProgressTable.flags: the score is final; throughMonth is the window's judged month; its check-in is missing. */
const SCORE_FINAL = 1;
const THROUGH_MONTH = 2;
const MISSING_CHECK_IN = 4;

/** A number column's null: every figure of progress is a finite number or null. */
const orNaN = (x: number | null) => (x === null ? NaN : x);
const orNull = (x: number) => (x === x ? x : null);

/**
 * The progress of every key result (or every KPI) of one planProgress, as columns: one typed array per figure and
 * status, row i being the plan's metric i, NaN standing for null. Its words (ID, name, owner, unit) and plan
 * (baseline, target, window) are not copied: they are read from the plan's metric and its spec.
 *
 * Why columns: at 10,000 key results one object per metric with some 30 fields, its fractional figures each a
 * separate heap number, kept about 490 bytes per metric (9 MB per run for 18,500 metrics). What a run keeps is
 * copied by the garbage collector into fresh pages, which cost more than the arithmetic (docs/report.md, "Where the
 * goal stands"). The columns keep about 110 bytes per metric. The checks and the roll-ups read them through
 * MetricView, a two-field view made and dropped as it is read; PlanProgress.keyResults and .kpis are the familiar
 * records (MetricProgressRecord, own data fields, JSON and spreads as ever), built from the table on first read
 * (the report, plan.json, the sidebar and the custom functions read them; the core's run does not).
 */
class ProgressTable {
  readonly status: Uint8Array;
  readonly type: Uint8Array;
  /** LEFT_OUT position + 1, 0 when not left out. */
  readonly leftOut: Uint8Array;
  readonly flags: Uint8Array;
  /** The window's first and last judged months (monthIndex), and where its counted check-ins start in its store. */
  readonly startIndex: Int32Array;
  readonly throughIndex: Int32Array;
  readonly offset: Int32Array;
  /** Which of `stores` holds the metric's counted check-ins (see MonthValues). */
  readonly store: Uint8Array;
  readonly stores: MonthStore[] = [];
  readonly current: Float64Array;
  readonly actualToDate: Float64Array;
  readonly targetToDate: Float64Array;
  readonly expected: Float64Array;
  readonly attainment: Float64Array;
  readonly expectedAttainment: Float64Array;
  readonly forecast: Float64Array;
  readonly forecastAttainment: Float64Array;
  readonly score: Float64Array;
  readonly monthsMet: Float64Array;
  readonly monthsJudged: Float64Array;
  /** Milestones only, few: by row. */
  readonly doneOn = new Map<number, IsoDate>();
  readonly doneLateOn = new Map<number, IsoDate>();
  /** The window of a metric left out without a spec (windowOfLeftOut), by row. */
  readonly leftOutWindow = new Map<number, { start: Month; due: Month }>();

  constructor(
    readonly kind: 'kr' | 'kpi',
    readonly metrics: readonly (KeyResult | Kpi)[],
    /** screen.keyResultSpecs or screen.kpiSpecs: the spec of each row's metric. */
    readonly specs: readonly (MetricSpec | null)[],
    readonly frame: ProgressFrame,
  ) {
    const n = metrics.length;
    this.status = new Uint8Array(n).fill(statusCode('no-data'));
    this.type = new Uint8Array(n);
    this.leftOut = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.startIndex = new Int32Array(n);
    this.throughIndex = new Int32Array(n);
    this.offset = new Int32Array(n);
    this.store = new Uint8Array(n);
    const numbers = () => new Float64Array(n).fill(NaN);
    this.current = numbers();
    this.actualToDate = numbers();
    this.targetToDate = numbers();
    this.expected = numbers();
    this.attainment = numbers();
    this.expectedAttainment = numbers();
    this.forecast = numbers();
    this.forecastAttainment = numbers();
    this.score = numbers();
    this.monthsMet = numbers();
    this.monthsJudged = numbers();
  }

  storeNumber(store: MonthStore): number {
    const last = this.stores.length - 1;
    if (last >= 0 && this.stores[last] === store) return last;
    this.stores.push(store);
    return last + 1;
  }

  statusOf(i: number): Status {
    return STATUS_CODES[this.status[i]];
  }
  leftOutOf(i: number): LeftOutReason | null {
    return this.leftOut[i] === 0 ? null : LEFT_OUT[this.leftOut[i] - 1];
  }
  startOf(i: number): Month | null {
    return this.specs[i]?.start ?? this.leftOutWindow.get(i)?.start ?? null;
  }
  dueOf(i: number): Month | null {
    return this.specs[i]?.due ?? this.leftOutWindow.get(i)?.due ?? null;
  }
  throughMonthOf(i: number): Month | null {
    return this.flags[i] & THROUGH_MONTH ? monthText(this.frame, this.throughIndex[i]) : null;
  }
  missingCheckInOf(i: number): Month | null {
    return this.flags[i] & MISSING_CHECK_IN ? monthText(this.frame, this.throughIndex[i]) : null;
  }

  /** What row i's month points are built from (see monthPoints). */
  window(i: number): MonthWindow {
    const spec = this.specs[i];
    // Judged on its spec unless left out (metricProgress: `usable`).
    const usable = this.leftOut[i] === 0 ? spec : null;
    const { values, periodMonths, periodIndexes } = this.stores[this.store[i]];
    const startIndex = this.startIndex[i];
    return {
      usable,
      cumulative: TYPES[this.type[i]] === 'cumulative',
      startIndex,
      throughIndex: this.throughIndex[i],
      n: usable ? monthIndex(usable.due) - startIndex + 1 : 0,
      values,
      offset: this.offset[i],
      periodMonths: periodMonths ?? (spec ? monthRange(spec.start, spec.due) : []),
      periodIndexes,
    };
  }
}

/**
 * Row i of a ProgressTable read as a MetricProgress, each field from the table when read: what the checks and the
 * roll-ups read, made and dropped as they go (two fields, where a record has some thirty). Its month points are
 * built on each read of `months`; JSON and spreads see no own fields, so it is never handed out as the plan's
 * progress (PlanProgress.keyResults holds records).
 */
class MetricView implements MetricProgress {
  constructor(
    readonly table: ProgressTable,
    readonly row: number,
  ) {}
  get id() {
    return this.table.metrics[this.row].id;
  }
  get kind() {
    return this.table.kind;
  }
  get name() {
    const m = this.table.metrics[this.row];
    return this.table.kind === 'kr' ? (m as KeyResult).title : (m as Kpi).name;
  }
  get owner() {
    return this.table.metrics[this.row].owner;
  }
  get unit() {
    return this.table.metrics[this.row].unit;
  }
  get type() {
    return TYPES[this.table.type[this.row]];
  }
  get direction() {
    return this.table.metrics[this.row].direction;
  }
  get baseline() {
    return this.table.kind === 'kr' ? (this.table.metrics[this.row] as KeyResult).baseline : 0;
  }
  get target() {
    return this.table.metrics[this.row].target;
  }
  get start() {
    return this.table.startOf(this.row);
  }
  get due() {
    return this.table.dueOf(this.row);
  }
  get months() {
    return monthPoints(this.table.window(this.row));
  }
  get throughMonth() {
    return this.table.throughMonthOf(this.row);
  }
  get current() {
    return orNull(this.table.current[this.row]);
  }
  get actualToDate() {
    return orNull(this.table.actualToDate[this.row]);
  }
  get targetToDate() {
    return orNull(this.table.targetToDate[this.row]);
  }
  get expected() {
    return orNull(this.table.expected[this.row]);
  }
  get attainment() {
    return orNull(this.table.attainment[this.row]);
  }
  get expectedAttainment() {
    return orNull(this.table.expectedAttainment[this.row]);
  }
  get status() {
    return this.table.statusOf(this.row);
  }
  get forecast() {
    return orNull(this.table.forecast[this.row]);
  }
  get forecastAttainment() {
    return orNull(this.table.forecastAttainment[this.row]);
  }
  get score() {
    return orNull(this.table.score[this.row]);
  }
  get scoreFinal() {
    return (this.table.flags[this.row] & SCORE_FINAL) !== 0;
  }
  get missingCheckIn() {
    return this.table.missingCheckInOf(this.row);
  }
  get doneOn() {
    return this.table.doneOn.get(this.row) ?? null;
  }
  get doneLateOn() {
    return this.table.doneLateOn.get(this.row) ?? null;
  }
  get monthsMet() {
    return orNull(this.table.monthsMet[this.row]);
  }
  get monthsJudged() {
    return orNull(this.table.monthsJudged[this.row]);
  }
  get leftOut() {
    return this.table.leftOutOf(this.row);
  }
}

/**
 * One metric's progress from its counted check-ins (its `group` in screen.counted, rows of `checkIns`), written
 * into row `i` of `table` (see ProgressTable). `frame`: progressFrame(plan, asOf), made once for all metrics.
 *
 * This runs for every key result and KPI (10,000+ in a large plan), so it works on month numbers and small
 * arrays, with plain loops: no Map, no month text and no object per metric.
 */
function metricProgress(
  table: ProgressTable,
  i: number,
  metric: KeyResult | Kpi,
  spec: MetricSpec | null,
  asOf: IsoDate,
  frame: ProgressFrame,
  screen: CheckInScreen,
  group: number,
  checkIns: CheckInColumns,
  /** A KPI whose ID is a key result's: its check-ins are the key result's (id-on-two-tabs), it is left out. */
  idTaken = false,
): void {
  const t = table;
  const kind = t.kind;
  // A KPI is a threshold (a bar to stay on the right side of, from 0); a key result has its own type.
  const type: MetricType = kind === 'kr' ? (metric as KeyResult).type : 'threshold';
  // Target = Baseline leaves nothing to reach: the metric is left out (an error says so), not shown as done.
  // A Type, Direction or Phasing that could not be read (an error says so) leaves no spec: nothing is judged on a default.
  const leftOut: LeftOutReason | null = idTaken
    ? 'id-on-two-tabs'
    : !spec
      ? metric.unreadChoice
        ? 'invalid-choice'
        : metric.target === null
          ? 'no-target'
          : 'no-window'
      : (spec.type === 'cumulative' || spec.type === 'level') && spec.target === spec.baseline
        ? 'target-equals-baseline'
        : null;
  const usable = leftOut === null ? spec : null;
  // Months as monthIndex numbers from here on. A check-in counts from the Start month through the judged month
  // (and, for a key result, not after its due month); see docs/method.md, "Which check-ins count".
  const judged = frame.judged;
  const startIndex = usable ? monthIndex(usable.start) : 0;
  const dueIndex = usable ? monthIndex(usable.due) : -1;
  const throughIndex = judged < dueIndex ? judged : dueIndex;
  // The window's counted check-ins, startIndex..throughIndex: countedAt(values, offset + j) is month startIndex + j.
  const judgedLength = usable && throughIndex >= startIndex ? throughIndex - startIndex + 1 : 0;
  const offset = frame.counted.take(judgedLength);
  const values = frame.counted.values;
  const firstDone = usable
    ? fillMonths(checkIns, screen, group, type, startIndex, throughIndex, values, offset)
    : null;
  /** Months in the window, start to due. */
  const n = dueIndex - startIndex + 1;

  // What the month points are built from when first read (see MetricProgressRecord): fixed by now.
  t.type[i] = TYPES.indexOf(type);
  t.leftOut[i] = leftOut === null ? 0 : LEFT_OUT.indexOf(leftOut) + 1;
  t.startIndex[i] = startIndex;
  t.throughIndex[i] = throughIndex;
  t.offset[i] = offset;
  t.store[i] = t.storeNumber(frame.counted.store);
  // Left out, the metric is not judged, but its window is still the plan's (the card says its Due, the roadmap
  // draws it): given, not null as if the dates were unknown (ProgressTable.start). Without a spec, planProgress adds
  // it (windowOfLeftOut).
  if (!usable) return;

  // Started once the Start month has begun: as of its first day or later (month numbers, no day text made).
  const started = frame.asOfMonth >= startIndex;
  const anyCompleted = throughIndex >= startIndex;
  /** The window's judged months, startIndex..throughIndex: offset + 0 .. offset + judgedCount − 1 in values. */
  const judgedCount = anyCompleted ? throughIndex - startIndex + 1 : 0;
  let flags = anyCompleted ? THROUGH_MONTH : 0;
  // Final once the due month is judged: as of its last day or later.
  const scoreFinal = judged >= dueIndex;
  if (scoreFinal) flags |= SCORE_FINAL;
  t.flags[i] = flags;
  const missed: Status = kind === 'kr' ? 'missed' : 'off-track';
  // Without an Actuals tab there is nothing to judge a started metric on: no data, not missed or off track.
  if (!frame.checkInsRead) {
    t.status[i] = statusCode(started ? 'no-data' : 'not-started');
    return;
  }

  if (type === 'milestone') {
    const done = firstDone !== null;
    if (done) t.doneOn.set(i, firstDone);
    // Done after its due month: never counted, but said, from its day on.
    const late = done ? undefined : screen.doneAfterDue.get(group);
    if (late !== undefined && late <= asOf) t.doneLateOn.set(i, late);
    const current = done ? 1 : 0;
    t.current[i] = current;
    t.actualToDate[i] = current;
    t.attainment[i] = current;
    const expected = scoreFinal ? 1 : 0;
    t.expected[i] = expected;
    t.targetToDate[i] = expected;
    t.expectedAttainment[i] = expected;
    const status: Status = done ? 'done' : !started ? 'not-started' : scoreFinal ? missed : 'on-track';
    t.status[i] = statusCode(status);
    // A key result not started has no score yet, whatever its type (method §9): nothing of its window is graded.
    if (status !== 'not-started') t.score[i] = current;
    return;
  }

  if (!started) {
    t.status[i] = statusCode('not-started');
    return;
  }

  // Where the metric stands, from the counted check-ins of the window's judged months.
  const k = throughIndex - startIndex + 1;
  let current: number | null;
  let expected: number | null;
  if (type === 'cumulative') {
    let sum = 0;
    for (let j = 0; j < judgedCount; j++) sum += countedAt(values, offset + j) ?? 0;
    t.actualToDate[i] = sum;
    current = usable.baseline + sum;
    expected = anyCompleted ? expectedAtPosition(usable, k, n) : usable.baseline;
    t.targetToDate[i] = expected === null ? NaN : expected - usable.baseline;
  } else {
    // The latest judged month with a reading.
    let latest: number | null = null;
    for (let j = judgedCount - 1; j >= 0 && latest === null; j--) latest = countedAt(values, offset + j);
    current = latest;
    t.actualToDate[i] = orNaN(current);
    expected =
      type === 'level' ? (anyCompleted ? monthTargetAt(usable, k, n) : usable.baseline) : usable.target;
    t.targetToDate[i] = orNaN(expected);
  }
  t.current[i] = orNaN(current);
  t.expected[i] = orNaN(expected);

  let attainment: number | null = null;
  let expectedAttainment: number | null = null;
  if (type === 'threshold') {
    let met = 0;
    for (let j = 0; j < judgedCount; j++) {
      const v = countedAt(values, offset + j);
      // With the tolerance of every "at or above" here: a sheet's 1 − 0.97 is 3%, as it shows.
      if (
        v !== null &&
        (usable.direction === 'increase' ? atLeast(v, usable.target) : atLeast(usable.target, v))
      )
        met++;
    }
    t.monthsMet[i] = met;
    t.monthsJudged[i] = judgedCount;
    attainment = judgedCount ? met / judgedCount : null;
    expectedAttainment = judgedCount ? 1 : null;
  } else if (current !== null) {
    attainment = attainmentOf(current, usable.baseline, usable.target, usable.direction);
    expectedAttainment =
      expected === null ? null : attainmentOf(expected, usable.baseline, usable.target, usable.direction);
  }
  t.attainment[i] = orNaN(attainment);
  t.expectedAttainment[i] = orNaN(expectedAttainment);

  const forecasted = forecast(
    usable,
    values,
    offset,
    startIndex,
    judgedCount,
    current,
    expected,
    throughIndex,
    dueIndex,
  );
  t.forecast[i] = orNaN(forecasted);
  if (forecasted !== null && type !== 'threshold') {
    t.forecastAttainment[i] = attainmentOf(forecasted, usable.baseline, usable.target, usable.direction);
  } else if (type === 'threshold') {
    t.forecastAttainment[i] = orNaN(attainment);
  }
  const score = attainment === null ? null : roundScore(attainment);
  t.score[i] = orNaN(score);

  let status: Status = 'no-data';
  if (!anyCompleted) {
    // Started this month: nothing is due yet.
    status = attainment !== null && atLeast(attainment, 1) ? 'done' : 'not-started';
    // No score before a month of the window is judged (method §9): a cumulative key result's 0 checked in so far
    // is no grade, as a level's reading not yet taken is none.
    if (status === 'not-started') t.score[i] = NaN;
    t.status[i] = statusCode(status);
    return;
  }
  // The judged month's check-in (anyCompleted: it is the last of the window's counted months). Without it: no
  // data (as the Targets tab's Status says); the figures so far stay, and its objective counts them (rollUp). An
  // amount that has already reached its target is done all the same: a month not typed yet cannot undo it.
  if (countedAt(values, offset + throughIndex - startIndex) === null) {
    t.flags[i] = flags | MISSING_CHECK_IN;
    status = type === 'cumulative' && attainment !== null && atLeast(attainment, 1) ? 'done' : 'no-data';
    t.status[i] = statusCode(status);
    return;
  }
  if (type !== 'threshold' && attainment !== null && atLeast(attainment, 1)) {
    status = 'done';
  } else if (type === 'threshold' && scoreFinal && attainment === 1) {
    status = 'done';
  } else if (scoreFinal && kind === 'kr') {
    // The due month is judged and the target was not reached: the key result is over, and missed.
    status = 'missed';
  } else if (attainment !== null && expectedAttainment !== null) {
    status = statusFromPace(attainment, expectedAttainment);
  }
  t.status[i] = statusCode(status);
}

/**
 * A MetricProgress as PlanProgress.keyResults and .kpis hand it out: row `row` of a ProgressTable copied into own
 * data fields, built when those lists are first read. A class, not an object literal grown field by field, because
 * V8 then lays out all of its fields in the object at once. Its fields come in the order JSON and the tests have
 * always seen; `months` is an enumerable own accessor in its usual place, so JSON.stringify, spreads and equality
 * see the points as ever, built on first read from the table (12+ objects per metric that the status, the checks
 * and the Targets tab never read). The accessor functions are shared by every metric (one accessor per object
 * would put each object in V8's slow dictionary mode) and its state lives in private fields, which JSON, keys
 * and equality never see.
 */
class MetricProgressRecord implements MetricProgress {
  declare id: string;
  declare kind: 'kr' | 'kpi';
  declare name: string;
  declare owner: string;
  declare unit: string;
  declare type: MetricType;
  declare direction: Direction;
  declare baseline: number;
  declare target: number | null;
  declare start: Month | null;
  declare due: Month | null;
  declare months: MonthPoint[];
  declare throughMonth: Month | null;
  declare current: number | null;
  declare actualToDate: number | null;
  declare targetToDate: number | null;
  declare expected: number | null;
  declare attainment: number | null;
  declare expectedAttainment: number | null;
  declare status: Status;
  declare forecast: number | null;
  declare forecastAttainment: number | null;
  declare score: number | null;
  declare scoreFinal: boolean;
  declare missingCheckIn: Month | null;
  declare doneOn: IsoDate | null;
  declare doneLateOn: IsoDate | null;
  declare monthsMet: number | null;
  declare monthsJudged: number | null;
  declare leftOut: LeftOutReason | null;
  /** Where the month points are built from until first read. */
  #table: ProgressTable;
  #row: number;
  /** The points once built (or set). */
  #points: MonthPoint[] | null = null;

  /** What a metric's month points are built from, while they are not built yet (see visitJudgedMonths). */
  static windowOf(p: MetricProgress): MonthWindow | null {
    if (p instanceof MetricView) return p.table.window(p.row);
    if (!(p instanceof MetricProgressRecord) || p.#points !== null) return null;
    return p.#table.window(p.#row);
  }

  /** `months`: built on first read, then kept. */
  static readonly #months: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: MetricProgressRecord): MonthPoint[] {
      return (this.#points ??= monthPoints(this.#table.window(this.#row)));
    },
    set(this: MetricProgressRecord, points: MonthPoint[]) {
      this.#points = points;
    },
  };

  constructor(table: ProgressTable, row: number) {
    const v = new MetricView(table, row);
    this.id = v.id;
    this.kind = v.kind;
    this.name = v.name;
    this.owner = v.owner;
    this.unit = v.unit;
    this.type = v.type;
    this.direction = v.direction;
    this.baseline = v.baseline;
    this.target = v.target;
    this.start = v.start;
    this.due = v.due;
    Object.defineProperty(this, 'months', MetricProgressRecord.#months);
    this.#table = table;
    this.#row = row;
    this.throughMonth = v.throughMonth;
    this.current = v.current;
    this.actualToDate = v.actualToDate;
    this.targetToDate = v.targetToDate;
    this.expected = v.expected;
    this.attainment = v.attainment;
    this.expectedAttainment = v.expectedAttainment;
    this.status = v.status;
    this.forecast = v.forecast;
    this.forecastAttainment = v.forecastAttainment;
    this.score = v.score;
    this.scoreFinal = v.scoreFinal;
    this.missingCheckIn = v.missingCheckIn;
    this.doneOn = v.doneOn;
    this.doneLateOn = v.doneLateOn;
    this.monthsMet = v.monthsMet;
    this.monthsJudged = v.monthsJudged;
    this.leftOut = v.leftOut;
  }
}

/**
 * A PlanProgress whose key results and KPIs are ProgressTables: `keyResults` and `kpis` are enumerable own
 * accessors in their usual places (JSON and spreads see the lists as ever), building the records on first read.
 */
class TabledProgress {
  declare asOf: IsoDate;
  declare keyResults: MetricProgress[];
  declare kpis: MetricProgress[];
  declare objectives: Record<string, RollUp>;
  declare departments: Record<string, RollUp>;
  readonly #tables: { kr: ProgressTable; kpi: ProgressTable };
  readonly #built: { kr: MetricProgress[] | null; kpi: MetricProgress[] | null } = { kr: null, kpi: null };

  /** The tables, while neither list has been read (a caller may change a record): see readProgress. */
  static tablesOf(p: PlanProgress): { kr: ProgressTable; kpi: ProgressTable } | null {
    if (!(p instanceof TabledProgress) || p.#built.kr !== null || p.#built.kpi !== null) return null;
    return p.#tables;
  }

  static #list(kind: 'kr' | 'kpi'): PropertyDescriptor {
    return {
      enumerable: true,
      configurable: true,
      get(this: TabledProgress): MetricProgress[] {
        const table = this.#tables[kind];
        return (this.#built[kind] ??= table.metrics.map((_, i) => new MetricProgressRecord(table, i)));
      },
      set(this: TabledProgress, list: MetricProgress[]) {
        this.#built[kind] = list;
      },
    };
  }

  constructor(
    asOf: IsoDate,
    tables: { kr: ProgressTable; kpi: ProgressTable },
    objectives: Record<string, RollUp>,
    departments: Record<string, RollUp>,
  ) {
    this.asOf = asOf;
    Object.defineProperty(this, 'keyResults', TabledProgress.#list('kr'));
    Object.defineProperty(this, 'kpis', TabledProgress.#list('kpi'));
    this.#tables = tables;
    this.objectives = objectives;
    this.departments = departments;
  }
}

/** A plan's progress read metric by metric, by position: key result i, KPI i. */
export interface ProgressReading {
  keyResults: number;
  kpis: number;
  keyResult(i: number): MetricProgress;
  kpi(i: number): MetricProgress;
}

/**
 * How the checks read a PlanProgress: from planProgress's tables through views made as they are read, without
 * building its records (see ProgressTable), unless a list was read already (a caller may have changed a record)
 * or the progress was made otherwise; then from its lists.
 */
export function readProgress(progress: PlanProgress): ProgressReading {
  const tables = TabledProgress.tablesOf(progress);
  if (tables)
    return {
      keyResults: tables.kr.metrics.length,
      kpis: tables.kpi.metrics.length,
      keyResult: (i) => new MetricView(tables.kr, i),
      kpi: (i) => new MetricView(tables.kpi, i),
    };
  return {
    keyResults: progress.keyResults.length,
    kpis: progress.kpis.length,
    keyResult: (i) => progress.keyResults[i],
    kpi: (i) => progress.kpis[i],
  };
}

/**
 * Calls `visit` with the counted check-in (null for none) and the month's own target of each judged month of the
 * metric's window within the period, in order, until it returns false: Start to throughMonth. Without building the
 * month points when they are not built yet, for a check that looks at thousands of metrics (see monthPoints).
 */
export function visitJudgedMonths(
  p: MetricProgress,
  visit: (actual: number | null, target: number | null) => boolean,
): void {
  const w = MetricProgressRecord.windowOf(p);
  if (!w) {
    const { start, throughMonth: through } = p;
    if (start === null || through === null) return;
    for (const point of p.months)
      if (point.month >= start && point.month <= through && !visit(point.actual, point.target)) return;
    return;
  }
  if (!w.usable) return;
  // The period's months only, as the points have (a window may start before the period).
  const { periodIndexes: period } = w;
  const first = period ? Math.max(w.startIndex, period[0]) : w.startIndex;
  const last = period ? Math.min(w.throughIndex, period[period.length - 1]) : w.throughIndex;
  for (let i = first; i <= last; i++) {
    const j = i - w.startIndex;
    if (!visit(countedAt(w.values, w.offset + j), monthTargetAt(w.usable, j + 1, w.n))) return;
  }
}

/** What one metric's month points are built from (see metricProgress). */
interface MonthWindow {
  usable: MetricSpec | null;
  cumulative: boolean;
  startIndex: number;
  throughIndex: number;
  /** Months in the window (start to due). */
  n: number;
  /** Counted check-ins: countedAt(values, offset + j) is month startIndex + j, for months startIndex..throughIndex. */
  values: Float64Array;
  offset: number;
  /** The period's months (or, without a period, the metric's window) and their monthIndex, when known. */
  periodMonths: Month[];
  periodIndexes: number[] | null;
}

/**
 * One point per month of the period: its target (decompose(spec, periodMonths), computed in place from the
 * month's position) and its check-in, with the planned and actual standing at the end of the month.
 */
function monthPoints(w: MonthWindow): MonthPoint[] {
  const { usable, cumulative, startIndex, throughIndex, n, values, offset, periodMonths, periodIndexes } = w;
  let plannedSoFar = usable?.baseline ?? 0;
  let standingSoFar = usable?.baseline ?? 0;
  const months: MonthPoint[] = new Array(periodMonths.length);
  for (let p = 0; p < periodMonths.length; p++) {
    const i = periodIndexes ? periodIndexes[p] : monthIndex(periodMonths[p]);
    const target = usable ? monthTargetAt(usable, i - startIndex + 1, n) : null;
    // Only the window's judged months have a counted check-in.
    const judgedHere = usable !== null && i >= startIndex && i <= throughIndex;
    const actual = judgedHere ? countedAt(values, offset + i - startIndex) : null;
    if (cumulative) {
      plannedSoFar += target ?? 0;
      standingSoFar += actual ?? 0;
      months[p] = {
        month: periodMonths[p],
        target,
        actual,
        planned: usable ? plannedSoFar : null,
        standing: judgedHere ? standingSoFar : null,
      };
    } else {
      months[p] = {
        month: periodMonths[p],
        target,
        actual,
        planned: target,
        standing: judgedHere ? actual : null,
      };
    }
  }
  return months;
}

/**
 * Where the metric will stand at the due month: the recent run rate (cumulative) or trend (level) carried on.
 * countedAt(values, offset + j) is the check-in of month startIndex + j; the first `judgedCount` are the window's
 * judged months.
 */
function forecast(
  spec: MetricSpec,
  values: Float64Array,
  offset: number,
  startIndex: number,
  judgedCount: number,
  current: number | null,
  /** Where the plan expects it by the end of the judged months (cumulative: baseline + their targets). */
  expected: number | null,
  through: number,
  dueIndex: number,
): number | null {
  // No month judged yet (it started this month): there is no pace to carry forward, so no forecast.
  if (current === null || judgedCount === 0) return null;
  const remaining = Math.max(0, dueIndex - through);
  // The last FORECAST_MONTHS judged months of the window.
  const first = Math.max(0, judgedCount - FORECAST_MONTHS);
  if (spec.type === 'cumulative') {
    let sum = 0;
    for (let j = first; j < judgedCount; j++) sum += countedAt(values, offset + j) ?? 0;
    if (spec.phasing === 'even') return current + (sum / (judgedCount - first)) * remaining;
    // A plan shaped over time (ramp-up, front-loaded, custom weights): the recent months against what the plan
    // asked of them, carried over what it asks of the months left. A ramp-up on plan one month in forecasts its
    // target, not the first month's small amount times the months left. (For even phasing this rule is the run
    // rate above but for the monthly targets' rounding, so the run rate is kept there as it always was.)
    // The plan by the end of the judged months is `expected`, by the due month the target: one more position to
    // work out, where the recent months began (custom weights make each a sum over the window).
    const n = dueIndex - startIndex + 1;
    const byNow = expected ?? spec.baseline;
    const askedRecently = byNow - (expectedAtPosition(spec, first, n) ?? spec.baseline);
    const askedLater = spec.target - byNow;
    if (askedRecently > 0) return current + (sum / askedRecently) * askedLater;
    return current + (sum / (judgedCount - first)) * remaining;
  }
  if (spec.type === 'level') {
    const projected = current + slope(values, offset, startIndex, first, judgedCount) * remaining;
    // A trend carried past zero gives what no reading of this metric can be (a churn of −9%, a cost of −$100):
    // a metric whose baseline, target and readings are all at or above zero is forecast at zero at least.
    let neverNegative = spec.baseline >= 0 && spec.target >= 0;
    for (let j = first; j < judgedCount; j++) if (values[offset + j] < 0) neverNegative = false;
    return neverNegative ? Math.max(0, projected) : projected;
  }
  return current;
}

/**
 * One group's members for a roll-up: `members[from..to − 1]` are positions in `metrics`, each weighing
 * `weights[position]` (null: every member weighs 1). Positions rather than an array of members per group: a plan
 * of 10,000 key results has thousands of groups (see PlanIndex.keyResultsOfObjective).
 */
interface Group {
  /** What the members are: key results, or a department's KPIs when it owns no key result. */
  kind: 'kr' | 'kpi';
  table: ProgressTable;
  weights: readonly number[] | null;
  members: Int32Array;
  from: number;
  to: number;
}

/** Members a roll-up leaves out of its weighted mean, once it has decided the group's case (row i of t). */
type Excluded = (t: ProgressTable, i: number) => boolean;
const NONE_EXCLUDED: Excluded = () => false;
const NOT_STARTED = statusCode('not-started');
// A member with no data for its judged month still counts with what was checked in (a missing month adds nothing
// to a cumulative total and meets no bar), so forgetting a check-in never raises its group (method §10).
const NOT_MEASURED: Excluded = (t, i) =>
  t.attainment[i] !== t.attainment[i] ||
  t.expectedAttainment[i] !== t.expectedAttainment[i] ||
  t.status[i] === NOT_STARTED;
/** With a member left out: the members that could be measured, as when none is (method §10). */
const NOT_MEASURED_OR_LEFT_OUT: Excluded = (t, i) => t.leftOut[i] !== 0 || NOT_MEASURED(t, i);

/**
 * The weighted mean of key results (each capped at 100%, so one overshoot cannot hide a miss), and a status
 * from the same pace bands.
 */
function rollUp(group: Group): RollUp {
  const { table: t, members, from, to, kind } = group;
  const metrics = to - from;
  if (metrics === 0)
    return { attainment: null, expectedAttainment: null, status: 'no-data', metrics, kind, measured: 0 };
  // One pass for what decides the case (this runs for each objective and department: thousands of small groups).
  let anyLeftOut = false;
  let anyNoData = false;
  let allDone = true;
  let allNotStarted = true;
  let allOver = true;
  const noData = statusCode('no-data');
  const done = statusCode('done');
  for (let k = from; k < to; k++) {
    const i = members[k];
    const status = t.status[i];
    if (t.leftOut[i] !== 0) anyLeftOut = true;
    if (status === noData) anyNoData = true;
    if (t.kind !== 'kr' || (t.flags[i] & SCORE_FINAL) === 0) allOver = false;
    if (status !== done) allDone = false;
    if (status !== NOT_STARTED) allNotStarted = false;
  }
  // A member left out because of an error must not make the group look better than it is: the group needs
  // attention, and its attainment is that of the members that could be measured.
  if (anyLeftOut) {
    const { attainment, expectedAttainment, measured } = weighted(group, NOT_MEASURED_OR_LEFT_OUT);
    return { attainment, expectedAttainment, status: 'needs-attention', metrics, kind, measured };
  }
  if (allDone) {
    const { attainment, expectedAttainment, measured } = weighted(group, NONE_EXCLUDED);
    return { attainment, expectedAttainment, status: 'done', metrics, kind, measured };
  }
  if (allNotStarted)
    return { attainment: null, expectedAttainment: null, status: 'not-started', metrics, kind, measured: 0 };
  // Every key result's due month is judged, each with its data, and not all were reached: the objective is over,
  // and missed (the pace bands would call it "at risk" for ever, as if it could still be saved). A member without
  // data keeps it to the rule below: what it lacks is a number, not a verdict.
  if (allOver && !anyNoData) {
    const { attainment, expectedAttainment, measured } = weighted(group, NOT_MEASURED);
    return { attainment, expectedAttainment, status: 'missed', metrics, kind, measured };
  }
  let measured = 0;
  for (let k = from; k < to; k++) if (!NOT_MEASURED(t, members[k])) measured++;
  if (measured === 0)
    return { attainment: null, expectedAttainment: null, status: 'no-data', metrics, kind, measured: 0 };
  const { attainment, expectedAttainment } = weighted(group, NOT_MEASURED);
  const pace = statusFromPace(attainment!, expectedAttainment!);
  // A member without data keeps the group from looking on track: it is at best "no data", a number to ask for.
  const status = anyNoData && moreUrgent('no-data', pace) ? 'no-data' : pace;
  return { attainment, expectedAttainment, status, metrics, kind, measured };
}

/**
 * The weighted mean of the group's members but the excluded ones. Plain loops in member order, summing in the
 * same order as ever (so every figure stays the same to the last bit).
 */
function weighted(
  { table: t, weights, members, from, to }: Group,
  excluded: Excluded,
): { attainment: number | null; expectedAttainment: number | null; measured: number } {
  let totalWeight = 0;
  let usable = 0;
  for (let k = from; k < to; k++) {
    const i = members[k];
    if (excluded(t, i) || t.attainment[i] !== t.attainment[i]) continue;
    totalWeight += weights ? weights[members[k]] : 1;
    usable++;
  }
  if (usable === 0) return { attainment: null, expectedAttainment: null, measured: 0 };
  let attainment = 0;
  let expectedAttainment = 0;
  for (let k = from; k < to; k++) {
    const i = members[k];
    if (excluded(t, i) || t.attainment[i] !== t.attainment[i]) continue;
    // All weights 0 means "no preference": equal weights.
    const w = totalWeight > 0 ? (weights ? weights[members[k]] : 1) / totalWeight : 1 / usable;
    attainment += w * Math.min(1, t.attainment[i]);
    const expected = t.expectedAttainment[i];
    expectedAttainment += w * Math.min(1, expected === expected ? expected : 0);
  }
  return { attainment, expectedAttainment, measured: usable };
}

/**
 * The window of a metric left out without a spec (no target, a Type, Direction or Phasing not read): the Start (or
 * the period's start) to the Due (or the period's end), as a judged metric's would be. Only such metrics are looked
 * at, and they are few: the plan's other metrics pay one comparison each.
 */
function windowOfLeftOut(plan: Plan, keyResults: ProgressTable, kpis: ProgressTable): void {
  const set = (t: ProgressTable, i: number, w: { start: IsoDate; due: IsoDate } | null) => {
    if (!w || w.due < w.start) return;
    t.leftOutWindow.set(i, { start: monthOf(w.start), due: monthOf(w.due) });
  };
  for (let i = 0; i < keyResults.metrics.length; i++)
    if (keyResults.leftOut[i] !== 0 && !keyResults.specs[i])
      set(keyResults, i, keyResultWindow(plan.keyResults[i], plan));
  for (let i = 0; i < kpis.metrics.length; i++)
    if (kpis.leftOut[i] !== 0 && !kpis.specs[i])
      set(kpis, i, kpiWindow(plan, trackedKeyResult(plan.kpis[i], plan)));
}

/**
 * `counted`: screenCheckIns(plan), or the rows it kept, when the caller has screened them already
 * (analyzeWorkbook). Given the screen, its rows by metric are used as they are, not indexed again.
 */
export function planProgress(
  plan: Plan,
  asOf: IsoDate,
  /** Which check-ins count (screenCheckIns of this plan), when the caller has it already. */
  screen: CheckInScreen = screenCheckIns(plan, asOf),
): PlanProgress {
  const frame = progressFrame(plan, asOf);
  const checkIns = checkInColumns(plan);
  // IDs and owners match case-insensitively, as the checks match them (PlanIndex); a department is named as its
  // tab spells it, else by the spelling its rows use most (PlanIndex.ownerName).
  const index = planIndex(plan);
  // Each metric's rows and decomposition spec come from the screen, by position; its progress goes to a table row.
  const keyResults = new ProgressTable('kr', plan.keyResults, screen.keyResultSpecs, frame);
  for (let i = 0; i < plan.keyResults.length; i++)
    metricProgress(
      keyResults,
      i,
      plan.keyResults[i],
      screen.keyResultSpecs[i],
      asOf,
      frame,
      screen,
      screen.keyResultGroup[i],
      checkIns,
    );
  // A KPI with a key result's ID is left out: the rows of that ID count for the key result only (id-on-two-tabs).
  const kpis = new ProgressTable('kpi', plan.kpis, screen.kpiSpecs, frame);
  for (let i = 0; i < plan.kpis.length; i++)
    metricProgress(
      kpis,
      i,
      plan.kpis[i],
      screen.kpiSpecs[i],
      asOf,
      frame,
      screen,
      screen.kpiGroup[i],
      checkIns,
      index.keyResultNamedLikeKpi[i] >= 0,
    );
  windowOfLeftOut(plan, keyResults, kpis);
  const weights = plan.keyResults.map((kr) => kr.weight);
  const group = (
    kind: 'kr' | 'kpi',
    table: ProgressTable,
    w: number[] | null,
    groups: Groups,
    g: number,
  ): Group => ({
    kind,
    table,
    weights: w,
    members: groups.members,
    from: groups.start[g],
    to: groups.start[g + 1],
  });
  const objectives: Record<string, RollUp> = {};
  for (let o = 0; o < plan.objectives.length; o++) {
    objectives[plan.objectives[o].id] = rollUp(
      group('kr', keyResults, weights, index.keyResultsOfObjective, index.objectiveFirst[o]),
    );
  }
  // A department that owns no key result is judged by the KPIs it owns (Support by its first-response time),
  // rather than shown as having no data.
  const departments: Record<string, RollUp> = {};
  for (let g = 0; g < index.ownersOfMetrics; g++) {
    const owned = group('kr', keyResults, weights, index.keyResultsOfOwner, g);
    departments[index.ownerName[g]] = rollUp(
      owned.to > owned.from ? owned : group('kpi', kpis, null, index.kpisOfOwner, g),
    );
  }
  return new TabledProgress(asOf, { kr: keyResults, kpi: kpis }, objectives, departments);
}
