/**
 * The change log: the onEdit simple trigger appends a row to Changes when a tracked cell changes (TRACKED_FIELDS: a
 * key result's or KPI's Target, dates, how it is split, its Owner; the plan's period on the Strategy tab; a custom
 * phasing weight on the Targets tab), with timestamp, sheet, cell, ID, field, old, new and who (the editor's e-mail
 * when Google gives it: editorOf); Reason is left for the person.
 * Only single-cell edits carry e.value / e.oldValue (facts #50): an edit of several cells at once (a paste, a fill,
 * a sort) is logged with its new values and an old value "not known", or as one row when it touches more than
 * CELLS_LOGGED_ONE_BY_ONE tracked cells. Rows cleared with their ID (Delete over whole rows) are logged by their
 * cells, with no ID and the old values "not known" (clearedChanges says why no snapshot names them). Simple
 * triggers run in LIMITED mode with a 30 s limit in all (facts #48, #52): the handler reads the header rows and
 * the edited row only, and never throws (an error goes to the execution log).
 *
 * Nothing is lost, nothing is overwritten (docs/addon.md, "The change log"):
 * - The row is written under the document lock, waited for CHANGE_LOG_LOCK_WAIT_MS only. Without the lock, another
 *   execution may be appending to Changes at the same moment, and both would pick the same "next row": one change
 *   would overwrite the other. So without the lock the change is not written to the sheet but kept in the
 *   document properties (one key per change, so two executions never rewrite the same key), and the next logged
 *   change writes the kept ones first, oldest first, with their own timestamps.
 * - A missing Changes tab is created, but insertSheet makes the new tab the active one: the person's active tab,
 *   selection and current cell are put back at once, so the edit does not move them to Changes.
 * - A cleared cell's e.value may be missing or an object rather than a value (UNCONFIRMED, facts #50): anything
 *   that is not a plain value counts as blank, and the cell itself then gives the new value.
 * - Who: Google withholds the editor's address in a simple trigger unless the editor is in the script owner's Workspace
 *   domain; then Who is blank and the row is written all the same. A log without a Who column (made before it
 *   existed) gets one after its last used column, never over a cell that holds something; should that fail, the
 *   row is written without who rather than kept.
 */
import { dateToIso, isIsoDate, isoToSerial } from '../../shared/calendar';
import {
  cellText,
  columnLetter,
  isBlank,
  plainNumber,
  readDate,
  textCell,
  type Cell,
} from '../../shared/cells';
import { HEADER_SEARCH_ROWS, parsePlan } from '../../shared/parse';
import type { Plan, SheetLayout } from '../../shared/plan';
import {
  columnDef,
  hasTraditional,
  type ColumnDef,
  langFromLocale,
  matchEnum,
  matchTab,
  normalizeHeader,
  STRATEGY_FIELDS,
  tabDef,
  type Lang,
  type TabKey,
} from '../../shared/template';
import { LANGS } from '../../shared/i18n';
import { decimalMarkOf } from '../../shared/locale-syntax';
import { typedTextOf } from '../../shared/number-formats';
import { errorText } from './action';
import { t } from './i18n';
import { ensureSize, isDate, normalizeCell, sheetDate } from './sheets-adapter';
import { createTemplateTab, writeHeader } from './templates';

/**
 * The fields whose changes leave a trace, per tab (the domain brief: who, when, old, new, why): what a key result
 * aims at and when, and what splits it into months (Start, Type, Phasing, Direction change every monthly target
 * as much as the Target does), and its Unit: a Unit in a multiple (万人, K users) scales the Target, so 50,000
 * sign-ups → 5 万人 is the same target, which the log would otherwise show as a cut of 10,000 times.
 * What else splits a target into months: on the Strategy tab, the Value of the period's start and end (fields of
 * STRATEGY_FIELDS: every key result without a Start or Due of its own is spread over it); on the Targets tab, the
 * month cells of a weights row (a custom weight: 5 in March moves that key result's whole year), the month being
 * the field.
 */
export const TRACKED_FIELDS: Partial<Record<TabKey, readonly string[]>> = {
  keyResults: ['target', 'baseline', 'unit', 'start', 'due', 'type', 'phasing', 'direction', 'owner'],
  kpis: ['target', 'unit', 'direction', 'owner'],
  strategy: ['periodStart', 'periodEnd'],
  targets: ['weights'],
};

function normalizeGrid(values: unknown[][]): Cell[][] {
  return values.map((row) => row.map(normalizeCell));
}

/**
 * Where the columns of a tab are, from its first rows (`rows`: how many; all of them for the Strategy tab, a short
 * Field / Value list whose rows are its fields), using the parser's own header matching; `plan` is what the parser
 * read of those rows (the Targets tab's month columns, the Strategy tab's field rows).
 */
