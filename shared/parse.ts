/**
 * Stage 1 of the pipeline: a workbook ({ tabName: cell[][] }) → a typed Plan plus located issues for
 * everything that could not be taken. Never throws on user data: every cell gives a value or an issue.
 */
import {
  dateToIso,
  dateToIsoMinute,
  dateToSerial,
  isIsoDate,
  firstDay,
  lastDay,
  monthIndexOfDay,
  monthOf,
  monthRange,
  serialToIsoMinute,
  sideBySideMonths,
  type IsoDate,
  type Month,
} from './calendar';
import {
  a1,
  cellText,
  compactDate,
  DATE_YEARS,
  dayOf,
  FORMULA_WITHOUT_RESULT,
  idText,
  isBlank,
  isFormulaWithoutResult,
  isNotApplicable,
  isPercentUnit,
  hiddenPartsOf,
  mergedRangesOf,
  centredAcrossOf,
  typedAsPercent,
  expectedCurrencies,
  noteScale,
  planCurrencyOf,
  readDate,
  scaledUnit,
  readList,
  usualIsoDate,
  readNumber,
  readYesNo,
  typedDateTime,
  type Cell,
  type MergedRange,
  type Read,
  type Grid,
  type Workbook,
} from './cells';
import { kpiTargetLooksWhole, OPEN_BAR_CEILING, percentOneFigure, wholePercentFigure } from './check-ins';
import { actualKinds, noteToDateRows, type ActualKinds } from './actual-kinds';
import {
  makeIssue,
  nameTabsIn,
  PERCENT_CONSEQUENCES,
  YES_NO_TAKES,
  type IssueCode,
  type IssueLocation,
  type PlanIssue,
} from './issues';
import { ownerKey, seedPlanIndex } from './plan-index';
import { decimalMarkOf, numberAsTyped, type DecimalMark } from './locale-syntax';
import {
  formatShows,
  numberFormatsOf,
  showsMonthNotDay,
  typedTextOf,
  type FormatGrid,
} from './number-formats';
import {
  addCheckIn,
  attachCheckIns,
  finishColumns,
  newCheckInColumns,
  type CheckInColumns,
} from './check-in-columns';
import {
  formulaInputProblems,
  mergedInputProblems,
  type FormulaInputProblem,
  type FormulaReadableValue,
} from './formula-inputs';
import { CATALOGUES, fill, inEveryLanguage, joinList, localized } from './i18n';
import { moreActualsIssues } from './more-actuals';
import { titleScaleIssues } from './title-scale';
import { yearRowMonths } from './year-row-months';
import type {
  Actual,
  Change,
  Department,
  KeyResult,
  Kpi,
  Objective,
  Period,
  Plan,
  RoadmapItem,
  SheetLayout,
  Strategy,
  TargetsTab,
} from './plan';
import {
  ENUMS,
  EXAMPLE_MARK_COLUMNS,
  exampleMark,
  exampleMarkStarts,
  LANGUAGE_NAMES,
  STRATEGY_FIELDS,
  TARGETS_AS_OF,
  TARGETS_SUMMARY_COLUMNS,
  enumLabels,
  hasTraditional,
  headerNames,
  headerParts,
  copiedTab,
  headerNote,
  labelSpellings,
  languageTag,
  namesChineseWithoutScript,
  normalizeHeader,
  withoutNote,
  matchEnum,
  matchTab,
  matchesLabel,
  monthHeaderOf,
  monthQualifierOf,
  MONTH_QUALIFIER_WORDS,
  withoutMonthQualifier,
  nearTab,
  TABS,
  columnDef,
  tabDef,
  toDateWord,
  typedNumberColumns,
  type Localized,
  type ColumnDef,
  type EnumKey,
  type MetricType,
  type Lang,
  type StrategyFieldKey,
  type TabDef,
  type TabKey,
} from './template';

export interface ParseOptions {
  /** The spreadsheet's time zone: Dates from Apps Script are midnights there. exceljs Dates are UTC. */
  timeZone?: string;
  /**
   * The spreadsheet's locale (getSpreadsheetLocale(), the Sheets API's properties.locale): numbers typed as text are
   * read with its decimal sign ("1.234,5" in de_DE). A workbook file records none: dot-decimal.
   */
  locale?: string;
}

export interface ParseResult {
  plan: Plan;
  issues: PlanIssue[];
}

/** Issues that mean a cell was not read, or read two ways: no value of it to type in for the Targets formulas. */
const UNREAD_CODES = new Set<IssueCode>([
  'not-a-number',
  'not-a-date',
  'invalid-choice',
  'formula-error',
  'decimal-mark',
  'currency-mismatch',
  'unit-mismatch',
  'unit-in-plain-number',
  'ambiguous-number',
  'metric-currency-mismatch',
  'ambiguous-m',
  'grouped-in-fours',
]);

/**
 * Text whose number reads as a decimal with a dot and as thousands grouped with dots alike: 50.000, -50.000 and
 * 50.000 sign-ups; not 1,250.000 (its comma says which the dot is), 1.2500 or 1.250.000 (two dots: a decimal-mark
 * error where dots are decimals).
 */
const DOT_GROUPED = /^[^\d,.]*[1-9]\d{0,2}\.\d{3}(?![\d.,])[^\d,.]*$/;
/** The same with a comma: "1,200" is 1.2 where decimals are written with a comma, 1200 where it groups thousands. */
const COMMA_GROUPED = /^[^\d,.]*[1-9]\d{0,2},\d{3}(?![\d.,])[^\d,.]*$/;

/** A number read one way that the other decimal sign reads another: the issue said, and how to find its digits. */
interface NumberDoubt {
  code: IssueCode;
  /** The sign between the digits ("50.000", "1,200"), and the decimal sign that reads it as grouping thousands. */
  sign: DecimalMark;
  other: DecimalMark;
  digits: RegExp;
}
const DOT_DOUBT: NumberDoubt = {
  code: 'ambiguous-number',
  sign: '.',
  other: ',',
  digits: /[1-9]\d{0,2}\.\d{3}/,
};
const COMMA_DOUBT: NumberDoubt = {
  code: 'comma-decimal-ambiguous',
  sign: ',',
  other: '.',
  digits: /[1-9]\d{0,2},\d{3}/,
};

/** How a mismatch names the unit of a metric that has none. */
const NO_UNIT = localized((m) => m.parse.NO_UNIT);
/** The decimal reading grouped-in-fours adds where one comma may be a decimal comma (1,2345). */
const GROUPED_IN_FOURS = {
  alsoDecimal: localized((m) => m.issues.GROUPED_IN_FOURS.alsoDecimal),
  orDecimal: localized((m) => m.issues.GROUPED_IN_FOURS.orDecimal),
};
/** What ambiguous-m says of the metric's Unit: the one it is counted in, or that it has none. */
const AMBIGUOUS_M = {
  countedIn: localized((m) => m.issues.AMBIGUOUS_M.countedIn),
  noUnit: localized((m) => m.issues.AMBIGUOUS_M.noUnit),
  forUnit: localized((m) => m.issues.AMBIGUOUS_M.forUnit),
  forNoUnit: localized((m) => m.issues.AMBIGUOUS_M.forNoUnit),
};
/**
 * How unit-mismatch says to type the number ({typeIt}): converted into the metric's unit where the two convert
 * exactly (30分钟 in 小时: 0.5), else in its unit; never "the number alone" where that is read in the metric's unit
 * as a number of another (30 minutes typed as 30 is 30 hours). Where the metric has no Unit, the number alone.
 */
const UNIT_MISMATCH = {
  converted: localized((m) => m.issues.UNIT_MISMATCH.converted),
  inUnit: localized((m) => m.issues.UNIT_MISMATCH.inUnit),
  noUnit: localized((m) => m.issues.UNIT_MISMATCH.noUnit),
};
/**
 * What a currency mismatch adds where the currency is the cell's number format's (a ￥ format over 40000), not typed
 * ({fromFormat}): retyping the amount keeps the format, and the same error; the format is what to change.
 */
const FROM_FORMAT = {
  currency: localized((m) => m.issues.FROM_FORMAT.currency),
  plain: localized((m) => m.issues.FROM_FORMAT.plain),
};
/** The example not-a-number gives, by column: a confidence or a weight is no 50000. */
const NUMBER_EXAMPLE = {
  number: localized((m) => m.issues.NUMBER_EXAMPLE.number),
  confidence: localized((m) => m.issues.NUMBER_EXAMPLE.confidence),
  weight: localized((m) => m.issues.NUMBER_EXAMPLE.weight),
};
/** Where a decimal-mark issue's decimal sign comes from: the spreadsheet's locale, or none given (a file). */
const LOCALE_GIVEN = localized((m) => m.parse.LOCALE_GIVEN);
const NO_LOCALE = localized((m) => m.parse.NO_LOCALE);

/** Decomposing more months than this is almost certainly a typo in a year (2062 for 2026). */
export const MAX_PERIOD_MONTHS = 60;
/** The header row is looked for in the first rows only, so a title line above it is fine. */
export const HEADER_SEARCH_ROWS = 10;

export function parsePlan(workbook: Workbook, options: ParseOptions = {}): ParseResult {
  const timeZone = options.timeZone ?? 'UTC';
  const decimalMark = decimalMarkOf(options.locale);
  const issues: PlanIssue[] = [];
  const sheets = findTabs(workbook, issues);
  const layout: Plan['layout'] = {};

  const strategySheet = sheets.get('strategy');
  const { strategy, lang } = strategyAndLanguage(workbook, sheets, layout, issues, timeZone);
  if (!strategySheet) issues.push(missingTab('strategy', lang));

  const period = readPeriod(
    strategy,
    strategySheet?.name ?? tabDef('strategy').label[lang],
    layout,
    issues,
    timeZone,
  );
  if (strategySheet) currencyIssues(strategy, strategySheet.name, layout, issues);

  const tables = new Map<TabKey, TableRows>();
  for (const def of [
    'departments',
    'objectives',
    'keyResults',
    'kpis',
    'roadmap',
    'actuals',
    'changes',
    'targets',
  ] as const) {
    const found = sheets.get(def);
    if (!found) {
      if (tabDef(def).presence !== 'optional') issues.push(missingTab(def, lang));
      continue;
    }
    const table = readTable(
      tabDef(def),
      found.name,
      // A year row over bare months (2026年 over 7月) is read into the month headers (year-row-months.ts).
      def === 'actuals' ? yearRowMonths(workbook[found.name]) : workbook[found.name],
      issues,
      def !== 'targets',
      timeZone,
    );
    if (table) {
      tables.set(def, table);
      layout[def] = table.layout;
    }
  }

  const ctx: RowContext = {
    issues,
    timeZone,
    period,
    currency: strategy.values.currency,
    decimalMark,
    localeGiven: options.locale !== undefined && options.locale !== '',
    // Set once the key results and KPIs are read (below): only Actuals values use them.
    units: () => new Map(),
    kindOf: () => undefined,
    weightsInPercent: new Set(),
    weightsBlank: new Set(),
    weightsUnread: new Set(),
    weightsTyped: new Map(),
  };
  // The rows of a tab with an ID, each ID once (see uniqueById).
  const readUnique = <T extends { row: number }>(
    tab: TabKey,
    read: (r: RowReader) => T | null,
    key: keyof T & string,
    idOf: (item: T) => string,
    sameAs: (id: string) => string = lowerCase,
  ) => uniqueById(readRows(tables.get(tab), ctx, read), key, idOf, tables.get(tab), issues, sameAs);
  // A department is told apart as owners are matched to it (ownerKey: 臺 and 台, Traditional and Simplified, spaces
  // and width folded): two rows that every owner cell would match as one are one department typed twice, else the
  // second's key results counted under the first and the report dropped the second row and its lead unsaid.
  const departments = readUnique('departments', readDepartment, 'name', (d) => d.name, ownerKey).rows;
  const objectives = readUnique('objectives', readObjective, 'id', (o) => o.id);
  const keyResults = readUnique('keyResults', readKeyResult, 'id', (kr) => kr.id);
  weightScalesMixed(keyResults.rows, ctx, tables.get('keyResults'), issues);
  ctx.keyResults = keyResults;
  const kpis = readUnique('kpis', readKpi, 'id', (kpi) => kpi.id);
  const keyResultRows = keyResults.rows;
  const kpiRows = kpis.rows;
  // An Actuals value is read in its metric's unit (2 hours, 1 小時). Key results are set last, so a key result
  // wins over a KPI that has the same ID. Built on first need: nearly every value is a plain number.
  let known: Map<string, string> | undefined;
  const units = (): Map<string, string> => {
    if (known) return known;
    known = new Map();
    for (const metric of [...kpiRows, ...keyResultRows]) known.set(metric.id.toLowerCase(), metric.unit);
    return known;
  };
  ctx.units = units;
  ctx.kpis = kpis;
  // Looked up in the maps of IDs the two tabs were read into (uniqueById), not a third map of 20,000 IDs made for it:
  // a key result wins over a KPI that has the same ID.
  ctx.kindOf = (id) => {
    const at = keyResults.byId.get(id);
    if (at !== undefined) return keyResultRows[at].type;
    return kpis.byId.has(id) ? 'kpi' : undefined;
  };
  headerScaleIssues(tables, { keyResults: keyResultRows, kpis: kpiRows }, issues);
  titleScaleIssues(tables, { keyResults: keyResultRows, kpis: kpiRows }, issues);
  const roadmap = readUnique('roadmap', readRoadmapItem, 'id', (item) => item.id).rows;
  const checkIns = readActuals(tables.get('actuals'), ctx);
  const moreActuals = moreActualsIssues(workbook, sheets.get('actuals')?.name, period, (name) =>
    readAsActuals(name, workbook[name], ctx),
  );
  issues.push(...moreActuals.issues);
  const changes = readRows(tables.get('changes'), ctx, readChange);
  const targets = readTargets(tables.get('targets'), workbook, sheets.get('targets')?.name, ctx);

  const plan: Plan = {
    lang,
    strategy,
    period,
    departments,
    objectives: objectives.rows,
    keyResults: keyResultRows,
    kpis: kpiRows,
    roadmap,
    actuals: [], // made from checkIns when first read (attachCheckIns)
    changes,
    targets,
    layout,
  };
  if (moreActuals.unread.size) plan.unreadCheckIns = moreActuals.unread;
  attachCheckIns(plan, checkIns);
  seedPlanIndex(plan, { keyResults: keyResults.byId, kpis: kpis.byId, objectives: objectives.byId });
  // With a Targets tab, the cells its formulas read must be what a formula can compute with (formula-inputs.ts).
  if (layout.targets) {
    const inputs = formulaInputIssues(plan, workbook, issues, decimalMark);
    issues.push(...inputs.issues);
    if (targets) targets.unreadableInputs = inputs.metrics;
  }
  nameTabsIn(issues, layout);
  return { plan, issues };
}

/**
 * A tab of more check-ins ("實際 2027") read as the Actuals tab is, for what it holds (more-actuals.ts): its own
 * issues are dropped, since none of its rows is read into the plan.
 */
function readAsActuals(sheet: string, grid: Grid, ctx: RowContext): CheckInColumns | undefined {
  const dropped: PlanIssue[] = [];
  const table = readTable(tabDef('actuals'), sheet, grid, dropped, true, ctx.timeZone);
  return table && readActuals(table, { ...ctx, issues: dropped });
}

/**
 * The plan cells the Targets tab's formulas read that they cannot compute with as typed (formula-inputs.ts), as
 * `unreadable-by-formulas` (or `shown-not-held`) issues, with the metrics whose rows read them. parsePlan adds them
 * to a plan with a Targets tab; Decompose targets asks for them before there is one, to say in its alert which cells
 * make the tab it writes fail. `issues` are the plan's issues so far: a cell the parser could not read (an error
 * there already) has no value to type, and is left out.
 */
export function formulaInputIssues(
  plan: Plan,
  workbook: Workbook,
  issues: readonly PlanIssue[],
  decimalMark: DecimalMark,
): { issues: PlanIssue[]; metrics: string[] } {
  // A cell the parser could not read has its error already, and no value to type: a Baseline of "0.05" in a
  // de_DE sheet is a decimal-mark error, not a Baseline of 0 to type in. Nor one it read two ways (50.000):
  // typing 50 would settle it the wrong way as often as the right one.
  const unread = new Set(
    issues.filter((i) => UNREAD_CODES.has(i.code)).map((i) => `${i.sheet}!${i.row}!${i.column}`),
  );
  const blocked = new Set<string>();
  const out: PlanIssue[] = [];
  for (const problem of formulaInputProblems(plan, workbook, decimalMark)) {
    const { tab, sheet, row, column, field, id, typed, readable, held } = problem;
    if (unread.has(`${sheet}!${row}!${column}`)) continue;
    for (const metric of metricsReading(plan, tab, field.key, id)) blocked.add(metric);
    const params = { field: field.label, id, value: typed, expected: readableText(readable, decimalMark) };
    out.push(
      held === undefined
        ? makeIssue('unreadable-by-formulas', { sheet, row, column }, params)
        : makeIssue(
            'shown-not-held',
            { sheet, row, column },
            { ...params, held: numberAsTyped(held, decimalMark) },
          ),
    );
  }
  for (const { sheet, top, bottom, column, field, value } of mergedInputProblems(plan, workbook))
    out.push(
      makeIssue(
        'merged-unread-by-formulas',
        { sheet, row: top, column },
        { field: field.label, top, bottom, value },
      ),
    );
  nameTabsIn(out, plan.layout);
  return { issues: out, metrics: [...blocked] };
}

/**
 * The plan's language as parsePlan decides it (its `plan.lang`), reading only the Strategy tab and the tab names
 * and header rows: what the report command says about a plan it will not read (a required tab missing) is said in
 * it, as `check` says the plan's issues.
 */
export function planLanguageOf(workbook: Workbook, options: Pick<ParseOptions, 'timeZone'> = {}): Lang {
  const sheets = findTabs(workbook, []);
  return strategyAndLanguage(workbook, sheets, {}, [], options.timeZone ?? 'UTC').lang;
}

/** The Strategy tab's fields (empty without the tab) and the plan's language they and the tab names decide. */
function strategyAndLanguage(
  workbook: Workbook,
  sheets: Map<TabKey, { name: string }>,
  layout: Plan['layout'],
  issues: PlanIssue[],
  timeZone: string,
): { strategy: Strategy; lang: Lang } {
  const strategySheet = sheets.get('strategy');
  const strategy = strategySheet
    ? readStrategy(strategySheet.name, workbook[strategySheet.name], layout, timeZone, issues)
    : emptyStrategy();
  return { strategy, lang: planLanguage(workbook, strategy, strategySheet?.name, layout, sheets, issues) };
}

/**
 * The metrics (IDs in lower case) whose Targets row reads a cell a formula cannot use as the plan does: a key
 * result or KPI its own cells; a key result's Start and Due also its KPIs' (their window is its); the period's
 * cells every row (a row reads them for a Start or Due it does not have). A check-in only the to-date columns.
 */
function metricsReading(plan: Plan, tab: FormulaInputProblem['tab'], key: string, id: string): string[] {
  const own = id.toLowerCase();
  if (tab === 'strategy') return [...plan.keyResults, ...plan.kpis].map((m) => m.id.toLowerCase());
  if (tab === 'kpis') return [own];
  if (tab !== 'keyResults') return [];
  if (key !== 'start' && key !== 'due') return [own];
  const kpis = plan.kpis.filter((k) => k.keyResultId.toLowerCase() === own);
  return [own, ...kpis.map((k) => k.id.toLowerCase())];
}

/**
 * A value to type, as a message shows it: 60000 (0,7 where decimals are written with a comma), 2026-03-01, ramp-up
 * (in each language), KR1.
 */
function readableText(readable: FormulaReadableValue, mark: DecimalMark): string | Localized {
  return readable.kind === 'number' ? numberAsTyped(readable.value, mark) : readable.value;
}

// ---------------------------------------------------------------------------------------------------
// Tabs and headers

