/**
 * Calendar days and months as plain strings ("2026-03-01", "2026-03"), so a plan is time-zone free,
 * serialisable (google.script.run cannot pass Date objects) and comparable with `<`.
 */

export type IsoDate = string; // YYYY-MM-DD
export type Month = string; // YYYY-MM

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True when the parts name a real calendar day (no 31 April). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Plain arithmetic for the years plans use (no Date object per call); Date.UTC's own rules otherwise
  // (it reads years 0–99 as 1900–1999).
  if (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    year >= 100 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12
  ) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The month of a day: "2026-03" of "2026-03-15". The text of each month is made once and shared (see
 * monthFromIndex), not sliced anew for every date: a plan of 10,000 key results keeps the Start, Due and latest
 * month of each of its 18,500 metrics, and copies of the same few dozen texts were 55,000 strings to make, keep
 * and collect. A text that is not "YYYY-MM-…" with a month of 01–12 is cut as it is.
 */
export function monthOf(date: IsoDate): Month {
  const index = date.length >= 7 ? leadingMonthIndex(date) : -1;
  if (index >= 0) {
    const mm = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
    if (mm >= 1 && mm <= 12) return monthFromIndex(index);
  }
  return date.slice(0, 7);
}
export const firstDay = (month: Month): IsoDate => `${month}-01`;
export function lastDay(month: Month): IsoDate {
  if (/^\d{4}-\d{2}$/.test(month)) {
    // "YYYY-MM" already is the start of the day's text: only the day is added.
    const index = monthIndex(month);
    return `${month}-${pad(daysInMonth(Math.floor(index / 12), (index % 12) + 1))}`;
  }
  const [y, m] = month.split('-').map(Number);
  return isoDate(y, m, daysInMonth(y, m));
}

/**
 * The judged month as of a day: the last month whose last day is on or before it. As of 2026-09-30 September is
 * judged; as of 2026-09-29, August. Returned as a monthIndex.
 */
export function judgedMonthIndex(asOf: IsoDate): number {
  const month = monthOf(asOf);
  return asOf === lastDay(month) ? monthIndex(month) : monthIndex(month) - 1;
}

