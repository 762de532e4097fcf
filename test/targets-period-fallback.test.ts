/**
 * The Targets tab against the plan core where a row falls back on the period: a key result without a Start or a
 * Due (blank, or not a date), a KPI tied to no key result, and the Strategy tab's period cells they then read.
 * Through the built add-on with real cells: Decompose targets, the sidebar's check, its quick fix, and the tab
 * recalculated by the emulator compared with `decompose` and `planProgress` cell by cell.
 */
import { describe, expect, it } from 'vitest';
import { toWorkbook } from '../emulator/index';
import { dateToIso, decompose, parsePlan, planProgress, STATUS_LABELS, type Workbook } from '../shared';
import { examplePlan } from '../sandbox/plans';
import type { PlanCheck } from '../apps-script/server/plan-check';
import type { QuickFixResult } from '../apps-script/server/quick-fix';
import { loadAddon, valuesOf, type ActionResult, type AddonRun } from './helpers/addon';
import { metricSpecs } from './helpers/metric-specs';

type Options = { locale?: string; timeZone?: string };

/** The example plan in the emulated add-on, a cell or more changed as a person types them, then decomposed. */
function decomposed(edit: (run: AddonRun) => void, options: Options = {}): AddonRun {
  const run = loadAddon({ workbook: examplePlan('en', options.timeZone), ...options });
  edit(run);
  const result = run.run('decomposeTargets') as ActionResult;
  expect(result.ok, result.message).toBe(true);
  return run;
}

/** Types a value into a plan cell found by the row's ID (first column) and the column's header. */
function type(run: AddonRun, sheet: string, id: string, header: string, value: string | number): void {
  const values = valuesOf(run.ss, sheet);
  const row = values.findIndex((r) => r[0] === id);
  const column = values[0].indexOf(header);
  expect(row >= 0 && column >= 0, `${sheet} ${id} ${header}`).toBe(true);
  run.ss
    .getSheetByName(sheet)!
    .getRange(row + 1, column + 1)
    .setValue(value);
}

/** The Strategy tab's Value cell of a field (Period start, Period end). */
function strategyCell(run: AddonRun, field: string): string {
  const values = valuesOf(run.ss, 'Strategy');
  const row = values.findIndex((r) => r[0] === field);
  expect(row).toBeGreaterThanOrEqual(0);
  return `B${row + 1}`;
}

const issues = (run: AddonRun) =>
  (run.project.callFromClient('getPlanCheck') as PlanCheck).groups.flatMap((g) => g.issues);

const fix = (run: AddonRun, code: string, sheet: string, a1: string) =>
  run.project.callFromClient('applyQuickFix', { code, sheet, a1 }) as QuickFixResult;

/**
 * Where the Targets tab differs from the core: every month cell of every metric against `decompose`, and the
 * to-date columns against `planProgress` as of the tab's As of day. Empty when they agree cell by cell.
 */
function differences(run: AddonRun, options: Options = {}): string[] {
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const { plan } = parsePlan(toWorkbook(run.ss) as Workbook, { timeZone, locale: options.locale });
  const grid = valuesOf(run.ss, 'Targets');
  const header = grid[0];
  const column = (label: string) => header.indexOf(label);
  const monthColumn = (month: string) =>
    header.findIndex((h) => h instanceof Date && dateToIso(h, timeZone)!.startsWith(month));
  const rowOf = (id: string) => grid.find((r) => r[0] === id && r[1] === 'target');
  const out: string[] = [];
  const same = (got: unknown, want: number | null) =>
    want === null ? got === '' || got === null : typeof got === 'number' && Math.abs(got - want) < 1e-9;
  for (const { id, spec } of metricSpecs(plan)) {
    const row = rowOf(id);
    if (!row || !spec) {
      out.push(`${id}: ${row ? 'no spec' : 'no row'}`);
      continue;
    }
    for (const { month, target } of decompose(spec, plan.period!.months)) {
      const got = row[monthColumn(month)];
      if (!same(got, target)) out.push(`${id} ${month}: tab ${String(got)}, core ${target}`);
    }
  }
  const asOf = dateToIso(grid[1][column('As of')] as Date, timeZone)!;
  const progress = planProgress(plan, asOf);
  for (const p of [...progress.keyResults, ...progress.kpis]) {
    const row = rowOf(p.id)!;
    const figures: [string, number | null][] = [
      ['Expected by now', p.expected],
      ['Current value', p.current],
      ['Attainment', p.attainment],
    ];
    for (const [label, want] of figures) {
      const got = row[column(label)];
      if (!same(got, want)) out.push(`${p.id} ${label}: tab ${String(got)}, core ${want}`);
    }
    const status = STATUS_LABELS[p.status][plan.lang];
    if (row[column('Status')] !== status)
      out.push(`${p.id} Status: tab ${String(row[column('Status')])}, core ${status}`);
  }
  return out;
}

