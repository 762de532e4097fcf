/**
 * The parts of an .xlsx package the report reads, parsed from their XML as it streams in (SpreadsheetML, ECMA-376
 * Part 1 §18; the same rules as Microsoft's "Open XML SDK" documentation of each element):
 *
 * - relationships (`_rels/.rels`, `xl/_rels/workbook.xml.rels`): which part is the workbook, its sheets, its
 *   shared strings and its styles (§ Part 2, Open Packaging Conventions);
 * - the workbook (`xl/workbook.xml`): the tabs in tab order (`<sheet name r:id>`) and the date system
 *   (`<workbookPr date1904>`);
 * - the styles (`xl/styles.xml`): which cell formats (`<cellXfs><xf numFmtId>`) show a date, and which show a
 *   percent or a currency (shared/number-formats.ts);
 * - the shared strings (`xl/sharedStrings.xml`): the text of `t="s"` cells, runs joined, phonetic guides left out;
 * - a worksheet: its cells' values (a formula's cached result) and its merged ranges.
 *
 * Each reader is fed by an XML parser (saxes, a conforming streaming parser) and keeps only what the report
 * needs. Element and attribute names are matched by their local name, so a package that writes them with a
 * namespace prefix (`<x:c>`, as some producers do) reads the same.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

import { serialToUtcDate } from '../shared/calendar';
import { FORMULA_WITHOUT_RESULT, type Cell, type MergedRange } from '../shared/cells';
import { formatShowsAny, showsMonthNotDay, withoutGeneral } from '../shared/number-formats';

/** What a part reader does with the parser's events (element names without their prefix). */
export interface PartReader {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Names as written (prefix:local), attributes as plain strings: the fastest of saxes's modes. */
type PlainOptions = { fileName: string; xmlns: false };

const localName = (qualified: string) => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

/** The attribute whose local name is `name` (`r:id` is read as `id`, whatever the prefix). */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const key in attributes) if (localName(key) === name) return attributes[key];
  return undefined;
}

/** A streaming XML parser that feeds `reader`; `fileName` names the part in its error messages. */
export function partParser(reader: PartReader, fileName: string): SaxesParser<PlainOptions> {
  const parser = new SaxesParser<PlainOptions>({ fileName, xmlns: false });
  // Every parser gets the same handlers, in the same order, each made by the same arrow function whatever the
  // reader: the parsers of a package's parts are then objects of one shape calling one kind of handler, which V8
  // keeps optimised from one part to the next. (With handlers only where the reader has a method, bound to it,
  // saxes's optimised code was thrown away at each new kind of part, 13 times in a 1,000-key-result plan.)
  parser.on('opentag', (tag: SaxesTagPlain) => reader.open(localName(tag.name), tag.attributes));
  const text = (value: string) => reader.text?.(value);
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag: SaxesTagPlain) => reader.close?.(localName(tag.name)));
  return parser;
}

/**
 * Text escaped the SpreadsheetML way (ST_Xstring, §22.9.2.19): a character XML cannot hold is written `_xHHHH_`,
 * and a literal "_x" that would read as one is written `_x005F_x…`. Excel writes them (a carriage return as
 * `_x000D_`); the cell shows the character.
 */
function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface Relationship {
  id: string;
  /** The target part's path inside the package, without a leading slash. */
  path: string;
  /** The relationship type's last segment: 'officeDocument', 'worksheet', 'sharedStrings', 'styles', … */
  kind: string;
}

/**
 * A relationships part (`<Relationship Id Type Target>`); targets are resolved against `baseFolder` (the folder of
 * the part the relationships belong to), or taken from the package root when they start with '/'. External
 * targets (links to the web) are left out.
 */
export class RelationshipsReader implements PartReader {
  readonly relationships: Relationship[] = [];

  constructor(private readonly baseFolder: string) {}

  open(name: string, attributes: Record<string, string>): void {
    if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
    const target = attributes.Target ?? '';
    const type = attributes.Type ?? '';
    this.relationships.push({
      id: attributes.Id ?? '',
      path: resolvePartPath(this.baseFolder, target),
      kind: type.slice(type.lastIndexOf('/') + 1),
    });
  }
}

