/**
 * The sandbox's read-only view of the in-memory spreadsheet: one HTML table per tab, with column letters and
 * row numbers like Sheets, and a tab bar. Every cell's text is HTML-escaped here, on the server; the page's
 * script only moves these nodes around and marks the selected cell.
 *
 * Reads go to the emulator's raw objects (not the script-facing proxies), so they are not counted as the
 * add-on's calls and never change the selection.
 */
import type { FakeSheet, FakeSpreadsheet } from '../emulator/index';
import { columnLetter } from '../shared/cells';
import { dateToIso } from '../shared/calendar';

/** Tabs are shown up to this size; beyond it the view says so. */
export const MAX_VIEW_ROWS = 500;
export const MAX_VIEW_COLUMNS = 52;
/** The number format the emulator gives a written Date (UNCONFIRMED for Sheets): shown as a plain day here. */
const WRITTEN_DATE_FORMAT = 'M/d/yyyy H:mm:ss';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

export interface SheetGrid {
  name: string;
  /** The displayed text of each cell, rows × columns. */
  text: string[][];
  formulas: string[][];
  bold: boolean[][];
  numeric: boolean[][];
  /** Rows and columns the sheet really has with content (the view may show fewer). */
  lastRow: number;
  lastColumn: number;
}

/** What a person would see in each cell: display values, dates written by the add-on shown as YYYY-MM-DD. */
export function readGrid(sheet: FakeSheet, timeZone: string): SheetGrid {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const rows = Math.min(Math.max(lastRow, 1), MAX_VIEW_ROWS);
  const columns = Math.min(Math.max(lastColumn, 1), MAX_VIEW_COLUMNS);
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const display = range.getDisplayValues();
  const formats = range.getNumberFormats();
  const weights = range.getFontWeights();
  const formulas = range.getFormulas();
  const text = display.map((row, r) =>
    row.map((shown, c) => {
      const value = values[r][c];
      if (value instanceof Date && formats[r][c] === WRITTEN_DATE_FORMAT) {
        const day = dateToIso(value, timeZone);
        // Midnight of the spreadsheet's zone is a day; anything else keeps its time.
        if (day && shown.endsWith(' 0:00:00')) return day;
      }
      return shown;
    }),
  );
  return {
    name: sheet.getName(),
    text,
    formulas,
    bold: weights.map((row) => row.map((w) => w === 'bold')),
    numeric: values.map((row) => row.map((v) => typeof v === 'number' || v instanceof Date)),
    lastRow,
    lastColumn,
  };
}

/** The tab bar and one panel per tab, as an HTML fragment. `active` is the tab shown first. */
export function renderSheets(ss: FakeSpreadsheet, active: string): string {
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const index = Math.max(
    0,
    sheets.findIndex((s) => s.getName() === active),
  );
  const panels = sheets.map((sheet, i) => renderPanel(readGrid(sheet, timeZone), i, i === index));
  const tabs = sheets
    .map((sheet, i) => {
      const name = escapeHtml(sheet.getName());
      const selected = i === index;
      return `<button type="button" role="tab" class="tab" id="tab-${i}" aria-controls="panel-${i}" aria-selected="${selected}" tabindex="${selected ? 0 : -1}" data-sheet="${name}">${name}</button>`;
    })
    .join('');
  return `<div class="panels">${panels.join('')}</div><div class="tabs" role="tablist" aria-label="Tabs">${tabs}</div>`;
}

function renderPanel(grid: SheetGrid, i: number, selected: boolean): string {
  const name = escapeHtml(grid.name);
  const columns = grid.text[0]?.length ?? 0;
  const head = ['<th class="corner" scope="col"></th>'];
  for (let c = 1; c <= columns; c++) head.push(`<th scope="col">${columnLetter(c)}</th>`);
  const body = grid.text.map((row, r) => {
    const cells = row.map((text, c) => {
      const ref = `${columnLetter(c + 1)}${r + 1}`;
      const classes = [grid.numeric[r][c] ? 'num' : '', grid.bold[r][c] ? 'bold' : '']
        .filter(Boolean)
        .join(' ');
      const formula = grid.formulas[r][c];
      const title = formula ? ` title="${escapeHtml(formula)}"` : '';
      return `<td data-cell="${ref}"${classes ? ` class="${classes}"` : ''}${title}>${escapeHtml(text)}</td>`;
    });
    return `<tr><th scope="row">${r + 1}</th>${cells.join('')}</tr>`;
  });
  const clipped =
    grid.lastRow > MAX_VIEW_ROWS || grid.lastColumn > MAX_VIEW_COLUMNS
      ? `<p class="clipped">Showing the first ${Math.min(grid.lastRow, MAX_VIEW_ROWS)} rows and ${Math.min(grid.lastColumn, MAX_VIEW_COLUMNS)} columns of ${grid.lastRow} × ${grid.lastColumn}.</p>`
      : '';
  return (
    `<div class="panel" role="tabpanel" id="panel-${i}" aria-labelledby="tab-${i}" data-sheet="${name}" tabindex="0"${selected ? '' : ' hidden'}>` +
    `<table class="grid"><caption class="visually-hidden">${name}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>${clipped}</div>`
  );
}
