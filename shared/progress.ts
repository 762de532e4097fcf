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
import { checkInColumns, type CheckInColumns } from './check-in-columns';
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

/** Levels only: the date of the reading kept for each month, reused from one metric to the next. */
const levelDates: IsoDate[] = [];

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
  { values: checkInValues, dates }: CheckInColumns,
  { counted: rows, monthOfRow }: CheckInScreen,
  group: number,
  type: MetricType,
  from: number,
  to: number,
  values: Float64Array,
  offset: number,
): IsoDate | null {
  const cumulative = type === 'cumulative';
  // Only a milestone's done date is wanted: other metrics' dates are not read (each a separate string in memory).
  const milestone = type === 'milestone';
  let firstDone: IsoDate | null = null;
  for (let k = rows.start[group]; k < rows.start[group + 1]; k++) {
    const row = rows.members[k];
    const month = monthOfRow[row];
    if (month > to) continue;
    const value = checkInValues[row];
    if (milestone && value >= 1 && (firstDone === null || dates[row] < firstDone)) firstDone = dates[row];
    // Before the window only a milestone's done is counted, and has no month of the window to fill.
    if (month < from) continue;
    const at = month - from;
    const prior = values[offset + at];
    if (prior !== prior) {
      values[offset + at] = value;
      if (!cumulative) levelDates[at] = dates[row];
    } else if (cumulative) values[offset + at] = prior + value;
    else if (dates[row] >= levelDates[at]) {
      values[offset + at] = value;
      levelDates[at] = dates[row];
    }
  }
  return firstDone;
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

/** Least-squares slope through the points, 0 with fewer than two. (Loops, summing in the same order as ever.) */
function slope(points: [number, number][]): number {
  if (points.length < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) sx += p[0];
  for (const p of points) sy += p[1];
  const mx = sx / points.length;
  const my = sy / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) num += (p[0] - mx) * (p[1] - my);
  for (const p of points) den += (p[0] - mx) ** 2;
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

/**
 * One metric's progress from its counted check-ins (its `group` in screen.counted, rows of `checkIns`).
 * `frame`: progressFrame(plan, asOf), made once for all metrics.
 *
 * This runs for every key result and KPI (10,000+ in a large plan), so it works on month numbers and small
 * arrays, with plain loops: no Map, no month text and no callback per metric beyond what the result holds.
 */
function metricProgress(
  kind: 'kr' | 'kpi',
  metric: KeyResult | Kpi,
  spec: MetricSpec | null,
  asOf: IsoDate,
  frame: ProgressFrame,
  screen: CheckInScreen,
  group: number,
  checkIns: CheckInColumns,
  /** A KPI whose ID is a key result's: its check-ins are the key result's (id-on-two-tabs), it is left out. */
  idTaken = false,
): MetricProgress {
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

  // The month points are built when first read (the report's charts, plan.json, the sidebar's months), not
  // here: they are 12+ objects per metric, 220,000 at 10,000 key results, and building and keeping them was
  // about half of progress's time, mostly garbage collection, while the status, the checks and the Targets tab
  // never read them. What they are built from is fixed by now, so reading them later gives the same points.
  const base = new MetricProgressRecord(
    kind,
    metric,
    type,
    spec,
    leftOut,
    startIndex,
    throughIndex,
    offset,
    frame,
  );
  if (!usable) {
    // Left out, the metric is not judged, but its window is still the plan's (the card says its Due, the roadmap
    // draws it): given, not null as if the dates were unknown. Without a spec, planProgress adds it (windowOfLeftOut).
    if (spec) {
      base.start = spec.start;
      base.due = spec.due;
    }
    return base;
  }

  // Started once the Start month has begun: as of its first day or later (month numbers, no day text made).
  const started = frame.asOfMonth >= startIndex;
  const anyCompleted = throughIndex >= startIndex;
  /** The window's judged months, startIndex..throughIndex: offset + 0 .. offset + judgedCount − 1 in values. */
  const judgedCount = anyCompleted ? throughIndex - startIndex + 1 : 0;
  base.throughMonth = anyCompleted ? monthText(frame, throughIndex) : null;
  // Final once the due month is judged: as of its last day or later.
  base.scoreFinal = judged >= dueIndex;
  const missed: Status = kind === 'kr' ? 'missed' : 'off-track';
  // Without an Actuals tab there is nothing to judge a started metric on: no data, not missed or off track.
  if (!frame.checkInsRead) {
    base.status = started ? 'no-data' : 'not-started';
    return base;
  }

  if (type === 'milestone') {
    const done = firstDone !== null;
    base.doneOn = firstDone;
    // Done after its due month: never counted, but said, from its day on.
    const late = done ? undefined : screen.doneAfterDue.get(group);
    base.doneLateOn = late !== undefined && late <= asOf ? late : null;
    base.current = done ? 1 : 0;
    base.actualToDate = base.current;
    base.attainment = base.current;
    base.expected = base.scoreFinal ? 1 : 0;
    base.targetToDate = base.expected;
    base.expectedAttainment = base.expected;
    base.status = done ? 'done' : !started ? 'not-started' : base.scoreFinal ? missed : 'on-track';
    // A key result not started has no score yet, whatever its type (method §9): nothing of its window is graded.
    base.score = base.status === 'not-started' ? null : base.attainment;
    return base;
  }

  if (!started) {
    base.status = 'not-started';
    return base;
  }

  // Where the metric stands, from the counted check-ins of the window's judged months.
  const k = throughIndex - startIndex + 1;
  if (type === 'cumulative') {
    let sum = 0;
    for (let j = 0; j < judgedCount; j++) sum += countedAt(values, offset + j) ?? 0;
    base.actualToDate = sum;
    base.current = usable.baseline + base.actualToDate;
    base.expected = anyCompleted ? expectedAtPosition(usable, k, n) : usable.baseline;
    base.targetToDate = base.expected === null ? null : base.expected - usable.baseline;
  } else {
    // The latest judged month with a reading.
    let latest: number | null = null;
    for (let j = judgedCount - 1; j >= 0 && latest === null; j--) latest = countedAt(values, offset + j);
    base.current = latest;
    base.actualToDate = base.current;
    base.expected =
      type === 'level' ? (anyCompleted ? monthTargetAt(usable, k, n) : usable.baseline) : usable.target;
    base.targetToDate = base.expected;
  }

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
    base.monthsMet = met;
    base.monthsJudged = judgedCount;
    base.attainment = judgedCount ? met / judgedCount : null;
    base.expectedAttainment = judgedCount ? 1 : null;
  } else if (base.current !== null) {
    base.attainment = attainmentOf(base.current, usable.baseline, usable.target, usable.direction);
    base.expectedAttainment =
      base.expected === null
        ? null
        : attainmentOf(base.expected, usable.baseline, usable.target, usable.direction);
  }

  base.forecast = forecast(
    usable,
    values,
    offset,
    startIndex,
    judgedCount,
    base.current,
    base.expected,
    throughIndex,
    dueIndex,
  );
  if (base.forecast !== null && type !== 'threshold') {
    base.forecastAttainment = attainmentOf(base.forecast, usable.baseline, usable.target, usable.direction);
  } else if (type === 'threshold') {
    base.forecastAttainment = base.attainment;
  }
  base.score = base.attainment === null ? null : roundScore(base.attainment);

  if (!anyCompleted) {
    // Started this month: nothing is due yet.
    base.status = base.attainment !== null && atLeast(base.attainment, 1) ? 'done' : 'not-started';
    // No score before a month of the window is judged (method §9): a cumulative key result's 0 checked in so far
    // is no grade, as a level's reading not yet taken is none.
    if (base.status === 'not-started') base.score = null;
    return base;
  }
  // The judged month's check-in (anyCompleted: it is the last of the window's counted months). Without it: no
  // data (as the Targets tab's Status says); the figures so far stay, and its objective counts them (rollUp). An
  // amount that has already reached its target is done all the same: a month not typed yet cannot undo it.
  if (countedAt(values, offset + throughIndex - startIndex) === null) {
    base.missingCheckIn = monthText(frame, throughIndex);
    base.status =
      type === 'cumulative' && base.attainment !== null && atLeast(base.attainment, 1) ? 'done' : 'no-data';
    return base;
  }
  if (type !== 'threshold' && base.attainment !== null && atLeast(base.attainment, 1)) {
    base.status = 'done';
  } else if (type === 'threshold' && base.scoreFinal && base.attainment === 1) {
    base.status = 'done';
  } else if (base.scoreFinal && kind === 'kr') {
    // The due month is judged and the target was not reached: the key result is over, and missed.
    base.status = 'missed';
  } else if (base.attainment !== null && base.expectedAttainment !== null) {
    base.status = statusFromPace(base.attainment, base.expectedAttainment);
  }
  return base;
}

