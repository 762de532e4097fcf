/**
 * Property tests: whatever a workbook holds, the core never throws, and every issue points at a real cell.
 *
 * Three kinds of input: template-shaped workbooks with random cells (the parser gets deep), plain chaos
 * (random tab names, random grids, rows that are not even arrays), and the example plan with random cells
 * overwritten (checks and progress run on almost-valid plans).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  a1,
  buildTargetsSheet,
  checkPlan,
  ENUMS,
  exampleWorkbook,
  ISSUE_CATALOG,
  parsePlan,
  planProgress,
  STRATEGY_FIELDS,
  TABS,
  TARGETS_SUMMARY_COLUMNS,
  type Localized,
  type Cell,
  type CheckOptions,
  type PlanIssue,
  type Workbook,
} from '../shared';

const NUM_RUNS = 200;

// ---------------------------------------------------------------------------------------------------
// Arbitraries

const both = (b: Localized) => [b.en, b['zh-CN']];
const TAB_NAMES = TABS.flatMap((t) => both(t.label));
const HEADERS = [
  ...TABS.flatMap((t) => t.columns.flatMap((c) => both(c.label))),
  ...TARGETS_SUMMARY_COLUMNS.flatMap((c) => both(c.label)),
];
const FIELD_LABELS = STRATEGY_FIELDS.flatMap((f) => both(f.label));
const ENUM_LABELS = Object.values(ENUMS).flatMap((values) =>
  Object.values(values as Record<string, Localized>).flatMap(both),
);
const PLAUSIBLE = [
  'KR1',
  'KR2',
  'kr3',
  'O1',
  'o2',
  'KPI1',
  'R1',
  'Sales',
  'sales',
  'Marketing',
  'R&D',
  'KR1, KR2',
  'KR9; O1',
  '2026-01-01',
  '2026-03-01',
  '2026-12-31',
  '2026/6/30',
  '2026年3月1日',
  '2026-02-30',
  '03/04/2026',
  '20%',
  '1,000,000',
  'USD 1,000,000',
  '0.2',
  '-5',
  'abc',
  '  ',
  '\n',
];
const ERRORS = ['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#ERROR!', '#SPILL!'];

/** Upper/lower case and stray spaces, as people type headers. */
const typed = (text: string) =>
  fc.tuple(fc.constantFrom('as-is', 'upper', 'lower', 'spaced'), fc.boolean()).map(([form, pad]) => {
    const t =
      form === 'upper'
        ? text.toUpperCase()
        : form === 'lower'
          ? text.toLowerCase()
          : form === 'spaced'
            ? text.split('').join(' ')
            : text;
    return pad ? ` ${t} ` : t;
  });

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 3_000_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 1, -1, 46082, 46387, 2_958_465, 2_958_466, NaN, Infinity, -Infinity, 1e308),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.date({ min: new Date('2025-06-01'), max: new Date('2027-06-01') }) },
  { weight: 2, arbitrary: fc.constantFrom('', null, undefined) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS, ...FIELD_LABELS, ...ENUM_LABELS) },
);

