/**
 * IDs and lists of IDs as people type them by hand (the QA pass's t13-ids): key results joined by a slash or a
 * space on the roadmap, a key result's ID with a space or a hyphen on Actuals. The Traditional Chinese example plan
 * through a real .xlsx, as the CLI reads it; each test asserts what the team sees.
 */
import { describe, expect, it } from 'vitest';

import { utcDate } from '../report/write-xlsx';
import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type Workbook } from '../shared';
import { setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const traditional = (): Workbook => exampleWorkbook('zh-TW', { date: utcDate });

async function analyze(workbook: Workbook) {
  return analyzeWorkbook(await throughXlsx(workbook), { asOf: EXAMPLE_AS_OF });
}

describe('lists of key results on the roadmap', () => {
  it('reads "KR4 / KR5", "KR1 KR2" and "KR4／KR5" as the key results they name', async () => {
    const wb = traditional();
    setCell(wb, '路線圖', 'R1', '關鍵結果', 'KR4 / KR5');
    setCell(wb, '路線圖', 'R2', '關鍵結果', 'KR1 KR2');
    setCell(wb, '路線圖', 'R3', '關鍵結果', 'KR4／KR5');
    setCell(wb, '路線圖', 'R4', '關鍵結果', 'KR2，KR1');
    const { plan, issues } = await analyze(wb);
    expect(plan.roadmap.slice(0, 4).map((r) => r.keyResultIds)).toEqual([
      ['KR4', 'KR5'],
      ['KR1', 'KR2'],
      ['KR4', 'KR5'],
      ['KR2', 'KR1'],
    ]);
    expect(issues.filter((i) => i.code === 'unknown-key-result')).toEqual([]);
  });

  it('says the one key result of a list that does not exist, not the whole cell', async () => {
    const wb = traditional();
    setCell(wb, '路線圖', 'R3', '關鍵結果', 'KR4 / KR9');
    const said = (await analyze(wb)).issues
      .filter((i) => i.code === 'unknown-key-result')
      .map((i) => [`${i.sheet}!${i.a1}`, i.message['zh-TW']]);
    expect(said).toEqual([['路線圖!G4', 'R3 引用的關鍵結果「KR9」不存在。']]);
  });
});

describe('a key result ID typed with a space or a hyphen on Actuals', () => {
  it('suggests KR1 for "KR 1" and "KR-1"', async () => {
    const wb = traditional();
    const actuals = wb['實際'];
    const kr1 = actuals.flatMap((row, i) => (row[1] === 'KR1' ? [i] : []));
    actuals[kr1[1]][1] = 'KR 1';
    actuals[kr1[2]][1] = 'KR-1';
    const said = (await analyze(wb)).issues
      .filter((i) => i.code === 'metric-id-near' || i.code === 'unknown-metric')
      .map((i) => ({
        code: i.code,
        cell: `${i.sheet}!${i.a1}`,
        message: i.message['zh-TW'],
        fix: i.fix['zh-TW'],
      }));
    expect(said).toEqual([
      {
        code: 'metric-id-near',
        cell: `實際!B${kr1[1] + 1}`,
        message: `實際資料第 ${kr1[1] + 1} 列的指標「KR 1」既不是關鍵結果也不是 KPI；去掉空格或連字號後是 KR1。這一列未計入。`,
        fix: '改為「KR1」。',
      },
      {
        code: 'metric-id-near',
        cell: `實際!B${kr1[2] + 1}`,
        message: `實際資料第 ${kr1[2] + 1} 列的指標「KR-1」既不是關鍵結果也不是 KPI；去掉空格或連字號後是 KR1。這一列未計入。`,
        fix: '改為「KR1」。',
      },
    ]);
  });

  it('still says an ID that is near none as unknown', async () => {
    const wb = traditional();
    const actuals = wb['實際'];
    const at = actuals.findIndex((row) => row[1] === 'KR1');
    actuals[at][1] = 'KR 9';
    const said = (await analyze(wb)).issues
      .filter((i) => i.code === 'metric-id-near' || i.code === 'unknown-metric')
      .map((i) => [i.code, `${i.sheet}!${i.a1}`]);
    expect(said).toEqual([['unknown-metric', `實際!B${at + 1}`]]);
  });
});
