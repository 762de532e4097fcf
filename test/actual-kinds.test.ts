/**
 * An Actuals tab with a column of the person's own saying what each row is (項目: 目標 | 實際 | 累計), as a QA pass
 * in Taiwan found Google Sheets exports kept: months in columns with a 目標 row and a 實際 row per key result, one row
 * per check-in with a 類別 column, a 累計 row under a metric label merged over its rows. Written to a real .xlsx and
 * read as the CLI reads it: the key result's actual to date, and the message at its cell.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, type Cell, type Workbook } from '../shared';
import { utcDate } from '../report/write-xlsx';
import { enumValue } from '../shared/example';
import { tabDef } from '../shared/template';
import { cumulativeKeyResult, headers, planTabs, TW_QA_STRATEGY, TW_QA_TABS } from './helpers/plan-tabs';
import { throughXlsx } from './helpers/xlsx';

const D = utcDate;
const TW_ACTUALS = tabDef('actuals').label['zh-TW'];
const EN_ACTUALS = tabDef('actuals').label.en;
/** The Actuals tab's own headers (日期 指標 數值 備註, Date Metric Value Note), beside the person's columns. */
const tw = headers('actuals', 'zh-TW');
const en = headers('actuals', 'en');

/** A cumulative key result of the QA pass's plan, in its row's words. */
const keyResult = (id: string, title: string, owner: string, unit: string, target: number) =>
  cumulativeKeyResult({
    id,
    title,
    owner,
    unit,
    target,
    start: '2026-07-01',
    due: '2027-06-30',
    phasing: enumValue('phasing', 'even'),
    weight: 1,
    confidence: 0.7,
  });

/** The QA pass's plan (智慧記帳 App 上市: 營收 3,000 萬元 and 50,000 註冊, both cumulative), with its Actuals tab. */
function twPlan(actuals: Cell[][]): Workbook {
  return {
    ...planTabs(
      'zh-TW',
      { ...TW_QA_STRATEGY, periodStart: '2026-07-01', periodEnd: '2027-06-30' },
      {
        ...TW_QA_TABS,
        keyResults: [
          keyResult('KR1', '營收', '營運', '萬元', 3000),
          keyResult('KR2', '註冊', '營運', '人', 50000),
        ],
      },
      D,
    ),
    [TW_ACTUALS]: actuals,
  };
}

/** The same plan in English. */
function enPlan(actuals: Cell[][]): Workbook {
  return {
    ...planTabs(
      'en',
      { product: 'Ledger app launch', periodStart: '2026-07-01', periodEnd: '2027-06-30', currency: 'USD' },
      {
        departments: [{ name: 'Ops', lead: 'Ann' }],
        objectives: [{ id: 'O1', title: 'Launch', owner: 'Ops' }],
        keyResults: [
          keyResult('KR1', 'Revenue', 'Ops', 'k', 3000),
          keyResult('KR2', 'Sign-ups', 'Ops', 'users', 50000),
        ],
      },
      D,
    ),
    [EN_ACTUALS]: actuals,
  };
}

async function judge(workbook: Workbook, asOf: string, merges: Record<string, string[]> = {}) {
  const { plan, issues, progress } = analyzeWorkbook(await throughXlsx(workbook, merges), {
    asOf,
    timeZone: 'UTC',
  });
  const kr = (id: string) => progress.keyResults.find((p) => p.id === id)!;
  const said = (code: string) => issues.filter((i) => i.code === code).map((i) => [i.sheet, i.a1]);
  return { plan, issues, kr, said };
}

