/**
 * A percentage shown beside a status never rounds onto a bar the status turns on (70% and 90% of pace, 100%
 * done) that its value has not reached: "90%" under "at risk" read as the on-track bar met. The example plan,
 * changed as a team would change it, through every surface that shows such a figure: the report's pages (a
 * one-page plan and a large one), the plan check in the report, and the add-on's sidebar.
 */
import { describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF, ENUMS, type Lang, type Workbook } from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import { utcDate } from '../report/write-xlsx';
import { buildPlanCheck } from '../apps-script/server/plan-check';
import { readSpreadsheet, sheetDate } from '../apps-script/server/sheets-adapter';
import { fromWorkbook } from '../emulator/load-bundle';
import { addRow, cloneWorkbook, colOf } from './helpers/edit';
import { exampleGrid, header, parse, tabName } from './helpers/report';

/**
 * The example as of 2026-11-15, with Marketing's sign-ups (KR2) at 34,850 of the 40,000 expected, 69.7% of the
 * target; and Sales's revenue (KR1, due in August) ending at $792,000, beside a new Sales key result (KR6, a
 * monthly bar met in both months judged): Sales is at 89.6% with 100% expected, at risk.
 */
function plan(date: (iso: string) => Workbook[string][number][number] = utcDate): Workbook {
  const wb = cloneWorkbook(exampleGrid('en'));
  const actuals = wb[tabName('actuals')];
  const metric = colOf(actuals, header('actuals', 'metric'));
  const value = colOf(actuals, header('actuals', 'value'));
  const dateCol = colOf(actuals, header('actuals', 'date'));
  const row = (id: string, v: number) => actuals.find((r) => r[metric] === id && r[value] === v)!;
  row('KR2', 4900)[value] = 2150; // October: 37,600 → 34,850
  row('KR1', 260_000)[value] = 132_000; // August: 920,000 → 792,000
  for (const r of actuals) if (r[dateCol] instanceof Date) r[dateCol] = date(isoOf(r[dateCol] as Date));
  const kr = (column: string) => header('keyResults', column);
  addRow(wb, tabName('keyResults'), {
    [kr('id')]: 'KR6',
    [kr('objective')]: 'O1',
    [kr('title')]: 'Four new resellers signed every month',
    [kr('owner')]: 'Sales',
    [kr('type')]: ENUMS.type.threshold.en,
    [kr('unit')]: 'resellers',
    [kr('direction')]: ENUMS.direction.increase.en,
    [kr('baseline')]: 0,
    [kr('target')]: 4,
    [kr('start')]: date('2026-09-01'),
    [kr('due')]: date('2026-12-31'),
    [kr('weight')]: 1,
  });
  const a = (column: string) => header('actuals', column);
  addRow(wb, tabName('actuals'), { [a('date')]: date('2026-09-30'), [a('metric')]: 'KR6', [a('value')]: 5 });
  addRow(wb, tabName('actuals'), { [a('date')]: date('2026-10-30'), [a('metric')]: 'KR6', [a('value')]: 4 });
  return wb;
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const file = (report: BuiltReport, name: string) => report.files.find((f) => f.name === name)!.data;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('figures beside a status never show a bar it has not reached', () => {
  it('the one-page report: 89.6% and 69.7% under "at risk", not 90% and 70%', async () => {
    const report = await buildReport(plan(), { asOf: EXAMPLE_AS_OF, source: null });
    const doc = parse(file(report, 'index.html'));
    const department = (name: string) =>
      Array.from(doc.querySelectorAll('.dept-table tbody tr')).find(
        (tr) => text(tr.querySelector('.dept-name')) === name,
      );
    expect(text(department('Sales')?.querySelector('td > div:last-child'))).toBe(
      '▲at risk Attainment 89.6% of 2 measured key results',
    );
    expect(text(department('Marketing')?.querySelector('td > div:last-child'))).toBe(
      '▲at risk Attainment 69.7% of 1 measured key result',
    );

    const card = doc.querySelector('#kr-kr2');
    expect(text(card?.querySelector('.status'))).toBe('▲at risk');
    expect(text(card?.querySelector('.headline .big'))).toBe('69.7%');
    const issues = Array.from(doc.querySelectorAll('.issue p:first-child')).map(text);
    expect(issues).toContain('KR2 is at risk: attainment 69.7%, where the plan asks for 80% by now.');
  });

  it('a large plan: the company page lists Sales under "at risk" at 89.6%, Marketing at 69.7%', async () => {
    const report = await buildReport(plan(), {
      asOf: EXAMPLE_AS_OF,
      source: null,
      view: { largePlanKeyResults: 0 },
    });
    const doc = parse(file(report, 'index.html'));
    const atRisk = Array.from(doc.querySelectorAll('.dept-group')).find((g) =>
      text(g.querySelector('h3')).startsWith('▲at risk'),
    );
    expect(Array.from(atRisk?.querySelectorAll('.dept-links li') ?? []).map(text)).toEqual([
      'Sales 89.6% of 2 measured key results',
      'Marketing 69.7% of 1 measured key result',
    ]);
  });

  for (const [lang, says] of [
    ['en', 'KR2 is at risk: attainment 69.7%, where the plan asks for 80% by now.'],
    ['zh-CN', 'KR2 有风险：达成率 69.7%，按计划此时应为 80%。'],
    ['zh-TW', 'KR2 有風險：達成率 69.7%，按計畫此時應為 80%。'],
  ] as [Lang, string][]) {
    it(`the sidebar's plan check says 69.7%, not 70% (${lang})`, () => {
      const timeZone = 'Etc/UTC';
      const ss = fromWorkbook(
        plan((iso) => sheetDate(iso, timeZone)),
        { locale: 'en_US', timeZone },
      );
      const check = buildPlanCheck(
        readSpreadsheet(ss as unknown as GAS.Spreadsheet),
        lang,
        new Date(`${EXAMPLE_AS_OF}T12:00:00Z`),
      );
      const behind = check.groups
        .flatMap((g) => g.issues)
        .filter((i) => i.code === 'behind-pace' && i.message.startsWith('KR2'));
      expect(behind.map((i) => i.message)).toEqual([says]);
    });
  }
});
