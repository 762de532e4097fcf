/**
 * Amounts in thousands, millions, another currency or minutes are never silently read as a wildly different number:
 * a Unit that counts in a multiple (K users, thousands, '000, USD MM) converts what is typed with its own multiplier,
 * is split into months with the decimals its multiple needs, a metric's own currency refuses another one, and "m"
 * where the metric counts minutes is refused at the cell. Real cells of the example plan, judged as of a day.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeWorkbook,
  decompose,
  exampleWorkbook,
  keyResultSpec,
  precisionFor,
  readNumber,
  type Cell,
  type IsoDate,
  type Workbook,
} from '../shared';
import { colOf, setCell } from './helpers/edit';

const KR = 'Key Results';

/** The metric's Actuals rows replaced by these, each [date, value]; their 1-based row numbers. */
function replaceActuals(wb: Workbook, metric: string, rows: [IsoDate, Cell][]): number[] {
  const grid = wb['Actuals'];
  const [date, id, value] = ['Date', 'Metric', 'Value'].map((h) => colOf(grid, h));
  const keep = grid.filter((row, i) => i === 0 || row[id] !== metric);
  grid.length = 0;
  grid.push(...keep);
  return rows.map(([day, typed]) => {
    const row: Cell[] = grid[0].map(() => '');
    row[date] = day;
    row[id] = metric;
    row[value] = typed;
    grid.push(row);
    return grid.length;
  });
}

function analyze(wb: Workbook, asOf: IsoDate) {
  const result = analyzeWorkbook(wb, { asOf });
  const kr = (id: string) => {
    const i = result.plan.keyResults.findIndex((k) => k.id === id);
    return { kr: result.plan.keyResults[i], progress: result.progress.keyResults[i] };
  };
  const kpi = (id: string) => result.progress.kpis[result.plan.kpis.findIndex((k) => k.id === id)];
  return { ...result, kr, kpi };
}

/** A key result given this Unit and Target, its check-ins replaced by two (on these days): its progress as of a day. */
function twoMonthsIn(
  id: string,
  unit: string,
  target: number,
  values: [Cell, Cell],
  days: [IsoDate, IsoDate],
  asOf: IsoDate,
) {
  const wb = exampleWorkbook('en');
  setCell(wb, KR, id, 'Unit', unit);
  setCell(wb, KR, id, 'Target', target);
  replaceActuals(wb, id, [
    [days[0], values[0]],
    [days[1], values[1]],
  ]);
  const { kr, issues } = analyze(wb, asOf);
  return { progress: kr(id).progress, actualsIssues: issues.filter((i) => i.sheet === 'Actuals') };
}

