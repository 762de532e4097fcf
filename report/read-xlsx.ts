/**
 * Stage 1 of the report: an .xlsx file (as Google Sheets' File > Download > Microsoft Excel writes it) → the
 * Workbook shape the plan core reads ({ tab: cell[][] }).
 *
 * - formulas give their cached result; one saved without a result (a program that does not calculate wrote it) is
 *   FORMULA_WITHOUT_RESULT (shared/cells.ts), which the parser says at its cell rather than read as blank;
 * - dates are Dates at UTC midnight (parse with timeZone 'UTC');
 * - rich text is joined, a hyperlink gives its text (never its target);
 * - a merged range reads as its top-left value in every cell of the block (shared fillMergedCells);
 * - hidden tabs, rows and columns are read like any other, and recorded beside the grid (shared setHiddenParts), for
 *   the parser to say where it reads what the person may not see;
 * - error results are their text ('#REF!', '#N/A', ...), which the parser reports at the cell.
 *
 * How: the zip's central directory is read first (yauzl), so the parts are found wherever the package stores
 * them: the workbook and its relationships, the styles and the shared strings, then each sheet. Every part is
 * inflated and parsed as it streams in (saxes; report/spreadsheetml.ts), so no part's XML is ever held whole, as
 * one string or one buffer: memory grows with the cells kept, not with the XML (a generated Targets tab is mostly
 * formula text). Each sheet's bytes first pass a small
 * filter (SheetXmlFilter) that drops formula text (`<f>` elements): the report needs only the cached results,
 * and a generated Targets tab is mostly formula text. Each part's CRC-32 is checked, so a damaged archive is
 * reported as one rather than read as wrong cells.
 *
 * Anything that is not a readable workbook throws an XlsxReadError whose message names the file and the problem
 * in one line, for the CLI to print as is.
 */
import { open, readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { pipeline, type Readable, type TransformOptions } from 'node:stream';
import { crc32, createInflateRaw, type ZlibOptions } from 'node:zlib';

import yauzl, { type Entry, type ZipFile } from 'yauzl';

import {
  fillMergedCells,
  mergedRangeFromA1,
  setCentredAcross,
  setHiddenParts,
  type MergedRange,
  type Workbook,
} from '../shared/cells';
import { setNumberFormats, type FormatGrid } from '../shared/number-formats';
import type { Lang, Params } from '../shared/i18n';
import { XlsxReadError } from './errors';
import { FILE_MESSAGES, say } from './i18n';
import {
  centredAcrossBlocks,
  ImpossiblePart,
  MAX_COLUMNS,
  MAX_ROWS,
  MissingSharedStrings,
  partParser,
  RelationshipsReader,
  SharedStringsReader,
  SheetReader,
  StylesReader,
  WorkbookReader,
  type PartReader,
  type Relationship,
} from './spreadsheetml';

export { XlsxReadError };

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buffer: Uint8Array, magic: number[]) => magic.every((b, i) => buffer[i] === b);

/** Why a buffer that is not a zip cannot be a workbook, in words a person recognises. */
function describeNonZip(buffer: Buffer, lang: Lang): string {
  const said = (problem: FileProblem) => say(FILE_MESSAGES[problem], lang);
  if (buffer.length === 0) return said('empty');
  if (startsWith(buffer, OLE_MAGIC)) {
    // An encrypted OOXML file is an OLE compound file holding an "EncryptedPackage" stream (names are UTF-16LE).
    return said(buffer.includes(Buffer.from('EncryptedPackage', 'utf16le')) ? 'encrypted' : 'legacy');
  }
  const head = buffer.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return said('pdf');
  if (head.startsWith('<')) return said('markup');
  const printable = [...buffer.subarray(0, 512)].every(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f) || b >= 0x80,
  );
  return said(printable ? 'text' : 'notXlsx');
}

type FileProblem = keyof typeof FILE_MESSAGES;

/**
 * What is wrong with a package, as a catalogue entry and its parameters, put into words in the reader's
 * language by readPackage; `corrupt` ones follow "the file is corrupt or not an .xlsx workbook: ".
 */
class PackageError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly params: Params = {},
    readonly corrupt = true,
  ) {
    super(problem);
  }
}

