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
 * How: the package is unzipped here and the formula text dropped from its sheets (only cached results matter,
 * and a generated Targets tab is mostly formula text). A standard package is then scanned directly with exceljs's
 * rules (xlsx-scan.ts), which is several times faster and leaner than exceljs's object model on large plans;
 * anything the scanner does not recognise is read by exceljs. Tests compare both on the same files.
 *
 * Anything that is not a readable workbook throws an XlsxReadError whose message names the file and the problem
 * in one line, for the CLI to print as is.
 */
import { readFile } from 'node:fs/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

import type ExcelJS from 'exceljs';

import type { Cell, Workbook } from '../shared/cells';
import { scanWorkbook } from './xlsx-scan';

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

/** ExcelJS.ValueType.Merge (exceljs itself is loaded only when needed). */
const MERGE = 1 as ExcelJS.ValueType.Merge;

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

// ---------------------------------------------------------------------------------------------------
// Formula text is never needed (only the cached results are), but a generated Targets tab holds tens of
// thousands of long formulas, and parsing their text is most of exceljs's time on a large plan. So the
// package is unzipped here, <f> elements are dropped from the sheets, and exceljs reads the rest (stored,
// uncompressed). Anything unusual about the zip falls back to exceljs reading the original bytes.

interface ZipEntry {
  name: string;
  data: Buffer;
}

interface PackedEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  raw: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip archive, still compressed; null when it is not a plain (non-zip64, unencrypted) zip. */
function listZip(buffer: Buffer): PackedEntry[] | null {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return null; // zip64
  const entries: PackedEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) return null;
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1 || (method !== 0 && method !== 8)) return null; // encrypted or exotic
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) return null;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    if (raw.length !== size) return null;
    entries.push({ name, method, raw });
  }
  return entries;
}

const inflate = (entry: PackedEntry): Buffer =>
  entry.method === 0 ? Buffer.from(entry.raw) : inflateRawSync(entry.raw);

/** The entries of a zip archive, uncompressed; null when it is not a plain zip. */
export function unzip(buffer: Buffer): ZipEntry[] | null {
  return listZip(buffer)?.map((e) => ({ name: e.name, data: inflate(e) })) ?? null;
}

/** A zip archive of the entries, stored (no compression): only ever read back at once by exceljs. */
export function zipStored(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;
const OPEN_F = Buffer.from('<f');
const CLOSE_F = Buffer.from('</f>');
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
/** After "<f": ">", whitespace or "/" start a formula element; anything else is another tag (<fill>, <formula1>). */
const startsFormula = (byte: number) =>
  byte === GT || byte === SLASH || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Removes <f> elements (self-closing or not) from sheet XML arriving in chunks, on the bytes: a 600 MB sheet is
 * never held whole, and only what is kept is copied.
 */
export class FormulaStripper {
  private readonly kept: Buffer[] = [];
  private pending: Buffer = Buffer.alloc(0);
  /** Inside <f>…</f>: looking for "</f>". */
  private skipping = false;
  removed = 0;

  private keep(part: Buffer): void {
    if (part.length) this.kept.push(Buffer.from(part));
  }

  push(chunk: Buffer): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    let pos = 0;
    for (;;) {
      if (this.skipping) {
        const close = buf.indexOf(CLOSE_F, pos);
        if (close < 0) {
          // "</f>" may straddle the chunks: keep its possible start.
          this.pending = Buffer.from(buf.subarray(Math.max(pos, buf.length - (CLOSE_F.length - 1))));
          return;
        }
        pos = close + CLOSE_F.length;
        this.skipping = false;
        this.removed++;
        continue;
      }
      const open = buf.indexOf(OPEN_F, pos);
      if (open < 0) {
        const hold = buf[buf.length - 1] === LT ? 1 : 0;
        this.keep(buf.subarray(pos, buf.length - hold));
        this.pending = Buffer.from(buf.subarray(buf.length - hold));
        return;
      }
      if (open + 2 >= buf.length) {
        this.keep(buf.subarray(pos, open));
        this.pending = Buffer.from(buf.subarray(open));
        return;
      }
      if (!startsFormula(buf[open + 2])) {
        this.keep(buf.subarray(pos, open + 2));
        pos = open + 2;
        continue;
      }
      const tagEnd = buf.indexOf(GT, open);
      if (tagEnd < 0) {
        this.keep(buf.subarray(pos, open));
        this.pending = Buffer.from(buf.subarray(open));
        return;
      }
      this.keep(buf.subarray(pos, open));
      pos = tagEnd + 1;
      if (buf[tagEnd - 1] === SLASH) this.removed++;
      else this.skipping = true;
    }
  }

  end(): Buffer {
    if (!this.skipping) this.keep(this.pending);
    return Buffer.concat(this.kept);
  }
}