function findTabs(workbook: Workbook, issues: PlanIssue[]): Map<TabKey, { name: string }> {
  const found = new Map<TabKey, { name: string }>();
  // Object key order is the workbook's tab order: with two tabs matching, the leftmost wins (as getSheetByName does),
  // and the other is said, since its cells (another language's copy, last year's) count for nothing.
  for (const name of Object.keys(workbook)) {
    const def = matchTab(name);
    if (!def || !Array.isArray(workbook[name])) continue;
    const first = found.get(def.key);
    if (!first) found.set(def.key, { name });
    else
      issues.push(
        makeIssue('duplicate-tab', { sheet: name, row: 1, column: 1 }, { tab: name, first: first.name }),
      );
  }
  // "2. 關鍵結果" where there is no 關鍵結果: said at that tab, beside the missing tab's own issue. So is a tab under
  // a name of its own whose header row is a missing tab's ("Monthly numbers" with Date, Metric and Value): its
  // rows count for nothing, and the plan would be judged without them.
  let names: Set<string> | undefined;
  const owned = () => (names ??= cellsOfTabs(workbook, found));
  for (const name of Object.keys(workbook)) {
    if (matchTab(name)) continue;
    // A copy of a plan tab beside it ("關鍵結果 (2)", "Copy of Key Results", "关键结果（新）"), or a tab named near a
    // plan tab that is hidden ("关键结果-2026H2" beside a hidden 关键结果): the person may have moved to the copy
    // and hidden the old one, which is still the one read. Said at the copy, naming both.
    const copied = copiedTab(name) ?? nearHiddenTab(name, workbook, found);
    const read = copied && found.get(copied.key);
    if (read) {
      const hidden = hiddenPartsOf(workbook[read.name])?.sheet;
      issues.push(
        makeIssue(
          'tab-copy',
          { sheet: name, row: 1, column: 1 },
          {
            copy: name,
            tab: read.name,
            hidden: hidden ? inEveryLanguage((lang) => CATALOGUES[lang].issues.HIDDEN_TAB) : '',
          },
        ),
      );
      continue;
    }
    const near = nearTab(name) ?? tabWithHeadersOf(workbook[name], found, owned);
    if (near && !found.has(near.key))
      issues.push(makeIssue('tab-name-near', { sheet: name, row: 1, column: 1 }, { name, tab: near.label }));
  }
  return found;
}

/** The plan tab, found and hidden, a sheet's name comes close to (nearTab), or undefined. */
function nearHiddenTab(
  name: string,
  workbook: Workbook,
  found: Map<TabKey, { name: string }>,
): TabDef | undefined {
  const near = nearTab(name);
  const read = near && found.get(near.key);
  return read && hiddenPartsOf(workbook[read.name])?.sheet ? near : undefined;
}

/** How far down a tab its header row is looked for (tabHeaderRow's own reach is larger; this is a hint only). */
const HEADER_HINT_ROWS = 10;

/** The tabs whose rows name the departments as owners: what a list of departments under another name is told by. */
const OWNING_TABS: readonly TabKey[] = ['objectives', 'keyResults', 'kpis', 'roadmap'];

/** Every text typed on the plan's tabs that name owners (found by name), as compared (idText, lower case). */
function cellsOfTabs(workbook: Workbook, found: Map<TabKey, { name: string }>): Set<string> {
  const out = new Set<string>();
  for (const key of OWNING_TABS) {
    const grid = workbook[found.get(key)?.name ?? ''];
    if (!Array.isArray(grid)) continue;
    for (const row of grid)
      if (Array.isArray(row))
        for (const cell of row)
          if (typeof cell === 'string' && cell.trim()) out.add(idText(cell).toLowerCase());
  }
  return out;
}

/**
 * The plan tab, of those not found, whose every required column heads a row near the top of `grid`, a tab under
 * another name; undefined for none. A tab of one required column (Departments: 部門) is told by more than its
 * header, which any tab may have: two of the names under it, at least, are typed on the tabs that name owners
 * (`owned`), as departments are, in the tab's first column.
 */
function tabWithHeadersOf(
  grid: unknown,
  found: Map<TabKey, unknown>,
  owned: () => Set<string>,
): TabDef | undefined {
  if (!Array.isArray(grid)) return undefined;
  for (const def of TABS) {
    if (found.has(def.key) || def.generated) continue;
    const required = def.columns.filter((c) => c.required);
    if (!required.length || (required.length < 2 && def.key !== 'departments')) continue;
    for (let r = 0; r < Math.min(HEADER_HINT_ROWS, grid.length); r++) {
      const row: unknown = grid[r];
      if (!Array.isArray(row)) continue;
      const at = required.map((c) =>
        row.findIndex(
          (cell) => typeof cell === 'string' && cell.trim() !== '' && matchesLabel(cell, c.label),
        ),
      );
      if (at.some((c) => c < 0)) continue;
      if (required.length > 1) return def;
      // Its one column heads the list (a contacts tab's 部門 beside 姓名 is a column about people).
      if (row.findIndex((cell) => typeof cell === 'string' && cell.trim() !== '') !== at[0]) continue;
      const names = owned();
      let used = 0;
      for (const below of grid.slice(r + 1)) {
        const cell: unknown = Array.isArray(below) ? below[at[0]] : undefined;
        if (typeof cell === 'string' && names.has(idText(cell).toLowerCase()) && ++used >= 2) return def;
      }
    }
  }
  return undefined;
}

/**
 * The plan's language: its Language cell (Strategy tab) when it names one, else what its tab names are written
 * in, and under English tab names what its header rows are written in: a blank Language cell as one naming no
 * language, which is also a warning at the cell that says which language is used instead.
 */
function planLanguage(
  workbook: Workbook,
  strategy: Strategy,
  strategySheet: string | undefined,
  layout: Plan['layout'],
  sheets: Map<TabKey, { name: string }>,
  issues: PlanIssue[],
): Lang {
  const names = [...sheets.values()].map((s) => s.name);
  // Most of the tab names decide: one tab renamed in Chinese (實際數) among English ones leaves the header rows to
  // decide, as English tab names do. Chinese ones are Traditional where one has a Traditional character.
  const chineseTabs = names.filter((n) => /[\u3400-\u9fff]/.test(n));
  const fromTabs: Lang =
    chineseTabs.length * 2 <= names.length ? 'en' : chineseTabs.some(hasTraditional) ? 'zh-TW' : 'zh-CN';
  // Without a Language that names one, blank or naming no language ("Taiwanese Mandarin") alike: the tab names
  // decide, and where they are English, the header rows (a plan written in Chinese under English tab names is not
  // read as English).
  const unnamed = (): Lang => (fromTabs !== 'en' ? fromTabs : headersLanguage(workbook, sheets));
  const typed = strategy.values.language;
  if (!typed) return unnamed();
  const named = languageTag(typed);
  // "中文" on a plan whose tabs are named in Traditional characters is Traditional Chinese; with English tab names,
  // its header rows decide (not its text, where one character OpenCC folds would be enough).
  if (named && namesChineseWithoutScript(typed)) {
    if (fromTabs !== 'en') return fromTabs;
    if (headersTraditional(workbook, sheets)) return 'zh-TW';
  }
  if (named) return named;
  // A Language naming no language: decided as a blank one, and said at the cell.
  const used = unnamed();
  if (strategySheet && strategy.rows.language) {
    const at = {
      sheet: strategySheet,
      row: strategy.rows.language,
      column: layout.strategy?.columns.value ?? 2,
    };
    issues.push(makeIssue('unknown-language', at, { value: typed, used: LANGUAGE_NAMES[used] }));
  }
  return used;
}

/**
 * What a plan's header rows are written in: whether a header has a character written differently in Traditional
 * Chinese, and the language most of them are in (Chinese when more than half have Chinese characters: Traditional
 * when one has a Traditional character, else Simplified), a column of one's own in another language aside, and a
 * header in two languages counted as neither.
 */
function headersLanguage(workbook: Workbook, sheets: Map<TabKey, { name: string }>): Lang {
  let traditional = false;
  let chinese = 0;
  let all = 0;
  for (const [key, { name }] of sheets) {
    const grid = workbook[name];
    const header = Array.isArray(grid) ? grid[findHeaderRow(tabDef(key), grid)] : undefined;
    if (!Array.isArray(header)) continue;
    for (const cell of header)
      if (typeof cell === 'string' && cell.trim() !== '') {
        if (!traditional && hasTraditional(cell)) traditional = true;
        // A header naming its column in two languages ("目標值 Target") says neither is the plan's.
        const parts = headerParts(cell);
        const han = parts.filter((part) => /[\u3400-\u9fff]/.test(part)).length;
        if (han > 0 && han < parts.length) continue;
        all++;
        if (han > 0) chinese++;
      }
  }
  return chinese * 2 > all ? (traditional ? 'zh-TW' : 'zh-CN') : 'en';
}

/** Whether a header of the plan's tabs has a character written differently in Traditional Chinese. */
function headersTraditional(workbook: Workbook, sheets: Map<TabKey, { name: string }>): boolean {
  for (const [key, { name }] of sheets) {
    const grid = workbook[name];
    const header = Array.isArray(grid) ? grid[findHeaderRow(tabDef(key), grid)] : undefined;
    if (Array.isArray(header) && header.some((c) => typeof c === 'string' && hasTraditional(c))) return true;
  }
  return false;
}

/**
 * A header-scale warning at each number header whose note counts it in a multiple (目標值（萬元）, Target (in
 * thousands)): the numbers below are read as typed. Not where every metric's Unit already counts in that multiple
 * (a Unit of 萬元 under 目標值（萬元）): there the note only says what the Unit does.
 */
function headerScaleIssues(
  tables: Map<TabKey, TableRows>,
  rows: { keyResults: readonly { unit: string }[]; kpis: readonly { unit: string }[] },
  issues: PlanIssue[],
): void {
  for (const [tab, table] of tables) {
    // Most tabs have no such header: the list of metrics below is then not made (18,500 at 10,000 key results).
    if (table.scaledHeaders.length === 0) continue;
    // The metrics a tab's numbers are in: its own rows' on Key Results and KPIs, every metric's elsewhere (Actuals).
    const metrics = tab === 'keyResults' || tab === 'kpis' ? rows[tab] : [...rows.keyResults, ...rows.kpis];
    for (const { column, header, note, exponent } of table.scaledHeaders) {
      if (metrics.length && metrics.every((m) => (scaledUnit(m.unit)?.exponent ?? 0) === exponent)) continue;
      const at = { sheet: table.layout.sheet, row: table.layout.headerRow, column };
      issues.push(
        makeIssue('header-scale', at, { header, note, multiple: (10 ** exponent).toLocaleString('en-US') }),
      );
    }
  }
}

function missingTab(key: TabKey, lang: Lang): PlanIssue {
  const def = tabDef(key);
  const at = { sheet: def.label[lang], row: null, column: null };
  if (def.presence === 'required') return makeIssue('missing-tab', at, { tab: def.label });
  const what = (CATALOGUES.en.issues['missing-tab-optional'].what as Record<string, string>)[key]
    ? localized((m) => (m.issues['missing-tab-optional'].what as Record<string, string>)[key])
    : def.label;
  return makeIssue('missing-tab-optional', at, { tab: def.label, what });
}

/** A number column's header whose note counts it in a multiple: "目標值（萬元）" (4). */
interface ScaledHeader {
  column: number;
  header: string;
  note: string;
  exponent: number;
}

interface TableRows {
  /** Number headers whose note names a multiple (see headerScaleIssues). */
  scaledHeaders: ScaledHeader[];
  def: TabDef;
  layout: SheetLayout;
  /** The tab's cells; data rows start below the header (see isPlanRow). */
  grid: Grid;
  /** The 0-based index of the first row below the header. */
  firstRow: number;
  /** The 0-based indexes of the template's columns found in the header. */
  known: number[];
  /** The 0-based indexes of the cells a row is marked as an example in (EXAMPLE_MARK_COLUMNS), where found. */
  markColumns: number[];
  headerCells: Cell[];
  /** layout.columns as a Map: the row reader looks columns up for every cell it reads. */
  columnIndex: Map<string, number>;
  /**
   * The tab's number formats, when its reader gave them and the tab has columns people type numbers into
   * (typedColumns, 0-based): a number there whose format shows a percent or a currency is read as that text.
   */
  formats?: FormatGrid;
  typedColumns: number[];
  /** Of typedColumns, those of a share whatever the metric (Confidence): a percent there needs no text. */
  shareColumns: number[];
  /** The merged blocks its reader filled (cells.ts mergedRangesOf), when it had any. */
  merges?: readonly MergedRange[];
  /**
   * An Actuals tab kept as months in columns (wideMonthColumns): the 1-based columns of its month headers, read by
   * readWideActuals. Absent for the usual layout.
   */
  monthColumns?: number[];
  /** Of those, the columns headed as a month's target (1月 over 目標 | 實際, 1月目標): left out (wideHeader). */
  monthTargets?: number[];
}

/** The Actuals columns a tab kept as months in columns has no need of: each cell is a value, its header the date. */
const WIDE_UNUSED = new Set(['date', 'value', 'note']);

/**
 * An Actuals tab kept as months in columns, as people in Taiwan and China often keep check-ins (指標 | 1月 | 2月 …): a
 * Metric column, no Date or Value column, and two or more headers that name a month (monthHeaderOf: 1月, Jan,
 * 2026-01, 2026年1月; or a date, as Sheets turns "2026-01" typed into). The 1-based columns of those headers, or
 * undefined for any other tab. A Note column is left as the row's own.
 */
function wideMonthColumns(
  columns: Record<string, number>,
  headerCells: readonly Cell[],
): number[] | undefined {
  if (columns.metric === undefined || columns.date !== undefined || columns.value !== undefined)
    return undefined;
  const months: number[] = [];
  headerCells.forEach((cell, c) => {
    if (c + 1 === columns.metric || c + 1 === columns.note) return;
    if (namesMonth(cell)) months.push(c + 1);
  });
  return months.length >= 2 ? months : undefined;
}

/**
 * A month header as messages name it: its text, or a date by its month (2026-03), which the cell may show as 3月,
 * Mar or 2026/03 (its date format is not read), in the spreadsheet's time zone.
 */
function monthHeaderText(cell: Cell, timeZone: string): string {
  if (typeof cell !== 'string' && namesMonth(cell)) {
    const day = dayOf(cell, timeZone);
    if (day !== null) return monthOf(day);
  }
  return cellText(cell, timeZone).trim();
}

/**
 * Whether a header cell names a month of an Actuals tab kept as months in columns: text that does (monthHeaderOf:
 * 1月, Jan, 2026-01), or a date (typed as one and shown as 1月, Jan or 2026/01; or Sheets' own for "2026-01" typed),
 * or a date's serial number where no reader said it was one.
 */
function namesMonth(cell: Cell): boolean {
  return (
    cell instanceof Date ||
    (typeof cell === 'number' && cell > 20_000 && cell < 2_958_466) ||
    (typeof cell === 'string' && monthHeaderOf(cell) !== null)
  );
}

/**
 * Whether a row is a second header row under a row of month headers: two or more months above, and a qualifier of
 * a month's column (實際, 目標; MONTH_QUALIFIER_WORDS) under one of them.
 */
function monthsOver(above: readonly Cell[] | undefined, row: readonly Cell[] | undefined): boolean {
  if (!Array.isArray(above) || !Array.isArray(row)) return false;
  return (
    above.filter(namesMonth).length >= 2 &&
    row.some((cell, c) => typeof cell === 'string' && namesMonth(above[c]) && monthQualifierOf(cell) !== null)
  );
}

/** An Actuals tab's month columns sorted out (wideHeader). */
interface WideHeader {
  /** The columns read, one per month: its only column, or the one headed as its actual figures. */
  read: number[];
  /** Every month header's column, read or not: none is a header to say as unread. */
  all: number[];
  /** The columns headed as a month's target, left out. */
  targets: number[];
  /** Whether the row under the header row heads each month's columns (目標 | 實際): the data starts below it. */
  subHeader: boolean;
}

/** Where the words of a month's actual column and its target column go, for month-actual-unclear's fix. */
const MONTH_ACTUAL_WHERE = {
  below: localized((m) => m.issues.MONTH_ACTUAL_WHERE.below),
  inHeader: localized((m) => m.issues.MONTH_ACTUAL_WHERE.inHeader),
  unmerged: localized((m) => m.issues.MONTH_ACTUAL_WHERE.unmerged),
};

/** Why a month's actual column cannot be told, for month-actual-unclear's message. */
const MONTH_ACTUAL_WHY = {
  several: localized((m) => m.issues.MONTH_ACTUAL_WHY.several),
  unheaded: localized((m) => m.issues.MONTH_ACTUAL_WHY.unheaded),
};

/**
 * An Actuals header row (0-based headerIndex) with each month header centred across the blank cells after it
 * (Excel's Center Across Selection, cells.ts centredAcrossOf) written into those cells, as a merged block's value is
 * (fillMergedCells), in a copy: the grid is not changed. With those blocks, for wideHeader to group the month's
 * columns. Undefined where the row has none; a header that names no month (a title) is left as it is.
 */
function centredMonthHeaders(
  grid: Grid,
  headerIndex: number,
): { cells: Cell[]; blocks: MergedRange[] } | undefined {
  const row = grid[headerIndex];
  if (!Array.isArray(row)) return undefined;
  const blocks = (centredAcrossOf(grid) ?? []).filter(
    (b) => b.top === headerIndex + 1 && namesMonth(row[b.left - 1]),
  );
  if (!blocks.length) return undefined;
  const cells = [...row];
  for (const { left, right } of blocks)
    for (let c = left + 1; c <= right; c++) {
      while (cells.length < c - 1) cells.push('');
      cells[c - 1] = row[left - 1];
    }
  return { cells, blocks };
}

/**
 * The month columns of an Actuals tab kept as months in columns (wideMonthColumns), where a month may have several
 * columns qualified as its target and its actual figures (MONTH_QUALIFIER_WORDS): in a second header row under a
 * month header merged over its columns (1月 over 目標 | 實際; or 1月 typed over each), or in the header itself
 * (1月目標 | 1月實際, "Jan target | Jan actual"). Of such a month only its actual column is read; its target column
 * is left out. A month with several columns none of which is headed as the actual is not guessed at:
 * month-actual-unclear at its header, and it is not read. A month without any qualifier is as before: each of its
 * headers is read (a second one is a duplicate-column, wideMonths).
 */
