/**
 * A second year's check-ins on a tab of their own, as a Traditional Chinese QA round kept them: 實際 for July–December
 * 2026 and 「實際 2027」 (or 2027實績, 實際(116年), 116年實際, 實際（續）) for January–February 2027. Only the tab named
 * exactly as the Actuals tab is read, so the second tab's rows count for nothing: that is now said at the tab, with
 * how many rows and which months, and the plan no longer asks for a month's check-in those rows already hold.
 * Read through real .xlsx files (the report's reader) and through the add-on (emulated spreadsheet).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { PlanCheck } from '../apps-script/server/plan-check';
import { readXlsxBuffer } from '../report/read-xlsx';
import { analyzeWorkbook, type Workbook } from '../shared';
import { tabDef } from '../shared/template';
import { loadAddon } from './helpers/addon';
import { cumulativeKeyResult, headers, planTabs, TW_QA_STRATEGY, TW_QA_TABS } from './helpers/plan-tabs';

const ZH_HEADER = Object.values(headers('actuals', 'zh-TW'));
const EN_HEADER = Object.values(headers('actuals', 'en'));

/** The plan's one key result, cumulative 3000 over the period, in its row's words. */
const keyResult = (title: string, owner: string, unit: string, start: string, due: string) =>
  cumulativeKeyResult({ id: 'KR1', title, owner, unit, target: 3000, start, due });

/** QA's plan: one cumulative key result over 115/07/01–116/06/30, its check-ins on two tabs. */
function twPlan(
  extra: string,
  rows = [
    ['2027/01/31', 'KR1', 280],
    ['2027/02/28', 'KR1', 250],
  ],
): Workbook {
  return {
    ...planTabs('zh-TW', TW_QA_STRATEGY, {
      ...TW_QA_TABS,
      keyResults: [keyResult('營收', '營運', '萬元', '115/07/01', '116/06/30')],
      actuals: [
        ['2026/07/31', 180],
        ['2026/08/31', 220],
        ['2026/09/30', 260],
        ['2026/10/31', 300],
        ['2026/11/30', 310],
        ['2026/12/31', 320],
      ].map(([date, value]) => ({ date, metric: 'KR1', value })),
    }),
    [extra]: [ZH_HEADER, ...rows],
  };
}

/** The same plan in English. */
function enPlan(
  extra: string,
  rows = [
    ['2027-01-31', 'KR1', 280],
    ['2027-02-28', 'KR1', 250],
  ],
): Workbook {
  return {
    ...planTabs(
      'en',
      { product: 'Bookkeeping app', periodStart: '2026-07-01', periodEnd: '2027-06-30', language: 'en' },
      {
        departments: [{ name: 'Ops', lead: 'Ann' }],
        objectives: [{ id: 'O1', title: 'Launch', owner: 'Ops' }],
        keyResults: [keyResult('Revenue', 'Ops', 'k', '2026-07-01', '2027-06-30')],
        actuals: [7, 8, 9, 10, 11, 12].map((m, i) => ({
          date: `2026-${String(m).padStart(2, '0')}-28`,
          metric: 'KR1',
          value: 180 + 30 * i,
        })),
      },
    ),
    [extra]: [EN_HEADER, ...rows],
  };
}

/** The workbook written as an .xlsx with exceljs, then read back by the report's reader. */
async function throughXlsx(workbook: Workbook): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

const AS_OF = '2027-03-15';

async function check(workbook: Workbook) {
  const { issues } = analyzeWorkbook(await throughXlsx(workbook), { asOf: AS_OF });
  return {
    extra: issues.filter((i) => i.code === 'extra-actuals-tab'),
    stale: issues.filter((i) => i.code === 'stale-check-in').map((i) => i.message.en),
    codes: issues.map((i) => i.code),
  };
}

