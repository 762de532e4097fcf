/** Evaluate a workbook of values and formula strings with HyperFormula, the stand-in for a real spreadsheet. */
import { HyperFormula } from 'hyperformula';
import type { Cell, Workbook } from '../../shared';

export function evaluateWorkbook(workbook: Workbook): {
  values: (sheet: string) => unknown[][];
  hf: HyperFormula;
} {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const [name, grid] of Object.entries(workbook)) {
    sheets[name] = grid.map((row) =>
      row.map((cell: Cell) =>
        cell === '' || cell === undefined ? null : cell instanceof Date ? cell.toISOString() : cell,
      ),
    );
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  return {
    hf,
    values: (sheet: string) => hf.getSheetValues(hf.getSheetId(sheet)!) as unknown[][],
  };
}
