/**
 * Tests of the Apps Script emulator against the behaviours listed in
 * docs/emulator.md (keys in brackets name their public sources). UNCONFIRMED behaviours are tested
 * only as "what the emulator chose", and say so.
 */
import { sampleFormulas, sampleValues } from './helpers/sample-grid';
import { describe, expect, it } from 'vitest';
import {
  FakeDataValidation,
  FakeSpreadsheet,
  createAppsScriptGlobals,
  fromWorkbook,
  loadAppsScriptProject,
  toWorkbook,
  type AppsScriptGlobals,
} from '../emulator/index.js';

function setup(
  workbook: Record<string, unknown[][]> = { Sheet1: [] },
  options: Parameters<typeof createAppsScriptGlobals>[1] = {},
) {
  const ss = fromWorkbook(workbook);
  const g = createAppsScriptGlobals(ss, options);
  return { ss, g, emu: g.emulator };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('values and formulas [R]', () => {
  it('evaluates formulas written with setValues/setFormula and returns computed values', () => {
    const ss = fromWorkbook({ Data: [[2, 3, '=A1*B1']] });
    const sheet = ss.getSheetByName('Data')!;
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, 3, 6]]);
    sheet.getRange('D1').setFormula('=SUM(A1:C1)');
    sheet.getRange('E1').setValue('=D1/2');
    expect(sheet.getRange('D1:E1').getValues()).toEqual([[11, 5.5]]);
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('C1:E1').getValues()).toEqual([[30, 43, 21.5]]);
  });

  it("getFormulas gives A1 text with '' where there is no formula; getFormula '' for empty [R]", () => {
    const sheet = fromWorkbook({ S: [[1, '=A1+1']] }).getSheetByName('S')!;
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=A1+1', '']]);
    expect(sheet.getRange('C1').getFormula()).toBe('');
  });

  it("getFormulas gives the text of a formula that shows nothing, '' for a value, and the cell is content [R, SH]", () => {
    const sheet = fromWorkbook({ S: [['zzz', 5]] }).getSheetByName('S')!;
    sheet.getRange('D2').setFormula('=IF(A2="zzz","x","")');
    expect(sheet.getRange('D2').getValue()).toBe('');
    expect(sheet.getRange('A1:D2').getFormulas()).toEqual([
      ['', '', '', ''],
      ['', '', '', '=IF(A2="zzz","x","")'],
    ]);
    // A formula is content, whatever it shows: the data range reaches it.
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D2');
  });

  it("reads empty cells as '' and getValue returns the top-left cell [R]", () => {
    const sheet = fromWorkbook({
      S: [
        ['x', null],
        [null, 5],
      ],
    }).getSheetByName('S')!;
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['x', '', ''],
      ['', 5, ''],
    ]);
    expect(sheet.getRange('B2:C3').getValue()).toBe(5);
  });

  it('keeps strings as text by default (UNCONFIRMED parsing, facts #11) and booleans as booleans', () => {
    const sheet = fromWorkbook({ S: [['1,000', '$2.99', 'true', true, "'quoted"]] }).getSheetByName('S')!;
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['1,000', '$2.99', 'true', true, 'quoted']]);
  });

  it('reads a leading apostrophe as Sheets does: the text after it, never a formula (I9, I10)', () => {
    for (const stringInput of ['literal', 'parse'] as const) {
      const ss = new FakeSpreadsheet({ stringInput });
      const range = ss.getActiveSheet().getRange('A1:D1');
      range.setValues([["'=2*3", '\'=IMPORTXML("http://x.example/","//a")', "'0012", "''quoted"]]);
      expect(range.getValues()).toEqual([
        ['=2*3', '=IMPORTXML("http://x.example/","//a")', '0012', "'quoted"],
      ]);
      expect(range.getFormulas()).toEqual([['', '', '', '']]);
    }
  });

  it("option stringInput 'parse' parses typed-looking strings", () => {
    const ss = new FakeSpreadsheet({ stringInput: 'parse' });
    const range = ss.getActiveSheet().getRange('A1:C1');
    range.setValues([['42', '10%', 'TRUE']]);
    expect(range.getValues()).toEqual([[42, 0.1, true]]);
  });

  it('accepts bare TRUE/FALSE in formulas like Sheets', () => {
    const sheet = fromWorkbook({
      S: [[1, 'one', '=VLOOKUP(1, A1:B1, 2, FALSE)', '=IF(TRUE, "y", "n")']],
    }).getSheetByName('S')!;
    expect(sheet.getRange('C1:D1').getValues()).toEqual([['one', 'y']]);
  });

  it('setFormula on a multi-cell range adjusts relative references per cell (UNCONFIRMED)', () => {
    const sheet = fromWorkbook({ S: [[1], [2], [3]] }).getSheetByName('S')!;
    sheet.getRange('B1:B3').setFormula('=A1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });

  it('formula errors come back as their text (UNCONFIRMED, facts #6); a cycle reads #REF! like Sheets', () => {
    const sheet = fromWorkbook({ S: [['=1/0', '=NOSUCHFN(1)', '=C1', '=B1+', '=NA()']] }).getSheetByName(
      'S',
    )!;
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['#DIV/0!', '#NAME?', '#REF!', '#ERROR!', '#N/A']]);
  });

  it('evaluates references across tabs and named ranges in formulas', () => {
    const ss = fromWorkbook({ 'My Tab': [[5], [7]], Calc: [["='My Tab'!A1+'My Tab'!A2"]] });
    ss.setNamedRange('Inputs', ss.getRange("'My Tab'!A1:A2"));
    const calc = ss.getSheetByName('Calc')!;
    calc.getRange('B1').setFormula('=SUM(Inputs)');
    expect(calc.getRange('A1:B1').getValues()).toEqual([[12, 12]]);
  });
});

