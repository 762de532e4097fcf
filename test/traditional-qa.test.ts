/**
 * Plans written in Traditional Chinese, as a QA round typed them: a department typed twice in two spellings that
 * every owner cell matches as one (台 / 臺, Traditional / Simplified), a Roadmap status the template has no word
 * for, and a check mark picked from a phone's or a Mac's emoji keyboard (✔️: ✔ and a variation selector).
 * Each from the Traditional Chinese example through a real .xlsx, judged by what the user is told and shown.
 */
import { describe, expect, it } from 'vitest';

import { buildReport } from '../report/generate';
import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  matchEnum,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { addRow, setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const where = (i: PlanIssue) => `${i.sheet}!${i.a1}`;
/** The report's front page for a workbook, as leadership opens it. */
async function indexHtml(wb: Workbook): Promise<string> {
  const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
  return report.files.find((f) => f.name === 'index.html')!.data as string;
}
const told = (issues: PlanIssue[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => [where(i), i.message['zh-TW']]);

describe('a department typed twice, in spellings every owner cell matches as one', () => {
  it('台 / 臺 and Traditional / Simplified: the second row is a duplicate naming the first’s row, as an exact copy is', async () => {
    // The example's departments are rows 2 to 6 (銷售, 市場, 營運, 研發, 客服); these are rows 7 to 10.
    const wb = exampleWorkbook('zh-TW');
    addRow(wb, '部門', { 部門: '台北業務部', 負責人: '林美玲' });
    addRow(wb, '部門', { 部門: '臺北業務部', 負責人: '王小明' });
    addRow(wb, '部門', { 部門: '营运' });
    addRow(wb, '部門', { 部門: '銷售' });
    setCell(wb, '關鍵結果', 'KR1', '負責部門', '臺北業務部');
    const read = await throughXlsx(wb);
    const { plan, issues } = analyzeWorkbook(read, { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'duplicate-id')).toEqual([
      ['部門!A8', '編號「臺北業務部」重複（第 7 列也在使用）。'],
      ['部門!A9', '編號「营运」重複（第 4 列也在使用）。'],
      ['部門!A10', '編號「銷售」重複（第 2 列也在使用）。'],
    ]);
    // The first row is the department, with its lead; its owners, typed either way, are its own.
    expect(plan.departments.map((d) => [d.name, d.lead])).toEqual([
      ['銷售', 'Maria Chen'],
      ['市場', 'Liam Park'],
      ['營運', 'Ana Silva'],
      ['研發', 'Wei Zhang'],
      ['客服', 'Sam Okafor'],
      ['台北業務部', '林美玲'],
    ]);
    expect(told(issues, 'unknown-owner')).toEqual([]);
    // The report says so, rather than leaving the second row and its lead out unsaid.
    expect(await indexHtml(read)).toContain('編號「臺北業務部」重複（第 7 列也在使用）。');
  });

  it('names that differ beyond case, width, spaces and script stay two departments', async () => {
    const wb = exampleWorkbook('zh-TW');
    addRow(wb, '部門', { 部門: '營運部' });
    addRow(wb, '部門', { 部門: '北區業務' });
    addRow(wb, '部門', { 部門: '南區業務' });
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'duplicate-id')).toEqual([]);
    expect(plan.departments).toHaveLength(8);
  });
});

describe('a check mark picked from an emoji keyboard', () => {
  /** KR4 (a milestone, due 2026-03) checked in on 實際!C24 as `value`: what is said at the cell, and KR4's status. */
  async function checkedIn(value: string, metric = 'KR4') {
    const wb = exampleWorkbook('zh-TW');
    const row = wb['實際'].findIndex((r) => r[1] === 'KR4');
    wb['實際'][row][1] = metric;
    wb['實際'][row][2] = value;
    const { issues, progress } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    return {
      said: issues.filter((i) => where(i) === '實際!C24').map((i) => [i.code, i.message['zh-TW']]),
      status: progress.keyResults.find((k) => k.id === 'KR4')!.status,
    };
  }

  it('✔️ and ☑️ (the mark and U+FE0F, as a phone or a Mac types it) are done, as ✔ and ☑ are', async () => {
    for (const mark of ['✔\uFE0F', '☑\uFE0F', '✔\uFE0E', '✔', '✅'])
      expect(await checkedIn(mark), JSON.stringify(mark)).toEqual({ said: [], status: 'done' });
    // Not done, with a selector too.
    expect(await checkedIn('✘\uFE0F')).toEqual({ said: [], status: 'missed' });
    // Every word is compared so, not only a milestone's: an arrow from the emoji keyboard is a Direction.
    expect(matchEnum('direction', '↓\uFE0F')).toBe('decrease');
  });

  it('on a metric that is no milestone, ✔️ is a done mark it cannot take, said as ✔ is', async () => {
    const kpi = await checkedIn('✔\uFE0F', 'KPI2');
    expect(kpi.said.map(([code]) => code)).toEqual(['yes-no-not-milestone']);
    expect((await checkedIn('✔', 'KPI2')).said.map(([code]) => code)).toEqual(['yes-no-not-milestone']);
  });
});
