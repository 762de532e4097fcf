/**
 * Subtotal rows on the Actuals tab (shared/subtotals.ts): a row whose Note says 小計 / 合計 / Total and whose value
 * is the sum of its key result's check-ins right above it is left out of a cumulative key result's sums, and said at
 * its Value cell, in the plan's language. Each workbook is a real .xlsx written with exceljs, the subtotal a real
 * =SUM formula with its cached result (as Google Sheets exports it), read as the CLI reads it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type Cell, type Workbook } from '../shared';
import { enumValue } from '../shared/example';
import { LANGS, tabDef, type Lang } from '../shared/template';
import { cumulativeKeyResult, headers, planTabs, TW_QA_STRATEGY, TW_QA_TABS } from './helpers/plan-tabs';

/** A cell: a plain value, or a formula with the result Sheets saved with it. */
type Typed = Cell | { formula: string; result: number };

async function read(tabs: Record<string, Typed[][]>): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

/**
 * QA's plan (Traditional Chinese, a Google Sheets export): one cumulative key result, KR2 試用註冊, 50,000 人 over
 * 2026-07 to 2027-06, and the Actuals rows given.
 */
async function qaPlan(actuals: Typed[][]) {
  const wb = await read({
    ...planTabs(
      'zh-TW',
      {
        ...TW_QA_STRATEGY,
        vision: '讓台灣小商家輕鬆記帳',
        strategy: '先攻北部門市',
        targetUsers: '小商家',
        problem: '記帳麻煩',
        category: '記帳軟體',
        businessGoal: '年營收三千萬',
      },
      {
        ...TW_QA_TABS,
        keyResults: [
          cumulativeKeyResult({
            id: 'KR2',
            title: '試用註冊',
            owner: '營運',
            unit: '人',
            target: 50000,
            start: '115/07/01',
            due: '116/06/30',
            phasing: enumValue('phasing', 'even'),
            weight: 1,
            confidence: 0.7,
          }),
        ],
      },
    ),
    [tabDef('actuals').label['zh-TW']]: [Object.values(headers('actuals', 'zh-TW')), ...actuals],
  });
  const result = analyzeWorkbook(wb, { asOf: '2027-03-15' });
  return { ...result, kr2: result.progress.keyResults[0] };
}

const months = (dates: string[]): Typed[][] =>
  dates.map((date, k) => [date, 'KR2', [3500, 3800, 4000, 4100, 3900][k]]);

