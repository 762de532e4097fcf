/**
 * Stage 2c: the plan checks that the sidebar, the CLI and the report all show. Structure checks that need more
 * than one cell (references, cycles, owners) and the method's rules of thumb live here; cell-level problems
 * come from the parser. `checkPlan` returns both, sorted, so every consumer shows the same list.
 */
import type { IsoDate } from './calendar';
import { inEveryLanguage, type Lang } from './i18n';
import {
  decompose,
  hasUsableWeights,
  isMoneyUnit,
  keyResultIndex,
  keyResultSpec,
  kpiSpec,
} from './decompose';
import { screenCheckIns, type CheckInScreen } from './check-ins';
import { makeIssue, sortIssues, type IssueLocation, type PlanIssue } from './issues';
import { parsePlan, type ParseOptions } from './parse';
import type { KeyResult, Plan, TargetsTab } from './plan';
import {
  planProgress,
  STATUS_LABELS,
  type LeftOutReason,
  type MetricProgress,
  type PlanProgress,
} from './progress';
import { ENUMS, STRATEGY_FIELDS, STRATEGY_QUESTIONS, tabDef, type TabKey } from './template';
import type { Workbook } from './cells';

export interface CheckOptions {
  /** "Few and key": the method's limits, configurable per organisation. */
  maxKeyResultsPerObjective: number;
  maxObjectivesPerDepartment: number;
  maxKeyResultsPerDepartment: number;
  maxKpisPerDepartment: number;
  /** The day progress is judged on; without it, tracking checks are skipped. */
  asOf?: IsoDate;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  maxKeyResultsPerObjective: 3,
  maxObjectivesPerDepartment: 3,
  maxKeyResultsPerDepartment: 3,
  maxKpisPerDepartment: 3,
};

/** A located cell of a parsed row: the tab as named in the workbook, and the column of a field. */
function cellOf(plan: Plan, tab: TabKey, row: number, column: string): IssueLocation {
  const layout = plan.layout[tab];
  const sheet = layout?.sheet ?? tabDef(tab).label[plan.lang];
  return { sheet, row, column: layout?.columns[column] ?? 1 };
}

