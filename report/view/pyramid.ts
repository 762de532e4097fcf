/** The pyramid: Vision → Strategy → Tactics → objectives and key results → KPIs, with counts and tallies. */
import { isChinese } from '../../shared/i18n';
import { ownerNameOf, parentIdOf } from '../../shared/plan-index';
import { STATUS_LABELS, STATUS_READING_ORDER, type RollUp, type Status } from '../../shared/progress';
import { STRATEGY_FIELDS, STRATEGY_QUESTIONS } from '../../shared/template';
import { byStatus, lower, safeHref, type Context } from './context';
import { kpiView } from './kr-card';
import { PYRAMID_ITEMS, type PyramidLevel, type PyramidObjective } from './types';

// ---------------------------------------------------------------------------------------------------
// Pyramid

/**
 * Counts by status as a sentence: in the order the verdict, the check sidebar and the legends read statuses
 * (STATUS_READING_ORDER), so that "1 on track, 1 at risk" is not "1 at risk, 1 on track" a line below.
 */
export function tallyText(ctx: Context, statuses: Status[]): string {
  const counts = new Map<Status, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return STATUS_READING_ORDER.filter((s) => counts.has(s))
    .map((s) => ctx.p.statusCount(ctx.f.count(counts.get(s)!), STATUS_LABELS[s][ctx.lang]))
    .join(isChinese(ctx.lang) ? '，' : ', ');
}

export function pyramid(ctx: Context): PyramidLevel[] {
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

  // A large plan's pyramid names only a few objectives and KPIs: the worst, so that the company page leads with
  // what needs leadership (the plan's order among equals). A one-page plan names them all, in the plan's order.
  const few = <T>(items: readonly T[], statusOf: (item: T) => Status | undefined): readonly T[] =>
    ctx.large ? byStatus(items, statusOf).slice(0, PYRAMID_ITEMS) : items;
  const shownObjectives = few(plan.objectives, (o) => ctx.progress.objectives[o.id]?.status);
  const objectives: PyramidObjective[] = shownObjectives.map((o) => {
    const krs = ctx.krsByObjective.get(lower(o.id)) ?? [];
    const roll: RollUp | undefined = ctx.progress.objectives[o.id];
    const shown = ctx.large ? [] : krs;
    return {
      id: o.id,
      title: o.title,
      owner: ownerNameOf(ctx.plan, o),
      parent: parentIdOf(ctx.plan, o),
      status: ctx.status(roll?.status ?? 'no-data'),
      attainment:
        roll?.attainment !== null && roll?.attainment !== undefined ? f.percent(roll.attainment) : '',
      keyResults: shown.map((kr) => ({
        id: kr.id,
        title: kr.title,
        owner: ownerNameOf(ctx.plan, kr),
        status: ctx.status(ctx.krProgress.get(lower(kr.id))?.status ?? 'no-data'),
        href: ctx.krHref(kr.id),
      })),
      tally: `${ph.keyResultsCount(krs.length, f.count(krs.length))}${
        krs.length
          ? `${ctx.l.colon}${tallyText(
              ctx,
              krs.map((k) => ctx.krProgress.get(lower(k.id))?.status ?? 'no-data'),
            )}`
          : ''
      }`,
      leftOut: krs.map((k) => ctx.leftOutLine('kr', k.id)).filter(Boolean),
      note: o.notes,
      noteHref: safeHref(o.notes) ?? '',
    };
  });
  const kpis = few(plan.kpis, (k) => ctx.kpiProgress.get(lower(k.id))?.status).map((k) => kpiView(ctx, k));
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
          ? ph.moreWorstFirst(
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
          ? ph.moreWorstFirst(plan.kpis.length - kpis.length, f.count(plan.kpis.length - kpis.length))
          : '',
    },
  ];
}
