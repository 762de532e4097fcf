/**
 * Words an English-speaking team types that the plan refused or answered with a fix that did not help (a QA round on
 * English plans): a milestone checked in as "Completed", an Actuals Value column headed "Actual", an amount in lakhs,
 * crores or rupees (12 lakhs, 1.5 Cr, Rs. 12,00,000), a KPI target typed with its comparison sign (≥ 5%), and a fix
 * that ended in two full stops ("Type 1.5 Mio.."). Each through a real .xlsx, read as the CLI reads it.
 */
import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  planProgress,
  type Cell,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { fill } from '../shared/i18n';
import { setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const KR = 'Key Results';

/** The English example with `edit` made, written to an .xlsx and read back, then checked as of the example's day. */
async function checked(edit: (wb: Workbook) => void) {
  const wb = exampleWorkbook('en');
  edit(wb);
  const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
  return { plan, issues, progress: planProgress(plan, EXAMPLE_AS_OF) };
}

const at = (issues: PlanIssue[], sheet: string, a1: string) =>
  issues.filter((i) => i.sheet === sheet && i.a1 === a1);

describe('a milestone checked in with an English word for done', () => {
  const kr4With = async (value: Cell) => {
    const { issues, progress } = await checked((wb) => {
      wb['Actuals'].find((r) => r[1] === 'KR4')![2] = value;
    });
    const kr4 = progress.keyResults.find((k) => k.id === 'KR4')!;
    return { status: kr4.status, score: kr4.score, issues: at(issues, 'Actuals', 'C24').map((i) => i.code) };
  };

  it('reads Completed, Complete, Achieved and Finished (any case) as done', async () => {
    for (const done of ['Completed', 'complete', 'ACHIEVED', 'Finished'])
      expect(await kr4With(done), done).toEqual({ status: 'done', score: 1, issues: [] });
  });

  it('reads Not yet and Incomplete as not done, and still refuses a word that says neither', async () => {
    for (const notDone of ['Not yet', 'Incomplete'])
      expect(await kr4With(notDone), notDone).toEqual({ status: 'missed', score: 0, issues: [] });
    expect((await kr4With('Almost')).issues).toEqual(['milestone-check-in']);
  });
});

describe('an Actuals Value column headed Actual', () => {
  for (const header of ['Actual', 'Actuals', 'Actual value', '實際', '实际'])
    it(`reads the column headed "${header}" as the Value column`, async () => {
      const { issues, progress } = await checked((wb) => {
        wb['Actuals'][0][2] = header;
      });
      expect(issues.filter((i) => i.sheet === 'Actuals')).toEqual([]);
      const example = planProgress(
        analyzeWorkbook(exampleWorkbook('en'), { asOf: EXAMPLE_AS_OF }).plan,
        EXAMPLE_AS_OF,
      );
      expect(progress.keyResults.map((k) => [k.id, k.status, k.actualToDate])).toEqual(
        example.keyResults.map((k) => [k.id, k.status, k.actualToDate]),
      );
    });
});

describe('amounts in lakhs, crores and rupees', () => {
  const targetOfKr1 = async (target: string, currency = 'USD') => {
    const { plan, issues } = await checked((wb) => {
      wb['Strategy'].find((r) => r[0] === 'Currency')![1] = currency;
      setCell(wb, KR, 'KR1', 'Unit', currency);
      setCell(wb, KR, 'KR1', 'Target', target);
    });
    return { target: plan.keyResults[0].target, issues: at(issues, KR, 'I2').map((i) => i.code) };
  };

  it('reads 12 lakhs and 12 lacs as 1,200,000, and 1.5 Cr, 1.5 crores as 15,000,000 exactly', async () => {
    expect(await targetOfKr1('12 lakhs')).toEqual({ target: 1_200_000, issues: [] });
    expect(await targetOfKr1('12 lacs')).toEqual({ target: 1_200_000, issues: [] });
    expect(await targetOfKr1('1.5 Cr')).toEqual({ target: 15_000_000, issues: [] });
    expect(await targetOfKr1('1.5 crores')).toEqual({ target: 15_000_000, issues: [] });
  });

  it('reads Rs. and Rs as the rupee of a plan in INR, and refuses them in a plan in USD', async () => {
    expect(await targetOfKr1('Rs. 12,00,000', 'INR')).toEqual({ target: 1_200_000, issues: [] });
    expect(await targetOfKr1('Rs 1.5 Cr', 'INR')).toEqual({ target: 15_000_000, issues: [] });
    expect(await targetOfKr1('₹12 lakh', 'INR')).toEqual({ target: 1_200_000, issues: [] });
    expect(await targetOfKr1('Rs. 12,00,000', 'USD')).toEqual({
      target: null,
      issues: ['currency-mismatch'],
    });
  });
});

describe('a target typed with a comparison sign', () => {
  it('says to type the number alone, the Direction saying which side is good, in every language', async () => {
    for (const typed of ['≥ 5%', '>=5%', '＞ 5%']) {
      const { issues } = await checked((wb) => setCell(wb, 'KPIs', 'KPI1', 'Target', typed));
      const [issue] = at(issues, 'KPIs', 'G2');
      expect(issue.code, typed).toBe('comparison-sign');
      expect(issue.message.en).toBe(
        `Target of KPI1 is "${typed}": a comparison sign or word with the number, which is not read.`,
      );
      expect(issue.fix).toEqual({
        en: 'Type 5% alone; the Direction column says whether higher or lower is better.',
        'zh-CN': '请只填写 5%；越高越好还是越低越好，由“方向”列决定。',
        'zh-TW': '請只填寫 5%；越高越好還是越低越好，由「方向」欄決定。',
      });
    }
  });

  it('keeps "not a number" for a sign before text that is no number', async () => {
    const { issues } = await checked((wb) => setCell(wb, 'KPIs', 'KPI1', 'Target', '≥ most'));
    expect(at(issues, 'KPIs', 'G2').map((i) => i.code)).toEqual(['not-a-number']);
  });
});

describe('a fix whose value ends in a full stop', () => {
  it('ends "Type 1.5 Mio." with one stop, in English and Chinese alike', async () => {
    const { issues } = await checked((wb) => setCell(wb, KR, 'KR1', 'Target', '1,5 Mio.'));
    const [issue] = at(issues, KR, 'I2');
    expect(issue.code).toBe('decimal-mark');
    expect(issue.fix).toEqual({
      en: 'Type 1.5 Mio.',
      'zh-CN': '请填写 1.5 Mio.',
      'zh-TW': '請填寫 1.5 Mio.',
    });
  });

  it('leaves a stop after a value that does not end in one, and a stop inside a sentence', () => {
    expect(fill('Type {x}.', { x: '1.5' })).toBe('Type 1.5.');
    expect(fill('Type {x}。', { x: 'Rs.' })).toBe('Type Rs.');
    expect(fill('"{x}". Then', { x: 'Rs.' })).toBe('"Rs.". Then');
  });
});
