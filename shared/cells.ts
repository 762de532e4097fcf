/**
 * Reading one cell as spreadsheets hand it over (Apps Script getValues(), exceljs, plain JSON):
 * numbers, strings, booleans, Dates, '' for empty, and error strings such as '#REF!'.
 * Every reader returns a value or a reason; none throws on user data.
 */
import {
  dateToIso,
  isoDate,
  isoToSerial,
  isRealDay,
  lastDay,
  monthOf,
  serialToIso,
  type IsoDate,
} from './calendar';
import type { DecimalMark } from './locale-syntax';
import { monthEdgeOf, monthHeaderOf, normalizeHeader, spanOf } from './template';

export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = Cell[][];
/** A workbook as tab name → rows of cells, the one input shape of the parser. */
export type Workbook = Record<string, Grid>;

export type Read<T> =
  { ok: true; value: T } | { ok: false; reason: ReadFailure; found?: string; other?: string };
/**
 * Why a cell could not be read. The two mismatches carry `found`: the currency or unit typed in the cell, as typed
 * (the caller names the expected one, which it passed in); a unit-mismatch's `other` is the number in the metric's
 * unit where the two convert exactly (convertUnit: "0.5" for 30分钟 in 小时). `decimal-mark`: text that is a number only with the
 * other decimal sign ("2,5" where decimals are written "2.5"); `found` is the text spelled with the right one.
 * `ambiguous-m`: an `m` after the number in a metric counted in a unit of time or length (45m in minutes, in 分), or
 * in one without a Unit, which may be that unit or a million; `found` is the number before it, as typed ("45").
 * `grouped-in-fours`: digits grouped in fours with commas, as 萬 and 億 group them ("5,0000"), where commas group
 * thousands; `found` is the text with them taken out ("50000"), and `other` the text read with a decimal comma
 * ("1.2345" for "1,2345") where that is a reading too.
 * `compact-date`: a date typed without separators (1151231 for Minguo 115/12/31, 20261231, 202612), as a number or as
 * text; `found` is the day meant (see compactDate). `date-out-of-range`: a number (or a date value) that is a day
 * far outside DATE_YEARS (2026 typed alone is 1905-07-18); `found` is that day.
 * `unit-in-plain-number`: a unit, a currency or a multiple typed with a plain number (NumberContext.plain: "2x", "$2"
 * for a weight); `found` is what was typed beside the number, `other` the number the text makes (String(n)).
 */
export type ReadFailure =
  | 'formula-error'
  | 'formula-without-result'
  | 'not-a-number'
  | 'not-a-date'
  | 'blank'
  | 'currency-mismatch'
  | 'unit-mismatch'
  | 'unit-in-plain-number'
  | 'decimal-mark'
  | 'ambiguous-m'
  | 'grouped-in-fours'
  | 'compact-date'
  | 'date-out-of-range'
  | 'span-date';

const ERROR_VALUE = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)/i;

/**
 * What people type in a choice cell that does not apply to the row (a Direction for a milestone, a Phasing for a
 * threshold): a dash, N/A, 無, 不適用. Read as blank, the column's default, as Sheets' own data validation would
 * take an empty cell; the formulas of the Targets tab read such a cell as no spelling of any choice, the default too.
 */
const NOT_APPLICABLE = /^(?:[-–—―]+|n\/?a|none|無|无|不適用|不适用)$/i;

/** Whether a cell says the column does not apply to its row (NOT_APPLICABLE). */
export const isNotApplicable = (cell: Cell): boolean => {
  if (typeof cell !== 'string') return false;
  // Most cells start with a letter or digit no N/A spelling starts with: those are not normalised (every Type,
  // Direction and Phasing of a plan passes here). NFKC leaves ASCII letters and digits as they are.
  const first = cell.charCodeAt(0);
  const lower = first | 0x20;
  if ((lower >= 0x61 && lower <= 0x7a && lower !== 0x6e) || (first >= 0x30 && first <= 0x39)) return false;
  return NOT_APPLICABLE.test(cell.normalize('NFKC').trim());
};

export function isBlank(cell: Cell): boolean {
  if (typeof cell === 'string') return !startsVisibly(cell) && cell.trim() === '';
  return cell === null || cell === undefined;
}

/**
 * True when the text begins and ends with a printable ASCII character (`!` to `~`), so trimming would change
 * nothing. Most cells are like that ("KR12", "2026-03-31"), and the parser reads hundreds of thousands of them
 * in a 10,000-key-result plan: this test spares them the work of `trim`. Anything else, including
 * the Unicode spaces `trim` removes, goes the usual way.
 */
const visible = (code: number) => code > 32 && code < 127;
const startsVisibly = (text: string) => text.length > 0 && visible(text.charCodeAt(0));
const trimmed = (text: string) =>
  startsVisibly(text) && visible(text.charCodeAt(text.length - 1)) ? text : text.trim();

export function isErrorValue(cell: Cell): boolean {
  return typeof cell === 'string' && (cell === FORMULA_WITHOUT_RESULT || ERROR_VALUE.test(cell.trim()));
}

/**
 * What the .xlsx reader hands over for a formula cell saved without its result (`<c><f>0.7</f></c>`, no `<v>`): a
 * program that writes formulas without calculating them (exceljs, openpyxl, a script) saves them so. Spreadsheets
 * always save the result, so such a cell's value is unknown, not blank: read as '' it was taken as empty (a Target
 * "is empty") or as the column's default (a Baseline of 0, a Weight of 1), silently. Error-like, as a formula's
 * error is (isErrorValue), so every reader that passes errors over passes it over too; the parser says it at its
 * cell (formula-without-result). A user cannot type it: a real error value has no control character.
 */
export const FORMULA_WITHOUT_RESULT = '#\u0000NO RESULT';

/** Whether a cell is a formula saved without its result (FORMULA_WITHOUT_RESULT). */
export const isFormulaWithoutResult = (cell: Cell): boolean => cell === FORMULA_WITHOUT_RESULT;

/**
 * A finite number as the log and the parser write one (String(n): "1000000", "0.25", "-1.5e-7"), or null for any
 * other text: the change log writes such a value as a number, and the report shows it in its metric's unit.
 */
