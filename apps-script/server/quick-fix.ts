/**
 * Quick fixes the "Check plan" sidebar offers where the fix is mechanical and safe:
 *
 *   missing-id                               fill-id          the next free ID (e.g. KR6) in the ID cell, nothing else, or
 *                                                             the cleared ID other tabs still name (KR2, see proposedIds)
 *   unknown-owner                            add-department   the owner's name in a new row of Departments, nothing else
 *   targets-mismatch, targets-row-missing,   rebuild-targets  Decompose targets (decompose-targets.ts) on the Targets tab
 *   targets-text-mismatch,
 *   targets-formula-error
 *   unreadable-by-formulas                   type-value       the value the plan reads ("60k" → 60000, "ramp up" →
 *                                                             ramp-up) typed over the text, in that cell only
 *   decimal-mark                             type-value       the number the text is with the other decimal sign
 *                                                             ("2,5" → 2.5 in en_US), when it is a number alone
 *   as-of-not-a-date, as-of-differs          type-value       today (the spreadsheet's time zone) in the As of cell
 *   owner-near-department                    type-value       the department as the Departments tab spells it ("客服" →
 *                                                             客服部) typed over the Owner cell; never add-department
 *   metric-id-near                           type-value       the one key result's or KPI's ID a check-in's Metric names
 *                                                             but for case and spaces ("KR 3" → KR3), "Use KR3"
 *   unit-in-plain-number (a Weight)          type-value       the number the issue says to type ("2x" → 2, "2 分" → 2),
 *                                                             where its digits read one way only and it is 0 or more
 *   unit-in-plain-number (a Confidence)      type-value       a score of 100 ("80分" → 80, or 80% in a percent cell),
 *                                                             above 10 and at most 100; no other unit ("80 pcs")
 *
 * The sidebar sends back the issue it shows (code, sheet, cell). The server never trusts it: under the document
 * lock it reads the spreadsheet again, runs the checks, and acts only if that issue is still there, writing only
 * the cells it then names in `changed`. The offer (its label) and the fix are computed by the same function from
 * the same sheet state, so the ID a button promises is the ID it writes.
 *
 * A fix that types into a cell never types over a formula, writes a merged block at its top-left cell, and (type-value)
 * is offered only when the plan, read again with the value in the cell and the cell's number format kept, reads what
 * the button promises (verifiedWrites): 12000000 in a cell formatted #,##0"萬" would read as 120,000,000,000.
 */
import {
  cellText,
  idText,
  isBlank,
  isErrorValue,
  isNotApplicable,
  isPercentUnit,
  readDate,
  readList,
  readNumber,
  readsAsFormula,
  a1 as toA1,
  textCell,
  type Cell,
  type MergedRange,
  type Workbook,
} from '../../shared/cells';
import type { IsoDate } from '../../shared/calendar';
import { checkInColumns, dateAt, metricAt as checkInMetric } from '../../shared/check-in-columns';
import { formatShows, numberFormatsOf, setNumberFormats, typedTextOf } from '../../shared/number-formats';
import { formulaInputProblems, type FormulaInputProblem } from '../../shared/formula-inputs';
import { decimalMarkOf, numberAsTyped } from '../../shared/locale-syntax';
import { checkPlan, nearDepartment, nearMetricId } from '../../shared/checks';
import type { IssueCode, PlanIssue } from '../../shared/issues';
import { parsePlan } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { tabDef, type Lang, type TabKey } from '../../shared/template';
import { BusyError, withDocumentLock } from './action';
import { cellName, reasonOf, requestedLang, stackOf, tc } from './check-messages';
import { rebuildTargets } from './decompose-targets';
import { t } from './i18n';
import {
  dayIn,
  ensureSize,
  findTab,
  readSpreadsheet,
  sheetDate,
  type SpreadsheetSnapshot,
} from './sheets-adapter';

export type QuickFixKind = 'fill-id' | 'add-department' | 'rebuild-targets' | 'type-value';

/** What the sidebar shows on an issue that has a quick fix. */
export interface QuickFixOffer {
  kind: QuickFixKind;
  /** The button's words, e.g. "Fill in ID KR6". */
  label: string;
}

/** Which issue codes have a quick fix, and which. */
export const QUICK_FIXES: Partial<Record<IssueCode, QuickFixKind>> = {
  'missing-id': 'fill-id',
  'unknown-owner': 'add-department',
  'targets-mismatch': 'rebuild-targets',
  'targets-row-missing': 'rebuild-targets',
  'targets-text-mismatch': 'rebuild-targets',
  'targets-formula-error': 'rebuild-targets',
  'as-of-not-a-date': 'type-value',
  'as-of-differs': 'type-value',
  'unreadable-by-formulas': 'type-value',
  'decimal-mark': 'type-value',
  'compact-date': 'type-value',
  'grouped-in-fours': 'type-value',
  'owner-near-department': 'type-value',
  'metric-id-near': 'type-value',
  'unit-in-plain-number': 'type-value',
};

/** What applyQuickFix returns to the sidebar: plain JSON. */
export interface QuickFixResult {
  ok: boolean;
  message: string;
  /** Every cell or range written, as Sheet!A1 or Sheet!A1:T13; empty when nothing changed. */
  changed: string[];
}

/** The tabs whose ID can be generated, and the prefix used when the tab's own IDs suggest none. */
const ID_PREFIX: Partial<Record<TabKey, string>> = {
  objectives: 'O',
  keyResults: 'KR',
  kpis: 'KPI',
  roadmap: 'R',
};
/** Tabs whose IDs share a namespace: Actuals refer to key results and KPIs by ID, Parent to objectives or KRs. */
const ID_TABS: TabKey[] = ['objectives', 'keyResults', 'kpis', 'roadmap'];
const MAX_NAME_LENGTH = 100;

interface FixContext {
  snapshot: SpreadsheetSnapshot;
  plan: Plan;
  lang: Lang;
}

/** The tab key of a sheet named in an issue. */
function tabOf(snapshot: SpreadsheetSnapshot, sheet: string): TabKey | null {
  return snapshot.sheets.find((s) => s.name === sheet)?.tabKey ?? null;
}

function cellAt(snapshot: SpreadsheetSnapshot, sheet: string, row: number, column: number): Cell {
  return snapshot.workbook[sheet]?.[row - 1]?.[column - 1] ?? '';
}

/** The text of every ID cell below the header of the ID tabs. */
function idsOf(ctx: FixContext, tab: TabKey): string[] {
  const layout = ctx.plan.layout[tab];
  const column = layout?.columns.id;
  if (!layout || !column) return [];
  const grid = ctx.snapshot.workbook[layout.sheet] ?? [];
  const out: string[] = [];
  for (let r = layout.headerRow; r < grid.length; r++) {
    const text = cellText(grid[r]?.[column - 1], ctx.snapshot.timeZone);
    if (text) out.push(text);
  }
  return out;
}

