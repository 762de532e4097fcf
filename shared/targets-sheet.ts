/**
 * The generated Targets tab: one row per key result and KPI, one column per month of the period, each month
 * cell a short formula over the plan tabs (see decompose.ts), then the to-date columns (target to date, actual to
 * date, attainment, status) computed by formulas over the Actuals tab, then helper columns the other formulas
 * read (template.ts TARGETS_HELPER_COLUMNS), then the as-of cell (TARGETS_AS_OF). The add-on writes this grid
 * into Google Sheets and `gtm-pyramid example` into an .xlsx, so both recalculate the same way.
 *
 * Design (docs/addon.md, "Targets formulas"):
 * - Per-row helpers hold the window arithmetic once, so no formula is longer than a few hundred characters.
 * - Nothing reads the clock: every to-date figure reads the one as-of cell, so an edit recalculates only what
 *   depends on the edited cell (no volatile TODAY()).
 * - The to-date figures follow the progress rules of shared/progress.ts: the judged month is the last month whose
 *   last day is on or before the as-of day; a check-in counts when its month lies from the metric's Start month
 *   through the judged month (never after the due month).
 * - Canonical syntax: "," between arguments and no decimal literal; `argumentSeparator: ';'` gives the syntax every
 *   Google Sheets locale accepts.
 */
import { firstDay, sideBySideMonths, type IsoDate, type Month } from './calendar';
import { a1, cellText, columnLetter, isBlank, quoteSheet, textCell, type Cell, type Grid } from './cells';
import {
  formulaInSyntax,
  customWeights,
  keyResultSpec,
  kpiSpec,
  monthTargetFormula,
  precisionFor,
  ratioLiteral,
  shareFormula,
  trackedKeyResult,
  type FormulaRefs,
} from './decompose';
import type { Plan, SheetLayout } from './plan';
import { ownerNameOf } from './plan-index';
import { AT_RISK_PACE, ON_TRACK_PACE, STATUS_LABELS } from './progress';
import {
  ENUMS,
  TARGETS_AS_OF,
  TARGETS_HELPER_COLUMNS,
  TARGETS_SUMMARY_COLUMNS,
  labelSpellings,
  matchEnum,
  matchesLabel,
  tabDef,
  type Lang,
  type Localized,
  type MetricType,
} from './template';

export interface TargetsSheet {
  /** Rows of cells; formulas are strings starting with "=", month headers come from `date`. */
  rows: Cell[][];
  months: Month[];
  /** 1-based column of the first month. */
  firstMonthColumn: number;
  /** 1-based column of the first helper column (TARGETS_HELPER_COLUMNS in order). */
  firstHelperColumn: number;
  /** The as-of cell (1-based): its header is in row 1, the date below it. Name it TARGETS_AS_OF.name. */
  asOfCell: { row: number; column: number };
  /** Rows (1-based) holding the user's custom weights, to protect nothing there and keep them on rebuild. */
  weightRows: number[];
  /** Metric ID → 1-based row of its target formulas. */
  targetRows: Record<string, number>;
  /**
   * With `previous` (the tab being rebuilt): `rows` is laid out over the old tab's rows, each key result or KPI on
   * the row it had (keptRowLayout), with a blank row where a row goes. Before writing, insert these runs of rows
   * (1-based, top to bottom, each `insertRowsBefore(row, count)`: where a new metric or weights row goes among the
   * old ones); after writing, delete `deleteRows` (bottom to top): the rows of metrics no longer in the plan, of
   * weights rows no longer written, blank rows. Sheets moves every reference to the other rows with them, so a
   * formula elsewhere that points at a row of the tab keeps pointing at its key result. Without `previous`, none.
   */
  insertRows: RowRun[];
  deleteRows: RowRun[];
  /** Metrics whose target row is another row than before (1-based, once the rows are deleted), by ID as typed. */
  moved: { id: string; from: number; to: number }[];
  /** Metrics no longer in the plan whose row is deleted (their old 1-based row), by ID as the tab showed it. */
  removed: { id: string; row: number }[];
  /** Rows of the tab once `deleteRows` are deleted. */
  finalRows: number;
  /** The notes someone put on month headers (previousNotes), per month of `months`, or null. */
  monthNotes: (string | null)[];
  /**
   * Every cell's note as laid out in `rows` (previousNotes moved with their cells; null elsewhere; the header row
   * null, its notes are the writer's), or null when the old tab had no note but the template's header notes.
   */
  notes: (string | null)[][] | null;
  /** Notes of the old tab whose cell the rebuilt one no longer has (a metric or a month gone): A1 there, text. */
  notesDropped: { cell: string; note: string }[];
  /**
   * Month cells of a metric's row where someone typed a value over the tab's formula (previousFormulas), written
   * again as typed: A1 where the value is once `deleteRows` are deleted, the metric's ID as the tab showed it.
   */
  typedKept: TypedOver[];
  /** Such values the rebuilt tab has no cell for (a metric or a month gone): A1 on the old tab. */
  typedDropped: TypedOver[];
  /** Such values replaced by the formula because `replace` named their cell: A1 on the old tab. */
  typedReplaced: TypedOver[];
}

/** A value typed over a month's formula on the Targets tab. */
export interface TypedOver {
  cell: string;
  id: string;
  month: Month;
  value: Cell;
}

/** A run of rows, 1-based. */
export interface RowRun {
  row: number;
  count: number;
}

export interface TargetsSheetOptions {
  lang: Lang;
  /** Turns an ISO day into a cell (a Date for Sheets/exceljs, a serial for HyperFormula). */
  date: (iso: string) => Cell;
  /** The as-of day written into the as-of cell; left empty when not given. */
  asOf?: IsoDate;
  /**
   * Between function arguments: ',' (default) is the .xlsx file format's own syntax; ';' is what Google Sheets
   * accepts in every locale (docs/addon.md, "Locale").
   */
  argumentSeparator?: ',' | ';';
  /**
   * The formulas typed in the weights rows of the tab being rebuilt, by metric ID in lower case and month, with the
   * cell each was in (1-based): written again, moved to where the rebuilt tab puts that weight (shiftFormula),
   * rather than the number they showed.
   */
  weightFormulas?: WeightFormulas;
  /**
   * How text a person typed in a weights row (no usable weight: `abc`, or `=2*3` typed as text) is written back so
   * that it stays that text, never a formula. The default, textCell, is a formula that yields the text (the .xlsx
   * writer, HyperFormula grids); the add-on writes it as Sheets keeps typed text, after an apostrophe (sheetText:
   * the cell holds the same text, and no formula).
   */
  keptText?: (text: string) => Cell;
  /**
   * The values of the generated tab being rebuilt (plan.layout.targets is its layout): each key result and KPI keeps
   * the row it had, so that references to the tab's rows stay on their metric (keptRowLayout).
   */
  previous?: Grid;
  /**
   * The notes of `previous` (Range.getNotes, '' for none): each goes with its cell, to the row its key result or
   * KPI is written at and the column of the same month or header; a note on a month header stays with its month.
   */
  previousNotes?: string[][];
  /**
   * The formula of each cell of `previous` (1-based; '' where it holds none, as Range.getFormulas gives). A month
   * cell of a metric's row that shows a value but holds no formula was typed over: someone overrode that month's
   * target by hand. It is written again as typed, with its metric and month, rather than silently lost under the
   * formula; the check goes on saying it differs from the plan (targets-mismatch).
   */
  previousFormulas?: (row: number, column: number) => string;
  /** A1 cells of `previous` whose typed-over value the formula replaces after all (the person asked for it). */
  replace?: ReadonlySet<string>;
}

