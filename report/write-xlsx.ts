/**
 * A plan workbook ({ tab: cell[][] }) → an .xlsx a person can import into Google Sheets (File > Import),
 * Excel or LibreOffice: real dates, percentages shown as such, drop-downs for the enum columns, a frozen header,
 * and the generated Targets tab with the same formulas the add-on writes (shared/targets-sheet.ts), so the file
 * recalculates wherever it is opened. `gtm-pyramid example` writes the example plan with it; the benchmark
 * writes generated plans.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import ExcelJS from 'exceljs';

import { isIsoDate } from '../shared/calendar';
import { columnLetter, isPercentUnit, quoteSheet, type Cell, type Workbook } from '../shared/cells';
import { formulaForXlsx } from '../shared/decompose';
import { EXAMPLE_AS_OF, exampleWorkbook } from '../shared/example';
import { parsePlan } from '../shared/parse';
import { buildTargetsSheet } from '../shared/targets-sheet';
import {
  enumLabels,
  matchTab,
  matchesLabel,
  tabDef,
  TARGETS_AS_OF,
  TARGETS_ATTAINMENT_FORMAT,
  TARGETS_SUMMARY_COLUMNS,
  type ColumnDef,
  type Lang,
  type TabDef,
} from '../shared/template';
import { makeFolders } from './make-folders';

export interface WritePlanOptions {
  lang: Lang;
  /** Add the generated Targets tab (formulas over the plan tabs). Default true. */
  targets?: boolean;
  /** The Targets tab's as-of day (its to-date columns are judged on it); today (UTC) when not given. */
  asOf?: string;
}

/** An ISO day as the Date exceljs stores as that day (UTC midnight). */
export const utcDate = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const MONTH_FORMAT = 'yyyy-mm';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
/** Rows given a drop-down: generous, so people can keep adding rows. */
const VALIDATION_ROWS = 1000;

function widthFor(column: ColumnDef | undefined): number {
  if (!column) return 14;
  switch (column.kind) {
    case 'id':
      return column.key === 'name' ? 16 : 9;
    case 'text':
      return ['title', 'item', 'name', 'value', 'reason', 'notes'].includes(column.key) ? 48 : 16;
    case 'date':
      return 12;
    case 'refs':
      return 14;
    default:
      return 13;
  }
}

const isTimeOfDay = (d: Date) => d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0;

/** A grid cell as exceljs wants it: formulas as formula objects, ISO days in date columns as Dates. */
function toExcel(cell: Cell, column: ColumnDef | undefined, formulas = false): ExcelJS.CellValue {
  if (cell === null || cell === undefined || cell === '') return null;
  // Only the generated Targets tab holds formulas: on a plan tab "=…" is text, kept as text, never run.
  if (formulas && typeof cell === 'string' && cell.startsWith('='))
    return { formula: formulaForXlsx(cell.slice(1)) } as ExcelJS.CellFormulaValue;
  if (
    typeof cell === 'string' &&
    column?.kind === 'date' &&
    isIsoDate(cell.slice(0, 10)) &&
    cell.length === 10
  )
    return utcDate(cell);
  return cell;
}

const percentFormat = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(Math.round(value * 1e6) / 1e4) ? '0%' : '0.0%';

function styleHeader(sheet: ExcelJS.Worksheet, columns: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  for (let c = 1; c <= columns; c++) header.getCell(c).fill = HEADER_FILL;
}

/** Rows are filled in order; a streaming sheet writes each one out as soon as it is done. */
type Commit = (row: ExcelJS.Row) => void;
const inMemory: Commit = () => {};
const streamed: Commit = (row) => row.commit();

type Book = Pick<ExcelJS.Workbook, 'addWorksheet' | 'definedNames'>;

function writeTab(
  book: Book,
  name: string,
  grid: Cell[][],
  def: TabDef | undefined,
  lang: Lang,
  commit: Commit,
): void {
  const header = grid[0] ?? [];
  const strategy = def?.key === 'strategy';
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: strategy ? 1 : 0, ySplit: 1 }],
  });
  // Which template column each grid column is, from its header (either language).
  const columns = header.map((h) =>
    def && typeof h === 'string' ? def.columns.find((c) => matchesLabel(h, c.label)) : undefined,
  );
  header.forEach((_, c) => {
    sheet.getColumn(c + 1).width = strategy ? (c === 0 ? 26 : 90) : widthFor(columns[c]);
  });
  if (strategy) sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  // Drop-downs with the allowed values, in the workbook's language.
  columns.forEach((column, c) => {
    if (!column?.enumKey || column.enumKey === 'targetsRow') return;
    const letter = sheet.getColumn(c + 1).letter;
    const list = enumLabels(column.enumKey, lang).join(',');
    const rows = Math.max(VALIDATION_ROWS, grid.length);
    (
      sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}${rows}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: false,
    });
  });
  styleHeader(sheet, header.length);
  const unitColumn = columns.findIndex((c) => c?.key === 'unit');
  grid.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    const unit = unitColumn >= 0 ? String(cells[unitColumn] ?? '').trim() : '';
    cells.forEach((cell, c) => {
      const column = r === 0 || strategy ? undefined : columns[c];
      const value = toExcel(cell, column);
      if (value === null) return;
      const target = row.getCell(c + 1);
      target.value = value;
      if (value instanceof Date) target.numFmt = isTimeOfDay(value) ? DATE_TIME_FORMAT : DATE_FORMAT;
      else if (
        typeof value === 'number' &&
        column &&
        (column.key === 'confidence' || (column.kind === 'ratio' && isPercentUnit(unit)))
      ) {
        target.numFmt = percentFormat(value);
      }
    });
    commit(row);
  });
}

