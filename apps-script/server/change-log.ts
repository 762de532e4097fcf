/**
 * The change log: the onEdit simple trigger appends a row to Changes when the Target, Baseline, Due or Owner cell
 * of a key result or KPI changes (timestamp, sheet, cell, ID, field, old, new); Reason is left for the person.
 * Only single-cell edits carry e.value / e.oldValue (facts #50), so multi-cell pastes are not logged. Simple
 * triggers run in LIMITED mode with a 30 s limit (facts #48, #52): the handler reads the header rows and the
 * edited row only, and never throws (an error goes to the execution log).
 */
import { dateToIso, serialToIso } from '../../shared/calendar';
import { cellText, isBlank, readDate, textCell, type Cell } from '../../shared/cells';
import { HEADER_SEARCH_ROWS, parsePlan } from '../../shared/parse';
import type { SheetLayout } from '../../shared/plan';
import {
  columnDef,
  langFromLocale,
  matchTab,
  normalizeHeader,
  tabDef,
  type Lang,
  type TabKey,
} from '../../shared/template';
import { LANGS } from '../../shared/i18n';
import { errorText } from './action';
import { ensureSize, isDate, normalizeCell } from './sheets-adapter';
import { createTemplateTab } from './templates';

/** The fields whose changes leave a trace, per tab (the domain brief: who, when, old, new, why). */
export const TRACKED_FIELDS: Partial<Record<TabKey, readonly string[]>> = {
  keyResults: ['target', 'baseline', 'due', 'owner'],
  kpis: ['target', 'owner'],
};

function normalizeGrid(values: unknown[][]): Cell[][] {
  return values.map((row) => row.map(normalizeCell));
}

/** Where the columns of a tab are, from its first rows, using the parser's own header matching. */
function layoutOf(
  sheet: GAS.Sheet,
  name: string,
  key: TabKey,
): { layout: SheetLayout; head: Cell[][] } | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return null;
  const head = normalizeGrid(
    sheet.getRange(1, 1, Math.min(HEADER_SEARCH_ROWS, lastRow), lastColumn).getValues(),
  );
  const layout = parsePlan({ [name]: head }).plan.layout[key];
  return layout && layout.headerRow >= 1 ? { layout, head } : null;
}

/** A value as the log shows it: dates as 2026-03-01 (event values of dates may arrive as serial numbers). */
function logText(value: unknown, isDateField: boolean, timeZone: string): string {
  if (value === undefined || value === null) return '';
  if (isDate(value)) return dateToIso(new Date(value.getTime()), timeZone) ?? '';
  if (isDateField) {
    const text = String(value).trim();
    if (/^\d+(\.\d+)?$/.test(text) && Number(text) > 20_000) return serialToIso(Number(text));
    const read = readDate(text, timeZone);
    if (read.ok) return read.value;
  }
  return cellText(value as Cell, timeZone);
}

/** The Changes tab, in the edited tab's language; created with its template header when it is missing. */
function changesSheet(ss: GAS.Spreadsheet, lang: Lang): { sheet: GAS.Sheet; name: string } {
  const label = tabDef('changes').label;
  for (const name of new Set([label[lang], ...LANGS.map((other) => label[other])])) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return { sheet, name };
  }
  const name = label[lang];
  return { sheet: createTemplateTab(ss, 'changes', lang), name };
}

export interface LoggedChange {
  sheet: string;
  cell: string;
  id: string;
  field: string;
  oldValue: string;
  newValue: string;
}

/** Logs the edit when it is one we track; returns what was logged (or null). */
export function logChange(e: GAS.EditEvent): LoggedChange | null {
  const range = e?.range;
  if (!range) return null;
  if (range.getNumRows() !== 1 || range.getNumColumns() !== 1) return null;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const tab = matchTab(name);
  const tracked = tab ? TRACKED_FIELDS[tab.key] : undefined;
  if (!tab || !tracked) return null;

  const found = layoutOf(sheet, name, tab.key);
  const row = range.getRow();
  if (!found || row <= found.layout.headerRow) return null;
  const column = range.getColumn();
  const field = Object.entries(found.layout.columns).find(([, c]) => c === column)?.[0];
  if (!field || !tracked.includes(field)) return null;

  const ss = e.source ?? sheet.getParent();
  const timeZone = ss.getSpreadsheetTimeZone() || 'UTC';
  const idColumn = found.layout.columns.id;
  const idCell = idColumn
    ? row <= found.head.length
      ? found.head[row - 1][idColumn - 1]
      : sheet.getRange(row, idColumn).getValue()
    : '';
  const id = cellText(normalizeCell(idCell), timeZone);
  if (!id) return null; // a row being typed in: nothing to trace yet
  const isDateField = columnDef(tab.key, field).kind === 'date';
  // e.value is missing when a cell is cleared; the cell itself is the truth for the new value.
  const oldValue = logText(e.oldValue, isDateField, timeZone);
  const newValue = logText(isBlank(e.value as Cell) ? range.getValue() : e.value, isDateField, timeZone);
  if (oldValue === newValue) return null;

  // The language the tab is named in (the spreadsheet's own when its name fits several, as 'KPI' does).
  const localeLang = langFromLocale(ss.getSpreadsheetLocale());
  const named = LANGS.filter((l) => normalizeHeader(name) === normalizeHeader(tab.label[l]));
  const lang: Lang = named.length === 0 || named.includes(localeLang) ? localeLang : named[0];
  const header = found.head[found.layout.headerRow - 1][column - 1];
  const change: LoggedChange = {
    sheet: name,
    cell: range.getA1Notation(),
    id,
    field: cellText(header) || columnDef(tab.key, field).label[lang],
    oldValue,
    newValue,
  };
  appendChange(ss, lang, change);
  return change;
}

function appendChange(ss: GAS.Spreadsheet, lang: Lang, change: LoggedChange): void {
  const lock = LockService.getDocumentLock();
  const locked = lock ? lock.tryLock(10_000) : false;
  try {
    const { sheet, name } = changesSheet(ss, lang);
    const found = layoutOf(sheet, name, 'changes');
    const columns =
      found?.layout.columns ?? Object.fromEntries(tabDef('changes').columns.map((c, i) => [c.key, i + 1]));
    const values: Record<string, Cell> = { timestamp: new Date(), ...change, reason: '' };
    const width = Math.max(...Object.values(columns));
    const row: Cell[] = Array.from({ length: width }, () => '');
    for (const [key, column] of Object.entries(columns)) {
      // Logged text is data: "=..." typed as text in a plan cell must not come back as a formula.
      if (key in values)
        row[column - 1] = typeof values[key] === 'string' ? textCell(values[key] as string) : values[key];
    }
    const at = Math.max(sheet.getLastRow(), found?.layout.headerRow ?? 1) + 1;
    ensureSize(sheet, at, width);
    sheet.getRange(at, 1, 1, width).setValues([row]);
  } finally {
    if (locked) lock!.releaseLock();
  }
}

/** Simple trigger: onEdit(e). Never throws: a failure is logged, the person's edit stands. */
export function onEdit(e: GAS.EditEvent): void {
  try {
    logChange(e);
  } catch (error) {
    Logger.log(`gtm-pyramid onEdit: ${errorText(error)}`);
  }
}
