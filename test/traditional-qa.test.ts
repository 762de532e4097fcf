/**
 * Plans written in Traditional Chinese, as a QA round typed them: a department typed twice in two spellings that
 * every owner cell matches as one (台 / 臺, Traditional / Simplified), a Roadmap status the template has no word
 * for, and a check mark picked from a phone's or a Mac's emoji keyboard (✔️: ✔ and a variation selector).
 * Each from the Traditional Chinese example through a real .xlsx, judged by what the user is told and shown.
 */
import { describe, expect, it } from 'vitest';

import { buildReport } from '../report/generate';
import type { PlanJson } from '../report/plan-json';
import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  matchEnum,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { addRow, setCell } from './helpers/edit';
import { parse } from './helpers/report';
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

describe('a Roadmap status the template has no word for', () => {
  // 路線圖 rows 2 to 10 are R1 to R9.
  async function roadmapWith(statuses: Record<string, string>) {
    const wb = exampleWorkbook('zh-TW');
    for (const [id, status] of Object.entries(statuses)) setCell(wb, '路線圖', id, '狀態', status);
    const read = await throughXlsx(wb);
    const { plan, issues } = analyzeWorkbook(read, { asOf: EXAMPLE_AS_OF });
    const report = await buildReport(read, { asOf: EXAMPLE_AS_OF, source: null });
    const file = (name: string) => report.files.find((f) => f.name === name)!.data as string;
    const doc = parse(file('index.html'));
    /** Each roadmap table row of the page (the company's and the department's) for an item: its Status cell. */
    const shown = (id: string) =>
      Array.from(doc.querySelectorAll('tr'))
        .filter((tr) => tr.querySelector('td')?.textContent === id)
        .map((tr) => {
          const cell = tr.querySelectorAll('td')[7];
          const mark = cell.querySelector('.unread');
          return {
            text: cell.textContent!.trim(),
            mark: mark?.textContent,
            tooltip: mark?.getAttribute('title'),
          };
        });
    const json = JSON.parse(file('plan.json')) as PlanJson;
    return { plan, issues, shown, json };
  }

  it('取消, 已取消 and 完成 80% are said at the cell, and the report shows them as typed, marked as not understood', async () => {
    const { plan, issues, shown, json } = await roadmapWith({ R1: '取消', R2: '已取消', R4: '完成 80%' });
    const allowed = '計畫中、進行中、已完成、延遲、暫停、受阻';
    expect(told(issues, 'invalid-choice')).toEqual([
      ['路線圖!H2', `R1 的「狀態」為「取消」，可選值：${allowed}。`],
      ['路線圖!H3', `R2 的「狀態」為「已取消」，可選值：${allowed}。`],
      ['路線圖!H5', `R4 的「狀態」為「完成 80%」，可選值：${allowed}。`],
    ]);
    // No status, never the default one: R4, done at 80%, is no more planned than done.
    expect(plan.roadmap.slice(0, 4).map((r) => [r.id, r.status, r.unreadStatus])).toEqual([
      ['R1', null, '取消'],
      ['R2', null, '已取消'],
      ['R3', 'done', undefined],
      ['R4', null, '完成 80%'],
    ]);
    const notUnderstood = {
      mark: '無法辨識',
      tooltip: '這不是計畫認得的狀態，不按任何狀態計算：請從清單中選擇。',
    };
    for (const [id, typed] of [
      ['R1', '取消'],
      ['R4', '完成 80%'],
    ]) {
      const cells = shown(id);
      expect(cells.length, id).toBeGreaterThan(0);
      for (const cell of cells) expect(cell).toEqual({ text: `${typed} 無法辨識`, ...notUnderstood });
    }
    expect(shown('R3').every((cell) => cell.text === '已完成' && cell.mark === undefined)).toBe(true);
    expect(json.roadmap.slice(0, 4).map((r) => [r.status, r.statusAsTyped])).toEqual([
      [null, '取消'],
      [null, '已取消'],
      ['done', null],
      [null, '完成 80%'],
    ]);
  });

  it('延期 / 延後 / 延誤 are delayed, 暫緩 on hold, and a done word ticked (已完成 ✅, 完成✔️) done', async () => {
    const typed = {
      R1: '延期',
      R2: '延後',
      R3: '延誤',
      R4: '暫緩',
      R5: '已完成 ✅',
      R6: '完成✔️',
      R7: '進行中 ✅',
    };
    const { plan, issues, shown } = await roadmapWith(typed);
    expect(plan.roadmap.slice(0, 7).map((r) => r.status)).toEqual([
      'delayed',
      'delayed',
      'delayed',
      'on-hold',
      'done',
      'done',
      null,
    ]);
    expect(shown('R1')[0].text).toBe('延遲');
    expect(shown('R4')[0].text).toBe('暫停');
    expect(shown('R5')[0].text).toBe('已完成');
    // A mark beside a word that is not done says what the word does not: refused, shown as typed.
    expect(told(issues, 'invalid-choice').map(([cell]) => cell)).toEqual(['路線圖!H8']);
    expect(shown('R7')[0]).toMatchObject({ text: '進行中 ✅ 無法辨識', mark: '無法辨識' });
  });
});
