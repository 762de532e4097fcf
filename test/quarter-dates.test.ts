/**
 * A plan's Start, Due and End typed as a span rather than a day: a quarter (Q3 2026, 2026年第三季, 115年第三季), a half
 * (H1 2026, 2026年下半年) or a year's end or start (2026年底, "end of 2026", 2026年初). A quarter or a half is its first day
 * in a Start and its last in a Due or an End, as a month typed without its day is; a year's end or start is the day
 * its words name. A check-in's Date is one day: a quarter there is still refused at its cell. Each through a real
 * .xlsx (exceljs), read as the CLI reads it, in every language of the template.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook } from '../shared';
import { LANGS, STRATEGY_FIELDS, tabDef, type Lang } from '../shared/template';
import { throughXlsx } from './helpers/xlsx';
import { checked, codes } from './helpers/typed-example';

const cleanCodes = (lang: Lang) =>
  codes(analyzeWorkbook(exampleWorkbook(lang), { asOf: EXAMPLE_AS_OF }).issues);

describe.each(LANGS)('a Start, Due or End typed as a quarter, a half or a year end (%s)', (lang) => {
  // KR2 runs 2026-03-01 to 2026-12-31 in the example; O2 and KR5 2026-01-01 to 2026-12-31.
  for (const due of [
    'Q4 2026',
    '2026 Q4',
    '2026Q4',
    '2026年Q4',
    '2026年第四季',
    '2026年第4季度',
    '115年第四季',
  ])
    it(`reads the Due "${due}" as the quarter's last day, 2026-12-31`, async () => {
      const { plan, issues } = await checked(lang, [['keyResults', 'KR2', 'due', due]]);
      expect(plan.keyResults.find((k) => k.id === 'KR2')!.due).toBe('2026-12-31');
      expect(codes(issues)).toEqual(cleanCodes(lang));
    });

  for (const due of ['H2 2026', '2026 H2', '2026年下半年', '2026年底', '2026年末', 'end of 2026'])
    it(`reads the Due "${due}" as 2026-12-31`, async () => {
      const { plan, issues } = await checked(lang, [['keyResults', 'KR2', 'due', due]]);
      expect(plan.keyResults.find((k) => k.id === 'KR2')!.due).toBe('2026-12-31');
      expect(codes(issues)).toEqual(cleanCodes(lang));
    });

  it('reads a quarter or a half as its first day in a Start and its last in an End', async () => {
    const { plan, issues } = await checked(lang, [
      ['keyResults', 'KR5', 'start', 'Q1 2026'],
      ['objectives', 'O2', 'start', 'H1 2026'],
      ['objectives', 'O2', 'end', '2026年下半年'],
      ['objectives', 'O1', 'end', '2026年第四季'],
      ['roadmap', 'R8', 'start', '2026年第二季'],
      ['roadmap', 'R8', 'end', '2026 Q4'],
      ['roadmap', 'R9', 'start', 'Q2 2026'],
      ['roadmap', 'R9', 'end', '2026年底'],
    ]);
    expect(plan.keyResults.find((k) => k.id === 'KR5')!.start).toBe('2026-01-01');
    expect(plan.objectives.map((o) => [o.start, o.end])).toEqual([
      ['2026-03-01', '2026-12-31'],
      ['2026-01-01', '2026-12-31'],
    ]);
    expect(plan.roadmap.filter((r) => r.id >= 'R8').map((r) => [r.start, r.end])).toEqual([
      ['2026-04-01', '2026-12-31'],
      ['2026-04-01', '2026-12-31'],
    ]);
    expect(codes(issues)).toEqual(cleanCodes(lang));
  });

  it('reads a mid-year quarter as its days: Q3 2026 is 2026-07-01 in a Start and 2026-09-30 in a Due', async () => {
    const { plan } = await checked(lang, [
      ['keyResults', 'KR2', 'start', 'Q3 2026'],
      ['keyResults', 'KR2', 'due', 'Q3 2026'],
      ['keyResults', 'KR3', 'start', '2026年第3季度'],
      ['keyResults', 'KR3', 'due', 'H1 2026'],
    ]);
    const kr = (id: string) => plan.keyResults.find((k) => k.id === id)!;
    expect([kr('KR2').start, kr('KR2').due]).toEqual(['2026-07-01', '2026-09-30']);
    expect([kr('KR3').start, kr('KR3').due]).toEqual(['2026-07-01', '2026-06-30']);
  });

  it("reads a year's start or end as the day its words name, in a Start too", async () => {
    const { plan } = await checked(lang, [
      ['keyResults', 'KR2', 'start', '2026年初'],
      ['keyResults', 'KR3', 'start', 'end of 2026'],
    ]);
    const kr = (id: string) => plan.keyResults.find((k) => k.id === id)!;
    expect([kr('KR2').start, kr('KR3').start]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it("reads the Strategy period typed as a half's start and a year's end", async () => {
    const wb = exampleWorkbook(lang);
    const strategy = wb[tabDef('strategy').label[lang]];
    const row = (key: string) =>
      strategy.find((r) => r[0] === STRATEGY_FIELDS.find((f) => f.key === key)!.label[lang])!;
    row('periodStart')[1] = 'H1 2026';
    row('periodEnd')[1] = '2026 Q4';
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect([plan.period?.start, plan.period?.end]).toEqual(['2026-01-01', '2026-12-31']);
    expect(codes(issues)).toEqual(cleanCodes(lang));
  });

  for (const due of ['Q5 2026', '2026年第五季', 'Q3', '第三季', 'H3 2026', 'FY2026', 'Q3 FY2026', '年底'])
    it(`refuses the Due "${due}" at its cell`, async () => {
      const { issues } = await checked(lang, [['keyResults', 'KR2', 'due', due]]);
      const at = issues.filter((i) => i.sheet === tabDef('keyResults').label[lang] && i.a1 === 'K3');
      expect(at.map((i) => i.code)).toEqual(['not-a-date']);
    });

  it("refuses a check-in's Date typed as a quarter or a half at its cell, saying the span: one day, never its first", async () => {
    for (const [date, first, last] of [
      ['Q3 2026', '2026-07-01', '2026-09-30'],
      ['2026年第三季', '2026-07-01', '2026-09-30'],
      ['H2 2026', '2026-07-01', '2026-12-31'],
    ]) {
      const wb = exampleWorkbook(lang);
      const actuals = tabDef('actuals').label[lang];
      wb[actuals][1][0] = date;
      const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      const at = issues.filter((i) => i.sheet === actuals && i.a1 === 'A2');
      expect(at.map((i) => i.code)).toEqual(['span-date']);
      expect(at[0].message[lang]).toContain(`${first} – ${last}`);
      expect(at[0].fix[lang]).toContain(last);
      // The row is not read: no check-in of KR1 on the quarter's first day.
      expect(plan.actuals.filter((a) => a.metric === 'KR1' && a.date === first)).toEqual([]);
    }
  });

  it("still refuses a check-in's Date that is no date at all as before", async () => {
    for (const date of ['Q5 2026', 'Q3', 'FY2026']) {
      const wb = exampleWorkbook(lang);
      const actuals = tabDef('actuals').label[lang];
      wb[actuals][1][0] = date;
      const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      const at = issues.filter((i) => i.sheet === actuals && i.a1 === 'A2');
      expect(at.map((i) => i.code)).toEqual(['not-a-date']);
    }
  });
});
