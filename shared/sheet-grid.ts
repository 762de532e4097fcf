/**
 * "Cells from Google Sheets", one code path for both readers of a live spreadsheet:
 *
 * - the add-on (apps-script/server/sheets-adapter.ts): one `getDataRange().getValues()` per plan tab, dates as
 *   Date objects at midnight of the spreadsheet's time zone (possibly from another JavaScript realm);
 * - the report CLI's `--sheet` (report/read-sheets.ts): one Sheets API `values.batchGet` with
 *   `valueRenderOption=UNFORMATTED_VALUE` and `dateTimeRenderOption=SERIAL_NUMBER`, dates as serial numbers
 *   (days since 1899-12-30), which shared/cells.ts `readDate` reads in every date column.
 *
 * Both hand over the spreadsheet's tabs in order, each with its values and merged ranges; `sheetsToWorkbook`
 * keeps the plan tabs (the template's tab names, either language; the leftmost wins, as getSheetByName would
 * pick), makes every cell a plain value and fills merged blocks (`fillMergedCells`), so the parser sees the same
 * grid whichever way it was read. The spreadsheet's time zone and locale travel beside the workbook: the time
 * zone reads Date cells and fixes "today"; the locale gives the language when no plan tab decides it.
 */
import { fillMergedCells, type Cell, type Grid, type MergedRange, type Workbook } from './cells';
import { setNumberFormats, type FormatGrid } from './number-formats';
import { copiedTab, matchTab, moreActualsTab, nearTab, type TabKey } from './template';

/** True for a Date from any realm (a value made by another JavaScript context is not `instanceof Date`). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell as shared/ expects it: a Date from another realm becomes a Date of this one; null is blank. */
export function normalizeCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date((value as Date).getTime());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** The grid with every cell normalised; the same array when nothing needs it (the common case: no objects). */
export function normalizeGrid(values: unknown[][]): Grid {
  for (const row of values) {
    for (const cell of row) {
      if (cell === null || cell === undefined || typeof cell === 'object')
        return values.map((r) => r.map(normalizeCell));
    }
  }
  return values as Grid;
}

/** A grid with nothing but blanks (what getDataRange() gives for an empty sheet). */
export function isBlankGrid(values: Cell[][]): boolean {
  return values.every((row) => row.every((cell) => cell === '' || cell === null || cell === undefined));
}

/** The template tab a sheet name is (either language), if any: only these tabs are read. */
export function planTabKey(name: string): TabKey | null {
  return matchTab(name)?.key ?? null;
}

/**
 * The template tab whose columns a sheet's cells are read by: a plan tab's own, and the Actuals tab's for a tab of
 * more check-ins ("實際 2027", moreActualsTab), whose rows the parser reads only to say what is not counted
 * (extra-actuals-tab). Null for any other sheet, whose cells are not read.
 */
export function readsCellsOf(name: string): TabKey | null {
  return planTabKey(name) ?? (moreActualsTab(name) ? 'actuals' : null);
}

/**
 * A tab's cells as the parser reads them: plain values, merged blocks filled with their top-left value; with the
 * tab's number formats (getNumberFormats(), or the Sheets API's), when given, recorded beside the grid
 * (shared/number-formats.ts), merged blocks filled the same way.
 */
export function sheetGrid(
  values: unknown[][],
  merges: readonly MergedRange[] = [],
  formats?: FormatGrid,
): Grid {
  const grid = normalizeGrid(values);
  // fillMergedCells writes into the rows; never into the caller's arrays.
  const filled = (rows: Grid, own: boolean) =>
    merges.length === 0
      ? rows
      : fillMergedCells(own ? rows : rows.map((row) => (row ? [...row] : [])), merges);
  const cells = filled(grid, grid !== values);
  return setNumberFormats(cells, formats && (filled(formats as Grid, false) as FormatGrid));
}

/**
 * The plan tabs of a spreadsheet, in tab order, as the Workbook the parser reads: other tabs are left out, and of
 * two tabs with the same name the leftmost wins, as getSheetByName would pick. Grids are taken as they are
 * (already through sheetGrid). A tab named close to a plan tab ("2. Key Results") is there with no cells, unread,
 * so that the parser can say it is not read (tab-name-near), as it does for a file; so is a copy of a plan tab
 * ("Copy of Key Results"), said beside the tab read (tab-copy). A tab of more check-ins ("Actuals 2027") keeps its
 * cells (readsCellsOf), for the parser to say what on it is not read.
 */
export function sheetsToWorkbook(sheets: readonly { name: string; grid: Grid }[]): Workbook {
  const workbook: Workbook = {};
  for (const s of sheets) {
    if (s.name in workbook) continue;
    if (readsCellsOf(s.name)) workbook[s.name] = s.grid;
    else if (nearTab(s.name) || copiedTab(s.name)) workbook[s.name] = [];
  }
  return workbook;
}
