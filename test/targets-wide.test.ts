/**
 * Decompose targets over an Actuals tab kept as months in columns (指標 | 1月 | 2月 …, one row per metric): the Targets
 * tab's to-date columns read it, and show planProgress's figures and statuses, in an en_US and a de_DE spreadsheet,
 * also after rows are inserted above or the rows are sorted.
 */
import { describe, expect, it } from 'vitest';
import { toWorkbook } from '../emulator/index';
import {
  dateToIso,
  EXAMPLE_AS_OF,
  parsePlan,
  planProgress,
  STATUS_LABELS,
  TARGETS_AS_OF,
  TARGETS_SUMMARY_COLUMNS,
  type Cell,
  type Workbook,
} from '../shared';
import { loadAddon, valuesOf, zonedMidnight, type ActionResult } from './helpers/addon';
import type { PlanCheck } from '../apps-script/server/plan-check';

const timeZone = 'Europe/Berlin';

/** The example plan with its check-ins moved to a tab of one row per metric and one column per month (2026-01 …). */
function wideExample(locale: string, header: (month: number) => Cell, keepTargets = false) {
  const run = loadAddon({ locale, timeZone });
  expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
  const actuals = run.ss.getSheetByName('Actuals')!;
  const long = actuals.getDataRange().getValues();
  const at = (name: string) => (long[0] as unknown[]).indexOf(name);
  const metrics: string[] = [];
  const cells = new Map<string, Cell>();
  for (const row of long.slice(1)) {
    const metric = String(row[at('Metric')]);
    const month = dateToIso(row[at('Date')] as Date, timeZone)!.slice(0, 7);
    if (!metrics.includes(metric)) metrics.push(metric);
    cells.set(`${metric} ${month}`, row[at('Value')] as Cell);
  }
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  const grid: Cell[][] = [
    ['Metric', ...months.map((_, i) => header(i + 1))],
    ...metrics.map((m) => [m, ...months.map((month) => cells.get(`${m} ${month}`) ?? '')]),
  ];
  actuals.clear();
  actuals.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
  // A plan kept this way from the start: no Targets tab yet.
  if (!keepTargets) run.ss.deleteSheet(run.ss.getSheetByName('Targets')!);
  return { run, metrics, grid };
}

/** The Targets tab's to-date columns against planProgress as of the As of day, for every key result and KPI. */
function compareToDate(run: ReturnType<typeof loadAddon>, asOf: string) {
  run.ss.getRangeByName(TARGETS_AS_OF.name)!.setValue(zonedMidnight(asOf, timeZone));
  const rows = valuesOf(run.ss, 'Targets');
  const header = rows[0] as unknown[];
  const at = (key: string) => header.indexOf(TARGETS_SUMMARY_COLUMNS.find((c) => c.key === key)!.label.en);
  const { plan } = parsePlan(toWorkbook(run.ss) as Workbook, { timeZone });
  expect(plan.layout.actuals?.wide).toBeDefined();
  const progress = planProgress(plan, asOf);
  const shown: unknown[][] = [];
  for (const p of [...progress.keyResults, ...progress.kpis]) {
    const row = rows.find((r) => r[0] === p.id && r[1] === 'target')!;
    for (const [key, want] of [
      ['targetToDate', p.expected],
      ['actualToDate', p.current],
      ['attainment', p.attainment],
    ] as const) {
      const got = row[at(key)];
      if (want === null) expect(got, `${p.id} ${key} ${asOf}`).toBe('');
      else expect(got, `${p.id} ${key} ${asOf}`).toBeCloseTo(want, 9);
    }
    expect(row[at('status')], `${p.id} status ${asOf}`).toBe(STATUS_LABELS[p.status].en);
    shown.push([p.id, row[at('actualToDate')], row[at('status')]]);
  }
  return shown;
}

