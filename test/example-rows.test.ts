/**
 * Rows marked as an example, as people keep a template's example row under the header or leave one they marked
 * ("（示例）KR-1", "範例", "例：R1", "e.g. KR-01", "Example", a title "(example) …"), read back through a real .xlsx:
 * each is left out of the plan and said at its cell, in the reader's language, and the plan reads exactly what it
 * reads without the row. A real row whose words merely begin like a mark ("EX-1", "Example-driven onboarding",
 * "示例代码库上线") is read as typed.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { buildReport } from '../report/generate';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { loadAddon, type ActionResult } from './helpers/addon';
import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  tabDef,
  type Cell,
  type PlanIssue,
  type TabKey,
  type Workbook,
} from '../shared';
import type { Lang } from '../shared/i18n';

/** The workbook written with exceljs and read back by the product's .xlsx reader. */
async function throughXlsx(
  workbook: Workbook,
  hiddenRows: Record<string, readonly number[]> = {},
): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
    for (const r of hiddenRows[name] ?? []) sheet.getRow(r).hidden = true;
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

/** The example in a language, without its Targets tab (rows inserted here would move what its formulas read). */
function example(lang: Lang): Workbook {
  const wb = exampleWorkbook(lang);
  delete wb[tabDef('targets').label[lang]];
  return wb;
}

/** A row of the tab given (by key) as a copy of its row `index` (1 = the first under the header), with `cells` set. */
type RowLike = [TabKey, number, Record<number, Cell>];

/**
 * The example with a row under each tab's header, each a copy of one of the tab's rows with some cells changed
 * (RowLike); the plain copy gets a blank row there instead, so that every other row stays where it is and the two
 * plans can be compared as they are.
 */
function withRowsUnderHeader(lang: Lang, rows: RowLike[]): { marked: Workbook; plain: Workbook } {
  const marked = example(lang);
  const plain = example(lang);
  for (const [tab, index, cells] of rows) {
    const name = tabDef(tab).label[lang];
    const row = [...marked[name][index]];
    for (const [column, value] of Object.entries(cells)) row[Number(column)] = value;
    marked[name].splice(1, 0, row);
    plain[name].splice(
      1,
      0,
      row.map(() => null),
    );
  }
  return { marked, plain };
}

const analyze = (wb: Workbook) => analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });

const told = (issues: PlanIssue[], lang: Lang) =>
  issues
    .filter((i) => i.code === 'example-row')
    .map((i) => [`${i.sheet}!${i.a1}`, i.message[lang], i.fix[lang]]);

/** The plan and its progress as the report and the sidebar use them, and every other issue. */
function readAs(wb: Workbook) {
  const { plan, progress, issues } = analyze(wb);
  return {
    keyResults: plan.keyResults,
    kpis: plan.kpis,
    objectives: plan.objectives,
    roadmap: plan.roadmap,
    departments: plan.departments,
    actuals: plan.actuals,
    progress: JSON.parse(
      JSON.stringify([progress.keyResults, progress.kpis, progress.objectives, progress.departments]),
    ) as unknown,
    issues: issues.filter((i) => i.code !== 'example-row'),
  };
}