export function checkPlan(
  plan: Plan,
  options: Partial<CheckOptions> = {},
  progress?: PlanProgress,
  screen: CheckInScreen = screenCheckIns(plan),
): PlanIssue[] {
  const opts = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const issues: PlanIssue[] = [];
  const push = (...args: Parameters<typeof makeIssue>) => issues.push(makeIssue(...args));

  // Filled in loops rather than from arrays of pairs: 10,000 key results made 10,000 short-lived pairs.
  const objectiveIds = new Set<string>();
  for (const o of plan.objectives) objectiveIds.add(o.id.toLowerCase());
  const krIds = new Set<string>();
  for (const k of plan.keyResults) krIds.add(k.id.toLowerCase());
  const departments = new Set<string>();
  for (const d of plan.departments) departments.add(d.name.toLowerCase());
  const hasDepartments = !!plan.layout.departments;

  const checkOwner = (tab: TabKey, row: number, id: string, owner: string) => {
    if (owner && hasDepartments && !departments.has(owner.toLowerCase()))
      push('unknown-owner', cellOf(plan, tab, row, 'owner'), { id, owner });
  };

  // References and owners.
  for (const o of plan.objectives) {
    checkOwner('objectives', o.row, o.id, o.owner);
    if (o.parent && !objectiveIds.has(o.parent.toLowerCase()) && !krIds.has(o.parent.toLowerCase())) {
      push('unknown-parent', cellOf(plan, 'objectives', o.row, 'parent'), { id: o.id, ref: o.parent });
    }
  }
  for (const kr of plan.keyResults) {
    if (kr.objectiveId && !objectiveIds.has(kr.objectiveId.toLowerCase())) {
      push('unknown-objective', cellOf(plan, 'keyResults', kr.row, 'objective'), {
        id: kr.id,
        ref: kr.objectiveId,
      });
    }
    if (!kr.owner)
      push('key-result-without-owner', cellOf(plan, 'keyResults', kr.row, 'owner'), { id: kr.id });
    checkOwner('keyResults', kr.row, kr.id, kr.owner);
    if (
      kr.target !== null &&
      (kr.type === 'cumulative' || kr.type === 'level') &&
      kr.target !== kr.baseline
    ) {
      const wrongWay = kr.direction === 'increase' ? kr.target < kr.baseline : kr.target > kr.baseline;
      if (wrongWay) {
        push('direction-contradiction', cellOf(plan, 'keyResults', kr.row, 'direction'), {
          id: kr.id,
          direction: ENUMS.direction[kr.direction],
          target: kr.target,
          baseline: kr.baseline,
        });
      }
    }
    // Nothing to reach: the key result is left out of progress (progress.ts) rather than shown as done.
    if (
      kr.target !== null &&
      kr.target === kr.baseline &&
      (kr.type === 'cumulative' || kr.type === 'level')
    ) {
      push('target-equals-baseline', cellOf(plan, 'keyResults', kr.row, 'target'), {
        id: kr.id,
        value: kr.target,
      });
    }
    // The spec is worked out only for custom phasing: the only rows this check can flag.
    if (kr.phasing === 'custom' && (kr.type === 'cumulative' || kr.type === 'level')) {
      const spec = keyResultSpec(kr, plan);
      if (spec && !hasUsableWeights(spec))
        push('custom-weights-missing', cellOf(plan, 'keyResults', kr.row, 'phasing'), { id: kr.id });
    }
  }
  for (const kpi of plan.kpis) {
    checkOwner('kpis', kpi.row, kpi.id, kpi.owner);
    if (!kpi.keyResultId)
      push('kpi-without-key-result', cellOf(plan, 'kpis', kpi.row, 'keyResult'), { id: kpi.id });
    else if (!krIds.has(kpi.keyResultId.toLowerCase())) {
      push('unknown-key-result', cellOf(plan, 'kpis', kpi.row, 'keyResult'), {
        id: kpi.id,
        ref: kpi.keyResultId,
      });
    }
  }
  for (const item of plan.roadmap) {
    checkOwner('roadmap', item.row, item.id, item.owner);
    for (const ref of item.keyResultIds) {
      if (!krIds.has(ref.toLowerCase()))
        push('unknown-key-result', cellOf(plan, 'roadmap', item.row, 'keyResults'), { id: item.id, ref });
    }
  }
  // Check-ins of a metric that is no key result's or KPI's ID: the screen found them (it looks up every row).
  for (const a of screen.unknown)
    push('unknown-metric', cellOf(plan, 'actuals', a.row, 'metric'), { row: a.row, metric: a.metric });

  // Check-ins that cannot be counted (impossible values, repeats, before the Start): progress skips the same rows.
  for (const issue of screen.issues) issues.push(issue);
  findParentCycles(plan, issues);
  checkMethod(plan, opts, issues);
  checkFunnels(plan, issues);
  checkTargetsTab(plan, issues);
  if (opts.asOf) checkTracking(plan, progress ?? planProgress(plan, opts.asOf, screen), issues);
  return issues;
}