/**
 * Whether `id` fits the row by its number: between the IDs of the rows above and below it (KR1 < KR2 < KR3), both of
 * the same prefix. Never on the last row: a row added at the end after the last key result (KR5) was deleted would
 * be given KR5 back, and with it the old KR5's KPIs, roadmap items and check-ins.
 */
function fitsBetween(ctx: FixContext, tab: TabKey, row: number, id: string): boolean {
  const layout = ctx.plan.layout[tab];
  const column = layout?.columns.id;
  if (!layout || !column) return false;
  const grid = ctx.snapshot.workbook[layout.sheet] ?? [];
  const numbered = (text: string) => /^(.*?)(\d+)$/.exec(text);
  const own = numbered(id);
  if (!own) return false;
  const near = (step: 1 | -1) => {
    for (let r = row - 1 + step; r >= layout.headerRow && r < grid.length; r += step) {
      const text = cellText(grid[r]?.[column - 1], ctx.snapshot.timeZone);
      if (text) return numbered(text);
    }
    return null;
  };
  const [above, below] = [near(-1), near(1)];
  const samePrefix = (m: RegExpExecArray | null) => !m || m[1].toLowerCase() === own[1].toLowerCase();
  if (!below || !samePrefix(above) || !samePrefix(below)) return false;
  const n = Number(own[2]);
  if (above && n <= Number(above[2])) return false;
  return n < Number(below[2]);
}

/**
 * The IDs other tabs name for rows of `tab` that no row of it has, as first spelled: objectives named by key results
 * (Objective), key results named by KPIs (Key result) and roadmap items (Key results).
 */
function namedButMissing(plan: Plan, tab: TabKey): string[] {
  const have = new Set(
    (tab === 'objectives' ? plan.objectives : tab === 'keyResults' ? plan.keyResults : []).map((r) =>
      r.id.toLowerCase(),
    ),
  );
  const refs =
    tab === 'objectives'
      ? plan.keyResults.map((k) => k.objectiveId)
      : tab === 'keyResults'
        ? [...plan.kpis.map((k) => k.keyResultId), ...plan.roadmap.flatMap((r) => r.keyResultIds)]
        : [];
  const missing = new Map<string, string>();
  for (const ref of refs)
    if (ref && !have.has(ref.toLowerCase()) && !missing.has(ref.toLowerCase()))
      missing.set(ref.toLowerCase(), ref);
  return [...missing.values()];
}

/**
 * The columns that name an ID of another row, by tab: a key result's Objective, a KPI's Key result, a roadmap item's
 * Key results, an objective's Parent, a check-in's Metric, the Changes tab's ID, the Targets tab's rows (custom
 * weights are kept by ID).
 */
const REFERENCE_COLUMNS: Partial<Record<TabKey, string>> = {
  objectives: 'parent',
  keyResults: 'objective',
  kpis: 'keyResult',
  roadmap: 'keyResults',
  actuals: 'metric',
  changes: 'id',
  targets: 'id',
};

/**
 * Every ID another cell of the plan still names, in lower case, as typed: an ID no row has any more (a deleted KR6
 * whose check-ins, KPIs or Changes rows remain) would, given to a new row, hand it all of them, with no word.
 */
function referencedIds(ctx: FixContext): Set<string> {
  const out = new Set<string>();
  const zone = ctx.snapshot.timeZone;
  for (const [tab, key] of Object.entries(REFERENCE_COLUMNS) as [TabKey, string][]) {
    const layout = ctx.plan.layout[tab];
    const column = layout?.columns[key];
    if (!layout || !column) continue;
    const grid = ctx.snapshot.workbook[layout.sheet] ?? [];
    for (let r = layout.headerRow; r < grid.length; r++) {
      const cell = grid[r]?.[column - 1];
      if (isBlank(cell)) continue;
      for (const item of readList(cellText(cell, zone))) out.add(idText(item, zone).toLowerCase());
    }
  }
  return out;
}

/** The row above a tab's rows each ID is under: an objective's parent, a key result's objective, a KPI's key result. */
const PARENT_COLUMN: Partial<Record<TabKey, string>> = {
  objectives: 'parent',
  keyResults: 'objective',
  kpis: 'keyResult',
};

/**
 * The text between the parent's ID and the number, when every numbered ID of the tab on a row naming its parent
 * is that parent's ID, this text and a number (O1.1, O1.2, O2.1 under O1 and O2: "."), over two parents at least;
 * null when the tab numbers its IDs on their own (KR1, KR2).
 */
function parentSeparator(ctx: FixContext, tab: TabKey): string | null {
  const layout = ctx.plan.layout[tab];
  const idColumn = layout?.columns.id;
  const parentColumn = PARENT_COLUMN[tab] ? layout?.columns[PARENT_COLUMN[tab]] : undefined;
  if (!layout || !idColumn || !parentColumn) return null;
  const grid = ctx.snapshot.workbook[layout.sheet] ?? [];
  const zone = ctx.snapshot.timeZone;
  let separator: string | null = null;
  const parents = new Set<string>();
  for (let r = layout.headerRow; r < grid.length; r++) {
    const m = /^(.*?)(\d+)$/.exec(idText(grid[r]?.[idColumn - 1], zone));
    const parent = idText(grid[r]?.[parentColumn - 1], zone);
    if (!m || !parent) continue;
    const rest = m[1].slice(parent.length);
    if (m[1].slice(0, parent.length).toLowerCase() !== parent.toLowerCase() || !rest || /\d$/.test(rest))
      return null;
    if (separator !== null && separator !== rest) return null;
    separator = rest;
    parents.add(parent.toLowerCase());
  }
  return parents.size >= 2 ? separator : null;
}

/**
 * The IDs the missing-id issues of one tab get, in row order: the tab's usual prefix (the most common one among
 * its IDs, else O/KR/KPI/R; or, where each ID is its parent's and a number, O2.1, the row's parent's) and one more
 * than the highest number with that prefix in any ID tab, skipping every ID a row has or a cell still names.
 */
