/**
 * Two plans of a QA pass on the numbers the add-on shows (its gen-edge and gen scripts), as keyed rows: the edge
 * plan, whose readings sit a hair short of their bars (69.96% of a 70% level, 19.96% of a 20% threshold), and the
 * stress plan, with every type and phasing, a custom-weighted key result and check-ins on the first and last days
 * of months. `planWorkbook(QA_STRATEGY, rows, 'en', { date })` makes either a workbook.
 */
import { enumValue as e, type PlanRows } from '../../shared/example';
import type { StrategyFieldKey } from '../../shared';
import type { PlanValue } from '../../shared/example';

export const QA_STRATEGY: Record<StrategyFieldKey, PlanValue> = {
  product: 'Stress',
  vision: 'v',
  strategy: 's',
  targetUsers: 't',
  problem: 'p',
  category: 'c',
  businessGoal: 'b',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'USD',
  language: 'en',
};

type Row = Record<string, PlanValue>;

/** Check-ins of one metric: [date, value] pairs. */
export const checkIns = (metric: string, entries: [string, number][]): Row[] =>
  entries.map(([date, value]) => ({ date, metric, value, note: null }));

/** A Key Results row (its title "KR1 level" and so on). */
export function keyResult(
  id: string,
  objective: string,
  owner: string,
  type: 'cumulative' | 'level' | 'threshold' | 'milestone',
  unit: string | null,
  direction: 'increase' | 'decrease',
  baseline: number,
  target: number,
  start: string,
  due: string,
  phasing: 'even' | 'ramp-up' | 'front-loaded' | 'custom' | null,
  weight: number,
): Row {
  return {
    id,
    objective,
    title: `${id} ${type}`,
    owner,
    type: e('type', type),
    unit,
    direction: e('direction', direction),
    baseline,
    target,
    start,
    due,
    phasing: phasing ? e('phasing', phasing) : null,
    weight,
    confidence: null,
  };
}

const kpi = (
  id: string,
  name: string,
  owner: string,
  kr: string,
  unit: string,
  target: number,
  down = false,
) => ({
  id,
  name,
  owner,
  keyResult: kr,
  unit,
  direction: e('direction', down ? 'decrease' : 'increase'),
  target,
  cadence: e('cadence', 'monthly'),
});

const objective = (id: string, title: string, owner: string): Row => ({
  id,
  title,
  owner,
  parent: null,
  start: '2026-01-01',
  end: '2026-12-31',
  notes: null,
});

/** The edge plan's readings of a 20% bar and a 50-demo bar: met in April, missed by a hair in May and June. */
export const EDGE_RATE_READINGS: [string, number][] = [
  ['2026-04-30', 0.21],
  ['2026-05-31', 0.196],
  ['2026-06-30', 0.1996],
];
export const EDGE_DEMO_READINGS: [string, number][] = [
  ['2026-04-30', 51],
  ['2026-05-31', 49.96],
  ['2026-06-30', 49.96],
];

/** The stress plan's KR7, an activation rate ramping up from 20% to 35%: a little behind by June. */
export const STRESS_KR7_READINGS: [string, number][] = [
  ['2026-01-31', 0.21],
  ['2026-02-28', 0.215],
  ['2026-03-31', 0.22],
  ['2026-04-30', 0.225],
  ['2026-05-31', 0.23],
  ['2026-06-30', 0.235],
];

/** The edge plan (judge it as of 2026-06-30). */
export function edgeRows(): PlanRows {
  return {
    departments: [
      { name: 'Sales', lead: 'A', color: null },
      { name: 'Ops', lead: 'B', color: null },
    ],
    objectives: [
      objective('O1', 'Bars', 'Sales'),
      objective('O2', 'Money', 'Sales'),
      objective('O3', 'Later', 'Ops'),
    ],
    keyResults: [
      keyResult(
        'KR1',
        'O1',
        'Sales',
        'threshold',
        '%',
        'increase',
        0,
        0.2,
        '2026-04-01',
        '2026-12-31',
        'even',
        1,
      ),
      keyResult(
        'KR2',
        'O1',
        'Sales',
        'threshold',
        'demos',
        'increase',
        0,
        50,
        '2026-04-01',
        '2026-12-31',
        'even',
        1,
      ),
      keyResult(
        'KR3',
        'O2',
        'Sales',
        'cumulative',
        'USD',
        'increase',
        0,
        450000,
        '2026-01-01',
        '2026-06-30',
        'even',
        1,
      ),
      keyResult(
        'KR4',
        'O2',
        'Ops',
        'level',
        'hours',
        'decrease',
        10,
        4,
        '2026-01-01',
        '2026-12-31',
        'even',
        0,
      ),
      keyResult(
        'KR5',
        'O3',
        'Ops',
        'cumulative',
        'leads',
        'increase',
        0,
        600,
        '2026-06-15',
        '2026-11-30',
        'front-loaded',
        1,
      ),
      keyResult(
        'KR6',
        'O2',
        'Ops',
        'level',
        '%',
        'increase',
        0.5,
        0.7,
        '2026-01-01',
        '2026-06-30',
        'even',
        1,
      ),
    ],
    kpis: [
      kpi('KPI1', 'Win rate', 'Sales', 'KR1', '%', 0.2),
      kpi('KPI2', 'Demos', 'Sales', 'KR2', 'demos', 50),
    ],
    roadmap: [],
    actuals: [
      ...checkIns('KR1', EDGE_RATE_READINGS),
      ...checkIns('KR2', EDGE_DEMO_READINGS),
      ...checkIns('KR3', [
        ['2026-01-31', 75000],
        ['2026-02-28', 75000],
        ['2026-03-31', 75000],
        ['2026-04-30', 75000],
        ['2026-05-31', 75000],
        ['2026-06-30', 74230],
      ]),
      ...checkIns('KR4', [
        ['2026-01-31', 9.5],
        ['2026-06-30', 3.5],
      ]),
      ...checkIns('KR5', [['2026-06-20', 150]]),
      ...checkIns('KR6', [['2026-06-30', 0.6996]]),
      ...checkIns('KPI1', EDGE_RATE_READINGS),
      ...checkIns('KPI2', EDGE_DEMO_READINGS),
    ],
    changes: [],
  };
}