describe('a template example row under the header of each tab, through a real .xlsx', () => {
  it('Simplified Chinese: （示例）, 示例, 例：, 例如： rows are left out, said at their cells; totals as without them', async () => {
    const { marked, plain } = withRowsUnderHeader('zh-CN', [
      ['departments', 1, { 0: '（示例）市场部' }],
      ['objectives', 2, { 0: 'O9', 1: '例如：提升品牌认知' }],
      ['keyResults', 2, { 0: '（示例）KR-1', 8: 9_000_000 }],
      ['kpis', 1, { 0: '示例', 6: 0.5 }],
      ['roadmap', 1, { 0: '例：R1' }],
      ['actuals', 1, { 1: '（示例）KR1', 2: 5_000_000 }],
    ]);
    const read = await throughXlsx(marked);
    const { plan, issues } = analyze(read);
    expect(told(issues, 'zh-CN')).toEqual([
      [
        '部门!A2',
        '“部门”表的第 2 行标为示例（A2：“（示例）市场部”），因此整行不计入计划。',
        '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 A2 中的“（示例）”，该行即会被读取。',
      ],
      [
        '目标!B2',
        '“目标”表的第 2 行标为示例（B2：“例如：提升品牌认知”），因此整行不计入计划。',
        '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 B2 中的“例如：”，该行即会被读取。',
      ],
      [
        '关键结果!A2',
        '“关键结果”表的第 2 行标为示例（A2：“（示例）KR-1”），因此整行不计入计划。',
        '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 A2 中的“（示例）”，该行即会被读取。',
      ],
      [
        'KPI!A2',
        '“KPI”表的第 2 行标为示例（A2：“示例”），因此整行不计入计划。',
        '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 A2 中的“示例”，该行即会被读取。',
      ],
      [
        '路线图!A2',
        '“路线图”表的第 2 行标为示例（A2：“例：R1”），因此整行不计入计划。',
        '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 A2 中的“例：”，该行即会被读取。',
      ],
      [
        '实际!B2',
        '“实际”表的第 2 行标为示例（B2：“（示例）KR1”），因此整行不计入计划。',
        '如果这一行只是示例，请删除该行；如果是真实的一行，请删去 B2 中的“（示例）”，该行即会被读取。',
      ],
    ]);
    expect(plan.keyResults.map((kr) => kr.id)).toEqual(['KR1', 'KR2', 'KR3', 'KR4', 'KR5']);
    expect(plan.objectives.map((o) => o.id)).not.toContain('O9');
    // Everything else, progress and roll-ups included, is what the plan reads without the rows.
    expect(readAs(read)).toEqual(readAs(await throughXlsx(plain)));
  });

  it('English: Example, e.g., Sample and (example) rows are left out; the warning names the tab and the cell', async () => {
    const { marked, plain } = withRowsUnderHeader('en', [
      ['departments', 1, { 0: 'Example' }],
      ['objectives', 2, { 0: 'e.g. O-01' }],
      ['keyResults', 1, { 0: 'KR9', 2: '(example) USD 5m in sales', 8: 5_000_000 }],
      ['kpis', 1, { 0: 'Sample', 6: 0.5 }],
      ['roadmap', 1, { 0: '[Example] R1' }],
      ['actuals', 1, { 1: 'e.g. KR1', 2: 5_000_000 }],
    ]);
    const read = await throughXlsx(marked);
    const { plan, issues } = analyze(read);
    expect(told(issues, 'en').map(([at, message]) => [at, message])).toEqual([
      [
        'Departments!A2',
        'Row 2 on "Departments" is marked as an example (A2: "Example"), so the row is left out of the plan: nothing in it counts.',
      ],
      [
        'Objectives!A2',
        'Row 2 on "Objectives" is marked as an example (A2: "e.g. O-01"), so the row is left out of the plan: nothing in it counts.',
      ],
      [
        'Key Results!C2',
        'Row 2 on "Key Results" is marked as an example (C2: "(example) USD 5m in sales"), so the row is left out of the plan: nothing in it counts.',
      ],
      [
        'KPIs!A2',
        'Row 2 on "KPIs" is marked as an example (A2: "Sample"), so the row is left out of the plan: nothing in it counts.',
      ],
      [
        'Roadmap!A2',
        'Row 2 on "Roadmap" is marked as an example (A2: "[Example] R1"), so the row is left out of the plan: nothing in it counts.',
      ],
      [
        'Actuals!B2',
        'Row 2 on "Actuals" is marked as an example (B2: "e.g. KR1"), so the row is left out of the plan: nothing in it counts.',
      ],
    ]);
    expect(told(issues, 'en')[2][2]).toBe(
      'If it is only an example, delete the row. If it is a real row, take "(example)" out of C2, and the row is read.',
    );
    expect(plan.keyResults.map((kr) => kr.id)).not.toContain('KR9');
    expect(readAs(read)).toEqual(readAs(await throughXlsx(plain)));
  });

  it('Traditional Chinese: 範例 as an ID, （範例） before a check-in date: left out, said in Traditional Chinese', async () => {
    const { marked, plain } = withRowsUnderHeader('zh-TW', [
      ['keyResults', 2, { 0: '範例', 8: 5_000_000 }],
      ['actuals', 1, { 0: '（範例）2026-03-28', 2: 5_000_000 }],
    ]);
    const read = await throughXlsx(marked);
    const { plan, issues } = analyze(read);
    expect(told(issues, 'zh-TW')).toEqual([
      [
        '關鍵結果!A2',
        '「關鍵結果」表的第 2 列標為範例（A2：「範例」），因此整列不計入計畫。',
        '如果這一列只是範例，請刪除該列；如果是真實的一列，請刪去 A2 中的「範例」，該列即會被讀取。',
      ],
      [
        '實際!A2',
        '「實際」表的第 2 列標為範例（A2：「（範例）2026-03-28」），因此整列不計入計畫。',
        '如果這一列只是範例，請刪除該列；如果是真實的一列，請刪去 A2 中的「（範例）」，該列即會被讀取。',
      ],
    ]);
    expect(plan.keyResults).toHaveLength(5);
    expect(readAs(read)).toEqual(readAs(await throughXlsx(plain)));
  });
});

