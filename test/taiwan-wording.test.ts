/**
 * What a team in Taiwan reads when the check finds something: the Traditional Chinese example plan, changed the
 * way a QA pass changed it (.scratch/qa-zhtw), through a real .xlsx as the CLI reads it. Each test asserts the
 * issue's code, its cell and its words, in Taiwan's wording and in the glossary's terms.
 */
import { describe, expect, it } from 'vitest';

import { utcDate } from '../report/write-xlsx';
import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  localized,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { addRow, setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const traditional = (): Workbook => exampleWorkbook('zh-TW', { date: utcDate });

async function check(workbook: Workbook): Promise<PlanIssue[]> {
  return analyzeWorkbook(await throughXlsx(workbook), { asOf: EXAMPLE_AS_OF }).issues;
}

const said = (issues: PlanIssue[], code: string) =>
  issues
    .filter((i) => i.code === code)
    .map((i) => ({ cell: `${i.sheet}!${i.a1}`, message: i.message['zh-TW'], fix: i.fix['zh-TW'] }));

describe('wording a team in Taiwan reads', () => {
  it('asks for a confidence typed as a word (高, 七成) with an example that is a confidence', async () => {
    const wb = traditional();
    setCell(wb, '關鍵結果', 'KR1', '信心', '高');
    setCell(wb, '關鍵結果', 'KR2', '信心', '七成');
    setCell(wb, '關鍵結果', 'KR3', '基線', '無');
    const issues = await check(wb);
    expect(said(issues, 'not-a-number')).toEqual([
      {
        cell: '關鍵結果!N2',
        message: 'KR1 的「信心」為「高」，不是數字。',
        fix: '請填寫數字，例如 70% 或 0.7。',
      },
      {
        cell: '關鍵結果!N3',
        message: 'KR2 的「信心」為「七成」，不是數字。',
        fix: '請填寫數字，例如 70% 或 0.7。',
      },
      // A baseline is in the metric's own unit: any number fits.
      {
        cell: '關鍵結果!H4',
        message: 'KR3 的「基線」為「無」，不是數字。',
        fix: '請填寫數字，例如 50000 或 20%。',
      },
    ]);
    const kr1 = issues.find((i) => i.code === 'not-a-number')!;
    expect(kr1.fix.en).toBe('Type a number such as 70% or 0.7.');
    expect(kr1.fix['zh-CN']).toBe('请填写数字，例如 70% 或 0.7。');
  });

  it('says what an idle department lacks without calling it an objective seen (目標可見)', async () => {
    const wb = traditional();
    addRow(wb, '部門', { 部門: '法務', 負責人: '周律師' });
    const [idle] = said(await check(wb), 'idle-department');
    expect(idle).toEqual({
      cell: '部門!A7',
      message: '法務 沒有負責任何目標、關鍵結果、KPI 或路線圖事項。',
      fix: '讓每個部門都負責一項自己能推動的事（目標、關鍵結果、KPI 或路線圖事項），並看得到它和上層目標的關聯。',
    });
  });

  it('names Decompose targets as its menu item does, 分解目標值 (目標 alone is an objective)', async () => {
    const wb = traditional();
    setCell(wb, '關鍵結果', 'KR1', '分解方式', '自訂');
    const issues = await check(wb);
    expect(said(issues, 'custom-weights-missing')).toEqual([
      {
        cell: '關鍵結果!L2',
        message: 'KR1 使用自訂分解，但「目標分解」表中沒有權重，暫按平均分解。',
        fix: '執行「分解目標值」，然後在其權重列填寫權重。',
      },
    ]);
    const menu = localized((m) => m.addon.menuDecompose);
    expect(menu).toEqual({ en: 'Decompose targets', 'zh-CN': '分解目标值', 'zh-TW': '分解目標值' });
    const fix = issues.find((i) => i.code === 'custom-weights-missing')!.fix;
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) expect(fix[lang]).toContain(menu[lang]);
  });
});
