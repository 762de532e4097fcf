/**
 * shared/sheet-grid.ts: one code path for cells from Google Sheets. The add-on (getValues, Dates at midnight of the
 * spreadsheet's time zone) and the CLI's --sheet (Sheets API, dates as serial numbers) give the parser the same
 * plan for the same spreadsheet.
 */
import { runInNewContext } from 'node:vm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  sheetGrid,
  sheetsToWorkbook,
  tabDef,
  type Cell,
  type Grid,
  type Workbook,
} from '../shared';
import { readSpreadsheet, sheetDate } from '../apps-script/server/sheets-adapter';
import { fromWorkbook } from '../emulator/load-bundle';
import { mergedRange, readSheet } from '../report/read-sheets';
import { SheetsApiServer, type FakeSpreadsheet } from './helpers/sheets-api-server';

describe('sheetGrid', () => {
  it('makes cells plain values: Dates of another realm, null as blank', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2026, 2, 1))') as Date;
    expect(foreign instanceof Date).toBe(false);
    const grid = sheetGrid([[foreign, null, 3, 'x', true]]);
    expect(grid[0][0]).toBeInstanceOf(Date);
    expect((grid[0][0] as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(grid[0].slice(1)).toEqual(['', 3, 'x', true]);
  });

  it("fills merged blocks without touching the caller's arrays", () => {
    const values = [['Objective'], ['O1'], [''], ['']];
    const grid = sheetGrid(values, [{ top: 2, left: 1, bottom: 4, right: 1 }]);
    expect(grid.map((r) => r[0])).toEqual(['Objective', 'O1', 'O1', 'O1']);
    expect(values.map((r) => r[0])).toEqual(['Objective', 'O1', '', '']);
  });
});

describe('sheetsToWorkbook', () => {
  it('keeps the plan tabs, in either language; the leftmost of two same-named tabs wins', () => {
    const grid = (x: string): Grid => [[x]];
    const wb = sheetsToWorkbook([
      { name: 'Notes', grid: grid('n') },
      { name: 'Key Results', grid: grid('first') },
      { name: '目标', grid: grid('zh') },
      { name: 'Key Results', grid: grid('second') },
    ]);
    expect(Object.keys(wb)).toEqual(['Key Results', '目标']);
    expect(wb['Key Results']).toEqual([['first']]);
  });

  it('names a tab close to a plan tab without its cells, so the parser can say it is not read', () => {
    const wb = sheetsToWorkbook([
      { name: '2. Key Results', grid: [['x']] },
      { name: 'Notes', grid: [['n']] },
    ]);
    expect(wb).toEqual({ '2. Key Results': [] });
  });

  it('keeps the cells of a tab of more check-ins, so the parser can say what on it is not read', () => {
    const wb = sheetsToWorkbook([
      { name: '實際', grid: [['日期']] },
      { name: '實際 2027', grid: [['x']] },
      { name: 'Notes', grid: [['n']] },
    ]);
    expect(wb).toEqual({ 實際: [['日期']], '實際 2027': [['x']] });
  });
});

describe('mergedRange', () => {
  it('reads a GridRange (0-based, end exclusive, zero indexes left out) as 1-based inclusive', () => {
    expect(mergedRange({ endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 3 })).toEqual({
      top: 1,
      left: 3,
      bottom: 3,
      right: 3,
    });
    expect(mergedRange({ startRowIndex: 4 })).toBeNull(); // unbounded: not a block of cells
  });
});

