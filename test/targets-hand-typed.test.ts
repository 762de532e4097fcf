/**
 * What a rebuild of the Targets tab must not lose, in shared/targets-sheet.ts: where a formula would be the
 * person's (formulaBlocks, read before the rebuild without the generated table's formula text), and a weight's
 * formula moved to the cell the rebuilt tab gives it (shiftFormula).
 */
import { describe, expect, it } from 'vitest';
import {
  buildTargetsSheet,
  columnsLeftBlank,
  exampleWorkbook,
  formulaBlocks,
  handTypedCells,
  isoToSerial,
  parsePlan,
  shiftFormula,
  tabDef,
  TARGETS_HELPER_COLUMNS,
  TARGETS_SUMMARY_COLUMNS,
  type Cell,
  type Workbook,
} from '../shared';
import { planWithKeyResults } from './helpers/addon';

/** A plan's workbook with its generated Targets tab (KR2 custom-phased, so it has a weights row). */
function withTargets(workbook: Workbook): { workbook: Workbook; grid: Cell[][] } {
  const krs = workbook['Key Results'];
  krs[2][(krs[0] as string[]).indexOf('Phasing')] = 'custom';
  const { plan } = parsePlan(workbook);
  const sheet = buildTargetsSheet(plan, { lang: 'en', date: isoToSerial, asOf: '2026-06-30' })!;
  const grid = sheet.rows.map((row) => [...row]);
  return { workbook: { ...workbook, [tabDef('targets').label.en]: grid }, grid };
}

const colLetter = (column: number) => String.fromCharCode(64 + column);
const blocksOf = (workbook: Workbook, grid: Cell[][]) => formulaBlocks(grid, parsePlan(workbook).plan);
const cells = (blocks: { rows: number; columns: number }[]) =>
  blocks.reduce((sum, b) => sum + b.rows * b.columns, 0);

describe('formulaBlocks', () => {
  it("covers, on a tab as generated, the weights row and the As of column below its date: none of the tab's formulas", () => {
    const { workbook, grid } = withTargets(exampleWorkbook('en', { date: isoToSerial }));
    const width = grid[0].length;
    const weightsRow = grid.findIndex((r) => r[0] === 'KR2' && r[1] === 'weights') + 1;
    const asOf = width;
    expect(blocksOf(workbook, grid)).toEqual([
      { row: weightsRow, column: 5, rows: 1, columns: width - 4 },
      { row: 3, column: asOf, rows: grid.length - 2, columns: 1 },
    ]);
  });

  it('adds a column inserted inside the table, a row inserted between two key results, and what is after the table', () => {
    const { workbook, grid } = withTargets(exampleWorkbook('en', { date: isoToSerial }));
    const status = (grid[0] as string[]).indexOf('Status');
    for (const row of grid) row.splice(status + 1, 0, '');
    grid[0][status + 1] = 'Comment';
    grid.splice(
      4,
      0,
      grid[0].map(() => ''),
    );
    for (const row of grid) row.push('');
    const width = grid[0].length;
    const blocks = blocksOf(workbook, grid);
    expect(blocks).toContainEqual({ row: 1, column: status + 2, rows: grid.length, columns: 1 });
    expect(blocks).toContainEqual({ row: 1, column: width, rows: grid.length, columns: 1 });
    expect(blocks).toContainEqual({ row: 5, column: 1, rows: 1, columns: width });
    // Whatever is typed in those blocks is the person's.
    grid[1][status + 1] = 'stretch';
    expect(handTypedCells(grid, parsePlan(workbook).plan)).toEqual([
      `${colLetter(status + 2)}1:${colLetter(status + 2)}2`,
    ]);
    const formulaIn = (row: number, column: number) =>
      row === 5 && column === 3 ? '=IF(A2="zzz","x","")' : '';
    expect(handTypedCells(grid, parsePlan(workbook).plan, formulaIn)).toEqual([
      'C5',
      `${colLetter(status + 2)}1:${colLetter(status + 2)}2`,
    ]);
  });

  it('holds none of the formulas of a 1,000-key-result tab as generated, so their text is not read', () => {
    const { workbook, grid } = withTargets(planWithKeyResults(1000));
    const blocks = blocksOf(workbook, grid);
    const formulas = blocks.flatMap((b) =>
      grid
        .slice(b.row - 1, b.row - 1 + b.rows)
        .flatMap((row) => row.slice(b.column - 1, b.column - 1 + b.columns))
        .filter((cell) => typeof cell === 'string' && cell.startsWith('=')),
    );
    expect(formulas).toEqual([]);
    // 1,034 cells of 35,175: the weights row and the As of column.
    expect(cells(blocks)).toBe(31 + grid.length - 2);
  });
});

describe('columnsLeftBlank', () => {
  it('names exactly the to-date and helper cells the generation leaves blank, for every type, with and without Actuals', () => {
    for (const actuals of [true, false]) {
      const workbook = exampleWorkbook('en', { date: isoToSerial });
      if (!actuals) delete workbook.Actuals;
      const { plan } = parsePlan(workbook);
      const sheet = buildTargetsSheet(plan, { lang: 'en', date: isoToSerial })!;
      const keys = [...TARGETS_SUMMARY_COLUMNS, ...TARGETS_HELPER_COLUMNS].map((c) => c.key);
      const first = sheet.firstMonthColumn + sheet.months.length - 1;
      const types = new Map<string, string>([
        ...plan.keyResults.map((kr) => [kr.id, kr.type] as const),
        ...plan.kpis.map((kpi) => [kpi.id, 'threshold'] as const),
      ]);
      expect(new Set(types.values())).toEqual(new Set(['cumulative', 'level', 'threshold', 'milestone']));
      for (const [id, row] of Object.entries(sheet.targetRows)) {
        const blank = keys.filter((_, i) => sheet.rows[row - 1][first + i] === '');
        expect([...columnsLeftBlank(types.get(id) as never, actuals)].sort(), `${id} ${actuals}`).toEqual(
          blank.sort(),
        );
      }
    }
  });
});

describe('shiftFormula', () => {
  it('moves the references to cells of its own tab, as a formula copied there, and keeps those to another tab', () => {
    expect(shiftFormula('=2*1', 1, 0)).toBe('=2*1');
    expect(shiftFormula('=Seasonality!B2', 1, -2)).toBe('=Seasonality!B2');
    expect(shiftFormula("='Q1 plan'!B2:B5*H5", 1, 0)).toBe("='Q1 plan'!B2:B5*H6");
    expect(shiftFormula('=Q1!B2+Q1', 1, 0)).toBe('=Q1!B2+Q2');
    expect(shiftFormula('=SUM(E5:P5)/$E$5+E$5+$E5', 2, 1)).toBe('=SUM(F7:Q7)/$E$5+F$5+$E7');
    expect(shiftFormula('=H5', -3, -2)).toBe('=F2');
  });

  it('leaves text, function names and numbers alone, and says #REF! for a reference moved off the sheet', () => {
    expect(shiftFormula('="H5"&LOG10(H5)+1E5', 1, 0)).toBe('="H5"&LOG10(H6)+1E5');
    expect(shiftFormula("='it''s'!A1+A1", 1, 0)).toBe("='it''s'!A1+A2");
    expect(shiftFormula('=H5', -5, 0)).toBe('=#REF!');
    expect(shiftFormula('=H5', 0, 0)).toBe('=H5');
    expect(shiftFormula('H5', 1, 0)).toBe('H5');
  });
});