describe('a subtotal row of a cumulative key result (QA, Traditional Chinese)', () => {
  it('leaves Q4 小計 (=SUM(C2:C4)) out of KR2, which is 19,300 and off track, and says so at 實際!C5', async () => {
    const [oct, nov, dec, jan, feb] = months([
      '2026/10/01',
      '2026/11/01',
      '2026/12/01',
      '2027/01/01',
      '2027/02/01',
    ]);
    const { kr2, issues } = await qaPlan([
      oct,
      nov,
      dec,
      ['2026/12/31', 'KR2', { formula: 'SUM(C2:C4)', result: 11300 }, 'Q4 小計'],
      jan,
      feb,
    ]);
    expect(kr2.actualToDate).toBe(19300);
    expect(kr2.status).toBe('off-track');
    const said = issues.filter((i) => i.sheet === '實際');
    expect(said.map((i) => `${i.code}@${i.a1}`)).toEqual(['subtotal-check-in@C5']);
    expect(said[0].severity).toBe('warning');
    expect(said[0].message['zh-TW']).toBe(
      '實際資料第 5 列（KR2，2026-12-31，11,300 人）是小計：其「備註」寫著「小計」，數值等於上方 3 筆 KR2 實際資料（第 2 至 4 列）的總和。此列不計入，以免這些數值重複計算。',
    );
    expect(said[0].fix['zh-TW']).toBe(
      '刪除此列，或把小計放到其他工作表：此表的每一列都計為實際資料。如果它是一筆獨立的實際值，請從「備註」中刪去「小計」，它就會計入。',
    );
  });

  it('dated as the December row: left out, and no tip that two amounts of one day are fine', async () => {
    const [oct, nov, dec, jan, feb] = months([
      '2026/10/31',
      '2026/11/30',
      '2026/12/31',
      '2027/01/31',
      '2027/02/28',
    ]);
    const { kr2, issues } = await qaPlan([
      oct,
      nov,
      dec,
      ['2026/12/31', 'KR2', { formula: 'SUM(C2:C4)', result: 11300 }, 'Q4 小計'],
      jan,
      feb,
    ]);
    expect(kr2.actualToDate).toBe(19300);
    expect(issues.filter((i) => i.sheet === '實際').map((i) => `${i.code}@${i.a1}`)).toEqual([
      'subtotal-check-in@C5',
    ]);
  });

  it('leaves out a 合計 row at the bottom, and a year 合計 under quarter 小計 rows', async () => {
    const [oct, nov, dec, jan, feb] = months([
      '2026/10/01',
      '2026/11/01',
      '2026/12/01',
      '2027/01/01',
      '2027/02/01',
    ]);
    const bottom = await qaPlan([
      oct,
      nov,
      dec,
      jan,
      feb,
      ['2027/02/28', 'KR2', { formula: 'SUM(C2:C6)', result: 19300 }, '合計'],
    ]);
    expect(bottom.kr2.actualToDate).toBe(19300);
    expect(bottom.issues.filter((i) => i.code === 'subtotal-check-in').map((i) => i.a1)).toEqual(['C7']);
    // 小計 of Q4, then of Q1 so far, then the 總計 of both (=C5+C8, the subtotals) and a 合計 of the months.
    const quarters = await qaPlan([
      oct,
      nov,
      dec,
      ['2026/12/31', 'KR2', { formula: 'SUM(C2:C4)', result: 11300 }, 'Q4 小計'],
      jan,
      feb,
      ['2027/02/28', 'KR2', { formula: 'SUM(C6:C7)', result: 8000 }, 'Q1 小計'],
      ['2027/02/28', 'KR2', { formula: 'C5+C8', result: 19300 }, '總計'],
    ]);
    expect(quarters.kr2.actualToDate).toBe(19300);
    expect(quarters.issues.filter((i) => i.code === 'subtotal-check-in').map((i) => i.a1)).toEqual([
      'C5',
      'C8',
      'C9',
    ]);
  });

  it("a sum on the December row's date without a word in its Note: counted, and the tip does not call it fine", async () => {
    const [oct, nov, dec] = months(['2026/10/31', '2026/11/30', '2026/12/31']);
    const { kr2, issues } = await qaPlan([
      oct,
      nov,
      dec,
      ['2026/12/31', 'KR2', { formula: 'SUM(C2:C4)', result: 11300 }],
    ]);
    // Nothing says it is a subtotal: a real amount of that day cannot be told from one, and is never dropped.
    expect(kr2.actualToDate).toBe(3500 + 3800 + 4000 + 11300);
    const said = issues.filter((i) => i.sheet === '實際' && i.a1 === 'C5');
    expect(said.map((i) => i.code)).toEqual(['same-day-amounts']);
    const [tip] = said;
    expect(tip.fix['zh-TW']).toBe(
      '如果第 5 列是對第 4 列的更正，請刪除第 4 列；如果第 5 列是上方各列的小計或合計，請刪除第 5 列；只有兩者確實是同一天的兩筆數值時，才無需處理。',
    );
  });

  it('counts an amount whose Note says 合計 of something else, a formula that is no sum, and a negated word', async () => {
    const [oct, nov, dec] = months(['2026/10/01', '2026/11/01', '2026/12/01']);
    const { kr2, issues } = await qaPlan([
      oct,
      nov,
      dec,
      // The month's amount over three stores: not the sum of the rows above.
      ['2027/01/01', 'KR2', 4100, '三家門市合計'],
      // A formula, but an amount of its own (the month before and 5%).
      ['2027/02/01', 'KR2', { formula: 'C5*1.05', result: 4305 }, 'Total'],
      // The sum of the two rows above, but its Note says it is no subtotal.
      ['2027/02/15', 'KR2', 8405, '本月新增，非合計'],
    ]);
    expect(kr2.actualToDate).toBe(3500 + 3800 + 4000 + 4100 + 4305 + 8405);
    expect(issues.filter((i) => i.code === 'subtotal-check-in')).toEqual([]);
  });
});

