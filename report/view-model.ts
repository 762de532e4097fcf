/**
 * Stage 3 of the report: the plan, its issues and its progress → plain objects the templates only place.
 * Every number is formatted here (per language, with Intl), every status carries its label, shape and colour
 * class, every link and id is made safe here. Raw numbers stay only in the `chart` data the chart stage reads.
 *
 * A large plan (more than LARGE_PLAN_KEY_RESULTS key results) is summarised on the company page, and each
 * department gets its own page with its key result cards; per-KR charts are drawn only up to CHART_LIMIT.
 */
import { monthIndex, monthOf, type IsoDate, type Month } from '../shared/calendar';
import { leftOutMetrics, type LeftOutMetric } from '../shared/checks';
import { countBySeverity, type PlanIssue, type Severity } from '../shared/issues';
import type { Department, KeyResult, Kpi, Objective, Plan, RoadmapItem } from '../shared/plan';
import {
  STATUS_LABELS,
  STATUS_ORDER,
  type MetricProgress,
  type PlanProgress,
  type RollUp,
  type Status,
} from '../shared/progress';
import { enumLabel, STRATEGY_FIELDS, STRATEGY_QUESTIONS, type Lang } from '../shared/template';
import { fileName, Formatter } from './format';
import { LABELS, PHRASES, STATUS_ICONS, type Labels, type Phrases } from './i18n';

/** Above this many key results the company page summarises and departments get their own pages. */
export const LARGE_PLAN_KEY_RESULTS = 30;
/** Per-KR charts cost ~10 ms and ~15 KB each: drawn for plans of up to this many key results. */
export const CHART_LIMIT = 40;
/** Issues listed per severity on the company page before the rest move to issues.html. */
export const ISSUES_PER_SEVERITY = 50;
/** Objectives and KPIs named in the pyramid of a large plan before "+N more". */
const PYRAMID_ITEMS = 8;
/** Commitments shown per department and kind: the method's "few and key" is three. */
const COMMITMENTS_SHOWN = 3;
/** Above this many roadmap items the timeline shows one bar per department and phase. */
export const ROADMAP_ITEM_LIMIT = 60;
/** Above this many departments the timeline has one lane per phase instead of one per department. */
export const ROADMAP_LANE_LIMIT = 30;

export const COMPANY_PAGE = 'index.html';
export const ISSUES_PAGE = 'issues.html';

export interface ViewOptions {
  lang: Lang;
  asOf: IsoDate;
  /** The input file's name, or null for the built-in example. */
  source: string | null;
  /** Overrides for tests and the benchmark. */
  largePlanKeyResults?: number;
  chartLimit?: number;
  issuesPerSeverity?: number;
}

// ---------------------------------------------------------------------------------------------------
// View types (plain data only)

export interface StatusView {
  key: Status;
  label: string;
  icon: string;
}

export interface Fact {
  label: string;
  value: string;
  note: string;
}

export interface Table {
  head: string[];
  rows: string[][];
}

export interface KrChartData {
  type: 'kr';
  kind: 'cumulative' | 'level' | 'threshold';
  percent: boolean;
  /** Axis labels as $1M, $200k. */
  dollars: boolean;
  /** Points at the first day of each month, UTC. */
  points: { month: string; target: number | null; actual: number | null }[];
  forecast: { month: string; value: number }[];
  asOf: IsoDate;
  labels: { target: string; actual: string; forecast: string; value: string };
  lang: Lang;
}

export interface RoadmapChartData {
  type: 'roadmap';
  /** detail: every item; departments: a bar per department and phase; phases: a lane per phase. */
  mode: 'detail' | 'departments' | 'phases';
  rows: { key: string; label: string }[];
  bars: { row: string; start: IsoDate; end: IsoDate; phase: string; label: string }[];
  milestones: { row: string; date: IsoDate; label: string; status: Status; statusLabel: string }[];
  phases: string[];
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  asOfLabel: string;
  lang: Lang;
}

export interface LegendItem {
  label: string;
  /** CSS class of the swatch colour: cat-0…cat-7 or status-*. */
  swatch: string;
  shape: 'bar' | 'diamond' | 'rule' | 'line';
}

export interface FigureView {
  /** Unique within the page; also the chart's id prefix. */
  id: string;
  caption: string;
  /** An HTML legend under the chart (wraps on phones, reads in either language); empty when the chart has its own. */
  legend: LegendItem[];
  chart: KrChartData | RoadmapChartData | null;
  /** Filled by the render stage from renderChartSvg; null when there is no chart. */
  svg: string | null;
  table: Table;
}

export interface BarView {
  /** 0–100, for SVG attributes. */
  fill: string;
  expected: string;
  showExpected: boolean;
}

export interface KrCardView {
  id: string;
  anchor: string;
  href: string;
  title: string;
  owner: string;
  objective: string;
  type: string;
  status: StatusView;
  headline: string;
  headlineNote: string;
  /** "KR3 left out: error at Key Results!K4" when the key result is left out of progress; else ''. */
  leftOut: string;
  bar: BarView;
  facts: Fact[];
  kpis: { id: string; name: string; status: StatusView }[];
  figure: FigureView;
}

export interface PyramidKr {
  id: string;
  title: string;
  owner: string;
  status: StatusView;
  href: string;
}

export interface PyramidObjective {
  id: string;
  title: string;
  owner: string;
  parent: string;
  status: StatusView;
  attainment: string;
  keyResults: PyramidKr[];
  tally: string;
  /** One line per key result left out of this objective's progress, naming the cell to fix. */
  leftOut: string[];
  /** The objective's notes; a link only when they are an http(s) URL. */
  note: string;
  noteHref: string;
}

export interface PyramidKpi {
  id: string;
  name: string;
  owner: string;
  target: string;
  latest: string;
  /** How it was judged: "met in 4 of 8 months; latest 0.7 hours ≤ 1 hour", or why it could not be. */
  judged: string;
  status: StatusView;
}

export interface PyramidLevel {
  key: 'vision' | 'strategy' | 'tactics' | 'key-tasks' | 'assessment';
  step: number;
  name: string;
  sub: string;
  count: string;
  text: string;
  empty: boolean;
  answers: { question: string; label: string; text: string; answered: boolean }[];
  objectives: PyramidObjective[];
  kpis: PyramidKpi[];
  more: string;
}

