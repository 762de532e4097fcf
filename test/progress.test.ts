/**
 * Progress and status on the example plan, with every expected number worked out by hand from the example's data
 * (shared/example.ts) and the rules of shared/progress.ts. The arithmetic is in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  AT_RISK_PACE,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  ON_TRACK_PACE,
  parsePlan,
  planProgress,
  type MetricProgress,
  type PlanProgress,
  type Workbook,
  judgedMonth,
  decompose,
  keyResultSpec,
  checkPlan,
  visitJudgedMonths,
  type Plan,
} from '../shared';
import { addRow, colOf, setCell } from './helpers/edit';
import { readProgress } from '../shared/progress';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';

const KR = 'Key Results';

function progressOf(wb: Workbook, asOf = EXAMPLE_AS_OF): PlanProgress {
  const { plan, issues } = parsePlan(wb);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return planProgress(plan, asOf);
}

const metric = (p: PlanProgress, id: string): MetricProgress =>
  [...p.keyResults, ...p.kpis].find((m) => m.id === id)!;

/** Remove one check-in row (metric, month). */
function dropActual(wb: Workbook, id: string, month: string) {
  const actuals = wb['Actuals'];
  const i = actuals.findIndex((r) => r[1] === id && String(r[0]).startsWith(month));
  expect(i).toBeGreaterThan(0);
  actuals.splice(i, 1);
}

function setActual(wb: Workbook, id: string, month: string, value: number) {
  const actuals = wb['Actuals'];
  const row = actuals.find((r) => r[1] === id && String(r[0]).startsWith(month))!;
  row[colOf(actuals, 'Value')] = value;
}

