/**
 * Months in columns with a target and an actual column under each month, headed the ways Excel users head them
 * besides a text month merged over its columns: the month typed as a date (2026-03-01 shown as 3月, Mar or 2026/03)
 * and merged over 目標 | 實際, and a month centred across its columns without a merge (Center Across Selection).
 * Each through a real .xlsx (written by exceljs, read by the report's reader), and in the add-on (the emulator,
 * getValues and getMergedRanges): only the actual column is read, the target column left out, as with the merged
 * text month; where the month's columns cannot be told, an error at its header, never a guess.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readSpreadsheet, sheetDate } from '../apps-script/server/sheets-adapter';
import { fromWorkbook } from '../emulator/load-bundle';
import { readXlsx } from '../report/read-xlsx';
import { readPlanFile, startSandbox } from '../sandbox/server';
import {
  checkPlan,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  parsePlan,
  planProgress,
  tabDef,
  type Cell,
  type Lang,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { tempDir } from './helpers/report';
import { throughXlsx } from './helpers/xlsx';

const tabOf = (lang: Lang) => tabDef('actuals').label[lang];
const metricOf = (lang: Lang) => tabDef('actuals').columns.find((c) => c.key === 'metric')!.label[lang];

const onTab = (issues: PlanIssue[], tab: string) =>
  issues.filter((i) => i.sheet === tab).map((i) => [i.code, i.a1]);

/** March to May of the example plan, each month's target beside its actual. */
const FIGURES: Cell[][] = [
  ['KR1', 99999, 40000, 99999, 90000, 99999, 60000],
  ['KR2', 88888, 2000, 88888, '', 88888, 4500],
];
const MONTHS = [3, 4, 5];
const MONTH_CELLS = ['B1', 'D1', 'F1'];
const MERGED_MONTHS = ['B1:C1', 'D1:E1', 'F1:G1'];

/** An Actuals tab of two header rows: `month` over each month's two columns, `words` under them. */
function wideTab(
  lang: Lang,
  month: (m: number) => Cell,
  words: [Cell, Cell],
  metricBelow: Cell = '',
): Cell[][] {
  return [
    [metricOf(lang), ...MONTHS.flatMap((m) => [month(m), ''])],
    [metricBelow, ...MONTHS.flatMap(() => words)],
    ...FIGURES.map((row) => [...row]),
  ];
}

function withTab(lang: Lang, grid: Cell[][]): Workbook {
  const wb = exampleWorkbook(lang);
  wb[tabOf(lang)] = grid;
  return wb;
}

/** What a person sees of a plan: its issues (parser and checks) at their cells, its check-ins, its progress. */
function seen(wb: Workbook, timeZone = 'UTC') {
  const { plan, issues } = parsePlan(wb, { timeZone });
  const all = [...issues, ...checkPlan(plan, { asOf: EXAMPLE_AS_OF })];
  return {
    issues: all.map((i) => [i.code, i.sheet, i.a1]),
    actuals: plan.actuals.map((a) => [a.metric, a.date, a.value]),
    progress: planProgress(plan, EXAMPLE_AS_OF).keyResults.map((k) => [k.id, k.status, k.attainment]),
  };
}

/** The case read before: the month typed as text ("3月", "Mar") merged over its two columns. */
async function mergedText(lang: Lang, words: [Cell, Cell], metricMerged: boolean) {
  const month = (m: number) => (lang === 'en' ? ['Mar', 'Apr', 'May'][m - 3] : `${m}月`);
  const merges = [...(metricMerged ? ['A1:A2'] : []), ...MERGED_MONTHS];
  const grid = wideTab(lang, month, words, metricMerged ? metricOf(lang) : '');
  return throughXlsx(withTab(lang, grid), { [tabOf(lang)]: merges });
}

const READ = [
  ['KR1', '2026-03-01', 40000],
  ['KR1', '2026-04-01', 90000],
  ['KR1', '2026-05-01', 60000],
  ['KR2', '2026-03-01', 2000],
  ['KR2', '2026-05-01', 4500],
];

