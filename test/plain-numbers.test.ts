/**
 * Weights and confidences are plain numbers, of no metric (a QA round on numbers typed as text): a unit or a currency
 * typed with one is said to be no part of it, at its cell, with the number to type.
 */
import { describe, expect, it } from 'vitest';

import { exampleWorkbook, parsePlan, type Cell, type PlanIssue } from '../shared';
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
