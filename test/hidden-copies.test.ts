/**
 * Figures replaced and hidden, as a Simplified Chinese QA round did it, read back through a real .xlsx: a revised
 * Target column beside the old one (hidden), a copy of the Key Results tab beside the old tab (hidden), a check-in
 * row hidden under its correction. The plan reads what it always read (the tab and the column of the template's
 * name, every row), and now says so at the cells, naming which one is read and that it is hidden.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { readXlsxBuffer } from '../report/read-xlsx';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { examplePlan } from '../sandbox/plans';
import { readPlanFile, startSandbox } from '../sandbox/server';
import { loadAddon } from './helpers/addon';
import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type PlanIssue, type Workbook } from '../shared';
import type { Lang } from '../shared/i18n';

interface Hide {
  tabs?: readonly string[];
  rows?: Record<string, readonly number[]>;
  columns?: Record<string, readonly number[]>;
}

/** The workbook written with exceljs, with tabs, rows and columns hidden as a person hides them, then read back. */
async function throughXlsx(workbook: Workbook, hide: Hide = {}): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
    if (hide.tabs?.includes(name)) sheet.state = 'hidden';
    for (const r of hide.rows?.[name] ?? []) sheet.getRow(r).hidden = true;
    for (const c of hide.columns?.[name] ?? []) sheet.getColumn(c).hidden = true;
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

const NEW_CODES = ['tab-copy', 'column-copy', 'hidden-rows'];

const told = (issues: PlanIssue[], code: string, lang: Lang = 'zh-CN') =>
  issues.filter((i) => i.code === code).map((i) => [`${i.sheet}!${i.a1}`, i.message[lang], i.fix[lang]]);

function analyze(wb: Workbook) {
  return analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
}

const KR = '关键结果';

/** The example without its Targets tab (the tester deleted it), KR2's target 50000 in row 3. */
function example(): Workbook {
  const wb = exampleWorkbook('zh-CN');
  delete wb['目标分解'];
  return wb;
}

describe('a revised Target column beside the old one', () => {
  it('目标值 (hidden) and 目标值（调整后）: said at J1, naming the hidden column read; 50000 still read', async () => {
    const wb = example();
    const kr = wb[KR];
    expect(kr[0][8]).toBe('目标值');
    for (const row of kr) row.splice(9, 0, row === kr[0] ? '目标值（调整后）' : row[8]);
    kr[2][9] = 40000;
    const { issues, progress } = analyze(await throughXlsx(wb, { columns: { [KR]: [9] } }));
    expect(told(issues, 'column-copy')).toEqual([
      [
        '关键结果!J1',
        '“关键结果”表的表头“目标值（调整后）”（J1）与“目标值”（I1）是同一列“目标值”。计划读取的是“目标值”（该列已隐藏）；“目标值（调整后）”下填写的内容不计入。',
        '如果要用的是“目标值（调整后）”下的数字，请删除“目标值”列（I1），再把“目标值（调整后）”改名为“目标值”；否则请删除“目标值（调整后）”列，或把它改成你自己的列名。',
      ],
    ]);
    expect(progress.keyResults.find((k) => k.id === 'KR2')!.target).toBe(50000);
  });

  it('目标值（原） and 目标值（调整后）: column-copy naming both as typed, not "appears twice"', async () => {
    const wb = example();
    const kr = wb[KR];
    kr[0][8] = '目标值（原）';
    for (const row of kr) row.splice(9, 0, row === kr[0] ? '目标值（调整后）' : row[8]);
    const { issues } = analyze(await throughXlsx(wb, { columns: { [KR]: [9] } }));
    expect(told(issues, 'duplicate-column')).toEqual([]);
    const [issue] = issues.filter((i) => i.code === 'column-copy');
    expect(issue.a1).toBe('J1');
    expect(issue.message.en).toBe(
      'On "关键结果", the header "目标值（调整后）" (J1) is the "Target" column again, beside "目标值（原）" (I1). The plan reads "目标值（原）", which is hidden; what is typed under "目标值（调整后）" counts for nothing.',
    );
    expect(issue.message['zh-TW']).toContain('計畫讀取的是「目标值（原）」（該欄已隱藏）');
  });

  it('the old column visible: said without "hidden"', async () => {
    const wb = example();
    wb[KR][0].push('目标值（调整后）');
    const { issues } = analyze(await throughXlsx(wb));
    const [issue] = issues.filter((i) => i.code === 'column-copy');
    expect(issue.message['zh-CN']).toContain('计划读取的是“目标值”；');
  });
});

describe('a copy of the Key Results tab beside the old one, hidden', () => {
  for (const name of [
    '关键结果 (2)',
    '关键结果(2)',
    '关键结果（新）',
    'Copy of 关键结果',
    '关键结果 的副本',
    '关键结果-2026H2',
  ])
    it(`"${name}": said at its A1, naming the hidden tab read`, async () => {
      const wb = example();
      wb[name] = wb[KR].map((row) => [...row]);
      wb[name][2][8] = 40000;
      const { issues, progress } = analyze(await throughXlsx(wb, { tabs: [KR] }));
      expect(told(issues, 'tab-copy')).toEqual([
        [
          `${name}!A1`,
          `“${name}”工作表看起来是“关键结果”表的副本。计划读取的是“关键结果”（该表已隐藏）；“${name}”中填写的内容不计入。`,
          `如果要用的是“${name}”，请删除“关键结果”（或把它改成与计划无关的名称，如“存档”），再把“${name}”改名为“关键结果”；如果要用的是“关键结果”，请删除“${name}”。`,
        ],
      ]);
      expect(issues.filter((i) => i.code === 'tab-name-near')).toEqual([]);
      expect(progress.keyResults.find((k) => k.id === 'KR2')!.target).toBe(50000);
    });

  it("a tab named near a plan tab beside it, both visible: no copy said (last year's tab is the person's)", async () => {
    const wb = example();
    wb['关键结果-2025'] = wb[KR].map((row) => [...row]);
    const { issues } = analyze(await throughXlsx(wb));
    expect(told(issues, 'tab-copy')).toEqual([]);
  });
});