describe('months typed as dates, merged over a target and an actual column', () => {
  const cases: { lang: Lang; format: string; words: [Cell, Cell] }[] = [
    // 实绩 / 實績 are Value headers too: with the Metric header merged down over both rows, the date row must head.
    { lang: 'zh-CN', format: 'm"月"', words: ['计划', '实绩'] },
    { lang: 'zh-TW', format: 'yyyy/mm', words: ['目標', '實績'] },
    { lang: 'zh-TW', format: 'm"月"', words: ['目標', '實際'] },
    { lang: 'en', format: 'mmm', words: ['Target', 'Actual'] },
  ];
  for (const { lang, format, words } of cases)
    for (const metricMerged of [true, false])
      it(`reads the actual column only (${lang}, ${format}, ${words.join(' | ')}${metricMerged ? ', Metric merged over both rows' : ''}), through .xlsx`, async () => {
        const tab = tabOf(lang);
        const grid = wideTab(
          lang,
          (m) => new Date(Date.UTC(2026, m - 1, 1)),
          words,
          metricMerged ? metricOf(lang) : '',
        );
        const merges = [...(metricMerged ? ['A1:A2'] : []), ...MERGED_MONTHS];
        const book = await throughXlsx(
          withTab(lang, grid),
          { [tab]: merges },
          {
            [tab]: (sheet) => MONTH_CELLS.forEach((cell) => (sheet.getCell(cell).numFmt = format)),
          },
        );
        // The reader gives the header as a date, not text.
        expect(book[tab][0][1]).toBeInstanceOf(Date);
        const { issues } = parsePlan(book);
        expect(onTab(issues, tab)).toEqual([['wide-actuals', 'B1']]);
        const tip = issues.find((i) => i.code === 'wide-actuals')!;
        // A date is named by its month, as the cell shows it in any of its formats (3月, Mar, 2026/03).
        expect(tip.message.en).toContain('(2026-03 … 2026-05, 3 months read)');
        expect(tip.message.en).toContain(
          `its target column is left out (3 columns, the first "2026-03 ${words[0]}")`,
        );
        const dated = seen(book);
        expect(dated.actuals).toEqual(READ);
        // What the merged text month shows, at the same cells.
        expect(dated).toEqual(seen(await mergedText(lang, words, metricMerged)));
      });

  it('in the add-on: dates from getValues, merges from getMergedRanges, the same plan as the .xlsx', async () => {
    const lang: Lang = 'zh-CN';
    const tab = tabOf(lang);
    const timeZone = 'Asia/Taipei';
    // A date cell as Sheets hands it to a script: midnight of the spreadsheet's time zone.
    const grid = wideTab(lang, (m) => sheetDate(`2026-0${m}-01`, timeZone), ['计划', '实绩'], '');
    const ss = fromWorkbook(withTab(lang, grid), { timeZone });
    for (const block of ['A1:A2', ...MERGED_MONTHS]) ss.getSheetByName(tab)!.getRange(block).merge();
    const snapshot = readSpreadsheet(ss as unknown as GAS.Spreadsheet);
    expect(onTab(parsePlan(snapshot.workbook, { timeZone }).issues, tab)).toEqual([['wide-actuals', 'B1']]);
    expect(seen(snapshot.workbook, timeZone)).toEqual(seen(await mergedText(lang, ['计划', '实绩'], true)));
  });
});

