/**
 * The example plan of the domain brief: an AI search optimisation (GEO) monitoring product launched in March,
 * objective O1 with KR1–KR3 owned by Sales, Marketing and Operations, an R&D objective, three KPIs, a roadmap
 * in pre-launch / launch / growth phases, and check-ins through October 2026.
 * Built from the template contract, in either language, as the same workbook shape the parser reads.
 */
import { inEveryLanguage, localized } from './i18n';
import type { Cell, Workbook } from './cells';
import {
  ENUMS,
  PHASES,
  STRATEGY_FIELDS,
  TABS,
  type Localized,
  type EnumKey,
  type Lang,
  type StrategyFieldKey,
  type TabKey,
} from './template';

/** The example's story is told as of this day: October's check-ins are in, November is under way. */
export const EXAMPLE_AS_OF = '2026-11-15';

/** A cell of a plan written in both languages at once: plain, bilingual text, or an enum value by key. */
export type PlanValue = string | number | Localized | { enum: EnumKey; value: string } | null;
type Value = PlanValue;
/** Rows of each table tab, keyed by the template's column keys. */
export type PlanRows = Record<Exclude<TabKey, 'strategy' | 'targets'>, Record<string, PlanValue>[]>;

export const enumValue = <K extends EnumKey>(enumKey: K, value: keyof (typeof ENUMS)[K] & string): Value => ({
  enum: enumKey,
  value,
});
const e = enumValue;

const strategy: Record<StrategyFieldKey, Value> = {
  product: localized((m) => m.example.strategy.product),
  vision: localized((m) => m.example.strategy.vision),
  strategy: localized((m) => m.example.strategy.strategy),
  targetUsers: localized((m) => m.example.strategy.targetUsers),
  problem: localized((m) => m.example.strategy.problem),
  category: localized((m) => m.example.strategy.category),
  businessGoal: localized((m) => m.example.strategy.businessGoal),
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'USD',
  // Each language's workbook names its own language.
  language: inEveryLanguage((lang) => lang),
};

const D = {
  sales: localized((m) => m.example.D.sales),
  marketing: localized((m) => m.example.D.marketing),
  operations: localized((m) => m.example.D.operations),
  rnd: localized((m) => m.example.D.rnd),
  support: localized((m) => m.example.D.support),
};

