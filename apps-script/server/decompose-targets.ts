/**
 * Decompose targets: (re)builds the Targets tab from shared/targets-sheet.ts. Every month cell is a formula over
 * the plan tabs, so the sheet recalculates when a target, a date or the phasing changes; the to-date, attainment
 * and status columns are formulas over Actuals. Custom weights typed in the weights rows are read back by the
 * parser and written again (a weight typed as a formula as that formula). The grid goes out in chunks of at most WRITE_ROWS_PER_CALL rows and WRITE_BYTES_PER_CALL
 * bytes (one setValues each; formats the same way): service calls grow with chunks, not with cells.
 *
 * Formulas are written with ';' between arguments (SHEETS_ARGUMENT_SEPARATOR) and never a decimal literal, the one
 * syntax every Sheets locale parses (docs/addon.md, "Locale"). The as-of cell, a named range, is set to today in
 * the spreadsheet's time zone; the to-date formulas read it and nothing reads the clock.
 */
import { dateToIso } from '../../shared/calendar';
import { cellText, isBlank, isPercentUnit, type Cell, type Workbook } from '../../shared/cells';
import { customWeights, precisionFor } from '../../shared/decompose';
import type { PlanIssue } from '../../shared/issues';
import { analyzeWorkbook } from '../../shared/checks';
import { formulaInputIssues } from '../../shared/parse';
import { decimalMarkOf, type DecimalMark } from '../../shared/locale-syntax';
import type { Plan } from '../../shared/plan';
import { STATUS_LABELS, type Status } from '../../shared/progress';
import { isBlankGrid, isDate } from '../../shared/sheet-grid';
import {
  buildTargetsSheet,
  formulaBlocks,
  generatedFormulaTest,
  handTypedCells,
  targetsSheetBlocked,
  type RowRun,
  type TypedOver,
  type WeightFormulas,
} from '../../shared/targets-sheet';
import {
  TARGETS_AS_OF,
  TARGETS_ATTAINMENT_FORMAT,
  TARGETS_PERCENT_FORMAT,
  TARGETS_HELPER_COLUMNS,
  TARGETS_FORMULA_INPUTS,
  TARGETS_SUMMARY_COLUMNS,
  tabDef,
  type Lang,
  type MetricType,
} from '../../shared/template';
import { errorText, runAction, type ActionResult } from './action';
import { list, t } from './i18n';
import {
  ensureSize,
  findTab,
  hasPlanTabs,
  dayIn,
  readSpreadsheet,
  sheetDate,
  sheetText,
  type SpreadsheetSnapshot,
} from './sheets-adapter';
import { HEADER_BACKGROUND, HEADER_PROTECTION, STATUS_COLORS } from './templates';
import { cellName } from './check-messages';
import { CATALOGUES, fill } from '../../shared/i18n';

export const WEIGHTS_BACKGROUND = '#fff8e1';

/**
 * Rows per setValues / setNumberFormats / setBackgrounds call. Google documents no per-call limit for Apps Script,
 * but recommends at most 2 MB per Sheets API request ("Usage limits",
 * https://developers.google.com/sheets/api/limits), and reports of "Request payload size exceeds the limit:
 * 10485760 bytes" show a 10 MB wall. 500 rows of a Targets tab are up to ~2 MB of formula text: the byte bound then cuts them smaller.
 */
export const WRITE_ROWS_PER_CALL = 500;
/** Bytes (UTF-8, as JSON) per write call: Google's recommended 2 MB maximum payload, with room for overhead. */
export const WRITE_BYTES_PER_CALL = 1_500_000;
/** Formulas are written in the syntax every Sheets locale accepts (docs/addon.md, "Locale"). */
export const SHEETS_ARGUMENT_SEPARATOR = ';';
const MONTH_HEADER_FORMAT = 'yyyy-mm';
const WEIGHTS_FORMAT = '0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
/** Helper columns that hold dates; the others are plain numbers. */
const HELPER_DATES = new Set(['windowStart', 'latestCheckIn']);
const HELPER_FORMAT = '0.####';

/** The brackets around a call's arguments and around its grid: `[[` and `]]` of `[[row, row]]`. */
const CALL_BRACKETS = 4;

/**
 * Rows [start, start + count) of `rows` cut into chunks of at most `maxRows` rows and `maxBytes` bytes (the call's
 * arguments as JSON, UTF-8: each row, a comma after it, the brackets around them): a row bigger than maxBytes on
 * its own is a chunk of one.
 */
export function chunkRows(rows: unknown[][], maxRows = WRITE_ROWS_PER_CALL, maxBytes = WRITE_BYTES_PER_CALL) {
  const chunks: { start: number; count: number }[] = [];
  let start = 0;
  let bytes = CALL_BRACKETS;
  for (let r = 0; r < rows.length; r++) {
    const size = utf8Length(JSON.stringify(rows[r])) + 1;
    if (r > start && (r - start >= maxRows || bytes + size > maxBytes)) {
      chunks.push({ start, count: r - start });
      start = r;
      bytes = CALL_BRACKETS;
    }
    bytes += size;
  }
  if (rows.length > start) chunks.push({ start, count: rows.length - start });
  return chunks;
}

/** UTF-8 byte length without Node's Buffer (Apps Script has none). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes;
}

/** Writes a grid from (row, column) in bounded chunks, one `set` call per chunk. */
function writeChunked(
  sheet: GAS.Sheet,
  row: number,
  column: number,
  grid: unknown[][],
  set: (range: GAS.Range, values: unknown[][]) => void,
): void {
  if (grid.length === 0 || grid[0].length === 0) return;
  for (const { start, count } of chunkRows(grid))
    set(sheet.getRange(row + start, column, count, grid[0].length), grid.slice(start, start + count));
}