function wideHeader(
  columns: Record<string, number>,
  grid: Grid,
  headerIndex: number,
  /** The header row, month headers centred across cells written into them (centredMonthHeaders). */
  headerCells: readonly Cell[],
  /** The blocks those month headers are centred across, in the header row. */
  centred: readonly MergedRange[],
  sheet: string,
  issues: PlanIssue[],
  timeZone: string,
): WideHeader | undefined {
  const all = wideMonthColumns(columns, headerCells);
  if (!all) return undefined;
  const below: readonly Cell[] = Array.isArray(grid[headerIndex + 1]) ? grid[headerIndex + 1] : [];
  const headerRow = headerIndex + 1;
  const blocks = [...(mergedRangesOf(grid) ?? []), ...centred];
  const mergedTogether = (a: number, b: number) =>
    blocks.some((m) => m.top <= headerRow && m.bottom >= headerRow && m.left <= a && m.right >= b);
  const text = (cell: Cell) => (typeof cell === 'string' ? cell.trim() : '');
  // A header as it reads, to tell two alike: a date (1月 typed as 2026-01-01 over each column) by its day.
  const alike = (cell: Cell) => (typeof cell === 'string' ? cell.trim() : cellText(cell, 'UTC'));
  // A month's columns: next to each other under one merged block (or one header centred across them), or headed
  // alike (1月 typed over each).
  const groups: number[][] = [];
  for (const column of all) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (
      prev === column - 1 &&
      (mergedTogether(prev, column) ||
        (alike(headerCells[prev - 1]) !== '' &&
          alike(headerCells[prev - 1]) === alike(headerCells[column - 1])))
    )
      last.push(column);
    else groups.push([column]);
  }
  // The row under the header row heads the month columns: its Metric cell blank or the header's own (A1:A2 merged),
  // no figure under a month, and a qualifier under one (實際), or words under every column of a month of several.
  const metricBelow = text(below[columns.metric - 1]);
  const subHeader =
    (metricBelow === '' || metricBelow === text(headerCells[columns.metric - 1])) &&
    all.every((column) => isBlank(below[column - 1]) || typeof below[column - 1] === 'string') &&
    (all.some((column) => monthQualifierOf(text(below[column - 1])) !== null) ||
      groups.some((group) => group.length > 1 && group.every((column) => text(below[column - 1]) !== '')));
  // In one header row, a month's columns are those that name it, wherever they are.
  const qualifierOf = (column: number) => {
    const cell = headerCells[column - 1];
    return typeof cell === 'string' ? (monthHeaderOf(cell)?.qualifier ?? null) : null;
  };
  if (!subHeader && all.some((column) => qualifierOf(column) !== null)) {
    const byMonth = new Map<string, number[]>();
    for (const column of all) {
      const cell = headerCells[column - 1];
      const named = typeof cell === 'string' ? monthHeaderOf(cell) : null;
      const key = named ? `${named.year ?? ''}-${named.month}` : `#${column}`;
      byMonth.set(key, [...(byMonth.get(key) ?? []), column]);
    }
    groups.splice(0, groups.length, ...byMonth.values());
  }
  // Columns after a month's that no header reaches (blank above: no merge, no header centred across them) but that
  // the row under the month row heads as a month's figures (1月 typed over 目標 | 實際 without merging; or centred
  // across them in Excel and opened in Sheets, which has no such alignment): whose they are is not told.
  const monthColumns = new Set(all);
  const unheaded = (group: readonly number[]) => {
    const out: number[] = [];
    for (let column = group[group.length - 1] + 1; subHeader; column++) {
      if (monthColumns.has(column) || column === columns.metric || column === columns.note) break;
      if (!isBlank(headerCells[column - 1]) || monthQualifierOf(text(below[column - 1])) === null) break;
      out.push(column);
    }
    return out;
  };
  const read: number[] = [];
  const targets: number[] = [];
  for (const group of groups) {
    const qualifiers = group.map((column) =>
      subHeader ? monthQualifierOf(text(below[column - 1])) : qualifierOf(column),
    );
    const merged = group.length > 1 && mergedTogether(group[0], group[group.length - 1]);
    if (!subHeader && !merged && qualifiers.every((q) => q === null)) {
      read.push(...group);
      continue;
    }
    const actual = group.filter((_, i) => qualifiers[i] === 'actual');
    const target = group.filter((_, i) => qualifiers[i] === 'target');
    // The month's own columns hold no actual one, and columns beside them headed as a month's are under no header.
    const beside = actual.length === 0 ? unheaded(group) : [];
    if (actual.length === 1) read.push(actual[0]);
    else if (group.length === 1 && qualifiers[0] !== 'target' && beside.length === 0) read.push(group[0]);
    if (beside.length === 0 && (actual.length === 1 || target.length === group.length))
      targets.push(...target);
    else if (group.length > 1 || beside.length > 0) {
      // Which column holds the month's actual figures cannot be told: not guessed at.
      const first = group[0];
      const last = beside.length ? beside[beside.length - 1] : group[group.length - 1];
      // A1:B1 of a block of cells in the header row; one cell alone as itself.
      const span = (from: number, to: number) =>
        from === to ? a1(headerRow, from) : `${a1(headerRow, from)}:${a1(headerRow, to)}`;
      const header = monthHeaderText(headerCells[first - 1], timeZone);
      const monthText = withoutMonthQualifier(header);
      const word = (lang: Lang, kind: 'actual' | 'target') => MONTH_QUALIFIER_WORDS[lang][kind][0];
      const row = subHeader ? headerRow + 1 : headerRow;
      const quoted = (lang: Lang, cells: readonly number[]) =>
        joinList(
          cells.map((column) =>
            fill(CATALOGUES[lang].parse.QUOTED, {
              text: text((subHeader ? below : headerCells)[column - 1]) || a1(row, column),
            }),
          ),
          lang,
        );
      issues.push(
        makeIssue(
          'month-actual-unclear',
          { sheet, row: headerRow, column: first },
          {
            header: subHeader ? header : withoutMonthQualifier(header),
            tab: sheet,
            why: inEveryLanguage((lang) =>
              beside.length
                ? fill(MONTH_ACTUAL_WHY.unheaded[lang], {
                    cells: span(first, group[group.length - 1]),
                    columns: quoted(lang, group),
                    beside: quoted(lang, beside),
                    blank: span(beside[0], beside[beside.length - 1]),
                  })
                : fill(MONTH_ACTUAL_WHY.several[lang], { columns: quoted(lang, group) }),
            ),
            where: inEveryLanguage((lang) =>
              beside.length
                ? fill(MONTH_ACTUAL_WHERE.unmerged[lang], {
                    header,
                    cells: span(first, last),
                    actual: word(lang, 'actual'),
                    target: word(lang, 'target'),
                  })
                : fill(MONTH_ACTUAL_WHERE[subHeader ? 'below' : 'inHeader'][lang], {
                    cells: `${a1(row, first)}:${a1(row, group[group.length - 1])}`,
                    actual: subHeader
                      ? word(lang, 'actual')
                      : `${monthText}${lang === 'en' ? ' ' : ''}${word(lang, 'actual')}`,
                    target: subHeader
                      ? word(lang, 'target')
                      : `${monthText}${lang === 'en' ? ' ' : ''}${word(lang, 'target')}`,
                  }),
            ),
          },
        ),
      );
    }
  }
  return { read, all, targets, subHeader };
}

/**
 * Whether a header resembles a spelling of a column, as a column renamed would: half or more of it is shared.
 * Chinese by pairs of neighbouring characters (拆解方式 and 分解方式 share 解方 and 方式, two of three; 更新日期 and
 * 開始日期 only 日期); Latin by words, a word counting when a spelling has it or a word beginning with the same four
 * letters or more ("Phase" and "Phasing", "Start month" and "Start"; not "Target date" and "Start date", whose
 * "date" is a third of it). Normalised as headers are matched, the note in brackets left out.
 */
function resembles(header: string, label: Localized): boolean {
  const bare = (text: string) => normalizeHeader(withoutNote(text).replace(/[_-]+/g, ' '));
  const pairs = (text: string) => {
    const out: string[] = [];
    const chars = [...text];
    for (let i = 0; i + 1 < chars.length; i++)
      if (/[\u3400-\u9fff]/.test(chars[i]) && /[\u3400-\u9fff]/.test(chars[i + 1]))
        out.push(chars[i] + chars[i + 1]);
    return out;
  };
  const words = (text: string) =>
    withoutNote(text)
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const headerPairs = pairs(bare(header));
  const headerWords = words(header);
  const letters = headerWords.join('').length;
  return labelSpellings(label).some((spelling) => {
    if (headerPairs.length) {
      const theirs = new Set(pairs(bare(spelling)));
      const shared = headerPairs.filter((pair) => theirs.has(pair)).length;
      if (shared * 2 >= headerPairs.length) return true;
    }
    if (!letters) return false;
    const theirs = words(spelling);
    const sameStart = (a: string, b: string) =>
      a === b || (a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4));
    const shared = headerWords.filter((word) => theirs.some((their) => sameStart(word, their)));
    return shared.join('').length * 2 >= letters;
  });
}

/**
 * The Actuals tab's Value column headed with words that say its figures are totals to date before or after its
 * name (累計實績, 實績累計, "YTD actual", "Cumulative value"), as 數值（累計） says them in a note: read as the Value
 * column, kept as a noted header, so the to-date checks say what adding them up as monthly amounts counts
 * (to-date-header), rather than the tab's Value column being missing.
 */
function toDateValueColumn(header: string, columns: readonly ColumnDef[]): ColumnDef | undefined {
  const word = toDateWord(header);
  if (word === null) return undefined;
  const rest = header.replace(word, '').replace(/^[\s_\-–—:：/、]+|[\s_\-–—:：/、]+$/g, '');
  const value = columns.find((col) => col.key === 'value');
  return rest && value && matchesLabel(rest, value.label, false) ? value : undefined;
}

/** The columns a tab's header is matched against: the template's, and on Targets its summary columns too. */
function columnsRead(def: TabDef): readonly ColumnDef[] {
  return def.key === 'targets' ? [...def.columns, ...TARGETS_SUMMARY_COLUMNS] : def.columns;
}

/** A header cell read as no column of its tab: the person's own column, or a column spelled otherwise. */
export interface UnreadHeader {
  /** The header as typed. */
  cell: string;
  /** 1-based. */
  column: number;
}

/** The headers of a header row that are no column of the tab (blank cells are no header). */
export function unreadHeaders(def: TabDef, headerCells: readonly Cell[]): UnreadHeader[] {
  const allColumns = columnsRead(def);
  const unread: UnreadHeader[] = [];
  headerCells.forEach((cell, c) => {
    if (typeof cell !== 'string' || cell.trim() === '') return;
    if (!allColumns.some((col) => matchesLabel(cell, col.label))) unread.push({ cell, column: c + 1 });
  });
  return unread;
}

/**
 * The header that may be meant as a column: of the headers read as nothing, the first that resembles it (目標（萬元）
 * for 目標值, "Phase" for "Phasing"; see resembles). The one nearness of the plan: the parser names it where the
 * column is missing (MISSING_COLUMN_NEAR) and where the column is there but empty beside it
 * (`empty-column-near-header`), and Insert templates adds no column such a header may stand for.
 */
export function headerNear(column: ColumnDef, unread: readonly UnreadHeader[]): UnreadHeader | undefined {
  return unread.find((header) => resembles(header.cell, column.label));
}

/** How many runs of hidden rows hidden-rows names (the rest are "…"). */
const HIDDEN_RUNS_SHOWN = 8;

/**
 * Data rows hidden (by the person or a filter) that hold something: read and counted as typed, as a formula reads
 * them, but out of sight (an old check-in hidden under its correction). Said once per tab, at the first such row,
 * listing them ("3, 7–9"). `first` and `last` are 0-based, `last` exclusive.
 */
function hiddenRowsIssue(
  sheet: string,
  grid: Grid,
  first: number,
  last: number,
  /** The cells an example row is marked in (exampleMarkAt): such a row is left out, not counted as typed. */
  markColumns: readonly number[],
  issues: PlanIssue[],
) {
  const hidden = hiddenPartsOf(grid)?.rows;
  if (!hidden?.size) return;
  const rows: number[] = [];
  for (const row of [...hidden].sort((a, b) => a - b)) {
    if (row - 1 < first || row - 1 >= last) continue;
    const cells = grid[row - 1];
    if (Array.isArray(cells) && !cells.every(isBlank) && exampleMarkAt(cells, markColumns) < 0)
      rows.push(row);
  }
  if (!rows.length) return;
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  const shown = runs.length > HIDDEN_RUNS_SHOWN ? [...runs.slice(0, HIDDEN_RUNS_SHOWN), '…'] : runs;
  issues.push(
    makeIssue(
      'hidden-rows',
      { sheet, row: rows[0], column: 1 },
      { tab: sheet, rows: inEveryLanguage((lang) => joinList(shown, lang)), count: rows.length },
    ),
  );
}

function gridSize(grid: Grid): { rows: number; columns: number } {
  let columns = 0;
  for (const row of grid) if (Array.isArray(row)) columns = Math.max(columns, row.length);
  // Rows at the end that show nothing are not the plan's: a helper column filled down with =IF(A2="","",…) makes
  // Apps Script's data range (and so getValues) reach its last formula, where the file and the Sheets API stop at
  // the last value. "The next free row" is after the last row with something in it, whichever way it was read.
  let rows = grid.length;
  while (rows > 0 && (!Array.isArray(grid[rows - 1]) || grid[rows - 1].every(isBlank))) rows--;
  return { rows, columns };
}

function findHeaderRow(def: TabDef, grid: Grid): number {
  let best = -1;
  let bestHits = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    const hits = def.columns.filter((c) =>
      row.some((cell) => typeof cell === 'string' && matchesLabel(cell, c.label)),
    ).length;
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  }
  return best;
}

function readTable(
  def: TabDef,
  sheet: string,
  grid: Grid,
  issues: PlanIssue[],
  reportMissingColumns: boolean,
  /** The spreadsheet's time zone: a month header typed as a date is named by its month there. */
  timeZone = 'UTC',
): TableRows | undefined {
  const size = gridSize(grid);
  let headerIndex = findHeaderRow(def, grid);
  // Months in columns with a second header row (1月 merged over 目標 | 實績): 實績 is a Value header too, and with the
  // Metric header merged down over both rows (A1:A2) the second row would name more columns. The month row heads.
  if (def.key === 'actuals' && headerIndex > 0 && monthsOver(grid[headerIndex - 1], grid[headerIndex]))
    headerIndex--;
  if (headerIndex < 0) {
    if (def.presence !== 'optional')
      issues.push(makeIssue('empty-sheet', { sheet, row: 1, column: 1 }, { tab: sheet }));
    return undefined;
  }
  // A month header centred across the blank cells after it (Excel's Center Across Selection) heads them, as a
  // merged one does: written into them in this copy of the header row (the grid is not changed).
  const centred = def.key === 'actuals' ? centredMonthHeaders(grid, headerIndex) : undefined;
  const headerCells = centred?.cells ?? grid[headerIndex] ?? [];
  const columns: Record<string, number> = {};
  const scaledHeaders: ScaledHeader[] = [];
  let notedHeaders: Record<string, string> | undefined;
  const allColumns = columnsRead(def);
  // A header as the template writes it wins over one with a note ("Target (2025)" beside "Target").
  const exact = new Set<string>();
  for (const cell of headerCells)
    if (typeof cell === 'string') {
      const column = allColumns.find((col) => matchesLabel(cell, col.label, false));
      if (column) exact.add(column.key);
    }
  const ambiguous: { cell: string; column: number; named: Localized[] }[] = [];
  const copies: { cell: string; column: number; key: string }[] = [];
  headerCells.forEach((cell, c) => {
    if (typeof cell !== 'string') return;
    const column =
      allColumns.find((col) => matchesLabel(cell, col.label, false)) ??
      allColumns.find((col) => !exact.has(col.key) && matchesLabel(cell, col.label)) ??
      (def.key === 'actuals' && !exact.has('value') ? toDateValueColumn(cell, allColumns) : undefined);
    if (!column) {
      // "目標值（調整後）" beside "目標值": the column's own header wins, and this one is read as nothing; said, since
      // it may hold the figures meant (column-copy).
      const twin =
        headerNote(cell) !== null
          ? allColumns.find((col) => exact.has(col.key) && matchesLabel(cell, col.label))
          : undefined;
      if (twin) {
        copies.push({ cell, column: c + 1, key: twin.key });
        return;
      }
      // "開始 Due": two names of two columns, read as neither (a guess would put the dates in one or the other).
      const named = headerNames(
        cell,
        allColumns.map((col) => col.label),
      );
      if (named.length) ambiguous.push({ cell, column: c + 1, named });
      return; // extra columns are the user's: kept and ignored
    }
    // "目標值（萬元）": a note that counts the column in a multiple, which the numbers below are not read in. Said
    // once the metrics' Units are known (see headerScaleIssues): a Unit of 萬元 already counts them so.
    const note = column.kind === 'number' || column.kind === 'ratio' ? headerNote(cell) : null;
    const exponent = note ? noteScale(note) : 0;
    if (exponent > 0) scaledHeaders.push({ column: c + 1, header: cell.trim(), note: note!, exponent });
    if (column.key in columns) {
      // Two headers of the column, one with a note or both ("目標值（原）", "目標值（調整後）"): the first is read.
      if (headerNote(cell) !== null || notedHeaders?.[column.key] !== undefined)
        copies.push({ cell, column: c + 1, key: column.key });
      else
        issues.push(
          makeIssue(
            'duplicate-column',
            { sheet, row: headerIndex + 1, column: c + 1 },
            { tab: sheet, column: cell },
          ),
        );
    } else {
      columns[column.key] = c + 1;
      if (headerNote(cell) !== null || !matchesLabel(cell, column.label))
        (notedHeaders ??= {})[column.key] = cell.trim();
    }
  });
  const hiddenColumns = hiddenPartsOf(grid)?.columns;
  for (const copy of copies) {
    const read = columns[copy.key];
    const label = allColumns.find((col) => col.key === copy.key)!.label;
    issues.push(
      makeIssue(
        'column-copy',
        { sheet, row: headerIndex + 1, column: copy.column },
        {
          tab: sheet,
          header: copy.cell.trim(),
          cell: a1(headerIndex + 1, copy.column),
          read: cellText(headerCells[read - 1]),
          readCell: a1(headerIndex + 1, read),
          column: label,
          hidden: hiddenColumns?.has(read)
            ? inEveryLanguage((lang) => CATALOGUES[lang].issues.HIDDEN_COLUMN)
            : '',
        },
      ),
    );
  }
  // Said only where one of the columns it names is missing, so it may be meant as that column: beside the Start and
  // Due columns, a column headed "Start / Due" is the person's own (a note), as any other header they add.
  for (const { cell, column, named } of ambiguous) {
    const keys = named.map((label) => allColumns.find((col) => col.label === label)?.key);
    if (keys.every((key) => key !== undefined && key in columns)) continue;
    issues.push(
      makeIssue(
        'ambiguous-header',
        { sheet, row: headerIndex + 1, column },
        { header: cell.trim(), tab: sheet, columns: quotedList(named) },
      ),
    );
  }
  const wide =
    def.key === 'actuals'
      ? wideHeader(columns, grid, headerIndex, headerCells, centred?.blocks ?? [], sheet, issues, timeZone)
      : undefined;
  const monthColumns = wide?.read;
  const layout: SheetLayout = {
    sheet,
    headerRow: headerIndex + 1,
    columns,
    ...(notedHeaders ? { notedHeaders } : {}),
    rowCount: size.rows,
    columnCount: size.columns,
  };
  // Months in columns have no Date or Value column to miss, and a month header is no column spelled otherwise.
  const needed = (column: ColumnDef) => !(monthColumns && WIDE_UNUSED.has(column.key));
  if (reportMissingColumns) {
    // The headers read as nothing, which a missing column may be spelled as (see below).
    const unread = unreadHeaders(def, headerCells).filter((h) => !wide?.all.includes(h.column));
    // Said where the column would go, the first cell after the header row's last; or, where a header read as nothing
    // resembles the column (目標 for 目標值, "Phase" for "Phasing"), at that header, named, since it may be the
    // column spelled otherwise.
    // The first cell after the header row's last header (a note typed further right in a data row is no header).
    let afterHeaders = 1;
    headerCells.forEach((cell, c) => {
      if (!isBlank(cell)) afterHeaders = c + 2;
    });
    for (const column of def.columns) {
      if (column.key in columns || column.reportMissing === false || !needed(column)) continue;
      // The Departments tab is one list: where its one required column is missing, the first header read as nothing
      // (組別, 名稱) heads it, whatever its letters, and is said as probably it rather than an empty cell beyond.
      const like =
        headerNear(column, unread) ?? (def.key === 'departments' && column.required ? unread[0] : undefined);
      const at = {
        sheet,
        row: headerIndex + 1,
        column: like?.column ?? afterHeaders,
      };
      const near = like
        ? inEveryLanguage((lang) =>
            fill(CATALOGUES[lang].issues.MISSING_COLUMN_NEAR, {
              header: like.cell.trim(),
              cell: a1(headerIndex + 1, like.column),
              column: column.label[lang],
            }),
          )
        : '';
      const code: IssueCode = column.required ? 'missing-column' : 'missing-column-optional';
      issues.push(makeIssue(code, at, { tab: sheet, column: column.label, row: headerIndex + 1, near }));
    }
    // The column is there but holds nothing, while a header that resembles it holds data: a column renamed (目標值 to
    // 目標（萬元）) and then typed again under its own name, as Insert templates did before it knew the nearness. The
    // plan reads the empty one, and without a word every target would be "empty". Said of the columns the plan needs
    // filled in or computes with, not of optional free text (Notes, Lead), which may well be empty beside "Notes 2".
    if (unread.length) {
      const last = size.rows;
      const empty = (column: number) => {
        for (let r = headerIndex + 1; r < last; r++) {
          const row = grid[r];
          if (Array.isArray(row) && !isBlank(row[column - 1])) return false;
        }
        return true;
      };
      const holding = unread.filter((header) => !empty(header.column));
      for (const column of holding.length ? def.columns : []) {
        if (!column.required && column.kind === 'text') continue;
        const at = columns[column.key];
        if (at === undefined || !empty(at)) continue;
        const like = headerNear(column, holding);
        if (!like) continue;
        issues.push(
          makeIssue(
            'empty-column-near-header',
            { sheet, row: headerIndex + 1, column: at },
            {
              column: column.label,
              tab: sheet,
              cell: a1(headerIndex + 1, at),
              header: like.cell.trim(),
              near: a1(headerIndex + 1, like.column),
            },
          ),
        );
      }
    }
    // A column is missing and a header is read as nothing, but shares some of its letters (拆解方式 and 分解方式,
    // "Phase" and "Phasing"): it may be that column spelled another way. Said at the header, naming the missing
    // columns it resembles; a column of the person's own ("Notes", "Link") shares nothing and stays theirs.
    const missing = def.columns
      .filter((column) => !(column.key in columns) && needed(column))
      .map((column) => column.label);
    if (missing.length)
      for (const { cell, column } of unread) {
        const like = missing.filter((label) => resembles(cell, label));
        if (!like.length) continue;
        const at = { sheet, row: headerIndex + 1, column };
        issues.push(
          makeIssue('unread-header', at, { header: cell.trim(), tab: sheet, missing: quotedList(like) }),
        );
      }
  }
  // Numbers people type, in a format that shows a percent, a currency or a multiple: read as that text
  // (number-formats.ts).
  // Of months in columns, every month's column is a Value column.
  const typedColumns = (monthColumns ?? typedNumberColumns(def.key).map((column) => columns[column.key]))
    .filter((column): column is number => column !== undefined)
    .map((column) => column - 1);
  // Dates people type, in a format that shows a month but no day: read as that month (RowReader.date).
  const formats =
    typedColumns.length || def.columns.some((column) => column.kind === 'date')
      ? numberFormatsOf(grid)
      : undefined;
  // Confidence is a share whatever the metric: a number there shown as a percent reads the same as its text, and is
  // left a number (every Confidence cell of the add-on's template is shown as one: 1,000 texts at 1,000 key results).
  const shareColumns = typedNumberColumns(def.key)
    .filter((column) => column.key === 'confidence' && columns[column.key] !== undefined)
    .map((column) => columns[column.key] - 1);
  const firstRow = headerIndex + (wide?.subHeader ? 2 : 1);
  const markColumns = (EXAMPLE_MARK_COLUMNS[def.key] ?? [])
    .map((key) => columns[key])
    .filter((column): column is number => column !== undefined)
    .map((column) => column - 1);
  // Not the change log: the add-on writes it, and old entries hidden to tidy it count for nothing a figure shows.
  if (!def.generated && def.key !== 'changes')
    hiddenRowsIssue(sheet, grid, firstRow, size.rows, markColumns, issues);
  const merges = mergedRangesOf(grid);
  // The data rows are not copied out (an Actuals tab has 160,000 at 10,000 key results): readRows walks the grid.
  return {
    ...(formats ? { formats } : {}),
    ...(merges ? { merges } : {}),
    ...(monthColumns ? { monthColumns } : {}),
    ...(wide?.targets.length ? { monthTargets: wide.targets } : {}),
    typedColumns,
    shareColumns,
    def,
    layout,
    grid,
    // Under a second header row (目標 | 實際), the data starts a row lower.
    firstRow,
    known: Object.values(columns).map((c) => c - 1),
    markColumns,
    headerCells,
    scaledHeaders,
    columnIndex: new Map(Object.entries(columns)),
  };
}