describe('dates [R, B2]', () => {
  it('returns Dates written with setValue as Dates, to the millisecond', () => {
    const ss = new FakeSpreadsheet();
    const when = new Date(Date.UTC(2024, 0, 5, 10, 30, 0, 123));
    const cell = ss.getActiveSheet().getRange('A1');
    cell.setValue(when);
    const back = cell.getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(when.getTime());
    expect(cell.getNumberFormat()).toBe('M/d/yyyy H:mm:ss'); // emulator's choice (facts #11)
  });

  it('stores wall-clock time in the spreadsheet time zone', () => {
    const ss = new FakeSpreadsheet({ timeZone: 'America/New_York' });
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1').setValue(new Date('2024-07-01T16:00:00Z')); // 12:00 in New York (EDT)
    sheet.getRange('B1').setFormula('=HOUR(A1)');
    expect(sheet.getRange('B1').getValue()).toBe(12);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/1/2024 12:00:00');
    // Changing the zone keeps the wall clock, so the instant read back moves [B2].
    ss.setSpreadsheetTimeZone('Etc/UTC');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-07-01T12:00:00.000Z');
  });

  it('formulas on dates and date functions come back as Dates; time-only values on 1899-12-30 [B2]', () => {
    const ss = fromWorkbook({
      S: [[new Date(Date.UTC(2024, 1, 28)), '=A1+1', '=DATE(2024,3,1)', '=TIME(6,0,0)', '=YEAR(A1)']],
    });
    const [row] = ss.getSheetByName('S')!.getRange('A1:E1').getValues();
    expect((row[1] as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect((row[2] as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect((row[3] as Date).toISOString()).toBe('1899-12-30T06:00:00.000Z');
    expect(row[4]).toBe(2024);
  });

  it('a date number format makes a plain number read back as a Date', () => {
    const sheet = new FakeSpreadsheet().getActiveSheet();
    sheet.getRange('A1').setValue(45000).setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getValue()).toEqual(new Date('2023-03-15T00:00:00Z'));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2023-03-15');
  });
});

describe('dimensions and errors [R, SH]', () => {
  it("throws Google's observed column-mismatch message [I1, I2]", () => {
    const sheet = new FakeSpreadsheet().getActiveSheet();
    const error = thrown(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]]));
    expect(String(error)).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(error.name).toBe('Exception');
  });

  it('throws the row-mismatch analogue (wording UNCONFIRMED, facts #10)', () => {
    const sheet = new FakeSpreadsheet().getActiveSheet();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setFormulas([['=1', '=2']])).toThrow(
      'The number of rows in the data',
    );
  });

  it('refuses zero-row ranges [I3, I4] and ranges past the grid (UNCONFIRMED text)', () => {
    const sheet = new FakeSpreadsheet().getActiveSheet();
    expect(() => sheet.getRange(1, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('reports geometry like Apps Script [R]', () => {
    const ss = new FakeSpreadsheet({ sheetNames: ['Invoices'] });
    const sheet = ss.getSheetByName('Invoices')!;
    const range = sheet.getRange(1, 1, 2, 5);
    expect(range.getA1Notation()).toBe('A1:E2');
    expect([
      range.getRow(),
      range.getColumn(),
      range.getNumRows(),
      range.getNumColumns(),
      range.getLastColumn(),
    ]).toEqual([1, 1, 2, 5, 5]);
    expect(ss.getRange('Invoices!B2:D4').getA1Notation()).toBe('B2:D4');
    expect(ss.getRange('Invoices!B2:D4').getSheet()).toBe(sheet);
    expect(sheet.getRange('R2C3').getA1Notation()).toBe('C2');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
  });
});

describe('sheets and spreadsheet [SS, SH]', () => {
  it('getSheetByName returns null for a missing tab [SS]', () => {
    const ss = fromWorkbook({ A: [[1]] });
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('a')).toBeNull(); // exact match by default (case handling UNCONFIRMED)
  });

  it('insertSheet activates the new sheet and refuses duplicate names, regardless of case', () => {
    const ss = fromWorkbook({ A: [[1]] });
    const b = ss.insertSheet('B');
    expect(ss.getActiveSheet()).toBe(b);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'B']);
    expect(() => ss.insertSheet('b')).toThrow('A sheet with the name "b" already exists.');
    ss.deleteSheet(b);
    expect(ss.getSheetByName('B')).toBeNull();
    expect(ss.getActiveSheet().getName()).toBe('A');
  });

  it('getLastRow/getLastColumn are 0 on an empty sheet (UNCONFIRMED) and follow content', () => {
    const sheet = new FakeSpreadsheet().getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.appendRow(['a', 'b', 'c']);
    sheet.appendRow(['d']);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
    sheet.getRange('A2').clearContent();
    expect(sheet.getLastRow()).toBe(1);
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
  });

  it('locale and time zone [SS]', () => {
    const ss = fromWorkbook({ S: [] }, { locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
  });

  it('insertRowsAfter shifts formulas, notes and named ranges', () => {
    const ss = fromWorkbook({ S: [[1], [2], ['=SUM(A1:A2)']] });
    const sheet = ss.getSheetByName('S')!;
    sheet.getRange('A2').setNote('two');
    ss.setNamedRange('Total', sheet.getRange('A3'));
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A4').getNote()).toBe('two');
    expect(sheet.getRange('A5').getFormula()).toBe('=SUM(A1:A4)');
    expect(ss.getRangeByName('Total')!.getA1Notation()).toBe('A5');
    sheet.insertColumnAfter(1);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('toWorkbook returns every tab’s data range', () => {
    const ss = fromWorkbook({ A: [[1, '=A1*2']], B: [] });
    expect(toWorkbook(ss)).toEqual({ A: [[1, 2]], B: [] });
  });
});

describe('named ranges [SS]', () => {
  it('getRangeByName returns null when missing; removeNamedRange throws when missing', () => {
    const ss = fromWorkbook({ 'Plan Tab': [[1, 2]] });
    expect(ss.getRangeByName('Missing')).toBeNull();
    ss.setNamedRange('Budget', ss.getRange("'Plan Tab'!A1:B1"));
    expect(ss.getRangeByName('Budget')!.getValues()).toEqual([[1, 2]]);
    expect(ss.getRangeByName('Plan Tab!Budget')!.getA1Notation()).toBe('A1:B1');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Budget']);
    ss.removeNamedRange('Budget');
    expect(ss.getRangeByName('Budget')).toBeNull();
    expect(() => ss.removeNamedRange('Budget')).toThrow();
  });
});

describe('notes, formats, validation, conditional formats, protection', () => {
  it('notes: null removes; getNote is "" without a note (UNCONFIRMED) [R]', () => {
    const range = new FakeSpreadsheet().getActiveSheet().getRange('A1:B1');
    range.setNotes([['n1', null]]);
    expect(range.getNotes()).toEqual([['n1', '']]);
    range.setNote(null);
    expect(range.getNote()).toBe('');
    expect(() => range.setNotes([['only one']])).toThrow('The number of columns in the data');
  });

  it('number formats drive getDisplayValues [R]', () => {
    const range = new FakeSpreadsheet().getActiveSheet().getRange('A1:C1');
    range.setValues([[1234.5, 0.256, 3]]);
    range.setNumberFormats([['#,##0.00', '0.0%', '"$"0']]);
    expect(range.getNumberFormats()).toEqual([['#,##0.00', '0.0%', '"$"0']]);
    expect(range.getDisplayValues()).toEqual([['1,234.50', '25.6%', '$3']]);
    expect(range.getValues()).toEqual([[1234.5, 0.256, 3]]);
  });

  it('a # digit shows only where it is not an insignificant 0, a 0 digit always (Sheets number-format tokens)', () => {
    // developers.google.com/sheets/api/guides/formats: 0 renders insignificant 0s, # does not.
    const cells = [0.6996, 0.7, 0.699996, 0.0499, 0.05, 12, 12.34];
    const range = new FakeSpreadsheet().getActiveSheet().getRange(1, 1, 1, cells.length);
    range.setValues([cells]);
    range.setNumberFormats([['0.0###%', '0.0###%', '0.0###%', '0.0###%', '0.0###%', '#.0#', '000.0000']]);
    expect(range.getDisplayValues()).toEqual([
      ['69.96%', '70.0%', '69.9996%', '4.99%', '5.0%', '12.0', '012.3400'],
    ]);
  });

  it('data validation: builder defaults, getters, null removes [DVB, R]', () => {
    const { ss, g, emu } = setup({ S: [['a']] });
    const app = g.SpreadsheetApp;
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No']).setHelpText('Pick one').build();
    expect(rule.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(app.newDataValidation().requireDate().build().getHelpText()).toBeNull();
    const sheet = ss.getSheetByName('S')!;
    const range = app.getActiveSpreadsheet()!.getSheetByName('S')!.getRange('A1:A3');
    range.setDataValidation(rule);
    expect(sheet.getRange('A2').getDataValidation()!.emu).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      helpText: 'Pick one',
    });
    range.setDataValidation(null);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
    const between = app.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).build();
    expect(between.emu).toBeUndefined(); // script-facing objects hide emulator-only fields
    expect((emu.fromScript(between) as FakeDataValidation).emu).toEqual({
      criteria: 'NUMBER_BETWEEN',
      values: [1, 10],
      allowInvalid: false,
      helpText: null,
    });
    const checkbox = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('B1:B2').setDataValidations([[checkbox], [null]]);
    expect(
      sheet
        .getRange('B1:B2')
        .getDataValidations()
        .map((r) => r[0]?.getCriteriaType() ?? null),
    ).toEqual(['CHECKBOX', null]);
  });

  it('conditional format rules: set replaces all, in order [SH, CFB]', () => {
    const { ss, g } = setup({ S: [['x']] });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('S')!;
    const red = g.SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Late')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A1:A9')])
      .build();
    const bold = g.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$B1>10')
      .setFontColor('#ff0000')
      .setRanges([sheet.getRange('B1:B9')])
      .build();
    sheet.setConditionalFormatRules([red]);
    const rules = sheet.getConditionalFormatRules();
    rules.push(bold);
    sheet.setConditionalFormatRules(rules);
    const raw = ss.getSheetByName('S')!.getConditionalFormatRules();
    expect(raw.map((r) => [r.emu.criteria, r.emu.values, r.getRanges()[0].getA1Notation()])).toEqual([
      ['TEXT_EQUAL_TO', ['Late'], 'A1:A9'],
      ['CUSTOM_FORMULA', ['=$B1>10'], 'B1:B9'],
    ]);
    expect(raw[0].getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    sheet.setConditionalFormatRules([]);
    expect(ss.getSheetByName('S')!.getConditionalFormatRules()).toEqual([]);
  });

  it('protection: not warning-only by default, chaining, listed by type [PR, R, SH]', () => {
    const { ss, g } = setup({ S: [['x']] });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('S')!;
    const p = sheet.getRange('A1:B2').protect();
    expect(p.isWarningOnly()).toBe(false);
    expect(p.setWarningOnly(true).setDescription('Formulas').isWarningOnly()).toBe(true);
    const protections = ss.getSheetByName('S')!.getProtections(g.SpreadsheetApp.ProtectionType.RANGE);
    expect(protections.map((x) => [x.getDescription(), x.getRange().getA1Notation()])).toEqual([
      ['Formulas', 'A1:B2'],
    ]);
    expect(sheet.protect()).toBe(sheet.protect()); // Sheet.protect returns the existing protection [SH]
    expect(ss.getSheetByName('S')!.getProtections('SHEET')).toHaveLength(1);
  });

  it('records frozen rows, widths and styles', () => {
    const sheet = new FakeSpreadsheet().getActiveSheet();
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    sheet.setColumnWidth(3, 240);
    sheet.getRange('A1:B1').setFontWeight('bold').setBackground('#eeeeee');
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns(), sheet.getColumnWidth(3)]).toEqual([2, 1, 240]);
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#eeeeee', '#eeeeee']]);
    sheet.setFrozenRows(0);
    expect(sheet.getFrozenRows()).toBe(0);
  });
});