/** A formula typed in a weights row: its text and the cell (1-based) it was read from. */
export type WeightFormulas = Record<string, Record<Month, { formula: string; row: number; column: number }>>;

const abs = (sheet: string, row: number, column: number) =>
  `${quoteSheet(sheet)}!$${columnLetter(column)}$${row}`;

/** Within 1e-9 of the bar counts as reaching it, as progress.ts's atLeast (written without a decimal literal). */
const AT_LEAST = '-10^-9';

/** Whether the Targets tab holds weights someone typed for this metric, usable or not, or as formulas. */
function typedWeights(plan: Plan, id: string, formulas: WeightFormulas | undefined): boolean {
  const has = (byId: Record<string, Record<string, unknown>> | undefined) =>
    Object.keys(byId?.[id.toLowerCase()] ?? {}).length > 0;
  return has(plan.targets?.weights) || has(plan.targets?.unusableWeights) || has(formulas);
}

/**
 * The headers the generation writes after the month columns (the to-date, helper and As of columns), in order;
 * tabDef('targets').columns are the ones before the months. From the one template definition: the header row is
 * built from them, and a header that is none of them (nor a month) is a column someone added (handTypedCells).
 */
function headersAfterMonths(): Localized[] {
  return [
    ...TARGETS_SUMMARY_COLUMNS.map((c) => c.label),
    ...TARGETS_HELPER_COLUMNS.map((c) => c.label),
    TARGETS_AS_OF.label,
  ];
}

/** Rows below the last one a wide Actuals tab holds that its to-date formulas read too (rows added later). */
export const WIDE_ACTUALS_SPARE_ROWS = 500;

/**
 * What the to-date formulas read of an Actuals tab kept as months in columns (指標 | 1月 | 2月 …: layout.wide), or
 * null when they cannot read it. The month columns read for the period's months must stand side by side in month
 * order (the usual 1月 | 2月 | 3月 …), so that the tab's block of month cells lines up, column for column, with the
 * Targets tab's own month headers (dates): every formula then picks a metric's months with those dates. Bounded
 * ranges: from the row under the header to WIDE_ACTUALS_SPARE_ROWS below the last row the tab had at Decompose time.
 * Months of the tab outside the period are not read by the formulas (the plan counts none in a window either).
 */
export function wideActualsRanges(plan: Plan): { ids: string; block: string; header: string } | null {
  const actuals = plan.layout.actuals;
  const wide = actuals?.wide;
  if (!actuals || !wide || !actuals.columns.metric || !plan.period) return null;
  const run = sideBySideMonths(plan.period.months, wide.months);
  if (!run) return null;
  const top = actuals.headerRow + 1;
  const bottom = Math.max(actuals.rowCount, top) + WIDE_ACTUALS_SPARE_ROWS;
  const sheet = quoteSheet(actuals.sheet);
  const range = (from: number, to: number) =>
    `${sheet}!$${columnLetter(from)}$${top}:$${columnLetter(to)}$${bottom}`;
  const firstMonthColumn = tabDef('targets').columns.length + 1;
  return {
    ids: range(actuals.columns.metric, actuals.columns.metric),
    block: range(run.column, run.column + run.last - run.first),
    header: `$${columnLetter(firstMonthColumn + run.first)}$1:$${columnLetter(firstMonthColumn + run.last)}$1`,
  };
}

/**
 * Whether the to-date formulas read the Actuals tab: its Date, Metric and Value columns, or its months in columns
 * (wideActualsRanges).
 */
export function actualsReadByFormulas(plan: Plan): boolean {
  const actuals = plan.layout.actuals;
  if (!actuals) return false;
  if (actuals.wide) return wideActualsRanges(plan) !== null;
  return ['date', 'metric', 'value'].every((k) => actuals.columns[k]);
}

/**
 * Whether the plan lacks what the Targets formulas point at (the period, the Key Results tab's Target/Due columns),
 * so that no Targets tab can be built (buildTargetsSheet returns null).
 */
export function targetsSheetBlocked(plan: Plan): boolean {
  const krTab = plan.layout.keyResults;
  return (
    !plan.period ||
    !plan.layout.strategy ||
    !krTab ||
    !plan.strategy.rows.periodStart ||
    !plan.strategy.rows.periodEnd ||
    !krTab.columns.target ||
    !krTab.columns.due
  );
}

/**
 * Build the grid. Returns null when the plan lacks what the formulas point at (the period, the Key Results
 * tab's Target/Due columns: targetsSheetBlocked); the caller shows the plan issues instead.
 */
