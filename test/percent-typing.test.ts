/**
 * Percentages typed the way people type them: each of these once read silently as a number 100 times off (or as a
 * ratio in a metric counted in something else) and showed a key result or KPI done while it was behind. Each is
 * the example plan with real cells changed as a person would, parsed as a user's workbook is; each must give the
 * right number or an issue at the cell.
 */
import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  exampleWorkbook,
  isIsoCurrencyCode,
  isPercentUnit,
  readNumber,
  type Cell,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { Formatter } from '../report/format';
import { setNumberFormats } from '../shared/number-formats';
import { addRow, setCell } from './helpers/edit';

const KR = 'Key Results';
const AS_OF = '2026-11-15';

/** Replaces every Actuals row of `metric` with these [date, value] rows. */
function setActuals(wb: Workbook, metric: string, rows: [string, Cell][]): void {
  const grid = wb['Actuals'];
  const kept = grid.filter((row, i) => i === 0 || row[1] !== metric);
  grid.length = 0;
  grid.push(...kept, ...rows.map(([date, value]) => [date, metric, value, '']));
}

const analyze = (wb: Workbook) => analyzeWorkbook(wb, { asOf: AS_OF });
const located = (issues: { code: string; sheet: string; a1: string | null }[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.a1}`);

describe('a Unit that is a word for percent (or blank, with figures typed with %) is a percentage', () => {
  it.each(['百分比', '百分率', '百分數', 'percent', 'per cent', 'Pct', 'percentage', '百分比(%)', ''])(
    'Unit %j, Baseline "5%", Target "20%", Actuals 12 and 13: flagged at the Value cells, never 8,633% done',
    (unit) => {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR3', 'Unit', unit);
      setCell(wb, KR, 'KR3', 'Baseline', '5%');
      setCell(wb, KR, 'KR3', 'Target', '20%');
      setActuals(wb, 'KR3', [
        ['2026-09-28', 12],
        ['2026-10-28', 13],
      ]);
      const { issues, progress, plan } = analyze(wb);
      const rows = wb['Actuals'].length;
      expect(located(issues, 'percent-as-whole-number')).toEqual([
        `Actuals!C${rows - 1}`,
        `Actuals!C${rows}`,
      ]);
      const kr3 = progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR3')];
      expect(kr3.status).not.toBe('done');
      expect(kr3.current).toBeNull();
    },
  );

  it('typed with their % signs, the same check-ins count: 12% and 13% against 5% → 20% is 53%', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Unit', 'percent');
    setCell(wb, KR, 'KR3', 'Baseline', '5%');
    setCell(wb, KR, 'KR3', 'Target', '20%');
    setActuals(wb, 'KR3', [
      ['2026-09-28', '12%'],
      ['2026-10-28', '13 percent'],
    ]);
    const { issues, progress, plan } = analyze(wb);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const kr3 = progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR3')];
    expect(kr3.current).toBeCloseTo(0.13, 12);
    expect(kr3.attainment).toBeCloseTo(8 / 15, 12);
  });

  it('a Unit of percent with whole numbers typed (5 → 20) is flagged at the Target, as with %', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Unit', '百分比');
    setCell(wb, KR, 'KR3', 'Baseline', 5);
    setCell(wb, KR, 'KR3', 'Target', 20);
    expect(located(analyze(wb).issues, 'percent-as-whole-number')).toEqual([`${KR}!I4`]);
  });

  it('knows the words in every language of the template, but not percentage points or other units', () => {
    for (const unit of [
      '%',
      '％',
      'percent',
      'Per Cent',
      'PCT.',
      'percentage',
      '百分比',
      '百分率',
      '百分數',
      '百分数',
    ])
      expect(isPercentUnit(unit), unit).toBe(true);
    for (const unit of ['', 'pp', '百分點', '% pts', 'pcs', 'hours', 'USD'])
      expect(isPercentUnit(unit), unit).toBe(false);
    expect(readNumber('20 percent', { unit: '%' })).toEqual({ ok: true, value: 0.2 });
    expect(readNumber('20 pct', { unit: 'pct' })).toEqual({ ok: true, value: 0.2 });
  });
});

describe('a bar to exceed ("growth ≥ 5%") with single-digit whole percents', () => {
  it.each([3, '3', 4.5])(
    'every month typed %j (3% or a real 300%?): counted as typed, and said at each Value cell',
    (value) => {
      const wb = exampleWorkbook('en');
      const months = [3, 4, 5, 6, 7, 8].map((m) => `2026-0${m}-28`);
      setActuals(
        wb,
        'KPI1',
        months.map((d) => [d, value]),
      );
      const { issues } = analyze(wb);
      const rows = wb['Actuals'].length;
      // Typing "300%" gives the same number 3: a real launch month must stay enterable, so it counts, and the
      // warning names each cell with what to type if 3% was meant.
      expect(located(issues, 'percent-reading-high')).toEqual(
        months.map((_, i) => `Actuals!C${rows - months.length + 1 + i}`),
      );
      expect(located(issues, 'percent-as-whole-number')).toEqual([]);
      expect(issues.find((i) => i.code === 'percent-reading-high')!.message.en).toMatch(
        /is counted as (300|450)%\. If (3|4\.5)% was meant, type (3|4\.5)% or 0\.0(3|45)\.$/,
      );
    },
  );

  it('a rollout from 0% to 100% (0 → 1) with first readings of 2% and 5% is a real plan, counted as typed', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR5', 'Baseline', 0);
    setCell(wb, 'Key Results', 'KR5', 'Target', 1);
    setActuals(wb, 'KR5', [
      ['2026-09-28', 0.02],
      ['2026-10-28', 0.05],
    ]);
    const { issues } = analyze(wb);
    expect(issues.filter((i) => i.code.startsWith('percent')).map((i) => i.code)).toEqual([]);
    expect(issues.filter((i) => i.code === 'stale-check-in' && i.message.en.includes('KR5'))).toEqual([]);
  });

  it('24 (2,400%) against "growth ≥ 5%" is refused at its cell, as a whole percent beyond any real month', () => {
    const wb = exampleWorkbook('en');
    setActuals(wb, 'KPI1', [['2026-07-28', 24]]);
    expect(located(analyze(wb).issues, 'percent-as-whole-number')).toEqual([
      `Actuals!C${wb['Actuals'].length}`,
    ]);
  });

  it('a launch month typed with its sign ("1250%") is counted as typed, never asked about', () => {
    const wb = exampleWorkbook('en');
    setActuals(wb, 'KPI1', [['2026-07-28', '1250%']]);
    const { issues } = analyze(wb);
    expect(located(issues, 'percent-as-whole-number')).toEqual([]);
    expect(located(issues, 'percent-reading-high')).toEqual([]);
  });

  it('readings near a high bar ("ROAS ≥ 400%": 280%, 350%, or 3.5 plain) are ordinary, not whole percents', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'KPIs', 'KPI1', 'Target', '400%');
    setActuals(wb, 'KPI1', [
      ['2026-06-28', '280%'],
      ['2026-07-28', '350%'],
      ['2026-08-28', 3.5],
    ]);
    const { issues } = analyze(wb);
    expect(issues.filter((i) => i.code.startsWith('percent')).map((i) => [i.code, i.a1])).toEqual([]);
  });

  it('a real 125% month and 3% typed with its sign stay as they are', () => {
    const wb = exampleWorkbook('en');
    setActuals(wb, 'KPI1', [
      ['2026-07-28', 1.25],
      ['2026-08-28', '3%'],
    ]);
    expect(located(analyze(wb).issues, 'percent-as-whole-number')).toEqual([]);
  });
});

describe('whole percents under 2 in a % plan, told by its check-ins', () => {
  const churn = (baseline: Cell, target: Cell, values: Cell[]) => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR5', 'Direction', 'decrease');
    setCell(wb, KR, 'KR5', 'Baseline', baseline);
    setCell(wb, KR, 'KR5', 'Target', target);
    setActuals(
      wb,
      'KR5',
      values.map((v, i) => [`2026-${String(9 + i).padStart(2, '0')}-28`, v]),
    );
    const result = analyze(wb);
    return {
      ...result,
      kr5: result.progress.keyResults[result.plan.keyResults.findIndex((k) => k.id === 'KR5')],
    };
  };

  it('churn 3% → 1% typed 3 → 1, check-ins 2.8%, 2.9%: an error at the Target cell, never 149% done', () => {
    const { issues, kr5 } = churn(3, 1, ['2.8%', '2.9%']);
    expect(located(issues, 'percent-plan-as-whole-number')).toEqual([`${KR}!I6`]);
    const issue = issues.find((i) => i.code === 'percent-plan-as-whole-number')!;
    expect(issue.message.en).toBe(
      'KR5: its plan reads 3 → 1, which is 300% → 100%, but its check-ins (2.8%, 2.9%) are about a hundredth of that: the plan looks typed in whole percents. Its check-ins are not counted until it is fixed.',
    );
    expect(issue.fix.en).toContain('3% → 1%');
    expect(issue.severity).toBe('error');
    expect(kr5.status).not.toBe('done');
  });

  it('1.5 → 0.5 with check-ins of 1.4%: the same', () => {
    const { issues, kr5 } = churn(1.5, 0.5, ['1.4%', '1.4%']);
    expect(located(issues, 'percent-plan-as-whole-number')).toEqual([`${KR}!I6`]);
    expect(kr5.status).not.toBe('done');
  });

  it('typed right (3% → 1%), the same check-ins count: about 5% of the way', () => {
    const { issues, kr5 } = churn('3%', '1%', ['2.8%', '2.9%']);
    expect(issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
    expect(kr5.attainment).toBeCloseTo(0.05, 12);
  });

  it('a real plan of 100% or more is left alone: retention 100% → 120% with 95% and 104% months', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR5', 'Baseline', 1);
    setCell(wb, KR, 'KR5', 'Target', 1.2);
    setActuals(wb, 'KR5', [
      ['2026-09-28', 0.95],
      ['2026-10-28', 1.04],
    ]);
    expect(located(analyze(wb).issues, 'percent-plan-as-whole-number')).toEqual([]);
  });

  it('a KPI "churn ≤ 1%" typed 1 with 2.5% every month: an error at its Target, not every month met', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'KPIs', 'KPI2', 'Unit', '%');
    setCell(wb, 'KPIs', 'KPI2', 'Target', 1);
    setActuals(
      wb,
      'KPI2',
      [3, 4, 5, 6, 7, 8, 9].map((m) => [`2026-0${m}-28`, '2.5%']),
    );
    const { issues, progress, plan } = analyze(wb);
    expect(located(issues, 'percent-plan-as-whole-number')).toEqual(['KPIs!G3']);
    expect(progress.kpis[plan.kpis.findIndex((k) => k.id === 'KPI2')].status).not.toBe('done');
  });

  it('"utilisation ≤ 100%" with check-ins near the bar is a real bar', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'KPIs', 'KPI2', 'Unit', '%');
    setCell(wb, 'KPIs', 'KPI2', 'Target', 1);
    setActuals(wb, 'KPI2', [
      ['2026-09-28', '92%'],
      ['2026-10-28', 1.05],
    ]);
    expect(located(analyze(wb).issues, 'percent-plan-as-whole-number')).toEqual([]);
  });
});

describe('a % figure far beyond any rate: what the whole-percent window lets through', () => {
  const kr3 = (wb: Workbook) => {
    const { issues, progress, plan } = analyze(wb);
    return { issues, kr3: progress.keyResults[plan.keyResults.findIndex((k) => k.id === 'KR3')] };
  };

  it('a conversion (5% → 20%) checked in at 120 is counted, and said at its cell: 12,000%, 600 times the plan', () => {
    const wb = exampleWorkbook('en');
    setActuals(wb, 'KR3', [
      ['2026-09-28', 0.12],
      ['2026-10-28', 120],
    ]);
    const { issues } = kr3(wb);
    expect(located(issues, 'check-in-off-scale')).toEqual([`Actuals!C${wb['Actuals'].length}`]);
    expect(issues.find((i) => i.code === 'check-in-off-scale')!.message.en).toMatch(
      /: 12,000% is 600 times the larger of the baseline and target of KR3 \(20%\)\. It is counted\./,
    );
  });

  it('a real reading near the plan, and a bar to exceed with a 300% launch month, are not said', () => {
    const wb = exampleWorkbook('en');
    setActuals(wb, 'KR3', [['2026-10-28', 0.35]]);
    setActuals(wb, 'KPI1', [['2026-07-28', 3]]);
    expect(located(analyze(wb).issues, 'check-in-off-scale')).toEqual([]);
  });

  it.each([200, 500, 1000])(
    'Target %j against a 5% Baseline is an error at the Target, never 20,000% to reach',
    (t) => {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR3', 'Target', t);
      const { issues, kr3: progress } = kr3(wb);
      expect(located(issues, 'percent-as-whole-number')).toEqual(['Key Results!I4']);
      expect(progress.leftOut).not.toBeNull();
    },
  );

  it('a plain figure beside one typed with its sign is judged by it: 95 → "120%" flags the 95, never 9,500% done', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Baseline', 95);
    setCell(wb, KR, 'KR3', 'Target', 120);
    // Both plain: the Target is flagged, and its fix says to type 120%…
    expect(located(kr3(wb).issues, 'percent-as-whole-number')).toEqual(['Key Results!I4']);
    // …which, typed, leaves the Baseline: flagged at its own cell, and the key result left out, not done.
    setCell(wb, KR, 'KR3', 'Target', '120%');
    const { issues, kr3: progress } = kr3(wb);
    expect(located(issues, 'percent-as-whole-number')).toEqual(['Key Results!H4']);
    expect(progress.status).not.toBe('done');
    setCell(wb, KR, 'KR3', 'Baseline', '95%');
    expect(located(kr3(wb).issues, 'percent-as-whole-number')).toEqual([]);
  });

  it('typed with its sign, a large rate is taken as typed: Target "300%" from 50%', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Baseline', '50%');
    setCell(wb, KR, 'KR3', 'Target', '300%');
    const { issues, kr3: progress } = kr3(wb);
    expect(located(issues, 'percent-as-whole-number')).toEqual([]);
    expect(progress.target).toBe(3);
  });

  it.each([101, 150, 300])(
    'a % KPI bar of %j ("≤ 150" for 150%) is an error at its Target; "150%" is a real bar',
    (t) => {
      const wb = exampleWorkbook('en');
      setCell(wb, 'KPIs', 'KPI2', 'Unit', '%');
      setCell(wb, 'KPIs', 'KPI2', 'Target', t);
      expect(located(analyze(wb).issues, 'percent-as-whole-number')).toEqual(['KPIs!G3']);
      setCell(wb, 'KPIs', 'KPI2', 'Target', `${t}%`);
      expect(located(analyze(wb).issues, 'percent-as-whole-number')).toEqual([]);
    },
  );
});

describe('weights of one objective, typed in % and without', () => {
  const weights = (...typed: Cell[]) => {
    const wb = exampleWorkbook('en');
    typed.forEach((w, i) => setCell(wb, KR, `KR${i + 1}`, 'Weight', w));
    return analyze(wb).issues.filter((i) => i.code.startsWith('weight-'));
  };

  it('"50%", "30%", "20": the 20 is said at its cell, and counted as typed', () => {
    expect(weights('50%', '30%', 20).map((i) => i.a1)).toEqual(['M4']);
    const wb = exampleWorkbook('en');
    ['50%', '30%', 20].forEach((w, i) => setCell(wb, KR, `KR${i + 1}`, 'Weight', w));
    expect(
      analyze(wb)
        .plan.keyResults.map((kr) => kr.weight)
        .slice(0, 3),
    ).toEqual([0.5, 0.3, 20]);
  });

  it('one scale, or a plain weight that reads the same either way, says nothing', () => {
    expect(weights(50, 30, 20)).toEqual([]);
    expect(weights('50%', '30%', '20%')).toEqual([]);
    expect(weights('50%', '30%', 0.2)).toEqual([]);
    expect(weights(2, 1, 1)).toEqual([]);
  });

  it('a blank weight beside 100% is the same weight, and key results of no objective are no group', () => {
    expect(weights('100%', '100%', '')).toEqual([]);
    expect(weights('50%', '30%', '').map((i) => [i.code, i.a1])).toEqual([['weight-blank-mixed', 'M4']]);
    const wb = exampleWorkbook('en');
    ['KR1', 'KR2', 'KR3'].forEach((id) => setCell(wb, KR, id, 'Objective', ''));
    ['50%', '30%', 20].forEach((w, i) => setCell(wb, KR, `KR${i + 1}`, 'Weight', w));
    expect(analyze(wb).issues.filter((i) => i.code.startsWith('weight-'))).toEqual([]);
  });

  it("weights in % in one objective do not make another objective's plain weights suspect", () => {
    // KR1–KR3 are O1's, KR4 and KR5 O2's.
    expect(weights('50%', '30%', '20%', 2, 3)).toEqual([]);
  });
});

describe('a % typed into a metric counted in something else', () => {
  it('sign-ups Target "+20%" ("grow 20%") is an error at the Target, not 0.2 sign-ups done at 18,800,000%', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Baseline', '');
    setCell(wb, KR, 'KR2', 'Target', '+20%');
    const { issues, progress } = analyze(wb);
    const mismatch = issues.filter((i) => i.code === 'unit-mismatch');
    expect(mismatch.map((i) => `${i.sheet}!${i.a1}`)).toEqual([`${KR}!I3`]);
    expect(mismatch[0].message.en).toBe('Target of KR2 is "+20%", in %, but the unit of KR2 is sign-ups.');
    expect(progress.keyResults[1].status).not.toBe('done');
  });

  it('"80%" in an hours metric is refused like "$80"; a Unit that speaks of percent takes it', () => {
    expect(readNumber('80%', { unit: 'hours' })).toEqual({ ok: false, reason: 'unit-mismatch', found: '%' });
    expect(readNumber('$80', { unit: 'hours' })).toEqual({ ok: false, reason: 'unit-mismatch', found: '$' });
    expect(readNumber('20%', { unit: '% of leads' })).toEqual({ ok: true, value: 0.2 });
    expect(readNumber('20%', { unit: '' })).toEqual({ ok: true, value: 0.2 });
  });

  it('on the Actuals tab: "98%" for a sign-ups check-in is an error at its Value cell', () => {
    const wb = exampleWorkbook('en');
    setActuals(wb, 'KR2', [
      ['2026-09-28', 4700],
      ['2026-10-28', '98%'],
    ]);
    const rows = wb['Actuals'].length;
    expect(located(analyze(wb).issues, 'unit-mismatch')).toEqual([`Actuals!C${rows}`]);
  });
});

describe('a % sign where the Unit names a rate or a score, and where it counts something else', () => {
  it('is the ratio it writes in "conversion rate", "CTR", "NPS", "rate", 转化率, "% of leads", "score"', () => {
    for (const unit of ['conversion rate', 'CTR', 'NPS', 'rate', '转化率', '% of leads', 'score'])
      expect(readNumber('20%', { unit }), unit).toEqual({ ok: true, value: 0.2 });
  });
  it('is refused where the Unit counts: sign-ups, leads, USD, K users, hours, 人, and percentage points', () => {
    for (const unit of ['sign-ups', 'leads', 'USD', 'K users', 'hours', '人', 'pp', 'percentage points'])
      expect(readNumber('20%', { unit }), unit).toEqual({ ok: false, reason: 'unit-mismatch', found: '%' });
  });
  it('three capital letters are money only when they are an ISO currency code: NPS and CTR are not', () => {
    const f = new Formatter('en');
    expect(f.value(40, 'NPS')).toBe('40 NPS');
    expect(f.value(40_000, 'USD')).toBe('$40,000');
    expect(isIsoCurrencyCode('TWD')).toBe(true);
    expect(isIsoCurrencyCode('CTR')).toBe(false);
  });
});

describe('a Unit that names a share in an English word is a percentage; its plural, a count, is not', () => {
  it('knows market share, retention, conversion, penetration, utilisation, occupancy, adoption', () => {
    for (const unit of [
      'market share',
      'share of voice',
      'wallet share',
      'retention',
      'D30 retention',
      'retention (30 days)',
      'conversion',
      'trial-to-paid conversion',
      'penetration',
      'utilisation',
      'utilization',
      'occupancy',
      'feature adoption',
      'percent of leads',
    ])
      expect(isPercentUnit(unit), unit).toBe(true);
  });

  it('not a count, money, a time or points: shares, conversions, a share price, a margin in USD, retention days, ppt', () => {
    for (const unit of [
      'shares',
      // A churn and a margin are as often counted (customers lost, dollars) as shares: typed with a %, they are
      // read as one anyway (percent-in-unit); as a name they are not. Nor a share word before what is counted.
      'churn',
      'gross margin',
      'Churn MRR',
      'Churn (#)',
      'share price',
      'share count',
      'conversions',
      'conversion value',
      'conversion events',
      'adoptions',
      'churned customers',
      'churn (customers)',
      'occupancy (beds)',
      'penetration tests',
      'gross margin (USD)',
      'USD margin',
      'margin ($M)',
      'margin (k)',
      'margin per unit',
      'retention (days)',
      'retention period',
      'time to conversion',
      'utilisation hours',
      'ppt',
      'margin ppt',
      'retention (pp)',
      'bps',
      'percentile',
    ])
      expect(isPercentUnit(unit), unit).toBe(false);
  });

  /** KR5 (a level key result) in `unit`, with these Direction, Baseline and Target and check-ins (Sep, Oct…). */
  function kr5In(unit: string, direction: string, baseline: Cell, target: Cell, values: Cell[]) {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR5', 'Unit', unit);
    setCell(wb, KR, 'KR5', 'Direction', direction);
    setCell(wb, KR, 'KR5', 'Baseline', baseline);
    setCell(wb, KR, 'KR5', 'Target', target);
    setActuals(
      wb,
      'KR5',
      values.map((v, i) => [`2026-${String(9 + i).padStart(2, '0')}-28`, v]),
    );
    const result = analyze(wb);
    const i = result.plan.keyResults.findIndex((k) => k.id === 'KR5');
    return {
      ...result,
      rows: wb['Actuals'].length,
      plan5: result.plan.keyResults[i],
      kr5: result.progress.keyResults[i],
    };
  }

  it('churn 5% → 2% checked in at 4% then 3 (for 3%): an error at the 3, never read as 3 (off track, silently)', () => {
    const { issues, rows, kr5 } = kr5In('churn', 'decrease', '5%', '2%', ['4%', 3]);
    expect(located(issues, 'percent-as-whole-number')).toEqual([`Actuals!C${rows}`]);
    expect(kr5.current).toBe(0.04);
    expect(kr5.attainment).toBeCloseTo(1 / 3, 12);
  });

  it('retention 30% → 40% checked in at 35 (for 35%): an error at its cell, and the plan writes 40%, not "0.4 retentions"', () => {
    const { issues, rows, plan5, kr5 } = kr5In('retention', 'increase', '30%', '40%', ['32%', 35]);
    expect(located(issues, 'percent-as-whole-number')).toEqual([`Actuals!C${rows}`]);
    expect(kr5.status).not.toBe('done');
    expect(new Formatter('en').value(plan5.target!, plan5.unit)).toBe('40%');
  });

  it.each(['conversions', 'shares'])(
    'Unit %j stays a count: 200 → 500 checked in at 320 and 410 reads as typed, with no percent issue',
    (unit) => {
      const { issues, plan5, kr5 } = kr5In(unit, 'increase', 200, 500, [320, 410]);
      expect(issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
      expect([plan5.baseline, plan5.target, kr5.current]).toEqual([200, 500, 410]);
      expect(new Formatter('en').value(500, unit)).toBe(`500 ${unit}`);
    },
  );

  it('Unit ppt stays percentage points: 2 → 5 checked in at 3 reads as typed; "5%" there is a unit mismatch', () => {
    const { issues, plan5, kr5 } = kr5In('ppt', 'increase', 2, 5, [3]);
    expect(issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
    expect([plan5.target, kr5.current]).toEqual([5, 3]);
    expect(readNumber('5%', { unit: 'ppt' })).toEqual({ ok: false, reason: 'unit-mismatch', found: '%' });
  });

  it('a gross margin in USD stays money: 1,200,000 → 1,500,000 is no whole percent, and shown in dollars', () => {
    const { issues, plan5, kr5 } = kr5In('gross margin (USD)', 'increase', 1_200_000, 1_500_000, [1_300_000]);
    expect(issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
    expect([plan5.target, kr5.current]).toEqual([1_500_000, 1_300_000]);
  });
});

describe('a Baseline or Target typed as a percentage where the Unit is none the reader reads as one (percent-in-unit)', () => {
  const inUnit = (issues: PlanIssue[]) => issues.filter((i) => i.code === 'percent-in-unit');

  it('NPS 30% → 45%, checked in at 47: a warning at the Target, KR3 read as a percentage, its 47 caught, never 0.45 NPS done 10,000% over', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Unit', 'NPS');
    setCell(wb, KR, 'KR3', 'Baseline', '30%');
    setCell(wb, KR, 'KR3', 'Target', '45%');
    setActuals(wb, 'KR3', [['2026-10-28', 47]]);
    const { issues, progress, plan } = analyze(wb);
    expect(located(issues, 'percent-in-unit')).toEqual([`${KR}!I4`]);
    const issue = inUnit(issues)[0];
    expect(issue.severity).toBe('warning');
    expect(issue.message.en).toBe(
      'Target of KR3 is "45%", a percentage, but its Unit, NPS, does not say so: KR3 is read as a percentage, as if its Unit were NPS (%), and so are its check-ins (12 typed for 12% is an error).',
    );
    expect(issue.fix.en).toContain('name its Unit as one: % or NPS (%)');
    expect(issue.fix['zh-TW']).toContain('% 或 NPS (%)');
    // Read as the percentage it is: 30% → 45%, and the 47 typed for 47% is caught at its cell, not counted.
    const i = plan.keyResults.findIndex((k) => k.id === 'KR3');
    expect(plan.keyResults[i].target).toBe(0.45);
    expect(located(issues, 'percent-as-whole-number')).toEqual([`Actuals!C${wb['Actuals'].length}`]);
    expect(progress.keyResults[i].status).not.toBe('done');
  });

  it('Uptime 99.5% → 99.9%, NRR 105% → 115%, CSAT 80% → 90%: plans like any other, read as percentages, with the warning', () => {
    for (const [unit, baseline, target] of [
      ['Uptime', '99.5%', '99.9%'],
      ['NRR', '105%', '115%'],
      ['CSAT', '80%', '90%'],
      ['滿意度', '80%', '90%'],
    ]) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR3', 'Unit', unit);
      setCell(wb, KR, 'KR3', 'Baseline', baseline);
      setCell(wb, KR, 'KR3', 'Target', target);
      const { issues, plan, progress } = analyze(wb);
      const i = plan.keyResults.findIndex((k) => k.id === 'KR3');
      expect(
        inUnit(issues).map((x) => x.severity),
        unit,
      ).toEqual(['warning']);
      expect(plan.keyResults[i].unit, unit).toBe(`${unit} (%)`);
      expect(progress.keyResults[i].leftOut, unit).toBeNull();
    }
  });

  it('named as the percentage it is (NPS (%)), the same plan reads and its 47 is caught as a whole percent', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Unit', 'NPS (%)');
    setCell(wb, KR, 'KR3', 'Baseline', '30%');
    setCell(wb, KR, 'KR3', 'Target', '45%');
    setActuals(wb, 'KR3', [['2026-10-28', 47]]);
    const { issues, plan } = analyze(wb);
    expect(inUnit(issues)).toEqual([]);
    expect(located(issues, 'percent-as-whole-number')).toEqual([`Actuals!C${wb['Actuals'].length}`]);
    expect(plan.keyResults.find((k) => k.id === 'KR3')!.target).toBe(0.45);
  });

  it('"+20%" for "grow 20%" in a Unit the reader does not place (MAU, Revenue): an error at the Target, the key result left out, never 0.2 done', () => {
    for (const unit of ['MAU', 'Revenue', '佔有']) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR2', 'Unit', unit);
      setCell(wb, KR, 'KR2', 'Target', '+20%');
      const { issues, progress, plan } = analyze(wb);
      expect(located(issues, 'percent-change-in-unit'), unit).toEqual([`${KR}!I3`]);
      expect(located(issues, 'unit-mismatch'), unit).toEqual([]);
      expect(plan.keyResults[1].target, unit).toBeNull();
      expect(progress.keyResults[1].status, unit).not.toBe('done');
    }
  });

  it('a Baseline typed "5%" under a plain Target is said at the Baseline', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Unit', 'score');
    setCell(wb, KR, 'KR3', 'Baseline', '5%');
    setCell(wb, KR, 'KR3', 'Target', 0.2);
    expect(located(analyze(wb).issues, 'percent-in-unit')).toEqual([`${KR}!H4`]);
  });

  it('a number shown as a percent (0.45 in a 0% format) is a percentage typed, as "45%" is', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Unit', 'NPS');
    setCell(wb, KR, 'KR3', 'Target', 0.45);
    const grid = wb[KR];
    const formats = grid.map((row) => row.map(() => ''));
    formats[3][grid[0].indexOf('Target')] = '0%';
    setNumberFormats(grid, formats);
    expect(located(analyze(wb).issues, 'percent-in-unit')).toEqual([`${KR}!I4`]);
  });

  it('a KPI "score ≥ 80%": a warning at its Target, the KPI read as a percentage bar', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'KPIs', 'KPI1', 'Unit', 'score');
    setCell(wb, 'KPIs', 'KPI1', 'Target', '80%');
    const { issues, plan } = analyze(wb);
    expect(located(issues, 'percent-in-unit')).toEqual(['KPIs!G2']);
    const kpi = plan.kpis.find((k) => k.id === 'KPI1')!;
    expect([kpi.target, kpi.unit]).toEqual([0.8, 'score (%)']);
  });

  it('not said where the Unit takes a %, refuses it, or the figure is zero or a milestone’s', () => {
    const cases: [unit: string, baseline: Cell, target: Cell, id?: string][] = [
      ['%', '5%', '20%'],
      ['', '5%', '20%'],
      ['佔比', '5%', '20%'],
      ['market share', '5%', '20%'],
      ['% of leads', '5%', '20%'],
      ['MAU', '0%', 5000],
      ['sign-ups', 0, '+20%'], // refused as unit-mismatch, said once
      ['launch', 0, '100%', 'KR4'], // a milestone: done or not
    ];
    for (const [unit, baseline, target, id = 'KR3'] of cases) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, id, 'Unit', unit);
      setCell(wb, KR, id, 'Baseline', baseline);
      setCell(wb, KR, id, 'Target', target);
      expect(inUnit(analyze(wb).issues), unit).toEqual([]);
    }
  });

  it('a check-in typed "47%" in an NPS metric is read as the ratio it writes, as before (only the plan is said)', () => {
    expect(readNumber('47%', { unit: 'NPS' })).toEqual({ ok: true, value: 0.47 });
  });
});

describe('a plain 1 in a % metric: 1% or 100%, by what its plan makes likely', () => {
  /** The example with one more check-in of `metric` on `day` (its row is the last), in the plan's language. */
  const withOne = (metric: string, value: Cell, lang: 'en' | 'zh-TW' = 'en', day = '2026-10-30') => {
    const wb = exampleWorkbook(lang);
    const [tab, date, id, v] =
      lang === 'en' ? ['Actuals', 'Date', 'Metric', 'Value'] : ['實際', '日期', '指標', '數值'];
    const row = addRow(wb, tab, { [date]: day, [id]: metric, [v]: value });
    const result = analyze(wb);
    const { plan } = result;
    const kr = plan.keyResults.findIndex((k) => k.id === metric);
    const progress =
      kr >= 0
        ? result.progress.keyResults[kr]
        : result.progress.kpis[plan.kpis.findIndex((k) => k.id === metric)];
    return { ...result, progress, cell: `${tab}!C${row}` };
  };

  it.each(['1', 1])(
    'KR3 (conversion 5% → 20%) checked in as %j: asked at its cell in the plan language, not counted, not done',
    (value) => {
      const en = withOne('KR3', value);
      expect(located(en.issues, 'percent-one')).toEqual([en.cell]);
      expect(en.issues.find((i) => i.code === 'percent-one')!.message.en).toBe(
        'Value of KR3: 1 is read as 100%, which its plan makes unlikely. If 1% was meant, type 1%; if 100%, type 100%. This value is not counted.',
      );
      expect(en.progress.status).not.toBe('done');
      expect(en.progress.current).toBeCloseTo(0.13, 12);
      const tw = withOne('KR3', value, 'zh-TW');
      expect(located(tw.issues, 'percent-one')).toEqual([tw.cell]);
      expect(tw.issues.find((i) => i.code === 'percent-one')!.message['zh-TW']).toBe(
        'KR3 的「數值」：1 會按 100% 讀取，與其計畫不符。如果想填 1%，請填寫 1%；如果是 100%，請填寫 100%。該數值不計入。',
      );
      expect(tw.progress.status).not.toBe('done');
    },
  );

  it('typed "100%" or "1%" it says what it is: counted as typed, never asked', () => {
    const hundred = withOne('KR3', '100%');
    expect(hundred.issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
    expect(hundred.progress.current).toBe(1);
    const one = withOne('KR3', '1%');
    expect(one.issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
    expect(one.progress.current).toBeCloseTo(0.01, 12);
  });

  it('a real 100% against retention 70% → 90% (KR5) is counted as 100%, without a word', () => {
    const { issues, progress } = withOne('KR5', 1);
    expect(issues.filter((i) => i.code.startsWith('percent'))).toEqual([]);
    expect(progress.current).toBe(1);
  });

  it('against "growth ≥ 5%" (KPI1) a plain 1 is counted as 100%, and said as 3 is', () => {
    // KPI1 is read through August, its key result's launch window.
    const { issues, progress, cell } = withOne('KPI1', '1', 'en', '2026-08-30');
    expect(located(issues, 'percent-reading-high')).toEqual([cell]);
    expect(issues.find((i) => i.code === 'percent-reading-high')!.message.en).toMatch(
      /: 1 is counted as 100%\. If 1% was meant, type 1% or 0\.01\.$/,
    );
    expect(progress.current).toBe(1);
  });
});

describe('a plain 1 as a % Baseline that, read as 100%, runs against its Direction', () => {
  const kr3 = (baseline: Cell, lang: 'en' | 'zh-TW' = 'en') => {
    const wb = exampleWorkbook(lang);
    const tab = lang === 'en' ? KR : '關鍵結果';
    setCell(wb, tab, 'KR3', lang === 'en' ? 'Baseline' : '基線', baseline);
    const result = analyze(wb);
    const i = result.plan.keyResults.findIndex((k) => k.id === 'KR3');
    return { ...result, kr3: result.progress.keyResults[i] };
  };

  it('KR3 1 → 20% to increase: asked at the Baseline cell in the plan language, left out, never done', () => {
    const en = kr3('1');
    expect(located(en.issues, 'percent-one')).toEqual([`${KR}!H4`]);
    expect(en.issues.find((i) => i.code === 'percent-one')!.message.en).toBe(
      'Baseline of KR3: 1 is read as 100%, which its plan makes unlikely. If 1% was meant, type 1%; if 100%, type 100%. The key result is left out of progress until it is fixed.',
    );
    expect(located(en.issues, 'direction-contradiction')).toEqual([]);
    expect(en.kr3.leftOut).not.toBeNull();
    expect(en.kr3.status).not.toBe('done');
    const tw = kr3(1, 'zh-TW');
    expect(located(tw.issues, 'percent-one')).toEqual(['關鍵結果!H4']);
    expect(tw.issues.find((i) => i.code === 'percent-one')!.message['zh-TW']).toBe(
      'KR3 的「基線」：1 會按 100% 讀取，與其計畫不符。如果想填 1%，請填寫 1%；如果是 100%，請填寫 100%。修正前，該關鍵結果不計入進度。',
    );
    expect(tw.kr3.status).not.toBe('done');
  });

  it('typed "100%", the Baseline says what it is: the contradiction is said in the unit (20%, 100%), not 0.2 and 1', () => {
    const { issues } = kr3('100%');
    expect(located(issues, 'percent-one')).toEqual([]);
    expect(issues.find((i) => i.code === 'direction-contradiction')!.message.en).toBe(
      'KR3 should increase, but its target 20% is not beyond its baseline 100%.',
    );
    const tw = kr3('100%', 'zh-TW');
    expect(tw.issues.find((i) => i.code === 'direction-contradiction')!.message['zh-TW']).toBe(
      'KR3 的方向是提升，但從基線 100% 到目標值 20% 的方向與此相反。',
    );
  });

  it('a 1 that runs with its Direction (churn 100% → 20%, to decrease) is an ordinary 100%', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'Direction', 'decrease');
    setCell(wb, KR, 'KR3', 'Baseline', 1);
    const { issues } = analyze(wb);
    expect(
      issues.filter((i) => i.code.startsWith('percent') || i.code === 'direction-contradiction'),
    ).toEqual([]);
  });
});
