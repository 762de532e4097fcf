/**
 * Two silent wrong read-outs a Traditional Chinese QA round found, each typed into the example plan the way the
 * tester did and read back through a real .xlsx: a weight of 30% beside the template's untouched 1s (1 is 100%, so
 * KR1 counts less than a third of the others), and a check-in typed 0.86% for 86% (a hundredth of its plan, read as
 * off track). Both are counted as typed, and said at the cell.
 */
import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  type Grid,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { readsHundredthOfPlan, readsHundredthOfReading } from '../shared/check-ins';
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

describe('weights typed as shares of 1 beside a blank one', () => {
  it('0.5, 0.3 and a blank: the blank is said at its cell (1, 56% of O1; 0.2 as the rest), in every language', async () => {
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const wb = exampleWorkbook(lang);
      const tab = Object.keys(wb)[3];
      const weight = wb[tab][0][12] as string;
      setCell(wb, tab, 'KR1', weight, 0.5);
      setCell(wb, tab, 'KR2', weight, 0.3);
      setCell(wb, tab, 'KR3', weight, '');
      const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      const said = issues.filter((i) => i.code === 'weight-blank-fractions');
      expect(said.map((i) => `${i.sheet}!${i.a1}`)).toEqual([`${tab}!M4`]);
      expect(said[0].message[lang]).toMatch(/56%.*0\.2/);
      expect(said[0].fix[lang]).toContain('0.2');
      // Counted as typed: a relative weight of 1 may be meant.
      expect(plan.keyResults.slice(0, 3).map((kr) => kr.weight)).toEqual([0.5, 0.3, 1]);
    }
  });

  it('nothing is said for weights that make 1, relative weights, or all blank', async () => {
    const said = async (weights: (number | string)[]) => {
      const wb = exampleWorkbook('en');
      weights.forEach((w, n) => setCell(wb, 'Key Results', `KR${n + 1}`, 'Weight', w));
      const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      return issues.filter((i) => i.code.startsWith('weight-')).map((i) => i.code);
    };
    expect(await said([0.5, 0.5, ''])).toEqual([]);
    expect(await said([0.5, 2, ''])).toEqual([]);
    expect(await said(['', '', ''])).toEqual([]);
    expect(await said([0.5, 0.3, 0.2])).toEqual([]);
  });
});

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

