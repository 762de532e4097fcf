/**
 * What a number cell's format shows, and the text a person typed to get it.
 *
 * A spreadsheet turns typed text into a number and a format: `+20%` typed into a cell is the number 0.2 shown as a
 * percent, `$90,000` is 90000 shown as dollars. A reader that takes only the cell's value has lost the sign, so a
 * Target of `+20%` in a key result counted in sign-ups would read as 0.2 sign-ups, and `$90,000` in one counted in
 * EUR as 90,000 euros, with no word, where the same text in a cell formatted as text (or a file) is refused at its
 * cell. So every reader hands the parser each plan tab's number formats beside its values (`setNumberFormats`), and
 * the parser reads a number whose format shows a percent sign or a currency, in a column people type numbers into
 * (template.ts `typedNumberColumns`), as the text it stands for (`typedTextOf`): `20%`, `$90,000`, in full
 * precision, with the spreadsheet's decimal sign. The parser's own checks of units, currencies and percents then
 * apply unchanged, and its messages show the cell as it looks.
 *
 * A format that shows a multiple (`#,##0"萬"`: 120 shows as 120萬; `#,##0,"K"`: 120000 shows as 120K, each trailing
 * comma dividing by 1,000) is read the same way, as the text the cell shows in full precision (`120萬`, `120K`):
 * the person reads 120萬 there, 1,200,000 in a key result counted in 元 (120 in one counted in 萬元). The multiple
 * words are the parser's own (cells.ts multipleAfterNumber); a format that adds another word (`0"人"`) is read as
 * the number it is. General is a placeholder for the whole number, as General shows it (ungrouped): Chinese Excel
 * users write a unit after it, `General"萬"`, which shows 3000 as 3000萬, read so; plain General shows nothing more.
 *
 * Only the parser's reading changes: the cell stays a number for what reads it as the spreadsheet does (the
 * Targets tab's formulas, shared/formula-inputs.ts), and a 20% conversion target formatted as a percent is still
 * read as 0.2, with no new issue.
 *
 * Format codes are those of Google Sheets (https://developers.google.com/sheets/api/guides/formats) and of
 * SpreadsheetML (ECMA-376 Part 1 §18.8.31 numFmts), which share their grammar: sections split by `;` (positive,
 * negative, zero, text), text in double quotes and after a backslash shown as it is, `[...]` for a colour, a
 * condition or a locale and currency tag (`[$€-407]`, `[$USD]`), `_x` a space as wide as x, `*x` a fill.
 */
import { currencyCodes, multipleAfterNumber } from './cells';
import type { DecimalMark } from './locale-syntax';

/**
 * The names of General in a format code, lower-cased: `General`, and `G/通用格式`, as a Chinese Excel's Format Cells
 * names it, which some writers store in the file (`G/通用格式"万"`). Neither is a date token, though `G` and `e` are.
 */
const GENERAL_NAMES = ['general', 'g/通用格式'];

/** The length of the name of General at `i` in a format code (see GENERAL_NAMES), or 0. */
export function generalNameAt(code: string, i: number): number {
  for (const name of GENERAL_NAMES)
    if (code.slice(i, i + name.length).toLowerCase() === name) return name.length;
  return 0;
}

/** The format code without its names of General, for a test of its date tokens. */
export function withoutGeneral(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const n = generalNameAt(code, i);
    if (n) i += n - 1;
    else out += code[i];
  }
  return out;
}