const rows: PlanRows = {
  departments: [
    { name: D.sales, lead: 'Maria Chen', color: '#0072B2' },
    { name: D.marketing, lead: 'Liam Park', color: '#E69F00' },
    { name: D.operations, lead: 'Ana Silva', color: '#009E73' },
    { name: D.rnd, lead: 'Wei Zhang', color: '#CC79A7' },
    { name: D.support, lead: 'Sam Okafor', color: '#56B4E9' },
  ],
  objectives: [
    {
      id: 'O1',
      title: localized((m) => m.example.rows.objectives.O1.title),
      owner: D.sales,
      parent: null,
      start: '2026-03-01',
      end: '2026-12-31',
      notes: localized((m) => m.example.rows.objectives.O1.notes),
    },
    {
      id: 'O2',
      title: localized((m) => m.example.rows.objectives.O2.title),
      owner: D.rnd,
      parent: 'O1',
      start: '2026-01-01',
      end: '2026-12-31',
      notes: null,
    },
  ],
  keyResults: [
    {
      id: 'KR1',
      objective: 'O1',
      title: localized((m) => m.example.rows.keyResults.KR1.title),
      owner: D.sales,
      type: e('type', 'cumulative'),
      unit: 'USD',
      direction: e('direction', 'increase'),
      baseline: 0,
      target: 1_000_000,
      start: '2026-03-01',
      due: '2026-08-31',
      phasing: e('phasing', 'ramp-up'),
      weight: 1,
      confidence: 0.7,
    },
    {
      id: 'KR2',
      objective: 'O1',
      title: localized((m) => m.example.rows.keyResults.KR2.title),
      owner: D.marketing,
      type: e('type', 'cumulative'),
      unit: localized((m) => m.example.rows.keyResults.KR2.unit),
      direction: e('direction', 'increase'),
      baseline: 0,
      target: 50_000,
      start: '2026-03-01',
      due: '2026-12-31',
      phasing: e('phasing', 'even'),
      weight: 1,
      confidence: 0.8,
    },
    {
      id: 'KR3',
      objective: 'O1',
      title: localized((m) => m.example.rows.keyResults.KR3.title),
      owner: D.operations,
      type: e('type', 'level'),
      unit: '%',
      direction: e('direction', 'increase'),
      baseline: 0.05,
      target: 0.2,
      start: '2026-03-01',
      due: '2026-12-31',
      phasing: e('phasing', 'even'),
      weight: 1,
      confidence: 0.5,
    },
    {
      id: 'KR4',
      objective: 'O2',
      title: localized((m) => m.example.rows.keyResults.KR4.title),
      owner: D.rnd,
      type: e('type', 'milestone'),
      unit: null,
      direction: e('direction', 'increase'),
      baseline: 0,
      target: 1,
      start: '2026-01-01',
      due: '2026-03-31',
      phasing: null,
      weight: 1,
      confidence: 0.9,
    },
    {
      id: 'KR5',
      objective: 'O2',
      title: localized((m) => m.example.rows.keyResults.KR5.title),
      owner: D.rnd,
      type: e('type', 'level'),
      unit: '%',
      direction: e('direction', 'increase'),
      baseline: 0.7,
      target: 0.9,
      start: '2026-01-01',
      due: '2026-12-31',
      phasing: e('phasing', 'even'),
      weight: 1,
      confidence: 0.7,
    },
  ],
  kpis: [
    {
      id: 'KPI1',
      name: localized((m) => m.example.rows.kpis.KPI1.name),
      owner: D.sales,
      keyResult: 'KR1',
      unit: '%',
      direction: e('direction', 'increase'),
      target: 0.05,
      cadence: e('cadence', 'monthly'),
    },
    {
      id: 'KPI2',
      name: localized((m) => m.example.rows.kpis.KPI2.name),
      owner: D.support,
      keyResult: 'KR3',
      unit: localized((m) => m.example.rows.kpis.KPI2.unit),
      direction: e('direction', 'decrease'),
      target: 1,
      cadence: e('cadence', 'monthly'),
    },
    {
      id: 'KPI3',
      name: localized((m) => m.example.rows.kpis.KPI3.name),
      owner: D.marketing,
      keyResult: 'KR2',
      unit: localized((m) => m.example.rows.kpis.KPI3.unit),
      direction: e('direction', 'increase'),
      target: 5000,
      cadence: e('cadence', 'monthly'),
    },
  ],
  roadmap: [
    {
      id: 'R1',
      item: localized((m) => m.example.rows.roadmap.R1.item),
      phase: PHASES['pre-launch'],
      owner: D.rnd,
      start: '2026-01-05',
      end: '2026-02-27',
      keyResults: 'KR4, KR5',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R2',
      item: localized((m) => m.example.rows.roadmap.R2.item),
      phase: PHASES['pre-launch'],
      owner: D.marketing,
      start: '2026-02-02',
      end: '2026-03-13',
      keyResults: 'KR2',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R3',
      item: localized((m) => m.example.rows.roadmap.R3.item),
      phase: PHASES.launch,
      owner: D.rnd,
      start: '2026-03-02',
      end: '2026-03-31',
      keyResults: 'KR4',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R4',
      item: localized((m) => m.example.rows.roadmap.R4.item),
      phase: PHASES.launch,
      owner: D.sales,
      start: '2026-03-02',
      end: '2026-04-30',
      keyResults: 'KR1',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R5',
      item: localized((m) => m.example.rows.roadmap.R5.item),
      phase: PHASES.launch,
      owner: D.operations,
      start: '2026-03-02',
      end: '2026-05-29',
      keyResults: 'KR3',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R6',
      item: localized((m) => m.example.rows.roadmap.R6.item),
      phase: PHASES.growth,
      owner: D.marketing,
      start: '2026-04-01',
      end: '2026-12-18',
      keyResults: 'KR2',
      status: e('roadmapStatus', 'in-progress'),
    },
    {
      id: 'R7',
      item: localized((m) => m.example.rows.roadmap.R7.item),
      phase: PHASES.growth,
      owner: D.sales,
      start: '2026-05-04',
      end: '2026-08-31',
      keyResults: 'KR1',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R8',
      item: localized((m) => m.example.rows.roadmap.R8.item),
      phase: PHASES.growth,
      owner: D.support,
      start: '2026-04-01',
      end: '2026-12-31',
      keyResults: 'KR3',
      status: e('roadmapStatus', 'in-progress'),
    },
    {
      id: 'R9',
      item: localized((m) => m.example.rows.roadmap.R9.item),
      phase: PHASES.growth,
      owner: D.rnd,
      start: '2026-04-01',
      end: '2026-12-31',
      keyResults: 'KR5',
      status: e('roadmapStatus', 'in-progress'),
    },
  ],
  actuals: [
    ...series(
      'KR1',
      ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'],
      [40_000, 90_000, 150_000, 170_000, 210_000, 260_000],
    ),
    ...series('KR2', months(3, 10), [3200, 4100, 4800, 5200, 5600, 5100, 4700, 4900]),
    ...series('KR3', months(3, 10), [0.06, 0.08, 0.09, 0.1, 0.11, 0.12, 0.12, 0.13]),
    {
      date: '2026-03-24',
      metric: 'KR4',
      value: 1,
      note: localized((m) => m.example.rows.actuals['3'].note),
    },
    ...series('KR5', months(1, 10), [0.71, 0.73, 0.75, 0.77, 0.78, 0.8, 0.81, 0.83, 0.84, 0.86]),
    ...series(
      'KPI1',
      ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'],
      [1.25, 0.67, 0.13, 0.24, 0.24],
    ),
    ...series('KPI2', months(3, 10), [2.5, 1.8, 1.2, 0.9, 0.8, 0.9, 1.1, 0.7]),
    ...series('KPI3', months(3, 10), [3200, 4100, 4800, 5200, 5600, 5100, 4700, 4900]),
  ],
  changes: [
    {
      timestamp: '2026-06-02 10:15',
      sheet: localized((m) => m.example.rows.changes.KR3.sheet),
      cell: 'I4',
      id: 'KR3',
      field: localized((m) => m.example.rows.changes.KR3.field),
      oldValue: '25%',
      newValue: '20%',
      reason: localized((m) => m.example.rows.changes.KR3.reason),
      // Operations' lead, as the add-on logs her when Google gives the editor's address (docs/addon.md, "The change log").
      who: 'ana.silva@example.com',
    },
  ],
};

