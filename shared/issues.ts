/**
 * Plan issues: every problem the parser and the checks find, with a stable code, a message and a fix in every
 * language (from the message catalogue, shared/i18n), and the cell to jump to.
 */
import { fill, inEveryLanguage, localized, type Lang, type Localized, type Params } from './i18n';
import { a1 } from './cells';
import { tabDef, type TabKey } from './template';

export type Severity = 'error' | 'warning' | 'tip';
export type IssueCategory = 'structure' | 'method' | 'tracking';

export interface PlanIssue {
  severity: Severity;
  category: IssueCategory;
  code: IssueCode;
  message: Localized;
  fix: Localized;
  /** The tab (as named in the workbook, or as the template names it when the tab is missing). */
  sheet: string;
  /** 1-based; null only when the whole tab is missing. */
  row: number | null;
  column: number | null;
  a1: string | null;
}

interface CatalogEntry {
  severity: Severity;
  category: IssueCategory;
  message: Localized;
  fix: Localized;
}

/**
 * Every issue's severity and category, by its stable code. Its words (message and fix, with {parameters}) are the
 * catalogue's `issues[code]` in shared/i18n, one record per language.
 */
const ISSUES = {
  // Structure: the workbook's shape and its cells.
  'missing-tab': ['error', 'structure'],
  'missing-tab-optional': ['warning', 'structure'],
  'missing-column': ['error', 'structure'],
  'missing-column-optional': ['warning', 'structure'],
  'duplicate-column': ['warning', 'structure'],
  'header-scale': ['warning', 'structure'],
  'title-scale': ['warning', 'structure'],
  'empty-sheet': ['error', 'structure'],
  'duplicate-tab': ['warning', 'structure'],
  'tab-name-near': ['warning', 'structure'],
  'tab-copy': ['warning', 'structure'],
  'extra-actuals-tab': ['warning', 'structure'],
  'column-copy': ['warning', 'structure'],
  'hidden-rows': ['warning', 'structure'],
  'example-row': ['warning', 'structure'],
  'unread-header': ['tip', 'structure'],
  'empty-column-near-header': ['warning', 'structure'],
  'ambiguous-header': ['warning', 'structure'],
  'missing-id': ['error', 'structure'],
  'duplicate-id': ['error', 'structure'],
  'id-on-two-tabs': ['error', 'structure'],
  'missing-value': ['error', 'structure'],
  'formula-error': ['error', 'structure'],
  'formula-without-result': ['error', 'structure'],
  'not-a-number': ['error', 'structure'],
  'comparison-sign': ['error', 'structure'],
  'not-a-date': ['error', 'structure'],
  'invalid-choice': ['error', 'structure'],
  'dates-reversed': ['error', 'structure'],
  'outside-period': ['warning', 'structure'],
  'period-missing': ['error', 'structure'],
  'period-reversed': ['error', 'structure'],
  'period-too-long': ['warning', 'structure'],
  'unknown-objective': ['error', 'structure'],
  'unknown-key-result': ['error', 'structure'],
  'unknown-parent': ['error', 'structure'],
  'parent-cycle': ['error', 'structure'],
  'unknown-owner': ['error', 'structure'],
  'owner-near-department': ['error', 'structure'],
  'owner-near-departments': ['error', 'structure'],
  'direction-contradiction': ['warning', 'structure'],
  'unknown-metric': ['warning', 'structure'],
  'metric-id-near': ['warning', 'structure'],
  'wide-actuals': ['tip', 'structure'],
  'month-header-year': ['error', 'structure'],
  'month-actual-unclear': ['error', 'structure'],
  'merged-months': ['warning', 'structure'],
  'merged-amount': ['warning', 'structure'],
  'custom-weights-missing': ['warning', 'structure'],
  'invalid-weight': ['error', 'structure'],
  'duplicate-weights-row': ['warning', 'structure'],
  'targets-mismatch': ['warning', 'structure'],
  'targets-row-missing': ['warning', 'structure'],
  'targets-text-mismatch': ['warning', 'structure'],
  'targets-formula-error': ['warning', 'structure'],
  'as-of-not-a-date': ['warning', 'structure'],
  'as-of-differs': ['tip', 'tracking'],
  'unreadable-by-formulas': ['warning', 'structure'],
  'shown-not-held': ['warning', 'structure'],
  'format-not-read': ['warning', 'structure'],
  'merged-unread-by-formulas': ['warning', 'structure'],
  // Plausibility: numbers that read but cannot mean what they say (everyday typing mistakes).
  'target-equals-baseline': ['error', 'structure'],
  'percent-as-whole-number': ['error', 'structure'],
  'percent-one': ['error', 'structure'],
  'confidence-ambiguous': ['warning', 'structure'],
  'percent-plan-as-whole-number': ['error', 'structure'],
  'percent-in-unit': ['warning', 'structure'],
  'percent-change-in-unit': ['error', 'structure'],
  'plan-typed-in-full': ['error', 'structure'],
  'confidence-out-of-range': ['error', 'structure'],
  'negative-weight': ['warning', 'structure'],
  'weight-scales-mixed': ['warning', 'structure'],
  'weight-ratio-mixed': ['warning', 'structure'],
  'weight-blank-mixed': ['warning', 'structure'],
  'weight-blank-fractions': ['warning', 'structure'],
  'id-number-ambiguous': ['error', 'tracking'],
  'id-number-matched': ['warning', 'tracking'],
  'time-not-a-number': ['error', 'structure'],
  'duplicate-check-in': ['warning', 'tracking'],
  'same-day-amounts': ['tip', 'tracking'],
  'subtotal-check-in': ['warning', 'tracking'],
  'same-day-readings': ['warning', 'tracking'],
  'check-in-before-start': ['warning', 'tracking'],
  'check-in-after-due': ['warning', 'tracking'],
  'check-in-after-period': ['warning', 'tracking'],
  'check-in-off-scale': ['warning', 'tracking'],
  'month-over-target': ['warning', 'tracking'],
  'month-far-above-plan': ['warning', 'tracking'],
  'percent-reading-high': ['warning', 'tracking'],
  'percent-reading-low': ['warning', 'tracking'],
  'percent-reading-drop': ['warning', 'tracking'],
  'percent-readings-low': ['warning', 'tracking'],
  'compact-date': ['error', 'structure'],
  'date-out-of-range': ['error', 'structure'],
  'span-date': ['error', 'structure'],
  'yes-no-not-milestone': ['error', 'structure'],
  'milestone-check-in': ['error', 'tracking'],
  'negative-check-in': ['error', 'tracking'],
  'running-total': ['warning', 'tracking'],
  'to-date-header': ['warning', 'tracking'],
  'to-date-header-wide': ['warning', 'tracking'],
  'to-date-note': ['warning', 'tracking'],
  'plan-rows-in-actuals': ['warning', 'tracking'],
  'to-date-rows-in-actuals': ['warning', 'tracking'],
  // Method: the rules of thumb of the OKR/KPI method.
  'too-many-key-results': ['warning', 'method'],
  'too-many-objectives': ['warning', 'method'],
  'too-many-key-results-owned': ['warning', 'method'],
  'too-many-kpis': ['warning', 'method'],
  'idle-department': ['warning', 'method'],
  'kpi-without-key-result': ['warning', 'method'],
  'key-result-untracked': ['tip', 'method'],
  'key-result-without-owner': ['error', 'method'],
  'strategy-unanswered': ['warning', 'method'],
  'strategy-field-missing': ['tip', 'method'],
  'unread-strategy-row': ['warning', 'structure'],
  'funnel-mismatch': ['warning', 'method'],
  'objective-without-key-results': ['warning', 'method'],
  // Tracking: check-ins and pace.
  'stale-check-in': ['warning', 'tracking'],
  'stale-check-in-wide': ['warning', 'tracking'],
  'behind-pace': ['warning', 'tracking'],
  // Structure, read as typed: currencies, units and the plan's language.
  'currency-mismatch': ['error', 'structure'],
  'unit-mismatch': ['error', 'structure'],
  'unit-in-plain-number': ['error', 'structure'],
  'metric-currency-mismatch': ['error', 'structure'],
  'ambiguous-m': ['error', 'structure'],
  'decimal-mark': ['error', 'structure'],
  'grouped-in-fours': ['error', 'structure'],
  'ambiguous-number': ['warning', 'structure'],
  'comma-decimal-ambiguous': ['warning', 'structure'],
  'unknown-language': ['warning', 'structure'],
  'unknown-currency': ['warning', 'structure'],
  'currency-scale': ['warning', 'structure'],
} as const satisfies Record<string, readonly [Severity, IssueCategory]>;

