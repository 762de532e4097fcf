/**
 * A small subset of Sheets number formats [R: setNumberFormat uses Sheets API patterns], enough
 * for getDisplayValues() of typical add-on sheets. This is an APPROXIMATION: Sheets' own
 * renderer (locale separators, column-width-dependent "automatic" digits, colours, conditions)
 * is not reproduced. Everything here is documented in docs/emulator.md as emulator behaviour.
 */
import { MONTHS, WEEKDAYS, pad, serialToWallMs, wallClockFromWallMs } from './time.js';

/** What getNumberFormat() returns for a never-formatted cell. UNCONFIRMED (widely quoted). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** Format we give a cell when a JS Date is written into it. UNCONFIRMED (facts #11). */
export const DEFAULT_DATETIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const DEFAULT_TIME_FORMAT = 'h:mm:ss am/pm';

/** Remove quoted text, backslash escapes and [bracket] sections before looking at tokens. */
function stripLiterals(pattern: string): string {
  return pattern
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]\])[^\]]*\]/gi, '');
}

/** True when the pattern renders a date, time or duration (and so getValues() returns a Date). */
export function isDateTimePattern(pattern: string | undefined): boolean {
  if (!pattern) return false;
  // Numeric patterns only use 0 # ? , . % E+ and literals; any y/m/d/h/s token means date/time.
  const core = stripLiterals(pattern).toLowerCase().replace(/e[+-]/g, '');
  return /[ymdhs]/.test(core) || /a\/p/.test(core);
}

type DateToken = { kind: 'lit'; text: string } | { kind: 'field'; text: string };

function tokenizeDatePattern(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      tokens.push({ kind: 'lit', text: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: pattern[i + 1] ?? '' });
      i += 2;
    } else if (/^(am\/pm|a\/p)/i.test(pattern.slice(i))) {
      const m = /^(am\/pm|a\/p)/i.exec(pattern.slice(i))![0];
      tokens.push({ kind: 'field', text: m.toLowerCase() });
      i += m.length;
    } else if (/^\[[hms]+\]/i.test(pattern.slice(i))) {
      const m = /^\[[hms]+\]/i.exec(pattern.slice(i))![0];
      tokens.push({ kind: 'field', text: m.toLowerCase() });
      i += m.length;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      i = end < 0 ? pattern.length : end + 1; // colours / locale tags: ignored
    } else if (/[ymdhs]/i.test(ch)) {
      let n = 1;
      while (pattern[i + n]?.toLowerCase() === ch.toLowerCase()) n++;
      tokens.push({ kind: 'field', text: ch.toLowerCase().repeat(n) });
      i += n;
    } else if (ch === '.' && /^\.0+/.test(pattern.slice(i))) {
      const m = /^\.0+/.exec(pattern.slice(i))![0];
      tokens.push({ kind: 'field', text: m });
      i += m.length;
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return tokens;
}

/** Render a date/time serial (wall-clock) with a Sheets date pattern. */
export function formatSerialAsDate(serial: number, pattern: string): string {
  const tokens = tokenizeDatePattern(pattern);
  const fields = tokens.filter((t) => t.kind === 'field').map((t) => t.text);
  const twelveHour = fields.includes('am/pm') || fields.includes('a/p');
  const wallMs = serialToWallMs(serial);
  const w = wallClockFromWallMs(wallMs);
  let out = '';
  tokens.forEach((t, idx) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    const f = t.text;
    const nextField = tokens.slice(idx + 1).find((x) => x.kind === 'field')?.text;
    if (f[0] === 'm' && f.length <= 2) {
      // "m" is minutes right after hours or right before seconds, months otherwise.
      const prev = tokens
        .slice(0, idx)
        .reverse()
        .find((x) => x.kind === 'field')?.text;
      const isMinute =
        (prev !== undefined && prev[0] === 'h') || (nextField !== undefined && nextField[0] === 's');
      out += pad(isMinute ? w.minute : w.month, f.length);
      return;
    }
    switch (f[0]) {
      case 'y':
        out += f.length <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
        return;
      case 'm':
        out +=
          f.length === 3
            ? MONTHS[w.month - 1].slice(0, 3)
            : f.length === 5
              ? MONTHS[w.month - 1][0]
              : MONTHS[w.month - 1];
        return;
      case 'd':
        out +=
          f.length <= 2
            ? pad(w.day, f.length)
            : f.length === 3
              ? WEEKDAYS[w.weekday].slice(0, 3)
              : WEEKDAYS[w.weekday];
        return;
      case 'h': {
        const h = twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += pad(h, f.length);
        return;
      }
      case 's':
        out += pad(w.second, f.length);
        return;
      case '.':
        out +=
          '.' +
          pad(w.millisecond, 3)
            .slice(0, f.length - 1)
            .padEnd(f.length - 1, '0');
        return;
      case 'a':
        out += f === 'am/pm' ? (w.hour < 12 ? 'AM' : 'PM') : w.hour < 12 ? 'A' : 'P';
        return;
      case '[': {
        // Durations: elapsed hours/minutes/seconds since the serial's zero.
        const totalSeconds = Math.round(serial * 86400);
        const unit = f[1];
        const value =
          unit === 'h'
            ? Math.floor(totalSeconds / 3600)
            : unit === 'm'
              ? Math.floor(totalSeconds / 60)
              : totalSeconds;
        out += String(value);
        return;
      }
    }
  });
  return out;
}

