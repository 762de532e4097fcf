/**
 * The Targets tab's owner column (負責部門) names each row's department as the report and plan.json do: as the
 * Departments tab spells it (an owner typed 销售 where the tab says 銷售 is 銷售), and a rebuild of a tab written so
 * takes nothing in it for a cell typed by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  buildTargetsSheet,
  ENUMS,
  exampleWorkbook,
  handTypedCells,
  isoToSerial,
  parsePlan,
  type Workbook,
} from '../shared';
import { ownerNameOf } from '../shared/plan-index';
import { setCell } from './helpers/edit';
import { header, setOwner, tabName } from './helpers/report';

const LANG = 'zh-TW';
const TARGET = ENUMS.targetsRow.target[LANG];
const WEIGHTS = ENUMS.targetsRow.weights[LANG];

/** The zh-TW example plan with KR1's and KPI1's owner typed in Simplified (销售: the Departments tab says 銷售). */
function simplifiedOwners(): Workbook {
  const workbook = exampleWorkbook(LANG, { date: isoToSerial });
  setCell(workbook, tabName('keyResults', LANG), 'KR1', header('keyResults', 'owner', LANG), '销售');
  setCell(workbook, tabName('kpis', LANG), 'KPI1', header('kpis', 'owner', LANG), '销售');
  setCell(workbook, tabName('keyResults', LANG), 'KR2', header('keyResults', 'owner', LANG), '');
  return workbook;
}

const build = (workbook: Workbook) => {
  const { plan } = parsePlan(workbook);
  return { plan, sheet: buildTargetsSheet(plan, { lang: LANG, date: isoToSerial, asOf: '2026-06-30' })! };
};

/** The owner column's cells (負責部門), by the row's ID and kind (target, weights). */
function ownersShown(rows: unknown[][]): Record<string, unknown> {
  const column = rows[0].indexOf(header('targets', 'owner', LANG));
  expect(column, 'the owner column').toBeGreaterThanOrEqual(0);
  return Object.fromEntries(rows.slice(1).map((row) => [`${String(row[0])} ${String(row[1])}`, row[column]]));
}

describe('Targets tab: the owner column', () => {
  it('writes 銷售 for a key result and a KPI whose owner is typed 销售 (Departments tab: 銷售); a blank owner stays blank', () => {
    const workbook = simplifiedOwners();
    // A weights row (custom phasing) shows the owner too.
    setCell(
      workbook,
      tabName('keyResults', LANG),
      'KR1',
      header('keyResults', 'phasing', LANG),
      ENUMS.phasing.custom[LANG],
    );
    const { plan, sheet } = build(workbook);
    // The plan keeps the owner as typed; the tab shows it as the department is named.
    expect(plan.keyResults.find((kr) => kr.id === 'KR1')!.owner).toBe('销售');
    const owners = ownersShown(sheet.rows);
    expect(owners[`KR1 ${TARGET}`]).toBe('銷售');
    expect(owners[`KR1 ${WEIGHTS}`]).toBe('銷售');
    expect(owners[`KPI1 ${TARGET}`]).toBe('銷售');
    expect(owners[`KR2 ${TARGET}`]).toBe('');
    expect(Object.values(owners)).not.toContain('销售');
  });

  it('a rebuild over a tab written so finds no cell typed by hand, though the plan spells the owner 销售', () => {
    const workbook = simplifiedOwners();
    const { sheet } = build(workbook);
    const withTab = { ...workbook, [tabName('targets', LANG)]: sheet.rows.map((row) => [...row]) };
    const { plan, issues } = parsePlan(withTab);
    expect(plan.layout.targets, 'the Targets tab is read').toBeTruthy();
    expect(handTypedCells(withTab[tabName('targets', LANG)], plan)).toEqual([]);
    expect(issues.filter((i) => i.sheet === tabName('targets', LANG))).toEqual([]);
    // Built again from the plan that read it: the same cells.
    const again = buildTargetsSheet(plan, { lang: LANG, date: isoToSerial, asOf: '2026-06-30' })!;
    expect(again.rows).toEqual(sheet.rows);
  });
});

describe('ownerNameOf: a row’s owner as every surface names it', () => {
  it('names an owner as the Departments tab spells it, one the tab does not list by its most used spelling, a blank one ""', () => {
    const workbook = exampleWorkbook('en', { date: isoToSerial });
    const owner = (tab: Parameters<typeof setOwner>[1], id: string, name: string) =>
      setOwner(workbook, tab, id, name);
    owner('keyResults', 'KR1', 'sales');
    owner('kpis', 'KPI1', 'SALES');
    owner('keyResults', 'KR2', '');
    // Legal, which the Departments tab does not list: "legal" once, "Legal" twice.
    owner('roadmap', 'R1', 'legal');
    owner('roadmap', 'R2', 'Legal');
    owner('roadmap', 'R3', 'Legal');
    const { plan } = parsePlan(workbook);
    const named = (rows: readonly { id: string; owner: string }[], id: string) =>
      ownerNameOf(
        plan,
        rows.find((r) => r.id === id)!,
      );
    expect(named(plan.keyResults, 'KR1')).toBe('Sales');
    expect(named(plan.kpis, 'KPI1')).toBe('Sales');
    expect(named(plan.keyResults, 'KR2')).toBe('');
    expect(named(plan.roadmap, 'R1')).toBe('Legal');
    // The plan keeps each cell as typed.
    expect(plan.keyResults.find((kr) => kr.id === 'KR1')!.owner).toBe('sales');
  });
});
