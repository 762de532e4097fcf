/**
 * Helpers for the sidebar and sandbox tests: every cell of a spreadsheet (values and formulas) to compare before and
 * after a quick fix, the cells named by a quick fix's Sheet!A1 list, and the issues shared/ finds in a spreadsheet.
 */
import type { FakeSpreadsheet } from '../../emulator/index';
import { toWorkbook } from '../../emulator/index';
import { analyzeWorkbook, columnLetter, type PlanIssue, type Workbook } from '../../shared';

/** "Sheet!A1" → value (Dates as ISO text) and formula, for every cell that holds anything, plus the tab list. */
export function allCells(ss: FakeSpreadsheet): { sheets: string[]; cells: Map<string, string> } {
  const cells = new Map<string, string>();
  const sheets: string[] = [];
  for (const sheet of ss.getSheets()) {
    sheets.push(sheet.getName());
    const rows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    if (rows === 0 || columns === 0) continue;
    const range = sheet.getRange(1, 1, rows, columns);
    const values = range.getValues();
    const formulas = range.getFormulas();
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = formulas[r][c];
        if (value === '' && !formula) return;
        const shown = value instanceof Date ? value.toISOString() : JSON.stringify(value);
        cells.set(
          `${sheet.getName()}!${columnLetter(c + 1)}${r + 1}`,
          formula ? `${formula} → ${shown}` : shown,
        );
      }),
    );
  }
  return { sheets, cells };
}

/** The cells whose content differs between two snapshots, sorted. */
export function changedCells(
  before: ReturnType<typeof allCells>,
  after: ReturnType<typeof allCells>,
): string[] {
  const keys = new Set([...before.cells.keys(), ...after.cells.keys()]);
  return [...keys].filter((k) => before.cells.get(k) !== after.cells.get(k)).sort();
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Is "Sheet!B7" inside one of the named cells or ranges ("Sheet!B7", "Sheet!A1:T13")? */
export function isNamed(cell: string, named: string[]): boolean {
  const split = (ref: string) => {
    const i = ref.lastIndexOf('!');
    return [ref.slice(0, i), ref.slice(i + 1)] as const;
  };
  const [sheet, a1] = split(cell);
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const [col, row] = [columnNumber(m[1]), Number(m[2])];
  return named.some((ref) => {
    const [s, range] = split(ref);
    if (s !== sheet) return false;
    const [from, to = from] = range.split(':');
    const a = /^([A-Z]+)(\d+)$/.exec(from)!;
    const b = /^([A-Z]+)(\d+)$/.exec(to)!;
    return (
      col >= columnNumber(a[1]) && col <= columnNumber(b[1]) && row >= Number(a[2]) && row <= Number(b[2])
    );
  });
}

/** What shared/ says about the spreadsheet as it is now, as of a day. */
export function sharedIssues(ss: FakeSpreadsheet, asOf: string): PlanIssue[] {
  return analyzeWorkbook(toWorkbook(ss) as Workbook, { asOf, timeZone: ss.getSpreadsheetTimeZone() }).issues;
}

/** True when a value is what google.script.run can carry: strings, finite numbers, booleans, null, plain arrays/objects. */
export function isPlainJson(value: unknown, path = 'result', problems: string[] = []): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return problems;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path}: ${value}`);
    return problems;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => isPlainJson(v, `${path}[${i}]`, problems));
    return problems;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      problems.push(`${path}: ${Object.prototype.toString.call(value)}`);
      return problems;
    }
    for (const [k, v] of Object.entries(value)) isPlainJson(v, `${path}.${k}`, problems);
    return problems;
  }
  problems.push(`${path}: ${typeof value}`);
  return problems;
}
