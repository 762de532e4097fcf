/** Who owns what: department × commitments for small plans, departments grouped by status for large ones. */
import type { RollUp } from '../../shared/progress';
import { byStatus, groupBy, lower, STATUS_SEVERITY, type Context, type Dept } from './context';
import { roadmapExceptionCounts } from './roadmap';
import { COMMITMENTS_SHOWN, type DepartmentGroup, type DepartmentRow } from './types';

// ---------------------------------------------------------------------------------------------------
// Departments

/**
 * A department's attainment with what it is the mean of: "100% of 1 measured key result". A bare "100%" beside a key
 * result left out (not in the mean) and a KPI off track (a department owning key results is judged by them) read as
 * all is well. '' before any is measured.
 */
function attainmentText(ctx: Context, roll: RollUp | undefined): string {
  if (!roll || roll.attainment === null) return '';
  return ctx.p.attainmentOver(
    ctx.f.percent(roll.attainment),
    roll.measured,
    ctx.f.count(roll.measured),
    roll.kind,
  );
}

/**
 * A department that owns nothing has no status to show: "– no data" read as a number missing, where the plan check
 * says what is (idle-department), in the same words.
 */
export const ownsNothing = (ctx: Context, dept: Dept) =>
  (['objectives', 'keyResults', 'kpis', 'roadmap'] as const).every(
    (kind) => ctx.ownedBy(kind, dept).length === 0,
  );

export function departmentRows(ctx: Context, depts: Dept[]): DepartmentRow[] {
  const { f, p: ph } = ctx;
  const more = (n: number) =>
    n > COMMITMENTS_SHOWN ? ph.more(n - COMMITMENTS_SHOWN, f.count(n - COMMITMENTS_SHOWN)) : '';
  return depts.map((dept) => {
    // Three of each are shown: the worst, so that "+2 more" never hides what needs attention (the plan's order
    // among equals).
    const objectives = byStatus(
      ctx.ownedBy('objectives', dept),
      (o) => ctx.progress.objectives[o.id]?.status,
    );
    const krs = byStatus(ctx.ownedBy('keyResults', dept), (k) => ctx.krProgress.get(lower(k.id))?.status);
    const kpis = byStatus(ctx.ownedBy('kpis', dept), (k) => ctx.kpiProgress.get(lower(k.id))?.status);
    const items = ctx.ownedBy('roadmap', dept);
    const roll = ctx.deptProgress.get(dept.key);
    return {
      name: dept.name,
      lead: dept.lead,
      href: ctx.deptFiles.get(dept.key) ?? '',
      status: ctx.status(roll?.status ?? 'no-data'),
      ownsNothing: ownsNothing(ctx, dept),
      attainment: attainmentText(ctx, roll),
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
      roadmapItems: items.length
        ? [ph.itemsCount(items.length, f.count(items.length)), ...roadmapExceptionCounts(ctx, items)].join(
            ' · ',
          )
        : '',
    };
  });
}

/** A large plan's departments by status, worst first: who needs attention, then everyone else. */
export function departmentGroups(ctx: Context, depts: Dept[]): DepartmentGroup[] {
  const byStatus = groupBy(depts, (d) => ctx.deptProgress.get(d.key)?.status ?? 'no-data');
  return STATUS_SEVERITY.filter((s) => byStatus.has(s)).map((s) => {
    const group = byStatus.get(s)!;
    return {
      status: ctx.status(s),
      count: ctx.f.count(group.length),
      departments: group.map((d) => ({
        name: d.name,
        href: ctx.deptFiles.get(d.key) ?? '',
        attainment: ownsNothing(ctx, d)
          ? ctx.l.ownsNothing
          : attainmentText(ctx, ctx.deptProgress.get(d.key)),
      })),
    };
  });
}
