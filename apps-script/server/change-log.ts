/**
 * The change log: the onEdit simple trigger appends a row to Changes when a tracked cell of a key result or KPI
 * changes (TRACKED_FIELDS: its Target, dates, how it is split, its Owner), with timestamp, sheet, cell, ID, field,
 * old, new and who (the editor's e-mail when Google gives it: editorOf); Reason is left for the person.
 * Only single-cell edits carry e.value / e.oldValue (facts #50): an edit of several cells at once (a paste, a fill,
 * a sort) is logged with its new values and an old value "not known", or as one row when it touches more than
 * CELLS_LOGGED_ONE_BY_ONE tracked cells. Simple
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
import type { SheetLayout } from '../../shared/plan';
import {
  columnDef,
  hasTraditional,
  type ColumnDef,
  langFromLocale,
  matchTab,
  normalizeHeader,
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
 */
export const TRACKED_FIELDS: Partial<Record<TabKey, readonly string[]>> = {
  keyResults: ['target', 'baseline', 'unit', 'start', 'due', 'type', 'phasing', 'direction', 'owner'],
  kpis: ['target', 'unit', 'direction', 'owner'],
};

function normalizeGrid(values: unknown[][]): Cell[][] {
  return values.map((row) => row.map(normalizeCell));
}

/** Where the columns of a tab are, from its first rows, using the parser's own header matching. */
function layoutOf(
  sheet: GAS.Sheet,
  name: string,
  key: TabKey,
): { layout: SheetLayout; head: Cell[][]; lastColumn: number } | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return null;
  const head = normalizeGrid(
    sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn).getValues(),
  );
  const layout = parsePlan({ [name]: head }).plan.layout[key];
  return layout && layout.headerRow >= 1 ? { layout, head, lastColumn } : null;
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
    const read = readDate(text, timeZone, { monthEnd });
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
  const tracked = tab ? TRACKED_FIELDS[tab.key] : undefined;
  if (!tab || !tracked) return [];

  const found = layoutOf(sheet, name, tab.key);
  if (!found) return [];
  const firstRow = Math.max(range.getRow(), found.layout.headerRow + 1);
  const lastRow = Math.min(
    range.getRow() + range.getNumRows() - 1,
    Math.max(sheet.getLastRow(), range.getRow()),
  );
  if (firstRow > lastRow) return [];
  const firstColumn = range.getColumn();
  const lastColumn = firstColumn + range.getNumColumns() - 1;
  const fields = Object.entries(found.layout.columns)
    .filter(([key, c]) => tracked.includes(key) && c >= firstColumn && c <= lastColumn)
    .sort((a, b) => a[1] - b[1]);
  if (fields.length === 0) return [];
  const ss = e.source ?? sheet.getParent();
  // Of two tabs of the same kind (an English Key Results and a 關鍵結果 copy) the plan reads the leftmost (the
  // parser's findTabs, a duplicate-tab warning at the other): an edit of the other one changes no target.
  const sheetId = sheet.getSheetId();
  for (const other of ss.getSheets()) {
    if (other.getSheetId() === sheetId) break;
    if (matchTab(other.getName())?.key === tab.key) return [];
  }

  const timeZone = ss.getSpreadsheetTimeZone() || 'UTC';
  const lang = logLanguage(ss, name, tab.label);
  const label = (field: string, column: number) =>
    cellText(found.head[found.layout.headerRow - 1][column - 1]) || columnDef(tab.key, field).label[lang];
  // Which date a date column holds: the Due ends the key result's span (the parser reads it so too).
  const dateFieldOf = (field: string) =>
    columnDef(tab.key, field).kind !== 'date'
      ? null
      : field === 'due'
        ? ('end' as const)
        : ('start' as const);
  const kindOf = (field: string): Pick<LoggedChange, 'kind'> => {
    const kind = columnDef(tab.key, field).kind;
    return kind === 'date'
      ? { kind: 'date' }
      : kind === 'number' || kind === 'ratio'
        ? { kind: 'number' }
        : {};
  };
  // The IDs of the edited rows: from the header rows already read, or in one call.
  const idColumn = found.layout.columns.id;
  const rows = lastRow - firstRow + 1;
  const idCells: unknown[] = !idColumn
    ? []
    : lastRow <= found.head.length
      ? found.head.slice(firstRow - 1, lastRow).map((row) => row[idColumn - 1])
      : sheet
          .getRange(firstRow, idColumn, rows, 1)
          .getValues()
          .map((row) => row[0]);
  const idAt = (row: number) => cellText(normalizeCell(idCells[row - firstRow]), timeZone);

  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  if (single) {
    const [field, column] = fields[0];
    const id = idAt(firstRow);
    if (!id) return []; // a row being typed in: nothing to trace yet
    const dateField = dateFieldOf(field);
    // A number is logged as its cell shows it where its format shows a multiple, a percent or a currency (a target
    // shown 150萬 in 元 held 150, logged 150 and read back as 150 元): what the person saw and typed. The format is
    // asked only of a number column (one call, Range.getNumberFormats); an edit keeps the cell's format.
    const shown = shownAs(
      kindOf(field).kind === 'number' ? (range.getNumberFormats()[0]?.[0] ?? '') : '',
      ss,
    );
    // A cleared cell's e.value may be missing or an object (facts #50): then the cell itself gives the new value.
    const given = eventCell(e.value);
    const oldValue = logText(shown(eventCell(e.oldValue)), dateField, timeZone);
    const newValue = logText(
      shown(given === undefined || isBlank(given) ? range.getValue() : given),
      dateField,
      timeZone,
    );
    if (oldValue === newValue) return [];
    const change: LoggedChange = {
      sheet: name,
      cell: range.getA1Notation(),
      id,
      field: label(field, column),
      oldValue,
      newValue,
      who: editorOf(e),
      ...kindOf(field),
    };
    appendChanges(ss, lang, [change], timeZone);
    return [change];
  }

  // Several cells at once: the tracked cells of rows with an ID, with their values as they are now.
  const span = fields[fields.length - 1][1] - fields[0][1] + 1;
  const values = sheet.getRange(firstRow, fields[0][1], rows, span).getValues();
  const notKnown = t('changeLogOldNotKnown', lang);
  const changes: LoggedChange[] = [];
  const ids: string[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const id = idAt(r);
    if (!id) continue;
    ids.push(id);
    for (const [field, column] of fields) {
      const value = normalizeCell(values[r - firstRow][column - fields[0][1]]);
      changes.push({
        sheet: name,
        cell: `${columnLetter(column)}${r}`,
        id,
        field: label(field, column),
        oldValue: notKnown,
        newValue: logText(value, dateFieldOf(field), timeZone),
        ...kindOf(field),
      });
    }
  }
  if (changes.length === 0) return [];
  // The same person made every cell of the edit, and the one row that sums a large edit up.
  const who = editorOf(e);
  for (const change of changes) change.who = who;
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
            field: fields.map(([field, column]) => label(field, column)).join(', '),
            oldValue: notKnown,
            newValue: t('changeLogValues', lang, { count: changes.length }),
            who,
          },
        ];
  appendChanges(ss, lang, logged, timeZone);
  return logged;
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
