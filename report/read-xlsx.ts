/**
 * Stage 1 of the report: an .xlsx file (as Google Sheets' File > Download > Microsoft Excel writes it) → the
 * Workbook shape the plan core reads ({ tab: cell[][] }).
 *
 * - formulas give their cached result (blank when the file was saved without results);
 * - dates are Dates at UTC midnight (parse with timeZone 'UTC');
 * - rich text is joined, a hyperlink gives its text (never its target);
 * - a merged range reads as its top-left value in every cell of the block (shared fillMergedCells);
 * - hidden rows and columns are read like any other;
 * - error results are their text ('#REF!', '#N/A', ...), which the parser reports at the cell.
 *
 * How: exceljs's streaming reader (`Excel.stream.xlsx.WorkbookReader`) reads the package sheet by sheet and row
 * by row, so no sheet is ever held as one string and memory stays flat however large the Targets tab is. Each
 * sheet's XML goes through a small byte filter on its way to exceljs (SheetXmlFilter) that does two things
 * exceljs's streaming reader cannot be told to do: it drops formula text (`<f>` elements: the report needs only
 * the cached results, and a generated Targets tab is mostly formula text), and it keeps the `<mergeCell ref>`
 * elements, which the streaming reader parses and throws away.
 *
 * The streaming reader stops early on some packages that store their sheets before xl/workbook.xml (exceljs's own
 * in-memory writer makes them, so `gtm-pyramid example` does); it then reports no error, but the workbook part
 * or some tabs are missing. Such a package, and any the streaming reader fails on, is read again whole by
 * exceljs's loader (up to 64 MB of file), which takes parts in any order and checks the zip's checksums.
 *
 * Anything that is not a readable workbook throws an XlsxReadError whose message names the file and the problem
 * in one line, for the CLI to print as is.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

import type ExcelJS from 'exceljs';

import {
  fillMergedCells,
  mergedRangeFromA1,
  type Cell,
  type MergedRange,
  type Workbook,
} from '../shared/cells';

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
 * shortened). The zip layer (unzipper, zlib) reports a damaged archive ("FILE_ENDED", "invalid signature",
 * zlib's words); the XML parser (saxes) "line:column: ..."; a part that is missing, or refers to one that is
 * missing, surfaces as a TypeError inside exceljs. The streaming reader never holds a sheet as one string, but a
 * part exceljs reads whole (xl/sharedStrings.xml) can still exceed V8's string limit (2^29 - 24 characters).
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
    /zip|FILE_ENDED|signature|end of data|size mismatch|compression|invalid (?:block|stored|code|distance|literal)|incorrect header|unexpected end of file/i.test(
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

/** The package lacks its shared strings: exceljs leaves their indexes in the text cells. */
class MissingSharedStrings extends Error {}

const GT = 0x3e; // >
const SLASH = 0x2f;
const FORMULA_OPEN = Buffer.from('<f');
const FORMULA_CLOSE = Buffer.from('</f>');
const MERGE_CELL = Buffer.from('<mergeCell ');
const EMPTY = Buffer.alloc(0);

