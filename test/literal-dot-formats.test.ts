/**
 * Chinese Excel shows amounts in 萬 with a literal dot among the digit placeholders: `0\.0,"萬"` or `0!.0,"萬"`
 * shows 2000 as 0.2萬 (the comma divides by 1,000, the digits fill 0.0 from the right across the dot), and
 * `0!.0000"萬"` shows 50000 as 5.0000萬. Such a cell is read as it shows, 0.2萬 = 2,000, never as 2萬 (10×) or
 * 50000萬 (10,000×); conditions ([>=10000]) choose the section that shows the number; a format the plan cannot read
 * as shown (`0.00"w"`, literal text among the digits) is read as held and said at the cell. LibreOffice, which
 * writes what a cell shows to CSV, is the oracle for the `\.` and `"."` forms (it shows `!.` as "2!.0萬": Excel's
 * escape is not LibreOffice's). Real .xlsx files written by exceljs, read by the report's reader.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

import { analyzeWorkbook, columnDef, exampleWorkbook, readNumber, tabDef, type Workbook } from '../shared';
import { formatShows, typedTextOf } from '../shared/number-formats';
import { readXlsxBuffer } from '../report/read-xlsx';

const AS_OF = '2026-11-15';
const LANG = 'zh-TW';

/** The example as a real .xlsx, KR2's Target and check-ins (their values and formats) set, read back. */
async function withKr2(
  checkIns: { value?: number; format: string },
  target?: { value: number; format: string },
) {
  const example = exampleWorkbook(LANG);
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(example)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row);
  }
  const actuals = example[tabDef('actuals').label[LANG]];
  const metric = actuals[0].indexOf(columnDef('actuals', 'metric').label[LANG]);
  const value = actuals[0].indexOf(columnDef('actuals', 'value').label[LANG]) + 1;
  const rows = actuals.flatMap((r, i) => (r[metric] === 'KR2' ? [i + 1] : []));
  const sheet = book.getWorksheet(tabDef('actuals').label[LANG])!;
  for (const r of rows) {
    const cell = sheet.getCell(r, value);
    if (checkIns.value !== undefined) cell.value = checkIns.value;
    cell.numFmt = checkIns.format;
  }
  if (target) {
    const krs = example[tabDef('keyResults').label[LANG]];
    const cell = book
      .getWorksheet(tabDef('keyResults').label[LANG])!
      .getCell(
        krs.findIndex((r) => r[0] === 'KR2') + 1,
        krs[0].indexOf(columnDef('keyResults', 'target').label[LANG]) + 1,
      );
    cell.value = target.value;
    cell.numFmt = target.format;
  }
  const wb: Workbook = await readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
  const { plan, progress, issues } = analyzeWorkbook(wb, { asOf: AS_OF, timeZone: 'UTC' });
  const i = plan.keyResults.findIndex((k) => k.id === 'KR2');
  return {
    target: plan.keyResults[i].target,
    values: plan.actuals.filter((a) => a.metric === 'KR2').map((a) => a.value),
    status: progress.keyResults[i].status,
    attainment: progress.keyResults[i].attainment,
    rows,
    issues,
  };
}

