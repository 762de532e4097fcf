/**
 * Plan issues: every problem the parser and the checks find, with a stable code, a message and a fix in
 * both languages, and the cell to jump to. The catalogue below is the only place their words live.
 */
import { fill, inEveryLanguage, localized, type Lang, type Localized, type Params } from './i18n';
import { a1 } from './cells';

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

const entry = (
  severity: Severity,
  category: IssueCategory,
  message: Localized,
  fix: Localized,
): CatalogEntry => ({
  severity,
  category,
  message,
  fix,
});

export const ISSUE_CATALOG = {
  // Structure: the workbook's shape and its cells.
  'missing-tab': entry(
    'error',
    'structure',
    localized((m) => m.issues['missing-tab'].message),
    localized((m) => m.issues['missing-tab'].fix),
  ),
  'missing-tab-optional': entry(
    'warning',
    'structure',
    localized((m) => m.issues['missing-tab-optional'].message),
    localized((m) => m.issues['missing-tab-optional'].fix),
  ),
  'missing-column': entry(
    'error',
    'structure',
    localized((m) => m.issues['missing-column'].message),
    localized((m) => m.issues['missing-column'].fix),
  ),
  'missing-column-optional': entry(
    'warning',
    'structure',
    localized((m) => m.issues['missing-column-optional'].message),
    localized((m) => m.issues['missing-column-optional'].fix),
  ),
  'duplicate-column': entry(
    'warning',
    'structure',
    localized((m) => m.issues['duplicate-column'].message),
    localized((m) => m.issues['duplicate-column'].fix),
  ),
  'empty-sheet': entry(
    'error',
    'structure',
    localized((m) => m.issues['empty-sheet'].message),
    localized((m) => m.issues['empty-sheet'].fix),
  ),
  'missing-id': entry(
    'error',
    'structure',
    localized((m) => m.issues['missing-id'].message),
    localized((m) => m.issues['missing-id'].fix),
  ),
  'duplicate-id': entry(
    'error',
    'structure',
    localized((m) => m.issues['duplicate-id'].message),
    localized((m) => m.issues['duplicate-id'].fix),
  ),
  'missing-value': entry(
    'error',
    'structure',
    localized((m) => m.issues['missing-value'].message),
    localized((m) => m.issues['missing-value'].fix),
  ),
  'formula-error': entry(
    'error',
    'structure',
    localized((m) => m.issues['formula-error'].message),
    localized((m) => m.issues['formula-error'].fix),
  ),
  'not-a-number': entry(
    'error',
    'structure',
    localized((m) => m.issues['not-a-number'].message),
    localized((m) => m.issues['not-a-number'].fix),
  ),
  'not-a-date': entry(
    'error',
    'structure',
    localized((m) => m.issues['not-a-date'].message),
    localized((m) => m.issues['not-a-date'].fix),
  ),
  'invalid-choice': entry(
    'error',
    'structure',
    localized((m) => m.issues['invalid-choice'].message),
    localized((m) => m.issues['invalid-choice'].fix),
  ),
  'dates-reversed': entry(
    'error',
    'structure',
    localized((m) => m.issues['dates-reversed'].message),
    localized((m) => m.issues['dates-reversed'].fix),
  ),
  'outside-period': entry(
    'warning',
    'structure',
    localized((m) => m.issues['outside-period'].message),
    localized((m) => m.issues['outside-period'].fix),
  ),
  'period-missing': entry(
    'error',
    'structure',
    localized((m) => m.issues['period-missing'].message),
    localized((m) => m.issues['period-missing'].fix),
  ),
  'period-reversed': entry(
    'error',
    'structure',
    localized((m) => m.issues['period-reversed'].message),
    localized((m) => m.issues['period-reversed'].fix),
  ),
  'period-too-long': entry(
    'warning',
    'structure',
    localized((m) => m.issues['period-too-long'].message),
    localized((m) => m.issues['period-too-long'].fix),
  ),
  'unknown-objective': entry(
    'error',
    'structure',
    localized((m) => m.issues['unknown-objective'].message),
    localized((m) => m.issues['unknown-objective'].fix),
  ),
  'unknown-key-result': entry(
    'error',
    'structure',
    localized((m) => m.issues['unknown-key-result'].message),
    localized((m) => m.issues['unknown-key-result'].fix),
  ),
  'unknown-parent': entry(
    'error',
    'structure',
    localized((m) => m.issues['unknown-parent'].message),
    localized((m) => m.issues['unknown-parent'].fix),
  ),
  'parent-cycle': entry(
    'error',
    'structure',
    localized((m) => m.issues['parent-cycle'].message),
    localized((m) => m.issues['parent-cycle'].fix),
  ),
  'unknown-owner': entry(
    'error',
    'structure',
    localized((m) => m.issues['unknown-owner'].message),
    localized((m) => m.issues['unknown-owner'].fix),
  ),
  'direction-contradiction': entry(
    'warning',
    'structure',
    localized((m) => m.issues['direction-contradiction'].message),
    localized((m) => m.issues['direction-contradiction'].fix),
  ),
  'unknown-metric': entry(
    'warning',
    'structure',
    localized((m) => m.issues['unknown-metric'].message),
    localized((m) => m.issues['unknown-metric'].fix),
  ),
  'custom-weights-missing': entry(
    'warning',
    'structure',
    localized((m) => m.issues['custom-weights-missing'].message),
    localized((m) => m.issues['custom-weights-missing'].fix),
  ),
  'targets-mismatch': entry(
    'warning',
    'structure',
    localized((m) => m.issues['targets-mismatch'].message),
    localized((m) => m.issues['targets-mismatch'].fix),
  ),
  'targets-row-missing': entry(
    'warning',
    'structure',
    localized((m) => m.issues['targets-row-missing'].message),
    localized((m) => m.issues['targets-row-missing'].fix),
  ),
  // Plausibility: numbers that read but cannot mean what they say (everyday typing mistakes).
  'target-equals-baseline': entry(
    'error',
    'structure',
    localized((m) => m.issues['target-equals-baseline'].message),
    localized((m) => m.issues['target-equals-baseline'].fix),
  ),
  'percent-as-whole-number': entry(
    'error',
    'structure',
    localized((m) => m.issues['percent-as-whole-number'].message),
    localized((m) => m.issues['percent-as-whole-number'].fix),
  ),
  'confidence-out-of-range': entry(
    'error',
    'structure',
    localized((m) => m.issues['confidence-out-of-range'].message),
    localized((m) => m.issues['confidence-out-of-range'].fix),
  ),
  'duplicate-check-in': entry(
    'warning',
    'tracking',
    localized((m) => m.issues['duplicate-check-in'].message),
    localized((m) => m.issues['duplicate-check-in'].fix),
  ),
  'check-in-before-start': entry(
    'warning',
    'tracking',
    localized((m) => m.issues['check-in-before-start'].message),
    localized((m) => m.issues['check-in-before-start'].fix),
  ),
  'milestone-check-in': entry(
    'error',
    'tracking',
    localized((m) => m.issues['milestone-check-in'].message),
    localized((m) => m.issues['milestone-check-in'].fix),
  ),
  'negative-check-in': entry(
    'error',
    'tracking',
    localized((m) => m.issues['negative-check-in'].message),
    localized((m) => m.issues['negative-check-in'].fix),
  ),
  // Method: the rules of thumb of the OKR/KPI method.
  'too-many-key-results': entry(
    'warning',
    'method',
    localized((m) => m.issues['too-many-key-results'].message),
    localized((m) => m.issues['too-many-key-results'].fix),
  ),
  'too-many-objectives': entry(
    'warning',
    'method',
    localized((m) => m.issues['too-many-objectives'].message),
    localized((m) => m.issues['too-many-objectives'].fix),
  ),
  'too-many-key-results-owned': entry(
    'warning',
    'method',
    localized((m) => m.issues['too-many-key-results-owned'].message),
    localized((m) => m.issues['too-many-key-results-owned'].fix),
  ),
  'too-many-kpis': entry(
    'warning',
    'method',
    localized((m) => m.issues['too-many-kpis'].message),
    localized((m) => m.issues['too-many-kpis'].fix),
  ),
  'idle-department': entry(
    'warning',
    'method',
    localized((m) => m.issues['idle-department'].message),
    localized((m) => m.issues['idle-department'].fix),
  ),
  'kpi-without-key-result': entry(
    'warning',
    'method',
    localized((m) => m.issues['kpi-without-key-result'].message),
    localized((m) => m.issues['kpi-without-key-result'].fix),
  ),
  'key-result-untracked': entry(
    'tip',
    'method',
    localized((m) => m.issues['key-result-untracked'].message),
    localized((m) => m.issues['key-result-untracked'].fix),
  ),
  'key-result-without-owner': entry(
    'error',
    'method',
    localized((m) => m.issues['key-result-without-owner'].message),
    localized((m) => m.issues['key-result-without-owner'].fix),
  ),
  'strategy-unanswered': entry(
    'warning',
    'method',
    localized((m) => m.issues['strategy-unanswered'].message),
    localized((m) => m.issues['strategy-unanswered'].fix),
  ),
  'strategy-field-missing': entry(
    'tip',
    'method',
    localized((m) => m.issues['strategy-field-missing'].message),
    localized((m) => m.issues['strategy-field-missing'].fix),
  ),
  'funnel-mismatch': entry(
    'warning',
    'method',
    localized((m) => m.issues['funnel-mismatch'].message),
    localized((m) => m.issues['funnel-mismatch'].fix),
  ),
  'objective-without-key-results': entry(
    'warning',
    'method',
    localized((m) => m.issues['objective-without-key-results'].message),
    localized((m) => m.issues['objective-without-key-results'].fix),
  ),
  // Tracking: check-ins and pace.
  'stale-check-in': entry(
    'warning',
    'tracking',
    localized((m) => m.issues['stale-check-in'].message),
    localized((m) => m.issues['stale-check-in'].fix),
  ),
  'behind-pace': entry(
    'warning',
    'tracking',
    localized((m) => m.issues['behind-pace'].message),
    localized((m) => m.issues['behind-pace'].fix),
  ),
  // Structure, read as typed: currencies, units and the plan's language.
  'currency-mismatch': entry(
    'error',
    'structure',
    localized((m) => m.issues['currency-mismatch'].message),
    localized((m) => m.issues['currency-mismatch'].fix),
  ),
  'unit-mismatch': entry(
    'error',
    'structure',
    localized((m) => m.issues['unit-mismatch'].message),
    localized((m) => m.issues['unit-mismatch'].fix),
  ),
  'unknown-language': entry(
    'warning',
    'structure',
    localized((m) => m.issues['unknown-language'].message),
    localized((m) => m.issues['unknown-language'].fix),
  ),
} satisfies Record<string, CatalogEntry>;