const STATUS_COLOR: Record<Status, string> = {
  'not-started': STATUS_COLORS.neutral,
  'on-track': STATUS_COLORS.good,
  'at-risk': STATUS_COLORS.warn,
  'off-track': STATUS_COLORS.bad,
  missed: STATUS_COLORS.bad,
  'needs-attention': STATUS_COLORS.warn,
  done: STATUS_COLORS.progress,
  'no-data': STATUS_COLORS.neutral,
};

/** The issues of plan cells the Targets tab's formulas cannot read as the plan does (formulaInputIssues). */
const FORMULA_INPUT_CODES = new Set<PlanIssue['code']>([
  'unreadable-by-formulas',
  'shown-not-held',
  'merged-unread-by-formulas',
]);

/** What stops decomposition: the tabs, columns and period the formulas point at. */
const BLOCKING = new Set<PlanIssue['code']>([
  'missing-tab',
  'empty-sheet',
  'missing-column',
  'period-missing',
  'period-reversed',
]);

/** How a metric's numbers are shown: percent units as percents, money with cents, counts whole. */
export function numberFormatFor(type: MetricType, unit: string, precision: number): string {
  if (type === 'milestone') return '0';
  if (isPercentUnit(unit)) return TARGETS_PERCENT_FORMAT;
  if (precision === 0) return '#,##0';
  if (precision === 2) return '#,##0.00';
  return '#,##0.00##';
}

function metricFormats(plan: Plan): Map<string, string> {
  const formats = new Map<string, string>();
  const currency = plan.strategy.values.currency;
  for (const kr of plan.keyResults) {
    formats.set(
      kr.id,
      numberFormatFor(
        kr.type,
        kr.unit,
        precisionFor(kr.type, kr.unit, kr.target ?? 0, kr.baseline, currency),
      ),
    );
  }
  for (const kpi of plan.kpis) formats.set(kpi.id, numberFormatFor('threshold', kpi.unit, 4));
  return formats;
}

export interface DecomposeDetails {
  sheet: string;
  keyResults: number;
  kpis: number;
  months: string[];
  rows: number;
  columns: number;
  asOf: string;
  weightsKept: string[];
  /** The plan cells that make the tab's formulas fail (formulaBreakers), the period's first. */
  formulaBreakers: string[];
  /** The plan's other errors. */
  planErrors: number;
  /** Values typed over month formulas, kept as typed (Sheet!A1 where they are now). */
  typedKept: string[];
}

/**
 * The plan's problems that make the Targets tab's formulas fail, the plan period's first (every row without a Start
 * or Due of its own reads it), then by tab, row and column: a cell the formulas read that they cannot compute with
 * as typed (formulaInputIssues: "2026/1/1" typed as text is a date to the plan, text to a formula), and a Target or
 * Baseline the plan could not read at all ("a lot": an error there, and #VALUE! along its row).
 */
