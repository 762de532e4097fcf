/**
 * The pages: what every page shares (header, the plan-has-errors banner, what is left out), the company page's
 * verdict and tiles, a page per department for large plans, and the page of all issues.
 */
import { monthOf } from '../../shared/calendar';
import type { PlanIssue } from '../../shared/issues';
import type { Objective, Plan } from '../../shared/plan';
import { STATUS_LABELS, STATUS_READING_ORDER, type PlanProgress, type Status } from '../../shared/progress';
import { fileName } from '../format';
import { attention } from './attention';
import { byStatus, Context, departmentsOf, lower, worst } from './context';
import { departmentGroups, departmentRows, ownsNothing } from './departments';
import { changes, issuesView } from './issues';
import { krCard, kpiView } from './kr-card';
import { pyramid, tallyText } from './pyramid';
import { roadmap, roadmapTable } from './roadmap';
import {
  CHART_LIMIT,
  COMPANY_PAGE,
  ISSUES_PAGE,
  type CompanyPage,
  type DepartmentObjective,
  type DepartmentPage,
  type IssuesPage,
  type NavLink,
  type PageCommon,
  type ReportView,
  type Tile,
  type ViewOptions,
} from './types';

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
    leftOut: leftOutLines(ctx, plan.keyResults, plan.kpis),
  };
}

function departmentObjectives(ctx: Context, objectives: readonly Objective[]): DepartmentObjective[] {
  const { f, p: ph } = ctx;
  return byStatus(objectives, (o) => ctx.progress.objectives[o.id]?.status).map((o) => {
    const roll = ctx.progress.objectives[o.id];
    const statuses = (ctx.krsByObjective.get(lower(o.id)) ?? []).map(
      (k) => ctx.krProgress.get(lower(k.id))?.status ?? 'no-data',
    );
    return {
      id: o.id,
      title: o.title,
      status: ctx.status(roll?.status ?? 'no-data'),
      attainment:
        roll?.attainment !== null && roll?.attainment !== undefined ? f.percent(roll.attainment) : '',
      tally: `${ph.keyResultsCount(statuses.length, f.count(statuses.length))}${
        statuses.length ? `${ctx.l.colon}${tallyText(ctx, statuses)}` : ''
      }`,
    };
  });
}

/** Left-out lines shown under a page's errors note: its own metrics' (a department's), the first few of them. */
const LEFT_OUT_SHOWN = 10;
/** Changes listed on the company page, latest first: the rest are in plan.json. */
const CHANGES_SHOWN = 20;

function leftOutLines(ctx: Context, keyResults: readonly { id: string }[], kpis: readonly { id: string }[]) {
  const lines = [
    ...keyResults.map((kr) => ctx.leftOutLine('kr', kr.id)),
    ...kpis.map((kpi) => ctx.leftOutLine('kpi', kpi.id)),
  ].filter(Boolean);
  if (lines.length <= LEFT_OUT_SHOWN) return lines;
  return [...lines.slice(0, LEFT_OUT_SHOWN), ctx.p.leftOutMore(ctx.f.count(lines.length - LEFT_OUT_SHOWN))];
}

function verdict(ctx: Context): CompanyPage['verdict'] {
  const { plan, f, p: ph, lang } = ctx;
  const statuses = plan.objectives.map((o) => ctx.progress.objectives[o.id]?.status ?? 'no-data');
  const counts = new Map<Status, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const present = STATUS_READING_ORDER.filter((s) => counts.has(s));
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

/** 8 hex digits of FNV-1a over the name as departments are told apart (case, width): stable across reports. */
function nameHash(name: string): string {
  let hash = 0x811c9dc5;
  for (const unit of name.normalize('NFKC').toLowerCase()) {
    hash ^= unit.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The Latin letters and digits of a name, as a file name's part: "R&D Lab" → "r-d-lab"; "" for 销售部. */
const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);

/**
 * Each department page's file: `dept-<name>.html` from the name's Latin letters and digits, so that a shared link
 * names the department and stays the same from one report to the next. A name without any (销售部), and names that
 * give the same letters (Sales, "Sales!"), are told apart by a hash of the name itself: never by the department's
 * position, which moves when a department is added or moved, and never a file another page has.
 */
function departmentFileNames(names: readonly string[], used: Set<string>): string[] {
  const slugs = names.map(slugOf);
  const shared = new Map<string, number>();
  for (const slug of slugs) shared.set(slug, (shared.get(slug) ?? 0) + 1);
  return names.map((name, i) => {
    const slug = slugs[i];
    const base =
      slug && shared.get(slug) === 1 ? `dept-${slug}` : `dept-${slug ? `${slug}-` : ''}${nameHash(name)}`;
    let file = `${base}.html`;
    // Two names the hash cannot tell apart: numbered, as the last resort.
    for (let n = 2; used.has(file); n++) file = `${base}-${n}.html`;
    used.add(file);
    return file;
  });
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
    const files = departmentFileNames(
      depts.map((d) => d.name),
      used,
    );
    depts.forEach((d, i) => ctx.deptFiles.set(d.key, files[i]));
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
    attention: attention(ctx),
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
    changes: {
      present: changeRows.length > 0,
      rows: changeRows.slice(0, CHANGES_SHOWN),
      more: changeRows.length > CHANGES_SHOWN ? ph.changesMore(CHANGES_SHOWN, f.count(CHANGES_SHOWN)) : '',
    },
  };

  const departments: DepartmentPage[] = ctx.large
    ? depts.map((dept) => {
        const krs = ctx.ownedBy('keyResults', dept);
        const kpis = ctx.ownedBy('kpis', dept);
        const objectives = ctx.ownedBy('objectives', dept);
        const items = ctx.ownedBy('roadmap', dept);
        const roll = ctx.deptProgress.get(dept.key);

        return {
          ...base,
          // A department's page lists what of its own is left out; the errors note links to the rest.
          leftOut: leftOutLines(ctx, krs, kpis),
          kind: 'department' as const,
          file: ctx.deptFiles.get(dept.key)!,
          pageTitle: `${ph.departmentTitle(dept.name)} · ${base.title}`,
          name: dept.name,
          lead: dept.lead ? ph.leadBy(dept.lead) : '',
          status: ctx.status(roll?.status ?? 'no-data'),
          ownsNothing: ownsNothing(ctx, dept),
          summary: ph.departmentSummary(
            ph.objectivesCount(objectives.length, f.count(objectives.length)),
            ph.keyResultsCount(krs.length, f.count(krs.length)),
            ph.kpisCount(kpis.length, f.count(kpis.length)),
            ph.itemsCount(items.length, f.count(items.length)),
          ),
          chartsNote: ctx.charts ? '' : ph.chartsOmitted(f.count(options.chartLimit ?? CHART_LIMIT)),
          objectives: departmentObjectives(ctx, objectives),
          // Worst first, as everywhere a reader looks for what needs them (the plan's order among equals): the
          // cards and the KPIs.
          cards: byStatus(krs, (kr) => ctx.krProgress.get(lower(kr.id))?.status).map((kr) => cardOf.get(kr)!),
          kpis: byStatus(kpis, (k) => ctx.kpiProgress.get(lower(k.id))?.status).map((k) => kpiView(ctx, k)),
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
