/**
 * A number whose format shows a percent sign or a currency is read as the text a person typed to get it: Sheets
 * turns `+20%` typed into a cell into 0.2 shown as a percent, and `$90,000` into 90000 shown as dollars, so a
 * reader of values alone read a Target of "+20%" in a key result counted in sign-ups as 0.2 sign-ups, and dollars
 * in a key result counted in euros as euros, with no word. Each reader (the .xlsx file, the add-on's
 * getNumberFormats(), the Sheets API) now hands the formats to the parser, and these cells meet the checks the
 * same text meets (shared/number-formats.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  columnDef,
  columnLetter,
  exampleWorkbook,
  parsePlan,
  readNumber,
  STRATEGY_FIELDS,
  tabDef,
  type Grid,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { formatShows, setNumberFormats, typedTextOf } from '../shared/number-formats';
import { readSheet } from '../report/read-sheets';
import { readXlsxBuffer } from '../report/read-xlsx';
import { exampleXlsxBuffer } from '../report/write-xlsx';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { readPlanFile, startSandbox } from '../sandbox/server';
import { loadAddon } from './helpers/addon';
import { tempDir } from './helpers/report';
import {
  EXAMPLE_SPREADSHEET_ID as ID,
  exampleSpreadsheet,
  SheetsApiServer,
  type FakeNumberFormat,
  type FakeSpreadsheet,
} from './helpers/sheets-api-server';

const AS_OF = '2026-11-15';
const KR = tabDef('keyResults').label.en;
const KPIS = tabDef('kpis').label.en;
const ACTUALS = tabDef('actuals').label.en;
const header = (tab: 'keyResults' | 'kpis' | 'actuals', key: string) => columnDef(tab, key).label.en;

/** Issues as sheet!cell code, sorted: what a person would be shown. */
const keys = (issues: readonly { code: string; sheet: string; a1: string | null }[]) =>
  issues.map((i) => `${i.sheet}!${i.a1} ${i.code}`).sort();

/** The 1-based [row, column] of a row's cell, found by its ID (first column) and its column's header. */
function at(grid: Grid, id: string, head: string): [number, number] {
  const row = grid.findIndex((r) => r[0] === id);
  const column = grid[0].indexOf(head);
  if (row < 0 || column < 0) throw new Error(`No ${id} / ${head}`);
  return [row + 1, column + 1];
}
const a1 = ([row, column]: [number, number]) => `${columnLetter(column)}${row}`;

/**
 * The changes every reader is given, as a person makes them in Sheets: "+20%" typed as KR2's Target (counted in
 * sign-ups), "$90,000" as KR1's Target with KR1 counted in EUR, "+20%" as the Target of KPI3 (sign-ups a month),
 * 20% and 5% (percent-formatted) as KR3's Target and Baseline with KR3's Unit "conversion rate", and one KR3
 * check-in of 18% shown as a percent.
 */
interface Change {
  tab: string;
  id: string;
  head: string;
  value: number | string;
  format?: string;
  api?: FakeNumberFormat;
}
const CHANGES: Change[] = [
  {
    tab: KR,
    id: 'KR2',
    head: header('keyResults', 'target'),
    value: 0.2,
    format: '0%',
    api: { type: 'PERCENT', pattern: '0%' },
  },
  { tab: KR, id: 'KR1', head: header('keyResults', 'unit'), value: 'EUR' },
  {
    tab: KR,
    id: 'KR1',
    head: header('keyResults', 'target'),
    value: 90000,
    format: '"$"#,##0',
    api: { type: 'CURRENCY', pattern: '"$"#,##0' },
  },
  {
    tab: KPIS,
    id: 'KPI3',
    head: header('kpis', 'target'),
    value: 0.2,
    format: '0%',
    api: { type: 'PERCENT' },
  },
  { tab: KR, id: 'KR3', head: header('keyResults', 'unit'), value: 'conversion rate' },
  {
    tab: KR,
    id: 'KR3',
    head: header('keyResults', 'target'),
    value: 0.2,
    format: '0%',
    api: { type: 'PERCENT', pattern: '0%' },
  },
  {
    tab: KR,
    id: 'KR3',
    head: header('keyResults', 'baseline'),
    value: 0.05,
    format: '0.0%',
    api: { type: 'PERCENT', pattern: '0.0%' },
  },
];

/** KR3's last check-in (its row on the Actuals tab), shown as a percent. */
function lastCheckIn(grid: Grid, metric: string): [number, number] {
  const valueColumn = grid[0].indexOf(header('actuals', 'value')) + 1;
  let row = 0;
  grid.forEach((r, i) => {
    if (r[1] === metric) row = i + 1;
  });
  return [row, valueColumn];
}

/** The new issues the changes give, at their cells, from the example's cells (to find the rows). */
function expectedNewIssues(example: Workbook): string[] {
  return [
    `${KR}!${a1(at(example[KR], 'KR2', header('keyResults', 'target')))} unit-mismatch`,
    `${KR}!${a1(at(example[KR], 'KR1', header('keyResults', 'target')))} metric-currency-mismatch`,
    `${KPIS}!${a1(at(example[KPIS], 'KPI3', header('kpis', 'target')))} unit-mismatch`,
  ].sort();
}