function layoutOf(
  sheet: GAS.Sheet,
  name: string,
  key: TabKey,
  rows = HEADER_SEARCH_ROWS,
  timeZone?: string,
): { layout: SheetLayout; head: Cell[][]; lastColumn: number; plan: Plan } | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return null;
  const head = normalizeGrid(sheet.getRange(1, 1, Math.min(rows, lastRow), lastColumn).getValues());
  // The spreadsheet's zone where dates are read (the Targets tab's months: a date cell is midnight there).
  const plan = parsePlan({ [name]: head }, timeZone ? { timeZone } : {}).plan;
  const layout = plan.layout[key];
  // A Strategy tab without its Field / Value header is read all the same, by its field names (as the parser does).
  return layout && (layout.headerRow >= 1 || key === 'strategy') ? { layout, head, lastColumn, plan } : null;
}

/** The rows and columns an edit covers (1-based, inclusive). */
interface Edited {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/**
 * A cell whose change is logged: where it is, the ID of its row ('' on the Strategy tab, which has none), the field
 * as the log names it, which day a date in it is (the end of a span: a month typed there is its last day), and what
 * its values are (a number, a day; absent: text).
 */
interface TrackedCell {
  row: number;
  column: number;
  id: string;
  field: string;
  dateField: 'start' | 'end' | null;
  kind?: 'number' | 'date';
}

/** What the log needs to know that takes a call to ask: asked once, and only when a tracked cell was edited. */
interface LogContext {
  timeZone: () => string;
  lang: () => Lang;
}

/**
 * Rows an edit of several cells left without their ID and without anything in their tracked cells: rows cleared
 * (Delete over whole rows), their ID with them. `fields`: the tracked fields the edit covered, as the log names
 * them (none when the header went too, so no column is known); `summed`: always one row for the whole edit.
 */
interface ClearedRows {
  rows: number[];
  fields: string[];
  summed: boolean;
}

/**
 * The tracked cells of an edit on a key result or KPI tab (TRACKED_FIELDS): the tracked columns of its rows below
 * the header that have an ID (a row being typed in has nothing to trace yet); and the rows it cleared, ID and all
 * (clearedRows).
 */
function tableCells(
  sheet: GAS.Sheet,
  name: string,
  key: TabKey,
  edited: Edited,
  ctx: LogContext,
): { cells: TrackedCell[]; cleared: ClearedRows | null } {
  const tracked = TRACKED_FIELDS[key] ?? [];
  const found = layoutOf(sheet, name, key);
  if (!found) return { cells: [], cleared: clearedWithHeader(sheet, edited) };
  const rows = editedRows(sheet, found.layout, edited);
  const fields = Object.entries(found.layout.columns)
    .filter(([field, c]) => tracked.includes(field) && c >= edited.firstColumn && c <= edited.lastColumn)
    .sort((a, b) => a[1] - b[1]);
  if (!rows || fields.length === 0) return { cells: [], cleared: null };
  const label = (field: string, column: number) =>
    cellText(found.head[found.layout.headerRow - 1][column - 1]) || columnDef(key, field).label[ctx.lang()];
  // Which date a date column holds: the Due ends the key result's span (the parser reads it so too).
  const dateFieldOf = (field: string) =>
    columnDef(key, field).kind !== 'date' ? null : field === 'due' ? ('end' as const) : ('start' as const);
  const kindOf = (field: string): Pick<TrackedCell, 'kind'> => {
    const kind = columnDef(key, field).kind;
    return kind === 'date'
      ? { kind: 'date' }
      : kind === 'number' || kind === 'ratio'
        ? { kind: 'number' }
        : {};
  };
  // The edit covers the ID column (and is of several cells: a single cell is never a tracked cell and its ID):
  // its rows' tracked cells are read with the IDs, in the same call, to tell a cleared row.
  const idColumn = found.layout.columns.id;
  const clears =
    idColumn !== undefined &&
    idColumn >= edited.firstColumn &&
    idColumn <= edited.lastColumn &&
    (edited.lastRow > edited.firstRow || edited.lastColumn > edited.firstColumn);
  const [ids, ...values] = rowCells(
    sheet,
    found,
    rows,
    [idColumn, ...(clears ? fields.map(([, column]) => column) : [])],
    ctx,
  );
  const cells: TrackedCell[] = [];
  for (let r = rows.first; r <= rows.last; r++) {
    const id = ids(r);
    if (!id) continue;
    for (const [field, column] of fields)
      cells.push({
        row: r,
        column,
        id,
        field: label(field, column),
        dateField: dateFieldOf(field),
        ...kindOf(field),
      });
  }
  if (!clears) return { cells, cleared: null };
  // Rows below the tab's last row now hold nothing (the last rows cleared: editedRows stops at the last row with
  // content, which the clear moved up), and are read as blank without a call.
  const cleared: number[] = [];
  for (let r = rows.first; r <= edited.lastRow; r++) {
    const blank = r > rows.last || (!ids(r).trim() && values.every((value) => !value(r).trim()));
    if (blank) cleared.push(r);
  }
  return {
    cells,
    cleared: cleared.length
      ? { rows: cleared, fields: fields.map(([field, column]) => label(field, column)), summed: false }
      : null,
  };
}

/**
 * A tab whose header the edit cleared with its rows (Select all, Delete): no column is known any more, so which
 * cells were tracked is not known either. When the edit may have held the header (it starts within the rows a
 * header is looked for in) and left nothing in its cells, it is one cleared block: a trace, with no field named.
 */
function clearedWithHeader(sheet: GAS.Sheet, edited: Edited): ClearedRows | null {
  if (edited.firstRow > HEADER_SEARCH_ROWS) return null;
  if (edited.lastRow === edited.firstRow && edited.lastColumn === edited.firstColumn) return null;
  // Only the part of the edit up to the tab's last row and column with content can hold anything.
  const lastRow = Math.min(edited.lastRow, sheet.getLastRow());
  const lastColumn = Math.min(edited.lastColumn, sheet.getLastColumn());
  if (lastRow >= edited.firstRow && lastColumn >= edited.firstColumn) {
    const values = sheet
      .getRange(
        edited.firstRow,
        edited.firstColumn,
        lastRow - edited.firstRow + 1,
        lastColumn - edited.firstColumn + 1,
      )
      .getValues();
    if (values.some((row) => row.some((value) => !isBlank(normalizeCell(value))))) return null;
  }
  const rows: number[] = [];
  for (let r = edited.firstRow; r <= edited.lastRow; r++) rows.push(r);
  return { rows, fields: [], summed: true };
}

/**
 * The tracked cells of an edit on the generated Targets tab: the month cells of its weights rows (the Row cell says
 * weights, in any language), the month (2026-03) as the field. The tab's other cells are its own formulas: a
 * rebuild writes them again.
 */
function weightCells(sheet: GAS.Sheet, name: string, edited: Edited, ctx: LogContext): TrackedCell[] {
  const found = layoutOf(sheet, name, 'targets', HEADER_SEARCH_ROWS, ctx.timeZone());
  if (!found) return [];
  const rows = editedRows(sheet, found.layout, edited);
  const months = Object.entries(found.plan.targets?.monthColumns ?? {})
    .filter(([, c]) => c >= edited.firstColumn && c <= edited.lastColumn)
    .sort((a, b) => a[1] - b[1]);
  if (!rows || months.length === 0 || !found.layout.columns.row) return [];
  const [ids, kinds] = rowCells(sheet, found, rows, [found.layout.columns.id, found.layout.columns.row], ctx);
  const cells: TrackedCell[] = [];
  for (let r = rows.first; r <= rows.last; r++) {
    const id = ids(r);
    if (!id || matchEnum('targetsRow', kinds(r)) !== 'weights') continue;
    for (const [month, column] of months)
      cells.push({ row: r, column, id, field: month, dateField: null, kind: 'number' });
  }
  return cells;
}

/**
 * The tracked cells of an edit on the Strategy tab: the Value of the period's start and end, in the rows the parser
 * reads them from, each named by its Field cell as typed there ("Period end", 周期结束). The period is the plan's,
 * not a key result's: the ID is left blank.
 */
function periodCells(sheet: GAS.Sheet, name: string, edited: Edited, ctx: LogContext): TrackedCell[] {
  // The tab is a short list (a dozen fields): read whole, as the parser reads it, wherever its rows were moved.
  const found = layoutOf(sheet, name, 'strategy', sheet.getLastRow(), ctx.timeZone());
  if (!found) return [];
  const { field: fieldColumn, value: column } = found.layout.columns;
  if (!column || column < edited.firstColumn || column > edited.lastColumn) return [];
  const cells: TrackedCell[] = [];
  for (const [key, dateField] of [
    ['periodStart', 'start'],
    ['periodEnd', 'end'],
  ] as const) {
    const row = found.plan.strategy.rows[key];
    if (!row || row < edited.firstRow || row > edited.lastRow) continue;
    const typed = fieldColumn ? cellText(found.head[row - 1]?.[fieldColumn - 1], ctx.timeZone()) : '';
    const label = STRATEGY_FIELDS.find((f) => f.key === key)!.label[ctx.lang()];
    cells.push({ row, column, id: '', field: typed || label, dateField, kind: 'date' });
  }
  return cells.sort((a, b) => a.row - b.row);
}

/** The edited rows below a tab's header, up to its last row; null when the edit is above or below them. */
function editedRows(
  sheet: GAS.Sheet,
  layout: SheetLayout,
  edited: Edited,
): { first: number; last: number } | null {
  const first = Math.max(edited.firstRow, layout.headerRow + 1);
  const last = Math.min(edited.lastRow, Math.max(sheet.getLastRow(), edited.firstRow));
  return first > last ? null : { first, last };
}

/**
 * The text of some columns' cells in the edited rows (an ID, a Row), each as a function of the row: from the header
 * rows already read, or in one call for all of them.
 */
function rowCells(
  sheet: GAS.Sheet,
  found: { head: Cell[][] },
  rows: { first: number; last: number },
  columns: (number | undefined)[],
  ctx: LogContext,
): ((row: number) => string)[] {
  const present = columns.filter((c): c is number => c !== undefined);
  if (present.length === 0) return columns.map(() => () => '');
  const left = Math.min(...present);
  const width = Math.max(...present) - left + 1;
  const count = rows.last - rows.first + 1;
  const values: unknown[][] =
    rows.last <= found.head.length
      ? found.head.slice(rows.first - 1, rows.last).map((row) => row.slice(left - 1, left - 1 + width))
      : sheet.getRange(rows.first, left, count, width).getValues();
  return columns.map((column) =>
    column === undefined
      ? () => ''
      : (row: number) => cellText(normalizeCell(values[row - rows.first]?.[column - left]), ctx.timeZone()),
  );
}

/**
 * A value as the log shows it: dates as 2026-03-01 (event values of dates may arrive as serial numbers), read as the
 * plan reads them (readDate: a Due typed "2026-12" is 2026-12-31). A number in a date column that readDate reads as
 * no day (1151231, a Minguo date typed without separators, is the serial of 5051-12-17: `compact-date`; 5 is a day
 * of 1900: `date-out-of-range`) is logged as the number typed, never as that far day; so is such a number Sheets
 * made a date of (a cell formatted as a date holds 5051-12-17).
 */
function logText(value: unknown, dateField: 'start' | 'end' | null, timeZone: string): string {
  if (value === undefined || value === null) return '';
  const monthEnd = dateField === 'end';
  if (isDate(value)) {
    const date = new Date(value.getTime());
    const iso = dateToIso(date, timeZone) ?? '';
    if (!dateField || !iso) return iso;
    const read = readDate(date, timeZone, { monthEnd });
    if (read.ok) return read.value;
    return read.reason === 'compact-date' || read.reason === 'date-out-of-range'
      ? String(isoToSerial(iso))
      : iso;
  }
  if (dateField) {
    const text = String(value).trim();
    if (/^\d+(\.\d+)?$/.test(text)) {
      const read = readDate(Number(text), timeZone, { monthEnd });
      return read.ok ? read.value : text;
    }
    const read = readDate(text, timeZone, { monthEnd, spans: true });
    if (read.ok) return read.value;
  }
  return cellText(value as Cell, timeZone);
}

/**
 * The number a cell with this format shows, as text ("150萬", "20%", "NT$1,200": shared/number-formats.ts
 * typedTextOf, in the spreadsheet's decimal sign), for a value that is a number or its plain text (an event's value
 * may come as either); any other value, or a format that shows the number as it is, as given.
 */
function shownAs(format: string, ss: GAS.Spreadsheet): (value: Cell | undefined) => Cell | undefined {
  if (!format) return (value) => value;
  const mark = decimalMarkOf(ss.getSpreadsheetLocale());
  return (value) => {
    const number = typeof value === 'number' ? value : typeof value === 'string' ? plainNumber(value) : null;
    return number === null ? value : (typedTextOf(number, format, mark) ?? value);
  };
}

/** An event's value as a cell value; undefined for anything else (a missing value, an object: facts #50). */
function eventCell(value: unknown): Cell | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return new Date(value.getTime());
  return undefined;
}