/** monthIndex of text starting "YYYY-MM" in ASCII digits, read digit by digit; -1 for any other start. */
function leadingMonthIndex(text: string): number {
  if (text.charCodeAt(4) !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    year = year * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  if (!(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9)) return -1;
  return year * 12 + (m1 * 10 + m2 - 1);
}

/** Months since year 0, so month arithmetic is integer arithmetic. */
export function monthIndex(month: Month): number {
  // The usual "YYYY-MM" is read without splitting (this runs for every month of every metric); any other
  // shape takes the general path, which gives the same result for "YYYY-MM".
  if (month.length === 7) {
    const fast = leadingMonthIndex(month);
    if (fast >= 0) return fast;
  }
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

/** Month texts by monthIndex, each made once (monthOf). Bounded: a plan spans a few dozen months. */
const MONTH_TEXTS = new Map<number, Month>();

export function monthFromIndex(index: number): Month {
  let text = MONTH_TEXTS.get(index);
  if (text === undefined) {
    text = `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
    if (MONTH_TEXTS.size < 4096) MONTH_TEXTS.set(index, text);
  }
  return text;
}

export const addMonths = (month: Month, n: number): Month => monthFromIndex(monthIndex(month) + n);

/** monthIndex of a day's month: monthIndex(monthOf(date)), without making the month's text for "YYYY-MM-DD". */
export function monthIndexOfDay(date: IsoDate): number {
  const fast = date.length === 10 && date.charCodeAt(7) === 45 ? leadingMonthIndex(date) : -1;
  return fast >= 0 ? fast : monthIndex(monthOf(date));
}

/** Every month from `from` to `to`, both included; empty when reversed. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

/** Spreadsheet serial day numbers count from 1899-12-30 (Google Sheets, Excel in 1900 mode, LibreOffice). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialToIso(serial: number): IsoDate {
  const d = new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A serial date-time as the instant it names at UTC, to the millisecond: how an .xlsx stores a date or a time
 * (a spreadsheet keeps no time zone; the report reads such Dates with timeZone 'UTC').
 */
export function serialToUtcDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
}

export function isoToSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - SERIAL_EPOCH_MS) / DAY_MS);
}

/**
 * A serial date-time (the day plus the fraction of it, as the Sheets API gives a timestamp with
 * dateTimeRenderOption=SERIAL_NUMBER) as "YYYY-MM-DD HH:MM" in the spreadsheet's wall-clock time.
 */
export function serialToIsoMinute(serial: number): string {
  const d = new Date(SERIAL_EPOCH_MS + Math.round(serial * 1440) * 60_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * One formatter per time zone for the life of the process (null for a zone Intl does not know). Building an
 * Intl.DateTimeFormat costs tens of microseconds, far more than formatting with one: made per cell, it made
 * reading a 5,000-key-result plan in Asia/Shanghai fifteen times slower than in UTC.
 */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat | null>();
/**
 * The days already read, per time zone and instant: a plan's dates repeat (every check-in of a month on the same
 * day), and a Map lookup is a hundred times cheaper than formatToParts. Bounded, for a long-running session.
 */
const DAYS_READ = new Map<string, Map<number, IsoDate>>();
const DAYS_READ_MAX = 20_000;

function dayFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = DAY_FORMATS.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      format = null;
    }
    DAY_FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day a Date denotes in a time zone. Google Sheets hands dates over as instants at midnight
 * of the spreadsheet's time zone; exceljs as instants at UTC midnight. Reading the parts in the right zone
 * gives the day the person typed.
 */
export function dateToIso(date: Date, timeZone = 'UTC'): IsoDate | undefined {
  const instant = date.getTime();
  if (Number.isNaN(instant)) return undefined;
  // Also in UTC: the days already read are shared texts rather than a new one for each of 127,000 cells.
  let days = DAYS_READ.get(timeZone);
  if (!days) DAYS_READ.set(timeZone, (days = new Map()));
  const known = days.get(instant);
  if (known !== undefined) return known;
  const format = timeZone === 'UTC' ? null : dayFormat(timeZone);
  // UTC; a custom zone such as "GMT+08:00", which Google gives a spreadsheet whose zone it does not recognise
  // (SpreadsheetProperties.timeZone) and which Intl does not take, by its fixed offset; or an unknown zone, read
  // as UTC rather than failing the whole read.
  const wall = format || timeZone === 'UTC' ? date : new Date(instant + zoneOffsetMs(instant, timeZone));
  const iso = format
    ? dayInZone(date, format)
    : isoDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  if (days.size >= DAYS_READ_MAX) days.clear();
  days.set(instant, iso);
  return iso;
}

/** The calendar day of an instant as a formatter for a time zone gives it. */
function dayInZone(date: Date, format: Intl.DateTimeFormat): IsoDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of format.formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return isoDate(year, month, day);
}

// ---------------------------------------------------------------------------------------------------
// Wall-clock times in a time zone: Google Sheets keeps a date as wall-clock time in the spreadsheet's zone

const WALL_CLOCK_FORMATS = new Map<string, Intl.DateTimeFormat | null>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat | null {
  if (!WALL_CLOCK_FORMATS.has(timeZone)) {
    try {
      WALL_CLOCK_FORMATS.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      WALL_CLOCK_FORMATS.set(timeZone, null);
    }
  }
  return WALL_CLOCK_FORMATS.get(timeZone) ?? null;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time of the zone (IANA ids, or "GMT+4:00"). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone.trim());
  if (fixed)
    return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0)) * 60_000;
  const format = wallClockFormat(timeZone);
  if (!format) return 0;
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a zone (DST-safe: the offset is checked at the result). A time the clocks skip
 * (midnight in America/Santiago on the day DST starts) has no instant: the one just after the gap is taken, as a
 * JavaScript Date and Temporal's "compatible" disambiguation do, so a date stays on its own day (the instant before
 * the gap was 23:00 of the day before).
 */
export function instantOfWallClock(wallMs: number, timeZone: string): Date {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  const offset = zoneOffsetMs(first, timeZone);
  const second = wallMs - offset;
  if (second === first || zoneOffsetMs(second, timeZone) === offset) return new Date(second);
  return new Date(Math.max(first, second));
}

/**
 * A serial date-time (days since 1899-12-30, as the Sheets API gives a date cell with dateTimeRenderOption
 * SERIAL_NUMBER) as the instant Apps Script's getValues() gives for that cell: its wall-clock time in the
 * spreadsheet's time zone, so a date is midnight there.
 */
export function serialToZonedDate(serial: number, timeZone: string): Date {
  return instantOfWallClock(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS), timeZone);
}

/**
 * A date value as the serial number the spreadsheet holds for it (days since 1899-12-30, with the time of day as the
 * fraction), reading its wall clock in the spreadsheet's time zone: serialToZonedDate the other way. To 12
 * significant digits, as a person typed the number (2026.04, not 2026.0400000000002).
 */
export function dateToSerial(date: Date, timeZone = 'UTC'): number {
  const instant = date.getTime();
  return Number(((instant + zoneOffsetMs(instant, timeZone) - SERIAL_EPOCH_MS) / DAY_MS).toPrecision(12));
}

/** An instant as "YYYY-MM-DD HH:MM" on the wall clock of a time zone (a timestamp as the spreadsheet shows it). */
export function dateToIsoMinute(date: Date, timeZone = 'UTC'): string {
  const instant = date.getTime();
  const wallClock = new Date(instant + zoneOffsetMs(instant, timeZone));
  // At the ends of the Date range the shifted instant may not exist: the instant as it is, then.
  const shown = Number.isNaN(wallClock.getTime()) ? date : wallClock;
  return shown.toISOString().replace(/T(\d\d:\d\d).*$/, ' $1');
}

/** True for text of the form YYYY-MM-DD that names a real day (the core never reads the clock: today is the caller's). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whole months from the start of `from` to the start of `to`, plus the elapsed share of `to`'s month. */
export function monthsElapsed(from: IsoDate, to: IsoDate): number {
  const whole = monthIndex(monthOf(to)) - monthIndex(monthOf(from));
  const [y, m, d] = to.split('-').map(Number);
  return whole + (d - 1) / daysInMonth(y, m);
}

/**
 * Of an Actuals tab kept as months in columns (month → its 1-based column), the period's months it has, when they
 * stand side by side in month order with none of the period's months missing between the first and the last
 * (1月 | 2月 | 3月 …): their positions in `periodMonths` and the column of the first. Null otherwise (no month of the
 * period, a gap, another order, a target column between them). The Targets tab's to-date formulas read such a tab
 * only then (targets-sheet.ts wideActualsRanges), and the wide-actuals tip says which.
 */
export function sideBySideMonths(
  periodMonths: readonly Month[],
  columns: Readonly<Record<Month, number>>,
): { first: number; last: number; column: number } | null {
  const read = periodMonths.flatMap((m, i) => (columns[m] === undefined ? [] : [{ i, column: columns[m] }]));
  if (!read.length) return null;
  const [start] = read;
  if (read.some((m, k) => m.i !== start.i + k || m.column !== start.column + k)) return null;
  return { first: start.i, last: read[read.length - 1].i, column: start.column };
}