/** What is read: KR3 at 0.05 → 0.2 and its last check-in 0.18, as before; KR1 and KR2 and KPI3 have no target. */
function expectReadAsMeant(workbook: Workbook, options: { timeZone?: string; locale?: string } = {}) {
  const { plan } = parsePlan(workbook, options);
  const kr = (id: string) => plan.keyResults.find((k) => k.id === id)!;
  expect([kr('KR3').baseline, kr('KR3').target, kr('KR3').unit]).toEqual([0.05, 0.2, 'conversion rate']);
  expect(kr('KR2').target).toBeNull();
  expect(kr('KR1').target).toBeNull();
  expect(plan.kpis.find((k) => k.id === 'KPI3')!.target).toBeNull();
  const kr3 = plan.actuals.filter((a) => a.metric === 'KR3');
  expect(kr3[kr3.length - 1].value).toBe(0.18);
}

describe('what a format shows (shared/number-formats.ts)', () => {
  it('a percent sign or a currency, never a quoted literal, a colour, a condition, a date or text', () => {
    const shows = (code: string) => formatShows(code);
    expect(shows('0%')).toEqual({ percent: true, currency: null, currencyAfter: false });
    expect(shows('[Red]0.0%')?.percent).toBe(true);
    expect(shows('"$"#,##0.00')?.currency).toBe('$');
    expect(shows('[$€-407] #,##0.00')?.currency).toBe('€');
    expect(shows('#,##0.00 [$€-407]')).toEqual({ percent: false, currency: '€', currencyAfter: true });
    expect(shows('[$USD] #,##0')?.currency).toBe('USD');
    expect(shows('[$NT$-404]#,##0')?.currency).toBe('NT$');
    // A locale with hyphens of its own: Excel's "€ 123" format, and a language tag.
    expect(shows('[$€-x-euro2] #,##0.00')?.currency).toBe('€');
    expect(shows('[$€-de-DE] #,##0')?.currency).toBe('€');
    expect(shows('[$NT$-zh-TW]#,##0')?.currency).toBe('NT$');
    expect(shows('_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)')?.currency).toBe('$');
    expect(shows('[>=1000][Red]"$"#,##0')?.currency).toBe('$');
    // A quoted or escaped percent sign is shown as it is, without the number times 100: not a percent.
    for (const plain of [
      '0"%"',
      '0\\%',
      '#,##0" users"',
      '0.00" pp"',
      'General',
      '0.###############',
      '#,##0',
    ])
      expect(shows(plain)).toBeNull();
    for (const other of ['yyyy-mm-dd', '[$-409]mmmm d, yyyy', '[h]:mm:ss', 'h:mm AM/PM', '@', '0.00E+00'])
      expect(shows(other)).toBeNull();
    // A currency the parser does not know names nothing it can check: the number is read as it is.
    expect(shows('[$zł-415]#,##0')).toBeNull();
  });

  it('the text typed, in full precision and the decimal sign of the locale, reads back as the same number', () => {
    const cases: [number, string, '.' | ',', string][] = [
      [0.2, '0%', '.', '20%'],
      [0.2049, '0%', '.', '20.49%'], // shown "20%": the text is never the rounded display
      [0.125, '0.0%', ',', '12,5%'],
      [-0.3, '0%', '.', '-30%'],
      [0.1 + 0.2, '0%', '.', '30.000000000000004%'],
      [1.5e-7, '0.00%', '.', '1.5e-5%'],
      [90000, '"$"#,##0', '.', '$90,000'],
      [1200.5, '[$€-407] #,##0.00', '.', '€1,200.5'],
      [1200.5, '#,##0.00 [$€-407]', ',', '1.200,5 €'],
      [1200000, '[$NT$-404]#,##0', '.', 'NT$1,200,000'],
      [-42, '"$"#,##0_);("$"#,##0)', '.', '-$42'],
      [5000, '[$USD] #,##0', ',', 'USD 5.000'],
    ];
    for (const [value, code, mark, text] of cases) {
      expect(typedTextOf(value, code, mark)).toBe(text);
      expect(readNumber(text, { decimalMark: mark })).toEqual({ ok: true, value });
    }
    expect(typedTextOf(0.2, '0.00', '.')).toBeNull();
  });

  it('a grid’s formats change what the parser reads only in the columns people type numbers into', () => {
    const wb = exampleWorkbook('en');
    const targetsName = tabDef('targets').label.en;
    const plain = analyzeWorkbook(exampleWorkbook('en'), { asOf: AS_OF });
    // Every cell of every tab shown as a percent: only Key results, KPIs and Actuals numbers are read as typed.
    for (const name of Object.keys(wb)) {
      const grid = wb[name];
      setNumberFormats(
        grid,
        grid.map((row) => row.map(() => '0%')),
      );
    }
    expect(Object.keys(wb)).not.toContain(targetsName);
    const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
    // A percent in KR1 (USD), KR2 (sign-ups), KPI2 (hours) and KPI3 (sign-ups) and in their check-ins is refused.
    expect(issues.length).toBeGreaterThan(plain.issues.length);
    expect(new Set(issues.filter((i) => i.code === 'unit-mismatch').map((i) => i.sheet))).toEqual(
      new Set([KR, KPIS, ACTUALS]),
    );
    // KR3 (%) reads as before.
    const kr3 = (p: typeof plan) => p.keyResults.find((k) => k.id === 'KR3')!;
    expect(kr3(plan)).toEqual(kr3(plain.plan));
  });
});

