/**
 * Numbers, dates and months as text, per language, with Intl. The view model formats everything once;
 * the templates only place strings.
 */
import type { IsoDate, Month } from '../shared/calendar';
import { isIsoCurrencyCode, isPercentUnit } from '../shared/cells';
import { roundHalfAway } from '../shared/decompose';
import { dayFigure, percentFigure } from '../shared/figures';
import type { Lang } from '../shared/template';
import { LABELS, LOCALES } from './i18n';

const DASH = '–';

/** A Unit that is an ISO currency code, which the report writes amounts of as money ($1,000,000). */
const isCurrencyCode = isIsoCurrencyCode;

/** Decimal places that show a value honestly without noise: 1,000,000 / 37.5 / 0.125 / 0.0005. */
function fractionDigits(x: number): number {
  const a = Math.abs(x);
  if (a >= 1000 || Number.isInteger(x)) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  // Below 1, at least two significant digits: 0.0005 is not 0.001, nor 0.00049 zero.
  return Math.min(10, Math.max(3, Math.ceil(-Math.log10(a)) + 2));
}

/** A local path or a bare name → the file's name only ("plans/q3.xlsx" → "q3.xlsx"), for either separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/**
 * The unit as a person writes it after the number: "1 hour", "2 hours", "0.7 hours", "1 sign-up". English
 * units that are plain words (four letters or more, lower case, with a vowel; hyphens allowed) take the singular
 * for exactly 1 and the plural otherwise. Abbreviations ("kg", "hrs", "pcs", "mph", "USD") and Chinese units,
 * which do not inflect, stay as typed.
 */
export function unitFor(x: number, unit: string, lang: Lang): string {
  if (lang !== 'en' || !/^[a-z][a-z-]{3,}$/.test(unit) || !/[aeiou]/.test(unit)) return unit;
  const plural = unit.endsWith('s') && !unit.endsWith('ss');
  if (Math.abs(x) === 1) {
    if (!plural) return unit;
    return unit.endsWith('ies') ? `${unit.slice(0, -3)}y` : unit.slice(0, -1);
  }
  if (plural) return unit;
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/.test(unit) ? `${unit}es` : `${unit}s`;
}

export class Formatter {
  readonly lang: Lang;
  private readonly numberLocale: string;
  private readonly cache = new Map<string, Intl.NumberFormat>();
  private readonly months = new Map<string, string>();
  private readonly monthFormat: Intl.DateTimeFormat;
  private readonly monthShortFormat: Intl.DateTimeFormat;

  constructor(lang: Lang) {
    this.lang = lang;
    this.numberLocale = LOCALES[lang].numbers;
    // Months in English as en-US writes them ("Sep 2026"; en-GB now says "Sept").
    this.monthFormat = new Intl.DateTimeFormat(this.numberLocale, {
      timeZone: 'UTC',
      month: 'short',
      year: 'numeric',
    });
    this.monthShortFormat = new Intl.DateTimeFormat(this.numberLocale, { timeZone: 'UTC', month: 'short' });
  }

  private nf(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let f = this.cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(this.numberLocale, options);
      this.cache.set(key, f);
    }
    return f;
  }

  /** A count: 1,000 / 1,000. */
  count(n: number): string {
    return this.nf('count', { maximumFractionDigits: 0 }).format(n);
  }

  number(x: number | null): string {
    if (x === null || !Number.isFinite(x)) return DASH;
    const digits = fractionDigits(x);
    return this.nf(`n${digits}`, { maximumFractionDigits: digits }).format(x);
  }

  /** A ratio as a percentage, rounded as every surface rounds it (shared/figures.ts): 92%, 4.8%, 0.05%. */
  percent(x: number | null): string {
    if (x === null || !Number.isFinite(x)) return DASH;
    const { percent, digits } = percentFigure(x);
    return this.nf(`p${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(percent / 100);
  }

  /** A value in its unit: USD → $1,000,000; % → 20%; anything else → 50,000 sign-ups. */
  value(x: number | null, unit: string): string {
    if (x === null || !Number.isFinite(x)) return DASH;
    const u = unit.trim();
    if (isPercentUnit(u)) return this.percent(x);
    if (isCurrencyCode(u)) {
      const digits = Math.abs(x) >= 1000 || Number.isInteger(x) ? 0 : 2;
      return this.nf(`c${u}${digits}`, {
        style: 'currency',
        currency: u,
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }).format(x);
    }
    // The unit agrees with the number as shown: 1.0004 hours shows as "1 hour", not "1 hours".
    return u
      ? `${this.number(x)} ${unitFor(roundHalfAway(x, fractionDigits(x)), u, this.lang)}`
      : this.number(x);
  }

  /** The unit's ISO currency code when it is one (USD, TWD), else '': what a chart's axis writes amounts in. */
  currencyOf(unit: string): string {
    const u = unit.trim();
    return isCurrencyCode(u) ? u : '';
  }

  /** A calendar day: 15 Nov 2026 / 2026年11月15日 (shared/figures.ts, as the check sidebar writes it). */
  date(iso: IsoDate | null): string {
    return iso ? dayFigure(iso, this.lang) : DASH;
  }

  /** A month: Nov 2026 / 2026年11月. */
  month(month: Month | null): string {
    if (!month || !/^\d{4}-\d{2}$/.test(month)) return month ?? DASH;
    let text = this.months.get(month);
    if (text === undefined) {
      text = this.monthFormat.format(new Date(`${month}-01T00:00:00Z`));
      this.months.set(month, text);
    }
    return text;
  }

  monthShort(month: Month): string {
    return this.monthShortFormat.format(new Date(`${month}-01T00:00:00Z`));
  }

  /** A Google-style OKR score, 0.0–1.0. */
  score(x: number | null): string {
    return x === null
      ? DASH
      : this.nf('score', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
  }

  get none(): string {
    return LABELS[this.lang].none;
  }
}