/** Objectives whose Parent links come back to themselves. Each loop is reported once, at its first member. */
function findParentCycles(plan: Plan, issues: PlanIssue[]): void {
  const parentOf = new Map(plan.objectives.map((o) => [o.id.toLowerCase(), o.parent.toLowerCase()]));
  const byId = new Map(plan.objectives.map((o) => [o.id.toLowerCase(), o]));
  const reported = new Set<string>();
  for (const o of plan.objectives) {
    const path: string[] = [];
    let current = o.id.toLowerCase();
    while (current && byId.has(current) && !path.includes(current)) {
      path.push(current);
      current = parentOf.get(current) ?? '';
    }
    if (!current || !path.includes(current)) continue;
    const loop = path.slice(path.indexOf(current));
    const key = [...loop].sort().join('|');
    if (reported.has(key)) continue;
    reported.add(key);
    const first = byId.get(loop[0])!;
    const names = loop.map((id) => byId.get(id)!.id);
    issues.push(
      makeIssue('parent-cycle', cellOf(plan, 'objectives', first.row, 'parent'), {
        cycle: `${names.join(' → ')} → ${names[0]}`,
      }),
    );
  }
}

function checkMethod(plan: Plan, opts: CheckOptions, issues: PlanIssue[]): void {
  const push = (...args: Parameters<typeof makeIssue>) => issues.push(makeIssue(...args));

  // Few and key. (Counted in one pass each: plans with thousands of rows are checked as they are typed.)
  const krCount = new Map<string, number>();
  for (const k of plan.keyResults) {
    const key = k.objectiveId.toLowerCase();
    krCount.set(key, (krCount.get(key) ?? 0) + 1);
  }
  for (const o of plan.objectives) {
    const count = krCount.get(o.id.toLowerCase()) ?? 0;
    if (count === 0)
      push('objective-without-key-results', cellOf(plan, 'objectives', o.row, 'id'), { id: o.id });
    if (count > opts.maxKeyResultsPerObjective) {
      push('too-many-key-results', cellOf(plan, 'objectives', o.row, 'id'), {
        id: o.id,
        count,
        max: opts.maxKeyResultsPerObjective,
      });
    }
  }
  // Rows per owner (lower case), and every owner named anywhere, in one pass over each tab: a department owns
  // few rows, a plan thousands, so each owner's spelling is lowered once, not once per row.
  const owners = new Set<string>();
  const lowered = new Map<string, string>();
  const lower = (owner: string) => {
    let key = lowered.get(owner);
    if (key === undefined) lowered.set(owner, (key = owner.toLowerCase()));
    return key;
  };
  const perOwner = (items: readonly { owner: string; row: number }[]) => {
    const groups = new Map<string, { owner: string; rows: number[] }>();
    for (let i = 0; i < items.length; i++) {
      const owner = items[i].owner;
      if (!owner) continue;
      const key = lower(owner);
      owners.add(key);
      const group = groups.get(key);
      if (group) group.rows.push(items[i].row);
      else groups.set(key, { owner, rows: [items[i].row] });
    }
    return groups;
  };
  const limits = [
    ['objectives', plan.objectives, 'too-many-objectives', opts.maxObjectivesPerDepartment],
    ['keyResults', plan.keyResults, 'too-many-key-results-owned', opts.maxKeyResultsPerDepartment],
    ['kpis', plan.kpis, 'too-many-kpis', opts.maxKpisPerDepartment],
  ] as const;
  for (const [tab, items, code, max] of limits) {
    perOwner(items).forEach(({ owner, rows }) => {
      if (rows.length > max) {
        // Point at the first row over the limit: that is the one to reconsider.
        push(code, cellOf(plan, tab, rows[max], 'owner'), { owner, count: rows.length, max });
      }
    });
  }

  // Line of sight: every department owns something it can act on (owners of roadmap items count too).
  for (let i = 0; i < plan.roadmap.length; i++) {
    const owner = plan.roadmap[i].owner;
    if (owner) owners.add(lower(owner));
  }
  for (const d of plan.departments) {
    if (!owners.has(d.name.toLowerCase()))
      push('idle-department', cellOf(plan, 'departments', d.row, 'name'), { owner: d.name });
  }

  // Every key result should be visible in execution: a KPI or a roadmap item.
  const tracked = new Set<string>();
  for (let i = 0; i < plan.kpis.length; i++) tracked.add(plan.kpis[i].keyResultId.toLowerCase());
  for (let i = 0; i < plan.roadmap.length; i++) {
    const refs = plan.roadmap[i].keyResultIds;
    for (let j = 0; j < refs.length; j++) tracked.add(refs[j].toLowerCase());
  }
  for (let i = 0; i < plan.keyResults.length; i++) {
    const kr = plan.keyResults[i];
    if (!tracked.has(kr.id.toLowerCase()))
      push('key-result-untracked', cellOf(plan, 'keyResults', kr.row, 'id'), { id: kr.id });
  }

  // The strategy's four questions, and the fields that top the pyramid.
  const layout = plan.layout.strategy;
  if (layout) {
    for (const field of STRATEGY_FIELDS) {
      if (plan.strategy.values[field.key]) continue;
      const row = plan.strategy.rows[field.key];
      if (!row && field.kind === 'date') continue; // reported as the missing period
      const at = {
        sheet: layout.sheet,
        row: row ?? Math.max(1, layout.rowCount + 1),
        column: row ? layout.columns.value : layout.columns.field,
      };
      if (field.question) {
        push('strategy-unanswered', at, {
          question: STRATEGY_QUESTIONS[field.key as keyof typeof STRATEGY_QUESTIONS],
          field: field.label,
        });
      } else if (field.key === 'product' || field.key === 'vision' || field.key === 'strategy') {
        push('strategy-field-missing', at, { field: field.label });
      }
    }
  }
}