export type IssueCode = keyof typeof ISSUES;

/** Each issue with its words in every language: what docs/checks.md lists and makeIssue fills. */
export const ISSUE_CATALOG = Object.fromEntries(
  (Object.entries(ISSUES) as [IssueCode, readonly [Severity, IssueCategory]][]).map(
    ([code, [severity, category]]) => [
      code,
      {
        severity,
        category,
        message: localized((m) => m.issues[code].message),
        fix: localized((m) => m.issues[code].fix),
      },
    ],
  ),
) as Record<IssueCode, CatalogEntry>;

/** The last sentence of percent-as-whole-number: what happens to the figure until it is fixed. */
export const PERCENT_CONSEQUENCES = {
  notCounted: localized((m) => m.issues.PERCENT_CONSEQUENCES.notCounted),
  leftOut: localized((m) => m.issues.PERCENT_CONSEQUENCES.leftOut),
  kpiLeftOut: localized((m) => m.issues.PERCENT_CONSEQUENCES.kpiLeftOut),
} satisfies Record<string, Localized>;

/** The last sentence of the off-scale warnings: the row is counted, or will be once its month is over ({month}). */
export const COUNTED = {
  now: localized((m) => m.issues.COUNTED.now),
  later: localized((m) => m.issues.COUNTED.later),
} satisfies Record<string, Localized>;

