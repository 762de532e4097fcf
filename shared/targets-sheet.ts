/**
 * The generated Targets tab: one row per key result and KPI, one column per month of the period, each month
 * cell a formula over the plan tabs (see decompose.ts), then to-date, attainment and status columns computed
 * by formulas over the Actuals tab. The add-on writes this grid into Google Sheets and `gtm-pyramid example`
 * into an .xlsx, so both recalculate the same way.
 */
import { firstDay, type Month } from './calendar';
import { a1, columnLetter, quoteSheet, textCell, type Cell } from './cells';
import {
  keyResultIndex,
  keyResultSpec,
  kpiSpec,
  monthTargetFormula,
  precisionFor,
  trackedKeyResult,
  type FormulaRefs,
} from './decompose';
import type { Plan, SheetLayout } from './plan';
import { AT_RISK_PACE, ON_TRACK_PACE, STATUS_LABELS } from './progress';
import { ENUMS, TARGETS_SUMMARY_COLUMNS, tabDef, type Lang, type MetricType } from './template';

export interface TargetsSheet {
  /** Rows of cells; formulas are strings starting with "=", month headers come from `date`. */
  rows: Cell[][];
  months: Month[];
  /** 1-based column of the first month. */
  firstMonthColumn: number;
  /** Rows (1-based) holding the user's custom weights, to protect nothing there and keep them on rebuild. */
  weightRows: number[];
  /** Metric ID → 1-based row of its target formulas. */
  targetRows: Record<string, number>;
}

export interface TargetsSheetOptions {
  lang: Lang;
  /** Turns the first day of a month into a header cell (a Date for Sheets/exceljs, a serial for HyperFormula). */
  date: (iso: string) => Cell;
}

const abs = (sheet: string, row: number, column: number) =>
  `${quoteSheet(sheet)}!$${columnLetter(column)}$${row}`;

/**
 * Build the grid. Returns null when the plan lacks what the formulas point at (the period, the Key Results
 * tab's Target/Due columns); the caller shows the plan issues instead.
 */
