/**
 * A key result's card (headline, facts, bar, chart data and its table) and a KPI's entry. Every figure is the
 * one shared/progress.ts computed: the current value, the amount checked in, the running totals per month, the
 * done-on date, the months met; nothing here re-adds months or re-scans Actuals.
 */
import { monthIndex } from '../../shared/calendar';
import { isPercentUnit, scaledUnit } from '../../shared/cells';
import type { KeyResult, Kpi } from '../../shared/plan';
import { ownerNameOf } from '../../shared/plan-index';
import type { MetricProgress } from '../../shared/progress';
import { columnDef, enumLabel, type MetricType } from '../../shared/template';
import { clamp100, lower, monthStart, type Context } from './context';
import type { Fact, FigureView, KrCardView, KrChartData, PyramidKpi, Table } from './types';

/**
 * Why a bar to meet every month (a KPI, a threshold key result) has its status, said beside it: "met in 3 of 8
 * months". The status counts the months met (method.md, attainment of a threshold), while the figures show the
 * latest reading alone, so "6,200 (bar ≥ 5,000) · off track" read as a mistake. '' for any other metric, and
 * before a month is judged.
 */
export function monthsMetText(ctx: Context, p: MetricProgress | undefined): string {
  if (!p || p.monthsJudged === null || p.monthsJudged === 0) return '';
  return ctx.p.monthsMet(ctx.f.count(p.monthsMet ?? 0), p.monthsJudged, ctx.f.count(p.monthsJudged));
}

// ---------------------------------------------------------------------------------------------------
// Key results

/**
 * The key result's Type, or null when its cell could not be read (KeyResult.unreadType): then it is judged as none,
 * and nothing on its card is said as of a type (the default stands in the plan only so that the field is set).
 */
const readType = (kr: KeyResult): MetricType | null => (kr.unreadType === undefined ? kr.type : null);

