/**
 * A Due that cannot be read (8月底, "by the end of August", without its year) is refused at its cell, and the key result's window
 * then stands in as the period's. What depends on the window is not said of it, nor of the KPI that follows it: before,
 * "KR1 缺少 2026-10 的实际数据" and the same for KPI1 were said, months the plan never gave KR1 (QA). The zh-CN example
 * through a real .xlsx, read as the CLI reads it.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, exampleWorkbook, type Cell } from '../shared';
import { setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

async function withKr1(header: '截止' | '开始', value: Cell) {
  const wb = exampleWorkbook('zh-CN');
  setCell(wb, '关键结果', 'KR1', header, value);
  const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: '2026-11-15', timeZone: 'UTC' });
  return issues.map((i) => `${i.code} ${i.sheet}!${i.a1} ${i.message['zh-CN']}`);
}

describe('an unreadable Due or Start: its error stays, and nothing is judged through the period instead', () => {
  it('zh-CN: KR1 截止 8月底 (no year) is not-a-date, with no stale check-in of KR1 or KPI1 (QA)', async () => {
    const said = await withKr1('截止', '8月底');
    expect(said.filter((s) => s.startsWith('not-a-date'))).toEqual([
      'not-a-date 关键结果!K2 KR1 的“截止”为“8月底”，不是日期。',
    ]);
    expect(said.filter((s) => /^(stale-check-in|behind-pace)\S* .* (KR1|KPI1) /.test(s))).toEqual([]);
  });

  it('an unreadable Start: its error, and no stale check-in; a Due read (2026-08-31): neither, as before', async () => {
    const start = await withKr1('开始', '三月初');
    expect(start.filter((s) => s.startsWith('not-a-date'))).toHaveLength(1);
    expect(start.filter((s) => /^stale-check-in\S* .* (KR1|KPI1) /.test(s))).toEqual([]);
    const read = await withKr1('截止', '2026-08-31');
    expect(read.filter((s) => /^(not-a-date|stale-check-in)/.test(s))).toEqual([]);
  });

  it('other metrics are judged as before: a KPI of another key result still misses its month', async () => {
    const wb = exampleWorkbook('zh-CN');
    setCell(wb, '关键结果', 'KR1', '截止', '8月底');
    // KR3's window runs through the period: its KPI2 without October is still told.
    const rows = wb['实际'].filter((r) => !(r[1] === 'KPI2' && String(r[0]).startsWith('2026-10')));
    wb['实际'] = rows;
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: '2026-11-15', timeZone: 'UTC' });
    expect(issues.filter((i) => i.code === 'stale-check-in').map((i) => i.message.en)).toEqual([
      'KPI2 has no actual for 2026-10.',
    ]);
  });
});