export function buildTargetsSheet(plan: Plan, options: TargetsSheetOptions): TargetsSheet | null {
  const { lang } = options;
  const period = plan.period;
  const strategy = plan.layout.strategy;
  const krTab = plan.layout.keyResults;
  const periodStartRow = plan.strategy.rows.periodStart;
  const periodEndRow = plan.strategy.rows.periodEnd;
  if (!period || !strategy || !krTab || !periodStartRow || !periodEndRow) return null;
  const need = (layout: SheetLayout, ...keys: string[]) => keys.every((k) => layout.columns[k]);
  if (!need(krTab, 'target', 'due')) return null;

  const fixed = tabDef('targets').columns;
  const months = period.months;
  const firstMonthColumn = fixed.length + 1;
  const lastMonthColumn = fixed.length + months.length;
  const summaryColumn = (key: string) =>
    lastMonthColumn + 1 + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === key);
  const header: Cell[] = [
    ...fixed.map((c) => c.label[lang]),
    ...months.map((m) => options.date(firstDay(m))),
    ...TARGETS_SUMMARY_COLUMNS.map((c) => c.label[lang]),
  ];
  const rows: Cell[][] = [header];
  const weightRows: number[] = [];
  const targetRows: Record<string, number> = {};
  const headerRange = `$${columnLetter(firstMonthColumn)}$1:$${columnLetter(lastMonthColumn)}$1`;
  const periodStart = abs(strategy.sheet, periodStartRow, strategy.columns.value);
  const periodEnd = abs(strategy.sheet, periodEndRow, strategy.columns.value);
  const cellOr = (layout: SheetLayout, row: number, key: string, fallback: string) =>
    layout.columns[key] ? abs(layout.sheet, row, layout.columns[key]) : fallback;
  const actuals = plan.layout.actuals;
  const kind = (k: keyof typeof ENUMS.targetsRow) => ENUMS.targetsRow[k][lang];

  const addMetric = (
    id: string,
    name: string,
    owner: string,
    type: MetricType,
    precision: number,
    refs: Omit<FormulaRefs, 'month' | 'weights' | 'header'>,
    custom: boolean,
  ) => {
    const rowNumber = rows.length + 1;
    const weightsRow = custom ? rowNumber + 1 : null;
    targetRows[id] = rowNumber;
    const monthRange = (row: number) =>
      `$${columnLetter(firstMonthColumn)}$${row}:$${columnLetter(lastMonthColumn)}$${row}`;
    const monthCells = months.map((_, i) =>
      monthTargetFormula(
        { type, precision },
        {
          ...refs,
          month: `${columnLetter(firstMonthColumn + i)}$1`,
          ...(weightsRow ? { weights: monthRange(weightsRow), header: headerRange } : {}),
        },
      ),
    );
    rows.push([
      textCell(id),
      kind('target'),
      textCell(name),
      textCell(owner),
      ...monthCells,
      ...summaryFormulas(type, id, rowNumber, monthRange(rowNumber), refs),
    ]);
    if (weightsRow) {
      weightRows.push(weightsRow);
      const kept = plan.targets?.weights[id] ?? {};
      rows.push([
        textCell(id),
        kind('weights'),
        textCell(name),
        textCell(owner),
        ...months.map((m) => kept[m] ?? ''),
        ...TARGETS_SUMMARY_COLUMNS.map(() => ''),
      ]);
    }
  };

  /** To-date columns: "to date" means through the last completed month, as the progress core counts it. */
  const summaryFormulas = (
    type: MetricType,
    id: string,
    row: number,
    monthsOfRow: string,
    refs: { target: string; baseline: string },
  ): Cell[] => {
    if (!actuals || !need(actuals, 'date', 'metric', 'value')) return TARGETS_SUMMARY_COLUMNS.map(() => '');
    const col = (key: string) =>
      `${quoteSheet(actuals.sheet)}!$${columnLetter(actuals.columns[key])}:$${columnLetter(actuals.columns[key])}`;
    const [date, metric, value] = [col('date'), col('metric'), col('value')];
    const thisMonth = 'DATE(YEAR(TODAY()),MONTH(TODAY()),1)';
    const idCell = `$A${row}`;
    const T = refs.target;
    const B = refs.baseline;
    const targetToDate = a1(row, summaryColumn('targetToDate'));
    const actualToDate = a1(row, summaryColumn('actualToDate'));
    const attainment = a1(row, summaryColumn('attainment'));
    const latestBefore = `SUMIFS(${value},${metric},${idCell},${date},MAXIFS(${date},${metric},${idCell},${date},"<"&${thisMonth}))`;
    const anyBefore = `COUNTIFS(${metric},${idCell},${date},"<"&${thisMonth})`;
    const lastMonthTarget = `SUMIFS(${monthsOfRow},${headerRange},EDATE(${thisMonth},-1))`;
    const label = (s: keyof typeof STATUS_LABELS) => `"${STATUS_LABELS[s][lang]}"`;
    let cells: [string, string, string];
    switch (type) {
      case 'cumulative':
        cells = [
          `=SUMIFS(${monthsOfRow},${headerRange},"<"&${thisMonth})`,
          `=SUMIFS(${value},${metric},${idCell},${date},"<"&${thisMonth})`,
          `=IF((${T}-${B})=0,"",MAX(0,${actualToDate}/(${T}-${B})))`,
        ];
        break;
      case 'level':
        cells = [
          `=${lastMonthTarget}`,
          `=IF(${anyBefore}=0,"",${latestBefore})`,
          `=IF(OR(${actualToDate}="",(${T}-${B})=0),"",MAX(0,(${actualToDate}-${B})/(${T}-${B})))`,
        ];
        break;
      case 'threshold':
        cells = [`=${T}`, `=IF(${anyBefore}=0,"",${latestBefore})`, '=""'];
        break;
      case 'milestone':
        cells = [
          `=${lastMonthTarget}`,
          `=IF(COUNTIFS(${metric},${idCell},${value},">=1")>0,1,0)`,
          `=${actualToDate}`,
        ];
        break;
    }
    const expected =
      type === 'cumulative'
        ? `(${targetToDate}/(${T}-${B}))`
        : type === 'level'
          ? `((${targetToDate}-${B})/(${T}-${B}))`
          : targetToDate;
    const status =
      type === 'threshold'
        ? '=""'
        : `=IF(${attainment}="","",IF(${attainment}>=1,${label('done')},IF(${expected}<=0,${label('not-started')},` +
          `IF(${attainment}/${expected}>=${ON_TRACK_PACE},${label('on-track')},IF(${attainment}/${expected}>=${AT_RISK_PACE},${label('at-risk')},${label('off-track')})))))`;
    return [...cells, status];
  };

  for (const kr of plan.keyResults) {
    const spec = keyResultSpec(kr, plan);
    const row = kr.row;
    addMetric(
      kr.id,
      kr.title,
      kr.owner,
      kr.type,
      spec?.precision ??
        precisionFor(kr.type, kr.unit, kr.target ?? 0, kr.baseline, plan.strategy.values.currency),
      {
        target: abs(krTab.sheet, row, krTab.columns.target),
        baseline: cellOr(krTab, row, 'baseline', '0'),
        start: cellOr(krTab, row, 'start', periodStart),
        periodStart,
        due: abs(krTab.sheet, row, krTab.columns.due),
        phasing: cellOr(krTab, row, 'phasing', `"${ENUMS.phasing.even.en}"`),
      },
      kr.phasing === 'custom' && (kr.type === 'cumulative' || kr.type === 'level'),
    );
  }
  const kpiTab = plan.layout.kpis;
  if (kpiTab && need(kpiTab, 'target')) {
    const index = keyResultIndex(plan);
    for (const kpi of plan.kpis) {
      if (!kpiSpec(kpi, plan, index)) continue;
      const kr = trackedKeyResult(kpi, plan, index);
      addMetric(
        kpi.id,
        kpi.name,
        kpi.owner,
        'threshold',
        4,
        {
          target: abs(kpiTab.sheet, kpi.row, kpiTab.columns.target),
          baseline: '0',
          start: kr ? cellOr(krTab, kr.row, 'start', periodStart) : periodStart,
          periodStart,
          due: kr ? abs(krTab.sheet, kr.row, krTab.columns.due) : periodEnd,
          phasing: `"${ENUMS.phasing.even.en}"`,
        },
        false,
      );
    }
  }
  return { rows, months, firstMonthColumn, weightRows, targetRows };
}