describe('a % reading a hundredth of its plan is said only where no real month gets that low', () => {
  type Lang = 'en' | 'zh-CN' | 'zh-TW';
  /** The example in `lang` with `edit` applied to its tabs (by position: Key Results, KPIs, Actuals), through a real .xlsx. */
  const saidFor = async (lang: Lang, edit: (kr: Grid, kpis: Grid, actuals: Grid) => void) => {
    const wb = exampleWorkbook(lang);
    const [kr, kpis, actuals] = [3, 4, 6].map((n) => wb[Object.keys(wb)[n]]);
    edit(kr, kpis, actuals);
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    return { plan, said: issues.filter((i) => i.code === 'percent-reading-low'), all: issues };
  };
  /** Sets the last check-in of `id` (its Value) and returns its 1-based row. */
  const checkIn = (actuals: Grid, id: string, value: string | number) => {
    let row = -1;
    actuals.forEach((r, n) => {
      if (n > 0 && Array.isArray(r) && r[1] === id) row = n;
    });
    actuals[row][2] = value;
    return row + 1;
  };
  /** Direction, Baseline and Target of a key result, by the template's column order; `decrease` copies KPI2's word. */
  const replan = (kr: Grid, kpis: Grid, id: string, baseline: number, target: number) => {
    const row = kr.find((r) => r[0] === id)!;
    const kpi2 = kpis.find((r) => r[0] === 'KPI2')!;
    row[6] = kpi2[kpis[0].indexOf(kr[0][6])];
    row[7] = baseline;
    row[8] = target;
  };

  it('a flat month of 0.05% growth against "growth ≥ 5%" is real: counted, nothing said', async () => {
    const { plan, said } = await saidFor('en', (_kr, _kpis, actuals) => checkIn(actuals, 'KPI1', '0.05%'));
    expect(said).toEqual([]);
    expect(plan.actuals.filter((a) => a.metric === 'KPI1').at(-1)!.value).toBeCloseTo(0.0005, 10);
  });

  it('a launch month of 0.1% conversion against 5% → 20% (one sale in 1,000 trials) is real: nothing said', async () => {
    const { said, all } = await saidFor('zh-TW', (_kr, _kpis, actuals) => {
      // KR3's first check-in, the launch month: no reading before it either (percent-reading-drop).
      actuals[actuals.findIndex((r) => Array.isArray(r) && r[1] === 'KR3')][2] = '0.1%';
    });
    expect(said).toEqual([]);
    expect(all.filter((i) => i.code === 'percent-reading-drop')).toEqual([]);
  });

  it('a churn of 0.03% against 5% → 2% (one customer in 3,000) is the goal met, not a slip: nothing said', async () => {
    const { plan, said } = await saidFor('zh-CN', (kr, kpis, actuals) => {
      replan(kr, kpis, 'KR3', 0.05, 0.02);
      checkIn(actuals, 'KR3', '0.03%');
    });
    expect(plan.keyResults.find((k) => k.id === 'KR3')!.direction).toBe('decrease');
    expect(said).toEqual([]);
  });

  it('a bar to exceed of 60% read as 0.6% is still said: a real month 59 points under the bar is no bad month', async () => {
    let row = 0;
    const { said } = await saidFor('en', (_kr, kpis, actuals) => {
      kpis.find((r) => r[0] === 'KPI1')![kpis[0].indexOf('Target')] = '60%';
      row = checkIn(actuals, 'KPI1', '0.6%');
    });
    expect(said.map((i) => [i.a1, i.message.en])).toEqual([
      [
        `C${row}`,
        `Actuals row ${row} (KPI1, 2026-08-28): 0.6% is counted as 0.6%, about a hundredth of the plan of KPI1 (60%). If 60% was meant, type 60% or 0.6.`,
      ],
    ]);
  });

  it.each([
    [
      'en',
      'Actuals row {row} (KR5, 2026-10-28): 0.6% is counted as 0.6%, about a hundredth of the plan of KR5 (80% → 50%). If 60% was meant, type 60% or 0.6.',
    ],
    [
      'zh-CN',
      '实际数据第 {row} 行（KR5，2026-10-28）：0.6% 按 0.6% 计入，约为 KR5 计划（80% → 50%）的百分之一。如果想填 60%，请填写 60% 或 0.6。',
    ],
    [
      'zh-TW',
      '實際資料第 {row} 列（KR5，2026-10-28）：0.6% 按 0.6% 計入，約為 KR5 計畫（80% → 50%）的百分之一。如果想填 60%，請填寫 60% 或 0.6。',
    ],
  ] as const)(
    '%s: a share to go down from 80% to 50% read as 0.6% is said, the plan named in its direction; counted as typed',
    async (lang, message) => {
      let row = 0;
      const { plan, said } = await saidFor(lang, (kr, kpis, actuals) => {
        replan(kr, kpis, 'KR5', 0.8, 0.5);
        row = checkIn(actuals, 'KR5', '0.6%');
      });
      expect(said.map((i) => [i.a1, i.message[lang]])).toEqual([
        [`C${row}`, message.replace('{row}', `${row}`)],
      ]);
      expect(plan.keyResults.find((k) => k.id === 'KR5')!.direction).toBe('decrease');
      expect(plan.actuals.filter((a) => a.metric === 'KR5').at(-1)!.value).toBeCloseTo(0.006, 10);
    },
  );
});