export interface Commitment {
  id: string;
  title: string;
  status: StatusView | null;
  href: string;
}

export interface DepartmentGroup {
  status: StatusView;
  count: string;
  departments: { name: string; href: string; attainment: string }[];
}

export interface DepartmentRow {
  name: string;
  lead: string;
  href: string;
  status: StatusView;
  attainment: string;
  objectives: Commitment[];
  keyResults: Commitment[];
  kpis: Commitment[];
  moreObjectives: string;
  moreKeyResults: string;
  moreKpis: string;
  roadmapItems: string;
}

export interface IssueView {
  code: string;
  message: string;
  fix: string;
  where: string;
}

export interface IssueGroup {
  severity: Severity;
  label: string;
  count: string;
  items: IssueView[];
  truncated: string;
}

export interface IssuesView {
  empty: boolean;
  summary: string;
  groups: IssueGroup[];
  allHref: string;
}

export interface ChangeRow {
  when: string;
  where: string;
  id: string;
  field: string;
  oldValue: string;
  newValue: string;
  reason: string;
  reasonMissing: boolean;
}

export interface Tile {
  label: string;
  value: string;
  note: string;
}

export interface NavLink {
  href: string;
  text: string;
}

/** What every page shares: language, words, the header. */
export interface PageCommon {
  lang: Lang;
  labels: Labels;
  product: string;
  title: string;
  period: string;
  asOf: string;
  source: string;
  companyHref: string;
  /** Said on every page when the plan has errors: its figures may be incomplete. '' otherwise. */
  errorsNote: string;
  /** Where the errors are listed: the company page's plan check. */
  errorsHref: string;
  /** Every key result and KPI left out of progress, with the cell to fix ("KR3 left out: error at …"). */
  leftOut: string[];
}

export interface CompanyPage extends PageCommon {
  kind: 'company';
  file: string;
  pageTitle: string;
  nav: NavLink[];
  verdict: {
    status: StatusView;
    objectives: string;
    problems: string;
    chips: { status: StatusView; count: string }[];
  };
  tiles: Tile[];
  large: boolean;
  largeNote: string;
  pyramid: PyramidLevel[];
  pyramidIntro: string;
  roadmap: { present: boolean; figure: FigureView; note: string };
  keyResults: { present: boolean; cards: KrCardView[]; note: string };
  /** Small plans: department × commitments. */
  departments: DepartmentRow[];
  /** Large plans: departments grouped by status, worst first, each a link to its page. */
  departmentGroups: DepartmentGroup[];
  issues: IssuesView;
  changes: { present: boolean; rows: ChangeRow[] };
}

export interface DepartmentPage extends PageCommon {
  kind: 'department';
  file: string;
  pageTitle: string;
  name: string;
  lead: string;
  status: StatusView;
  summary: string;
  chartsNote: string;
  cards: KrCardView[];
  kpis: PyramidKpi[];
  roadmap: Table;
  hasRoadmap: boolean;
}

export interface IssuesPage extends PageCommon {
  kind: 'issues';
  file: string;
  pageTitle: string;
  issues: IssuesView;
}