/**
 * The Changes tab, in the edited tab's language; created with its template header when it is missing. insertSheet
 * makes the new tab the active one (reference/spreadsheet/spreadsheet#insertSheet, facts #19): the person is put
 * back on their tab, selection and current cell, so an edit never moves them to Changes.
 */
function changesSheet(ss: GAS.Spreadsheet, lang: Lang): { sheet: GAS.Sheet; name: string } {
  const label = tabDef('changes').label;
  // Found as every reader finds a plan tab (matchTab: any case, language or script, "changes" or "變更記錄"), not
  // by getSheetByName's exact name: a tab renamed "changes" is still the log, and inserting another "Changes"
  // beside it would fail.
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (matchTab(name)?.key === 'changes') return { sheet, name };
  }
  const active = ss.getActiveSheet();
  const selection = active.getActiveRange();
  const current = active.getCurrentCell();
  const sheet = createTemplateTab(ss, 'changes', lang);
  active.activate();
  if (selection) active.setActiveRange(selection);
  if (current) active.setCurrentCell(current);
  return { sheet, name: label[lang] };
}

export interface LoggedChange {
  sheet: string;
  cell: string;
  id: string;
  field: string;
  oldValue: string;
  newValue: string;
  /**
   * Who made the change: the editor's e-mail, or '' when Google withholds it. Absent in a change kept before the log
   * had a Who column (written blank).
   */
  who?: string;
  /**
   * What the values are, to write them as such: a number as a number and a day as a date, never as text that
   * Sheets would read as typed in the spreadsheet's locale ("0.2" is no number in de_DE). Absent: text.
   */
  kind?: 'number' | 'date';
}