function proposedIds(ctx: FixContext, issues: PlanIssue[], tab: TabKey): Map<number, string> {
  const taken = new Set(ID_TABS.flatMap((k) => idsOf(ctx, k)).map((id) => id.toLowerCase()));
  const used = new Set([...taken, ...referencedIds(ctx)]);
  const allIds = ID_TABS.flatMap((k) => idsOf(ctx, k));
  const numbered = idsOf(ctx, tab)
    .map((id) => /^(.*?)(\d+)$/.exec(id))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== '' && !/^[=+@-]/.test(m[1]));
  const counts = new Map<string, number>();
  for (const m of numbered) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ID_PREFIX[tab]!;
  const separator = parentSeparator(ctx, tab);
  const layout = ctx.plan.layout[tab]!;
  const parentColumn = PARENT_COLUMN[tab] ? layout.columns[PARENT_COLUMN[tab]] : undefined;
  /** The prefix of a row's ID; null where it cannot be known (a row under no parent, on a tab numbered per parent). */
  const prefixOf = (row: number): string | null => {
    if (separator === null) return usual;
    const parent = idText(
      ctx.snapshot.workbook[layout.sheet]?.[row - 1]?.[parentColumn! - 1],
      ctx.snapshot.timeZone,
    );
    return parent && !readsAsFormula(parent) ? `${parent}${separator}` : null;
  };
  /** The next number after the highest with this prefix on any ID tab, and its zero padding (KR07). */
  const counters = new Map<string, { next: number; width: number }>();
  const counterOf = (prefix: string) => {
    let counter = counters.get(prefix.toLowerCase());
    if (!counter) {
      counter = { next: 1, width: 0 };
      for (const id of allIds) {
        const m = /^(.*?)(\d+)$/.exec(id);
        if (!m || m[1].toLowerCase() !== prefix.toLowerCase()) continue;
        const n = Number(m[2]);
        if (n + 1 > counter.next) {
          counter.next = n + 1;
          counter.width = m[2].startsWith('0') ? m[2].length : 0;
        }
      }
      counters.set(prefix.toLowerCase(), counter);
    }
    return counter;
  };
  const out = new Map<number, string>();
  const rows = issues
    .filter((i) => i.code === 'missing-id' && tabOf(ctx.snapshot, i.sheet) === tab && i.row !== null)
    .map((i) => i.row!)
    .sort((a, b) => a - b);
  // One row without an ID where one ID the other tabs name, and no row has, belongs by its number: that row's ID
  // was cleared (KR2 between KR1 and KR3, which the KPIs and the Roadmap still name). Given back, every reference
  // to it holds again; a new ID would not. A name that does not fit there (KR9 below KR5) is not guessed.
  const named = rows.length === 1 ? namedButMissing(ctx.plan, tab) : [];
  if (named.length === 1 && !taken.has(named[0].toLowerCase()) && fitsBetween(ctx, tab, rows[0], named[0])) {
    out.set(rows[0], named[0]);
    return out;
  }
  for (const row of rows) {
    const prefix = prefixOf(row);
    // An ID of digits and marks alone (1.4 under objectives 1 and 2) is written as a number or a date, not the ID.
    if (prefix === null || !/[^-\d\s.,:/%+]/.test(prefix)) continue;
    const counter = counterOf(prefix);
    let id = '';
    do {
      id = `${prefix}${String(counter.next++).padStart(counter.width, '0')}`;
    } while (used.has(id.toLowerCase()));
    used.add(id.toLowerCase());
    out.set(row, id);
  }
  return out;
}

/** Words that stand for an owner not decided yet. */
const PLACEHOLDER =
  /^(?:tbd|tbc|todo|n\.?a\.?|unknown|unassigned|待定|未定|待確認|待确认|待分配|未指定|\?+|？+)$/i;

/** The owner name an unknown-owner issue points at (its own cell), when it is safe to write as a value. */
function ownerName(ctx: FixContext, issue: PlanIssue): string | null {
  if (issue.row === null || issue.column === null) return null;
  const cell = cellAt(ctx.snapshot, issue.sheet, issue.row, issue.column);
  // A formula's error (#DIV/0!) is no department's name.
  if (isErrorValue(cell)) return null;
  const name = cellText(cell, ctx.snapshot.timeZone);
  // Text that could read as a formula would be written as one (facts #9): not mechanical, not safe.
  if (!name || name.length > MAX_NAME_LENGTH || readsAsFormula(name)) return null;
  // No department's name: a placeholder (-, N/A, TBD, 待定, ?), no letter at all (0, 123), markup, or the name of a
  // department's lead (a person). Added, each would be a department that owns what it was typed for, and the error
  // that said whose it is would be gone.
  if (isNotApplicable(name) || PLACEHOLDER.test(name.normalize('NFKC').trim()) || !/\p{L}/u.test(name))
    return null;
  if (/[<>]/.test(name)) return null;
  const person = idText(name).toLowerCase();
  if (ctx.plan.departments.some((d) => d.lead && idText(d.lead).toLowerCase() === person)) return null;
  // Two departments in one cell ("Sales, Finance", "銷售、財務", one per line) name no department: added as one, it
  // would be a department nobody has. Split as every list cell of the plan is (cells.ts readList); a person chooses.
  if (readList(name).length > 1) return null;
  // Joined otherwise ("Sales & Finance", "Sales / Finance", "銷售及財務"), a list when a part is a department already;
  // a name of its own (R&D, Marketing Team) is not split.
  const parts = name.split(/\s*(?:[/&＆+]|\band\b|[和與与及])\s*/i).filter(Boolean);
  const known = new Set(ctx.plan.departments.map((d) => idText(d.name).toLowerCase()));
  if (parts.length > 1 && parts.some((part) => known.has(idText(part).toLowerCase()))) return null;
  return name;
}

/**
 * The plan's cells the Targets formulas cannot read, by "sheet!row!column", found once per plan: a plan whose
 * dates were typed as text has one per check-in, and looking each up with a scan of the plan was quadratic.
 */
const FORMULA_PROBLEMS = new WeakMap<Plan, Map<string, FormulaInputProblem>>();

function formulaProblemsOf(ctx: FixContext): Map<string, FormulaInputProblem> {
  let byCell = FORMULA_PROBLEMS.get(ctx.plan);
  if (!byCell) {
    byCell = new Map();
    for (const p of formulaInputProblems(ctx.plan, ctx.snapshot.workbook))
      byCell.set(`${p.sheet}!${p.row}!${p.column}`, p);
    FORMULA_PROBLEMS.set(ctx.plan, byCell);
  }
  return byCell;
}