export function buildTargetsSheet(plan: Plan, options: TargetsSheetOptions): TargetsSheet | null {
  const { lang } = options;
  const keptText = options.keptText ?? textCell;
  const separator = options.argumentSeparator ?? ',';
  if (targetsSheetBlocked(plan)) return null;
  const period = plan.period!;
  const strategy = plan.layout.strategy!;
  const krTab = plan.layout.keyResults!;
  const periodStartRow = plan.strategy.rows.periodStart!;
  const periodEndRow = plan.strategy.rows.periodEnd!;
  const need = (layout: SheetLayout, ...keys: string[]) => keys.every((k) => layout.columns[k]);

  const fixed = tabDef('targets').columns;
  const months = period.months;
  const firstMonthColumn = fixed.length + 1;
  const lastMonthColumn = fixed.length + months.length;
  const firstHelperColumn = lastMonthColumn + TARGETS_SUMMARY_COLUMNS.length + 1;
  const asOfColumn = firstHelperColumn + TARGETS_HELPER_COLUMNS.length;
  const summaryColumn = (key: string) =>
    lastMonthColumn + 1 + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === key);
  const helperColumn = (key: string) =>
    firstHelperColumn + TARGETS_HELPER_COLUMNS.findIndex((c) => c.key === key);
  const header: Cell[] = [
    ...fixed.map((c) => c.label[lang]),
    ...months.map((m) => options.date(firstDay(m))),
    ...headersAfterMonths().map((label) => label[lang]),
  ];
  const rows: Cell[][] = [header];
  const weightRows: number[] = [];
  const targetRows: Record<string, number> = {};
  const firstLetter = columnLetter(firstMonthColumn);
  const lastLetter = columnLetter(lastMonthColumn);
  const firstHeader = `$${firstLetter}$1`;
  const headerRange = `$${firstLetter}$1:$${lastLetter}$1`;
  const periodStart = abs(strategy.sheet, periodStartRow, strategy.columns.value);
  const periodEnd = abs(strategy.sheet, periodEndRow, strategy.columns.value);
  const cellOr = (layout: SheetLayout, row: number, key: string, fallback: string) =>
    layout.columns[key] ? abs(layout.sheet, row, layout.columns[key]) : fallback;
  const actuals = plan.layout.actuals;
  const wide = wideActualsRanges(plan);
  const hasActuals = actualsReadByFormulas(plan);
  const actualsColumn = (key: string) => {
    const letter = columnLetter(actuals!.columns[key]);
    return `${quoteSheet(actuals!.sheet)}!$${letter}:$${letter}`;
  };
  const kind = (k: keyof typeof ENUMS.targetsRow) => ENUMS.targetsRow[k][lang];
  const label = (s: keyof typeof STATUS_LABELS) => `"${STATUS_LABELS[s][lang]}"`;
  // True when the cell holds the value in any language or accepted spelling (a plan may be typed in any of them;
  // Sheets compares text ignoring case, as the parser does).
  /**
   * Whether a cell holds one of a choice's spellings (as `=` compares text: any case). Several spellings are one
   * SEARCH of "|cell|" in "|a|b|…|" rather than OR(cell="a",cell="b",…): the sheet-qualified reference is written
   * once, not once per spelling (with five spellings of "decrease", a threshold's attainment was 346 characters).
   * No spelling holds "|", and a cell holding one, or a wildcard, is not a choice the plan reads (invalid-choice).
   */
  const orEquals = (cell: string, label: Localized) => {
    const spellings = [...new Set(labelSpellings(label))];
    return spellings.length === 1
      ? `${cell}="${spellings[0]}"`
      : `ISNUMBER(SEARCH("|"&${cell}&"|","|${spellings.join('|')}|"))`;
  };
  const AS_OF = TARGETS_AS_OF.name;
  const out = (formula: string) => formulaInSyntax(formula, separator);

  interface MetricRefs {
    target: string;
    baseline: string;
    start: string;
    due: string;
    phasing: string;
    direction: string;
  }

  const addMetric = (
    id: string,
    name: string,
    /** The row's owner as the plan names it (ownerNameOf: 銷售 for 销售 typed), as the report and plan.json name it. */
    owner: string,
    type: MetricType,
    precision: number,
    plain: MetricRefs,
    custom: boolean,
    isKeyResult: boolean,
  ) => {
    const r = rows.length + 1;
    const weightsRow = custom ? r + 1 : null;
    targetRows[id] = r;
    const h = (key: string) => `$${columnLetter(helperColumn(key))}${r}`;
    const F = h('windowStart');
    const N = h('months');
    const J = h('judged');
    const S = h('span');
    const code = h('phasingCode');
    const T = plain.target;
    const B = plain.baseline;
    const refs: FormulaRefs = {
      target: T,
      baseline: B,
      months: N,
      columnOffset: h('columnOffset'),
      span: S,
      shareLinear: h('shareLinear'),
      shareSquare: h('shareSquare'),
      shareDivisor: h('shareDivisor'),
      phasingCode: code,
    };
    const weightsRange = weightsRow ? `$${firstLetter}$${weightsRow}:$${lastLetter}$${weightsRow}` : '';
    /** Custom weights from the window start up to (not including) the first day of EDATE(F, x). */
    const weightsBefore = (x: string) =>
      `SUMIFS(${weightsRange},${headerRange},">="&${F},${headerRange},"<"&EDATE(${F},${x}))`;
    const monthCells = months.map((_, i) => {
      const letter = columnLetter(firstMonthColumn + i);
      const weights = weightsRow
        ? {
            through: `SUMIFS($${firstLetter}${weightsRow}:${letter}${weightsRow},$${firstLetter}$1:${letter}$1,">="&${F})`,
            before: `SUMIFS($${firstLetter}${weightsRow}:${letter}${weightsRow},$${firstLetter}$1:${letter}$1,">="&${F},$${firstLetter}$1:${letter}$1,"<"&${letter}$1)`,
          }
        : undefined;
      return out(monthTargetFormula({ type, precision }, { ...refs, weights }));
    });

    // Helper columns, in TARGETS_HELPER_COLUMNS order.
    // A Start or Due that is no number (blank, text that is no date, an error) is the period's, as the plan reads
    // it (keyResultWindow): text is never turned into a date the way the spreadsheet's locale would.
    const orPeriod = (cell: string, period: string) =>
      cell === period ? period : `IF(ISNUMBER(${cell}),${cell},${period})`;
    const startDay = orPeriod(plain.start, periodStart);
    const dueDay = orPeriod(plain.due, periodEnd);
    const phased = type === 'cumulative' || type === 'level';
    const P = plain.phasing;
    const phasingCode = phased
      ? `=IF(${orEquals(P, ENUMS.phasing['ramp-up'])},2,IF(${orEquals(P, ENUMS.phasing['front-loaded'])},3,` +
        (weightsRow ? `IF(AND(${orEquals(P, ENUMS.phasing.custom)},${h('weightsTotal')}>0),4,1)))` : '1))')
      : '=1';
    const checkIn = (x: string) => {
      if (!hasActuals) return '';
      return `${actualsColumn('metric')},$A${r},${actualsColumn('date')},">="&${F},${actualsColumn('date')},"<"&EDATE(${F},${x})`;
    };
    // A milestone's done counts from before its Start too (done early is done: check-ins.ts), through the judged month.
    const doneBy = (x: string) =>
      `${actualsColumn('metric')},$A${r},${actualsColumn('date')},"<"&EDATE(${F},${x})`;
    // An Actuals tab kept as months in columns (wideActualsRanges): the metric's cells are picked from the tab's block
    // of month cells by its ID (a column: every row of the metric, wherever sorting puts it) times the months (the
    // Targets tab's month headers, a row lined up with the block's columns). Column times row is an array formula:
    // ARRAYFORMULA for Sheets and HyperFormula, dropped in an .xlsx, where SUMPRODUCT evaluates arrays itself.
    // SUMPRODUCT's last argument takes text as 0, as SUMIFS leaves text out.
    const block = wide?.block ?? '';
    const header = wide?.header ?? '';
    const inRow = wide ? `(${wide.ids}=$A${r})` : '';
    const inMonths = (x: string) => `(${header}>=${F})*(${header}<EDATE(${F},${x}))`;
    const filled = `(${block}<>"")`;
    const helpers: Record<string, Cell> = {
      windowStart: `=DATE(YEAR(${startDay}),MONTH(${startDay}),1)`,
      months: `=(YEAR(${dueDay})-YEAR(${F}))*12+MONTH(${dueDay})-MONTH(${F})+1`,
      columnOffset: `=COLUMN(${firstHeader})-1+(YEAR(${F})-YEAR(${firstHeader}))*12+MONTH(${F})-MONTH(${firstHeader})`,
      judged: `=MIN(${N},(YEAR(${AS_OF}+1)-YEAR(${F}))*12+MONTH(${AS_OF}+1)-MONTH(${F}))`,
      span: `=${T}-${B}`,
      phasingCode,
      shareLinear: `=IF(${code}=3,2*${N}+1,IF(${code}=4,0,1))`,
      shareSquare: `=IF(${code}=2,1,IF(${code}=3,-1,0))`,
      shareDivisor: `=IF(${code}=4,${h('weightsTotal')},IF(${code}=1,${N},${N}*(${N}+1)))`,
      weightsTotal: weightsRow ? `=${weightsBefore(N)}` : 0,
      // Levels and thresholds know it from their latest check-in: one scan of Actuals fewer per row.
      checkedIn: !hasActuals
        ? ''
        : type === 'level' || type === 'threshold'
          ? `=IF(${h('latestCheckIn')}>=EDATE(${F},${J}-1),1,0)`
          : wide
            ? `=ARRAYFORMULA(SUMPRODUCT(${inRow}*(${header}=EDATE(${F},${J}-1))*${filled}))`
            : `=COUNTIFS(${actualsColumn('metric')},$A${r},${actualsColumn('date')},">="&EDATE(${F},${J}-1),${actualsColumn('date')},"<"&EDATE(${F},${J}))`,
      latestCheckIn:
        hasActuals && (type === 'level' || type === 'threshold')
          ? wide
            ? `=ARRAYFORMULA(SUMPRODUCT(MAX(${inRow}*${inMonths(J)}*${filled}*${header})))`
            : `=MAXIFS(${actualsColumn('date')},${checkIn(J)})`
          : '',
      // A threshold's criterion, <=Target or >=Target by its Direction: its Direction's spellings (every language and
      // alias: a long list) are written here once, not inside Attainment's COUNTIFS, which kept it under 300
      // characters.
      meetsBar: '',
      expectedAttainment: '',
    };

    // To-date columns: progress.ts's figures for the as-of day (see the module comment).
    const started = `${AS_OF}>=${F}`;
    const targetToDate = a1(r, summaryColumn('targetToDate'));
    const current = a1(r, summaryColumn('actualToDate'));
    const attainment = a1(r, summaryColumn('attainment'));
    const expectedAttainment = h('expectedAttainment');
    const W = weightsRow ? weightsBefore(J) : undefined;
    const value = hasActuals && !wide ? actualsColumn('value') : '';
    const metric = hasActuals && !wide ? actualsColumn('metric') : '';
    const date = hasActuals && !wide ? actualsColumn('date') : '';
    /** The latest check-in counted (level and threshold: the reading that says where the metric stands). */
    const latest = h('latestCheckIn');
    const readingAt = (day: string) =>
      wide
        ? `ARRAYFORMULA(SUMPRODUCT(${inRow}*(${header}=${day}),${block})/SUMPRODUCT(${inRow}*(${header}=${day})*${filled}))`
        : `SUMIFS(${value},${metric},$A${r},${date},${day})/COUNTIFS(${metric},$A${r},${date},${day})`;
    const meets = h('meetsBar');
    let cells: [Cell, Cell, Cell];
    switch (type) {
      case 'cumulative':
        cells = [
          `=IF(${started},IF(${J}<1,${B}+0,${B}+ROUND(${S}*${shareFormula(J, refs, W)},${precision})),"")`,
          !hasActuals
            ? ''
            : wide
              ? `=IF(${started},${B}+ARRAYFORMULA(SUMPRODUCT(${inRow}*${inMonths(J)},${block})),"")`
              : `=IF(${started},${B}+SUMIFS(${value},${checkIn(J)}),"")`,
          `=IF(OR(${current}="",${S}=0),"",MAX(0,(${current}-${B})/${S}))`,
        ];
        helpers.expectedAttainment = `=IF(OR(${targetToDate}="",${S}=0),"",MAX(0,(${targetToDate}-${B})/${S}))`;
        break;
      case 'level':
        cells = [
          `=IF(${started},IF(${J}<1,${B}+0,IF(${J}>=${N},${T},ROUND(${B}+${S}*${shareFormula(J, refs, W)},${precision}))),"")`,
          hasActuals ? `=IF(${started},IF(${latest}=0,"",${readingAt(latest)}),"")` : '',
          `=IF(OR(${current}="",${S}=0),"",MAX(0,(${current}-${B})/${S}))`,
        ];
        helpers.expectedAttainment = `=IF(OR(${targetToDate}="",${S}=0),"",MAX(0,(${targetToDate}-${B})/${S}))`;
        break;
      case 'threshold':
        cells = [
          `=IF(${started},${T},"")`,
          hasActuals ? `=IF(${started},IF(${latest}=0,"",${readingAt(latest)}),"")` : '',
          !hasActuals
            ? ''
            : wide
              ? // Meets when starts with "<=" or ">=": each number compared so with the Target, which Expected by now
                // shows once started (a shorter reference than the plan's cell, written twice).
                `=IF(AND(${started},${J}>=1),ARRAYFORMULA(SUMPRODUCT(${inRow}*${inMonths(J)}*ISNUMBER(${block})*IF(LEFT(${meets})="<",${block}<=${targetToDate},${block}>=${targetToDate})))/${J},"")`
              : `=IF(AND(${started},${J}>=1),COUNTIFS(${checkIn(J)},${value},${meets})/${J},"")`,
        ];
        helpers.expectedAttainment = `=IF(AND(${started},${J}>=1),1,"")`;
        helpers.meetsBar = `=IF(${orEquals(plain.direction, ENUMS.direction.decrease)},"<=",">=")&${T}`;
        break;
      case 'milestone':
        cells = [
          `=IF(${J}>=${N},1,0)`,
          // A Sheets checkbox's TRUE is done, as the plan reads it (readYesNo): ">=1" counts numbers only, so a
          // second COUNTIFS counts TRUE (TRUE(): HyperFormula has no TRUE constant). Text (完成, done) is said at its
          // cell (unreadable-by-formulas).
          !hasActuals
            ? ''
            : wide
              ? `=MIN(1,ARRAYFORMULA(SUMPRODUCT(${inRow}*(${header}<EDATE(${F},${J}))*((${block}=TRUE())+ISNUMBER(${block})*(${block}>=1)))))`
              : `=MIN(1,COUNTIFS(${doneBy(J)},${value},">=1")+COUNTIFS(${doneBy(J)},${value},TRUE()))`,
          `=${current}`,
        ];
        helpers.expectedAttainment = `=${targetToDate}`;
        break;
    }

    // progress.ts's statusFromPace: nothing expected yet is on track; else the pace bands.
    // a / e ≥ band, written a ≥ band × e: the same for e > 0, and on track when nothing is expected (e ≤ 0,
    // attainment is never below 0), without a division or a separate test (shorter, as long rows need).
    const pace = (a: string, e: string) =>
      `IF(${a}>=(${ratioLiteral(ON_TRACK_PACE)}${AT_LEAST})*${e},${label('on-track')},` +
      `IF(${a}>=(${ratioLiteral(AT_RISK_PACE)}${AT_LEAST})*${e},${label('at-risk')},${label('off-track')}))`;
    const reached = type === 'threshold' ? `AND(${J}>=${N},${attainment}=1)` : `${attainment}>=1${AT_LEAST}`;
    // A key result whose due month is judged and that fell short is missed (progress.ts); a KPI is judged by pace.
    const over = label(isKeyResult ? 'missed' : 'off-track');
    const paceOrMissed = isKeyResult
      ? `IF(${J}>=${N},${over},${pace(attainment, expectedAttainment)})`
      : pace(attainment, expectedAttainment);
    // Reached, else missed or the pace bands. A threshold key result tests its due month once (the same
    // conditions as IF(AND(due,reached),done,IF(due,missed,pace)), ~20 characters shorter: the status of row
    // 1,000 and beyond stays under the 300-character bound).
    const judged =
      type === 'threshold' && isKeyResult
        ? `IF(${J}>=${N},IF(${attainment}=1,${label('done')},${over}),${pace(attainment, expectedAttainment)})`
        : `IF(${reached},${label('done')},${paceOrMissed})`;
    // The order of progress.ts's metricProgress: not started; started this month (nothing due yet); no check-in
    // for the judged month; reached; else the pace bands. N("") is 0: no attainment is not "done".
    const status = !hasActuals
      ? ''
      : type === 'milestone'
        ? `=IF(${current}=1,${label('done')},IF(${AS_OF}<${F},${label('not-started')},IF(${J}>=${N},${over},${label('on-track')})))`
        : `=IF(${AS_OF}<${F},${label('not-started')},IF(${J}<1,IF(N(${attainment})>=1${AT_LEAST},${label('done')},${label('not-started')}),` +
          (type === 'cumulative'
            ? // An amount that has reached its target is done, also with the judged month not checked in yet: so
              // reached is asked first (N: no attainment is none), then the check-in: the same statuses as asking
              // the check-in first, in the fewer characters row 10,000 and beyond needs (300 at five digits).
              `IF(N(${attainment})>=1${AT_LEAST},${label('done')},IF(OR(${attainment}="",${h('checkedIn')}=0),${label('no-data')},${paceOrMissed}))))`
            : `IF(OR(${h('checkedIn')}=0,${attainment}=""),${label('no-data')},${judged})))`);

    const formula = (cell: Cell) => (typeof cell === 'string' && cell.startsWith('=') ? out(cell) : cell);
    rows.push([
      textCell(id),
      kind('target'),
      textCell(name),
      textCell(owner),
      ...monthCells,
      ...cells.map(formula),
      formula(status),
      ...TARGETS_HELPER_COLUMNS.map((c) => formula(helpers[c.key] ?? '')),
    ]);
    if (weightsRow) {
      weightRows.push(weightsRow);
      const kept = customWeights(plan, id) ?? {};
      const asTyped = plan.targets?.unusableWeights[id.toLowerCase()] ?? {};
      const formulas = options.weightFormulas?.[id.toLowerCase()] ?? {};
      // A weight typed as a formula (=2*1, a link to a seasonality table) stays one, moved to its new cell.
      const typed = (m: Month, i: number): Cell => {
        const f = formulas[m];
        return f ? shiftFormula(f.formula, weightsRow - f.row, firstMonthColumn + i - f.column) : '';
      };
      rows.push([
        textCell(id),
        kind('weights'),
        textCell(name),
        textCell(owner),
        ...months.map((m, i) => {
          const formula = typed(m, i);
          if (formula) return formula;
          if (kept[m] !== undefined) return kept[m];
          // Text as typed ('=2*3, a weight that is no number): the same text again, never a formula that runs.
          const cell = asTyped[m] ?? '';
          return typeof cell === 'string' && cell !== '' ? keptText(cell) : cell;
        }),
        ...TARGETS_SUMMARY_COLUMNS.map(() => ''),
        ...TARGETS_HELPER_COLUMNS.map(() => ''),
      ]);
    }
  };

  /** The metrics in the plan's order, each with whether it has a weights row, laid out below. */
  const units: MetricUnit[] = [];
  const occurrences = new Map<string, number>();
  const unit = (id: string, weights: boolean, add: () => void) => {
    const n = (occurrences.get(id.toLowerCase()) ?? 0) + 1;
    occurrences.set(id.toLowerCase(), n);
    units.push({ key: `${id.toLowerCase()}#${n}`, id, weights, add });
  };
  const krDirection = (row: number) => cellOr(krTab, row, 'direction', `"${ENUMS.direction.increase.en}"`);
  for (const kr of plan.keyResults) {
    const spec = keyResultSpec(kr, plan);
    const row = kr.row;
    // A weights row for custom phasing, and for a key result whose weights someone typed: switched to another
    // phasing, it keeps them (unused, code ≠ 4) for when it is custom again, rather than a rebuild erasing them.
    const custom =
      (kr.type === 'cumulative' || kr.type === 'level') &&
      (kr.phasing === 'custom' || typedWeights(plan, kr.id, options.weightFormulas));
    unit(kr.id, custom, () =>
      addMetric(
        kr.id,
        kr.title,
        ownerNameOf(plan, kr),
        kr.type,
        spec?.precision ??
          precisionFor(kr.type, kr.unit, kr.target ?? 0, kr.baseline, plan.strategy.values.currency),
        {
          target: abs(krTab.sheet, row, krTab.columns.target),
          baseline: cellOr(krTab, row, 'baseline', '0'),
          start: cellOr(krTab, row, 'start', periodStart),
          due: abs(krTab.sheet, row, krTab.columns.due),
          phasing: cellOr(krTab, row, 'phasing', `"${ENUMS.phasing.even.en}"`),
          direction: krDirection(row),
        },
        custom,
        true,
      ),
    );
  }
  const kpiTab = plan.layout.kpis;
  if (kpiTab && need(kpiTab, 'target')) {
    for (const kpi of plan.kpis) {
      const kr = trackedKeyResult(kpi, plan);
      if (!kpiSpec(kpi, plan, kr)) continue;
      unit(kpi.id, false, () =>
        addMetric(
          kpi.id,
          kpi.name,
          ownerNameOf(plan, kpi),
          'threshold',
          4,
          {
            target: abs(kpiTab.sheet, kpi.row, kpiTab.columns.target),
            baseline: '0',
            start: kr ? cellOr(krTab, kr.row, 'start', periodStart) : periodStart,
            due: kr ? abs(krTab.sheet, kr.row, krTab.columns.due) : periodEnd,
            phasing: `"${ENUMS.phasing.even.en}"`,
            direction: cellOr(kpiTab, kpi.row, 'direction', `"${ENUMS.direction.increase.en}"`),
          },
          false,
          false,
        ),
      );
    }
  }
  const layout = options.previous && units.length ? keptRowLayout(options.previous, plan, units) : null;
  const gaps = new Set<number>();
  /** Each metric's target row (1-based, as written), by its key. */
  const rowOf = new Map<string, number>();
  for (const slot of layout ? layout.slots : units) {
    if (slot === null) {
      rows.push([]);
      gaps.add(rows.length);
    } else {
      rowOf.set(slot.key, rows.length + 1);
      slot.add();
    }
  }
  // The as-of cell: its header is in row 1, its date in row 2 (a row of its own when there is no metric): the
  // first row that is not deleted, which is row 2 once the rows above it are.
  if (rows.length < 2) rows.push(header.map(() => ''));
  const width = header.length;
  for (const row of rows) while (row.length < width) row.push('');
  let asOfRow = 2;
  while (gaps.has(asOfRow)) asOfRow++;
  rows[asOfRow - 1][asOfColumn - 1] = options.asOf ? options.date(options.asOf) : '';
  // Notes go with their cells: to the row the metric is written at, the column of the same month or header.
  const monthNotes: (string | null)[] = months.map(() => null);
  let notes: (string | null)[][] | null = null;
  const notesDropped: { cell: string; note: string }[] = [];
  if (options.previous && options.previousNotes) {
    const columnTo = previousColumns(options.previous, plan, months, firstMonthColumn);
    const monthOf = new Map(Object.entries(plan.targets?.monthColumns ?? {}).map(([m, c]) => [c - 1, m]));
    options.previousNotes.forEach((line, r) =>
      line.forEach((note, c) => {
        if (typeof note !== 'string' || note === '') return;
        if (r === 0) {
          // The template's columns carry the template's notes; a month's header, the person's.
          const month = monthOf.get(c);
          if (month === undefined) return;
          const at = months.indexOf(month as Month);
          if (at >= 0) monthNotes[at] = note;
          else notesDropped.push({ cell: a1(1, c + 1), note });
          return;
        }
        const row = layout?.rowMap.get(r);
        const column = columnTo[c];
        if (row !== undefined && column !== null) {
          notes ??= rows.map(() => Array.from({ length: width }, () => null));
          notes[row - 1][column - 1] = note;
        } else notesDropped.push({ cell: a1(r + 1, c + 1), note });
      }),
    );
  }
  const deleteRows = runsOf([...gaps]);
  const finalRow = (row: number) => row - [...gaps].filter((g) => g < row).length;
  const typedKept: TypedOver[] = [];
  const typedDropped: TypedOver[] = [];
  const typedReplaced: TypedOver[] = [];
  const formulaAt = options.previousFormulas;
  const shape = options.previous && formulaAt ? tabShape(options.previous, plan) : null;
  const idColumn = plan.layout.targets?.columns.id;
  if (options.previous && formulaAt && shape && idColumn !== undefined) {
    const columnTo = previousColumns(options.previous, plan, months, firstMonthColumn);
    const monthColumns = Object.entries(plan.targets?.monthColumns ?? {}) as [Month, number][];
    options.previous.forEach((line, r) => {
      if (shape.kinds[r] !== 'target' || !Array.isArray(line)) return;
      for (const [month, column] of monthColumns) {
        const value = line[column - 1] ?? '';
        // A blank cell (cleared, or a formula that shows nothing) holds nothing to lose: the formula goes back.
        if (isBlank(value) || formulaAt(r + 1, column)) continue;
        const typed = {
          cell: a1(r + 1, column),
          id: cellText(line[idColumn - 1] ?? '').trim(),
          month,
          value,
        };
        const row = layout?.rowMap.get(r);
        const to = columnTo[column - 1];
        if (options.replace?.has(typed.cell)) typedReplaced.push(typed);
        else if (row === undefined || to === null) typedDropped.push(typed);
        else {
          // Text is kept as text: "=2*3" typed after an apostrophe must not come back as a formula that runs.
          rows[row - 1][to - 1] = typeof value === 'string' ? keptText(value) : value;
          typedKept.push({ ...typed, cell: a1(finalRow(row), to) });
        }
      }
    });
  }
  return {
    rows,
    months,
    firstMonthColumn,
    firstHelperColumn,
    asOfCell: { row: asOfRow, column: asOfColumn },
    weightRows,
    targetRows,
    insertRows: layout?.insertRows ?? [],
    deleteRows,
    moved: (layout?.kept ?? [])
      .map(({ id, key, from }) => ({ id, from, to: finalRow(rowOf.get(key) ?? from) }))
      .filter((m) => m.from !== m.to),
    removed: layout?.removed ?? [],
    finalRows: rows.length - gaps.size,
    monthNotes,
    notes,
    notesDropped,
    typedKept,
    typedDropped,
    typedReplaced,
  };
}

