import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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
import { FORMULA_WITHOUT_RESULT } from '../shared/cells';
import { readXlsx, readXlsxBuffer, SheetXmlFilter, XlsxReadError } from '../report/read-xlsx';
import { isDateFormatCode } from '../report/spreadsheetml';
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

/** The package with some parts replaced (a string or a Buffer) or removed (null), deflated again. */
async function repackaged(buffer: Buffer, parts: Record<string, string | Buffer | null>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const [name, data] of Object.entries(parts)) {
    if (data === null) zip.remove(name);
    else zip.file(name, data);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
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
    const zip = await JSZip.loadAsync(await exampleXlsxBuffer('en'));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
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
  it('cached formula results, UTC dates, rich text, hyperlink text, merged blocks, hidden rows, errors', async () => {
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
      // D1, a formula saved without a result, is not read as blank.
      [2, 'text result', '#DIV/0!', FORMULA_WITHOUT_RESULT],
      [utcDate('2026-03-01'), 'Rich text', 'the link text', '#REF!'],
      // A merged block reads as its top-left value in every cell (A3:B4).
      ['merged', 'merged'],
      ['merged', 'merged'],
      ['hidden row'],
      ['', '', true],
    ]);
  });
});

describe('every kind of cell, as exceljs reads it', () => {
  it('a generated plan with missing check-ins, custom weights and every metric type reads back as the same plan', async () => {
    const grid = generatePlanWorkbook(60, { date: utcDate });
    const workbook = await readXlsxBuffer(await planToXlsxBuffer(grid, { lang: 'en' }), 'x.xlsx');
    const read = parsePlan(workbook, { timeZone: 'UTC' });
    const original = parsePlan(grid, { timeZone: 'UTC' });
    expect(inputs(read.plan)).toEqual(inputs(original.plan));
    expect(read.issues).toEqual(original.issues);
  });

  it('text that reads as a formula on a plan tab is written as text, never as a formula', async () => {
    const grid = exampleGrid('en');
    const objectives = grid['Objectives'];
    objectives[1][1] = '=HYPERLINK("https://evil.example","x")';
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await planToXlsxBuffer(grid, { lang: "en" })) as unknown as ArrayBuffer);
    const cell = book.getWorksheet('Objectives')!.getCell('B2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("https://evil.example","x")');
    // The Targets tab's own formulas stay formulas.
    expect(book.getWorksheet('Targets')!.getCell('E2').type).toBe(ExcelJS.ValueType.Formula);
  });

  it('results (shared formulas too), dates (1900 and 1904), rich text, links, merges, errors, entities, far cells, hidden columns', async () => {
    for (const date1904 of [false, true]) {
      const buffer = await bufferOf((book) => {
        book.properties.date1904 = date1904;
        const sheet = book.addWorksheet('Notes & <Quotes>');
        sheet.getCell('A1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
        // (Not "&amp;" in a formula's text result: exceljs decodes those twice.)
        sheet.getCell('B1').value = {
          formula: 'A1&"x"',
          result: 'a "quoted" <b>& more</b>',
        } as ExcelJS.CellFormulaValue;
        sheet.getCell('C1').value = {
          formula: '1/0',
          result: { error: '#DIV/0!' },
        } as unknown as ExcelJS.CellFormulaValue;
        sheet.getCell('D1').value = {
          formula: 'TRUE()',
          result: true,
        } as unknown as ExcelJS.CellFormulaValue;
        sheet.getCell('E1').value = {
          formula: 'DATE(2026,3,1)',
          result: utcDate('2026-03-01'),
        } as unknown as ExcelJS.CellFormulaValue;
        sheet.getCell('E1').numFmt = 'yyyy-mm-dd';
        sheet.getCell('F1').value = {
          formula: 'A1*2',
          result: 4,
          shareType: 'shared',
          ref: 'F1:G1',
        } as ExcelJS.CellFormulaValue;
        sheet.getCell('G1').value = { sharedFormula: 'F1', result: 5 } as ExcelJS.CellSharedFormulaValue;
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
        sheet.getColumn(2).hidden = true;
        book.addWorksheet('Empty');
        book.addWorksheet('第二页').getCell('B2').value = 1.5;
      });
      const workbook = await readXlsxBuffer(buffer, 'x.xlsx');
      expect(Object.keys(workbook)).toEqual(['Notes & <Quotes>', 'Empty', '第二页']);
      const notes = workbook['Notes & <Quotes>'];
      // A raw serial counts from 1900 or from 1904; Dates are written for the workbook's system.
      const serial = date1904 ? utcDate('2030-03-02') : utcDate('2026-03-01');
      expect(notes.slice(0, 4), `date1904: ${date1904}`).toEqual([
        [2, 'a "quoted" <b>& more</b>', '#DIV/0!', true, utcDate('2026-03-01'), 4, 5],
        [
          utcDate('2026-03-01'),
          new Date('2026-06-02T10:15:00Z'),
          serial,
          0.2,
          '销售 R&D <team>',
          'the link text',
          '#REF!',
          false,
        ],
        // A merged block reads as its top-left value in every cell (A3:C4).
        ['merged', 'merged', 'merged'],
        ['merged', 'merged', 'merged', '  spaced  '],
      ]);
      expect(notes).toHaveLength(30);
      expect(notes.slice(4, 29).every((row) => row.length === 0)).toBe(true);
      expect(notes[29]).toEqual([...new Array(27).fill(''), 'far away']);
      expect(workbook.Empty).toEqual([]);
      expect(workbook['第二页']).toEqual([[], ['', 1.5]]);
    }
  });

  it('reads past the parts of a sheet it skips: drop-downs, conditional formats, views, links, page setup', async () => {
    const buffer = await bufferOf((book) => {
      const sheet = book.addWorksheet('Plan', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.getCell('A1').value = 'Type';
      sheet.getCell('A2').value = 'level';
      sheet.getCell('B2').value = { text: 'docs', hyperlink: 'https://example.com/' };
      sheet.getCell('A2').dataValidation = { type: 'list', formulae: ['"level,threshold"'] };
      sheet.addConditionalFormatting({
        ref: 'A1:A9',
        rules: [{ type: 'expression', priority: 1, formulae: ['A1="level"'], style: {} }],
      });
      sheet.pageSetup.orientation = 'landscape';
      sheet.headerFooter.oddHeader = 'Plan';
      sheet.autoFilter = 'A1:B2';
    });
    expect(await readXlsxBuffer(buffer, 'x.xlsx')).toEqual({ Plan: [['Type'], ['level', 'docs']] });
    // A link whose target is gone (the sheet's relationships part) is still read as its text.
    const withoutRels = await repackaged(buffer, { 'xl/worksheets/_rels/sheet1.xml.rels': null });
    expect(await readXlsxBuffer(withoutRels, 'x.xlsx')).toEqual({ Plan: [['Type'], ['level', 'docs']] });
  });
});