describe('Targets tab over an Actuals tab kept as months in columns', () => {
  it('shows the to-date figures and statuses of planProgress, in en_US and de_DE alike', () => {
    const results = (['en_US', 'de_DE'] as const).map((locale) => {
      const { run } = wideExample(locale, (m) => `2026-${String(m).padStart(2, '0')}`);
      const result = run.run('decomposeTargets') as ActionResult;
      expect(result.ok, result.message).toBe(true);
      const shown = ['2026-03-31', EXAMPLE_AS_OF, '2026-06-15', '2026-12-31'].map((day) =>
        compareToDate(run, day),
      );
      // Something is shown: a current value for every metric by the example's as-of day.
      expect(shown[1].every(([, current]) => current !== '')).toBe(true);
      const formulas = run.ss.getSheetByName('Targets')!.getDataRange().getFormulas().flat().filter(Boolean);
      return { shown, formulas };
    });
    expect(results[1].shown).toEqual(results[0].shown);
    for (const { formulas } of results) {
      expect(formulas.filter((f) => /TODAY|NOW\(|INDIRECT|OFFSET/.test(f))).toEqual([]);
      expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(300);
      // Bounded ranges: no whole column of Actuals.
      expect(formulas.filter((f) => /Actuals'?!\$?[A-Z]+:\$?[A-Z]+[,;)]/.test(f))).toEqual([]);
    }
    expect(results[1].formulas.some((f) => f.includes('Actuals') && f.includes(';'))).toBe(true);
  });

  it('rebuilds a tab made over the usual layout once the check-ins are moved to months in columns', () => {
    const { run } = wideExample('en_US', (m) => `2026-${String(m).padStart(2, '0')}`, true);
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    compareToDate(run, EXAMPLE_AS_OF);
    // And again over its own wide formulas: nothing taken for typed.
    const again = run.run('decomposeTargets') as ActionResult;
    expect(again.ok, again.message).toBe(true);
    // The check finds nothing wrong on the tab (the As of tip aside: it is not today).
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    const onTargets = check.groups.flatMap((g) => g.issues).filter((i) => i.sheet === 'Targets');
    expect(onTargets.map((i) => i.code)).toEqual([]);
    compareToDate(run, EXAMPLE_AS_OF);
  });

  it('reads the months under a year row (2026 merged over Jan … Dec), as the plan does', () => {
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const { run } = wideExample('en_US', (m) => names[m - 1]);
    const actuals = run.ss.getSheetByName('Actuals')!;
    actuals.insertRowsBefore(1, 1);
    actuals.getRange(1, 1, 1, 13).setValues([['Metric', ...names.map(() => 2026)]]);
    actuals.getRange(2, 1).setValue('');
    actuals.getRange(1, 2, 1, 12).merge();
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    const shown = compareToDate(run, EXAMPLE_AS_OF);
    expect(shown.every(([, current]) => current !== '')).toBe(true);
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    const issues = check.groups.flatMap((g) => g.issues);
    // Nothing wrong on the tab or with the plan (the As of tip aside: it is not today).
    const wrong = issues.filter(
      (i) => i.code !== 'as-of-differs' && (i.sheet === 'Targets' || i.severity === 'error'),
    );
    expect(wrong.map((i) => i.code)).toEqual([]);
  });

  it('keeps each metric on its own figures when a row is inserted above, the rows are sorted or one is added below', () => {
    const { run, grid } = wideExample('en_US', (m) => `2026-${String(m).padStart(2, '0')}`);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const before = compareToDate(run, EXAMPLE_AS_OF);
    const actuals = run.ss.getSheetByName('Actuals')!;
    // A title row inserted under the header: the formulas' ranges move down with the rows.
    actuals.insertRowBefore(2);
    actuals.getRange(2, 1).setValue('Monthly figures');
    expect(compareToDate(run, EXAMPLE_AS_OF)).toEqual(before);
    // Sorted Z → A: the cells change places, the formulas' ranges stay; each metric is found by its ID.
    const rows = grid.slice(1).sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    actuals.getRange(3, 1, rows.length, rows[0].length).setValues(rows);
    expect(compareToDate(run, EXAMPLE_AS_OF)).toEqual(before);
    // KR2's row moved to below the table, past a blank row: still read.
    const kr2 = rows.findIndex((r) => r[0] === 'KR2') + 3;
    const cells = actuals.getRange(kr2, 1, 1, rows[0].length).getValues();
    actuals.getRange(kr2, 1, 1, rows[0].length).clearContent();
    actuals.getRange(rows.length + 10, 1, 1, rows[0].length).setValues(cells);
    expect(compareToDate(run, EXAMPLE_AS_OF)).toEqual(before);
  });

  it('leaves the to-date columns blank, as the tip says, where a target column stands between the months', () => {
    const { run, grid } = wideExample('en_US', (m) => `2026-${String(m).padStart(2, '0')}`);
    const actuals = run.ss.getSheetByName('Actuals')!;
    // Jan target | Jan actual | Feb target | Feb actual …: the plan reads the actual columns only.
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const pairs = [
      ['Metric', ...months.flatMap((m) => [`${m} target`, `${m} actual`])],
      ...grid.slice(1).map(([id, ...cells]) => [id, ...cells.flatMap((cell) => [999, cell])]),
    ];
    actuals.clear();
    actuals.getRange(1, 1, pairs.length, pairs[0].length).setValues(pairs);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const { plan, issues } = parsePlan(toWorkbook(run.ss) as Workbook, { timeZone });
    expect(plan.actuals.length).toBeGreaterThan(0);
    const tip = issues.find((i) => i.code === 'wide-actuals')!;
    expect(tip.fix.en).toContain('so those columns stay blank');
    const rows = valuesOf(run.ss, 'Targets');
    const at = (rows[0] as unknown[]).indexOf('Current value');
    expect(
      rows
        .slice(1)
        .filter((r) => r[1] === 'target')
        .map((r) => r[at]),
    ).toEqual(Array(8).fill(''));
  });

  it('says a figure typed as text under a month, which the formulas take as nothing, at its cell', () => {
    const { run, grid } = wideExample('en_US', (m) => `2026-${String(m).padStart(2, '0')}`);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const row = grid.findIndex((r) => r[0] === 'KR1') + 1;
    run.ss.getSheetByName('Actuals')!.getRange(row, 5).setValue('90k');
    const { issues } = parsePlan(toWorkbook(run.ss) as Workbook, { timeZone });
    const said = issues.filter((i) => i.code === 'unreadable-by-formulas' && i.sheet === 'Actuals');
    expect(said.map((i) => [i.a1, i.message.en])).toEqual([[`E${row}`, expect.stringContaining('"90k"')]]);
  });
});