describe(`the example plan as of ${EXAMPLE_AS_OF}`, () => {
  const p = progressOf(exampleWorkbook('en'));

  it('KR1: USD 1,000,000 ramp-up over March–August, finished', () => {
    // Due in August, so the last month judged is August even though October is the last completed month.
    // current = 40k + 90k + 150k + 170k + 210k + 260k = 920,000; expected by end of August = the whole 1,000,000.
    // attainment = 920,000 / 1,000,000 = 0.92. Its due month is judged and it fell short: missed, with the final
    // score round(9.2)/10 = 0.9.
    // Forecast: no month left after August, so the forecast is the current value.
    expect(metric(p, 'KR1')).toMatchObject({
      throughMonth: '2026-08',
      current: 920_000,
      expected: 1_000_000,
      attainment: 0.92,
      expectedAttainment: 1,
      status: 'missed',
      forecast: 920_000,
      forecastAttainment: 0.92,
      score: 0.9,
      scoreFinal: true,
      missingCheckIn: null,
    });
  });

  it('KR2: 50,000 sign-ups even over March–December', () => {
    // current = 3200 + 4100 + 4800 + 5200 + 5600 + 5100 + 4700 + 4900 = 37,600.
    // expected by end of October (8th of 10 months) = 50,000 × 8/10 = 40,000.
    // attainment 37,600/50,000 = 0.752; expected 0.8; pace 0.94: on track.
    // Run rate of the last 3 months (5100 + 4700 + 4900)/3 = 4,900 for 2 more months: 37,600 + 9,800 = 47,400 (0.948).
    expect(metric(p, 'KR2')).toMatchObject({
      throughMonth: '2026-10',
      current: 37_600,
      expected: 40_000,
      status: 'on-track',
      forecast: 47_400,
      score: 0.8,
      scoreFinal: false,
    });
    expect(metric(p, 'KR2').attainment).toBeCloseTo(0.752, 12);
    expect(metric(p, 'KR2').expectedAttainment).toBeCloseTo(0.8, 12);
    expect(metric(p, 'KR2').forecastAttainment).toBeCloseTo(0.948, 12);
    // Each month: its target from the decomposition and its actual.
    expect(metric(p, 'KR2').months.map((m) => [m.target, m.actual])).toEqual([
      [0, null],
      [0, null],
      [5000, 3200],
      [5000, 4100],
      [5000, 4800],
      [5000, 5200],
      [5000, 5600],
      [5000, 5100],
      [5000, 4700],
      [5000, 4900],
      [5000, null],
      [5000, null],
    ]);
  });

  it('KR3: conversion from 5% to 20%, a level, behind', () => {
    // Level path: October is month 8 of 10, so 0.05 + 0.15 × 8/10 = 0.17 expected. Latest reading 0.13.
    // attainment (0.13 - 0.05)/0.15 = 0.5333; expected (0.17 - 0.05)/0.15 = 0.8; pace 0.667 < 0.7: off track.
    // Trend: least-squares slope through Aug 0.12, Sep 0.12, Oct 0.13 = (−1·(−0.00333) + 1·0.00667)/2 = 0.005 a month;
    // 2 months to December: 0.13 + 0.01 = 0.14, attainment 0.09/0.15 = 0.6. Score round(5.33)/10 = 0.5.
    const kr3 = metric(p, 'KR3');
    expect(kr3).toMatchObject({ current: 0.13, expected: 0.17, status: 'off-track', score: 0.5 });
    expect(kr3.attainment).toBeCloseTo(0.08 / 0.15, 12);
    expect(kr3.expectedAttainment).toBeCloseTo(0.8, 12);
    expect(kr3.forecast).toBeCloseTo(0.14, 12);
    expect(kr3.forecastAttainment).toBeCloseTo(0.6, 12);
  });

  it('KR4: the v1.0 release milestone, done', () => {
    expect(metric(p, 'KR4')).toMatchObject({
      current: 1,
      attainment: 1,
      status: 'done',
      score: 1,
      scoreFinal: true,
    });
  });

  it('KR5: answer accuracy from 70% to 90% over the year', () => {
    // October is month 10 of 12: 0.7 + 0.2 × 10/12 = 0.866666… rounded to 4 places = 0.8667. Reading 0.86.
    // attainment 0.16/0.2 = 0.8; expected 0.1667/0.2 = 0.8335; pace 0.96: on track.
    // Trend through 0.83, 0.84, 0.86: slope (0.01333 + 0.01667)/2 = 0.015; 0.86 + 2 × 0.015 = 0.89 (0.95).
    const kr5 = metric(p, 'KR5');
    expect(kr5).toMatchObject({ current: 0.86, expected: 0.8667, status: 'on-track', score: 0.8 });
    expect(kr5.attainment).toBeCloseTo(0.8, 12);
    expect(kr5.expectedAttainment).toBeCloseTo(0.8335, 12);
    expect(kr5.forecast).toBeCloseTo(0.89, 12);
    expect(kr5.forecastAttainment).toBeCloseTo(0.95, 12);
  });

  it('KPIs: the share of elapsed months that met the bar', () => {
    // KPI1 (≥ 5% growth) over KR1's window March–August: April–August all ≥ 0.05, March has no figure: 5/6 → at risk.
    const kpi1 = metric(p, 'KPI1');
    expect(kpi1).toMatchObject({
      start: '2026-03',
      due: '2026-08',
      throughMonth: '2026-08',
      current: 0.24,
      expected: 0.05,
      status: 'at-risk',
      score: 0.8,
    });
    expect(kpi1.attainment).toBeCloseTo(5 / 6, 12);
    // KPI2 (≤ 1 hour, lower is better) over KR3's window March–October so far:
    // 2.5, 1.8, 1.2, 0.9, 0.8, 0.9, 1.1, 0.7 → 4 of 8 at or under 1 hour = 0.5 → off track.
    expect(metric(p, 'KPI2')).toMatchObject({
      direction: 'decrease',
      attainment: 0.5,
      expectedAttainment: 1,
      status: 'off-track',
      score: 0.5,
    });
    // KPI3 (≥ 5,000 sign-ups a month): 5200, 5600, 5100 of 8 months = 0.375 → off track, score round(3.75)/10 = 0.4.
    expect(metric(p, 'KPI3')).toMatchObject({ attainment: 0.375, status: 'off-track', score: 0.4 });
    // The bar is the same every month of the window and absent outside it.
    expect(metric(p, 'KPI3').months.map((m) => m.target)).toEqual([
      null,
      null,
      5000,
      5000,
      5000,
      5000,
      5000,
      5000,
      5000,
      5000,
      5000,
      5000,
    ]);
  });

  it('objectives and departments: weighted means of their key results, each capped at 100%', () => {
    // O1 (weights 1, 1, 1): (0.92 + 0.752 + 0.5333)/3 = 0.73511; expected (1 + 0.8 + 0.8)/3 = 0.86667; pace 0.848: at risk.
    expect(p.objectives.O1.status).toBe('at-risk');
    expect(p.objectives.O1.metrics).toBe(3);
    expect(p.objectives.O1.attainment).toBeCloseTo((0.92 + 0.752 + 0.08 / 0.15) / 3, 12);
    expect(p.objectives.O1.expectedAttainment).toBeCloseTo(2.6 / 3, 12);
    // O2: (1 + 0.8)/2 = 0.9; expected (1 + 0.8335)/2 = 0.91675: on track.
    expect(p.objectives.O2.status).toBe('on-track');
    expect(p.objectives.O2.attainment).toBeCloseTo(0.9, 12);
    expect(p.objectives.O2.expectedAttainment).toBeCloseTo(0.91675, 12);
    expect(p.departments['R&D']).toMatchObject({ status: 'on-track', metrics: 2, kind: 'kr' });
    expect(p.departments['R&D'].attainment).toBeCloseTo(0.9, 12);
    expect(p.departments.Operations.status).toBe('off-track');
    // Support owns no key result, so its KPI speaks for it: KPI2 (first response ≤ 1 hour) met the bar in
    // June, July, August and October, 4 of the 8 months March–October: 0.5 against 1 expected, off track.
    expect(p.departments.Support).toEqual({
      attainment: 0.5,
      expectedAttainment: 1,
      status: 'off-track',
      metrics: 1,
      kind: 'kpi',
      measured: 1,
    });
  });

  it('the pace bands are the documented constants', () => {
    expect([ON_TRACK_PACE, AT_RISK_PACE]).toEqual([0.9, 0.7]);
  });

  it('the Chinese workbook gives the same numbers', () => {
    const zh = progressOf(exampleWorkbook('zh-CN'));
    const strip = (m: MetricProgress) => ({ ...m, name: '', owner: '', unit: '' });
    expect(zh.keyResults.map(strip)).toEqual(p.keyResults.map(strip));
    expect(zh.kpis.map(strip)).toEqual(p.kpis.map(strip));
    expect(zh.departments['研发']).toEqual(p.departments['R&D']);
  });
});

describe('expected-to-date comes from the decomposition, not from linear time', () => {
  it('a ramp-up plan expects little early on', () => {
    const p = progressOf(exampleWorkbook('en'), '2026-06-15');
    const kr1 = metric(p, 'KR1');
    // Ramp-up over n = 6 months: the share by month k is k(k+1)/(n(n+1)). By May (k = 3): 12/42 = 0.285714…
    // Expected 1,000,000 × 12/42 = 285,714.29 (cents); linear time would say 3/6 = 500,000.
    expect(kr1.throughMonth).toBe('2026-05');
    expect(kr1.expected).toBe(285_714.29);
    expect(kr1.expectedAttainment).toBeCloseTo(0.28571429, 10);
    // 40k + 90k + 150k = 280,000 is 0.28: pace 0.98, on track (linear time would call it 0.56: off track).
    expect(kr1.current).toBe(280_000);
    expect(kr1.status).toBe('on-track');
    // The monthly targets are differences of rounded cumulative shares 2/42, 6/42, 12/42, 20/42, 30/42, 42/42 of
    // 1,000,000: 47,619.05, 142,857.14, 285,714.29, 476,190.48, 714,285.71, 1,000,000 (to the cent, in floating point).
    const expected = [47_619.05, 95_238.09, 142_857.15, 190_476.19, 238_095.23, 285_714.29];
    kr1.months.slice(2, 8).forEach((m, i) => expect(m.target).toBeCloseTo(expected[i], 9));
    expect(kr1.months.map((m) => m.target ?? 0).reduce((a, b) => a + b, 0)).toBeCloseTo(1_000_000, 6);
  });

  it('a ramp-up level expects less than an even one', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Phasing', 'ramp-up');
    const kr3 = metric(progressOf(wb), 'KR3');
    // Share by October (k = 8 of 10): 8·9/(10·11) = 0.654545; 0.05 + 0.15 × 0.654545 = 0.148182 → 0.1482.
    // Expected attainment (0.1482 − 0.05)/0.15 = 0.654667; pace 0.5333/0.654667 = 0.81: at risk, not off track.
    expect(kr3.expected).toBe(0.1482);
    expect(kr3.expectedAttainment).toBeCloseTo(0.0982 / 0.15, 12);
    expect(kr3.status).toBe('at-risk');
  });
});