/**
 * Where each column (0-based) of an old generated tab is in a new one (1-based), by its header: a month's column
 * is that month's (null when the period no longer has it), the others the column of the same header.
 */
function previousColumns(
  previous: Grid,
  plan: Plan,
  months: Month[],
  firstMonthColumn: number,
): (number | null)[] {
  const header = Array.isArray(previous[0]) ? previous[0] : [];
  const fixed = tabDef('targets').columns;
  const after = headersAfterMonths();
  const monthOf = new Map(Object.entries(plan.targets?.monthColumns ?? {}).map(([m, c]) => [c - 1, m]));
  const width = previous.reduce((most, row) => Math.max(most, Array.isArray(row) ? row.length : 0), 0);
  return Array.from({ length: width }, (_, c) => {
    const month = monthOf.get(c);
    if (month !== undefined) {
      const at = months.indexOf(month as Month);
      return at < 0 ? null : firstMonthColumn + at;
    }
    const cell = header[c];
    if (typeof cell !== 'string') return null;
    const f = fixed.findIndex((col) => matchesLabel(cell, col.label, false));
    if (f >= 0) return f + 1;
    const a = after.findIndex((label) => matchesLabel(cell, label, false));
    return a >= 0 ? firstMonthColumn + months.length + a : null;
  });
}