describe('a format’s sign is the format’s: it says nothing of the amount’s multiple, nor of a zero', () => {
  /** The example (en) with cells set, and formats given to some: [tab, id, header, value, format?]. */
  function formatted(cells: [string, string, string, number | string, string?][]): Workbook {
    const wb = exampleWorkbook('en');
    const formats = new Map<Grid, string[][]>();
    for (const [tab, id, head, value, format] of cells) {
      const grid = wb[tab];
      const [row, column] = at(grid, id, head);
      grid[row - 1][column - 1] = value;
      if (!format) continue;
      if (!formats.has(grid))
        formats.set(
          grid,
          grid.map((r) => r.map(() => '')),
        );
      formats.get(grid)![row - 1][column - 1] = format;
    }
    formats.forEach((f, grid) => setNumberFormats(grid, f));
    return wb;
  }
  const kr = (wb: Workbook, id: string) => parsePlan(wb).plan.keyResults.find((k) => k.id === id)!;

  it('a number shown with a currency in a key result counted in 萬元 or USD M is in that unit, as typed', () => {
    // Typed as text, "NT$100" is 100 元 in full (0.01 萬元); 100 typed in a cell shown as NT$100 is 100 萬元.
    const wan = formatted([
      [KR, 'KR1', header('keyResults', 'unit'), '萬元'],
      [KR, 'KR1', header('keyResults', 'baseline'), 50, '"NT$"#,##0'],
      [KR, 'KR1', header('keyResults', 'target'), 100, '[$NT$-404]#,##0'],
    ]);
    expect([kr(wan, 'KR1').baseline, kr(wan, 'KR1').target]).toEqual([50, 100]);
    const millions = formatted([
      [KR, 'KR1', header('keyResults', 'unit'), 'USD M'],
      [KR, 'KR1', header('keyResults', 'target'), 1.5, '"$"#,##0.00'],
    ]);
    expect(kr(millions, 'KR1').target).toBe(1.5);
    // The same text typed in a cell still means an amount in full.
    const typed = formatted([
      [KR, 'KR1', header('keyResults', 'unit'), '萬元'],
      [KR, 'KR1', header('keyResults', 'target'), 'NT$1,000,000'],
    ]);
    expect(kr(typed, 'KR1').target).toBe(100);
  });

  it('a number shown with the currency button in a metric of money named otherwise (MRR, ARR, CAC) is that number', () => {
    for (const unit of ['MRR', 'ARR', 'CAC', 'USD/month', '營收（萬元）', 'Sales', 'Bookings', 'Costs']) {
      const wb = formatted([
        [KR, 'KR1', header('keyResults', 'unit'), unit],
        [KR, 'KR1', header('keyResults', 'target'), 50000, '"$"#,##0'],
      ]);
      const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
      expect(plan.keyResults.find((k) => k.id === 'KR1')!.target, unit).toBe(50000);
      expect(
        issues.filter((i) => /mismatch/.test(i.code) && i.sheet === KR),
        unit,
      ).toEqual([]);
    }
    // Where the metric counts things (sign-ups, hours) dollars are still a mismatch, as typed text is.
    const counted = formatted([[KR, 'KR2', header('keyResults', 'target'), 50000, '"$"#,##0']]);
    expect(kr(counted, 'KR2').target).toBeNull();
  });

  it('a small m a format shows after a number (0"m") is a label, not a million to ask about', () => {
    const wb = formatted([
      [KPIS, 'KPI2', header('kpis', 'unit'), 'minutes'],
      [KPIS, 'KPI2', header('kpis', 'target'), 45, '0"m"'],
    ]);
    expect(parsePlan(wb).plan.kpis.find((k) => k.id === 'KPI2')!.target).toBe(45);
  });

  it('a zero shown as 0% leaves a count a count, with no mismatch', () => {
    const plain = analyzeWorkbook(exampleWorkbook('en'), { asOf: AS_OF });
    const wb = formatted([[KR, 'KR2', header('keyResults', 'baseline'), 0, '0%']]);
    const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
    expect(plan.keyResults.find((k) => k.id === 'KR2')!.unit).toBe('sign-ups');
    expect(keys(issues)).toEqual(keys(plain.issues));
    const blank = formatted([
      [KR, 'KR2', header('keyResults', 'unit'), ''],
      [KR, 'KR2', header('keyResults', 'baseline'), 0, '0%'],
    ]);
    expect(kr(blank, 'KR2')).toMatchObject({ unit: '', baseline: 0, target: 50000 });
  });

  it('a figure shown as a percent up to 1,000% says it is one, as Sheets keeps "300%" typed (3, formatted 0%)', () => {
    const whole = (cells: Parameters<typeof formatted>[0]) =>
      analyzeWorkbook(formatted(cells), { asOf: AS_OF })
        .issues.filter((i) => i.code === 'percent-as-whole-number')
        .map((i) => `${i.sheet}!${i.a1}`);
    // 50% → 300%, and a KPI bar of 200%: real plans, typed as Sheets keeps them.
    expect(
      whole([
        [KR, 'KR3', header('keyResults', 'baseline'), 0.5, '0%'],
        [KR, 'KR3', header('keyResults', 'target'), 3, '0%'],
        ['KPIs', 'KPI1', header('kpis', 'target'), 2, '0%'],
      ]),
    ).toEqual([]);
    // 95 beside a Target shown as 120%: the 95 (9,500%) is said, at its own cell, not the 120%.
    expect(
      whole([
        [KR, 'KR3', header('keyResults', 'baseline'), 95],
        [KR, 'KR3', header('keyResults', 'target'), 1.2, '0%'],
      ]),
    ).toEqual(['Key Results!H4']);
  });

  it('a message quotes the cell as its format shows it (7 shown as 700%), and the number held to type', () => {
    const wb = formatted([
      [KR, 'KR1', header('keyResults', 'confidence'), 7, '0%'],
      [KR, 'KR3', header('keyResults', 'target'), 20, '0%'],
    ]);
    const { issues } = analyzeWorkbook(wb, { asOf: AS_OF });
    const confidence = issues.find((i) => i.code === 'confidence-ambiguous')!;
    // The cell shows 700%: the message quotes that, so the reader finds it; 7 is what it holds (7 out of 10?).
    expect(confidence.message.en).toBe(
      'Confidence of KR1 is 700%: 70% (as 7 out of 10) or 7%? It is not shown until it says which.',
    );
    expect(confidence.fix.en).toBe('Type 70% for 7 out of 10, or 7%.');
    const whole = issues.find((i) => i.code === 'percent-as-whole-number')!;
    expect(whole.message.en).not.toContain('%%');
    expect(whole.message.en).toMatch(/^Target of KR3: 2,000% looks like 20% — type 20% or 0\.2\./);
  });
});