/**
 * An edit of several cells at once (a paste, a fill, a sort) logs each tracked cell of it, up to this many; beyond,
 * one row says which cells, IDs and fields it touched. Sheets gives no old values for such an edit (e.oldValue is
 * for a single cell only, facts #50), so each of those rows says the old value is not known: a sort or a fill of a
 * whole table would otherwise add hundreds of such rows, each "without a reason", to a log leadership reads.
 */
export const CELLS_LOGGED_ONE_BY_ONE = 10;
/** How many IDs a row for a large edit names before "…". */
const IDS_NAMED = 10;

/** Logs the edit when it touches cells we track; returns what was logged (nothing: an empty list). */
export function logChange(e: GAS.EditEvent): LoggedChange[] {
  const range = e?.range;
  if (!range) return [];
  const sheet = range.getSheet();
  const name = sheet.getName();
  const tab = matchTab(name);
  if (!tab || !TRACKED_FIELDS[tab.key]) return [];
  const edited: Edited = {
    firstRow: range.getRow(),
    lastRow: range.getRow() + range.getNumRows() - 1,
    firstColumn: range.getColumn(),
    lastColumn: range.getColumn() + range.getNumColumns() - 1,
  };
  const ss = e.source ?? sheet.getParent();
  let timeZone: string | undefined;
  let lang: Lang | undefined;
  const ctx: LogContext = {
    timeZone: () => (timeZone ??= ss.getSpreadsheetTimeZone() || 'UTC'),
    lang: () => (lang ??= logLanguage(ss, name, tab.label)),
  };
  const { cells, cleared } =
    tab.key === 'strategy'
      ? { cells: periodCells(sheet, name, edited, ctx), cleared: null }
      : tab.key === 'targets'
        ? { cells: weightCells(sheet, name, edited, ctx), cleared: null }
        : tableCells(sheet, name, tab.key, edited, ctx);
  if (cells.length === 0 && !cleared) return [];
  // Of two tabs of the same kind (an English Key Results and a 關鍵結果 copy) the plan reads the leftmost (the
  // parser's findTabs, a duplicate-tab warning at the other): an edit of the other one changes no target.
  const sheetId = sheet.getSheetId();
  for (const other of ss.getSheets()) {
    if (other.getSheetId() === sheetId) break;
    if (matchTab(other.getName())?.key === tab.key) return [];
  }
  const kindOf = (cell: TrackedCell): Pick<LoggedChange, 'kind'> => (cell.kind ? { kind: cell.kind } : {});

  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  if (single) {
    const [cell] = cells;
    // A number is logged as its cell shows it where its format shows a multiple, a percent or a currency (a target
    // shown 150萬 in 元 held 150, logged 150 and read back as 150 元): what the person saw and typed. The format is
    // asked only of a number cell (one call, Range.getNumberFormats); an edit keeps the cell's format.
    const shown = shownAs(cell.kind === 'number' ? (range.getNumberFormats()[0]?.[0] ?? '') : '', ss);
    // A cleared cell's e.value may be missing or an object (facts #50): then the cell itself gives the new value.
    const given = eventCell(e.value);
    const oldValue = logText(shown(eventCell(e.oldValue)), cell.dateField, ctx.timeZone());
    const newValue = logText(
      shown(given === undefined || isBlank(given) ? range.getValue() : given),
      cell.dateField,
      ctx.timeZone(),
    );
    if (oldValue === newValue) return [];
    const change: LoggedChange = {
      sheet: name,
      cell: range.getA1Notation(),
      id: cell.id,
      field: cell.field,
      oldValue,
      newValue,
      who: editorOf(e),
      ...kindOf(cell),
    };
    appendChanges(ss, ctx.lang(), [change], ctx.timeZone());
    return [change];
  }

  // Several cells at once: the tracked cells, with their values as they are now (one read of the block they span).
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.column));
  const values = cells.length
    ? sheet
        .getRange(
          top,
          left,
          Math.max(...cells.map((c) => c.row)) - top + 1,
          Math.max(...cells.map((c) => c.column)) - left + 1,
        )
        .getValues()
    : [];
  const notKnown = t('changeLogOldNotKnown', ctx.lang());
  const changes: LoggedChange[] = cells.map((cell) => ({
    sheet: name,
    cell: `${columnLetter(cell.column)}${cell.row}`,
    id: cell.id,
    field: cell.field,
    oldValue: notKnown,
    newValue: logText(
      normalizeCell(values[cell.row - top][cell.column - left]),
      cell.dateField,
      ctx.timeZone(),
    ),
    ...kindOf(cell),
  }));
  // The same person made every cell of the edit, and the one row that sums a large edit up.
  const who = editorOf(e);
  for (const change of changes) change.who = who;
  // The ID of each edited row (cells are in order of rows).
  const ids = [...new Map(cells.map((c) => [c.row, c.id] as const)).values()];
  const fields = [...new Map(cells.map((c) => [c.column, c.field] as const))]
    .sort((a, b) => a[0] - b[0])
    .map(([, field]) => field);
  const logged =
    changes.length <= CELLS_LOGGED_ONE_BY_ONE
      ? changes
      : [
          {
            sheet: name,
            cell: range.getA1Notation(),
            id:
              ids.length > IDS_NAMED
                ? `${ids.slice(0, IDS_NAMED).join(', ')}, … (${ids.length})`
                : ids.join(', '),
            field: [...new Set(fields)].join(', '),
            oldValue: notKnown,
            newValue: t('changeLogValues', ctx.lang(), { count: changes.length }),
            who,
          },
        ];
  if (cleared) logged.push(...clearedChanges(name, edited, cleared, who, ctx.lang()));
  appendChanges(ss, ctx.lang(), logged, ctx.timeZone());
  return logged;
}

