/**
 * The Departments tab as teams in Taiwan title and head it (the QA pass's t2-tabs, t18-tabs2, t28-depthdr): 團隊,
 * 單位, 各部門, 部門清單 for the tab, 單位 or 團隊 for its column. The Traditional Chinese example plan through a real
 * .xlsx, as the CLI reads it; each test asserts what the team sees.
 */
import { describe, expect, it } from 'vitest';

import { utcDate } from '../report/write-xlsx';
import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type Workbook } from '../shared';
import { throughXlsx } from './helpers/xlsx';

const traditional = (): Workbook => exampleWorkbook('zh-TW', { date: utcDate });
const DEPARTMENTS = ['銷售', '市場', '營運', '研發', '客服'];

async function analyze(workbook: Workbook) {
  return analyzeWorkbook(await throughXlsx(workbook), { asOf: EXAMPLE_AS_OF });
}

/** The workbook with the tab `from` renamed `to`, in its place among the tabs. */
function renamed(workbook: Workbook, from: string, to: string): Workbook {
  return Object.fromEntries(
    Object.entries(workbook).map(([name, grid]) => [name === from ? to : name, grid]),
  );
}

const departmentIssues = (issues: { code: string; sheet: string; a1: string | null }[]) =>
  issues
    .filter((i) => /tab|column|owner|department/.test(i.code) && i.code !== 'idle-department')
    .map((i) => [i.code, `${i.sheet}!${i.a1 ?? ''}`]);

describe('the Departments tab under the names teams in Taiwan give it', () => {
  for (const name of ['團隊', '單位', '各部門', '部門清單', '部門別'])
    it(`reads a tab named ${name} as Departments`, async () => {
      const { plan, issues } = await analyze(renamed(traditional(), '部門', name));
      expect(plan.departments.map((d) => d.name)).toEqual(DEPARTMENTS);
      expect(plan.layout.departments?.sheet).toBe(name);
      expect(departmentIssues(issues)).toEqual([]);
    });

  it('points at a tab of another name whose first column lists the owners of the plan', async () => {
    const { issues } = await analyze(renamed(traditional(), '部門', '組織'));
    const near = issues.filter((i) => i.code === 'tab-name-near');
    expect(near.map((i) => [`${i.sheet}!${i.a1}`, i.message['zh-TW'], i.fix['zh-TW']])).toEqual([
      [
        '組織!A1',
        '「組織」工作表看起來是「部門」表，但未被讀取：計畫依名稱尋找工作表。',
        '把它改名為「部門」。',
      ],
    ]);
  });

  it('does not take a list of people with their department for the Departments tab', async () => {
    const wb = renamed(traditional(), '部門', '組織');
    wb['組織'] = wb['組織'].map((row, i) => [i === 0 ? '姓名' : `員工${i}`, row[0]]);
    const { issues } = await analyze(wb);
    expect(issues.filter((i) => i.code === 'tab-name-near')).toEqual([]);
  });
});

describe('the Departments column under the words teams in Taiwan give it', () => {
  for (const header of ['單位', '團隊'])
    it(`reads the header ${header} as the Department column`, async () => {
      const wb = traditional();
      wb['部門'][0] = [header, '主管', '顏色'];
      const { plan, issues } = await analyze(wb);
      expect(plan.departments.map((d) => d.name)).toEqual(DEPARTMENTS);
      expect(departmentIssues(issues)).toEqual([]);
    });

  it('says the one missing column at the header that is probably it, not every owner after it', async () => {
    const wb = traditional();
    wb['部門'][0] = ['組別', '主管', '顏色'];
    const { issues } = await analyze(wb);
    expect(
      departmentIssues(issues).map(([code, cell]) => [
        code,
        cell,
        issues.find((i) => i.code === code)!.message['zh-TW'],
      ]),
    ).toEqual([
      [
        'missing-column',
        '部門!A1',
        '「部門」表缺少「部門」欄。表頭「組別」（A1）可能就是該欄：如果是，請改名為「部門」。',
      ],
    ]);
  });
});
