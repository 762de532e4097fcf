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
import { isMoneyUnit } from '../shared/decompose';
import { scaledUnit } from '../shared/cells';
import { setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';
import { Formatter } from '../report/format';

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
    'Unit %j: an October check-in typed 14 (for 14 percent) is an error at its cell, not KR3 done 93 times over',
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
    'Unit %j, Baseline typed 5 percent, Target 20: the Target is an error at its cell and KR3 is left out',
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

describe('A Unit that names a share in words is a percentage (佔比, 比例, market share…)', () => {
  it.each([
    '佔比',
    '占比',
    '營收佔比',
    '比例',
    '付費比例',
    '比重',
    '營收比重',
    '份額',
    '份额',
    '市場份額',
    '市佔',
    '市占',
    '滲透',
    '渗透',
    '使用率',
  ])('Unit %j is a percent unit', (unit) => expect(isPercentUnit(unit)).toBe(true));

  it.each(['比例尺', '基金份額', '滲透測試', '份額（份）', '佔比（萬元）', '百分制', '百分位'])(
    'Unit %j is not: a scale, fund units, tests, a count, an amount, a score out of a hundred, a percentile',
    (unit) => expect(isPercentUnit(unit)).toBe(false),
  );

  /** KR3 (a level key result) in `unit`, 5% → 15%, checked in at 9% in September and 12 (for 12%) in October. */
  function shareOf(unit: string) {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR3', '單位', unit);
    setCell(wb, KR, 'KR3', '基線', '5%');
    setCell(wb, KR, 'KR3', '目標值', '15%');
    setActual(wb, 'KR3', '2026-09-28', '9%');
    const row = setActual(wb, 'KR3', '2026-10-28', 12);
    const result = analyze(wb);
    const i = result.plan.keyResults.findIndex((k) => k.id === 'KR3');
    return { ...result, row, kr3: result.plan.keyResults[i], kr3Progress: result.progress.keyResults[i] };
  }

  it.each(['佔比', '占比', '比例', '比重', '份額', '份额', '市佔', '滲透'])(
    'Unit %j, 5% → 15%, October typed 12: an error at its cell, never 11,950% done with O1 rolled up on track',
    (unit) => {
      const { issues, row, kr3, kr3Progress, progress } = shareOf(unit);
      expect(located(issues, 'percent-as-whole-number')).toEqual([`實際!C${row}`]);
      expect([kr3.baseline, kr3.target]).toEqual([0.05, 0.15]);
      expect(kr3Progress.status).not.toBe('done');
      expect(kr3Progress.current).toBe(0.09); // September's reading: October's is not counted
      expect(kr3Progress.attainment).toBeCloseTo(0.4, 12);
      expect(progress.objectives['O1'].status).not.toBe('on-track');
    },
  );

  it('the report writes the figures of a 佔比 key result as percentages, not "0.15 佔比"', () => {
    const { kr3 } = shareOf('佔比');
    const f = new Formatter('zh-TW');
    expect([f.value(kr3.baseline, kr3.unit), f.value(kr3.target!, kr3.unit)]).toEqual(['5%', '15%']);
  });

  it('typed with its % sign, October counts: 12% against 5% → 15% is 70% of the way, with no error', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR3', '單位', '佔比');
    setCell(wb, KR, 'KR3', '基線', '5%');
    setCell(wb, KR, 'KR3', '目標值', '15%');
    setActual(wb, 'KR3', '2026-10-28', '12%');
    const { issues, progress, plan } = analyze(wb);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const kr3 = progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR3')];
    expect(kr3.current).toBe(0.12);
    expect(kr3.attainment).toBeCloseTo(0.7, 12);
  });
});

