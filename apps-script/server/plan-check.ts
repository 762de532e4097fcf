/**
 * The "Check plan" sidebar's server calls (google.script.run targets):
 *
 *   getPlanCheck(lang?)          the shared/ checks on the whole plan, as of today in the spreadsheet's time zone
 *   goToCell(sheetName, a1, lang?, issue?)  activates the tab and selects the cell an issue points at, once a
 *                                fresh check has found that issue still there
 *
 * Everything returned is plain JSON (strings, numbers, booleans, null, arrays and plain objects): google.script.run
 * refuses Dates and other objects (facts #44), so dates travel as ISO strings.
 */
import type { IsoDate } from '../../shared/calendar';
import { analyzeWorkbook } from '../../shared/checks';
import {
  countBySeverity,
  type IssueCategory,
  type IssueCode,
  type PlanIssue,
  type Severity,
} from '../../shared/issues';
import { STATUS_ORDER, type Status } from '../../shared/progress';
import { LANGS } from '../../shared/i18n';
import type { Lang } from '../../shared/template';
import { reasonOf, requestedLang, stackOf, tc } from './check-messages';
import { quickFixOffers, type QuickFixOffer } from './quick-fix';
import { dayIn, readSpreadsheet, type SpreadsheetSnapshot } from './sheets-adapter';
import { closeBidi } from '../../shared/bidi';

export interface CheckIssue {
  severity: Severity;
  category: IssueCategory;
  code: IssueCode;
  /** The explanation and the fix, in the language asked for. */
  message: string;
  fix: string;
  sheet: string;
  /** The cell to go to; null when the whole tab is missing. */
  a1: string | null;
  row: number | null;
  column: number | null;
  quickFix: QuickFixOffer | null;
}

export interface IssueGroup {
  /** The tab as named in the spreadsheet (or as the template names a missing tab). */
  sheet: string;
  /** False when the tab is not in the spreadsheet (a missing-tab issue). */
  present: boolean;
  counts: Record<Severity, number>;
  issues: CheckIssue[];
}

export interface ObjectiveStatus {
  id: string;
  title: string;
  status: Status;
}

export interface PlanCheck {
  lang: Lang;
  /** The day progress is judged on: today in the spreadsheet's time zone (YYYY-MM-DD). */
  asOf: IsoDate;
  timeZone: string;
  /** When the check ran, as an ISO 8601 instant. */
  checkedAt: string;
  summary: {
    errors: number;
    warnings: number;
    tips: number;
    objectives: Record<Status, number> & { total: number };
    /** Key results and KPIs by status, as the report's first screen counts them: what is missed or off track. */
    keyResults: Record<Status, number> & { total: number };
    kpis: Record<Status, number> & { total: number };
  };
  objectives: ObjectiveStatus[];
  /** Issues grouped by tab, tabs in the spreadsheet's order (missing tabs last); errors first within a tab. */
  groups: IssueGroup[];
}

/** The check of a spreadsheet already read, as of `now`. Pure apart from the snapshot: tests call it directly. */
export function buildPlanCheck(snapshot: SpreadsheetSnapshot, lang: Lang, now: Date): PlanCheck {
  const asOf = dayIn(snapshot.timeZone, now);
  const { plan, issues, progress } = analyze(snapshot, asOf);
  const offers = quickFixOffers({ snapshot, plan, lang }, issues);

  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    let group = groups.get(issue.sheet);
    if (!group) {
      group = {
        sheet: issue.sheet,
        present: order.has(issue.sheet),
        counts: { error: 0, warning: 0, tip: 0 },
        issues: [],
      };
      groups.set(issue.sheet, group);
    }
    group.counts[issue.severity]++;
    group.issues.push(toCheckIssue(issue, lang, offers.get(issue) ?? null));
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      (order.get(a.sheet) ?? Infinity) - (order.get(b.sheet) ?? Infinity) || a.sheet.localeCompare(b.sheet),
  );

  const byStatus = (statuses: readonly Status[]) => {
    const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
    for (const status of statuses) counts[status]++;
    return { ...counts, total: statuses.length };
  };
  const objectives = plan.objectives.map((o) => ({
    id: o.id,
    // Shown in the sidebar beside its own words: a direction override typed in the title acts only inside it.
    title: closeBidi(o.title),
    status: progress.objectives[o.id]?.status ?? ('no-data' as Status),
  }));
  const counts = countBySeverity(issues);
  return {
    lang,
    asOf,
    timeZone: snapshot.timeZone,
    checkedAt: now.toISOString(),
    summary: {
      errors: counts.error,
      warnings: counts.warning,
      tips: counts.tip,
      objectives: byStatus(objectives.map((o) => o.status)),
      keyResults: byStatus(progress.keyResults.map((k) => k.status)),
      kpis: byStatus(progress.kpis.map((k) => k.status)),
    },
    objectives,
    groups: sorted,
  };
}