export function plainNumber(text: string): number | null {
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A cell as trimmed text: what a person sees, good for names and IDs. */
export function cellText(cell: Cell, timeZone = 'UTC'): string {
  if (typeof cell === 'string') return trimmed(cell);
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateToIso(cell, timeZone) ?? '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  // A boolean as a spreadsheet shows it (a checkbox's value, or TRUE typed): TRUE, FALSE.
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

/** Invisible format characters pasted from the web, Word or a PDF: zero-width space and joiners, direction marks,
 * the soft hyphen, the byte-order mark (Unicode category Cf). They show as nothing, so no ID or number holds one. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const plainAscii = (text: string) => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 126 || code < 32) return false;
  }
  return true;
};

/**
 * An ID or a reference to one (a key result in a KPI row or a check-in, an objective, a department) as compared:
 * the cell's text with full-width letters and digits as a Chinese input method types them made plain (ＫＲ１ is
 * KR1) and invisible format characters dropped ("\u200BKR1" is KR1). Names and notes keep what was typed.
 */
export function idText(cell: Cell, timeZone = 'UTC'): string {
  const text = cellText(cell, timeZone);
  if (plainAscii(text)) return text;
  return text
    .replace(FORMAT_CHARACTERS, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

/**
 * Typed text as a number or a date is read from it: invisible format characters dropped, then NFKC, which turns
 * full-width digits, signs and punctuation (１２，０００、＄、￥) into their usual forms. Null when a character NFKC
 * would turn into a digit, and that is not one as typed, touches a digit: a footnote mark (170000¹), a superscript
 * or subscript (10²), a circled or parenthesised number (①5000), a fraction (5½); "170000¹" is not 1,700,001. In a
 * unit after the amount it is part of the unit ("1,200 ft²", "5 km²").
 */
function typedText(text: string): string | null {
  if (plainAscii(text)) return text.trim();
  const chars = [...text.replace(FORMAT_CHARACTERS, '')];
  // ASCII and the full-width digits (U+FF10–FF19) are digits as typed.
  const typedDigit = (ch: string | undefined) => ch !== undefined && /[0-9\uFF10-\uFF19]/.test(ch);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch.charCodeAt(0) <= 126 || typedDigit(ch) || !/\d/.test(ch.normalize('NFKC'))) continue;
    if (typedDigit(chars[i - 1]) || typedDigit(chars[i + 1]) || i === 0) return null;
  }
  return chars.join('').normalize('NFKC').trim();
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: ReadFailure, found?: string, other?: string): Read<T> =>
  found === undefined
    ? { ok: false, reason }
    : other === undefined
      ? { ok: false, reason, found }
      : { ok: false, reason, found, other };

// ---------------------------------------------------------------------------------------------------
// Numbers as people type them. No npm package reads 50萬, NT$170,000 and 1.5M alike while refusing the rest, so
// these tables are the grammar; docs/template.md lists them (scripts/docs-template.ts).

/**
 * Multipliers typed right after a number, as powers of ten: 50k, 1.5M, 2B; 2,5 Mio.; 5 lakh; 5千, 50萬 / 50万,
 * 1.2億 / 1.2亿.
 */
export const NUMBER_SCALES: readonly (readonly [word: string, exponent: number])[] = [
  ['k', 3],
  ['thousand', 3],
  ['m', 6],
  ['mn', 6],
  ['million', 6],
  ['b', 9],
  ['bn', 9],
  ['billion', 9],
  // German business writing: 2,5 Tsd., 1,2 Mio., 3 Mrd.
  ['tsd', 3],
  ['tsd.', 3],
  ['mio', 6],
  ['mio.', 6],
  ['mrd', 9],
  ['mrd.', 9],
  // Indian: 5 lakh (lakhs, lac, lacs), 2 crore (crores, Cr, Cr.).
  ['lakh', 5],
  ['lakhs', 5],
  ['lac', 5],
  ['lacs', 5],
  ['crore', 7],
  ['crores', 7],
  ['cr', 7],
  ['cr.', 7],
  ['百', 2],
  ['千', 3],
  ['仟', 3],
  ['萬', 4],
  ['万', 4],
  ['十萬', 5],
  ['十万', 5],
  ['百萬', 6],
  ['百万', 6],
  ['千萬', 7],
  ['千万', 7],
  ['億', 8],
  ['亿', 8],
  ['十億', 9],
  ['十亿', 9],
  ['百億', 10],
  ['百亿', 10],
  ['千億', 11],
  ['千亿', 11],
];

/**
 * ISO 4217 code → the signs, codes and names people type for that currency only (both Chinese scripts, English
 * names singular and plural; case, spaces and dots aside: U.S. Dollars is US dollar). Any other three upper-case
 * letters (SEK, THB…) are read as that ISO code. A name that may mean several stays out: a bare pound (a weight,
 * or Egypt's), franc (Switzerland's or West Africa's), won (a deal), real, rupee; dollar, 元 and Rs. are signs several
 * currencies share (below). A Chinese name with 元 after it is that currency (新台幣元, 人民幣元: see currencyOf).
 */
export const CURRENCY_ALIASES: Record<string, readonly string[]> = {
  USD: [
    'USD',
    'US$',
    '美元',
    '美金',
    'US dollar',
    'US dollars',
    'United States dollar',
    'United States dollars',
  ],
  TWD: [
    'TWD',
    'NTD',
    'NT$',
    'NTD$',
    'NT',
    '新台幣',
    '新台币',
    '新臺幣',
    '台幣',
    '台币',
    '臺幣',
    'New Taiwan dollar',
    'New Taiwan dollars',
    'Taiwan dollar',
    'Taiwan dollars',
  ],
  HKD: ['HKD', 'HK$', 'HKD$', '港幣', '港币', '港元', 'Hong Kong dollar', 'Hong Kong dollars'],
  CNY: ['CNY', 'RMB', 'CN¥', '人民幣', '人民币', 'renminbi', 'yuan', 'Chinese yuan', 'yuan renminbi'],
  JPY: ['JPY', 'JP¥', '円', '日圓', '日圆', '日元', '日幣', '日币', 'yen', 'Japanese yen'],
  EUR: ['EUR', '€', '歐元', '欧元', 'euro', 'euros'],
  GBP: [
    'GBP',
    '£',
    '英鎊',
    '英镑',
    'pound sterling',
    'pounds sterling',
    'sterling',
    'British pound',
    'British pounds',
  ],
  SGD: [
    'SGD',
    'S$',
    '新加坡元',
    '新加坡幣',
    '新加坡币',
    '新幣',
    '新币',
    '星幣',
    '星币',
    'Singapore dollar',
    'Singapore dollars',
  ],
  KRW: ['KRW', '₩', '韓元', '韩元', '韓幣', '韩币', 'Korean won', 'South Korean won'],
  AUD: ['AUD', 'A$', 'AU$', '澳元', '澳幣', '澳币', 'Australian dollar', 'Australian dollars'],
  CAD: ['CAD', 'C$', 'CA$', '加元', '加幣', '加币', 'Canadian dollar', 'Canadian dollars'],
  NZD: ['NZD', 'NZ$', '紐元', '纽元', '紐幣', '纽币', 'New Zealand dollar', 'New Zealand dollars'],
  MOP: [
    'MOP',
    'MOP$',
    '澳門元',
    '澳门元',
    '澳門幣',
    '澳门币',
    '葡幣',
    '葡币',
    'pataca',
    'patacas',
    'Macanese pataca',
  ],
  CHF: ['CHF', '瑞士法郎', '瑞郎', 'Swiss franc', 'Swiss francs'],
  BRL: ['BRL', 'R$', 'Brazilian real', 'Brazilian reais'],
  INR: ['INR', '₹', 'Indian rupee', 'Indian rupees'],
};

/**
 * Signs several currencies share. Typed alone, one matches any of them: `$170,000` in a TWD plan is NT$, `¥` in a
 * CNY plan is yuan, `元` in a TWD plan is NT dollars. (Full-width ＄ and ￥ are read as $ and ¥.)
 */
export const SHARED_CURRENCY_SIGNS: readonly { signs: readonly string[]; codes: readonly string[] }[] = [
  { signs: ['$', 'dollar', 'dollars'], codes: ['USD', 'TWD', 'HKD', 'SGD', 'AUD', 'CAD', 'NZD', 'MOP'] },
  { signs: ['¥'], codes: ['CNY', 'JPY'] },
  { signs: ['元', '圓', '圆', '塊', '块'], codes: ['CNY', 'TWD', 'HKD', 'MOP'] },
  // Rs. (and ₨, which is Rs under NFKC): the rupee of India, Pakistan, Sri Lanka, Nepal, Mauritius or the Seychelles,
  // as $ is a dollar. (The word rupee stays out, as CURRENCY_ALIASES says.)
  { signs: ['Rs'], codes: ['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR'] },
];

/**
 * Units known by several names (both Chinese scripts, singular and plural). A number followed by a unit is read
 * when the unit is the metric's own Unit: the same text, or two names of one unit here (2 hours = 2 小時).
 */
export const UNIT_ALIASES: Record<string, readonly string[]> = {
  hours: ['h', 'hr', 'hrs', 'hour', 'hours', '小時', '小时', '時', '时', '鐘頭', '钟头', '時數', '时数'],
  minutes: ['min', 'mins', 'minute', 'minutes', '分鐘', '分钟', '分'],
  days: ['d', 'day', 'days', '天', '日'],
  weeks: ['wk', 'wks', 'week', 'weeks', '週', '周', '星期'],
  months: ['mo', 'mos', 'month', 'months', '月', '個月', '个月'],
  years: ['yr', 'yrs', 'year', 'years', '年'],
  'sign-ups': ['sign-up', 'sign-ups', 'signup', 'signups', '註冊', '注册', '註冊數', '注册数'],
  customers: ['customer', 'customers', '客戶', '客户', '家'],
  users: ['user', 'users', '用戶', '用户', '使用者'],
  people: ['person', 'persons', 'people', '人', '位', '名', '人數', '人数'],
  times: ['x', 'times', '次', '次數', '次数', '人次'],
  'percentage points': ['pp', 'pps', 'percentage point', 'percentage points', '百分點', '百分点'],
  pieces: ['pc', 'pcs', 'piece', 'pieces', '個', '个', '件'],
  seconds: ['s', 'sec', 'secs', 'second', 'seconds', '秒', '秒鐘', '秒钟'],
  metres: ['m', 'metre', 'metres', 'meter', 'meters', '米', '公尺'],
  kilometres: ['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers', '公里'],
  centimetres: ['cm', 'centimetre', 'centimetres', 'centimeter', 'centimeters', '厘米', '公分'],
  millimetres: ['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters', '毫米', '公釐', '公厘'],
  miles: ['mi', 'mile', 'miles', '英里', '哩'],
  feet: ['ft', 'foot', 'feet', '英尺', '呎'],
};

/**
 * 分 after a number: minutes (UNIT_ALIASES), or a point in a metric counted in points or scores (38分 of an NPS).
 * Those Units are kept out of UNIT_ALIASES, so they are still no unit the number reader knows otherwise (a 45% typed
 * for an NPS stays percent-in-unit).
 */
const POINT_OR_MINUTE = '分';
const SCORE_UNITS = ['point', 'points', 'pt', 'pts', 'score', 'scores', 'NPS', 'CSAT'].concat([
  '分數',
  '分数',
  '得分',
  '評分',
  '评分',
  '積分',
  '积分',
  '點數',
  '点数',
]);
let scoreUnitKeys: Set<string> | undefined;
const countsScores = (unit: string): boolean =>
  (scoreUnitKeys ??= new Set(SCORE_UNITS.map(wordKey))).has(wordKey(unit));

/**
 * Units of UNIT_ALIASES that convert exactly into one another, each as a whole number of the smallest of its kind:
 * time in seconds (a day is 24 hours, a week 7 days), months in months (a year is 12; a month has no fixed number
 * of days, so months and years convert only into each other), length in micrometres (a foot is 0.3048 m, a mile
 * 1,609.344 m, as defined). A unit not here (sign-ups, 人, 工作天) converts into none.
 */
const UNIT_SIZES: Readonly<Record<string, { kind: 'time' | 'months' | 'length'; size: number }>> = {
  seconds: { kind: 'time', size: 1 },
  minutes: { kind: 'time', size: 60 },
  hours: { kind: 'time', size: 3_600 },
  days: { kind: 'time', size: 86_400 },
  weeks: { kind: 'time', size: 604_800 },
  months: { kind: 'months', size: 1 },
  years: { kind: 'months', size: 12 },
  millimetres: { kind: 'length', size: 1_000 },
  centimetres: { kind: 'length', size: 10_000 },
  metres: { kind: 'length', size: 1_000_000 },
  kilometres: { kind: 'length', size: 1_000_000_000 },
  feet: { kind: 'length', size: 304_800 },
  miles: { kind: 'length', size: 1_609_344_000 },
};

/**
 * A number typed in one unit (`from`, a name UNIT_ALIASES knows: 分钟, min, 天) as a number of another (`to`: 小时,
 * hours), when both are of one kind in UNIT_SIZES and the result is exact in 10 significant digits: 30 minutes is
 * 0.5 hours, 2 天 48 小时, 90 min 1.5 h; 10 minutes (0.1666… hours), 1 小时 in days, 2 months in weeks are undefined.
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  const a = UNIT_SIZES[unitOf(from) ?? ''];
  const b = UNIT_SIZES[unitOf(to) ?? ''];
  if (!a || !b || a.kind !== b.kind) return undefined;
  const converted = (value * a.size) / b.size;
  const short = Number(converted.toPrecision(10));
  return Number.isFinite(converted) && short === Number(converted.toPrecision(15)) ? short : undefined;
}

/**
 * Units in which `m` after a number could be the unit, or a unit like it, as much as a million: `45m` in a metric
 * counted in minutes (or hours, or months), `90 m` in one counted in kilometres. There it is refused (see readNumber);
 * in a metric counted in metres it is the metre, the metric's own unit.
 */
const M_IS_AMBIGUOUS_IN: ReadonlySet<string> = new Set([
  'hours',
  'minutes',
  'seconds',
  'days',
  'weeks',
  'months',
  'years',
  'kilometres',
  'centimetres',
  'millimetres',
  'miles',
  'feet',
]);

/**
 * Units not known by name (UNIT_ALIASES) that still count time or length, where `m` after a number may be the unit
 * as much as a million: 分, 工作天, 天數, 人天, 工時, 月數, ms, man-days, business days, sprints, 公里數, and the names of a
 * length of time (runway, tenure, CAC payback, a sales cycle, 回本期, 年資), whose `(M)` is months. A Chinese Unit
 * counts time only when it is a time word as a whole (with a measure before it, 人天, 工作天, or 數 after it, 天數):
 * a character of time inside another word counts things, where `2m` is two million: 日活 and 月活 (daily and
 * monthly actives), 積分 and 分數 (points, a score), 月營收 (a month's revenue).
 */
const CHINESE_TIME_OR_LENGTH_UNIT =
  /^(人|工作|工|營業|营业|個|个|曆|历|自然)?(天|日|小時|小时|時|时|鐘頭|钟头|工時|工时|分|分鐘|分钟|秒|毫秒|週|周|星期|禮拜|礼拜|月|個月|个月|年|季|米|公尺|公里|尺|英尺|英里)(數|数)?$/;
/**
 * "time" as a length of time (time saved, response time); not full-time, part-time, first-time or real-time, which
 * say what kind of thing is counted.
 */
const A_TIME = String.raw`(?<!\b(full|part|first|real|one|any|over)[-\s]?)\btime\b`;
const ENGLISH_TIME_OR_LENGTH_WORD = new RegExp(
  String.raw`\b(ms|msecs?|millis\w*|secs?|mins?|hrs?|wks?|mos?|yrs?|sprints?|quarters?|qtrs?|km|cm|mm|mi|ft|inch(es)?|yards?|miles?)\b|(second|minute|hour|day|week|month|year|metre|meter)s?\b|${A_TIME}|\b(up|down|run)time\b`,
  'i',
);
/**
 * The name of a length of time as the Unit's last word (Runway, Tenure, CAC payback, Sales cycle, Contract term,
 * Customer lifetime): `(M)` after it, or `18m`, is months as often as millions. Only as the last word: in Lifetime
 * revenue, Term deposits, Cycle count or Long-term revenue the word says what kind of thing is counted.
 */
const ENGLISH_DURATION_LAST =
  /(?<![-\w])(runway|tenure|payback|lifetime|duration|age|horizon|term|cycle|period)\s*$/i;
/** The Chinese names of a length of time: 回本期, 回收期, 銷售週期, 期限, 年資, 壽命 (as the Unit's end). */
const CHINESE_DURATION_NAME = /(週期|周期|回本期|回收期|期限|存續期|存续期|年資|年资|壽命|寿命)$/;
const PER_TIME =
  /(\b(per|a|an|each|every)\s+|\/\s*)(second|sec|minute|min|hour|hr|day|week|wk|month|mo|quarter|qtr|year|yr)s?\b/gi;
const countsTimeOrLength = (unit: string): boolean => {
  const compact = unit.replace(/\s+/g, '');
  // 分數 is a score, not a number of minutes.
  if (compact === '分數' || compact === '分数') return false;
  // A time after "per", "a" or "/" counts things in that time (sign-ups per month, users/day): not a time.
  const things = unit.replace(PER_TIME, '');
  // A time named as such: 回應時間, 觀看時長 (a response time, a watch time), as "time saved", "downtime" in English;
  // not full-time, part-time, first-time or real-time, which say what kind of thing is counted.
  return (
    CHINESE_TIME_OR_LENGTH_UNIT.test(compact) ||
    /(時間|时间|時長|时长)$/.test(compact) ||
    CHINESE_DURATION_NAME.test(compact) ||
    ENGLISH_TIME_OR_LENGTH_WORD.test(things) ||
    ENGLISH_DURATION_LAST.test(things.trim())
  );
};

/**
 * How `m` after a number reads in a metric counted in `unit` (its Unit as typed): the metre, where the metric counts
 * metres; a million where the Unit counts money or things (USD, 萬元, sign-ups, K users, leads); ambiguous where it
 * counts time or length (minutes, 分, 工作天, ms, km) or names no unit at all: there `45m` is refused (ambiguous-m)
 * unless the cell names a currency.
 */
const mReading = remembered((unit): 'metre' | 'million' | 'ambiguous' => {
  const text = unit.normalize('NFKC').trim();
  if (text === '') return 'ambiguous';
  const scaled = scaledUnit(text);
  // A Unit that is a multiple alone (萬, thousands) counts a number: m is a million there.
  if (scaled && scaled.rest === '') return 'million';
  const rest = scaled ? scaled.rest : text;
  // A unit named in brackets after a word: 距離 (m), 回應時間 (min).
  const known =
    unitOf(rest) ?? unitOf(/\(([^()]+)\)$/.exec(rest.replace(/（/g, '(').replace(/）/g, ')'))?.[1] ?? '');
  if (known === 'metres') return 'metre';
  if (known !== undefined) return M_IS_AMBIGUOUS_IN.has(known) ? 'ambiguous' : 'million';
  if (isCurrencyUnit(rest) || isPercentUnit(rest)) return 'million';
  return countsTimeOrLength(rest) ? 'ambiguous' : 'million';
});

/** Whether the text before an amount, or after its multiplier, names a currency: "$45m", "USD 45m", "45m USD". */
const namesMoney = (before: string, rest: string): boolean =>
  (before !== '' && currencyCodes(before) !== undefined) ||
  (rest !== '' && currencyCodes(rest) !== undefined);

/**
 * A function of a text, remembered per text: units and currencies are a few words, read for every key result and
 * check-in many times over (precision, check-ins, funnels), and working them out (NFKC, both scripts, patterns) is
 * the costly part. Bounded, for a long-running session.
 */
function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    // One lookup when the answer is known (nearly always): `has` is asked only for an undefined answer.
    const found = known.get(text);
    if (found !== undefined || known.has(text)) return found as T;
    const value = compute(text);
    if (known.size >= 10_000) known.clear();
    known.set(text, value);
    return value;
  };
}