/** Column names as a message lists them, each quoted: "Start" and "Due", 「開始」和「截止」. */
function quotedList(labels: readonly Localized[]): Localized {
  return inEveryLanguage((lang) =>
    joinList(
      labels.map((label) => fill(CATALOGUES[lang].parse.QUOTED, { text: label[lang] })),
      lang,
    ),
  );
}

/** A row with content only in the user's own columns is theirs, not a plan row. */
function isPlanRow(row: Cell[], known: number[]): boolean {
  for (const c of known) if (!isBlank(row[c])) return true;
  return false;
}

/** The 0-based column of the first of `markColumns` whose cell marks the row as an example (exampleMark), or -1. */
function exampleMarkAt(row: Cell[], markColumns: readonly number[]): number {
  const starts = exampleMarkStarts();
  for (const c of markColumns) {
    const cell = row[c];
    // Numbers and dates are never marks; most text is judged by its first character alone (exampleMarkStarts).
    if (typeof cell === 'string' && starts[cell.charCodeAt(0)] === 1 && exampleMark(cell) !== null) return c;
  }
  return -1;
}

/**
 * A row marked as an example ("（示例）KR-1", "範例", "e.g. KR-01", a title "(example) …": exampleMark): said at the
 * marked cell (example-row), and true, so that the row is left out of the plan, its figures counted nowhere. `r` is
 * 0-based.
 */
function exampleRow(table: TableRows, r: number, row: Cell[], issues: PlanIssue[]): boolean {
  const c = exampleMarkAt(row, table.markColumns);
  if (c < 0) return false;
  const sheet = table.layout.sheet;
  const typed = (row[c] as string).trim();
  issues.push(
    makeIssue(
      'example-row',
      { sheet, row: r + 1, column: c + 1 },
      { tab: sheet, row: r + 1, cell: a1(r + 1, c + 1), value: typed, mark: exampleMark(typed) ?? typed },
    ),
  );
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Strategy

function emptyStrategy(): Strategy {
  return {
    values: Object.fromEntries(STRATEGY_FIELDS.map((f) => [f.key, ''])) as Record<StrategyFieldKey, string>,
    rows: {},
    unread: [],
  };
}

function readStrategy(
  sheet: string,
  grid: Grid,
  layout: Plan['layout'],
  timeZone: string,
  issues: PlanIssue[],
): Strategy {
  const strategy = emptyStrategy();
  const def = tabDef('strategy');
  const headerIndex = findHeaderRow(def, grid);
  const header = headerIndex >= 0 ? grid[headerIndex] : [];
  const fieldColumn = header.findIndex((c) => typeof c === 'string' && matchesLabel(c, def.columns[0].label));
  const valueColumn = header.findIndex((c) => typeof c === 'string' && matchesLabel(c, def.columns[1].label));
  // Without a Field header, the column holding the most field names is the Field column.
  const fieldCol = fieldColumn >= 0 ? fieldColumn : columnOfFieldNames(grid, timeZone);
  const valueCol = valueColumn >= 0 ? valueColumn : fieldCol + 1;
  const size = gridSize(grid);
  layout.strategy = {
    sheet,
    headerRow: headerIndex + 1,
    columns: { field: fieldCol + 1, value: valueCol + 1 },
    rowCount: size.rows,
    columnCount: size.columns,
  };
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    const label = cellText(row[fieldCol], timeZone);
    const field = STRATEGY_FIELDS.find((f) => matchesLabel(label, f.label));
    // A row named in words of its own (目標客群分析) with text beside it: kept, so that the checks can say it is not read
    // rather than call its field empty. Not a row with a blank Value (a heading, a note), nor a repeated header row.
    if (
      !field &&
      label.trim() &&
      cellText(row[valueCol], timeZone).trim() &&
      !def.columns.some((column) => matchesLabel(label, column.label))
    )
      strategy.unread.push({ row: r + 1, label: label.trim() });
    if (!field || field.key in strategy.rows) continue;
    strategy.rows[field.key] = r + 1;
    const cell = row[valueCol];
    // A formula saved without its result: said here, and read as blank (a period date as the marker, which readPeriod
    // says instead, so that period-missing is not said too).
    if (isFormulaWithoutResult(cell)) {
      if (field.kind === 'date') strategy.values[field.key] = FORMULA_WITHOUT_RESULT;
      else
        issues.push(
          makeIssue(
            'formula-without-result',
            { sheet, row: r + 1, column: valueCol + 1 },
            { field: field.label, id: sheet },
          ),
        );
      continue;
    }
    // A date typed into a Value cell may arrive as a serial number; everything else is the text a person sees. A
    // number that is no plausible day stays the number typed (1151231), which readPeriod says at the cell.
    const serial =
      field.kind === 'date' && (typeof cell === 'number' || cell instanceof Date)
        ? readDate(cell, timeZone)
        : undefined;
    // A date shown as a month without its day (2026年12月) is that month, as the month typed is ("2026-12": a
    // period's end is its last day).
    strategy.values[field.key] = !serial?.ok
      ? typedDateCell(cell, timeZone)
      : showsMonthNotDay(numberFormatsOf(grid)?.[r]?.[valueCol])
        ? monthOf(serial.value)
        : serial.value;
    // A Currency of "-" or "N/A" names none: as blank, not a currency every amount's sign would be refused against.
    if (field.key === 'currency' && isNotApplicable(cell)) strategy.values.currency = '';
  }
  return strategy;
}

function columnOfFieldNames(grid: Grid, timeZone: string): number {
  const hits: number[] = [];
  for (const row of grid.slice(0, 100)) {
    if (!Array.isArray(row)) continue;
    row.forEach((cell, c) => {
      const text = cellText(cell, timeZone);
      if (text && STRATEGY_FIELDS.some((f) => matchesLabel(text, f.label))) hits[c] = (hits[c] ?? 0) + 1;
    });
  }
  let best = 0;
  hits.forEach((n, c) => {
    if (n > (hits[best] ?? 0)) best = c;
  });
  return best;
}

/** A day's month as a month typed without its day is read: its last day for the end of a span, else its first. */
function monthDay(day: IsoDate, monthEnd: boolean): IsoDate {
  return monthEnd ? lastDay(monthOf(day)) : firstDay(monthOf(day));
}

/**
 * A date cell as the person typed it: the text a person sees, except a date value outside DATE_YEARS, which is a
 * number typed into a cell formatted as a date (1151231 shown as 5051-12-17): that number, with its fraction
 * (2026.04, a year and month typed as a number, is 1905-07-18 at 00:57, and quoted as 2026.04, not 2026).
 */
function typedDateCell(cell: Cell, timeZone: string): string {
  if (cell instanceof Date) {
    const day = dateToIso(cell, timeZone);
    if (day && (day < `${DATE_YEARS.first}` || day > `${DATE_YEARS.last + 1}`))
      return String(dateToSerial(cell, timeZone));
  }
  return cellText(cell, timeZone);
}

/**
 * What a date cell that could not be read is told, `value` as typed: a date typed without separators names the day
 * it writes (1151231: 115/12/31, type 2026-12-31); a number that is a day far off any plan names that day.
 */
function dateIssue(
  read: Extract<Read<IsoDate>, { ok: false }>,
  value: string,
  monthEnd: boolean,
): [IssueCode, Record<string, string | number>] {
  if (read.reason === 'formula-error') return ['formula-error', { value }];
  if (read.reason === 'formula-without-result') return ['formula-without-result', {}];
  if (read.reason === 'span-date') return ['span-date', { value, first: read.found!, last: read.other! }];
  if (read.reason === 'compact-date') {
    const reading = compactDate(value.normalize('NFKC').trim(), monthEnd)?.reading ?? value;
    return ['compact-date', { value, reading, meant: read.found ?? '' }];
  }
  if (read.reason === 'date-out-of-range')
    return [
      'date-out-of-range',
      { value, day: read.found ?? '', first: DATE_YEARS.first, last: DATE_YEARS.last },
    ];
  return ['not-a-date', { value }];
}

/**
 * The plan's Currency (Strategy tab), when it is typed but not read as typed: a currency the product does not know
 * (Zorkmid, a typo) is a warning at its cell, unknown-currency: an amount typed with a currency is then refused in
 * any metric whose Unit names none, as not in it, where a blank Currency would take any (nothing is misread: plain
 * numbers are read as ever). A multiple noted there (新台幣（千元）, USD K) is a warning too, currency-scale: the
 * currency is read, the multiple is not, since amounts count in one through each metric's Unit (千元, 新台幣（千元）),
 * as a note in a header does not (header-scale).
 */
function currencyIssues(
  strategy: Strategy,
  sheet: string,
  layout: Plan['layout'],
  issues: PlanIssue[],
): void {
  const value = strategy.values.currency?.trim() ?? '';
  const row = strategy.rows.currency;
  if (value === '' || !row) return;
  const at = { sheet, row, column: layout.strategy?.columns.value ?? 2 };
  const read = planCurrencyOf(value);
  if (!read) issues.push(makeIssue('unknown-currency', at, { value }));
  else if (read.exponent !== 0)
    issues.push(
      makeIssue('currency-scale', at, {
        value,
        note: read.note,
        currency: read.currency,
        multiple: (10 ** read.exponent).toLocaleString('en-US'),
      }),
    );
}

/**
 * The end of a message that calls a Strategy field empty, where rows of the tab hold text under names that are no
 * field (Strategy.unread): the answer may be there, under its own name. '' when there is none.
 */
export function unreadStrategyRows(strategy: Strategy, layout: Plan['layout']): Localized | '' {
  if (!strategy.unread.length) return '';
  const column = layout.strategy?.columns.field ?? 1;
  return inEveryLanguage((lang) =>
    fill(CATALOGUES[lang].issues.UNREAD_STRATEGY_ROWS, {
      rows: joinList(
        strategy.unread.map(({ row, label }) =>
          fill(CATALOGUES[lang].issues.UNREAD_STRATEGY_ROW, { label, cell: a1(row, column) }),
        ),
        lang,
      ),
    }),
  );
}

function readPeriod(
  strategy: Strategy,
  sheet: string,
  layout: Plan['layout'],
  issues: PlanIssue[],
  timeZone: string,
): Period | null {
  const valueColumn = layout.strategy?.columns.value ?? 2;
  const at = (key: StrategyFieldKey) => ({
    sheet,
    row: strategy.rows[key] ?? null,
    column: strategy.rows[key] ? valueColumn : null,
  });
  const read = (key: 'periodStart' | 'periodEnd'): IsoDate | null => {
    const text = strategy.values[key];
    if (!text) return null;
    const r = readDate(text, timeZone, { monthEnd: key === 'periodEnd', spans: true });
    if (r.ok) return r.value;
    const field = STRATEGY_FIELDS.find((f) => f.key === key)!;
    const [code, params] = dateIssue(r, text, key === 'periodEnd');
    issues.push(makeIssue(code, at(key), { field: field.label, id: sheet, ...params }));
    return null;
  };
  const start = read('periodStart');
  const end = read('periodEnd');
  if (!start || !end) {
    const missing = !start ? 'periodStart' : 'periodEnd';
    const location = at(missing);
    // Without a Strategy tab there is no cell to point at (the missing tab is reported on its own).
    const fallback = layout.strategy ? { sheet, row: 1, column: 1 } : { sheet, row: null, column: null };
    if (!strategy.values[missing])
      issues.push(
        makeIssue('period-missing', location.row ? location : fallback, {
          unread: unreadStrategyRows(strategy, layout),
        }),
      );
    return null;
  }
  if (end < start) {
    issues.push(makeIssue('period-reversed', at('periodEnd')));
    return null;
  }
  let months = monthRange(monthOf(start), monthOf(end));
  if (months.length > MAX_PERIOD_MONTHS) {
    issues.push(
      makeIssue('period-too-long', at('periodEnd'), { months: months.length, max: MAX_PERIOD_MONTHS }),
    );
    months = months.slice(0, MAX_PERIOD_MONTHS);
  }
  return { start, end, months };
}

// ---------------------------------------------------------------------------------------------------
// Rows

interface RowContext {
  issues: PlanIssue[];
  timeZone: string;
  period: Period | null;
  /** The plan's Currency as typed: amounts typed in another currency are errors. */
  currency: string;
  /** The spreadsheet's decimal sign, for numbers typed as text, and whether its locale was given (a file has none). */
  decimalMark: DecimalMark;
  localeGiven: boolean;
  /** Metric ID (lower case) → its Unit, for reading Actuals values typed with a unit (made when first asked). */
  units: () => Map<string, string>;
  /** The Type of the metric with this ID in lower case ('kpi' for a KPI), or undefined for none: for reading Actuals
   * values typed as words and a roadmap item's Key results (set once the key results and KPIs are read). */
  kindOf: (id: string) => MetricType | 'kpi' | undefined;
  /** The key results read, with their position by ID in lower case (uniqueById), once they are read. */
  keyResults?: { rows: KeyResult[]; byId: Map<string, number> };
  /** The same for the KPIs. */
  kpis?: { rows: Kpi[]; byId: Map<string, number> };
  /** Rows of the Key Results tab whose Weight was typed with a percent sign (50%), for weightScalesMixed. */
  weightsInPercent: Set<number>;
  /** Rows of the Key Results tab whose Weight was left blank (read as 1), for weightScalesMixed. */
  weightsBlank: Set<number>;
  /** Rows of the Key Results tab whose Weight was typed but not read (a word, a negative weight: weighed 1), for
   * weightScalesMixed: rare, where a plain 1 is in every row of the template. */
  weightsUnread: Set<number>;
  /** Rows of the Key Results tab whose Weight is text (typed so, or shown by its format) → that text, as quoted. */
  weightsTyped: Map<number, string>;
}

/** What a plain number is (NumberContext.plain), as its message says it: a Weight, a Confidence. */
type PlainNumber = 'weight' | 'confidence';
const PLAIN_NUMBER: Record<PlainNumber, Localized> = {
  weight: localized((m) => m.issues.PLAIN_NUMBER.weight),
  confidence: localized((m) => m.issues.PLAIN_NUMBER.confidence),
};

/** A number cell as its issues are said: where, what its messages call the column and the row, and its text. */
interface NumberCellAt {
  at: IssueLocation;
  field: string | Localized;
  id: string | Localized;
  text: string;
}

/**
 * A number typed in a plan cell, read in the plan's context (its currency, the spreadsheet's decimal sign) and said
 * at its cell when it is refused or read one of two ways: the one reading of every number cell, a row's column (a
 * Target, a Weight, a check-in) or a Targets tab's custom weight, so each gets the same warnings and the same text to
 * type. `where` null: the cell is read, nothing said (its column's absence is said once for the tab). `notANumber`
 * says text that is no number at all (or a formula's error) in the caller's own words (a custom weight "not used").
 */
function readNumberCell(
  raw: Cell,
  ctx: RowContext,
  where: NumberCellAt | null,
  {
    unit = '',
    plain,
    shown = false,
    notANumber,
  }: { unit?: string; plain?: PlainNumber; shown?: boolean; notANumber?: (value: string) => void },
): number | null {
  const say = (code: IssueCode, params: Record<string, string | number | Localized>) => {
    if (where) ctx.issues.push(makeIssue(code, where.at, { field: where.field, id: where.id, ...params }));
  };
  const read = readNumber(raw, {
    currency: ctx.currency,
    unit,
    decimalMark: ctx.decimalMark,
    ...(shown ? { shown } : {}),
    ...(plain ? { plain: true } : {}),
  });
  const value = where?.text ?? '';
  if (read.ok) {
    // A number a locale's grouping reads otherwise, read as the spreadsheet says and said: "50.000" (or "50.000
    // sign-ups") in a file, whose locale is unknown, is fifty, or fifty thousand where a dot groups thousands;
    // "1,200" ("1,200萬", "NT$ 3,800") where the spreadsheet writes decimals with a comma (de_DE) is 1.2 there, but
    // 1,200 as English and Chinese write it, typed out of habit or pasted. (Not a number the spreadsheet holds,
    // written out from its format: that text says what it is.)
    if (typeof raw === 'string' && !shown && where) {
      const text = raw.normalize('NFKC');
      const doubt =
        !ctx.localeGiven && DOT_GROUPED.test(text)
          ? DOT_DOUBT
          : ctx.decimalMark === ',' && COMMA_GROUPED.test(text)
            ? COMMA_DOUBT
            : null;
      if (doubt) otherReading(raw, read.value, ctx, unit, doubt, value, say);
    }
    return read.value;
  }
  const found = read.found ?? '';
  /** {fromFormat}: said where the format shows the currency, formatting as `to` or a plain number (to '': plain). */
  const fromFormat = (to: string) =>
    shown
      ? inEveryLanguage((lang) => fill((to ? FROM_FORMAT.currency : FROM_FORMAT.plain)[lang], { found, to }))
      : '';
  const compared = read.reason === 'not-a-number' && !plain ? comparedNumber(raw, ctx, unit) : null;
  if (read.reason === 'decimal-mark') {
    const mark = ctx.decimalMark;
    const source = ctx.localeGiven ? LOCALE_GIVEN : NO_LOCALE;
    say('decimal-mark', { value, suggestion: found, mark, other: mark === '.' ? ',' : '.', source });
  } else if (read.reason === 'currency-mismatch') {
    // Said against the metric's Unit when that is what decides (USD in a TWD plan), else the Strategy tab's.
    const context = { currency: ctx.currency, unit };
    if (expectedCurrencies(context)?.metric)
      say('metric-currency-mismatch', { value, found, unit, fromFormat: fromFormat(unit) });
    else {
      const currency = ctx.currency || unit;
      say('currency-mismatch', { value, found, currency, fromFormat: fromFormat(currency) });
    }
  } else if (read.reason === 'grouped-in-fours') {
    const decimal = read.other;
    const said = (phrase: Localized) =>
      decimal === undefined ? '' : inEveryLanguage((lang) => fill(phrase[lang], { decimal }));
    say('grouped-in-fours', {
      value,
      grouped: found,
      alsoDecimal: said(GROUPED_IN_FOURS.alsoDecimal),
      orDecimal: said(GROUPED_IN_FOURS.orDecimal),
    });
  } else if (read.reason === 'ambiguous-m') {
    // What is said of the Unit: the one the metric names, or that it names none.
    const said = (phrase: Localized) =>
      inEveryLanguage((lang) => fill(phrase[lang], { unit, number: found }));
    say('ambiguous-m', {
      value,
      number: found,
      unit,
      counted: said(unit ? AMBIGUOUS_M.countedIn : AMBIGUOUS_M.noUnit),
      asUnit: said(unit ? AMBIGUOUS_M.forUnit : AMBIGUOUS_M.forNoUnit),
    });
  } else if (read.reason === 'unit-in-plain-number' && plain) {
    // A weight has no unit of the metric to be typed in ("the unit of KR2 is none" would say nothing true): it is
    // said to be a plain number, with the number to type in the spreadsheet's decimal sign.
    say('unit-in-plain-number', {
      value,
      what: PLAIN_NUMBER[plain],
      number: numberAsTyped(Number(read.other), ctx.decimalMark),
    });
  } else if (read.reason === 'unit-mismatch') {
    const number = read.other === undefined ? '' : numberAsTyped(Number(read.other), ctx.decimalMark);
    const phrase = number ? UNIT_MISMATCH.converted : unit ? UNIT_MISMATCH.inUnit : UNIT_MISMATCH.noUnit;
    // The Unit column's name, the same in Key Results and KPIs.
    const unitColumn = columnDef('keyResults', 'unit').label;
    const typeIt = inEveryLanguage((lang) =>
      fill(phrase[lang], { value, number, unit, unitColumn: unitColumn[lang] }),
    );
    say('unit-mismatch', { value, found, unit: unit || NO_UNIT, typeIt, fromFormat: fromFormat('') });
  } else if (read.reason === 'formula-without-result') {
    say('formula-without-result', {});
  } else if (notANumber && (read.reason === 'not-a-number' || read.reason === 'formula-error')) {
    notANumber(value);
  } else if (compared !== null) {
    // "≥ 5%": which side is good is the metric's Direction; the number alone is what to type.
    say('comparison-sign', { value, number: compared });
  } else if (read.reason === 'formula-error') {
    say('formula-error', { value });
  } else {
    // An example that fits the column: a confidence or a weight is no 50000.
    say('not-a-number', { value, example: NUMBER_EXAMPLE[plain ?? 'number'] });
  }
  return null;
}