describe('selection ("go to cell") [R, SH]', () => {
  it('activate() selects the range with its top-left cell current, on its tab', () => {
    const ss = fromWorkbook({ A: [], B: [] });
    const target = ss.getSheetByName('B')!.getRange('C5:D6');
    expect(target.activate()).toBe(target);
    expect(ss.emu.selection()).toEqual({ sheet: 'B', range: 'C5:D6', currentCell: 'C5' });
    expect(ss.getActiveSheet().getName()).toBe('B');
    ss.getSheetByName('B')!.getRange('D6').activateAsCurrentCell();
    expect(ss.emu.selection()).toEqual({ sheet: 'B', range: 'C5:D6', currentCell: 'D6' });
    expect(() => target.activateAsCurrentCell()).toThrow();
    ss.getSheetByName('A')!.setActiveSelection('B2');
    expect(ss.getCurrentCell().getA1Notation()).toBe('B2');
    expect(ss.getActiveSheet().getName()).toBe('A');
  });
});

describe('call counter', () => {
  const readAll = `
    function summarise() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
      var values = sheet.getDataRange().getValues();
      var total = 0;
      for (var i = 0; i < values.length; i++) total += values[i][1];
      sheet.getRange(1, 3, values.length, 1).setValues(values.map(function (r) { return [r[1] * 2]; }));
      return total;
    }
    function perRow() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
      var total = 0;
      for (var r = 1; r <= sheet.getLastRow(); r++) total += sheet.getRange(r, 2).getValue();
      return total;
    }`;

  const run = (rows: number, fn: string) => {
    const data = Array.from({ length: rows }, (_, i) => [`row ${i}`, i]);
    const { g, emu } = setup({ Data: data });
    const project = loadAppsScriptProject(readAll, g);
    emu.resetCalls();
    const result = project(fn);
    return { result, calls: emu.calls };
  };

  it('counts each script-side call once, by method, and not the emulator’s own calls', () => {
    const { result, calls } = run(10, 'summarise');
    expect(result).toBe(45);
    expect(calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
    });
    expect(calls.total).toBe(6);
    expect(calls.byService).toEqual({ SpreadsheetApp: 1, Spreadsheet: 1, Sheet: 2, Range: 2 });
  });

  it('lets tests prove that batched code does not grow with the number of rows', () => {
    expect(run(10, 'summarise').calls.total).toBe(run(2000, 'summarise').calls.total);
    expect(run(50, 'perRow').calls.total).toBeGreaterThan(run(10, 'perRow').calls.total);
  });

  it('does not count calls on raw objects, and resetCalls() zeroes the counter', () => {
    const { ss, g, emu } = setup({ S: [[1]] });
    ss.getSheetByName('S')!.getRange('A1').getValue();
    expect(emu.calls.total).toBe(0);
    g.SpreadsheetApp.getActiveSpreadsheet();
    expect(emu.calls.total).toBe(1);
    emu.resetCalls();
    expect(emu.calls).toEqual({ total: 0, byMethod: {}, byService: {}, writeBytes: 0, maxWriteBytes: 0 });
  });
});

