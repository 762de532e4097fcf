/**
 * A currency the cell's number format shows (40000 in a `[$￥-804]#,##0` cell, the currency button of a zh-CN Excel)
 * where the key result counts USD: the fix says to change the cell's number format, since retyping 40000 keeps the ￥
 * and the same error (QA). A currency typed as text keeps the fix it had. Real .xlsx files written by exceljs, read
 * by the report's reader.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, exampleWorkbook, type Cell, type Lang } from '../shared';
import { readXlsxBuffer } from '../report/read-xlsx';

const ACTUALS: Record<Lang, string> = { en: 'Actuals', 'zh-CN': '实际', 'zh-TW': '實際' };

/** The example with the first check-in of `metric` set to `value` in `format`; the issues at that cell. */
async function firstCheckIn(lang: Lang, metric: string, value: Cell, format?: string) {
  const example = exampleWorkbook(lang);
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(example)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  const row = example[ACTUALS[lang]].findIndex((r) => r[1] === metric) + 1;
  const cell = book.getWorksheet(ACTUALS[lang])!.getCell(row, 3);
  cell.value = value as ExcelJS.CellValue;
  if (format) cell.numFmt = format;
  const wb = await readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
  const { issues } = analyzeWorkbook(wb, { asOf: '2026-11-15', timeZone: 'UTC' });
  return issues.filter((i) => i.sheet === ACTUALS[lang] && i.row === row);
}

describe('a currency shown by the cell’s number format: the fix is the format, not retyping', () => {
  it('zh-CN: 40000 in [$￥-804]#,##0 where KR1 counts USD says to change the number format to USD or a plain number (QA)', async () => {
    const at = await firstCheckIn('zh-CN', 'KR1', 40000, '[$￥-804]#,##0');
    expect(at.map((i) => i.code)).toEqual(['currency-mismatch']);
    expect(at[0].fix['zh-CN']).toBe(
      '请以 USD（“策略”表中的货币）填写金额：系统不做汇率换算。¥ 来自单元格的数字格式，重新输入金额后仍会保留：请将单元格的数字格式（格式 → 数字）改为 USD 或常规数字。',
    );
    expect(at[0].fix.en).toContain('format the cell (Format → Number) as USD or as a plain number.');
    expect(at[0].fix['zh-TW']).toContain('（格式 → 數值）改為 USD 或一般數字。');
    // As told: the same 40000 in a plain number cell is read, with nothing said.
    expect(await firstCheckIn('zh-CN', 'KR1', 40000, '#,##0')).toEqual([]);
  });

  it('typed as text, the fix is as before: retype the amount', async () => {
    const at = await firstCheckIn('zh-CN', 'KR1', '￥40,000');
    expect(at.map((i) => i.code)).toEqual(['currency-mismatch']);
    expect(at[0].fix['zh-CN']).toBe('请以 USD（“策略”表中的货币）填写金额：系统不做汇率换算。');
  });

  it('en: $2 shown by a format where KPI2 counts hours: the number in hours, and the format to a plain number', async () => {
    const at = await firstCheckIn('en', 'KPI2', 2, '"$"#,##0.00');
    expect(at.map((i) => i.code)).toEqual(['unit-mismatch']);
    expect(at[0].fix.en).toBe(
      "Type the number in hours. The $ is the cell's number format, which stays when the number is retyped: format the cell (Format → Number) as a plain number.",
    );
  });
});