/**
 * Comparison signs and words typed with a number in a target or a check-in, as a bar is said: before it (≥ 5%, >= 5%,
 * < 3 days, 至少5%, 不低於5%, "at least 5%", "no more than 5%") or after it (5%以上, 5%以下, "5% or more"). Full-width
 * ＞ is > under NFKC. Compared in any case, with or without a space between the word and the number.
 */
const COMPARISON_WORDS = {
  before: [
    ...['>=', '<=', '=>', '=<', '≥', '≤', '⩾', '⩽', '≧', '≦', '>', '<'],
    ...['at least', 'at most', 'no less than', 'no more than', 'not less than', 'not more than'],
    ...['more than', 'less than', 'fewer than', 'up to', 'within', 'under', 'over', 'above', 'below'],
    ...['至少', '至多', '最少', '最多', '不低於', '不低于', '不少於', '不少于', '不高於', '不高于'],
    ...[
      '不超過',
      '不超过',
      '不多於',
      '不多于',
      '超過',
      '超过',
      '低於',
      '低于',
      '高於',
      '高于',
      '少於',
      '少于',
    ],
    ...['多於', '多于', '大於', '大于', '小於', '小于'],
  ],
  // 以內 / 內: "within", as a time or a cost is typed (4小時內, 3天以內).
  after: [
    '以上',
    '以下',
    '以內',
    '以内',
    '內',
    '内',
    'or more',
    'or less',
    'or above',
    'or below',
    'or fewer',
  ],
} as const;

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** Longest first: >= before >, 不低於 before 不低. */
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escaped);
const COMPARISON_BEFORE = new RegExp(`^\\s*(?:${byLength(COMPARISON_WORDS.before).join('|')})\\s*`, 'i');
const COMPARISON_AFTER = new RegExp(`\\s*(?:${byLength(COMPARISON_WORDS.after).join('|')})\\s*$`, 'i');

/**
 * The number typed with a comparison sign or word ("5%" of "≥ 5%", "至少5%", "5%以上"), as typed, where it is one the
 * cell would read; else null.
 */
function comparedNumber(raw: Cell, ctx: RowContext, unit: string): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.normalize('NFKC');
  const before = COMPARISON_BEFORE.exec(text);
  const rest = (before ? text.slice(before[0].length) : text.replace(COMPARISON_AFTER, '')).trim();
  if (rest === text.trim()) return null;
  const read = readNumber(rest, { currency: ctx.currency, unit, decimalMark: ctx.decimalMark });
  return read.ok ? rest : null;
}

/** Says a number read as `value` that the other decimal sign reads otherwise (see DOT_DOUBT, COMMA_DOUBT). */
function otherReading(
  raw: string,
  value: number,
  ctx: RowContext,
  unit: string,
  doubt: NumberDoubt,
  text: string,
  say: (code: IssueCode, params: Record<string, string>) => void,
): void {
  const other = readNumber(raw, { currency: ctx.currency, unit, decimalMark: doubt.other });
  if (!other.ok || other.value === value) return;
  // Each reading as the cell would say it, unit and all: "12.5%" or "12500%", "50 sign-ups" or "50000 …"; from the
  // text as it was matched (NFKC: a full-width comma typed by a Chinese input method is the comma).
  const matched = text.normalize('NFKC');
  const digits = doubt.digits.exec(matched)?.[0] ?? '';
  const as = (number: string) => (digits ? matched.replace(digits, number) : number);
  const read = String(Number(digits.replace(doubt.sign, '.'))).replace('.', ctx.decimalMark);
  say(doubt.code, { value: text, read: as(read), other: as(digits.replace(doubt.sign, '')) });
}

/** Reads the cells of one row by column key, recording an issue at the exact cell for anything unreadable. */
class RowReader {
  /** One reader walks down the rows of a table (see readRows): `moveTo` moves it to the next row. */
  row = 0;
  label = '';
  private cells: Cell[] = [];

  constructor(
    private readonly table: TableRows,
    readonly ctx: RowContext,
  ) {}

  moveTo(row: number, cells: Cell[]): this {
    this.row = row;
    this.label = '';
    if (this.withoutResult.length) this.withoutResult = [];
    if (this.formatted.length) this.formatted = [];
    if (this.percentOnly.length) this.percentOnly = [];
    if (this.notShown.length) this.notShown = [];
    const formats = this.table.formats?.[row - 1];
    this.rowFormats = formats;
    this.held = cells;
    this.cells = formats ? this.asTyped(cells, formats) : cells;
    return this;
  }

  /** Of `formatted`, the columns shown as a percent alone (no currency, no multiple). */
  private percentOnly: number[] = [];

  /**
   * The 0-based columns of this row whose number its format shows in a way the plan does not read (FormatShows
   * .unread: `0\-0000"萬"`, `0.00"w"`): read as held, and said at the cell when read (format-not-read).
   */
  private notShown: number[] = [];

  /** A number read as held where its format shows it otherwise (notShown): said once, at its cell. */
  private sayNotShown(key: string, held: number): void {
    const column = (this.table.columnIndex.get(key) ?? 0) - 1;
    const at = this.notShown.indexOf(column);
    if (at < 0) return;
    this.notShown.splice(at, 1);
    this.issue('format-not-read', key, {
      held: this.typeable(held),
      format: this.rowFormats?.[column] ?? '',
    });
  }

  /**
   * The keys of the row's cells read that hold a formula saved without its result (FORMULA_WITHOUT_RESULT), each
   * said once at its cell (formula-without-result): its value is unknown, so it is neither blank (no missing-value)
   * nor the column's default, and the row's reader leaves the metric out (see readKeyResult).
   */
  withoutResult: string[] = [];

  /** Whether the cell at `key` holds a formula saved without its result; said at the cell the first time. */
  lacksResult(key: string): boolean {
    if (this.raw(key) !== FORMULA_WITHOUT_RESULT) return false;
    if (!this.withoutResult.includes(key)) {
      this.withoutResult.push(key);
      this.issue('formula-without-result', key);
    }
    return true;
  }

  /** The row's cells as the spreadsheet holds them (numbers, before asTyped wrote some as the text they show). */
  private held: Cell[] = [];

  /**
   * Whether the cell says its figure is a percentage: text typed with a percent sign ("120%"), or a number a format
   * shows as a percent up to 1,000% (OPEN_BAR_CEILING), as Sheets keeps "300%" typed (3, formatted 0%). A number
   * shown as more (20 shown as 2000%, pasted into a cell formatted as a percent) is judged as the number it holds.
   */
  saysPercent(key: string): boolean {
    const column = (this.table.columnIndex.get(key) ?? 0) - 1;
    const held = this.held[column];
    if (typedAsPercent(held)) return true;
    return (
      typeof held === 'number' && this.percentOnly.includes(column) && Math.abs(held) <= OPEN_BAR_CEILING
    );
  }

  /** Whether the cell holds text typed with a percent sign ("120%"), not a number only its format shows so. */
  typedWithSign(key: string): boolean {
    return typedAsPercent(this.held[(this.table.columnIndex.get(key) ?? 0) - 1]);
  }

  /** Whether the cell's number is read as the text its format shows ("20%", "NT$100": see asTyped). */
  private shownByFormat(key: string): boolean {
    return this.formatted.length > 0 && this.formatted.includes((this.table.columnIndex.get(key) ?? 0) - 1);
  }

  /** The number formats of the row's cells, where its reader gave them. */
  private rowFormats: readonly (string | null | undefined)[] | null | undefined;

  /**
   * The cell as a message quotes what was typed in it: its text as typed ("１２０％", "－１"; `text`), or a number as
   * its format shows it ("700%" for 7 in a Confidence cell formatted as a percent, which is read as the 7 it holds),
   * so the reader finds the cell the message talks about.
   */
  quote(key: string): string {
    const column = (this.table.columnIndex.get(key) ?? 0) - 1;
    const held = this.held[column];
    const code = this.rowFormats?.[column];
    if (typeof held === 'number' && held !== 0 && code) {
      const shown = typedTextOf(held, code, this.ctx.decimalMark);
      if (shown !== null) return shown;
    }
    return this.text(key);
  }

  /**
   * A number the product writes for the reader to type (5 of "type 5%"), in the spreadsheet's decimal sign: the
   * number read, not the cell's text, which a message quotes as `text` gives it (５, or 700% for 7 in a Confidence
   * cell formatted as a percent).
   */
  typeable(value: number): string {
    return numberAsTyped(Number(value.toPrecision(12)), this.ctx.decimalMark);
  }

  /** monthIndexOfDay of the period's start and end (checkInPeriod), for the period they were worked out of. */
  private periodMonths: { of: Period; first: number; last: number } | null = null;

  /** The 0-based columns of this row whose number is read as the text its format shows (see asTyped). */
  private formatted: number[] = [];

  /**
   * The row with each number people typed whose format shows a percent, a currency or a multiple made the text it
   * stands for ("20%", "$90,000", "120萬": shared/number-formats.ts), in the spreadsheet's decimal sign; the same
   * array when none is.
   */
  private asTyped(cells: Cell[], formats: readonly (string | null | undefined)[]): Cell[] {
    let out = cells;
    for (const c of this.table.typedColumns) {
      const value = cells[c];
      const code = formats[c];
      // Zero is zero in any unit and any currency: a 0 shown as "0%" (a row copied from a percentage key result, its
      // format along) says nothing of the metric, and must not make a count a percentage or a mismatch.
      if (typeof value !== 'number' || value === 0 || !code) continue;
      const shows = formatShows(code, value);
      if (shows?.unread) {
        this.notShown.push(c);
        continue;
      }
      const percentOnly = shows !== null && shows.percent && !shows.currency && !shows.multiple;
      if (percentOnly && this.table.shareColumns.includes(c)) continue;
      const text = typedTextOf(value, code, this.ctx.decimalMark);
      if (text === null) continue;
      if (out === cells) out = [...cells];
      out[c] = text;
      this.formatted.push(c);
      if (percentOnly) this.percentOnly.push(c);
    }
    return out;
  }

  private column(key: string): ColumnDef {
    return this.table.def.columns.find((c) => c.key === key)!;
  }

  private at(key: string) {
    const column = this.table.columnIndex.get(key);
    return { sheet: this.table.layout.sheet, row: this.row, column: column ?? null };
  }

  /** What a message calls the row: its ID, or, without one, the row of its tab ("Actuals row 3", 「實際」第 3 列). */
  private who(): string | Localized {
    if (this.label) return this.label;
    const params = { tab: this.table.layout.sheet, row: this.row };
    return inEveryLanguage((lang) => fill(CATALOGUES[lang].parse.ROW_OF_TAB, params));
  }

  raw(key: string): Cell {
    const column = this.table.columnIndex.get(key);
    return column ? this.cells[column - 1] : undefined;
  }

  /** The tab's columns by key (1-based), for a reader that looks its columns up once (readActual). */
  get columns(): Record<string, number> {
    return this.table.layout.columns;
  }

  /** The cell in a 1-based column, as `raw` gives it: undefined when the tab lacks the column. */
  cellAt(column: number | undefined): Cell {
    return column ? this.cells[column - 1] : undefined;
  }

  has(key: string): boolean {
    return !isBlank(this.raw(key));
  }

  text(key: string): string {
    const raw = this.raw(key);
    if (raw === FORMULA_WITHOUT_RESULT && this.lacksResult(key)) return '';
    return cellText(raw, this.ctx.timeZone);
  }

  /** An ID, or a reference to one, as compared (idText: ＫＲ１ is KR1). */
  id(key: string): string {
    const raw = this.raw(key);
    if (raw === FORMULA_WITHOUT_RESULT && this.lacksResult(key)) return '';
    return idText(raw, this.ctx.timeZone);
  }

  issue(code: IssueCode, key: string, params: Record<string, string | number | Localized> = {}): void {
    const at = this.at(key);
    // A missing column has already been reported once for the whole tab.
    if (at.column === null) return;
    this.ctx.issues.push(makeIssue(code, at, { field: this.column(key).label, id: this.who(), ...params }));
  }

  /** A required cell that is blank gives an issue; the caller decides the fallback. */
  requirePresent(key: string): boolean {
    if (this.has(key)) return true;
    if (this.table.layout.columns[key]) this.issue('missing-value', key);
    return false;
  }

  /**
   * A time typed where a number goes (2:00 for two hours): the spreadsheet keeps it as a fraction of a day, and
   * every reader hands it over as a Date on 30 December 1899, the day its serial numbers count from (31 December
   * for 26:00). Said as the time it is, with the number it stands for in hours and in minutes; true when it was one.
   */
  private timeNotANumber(key: string, cell: Date): boolean {
    const at = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(dateToIsoMinute(cell, this.ctx.timeZone));
    if (!at || at[1] !== '1899') return false;
    const days = (Date.UTC(1899, Number(at[2]) - 1, Number(at[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
    if (days < 0) return false;
    const minutes = days * 1440 + Number(at[4]) * 60 + Number(at[5]);
    this.issue('time-not-a-number', key, {
      value: `${Math.floor(minutes / 60)}:${at[5]}`,
      hours: Number((minutes / 60).toPrecision(12)),
      minutes,
    });
    return true;
  }

  /**
   * A number cell; `unit` is the metric's Unit, which a unit typed after the number must match. `plain`: the cell is a
   * plain number of no metric (a Weight, a Confidence), which no unit or currency fits (NumberContext.plain).
   */
  number(key: string, required = false, unit = '', plain?: PlainNumber): number | null {
    // Each cell is looked up once: a plan's tabs have hundreds of thousands of them.
    const raw = this.raw(key);
    // Most cells hold numbers, which need no context and no Read result.
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      if (this.notShown.length) this.sayNotShown(key, raw);
      return raw;
    }
    if (isBlank(raw)) {
      if (required) this.requirePresent(key);
      return null;
    }
    if (raw === FORMULA_WITHOUT_RESULT && this.lacksResult(key)) return null;
    if (raw instanceof Date && this.timeNotANumber(key, raw)) return null;
    // A number its format shows with a currency sign (NT$100) is in the metric's Unit, as typed: in one counted in
    // 萬元, 100 萬元, where the same text typed in a cell would be 100 元, in full.
    const shown = this.shownByFormat(key);
    // Shown as a percent alone in a percentage metric, its text ("18%") reads as the number held: not read again (a
    // percentage metric's check-ins are, at 10,000 key results, tens of thousands of cells).
    if (shown && isPercentUnit(unit)) {
      const column = (this.table.columnIndex.get(key) ?? 0) - 1;
      const held = this.held[column];
      if (typeof held === 'number' && this.percentOnly.includes(column)) return held;
    }
    const column = this.table.columnIndex.get(key);
    // A missing column has already been reported once for the whole tab.
    if (column === undefined) return readNumberCell(raw, this.ctx, null, { unit, plain, shown });
    const where = { at: this.at(key), field: this.column(key).label, id: this.who(), text: this.text(key) };
    return readNumberCell(raw, this.ctx, where, { unit, plain, shown });
  }

  /**
   * `span`: the cell starts or ends a plan's span (a Start, a Due, an End), where a month typed without its day is its
   * first or its last day and a quarter or a half is read too (readDate). A check-in's Date has none: one day.
   */
  date(key: string, required = false, span?: 'start' | 'end'): IsoDate | null {
    const monthEnd = span === 'end';
    const raw = this.raw(key);
    // The usual form, "2026-03-01", is taken as it is (no Read result made for it).
    if (typeof raw === 'string' && usualIsoDate(raw) === true) return raw;
    if (isBlank(raw)) {
      if (required) this.requirePresent(key);
      return null;
    }
    if (raw === FORMULA_WITHOUT_RESULT && this.lacksResult(key)) return null;
    const read = readDate(raw, this.ctx.timeZone, { monthEnd, spans: span !== undefined });
    if (read.ok) {
      // A date shown as a month without its day (2026年3月, Mar 2026: a month typed into the cell, which the
      // spreadsheet holds as its first day) is that month, read as the same month typed as text is.
      if (
        typeof raw !== 'string' &&
        showsMonthNotDay(this.rowFormats?.[(this.table.columnIndex.get(key) ?? 0) - 1])
      )
        return monthDay(read.value, monthEnd);
      return read.value;
    }
    const [code, params] = dateIssue(read, typedDateCell(raw, this.ctx.timeZone), monthEnd);
    this.issue(code, key, params);
    return null;
  }

  choice<K extends EnumKey>(
    key: string,
    enumKey: K,
    fallback: keyof (typeof ENUMS)[K],
    required = false,
  ): keyof (typeof ENUMS)[K] {
    return this.choiceOrNull(key, enumKey, fallback, required) ?? fallback;
  }

  /** The choice a cell names, the fallback where it is blank, or null where it names none (an invalid-choice issue). */
  choiceOrNull<K extends EnumKey>(
    key: string,
    enumKey: K,
    fallback: keyof (typeof ENUMS)[K],
    required = false,
    /**
     * (Positional, not an options object: this runs for every key result.)
     * `applies: false`: the column means nothing for this row (a milestone's Direction, a threshold's Phasing), so
     * it is not read and nothing is said of it. `dashIsBlank`: a dash or N/A there is the default; where the
     * choice decides how the row is judged (a Direction), it is not, and is said as any other unknown value.
     */
    applies = true,
    dashIsBlank = true,
  ): keyof (typeof ENUMS)[K] | null {
    if (!applies) return fallback;
    const raw = this.raw(key);
    if (isBlank(raw) || (dashIsBlank && isNotApplicable(raw))) {
      if (required) this.requirePresent(key);
      return fallback;
    }
    // Unknown, not the default: the key result is left out as for a choice it does not name (unreadChoice).
    if (raw === FORMULA_WITHOUT_RESULT && this.lacksResult(key)) return null;
    const value = matchEnum(enumKey, cellText(raw, this.ctx.timeZone));
    if (value !== undefined) return value;
    this.invalidChoice(key, enumKey);
    return null;
  }

  /**
   * Says a choice cell that names none of the column's values. Apart from choiceOrNull, which runs for every Type,
   * Direction and Phasing: a function whose closure holds one of its variables (enumKey here) gets a new object for
   * it on every call, even when the closure is never made.
   */
  private invalidChoice(key: string, enumKey: EnumKey): void {
    const allowed = inEveryLanguage((lang) => joinList(enumLabels(enumKey, lang), lang));
    this.issue('invalid-choice', key, { value: this.text(key), allowed });
  }

  /** Dates of a row within the period; outside is a warning, reversed is an error. */
  checkSpan(startKey: string, start: IsoDate | null, endKey: string, end: IsoDate | null): void {
    if (start && end && end < start) {
      this.issue('dates-reversed', endKey, { start, end });
    }
    const period = this.ctx.period;
    if (!period) return;
    // Two calls rather than a loop over [key, value] pairs: this runs for every dated row.
    this.checkInPeriod(startKey, start, period);
    this.checkInPeriod(endKey, end, period);
  }

  /**
   * By month, as the plan counts time: a Due of 31 December is within a period whose end reads 1 December (a cell
   * typed "2026-12" that the spreadsheet turned into the date 2026-12-01), since December is the period's month.
   */
  private checkInPeriod(key: string, value: IsoDate | null, period: Period): void {
    if (!value || !this.has(key)) return;
    // Month numbers, not month texts: this runs for two dates of every dated row, and each text was a new string.
    // The period's own months are worked out once per tab.
    if (this.periodMonths === null || this.periodMonths.of !== period)
      this.periodMonths = {
        of: period,
        first: monthIndexOfDay(period.start),
        last: monthIndexOfDay(period.end),
      };
    const month = monthIndexOfDay(value);
    if (month < this.periodMonths.first || month > this.periodMonths.last) {
      this.issue('outside-period', key, { value, start: period.start, end: period.end });
    }
  }
}

function readRows<T>(table: TableRows | undefined, ctx: RowContext, read: (r: RowReader) => T | null): T[] {
  if (!table) return [];
  const { grid, known } = table;
  // Made at its largest size and cut to the rows read, rather than grown row by row: an Actuals tab of 127,000
  // rows grew its list through a dozen ever larger copies.
  const out: T[] = new Array(Math.max(0, grid.length - table.firstRow));
  let count = 0;
  const reader = new RowReader(table, ctx);
  const marked = table.markColumns.length > 0;
  for (let r = table.firstRow; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row) || !isPlanRow(row, known)) continue;
    if (marked && exampleRow(table, r, row, ctx.issues)) continue;
    const value = read(reader.moveTo(r + 1, row));
    if (value !== null) out[count++] = value;
  }
  out.length = count;
  return out;
}

/** The ID cell: present, or an issue; rows without an ID are left out (nothing could refer to them). */
const EXAMPLE_DEPARTMENT = localized((m) => m.example.D.marketing);

function readId(r: RowReader, key: string, example: string | Localized): string | null {
  const id = r.id(key);
  if (id) {
    r.label = id;
    return id;
  }
  // A formula saved without its result: said as such (r.id), not as missing.
  if (r.withoutResult.length) return null;
  r.issue('missing-id', key, { row: r.row, example });
  return null;
}

const lowerCase = (id: string): string => id.toLowerCase();

/**
 * The rows with an ID not seen above them (a repeat is an issue at its cell), and each kept ID by lower case with
 * its position among the kept rows: the plan's index starts from these (seedPlanIndex) rather than lowering every
 * ID again.
 */
function uniqueById<T extends { row: number }>(
  items: T[],
  key: keyof T & string,
  /** The ID of an item (item[key]): a function per tab, so each reads one shape of row, which V8 makes fast. */
  idOf: (item: T) => string,
  table: TableRows | undefined,
  issues: PlanIssue[],
  /** What two IDs are the same by: lower case for IDs; a department's name as owners match it (ownerKey). */
  sameAs: (id: string) => string,
): { rows: T[]; byId: Map<string, number> } {
  const byId = new Map<string, number>();
  if (!table) return { rows: items, byId };
  const column = table.layout.columns[key] ?? 1;
  // Without a repeat every row is kept, in order: the rows as read (no copy of 10,000 rows).
  let kept: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const id = idOf(item);
    const lower = sameAs(id);
    const first = byId.get(lower);
    if (first !== undefined) {
      kept ??= items.slice(0, i);
      issues.push(
        makeIssue(
          'duplicate-id',
          { sheet: table.layout.sheet, row: item.row, column },
          { id, other: (kept[first] as T).row },
        ),
      );
    } else {
      byId.set(lower, kept ? kept.length : i);
      if (kept) kept.push(item);
    }
  }
  return { rows: kept ?? items, byId };
}

