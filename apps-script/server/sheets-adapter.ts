/**
 * The one place the add-on reads a spreadsheet: every plan tab in one `getValues()` each, handed to shared/ as a
 * Workbook ({ tab name: cells }), with one `getNumberFormats()` each beside it
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormats()): Sheets turns `+20%`
 * typed into a cell into 0.2 shown as a percent, and `$90,000` into 90000 shown as dollars, so the value alone
 * would read a Target of "+20%" in a key result counted in sign-ups as 0.2 sign-ups. The parser reads such a number,
 * in a column people type numbers into, as the text its format shows (shared/number-formats.ts); and a date whose
 * format shows a month but no day (`yyyy"年"m"月"`, `mmm yyyy`) as that month. Dates come back from Apps Script as
 * instants at midnight of the *spreadsheet's*
 * time zone (facts #5), so the time zone travels with the workbook and goes to parsePlan; dates written back are
 * made the same way (`sheetDate`). Writes go through `writeBlock`: one `setValues` per rectangle.
 *
 * Merged cells: Sheets keeps a merged block's value in its top-left cell and reads the others as blank, so each
 * plan tab's merged blocks are read too (`Range.getMergedRanges()`, one call per tab and one per block,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()) and filled with their
 * top-left value (shared fillMergedCells), as the report's xlsx reader does: Objective cells merged over their
 * key results mean that objective on every row. The blocks go beside the grid (cells.ts mergedRangesOf), so that an
 * amount merged over several Actuals rows is counted once, at its top row (parse.ts mergedAmounts). A month merged
 * over its target and actual columns on an Actuals tab kept as months in columns comes through the same blocks.
 * Excel's other way of heading several columns, a header centred across them without a merge (Center Across
 * Selection), has no counterpart in Sheets: `Range.getHorizontalAlignment()` gives the text's alignment within its
 * cell (left, center, right; https://developers.google.com/apps-script/reference/spreadsheet/range#gethorizontalalignment),
 * so only an .xlsx gives the parser such blocks (report/read-xlsx.ts); here a month over one column beside columns
 * no header reaches is said as unclear (parse.ts wideHeader), never guessed at.
 *
 * Hidden: whether each plan tab is hidden (`Sheet.isSheetHidden()`, one call per plan tab), beside the grid (cells.ts
 * setHiddenParts), so that a copy of a plan tab beside the hidden tab read is said with "which is hidden"
 * (tab-copy). Hidden rows and columns are not read: Apps Script asks one call per row (`isRowHiddenByUser(row)`,
 * `isRowHiddenByFilter(row)`) or per column, with no call for a range, which for an Actuals tab of thousands of
 * check-ins is thousands of calls on every check (docs/addon.md, "What the add-on sees hidden").
 */
import { dateToIso, instantOfWallClock, type IsoDate } from '../../shared/calendar';
import {
  mergedRangeFromA1,
  setHiddenParts,
  type Cell,
  type MergedRange,
  type Workbook,
} from '../../shared/cells';
import { planTabKey, readsCellsOf, sheetGrid, sheetsToWorkbook } from '../../shared/sheet-grid';
import { langFromLocale, readsNumberFormats, type Lang, type TabKey } from '../../shared/template';

export interface SheetSnapshot {
  sheet: GAS.Sheet;
  name: string;
  /** The tab of the template contract this sheet is (either language), if any. */
  tabKey: TabKey | null;
  /** getDataRange().getValues(), for plan tabs only; [] for other sheets (never read). */
  values: Cell[][];
  /** The merged blocks of a plan tab (each filled with its top-left value in `values`); [] for other sheets. */
  merges: MergedRange[];
}

export interface SpreadsheetSnapshot {
  ss: GAS.Spreadsheet;
  timeZone: string;
  locale: string;
  /** The spreadsheet's language, from its locale. */
  localeLang: Lang;
  sheets: SheetSnapshot[];
  /** Plan tabs only, in tab order: the input of parsePlan. */
  workbook: Workbook;
}

// Cells from Sheets go through shared/sheet-grid.ts, the same code the report CLI's --sheet reader uses.
export { isBlankGrid, isDate, normalizeCell } from '../../shared/sheet-grid';