/** A currency or unit as compared: normalised like headers (case, width, both scripts), without - and . */
const wordKey = remembered((text) => normalizeHeader(text).replace(/[-.]/g, ''));

let currencyIndex: Map<string, readonly string[]> | undefined;
let unitIndex: Map<string, string> | undefined;

/** The ISO codes a currency sign, code or name may mean, or undefined when it is not one. */
export const currencyCodes: (text: string) => readonly string[] | undefined = remembered(currencyOf);

let isoCurrencies: ReadonlySet<string> | null | undefined;
/**
 * Whether three capital letters are an ISO 4217 currency code, as the runtime's Intl knows them
 * (Intl.supportedValuesOf('currency'), ES2022): USD and TWD are, CTR, NPS, ARR and KPI are not, though Intl formats
 * any three letters as money. A runtime without that list takes every three capital letters for one.
 */
export function isIsoCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (isoCurrencies === undefined) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    isoCurrencies = supported ? new Set(supported('currency')) : null;
  }
  return isoCurrencies === null || isoCurrencies.has(code);
}

function currencyOf(text: string): readonly string[] | undefined {
  const trimmed = text.normalize('NFKC').trim();
  const known = currencyNamed(trimmed);
  if (known) return known;
  // A name and a code together, as a Currency cell may say it: 新台幣(NTD), 台幣 TWD, 港元（HKD）, Japanese yen (JPY).
  // Each part between brackets or separators is a name as a whole (Japanese yen), else each word of it (台幣 TWD).
  const parts = trimmed.split(/[()/、,]+/).filter((part) => part.trim() !== '');
  const each = parts.flatMap((part) => {
    const whole = currencyNamed(part.trim());
    return whole ? [whole] : part.split(/\s+/).filter(Boolean).map(currencyNamed);
  });
  if (each.length < 2 || each.some((codes) => codes === undefined)) return undefined;
  const common = each[0]!.filter((code) => each.every((codes) => codes!.includes(code)));
  return common.length > 0 ? common : undefined;
}

/**
 * The codes of one sign, code or name (CURRENCY_ALIASES, SHARED_CURRENCY_SIGNS, an ISO code), or of a Chinese name
 * with 元 after it, as Taiwan and the mainland name their money: 新台幣元, 新臺幣元, 人民幣元, 港幣元.
 */
function currencyNamed(text: string): readonly string[] | undefined {
  if (!currencyIndex) {
    currencyIndex = new Map();
    for (const [code, aliases] of Object.entries(CURRENCY_ALIASES))
      for (const alias of aliases) currencyIndex.set(wordKey(alias), [code]);
    for (const { signs, codes } of SHARED_CURRENCY_SIGNS)
      for (const sign of signs) currencyIndex.set(wordKey(sign), codes);
  }
  const known = currencyIndex.get(wordKey(text)) ?? (isIsoCurrencyCode(text) ? [text] : undefined);
  if (known) return known;
  const yuan = /^(.*\p{Script=Han})\s*(元|圓|圆)$/u.exec(text);
  return yuan ? currencyIndex.get(wordKey(yuan[1])) : undefined;
}

/**
 * The measure words Chinese puts between a number and what it counts (1,000 家客戶, 50 位用戶, 3 個客戶): before a unit
 * of the table, that unit.
 */
const MEASURE_WORD = /^[家个位名间笔张件台]/;

/** The unit a name denotes (a key of UNIT_ALIASES), or undefined. */
function unitOf(text: string): string | undefined {
  if (!unitIndex) {
    unitIndex = new Map();
    for (const [unit, aliases] of Object.entries(UNIT_ALIASES))
      for (const alias of aliases) unitIndex.set(wordKey(alias), unit);
  }
  const key = wordKey(text);
  const known = unitIndex.get(key);
  if (known !== undefined || key.length < 2 || !MEASURE_WORD.test(key)) return known;
  return unitIndex.get(key.slice(1));
}

/**
 * A Unit that makes the metric a percentage (its values ratios: 0.2 is 20%): `%` as most people type it, the
 * full-width `％` a Chinese input method gives and the small `﹪` (both `%` under NFKC), and the words for it in
 * the template's languages (percent, per cent, pct, percentage, 百分比, 百分率, 百分數). A word means the same as
 * the sign: 20% and 0.2 are the same target, and 20 typed where the plan says 20% is flagged at its cell
 * (percent-as-whole-number), never read as 2,000%. Case, width, spaces, dots and both Chinese scripts do not
 * matter ("Per cent", "PCT.", "百分數"), nor a sign in brackets after a word ("百分比(%)", "percent (%)").
 * Percentage points (百分點, pp) are not here: they count differences, as typed.
 */
export const PERCENT_UNIT_NAMES: readonly string[] = [
  '%',
  '％',
  '﹪',
  'percent',
  'percents',
  'per cent',
  'pct',
  'percentage',
  'percentages',
  '百分比',
  '百分率',
  '百分數',
  '百分数',
];
let percentUnits: Set<string> | undefined;
/** The sign or a word for it (PERCENT_UNIT_NAMES), as a Unit or after a number ("20 百分比"); not a rate's name. */
const isPercentWord = remembered((unit) => {
  if (unit === '%') return true;
  percentUnits ??= new Set(PERCENT_UNIT_NAMES.map(wordKey));
  const key = wordKey(unit);
  if (percentUnits.has(key)) return true;
  // A word with the sign in brackets after it: 百分比(%), percent (%).
  const bracketed = /^(.+?)[(（]([^()（）]+)[)）]$/.exec(key);
  return !!bracketed && percentUnits.has(bracketed[1]) && percentUnits.has(bracketed[2]);
});
export const isPercentUnit: (unit: string) => boolean = remembered(
  (unit) => isPercentWord(unit) || namesAShare(unit, wordKey(unit)),
);

/**
 * Whether a cell is a number typed as a percentage: with the sign ("15%", "+20%", "15 ％") or a percent word after
 * it ("20 percent", "20 百分比"), as text. A number a percent format shows is such text by then (RowReader asTyped).
 */
export function typedAsPercent(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const text = cell.normalize('NFKC').trim();
  if (text.endsWith('%')) return true;
  const word = /\d\s*([^\d\s][^\d]*)$/.exec(text);
  return !!word && isPercentWord(word[1].trim());
}

/**
 * Words for a rate that is no share of a whole, in the key wordKey makes (Simplified, no spaces): 频率 (frequency),
 * 汇率 (an exchange rate), 速率 (speed), 功率 (power), 倍率 (a multiple), 效率 (per hour as often as a %), 赔率 (odds),
 * 心率, 帧率, 码率 / 位元率 / 比特率, 采样率 / 取样率, 刷新率 / 更新率, 费率 (a price per unit as often as a %), 周转率
 * (turnover: 6 times a year).
 */
const NOT_A_SHARE_RATE = /(频|汇|速|功|倍|效|赔|心|帧|码|位元|比特|采样|取样|刷新|更新|费|周转)率/g;
/**
 * English rates that are no share: money (hourly, day, run and burn rates), speeds and frequencies, exchange rates.
 * The word before "rate", in lower case.
 */
const NOT_A_SHARE_RATE_WORDS: ReadonlySet<string> = new Set([
  'hourly',
  'daily',
  'day',
  'weekly',
  'monthly',
  'yearly',
  'annual',
  'run',
  'burn',
  'pay',
  'billing',
  'bill',
  'frame',
  'heart',
  'bit',
  'data',
  'sample',
  'sampling',
  'refresh',
  'baud',
  'flow',
  'exchange',
  'fx',
  'arrival',
  'turnover',
]);

/**
 * Chinese words for a share of a whole that have no 率 (a rate is found by its 率), in the key wordKey makes
 * (Simplified, no spaces), each weighed against what it might otherwise count:
 * - 占比 (佔比): a part's share of the whole (營收占比). Nothing else.
 * - 比例: a proportion (付費比例). Not 比例尺, a map's scale.
 * - 比重: a part's weight in the whole (營收比重). Its other sense, a specific gravity, is no plan's metric.
 * - 份额 (份額): a share (市場份額). Not 基金份额, a fund's units, which are counted.
 * - 市占 (市佔): a market share, as people shorten 市占率.
 * - 渗透 (滲透): penetration (市場滲透). Not 渗透测试, penetration tests, which are counted.
 * Rates (使用率, 覆蓋率, 佔有率) are shares by their 率 already.
 */
const CHINESE_SHARE_WORD = /占比|比例(?!尺)|比重|(?<!基金)份额|市占|渗透(?!测试)/;
/** After a Chinese share word, what makes the Unit a count of things: 份額（份）, 滲透（家）, 比例人數. */
const CHINESE_COUNT_AFTER = /(数|数量|次|人|个|家|份|件|笔|户)$/;

/**
 * English words for a share of a whole with no "rate" after them, each weighed against what it might otherwise
 * count. The singular only: the plural of each is a count of things. Only as the Unit's last word: Churn MRR,
 * Churn (#), Share count say what is counted.
 * - share: market share, share of voice, wallet share. Not `shares`, a count of stock, nor a share price.
 * - retention: the share kept (net revenue retention, D30 retention). Not a time kept (retention period, days).
 * - Not churn, nor margin: a churn is as often the customers lost, a gross margin as often dollars, as a share
 *   (a review found Churn MRR and a margin in dollars shown as 500,000%). Typed with a % sign, such a metric is
 *   read as a percentage anyway (percent-in-unit); churn rate and margin % are shares by their words.
 * - conversion: the share converted (trial-to-paid conversion). Not `conversions`, a count, nor a conversion value.
 * - penetration: the share reached. Not penetration tests, which are counted.
 * - utilisation (utilization), occupancy, adoption: the share in use, occupied, adopting. Not the hours used or the
 *   beds occupied (a plural after the word: occupancy (beds)), nor `adoptions`.
 */