describe('"m" after a number where the Unit counts time the reader does not know by name, or names none (A2)', () => {
  it.each([
    ['分', '30m'],
    ['工作天', '30m'],
    ['天數', '45m'],
    ['人天', '45m'],
    ['工時', '45m'],
    ['月數', '3m'],
    ['公里數', '45m'],
    ['time saved', '30m'],
    ['Downtime', '30m'],
    ['回應時間', '30m'],
    ['ms', '45m'],
    ['man-days', '3m'],
    ['Runway', '18m'],
    ['CAC payback', '14m'],
    ['回本期', '14m'],
    ['年資', '3m'],
    ['', '45m'],
    ['', '45 m'],
    ['hours', '3 M'],
  ])('Unit %j, "%s" is ambiguous-m, never millions', (unit, typed) => {
    const read = readNumber(typed, { unit });
    expect(read).toEqual({ ok: false, reason: 'ambiguous-m', found: typed.replace(/\s*m$/i, '') });
  });

  it('KPI2 (first response, lower is better) in 分 with a Target of 30m: an error at the Target, not 30,000,000', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, 'KPI', 'KPI2', '單位', '分');
    setCell(wb, 'KPI', 'KPI2', '目標值', '30m');
    const { issues, plan } = analyze(wb);
    expect(located(issues, 'ambiguous-m')).toEqual(['KPI!G3']);
    expect(plan.kpis.find((k) => k.id === 'KPI2')!.target).toBeNull();
    const issue = issues.find((i) => i.code === 'ambiguous-m')!;
    expect(issue.message['zh-TW']).toBe(
      'KPI2 的「目標值」為「30m」：KPI2 以「分」計，此處的「m」可能指分鐘、月或公尺，也可能指百萬。',
    );
  });

  it('KPI2 without a Unit and a Target of 45m: an error at the Target that says the metric has no Unit', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, 'KPI', 'KPI2', '單位', '');
    setCell(wb, 'KPI', 'KPI2', '目標值', '45m');
    const { issues, plan } = analyze(wb);
    expect(located(issues, 'ambiguous-m')).toEqual(['KPI!G3']);
    expect(plan.kpis.find((k) => k.id === 'KPI2')!.target).toBeNull();
    const issue = issues.find((i) => i.code === 'ambiguous-m')!;
    expect(issue.message['zh-TW']).toContain('KPI2 沒有單位');
    expect(issue.message.en).toContain('KPI2 has no Unit, where "m" may mean minutes');
    expect(issue.fix.en).toBe(
      'For minutes, months or metres, type 45 and name the unit in the Unit column; for a million, type 45 million.',
    );
    expect(issue.fix['zh-CN']).toContain('如指百万，请填写 45百万');
  });

  it('stays a million where the cell or the Unit names money, or the Unit counts things', () => {
    const reads: [string, string | undefined, number, string?][] = [
      ['$1.2M', 'USD', 1_200_000],
      ['USD1.2M', 'USD', 1_200_000],
      ['1.2M USD', '', 1_200_000],
      ['$45m', '', 45_000_000],
      ['NT$1.2m', '', 1_200_000],
      ['1.5 mn', '', 1_500_000],
      ['1.5 mn', '分', 1_500_000],
      ['1.2 bn', '', 1_200_000_000],
      ['2M', 'sign-ups', 2_000_000],
      ['2m', 'users', 2_000_000],
      ['2m', 'leads', 2_000_000],
      ['2M', '註冊數', 2_000_000],
      // A character of time inside a word that counts things: daily and monthly actives, points, a score, revenue.
      ['2M', '日活', 2_000_000],
      ['2m', '月活', 2_000_000],
      ['2m', '積分', 2_000_000],
      ['2m', '分數', 2_000_000],
      ['2m', '月營收', 2_000_000],
      ['1.2M', '萬元', 120, 'TWD'],
      ['2M', '萬', 200],
      ['2M', undefined, 2_000_000],
      // A capital M with no Unit is a million; a time after "per" or "/" counts things.
      ['2M', '', 2_000_000],
      ['45 M', '', 45_000_000],
      ['2m', 'sign-ups per month', 2_000_000],
      ['2m', 'users/day', 2_000_000],
      // Full-time, part-time, first-time say what is counted, not a time.
      ['30m', 'Full-time hires', 30_000_000],
      ['2M', 'first-time buyers', 2_000_000],
      ['90 m', '公尺', 90],
    ];
    for (const [typed, unit, value, currency] of reads)
      expect(readNumber(typed, { unit, currency }), `${typed} ${unit}`).toEqual({ ok: true, value });
  });
});

