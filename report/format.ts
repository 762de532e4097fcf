/**
 * Numbers, dates and months as text, per language, with Intl. The view model formats everything once;
 * the templates only place strings.
 */
import type { IsoDate, Month } from '../shared/calendar';
import { isIsoCurrencyCode } from '../shared/cells';
import {
  comparedTexts,
  dayFigure,
  numberText,
  percentText,
  planValueText,
  unitFor,
  valueText,
  type ComparedFigure,
  type Comparison,
} from '../shared/figures';
import type { Lang } from '../shared/template';
import { LABELS, LOCALES } from './i18n';

const DASH = '–';

// How a value is written in its unit is one rule for every surface (shared/figures.ts): kept importable from here.
export { unitFor };

/** A local path or a bare name → the file's name only ("plans/q3.xlsx" → "q3.xlsx"), for either separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/**
 * The text of each figure once made, by its number: a report writes the same figures many times over (at 1,000 key
 * results 21,000 values in 6,500 texts, 3,800 dates in 21), and Intl's formatting is the costly part. -0, which Intl
 * writes "-0" where a Map takes it for 0, is not kept.
 */
class Texts<K> {
  private readonly made = new Map<K, string>();

  constructor(private readonly make: (key: K) => string) {}

  get(key: K): string {
    let text = this.made.get(key);
    if (text === undefined) {
      text = this.make(key);
      if (!Object.is(key, -0)) this.made.set(key, text);
    }
    return text;
  }
}

export class Formatter {
  readonly lang: Lang;
  private readonly numberLocale: string;
  private readonly cache = new Map<string, Intl.NumberFormat>();
  private readonly months = new Map<string, string>();
  private readonly counts: Texts<number>;
  private readonly percents: Texts<number>;
  private readonly dates: Texts<IsoDate>;
  private readonly scores: Texts<number>;
  /** Per unit, as written (valueText trims it itself). */
  private readonly values = new Map<string, Texts<number>>();
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
    this.counts = new Texts((n) => this.nf('count', { maximumFractionDigits: 0 }).format(n));
    this.percents = new Texts((x) => percentText(x, lang));
    this.dates = new Texts((iso) => dayFigure(iso, lang));
    this.scores = new Texts((x) =>
      this.nf('score', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x),
    );
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
    return this.counts.get(n);
  }

  /** A number with grouped thousands and honest decimals (shared/figures.ts). */
  number(x: number | null): string {
    return numberText(x, this.lang);
  }

  /** A ratio as a percentage, rounded as every surface rounds it (shared/figures.ts): 92%, 4.8%, 0.05%. */
  percent(x: number | null): string {
    return x === null ? percentText(x, this.lang) : this.percents.get(x);
  }

  /** A value in its unit, as every surface writes it (shared/figures.ts): $1,000,000; 20%; 50,000 sign-ups. */
  value(x: number | null, unit: string): string {
    if (x === null) return valueText(x, unit, this.lang);
    let texts = this.values.get(unit);
    if (!texts) {
      texts = new Texts((y) => valueText(y, unit, this.lang));
      this.values.set(unit, texts);
    }
    return texts.get(x);
  }

  /** A figure the plan states (a Target, a Baseline, a bar) with the decimals it was typed with (shared/figures.ts). */
  planValue(x: number | null, unit: string): string {
    return planValueText(x, unit, this.lang);
  }

  /**
   * Figures shown side by side to be read against each other (a current value against its target, a reading against
   * its bar), each as `value` writes it, unless that shows one short of a bar on it, or two that differ the same
   * (shared/figures.ts comparedTexts).
   */
  compared(figures: readonly ComparedFigure[], comparisons: readonly Comparison[], unit: string): string[] {
    return comparedTexts(figures, comparisons, unit, this.lang, (x) => this.value(x, unit));
  }

  /** The unit's ISO currency code when it is one (USD, TWD), else '': what a chart's axis writes amounts in. */
  currencyOf(unit: string): string {
    const u = unit.trim();
    return isIsoCurrencyCode(u) ? u : '';
  }

  /** A calendar day: 15 Nov 2026 / 2026年11月15日 (shared/figures.ts, as the check sidebar writes it). */
  date(iso: IsoDate | null): string {
    return iso ? this.dates.get(iso) : DASH;
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
    return x === null ? DASH : this.scores.get(x);
  }

  get none(): string {
    return LABELS[this.lang].none;
  }
}