/** The zip layer failed: a cut or damaged archive, in yauzl's or zlib's words (a checksum that does not match is checksumMismatch). */
const damagedZip = (reason: string) => new PackageError('damagedZip', { reason: oneLine(reason) });
/** A part's XML failed to parse (saxes's words: "part:line:column: problem"). */
const notWellFormed = (reason: string) => new PackageError('notWellFormed', { reason: oneLine(reason) });
const damagedPart = (reason: string) => new PackageError('damagedPart', { reason: oneLine(reason) });

const oneLine = (message: string) => message.split('\n')[0].trim().slice(0, 160);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const GT = 0x3e; // >
const SLASH = 0x2f;
const FORMULA_OPEN = Buffer.from('<f');
/** What starts an end tag: a formula's is "</f>", or "</f >" / "</f\n>" (XML's ETag ::= '</' Name S? '>'). */
const END_TAG_OPEN = Buffer.from('</');
const EMPTY = Buffer.alloc(0);
/** What a formula is replaced by: the SheetReader learns the cell had one (a cell with a formula and no <v> was
 * saved without its result, and is not blank), without the parser scanning the formula's text. */
const EMPTY_FORMULA = Buffer.from('<f/>');
/** Markup whose content is not elements, so a "<f" in it is no formula: its opening and what ends it. */
const OPAQUE = [
  { open: Buffer.from('<!--'), close: Buffer.from('-->') },
  { open: Buffer.from('<![CDATA['), close: Buffer.from(']]>') },
  { open: Buffer.from('<?'), close: Buffer.from('?>') },
];
const LT = 0x3c; // <
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const V = 0x76; // v

