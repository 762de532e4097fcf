/**
 * Words people type around a date or a number, in English and Chinese: a Due, an End or a Start typed as a month's end
 * or start in words (2026年8月底, "end of Aug 2026", 2026年3月初) is that month's last or first day; a target or a
 * check-in typed with a comparison word (至少5%, 5%以上, "at least 5%") gets the comparison-sign error that a sign (≥ 5%)
 * gets, saying to type the number alone. Each through a real .xlsx (exceljs), read as the CLI reads it, in every
 * language of the template.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook } from '../shared';
import { LANGS, tabDef } from '../shared/template';
import { throughXlsx } from './helpers/xlsx';
import { checked, codes } from './helpers/typed-example';

describe.each(LANGS)('a month end or start typed in words (%s)', (lang) => {
  it('leaves the example as it was', async () => {
    const clean = analyzeWorkbook(exampleWorkbook(lang), {
      asOf: EXAMPLE_AS_OF,
    });
    expect(codes((await checked(lang, [])).issues)).toEqual(codes(clean.issues));
  });

  // KR1 is due 2026-08-31 in the example: typed in words, nothing else changes.
  for (const due of [
    '2026年8月底',
    '2026年8月末',
    '2026/8月底',
    '115年8月底',
    'end of Aug 2026',
    'End of August 2026',
  ])
    it(`reads the Due "${due}" as 2026-08-31`, async () => {
      const { plan, issues } = await checked(lang, [['keyResults', 'KR1', 'due', due]]);
      const clean = analyzeWorkbook(exampleWorkbook(lang), {
        asOf: EXAMPLE_AS_OF,
      });
      expect(plan.keyResults.find((k) => k.id === 'KR1')!.due).toBe('2026-08-31');
      expect(codes(issues)).toEqual(codes(clean.issues));
    });

  it('reads a month start in words as its first day, and an end as its last, in a Start and an End', async () => {
    const { plan, issues } = await checked(lang, [
      ['keyResults', 'KR1', 'start', '2026年3月初'],
      ['keyResults', 'KR2', 'start', 'start of Mar 2026'],
      ['keyResults', 'KR3', 'start', 'beginning of March 2026'],
      ['objectives', 'O1', 'end', '2026年12月底'],
      ['objectives', 'O2', 'end', 'end of Dec 2026'],
    ]);
    expect(plan.keyResults.slice(0, 3).map((k) => k.start)).toEqual([
      '2026-03-01',
      '2026-03-01',
      '2026-03-01',
    ]);
    expect(plan.objectives.slice(0, 2).map((o) => o.end)).toEqual(['2026-12-31', '2026-12-31']);
    const clean = analyzeWorkbook(exampleWorkbook(lang), {
      asOf: EXAMPLE_AS_OF,
    });
    expect(codes(issues)).toEqual(codes(clean.issues));
  });

  it('reads a Start typed as the end of a month as that last day: what the words say', async () => {
    const { plan } = await checked(lang, [['keyResults', 'KR2', 'start', 'end of Mar 2026']]);
    expect(plan.keyResults.find((k) => k.id === 'KR2')!.start).toBe('2026-03-31');
  });

  it('reads a month named in English with its year as 2026-08 is read: its last day in a Due, its first in a Start', async () => {
    const { plan, issues } = await checked(lang, [
      ['keyResults', 'KR1', 'due', 'Aug 2026'],
      ['keyResults', 'KR2', 'start', 'Mar. 2026'],
      ['keyResults', 'KR2', 'due', 'December 2026'],
    ]);
    const [kr1, kr2] = plan.keyResults;
    expect([kr1.due, kr2.start, kr2.due]).toEqual(['2026-08-31', '2026-03-01', '2026-12-31']);
    const clean = analyzeWorkbook(exampleWorkbook(lang), { asOf: EXAMPLE_AS_OF });
    expect(codes(issues)).toEqual(codes(clean.issues));
  });

  it('still refuses a month end without its year, as a month without its year is no date', async () => {
    for (const due of ['8月底', 'Aug']) {
      const { issues } = await checked(lang, [['keyResults', 'KR1', 'due', due]]);
      const at = issues.filter((i) => i.sheet === tabDef('keyResults').label[lang] && i.a1 === 'K2');
      expect(at.map((i) => i.code)).toEqual(['not-a-date']);
    }
  });
});

describe.each(LANGS)('a number typed with a comparison word (%s)', (lang) => {
  const typedWords = [
    '5%以上',
    '至少5%',
    '不低於5%',
    '不低于5%',
    '5%以下',
    '不超過5%',
    '不超过 5%',
    'at least 5%',
    'AT LEAST 5%',
    'no more than 5%',
    '5% or more',
    // Within, over and under, as a time or a cost is capped: 5%以內, 4小時內, "under 5%".
    '5%以內',
    '5%以内',
    '5%內',
    '低於5%',
    '超过5%',
    'within 5%',
    'under 5%',
    'less than 5%',
    'up to 5%',
  ];
  for (const typed of typedWords)
    it(`says "${typed}" in a KPI target is a comparison, to type 5% alone`, async () => {
      const { issues } = await checked(lang, [['kpis', 'KPI1', 'target', typed]]);
      const [issue, ...more] = issues.filter((i) => i.sheet === tabDef('kpis').label[lang] && i.a1 === 'G2');
      expect(more).toEqual([]);
      expect(issue.code).toBe('comparison-sign');
      expect(issue.fix).toEqual({
        en: 'Type 5% alone; the Direction column says whether higher or lower is better.',
        'zh-CN': '请只填写 5%；越高越好还是越低越好，由“方向”列决定。',
        'zh-TW': '請只填寫 5%；越高越好還是越低越好，由「方向」欄決定。',
      });
    });

  it('says a check-in Value typed with a comparison word is one, naming the number', async () => {
    const wb = exampleWorkbook(lang);
    const actuals = tabDef('actuals').label[lang];
    wb[actuals][1][2] = '至少 40,000';
    const { issues } = analyzeWorkbook(await throughXlsx(wb), {
      asOf: EXAMPLE_AS_OF,
    });
    const [issue] = issues.filter((i) => i.sheet === actuals && i.a1 === 'C2');
    expect(issue.code).toBe('comparison-sign');
    expect(issue.fix.en).toBe(
      'Type 40,000 alone; the Direction column says whether higher or lower is better.',
    );
  });

  it('still calls a word that compares nothing not a number', async () => {
    const { issues } = await checked(lang, [['kpis', 'KPI1', 'target', '以上']]);
    const target = issues.filter((i) => i.sheet === tabDef('kpis').label[lang] && i.a1 === 'G2');
    expect(target.map((i) => i.code)).toEqual(['not-a-number']);
  });
});