/** Rows as spreadsheets hand them over, and a few that no spreadsheet would (not arrays at all). */
const rowArb = (maxLength: number): fc.Arbitrary<Cell[]> =>
  fc.oneof(
    { weight: 20, arbitrary: fc.array(cellArb, { maxLength }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(null, undefined, 'not a row', 42, {}) as unknown as fc.Arbitrary<Cell[]>,
    },
  );

/**
 * One big random sheet, built once and reused, so "huge" costs little per run. 500 rows of 20 random cells in every
 * tab is ten times a large real plan and yields some 10,000 located issues, each checked; more rows reach no other
 * code (the core has no row-count limit) and only multiplied the checks (3,000 rows took 15 s on a busy machine).
 * Speed on big plans is measured by `npm run bench -- core` (up to 10,000 key results), never here.
 */
const HUGE: Cell[][] = fc.sample(fc.array(cellArb, { minLength: 20, maxLength: 20 }), {
  numRuns: 500,
  seed: 42,
});

const chaosGrid = fc.oneof(
  { weight: 10, arbitrary: fc.array(rowArb(14), { maxLength: 14 }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell[][]>([], [[]], [[''], ['', '']]) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

/** A sheet laid out like a template tab: maybe a title row, a header of some of its columns, user columns, rows. */
function templateGrid(tab: (typeof TABS)[number]): fc.Arbitrary<Cell[][]> {
  if (tab.key === 'strategy') {
    const fieldRow = fc
      .tuple(fc.constantFrom(...FIELD_LABELS).chain(typed), cellArb)
      .map(([f, v]): Cell[] => [f, v]);
    return fc
      .tuple(fc.boolean(), fc.array(fieldRow, { maxLength: 14 }), fc.array(rowArb(4), { maxLength: 2 }))
      .map(([header, rows, junk]) => [...(header ? [['Field', '内容']] : []), ...rows, ...junk]);
  }
  const labels = tab.columns.flatMap((c) => both(c.label));
  const extra = tab.key === 'targets' ? ['2026-01-01', '2026-02-01', '2026-03-01', 46082, 46113] : [];
  const header = fc
    .shuffledSubarray([...labels, ...extra, 'My column', 'Notes 2'])
    .chain((cells) => fc.tuple(...cells.map((c) => (typeof c === 'string' ? typed(c) : fc.constant(c)))))
    .map((cells) => cells as Cell[]);
  return fc
    .tuple(
      fc.option(fc.constant(['A title above the header'] as Cell[]), { nil: undefined }),
      header,
      fc.array(rowArb(16), { maxLength: 16 }),
    )
    .map(([title, head, rows]) => [...(title ? [title] : []), head, ...rows]);
}

const templateWorkbook: fc.Arbitrary<Workbook> = fc
  .tuple(
    ...TABS.map((tab) =>
      fc.option(fc.tuple(fc.constantFrom(...both(tab.label)).chain(typed), templateGrid(tab)), {
        nil: undefined,
        freq: 4,
      }),
    ),
    fc.dictionary(fc.string({ maxLength: 8 }), chaosGrid, { maxKeys: 2 }),
  )
  .map((parts) => {
    const extra = parts.pop() as Workbook;
    const wb: Workbook = { ...extra };
    for (const part of parts as ([string, Cell[][]] | undefined)[]) if (part) wb[part[0]] = part[1];
    return wb;
  });

const chaosWorkbook: fc.Arbitrary<Workbook> = fc.dictionary(
  fc.oneof(fc.constantFrom(...TAB_NAMES), fc.string({ maxLength: 10 })),
  chaosGrid,
  {
    maxKeys: 10,
  },
);

/** The example plan with a few cells overwritten, rows removed or replaced, tabs dropped. */
const mutatedExample: fc.Arbitrary<Workbook> = fc
  .tuple(
    fc.constantFrom('en', 'zh-CN') as fc.Arbitrary<'en' | 'zh-CN'>,
    fc.array(
      fc.tuple(
        fc.constantFrom('set', 'set', 'set', 'set', 'delete-row', 'bad-row', 'drop-tab'),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        cellArb,
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([lang, edits]) => {
    const wb = exampleWorkbook(lang);
    for (const [op, t, r, c, cell] of edits) {
      const names = Object.keys(wb);
      if (names.length === 0) break;
      const grid = wb[names[t % names.length]];
      const row = r % (grid.length + 2);
      if (op === 'drop-tab') delete wb[names[t % names.length]];
      else if (op === 'delete-row') grid.splice(row, 1);
      else if (op === 'bad-row') grid[row] = null as unknown as Cell[];
      else {
        if (!Array.isArray(grid[row])) grid[row] = [];
        grid[row][c % 16] = cell;
      }
    }
    return wb;
  });

const asOfArb = fc
  .date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const timeZoneArb = fc.constantFrom('UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Not/AZone');
const limitsArb: fc.Arbitrary<Partial<CheckOptions>> = fc.record(
  {
    maxKeyResultsPerObjective: fc.nat(4),
    maxObjectivesPerDepartment: fc.nat(4),
    maxKeyResultsPerDepartment: fc.nat(4),
    maxKpisPerDepartment: fc.nat(4),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------------
// The invariants

function sizeOf(grid: Cell[][]): { rows: number; columns: number } {
  let columns = 0;
  for (const row of grid) if (Array.isArray(row)) columns = Math.max(columns, row.length);
  return { rows: grid.length, columns };
}

/** Issues that concern a whole tab that is not there: the only ones without a cell. */
const WITHOUT_CELL = new Set(['missing-tab', 'missing-tab-optional', 'period-missing']);

function expectLocated(issue: PlanIssue, wb: Workbook): void {
  const context = JSON.stringify({
    code: issue.code,
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
  });
  expect(issue.code in ISSUE_CATALOG, context).toBe(true);
  expect(issue.severity, context).toBe(ISSUE_CATALOG[issue.code].severity);
  expect(typeof issue.message.en === 'string' && issue.message.en.length > 0, context).toBe(true);
  expect(typeof issue.message['zh-CN'] === 'string' && issue.message['zh-CN'].length > 0, context).toBe(true);
  if (issue.row === null) {
    expect(WITHOUT_CELL.has(issue.code), context).toBe(true);
    expect([issue.column, issue.a1], context).toEqual([null, null]);
    return;
  }
  const grid = Object.prototype.hasOwnProperty.call(wb, issue.sheet) ? wb[issue.sheet] : undefined;
  expect(Array.isArray(grid), `${context}: the sheet exists`).toBe(true);
  const { rows, columns } = sizeOf(grid!);
  expect(issue.column, context).not.toBeNull();
  expect(
    Number.isInteger(issue.row) && issue.row >= 1 && issue.row <= rows + 1,
    `${context}: row within 1..${rows + 1}`,
  ).toBe(true);
  expect(
    Number.isInteger(issue.column) && issue.column! >= 1 && issue.column! <= columns + 1,
    `${context}: column within 1..${columns + 1}`,
  ).toBe(true);
  expect(issue.a1, context).toBe(a1(issue.row, issue.column!));
}

function runAll(wb: Workbook, asOf: string, timeZone: string, limits: Partial<CheckOptions>): void {
  const { plan, issues } = parsePlan(wb, { timeZone });
  const progress = planProgress(plan, asOf);
  const checked = checkPlan(plan, { ...limits, asOf }, progress);
  // Without a progress passed in, checkPlan computes its own: the same path the CLI takes.
  checkPlan(plan, { asOf });
  buildTargetsSheet(plan, { lang: plan.lang, date: (iso) => iso });
  for (const issue of [...issues, ...checked]) expectLocated(issue, wb);
  // Every day the plan holds is a well-formed YYYY-MM-DD: later stages compare and slice them as strings.
  const days = [
    plan.period?.start,
    plan.period?.end,
    ...plan.objectives.flatMap((o) => [o.start, o.end]),
    ...plan.keyResults.flatMap((k) => [k.start, k.due]),
    ...plan.roadmap.flatMap((r) => [r.start, r.end]),
    ...plan.actuals.map((a) => a.date),
  ].filter((d): d is string => typeof d === 'string');
  for (const day of days) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // Progress is internally sound: one entry per key result and KPI, attainment never negative.
  expect(progress.keyResults).toHaveLength(plan.keyResults.length);
  expect(progress.kpis).toHaveLength(plan.kpis.length);
  for (const m of [...progress.keyResults, ...progress.kpis]) {
    if (m.attainment !== null && !Number.isNaN(m.attainment)) expect(m.attainment).toBeGreaterThanOrEqual(0);
  }
}

describe('property: the core never throws and every issue points at a real cell', () => {
  it('on template-shaped workbooks with random cells', () => {
    fc.assert(
      fc.property(templateWorkbook, asOfArb, timeZoneArb, limitsArb, (wb, asOf, tz, limits) =>
        runAll(wb, asOf, tz, limits),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('on chaos: random tab names, random grids, rows that are not arrays, huge and empty sheets', () => {
    fc.assert(
      fc.property(chaosWorkbook, asOfArb, timeZoneArb, limitsArb, (wb, asOf, tz, limits) =>
        runAll(wb, asOf, tz, limits),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('on the example plan with random cells overwritten', () => {
    fc.assert(
      fc.property(mutatedExample, asOfArb, timeZoneArb, limitsArb, (wb, asOf, tz, limits) =>
        runAll(wb, asOf, tz, limits),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('on a huge tab of every kind', () => {
    const wb: Workbook = {};
    for (const tab of TABS) wb[tab.label.en] = [tab.columns.map((c) => c.label.en), ...HUGE];
    runAll(wb, '2026-11-15', 'UTC', {});
  });

  it('on empty input', () => {
    for (const wb of [
      {},
      { Strategy: [] },
      { 'Key Results': [[]] },
      Object.fromEntries(TABS.map((t) => [t.label.en, []])),
    ] as Workbook[]) {
      runAll(wb, '2026-11-15', 'UTC', {});
    }
  });
});