describe('A multiple in brackets after the Unit is read like one before it (A5)', () => {
  const KR2_CHECK_INS = ['0.32萬', '0.41萬', '0.48萬', '0.52萬', '0.56萬', '0.51萬', '0.47萬', '0.49萬'];
  const months = ['03', '04', '05', '06', '07', '08', '09', '10'];

  it.each(['註冊數（萬）', '註冊數 (萬)', '萬註冊數'])(
    'KR2 in %j with a Target of 5 and check-ins typed 0.32萬 … 0.49萬: 3.76 of 5 (0.752), as 37,600 of 50,000',
    (unit) => {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, KR, 'KR2', '單位', unit);
      setCell(wb, KR, 'KR2', '目標值', 5);
      months.forEach((mm, i) => setActual(wb, 'KR2', `2026-${mm}-28`, KR2_CHECK_INS[i]));
      const { issues, progress, plan } = analyze(wb);
      expect(issues.map((i) => i.code)).toEqual(['funnel-mismatch', 'behind-pace']);
      const kr2 = progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR2')];
      expect(kr2.current).toBeCloseTo(3.76, 9);
      expect(kr2.attainment).toBeCloseTo(0.752, 9);
      expect(kr2.status).toBe('on-track');
    },
  );

  it('converts amounts typed with a multiple or unit into the Unit, as before the bracket', () => {
    const reads: [string, string, number, string?][] = [
      ['5萬', '人（萬）', 5],
      ['50000人', '人（萬）', 5],
      ['5', '人（萬）', 5],
      ['120萬', '元（萬）', 120, 'TWD'],
      ['NT$1,200,000', '元（萬）', 120, 'TWD'],
      ['1,200', 'USD(千)', 1200],
      ['$1.2M', 'USD(千)', 1200],
      ['50k', 'users (k)', 50],
      ['50,000 users', 'users (k)', 50],
      ['1200', '(千元)', 1200, 'TWD'],
      ['120萬', '新台幣（萬元）', 120, 'TWD'],
      ['5萬', '人 (thousands)', 50],
      // k after any word; a capital M or B after a word that is no time or length.
      ['12k', 'Downloads (k)', 12],
      ['2.5M', 'MAU (M)', 2.5],
      ['3M', 'revenue (M)', 3],
      ['1.2B', 'GMV (B)', 1.2],
      ['1.2M', 'users (M)', 1.2],
      // A multiple of money or of a known unit in the brackets: the metric counts in it.
      ['$1.2M', 'ARR ($M)', 1.2],
      ['1.2M', 'ARR (USD M)', 1.2],
      ['10k', 'Revenue (USD k)', 10],
      ['1.5億', '營收(百萬元)', 150],
      ['5000人', '會員數（千人）', 5],
      ['5萬次', '下載數（萬次）', 5],
    ];
    for (const [typed, unit, value, currency] of reads)
      expect(readNumber(typed, { unit, currency }), `${typed} ${unit}`).toEqual({ ok: true, value });
  });

  it('a Chinese multiple after a currency or a name, K before any word, "in thousands": the metric counts in it', () => {
    const reads: [string, string, number][] = [
      ['1,200萬', '新台幣萬元', 1200],
      ['NT$12,000,000', '新台幣萬元', 1200],
      ['1,200萬', 'NTD萬元', 1200],
      ['1,200萬', 'NT$萬', 1200],
      ['1,200萬', 'TWD 萬', 1200],
      ['1,200萬', '營收 萬元', 1200],
      ['1,200萬', '營收（新台幣萬元）', 1200],
      ['3萬人', '人數 萬人', 3],
      ['130', '新台幣萬元', 130],
      ['50k', 'K MAU', 50],
      ['50k', 'K-users', 50],
      ['50k', 'users in thousands', 50],
      ['2M', 'revenue in millions', 2],
    ];
    for (const [typed, unit, value] of reads)
      expect(readNumber(typed, { unit, currency: 'TWD' }), `${typed} ${unit}`).toEqual({ ok: true, value });
    // K before a number is no thousands: K-12 students are counted as typed.
    expect(readNumber('50k', { unit: 'K-12 students' })).toEqual({ ok: true, value: 50_000 });
  });

  it('KR1 counted in 新台幣萬元 with a Target of 1,200萬 reads 1,200 (it read 12,000,000 of them, off track)', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR1', '單位', '新台幣萬元');
    setCell(wb, KR, 'KR1', '目標值', '1,200萬');
    const { plan } = analyze(wb);
    expect(plan.keyResults.find((k) => k.id === 'KR1')!.target).toBe(1200);
  });

  it('T before a currency is thousands of it, as German business writes it: TEUR, T€, TCHF, in TEUR', () => {
    for (const unit of ['TEUR', 'T€', 'TCHF', 'in TEUR', 'Umsatz in TEUR'])
      expect(readNumber('1,2 Mio.', { unit, decimalMark: ',' }), unit).toEqual({ ok: true, value: 1200 });
    // A currency of its own whose code starts with T is none: TWD, THB, TRY, also after a name.
    for (const unit of ['TWD', 'THB', 'TRY', 'Revenue TWD']) expect(scaledUnit(unit), unit).toBeUndefined();
  });

  it('"(in thousands)" after the Unit is thousands, as "(thousands)" is', () => {
    expect(readNumber('1.2M', { unit: 'Revenue (in thousands)' })).toEqual({ ok: true, value: 1200 });
    expect(readNumber('1.2M', { unit: 'Users (in millions)' })).toEqual({ ok: true, value: 1.2 });
  });

  it('(M) after the name of a length of time is months, not millions: Runway (M), CAC payback (M), 銷售週期 (M)', () => {
    for (const unit of [
      'Runway (M)',
      'Tenure (M)',
      'CAC payback (M)',
      'Sales cycle (M)',
      '銷售週期 (M)',
      '年資 (M)',
    ]) {
      expect(scaledUnit(unit), unit).toBeUndefined();
      expect(readNumber('18', { unit }), unit).toEqual({ ok: true, value: 18 });
      // Read as millions, 2M would be 2 there: it is no amount of this Unit.
      expect(readNumber('2M', { unit }), unit).not.toEqual({ ok: true, value: 2 });
    }
    // A word that only contains one of them, or one that is not the Unit's last, still counts things: Usage (M),
    // Lifetime revenue (M), Cycle count (M), Long-term revenue (M) are millions; and B is a billion after any word.
    for (const unit of [
      'Usage (M)',
      'Page views (M)',
      'Terms accepted (M)',
      'Lifetime revenue (M)',
      'Cycle count (M)',
      'Long-term revenue (M)',
    ])
      expect(readNumber('2M', { unit }), unit).toEqual({ ok: true, value: 2 });
    for (const unit of ['Term deposits (B)', 'Lifetime revenue (B)'])
      expect(readNumber('1.2B', { unit }), unit).toEqual({ ok: true, value: 1.2 });
    for (const unit of ['Term deposits', 'Age group', 'Long-term revenue'])
      expect(readNumber('45m', { unit }), unit).toEqual({ ok: true, value: 45_000_000 });
  });

  it('a note in brackets that is no multiple leaves the Unit as typed: 百分比(%), 距離 (m), 人 (2025)', () => {
    expect(isPercentUnit('百分比(%)')).toBe(true);
    expect(readNumber('5萬', { unit: '人 (2025)' })).toEqual({ ok: true, value: 50_000 });
    expect(readNumber('5', { unit: '人 (2025)' })).toEqual({ ok: true, value: 5 });
    // Never 90 million: m is the metre the note names, said against the Unit as typed.
    expect(readNumber('90 m', { unit: '距離 (m)' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: 'm',
    });
    expect(readNumber('90m', { unit: '回應時間 (min)' })).toEqual({
      ok: false,
      reason: 'ambiguous-m',
      found: '90',
    });
    expect(readNumber('90', { unit: '距離 (m)' })).toEqual({ ok: true, value: 90 });
    // A small m after a word may be metres or minutes: a note, not a million.
    expect(readNumber('5萬', { unit: 'revenue (m)' })).toEqual({ ok: true, value: 50_000 });
    expect(readNumber('20%', { unit: '百分比(%)' })).toEqual({ ok: true, value: 0.2 });
  });
});