/** The stress plan (judge it as of 2026-06-30); KR3 is custom-phased, its weights typed on the Targets tab. */
export function stressRows(): PlanRows {
  return {
    departments: ['Sales', 'Marketing', 'Operations', 'Support'].map((name, i) => ({
      name,
      lead: 'ABCD'[i],
      color: null,
    })),
    objectives: [objective('O1', 'Grow revenue', 'Sales'), objective('O2', 'Run well', 'Operations')],
    keyResults: [
      keyResult(
        'KR1',
        'O1',
        'Sales',
        'cumulative',
        'USD',
        'increase',
        0,
        1_000_000,
        '2026-03-01',
        '2026-08-31',
        'ramp-up',
        3,
      ),
      keyResult(
        'KR2',
        'O1',
        'Marketing',
        'cumulative',
        'sign-ups',
        'increase',
        1000,
        13345,
        '2026-01-01',
        '2026-12-31',
        'front-loaded',
        1,
      ),
      keyResult(
        'KR3',
        'O1',
        'Sales',
        'cumulative',
        'deals',
        'increase',
        0,
        250,
        '2026-05-15',
        '2026-10-31',
        'custom',
        2,
      ),
      keyResult(
        'KR4',
        'O2',
        'Operations',
        'level',
        '%',
        'decrease',
        0.08,
        0.03,
        '2026-02-01',
        '2026-11-30',
        'even',
        1,
      ),
      keyResult(
        'KR5',
        'O2',
        'Operations',
        'threshold',
        'demos',
        'increase',
        0,
        50,
        '2026-04-01',
        '2026-09-30',
        'even',
        1,
      ),
      keyResult(
        'KR6',
        'O2',
        'Operations',
        'milestone',
        null,
        'increase',
        0,
        1,
        '2026-01-01',
        '2026-06-30',
        null,
        1,
      ),
      keyResult(
        'KR7',
        'O2',
        'Marketing',
        'level',
        '%',
        'increase',
        0.2,
        0.35,
        '2026-01-01',
        '2026-12-31',
        'ramp-up',
        1,
      ),
    ],
    kpis: [
      kpi('KPI1', 'First response', 'Support', 'KR4', 'hours', 2, true),
      kpi('KPI2', 'Growth', 'Marketing', 'KR7', '%', 0.05),
    ],
    roadmap: [
      {
        id: 'R1',
        item: 'Launch',
        phase: 'Launch',
        owner: 'Sales',
        start: '2026-03-01',
        end: '2026-06-30',
        keyResults: 'KR1',
        status: e('roadmapStatus', 'in-progress'),
      },
    ],
    actuals: [
      ...checkIns('KR1', [
        ['2026-03-31', 40000],
        ['2026-04-30', 90000],
        ['2026-05-31', 150000],
        ['2026-06-30', 170000],
        ['2026-07-01', 210000],
      ]),
      ...checkIns('KR2', [
        ['2026-01-31', 2000],
        ['2026-02-28', 1800],
        ['2026-03-31', 1700],
        ['2026-04-30', 1500],
        ['2026-05-31', 1300],
        ['2026-06-30', 1100],
      ]),
      ...checkIns('KR3', [
        ['2026-05-20', 10],
        ['2026-06-30', 40],
        ['2026-07-15', 30],
      ]),
      ...checkIns('KR4', [
        ['2026-02-27', 0.078],
        ['2026-03-31', 0.07],
        ['2026-04-30', 0.066],
        ['2026-05-31', 0.061],
        ['2026-06-30', 0.058],
      ]),
      ...checkIns('KR5', [
        ['2026-04-30', 55],
        ['2026-05-31', 49.999],
        ['2026-06-30', 50],
      ]),
      ...checkIns('KR6', [['2026-06-30', 1]]),
      ...checkIns('KR7', STRESS_KR7_READINGS),
      ...checkIns('KPI1', [
        ['2026-02-27', 2.5],
        ['2026-03-31', 2],
        ['2026-04-30', 1.9],
        ['2026-05-31', 2.1],
        ['2026-06-30', 1.5],
      ]),
      ...checkIns('KPI2', [
        ['2026-01-31', 0.06],
        ['2026-02-28', 0.04],
        ['2026-03-31', 0.05],
        ['2026-04-30', 0.07],
        ['2026-05-31', 0.05],
        ['2026-06-30', 0.0499],
      ]),
    ],
    changes: [],
  };
}