/** Numbers written in an objective's words ("convert 1,000 new customers"), leaving out years like 2026. */
function numbersIn(text: string): number[] {
  const out: number[] = [];
  // Full-width digits (１,０００) read as ASCII ones; a title of plain ASCII needs no normalising.
  const plain = ASCII_ONLY.test(text) ? text : text.normalize('NFKC');
  NUMBER_IN_WORDS.lastIndex = 0;
  for (let m = NUMBER_IN_WORDS.exec(plain); m !== null; m = NUMBER_IN_WORDS.exec(plain)) {
    const raw = m[0];
    const value = Number(raw.replace(/,/g, ''));
    if (value > 0 && !YEAR.test(raw)) out.push(value);
  }
  return out;
}
const NUMBER_IN_WORDS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const ASCII_ONLY = /^[ -~\t\n\r]*$/;
const YEAR = /^(19|20)\d\d$/;

/** Beyond this ratio a funnel and its objective tell different stories (the brief's 50,000 × 20% ≠ 1,000). */
export const FUNNEL_TOLERANCE = 2;

/**
 * Line of sight in numbers: a volume key result (sign-ups) times a rate key result (conversion) of the same
 * objective implies an outcome (customers). When the objective's own words name a number and the implied one is
 * more than FUNNEL_TOLERANCE times off, the teams have not agreed on the decomposition.
 */
/**
 * The numbers a funnel-mismatch message quotes. Building an Intl.NumberFormat costs far more than formatting
 * with one (tens of µs against about one), so each language and style has one formatter for the process; and
 * plans repeat the same targets and rates, so each number is formatted once (a bounded memo).
 */
const FUNNEL_FORMATS = new Map<string, Intl.NumberFormat>();
const FUNNEL_NUMBERS = new Map<string, string>();
function funnelNumber(lang: Lang, n: number, percent: boolean): string {
  const key = `${lang}|${percent ? '%' : ''}`;
  const memo = `${key}|${n}`;
  const known = FUNNEL_NUMBERS.get(memo);
  if (known !== undefined) return known;
  let format = FUNNEL_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      lang,
      percent ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 },
    );
    FUNNEL_FORMATS.set(key, format);
  }
  const text = format.format(n);
  if (FUNNEL_NUMBERS.size >= 10_000) FUNNEL_NUMBERS.clear();
  FUNNEL_NUMBERS.set(memo, text);
  return text;
}

