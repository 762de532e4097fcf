/**
 * Chinese Excel users write a unit after the General format: the .xlsx stores `General"萬"` (or `General"萬元"`,
 * `General\萬`, `General" K"`), and the cell shows 3000 as 3000萬. Such a cell is read as it shows (30,000,000 in a
 * key result counted in 元), as `0"萬"` is, never as the 3000 it holds beside check-ins typed in 萬. And a word a
 * format shows after its multiple (`0"萬筆"`: 5萬筆) is the format's, as in `#,##0"筆"`: 5萬 is read, with no
 * message that the number the person typed is none. Real .xlsx files written by exceljs, read by the report's reader.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, columnDef, exampleWorkbook, tabDef, type Cell, type Workbook } from '../shared';
import { typedTextOf } from '../shared/number-formats';
import { readXlsxBuffer } from '../report/read-xlsx';

type Lang = 'en' | 'zh-CN' | 'zh-TW';
const AS_OF = '2026-11-15';

/** A cell found by its row's ID (first column; for the Strategy tab, its field) and its column's key. */
interface Edit {
  tab: 'keyResults' | 'actuals' | 'strategy';
  /** Key Results: the ID; Strategy: the field's row (1-based); Actuals: the metric, and which of its check-ins. */
  row: string | number | { metric: string; nth: number };
  column: string;
  value: Cell;
  format?: string;
}

function cellOf(wb: Workbook, lang: Lang, edit: Edit): [number, number] {
  const grid = wb[tabDef(edit.tab).label[lang]];
  if (edit.tab === 'strategy') return [edit.row as number, 2];
  const column = grid[0].indexOf(columnDef(edit.tab, edit.column).label[lang]) + 1;
  if (typeof edit.row === 'string') return [grid.findIndex((r) => r[0] === edit.row) + 1, column];
  const { metric, nth } = edit.row as { metric: string; nth: number };
  const metricColumn = grid[0].indexOf(columnDef('actuals', 'metric').label[lang]);
  const rows = grid.flatMap((r, i) => (r[metricColumn] === metric ? [i + 1] : []));
  return [rows[nth], column];
}

