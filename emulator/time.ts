/**
 * Time-zone arithmetic shared by the spreadsheet (date cells) and Utilities.formatDate.
 *
 * Sheets stores a date-time as a serial number of days since 1899-12-30 00:00 *in the
 * spreadsheet's time zone* [B2]: the serial is wall-clock time, not an instant. Converting a JS
 * Date (an instant) therefore needs the zone's UTC offset at that instant. We get offsets from
 * `Intl` (IANA ids) or parse fixed `GMT+4:00` style ids, which Session.getScriptTimeZone may
 * return [SES].
 */

export const DAY_MS = 86_400_000;
/** 1899-12-30 00:00 as a "wall clock expressed in UTC" millisecond value. */
export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
}

interface Zone {
  id: string;
  /** Milliseconds to add to a UTC instant to get wall-clock time in this zone. */
  offsetMs(instantMs: number): number;
}

const zones = new Map<string, Zone>();
const UTC_ALIASES = new Set([
  'Etc/UTC',
  'Etc/GMT',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/Greenwich',
  'Etc/GMT0',
  'UCT',
  'Universal',
  'Zulu',
  'Greenwich',
  'GMT0',
]);
const FIXED_ZONE = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;

/** Throws a RangeError naming the zone when it is neither an IANA id nor a GMT±h:mm id. */
export function getZone(timeZone: string): Zone {
  const cached = zones.get(timeZone);
  if (cached) return cached;
  let zone: Zone;
  const fixed = FIXED_ZONE.exec(timeZone.trim());
  if (UTC_ALIASES.has(timeZone)) {
    zone = { id: timeZone, offsetMs: () => 0 };
  } else if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    const ms = sign * ((Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0)) * 60_000);
    zone = { id: timeZone, offsetMs: () => ms };
  } else {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"`);
    }
    // Intl is slow (~µs per call) and dates repeat: cache offsets per 15-minute bucket (every
    // modern zone transition happens on a quarter hour; 19th-century LMT changes may be off by minutes).
    const cache = new Map<number, number>();
    const compute = (instantMs: number): number => {
      const whole = Math.floor(instantMs / 1000) * 1000;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(whole))) {
        if (p.type !== 'literal') parts[p.type] = Number(p.value);
      }
      return (
        utcFromFields(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, 0) - whole
      );
    };
    zone = {
      id: timeZone,
      offsetMs(instantMs: number): number {
        const bucket = Math.floor(instantMs / 900_000);
        let offset = cache.get(bucket);
        if (offset === undefined) {
          if (cache.size > 50_000) cache.clear();
          offset = compute(bucket * 900_000);
          cache.set(bucket, offset);
        }
        return offset;
      },
    };
  }
  zones.set(timeZone, zone);
  return zone;
}

/** Date.UTC without its "years 0-99 mean 1900-1999" quirk. */
export function utcFromFields(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

export function toWallClock(instantMs: number, timeZone: string): WallClock {
  const d = new Date(instantMs + getZone(timeZone).offsetMs(instantMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * Wall-clock (encoded as a UTC millisecond value) → instant. Two passes handle DST edges. A wall-clock time the
 * clocks skip resolves to the instant after the gap, as `new Date(y, m, d)` does in a zone whose midnight is
 * skipped (Google does not document what getValues() gives there; forward keeps a date cell on its own day).
 */
export function wallMsToInstant(wallMs: number, timeZone: string): number {
  const zone = getZone(timeZone);
  const guess = wallMs - zone.offsetMs(wallMs);
  const offset = zone.offsetMs(guess);
  const instant = wallMs - offset;
  if (instant === guess || zone.offsetMs(instant) === offset) return instant;
  return Math.max(guess, instant);
}

export function dateToSerial(date: Date, timeZone: string): number {
  const ms = date.getTime();
  return (ms + getZone(timeZone).offsetMs(ms) - SERIAL_EPOCH_MS) / DAY_MS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  return new Date(wallMsToInstant(serialToWallMs(serial), timeZone));
}

/** Rounded to the millisecond: serials are doubles and would otherwise drift by a few µs. */
export function serialToWallMs(serial: number): number {
  return SERIAL_EPOCH_MS + Math.round(serial * DAY_MS);
}

export function wallClockFromWallMs(wallMs: number): WallClock {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** Letters Java's SimpleDateFormat knows; anything else is "Illegal pattern character". */
const JAVA_PATTERN_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX'.split(''));

/**
 * Utilities.formatDate(date, timeZone, format): Java SimpleDateFormat patterns [UT].
 * Supported letters: G y M L d D E u a H k K h m s S z Z X. Letters Java supports but we do not
 * (Y w W F) throw a clear "not emulated" error rather than silently printing something wrong.
 * `z` uses Intl's short zone name, which can differ from Java's (e.g. "GMT+1" vs "CET").
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const zone = getZone(timeZone);
  const offsetMin = Math.round(zone.offsetMs(ms) / 60_000);
  const w = toWallClock(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      // Quoted literal; '' is an escaped single quote (also inside quotes).
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j++];
        }
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    if (!JAVA_PATTERN_LETTERS.has(ch)) throw new Error(`Illegal pattern character '${ch}'`);
    out += formatJavaField(ch, n, w, offsetMin, timeZone, ms);
  }
  return out;
}

function formatJavaField(
  ch: string,
  n: number,
  w: WallClock,
  offsetMin: number,
  timeZone: string,
  ms: number,
): string {
  switch (ch) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[w.month - 1];
      if (n === 3) return MONTHS[w.month - 1].slice(0, 3);
      return pad(w.month, n);
    case 'd':
      return pad(w.day, n);
    case 'D': {
      const dayOfYear =
        (utcFromFields(w.year, w.month, w.day, 0, 0, 0, 0) - utcFromFields(w.year, 1, 1, 0, 0, 0, 0)) /
          DAY_MS +
        1;
      return pad(dayOfYear, n);
    }
    case 'E':
      return n >= 4 ? WEEKDAYS[w.weekday] : WEEKDAYS[w.weekday].slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, n);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour, n);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, n);
    case 'K':
      return pad(w.hour % 12, n);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
    case 'm':
      return pad(w.minute, n);
    case 's':
      return pad(w.second, n);
    case 'S':
      return pad(w.millisecond, n);
    case 'Z':
      return formatOffset(offsetMin, false, true);
    case 'X':
      if (offsetMin === 0) return 'Z';
      if (n === 1) return formatOffset(offsetMin, false, false).slice(0, 3);
      return formatOffset(offsetMin, n >= 3, true);
    case 'z': {
      const fixed = FIXED_ZONE.exec(timeZone.trim());
      if (fixed?.[1]) return 'GMT' + formatOffset(offsetMin, true, true);
      const part = new Intl.DateTimeFormat('en-US', {
        timeZone: toIntlZone(timeZone),
        timeZoneName: n >= 4 ? 'long' : 'short',
      })
        .formatToParts(new Date(ms))
        .find((p) => p.type === 'timeZoneName');
      return part?.value ?? 'GMT';
    }
    default:
      throw new Error(`Utilities.formatDate: pattern letter '${ch}' is not emulated`);
  }
}

function formatOffset(offsetMin: number, colon: boolean, minutes: boolean): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  return sign + hh + (minutes ? (colon ? ':' : '') + mm : '');
}

/**
 * Intl (Node 20) does not accept "GMT+4:00" or "+04:00"; for `z` we print such fixed zones
 * ourselves as "GMT+04:00", which is what Java prints for custom GMT zones.
 */
function toIntlZone(timeZone: string): string {
  return FIXED_ZONE.test(timeZone.trim()) ? 'UTC' : timeZone;
}