/** A key result or KPI of the plan, in the plan's order, and what writes its rows (its target row, its weights row). */
interface MetricUnit {
  /** The ID in lower case and which of the plan's metrics of that ID it is ("kr2#1"). */
  key: string;
  id: string;
  weights: boolean;
  add: () => void;
}

/** Runs of consecutive row numbers (sorted first). */
function runsOf(rows: number[]): RowRun[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: RowRun[] = [];
  for (const row of sorted) {
    const last = out[out.length - 1];
    if (last && last.row + last.count === row) last.count++;
    else out.push({ row, count: 1 });
  }
  return out;
}

/**
 * Where the rebuilt tab's rows go over the old tab's, so that no reference to a row of the tab changes meaning: a
 * rebuild rewrites the cells in place, and Sheets moves a reference (`=Targets!K3` on a Review tab) only when its row
 * is inserted, deleted or moved. So each key result and KPI of the old tab keeps its row, in the old order; a new one
 * goes below the one the plan lists before it (at the top when none), on rows inserted there; a weights row someone's
 * switch to custom phasing adds is inserted below its key result. The rows of metrics gone from the plan, weights
 * rows no longer written and blank rows are `null` slots, deleted once the tab is written: a reference to them shows
 * #REF! (its key result is gone), every other follows its row. A key result moved on the Key Results tab (a sort)
 * keeps its place here. Null when the old tab has anything above its header (the layout starts over, as before).
 */