describe('a second tab of check-ins beside 實際 (Traditional Chinese)', () => {
  for (const name of [
    '實際 2027',
    '2027實績',
    '實際(116年)',
    '116年實際',
    '實際（續）',
    '實際 (續)',
    '民國116年 實際',
  ]) {
    it(`「${name}」: said at its first row, with its rows and months; 2027-02 is not asked for`, async () => {
      const { extra, stale } = await check(twPlan(name));
      expect(
        extra.map((i) => [`${i.sheet}!${i.a1}`, i.severity, i.message['zh-TW'], i.fix['zh-TW']]),
      ).toEqual([
        [
          `${name}!A2`,
          'warning',
          `「${name}」工作表看起來是「實際」表的延續，但計畫只讀取「實際」：其中 2 筆實際資料（2027-01 – 2027-02）不計入。`,
          `把它的各列移到「實際」表的最下方，再刪除「${name}」（或把它改成與計畫無關的名稱，如「封存」）。`,
        ],
      ]);
      // The check-in for 2027-02 is on that tab: moving it is the fix, not typing it again on 實際.
      expect(stale).toEqual([]);
    });
  }

  it('a month neither tab holds is still asked for on 實際', async () => {
    const { extra, stale } = await check(twPlan('實際 2027', [['2027/01/31', 'KR1', 280]]));
    expect(extra.map((i) => i.message['zh-TW'])).toEqual([
      '「實際 2027」工作表看起來是「實際」表的延續，但計畫只讀取「實際」：其中 1 筆實際資料（2027-01）不計入。',
    ]);
    expect(stale).toEqual(['KR1 has no actual for 2027-02.']);
  });
});

describe('a second tab of check-ins beside Actuals (English)', () => {
  for (const name of [
    'Actuals 2027',
    '2027 Actuals',
    'Actuals (continued)',
    'Actuals_2027',
    '(2027) Actuals',
    'Actuals – 2027',
  ]) {
    it(`"${name}"`, async () => {
      const { extra, stale } = await check(enPlan(name));
      expect(extra.map((i) => [`${i.sheet}!${i.a1}`, i.message.en, i.fix.en])).toEqual([
        [
          `${name}!A2`,
          `The "${name}" tab looks like more of the "Actuals" tab, but only "Actuals" is read: its 2 check-ins (2027-01 – 2027-02) count for nothing.`,
          `Move its rows to the bottom of the "Actuals" tab, then delete "${name}" (or rename it to a name of your own, such as "Archive").`,
        ],
      ]);
      expect(stale).toEqual([]);
    });
  }

  it("last year's tab, all of it before the plan's period, loses nothing and is not said", async () => {
    const { extra } = await check(enPlan('Actuals 2025', [['2025-11-28', 'KR1', 90]]));
    expect(extra).toEqual([]);
  });

  it('a copy of the tab, as Excel names it, is a copy (tab-copy), not more check-ins', async () => {
    const { extra, codes } = await check(enPlan('Actuals (2)'));
    expect(extra).toEqual([]);
    expect(codes).toContain('tab-copy');
  });

  it('without an Actuals tab, a tab named near it is still the one to rename (tab-name-near)', async () => {
    const wb = enPlan('Actuals 2027');
    delete wb[tabDef('actuals').label.en];
    const { extra, codes } = await check(wb);
    expect(extra).toEqual([]);
    expect(codes).toContain('tab-name-near');
  });
});

describe('in the add-on (emulated spreadsheet): the second tab is read for the warning', () => {
  it('「實際 2027」 is said in the sidebar check', () => {
    const addon = loadAddon({
      workbook: twPlan('實際 2027'),
      locale: 'zh_TW',
      timeZone: 'Asia/Taipei',
      now: () => Date.parse('2027-03-15T04:00:00Z'),
    });
    const check = addon.run('getPlanCheck', 'zh-TW') as PlanCheck;
    const issues = check.groups.flatMap((g) => g.issues);
    expect(
      issues.filter((i) => i.code === 'extra-actuals-tab').map((i) => `${i.sheet}!${i.a1} ${i.message}`),
    ).toEqual([
      '實際 2027!A2 「實際 2027」工作表看起來是「實際」表的延續，但計畫只讀取「實際」：其中 2 筆實際資料（2027-01 – 2027-02）不計入。',
    ]);
    expect(issues.filter((i) => i.code === 'stale-check-in')).toEqual([]);
  });
});