/** What a format shows beside the digits, for one section (the sign's). */
export interface FormatShows {
  /** An unquoted `%`: the number is shown times 100, with the sign. */
  percent: boolean;
  /** The currency sign or code the format writes (`$`, `€`, `NT$`, `USD`), when it names one the parser knows. */
  currency: string | null;
  /** The currency comes after the digits (`#,##0.00 [$€-407]`). */
  currencyAfter: boolean;
  /**
   * The digits are General's (`General"萬"`, `"NT$"General`): the number as General shows it, with no grouping
   * (3000萬, not 3,000萬). Absent for digit placeholders (`0`, `#,##0`).
   */
  general?: true;
  /**
   * A multiple shown beside the digits (`#,##0"萬"`, `0.0,,"百萬"`, `#,##0,\K`, `0" K users"`): the number is read as
   * the cell shows it, `120萬`, `12.5萬`, `120K`, since the person reads 120萬 there, and 1,200,000 where the metric
   * counts 元. Absent when the format shows none.
   */
  multiple?: {
    /**
     * The text shown after the digits, from the multiple on, as readNumber reads it (`萬`, `萬元`, `K users`,
     * `million` for ` millions`); when the multiple is before the digits, the text before them (`萬 `), as shown.
     */
    text: string;
    /** The multiple comes before the digits: no way a number is written, which the parser says at its cell. */
    before: boolean;
    /** A space between the digits and the text (`120 K users`). */
    spaced: boolean;
    /** Commas after the last digit placeholder: the number shown is the cell's divided by 1,000 for each. */
    thousands: number;
  };
  /**
   * Digit placeholders after a literal dot (`0\.0,"萬"`, `0!.0000"萬"`, `0"."0000"萬"`) in a section with no decimal
   * point of its own: Excel and LibreOffice fill the placeholders from the right across the literal, so the dot
   * shows the number divided by 10 for each (2000 in `0\.0,"萬"` shows 0.2萬, 50000 in `0!.0000"萬"` 5.0000萬).
   * Absent when there is none.
   */
  literalDecimals?: number;
  /**
   * The section shows something the plan does not read as shown, so the number is read as the cell holds it and
   * the parser says so at the cell (format-not-read): `layout`, literal characters among the digits other than
   * one dot (`0\-0000"萬"`); `word`, a mainland shorthand for 萬 the plan does not read (`0.00"w"`); `condition`,
   * conditions ([>=10000]) that choose no section for the number.
   */
  unread?: 'layout' | 'word' | 'condition';
}

/** A tab's number formats, as its grid's cells (row r, column c at [r][c], 0-based); rows or cells may be missing. */
export type FormatGrid = readonly (readonly (string | null | undefined)[] | null | undefined)[];

/**
 * Each grid's number formats, as its reader found them. Kept beside the grid rather than in it: a cell stays the
 * value the spreadsheet holds, for everything else that reads it. The formats follow the grid object (through
 * sheet-grid.ts and into any Workbook that holds it); a copy of the grid has none, as its cells are no longer
 * those read.
 */
const FORMATS = new WeakMap<object, FormatGrid>();

/** Records a grid's number formats (a reader calls this once per tab it has read). */
export function setNumberFormats<T extends object>(grid: T, formats: FormatGrid | null | undefined): T {
  if (formats && formats.length > 0) FORMATS.set(grid, formats);
  return grid;
}

/** A grid's number formats, if its reader gave them. */
export function numberFormatsOf(grid: object | null | undefined): FormatGrid | undefined {
  return grid ? FORMATS.get(grid) : undefined;
}

/** A section's condition (`[>=10000]`, `[<0]`, `[<>5]`): the number it shows. */
interface Condition {
  op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  bound: number;
}

/** A format code's sections (what each shows, see section) and their conditions. */
interface Classified {
  sections: readonly (FormatShows | null)[];
  conditions: readonly (Condition | null)[];
  /** Some section shows a percent, a currency or a multiple (or something unread). */
  shows: boolean;
}

/** Nothing beside the digits: the answer for most formats, shared. */
const PLAIN: Classified = { sections: [null], conditions: [null], shows: false };
const KNOWN = new Map<string, Classified>();
/** What no section chosen for the number means: read as held, and said (FormatShows.unread). */
const NO_SECTION: FormatShows = { percent: false, currency: null, currencyAfter: false, unread: 'condition' };

function classified(code: string): Classified {
  let known = KNOWN.get(code);
  if (!known) {
    known = classify(code);
    if (KNOWN.size >= 1000) KNOWN.clear();
    KNOWN.set(code, known);
  }
  return known;
}

/**
 * What a format code shows beside the digits for this number (its section chosen as the spreadsheet chooses it:
 * by the conditions, [>=10000], when the code has some, else by the sign), or for a number of this sign (`true`
 * for a negative one: the sections by sign alone), or null when it shows neither a percent, a currency nor a
 * multiple (General, `0.00`, `#,##0`, `0"人"`, a date or time, text `@`). Remembered per code: a tab has few.
 */
