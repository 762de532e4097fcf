/**
 * An independent reading of an .xlsx, to check report/read-xlsx.ts against: exceljs's whole-file loader
 * (`Workbook.xlsx.load`, the reader the report used before its own streaming one), its cells turned into the
 * plan core's grid the way a person sees them (a formula's cached result, rich text joined, a link's text, an
 * error's text, a formula saved without its result marked as such, a merged block filled from its top-left cell).
 */
import ExcelJS from 'exceljs';

import {
  fillMergedCells,
  FORMULA_WITHOUT_RESULT,
  mergedRangeFromA1,
  type Cell,
  type MergedRange,
  type Workbook,
} from '../../shared/cells';

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('error' in value) return String(value.error);
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    // Saved without its result (exceljs writes formulas so): the reader marks the cell rather than blank it.
    return result === undefined ? FORMULA_WITHOUT_RESULT : cellValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    return typeof text === 'object' && text !== null
      ? cellValue(text as ExcelJS.CellValue)
      : String(text ?? '');
  }
  return String(value);
}

export async function exceljsGrid(buffer: Buffer): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const out: Workbook = {};
  for (const sheet of book.worksheets) {
    const grid: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // A merged block's other cells echo the top-left value in exceljs; the block is filled below.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = cellValue(cell.value);
        if (value === '') return;
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = value;
      });
      if (cells.length === 0) return;
      while (grid.length < rowNumber - 1) grid.push([]);
      grid[rowNumber - 1] = cells;
    });
    const merges = (sheet.model.merges ?? []).map(mergedRangeFromA1).filter((m): m is MergedRange => !!m);
    out[sheet.name] = merges.length ? fillMergedCells(grid, merges) : grid;
  }
  return out;
}