describe('a check-in row hidden under its correction', () => {
  it('实际 row 2 hidden and a corrected row added: said at 实际!A2; counted as typed (85000)', async () => {
    const wb = example();
    const actuals = wb['实际'];
    expect(actuals[1].slice(1, 3)).toEqual(['KR1', 40000]);
    actuals.push([actuals[1][0], 'KR1', 45000, '更正：3 月实际为 4.5 万']);
    const { issues, progress } = analyze(await throughXlsx(wb, { rows: { 实际: [2] } }));
    expect(told(issues, 'hidden-rows')).toEqual([
      [
        '实际!A2',
        '“实际”表的第 2 行已隐藏，但仍按填写的内容读取并计入。',
        '如果隐藏的行是已被替换的旧数字，请删除该行；否则请取消隐藏，让计划计入的内容都看得见。被筛选隐藏的行同样计入。',
      ],
    ]);
    const march = progress.keyResults.find((k) => k.id === 'KR1')!.months.find((m) => m.month === '2026-03');
    expect(march?.actual).toBe(85000);
  });

  it('many hidden rows (a filter): one issue listing runs, in zh-TW rows are 列', async () => {
    const wb = exampleWorkbook('zh-TW');
    const tab = '實際';
    const { issues } = analyze(await throughXlsx(wb, { rows: { [tab]: [3, 4, 5, 9, 11] } }));
    expect(told(issues, 'hidden-rows', 'zh-TW').map(([at, message]) => [at, message])).toEqual([
      ['實際!A3', '「實際」表的第 3–5、9、11 列已隱藏，但仍依填寫的內容讀取並計入。'],
    ]);
  });
});

describe('the clean example and a generated plan say none of it', () => {
  for (const lang of ['en', 'zh-CN', 'zh-TW'] as const)
    it(lang, async () => {
      const { issues } = analyze(await throughXlsx(exampleWorkbook(lang)));
      expect(issues.filter((i) => NEW_CODES.includes(i.code))).toEqual([]);
    });

  it('generated', () => {
    const { issues } = analyzeWorkbook(generatePlanWorkbook(300), { asOf: GENERATED_AS_OF });
    expect(issues.filter((i) => NEW_CODES.includes(i.code))).toEqual([]);
  });
});

describe('in the add-on (emulated): Sheet.isSheetHidden() per plan tab', () => {
  it('a copy beside the hidden Key Results tab is said, naming the tab read as hidden', () => {
    const wb = examplePlan('zh-CN');
    delete wb['目标分解'];
    wb['关键结果 (2)'] = wb[KR].map((row) => [...row]);
    const addon = loadAddon({ workbook: wb, locale: 'zh_CN' });
    addon.ss.getSheetByName(KR)!.hideSheet();
    const check = addon.run('getPlanCheck', 'zh-CN') as PlanCheck;
    const issues = check.groups.flatMap((g) => g.issues);
    expect(issues.filter((i) => i.code === 'tab-copy').map((i) => `${i.sheet}!${i.a1} ${i.message}`)).toEqual(
      [
        '关键结果 (2)!A1 “关键结果 (2)”工作表看起来是“关键结果”表的副本。计划读取的是“关键结果”（该表已隐藏）；“关键结果 (2)”中填写的内容不计入。',
      ],
    );
  });
});

describe('in the sandbox: a tab the file hides is hidden in the emulated spreadsheet', () => {
  it('the sidebar says the copy beside the hidden tab, naming it hidden', async () => {
    const wb = example();
    wb['关键结果 (2)'] = wb[KR].map((row) => [...row]);
    const book = new ExcelJS.Workbook();
    for (const [name, grid] of Object.entries(wb)) {
      const sheet = book.addWorksheet(name);
      for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
      if (name === KR) sheet.state = 'hidden';
    }
    const file = join(mkdtempSync(join(tmpdir(), 'hidden-')), 'plan.xlsx');
    await book.xlsx.writeFile(file);
    const workbook = await readPlanFile(file);
    if (typeof workbook === 'string') throw new Error(workbook);
    const sandbox = await startSandbox({ workbook, port: 0, locale: 'zh_CN' });
    try {
      expect(sandbox.ss.getSheetByName(KR)!.isSheetHidden()).toBe(true);
      const check = sandbox.project.callAs('FULL', 'getPlanCheck', 'zh-CN') as PlanCheck;
      const copy = check.groups.flatMap((g) => g.issues).filter((i) => i.code === 'tab-copy');
      expect(copy.map((i) => i.message)).toEqual([
        '“关键结果 (2)”工作表看起来是“关键结果”表的副本。计划读取的是“关键结果”（该表已隐藏）；“关键结果 (2)”中填写的内容不计入。',
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
