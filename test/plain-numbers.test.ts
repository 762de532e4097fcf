/**
 * Weights and confidences are plain numbers, of no metric (a QA round on numbers typed as text): a unit or a currency
 * typed with one is said to be no part of it, at its cell, with the number to type; and a custom weight on the
 * Targets tab is read as every other number cell is, with the same warnings and the same text to type.
 */
import { describe, expect, it } from 'vitest';

import {
  buildTargetsSheet,
  customWeights,
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  type Cell,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { setCell } from './helpers/edit';

const KR = 'Key Results';

/** The issues of one cell, as the sidebar and the CLI show them: code, cell and message and fix in en and zh-TW. */
const said = (issues: PlanIssue[], sheet: string, a1: string) =>
  issues
    .filter((i) => i.sheet === sheet && i.a1 === a1)
    .map((i) => ({
      code: i.code,
      en: `${i.message.en} | ${i.fix.en}`,
      zhTW: `${i.message['zh-TW']} | ${i.fix['zh-TW']}`,
    }));

const weightOf = (wb: Workbook, id: string, options = {}) =>
  parsePlan(wb, options).plan.keyResults.find((kr) => kr.id === id)!;

describe('a Weight or Confidence typed with a unit or a currency', () => {
  const typed = (header: string, value: Cell, lang: 'en' | 'zh-TW' = 'en') => {
    const wb = exampleWorkbook(lang);
    const tab = lang === 'en' ? KR : '關鍵結果';
    setCell(wb, tab, 'KR2', lang === 'en' ? header : { Weight: '權重', Confidence: '信心' }[header]!, value);
    return { wb, tab, ...parsePlan(wb) };
  };

  it.each([
    ['2x', '2'],
    ['2 pcs', '2'],
    ['$2', '2'],
    ['2 USD', '2'],
    ['1.5 hours', '1.5'],
  ])('Weight "%s" is said to be a plain number, with %s to type, and not read', (value, number) => {
    const { issues, plan } = typed('Weight', value);
    expect(said(issues, KR, 'M3')).toEqual([
      {
        code: 'unit-in-plain-number',
        en: `Weight of KR2 is "${value}": a weight is a plain number, with no unit or currency. | Type ${number}.`,
        zhTW: `KR2 的「權重」為「${value}」：權重是純數字，不帶單位或貨幣。 | 請填寫 ${number}。`,
      },
    ]);
    // Not read: weighed 1, as a blank weight, until it is typed as a number.
    expect(plan.keyResults.find((kr) => kr.id === 'KR2')!.weight).toBe(1);
  });

  it('says so in a Traditional Chinese plan, never "the unit of KR2 is 無"', () => {
    const { issues, tab } = typed('Weight', '2次', 'zh-TW');
    expect(said(issues, tab, 'M3')).toEqual([
      {
        code: 'unit-in-plain-number',
        en: 'Weight of KR2 is "2次": a weight is a plain number, with no unit or currency. | Type 2.',
        zhTW: 'KR2 的「權重」為「2次」：權重是純數字，不帶單位或貨幣。 | 請填寫 2。',
      },
    ]);
  });

  it('a Confidence typed in pieces is refused; one typed as a percentage is read', () => {
    const { issues } = typed('Confidence', '80 pcs');
    expect(said(issues, KR, 'N3')).toEqual([
      {
        code: 'unit-in-plain-number',
        en: 'Confidence of KR2 is "80 pcs": a confidence is a plain number or a percentage, with no unit or currency. | Type 80.',
        zhTW: 'KR2 的「信心」為「80 pcs」：信心是純數字或百分比，不帶單位或貨幣。 | 請填寫 80。',
      },
    ]);
    const percent = typed('Confidence', '80%');
    expect(said(percent.issues, KR, 'N3')).toEqual([]);
    expect(percent.plan.keyResults.find((kr) => kr.id === 'KR2')!.confidence).toBe(0.8);
  });

  it('a plain Weight typed as text, or in percent, is read as before', () => {
    for (const [value, weight] of [
      ['2', 2],
      ['50%', 0.5],
    ] as const) {
      const { issues, plan } = typed('Weight', value);
      expect(said(issues, KR, 'M3')).toEqual([]);
      expect(plan.keyResults.find((kr) => kr.id === 'KR2')!.weight).toBe(weight);
    }
  });

  it('other text beside a weight is still no number', () => {
    expect(said(typed('Weight', 'two').issues, KR, 'M3').map((i) => i.code)).toEqual(['not-a-number']);
  });
});

describe('a custom weight on the Targets tab typed as text', () => {
  /** The example with KR2 custom, its Targets tab built, and March's weight typed as `march`. */
  const withWeight = (march: Cell) => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Phasing', 'custom');
    const sheet = buildTargetsSheet(parsePlan(wb).plan, { lang: 'en', date: isoToSerial })!;
    const row = sheet.weightRows[0];
    const weights = sheet.rows[row - 1];
    const first = sheet.firstMonthColumn - 1;
    for (let m = 2; m < 12; m++) weights[first + m] = 1; // March to December
    weights[first + 2] = march;
    wb['Targets'] = sheet.rows;
    const letter = String.fromCharCode(65 + first + 2);
    return { wb, a1: `${letter}${row}` };
  };

  it('"1.000" is read as 1 and warned of, as in a Target cell', () => {
    const { wb, a1 } = withWeight('1.000');
    const { plan, issues } = parsePlan(wb);
    expect(said(issues, 'Targets', a1)).toEqual([
      {
        code: 'ambiguous-number',
        en: 'Weight for 2026-03 of KR2 is "1.000", read as 1; in a spreadsheet that writes decimals with a comma (de_DE, fr_FR…) it means 1000. | If it means 1000, name the spreadsheet\'s locale with gtm-pyramid --locale (de_DE), or type the number in a number cell.',
        zhTW: 'KR2 的「2026-03 權重」為「1.000」，讀作 1；在以逗號作小數點的試算表（de_DE、fr_FR 等）中它表示 1000。 | 如果它表示 1000，請用 gtm-pyramid --locale 指定試算表的地區設定（de_DE），或在數字儲存格中填寫該數字。',
      },
    ]);
    expect(customWeights(plan, 'KR2')?.['2026-03']).toBe(1);
  });

  it('"1.000" in a de_DE spreadsheet is 1000, as a Target typed so is there', () => {
    const { wb, a1 } = withWeight('1.000');
    const { plan, issues } = parsePlan(wb, { locale: 'de_DE' });
    expect(said(issues, 'Targets', a1)).toEqual([]);
    expect(customWeights(plan, 'KR2')?.['2026-03']).toBe(1000);
  });

  it('"1,5" is said with 1.5 to type, and not used', () => {
    const { wb, a1 } = withWeight('1,5');
    const { plan, issues } = parsePlan(wb);
    expect(said(issues, 'Targets', a1)).toEqual([
      {
        code: 'decimal-mark',
        en: 'Weight for 2026-03 of KR2 is "1,5", a number only where decimals are written with ","; this spreadsheet writes them with "." (no locale given: a workbook file records none, and gtm-pyramid --locale names it). | Type 1.5.',
        zhTW: expect.stringContaining('KR2 的「2026-03 權重」為「1,5」') as unknown as string,
      },
    ]);
    expect(said(issues, 'Targets', a1)[0].zhTW).toMatch(/請填寫 1\.5。$/);
    expect(customWeights(plan, 'KR2')?.['2026-03']).toBeUndefined();
  });

  it('"2x" is said to be no plain number; a negative weight and text are said as before', () => {
    const x = withWeight('2x');
    expect(said(parsePlan(x.wb).issues, 'Targets', x.a1).map((i) => i.en)).toEqual([
      'Weight for 2026-03 of KR2 is "2x": a weight is a plain number, with no unit or currency. | Type 2.',
    ]);
    for (const value of [-1, 'two', '-1']) {
      const { wb, a1 } = withWeight(value);
      expect(said(parsePlan(wb).issues, 'Targets', a1).map((i) => i.en)).toEqual([
        `The weight of KR2 for 2026-03 is "${value}": a weight is a number of 0 or more, so it is not used. | Type 0 or more, or leave the cell empty.`,
      ]);
    }
  });

  it('a weight typed as text that reads plainly is used', () => {
    const { wb, a1 } = withWeight('2');
    const { plan, issues } = parsePlan(wb);
    expect(said(issues, 'Targets', a1)).toEqual([]);
    expect(customWeights(plan, 'KR2')?.['2026-03']).toBe(2);
    expect(weightOf(wb, 'KR2').phasing).toBe('custom');
  });
});