export interface ReportView {
  lang: Lang;
  company: CompanyPage;
  departments: DepartmentPage[];
  issuesPage: IssuesPage | null;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

export function statusView(status: Status, lang: Lang): StatusView {
  return { key: status, label: STATUS_LABELS[status][lang], icon: STATUS_ICONS[status] };
}

/** An HTML id from user text: letters, digits, - and _ only, unique within `used`. */
export function safeId(prefix: string, text: string, used: Set<string>): string {
  const base = `${prefix}-${
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  }`.toLowerCase();
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

/** A link target only when it is an http(s) URL; anything else (javascript:, data:, relative) is not a link. */
export function safeHref(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const lower = (s: string) => s.toLowerCase();
const STATUS_SEVERITY: Status[] = STATUS_ORDER;
const worst = (statuses: Status[]): Status =>
  statuses.length === 0 ? 'no-data' : (STATUS_SEVERITY.find((s) => statuses.includes(s)) ?? 'no-data');
const monthStart = (m: Month) => `${m}-01`;
const clamp100 = (x: number | null) =>
  x === null || !Number.isFinite(x) ? 0 : Math.max(0, Math.min(100, x * 100));

class Context {
  readonly f: Formatter;
  readonly l: Labels;
  readonly p: Phrases;
  readonly large: boolean;
  readonly charts: boolean;
  readonly issuesPerSeverity: number;
  readonly krProgress = new Map<string, MetricProgress>();
  readonly kpiProgress = new Map<string, MetricProgress>();
  readonly objectives = new Map<string, Objective>();
  /** Department (lower-case name) → page file, for large plans. */
  readonly deptFiles = new Map<string, string>();
  /** Key result (lower-case id) → HTML id of its card. */
  readonly krAnchors = new Map<string, string>();
  readonly ids = new Set<string>();
  readonly krById = new Map<string, KeyResult>();
  /** Issue counts and lists per severity: computed once, read by the verdict, the tiles and the plan check. */
  readonly counts: Record<Severity, number>;
  readonly bySeverity: Map<Severity, PlanIssue[]>;
  readonly krsByObjective: Map<string, KeyResult[]>;
  readonly kpisByKr: Map<string, Kpi[]>;
  /** Per owner (lower-case; '' for none): what the department owns. */
  readonly owned: {
    objectives: Map<string, Objective[]>;
    keyResults: Map<string, KeyResult[]>;
    kpis: Map<string, Kpi[]>;
    roadmap: Map<string, RoadmapItem[]>;
  };
  /** Key results and KPIs left out of progress (lower-case id), with the issue that explains it. */
  readonly leftOut = new Map<string, LeftOutMetric>();

  constructor(
    readonly plan: Plan,
    readonly issues: PlanIssue[],
    readonly progress: PlanProgress,
    readonly options: ViewOptions,
  ) {
    this.f = new Formatter(options.lang);
    this.l = LABELS[options.lang];
    this.p = PHRASES[options.lang];
    this.large = plan.keyResults.length > (options.largePlanKeyResults ?? LARGE_PLAN_KEY_RESULTS);
    this.charts = plan.keyResults.length <= (options.chartLimit ?? CHART_LIMIT);
    this.issuesPerSeverity = options.issuesPerSeverity ?? ISSUES_PER_SEVERITY;
    this.counts = countBySeverity(issues);
    this.bySeverity = groupBy(issues, (i) => i.severity) as Map<Severity, PlanIssue[]>;
    for (const p of progress.keyResults) this.krProgress.set(lower(p.id), p);
    for (const p of progress.kpis) this.kpiProgress.set(lower(p.id), p);
    for (const o of plan.objectives) this.objectives.set(lower(o.id), o);
    for (const kr of plan.keyResults) {
      this.krAnchors.set(lower(kr.id), safeId('kr', kr.id, this.ids));
      if (!this.krById.has(lower(kr.id))) this.krById.set(lower(kr.id), kr);
    }
    this.krsByObjective = groupBy(plan.keyResults, (k) => lower(k.objectiveId));
    this.kpisByKr = groupBy(plan.kpis, (k) => lower(k.keyResultId));
    const byOwner = <T extends { owner: string }>(items: T[]) => groupBy(items, (x) => lower(x.owner));
    this.owned = {
      objectives: byOwner(plan.objectives),
      keyResults: byOwner(plan.keyResults),
      kpis: byOwner(plan.kpis),
      roadmap: byOwner(plan.roadmap),
    };
    for (const m of leftOutMetrics(plan, progress, issues)) this.leftOut.set(lower(m.id), m);
  }

  /** "KR3 left out: error at Key Results!K4", or '' when the metric is in progress. */
  leftOutLine(id: string): string {
    const m = this.leftOut.get(lower(id));
    if (!m) return '';
    const issue = m.issue;
    if (!issue) return this.p.leftOut(m.id);
    const where = issue.a1 ? `${issue.sheet}!${issue.a1}` : issue.sheet;
    return issue.severity === 'error' ? this.p.leftOutError(m.id, where) : this.p.leftOutSee(m.id, where);
  }

  /** What a department owns, by kind. */
  ownedBy<K extends keyof Context['owned']>(
    kind: K,
    dept: Dept,
  ): ReturnType<Context['owned'][K]['get']> & object {
    return (this.owned[kind].get(dept.key) ?? []) as ReturnType<Context['owned'][K]['get']> & object;
  }

  get lang(): Lang {
    return this.options.lang;
  }

  status(s: Status): StatusView {
    return statusView(s, this.lang);
  }

  krHref(id: string): string {
    const kr = this.krById.get(lower(id));
    const anchor = this.krAnchors.get(lower(id));
    if (!kr || !anchor) return '';
    if (!this.large) return `#${anchor}`;
    const file = this.deptFiles.get(lower(kr.owner));
    return file ? `${file}#${anchor}` : '';
  }
}

// ---------------------------------------------------------------------------------------------------
// Departments: the ones listed, then any owner that is not listed (so nothing owned goes missing)

interface Dept {
  name: string;
  /** Lower-case owner name as written in Owner columns ('' for rows without an owner). */
  key: string;
  lead: string;
  listed: Department | null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function departmentsOf(plan: Plan, noOwner: string): Dept[] {
  const out: Dept[] = [];
  const seen = new Set<string>();
  for (const d of plan.departments) {
    if (seen.has(lower(d.name))) continue;
    seen.add(lower(d.name));
    out.push({ name: d.name, key: lower(d.name), lead: d.lead, listed: d });
  }
  const owners = [...plan.objectives, ...plan.keyResults, ...plan.kpis, ...plan.roadmap].map((x) => x.owner);
  for (const owner of owners) {
    const key = lower(owner);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: owner || noOwner, key, lead: '', listed: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Key results

function targetText(ctx: Context, kr: KeyResult): string {
  const { f } = ctx;
  if (kr.target === null) return ctx.l.notSet;
  switch (kr.type) {
    case 'milestone':
      return ctx.p.milestoneDue(f.date(kr.due));
    case 'level':
      return `${f.value(kr.baseline, kr.unit)} → ${f.value(kr.target, kr.unit)}`;
    case 'threshold':
      return `${kr.direction === 'decrease' ? '≤' : '≥'} ${f.value(kr.target, kr.unit)}`;
    default:
      return f.value(kr.target, kr.unit);
  }
}

function krChart(ctx: Context, kr: KeyResult, p: MetricProgress): KrChartData | null {
  if (kr.type === 'milestone' || !p.start || !p.due || p.target === null) return null;
  const window = p.months.filter((m) => m.month >= p.start! && m.month <= p.due!);
  const through = p.throughMonth;
  const kind = kr.type;
  // Where the plan expected the metric and where it stood, month by month, as progress computed them.
  const points = window.map((m) => ({
    month: monthStart(m.month),
    target: m.planned,
    actual: m.standing,
  }));
  const forecast =
    kind !== 'threshold' &&
    through &&
    p.current !== null &&
    p.forecast !== null &&
    monthIndex(through) < monthIndex(p.due)
      ? [
          { month: monthStart(through), value: p.current },
          { month: monthStart(p.due), value: p.forecast },
        ]
      : [];
  if (!points.some((x) => x.target !== null)) return null;
  return {
    type: 'kr',
    kind,
    percent: kr.unit.trim() === '%',
    dollars: kr.unit.trim() === 'USD',
    points,
    forecast,
    asOf: ctx.options.asOf,
    labels: {
      target: ctx.p.targetPath(kind),
      actual: ctx.l.actual,
      forecast: ctx.p.forecastLabel(),
      value: kr.unit || ctx.l.target,
    },
    lang: ctx.lang,
  };
}

function krTable(
  ctx: Context,
  kr: KeyResult,
  chart: KrChartData | null,
  p: MetricProgress | undefined,
): Table {
  const { f, l } = ctx;
  const head = [
    l.month,
    ctx.p.targetPath(kr.type === 'milestone' ? 'threshold' : (kr.type as 'cumulative')),
    l.actual,
    ctx.p.forecastLabel(),
  ];
  if (chart) {
    const forecastAt = new Map(chart.forecast.slice(1).map((x) => [x.month, x.value]));
    return {
      head,
      rows: chart.points.map((x) => [
        f.month(x.month.slice(0, 7)),
        f.value(x.target, kr.unit),
        f.value(x.actual, kr.unit),
        forecastAt.has(x.month) ? f.value(forecastAt.get(x.month)!, kr.unit) : f.none,
      ]),
    };
  }
  // No chart (milestones, missing dates): the months of the window as they are.
  const months = (p?.months ?? []).filter(
    (m) => (!p?.start || m.month >= p.start) && (!p?.due || m.month <= p.due),
  );
  return {
    head,
    rows: months.map((m) => [
      f.month(m.month),
      f.value(m.target, kr.unit),
      f.value(m.actual, kr.unit),
      f.none,
    ]),
  };
}

function krCard(ctx: Context, kr: KeyResult): KrCardView {
  const { f, l, p: ph } = ctx;
  const p = ctx.krProgress.get(lower(kr.id));
  const status = p?.status ?? 'no-data';
  const objective = ctx.objectives.get(lower(kr.objectiveId));
  const anchor = ctx.krAnchors.get(lower(kr.id))!;
  const unit = kr.unit;
  const milestone = kr.type === 'milestone';
  const through = p?.throughMonth ? ph.through(f.month(p.throughMonth)) : '';

  let headline: string;
  let headlineNote: string;
  const leftOut = ctx.leftOutLine(kr.id);
  if (leftOut) {
    headline = ph.leftOutHeadline();
    headlineNote = '';
  } else if (milestone) {
    const doneAt = p?.doneOn ?? null;
    headline = doneAt ? ph.milestoneDone(f.date(doneAt)) : ph.milestoneDue(f.date(kr.due));
    headlineNote = '';
  } else {
    headline = f.percent(p?.attainment ?? null);
    headlineNote = `${l.attainment}${through ? ` · ${through}` : ''}`;
  }

  const facts: Fact[] = [
    {
      label: l.target,
      value: targetText(ctx, kr),
      note: kr.due && !milestone ? `${l.due} ${f.date(kr.due)}` : '',
    },
  ];
  if (!milestone) {
    // The two figures of progress, under the labels plan.json and the docs use: where the metric stands, and
    // (cumulative) the amount checked in that brought it there from the baseline.
    facts.push({ label: l.currentValue, value: f.value(p?.current ?? null, unit), note: through });
    if (kr.type === 'cumulative') {
      facts.push({
        label: l.checkedIn,
        value: f.value(p?.actualToDate ?? null, unit),
        note: kr.baseline !== 0 ? `${l.baseline} ${f.value(kr.baseline, unit)}` : '',
      });
    }
    facts.push({
      label: l.expectedToDate,
      value: f.percent(p?.expectedAttainment ?? null),
      note:
        p?.expected !== null && p?.expected !== undefined && kr.type !== 'threshold'
          ? f.value(p.expected, unit)
          : '',
    });
    facts.push({
      label: l.forecast,
      value: f.value(p?.forecast ?? null, unit),
      note:
        p?.forecastAttainment !== null && p?.forecastAttainment !== undefined
          ? `${l.attainment} ${f.percent(p.forecastAttainment)}`
          : '',
    });
  }
  facts.push({ label: l.score, value: f.score(p?.score ?? null), note: p?.scoreFinal ? l.finalScore : '' });
  if (kr.confidence !== null) facts.push({ label: l.confidence, value: f.percent(kr.confidence), note: '' });

  const chartForTable = p ? krChart(ctx, kr, p) : null;
  const chart = ctx.charts ? chartForTable : null;
  const dueText = f.month(p?.due ?? null);
  const kind = kr.type === 'milestone' ? 'threshold' : kr.type;
  const figure: FigureView = {
    id: `chart-${anchor}`,
    caption: milestone ? ph.milestoneCaption(kr.id) : ph.chartCaption(kr.id, kind, dueText),
    legend: [],
    chart,
    svg: null,
    table: krTable(ctx, kr, chartForTable, p),
  };
  const kpis = (ctx.kpisByKr.get(lower(kr.id)) ?? []).map((k) => ({
    id: k.id,
    name: k.name,
    status: ctx.status(ctx.kpiProgress.get(lower(k.id))?.status ?? 'no-data'),
  }));
  return {
    id: kr.id,
    anchor,
    href: ctx.krHref(kr.id),
    title: kr.title,
    owner: kr.owner,
    objective: objective ? `${objective.id} · ${objective.title}` : kr.objectiveId,
    type: enumLabel('type', kr.type, ctx.lang),
    status: ctx.status(status),
    headline,
    headlineNote,
    leftOut,
    bar: {
      fill: clamp100(milestone ? (status === 'done' ? 1 : 0) : (p?.attainment ?? null)).toFixed(1),
      expected: clamp100(p?.expectedAttainment ?? null).toFixed(1),
      showExpected: !milestone && p?.expectedAttainment !== null && p?.expectedAttainment !== undefined,
    },
    facts,
    kpis,
    figure,
  };
}

// ---------------------------------------------------------------------------------------------------
// KPIs

function kpiView(ctx: Context, kpi: Kpi): PyramidKpi {
  const p = ctx.kpiProgress.get(lower(kpi.id));
  const bar =
    kpi.target === null
      ? ctx.l.notSet
      : `${kpi.direction === 'decrease' ? '≤' : '≥'} ${ctx.f.value(kpi.target, kpi.unit)}`;
  const latest = ctx.f.value(p?.current ?? null, kpi.unit);
  const leftOut = ctx.leftOutLine(kpi.id);
  const judged = leftOut
    ? leftOut
    : p && p.monthsJudged
      ? ctx.p.kpiJudged(
          ctx.f.count(p.monthsMet ?? 0),
          p.monthsJudged,
          ctx.f.count(p.monthsJudged),
          p.current === null ? '' : `${latest} ${bar}`,
        )
      : '';
  return {
    id: kpi.id,
    name: kpi.name,
    owner: kpi.owner,
    target: bar,
    latest,
    judged,
    status: ctx.status(p?.status ?? 'no-data'),
  };
}

// ---------------------------------------------------------------------------------------------------
// Pyramid

function tallyText(ctx: Context, statuses: Status[]): string {
  const counts = new Map<Status, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return STATUS_SEVERITY.filter((s) => counts.has(s))
    .map((s) => ctx.p.statusCount(ctx.f.count(counts.get(s)!), STATUS_LABELS[s][ctx.lang]))
    .join(ctx.lang === 'zh-CN' ? '，' : ', ');
}

function pyramid(ctx: Context): PyramidLevel[] {
  const { plan, f, l, p: ph, lang } = ctx;
  const values = plan.strategy.values;
  const base = { text: '', empty: false, answers: [], objectives: [], kpis: [], more: '', sub: '' };
  const questions = (['targetUsers', 'problem', 'category', 'businessGoal'] as const).map((key) => {
    const field = STRATEGY_FIELDS.find((x) => x.key === key)!;
    return {
      question: STRATEGY_QUESTIONS[key][lang],
      label: field.label[lang],
      text: values[key] || l.notAnswered,
      answered: !!values[key],
    };
  });
  const answered = questions.filter((q) => q.answered).length;

  const objectiveLimit = ctx.large ? PYRAMID_ITEMS : Infinity;
  const objectives: PyramidObjective[] = plan.objectives.slice(0, objectiveLimit).map((o) => {
    const krs = ctx.krsByObjective.get(lower(o.id)) ?? [];
    const roll: RollUp | undefined = ctx.progress.objectives[o.id];
    const shown = ctx.large ? [] : krs;
    return {
      id: o.id,
      title: o.title,
      owner: o.owner,
      parent: o.parent,
      status: ctx.status(roll?.status ?? 'no-data'),
      attainment:
        roll?.attainment !== null && roll?.attainment !== undefined ? f.percent(roll.attainment) : '',
      keyResults: shown.map((kr) => ({
        id: kr.id,
        title: kr.title,
        owner: kr.owner,
        status: ctx.status(ctx.krProgress.get(lower(kr.id))?.status ?? 'no-data'),
        href: ctx.krHref(kr.id),
      })),
      tally: `${ph.keyResultsCount(krs.length, f.count(krs.length))}${
        krs.length
          ? `: ${tallyText(
              ctx,
              krs.map((k) => ctx.krProgress.get(lower(k.id))?.status ?? 'no-data'),
            )}`
          : ''
      }`,
      leftOut: krs.map((k) => ctx.leftOutLine(k.id)).filter(Boolean),
      note: o.notes,
      noteHref: safeHref(o.notes) ?? '',
    };
  });
  const kpiLimit = ctx.large ? PYRAMID_ITEMS : Infinity;
  const kpis = plan.kpis.slice(0, kpiLimit).map((k) => kpiView(ctx, k));
  const krCount = plan.keyResults.length;

  return [
    {
      ...base,
      key: 'vision',
      step: 1,
      name: l.levelVision,
      count: '',
      text: values.vision || l.notSet,
      empty: !values.vision,
    },
    {
      ...base,
      key: 'strategy',
      step: 2,
      name: l.levelStrategy,
      count: '',
      text: values.strategy || l.notSet,
      empty: !values.strategy,
    },
    {
      ...base,
      key: 'tactics',
      step: 3,
      name: l.levelTactics,
      count: ph.answered(f.count(answered), f.count(4)),
      answers: questions,
    },
    {
      ...base,
      key: 'key-tasks',
      step: 4,
      name: l.levelKeyTasks,
      sub: l.levelKeyTasksSub,
      count: `${ph.objectivesCount(plan.objectives.length, f.count(plan.objectives.length))} · ${ph.keyResultsCount(krCount, f.count(krCount))}`,
      objectives,
      empty: plan.objectives.length === 0,
      text: plan.objectives.length === 0 ? l.notSet : '',
      more:
        plan.objectives.length > objectives.length
          ? ph.more(
              plan.objectives.length - objectives.length,
              f.count(plan.objectives.length - objectives.length),
            )
          : '',
    },
    {
      ...base,
      key: 'assessment',
      step: 5,
      name: l.levelAssessment,
      sub: l.levelAssessmentSub,
      count: `${ph.kpisCount(plan.kpis.length, f.count(plan.kpis.length))}${
        plan.kpis.length
          ? ` · ${tallyText(
              ctx,
              plan.kpis.map((k) => ctx.kpiProgress.get(lower(k.id))?.status ?? 'no-data'),
            )}`
          : ''
      }`,
      kpis,
      empty: plan.kpis.length === 0,
      text: plan.kpis.length === 0 ? l.notSet : '',
      more:
        plan.kpis.length > kpis.length
          ? ph.more(plan.kpis.length - kpis.length, f.count(plan.kpis.length - kpis.length))
          : '',
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Roadmap

function roadmapTable(ctx: Context, items: RoadmapItem[]): Table {
  const { f, l, lang } = ctx;
  return {
    head: [l.id, l.item, l.phase, l.owner, l.start, l.end, l.keyResults, l.status],
    rows: items.map((r) => [
      r.id,
      r.item,
      r.phase || l.noPhase,
      r.owner,
      f.date(r.start),
      f.date(r.end),
      r.keyResultIds.join(', '),
      r.status ? enumLabel('roadmapStatus', r.status, lang) : f.none,
    ]),
  };
}

/** Greedy interval packing: the first track in the lane where the item does not overlap the previous one. */
function packTracks(items: RoadmapItem[]): Map<RoadmapItem, number> {
  const ends: string[] = [];
  const out = new Map<RoadmapItem, number>();
  for (const item of [...items].sort(
    (a, b) => a.start!.localeCompare(b.start!) || a.end!.localeCompare(b.end!),
  )) {
    let track = ends.findIndex((end) => end < item.start!);
    if (track < 0) track = ends.length;
    ends[track] = item.end!;
    out.set(item, track);
  }
  return out;
}

function roadmap(ctx: Context, depts: Dept[]): CompanyPage['roadmap'] {
  const { plan, f, l, p: ph } = ctx;
  const dated = plan.roadmap.filter((r) => r.start && r.end && r.start <= r.end);
  const krsDated = plan.keyResults.filter((k) => k.due);
  let first = plan.period?.start ?? null;
  let last = plan.period?.end ?? null;
  if (!first || !last) {
    for (const d of [...dated.flatMap((r) => [r.start!, r.end!]), ...krsDated.map((k) => k.due!)]) {
      if (!first || d < first) first = d;
      if (!last || d > last) last = d;
    }
  }
  const figure: FigureView = {
    id: 'chart-roadmap',
    caption: '',
    legend: [],
    chart: null,
    svg: null,
    table: roadmapTable(ctx, ctx.large ? [] : plan.roadmap),
  };
  if (!first || !last || (dated.length === 0 && krsDated.length === 0)) {
    return { present: plan.roadmap.length > 0, figure, note: l.roadmapEmpty };
  }
  const datedByOwner = groupBy(dated, (r) => lower(r.owner));
  const krsByOwner = groupBy(krsDated, (k) => lower(k.owner));
  const laneDepts = depts.filter((d) => datedByOwner.has(d.key) || krsByOwner.has(d.key));
  // Detail: every item. Departments: one bar per department and phase. Phases: too many departments for
  // lanes, so one lane per phase for the whole company.
  const mode: RoadmapChartData['mode'] =
    laneDepts.length > ROADMAP_LANE_LIMIT
      ? 'phases'
      : dated.length > ROADMAP_ITEM_LIMIT
        ? 'departments'
        : 'detail';
  const rows: RoadmapChartData['rows'] = [];
  const bars: RoadmapChartData['bars'] = [];
  const milestones: RoadmapChartData['milestones'] = [];
  const laneKey = (lane: number, track: number) => `${String(lane).padStart(4, '0')}:${track}`;
  const phaseOf = (r: RoadmapItem) => r.phase || l.noPhase;
  const phases: string[] = [...new Set(dated.map(phaseOf))];
  const statusOf = (k: KeyResult) => ctx.krProgress.get(lower(k.id))?.status ?? 'no-data';

  /** One bar per phase over a group of items, each phase on its own track. */
  const phaseBars = (items: RoadmapItem[], lane: number, labelled: (phase: string, n: number) => string) => {
    const byPhase = groupBy(items, phaseOf);
    let track = 0;
    for (const [phase, group] of byPhase) {
      let start = group[0].start!;
      let end = group[0].end!;
      for (const g of group) {
        if (g.start! < start) start = g.start!;
        if (g.end! > end) end = g.end!;
      }
      bars.push({ row: laneKey(lane, track++), start, end, phase, label: labelled(phase, group.length) });
    }
    return Math.max(1, track);
  };
  /** Key results due, one marker per month: the count, coloured by the worst status among them. */
  const monthlyMilestones = (krs: KeyResult[], row: string) => {
    for (const [month, group] of groupBy(krs, (k) => monthOf(k.due!))) {
      const status = worst(group.map(statusOf));
      milestones.push({
        row,
        date: `${month}-15`,
        label: f.count(group.length),
        status,
        statusLabel: STATUS_LABELS[status][ctx.lang],
      });
    }
  };

  if (mode === 'phases') {
    phases.forEach((phase, i) => {
      phaseBars(
        dated.filter((r) => phaseOf(r) === phase),
        i,
        (_, n) => ph.itemsCount(n, f.count(n)),
      );
      rows.push({ key: laneKey(i, 0), label: phase });
    });
    const lane = phases.length;
    rows.push({ key: laneKey(lane, 0), label: ph.milestoneMarker() });
    monthlyMilestones(krsDated, laneKey(lane, 0));
  } else {
    laneDepts.forEach((dept, d) => {
      const items = datedByOwner.get(dept.key) ?? [];
      const krs = krsByOwner.get(dept.key) ?? [];
      let tracks = 1;
      if (mode === 'departments') {
        tracks = phaseBars(items, d, (phase, n) => `${phase} · ${f.count(n)}`);
      } else {
        const packed = packTracks(items);
        for (const [item, track] of packed) {
          bars.push({
            row: laneKey(d, track),
            start: item.start!,
            end: item.end!,
            phase: phaseOf(item),
            label: item.item,
          });
        }
        tracks = Math.max(1, ...[...packed.values()].map((t) => t + 1));
      }
      for (let t = 0; t < tracks; t++) rows.push({ key: laneKey(d, t), label: t === 0 ? dept.name : '' });
      if (mode === 'departments') monthlyMilestones(krs, laneKey(d, 0));
      else {
        for (const kr of krs) {
          const status = statusOf(kr);
          milestones.push({
            row: laneKey(d, 0),
            date: kr.due!,
            label: kr.id,
            status,
            statusLabel: STATUS_LABELS[status][ctx.lang],
          });
        }
      }
    });
  }
  figure.chart = {
    type: 'roadmap',
    mode,
    rows,
    bars,
    milestones,
    phases,
    start: first,
    end: last,
    asOf: ctx.options.asOf,
    asOfLabel: ph.asOfRule(f.date(ctx.options.asOf)),
    lang: ctx.lang,
  };
  const present = STATUS_SEVERITY.filter((s) => milestones.some((m) => m.status === s));
  figure.legend = [
    ...phases.map((phase, i) => ({ label: phase, swatch: `cat-${i % 8}`, shape: 'bar' as const })),
    ...present.map((s) => ({
      label: `${ph.milestoneMarker()}: ${STATUS_LABELS[s][ctx.lang]}`,
      swatch: `status-${s}`,
      shape: 'diamond' as const,
    })),
    { label: ph.asOfRule(f.date(ctx.options.asOf)), swatch: 'status-off-track', shape: 'rule' as const },
  ];
  figure.caption =
    mode === 'phases'
      ? ph.roadmapPhasesCaption(laneDepts.length, dated.length, krsDated.length)
      : mode === 'departments'
        ? ph.roadmapSummaryCaption(laneDepts.length, dated.length)
        : ph.roadmapCaption(laneDepts.length, dated.length, milestones.length);
  return { present: true, figure, note: '' };
}

// ---------------------------------------------------------------------------------------------------
// Departments

function departmentRows(ctx: Context, depts: Dept[]): DepartmentRow[] {
  const { f, p: ph } = ctx;
  const more = (n: number) =>
    n > COMMITMENTS_SHOWN ? ph.more(n - COMMITMENTS_SHOWN, f.count(n - COMMITMENTS_SHOWN)) : '';
  return depts.map((dept) => {
    const objectives = ctx.ownedBy('objectives', dept);
    const krs = ctx.ownedBy('keyResults', dept);
    const kpis = ctx.ownedBy('kpis', dept);
    const items = ctx.ownedBy('roadmap', dept);
    const roll = ctx.progress.departments[dept.name];
    return {
      name: dept.name,
      lead: dept.lead,
      href: ctx.deptFiles.get(lower(dept.name)) ?? '',
      status: ctx.status(roll?.status ?? 'no-data'),
      attainment:
        roll?.attainment !== null && roll?.attainment !== undefined ? f.percent(roll.attainment) : '',
      objectives: objectives.slice(0, COMMITMENTS_SHOWN).map((o) => ({
        id: o.id,
        title: o.title,
        status: ctx.status(ctx.progress.objectives[o.id]?.status ?? 'no-data'),
        href: '',
      })),
      keyResults: krs.slice(0, COMMITMENTS_SHOWN).map((k) => ({
        id: k.id,
        title: k.title,
        status: ctx.status(ctx.krProgress.get(lower(k.id))?.status ?? 'no-data'),
        href: ctx.krHref(k.id),
      })),
      kpis: kpis.slice(0, COMMITMENTS_SHOWN).map((k) => ({
        id: k.id,
        title: k.name,
        status: ctx.status(ctx.kpiProgress.get(lower(k.id))?.status ?? 'no-data'),
        href: '',
      })),
      moreObjectives: more(objectives.length),
      moreKeyResults: more(krs.length),
      moreKpis: more(kpis.length),
      roadmapItems: items.length ? ph.itemsCount(items.length, f.count(items.length)) : '',
    };
  });
}

/** A large plan's departments by status, worst first: who needs attention, then everyone else. */
function departmentGroups(ctx: Context, depts: Dept[]): DepartmentGroup[] {
  const byStatus = groupBy(depts, (d) => ctx.progress.departments[d.name]?.status ?? 'no-data');
  return STATUS_SEVERITY.filter((s) => byStatus.has(s)).map((s) => {
    const group = byStatus.get(s)!;
    return {
      status: ctx.status(s),
      count: ctx.f.count(group.length),
      departments: group.map((d) => {
        const attainment = ctx.progress.departments[d.name]?.attainment;
        return {
          name: d.name,
          href: ctx.deptFiles.get(d.key) ?? '',
          attainment: attainment === null || attainment === undefined ? '' : ctx.f.percent(attainment),
        };
      }),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Issues and changes

const SEVERITIES: Severity[] = ['error', 'warning', 'tip'];

function issuesView(ctx: Context, limit: number, allHref: string): IssuesView {
  const { l, p: ph, f, lang } = ctx;
  const label: Record<Severity, string> = {
    error: l.severityError,
    warning: l.severityWarning,
    tip: l.severityTip,
  };
  const groups = SEVERITIES.map((severity) => {
    const all = ctx.bySeverity.get(severity) ?? [];
    const shown = all.slice(0, limit);
    return {
      severity,
      label: label[severity],
      count: f.count(all.length),
      items: shown.map((i) => ({
        code: i.code,
        message: i.message[lang],
        fix: i.fix[lang],
        where: i.a1 ? ph.cellAt(i.sheet, i.a1) : ph.wholeTab(i.sheet),
      })),
      truncated:
        all.length > shown.length ? ph.issuesTruncated(f.count(shown.length), f.count(all.length)) : '',
    };
  }).filter((g) => g.items.length > 0);
  const counts = ctx.counts;
  const summary =
    counts.error + counts.warning === 0
      ? ph.noProblems()
      : ph.problems(counts.error, counts.warning, f.count(counts.error), f.count(counts.warning));
  return {
    empty: ctx.issues.length === 0,
    summary,
    groups,
    allHref: groups.some((g) => g.truncated) ? allHref : '',
  };
}

function changes(ctx: Context): ChangeRow[] {
  const { l, f } = ctx;
  return [...ctx.plan.changes]
    .sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.row - a.row)
    .map((c) => ({
      when: /^\d{4}-\d{2}-\d{2}$/.test(c.timestamp) ? f.date(c.timestamp) : c.timestamp,
      where: c.sheet && c.cell ? ctx.p.cellAt(c.sheet, c.cell) : c.sheet || c.cell || f.none,
      id: c.id || f.none,
      field: c.field || f.none,
      oldValue: c.oldValue || f.none,
      newValue: c.newValue || f.none,
      reason: c.reason || l.noReason,
      reasonMissing: !c.reason,
    }));
}

// ---------------------------------------------------------------------------------------------------
// Pages

function common(ctx: Context): PageCommon {
  const { plan, f, l, p: ph } = ctx;
  const product = plan.strategy.values.product || l.reportKind;
  return {
    lang: ctx.lang,
    labels: l,
    product,
    title: ph.title(product),
    period: plan.period
      ? `${f.month(monthOf(plan.period.start))} – ${f.month(monthOf(plan.period.end))}`
      : l.notSet,
    asOf: f.date(ctx.options.asOf),
    // The file's name only: a local path says nothing to the reader and may say too much about the author.
    source: ctx.options.source === null ? ph.exampleSource() : fileName(ctx.options.source),
    companyHref: COMPANY_PAGE,
    errorsNote: ctx.counts.error ? ph.planHasErrors(ctx.counts.error, f.count(ctx.counts.error)) : '',
    errorsHref: `${COMPANY_PAGE}#plan-check`,
    leftOut: [
      ...plan.keyResults.map((k) => ctx.leftOutLine(k.id)),
      ...plan.kpis.map((k) => ctx.leftOutLine(k.id)),
    ].filter(Boolean),
  };
}

function verdict(ctx: Context): CompanyPage['verdict'] {
  const { plan, f, p: ph, lang } = ctx;
  const statuses = plan.objectives.map((o) => ctx.progress.objectives[o.id]?.status ?? 'no-data');
  const counts = new Map<Status, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  // Read as a sentence, good news first: "2 objectives: 1 on track, 1 needs attention."
  const order: Status[] = [
    'on-track',
    'at-risk',
    'off-track',
    'missed',
    'needs-attention',
    'done',
    'not-started',
    'no-data',
  ];
  const present = order.filter((s) => counts.has(s));
  const objectivesText = plan.objectives.length
    ? ph.verdictObjectives(
        present.map((s) => ph.statusCount(f.count(counts.get(s)!), STATUS_LABELS[s][lang])),
        plan.objectives.length,
        f.count(plan.objectives.length),
      )
    : ph.noObjectives();
  const { error: errors, warning: warnings } = ctx.counts;
  return {
    status: ctx.status(worst(statuses)),
    objectives: objectivesText,
    problems:
      errors + warnings === 0
        ? ph.noProblems()
        : ph.problems(errors, warnings, f.count(errors), f.count(warnings)),
    chips: present.map((s) => ({ status: ctx.status(s), count: f.count(counts.get(s)!) })),
  };
}

function tiles(ctx: Context): Tile[] {
  const { plan, f, l, p: ph } = ctx;
  const krStatuses = ctx.progress.keyResults.map((p) => p.status);
  const kpiStatuses = ctx.progress.kpis.map((p) => p.status);
  const { error: errors, warning: warnings } = ctx.counts;
  return [
    {
      label: l.objectives,
      value: f.count(plan.objectives.length),
      note: tallyText(
        ctx,
        plan.objectives.map((o) => ctx.progress.objectives[o.id]?.status ?? 'no-data'),
      ),
    },
    { label: l.keyResults, value: f.count(plan.keyResults.length), note: tallyText(ctx, krStatuses) },
    { label: l.kpis, value: f.count(plan.kpis.length), note: tallyText(ctx, kpiStatuses) },
    {
      label: l.planCheck,
      value: f.count(errors + warnings),
      note: ctx.issues.length
        ? ph.problems(errors, warnings, f.count(errors), f.count(warnings))
        : ph.noProblems(),
    },
  ];
}

function departmentFileName(name: string, index: number, used: Set<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  let base = slug ? `dept-${slug}` : `dept-${index + 1}`;
  if (used.has(`${base}.html`)) base = `dept-${index + 1}${slug ? `-${slug}` : ''}`;
  used.add(`${base}.html`);
  return `${base}.html`;
}

export function buildReportView(
  plan: Plan,
  issues: PlanIssue[],
  progress: PlanProgress,
  options: ViewOptions,
): ReportView {
  const ctx = new Context(plan, issues, progress, options);
  const { l, p: ph, f } = ctx;
  const noOwner = l.none;
  const depts = departmentsOf(plan, noOwner);
  if (ctx.large) {
    const used = new Set<string>([COMPANY_PAGE, ISSUES_PAGE]);
    depts.forEach((d, i) => ctx.deptFiles.set(lower(d.name), departmentFileName(d.name, i, used)));
  }
  const base = common(ctx);
  const cards = plan.keyResults.map((kr) => krCard(ctx, kr));
  const cardOf = new Map(plan.keyResults.map((kr, i) => [kr, cards[i]]));
  const issuesOnCompany = issuesView(ctx, ctx.issuesPerSeverity, ISSUES_PAGE);
  const changeRows = changes(ctx);
  const roadmapView = roadmap(ctx, depts);

  const nav: NavLink[] = [
    { href: '#pyramid', text: l.pyramid },
    { href: '#roadmap', text: l.roadmap },
    ...(ctx.large ? [] : [{ href: '#key-results', text: l.keyResults }]),
    { href: '#departments', text: l.departments },
    { href: '#plan-check', text: l.planCheck },
    ...(changeRows.length ? [{ href: '#changes', text: l.changes }] : []),
  ];

  const company: CompanyPage = {
    ...base,
    kind: 'company',
    file: COMPANY_PAGE,
    pageTitle: base.title,
    nav,
    verdict: verdict(ctx),
    tiles: tiles(ctx),
    large: ctx.large,
    largeNote: ctx.large ? ph.largePlan(f.count(plan.keyResults.length), f.count(depts.length)) : '',
    pyramid: pyramid(ctx),
    pyramidIntro: l.pyramidIntro,
    roadmap: roadmapView,
    keyResults: {
      present: !ctx.large,
      cards: ctx.large ? [] : cards,
      note: !ctx.charts && !ctx.large ? ph.chartsOmitted(f.count(options.chartLimit ?? CHART_LIMIT)) : '',
    },
    departments: ctx.large ? [] : departmentRows(ctx, depts),
    departmentGroups: ctx.large ? departmentGroups(ctx, depts) : [],
    issues: issuesOnCompany,
    changes: { present: changeRows.length > 0, rows: changeRows },
  };

  const departments: DepartmentPage[] = ctx.large
    ? depts.map((dept) => {
        const krs = ctx.ownedBy('keyResults', dept);
        const kpis = ctx.ownedBy('kpis', dept);
        const objectives = ctx.ownedBy('objectives', dept);
        const items = ctx.ownedBy('roadmap', dept);
        const roll = progress.departments[dept.name];

        return {
          ...base,
          kind: 'department' as const,
          file: ctx.deptFiles.get(lower(dept.name))!,
          pageTitle: `${ph.departmentTitle(dept.name)} · ${base.title}`,
          name: dept.name,
          lead: dept.lead ? ph.leadBy(dept.lead) : '',
          status: ctx.status(roll?.status ?? 'no-data'),
          summary: ph.departmentSummary(
            ph.objectivesCount(objectives.length, f.count(objectives.length)),
            ph.keyResultsCount(krs.length, f.count(krs.length)),
            ph.kpisCount(kpis.length, f.count(kpis.length)),
            ph.itemsCount(items.length, f.count(items.length)),
          ),
          chartsNote: ctx.charts ? '' : ph.chartsOmitted(f.count(options.chartLimit ?? CHART_LIMIT)),
          cards: krs.map((kr) => cardOf.get(kr)!),
          kpis: kpis.map((k) => kpiView(ctx, k)),
          roadmap: roadmapTable(ctx, items),
          hasRoadmap: items.length > 0,
        };
      })
    : [];

  const issuesPage: IssuesPage | null = issuesOnCompany.allHref
    ? {
        ...base,
        kind: 'issues',
        file: ISSUES_PAGE,
        pageTitle: `${l.allIssues} · ${base.title}`,
        issues: issuesView(ctx, Infinity, ''),
      }
    : null;

  return { lang: options.lang, company, departments, issuesPage };
}