describe('in the spreadsheet’s locale', () => {
  /** The example with one Key Results cell changed and shown in `code`, parsed in `locale`. */
  function parsed(id: string, key: string, value: number, code: string, locale?: string, unit?: string) {
    const wb = exampleWorkbook('en');
    const grid = wb[KR];
    if (unit !== undefined) {
      const [r, c] = at(grid, id, header('keyResults', 'unit'));
      grid[r - 1][c - 1] = unit;
    }
    const [row, column] = at(grid, id, header('keyResults', key));
    grid[row - 1][column - 1] = value;
    const formats: string[][] = [];
    formats[row - 1] = [];
    formats[row - 1][column - 1] = code;
    setNumberFormats(grid, formats);
    const { plan, issues } = parsePlan(wb, { timeZone: 'UTC', ...(locale ? { locale } : {}) });
    const cell = `${KR}!${a1([row, column])}`;
    return {
      value: (plan.keyResults.find((k) => k.id === id) as unknown as Record<string, unknown>)[key],
      issues: issues.filter((i) => `${i.sheet}!${i.a1}` === cell).map((i) => `${i.code} ${i.message.en}`),
    };
  }

  it('the text handed over is written with the locale’s decimal sign, and reads back as the number', () => {
    for (const locale of ['de_DE', 'fr_FR', 'en_US', 'zh_TW', undefined]) {
      expect(parsed('KR3', 'target', 0.125, '0.0%', locale)).toEqual({ value: 0.125, issues: [] });
      expect(parsed('KR1', 'target', 1234.5, '#,##0.00 [$€-407]', locale, 'EUR')).toEqual({
        value: 1234.5,
        issues: [],
      });
      const sign = locale === 'de_DE' || locale === 'fr_FR' ? ',' : '.';
      expect(parsed('KR2', 'target', 0.205, '0%', locale).issues).toEqual([
        expect.stringMatching(new RegExp(`^unit-mismatch .*"20${sign === ',' ? ',' : '\\.'}5%"`)),
      ]);
    }
  });

  it('a file’s number shown with three decimals is no "50.000" to read two ways: its format says what it is', () => {
    // Text "€1.234" in a file (no locale) is ambiguous-number: one euro, or 1,234 where dots group thousands. The
    // number 1.234 shown in euros is one euro.
    expect(parsed('KR1', 'target', 1.234, '[$€-407] #,##0.000', undefined, 'EUR')).toEqual({
      value: 1.234,
      issues: [],
    });
    expect(parsed('KR3', 'baseline', 0.01234, '0.000%')).toEqual({ value: 0.01234, issues: [] });
  });
});