describe('attainment', () => {
  it('is uncapped: beating the target gives more than 1, and the status is done', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Target', 30_000);
    const p = progressOf(wb);
    // 37,600 / 30,000 = 1.2533…
    expect(metric(p, 'KR2').attainment).toBeCloseTo(37_600 / 30_000, 12);
    expect(metric(p, 'KR2')).toMatchObject({ status: 'done', score: 1 });
    // In the objective's roll-up KR2 counts as 1, not 1.25: (0.92 + 1 + 0.5333)/3.
    expect(p.objectives.O1.attainment).toBeCloseTo((0.92 + 1 + 0.08 / 0.15) / 3, 12);
  });

  it('a threshold reading at the bar but for float noise meets it, as the sheet shows it', () => {
    const wb = exampleWorkbook('en');
    const actuals = wb['Actuals'];
    // KPI2's 0.8-hour month, computed in the sheet as 2.2 − 1.2 hours: 1.0000000000000002, shown as 1.
    const i = actuals.findIndex((r) => r[1] === 'KPI2' && r[2] === 0.8);
    expect(i).toBeGreaterThan(0);
    actuals[i][2] = 2.2 - 1.2;
    expect(actuals[i][2]).toBeGreaterThan(1);
    // Still 4 of the 8 months at or under 1 hour (2.5, 1.8, 1.2, 0.9, "1", 0.9, 1.1, 0.7).
    expect(metric(progressOf(wb), 'KPI2')).toMatchObject({ monthsMet: 4, monthsJudged: 8, attainment: 0.5 });
    // And a bar to reach: KPI1 (growth ≥ 5%) with every reading 0.15 − 0.1 = 0.04999999999999999: every month
    // with a reading meets it (5 of the 6 judged; one month has none).
    for (const row of actuals) if (row[1] === 'KPI1') row[2] = 0.15 - 0.1;
    const kpi1 = metric(progressOf(wb), 'KPI1');
    expect(kpi1.months.filter((m) => m.actual !== null)).toHaveLength(5);
    expect(kpi1).toMatchObject({ monthsMet: 5, monthsJudged: 6 });
  });

  it('is 0, not negative, on the wrong side of the baseline', () => {
    const wb = exampleWorkbook('en');
    setActual(wb, 'KR3', '2026-10', 0.04); // below the 5% baseline
    const kr3 = metric(progressOf(wb), 'KR3');
    expect(kr3).toMatchObject({ current: 0.04, attainment: 0, status: 'off-track', score: 0 });
  });

  it('runs the other way for a decrease', () => {
    const wb = exampleWorkbook('en');
    addRow(wb, KR, {
      ID: 'KR6',
      Objective: 'O2',
      'Key result': 'Churn from 10% to 4%',
      Owner: 'Support',
      Type: 'level',
      Unit: '%',
      Direction: 'decrease',
      Baseline: '10%',
      Target: '4%',
      Start: '2026-01-01',
      Due: '2026-12-31',
      Phasing: 'even',
    });
    addRow(wb, 'Actuals', { Date: '2026-10-30', Metric: 'KR6', Value: '7%' });
    let kr6 = metric(progressOf(wb), 'KR6');
    // Path 0.10 → 0.04: by October (10 of 12) 0.1 − 0.06 × 10/12 = 0.05.
    // attainment (0.10 − 0.07)/(0.10 − 0.04) = 0.5; expected (0.10 − 0.05)/0.06 = 0.8333; pace 0.6: off track.
    expect(kr6.expected).toBeCloseTo(0.05, 12);
    expect(kr6.attainment).toBeCloseTo(0.5, 12);
    expect(kr6.expectedAttainment).toBeCloseTo(0.05 / 0.06, 12);
    expect(kr6.status).toBe('off-track');
    // Worse than the baseline is 0.
    wb['Actuals'][wb['Actuals'].length - 1][2] = 0.12;
    kr6 = metric(progressOf(wb), 'KR6');
    expect(kr6.attainment).toBe(0);
  });

  it('for a threshold is the share of elapsed months that met the bar, missing months counting as missed', () => {
    const wb = exampleWorkbook('en');
    // KPI2's March reading (2.5 hours) gone: still 4 of 8 months met, but March is now missing rather than missed.
    dropActual(wb, 'KPI2', '2026-03');
    expect(metric(progressOf(wb), 'KPI2').attainment).toBe(0.5);
    // Two more months meet the bar (1.8 → 0.9 in April, 1.2 → 1 in May: "at most 1" includes 1): 6/8.
    setActual(wb, 'KPI2', '2026-04', 0.9);
    setActual(wb, 'KPI2', '2026-05', 1);
    const kpi2 = metric(progressOf(wb), 'KPI2');
    expect(kpi2.attainment).toBe(0.75);
    // pace 0.75 ≥ 0.7: at risk.
    expect(kpi2.status).toBe('at-risk');
  });

  it('for a milestone is 0 until done and 1 when done', () => {
    const wb = exampleWorkbook('en');
    dropActual(wb, 'KR4', '2026-03');
    // Before its window (January): not started, and no score yet, as any key result not started (method §9).
    expect(metric(progressOf(wb, '2025-12-15'), 'KR4')).toMatchObject({
      status: 'not-started',
      attainment: 0,
      score: null,
    });
    // Under way, not due yet: on track at 0, scored 0.
    expect(metric(progressOf(wb, '2026-02-15'), 'KR4')).toMatchObject({
      status: 'on-track',
      attainment: 0,
      expected: 0,
      score: 0,
    });
    // Due in March and not done by April: missed, score 0, final.
    expect(metric(progressOf(wb, '2026-04-15'), 'KR4')).toMatchObject({
      status: 'missed',
      attainment: 0,
      expected: 1,
      score: 0,
      scoreFinal: true,
    });
    // A check-in of 1 after the due month is late: it does not count, the milestone stays missed.
    const late = addRow(wb, 'Actuals', { Date: '2026-04-20', Metric: 'KR4', Value: 1 });
    expect(metric(progressOf(wb, '2026-05-31'), 'KR4').status).toBe('missed');
    wb['Actuals'].splice(late - 1, 1);
    // In its due month it makes it done, once March is judged (as of its last day), with the day it was done.
    addRow(wb, 'Actuals', { Date: '2026-03-30', Metric: 'KR4', Value: 1 });
    expect(metric(progressOf(wb, '2026-03-30'), 'KR4').status).toBe('on-track'); // March is not judged yet
    expect(metric(progressOf(wb, '2026-03-31'), 'KR4')).toMatchObject({
      status: 'done',
      attainment: 1,
      score: 1,
      doneOn: '2026-03-30',
    });
  });
});

