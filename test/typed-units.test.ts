/**
 * Units as people type them in a Traditional Chinese plan, from a QA round that found numbers read silently wrong:
 * a Unit that names a rate (轉換率) took whole percents as they were; "30m" in minutes typed as 分 was 30 million; a
 * multiple in brackets after the Unit (註冊數（萬）) was not read. Each case is the zh-TW example plan with real cells
 * changed as a person would, parsed as a user's workbook is: the right number, or an issue at the cell.
 */
import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  exampleWorkbook,
  isPercentUnit,
  readNumber,
  type Cell,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { setCell } from './helpers/edit';

const KR = '關鍵結果';
const AS_OF = '2026-11-15';

const analyze = (wb: Workbook) => analyzeWorkbook(wb, { asOf: AS_OF });
const located = (issues: readonly PlanIssue[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.a1}`);

/** The Actuals row (1-based) of `metric` dated `date`. */
function actualRow(wb: Workbook, metric: string, date: string): number {
  const i = wb['實際'].findIndex((row) => row[0] === date && row[1] === metric);
  if (i < 0) throw new Error(`no check-in of ${metric} on ${date}`);
  return i + 1;
}
function setActual(wb: Workbook, metric: string, date: string, value: Cell): number {
  const row = actualRow(wb, metric, date);
  wb['實際'][row - 1][2] = value;
  return row;
}

describe('A Unit that names a rate is a percentage (A1)', () => {
  const RATE_UNITS = [
    '轉換率',
    '轉化率',
    '转化率',
    '比率',
    '率',
    '成長率',
    '成长率',
    '增長率',
    '月增率',
    '留存率',
    '流失率',
    '點擊率',
    '% (轉換率)',
    '轉換率 %',
    '增長率(%)',
    '% of leads',
    'conversion rate',
    'Churn Rate',
    'rate (%)',
    'rate',
    'CTR',
  ];

  it.each(RATE_UNITS)('Unit %j is a percent unit', (unit) => expect(isPercentUnit(unit)).toBe(true));

  it.each([
    '頻率',
    '频率',
    '匯率',
    '汇率',
    '速率',
    '週轉率',
    '費率',
    'hourly rate',
    'day rate',
    'run rate',
    'burn rate',
    'exchange rate',
    'rate (USD)',
    'rate per hour',
    'USD/hr',
    '百分點',
    '% pts',
    'NPS',
    'score',
  ])('Unit %j is not', (unit) => expect(isPercentUnit(unit)).toBe(false));

  it.each(['轉換率', '比率', '率', '留存率', 'conversion rate'])(
    'Unit %j: an October check-in typed 14 (for 14%%) is an error at its cell, not KR3 done at 9,300%%',
    (unit) => {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, KR, 'KR3', '單位', unit);
      const row = setActual(wb, 'KR3', '2026-10-28', 14);
      const { issues, progress, plan } = analyze(wb);
      expect(located(issues, 'percent-as-whole-number')).toEqual([`實際!C${row}`]);
      const kr3 = progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR3')];
      expect(kr3.status).not.toBe('done');
      expect(kr3.current).toBe(0.12); // September's reading: October's is not counted
    },
  );

  it.each(['轉換率(%)', '增長率(%)', '轉換率 %', '% (轉換率)', 'churn rate'])(
    'Unit %j, Baseline "5%%", Target 20: the Target is an error at its cell and KR3 is left out',
    (unit) => {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, KR, 'KR3', '單位', unit);
      setCell(wb, KR, 'KR3', '基線', '5%');
      setCell(wb, KR, 'KR3', '目標值', 20);
      const { issues, plan } = analyze(wb);
      expect(located(issues, 'percent-as-whole-number')).toEqual([`${KR}!I4`]);
      expect(plan.keyResults.find((k) => k.id === 'KR3')!.target).toBeNull();
    },
  );

  it('a KPI in 成長率 with a bar typed 5 (for 5%) is an error at its Target, as in %', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, 'KPI', 'KPI1', '單位', '成長率');
    setCell(wb, 'KPI', 'KPI1', '目標值', 5);
    const { issues, plan } = analyze(wb);
    expect(located(issues, 'percent-as-whole-number')).toEqual(['KPI!G2']);
    expect(plan.kpis.find((k) => k.id === 'KPI1')!.target).toBeNull();
  });

  it('the same rate typed as ratios reads as before: 5% → 20%, checked in at 0.13', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR3', '單位', '轉換率');
    const { issues, progress, plan } = analyze(wb);
    expect(issues.map((i) => i.code)).toEqual(['funnel-mismatch', 'behind-pace']);
    const kr3 = progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR3')];
    expect(kr3.current).toBe(0.13);
  });

  it.each(['頻率', '匯率', 'hourly rate', 'USD/hr', '週轉率'])(
    'Unit %j is counted as typed: Baseline 5, Target 20 is 5 → 20 with no percent issue',
    (unit) => {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, KR, 'KR3', '單位', unit);
      setCell(wb, KR, 'KR3', '基線', 5);
      setCell(wb, KR, 'KR3', '目標值', 20);
      const { issues, plan } = analyze(wb);
      expect(issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
      expect(plan.keyResults.find((k) => k.id === 'KR3')!.target).toBe(20);
    },
  );

  it('a % sign where the Unit names a rate is still the ratio it writes', () => {
    for (const unit of ['轉換率', 'conversion rate', '增長率(%)'])
      expect(readNumber('20%', { unit }), unit).toEqual({ ok: true, value: 0.2 });
  });
});