export function formatShows(code: string, value: number | boolean = false): FormatShows | null {
  const known = classified(code);
  if (!known.shows) return null;
  const { sections } = known;
  if (typeof value === 'boolean') return (value && sections.length > 1 ? sections[1] : sections[0]) ?? null;
  const chosen = chosenSection(known, value);
  return chosen === undefined ? NO_SECTION : (sections[chosen] ?? null);
}

/** Whether some section of the code shows a percent, a currency or a multiple, whatever number the cell holds. */
export function formatShowsAny(code: string): boolean {
  return classified(code).shows;
}

const meets = (c: Condition, v: number): boolean =>
  c.op === '<'
    ? v < c.bound
    : c.op === '<='
      ? v <= c.bound
      : c.op === '>'
        ? v > c.bound
        : c.op === '>='
          ? v >= c.bound
          : c.op === '='
            ? v === c.bound
            : v !== c.bound;

/**
 * The section that shows this number, as Excel and LibreOffice choose it: without conditions, by its sign (one
 * section for all; two, the second for negatives; three, the third for zero); with a condition on the first (and
 * maybe the second), the first whose condition it meets, else the one after them (with one condition and three
 * sections, the second for negatives, the third for the rest). Undefined when none is chosen (two sections with
 * conditions both unmet, a condition after a section without one).
 */
function chosenSection({ sections, conditions }: Classified, v: number): number | undefined {
  const n = sections.length;
  if (!conditions.some(Boolean)) {
    if (n === 1) return 0;
    if (n === 2) return v < 0 ? 1 : 0;
    return v > 0 ? 0 : v < 0 ? 1 : 2;
  }
  const [first, second] = conditions;
  if (!first) return undefined;
  if (meets(first, v)) return 0;
  if (n === 1) return undefined;
  if (second) {
    if (meets(second, v)) return 1;
    return n >= 3 ? 2 : undefined;
  }
  if (n === 2) return 1;
  return v < 0 ? 1 : 2;
}

function classify(code: string): Classified {
  const trimmed = code.trim();
  if (!trimmed || generalNameAt(trimmed, 0) === trimmed.length) return PLAIN;
  // A fourth section is for text: numbers are shown by the first three.
  const texts = splitSections(code).slice(0, 3);
  const sections = texts.map(section);
  const conditions = texts.map(conditionOf);
  if (sections.every((s) => s === null)) return PLAIN;
  return { sections, conditions, shows: true };
}

/** The condition in a section's brackets (`[>=10000]`), if it has one. */
function conditionOf(text: string): Condition | null {
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const c = /^\s*(<=|>=|<>|<|>|=)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i.exec(m[1]);
    if (c) return { op: c[1] as Condition['op'], bound: Number(c[2]) };
  }
  return null;
}

/** The code's sections, split at each `;` that is not quoted, escaped or in brackets. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === '\\' || ch === '!' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === ';') {
      sections.push(code.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(code.slice(start));
  return sections;
}

/** Characters of a number's placeholders and punctuation: not literal text. */
const NUMBER_TOKENS = new Set(['0', '#', '?', '.', ',', '/', 'E', 'e', '+', '-', ' ', '(', ')']);
/** Date and time tokens (outside quotes and brackets): such a section shows a date, not a number. */
const DATE_TOKEN = /[ymdhsbg]|am\/pm|a\/p/i;

