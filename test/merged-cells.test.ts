import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { PlanCheck } from '../apps-script/server/plan-check';
import { readXlsxBuffer } from '../report/read-xlsx';
import { exampleXlsxBuffer } from '../report/write-xlsx';
import { examplePlan } from '../sandbox/plans';
import { fillMergedCells, mergedRangeFromA1, type Grid } from '../shared/cells';
import { parsePlan, tabDef, type Plan } from '../shared';
import { loadAddon } from './helpers/addon';
import { exceljsGrid } from './helpers/exceljs-grid';
import { runCli, tempDir } from './helpers/report';

describe('fillMergedCells', () => {
  it('gives every cell of a merged block the value of its top-left cell', () => {
    const grid: Grid = [
      ['Objective', 'KR'],
      ['O1', 'KR1'],
      ['', 'KR2'],
      ['', 'KR3'],
      ['O2', 'KR4'],
    ];
    fillMergedCells(grid, [{ top: 2, left: 1, bottom: 4, right: 1 }]);
    expect(grid.map((row) => row[0])).toEqual(['Objective', 'O1', 'O1', 'O1', 'O2']);
  });

  it('reads a block from its A1 notation, as .xlsx files and getA1Notation() write it', () => {
    expect(mergedRangeFromA1('A2:A4')).toEqual({ top: 2, left: 1, bottom: 4, right: 1 });
    expect(mergedRangeFromA1('AB10:AA3')).toEqual({ top: 3, left: 27, bottom: 10, right: 28 });
    expect(mergedRangeFromA1('$C$5')).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(mergedRangeFromA1('Plan!A1:B2')).toBeUndefined();
  });

  it('extends short rows, and a block with a blank top-left cell reads blank, whatever its hidden cells hold', () => {
    const grid: Grid = [['a'], [], [''], ['hidden O2', 'KR2'], [5, 'KR3', 'x']];
    fillMergedCells(grid, [
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 1, bottom: 5, right: 1 },
    ]);
    expect(grid).toEqual([['a', 'a'], ['a', 'a'], [''], ['', 'KR2'], ['', 'KR3', 'x']]);
  });
});

/**
 * The example plan with its Objective cells merged over the three key results of O1 (a common way to group rows):
 * Sheets and Excel keep "O1" in the top cell only and read the two below as blank. Every reader fills the block,
 * so KR2 and KR3 keep objective O1 and the plan checks exactly as the unmerged example does.
 */
