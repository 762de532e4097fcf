/**
 * A formula cell saved without its result (`<c><f>0.7</f></c>`, no `<v>`), as exceljs, openpyxl or a script write
 * one: said at its cell in the plan's words, never read as blank or as the column's default (QA d3).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { parsePlan, type Lang } from '../shared';
import { readXlsxBuffer } from '../report/read-xlsx';
import { planToXlsxBuffer } from '../report/write-xlsx';
import { exampleGrid, header, tabName } from './helpers/report';

type Edit = { column: string; id: string; formula: string; result?: number | Date; numFmt?: string };

/** The example plan as an .xlsx (no Targets tab), with cells of the Key Results tab made formulas by exceljs. */
async function planWith(lang: Lang, edits: Edit[], targets = false) {
  const book = new ExcelJS.Workbook();
  const written = await planToXlsxBuffer(exampleGrid(lang), { lang, targets });
  await book.xlsx.load(written as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(tabName('keyResults', lang))!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  for (const { column, id, formula, result, numFmt } of edits) {
    const c = headers.indexOf(header('keyResults', column, lang));
    let r = 2;
    while (sheet.getCell(r, 1).value !== id) r++;
    const cell = sheet.getCell(r, c);
    cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
    if (numFmt) cell.numFmt = numFmt;
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return parsePlan(await readXlsxBuffer(buffer, 'script.xlsx'), { timeZone: 'UTC' });
}

describe('a formula saved without its result', () => {
  it('a Target: said at its cell, not "Target is empty"; the key result is left out', async () => {
    const { plan, issues } = await planWith('en', [{ column: 'target', id: 'KR2', formula: '5*10000' }]);
    const at = issues.filter((i) => i.a1 === 'I3');
    expect(at.map((i) => i.code)).toEqual(['formula-without-result']);
    expect(at[0].severity).toBe('error');
    expect(at[0].message.en).toBe(
      'Target of KR2 holds a formula whose result was not saved with the file (a program wrote it without calculating).',
    );
    expect(at[0].fix.en).toBe(
      'Open the file in a spreadsheet (Google Sheets, Excel, LibreOffice) and save it again, or type the value.',
    );
    expect(issues.map((i) => i.code)).not.toContain('missing-value');
    expect(plan.keyResults.find((k) => k.id === 'KR2')!.target).toBeNull();
  });

  it('optional cells (Baseline, Start, Weight) are not taken as 0, the period start or 1: said, the key result left out', async () => {
    const { plan, issues } = await planWith('en', [
      { column: 'baseline', id: 'KR5', formula: '0.7', numFmt: '0%' },
      { column: 'start', id: 'KR2', formula: 'DATE(2026,6,1)', numFmt: 'yyyy-mm-dd' },
      { column: 'weight', id: 'KR3', formula: '3' },
    ]);
    const said = issues.filter((i) => i.code === 'formula-without-result').map((i) => i.a1);
    expect(said).toEqual(['J3', 'M4', 'H6']);
    for (const id of ['KR2', 'KR3', 'KR5'])
      expect(plan.keyResults.find((k) => k.id === id)!.target, id).toBeNull();
    // Each cell is said once, and nothing else is said of it.
    for (const a1 of said) expect(issues.filter((i) => i.a1 === a1)).toHaveLength(1);
  });

  it('said in the plan’s language (zh-TW)', async () => {
    const { issues } = await planWith('zh-TW', [{ column: 'target', id: 'KR2', formula: '5*10000' }]);
    const issue = issues.find((i) => i.code === 'formula-without-result')!;
    expect(issue.a1).toBe('I3');
    expect(issue.message['zh-TW']).toBe(
      'KR2 的「目標值」是公式，但檔案中沒有儲存它的計算結果（由不計算公式的程式寫入）。',
    );
    expect(issue.fix['zh-TW']).toBe(
      '用試算表（Google 試算表、Excel、LibreOffice）開啟該檔案並重新儲存，或直接填寫數值。',
    );
  });

  it('a formula saved with its result reads its value, and says nothing', async () => {
    const { plan, issues } = await planWith('en', [
      { column: 'baseline', id: 'KR5', formula: '0.7', result: 0.7, numFmt: '0%' },
      { column: 'weight', id: 'KR3', formula: '3', result: 3 },
    ]);
    expect(issues.map((i) => i.code)).not.toContain('formula-without-result');
    expect(plan.keyResults.find((k) => k.id === 'KR5')!.baseline).toBe(0.7);
    expect(plan.keyResults.find((k) => k.id === 'KR3')!.weight).toBe(3);
  });

  it('the Targets tab our own files write (formulas, results left to the spreadsheet) says nothing of it', async () => {
    const { issues } = await planWith('en', [], true);
    expect(issues.map((i) => i.code)).not.toContain('formula-without-result');
  });
});