describe('packages as other producers write them', () => {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  /** A package written by hand, parts stored in `order`, each deflated or stored as `compression` says. */
  async function handWritten(
    parts: Record<string, string>,
    compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
  ): Promise<Buffer> {
    const zip = new JSZip();
    for (const [name, xml] of Object.entries(parts)) zip.file(name, xml, { compression });
    return zip.generateAsync({ type: 'nodebuffer' });
  }
  const parts = {
    // Sheets first, the workbook part last, and not where most producers put it.
    'xl/worksheets/data.xml':
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>' +
      '<x:c r="C1" s="1"><x:v>46082</x:v></x:c><x:c r="D1" s="2"><x:v>46082.5</x:v></x:c>' +
      '<x:c r="E1" s="3"><x:v>0.25</x:v></x:c><x:c r="F1" t="b"><x:v>1</x:v></x:c></x:row>' +
      // Cells and rows without references follow the previous one; an inline string with runs and a guide.
      '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t xml:space="preserve">line </x:t></x:r>' +
      '<x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c>' +
      '<x:c t="d"><x:v>2026-03-01T00:00:00</x:v></x:c><x:c s="4"><x:v>46082</x:v></x:c>' +
      '<x:c t="str"><x:f>A1&amp;"x"</x:f><x:v>a_x000D_b</x:v></x:c><x:c><x:f>1+1</x:f></x:c></x:row>' +
      // Values that are no number, and an empty shared-string index: read as text, and as blank; an index
      // written on its own line reads as the string.
      '<x:row r="3"><x:c r="A3" t="s"><x:v/></x:c><x:c r="B3"><x:v> </x:v></x:c><x:c r="C3"><x:v>0x1F</x:v></x:c>' +
      '<x:c r="D3" t="s"><x:v>\n  1\n</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="A4"><x:v>7</x:v></x:c></x:row>' +
      // A merged block whose top-left cell is blank, with a value kept under it: blank, as it shows.
      '<x:row r="6"><x:c r="B6"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="7"><x:c r="A7"><x:v>8</x:v></x:c><x:c r="B7"><x:v>2</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="2"><x:mergeCell ref="A4:B5"/><x:mergeCell ref="A6:A7"/></x:mergeCells></x:worksheet>',
    'xl/chartsheets/chart.xml': `<chartsheet xmlns="${MAIN}"/>`,
    'xl/strings.xml':
      `<sst xmlns="${MAIN}"><si><t>Key &amp; result</t></si>` +
      '<si><r><t>销售</t></r><r><rPr><b/></rPr><t xml:space="preserve"> team</t></r><rPh sb="0" eb="2"><t>xiāoshòu</t></rPh></si></sst>',
    'xl/look.xml':
      `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>` +
      '<numFmt numFmtId="165" formatCode="0.00E+00"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="165"/><xf numFmtId="31"/></cellXfs>' +
      // A conditional format's own number format, with an ID of the cell formats': it must not replace theirs.
      '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.0%"/></dxf></dxfs></styleSheet>',
    'xl/_rels/book.xml.rels':
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      // Part names are case-insensitive: the zip stores xl/worksheets/data.xml.
      `<Relationship Id="a" Type="${REL}/worksheet" Target="/XL/Worksheets/Data.xml"/>` +
      `<Relationship Id="b" Type="${REL}/chartsheet" Target="chartsheets/chart.xml"/>` +
      `<Relationship Id="c" Type="${REL}/sharedStrings" Target="strings.xml"/>` +
      `<Relationship Id="d" Type="${REL}/styles" Target="./look.xml"/>` +
      `<Relationship Id="e" Type="${REL}/hyperlink" Target="https://example.com/" TargetMode="External"/>` +
      '</Relationships>',
    '_rels/.rels':
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/book.xml"/></Relationships>`,
    'xl/book.xml':
      `<workbook xmlns="${MAIN}" xmlns:rel="${REL}"><sheets>` +
      '<sheet name="Chart" sheetId="2" rel:id="b"/><sheet name="Plan &amp; notes" sheetId="1" rel:id="a"/>' +
      '</sheets></workbook>',
  };
  const expected = [
    ['Key & result', '销售 team', utcDate('2026-03-01'), new Date('2026-03-01T12:00:00Z'), 0.25, true],
    // A formula saved without a result: not blank (FORMULA_WITHOUT_RESULT, which the parser says at its cell).
    ['inline ', '#N/A', utcDate('2026-03-01'), utcDate('2026-03-01'), 'a\rb', FORMULA_WITHOUT_RESULT],
    ['', '', '0x1F', '销售 team'],
    [7, 7],
    [7, 7],
    ['', 1],
    ['', 2],
  ];

  it('prefixed names, parts in any order, place and case, chart sheets, runs, phonetic guides, every cell type', async () => {
    for (const compression of ['DEFLATE', 'STORE'] as const) {
      expect(await readXlsxBuffer(await handWritten(parts, compression), 'x.xlsx'), compression).toEqual({
        'Plan & notes': expected,
      });
    }
  });

  it('a cell, row or merged range past the sheet size: one line naming the part, nothing filled', async () => {
    const sheet = (data: string, merges = '') =>
      `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData>${merges}</worksheet>`;
    const cases: [string, string][] = [
      [sheet('<row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row>'), 'cell ZZZZZZZ1'],
      [sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), 'cell XFE1'],
      [sheet('<row r="1048577"><c><v>1</v></c></row>'), 'row 1048577'],
      [sheet('<row r="2.5"><c><v>1</v></c></row>'), 'row 2.5'],
      [
        sheet(
          '<row r="1"><c r="A1"><v>1</v></c></row>',
          '<mergeCells><mergeCell ref="A1:A999999999"/></mergeCells>',
        ),
        'merged range A1:A999999999',
      ],
    ];
    for (const [xml, what] of cases) {
      const buffer = await handWritten({ ...parts, 'xl/worksheets/data.xml': xml });
      const message = await readError(buffer);
      expect(message, what).toMatch(
        /^plan\.xlsx: the file is corrupt or not an \.xlsx workbook: xl\/worksheets\/data\.xml: (cell|row|merged range) \S+ is outside a sheet's 1,048,576 rows/,
      );
      expect(message, what).toContain(what);
    }
  });

  it('tabs named like the properties of an object are tabs like any other', async () => {
    const buffer = await bufferOf((book) => {
      for (const name of ['__proto__', 'constructor', 'toString'])
        book.addWorksheet(name).getCell('A1').value = name;
    });
    const workbook = await readXlsxBuffer(buffer, 'x.xlsx');
    expect(Object.getPrototypeOf(workbook)).toBe(Object.prototype);
    expect(Object.keys(workbook)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(workbook, '__proto__')?.value).toEqual([['__proto__']]);
    expect(Object.getOwnPropertyDescriptor(workbook, 'constructor')?.value).toEqual([['constructor']]);
  });

  it('tells a date or time format from a number format by its code', () => {
    const dates = [
      'yyyy-mm-dd',
      '[$-409]d-mmm-yy;@',
      'yyyy"年"m"月"d"日"',
      '[h]:mm:ss',
      'h:mm AM/PM',
      'mmm yyyy',
    ];
    const numbers = ['General', '0.00E+00', '#,##0 "days"', '0%', '[Red]#,##0', '@', '$#,##0_);($#,##0)'];
    for (const code of dates) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of [...numbers, '[$€-407] #,##0.00', '0.0 \\d'])
      expect(isDateFormatCode(code), code).toBe(false);
  });

  it('a part whose bytes were changed: its checksum does not match, so the archive is reported damaged', async () => {
    const stored = await handWritten(parts, 'STORE');
    const at = stored.indexOf(Buffer.from('Key &amp; result'));
    stored.write('Kex', at);
    expect(await readError(stored)).toBe(
      'plan.xlsx: the file is corrupt or not an .xlsx workbook: the zip archive is damaged or incomplete (xl/strings.xml: its size or checksum does not match its contents)',
    );
    // In the reader's language throughout.
    const zh = await readXlsxBuffer(stored, 'plan.xlsx', 'zh-TW').catch((error: Error) => error.message);
    expect(zh).toContain('zip 壓縮檔已損壞或不完整（xl/strings.xml 的大小或檢查碼與內容不符）');
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

  it('a corrupt zip: cut short, or its compressed data damaged', async () => {
    const good = await exampleXlsxBuffer('en');
    const cut = await readError(good.subarray(0, Math.floor(good.length / 2)));
    expect(cut).toMatch(
      /^plan\.xlsx: the file is corrupt or not an \.xlsx workbook: the zip archive is damaged or incomplete \(.+\)$/,
    );
    expect(cut).not.toContain('\n');
    const damaged = Buffer.from(good);
    const sheet = damaged.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    damaged.fill(0xff, sheet + 100, sheet + 108);
    expect(await readError(damaged)).toMatch(
      /^plan\.xlsx: the file is corrupt or not an \.xlsx workbook: the zip archive is damaged or incomplete \(.+\)$/,
    );
  });

  it('a zip that is not a workbook, or a workbook missing its parts', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect(await readError(await zip.generateAsync({ type: 'nodebuffer' }))).toBe(
      'plan.xlsx: this is a zip archive of other files, not an .xlsx workbook',
    );
    // An OpenDocument spreadsheet (LibreOffice's .ods): its first part is `mimetype` (ODF 1.2 Part 3, §3.3).
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    ods.file('META-INF/manifest.xml', '<manifest:manifest/>');
    expect(await readError(await ods.generateAsync({ type: 'nodebuffer' }), 'plan.ods')).toBe(
      'plan.ods: this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx (in LibreOffice: File › Save As, Excel 2007-365)',
    );
    const noWorksheets =
      'plan.xlsx: the file is corrupt or not an .xlsx workbook: it has no worksheets (the package lacks xl/workbook.xml or the sheets it lists)';
    const good = await exampleXlsxBuffer('en');
    expect(await readError(await repackaged(good, { 'xl/workbook.xml': null }))).toBe(noWorksheets);
    expect(await readError(await repackaged(good, { 'xl/sharedStrings.xml': null }))).toBe(
      'plan.xlsx: the file is corrupt or not an .xlsx workbook: a part of the package is missing (xl/sharedStrings.xml, the text of its cells)',
    );
    const emptied = await readError(await repackaged(good, { 'xl/workbook.xml': '' }));
    expect(emptied).toMatch(
      /^plan\.xlsx: the file is corrupt or not an \.xlsx workbook: a part of the package is missing or damaged \(.+\)$/,
    );
    expect(emptied).not.toContain('\n');
  });

  it('a damaged file read from disk: every file handle is closed after the error', async () => {
    if (!existsSync('/proc/self/fd')) return; // Linux's list of open files, where CI runs
    const buffer = await planToXlsxBuffer(generatePlanWorkbook(250, { date: utcDate }), { lang: 'en' });
    // Damage the middle of the largest part's compressed data, so inflating fails with most of it unread.
    const zip = await JSZip.loadAsync(buffer);
    const sizes = await Promise.all(
      Object.values(zip.files).map(async (f) => ({
        name: f.name,
        size: (await f.async('uint8array')).length,
      })),
    );
    const largest = sizes.sort((a, b) => b.size - a.size)[0].name;
    const at = buffer.indexOf(Buffer.from(largest));
    const damaged = Buffer.from(buffer);
    damaged.fill(0xff, at + 40_000, at + 40_400);
    const dir = mkdtempSync(join(tmpdir(), 'gtm-damaged-'));
    try {
      const file = join(dir, 'plan.xlsx');
      writeFileSync(file, damaged);
      const open = () => readdirSync('/proc/self/fd').length;
      const before = open();
      for (let i = 0; i < 5; i++) {
        await expect(readXlsx(file)).rejects.toThrow(/the zip archive is damaged or incomplete/);
      }
      // Closing a file is asynchronous: give the closes a moment to land (a leak never does).
      for (let tries = 0; tries < 100 && open() > before; tries++)
        await new Promise((r) => setTimeout(r, 20));
      expect(open()).toBeLessThanOrEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a part that is not well-formed XML', async () => {
    const good = await exampleXlsxBuffer('en');
    const message = await readError(
      await repackaged(good, { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row><c><v>1</c>' }),
    );
    expect(message).toMatch(
      /^plan\.xlsx: the file is corrupt or not an \.xlsx workbook: a part of the package is not well-formed XML \(xl\/worksheets\/sheet1\.xml:\d+:\d+: .+\)$/,
    );
  });

  it("in the reader's language (--lang): Simplified and Traditional Chinese", async () => {
    const failure = async (buffer: Buffer, lang: Lang) => {
      const error = await readXlsxBuffer(buffer, 'plan.xlsx', lang).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XlsxReadError);
      return (error as Error).message;
    };
    expect(await failure(Buffer.alloc(0), 'zh-TW')).toBe(
      'plan.xlsx: 檔案為空（0 位元組），不是 .xlsx 活頁簿',
    );
    expect(await failure(Buffer.from('ID,Key result\n'), 'zh-CN')).toBe(
      'plan.xlsx: 这是文本文件（CSV？），不是 .xlsx 工作簿；请将计划下载为 Microsoft Excel（.xlsx）',
    );
    const good = await exampleXlsxBuffer('en');
    expect(await failure(good.subarray(0, good.length / 2), 'zh-TW')).toMatch(
      /^plan\.xlsx: 檔案已損壞或不是 \.xlsx 活頁簿：zip 壓縮檔已損壞或不完整（.+）$/,
    );
    expect(await failure(await repackaged(good, { 'xl/sharedStrings.xml': null }), 'zh-CN')).toBe(
      'plan.xlsx: 文件已损坏或不是 .xlsx 工作簿：文件包缺少一个部件（xl/sharedStrings.xml，即单元格中的文字）',
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
    expect(await readError(empty)).toBe(
      'plan.xlsx: the workbook is empty: none of its sheets (1) holds a cell',
    );
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

describe('SheetXmlFilter: formula text left out before the XML parser sees a sheet', () => {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>',
    '<row r="1"><c r="A1" t="str"><f>IF(A2&gt;1,"销售","R&amp;D")</f><v>销售</v></c>',
    '<c r="B1"><f t="shared" ref="B1:B2" si="0"/><v>4</v></c><c r="C1" t="s"><v>0</v></c></row>',
    '<row r="2"><c r="A2"><f\n>1/0</f><v>2</v></c><c r="B2"><f>B1*2</f ><v>8</v></c>',
    '<c r="C2"><f>C1</f\n><v>0</v></c></row></sheetData>',
    '<autoFilter ref="A1:C2"><filterColumn colId="0"><filters><filter val="x"/></filters></filterColumn></autoFilter>',
    '<mergeCells count="2"><mergeCell ref="A3:A5"/><mergeCell ref="B7:C8"/></mergeCells>',
    '<conditionalFormatting sqref="A1"><cfRule type="expression"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>',
    '</worksheet>',
  ].join('');
  const expected = xml
    .replace('<f>IF(A2&gt;1,"销售","R&amp;D")</f>', '')
    .replace('<f t="shared" ref="B1:B2" si="0"/>', '')
    .replace('<f\n>1/0</f>', '')
    .replace('<f>B1*2</f >', '')
    .replace('<f>C1</f\n>', '');

  /** TEXT through a filter in chunks of SIZE bytes: the chunks it hands on. */
  const filtered = (text: string, size: number): Buffer[] => {
    const bytes = Buffer.from(text);
    const filter = new SheetXmlFilter();
    const out: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += size) out.push(filter.push(bytes.subarray(at, at + size)));
    out.push(filter.end());
    return out;
  };

  it('gives the same XML however the part is cut into chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 64, Buffer.byteLength(xml)]) {
      const out = filtered(xml, size);
      // Every chunk handed on ends at a tag: never inside a tag or a UTF-8 character.
      for (const chunk of out) if (chunk.length) expect(chunk.toString('utf8').endsWith('>')).toBe(true);
      expect(Buffer.concat(out).toString('utf8'), `chunks of ${size} bytes`).toBe(expected);
    }
  });

  it('leaves an empty <f/> where a formula has no result after it, however the part is cut', () => {
    const noResult =
      '<worksheet><sheetData><row r="1"><c r="A1"><f>0.7</f></c><c r="B1"><f>1</f><v>1</v></c>' +
      '<c r="C1"><f t="shared" si="0"/></c><c r="D1"><f>2</f><v/></c></row></sheetData></worksheet>';
    const kept =
      '<worksheet><sheetData><row r="1"><c r="A1"><f/></c><c r="B1"><v>1</v></c>' +
      '<c r="C1"><f/></c><c r="D1"><v/></c></row></sheetData></worksheet>';
    for (const size of [1, 2, 3, 4, 5, 9, 16, Buffer.byteLength(noResult)])
      expect(Buffer.concat(filtered(noResult, size)).toString('utf8'), `chunks of ${size} bytes`).toBe(kept);
  });

  it('passes comments, CDATA sections and processing instructions on whole, whatever "<f>" they hold', () => {
    const opaque = [
      '<?xml version="1.0"?><worksheet><sheetData><!-- kept: <f>not a formula -->',
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[<f>x</f> > 1]]></t></is></c></row>',
      '<?note <f>?><!--> still a comment <f/> --><row r="2"><c r="A2"><f t="shared" si="0"/><v>3</v></c></row>',
      '<!DOCTYPE-like text is not opaque><f>9</f></sheetData></worksheet>',
    ].join('');
    const kept = opaque
      .replace('<f>1+1</f>', '')
      .replace('<f t="shared" si="0"/>', '')
      .replace('<f>9</f>', '<f/>'); // no <v> after it: an empty <f/> says it was there
    for (const size of [1, 2, 3, 4, 5, 9, 16, Buffer.byteLength(opaque)])
      expect(Buffer.concat(filtered(opaque, size)).toString('utf8'), `chunks of ${size} bytes`).toBe(kept);
  });

  it('reads the cells after a comment holding "<f>" or a formula ended "</f >" (both used to drop cells up to the next "</f>")', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file(
      '_rels/.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    zip.file(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Actuals" sheetId="1" r:id="s"/></sheets></workbook>`,
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<worksheet xmlns="${MAIN}"><sheetData><!-- exported with <f> dropped -->` +
        '<row r="1"><c r="A1"><v>120</v></c></row><row r="2"><c r="A2"><f>A1*2</f><v>240</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[<f>]]></t></is></c></row>' +
        '<row r="4"><c r="A4"><f>A1/2</f ><v>60</v></c><c r="B4"><f>A4+1</f><v>61</v></c><c r="C4"><v>9</v></c></row>' +
        '</sheetData></worksheet>',
    );
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await readXlsxBuffer(buffer, 'x.xlsx')).toEqual({
      Actuals: [[120], [240], ['<f>'], [60, 61, 9]],
    });
  });
});