/** The bytes that may follow "<f" when it opens an <f> element (not <filters>, <formula>, ...). */
const isFormulaTagEnd = (byte: number) =>
  byte === GT || byte === SLASH || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * A worksheet's XML on its way to the XML parser, chunk by chunk, formula elements (`<f>…</f>`, `<f …/>`) left
 * out: at 1,000 generated key results they are 7 of the Targets sheet's 8.4 MB, which the parser then never
 * scans.
 *
 * Every chunk handed on ends just after a '>' (what follows the last one waits for the next chunk), so a tag
 * ("<f", "</f>") is never cut between two chunks: it ends at its own '>', and its start is never after the
 * chunk's last '>'. (Text may hold a raw '>' too; a chunk ending there only cuts text, which the parser takes in
 * pieces.) Text and attribute values never hold a raw '<', so "<f" followed by '>', '/' or a space can only open
 * a formula, and, since a formula holds only text, the first "</" after it starts its end tag, however that tag
 * is spaced ("</f>", "</f >": looking for "</f>" alone would drop every cell up to the next formula's end). A
 * formula not followed by its result (`<v>`) leaves an empty `<f/>` in its place (formulaEnd), so that a formula
 * saved without a result is told from an empty cell. The cell
 * keeps its cached result in <v> and its type in t="…", which then reads as any value cell: a number (a Date when the cell's format is a date), a string, a
 * boolean or an error. Comments, CDATA sections and processing instructions are passed on whole, whatever they
 * hold ("<f>" in a comment is not a formula); like a tag, what ends each ("-->", "]]>", "?>") ends at a '>', so
 * it is never cut between two chunks either. Not handled: a formula written with a namespace prefix (`<x:f>`),
 * which no spreadsheet writes, is not dropped, only parsed and ignored.
 */
export class SheetXmlFilter {
  private carry: Buffer = EMPTY;
  private inFormula = false;
  /** Inside a comment, CDATA section or processing instruction: what ends it. */
  private opaqueEnd: Buffer | null = null;
  /** The last piece ended with a formula: whether a <v> follows is seen at the start of the next. */
  private resultUnknown = false;

  /**
   * A formula ended at AT: an empty `<f/>` is kept in its place unless its result (`<v>`) follows, so that the
   * SheetReader tells a formula saved without a result from an empty cell. Left out where a <v> follows, it costs
   * the parser nothing in a sheet saved with results (every formula of a spreadsheet's file). A piece ends after a
   * '>', so the next one starts with the whole next tag: where the formula ends a piece, the next piece decides.
   */
  private formulaEnd(piece: Buffer, at: number, kept: Buffer[]): void {
    if (at >= piece.length) {
      this.resultUnknown = true;
      return;
    }
    const next = piece[at + 2];
    const result =
      piece[at] === LT && piece[at + 1] === V && (next === GT || next === SLASH || next === 0x20);
    if (!result) kept.push(EMPTY_FORMULA);
  }

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
    if (!this.resultUnknown) return rest;
    this.resultUnknown = false;
    return Buffer.concat([EMPTY_FORMULA, rest]);
  }

  private strip(piece: Buffer): Buffer {
    const kept: Buffer[] = [];
    let pos = 0;
    if (this.resultUnknown) {
      this.resultUnknown = false;
      this.formulaEnd(piece, 0, kept);
    }
    // Where the next comment, CDATA section or processing instruction starts (-1: none in this piece), found again
    // only once passed: they are rare, and searching for one at every formula would scan the piece once per formula.
    let opaque = this.opaqueEnd ? pos : this.nextOpaque(piece, pos);
    while (pos < piece.length) {
      if (this.opaqueEnd) {
        const close = piece.indexOf(this.opaqueEnd, pos);
        if (close < 0) {
          kept.push(piece.subarray(pos)); // it goes on in the next chunk
          return this.keep(kept);
        }
        kept.push(piece.subarray(pos, close + this.opaqueEnd.length));
        pos = close + this.opaqueEnd.length;
        this.opaqueEnd = null;
        opaque = this.nextOpaque(piece, pos);
      }
      if (this.inFormula) {
        const close = piece.indexOf(END_TAG_OPEN, pos);
        if (close < 0) return this.keep(kept); // the formula's text goes on in the next chunk
        // The piece ends after a '>' at or after the end tag's own: the tag is whole here.
        pos = piece.indexOf(GT, close) + 1;
        this.inFormula = false;
        this.formulaEnd(piece, pos, kept);
        if (opaque >= 0 && opaque < pos) opaque = this.nextOpaque(piece, pos);
      }
      let open = piece.indexOf(FORMULA_OPEN, pos);
      while (open >= 0 && !isFormulaTagEnd(piece[open + 2])) open = piece.indexOf(FORMULA_OPEN, open + 2);
      if (opaque >= 0 && (open < 0 || opaque < open)) {
        kept.push(piece.subarray(pos, opaque));
        const kind = OPAQUE.find((o) => piece.subarray(opaque, opaque + o.open.length).equals(o.open))!;
        this.opaqueEnd = kind.close;
        // Its end is looked for after its opening ("<!-->" does not end a comment).
        kept.push(piece.subarray(opaque, opaque + kind.open.length));
        pos = opaque + kind.open.length;
        continue;
      }
      if (open < 0) {
        kept.push(piece.subarray(pos));
        break;
      }
      kept.push(piece.subarray(pos, open));
      const gt = piece.indexOf(GT, open);
      this.inFormula = piece[gt - 1] !== SLASH;
      pos = gt + 1;
      if (!this.inFormula) this.formulaEnd(piece, pos, kept);
    }
    return this.keep(kept);
  }

  /** Where the next comment, CDATA section or processing instruction at or after FROM starts, or -1. */
  private nextOpaque(piece: Buffer, from: number): number {
    const bang = this.nextOpening(piece, from, BANG);
    const instruction = this.nextOpening(piece, from, QUESTION);
    return bang < 0 ? instruction : instruction < 0 ? bang : Math.min(bang, instruction);
  }

  /**
   * The next "<" + SECOND (at or after FROM) that opens a comment, CDATA section or processing instruction, or -1.
   * Looked for by its second byte ('!' or '?', rare in a sheet) with a one-byte search, which is many times faster
   * than a two-byte one over megabytes of tags; "<!DOCTYPE" and the like are passed over.
   */
  private nextOpening(piece: Buffer, from: number, second: number): number {
    for (let at = piece.indexOf(second, from + 1); at >= 0; at = piece.indexOf(second, at + 1)) {
      const start = at - 1;
      if (piece[start] !== LT) continue;
      if (OPAQUE.some((o) => piece.subarray(start, start + o.open.length).equals(o.open))) return start;
    }
    return -1;
  }

  private keep(kept: Buffer[]): Buffer {
    return kept.length === 1 ? kept[0] : Buffer.concat(kept);
  }
}

/**
 * A package's parts by name, read from the zip's central directory: without a leading slash, and in lower case,
 * since part names are compared case-insensitively (Open Packaging Conventions, ECMA-376 Part 2 §6.2.2.3).
 */
class Parts {
  private readonly byName = new Map<string, Entry>();

  add(entry: Entry): void {
    this.byName.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
  }

  get(name: string): Entry | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

async function listParts(zip: ZipFile): Promise<Parts> {
  const parts = new Parts();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('/')) parts.add(entry);
    }
  } catch (error) {
    throw damagedZip(messageOf(error));
  }
  return parts;
}