describe('the add-on and --sheet read the same spreadsheet the same way', () => {
  const TZ = 'Asia/Shanghai';
  let server: SheetsApiServer;
  const saved = { ...process.env };

  beforeEach(async () => {
    const cells = exampleWorkbook('zh-CN', { date: isoToSerial });
    const spreadsheet: FakeSpreadsheet = {
      id: '1ZhExampleSpreadsheetIdForTheTest',
      title: '示例',
      locale: 'zh_CN',
      timeZone: TZ,
      tabs: Object.entries(cells).map(([title, values]) => ({ title, values })),
    };
    server = await new SheetsApiServer([spreadsheet]).start();
    process.env.GTM_PYRAMID_SHEETS_API = server.url;
    process.env.GTM_PYRAMID_ACCESS_TOKEN = 'test-token';
  });

  afterEach(async () => {
    await server.close();
    process.env = { ...saved };
  });

  it('gives the parser the same plan (dates as Dates in the time zone, or as serial numbers)', async () => {
    // Apps Script: dates are instants at midnight of the spreadsheet's time zone.
    const ss = fromWorkbook(exampleWorkbook('zh-CN', { date: (iso) => sheetDate(iso, TZ) }), {
      locale: 'zh_CN',
      timeZone: TZ,
    });
    const addon = readSpreadsheet(ss as unknown as GAS.Spreadsheet);
    const live = await readSheet('1ZhExampleSpreadsheetIdForTheTest');
    expect(live.timeZone).toBe(addon.timeZone);
    expect(live.localeLang).toBe(addon.localeLang);
    expect(Object.keys(live.workbook)).toEqual(Object.keys(addon.workbook));
    // The two really differ in how dates arrive: a Date from getValues, a serial number from the API.
    const krTab = tabDef('keyResults').label['zh-CN'];
    const dates = (grid: Grid) => grid.flat().filter((c) => c instanceof Date).length;
    expect(dates(addon.workbook[krTab])).toBeGreaterThan(0);
    expect(dates(live.workbook[krTab])).toBe(0);
    const fromAddon = parsePlan(addon.workbook, { timeZone: addon.timeZone });
    const fromApi = parsePlan(live.workbook, { timeZone: live.timeZone });
    expect(fromApi.issues).toEqual(fromAddon.issues);
    expect(fromApi.plan).toEqual(fromAddon.plan);
    expect(fromApi.plan.keyResults.find((k) => k.id === 'KR2')?.due).toBe('2026-12-31');
    expect(Object.keys(live.workbook)).toContain(tabDef('keyResults').label['zh-CN']);
  });

  it('both read a tab of more check-ins (实际（续）), so both say its rows are not counted', async () => {
    const actualsTab = tabDef('actuals').label['zh-CN'];
    const more = `${actualsTab}（续）`;
    const moved = (date: (iso: string) => unknown) => {
      const wb = exampleWorkbook('zh-CN', { date: date as (iso: string) => Cell });
      wb[more] = [wb[actualsTab][0], ...wb[actualsTab].splice(-2)];
      return wb;
    };
    const own = await new SheetsApiServer([
      {
        id: '1ZhMoreActualsSpreadsheetIdForTest',
        title: '示例',
        locale: 'zh_CN',
        timeZone: TZ,
        tabs: Object.entries(moved(isoToSerial)).map(([title, values]) => ({ title, values })),
      },
    ]).start();
    try {
      process.env.GTM_PYRAMID_SHEETS_API = own.url;
      const live = await readSheet('1ZhMoreActualsSpreadsheetIdForTest');
      const ss = fromWorkbook(
        moved((iso) => sheetDate(iso, TZ)),
        { locale: 'zh_CN', timeZone: TZ },
      );
      const addon = readSpreadsheet(ss as unknown as GAS.Spreadsheet);
      const said = (workbook: Workbook, timeZone: string) =>
        parsePlan(workbook, { timeZone })
          .issues.filter((i) => i.code === 'extra-actuals-tab')
          .map((i) => `${i.sheet}!${i.a1} ${i.message['zh-CN']}`);
      const expected = [
        `${more}!A2 “${more}”工作表看起来是“${actualsTab}”表的延续，但计划只读取“${actualsTab}”：其中 2 条实际数据（2026-09 – 2026-10）不计入。`,
      ];
      expect(said(live.workbook, live.timeZone)).toEqual(expected);
      expect(said(addon.workbook, addon.timeZone)).toEqual(expected);
    } finally {
      await own.close();
    }
  });
});