function readDepartment(r: RowReader): Department | null {
  // A department's ID is its name: the example is one in the reader's language (Marketing, 市场, 市場).
  const name = readId(r, 'name', EXAMPLE_DEPARTMENT);
  if (!name) return null;
  return { row: r.row, name, lead: r.text('lead'), color: r.text('color') };
}

function readObjective(r: RowReader): Objective | null {
  const id = readId(r, 'id', 'O1');
  if (!id) return null;
  r.requirePresent('title');
  const start = r.date('start', false, 'start');
  const end = r.date('end', false, 'end');
  r.checkSpan('start', start, 'end', end);
  return {
    row: r.row,
    id,
    title: r.text('title'),
    owner: r.id('owner'),
    parent: r.id('parent'),
    start,
    end,
    notes: r.text('notes'),
  };
}

/**
 * The Unit of a metric whose Unit cell is blank: `%` when one of its figures is typed as text with a percent sign
 * ("20%", as a cell formatted as text or a file holds it), so the metric is a percentage like one with a Unit of %,
 * and 12 typed for 12% is caught at its cell rather than read as 1,200%; else ''. A cell the spreadsheet turned
 * into the number 0.2 in a percent format is read as "20%" too (RowReader asTyped), when its reader gave the formats.
 */
function typedPercentUnit(r: RowReader, ...keys: string[]): string {
  for (const key of keys) {
    const raw = r.raw(key);
    if (typedAsPercent(raw) && readNumber(raw).ok) return '%';
  }
  return '';
}

/**
 * A Baseline or Target typed as a percentage ("15%", "+20%", or 0.15 shown as a percent) in a metric whose Unit is
 * not blank (there typedPercentUnit makes it `%`), not a percentage (isPercentUnit), and counts nothing a % cannot be
 * (sign-ups, hours, USD: there readNumber refuses the cell, unit-mismatch): a Unit the reader does not place, NPS, a
 * score, Revenue, MAU, 佔有. Read, "15%" is 0.15 of that unit: either a percentage under a name the reader does not
 * know for one, whose check-ins typed as whole percents (12 for 12%) would then go unnoticed, or a change ("+20%" for
 * "grow 20%"), which is no target. Said at the Target, or else the Baseline (percent-in-unit), a warning, and the
 * metric read as the percentage its figures say it is (asPercentUnit): 99.5% Uptime, 115% NRR and 90% CSAT are
 * plans like any other, and their check-ins typed as whole percents (99.7 for 99.7%) are caught as a %'s are. As a
 * blank Unit with a figure typed as a percentage is `%` (typedPercentUnit). Zero is zero in any unit. Whether it was
 * said.
 */
function percentInUnit(
  r: RowReader,
  unit: string,
  target: number | null,
  baseline: number | null,
  consequence: Localized,
): 'percent' | 'change' | null {
  if (unit === '' || isPercentUnit(unit)) return null;
  const key =
    target !== null && target !== 0 && typedAsPercent(r.raw('target'))
      ? 'target'
      : baseline !== null && baseline !== 0 && typedAsPercent(r.raw('baseline'))
        ? 'baseline'
        : null;
  if (key === null) return null;
  // "+20%": how much the metric is to grow, which is no target of a metric counted in MAU or Revenue: an error, and
  // the metric left out (read as a percentage, 20% of MAU would be done at its first check-in).
  const typed = r.text(key);
  if (typed.normalize('NFKC').trim().startsWith('+')) {
    r.issue('percent-change-in-unit', key, { value: typed, unit, consequence });
    return 'change';
  }
  r.issue('percent-in-unit', key, { value: typed, unit, percentUnit: asPercentUnit(unit) });
  return 'percent';
}

/** A Unit read as the percentage its figures are typed as: Uptime (%), as the warning asks it to be named. */
const asPercentUnit = (unit: string): string => `${unit} (%)`;

/**
 * Whether a Baseline or Target of 2 or more says it is a percentage only by its cell's format (readKeyResult). Not a
 * closure there: one over `r` would make every key result read allocate (see RowReader.invalidChoice).
 */
function percentByFormatOnly(r: RowReader, saysPercent: boolean, key: 'baseline' | 'target', value: number) {
  return saysPercent && Math.abs(value) >= 2 && !r.typedWithSign(key);
}

function readKeyResult(r: RowReader): KeyResult | null {
  const id = readId(r, 'id', 'KR1');
  if (!id) return null;
  r.requirePresent('objective');
  r.requirePresent('title');
  const typeRead = r.choiceOrNull('type', 'type', 'cumulative', true);
  const type = typeRead ?? 'cumulative';
  // A milestone has no direction, and only cumulative and level key results are split by a Phasing: those cells
  // are not read there (a dash, N/A or anything else in them changes nothing, and is not said).
  const directionRead = r.choiceOrNull(
    'direction',
    'direction',
    'increase',
    false,
    typeRead !== 'milestone',
    false,
  );
  const phasingRead = r.choiceOrNull(
    'phasing',
    'phasing',
    'even',
    false,
    typeRead === null || type === 'cumulative' || type === 'level',
  );
  const direction = directionRead ?? 'increase';
  const phasing = phasingRead ?? 'even';
  // A Type, Direction or Phasing that could not be read (an invalid-choice error at its cell) leaves the key result
  // out of progress, rather than judged on the default: a Phasing only where it splits the target.
  const unreadChoice =
    typeRead === null
      ? 'type'
      : directionRead === null
        ? 'direction'
        : phasingRead === null && (type === 'cumulative' || type === 'level')
          ? 'phasing'
          : null;
  let unit = r.text('unit') || typedPercentUnit(r, 'baseline', 'target');
  const baseline = r.number('baseline', false, unit) ?? 0;
  // A milestone is done (1) or not (0), whatever its Target (docs/method.md): a blank one is 1, and not asked for.
  // (Without the column, the missing-column error stands for every key result.)
  const target =
    typeRead === 'milestone' && r.columns.target !== undefined && !r.has('target')
      ? 1
      : r.number('target', true, unit);
  const ownStart = r.date('start', false, 'start');
  const due = r.date('due', true, 'end');
  r.checkSpan('start', ownStart, 'due', due);
  // Without a Start the key result starts with the period: a Due before that (a wrong year) leaves it no month.
  const periodStart = r.ctx.period?.start;
  if (ownStart === null && due !== null && periodStart && due < periodStart)
    r.issue('dates-reversed', 'due', { start: periodStart, end: due });
  let weight = r.number('weight', false, '', 'weight');
  if (weight !== null && weight < 0) {
    r.issue('negative-weight', 'weight', { value: r.quote('weight') });
    weight = null;
  }
  if (weight !== null && typedAsPercent(r.raw('weight'))) r.ctx.weightsInPercent.add(r.row);
  if (!r.has('weight')) r.ctx.weightsBlank.add(r.row);
  else if (weight === null) r.ctx.weightsUnread.add(r.row);
  else {
    // Kept only where the cell shows other than the number read (２０, 20 shown as 2000%): most weights are plain.
    const quoted = r.quote('weight');
    if (quoted !== String(weight)) r.ctx.weightsTyped.set(r.row, quoted);
  }
  let confidence = r.number('confidence', false, '', 'confidence');
  // "150%" typed says it is a percentage: above 100% it is out of range, never "1.5 out of 10". (A number a percent
  // format shows stays the number in a Confidence cell, and is judged as typed: 7 shown as 700% is 7.)
  if (confidence !== null && typedAsPercent(r.raw('confidence')) && (confidence < 0 || confidence > 1)) {
    r.issue('confidence-out-of-range', 'confidence', { value: r.quote('confidence') });
    confidence = null;
  }
  // "80" in a confidence column means 80%; beyond 0–100% it means nothing, and is not shown.
  // A number above 1 and up to 10 is as likely "7 out of 10" or "7.5 out of 10" (a scale many OKR teams use) as 7%
  // or 7.5%: not guessed. (1 is 100%, and 0.75 is 75%: a fraction, as a percentage cell holds it.)
  if (confidence !== null && confidence > 1 && confidence <= 10) {
    r.issue('confidence-ambiguous', 'confidence', {
      value: r.quote('confidence'),
      number: r.typeable(confidence),
      tenths: `${Number((confidence * 10).toPrecision(12))}%`,
      percent: `${confidence}%`,
    });
    confidence = null;
  } else if (confidence !== null && confidence > 1 && confidence <= 100) confidence /= 100;
  else if (confidence !== null && (confidence < 0 || confidence > 100)) {
    r.issue('confidence-out-of-range', 'confidence', { value: r.quote('confidence') });
    confidence = null;
  }
  // A `%` key result's Baseline or Target typed as a whole number (20 for 20%): read, it would put the plan
  // 100 times off. The figure is reported at its cell and the key result left out (target null) until fixed.
  let usableTarget = target;
  // Typed as a percentage where the Unit is none (Uptime, NRR, NPS): said. A milestone's figures are done or not
  // (1 or 0), whatever they are typed as.
  const typedInPercent =
    target !== null && type !== 'milestone'
      ? percentInUnit(r, unit, target, baseline, PERCENT_CONSEQUENCES.leftOut)
      : null;
  if (typedInPercent === 'change') usableTarget = null;
  if (typedInPercent === 'percent') unit = asPercentUnit(unit);
  if (typedInPercent !== 'change' && target !== null && isPercentUnit(unit)) {
    // Typed with its percent sign (300%), a figure says what it is: never asked about, and the other is judged by it.
    const typed = { baseline: r.saysPercent('baseline'), target: r.saysPercent('target') };
    // A number of 2 or more that only its cell's percent format shows as 200%–1,000% (5 in a cell formatted 0%,
    // as Sheets keeps 5 typed there) is no sign typed when the format was the cell's before the figure was (a row
    // of a % metric reused): beside a plain figure (20, shown as 2,000%), or beside one of 100% or less that it is
    // more than ten times (500% → 3%, 500% beside 20%) or runs against the Direction with (500% → 60% to
    // increase). Judged as plain then, as a Target so typed is. A plan of a few times (50% → 300%, typed "300%" in
    // Sheets) and two such figures (500% → 800%) are taken as they show.
    const apart = (figure: number, other: number, againstDirection: boolean) =>
      Math.abs(other) <= 1 && (Math.abs(figure) > 10 * Math.abs(other) || againstDirection);
    if (percentByFormatOnly(r, typed.baseline, 'baseline', baseline))
      typed.baseline = !(!typed.target || apart(baseline, target, direction === 'increase'));
    else if (percentByFormatOnly(r, typed.target, 'target', target))
      typed.target = !(!typed.baseline || apart(target, baseline, direction === 'decrease'));
    const wrong = wholePercentFigure(baseline, target, typed);
    // A plain 1 that, as 100%, runs against the Direction (1 → 20% to increase): 1% or 100%? Asked, left out.
    const one =
      wrong || (type !== 'level' && type !== 'cumulative')
        ? null
        : percentOneFigure(baseline, target, direction, typed);
    if (one) {
      r.issue('percent-one', one, { consequence: PERCENT_CONSEQUENCES.leftOut });
      usableTarget = null;
    }
    if (wrong) {
      const value = wrong === 'target' ? target : baseline;
      r.issue('percent-as-whole-number', wrong, {
        value: r.quote(wrong),
        number: r.typeable(value),
        ratio: Number((value / 100).toPrecision(12)),
        consequence: PERCENT_CONSEQUENCES.leftOut,
      });
      usableTarget = null;
    }
  }
  const keyResult: KeyResult = {
    row: r.row,
    id,
    objectiveId: r.id('objective'),
    title: r.text('title'),
    owner: r.id('owner'),
    type,
    unit,
    direction,
    baseline,
    target: usableTarget,
    start: ownStart,
    due,
    phasing,
    weight: weight ?? 1,
    confidence,
  };
  // Added only when set, after the literal: a spread in the literal made every key result a slower object to build.
  if (unreadChoice) keyResult.unreadChoice = unreadChoice;
  // The cell as typed, for the report and plan.json to show in place of the default that stands in for it.
  if (typeRead === null) keyResult.unreadType = r.text('type');
  if (directionRead === null) keyResult.unreadDirection = r.text('direction');
  if (phasingRead === null) keyResult.unreadPhasing = r.text('phasing');
  if (due === null && r.has('due')) keyResult.unreadDate = 'due';
  else if (ownStart === null && r.has('start')) keyResult.unreadDate = 'start';
  // A cell saved without its formula's result (said at it) leaves the key result out until the file is saved with
  // results: judged on a Baseline of 0, a Start at the period's start or a Weight of 1, it would be judged wrongly.
  if (r.withoutResult.length) keyResult.target = null;
  return keyResult;
}

function readKpi(r: RowReader): Kpi | null {
  const id = readId(r, 'id', 'KPI1');
  if (!id) return null;
  r.requirePresent('name');
  let unit = r.text('unit') || typedPercentUnit(r, 'target');
  let target = r.number('target', true, unit);
  const typedInPercent = percentInUnit(r, unit, target, null, PERCENT_CONSEQUENCES.kpiLeftOut);
  if (typedInPercent === 'change') target = null;
  if (typedInPercent === 'percent') unit = asPercentUnit(unit);
  if (target !== null && isPercentUnit(unit) && kpiTargetLooksWhole(target) && !r.saysPercent('target')) {
    r.issue('percent-as-whole-number', 'target', {
      value: r.quote('target'),
      number: r.typeable(target),
      ratio: Number((target / 100).toPrecision(12)),
      consequence: PERCENT_CONSEQUENCES.kpiLeftOut,
    });
    target = null;
  }
  // A Direction that could not be read leaves the KPI out of progress, rather than judged as at least its bar.
  const direction = r.choiceOrNull('direction', 'direction', 'increase', false, true, false);
  const kpi: Kpi = {
    row: r.row,
    id,
    name: r.text('name'),
    owner: r.id('owner'),
    keyResultId: r.id('keyResult'),
    unit,
    direction: direction ?? 'increase',
    target,
    cadence: r.choice('cadence', 'cadence', 'monthly'),
  };
  if (direction === null) {
    kpi.unreadChoice = 'direction';
    kpi.unreadDirection = r.text('direction');
  }
  // As a key result (readKeyResult): a cell saved without its formula's result leaves the KPI out.
  if (r.withoutResult.length) kpi.target = null;
  return kpi;
}

function readRoadmapItem(r: RowReader): RoadmapItem | null {
  const id = readId(r, 'id', 'R1');
  if (!id) return null;
  r.requirePresent('item');
  const start = r.date('start', true, 'start');
  const end = r.date('end', true, 'end');
  r.checkSpan('start', start, 'end', end);
  // A status the cell does not name (取消, 完成 80%) is no status at all, never the default: shown as planned, a
  // finished item reached leadership as one not yet begun. The cell's text is kept to be shown as typed.
  const status = r.has('status') ? r.choiceOrNull('status', 'roadmapStatus', 'planned') : null;
  const item: RoadmapItem = {
    row: r.row,
    id,
    item: r.text('item'),
    phase: r.text('phase'),
    owner: r.id('owner'),
    start,
    end,
    keyResultIds: keyResultRefs(r),
    status,
  };
  if (status === null && r.has('status')) item.unreadStatus = r.text('status');
  return item;
}

/** What else people put between IDs in a list ("KR4 / KR5", "KR1 KR2", "KR1|KR2"), beside readList's separators. */
const ID_GAP = /\s*[/|]\s*|\s+/;
/** A piece that can be an ID: letters, digits and - _ . only. */
const ID_LIKE = /^[\p{L}\p{N}_.-]+$/u;

/**
 * The key results a roadmap item names. An item that is no key result's ID but splits at slashes or spaces into
 * ID-like pieces, one of them a key result, is those pieces: IDs hold no space or slash, so "KR4 / KR5" can only be
 * KR4 and KR5, and a piece that is none (KR9 in "KR4 / KR9") is then said as itself, not as the whole cell.
 */
function keyResultRefs(r: RowReader): string[] {
  const ctx = r.ctx;
  // readList's list is made to size: each item is replaced by the key result's ID it names.
  const refs = readList(r.raw('keyResults'));
  for (let i = 0; i < refs.length; i++) {
    const ref = idText(refs[i]);
    const pieces = ID_GAP.test(ref) && !namesKeyResult(ctx, ref) ? keyResultPieces(ctx, ref) : null;
    if (pieces === null) {
      refs[i] = keyResultId(ctx, ref);
      continue;
    }
    for (let p = 0; p < pieces.length; p++) pieces[p] = keyResultId(ctx, pieces[p]);
    refs.splice(i, 1, ...pieces);
    i += pieces.length - 1;
  }
  return refs;
}

/** Whether `id` is a key result's ID (not a KPI's). */
function namesKeyResult(ctx: RowContext, id: string): boolean {
  const kind = ctx.kindOf(id.toLowerCase());
  return kind !== undefined && kind !== 'kpi';
}

