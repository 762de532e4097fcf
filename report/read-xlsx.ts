/**
 * Stage 1 of the report: an .xlsx file (as Google Sheets' File > Download > Microsoft Excel writes it) → the
 * Workbook shape the plan core reads ({ tab: cell[][] }).
 *
 * - formulas give their cached result (blank when the file was saved without results);
 * - dates are Dates at UTC midnight (parse with timeZone 'UTC');
 * - rich text is joined, a hyperlink gives its text (never its target);
 * - merged ranges keep the value in their top-left cell only;
 * - hidden rows and columns are read like any other;
 * - error results are their text ('#REF!', '#N/A', ...), which the parser reports at the cell.
 *
 * How: exceljs reads the package (`new Excel.Workbook().xlsx.load`), told to skip the parts of each sheet the
 * report never uses (IGNORED_NODES); the cells are then taken from its worksheets. No part of the file is
 * parsed here.
 *
 * Anything that is not a readable workbook throws an XlsxReadError whose message names the file and the problem
 * in one line, for the CLI to print as is.
 */
import { readFile } from 'node:fs/promises';

import type ExcelJS from 'exceljs';

import type { Cell, Workbook } from '../shared/cells';

export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'XlsxReadError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buffer: Uint8Array, magic: number[]) => magic.every((b, i) => buffer[i] === b);

/** Why a buffer that is not a zip cannot be a workbook, in words a person recognises. */
function describeNonZip(buffer: Buffer): string {
  if (buffer.length === 0) return 'the file is empty (0 bytes), not an .xlsx workbook';
  if (startsWith(buffer, OLE_MAGIC)) {
    // An encrypted OOXML file is an OLE compound file holding an "EncryptedPackage" stream (names are UTF-16LE).
    if (buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return 'the workbook is password-protected (encrypted); remove the password, save it as .xlsx and try again';
    }
    return 'this is an old Excel 97-2003 (.xls) or other legacy Office file, not an .xlsx workbook; save it as .xlsx';
  }
  const head = buffer.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'this is a PDF, not an .xlsx workbook';
  if (head.startsWith('<')) return 'this is an HTML or XML file, not an .xlsx workbook';
  const printable = [...buffer.subarray(0, 512)].every(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f) || b >= 0x80,
  );
  if (printable) {
    return 'this is a text file (CSV?), not an .xlsx workbook; download the plan as Microsoft Excel (.xlsx)';
  }
  return 'not an .xlsx workbook (the file does not start like one)';
}

const CORRUPT = 'the file is corrupt or not an .xlsx workbook';

/**
 * exceljs's failure while loading a package, as one line: what it means, then exceljs's own message (first line,
 * shortened). The zip layer (JSZip, pako) reports a damaged archive; the XML parser (saxes) "line:column: ...";
 * a part that is missing, or refers to one that is missing, surfaces as a TypeError inside exceljs. exceljs
 * turns each part into one string, so a sheet of more XML than a string can hold (V8: 2^29 - 24 characters,
 * about 512 MB) cannot be read at all.
 */
export function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split('\n')[0].trim().slice(0, 160);
  if (error instanceof RangeError && /invalid string length/i.test(message)) {
    return (
      'the workbook is too large to read: one of its sheets is over 512 MB of XML once unzipped, more than ' +
      'exceljs can hold (a very large generated Targets tab is the usual cause)'
    );
  }
  const what =
    /zip|end of data|size mismatch|compression|invalid (?:block|stored|code|distance|literal)|incorrect header|unexpected end of file/i.test(
      message,
    )
      ? 'the zip archive is damaged or incomplete'
      : /^\d+:\d+: /.test(message)
        ? 'a part of the package is not well-formed XML'
        : error instanceof TypeError
          ? 'a part of the package is missing or damaged'
          : 'exceljs cannot read it';
  return `${CORRUPT}: ${what} (${reason})`;
}

