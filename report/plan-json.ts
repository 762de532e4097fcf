/**
 * plan.json: the computed plan for other tools (dashboards, scripts, BI imports), written beside index.html.
 * Documented in docs/plan-json.md; bump PLAN_JSON_VERSION on any incompatible change.
 */
import type { IsoDate, Month } from '../shared/calendar';
import type { PlanIssue, Severity } from '../shared/issues';
import type { Plan } from '../shared/plan';
import type { MetricProgress, PlanProgress, RollUp, Status } from '../shared/progress';
import type { Direction, Lang, MetricType } from '../shared/template';
import type { HistoryEntry, SincePrevious } from './previous';

export const PLAN_JSON_VERSION = 1;

/** Floats without binary noise: 0.8999999999999999 → 0.9. */
const num = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x)
    ? null
    : Number.isInteger(x)
      ? x
      : Number(x.toPrecision(12));

export interface MonthJson {
  month: Month;
  target: number | null;
  actual: number | null;
}

export interface MetricJson {
  id: string;
  name: string;
  owner: string;
  type: MetricType;
  direction: Direction;
  unit: string;
  baseline: number;
  target: number | null;
  start: Month | null;
  due: Month | null;
  months: MonthJson[];
  throughMonth: Month | null;
  /** Cumulative: the amounts of the completed months added up; otherwise the latest reading. */
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
}

export interface KeyResultJson extends MetricJson {
  objective: string;
  phasing: string;
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
  keyResults: number;
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
  }[];
  issues: IssueJson[];
  summary: {
    issues: Record<Severity, number>;
    keyResults: Partial<Record<Status, number>>;
    kpis: Partial<Record<Status, number>>;
  };
  /** With --previous: what moved since the previous report (report/previous.ts). Absent otherwise. */
  sincePrevious?: SincePrevious;
  /** With --previous: each objective's attainment per earlier report, oldest first, bounded. Absent otherwise. */
  history?: HistoryEntry[];
}

function metric(p: MetricProgress): MetricJson {
  const cumulative = p.type === 'cumulative';
  return {
    id: p.id,
    name: p.name,
    owner: p.owner,
    type: p.type,
    direction: p.direction,
    unit: p.unit,
    baseline: p.baseline,
    target: num(p.target),
    start: p.start,
    due: p.due,
    months: p.months.map((m) => ({ month: m.month, target: num(m.target), actual: num(m.actual) })),
    throughMonth: p.throughMonth,
    actualToDate: num(cumulative && p.current !== null ? p.current - p.baseline : p.current),
    targetToDate: num(cumulative && p.expected !== null ? p.expected - p.baseline : p.expected),
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
  };
}

const rollUp = (r: RollUp | undefined): RollUpJson | null =>
  r
    ? {
        attainment: num(r.attainment),
        expectedAttainment: num(r.expectedAttainment),
        status: r.status,
        keyResults: r.metrics,
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
  const counts: Record<Severity, number> = { error: 0, warning: 0, tip: 0 };
  for (const i of issues) counts[i.severity]++;
  return {
    version: PLAN_JSON_VERSION,
    generator: options.generator,
    asOf: progress.asOf,
    lang,
    source: options.source,
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
      owner: o.owner,
      parent: o.parent,
      start: o.start,
      end: o.end,
      keyResults: krsByObjective.get(o.id.toLowerCase()) ?? [],
      progress: rollUp(progress.objectives[o.id]),
    })),
    keyResults: plan.keyResults.map((kr) => ({
      ...metric(krProgress.get(kr.id)!),
      objective: kr.objectiveId,
      phasing: kr.phasing,
      weight: kr.weight,
      confidence: num(kr.confidence),
    })),
    kpis: plan.kpis.map((k) => ({
      ...metric(kpiProgress.get(k.id)!),
      keyResult: k.keyResultId,
      cadence: k.cadence,
    })),
    roadmap: plan.roadmap.map((r) => ({
      id: r.id,
      item: r.item,
      phase: r.phase,
      owner: r.owner,
      start: r.start,
      end: r.end,
      keyResults: [...r.keyResultIds],
      status: r.status,
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
    summary: { issues: counts, keyResults: tally(progress.keyResults), kpis: tally(progress.kpis) },
  };
}
