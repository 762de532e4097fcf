/**
 * plan.json: the computed plan for other tools (dashboards, scripts, BI imports), written beside index.html.
 * Documented in docs/plan-json.md; bump PLAN_JSON_VERSION on any incompatible change.
 */
import type { IsoDate, Month } from '../shared/calendar';
import { leftOutMetrics } from '../shared/checks';
import { countBySeverity, type PlanIssue, type Severity } from '../shared/issues';
import type { KeyResult, Kpi, Plan } from '../shared/plan';
import {
  keyResultIdNamed,
  objectiveIdOf,
  ownerNameOf,
  parentIdOf,
  trackedKeyResultIdOf,
} from '../shared/plan-index';
import type { LeftOutReason, MetricProgress, PlanProgress, RollUp, Status } from '../shared/progress';
import { fileName } from './format';
import type { Direction, Lang, MetricType } from '../shared/template';
import type { ComparedReport, HistoryEntry, SincePrevious } from './previous';

export const PLAN_JSON_VERSION = 1;
/** Its file's name in the report folder. */
export const PLAN_JSON_FILE = 'plan.json';

/**
 * Floats without binary noise: 0.8999999999999999 → 0.9. A number below a million that is already the double
 * nearest some n / 10^6 (11631.89, 0.25) has at most 12 significant digits, which toPrecision(12) gives back as
 * they are: it is kept without making and reading that text (most of plan.json's 90,000 figures at 1,000 key
 * results).
 */
const num = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x)
    ? null
    : Number.isInteger(x) || (Math.abs(x) < 1e6 && Math.round(x * 1e6) / 1e6 === x)
      ? x
      : Number(x.toPrecision(12));

export interface MonthJson {
  month: Month;
  target: number | null;
  actual: number | null;
  /** Where the plan expects the metric to stand at the end of the month (cumulative: baseline + targets so far). */
  planned: number | null;
  /** Where it stood at the end of the month (judged months of its window only; cumulative: the running total). */
  standing: number | null;
}

export interface LeftOutJson {
  reason: LeftOutReason;
  /** The issue that explains it: its code and cell. */
  code: string | null;
  sheet: string | null;
  cell: string | null;
}

export interface MetricJson {
  id: string;
  name: string;
  owner: string;
  /** Null when the Type cell could not be read (typeAsTyped holds it): never the default as if the cell said it. */
  type: MetricType | null;
  /** The Type cell as typed when it could not be read (an invalid-choice error at it), else null. */
  typeAsTyped: string | null;
  /** Null when the Direction cell could not be read (directionAsTyped holds it), as type. */
  direction: Direction | null;
  directionAsTyped: string | null;
  unit: string;
  baseline: number;
  target: number | null;
  start: Month | null;
  due: Month | null;
  months: MonthJson[];
  throughMonth: Month | null;
  /** Cumulative: the amount checked in (the counted check-ins added up); otherwise the latest counted reading. */
  actualToDate: number | null;
  /** Cumulative: the monthly targets through throughMonth added up; otherwise that month's target. */
  targetToDate: number | null;
  /** Where the metric stands (cumulative: baseline + actualToDate) and where it should stand by now. */
  current: number | null;
  expected: number | null;
  attainment: number | null;
  expectedAttainment: number | null;
  status: Status;
  forecast: number | null;
  forecastAttainment: number | null;
  score: number | null;
  scoreFinal: boolean;
  missingCheckIn: Month | null;
  /** Milestones: the day of the first counted check-in of 1. */
  doneOn: IsoDate | null;
  /**
   * Milestones not done: the day of the first check-in of 1 dated after the due month (not counted: the milestone is
   * missed), once that day has come; else null. Added to the format later: a reader of older files takes it as null.
   */
  doneLateOn?: IsoDate | null;
  /** Thresholds and KPIs: months that met the bar, of the months judged. */
  monthsMet: number | null;
  monthsJudged: number | null;
  /** Set when the metric is left out of progress because of an error. */
  leftOut: LeftOutJson | null;
}

export interface KeyResultJson extends MetricJson {
  objective: string;
  /** Null when the Phasing cell could not be read (phasingAsTyped holds it), as type. */
  phasing: string | null;
  phasingAsTyped: string | null;
  weight: number;
  confidence: number | null;
}

export interface KpiJson extends MetricJson {
  keyResult: string;
  cadence: string;
}