describe('every check-in of a % level a hundredth of a small plan (percent-readings-low)', () => {
  /** The example in `lang` (through a real .xlsx) with `typed` applied to each of KR3's check-ins (5% → 20%). */
  const series = async (lang: 'en' | 'zh-TW', typed: (value: number, n: number) => string | number) => {
    const wb = exampleWorkbook(lang);
    let n = 0;
    for (const row of wb[Object.keys(wb)[6]])
      if (Array.isArray(row) && row[1] === 'KR3') row[2] = typed(row[2] as number, n++);
    const { issues, progress } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    return { said: issues.filter((i) => i.code === 'percent-readings-low'), progress, issues };
  };

  it('zh-TW: 0.06% … 0.13% for 6% … 13% is said once, at the latest check-in; counted as typed', async () => {
    const { said, progress } = await series('zh-TW', (v) => `${v}%`);
    expect(said.map((i) => [i.a1, i.message['zh-TW']])).toEqual([
      [
        'C23',
        'KR3 的每一筆實際資料（共 8 筆，0.06% 至 0.13%）都約為其計畫（5% → 20%）的百分之一，因此 KR3 看起來與計畫相差很遠。如果想填 6% 至 13%，請照此填寫。',
      ],
    ]);
    expect(progress.keyResults.find((k) => k.id === 'KR3')!.current).toBeCloseTo(0.0013, 10);
  });

  it('one low month among real ones, or the plan from 0%, or a KPI bar, is not said this way', async () => {
    expect((await series('en', (v, n) => (n === 0 ? `${v}%` : v))).said).toEqual([]);
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR3', 'Baseline', 0);
    for (const row of wb['Actuals']) if (Array.isArray(row) && row[1] === 'KR3') row[2] = `${row[2]}%`;
    for (const row of wb['Actuals']) if (Array.isArray(row) && row[1] === 'KPI1') row[2] = `${row[2]}%`;
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(issues.filter((i) => i.code === 'percent-readings-low')).toEqual([]);
  });
});

