/**
 * A Strategy tab that names its fields in its own words, as a team in Taiwan types them: 目標客戶 for Target users,
 * 產品名稱 for Product. Those a reader agrees are the same field are read as it (ALIASES.fields); a row named in words
 * the template does not know, with text beside it, is told at its name while a field is still missing, and the
 * missing field's words point at it rather than call the plan empty there.
 */
import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  type Grid,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { rowOf } from './helpers/edit';

const TAB = '策略';

/** The Traditional example plan, its Strategy row labelled `label` renamed to `to` (the Value kept). */
function renamed(renames: Record<string, string>): Workbook {
  const wb = exampleWorkbook('zh-TW');
  for (const [label, to] of Object.entries(renames)) wb[TAB][rowOf(wb[TAB], label)][0] = to;
  return wb;
}

const analyze = (wb: Workbook) => analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
const onStrategy = (issues: PlanIssue[]) =>
  issues.filter((i) => i.sheet === TAB).map((i) => [i.code, i.a1, i.message['zh-TW']]);

describe('Strategy fields in a plan’s own words', () => {
  it('reads 目標客戶 as Target users, and says nothing of the row', () => {
    const example = analyze(exampleWorkbook('zh-TW'));
    const { plan, issues } = analyze(renamed({ 目標使用者: '目標客戶' }));
    expect(plan.strategy.values.targetUsers).toBe('出海企業的市場行銷團隊。');
    expect(plan.strategy.rows.targetUsers).toBe(5);
    expect(plan.strategy.unread).toEqual([]);
    expect(onStrategy(issues)).toEqual(onStrategy(example.issues));
  });

  it('reads each field under the wordings a Taiwan or mainland team types, in either script', () => {
    const example = analyze(exampleWorkbook('zh-TW')).plan.strategy.values;
    const wordings: Record<string, string>[] = [
      {
        產品: '產品名稱',
        願景: '產品願景',
        目標使用者: '目標客戶',
        痛點與價值: '痛點',
        品類與差異化: '產品定位',
      },
      {
        產品: '产品名称',
        願景: '产品愿景',
        目標使用者: '目标客户',
        痛點與價值: '用户痛点',
        商業目標: '经营目标',
      },
      { 目標使用者: '目標用戶', 商業目標: '業務目標' },
      { 目標使用者: 'Target customers', 痛點與價值: 'Pain points', 商業目標: 'Business objective' },
    ];
    for (const renames of wordings) {
      const { plan, issues } = analyze(renamed(renames));
      expect([renames, plan.strategy.values]).toEqual([renames, example]);
      expect(issues.filter((i) => i.sheet === TAB)).toEqual([]);
    }
  });

  it('tells a row named in words of its own, with text, which fields are still missing, at its name', () => {
    const { plan, issues } = analyze(renamed({ 目標使用者: '目標客群分析' }));
    expect(plan.strategy.values.targetUsers).toBe('');
    expect(plan.strategy.unread).toEqual([{ row: 5, label: '目標客群分析' }]);
    expect(onStrategy(issues)).toEqual([
      [
        'unread-strategy-row',
        'A5',
        '「策略」表的「目標客群分析」（A5）不是範本的欄位，其內容不會被讀取；而計畫仍缺少「目標使用者」。',
      ],
      // The missing field's words point at the row rather than call the plan empty there.
      [
        'strategy-unanswered',
        'A13',
        '產品策略未回答「產品為誰而做？」（目標使用者）。「目標客群分析」（A5）旁的內容未被讀取，因為範本沒有這個名稱的欄位：如果它就是這一項，請改名。',
      ],
    ]);
    const unread = issues.find((i) => i.code === 'unread-strategy-row')!;
    expect(unread.fix['zh-TW']).toBe(
      '如果這一列就是其中之一，請在 A5 把「目標客群分析」改為該欄位的名稱；如果是你自己的備註，保留即可。',
    );
    expect(unread.message.en).toBe(
      '"目標客群分析" (A5) on the "策略" tab is no field of the template, so its value is not read, while the plan still lacks "Target users".',
    );
  });

  it('names every field still missing, the period too', () => {
    const wb = renamed({ 目標使用者: '目標客群分析', 痛點與價值: '客戶為何買單', 週期開始: '起始' });
    const { issues } = analyze(wb);
    const unread = issues.filter((i) => i.code === 'unread-strategy-row');
    expect(unread.map((i) => i.a1)).toEqual(['A5', 'A6', 'A9']);
    for (const issue of unread)
      expect(issue.message['zh-TW']).toContain('而計畫仍缺少「目標使用者」、「痛點與價值」、「週期開始」。');
    const period = issues.find((i) => i.code === 'period-missing')!;
    expect(period.message['zh-TW']).toBe(
      '未設定計畫週期。「目標客群分析」（A5）、「客戶為何買單」（A6）、「起始」（A9）旁的內容未被讀取，因為範本沒有這個名稱的欄位：如果它就是這一項，請改名。',
    );
  });

  it('says nothing of a row that is a note: a name with a blank Value', () => {
    const wb = exampleWorkbook('zh-TW');
    const grid: Grid = wb[TAB];
    grid[rowOf(grid, '目標使用者')] = ['目標客群分析（見附件）', ''];
    const { plan, issues } = analyze(wb);
    expect(plan.strategy.unread).toEqual([]);
    expect(onStrategy(issues)).toEqual([
      ['strategy-unanswered', 'A13', '產品策略未回答「產品為誰而做？」（目標使用者）。'],
    ]);
  });

  it('says nothing of a row of the team’s own while every field is there', () => {
    const wb = exampleWorkbook('zh-TW');
    wb[TAB].push(['負責窗口', '產品部 王小明']);
    const { plan, issues } = analyze(wb);
    expect(plan.strategy.unread).toEqual([{ row: 13, label: '負責窗口' }]);
    expect(issues.filter((i) => i.sheet === TAB)).toEqual([]);
  });
});