describe('a month centred across its columns without a merge (Center Across Selection)', () => {
  /** The month cells of row 1 centred across B1:G1, as Excel's Format Cells → Center Across Selection sets them. */
  const centreAcross = (sheet: ExcelJS.Worksheet) => {
    for (const column of ['B', 'C', 'D', 'E', 'F', 'G'])
      sheet.getCell(`${column}1`).alignment = { horizontal: 'centerContinuous' };
  };
  const text = (m: number) => `${m}月`;

  it('reads the actual column only, as under a merged month, with the same tip (zh-TW, through .xlsx)', async () => {
    const tab = tabOf('zh-TW');
    const book = await throughXlsx(
      withTab('zh-TW', wideTab('zh-TW', text, ['目標', '實際'])),
      {},
      {
        [tab]: centreAcross,
      },
    );
    // Nothing is merged: the month is in its first cell only.
    expect(book[tab][0].slice(1, 3)).toEqual(['3月', '']);
    const { issues } = parsePlan(book);
    expect(onTab(issues, tab)).toEqual([['wide-actuals', 'B1']]);
    const tip = issues.find((i) => i.code === 'wide-actuals')!;
    expect(tip.message['zh-TW']).toContain('目標欄不讀取（共 3 欄，第一欄為「3月 目標」）');
    expect(tip.message).toEqual(
      parsePlan(await mergedText('zh-TW', ['目標', '實際'], false)).issues.find(
        (i) => i.code === 'wide-actuals',
      )!.message,
    );
    expect(seen(book).actuals).toEqual(READ);
    expect(seen(book)).toEqual(seen(await mergedText('zh-TW', ['目標', '實際'], false)));
  });

  it('a month typed as a date and centred across (en, mmm) is read the same', async () => {
    const tab = tabOf('en');
    const grid = wideTab('en', (m) => new Date(Date.UTC(2026, m - 1, 1)), ['Target', 'Actual']);
    const book = await throughXlsx(
      withTab('en', grid),
      {},
      {
        [tab]: (sheet) => {
          centreAcross(sheet);
          MONTH_CELLS.forEach((cell) => (sheet.getCell(cell).numFmt = 'mmm'));
        },
      },
    );
    expect(seen(book)).toEqual(seen(await mergedText('en', ['Target', 'Actual'], false)));
  });

  it('does not guess a centred month whose columns name no actual one: the error of a merged one', async () => {
    const tab = tabOf('zh-TW');
    const grid = wideTab('zh-TW', text, ['目標', '實際']);
    grid[1][2] = '預估';
    const book = await throughXlsx(withTab('zh-TW', grid), {}, { [tab]: centreAcross });
    const { plan, issues } = parsePlan(book);
    expect(onTab(issues, tab)).toEqual([
      ['month-actual-unclear', 'B1'],
      ['wide-actuals', 'D1'],
    ]);
    const merged = await throughXlsx(withTab('zh-TW', grid), { [tab]: MERGED_MONTHS });
    const error = (wb: Workbook) => parsePlan(wb).issues.find((i) => i.code === 'month-actual-unclear')!;
    expect(error(book).message).toEqual(error(merged).message);
    expect(error(book).message['zh-TW']).toContain('「3月」有多欄（「目標」、「預估」）');
    expect(plan.actuals.map((a) => a.date)).not.toContain('2026-03-01');
  });

  it('a centred title that names no month is left as it is', async () => {
    const tab = tabOf('zh-TW');
    const grid = wideTab('zh-TW', text, ['目標', '實際']);
    grid[0].push('說明', '');
    const book = await throughXlsx(
      withTab('zh-TW', grid),
      {},
      {
        [tab]: (sheet) => {
          centreAcross(sheet);
          for (const column of ['H', 'I'])
            sheet.getCell(`${column}1`).alignment = { horizontal: 'centerContinuous' };
        },
      },
    );
    expect(onTab(parsePlan(book).issues, tab)).toEqual([['wide-actuals', 'B1']]);
    expect(seen(book).actuals).toEqual(READ);
  });

  it('in Google Sheets, which has no such alignment: not read as the target, an error at each month saying to merge', () => {
    // The same cells in the add-on (an .xlsx opened in Sheets, or 3月 typed over 目標 | 實際 without a merge):
    // getMergedRanges gives nothing, and Range.getHorizontalAlignment knows only left, center and right.
    const lang: Lang = 'zh-TW';
    const tab = tabOf(lang);
    const ss = fromWorkbook(withTab(lang, wideTab(lang, text, ['目標', '實際'])));
    const workbook = readSpreadsheet(ss as unknown as GAS.Spreadsheet).workbook;
    const { plan, issues } = parsePlan(workbook);
    expect(onTab(issues, tab)).toEqual(MONTH_CELLS.map((cell) => ['month-actual-unclear', cell]));
    // Not one target read as a check-in, and no month read as if it had none: each says why at its header.
    expect(plan.actuals.filter((a) => a.value === 99999 || a.value === 88888)).toEqual([]);
    const error = issues.find((i) => i.code === 'month-actual-unclear')!;
    expect(error.severity).toBe('error');
    expect(error.message['zh-TW']).toContain('「3月」只在 B1（「目標」）之上');
    expect(error.message.en).toContain('The month "3月" on "實際" heads B1 ("目標")');
    expect(error.fix['zh-TW']).toContain('把「3月」合併到它所有的欄之上（B1:C1）');
    expect(error.fix.en).toContain('Merge "3月" over all its columns (B1:C1)');
    // The fix works: merged in Sheets, the same plan as the .xlsx.
    for (const block of MERGED_MONTHS) ss.getSheetByName(tab)!.getRange(block).merge();
    const fixed = readSpreadsheet(ss as unknown as GAS.Spreadsheet).workbook;
    expect(onTab(parsePlan(fixed).issues, tab)).toEqual([['wide-actuals', 'B1']]);
    expect(seen(fixed).actuals).toEqual(READ);
  });

  it('the same .xlsx file: read by the command line, and said as unclear in the sandbox (Sheets emulated)', async () => {
    const dir = tempDir('centred');
    try {
      const file = join(dir, 'centred.xlsx');
      const book = new ExcelJS.Workbook();
      for (const [name, grid] of Object.entries(withTab('zh-TW', wideTab('zh-TW', text, ['目標', '實際'])))) {
        const sheet = book.addWorksheet(name);
        for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
        if (name === tabOf('zh-TW')) centreAcross(sheet);
      }
      await book.xlsx.writeFile(file);
      expect(seen(await readXlsx(file)).actuals).toEqual(READ);
      const workbook = await readPlanFile(file);
      if (typeof workbook === 'string') throw new Error(workbook);
      const sandbox = await startSandbox({ workbook, port: 0 });
      try {
        const inSheets = readSpreadsheet(sandbox.ss as unknown as GAS.Spreadsheet).workbook;
        expect(onTab(parsePlan(inSheets).issues, tabOf('zh-TW'))).toEqual(
          MONTH_CELLS.map((cell) => ['month-actual-unclear', cell]),
        );
      } finally {
        await sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in Google Sheets, a month over its actual column with its target beside it unheaded is read as before', () => {
    const lang: Lang = 'zh-TW';
    const ss = fromWorkbook(
      withTab(
        lang,
        wideTab(lang, text, ['實際', '目標']).map((row, r) =>
          r < 2 ? row : [row[0], row[2], row[1], row[4], row[3], row[6], row[5]],
        ),
      ),
    );
    const workbook = readSpreadsheet(ss as unknown as GAS.Spreadsheet).workbook;
    expect(onTab(parsePlan(workbook).issues, tabOf(lang))).toEqual([['wide-actuals', 'B1']]);
    expect(seen(workbook).actuals).toEqual(READ);
  });
});