describe('Percent words after a number, and percentage points (B11)', () => {
  it('KR3 Target "20 百分比" and KPI1 Target "5百分比" are 20% and 5%: the plan reads as the example does', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR3', '目標值', '20 百分比');
    setCell(wb, 'KPI', 'KPI1', '目標值', '5百分比');
    const { issues, plan } = analyze(wb);
    expect(issues.map((i) => i.code)).toEqual(['funnel-mismatch', 'behind-pace']);
    expect(plan.keyResults.find((k) => k.id === 'KR3')!.target).toBe(0.2);
    expect(plan.kpis.find((k) => k.id === 'KPI1')!.target).toBe(0.05);
  });

  it('KR5 in 百分點 from 70 to "90 百分點", checked in as "86pp": read as typed, never ×100', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR5', '單位', '百分點');
    setCell(wb, KR, 'KR5', '基線', 70);
    setCell(wb, KR, 'KR5', '目標值', '90 百分點');
    const row = setActual(wb, 'KR5', '2026-10-28', '86pp');
    const { issues, plan, progress } = analyze(wb);
    expect(issues.filter((i) => (i.sheet === KR && i.row === 6) || i.a1 === `C${row}`)).toEqual([]);
    const i = plan.keyResults.findIndex((k) => k.id === 'KR5');
    expect(plan.keyResults[i].target).toBe(90);
    expect(progress.keyResults[i].current).toBe(86);
  });

  it('reads 百分比, 百分率, 百分數 after a number as the sign; 百 alone, 百萬 and a pp in a % metric as before', () => {
    const reads: [string, string, number][] = [
      ['20 百分比', '%', 0.2],
      ['5百分比', '', 0.05],
      ['20百分率', '%', 0.2],
      ['20 百分數', '百分比', 0.2],
      ['90 百分點', '百分點', 90],
      ['5pp', '百分點', 5],
      ['5 pp', 'percentage points', 5],
      ['5百', '個', 500],
      ['3百萬', '', 3_000_000],
    ];
    for (const [typed, unit, value] of reads)
      expect(readNumber(typed, { unit }), `${typed} ${unit}`).toEqual({ ok: true, value });
    expect(readNumber('5pp', { unit: '%' })).toEqual({ ok: false, reason: 'unit-mismatch', found: 'pp' });
    expect(readNumber('20 百分點', { unit: '%' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: '百分點',
    });
    expect(readNumber('20 百分比', { unit: '註冊數' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: '百分比',
    });
  });
});

