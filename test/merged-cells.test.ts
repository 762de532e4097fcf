import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { PlanCheck } from '../apps-script/server/plan-check';
import { readXlsxBuffer } from '../report/read-xlsx';
import { exampleXlsxBuffer } from '../report/write-xlsx';
import { examplePlan } from '../sandbox/plans';
import { readSpreadsheet } from '../apps-script/server/sheets-adapter';
import { fromWorkbook } from '../emulator/load-bundle';
import { readSheet } from '../report/read-sheets';
import { fillMergedCells, mergedRangeFromA1, type Grid } from '../shared/cells';
import { setNumberFormats } from '../shared/number-formats';
import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  parsePlan,
  tabDef,
  TARGETS_SUMMARY_COLUMNS,
  type Plan,
  type Workbook,
} from '../shared';
import { loadAddon } from './helpers/addon';
import { addRow } from './helpers/edit';
import { exceljsGrid } from './helpers/exceljs-grid';
import { runCli, tempDir } from './helpers/report';
import { SheetsApiServer, type FakeSpreadsheet } from './helpers/sheets-api-server';

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

/**
 * An amount typed once in a Value cell merged over several Actuals rows (a quarter's figure over its three month
 * rows, as monthly reports often do): Sheets and Excel keep it in the top cell only. It is one amount: counted once,
 * at the top row's date, with a merged-amount warning at the block, never once per row. The rows below it read no
 * Value, and say nothing of it (the warning does). The same from an .xlsx, from the add-on's getValues and
 * getMergedRanges, and from the Sheets API's merges.
 */
