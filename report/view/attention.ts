/**
 * What is off track and who owns it, under the company page's headline counts: a review's first question. The
 * counts alone ("3 off track") sent the reader 1,400 px down the page for the names and owners.
 */
import type { KeyResult, Kpi } from '../../shared/plan';
import { ownerNameOf } from '../../shared/plan-index';
import type { MetricProgress, Status } from '../../shared/progress';
import { byStatus, lower, type Context } from './context';
import { kpiView, monthsMetText } from './kr-card';
import { ATTENTION_ITEMS, type AttentionItem, type AttentionView } from './types';

/**
 * The statuses listed: a verdict on a metric that is measured and behind. A metric left out (needs attention) is
 * in the plan-has-errors banner above, with the cell to fix; one without data is a number to ask for, not a miss.
 */
const LISTED: ReadonlySet<Status> = new Set<Status>(['missed', 'off-track', 'at-risk']);

type Entry = { kind: 'kr'; metric: KeyResult } | { kind: 'kpi'; metric: Kpi };

export function attention(ctx: Context): AttentionView {
  const { f, l, p: ph } = ctx;
  const progressOf = (e: Entry): MetricProgress | undefined =>
    (e.kind === 'kr' ? ctx.krProgress : ctx.kpiProgress).get(lower(e.metric.id));
  const entries: Entry[] = [
    ...ctx.plan.keyResults.map((metric) => ({ kind: 'kr' as const, metric })),
    ...ctx.plan.kpis.map((metric) => ({ kind: 'kpi' as const, metric })),
  ].filter((e) => {
    const p = progressOf(e);
    return !!p && p.leftOut === null && LISTED.has(p.status);
  });
  // Worst first, as every list that leads with what needs attention (byStatus); among equals, the furthest behind
  // where the plan expected it by now (a miss by 40 points before one by 0.4), then the plan's order.
  const sorted = byStatus(
    entries,
    (e) => progressOf(e)?.status,
    (e) => {
      const p = progressOf(e);
      return p?.attainment == null || p.expectedAttainment == null
        ? null
        : p.expectedAttainment - Math.min(1, p.attainment);
    },
  );
  const shown = sorted.slice(0, ATTENTION_ITEMS);
  const rest = sorted.length - shown.length;
  return {
    items: shown.map((e): AttentionItem => {
      const p = progressOf(e)!;
      if (e.kind === 'kpi') {
        const kpi = kpiView(ctx, e.metric);
        return {
          kind: 'kpi',
          id: kpi.id,
          name: kpi.name,
          owner: kpi.owner,
          status: kpi.status,
          statusWhy: kpi.statusWhy,
          figure: `${l.latest} ${kpi.latest} · ${kpi.target}`,
          href: ctx.kpiHref(e.metric),
        };
      }
      const kr = e.metric;
      // The card's own headline figure: a milestone's due date, a bar's latest reading against it (its status counts
      // the months met, said beside it), else the attainment.
      let figure: string;
      if (kr.type === 'milestone') figure = kr.due ? ph.milestoneDue(f.date(kr.due)) : ph.milestoneOpen();
      else if (kr.type === 'threshold' && kr.target !== null) {
        const bar = `${kr.direction === 'decrease' ? '≤' : '≥'} ${f.planValue(kr.target, kr.unit)}`;
        const [latest] = f.compared(
          [{ value: p.current }, { value: kr.target, plan: true }],
          [{ a: 0, b: 1, reach: kr.direction }],
          kr.unit,
        );
        figure = `${l.latest} ${latest} · ${bar}`;
      } else figure = `${l.attainment} ${f.percent(p.attainment)}`;
      return {
        kind: 'kr',
        id: kr.id,
        name: kr.title,
        owner: ownerNameOf(ctx.plan, kr),
        status: ctx.status(p.status),
        statusWhy: monthsMetText(ctx, p),
        figure,
        href: ctx.krHref(kr.id),
      };
    }),
    more: rest > 0 ? ph.more(rest, f.count(rest)) : '',
    // A one-page plan's cards are all on it; a large plan's are on each department's page, worst first, which the
    // departments section lists by status.
    moreHref: rest > 0 ? (ctx.large ? '#departments' : '#key-results') : '',
    none: sorted.length === 0 ? l.nothingOffTrack : '',
  };
}