/**
 * How many cleared rows get a row each in the log; beyond, one row sums the edit up (as CELLS_LOGGED_ONE_BY_ONE
 * does for cells): a Delete over a whole tab of rows must not add a thousand rows to the log leadership reads.
 */
export const ROWS_LOGGED_ONE_BY_ONE = 10;

/**
 * The trace of rows cleared with their ID (Delete over whole rows, docs/addon.md "Rows cleared"): Sheets gives no
 * old values for an edit of several cells (facts #50), and the ID went with the row, so each row is named by its
 * cells (A12:Z12), the tracked fields the edit covered, and an old value "not known: the row was cleared (its ID
 * cell too)", the new value blank. No ID is named: an ID remembered from before the edit (a snapshot in the
 * document properties) could be stale without the trigger knowing, since inserting or moving rows fires no onEdit
 * and edits by scripts fire none, and a wrong ID is worse than none; the spreadsheet's version history has the
 * old row.
 */
function clearedChanges(
  sheet: string,
  edited: Edited,
  cleared: ClearedRows,
  who: string,
  lang: Lang,
): LoggedChange[] {
  const cells = (from: number, to: number) =>
    `${columnLetter(edited.firstColumn)}${from}:${columnLetter(edited.lastColumn)}${to}`;
  const field = cleared.fields.join(', ');
  const { rows } = cleared;
  if (!cleared.summed && rows.length <= ROWS_LOGGED_ONE_BY_ONE)
    return rows.map((row) => ({
      sheet,
      cell: cells(row, row),
      id: '',
      field,
      oldValue: t('changeLogRowCleared', lang),
      newValue: '',
      who,
    }));
  return [
    {
      sheet,
      cell: cells(rows[0], rows[rows.length - 1]),
      id: '',
      field,
      oldValue: t('changeLogRowsCleared', lang, { count: rows.length }),
      newValue: '',
      who,
    },
  ];
}