describe('status', () => {
  it('is "no data" when the last completed month has no check-in', () => {
    const wb = exampleWorkbook('en');
    dropActual(wb, 'KR2', '2026-10');
    const kr2 = metric(progressOf(wb), 'KR2');
    // The months before still count: 37,600 − 4,900 = 32,700.
    expect(kr2).toMatchObject({ status: 'no-data', missingCheckIn: '2026-10', current: 32_700 });
    // A level without its latest reading too.
    dropActual(wb, 'KR3', '2026-10');
    expect(metric(progressOf(wb), 'KR3')).toMatchObject({
      status: 'no-data',
      missingCheckIn: '2026-10',
      current: 0.12,
    });
  });

  it('is "not started" before the start, and while the first month is under way', () => {
    const before = progressOf(exampleWorkbook('en'), '2026-02-15');
    for (const id of ['KR1', 'KR2', 'KR3'])
      expect(metric(before, id)).toMatchObject({
        status: 'not-started',
        attainment: null,
        throughMonth: null,
      });
    expect(before.objectives.O1.status).toBe('not-started');
    const firstMonth = progressOf(exampleWorkbook('en'), '2026-03-20');
    expect(metric(firstMonth, 'KR2')).toMatchObject({
      status: 'not-started',
      throughMonth: null,
      current: 0,
      expected: 0,
    });
  });

  it('is judged by pace: attainment over expected attainment, against 0.9 and 0.7, bounds included', () => {
    // KR2 expects 40,000 by October (0.8). March–July add up to 22,900, so pace = (22,900 + Aug + Sep + Oct) / 40,000.
    const expectStatus = (august: number, september: number, october: number, status: string) => {
      const wb = exampleWorkbook('en');
      setActual(wb, 'KR2', '2026-08', august);
      setActual(wb, 'KR2', '2026-09', september);
      setActual(wb, 'KR2', '2026-10', october);
      expect(metric(progressOf(wb), 'KR2').status, `${august}, ${september}, ${october}`).toBe(status);
    };
    expectStatus(5100, 4700, 3300, 'on-track'); // 36,000 / 40,000 = 0.9 exactly: on track ("at or above")
    expectStatus(5100, 4700, 3299, 'at-risk'); // 35,999 / 40,000 = 0.899975
    expectStatus(5100, 0, 0, 'at-risk'); // 28,000 / 40,000 = 0.7 exactly: at risk ("at or above")
    expectStatus(5099, 0, 0, 'off-track'); // 27,999 / 40,000 = 0.699975
  });

  it('is done when the amounts add up to the target, whatever the floating-point sum says', () => {
    const wb = exampleWorkbook('en');
    // USD millions: 0.7 + 0.2 + 0.1 is 1 to a person, 0.9999999999999999 to a computer.
    addRow(wb, KR, {
      ID: 'KR6',
      Objective: 'O2',
      'Key result': 'USD 1m of services',
      Owner: 'Support',
      Type: 'cumulative',
      Unit: 'USD m',
      Target: 1,
      Start: '2026-08-01',
      Due: '2026-12-31',
    });
    addRow(wb, 'Actuals', { Date: '2026-08-31', Metric: 'KR6', Value: 0.7 });
    addRow(wb, 'Actuals', { Date: '2026-09-30', Metric: 'KR6', Value: 0.2 });
    addRow(wb, 'Actuals', { Date: '2026-10-30', Metric: 'KR6', Value: 0.1 });
    const kr6 = metric(progressOf(wb), 'KR6');
    expect(kr6.current).toBeCloseTo(1, 12);
    expect(kr6.status).toBe('done');
    expect(kr6.score).toBe(1);
  });
});