export interface RollUpJson {
  attainment: number | null;
  expectedAttainment: number | null;
  status: Status;
  /** The key results rolled up: 0 for a department that owns none, judged by its KPIs. */
  keyResults: number;
  /** The KPIs rolled up: a department's that owns no key result, else 0 (an objective never rolls up KPIs). */
  kpis: number;
}

export interface IssueJson {
  severity: Severity;
  category: string;
  code: string;
  message: string;
  fix: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  column: number | null;
}

export interface PlanJson {
  version: number;
  generator: string;
  asOf: IsoDate;
  lang: Lang;
  source: string | null;
  strategy: Record<string, string>;
  period: { start: IsoDate; end: IsoDate; months: Month[] } | null;
  departments: { name: string; lead: string; progress: RollUpJson | null }[];
  objectives: {
    id: string;
    title: string;
    owner: string;
    parent: string;
    start: IsoDate | null;
    end: IsoDate | null;
    keyResults: string[];
    progress: RollUpJson | null;
  }[];
  keyResults: KeyResultJson[];
  kpis: KpiJson[];
  roadmap: {
    id: string;
    item: string;
    phase: string;
    owner: string;
    start: IsoDate | null;
    end: IsoDate | null;
    keyResults: string[];
    status: string | null;
    /** The Status cell as typed when it names no status (status is null then), else null. */
    statusAsTyped: string | null;
  }[];
  changes: {
    timestamp: string;
    sheet: string;
    cell: string;
    id: string;
    field: string;
    oldValue: string;
    newValue: string;
    reason: string;
    /** Who made the change: an e-mail as the add-on logs it, or a name typed by hand; '' when not known. */
    who: string;
  }[];
  issues: IssueJson[];
  summary: {
    issues: Record<Severity, number>;
    keyResults: Partial<Record<Status, number>>;
    kpis: Partial<Record<Status, number>>;
    /** The IDs of the key results and KPIs left out of progress because of an error. */
    leftOut: string[];
  };
  /** With --previous: what moved since the previous report (report/previous.ts). Absent otherwise. */
  sincePrevious?: SincePrevious;
  /** With --previous: each objective's attainment per earlier report, oldest first, bounded. Absent otherwise. */
  history?: HistoryEntry[];
  /** With --previous: the report this one was compared with, as the comparison read it (a same-day rerun uses it). */
  comparedWith?: ComparedReport;
}

function metric(
  p: MetricProgress,
  m: KeyResult | Kpi,
  owner: string,
  leftOut: LeftOutJson | null,
): MetricJson {
  // A choice not read is left out of progress, not judged on its default: the default is not written as if read.
  const typeAsTyped = 'unreadType' in m ? (m.unreadType ?? null) : null;
  const directionAsTyped = m.unreadDirection ?? null;
  return {
    id: p.id,
    name: p.name,
    owner,
    type: typeAsTyped === null ? p.type : null,
    typeAsTyped,
    direction: directionAsTyped === null ? p.direction : null,
    directionAsTyped,
    unit: p.unit,
    baseline: p.baseline,
    target: num(p.target),
    start: p.start,
    due: p.due,
    months: p.months.map((m) => ({
      month: m.month,
      target: num(m.target),
      actual: num(m.actual),
      planned: num(m.planned),
      standing: num(m.standing),
    })),
    throughMonth: p.throughMonth,
    // As progress computed them, never re-derived here: the report card shows the same two figures.
    actualToDate: num(p.actualToDate),
    targetToDate: num(p.targetToDate),
    current: num(p.current),
    expected: num(p.expected),
    attainment: num(p.attainment),
    expectedAttainment: num(p.expectedAttainment),
    status: p.status,
    forecast: num(p.forecast),
    forecastAttainment: num(p.forecastAttainment),
    score: num(p.score),
    scoreFinal: p.scoreFinal,
    missingCheckIn: p.missingCheckIn,
    doneOn: p.doneOn,
    doneLateOn: p.doneLateOn,
    monthsMet: p.monthsMet,
    monthsJudged: p.monthsJudged,
    leftOut,
  };
}

const rollUp = (r: RollUp | undefined): RollUpJson | null =>
  r
    ? {
        attainment: num(r.attainment),
        expectedAttainment: num(r.expectedAttainment),
        status: r.status,
        // What was rolled up, each under its own name: a department judged by its KPIs rolls up no key result.
        keyResults: r.kind === 'kr' ? r.metrics : 0,
        kpis: r.kind === 'kpi' ? r.metrics : 0,
      }
    : null;

