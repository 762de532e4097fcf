/**
 * Tabs of more check-ins beside the Actuals tab ("實際 2027", "2027實績", "Actuals (continued)": template.ts
 * moreActualsTab). Only the tab named exactly as the Actuals tab is read, and the Targets tab's formulas read that
 * one too: a second tab's rows count for nothing. They are read here the way the Actuals tab is (same columns, same
 * layouts), only to say so at the tab, with how many rows and which months are left out (extra-actuals-tab), and to
 * keep the plan from asking for a month's check-in those rows already hold (Plan.unreadCheckIns).
 */
import type { Workbook } from './cells';
import { dateAt, metricAt, type CheckInColumns } from './check-in-columns';
import { monthOf, type Month } from './calendar';
import { makeIssue, type PlanIssue } from './issues';
import type { Period } from './plan';
import { moreActualsTab } from './template';

export interface MoreActuals {
  issues: PlanIssue[];
  /** The months (YYYY-MM) of the check-ins those tabs hold, by metric ID in lower case; empty without any. */
  unread: Map<string, Set<Month>>;
}

/**
 * The issues of the tabs of more check-ins in `workbook`, beside the Actuals tab read (`actualsSheet`), each read by
 * `read` (the Actuals tab's reader, its own issues dropped: the tab is not read). A tab counts when it holds a
 * check-in inside the plan's period (any, without one): last year's tab, kept beside this year's, loses nothing.
 */
export function moreActualsIssues(
  workbook: Workbook,
  actualsSheet: string | undefined,
  period: Period | null,
  read: (sheet: string) => CheckInColumns | undefined,
): MoreActuals {
  const out: MoreActuals = { issues: [], unread: new Map() };
  if (actualsSheet === undefined) return out;
  for (const name of Object.keys(workbook)) {
    if (!moreActualsTab(name) || !Array.isArray(workbook[name])) continue;
    const checkIns = read(name);
    if (!checkIns) continue;
    const months = new Set<Month>();
    let first = Infinity;
    let count = 0;
    for (let i = 0; i < checkIns.rows.length; i++) {
      const date = dateAt(checkIns, i);
      if (period && (date < period.start || date > period.end)) continue;
      const month = monthOf(date);
      months.add(month);
      count++;
      first = Math.min(first, checkIns.rows[i]);
      const metric = metricAt(checkIns, i).toLowerCase();
      let held = out.unread.get(metric);
      if (!held) out.unread.set(metric, (held = new Set()));
      held.add(month);
    }
    if (count === 0) continue;
    const sorted = [...months].sort();
    out.issues.push(
      makeIssue(
        'extra-actuals-tab',
        { sheet: name, row: first, column: 1 },
        {
          name,
          tab: actualsSheet,
          count,
          months: sorted.length > 1 ? `${sorted[0]} – ${sorted[sorted.length - 1]}` : sorted[0],
        },
      ),
    );
  }
  return out;
}