/**
 * The largest part read (its size unzipped, as the zip's directory gives it). A generated plan of 10,000 key
 * results has an 88 MB Targets sheet, so this is room for about 200,000; a larger part is refused before anything
 * is inflated (a zip bomb declares sizes like that).
 */
const MAX_PART_BYTES = 2 * 2 ** 30;

/**
 * One part inflated and fed to `reader` as it streams in (through `filter` when given), its size and CRC-32
 * checked: zlib does not check a zip entry's checksum, and damaged compressed data can inflate to wrong text.
 * Inflating stops as soon as a part outgrows the size the zip's directory gives it (a zip bomb is not inflated in
 * full). When the XML fails to parse, the rest of the part is still inflated and checked, so damaged data is
 * reported as a damaged archive rather than as bad XML.
 */
async function readPart(
  zip: ZipFile,
  entry: Entry,
  reader: PartReader,
  filter?: SheetXmlFilter,
): Promise<void> {
  if (entry.uncompressedSize === 0) throw damagedPart(`${entry.fileName} is empty`);
  if (entry.uncompressedSize > MAX_PART_BYTES) {
    const size = (entry.uncompressedSize / 2 ** 30).toFixed(1);
    throw new PackageError('partTooLarge', { part: entry.fileName, size }, false);
  }
  const parser = partParser(reader, entry.fileName);
  const decoder = new StringDecoder('utf8');
  let xmlError: unknown;
  const feed = (bytes: Buffer) => {
    if (bytes.length === 0 || xmlError !== undefined) return;
    try {
      parser.write(decoder.write(bytes));
    } catch (error) {
      xmlError = error;
    }
  };
  let checksum = 0;
  let length = 0;
  let stream: Readable | undefined;
  try {
    stream = await inflated(zip, entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      checksum = crc32(chunk, checksum);
      length += chunk.length;
      if (length > entry.uncompressedSize) break;
      feed(filter ? filter.push(chunk) : chunk);
    }
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw damagedZip(messageOf(error));
  } finally {
    // Stopped early or failed: the streams are closed, so the zip's file is released when it is closed.
    stream?.destroy();
  }
  if (length !== entry.uncompressedSize || checksum >>> 0 !== entry.crc32 >>> 0) {
    throw new PackageError('checksumMismatch', { part: entry.fileName });
  }
  if (filter) feed(filter.end());
  if (xmlError === undefined) {
    try {
      parser.write(decoder.end());
      parser.close();
    } catch (error) {
      xmlError = error;
    }
  }
  if (xmlError instanceof MissingSharedStrings) throw xmlError;
  if (xmlError instanceof ImpossiblePart) throw new PackageError(xmlError.problem, xmlError.params);
  // One text (a cell's, a shared string) longer than a JavaScript string can be (2^29 - 24 characters).
  if (xmlError instanceof RangeError) throw new PackageError('textTooLong', { part: entry.fileName }, false);
  if (xmlError !== undefined) throw notWellFormed(messageOf(xmlError));
}

/**
 * Bytes handed over per inflated chunk. zlib's default (16 KB) makes a large sheet thousands of round trips to the
 * thread that inflates; at 256 KB, with up to four chunks inflated ahead, the parser works on one chunk while the
 * next ones are inflated (at 1,000 key results the first read took 0.35 s with one chunk ahead, 0.25 s so).
 */
const INFLATE_CHUNK_BYTES = 256 * 1024;
const INFLATE_AHEAD_CHUNKS = 4;
const STORED = 0;
const DEFLATED = 8;

