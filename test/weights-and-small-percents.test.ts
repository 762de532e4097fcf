/**
 * Two silent wrong read-outs a Traditional Chinese QA round found, each typed into the example plan the way the
 * tester did and read back through a real .xlsx: a weight of 30% beside the template's untouched 1s (1 is 100%, so
 * KR1 counts less than a third of the others), and a check-in typed 0.86% for 86% (a hundredth of its plan, read as
 * off track). Both are counted as typed, and said at the cell.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type PlanIssue, type Workbook } from '../shared';
import { readsHundredthOfPlan } from '../shared/check-ins';
import { setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const told = (issues: PlanIssue[], code: string, lang: 'en' | 'zh-TW') =>
  issues.filter((i) => i.code === code).map((i) => [`${i.sheet}!${i.a1}`, i.message[lang], i.fix[lang]]);

/** The last check-in of `id` on the Actuals tab (its 0-based row), whose value is edited. */
function lastCheckIn(wb: Workbook, tab: string, id: string): number {
  let row = -1;
  wb[tab].forEach((r, n) => {
    if (n > 0 && Array.isArray(r) && r[1] === id) row = n;
  });
  return row;
}

describe('a weight typed in % beside the template’s 1s', () => {
  it('zh-TW: KR1 30% beside 1 and 1 is said at each 1, naming KR1 30%; weights counted as typed', async () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, '關鍵結果', 'KR1', '權重', '30%');
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'weight-blank-mixed', 'zh-TW')).toEqual(
      ['M3', 'M4'].map((cell, i) => [
        `關鍵結果!${cell}`,
        `KR${i + 2} 的權重（1）按 1（100%）計算，而目標 O1 的其他關鍵結果的權重以 % 填寫（KR1 30%）。`,
        '請同樣以 % 填寫其權重：權重 1 或空白只在不帶 % 的權重之間才是等權。',
      ]),
    );
    expect(plan.keyResults.slice(0, 3).map((kr) => kr.weight)).toEqual([0.3, 1, 1]);
  });

  it('en: the same, and a blank beside them still says "blank"', async () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR1', 'Weight', '30%');
    setCell(wb, 'Key Results', 'KR3', 'Weight', '');
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'weight-blank-mixed', 'en').map(([at, message]) => [at, message])).toEqual([
      [
        'Key Results!M3',
        'Weight of KR2 is 1, which counts as 1 (100%), while other key results of objective O1 have weights in % (KR1 30%).',
      ],
      [
        'Key Results!M4',
        'Weight of KR3 is blank, which counts as 1 (100%), while other key results of objective O1 have weights in % (KR1 30%).',
      ],
    ]);
  });

  it('nothing is said beside weights all 100%, for weights all plain, or for a word in a Weight cell', async () => {
    const weightIssues = (edit: (wb: Workbook) => void) => {
      const wb = exampleWorkbook('en');
      edit(wb);
      return analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF }).issues.filter((i) => i.code.startsWith('weight-'));
    };
    expect(weightIssues((wb) => setCell(wb, 'Key Results', 'KR1', 'Weight', '100%'))).toEqual([]);
    expect(weightIssues((wb) => setCell(wb, 'Key Results', 'KR1', 'Weight', 2))).toEqual([]);
    // A negative weight is weighed 1 and said as negative-weight, not as a 1 typed.
    expect(
      weightIssues((wb) => {
        setCell(wb, 'Key Results', 'KR1', 'Weight', '30%');
        setCell(wb, 'Key Results', 'KR2', 'Weight', -1);
      }).map((i) => [i.code, i.a1]),
    ).toEqual([['weight-blank-mixed', 'M4']]);
  });
});

describe('a % check-in a hundredth of its plan', () => {
  it('zh-TW: KR5 (70% → 90%) checked in as 0.86%: counted as typed, and said at the cell', async () => {
    const wb = exampleWorkbook('zh-TW');
    const row = lastCheckIn(wb, '實際', 'KR5');
    wb['實際'][row][2] = '0.86%';
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'percent-reading-low', 'zh-TW')).toEqual([
      [
        `實際!C${row + 1}`,
        `實際資料第 ${row + 1} 列（KR5，2026-10-28）：0.86% 按 0.86% 計入，約為 KR5 計畫（70% → 90%）的百分之一。如果想填 86%，請填寫 86% 或 0.86。`,
        '百分比請帶上百分號（86%）或填寫它代表的數字（0.86），不要兩者並用：0.86% 即數字 0.0086。',
      ],
    ]);
    expect(plan.actuals.filter((a) => a.metric === 'KR5').at(-1)!.value).toBeCloseTo(0.0086, 10);
  });

  it('en: 0.0086 typed plain is said the same way; 0.86% and 86% are not', async () => {
    const said = async (value: string | number) => {
      const wb = exampleWorkbook('en');
      wb['Actuals'][lastCheckIn(wb, 'Actuals', 'KR5')][2] = value;
      const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      return issues.filter((i) => i.code === 'percent-reading-low').map((i) => i.message.en);
    };
    expect(await said(0.0086)).toEqual([
      expect.stringContaining(
        '0.86% is counted as 0.86%, about a hundredth of the plan of KR5 (70% → 90%). If 86% was meant, type 86% or 0.86.',
      ),
    ]);
    expect(await said('86%')).toEqual([]);
    expect(await said(0.86)).toEqual([]);
    // A real bad month far below the plan, but no hundredth of it (100 times is 200%, not near 90%).
    expect(await said('2%')).toEqual([]);
  });
});

describe('readsHundredthOfPlan: only a reading a hundredth of a plan from above 0%', () => {
  it('0.86% against 70% → 90% is; a real 0.5% against 0.3% → 1%, or 0 against anything, is not', () => {
    expect(readsHundredthOfPlan(0.0086, 0.7, 0.9)).toBe(true);
    expect(readsHundredthOfPlan(0.005, 0.003, 0.01)).toBe(false);
    expect(readsHundredthOfPlan(0.0003, 0.003, 0.01)).toBe(false);
    expect(readsHundredthOfPlan(0, 0.7, 0.9)).toBe(false);
    expect(readsHundredthOfPlan(-0.008, 0.7, 0.9)).toBe(false);
  });

  it('a plan from 0% (a rollout) judges no reading: 0.5% in its first month is real', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR5', 'Baseline', 0);
    wb['Actuals'][lastCheckIn(wb, 'Actuals', 'KR5')][2] = 0.005;
    expect(
      analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF }).issues.filter((i) => i.code === 'percent-reading-low'),
    ).toEqual([]);
  });
});