/** `target` (a relative or root-relative part name, %-escaped) as a path from the package root. */
function resolvePartPath(baseFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not %-escaped after all: the name as written.
  }
  const segments = decoded.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** The workbook part: its tabs in tab order (each with its relationship id) and its date system. */
export class WorkbookReader implements PartReader {
  /** Each tab in order; `hidden` for a tab hidden (`state="hidden"`) or very hidden (`state="veryHidden"`). */
  readonly sheets: { name: string; relationshipId: string; hidden: boolean }[] = [];
  /** Serial day 0 is 1904-01-01 rather than 1899-12-30 (old Mac Excel workbooks). */
  date1904 = false;

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'sheet') {
      this.sheets.push({
        name: attributes.name ?? '',
        relationshipId: attribute(attributes, 'id') ?? '',
        hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden',
      });
    } else if (name === 'workbookPr') {
      const value = attributes.date1904;
      this.date1904 = value === '1' || value === 'true';
    }
  }
}

/**
 * Built-in number formats that show a date or a time (§18.8.30: 14–22 and 45–47 everywhere; 27–36 and 50–58 are
 * the East Asian date formats, e.g. `yyyy"年"m"月"d"日"` in a Chinese or Japanese Excel).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a format code shows a date or a time: it has a date or time token (y, m, d, h, s; b for the Buddhist
 * year; e and g for eras) outside quoted text, escaped characters (`\x`), spacing and fill characters (`_x`,
 * `*x`) and bracketed sections (colours, locales; an elapsed time `[h]` counts).
 * exceljs's `isDateFmt` test, with eras, escapes and scientific formats handled.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = withoutGeneral(code)
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    // Letters that are not tokens: the exponent of a scientific format (0.00E+00); General's names are gone above.
    .replace(/E[+-]/gi, '');
  return /[ymdhsbeg]/i.test(bare);
}

/**
 * Built-in number formats that show a percent (§18.8.30, "all languages": 9 is `0%`, 10 is `0.00%`). The others of
 * that table show neither a percent nor a currency: 37–40 (`#,##0 ;(#,##0)` …) are accounting numbers without a sign.
 * The currency formats 5–8 and 41–44 are not in it: the standard says an id it does not list follows the format
 * code the file gives (a `<numFmt>`), which is read like any other; without one, the file names no currency, and
 * the number is read as it is.
 */
const BUILT_IN_PERCENT_FORMATS: ReadonlyMap<number, string> = new Map([
  [9, '0%'],
  [10, '0.00%'],
]);

/**
 * Built-in date formats that show a month but no day, the same in every language (§18.8.30: 17 is `mmm-yy`). The
 * East Asian ids (27–36, 50–58) name other formats in each language: 57 is `yyyy"年"m"月"` in a Chinese (PRC) Excel,
 * but a whole day in a Taiwanese or Japanese one, and the file does not say which Excel wrote it; so they are read as
 * days. A Chinese Excel that writes the code (a `<numFmt>`, as for `[$-804]yyyy"年"m"月"`) is read by its code.
 */
const BUILT_IN_MONTH_FORMATS: ReadonlyMap<number, string> = new Map([[17, 'mmm-yy']]);