describe('forecast', () => {
  it('carries the recent run rate forward for a cumulative metric', () => {
    const wb = exampleWorkbook('en');
    // Only the last 3 months count: changing March changes the current value but not the rate.
    setActual(wb, 'KR2', '2026-03', 10_000);
    const kr2 = metric(progressOf(wb), 'KR2');
    // current 37,600 − 3,200 + 10,000 = 44,400; + 4,900 × 2 = 54,200; attainment 1.084 (uncapped).
    expect(kr2.current).toBe(44_400);
    expect(kr2.forecast).toBe(54_200);
    expect(kr2.forecastAttainment).toBeCloseTo(1.084, 12);
  });

  it('is none before a month has been judged: there is no pace yet', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Start', '2026-11-01'); // as of 15 November, its first month is under way
    expect(metric(progressOf(wb), 'KR2')).toMatchObject({
      status: 'not-started',
      forecast: null,
      forecastAttainment: null,
    });
  });

  it('carries the recent trend forward for a level', () => {
    const wb = exampleWorkbook('en');
    // Aug 0.12, Sep 0.14, Oct 0.16: slope 0.02 a month; 0.16 + 2 × 0.02 = 0.20 by December, attainment 1.
    setActual(wb, 'KR3', '2026-09', 0.14);
    setActual(wb, 'KR3', '2026-10', 0.16);
    const kr3 = metric(progressOf(wb), 'KR3');
    expect(kr3.forecast).toBeCloseTo(0.2, 12);
    expect(kr3.forecastAttainment).toBeCloseTo(1, 12);
  });

  it('follows the plan’s shape: a ramp-up on plan is forecast to reach its target, not its early run rate', () => {
    // KR1 ramps up over March–August (USD 1,000,000): the plan asks 2/42, 4/42 and 6/42 of it in March–May, 12/42 in
    // all (285,714.29). As of 31 May 280,000 is in (40k + 90k + 150k), 98% of that: at that rate the 714,285.71 the
    // plan asks of June–August gives 700,000, so 980,000. (The run rate, 93,333 a month, said 560,000: 56%, for a
    // key result on track.)
    const kr1 = metric(progressOf(exampleWorkbook('en'), '2026-05-31'), 'KR1');
    expect(kr1).toMatchObject({ current: 280_000, status: 'on-track' });
    expect(kr1.forecast!).toBeCloseTo(980_000, -1);
    expect(kr1.forecastAttainment!).toBeCloseTo(0.98, 4);
  });

  it('never forecasts a level below zero when nothing about it can be (a churn falling fast)', () => {
    const wb = exampleWorkbook('en');
    // KR3 as a churn to cut from 8% to 3%, read 7%, 4% and 1% in August–October: the trend, −3 points a month,
    // carried two more months would be −5%.
    setCell(wb, KR, 'KR3', 'Baseline', 0.08);
    setCell(wb, KR, 'KR3', 'Target', 0.03);
    setCell(wb, KR, 'KR3', 'Direction', 'decrease');
    setActual(wb, 'KR3', '2026-08', 0.07);
    setActual(wb, 'KR3', '2026-09', 0.04);
    setActual(wb, 'KR3', '2026-10', 0.01);
    const kr3 = metric(progressOf(wb), 'KR3');
    expect(kr3.forecast).toBe(0);
    // (8% − 0%) / (8% − 3%): it would beat its target by far, and the figure says so without a negative churn.
    expect(kr3.forecastAttainment).toBeCloseTo(1.6, 12);
  });
});