function checkFunnels(plan: Plan, issues: PlanIssue[]): void {
  const both = (n: number, percent = false) => inEveryLanguage((lang) => funnelNumber(lang, n, percent));
  // Key results with a target, grouped by objective in one pass: filtering every key result for each
  // objective made this check quadratic (most of the core's time at 10,000 key results).
  const byObjective = new Map<string, KeyResult[]>();
  for (const k of plan.keyResults) {
    if (k.target === null) continue;
    const key = k.objectiveId.toLowerCase();
    const group = byObjective.get(key);
    if (group) group.push(k);
    else byObjective.set(key, [k]);
  }
  for (const o of plan.objectives) {
    const named = numbersIn(o.title);
    if (named.length === 0) continue;
    const krs = byObjective.get(o.id.toLowerCase()) ?? [];
    const volumes = krs.filter(
      (k) =>
        k.type === 'cumulative' &&
        k.unit.trim() !== '%' &&
        !isMoneyUnit(k.unit, plan.strategy.values.currency),
    );
    const rates = krs.filter(
      (k) => k.type === 'level' && k.unit.trim() === '%' && k.target! > 0 && k.target! <= 1,
    );
    for (const volume of volumes) {
      for (const rate of rates) {
        const implied = (volume.target! - volume.baseline) * rate.target!;
        if (named.some((n) => implied / n <= FUNNEL_TOLERANCE && n / implied <= FUNNEL_TOLERANCE)) continue;
        const closest = named.reduce((best, n) =>
          Math.abs(Math.log(implied / n)) < Math.abs(Math.log(implied / best)) ? n : best,
        );
        issues.push(
          makeIssue('funnel-mismatch', cellOf(plan, 'objectives', o.row, 'title'), {
            id: o.id,
            count: both(volume.target! - volume.baseline),
            countId: volume.id,
            rate: both(rate.target!, true),
            rateId: rate.id,
            implied: both(implied),
            named: both(closest),
          }),
        );
      }
    }
  }
}

/** The generated Targets tab should show what the plan computes; a difference means it is out of date. */
function checkTargetsTab(plan: Plan, issues: PlanIssue[]): void {
  const targets = plan.targets;
  const layout = plan.layout.targets;
  if (!targets || !layout || !plan.period) return;
  const index = keyResultIndex(plan);
  const metrics = [
    ...plan.keyResults.map((kr) => ({ id: kr.id, spec: keyResultSpec(kr, plan) })),
    ...plan.kpis.map((kpi) => ({ id: kpi.id, spec: kpiSpec(kpi, plan, index) })),
  ];
  // The tab's rows by lower-case ID; the first row wins, as a search from the top would find it.
  const rows = new Map<string, TargetsTab['computed'][string]>();
  for (const [k, row] of Object.entries(targets.computed))
    if (!rows.has(k.toLowerCase())) rows.set(k.toLowerCase(), row);
  for (const { id, spec } of metrics) {
    if (!spec) continue;
    const computed = rows.get(id.toLowerCase());
    if (!computed) {
      issues.push(
        makeIssue(
          'targets-row-missing',
          { sheet: layout.sheet, row: layout.headerRow, column: layout.columns.id ?? 1 },
          { id },
        ),
      );
      continue;
    }
    for (const { month, target } of decompose(spec, targets.months)) {
      const sheetValue = computed.values[month];
      // A blank cached value means the workbook was saved without results (nothing to compare), not a mismatch.
      if (sheetValue === null || sheetValue === undefined || target === null) continue;
      if (Math.abs(sheetValue - target) > 1e-6 * Math.max(1, Math.abs(target))) {
        issues.push(
          makeIssue(
            'targets-mismatch',
            { sheet: layout.sheet, row: computed.row, column: targets.monthColumns[month] },
            { id, month, sheetValue, value: target },
          ),
        );
        break; // one per metric is enough to say "rebuild"
      }
    }
  }
}

