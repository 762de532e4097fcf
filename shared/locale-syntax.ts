/**
 * How a spreadsheet's locale writes numbers and formulas: the decimal sign ("1.5" or "1,5") and what separates a
 * formula's arguments ("," or ";"). Sheets ties the two together: the locales that write decimals with a dot
 * separate arguments with a comma, and every other locale writes decimals with a comma and separates arguments
 * with a semicolon. Google does not publish the table; the dot-decimal locales below are the public report's
 * list (Stack Overflow, "locale differences in google sheets", https://stackoverflow.com/questions/73767719;
 * Ben Collins, https://www.benlcollins.com/spreadsheets/sheets-location/), cited in docs/addon.md; a locale it does
 * not name takes its decimal sign from Unicode's CLDR (Intl), so en_NZ and es_US are dot-decimal as they write.
 *
 * The parser reads numbers typed as text with the spreadsheet's decimal sign (shared/cells.ts readNumber), as
 * Sheets itself turns such text into a number; the emulator parses formulas in the same locale's syntax.
 */

export type DecimalMark = '.' | ',';

export interface LocaleSyntax {
  argumentSeparator: ',' | ';';
  decimalMark: DecimalMark;
}

/** Keys are language_COUNTRY, as getSpreadsheetLocale() and the Sheets API's `properties.locale` give them. */
const DOT_DECIMAL_LOCALES = new Set([
  'en_AU',
  'en_CA',
  'zh_CN',
  'ar_EG',
  'zh_HK',
  'hi_IN',
  'en_IN',
  'bn_IN',
  'gu_IN',
  'kn_IN',
  'ml_IN',
  'mr_IN',
  'pa_IN',
  'ta_IN',
  'te_IN',
  'en_IE',
  'iw_IL',
  'he_IL',
  'ja_JP',
  'es_MX',
  'mn_MN',
  'my_MM',
  'fil_PH',
  'en_PH',
  'ko_KR',
  'de_CH',
  'zh_TW',
  'th_TH',
  'en_GB',
  'cy_GB',
  'en_US',
]);
/** A bare language (a locale given as "en") counts as dot-decimal when the language's listed countries all are. */
const DOT_DECIMAL_LANGUAGES = new Set(['en', 'zh', 'ja', 'ko', 'th', 'hi', 'he', 'iw', 'mn', 'my', 'fil']);

/**
 * A locale as the table spells it, language_COUNTRY, from however it came: "en-us", "EN_US", "zh-Hant-TW" (a
 * script between them), "en_US.UTF-8" or "de_DE@euro" (a POSIX locale's encoding and modifier); "zh-Hant" has no
 * country, so it is its language, "zh".
 */
function localeKey(locale: string): string {
  const parts = locale
    .trim()
    .replace(/[.@].*$/, '')
    .split(/[-_]/)
    .filter(Boolean);
  const language = (parts[0] ?? '').toLowerCase();
  const country = parts.slice(1).find((part) => /^([a-z]{2}|\d{3})$/i.test(part));
  return country ? `${language}_${country.toUpperCase()}` : language;
}

/** Each locale's syntax, worked out once: asking Intl builds a number formatter, and a spreadsheet has one locale. */
const SYNTAX_OF = new Map<string, LocaleSyntax>();

/**
 * The syntax of a spreadsheet locale ("de_DE", "en-US", "zh_TW", "en"). No locale (a workbook file, which does not
 * record one) reads as dot-decimal, the syntax of every language the plan can be written in.
 */
export function localeSyntaxOf(locale: string | null | undefined): LocaleSyntax {
  const key = localeKey(String(locale ?? ''));
  let syntax = SYNTAX_OF.get(key);
  if (!syntax) {
    const dot =
      key === '' ||
      DOT_DECIMAL_LOCALES.has(key) ||
      (!key.includes('_') && DOT_DECIMAL_LANGUAGES.has(key)) ||
      writesDecimalsWithDot(key);
    syntax = dot
      ? { argumentSeparator: ',', decimalMark: '.' }
      : { argumentSeparator: ';', decimalMark: ',' };
    SYNTAX_OF.set(key, syntax);
  }
  return syntax;
}

/** Whether Intl knows a locale (a tag such as de-DE): it would answer for one it does not in the runtime's own. */
function intlKnows(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

/**
 * Locales the report's list leaves out (en_NZ, es_US, ms_MY, zh_SG: the list names the comma locales it knows, and
 * says every other one uses semicolons): their decimal sign as Unicode's CLDR writes it, through Intl (in Node and
 * in Apps Script's V8 alike), since a locale's text numbers follow its decimal sign. Without Intl, or for a name
 * Intl cannot read, the list's answer stands: comma decimals.
 */
function writesDecimalsWithDot(key: string): boolean {
  const tag = key.replace('_', '-');
  if (!intlKnows(tag)) return false;
  const parts = new Intl.NumberFormat(tag).formatToParts(1.5);
  return parts.find((part) => part.type === 'decimal')?.value === '.';
}

export const decimalMarkOf = (locale: string | null | undefined): DecimalMark =>
  localeSyntaxOf(locale).decimalMark;

/** A number as a person types it into a spreadsheet of this decimal sign, without grouping: 0.7 → "0,7" in de_DE. */
export const numberAsTyped = (value: number, mark: DecimalMark): string =>
  mark === ',' ? String(value).replace('.', ',') : String(value);

/**
 * Whether a locale is one this table or Intl (Unicode's CLDR) knows: "de_DE", "en-NZ", "fr"; not "us", "xx" or
 * "foo", which would silently read numbers as some default. The command refuses the others (--locale).
 */
export function isKnownLocale(locale: string): boolean {
  const key = localeKey(locale);
  if (key === '') return false;
  return DOT_DECIMAL_LOCALES.has(key) || DOT_DECIMAL_LANGUAGES.has(key) || intlKnows(key.replace('_', '-'));
}
