/**
 * A unit note in a title row above the header row, as a Traditional Chinese QA round typed it: 「單位：新台幣萬元」
 * over the Key Results and Actuals tabs, a Target of 3000 meant as 3000 萬元. The numbers are read as typed (as under
 * a header with such a note, header-scale), and that is now said at the note (title-scale). Written with exceljs and
 * read through the report's reader.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { analyzeWorkbook, type Workbook } from '../shared';
import { tabDef } from '../shared/template';
import { cumulativeKeyResult, planTabs, TW_QA_TABS } from './helpers/plan-tabs';

/** QA's plan, with the title row above the header rows of the Key Results and Actuals tabs. */
function plan(title: string, units: string[]): Workbook {
  const workbook = planTabs(
    'zh-TW',
    { product: '記帳 App', periodStart: '115/07/01', periodEnd: '116/06/30' },
    {
      ...TW_QA_TABS,
      keyResults: units.map((unit, i) =>
        cumulativeKeyResult({
          id: `KR${i + 1}`,
          title: '營收',
          owner: '營運',
          unit,
          target: 3000,
          start: '115/07/01',
          due: '116/06/30',
        }),
      ),
      actuals: units.map((_, i) => ({ date: '2026/08/31', metric: `KR${i + 1}`, value: 180 })),
    },
  );
  for (const tab of ['keyResults', 'actuals'] as const) {
    const name = tabDef(tab).label['zh-TW'];
    workbook[name] = [[title], ...workbook[name]];
  }
  return workbook;
}

async function titleScale(workbook: Workbook) {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  const read = await readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
  return analyzeWorkbook(read, { asOf: '2026-09-15' })
    .issues.filter((i) => i.code === 'title-scale')
    .map((i) => [`${i.sheet}!${i.a1}`, i.message['zh-TW'], i.message.en]);
}

describe('a unit note in the title row above the header row', () => {
  it('單位：新台幣萬元 over Units 元, NT$ and blank: said at each tab’s note', async () => {
    expect(await titleScale(plan('單位：新台幣萬元', ['', '元', 'NT$']))).toEqual(
      ['關鍵結果!A1', '實際!A1'].map((at) => [
        at,
        '表頭上方註明「單位：新台幣萬元」，但其下方的數字依填寫的數值讀取：3000 就是 3000，而不是 3000 × 10,000。',
        'The note "單位：新台幣萬元" above the header row counts the numbers below in a multiple, but they are read as typed: 3000 is 3000, not 3000 × 10,000.',
      ]),
    );
  });

  it('单位：万元, Unit: thousands and (in NT$K) are notes too', async () => {
    for (const [title, multiple] of [
      ['单位：万元', '10,000'],
      ['Unit: thousands', '1,000'],
      ['(in NT$K)', '1,000'],
    ]) {
      const said = await titleScale(plan(title, ['元']));
      expect(said.map(([at]) => at)).toEqual(['關鍵結果!A1', '實際!A1']);
      expect(said[0][2]).toContain(`not 3000 × ${multiple}.`);
    }
  });

  it('not where every metric’s Unit already counts in it, nor for a title that names no multiple', async () => {
    expect(await titleScale(plan('單位：萬元', ['萬元', '萬元']))).toEqual([]);
    expect(await titleScale(plan('2026 營收計畫（萬元）', ['元']))).toEqual([]);
    expect(await titleScale(plan('單位：新台幣', ['元']))).toEqual([]);
  });
});