describe('A period typed as month text on the Strategy tab', () => {
  for (const [field, typed, shown, edit] of [
    // A KPI tied to no key result reads both period cells.
    ['Period end', '2026-12', '2026-12-31', (run: AddonRun) => type(run, 'KPIs', 'KPI3', 'Key result', '')],
    // A key result without a Start reads the period start.
    [
      'Period start',
      '2026-01',
      '2026-01-01',
      (run: AddonRun) => type(run, 'Key Results', 'KR5', 'Start', ''),
    ],
  ] as const) {
    it(`is unreadable-by-formulas at its cell, whose quick fix types ${shown}; the tab then equals the core (${field} "${typed}")`, () => {
      const run = decomposed((run) => {
        edit(run);
        run.ss.getSheetByName('Strategy')!.getRange(strategyCell(run, field)).setValue(typed);
      });
      const a1 = strategyCell(run, field);
      // The core reads the month; the formulas cannot.
      expect(parsePlan(toWorkbook(run.ss) as Workbook).plan.period).toMatchObject({
        start: '2026-01-01',
        end: '2026-12-31',
      });
      expect(differences(run)).not.toEqual([]);
      const unreadable = issues(run).filter((i) => i.code === 'unreadable-by-formulas');
      expect(unreadable.map((i) => [i.sheet, i.a1, i.severity, i.quickFix?.label])).toEqual([
        ['Strategy', a1, 'warning', `Type ${shown}`],
      ]);
      expect(unreadable[0].message).toContain(`"${typed}"`);
      // No Rebuild offered beside it: a rebuild would read the same text.
      expect(issues(run).filter((i) => i.quickFix?.kind === 'rebuild-targets')).toEqual([]);

      const result = fix(run, 'unreadable-by-formulas', 'Strategy', a1);
      expect(result.ok, result.message).toBe(true);
      expect(result.changed).toEqual([`Strategy!${a1}`]);
      expect(run.ss.getSheetByName('Strategy')!.getRange(a1).getValue()).toBeInstanceOf(Date);
      expect(differences(run)).toEqual([]);
      expect(
        issues(run).filter((i) => i.code.startsWith('targets-') || i.code === 'unreadable-by-formulas'),
      ).toEqual([]);
    });
  }
});

describe('A key result without a Due the plan can read', () => {
  for (const [label, due, options, code] of [
    ['blank', '', {}, 'missing-value'],
    ['"Dec"', 'Dec', {}, 'not-a-date'],
    ['"12/2026"', '12/2026', {}, 'not-a-date'],
    ['"12.2026" in de_DE', '12.2026', { locale: 'de_DE', timeZone: 'Europe/Berlin' }, 'not-a-date'],
    ['"31.12.2026" in de_DE', '31.12.2026', { locale: 'de_DE', timeZone: 'Europe/Berlin' }, 'not-a-date'],
  ] as [string, string, Options, string][]) {
    it(`takes the period end on the Targets tab as in the core, with the error at its cell and no Rebuild (${label})`, () => {
      const run = decomposed((run) => type(run, 'Key Results', 'KR2', 'Due', due), options);
      const plan = parsePlan(toWorkbook(run.ss) as Workbook, {
        timeZone: options.timeZone,
        locale: options.locale,
      }).plan;
      expect(plan.keyResults.find((k) => k.id === 'KR2')!.due).toBeNull();
      // Every month and to-date figure of KR2 and of KPI3 (which tracks KR2) is the core's: KR2 is rated.
      expect(differences(run, options)).toEqual([]);
      const all = issues(run);
      expect(
        all.filter((i) => i.sheet === 'Key Results' && i.a1 === 'K3').map((i) => [i.code, i.quickFix]),
      ).toEqual([[code, null]]);
      expect(all.filter((i) => i.code.startsWith('targets-'))).toEqual([]);
      expect(all.filter((i) => i.quickFix?.kind === 'rebuild-targets')).toEqual([]);
    });
  }
});

describe('A cell the formulas cannot read, on a row of the Targets tab', () => {
  it('is said by its unreadable-by-formulas warning alone, never also by a targets-mismatch whose Rebuild would change nothing', () => {
    const run = decomposed(() => {});
    type(run, 'Key Results', 'KR2', 'Phasing', 'ramp  up');
    // The formulas take the text for even phasing; the core reads ramp-up.
    expect(differences(run).some((d) => d.startsWith('KR2 2026-'))).toBe(true);
    const codes = () =>
      issues(run).filter((i) => i.sheet === 'Targets' || i.code === 'unreadable-by-formulas');
    expect(codes().map((i) => [i.code, i.sheet, i.a1, i.quickFix?.label])).toEqual([
      ['unreadable-by-formulas', 'Key Results', 'L3', 'Type ramp-up'],
    ]);
    expect(fix(run, 'unreadable-by-formulas', 'Key Results', 'L3').ok).toBe(true);
    expect(codes()).toEqual([]);
    expect(differences(run)).toEqual([]);
  });

  it('still leaves a targets-mismatch, with its Rebuild, for a tab out of date', () => {
    // KR2's Target changed after the rebuild in a precision the tab does not have: a rebuild mends that.
    const run = decomposed(() => {});
    type(run, 'Key Results', 'KR2', 'Target', 50_000.5);
    const mismatch = issues(run).filter((i) => i.code === 'targets-mismatch');
    expect(mismatch.map((i) => i.quickFix?.label)).toEqual(['Rebuild Targets, judged as of today']);
    expect(fix(run, 'targets-mismatch', mismatch[0].sheet, mismatch[0].a1!).ok).toBe(true);
    expect(issues(run).filter((i) => i.code.startsWith('targets-'))).toEqual([]);
    expect(differences(run)).toEqual([]);
  });
});