describe('roll-ups', () => {
  it('weigh key results by the Weight column', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR1', 'Weight', 3);
    setCell(wb, KR, 'KR3', 'Weight', 0);
    const p = progressOf(wb);
    // (3 × 0.92 + 1 × 0.752 + 0 × 0.5333)/4 = 0.878; expected (3 × 1 + 0.8 + 0)/4 = 0.95; pace 0.924: on track.
    expect(p.objectives.O1.attainment).toBeCloseTo(0.878, 12);
    expect(p.objectives.O1.expectedAttainment).toBeCloseTo(0.95, 12);
    expect(p.objectives.O1.status).toBe('on-track');
  });

  it('weigh departments the same way', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR4', 'Weight', 3);
    const p = progressOf(wb);
    // R&D: (3 × 1 + 1 × 0.8)/4 = 0.95; expected (3 × 1 + 0.8335)/4 = 0.958375.
    expect(p.departments['R&D'].attainment).toBeCloseTo(0.95, 12);
    expect(p.departments['R&D'].expectedAttainment).toBeCloseTo(0.958375, 12);
  });

  it('treat all-zero weights as equal weights', () => {
    const wb = exampleWorkbook('en');
    for (const id of ['KR1', 'KR2', 'KR3']) setCell(wb, KR, id, 'Weight', 0);
    expect(progressOf(wb).objectives.O1.attainment).toBeCloseTo((0.92 + 0.752 + 0.08 / 0.15) / 3, 12);
  });

  it('a key result without data never makes its objective look better: it counts with what was checked in', () => {
    const wb = exampleWorkbook('en');
    dropActual(wb, 'KR3', '2026-10');
    const p = progressOf(wb);
    expect(metric(p, 'KR3')).toMatchObject({ status: 'no-data', missingCheckIn: '2026-10' });
    // KR3 counts at its latest reading, September's 12% of 5% → 20% (0.07 / 0.15): O1 = (0.92 + 0.752 + 0.4667)/3
    // = 0.713 against (1 + 0.8 + 0.8)/3 = 0.867, a pace of 0.82: at risk, as with October's reading in. (Leaving
    // KR3 out of the average made O1 0.836 against 0.9: on track, for a forgotten row.)
    expect(p.objectives.O1.attainment).toBeCloseTo((0.92 + 0.752 + 0.07 / 0.15) / 3, 12);
    expect(p.objectives.O1.status).toBe('at-risk');
    expect(p.objectives.O1.metrics).toBe(3);
  });

  it('a group whose members are on pace but one has no data is "no data", not on track: a number is missing', () => {
    const wb = exampleWorkbook('en');
    // O2: KR4 done and KR5 on track; KR5's October reading forgotten.
    const before = progressOf(wb).objectives.O2.status;
    expect(before).toBe('on-track');
    dropActual(wb, 'KR5', '2026-10');
    const p = progressOf(wb);
    expect(metric(p, 'KR5').status).toBe('no-data');
    expect(p.objectives.O2.status).toBe('no-data');
  });

  it('with a key result left out, average only those that could be measured: not one that has not started', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Target', 0.05); // = its baseline: an error, KR3 left out
    setCell(wb, KR, 'KR2', 'Start', '2026-11-01'); // its first month is under way: not started
    const { plan } = parsePlan(wb);
    const p = planProgress(plan, EXAMPLE_AS_OF);
    expect(metric(p, 'KR3').leftOut).toBe('target-equals-baseline');
    expect(metric(p, 'KR2')).toMatchObject({ status: 'not-started', attainment: 0 });
    // O1 needs attention, at KR1's 92%: KR2's 0 is not a measurement (it was averaged in: 46%).
    expect(p.objectives.O1).toMatchObject({ status: 'needs-attention', attainment: 0.92 });
  });

  it('match IDs and owners as the checks do: case-insensitively', () => {
    const wb = exampleWorkbook('en');
    // The checks accept all three references (no issue); progress must then count them the same.
    setCell(wb, KR, 'KR2', 'Objective', 'o1');
    setCell(wb, KR, 'KR1', 'Owner', 'sales');
    setCell(wb, 'KPIs', 'KPI3', 'Key result', 'kr2');
    const p = progressOf(wb);
    expect(p.objectives.O1.metrics).toBe(3);
    expect(p.objectives.O1.attainment).toBeCloseTo((0.92 + 0.752 + 0.08 / 0.15) / 3, 12);
    expect(p.departments.Sales).toMatchObject({ metrics: 1, attainment: 0.92 });
    expect(Object.keys(p.departments)).toEqual(['Sales', 'Marketing', 'Operations', 'R&D', 'Support']);
    // KPI3 follows KR2's window, March–December, not the whole year.
    expect(metric(p, 'KPI3')).toMatchObject({ start: '2026-03', due: '2026-12', attainment: 0.375 });
  });

  it('one department whatever the width, case or spacing its name is typed in (Ｓａｌｅｓ, "R & D")', () => {
    // Without a Departments tab, owners typed full-width or spaced apart are still the one department.
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR1', 'Owner', 'Ｓａｌｅｓ');
    setCell(wb, KR, 'KR4', 'Owner', 'R & D');
    delete wb['Departments'];
    const p = planProgress(parsePlan(wb).plan, EXAMPLE_AS_OF);
    expect(Object.keys(p.departments).filter((d) => /sales|r.*d/i.test(d))).toHaveLength(2);
    // With the Departments tab, such a spelling is that department: no unknown-owner error.
    const withTab = exampleWorkbook('en');
    setCell(withTab, KR, 'KR1', 'Owner', 'Ｓａｌｅｓ');
    setCell(withTab, KR, 'KR4', 'Owner', 'R & D');
    const checked = parsePlan(withTab);
    expect(
      checkPlan(checked.plan, { asOf: EXAMPLE_AS_OF }).filter((i) => i.code === 'unknown-owner'),
    ).toEqual([]);
  });

  it('in a plan made by hand with an ID repeated in another case, count the repeat as the first', () => {
    // The parser drops a repeated ID (with an issue); a plan built in code may still hold one.
    const { plan: parsed } = parsePlan(exampleWorkbook('en'));
    const kr1 = parsed.keyResults.find((k) => k.id === 'KR1')!;
    const plan: Plan = { ...parsed, keyResults: [...parsed.keyResults, { ...kr1, id: 'kr1', row: 7 }] };
    const p = planProgress(plan, EXAMPLE_AS_OF);
    // The repeat has KR1's check-ins (rows of either spelling belong to the first), and O1 counts it.
    expect(p.keyResults[5]).toMatchObject({ id: 'kr1', attainment: metric(p, 'KR1').attainment });
    expect(p.objectives.O1.metrics).toBe(4);
    // KPI1 tracks KR1, so neither spelling is reported untracked.
    expect(checkPlan(plan).filter((i) => i.code === 'key-result-untracked')).toEqual([]);
  });
});

describe('score', () => {
  it('is attainment capped to 0–1 and rounded to one decimal, half up', () => {
    const wb = exampleWorkbook('en');
    setActual(wb, 'KR2', '2026-10', 4800); // 37,500 / 50,000 = 0.75 exactly
    expect(metric(progressOf(wb), 'KR2').score).toBe(0.8);
    setActual(wb, 'KR2', '2026-10', 4775); // 37,475 / 50,000 = 0.7495
    expect(metric(progressOf(wb), 'KR2').score).toBe(0.7);
  });

  it('rounds a half up also when the attainment is a quotient of decimals (0.15 / 0.2, a hair under 0.75)', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Baseline', 0); // a conversion rate from 0% to 20%
    setActual(wb, 'KR3', '2026-10', 0.15);
    const kr3 = metric(progressOf(wb), 'KR3');
    expect(kr3.attainment).toBeCloseTo(0.75, 12);
    expect(kr3.score).toBe(0.8);
  });

  it('is final once the due month is over', () => {
    const p = progressOf(exampleWorkbook('en'), '2027-01-05');
    expect(p.keyResults.map((k) => k.scoreFinal)).toEqual([true, true, true, true, true]);
    // December is now the last month judged, and it has no check-in.
    expect(metric(p, 'KR2')).toMatchObject({
      throughMonth: '2026-12',
      missingCheckIn: '2026-12',
      status: 'no-data',
    });
    // O1 still counts what KR2 and KR3 checked in: (0.92 + 0.752 + 0.533)/3 = 0.735 against 1, at risk. (Counting
    // only the key results with data left KR1's 0.92 alone: on track, for two rows not typed.) Over, but two of its
    // key results lack their last number: not yet "missed", which is a verdict on numbers that are all in.
    expect(metric(p, 'KR2').attainment).toBeCloseTo(37_600 / 50_000, 12);
    expect(p.objectives.O1.attainment).toBeCloseTo((0.92 + 0.752 + 0.08 / 0.15) / 3, 12);
    expect(p.objectives.O1.status).toBe('at-risk');
  });

  it('an objective whose key results are all over, with their numbers in, and not all reached is missed', () => {
    const wb = exampleWorkbook('en');
    // December's readings typed: every key result of O1 has its last month.
    addRow(wb, 'Actuals', { Date: '2026-12-28', Metric: 'KR2', Value: 4000 });
    addRow(wb, 'Actuals', { Date: '2026-12-28', Metric: 'KR3', Value: 0.14 });
    const p = progressOf(wb, '2027-01-05');
    expect(['KR1', 'KR2', 'KR3'].map((id) => metric(p, id).status)).toEqual(['missed', 'missed', 'missed']);
    expect(p.objectives.O1.status).toBe('missed');
    // While one of them is still running, the pace bands judge it: as of 15 November KR2 and KR3 are.
    expect(progressOf(exampleWorkbook('en')).objectives.O1.status).toBe('at-risk');
  });
});

