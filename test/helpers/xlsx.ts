/** A workbook through a real .xlsx: written with exceljs tab by tab and row by row, then read as the CLI reads it. */
import ExcelJS from 'exceljs';

import type { Workbook } from '../../shared';
import { readXlsxBuffer } from '../../report/read-xlsx';

/**
 * `merges`: by tab, the blocks to merge in it ("B1:C1"), as a person merges cells in the spreadsheet. `format`: by
 * tab, what a person does to its cells besides (a number format, an alignment), through exceljs's own API.
 */
export async function throughXlsx(
  workbook: Workbook,
  merges: Record<string, readonly string[]> = {},
  format: Record<string, (sheet: ExcelJS.Worksheet) => void> = {},
): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
    for (const range of merges[name] ?? []) sheet.mergeCells(range);
    format[name]?.(sheet);
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}