/** The bytes that may follow "<f" when it opens an <f> element (not <filters>, <formula>, ...). */
const isFormulaTagEnd = (byte: number) =>
  byte === GT || byte === SLASH || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * A worksheet's XML on its way to exceljs, chunk by chunk: formula elements (`<f>…</f>`, `<f …/>`) are left out
 * and the refs of `<mergeCell ref="A2:A4"/>` kept.
 *
 * Every chunk handed on ends just after a '>' (the rest waits for the next chunk), so no tag is ever split
 * between chunks: each search below sees whole tags, and no UTF-8 character is split either (exceljs decodes
 * each chunk on its own). Text and attribute values never hold a raw '<' in XML, so "<f" followed by '>', '/'
 * or a space can only open a formula, and "</f>" only close one. Without its <f>, a cell keeps its cached
 * result in <v> and its type in t="…", which exceljs then reads as any value cell: a number (a Date when the
 * cell's format is a date), a string, a boolean or an error.
 */
export class SheetXmlFilter {
  /** The merged ranges seen so far, as A1 refs. */
  readonly merges: string[] = [];
  private carry: Buffer = EMPTY;
  private inFormula = false;

  /** The part of this chunk (and what was carried) that can go on, formula text removed. */
  push(chunk: Buffer): Buffer {
    const buffer = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = buffer.lastIndexOf(GT) + 1;
    // A copy, so a small carried tail does not keep the whole chunk alive.
    this.carry = Buffer.from(buffer.subarray(end));
    return this.strip(buffer.subarray(0, end));
  }

  /** What was carried at the end of the part: text after the last tag, which a well-formed sheet lacks. */
  end(): Buffer {
    const rest = this.inFormula ? EMPTY : this.carry;
    this.carry = EMPTY;
    return rest;
  }

  private strip(piece: Buffer): Buffer {
    const kept: Buffer[] = [];
    let pos = 0;
    while (pos < piece.length) {
      if (this.inFormula) {
        const close = piece.indexOf(FORMULA_CLOSE, pos);
        if (close < 0) return this.keep(kept); // the formula's text goes on in the next chunk
        pos = close + FORMULA_CLOSE.length;
        this.inFormula = false;
      }
      let open = piece.indexOf(FORMULA_OPEN, pos);
      while (open >= 0 && !isFormulaTagEnd(piece[open + 2])) open = piece.indexOf(FORMULA_OPEN, open + 2);
      if (open < 0) {
        kept.push(piece.subarray(pos));
        break;
      }
      kept.push(piece.subarray(pos, open));
      const gt = piece.indexOf(GT, open);
      this.inFormula = piece[gt - 1] !== SLASH;
      pos = gt + 1;
    }
    return this.keep(kept);
  }

  private keep(kept: Buffer[]): Buffer {
    const out = kept.length === 1 ? kept[0] : Buffer.concat(kept);
    for (let at = out.indexOf(MERGE_CELL); at >= 0; at = out.indexOf(MERGE_CELL, at + 1)) {
      const tag = out.toString('latin1', at, out.indexOf(GT, at) + 1);
      const ref = /\sref\s*=\s*["']([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)["']/.exec(tag)?.[1];
      if (ref) this.merges.push(ref);
    }
    return out;
  }
}

/** The sheet's XML through the filter, as exceljs's worksheet reader iterates it. */
async function* filtered(source: AsyncIterable<Buffer>, filter: SheetXmlFilter): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const out = filter.push(chunk);
    if (out.length) yield out;
  }
  const rest = filter.end();
  if (rest.length) yield rest;
}

/** One worksheet as exceljs's streaming reader hands it over (its types leave out what is used here). */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  iterator: AsyncIterable<Buffer>;
}

/** The rows of one streamed sheet as a grid: row r (1-based) is grid[r - 1], column c is grid[r - 1][c - 1]. */
async function readSheet(sheet: StreamedSheet): Promise<Cell[][]> {
  const filter = new SheetXmlFilter();
  sheet.iterator = filtered(sheet.iterator, filter);
  const grid: Cell[][] = [];
  for await (const row of sheet) {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const raw = cell.value as unknown;
      if (typeof raw === 'object' && raw !== null && 'sharedString' in raw) throw new MissingSharedStrings();
      const value = cellValue(cell.value);
      if (value === '') return;
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = value;
    });
    if (cells.length === 0) continue;
    while (grid.length < row.number - 1) grid.push([]);
    grid[row.number - 1] = cells;
  }
  const merges = filter.merges.map(mergedRangeFromA1).filter((m): m is MergedRange => !!m);
  return merges.length ? fillMergedCells(grid, merges) : grid;
}