/** The styles part: for each cell format (the `s` attribute of a cell), whether it shows a date. */
export class StylesReader implements PartReader {
  private readonly customFormats = new Map<number, string>();
  private readonly cellFormats: number[] = [];
  /** Per cell format, whether it centres its text across the blank cells after it (`centerContinuous`). */
  private readonly centred: boolean[] = [];
  /** The element being read: number formats are read from <numFmts> only (a <dxf> of a conditional format has
   * its own, which must not replace them), cell formats from <cellXfs> only (not <cellStyleXfs>). */
  private inside: 'numFmts' | 'cellXfs' | null = null;

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'numFmts' || name === 'cellXfs') {
      this.inside = name;
    } else if (name === 'numFmt' && this.inside === 'numFmts') {
      this.customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
    } else if (name === 'xf' && this.inside === 'cellXfs') {
      this.cellFormats.push(Number(attributes.numFmtId ?? 0));
    } else if (name === 'alignment' && this.inside === 'cellXfs' && this.cellFormats.length > 0) {
      // Excel's "Center Across Selection" (ECMA-376 Part 1 §18.18.40, ST_HorizontalAlignment).
      if (attributes.horizontal === 'centerContinuous') this.centred[this.cellFormats.length - 1] = true;
    }
  }

  close(name: string): void {
    if (name === this.inside) this.inside = null;
  }

  /** Per cell format index, whether its number format shows a date. */
  dateStyles(): boolean[] {
    return this.cellFormats.map((id) => {
      const custom = this.customFormats.get(id);
      return custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_FORMATS.has(id);
    });
  }

  /** Per cell format index, whether it centres its text across the blank cells after it (centerContinuous). */
  centredStyles(): boolean[] {
    return this.cellFormats.map((_, i) => this.centred[i] === true);
  }

  /**
   * Per cell format index, its format code when it shows a percent, a currency or a multiple (120萬, 120K), or a
   * month without its day (`yyyy"年"m"月"`, `mmm-yy`: shared/number-formats.ts showsMonthNotDay), else undefined: the
   * only formats the parser reads a cell by, so that no other cell has one kept.
   */
  numberFormatCodes(): (string | undefined)[] {
    return this.cellFormats.map((id) => {
      const code =
        this.customFormats.get(id) ?? BUILT_IN_PERCENT_FORMATS.get(id) ?? BUILT_IN_MONTH_FORMATS.get(id);
      if (code === undefined) return undefined;
      if (isDateFormatCode(code)) return showsMonthNotDay(code) ? code : undefined;
      return formatShowsAny(code) ? code : undefined;
    });
  }
}

/** The shared strings part: each `<si>`'s text, its runs joined, its phonetic guides (`<rPh>`) left out. */
export class SharedStringsReader implements PartReader {
  readonly strings: string[] = [];
  private current = '';
  private inText = false;
  private inPhonetic = false;

  open(name: string): void {
    if (name === 't') this.inText = !this.inPhonetic;
    else if (name === 'si') this.current = '';
    else if (name === 'rPh') this.inPhonetic = true;
  }

  text(text: string): void {
    if (this.inText) this.current += text;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si') this.strings.push(unescapeXstring(this.current));
  }
}

/** A sheet uses shared strings (`t="s"`) but the package has none: its text cells cannot be read. */
export class MissingSharedStrings extends Error {}

/** A part that is well-formed XML but says something impossible: a cell or row past a sheet's size. */
export class ImpossiblePart extends Error {
  constructor(
    readonly problem: 'cellOutside' | 'rowOutside',
    readonly params: { part: string; ref: string },
  ) {
    super(`${params.part}: ${problem} ${params.ref}`);
  }
}

/** A worksheet's size in the file format (ECMA-376 Part 1 §18.3.1.73 and Excel's specifications): rows 1 to
 * 1,048,576, columns A to XFD (16,384). A reference past them cannot be a real cell, only a damaged or crafted
 * file, which would otherwise have the reader fill millions of empty cells. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A number as SpreadsheetML writes one (xsd:double's lexical form; no hex, no blanks, no "Infinity"). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The 1904 date system (old Mac Excel workbooks) counts its serial days from 1904-01-01, 1,462 days later. */
const SERIAL_1904_OFFSET = 1_462;

const enum Capture {
  None,
  Value,
  InlineText,
}

