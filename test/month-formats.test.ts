/**
 * A month typed without its day ("2026年3月", "Mar 2026") is a date to Excel and Google Sheets: the month's first
 * day, in a format that shows no day (`yyyy"年"m"月"`, `mmm-yy`). Such a cell is that month, read exactly as the same
 * month typed as text: a Due, an End or the period's end is the month's last day, a Start or a check-in's Date its
 * first, and the report says so ("截止 2026年3月31日", never 3月1日). Real .xlsx files written with exceljs, read by
 * the CLI (`check --json`, `report`); and the one classifier of formats, over Excel's built-in table and real codes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { columnDef, exampleWorkbook, STRATEGY_FIELDS, tabDef, type TabKey } from '../shared';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { loadAddon } from './helpers/addon';
import { showsMonthNotDay } from '../shared/number-formats';
import type { PlanJson } from '../report/plan-json';
import { exampleXlsxBuffer, utcDate } from '../report/write-xlsx';
import { parse, runCli, tempDir } from './helpers/report';

describe('showsMonthNotDay: a date format that shows a month but no day', () => {
  it.each([
    'mmm-yy',
    'MMM-YY',
    'mmmm yyyy',
    'mmm yyyy',
    'yyyy/m',
    'yyyy-mm',
    'mm/yyyy',
    'm/yyyy',
    'yyyy"年"m"月"',
    'yyyy"年"mm"月"',
    '[$-804]yyyy"年"m"月"',
    '[$-804]yyyy"年"m"月";@',
    '[$-409]mmm\\-yy',
    '[$-409]mmmm\\ yyyy;@',
    '[$-404]e"年"m"月"',
    '[DBNum1][$-804]yyyy"年"m"月"',
    'YYYY年M月', // LibreOffice writes Chinese text unquoted
    'mmmmm',
    'm"月"',
  ])('%s is a month', (code) => {
    expect(showsMonthNotDay(code)).toBe(true);
  });

  it.each([
    // a day, or a weekday, shows a day
    'yyyy-mm-dd',
    'mm-dd-yy',
    'd-mmm-yy',
    'd-mmm',
    'm/d/yy',
    'yyyy"年"m"月"d"日"',
    'm"月"d"日"',
    '[$-804]yyyy"年"m"月"d"日";@',
    'dddd, mmmm yyyy',
    'mmm yyyy ddd',
    'yyyy"年"m"月" aaaa',
    '[$-404]e/m/d',
    // a time: m is minutes beside h or s
    'h:mm',
    'mm:ss',
    '[h]:mm:ss',
    '[mm]:ss',
    'mmss.0',
    'h:mm AM/PM',
    'yyyy-mm h',
    'm/d/yy h:mm',
    '上午/下午 h"时"mm"分"',
    // a year alone, numbers, text, General, nothing
    'yyyy',
    'General',
    '0.00',
    '#,##0"m"',
    '0%',
    '@',
    '"mmm"0',
    '',
  ])('%s is not a month', (code) => {
    expect(showsMonthNotDay(code)).toBe(false);
  });

  it('Excel\'s built-in table (exceljs, ECMA-376 §18.8.30, every language): only mmm-yy and the East Asian yyyy"年"m"月"', () => {
    const require = createRequire(import.meta.url);
    const table = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, Record<string, string>>;
    const months: string[] = [];
    for (const [id, byLanguage] of Object.entries(table))
      for (const [language, code] of Object.entries(byLanguage))
        if (showsMonthNotDay(code)) months.push(`${id} ${language} ${code}`);
    expect(months.sort()).toEqual(
      [
        '17 f mmm-yy',
        ...[27, 36, 50, 52, 57].map((id) => `${id} zh-cn yyyy"年"m"月"`),
        ...[34, 52, 55].map((id) => `${id} ja-jp yyyy"年"m"月"`),
      ].sort(),
    );
  });
});

const LANG = 'zh-CN';
const AS_OF = '2026-12-10';
let dir: string;
beforeAll(() => {
  dir = tempDir('month-formats');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The cell of the row whose column A is `id` (or a Strategy field's name), in the column of `key`. */