/**
 * Each MetricProgress's month points, or what they are built from until first read (see metricProgress), in a
 * non-enumerable symbol property: JSON, spreads and equality see only `months`, and the state goes with the
 * object (a WeakMap entry per metric cost more to set and to collect).
 */
/**
 * A MetricProgress as metricProgress first makes it: nothing judged yet. A class, not an object literal grown
 * field by field, because V8 then lays out all of its fields in the object at once: growing a literal past its
 * initial fields reallocated its property store several times per metric, which made this the largest single
 * allocation of the core at 10,000 key results (25 MB per run, mostly garbage). Its fields come in the order
 * JSON and the tests have always seen; `months` is an enumerable own accessor in its usual place, so
 * JSON.stringify, spreads and equality see the points as ever. The accessor functions are shared by every
 * metric (one accessor per object would put each object in V8's slow dictionary mode) and its state lives in a
 * private field, which JSON, keys and equality never see.
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
  // What `months` is built from until first read (see monthPoints): fields of the record itself rather than an
  // object of their own per metric (18,500 more objects to keep at 10,000 key results). The spec (null without one),
  // the window's first and last judged months as monthIndex, where its counted check-ins start in the shared array,
  // and that array with the period's months.
  #spec: MetricSpec | null;
  #startIndex: number;
  #throughIndex: number;
  #offset: number;
  #store: MonthStore;
  /** The points once built (or set). */
  #points: MonthPoint[] | null = null;

  /** What a record's month points are built from, while they are not built yet (see visitJudgedMonths). */
  static windowOf(p: MetricProgress): MonthWindow | null {
    if (!(p instanceof MetricProgressRecord) || p.#points !== null) return null;
    const spec = p.#spec;
    // Judged on its spec unless left out (metricProgress: `usable`).
    const usable = p.leftOut === null ? spec : null;
    const { values, periodMonths, periodIndexes } = p.#store;
    return {
      usable,
      cumulative: p.type === 'cumulative',
      startIndex: p.#startIndex,
      throughIndex: p.#throughIndex,
      n: usable ? monthIndex(usable.due) - p.#startIndex + 1 : 0,
      values,
      offset: p.#offset,
      periodMonths: periodMonths ?? (spec ? monthRange(spec.start, spec.due) : []),
      periodIndexes,
    };
  }

  /** `months`: built on first read, then kept. */
  static readonly #months: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: MetricProgressRecord): MonthPoint[] {
      return (this.#points ??= monthPoints(MetricProgressRecord.windowOf(this)!));
    },
    set(this: MetricProgressRecord, points: MonthPoint[]) {
      this.#points = points;
    },
  };

  constructor(
    kind: 'kr' | 'kpi',
    metric: KeyResult | Kpi,
    type: MetricType,
    spec: MetricSpec | null,
    leftOut: LeftOutReason | null,
    startIndex: number,
    throughIndex: number,
    offset: number,
    frame: ProgressFrame,
  ) {
    const usable = leftOut === null ? spec : null;
    // A key result's own fields; a KPI's name, and its baseline of 0 (see metricProgress).
    this.id = metric.id;
    this.kind = kind;
    this.name = kind === 'kr' ? (metric as KeyResult).title : (metric as Kpi).name;
    this.owner = metric.owner;
    this.unit = metric.unit;
    this.type = type;
    this.direction = metric.direction;
    this.baseline = kind === 'kr' ? (metric as KeyResult).baseline : 0;
    this.target = metric.target;
    this.start = usable?.start ?? null;
    this.due = usable?.due ?? null;
    Object.defineProperty(this, 'months', MetricProgressRecord.#months);
    this.#spec = spec;
    this.#startIndex = startIndex;
    this.#throughIndex = throughIndex;
    this.#offset = offset;
    this.#store = frame.counted.store;
    this.throughMonth = null;
    this.current = null;
    this.actualToDate = null;
    this.targetToDate = null;
    this.expected = null;
    this.attainment = null;
    this.expectedAttainment = null;
    this.status = 'no-data';
    this.forecast = null;
    this.forecastAttainment = null;
    this.score = null;
    this.scoreFinal = false;
    this.missingCheckIn = null;
    this.doneOn = null;
    this.doneLateOn = null;
    this.monthsMet = null;
    this.monthsJudged = null;
    this.leftOut = leftOut;
  }
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
    const points: [number, number][] = [];
    for (let j = first; j < judgedCount; j++) {
      const v = countedAt(values, offset + j);
      if (v !== null) points.push([startIndex + j, v]);
    }
    const projected = current + slope(points) * remaining;
    // A trend carried past zero gives what no reading of this metric can be (a churn of −9%, a cost of −$100):
    // a metric whose baseline, target and readings are all at or above zero is forecast at zero at least.
    let neverNegative = spec.baseline >= 0 && spec.target >= 0;
    for (const [, v] of points) if (v < 0) neverNegative = false;
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
  metrics: readonly MetricProgress[];
  weights: readonly number[] | null;
  members: Int32Array;
  from: number;
  to: number;
}