/** One section: its percent sign, currency and multiple, or null when it shows none (or shows a date, or text). */
function section(text: string): FormatShows | null {
  let percent = 0;
  const found: { currency: string | null; after: boolean } = { currency: null, after: false };
  let digitsSeen = false;
  /** Literal characters shown together (bare or escaped), tested as a currency when a token ends them. */
  let run = '';
  let runAfter = false;
  let bare = '';
  /** What the section shows before the first digit placeholder, and after the last one (a multiple's words). */
  let shownBefore = '';
  let shownAfter = '';
  /** Commas since the last digit placeholder, and those that scale (see FormatShows.multiple). */
  let commas = 0;
  let thousands = 0;
  /** The digits are General's: the number with no grouping (see FormatShows.general). */
  let general = false;
  /**
   * The section's digit placeholders (`d`), decimal point (`p`) and literal text, in order, to find the literals
   * among the digits (FormatShows.literalDecimals); null after a fraction's slash or an exponent, whose digits are
   * not one number's.
   */
  let layout: string[] | null = [];
  const shown = (literal: string) => {
    if (digitsSeen) shownAfter += literal;
    else shownBefore += literal;
    layout?.push(literal);
  };
  const candidate = (literal: string, after: boolean) => {
    if (found.currency !== null) return;
    const word = literal.trim().replace(/^[()+\-\s]+|[()+\-\s]+$/g, '');
    if (word && currencyCodes(word)) {
      found.currency = word;
      found.after = after;
    }
  };
  const flush = () => {
    if (run) candidate(run, runAfter);
    run = '';
  };
  const literal = (ch: string) => {
    if (!run) runAfter = digitsSeen;
    run += ch;
    shown(ch);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    // General (any case) is a placeholder for the whole number, as General shows it: `General"萬"` shows 3000 as
    // 3000萬, as Chinese Excel writes a unit after General.
    const generalName = generalNameAt(text, i);
    if (generalName) {
      flush();
      thousands += commas;
      commas = 0;
      digitsSeen = true;
      general = true;
      shownAfter = '';
      i += generalName - 1;
      continue;
    }
    // Commas after a digit placeholder scale by 1,000 each, unless another placeholder follows: then they group.
    if (ch !== ',' && ch !== '0' && ch !== '#' && ch !== '?') {
      thousands += commas;
      commas = 0;
    }
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      const quoted = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      // Quoted text is shown as it is: a currency when it is one ("$", " €"), a multiple ("萬", " K"), else nothing
      // to read ("%", " users").
      flush();
      candidate(quoted, digitsSeen);
      shown(quoted);
    } else if (ch === '\\' || ch === '!') {
      // Excel's `!x`, as `\x`: the character x shown as it is (0!.0,"萬" shows 2000 as 0.2萬).
      literal(text[i + 1] ?? '');
      i++;
    } else if (ch === '_' || ch === '*') {
      flush();
      if (ch === '_') shown(' ');
      else layout?.push('*');
      i++; // a space as wide as the next character, or a fill with it
    } else if (ch === '[') {
      flush();
      const end = text.indexOf(']', i + 1);
      const inside = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      // [$€-407], [$USD], [$NT$-404]: the currency before the locale, which is cut at its first hyphen, since a
      // locale may hold more ([$€-x-euro2], Excel's "€ 123", and [$€-de-DE]); [$-409] names a locale only. Colours
      // and conditions ([Red], [>=100]) show nothing; [h], [mm], [ss] are elapsed time.
      if (/^[hms]+$/i.test(inside)) return null;
      if (inside.startsWith('$')) {
        const dash = inside.indexOf('-', 1);
        const sign = dash > 0 ? inside.slice(1, dash) : inside.slice(1);
        candidate(sign, digitsSeen);
        shown(sign);
      }
    } else if (ch === '%') {
      flush();
      percent++;
    } else if (ch === '@') {
      return null; // a text section
    } else if (ch === '0' || ch === '#' || ch === '?') {
      flush();
      digitsSeen = true;
      commas = 0;
      layout?.push('d');
      // What was shown before it is between digits, not after them.
      shownAfter = '';
    } else if (NUMBER_TOKENS.has(ch)) {
      flush();
      if (ch === ',' && digitsSeen) commas++;
      else if (ch === ' ') shown(ch);
      else if (ch === '.') layout?.push('p');
      else if (ch === '/' || ch === 'E' || ch === 'e') layout = null;
    } else if (/[a-z]/i.test(ch)) {
      flush();
      bare += ch;
    } else {
      literal(ch);
    }
  }
  thousands += commas;
  flush();
  // Letters outside quotes: date or time tokens (a date shows no percent or money).
  if (DATE_TOKEN.test(bare)) return null;
  // Two percent signs show the number times 10,000: no text a person types means that.
  if (percent > 1) return null;
  // "w" after the digits, mainland shorthand for 萬 (0.32w is 3,200), which no reading of the plan takes as 萬
  // (typed "0.32w" is refused): the number is read as held, and that said, never as 0.32 with no word.
  if (!percent && found.currency === null && /^w(?![a-z])/.test(shownAfter.trim()))
    return { percent: false, currency: null, currencyAfter: false, unread: 'word' };
  const multiple = percent ? undefined : multipleShown(shownBefore, shownAfter, found, thousands);
  if (!percent && found.currency === null && !multiple) return null;
  const among = literalsAmongDigits(layout);
  return {
    percent: percent === 1,
    currency: found.currency,
    currencyAfter: found.after,
    ...(general ? { general: true as const } : {}),
    ...(multiple ? { multiple } : {}),
    ...(among === 'unread' ? { unread: 'layout' as const } : among ? { literalDecimals: among } : {}),
  };
}

