/**
 * A key result's card (headline, facts, bar, chart data and its table) and a KPI's entry. Every figure is the
 * one shared/progress.ts computed: the current value, the amount checked in, the running totals per month, the
 * done-on date, the months met; nothing here re-adds months or re-scans Actuals.
 */
import { monthIndex } from '../../shared/calendar';
import { isPercentUnit } from '../../shared/cells';
import type { KeyResult, Kpi } from '../../shared/plan';
import { ownerNameOf } from '../../shared/plan-index';
import type { MetricProgress } from '../../shared/progress';
import { enumLabel } from '../../shared/template';
import { clamp100, lower, monthStart, type Context } from './context';
import type { Fact, FigureView, KrCardView, KrChartData, PyramidKpi, Table } from './types';

/**
 * Why a bar to meet every month (a KPI, a threshold key result) has its status, said beside it: "met in 3 of 8
 * months". The status counts the months met (method.md, attainment of a threshold), while the figures show the
 * latest reading alone, so "6,200 (bar ≥ 5,000) · off track" read as a mistake. '' for any other metric, and
 * before a month is judged.
 */
function monthsMetText(ctx: Context, p: MetricProgress | undefined): string {
  if (!p || p.monthsJudged === null || p.monthsJudged === 0) return '';
  return ctx.p.monthsMet(ctx.f.count(p.monthsMet ?? 0), p.monthsJudged, ctx.f.count(p.monthsJudged));
}

// ---------------------------------------------------------------------------------------------------
// Key results

function targetText(ctx: Context, kr: KeyResult): string {
  const { f } = ctx;
  if (kr.target === null) return ctx.targetRefused('kr', kr.id) ? ctx.l.notRead : ctx.l.notSet;
  switch (kr.type) {
    case 'milestone':
      return ctx.p.milestoneDue(f.date(kr.due));
    case 'level':
      return `${f.planValue(kr.baseline, kr.unit)} → ${f.planValue(kr.target, kr.unit)}`;
    case 'threshold':
      return `${kr.direction === 'decrease' ? '≤' : '≥'} ${f.planValue(kr.target, kr.unit)}`;
    default:
      return f.planValue(kr.target, kr.unit);
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
    percent: isPercentUnit(kr.unit),
    currency: ctx.f.currencyOf(kr.unit),
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
  const head = [l.month, ctx.p.targetPath(kr.type), l.actual, ctx.p.forecastLabel()];
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

export function krCard(ctx: Context, kr: KeyResult): KrCardView {
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
  const leftOut = ctx.leftOutLine('kr', kr.id);
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
        note: kr.baseline !== 0 ? `${l.baseline} ${f.planValue(kr.baseline, unit)}` : '',
      });
    }
    // Where the plan expected the metric by now, in its unit, beside the current value it is read against (a
    // key result in % showed "Current value 86%" beside "Expected by now 83%", an attainment, which read as ahead
    // where it stood below the expected 87%); the attainment that means goes in the note, as the forecast's does.
    // A bar to meet (threshold) has no expected value: its share of months met is what is expected.
    const expectedValue = kr.type !== 'threshold' && p?.expected !== null && p?.expected !== undefined;
    const expectedAttainment = f.percent(p?.expectedAttainment ?? null);
    facts.push({
      label: l.expectedToDate,
      value: expectedValue ? f.value(p!.expected, unit) : expectedAttainment,
      note: expectedValue && p?.expectedAttainment != null ? `${l.attainment} ${expectedAttainment}` : '',
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
    owner: ownerNameOf(ctx.plan, kr),
    objective: objective ? `${objective.id} · ${objective.title}` : kr.objectiveId,
    type: enumLabel('type', kr.type, ctx.lang),
    status: ctx.status(status),
    statusWhy: leftOut ? '' : monthsMetText(ctx, p),
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

export function kpiView(ctx: Context, kpi: Kpi): PyramidKpi {
  const p = ctx.kpiProgress.get(lower(kpi.id));
  const bar =
    kpi.target === null
      ? ctx.targetRefused('kpi', kpi.id)
        ? ctx.l.notRead
        : ctx.l.notSet
      : `${kpi.direction === 'decrease' ? '≤' : '≥'} ${ctx.f.planValue(kpi.target, kpi.unit)}`;
  // The latest reading alone, beside the bar as the KPI's Target figure: "latest 4,900 ≥ 5,000" read as a claim
  // when it missed the bar. A reading that misses the bar but rounds onto it or past it is shown with the decimals
  // that tell them apart: "latest 19.5%" beside "≥ 20%", and 19.55% beside "≥ 19.6%", never "20%" (the status's own
  // test of the bar, reachesBar, decides what missed). The rule of every figure read against its bar, the key
  // result's card and table included (shared/figures.ts comparedTexts).
  const [latest] = ctx.f.compared(
    [{ value: p?.current ?? null }, { value: kpi.target, plan: true }],
    [{ a: 0, b: 1, reach: kpi.direction }],
    kpi.unit,
  );
  const leftOut = ctx.leftOutLine('kpi', kpi.id);
  return {
    id: kpi.id,
    name: kpi.name,
    owner: ownerNameOf(ctx.plan, kpi),
    target: bar,
    latest,
    leftOut,
    status: ctx.status(p?.status ?? 'no-data'),
    statusWhy: leftOut ? '' : monthsMetText(ctx, p),
  };
}