describe('MM in money, 分 for minutes, measure words and 人次 (B15)', () => {
  it('KR1 (USD) with a Target of "$1.2mm" or "1.2 MM" is 1,200,000, not "a unit MM" (millimetres)', () => {
    for (const typed of ['$1.2mm', '1.2 MM', 'USD 1.2MM']) {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, KR, 'KR1', '目標值', typed);
      const { issues, plan } = analyze(wb);
      expect(
        issues.filter((i) => i.sheet === KR && i.row === 2),
        typed,
      ).toEqual([]);
      expect(plan.keyResults.find((k) => k.id === 'KR1')!.target, typed).toBe(1_200_000);
    }
  });

  it('mm stays the millimetre where the metric counts no money', () => {
    expect(readNumber('5 mm', { unit: 'mm' })).toEqual({ ok: true, value: 5 });
    expect(readNumber('1.2mm', { unit: '公釐' })).toEqual({ ok: true, value: 1.2 });
    expect(readNumber('1.2 MM', { unit: '' })).toEqual({ ok: false, reason: 'unit-mismatch', found: 'MM' });
    expect(readNumber('1.2 MM', { unit: '註冊數' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: 'MM',
    });
  });

  it('KPI2 in 分 with a Target of "30 min" is 30 (分 is minutes); "30 分鐘" and "30分" too', () => {
    for (const typed of ['30 min', '30 分鐘', '30分']) {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, 'KPI', 'KPI2', '單位', '分');
      setCell(wb, 'KPI', 'KPI2', '目標值', typed);
      const { issues, plan } = analyze(wb);
      expect(
        issues.filter((i) => i.sheet === 'KPI'),
        typed,
      ).toEqual([]);
      expect(plan.kpis.find((k) => k.id === 'KPI2')!.target, typed).toBe(30);
    }
    expect(readNumber('30分', { unit: 'minutes' })).toEqual({ ok: true, value: 30 });
    // Refused, with the number in 分 for the fix (30 seconds is 0.5 minutes).
    expect(readNumber('30 秒', { unit: '分' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: '秒',
      other: '0.5',
    });
  });

  it('"1,000 家客戶" under 次 is a unit mismatch that names both; under 客戶 it is 1,000', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR2', '單位', '次');
    setCell(wb, KR, 'KR2', '目標值', '1,000 家客戶');
    const { issues } = analyze(wb);
    const mismatch = issues.filter((i) => i.code === 'unit-mismatch');
    expect(mismatch.map((i) => `${i.sheet}!${i.a1}`)).toEqual([`${KR}!I3`]);
    expect(mismatch[0].message['zh-TW']).toBe(
      'KR2 的「目標值」為「1,000 家客戶」，單位為 家客戶，但 KR2 的單位是 次。',
    );
    for (const [typed, unit] of [
      ['1,000 家客戶', '客戶'],
      ['1000個客戶', '客戶'],
      ['50 位用戶', 'users'],
    ])
      expect(readNumber(typed, { unit }), `${typed} ${unit}`).toEqual({
        ok: true,
        value: Number(typed.replace(/\D/g, '')),
      });
  });

  it('"5萬人次" is 50,000 under 次 (人次 counts times) and a mismatch under 人', () => {
    expect(readNumber('5萬人次', { unit: '次' })).toEqual({ ok: true, value: 50_000 });
    expect(readNumber('5萬次', { unit: '人次' })).toEqual({ ok: true, value: 50_000 });
    expect(readNumber('5萬人次', { unit: '人' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: '人次',
    });
    expect(readNumber('5萬人', { unit: '人' })).toEqual({ ok: true, value: 50_000 });
  });

  it('a rate named after a number is no percent word: "20 轉換率" is not 20%', () => {
    expect(readNumber('20 轉換率', { unit: '%' })).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('Digits grouped in fours, as 萬 groups them (B12)', () => {
  it('KR2 Target "5,0000" is an error whose fix says 50000, never 5.0000', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR2', '目標值', '5,0000');
    const { issues, plan } = analyze(wb);
    const at = issues.filter((i) => i.sheet === KR && i.row === 3);
    expect(at.map((i) => `${i.code} ${i.a1}`)).toEqual(['grouped-in-fours I3']);
    expect(at[0].fix['zh-TW']).toBe('請填寫 50000。');
    expect(at[0].fix.en).toBe('Type 50000.');
    expect(plan.keyResults.find((k) => k.id === 'KR2')!.target).toBeNull();
  });

  it('asks where one comma may be a decimal comma too: "1,2345" is 12345 or 1.2345', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR2', '目標值', '1,2345');
    const issue = analyze(wb).issues.find((i) => i.code === 'grouped-in-fours')!;
    expect(issue.fix.en).toBe('Type 12345, or 1.2345 for a decimal.');
    expect(issue.fix['zh-TW']).toBe('請填寫 12345；如為小數，請填寫 1.2345。');
  });

  it('reads the grouping with its currency or unit; three-digit groups and other decimal commas as before', () => {
    expect(readNumber('1,0000,0000', {})).toEqual({
      ok: false,
      reason: 'grouped-in-fours',
      found: '100000000',
    });
    expect(readNumber('NT$5,0000', { currency: 'TWD' })).toEqual({
      ok: false,
      reason: 'grouped-in-fours',
      found: 'NT$50000',
    });
    expect(readNumber('5，0000', {})).toEqual({ ok: false, reason: 'grouped-in-fours', found: '50000' });
    expect(readNumber('5,0000 hours', { unit: '註冊數' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: 'hours',
    });
    expect(readNumber('12,345', {})).toEqual({ ok: true, value: 12_345 });
    expect(readNumber('2,5', {})).toEqual({ ok: false, reason: 'decimal-mark', found: '2.5' });
    // Where commas mark decimals, "5,0000" is 5 as before.
    expect(readNumber('5,0000', { decimalMark: ',' })).toEqual({ ok: true, value: 5 });
  });
});

describe('A Target typed in full while the Unit counts in 萬 (A10)', () => {
  /** KR1 in 萬元 (a TWD plan), its Target as given, its six check-ins typed in 萬 (80 for 80萬). */
  function inWan(target: Cell, checkIns = [80, 120, 150, 170, 210, 260]) {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, '策略', '貨幣', '內容', 'TWD');
    setCell(wb, KR, 'KR1', '單位', '萬元');
    setCell(wb, KR, 'KR1', '目標值', target);
    const rows: number[] = [];
    for (const [i, row] of wb['實際'].entries())
      if (row[1] === 'KR1') {
        row[2] = checkIns[rows.length];
        rows.push(i + 1);
      }
    const result = analyze(wb);
    const i = result.plan.keyResults.findIndex((k) => k.id === 'KR1');
    return { ...result, kr1: result.progress.keyResults[i], rows };
  }

  it('Target 18000000 with check-ins of 80 … 260 萬: an error at the Target, and KR1 never "behind at 0.0074%"', () => {
    const { issues, kr1 } = inWan(18_000_000);
    expect(located(issues, 'plan-typed-in-full')).toEqual([`${KR}!I2`]);
    const issue = issues.find((i) => i.code === 'plan-typed-in-full')!;
    expect(issue.message['zh-TW']).toBe(
      'KR1 以「萬元」計，目標值 18000000 即 18000000 萬元，但其實際資料（80, 120, 150, …）只有計畫至 2026-08 應達成數的約 18000 分之一：目標值似乎填寫了完整數值，而不是以「萬元」計。修正前，其實際資料不計入。',
    );
    expect(issue.fix['zh-TW']).toBe(
      '如果目標值總共是 18000000，請填寫 1800（以「萬元」計）；如果確實是 18000000 萬元，請更正實際資料。',
    );
    expect(issue.severity).toBe('error');
    expect(kr1.current).toBe(0);
    expect(kr1.status).toBe('no-data');
    expect(
      issues.filter((i) => i.code === 'behind-pace' || i.code === 'stale-check-in').map((i) => i.a1),
    ).toEqual(['I4']);
  });

  it('the same plan with its Target in 萬 (1800, or typed 18000000元) reads as it is: 990 of 1,800', () => {
    for (const target of [1800, '18000000元', 'NT$1800萬']) {
      const { issues, kr1 } = inWan(target);
      expect(located(issues, 'plan-typed-in-full'), String(target)).toEqual([]);
      expect(kr1.current, String(target)).toBe(990);
    }
  });

  it('a real plan far behind (a fiftieth of its pace) is judged as it is, not as typed in full', () => {
    const { issues, kr1 } = inWan(1800, [1, 1, 2, 3, 5, 6]);
    expect(located(issues, 'plan-typed-in-full')).toEqual([]);
    expect(kr1.current).toBe(18);
    expect(kr1.status).toBe('missed');
  });

  it('a Unit without a multiple (元, USD) is never judged so: 1,000,000 USD with small check-ins stays as typed', () => {
    const wb = exampleWorkbook('zh-TW');
    const small = [40, 90, 150, 170, 210, 260];
    for (const row of wb['實際']) if (row[1] === 'KR1') row[2] = small.shift()!;
    expect(located(analyze(wb).issues, 'plan-typed-in-full')).toEqual([]);
  });
});

describe('words for money that name no currency (one list, for the reader and isMoneyUnit)', () => {
  it('Sales, Bookings, Costs and Revenue count money: a $ shown there is theirs, a month may be a refund', () => {
    for (const unit of ['Sales', 'Bookings', 'Costs', 'Revenue', 'revenues'])
      expect([isMoneyUnit(unit), readNumber('$90,000', { unit, shown: true }).ok], unit).toEqual([
        true,
        true,
      ]);
    for (const unit of ['leads', 'deals', 'sign-ups'])
      expect([isMoneyUnit(unit), readNumber('$90,000', { unit, shown: true }).ok], unit).toEqual([
        false,
        false,
      ]);
  });
});

describe('分 after a score (QA: 38分 of an NPS was refused as minutes)', () => {
  it('reads 38分 as 38 in a metric counted in points, scores or NPS, and keeps 分 minutes elsewhere', () => {
    for (const unit of ['分數', '分数', '評分', 'NPS', 'points', 'score'])
      expect(readNumber('38分', { unit }), unit).toEqual({ ok: true, value: 38 });
    expect(readNumber('30分', { unit: '分鐘' })).toEqual({ ok: true, value: 30 });
    expect(readNumber('30分', { unit: '小時' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: '分',
      other: '0.5',
    });
    expect(readNumber('38分', { unit: '人' })).toMatchObject({ ok: false, reason: 'unit-mismatch' });
  });

  it('counts a check-in typed 38分 for an NPS key result, with no issue at its cell', () => {
    const wb = exampleWorkbook('zh-TW');
    // KR3 made a score: NPS from 30 to 50.
    setCell(wb, KR, 'KR3', '單位', 'NPS');
    setCell(wb, KR, 'KR3', '基線', 30);
    setCell(wb, KR, 'KR3', '目標值', 50);
    const kr3 = wb['實際'].findIndex((row) => row[1] === 'KR3');
    const date = wb['實際'][kr3][0] as string;
    const row = setActual(wb, 'KR3', date, '38分');
    const { plan, issues } = analyze(wb);
    expect(issues.filter((i) => i.sheet === '實際' && i.a1 === `C${row}`).map((i) => i.code)).toEqual([]);
    const checkIn = plan.actuals.find((c) => c.row === row);
    expect(checkIn?.value).toBe(38);
  });
});

describe('a Chinese number with a multiplier after every part (QA: 3萬5千 was not a number)', () => {
  it('reads 3萬5千, 12萬5千, 3千5百 and 1億2千萬 as their words say, in a currency or a 萬元 metric', () => {
    const reads: [string, string, number][] = [
      ['3萬5千', '', 35_000],
      ['３萬５千', '', 35_000],
      ['12萬5千', '', 125_000],
      ['3千5百', '', 3_500],
      ['1億2千萬', '', 120_000_000],
      ['1亿2000万', '', 120_000_000],
      ['NT$3萬5千', 'TWD', 35_000],
      ['3萬5千元', 'TWD', 35_000],
      // In a metric counted in 萬元, as 3.5萬 is: 3.5 (萬元), never 35,000 萬元.
      ['3萬5千', '萬元', 3.5],
      ['3千5百元', '萬元', 0.35],
    ];
    for (const [typed, unit, value] of reads)
      expect(readNumber(typed, { unit, currency: 'TWD' }), `${typed} ${unit}`).toEqual({ ok: true, value });
  });

  it('leaves unread what the words do not settle: a last part with no multiplier, parts out of order, decimals', () => {
    for (const typed of ['3萬5', '3萬15千', '5千3萬', '3萬5千.5', '1.5萬3千', '3萬萬'])
      expect(readNumber(typed, { unit: '' }), typed).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('counts a check-in typed 3萬5千 in an .xlsx as 35,000, with no issue at its cell', async () => {
    const wb = exampleWorkbook('zh-TW');
    const kr1 = wb['實際'].findIndex((row) => row[1] === 'KR1');
    const row = setActual(wb, 'KR1', wb['實際'][kr1][0] as string, '3萬5千');
    const { plan, issues } = analyze(await throughXlsx(wb));
    expect(issues.filter((i) => i.sheet === '實際' && i.a1 === `C${row}`).map((i) => i.code)).toEqual([]);
    expect(plan.actuals.find((c) => c.row === row)?.value).toBe(35_000);
  });
});