function checkTracking(plan: Plan, progress: PlanProgress, issues: PlanIssue[]): void {
  const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const check = (p: MetricProgress, tab: TabKey, row: number) => {
    const behind = p.kind === 'kr' && (p.status === 'at-risk' || p.status === 'off-track');
    if (p.missingCheckIn) {
      // Point at where the check-in goes: the Actuals tab's next free row when there is one.
      const actuals = plan.layout.actuals;
      const at = actuals
        ? {
            sheet: actuals.sheet,
            row: Math.max(actuals.rowCount, actuals.headerRow) + 1,
            column: actuals.columns.metric ?? 1,
          }
        : cellOf(plan, tab, row, 'id');
      issues.push(makeIssue('stale-check-in', at, { id: p.id, month: p.missingCheckIn }));
    }
    if (behind) {
      issues.push(
        makeIssue('behind-pace', cellOf(plan, tab, row, 'target'), {
          id: p.id,
          status: STATUS_LABELS[p.status],
          attainment: percent(p.attainment),
          expected: percent(p.expectedAttainment),
        }),
      );
    }
  };
  // Each metric's issues point at its own row: progress lists the key results and KPIs in the plan's order.
  for (let i = 0; i < progress.keyResults.length && i < plan.keyResults.length; i++)
    check(progress.keyResults[i], 'keyResults', plan.keyResults[i].row);
  for (let i = 0; i < progress.kpis.length && i < plan.kpis.length; i++)
    check(progress.kpis[i], 'kpis', plan.kpis[i].row);
}

/** The whole front half of the pipeline in one call: read, check, and score a workbook. */
export function analyzeWorkbook(
  workbook: Workbook,
  options: ParseOptions & Partial<CheckOptions> & { asOf: IsoDate },
): { plan: Plan; issues: PlanIssue[]; progress: PlanProgress } {
  const { plan, issues: parseIssues } = parsePlan(workbook, options);
  // Which check-ins count is decided once: progress counts these rows, the checks report the others.
  const screen = screenCheckIns(plan);
  const progress = planProgress(plan, options.asOf, screen);
  const issues = sortIssues([...parseIssues, ...checkPlan(plan, options, progress, screen)]);
  return { plan, issues, progress };
}

/** A key result or KPI left out of progress, and the issue (error first) at its row that explains why. */
export interface LeftOutMetric {
  id: string;
  kind: 'kr' | 'kpi';
  reason: LeftOutReason;
  /** The error (or, failing one, the warning) on the metric's row or its Strategy period cell; null if none. */
  issue: PlanIssue | null;
}

/**
 * The metrics progress left out, each with the located issue to fix: the report's banner and objective cards,
 * plan.json's summary.leftOut and the sidebar all name these, so an omission is never silent.
 */
export function leftOutMetrics(plan: Plan, progress: PlanProgress, issues: PlanIssue[]): LeftOutMetric[] {
  const out: LeftOutMetric[] = [];
  const explain = (tab: TabKey, row: number): PlanIssue | null => {
    const sheet = plan.layout[tab]?.sheet;
    const onRow = issues.filter((i) => i.sheet === sheet && i.row === row && i.severity !== 'tip');
    const period = issues.filter((i) => i.code === 'period-missing' || i.code === 'period-reversed');
    return (
      onRow.find((i) => i.severity === 'error') ??
      period[0] ??
      onRow.find((i) => i.severity === 'warning') ??
      null
    );
  };
  plan.keyResults.forEach((kr, i) => {
    const p = progress.keyResults[i];
    if (p?.leftOut)
      out.push({ id: kr.id, kind: 'kr', reason: p.leftOut, issue: explain('keyResults', kr.row) });
  });
  plan.kpis.forEach((kpi, i) => {
    const p = progress.kpis[i];
    if (p?.leftOut) out.push({ id: kpi.id, kind: 'kpi', reason: p.leftOut, issue: explain('kpis', kpi.row) });
  });
  return out;
}
