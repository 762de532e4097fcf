/**
 * What every section of the view reads: the plan, its issues and progress indexed once (by lower-case ID, by
 * owner, by severity), the formatter and words of the language, and the small helpers (statuses, safe ids and
 * links, grouping) the sections share.
 */
import type { Month } from '../../shared/calendar';
import { leftOutMetrics, type LeftOutMetric } from '../../shared/checks';
import { countBySeverity, type PlanIssue, type Severity } from '../../shared/issues';
import type { Department, KeyResult, Kpi, Objective, Plan, RoadmapItem } from '../../shared/plan';
import { ownerKey, ownerNameOf } from '../../shared/plan-index';
import {
  STATUS_LABELS,
  STATUS_ORDER,
  type MetricProgress,
  type PlanProgress,
  type RollUp,
  type Status,
} from '../../shared/progress';
import type { Lang } from '../../shared/template';
import { Formatter } from '../format';
import { LABELS, PHRASES, STATUS_ICONS, type Labels, type Phrases } from '../i18n';
import {
  ISSUES_PER_SEVERITY,
  LARGE_PLAN_KEY_RESULTS,
  CHART_LIMIT,
  type StatusView,
  type ViewOptions,
} from './types';

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
  // An id takes its `-title` too, which the card's heading uses (kr-card.hbs): KR1's heading and a key result
  // named KR1-title would otherwise share an id, and a link to the one would open the other.
  const taken = (id: string) => used.has(id) || used.has(`${id}-title`);
  let id = base;
  for (let i = 2; taken(id); i++) id = `${base}-${i}`;
  used.add(id);
  used.add(`${id}-title`);
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

export const lower = (s: string) => s.toLowerCase();
/** A key result's or KPI's key in Context.leftOut: the two tabs may share an ID (id-on-two-tabs). */
const leftOutKey = (kind: 'kr' | 'kpi', id: string) => `${kind}:${lower(id)}`;
export const STATUS_SEVERITY: Status[] = STATUS_ORDER;
export const worst = (statuses: Status[]): Status =>
  statuses.length === 0 ? 'no-data' : (STATUS_SEVERITY.find((s) => statuses.includes(s)) ?? 'no-data');
/**
 * Items in status order, worst first (STATUS_SEVERITY), keeping the plan's order among equals; with `behind`, the
 * furthest behind first among equals (an item without a figure after those with one), then the plan's order.
 */
export function byStatus<T>(
  items: readonly T[],
  statusOf: (item: T) => Status | undefined,
  behind?: (item: T) => number | null,
): T[] {
  const rank = (item: T) => STATUS_SEVERITY.indexOf(statusOf(item) ?? 'no-data');
  const gap = (item: T) => behind?.(item) ?? -Infinity;
  return items
    .map((item, i) => ({ item, i, r: rank(item), g: behind ? gap(item) : 0 }))
    .sort((a, b) => a.r - b.r || (a.g === b.g ? 0 : a.g > b.g ? -1 : 1) || a.i - b.i)
    .map(({ item }) => item);
}
export const monthStart = (m: Month) => `${m}-01`;
export const clamp100 = (x: number | null) =>
  x === null || !Number.isFinite(x) ? 0 : Math.max(0, Math.min(100, x * 100));