export type IssueCode = keyof typeof ISSUE_CATALOG;

/** The last sentence of percent-as-whole-number: what happens to the figure until it is fixed. */
export const PERCENT_CONSEQUENCES = {
  notCounted: localized((m) => m.issues.PERCENT_CONSEQUENCES.notCounted),
  leftOut: localized((m) => m.issues.PERCENT_CONSEQUENCES.leftOut),
  kpiLeftOut: localized((m) => m.issues.PERCENT_CONSEQUENCES.kpiLeftOut),
} satisfies Record<string, Localized>;

export interface IssueLocation {
  sheet: string;
  row: number | null;
  column: number | null;
}

/**
 * Build an issue. Params may differ per language (a field's label, a status word): pass a Localized
 * value and each language gets its own.
 */
export function makeIssue(
  code: IssueCode,
  at: IssueLocation,
  params: Record<string, string | number | Localized> = {},
): PlanIssue {
  const def = ISSUE_CATALOG[code];
  const paramsFor = (lang: Lang): Params => {
    const out: Params = {};
    for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[lang] : v;
    return out;
  };
  // Once per language, not once per text: plans with thousands of issues build them all.
  const byLang = { en: paramsFor('en'), 'zh-CN': paramsFor('zh-CN'), 'zh-TW': paramsFor('zh-TW') };
  const text = (b: Localized): Localized => inEveryLanguage((lang) => fill(b[lang], byLang[lang]));
  return {
    severity: def.severity,
    category: def.category,
    code,
    message: text(def.message),
    fix: text(def.fix),
    sheet: at.sheet,
    row: at.row,
    column: at.column,
    a1: at.row !== null && at.column !== null ? a1(at.row, at.column) : null,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, tip: 2 };

/** Errors first, then by sheet and cell: the order people fix things in. */
export function sortIssues(issues: PlanIssue[]): PlanIssue[] {
  return [...issues].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.sheet.localeCompare(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

export function countBySeverity(issues: PlanIssue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, tip: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