const ENGLISH_SHARE_WORD =
  /\b(share|retention|conversion|penetration|utili[sz]ation|occupancy|adoption)\b[\s-]*\(?\s*([a-z]*)/g;
/**
 * The word after an English share word that makes the Unit count something: a plural (conversion events, occupancy
 * (beds), retention (users); not gross, bonus) or a count, a price or a value (share count, share price, conversion
 * value).
 */
const ENGLISH_COUNT_AFTER =
  /^(?:[a-z]*[^su\W]s|price|count|number|value|worth|capital|amount|volume|test|testing|time|period|duration|window)$/;
/**
 * A length of time in the Unit, where a share word names a time (retention (days), time to conversion, utilisation
 * hours): a plural of a unit of time, not after a number (retention (30 days) is a 30-day retention), or a time, a
 * period, a duration (not full-time, first-time, real-time, which say what kind of thing is shared).
 */
const NAMES_A_TIME = new RegExp(
  String.raw`(?<!\d\s*)\b(seconds|secs|minutes|mins|hours|hrs|days|weeks|wks|months|mos|quarters|years|yrs)\b|${A_TIME}|\b(period|duration|lifetime)\b`,
);

/**
 * What may follow a share word at the end of a Unit: nothing, a note in brackets of no count (`(D30)`), `of …`
 * (share of voice), a percent sign: anything else (MRR, (#), count) says what is counted.
 */
const isLastWords = (after: string): boolean =>
  /^\s*(?:\([\p{L}\p{N}\s-]*\)|of\s+[\p{L}\s-]+|%)?\s*$/u.test(after);

/** Whether the Unit names a share in a word of CHINESE_SHARE_WORD or ENGLISH_SHARE_WORD, as it counts nothing else. */
function namesAShareInWords(text: string, key: string): boolean {
  const chinese = CHINESE_SHARE_WORD.exec(key);
  if (chinese) {
    const after = key.slice(chinese.index + chinese[0].length).replace(/[()]/g, '');
    if (!CHINESE_COUNT_AFTER.test(after)) return true;
  }
  // A share word with nothing after it that counts, in a Unit that names no time.
  for (const m of text.matchAll(ENGLISH_SHARE_WORD))
    if (!ENGLISH_COUNT_AFTER.test(m[2]) && isLastWords(text.slice(m.index + m[1].length)))
      return !NAMES_A_TIME.test(text);
  return false;
}

/**
 * A Unit that names a share of a whole rather than the % sign or a word for it: one with a % in it (`轉換率 %`,
 * `% of leads`, `rate (%)`) or that speaks of percent (`percent of leads`, `轉換百分比`), a Chinese rate (轉換率,
 * 转化率, 成長率, 留存率, 點擊率, 比率, 率), an English one (`conversion rate`, `churn rate`, `rate`, CTR, CVR), or a word
 * for a share (佔比, 比例, 比重, 份額, 市佔, 滲透; market share, retention, churn, gross margin, conversion,
 * penetration, utilisation, occupancy, adoption: CHINESE_SHARE_WORD, ENGLISH_SHARE_WORD). Its values are ratios like
 * those of `%`. Not a share: points (percentage points: `% pts`, `pp`, `ppt`, 百分點; basis points, `bps`), which
 * count differences as typed; the rates of NOT_A_SHARE_RATE and NOT_A_SHARE_RATE_WORDS; a rate or share of money or
 * per something (`rate (USD)`, `rate per hour`, `率(元/次)`, `margin (USD)`, `margin ($M)`); a share word that
 * names a count or a time (conversion value, retention (days)), and a percentile or a score out of a hundred
 * (百分制, 百分位), which are no share.
 */
function namesAShare(unit: string, key: string): boolean {
  if (key === '') return false;
  const text = unit.normalize('NFKC').toLowerCase().trim();
  if (/\bpp\b|\bppts?\b|\bbps\b|\bpts?\b|points?|百分[点點]/.test(text)) return false;
  if (key.includes('%')) return true;
  // Percent named in words among others: percent of leads, percentage of users, 轉換百分比 (not percentile).
  if (/\bpercent(age)?s?\b|\bper\s*cent\b|\bpct\b/.test(text) || /百分(比|率|数)/.test(key)) return true;
  const chinese = key.includes('率') && key.replace(NOT_A_SHARE_RATE, '').includes('率');
  const english = /\b(rates?|ctr|cvr)\b/.test(text);
  const words = !chinese && !english && namesAShareInWords(text, key);
  if (!chinese && !english && !words) return false;
  // A rate of money or per something: rate (USD), USD/hr, 費率(元/次), rate per hour, 每小時.
  if (/[/$¥€£₩₹]|\bper\b|每/.test(text)) return false;
  if (text.split(/[^\p{L}]+/u).some((word) => word && currencyCodes(word) !== undefined)) return false;
  // A share word in a multiple is an amount: margin (k), 占比（萬元）, churn (M).
  if (words) return scaledUnit(unit) === undefined;
  if (chinese) return true;
  for (const m of text.matchAll(/([a-z]+)[\s-]*rates?\b/g))
    if (NOT_A_SHARE_RATE_WORDS.has(m[1])) return false;
  return true;
}

/** Whether a unit typed after a number is the metric's unit: the same words, or two names of one unit. */
export function sameUnit(typed: string, unit: string): boolean {
  const a = wordKey(typed);
  const b = wordKey(unit);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const known = unitOf(typed);
  if (a === POINT_OR_MINUTE && countsScores(unit)) return true;
  return known !== undefined && known === unitOf(unit);
}

/** What a number is read against: the plan's currency and the metric's unit, as typed ('' or absent: none). */
export interface NumberContext {
  /** The plan's Currency (Strategy tab): USD, NT$, 新台幣… */
  currency?: string;
  /**
   * The metric's Unit: hours, 小時, %, USD, sign-ups…; '' for a metric without one (where "45m" may be minutes as
   * much as a million, and is refused); absent for a cell that is no metric's value (a weight on the Targets tab).
   */
  unit?: string;
  /**
   * How the spreadsheet writes decimals (shared/locale-syntax.ts decimalMarkOf its locale): '.' (the default) reads
   * "1,234.5" as 1234.5; ',' reads "1.234,5" as 1234.5, as Sheets turns such text into a number in de_DE.
   */
  decimalMark?: DecimalMark;
  /**
   * The text is a number as its format shows it (shared/number-formats.ts: 100 shown as "NT$100"), not typed so: a
   * currency sign there is the format's, and says nothing of the amount's multiple. In a metric counted in 萬元,
   * "NT$100" typed as text is 100 元 (0.01 萬元, an amount in full), but 100 shown as NT$100 is 100 萬元.
   */
  shown?: boolean;
  /**
   * The cell holds a plain number, of no metric (a Weight, a Confidence): a unit or a currency there is no unit of the
   * metric and no amount of money, and a multiple no count of anything. Typed beside the number, they are refused
   * (`unit-in-plain-number`), never dropped: "$2" is no weight of 2, and "2x" says nothing the metric's Unit could
   * match. A percent sign stays a number (50% is 0.5). Shown by a format (`shown`), they are the format's, not typed.
   */
  plain?: boolean;
}

/** No plan currency, no unit: shared, as readNumber runs once per cell of an Actuals tab. */
const NO_CONTEXT: NumberContext = Object.freeze({});

// sign, currency before, sign, digits (with thousands separators), exponent, then the rest (scale, currency, unit).
// One pattern per decimal sign: with a dot, thousands are grouped with commas, spaces or apostrophes (Swiss
// 1'234.50), or in the Indian way (1,00,000); with a comma, with dots, spaces or apostrophes (NBSP and the narrow
// NBSP that French grouping uses are spaces by then: typedText normalises to NFKC). A group never starts with 0:
// "0,125" and "0.125" are decimals in one convention or the other, never 125.
const TYPED_NUMBER: Record<DecimalMark, RegExp> = {
  '.': /^([-+]?)\s*(\D*?)\s*([-+]?)([1-9]\d{0,2}(?:[, '’]\d{3})+(?:\.\d+)?|[1-9]\d?(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(?:e([-+]?\d+))?\s*(.*)$/is,
  ',': /^([-+]?)\s*(\D*?)\s*([-+]?)([1-9]\d{0,2}(?:[. '’]\d{3})+(?:,\d+)?|\d+(?:,\d*)?|,\d+)(?:e([-+]?\d+))?\s*(.*)$/is,
};
/** What groups thousands with each decimal sign: taken out of the digits before they are read. */
const GROUPING: Record<DecimalMark, RegExp> = { '.': /[, '’]/g, ',': /[. '’]/g };
let scalePattern: RegExp | undefined;

/**
 * A number, as a spreadsheet hands it over or as a person typed it. Accepts thousands separators ("1,000,000"),
 * full-width digits ("１２"), "20%" (→ 0.2), "-5", "1e3"; multipliers ("50k", "1.5M", "2B", "5千", "50萬", "1.2億");
 * a currency sign or code before or after ("$2.99", "NT$170,000", "TWD 170,000", "5000元", "1.2億 人民幣"), read
 * when it matches the plan's currency (or the metric's, when its Unit is a currency); a unit after ("2 hours",
 * "1 小時"), read when it is the metric's Unit. Decimals are written with the context's decimal sign: text that is a
 * number only with the other one ("2,5" in a dot-decimal spreadsheet) is refused as `decimal-mark`, never guessed
 * (or as the unit's or currency's mismatch, when that is wrong too). Never throws: anything else is a reason. Percent means a ratio.
 */
export function readNumber(cell: Cell, context: NumberContext = NO_CONTEXT): Read<number> {
  const mark = context.decimalMark ?? '.';
  const read = readNumberWith(cell, context, mark);
  if (read.ok || read.reason !== 'not-a-number' || typeof cell !== 'string') return read;
  const spelled = compoundSpelled(cell);
  if (spelled !== null) return readNumberWith(spelled, context, mark);
  // A number with the other decimal sign: said with the text to type. Where its unit or currency does not fit
  // the metric either, that is said instead: the text to type would only be refused again.
  if (mark === '.') {
    const fours = groupedInFours(cell, context);
    if (fours) return fours;
  }
  const other: DecimalMark = mark === '.' ? ',' : '.';
  const otherRead = readNumberWith(cell, context, other);
  if (!otherRead.ok && otherRead.reason === 'not-a-number') return read;
  if (!otherRead.ok) return otherRead;
  return fail('decimal-mark', respelled(typedText(cell) ?? cell, other, mark));
}

/**
 * A number said in Chinese with a multiplier after each part: 3萬5千 (35,000), 12萬5千, 3千5百 (3,500), 1億2千萬
 * (120,000,000), 1億2000萬. Each part is whole and smaller than the part before it counts in (5千 under a 萬), so the
 * sum is what the words say. A part without its multiplier after the last (3萬5, spoken for 35,000 but typed also
 * for 30,005) stays unread, as any other text.
 */
const COMPOUND_PART = /(\d+)(千萬|千万|百萬|百万|十萬|十万|億|亿|萬|万|千|仟|百|十)/y;
const COMPOUND_EXPONENTS: Readonly<Record<string, number>> = {
  億: 8,
  亿: 8,
  千萬: 7,
  千万: 7,
  百萬: 6,
  百万: 6,
  十萬: 5,
  十万: 5,
  萬: 4,
  万: 4,
  千: 3,
  仟: 3,
  百: 2,
  十: 1,
};

/** The text with a compound Chinese number (3萬5千) written as one number and multiplier (3.5萬), or null. */
function compoundSpelled(text: string): string | null {
  const normalized = text.normalize('NFKC');
  const start = normalized.search(/\d+(?:千|仟|百|十|萬|万|億|亿)/);
  if (start < 0) return null;
  let at = start;
  // A digit, a decimal sign or a sign of grouping before it makes it part of another number (1.5萬3千): unread.
  if (start > 0 && /[\d.,]/.test(normalized.charAt(start - 1))) return null;
  let total = 0;
  let before = Infinity;
  let parts = 0;
  let first = '';
  for (;;) {
    COMPOUND_PART.lastIndex = at;
    const m = COMPOUND_PART.exec(normalized);
    if (!m) break;
    const exponent = COMPOUND_EXPONENTS[m[2]];
    const value = Number(m[1]) * 10 ** exponent;
    if (exponent >= before || value >= 10 ** before) return null;
    total += value;
    first ||= m[2];
    before = exponent;
    at = COMPOUND_PART.lastIndex;
    parts++;
  }
  if (parts < 2 || !Number.isSafeInteger(total) || /^[\d.,]/.test(normalized.slice(at))) return null;
  // In the first part's multiplier (3.5萬), as a number typed with a multiplier is read: in a metric counted in 萬元
  // that is 3.5, where 35000 alone would be 35,000 萬元.
  const inFirst = total / 10 ** COMPOUND_EXPONENTS[first];
  return `${normalized.slice(0, start)}${inFirst}${first}${normalized.slice(at)}`;
}

/** Digits grouped in fours with commas (5,0000; 1,2345,6789), as 萬 and 億 group them, with a decimal part or not. */
const FOUR_DIGIT_GROUPS = /(?<![\d.,])(\d{1,4}(?:,\d{4})+)(\.\d+)?(?![\d,])/;

/**
 * Text whose digits are grouped in fours, as 萬 and 億 group them ("5,0000" for 50,000), in a spreadsheet where commas
 * group thousands: refused as `grouped-in-fours`, with the number written without its commas; with one comma and
 * digits after it that are not all 0 ("1,2345"), a decimal comma is a reading too (`other`). Undefined for any other
 * text, or where the number without commas is not read either (a unit or currency that does not fit: said instead).
 */
function groupedInFours(cell: string, context: NumberContext): Read<number> | undefined {
  const text = typedText(cell);
  if (text === null) return undefined;
  const m = FOUR_DIGIT_GROUPS.exec(text);
  if (!m) return undefined;
  const [typed, digits, decimals] = m;
  const grouped = text.replace(typed, digits.replace(/,/g, '') + (decimals ?? ''));
  const read = readNumberWith(grouped, context, '.');
  if (!read.ok) return undefined;
  const groups = digits.split(',');
  const decimal =
    groups.length === 2 && !decimals && !/^0+$/.test(groups[1])
      ? text.replace(typed, groups.join('.'))
      : undefined;
  return fail('grouped-in-fours', grouped, decimal);
}

/** The text with its number written with the decimal sign `to` and no grouping: "1.234,5 €" → "1234.5 €". */
function respelled(text: string, from: DecimalMark, to: DecimalMark): string {
  const digits = TYPED_NUMBER[from].exec(signed(text).replace(/%$/, ''))?.[4];
  if (!digits) return text;
  const plain = digits.replace(GROUPING[from], '').replace(from, to);
  return text.replace(digits, plain);
}

/** The minus signs people type as "-": the minus sign (U+2212), and a leading en dash (–500, as word processors
 * turn a typed hyphen). */
const signed = (text: string): string => text.replace(/\u2212/g, '-').replace(/^\u2013/, '-');

/** An amount in parentheses, as accounts write a negative one: the text inside, or null. */
const inParentheses = (text: string): string | null => /^\(\s*([^()+-][^()]*?)\s*\)$/.exec(text)?.[1] ?? null;

/**
 * The multiplier (NUMBER_SCALES) that the text after a number begins with, as readNumber reads it: the match, its
 * word first and the spaces after it included; null when there is none. 百 before 分 begins a percent word (20 百分比,
 * 90 百分點), not ×100.
 */
function numberScaleAt(after: string): RegExpExecArray | null {
  scalePattern ??= new RegExp(`^(${scaleAlternatives(NUMBER_SCALES)})(?![a-z])\\s*`, 'i');
  const scale = scalePattern.exec(after);
  return scale && scale[1] === '百' && after.charAt(scale[0].length) === '分' ? null : scale;
}

function readNumberWith(cell: Cell, context: NumberContext, mark: DecimalMark): Read<number> {
  if (isBlank(cell)) return fail('blank');
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not-a-number');
  if (typeof cell === 'boolean' || cell instanceof Date) return fail('not-a-number');
  if (cell === FORMULA_WITHOUT_RESULT) return fail('formula-without-result');
  if (isErrorValue(cell)) return fail('formula-error');
  const typed = typedText(String(cell));
  if (typed === null) return fail('not-a-number');
  let text = signed(typed);
  // A minus after the amount, as some ledgers write a negative ("5,000 USD-", "5%-", "1200-"): refused, never read
  // as the positive amount before it (a unit or currency is compared without its hyphens).
  if (/[-\u2013]$/.test(text)) return fail('not-a-number');
  // (1,234) is −1,234 where it is money, as accounts write it: said at the end, once the currency is known.
  const paren = inParentheses(text);
  if (paren !== null) text = `-${paren}`;
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1).trim();
  const m = TYPED_NUMBER[mark].exec(text);
  if (!m) return fail('not-a-number');
  const [, sign1, before, sign2, digits, exponentText, after] = m;
  if (sign1 && sign2) return fail('not-a-number');
  // A metric counted in 萬元 (or 千人, million USD): a bare number is in that unit, and an amount typed with its
  // own scale or unit ("4萬", "4萬元", "40000元") is converted into it: 4 萬元 either way, never 40,000 萬元.
  const unitScale = context.unit ? scaledUnit(context.unit) : undefined;
  // A metric's Unit as typed: '' when it has none (then "45m" is refused too); undefined for a cell of no metric.
  const typedUnit = context.unit;
  if (unitScale) context = { ...context, unit: unitScale.rest };
  let scale = numberScaleAt(after);
  if (scale && scale[1].length === 1 && scale[1].toLowerCase() === 'm') {
    // "45m" where the metric counts minutes (hours, 工作天, ms…) or names no unit may be 45 minutes or 45 million:
    // refused, never guessed, unless the cell names a currency ("$45m", "45m USD"). Where it counts metres, m is the
    // metre, its own unit: "90 m" is 90.
    // A capital M with no Unit is a million ("2M" of revenue); a small m there may be minutes, months or metres.
    const reading =
      typedUnit === undefined || (scale[1] === 'M' && typedUnit.trim() === '')
        ? 'million'
        : mReading(typedUnit);
    if (reading === 'metre') scale = null;
    else if (reading === 'ambiguous' && !namesMoney(before, after.slice(scale[0].length).trim()))
      return fail('ambiguous-m', `${sign1 || sign2}${digits}`);
  }
  let scaleLength = scale ? scale[0].length : 0;
  let scaleExponent = scale ? NUMBER_SCALES.find(([w]) => w === scale[1].toLowerCase())![1] : 0;
  // MM after an amount of money is a million, as finance writes it ("$1.2mm", "1.2 MM" in a USD metric); elsewhere
  // mm is the millimetre.
  // (The test of the first letter first: this runs for every typed amount, and nearly none is followed by an m.)
  const firstLetter = after.charAt(0).toLowerCase();
  if (!scale && firstLetter === 'm') {
    const mm = /^mm(?![a-z])\s*/i.exec(after);
    if (mm && (namesMoney(before, after.slice(mm[0].length).trim()) || isCurrencyUnit(typedUnit))) {
      scaleLength = mm[0].length;
      scaleExponent = CURRENCY_ONLY_SCALES.find(([word]) => word === 'mm')![1];
    }
  }
  const scaled = scaleLength > 0;
  const rest = scaled ? after.slice(scaleLength).trim() : after;
  if (percent && (before || scaled || rest)) return fail('not-a-number');
  // A percent sign in a metric counted in something else (sign-ups, hours, USD): "+20%" for "grow 20%" would be
  // a target of 0.2 sign-ups. Refused like money there; a Unit that speaks of percent ("% of leads") takes it.
  if (percent && context.unit && countsOtherThanPercent(context.unit)) return fail('unit-mismatch', '%');
  // A percent word after the number ("20 percent", "20 pct", "20 百分比") is the sign spelled out.
  if (!percent && paren === null && rest && !scaled && !before && isPercentWord(rest)) {
    if (context.unit && countsOtherThanPercent(context.unit)) return fail('unit-mismatch', rest);
    return readNumberWith(
      `${sign1 || sign2}${digits}${exponentText ? `e${exponentText}` : ''}%`,
      context,
      mark,
    );
  }
  const inUnitScale = unitScale && (scaled || ((before || rest) && !context.shown)) ? unitScale.exponent : 0;
  const exponent = Number(exponentText ?? 0) + scaleExponent - inUnitScale - (percent ? 2 : 0);
  // Decimal text and a power of ten, so 1.1M is exactly 1100000 and 7% exactly 0.07 (no float multiplication).
  const decimal = digits.replace(GROUPING[mark], '');
  const value = Number(`${sign1 || sign2}${mark === ',' ? decimal.replace(',', '.') : decimal}e${exponent}`);
  if (!Number.isFinite(value)) return fail('not-a-number');

  // A plain number (a Weight, a Confidence) with a currency, a unit the reader knows or a multiple typed beside it.
  // Other text beside it is no number, as anywhere.
  if (context.plain && !context.shown) {
    const known =
      (before === '' || currencyCodes(before) !== undefined) &&
      (rest === '' || currencyCodes(rest) !== undefined || unitOf(rest) !== undefined);
    if (known && (before !== '' || after !== ''))
      return fail('unit-in-plain-number', [before, after].filter(Boolean).join(' '), String(value));
  }
  let currency: readonly string[] | undefined;
  if (before) {
    currency = currencyCodes(before);
    if (!currency) return fail('not-a-number');
    const problem = checkCurrency(before, currency, context);
    if (problem) return problem;
  }
  if (rest) {
    const codes = currencyCodes(rest);
    if (codes) {
      // "NT$100元" is fine, "$100 EUR" says two different things.
      if (currency && !codes.some((c) => currency!.includes(c))) return fail('not-a-number');
      const problem = checkCurrency(rest, codes, context);
      if (problem) return problem;
    } else if (!(context.unit && sameUnit(rest, context.unit)) && !(context.shown && scaled)) {
      // A known unit that is not the metric's is a mismatch; other trailing text means it is not a number. (A word
      // a format shows after its multiple, 5 in `0"萬筆"` or `0"萬人"` shown as 5萬筆, is the format's, as the 筆 of
      // `#,##0"筆"` and the 人 of `0"人"` are, whose numbers are read as they are: the multiple is read, 50,000, and
      // the word is not, nor said to be no number when the person typed one.)
      if (unitOf(rest) === undefined) return fail('not-a-number');
      // The number in the metric's unit, where the two convert exactly (30分钟 where it counts 小时: 0.5), for the
      // fix to say: the number alone would be read in the metric's unit, 30 hours.
      const converted = context.unit && !unitScale ? convertUnit(value, rest, context.unit) : undefined;
      return fail('unit-mismatch', rest, converted === undefined ? undefined : String(converted));
    }
  }
  // Parentheses mean a negative amount of money only: "(70%)" or 5 hours in brackets are a note, not a minus.
  const money =
    before !== '' || (rest !== '' && currencyCodes(rest) !== undefined) || isCurrencyUnit(context.unit);
  if (paren !== null && !money) return fail('not-a-number');
  return ok(value);
}

/**
 * A Unit that counts something a percent sign cannot be: money, a unit the reader knows (hours, sign-ups, 人), a
 * unit in a multiple (K users), percentage and basis points (which count differences as typed: 20 pp or 20 ppt,
 * not 0.2; bps), or an English plural ("leads", "deals"). There "+20%" for "grow 20%" would be a target of 0.2
 * sign-ups: refused at the cell. A Unit that is a percentage ("conversion rate", "CTR", 转化率, 佔比, "% of leads")
 * takes a % sign as the ratio it writes, and so, in this reader, does one it does not place ("NPS", "score"): there a
 * Baseline or Target typed as a percentage is said by the parser (shared/parse.ts percentInUnit), not refused here.
 */
const countsOtherThanPercent = (unit: string): boolean => {
  const text = unit.normalize('NFKC').trim();
  if (/^(pp|pps|ppts?|pts?|bps|percentage\s*points?|basis\s*points?|百分點|百分点)$/i.test(text)) return true;
  if (isPercentUnit(text) || /[%﹪]|percent|per\s*cent|\bpct\b|百分/i.test(text)) return false;
  return (
    isCurrencyUnit(text) ||
    unitOf(text) !== undefined ||
    scaledUnit(text) !== undefined ||
    /^[a-z][a-z-]*[a-z]s$/.test(text)
  );
};

/** A metric's Unit that is a currency (USD, 新台幣, 萬元): its numbers are money. */
const isCurrencyUnit = (unit: string | undefined): boolean =>
  !!unit && currencyCodes(scaledUnit(unit)?.rest || unit) !== undefined;

/** A text as a regular expression matches it literally: its dots, brackets and signs escaped. */
export const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Scale words as a pattern's alternatives, longest first (千萬 before 千), their dots (Mio.) taken literally. */
const scaleAlternatives = (scales: typeof NUMBER_SCALES): string =>
  [...scales]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([word]) => literally(word))
    .join('|');

/**
 * Scale words a Unit may start with, or be: 萬元, 千人, 仟元, 百萬美元, million USD, 萬. Single letters (k, m, b) are left
 * out there (a Unit of "m" is metres more likely than millions; they count only beside a currency: K USD, USD M), and
 * so is 百 (百分比 is a percentage).
 */
const UNIT_SCALES = NUMBER_SCALES.filter(
  ([word]) => word !== '百' && (word.length > 1 || /[^a-z]/i.test(word)),
);
let unitScalePattern: RegExp | undefined;

const LETTER_SCALES = NUMBER_SCALES.filter(([word]) => /^[a-z]+$/.test(word));

/**
 * Ways a Unit says its multiple that are no multiplier after a number: the plurals (`thousands`, `USD millions`),
 * the accountants' thousands (`'000`, `000s`, `(000)`, `USD '000`, `$000`) and millions (`MM`, beside a currency
 * only: `mm` alone is millimetres).
 */
const UNIT_ONLY_SCALES: readonly (readonly [word: string, exponent: number])[] = [
  ['thousands', 3],
  ['millions', 6],
  ['billions', 9],
  ["'000s", 3],
  ["'000", 3],
  ['000s', 3],
  ['000', 3],
];
const CURRENCY_ONLY_SCALES: readonly (readonly [word: string, exponent: number])[] = [['mm', 6]];
/** The scale words and forms a Unit may count in, beside a currency or a known unit (see unitScale). */
const BESIDE_SCALES = [...LETTER_SCALES, ...UNIT_ONLY_SCALES, ...CURRENCY_ONLY_SCALES];
let unitScaleBefore: RegExp | undefined;
let unitScaleAfter: RegExp | undefined;
const exponentOf = (word: string) =>
  [...NUMBER_SCALES, ...UNIT_ONLY_SCALES, ...CURRENCY_ONLY_SCALES].find(
    ([w]) => w === word.toLowerCase().replace(/’/g, "'"),
  )![1];
/** Single letters (k, m, b) and MM: a multiple only beside a currency, or a single letter before a known unit. */
const isLetterOrMM = (word: string) => word.length === 1 || word.toLowerCase() === 'mm';

let pluralScalePattern: RegExp | undefined;
/**
 * The multiple a text shown after a number begins with (a number format's `"萬"`, `"萬元"`, `" K users"`,
 * `" millions"`): a multiplier readNumber reads after a number (NUMBER_SCALES: 萬, 千, K, M, mn, bn, thousand), or one
 * a Unit says (the plurals thousands, millions, billions; MM, a million beside money). `length` is the word's in the
 * text; `word` is how readNumber reads it after a number (a plural as its singular: `120 millions` is written
 * `120 million`; MM as it is, which readNumber reads as a million beside money only). Undefined for any other text
 * (`人`, ` users`, `百分比`, `km`).
 */
export function multipleAfterNumber(text: string): { word: string; length: number } | undefined {
  const scale = numberScaleAt(text);
  if (scale) return { word: scale[1], length: scale[1].length };
  pluralScalePattern ??= new RegExp(
    `^(${scaleAlternatives([...UNIT_ONLY_SCALES, ...CURRENCY_ONLY_SCALES].filter(([w]) => /^[a-z]+$/.test(w)))})(?![a-z])`,
    'i',
  );
  const plural = pluralScalePattern.exec(text);
  if (!plural) return undefined;
  const lower = plural[1].toLowerCase();
  const singular = NUMBER_SCALES.find(([w]) => `${w}s` === lower)?.[0];
  return { word: singular ?? plural[1], length: plural[1].length };
}

/**
 * A Unit that counts in a multiple: its power of ten and the unit after it (萬元 → 4, 元; 萬 → 4, ''; K USD and
 * USD K → 3, USD; thousands → 3, ''; K users → 3, users; USD '000 and $000 → 3, USD and $; USD MM → 6, USD); else
 * undefined.
 */
export const scaledUnit: (unit: string) => { exponent: number; rest: string } | undefined =
  remembered(unitScale);

function unitScale(unit: string): { exponent: number; rest: string } | undefined {
  const words = scaleAlternatives;
  // A scale word first, whatever follows: 萬元, 千人, million USD, thousands, '000 users, (000).
  unitScalePattern ??= new RegExp(
    `^(${words([...UNIT_SCALES, ...UNIT_ONLY_SCALES])})(?![a-z0-9])\\s*(.*)$`,
    'i',
  );
  const text = unit
    .normalize('NFKC')
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/’/g, "'")
    .trim();
  const m = unitScalePattern.exec(text);
  if (m) return { exponent: exponentOf(m[1]), rest: m[2].replace(/^\((.*)\)$/, '$1').trim() };
  // German business writing: a T before a currency is thousands of it (TEUR, T€, TCHF, TUSD: Tausend Euro), as
  // `Tsd. €` is; "in TEUR", also after the metric's name (Umsatz in TEUR), says the same. Three letters after the T
  // must be a currency (TWD, THB and TRY are currencies of their own, with two letters after the T).
  const thousandsOf = /^(?:.*\s)?(?:in\s+)?T\s?(€|\$|[A-Z]{3})$/.exec(text);
  if (thousandsOf && currencyCodes(thousandsOf[1])) return { exponent: 3, rest: thousandsOf[1] };
  const inBrackets = bracketedScale(text);
  if (inBrackets) return inBrackets;
  const chinese = chineseScaleAfter(text);
  if (chinese) return chinese;
  // Beside a currency: K USD, kUSD, M$, USD K, USD mn, NT$ M, USD thousands, USD '000, $000, USD MM. A currency's
  // own code is none of these (MNT is tögrög, not millions of NT).
  if (currencyCodes(text)) return undefined;
  unitScaleBefore ??= new RegExp(`^(${words(BESIDE_SCALES)})(\\s*)(.+)$`, 'i');
  unitScaleAfter ??= new RegExp(`^(.+?)\\s*\\(?(${words(BESIDE_SCALES)})\\)?$`, 'i');
  const before = unitScaleBefore.exec(text);
  if (before) {
    const [, word, space, rest] = before;
    if (currencyCodes(rest)) return { exponent: exponentOf(word), rest: rest.trim() };
    // A letter and a space before a known unit: K users, k sign-ups, M users (not km, ms or MB).
    if (word.length === 1 && space && unitOf(rest) !== undefined)
      return { exponent: exponentOf(word), rest: rest.trim() };
    // K, then a space or a hyphen and a word, is thousands of whatever the word counts: K MAU, K-users. (k is no unit
    // of its own in a plan; M and B stay beside known units, where M may be a metre or a month.)
    const named = /^[\s-]+(\p{L}.*)$/u.exec(space + rest);
    if (/^k$/i.test(word) && named) return { exponent: 3, rest: named[1].trim() };
  }
  // "in thousands" after any words: users in thousands, revenue in millions.
  const inScale = /^(.+?)\s+in\s+(thousands|millions|billions)$/i.exec(text);
  if (inScale) return { exponent: exponentOf(inScale[2]), rest: inScale[1] };
  const after = unitScaleAfter.exec(text);
  if (after) {
    const [, rest, word] = after;
    if (currencyCodes(rest)) return { exponent: exponentOf(word), rest: rest.trim() };
    // A word after a known unit: users thousands, sign-ups (000); never a letter (users m).
    if (!isLetterOrMM(word) && unitOf(rest) !== undefined)
      return { exponent: exponentOf(word), rest: rest.trim() };
  }
  return undefined;
}

/** A Unit as two of them are compared as text: width, case and the spaces around it do not matter. */
const unitText = (unit: string) => unit.normalize('NFKC').trim().toLowerCase();

/**
 * What a figure in Unit `from` is multiplied by to be read in Unit `to`: 0.001 from USD to K USD, 10,000 from 萬元
 * to 元, 1 for the same Unit (the same text, two names of one unit as sameUnit knows them: hours and 小時, or the %
 * sign and a word for it: % and percent); null when the two count different things (USD and sign-ups), whose
 * figures cannot be compared. Exact: 萬元 to 億元 is 0.0001, not the 0.0000999… that 10 ** -4 gives. A Unit
 * changed between two reports must not make every check-in a "correction" and the target a "change" (50,000
 * sign-ups and 50 K sign-ups are one target), nor show last month's figures in this month's Unit.
 */
export function unitFactor(from: string, to: string): number | null {
  if (unitText(from) === unitText(to)) return 1;
  const a = scaledUnit(from) ?? { exponent: 0, rest: from };
  const b = scaledUnit(to) ?? { exponent: 0, rest: to };
  // Two spellings of one currency are one Unit too: TWD and 元 (of 萬元), NT$, 新台幣; EUR and €; USD, US$ and $.
  const currencies = (rest: string) => currencyCodes(rest.trim());
  const [ca, cb] = [currencies(a.rest), currencies(b.rest)];
  const same =
    unitText(a.rest) === unitText(b.rest) ||
    sameUnit(a.rest, b.rest) ||
    (isPercentWord(a.rest.trim()) && isPercentWord(b.rest.trim())) ||
    (ca !== undefined && cb !== undefined && ca.some((code) => cb.includes(code)));
  if (!same) return null;
  // A power of ten below 1 as the division it is: 1 / 10 ** 4 is 0.0001 exactly, 10 ** -4 is not.
  return a.exponent >= b.exponent ? 10 ** (a.exponent - b.exponent) : 1 / 10 ** (b.exponent - a.exponent);
}

/** The Chinese multiples a Unit may count in (UNIT_SCALES without the letters and English words: 萬, 千, 百萬, 億…). */
const CHINESE_UNIT_SCALES = UNIT_SCALES.filter(([word]) => !/[a-z']/i.test(word));
/** Money after a Chinese multiple: 萬元, 千圓, 萬塊. */
const YUAN = /^(元|圓|圆|块|塊)$/;
let chineseScalePattern: RegExp | undefined;
/**
 * A Chinese multiple after a currency or after the metric's name, as Taiwan and Hong Kong write money and counts:
 * 新台幣萬元, NTD萬元, NT$萬, TWD 萬, USD萬 (the currency counted in 萬), 營收 萬元, 人數 萬人 (a name, then a multiple
 * of money or of a unit the reader knows). Without this the Unit named no multiple: 1,200萬 typed as the target of
 * 新台幣萬元 was 12,000,000 of them.
 */
function chineseScaleAfter(text: string): { exponent: number; rest: string } | undefined {
  chineseScalePattern ??= new RegExp(`^(.+?)\\s*(${scaleAlternatives(CHINESE_UNIT_SCALES)})\\s*(.*)$`);
  const m = chineseScalePattern.exec(text);
  if (!m) return undefined;
  const [, before, word, after] = m;
  const currency = currencyCodes(before.trim()) !== undefined;
  if (currency && (after === '' || YUAN.test(after)))
    return { exponent: exponentOf(word), rest: before.trim() };
  if (after !== '' && (currencyCodes(after) !== undefined || YUAN.test(after) || unitOf(after) !== undefined))
    return { exponent: exponentOf(word), rest: after };
  return undefined;
}

let wholeScaleWord: RegExp | undefined;
/**
 * A multiple in brackets after the Unit, read as the same multiple before it: 註冊數（萬） as 萬註冊數, 人（萬）, 元（萬）,
 * USD(千), 人 (thousands), 新台幣（萬元）, users (k), as people note a multiple after a header or a unit. A single letter
 * there as k after any word (Downloads (k)), M or B after a word that is no time or length (revenue (M)); `(m)` may
 * be metres or minutes, and `(%)` or `(2025)` is no multiple. Brackets are ASCII by now (NFKC).
 */
function bracketedScale(text: string): { exponent: number; rest: string } | undefined {
  const b = /^(.+?)\s*\(\s*([^()]+?)\s*\)$/.exec(text);
  if (!b) return undefined;
  const [, rest, note] = b;
  wholeScaleWord ??= new RegExp(`^(${scaleAlternatives([...UNIT_SCALES, ...UNIT_ONLY_SCALES])})$`, 'i');
  if (wholeScaleWord.test(note)) return { exponent: exponentOf(note), rest };
  // "(in thousands)", "(in millions)": the same said in words.
  const inWords = /^in\s+(thousands|millions|billions)$/i.exec(note);
  if (inWords) return { exponent: exponentOf(inWords[1]), rest };
  // k is no unit of its own (kelvin is not counted in plans): a thousand after any word, Downloads (k). A capital M,
  // or B, after a word that is no time or length is a million (a billion): revenue (M), MAU (M), GMV (B). A small m
  // may be metres or minutes, and stays a note.
  if (/^k$/i.test(note)) return { exponent: 3, rest };
  const known = unitOf(rest);
  const timeOrLength =
    known === 'metres' || (known !== undefined && M_IS_AMBIGUOUS_IN.has(known)) || countsTimeOrLength(rest);
  // B is no time: a billion after any word (Term deposits (B)).
  if (note === 'B' || (note === 'M' && !timeOrLength)) return { exponent: note === 'M' ? 6 : 9, rest };
  // A multiple of a unit that is the one before: 新台幣（萬元）, 人數（千人）.
  const inner = unitScalePattern!.exec(note);
  if (inner && inner[2] !== '') {
    const innerRest = inner[2];
    const bothMoney = currencyCodes(rest) !== undefined && currencyCodes(innerRest) !== undefined;
    if (bothMoney || sameUnit(innerRest, rest)) return { exponent: exponentOf(inner[1]), rest };
  }
  // A multiple of money or of a unit the reader knows, after a word that names the metric: ARR ($M), Revenue (USD k),
  // 營收（百萬元）, 會員數（千人）, 下載數（萬次）. The metric counts in that unit: $1.2M is 1.2 there.
  const scaledNote = unitScale(note);
  if (scaledNote && scaledNote.rest !== '') {
    const innerRest = scaledNote.rest;
    if (currencyCodes(innerRest) !== undefined || unitOf(innerRest) !== undefined)
      return { exponent: scaledNote.exponent, rest: innerRest };
  }
  return undefined;
}

/**
 * The plan's Currency (Strategy tab) as read: the codes it names, as a metric's Unit names them (USD, US Dollar,
 * 新台幣元, an ISO code in any case: chf), and the multiple it notes, if any (新台幣（千元）, USD K: `exponent` 3,
 * `currency` the currency as typed without it, `note` the multiple as typed). Amounts are never read in that
 * multiple: a metric counts in one through its own Unit (the parser warns, currency-scale). Undefined when blank
 * or when it names no currency the product knows (unknown-currency).
 */
export const planCurrencyOf: (
  text: string,
) => { codes: readonly string[]; exponent: number; currency: string; note: string } | undefined = remembered(
  (text) => {
    const typed = text.normalize('NFKC').trim();
    const codesOf = (name: string) =>
      currencyCodes(name) ?? (isIsoCurrencyCode(name.toUpperCase()) ? [name.toUpperCase()] : undefined);
    if (typed === '') return undefined;
    const codes = codesOf(typed);
    if (codes) return { codes, exponent: 0, currency: typed, note: '' };
    // A code with its name, as currency lists write them ("USD - US Dollar", "EUR – Euro", "TWD: 新台幣"), or with
    // a sign after it ("USD$", "TWD$"): the code says it.
    const code = /^([A-Za-z]{3})(?:\s*[-–—:]\s+.+|\s*\$)$/.exec(typed)?.[1];
    const named = code ? codesOf(code) : undefined;
    if (named) return { codes: named, exponent: 0, currency: code!, note: '' };
    const scaled = scaledUnit(typed);
    const rest = scaled?.rest.trim() ?? '';
    const restCodes = rest ? codesOf(rest) : undefined;
    if (!scaled || !restCodes) return undefined;
    // The multiple as typed, without its brackets: 千元 of 新台幣（千元）, "in thousands" of USD (in thousands).
    const note = typed.replace(rest, '').replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
    return { codes: restCodes, exponent: scaled.exponent, currency: rest, note };
  },
);

/**
 * The currencies an amount of a metric may be typed in: the metric's own when its Unit names one (USD, 萬元), else
 * the plan's Currency (Strategy tab); undefined when neither names any (any currency is read). The metric's
 * currency decides: in a TWD plan, a key result counted in USD takes US dollars, never NT$. The plan's Currency only
 * narrows a Unit whose sign several currencies share (`萬元` or `$` in a CNY or TWD plan: yuan or NT dollars).
 * `metric` is true when the metric's currency is not the plan's (or the plan names none): an amount in another
 * currency is then said against the metric's Unit, not the Strategy tab.
 */
export function expectedCurrencies(
  context: NumberContext,
): { codes: readonly string[]; metric: boolean } | undefined {
  const unit = context.unit?.trim() ?? '';
  const unitCodes = unit ? currencyCodes(scaledUnit(unit)?.rest || unit) : undefined;
  const planCurrency = context.currency?.trim() ?? '';
  const planCodes = planCurrency
    ? (planCurrencyOf(planCurrency)?.codes ?? [planCurrency.toUpperCase()])
    : undefined;
  if (!unitCodes) return planCodes && { codes: planCodes, metric: false };
  const shared = planCodes ? unitCodes.filter((code) => planCodes.includes(code)) : [];
  return shared.length > 0 ? { codes: shared, metric: false } : { codes: unitCodes, metric: true };
}

/** A currency typed in a cell against the metric's (or the plan's): undefined when it fits. */
function checkCurrency(
  typed: string,
  codes: readonly string[],
  context: NumberContext,
): Read<number> | undefined {
  const unit = context.unit?.trim() ?? '';
  // Money typed for a metric counted in something else (sign-ups, hours, %). A currency a number's format shows
  // (the toolbar's currency button) is refused only there: in a Unit that names no unit the reader knows (MRR, ARR,
  // CAC, Revenue, USD/month), the metric may well count money, and the number is the one typed.
  if (unit && !currencyCodes(unit)) {
    const countsThings =
      unitOf(unit) !== undefined ||
      isPercentUnit(unit) ||
      (/^[a-z][a-z-]*[a-z]s$/i.test(unit) && !isMoneyWord(unit));
    if (!context.shown || countsThings) return fail('unit-mismatch', typed);
  }
  const expected = expectedCurrencies(context);
  if (expected && !codes.some((c) => expected.codes.includes(c))) return fail('currency-mismatch', typed);
  return undefined;
}

/**
 * Words for money that name no currency: a Unit of Revenue or Sales counts money (a $ shown there is the metric's,
 * a month's amount may be negative, splits keep cents), where an English plural otherwise counts things (leads).
 * The one list, for the number reader and shared/decompose.ts isMoneyUnit.
 */
const MONEY_WORD =
  /^(money|currency|revenues?|sales|bookings|billings|costs|expenses|fees|spend|commissions|earnings|profits|savings|dollars)$/i;
export const isMoneyWord = (unit: string): boolean => MONEY_WORD.test(unit.trim());

/**
 * What people type for a milestone's check-in, done or not: a Sheets checkbox gives TRUE or FALSE, and people type
 * the words and marks below (both Chinese scripts, English in any case, full-width letters). A milestone's Actuals
 * Value reads them as 1 (done) and 0 (not yet); any other metric refuses them at the cell (shared/parse.ts).
 */
export const YES_NO_WORDS: { readonly done: readonly string[]; readonly notDone: readonly string[] } = {
  done: [
    'TRUE',
    'done',
    'yes',
    'Y',
    // What a status column says of a finished milestone, as teams type it in English.
    'completed',
    'complete',
    'achieved',
    'finished',
    '完成',
    '已完成',
    '完成了',
    '達成',
    '达成',
    '已達成',
    '已达成',
    '是',
    '✓',
    '✔',
    '☑',
    '✅',
    // Taiwan's and Japan's marks: a V for a tick, ○ (or an O typed for it) for yes. An X is left unread: a cross
    // says "no" there and "ticked" on an English checklist.
    'OK',
    '是的',
    'V',
    '○',
    '◯',
    'O',
  ],
  notDone: [
    'FALSE',
    'not done',
    'no',
    'N',
    'not yet',
    'incomplete',
    '未完成',
    '沒完成',
    '没完成',
    '未達成',
    '未达成',
    '否',
    '✗',
    '✘',
    '☐',
    '❌',
    // Still under way: not done yet, which is what a milestone's 0 says.
    '尚未',
    '還沒',
    '还没',
    '進行中',
    '进行中',
    'in progress',
    // The cross of ○ and ×, as typed with a Chinese or Japanese input method (×, not the letter X).
    '×',
  ],
};
let yesNoIndex: Map<string, 0 | 1> | undefined;

/** A done (1) or not done (0) in a cell, a boolean or one of YES_NO_WORDS; undefined for anything else. */
export function readYesNo(cell: Cell): 0 | 1 | undefined {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell !== 'string' || cell.length > 12) return undefined;
  if (!yesNoIndex) {
    yesNoIndex = new Map();
    for (const word of YES_NO_WORDS.done) yesNoIndex.set(normalizeHeader(word), 1);
    for (const word of YES_NO_WORDS.notDone) yesNoIndex.set(normalizeHeader(word), 0);
  }
  // Compared as every other word is (normalizeHeader: width, case, spaces, both scripts, and the variation selector
  // of an emoji keyboard's ✔️ ☑️), not by a form of its own that missed what that one learns.
  return yesNoIndex.get(normalizeHeader(cell.replace(FORMAT_CHARACTERS, '')));
}

/**
 * A calendar day. Accepts Date objects (read in the spreadsheet's time zone), spreadsheet serial numbers,
 * "2026-03-01", "2026/3/1", "2026.3.1", "2026-03" (the first of the month, or its last with options.monthEnd), "2026年3月1日", "2026年3月", with a
 * weekday and a time of day after them, Minguo years ("115/12/31", "民國115年3月1日"), a month's or a year's end or start
 * in words (2026年8月底, 2026年底), and with options.spans a quarter or a half (Q3 2026, 2026年上半年). Day-first and
 * month-first forms like 03/04/2026 are refused: they mean different days in different countries.
 */
export function readDate(
  cell: Cell,
  timeZone = 'UTC',
  /**
   * The cell ends a span (a Due, an End, the period's end): text naming a month without its day ("2026-12",
   * "2026年12月") is that month's last day, as a person means "due in December". Otherwise it is the first.
   * `spans`: the cell is a plan's Start, Due or End (or the Strategy period's), where a quarter or a half typed with
   * its year (Q3 2026, 2026年上半年: SPAN_WORDS) is its first day, or its last with monthEnd. Never a check-in's Date,
   * which is one day: a quarter's amount would count in its first month alone.
   */
  options: { monthEnd?: boolean; spans?: boolean } = {},
): Read<IsoDate> {
  if (isBlank(cell)) return fail('blank');
  if (cell === FORMULA_WITHOUT_RESULT) return fail('formula-without-result');
  if (cell instanceof Date) {
    const iso = dateToIso(cell, timeZone);
    // A Date in year 26 or 20000 is a typo, and would not even print as YYYY-MM-DD, which every later stage
    // relies on.
    if (!iso || usualIsoDate(iso) !== true) return fail('not-a-date');
    if (iso >= DATE_RANGE.firstDay && iso <= DATE_RANGE.lastDay) return ok(iso);
    // A number typed into a cell formatted as a date: the number is what the person typed.
    return farSerial(isoToSerial(iso), iso, options.monthEnd);
  }
  if (typeof cell === 'number') {
    // Serial numbers: days since 1899-12-30, with the time of day as a fraction.
    if (cell >= DATE_RANGE.firstSerial && cell < DATE_RANGE.lastSerial + 1) return ok(serialToIso(cell));
    if (!Number.isFinite(cell) || cell < 1) return fail('not-a-date');
    // Up to 2958465 (9999-12-31) a number is some day; beyond, none.
    return farSerial(cell, cell <= 2_958_465 ? serialToIso(cell) : undefined, options.monthEnd);
  }
  if (typeof cell === 'boolean') return fail('not-a-date');
  // The usual form, "2026-03-01", read without normalising or a regular expression: Actuals has thousands.
  if (typeof cell === 'string') {
    const usual = usualIsoDate(cell);
    if (usual === true) return ok(cell);
    if (usual === false) return fail('not-a-date');
  }
  if (isErrorValue(cell)) return fail('formula-error');
  const typed = typedDateTime(String(cell));
  if (typed) return ok(options.monthEnd && !typed.dayGiven ? lastDay(monthOf(typed.day)) : typed.day);
  // A month's end or start in words (2026年8月底, "end of Aug 2026"): the day the words name, in any date field.
  const edge = monthEdgeOf(String(cell));
  if (edge) {
    const first = isoDate(edge.year, edge.month, 1);
    return ok(edge.edge === 'last' ? lastDay(monthOf(first)) : first);
  }
  // A month named in English with its year ("Aug 2026", "August 2026", "Sept. 2026"): its first day, or its last
  // with monthEnd, as "2026-08" and 2026年8月 are.
  const named = /[a-z]/i.test(String(cell)) ? monthHeaderOf(String(cell)) : null;
  if (named && named.year !== null && named.note === null && named.qualifier === null) {
    const first = isoDate(named.year, named.month, 1);
    return ok(options.monthEnd ? lastDay(monthOf(first)) : first);
  }
  // A year's end or start in words (2026年底, "end of 2026"): the day they name, in any date field. A quarter or a half
  // with its year (Q3 2026, 2026年第三季, H1 2026) only where options.spans: its first day, or its last with monthEnd.
  const span = spanOf(String(cell));
  if (span && (span.edge !== null || options.spans)) {
    const last = (span.edge ?? (options.monthEnd ? 'last' : 'first')) === 'last';
    const month = isoDate(span.year, span.months[last ? 1 : 0], 1);
    return ok(last ? lastDay(monthOf(month)) : month);
  }
  // Elsewhere (a check-in's Date) a quarter or a half is said as the span it is, from its first day to its last.
  if (span) {
    const first = isoDate(span.year, span.months[0], 1);
    return fail('span-date', first, lastDay(monthOf(isoDate(span.year, span.months[1], 1))));
  }
  // Digits alone ("20261231", "1151231"): said with the day they write, as the same digits typed as a number are.
  const meant = compactDate(typedText(String(cell)) ?? '', options.monthEnd);
  return meant ? fail('compact-date', meant.day) : fail('not-a-date');
}

/**
 * The years a date held as a number (a serial: days since 1899-12-30, as Sheets, Excel and LibreOffice count) or as a
 * date value is read in. A plan tracks a product launch of its own decade, so a day before 1990 or after 2200 is no
 * day anyone meant: it is what a spreadsheet makes of a number that is not a serial. Those numbers all fall outside,
 * whatever their digits: a year alone (2026 is 1905-07-18; any up to 9999 is before 1928), a day or a month alone,
 * and dates typed without separators (a month yyyyMM such as 202612 is 2454-09-23, any is after 2419; a Minguo
 * 1151231 is 5051-12-17, any yyyMMdd after 4637; a yyyyMMdd such as 20261231 lies beyond 9999-12-31). Such a cell is
 * refused at the cell (`compact-date` naming the day meant, or `date-out-of-range`), never read as a day centuries
 * off that only an outside-period warning would show. Dates typed as text keep the years 1900–9999.
 */
export const DATE_YEARS = { first: 1990, last: 2200 } as const;
const DATE_RANGE = {
  firstDay: isoDate(DATE_YEARS.first, 1, 1),
  lastDay: isoDate(DATE_YEARS.last, 12, 31),
  firstSerial: isoToSerial(isoDate(DATE_YEARS.first, 1, 1)),
  lastSerial: isoToSerial(isoDate(DATE_YEARS.last, 12, 31)),
};

/** A serial outside DATE_YEARS: the date its digits write, when they write one, else the day it is (if any). */
function farSerial(serial: number, day: IsoDate | undefined, monthEnd = false): Read<IsoDate> {
  const meant = Number.isInteger(serial) ? compactDate(String(serial), monthEnd) : null;
  if (meant) return fail('compact-date', meant.day);
  return day ? fail('date-out-of-range', day) : fail('not-a-date');
}

/**
 * A date typed as digits without separators, as forms and databases write one: eight digits yyyyMMdd (20261231), seven
 * a Minguo yyyMMdd (1151231: 115/12/31, a year from MINGUO_YEARS), six a month yyyyMM (202612: its first day, or its
 * last with monthEnd, as a month typed "2026-12" is). The year of yyyyMMdd and yyyyMM within DATE_YEARS. `reading`
 * is the date as the digits write it, with separators ("115/12/31", "2026/12"). Null for anything else.
 */
export function compactDate(digits: string, monthEnd = false): { day: IsoDate; reading: string } | null {
  if (!/^\d{6,8}$/.test(digits)) return null;
  const yearDigits = digits.length === 7 ? 3 : 4;
  const yearText = digits.slice(0, yearDigits);
  const month = Number(digits.slice(yearDigits, yearDigits + 2));
  const dayText = digits.slice(yearDigits + 2);
  if (yearDigits === 3 && (yearText < MINGUO_YEARS.first || yearText > MINGUO_YEARS.last)) return null;
  const year = Number(yearText) + (yearDigits === 3 ? MINGUO_OFFSET : 0);
  if (year < DATE_YEARS.first || year > DATE_YEARS.last || month < 1 || month > 12) return null;
  const reading = [yearText, digits.slice(yearDigits, yearDigits + 2), dayText].filter(Boolean).join('/');
  if (!dayText) {
    const first = isoDate(year, month, 1);
    return { day: monthEnd ? lastDay(monthOf(first)) : first, reading };
  }
  const day = Number(dayText);
  return isRealDay(year, month, day) ? { day: isoDate(year, month, day), reading } : null;
}

/**
 * A date typed as text, as readDate reads it, with the time of day typed after it on the 24-hour clock ("14:05";
 * null when none): "2026年11月3日 下午 2:05" is 2026-11-03 at 14:05. Null when the text is no date.
 */
export function typedDateTime(text: string): {
  day: IsoDate;
  time: string | null;
  /** False for a month without its day ("2026-03"): day is its first. */ dayGiven: boolean;
} | null {
  const normal = typedText(text);
  if (normal === null) return null;
  const m = NUMERIC_DATE.exec(normal) ?? CHINESE_DATE.exec(normal);
  if (!m) return null;
  // A three-digit year is a Minguo (Republic of China) year, as Taiwan writes dates: 115 is 2026. Only 100 to 199
  // (2011 to 2110): "206/6/28" and "026/6/28" are 2026 with a digit lost, not 2117 and 1937.
  if (m[1].length === 3 && (m[1] < MINGUO_YEARS.first || m[1] > MINGUO_YEARS.last)) return null;
  const year = m[1].length === 3 ? Number(m[1]) + MINGUO_OFFSET : Number(m[1]);
  const [mo, d] = [Number(m[2]), m[3] ? Number(m[3]) : 1];
  if (!isRealDay(year, mo, d)) return null;
  const [, , , , before, hours, minutes, after] = m;
  const dayGiven = m[3] !== undefined;
  if (hours === undefined) return { day: isoDate(year, mo, d), time: null, dayGiven };
  const meridiem = (before ?? after ?? '').toUpperCase();
  const hour = (Number(hours) % (meridiem ? 12 : 24)) + (meridiem === 'PM' || meridiem === '下午' ? 12 : 0);
  return { day: isoDate(year, mo, d), time: `${String(hour).padStart(2, '0')}:${minutes}`, dayGiven };
}

/** Minguo year 1 is 1912. */
const MINGUO_OFFSET = 1911;
/** The three-digit Minguo years read, compared as text (three digits each). */
export const MINGUO_YEARS = { first: '100', last: '199' } as const;
/**
 * What may follow a day: a weekday ("(日)", "星期日", "(Sun)") and a time of day ("09:30", "上午 09:30:00",
 * "T09:30:00Z"), as spreadsheets and people write them; anything else ("2026/6/30 延至 2026/9/30") means the cell
 * is not a date, rather than a date with the rest thrown away.
 */
const DAY_NAME = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?`;
const WEEKDAY = String.raw`(?:\s*(?:\((?:星期|週|周|禮拜|礼拜)?[一二三四五六日天]\)|(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]|\(${DAY_NAME}\)|,?\s*${DAY_NAME}))?`;
// Its groups: the meridiem before the time (上午 9:30), the hours, the minutes, the meridiem after (9:30 PM).
const TIME_OF_DAY = String.raw`(?:(?:T|\s+)(?:(上午|下午|AM|PM)\s*)?(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*(AM|PM|上午|下午))?(?:Z|[+-]\d{2}:?\d{2})?)?`;
/** A year of four digits, or three after 民國 or alone (Minguo). */
const YEAR = String.raw`(?:民國|民国)?\s*(\d{4}|\d{3})`;
const NUMERIC_DATE = new RegExp(
  String.raw`^${YEAR}[-/.](\d{1,2})(?:[-/.](\d{1,2}))?${WEEKDAY}${TIME_OF_DAY}$`,
  'i',
);
const CHINESE_DATE = new RegExp(
  String.raw`^${YEAR}\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日號号])?${WEEKDAY}${TIME_OF_DAY}$`,
  'i',
);

/**
 * The day a cell holds, or null when it holds none (readDate says why). Text in the usual form is taken as it is,
 * with no Read result made: an Actuals tab has a date cell on each of its 127,000 rows at 10,000 key results.
 */
export function dayOf(cell: Cell, timeZone = 'UTC'): IsoDate | null {
  if (typeof cell === 'string' && usualIsoDate(cell) === true) return cell;
  const read = readDate(cell, timeZone);
  return read.ok ? read.value : null;
}

/**
 * Whether text in the usual form "2026-03-01" is a real day (true) or not (false, "2026-02-30"); null when it is
 * not in that form at all (and so must be read the general way, as readDate does).
 */
export function usualIsoDate(text: string): boolean | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return null;
  return isRealDay(y, mo, d);
}

/** The number written by `length` ASCII digits from `start`, or -1 when any of them is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Whether a character (its code) separates the items of a list cell: a comma, a semicolon (ASCII or full-width),
 * 、 or a new line. */
const separatesItems = (code: number) =>
  code === 0x2c || code === 0xff0c || code === 0x3b || code === 0xff1b || code === 0x3001 || code === 0x0a;

/**
 * A comma-separated list ("KR1, KR2", "KR1，KR2", "KR1; KR2") as trimmed non-empty items, in a list made to size. A
 * cell of one item is not split (a roadmap of thousands of rows names one key result on many of them). Cut by hand
 * rather than by `split`: that made a list grown by push, a string for each item, and another for it trimmed.
 */
export function readList(cell: Cell): string[] {
  const text = cellText(cell);
  let separators = 0;
  for (let i = 0; i < text.length; i++) if (separatesItems(text.charCodeAt(i))) separators++;
  if (separators === 0) return text ? [text] : [];
  const items = new Array<string>(separators + 1);
  let count = 0;
  let start = 0;
  for (let end = 0; end <= text.length; end++) {
    if (end < text.length && !separatesItems(text.charCodeAt(end))) continue;
    // The spaces after a comma are left out before the item is cut, so that most items are cut once.
    let from = start;
    let to = end;
    while (from < to && text.charCodeAt(from) === 32) from++;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
    const item = trimmed(text.slice(from, to));
    if (item) items[count++] = item;
    start = end + 1;
  }
  items.length = count;
  return items;
}

/** Column number (1-based) to letters: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** A sheet name quoted for use in a formula or an A1 reference: 'Key Results'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A number as typed, which a spreadsheet keeps a number: -5, +3.2, -1,000, 20%. */
const PLAIN_NUMBER = /^[+-]?(?:\d[\d,]*)?(?:\.\d+)?%?$/;

/**
 * Whether text written as a value could be read as a formula: "=…" in Sheets (facts #9), and "+…", "-…" or "@…"
 * that is not a plain number, which Excel and LibreOffice read as one when the file is opened and which Google
 * documents nowhere (OWASP lists the four for CSV injection). A plan's cells are untrusted text.
 */
export function readsAsFormula(text: string): boolean {
  return text.startsWith('=') || (/^[+\-@]/.test(text) && !PLAIN_NUMBER.test(text));
}

/**
 * Text from a plan cell, made safe to write into a grid (Apps Script setValues, the xlsx writer): text that could
 * read as a formula (readsAsFormula) becomes a formula that yields the same text, never one that runs.
 */
export function textCell(text: string): string {
  if (!readsAsFormula(text)) return text;
  // Quotes via CHAR(34): HyperFormula does not read the "" escape that Sheets, Excel and LibreOffice accept.
  return (
    '=' +
    text
      .split('"')
      .map((part) => `"${part}"`)
      .join('&CHAR(34)&')
  );
}

/** A merged block of cells, 1-based and inclusive, as exceljs, Apps Script and the Sheets API all describe one. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A merged block from its A1 notation ("A2:A4", or "B3" for one cell), as both file formats and Apps Script give it. */
export function mergedRangeFromA1(ref: string): MergedRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const column = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b] = [column(m[1]), column(m[3] ?? m[1])];
  const [r1, r2] = [Number(m[2]), Number(m[4] ?? m[2])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

/**
 * Each grid's merged blocks, as fillMergedCells filled them. Kept beside the grid, as its number formats are
 * (number-formats.ts): filling is right for labels (an Objective cell over its key results), but an amount merged
 * over several check-in rows is one amount, which the parser must count once (parse.ts mergedAmounts). The blocks
 * follow the grid object; a copy of the grid has none unless given them (setMergedRanges).
 */
const MERGES = new WeakMap<object, readonly MergedRange[]>();

/** Records a grid's merged blocks (fillMergedCells does; so does a copy of a filled grid that keeps its cells). */
export function setMergedRanges<T extends object>(
  grid: T,
  merges: readonly MergedRange[] | null | undefined,
): T {
  if (merges && merges.length > 0) MERGES.set(grid, merges);
  return grid;
}

/** The merged blocks a grid was filled from, if any. */
export function mergedRangesOf(grid: object | null | undefined): readonly MergedRange[] | undefined {
  return grid ? MERGES.get(grid) : undefined;
}

/**
 * Each grid's blocks of text centred across several cells without a merge (Excel's "Center Across Selection", the
 * `centerContinuous` alignment of SpreadsheetML): a header typed in the block's left cell and shown centred over the
 * blank cells to its right that share the alignment, one row high. Kept beside the grid as its merged blocks are,
 * but never filled: a title centred over other columns is no value of theirs. Only an .xlsx has them (Google Sheets
 * has no such alignment); the parser groups a month's columns under such a header (parse.ts wideHeader).
 */
const CENTRED_ACROSS = new WeakMap<object, readonly MergedRange[]>();

/** Records a grid's blocks centred across (report/read-xlsx.ts does). */
export function setCentredAcross<T extends object>(
  grid: T,
  blocks: readonly MergedRange[] | null | undefined,
): T {
  if (blocks && blocks.length > 0) CENTRED_ACROSS.set(grid, blocks);
  return grid;
}

/** The blocks of a grid centred across several cells, if any. */
export function centredAcrossOf(grid: object | null | undefined): readonly MergedRange[] | undefined {
  return grid ? CENTRED_ACROSS.get(grid) : undefined;
}

/**
 * Spreadsheets keep a merged block's value in its top-left cell only; the other cells read as blank. People merge
 * cells to group rows (one Objective cell over its three key results), and mean the value for every row, so every
 * reader fills the block with the top-left value before the parser sees the grid. The grid is changed in place
 * (rows are extended where the block reaches past them), its blocks recorded beside it (mergedRangesOf: an amount
 * merged over several Actuals rows counts once, at its top row, which the parser decides), and returned.
 *
 * A block whose top-left cell is blank shows blank, so every cell of it reads blank: a file may still hold values
 * under the block (LibreOffice's "keep the contents of the hidden cells" merge writes them), which nobody sees.
 */
export function fillMergedCells(grid: Grid, merges: readonly MergedRange[]): Grid {
  setMergedRanges(grid, merges);
  for (const { top, left, bottom, right } of merges) {
    const value = grid[top - 1]?.[left - 1];
    if (isBlank(value)) {
      for (let r = top; r <= bottom; r++) {
        const row = grid[r - 1];
        for (let c = left; row && c <= Math.min(right, row.length); c++) row[c - 1] = '';
      }
      continue;
    }
    for (let r = top; r <= bottom; r++) {
      const row = (grid[r - 1] ??= []);
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (row.length < c - 1) row.push('');
        row[c - 1] = value;
      }
    }
  }
  return grid;
}

/**
 * The power of ten a header's note says its numbers count in: "萬元", "單位：千元", "in thousands", "USD k",
 * "百萬美元" → 4, 3, 3, 3, 6; 0 for a note that names no multiple ("USD", "2025", "%").
 */
export function noteScale(note: string): number {
  // A share written per hundred or per thousand (百分比, 千分比, ‰) is a percentage, not a multiple.
  if (/[%‰％]|百分|千分|萬分|万分|percent|per\s*mille/i.test(note)) return 0;
  const text = note
    .normalize('NFKC')
    .trim()
    .replace(/^(單位|单位|units?|in)(?![a-z])\s*[:：]?\s*/i, '')
    .replace(/^(thousands|millions|billions)$/i, (word) => word.slice(0, -1));
  // A multiplier alone: "Target (k)", "Revenue (mn)"; not "m" or "b" alone, which are as likely metres or bytes.
  const word = text.toLowerCase();
  const alone = word === 'm' || word === 'b' ? undefined : NUMBER_SCALES.find(([scale]) => scale === word);
  return alone ? alone[1] : (scaledUnit(text)?.exponent ?? 0);
}

/**
 * What a tab hides from the person reading it: the tab itself, rows (by the user or a filter) and columns, each
 * 1-based. A hidden cell is still read, as typed (a formula reads it too), but the person may not know it is there:
 * a check-in row hidden after a corrected one was added below, an old Target column hidden beside a revised one,
 * an old tab hidden beside its copy. The parser says where it reads such cells (hidden-rows, column-copy, tab-copy).
 */
export interface HiddenParts {
  sheet?: boolean;
  rows?: ReadonlySet<number>;
  columns?: ReadonlySet<number>;
}

/**
 * Each grid's hidden parts, as its reader found them. Kept beside the grid, as its merged blocks and number formats
 * are; a copy of the grid has none unless given them (setHiddenParts).
 */
const HIDDEN = new WeakMap<object, HiddenParts>();

/** Records what a grid's tab hides (a reader calls this once per tab it has read); nothing hidden records nothing. */
export function setHiddenParts<T extends object>(grid: T, hidden: HiddenParts | null | undefined): T {
  if (hidden && (hidden.sheet || hidden.rows?.size || hidden.columns?.size)) HIDDEN.set(grid, hidden);
  return grid;
}

/** What a grid's tab hides, if its reader said (undefined: nothing hidden, or a reader that cannot tell). */
export function hiddenPartsOf(grid: object | null | undefined): HiddenParts | undefined {
  return grid ? HIDDEN.get(grid) : undefined;
}