/** Members a roll-up leaves out of its weighted mean, once it has decided the group's case. */
type Excluded = (p: MetricProgress) => boolean;
const NONE_EXCLUDED: Excluded = () => false;
// A member with no data for its judged month still counts with what was checked in (a missing month adds nothing
// to a cumulative total and meets no bar), so forgetting a check-in never raises its group (method §10).
const NOT_MEASURED: Excluded = (p) =>
  p.attainment === null || p.expectedAttainment === null || p.status === 'not-started';
/** With a member left out: the members that could be measured, as when none is (method §10). */
const NOT_MEASURED_OR_LEFT_OUT: Excluded = (p) => p.leftOut !== null || NOT_MEASURED(p);

/**
 * The weighted mean of key results (each capped at 100%, so one overshoot cannot hide a miss), and a status
 * from the same pace bands.
 */
function rollUp(group: Group): RollUp {
  const { metrics: all, members, from, to, kind } = group;
  const metrics = to - from;
  if (metrics === 0)
    return { attainment: null, expectedAttainment: null, status: 'no-data', metrics, kind, measured: 0 };
  // One pass for what decides the case (this runs for each objective and department: thousands of small groups).
  let anyLeftOut = false;
  let anyNoData = false;
  let allDone = true;
  let allNotStarted = true;
  let allOver = true;
  for (let k = from; k < to; k++) {
    const progress = all[members[k]];
    if (progress.leftOut !== null) anyLeftOut = true;
    if (progress.status === 'no-data') anyNoData = true;
    if (progress.kind !== 'kr' || !progress.scoreFinal) allOver = false;
    if (progress.status !== 'done') allDone = false;
    if (progress.status !== 'not-started') allNotStarted = false;
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
  for (let k = from; k < to; k++) if (!NOT_MEASURED(all[members[k]])) measured++;
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
  { metrics, weights, members, from, to }: Group,
  excluded: Excluded,
): { attainment: number | null; expectedAttainment: number | null; measured: number } {
  let totalWeight = 0;
  let usable = 0;
  for (let k = from; k < to; k++) {
    const p = metrics[members[k]];
    if (excluded(p) || p.attainment === null) continue;
    totalWeight += weights ? weights[members[k]] : 1;
    usable++;
  }
  if (usable === 0) return { attainment: null, expectedAttainment: null, measured: 0 };
  let attainment = 0;
  let expectedAttainment = 0;
  for (let k = from; k < to; k++) {
    const p = metrics[members[k]];
    if (excluded(p) || p.attainment === null) continue;
    // All weights 0 means "no preference": equal weights.
    const w = totalWeight > 0 ? (weights ? weights[members[k]] : 1) / totalWeight : 1 / usable;
    attainment += w * Math.min(1, p.attainment);
    expectedAttainment += w * Math.min(1, p.expectedAttainment ?? 0);
  }
  return { attainment, expectedAttainment, measured: usable };
}

/**
 * The window of a metric left out without a spec (no target, a Type, Direction or Phasing not read): the Start (or
 * the period's start) to the Due (or the period's end), as a judged metric's would be. Only such metrics are looked
 * at, and they are few: the plan's other metrics pay one comparison each.
 */
function windowOfLeftOut(plan: Plan, keyResults: MetricProgress[], kpis: MetricProgress[]): void {
  const set = (p: MetricProgress, w: { start: IsoDate; due: IsoDate } | null) => {
    if (!w || w.due < w.start) return;
    p.start = monthOf(w.start);
    p.due = monthOf(w.due);
  };
  for (let i = 0; i < keyResults.length; i++)
    if (keyResults[i].leftOut !== null && keyResults[i].start === null)
      set(keyResults[i], keyResultWindow(plan.keyResults[i], plan));
  for (let i = 0; i < kpis.length; i++)
    if (kpis[i].leftOut !== null && kpis[i].start === null)
      set(kpis[i], kpiWindow(plan, trackedKeyResult(plan.kpis[i], plan)));
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
  // Each metric's rows and decomposition spec come from the screen, by position.
  const keyResults = plan.keyResults.map((kr, i) =>
    metricProgress(
      'kr',
      kr,
      screen.keyResultSpecs[i],
      asOf,
      frame,
      screen,
      screen.keyResultGroup[i],
      checkIns,
    ),
  );
  // A KPI with a key result's ID is left out: the rows of that ID count for the key result only (id-on-two-tabs).
  const kpis = plan.kpis.map((kpi, i) =>
    metricProgress(
      'kpi',
      kpi,
      screen.kpiSpecs[i],
      asOf,
      frame,
      screen,
      screen.kpiGroup[i],
      checkIns,
      index.keyResultNamedLikeKpi[i] >= 0,
    ),
  );
  windowOfLeftOut(plan, keyResults, kpis);
  const weights = plan.keyResults.map((kr) => kr.weight);
  const group = (
    kind: 'kr' | 'kpi',
    metrics: MetricProgress[],
    w: number[] | null,
    groups: Groups,
    g: number,
  ): Group => ({
    kind,
    metrics,
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
  return { asOf, keyResults, kpis, objectives, departments };
}