describe('a real .xlsx (exceljs)', () => {
  async function edited(): Promise<{ buffer: Buffer; example: Workbook }> {
    const example = exampleWorkbook('en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exampleXlsxBuffer('en')) as unknown as ExcelJS.Buffer);
    for (const change of CHANGES) {
      const cell = book.getWorksheet(change.tab)!.getCell(...at(example[change.tab], change.id, change.head));
      cell.value = change.value;
      if (change.format) cell.numFmt = change.format;
    }
    const checkIn = book.getWorksheet(ACTUALS)!.getCell(...lastCheckIn(example[ACTUALS], 'KR3'));
    checkIn.value = 0.18;
    checkIn.numFmt = '0%';
    return { buffer: Buffer.from(await book.xlsx.writeBuffer()), example };
  }

  it('a percent in a sign-ups key result or KPI and dollars in a EUR one are said at their cells', async () => {
    const { buffer, example } = await edited();
    const before = analyzeWorkbook(await readXlsxBuffer(await exampleXlsxBuffer('en'), 'plan.xlsx'), {
      asOf: AS_OF,
    });
    const workbook = await readXlsxBuffer(buffer, 'plan.xlsx');
    const { issues } = analyzeWorkbook(workbook, { asOf: AS_OF });
    const added = keys(issues).filter((k) => !keys(before.issues).includes(k));
    expect(added).toEqual(expectedNewIssues(example));
    const byCode = (code: string) => issues.find((i) => i.code === code)!;
    expect(byCode('unit-mismatch').message.en).toContain('"20%"');
    expect(byCode('metric-currency-mismatch').message.en).toContain('"$90,000"');
    expect(byCode('metric-currency-mismatch').message.en).toContain('EUR');
    // The cells hold their numbers still (the Targets tab's formulas read them so).
    expect(workbook[KR][at(example[KR], 'KR1', header('keyResults', 'target'))[0] - 1]).toContain(90000);
    expectReadAsMeant(workbook, { timeZone: 'UTC' });
  });

  it('in the sandbox, the file’s formats are the emulated cells’ formats: the sidebar says the same cells', async () => {
    const { buffer, example } = await edited();
    const dir = tempDir('numfmt');
    try {
      const file = join(dir, 'plan.xlsx');
      writeFileSync(file, buffer);
      const workbook = await readPlanFile(file);
      if (typeof workbook === 'string') throw new Error(workbook);
      const sandbox = await startSandbox({ workbook, port: 0 });
      try {
        const issues = (sandbox.project.callAs('FULL', 'getPlanCheck') as PlanCheck).groups.flatMap(
          (g) => g.issues,
        );
        expect(keys(issues).filter((k) => expectedNewIssues(example).includes(k))).toEqual(
          expectedNewIssues(example),
        );
      } finally {
        await sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the example file, its KR3 and Targets tab shown as percents, gives the issues it gave', async () => {
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const { issues } = analyzeWorkbook(await readXlsxBuffer(await exampleXlsxBuffer(lang), 'x.xlsx'), {
        asOf: AS_OF,
      });
      expect(issues.map((i: PlanIssue) => i.code).sort()).toEqual(['behind-pace', 'funnel-mismatch']);
    }
  });
});

describe('the add-on (getNumberFormats beside getValues, in the emulator)', () => {
  it('says the same cells, and reads KR3 as meant', () => {
    const example = exampleWorkbook('en');
    const addon = loadAddon({ workbook: exampleWorkbook('en') });
    const plain = (addon.run('getPlanCheck') as PlanCheck).groups.flatMap((g) => g.issues);
    for (const change of CHANGES) {
      const range = addon.ss
        .getSheetByName(change.tab)!
        .getRange(...at(example[change.tab], change.id, change.head));
      range.setValue(change.value);
      if (change.format) range.setNumberFormat(change.format);
    }
    const checkIn = addon.ss.getSheetByName(ACTUALS)!.getRange(...lastCheckIn(example[ACTUALS], 'KR3'));
    checkIn.setValue(0.18).setNumberFormat('0%');
    const formatCalls = () => addon.emulator.calls.byMethod['Range.getNumberFormats'] ?? 0;
    const callsBefore = formatCalls();
    const issues = (addon.run('getPlanCheck') as PlanCheck).groups.flatMap((g) => g.issues);
    const added = keys(issues).filter((k) => !keys(plain).includes(k));
    expect(added).toEqual(expectedNewIssues(example));
    // One getNumberFormats() per plan tab people type numbers or dates into (Strategy, Objectives, Key Results, KPIs,
    // Roadmap, Actuals); none for the others, nor for the generated Targets tab.
    expect(formatCalls() - callsBefore).toBe(6);
  });
});

describe('the report from a live sheet (spreadsheets.get of the number formats)', () => {
  let server: SheetsApiServer;
  let spreadsheet: FakeSpreadsheet;
  let example: Workbook;
  beforeAll(async () => {
    example = exampleWorkbook('en');
    spreadsheet = exampleSpreadsheet('en', { id: `${ID}fmt` });
    for (const change of CHANGES) {
      const tab = spreadsheet.tabs.find((t) => t.title === change.tab)!;
      const [row, column] = at(example[change.tab], change.id, change.head);
      tab.values[row - 1][column - 1] = change.value;
      if (change.api) ((tab.formats ??= [])[row - 1] ??= [])[column - 1] = change.api;
    }
    const actuals = spreadsheet.tabs.find((t) => t.title === ACTUALS)!;
    const [row, column] = lastCheckIn(example[ACTUALS], 'KR3');
    actuals.values[row - 1][column - 1] = 0.18;
    ((actuals.formats ??= [])[row - 1] ??= [])[column - 1] = { type: 'PERCENT', pattern: '0%' };
    server = await new SheetsApiServer([spreadsheet, exampleSpreadsheet('en')]).start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('says the same cells, and reads KR3 as meant', async () => {
    const env = { GTM_PYRAMID_SHEETS_API: server.url, GTM_PYRAMID_ACCESS_TOKEN: 'test-token' };
    const plain = await readSheet(ID, { env });
    const live = await readSheet(`${ID}fmt`, { env });
    const options = { asOf: AS_OF, timeZone: live.timeZone, locale: live.locale };
    const before = keys(analyzeWorkbook(plain.workbook, options).issues);
    const added = keys(analyzeWorkbook(live.workbook, options).issues).filter((k) => !before.includes(k));
    expect(added).toEqual(expectedNewIssues(example));
    expectReadAsMeant(live.workbook, { timeZone: live.timeZone, locale: live.locale });
    const formats = server.apiRequests.filter((r) => r.query.has('ranges') && !r.path.includes('values'));
    expect(formats.length).toBe(2);
    expect(formats[0].query.get('fields')).toContain('effectiveFormat(numberFormat');
  });
});

/**
 * A format that shows a multiple (`#,##0"萬"`: 120 shows as "120萬"; `#,##0,"K"`: 120000 shows as "120K") is read as
 * the cell shows it: Taiwanese and Chinese teams keep amounts in 萬 with a number format, and a Target of 120 shown
 * as 120萬 in a key result counted in 元 is 1,200,000 元, where it was read as 120 元. In a key result counted in 萬元
 * it is 120 (萬元), as before; a format with commas that scale (120000 as 120K) gives the number the cell holds; a
 * format that adds another word (`0"人"`) changes nothing.
 */
describe('a number format that shows a multiple (萬, K, 百萬)', () => {
  const STRATEGY = tabDef('strategy').label.en;
  const CURRENCY = STRATEGY_FIELDS.find((f) => f.key === 'currency')!.label.en;
  const WAN = '#,##0"萬"';
  const WAN_DECIMAL = '0.0"萬"';
  const THOUSANDS_K = '#,##0,"K"';

  /** One cell changed (1-based), with the number format it is shown in. */
  interface Edit {
    tab: string;
    at: [number, number];
    value: number | string;
    format?: string;
  }

  /** The 1-based cells of a metric's check-ins (their Value column), in the order of the Actuals tab. */
  function checkIns(example: Workbook, metric: string): [number, number][] {
    const grid = example[ACTUALS];
    const column = grid[0].indexOf(header('actuals', 'value')) + 1;
    return grid.flatMap((row, i) => (row[1] === metric ? [[i + 1, column] as [number, number]] : []));
  }

  /**
   * The plan in NT dollars, KR1 counted in `unit` (元 or 萬元), its Target 120 shown as 120萬, its first five
   * check-ins 12.5 shown as 12.5萬, its last one `last` in the format `lastFormat` (none: the number as it is).
   */
  function kr1InWan(example: Workbook, unit: string, last: number, lastFormat?: string): Edit[] {
    const currencyRow = example[STRATEGY].findIndex((row) => row[0] === CURRENCY) + 1;
    const cells = checkIns(example, 'KR1');
    expect(cells).toHaveLength(6);
    return [
      { tab: STRATEGY, at: [currencyRow, 2], value: 'TWD' },
      { tab: KR, at: at(example[KR], 'KR1', header('keyResults', 'unit')), value: unit },
      { tab: KR, at: at(example[KR], 'KR1', header('keyResults', 'target')), value: 120, format: WAN },
      ...cells.slice(0, 5).map((cell) => ({ tab: ACTUALS, at: cell, value: 12.5, format: WAN_DECIMAL })),
      { tab: ACTUALS, at: cells[5], value: last, ...(lastFormat ? { format: lastFormat } : {}) },
    ];
  }

  /**
   * KR2 (sign-ups): its Target 50,000 shown as 50K (`#,##0,"K"`: the number the cell holds), its first check-in
   * 3,200 shown as 3200人 (a word that is no multiple), its second 0.5 shown as 0.5萬 (5,000 sign-ups).
   */
  function kr2Shown(example: Workbook): Edit[] {
    const cells = checkIns(example, 'KR2');
    return [
      {
        tab: KR,
        at: at(example[KR], 'KR2', header('keyResults', 'target')),
        value: 50000,
        format: THOUSANDS_K,
      },
      { tab: ACTUALS, at: cells[0], value: 3200, format: '0"人"' },
      { tab: ACTUALS, at: cells[1], value: 0.5, format: WAN_DECIMAL },
    ];
  }

  /** The example with the edits, each number format beside its grid as a reader hands them over. */
  function editedWorkbook(edits: Edit[]): Workbook {
    const wb = exampleWorkbook('en');
    const formats = new Map<string, string[][]>();
    for (const {
      tab,
      at: [row, column],
      value,
      format,
    } of edits) {
      wb[tab][row - 1][column - 1] = value;
      if (!format) continue;
      const grid = formats.get(tab) ?? [];
      (grid[row - 1] ??= [])[column - 1] = format;
      formats.set(tab, grid);
    }
    for (const [tab, grid] of formats) setNumberFormats(wb[tab], grid);
    return wb;
  }

  /** A real .xlsx of the example (no Targets tab) with the edits, each cell in its number format, by exceljs. */
  async function editedXlsx(edits: Edit[]): Promise<Workbook> {
    const book = new ExcelJS.Workbook();
    for (const [name, grid] of Object.entries(exampleWorkbook('en'))) {
      const sheet = book.addWorksheet(name);
      for (const row of grid) sheet.addRow(row);
    }
    for (const { tab, at: cell, value, format } of edits) {
      const target = book.getWorksheet(tab)!.getCell(...cell);
      target.value = value;
      if (format) target.numFmt = format;
    }
    return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
  }

  /** KR1 and KR2 as read: Target, check-in values, status and attainment. */
  function read(workbook: Workbook, options: { timeZone?: string; locale?: string } = { timeZone: 'UTC' }) {
    const { plan, progress, issues } = analyzeWorkbook(workbook, { asOf: AS_OF, ...options });
    const metric = (id: string) => {
      const kr = plan.keyResults.find((k) => k.id === id)!;
      const p = progress.keyResults.find((k) => k.id === id)!;
      return {
        target: kr.target,
        values: plan.actuals.filter((a) => a.metric === id).map((a) => a.value),
        status: p.status,
        attainment: p.attainment,
      };
    };
    return { kr1: metric('KR1'), kr2: metric('KR2'), issues: keys(issues) };
  }

  const plainIssues = () =>
    keys(analyzeWorkbook(exampleWorkbook('en'), { asOf: AS_OF, timeZone: 'UTC' }).issues);

  /** What each case reads, whichever reader hands the cells over. */
  function expectWanInYuan(workbook: Workbook, options?: { timeZone?: string; locale?: string }) {
    const { kr1, issues } = read(workbook, options);
    // 120萬 is 1,200,000 元; 12.5萬 is 125,000 元; the check-in typed 250,000 is that. Not 120 元 against 250,062.5.
    expect(kr1.target).toBe(1_200_000);
    expect(kr1.values).toEqual([125_000, 125_000, 125_000, 125_000, 125_000, 250_000]);
    expect(kr1.attainment).toBeCloseTo(875_000 / 1_200_000, 6);
    expect(kr1.status).toBe('missed');
    // A live sheet has its Targets tab, made for the example's KR1: compared there with the other readers.
    if (!options) expect(issues).toEqual(plainIssues());
  }
  function expectWanInWanYuan(workbook: Workbook) {
    const { kr1, issues } = read(workbook);
    // In 萬元, 120萬 is 120 and 12.5萬 12.5, as before; 120000 shown as 120K is 120,000 元: 12 萬元.
    expect(kr1.target).toBe(120);
    expect(kr1.values).toEqual([12.5, 12.5, 12.5, 12.5, 12.5, 12]);
    expect(kr1.attainment).toBeCloseTo(74.5 / 120, 6);
    expect(issues).toEqual(plainIssues());
  }
  function expectKr2(workbook: Workbook) {
    const { kr2 } = read(workbook);
    const plain = read(exampleWorkbook('en')).kr2;
    // 50000 shown as 50K is 50,000; 3200 shown as 3200人 is 3,200; 0.5 shown as 0.5萬 is 5,000 sign-ups.
    expect(kr2.target).toBe(50_000);
    expect(kr2.values).toEqual([3200, 5000, ...plain.values.slice(2)]);
  }

  it('what a format shows: the multiple after the digits, its words, and the commas that scale', () => {
    const multiple = (code: string) => formatShows(code)?.multiple;
    expect(multiple(WAN)).toEqual({ text: '萬', before: false, spaced: false, thousands: 0 });
    expect(multiple(THOUSANDS_K)).toEqual({ text: 'K', before: false, spaced: false, thousands: 1 });
    expect(multiple('0.0,,"百萬"')).toEqual({ text: '百萬', before: false, spaced: false, thousands: 2 });
    expect(multiple('#,##0" K users"')?.text).toBe('K users');
    expect(multiple('#,##0,\\K')?.thousands).toBe(1);
    expect(multiple('0.0,,"M";(0.0,,"M")')?.thousands).toBe(2);
    expect(formatShows('[$NT$-404]#,##0"萬"')).toMatchObject({ currency: 'NT$', multiple: { text: '萬' } });
    // A word that is no multiple, and a percent word (百分 is no ×100): nothing to read.
    for (const plain of ['0"人"', '0" sign-ups"', '#,##0" users"', '0"百分點"', '0" km"', '#,##0,'])
      expect(formatShows(plain)).toBeNull();
  });

  it('the text the cell shows, in full precision, reads as the number in that multiple', () => {
    const cases: [number, string, '.' | ',', string, number][] = [
      [120, WAN, '.', '120萬', 1_200_000],
      [12.5, WAN_DECIMAL, '.', '12.5萬', 125_000],
      [12.54, WAN_DECIMAL, ',', '12,54萬', 125_400], // shown "12,5萬": the text is never the rounded display
      [120, '#,##0"萬元"', '.', '120萬元', 1_200_000],
      [120000, THOUSANDS_K, '.', '120K', 120_000],
      [1234567, '#,##0,,"M"', '.', '1.234567M', 1_234_567],
      [1234567, '0.0,,"百萬"', '.', '1.234567百萬', 1_234_567],
      [3, '0.0"億"', '.', '3億', 300_000_000],
      [2, '0" millions"', '.', '2 million', 2_000_000],
      [120000, '"$"#,##0,"K"', '.', '$120K', 120_000],
      [-120, `${WAN};(${WAN})`, '.', '-120萬', -1_200_000],
      [12000, WAN, '.', '12,000萬', 120_000_000],
    ];
    for (const [value, code, mark, text, meant] of cases) {
      expect(typedTextOf(value, code, mark)).toBe(text);
      expect(readNumber(text, { decimalMark: mark, currency: 'TWD' })).toEqual({ ok: true, value: meant });
    }
    expect(typedTextOf(120, '0"人"', '.')).toBeNull();
  });

  it('the parser reads it in the metric’s unit: 120萬 is 1,200,000 in 元 and 120 in 萬元; 50K is 50,000; 3200人 is 3,200', () => {
    expectWanInYuan(editedWorkbook(kr1InWan(exampleWorkbook('en'), '元', 250_000)));
    expectWanInWanYuan(editedWorkbook(kr1InWan(exampleWorkbook('en'), '萬元', 120_000, THOUSANDS_K)));
    expectKr2(editedWorkbook(kr2Shown(exampleWorkbook('en'))));
  });

  it('a real .xlsx (exceljs) with these number formats reads the same', async () => {
    expectWanInYuan(await editedXlsx(kr1InWan(exampleWorkbook('en'), '元', 250_000)));
    expectWanInWanYuan(await editedXlsx(kr1InWan(exampleWorkbook('en'), '萬元', 120_000, THOUSANDS_K)));
    expectKr2(await editedXlsx(kr2Shown(exampleWorkbook('en'))));
  });

  it('the report from a live sheet (the Sheets API’s number format pattern) reads the same', async () => {
    const example = exampleWorkbook('en');
    const spreadsheet = exampleSpreadsheet('en', { id: `${ID}wan` });
    for (const {
      tab,
      at: [row, column],
      value,
      format,
    } of kr1InWan(example, '元', 250_000)) {
      const served = spreadsheet.tabs.find((t) => t.title === tab)!;
      served.values[row - 1][column - 1] = value;
      if (format) ((served.formats ??= [])[row - 1] ??= [])[column - 1] = { type: 'NUMBER', pattern: format };
    }
    const server = await new SheetsApiServer([spreadsheet]).start();
    try {
      const env = { GTM_PYRAMID_SHEETS_API: server.url, GTM_PYRAMID_ACCESS_TOKEN: 'test-token' };
      const live = await readSheet(`${ID}wan`, { env });
      expectWanInYuan(live.workbook, { timeZone: live.timeZone, locale: live.locale });
    } finally {
      await server.close();
    }
  });

  it('the add-on (getNumberFormats in the emulator) judges KR1 from 1,200,000 and 125,000: missed, no new issue', () => {
    const example = exampleWorkbook('en');
    const edits = [...kr1InWan(example, '元', 250_000), ...kr2Shown(example)];
    const addon = loadAddon({ workbook: exampleWorkbook('en'), timeZone: 'UTC' });
    const plain = addon.run('getPlanCheck') as PlanCheck;
    for (const { tab, at: cell, value, format } of edits) {
      const range = addon.ss.getSheetByName(tab)!.getRange(...cell);
      range.setValue(value);
      if (format) range.setNumberFormat(format);
    }
    const check = addon.run('getPlanCheck') as PlanCheck;
    // The same statuses and issues as the core gives the same cells with their formats, as of the same day.
    const core = analyzeWorkbook(editedWorkbook(edits), { asOf: check.asOf, timeZone: 'UTC' });
    expect(core.plan.keyResults.find((k) => k.id === 'KR1')!.target).toBe(1_200_000);
    const kr1 = core.progress.keyResults.find((k) => k.id === 'KR1')!;
    expect(kr1.status).toBe('missed');
    const { total, ...byStatus } = check.summary.keyResults;
    expect(total).toBe(core.progress.keyResults.length);
    for (const [status, count] of Object.entries(byStatus))
      expect([status, count]).toEqual([
        status,
        core.progress.keyResults.filter((k) => k.status === status).length,
      ]);
    const issues = check.groups.flatMap((g) => g.issues);
    expect(keys(issues)).toEqual(keys(plain.groups.flatMap((g) => g.issues)));
  });
});
