/**
 * An Actuals tab kept as months in columns with the year in a row above bare months, as a Traditional Chinese QA
 * round typed it (2026年 merged over 7月–12月, 2027年 over 1月–2月; also 115年 / 116年 and plain 2026 / 2027), and
 * in English (2026 over Jul … Dec). Every check-in was lost, with "no Date / Value column" errors at an empty cell;
 * now each month is read with the year above it. Written with exceljs and read through the report's reader.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { analyzeWorkbook, type Workbook } from '../shared';
import { tabDef } from '../shared/template';
import { cumulativeKeyResult, headers, planTabs } from './helpers/plan-tabs';

const AS_OF = '2027-03-15';
const KR1 = [180, 220, 260, 300, 310, 320, 280, 250];
const KR2 = [3000, 3200, 3500, 3800, 4000, 4200, 4100, 3900];

interface Layout {
  years: [string | number, string | number];
  months: string[];
  /** Each year merged over its months (else typed once, over the first). */
  merged: boolean;
}

function plan(layout: Layout, lang: 'zh-TW' | 'en'): Workbook {
  const zh = lang === 'zh-TW';
  const [start, due] = zh ? ['115/07/01', '116/06/30'] : ['2026-07-01', '2027-06-30'];
  const keyResult = (id: string, title: string, unit: string, target: number) =>
    cumulativeKeyResult({ id, title, owner: zh ? '營運' : 'Ops', unit, target, start, due });
  return {
    ...planTabs(
      lang,
      {
        product: zh ? '記帳 App' : 'App',
        periodStart: start,
        periodEnd: due,
        language: zh ? '繁體中文' : 'en',
      },
      {
        departments: [{ name: zh ? '營運' : 'Ops', lead: zh ? '張' : 'Ann' }],
        objectives: [{ id: 'O1', title: zh ? '上市' : 'Launch', owner: zh ? '營運' : 'Ops' }],
        keyResults: [keyResult('KR1', 'Revenue', 'k', 3000), keyResult('KR2', 'Sign-ups', 'users', 50000)],
      },
    ),
    [tabDef('actuals').label[lang]]: [
      [
        headers('actuals', lang).metric,
        ...layout.months.map((_, i) =>
          layout.merged || i === 0 || i === 6 ? layout.years[i < 6 ? 0 : 1] : '',
        ),
      ],
      ['', ...layout.months],
      ['KR1', ...KR1],
      ['KR2', ...KR2],
    ],
  };
}

async function throughXlsx(workbook: Workbook, merge: boolean): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of grid) sheet.addRow(row as ExcelJS.CellValue[]);
    if (merge && (name === tabDef('actuals').label['zh-TW'] || name === tabDef('actuals').label.en)) {
      sheet.mergeCells('B1:G1');
      sheet.mergeCells('H1:I1');
    }
  }
  return readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
}

const ZH_MONTHS = ['7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月'];
const EN_MONTHS = ['Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb'];

const cases: { name: string; lang: 'zh-TW' | 'en'; layout: Layout }[] = [
  {
    name: '2026年 / 2027年 merged over 7月…',
    lang: 'zh-TW',
    layout: { years: ['2026年', '2027年'], months: ZH_MONTHS, merged: true },
  },
  {
    name: '115年 / 116年 merged over 7月…',
    lang: 'zh-TW',
    layout: { years: ['115年', '116年'], months: ZH_MONTHS, merged: true },
  },
  {
    name: 'plain 2026 / 2027 (numbers) merged over 7月…',
    lang: 'zh-TW',
    layout: { years: [2026, 2027], months: ZH_MONTHS, merged: true },
  },
  {
    name: '2026年 typed once over 7月, 2027年 once over 1月',
    lang: 'zh-TW',
    layout: { years: ['2026年', '2027年'], months: ZH_MONTHS, merged: false },
  },
  {
    name: '2026 / 2027 over Jul … Feb (English)',
    lang: 'en',
    layout: { years: [2026, 2027], months: EN_MONTHS, merged: true },
  },
];

describe('a year typed once over months that go on into the next year', () => {
  it('2026年 over 7月 only: 1月 and 2月 are not taken for 2026, and are said at their headers', async () => {
    const wb = plan({ years: ['2026年', ''], months: ZH_MONTHS, merged: false }, 'zh-TW');
    const { issues, progress } = analyzeWorkbook(await throughXlsx(wb, false), { asOf: AS_OF });
    // Months of two years, one year given: the year of 1月 is not guessed (month-header-year, as for any such tab).
    expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.a1} ${i.code}`)).toEqual([
      '實際!H2 month-header-year',
      '實際!I2 month-header-year',
    ]);
    expect(progress.keyResults.find((k) => k.id === 'KR1')!.actualToDate).toBe(
      KR1.slice(0, 6).reduce((a, b) => a + b),
    );
  });
});

describe('a year row above bare month headers', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { issues, progress } = analyzeWorkbook(
        await throughXlsx(plan(c.layout, c.lang), c.layout.merged),
        {
          asOf: AS_OF,
        },
      );
      const actualsTab = tabDef('actuals').label[c.lang];
      expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.a1} ${i.code}`)).toEqual(
        [],
      );
      const wide = issues.filter((i) => i.code === 'wide-actuals');
      expect(wide.map((i) => `${i.sheet}!${i.a1}`)).toEqual([`${actualsTab}!B2`]);
      // Every month read, in its own year: 16 check-ins, and nothing said missing up to February 2027.
      const kr = (id: string) => progress.keyResults.find((k) => k.id === id)!;
      expect(kr('KR1').actualToDate).toBe(KR1.reduce((a, b) => a + b));
      expect(kr('KR2').actualToDate).toBe(KR2.reduce((a, b) => a + b));
      expect(issues.filter((i) => i.code.startsWith('stale-check-in'))).toEqual([]);
    });
  }
});