/** The example (no Targets tab) as a real .xlsx with the edits, each cell in its number format, read back. */
async function xlsx(lang: Lang, edits: Edit[]): Promise<Workbook> {
  const example = exampleWorkbook(lang);
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(example)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row);
  }
  for (const edit of edits) {
    const cell = book.getWorksheet(tabDef(edit.tab).label[lang])!.getCell(...cellOf(example, lang, edit));
    cell.value = edit.value as ExcelJS.CellValue;
    if (edit.format) cell.numFmt = edit.format;
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

async function analyzed(lang: Lang, edits: Edit[]) {
  const { plan, progress, issues } = analyzeWorkbook(await xlsx(lang, edits), {
    asOf: AS_OF,
    timeZone: 'UTC',
  });
  const base = analyzeWorkbook(await xlsx(lang, []), { asOf: AS_OF, timeZone: 'UTC' });
  const key = (i: { code: string; sheet: string; a1: string | null }) => `${i.code} ${i.sheet}!${i.a1}`;
  const before = new Set(base.issues.map(key));
  const metric = (id: string) => {
    const i = plan.keyResults.findIndex((k) => k.id === id);
    return {
      target: plan.keyResults[i].target,
      values: plan.actuals.filter((a) => a.metric === id).map((a) => a.value),
      status: progress.keyResults[i].status,
      attainment: progress.keyResults[i].attainment,
    };
  };
  return { metric, added: issues.filter((i) => !before.has(key(i))) };
}

/** Check-ins of KR1 typed as text in 萬, as the QA plan had them. */
const WAN_CHECK_INS = ['120萬', '270萬', '450萬', '510萬', '630萬', '780萬'].map((value, nth): Edit => ({
  tab: 'actuals',
  row: { metric: 'KR1', nth },
  column: 'value',
  value,
}));

/** KR1 counted in 元 in a TWD plan, its Target 3000 in this format. */
const yuanTarget = (format: string, target: Cell = 3000): Edit[] => [
  { tab: 'strategy', row: 11, column: 'value', value: 'TWD' },
  { tab: 'keyResults', row: 'KR1', column: 'unit', value: '元' },
  { tab: 'keyResults', row: 'KR1', column: 'target', value: target, format },
];

describe('General with a unit after it (General"萬") shows, and is read, as the number in that multiple', () => {
  it('the text typed: the number as General shows it (no grouping), then the unit; plain General as before', () => {
    expect(typedTextOf(5, 'General"萬"', '.')).toBe('5萬');
    expect(typedTextOf(30000, 'General"萬"', '.')).toBe('30000萬');
    expect(typedTextOf(0.32, 'general"萬"', ',')).toBe('0,32萬');
    expect(typedTextOf(3000, 'General"萬元"', '.')).toBe('3000萬元');
    expect(typedTextOf(3000, 'General\\萬', '.')).toBe('3000萬');
    expect(typedTextOf(50, 'General" K"', '.')).toBe('50 K');
    expect(typedTextOf(-12.5, 'GENERAL"萬";-General"萬"', '.')).toBe('-12.5萬');
    expect(typedTextOf(3000, '[$-404]General"萬"', '.')).toBe('3000萬');
    expect(typedTextOf(1234.5, '"NT$"General', '.')).toBe('NT$1234.5');
    for (const v of [5, 3000, 0.32, -7]) {
      expect(typedTextOf(v, 'General', '.')).toBeNull();
      expect(typedTextOf(v, 'general', '.')).toBeNull();
      expect(typedTextOf(v, 'General;General', '.')).toBeNull();
    }
  });

  it('zh-TW: a Target of 3000 shown 3000萬 in 元 is 30,000,000, against check-ins typed 120萬…: 92%, not done at 9200%', async () => {
    for (const format of ['General"萬"', 'General"萬元"', 'General\\萬', 'general"萬"']) {
      const { metric, added } = await analyzed('zh-TW', [...yuanTarget(format), ...WAN_CHECK_INS]);
      const kr1 = metric('KR1');
      expect(kr1.target, format).toBe(30_000_000);
      expect(kr1.values).toEqual([1_200_000, 2_700_000, 4_500_000, 5_100_000, 6_300_000, 7_800_000]);
      expect(kr1.attainment).toBeCloseTo(0.92, 6);
      expect(kr1.status).not.toBe('done');
      expect(added.map((i) => i.code)).toEqual([]);
    }
    // As `0"萬"` reads it.
    const control = (await analyzed('zh-TW', [...yuanTarget('0"萬"'), ...WAN_CHECK_INS])).metric('KR1');
    expect(control.target).toBe(30_000_000);
    expect(control.attainment).toBeCloseTo(0.92, 6);
  });

  it('a check-in 0.32 shown 0.32萬 counts 3,200 sign-ups; plain General leaves the number as it is', async () => {
    const checkIn = (format: string): Edit[] => [
      { tab: 'actuals', row: { metric: 'KR2', nth: 0 }, column: 'value', value: 0.32, format },
    ];
    for (const lang of ['zh-TW', 'en'] as const) {
      const wan = await analyzed(lang, checkIn('General"萬"'));
      expect(wan.metric('KR2').values[0]).toBe(3200);
      expect(wan.added).toEqual([]);
      const plain = await analyzed(lang, checkIn('General'));
      expect(plain.metric('KR2').values[0]).toBe(0.32);
    }
  });

  it('en: a Target of 50 shown "50 K" is 50,000 sign-ups; 50000 in plain General is 50,000', async () => {
    const target = (value: number, format: string): Edit[] => [
      { tab: 'keyResults', row: 'KR2', column: 'target', value, format },
    ];
    const k = await analyzed('en', target(50, 'General" K"'));
    expect(k.metric('KR2').target).toBe(50_000);
    expect(k.added).toEqual([]);
    const plain = await analyzed('en', target(50000, 'General'));
    expect(plain.metric('KR2').target).toBe(50_000);
    expect(plain.added).toEqual([]);
  });
});

describe('a word a format shows after its multiple (0"萬筆") is the format’s, as in #,##0"筆"', () => {
  it('a Target of 5 shown 5萬筆 or 5萬個 is 50,000 sign-ups, with no message that 5 is no number', async () => {
    for (const lang of ['zh-TW', 'en'] as const) {
      for (const format of ['0"萬筆"', '0"萬個"', '0"萬人"', 'General"萬筆"']) {
        const { metric, added } = await analyzed(lang, [
          { tab: 'keyResults', row: 'KR2', column: 'target', value: 5, format },
        ]);
        expect(metric('KR2').target, `${lang} ${format}`).toBe(50_000);
        expect(metric('KR2').status).toBe('on-track');
        expect(added.map((i) => `${i.code} ${i.message[lang]}`)).toEqual([]);
      }
    }
  });

  it('the same text typed is refused as before; a format’s unit word is read as 0"人" is, a currency still checked', async () => {
    const typed = await analyzed('zh-TW', [
      { tab: 'keyResults', row: 'KR2', column: 'target', value: '5萬筆' },
    ]);
    expect(typed.metric('KR2').target).toBeNull();
    expect(typed.added.map((i) => i.code)).toEqual(['not-a-number']);
    const people = await analyzed('zh-TW', [
      { tab: 'keyResults', row: 'KR2', column: 'target', value: 5, format: '0"萬人"' },
    ]);
    expect(people.metric('KR2').target).toBe(50_000);
    expect(people.added).toEqual([]);
    const money = await analyzed('en', [
      { tab: 'keyResults', row: 'KR1', column: 'target', value: 100, format: 'General"萬元"' },
    ]);
    expect(money.metric('KR1').target).toBeNull();
    expect(money.added.map((i) => i.code)).toEqual(['currency-mismatch']);
    expect(money.added[0].message.en).toContain('100萬元');
  });
});

describe('G/通用格式, the name a Chinese Excel gives General, which some writers store, is General, not a date', () => {
  it('the text typed: as General', () => {
    expect(typedTextOf(1_000_000, 'G/通用格式', '.')).toBeNull();
    expect(typedTextOf(4, 'G/通用格式"万"', '.')).toBe('4万');
    expect(typedTextOf(4, '[DBNum1][$-804]G/通用格式"万"', '.')).toBe('4万');
    expect(typedTextOf(4, 'g/通用格式"萬"', '.')).toBe('4萬');
  });

  it('zh-CN: a Target of 1000000 元 and a check-in of 40000 in G/通用格式 are those numbers, not dates (QA)', async () => {
    const edits = (format: string, target: number, checkIn: number): Edit[] => [
      { tab: 'strategy', row: 11, column: 'value', value: 'CNY' },
      { tab: 'keyResults', row: 'KR1', column: 'unit', value: '元' },
      { tab: 'keyResults', row: 'KR1', column: 'target', value: target, format },
      { tab: 'actuals', row: { metric: 'KR1', nth: 0 }, column: 'value', value: checkIn, format },
    ];
    const plain = await analyzed('zh-CN', edits('G/通用格式', 1_000_000, 40_000));
    expect(plain.metric('KR1').target).toBe(1_000_000);
    expect(plain.metric('KR1').values[0]).toBe(40_000);
    expect(plain.added.map((i) => `${i.code} ${i.message['zh-CN']}`)).toEqual([]);
    const wan = await analyzed('zh-CN', edits('[DBNum1][$-804]G/通用格式"万"', 100, 4));
    expect(wan.metric('KR1').target).toBe(1_000_000);
    expect(wan.metric('KR1').values[0]).toBe(40_000);
    expect(wan.added.map((i) => `${i.code} ${i.message['zh-CN']}`)).toEqual([]);
  });
});