function targetText(ctx: Context, kr: KeyResult): string {
  const { f } = ctx;
  if (kr.target === null) return ctx.missingTargetText('kr', kr.id);
  switch (readType(kr)) {
    case 'milestone':
      return ctx.p.milestoneDue(f.date(kr.due));
    case 'level':
      return `${f.planValue(kr.baseline, kr.unit)} → ${f.planValue(kr.target, kr.unit)}`;
    case 'threshold':
      // A Direction not read has no side of the bar: the target alone, not the default's ≥.
      return kr.unreadDirection !== undefined
        ? f.planValue(kr.target, kr.unit)
        : `${kr.direction === 'decrease' ? '≤' : '≥'} ${f.planValue(kr.target, kr.unit)}`;
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
    unitMultiple: scaledUnit(kr.unit) !== undefined,
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
  const type = readType(kr);
  const head = [l.month, type ? ctx.p.targetPath(type) : l.target, l.actual, ctx.p.forecastLabel()];
  // A month's actual, and its forecast, are read against that row's target (a threshold's: the bar, as the plan
  // states it): neither may read as meeting a bar it misses ("May 2026 | 20% | 20%" for a bar of 20% missed at
  // 19.6%), nor two figures that differ the same (shared/figures.ts comparedTexts).
  const threshold = kr.type === 'threshold';
  const reach = threshold ? kr.direction : undefined;
  const row = (month: string, target: number | null, actual: number | null, forecast: number | null) => [
    f.month(month),
    ...f.compared(
      [{ value: target, plan: threshold }, { value: actual }, { value: forecast }],
      [
        { a: 1, b: 0, reach },
        { a: 2, b: 0, reach: kr.direction },
      ],
      kr.unit,
    ),
  ];
  if (chart) {
    const forecastAt = new Map(chart.forecast.slice(1).map((x) => [x.month, x.value]));
    return {
      head,
      rows: chart.points.map((x) =>
        row(x.month.slice(0, 7), x.target, x.actual, forecastAt.get(x.month) ?? null),
      ),
    };
  }
  // No chart (milestones, missing dates): the months of the window as they are.
  const months = (p?.months ?? []).filter(
    (m) => (!p?.start || m.month >= p.start) && (!p?.due || m.month <= p.due),
  );
  return {
    head,
    rows: months.map((m) => row(m.month, m.target, m.actual, null)),
  };
}

/**
 * The key result's Weight, where the key results of its objective weigh differently (with equal weights it says
 * nothing): "3 of 7 in O1", so that the objective's attainment, their weighted mean, reads from its cards.
 */
function weightFact(ctx: Context, kr: KeyResult): Fact | null {
  const objective = ctx.objectives.get(lower(kr.objectiveId));
  const siblings = objective ? ctx.krsByObjective.get(lower(objective.id)) : undefined;
  if (!objective || !siblings || siblings.every((k) => k.weight === siblings[0].weight)) return null;
  const total = siblings.reduce((sum, k) => sum + k.weight, 0);
  return {
    label: columnDef('keyResults', 'weight').label[ctx.options.lang],
    value: ctx.f.planValue(kr.weight, ''),
    note: ctx.p.weightOf(ctx.f.planValue(total, ''), objective.id),
  };
}

/** The month of a level's or a bar's latest counted reading, through the judged month; null before any. */
function latestReadingMonth(p: MetricProgress | undefined): string | null {
  if (!p?.throughMonth) return null;
  let latest: string | null = null;
  for (const m of p.months) if (m.month <= p.throughMonth && m.actual !== null) latest = m.month;
  return latest;
}

export function krCard(ctx: Context, kr: KeyResult): KrCardView {
  const { f, l, p: ph } = ctx;
  const p = ctx.krProgress.get(lower(kr.id));
  const status = p?.status ?? 'no-data';
  const objective = ctx.objectives.get(lower(kr.objectiveId));
  const anchor = ctx.krAnchors.get(lower(kr.id))!;
  const unit = kr.unit;
  const type = readType(kr);
  const milestone = type === 'milestone';
  const through = p?.throughMonth ? ph.through(f.month(p.throughMonth)) : '';
  // A level or a bar stands at its latest reading, which is the judged month's only when that month has one: "90%
  // through October" read as October's where September's reading is the latest (October's not in yet).
  const readingMonth = type === 'level' || type === 'threshold' ? latestReadingMonth(p) : null;
  const currentThrough = readingMonth ? ph.through(f.month(readingMonth)) : through;

  let headline: string;
  let headlineNote: string;
  const leftOut = ctx.leftOutLine('kr', kr.id);
  if (leftOut) {
    headline = ph.leftOutHeadline();
    headlineNote = '';
  } else if (milestone) {
    // Done, on the day; done after its due month, late on the day (never counted: missed, its score 0, but never "not
    // done yet"); else not yet, and its due date is the Target's, said once (it was said twice, here too).
    const doneAt = p?.doneOn ?? null;
    const doneLate = p?.doneLateOn ?? null;
    headline = doneAt
      ? ph.milestoneDone(f.date(doneAt))
      : doneLate
        ? ph.milestoneDoneLate(f.date(doneLate))
        : ph.milestoneOpen();
    headlineNote = '';
  } else {
    headline = f.percent(p?.attainment ?? null);
    // A level's attainment is that of its latest reading; a bar's, the months met through the judged month.
    const attainmentThrough = type === 'level' ? currentThrough : through;
    headlineNote = `${l.attainment}${attainmentThrough ? ` · ${attainmentThrough}` : ''}`;
  }

  const facts: Fact[] = [
    {
      label: l.target,
      value: targetText(ctx, kr),
      note: kr.due && !milestone ? `${l.due} ${f.date(kr.due)}` : '',
    },
  ];
  if (!milestone) {
    // Where the metric stands is read against its target (for a threshold, the bar to meet) and against where the
    // plan expected it by now; the forecast against the target. Neither may read as meeting a target it misses
    // ("Current value 20%" under "off track" for 19.96% against ≥ 20%), nor two figures that differ the same
    // ("Current value 24%" beside "Expected by now 24%" for 23.5% against 24.04%): shared/figures.ts comparedTexts.
    // A bar to meet (threshold) has no expected value: its share of months met is what is expected.
    const expectedValue = type !== 'threshold' && p?.expected !== null && p?.expected !== undefined;
    const [currentText, expectedText, forecastText] = f.compared(
      [
        { value: p?.current ?? null },
        { value: expectedValue ? p!.expected : null },
        { value: p?.forecast ?? null },
        { value: kr.target, plan: true },
      ],
      [
        { a: 0, b: 3, reach: kr.direction },
        { a: 0, b: 1 },
        { a: 2, b: 3, reach: kr.direction },
      ],
      unit,
    );
    // The two figures of progress, under the labels plan.json and the docs use: where the metric stands, and
    // (cumulative) the amount checked in that brought it there from the baseline (the same text where it is the
    // same amount, from a baseline of 0).
    facts.push({ label: l.currentValue, value: currentText, note: currentThrough });
    if (type === 'cumulative') {
      const checkedIn = p?.actualToDate ?? null;
      facts.push({
        label: l.checkedIn,
        value: checkedIn !== null && checkedIn === p?.current ? currentText : f.value(checkedIn, unit),
        note: kr.baseline !== 0 ? `${l.baseline} ${f.planValue(kr.baseline, unit)}` : '',
      });
    }
    // Where the plan expected the metric by now, in its unit, beside the current value it is read against (a
    // key result in % showed "Current value 86%" beside "Expected by now 83%", an attainment, which read as ahead
    // where it stood below the expected 87%); the attainment that means goes in the note, as the forecast's does.
    const expectedAttainment = f.percent(p?.expectedAttainment ?? null);
    // A bar to meet is expected to be met every month: the bar, as plan.json's `expected` is, with the share of months
    // expected in the note (a bare "100%" under "Expected by now" read as 100% uptime or 100% growth).
    const bar = type === 'threshold' && kr.target !== null;
    facts.push({
      label: l.expectedToDate,
      value: expectedValue ? expectedText : bar ? targetText(ctx, kr) : expectedAttainment,
      note:
        (expectedValue || bar) && p?.expectedAttainment != null
          ? `${l.attainment} ${expectedAttainment}`
          : '',
    });
    facts.push({
      label: l.forecast,
      value: forecastText,
      note:
        p?.forecastAttainment !== null && p?.forecastAttainment !== undefined
          ? `${l.attainment} ${f.percent(p.forecastAttainment)}`
          : '',
    });
  }
  facts.push({ label: l.score, value: f.score(p?.score ?? null), note: p?.scoreFinal ? l.finalScore : '' });
  const weight = weightFact(ctx, kr);
  if (weight) facts.push(weight);
  if (kr.confidence !== null) facts.push({ label: l.confidence, value: f.percent(kr.confidence), note: '' });

  const chartForTable = p ? krChart(ctx, kr, p) : null;
  const chart = ctx.charts ? chartForTable : null;
  // The caption says what the chart draws and nothing else: the actuals' line only where there are actuals, the
  // forecast's only where it is drawn (not once the due month is checked in, nor before any check-in), and no
  // caption at all where no chart is drawn (a milestone, a key result left out, a plan over the chart limit).
  const forecastTo = chart?.forecast.at(-1)?.month.slice(0, 7) ?? null;
  const figure: FigureView = {
    id: `chart-${anchor}`,
    caption: chart
      ? ph.chartCaption(
          kr.id,
          chart.kind,
          chart.points.some((x) => x.actual !== null),
          forecastTo ? f.month(forecastTo) : '',
        )
      : '',
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
    // A Type not read is shown as typed, marked as not understood, as a roadmap item's Status is (roadmapTable).
    type: type
      ? enumLabel('type', type, ctx.lang)
      : { text: kr.unreadType ?? '', unread: l.unreadStatus, note: l.unreadTypeNote },
    status: ctx.status(status),
    statusWhy: leftOut ? '' : monthsMetText(ctx, p),
    headline,
    headlineNote,
    dates: [
      kr.due ? f.date(kr.due) : '',
      milestone && p?.doneOn ? f.date(p.doneOn) : '',
      milestone && p?.doneLateOn ? f.date(p.doneLateOn) : '',
      p?.throughMonth ? f.month(p.throughMonth) : '',
      readingMonth ? f.month(readingMonth) : '',
    ].filter(Boolean),
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
  // A Direction not read has no side of the bar: the target alone, not the default's ≥ (see KeyResult.unreadType).
  const bar =
    kpi.target === null
      ? ctx.missingTargetText('kpi', kpi.id)
      : kpi.unreadDirection !== undefined
        ? ctx.f.planValue(kpi.target, kpi.unit)
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
    anchor: ctx.kpiAnchors.get(lower(kpi.id)) ?? '',
    name: kpi.name,
    owner: ownerNameOf(ctx.plan, kpi),
    target: bar,
    latest,
    leftOut,
    status: ctx.status(p?.status ?? 'no-data'),
    statusWhy: leftOut ? '' : monthsMetText(ctx, p),
  };
}