function formulaBreakers(
  plan: Plan,
  workbook: Workbook,
  issues: readonly PlanIssue[],
  decimalMark: DecimalMark,
): PlanIssue[] {
  // With a Targets tab the parser said them already; before there is one, they are asked for here.
  const inputs = plan.layout.targets
    ? issues.filter((i) => FORMULA_INPUT_CODES.has(i.code))
    : formulaInputIssues(plan, workbook, issues, decimalMark).issues;
  const computed = new Set<string>();
  for (const [tab, keys] of [
    ['keyResults', ['target', 'baseline']],
    ['kpis', ['target']],
  ] as const) {
    const layout = plan.layout[tab];
    if (layout)
      for (const key of keys) if (layout.columns[key]) computed.add(`${layout.sheet}!${layout.columns[key]}`);
  }
  const unreadValues = issues.filter((i) => {
    if (i.severity !== 'error' || i.row === null || i.column === null) return false;
    if (!computed.has(`${i.sheet}!${i.column}`)) return false;
    const cell = workbook[i.sheet]?.[i.row - 1]?.[i.column - 1];
    return typeof cell !== 'number' && !isBlank(cell);
  });
  const order = (['strategy', 'keyResults', 'kpis', 'actuals'] as const).map(
    (key) => plan.layout[key]?.sheet,
  );
  const rank = (i: PlanIssue) => {
    const at = order.indexOf(i.sheet);
    return at < 0 ? order.length : at;
  };
  const seen = new Set<string>();
  return [...inputs, ...unreadValues]
    .filter((i) => {
      const key = `${i.sheet}!${i.a1}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** A plan cell the Targets tab's formulas read though the plan does not take it, for the alert. */
interface RefusedInput {
  /** Sheet!A1, as the issues' cells are keyed. */
  cell: string;
  /** As the alert names it (cellName). */
  name: string;
  /** The key result's or KPI's ID: the row's, or the check-in's metric. */
  id: string;
}

/**
 * The cells, other than the formula breakers, where the full check (analyzeWorkbook) refuses what the Targets tab's
 * formulas read all the same, so that the tab's figures differ from the plan's: a check-in the plan does not count
 * (a plain 1 in a % metric, 8 for 8%, a repeated row) whose value is a number the formulas' SUMIFS and COUNTIFS
 * count, and an error at a Key Results or KPIs cell the formulas compute with (TARGETS_FORMULA_INPUTS). Issues
 * elsewhere (an owner, a weight, a roadmap status) touch no formula: the alert only counts them.
 */
function refusedInputs(
  plan: Plan,
  workbook: Workbook,
  check: ReturnType<typeof analyzeWorkbook>,
  breaking: ReadonlySet<string>,
): { checkIns: RefusedInput[]; figures: RefusedInput[] } {
  const seen = new Set(breaking);
  const take = (sheet: string, a1: string, id: string, into: RefusedInput[]) => {
    const cell = `${sheet}!${a1}`;
    if (seen.has(cell)) return;
    seen.add(cell);
    into.push({ cell, name: cellName(sheet, a1), id });
  };
  const checkIns: RefusedInput[] = [];
  const actuals = plan.layout.actuals;
  const valueColumn = actuals?.columns.value;
  if (actuals && valueColumn) {
    const counted = new Set<number>();
    for (const position of check.screen.counted.members) counted.add(plan.actuals[position].row);
    const metricOf = new Map(plan.actuals.map((a) => [a.row, a.metric]));
    const cumulative = new Set(
      plan.keyResults.filter((kr) => kr.type === 'cumulative').map((kr) => kr.id.trim().toLowerCase()),
    );
    for (const i of check.issues) {
      if (i.sheet !== actuals.sheet || i.column !== valueColumn || i.row === null || counted.has(i.row))
        continue;
      const metric = metricOf.get(i.row);
      const value = workbook[i.sheet]?.[i.row - 1]?.[i.column - 1];
      // Only a value the formulas count: a number (or TRUE for a milestone), of a metric the plan has.
      if (metric === undefined || (typeof value !== 'number' && typeof value !== 'boolean')) continue;
      // A reading repeated on its day is averaged with itself by the formulas: the same figure. Only amounts add up.
      if (i.code === 'duplicate-check-in' && !cumulative.has(metric.trim().toLowerCase())) continue;
      take(i.sheet, i.a1!, metric, checkIns);
    }
  }
  const figures: RefusedInput[] = [];
  for (const [tab, rows] of [
    ['keyResults', plan.keyResults],
    ['kpis', plan.kpis],
  ] as const) {
    const layout = plan.layout[tab];
    if (!layout) continue;
    const read = new Set<number>();
    for (const key of TARGETS_FORMULA_INPUTS[tab]) if (layout.columns[key]) read.add(layout.columns[key]);
    const idOf = new Map<number, string>(rows.map((r) => [r.row, r.id]));
    for (const i of check.issues)
      if (
        i.severity === 'error' &&
        i.sheet === layout.sheet &&
        i.row !== null &&
        i.column !== null &&
        read.has(i.column)
      )
        take(i.sheet, i.a1!, idOf.get(i.row) ?? '', figures);
  }
  return { checkIns, figures };
}

/** How many of the rows a rebuild moved or removed its alert names; the rest are an ellipsis. */
const ROWS_NAMED = 6;

/** How many of the values typed over month formulas the alert names; the rest are counted. */
const TYPED_NAMED = 5;

/** How many of the cells that break the tab its alert names, one line each; the rest are counted. */
const BREAKERS_NAMED = 5;

export interface RebuildOptions {
  /**
   * A1 cells of the Targets tab where a value typed over a month's formula is to be replaced by the formula after
   * all: the sidebar's Rebuild on that very cell's "differs from the plan" asks for the plan's figure there.
   */
  replace?: readonly string[];
}

/** Rebuilds the Targets tab from a snapshot. Returns a message, never throws on plan content. */
export function rebuildTargets(
  snapshot: SpreadsheetSnapshot,
  lang: Lang,
  options: RebuildOptions = {},
): ActionResult {
  const today = dayIn(snapshot.timeZone);
  // The plan read and checked as Check plan does it (the same function, as of the same day): the alert counts the
  // errors the sidebar lists, not only those found while reading, which the rebuild itself acts on.
  const check = analyzeWorkbook(snapshot.workbook, {
    asOf: today,
    timeZone: snapshot.timeZone,
    locale: snapshot.locale,
  });
  const { plan, parseIssues: issues } = check;
  if (!hasPlanTabs(snapshot))
    return { ok: false, message: `${t('decomposeBlocked', lang)}\n${t('decomposeNoTabs', lang)}` };
  if (targetsSheetBlocked(plan)) {
    const strategySheet = plan.layout.strategy?.sheet;
    // Of the missing tabs, those the formulas read: the period's (Strategy) and Key Results.
    const needed = new Set(
      (['strategy', 'keyResults'] as const).flatMap((key) => Object.values(tabDef(key).label)),
    );
    const blocking = issues
      .filter(
        (i) =>
          i.severity === 'error' &&
          ((BLOCKING.has(i.code) && (i.code !== 'missing-tab' || needed.has(i.sheet))) ||
            (i.sheet === strategySheet && (i.code === 'not-a-date' || i.code === 'formula-error'))),
      )
      .slice(0, 5);
    const lines = blocking.length
      ? blocking.map((i) =>
          t('decomposeBlockedLine', lang, {
            cell: i.a1 ? cellName(i.sheet, i.a1) : i.sheet,
            message: i.message[lang],
            fix: i.fix[lang],
          }),
        )
      : [`• ${t('decomposeNoTabs', lang)}`];
    return {
      ok: false,
      message: [t('decomposeBlocked', lang), ...lines].join('\n'),
      details: { issues: blocking.map((i) => i.code) },
    };
  }

  const ss = snapshot.ss;
  const def = tabDef('targets');
  const found = findTab(snapshot, 'targets');
  // No tab named Targets, but the As of name points at another tab: the generated tab, renamed ("Targets FY26").
  // A new tab beside it would leave its custom weights behind, unused: it is named instead.
  const renamed = found ? null : renamedTargetsTab(ss);
  if (renamed)
    return {
      ok: false,
      message: t('decomposeRenamed', lang, {
        tab: renamed,
        name: def.label[plan.lang],
        cell: TARGETS_AS_OF.label[lang],
      }),
    };
  // A tab of that name is cleared and rewritten only when it is ours: empty, or headed as the generated tab is.
  // A team's own "Targets" tab (quotas by rep, say) is left as it is: no user cell is overwritten.
  if (found && !plan.layout.targets && !isBlankGrid(found.values))
    return { ok: false, message: t('decomposeNotGenerated', lang, { tab: found.name }) };
  // Ours, but with a column, a row or a note someone added beside or inside the generated table, typed or a formula:
  // clearing the tab would lose them, so nothing is done and the cells are named.
  const formulas = found ? typedFormulas(found.sheet, found.values, plan) : null;
  // Its notes: one in a cell the tab leaves blank is named as typed; the others go with their cells.
  const notes = found && plan.layout.targets ? found.sheet.getDataRange().getNotes() : null;
  // A formula in a helper cell its row leaves blank is the person's unless the tab itself writes it there for some
  // metric (its metric was of another type): told by the tab rebuilt from the plan, built only when one is found.
  let generated: ((row: number, column: number, formula: string) => boolean) | undefined;
  const ownFormula = (row: number, column: number, formula: string) => {
    if (!generated) {
      const reference = buildTargetsSheet(plan, {
        lang: plan.lang,
        date: (iso) => sheetDate(iso, snapshot.timeZone),
        argumentSeparator: SHEETS_ARGUMENT_SEPARATOR,
        previous: found!.values,
      });
      generated = reference ? generatedFormulaTest(reference, found!.values, plan) : () => true;
    }
    return generated(row, column, formula);
  };
  const typed = found ? handTypedCells(found.values, plan, formulas!.at, notes ?? [], ownFormula) : [];
  if (typed.length)
    return {
      ok: false,
      message: t('decomposeHandTyped', lang, {
        tab: found!.name,
        cells: list([...typed.slice(0, 6), ...(typed.length > 6 ? ['…'] : [])], lang),
      }),
      details: { handTyped: typed },
    };
  // A review date a person typed over the as-of cell: the rebuild sets today, and says what it replaced.
  const typedAsOf = (() => {
    const range = ss
      .getNamedRanges()
      .find((n) => n.getName() === TARGETS_AS_OF.name)
      ?.getRange();
    const value: unknown = range?.getValue();
    // A day, or text typed there ("next week"), which the rebuild replaces all the same.
    if (value === '' || value === null || value === undefined) return undefined;
    return isDate(value) ? dateToIso(value, snapshot.timeZone) : cellText(value as Cell, snapshot.timeZone);
  })();
  const weightFormulas = formulas ? weightFormulasOf(plan, formulas.at) : {};
  // What the tab holds now, to put back should the rebuild fail midway (a quota, a service error, a range
  // protected against this person): clearing comes first, so a half-written tab would have lost the weights rows
  // and the review date not written yet. A tab made by this run is removed instead. Read before building, since
  // its formulas also tell a value typed over a month's formula from the formula's own result.
  const before = found ? savedTab(found.sheet, ss, formulas!.all, notes) : null;
  const targets = buildTargetsSheet(plan, {
    lang: plan.lang,
    date: (iso) => sheetDate(iso, snapshot.timeZone),
    asOf: today,
    argumentSeparator: SHEETS_ARGUMENT_SEPARATOR,
    weightFormulas,
    keptText: sheetText,
    previous: found && plan.layout.targets ? found.values : undefined,
    previousNotes: notes ?? undefined,
    previousFormulas: before ? (row, column) => before.formulas[row - 1]?.[column - 1] ?? '' : undefined,
    replace: new Set(options.replace ?? []),
  })!;
  const name = found?.name ?? def.label[plan.lang];
  const sheet = found?.sheet ?? ss.insertSheet(name, snapshot.sheets.length);
  /** The rows inserted so far (so that a failed run takes them out again before putting the tab back). */
  const progress: WriteProgress = { inserted: [], protection: null };
  let rowsLeft: { rows: RowRun[]; reason: string } | null = null;
  try {
    rowsLeft = writeTab(sheet, ss, targets, plan, Boolean(found), progress);
  } catch (error) {
    Logger.log(error instanceof Error && error.stack ? error.stack : String(error));
    const reason = errorText(error);
    if (!before) {
      try {
        ss.deleteSheet(sheet);
        // Sheets may keep the name pointing nowhere after its tab is deleted; the next run would take it for a
        // renamed tab (renamedTargetsTab).
        if (ss.getNamedRanges().some((n) => n.getName() === TARGETS_AS_OF.name))
          ss.removeNamedRange(TARGETS_AS_OF.name);
      } catch {
        // Left as it is: the message below still says the run did not finish.
      }
      return { ok: false, message: t('decomposeNewTabRemoved', lang, { reason, tab: name }) };
    }
    try {
      restoreTab(sheet, ss, before, progress);
    } catch (restoreError) {
      Logger.log(String(restoreError));
      return {
        ok: false,
        message: t('decomposeNotRestored', lang, {
          reason,
          tab: name,
          restoreReason: errorText(restoreError),
        }),
      };
    }
    return {
      ok: false,
      message: t('decomposeRestored', lang, { reason, tab: name, cell: TARGETS_AS_OF.label[lang] }),
    };
  }

  const months = targets.months.length;
  const kpiCount = Object.keys(targets.targetRows).length - plan.keyResults.length;
  const weightsKept = plan.keyResults
    .filter((kr) => kr.phasing === 'custom' && Object.keys(customWeights(plan, kr.id) ?? {}).length > 0)
    .map((kr) => kr.id);
  // What makes the tab's formulas fail is named first, each cell with its fix; then the count of the other errors.
  const breakers = formulaBreakers(plan, snapshot.workbook, issues, decimalMarkOf(snapshot.locale));
  const breaking = new Set(breakers.map((i) => `${i.sheet}!${i.a1}`));
  // Then what the formulas read though the plan refused it: they cannot know, so the tab and the plan differ there.
  const refused = refusedInputs(plan, snapshot.workbook, check, breaking);
  const named = new Set([...breaking, ...[...refused.checkIns, ...refused.figures].map((r) => r.cell)]);
  const errors = check.issues.filter((i) => i.severity === 'error' && !named.has(`${i.sheet}!${i.a1}`));
  const planErrors = errors.length;
  // The first few cells, so that the alert says where to look (the check lists them all).
  const errorCells = list(
    [
      ...errors.slice(0, 3).map((i) => (i.a1 ? cellName(i.sheet, i.a1) : i.sheet)),
      ...(errors.length > 3 ? ['…'] : []),
    ],
    lang,
  );
  const lines = [
    t('decomposeDone', lang, {
      tab: name,
      krs: plan.keyResults.length,
      kpis: kpiCount,
      months,
      from: targets.months[0] ?? '',
      to: targets.months[months - 1] ?? '',
    }),
  ];
  if (weightsKept.length) lines.push(t('decomposeWeightsKept', lang, { list: list(weightsKept, lang) }));
  // Rows inserted or deleted so that each metric keeps its row: said, since a reference Sheets cannot move (text in
  // INDIRECT, another file's IMPORTRANGE, a script) still names the old row.
  if (targets.moved.length)
    lines.push(
      t('decomposeRowsMoved', lang, {
        tab: name,
        count: targets.moved.length,
        list: list(
          [
            ...targets.moved
              .slice(0, ROWS_NAMED)
              .map((m) => t('decomposeRowMove', lang, { id: m.id, from: m.from, to: m.to })),
            ...(targets.moved.length > ROWS_NAMED ? ['…'] : []),
          ],
          lang,
        ),
      }),
    );
  if (targets.removed.length)
    lines.push(
      t('decomposeRowsRemoved', lang, {
        list: list(
          [
            ...targets.removed
              .slice(0, ROWS_NAMED)
              .map((m) => t('decomposeRowRemoved', lang, { id: m.id, row: m.row })),
            ...(targets.removed.length > ROWS_NAMED ? ['…'] : []),
          ],
          lang,
        ),
      }),
    );
  if (targets.notesDropped.length)
    lines.push(
      t('decomposeNotesDropped', lang, {
        tab: name,
        list: list(
          targets.notesDropped.map((n) =>
            t('decomposeWeightEntry', lang, {
              month: n.cell,
              value: fill(CATALOGUES[lang].parse.QUOTED, { text: n.note }),
            }),
          ),
          lang,
        ),
      }),
    );
  // A value someone typed over a month's formula is theirs: kept, and named, so that the figure the tab shows
  // there is known not to be the plan's (the check says it differs until the cell is cleared).
  const typedList = (typed: TypedOver[]) =>
    list(
      [
        ...typed.slice(0, TYPED_NAMED).map((c) =>
          t('decomposeTypedEntry', lang, {
            cell: cellName(name, c.cell),
            id: c.id,
            month: c.month,
            value: cellText(c.value, snapshot.timeZone),
          }),
        ),
        ...(typed.length > TYPED_NAMED
          ? [t('decomposeCellsMore', lang, { count: typed.length - TYPED_NAMED })]
          : []),
      ],
      lang,
    );
  if (targets.typedKept.length)
    lines.push(t('decomposeTypedKept', lang, { tab: name, list: typedList(targets.typedKept) }));
  if (targets.typedReplaced.length)
    lines.push(t('decomposeTypedReplaced', lang, { list: typedList(targets.typedReplaced) }));
  if (targets.typedDropped.length)
    lines.push(t('decomposeTypedDropped', lang, { tab: name, list: typedList(targets.typedDropped) }));
  if (rowsLeft)
    lines.push(
      t('decomposeRowsLeft', lang, {
        tab: name,
        rows: list(
          rowsLeft.rows.map((run) =>
            run.count === 1 ? `${run.row}` : `${run.row}–${run.row + run.count - 1}`,
          ),
          lang,
        ),
        reason: rowsLeft.reason,
      }),
    );
  const dropped = droppedWeights(plan, targets, weightFormulas, snapshot.timeZone, lang);
  if (dropped.length) lines.push(t('decomposeWeightsDropped', lang, { list: list(dropped, lang) }));
  if (typedAsOf && typedAsOf !== today)
    lines.push(
      t('decomposeAsOfReset', lang, {
        // Quoted as the language quotes what a cell held (「下週一」, "2026-11-01"), a day as text alike.
        previous: fill(CATALOGUES[lang].parse.QUOTED, { text: typedAsOf }),
        today,
        cell: TARGETS_AS_OF.label[lang],
      }),
    );
  if (breakers.length) {
    const period = breakers.some((i) => i.sheet === plan.layout.strategy?.sheet);
    lines.push(t(period ? 'decomposeBreaksPeriod' : 'decomposeBreaks', lang, { tab: name }));
    for (const i of breakers.slice(0, BREAKERS_NAMED))
      lines.push(
        t('decomposeBlockedLine', lang, {
          cell: cellName(i.sheet, i.a1!),
          message: i.message[lang],
          fix: i.fix[lang],
        }),
      );
    if (breakers.length > BREAKERS_NAMED)
      lines.push(t('decomposeBreaksMore', lang, { count: breakers.length - BREAKERS_NAMED }));
  }
  const refusedList = (cells: RefusedInput[]) =>
    list(
      [
        ...cells.slice(0, BREAKERS_NAMED).map((r) => t('decomposeCellOf', lang, { cell: r.name, id: r.id })),
        ...(cells.length > BREAKERS_NAMED
          ? [t('decomposeCellsMore', lang, { count: cells.length - BREAKERS_NAMED })]
          : []),
      ],
      lang,
    );
  if (refused.checkIns.length)
    lines.push(t('decomposeCountsRefused', lang, { tab: name, list: refusedList(refused.checkIns) }));
  if (refused.figures.length)
    lines.push(t('decomposeReadsRefused', lang, { tab: name, list: refusedList(refused.figures) }));
  if (planErrors)
    lines.push(
      t(named.size ? 'decomposeOtherIssues' : 'decomposeIssues', lang, {
        count: planErrors,
        cells: errorCells,
      }),
    );
  const details: DecomposeDetails = {
    sheet: name,
    keyResults: plan.keyResults.length,
    kpis: kpiCount,
    months: targets.months,
    rows: targets.finalRows,
    columns: targets.rows[0].length,
    asOf: today,
    weightsKept,
    formulaBreakers: breakers.map((i) => cellName(i.sheet, i.a1!)),
    planErrors,
    typedKept: targets.typedKept.map((c) => cellName(name, c.cell)),
  };
  return { ok: true, message: lines.join('\n'), details: { ...details } };
}

/**
 * The weights the old tab held that the rebuilt one has no cell for, as typed, each with why: its ID has no weights
 * row now (renamed, deleted, no longer a cumulative or level key result), or its months are outside the period.
 * The rebuild writes every weights row whose key result it keeps; these are said, so none goes without a word.
 */
function droppedWeights(
  plan: Plan,
  targets: NonNullable<ReturnType<typeof buildTargetsSheet>>,
  formulas: WeightFormulas,
  timeZone: string,
  lang: Lang,
): string[] {
  const tab = plan.targets;
  if (!tab) return [];
  const withRow = new Set(targets.weightRows.map((r) => String(targets.rows[r - 1][0]).toLowerCase()));
  const months = new Set(targets.months);
  const out: string[] = [];
  for (const [key, id] of Object.entries(tab.weightIds)) {
    // A formula is said as typed (=Seasonality!B2), to be typed again; a weight it showed nothing for too.
    const asTyped = new Map<string, unknown>([
      ...Object.entries(tab.weights[key] ?? {}),
      ...Object.entries(tab.unusableWeights[key] ?? {}),
      ...Object.entries(formulas[key] ?? {}).map(([month, f]) => [month, f.formula] as const),
    ]);
    const typed = [...asTyped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const hasRow = withRow.has(key);
    const lost = typed.filter(([month]) => !hasRow || !months.has(month));
    if (!lost.length) continue;
    const weights = list(
      lost.map(([month, value]) =>
        t('decomposeWeightEntry', lang, { month, value: cellText(value as Cell, timeZone) }),
      ),
      lang,
    );
    out.push(t(hasRow ? 'decomposeWeightsOutside' : 'decomposeWeightsNoRow', lang, { id, weights }));
  }
  return out;
}

/**
 * Above this many blocks to read formulas from (formulaBlocks: one per column or run of rows someone added, one
 * per weights row), the whole tab's formulas are read in one call instead, which savedTab then uses too: the
 * calls stay bounded, and the rebuild reads no more than it did before formulas counted as typed.
 */
export const FORMULA_BLOCKS_PER_RUN = 20;

/**
 * The formulas of an existing Targets tab where they are the person's (formulaBlocks: the cells a rebuild would
 * clear, the weights rows' months), one getFormulas call per block (Range.getFormulas gives '' for a cell without
 * a formula: https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas). `all`: the whole
 * tab's, when there were too many blocks and it was read at once.
 */
function typedFormulas(
  sheet: GAS.Sheet,
  values: Cell[][],
  plan: Plan,
): { at: (row: number, column: number) => string; all: string[][] | null } {
  const blocks = formulaBlocks(values, plan);
  if (blocks.length > FORMULA_BLOCKS_PER_RUN) {
    const all = sheet.getDataRange().getFormulas();
    return { at: (row, column) => all[row - 1]?.[column - 1] ?? '', all };
  }
  const found = new Map<string, string>();
  for (const block of blocks) {
    const formulas = sheet.getRange(block.row, block.column, block.rows, block.columns).getFormulas();
    formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula) found.set(`${block.row + r},${block.column + c}`, formula);
      }),
    );
  }
  return { at: (row, column) => found.get(`${row},${column}`) ?? '', all: null };
}

/** The formulas typed in the weights rows' month cells (where the parser read each ID's weights). */
function weightFormulasOf(plan: Plan, at: (row: number, column: number) => string): WeightFormulas {
  const tab = plan.targets;
  const out: WeightFormulas = {};
  if (!tab) return out;
  for (const [key, row] of Object.entries(tab.weightRows))
    for (const [month, column] of Object.entries(tab.monthColumns)) {
      const formula = at(row, column);
      if (formula) (out[key] ??= {})[month] = { formula, row, column };
    }
  return out;
}

/** The tab the As of name points at, when there is one (a deleted tab leaves the name pointing nowhere). */
function renamedTargetsTab(ss: GAS.Spreadsheet): string | null {
  try {
    return ss.getRangeByName(TARGETS_AS_OF.name)?.getSheet().getName() ?? null;
  } catch {
    return null;
  }
}

/** What writeTab has added to the tab's structure so far, for restoreTab to take out again. */
interface WriteProgress {
  /** The runs of rows it inserted, in order. */
  inserted: RowRun[];
  /** The header protection it added, until it carries HEADER_PROTECTION (or was removed again). */
  protection: GAS.Protection | null;
}

/**
 * Protects the header row with a warning, described as the add-on's (HEADER_PROTECTION: what a rebuild or restore
 * removes). Should describing it fail, the new protection is removed again rather than left behind undescribed,
 * where no later run would find it (one more after each failed run).
 */
function protectHeader(range: GAS.Range, progress?: WriteProgress): void {
  const protection = range.protect();
  if (progress) progress.protection = protection;
  try {
    protection.setDescription(HEADER_PROTECTION).setWarningOnly(true);
    if (progress) progress.protection = null;
  } catch (error) {
    try {
      protection.remove();
      if (progress) progress.protection = null;
    } catch {
      // Left for restoreTab, which removes it by this object.
    }
    throw error;
  }
}

/**
 * Writes the built Targets tab over `sheet` (cleared first when it held the previous one). On a rebuild, the rows
 * of new metrics are inserted first (`progress` says which, for restoreTab), and the rows of metrics gone are
 * deleted last (keptRowLayout), so that references to the tab's rows follow their metric. Returns the rows it could
 * not delete (left blank: the tab is complete), or null.
 */
function writeTab(
  sheet: GAS.Sheet,
  ss: GAS.Spreadsheet,
  targets: NonNullable<ReturnType<typeof buildTargetsSheet>>,
  plan: Plan,
  rebuilt: boolean,
  progress: WriteProgress,
): { rows: RowRun[]; reason: string } | null {
  const def = tabDef('targets');
  if (rebuilt) {
    for (const run of targets.insertRows) {
      sheet.insertRowsBefore(run.row, run.count);
      progress.inserted.push(run);
    }
    // The tab is generated: its old content goes, except the weights, which the parser has read and the grid repeats.
    sheet.clear();
    for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      if (protection.getDescription() === HEADER_PROTECTION) protection.remove();
    }
  }

  const rows = targets.rows;
  const width = rows[0].length;
  const firstMonth = targets.firstMonthColumn;
  const months = targets.months.length;
  ensureSize(sheet, rows.length, width);
  // The as-of cell is named before the formulas that read it arrive.
  const asOfRange = sheet.getRange(targets.asOfCell.row, targets.asOfCell.column);
  const named = ss.getNamedRanges().find((n) => n.getName() === TARGETS_AS_OF.name);
  if (named) named.setRange(asOfRange);
  else ss.setNamedRange(TARGETS_AS_OF.name, asOfRange);
  writeChunked(sheet, 1, 1, rows, (range, values) => range.setValues(values));

  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  // The template's notes on its headers; a month's header keeps the note someone put there. Notes in the body go
  // with their cells, written whole (whether Sheet.clear() removes notes is not documented, so it is relied on
  // neither way): only when the old tab had any.
  const headerNotes = [
    ...def.columns.map((c) => c.note[plan.lang]),
    ...targets.monthNotes,
    ...TARGETS_SUMMARY_COLUMNS.map((c) => c.note[plan.lang]),
    ...TARGETS_HELPER_COLUMNS.map((c) => c.note[plan.lang]),
    TARGETS_AS_OF.note[plan.lang],
  ];
  if (targets.notes)
    writeChunked(sheet, 1, 1, [headerNotes, ...targets.notes.slice(1)], (range, notes) =>
      range.setNotes(notes as string[][]),
    );
  else header.setNotes([headerNotes]);
  protectHeader(header, progress);
  sheet.getRange(1, firstMonth, 1, months).setNumberFormat(MONTH_HEADER_FORMAT);
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(def.columns.length);

  const bodyRows = rows.length - 1;
  const attainmentColumn =
    firstMonth + months + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === 'attainment');
  const statusColumn = firstMonth + months + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === 'status');
  if (bodyRows > 0) {
    const formats = metricFormats(plan);
    const weightRows = new Set(targets.weightRows);
    const numberFormats: string[][] = [];
    const backgrounds: (string | null)[][] = [];
    for (let r = 2; r <= rows.length; r++) {
      const weights = weightRows.has(r);
      const format = weights ? WEIGHTS_FORMAT : (formats.get(String(rows[r - 1][0])) ?? '#,##0.00##');
      numberFormats.push(
        Array.from({ length: width - firstMonth + 1 }, (_, i) => {
          const column = firstMonth + i;
          if (column === targets.asOfCell.column)
            return r === targets.asOfCell.row ? DATE_FORMAT : HELPER_FORMAT;
          if (column >= targets.firstHelperColumn) {
            const key = TARGETS_HELPER_COLUMNS[column - targets.firstHelperColumn].key;
            return key === 'expectedAttainment'
              ? TARGETS_ATTAINMENT_FORMAT
              : HELPER_DATES.has(key)
                ? DATE_FORMAT
                : HELPER_FORMAT;
          }
          return column === attainmentColumn && !weights ? TARGETS_ATTAINMENT_FORMAT : format;
        }),
      );
      backgrounds.push(Array.from({ length: width }, () => (weights ? WEIGHTS_BACKGROUND : null)));
    }
    writeChunked(sheet, 2, firstMonth, numberFormats, (range, formats) =>
      range.setNumberFormats(formats as string[][]),
    );
    writeChunked(sheet, 2, 1, backgrounds, (range, colors) => range.setBackgrounds(colors as string[][]));
  }
  // The tab is generated, so its rules are all ours: replaced, not appended.
  const statusRange = sheet.getRange(2, statusColumn, Math.max(1, bodyRows), 1);
  sheet.setConditionalFormatRules(
    (Object.keys(STATUS_LABELS) as Status[]).map((status) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(STATUS_LABELS[status][plan.lang])
        .setBackground(STATUS_COLOR[status])
        .setRanges([statusRange])
        .build(),
    ),
  );
  // Last, the rows of metrics gone (blank now): bottom to top, so that each run is where the layout put it. Should a
  // deletion fail, the tab is complete all the same, with blank rows the next rebuild deletes.
  const runs = [...targets.deleteRows].reverse();
  for (let i = 0; i < runs.length; i++) {
    try {
      sheet.deleteRows(runs[i].row, runs[i].count);
    } catch (error) {
      Logger.log(String(error));
      // The runs not deleted are above those that were, so still where they were.
      return { rows: runs.slice(i).reverse(), reason: errorText(error) };
    }
  }
  return null;
}

/** A tab's cells as they are (a formula where there is one), their number formats and backgrounds. */
interface SavedTab {
  cells: unknown[][];
  /** Each cell's formula, '' where there is none (Range.getFormulas). */
  formulas: string[][];
  numberFormats: string[][];
  backgrounds: string[][];
  fontWeights: string[][];
  notes: string[][];
  rules: GAS.ConditionalFormatRule[];
  frozenRows: number;
  frozenColumns: number;
  /** The header protection's range (A1), when the tab had it. */
  protectedHeader: string | null;
  /** Where the as-of named range pointed (A1 on its sheet), or null when there was none. */
  asOf: { sheet: GAS.Sheet; a1: string } | null;
}

function savedTab(
  sheet: GAS.Sheet,
  ss: GAS.Spreadsheet,
  formulasRead: string[][] | null,
  notesRead: string[][] | null,
): SavedTab {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = formulasRead ?? range.getFormulas();
  const asOf = ss.getRangeByName(TARGETS_AS_OF.name);
  const header = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find((p) => p.getDescription() === HEADER_PROTECTION);
  return {
    // A formula as its text; text as text (sheetText): "=2*3" typed as text is put back as that text, not a formula.
    cells: values.map((row, r) =>
      row.map(
        (value, c) =>
          formulas[r][c] || (typeof value === 'string' && value !== '' ? sheetText(value) : value),
      ),
    ),
    formulas,
    numberFormats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    fontWeights: range.getFontWeights(),
    notes: notesRead ?? range.getNotes(),
    rules: sheet.getConditionalFormatRules(),
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    protectedHeader: header?.getRange().getA1Notation() ?? null,
    asOf: asOf ? { sheet: asOf.getSheet(), a1: asOf.getA1Notation() } : null,
  };
}

/**
 * Puts a tab back as savedTab found it, in the same bounded chunks as the rebuild writes: the rows the rebuild
 * inserted are deleted first (bottom to top), so that every row, and every reference to one, is where it was.
 */
function restoreTab(sheet: GAS.Sheet, ss: GAS.Spreadsheet, saved: SavedTab, progress: WriteProgress): void {
  for (const run of [...progress.inserted].reverse()) sheet.deleteRows(run.row, run.count);
  progress.inserted.length = 0;
  sheet.clear();
  // The header protection is the add-on's by its description; one the rebuild added and could not describe (a
  // failure between protect() and setDescription, and its removal failing too) has none: removed by its object.
  if (progress.protection && progress.protection.getDescription() !== HEADER_PROTECTION)
    progress.protection.remove();
  progress.protection = null;
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (protection.getDescription() === HEADER_PROTECTION) protection.remove();
  }
  // Formats before values: a value written into a cell is read as that cell's format says (text kept as text).
  writeChunked(sheet, 1, 1, saved.numberFormats, (range, formats) =>
    range.setNumberFormats(formats as string[][]),
  );
  writeChunked(sheet, 1, 1, saved.cells, (range, values) => range.setValues(values));
  writeChunked(sheet, 1, 1, saved.backgrounds, (range, colors) => range.setBackgrounds(colors as string[][]));
  writeChunked(sheet, 1, 1, saved.fontWeights, (range, weights) =>
    range.setFontWeights(weights as string[][]),
  );
  writeChunked(sheet, 1, 1, saved.notes, (range, notes) => range.setNotes(notes as string[][]));
  sheet.setConditionalFormatRules(saved.rules);
  sheet.setFrozenRows(saved.frozenRows);
  sheet.setFrozenColumns(saved.frozenColumns);
  if (saved.protectedHeader) protectHeader(sheet.getRange(saved.protectedHeader));
  if (saved.asOf) ss.setNamedRange(TARGETS_AS_OF.name, saved.asOf.sheet.getRange(saved.asOf.a1));
  else if (ss.getRangeByName(TARGETS_AS_OF.name)) ss.removeNamedRange(TARGETS_AS_OF.name);
}

/** Menu: Decompose targets. */
export function decomposeTargets(): ActionResult {
  return runAction('decomposeTitle', (lang) =>
    rebuildTargets(readSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()), lang),
  );
}