function months(from: number, to: number): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m++) out.push(`2026-${String(m).padStart(2, '0')}`);
  return out;
}

/** Check-ins dated the last working days of each month, as teams enter them. */
function series(metric: string, monthList: string[], values: number[]): Record<string, Value>[] {
  return monthList.map((month, i) => ({ date: `${month}-28`, metric, value: values[i], note: null }));
}

export interface ExampleOptions {
  /** Turns an ISO date into the cell a target wants: a Date for exceljs or Apps Script, a string for JSON. */
  date?: (iso: string) => Cell;
}

function render(value: Value, lang: Lang): Cell {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if ('enum' in value) return (ENUMS[value.enum] as Record<string, Localized>)[value.value][lang];
  return value[lang];
}

/**
 * A plan written as strategy values and keyed rows, as a workbook in one language: tab name → rows, header first,
 * every header from the template. Dates are ISO strings unless `options.date` converts them. The Targets tab is
 * not included: it is generated (see targets-sheet.ts).
 */
export function planWorkbook(
  strategyValues: Record<StrategyFieldKey, PlanValue>,
  tableRows: PlanRows,
  lang: Lang,
  options: ExampleOptions = {},
): Workbook {
  const toDate = options.date ?? ((iso: string) => iso);
  const workbook: Workbook = {};
  for (const tab of TABS) {
    if (tab.key === 'targets') continue;
    const header = tab.columns.map((c) => c.label[lang]);
    if (tab.key === 'strategy') {
      workbook[tab.label[lang]] = [
        header,
        ...STRATEGY_FIELDS.map((f) => {
          const value = render(strategyValues[f.key], lang);
          return [f.label[lang], f.kind === 'date' && typeof value === 'string' ? toDate(value) : value];
        }),
      ];
      continue;
    }
    workbook[tab.label[lang]] = [
      header,
      ...tableRows[tab.key].map((row) =>
        tab.columns.map((c) => {
          const value = render(row[c.key] ?? null, lang);
          return c.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? toDate(value)
            : value;
        }),
      ),
    ];
  }
  return workbook;
}

/** The example plan as a workbook in one language (see planWorkbook). */
export function exampleWorkbook(lang: Lang = 'en', options: ExampleOptions = {}): Workbook {
  return planWorkbook(strategy, rows, lang, options);
}