/** A part's bytes as they inflate (yauzl reads the compressed bytes; zlib inflates them in large chunks). */
async function inflated(zip: ZipFile, entry: Entry): Promise<Readable> {
  if (entry.isEncrypted()) throw damagedPart(`${entry.fileName} is encrypted`);
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw damagedPart(`${entry.fileName} uses compression method ${entry.compressionMethod}, not Deflate`);
  }
  const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  if (entry.compressionMethod === STORED) return raw;
  // A zlib stream is a Transform and takes its options (Node's typings leave them out of ZlibOptions).
  const options: ZlibOptions & TransformOptions = {
    chunkSize: INFLATE_CHUNK_BYTES,
    highWaterMark: INFLATE_AHEAD_CHUNKS * INFLATE_CHUNK_BYTES,
  };
  // pipeline: an error on either side destroys both, and destroying the inflater closes the compressed stream.
  return pipeline(raw, createInflateRaw(options), () => {});
}

/** The relationships of the part at `path` (`folder/_rels/name.rels`); none when the package has no such part. */
async function relationshipsOf(zip: ZipFile, parts: Parts, path: string): Promise<Relationship[]> {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const entry = parts.get(`${folder}_rels/${path.slice(slash + 1)}.rels`);
  if (!entry) return [];
  const reader = new RelationshipsReader(folder);
  await readPart(zip, entry, reader);
  return reader.relationships;
}

/** The workbook part's path: the package's officeDocument relationship, or where every producer puts it. */
async function workbookPath(zip: ZipFile, parts: Parts): Promise<string> {
  const relationships = await relationshipsOf(zip, parts, '');
  return relationships.find((r) => r.kind === 'officeDocument')?.path ?? 'xl/workbook.xml';
}