/**
 * The literal text among a section's digit placeholders: 0 for none; the placeholders after it when it is one dot
 * in a section with no decimal point (`0\.0000`: 4, see FormatShows.literalDecimals); `unread` for any other
 * (`0\-0000`, a dot beside a decimal point), whose text is no number the plan reads.
 */
function literalsAmongDigits(layout: readonly string[] | null): number | 'unread' {
  if (!layout) return 0;
  const first = layout.indexOf('d');
  const last = layout.lastIndexOf('d');
  if (first < 0) return 0;
  const among = layout.slice(first, last + 1);
  const literals = among.filter((t) => t !== 'd' && t !== 'p');
  if (literals.length === 0) return 0;
  if (literals.join('') === '.' && !among.includes('p'))
    return among.slice(among.indexOf('.') + 1).filter((t) => t === 'd').length;
  return 'unread';
}

/**
 * The multiple a section shows (see FormatShows.multiple), from the text it shows after its digits (`萬元`,
 * ` K users`) or before them (a currency sign first: `NT$萬 `), when that text begins with a multiple the parser reads
 * (cells.ts multipleAfterNumber, the parser's own table); undefined for any other text (`人`, ` sign-ups`).
 */
function multipleShown(
  before: string,
  after: string,
  currency: { currency: string | null; after: boolean },
  thousands: number,
): FormatShows['multiple'] {
  const trimmed = after.trim();
  const found = multipleAfterNumber(trimmed);
  // A small m alone ("45m", 0"m") is a label of minutes or metres more often than a million: the number is read as
  // it is held, with nothing asked about a million the person never typed.
  if (found && /^m$/.test(trimmed.slice(0, found.length)) && trimmed.length === found.length)
    return undefined;
  if (found) {
    const text = `${found.word}${trimmed.slice(found.length)}`;
    return { text, before: false, spaced: /^\s/.test(after), thousands };
  }
  let shownBefore = before.trim();
  if (currency.currency !== null && !currency.after && shownBefore.startsWith(currency.currency))
    shownBefore = shownBefore.slice(currency.currency.length).trim();
  if (!shownBefore || !multipleAfterNumber(shownBefore)) return undefined;
  return { text: before.trim(), before: true, spaced: /\s$/.test(before), thousands };
}

/**
 * A finite number's digits as plain decimal text (no grouping, "." for decimals), times 10^shift exactly (the
 * decimal sign moved `shift` places, to the right, or to the left when it is negative), from the shortest text that
 * reads back as the number (String): 0.2 with shift 2 is "20", never 20.000000000000004; 1234567 with shift -6 is
 * "1.234567". Very large and very small numbers keep an exponent ("1.5e-5").
 */
function decimalDigits(value: number, shift: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e >= 0) return `${text.slice(0, e)}e${Number(text.slice(e + 1)) + shift}`;
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let digits = whole + (dot < 0 ? '' : text.slice(dot + 1));
  let point = whole.length + shift;
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, '0');
  const fraction = digits.slice(point).replace(/0+$/, '');
  const before = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  return fraction ? `${before}.${fraction}` : before;
}

/**
 * Plain decimal text grouped in thousands and written with the spreadsheet's decimal sign: 1,200.5 or 1.200,5;
 * ungrouped (1200.5, 1200,5) as General shows a number (`grouped` false).
 */
function inLocale(digits: string, mark: DecimalMark, grouped = true): string {
  if (digits.includes('e')) return mark === ',' ? digits.replace('.', ',') : digits;
  const dot = digits.indexOf('.');
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? '' : digits.slice(dot + 1);
  const group = mark === ',' ? '.' : ',';
  const shown = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return fraction ? `${shown}${mark}${fraction}` : shown;
}

/**
 * The text a person typed to get this number in a cell of this format, in full precision (never the rounded text
 * the cell displays), written as the spreadsheet's locale writes numbers: `20%`, `12.5%`, `$90,000`, `NT$1,200,000`,
 * `1.200,5 €` where decimals are written with a comma. Null when the format shows neither a percent nor a currency
 * the parser knows: the number is read as it is. The parser reads the text back to the same number.
 */
