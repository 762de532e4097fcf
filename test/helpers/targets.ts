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