describe('a literal dot among the digits (0\\.0,"萬", 0!.0000"萬") shows, and is read, as Excel shows it', () => {
  it('the text read, in full precision: 2000 in 0!.0,"萬" is 0.2萬, 50000 in 0!.0000"萬" is 5萬, 123456 is 12.3456萬', () => {
    const cases: [number, string, string][] = [
      [2000, '0!.0,"萬"', '0.2萬'],
      [2000, '0\\.0,"萬"', '0.2萬'],
      [123456, '0\\.0,"萬"', '12.3456萬'],
      [50000, '0!.0000"萬"', '5萬'],
      [123456, '0!.0000"萬"', '12.3456萬'],
      [50000, '0\\.0000"萬"', '5萬'],
      [7, '0"."0000"萬"', '0.0007萬'],
      [-5000, '0\\.0,"萬";-0\\.0,"萬"', '-0.5萬'],
      [1234567, '#,##0\\.0,"萬"', '123.4567萬'],
      [1234567, '0\\.00,,"億"', '0.01234567億'],
      // A decimal point of its own: the commas divide, the digits after it are decimals (2000 shows 2.0萬).
      [2000, '0.0,"萬"', '2萬'],
    ];
    for (const [value, code, text] of cases) expect(typedTextOf(value, code, '.'), code).toBe(text);
    expect(typedTextOf(123456, '0!.0000"萬"', ',')).toBe('12,3456萬');
    for (const [value, code] of cases) {
      const read = readNumber(typedTextOf(value, code, '.')!, { unit: '註冊數' });
      expect(read.ok && read.value, code).toBe(code === '0.0,"萬"' ? 20000 : value);
    }
  });

  it('conditions choose the section: [>=10000]0!.0000"萬";0 shows 5000 as 5000, 50000 as 5.0000萬', () => {
    const code = '[>=10000]0!.0000"萬";0';
    expect(typedTextOf(50000, code, '.')).toBe('5萬');
    expect(typedTextOf(5000, code, '.')).toBeNull();
    expect(typedTextOf(-50000, code, '.')).toBeNull();
    expect(typedTextOf(5000, '[<1000]0;0\\.0,"萬"', '.')).toBe('0.5萬');
    expect(typedTextOf(500, '[<1000]0;0\\.0,"萬"', '.')).toBeNull();
    expect(typedTextOf(5000, '[>=10000]0"萬";[>=1000]0.0,"千"', '.')).toBe('5千');
    // Two conditions, neither met, and no third section: no section shows it; read as held, and said.
    expect(typedTextOf(500, '[>=10000]0"萬";[>=1000]0"千"', '.')).toBeNull();
    expect(formatShows('[>=10000]0"萬";[>=1000]0"千"', 500)?.unread).toBe('condition');
  });

  it('what the plan cannot read as shown is read as held and flagged: 0.00"w", literal text among the digits', () => {
    expect(typedTextOf(0.32, '0.00"w"', '.')).toBeNull();
    expect(formatShows('0.00"w"', 0.32)?.unread).toBe('word');
    expect(formatShows('0\\-0000"萬"', 50000)?.unread).toBe('layout');
    expect(formatShows('0\\.0\\.0"萬"', 50000)?.unread).toBe('layout');
    // A plain number shown with a literal, and a W (watts), show no multiple: read as held, with no word.
    expect(formatShows('0\\-0000', 50000)).toBeNull();
    expect(formatShows('0.0"W"', 5)).toBeNull();
  });
});

