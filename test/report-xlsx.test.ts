import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  buildTargetsSheet,
  columnDef,
  EXAMPLE_AS_OF,
  parsePlan,
  tabDef,
  type Lang,
  type Plan,
} from '../shared';
import {
  FormulaStripper,
  readXlsx,
  readXlsxBuffer,
  stripFormulaElements,
  unzip,
  withoutFormulaText,
  XlsxReadError,
  zipStored,
} from '../report/read-xlsx';
import { exampleXlsxBuffer, planToXlsxBuffer, utcDate, writePlanXlsxStreamed } from '../report/write-xlsx';
import { exampleGrid } from './helpers/report';
import { generatePlanWorkbook } from '../bench/generate-plan';

/** The plan without what only the generated Targets tab adds (it is not part of the example's inputs). */
const inputs = (plan: Plan) => ({ ...plan, targets: null, layout: { ...plan.layout, targets: undefined } });

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

async function bufferOf(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readError(buffer: Buffer, name = 'plan.xlsx'): Promise<string> {
  try {
    await readXlsxBuffer(buffer, name);
  } catch (error) {
    expect(error).toBeInstanceOf(XlsxReadError);
    return (error as Error).message;
  }
  throw new Error('expected the read to fail');
}

describe('xlsx round trip: example → write → read → the same plan', () => {
  for (const lang of ['en', 'zh-CN'] as Lang[]) {
    it(`gives the same plan with no errors (${lang})`, async () => {
      const buffer = await exampleXlsxBuffer(lang);
      const workbook = await readXlsxBuffer(buffer, 'example.xlsx');
      expect(Object.keys(workbook)).toEqual([
        ...[
          'strategy',
          'departments',
          'objectives',
          'keyResults',
          'kpis',
          'roadmap',
          'actuals',
          'changes',
        ].map((k) => tabDef(k as Parameters<typeof tabDef>[0]).label[lang]),
        tabDef('targets').label[lang],
      ]);
      const read = parsePlan(workbook, { timeZone: 'UTC' });
      const original = parsePlan(exampleGrid(lang), { timeZone: 'UTC' });
      expect(inputs(read.plan)).toEqual(inputs(original.plan));
      expect(read.issues).toEqual([]);
      // The Targets tab was read back (weights, month columns); without cached results nothing is compared.
      expect(read.plan.targets?.months).toHaveLength(12);
      const { issues } = analyzeWorkbook(workbook, { asOf: EXAMPLE_AS_OF, timeZone: 'UTC' });
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(issues.map((i) => i.code)).not.toContain('targets-mismatch');
      expect(issues.map((i) => i.code)).not.toContain('targets-row-missing');
    });
  }

  it('writes real dates, month headers as dates shown yyyy-mm, the Targets formulas and drop-downs', async () => {
    const book = await load(await exampleXlsxBuffer('en'));
    const kr = book.getWorksheet(tabDef('keyResults').label.en)!;
    const header = kr.getRow(1).values as unknown[];
    const due = header.indexOf(columnDef('keyResults', 'due').label.en);
    const type = header.indexOf(columnDef('keyResults', 'type').label.en);
    expect(kr.getCell(2, due).value).toEqual(utcDate('2026-08-31'));
    expect(kr.getCell(2, due).numFmt).toBe('yyyy-mm-dd');
    expect(kr.getCell(2, type).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"cumulative,level,threshold,milestone"'],
    });
    expect(kr.getCell(999, type).dataValidation).toMatchObject({ type: 'list' });

    const targets = book.getWorksheet(tabDef('targets').label.en)!;
    const expected = buildTargetsSheet(parsePlan(exampleGrid('en')).plan, { lang: 'en', date: utcDate })!;
    const first = targets.getCell(1, expected.firstMonthColumn);
    expect(first.value).toEqual(utcDate('2026-01-01'));
    expect(first.numFmt).toBe('yyyy-mm');
    expect(targets.rowCount).toBe(expected.rows.length);
    for (let r = 2; r <= expected.rows.length; r++) {
      for (let c = expected.firstMonthColumn; c < expected.firstMonthColumn + 12; c++) {
        const cell = expected.rows[r - 1][c - 1];
        if (typeof cell === 'string' && cell.startsWith('='))
          expect(targets.getCell(r, c).formula).toBe(cell.slice(1));
      }
    }
  });

  it('asks spreadsheets to calculate on open (no cached results are written)', async () => {
    const xml = unzip(await exampleXlsxBuffer('en'))!
      .find((e) => e.name === 'xl/workbook.xml')!
      .data.toString();
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('reports a Targets value that differs from the plan as a mismatch, at its cell', async () => {
    const book = await load(await exampleXlsxBuffer('en'));
    const targets = book.getWorksheet(tabDef('targets').label.en)!;
    const cell = targets.getCell(2, 7); // KR1, March
    cell.value = { formula: cell.formula, result: 12345 } as ExcelJS.CellFormulaValue;
    const workbook = await readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'x.xlsx');
    const { issues } = analyzeWorkbook(workbook, { asOf: EXAMPLE_AS_OF, timeZone: 'UTC' });
    const mismatch = issues.filter((i) => i.code === 'targets-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ sheet: tabDef('targets').label.en, a1: 'G2' });
  });
});

describe('reading cells the way a person sees them', () => {
  it('cached formula results, UTC dates, rich text, hyperlink text, merged masters, hidden rows, errors', async () => {
    const buffer = await bufferOf((book) => {
      const sheet = book.addWorksheet('Notes');
      sheet.getCell('A1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
      sheet.getCell('B1').value = { formula: 'A1&"x"', result: 'text result' } as ExcelJS.CellFormulaValue;
      sheet.getCell('C1').value = {
        formula: '1/0',
        result: { error: '#DIV/0!' },
      } as unknown as ExcelJS.CellFormulaValue;
      sheet.getCell('D1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue; // saved without a result
      sheet.getCell('A2').value = utcDate('2026-03-01');
      sheet.getCell('A2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('B2').value = { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] };
      sheet.getCell('C2').value = { text: 'the link text', hyperlink: 'https://example.com/' };
      sheet.getCell('D2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      sheet.getCell('A3').value = 'merged';
      sheet.mergeCells('A3:B4');
      sheet.getCell('A5').value = 'hidden row';
      sheet.getRow(5).hidden = true;
      sheet.getCell('C6').value = true;
    });
    const { Notes } = await readXlsxBuffer(buffer, 'cells.xlsx');
    expect(Notes).toEqual([
      [2, 'text result', '#DIV/0!'],
      [utcDate('2026-03-01'), 'Rich text', 'the link text', '#REF!'],
      ['merged'],
      [],
      ['hidden row'],
      ['', '', true],
    ]);
  });

  it('drops formula text but keeps cached values, whatever the form of <f>', () => {
    const xml = Buffer.from(
      '<sheetData><row><c r="A1"><f>SUM(1,2)</f><v>3</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>6</v></c>' +
        '<c r="B2"><f t="shared" si="0"/><v>6</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData><fills><fill/></fills>',
    );
    expect(stripFormulaElements(xml)!.toString()).toBe(
      '<sheetData><row><c r="A1"><v>3</v></c><c r="B1"><v>6</v></c><c r="B2"><v>6</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData><fills><fill/></fills>',
    );
    expect(stripFormulaElements(Buffer.from('<c><v>1</v></c><formula1>x</formula1>'))).toBeNull();
  });

  it('strips the same however the XML is cut into chunks', () => {
    const xml = Buffer.from(
      '<row><c r="A1"><f>IF(A2&lt;1,"&lt;f&gt;",2)</f><v>2</v></c><c r="B1"><f t="shared" si="0"/><v>3</v></c>' +
        '<c r="C1" t="inlineStr"><is><t>&lt;f&gt;text&lt;/f&gt;</t></is></c><fill/><f\n t="array">1</f></row>',
    );
    const whole = stripFormulaElements(xml)!.toString();
    expect(whole).toBe(
      '<row><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c><c r="C1" t="inlineStr"><is><t>&lt;f&gt;text&lt;/f&gt;</t></is></c><fill/></row>',
    );
    for (const size of [1, 2, 3, 5, 7, 13]) {
      const stripper = new FormulaStripper();
      for (let i = 0; i < xml.length; i += size) stripper.push(xml.subarray(i, i + size));
      expect(stripper.end().toString(), `chunks of ${size}`).toBe(whole);
    }
  });

  it('unzips and re-zips a package losslessly', async () => {
    const buffer = await exampleXlsxBuffer('en');
    const entries = unzip(buffer)!;
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
    const again = unzip(zipStored(entries))!;
    expect(again.map((e) => [e.name, e.data.toString('base64')])).toEqual(
      entries.map((e) => [e.name, e.data.toString('base64')]),
    );
    const lean = (await withoutFormulaText(buffer))!;
    expect(lean.length).toBeLessThan(unzip(buffer)!.reduce((n, e) => n + e.data.length, 0));
  });
});

describe('the fast scanner reads exactly what exceljs reads', () => {
  const both = async (buffer: Buffer) => [
    await readXlsxBuffer(buffer, 'x.xlsx'),
    await readXlsxBuffer(buffer, 'x.xlsx', { engine: 'exceljs' }),
  ];

  it('the example plans (en, zh-CN) with their Targets tabs', async () => {
    for (const lang of ['en', 'zh-CN'] as Lang[]) {
      const [fast, reference] = await both(await exampleXlsxBuffer(lang));
      expect(fast).toEqual(reference);
    }
  });

  it('a generated plan with missing check-ins, custom weights and every metric type', async () => {
    const [fast, reference] = await both(
      await planToXlsxBuffer(generatePlanWorkbook(60, { date: utcDate }), { lang: 'en' }),
    );
    expect(fast).toEqual(reference);
  });

  it('every kind of cell: results, dates (1900 and 1904), rich and inline text, links, merges, errors, entities', async () => {
    for (const date1904 of [false, true]) {
      const buffer = await bufferOf((book) => {
        book.properties.date1904 = date1904;
        const sheet = book.addWorksheet('Notes & <Quotes>');
        sheet.getCell('A1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
        // (Not "&amp;" in a formula's text result: exceljs decodes those twice; the scanner reads what is there.)
        sheet.getCell('B1').value = {
          formula: 'A1&"x"',
          result: 'a "quoted" <b>& more</b>',
        } as ExcelJS.CellFormulaValue;
        sheet.getCell('C1').value = {
          formula: '1/0',
          result: { error: '#DIV/0!' },
        } as unknown as ExcelJS.CellFormulaValue;
        sheet.getCell('A2').value = utcDate('2026-03-01');
        sheet.getCell('A2').numFmt = 'yyyy-mm-dd';
        sheet.getCell('B2').value = new Date('2026-06-02T10:15:00Z');
        sheet.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
        sheet.getCell('C2').value = 46082;
        sheet.getCell('C2').numFmt = '[$-409]d-mmm-yy;@';
        sheet.getCell('D2').value = 0.2;
        sheet.getCell('D2').numFmt = '0%';
        sheet.getCell('E2').value = {
          richText: [{ text: '销售 ' }, { font: { bold: true }, text: 'R&D <team>' }],
        };
        sheet.getCell('F2').value = { text: 'the link text', hyperlink: 'https://example.com/?a=1&b=2' };
        sheet.getCell('G2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
        sheet.getCell('H2').value = false;
        sheet.getCell('A3').value = 'merged';
        sheet.mergeCells('A3:C4');
        sheet.getCell('D4').value = '  spaced  ';
        sheet.getCell('AB30').value = 'far away';
        book.addWorksheet('Empty');
        book.addWorksheet('第二页').getCell('B2').value = 1.5;
      });
      const [fast, reference] = await both(buffer);
      expect(fast).toEqual(reference);
      expect(Object.keys(fast)).toEqual(['Notes & <Quotes>', 'Empty', '第二页']);
      // A raw serial counts from 1900 or from 1904; Dates are written for the workbook's system.
      const serial = date1904 ? utcDate('2030-03-02') : utcDate('2026-03-01');
      expect(fast['Notes & <Quotes>'][1].slice(0, 4)).toEqual([
        utcDate('2026-03-01'),
        new Date('2026-06-02T10:15:00Z'),
        serial,
        0.2,
      ]);
    }
  });
});

describe('inputs that are not a readable workbook: one line naming the file and the problem', () => {
  it('a text file (CSV)', async () => {
    expect(await readError(Buffer.from('ID,Key result\nKR1,Sales\n'), 'plan.csv')).toBe(
      'plan.csv: this is a text file (CSV?), not an .xlsx workbook; download the plan as Microsoft Excel (.xlsx)',
    );
  });

  it('an empty file, a PDF, an HTML page', async () => {
    expect(await readError(Buffer.alloc(0))).toBe(
      'plan.xlsx: the file is empty (0 bytes), not an .xlsx workbook',
    );
    expect(await readError(Buffer.from('%PDF-1.7\n'))).toMatch(/^plan\.xlsx: this is a PDF/);
    expect(await readError(Buffer.from('<!doctype html><html>'))).toMatch(
      /^plan\.xlsx: this is an HTML or XML file/,
    );
  });

  it('a corrupt zip', async () => {
    const good = await exampleXlsxBuffer('en');
    const message = await readError(good.subarray(0, Math.floor(good.length / 2)));
    expect(message).toMatch(/^plan\.xlsx: the file is corrupt or not an \.xlsx workbook/);
    expect(message).not.toContain('\n');
  });

  it('a zip that is not a workbook', async () => {
    const message = await readError(zipStored([{ name: 'hello.txt', data: Buffer.from('hi') }]));
    expect(message).toMatch(
      /^plan\.xlsx: the (file is corrupt or not an \.xlsx workbook|workbook has no sheets)/,
    );
  });

  it('a password-protected workbook (an encrypted OLE package) and a legacy .xls', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const encrypted = Buffer.concat([
      ole,
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    expect(await readError(encrypted, 'secret.xlsx')).toBe(
      'secret.xlsx: the workbook is password-protected (encrypted); remove the password, save it as .xlsx and try again',
    );
    expect(await readError(ole, 'old.xls')).toMatch(/^old\.xls: this is an old Excel 97-2003 \(\.xls\)/);
  });

  it('an empty workbook', async () => {
    const empty = await bufferOf((book) => {
      book.addWorksheet('Sheet1');
    });
    expect(await readError(empty)).toBe('plan.xlsx: the workbook is empty: its 1 sheet hold no cells');
  });

  it('the streaming writer (for very large plans) writes the same cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gtm-stream-'));
    try {
      const file = join(dir, 'plan.xlsx');
      await writePlanXlsxStreamed(exampleGrid('zh-CN'), file, { lang: 'zh-CN' });
      const streamed = await readXlsx(file);
      const inMemory = await readXlsxBuffer(
        await planToXlsxBuffer(exampleGrid('zh-CN'), { lang: 'zh-CN' }),
        'x',
      );
      expect(streamed).toEqual(inMemory);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a generated plan with its Targets tab reads back without formula text', async () => {
    const buffer = await planToXlsxBuffer(exampleGrid('en'), { lang: 'en' });
    const workbook = await readXlsxBuffer(buffer, 'plan.xlsx');
    const targets = workbook[tabDef('targets').label.en];
    expect(targets.flat().some((c) => typeof c === 'string' && c.startsWith('='))).toBe(false);
  });
});