/** The 0-based column of an A1 reference's letters ("AB12" → 27); MAX_COLUMNS or more when past XFD. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length && column <= MAX_COLUMNS; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column - 1;
}

/**
 * A worksheet's cells as a grid (row r, 1-based, is rows[r - 1]; column c is rows[r - 1][c - 1]; empty cells
 * are ''), each cell the value a person sees:
 * - a formula gives its cached result (the formula's text is never read); one saved without a result (`<f>`, no
 *   `<v>`: written by a program that does not calculate) is FORMULA_WITHOUT_RESULT, which the parser says at its
 *   cell, never '' (blank, or the column's default). The SheetXmlFilter leaves an empty `<f/>` where it dropped a
 *   formula, so that is known here;
 * - a number in a date or time format is a Date at UTC (shared/calendar.ts `serialToUtcDate`);
 * - text is a string (shared, inline or a formula's text result), rich text runs joined;
 * - TRUE/FALSE are booleans; an error is its text ('#REF!', '#N/A', ...).
 * Merged ranges are collected as A1 references for the caller to fill.
 */
/** An xsd:boolean attribute that is true ("1" or "true"). */
const isTrue = (value: string | undefined) => value === '1' || value === 'true';

export class SheetReader implements PartReader {
  readonly rows: Cell[][] = [];
  readonly merges: string[] = [];
  /** Rows hidden (`<row hidden="1">`, by the person or a filter) and columns hidden (`<col hidden="1">`), 1-based. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  /**
   * The cells whose format centres their text across the cells after it (StylesReader centredStyles), blank ones
   * too: [0-based row, 0-based column], in the order written. See centredAcrossBlocks.
   */
  readonly centred: [row: number, column: number][] = [];
  /**
   * The format codes of number and date cells whose format shows a percent, a currency or a month without its day
   * (StylesReader numberFormatCodes),
   * where `rows` has their values; every other cell has none. Sparse: most sheets have no such cell.
   */
  readonly formats: (string | undefined)[][] = [];
  private formatCode: string | undefined;
  private cells: Cell[] = [];
  private rowIndex = -1;
  private column = -1;
  private type = '';
  private dateStyle = false;
  private hasValue = false;
  /** The cell has a formula (an `<f>`, emptied by the SheetXmlFilter). */
  private hasFormula = false;
  private value = '';
  private capture = Capture.None;
  private inInlineString = false;
  private inPhonetic = false;

  constructor(
    private readonly sharedStrings: readonly string[] | null,
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    /** The part's name, for the message when a reference is impossible. */
    private readonly part: string,
    /** Per cell format, the code of a percent or currency format (StylesReader numberFormatCodes). */
    private readonly formatCodes: readonly (string | undefined)[] = [],
    /** Per cell format, whether it centres across the cells after it (StylesReader centredStyles). */
    private readonly centredStyles: readonly boolean[] = [],
  ) {}

