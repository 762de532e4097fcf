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

const issues = (run: AddonRun) =>
  (run.project.callFromClient('getPlanCheck') as PlanCheck).groups.flatMap((g) => g.issues);

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

describe('A key result without a Due the plan can read', () => {
  for (const [label, due, options, code] of [
    ['blank', '', {}, 'missing-value'],
    ['"Dec 2026"', 'Dec 2026', {}, 'not-a-date'],
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