/** Tab name → grid, in the workbook's tab order (the zip may hold the sheets in any order). */
/**
 * The package read by exceljs's streaming reader: its tabs, or `error` (what went wrong; null when the reader
 * stopped before the end of the package) when it could not be read that way.
 */
export async function streamPackage(input: Readable): Promise<{ workbook: Workbook } | { error: unknown }> {
  // Loaded here rather than at the top: commands that never read a file start a third of a second sooner.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number; hyperlink targets are never used (a link reads as its text).
    styles: 'cache',
    hyperlinks: 'ignore',
    // Told which parts it reads, to tell a missing xl/workbook.xml from a damaged one.
    entries: 'emit',
  });
  // exceljs names a sheet from xl/workbook.xml and its relationships, but a package may store that part after its
  // sheets (exceljs's own writer does): exceljs then fails reading `model.sheets` of a model it has not read yet.
  // So it is given an empty model to start with (it replaces it when it reads xl/workbook.xml), each sheet's part
  // number is taken from its 'entry' event (emitted just before the sheet is handed over), and the names are
  // matched once the whole package is read.
  const internals = reader as unknown as PackageModel & NodeJS.EventEmitter;
  internals.model = { sheets: [] };
  let sawWorkbookPart = false;
  let partNumber = '';
  internals.on('entry', (entry: { type?: string; id?: string }) => {
    if (entry.type === 'workbook') sawWorkbookPart = true;
    if (entry.type === 'worksheet') partNumber = String(entry.id);
  });
  const parts = new Map<string, Cell[][]>();
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      const number = partNumber;
      const grid = await readSheet(sheet);
      if (!parts.has(number)) parts.set(number, grid);
    }
  } catch (error) {
    return { error };
  }
  const tabs = tabsInOrder(internals);
  // exceljs's streaming reader can stop early on a package that stores its sheets before xl/workbook.xml and
  // xl/sharedStrings.xml (exceljs's own in-memory writer does; measured with exceljs 4.4.0): then the workbook
  // part was never seen, or a tab it lists was not read. The caller reads such a package whole instead.
  if (!sawWorkbookPart || tabs.length === 0 || tabs.some((t) => t.part === undefined || !parts.has(t.part)))
    return { error: null };
  const out: Workbook = {};
  for (const { name, part } of tabs) if (!(name in out)) out[name] = parts.get(part!)!;
  return { workbook: out };
}