describe('an amount merged over several Actuals rows', () => {
  const actualsTab = tabDef('actuals').label.en;
  // KR2's April, May and June (Actuals rows 9–11: 4,100, 4,800 and 5,200 sign-ups) as the quarter's 14,100,
  // typed once in C9 and merged over C9:C11, its note merged beside it (D9:D11), as the QA plan had it.
  const [TOP, BOTTOM, VALUE, NOTE] = [9, 11, 3, 4];
  const QUARTER = 4100 + 4800 + 5200;
  const issueKeys = (issues: { sheet: string; a1: string | null; code: string }[]) =>
    issues.map((i) => `${i.sheet}|${i.a1}|${i.code}`).sort();
  const example = analyzeWorkbook(exampleWorkbook('en'), { asOf: EXAMPLE_AS_OF });

  /** The example's Actuals with the quarter typed as a person types it before merging (the top cell only). */
  function quarterTyped(): Workbook {
    const wb = exampleWorkbook('en');
    const grid = wb[actualsTab];
    expect(grid.slice(TOP - 1, BOTTOM).map((r) => [r[1], r[VALUE - 1]])).toEqual([
      ['KR2', 4100],
      ['KR2', 4800],
      ['KR2', 5200],
    ]);
    grid[TOP - 1][VALUE - 1] = QUARTER;
    grid[TOP - 1][NOTE - 1] = 'Q2 total';
    for (let r = TOP; r < BOTTOM; r++) grid[r][VALUE - 1] = grid[r][NOTE - 1] = '';
    return wb;
  }

  /** The plan read from a workbook whose C9:C11 and D9:D11 are merged: KR2 counts the quarter once. */
  function expectCountedOnce(workbook: Workbook) {
    const { plan, issues, progress } = analyzeWorkbook(workbook, { asOf: EXAMPLE_AS_OF, timeZone: 'UTC' });
    const kr2 = (p: typeof progress) => p.keyResults.find((k) => k.id === 'KR2')!;
    // 37,600 sign-ups, as the example's months add up: not 14,100 three times (65,800).
    expect(kr2(progress).current).toBe(37600);
    expect(kr2(progress).current).toBe(kr2(example.progress).current);
    expect(
      plan.actuals.filter((a) => a.metric === 'KR2' && a.date <= '2026-06-30').map((a) => a.value),
    ).toEqual([3200, QUARTER]);
    const merged = issues.filter((i) => i.code === 'merged-amount');
    expect(merged.map((i) => [i.sheet, i.a1, i.severity])).toEqual([[actualsTab, 'C9', 'warning']]);
    expect(merged[0].message.en).toBe(
      "Value of Actuals rows 9–11 is one merged cell (14100): it counts once, for KR2 at row 9's date (2026-04-28), not once for each row.",
    );
    expect(merged[0].message['zh-TW']).toBe(
      '實際資料第 9–11 列的「數值」是一個合併儲存格（14100）：只計一次，依第 9 列的日期（2026-04-28）計入 KR2，而不是每列各計一次。',
    );
    expect(merged[0].fix.en).toBe("Unmerge the cells and type each check-in's amount in its own row.");
    // One message: nothing else on the block's rows (no "Value is empty" for rows 10 and 11, no month said to
    // lack a check-in), and the rest of the plan checks as the example does.
    expect(issues.filter((i) => i.sheet === actualsTab && i.row! >= TOP && i.row! <= BOTTOM)).toEqual(merged);
    expect(issueKeys(issues.filter((i) => i.code !== 'merged-amount'))).toEqual(issueKeys(example.issues));
  }

  it('in an .xlsx (read-xlsx)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exampleXlsxBuffer('en')) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(actualsTab)!;
    expect(sheet.getCell(TOP, 2).value).toBe('KR2');
    sheet.getCell(TOP, VALUE).value = QUARTER;
    sheet.getCell(TOP, NOTE).value = 'Q2 total';
    for (let r = TOP + 1; r <= BOTTOM; r++)
      sheet.getCell(r, VALUE).value = sheet.getCell(r, NOTE).value = null;
    sheet.mergeCells(TOP, VALUE, BOTTOM, VALUE);
    sheet.mergeCells(TOP, NOTE, BOTTOM, NOTE);
    const read = await readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'merged.xlsx');
    // The reader fills the block, as for a label; the parser counts it once.
    expect(read[actualsTab].slice(TOP - 1, BOTTOM).map((r) => r[VALUE - 1])).toEqual([
      QUARTER,
      QUARTER,
      QUARTER,
    ]);
    expectCountedOnce(read);
  });

  it('in the add-on (getValues and Range.getMergedRanges)', () => {
    const ss = fromWorkbook(quarterTyped());
    const sheet = ss.getSheetByName(actualsTab)!;
    sheet.getRange(TOP, VALUE, BOTTOM - TOP + 1, 1).merge();
    sheet.getRange(TOP, NOTE, BOTTOM - TOP + 1, 1).merge();
    expectCountedOnce(readSpreadsheet(ss as unknown as GAS.Spreadsheet).workbook);
  });

  it('from the Sheets API (gtm-pyramid --sheet)', async () => {
    const block = (column: number) => ({
      startRowIndex: TOP - 1,
      endRowIndex: BOTTOM,
      startColumnIndex: column - 1,
      endColumnIndex: column,
    });
    const spreadsheet: FakeSpreadsheet = {
      id: '1MergedAmountSpreadsheetIdForTheTest',
      title: 'Merged',
      locale: 'en_US',
      timeZone: 'UTC',
      tabs: Object.entries(quarterTyped()).map(([title, values]) => ({
        title,
        values,
        ...(title === actualsTab ? { merges: [block(VALUE), block(NOTE)] } : {}),
      })),
    };
    const server = await new SheetsApiServer([spreadsheet]).start();
    const saved = { ...process.env };
    try {
      process.env.GTM_PYRAMID_SHEETS_API = server.url;
      process.env.GTM_PYRAMID_ACCESS_TOKEN = 'test-token';
      expectCountedOnce((await readSheet(spreadsheet.id)).workbook);
    } finally {
      process.env = saved;
      await server.close();
    }
  });

  it('quotes the amount as its cell shows it: US$130,000 where its format shows a currency', () => {
    // KR1's March and April (40,000 and 90,000 USD) as 130,000 in C2, shown in dollars, merged over C2:C3.
    const wb = exampleWorkbook('en');
    const grid = wb[actualsTab];
    grid[1][VALUE - 1] = 130000;
    setNumberFormats(grid, [[], ['', '', '"US$"#,##0']]);
    fillMergedCells(grid, [{ top: 2, left: VALUE, bottom: 3, right: VALUE }]);
    const { plan, issues } = parsePlan(wb);
    expect(issues.map((i) => [i.code, i.a1, i.message.en])).toEqual([
      [
        'merged-amount',
        'C2',
        "Value of Actuals rows 2–3 is one merged cell (US$130,000): it counts once, for KR1 at row 2's date (2026-03-28), not once for each row.",
      ],
    ]);
    expect(plan.actuals.filter((a) => a.metric === 'KR1').map((a) => a.value)).toEqual([
      130000, 150000, 170000, 210000, 260000,
    ]);
  });

  it('rows under the amount with nothing else in them are no check-ins, and say nothing', () => {
    const wb = exampleWorkbook('en');
    const grid = wb[actualsTab];
    const row = addRow(wb, actualsTab, { Date: '2026-10-30', Metric: 'KR1', Value: 50000 });
    grid.push(['', '', '', ''], ['', '', '', '']);
    fillMergedCells(grid, [{ top: row, left: VALUE, bottom: row + 2, right: VALUE }]);
    const { plan, issues } = parsePlan(wb);
    expect(issues.map((i) => [i.code, i.a1])).toEqual([['merged-amount', `C${row}`]]);
    expect(plan.actuals.filter((a) => a.metric === 'KR1').map((a) => a.value)).toContain(50000);
    expect(plan.actuals.filter((a) => a.value === 50000)).toHaveLength(1);
  });

  it('a merged Date or Metric is a label, read in every row; a Value merged across one row counts once anyway', () => {
    const wb = exampleWorkbook('en');
    // KR2's rows 8–15 under one Metric cell, and KR2's October value merged into its Note beside it.
    fillMergedCells(wb[actualsTab], [
      { top: 8, left: 2, bottom: 15, right: 2 },
      { top: 15, left: VALUE, bottom: 15, right: NOTE },
    ]);
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.actuals).toEqual(
      parsePlan(exampleWorkbook('en')).plan.actuals.map((a) => (a.row === 15 ? { ...a, note: '4900' } : a)),
    );
  });
});