/**
 * A plan tab's cells through the one grid path shared with the Sheets API reader, merged blocks filled, its number
 * formats beside them where it has columns people type numbers or dates into: four calls per such tab (values,
 * formats, merges, hidden), three for the others (the generated Targets tab, the largest, and the text tabs), and one
 * per merged block.
 */
function readTab(sheet: GAS.Sheet, tabKey: TabKey): { values: Cell[][]; merges: MergedRange[] } {
  const range = sheet.getDataRange();
  // One call per block (its A1 notation) rather than four (row, column, rows, columns).
  const merges = range
    .getMergedRanges()
    .map((m) => mergedRangeFromA1(m.getA1Notation()))
    .filter((b): b is MergedRange => !!b);
  const formats = readsNumberFormats(tabKey) ? range.getNumberFormats() : undefined;
  const values = setHiddenParts(sheetGrid(range.getValues(), merges, formats), {
    sheet: sheet.isSheetHidden(),
  });
  return { values, merges };
}

/** Reads the spreadsheet: its time zone and locale, the name of every sheet, and the cells of every plan tab. */
export function readSpreadsheet(ss: GAS.Spreadsheet): SpreadsheetSnapshot {
  const timeZone = ss.getSpreadsheetTimeZone() || 'UTC';
  const locale = ss.getSpreadsheetLocale() || 'en';
  const sheets: SheetSnapshot[] = ss.getSheets().map((sheet) => {
    const name = sheet.getName();
    const tabKey = planTabKey(name);
    // A tab of more check-ins ("實際 2027") is read as the Actuals tab is, for the parser to say what it holds.
    const readAs = readsCellsOf(name);
    const { values, merges } = readAs ? readTab(sheet, readAs) : { values: [], merges: [] };
    return { sheet, name, tabKey, values, merges };
  });
  const workbook = sheetsToWorkbook(sheets.map((s) => ({ name: s.name, grid: s.values })));
  return { ss, timeZone, locale, localeLang: langFromLocale(locale), sheets, workbook };
}

/** The sheet that holds a tab of the template (the leftmost one, as getSheetByName would pick). */
export function findTab(snapshot: SpreadsheetSnapshot, key: TabKey): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.tabKey === key);
}

/** True when any plan tab exists: then its language wins over the locale, so a plan stays in one language. */
export function hasPlanTabs(snapshot: SpreadsheetSnapshot): boolean {
  return snapshot.sheets.some((s) => s.tabKey !== null);
}

/** Writes a rectangle of values (formulas are strings starting with "=", facts #9) in one call. */
export function writeBlock(
  sheet: GAS.Sheet,
  row: number,
  column: number,
  values: unknown[][],
): GAS.Range | null {
  if (values.length === 0 || values[0].length === 0) return null;
  // A tab may be smaller than the block (a person deleted its empty rows): grown first, so no write stops halfway.
  ensureSize(sheet, row + values.length - 1, column + values[0].length - 1);
  const range = sheet.getRange(row, column, values.length, values[0].length);
  range.setValues(values);
  return range;
}

/** Makes sure the sheet has at least this many rows and columns, so getRange never points outside it. */
export function ensureSize(sheet: GAS.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Text to write with setValues so that the cell holds exactly that text: setValues reads a string as typed into the
 * sheet ("=2*3" becomes a formula, "0012" a number, "1/2" a day, "TRUE" a boolean), and text typed after an
 * apostrophe stays text, the apostrophe no part of it (docs/emulator.md). For text a person typed that is written
 * back as it was (a weight that is no number, a tab put back after a failed write); text made from the plan for
 * the add-on's own cells is written with textCell (shared/cells.ts) instead.
 */
export function sheetText(text: string): string {
  return `'${text}`;
}

// ---------------------------------------------------------------------------------------------------
// Dates in the spreadsheet's time zone

/**
 * The Date to write for a calendar day so the sheet shows that day: midnight of the spreadsheet's time zone
 * (Apps Script stores a written Date as wall-clock time in that zone, facts #5 and #9).
 */
export function sheetDate(iso: string, timeZone: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return instantOfWallClock(Date.UTC(y, m - 1, d || 1), timeZone);
}

/** The day it is now in the spreadsheet's time zone (YYYY-MM-DD): what Decompose sets and the sidebar judges on. */
export function dayIn(timeZone: string, now = new Date()): IsoDate {
  return dateToIso(now, timeZone) ?? dateToIso(now, 'UTC')!;
}