/** Numbers under the "Automatic" format: integers as-is, otherwise 10 significant digits. */
export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.replace('e+', 'E+').replace('e-', 'E-');
}

/** Render a number with a Sheets numeric pattern such as `0.00`, `#,##0`, `0%`, `"$"#,##0.00`. */
export function formatNumberPattern(n: number, pattern: string): string {
  if (!pattern || /^general$/i.test(pattern) || pattern === DEFAULT_NUMBER_FORMAT)
    return formatGeneralNumber(n);
  const sections = splitSections(pattern);
  let section = sections[0];
  let value = n;
  let explicitNegative = false;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
    explicitNegative = true;
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  if (section.includes('@')) return formatGeneralNumber(n);

  // Split the section into literal text and the numeric placeholder run.
  let before = '';
  let after = '';
  let numeric = '';
  let i = 0;
  let seenNumeric = false;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      (seenNumeric ? (s: string) => (after += s) : (s: string) => (before += s))(section.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === '\\') {
      if (seenNumeric) after += section[i + 1] ?? '';
      else before += section[i + 1] ?? '';
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-\]]*)/.exec(inner); // [$€-407] → €
      if (currency) {
        if (seenNumeric) after += currency[1];
        else before += currency[1];
      }
      i = end < 0 ? section.length : end + 1;
    } else if (
      /[0#?,.]/.test(ch) &&
      (!seenNumeric || after === '') &&
      (ch !== ',' || seenNumeric || /[0#?]/.test(section[i + 1] ?? ''))
    ) {
      seenNumeric = true;
      numeric += ch;
      i++;
    } else if (/[eE]/.test(ch) && seenNumeric && /^[eE][+-]0+/.test(section.slice(i))) {
      const m = /^[eE][+-]0+/.exec(section.slice(i))![0];
      numeric += m;
      i += m.length;
    } else {
      if (ch === '%') value *= 100;
      if (seenNumeric) after += ch;
      else before += ch;
      i++;
    }
  }
  if (!seenNumeric) return before + after;

  const sign = value < 0 && !explicitNegative ? '-' : '';
  const abs = Math.abs(value);
  const sci = /[eE][+-]0+/.exec(numeric);
  const mantissaPattern = sci ? numeric.slice(0, sci.index) : numeric;
  const [intPattern, decPattern = ''] = mantissaPattern.split('.');
  const minDec = (decPattern.match(/0/g) ?? []).length;
  const maxDec = (decPattern.match(/[0#?]/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const grouping = intPattern.includes(',');

  if (sci) {
    const expDigits = sci[0].length - 2;
    const [mant, exp] = abs.toExponential(maxDec).split('e');
    const expNum = Number(exp);
    return `${before}${sign}${mant}E${expNum < 0 ? '-' : '+'}${pad(Math.abs(expNum), expDigits)}${after}`;
  }

  let [intDigits, decDigits = ''] = abs.toFixed(maxDec).split('.');
  while (decDigits.length > minDec && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = decDigits ? `${intDigits}.${decDigits}` : intDigits;
  return `${before}${sign}${body}${after}`;
}

function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of pattern) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}