describe('which check-ins count', () => {
  it('the judged month is the last month whose last day is on or before the as-of day', () => {
    expect(judgedMonth('2026-09-30')).toBe('2026-09');
    expect(judgedMonth('2026-09-29')).toBe('2026-08');
    expect(judgedMonth('2026-02-28')).toBe('2026-02');
    expect(judgedMonth('2028-02-28')).toBe('2028-01'); // a leap year: February ends on the 29th
    expect(judgedMonth('2026-01-15')).toBe('2025-12');
  });

  it("a key result's check-in after its due month is not counted, nor one before its Start", () => {
    const wb = exampleWorkbook('en');
    addRow(wb, 'Actuals', { Date: '2026-09-15', Metric: 'KR1', Value: 500000 }); // KR1 is due in August
    addRow(wb, 'Actuals', { Date: '2026-02-15', Metric: 'KR1', Value: 500000 }); // KR1 starts in March
    expect(metric(progressOf(wb), 'KR1')).toMatchObject({ current: 920000, actualToDate: 920000 });
    expect(metric(progressOf(wb), 'KR1').months.find((m) => m.month === '2026-02')!.actual).toBeNull();
  });

  it('a milestone done before its Start is done early, and done: its objective counts it, and no month is missing', () => {
    const wb = exampleWorkbook('en');
    // KR4 (O2's launch milestone) planned for March to June, done on 20 February instead of 24 March.
    setCell(wb, KR, 'KR4', 'Start', '2026-03-01');
    setCell(wb, KR, 'KR4', 'Due', '2026-06-30');
    const done = wb['Actuals'].find((r) => r[1] === 'KR4')!;
    done[0] = '2026-02-20';
    const p = progressOf(wb);
    expect(metric(p, 'KR4')).toMatchObject({
      status: 'done',
      doneOn: '2026-02-20',
      current: 1,
      attainment: 1,
      score: 1,
      scoreFinal: true,
      missingCheckIn: null,
    });
    // O2 as in the example: (1 + 0.8) / 2 = 0.9 against (1 + 0.8335) / 2 = 0.91675, on track (KR4 missed made it 0.4).
    expect(p.objectives.O2.status).toBe('on-track');
    expect(p.objectives.O2.attainment).toBeCloseTo(0.9, 12);
    expect(p.objectives.O2.expectedAttainment).toBeCloseTo(0.91675, 12);
    // Counted once its month is judged, as any check-in: from the last day of February on.
    expect(metric(progressOf(wb, '2026-02-27'), 'KR4')).toMatchObject({
      status: 'not-started',
      doneOn: null,
    });
    expect(metric(progressOf(wb, '2026-02-28'), 'KR4')).toMatchObject({
      status: 'done',
      doneOn: '2026-02-20',
    });
    expect(metric(progressOf(wb, '2026-03-01'), 'KR4')).toMatchObject({ status: 'done', score: 1 });
    // Not yet (0) before the Start still counts for nothing, and a later done is not its done-on day.
    addRow(wb, 'Actuals', { Date: '2026-01-20', Metric: 'KR4', Value: 0 });
    addRow(wb, 'Actuals', { Date: '2026-04-20', Metric: 'KR4', Value: 1 });
    expect(metric(progressOf(wb), 'KR4')).toMatchObject({ status: 'done', doneOn: '2026-02-20' });
  });

  it('a milestone done a week after its due month is missed with a score of 0, and done late on that day', () => {
    const wb = exampleWorkbook('en');
    // KR4 (v1.0) due at the end of February, checked in as done on 5 March (as a QA plan's KR25 was).
    setCell(wb, KR, 'KR4', 'Due', '2026-02-28');
    const done = wb['Actuals'].find((r) => r[1] === 'KR4')!;
    done[0] = '2026-03-05';
    // Never counted (method: check-ins after the due month never count): missed, 0, final; but done late, that day.
    expect(metric(progressOf(wb), 'KR4')).toMatchObject({
      status: 'missed',
      doneOn: null,
      doneLateOn: '2026-03-05',
      current: 0,
      score: 0,
      scoreFinal: true,
    });
    // From that day on; before it, not done (yet).
    expect(metric(progressOf(wb, '2026-03-04'), 'KR4')).toMatchObject({ status: 'missed', doneLateOn: null });
    expect(metric(progressOf(wb, '2026-03-05'), 'KR4')).toMatchObject({ doneLateOn: '2026-03-05' });
    // The first of two late dones is its day; a done in time leaves none.
    addRow(wb, 'Actuals', { Date: '2026-03-02', Metric: 'KR4', Value: 1 });
    expect(metric(progressOf(wb), 'KR4').doneLateOn).toBe('2026-03-02');
    addRow(wb, 'Actuals', { Date: '2026-02-20', Metric: 'KR4', Value: 1 });
    expect(metric(progressOf(wb), 'KR4')).toMatchObject({
      status: 'done',
      doneOn: '2026-02-20',
      doneLateOn: null,
    });
    // A late "not yet" (0) is no done.
    const notYet = exampleWorkbook('en');
    setCell(notYet, KR, 'KR4', 'Due', '2026-02-28');
    const row = notYet['Actuals'].find((r) => r[1] === 'KR4')!;
    [row[0], row[2]] = ['2026-03-05', 0];
    expect(metric(progressOf(notYet), 'KR4')).toMatchObject({ status: 'missed', doneLateOn: null });
  });

  it('a KPI counts from the Start of the key result it tracks: a check-in before it is not counted', () => {
    const wb = exampleWorkbook('en');
    addRow(wb, 'Actuals', { Date: '2026-02-10', Metric: 'KPI2', Value: 0.5 }); // KR3 starts in March
    expect(metric(progressOf(wb), 'KPI2')).toMatchObject({ monthsMet: 4, monthsJudged: 8 });
  });
});