const at = (issues: { code: string; sheet: string; a1: string | null }[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.a1}`);

describe('a Unit in thousands or millions converts an amount typed with its own multiplier', () => {
  it('K users, k sign-ups, thousands, 000s, (000) and millions: 3.2k + 4.1k is 7.3 thousand, not 7,300 thousand', () => {
    const cases: [unit: string, target: number, values: [string, string], current: number][] = [
      ['K users', 50, ['3.2k', '4.1k'], 7.3],
      ['k sign-ups', 50, ['3.2k', '4.1k'], 7.3],
      ['thousands', 50, ['3.2k', '4.1k'], 7.3],
      ['000s', 50, ['3.2k', '4.1k'], 7.3],
      ["'000", 50, ['3.2k', '4.1k'], 7.3],
      ['(000)', 50, ['3.2 thousand', '4.1k'], 7.3],
      ['millions', 0.05, ['0.0032M', '0.0041M'], 0.0073],
      ['M users', 0.05, ['3.2k users', '4100 users'], 0.0073],
    ];
    for (const [unit, target, values, current] of cases) {
      const { progress, actualsIssues } = twoMonthsIn(
        'KR2',
        unit,
        target,
        values,
        ['2026-09-28', '2026-10-28'],
        '2026-11-15',
      );
      expect(progress.current, unit).toBeCloseTo(current, 9);
      expect(progress.status, unit).not.toBe('done');
      expect(actualsIssues, unit).toEqual([]);
    }
  });

  it("USD thousands, USD '000, $000, USD MM, $MM, USD millions: $40k then 90k is 130 thousand dollars", () => {
    const cases: [unit: string, target: number, values: [Cell, Cell], current: number][] = [
      ['USD thousands', 1000, ['$40k', '90k'], 130],
      ["USD '000", 1000, ['$40k', '90k'], 130],
      ['$000', 1000, [40, '90k'], 130],
      ['USD 000', 1000, ['40,000 USD', '90k'], 130],
      ['USD MM', 1, ['$0.04M', '90k'], 0.13],
      ['$MM', 1, [0.04, '0.09M'], 0.13],
      ['USD millions', 1, ['$0.04M', '90k'], 0.13],
    ];
    for (const [unit, target, values, current] of cases) {
      const { progress, actualsIssues } = twoMonthsIn(
        'KR1',
        unit,
        target,
        values,
        ['2026-03-28', '2026-04-28'],
        '2026-05-15',
      );
      expect(progress.current, unit).toBeCloseTo(current, 9);
      expect(progress.status, unit).toBe('on-track');
      expect(actualsIssues, unit).toEqual([]);
    }
  });

  it('mm alone is millimetres, and km, ms or MB no multiple: their amounts are read as typed', () => {
    for (const unit of ['mm', 'km', 'ms', 'MB', 'kWh', 'm'])
      expect(readNumber('120', { unit }), unit).toEqual({ ok: true, value: 120 });
    expect(readNumber('120 mm', { unit: 'mm' })).toEqual({ ok: true, value: 120 });
    expect(readNumber('1.5k', { unit: 'MB' })).toEqual({ ok: true, value: 1500 });
  });
});

describe("a metric whose Unit names a currency takes that currency, not the plan's", () => {
  it('Currency TWD, KR1 counted in USD: NT$1,200,000 is an error at its cell, never US$1.2M and done', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Strategy', 'Currency', 'Value', 'TWD');
    const [, row] = replaceActuals(wb, 'KR1', [
      ['2026-03-28', 40_000],
      ['2026-04-28', 'NT$1,200,000'],
    ]);
    const { kr, issues } = analyze(wb, '2026-05-15');
    expect(at(issues, 'metric-currency-mismatch')).toEqual([`Actuals!C${row}`]);
    const issue = issues.find((i) => i.code === 'metric-currency-mismatch')!;
    expect(issue.message.en).toBe('Value of KR1 is "NT$1,200,000", in NT$, but KR1 is counted in USD.');
    expect(issue.fix['zh-TW']).toContain('USD');
    expect(kr('KR1').progress.current).toBe(40_000);
    expect(kr('KR1').progress.status).not.toBe('done');
  });

  it('Currency USD, KR1 counted in EUR: €40,000 is read, $90,000 is an error at its cell', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR1', 'Unit', 'EUR');
    const [, row] = replaceActuals(wb, 'KR1', [
      ['2026-03-28', '€40,000'],
      ['2026-04-28', '$90,000'],
    ]);
    const { kr, issues } = analyze(wb, '2026-05-15');
    expect(at(issues, 'metric-currency-mismatch')).toEqual([`Actuals!C${row}`]);
    expect(kr('KR1').progress.current).toBe(40_000);
  });

  it("萬元 in a CNY plan is 萬 yuan: NT$ is refused (the plan's Currency picks among the currencies 元 may mean)", () => {
    expect(readNumber('NT$12,000', { currency: 'CNY', unit: '萬元' })).toEqual({
      ok: false,
      reason: 'currency-mismatch',
      found: 'NT$',
    });
    expect(readNumber('RMB 12,000', { currency: 'CNY', unit: '萬元' })).toEqual({ ok: true, value: 1.2 });
    expect(readNumber('NT$4萬', { currency: 'TWD', unit: '萬元' })).toEqual({ ok: true, value: 4 });
    // In a plan, said against the Strategy tab's Currency, which is what decides there.
    const wb = exampleWorkbook('zh-CN');
    setCell(wb, '策略', '货币', '内容', 'CNY');
    setCell(wb, '关键结果', 'KR1', '单位', '萬元');
    setCell(wb, '关键结果', 'KR1', '目标值', 'NT$12,000');
    const { issues } = analyze(wb, '2026-05-15');
    expect(at(issues, 'currency-mismatch')).toEqual([`关键结果!I2`]);
    expect(at(issues, 'metric-currency-mismatch')).toEqual([]);
  });

  it('without a plan Currency, a metric counted in EUR still refuses dollars', () => {
    expect(readNumber('$5', { unit: 'EUR' })).toEqual({ ok: false, reason: 'currency-mismatch', found: '$' });
    expect(readNumber('$5', { unit: 'USD', currency: 'TWD' })).toEqual({ ok: true, value: 5 });
  });
});

describe('a Unit in a multiple is split into months with the decimals its multiple needs', () => {
  it('Target 5 万人, 0.5 a month on an even plan: on track, no behind-pace warning, like 50,000 sign-ups', () => {
    for (const [unit, target, perMonth] of [
      ['万人', 5, 0.5],
      ['千', 5, 0.5],
      ['M users', 2, 0.2],
      ['sign-ups', 50_000, 5_000],
    ] as const) {
      for (const asOf of ['2026-04-15', '2026-06-15'] as const) {
        const wb = exampleWorkbook('en');
        setCell(wb, KR, 'KR2', 'Unit', unit);
        setCell(wb, KR, 'KR2', 'Target', target);
        const rows: [IsoDate, Cell][] = [];
        for (let m = 3; m <= 10; m++) rows.push([`2026-${String(m).padStart(2, '0')}-28`, perMonth]);
        replaceActuals(wb, 'KR2', rows);
        const { kr, issues, plan } = analyze(wb, asOf);
        const { progress } = kr('KR2');
        expect(progress.status, `${unit} ${asOf}`).toBe('on-track');
        expect(progress.expectedAttainment, `${unit} ${asOf}`).toBeCloseTo(progress.attainment!, 9);
        expect(at(issues, 'behind-pace'), `${unit} ${asOf}`).not.toContain(`${KR}!I3`);
        const spec = keyResultSpec(kr('KR2').kr, plan)!;
        expect(decompose(spec, ['2026-03', '2026-04']).map((m) => m.target)).toEqual([perMonth, perMonth]);
      }
    }
  });

  it('precision: whole units of the multiple, up to four places; plain units as before', () => {
    expect(precisionFor('cumulative', '万人', 5, 0)).toBe(4);
    expect(precisionFor('cumulative', '千人', 5, 0)).toBe(3);
    expect(precisionFor('cumulative', 'K users', 50, 0)).toBe(3);
    expect(precisionFor('cumulative', 'M users', 2, 0)).toBe(4);
    expect(precisionFor('cumulative', 'USD MM', 1, 0)).toBe(4);
    expect(precisionFor('cumulative', '萬元', 100, 0, 'TWD')).toBe(4);
    expect(precisionFor('cumulative', 'sign-ups', 50_000, 0)).toBe(0);
    expect(precisionFor('cumulative', 'USD', 1_000_000, 0)).toBe(2);
  });
});

describe('"m" after a number where the metric counts minutes or metres', () => {
  it('45m in a KPI counted in minutes (or 分钟, or min) is an error at its cell, never 45,000,000', () => {
    for (const [unit, typed] of [
      ['minutes', '45m'],
      ['分钟', '45m'],
      ['min', '45 m'],
      ['hours', '0.5m'],
    ] as const) {
      const wb = exampleWorkbook('en');
      setCell(wb, 'KPIs', 'KPI2', 'Unit', unit);
      setCell(wb, 'KPIs', 'KPI2', 'Target', 60);
      const [row] = replaceActuals(wb, 'KPI2', [['2026-10-28', typed]]);
      const { kpi, issues } = analyze(wb, '2026-11-15');
      expect(at(issues, 'ambiguous-m'), unit).toEqual([`Actuals!C${row}`]);
      const issue = issues.find((i) => i.code === 'ambiguous-m')!;
      expect(issue.fix.en).toContain(`million`);
      expect(issue.fix['zh-CN']).toContain('百万');
      expect(kpi('KPI2').current, unit).toBeNull();
    }
  });

  it('90 m in a KPI counted in metres is 90 metres; 45 min in minutes and 2M in sign-ups as before', () => {
    for (const unit of ['m', 'metres', '米', '公尺'])
      expect(readNumber('90 m', { unit }), unit).toEqual({ ok: true, value: 90 });
    expect(readNumber('45 min', { unit: 'minutes' })).toEqual({ ok: true, value: 45 });
    expect(readNumber('2M', { unit: 'sign-ups' })).toEqual({ ok: true, value: 2_000_000 });
    expect(readNumber('2M')).toEqual({ ok: true, value: 2_000_000 });
    const wb = exampleWorkbook('en');
    setCell(wb, 'KPIs', 'KPI2', 'Unit', 'm');
    setCell(wb, 'KPIs', 'KPI2', 'Target', 100);
    replaceActuals(wb, 'KPI2', [['2026-10-28', '90 m']]);
    const { kpi, issues } = analyze(wb, '2026-11-15');
    expect(kpi('KPI2').current).toBe(90);
    expect(issues.filter((i) => i.sheet === 'Actuals')).toEqual([]);
  });
});