function keptRowLayout(
  previous: Grid,
  plan: Plan,
  units: MetricUnit[],
): {
  slots: (MetricUnit | null)[];
  insertRows: RowRun[];
  kept: { id: string; key: string; from: number }[];
  removed: { id: string; row: number }[];
  /** Each old row (0-based) that stays, to the row (1-based) it is written at. */
  rowMap: Map<number, number>;
} | null {
  const shape = tabShape(previous, plan);
  const idColumn = plan.layout.targets?.columns.id;
  if (!shape || shape.headerIndex !== 0 || idColumn === undefined) return null;
  const idAt = (r: number) =>
    cellText((Array.isArray(previous[r]) ? previous[r] : [])[idColumn - 1] ?? '').trim();
  // The old tab's metrics, by key (as the units' keys), each with its rows (0-based).
  const seen = new Map<string, number>();
  const old: { key: string; id: string; row: number; weightsRow: number | null }[] = [];
  for (let r = 1; r < previous.length; r++) {
    if (shape.kinds[r] !== 'target') continue;
    const id = idAt(r);
    const n = (seen.get(id.toLowerCase()) ?? 0) + 1;
    seen.set(id.toLowerCase(), n);
    const weights =
      shape.kinds[r + 1] === 'weights' && idAt(r + 1).toLowerCase() === id.toLowerCase() ? r + 1 : null;
    old.push({ key: `${id.toLowerCase()}#${n}`, id, row: r, weightsRow: weights });
  }
  const byKey = new Map(units.map((u) => [u.key, u]));
  const oldKeys = new Set(old.filter((o) => byKey.has(o.key)).map((o) => o.key));
  // New metrics, each below the one the plan lists before it that the old tab has ('' : at the top).
  const below = new Map<string, MetricUnit[]>();
  let anchor = '';
  for (const u of units) {
    if (oldKeys.has(u.key)) anchor = u.key;
    else below.set(anchor, [...(below.get(anchor) ?? []), u]);
  }
  const slots: (MetricUnit | null)[] = [];
  const inserted: number[] = [];
  /** The sheet row (1-based) the next slot starts at; the header is row 1. */
  let next = 2;
  const insert = (list: MetricUnit[] | undefined) => {
    for (const u of list ?? []) {
      slots.push(u);
      for (let i = 0; i < (u.weights ? 2 : 1); i++) inserted.push(next++);
    }
  };
  /** The L1 row of each old row still there (kept or deleted), to know which inserted runs lie above one. */
  let lastOld = 0;
  const kept: { id: string; key: string; from: number }[] = [];
  const removed: { id: string; row: number }[] = [];
  const rowMap = new Map<number, number>();
  const byRow = new Map(old.map((o) => [o.row, o]));
  const weightRows = new Set(old.flatMap((o) => (o.weightsRow === null ? [] : [o.weightsRow])));
  insert(below.get(''));
  for (let r = 1; r < previous.length; r++) {
    const o = byRow.get(r);
    if (weightRows.has(r)) continue; // with its metric's row
    if (!o || !oldKeys.has(o.key)) {
      // A blank row, a weights row of no metric above, a metric gone: deleted, and its weights row with it.
      if (o) removed.push({ id: o.id, row: r + 1 });
      for (let i = 0; i < (o?.weightsRow !== null && o ? 2 : 1); i++) {
        slots.push(null);
        lastOld = next++;
      }
      continue;
    }
    const u = byKey.get(o.key)!;
    kept.push({ id: u.id, key: u.key, from: r + 1 });
    slots.push(u);
    rowMap.set(r, next);
    lastOld = next++;
    if (u.weights) {
      if (o.weightsRow === null) inserted.push(next);
      else {
        rowMap.set(o.weightsRow, next);
        lastOld = next;
      }
      next++;
    } else if (o.weightsRow !== null) {
      slots.push(null);
      lastOld = next++;
    }
    insert(below.get(o.key));
  }
  // Rows written below the old tab's last row need no insert.
  return { slots, insertRows: runsOf(inserted.filter((row) => row < lastOld)), kept, removed, rowMap };
}