describe('month points, built when first read', () => {
  it('serialise, spread, clone and compare as plain data, in the same field order', () => {
    const p = progressOf(exampleWorkbook('en'));
    const kr1 = metric(p, 'KR1');
    // Written out before anything read the points: plan.json and the report's previous-run file see them.
    const json = JSON.parse(JSON.stringify(p)) as PlanProgress;
    const written = json.keyResults.find((m) => m.id === 'KR1')!;
    expect(Object.keys(written)).toEqual(Object.keys(kr1));
    expect(Object.keys(written).indexOf('months')).toBe(Object.keys(written).indexOf('due') + 1);
    expect(written.months).toHaveLength(12);
    // Each point's target is the decomposition's month target.
    const { plan } = parsePlan(exampleWorkbook('en'));
    const kr = plan.keyResults.find((k) => k.id === 'KR1')!;
    expect(written.months.map((m) => m.target)).toEqual(
      decompose(keyResultSpec(kr, plan)!, plan.period!.months).map((m) => m.target),
    );
    // The same points however they are reached, and the same object on every read.
    expect(kr1.months).toBe(kr1.months);
    expect(kr1.months).toEqual(written.months);
    expect({ ...kr1 }).toEqual(written);
    expect(structuredClone(kr1)).toEqual(written);
    expect(kr1).toEqual(written);
    // Another run of the same plan gives equal metrics, points included.
    expect(metric(progressOf(exampleWorkbook('en')), 'KR1')).toEqual(kr1);
    // A caller may still replace the points.
    kr1.months = kr1.months.slice(0, 2);
    expect(kr1.months).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(kr1)).months).toHaveLength(2);
  });
});

describe('visitJudgedMonths', () => {
  it('visits the judged months of the window, before and after the month points are built, alike', () => {
    const { plan } = parsePlan(exampleWorkbook('en'));
    for (const asOf of ['2026-02-15', '2026-05-31', EXAMPLE_AS_OF]) {
      for (const p of planProgress(plan, asOf).keyResults) {
        const visited = () => {
          const out: [number | null, number | null][] = [];
          visitJudgedMonths(p, (actual, target) => out.push([actual, target]) > 0);
          return out;
        };
        const unbuilt = visited();
        // Reading `months` builds the points; the visit then walks them.
        const judged = p.months
          .filter(
            (m) =>
              p.start !== null && p.throughMonth !== null && m.month >= p.start && m.month <= p.throughMonth,
          )
          .map((m) => [m.actual, m.target]);
        expect(unbuilt, `${p.id} as of ${asOf}`).toEqual(judged);
        expect(visited(), `${p.id} as of ${asOf}`).toEqual(judged);
      }
    }
    // KR2 as of the example's day: March to October, with their check-ins and 5,000 a month.
    const kr2 = planProgress(plan, EXAMPLE_AS_OF).keyResults.find((k) => k.id === 'KR2')!;
    const months: number[] = [];
    visitJudgedMonths(kr2, (actual, target) => months.push(target!) > 0 && actual !== null);
    expect(months).toEqual([5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000]);
  });
});

describe('the score', () => {
  it('is never 1.0 short of the target: 96% of it scores 0.9, the target reached 1.0 (method §9)', () => {
    // KR2 has 37,600 sign-ups checked in by the end of October: a Target of 39,167 is 96% reached.
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR2', 'Target', 39167);
    const short = metric(progressOf(wb), 'KR2');
    expect(short.attainment).toBeCloseTo(0.96, 2);
    expect(short.score).toBe(0.9);
    setCell(wb, 'Key Results', 'KR2', 'Target', 37600);
    expect(metric(progressOf(wb), 'KR2')).toMatchObject({ attainment: 1, score: 1 });
  });
});

describe('progress read before its records are built (the checks)', () => {
  it('reads every field and month point of every metric as the records give them, and the checks say the same', () => {
    for (const [workbook, asOf] of [
      [exampleWorkbook('en'), EXAMPLE_AS_OF],
      [exampleWorkbook('zh-TW'), '2026-06-15'],
      [generatePlanWorkbook(200), GENERATED_AS_OF],
      [generatePlanWorkbook(200, { seed: 7 }), '2026-05-20'],
    ] as const) {
      const { plan } = parsePlan(workbook);
      const progress = planProgress(plan, asOf);
      // Read first, through the table (as checkPlan reads it), then the records, which the lists build.
      const reading = readProgress(progress);
      const issuesFromTable = checkPlan(plan, { asOf }, progress);
      const viewed: MetricProgress[] = [];
      for (let i = 0; i < reading.keyResults; i++) viewed.push(reading.keyResult(i));
      for (let i = 0; i < reading.kpis; i++) viewed.push(reading.kpi(i));
      const records = [...progress.keyResults, ...progress.kpis];
      expect(viewed).toHaveLength(records.length);
      for (let i = 0; i < records.length; i++) {
        const record = records[i];
        const asRead = Object.fromEntries(
          Object.keys(record).map((key) => [key, viewed[i][key as keyof MetricProgress]]),
        );
        expect(asRead, record.id).toEqual({ ...record });
      }
      // Once the records are out, the checks read them (a caller may have changed one): the same issues.
      expect(checkPlan(plan, { asOf }, progress)).toEqual(issuesFromTable);
      // A progress made by hand (plain objects, as a test or an older caller builds it) is read as it is.
      const plain = JSON.parse(JSON.stringify(progress)) as PlanProgress;
      expect(checkPlan(plan, { asOf }, plain).map((i) => [i.code, i.sheet, i.a1])).toEqual(
        issuesFromTable.map((i) => [i.code, i.sheet, i.a1]),
      );
    }
  });
});