/** What a metric that is no milestone takes instead of done or not done (yes-no-not-milestone's {takes}). */
export const YES_NO_TAKES = {
  cumulative: localized((m) => m.issues.YES_NO_TAKES.cumulative),
  reading: localized((m) => m.issues.YES_NO_TAKES.reading),
  kpi: localized((m) => m.issues.YES_NO_TAKES.kpi),
} satisfies Record<string, Localized>;

export interface IssueLocation {
  sheet: string;
  row: number | null;
  column: number | null;
}

type IssueParams = Record<string, string | number | Localized>;

/** What an issue's words are made from, and the words once made (see PlanIssueRecord). */
interface IssueWords {
  def: CatalogEntry;
  params: IssueParams;
  message: Localized | null;
  fix: Localized | null;
}

/**
 * The tabs an issue's words may send the reader to, each as a parameter `{<tab>Tab}` ("Add a row to
 * "{actualsTab}" for 2026-10"): the workbook's own name for the tab once nameTabsIn has given it (a plan whose
 * check-ins are on 實際資料 is told 實際資料), else the template's name in each language.
 */
const NAMED_TABS = [
  'strategy',
  'departments',
  'objectives',
  'keyResults',
  'actuals',
] as const satisfies TabKey[];

const tabParam = (key: TabKey) => `${key}Tab`;

/** Gives every issue the workbook's names of the plan's tabs (Plan.layout's sheets), for the words that name them. */
export function nameTabsIn(
  issues: readonly PlanIssue[],
  layout: Partial<Record<TabKey, { sheet: string }>>,
): void {
  for (const issue of issues) if (issue instanceof PlanIssueRecord) issue.nameTabs(layout);
}

/** The message and fix of one issue in every language, filled from its parameters (see makeIssue). */
function render(words: IssueWords): void {
  // Once per language, not once per text, and in one pass over the parameters.
  const byLang: Record<Lang, Params> = { en: {}, 'zh-CN': {}, 'zh-TW': {} };
  const { params } = words;
  for (const key of NAMED_TABS) {
    const label = tabDef(key).label;
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) byLang[lang][tabParam(key)] = label[lang];
  }
  for (const k in params) {
    const v = params[k];
    if (typeof v === 'object') {
      byLang.en[k] = v.en;
      byLang['zh-CN'][k] = v['zh-CN'];
      byLang['zh-TW'][k] = v['zh-TW'];
    } else {
      byLang.en[k] = byLang['zh-CN'][k] = byLang['zh-TW'][k] = v;
    }
  }
  const text = (b: Localized): Localized => inEveryLanguage((lang) => fill(b[lang], byLang[lang]));
  words.message = text(words.def.message);
  words.fix = text(words.def.fix);
}