function cellOf(book: ExcelJS.Workbook, tab: TabKey, id: string, key: string): ExcelJS.Cell {
  const sheet = book.getWorksheet(tabDef(tab).label[LANG])!;
  const header = columnDef(tab, key).label[LANG];
  let column = 0;
  sheet.getRow(1).eachCell((cell, c) => {
    if (cell.value === header) column = c;
  });
  let row = 0;
  sheet.eachRow((r, n) => {
    if (!row && r.getCell(1).value === id) row = n;
  });
  if (!column || !row) throw new Error(`No ${id} / ${header}`);
  return sheet.getCell(row, column);
}

/** What a person typed: the month as text, or what Excel makes of it (its first day, in a format without a day). */
type Typed = { text: string } | { month: string; format: string } | { day: string; format: string };

function type(cell: ExcelJS.Cell, typed: Typed): void {
  if ('text' in typed) {
    cell.value = typed.text;
    cell.style = { ...cell.style, numFmt: '@' };
    return;
  }
  cell.value = utcDate('month' in typed ? `${typed.month}-01` : typed.day);
  // A style of its own: exceljs shares one style object among cells read with the same style.
  cell.style = { ...cell.style, numFmt: typed.format };
}

interface Outcome {
  json: PlanJson;
  issues: { code: string; cell: string; sheet: string }[];
  /** KR4's report card, its facts label → value. */
  kr4: Record<string, string>;
  text: string;
}

async function run(name: string, edit: (book: ExcelJS.Workbook) => void): Promise<Outcome> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exampleXlsxBuffer(LANG)) as unknown as ExcelJS.Buffer);
  edit(book);
  const file = `${name}.xlsx`;
  writeFileSync(join(dir, file), Buffer.from(await book.xlsx.writeBuffer()));
  const check = await runCli(['check', file, '--json', '--as-of', AS_OF], dir);
  mkdirSync(join(dir, 'out'), { recursive: true });
  await runCli(['report', file, '--out', `out/${name}`, '--as-of', AS_OF], dir);
  const html = parse(readFileSync(join(dir, 'out', name, 'index.html'), 'utf8'));
  const kr4: Record<string, string> = {};
  for (const div of Array.from(html.querySelectorAll('#kr-kr4 dl.facts > div')))
    kr4[div.querySelector('dt')!.textContent!.trim()] = div.querySelector('dd')!.textContent!.trim();
  return {
    json: JSON.parse(readFileSync(join(dir, 'out', name, 'plan.json'), 'utf8')) as PlanJson,
    issues: JSON.parse(check.stdout.join('\n')).issues,
    kr4,
    text: html.body.textContent!.replace(/\s+/g, ' '),
  };
}

const periodEnd = STRATEGY_FIELDS.find((f) => f.key === 'periodEnd')!.label[LANG];

/** KR4's Due, R6's and O1's End, KR3's Start and the period's end, each typed as `typed` gives it. */
function months(typed: (month: string) => Typed) {
  return (book: ExcelJS.Workbook) => {
    type(cellOf(book, 'keyResults', 'KR4', 'due'), typed('2026-03'));
    type(cellOf(book, 'keyResults', 'KR3', 'start'), typed('2026-02'));
    type(cellOf(book, 'roadmap', 'R6', 'end'), typed('2026-12'));
    type(cellOf(book, 'objectives', 'O1', 'end'), typed('2026-12'));
    type(cellOf(book, 'strategy', periodEnd, 'value'), typed('2026-12'));
  };
}

/** What the plan read of the cells `months` sets (a key result's window is its months; its card says the Due). */
function readings(o: Outcome) {
  const kr = (id: string) => o.json.keyResults.find((k) => k.id === id)!;
  return {
    kr4Due: kr('KR4').due,
    kr3Start: kr('KR3').start,
    r6End: o.json.roadmap.find((r) => r.id === 'R6')!.end,
    o1End: o.json.objectives.find((x) => x.id === 'O1')!.end,
    period: o.json.period,
  };
}