const tally = (items: { status: Status }[]) => {
  const out: Partial<Record<Status, number>> = {};
  for (const i of items) out[i.status] = (out[i.status] ?? 0) + 1;
  return out;
};

export function buildPlanJson(
  plan: Plan,
  issues: PlanIssue[],
  progress: PlanProgress,
  options: { lang: Lang; source: string | null; generator: string },
): PlanJson {
  const lang = options.lang;
  const krProgress = new Map(progress.keyResults.map((p) => [p.id, p]));
  const kpiProgress = new Map(progress.kpis.map((p) => [p.id, p]));
  const krsByObjective = new Map<string, string[]>();
  for (const k of plan.keyResults) {
    const key = k.objectiveId.toLowerCase();
    const ids = krsByObjective.get(key);
    if (ids) ids.push(k.id);
    else krsByObjective.set(key, [k.id]);
  }
  // Each row's owner named as the report names it (ownerNameOf): its department as the departments list below
  // spells it (a key result owned by 销售 where the Departments tab says 銷售 is 銷售's), so that owners and
  // departments join.
  const counts = countBySeverity(issues);
  const leftOut = new Map(
    leftOutMetrics(plan, progress, issues).map((m) => [
      `${m.kind}:${m.id}`,
      {
        reason: m.reason,
        code: m.issue?.code ?? null,
        sheet: m.issue?.sheet ?? null,
        cell: m.issue?.a1 ?? null,
      },
    ]),
  );
  return {
    version: PLAN_JSON_VERSION,
    generator: options.generator,
    asOf: progress.asOf,
    lang,
    source: options.source === null ? null : fileName(options.source),
    strategy: { ...plan.strategy.values },
    period: plan.period
      ? { start: plan.period.start, end: plan.period.end, months: [...plan.period.months] }
      : null,
    departments: plan.departments.map((d) => ({
      name: d.name,
      lead: d.lead,
      progress: rollUp(progress.departments[d.name]),
    })),
    objectives: plan.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      owner: ownerNameOf(plan, o),
      parent: parentIdOf(plan, o),
      start: o.start,
      end: o.end,
      keyResults: krsByObjective.get(o.id.toLowerCase()) ?? [],
      progress: rollUp(progress.objectives[o.id]),
    })),
    // References as the rows they name spell their IDs (objectiveIdOf and the like): "o1" typed is O1's.
    keyResults: plan.keyResults.map((kr, i) => ({
      ...metric(krProgress.get(kr.id)!, kr, ownerNameOf(plan, kr), leftOut.get(`kr:${kr.id}`) ?? null),
      objective: objectiveIdOf(plan, i),
      phasing: kr.unreadPhasing === undefined ? kr.phasing : null,
      phasingAsTyped: kr.unreadPhasing ?? null,
      weight: kr.weight,
      confidence: num(kr.confidence),
    })),
    kpis: plan.kpis.map((k, j) => ({
      ...metric(kpiProgress.get(k.id)!, k, ownerNameOf(plan, k), leftOut.get(`kpi:${k.id}`) ?? null),
      keyResult: trackedKeyResultIdOf(plan, j),
      cadence: k.cadence,
    })),
    roadmap: plan.roadmap.map((r) => ({
      id: r.id,
      item: r.item,
      phase: r.phase,
      owner: ownerNameOf(plan, r),
      start: r.start,
      end: r.end,
      keyResults: r.keyResultIds.map((ref) => keyResultIdNamed(plan, ref)),
      status: r.status,
      statusAsTyped: r.unreadStatus ?? null,
    })),
    changes: plan.changes.map((c) => ({
      timestamp: c.timestamp,
      sheet: c.sheet,
      cell: c.cell,
      id: c.id,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      reason: c.reason,
      who: c.who,
    })),
    issues: issues.map((i) => ({
      severity: i.severity,
      category: i.category,
      code: i.code,
      message: i.message[lang],
      fix: i.fix[lang],
      sheet: i.sheet,
      cell: i.a1,
      row: i.row,
      column: i.column,
    })),
    summary: {
      issues: counts,
      keyResults: tally(progress.keyResults),
      kpis: tally(progress.kpis),
      leftOut: [...leftOut.keys()].map((key) => key.slice(key.indexOf(':') + 1)),
    },
  };
}
