/**
 * The Targets tab's Status of threshold key results whose due month is judged: reached in every month of the
 * window is done, short in one is missed, not due yet goes by pace; HyperFormula's evaluation equals planProgress.
 */
import { describe, expect, it } from 'vitest';
import {
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  planProgress,
  STATUS_LABELS,
  type Workbook,
} from '../shared';
import { evaluatedTargets } from './helpers/targets';

const serial = (iso: string) => isoToSerial(iso);
const AS_OF = '2026-11-15';

/** The example plan with KR3–KR5 as threshold key results (at least 2 in a month), and their check-ins. */
function thresholdWorkbook(): Workbook {
  const workbook = exampleWorkbook('en', { date: serial });
  const krs = workbook['Key Results'];
  const col = (name: string) => (krs[0] as string[]).indexOf(name);
  const variants: [string, string, string][] = [
    ['KR3', '2026-05-01', '2026-12-31'], // due in December: judged by pace as of November
    ['KR4', '2026-05-01', '2026-06-30'], // due in June, reached in May and June: done
    ['KR5', '2026-05-01', '2026-06-30'], // due in June, reached in May, short in June: missed
  ];
  for (const [id, start, due] of variants) {
    const row = krs.find((r) => r[0] === id)!;
    row[col('Type')] = 'threshold';
    row[col('Unit')] = 'deals';
    row[col('Phasing')] = 'even';
    row[col('Baseline')] = 0;
    row[col('Target')] = 2;
    row[col('Start')] = serial(start);
    row[col('Due')] = serial(due);
  }
  const [header, ...rows] = workbook['Actuals'];
  const at = (name: string) => (header as string[]).indexOf(name);
  const checkIn = (date: string, metric: string, value: number) => {
    const cells: (string | number)[] = (header as string[]).map(() => '');
    cells[at('Date')] = serial(date);
    cells[at('Metric')] = metric;
    cells[at('Value')] = value;
    return cells;
  };
  const others = rows.filter((r) => !['KR3', 'KR4', 'KR5'].includes(String(r[at('Metric')])));
  workbook['Actuals'] = [
    header,
    ...others,
    checkIn('2026-05-20', 'KR4', 2),
    checkIn('2026-06-12', 'KR4', 3),
    checkIn('2026-05-20', 'KR5', 2),
    checkIn('2026-06-12', 'KR5', 1),
    checkIn('2026-10-20', 'KR3', 1),
    checkIn('2026-11-03', 'KR3', 2),
  ];
  return workbook;
}

describe('Targets tab Status of threshold key results', () => {
  it('is done when reached every month to the due month, missed when short, by pace before: equal to planProgress', () => {
    const workbook = thresholdWorkbook();
    expect(parsePlan(workbook).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const { plan, summary } = evaluatedTargets(workbook, AS_OF);
    const progress = planProgress(plan, AS_OF);
    const byId = new Map(progress.keyResults.map((p) => [p.id, p.status]));
    // The plan holds both outcomes of a judged due month, so both branches of the formula are evaluated.
    expect(byId.get('KR4')).toBe('done');
    expect(byId.get('KR5')).toBe('missed');
    for (const p of [...progress.keyResults, ...progress.kpis])
      expect(summary(p.id, 'status'), p.id).toBe(STATUS_LABELS[p.status].en);
  });
});

describe('Targets tab Status of a cumulative key result past its target with the judged month not checked in', () => {
  it('is done, in the tab and in progress; one not past it is no data in both', () => {
    for (const [target, expected] of [
      [30_000, 'done'], // KR2's sign-ups through September are over 30,000
      [50_000, 'no-data'],
    ] as const) {
      const workbook = exampleWorkbook('en', { date: serial });
      const krs = workbook['Key Results'];
      krs.find((r) => r[0] === 'KR2')![(krs[0] as string[]).indexOf('Target')] = target;
      const actuals = workbook['Actuals'];
      const metric = (actuals[0] as string[]).indexOf('Metric');
      const date = (actuals[0] as string[]).indexOf('Date');
      // October's row of KR2 not typed yet.
      workbook['Actuals'] = actuals.filter(
        (r, i) => i === 0 || !(r[metric] === 'KR2' && Number(r[date]) >= serial('2026-10-01')),
      );
      const { plan, summary } = evaluatedTargets(workbook, AS_OF);
      const kr2 = planProgress(plan, AS_OF).keyResults.find((k) => k.id === 'KR2')!;
      expect(kr2).toMatchObject({ status: expected, missingCheckIn: '2026-10' });
      expect(summary('KR2', 'status')).toBe(STATUS_LABELS[expected].en);
    }
  });
});

describe('Targets tab of a milestone done before its Start', () => {
  it('counts the early done, as progress does: not started before its month is judged, done from then on', () => {
    const workbook = exampleWorkbook('en', { date: serial });
    const krs = workbook['Key Results'];
    const col = (name: string) => (krs[0] as string[]).indexOf(name);
    // KR4 planned for March to June, done on 20 February.
    const kr4 = krs.find((r) => r[0] === 'KR4')!;
    kr4[col('Start')] = serial('2026-03-01');
    kr4[col('Due')] = serial('2026-06-30');
    const actuals = workbook['Actuals'];
    const metric = (actuals[0] as string[]).indexOf('Metric');
    actuals.find((r) => r[metric] === 'KR4')![(actuals[0] as string[]).indexOf('Date')] =
      serial('2026-02-20');
    for (const [asOf, expected] of [
      ['2026-02-27', 'not-started'],
      ['2026-02-28', 'done'],
      ['2026-05-10', 'done'],
      [AS_OF, 'done'],
    ] as const) {
      const { plan, summary } = evaluatedTargets(workbook, asOf);
      const p = planProgress(plan, asOf).keyResults.find((k) => k.id === 'KR4')!;
      expect(p.status, asOf).toBe(expected);
      expect(summary('KR4', 'status'), asOf).toBe(STATUS_LABELS[expected].en);
      expect(summary('KR4', 'actualToDate'), asOf).toBe(p.current);
    }
  });
});