describe('auth modes [AUTH, AM]', () => {
  const code = `
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu()
        .addItem('Build plan', 'buildPlan')
        .addSeparator()
        .addSubMenu(SpreadsheetApp.getUi().createMenu('More').addItem('Help', 'showHelp'))
        .addToUi();
    }
    function onOpenGreedy(e) {
      var name = SpreadsheetApp.getActiveSpreadsheet().getName();
      SpreadsheetApp.getUi().createAddonMenu().addItem('Build ' + name, 'buildPlan').addToUi();
    }
    function readProps() { return PropertiesService.getDocumentProperties().getProperty('x'); }
    function locale() { return Session.getActiveUserLocale(); }
    function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>')); }`;

  it('onOpen in NONE can build the add-on menu', () => {
    const { g, emu } = setup({ S: [] }, { addonName: 'GTM Pyramid' });
    const project = loadAppsScriptProject(code, g);
    project.callAs('NONE', 'onOpen', emu.openEvent('NONE'));
    expect(emu.ui.menus).toEqual([
      {
        kind: 'addon',
        caption: 'GTM Pyramid',
        items: [
          { type: 'item', caption: 'Build plan', functionName: 'buildPlan' },
          { type: 'separator' },
          {
            type: 'submenu',
            caption: 'More',
            items: [{ type: 'item', caption: 'Help', functionName: 'showHelp' }],
          },
        ],
      },
    ]);
    expect(emu.authMode).toBe('FULL'); // callAs restores the mode
  });

  it('document and Properties access in NONE throws and stops the menu from being built', () => {
    const { g, emu } = setup({ S: [] });
    const project = loadAppsScriptProject(code, g);
    expect(() => project.callAs('NONE', 'onOpenGreedy')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(emu.ui.menus).toEqual([]);
    expect(() => project.callAs('NONE', 'readProps')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(project.callAs('NONE', 'locale')).toBe('en');
    project.callAs('LIMITED', 'onOpenGreedy');
    expect(emu.ui.menus[0].items).toEqual([
      { type: 'item', caption: 'Build Untitled spreadsheet', functionName: 'buildPlan' },
    ]);
  });

  it('LIMITED cannot open sidebars; FULL can', () => {
    const { g, emu } = setup();
    const project = loadAppsScriptProject(code, g);
    expect(() => project.callAs('LIMITED', 'sidebar')).toThrow(
      'You do not have permission to call Ui.showSidebar',
    );
    project('sidebar');
    expect(emu.ui.sidebars).toEqual([{ title: '', html: '<p>hi</p>', width: 300, requestedWidth: null }]);
  });

  it('the global code runs in the execution’s mode', () => {
    const { g } = setup();
    const project = loadAppsScriptProject(
      `var SS = SpreadsheetApp.getActiveSpreadsheet(); function f() { return 1; }`,
      g,
    );
    expect(project('f')).toBe(1);
    expect(() => project.callAs('NONE', 'f')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
  });

  it('the now option is the script’s clock: new Date(), Date() and Date.now() read it, other Dates are built-in', () => {
    const noon = Date.UTC(2026, 5, 30, 12);
    const { ss, g, emu } = setup({ S: [] }, { now: () => noon });
    expect(emu.now?.()).toBe(noon);
    const project = loadAppsScriptProject(
      `function clock() {
        var cell = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1');
        cell.setValue(new Date());
        return [new Date().getTime(), Date.now(), Date() === new Date(Date.now()).toString(), new Date(0).getTime(),
          new Date(2026, 0, 1).getFullYear(), Date.UTC(2026, 0, 1), cell.getValue() instanceof Date,
          new Date() instanceof Date];
      }`,
      g,
    );
    expect(project('clock')).toEqual([noon, noon, true, 0, 2026, Date.UTC(2026, 0, 1), true, true]);
    expect(ss.getSheetByName('S')!.getRange('A1').getValue()).toEqual(new Date(noon));
    // Without the option, the host's clock.
    const before = Date.now();
    const host = loadAppsScriptProject('function clock() { return Date.now(); }', setup().g);
    expect(host('clock')).toBeGreaterThanOrEqual(before);
  });
});

describe('loading a bundle in node:vm', () => {
  it('calls a top-level function by name and hands back host values', () => {
    const { g } = setup({ S: [[new Date(Date.UTC(2024, 4, 1)), 2]] });
    const project = loadAppsScriptProject(
      `function read(a) { var v = SpreadsheetApp.getActive().getRange('S!A1:B1').getValues();
         return { isDate: v[0][0] instanceof Date, isArray: v instanceof Array, year: v[0][0].getUTCFullYear(), arg: a.n + 1, when: v[0][0] }; }`,
      g,
    );
    const result = project('read', { n: 41 }) as Record<string, unknown>;
    expect(result).toMatchObject({ isDate: true, isArray: true, year: 2024, arg: 42 });
    expect(result.when).toBeInstanceOf(Date);
    expect(project.has('read')).toBe(true);
    expect(project.functionNames()).toEqual(['read']);
  });

  it('throws a clear error for a missing function', () => {
    const project = loadAppsScriptProject('function a() {}', setup().g);
    expect(() => project('nope')).toThrow('Script function not found: nope');
  });

  it('service errors inside the script are Errors of the script realm, named Exception', () => {
    const { g } = setup({ S: [] });
    const project = loadAppsScriptProject(
      `function f() { try { SpreadsheetApp.getActive().getRange('S!A1:B1').setValues([[1]]); } catch (e) { return [e instanceof Error, String(e)]; } }`,
      g,
    );
    expect(project('f')).toEqual([
      true,
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    ]);
  });

  it('starts every execution with fresh globals, like Apps Script', () => {
    const project = loadAppsScriptProject('var n = 0; function inc() { n++; return n; }', setup().g);
    expect([project('inc'), project('inc')]).toEqual([1, 1]);
    const shared = loadAppsScriptProject('var n = 0; function inc() { n++; return n; }', setup().g, {
      freshGlobalsPerCall: false,
    });
    expect([shared('inc'), shared('inc')]).toEqual([1, 2]);
  });

  it('scripts cannot see emulator-only fields', () => {
    const { g } = setup({ S: [] });
    const project = loadAppsScriptProject(
      `function f() { var s = SpreadsheetApp.getActive(); return [typeof s.emu, typeof s._hf, typeof s.getName, typeof emulator]; }`,
      g,
    );
    expect(project('f')).toEqual(['undefined', 'undefined', 'function', 'undefined']);
  });

  it('callFromClient applies google.script.run rules [COMM, RUN]', () => {
    const { g } = setup({ S: [[new Date(Date.UTC(2024, 0, 1)), 'x']] });
    const project = loadAppsScriptProject(
      `function getRows() { return SpreadsheetApp.getActive().getRange('S!A1:B1').getValues(); }
       function getText() { return SpreadsheetApp.getActive().getRange('S!B1').getValue(); }
       function echo(x) { return x; }
       function secret_() { return 1; }`,
      g,
    );
    expect(project.callFromClient('getText')).toBe('x');
    expect(project.callFromClient('echo', [1, undefined, 'a'])).toEqual([1, null, 'a']);
    expect(() => project.callFromClient('getRows')).toThrow('Date objects cannot be sent');
    expect(() => project.callFromClient('echo', new Date())).toThrow('Date objects cannot be sent');
    expect(() => project.callFromClient('secret_')).toThrow('private function');
  });

  it('HtmlService templates can call the project’s global functions [TPL]', () => {
    const { g, emu } = setup(
      {},
      { htmlFiles: { Sidebar: '<h1><?= title ?></h1><?!= include("Part") ?>', Part: '<i>part</i>' } },
    );
    const project = loadAppsScriptProject(
      `function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
       function show() { var t = HtmlService.createTemplateFromFile('Sidebar'); t.title = 'A & B';
         SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle('Plan').setWidth(500)); }
       function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }`,
      g,
    );
    project('show');
    expect(emu.ui.sidebars[0]).toEqual({
      title: 'Plan',
      html: '<h1>A &amp; B</h1><i>part</i>',
      width: 300,
      requestedWidth: 500,
    });
    expect(() => project('missing')).toThrow('No HTML file named Nope was found.');
  });
});

describe('LockService, PropertiesService, Session, Utilities, Logger', () => {
  it('records writes made with and without the document lock; execution end releases it [LS, LK]', () => {
    const { g, emu } = setup({ S: [] });
    const project = loadAppsScriptProject(
      `function save() {
         var lock = LockService.getDocumentLock();
         var got = lock.tryLock(1000);
         SpreadsheetApp.getActive().getRange('S!A1').setValue('locked');
         return [got, lock.hasLock()];
       }
       function sloppy() { SpreadsheetApp.getActive().getRange('S!A2').setValue('unlocked'); }
       function alertDropsLock() { var l = LockService.getDocumentLock(); l.waitLock(100); SpreadsheetApp.getUi().alert('Hi'); return l.hasLock(); }`,
      g,
    );
    expect(project('save')).toEqual([true, true]);
    expect(emu.lock.held).toBe(false); // released when the execution ended
    project('sloppy');
    expect(emu.lock).toMatchObject({ writesWhileHeld: 1, writesWithoutLock: 1 });
    expect(emu.lock.writes).toEqual([
      { method: 'Range.setValue', lockHeld: true },
      { method: 'Range.setValue', lockHeld: false },
    ]);
    expect(project('alertDropsLock')).toBe(false); // locks do not survive an open alert [UI]
    expect(emu.ui.alerts).toEqual([{ title: '', prompt: 'Hi', buttons: 'OK', response: 'OK' }]);
  });

  it('lock contention: tryLock false, waitLock throws; bad timeouts throw like Google [I8]', () => {
    const { g } = setup({ S: [] }, { lockContention: true });
    const lock = g.LockService.getDocumentLock()!;
    expect(lock.tryLock(10)).toBe(false);
    expect(() => lock.waitLock(10)).toThrow('Lock timeout');
    expect(() => lock.waitLock(null as unknown as number)).toThrow(
      "The parameters (null) don't match the method signature for LockService.Lock.waitLock.",
    );
  });

  it('properties hold strings and give null when missing [PP]', () => {
    const { g, emu } = setup();
    const props = g.PropertiesService.getDocumentProperties()!;
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('n', 5 as unknown as string);
    expect(props.getProperty('n')).toBe('5');
    expect(emu.properties.document.get('n')).toBe('5');
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow();
    expect(g.PropertiesService.getUserProperties().getKeys()).toEqual([]);
  });

  it('standalone scripts get null document lock/properties and no Ui [LS, PS, SA]', () => {
    const { g } = setup({}, { containerBound: false });
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.PropertiesService.getDocumentProperties()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow();
  });

  it('Session and Utilities.formatDate [SES, UT]', () => {
    const { g } = setup({}, { userLocale: 'zh_CN', scriptTimeZone: 'Asia/Tokyo' });
    expect(g.Session.getActiveUserLocale()).toBe('zh_CN');
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Tokyo');
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    const d = new Date('2024-03-10T06:30:05Z');
    expect(g.Utilities.formatDate(d, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm:ss')).toBe(
      '2024-03-09 22:30:05',
    );
    expect(g.Utilities.formatDate(d, 'Asia/Tokyo', "dd/MM/yy 'at' h:mm a")).toBe('10/03/24 at 3:30 PM');
    expect(g.Utilities.formatDate(d, 'GMT+4:00', 'HH:mm Z')).toBe('10:30 +0400');
    expect(() => g.Utilities.formatDate(d, 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
  });

  it("the active user: an e-mail, or withheld (''), for Session and the edit event's user, switchable [SES, EVT]", () => {
    const { g, emu } = setup({ S: [['x']] }, { userEmail: 'ana.silva@example.com' });
    const project = loadAppsScriptProject(
      `function who(e) { return [Session.getActiveUser().getEmail(), e.user.getEmail(), String(e.user)]; }`,
      g,
    );
    const edit = () => project.callAs('LIMITED', 'who', emu.editEvent(emu.spreadsheet.getRange('S!A1')));
    expect(edit()).toEqual(['ana.silva@example.com', 'ana.silva@example.com', 'ana.silva@example.com']);
    emu.setActiveUser(null); // an editor outside the script owner's Workspace domain, in a simple trigger
    expect(edit()).toEqual(['', '', '']);
    emu.setActiveUser('liam.park@example.com');
    expect(edit()).toEqual(['liam.park@example.com', 'liam.park@example.com', 'liam.park@example.com']);
    expect(emu.calls.byMethod['Session.getActiveUser']).toBe(3);
  });

  it('Logger and console output is recorded', () => {
    const { g, emu } = setup();
    g.Logger.log('rows: %s', 3);
    g.console.warn('careful', { a: 1 });
    expect(emu.logs).toEqual([
      { source: 'Logger', level: 'log', message: 'rows: 3' },
      { source: 'console', level: 'warn', message: 'careful {"a":1}' },
    ]);
  });

  it('alert uses ButtonSet/Button enums and a configurable response', () => {
    const { g, emu } = setup({}, { respondToAlert: () => 'NO' });
    const ui = g.SpreadsheetApp.getUi();
    expect(ui.alert('Delete?', 'Really delete?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(emu.ui.alerts[0]).toEqual({
      title: 'Delete?',
      prompt: 'Really delete?',
      buttons: 'YES_NO',
      response: 'NO',
    });
    expect(g.ScriptApp.AuthMode).toEqual({
      NONE: 'NONE',
      CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
      LIMITED: 'LIMITED',
      FULL: 'FULL',
    });
  });
});

describe('large sheets', () => {
  // Correctness on a full grid of Google's default size for a new tab (1,000 rows). How long this takes,
  // up to 20,000 rows, is measured by `npm run bench -- emulator`, never asserted here.
  it('writes and reads 1,000 rows of values and formulas, every formula evaluated', () => {
    const rows = 1000;
    const ss = new FakeSpreadsheet();
    const sheet = ss.getActiveSheet();
    const values = sampleValues(rows);
    const formulas = sampleFormulas(rows);
    sheet.getRange(1, 1, rows, 5).setValues(values);
    sheet.getRange(1, 6, rows, 3).setFormulas(formulas);
    const read = sheet.getDataRange().getValues();
    expect(read).toHaveLength(rows);
    expect(read[rows - 1].slice(5, 7)).toEqual([rows * 1.5 * ((rows - 1) % 7), 'odd']);
    expect(read[rows - 1][7]).toEqual(new Date(Date.UTC(2024, 0, 1 + ((rows - 1) % 365) + 7)));
    expect(read.map((r) => r[6]).filter((x) => x === 'even')).toHaveLength(rows / 2);
  });
});

// Type-level check: the globals are typed like the raw classes.
export type _GlobalsAreTyped = AppsScriptGlobals['SpreadsheetApp']['getActiveSpreadsheet'];

describe('formula syntax by locale [LOC]', () => {
  it("parses ';' between arguments in de_DE and rejects ',' there; en_US reads ';' as ','", () => {
    const de = fromWorkbook({ S: [[1, 2]] }, { locale: 'de_DE' });
    const en = fromWorkbook({ S: [[1, 2]] }, { locale: 'en_US' });
    for (const ss of [de, en]) ss.getSheetByName('S')!.getRange('C1').setFormula('=IF(A1>0;SUM(A1;B1);0)');
    de.getSheetByName('S')!.getRange('D1').setFormula('=IF(A1>0,SUM(A1,B1),0)');
    expect(de.getSheetByName('S')!.getRange('C1:D1').getValues()).toEqual([[3, '#ERROR!']]);
    expect(en.getSheetByName('S')!.getRange('C1').getValue()).toBe(3);
    expect(en.getSheetByName('S')!.getRange('C1').getFormula()).toBe('=IF(A1>0,SUM(A1,B1),0)');
    expect(de.getSheetByName('S')!.getRange('C1').getFormula()).toBe('=IF(A1>0;SUM(A1;B1);0)');
  });

  it('records the bytes of write calls', () => {
    const { g, emu } = setup({ S: [[1]] });
    g.SpreadsheetApp.getActiveSpreadsheet()!
      .getSheetByName('S')!
      .getRange('A1:B1')
      .setValues([['é', 2]]);
    expect(emu.calls.maxWriteBytes).toBe(Buffer.byteLength(JSON.stringify([[['é', 2]]])));
  });
});

describe('criteria functions (indexed, HyperFormula results)', () => {
  it('give what a row-by-row walk gives, and follow edits', () => {
    const ss = fromWorkbook({
      A: [
        ['KR1', 5, 10],
        ['kr1', 7, 20],
        ['KR2', 9, 30],
        ['KR1', 'x', 40],
        ['Kr1', 11, 50],
      ],
    });
    const sheet = ss.getSheetByName('A')!;
    sheet
      .getRange('E1:H1')
      .setFormulas([
        [
          '=SUMIFS(C:C,A:A,"KR1",B:B,">=7")',
          '=COUNTIFS(A:A,"kr1")',
          '=MAXIFS(C:C,A:A,"KR1",B:B,"<11")',
          '=SUMIFS(C:C,A:A,"KR*")',
        ],
      ]);
    expect(sheet.getRange('E1:H1').getValues()).toEqual([[70, 4, 20, 150]]);
    sheet.getRange('A3').setValue('KR1');
    expect(sheet.getRange('E1:H1').getValues()).toEqual([[100, 5, 30, 150]]);
  });
});
