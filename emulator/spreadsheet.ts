/**
 * In-memory SpreadsheetApp.Spreadsheet / Sheet / Range built on HyperFormula.
 *
 * Why HyperFormula: an add-on that writes formulas (setFormula, setValues('=...')) and reads
 * the results back must see *computed* values, as in Google Sheets. HyperFormula evaluates them;
 * this file adds the Apps Script surface on top: 1-based coordinates, '' for empty cells, JS
 * Dates for date cells, Google's error messages, and the formatting/notes/validation metadata
 * HyperFormula does not model.
 *
 * These are the *raw* objects. Scripts never see them directly: services.ts hands out proxies
 * (boundary.ts) that count calls and enforce auth modes. Tests may use raw objects freely:
 * nothing done on them is counted.
 *
 * Bracketed keys ([R], [SH], ...) refer to the sources listed in docs/emulator.md; behaviour
 * marked UNCONFIRMED there is listed in docs/emulator.md.
 */
import { installIndexedCriteria } from './indexed-criteria';
import { installSpreadsheetRound } from './spreadsheet-round';
import { installRangeDependencies } from './range-dependencies';
import { bindCustomFunctionHost, registerCustomFunctions, type CustomFunctionHost } from './custom-functions';
import { HyperFormula, DetailedCellError, type RawCellContent, type SimpleCellRange } from 'hyperformula';
import {
  type GridRect,
  columnToLetters,
  parseRangeRef,
  rectContains,
  rectToA1,
  quoteSheetName,
  splitSheetPrefix,
} from './a1.js';
import { exception } from './errors.js';
import { localeSyntaxOf, type LocaleSyntax } from '../shared/locale-syntax';
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATETIME_FORMAT,
  DEFAULT_NUMBER_FORMAT,
  DEFAULT_TIME_FORMAT,
  formatGeneralNumber,
  formatNumberPattern,
  formatSerialAsDate,
  isDateTimePattern,
} from './formats.js';
import {
  FakeConditionalFormatRule,
  FakeDataValidation,
  FakeNamedRange,
  FakeProtection,
  type ProtectionTypeName,
} from './rules.js';
import { SERVICE, isDateLike } from './service-object.js';
import { dateToSerial, getZone, pad, serialToDate, toWallClock } from './time.js';

/** What getValues() can return for one cell [R]. */
export type CellValue = number | string | boolean | Date;

export interface FakeSpreadsheetOptions {
  /** Spreadsheet title (getName). Default 'Untitled spreadsheet'. */
  name?: string;
  /** getId(). Default a made-up ID of a real one's length and alphabet (44 characters of [A-Za-z0-9_-]). */
  id?: string;
  /** getSpreadsheetLocale(). Default 'en_US'. Only reported; it does not change parsing or display. */
  locale?: string;
  /** getSpreadsheetTimeZone(); used to turn date serials into JS Dates. Default 'Etc/UTC'. */
  timeZone?: string;
  /** Tabs created up front, in order. Default ['Sheet1']. */
  sheetNames?: string[];
  /**
   * How non-formula strings written by setValue(s) are stored. Whether Google parses strings such
   * as '1,000' or '$2.99' like typed input is UNCONFIRMED (facts #11), so the default 'literal'
   * keeps every string as text; 'parse' lets HyperFormula parse numbers, percents, currency,
   * booleans and MM/DD/YYYY or YYYY-MM-DD dates like typed input.
   */
  stringInput?: 'literal' | 'parse';
  /** getSheetByName case handling; UNCONFIRMED (facts #18). Default 'exact' (the stricter one). */
  sheetNameMatch?: 'exact' | 'caseInsensitive';
  /** Size of new tabs: Google's default grid is 1000 rows x 26 columns. */
  defaultMaxRows?: number;
  defaultMaxColumns?: number;
  /**
   * When HyperFormula recalculates (an emulator knob, not a Google behaviour). 'onWrite' (default):
   * after every write. 'onRead': writes only record their changes, and the next read of values
   * (getValues, getDisplayValues, getLastRow...) recalculates first, so a script reads exactly
   * what it would read with 'onWrite'; only the moment the emulator spends the time moves. Benches
   * use it to time a script apart from recalculation (`ss.emu.recalculate()` times the rest).
   * 'never': formulas are not given to HyperFormula at all but stored as their text (getValues()
   * returns the text, getFormulas() ''): only for benches that count a script's calls and time its
   * own work on sheets too big for HyperFormula to parse in reasonable time.
   */
  recalculation?: 'onWrite' | 'onRead' | 'never';
  /**
   * Names of the project's custom functions (`customFunctionNames(code)`), so cell formulas can call them
   * (custom-functions.ts). They compute once a project is loaded against this spreadsheet. Default none.
   */
  customFunctions?: string[];
}

type Required2<T> = { [K in keyof T]-?: T[K] };

/** Per-cell data HyperFormula does not hold. */
interface CellMeta {
  numberFormat?: string;
  note?: string;
  validation?: FakeDataValidation;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  horizontalAlignment?: string;
  wrap?: boolean;
}

type StyleKey =
  'background' | 'fontWeight' | 'fontColor' | 'fontStyle' | 'fontSize' | 'horizontalAlignment' | 'wrap';
/** Values reported for never-styled cells. UNCONFIRMED (not in the facts sheet). */
const STYLE_DEFAULTS: Record<StyleKey, string | number | boolean> = {
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  horizontalAlignment: 'general',
  wrap: false,
};
const STYLE_KEYS = Object.keys(STYLE_DEFAULTS) as StyleKey[];

/**
 * HyperFormula error codes Google does not have. A circular reference shows #REF! in Sheets
 * ("Circular dependency detected"), and a blocked array result shows #REF! ("Array result was
 * not expanded..."). Facts #6: that getValues() returns error cells as this text is UNCONFIRMED.
 */
const ERROR_TEXT: Record<string, string> = { '#CYCLE!': '#REF!', '#SPILL!': '#REF!', '#LIC!': '#ERROR!' };
function errorText(code: string): string {
  return ERROR_TEXT[code] ?? code;
}

/** Meta map key: rows and columns are 1-based; Sheets has at most 18,278 columns. */
const COL_SPAN = 65_536;
function metaKey(row: number, col: number): number {
  return row * COL_SPAN + col;
}

const datePatternCache = new Map<string, boolean>();
function isDatePatternCached(pattern: string): boolean {
  let hit = datePatternCache.get(pattern);
  if (hit === undefined) {
    hit = isDateTimePattern(pattern);
    datePatternCache.set(pattern, hit);
  }
  return hit;
}

/** Shift a 1-D span when rows/columns are inserted (delta > 0) or deleted (delta < 0) at `at`. */
function shiftSpan(start: number, size: number, at: number, delta: number): [number, number] | null {
  const end = start + size - 1;
  if (delta > 0) {
    if (at <= start) return [start + delta, size];
    if (at <= end) return [start, size + delta];
    return [start, size];
  }
  const count = -delta;
  const delEnd = at + count - 1;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at) + 1);
  const newSize = size - overlap;
  if (newSize <= 0) return null;
  const newStart = start > delEnd ? start - count : start >= at ? at : start;
  return [newStart, newSize];
}

function shiftRect(rect: GridRect, axis: 'row' | 'col', at: number, delta: number): GridRect | null {
  if (axis === 'row') {
    const s = shiftSpan(rect.row, rect.numRows, at, delta);
    return s && { ...rect, row: s[0], numRows: s[1] };
  }
  const s = shiftSpan(rect.col, rect.numCols, at, delta);
  return s && { ...rect, col: s[0], numCols: s[1] };
}

