/**
 * A Targets tab that no longer says what the plan says is out of date, and the check says so with its Rebuild fix:
 * a KPI's window (the months it fills) other than the plan's, as the tab shows once the KPI is re-pointed to another
 * key result after Decompose; and a Name or Owner the plan has since changed (both are written at Decompose time).
 * The tab here is the one Decompose writes, evaluated by HyperFormula when it was built, and kept as those values
 * (a workbook saved with its results), while the plan is edited after.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, EXAMPLE_AS_OF, parsePlan, type PlanIssue, type Workbook } from '../shared';
import { setCell } from './helpers/edit';
import { workbookWithTargets } from './helpers/targets';

/** The Targets tab's issues, as the sidebar lists them. */
function targetsIssues(wb: Workbook): PlanIssue[] {
  const { plan, issues } = parsePlan(wb);
  return [...issues, ...checkPlan(plan, { asOf: EXAMPLE_AS_OF })].filter((i) => i.sheet === 'Targets');
}

const said = (issues: PlanIssue[]) => issues.map((i) => `${i.code} ${i.a1}: ${i.message.en}`);

describe("the check: a KPI's window on the Targets tab", () => {
  it('says a month the plan fills and the tab leaves blank: KPI1 re-pointed from KR1 (March–August) to KR2', () => {
    const { wb, sheet } = workbookWithTargets();
    setCell(wb, 'KPIs', 'KPI1', 'Key result', 'KR2');
    const row = sheet.targetRows.KPI1;
    expect(said(targetsIssues(wb))).toEqual([
      `targets-mismatch M${row}: The Targets tab shows nothing for KPI1 in 2026-09, but the plan gives 0.05.`,
    ]);
    const issue = targetsIssues(wb)[0];
    expect(issue.message['zh-CN']).toBe('“目标分解”表中 KPI1 在 2026-09 的值为 空白，但按计划应为 0.05。');
    expect(issue.message['zh-TW']).toBe('「目標分解」表中 KPI1 在 2026-09 的值為 空白，但按計畫應為 0.05。');
  });

  it('says a month the tab fills and the plan leaves out: KPI1 re-pointed back to KR1, or to no key result', () => {
    const { wb, sheet } = workbookWithTargets((wb) => setCell(wb, 'KPIs', 'KPI1', 'Key result', 'KR2'));
    setCell(wb, 'KPIs', 'KPI1', 'Key result', 'KR1');
    const row = sheet.targetRows.KPI1;
    expect(said(targetsIssues(wb))).toEqual([
      `targets-mismatch M${row}: The Targets tab shows 0.05 for KPI1 in 2026-09, but the plan gives nothing.`,
    ]);
    // Cleared: the whole period, January and February too, which the tab leaves blank.
    setCell(wb, 'KPIs', 'KPI1', 'Key result', '');
    expect(said(targetsIssues(wb))).toEqual([
      `targets-mismatch E${row}: The Targets tab shows nothing for KPI1 in 2026-01, but the plan gives 0.05.`,
    ]);
  });

  it('says nothing when the tab agrees, nor where a workbook was saved without results (every month blank)', () => {
    expect(targetsIssues(workbookWithTargets().wb)).toEqual([]);
    const { wb, sheet } = workbookWithTargets();
    for (const row of wb.Targets.slice(1))
      for (let c = sheet.firstMonthColumn - 1; c < sheet.firstMonthColumn - 1 + sheet.months.length; c++)
        row[c] = '';
    setCell(wb, 'KPIs', 'KPI1', 'Key result', 'KR2');
    expect(targetsIssues(wb)).toEqual([]);
  });
});

describe('the check: a Name or Owner on the Targets tab', () => {
  it("says an owner the plan has changed since Decompose, at the tab's cell, with the plan's", () => {
    const { wb, sheet } = workbookWithTargets();
    setCell(wb, 'Key Results', 'KR1', 'Owner', 'Marketing');
    expect(said(targetsIssues(wb))).toEqual([
      `targets-text-mismatch D${sheet.targetRows.KR1}: The Targets tab shows "Sales" as the Owner of KR1, but the plan gives "Marketing".`,
    ]);
    const issue = targetsIssues(wb)[0];
    expect(issue.message['zh-CN']).toBe(
      '“目标分解”表中 KR1 的“负责部门”为“Sales”，但按计划应为“Marketing”。',
    );
    expect(issue.message['zh-TW']).toBe(
      '「目標分解」表中 KR1 的「負責部門」為「Sales」，但按計畫應為「Marketing」。',
    );
  });

  it("says a name changed since Decompose, at the tab's cell, with the plan's", () => {
    const { wb, sheet } = workbookWithTargets();
    setCell(wb, 'KPIs', 'KPI2', 'KPI', 'First reply time');
    // Written at Decompose time as text: the old name stays until the tab is rebuilt, and is said.
    expect(said(targetsIssues(wb))).toEqual([
      `targets-text-mismatch C${sheet.targetRows.KPI2}: The Targets tab shows "First response time" as the Name of KPI2, but the plan gives "First reply time".`,
    ]);
  });

  it('says an owner blanked on the tab, but not a blank one in a workbook saved without results', () => {
    const { wb, sheet } = workbookWithTargets();
    const kr2 = wb.Targets[sheet.targetRows.KR2 - 1];
    kr2[3] = '';
    expect(said(targetsIssues(wb))).toEqual([
      `targets-text-mismatch D${sheet.targetRows.KR2}: The Targets tab shows nothing as the Owner of KR2, but the plan gives "Marketing".`,
    ]);
    // No result saved in the row's months (an .xlsx written without them): the blank is no result either.
    for (let c = sheet.firstMonthColumn - 1; c < sheet.firstMonthColumn - 1 + sheet.months.length; c++)
      kr2[c] = '';
    kr2[2] = '';
    expect(targetsIssues(wb)).toEqual([]);
  });
});