/** The sheet XML without its <f> elements; null when it has none. */
export function stripFormulaElements(xml: Buffer): Buffer | null {
  const stripper = new FormulaStripper();
  stripper.push(xml);
  const out = stripper.end();
  return stripper.removed ? out : null;
}

async function inflateStripped(entry: PackedEntry): Promise<{ data: Buffer; removed: number }> {
  const stripper = new FormulaStripper();
  if (entry.method === 0) stripper.push(entry.raw);
  else {
    const inflater = createInflateRaw({ chunkSize: 1 << 20 });
    inflater.end(entry.raw);
    for await (const chunk of inflater) stripper.push(chunk as Buffer);
  }
  return { data: stripper.end(), removed: stripper.removed };
}

/** The package's parts, uncompressed, formula text removed from the sheets; null when it is not a plain zip. */
async function leanParts(buffer: Buffer): Promise<{ parts: ZipEntry[]; removed: number } | null> {
  try {
    const packed = listZip(buffer);
    if (!packed) return null;
    let removed = 0;
    const parts: ZipEntry[] = [];
    for (const entry of packed) {
      if (SHEET_ENTRY.test(entry.name)) {
        const stripped = await inflateStripped(entry);
        removed += stripped.removed;
        parts.push({ name: entry.name, data: stripped.data });
      } else {
        parts.push({ name: entry.name, data: inflate(entry) });
      }
    }
    return { parts, removed };
  } catch {
    return null; // a damaged package: exceljs reads the original and says what is wrong
  }
}

/** The package with every formula's text removed from its sheets (cached values kept), or null to use as is. */
export async function withoutFormulaText(buffer: Buffer): Promise<Buffer | null> {
  const lean = await leanParts(buffer);
  return lean && lean.removed ? zipStored(lean.parts) : null;
}

/** Nodes of the sheet XML the report never needs; skipping them makes large files faster to read. */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'rowBreaks',
  'drawing',
  'picture',
  'extLst',
  'tableParts',
  'autoFilter',
];

export interface ReadOptions {
  /**
   * 'auto' (default): scan the package directly (xlsx-scan.ts) and fall back to exceljs for anything the
   * scanner does not recognise. 'exceljs': always exceljs (the reference the tests compare with).
   */
  engine?: 'auto' | 'exceljs';
}

/** Read an .xlsx from memory. `file` only names it in errors. */
export async function readXlsxBuffer(
  buffer: Buffer,
  file: string,
  options: ReadOptions = {},
): Promise<Workbook> {
  if (!startsWith(buffer, ZIP_MAGIC)) throw new XlsxReadError(file, describeNonZip(buffer));
  const lean = await leanParts(buffer);
  if (lean && options.engine !== 'exceljs') {
    const scanned = scanWorkbook(new Map(lean.parts.map((p) => [p.name, p.data])));
    if (scanned) return checkNotEmpty(scanned, file);
  }
  // exceljs is loaded only for packages the scanner leaves to it (a third of a second saved on every run).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      (lean?.removed ? zipStored(lean.parts) : buffer) as unknown as ExcelJS.Buffer,
      { ignoreNodes: IGNORED_NODES } as Parameters<typeof workbook.xlsx.load>[1],
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new XlsxReadError(file, `the file is corrupt or not an .xlsx workbook (${reason.slice(0, 160)})`);
  }
  if (workbook.worksheets.length === 0)
    throw new XlsxReadError(file, 'the workbook has no sheets (is it an .xlsx workbook?)');
  return checkNotEmpty(worksheetsToWorkbook(workbook), file);
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