describe('readsHundredthOfPlan: only a reading a hundredth of a plan whose figures are all 50% or more', () => {
  it('0.86% against 70% → 90% is; a real 0.5% against 0.3% → 1%, or 0 against anything, is not', () => {
    expect(readsHundredthOfPlan(0.0086, 0.7, 0.9)).toBe(true);
    expect(readsHundredthOfPlan(0.005, 0.003, 0.01)).toBe(false);
    expect(readsHundredthOfPlan(0.0003, 0.003, 0.01)).toBe(false);
    expect(readsHundredthOfPlan(0, 0.7, 0.9)).toBe(false);
    expect(readsHundredthOfPlan(-0.008, 0.7, 0.9)).toBe(false);
  });

  it('the floor: from a plan of 50% up, not under it (growth ≥ 5%, conversion 5% → 20%, churn 5% → 2%)', () => {
    expect(readsHundredthOfPlan(0.006, 0.5, 0.8)).toBe(true);
    expect(readsHundredthOfPlan(0.0049, 0.49, 0.9)).toBe(false);
    expect(readsHundredthOfPlan(0.0005, 0.05, 0.05)).toBe(false);
    expect(readsHundredthOfPlan(0.001, 0.05, 0.2)).toBe(false);
    expect(readsHundredthOfPlan(0.0003, 0.02, 0.05)).toBe(false);
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

describe('a % level read as a hundredth of its reading before, where the plan is too small to tell', () => {
  type Lang = 'en' | 'zh-CN' | 'zh-TW';
  /** The example in `lang`, its KR3 (a conversion, 5% → 20%, last read 12%) checked in as `value` in October. */
  /** `beforeValue`: September's reading of KR3 typed over (12% as the example has it otherwise). */
  const drop = async (
    lang: Lang,
    value: string,
    edit?: (kr: Grid, kpis: Grid) => void,
    beforeValue?: number,
  ) => {
    const wb = exampleWorkbook(lang);
    const [kr, kpis, actuals] = [3, 4, 6].map((n) => wb[Object.keys(wb)[n]]);
    edit?.(kr, kpis);
    const row = lastCheckIn(wb, Object.keys(wb)[6], 'KR3');
    const before = actuals.findIndex(
      (r, n) => n < row && Array.isArray(r) && r[1] === 'KR3' && r[0] === '2026-09-28',
    );
    actuals[row][2] = value;
    if (beforeValue !== undefined) actuals[before][2] = beforeValue;
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    return {
      plan,
      row: row + 1,
      said: issues.filter((i) => i.code === 'percent-reading-drop'),
    };
  };

  it.each([
    [
      'en',
      'Actuals row {row} (KR3, 2026-10-28): 0.13% is counted as 0.13%, about a hundredth of the reading of KR3 before it (2026-09-28: 12%). If 13% was meant, type 13% or 0.13.',
    ],
    [
      'zh-TW',
      '實際資料第 {row} 列（KR3，2026-10-28）：0.13% 按 0.13% 計入，約為 KR3 前一次讀數（2026-09-28：12%）的百分之一。如果想填 13%，請填寫 13% 或 0.13。',
    ],
  ] as const)(
    '%s: 0.13% after 12% (13% typed as its ratio with a % sign) is said at its cell; counted as typed',
    async (lang, message) => {
      const { plan, row, said } = await drop(lang, '0.13%');
      expect(said.map((i) => [i.a1, i.message[lang]])).toEqual([
        [`C${row}`, message.replace('{row}', `${row}`)],
      ]);
      // Not also said against the plan (5% → 20% is under readsHundredthOfPlan's floor).
      expect(plan.actuals.filter((a) => a.metric === 'KR3').at(-1)!.value).toBeCloseTo(0.0013, 10);
    },
  );

  it('13% or 1.3% after 12% is no hundredth of it; nothing is said', async () => {
    expect((await drop('en', '13%')).said).toEqual([]);
    expect((await drop('en', '1.3%')).said).toEqual([]);
  });

  it('a level to lower (KR3 re-planned as churn from 10% to 5%) read as 0.07% after 7% is said: done, where it is behind', async () => {
    const { plan, row, said } = await drop(
      'zh-CN',
      '0.07%',
      (kr, kpis) => {
        const row = kr.find((r) => r[0] === 'KR3')!;
        row[6] = kpis.find((r) => r[0] === 'KPI2')![kpis[0].indexOf(kr[0][6])];
        row[7] = 0.1;
        row[8] = 0.05;
      },
      0.07,
    );
    expect(plan.keyResults.find((k) => k.id === 'KR3')!.direction).toBe('decrease');
    expect(said.map((i) => [i.a1, i.message['zh-CN']])).toEqual([
      [`C${row}`, expect.stringContaining('0.07% 按 0.07% 计入，约为 KR3 前一次读数（2026-09-28：7%）')],
    ]);
  });

  it('a month of growth (KPI1, a bar to exceed) swings through 0: 0.24% after 24% is not said', async () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'][lastCheckIn(wb, 'Actuals', 'KPI1')][2] = '0.24%';
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(
      issues.filter((i) => i.code === 'percent-reading-drop' || i.code === 'percent-reading-low'),
    ).toEqual([]);
  });

  it('zh-TW, months in columns: the reading before is named by its month, not by its row (the same row)', () => {
    const wb = exampleWorkbook('zh-TW');
    const tab = Object.keys(wb)[6];
    wb[tab] = [
      ['指標', '9月', '10月'],
      ['KR3', 0.12, '0.13%'],
    ];
    const said = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF }).issues.filter(
      (i) => i.code === 'percent-reading-drop',
    );
    expect(said.map((i) => [i.a1, i.message['zh-TW']])).toEqual([
      [
        'C2',
        '實際資料第 2 列（KR3，2026-10-01）：0.13% 按 0.13% 計入，約為 KR3 前一次讀數（2026-09-01：12%）的百分之一。如果想填 13%，請填寫 13% 或 0.13。',
      ],
    ]);
  });

  it('readsHundredthOfReading: a hundredth of the reading before, from half to twice it', () => {
    expect(readsHundredthOfReading(0.0013, 0.12)).toBe(true);
    expect(readsHundredthOfReading(0.0007, 0.12)).toBe(true);
    expect(readsHundredthOfReading(0.0005, 0.12)).toBe(false);
    expect(readsHundredthOfReading(0.0025, 0.12)).toBe(false);
    expect(readsHundredthOfReading(0.013, 0.12)).toBe(false);
    expect(readsHundredthOfReading(0, 0.12)).toBe(false);
    expect(readsHundredthOfReading(0.0013, 0)).toBe(false);
  });
});
