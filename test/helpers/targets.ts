/**
 * The example workbook with its Targets tab as a spreadsheet holds it after recalculation: the tab Decompose writes,
 * evaluated by HyperFormula, kept as the values its formulas computed (a workbook saved with its results). `edit`:
 * what is changed in the example before the tab is built; change the plan after to make the tab out of date.
 */
import {
  buildTargetsSheet,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  tabDef,
  TARGETS_AS_OF,
  TARGETS_SUMMARY_COLUMNS,
  type IsoDate,
  type Workbook,
} from '../../shared';
import { evaluateWorkbook } from './hyperformula';

export function workbookWithTargets(edit?: (wb: Workbook) => void) {
  const wb = exampleWorkbook('en', { date: isoToSerial });
  edit?.(wb);
  const sheet = buildTargetsSheet(parsePlan(wb).plan, {
    lang: 'en',
    date: isoToSerial,
    asOf: EXAMPLE_AS_OF,
  })!;
  const { values } = evaluateWorkbook({ ...wb, Targets: sheet.rows });
  wb['Targets'] = values('Targets').map((row) =>
    row.map((v) => (v === null || typeof v === 'object' ? '' : (v as string | number | boolean))),
  );
  return {
    wb,
    sheet,
    targetRows: sheet.targetRows,
    firstMonthColumn: sheet.firstMonthColumn,
    asOfCell: sheet.asOfCell,
  };
}

/**
 * The Targets tab Decompose writes for `workbook`'s plan as of `asOf` (dates as serials, as a spreadsheet holds
 * them), evaluated by HyperFormula with its As of cell named as the writers name it: `summary(id, key)` is a
 * metric's summary cell (status, actualToDate …) as the tab shows it.
 */
export function evaluatedTargets(workbook: Workbook, asOf: IsoDate) {
  const { plan } = parsePlan(workbook);
  const sheet = buildTargetsSheet(plan, { lang: 'en', date: isoToSerial, asOf })!;
  const targetsName = tabDef('targets').label.en;
  const { values } = evaluateWorkbook(
    { ...workbook, [targetsName]: sheet.rows },
    { names: { [TARGETS_AS_OF.name]: { sheet: targetsName, ...sheet.asOfCell } } },
  );
  const grid = values(targetsName);
  const summaryColumn = (key: string) =>
    sheet.firstMonthColumn -
    1 +
    sheet.months.length +
    TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === key);
  const summary = (id: string, key: string) => grid[sheet.targetRows[id] - 1][summaryColumn(key)];
  return { plan, sheet, summary };
}