/**
 * Who made the edit: the editor's e-mail as Google gives it, or '' when it is withheld; never throws.
 * The edit event's `user` first: "a User object, representing the active user, if available (depending on a complex
 * set of security restrictions)" (https://developers.google.com/apps-script/guides/triggers/events); it comes with the
 * event, no call. Then Session.getActiveUser().getEmail()
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()), which needs the
 * userinfo.email scope (appsscript.json). In a simple onEdit both give the address generally only when the editor is
 * in the same Google Workspace domain as the script's owner, else a blank string
 * (https://developers.google.com/apps-script/reference/base/user#getEmail()). A call that fails (the scope not yet
 * granted, a service error) counts as withheld: the row is written with Who blank, and the execution log says why.
 */
export function editorOf(e: GAS.EditEvent): string {
  const sources: [string, () => unknown][] = [
    ['e.user', () => e.user],
    ['Session.getActiveUser()', () => Session.getActiveUser()],
  ];
  for (const [source, user] of sources) {
    try {
      const email = emailOf(user());
      if (email) return email;
    } catch (error) {
      Logger.log(`gtm-pyramid onEdit: ${source} gave no e-mail (${errorText(error)}); Who is left blank.`);
    }
  }
  return '';
}

/** A User's e-mail ('' when withheld); the events guide shows e.user as the address itself, so a string is taken too. */
function emailOf(user: unknown): string {
  if (typeof user === 'string') return user.trim();
  const getEmail = (user as { getEmail?: unknown } | null | undefined)?.getEmail;
  if (typeof getEmail !== 'function') return '';
  const email: unknown = (user as GAS.User).getEmail();
  return typeof email === 'string' ? email.trim() : '';
}

/** The language the log is written in: the one the edited tab is named in (the spreadsheet's own when its name
 * fits several, as 'KPI' does). */
