/**
 * Plans as GTM leads in Taiwan and Hong Kong type them, found in a QA round: headers naming their column in two
 * languages ("方向 Direction", "目標值/Target") or with a mark ("目標值*", "Target:"), the words they use for
 * columns, tabs and allowed values (主責部門, 月份, KPI指標, 越低越好, 延遲), a Language cell naming a place (台灣),
 * a Type or Direction that cannot be read (never judged on the default), and 目標 (an objective) kept apart from
 * 目標值 (a target). Each side: what is read now, and what stays refused or unambiguous.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { exampleWorkbook, parsePlan, type PlanIssue, type Workbook } from '../shared';
import { colOf } from './helpers/edit';

const KR = '關鍵結果';

/** The Traditional Chinese example with one header renamed: `tab`'s header `from` becomes `to`. */
function withHeader(
  tab: string,
  from: string,
  to: string,
  wb: Workbook = exampleWorkbook('zh-TW'),
): Workbook {
  wb[tab][0][colOf(wb[tab], from)] = to;
  return wb;
}

const codes = (issues: PlanIssue[]) => issues.map((i) => i.code);
const structural = (issues: PlanIssue[]) =>
  issues.filter((i) => /^(missing-column|ambiguous-header|unread-header|missing-tab)/.test(i.code));

async function throughXlsx(workbook: Workbook): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

describe('a header naming its column in two languages, or with a mark after it', () => {
  const example = parsePlan(exampleWorkbook('zh-TW')).plan;

  it('reads "中文 English", "English 中文", with a slash, a bar or a line break, and a trailing * or colon', async () => {
    const headers: [string, string, string][] = [
      ['KPI', '方向', '方向 Direction'],
      [KR, '開始', '開始 Start'],
      [KR, '單位', '單位 Unit'],
      [KR, '基線', 'Baseline 基線'],
      [KR, '信心', 'Confidence %'],
      [KR, '目標值', '目標值 Target'],
      ['實際', '日期', '日期 Date'],
      ['實際', '數值', '數值 Value'],
    ];
    const wb = exampleWorkbook('zh-TW');
    for (const [tab, from, to] of headers) withHeader(tab, from, to, wb);
    // Through a real .xlsx, as the report reads a plan.
    const { plan, issues } = parsePlan(await throughXlsx(wb));
    expect(structural(issues)).toEqual([]);
    expect(plan.keyResults).toEqual(example.keyResults);
    expect(plan.kpis).toEqual(example.kpis);
    expect(plan.actuals).toEqual(example.actuals);
    expect(plan.kpis.find((k) => k.id === 'KPI2')?.direction).toBe('decrease');

    for (const target of [
      '目標值/Target',
      '目標值\nTarget',
      '目標值 | Target',
      '目標值*',
      '目標值：',
      'Target:',
      'Target 目標值',
    ]) {
      const read = parsePlan(withHeader(KR, '目標值', target));
      expect(structural(read.issues), target).toEqual([]);
      expect(
        read.plan.keyResults.map((kr) => kr.target),
        target,
      ).toEqual(example.keyResults.map((kr) => kr.target));
    }
  });

  it('reads a header of two names of one column as that column, and one naming two columns as neither, said', () => {
    // "開始 Due": Start in Chinese, Due in English. Not read as either; both are then missing.
    const { plan, issues } = parsePlan(withHeader(KR, '開始', '開始 Due'));
    const ambiguous = issues.filter((i) => i.code === 'ambiguous-header');
    expect(ambiguous.map((i) => [i.sheet, i.a1, i.severity])).toEqual([[KR, 'J1', 'warning']]);
    expect(ambiguous[0].message['zh-TW']).toBe(
      '「關鍵結果」表的表頭「開始 Due」寫了不止一欄（「開始」、「截止」），因此不按其中任何一欄讀取。',
    );
    // Due is still read from its own column, Start from none (the period start).
    expect(plan.keyResults.map((kr) => kr.due)).toEqual(example.keyResults.map((kr) => kr.due));
    expect(plan.keyResults.every((kr) => kr.start === null)).toBe(true);
    expect(codes(issues)).toContain('missing-column-optional');

    // A name the plan does not know beside one it does is not taken as that column either.
    for (const header of ['目標值 Goal', '* 目標值', '%'])
      expect(
        parsePlan(withHeader(KR, '目標值', header)).plan.keyResults.every((kr) => kr.target === null),
        header,
      ).toBe(true);
  });

  it('says a missing column at the header row, naming a header that may be it, not at a cell after the table', () => {
    const near = parsePlan(withHeader(KR, '目標值', '預計目標值'));
    const [missing] = near.issues.filter((i) => i.code === 'missing-column');
    expect([missing.sheet, missing.a1]).toEqual([KR, 'I1']);
    expect(missing.message['zh-TW']).toBe(
      '「關鍵結果」表缺少「目標值」欄。表頭「預計目標值」（I1）可能就是該欄：如果是，請改名為「目標值」。',
    );
    expect(missing.message.en).toBe(
      'Column "Target" is missing on "關鍵結果". The header "預計目標值" (I1) may be meant as it: if so, rename it "Target".',
    );

    // Nothing like it: at the header row, not at O1 (the first free cell), with nothing named.
    const wb = exampleWorkbook('zh-TW');
    const target = colOf(wb[KR], '目標值');
    for (const row of wb[KR]) row.splice(target, 1);
    const [gone] = parsePlan(wb).issues.filter((i) => i.code === 'missing-column');
    expect([gone.sheet, gone.a1, gone.message['zh-TW']]).toEqual([
      KR,
      'A1',
      '「關鍵結果」表缺少「目標值」欄。',
    ]);
  });
});