function rectsIntersect(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

function checkGridDimensions(grid: unknown, rect: GridRect, method: string): asserts grid is unknown[][] {
  if (!Array.isArray(grid) || !grid.every((row) => Array.isArray(row))) {
    // Wording modelled on Google's signature errors [I8]; the exact text here is UNCONFIRMED.
    throw exception(
      `The parameters (${describeArgument(grid)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (grid.length !== rect.numRows) {
    // Row wording inferred from the observed column message: UNCONFIRMED (facts #10).
    throw exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of grid as unknown[][]) {
    if (row.length !== rect.numCols) {
      // Observed text [I1, I2].
      throw exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numCols}.`,
      );
    }
  }
}

function describeArgument(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return typeof value === 'undefined' ? '' : 'Object';
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** Emulator-only state of a spreadsheet, for tests and the sandbox (not visible to scripts). */
export interface SpreadsheetEmuState {
  toasts: ToastRecord[];
  /** The document property store (PropertiesService.getDocumentProperties) lives with the file. */
  documentProperties: Map<string, string>;
  /** Where the user's cursor is: the "go to cell" result of activate()/setActiveRange(). */
  selection(): { sheet: string; range: string; currentCell: string };
  /** Recalculate what writes left pending (recalculation 'onRead'); returns the milliseconds spent. */
  recalculate(): number;
  /**
   * The message Sheets shows when pointing at an error cell such as `'Targets'!B2` (the thrown message of a
   * custom function [CF]), or null when the cell holds no error.
   */
  cellError(a1: string): string | null;
  /** Called by loadAppsScriptProject: how cell formulas run the project's custom functions. */
  bindCustomFunctions(call: (name: string, args: unknown[]) => unknown): void;
}

// =============================================================================================
// Spreadsheet [SS]

export class FakeSpreadsheet {
  readonly [SERVICE] = 'Spreadsheet';
  readonly emu: SpreadsheetEmuState;

  /** @internal */ readonly _hf: HyperFormula;
  /** @internal */ readonly _options: Required2<Omit<FakeSpreadsheetOptions, 'sheetNames'>>;
  /** @internal */ _sheets: FakeSheet[] = [];
  /** @internal */ _activeSheet!: FakeSheet;
  /** @internal */ _namedRanges = new Map<string, FakeNamedRange>();
  /** @internal */ _protections: FakeProtection[] = [];
  /** @internal */ _timeZone: string;
  /** @internal The formula syntax of the locale the spreadsheet was created with. */ readonly _syntax: LocaleSyntax;
  private _locale: string;
  private _name: string;
  private _nextSheetId = 0;

  constructor(options: FakeSpreadsheetOptions = {}) {
    this._options = {
      name: options.name ?? 'Untitled spreadsheet',
      id: options.id ?? '1FakeSpreadsheetIdForTheEmulator0123456789_-',
      locale: options.locale ?? 'en_US',
      timeZone: options.timeZone ?? 'Etc/UTC',
      stringInput: options.stringInput ?? 'literal',
      sheetNameMatch: options.sheetNameMatch ?? 'exact',
      defaultMaxRows: options.defaultMaxRows ?? 1000,
      defaultMaxColumns: options.defaultMaxColumns ?? 26,
      recalculation: options.recalculation ?? 'onWrite',
      customFunctions: options.customFunctions ?? [],
    };
    getZone(this._options.timeZone); // fail fast on a bad zone id
    this._name = this._options.name;
    this._locale = this._options.locale;
    this._timeZone = this._options.timeZone;
    // Criteria functions with HyperFormula's results, without its row-by-row walk (indexed-criteria.ts).
    installIndexedCriteria();
    // ROUND to 15 significant digits first, as spreadsheets round a half (spreadsheet-round.ts).
    installSpreadsheetRound();
    // Before the build: each HyperFormula reads the (global) function registry when it is made.
    registerCustomFunctions(this._options.customFunctions);
    this._syntax = localeSyntaxOf(this._options.locale);
    this._hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // Arguments are separated as the spreadsheet's locale separates them (docs/emulator.md, "Formula syntax").
      // The decimal separator stays '.': HyperFormula turns numbers into text with '.' (">="&0.05 is ">=0.05")
      // but would read criteria with ',', failing formulas that work in Sheets, where both follow the locale.
      functionArgSeparator: this._syntax.argumentSeparator,
      arrayColumnSeparator: this._syntax.argumentSeparator === ';' ? ';' : ',',
      arrayRowSeparator: this._syntax.argumentSeparator === ';' ? '|' : ';',
      // Keep full double precision: getValues() returns raw doubles in Sheets, and date-times
      // need it to round-trip milliseconds (HyperFormula's default rounds to 10 digits).
      smartRounding: false,
      // Serial 0 = 1899-12-30 and no 1900 leap-year bug, like Sheets [B2].
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      // Date strings: our own Date writes use YYYY-MM-DD; the others serve stringInput 'parse'.
      dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD'],
      timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
      maxRows: 1_000_000,
      maxColumns: 18_278,
      // No undo history: it only costs memory on large writes.
      undoLimit: 0,
    });
    // Formulas reading a range another formula already reads link to it without walking it again.
    installRangeDependencies(this._hf);
    const customFunctionHost: CustomFunctionHost = {
      argument: (sheetId, row0, col0, value) => {
        if (typeof value !== 'number') return value;
        const sheet = this._sheets.find((s) => s._hfId === sheetId);
        const format = sheet?._meta.get(metaKey(row0 + 1, col0 + 1))?.numberFormat;
        return format !== undefined && isDatePatternCached(format)
          ? serialToDate(value, this._timeZone)
          : value;
      },
      result: (value) =>
        value instanceof Date || isDateLike(value) ? dateToSerial(value as Date, this._timeZone) : value,
    };
    bindCustomFunctionHost(this._hf, customFunctionHost);
    // Sheets accepts bare TRUE/FALSE in formulas (=VLOOKUP(x, r, 2, FALSE)); HyperFormula only
    // knows the functions TRUE()/FALSE(). Global named expressions bridge the gap.
    this._hf.addNamedExpression('TRUE', '=TRUE()');
    this._hf.addNamedExpression('FALSE', '=FALSE()');

    for (const name of options.sheetNames ?? ['Sheet1']) this._addSheet(name);
    if (this._sheets.length === 0) this._addSheet('Sheet1');
    this._activeSheet = this._sheets[0];

    const documentProperties = new Map<string, string>();
    this.emu = {
      toasts: [],
      documentProperties,
      selection: () => {
        const sheet = this._activeSheet;
        return {
          sheet: sheet.getName(),
          range: rectToA1(sheet._selection.rect),
          currentCell: rectToA1({ ...sheet._selection.current, numRows: 1, numCols: 1 }),
        };
      },
      recalculate: () => {
        const started = performance.now();
        this._evaluated(() => undefined);
        return performance.now() - started;
      },
      cellError: (a1) => {
        const { sheetName, ref } = splitSheetPrefix(a1);
        const sheet = sheetName === undefined ? this._activeSheet : this.getSheetByName(sheetName);
        const rect = sheet && parseRangeRef(ref, sheet._maxRows, sheet._maxCols);
        if (!sheet || !rect) throw new Error(`cellError: no cell ${a1}`);
        const value = this._evaluated(() =>
          this._hf.getCellValue({ sheet: sheet._hfId, row: rect.row - 1, col: rect.col - 1 }),
        );
        return value instanceof DetailedCellError ? value.message : null;
      },
      bindCustomFunctions: (call) => {
        customFunctionHost.call = call;
      },
    };
  }

  /** @internal Apply cell writes: in one batch (recalculating once), or recorded for later ('onRead'). */
  _mutate(write: () => void): void {
    const hf = this._hf;
    if (this._options.recalculation === 'onRead') {
      if (!hf.isEvaluationSuspended()) hf.suspendEvaluation();
      write();
    } else {
      hf.batch(write);
    }
  }

  /** @internal Read values: first recalculate what deferred writes left pending. */
  _evaluated<T>(read: () => T): T {
    if (this._hf.isEvaluationSuspended()) this._hf.resumeEvaluation();
    return read();
  }

  // --- identity ------------------------------------------------------------------------------
  getId(): string {
    return this._options.id;
  }
  getName(): string {
    return this._name;
  }
  rename(newName: string): void {
    this._name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._options.id}/edit`;
  }

  // --- sheets --------------------------------------------------------------------------------
  /** All tabs in tab order [SS] (order itself UNCONFIRMED, facts #20). */
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  /** The sheet, or null when missing [SS]. Duplicates cannot exist (names unique regardless of case [I6]). */
  getSheetByName(name: string): FakeSheet | null {
    const wanted = String(name);
    const exact = this._sheets.find((s) => s.getName() === wanted);
    if (exact || this._options.sheetNameMatch === 'exact') return exact ?? null;
    return this._sheets.find((s) => s.getName().toLowerCase() === wanted.toLowerCase()) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this._sheets.find((s) => s.getSheetId() === id) ?? null;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index). The new sheet
   * becomes the active sheet [SS]. Without an index it is appended at the end (UNCONFIRMED).
   */
  insertSheet(nameOrIndex?: string | number, index?: number | object): FakeSheet {
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (nameOrIndex !== undefined) name = String(nameOrIndex);
    if (typeof index === 'number') at = index;
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheetNameTaken(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this._sheetNameTaken(name)) {
      // Commonly quoted text; UNCONFIRMED (facts #19).
      throw exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = this._addSheet(name, at);
    this._activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    const target = this._ownSheet(sheet);
    if (this._sheets.length === 1) {
      // Sheets refuses to remove the last sheet; exact text UNCONFIRMED.
      throw exception("You can't remove all the visible sheets in a document.");
    }
    for (const [name, nr] of this._namedRanges) {
      if (nr._sheet === target) this.removeNamedRange(name);
    }
    this._protections = this._protections.filter((p) => p._sheet !== target);
    const index = this._sheets.indexOf(target);
    this._hf.removeSheet(target._hfId);
    target._deleted = true;
    this._sheets.splice(index, 1);
    if (this._activeSheet === target) this._activeSheet = this._sheets[Math.max(0, index - 1)];
  }

  getActiveSheet(): FakeSheet {
    return this._activeSheet;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this._activeSheet = this._ownSheet(sheet);
    return this._activeSheet;
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    const sheet = this._activeSheet;
    this._sheets.splice(this._sheets.indexOf(sheet), 1);
    this._sheets.splice(Math.max(0, Math.min(this._sheets.length, pos - 1)), 0, sheet);
  }

  // --- selection ("go to cell") ----------------------------------------------------------------
  getActiveRange(): FakeRange {
    return this._activeSheet.getActiveRange();
  }
  getCurrentCell(): FakeRange {
    return this._activeSheet.getCurrentCell();
  }
  getActiveCell(): FakeRange {
    return this._activeSheet.getCurrentCell();
  }
  setActiveRange(range: FakeRange): FakeRange {
    return range.activate();
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    return (typeof range === 'string' ? this.getRange(range) : range).activate();
  }
  setCurrentCell(cell: FakeRange): FakeRange {
    return cell.activateAsCurrentCell();
  }

  // --- locale & time zone --------------------------------------------------------------------
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }
  /** Long-format id such as "America/New_York" [SS]. */
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  /** Stored serials are wall-clock time [B2]: changing the zone changes the Dates read back. */
  setSpreadsheetTimeZone(timezone: string): void {
    getZone(timezone);
    this._timeZone = String(timezone);
  }

  // --- ranges ----------------------------------------------------------------------------------
  /** `getRange('Invoices!A1:D4')`; without a sheet name, the active sheet [SH]. */
  getRange(a1Notation: string): FakeRange {
    return this._rangeFromA1(String(a1Notation), this._activeSheet);
  }

  // --- named ranges [SS] ----------------------------------------------------------------------
  setNamedRange(name: string, range: FakeRange): void {
    const key = String(name);
    const existing = this._namedRanges.get(key);
    if (existing) {
      this._setNamedRangeTarget(existing, range);
      return;
    }
    const sheet = this._ownSheet(range._sheet);
    const nr = new FakeNamedRange(this, key, sheet, { ...range._rect });
    this._namedRanges.set(key, nr);
    this._syncNamedExpression(nr, undefined);
  }
  /** The range, or null [SS]. Accepts the `Sheet Name!Name` form (without quotes). */
  getRangeByName(name: string): FakeRange | null {
    const text = String(name);
    const direct = this._namedRanges.get(text);
    if (direct) return direct.getRange();
    const { sheetName, ref } = splitSheetPrefix(text);
    if (sheetName === undefined) return null;
    const nr = this._namedRanges.get(ref);
    return nr && nr._sheet.getName() === sheetName ? nr.getRange() : null;
  }
  getNamedRanges(): FakeNamedRange[] {
    return [...this._namedRanges.values()];
  }
  /** Throws when the name is missing [SS]; the message text is UNCONFIRMED. */
  removeNamedRange(name: string): void {
    const key = String(name);
    const nr = this._namedRanges.get(key);
    if (!nr) throw exception(`Named range "${key}" not found.`);
    this._namedRanges.delete(key);
    if (this._hf.getNamedExpression(key) !== undefined) this._hf.removeNamedExpression(key);
  }

  // --- protections & toasts ----------------------------------------------------------------------
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    return this._protections.filter((p) => p.emu.type === type);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.emu.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  toString(): string {
    return 'Spreadsheet';
  }

  // --- internals -------------------------------------------------------------------------------
  /** @internal */
  _addSheet(name: string, index?: number): FakeSheet {
    this._hf.addSheet(name);
    const hfId = this._hf.getSheetId(name)!;
    const sheet = new FakeSheet(
      this,
      hfId,
      this._nextSheetId++,
      this._options.defaultMaxRows,
      this._options.defaultMaxColumns,
    );
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  /** @internal Sheet names are unique regardless of case [I6]. */
  _sheetNameTaken(name: string): boolean {
    return this._sheets.some((s) => s.getName().toLowerCase() === name.toLowerCase());
  }

  /** @internal */
  _ownSheet(sheet: FakeSheet): FakeSheet {
    if (!(sheet instanceof FakeSheet) || sheet._ss !== this || sheet._deleted) {
      throw exception('The sheet does not belong to this spreadsheet or has been deleted.');
    }
    return sheet;
  }

  /** @internal Resolve `Tab!A1:B2` / `A1` (relative to `context`). Bad references: "Range not found" (UNCONFIRMED). */
  _rangeFromA1(a1: string, context: FakeSheet): FakeRange {
    const { sheetName, ref } = splitSheetPrefix(a1);
    const sheet = sheetName === undefined ? context : this.getSheetByName(sheetName);
    if (!sheet) throw exception('Range not found');
    const rect = parseRangeRef(ref, sheet._maxRows, sheet._maxCols);
    if (!rect) throw exception('Range not found');
    sheet._checkInGrid(rect);
    return sheet._rangeFromRect(rect);
  }

  /** @internal */
  _removeProtection(protection: FakeProtection): void {
    this._protections = this._protections.filter((p) => p !== protection);
  }

  /** @internal */
  _renameNamedRange(nr: FakeNamedRange, name: string): void {
    if (this._namedRanges.has(name)) throw exception(`Named range "${name}" already exists.`); // UNCONFIRMED text
    const old = nr._name;
    this._namedRanges.delete(old);
    nr._name = name;
    this._namedRanges.set(name, nr);
    this._syncNamedExpression(nr, old);
  }

  /** @internal */
  _setNamedRangeTarget(nr: FakeNamedRange, range: FakeRange): void {
    nr._sheet = this._ownSheet(range._sheet);
    nr._rect = { ...range._rect };
    this._syncNamedExpression(nr, nr._name);
  }

  /**
   * Mirror a named range into HyperFormula so formulas like =SUM(Rates) evaluate. Names that
   * HyperFormula rejects stay usable through getRangeByName but not inside formulas (Google's own
   * name-validity rules are UNCONFIRMED, facts #24).
   */
  private _syncNamedExpression(nr: FakeNamedRange, previousName: string | undefined): void {
    const hf = this._hf;
    if (previousName !== undefined && hf.getNamedExpression(previousName) !== undefined)
      hf.removeNamedExpression(previousName);
    const r = nr._rect;
    const end = { ...r, row: r.row + r.numRows - 1, col: r.col + r.numCols - 1 };
    const a1 = (row: number, col: number) => `$${columnToLetters(col)}$${row}`;
    const expression = `=${quoteSheetName(nr._sheet.getName())}!${a1(r.row, r.col)}:${a1(end.row, end.col)}`;
    if (hf.isItPossibleToAddNamedExpression(nr._name, expression))
      hf.addNamedExpression(nr._name, expression);
  }

  /** @internal Rows/columns were inserted or deleted on `sheet`: move named ranges and protections along. */
  _shiftAnchors(sheet: FakeSheet, axis: 'row' | 'col', at: number, delta: number): void {
    for (const [name, nr] of [...this._namedRanges]) {
      if (nr._sheet !== sheet) continue;
      const moved = shiftRect(nr._rect, axis, at, delta);
      if (moved) nr._rect = moved;
      else this.removeNamedRange(name);
    }
    for (const p of [...this._protections]) {
      if (p._sheet !== sheet || !p._rect) continue;
      const moved = shiftRect(p._rect, axis, at, delta);
      if (moved) p._rect = moved;
      else this._removeProtection(p);
    }
    // Merged blocks move with their cells; one whose cells are all deleted is gone.
    sheet._merges = sheet._merges.flatMap((m) => {
      const moved = shiftRect(m, axis, at, delta);
      return moved && moved.numRows * moved.numCols > 1 ? [moved] : [];
    });
  }
}

// =============================================================================================
// Sheet [SH]

export class FakeSheet {
  readonly [SERVICE] = 'Sheet';
  /** Emulator-only records of presentation calls (not visible to scripts). */
  readonly emu = {
    columnWidths: new Map<number, number>(),
    rowHeights: new Map<number, number>(),
    autoResizedColumns: [] as number[],
    hidden: false,
    tabColor: null as string | null,
  };

  /** @internal */ _meta = new Map<number, CellMeta>();
  /** @internal */ _frozenRows = 0;
  /** @internal */ _frozenCols = 0;
  /** @internal */ _cfRules: FakeConditionalFormatRule[] = [];
  /** @internal Per-tab selection: Sheets remembers it when switching tabs. Starts at A1. */
  _selection: { rect: GridRect; current: { row: number; col: number } } = {
    rect: { row: 1, col: 1, numRows: 1, numCols: 1 },
    current: { row: 1, col: 1 },
  };
  /** @internal */ _deleted = false;
  /** @internal Merged blocks of the sheet [R: merge, getMergedRanges, breakApart]; never overlapping. */
  _merges: GridRect[] = [];

  /** @internal */
  constructor(
    readonly _ss: FakeSpreadsheet,
    readonly _hfId: number,
    readonly _sheetId: number,
    public _maxRows: number,
    public _maxCols: number,
  ) {}

  // --- identity ------------------------------------------------------------------------------
  getName(): string {
    return this._ss._hf.getSheetName(this._hfId) ?? '';
  }
  setName(name: string): this {
    const next = String(name);
    if (next.toLowerCase() !== this.getName().toLowerCase() && this._ss._sheetNameTaken(next)) {
      throw exception(`A sheet with the name "${next}" already exists. Please enter another name.`);
    }
    this._ss._hf.renameSheet(this._hfId, next);
    return this;
  }
  getSheetId(): number {
    return this._sheetId;
  }
  /** 1-based tab position. */
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this._ss;
  }
  /** Makes this the active sheet [SH]. */
  activate(): this {
    this._ss._activeSheet = this._ss._ownSheet(this);
    return this;
  }
  hideSheet(): this {
    this.emu.hidden = true;
    return this;
  }
  showSheet(): this {
    this.emu.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.emu.hidden;
  }
  setTabColor(color: string | null): this {
    this.emu.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.emu.tabColor;
  }

  // --- ranges ----------------------------------------------------------------------------------
  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === 'string') return this._ss._rangeFromA1(rowOrA1, this);
    const rect = {
      row: Number(rowOrA1),
      col: Number(column),
      numRows: numRows ?? 1,
      numCols: numColumns ?? 1,
    };
    this._checkRect(rect);
    return this._rangeFromRect(rect);
  }
  /** A1 to (getLastColumn(), getLastRow()) [SH]; A1 alone on an empty sheet (UNCONFIRMED, facts #13). */
  getDataRange(): FakeRange {
    const lastRow = this._lastRow();
    const lastCol = this._lastColumn();
    if (lastRow === 0 || lastCol === 0)
      return this._rangeFromRect({ row: 1, col: 1, numRows: 1, numCols: 1 });
    return this._rangeFromRect({ row: 1, col: 1, numRows: lastRow, numCols: lastCol });
  }
  /** Position of the last row with content [SH]; 0 on an empty sheet (UNCONFIRMED, facts #13). */
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }

  // --- structure -----------------------------------------------------------------------------
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._insert('row', afterPosition + 1, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this._insert('row', beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this._insert('col', afterPosition + 1, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this._insert('col', beforePosition, howMany);
    return this;
  }
  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    this._delete('row', rowPosition, howMany);
    return this;
  }
  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    this._delete('col', columnPosition, howMany);
    return this;
  }

  /** Writes one row below the last row with content, growing the grid if needed. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0) return this;
    const row = this._lastRow() + 1;
    this._maxRows = Math.max(this._maxRows, row);
    this._maxCols = Math.max(this._maxCols, rowContents.length);
    this._write({ row, col: 1, numRows: 1, numCols: rowContents.length }, [rowContents]);
    return this;
  }

  // --- clearing ------------------------------------------------------------------------------
  /** Contents and formatting [SH]. Notes and validation are kept (UNCONFIRMED). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this._rangeFromRect(this._wholeGrid()).clear(options);
    return this;
  }
  clearContents(): this {
    this._ss._hf.clearSheet(this._hfId);
    return this;
  }
  clearFormats(): this {
    this._rangeFromRect(this._wholeGrid()).clearFormat();
    return this;
  }
  clearNotes(): this {
    this._rangeFromRect(this._wholeGrid()).clearNote();
    return this;
  }

  // --- frozen panes, sizes ---------------------------------------------------------------------
  /** 0 unfreezes [SH]. */
  setFrozenRows(rows: number): void {
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.emu.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = 0; c < numColumns; c++) this.emu.columnWidths.set(startColumn + c, width);
    return this;
  }
  /** 100 px for untouched columns (Sheets' default; UNCONFIRMED here). */
  getColumnWidth(columnPosition: number): number {
    return this.emu.columnWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): this {
    this.emu.rowHeights.set(rowPosition, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this.emu.rowHeights.get(rowPosition) ?? 21;
  }
  /** No layout engine: recorded only. */
  autoResizeColumn(columnPosition: number): this {
    this.emu.autoResizedColumns.push(columnPosition);
    return this;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = 0; c < numColumns; c++) this.emu.autoResizedColumns.push(startColumn + c);
    return this;
  }

  // --- conditional formats [SH, CFB] ------------------------------------------------------------
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this._cfRules];
  }
  /** Replaces all existing rules; they apply in array order [SH]. */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof FakeConditionalFormatRule))) {
      throw exception(
        "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    }
    this._cfRules = [...rules];
  }
  clearConditionalFormatRules(): void {
    this._cfRules = [];
  }

  // --- protection [SH, PR] -----------------------------------------------------------------------
  /** Returns the existing sheet protection, or a new one [SH]. */
  protect(): FakeProtection {
    const existing = this._ss._protections.find((p) => p._sheet === this && p._rect === null);
    if (existing) return existing;
    const protection = new FakeProtection(this, null);
    this._ss._protections.push(protection);
    return protection;
  }
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    return this._ss._protections.filter((p) => p._sheet === this && p.emu.type === type);
  }

  getNamedRanges(): FakeNamedRange[] {
    return this._ss.getNamedRanges().filter((nr) => nr._sheet === this);
  }

  // --- selection [SH] -------------------------------------------------------------------------
  /** The selected range in the active sheet [SH]. */
  getActiveRange(): FakeRange {
    const sheet = this._ss._activeSheet;
    return sheet._rangeFromRect(sheet._selection.rect);
  }
  getCurrentCell(): FakeRange {
    const sheet = this._ss._activeSheet;
    return sheet._rangeFromRect({ ...sheet._selection.current, numRows: 1, numCols: 1 });
  }
  getActiveCell(): FakeRange {
    return this.getCurrentCell();
  }
  /** Returns the newly active range [SH]. */
  setActiveRange(range: FakeRange): FakeRange {
    return range.activate();
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    return (typeof range === 'string' ? this.getRange(range) : range).activate();
  }
  setCurrentCell(cell: FakeRange): FakeRange {
    return cell.activateAsCurrentCell();
  }

  toString(): string {
    return 'Sheet';
  }

  // =============================================================================================
  // internals used by FakeRange and the rules module

  /** @internal */
  _rangeFromRect(rect: GridRect): FakeRange {
    return new FakeRange(this, { ...rect });
  }

  /** @internal Validation of getRange(row, col, numRows, numCols). */
  _checkRect(rect: GridRect): void {
    this._assertAlive();
    // Observed text [I3, I4].
    if (!(rect.numRows >= 1)) throw exception('The number of rows in the range must be at least 1.');
    // The column twin and the remaining texts are UNCONFIRMED (facts #14).
    if (!(rect.numCols >= 1)) throw exception('The number of columns in the range must be at least 1.');
    if (!(rect.row >= 1)) throw exception('The starting row of the range is too small.');
    if (!(rect.col >= 1)) throw exception('The starting column of the range is too small.');
    for (const k of ['row', 'col', 'numRows', 'numCols'] as const) rect[k] = Math.floor(rect[k]);
    this._checkInGrid(rect);
  }

  /** @internal Ranges may not reach past the grid (getMaxRows x getMaxColumns); text UNCONFIRMED. */
  _checkInGrid(rect: GridRect): void {
    if (rect.row + rect.numRows - 1 > this._maxRows || rect.col + rect.numCols - 1 > this._maxCols) {
      throw exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /** @internal */
  _assertAlive(): void {
    if (this._deleted) throw exception('The sheet has been deleted.'); // UNCONFIRMED text
  }

  /** @internal */
  _hfRange(rect: GridRect): SimpleCellRange {
    this._assertAlive();
    return {
      start: { sheet: this._hfId, row: rect.row - 1, col: rect.col - 1 },
      end: { sheet: this._hfId, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2 },
    };
  }

  /** @internal */
  _wholeGrid(): GridRect {
    return { row: 1, col: 1, numRows: this._maxRows, numCols: this._maxCols };
  }

  /** @internal Is this numeric cell a date? Explicit number format first, else HyperFormula's inferred type. */
  _isDateCell(row: number, col: number): boolean {
    const format = this._meta.size > 0 ? this._meta.get(metaKey(row, col))?.numberFormat : undefined;
    if (format !== undefined) return isDatePatternCached(format);
    const type = this._ss._evaluated(() =>
      this._ss._hf.getCellValueDetailedType({ sheet: this._hfId, row: row - 1, col: col - 1 }),
    );
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || type === 'NUMBER_TIME';
  }

  /** @internal getValues(): '' for empty, Date for date cells, error text for errors [R]. */
  _readValues(rect: GridRect): CellValue[][] {
    const raw = this._ss._evaluated(() => this._ss._hf.getRangeValues(this._hfRange(rect)));
    const tz = this._ss._timeZone;
    const out: CellValue[][] = new Array(raw.length);
    for (let r = 0; r < raw.length; r++) {
      const src = raw[r];
      const row: CellValue[] = new Array(src.length);
      for (let c = 0; c < src.length; c++) {
        const v = src[c];
        if (v === null || v === undefined) row[c] = '';
        else if (typeof v === 'number')
          row[c] = this._isDateCell(rect.row + r, rect.col + c) ? serialToDate(v, tz) : v;
        else if (v instanceof DetailedCellError) row[c] = errorText(v.value);
        else row[c] = v;
      }
      out[r] = row;
    }
    return out;
  }

  /** @internal getDisplayValues(): an approximation of Sheets' rendering (see formats.ts). */
  _readDisplayValues(rect: GridRect): string[][] {
    const hf = this._ss._hf;
    const raw = this._ss._evaluated(() => hf.getRangeValues(this._hfRange(rect)));
    return raw.map((src, r) =>
      src.map((v, c) => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
        if (v instanceof DetailedCellError) return errorText(v.value);
        if (typeof v !== 'number') return String(v);
        const row = rect.row + r;
        const col = rect.col + c;
        const format = this._meta.get(metaKey(row, col))?.numberFormat;
        if (format !== undefined)
          return isDatePatternCached(format) ? formatSerialAsDate(v, format) : formatNumberPattern(v, format);
        switch (hf.getCellValueDetailedType({ sheet: this._hfId, row: row - 1, col: col - 1 })) {
          case 'NUMBER_DATE':
            return formatSerialAsDate(v, DEFAULT_DATE_FORMAT);
          case 'NUMBER_DATETIME':
            return formatSerialAsDate(v, DEFAULT_DATETIME_FORMAT);
          case 'NUMBER_TIME':
            return formatSerialAsDate(v, DEFAULT_TIME_FORMAT);
          case 'NUMBER_PERCENT':
            return formatNumberPattern(v, Number.isInteger(v * 100) ? '0%' : '0.00%');
          case 'NUMBER_CURRENCY':
            return formatNumberPattern(v, '"$"#,##0.00');
          default:
            return formatGeneralNumber(v);
        }
      }),
    );
  }

  /** @internal getFormulas(): A1 text, '' where there is no formula [R]. Text is HyperFormula's normalised form. */
  _readFormulas(rect: GridRect): string[][] {
    return this._ss._hf.getRangeFormulas(this._hfRange(rect)).map((row) => row.map((f) => f ?? ''));
  }

  /** @internal One HyperFormula write for the whole grid: fast for thousands of rows. */
  _write(rect: GridRect, grid: unknown[][]): void {
    const contents: RawCellContent[][] = new Array(grid.length);
    for (let r = 0; r < grid.length; r++) {
      const src = grid[r];
      const row: RawCellContent[] = new Array(src.length);
      for (let c = 0; c < src.length; c++) row[c] = this._toCellContent(src[c], rect.row + r, rect.col + c);
      contents[r] = row;
    }
    const hf = this._ss._hf;
    this._ss._mutate(() => hf.setCellContents(this._hfRange(rect).start, contents));
  }

  /**
   * @internal setFormula on a multi-cell range: relative references are adjusted per cell, like
   * a fill/paste (UNCONFIRMED for Apps Script). HyperFormula's fill logic does the adjusting.
   */
  _writeFormulaFill(rect: GridRect, formula: string): void {
    const single = { ...rect, numRows: 1, numCols: 1 };
    this._write(single, [[formula]]);
    if (rect.numRows === 1 && rect.numCols === 1) return;
    const hf = this._ss._hf;
    const range = this._hfRange(rect);
    const data = hf.getFillRangeData(this._hfRange(single), range);
    this._ss._mutate(() => hf.setCellContents(range.start, data));
  }

  /** @internal */
  _clearContent(rect: GridRect): void {
    const hf = this._ss._hf;
    const dims = hf.getSheetDimensions(this._hfId);
    // Nothing stored beyond HyperFormula's used area: clip to it to keep whole-sheet clears cheap.
    const numRows = Math.min(rect.numRows, dims.height - rect.row + 1);
    const numCols = Math.min(rect.numCols, dims.width - rect.col + 1);
    if (numRows <= 0 || numCols <= 0) return;
    const empty: null[][] = Array.from({ length: numRows }, () => new Array<null>(numCols).fill(null));
    this._ss._mutate(() => hf.setCellContents(this._hfRange(rect).start, empty));
  }

  /**
   * @internal Map one value to HyperFormula input:
   *  - '' / null / undefined → empty cell (null/undefined: UNCONFIRMED, facts #11)
   *  - '=...' → formula [R]
   *  - "'…" → the text after the apostrophe, as typed into Sheets (the apostrophe is no part of the value)
   *  - other strings → text, unless stringInput is 'parse'
   *  - Date → date-time serial in the spreadsheet zone + a date-time number format [B2]
   */
  _toCellContent(value: unknown, row: number, col: number): RawCellContent {
    if (value === null || value === undefined || value === '') return null;
    switch (typeof value) {
      case 'number':
        return Number.isFinite(value) ? value : `'${String(value)}`;
      case 'boolean':
        return value;
      case 'string':
        if (value.length > 1 && value.startsWith('='))
          return this._ss._options.recalculation === 'never'
            ? `'${value}`
            : acceptSemicolons(value, this._ss._syntax);
        // HyperFormula reads a leading apostrophe as Sheets does: text, without it.
        if (value.length > 1 && value.startsWith("'")) return value;
        return this._ss._options.stringInput === 'parse' ? value : `'${value}`;
    }
    if (isDateLike(value)) return this._dateContent(value, row, col);
    return `'${String(value)}`;
  }

  private _dateContent(date: Date, row: number, col: number): RawCellContent {
    const ms = date.getTime();
    if (Number.isNaN(ms)) return `'${String(date)}`; // what Google does with Invalid Date is UNCONFIRMED
    const meta = this._metaFor(row, col);
    // Which format a written Date gets is UNCONFIRMED (facts #11); an existing date format is kept.
    if (!meta.numberFormat || !isDatePatternCached(meta.numberFormat))
      meta.numberFormat = DEFAULT_DATETIME_FORMAT;
    const tz = this._ss._timeZone;
    const w = toWallClock(ms, tz);
    // Before 1900 HyperFormula cannot parse the text; store the raw serial (still read back as a
    // Date thanks to the number format above).
    if (w.year < 1900) return dateToSerial(date, tz);
    // Written as text so HyperFormula types the cell as a date-time: formulas that depend on it
    // (=A1+1) then come back as Dates too, as in Sheets.
    return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)} ${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}.${pad(w.millisecond, 3)}`;
  }

  /** @internal */
  _metaAt(row: number, col: number): CellMeta | undefined {
    return this._meta.get(metaKey(row, col));
  }

  /** @internal */
  _metaFor(row: number, col: number): CellMeta {
    const key = metaKey(row, col);
    let meta = this._meta.get(key);
    if (!meta) {
      meta = {};
      this._meta.set(key, meta);
    }
    return meta;
  }

  /** @internal Read one meta field for every cell of `rect`. */
  _readMeta<T>(rect: GridRect, read: (meta: CellMeta | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < rect.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.numCols; c++)
        row.push(read(this._meta.get(metaKey(rect.row + r, rect.col + c))));
      out.push(row);
    }
    return out;
  }

  /** @internal Write one meta field; `value(r, c)` gives the value for each cell (undefined deletes). */
  _writeMeta<K extends keyof CellMeta>(
    rect: GridRect,
    key: K,
    value: (r: number, c: number) => CellMeta[K] | undefined,
  ): void {
    for (let r = 0; r < rect.numRows; r++) {
      for (let c = 0; c < rect.numCols; c++) {
        const v = value(r, c);
        if (v === undefined) {
          const existing = this._meta.get(metaKey(rect.row + r, rect.col + c));
          if (existing) {
            delete existing[key];
            if (Object.keys(existing).length === 0) this._meta.delete(metaKey(rect.row + r, rect.col + c));
          }
        } else {
          this._metaFor(rect.row + r, rect.col + c)[key] = v;
        }
      }
    }
  }

  /** @internal Drop meta fields inside `rect` (iterates the sparse map, not the rectangle). */
  _clearMeta(rect: GridRect, keys: readonly (keyof CellMeta)[]): void {
    for (const [key, meta] of this._meta) {
      const row = Math.floor(key / COL_SPAN);
      const col = key % COL_SPAN;
      if (!rectContains(rect, row, col)) continue;
      for (const k of keys) delete meta[k];
      if (Object.keys(meta).length === 0) this._meta.delete(key);
    }
  }

  /** @internal Style keys (everything clearFormat removes). */
  static readonly _formatKeys: readonly (keyof CellMeta)[] = ['numberFormat', ...STYLE_KEYS];

  /** @internal */
  _styleDefault(key: StyleKey): string | number | boolean {
    return STYLE_DEFAULTS[key];
  }

  /**
   * @internal Last row with content. HyperFormula's sheet height never shrinks after clears, so
   * scan upwards from it in blocks; a formula cell counts even when its result is empty.
   */
  _lastRow(): number {
    const hf = this._ss._hf;
    const { width, height } = hf.getSheetDimensions(this._hfId);
    if (width === 0 || height === 0) return 0;
    const BLOCK = 256;
    for (let end = height; end > 0; end -= BLOCK) {
      const start = Math.max(1, end - BLOCK + 1);
      const rect = { row: start, col: 1, numRows: end - start + 1, numCols: width };
      const values = this._ss._evaluated(() => hf.getRangeValues(this._hfRange(rect)));
      const serialized = hf.getRangeSerialized(this._hfRange(rect));
      for (let r = values.length - 1; r >= 0; r--) {
        for (let c = 0; c < width; c++) {
          if (values[r][c] !== null || (serialized[r][c] !== null && serialized[r][c] !== undefined))
            return start + r;
        }
      }
    }
    return 0;
  }

  /** @internal Last column with content (same approach as _lastRow). */
  _lastColumn(): number {
    const hf = this._ss._hf;
    const { width, height } = hf.getSheetDimensions(this._hfId);
    if (width === 0 || height === 0) return 0;
    const BLOCK = 16;
    for (let end = width; end > 0; end -= BLOCK) {
      const start = Math.max(1, end - BLOCK + 1);
      const rect = { row: 1, col: start, numRows: height, numCols: end - start + 1 };
      const values = this._ss._evaluated(() => hf.getRangeValues(this._hfRange(rect)));
      const serialized = hf.getRangeSerialized(this._hfRange(rect));
      for (let c = rect.numCols - 1; c >= 0; c--) {
        for (let r = 0; r < height; r++) {
          if (values[r][c] !== null || (serialized[r][c] !== null && serialized[r][c] !== undefined))
            return start + c;
        }
      }
    }
    return 0;
  }

  /** @internal Insert `count` rows/columns so that the first new one is at position `at`. */
  _insert(axis: 'row' | 'col', at: number, count: number): void {
    this._assertAlive();
    if (!(count >= 1))
      throw exception(`The number of ${axis === 'row' ? 'rows' : 'columns'} to insert must be at least 1.`);
    const hf = this._ss._hf;
    const { width, height } = hf.getSheetDimensions(this._hfId);
    if (axis === 'row') {
      if (at - 1 < height) hf.addRows(this._hfId, [at - 1, count]);
      this._maxRows += count;
    } else {
      if (at - 1 < width) hf.addColumns(this._hfId, [at - 1, count]);
      this._maxCols += count;
    }
    this._shiftMeta(axis, at, count);
    this._ss._shiftAnchors(this, axis, at, count);
  }

  /** @internal */
  _delete(axis: 'row' | 'col', at: number, count: number): void {
    this._assertAlive();
    const max = axis === 'row' ? this._maxRows : this._maxCols;
    if (at < 1 || at + count - 1 > max) throw exception('Those rows are out of bounds.'); // UNCONFIRMED text
    if (count >= max)
      throw exception(`You can't delete all the ${axis === 'row' ? 'rows' : 'columns'} on the sheet.`); // UNCONFIRMED
    const hf = this._ss._hf;
    const { width, height } = hf.getSheetDimensions(this._hfId);
    if (axis === 'row') {
      if (at - 1 < height) hf.removeRows(this._hfId, [at - 1, Math.min(count, height - at + 1)]);
      this._maxRows -= count;
    } else {
      if (at - 1 < width) hf.removeColumns(this._hfId, [at - 1, Math.min(count, width - at + 1)]);
      this._maxCols -= count;
    }
    this._shiftMeta(axis, at, -count);
    this._ss._shiftAnchors(this, axis, at, -count);
  }

  private _shiftMeta(axis: 'row' | 'col', at: number, delta: number): void {
    const next = new Map<number, CellMeta>();
    for (const [key, meta] of this._meta) {
      let row = Math.floor(key / COL_SPAN);
      let col = key % COL_SPAN;
      const pos = axis === 'row' ? row : col;
      let moved = pos;
      if (delta > 0 && pos >= at) moved = pos + delta;
      if (delta < 0) {
        if (pos >= at && pos < at - delta) continue; // deleted
        if (pos >= at - delta) moved = pos + delta;
      }
      if (axis === 'row') row = moved;
      else col = moved;
      next.set(metaKey(row, col), meta);
    }
    this._meta = next;
  }

  /** @internal Select `rect` with `current` as the current cell; switches to this tab. */
  _select(rect: GridRect, current: { row: number; col: number }): void {
    this._ss._activeSheet = this._ss._ownSheet(this);
    this._selection = { rect: { ...rect }, current: { ...current } };
  }
}

