/**
 * How a figure is rounded for people, wherever it is shown: the report's cards and tables (report/format.ts) and
 * the checks' messages (shared/checks.ts) use the same rule, so a message and the card it points at never
 * disagree (a check once said 28% where the card said 29%).
 */
import { isRealDay, type IsoDate } from './calendar';
import { roundHalfAway } from './decompose';
import type { Lang } from './i18n';

/**
 * A ratio as a percentage and the decimals to show it with: whole from 10% (92%), one decimal from 1% (4.8%), two
 * significant digits below (0.05%, 0.45%), halves up as the value was meant (0.0705 is 7.1%, though the double is
 * a hair under it). A ratio short of 1 never shows as 100%: it takes the decimals that show it short (99.8%), as
 * a key result missed at $449,230 of $450,000 once showed 100% beside "missed".
 */
export function percentFigure(ratio: number): { percent: number; digits: number } {
  const pct = ratio * 100;
  const size = Math.abs(pct);
  let digits = size >= 10 || size === 0 ? 0 : size >= 1 ? 1 : Math.min(6, Math.ceil(-Math.log10(size)) + 1);
  let percent = roundHalfAway(pct, digits);
  // Short of 1 by more than a sum's float noise (six equal shares of 1 add up to 0.9999999999999999, which progress
  // counts as 1, shared/progress.ts): then never 100%.
  const short = ratio < 1 - 1e-9;
  while (short && percent >= 100 && digits < 6) percent = roundHalfAway(pct, ++digits);
  return { percent, digits };
}

/** One formatter per language for the process (building one costs far more than formatting with it). */
const DAY_FORMATS = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A calendar day as people read it, on every surface (the report, the check sidebar): 15 Nov 2026 / 2026年11月15日.
 * English puts the day first, as most of the world reads it, with the short month everyone knows ("Sep", as en-US
 * writes it, not en-GB's "Sept"). Text that is not a day is given back as it is.
 */
export function dayFigure(iso: IsoDate, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  let format = DAY_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang === 'en' ? 'en-US' : lang,
      lang === 'en'
        ? { timeZone: 'UTC', month: 'short' }
        : { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' },
    );
    DAY_FORMATS.set(lang, format);
  }
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!isRealDay(y, m, d)) return iso;
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return lang === 'en'
    ? `${day.getUTCDate()} ${format.format(day)} ${day.getUTCFullYear()}`
    : format.format(day);
}