export function typedTextOf(value: number, code: string, mark: DecimalMark): string | null {
  if (!Number.isFinite(value)) return null;
  const shows = formatShows(code, value);
  if (!shows || shows.unread) return null;
  const sign = value < 0 ? '-' : '';
  const multiple = shows.multiple;
  // A literal dot among the digits shows them divided by 10 for each placeholder after it (0.2萬 for 2000 in
  // 0\.0,"萬"), written with the decimal sign the text is read with, ungrouped (as the spreadsheet groups such
  // digits, 1,23.5萬, the text is no number).
  const literal = shows.literalDecimals ?? 0;
  const grouped = !shows.general && !literal;
  if (multiple) {
    // As the cell shows it, in full precision: 120 in #,##0"萬" is 120萬; 120000 in #,##0,"K" is 120K (not 120000K).
    const shown = inLocale(decimalDigits(Math.abs(value), -3 * multiple.thousands - literal), mark, grouped);
    const space = multiple.spaced ? ' ' : '';
    if (multiple.before) return `${sign}${multiple.text}${space}${shown}`;
    const currency = shows.currency !== null && !shows.currencyAfter ? shows.currency : '';
    const gap = /[a-z]$/i.test(currency) ? ' ' : '';
    return `${sign}${currency}${gap}${shown}${space}${multiple.text}`;
  }
  const number = inLocale(decimalDigits(Math.abs(value), (shows.percent ? 2 : 0) - literal), mark, grouped);
  const percent = shows.percent ? '%' : '';
  const currency = shows.currency;
  if (currency === null) return `${sign}${number}${percent}`;
  // A code is set apart by a space (USD 90,000); a sign before the digits is not ($90,000), after them it is (90 €).
  if (shows.currencyAfter) return `${sign}${number}${percent} ${currency}`;
  return `${sign}${currency}${/[a-z]$/i.test(currency) ? ' ' : ''}${number}${percent}`;
}

/**
 * Whether a date format shows a month but no day (`yyyy"年"m"月"`, `[$-804]yyyy"年"m"月"`, `mmm-yy`, `mmmm yyyy`,
 * `yyyy/m`, `yyyy-mm`): what Excel, Google Sheets and LibreOffice give a cell into which a month was typed without
 * its day ("2026年3月", "Mar 2026", "2026/3"), holding the month's first day. Such a cell is a month, and the parser
 * reads it as the same month typed as text (a Due: its last day). The one definition for every reader.
 *
 * Read from the first section (dates are positive numbers), outside quoted text, escaped characters (`\x`, `!x`),
 * spacing and fills (`_x`, `*x`) and brackets (a locale `[$-804]`, a colour; an elapsed time `[h]`, `[mm]` is a time).
 * A day (`d`, `dd`), a weekday (`ddd`, `dddd`, and `aaa`, `aaaa` of a Chinese or Japanese Excel) or a time of day
 * (`h`, `s`, AM/PM) shows more than a month; without them `m` can only be the month (it is minutes only beside `h`
 * or `s`). A year alone (`yyyy`) shows no month.
 */
export function showsMonthNotDay(code: string | null | undefined): boolean {
  if (!code) return false;
  let known = MONTH_NOT_DAY.get(code);
  if (known === undefined) {
    known = monthNotDay(code);
    if (MONTH_NOT_DAY.size >= 1000) MONTH_NOT_DAY.clear();
    MONTH_NOT_DAY.set(code, known);
  }
  return known;
}

const MONTH_NOT_DAY = new Map<string, boolean>();

function monthNotDay(code: string): boolean {
  const first = splitSections(code)[0];
  // Elapsed time ([h], [mm], [ss]) is a time; any other bracket (a locale, a colour, a condition) shows no token.
  if (/\[(?:h+|m+|s+)\]/i.test(first)) return false;
  const bare = first
    .replace(/"[^"]*"?/g, '')
    .replace(/[\\!_*]./gs, '')
    .replace(/\[[^\]]*\]?/g, '')
    .replace(/am\/pm|a\/p/gi, 'h')
    .replace(/general/gi, '#');
  if (/[0#?@]/.test(bare)) return false; // digits or text: a number or text format, not a date
  if (/[dahs]/i.test(bare)) return false;
  return /m/i.test(bare);
}