describe('a date cell shown as a month, in a real .xlsx read by the CLI', () => {
  it('is read as the same month typed as text: Due and End its last day, Start its first', async () => {
    const text = await run(
      'text',
      months((m) => ({ text: `${m.slice(0, 4)}年${Number(m.slice(5))}月` })),
    );
    const excel = await run(
      'excel',
      months((month) => ({ month, format: 'yyyy"年"m"月"' })),
    );
    const tagged = await run(
      'tagged',
      months((month) => ({ month, format: '[$-804]yyyy"年"m"月";@' })),
    );
    const english = await run(
      'english',
      months((month) => ({ month, format: 'mmm-yy' })),
    );
    expect(readings(text)).toMatchObject({
      kr4Due: '2026-03',
      kr3Start: '2026-02',
      r6End: '2026-12-31',
      o1End: '2026-12-31',
      period: { end: '2026-12-31' },
    });
    expect(text.kr4['目标值']).toBe('截止 2026年3月31日');
    for (const o of [excel, tagged, english]) {
      expect(readings(o)).toEqual(readings(text));
      expect(o.kr4['目标值']).toBe('截止 2026年3月31日');
      expect(o.kr4).toEqual(text.kr4);
      // The same issues, but for the text's own: a date the Targets formulas cannot read (they count the Due's
      // month, which the date gives them).
      expect(o.issues).toEqual(text.issues.filter((i) => i.code !== 'unreadable-by-formulas'));
    }
    expect(text.issues.filter((i) => i.code === 'unreadable-by-formulas')).toHaveLength(3);
    expect(excel.text).not.toContain('截止 2026年3月1日');
  });

  it('a day in a format that shows it stays that day; a month shown without its day holding another day is the month', async () => {
    const o = await run('days', (book) => {
      type(cellOf(book, 'keyResults', 'KR4', 'due'), { day: '2026-03-01', format: 'yyyy"年"m"月"d"日"' });
      type(cellOf(book, 'roadmap', 'R6', 'end'), { day: '2026-12-15', format: 'yyyy-mm' });
      type(cellOf(book, 'objectives', 'O1', 'end'), { day: '2026-12-01', format: 'yyyy-mm-dd' });
    });
    expect(readings(o)).toMatchObject({ r6End: '2026-12-31', o1End: '2026-12-01' });
    expect(o.kr4['目标值']).toBe('截止 2026年3月1日');
  });

  it("a check-in's Date shown as a month is its first day, as the month typed as text is", async () => {
    const checkIn = (typed: Typed) => (book: ExcelJS.Workbook) => {
      const sheet = book.getWorksheet(tabDef('actuals').label[LANG])!;
      sheet.eachRow((r, n) => {
        if (n > 1 && r.getCell(2).value === 'KR4') type(r.getCell(1), typed);
      });
    };
    const text = await run('check-in-text', checkIn({ text: '2026年3月' }));
    const excel = await run('check-in-excel', checkIn({ day: '2026-03-24', format: 'yyyy"年"m"月"' }));
    const kr4 = (o: Outcome) => o.json.keyResults.find((k) => k.id === 'KR4')!;
    expect(kr4(text).doneOn).toBe('2026-03-01');
    expect(kr4(excel).doneOn).toBe(kr4(text).doneOn);
    expect(excel.kr4).toEqual(text.kr4);
  });
});

describe('a date cell shown as a month, in the add-on (getValues and getNumberFormats, in the emulator)', () => {
  /** The Check plan sidebar's issues, KR4's Due typed as `set` makes it. */
  function issuesWith(set: (range: GAS.Range) => void): string[] {
    const workbook = exampleWorkbook(LANG);
    const addon = loadAddon({ workbook, locale: 'zh_CN' });
    const krs = workbook[tabDef('keyResults').label[LANG]];
    const row = krs.findIndex((r) => r[0] === 'KR4') + 1;
    const column = krs[0].indexOf(columnDef('keyResults', 'due').label[LANG]) + 1;
    set(addon.ss.getSheetByName(tabDef('keyResults').label[LANG])!.getRange(row, column));
    return (addon.run('getPlanCheck') as PlanCheck).groups.flatMap((g) =>
      g.issues.map((i) => `${i.code} ${i.a1} ${i.message}`),
    );
  }

  it('says what the same month typed as text says: a Due after the period is its last day', () => {
    const text = issuesWith((range) => range.setNumberFormat('@').setValue('2027年1月'));
    const month = issuesWith((range) =>
      range.setValue(new Date(Date.UTC(2027, 0, 1))).setNumberFormat('yyyy"年"m"月"'),
    );
    expect(text.find((i) => i.startsWith('outside-period'))).toContain('2027-01-31');
    expect(month).toEqual(text.filter((i) => !i.startsWith('unreadable-by-formulas')));
  });
});
