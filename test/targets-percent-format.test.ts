/**
 * The Targets tab shows a percentage as it is beside its bar: a level key result at 69.96% of a 70% target reads
 * "69.96%" beside "missed", not "70.0%". Decompose targets runs in the emulator on the QA pass's edge and stress
 * plans, and the test reads the texts the tab shows (getDisplayValues).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TARGETS_AS_OF, TARGETS_ATTAINMENT_FORMAT, TARGETS_PERCENT_FORMAT, type Workbook } from '../shared';
import { planWorkbook, type PlanRows } from '../shared/example';
import { loadAddon, zonedMidnight, type ActionResult } from './helpers/addon';
import { edgeRows, QA_STRATEGY, stressRows } from './helpers/qa-plans';

const TZ = 'Etc/UTC';

/** Decompose targets on the plan, judged as of `asOf`: each row's shown texts, values and formats by header. */
function decomposed(rows: PlanRows, asOf: string) {
  const workbook: Workbook = planWorkbook(QA_STRATEGY, rows, 'en', { date: (iso) => zonedMidnight(iso, TZ) });
  const run = loadAddon({ workbook, timeZone: TZ });
  const result = run.run('decomposeTargets') as ActionResult;
  expect(result.ok, result.message).toBe(true);
  run.ss.getRangeByName(TARGETS_AS_OF.name)!.setValue(zonedMidnight(asOf, TZ));
  const range = run.ss.getSheetByName('Targets')!.getDataRange();
  const [shown, values, formats] = [range.getDisplayValues(), range.getValues(), range.getNumberFormats()];
  const header = shown[0];
  const row = (id: string) => {
    const r = shown.findIndex((cells) => cells[0] === id);
    expect(r, id).toBeGreaterThan(0);
    const by = <T>(grid: T[][]) => Object.fromEntries(header.map((h, c) => [h, grid[r][c]]));
    return { shown: by(shown), value: by(values), format: by(formats) };
  };
  return { header, row };
}

const SUMMARY = ['Expected by now', 'Current value', 'Attainment', 'Status'];

describe('the Targets tab shows a percentage as it is', () => {
  let edge: ReturnType<typeof decomposed>;
  let stress: ReturnType<typeof decomposed>;
  beforeAll(() => {
    edge = decomposed(edgeRows(), '2026-06-30');
    stress = decomposed(stressRows(), '2026-06-30');
  });

  it('a level key result at 69.96% of its 70% reads 69.96% beside "missed" (KR6)', () => {
    const kr6 = edge.row('KR6');
    expect(SUMMARY.map((h) => kr6.shown[h])).toEqual(['70.0%', '69.96%', '99.8%', 'missed']);
    expect(
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => kr6.shown[m]),
    ).toEqual(['53.33%', '56.67%', '60.0%', '63.33%', '66.67%', '70.0%']);
  });

  it('a threshold key result and its KPI at 19.96% read so against a bar of 20.0% (KR1, KPI1)', () => {
    for (const id of ['KR1', 'KPI1']) {
      const shown = edge.row(id).shown;
      expect([shown['2026-06'], shown['Expected by now'], shown['Current value']], id).toEqual([
        '20.0%',
        '20.0%',
        '19.96%',
      ]);
      expect(shown.Status, id).toBe('off track');
    }
  });

  it('a KPI at 4.99% of its 5% reads 4.99% (the stress plan’s KPI2)', () => {
    const kpi2 = stress.row('KPI2');
    expect([kpi2.shown['2026-06'], kpi2.shown['Current value']]).toEqual(['5.0%', '4.99%']);
  });

  it('every % figure beside its bar or target has the format; the attainments keep their one decimal', () => {
    for (const id of ['KR1', 'KR6', 'KPI1']) {
      const format = edge.row(id).format;
      const months = edge.header.filter((h) => /^\d{4}-\d{2}$/.test(h));
      for (const h of [...months, 'Expected by now', 'Current value'])
        expect(format[h], `${id} ${h}`).toBe(TARGETS_PERCENT_FORMAT);
      expect(format.Attainment, id).toBe(TARGETS_ATTAINMENT_FORMAT);
    }
  });

  it('no % row shows its current value equal to the figure it is judged against unless the two are equal', () => {
    for (const [plan, ids] of [
      [edge, ['KR1', 'KR6', 'KPI1']],
      [stress, ['KR4', 'KR7', 'KPI2']],
    ] as const)
      for (const id of ids) {
        const { shown, value } = plan.row(id);
        const bar = id.startsWith('KPI') || id === 'KR1' ? shown['2026-06'] : shown['Expected by now'];
        const barValue = id.startsWith('KPI') || id === 'KR1' ? value['2026-06'] : value['Expected by now'];
        if (value['Current value'] !== barValue) expect(shown['Current value'], id).not.toBe(bar);
      }
  });
});