/** What exceljs's streaming reader keeps of xl/workbook.xml and its relationships (not in its types). */
interface PackageModel {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** The workbook's tabs in tab order, each with the number N of its part xl/worksheets/sheetN.xml. */
function tabsInOrder(pkg: PackageModel): { name: string; part: string | undefined }[] {
  const partOf = new Map<string, string>();
  for (const rel of pkg.workbookRels ?? []) {
    // "worksheets/sheet2.xml", relative to xl/, or "/xl/worksheets/sheet2.xml" from the package root.
    const m = /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(rel.Target ?? '');
    if (m) partOf.set(rel.Id, m[1]);
  }
  return (pkg.model?.sheets ?? []).map((s) => ({ name: s.name, part: partOf.get(s.rId) }));
}

/** Packages up to this size are read whole when the streaming reader cannot read them (see readPackage). */
const WHOLE_READ_MAX_BYTES = 64 * 1024 * 1024;

/** ExcelJS.ValueType.Merge and .String (exceljs itself is loaded only when a file is read). */
const MERGE = 1 as ExcelJS.ValueType.Merge;
const STRING = 3 as ExcelJS.ValueType.String;

/**
 * The worksheet elements exceljs's whole-file loader need not build (its `ignoreNodes` option): of a sheet the
 * report reads only its cells (sheetData) and merged ranges (mergeCells).
 */
const IGNORED_NODES = [
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

/** The package read whole by exceljs (`Workbook.xlsx.load`): every part checked, in any order. */
async function loadWhole(Excel: typeof ExcelJS, buffer: Buffer, file: string): Promise<Workbook> {
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
  if (workbook.worksheets.length === 0) throw noWorksheets(file);
  const out: Workbook = {};
  for (const sheet of workbook.worksheets) {
    const grid: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // A merged block's other cells echo the top-left value in exceljs; the block is filled below.
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
    const merges = (sheet.model.merges ?? []).map(mergedRangeFromA1).filter((m): m is MergedRange => !!m);
    out[sheet.name] = merges.length ? fillMergedCells(grid, merges) : grid;
  }
  return out;
}

/** The whole-file read alone (the fallback of readXlsxBuffer), for comparing the two readers. */
export async function readXlsxWhole(buffer: Buffer, file: string): Promise<Workbook> {
  const { default: Excel } = await import('exceljs');
  return loadWhole(Excel, buffer, file);
}

/**
 * Tab name → grid. The streaming reader first; when it cannot read the package (it fails, or stops before the
 * end), the package is read whole by exceljs's loader if it is not huge: that reader takes parts in any order and
 * checks the zip's checksums, so its error, when it has one, says what is really wrong (a damaged archive, a
 * missing part). A huge package that the streaming reader cannot read fails with the streaming reader's error.
 */
async function readPackage(
  input: Readable,
  file: string,
  whole: () => Promise<Buffer | undefined>,
): Promise<Workbook> {
  const streamed = await streamPackage(input);
  if ('workbook' in streamed) return checkNotEmpty(streamed.workbook, file);
  const { default: Excel } = await import('exceljs');
  const buffer = await whole().catch(() => undefined);
  try {
    if (buffer && buffer.length <= WHOLE_READ_MAX_BYTES)
      return checkNotEmpty(await loadWhole(Excel, buffer, file), file);
  } catch (error) {
    if (!(error instanceof MissingSharedStrings)) throw error;
    throw new XlsxReadError(
      file,
      `${CORRUPT}: a part of the package is missing (xl/sharedStrings.xml, the text of its cells)`,
    );
  }
  if (streamed.error instanceof MissingSharedStrings)
    throw new XlsxReadError(
      file,
      `${CORRUPT}: a part of the package is missing (xl/sharedStrings.xml, the text of its cells)`,
    );
  if (streamed.error === null) throw noWorksheets(file);
  throw new XlsxReadError(file, describeLoadError(streamed.error));
}

const noWorksheets = (file: string) =>
  new XlsxReadError(
    file,
    `${CORRUPT}: it has no worksheets (the package lacks xl/workbook.xml or the sheets it lists)`,
  );

function checkNotEmpty(grid: Workbook, file: string): Workbook {
  const sheets = Object.keys(grid).length;
  if (Object.values(grid).every((rows) => rows.length === 0)) {
    throw new XlsxReadError(file, `the workbook is empty: its ${plural(sheets, 'sheet')} hold no cells`);
  }
  return grid;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Read an .xlsx from memory. `file` only names it in errors. */
export async function readXlsxBuffer(buffer: Buffer, file: string): Promise<Workbook> {
  if (!startsWith(buffer, ZIP_MAGIC)) throw new XlsxReadError(file, describeNonZip(buffer));
  return readPackage(Readable.from([buffer]), file, async () => buffer);
}

/** Read an .xlsx file, streamed from disk. Every failure is an XlsxReadError naming the file. */
export async function readXlsx(path: string): Promise<Workbook> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new XlsxReadError(path, unreadable(error));
  }
  // Not a zip: read it whole to say what it is instead (such files are small, or not plans at all).
  if (!startsWith(head, ZIP_MAGIC)) return readXlsxBuffer(await readFile(path), path);
  return readPackage(createReadStream(path), path, async () =>
    (await stat(path)).size <= WHOLE_READ_MAX_BYTES ? readFile(path) : undefined,
  );
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EISDIR'
      ? 'is a folder, not an .xlsx file'
      : code === 'EACCES'
        ? 'permission denied'
        : `cannot be read (${code ?? String(error)})`;
}