describe('an Actuals tab kept as months in columns', () => {
  it('a metric row marked （示例） is left out, said at its Metric cell; the other rows read as without it', async () => {
    const pair = ['marked', 'plain'].map((kind) => {
      const wb = example('zh-CN');
      const long = wb['实际'];
      const months = [...new Set(long.slice(1).map((row) => String(row[0]).slice(0, 7)))].sort();
      const metrics = [...new Set(long.slice(1).map((row) => String(row[1])))];
      const value = (metric: string, month: string) =>
        long.find((row) => row[1] === metric && String(row[0]).startsWith(month))?.[2] ?? '';
      const marks = ['（示例）KR1', ...months.map(() => 100_000)];
      wb['实际'] = [
        ['指标', ...months],
        kind === 'marked' ? marks : marks.map(() => null),
        ...metrics.map((metric) => [metric, ...months.map((month) => value(metric, month))]),
      ];
      return wb;
    });
    const marked = await throughXlsx(pair[0]);
    expect(told(analyze(marked).issues, 'zh-CN').map(([at, message]) => [at, message])).toEqual([
      ['实际!A2', '“实际”表的第 2 行标为示例（A2：“（示例）KR1”），因此整行不计入计划。'],
    ]);
    const { plan } = analyze(marked);
    expect(plan.actuals.filter((a) => a.value === 100_000)).toEqual([]);
    expect(readAs(marked)).toEqual(readAs(await throughXlsx(pair[1])));
  });
});

describe('an example row hidden under the header', () => {
  it('is said as an example left out, not as a hidden row read and counted', async () => {
    const { marked } = withRowsUnderHeader('en', [['keyResults', 2, { 0: 'Example', 8: 9_000_000 }]]);
    const { issues } = analyze(await throughXlsx(marked, { 'Key Results': [2] }));
    expect(told(issues, 'en').map(([at]) => at)).toEqual(['Key Results!A2']);
    expect(issues.filter((i) => i.code === 'hidden-rows')).toEqual([]);
  });
});