/** Digits, separators, a sign and a percent sign only: "2,5", "-1.000.000", "12,5 %"; not "2,5萬" or "$2,5". */
const BARE_NUMBER = /^[-+\u2212\u2013]?\s*[\d.,'’ ]+\s*%?$/;

/** Whether the cell is a Baseline, Target or check-in of a metric counted in percent (its Unit, as the plan read it). */
function percentMetricAt(ctx: FixContext, issue: PlanIssue): boolean {
  const tab = tabOf(ctx.snapshot, issue.sheet);
  const unitOf = (id: string) =>
    [...ctx.plan.keyResults, ...ctx.plan.kpis].find((m) => m.id.toLowerCase() === id.toLowerCase())?.unit;
  let unit: string | undefined;
  if (tab === 'keyResults' || tab === 'kpis')
    unit = (tab === 'keyResults' ? ctx.plan.keyResults : ctx.plan.kpis).find(
      (m) => m.row === issue.row,
    )?.unit;
  else if (tab === 'actuals') {
    const column = ctx.plan.layout.actuals?.columns.metric;
    const metric = column
      ? idText(cellAt(ctx.snapshot, issue.sheet, issue.row!, column), ctx.snapshot.timeZone)
      : '';
    unit = metric ? unitOf(metric) : undefined;
  }
  return unit !== undefined && isPercentUnit(unit);
}

/**
 * A number above 1 typed without a percent sign in a percentage's cell ("2,5" as a conversion rate's target): 2.5%
 * or 250%? The plan holds a percentage as a fraction, so typing 2.5 would make it 250%; the person is asked. A
 * fraction (0,05: 5%) reads as a percentage cell holds it.
 */
function wholePercentOrNot(ctx: FixContext, issue: PlanIssue, raw: string, value: number): boolean {
  return Math.abs(value) > 1 && !/[%\uFF05\uFE6A]/.test(raw) && percentMetricAt(ctx, issue);
}

/** The Metric of the check-in at the issue's row, as the plan read it; null where the row is no check-in. */
function metricAt(ctx: FixContext, issue: PlanIssue): string | null {
  const layout = ctx.plan.layout.actuals;
  if (!layout || layout.sheet !== issue.sheet || layout.columns.metric !== issue.column) return null;
  const columns = checkInColumns(ctx.plan);
  const i = columns.rows.indexOf(issue.row!);
  return i < 0 ? null : checkInMetric(columns, i);
}

/**
 * The one number of a cell typed with a unit, a currency or a multiple that the parser reads as no plain number
 * (unit-in-plain-number): only where the text has one number, of digits and at most the spreadsheet's decimal sign
 * ("1,5x" in en_US is 1.5 or 15, "1e3x" no number as typed), with no decimal part of three digits ("1.000x" is 1 or
 * 1000 as the reader's habit writes it). Null otherwise; the text, NFKC-normalised, beside it.
 */
function plainNumberOf(ctx: FixContext, issue: PlanIssue): { value: number; text: string } | null {
  const raw = cellAt(ctx.snapshot, issue.sheet, issue.row!, issue.column!);
  if (typeof raw !== 'string') return null;
  const mark = decimalMarkOf(ctx.snapshot.locale);
  const read = readNumber(raw, { decimalMark: mark, plain: true });
  if (read.ok || read.reason !== 'unit-in-plain-number' || read.other === undefined) return null;
  const text = raw.normalize('NFKC').trim();
  const digits = text.match(/\d[\d.,'’ ]*\d|\d/g) ?? [];
  if (digits.length !== 1) return null;
  const core = digits[0];
  const number = mark === '.' ? /^\d+(?:\.\d+)?$/ : /^\d+(?:,\d+)?$/;
  if (!number.test(core) || /^\d{1,3}[.,]\d{3}$/.test(core)) return null;
  const value = Number(read.other);
  return Number.isFinite(value) ? { value, text } : null;
}

/**
 * The weight a Weight cell typed with a unit, a currency or a multiple ("2x", "2 分", "$2", "2k") is, as its issue
 * says to type it: a Key Result's Weight or a custom weight on the Targets tab, where its number reads one way only
 * (plainNumberOf) and is 0 or more (a weight below 0 is not used). Null otherwise.
 */
function plainWeightAt(ctx: FixContext, issue: PlanIssue): number | null {
  const tab = tabOf(ctx.snapshot, issue.sheet);
  const weightColumn = ctx.plan.layout.keyResults?.columns.weight;
  if (!(tab === 'targets' || (tab === 'keyResults' && issue.column === weightColumn))) return null;
  const plain = plainNumberOf(ctx, issue);
  return plain && plain.value >= 0 ? plain.value : null;
}

/**
 * A Confidence typed as a score out of 100 ("80分", "85.5 分"): the confidence it is (0.8), where the number is
 * above 10 and at most 100, so 分 can be nothing but points of 100 (七分把握, "7 分", is 7 of 10; "0.7 分" 0.7 of 1 or
 * of 10) and the number alone reads as that percentage. Any other unit, a currency or a multiple ("80 pcs", "$70",
 * "70x") holds a count or an amount, not a confidence: typed alone it would be one nobody gave, so none is offered.
 */
function scoreConfidenceAt(ctx: FixContext, issue: PlanIssue): number | null {
  const tab = tabOf(ctx.snapshot, issue.sheet);
  if (tab !== 'keyResults' || issue.column !== ctx.plan.layout.keyResults?.columns.confidence) return null;
  const plain = plainNumberOf(ctx, issue);
  if (!plain || !/^[\d.,]+\s*分$/.test(plain.text)) return null;
  return plain.value > 10 && plain.value <= 100 ? plain.value / 100 : null;
}

/**
 * The value to type over an unreadable-by-formulas, decimal-mark, compact-date, grouped-in-fours, As of or
 * owner-near-department cell: as written (`cell`), as the button shows it, and, for a number or a day, the value the
 * plan is to read from the cell then (`promised`, checked by verifyWrites).
 */
interface TypedValue {
  cell: string | number | Date;
  shown: string;
  /** What the cell then reads as (the text a formula written for a text cell shows), for verifyWrites. */
  reads: Cell;
  promised?: number | IsoDate;
}

function readableValueAt(ctx: FixContext, issue: PlanIssue): TypedValue | null {
  if (issue.code === 'as-of-not-a-date' || issue.code === 'as-of-differs') {
    // Today, as Decompose targets sets it: a date at midnight of the spreadsheet's time zone.
    const today = dayIn(ctx.snapshot.timeZone);
    const cell = sheetDate(today, ctx.snapshot.timeZone);
    return { cell, shown: today, reads: cell };
  }
  if (issue.code === 'decimal-mark') {
    // "2,5" in an en_US sheet: 2.5, as the other decimal sign reads it. Only a number alone: with a unit or a
    // currency the person is told what to type (the issue's fix) rather than have it typed.
    const mark = decimalMarkOf(ctx.snapshot.locale);
    const raw = cellAt(ctx.snapshot, issue.sheet, issue.row!, issue.column!);
    if (typeof raw !== 'string' || !BARE_NUMBER.test(raw.normalize('NFKC').trim())) return null;
    const read = readNumber(raw, { decimalMark: mark === '.' ? ',' : '.' });
    if (!read.ok) return null;
    // Shown as the issue's fix writes it ("12.5 %", "1000000"); typed as the number it is (0.125, 1000000).
    const spelled = readNumber(raw, { decimalMark: mark });
    const shown = !spelled.ok && spelled.found ? spelled.found : numberAsTyped(read.value, mark);
    if (wholePercentOrNot(ctx, issue, raw, read.value)) return null;
    return { cell: read.value, shown, reads: read.value, promised: read.value };
  }
  if (issue.code === 'compact-date') {
    // 1151231 (Minguo 115/12/31) or 20261231: the day its digits write, when that is one day whether the cell ends a
    // span or not (202612, a month without its day, is the 1st or the 31st: the person is asked, not typed for).
    const raw = cellAt(ctx.snapshot, issue.sheet, issue.row!, issue.column!);
    const zone = ctx.snapshot.timeZone;
    const [first, last] = [false, true].map((monthEnd) => readDate(raw, zone, { monthEnd }));
    if (first.ok || last.ok || first.reason !== 'compact-date' || !first.found || first.found !== last.found)
      return null;
    const cell = sheetDate(first.found, zone);
    return { cell, shown: first.found, reads: cell, promised: first.found };
  }
  if (issue.code === 'grouped-in-fours') {
    // 5,0000 (digits grouped in fours, as 萬 groups them): 50000, where no decimal comma is a reading too (1,2345).
    const raw = cellAt(ctx.snapshot, issue.sheet, issue.row!, issue.column!);
    if (typeof raw !== 'string' || !BARE_NUMBER.test(raw.normalize('NFKC').trim())) return null;
    const read = readNumber(raw, { decimalMark: decimalMarkOf(ctx.snapshot.locale) });
    if (read.ok || read.reason !== 'grouped-in-fours' || read.other !== undefined || !read.found) return null;
    const value = Number(read.found);
    if (!Number.isFinite(value) || wholePercentOrNot(ctx, issue, raw, value)) return null;
    const shown = numberAsTyped(value, decimalMarkOf(ctx.snapshot.locale));
    return { cell: value, shown, reads: value, promised: value };
  }
  if (issue.code === 'owner-near-department') {
    // 客服 where Departments lists 客服部: the department as the tab spells it, worked out again from the cell as it
    // is now (the plan's own nearness, shared/checks.ts nearDepartment). Plain text, never a formula.
    const raw = cellAt(ctx.snapshot, issue.sheet, issue.row!, issue.column!);
    if (isErrorValue(raw)) return null;
    const department = nearDepartment(ctx.plan, cellText(raw, ctx.snapshot.timeZone).trim());
    if (!department) return null;
    return { cell: textCell(department), shown: department, reads: department };
  }
  if (issue.code === 'metric-id-near') {
    // "KR 3" or "kr3 " where KR3 is the one key result or KPI of that shape: its ID as its row spells it, worked out
    // again from the check-in as the plan reads it now (shared/checks.ts nearMetricId). Plain text, never a formula.
    const metric = metricAt(ctx, issue);
    const id = metric ? nearMetricId(ctx.plan, metric) : null;
    if (!id || id === metric) return null;
    return { cell: textCell(id), shown: id, reads: id };
  }
  if (issue.code === 'unit-in-plain-number') {
    const mark = decimalMarkOf(ctx.snapshot.locale);
    const confidence = scoreConfidenceAt(ctx, issue);
    if (confidence !== null) {
      // 80 in a plain cell, as the issue says to type it; 0.8 in one formatted as a percent (80%), where 80 would
      // show as 8000%. Either reads as the confidence 0.8; a currency or a multiple's format, neither.
      const code = numberFormatsOf(ctx.snapshot.workbook[issue.sheet])?.[issue.row! - 1]?.[issue.column! - 1];
      const shows = code ? formatShows(code) : null;
      if (shows && !(shows.percent && !shows.currency)) return null;
      const cell = shows ? confidence : Number((confidence * 100).toPrecision(12));
      return { cell, shown: numberAsTyped(cell, mark), reads: cell, promised: confidence };
    }
    const value = plainWeightAt(ctx, issue);
    if (value === null) return null;
    const shown = numberAsTyped(value, mark);
    return { cell: value, shown, reads: value, promised: value };
  }
  const problem = formulaProblemsOf(ctx).get(`${issue.sheet}!${issue.row}!${issue.column}`);
  if (!problem) return null;
  const { readable } = problem;
  switch (readable.kind) {
    case 'number':
      // Shown as the spreadsheet's locale writes it (0,7 in de_DE); written as a number.
      return {
        cell: readable.value,
        shown: numberAsTyped(readable.value, decimalMarkOf(ctx.snapshot.locale)),
        reads: readable.value,
        promised: readable.value,
      };
    case 'date': {
      const cell = sheetDate(readable.value, ctx.snapshot.timeZone);
      return { cell, shown: readable.value, reads: cell, promised: readable.value };
    }
    case 'choice': {
      const label = readable.value[ctx.plan.lang];
      return { cell: label, shown: label, reads: label };
    }
    case 'text':
      // Plan text is data: an ID starting with "=" is written as text, never as a formula.
      return { cell: textCell(readable.value), shown: readable.value, reads: readable.value };
  }
}

/** One cell a fill-id or type-value fix writes. */
interface CellWrite {
  sheet: string;
  /** The cell written: the issue's own, or the top-left cell of the merged block it lies in (the one Sheets keeps). */
  row: number;
  column: number;
  /** Every cell that then shows the value: the merged block, or the cell alone. */
  block: MergedRange;
  /** What setValue writes, and as the button and the message say it. */
  value: string | number | Date;
  shown: string;
  /** What the cell reads as then, and the plan value it is to give (see TypedValue). */
  reads: Cell;
  promised?: number | IsoDate;
}

/** A quick fix as offered, with the cell it writes (none for adding a department or rebuilding Targets). */
interface PlannedFix {
  offer: QuickFixOffer;
  write: CellWrite | null;
}

/** The merged block a cell lies in, or the cell alone. */
function blockAt(ctx: FixContext, sheet: string, row: number, column: number): MergedRange {
  const merges = ctx.snapshot.sheets.find((s) => s.name === sheet)?.merges ?? [];
  return (
    merges.find((m) => m.top <= row && row <= m.bottom && m.left <= column && column <= m.right) ?? {
      top: row,
      left: column,
      bottom: row,
      right: column,
    }
  );
}

const cellKey = (sheet: string, row: number, column: number) => `${sheet}!${row}!${column}`;

/** The issues at each cell (cellKey), in their order; issues of a whole tab or column are at none. */
function issuesByCell(issues: readonly PlanIssue[]): Map<string, PlanIssue[]> {
  const out = new Map<string, PlanIssue[]>();
  for (const i of issues) {
    if (i.row === null || i.column === null) continue;
    const key = cellKey(i.sheet, i.row, i.column);
    const there = out.get(key);
    if (there) there.push(i);
    else out.set(key, [i]);
  }
  return out;
}

/** The cells of a block, row by row. */
function cellsOf(block: MergedRange): [number, number][] {
  const out: [number, number][] = [];
  for (let r = block.top; r <= block.bottom; r++)
    for (let c = block.left; c <= block.right; c++) out.push([r, c]);
  return out;
}

/**
 * The writes whose cell holds a formula (`=Notes!B2` showing "1M", `=DATE(2026,5,31)`): the snapshot has values
 * only, and typing over the cell would lose the formula. One getFormulas() per column written, over the rows the
 * writes span (https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas).
 */
function writesOnFormulas(ctx: FixContext, writes: CellWrite[]): Set<CellWrite> {
  const byColumn = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const key = `${w.sheet}!${w.column}`;
    const group = byColumn.get(key);
    if (group) group.push(w);
    else byColumn.set(key, [w]);
  }
  const out = new Set<CellWrite>();
  for (const group of byColumn.values()) {
    const sheet = ctx.snapshot.sheets.find((s) => s.name === group[0].sheet)?.sheet;
    if (!sheet) continue;
    const top = Math.min(...group.map((w) => w.row));
    const bottom = Math.max(...group.map((w) => w.row));
    const formulas = sheet.getRange(top, group[0].column, bottom - top + 1, 1).getFormulas();
    for (const w of group) if (formulas[w.row - top]?.[0]) out.add(w);
  }
  return out;
}

/** The value the plan read from a cell of Key Results, KPIs or Actuals; `known: false` for other cells. */
function planValues(
  plan: Plan,
): (sheet: string, row: number, column: number) => { known: boolean; value?: unknown } {
  const tables = (['keyResults', 'kpis'] as const).map((tab) => {
    const layout = plan.layout[tab];
    const byRow = new Map<number, object>();
    for (const record of tab === 'keyResults' ? plan.keyResults : plan.kpis) byRow.set(record.row, record);
    const keys = new Map(Object.entries(layout?.columns ?? {}).map(([key, column]) => [column, key]));
    return { sheet: layout?.sheet, byRow, keys };
  });
  const actuals = plan.layout.actuals;
  let checkIns: Map<number, number> | null = null;
  return (sheet, row, column) => {
    for (const table of tables) {
      if (table.sheet !== sheet || !table.keys.has(column)) continue;
      const record = table.byRow.get(row) as Record<string, unknown> | undefined;
      return { known: true, value: record?.[table.keys.get(column)!] };
    }
    if (actuals?.sheet === sheet) {
      const columns = checkInColumns(plan);
      if (!checkIns) checkIns = new Map(Array.from(columns.rows, (r, i) => [r, i]));
      const i = checkIns.get(row);
      const { date, metric, value } = actuals.columns;
      const at = (read: (c: typeof columns, i: number) => unknown) => ({
        known: true,
        value: i === undefined ? undefined : read(columns, i),
      });
      if (column === date) return at(dateAt);
      if (column === metric) return at(checkInMetric);
      if (column === value) return at((c, i) => c.values[i]);
    }
    return { known: false };
  };
}

/**
 * The writes that do what they promise, tried on a copy of the plan's cells: each cell of the block set to what it
 * will read as (its number format kept, so 1200 in a `#,##0"萬"` cell reads as 1200萬, and 12 in a `0%` cell as 1200%),
 * the plan read and checked again. A write is kept only if its issue is gone from every cell it shows in, no error
 * is there that was not there before, and a number or a day it promises is what the plan now reads there: 12000000
 * typed into a cell formatted `#,##0"萬"` reads as 120,000,000,000 and is not offered.
 */
function verifiedWrites(
  ctx: FixContext,
  issues: PlanIssue[],
  writes: { issue: PlanIssue; write: CellWrite }[],
): Set<CellWrite> {
  const ok = new Set<CellWrite>();
  if (writes.length === 0) return ok;
  // Two writes that would put different values in one cell: neither is tried.
  const byCell = new Map<string, Cell>();
  const clash = new Set<string>();
  for (const { write } of writes)
    for (const [r, c] of cellsOf(write.block)) {
      const key = cellKey(write.sheet, r, c);
      if (byCell.has(key) && !sameCell(byCell.get(key), write.reads)) clash.add(key);
      byCell.set(key, write.reads);
    }
  const tried = writes.filter(({ write }) =>
    cellsOf(write.block).every(([r, c]) => !clash.has(cellKey(write.sheet, r, c))),
  );
  if (tried.length === 0) return ok;

  const workbook: Workbook = { ...ctx.snapshot.workbook };
  const copied = new Map<string, Set<number>>();
  for (const { write } of tried) {
    const original = ctx.snapshot.workbook[write.sheet];
    if (!original) continue;
    let rows = copied.get(write.sheet);
    if (!rows) {
      // A new grid with the same number formats; only the rows written are copied.
      workbook[write.sheet] = setNumberFormats([...original], numberFormatsOf(original));
      copied.set(write.sheet, (rows = new Set()));
    }
    const grid = workbook[write.sheet];
    for (const [r, c] of cellsOf(write.block)) {
      if (!rows.has(r)) {
        grid[r - 1] = [...(grid[r - 1] ?? [])];
        rows.add(r);
      }
      while (grid[r - 1].length < c - 1) grid[r - 1].push('');
      grid[r - 1][c - 1] = write.reads;
    }
  }
  const after = currentIssues(ctx.snapshot, workbook);
  const before = issuesByCell(issues);
  const issuesAfter = issuesByCell(after.issues);
  const valueAt = planValues(after.plan);
  for (const { issue, write } of tried) {
    const good = cellsOf(write.block).every(([r, c]) => {
      const key = cellKey(write.sheet, r, c);
      const there = issuesAfter.get(key) ?? [];
      if (there.some((i) => i.code === issue.code)) return false;
      const had = before.get(key) ?? [];
      if (there.some((i) => i.severity === 'error' && !had.some((b) => b.code === i.code))) return false;
      if (write.promised === undefined) return true;
      const read = valueAt(write.sheet, r, c);
      if (!read.known) return true;
      if (typeof write.promised === 'string') return read.value === write.promised;
      return (
        typeof read.value === 'number' &&
        Math.abs(read.value - write.promised) <= 1e-9 * Math.max(1, Math.abs(write.promised))
      );
    });
    if (good) ok.add(write);
  }
  return ok;
}

/** Two cells that read the same: equal values, or Dates of one instant. */
function sameCell(a: Cell | undefined, b: Cell): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** Warnings that a number as read may mean another: no fix types over such a cell the value read. */
const DOUBTFUL_NUMBERS: ReadonlySet<IssueCode> = new Set(['ambiguous-number', 'comma-decimal-ambiguous']);

/**
 * The quick fixes of the issues (or of `only`), each with the cell it writes. A fix that types over a cell is offered
 * only where it is sure: not over a formula, not where another error at the cell says the value is wrong (12 for a
 * percentage, which the formulas would then read as 1200%), and only when the plan, read again with the value in,
 * reads what the button promises (verifiedWrites). A cell in a merged block is written at the block's top-left cell,
 * the one Sheets keeps, and the button names it.
 */
function plannedFixes(ctx: FixContext, issues: PlanIssue[], only?: PlanIssue): Map<PlanIssue, PlannedFix> {
  const planned = new Map<PlanIssue, PlannedFix>();
  const ids = new Map<TabKey, Map<number, string>>();
  const departments = ctx.plan.layout.departments;
  const targetsName = ctx.plan.layout.targets?.sheet ?? tabDef('targets').label[ctx.plan.lang];
  const errorsAt = issuesByCell(issues.filter((i) => i.severity === 'error'));
  const doubtsAt = issuesByCell(issues.filter((i) => DOUBTFUL_NUMBERS.has(i.code)));
  const typed: { issue: PlanIssue; write: CellWrite }[] = [];
  for (const issue of only ? [only] : issues) {
    const kind = QUICK_FIXES[issue.code];
    if (!kind || issue.row === null || issue.column === null) continue;
    if (kind === 'fill-id') {
      const tab = tabOf(ctx.snapshot, issue.sheet);
      if (!tab || !ID_PREFIX[tab]) continue;
      if (!isBlank(cellAt(ctx.snapshot, issue.sheet, issue.row, issue.column))) continue;
      // A blank ID cell merged over rows: one ID for them all would be a duplicate.
      const block = blockAt(ctx, issue.sheet, issue.row, issue.column);
      if (block.top !== block.bottom || block.left !== block.right) continue;
      if (!ids.has(tab)) ids.set(tab, proposedIds(ctx, issues, tab));
      const id = ids.get(tab)!.get(issue.row);
      if (!id) continue;
      const write = {
        sheet: issue.sheet,
        row: issue.row,
        column: issue.column,
        block,
        value: id,
        shown: id,
        reads: id,
      };
      planned.set(issue, { offer: { kind, label: tc('fixFillId', ctx.lang, { id }) }, write });
    } else if (kind === 'add-department') {
      const name = ownerName(ctx, issue);
      if (!name || !departments?.columns.name) continue;
      const label = tc('fixAddDepartment', ctx.lang, { name, tab: departments.sheet });
      planned.set(issue, { offer: { kind, label }, write: null });
    } else if (kind === 'rebuild-targets') {
      if (!ctx.plan.period) continue;
      const label = tc('fixRebuildTargets', ctx.lang, { tab: targetsName });
      planned.set(issue, { offer: { kind, label }, write: null });
    } else if (kind === 'type-value') {
      // Another error at the cell says what is wrong with the value (12 for 12%): typing it would keep that. A
      // warning that the number may mean another (1,200 read as 1.2 in de_DE) leaves no value sure enough to type.
      const key = cellKey(issue.sheet, issue.row, issue.column);
      const others = errorsAt.get(key) ?? [];
      if (others.some((other) => other.code !== issue.code)) continue;
      if (doubtsAt.has(key)) continue;
      const value = readableValueAt(ctx, issue);
      if (!value) continue;
      const block = blockAt(ctx, issue.sheet, issue.row, issue.column);
      const [row, column] = [block.top, block.left];
      // Shown as the cell's format will show the number: 12% in a cell formatted as a percent, $1,200,000.
      const format = numberFormatsOf(ctx.snapshot.workbook[issue.sheet])?.[row - 1]?.[column - 1];
      const shown =
        typeof value.cell === 'number' && format
          ? (typedTextOf(value.cell, format, decimalMarkOf(ctx.snapshot.locale)) ?? value.shown)
          : value.shown;
      const write: CellWrite = {
        sheet: issue.sheet,
        row,
        column,
        block,
        value: value.cell,
        shown,
        reads: value.reads,
      };
      if (value.promised !== undefined) write.promised = value.promised;
      // An ID is used, not typed as a value: "Use KR3".
      const useId = issue.code === 'metric-id-near';
      const label =
        row === issue.row && column === issue.column
          ? useId
            ? tc('fixUseId', ctx.lang, { id: shown })
            : tc('fixTypeValue', ctx.lang, { value: shown })
          : useId
            ? tc('fixUseIdAt', ctx.lang, { id: shown, cell: toA1(row, column) })
            : tc('fixTypeValueAt', ctx.lang, { value: shown, cell: toA1(row, column) });
      planned.set(issue, { offer: { kind, label }, write });
      typed.push({ issue, write });
    }
  }
  const writes = [...planned.values()].flatMap((p) => (p.write ? [p.write] : []));
  const onFormulas = writesOnFormulas(ctx, writes);
  // The plan is read and checked again (verifiedWrites: as long again as the check itself) only for the writes that
  // could read otherwise than promised: into a cell whose format shows a percent, a currency or a multiple, into a
  // merged block, or where another error says the value is wrong. A single plain cell whose only error is this
  // one reads back as the value typed.
  const plainCell = ({ issue, write }: { issue: PlanIssue; write: CellWrite }) => {
    const { top, left, bottom, right } = write.block;
    if (top !== bottom || left !== right) return false;
    const code = numberFormatsOf(ctx.snapshot.workbook[write.sheet])?.[write.row - 1]?.[write.column - 1];
    if (code && formatShows(code) !== null) return false;
    const errors = errorsAt.get(cellKey(write.sheet, write.row, write.column))?.length ?? 0;
    return errors === (issue.severity === 'error' ? 1 : 0);
  };
  const candidates = typed.filter(({ write }) => !onFormulas.has(write));
  const verified = verifiedWrites(
    ctx,
    issues,
    candidates.filter((c) => !plainCell(c)),
  );
  for (const c of candidates) if (plainCell(c)) verified.add(c.write);
  for (const [issue, fix] of planned)
    if (
      fix.write &&
      (onFormulas.has(fix.write) || (QUICK_FIXES[issue.code] === 'type-value' && !verified.has(fix.write)))
    )
      planned.delete(issue);
  return planned;
}

/** The quick fix of each issue that has one (keyed by the issue object). */
export function quickFixOffers(ctx: FixContext, issues: PlanIssue[]): Map<PlanIssue, QuickFixOffer> {
  return new Map([...plannedFixes(ctx, issues)].map(([issue, fix]) => [issue, fix.offer]));
}

export interface QuickFixRequest {
  code: IssueCode;
  sheet: string;
  a1: string;
  /** The button's words as the sidebar showed them: the fix is applied only if it is still that fix. */
  label?: string;
}

const A1_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** The request as sent by the sidebar, or null when it is not one. */
export function readQuickFixRequest(request: unknown): QuickFixRequest | null {
  if (!request || typeof request !== 'object' || Array.isArray(request)) return null;
  const { code, sheet, a1, label } = request as Record<string, unknown>;
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(QUICK_FIXES, code)) return null;
  if (typeof sheet !== 'string' || sheet.length === 0 || sheet.length > 100) return null;
  if (typeof a1 !== 'string' || !A1_CELL.test(a1.toUpperCase())) return null;
  if (label !== undefined && (typeof label !== 'string' || label.length > 500)) return null;
  return { code: code as IssueCode, sheet, a1: a1.toUpperCase(), ...(label === undefined ? {} : { label }) };
}

/** The plan's issues as the sidebar lists them: as of today, which the As of cell is compared with. */
function currentIssues(
  snapshot: SpreadsheetSnapshot,
  workbook: Workbook = snapshot.workbook,
): { plan: Plan; issues: PlanIssue[] } {
  const { plan, issues } = parsePlan(workbook, {
    timeZone: snapshot.timeZone,
    locale: snapshot.locale,
  });
  return {
    plan,
    issues: [...issues, ...checkPlan(plan, { asOf: dayIn(snapshot.timeZone), compareTargetsAsOf: true })],
  };
}

/** Applies one quick fix to the spreadsheet as it is now; the caller holds the document lock. */
export function applyQuickFixTo(ss: GAS.Spreadsheet, request: QuickFixRequest, lang: Lang): QuickFixResult {
  const snapshot = readSpreadsheet(ss);
  const { plan, issues } = currentIssues(snapshot);
  const issue = issues.find(
    (i) => i.code === request.code && i.sheet === request.sheet && i.a1 === request.a1,
  );
  if (!issue || issue.row === null || issue.column === null)
    return { ok: false, message: tc('fixGone', lang), changed: [] };
  const ctx: FixContext = { snapshot, plan, lang };
  const sheetOf = (name: string) => snapshot.sheets.find((s) => s.name === name)!.sheet;
  // A cell holding a formula (=Notes!B2 showing "1M", =DATE(2026,5,31)) is never typed over: the snapshot has its
  // value only, so its formula is read now, from the cell that would be written (a merged block's top-left one).
  const kind = QUICK_FIXES[issue.code];
  if (kind === 'fill-id' || kind === 'type-value') {
    const block = blockAt(ctx, issue.sheet, issue.row, issue.column);
    const formula = sheetOf(issue.sheet).getRange(block.top, block.left).getFormula();
    if (formula) {
      const cell = cellName(issue.sheet, toA1(block.top, block.left));
      return { ok: false, message: tc('fixFormula', lang, { cell, formula }), changed: [] };
    }
  }
  const fix = plannedFixes(ctx, [issue, ...issues.filter((i) => i !== issue)], issue).get(issue);
  if (!fix) return { ok: false, message: tc('fixNotOffered', lang), changed: [] };
  const { offer, write } = fix;
  // The sheet changed since the button was shown (a colleague added KR6, the name was retyped): the fix now would
  // write something else than the button said, so nothing is written.
  if (request.label !== undefined && request.label !== offer.label)
    return { ok: false, message: tc('fixChanged', lang, { label: offer.label }), changed: [] };

  if (write) {
    // The one cell the button promised, with what it promised (a merged block's top-left cell: the one Sheets keeps).
    sheetOf(write.sheet).getRange(write.row, write.column).setValue(write.value);
    const cell = cellName(write.sheet, toA1(write.row, write.column));
    const message =
      offer.kind === 'fill-id'
        ? tc('fixFilledId', lang, { id: write.shown, cell })
        : tc('fixTypedValue', lang, { value: write.shown, cell });
    return { ok: true, message, changed: [cell] };
  }

  if (offer.kind === 'add-department') {
    const name = ownerName(ctx, issue)!;
    const layout = plan.layout.departments!;
    const sheet = sheetOf(layout.sheet);
    // The row after the last one with anything in it (the parser reads every row below the header).
    const row = Math.max(sheet.getLastRow(), layout.headerRow) + 1;
    const column = layout.columns.name;
    ensureSize(sheet, row, column);
    sheet.getRange(row, column).setValue(name);
    const cell = cellName(layout.sheet, toA1(row, column));
    return { ok: true, message: tc('fixAddedDepartment', lang, { name, cell }), changed: [cell] };
  }

  // rebuild-targets: the whole generated tab, as Decompose targets writes it.
  const before = findTab(snapshot, 'targets');
  const beforeRows = before?.values.length ?? 0;
  const beforeColumns = Math.max(0, ...(before?.values ?? []).map((r) => r.length));
  // Rebuild on a month that differs from the plan asks for the plan's figure in that very cell: a value typed over
  // its formula there is replaced (and said), where Decompose targets from the menu keeps it.
  const replace =
    issue.code === 'targets-mismatch' && issue.a1 && issue.sheet === before?.name ? [issue.a1] : [];
  const result = rebuildTargets(snapshot, lang, { replace });
  if (!result.ok) return { ok: false, message: result.message, changed: [] };
  const details = result.details as { sheet: string; rows: number; columns: number };
  const columns = details.columns;
  const range = `A1:${toA1(Math.max(1, beforeRows, details.rows), Math.max(1, beforeColumns, columns))}`;
  const cell = cellName(details.sheet, range);
  return { ok: true, message: `${tc('fixRebuilt', lang, { cell })}\n${result.message}`, changed: [cell] };
}

/**
 * Sidebar: applies the quick fix of one issue ({code, sheet, a1} as listed by getPlanCheck) under the document
 * lock. Returns what changed; never throws on plan content.
 */
export function applyQuickFix(request: unknown, lang?: unknown): QuickFixResult {
  const want = requestedLang(lang);
  const parsed = readQuickFixRequest(request);
  if (!parsed) return { ok: false, message: tc('fixBadArgs', want), changed: [] };
  try {
    return withDocumentLock(() => applyQuickFixTo(SpreadsheetApp.getActiveSpreadsheet(), parsed, want));
  } catch (error) {
    Logger.log(stackOf(error));
    if (error instanceof BusyError) return { ok: false, message: t('busy', want), changed: [] };
    const reason = reasonOf(error);
    return { ok: false, message: t('failed', want, { action: tc('fixTitle', want), reason }), changed: [] };
  }
}