// =============================================================================================
// Range [R]

export class FakeRange {
  readonly [SERVICE] = 'Range';

  /** @internal Ranges are fixed rectangles, created by Sheet/Spreadsheet methods. */
  constructor(
    readonly _sheet: FakeSheet,
    readonly _rect: GridRect,
  ) {}

  // --- geometry --------------------------------------------------------------------------------
  getA1Notation(): string {
    return rectToA1(this._rect);
  }
  getSheet(): FakeSheet {
    return this._sheet;
  }
  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  getGridId(): number {
    return this._sheet.getSheetId();
  }
  /** Cell at 1-based (row, column) inside this range. */
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols) {
      throw exception('Cell reference out of range'); // UNCONFIRMED text
    }
    return this._sheet._rangeFromRect({
      row: this._rect.row + row - 1,
      col: this._rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    const rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    };
    this._sheet._checkRect(rect);
    return this._sheet._rangeFromRect(rect);
  }

  // --- values [R] ----------------------------------------------------------------------------------
  getValues(): CellValue[][] {
    return this._sheet._readValues(this._rect);
  }
  /** Top-left cell only [R]. */
  getValue(): CellValue {
    return this._sheet._readValues(this._topLeft())[0][0];
  }
  /** Must match the range dimensions; '=...' strings are formulas [R]. */
  setValues(values: unknown[][]): this {
    checkGridDimensions(values, this._rect, 'setValues');
    this._sheet._write(this._rect, values);
    return this;
  }
  /** Sets every cell of the range. A '=...' string behaves like setFormula. */
  setValue(value: unknown): this {
    if (typeof value === 'string' && value.length > 1 && value.startsWith('=')) return this.setFormula(value);
    this._sheet._write(this._rect, this._fill(value));
    return this;
  }
  getDisplayValues(): string[][] {
    return this._sheet._readDisplayValues(this._rect);
  }
  getDisplayValue(): string {
    return this._sheet._readDisplayValues(this._topLeft())[0][0];
  }
  getFormulas(): string[][] {
    return this._sheet._readFormulas(this._rect);
  }
  /** '' for an empty or formula-less cell [R]. */
  getFormula(): string {
    return this._sheet._readFormulas(this._topLeft())[0][0];
  }
  setFormulas(formulas: string[][]): this {
    checkGridDimensions(formulas, this._rect, 'setFormulas');
    this._sheet._write(this._rect, formulas);
    return this;
  }
  setFormula(formula: string): this {
    this._sheet._writeFormulaFill(this._rect, String(formula));
    return this;
  }
  isBlank(): boolean {
    const values = this._sheet._readValues(this._rect);
    const formulas = this._sheet._readFormulas(this._rect);
    return values.every((row, r) => row.every((v, c) => v === '' && formulas[r][c] === ''));
  }

  // --- merged cells ----------------------------------------------------------------------------
  /**
   * Merges the range into one block [R: merge]. As in Sheets, only the top-left value is kept (the editor warns
   * "Merging cells will only preserve the top-leftmost value"); the other cells are cleared. A block that
   * overlaps this range is replaced by it when it lies inside it; partly overlapping ones are refused, as Sheets
   * refuses them (exception text UNCONFIRMED).
   */
  merge(): this {
    const r = this._rect;
    const inside = (m: GridRect) =>
      m.row >= r.row &&
      m.col >= r.col &&
      m.row + m.numRows <= r.row + r.numRows &&
      m.col + m.numCols <= r.col + r.numCols;
    const overlapping = this._sheet._merges.filter((m) => rectsIntersect(m, r));
    if (overlapping.some((m) => !inside(m)))
      throw exception('You must select all cells in a merged range to merge or unmerge them.'); // UNCONFIRMED
    this._sheet._merges = this._sheet._merges.filter((m) => !rectsIntersect(m, r));
    if (r.numRows * r.numCols === 1) return this;
    const first = this._sheet._readFormulas({ ...r, numRows: 1, numCols: 1 })[0][0];
    const value = first || this._sheet._readValues({ ...r, numRows: 1, numCols: 1 })[0][0];
    this._sheet._clearContent(r);
    this._sheet._write({ ...r, numRows: 1, numCols: 1 }, [[value]]);
    this._sheet._merges.push({ ...r });
    return this;
  }
  /**
   * The merged blocks that lie within the range or share at least one cell with it [R: getMergedRanges], each as
   * the whole block. In the order they were merged (Google documents no order: UNCONFIRMED).
   */
  getMergedRanges(): FakeRange[] {
    return this._sheet._merges
      .filter((m) => rectsIntersect(m, this._rect))
      .map((m) => this._sheet._rangeFromRect({ ...m }));
  }
  /** True when the range shares a cell with a merged block [R: isPartOfMerge]. */
  isPartOfMerge(): boolean {
    return this._sheet._merges.some((m) => rectsIntersect(m, this._rect));
  }
  /** Unmerges every block that shares a cell with the range [R: breakApart]. */
  breakApart(): this {
    this._sheet._merges = this._sheet._merges.filter((m) => !rectsIntersect(m, this._rect));
    return this;
  }

  // --- clearing ------------------------------------------------------------------------------
  /**
   * Without options: contents and formats [R]. Notes and validations are kept (UNCONFIRMED).
   * Options follow Range.clear(options): commentsOnly (notes), contentsOnly, formatOnly, validationsOnly.
   */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this._sheet._clearContent(this._rect);
    if (!any || o.formatOnly) this._sheet._clearMeta(this._rect, FakeSheet._formatKeys);
    if (o.commentsOnly) this._sheet._clearMeta(this._rect, ['note']);
    if (o.validationsOnly) this._sheet._clearMeta(this._rect, ['validation']);
    return this;
  }
  clearContent(): this {
    this._sheet._clearContent(this._rect);
    return this;
  }
  clearFormat(): this {
    this._sheet._clearMeta(this._rect, FakeSheet._formatKeys);
    return this;
  }
  clearNote(): this {
    this._sheet._clearMeta(this._rect, ['note']);
    return this;
  }
  clearDataValidations(): this {
    this._sheet._clearMeta(this._rect, ['validation']);
    return this;
  }

  // --- notes [R] --------------------------------------------------------------------------------
  /** `null` removes the note [R]. Applies to every cell of the range. */
  setNote(note: string | null): this {
    const v = note === null || note === '' ? undefined : String(note);
    this._sheet._writeMeta(this._rect, 'note', () => v);
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    checkGridDimensions(notes, this._rect, 'setNotes');
    this._sheet._writeMeta(this._rect, 'note', (r, c) => {
      const n = notes[r][c];
      return n === null || n === '' ? undefined : String(n);
    });
    return this;
  }
  /** '' when there is no note (UNCONFIRMED, facts #32). */
  getNote(): string {
    return this._sheet._metaAt(this._rect.row, this._rect.col)?.note ?? '';
  }
  getNotes(): string[][] {
    return this._sheet._readMeta(this._rect, (m) => m?.note ?? '');
  }

  // --- number formats [R] --------------------------------------------------------------------------
  setNumberFormat(numberFormat: string): this {
    const f = String(numberFormat);
    this._sheet._writeMeta(this._rect, 'numberFormat', () => f);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    checkGridDimensions(numberFormats, this._rect, 'setNumberFormats');
    this._sheet._writeMeta(this._rect, 'numberFormat', (r, c) => String(numberFormats[r][c]));
    return this;
  }
  getNumberFormat(): string {
    return this._sheet._metaAt(this._rect.row, this._rect.col)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._sheet._readMeta(this._rect, (m) => m?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  // --- data validation [R, DVB] ---------------------------------------------------------------------
  /** One rule for every cell; null removes [R]. */
  setDataValidation(rule: FakeDataValidation | null): this {
    if (rule !== null && !(rule instanceof FakeDataValidation)) {
      throw exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      );
    }
    this._sheet._writeMeta(this._rect, 'validation', () => rule ?? undefined);
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    checkGridDimensions(rules, this._rect, 'setDataValidations');
    this._sheet._writeMeta(this._rect, 'validation', (r, c) => rules[r][c] ?? undefined);
    return this;
  }
  /** null if none [R]. */
  getDataValidation(): FakeDataValidation | null {
    return this._sheet._metaAt(this._rect.row, this._rect.col)?.validation ?? null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._sheet._readMeta(this._rect, (m) => m?.validation ?? null);
  }

  // --- text & cell styles (recorded) ---------------------------------------------------------------
  setBackground(color: string | null): this {
    return this._setStyle('background', color);
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._setStyles('background', colors, 'setBackgrounds');
  }
  getBackground(): string {
    return this._getStyle('background') as string;
  }
  getBackgrounds(): string[][] {
    return this._getStyles('background') as string[][];
  }
  setFontWeight(fontWeight: string | null): this {
    return this._setStyle('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]): this {
    return this._setStyles('fontWeight', fontWeights, 'setFontWeights');
  }
  getFontWeight(): string {
    return this._getStyle('fontWeight') as string;
  }
  getFontWeights(): string[][] {
    return this._getStyles('fontWeight') as string[][];
  }
  setFontColor(color: string | null): this {
    return this._setStyle('fontColor', color);
  }
  setFontColors(colors: (string | null)[][]): this {
    return this._setStyles('fontColor', colors, 'setFontColors');
  }
  getFontColor(): string {
    return this._getStyle('fontColor') as string;
  }
  setFontStyle(fontStyle: string | null): this {
    return this._setStyle('fontStyle', fontStyle);
  }
  getFontStyle(): string {
    return this._getStyle('fontStyle') as string;
  }
  setFontSize(size: number): this {
    return this._setStyle('fontSize', size);
  }
  getFontSize(): number {
    return this._getStyle('fontSize') as number;
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setStyle('horizontalAlignment', alignment);
  }
  getHorizontalAlignment(): string {
    return this._getStyle('horizontalAlignment') as string;
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setStyle('wrap', Boolean(isWrapEnabled));
  }
  getWrap(): boolean {
    return this._getStyle('wrap') as boolean;
  }

  // --- protection [R] -----------------------------------------------------------------------------
  /** A new Protection, even on an already protected range [R]. */
  protect(): FakeProtection {
    const protection = new FakeProtection(this._sheet, { ...this._rect });
    this._sheet._ss._protections.push(protection);
    return protection;
  }

  // --- selection [R] ------------------------------------------------------------------------------
  /**
   * Makes the range active with its top-left cell current; returns the range [R]. Switching to
   * the range's tab when it is not the active one is UNCONFIRMED (facts #17); we switch.
   */
  activate(): this {
    this._sheet._select(this._rect, { row: this._rect.row, col: this._rect.col });
    return this;
  }
  /** Single cell only [R]; keeps the surrounding selection when the cell lies inside it. */
  activateAsCurrentCell(): this {
    if (this._rect.numRows !== 1 || this._rect.numCols !== 1) {
      throw exception('The range must be a single cell.'); // throws per [R, SH]; text UNCONFIRMED
    }
    const sheet = this._sheet;
    const keep =
      sheet._ss._activeSheet === sheet && rectContains(sheet._selection.rect, this._rect.row, this._rect.col);
    sheet._select(keep ? sheet._selection.rect : this._rect, { row: this._rect.row, col: this._rect.col });
    return this;
  }

  toString(): string {
    return 'Range';
  }

  // --- helpers -------------------------------------------------------------------------------------
  private _topLeft(): GridRect {
    return { row: this._rect.row, col: this._rect.col, numRows: 1, numCols: 1 };
  }
  private _fill<T>(value: T): T[][] {
    return Array.from({ length: this._rect.numRows }, () => new Array<T>(this._rect.numCols).fill(value));
  }
  private _setStyle(key: StyleKey, value: string | number | boolean | null): this {
    const v = value === null ? undefined : value;
    this._sheet._writeMeta(this._rect, key, () => v as never);
    return this;
  }
  private _setStyles(key: StyleKey, grid: unknown[][], method: string): this {
    checkGridDimensions(grid, this._rect, method);
    this._sheet._writeMeta(this._rect, key, (r, c) =>
      grid[r][c] === null ? undefined : (grid[r][c] as never),
    );
    return this;
  }
  private _getStyle(key: StyleKey): string | number | boolean {
    return this._sheet._metaAt(this._rect.row, this._rect.col)?.[key] ?? this._sheet._styleDefault(key);
  }
  private _getStyles(key: StyleKey): (string | number | boolean)[][] {
    return this._sheet._readMeta(this._rect, (m) => m?.[key] ?? this._sheet._styleDefault(key));
  }
}

// =============================================================================================
// Formula syntax by locale [LOC]

/**
 * Sheets in a comma locale reads ';' between arguments as ',' (reported, docs/emulator.md), so formulas written
 * with ';' work in every locale. Text in quotes, quoted sheet names and array literals { } are left alone.
 */
export function acceptSemicolons(formula: string, syntax: LocaleSyntax): string {
  if (syntax.argumentSeparator === ';' || !formula.includes(';')) return formula;
  let out = '';
  let quote = '';
  let braces = 0;
  for (const ch of formula) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === ';' && braces === 0) {
      out += ',';
      continue;
    }
    out += ch;
  }
  return out;
}