/**
 * A PlanIssue whose words are filled in when first read. A large plan has thousands of issues (2,600 at 10,000
 * key results), each with six texts (message and fix in three languages), while a reader shows one language of
 * a page of them: filling them all when the issue was made was a tenth of the checks' time. The fields come in
 * the order JSON and the tests have always seen; `message` and `fix` are enumerable own accessors, so
 * JSON.stringify, spreads and equality see the same texts as ever; the accessors are shared by every issue and
 * what they fill in lives in a private field, which JSON, keys and equality never see. The parameters are kept
 * as given: callers pass fresh values.
 */
class PlanIssueRecord implements PlanIssue {
  declare severity: Severity;
  declare category: IssueCategory;
  declare code: IssueCode;
  declare message: Localized;
  declare fix: Localized;
  declare sheet: string;
  declare row: number | null;
  declare column: number | null;
  declare a1: string | null;
  #words: IssueWords;

  /** `message` or `fix`: filled in on first read (render), then kept. */
  static #wordsProperty(part: 'message' | 'fix'): PropertyDescriptor {
    return {
      enumerable: true,
      configurable: true,
      get(this: PlanIssueRecord): Localized {
        const words = this.#words;
        if (words[part] === null) render(words);
        return words[part]!;
      },
      set(this: PlanIssueRecord, value: Localized) {
        const words = this.#words;
        if (words[part] === null) render(words);
        words[part] = value;
      },
    };
  }
  static readonly #message = PlanIssueRecord.#wordsProperty('message');
  static readonly #fix = PlanIssueRecord.#wordsProperty('fix');

  /** The workbook's names of the tabs the words name, where the caller has not given its own (see NAMED_TABS). */
  nameTabs(layout: Partial<Record<TabKey, { sheet: string }>>): void {
    const words = this.#words;
    for (const key of NAMED_TABS) {
      const sheet = layout[key]?.sheet;
      if (sheet !== undefined && !(tabParam(key) in words.params)) words.params[tabParam(key)] = sheet;
    }
    // Words already filled in are filled again with the names.
    if (words.message !== null) render(words);
  }

  constructor(code: IssueCode, at: IssueLocation, params: IssueParams) {
    const def = ISSUE_CATALOG[code];
    this.severity = def.severity;
    this.category = def.category;
    this.code = code;
    Object.defineProperty(this, 'message', PlanIssueRecord.#message);
    Object.defineProperty(this, 'fix', PlanIssueRecord.#fix);
    this.#words = { def, params, message: null, fix: null };
    this.sheet = at.sheet;
    this.row = at.row;
    this.column = at.column;
    this.a1 = at.row !== null && at.column !== null ? a1(at.row, at.column) : null;
  }
}

/**
 * Build an issue. Params may differ per language (a field's label, a status word): pass a Localized
 * value and each language gets its own.
 */
export function makeIssue(code: IssueCode, at: IssueLocation, params: IssueParams = {}): PlanIssue {
  return new PlanIssueRecord(code, at, params);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, tip: 2 };

/**
 * Errors first, then by sheet and cell: the order people fix things in. Sheets come in `sheetOrder` (the plan's
 * tabs in the template's order: Strategy first), any other after them by name; names compare by code point, not
 * by the machine's locale, so the same plan lists its issues in one order on every machine and in every language.
 */
export function sortIssues(issues: PlanIssue[], sheetOrder: readonly string[] = []): PlanIssue[] {
  const rank = new Map(sheetOrder.map((sheet, i) => [sheet, i]));
  const sheetRank = (sheet: string) => rank.get(sheet) ?? sheetOrder.length;
  return [...issues].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

export function countBySeverity(issues: PlanIssue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, tip: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
