/** Evaluate a workbook of values and formula strings with HyperFormula, the stand-in for a real spreadsheet. */
import { HyperFormula, type ConfigParams } from 'hyperformula';
import { installIndexedCriteria } from '../../emulator/indexed-criteria';
import { installSpreadsheetRound } from '../../emulator/spreadsheet-round';
import type { Cell, Workbook } from '../../shared';

// The emulator's criteria functions (same results, indexed) and ROUND: the tests evaluate as the emulator does.
installIndexedCriteria();
installSpreadsheetRound();

export interface EvaluateOptions {
  /** Workbook-level names → a cell, e.g. { GTM_AS_OF: { sheet: 'Targets', row: 2, column: 30 } } (1-based). */
  names?: Record<string, { sheet: string; row: number; column: number }>;
  /**
   * Parse formulas as a comma-decimal locale (de_DE) separates arguments: ';'. Decimals stay '.': HyperFormula
   * writes numbers into text with '.' whatever its decimal separator (see docs/emulator.md).
   */
  syntax?: 'comma' | 'semicolon';
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function evaluateWorkbook(
  workbook: Workbook,
  options: EvaluateOptions = {},
): {
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
  const config: Partial<ConfigParams> = { licenseKey: 'gpl-v3' };
  if (options.syntax === 'semicolon')
    Object.assign(config, { functionArgSeparator: ';', arrayColumnSeparator: ';', arrayRowSeparator: '|' });
  const hf = HyperFormula.buildFromSheets(sheets, config);
  for (const [name, at] of Object.entries(options.names ?? {}))
    hf.addNamedExpression(name, `=${quote(at.sheet)}!$${columnLetters(at.column)}$${at.row}`);
  return {
    hf,
    values: (sheet: string) => hf.getSheetValues(hf.getSheetId(sheet)!) as unknown[][],
  };
}
