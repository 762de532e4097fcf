/**
 * A1 / R1C1 notation helpers. Rows and columns are 1-based everywhere in the emulator's public
 * surface, like Apps Script; HyperFormula addresses (0-based) only appear in spreadsheet.ts.
 */

/** A rectangle of cells: top-left row/column (1-based) and its size. */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnToLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `getRange(1,1,2,5).getA1Notation()` is `"A1:E2"`; a single cell is just `"A1"` [R]. */
export function rectToA1(rect: GridRect): string {
  const start = columnToLetters(rect.col) + rect.row;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${columnToLetters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

/** Quote a sheet name for use inside a formula or a `Tab!A1` reference when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Split `'My Tab'!A1:B2` / `Tab!A1` into the sheet name (unquoted) and the cell reference.
 * The last `!` wins because sheet names may themselves contain `!` when quoted.
 */
export function splitSheetPrefix(reference: string): { sheetName?: string; ref: string } {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return { ref: reference.trim() };
  let sheetName = reference.slice(0, bang).trim();
  if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName, ref: reference.slice(bang + 1).trim() };
}

const A1_PART = /^\$?([A-Za-z]*)\$?(\d*)$/;
const R1C1_PART = /^R(\d+)C(\d+)$/i;

/**
 * Parse a cell reference without sheet prefix. Accepts `A1`, `A1:B2`, whole columns `A:C`,
 * whole rows `2:5`, open-ended `A2:C` and absolute R1C1 `R1C1:R2C3` ([SH]: getRange accepts A1
 * or R1C1). Whole-row/column forms are expanded to the sheet's current size. Returns null when
 * the text is not a reference.
 */
export function parseRangeRef(ref: string, maxRows: number, maxCols: number): GridRect | null {
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2) return null;

  if (parts.every((p) => R1C1_PART.test(p))) {
    const [r1, c1] = R1C1_PART.exec(parts[0])!.slice(1).map(Number);
    const [r2, c2] = parts.length === 2 ? R1C1_PART.exec(parts[1])!.slice(1).map(Number) : [r1, c1];
    return normalise(r1, c1, r2, c2);
  }

  const matches = parts.map((p) => A1_PART.exec(p.trim()));
  if (matches.some((m) => m === null || (m[1] === '' && m[2] === ''))) return null;
  const [start, end] = [matches[0]!, matches[matches.length - 1]!];
  if (parts.length === 1) {
    // A single part must be a full cell ("A" or "1" alone is not a range).
    if (start[1] === '' || start[2] === '') return null;
  }
  const r1 = start[2] === '' ? 1 : Number(start[2]);
  const c1 = start[1] === '' ? 1 : lettersToColumn(start[1]);
  const r2 = end[2] === '' ? maxRows : Number(end[2]);
  const c2 = end[1] === '' ? maxCols : lettersToColumn(end[1]);
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) return null;
  return normalise(r1, c1, r2, c2);
}

function normalise(r1: number, c1: number, r2: number, c2: number): GridRect {
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

export function rectContains(outer: GridRect, row: number, col: number): boolean {
  return (
    row >= outer.row && row < outer.row + outer.numRows && col >= outer.col && col < outer.col + outer.numCols
  );
}