/** The value a person sees in a cell, as the plan core wants it. */
export function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? '' : cellValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === 'object' && text !== null
        ? cellValue(text as ExcelJS.CellValue)
        : String(text ?? '');
    }
  }
  return String(value);
}

/** ExcelJS.ValueType.Merge and .String (exceljs itself is loaded only when a file is read). */
const MERGE = 1 as ExcelJS.ValueType.Merge;
const STRING = 3 as ExcelJS.ValueType.String;

/** The package lacks its shared strings: exceljs leaves their indexes (numbers) in the text cells. */
class MissingSharedStrings extends Error {}

/** The workbook's tabs as grids: row r (1-based) is grid[r - 1], column c is grid[r - 1][c - 1]. */
export function worksheetsToWorkbook(workbook: ExcelJS.Workbook): Workbook {
  const out: Workbook = {};
  for (const sheet of workbook.worksheets) {
    const grid: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // A merged range's other cells echo the top-left value in exceljs; in the sheet they are empty.
        if (cell.type === MERGE) return;
        if (cell.type === STRING && typeof cell.value !== 'string') throw new MissingSharedStrings();
        const value = cellValue(cell.value);
        if (value === '') return;
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = value;
      });
      if (cells.length === 0) return;
      while (grid.length < rowNumber - 1) grid.push([]);
      grid[rowNumber - 1] = cells;
    });
    out[sheet.name] = grid;
  }
  return out;
}

/**
 * The worksheet elements exceljs need not build (its `ignoreNodes` option): of a sheet the report reads only its
 * cells (sheetData) and merged ranges (mergeCells). Skipping the rest spares work exceljs would throw away (it
 * expands each data-validation range into one entry per cell: a drop-down on a whole column is a million of
 * them), and keeps parts the report never uses (drawings, tables, hyperlink targets) from failing a read. On
 * the benchmark's plans, whose sheets are nearly all cells, the time and memory saved are within noise.
 */
export const IGNORED_NODES = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/** Read an .xlsx from memory. `file` only names it in errors. */
export async function readXlsxBuffer(buffer: Buffer, file: string): Promise<Workbook> {
  if (!startsWith(buffer, ZIP_MAGIC)) throw new XlsxReadError(file, describeNonZip(buffer));
  // Loaded here rather than at the top: commands that never read a file start a third of a second sooner.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      buffer as unknown as ExcelJS.Buffer,
      // exceljs's types omit the option (lib/xlsx/xform/sheet/worksheet-xform.js reads it).
      { ignoreNodes: IGNORED_NODES } as Parameters<typeof workbook.xlsx.load>[1],
    );
  } catch (error) {
    throw new XlsxReadError(file, describeLoadError(error));
  }
  if (workbook.worksheets.length === 0) {
    throw new XlsxReadError(
      file,
      `${CORRUPT}: it has no worksheets (the package lacks xl/workbook.xml or the sheets it lists)`,
    );
  }
  let grid: Workbook;
  try {
    grid = worksheetsToWorkbook(workbook);
  } catch (error) {
    if (!(error instanceof MissingSharedStrings)) throw error;
    throw new XlsxReadError(
      file,
      `${CORRUPT}: a part of the package is missing (xl/sharedStrings.xml, the text of its cells)`,
    );
  }
  return checkNotEmpty(grid, file);
}

function checkNotEmpty(grid: Workbook, file: string): Workbook {
  const sheets = Object.keys(grid).length;
  if (Object.values(grid).every((rows) => rows.length === 0)) {
    throw new XlsxReadError(file, `the workbook is empty: its ${plural(sheets, 'sheet')} hold no cells`);
  }
  return grid;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Read an .xlsx file. Every failure is an XlsxReadError naming the file. */
export async function readXlsx(path: string): Promise<Workbook> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not an .xlsx file'
          : code === 'EACCES'
            ? 'permission denied'
            : `cannot be read (${code ?? String(error)})`;
    throw new XlsxReadError(path, problem);
  }
  return readXlsxBuffer(buffer, path);
}