describe('real rows whose words merely begin like a mark are read as typed', () => {
  it('EX-1, "Example-driven onboarding", "Sample size of 500", 示例代码库上线, 例会制度: all in the plan, nothing said', async () => {
    const wb = example('en');
    const kr = wb['Key Results'];
    kr.push([
      'EX-1',
      'O1',
      'Example-driven onboarding',
      'Sales',
      'cumulative',
      'sign-ups',
      'increase',
      0,
      300,
      '2026-03-01',
      '2026-12-31',
      'even',
      1,
      0.7,
    ]);
    kr.push([
      'KR8',
      'O1',
      'Sample size of 500 surveys',
      'Sales',
      'cumulative',
      'surveys',
      'increase',
      0,
      500,
      '2026-03-01',
      '2026-12-31',
      'even',
      1,
      0.7,
    ]);
    kr.push([
      'KR9',
      'O1',
      '示例代码库上线',
      'R&D',
      'milestone',
      '',
      '',
      0,
      1,
      '2026-03-01',
      '2026-12-31',
      '',
      1,
      0.7,
    ]);
    wb['KPIs'].push(['KPI9', 'Samples shipped', 'Sales', 'KR1', 'kits', 'increase', 100, 'monthly']);
    wb['Roadmap'].push(['R9', '例会制度上线', 'Launch', 'R&D', '2026-03-02', '2026-03-31', 'KR1', 'done']);
    wb['Actuals'].push(['2026-04-28', 'EX-1', 20, 'e.g. from the sample survey']);
    const { plan, issues } = analyze(await throughXlsx(wb));
    expect(issues.filter((i) => i.code === 'example-row')).toEqual([]);
    expect(plan.keyResults.map((k) => [k.id, k.title, k.target])).toEqual(
      expect.arrayContaining([
        ['EX-1', 'Example-driven onboarding', 300],
        ['KR8', 'Sample size of 500 surveys', 500],
        ['KR9', '示例代码库上线', 1],
      ]),
    );
    expect(plan.kpis.map((k) => k.id)).toContain('KPI9');
    expect(plan.roadmap.map((r) => r.id)).toContain('R9');
    expect(plan.actuals.filter((a) => a.metric === 'EX-1').map((a) => a.value)).toEqual([20]);
  });
});

describe('in the add-on', () => {
  it('an example row in the spreadsheet is said in the sidebar check, at its cell, in the reader’s language', () => {
    const { marked } = withRowsUnderHeader('zh-TW', [['keyResults', 2, { 0: '（範例）KR-1', 8: 5_000_000 }]]);
    const addon = loadAddon({ workbook: marked, locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    const check = addon.run('getPlanCheck', 'zh-TW') as PlanCheck;
    const said = check.groups.flatMap((g) => g.issues).filter((i) => i.code === 'example-row');
    expect(said.map((i) => `${i.sheet}!${i.a1} ${i.message}`)).toEqual([
      '關鍵結果!A2 「關鍵結果」表的第 2 列標為範例（A2：「（範例）KR-1」），因此整列不計入計畫。',
    ]);
  });

  for (const [locale, lang] of [
    ['en_US', 'en'],
    ['zh_CN', 'zh-CN'],
    ['zh_TW', 'zh-TW'],
  ] as [string, Lang][]) {
    it(`Insert templates and Insert example plan write no row that is left out as an example (${lang})`, () => {
      const run = loadAddon({ locale });
      expect((run.run('insertTemplates') as ActionResult).ok).toBe(true);
      const empty = run.run('getPlanCheck', lang) as PlanCheck;
      expect(empty.groups.flatMap((g) => g.issues).filter((i) => i.code === 'example-row')).toEqual([]);
      const result = run.run('insertExamplePlan') as ActionResult;
      expect(result.ok, result.message).toBe(true);
      const check = run.run('getPlanCheck', lang) as PlanCheck;
      expect(check.groups.flatMap((g) => g.issues).filter((i) => i.code === 'example-row')).toEqual([]);
    });
  }
});

describe('in the report', () => {
  it('the warning quotes the marked cell escaped', async () => {
    const payload = '（示例）<img src=x onerror="window.__xss=1">';
    const { marked } = withRowsUnderHeader('zh-CN', [['keyResults', 2, { 0: payload, 8: 9_000_000 }]]);
    const report = await buildReport(await throughXlsx(marked), { asOf: EXAMPLE_AS_OF, source: 'plan.xlsx' });
    const html = report.files.find((f) => f.name === 'index.html')!.data.toString();
    expect(html).toContain('（示例）&lt;img src&#x3D;x onerror&#x3D;');
    expect(html).not.toContain('<img src=x');
  });
});
