/**
 * A check-in typed in another unit of the same kind as the metric's (30分钟 where KPI2 counts 小时) is refused, and
 * its fix gives the number in the metric's unit where the two convert exactly: 0.5. Before, the fix said "or just the
 * number", and 30 typed alone was read as 30 hours with no word (QA). Where no exact conversion is known, the fix
 * never says to type the number alone. Each case is the example plan through a real .xlsx, read as the CLI reads it.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, exampleWorkbook, readNumber, type Cell, type Lang } from '../shared';
import { convertUnit } from '../shared/cells';
import { throughXlsx } from './helpers/xlsx';

const AS_OF = '2026-11-15';

/** The example in `lang` with KPI2's first check-in (its Unit: hours, 小时, 小時) typed as `value`, through .xlsx. */
async function kpi2FirstCheckIn(lang: Lang, value: Cell) {
  const wb = exampleWorkbook(lang);
  const actuals = actualsTab(lang);
  const grid = wb[actuals];
  const row = grid.findIndex((r) => r[1] === 'KPI2');
  grid[row][2] = value;
  const read = await throughXlsx(wb);
  const { plan, issues } = analyzeWorkbook(read, { asOf: AS_OF, timeZone: 'UTC' });
  const at = issues.filter((i) => i.sheet === actuals && i.row === row + 1);
  const values = plan.actuals.filter((a) => a.metric === 'KPI2').map((a) => a.value);
  return { at, first: values[0], count: values.length };
}

const actualsTab = (lang: Lang) => ({ en: 'Actuals', 'zh-CN': '实际', 'zh-TW': '實際' })[lang];

describe('a number typed in another unit of time: the fix gives it in the metric’s unit', () => {
  it('zh-CN: 30分钟 where KPI2 counts 小时 says 请填写 0.5; 0.5 as told is read, 0.5 hours, with no issue (QA)', async () => {
    const typed = await kpi2FirstCheckIn('zh-CN', '30分钟');
    expect(typed.at.map((i) => i.code)).toEqual(['unit-mismatch']);
    expect(typed.at[0].fix['zh-CN']).toBe('请填写 0.5：30分钟 即 0.5 小时。');
    expect(typed.at[0].fix['zh-CN']).not.toContain('只填写数字');
    const asTold = await kpi2FirstCheckIn('zh-CN', 0.5);
    expect(asTold.at).toEqual([]);
    expect(asTold.first).toBe(0.5);
  });

  it('the same in English and Traditional Chinese: 90 min → 1.5, 2 天 → 48, 2 weeks → 336, 1800 秒 → 0.5', async () => {
    const en = await kpi2FirstCheckIn('en', '90 min');
    expect(en.at.map((i) => i.code)).toEqual(['unit-mismatch']);
    expect(en.at[0].fix.en).toBe('Type 1.5: 90 min is 1.5 hours.');
    expect((await kpi2FirstCheckIn('en', '2 weeks')).at[0].fix.en).toBe('Type 336: 2 weeks is 336 hours.');
    const tw = await kpi2FirstCheckIn('zh-TW', '2天');
    expect(tw.at[0].fix['zh-TW']).toBe('請填寫 48：2天 即 48 小時。');
    expect((await kpi2FirstCheckIn('zh-TW', '1800 秒')).at[0].fix['zh-TW']).toBe(
      '請填寫 0.5：1800 秒 即 0.5 小時。',
    );
  });

  it('no exact conversion (10 minutes is 0.1666… hours; a percent; sign-ups): the number in the unit, never alone', async () => {
    for (const value of ['10分钟', '20%', '5 人']) {
      const { at } = await kpi2FirstCheckIn('zh-CN', value);
      expect(
        at.map((i) => i.code),
        value,
      ).toEqual(['unit-mismatch']);
      expect(at[0].fix['zh-CN'], value).toBe('请填写以 小时 计的数字。');
      expect(at[0].fix.en, value).toBe('Type the number in 小时.');
      expect(at[0].fix['zh-TW'], value).toBe('請填寫以 小时 計的數字。');
    }
  });

  it('convertUnit: exact conversions of time, months and length; none across kinds or where inexact', () => {
    expect(convertUnit(30, '分钟', '小时')).toBe(0.5);
    expect(convertUnit(2, '天', 'hours')).toBe(48);
    expect(convertUnit(90, 'min', 'h')).toBe(1.5);
    expect(convertUnit(2, 'weeks', '小時')).toBe(336);
    expect(convertUnit(45, 'secs', 'minutes')).toBe(0.75);
    expect(convertUnit(6, '个月', '年')).toBe(0.5);
    expect(convertUnit(1500, 'm', 'km')).toBe(1.5);
    expect(convertUnit(1, 'mile', 'feet')).toBe(5280);
    expect(convertUnit(10, 'minutes', 'hours')).toBeUndefined();
    expect(convertUnit(1, 'month', 'days')).toBeUndefined();
    expect(convertUnit(1, 'hour', 'km')).toBeUndefined();
    expect(convertUnit(1, 'sign-ups', 'users')).toBeUndefined();
    // readNumber carries the number in the metric's unit beside the unit typed.
    expect(readNumber('30分钟', { unit: '小时' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: '分钟',
      other: '0.5',
    });
  });

  it('a metric with no Unit: the number alone, or its unit in the Unit column', async () => {
    const wb = exampleWorkbook('zh-CN');
    const kpis = wb['KPI'] ? 'KPI' : Object.keys(wb).find((k) => /KPI/.test(k))!;
    const unitColumn = wb[kpis][0].indexOf('单位');
    wb[kpis][wb[kpis].findIndex((r) => r[0] === 'KPI2')][unitColumn] = '';
    const grid = wb['实际'];
    const row = grid.findIndex((r) => r[1] === 'KPI2');
    grid[row][2] = '30分钟';
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: AS_OF, timeZone: 'UTC' });
    const at = issues.filter((i) => i.code === 'unit-mismatch' && i.sheet === '实际');
    expect(at.map((i) => i.fix['zh-CN'])).toEqual(['请只填写数字，或在“单位”列写明单位。']);
    expect(at[0].fix.en).toBe('Type the number alone, or name its unit in the "Unit" column.');
  });
});