/** The pieces of a reference split at slashes or spaces, where each can be an ID and one is a key result's; else null. */
function keyResultPieces(ctx: RowContext, ref: string): string[] | null {
  const pieces = ref.split(ID_GAP).filter(Boolean);
  if (pieces.length < 2 || !pieces.every((piece) => ID_LIKE.test(piece))) return null;
  return pieces.some((piece) => namesKeyResult(ctx, piece)) ? pieces : null;
}

/**
 * The key result's own ID string where `ref` is that ID as typed (KR12 naming KR12), so that 10,000 roadmap items
 * keep no copy of the text of each ID they name; else `ref` as typed (kr12 for KR12, or an ID of no key result).
 */
function keyResultId(ctx: RowContext, ref: string): string {
  const index = ctx.keyResults;
  const at = index?.byId.get(ref.toLowerCase());
  const id = at === undefined ? undefined : index!.rows[at].id;
  return id === ref ? id : ref;
}

/** A blank Weight cell, as weight-blank-mixed says it. */
const WEIGHT_BLANK = localized((m) => m.issues.WEIGHT_BLANK);

/**
 * Weights of one objective typed some with a percent sign and some without ("50%", "30%", "20"): 20 then counts as
 * 2,000% against 50%, where 20% was meant, and the objective's score leans on it with nothing said. Each plain weight
 * above 1 among weights typed in percent is said at its cell (a plain weight under 1 reads the same either way: 0.2
 * is 20%), and so is a blank one or a plain 1, which is the template's value left as it was: an equal share among
 * plain weights, but 100% beside 30% (weight-blank-mixed, unless the weights in % are all 100%). Counted as typed: a
 * relative weight of 20 may be meant.
 */
function weightScalesMixed(
  keyResults: readonly KeyResult[],
  {
    weightsInPercent: inPercent,
    weightsBlank: blank,
    weightsUnread: unread,
    weightsTyped: typed,
  }: RowContext,
  table: TableRows | undefined,
  issues: PlanIssue[],
): void {
  const column = table?.layout.columns.weight;
  if (!table || column === undefined) return;
  // Plain weights under 1 beside others above 1 (0.5, 30, 20) are looked at too (weightRatioMixed): most plans have
  // neither such a pair nor a weight in %, and are not grouped.
  let under = false;
  let over = false;
  for (const kr of keyResults)
    if (kr.weight > 0 && kr.weight < 1) under = true;
    else if (kr.weight > 1) over = true;
  const ratios = under && over;
  // Weights under 1 beside a blank one are looked at too (weightBlankFractions).
  const fractions = under && blank.size > 0;
  if (inPercent.size === 0 && !ratios && !fractions) return;
  const byObjective = new Map<string, KeyResult[]>();
  for (const kr of keyResults) {
    const key = kr.objectiveId.toLowerCase();
    let group = byObjective.get(key);
    if (!group) byObjective.set(key, (group = []));
    group.push(kr);
  }
  for (const [objective, group] of byObjective) {
    const percent = group.filter((kr) => inPercent.has(kr.row));
    // Key results of no objective are no group (their Objective cell is said anyway).
    if (objective === '') continue;
    if (percent.length === 0) {
      if (ratios) weightRatioMixed(group, blank, unread, typed, table.layout.sheet, column, issues);
      if (fractions) weightBlankFractions(group, blank, unread, typed, table.layout.sheet, column, issues);
      continue;
    }
    const shown = percent.slice(0, 3).map((kr) => `${kr.id} ${Number((kr.weight * 100).toPrecision(12))}%`);
    const others = inEveryLanguage((lang) =>
      joinList([...shown, ...(percent.length > 3 ? ['…'] : [])], lang),
    );
    // A blank weight is 1, 100%: the same as weights typed 100%, and said only beside another.
    const blankDiffers = percent.some((kr) => kr.weight !== 1);
    for (const kr of group) {
      if (inPercent.has(kr.row)) continue;
      const at = { sheet: table.layout.sheet, row: kr.row, column };
      const said = { id: kr.id, objective: kr.objectiveId, others };
      // A blank weight, or a plain 1 (the template's untouched value: 1 = 100% beside 30%), is said alike.
      if (blank.has(kr.row) || (kr.weight === 1 && !unread.has(kr.row))) {
        if (blankDiffers)
          issues.push(
            makeIssue('weight-blank-mixed', at, {
              ...said,
              value: blank.has(kr.row) ? WEIGHT_BLANK : (typed.get(kr.row) ?? 1),
            }),
          );
      } else if (kr.weight > 1)
        issues.push(
          makeIssue('weight-scales-mixed', at, {
            ...said,
            // The cell as it shows (２, not 2); the number to type in the product's own digits.
            value: typed.get(kr.row) ?? Number(kr.weight.toPrecision(12)),
            number: Number(kr.weight.toPrecision(12)),
            asPercent: `${Number((kr.weight * 100).toPrecision(12))}%`,
            ratio: Number((kr.weight / 100).toPrecision(12)),
          }),
        );
    }
  }
}

/**
 * Weights of one objective typed as shares of 1 (0.5, 0.3: every typed weight 1 or under, together under 1) beside a
 * blank one: the blank counts as 1, the template's default among relative weights, and so weighs more than the
 * others together (1 / 1.8 = 56% of the objective) where the rest of 1 (0.2) was likely meant, or the cell simply
 * not filled yet. Each blank weight is said at its cell (weight-blank-fractions), with what it weighs and what it
 * would be as the rest. Counted as typed: a relative weight of 1 may be meant.
 */
function weightBlankFractions(
  group: readonly KeyResult[],
  blank: ReadonlySet<number>,
  unread: ReadonlySet<number>,
  typed: ReadonlyMap<number, string>,
  sheet: string,
  column: number,
  issues: PlanIssue[],
): void {
  const blanks = group.filter((kr) => blank.has(kr.row));
  const others = group.filter((kr) => !blank.has(kr.row));
  if (blanks.length === 0 || others.length === 0) return;
  let sum = 0;
  for (const kr of others) {
    if (unread.has(kr.row) || kr.weight > 1) return;
    sum += kr.weight;
  }
  if (sum <= 0 || sum >= 1) return;
  const plain = (x: number) => Number(x.toPrecision(12));
  const shown = others.slice(0, 3).map((kr) => `${kr.id} ${typed.get(kr.row) ?? plain(kr.weight)}`);
  const total = sum + blanks.length;
  for (const kr of blanks)
    issues.push(
      makeIssue(
        'weight-blank-fractions',
        { sheet, row: kr.row, column },
        {
          id: kr.id,
          objective: kr.objectiveId,
          value: WEIGHT_BLANK,
          others: inEveryLanguage((lang) => joinList([...shown, ...(others.length > 3 ? ['…'] : [])], lang)),
          sum: plain(sum),
          share: `${Number(((1 / total) * 100).toPrecision(2))}%`,
          rest: plain((1 - sum) / blanks.length),
        },
      ),
    );
}

/** How near 100 the weights of weightRatioMixed add up, with those under 1 taken × 100 (33.3 × 3 is 99.9). */
const RATIO_WEIGHTS_NEAR = 0.5;

/**
 * Plain weights of one objective, some under 1 and the others above 1, that add up to 100 with those under 1 taken
 * × 100 (0.5, 30, 20: 50 + 30 + 20): a percent typed as its ratio (0.5 for 50%) among percents typed without their
 * sign, where 0.5 weighs 0.5 / 50.5 of the objective. Each weight under 1 is said at its cell (weight-ratio-mixed).
 * Only where every weight of the objective is typed, plainly, and none is 1 (which reads as 1% or as 100%): relative
 * weights such as 0.5, 1, 2 never add up so. Counted as typed: a relative weight of 0.5 may be meant.
 */
function weightRatioMixed(
  group: readonly KeyResult[],
  blank: ReadonlySet<number>,
  unread: ReadonlySet<number>,
  typed: ReadonlyMap<number, string>,
  sheet: string,
  column: number,
  issues: PlanIssue[],
): void {
  let asPercents = 0;
  let total = 0;
  let under = 0;
  let over = 0;
  for (const kr of group) {
    if (blank.has(kr.row) || unread.has(kr.row) || kr.weight === 1) return;
    if (kr.weight > 0 && kr.weight < 1) under++;
    else if (kr.weight > 1) over++;
    asPercents += kr.weight < 1 ? kr.weight * 100 : kr.weight;
    total += kr.weight;
  }
  if (under === 0 || over === 0 || Math.abs(asPercents - 100) > RATIO_WEIGHTS_NEAR) return;
  const weightOf = (kr: KeyResult) => typed.get(kr.row) ?? Number(kr.weight.toPrecision(12));
  const asPercent = (kr: KeyResult) => Number((kr.weight * 100).toPrecision(12));
  // Every weight under 1 taken × 100 makes the 100, so where there are several the message names them all.
  const unders = group.filter((kr) => kr.weight > 0 && kr.weight < 1);
  const and = (items: (string | number)[], lang: Lang) =>
    lang === 'en'
      ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
      : joinList(items.map(String), lang);
  const replaced = (kr: KeyResult) =>
    inEveryLanguage((lang) =>
      unders.length === 1
        ? fill(CATALOGUES[lang].issues.WEIGHT_RATIO_ONE, { number: asPercent(kr) })
        : fill(CATALOGUES[lang].issues.WEIGHT_RATIO_SEVERAL, {
            values: and(unders.map(weightOf), lang),
            numbers: and(unders.map(asPercent), lang),
          }),
    );
  for (const kr of unders) {
    const others = group.filter((other) => other !== kr);
    const shown = others.slice(0, 3).map((other) => `${other.id} ${weightOf(other)}`);
    issues.push(
      makeIssue(
        'weight-ratio-mixed',
        { sheet, row: kr.row, column },
        {
          id: kr.id,
          objective: kr.objectiveId,
          value: weightOf(kr),
          others: inEveryLanguage((lang) => joinList([...shown, ...(others.length > 3 ? ['…'] : [])], lang)),
          number: asPercent(kr),
          replaced: replaced(kr),
          share: `${Number(((kr.weight / total) * 100).toPrecision(2))}%`,
        },
      ),
    );
  }
}

/**
 * The Actuals tab into columns (see check-in-columns.ts). The usual row, a readable date, a metric and a plain
 * number, is read straight from its cells: an Actuals tab has about 16 rows per key result (160,000 at 10,000 key
 * results). Any other row goes the general way (readActual), which reads the same values and reports what is
 * wrong at its cell.
 */
function readActuals(table: TableRows | undefined, ctx: RowContext): CheckInColumns {
  // Rows a column of the person's own says are targets or totals to date (actual-kinds.ts): null for most tabs.
  const kinds = table ? actualKinds(table, ctx.timeZone, ctx.issues) : null;
  // Months in columns are read their own way, off this path (readWideActuals).
  if (table?.monthColumns) return readWideActuals(table, table.monthColumns, ctx, kinds);
  const out = newCheckInColumns(table ? Math.max(0, table.grid.length - table.firstRow) : 0);
  if (!table) return finishColumns(out);
  const { grid, known } = table;
  // Its columns are read by name from the layout, not looked up by key for each cell.
  const {
    value: valueColumn,
    metric: metricColumn,
    date: dateColumn,
    note: noteColumn,
  } = table.layout.columns;
  const reader = new RowReader(table, ctx);
  const timeZone = ctx.timeZone;
  const formats = table.formats;
  const unread: NonNullable<CheckInColumns['unread']> = [];
  const saysPercent = new Set<number>();
  const shown = new Map<number, string>();
  // Rows (0-based) under the top row of an amount merged over several rows: the amount is not theirs.
  const covered = table.merges && valueColumn ? mergedAmounts(table, valueColumn, reader) : undefined;
  const asNumber = numberIds(ctx);
  const marked = table.markColumns.length > 0;
  for (let r = table.firstRow; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row) || !isPlanRow(row, known) || kinds?.leftOut.has(r)) continue;
    if (marked && exampleRow(table, r, row, ctx.issues)) continue;
    if (covered !== undefined && covered.has(r)) {
      coveredCheckIn(reader, r, row, unread);
      continue;
    }
    const valueCell = valueColumn ? row[valueColumn - 1] : undefined;
    let metricCell = metricColumn ? row[metricColumn - 1] : undefined;
    if (asNumber && typeof metricCell === 'number' && metricColumn) {
      const meant = idOfNumber(metricCell, asNumber, ctx, {
        sheet: table.layout.sheet,
        row: r + 1,
        column: metricColumn,
      });
      if (meant === null) continue;
      metricCell = meant;
      if (typeof meant === 'string') {
        const a = readActual(
          reader.moveTo(r + 1, [...row.slice(0, metricColumn - 1), meant, ...row.slice(metricColumn)]),
          unread,
          saysPercent,
          shown,
          out.count,
        );
        if (a) addCheckIn(out, a.row, a.date, a.metric, a.value, a.note);
        continue;
      }
    }
    // A number whose format shows a percent, a currency or a multiple is read the general way, as that text
    // (RowReader).
    const code = formats && valueColumn ? formats[r]?.[valueColumn - 1] : undefined;
    if (
      typeof valueCell === 'number' &&
      Number.isFinite(valueCell) &&
      !isBlank(metricCell) &&
      !(code && formatShows(code, valueCell))
    ) {
      const dateCell = dateColumn ? row[dateColumn - 1] : undefined;
      const day = dayOf(dateCell, timeZone);
      // A date shown as a month without its day is that month, as the month typed as text is (RowReader.date).
      const date =
        day !== null && typeof dateCell !== 'string' && showsMonthNotDay(formats?.[r]?.[dateColumn! - 1])
          ? monthDay(day, false)
          : day;
      if (date !== null) {
        const note = noteColumn ? row[noteColumn - 1] : undefined;
        addCheckIn(out, r + 1, date, idText(metricCell, timeZone), valueCell, cellText(note, timeZone));
        continue;
      }
    }
    const a = readActual(reader.moveTo(r + 1, row), unread, saysPercent, shown, out.count);
    if (a) addCheckIn(out, a.row, a.date, a.metric, a.value, a.note);
  }
  const columns = finishColumns(out);
  noteToDateRows(kinds, columns.rows, columns.notes);
  if (unread.length) columns.unread = unread;
  if (saysPercent.size) columns.saysPercent = saysPercent;
  if (shown.size) columns.shown = shown;
  return columns;
}

/**
 * The IDs of the plan that are decimal numbers as text ("1.10", "2.20"), by the number they read as, where two of
 * them read as one number (1.1 and 1.10) or one has zeros at its end; else null (most plans: nothing to look at).
 */
function numberIds(ctx: RowContext): Map<number, string[]> | null {
  const byNumber = new Map<number, string[]>();
  let any = false;
  const add = (id: string, unlessKpi: boolean) => {
    // Most IDs start with a letter (KR12): not tried against the pattern. One that matches is its own lower case.
    const first = id.charCodeAt(0);
    if (first < 48 || first > 57 || !/^\d+\.\d+$/.test(id)) return;
    if (unlessKpi && ctx.kpis?.byId.has(id)) return;
    const n = Number(id);
    const list = byNumber.get(n) ?? [];
    list.push(id);
    byNumber.set(n, list);
    if (list.length > 1 || id.endsWith('0')) any = true;
  };
  // Each ID once, KPIs first: a key result with a KPI's ID is listed as the KPI.
  for (const kpi of ctx.kpis?.rows ?? []) add(kpi.id, false);
  for (const keyResult of ctx.keyResults?.rows ?? []) add(keyResult.id, true);
  return any ? byNumber : null;
}

/**
 * An Actuals Metric cell that holds a number where an ID is a decimal written with zeros at its end: "1.10" typed
 * into a General cell is kept as the number 1.1. Where 1.1 can be more than one ID (1.1 and 1.10), the row is said
 * (id-number-ambiguous) and not counted: null. Where it is only one that differs from it by zeros at the end (only
 * 1.10), it is counted for that ID and said (id-number-matched): the ID. Else the cell as it is.
 */
function idOfNumber(
  value: number,
  byNumber: ReadonlyMap<number, string[]>,
  ctx: RowContext,
  at: IssueLocation,
): number | string | null {
  const ids = byNumber.get(value);
  const typed = idText(value);
  if (!ids || ids.every((id) => id === typed)) return value;
  const fix = { text: `'${ids.find((id) => id !== typed)}` };
  if (ids.length > 1) {
    ctx.issues.push(
      makeIssue('id-number-ambiguous', at, { row: at.row ?? 0, value: typed, ids: ids.join(', '), ...fix }),
    );
    return null;
  }
  ctx.issues.push(makeIssue('id-number-matched', at, { row: at.row ?? 0, value: typed, id: ids[0], ...fix }));
  return ids[0];
}

/** Why a month header without its year cannot take one from the plan (month-header-year). */
const MONTH_HEADER_YEAR = {
  twoYears: localized((m) => m.issues.MONTH_HEADER_YEAR.twoYears),
  noPeriod: localized((m) => m.issues.MONTH_HEADER_YEAR.noPeriod),
};

/**
 * The month each month header of an Actuals tab kept as months in columns names, by column: a header's own year
 * (2026年1月, 2026-01, "Jan 2026", a date), else the year of the plan's period when it lies within one calendar year.
 * A header without a year where the period spans two years (or there is none) could be either: month-header-year at
 * it, with the year to type, and its column is not read. A second header of a month already read is a
 * duplicate-column, not read either.
 */
function wideMonths(table: TableRows, monthColumns: readonly number[], ctx: RowContext): Map<number, Month> {
  const { sheet, headerRow } = table.layout;
  const period = ctx.period;
  const years = period ? [...new Set(period.months.map((m) => m.slice(0, 4)))] : [];
  const months = new Map<number, Month>();
  const seen = new Set<Month>();
  for (const column of monthColumns) {
    const cell = table.headerCells[column - 1];
    const at = { sheet, row: headerRow, column };
    let month: Month | null = null;
    if (typeof cell === 'string') {
      const named = monthHeaderOf(cell)!;
      const year = named.year !== null ? String(named.year) : years.length === 1 ? years[0] : null;
      if (year === null) {
        // The year to type: the one in which the period has this month, or another header's; else a placeholder.
        const mm = String(named.month).padStart(2, '0');
        const example =
          period?.months.find((m) => m.endsWith(`-${mm}`))?.slice(0, 4) ??
          [...months.values()][0]?.slice(0, 4) ??
          'YYYY';
        ctx.issues.push(
          makeIssue('month-header-year', at, {
            header: cell.trim(),
            tab: sheet,
            why: period
              ? inEveryLanguage((lang) =>
                  fill(MONTH_HEADER_YEAR.twoYears[lang], { start: period.start, end: period.end }),
                )
              : MONTH_HEADER_YEAR.noPeriod,
            example: `${example}年${named.month}月`,
            iso: `${example}-${mm}`,
          }),
        );
        continue;
      }
      month = `${year}-${String(named.month).padStart(2, '0')}`;
    } else {
      const day = dayOf(cell, ctx.timeZone);
      month = day === null ? null : monthOf(day);
    }
    if (month === null) continue;
    if (seen.has(month)) {
      ctx.issues.push(
        makeIssue('duplicate-column', at, { tab: sheet, column: monthHeaderText(cell, ctx.timeZone) }),
      );
      continue;
    }
    seen.add(month);
    months.set(column, month);
  }
  return months;
}

/**
 * An Actuals tab kept as months in columns (指標 | 1月 | 2月 …; wideMonthColumns): each cell that is not blank under a
 * month header is one check-in of its row's metric for that month, dated the month's first day, as a month typed in
 * the Date column without its day ("2026-03", "2026年3月") is read (readDate), so both layouts give one plan. Each
 * cell is read as a Value cell is (readActual's checks, its issues at the cell itself), and each check-in keeps its
 * cell's column (CheckInColumns.valueColumns), so every later message names that cell. Said once at the header row
 * (wide-actuals), so the reader knows how the tab was read.
 */