describe('Objective cells merged over three key-result rows', () => {
  const krTab = tabDef('keyResults').label.en;
  const objectiveColumn = tabDef('keyResults').columns.findIndex((c) => c.key === 'objective') + 1;
  const idColumn = tabDef('keyResults').columns.findIndex((c) => c.key === 'id') + 1;
  const objectiveOf = (plan: Plan, id: string) => plan.keyResults.find((k) => k.id === id)?.objectiveId;
  const issueKeys = (issues: { sheet: string; a1: string | null; code: string }[]) =>
    issues.map((i) => `${i.sheet}|${i.a1}|${i.code}`).sort();

  /** Rows (1-based) of KR1..KR3 on the Key Results tab of a grid. */
  const rowsOfO1 = (grid: Grid) =>
    ['KR1', 'KR2', 'KR3'].map((id) => grid.findIndex((row) => row[idColumn - 1] === id) + 1);

  async function exampleXlsx(merge: boolean): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exampleXlsxBuffer('en')) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(krTab)!;
    const rows = [1, 2, 3].map((i) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, idColumn).value === `KR${i}`) return r;
      throw new Error(`KR${i} not found`);
    });
    expect(rows[2] - rows[0]).toBe(2); // three rows in a row, as people merge them
    for (const r of rows.slice(1)) sheet.getCell(r, objectiveColumn).value = null;
    if (merge) sheet.mergeCells(rows[0], objectiveColumn, rows[2], objectiveColumn);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('in an .xlsx: KR2 and KR3 keep objective O1 (parsePlan and check --json)', async () => {
    const dir = tempDir('merged');
    try {
      const merged = await readXlsxBuffer(await exampleXlsx(true), 'merged.xlsx');
      const { plan } = parsePlan(merged, { timeZone: 'UTC' });
      expect(['KR1', 'KR2', 'KR3'].map((id) => objectiveOf(plan, id))).toEqual(['O1', 'O1', 'O1']);

      // The same cells left blank without the merge: the two key results lose their objective.
      const blank = await readXlsxBuffer(await exampleXlsx(false), 'blank.xlsx');
      expect(objectiveOf(parsePlan(blank, { timeZone: 'UTC' }).plan, 'KR2')).toBe('');

      // The command line sees the plan as the unmerged example.
      writeFileSync(join(dir, 'merged.xlsx'), await exampleXlsx(true));
      writeFileSync(join(dir, 'example.xlsx'), await exampleXlsxBuffer('en'));
      const [mergedRun, exampleRun] = [
        await runCli(['check', 'merged.xlsx', '--json'], dir),
        await runCli(['check', 'example.xlsx', '--json'], dir),
      ];
      const mergedJson = JSON.parse(mergedRun.stdout.join('\n'));
      const exampleJson = JSON.parse(exampleRun.stdout.join('\n'));
      expect(mergedRun.code).toBe(exampleRun.code);
      const keys = (json: { issues: { sheet: string; cell: string | null; code: string }[] }) =>
        json.issues.map((i) => `${i.sheet}|${i.cell}|${i.code}`).sort();
      expect(keys(mergedJson)).toEqual(keys(exampleJson));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the report reads the same cells as the whole-file loader of exceljs, merged blocks filled', async () => {
    const buffer = await exampleXlsx(true);
    const read = await readXlsxBuffer(buffer, 'merged.xlsx');
    expect(read).toEqual(await exceljsGrid(buffer));
    expect(objectiveOf(parsePlan(read, { timeZone: 'UTC' }).plan, 'KR3')).toBe('O1');

    // A package that stores its sheets before xl/workbook.xml (exceljs's in-memory writer, no Targets tab): the
    // parts are found from the zip's directory, wherever they are stored.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    book.removeWorksheet(book.getWorksheet(tabDef('targets').label.en)!.id);
    const withoutTargets = Buffer.from(await book.xlsx.writeBuffer());
    const withoutTargetsRead = await readXlsxBuffer(withoutTargets, 'merged.xlsx');
    expect(withoutTargetsRead).toEqual(await exceljsGrid(withoutTargets));
    expect(objectiveOf(parsePlan(withoutTargetsRead, { timeZone: 'UTC' }).plan, 'KR3')).toBe('O1');
  });

  it('in the add-on: Range.getMergedRanges() fills the block before the plan is checked', () => {
    const prepare = (merge: boolean) => {
      const run = loadAddon({ workbook: examplePlan('en') });
      const sheet = run.ss.getSheetByName(krTab)!;
      const grid = sheet.getDataRange().getValues() as Grid;
      const [first, , last] = rowsOfO1(grid);
      sheet.getRange(first + 1, objectiveColumn, last - first, 1).clearContent();
      if (merge) sheet.getRange(first, objectiveColumn, last - first + 1, 1).merge();
      return run;
    };
    const flat = (check: PlanCheck) => check.groups.flatMap((g) => g.issues);
    const asPlain = loadAddon({ workbook: examplePlan('en') }).run('getPlanCheck') as PlanCheck;

    const merged = prepare(true);
    // What Sheets itself reads: the value in the top cell only, the rest blank.
    const cells = merged.ss.getSheetByName(krTab)!.getDataRange().getValues() as Grid;
    const [first, second, third] = rowsOfO1(cells);
    expect([first, second, third].map((r) => cells[r - 1][objectiveColumn - 1])).toEqual(['O1', '', '']);
    const check = merged.run('getPlanCheck') as PlanCheck;
    expect(merged.emulator.calls.byMethod['Range.getMergedRanges']).toBeGreaterThan(0);
    expect(issueKeys(flat(check))).toEqual(issueKeys(flat(asPlain)));

    // Left blank, not merged: the add-on says KR2 and KR3 have no objective.
    const blank = prepare(false).run('getPlanCheck') as PlanCheck;
    expect(issueKeys(flat(blank))).not.toEqual(issueKeys(flat(asPlain)));
  });
});

describe('the emulator’s merged ranges (Range.merge, getMergedRanges, breakApart)', () => {
  it('keeps the top-left value, lists the blocks a range touches, and moves them with inserted rows', () => {
    const run = loadAddon({
      workbook: {
        Plan: [
          ['a', 'b'],
          ['c', 'd'],
          ['e', 'f'],
        ],
      },
    });
    const sheet = run.ss.getSheetByName('Plan')!;
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['a', ''],
      ['', ''],
      ['e', 'f'],
    ]);
    expect(
      sheet
        .getRange('B2')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    expect(sheet.getRange('A3').getMergedRanges()).toEqual([]);
    expect(() => sheet.getRange('B2:B3').merge()).toThrow(/merged range/);
    sheet.insertRowsBefore(1, 2);
    expect(
      sheet
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A3:B4']);
    sheet.getRange('A3').breakApart();
    expect(sheet.getDataRange().getMergedRanges()).toEqual([]);
  });
});