/** The Targets tab: month headers as real dates shown as yyyy-mm, formula cells as formulas. */
function writeTargets(book: Book, workbook: Workbook, options: WritePlanOptions, commit: Commit): boolean {
  const { lang } = options;
  const { plan } = parsePlan(workbook, { timeZone: 'UTC' });
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const targets = buildTargetsSheet(plan, { lang, date: (iso) => utcDate(iso), asOf });
  if (!targets) return false;
  const sheet = book.addWorksheet(tabDef('targets').label[lang], {
    views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }],
  });
  const lastMonth = targets.firstMonthColumn + targets.months.length - 1;
  const attainmentColumn = lastMonth + 1 + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === 'attainment');
  const weightRows = new Set(targets.weightRows);
  sheet.getColumn(1).width = 9;
  sheet.getColumn(2).width = 9;
  sheet.getColumn(3).width = 36;
  sheet.getColumn(4).width = 14;
  for (let c = targets.firstMonthColumn; c <= lastMonth + TARGETS_SUMMARY_COLUMNS.length; c++)
    sheet.getColumn(c).width = 12;
  styleHeader(sheet, targets.rows[0].length);
  targets.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((cell, c) => {
      const value = toExcel(cell, undefined, true);
      if (value === null) return;
      const target = row.getCell(c + 1);
      target.value = value;
      if (value instanceof Date) target.numFmt = r === 0 ? MONTH_FORMAT : DATE_FORMAT;
      else if (r > 0 && c + 1 === attainmentColumn) target.numFmt = TARGETS_ATTAINMENT_FORMAT;
    });
    if (weightRows.has(r + 1)) row.font = { color: { argb: 'FF1F4E79' }, bold: true };
    commit(row);
  });
  // The as-of cell every to-date formula reads by name (template.ts TARGETS_AS_OF).
  const { row: asOfRow, column: asOfColumn } = targets.asOfCell;
  book.definedNames.add(
    `${quoteSheet(sheet.name)}!$${columnLetter(asOfColumn)}$${asOfRow}`,
    TARGETS_AS_OF.name,
  );
  return true;
}

function fill(book: Book, workbook: Workbook, options: WritePlanOptions, commit: Commit): void {
  for (const [name, grid] of Object.entries(workbook)) {
    const def = matchTab(name);
    if (def?.key === 'targets') continue; // rebuilt below from the plan, never copied stale
    writeTab(book, name, grid, def, options.lang, commit);
  }
  if (options.targets !== false) writeTargets(book, workbook, options, commit);
}

/** Build the exceljs workbook for a plan workbook (tabs in the given order, the Targets tab last). */
export function planToExcel(workbook: Workbook, options: WritePlanOptions): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'gtm-pyramid';
  book.created = new Date(0);
  book.modified = new Date(0);
  // No cached results are written: ask every spreadsheet to calculate on open.
  book.calcProperties.fullCalcOnLoad = true;
  fill(book, workbook, options, inMemory);
  return book;
}

export async function planToXlsxBuffer(workbook: Workbook, options: WritePlanOptions): Promise<Buffer> {
  return Buffer.from(await planToExcel(workbook, options).xlsx.writeBuffer());
}

/**
 * Write a large plan straight to a file, row by row (exceljs's streaming writer), for plans too big to hold
 * as one workbook model (the benchmark's 10,000 key results). The same cells and formats as planToXlsxBuffer;
 * the streaming writer cannot set "calculate on open".
 */
export async function writePlanXlsxStreamed(
  workbook: Workbook,
  path: string,
  options: WritePlanOptions,
): Promise<void> {
  await makeFolders(dirname(path));
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: true,
    });
    book.creator = 'gtm-pyramid';
    fill(book as unknown as Book, workbook, options, streamed);
    await book.commit();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Write a file next to its destination, then rename it into place: no half-written file is ever left. */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  await makeFolders(dirname(path));
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writePlanXlsx(
  workbook: Workbook,
  path: string,
  options: WritePlanOptions,
): Promise<void> {
  await writeFileAtomic(path, await planToXlsxBuffer(workbook, options));
}

/** The example plan of the domain brief as an .xlsx (with its Targets tab), in one language. */
export async function exampleXlsxBuffer(lang: Lang): Promise<Buffer> {
  return planToXlsxBuffer(exampleWorkbook(lang, { date: utcDate }), { lang, asOf: EXAMPLE_AS_OF });
}
