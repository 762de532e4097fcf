/**
 * The formulas the add-on writes must compute what the TypeScript decomposition computes. HyperFormula plays
 * the spreadsheet; the plan is the example plan and variants of it with every type and phasing.
 */
import { describe, expect, it } from 'vitest';
import {
  buildTargetsSheet,
  decompose,
  exampleWorkbook,
  isoToSerial,
  keyResultSpec,
  kpiSpec,
  parsePlan,
  tabDef,
  type Lang,
  type Workbook,
} from '../shared';
import { evaluateWorkbook } from './helpers/hyperformula';

const serial = (iso: string) => isoToSerial(iso);

function compareTargets(workbook: Workbook, lang: Lang) {
  const { plan, issues } = parsePlan(workbook);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const sheet = buildTargetsSheet(plan, { lang, date: serial });
  expect(sheet).not.toBeNull();
  const targetsName = tabDef('targets').label[lang];
  const { values } = evaluateWorkbook({ ...workbook, [targetsName]: sheet!.rows });
  const grid = values(targetsName);
  const metrics = [
    ...plan.keyResults.map((kr) => ({ id: kr.id, spec: keyResultSpec(kr, plan)! })),
    ...plan.kpis.map((kpi) => ({ id: kpi.id, spec: kpiSpec(kpi, plan)! })),
  ];
  let compared = 0;
  for (const { id, spec } of metrics) {
    const row = grid[sheet!.targetRows[id] - 1];
    decompose(spec, sheet!.months).forEach(({ target }, i) => {
      const cell = row[sheet!.firstMonthColumn - 1 + i];
      if (target === null) expect(cell === '' || cell === null).toBe(true);
      else expect(cell).toBeCloseTo(target, 9);
      compared++;
    });
  }
  return { compared, grid, sheet: sheet!, plan };
}

describe('Targets formulas evaluated by HyperFormula', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`equal the TypeScript decomposition for the example plan (${lang})`, () => {
      const { compared, grid, sheet } = compareTargets(exampleWorkbook(lang, { date: serial }), lang);
      expect(compared).toBe((5 + 3) * 12);
      // KR1 is over (due August 2026): its to-date columns no longer depend on today's date.
      const kr1 = grid[sheet.targetRows.KR1 - 1];
      const afterMonths = sheet.firstMonthColumn - 1 + sheet.months.length;
      expect(kr1[afterMonths]).toBeCloseTo(1_000_000, 6); // target to date
      expect(kr1[afterMonths + 1]).toBe(920_000); // actual to date
      expect(kr1[afterMonths + 2]).toBeCloseTo(0.92, 9); // attainment
    });
  }

  it('follow every type and phasing, and the phasing cell in either language', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const header = krs[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const variants: [string, string, number, number, string, string][] = [
      ['cumulative', 'front-loaded', 0, 123_457, '2026-02-01', '2026-11-30'],
      ['cumulative', '逐步提升', 1000, 7777.77, '2026-01-01', '2026-12-31'],
      ['level', 'ramp-up', 0.3, 0.05, '2026-04-01', '2026-09-30'],
      ['threshold', 'even', 0, 2, '2026-05-01', '2026-06-30'],
      ['milestone', 'even', 0, 1, '2026-01-01', '2026-07-31'],
    ];
    variants.forEach(([type, phasing, baseline, target, start, due], i) => {
      const row = krs[i + 1];
      row[col('Type')] = type;
      row[col('Phasing')] = phasing;
      row[col('Baseline')] = baseline;
      row[col('Target')] = target;
      row[col('Start')] = serial(start);
      row[col('Due')] = serial(due);
    });
    const { compared } = compareTargets(workbook, 'en');
    expect(compared).toBeGreaterThan(0);
  });

  it('use the period start when a key result has no Start', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    krs[2][(krs[0] as string[]).indexOf('Start')] = '';
    compareTargets(workbook, 'en');
  });

  it('read custom weights from the Targets tab and keep them across rebuilds', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    krs[2][(krs[0] as string[]).indexOf('Phasing')] = 'custom';
    const first = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    const weightsRow = first.rows[first.weightRows[0] - 1];
    // The user types weights for March–May only.
    weightsRow[first.firstMonthColumn - 1 + 2] = 1;
    weightsRow[first.firstMonthColumn - 1 + 3] = 3;
    weightsRow[first.firstMonthColumn - 1 + 4] = 6;
    const withTargets = { ...workbook, Targets: first.rows };
    const { grid, plan } = compareTargets(withTargets, 'en');
    expect(plan.targets?.weights.KR2).toEqual({ '2026-03': 1, '2026-04': 3, '2026-05': 6 });
    const kr2 = grid[first.targetRows.KR2 - 1].slice(
      first.firstMonthColumn - 1,
      first.firstMonthColumn - 1 + 12,
    );
    expect(kr2).toEqual([0, 0, 5000, 15000, 30000, 0, 0, 0, 0, 0, 0, 0]);
    const rebuilt = buildTargetsSheet(plan, { lang: 'en', date: serial })!;
    expect(rebuilt.rows[rebuilt.weightRows[0] - 1]).toEqual(weightsRow);
  });

  it('use only functions that Sheets, Excel, LibreOffice and HyperFormula share', () => {
    const { plan } = parsePlan(exampleWorkbook('en', { date: serial }));
    const sheet = buildTargetsSheet(plan, { lang: 'en', date: serial })!;
    const used = new Set<string>();
    for (const row of sheet.rows)
      for (const cell of row)
        if (typeof cell === 'string' && cell.startsWith('='))
          for (const m of cell.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
    const allowed = [
      'IF',
      'OR',
      'ROUND',
      'YEAR',
      'MONTH',
      'DATE',
      'EDATE',
      'SUMIFS',
      'ISBLANK',
      'MAX',
      'MAXIFS',
      'COUNTIFS',
      'TODAY',
      'CHAR', // only in plan text that starts with "=" (see textCell)
    ];
    expect([...used].filter((f) => !allowed.includes(f))).toEqual([]);
  });
});

describe('plan text in the generated grid', () => {
  it('stays text: a title that starts with "=" is written as a formula yielding that text, never run', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const title = '=HYPERLINK("http://evil.example","click")';
    krs[1][(krs[0] as string[]).indexOf('Key result')] = title;
    const sheet = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    const { values } = evaluateWorkbook({ ...workbook, Targets: sheet.rows });
    expect(values('Targets')[sheet.targetRows.KR1 - 1][2]).toBe(title);
  });
});
