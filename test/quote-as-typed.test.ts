/**
 * A message about a cell quotes the cell as it shows, so the reader finds it: typed the way a Taiwanese user types
 * (full-width digits and signs from a Chinese input method, ４９，０００, １２％, 1.2萬, －１), not as the number read
 * (49,000 註冊數, 12). Numbers the product works out (a ratio, the figure to type instead) stay in its own digits.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, exampleWorkbook, type PlanIssue, type Workbook } from '../shared';
import { addRow, setCell } from './helpers/edit';

const AS_OF = '2026-11-15';
const KR = '關鍵結果';
const ACTUALS = '實際';

const issuesOf = (wb: Workbook): PlanIssue[] => analyzeWorkbook(wb, { asOf: AS_OF }).issues;
/** The zh-TW message and fix of the one issue of `code` at the cell. */
function said(
  issues: PlanIssue[],
  code: string,
  sheet: string,
  a1: string,
): { message: string; fix: string } {
  const found = issues.filter((i) => i.code === code && i.sheet === sheet && i.a1 === a1);
  expect(found.map((i) => `${i.code} ${i.sheet}!${i.a1}`)).toEqual([`${code} ${sheet}!${a1}`]);
  return { message: found[0].message['zh-TW'], fix: found[0].fix['zh-TW'] };
}

describe('a check-in typed in full-width characters is quoted as typed', () => {
  const wb = exampleWorkbook('zh-TW');
  const rows = {
    first: addRow(wb, ACTUALS, { 日期: '2026-06-15', 指標: 'KR2', 數值: '４９，０００' }),
    repeat: addRow(wb, ACTUALS, { 日期: '2026-06-15', 指標: 'KR2', 數值: '４９，０００' }),
    wan: addRow(wb, ACTUALS, { 日期: '2026-08-15', 指標: 'KR2', 數值: '４．９萬' }),
    sameDay: addRow(wb, ACTUALS, { 日期: '2026-08-15', 指標: 'KR2', 數值: '1.2萬' }),
    over: addRow(wb, ACTUALS, { 日期: '2026-09-15', 指標: 'KR2', 數值: '６０，０００' }),
    whole: addRow(wb, ACTUALS, { 日期: '2026-07-15', 指標: 'KR3', 數值: '１２' }),
  };
  const issues = issuesOf(wb);

  it('duplicate-check-in: ４９，０００, not 49,000 註冊數', () => {
    expect(said(issues, 'duplicate-check-in', ACTUALS, `C${rows.repeat}`).message).toBe(
      `實際資料第 ${rows.repeat} 列與第 ${rows.first} 列重複（KR2，2026-06-15，４９，０００），只計一次。`,
    );
  });

  it('same-day-amounts: both rows as typed (４．９萬, 1.2萬)', () => {
    expect(said(issues, 'same-day-amounts', ACTUALS, `C${rows.sameDay}`).message).toBe(
      `實際資料第 ${rows.sameDay} 列（KR2，2026-08-15，1.2萬）與第 ${rows.wan} 列（４．９萬）日期相同：兩個數值都計入，相加。`,
    );
  });

  it('month-far-above-plan and month-over-target: the amount as typed, the plan in the product’s figures', () => {
    expect(said(issues, 'month-far-above-plan', ACTUALS, `C${rows.wan}`).message).toContain(
      '一個月的 ４．９萬 超過當月計畫（5,000 註冊數）的五倍',
    );
    expect(said(issues, 'month-over-target', ACTUALS, `C${rows.over}`).message).toContain(
      '一個月的 ６０，０００ 超過了 KR2 的全部目標值（50,000 註冊數）',
    );
  });

  it('percent-as-whole-number: １２ quoted, 12% and 0.12 to type', () => {
    expect(said(issues, 'percent-as-whole-number', ACTUALS, `C${rows.whole}`).message).toBe(
      'KR3 的「數值」：１２ 看起來是 12% —— 請填寫 12% 或 0.12。該數值不計入。',
    );
  });
});

describe('a key result or KPI cell typed in full-width characters is quoted as typed', () => {
  const wb = exampleWorkbook('zh-TW');
  setCell(wb, KR, 'KR1', '信心', '７．５');
  setCell(wb, KR, 'KR3', '信心', '１２０％　');
  setCell(wb, 'KPI', 'KPI1', '目標值', '５');
  setCell(wb, KR, 'KR1', '權重', '５０％');
  setCell(wb, KR, 'KR2', '權重', '２０');
  const issues = issuesOf(wb);

  it('confidence-ambiguous: ７．５ quoted; 7.5 out of 10 in the product’s digits', () => {
    const { message, fix } = said(issues, 'confidence-ambiguous', KR, 'N2');
    expect(message).toBe('KR1 的信心為 ７．５：是 75%（10 分制的 7.5 分）還是 7.5%？寫明之前不予顯示。');
    expect(fix).toBe('10 分制的 7.5 分請填寫 75%，否則填寫 7.5%。');
  });

  it('confidence-out-of-range: １２０％ as typed (the blank after it shows nothing, and is not quoted)', () => {
    expect(said(issues, 'confidence-out-of-range', KR, 'N4').message).toBe(
      'KR3 的信心為 １２０％；信心應在 0% 到 100% 之間，因此不予顯示。',
    );
  });

  it('percent-as-whole-number of a KPI: ５ quoted, 5% to type, never ５%', () => {
    const { message } = said(issues, 'percent-as-whole-number', 'KPI', 'G2');
    expect(message).toBe(
      'KPI1 的「目標值」：５ 看起來是 5% —— 請填寫 5% 或 0.05。修正前，該 KPI 不計入進度。',
    );
  });

  it('weight-scales-mixed: ２０ quoted, 20% to type', () => {
    const { message, fix } = said(issues, 'weight-scales-mixed', KR, 'M3');
    expect(message).toBe(
      'KR2 的權重為 ２０，沒有 % 符號，而目標 O1 的其他關鍵結果的權重以 % 填寫（KR1 50%）：它按 2000% 計算，而不是 20%。',
    );
    expect(fix).toContain('如果指的是 20%，請填寫 20%（或 0.2）');
  });
});

describe('in English, a plain number is quoted as before', () => {
  it('duplicate-check-in and percent-as-whole-number of plain numbers: in the metric’s unit, as typed', () => {
    const wb = exampleWorkbook('en');
    const first = addRow(wb, 'Actuals', { Date: '2026-06-15', Metric: 'KR2', Value: 49000 });
    const repeat = addRow(wb, 'Actuals', { Date: '2026-06-15', Metric: 'KR2', Value: 49000 });
    const whole = addRow(wb, 'Actuals', { Date: '2026-07-15', Metric: 'KR3', Value: 12 });
    const issues = issuesOf(wb);
    const en = (code: string, a1: string) =>
      issues.find((i) => i.code === code && i.sheet === 'Actuals' && i.a1 === a1)!.message.en;
    expect(en('duplicate-check-in', `C${repeat}`)).toBe(
      `Actuals row ${repeat} repeats row ${first} (KR2, 2026-06-15, 49,000 sign-ups); it is counted once.`,
    );
    expect(en('percent-as-whole-number', `C${whole}`)).toBe(
      'Value of KR3: 12 looks like 12% — type 12% or 0.12. This value is not counted.',
    );
  });
});