function readWideActuals(
  table: TableRows,
  monthColumns: readonly number[],
  ctx: RowContext,
  kinds: ActualKinds | null,
): CheckInColumns {
  const { grid, layout } = table;
  const months = wideMonths(table, monthColumns, ctx);
  const read = [...months.keys()];
  const first = read[0] ?? monthColumns[0];
  // A target column left out is called by its month and the header under it ("1月 目標"), said from the first
  // month's first column (B1 of 1月 merged over B1:C1, not the C1 the merge hides).
  const targets = table.monthTargets ?? [];
  const subHeader = table.firstRow > layout.headerRow ? grid[layout.headerRow] : undefined;
  const targetText = (column: number) =>
    [
      monthHeaderText(table.headerCells[column - 1], ctx.timeZone),
      cellText(Array.isArray(subHeader) ? subHeader[column - 1] : undefined, ctx.timeZone).trim(),
    ]
      .filter(Boolean)
      .join(' ');
  // No month read (each header's year unknown: month-header-year says so at each): no tip saying "0 months read".
  if (read.length > 0)
    ctx.issues.push(
      makeIssue(
        'wide-actuals',
        { sheet: layout.sheet, row: layout.headerRow, column: Math.min(first, targets[0] ?? first) },
        {
          tab: layout.sheet,
          first: monthHeaderText(table.headerCells[first - 1], ctx.timeZone),
          last: monthHeaderText(table.headerCells[(read[read.length - 1] ?? first) - 1], ctx.timeZone),
          months: read.length,
          // Under months with a target column and an actual column, only the actual one is read: said once.
          targets: targets.length
            ? inEveryLanguage((lang) =>
                fill(CATALOGUES[lang].issues.WIDE_TARGETS_LEFT_OUT, {
                  first: targetText(targets[0]),
                  count: targets.length,
                }),
              )
            : '',
          // Whether the Targets tab's to-date formulas read these months (only side by side in month order:
          // targets-sheet.ts wideActualsRanges): the tip says which.
          toDate: inEveryLanguage((lang) => {
            const columns: Record<Month, number> = {};
            for (const [column, month] of months) columns[month] = column;
            const side = ctx.period ? sideBySideMonths(ctx.period.months, columns) : null;
            const words = side
              ? CATALOGUES[lang].issues.WIDE_TARGETS_TAB.read
              : CATALOGUES[lang].issues.WIDE_TARGETS_TAB.unread;
            return fill(words, {
              targetsTab: tabDef('targets').label[lang],
              usualLayout: (['date', 'metric', 'value'] as const)
                .map((key) => tabDef('actuals').columns.find((c) => c.key === key)!.label[lang])
                .join(' | '),
            });
          }),
        },
      ),
    );
  const out = newCheckInColumns(Math.max(0, grid.length - table.firstRow) * read.length);
  const valueColumns = new Int32Array(out.rows.length);
  const unread: NonNullable<CheckInColumns['unread']> = [];
  const saysPercent = new Set<number>();
  const shown = new Map<number, string>();
  const { metric: metricColumn, note: noteColumn } = layout.columns;
  // One reader per month column, whose Value is that column and is called by its header ("3月 of KR1 is …").
  const readers = read.map((column) => {
    const header = monthHeaderText(table.headerCells[column - 1], ctx.timeZone);
    const label = { en: header, 'zh-CN': header, 'zh-TW': header };
    const def = {
      ...table.def,
      columns: table.def.columns.map((c) => (c.key === 'value' ? { ...c, label } : c)),
    };
    const view: TableRows = {
      ...table,
      def,
      layout: { ...layout, columns: { ...layout.columns, value: column } },
      columnIndex: new Map(table.columnIndex).set('value', column),
    };
    return { column, date: `${months.get(column)!}-01` as IsoDate, reader: new RowReader(view, ctx) };
  });
  const covered = table.merges ? mergedMonths(table, months, ctx) : undefined;
  const rowReader = new RowReader(table, ctx);
  const wide: NonNullable<SheetLayout['wide']> = { months: {}, headers: {}, rows: {} };
  for (const [column, month] of months) {
    wide.months[month] = column;
    wide.headers[column] = monthHeaderText(table.headerCells[column - 1], ctx.timeZone);
  }
  // What the rows over the month headers (a title, a header over the months) and the row under them over the months
  // read (實際（累計）) say, as typed: a heading of the figures too (to-date-header-wide reads them).
  const headings: NonNullable<SheetLayout['wide']>['headings'] = [];
  const heading = (row: number, column: number, cell: Cell) => {
    if (typeof cell === 'string' && cell.trim() !== '') headings.push({ row, column, text: cell.trim() });
  };
  for (let r = 0; r < layout.headerRow - 1; r++)
    if (Array.isArray(grid[r])) grid[r].forEach((cell, c) => heading(r + 1, c + 1, cell));
  if (Array.isArray(subHeader))
    for (const column of read) heading(layout.headerRow + 1, column, subHeader[column - 1]);
  if (headings.length) wide.headings = headings;
  layout.wide = wide;
  for (let r = table.firstRow; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row) || kinds?.leftOut.has(r)) continue;
    const metricCell = row[metricColumn - 1];
    if (isBlank(metricCell)) {
      // Figures in a row without its metric: said once, at the Metric cell.
      if (read.some((column) => !isBlank(row[column - 1])))
        rowReader.moveTo(r + 1, row).requirePresent('metric');
      continue;
    }
    if (exampleRow(table, r, row, ctx.issues)) continue;
    wide.rows[idText(metricCell, ctx.timeZone).toLowerCase()] ??= r + 1;
    const note = noteColumn ? cellText(row[noteColumn - 1], ctx.timeZone) : '';
    for (const { column, date, reader } of readers) {
      const cell = row[column - 1];
      if (isBlank(cell) || covered?.has(`${r + 1}:${column}`)) continue;
      const code = table.formats?.[r]?.[column - 1];
      const index = out.count;
      if (typeof cell === 'number' && Number.isFinite(cell) && !(code && formatShows(code, cell < 0))) {
        addCheckIn(out, r + 1, date, idText(metricCell, ctx.timeZone), cell, note);
      } else {
        const rr = reader.moveTo(r + 1, row);
        rr.label = rr.id('metric');
        const value =
          typeof cell === 'number'
            ? rr.number('value', true)
            : typedCheckIn(rr, cell, ctx.units().get(rr.label.toLowerCase()) ?? '');
        if (value === null) {
          unread.push({ metric: rr.label, date });
          continue;
        }
        if (rr.saysPercent('value')) saysPercent.add(index);
        if (typeof cell === 'string') shown.set(index, rr.text('value'));
        addCheckIn(out, r + 1, date, rr.label, value, note);
      }
      valueColumns[index] = column;
    }
  }
  const withColumns = Object.assign(out, { valueColumns });
  const columns = finishColumns(withColumns);
  noteToDateRows(kinds, columns.rows, columns.notes);
  if (unread.length) columns.unread = unread;
  if (saysPercent.size) columns.saysPercent = saysPercent;
  if (shown.size) columns.shown = shown;
  return columns;
}

/**
 * A figure merged over several cells of an Actuals tab kept as months in columns (a quarter's amount typed once over
 * its three months): one amount, which the spreadsheet keeps in its top-left cell. Filled into every cell, as labels
 * are (cells.ts fillMergedCells), it would count once per month. It counts once, in the top-left cell's month, with
 * a merged-months warning there; returns the other cells of each such block ("row:column", 1-based), which read
 * nothing. A block whose top-left cell is blank reads blank throughout.
 */
function mergedMonths(table: TableRows, months: ReadonlyMap<number, Month>, ctx: RowContext): Set<string> {
  const { grid, firstRow, layout } = table;
  const covered = new Set<string>();
  for (const { top, left, bottom, right } of table.merges ?? []) {
    if (top - 1 < firstRow || (bottom === top && right === left)) continue;
    const inMonths = [...months.keys()].filter((column) => column >= left && column <= right);
    if (!inMonths.length) continue;
    const row = grid[top - 1];
    if (!Array.isArray(row) || isBlank(row[left - 1])) continue;
    for (let r = top; r <= bottom; r++)
      for (const column of inMonths) if (r !== top || column !== left) covered.add(`${r}:${column}`);
    ctx.issues.push(
      makeIssue(
        'merged-months',
        { sheet: layout.sheet, row: top, column: left },
        {
          cells: `${a1(top, left)}:${a1(bottom, right)}`,
          tab: layout.sheet,
          value: cellText(row[left - 1], ctx.timeZone),
          metric: layout.columns.metric ? idText(row[layout.columns.metric - 1], ctx.timeZone) : '',
          month: months.get(left) ?? '',
        },
      ),
    );
  }
  return covered;
}

/**
 * A Value cell merged over several Actuals rows (a quarter's revenue typed once over its three month rows) is one
 * amount, which the spreadsheet keeps in its top cell: it counts once, at the top row's date, with a merged-amount
 * warning at the block. Filled into every row, as labels are (cells.ts fillMergedCells), it counted once per row.
 * Returns the rows (0-based) below the top row of each such block, which read no Value of their own. A block whose
 * top-left cell is blank reads blank throughout, as ever; one that starts above the data rows is left as it reads.
 */
function mergedAmounts(table: TableRows, valueColumn: number, reader: RowReader): Set<number> | undefined {
  const { grid, firstRow, layout } = table;
  const ctx = reader.ctx;
  const columns = layout.columns;
  let covered: Set<number> | undefined;
  for (const block of table.merges ?? []) {
    const { top, left, bottom, right } = block;
    if (left > valueColumn || right < valueColumn || bottom <= top || top - 1 < firstRow) continue;
    const row = grid[top - 1];
    if (!Array.isArray(row) || isBlank(row[left - 1])) continue;
    covered ??= new Set();
    for (let r = top; r < bottom; r++) covered.add(r);
    const dateCell = columns.date ? row[columns.date - 1] : undefined;
    // The amount as the cell shows it (NT$1,500,000 where its format shows a currency: RowReader.asTyped).
    const value = reader.moveTo(top, row).text('value');
    ctx.issues.push(
      makeIssue(
        'merged-amount',
        { sheet: layout.sheet, row: top, column: left },
        {
          field: tabDef('actuals').columns.find((c) => c.key === 'value')!.label,
          top,
          bottom,
          value,
          metric: columns.metric ? idText(row[columns.metric - 1], ctx.timeZone) : '',
          date: dayOf(dateCell, ctx.timeZone) ?? cellText(dateCell, ctx.timeZone),
        },
      ),
    );
  }
  return covered;
}

/**
 * A row under the top of an amount merged over several rows: it has no Value of its own, and says nothing of it (the
 * block's merged-amount warning does). A row with neither a date nor a metric is no check-in (its Value, or a Note
 * merged beside it, is the block's); one with both is a check-in typed, so its month is not said to lack one
 * (CheckInColumns.unread). Its date and metric are read as ever.
 */
function coveredCheckIn(
  reader: RowReader,
  r: number,
  row: Cell[],
  unread: NonNullable<CheckInColumns['unread']>,
): void {
  const { date: dateColumn, metric: metricColumn } = reader.columns;
  const blank = (column: number | undefined) => column === undefined || isBlank(row[column - 1]);
  if (blank(dateColumn) && blank(metricColumn)) return;
  const rr = reader.moveTo(r + 1, row);
  rr.label = rr.id('metric');
  const date = rr.date('date', true);
  if (rr.requirePresent('metric') && date) unread.push({ metric: rr.label, date });
}

/** An Actuals row the general way: each cell read and checked, with an issue at the cell that is wrong. */
function readActual(
  r: RowReader,
  unread: NonNullable<CheckInColumns['unread']>,
  saysPercent: Set<number>,
  shown: Map<number, string>,
  /** The index the check-in gets in the columns, which saysPercent and shown are keyed by. */
  index: number,
): Actual | null {
  r.label = r.id('metric');
  const date = r.date('date', true);
  const metricPresent = r.requirePresent('metric');
  const raw = r.raw('value');
  // The metric's unit is looked up only for a typed value: most values are plain numbers.
  const value =
    typeof raw === 'number' || isBlank(raw)
      ? r.number('value', true)
      : typedCheckIn(r, raw, r.ctx.units().get(r.label.toLowerCase()) ?? '');
  if (date && metricPresent && value === null) unread.push({ metric: r.label, date });
  if (!date || !metricPresent || value === null) return null;
  if (r.saysPercent('value')) saysPercent.add(index);
  // Text, typed or shown by its format (RowReader.asTyped): quoted as it shows (CheckInColumns.shown).
  if (typeof raw === 'string') shown.set(index, r.text('value'));
  return { row: r.row, date, metric: r.label, value, note: r.text('note') };
}

/**
 * A check-in's Value typed as text or a boolean. A milestone reads done or not done (a checkbox's TRUE, 完成, ✓, done;
 * FALSE, 未完成, no) as 1 and 0, and says anything else that is no number as its own error (1 or 0); any other
 * metric refuses done or not done, saying what it takes. The rest is read as a number in the metric's unit.
 */
function typedCheckIn(r: RowReader, raw: Cell, unit: string): number | null {
  const kind = r.ctx.kindOf(r.label.toLowerCase());
  const yesNo = readYesNo(raw);
  if (kind === 'milestone') {
    if (yesNo !== undefined) return yesNo;
    const read = readNumber(raw, { currency: r.ctx.currency, unit, decimalMark: r.ctx.decimalMark });
    if (!read.ok && read.reason === 'not-a-number') {
      r.issue('milestone-check-in', 'value', { row: r.row, metric: r.label, value: r.text('value') });
      return null;
    }
  } else if (yesNo !== undefined && kind !== undefined) {
    const takes =
      kind === 'kpi'
        ? YES_NO_TAKES.kpi
        : kind === 'cumulative'
          ? YES_NO_TAKES.cumulative
          : YES_NO_TAKES.reading;
    r.issue('yes-no-not-milestone', 'value', { value: r.text('value'), takes });
    return null;
  }
  const value = r.number('value', true, unit);
  // A milestone's other numbers (50%, 0.5 shown as 50%) are said here, as typed: the check-in screen, which says a
  // plain number (0.5), has only the number read.
  if (kind === 'milestone' && value !== null && value !== 0 && value !== 1) {
    r.issue('milestone-check-in', 'value', { row: r.row, metric: r.label, value: r.text('value') });
    return null;
  }
  return value;
}

/**
 * A timestamp typed as text ("2026/11/03 10:15", "2026年11月3日 下午 2:05") in the form the add-on's log writes:
 * "2026-11-03 10:15", or the day alone. Text that is no date stays as typed.
 */
function typedTimestamp(text: string): string {
  const typed = typedDateTime(text);
  if (!typed) return text;
  return typed.time ? `${typed.day} ${typed.time}` : typed.day;
}

function readChange(r: RowReader): Change | null {
  const raw = r.raw('timestamp');
  const timestamp =
    raw instanceof Date && !Number.isNaN(raw.getTime())
      ? dateToIsoMinute(raw, r.ctx.timeZone)
      : // A serial date-time (the Sheets API's SERIAL_NUMBER rendering of a timestamp).
        typeof raw === 'number' && raw >= 1 && raw <= 2_958_465
        ? serialToIsoMinute(raw)
        : typedTimestamp(r.text('timestamp'));
  const text = (key: string) => r.text(key);
  return {
    row: r.row,
    timestamp,
    sheet: text('sheet'),
    cell: text('cell'),
    id: text('id'),
    field: text('field'),
    oldValue: text('oldValue'),
    newValue: text('newValue'),
    reason: text('reason'),
    // Blank when the log has no Who column (one made before it existed) or Google withheld the address.
    who: text('who'),
  };
}

// ---------------------------------------------------------------------------------------------------
// The generated Targets tab, read back for custom weights and for comparing its formula results.

function monthHeader(cell: Cell, timeZone: string): Month | null {
  if (
    cell instanceof Date ||
    (typeof cell === 'number' && cell > 20_000) ||
    (typeof cell === 'string' && /^\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?$/.test(cell.trim()))
  ) {
    const read = readDate(cell, timeZone);
    if (read.ok && isIsoDate(read.value)) return monthOf(read.value);
  }
  return null;
}

/** What a formula shows once a cell it read was deleted. */
const REF_ERROR = '#REF!';

function readTargets(
  table: TableRows | undefined,
  workbook: Workbook,
  sheet: string | undefined,
  ctx: RowContext,
): TargetsTab | null {
  const { timeZone, issues, decimalMark } = ctx;
  if (!table || !sheet) return null;
  const inLocale = { decimalMark };
  const monthColumns: Record<Month, number> = {};
  table.headerCells.forEach((cell, c) => {
    const month = monthHeader(cell, timeZone);
    if (month && !(month in monthColumns)) monthColumns[month] = c + 1;
  });
  const months = Object.keys(monthColumns).sort();
  // The As of cell: under its header, in the first row below it (the generated tab's row 2).
  const asOfColumn =
    table.headerCells.findIndex(
      (cell) => typeof cell === 'string' && matchesLabel(cell, TARGETS_AS_OF.label),
    ) + 1;
  const asOfRow = table.layout.headerRow + 1;
  // The tab is formulas over the plan, read back only to compare with what the plan itself gives (and for custom
  // weights, typed): a cell saved without its formula's result reads blank here, "not saved", which says nothing of
  // the tab (one issue per cell of a tab a script wrote would bury the plan's own). Our own .xlsx files write the
  // tab so (report/write-xlsx.ts): a spreadsheet calculates it on open.
  const shown = (cell: Cell): Cell => (cell === FORMULA_WITHOUT_RESULT ? '' : cell);
  const asOfCell = asOfColumn ? shown(workbook[sheet][asOfRow - 1]?.[asOfColumn - 1]) : undefined;
  const asOfDay = asOfColumn ? readDate(asOfCell, timeZone) : null;
  const targets: TargetsTab = {
    months,
    weights: {},
    unusableWeights: {},
    weightIds: {},
    weightRows: {},
    computed: {},
    monthColumns,
    unreadableInputs: [],
    asOf: asOfColumn
      ? { row: asOfRow, column: asOfColumn, cell: asOfCell ?? '', day: asOfDay?.ok ? asOfDay.value : null }
      : null,
  };
  const idColumn = table.layout.columns.id;
  const kindColumn = table.layout.columns.row;
  if (!idColumn) return targets;
  const grid = workbook[sheet];
  for (let r = table.layout.headerRow; r < grid.length; r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    const id = idText(shown(row[idColumn - 1]), timeZone);
    if (!id) continue;
    const kind = kindColumn
      ? (matchEnum('targetsRow', cellText(shown(row[kindColumn - 1]), timeZone)) ?? 'target')
      : 'target';
    if (kind === 'weights') {
      // A second weights row of one key result (a row copied): the tab's formulas read the first, and so does the
      // plan; the other is said at its ID cell and not read.
      const first = targets.weightRows[id.toLowerCase()];
      if (first !== undefined) {
        issues.push(
          makeIssue(
            'duplicate-weights-row',
            { sheet, row: r + 1, column: idColumn },
            { id, row: r + 1, first },
          ),
        );
        continue;
      }
      targets.weightIds[id.toLowerCase()] ??= id;
      const weights: Record<Month, number> = {};
      for (const month of months) {
        const cell = row[monthColumns[month] - 1];
        if (isBlank(cell)) continue;
        const at = { sheet, row: r + 1, column: monthColumns[month] };
        const value = cellText(cell, timeZone);
        const invalid = () => issues.push(makeIssue('invalid-weight', at, { id, month, value }));
        // Read as every number cell of the plan is ("1.000" warned of, "1,5" said with 1.5 to type, "2x" refused as
        // no plain number), at its cell; text that is no number at all is said in the tab's own words.
        // (A number is the weight: no message made for the many a tab holds.)
        const field = () => inEveryLanguage((lang) => fill(CATALOGUES[lang].parse.MONTH_WEIGHT, { month }));
        const read =
          typeof cell === 'number' && Number.isFinite(cell)
            ? cell
            : readNumberCell(
                cell,
                ctx,
                { at, field: field(), id, text: value },
                { plain: 'weight', notANumber: invalid },
              );
        if (read !== null && read >= 0) weights[month] = read;
        else {
          // A weight below 0, or one not read: not used (the tab's SUMIFS would add a negative one in), said at the
          // cell, and kept as typed by a rebuild.
          (targets.unusableWeights[id.toLowerCase()] ??= {})[month] = cell;
          if (read !== null) invalid();
        }
      }
      targets.weights[id.toLowerCase()] = weights;
      targets.weightRows[id.toLowerCase()] = r + 1;
    } else if (!(id in targets.computed)) {
      const values: Record<Month, number | null> = {};
      const blank: Month[] = [];
      let error: { column: number; value: string } | null = null;
      for (const month of months) {
        const cell = shown(row[monthColumns[month] - 1]);
        const read = readNumber(cell, inLocale);
        values[month] = read.ok ? read.value : null;
        if (isBlank(cell)) blank.push(month);
        if (!error && typeof cell === 'string' && cell.trim() === REF_ERROR)
          error = { column: monthColumns[month], value: REF_ERROR };
      }
      const text = (key: string) => {
        const column = table.layout.columns[key];
        return column ? cellText(shown(row[column - 1]), timeZone) : null;
      };
      targets.computed[id] = { row: r + 1, values, blank, name: text('name'), owner: text('owner'), error };
    }
  }
  return targets;
}