function logLanguage(ss: GAS.Spreadsheet, name: string, label: Record<Lang, string>): Lang {
  const localeLang = langFromLocale(ss.getSpreadsheetLocale());
  const named = LANGS.filter((l) => normalizeHeader(name) === normalizeHeader(label[l]));
  // Named alike in both Chinese scripts ('KPI'): the other tabs tell which (關鍵結果 is Traditional).
  const traditional = named.includes('zh-TW') && ss.getSheets().some((s) => hasTraditional(s.getName()));
  return named.length === 0 || named.includes(localeLang) ? localeLang : traditional ? 'zh-TW' : named[0];
}

/**
 * How long onEdit waits for the document lock. A simple trigger has 30 s in all (facts #48); another onEdit holds
 * the lock for a few calls, so 2 s is plenty for that, and a long menu action (Decompose targets on a big plan)
 * is not waited for: the change is kept instead (below).
 */
export const CHANGE_LOG_LOCK_WAIT_MS = 2_000;
/** How a logged day is shown (as the template's date columns show days). */
const LOGGED_DATE_FORMAT = 'yyyy-mm-dd';
/** How a number logged for a date column is shown: as typed (Sheets' automatic format for a number). */
const LOGGED_NUMBER_FORMAT = '0.###############';
/**
 * The columns of Changes a logged change must find (Reason is the person's; Who, when the log lacks it, is added:
 * whoColumn). A log without one of these keeps the change instead (writeChanges).
 */
const LOGGED_COLUMNS = tabDef('changes')
  .columns.map((c) => c.key)
  .filter((key) => key !== 'reason' && key !== 'who');
const WHO: ColumnDef = columnDef('changes', 'who');
/** Document-property keys of changes kept because the lock was busy: prefix + ISO time + random suffix. */
export const PENDING_CHANGE_PREFIX = 'gtmPyramid.pendingChange.';

interface TimedChange {
  at: Date;
  change: LoggedChange;
}

/** Writes the changes to Changes under the document lock, or keeps them in the document properties. */
function appendChanges(
  ss: GAS.Spreadsheet,
  lang: Lang,
  changes: LoggedChange[],
  timeZone: string,
): 'written' | 'kept' {
  const at = new Date();
  const now: TimedChange[] = changes.map((change) => ({ at, change }));
  // getDocumentLock() is null only outside a document (facts #55), where no other execution shares this tab.
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(CHANGE_LOG_LOCK_WAIT_MS)) {
    keepChanges(now);
    return 'kept';
  }
  try {
    const kept = keptChanges();
    let written: boolean;
    let keptWritten = true;
    try {
      written = writeChanges(ss, lang, [...kept.map((k) => k.entry), ...now], timeZone);
    } catch (error) {
      // Changes protected against this person, a quota, a service error: the change is kept, as when the lock
      // is busy, and written with a later one (the kept earlier ones stay kept).
      Logger.log(`gtm-pyramid onEdit: the change log could not be written (${errorText(error)}); kept.`);
      written = false;
      // One kept change the sheet refuses would block every later one: this edit's changes are tried alone.
      if (kept.length) {
        try {
          written = writeChanges(ss, lang, now, timeZone);
          keptWritten = false;
        } catch {
          written = false;
        }
      }
    }
    if (!written) {
      keepChanges(now);
      return 'kept';
    }
    SpreadsheetApp.flush(); // written before the lock goes (facts #56) and before the kept copies go
    const props = PropertiesService.getDocumentProperties();
    if (keptWritten) for (const { key } of kept) props?.deleteProperty(key);
    return 'written';
  } finally {
    lock?.releaseLock();
  }
}

/**
 * Keeps changes that could not be written now, one property each; when even that fails, the execution log has the
 * change in full. The key holds the time, then the change's place in its edit (changes of one edit share a time),
 * then a random suffix, so kept changes sort in the order they were made.
 */
function keepChanges(changes: TimedChange[]): void {
  changes.forEach(({ at, change }, index) => {
    const key = `${PENDING_CHANGE_PREFIX}${at.toISOString()}.${String(index).padStart(3, '0')}.${Math.random().toString(36).slice(2, 10)}`;
    const value = JSON.stringify({ at: at.toISOString(), ...change });
    try {
      const props = PropertiesService.getDocumentProperties();
      if (!props) throw new Error('no document properties');
      props.setProperty(key, value);
    } catch (error) {
      Logger.log(
        `gtm-pyramid onEdit: the change log was busy and this change could not be kept (${errorText(error)}): ${value}`,
      );
    }
  });
}

