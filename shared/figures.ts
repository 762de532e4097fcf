/**
 * How a figure is rounded for people, wherever it is shown: the report's cards and tables (report/format.ts) and
 * the checks' messages (shared/checks.ts, which the add-on's sidebar lists) use the same rule, so a message and the
 * card it points at never disagree (a check once said 28% where the card said 29%).
 */
import { isRealDay, type IsoDate } from './calendar';
import { roundHalfAway } from './decompose';
import type { Lang } from './i18n';
import { reachesBar, STATUS_BARS } from './progress';

/** The most decimals a percentage takes to stay short of a bar it has not reached. */
const MAX_PERCENT_DIGITS = 6;

/**
 * A ratio as a percentage and the decimals to show it with: whole from 10% (92%), one decimal from 1% (4.8%), two
 * significant digits below (0.05%, 0.45%), halves up as the value was meant (0.0705 is 7.1%, though the double is
 * a hair under it).
 *
 * A figure never rounds onto a bar a status turns on (STATUS_BARS: 70%, 90%, 100%) that its value has not reached:
 * it takes the decimals that show it short (89.6%, 69.97%, 99.8%), and only then. Beside "at risk", "90%" for
 * 0.896 read as the on-track bar met, and a key result missed at $449,230 of $450,000 showed 100% beside
 * "missed". "Reached" is the status's own test (reachesBar), so a value the status counts as 90% shows 90%.
 */
export function percentFigure(ratio: number): { percent: number; digits: number } {
  const pct = ratio * 100;
  const size = Math.abs(pct);
  let digits = size >= 10 || size === 0 ? 0 : size >= 1 ? 1 : Math.min(6, Math.ceil(-Math.log10(size)) + 1);
  let percent = roundHalfAway(pct, digits);
  for (const bar of STATUS_BARS) {
    if (reachesBar(ratio, bar)) continue;
    // 0.7 * 100 is 70.00000000000001: the bar as a percentage, without the float noise.
    const shownBar = roundHalfAway(bar * 100, MAX_PERCENT_DIGITS);
    while (percent >= shownBar && digits < MAX_PERCENT_DIGITS) percent = roundHalfAway(pct, ++digits);
    // Closer than the last decimal shown (but not within reachesBar's tolerance): cut, never round up.
    if (percent >= shownBar) percent = Math.floor(pct * 10 ** digits) / 10 ** digits;
  }
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