/**
 * A Date or Metric merged over several Actuals rows is read in every row by the plan, and in the block's top row only
 * by the Targets tab's SUMIFS and COUNTIFS (a spreadsheet keeps a merged value in its top cell): the tab leaves the
 * rows below out. The check says so at the block, in the add-on as it runs: Decompose, then the merge, then Check plan.
 */
describe('a Date or Metric merged over check-in rows, with a Targets tab', () => {
  const NOW = Date.parse('2026-11-15T12:00:00Z');

  /** The example plan in the add-on after Decompose, with `merge` applied to its Actuals tab. */
  type EmulatedSheet = NonNullable<ReturnType<ReturnType<typeof loadAddon>['ss']['getSheetByName']>>;
  function mergedAfterDecompose(merge: (actuals: EmulatedSheet) => void) {
    const addon = loadAddon({ now: () => NOW });
    addon.run('insertExamplePlan');
    addon.run('decomposeTargets');
    merge(addon.ss.getSheetByName(tabDef('actuals').label.en)!);
    const targets = addon.ss.getSheetByName(tabDef('targets').label.en)!.getDataRange().getValues();
    const current = targets[0].indexOf(
      TARGETS_SUMMARY_COLUMNS.find((c) => c.key === 'actualToDate')!.label.en,
    );
    const tabCurrent = (id: string) => targets.find((row) => row[0] === id)![current];
    const check = addon.run('getPlanCheck') as PlanCheck;
    const said = check.groups.flatMap((g) =>
      g.issues
        .filter((i) => i.code === 'merged-unread-by-formulas')
        .map((i) => `${g.sheet}!${i.a1} ${i.message}`),
    );
    return { tabCurrent, said };
  }

  it("KR2's ID typed once over its eight rows: the tab counts row 8 alone, and the check says why", () => {
    const { tabCurrent, said } = mergedAfterDecompose((actuals) => actuals.getRange(8, 2, 8, 1).merge());
    // The plan counts all eight (3,200 … 4,900: 37,600 to October); the tab's SUMIFS finds KR2 in row 8 only.
    expect(tabCurrent('KR2')).toBe(3200);
    expect(said).toEqual([
      'Actuals!B8 Metric of Actuals rows 8–15 is one merged cell (KR2): the plan reads it in each row, but the formulas of the Targets tab read it in row 8 only, so the tab leaves out the check-ins of the rows below it.',
    ]);
  });

  it("two of KR2's dates merged: the tab leaves September's row out; a block with no check-in below says nothing", () => {
    const { tabCurrent, said } = mergedAfterDecompose((actuals) => {
      actuals.getRange(14, 1, 2, 1).merge();
      // Below the last check-in: a merged Metric cell over rows with no Value is no check-in the tab misses.
      const below = actuals.getLastRow() + 1;
      actuals.getRange(below, 2, 3, 1).setValues([['KR1'], [''], ['']]);
      actuals.getRange(below, 2, 3, 1).merge();
    });
    expect(tabCurrent('KR2')).toBe(37600 - 4900);
    expect(said).toEqual([
      'Actuals!A14 Date of Actuals rows 14–15 is one merged cell (2026-09-28): the plan reads it in each row, but the formulas of the Targets tab read it in row 14 only, so the tab leaves out the check-ins of the rows below it.',
    ]);
  });
});