describe('rows a 項目 / 類別 column says are targets are not counted as actuals', () => {
  it('months in columns, a 目標 row over a 實際 row per key result (the QA file)', async () => {
    const { kr, said, issues } = await judge(
      twPlan([
        [tw.metric, '項目', '2026/7', '2026/8', '2026/9', '2026/10'],
        ['KR1', '目標', 250, 250, 250, 250],
        ['KR1', '實際', 180, 220, 260, 300],
        ['KR2', '目標', 4000, 4000, 4000, 4000],
        ['KR2', '實際', 3000, 3200, 3500, 3800],
      ]),
      '2026-11-15',
    );
    expect(kr('KR1').actualToDate).toBe(960);
    expect(kr('KR2').actualToDate).toBe(13500);
    expect(kr('KR2').status).toBe('at-risk');
    expect(said('plan-rows-in-actuals')).toEqual([['實際', 'B2']]);
    expect(said('same-day-amounts')).toEqual([]);
    const issue = issues.find((i) => i.code === 'plan-rows-in-actuals')!;
    expect(issue.message['zh-TW']).toBe(
      '「實際」表的「項目」欄有 2 列寫著「目標」（第 2、4 列，如 KR1 的）：這些列是目標，不是實際值，因此未計入實際資料。',
    );
    expect(issue.fix['zh-TW']).toContain('請把它們的「項目」改為「實際」');
  });

  it('one row per check-in, a 類別 column of 目標 and 實際 (the QA file)', async () => {
    const { kr, said } = await judge(
      twPlan([
        [tw.date, tw.metric, '類別', tw.value, tw.note],
        [D('2026-07-31'), 'KR1', '目標', 250],
        [D('2026-07-31'), 'KR1', '實際', 180],
        [D('2026-08-31'), 'KR1', '目標', 250],
        [D('2026-08-31'), 'KR1', '實際', 220],
        [D('2026-09-30'), 'KR1', '目標', 250],
        [D('2026-09-30'), 'KR1', '實際', 260],
      ]),
      '2026-10-15',
    );
    expect(kr('KR1').actualToDate).toBe(660);
    expect(said('plan-rows-in-actuals')).toEqual([['實際', 'C2']]);
    expect(said('same-day-amounts')).toEqual([]);
  });

  it('in English: a Type column of Plan and Actual', async () => {
    const { kr, said, issues } = await judge(
      enPlan([
        [en.date, en.metric, 'Type', en.value, en.note],
        [D('2026-07-31'), 'KR1', 'Plan', 250],
        [D('2026-07-31'), 'KR1', 'Actual', 180],
        [D('2026-08-31'), 'KR1', 'Budget', 250],
        [D('2026-08-31'), 'KR1', 'actual', 220],
      ]),
      '2026-09-15',
    );
    expect(kr('KR1').actualToDate).toBe(400);
    expect(said('plan-rows-in-actuals')).toEqual([['Actuals', 'C2']]);
    expect(issues.find((i) => i.code === 'plan-rows-in-actuals')!.message.en).toBe(
      'The "Type" column of the Actuals tab says "Plan" at rows 2, 4 (2 in all; the first is KR1\'s): they hold targets, not actuals, so they are not counted as check-ins.',
    );
  });

  it('in English, months in columns: a Target row and an Actual row, with a Note column', async () => {
    const { kr, said } = await judge(
      enPlan([
        [en.metric, 'Row', 'Jul 2026', 'Aug 2026', 'Sep 2026', en.note],
        ['KR1', 'Target', 250, 250, 250, ''],
        ['KR1', 'Actual', 180, 220, 260, 'on plan'],
        ['KR2', 'Forecast', 4000, 4000, 4000, ''],
        ['KR2', 'Actual', 3000, 3200, 3500, ''],
      ]),
      '2026-10-15',
    );
    expect(kr('KR1').actualToDate).toBe(660);
    expect(kr('KR2').actualToDate).toBe(9700);
    expect(said('plan-rows-in-actuals')).toEqual([['Actuals', 'B2']]);
  });

  it('a note column that mentions 目標 in its notes keeps every amount', async () => {
    const { kr, said } = await judge(
      twPlan([
        [tw.date, tw.metric, tw.value, '說明'],
        [D('2026-07-31'), 'KR1', 180, '目標'],
        [D('2026-08-31'), 'KR1', 220, '超過目標'],
        [D('2026-09-30'), 'KR1', 260, '客戶延遲付款'],
        [D('2026-09-30'), 'KR2', 3000, '依目標執行'],
      ]),
      '2026-10-15',
    );
    expect(kr('KR1').actualToDate).toBe(660);
    expect(kr('KR2').actualToDate).toBe(3000);
    expect(said('plan-rows-in-actuals')).toEqual([]);
  });
});

describe('a 累計 row in a 說明 column', () => {
  it('under the 實際 row of a metric label merged over both (the QA file): left out, said at its cell', async () => {
    const { kr, said, issues } = await judge(
      twPlan([
        [tw.metric, '說明', '2026/7', '2026/8', '2026/9'],
        ['KR1', '實際', 180, 220, 260],
        [null, '累計', 180, 400, 660],
      ]),
      '2026-10-15',
      { 實際: ['A2:A3'] },
    );
    expect(kr('KR1').actualToDate).toBe(660);
    expect(said('to-date-rows-in-actuals')).toEqual([['實際', 'B3']]);
    expect(issues.find((i) => i.code === 'to-date-rows-in-actuals')!.message['zh-TW']).toBe(
      '「實際」表的「說明」欄有 1 列寫著「累計」（第 3 列，如 KR1 的）：這些是累計至今的數值，而這些指標的實際值另有各自的列，因此不重複計入。',
    );
  });

  it("as a metric's only row: counted as typed and said as a Note saying 累計 is (to-date-note)", async () => {
    const { kr, said, issues } = await judge(
      twPlan([
        [tw.metric, '說明', '2026/7', '2026/8', '2026/9'],
        ['KR1', '累計', 180, 400, 660],
        ['KR2', '實際', 3000, 3200, 3500],
      ]),
      '2026-10-15',
    );
    expect(kr('KR1').actualToDate).toBe(1240);
    expect(said('to-date-note')).toEqual([
      ['實際', 'D2'],
      ['實際', 'E2'],
    ]);
    expect(issues.find((i) => i.code === 'to-date-note')!.message['zh-TW']).toContain(
      '這筆實際資料的「說明」寫著「累計」',
    );
  });
});