/** The changes kept earlier, oldest first. */
function keptChanges(): { key: string; entry: TimedChange }[] {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return [];
  const out: { key: string; entry: TimedChange }[] = [];
  for (const [key, value] of Object.entries(props.getProperties())) {
    if (!key.startsWith(PENDING_CHANGE_PREFIX)) continue;
    try {
      const { at, ...change } = JSON.parse(value) as LoggedChange & { at: string };
      out.push({ key, entry: { at: new Date(at), change } });
    } catch {
      Logger.log(`gtm-pyramid onEdit: ignored an unreadable kept change ${key}: ${value}`);
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Appends the changes below the last row of Changes, in one call. False, writing nothing, when a tab of that name
 * holds something other than the log (someone's own "Changes" notes) or lacks a column of it: the change is then
 * kept (keepChange) rather than written into their cells or without its values, and is written with the next
 * change once the tab is the log again.
 */
function writeChanges(ss: GAS.Spreadsheet, lang: Lang, entries: TimedChange[], timeZone: string): boolean {
  const { sheet, name } = changesSheet(ss, lang);
  const found = layoutOf(sheet, name, 'changes');
  if (!found && sheet.getLastRow() > 0) return false;
  // A log whose columns were renamed or translated ("Alter Wert"): the values of a column it lacks would be
  // dropped from every row. Kept instead, until the columns are the log's again (the check names them).
  if (found && LOGGED_COLUMNS.some((key) => !(key in found.layout.columns))) return false;
  const columns: Record<string, number> = found
    ? { ...found.layout.columns, ...whoColumn(ss, sheet, name, found) }
    : Object.fromEntries(tabDef('changes').columns.map((c, i) => [c.key, i + 1]));
  const width = Math.max(...Object.values(columns));
  const rows = entries.map(({ at, change }) => {
    const { kind, ...texts } = change;
    const values: Record<string, Cell> = {
      timestamp: at,
      ...texts,
      oldValue: typedValue(change.oldValue, kind, timeZone),
      newValue: typedValue(change.newValue, kind, timeZone),
      reason: '',
      who: change.who ?? '',
    };
    const row: Cell[] = Array.from({ length: width }, () => '');
    for (const [key, column] of Object.entries(columns)) {
      // Logged text is data: "=..." typed as text in a plan cell must not come back as a formula.
      if (key in values)
        row[column - 1] = typeof values[key] === 'string' ? textCell(values[key] as string) : values[key];
    }
    return row;
  });
  const at = Math.max(sheet.getLastRow(), found?.layout.headerRow ?? 1) + 1;
  ensureSize(sheet, at + rows.length - 1, width);
  // A Changes tab someone emptied: its header first, so the log stays readable (and read back as a plan tab).
  if (!found && sheet.getLastRow() === 0)
    sheet.getRange(1, 1, 1, width).setValues([tabDef('changes').columns.map((c) => c.label[lang])]);
  sheet.getRange(at, 1, rows.length, width).setValues(rows);
  // A day written into Old value / New value shows as a day (a Date alone may show its time too); a number typed
  // into a date column (1151231) as the number, not as the far day a date format would make of it.
  entries.forEach(({ change }, i) => {
    if (change.kind !== 'date') return;
    for (const key of ['oldValue', 'newValue'] as const) {
      if (!columns[key]) continue;
      const logged = rows[i][columns[key] - 1];
      if (logged instanceof Date || typeof logged === 'number')
        sheet
          .getRange(at + i, columns[key])
          .setNumberFormat(logged instanceof Date ? LOGGED_DATE_FORMAT : LOGGED_NUMBER_FORMAT);
    }
  });
  return true;
}

/**
 * The Who column of a log made before it existed: added after the tab's last used column, where no row holds
 * anything (getLastColumn is the last column with content in any row), with the template's header, note and header
 * style in the log's language, as Insert templates adds a missing column. Empty when the log has it, or when adding
 * it fails (a protected range, a quota): the row is then written without who, never kept for want of it.
 */
function whoColumn(
  ss: GAS.Spreadsheet,
  sheet: GAS.Sheet,
  name: string,
  found: { layout: SheetLayout; lastColumn: number },
): { who?: number } {
  if ('who' in found.layout.columns) return {};
  const column = Math.max(found.lastColumn, ...Object.values(found.layout.columns)) + 1;
  const lang = logLanguage(ss, name, tabDef('changes').label);
  try {
    writeHeader(sheet, found.layout.headerRow, column, [WHO.label[lang]], [WHO.note[lang]]);
    return { who: column };
  } catch (error) {
    Logger.log(`gtm-pyramid onEdit: could not add the Who column to ${name} (${errorText(error)}).`);
    return {};
  }
}

/** A logged value as the cell to write: a number or a date where the field holds one, else the text. */
function typedValue(text: string, kind: LoggedChange['kind'], timeZone: string): Cell {
  const number = kind === 'number' ? plainNumber(text) : null;
  if (number !== null) return number;
  if (kind === 'date' && isIsoDate(text)) return sheetDate(text, timeZone);
  // A number typed into a date column that is no day (1151231): the number, as typed.
  if (kind === 'date') return plainNumber(text) ?? text;
  return text;
}

/** Simple trigger: onEdit(e). Never throws: a failure is logged, the person's edit stands. */
export function onEdit(e: GAS.EditEvent): void {
  try {
    logChange(e);
  } catch (error) {
    Logger.log(`gtm-pyramid onEdit: ${errorText(error)}`);
  }
}
