/**
 * Reading one cell as spreadsheets hand it over (Apps Script getValues(), exceljs, plain JSON):
 * numbers, strings, booleans, Dates, '' for empty, and error strings such as '#REF!'.
 * Every reader returns a value or a reason; none throws on user data.
 */
import { dateToIso, isIsoDate, isoDate, isRealDay, serialToIso, type IsoDate } from './calendar';

export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = Cell[][];
/** A workbook as tab name → rows of cells, the one input shape of the parser. */
export type Workbook = Record<string, Grid>;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: ReadFailure };
export type ReadFailure = 'formula-error' | 'not-a-number' | 'not-a-date' | 'blank';

const ERROR_VALUE = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)/i;

export function isBlank(cell: Cell): boolean {
  if (typeof cell === 'string') return cell.trim() === '';
  return cell === null || cell === undefined;
}

export function isErrorValue(cell: Cell): boolean {
  return typeof cell === 'string' && ERROR_VALUE.test(cell.trim());
}

/** A cell as trimmed text: what a person sees, good for names and IDs. */
export function cellText(cell: Cell, timeZone = 'UTC'): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateToIso(cell, timeZone) ?? '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return String(cell).trim();
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: ReadFailure): Read<T> => ({ ok: false, reason });

/**
 * A number. Accepts "1,000,000", "USD 1,000,000", "$2.99", "１２" (full-width), "20%" (→ 0.2) and
 * "-5"; rejects anything else with a reason. Percent strings always mean a ratio.
 */
export function readNumber(cell: Cell): Read<number> {
  if (isBlank(cell)) return fail('blank');
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not-a-number');
  if (typeof cell === 'boolean' || cell instanceof Date) return fail('not-a-number');
  if (isErrorValue(cell)) return fail('formula-error');
  let text = String(cell).normalize('NFKC').trim();
  const percent = /%$/.test(text);
  if (percent) text = text.slice(0, -1).trim();
  // Currency codes and symbols before or after the amount are decoration, not part of the number.
  text = text.replace(/^([A-Za-z]{3}|[$€£¥￥])\s*/, '').replace(/\s*([A-Za-z]{3}|[$€£¥￥元])$/, '');
  // Thousands separators: "1,000,000" or "1 000 000"; a lone comma decimal ("2,5") is too ambiguous.
  if (/^[-+]?\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/[, ]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return fail('not-a-number');
  const value = Number(text);
  if (!Number.isFinite(value)) return fail('not-a-number');
  return ok(percent ? value / 100 : value);
}

/**
 * A calendar day. Accepts Date objects (read in the spreadsheet's time zone), spreadsheet serial numbers,
 * "2026-03-01", "2026/3/1", "2026.3.1", "2026-03" (the first of the month), "2026年3月1日", "2026年3月".
 * Day-first and month-first forms like 03/04/2026 are refused: they mean different days in different countries.
 */
export function readDate(cell: Cell, timeZone = 'UTC'): Read<IsoDate> {
  if (isBlank(cell)) return fail('blank');
  if (cell instanceof Date) {
    const iso = dateToIso(cell, timeZone);
    // The same years as typed text (1900–9999): a Date in year 26 or 20000 is a typo, and would not even
    // print as YYYY-MM-DD, which every later stage relies on.
    return iso && isIsoDate(iso) ? ok(iso) : fail('not-a-date');
  }
  if (typeof cell === 'number') {
    // Serial numbers between 1 (1899-12-31) and 2958465 (9999-12-31).
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return fail('not-a-date');
    return ok(serialToIso(cell));
  }
  if (typeof cell === 'boolean') return fail('not-a-date');
  // The usual form, "2026-03-01", read without normalising or a regular expression: Actuals has thousands.
  if (
    typeof cell === 'string' &&
    cell.length === 10 &&
    cell.charCodeAt(4) === 45 &&
    cell.charCodeAt(7) === 45
  ) {
    const y = digitsAt(cell, 0, 4);
    const mo = digitsAt(cell, 5, 2);
    const d = digitsAt(cell, 8, 2);
    if (y >= 0 && mo >= 0 && d >= 0) return isRealDay(y, mo, d) ? ok(cell) : fail('not-a-date');
  }
  if (isErrorValue(cell)) return fail('formula-error');
  const text = String(cell).normalize('NFKC').trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T\s].*)?$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(text);
  if (!m) return fail('not-a-date');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  return isRealDay(y, mo, d) ? ok(isoDate(y, mo, d)) : fail('not-a-date');
}

/** The number written by `length` ASCII digits from `start`, or -1 when any of them is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** A comma-separated list ("KR1, KR2", "KR1，KR2", "KR1; KR2") as trimmed non-empty items. */
export function readList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,，;；、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Column number (1-based) to letters: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** A sheet name quoted for use in a formula or an A1 reference: 'Key Results'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Text from a plan cell, made safe to write into a grid where strings starting with "=" are formulas (Apps Script
 * setValues, facts #9; the xlsx writer): such text becomes a formula that yields the same text, never one that runs.
 */
export function textCell(text: string): string {
  if (!text.startsWith('=')) return text;
  // Quotes via CHAR(34): HyperFormula does not read the "" escape that Sheets, Excel and LibreOffice accept.
  return (
    '=' +
    text
      .split('"')
      .map((part) => `"${part}"`)
      .join('&CHAR(34)&')
  );
}

/** A merged block of cells, 1-based and inclusive, as exceljs, Apps Script and the Sheets API all describe one. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A merged block from its A1 notation ("A2:A4", or "B3" for one cell), as both file formats and Apps Script give it. */
export function mergedRangeFromA1(ref: string): MergedRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const column = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b] = [column(m[1]), column(m[3] ?? m[1])];
  const [r1, r2] = [Number(m[2]), Number(m[4] ?? m[2])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

/**
 * Spreadsheets keep a merged block's value in its top-left cell only; the other cells read as blank. People merge
 * cells to group rows (one Objective cell over its three key results), and mean the value for every row, so every
 * reader fills the block with the top-left value before the parser sees the grid. The grid is changed in place
 * (rows are extended where the block reaches past them) and returned.
 */
export function fillMergedCells(grid: Grid, merges: readonly MergedRange[]): Grid {
  for (const { top, left, bottom, right } of merges) {
    const value = grid[top - 1]?.[left - 1];
    if (isBlank(value)) continue;
    for (let r = top; r <= bottom; r++) {
      const row = (grid[r - 1] ??= []);
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (row.length < c - 1) row.push('');
        row[c - 1] = value;
      }
    }
  }
  return grid;
}