/** What an existing generated Targets tab holds where: the cells its generation writes, and the others. */
interface TabShape {
  /** 0-based row of the header. */
  headerIndex: number;
  rows: number;
  columns: number;
  /** Per column (0-based): its header is one the generation writes (a template header, a month). */
  generated: boolean[];
  /** Per row (0-based) below the header: the kind of row its Row cell names, or undefined (a row someone added). */
  kinds: ('target' | 'weights' | undefined)[];
  /** 0-based columns of the As of header, the first column after the months, the first month; -1 when none. */
  asOfColumn: number;
  afterMonths: number;
  firstMonth: number;
  /** Whether the generation leaves a cell (0-based) of a metric's row blank (columnsLeftBlank), for its metric now. */
  leftBlank: (r: number, c: number) => boolean;
}

/**
 * The to-date and helper columns (keys) the generation leaves blank on a metric's row: what a threshold, a level or
 * a milestone has no use for, and without an Actuals tab what reads it. buildTargetsSheet writes '' there (a test
 * checks the two agree); anything in such a cell was typed by someone.
 */
export function columnsLeftBlank(type: MetricType, hasActuals: boolean): Set<string> {
  const out = new Set<string>();
  if (!hasActuals) for (const key of ['actualToDate', 'status', 'checkedIn']) out.add(key);
  if (!hasActuals && type === 'threshold') out.add('attainment');
  if (!hasActuals || (type !== 'level' && type !== 'threshold')) out.add('latestCheckIn');
  if (type !== 'threshold') out.add('meetsBar');
  return out;
}

function tabShape(grid: Grid, plan: Plan): TabShape | null {
  const layout = plan.layout.targets;
  if (!layout) return null;
  const headerIndex = layout.headerRow - 1;
  const header = Array.isArray(grid[headerIndex]) ? grid[headerIndex] : [];
  const columns = grid.reduce((most, row) => Math.max(most, Array.isArray(row) ? row.length : 0), 0);
  const months = new Set(Object.values(plan.targets?.monthColumns ?? {}));
  const labels = [...tabDef('targets').columns.map((c) => c.label), ...headersAfterMonths()];
  const is = (cell: Cell, label: Localized) => typeof cell === 'string' && matchesLabel(cell, label, false);
  const generated = Array.from(
    { length: columns },
    (_, c) => months.has(c + 1) || labels.some((label) => is(header[c], label)),
  );
  const kindColumn = layout.columns.row;
  const kinds = grid.map((row, r) => {
    if (r <= headerIndex || kindColumn === undefined || !Array.isArray(row)) return undefined;
    const kind = matchEnum('targetsRow', cellText(row[kindColumn - 1]));
    return kind === 'target' || kind === 'weights' ? kind : undefined;
  });
  // Per metric ID (lower case), the columns its row leaves blank; a metric no longer in the plan (its row goes):
  // every column some row leaves blank.
  const hasActuals = actualsReadByFormulas(plan);
  const blankKeys = new Map<string, Set<string>>();
  for (const kpi of plan.kpis) blankKeys.set(kpi.id.toLowerCase(), columnsLeftBlank('threshold', hasActuals));
  for (const kr of plan.keyResults) blankKeys.set(kr.id.toLowerCase(), columnsLeftBlank(kr.type, hasActuals));
  const anyBlank = new Set(
    (['cumulative', 'level', 'threshold', 'milestone'] as const).flatMap((t) => [
      ...columnsLeftBlank(t, false),
    ]),
  );
  const keyOf = header.map((cell) => {
    const c = [...TARGETS_SUMMARY_COLUMNS, ...TARGETS_HELPER_COLUMNS].find((col) => is(cell, col.label));
    return c?.key;
  });
  const idColumn = layout.columns.id;
  const rowBlank = new Map<number, Set<string>>();
  const leftBlank = (r: number, c: number) => {
    const key = keyOf[c];
    if (!key || kinds[r] !== 'target' || idColumn === undefined) return false;
    let blank = rowBlank.get(r);
    if (!blank) {
      const row = Array.isArray(grid[r]) ? grid[r] : [];
      blank =
        blankKeys.get(
          cellText(row[idColumn - 1] ?? '')
            .trim()
            .toLowerCase(),
        ) ?? anyBlank;
      rowBlank.set(r, blank);
    }
    return blank.has(key);
  };
  return {
    leftBlank,
    headerIndex,
    rows: grid.length,
    columns,
    generated,
    kinds,
    asOfColumn: header.findIndex((cell) => is(cell, TARGETS_AS_OF.label)),
    afterMonths: header.findIndex((cell) => is(cell, TARGETS_SUMMARY_COLUMNS[0].label)),
    firstMonth: months.size ? Math.min(...months) - 1 : -1,
  };
}

/**
 * Whether a cell (0-based) is the tab's own: in a column and a row the generation writes, and not one of the cells
 * it leaves blank there (the As of column below its date; on a weights row, everything after the months).
 */
function generatedCell(shape: TabShape, r: number, c: number): boolean {
  const kind = shape.kinds[r];
  return (
    (r === shape.headerIndex || kind !== undefined) &&
    shape.generated[c] &&
    (c !== shape.asOfColumn || r <= shape.headerIndex + 1) &&
    !(kind === 'weights' && shape.afterMonths >= 0 && c >= shape.afterMonths)
  );
}

/**
 * The cells of an existing generated Targets tab that the generation did not write: a column someone added, after
 * the tab's last one or inside it (its header is none the template writes, nor a month: "Comment" after Status,
 * 備註 after Name), a row someone added (its Row cell names no kind of row: a total, a note; or a title above the
 * header), a cell the generation leaves blank (below the as-of date, after a weights row's months), and what was
 * typed in any of them: a value, or a formula (`formulaAt`, 1-based, '' where there is none), also one that shows
 * nothing (`=IF(A2="zzz","x","")`). Decompose clears the tab to rebuild it, so these would be lost: it lists them
 * instead and changes nothing (cells typed over a formula of the tab are in its own cells: a month's figure is kept by
 * the rebuild, buildTargetsSheet's typedKept, and the other formulas restored). A1 ranges, column by column ("AI1:AI9", "A12").
 */
