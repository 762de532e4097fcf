/**
 * The Targets formulas in a third spreadsheet engine: the .xlsx that `gtm-pyramid example` writes (no cached
 * results, "calculate on open") is recalculated by LibreOffice (`soffice --headless --convert-to xlsx`), and the
 * month cells must equal shared/'s decomposition, the to-date columns planProgress. LibreOffice must be installed
 * (`apt-get install libreoffice-calc-nogui`; .ci/run does it): a missing engine fails, it does not pass as green.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { planToXlsxBuffer, utcDate } from '../report/write-xlsx';
import {
  columnLetter,
  decompose,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  parsePlan,
  planProgress,
  STATUS_LABELS,
  TARGETS_SUMMARY_COLUMNS,
  type PlanProgress,
  type Workbook,
} from '../shared';
import { addHalfKeyResults } from './helpers/edit';
import { metricSpecs } from './helpers/metric-specs';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const work = mkdtempSync(join(tmpdir(), 'gtm-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** LibreOffice opens the file, recalculates it and saves it as .xlsx with the results cached. */
function recalculateWithLibreOffice(xlsx: Buffer): Buffer {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice not found at ${SOFFICE}: apt-get install -y libreoffice-calc-nogui (or set SOFFICE_PATH)`,
    );
  const input = join(work, 'plan.xlsx');
  writeFileSync(input, xlsx);
  const out = join(work, 'out');
  execFileSync(
    SOFFICE,
    [
      '--headless',
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      input,
    ],
    { stdio: 'pipe', timeout: 50_000 },
  );
  return readFileSync(join(out, 'plan.xlsx'));
}

/**
 * The results LibreOffice cached in a sheet, by A1 address: numbers as numbers, text as text. Read from the XML
 * (exceljs drops a cached 0), with shared strings resolved.
 */
async function cachedValues(xlsx: Buffer, sheetName: string): Promise<Map<string, number | string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const workbook = await read('xl/workbook.xml');
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await read('xl/_rels/workbook.xml.rels');
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const xml = await read(`xl/${target.replace(/^\/?xl\//, '')}`);
  const values = new Map<string, number | string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const type = /t="(\w+)"/.exec(m[2])?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[3] ?? '')?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(m[3] ?? '')?.[1];
    if (type === 's' && v !== undefined) values.set(m[1], shared[Number(v)]);
    else if (type === 'str' || type === 'e') values.set(m[1], unescape(v ?? ''));
    else if (type === 'inlineStr') values.set(m[1], unescape(inline ?? ''));
    else if (v !== undefined) values.set(m[1], Number(v));
  }
  return values;
}

/**
 * The example plan with a Baseline ≠ 0, every phasing, check-ins before a Start and after the as-of day, and two
 * key results whose monthly targets are halves to round.
 */
function planForLibreOffice(): Workbook {
  const workbook = exampleWorkbook('en', { date: utcDate });
  const krs = workbook['Key Results'];
  const col = (name: string) => (krs[0] as string[]).indexOf(name);
  const row = (id: string) => krs.findIndex((r) => r[0] === id);
  krs[row('KR2')][col('Baseline')] = 10_000;
  krs[row('KR2')][col('Target')] = 60_000;
  krs[row('KR2')][col('Phasing')] = 'ramp-up';
  krs[row('KR1')][col('Phasing')] = 'front-loaded';
  addHalfKeyResults(workbook, utcDate);
  const actuals = workbook['Actuals'];
  const header = actuals[0] as string[];
  const checkIn = (date: string, metric: string, value: number) => {
    const cells: (string | number | Date)[] = header.map(() => '');
    cells[header.indexOf('Date')] = utcDate(date);
    cells[header.indexOf('Metric')] = metric;
    cells[header.indexOf('Value')] = value;
    return cells;
  };
  actuals.push(checkIn('2026-02-10', 'KR2', 9_999), checkIn('2026-11-20', 'KR2', 7_777));
  return workbook;
}

/** The recalculated Targets tab's cells, by row and column, with its summary columns and each metric's row. */
function targetsTab(cells: Map<string, unknown>) {
  const valueAt = (r: number, c: number): unknown => cells.get(`${columnLetter(c)}${r}`);
  const headers = Array.from({ length: 60 }, (_, i) => valueAt(1, i + 1));
  const summary = (key: string) =>
    headers.indexOf(TARGETS_SUMMARY_COLUMNS.find((c) => c.key === key)!.label.en) + 1;
  const rowOf = new Map<string, number>();
  for (let r = 2; valueAt(r, 1) !== undefined; r++)
    if (valueAt(r, 2) === 'target') rowOf.set(String(valueAt(r, 1)), r);
  return { valueAt, summary, rowOf };
}

/**
 * Expects the tab's to-date columns (target and actual to date, attainment, status) to show planProgress's figures
 * for every key result and KPI; returns how many metrics had a current value to compare.
 */