export class Context {
  readonly f: Formatter;
  readonly l: Labels;
  readonly p: Phrases;
  readonly large: boolean;
  readonly charts: boolean;
  readonly issuesPerSeverity: number;
  readonly krProgress = new Map<string, MetricProgress>();
  /** Each department's roll-up by ownerKey of its name: progress names it by PlanIndex.ownerName, which may be spelled otherwise. */
  readonly deptProgress = new Map<string, RollUp>();
  readonly kpiProgress = new Map<string, MetricProgress>();
  readonly objectives = new Map<string, Objective>();
  /** Department (ownerKey of its name) → page file, for large plans. */
  readonly deptFiles = new Map<string, string>();
  /** Key result (lower-case id) → HTML id of its card. */
  readonly krAnchors = new Map<string, string>();
  /** KPI (lower-case id) → HTML id of its entry (in the pyramid; on its department's page in a large plan). */
  readonly kpiAnchors = new Map<string, string>();
  readonly ids = new Set<string>();
  readonly krById = new Map<string, KeyResult>();
  /** Issue counts and lists per severity: computed once, read by the verdict, the tiles and the plan check. */
  readonly counts: Record<Severity, number>;
  readonly bySeverity: Map<Severity, PlanIssue[]>;
  readonly krsByObjective: Map<string, KeyResult[]>;
  readonly kpisByKr: Map<string, Kpi[]>;
  /** Per owner (ownerKey; '' for none): what the department owns. */
  readonly owned: {
    objectives: Map<string, Objective[]>;
    keyResults: Map<string, KeyResult[]>;
    kpis: Map<string, Kpi[]>;
    roadmap: Map<string, RoadmapItem[]>;
  };
  /**
   * Key results and KPIs left out of progress (by leftOutKey: a KPI may have a key result's ID, id-on-two-tabs), with
   * the issue that explains it.
   */
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
    for (const [name, roll] of Object.entries(progress.departments))
      this.deptProgress.set(ownerKey(name), roll);
    for (const p of progress.kpis) this.kpiProgress.set(lower(p.id), p);
    for (const o of plan.objectives) this.objectives.set(lower(o.id), o);
    for (const kr of plan.keyResults) {
      this.krAnchors.set(lower(kr.id), safeId('kr', kr.id, this.ids));
      if (!this.krById.has(lower(kr.id))) this.krById.set(lower(kr.id), kr);
    }
    for (const kpi of plan.kpis)
      if (!this.kpiAnchors.has(lower(kpi.id)))
        this.kpiAnchors.set(lower(kpi.id), safeId('kpi', kpi.id, this.ids));
    this.krsByObjective = groupBy(plan.keyResults, (k) => lower(k.objectiveId));
    this.kpisByKr = groupBy(plan.kpis, (k) => lower(k.keyResultId));
    const byOwner = <T extends { owner: string }>(items: T[]) => groupBy(items, (x) => ownerKey(x.owner));
    this.owned = {
      objectives: byOwner(plan.objectives),
      keyResults: byOwner(plan.keyResults),
      kpis: byOwner(plan.kpis),
      roadmap: byOwner(plan.roadmap),
    };
    for (const m of leftOutMetrics(plan, progress, issues)) this.leftOut.set(leftOutKey(m.kind, m.id), m);
  }

  /** "KR3 left out: error at Key Results!K4", or '' when the metric is in progress. */
  leftOutLine(kind: 'kr' | 'kpi', id: string): string {
    const m = this.leftOut.get(leftOutKey(kind, id));
    if (!m) return '';
    const issue = m.issue;
    if (!issue) return this.p.leftOut(m.id);
    // Where, as the plan check list beside it writes a cell ("Key Results · K4").
    const where = issue.a1 ? this.p.cellAt(issue.sheet, issue.a1) : this.p.wholeTab(issue.sheet);
    return issue.severity === 'error' ? this.p.leftOutError(m.id, where) : this.p.leftOutSee(m.id, where);
  }

  /**
   * What a metric without a target shows for it. "Not set" when its Target cell holds nothing; "Not read" when it
   * holds what could not be read (an error at that cell); "Not used" when it was read but another of the metric's
   * figures was refused (a Baseline of 1 in a 5% → 20% plan: 1% or 100%?), which leaves the metric out and its
   * target unused: "Not set" there would be untrue, the cell is filled in.
   */
  missingTargetText(kind: 'kr' | 'kpi', id: string): string {
    const m = this.leftOut.get(leftOutKey(kind, id));
    const issue = m?.issue;
    if (
      !m ||
      m.reason !== 'no-target' ||
      !issue ||
      issue.severity !== 'error' ||
      issue.code === 'missing-value'
    )
      return this.l.notSet;
    const columns = this.plan.layout[m.kind === 'kr' ? 'keyResults' : 'kpis']?.columns;
    return issue.column === columns?.target ? this.l.notRead : this.l.notUsed;
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
    const file = this.deptFiles.get(ownerKey(kr.owner));
    return file ? `${file}#${anchor}` : '';
  }

  /** A KPI's entry: in the pyramid of a one-page plan, on its department's page in a large one. */
  kpiHref(kpi: Kpi): string {
    const anchor = this.kpiAnchors.get(lower(kpi.id));
    if (!anchor) return '';
    if (!this.large) return `#${anchor}`;
    const file = this.deptFiles.get(ownerKey(kpi.owner));
    return file ? `${file}#${anchor}` : '';
  }
}

// ---------------------------------------------------------------------------------------------------
// Departments: the ones listed, then any owner that is not listed (so nothing owned goes missing)

export interface Dept {
  name: string;
  /** ownerKey of the name, as Owner columns are matched by it ('' for rows without an owner). */
  key: string;
  lead: string;
  listed: Department | null;
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function departmentsOf(plan: Plan, noOwner: string): Dept[] {
  const out: Dept[] = [];
  const seen = new Set<string>();
  for (const d of plan.departments) {
    const key = ownerKey(d.name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: d.name, key, lead: d.lead, listed: d });
  }
  // An owner the Departments tab does not list is titled as its rows' owner is named (ownerNameOf): by its most
  // used spelling.
  for (const row of [...plan.objectives, ...plan.keyResults, ...plan.kpis, ...plan.roadmap]) {
    const key = ownerKey(row.owner);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: ownerNameOf(plan, row) || noOwner, key, lead: '', listed: null });
  }
  return out;
}