/** The example of `lang` with rows added at the bottom of its Actuals tab, through an .xlsx. */
async function example(lang: Lang, extra: (rowOf: (metric: string) => number[]) => Typed[][]) {
  const wb = exampleWorkbook(lang);
  const actuals = tabDef('actuals').label[lang];
  const grid = wb[actuals] as Typed[][];
  const rowOf = (metric: string) => grid.flatMap((row, r) => (row[1] === metric ? [r + 1] : []));
  const tabs: Record<string, Typed[][]> = { ...(wb as Record<string, Typed[][]>) };
  tabs[actuals] = [...grid, ...extra(rowOf)];
  return { actuals, bottom: grid.length + 1, ...analyzeWorkbook(await read(tabs), { asOf: EXAMPLE_AS_OF }) };
}

const WORD: Record<Lang, string> = { en: 'Total', 'zh-CN': '总计', 'zh-TW': '合計' };

describe.each(LANGS)('a total row at the bottom of the example (%s)', (lang) => {
  it(`leaves KR2's "${WORD[lang]}" out, KR2 as without it, and says so at its Value cell`, async () => {
    const clean = analyzeWorkbook(exampleWorkbook(lang), { asOf: EXAMPLE_AS_OF });
    const kr2 = clean.progress.keyResults.find((k) => k.id === 'KR2')!;
    const { progress, issues, actuals, bottom } = await example(lang, (rowOf) => {
      const rows = rowOf('KR2');
      const sum = [3200, 4100, 4800, 5200, 5600, 5100, 4700, 4900].reduce((a, b) => a + b);
      return [
        ['2026-10-31', 'KR2', { formula: `SUM(C${rows[0]}:C${rows.at(-1)})`, result: sum }, WORD[lang]],
      ];
    });
    expect(progress.keyResults.find((k) => k.id === 'KR2')!.actualToDate).toBe(kr2.actualToDate);
    const said = issues.filter((i) => i.code === 'subtotal-check-in');
    expect(said.map((i) => `${i.sheet}!${i.a1}`)).toEqual([`${actuals}!C${bottom}`]);
    expect(said[0].message.en).toMatch(
      new RegExp(
        `^Actuals row ${bottom} \\(KR2, 2026-10-31, .*\\) is a subtotal: its Note says "${WORD[lang]}" and its value is the sum of the 8 check-ins of KR2 above it \\(rows \\d+ to \\d+\\)\\. It is not counted, so that they are not counted twice\\.$`,
      ),
    );
    expect(issues.filter((i) => i.code === 'same-day-amounts')).toEqual([]);
  });

  it('counts a total row of a level (a reading is no amount: the total of the parts is the reading)', async () => {
    // KR3 is a level: two readings of a day and their 合計 read as the later one, the total.
    const { progress, issues } = await example(lang, () => [
      ['2026-10-31', 'KR3', 0.06],
      ['2026-10-31', 'KR3', 0.08],
      ['2026-10-31', 'KR3', { formula: 'C56+C57', result: 0.14 }, WORD[lang]],
    ]);
    expect(progress.keyResults.find((k) => k.id === 'KR3')!.actualToDate).toBe(0.14);
    expect(issues.filter((i) => i.code === 'subtotal-check-in')).toEqual([]);
  });
});