function expectToDateColumnsAsProgress(tab: ReturnType<typeof targetsTab>, progress: PlanProgress): number {
  const { valueAt, summary, rowOf } = tab;
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  let compared = 0;
  for (const p of [...progress.keyResults, ...progress.kpis]) {
    const r = rowOf.get(p.id)!;
    (
      [
        ['targetToDate', p.expected],
        ['actualToDate', p.current],
        ['attainment', p.attainment],
      ] as const
    ).forEach(([key, want]) => {
      const got = valueAt(r, summary(key));
      if (want === null) expect(blank(got), `${p.id} ${key}`).toBe(true);
      else expect(got, `${p.id} ${key}`).toBeCloseTo(want, 9);
    });
    expect(valueAt(r, summary('status')), p.id).toBe(STATUS_LABELS[p.status].en);
    if (p.current !== null) compared++;
  }
  return compared;
}

describe('Targets formulas recalculated by LibreOffice', () => {
  it('equal the TypeScript decomposition cell by cell, and planProgress in the to-date columns', async () => {
    const workbook = planForLibreOffice();
    const recalculated = recalculateWithLibreOffice(
      await planToXlsxBuffer(workbook, { lang: 'en', asOf: EXAMPLE_AS_OF }),
    );
    const cells = await cachedValues(recalculated, 'Targets');
    const tab = targetsTab(cells);
    const { valueAt, rowOf } = tab;

    const { plan } = parsePlan(workbook, { timeZone: 'UTC' });
    const months = plan.period!.months;
    const firstMonth = 5;

    let compared = 0;
    const metrics = metricSpecs(plan);
    for (const { id, spec } of metrics) {
      decompose(spec, months).forEach(({ target }, i) => {
        const cell = valueAt(rowOf.get(id)!, firstMonth + i);
        if (target === null)
          expect(cell === '' || cell === null || cell === undefined, `${id} ${i}`).toBe(true);
        else expect(cell, `${id} ${months[i]}`).toBeCloseTo(target, 9);
        compared++;
      });
    }
    expect(compared).toBe(10 * 12);
    // LibreOffice rounds those halves up, as the core does.
    const at = (id: string, month: number) => valueAt(rowOf.get(id)!, firstMonth + month - 1);
    expect([at('KR6', 3), at('KR6', 9), at('KR7', 1), at('KR7', 3)]).toEqual([0.0438, 0.1313, 0.43, 0.43]);

    expectToDateColumnsAsProgress(tab, planProgress(plan, EXAMPLE_AS_OF));

    // The report reads the file LibreOffice wrote (another producer's package: its own part order, styles and
    // shared strings) as the same plan, and every cached result in the Targets tab as LibreOffice wrote it.
    const read = await readXlsxBuffer(recalculated, 'plan.xlsx');
    const reread = parsePlan(read, { timeZone: 'UTC' }).plan;
    expect(reread.keyResults).toEqual(plan.keyResults);
    expect(reread.kpis).toEqual(plan.kpis);
    expect(reread.actuals).toEqual(plan.actuals);
    let targetCells = 0;
    for (const [a1, value] of cells) {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const got = read.Targets[Number(row) - 1]?.[column - 1] ?? '';
      // The month headers have a date format: the report reads them as Dates, the XML holds their serials.
      expect(got instanceof Date ? got.getTime() / 86_400_000 + 25_569 : got, a1).toEqual(value);
      targetCells++;
    }
    expect(targetCells).toBeGreaterThan(8 * 12);
  });

  it('read an Actuals tab kept as months in columns: planProgress in the to-date columns', async () => {
    // planForLibreOffice's check-ins, one row per metric and one column per month (2026-01 …); two in one month add up.
    const workbook = planForLibreOffice();
    const [header, ...long] = workbook['Actuals'] as (string | number | Date)[][];
    const at = (name: string) => (header as string[]).indexOf(name);
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const metrics: string[] = [];
    const cells = new Map<string, number>();
    for (const row of long) {
      const metric = String(row[at('Metric')]);
      const month = (row[at('Date')] as Date).toISOString().slice(0, 7);
      if (!metrics.includes(metric)) metrics.push(metric);
      const key = `${metric} ${month}`;
      cells.set(key, (cells.get(key) ?? 0) + Number(row[at('Value')]));
    }
    workbook['Actuals'] = [
      ['Metric', ...months],
      ...metrics.map((m) => [m, ...months.map((month) => cells.get(`${m} ${month}`) ?? '')]),
    ];
    const { plan } = parsePlan(workbook, { timeZone: 'UTC' });
    expect(plan.layout.actuals?.wide).toBeDefined();
    const recalculated = recalculateWithLibreOffice(
      await planToXlsxBuffer(workbook, { lang: 'en', asOf: EXAMPLE_AS_OF }),
    );
    const compared = expectToDateColumnsAsProgress(
      targetsTab(await cachedValues(recalculated, 'Targets')),
      planProgress(plan, EXAMPLE_AS_OF),
    );
    // Every metric but KR6 (a level with no check-in: no data) shows a current value read from the months.
    expect(compared).toBe(9);
  });
});