describe('KR2 (50,000 sign-ups) through a real .xlsx, its check-ins and Target in 萬 with a literal dot', () => {
  for (const format of ['0!.0,"萬"', '0\\.0,"萬"']) {
    it(`check-ins of 2000 shown as 0.2萬 (${format}) are 2,000 each: off track at 32%, not done at 320%`, async () => {
      const kr2 = await withKr2({ value: 2000, format });
      expect(kr2.values.every((v) => v === 2000)).toBe(true);
      expect(kr2.target).toBe(50000);
      expect(kr2.attainment).toBeCloseTo(0.32, 6);
      expect(kr2.status).not.toBe('done');
      expect(kr2.status).toBe('off-track');
    });
  }

  it('a Target of 50000 and its check-ins in 0!.0000"萬" are 50,000 and the check-ins as held, not ×10,000', async () => {
    const plain = await withKr2({ format: '0' });
    const kr2 = await withKr2({ format: '0!.0000"萬"' }, { value: 50000, format: '0!.0000"萬"' });
    expect(kr2.target).toBe(50000);
    expect(kr2.values).toEqual(plain.values);
    expect(kr2.status).toBe(plain.status);
    expect(kr2.attainment).toBeCloseTo(plain.attainment!, 9);
    expect(kr2.issues.filter((i) => i.code === 'format-not-read')).toEqual([]);
  });

  it('check-ins in [>=10000]0!.0000"萬";0: 2000 (shown 2000) and 50000 (shown 5.0000萬) read as held', async () => {
    const small = await withKr2({ value: 2000, format: '[>=10000]0!.0000"萬";0' });
    expect(small.values.every((v) => v === 2000)).toBe(true);
    expect(small.status).toBe('off-track');
    const large = await withKr2({ value: 50000, format: '[>=10000]0!.0000"萬";0' });
    expect(large.values.every((v) => v === 50000)).toBe(true);
  });

  it('a check-in 0.32 in 0.00"w" (shows 0.32w, 3,200 meant) is read as 0.32 and said at each cell', async () => {
    const kr2 = await withKr2({ value: 0.32, format: '0.00"w"' });
    expect(kr2.values.every((v) => v === 0.32)).toBe(true);
    const said = kr2.issues.filter((i) => i.code === 'format-not-read');
    expect(said.map((i) => `${i.sheet}!${i.a1}`)).toEqual(kr2.rows.map((r) => `實際!C${r}`));
    expect(said[0].severity).toBe('warning');
    expect(JSON.stringify(said[0].message)).toContain(
      'Value of KR2 holds 0.32, in a number format (0.00\\"w\\") that the plan cannot read as the cell shows it',
    );
  });
});

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const work = mkdtempSync(join(tmpdir(), 'gtm-lo-fmt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each value in each format, as LibreOffice shows it: the .xlsx converted to CSV, whose cells are the text shown. */
function shownByLibreOffice(cases: [string, number][]): Promise<string[]> {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice not found at ${SOFFICE}: apt-get install -y libreoffice-calc-nogui (or set SOFFICE_PATH)`,
    );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('s');
  cases.forEach(([code, value], i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = value;
    cell.numFmt = code;
  });
  return book.xlsx.writeBuffer().then((buffer) => {
    const input = join(work, 'formats.xlsx');
    writeFileSync(input, Buffer.from(buffer));
    execFileSync(
      SOFFICE,
      [
        '--headless',
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        work,
        input,
      ],
      { stdio: 'pipe', timeout: 50_000 },
    );
    return readFileSync(join(work, 'formats.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(0, cases.length)
      .map((line) => line.replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
  });
}

describe('LibreOffice shows each format as the plan reads it', () => {
  it('0\\.0,"萬", 0\\.0000"萬", 0"."0000"萬", 0\\.00,,"億" and conditions: the number shown is the number read', async () => {
    const codes = [
      '0\\.0,"萬"',
      '0\\.0000"萬"',
      '0"."0000"萬"',
      '0\\.00,,"億"',
      '#,##0\\.0,"萬"',
      '0\\.0,"萬";-0\\.0,"萬"',
      '[>=10000]0\\.0000"萬";0',
      '[<1000]0;0\\.0,"萬"',
      '[>=10000]0\\.0,"萬";[<0]-0;0',
      '0.0,"萬"',
      '0.00"萬"',
    ];
    const values = [2000, 5000, 50000, 123456, 7, -5000, -50000, 987654];
    const cases = codes.flatMap((code) => values.map((value): [string, number] => [code, value]));
    const shown = await shownByLibreOffice(cases);
    const checked: string[] = [];
    cases.forEach(([code, value], i) => {
      const text = typedTextOf(value, code, '.');
      // LibreOffice's text, rounded to its placeholders (and its grouping of digits around a literal dot, 1,23.5萬,
      // aside); the plan's, in full precision.
      const lo = shown[i].replace(/,/g, '');
      const loRead = readNumber(lo, { unit: '註冊數' });
      const planRead = text === null ? { ok: true as const, value } : readNumber(text, { unit: '註冊數' });
      expect(loRead.ok, `${code} ${value}: LibreOffice shows ${shown[i]}`).toBe(true);
      expect(planRead.ok, `${code} ${value}: ${text}`).toBe(true);
      if (!loRead.ok || !planRead.ok) return;
      // The last place LibreOffice shows: a unit of it is the most the two may differ by (its rounding).
      const decimals = /[.](\d+)/.exec(lo)?.[1].length ?? 0;
      const scale = /億/.test(lo) ? 1e8 : /萬/.test(lo) ? 1e4 : 1;
      const unit = (scale * 10 ** -decimals) / 2;
      // A section that shows no sign shows a negative without its minus: the plan reads the sign the cell holds.
      const loValue = value < 0 && loRead.value > 0 ? -loRead.value : loRead.value;
      expect(
        Math.abs(loValue - planRead.value),
        `${code} ${value}: ${shown[i]} vs ${text}`,
      ).toBeLessThanOrEqual(unit + 1e-9);
      checked.push(`${code} ${value} ${shown[i]}`);
    });
    // The QA's own cases, as LibreOffice shows them.
    expect(checked).toContain('0\\.0,"萬" 2000 0.2萬');
    expect(checked).toContain('0\\.0000"萬" 50000 5.0000萬');
    expect(checked).toContain('[>=10000]0\\.0000"萬";0 5000 5000');
  });
});