  private outside(problem: 'cellOutside' | 'rowOutside', ref: string): never {
    throw new ImpossiblePart(problem, { part: this.part, ref });
  }

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'c': {
        const ref = attributes.r;
        this.column = ref ? columnOf(ref) : this.column + 1;
        if (this.column >= MAX_COLUMNS)
          this.outside('cellOutside', ref ?? `R${this.rowIndex + 1}C${this.column + 1}`);
        this.type = attributes.t ?? 'n';
        const style = attributes.s === undefined ? undefined : Number(attributes.s);
        this.dateStyle = style !== undefined && this.dateStyles[style] === true;
        this.formatCode = style === undefined ? undefined : this.formatCodes[style];
        if (style !== undefined && this.centredStyles[style] === true)
          this.centred.push([this.rowIndex, this.column]);
        this.hasValue = false;
        this.hasFormula = false;
        this.value = '';
        break;
      }
      case 'f':
        this.hasFormula = true;
        break;
      case 'v':
        this.hasValue = true;
        this.capture = Capture.Value;
        break;
      case 'is':
        this.hasValue = true;
        this.inInlineString = true;
        break;
      case 't':
        if (this.inInlineString && !this.inPhonetic) this.capture = Capture.InlineText;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 'row': {
        const number = attributes.r;
        this.rowIndex = number ? Number(number) - 1 : this.rowIndex + 1;
        if (!Number.isInteger(this.rowIndex) || this.rowIndex < 0 || this.rowIndex >= MAX_ROWS)
          this.outside('rowOutside', number ?? String(this.rowIndex + 1));
        this.column = -1;
        this.cells = [];
        if (isTrue(attributes.hidden)) this.hiddenRows.add(this.rowIndex + 1);
        break;
      }
      case 'col': {
        const min = Number(attributes.min);
        const max = Math.min(Number(attributes.max ?? attributes.min), MAX_COLUMNS);
        if (isTrue(attributes.hidden) && Number.isInteger(min) && Number.isInteger(max))
          for (let c = Math.max(min, 1); c <= max; c++) this.hiddenColumns.add(c);
        break;
      }
      case 'mergeCell':
        if (attributes.ref) this.merges.push(attributes.ref);
        break;
    }
  }

  text(text: string): void {
    if (this.capture !== Capture.None) this.value += text;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capture = Capture.None;
        break;
      case 'is':
        this.inInlineString = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c': {
        if (this.column < 0) break;
        // A formula with a <v>, even an empty one (a formula whose result is ""), has its result; without, none.
        if (!this.hasValue && !this.hasFormula) break;
        const value = this.hasValue ? this.cellValue() : FORMULA_WITHOUT_RESULT;
        if (value === '') break;
        const cells = this.cells;
        while (cells.length < this.column) cells.push('');
        cells[this.column] = value;
        if (this.formatCode !== undefined && (typeof value === 'number' || value instanceof Date))
          (this.formats[this.rowIndex] ??= [])[this.column] = this.formatCode;
        break;
      }
      case 'row':
        if (this.cells.length && this.rowIndex >= 0) {
          while (this.rows.length < this.rowIndex) this.rows.push([]);
          this.rows[this.rowIndex] = this.cells;
        }
        break;
    }
  }

  private cellValue(): Cell {
    const text = this.value;
    switch (this.type) {
      case 's': {
        if (!this.sharedStrings) throw new MissingSharedStrings();
        const index = text.trim(); // as a number's <v>, it may be written with spaces or line breaks around it
        return DECIMAL.test(index) ? (this.sharedStrings[Number(index)] ?? '') : '';
      }
      case 'str':
      case 'inlineStr':
        return unescapeXstring(text);
      case 'b':
        return text.trim() === '1' || text.trim() === 'true';
      case 'e':
        return text;
      case 'd': {
        // An ISO 8601 date-time (strict Open XML); without a zone it is the sheet's wall time, as a serial is.
        const date = new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : `${text}Z`);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        const trimmed = text.trim();
        if (trimmed === '') return '';
        if (!DECIMAL.test(trimmed)) return text;
        const number = Number(trimmed);
        if (!this.dateStyle) return number;
        return serialToUtcDate(this.date1904 ? number + SERIAL_1904_OFFSET : number);
      }
    }
  }
}

/**
 * The blocks of text centred across several cells without a merge (Excel's "Center Across Selection"), from the
 * cells formatted so (SheetReader centred) and the sheet's values: a cell that holds something is centred over the
 * cells right after it that are blank and formatted so too, as Excel shows it; the standard has the sheet write a
 * cell element for each cell spanned (ECMA-376 Part 1 §18.18.40, centerContinuous). Blocks of one cell are left out.
 * 1-based and inclusive, one row high.
 */
export function centredAcrossBlocks(
  rows: readonly (readonly Cell[] | undefined)[],
  centred: readonly (readonly [number, number])[],
): MergedRange[] {
  const byRow = new Map<number, Set<number>>();
  for (const [row, column] of centred) {
    let columns = byRow.get(row);
    if (!columns) byRow.set(row, (columns = new Set()));
    columns.add(column);
  }
  const blank = (cell: Cell | undefined) => cell === undefined || cell === null || cell === '';
  const blocks: MergedRange[] = [];
  for (const [row, columns] of byRow) {
    const cells = rows[row] ?? [];
    for (const left of [...columns].sort((a, b) => a - b)) {
      if (blank(cells[left])) continue;
      let right = left;
      while (columns.has(right + 1) && blank(cells[right + 1])) right++;
      if (right > left) blocks.push({ top: row + 1, left: left + 1, bottom: row + 1, right: right + 1 });
    }
  }
  return blocks;
}