/** The checks as the sidebar lists them: the same for the list and for Go to cell's look at the plan now. */
function analyze(snapshot: SpreadsheetSnapshot, asOf: IsoDate): ReturnType<typeof analyzeWorkbook> {
  return analyzeWorkbook(snapshot.workbook, {
    asOf,
    timeZone: snapshot.timeZone,
    locale: snapshot.locale,
    compareTargetsAsOf: true,
  });
}

function toCheckIssue(issue: PlanIssue, lang: Lang, quickFix: QuickFixOffer | null): CheckIssue {
  return {
    severity: issue.severity,
    category: issue.category,
    code: issue.code,
    message: issue.message[lang],
    fix: issue.fix[lang],
    sheet: issue.sheet,
    a1: issue.a1,
    row: issue.row,
    column: issue.column,
    quickFix: quickFix ? { kind: quickFix.kind, label: quickFix.label } : null,
  };
}

/**
 * Sidebar: checks the whole plan as of today (the spreadsheet's time zone) in the language asked for ('en' or
 * 'zh-CN'; the person's language when omitted). A failure reaches the sidebar's failure handler as a readable
 * message; its stack goes to the execution log.
 */
export function getPlanCheck(lang?: unknown): PlanCheck {
  const want = requestedLang(lang);
  try {
    return buildPlanCheck(readSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()), want, new Date());
  } catch (error) {
    Logger.log(stackOf(error));
    throw new Error(tc('checkFailed', want, { reason: reasonOf(error) }));
  }
}

export interface GoToCellResult {
  ok: boolean;
  /**
   * True when the issue's list is out of date: its tab is gone, its cell is outside the tab, or a fresh check no
   * longer finds the issue at its cell (rows were inserted above it, a colleague fixed it). Nothing is selected;
   * the sidebar checks the plan again.
   */
  stale: boolean;
  message: string;
  sheet: string | null;
  a1: string | null;
}

/** The issue a Go to cell button is about, as getPlanCheck listed it: its code and its message (any language). */
export interface GoToCellIssue {
  code: string;
  message: string;
}

const A1_CELL = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The issue argument: undefined or null (select without looking), an issue, or false when it is malformed. */
function readGoToIssue(issue: unknown): GoToCellIssue | null | false {
  if (issue === undefined || issue === null) return null;
  if (typeof issue !== 'object' || Array.isArray(issue)) return false;
  const { code, message } = issue as Record<string, unknown>;
  if (typeof code !== 'string' || code.length === 0 || code.length > 100) return false;
  if (typeof message !== 'string' || message.length === 0 || message.length > 10_000) return false;
  return { code, message };
}

/**
 * Sidebar "Go to cell": switches to the tab and selects the cell (facts #17). Only a tab name and one cell such as
 * B7 are accepted; a tab that is gone, or a cell outside the tab, gives a message instead of an exception.
 *
 * With `issue` (the sidebar always sends it), the cell is selected only if a fresh check of the plan as it is now
 * still finds that issue there: the same code and message at the same tab and cell, as applyQuickFix requires.
 * Rows inserted above it since the list was made would otherwise select another row and say it worked.
 */
export function goToCell(sheetName: unknown, a1: unknown, lang?: unknown, issue?: unknown): GoToCellResult {
  const want = requestedLang(lang);
  const cell = typeof a1 === 'string' ? A1_CELL.exec(a1.trim().toUpperCase()) : null;
  const about = readGoToIssue(issue);
  if (
    typeof sheetName !== 'string' ||
    sheetName.length === 0 ||
    sheetName.length > 100 ||
    !cell ||
    about === false
  ) {
    return { ok: false, stale: false, message: tc('goToBadArgs', want), sheet: null, a1: null };
  }
  const target = `${cell[1]}${cell[2]}`;
  /** The list is out of date at this cell: said, and nothing selected (the sidebar checks again). */
  const stale = (key: 'goToNoSheet' | 'goToOutside' | 'goToChanged'): GoToCellResult => ({
    ok: false,
    stale: true,
    message: tc(key, want, { sheet: sheetName, cell: target }),
    sheet: sheetName,
    a1: target,
  });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return stale('goToNoSheet');
  if (Number(cell[2]) > sheet.getMaxRows() || columnNumber(cell[1]) > sheet.getMaxColumns())
    return stale('goToOutside');
  if (about) {
    let found: boolean;
    try {
      const snapshot = readSpreadsheet(ss);
      const { issues } = analyze(snapshot, dayIn(snapshot.timeZone, new Date()));
      found = issues.some(
        (i) =>
          i.code === about.code &&
          i.sheet === sheetName &&
          i.a1 === target &&
          LANGS.some((l) => i.message[l] === about.message),
      );
    } catch (error) {
      Logger.log(stackOf(error));
      throw new Error(tc('checkFailed', want, { reason: reasonOf(error) }));
    }
    if (!found) return stale('goToChanged');
  }
  sheet.activate();
  sheet.getRange(target).activate();
  return {
    ok: true,
    stale: false,
    message: tc('goToDone', want, { sheet: sheetName, cell: target }),
    sheet: sheetName,
    a1: target,
  };
}