export function handTypedCells(
  grid: Grid,
  plan: Plan,
  formulaAt: (row: number, column: number) => string = () => '',
  notes: readonly (readonly string[])[] = [],
  ownFormula: (row: number, column: number, formula: string) => boolean = () => true,
): string[] {
  const shape = tabShape(grid, plan);
  if (!shape) return [];
  // Rows (1-based) typed by hand, per column (0-based). Rows above the header (a title) are never the tab's.
  const typed = new Map<number, number[]>();
  for (let r = 0; r < Math.max(grid.length, notes.length); r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    for (let c = 0; c < Math.max(shape.columns, notes[r]?.length ?? 0); c++) {
      const note = !!notes[r]?.[c];
      const generated = generatedCell(shape, r, c);
      if (generated && !shape.leftBlank(r, c)) continue;
      if (generated) {
        // A cell the generation leaves blank on this row ("Latest check-in" of an amount): a value typed there, or a
        // note, or a formula someone typed. A formula the tab itself wrote when the metric was of another type
        // (ownFormula) is not theirs: the rebuild clears it as it should.
        const formula = formulaAt(r + 1, c + 1);
        if (!note && (formula ? ownFormula(r + 1, c + 1, formula) : isBlank(row[c] ?? ''))) continue;
      } else if (!note && isBlank(row[c] ?? '') && !formulaAt(r + 1, c + 1)) continue;
      const rows = typed.get(c) ?? [];
      rows.push(r + 1);
      typed.set(c, rows);
    }
  }
  const out: string[] = [];
  for (const [c, rows] of [...typed].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      out.push(i === j ? a1(rows[i], c + 1) : `${a1(rows[i], c + 1)}:${a1(rows[j], c + 1)}`);
      i = j + 1;
    }
  }
  return out;
}

/**
 * Whether a formula in a cell (1-based) of the old tab `previous` is one the generation writes in that column: the
 * same as a formula `built` (the tab rebuilt from the plan) has in the column of the same header, but for its row
 * numbers, or one showing #REF! (the tab's own, pointing at a plan cell since deleted). A helper cell a row leaves
 * blank holds such a formula when its metric was of another type; anything else there someone typed, and a rebuild
 * must not clear it without a word. Rows of the tab's own helpers differ only in their row numbers, so the digits
 * are compared as one, and "," and ";" between arguments too, and a sheet name with or without quotes (the tab is
 * written with ";" and 'Actuals'; Sheets gives a formula back in its locale's syntax, without quotes it needs not).
 */
export function generatedFormulaTest(
  built: TargetsSheet,
  previous: Grid,
  plan: Plan,
): (row: number, column: number, formula: string) => boolean {
  const columnTo = previousColumns(previous, plan, built.months, built.firstMonthColumn);
  const shapes = new Map<number, Set<string>>();
  const shapeOf = (formula: string) =>
    formula
      .replace(/\d+/g, '#')
      .replace(/[\s']+/g, '')
      .replace(/;/g, ',');
  return (_row, column, formula) => {
    if (formula.includes('#REF!')) return true;
    const to = columnTo[column - 1];
    if (to === null || to === undefined) return false;
    let known = shapes.get(to);
    if (!known) {
      known = new Set(
        built.rows
          .slice(1)
          .map((row) => row[to - 1])
          .filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='))
          .map(shapeOf),
      );
      shapes.set(to, known);
    }
    return known.has(shapeOf(formula));
  };
}

/** A block of cells, 1-based. */
export interface CellBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Where a formula on an existing generated Targets tab is the person's, not the generation's: every cell that
 * handTypedCells looks at (the columns someone added, the rows someone added or above the header, the As of
 * column below its date, a weights row after its months) and the weights rows' months, as blocks, so that their
 * formulas can be read (Range.getFormulas) without the formula text of the generated table: at 10,000 key results
 * that is about 60 MB, where these blocks hold no generated formula. Blocks may overlap.
 */
export function formulaBlocks(grid: Grid, plan: Plan): CellBlock[] {
  const shape = tabShape(grid, plan);
  if (!shape || shape.rows === 0 || shape.columns === 0) return [];
  const blocks: CellBlock[] = [];
  /** Each run of consecutive indexes in [0, count) where `take` holds, as [first, length]. */
  const runs = (count: number, take: (i: number) => boolean): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      if (!take(i)) continue;
      let j = i;
      while (j + 1 < count && take(j + 1)) j++;
      out.push([i, j - i + 1]);
      i = j;
    }
    return out;
  };
  for (const [c, n] of runs(shape.columns, (c) => !shape.generated[c]))
    blocks.push({ row: 1, column: c + 1, rows: shape.rows, columns: n });
  const added = (r: number) => r !== shape.headerIndex && shape.kinds[r] === undefined;
  for (const [r, n] of runs(shape.rows, added))
    blocks.push({ row: r + 1, column: 1, rows: n, columns: shape.columns });
  const weightsFrom = shape.firstMonth >= 0 ? shape.firstMonth : shape.afterMonths;
  if (weightsFrom >= 0)
    for (const [r, n] of runs(shape.rows, (r) => shape.kinds[r] === 'weights'))
      blocks.push({ row: r + 1, column: weightsFrom + 1, rows: n, columns: shape.columns - weightsFrom });
  // Cells the generation leaves blank on a metric's row that hold something: typed, or the tab's formula of when
  // the metric was of another type (handTypedCells).
  for (let r = 0; r < shape.rows; r++) {
    const row = Array.isArray(grid[r]) ? grid[r] : [];
    for (let c = 0; c < shape.columns; c++)
      if (!isBlank(row[c] ?? '') && shape.leftBlank(r, c))
        blocks.push({ row: r + 1, column: c + 1, rows: 1, columns: 1 });
  }
  const belowAsOf = shape.headerIndex + 3;
  if (shape.asOfColumn >= 0 && shape.rows >= belowAsOf)
    blocks.push({
      row: belowAsOf,
      column: shape.asOfColumn + 1,
      rows: shape.rows - belowAsOf + 1,
      columns: 1,
    });
  return blocks;
}

/** Letters of a column ("AB") as its number (28). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * A formula moved by `rows` and `columns`, as Sheets moves one copied there: each reference to a cell of its own tab
 * (no sheet name) moves by as much, except the parts fixed with "$" (`=H5` moved down one is `=H6`; `=$H$5` stays).
 * A reference to another tab (`Seasonality!B2`, `'Q1 plan'!B2`) stays as typed: it names a table that does not move
 * with the Targets tab's rows. Text in quotes, function names (`LOG10(`) and numbers (`1E5`) are left alone; a
 * reference moved off the sheet becomes #REF!, as in Sheets.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if ((rows === 0 && columns === 0) || !formula.startsWith('=')) return formula;
  const reference = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
  let out = '';
  /** The reference that comes next is on another tab: after "Sheet!", and a range's second cell after "Sheet!B2:". */
  let otherTab = false;
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    let token: string;
    if (ch === '"' || ch === "'") {
      // Text, or a quoted sheet name: up to its closing quote (a doubled quote is one character of it).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch))
        j += formula[j] === ch ? 2 : 1;
      token = formula.slice(i, j + 1);
    } else {
      token = /^[A-Za-z0-9_.$]+/.exec(formula.slice(i))?.[0] ?? ch;
    }
    const next = formula[i + token.length] ?? '';
    const ref = reference.exec(token);
    if (ref && next !== '(' && next !== '!') {
      const [, fixedColumn, letters, fixedRow, digits] = ref;
      const row = fixedRow ? Number(digits) : Number(digits) + rows;
      const column = fixedColumn ? columnNumber(letters) : columnNumber(letters) + columns;
      if (otherTab) out += token;
      else if (row < 1 || column < 1) out += '#REF!';
      else out += `${fixedColumn}${fixedColumn ? letters : columnLetter(column)}${fixedRow}${row}`;
      otherTab = otherTab && next === ':';
    } else {
      out += token;
      // A sheet name, then "!": what follows is on that tab. "!" and ":" keep the state; anything else ends it.
      if (next === '!' && token !== '!') otherTab = true;
      else if (token !== '!' && token !== ':') otherTab = false;
    }
    i += token.length;
  }
  return out;
}
