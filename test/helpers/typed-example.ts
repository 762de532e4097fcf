/** The example plan with cells typed over as a person would, read back through a real .xlsx as the CLI reads it. */
import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  type Cell,
  type PlanIssue,
  type Workbook,
} from '../../shared';
import { columnDef, tabDef, type Lang, type TabKey } from '../../shared/template';
import { setCell } from './edit';
import { throughXlsx } from './xlsx';

/** The example of `lang` with each cell of `edits` typed (tab, row ID, column key, value), through an .xlsx. */
export async function checked(lang: Lang, edits: [TabKey, string, string, Cell][]) {
  const wb: Workbook = exampleWorkbook(lang);
  for (const [tab, id, column, value] of edits)
    setCell(wb, tabDef(tab).label[lang], id, columnDef(tab, column).label[lang], value);
  return analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
}

/** Each issue as its code and cell: what two readings of a plan are compared by. */
export const codes = (issues: PlanIssue[]) => issues.map((i) => `${i.code}@${i.sheet}!${i.a1}`);