/** Tab name → grid, in the workbook's tab order (the zip may hold the parts in any order). */
async function readWorkbook(zip: ZipFile): Promise<Workbook> {
  const parts = await listParts(zip);
  const bookPath = await workbookPath(zip, parts);
  const bookEntry = parts.get(bookPath);
  if (!bookEntry) {
    // Another kind of zip, said as what it is: an OpenDocument spreadsheet (LibreOffice's own format) has a
    // `mimetype` part; anything without [Content_Types].xml is no Office package at all.
    if (parts.get('mimetype') || parts.get('content.xml')) throw new PackageError('openDocument', {}, false);
    if (!parts.get('[Content_Types].xml')) throw new PackageError('otherZip', {}, false);
    throw new PackageError('noWorksheets');
  }
  const book = new WorkbookReader();
  await readPart(zip, bookEntry, book);
  const relationships = await relationshipsOf(zip, parts, bookPath);
  const related = (kind: string) => {
    const path = relationships.find((r) => r.kind === kind)?.path;
    return path === undefined ? undefined : parts.get(path);
  };

  // Chart sheets and dialog sheets are tabs too, but hold no cells.
  const sheets = book.sheets.flatMap(({ name, relationshipId, hidden }) => {
    const relationship = relationships.find((r) => r.id === relationshipId);
    if (relationship && relationship.kind !== 'worksheet') return [];
    return [{ name, hidden, entry: relationship && parts.get(relationship.path) }];
  });
  if (sheets.length === 0 || sheets.some((s) => !s.entry)) throw new PackageError('noWorksheets');

  const stylesEntry = related('styles');
  const styles = new StylesReader();
  if (stylesEntry) await readPart(zip, stylesEntry, styles);
  const dateStyles = styles.dateStyles();
  const formatCodes = styles.numberFormatCodes();
  const centredStyles = styles.centredStyles();
  const stringsEntry = related('sharedStrings');
  let sharedStrings: string[] | null = null;
  if (stringsEntry) {
    const strings = new SharedStringsReader();
    await readPart(zip, stringsEntry, strings);
    sharedStrings = strings.strings;
  }

  const workbook: Workbook = {};
  for (const { name, hidden, entry } of sheets) {
    // A tab's name is the user's text: "constructor" or "__proto__" are tabs like any other, own properties.
    if (Object.hasOwn(workbook, name)) continue;
    const sheet = new SheetReader(
      sharedStrings,
      dateStyles,
      book.date1904,
      entry!.fileName,
      formatCodes,
      centredStyles,
    );
    try {
      await readPart(zip, entry!, sheet, new SheetXmlFilter());
    } catch (error) {
      if (error instanceof MissingSharedStrings) throw new PackageError('noSharedStrings');
      throw error;
    }
    const merges: MergedRange[] = [];
    for (const ref of sheet.merges) {
      const range = mergedRangeFromA1(ref);
      if (!range) continue;
      if (range.bottom > MAX_ROWS || range.right > MAX_COLUMNS)
        throw new PackageError('mergeOutside', { part: entry!.fileName, ref });
      merges.push(range);
    }
    // Text centred across blank cells (Center Across Selection): its blocks go beside the grid, unfilled, read before
    // merged blocks fill their cells (a block over a merge's hidden cells would otherwise span them).
    const centred = sheet.centred.length ? centredAcrossBlocks(sheet.rows, sheet.centred) : [];
    // A number shown as a percent or a currency is read as that text (shared/number-formats.ts): its format code
    // goes beside the grid, merged blocks filled as their values are.
    const formats = merges.length ? (fillMergedCells(sheet.formats, merges) as FormatGrid) : sheet.formats;
    const grid = setCentredAcross(
      setNumberFormats(merges.length ? fillMergedCells(sheet.rows, merges) : sheet.rows, formats),
      centred,
    );
    setHiddenParts(grid, { sheet: hidden, rows: sheet.hiddenRows, columns: sheet.hiddenColumns });
    Object.defineProperty(workbook, name, {
      value: grid,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return workbook;
}

/** Read a package opened by yauzl; every failure becomes an XlsxReadError naming `file`, in `lang`. */
async function readPackage(open: () => Promise<ZipFile>, file: string, lang: Lang): Promise<Workbook> {
  const failure = (error: PackageError) => {
    const problem = say(FILE_MESSAGES[error.problem], lang, error.params);
    return new XlsxReadError(file, error.corrupt ? say(FILE_MESSAGES.corrupt, lang, { problem }) : problem);
  };
  let zip: ZipFile;
  try {
    zip = await open();
  } catch (error) {
    throw failure(damagedZip(messageOf(error)));
  }
  try {
    const workbook = await readWorkbook(zip);
    const sheets = Object.keys(workbook).length;
    if (Object.values(workbook).every((rows) => rows.length === 0))
      throw new PackageError('emptyWorkbook', { count: sheets }, false);
    return workbook;
  } catch (error) {
    if (error instanceof PackageError) throw failure(error);
    throw error;
  } finally {
    zip.close();
  }
}

/**
 * yauzl's options: entries read one at a time on request, the file left open until closed. (yauzl's own size
 * check applies to data it inflates itself; readPart inflates and checks sizes and checksums.)
 */
const ZIP_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false };

/** Read an .xlsx from memory. `file` only names it in errors, which are in `lang`. */
export async function readXlsxBuffer(buffer: Buffer, file: string, lang: Lang = 'en'): Promise<Workbook> {
  if (!startsWith(buffer, ZIP_MAGIC)) throw new XlsxReadError(file, describeNonZip(buffer, lang));
  return readPackage(() => yauzl.fromBufferPromise(buffer, ZIP_OPTIONS), file, lang);
}

/**
 * Read an .xlsx file, each part streamed from disk. Every failure is an XlsxReadError naming the file, in `lang`
 * (the CLI's --lang; English without one: the plan's own language is known only once it is read).
 */
export async function readXlsx(path: string, lang: Lang = 'en'): Promise<Workbook> {
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
    throw new XlsxReadError(path, unreadable(error, lang));
  }
  // Not a zip: read it whole to say what it is instead (such files are small, or not plans at all).
  if (!startsWith(head, ZIP_MAGIC)) return readXlsxBuffer(await readFile(path), path, lang);
  return readPackage(() => yauzl.openPromise(path, ZIP_OPTIONS), path, lang);
}

function unreadable(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  const problem: FileProblem =
    code === 'ENOENT'
      ? 'noSuchFile'
      : code === 'EISDIR'
        ? 'isFolder'
        : code === 'EACCES'
          ? 'permissionDenied'
          : 'unreadable';
  return say(FILE_MESSAGES[problem], lang, { code: code ?? String(error) });
}
