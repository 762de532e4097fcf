/**
 * The template contract: every tab, column and allowed value of a plan workbook, defined once.
 *
 * Everything that knows about tabs and columns (the parser, the checks, the add-on's "Insert templates",
 * the example workbook, the docs) reads this file. Never spell a header or a tab name anywhere else.
 */

import { fill, inEveryLanguage, joinList, LANGS, localized, type Lang, type Localized } from './i18n';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

export { LANGS, type Lang, type Localized };

/** How a cell is read. */
export type ColumnKind =
  | 'id' // a short identifier, unique within the tab
  | 'text'
  | 'ref' // the ID of a row in another tab (or a department name)
  | 'refs' // a comma-separated list of IDs
  | 'number'
  | 'ratio' // a number where "20%" and 0.2 mean the same
  | 'date'
  | 'enum'
  | 'color';

export type EnumKey = keyof typeof ENUMS;

export interface ColumnDef {
  key: string;
  label: Localized;
  kind: ColumnKind;
  /** A missing required column is an error; a missing optional one only a warning. */
  required: boolean;
  enumKey?: EnumKey;
  /** Shown as a note on the header cell and in docs/template.md. */
  note: Localized;
  /**
   * False: a tab without this column is no issue at all, not even a warning (Changes' Who: a log made before the
   * column existed is still a whole log; the add-on adds the column with the next change it logs).
   */
  reportMissing?: false;
}

export type TabKey =
  | 'strategy'
  | 'departments'
  | 'objectives'
  | 'keyResults'
  | 'kpis'
  | 'roadmap'
  | 'actuals'
  | 'changes'
  | 'targets';

export interface TabDef {
  key: TabKey;
  label: Localized;
  /** A plan cannot be read without it (error) or can do without it (warning), or it is optional (no issue). */
  presence: 'required' | 'recommended' | 'optional';
  columns: ColumnDef[];
  note: Localized;
  /**
   * The add-on writes the tab (Decompose targets): its numbers are its formulas' results, shown in its own number
   * formats, and none of its columns is typed by people (see typedNumberColumns).
   */
  generated?: true;
}

/** Allowed values of enum columns. The first label of each value is the canonical one written by the add-on. */
export const ENUMS = {
  type: {
    cumulative: localized((m) => m.template.enums.type.cumulative),
    level: localized((m) => m.template.enums.type.level),
    threshold: localized((m) => m.template.enums.type.threshold),
    milestone: localized((m) => m.template.enums.type.milestone),
  },
  direction: {
    increase: localized((m) => m.template.enums.direction.increase),
    decrease: localized((m) => m.template.enums.direction.decrease),
  },
  phasing: {
    even: localized((m) => m.template.enums.phasing.even),
    'ramp-up': localized((m) => m.template.enums.phasing['ramp-up']),
    'front-loaded': localized((m) => m.template.enums.phasing['front-loaded']),
    custom: localized((m) => m.template.enums.phasing.custom),
  },
  cadence: {
    monthly: localized((m) => m.template.enums.cadence.monthly),
    weekly: localized((m) => m.template.enums.cadence.weekly),
  },
  roadmapStatus: {
    planned: localized((m) => m.template.enums.roadmapStatus.planned),
    'in-progress': localized((m) => m.template.enums.roadmapStatus['in-progress']),
    done: localized((m) => m.template.enums.roadmapStatus.done),
    delayed: localized((m) => m.template.enums.roadmapStatus.delayed),
    'on-hold': localized((m) => m.template.enums.roadmapStatus['on-hold']),
    blocked: localized((m) => m.template.enums.roadmapStatus.blocked),
  },
  targetsRow: {
    target: localized((m) => m.template.enums.targetsRow.target),
    weights: localized((m) => m.template.enums.targetsRow.weights),
  },
} as const satisfies Record<string, Record<string, Localized>>;

/**
 * The launch phases the template names, in the order a launch goes through them. The Phase column is free text (a
 * plan may name its own phases); these are the ones the report knows in every language, so that each keeps one
 * colour from plan to plan and in every language (report/render/palette.ts).
 */
export const PHASES = {
  'pre-launch': localized((m) => m.template.phases['pre-launch']),
  launch: localized((m) => m.template.phases.launch),
  growth: localized((m) => m.template.phases.growth),
} as const satisfies Record<string, Localized>;

export type PhaseKey = keyof typeof PHASES;
export const PHASE_KEYS = Object.keys(PHASES) as readonly PhaseKey[];

export type MetricType = keyof typeof ENUMS.type;
export type Direction = keyof typeof ENUMS.direction;
export type Phasing = keyof typeof ENUMS.phasing;
export type Cadence = keyof typeof ENUMS.cadence;
export type RoadmapStatus = keyof typeof ENUMS.roadmapStatus;
export type TargetsRowKind = keyof typeof ENUMS.targetsRow;

const col = (
  key: string,
  label: Localized,
  kind: ColumnKind,
  required: boolean,
  note: Localized,
  enumKey?: EnumKey,
): ColumnDef => ({ key, label, kind, required, note, ...(enumKey ? { enumKey } : {}) });

/** The rows of the Strategy tab (a two-column Field / Value list rather than a table). */
export const STRATEGY_FIELDS = [
  {
    key: 'product',
    label: localized((m) => m.template.strategyFields.product.label),
    kind: 'text',
    question: false,
  },
  {
    key: 'vision',
    label: localized((m) => m.template.strategyFields.vision.label),
    kind: 'text',
    question: false,
  },
  {
    key: 'strategy',
    label: localized((m) => m.template.strategyFields.strategy.label),
    kind: 'text',
    question: false,
  },
  {
    key: 'targetUsers',
    label: localized((m) => m.template.strategyFields.targetUsers.label),
    kind: 'text',
    question: true,
  },
  {
    key: 'problem',
    label: localized((m) => m.template.strategyFields.problem.label),
    kind: 'text',
    question: true,
  },
  {
    key: 'category',
    label: localized((m) => m.template.strategyFields.category.label),
    kind: 'text',
    question: true,
  },
  {
    key: 'businessGoal',
    label: localized((m) => m.template.strategyFields.businessGoal.label),
    kind: 'text',
    question: true,
  },
  {
    key: 'periodStart',
    label: localized((m) => m.template.strategyFields.periodStart.label),
    kind: 'date',
    question: false,
  },
  {
    key: 'periodEnd',
    label: localized((m) => m.template.strategyFields.periodEnd.label),
    kind: 'date',
    question: false,
  },
  {
    key: 'currency',
    label: localized((m) => m.template.strategyFields.currency.label),
    kind: 'text',
    question: false,
  },
  {
    key: 'language',
    label: localized((m) => m.template.strategyFields.language.label),
    kind: 'text',
    question: false,
  },
] as const satisfies readonly { key: string; label: Localized; kind: 'text' | 'date'; question: boolean }[];

export type StrategyFieldKey = (typeof STRATEGY_FIELDS)[number]['key'];

/** The four questions of the product strategy (the pyramid's "Tactics" level), with the question asked. */
export const STRATEGY_QUESTIONS: Record<'targetUsers' | 'problem' | 'category' | 'businessGoal', Localized> =
  {
    targetUsers: localized((m) => m.template.strategyQuestions.targetUsers),
    problem: localized((m) => m.template.strategyQuestions.problem),
    category: localized((m) => m.template.strategyQuestions.category),
    businessGoal: localized((m) => m.template.strategyQuestions.businessGoal),
  };

const ID_NOTE = localized((m) => m.template.idNote);
const OWNER_NOTE = localized((m) => m.template.ownerNote);
const DATE_NOTE = localized((m) => m.template.dateNote);
/** "e.g. Pre-launch, Launch, Growth.": the template's phases, as PHASES names them. */
const PHASE_NOTE = inEveryLanguage((lang) =>
  fill(localized((m) => m.template.tabs.roadmap.columns.phase.note)[lang], {
    phases: joinList(
      PHASE_KEYS.map((key) => PHASES[key][lang]),
      lang,
    ),
  }),
);

export const TABS: readonly TabDef[] = [
  {
    key: 'strategy',
    label: localized((m) => m.template.tabs.strategy.label),
    presence: 'required',
    note: localized((m) => m.template.tabs.strategy.note),
    columns: [
      col(
        'field',
        localized((m) => m.template.tabs.strategy.columns.field.label),
        'text',
        true,
        localized((m) => m.template.tabs.strategy.columns.field.note),
      ),
      col(
        'value',
        localized((m) => m.template.tabs.strategy.columns.value.label),
        'text',
        true,
        localized((m) => m.template.tabs.strategy.columns.value.note),
      ),
    ],
  },
  {
    key: 'departments',
    label: localized((m) => m.template.tabs.departments.label),
    presence: 'recommended',
    note: localized((m) => m.template.tabs.departments.note),
    columns: [
      col(
        'name',
        localized((m) => m.template.tabs.departments.columns.name.label),
        'id',
        true,
        localized((m) => m.template.tabs.departments.columns.name.note),
      ),
      col(
        'lead',
        localized((m) => m.template.tabs.departments.columns.lead.label),
        'text',
        false,
        localized((m) => m.template.tabs.departments.columns.lead.note),
      ),
      col(
        'color',
        localized((m) => m.template.tabs.departments.columns.color.label),
        'color',
        false,
        localized((m) => m.template.tabs.departments.columns.color.note),
      ),
    ],
  },
  {
    key: 'objectives',
    label: localized((m) => m.template.tabs.objectives.label),
    presence: 'required',
    note: localized((m) => m.template.tabs.objectives.note),
    columns: [
      col(
        'id',
        localized((m) => m.template.tabs.objectives.columns.id.label),
        'id',
        true,
        ID_NOTE,
      ),
      col(
        'title',
        localized((m) => m.template.tabs.objectives.columns.title.label),
        'text',
        true,
        localized((m) => m.template.tabs.objectives.columns.title.note),
      ),
      col(
        'owner',
        localized((m) => m.template.tabs.objectives.columns.owner.label),
        'ref',
        false,
        OWNER_NOTE,
      ),
      col(
        'parent',
        localized((m) => m.template.tabs.objectives.columns.parent.label),
        'ref',
        false,
        localized((m) => m.template.tabs.objectives.columns.parent.note),
      ),
      col(
        'start',
        localized((m) => m.template.tabs.objectives.columns.start.label),
        'date',
        false,
        DATE_NOTE,
      ),
      col(
        'end',
        localized((m) => m.template.tabs.objectives.columns.end.label),
        'date',
        false,
        DATE_NOTE,
      ),
      col(
        'notes',
        localized((m) => m.template.tabs.objectives.columns.notes.label),
        'text',
        false,
        localized((m) => m.template.tabs.objectives.columns.notes.note),
      ),
    ],
  },
  {
    key: 'keyResults',
    label: localized((m) => m.template.tabs.keyResults.label),
    presence: 'required',
    note: localized((m) => m.template.tabs.keyResults.note),
    columns: [
      col(
        'id',
        localized((m) => m.template.tabs.keyResults.columns.id.label),
        'id',
        true,
        ID_NOTE,
      ),
      col(
        'objective',
        localized((m) => m.template.tabs.keyResults.columns.objective.label),
        'ref',
        true,
        localized((m) => m.template.tabs.keyResults.columns.objective.note),
      ),
      col(
        'title',
        localized((m) => m.template.tabs.keyResults.columns.title.label),
        'text',
        true,
        localized((m) => m.template.tabs.keyResults.columns.title.note),
      ),
      col(
        'owner',
        localized((m) => m.template.tabs.keyResults.columns.owner.label),
        'ref',
        true,
        OWNER_NOTE,
      ),
      col(
        'type',
        localized((m) => m.template.tabs.keyResults.columns.type.label),
        'enum',
        true,
        localized((m) => m.template.tabs.keyResults.columns.type.note),
        'type',
      ),
      col(
        'unit',
        localized((m) => m.template.tabs.keyResults.columns.unit.label),
        'text',
        false,
        localized((m) => m.template.tabs.keyResults.columns.unit.note),
      ),
      col(
        'direction',
        localized((m) => m.template.tabs.keyResults.columns.direction.label),
        'enum',
        false,
        localized((m) => m.template.tabs.keyResults.columns.direction.note),
        'direction',
      ),
      col(
        'baseline',
        localized((m) => m.template.tabs.keyResults.columns.baseline.label),
        'ratio',
        false,
        localized((m) => m.template.tabs.keyResults.columns.baseline.note),
      ),
      col(
        'target',
        localized((m) => m.template.tabs.keyResults.columns.target.label),
        'ratio',
        true,
        localized((m) => m.template.tabs.keyResults.columns.target.note),
      ),
      col(
        'start',
        localized((m) => m.template.tabs.keyResults.columns.start.label),
        'date',
        false,
        localized((m) => m.template.tabs.keyResults.columns.start.note),
      ),
      col(
        'due',
        localized((m) => m.template.tabs.keyResults.columns.due.label),
        'date',
        true,
        DATE_NOTE,
      ),
      col(
        'phasing',
        localized((m) => m.template.tabs.keyResults.columns.phasing.label),
        'enum',
        false,
        localized((m) => m.template.tabs.keyResults.columns.phasing.note),
        'phasing',
      ),
      col(
        'weight',
        localized((m) => m.template.tabs.keyResults.columns.weight.label),
        'number',
        false,
        localized((m) => m.template.tabs.keyResults.columns.weight.note),
      ),
      col(
        'confidence',
        localized((m) => m.template.tabs.keyResults.columns.confidence.label),
        'ratio',
        false,
        localized((m) => m.template.tabs.keyResults.columns.confidence.note),
      ),
    ],
  },
  {
    key: 'kpis',
    label: localized((m) => m.template.tabs.kpis.label),
    presence: 'recommended',
    note: localized((m) => m.template.tabs.kpis.note),
    columns: [
      col(
        'id',
        localized((m) => m.template.tabs.kpis.columns.id.label),
        'id',
        true,
        ID_NOTE,
      ),
      col(
        'name',
        localized((m) => m.template.tabs.kpis.columns.name.label),
        'text',
        true,
        localized((m) => m.template.tabs.kpis.columns.name.note),
      ),
      col(
        'owner',
        localized((m) => m.template.tabs.kpis.columns.owner.label),
        'ref',
        true,
        OWNER_NOTE,
      ),
      col(
        'keyResult',
        localized((m) => m.template.tabs.kpis.columns.keyResult.label),
        'ref',
        true,
        localized((m) => m.template.tabs.kpis.columns.keyResult.note),
      ),
      col(
        'unit',
        localized((m) => m.template.tabs.kpis.columns.unit.label),
        'text',
        false,
        localized((m) => m.template.tabs.kpis.columns.unit.note),
      ),
      col(
        'direction',
        localized((m) => m.template.tabs.kpis.columns.direction.label),
        'enum',
        false,
        localized((m) => m.template.tabs.kpis.columns.direction.note),
        'direction',
      ),
      col(
        'target',
        localized((m) => m.template.tabs.kpis.columns.target.label),
        'ratio',
        true,
        localized((m) => m.template.tabs.kpis.columns.target.note),
      ),
      col(
        'cadence',
        localized((m) => m.template.tabs.kpis.columns.cadence.label),
        'enum',
        false,
        localized((m) => m.template.tabs.kpis.columns.cadence.note),
        'cadence',
      ),
    ],
  },
  {
    key: 'roadmap',
    label: localized((m) => m.template.tabs.roadmap.label),
    presence: 'recommended',
    note: localized((m) => m.template.tabs.roadmap.note),
    columns: [
      col(
        'id',
        localized((m) => m.template.tabs.roadmap.columns.id.label),
        'id',
        true,
        ID_NOTE,
      ),
      col(
        'item',
        localized((m) => m.template.tabs.roadmap.columns.item.label),
        'text',
        true,
        localized((m) => m.template.tabs.roadmap.columns.item.note),
      ),
      col(
        'phase',
        localized((m) => m.template.tabs.roadmap.columns.phase.label),
        'text',
        false,
        PHASE_NOTE,
      ),
      col(
        'owner',
        localized((m) => m.template.tabs.roadmap.columns.owner.label),
        'ref',
        true,
        OWNER_NOTE,
      ),
      col(
        'start',
        localized((m) => m.template.tabs.roadmap.columns.start.label),
        'date',
        true,
        DATE_NOTE,
      ),
      col(
        'end',
        localized((m) => m.template.tabs.roadmap.columns.end.label),
        'date',
        true,
        DATE_NOTE,
      ),
      col(
        'keyResults',
        localized((m) => m.template.tabs.roadmap.columns.keyResults.label),
        'refs',
        false,
        localized((m) => m.template.tabs.roadmap.columns.keyResults.note),
      ),
      col(
        'status',
        localized((m) => m.template.tabs.roadmap.columns.status.label),
        'enum',
        false,
        localized((m) => m.template.tabs.roadmap.columns.status.note),
        'roadmapStatus',
      ),
    ],
  },
  {
    key: 'actuals',
    label: localized((m) => m.template.tabs.actuals.label),
    presence: 'recommended',
    note: localized((m) => m.template.tabs.actuals.note),
    columns: [
      col(
        'date',
        localized((m) => m.template.tabs.actuals.columns.date.label),
        'date',
        true,
        localized((m) => m.template.tabs.actuals.columns.date.note),
      ),
      col(
        'metric',
        localized((m) => m.template.tabs.actuals.columns.metric.label),
        'ref',
        true,
        localized((m) => m.template.tabs.actuals.columns.metric.note),
      ),
      col(
        'value',
        localized((m) => m.template.tabs.actuals.columns.value.label),
        'ratio',
        true,
        localized((m) => m.template.tabs.actuals.columns.value.note),
      ),
      col(
        'note',
        localized((m) => m.template.tabs.actuals.columns.note.label),
        'text',
        false,
        localized((m) => m.template.tabs.actuals.columns.note.note),
      ),
    ],
  },
  {
    key: 'changes',
    label: localized((m) => m.template.tabs.changes.label),
    presence: 'optional',
    note: localized((m) => m.template.tabs.changes.note),
    columns: [
      col(
        'timestamp',
        localized((m) => m.template.tabs.changes.columns.timestamp.label),
        'date',
        true,
        localized((m) => m.template.tabs.changes.columns.timestamp.note),
      ),
      col(
        'sheet',
        localized((m) => m.template.tabs.changes.columns.sheet.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.sheet.note),
      ),
      col(
        'cell',
        localized((m) => m.template.tabs.changes.columns.cell.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.cell.note),
      ),
      col(
        'id',
        localized((m) => m.template.tabs.changes.columns.id.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.id.note),
      ),
      col(
        'field',
        localized((m) => m.template.tabs.changes.columns.field.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.field.note),
      ),
      col(
        'oldValue',
        localized((m) => m.template.tabs.changes.columns.oldValue.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.oldValue.note),
      ),
      col(
        'newValue',
        localized((m) => m.template.tabs.changes.columns.newValue.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.newValue.note),
      ),
      col(
        'reason',
        localized((m) => m.template.tabs.changes.columns.reason.label),
        'text',
        false,
        localized((m) => m.template.tabs.changes.columns.reason.note),
      ),
      // Last, where Insert templates and the change log add it to a log made before it existed (after the last used
      // column), so an old log and a new one read alike. Filled by the add-on when Google gives the editor's address.
      {
        ...col(
          'who',
          localized((m) => m.template.tabs.changes.columns.who.label),
          'text',
          false,
          localized((m) => m.template.tabs.changes.columns.who.note),
        ),
        reportMissing: false,
      },
    ],
  },
  {
    key: 'targets',
    label: localized((m) => m.template.tabs.targets.label),
    presence: 'optional',
    generated: true,
    note: localized((m) => m.template.tabs.targets.note),
    // The month columns (one per month of the period, headed by the month's first day) follow these;
    // the to-date columns come after the months.
    columns: [
      col(
        'id',
        localized((m) => m.template.tabs.targets.columns.id.label),
        'text',
        true,
        localized((m) => m.template.tabs.targets.columns.id.note),
      ),
      col(
        'row',
        localized((m) => m.template.tabs.targets.columns.row.label),
        'enum',
        true,
        localized((m) => m.template.tabs.targets.columns.row.note),
        'targetsRow',
      ),
      col(
        'name',
        localized((m) => m.template.tabs.targets.columns.name.label),
        'text',
        false,
        localized((m) => m.template.tabs.targets.columns.name.note),
      ),
      col(
        'owner',
        localized((m) => m.template.tabs.targets.columns.owner.label),
        'text',
        false,
        OWNER_NOTE,
      ),
    ],
  },
];

/** The columns that follow the month columns on the Targets tab. */
export const TARGETS_SUMMARY_COLUMNS: readonly ColumnDef[] = [
  col(
    'targetToDate',
    localized((m) => m.template.targetsSummaryColumns.targetToDate.label),
    'number',
    false,
    localized((m) => m.template.targetsSummaryColumns.targetToDate.note),
  ),
  col(
    'actualToDate',
    localized((m) => m.template.targetsSummaryColumns.actualToDate.label),
    'number',
    false,
    localized((m) => m.template.targetsSummaryColumns.actualToDate.note),
  ),
  col(
    'attainment',
    localized((m) => m.template.targetsSummaryColumns.attainment.label),
    'number',
    false,
    localized((m) => m.template.targetsSummaryColumns.attainment.note),
  ),
  col(
    'status',
    localized((m) => m.template.targetsSummaryColumns.status.label),
    'text',
    false,
    localized((m) => m.template.targetsSummaryColumns.status.note),
  ),
];

/**
 * The plan cells the Targets tab's formulas read (shared/targets-sheet.ts), by tab and column key; on the Strategy
 * tab, a Field / Value list, by field (STRATEGY_FIELDS): the Value cells of the period, which a row reads for a
 * Start or Due it does not have. A formula takes such a cell as it is, where the parser reads what was meant ("60k"
 * is 60,000, "ramp up" is ramp-up, "2026-12" as a period end is 2026-12-31), so these cells must hold what a
 * formula can compute with (shared/formula-inputs.ts).
 */
export const TARGETS_FORMULA_INPUTS = {
  strategy: ['periodStart', 'periodEnd'],
  keyResults: ['direction', 'baseline', 'target', 'start', 'due', 'phasing'],
  kpis: ['direction', 'target'],
  actuals: ['date', 'metric', 'value'],
} as const satisfies Partial<Record<TabKey, readonly string[]>>;

/**
 * The columns of a tab that people type numbers into (kind number or ratio): a Key result's Baseline, Target,
 * Weight and Confidence, a KPI's Target, a check-in's Value; none on a tab the add-on generates (Targets). A number
 * there whose format shows a percent sign, a currency or a multiple is read as the text it was typed as, or shows
 * ("20%", "$90,000", "120萬"; shared/number-formats.ts), so that it meets the checks that text meets.
 */
export function typedNumberColumns(tab: TabKey): readonly ColumnDef[] {
  const def = tabDef(tab);
  if (def.generated) return [];
  return def.columns.filter((c) => c.kind === 'number' || c.kind === 'ratio');
}

/**
 * Whether the parser reads a tab's number formats: where people type numbers (typedNumberColumns), and where they
 * type dates (a Start, a Due, an End, a check-in's Date, the period on the Strategy tab), since a date cell whose
 * format shows a month but no day is that month (shared/number-formats.ts showsMonthNotDay). Not the tabs the
 * product writes (Targets, the change log), whose formats change nothing read.
 */
export function readsNumberFormats(tab: TabKey): boolean {
  if (tab === 'strategy') return true;
  if (tab === 'changes') return false;
  return typedNumberColumns(tab).length > 0 || tabDef(tab).columns.some((c) => c.kind === 'date');
}

/**
 * Helper columns of the Targets tab, after the to-date columns: per-row figures that the month and to-date formulas
 * read, so that no formula repeats the window arithmetic (docs/addon.md, "Targets formulas"). Generated, never
 * edited by hand.
 */
export const TARGETS_HELPER_COLUMNS: readonly ColumnDef[] = [
  col(
    'windowStart',
    localized((m) => m.template.targetsHelperColumns.windowStart.label),
    'date',
    false,
    localized((m) => m.template.targetsHelperColumns.windowStart.note),
  ),
  col(
    'months',
    localized((m) => m.template.targetsHelperColumns.months.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.months.note),
  ),
  col(
    'columnOffset',
    localized((m) => m.template.targetsHelperColumns.columnOffset.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.columnOffset.note),
  ),
  col(
    'judged',
    localized((m) => m.template.targetsHelperColumns.judged.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.judged.note),
  ),
  col(
    'span',
    localized((m) => m.template.targetsHelperColumns.span.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.span.note),
  ),
  col(
    'phasingCode',
    localized((m) => m.template.targetsHelperColumns.phasingCode.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.phasingCode.note),
  ),
  col(
    'shareLinear',
    localized((m) => m.template.targetsHelperColumns.shareLinear.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.shareLinear.note),
  ),
  col(
    'shareSquare',
    localized((m) => m.template.targetsHelperColumns.shareSquare.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.shareSquare.note),
  ),
  col(
    'shareDivisor',
    localized((m) => m.template.targetsHelperColumns.shareDivisor.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.shareDivisor.note),
  ),
  col(
    'weightsTotal',
    localized((m) => m.template.targetsHelperColumns.weightsTotal.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.weightsTotal.note),
  ),
  col(
    'checkedIn',
    localized((m) => m.template.targetsHelperColumns.checkedIn.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.checkedIn.note),
  ),
  col(
    'latestCheckIn',
    localized((m) => m.template.targetsHelperColumns.latestCheckIn.label),
    'date',
    false,
    localized((m) => m.template.targetsHelperColumns.latestCheckIn.note),
  ),
  col(
    'meetsBar',
    localized((m) => m.template.targetsHelperColumns.meetsBar.label),
    'text',
    false,
    localized((m) => m.template.targetsHelperColumns.meetsBar.note),
  ),
  col(
    'expectedAttainment',
    localized((m) => m.template.targetsHelperColumns.expectedAttainment.label),
    'number',
    false,
    localized((m) => m.template.targetsHelperColumns.expectedAttainment.note),
  ),
];

/**
 * The as-of day of the Targets tab: one cell (header "As of" after the helper columns, the date below it) named
 * TARGETS_AS_OF_NAME. Every to-date formula reads it and nothing reads the clock: the add-on sets it to today on
 * Decompose targets, and a person may type a review date instead.
 */
export const TARGETS_AS_OF = {
  name: 'GTM_AS_OF',
  label: localized((m) => m.template.TARGETS_AS_OF.label),
  note: localized((m) => m.template.TARGETS_AS_OF.note),
} as const;

/**
 * How the Targets tab shows an attainment (its Attainment column and the expected-attainment helper): with one
 * decimal, so that a key result missed at 99.6% does not show "100%" beside "missed", as a whole percent did. The
 * report's figures go further (shared/figures.ts, never onto a status's bar); a number format cannot, with
 * negative attainments to keep (at most two conditions a format in Sheets, which drop the minus sign elsewhere).
 */
export const TARGETS_ATTAINMENT_FORMAT = '0.0%';

/**
 * How the Targets tab shows a metric counted in percent: its monthly targets, Expected by now and Current value.
 * One decimal always, up to three more where the value has them (`#` shows a digit only when it is not an
 * insignificant 0: developers.google.com/sheets/api/guides/formats), so a figure beside its bar or target shows as
 * it is: a reading of 0.6996 reads 69.96% beside a target of 70.0%, where `0.0%` showed 70.0% beside "missed".
 * Decompose holds a rate to four places (two decimals of a percent); a reading typed with up to six (69.9996%)
 * shows in full too.
 */
export const TARGETS_PERCENT_FORMAT = '0.0###%';

const byKey = new Map(TABS.map((t) => [t.key, t]));

export function tabDef(key: TabKey): TabDef {
  const def = byKey.get(key);
  if (!def) throw new Error(`Unknown tab key ${key}`);
  return def;
}

export function columnDef(tab: TabKey, key: string): ColumnDef {
  const def =
    tabDef(tab).columns.find((c) => c.key === key) ??
    (tab === 'targets' ? TARGETS_SUMMARY_COLUMNS.find((c) => c.key === key) : undefined);
  if (!def) throw new Error(`Unknown column ${tab}.${key}`);
  return def;
}

// ---------------------------------------------------------------------------------------------------
// Reading what people typed: other spellings, both Chinese scripts, language names.

/**
 * How people write the Start and End of a dated row (objectives, key results, roadmap items), beyond the labels.
 * 起日 / 迄日: the start and end days of a span (起迄日), as Taiwan's forms write them; 開始月份: a month, read as its
 * first day.
 */
const START_DATE_SPELLINGS = [
  'Start date',
  '開始日期',
  '开始日期',
  '開始日',
  '开始日',
  '起始日',
  '起始日期',
  '開始時間',
  '开始时间',
  '起日',
  '開始月份',
  '开始月份',
];
const END_DATE_SPELLINGS = [
  'End date',
  '結束日期',
  '结束日期',
  '結束日',
  '结束日',
  '迄日',
  // When a row is to be finished: 完成日, 預計完成日 (expected), 完成期限 (deadline), 完成時間.
  '完成日',
  '預計完成日',
  '预计完成日',
  '完成期限',
  '完成時間',
  '完成时间',
];
/**
 * The department that owns a row, beyond the label: 負責單位, 主責部門 (the department mainly responsible), 權責單位
 * (the unit accountable), 負責團隊 (the team). Not 負責人, a person: the parser says it may be meant as the column.
 */
const OWNER_SPELLINGS = [
  '負責單位',
  '负责单位',
  '主責部門',
  '主责部门',
  '權責單位',
  '权责单位',
  '負責團隊',
  '负责团队',
];
/**
 * A metric's Direction, Unit and Target, beyond the labels: 期望方向 (the direction wanted), 計量單位, 目標數值. Not 趨勢
 * (trend) alone, which a column may show as the metric's actual trend (↑ ↓, both Direction words): read as the
 * Direction, a metric trending down would be judged as one that should decrease.
 */
const DIRECTION_SPELLINGS = ['期望方向'];
const UNIT_SPELLINGS = ['計量單位', '计量单位'];
const TARGET_SPELLINGS = ['目標數值', '目标数值'];
// 年度目標值: the year's target, as a plan of a year names a key result's. Not a KPI's, a bar each month meets: a
// year's figure there would be read as the monthly bar.
const KEY_RESULT_TARGET_SPELLINGS = [...TARGET_SPELLINGS, '年度目標值', '年度目标值'];

/**
 * Spellings the parser accepts besides the labels (never written by the add-on): mainly the words people in
 * Taiwan and Hong Kong use where they differ from the label (欄位 for 字段, 儲存格 for 单元格, 自訂 for 自定义),
 * and a few common variants. Each is written in Traditional and in Simplified characters where the two differ
 * (matching folds the two scripts anyway, see normalizeHeader). Keys: a tab's key, "tab.column", a Strategy
 * field's key, "enum.value". Labels in every language of the template are accepted without being listed here.
 */
export const ALIASES: {
  tabs: Partial<Record<TabKey, readonly string[]>>;
  columns: Partial<Record<`${TabKey}.${string}`, readonly string[]>>;
  fields: Partial<Record<StrategyFieldKey, readonly string[]>>;
  values: Partial<Record<`${EnumKey}.${string}`, readonly string[]>>;
  phases: Partial<Record<PhaseKey, readonly string[]>>;
} = {
  tabs: {
    strategy: ['Product strategy', '產品策略', '产品策略'],
    // What teams in Taiwan title their list of departments: 部門清單 / 各部門 / 部門別 (the list, each department,
    // by department), 團隊 (teams) and 單位 (organisational units, as in 各單位). No other tab of the plan is a list
    // of teams or units; the Unit column (單位) of Key Results and KPIs is a column, and columns are not tabs.
    departments: [
      'Teams',
      '部門清單',
      '部门清单',
      '部門列表',
      '部门列表',
      '各部門',
      '各部门',
      '部門別',
      '部门别',
      '團隊',
      '团队',
      '單位',
      '单位',
    ],
    keyResults: ['KR', 'KRs', '關鍵成果', '关键成果'],
    // 績效指標 (performance indicators), 營運指標 (operating indicators): what Taiwan teams call the tab of KPIs.
    kpis: [
      '關鍵績效指標',
      '关键绩效指标',
      'KPI指標',
      'KPI指标',
      '績效指標',
      '绩效指标',
      '營運指標',
      '营运指标',
    ],
    // 上市路線圖: the GTM roadmap, as the template's note calls it.
    // 時程規劃: the schedule, as a plan's timeline is often titled.
    roadmap: ['上市路線圖', '上市路线图', 'GTM 路線圖', 'GTM 路线图', 'GTM roadmap', '時程規劃', '时程规划'],
    // 實際資料 / 实际数据: the messages' own word for the check-ins.
    // Actual data, actual values: the English of 實際資料 and 實際值 below.
    actuals: [
      'Actual',
      'Actual data',
      'Actual values',
      'Check-in',
      'Check-ins',
      '實際值',
      '实际值',
      '實績',
      '实绩',
      '每月實績',
      '每月实绩',
      '實際資料',
      '实际资料',
      '實際數據',
      '实际数据',
      '實際數',
      '实际数',
    ],
    // 異動紀錄: the record of changes, as Taiwan's forms call it (紀錄 and 記錄 both written).
    changes: [
      'Change log',
      '變更紀錄',
      '变更纪录',
      '變更記錄',
      '变更记录',
      '異動紀錄',
      '异动纪录',
      '異動記錄',
      '异动记录',
    ],
  },
  columns: {
    'strategy.field': ['欄位', '栏位', '項目', '项目'],
    // 單位 (organisational unit) and 團隊 (team): what a Taiwan team heads its list of departments with.
    'departments.name': ['部門名稱', '部门名称', '單位', '单位', '團隊', '团队', 'Team'],
    'departments.lead': ['主管'],
    'objectives.owner': [...OWNER_SPELLINGS, '部門', '部门'],
    'objectives.parent': ['上層目標', '上层目标', '上級目標', '上级目标', 'Parent objective'],
    'objectives.start': START_DATE_SPELLINGS,
    'objectives.end': END_DATE_SPELLINGS,
    'keyResults.title': ['關鍵成果', '关键成果'],
    'keyResults.owner': [...OWNER_SPELLINGS, '部門', '部门'],
    // 型別: the Traditional label until 2026-11. 指標類型 (the metric's type), KR類型.
    'keyResults.type': ['類別', '类别', '型別', '型别', '指標類型', '指标类型', 'KR類型', 'KR类型'],
    'keyResults.unit': UNIT_SPELLINGS,
    'keyResults.direction': DIRECTION_SPELLINGS,
    // Not 現況 ("the current state"), nor 現況值 / 目前值: a team that updates it each month means the latest reading,
    // and read as the Baseline it would move every key result's starting point silently. 基期值 (the value in the
    // base period), 期初值 / 年初值 (at the start of the period, of the year): the starting point. Not 基期 alone, the
    // base period itself, which a column may give as a year (2025): read as the Baseline, a wrong starting point.
    'keyResults.baseline': [
      'Starting value',
      '基準值',
      '基准值',
      '基準',
      '基准',
      '基線值',
      '基线值',
      '起始值',
      '初始值',
      '起點',
      '起点',
      '基期值',
      '期初值',
      '年初值',
    ],
    'keyResults.target': KEY_RESULT_TARGET_SPELLINGS,
    'keyResults.start': START_DATE_SPELLINGS,
    // A key result has no End: its End is its Due. 達成期限: the deadline to achieve it.
    'keyResults.due': [
      'Due date',
      'Deadline',
      '截止日期',
      '截止日',
      '到期日',
      '期限',
      '達成期限',
      '达成期限',
      '結束',
      '结束',
      ...END_DATE_SPELLINGS,
    ],
    'keyResults.phasing': ['拆解方式', '分配方式'],
    'keyResults.weight': ['比重'],
    // 信心水準 (level of confidence), 把握度 (how sure).
    'keyResults.confidence': ['信心度', '信心指數', '信心指数', '信心水準', '信心水准', '把握度'],
    'kpis.id': ['指標編號', '指标编号'],
    'kpis.owner': [...OWNER_SPELLINGS, '部門', '部门'],
    'kpis.keyResult': ['關鍵成果', '关键成果'],
    'kpis.unit': UNIT_SPELLINGS,
    'kpis.direction': DIRECTION_SPELLINGS,
    'kpis.target': TARGET_SPELLINGS,
    'roadmap.item': ['項目', '项目'],
    // 時期: a period of the launch, as 預熱期 is.
    'roadmap.phase': ['時期', '时期'],
    'roadmap.owner': [...OWNER_SPELLINGS, '部門', '部门'],
    // 預計開始 / 預計結束: when work is planned to start and end.
    'roadmap.start': [...START_DATE_SPELLINGS, '預計開始', '预计开始'],
    'roadmap.end': [...END_DATE_SPELLINGS, '預計結束', '预计结束'],
    'roadmap.keyResults': ['關鍵成果', '关键成果'],
    'roadmap.status': ['現況', '现况'],
    // 月份 / 年月: a check-in's month (the Date column: a month typed without its day is its first day). Not 填報日期,
    // the day it was reported: April's figures filed on 5 May would count for May.
    'actuals.date': ['月份', '年月'],
    // 指標編號: the ID of the metric checked in.
    'actuals.metric': ['指標編號', '指标编号'],
    // Actual / 實際: the column of what was achieved, on the tab of nothing else (Date, Metric, Value, Note).
    'actuals.value': [
      'Actual',
      'Actuals',
      'Actual value',
      'Actual values',
      '實際',
      '实际',
      '實際值',
      '实际值',
      '實際數值',
      '实际数值',
      '實績',
      '实绩',
      '實績值',
      '实绩值',
      '數據',
      '数据',
      '實際數',
      '实际数',
      '達成值',
      '达成值',
    ],
    'changes.timestamp': ['時間戳記', '时间戳记'],
    'changes.cell': ['儲存格', '储存格'],
    'changes.field': ['欄位', '栏位'],
    'changes.who': ['Changed by', 'Editor', '修改人', '編輯者', '编辑者', '變更者', '变更者'],
    'targets.owner': OWNER_SPELLINGS,
  },
  fields: {
    // A Strategy tab's own wordings of its fields, where a reader would agree they name the same field: 產品名稱 for
    // Product, 產品願景 for Vision, 目標客戶 for Target users, 痛點 for Problem & benefit (the problem the product
    // solves), 產品定位 for Category & differentiation (positioning: which category, why this over the others),
    // 經營目標 / 業務目標 for Business goal. Not 目標市場 (a market may be a region or an industry, not who uses it),
    // nor 產品策略 (the tab's own title, often typed above the rows as a heading).
    product: ['Product name', '產品名稱', '产品名称'],
    vision: ['Product vision', '產品願景', '产品愿景'],
    strategy: ['戰略', '战略'], // the label before Strategy became 策略 everywhere
    targetUsers: [
      'Target customers',
      'Target audience',
      '目標使用者',
      '目标使用者',
      '目標客群',
      '目标客群',
      '目標受眾',
      '目标受众',
      '目標客戶',
      '目标客户',
    ],
    problem: ['Pain points', '痛點', '痛点', '用戶痛點', '用户痛点', '客戶痛點', '客户痛点'],
    category: ['Positioning', 'Product positioning', '產品定位', '产品定位'],
    businessGoal: ['Business objective', '經營目標', '经营目标', '業務目標', '业务目标'],
    // 期間起日 / 計畫起始日: the period's first day, as Taiwan's forms write 起日 and 迄日.
    periodStart: [
      'Plan start',
      '期間開始',
      '期间开始',
      '計畫開始',
      '计划开始',
      '開始日期',
      '开始日期',
      '期間起日',
      '期间起日',
      '計畫起始日',
      '计划起始日',
    ],
    periodEnd: [
      'Plan end',
      '期間結束',
      '期间结束',
      '計畫結束',
      '计划结束',
      '結束日期',
      '结束日期',
      '期間迄日',
      '期间迄日',
      '計畫結束日',
      '计划结束日',
    ],
    currency: ['幣別', '币别', '幣種', '币种', '貨幣單位', '货币单位'],
  },
  values: {
    // Taiwan's words: 累積 (cumulative), 閥值 (threshold), 提高 / 增加, 減少 / 下降, 平均分配, 未開始 / 執行中.
    // sum: the months' amounts add up to the target. (Not "total": "3,000 customers in total" is a level.)
    // 累積型 / 水準型: the type named as a type, as 累計型 is.
    'type.cumulative': ['累積', '累积', '累計型', '累计型', '累積型', '累积型', 'sum'],
    // binary, yes/no: done or not, as a milestone is.
    'type.milestone': ['binary', 'yes/no'],
    'type.level': ['水準', '水准', '水準型', '水准型', '水平型'],
    'type.threshold': ['門檻', '门槛', '門檻值', '门槛值', '閥值', '阀值'],
    // 越高越好 / 越低越好: "the higher (lower) the better", as the template's note explains the two; with 愈 for 越
    // and 大 / 小 for 高 / 低 as Taiwan writes it too; 遞增 / 遞減 (increasing, decreasing). And in English as the
    // template's note says them ("higher is better"), or as a direction (up, maximise).
    'direction.increase': [
      '提高',
      '增加',
      '成長',
      '成长',
      '增長',
      '增长',
      '上升',
      '越高越好',
      '愈高愈好',
      '越大越好',
      '愈大愈好',
      '遞增',
      '递增',
      'Higher is better',
      'higher',
      'up',
      'maximize',
      'maximise',
      'more',
      'grow',
      '↑',
      '越多越好',
      '愈多愈好',
    ],
    'direction.decrease': [
      '減少',
      '减少',
      '下降',
      '越低越好',
      '愈低愈好',
      '越小越好',
      '愈小愈好',
      '遞減',
      '递减',
      'Lower is better',
      'lower',
      'down',
      'minimize',
      'minimise',
      'less',
      'reduce',
      '↓',
      '越少越好',
      '愈少愈好',
    ],
    // linear / straight-line: the same amount each month, as 均分 (split evenly) and 平均分攤 (shared out evenly).
    'phasing.even': [
      '平均分配',
      '均分',
      '平均分攤',
      '平均分摊',
      'linear',
      'straight-line',
      'straight line',
      'evenly',
      'flat',
    ],
    // ramp, back-loaded: the larger months last, as ramp-up splits it: 前低後高 (low first, high after: the
    // template's 前高後低 the other way round), 逐月遞增 (growing month by month).
    'phasing.ramp-up': ['ramp', 'back-loaded', '前低後高', '前低后高', '逐月遞增', '逐月递增'],
    'phasing.custom': ['自訂', '自订'],
    // 尚未開始: not started yet; 處理中: being handled; 已結案: closed.
    'roadmapStatus.planned': ['規劃中', '规划中', '未開始', '未开始', '尚未開始', '尚未开始'],
    'roadmapStatus.in-progress': ['執行中', '执行中', '處理中', '处理中'],
    'roadmapStatus.done': ['完成', '已結案', '已结案'],
    // Late but still moving, which a review reads apart from blocked (nothing moves until something else is
    // resolved): 延宕 (dragging on), 落後 / 進度落後 (behind, behind schedule), 逾期 (past its date), 延期 / 延後
    // (put back to a later date), 延誤 (held up, late).
    'roadmapStatus.delayed': [
      '延宕',
      '延期',
      '延後',
      '延后',
      '延誤',
      '延误',
      '落後',
      '落后',
      '進度落後',
      '进度落后',
      '逾期',
      'late',
      'behind',
      'behind schedule',
      'overdue',
    ],
    // Stopped on purpose, which is a decision, not an obstacle: 擱置 (shelved), 暫緩 (put off for now), paused.
    'roadmapStatus.on-hold': ['擱置', '搁置', '暫緩', '暂缓', 'paused', 'hold'],
    // 卡關: stuck, as a game level that cannot be passed.
    'roadmapStatus.blocked': ['卡關', '卡关', 'stuck'],
    // 月 / 週: a month, a week; 月度: monthly; 每個月 / 每星期: every month, every week.
    'cadence.monthly': ['月', '月度', '每個月', '每个月'],
    'cadence.weekly': ['週', '周', '每星期'],
    // 目標 / 目标: the label until 2026-12, when 目標 (an objective) made way for 目標值 (a target).
    'targetsRow.target': ['目標', '目标'],
  },
  // A phase named as Taiwan teams name it: 預熱 (warming up), 上市期 / 發表期 (the market launch, the announcement).
  phases: {
    // 上市前 / 上市 / 成長: before the launch, the launch, growth, as Taiwan's go-to-market plans name the three.
    'pre-launch': ['預熱', '预热', '預熱階段', '预热阶段', '上市前', '上市前期'],
    launch: ['上市期', '上市', '發表期', '发表期', '發表', '发表', '發布', '发布'],
    growth: ['成長', '成长', '增長', '增长', '上市後', '上市后'],
  },
};

/**
 * Traditional → Simplified, character by character, with OpenCC's table (opencc-js, its TSCharacters dictionary):
 * matching folds both scripts to one, so 關鍵結果, 关键结果 and a half-converted 关键結果 name the same tab, and 銷售
 * and 销售 the same department, whichever input method typed it. Character by character, not OpenCC's phrases: for
 * words that is what matching needs, and the one phrase the template's words need is kept here (PHRASE_FOLDS, as
 * the characters fold it):
 * 計畫 (a plan) is 计划, where the character alone, 畫, is 画 (動畫, an animation, stays 动画).
 */
const PHRASE_FOLDS: readonly [string, string][] = [['计画', '计划']];
let fold: Map<string, string> | undefined;
const HAN = /[\u3400-\u9fff]/;

function foldTable(): Map<string, string> {
  if (fold) return fold;
  const table = new Map<string, string>();
  for (const pair of TS_CHARACTERS.split('|')) {
    const [traditional, simplified] = pair.split(' ');
    if (traditional && simplified) table.set(traditional, simplified);
  }
  return (fold = table);
}

/** Traditional characters folded to Simplified; everything else unchanged. */
export function foldChinese(text: string): string {
  if (!HAN.test(text)) return text;
  const table = foldTable();
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  // After the characters, so that 計畫, 计畫 and 計画 alike end as 计划.
  for (const [folded, phrase] of PHRASE_FOLDS) out = out.split(folded).join(phrase);
  return out;
}

/** True when the text has a character written differently in Traditional Chinese (so it is Traditional). */
export function hasTraditional(text: string): boolean {
  if (!HAN.test(text)) return false;
  const table = foldTable();
  for (const ch of text) if (table.has(ch)) return true;
  return false;
}

/**
 * normalizeHeader's answers, remembered: finding a tab's header row matches each of its first rows' cells against
 * every column's label (thousands of pairs per plan, a few dozen texts), and department names repeat too.
 */
const HEADER_KEYS = new Map<string, string>();

/**
 * Header matching ignores case, spaces, underscores, full-width forms, variation selectors and the difference
 * between Traditional and Simplified characters, and accepts every language of the template. Every word a cell is
 * matched by (headers, tabs, allowed values, phases, units, done / not done) is compared in this form.
 */
export function normalizeHeader(text: string): string {
  let key = HEADER_KEYS.get(text);
  if (key === undefined) {
    key = foldChinese(
      text
        .normalize('NFKC')
        .toLowerCase()
        // U+FE0F / U+FE0E choose how the mark before them is drawn (as an emoji, as text), not which mark it is:
        // an emoji keyboard types ✔ as ✔️ (✔ U+FE0F), which is the ✔ the word lists hold. NFKC keeps them.
        .replace(/[\s_\u3000\p{Variation_Selector}]+/gu, ''),
    );
    if (HEADER_KEYS.size >= 5000) HEADER_KEYS.clear();
    HEADER_KEYS.set(text, key);
  }
  return key;
}

/** Each label's extra spellings (from ALIASES), found by the label object itself; built on first use. */
let aliasesByLabel: Map<Localized, readonly string[]> | undefined;

function aliasesOf(label: Localized): readonly string[] {
  if (!aliasesByLabel) {
    const index = new Map<Localized, readonly string[]>();
    const entries = (aliases: object) => Object.entries(aliases) as [string, readonly string[]][];
    for (const [key, spellings] of entries(ALIASES.tabs)) index.set(tabDef(key as TabKey).label, spellings);
    for (const [key, spellings] of entries(ALIASES.columns)) {
      const [tab, column] = key.split('.');
      index.set(columnDef(tab as TabKey, column).label, spellings);
    }
    for (const [key, spellings] of entries(ALIASES.fields))
      index.set(STRATEGY_FIELDS.find((f) => f.key === key)!.label, spellings);
    for (const [key, spellings] of entries(ALIASES.values)) {
      const [enumKey, value] = key.split('.');
      index.set((ENUMS[enumKey as EnumKey] as Record<string, Localized>)[value], spellings);
    }
    for (const [key, spellings] of entries(ALIASES.phases)) index.set(PHASES[key as PhaseKey], spellings);
    aliasesByLabel = index;
  }
  return aliasesByLabel.get(label) ?? [];
}

/** Every spelling of a label: each language's label and its aliases, each folded to one script. */
export function labelSpellings(label: Localized): readonly string[] {
  return [...LANGS.map((lang) => label[lang]), ...aliasesOf(label)];
}

const FORMS = new WeakMap<Localized, Set<string>>();

function formsOf(label: Localized): Set<string> {
  let forms = FORMS.get(label);
  if (!forms) {
    forms = new Set(labelSpellings(label).map(normalizeHeader));
    forms.delete('');
    FORMS.set(label, forms);
  }
  return forms;
}

/** Which tab a sheet name denotes, in any language of the template or an alias, or undefined. */
export function matchTab(sheetName: string): TabDef | undefined {
  const wanted = normalizeHeader(sheetName);
  return TABS.find((t) => formsOf(t.label).has(wanted));
}

/**
 * The plan tab a sheet's name comes close to without being it: a number before it, a note after it, or words
 * around it ("2. 關鍵結果", "Key Results (KR)", "03_Actuals", "Actuals 2026", "KPI 指標", "關鍵結果2026"). Such a tab is
 * not read (a plan tab is found by its name, and "Key Results (2025)" beside "Key Results" is last year's); the
 * parser says so when the plan has no tab of that name, so that the missing tab is not a mystery.
 */
export function nearTab(sheetName: string): TabDef | undefined {
  if (matchTab(sheetName)) return undefined;
  const bare = withoutNote(sheetName)
    .replace(/^\s*\d+\s*[.、．:_\-)）]?\s*/, '')
    .replace(/\s*\d+\s*$/, '')
    .trim();
  if (bare && bare !== sheetName.trim() && matchTab(bare)) return matchTab(bare);
  // Words before or after a tab's name: "Actuals 2026", "KPI 指標", "Key Results archive".
  const words = bare.split(/[\s_\-–—.]+/).filter(Boolean);
  for (let i = 1; i < words.length; i++) {
    const around = matchTab(words.slice(0, i).join(' ')) ?? matchTab(words.slice(i).join(' '));
    if (around) return around;
  }
  return undefined;
}

/**
 * A note that says a tab or a column is a newer copy of another: "Key Results (new)", "目標值（調整後）",
 * "關鍵結果（修訂）", "Target (v2)". Matched on the note alone, as headers are (case, width and script aside).
 */
export const REVISION_WORDS: readonly string[] = [
  'new',
  'revised',
  'updated',
  'latest',
  'copy',
  'final',
  '新',
  '新版',
  '最新',
  '调整后',
  '修订',
  '修正',
  '更新',
  '副本',
  '复本',
  '拷贝',
  '定稿',
];
const REVISION_NOTE = /^(?:v\d{1,2}|\d{1,2})$/i;

/** Whether a note in brackets says a newer copy (REVISION_WORDS, "v2", or a copy's number "2"). */
export function isRevisionNote(note: string): boolean {
  const key = normalizeHeader(note);
  return REVISION_NOTE.test(key) || REVISION_WORDS.some((word) => normalizeHeader(word) === key);
}

/**
 * How a copy of a tab is named, by the program that copies it or by the person: Excel "Key Results (2)", WPS
 * "Key Results(2)", a revision note "關鍵結果（新）" (isRevisionNote); Google Sheets "Copy of Key Results" (and
 * "Copy of Key Results 2" where that name is taken), "關鍵結果 的副本" in Chinese. The one definition of these
 * names: the parser says such a tab beside the tab it copies (tab-copy), since only the tab of the exact name is
 * read.
 */
const COPY_OF = /^copy\s+of\s+(.+?)(?:\s+\d{1,3})?$/i;
const COPY_SUFFIX = /^[「“"']?(.+?)[」”"']?\s*的\s*(?:副本|複本|复本)(?:\s*\d{1,3})?$/;

/** The plan tab a sheet's name names as a copy of it (see COPY_OF, COPY_SUFFIX, isRevisionNote), or undefined. */
export function copiedTab(sheetName: string): TabDef | undefined {
  if (matchTab(sheetName)) return undefined;
  const text = sheetName.normalize('NFKC').trim();
  const named = COPY_OF.exec(text) ?? COPY_SUFFIX.exec(text);
  if (named) return matchTab(named[1]);
  const note = headerNote(text);
  return note !== null && isRevisionNote(note) ? matchTab(withoutNote(text)) : undefined;
}

/**
 * What a tab of more check-ins adds to the Actuals tab's name, before or after it, in brackets or not: a year
 * ("Actuals 2027", "2027實績"), a Minguo year ("實際(116年)", "116年實際", "民國116年 實際"), a word saying it goes on
 * ("實際（續）", "Actuals continued") or a number ("Actuals 2"). See moreActualsTab.
 */
const MORE_ACTUALS_WORD =
  "(?:(?:19|20)\\d{2}\\s*(?:年度?)?|(?:民[國国]\\s*)?1[0-2]\\d\\s*年度?|民[國国]\\s*\\d{2,3}|[續续]|[續续][表頁页]|continued|cont\\.?|cont'd|\\d{1,2})";
const MORE_ACTUALS_AFTER = new RegExp(
  `^(.+?)[\\s_\\-–—.:·]*[(（[【]?\\s*${MORE_ACTUALS_WORD}\\s*[)）\\]】]?$`,
  'i',
);
const MORE_ACTUALS_BEFORE = new RegExp(
  `^[(（[【]?\\s*${MORE_ACTUALS_WORD}\\s*[)）\\]】]?[\\s_\\-–—.:·]*(.+)$`,
  'i',
);

/**
 * Whether a sheet's name is the Actuals tab's, in any language, with a year, a Minguo year, 續 / continued or a
 * number before or after it (MORE_ACTUALS_WORD): a tab of more check-ins, as people start one for a new year. Only
 * the tab named exactly as the Actuals tab is read; the parser says such a tab is not (extra-actuals-tab), and every
 * reader hands over its cells (sheet-grid.ts readsCellsOf) so that the message can say what it holds. A copy's name
 * ("Actuals (2)", "Copy of Actuals") is a copy (copiedTab), not more check-ins.
 */
export function moreActualsTab(sheetName: string): boolean {
  if (matchTab(sheetName) || copiedTab(sheetName)) return false;
  const text = sheetName.normalize('NFKC').trim();
  return [MORE_ACTUALS_AFTER, MORE_ACTUALS_BEFORE].some(
    (pattern) => matchTab(pattern.exec(text)?.[1] ?? '')?.key === 'actuals',
  );
}

/**
 * A note in brackets after a header, as people add one: "Target (USD)", "目標值（萬元）", "Due [date]" (a multiple in
 * it is said: header-scale).
 */
const HEADER_NOTE = /\s*[(（[【]([^()（）[\]【】]*)[)）\]】]\s*$/;

/** A header without its note in brackets: "目標值" of "目標值（萬元）". */
export const withoutNote = (text: string): string => text.replace(HEADER_NOTE, '');

/** The note in brackets after a header ("萬元" of "目標值（萬元）"), trimmed, or null without one. */
export function headerNote(text: string): string | null {
  const note = HEADER_NOTE.exec(text)?.[1]?.trim();
  return note ? note : null;
}

/**
 * Words that say values are totals to date, not the amounts of their months: in the note of the Actuals tab's Value
 * header ("數值（累計）", "Value (YTD)") or in a check-in's Note ("累計至本月"). A cumulative key result's Value is
 * the amount of its own month, and such values added up overstate it (to-date-header, to-date-note). Matched as
 * headers are (case, spaces and the two Chinese scripts aside); the English ones as whole words, and "to date" not
 * after "up" ("up to date" says the figure is current, not a total). 至今 alone ("so far": 客戶至今未付款) is an
 * ordinary word, not a claim about the figure: only its compounds count (年初至今, 今年至今; 累計至今 by 累計).
 * A word with a negation in its clause (NEGATION_WORDS) never counts.
 */
export const TO_DATE_WORDS: Record<Lang, readonly string[]> = {
  en: ['YTD', 'to date', 'cumulative', 'running total'],
  'zh-CN': ['累计', '累积', '年初至今', '今年至今', '本年至今'],
  'zh-TW': ['累計', '累積', '年初至今', '今年至今', '本年至今'],
};

/**
 * Words that negate a word of TO_DATE_WORDS in the same clause, before it or after it ("本月新增，非累計",
 * "不是累計數", "（不含累計）", "monthly, not YTD", "non-cumulative", "YTD not included"). A clause ends at a comma,
 * semicolon, full stop (。), question or exclamation mark, bracket or line break. Any negation in the clause is enough:
 * these words only ever raise warnings whose fixes change the figures, and no warning is better than a false one.
 * The Chinese ones are matched anywhere in the clause (不 covers 不是, 不含, 不包括); the English ones as whole
 * words, "n't" at a word's end.
 */
export const NEGATION_WORDS: Record<Lang, readonly string[]> = {
  en: ['not', "n't", 'no', 'non', 'never', 'nor', 'without', 'excluding', 'excl'],
  'zh-CN': ['非', '不', '不是', '不含', '不包括', '未', '无', '没', '没有', '排除'],
  'zh-TW': ['非', '不', '不是', '不含', '不包括', '未', '無', '沒', '沒有', '排除'],
};

/** Where a clause ends, for NEGATION_WORDS. */
const CLAUSE_BREAK = /[,，、;；。!！?？()（）[\]【】\n\r]/;

let toDatePattern: RegExp | undefined;
let negationPattern: RegExp | undefined;

/**
 * The word of TO_DATE_WORDS a text has, as the text spells it ("累計", "YTD"), or null: the first one without a
 * negation in its clause (see NEGATION_WORDS).
 */
export function toDateWord(text: string): string | null {
  toDatePattern ??= new RegExp(
    [...new Set(LANGS.flatMap((lang) => TO_DATE_WORDS[lang]))]
      .map((word) =>
        /^[a-z ]+$/i.test(word)
          ? `(?<![a-z])${word === 'to date' ? '(?<!up[\\s-]*)' : ''}${word.replace(/ /g, '[\\s-]*')}s?(?![a-z])`
          : foldChinese(word),
      )
      .join('|'),
    'i',
  );
  return unnegatedWord(text, toDatePattern);
}

/**
 * Words that say a check-in row is a subtotal or total of the rows above it (Q4 小計, 合計, Total), not an amount of
 * its own: in its Note (subtotalCheckIns, shared/subtotals.ts). Matched as TO_DATE_WORDS are: the two Chinese scripts
 * aside, the English ones as whole words in any case; a word with a negation in its clause never counts. On their
 * own they prove nothing ("三家門市合計" can be a month's real amount): a row is taken for a subtotal only where its
 * value is also the sum of the check-ins above it.
 */
export const SUBTOTAL_WORDS: Record<Lang, readonly string[]> = {
  en: ['subtotal', 'sub-total', 'total'],
  'zh-CN': ['小计', '合计', '总计'],
  'zh-TW': ['小計', '合計', '總計'],
};

let subtotalPattern: RegExp | undefined;

/**
 * The word of SUBTOTAL_WORDS a text has, as the text spells it ("小計", "Total"), or null. A text with none of the
 * characters every such word has (計 计, or "otal" / "OTAL") is answered without a pattern: a plan can have a Note
 * on each of its 127,000 check-ins.
 */
export function subtotalWord(text: string): string | null {
  if (!(text.includes('計') || text.includes('计') || text.includes('otal') || text.includes('OTAL')))
    return null;
  subtotalPattern ??= new RegExp(
    [...new Set(LANGS.flatMap((lang) => SUBTOTAL_WORDS[lang]))]
      .map((word) =>
        /^[a-z -]+$/i.test(word)
          ? `(?<![a-z])${word.replace(/[ -]/g, '[\\s-]?')}s?(?![a-z])`
          : foldChinese(word),
      )
      .join('|'),
    'i',
  );
  return unnegatedWord(text, subtotalPattern);
}

/** The first match of `pattern` in a clause of the text without a negation (NEGATION_WORDS), as the text spells it. */
function unnegatedWord(text: string, pattern: RegExp): string | null {
  negationPattern ??= new RegExp(
    [...new Set(LANGS.flatMap((lang) => NEGATION_WORDS[lang]))]
      .map((word) =>
        word === "n't"
          ? "n['’]t(?![a-z])"
          : /^[a-z]+$/i.test(word)
            ? `(?<![a-z])${word}(?![a-z])`
            : foldChinese(word),
      )
      .join('|'),
    'i',
  );
  // Chinese folded to one script, as headers are (character by character: the text keeps its length).
  const typed = text.normalize('NFKC');
  const folded = foldChinese(typed);
  const clauses = folded.split(CLAUSE_BREAK);
  let offset = 0;
  for (const clause of clauses) {
    const match = negationPattern.test(clause) ? null : pattern.exec(clause);
    if (match) return typed.slice(offset + match.index, offset + match.index + match[0].length);
    offset += clause.length + 1;
  }
  return null;
}

/**
 * Words that mark a row as an example, as a template keeps one under its header or a person leaves one marked:
 * "（示例）KR-1", "範例", "例：KR1", "e.g. KR-01", "Example", "(sample) Grow MAU". Such a row is left out of the plan
 * (example-row). Matched narrowly (exampleMark), so a real row whose words merely begin with one stays: "EX-1",
 * "Example-driven onboarding", "Sample size of 500", "示例代码库上线" are read as typed.
 */
export const EXAMPLE_MARK_WORDS: Record<Lang, readonly string[]> = {
  en: ['example', 'sample', 'e.g.'],
  'zh-CN': ['示例', '范例', '样例', '例如', '举例', '例'],
  'zh-TW': ['範例', '示例', '樣例', '例如', '舉例', '例'],
};

/**
 * The cells of a row an example mark is looked for in (EXAMPLE_MARK_WORDS), by tab: its ID and its first text cell,
 * where a person types one (a check-in's Date, which no date with a mark in it can be; not its Note, where "e.g."
 * or "sample" can be what the figure is).
 */
export const EXAMPLE_MARK_COLUMNS: Partial<Record<TabKey, readonly string[]>> = {
  departments: ['name'],
  objectives: ['id', 'title'],
  keyResults: ['id', 'title'],
  kpis: ['id', 'name'],
  roadmap: ['id', 'item'],
  actuals: ['metric', 'date'],
};

/** The brackets a mark is put in: (示例), （示例）, [Example], 【範例】, 「例」. */
const MARK_OPEN = '(（[［【〔「『《<';
const MARK_CLOSE = ')）]］】〕」』》>';

/**
 * Of every UTF-16 code, 1 where a marked cell can start with it (a word's first letter, a bracket, a space): the
 * cheap test (exampleMarkStarts), one array read for most cells.
 */
let markStarts: Uint8Array | undefined;
let markPatterns: { whole: RegExp; bracketed: RegExp; labelled: RegExp } | undefined;

/**
 * The first characters an example mark can start with, by UTF-16 code (1 where one can): a reader tests a cell's
 * first character here before calling exampleMark, which most cells of a plan (KR1, 2026-03-28, 提升…) never need.
 */
export function exampleMarkStarts(): Uint8Array {
  if (!markStarts) {
    markStarts = new Uint8Array(0x10000);
    for (const word of new Set(LANGS.flatMap((lang) => EXAMPLE_MARK_WORDS[lang])))
      for (const c of [word[0], word[0].toUpperCase(), word[0].toLowerCase()])
        markStarts[c.charCodeAt(0)] = 1;
    for (const c of `${MARK_OPEN} \t\u3000\u00a0`) markStarts[c.charCodeAt(0)] = 1;
  }
  return markStarts;
}

/**
 * The example mark a cell starts with (EXAMPLE_MARK_WORDS), as typed, or null. A mark is one of:
 * - the whole cell, maybe numbered or in brackets: "示例", "範例", "Example", "Sample 2", "（例）";
 * - a word in brackets before the rest: "（示例）KR-1", "(example) Grow MAU", "【範例】";
 * - a word and a colon before the rest: "例：KR1", "例如：提升转化", "Example: KR-1"; "e.g." and a space: "e.g. KR-01".
 * A word that runs into the rest ("Example-driven", "EX-1", "示例代码库", "Samples") is no mark.
 * This runs on two cells of every row: a cell is first judged by its first character (exampleMarkStarts), most by
 * that alone.
 */
export function exampleMark(text: string): string | null {
  const starts = exampleMarkStarts();
  // An empty text's first code is NaN, which no entry has: no mark.
  if (starts[text.charCodeAt(0)] !== 1) return null;
  if (!markPatterns) {
    const words = [...new Set(LANGS.flatMap((lang) => EXAMPLE_MARK_WORDS[lang]))];
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Longest first (例如 before 例); "e.g." also without its last dot.
    const alternatives = words
      .sort((a, b) => b.length - a.length)
      .map((word) => (word === 'e.g.' ? 'e\\.g\\.?' : escape(word)))
      .join('|');
    const word = `(?:${alternatives})(?:[\\s#_-]*\\d{1,3})?`;
    const open = `[${escape(MARK_OPEN)}]`;
    const close = `[${escape(MARK_CLOSE)}]`;
    markPatterns = {
      whole: new RegExp(`^${open}?\\s*${word}\\s*${close}?\\s*[:：.。]?$`, 'i'),
      bracketed: new RegExp(`^${open}\\s*${word}\\s*${close}`, 'i'),
      labelled: new RegExp(`^(?:${word}\\s*[:：]|e\\.g\\.?(?=[\\s,，:：]))`, 'i'),
    };
  }
  const typed = text.trim();
  if (markPatterns.whole.test(typed)) return typed;
  const at = markPatterns.bracketed.exec(typed) ?? markPatterns.labelled.exec(typed);
  return at ? at[0].trim() : null;
}

/**
 * What people add after a header without changing the column: a mark for a required column (`目標值*`), a colon
 * (`Target:`, `目標值：`), a percent sign saying the column holds percentages (`Confidence %`).
 */
const HEADER_MARKS = /(?:\s*(?:[*＊:：]|(?<=\S)\s*[%％]))+\s*$/;

/** A header without its marks: "目標值" of "目標值*", "Confidence" of "Confidence %". */
const withoutMarks = (text: string): string => text.replace(HEADER_MARKS, '');

const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The names a bilingual header gives, as Hong Kong and Taiwan write them: "方向 Direction", "Baseline 基線",
 * "目標值/Target", "目標值 | Target", "目標值\nTarget" (a line break in the cell). Split at a slash, a bar or a line
 * break, and at the spaces where Chinese turns to another script or back ("Key result 關鍵結果" is two names, "Key
 * result" one; "目標值 Target (USD)" gives "目標值" and "Target (USD)"). One name gives one part.
 */
export function headerParts(text: string): string[] {
  const parts: string[] = [];
  for (const piece of text.split(/[/／|｜\r\n]+/)) {
    let part = '';
    let han: boolean | null = null;
    for (const word of piece.trim().split(/[\s\u3000]+/)) {
      if (!word) continue;
      const isHan = HAS_HAN.test(word);
      if (han !== null && isHan !== han) {
        parts.push(part);
        part = '';
      }
      part = part ? `${part} ${word}` : word;
      han = isHan;
    }
    if (part) parts.push(part);
  }
  return parts;
}

/**
 * The normal forms a header can be matched by (see isForm): without its marks (null when nothing is left), and also
 * without its note (null when that changes nothing or leaves nothing).
 */
interface HeaderForms {
  unmarked: string | null;
  bare: string | null;
}

function headerFormsOf(text: string): HeaderForms {
  const unmarked = withoutMarks(text);
  if (unmarked.trim() === '') return { unmarked: null, bare: null };
  const bare = withoutMarks(withoutNote(unmarked));
  return {
    unmarked: normalizeHeader(unmarked),
    bare: bare !== unmarked && bare.trim() !== '' ? normalizeHeader(bare) : null,
  };
}

/** Whether a header, without its marks, is one of these forms as it stands, or (withNote) with its note left out. */
function isForm(header: HeaderForms, forms: Set<string>, withNote: boolean): boolean {
  if (header.unmarked === null) return false;
  if (forms.has(header.unmarked)) return true;
  return withNote && header.bare !== null && forms.has(header.bare);
}

/** What matchesLabel compares of a header text: its normal form, its forms (isForm), and those of each of its names. */
interface HeaderMatch {
  key: string;
  forms: HeaderForms;
  /** Of each name of a bilingual header (see headerParts), when it gives more than one; empty otherwise. */
  parts: HeaderForms[];
}

/**
 * Remembered per text: the header search asks every cell of a tab's first rows against every column's label, and
 * the marks and notes were stripped again (two regular expressions) for each pair.
 */
const HEADER_MATCHES = new Map<string, HeaderMatch>();
function headerMatchOf(text: string): HeaderMatch {
  let match = HEADER_MATCHES.get(text);
  if (match === undefined) {
    const parts = headerParts(withoutMarks(text));
    match = {
      key: normalizeHeader(text),
      forms: headerFormsOf(text),
      parts: parts.length > 1 ? parts.map(headerFormsOf) : [],
    };
    if (HEADER_MATCHES.size >= 5000) HEADER_MATCHES.clear();
    HEADER_MATCHES.set(text, match);
  }
  return match;
}

/**
 * Whether a header (or a Strategy field name) is this label, in any language or an alias, also with a note in
 * brackets after it ("Target (USD)" is Target: the person added the unit, the column is the same). Marks after it
 * (`目標值*`, `Target:`, `Confidence %`) are no part of the name; a header naming the column in two languages
 * ("方向 Direction", "目標值/Target": see headerParts) is it when each name is it: one naming another column too
 * ("開始 End") is no column (see headerNames).
 */
export function matchesLabel(text: string, label: Localized, withNote = true): boolean {
  const forms = formsOf(label);
  const header = headerMatchOf(text);
  if (forms.has(header.key)) return true;
  if (isForm(header.forms, forms, withNote)) return true;
  return header.parts.length > 1 && header.parts.every((part) => isForm(part, forms, withNote));
}

/**
 * The labels of `labels` that the names of a bilingual header are, each name on its own ("開始 End": Start and End),
 * in the order of `labels`, when it is more than one: such a header names two columns and is read as neither. Empty
 * for a header of one name or whose names agree.
 */
export function headerNames(text: string, labels: readonly Localized[]): Localized[] {
  const { parts } = headerMatchOf(text);
  if (parts.length < 2) return [];
  const named = labels.filter((label) => parts.some((part) => isForm(part, formsOf(label), true)));
  return named.length > 1 ? named : [];
}

/** Per enum, every accepted spelling (normalised) → its key; the first value listing a spelling wins. */
const ENUM_SPELLINGS = new Map<EnumKey, Map<string, string>>();
/** Normalised cell texts, remembered: an Actuals tab repeats the same few words thousands of times. */
const WANTED = new Map<string, string>();

/** The canonical key of an enum value written in any language or alias (case- and space-insensitive), or undefined. */
export function matchEnum<K extends EnumKey>(enumKey: K, text: string): keyof (typeof ENUMS)[K] | undefined {
  let spellings = ENUM_SPELLINGS.get(enumKey);
  if (!spellings) {
    spellings = new Map();
    for (const [key, label] of Object.entries(ENUMS[enumKey] as Record<string, Localized>)) {
      for (const form of [key, ...labelSpellings(label)].map((s) => normalizeHeader(s).replace(/-/g, ''))) {
        if (form && !spellings.has(form)) spellings.set(form, key);
      }
    }
    ENUM_SPELLINGS.set(enumKey, spellings);
  }
  let wanted = WANTED.get(text);
  if (wanted === undefined) {
    wanted = normalizeHeader(text).replace(/-/g, '');
    if (WANTED.size >= 1000) WANTED.clear();
    WANTED.set(text, wanted);
  }
  const found = spellings.get(wanted);
  if (found !== undefined) return found as keyof (typeof ENUMS)[K];
  // A value with a note in brackets after it, as the template's own note writes them: "increase (higher is
  // better)", "Cumulative (sum)". Read as the value before the note; the Targets formulas, which compare the cell
  // whole, get an unreadable-by-formulas warning whose quick fix types the value alone.
  const noted = /^(.+?)[(（][^()（）]*[)）]$/.exec(wanted);
  if (noted) return spellings.get(noted[1]) as keyof (typeof ENUMS)[K] | undefined;
  // A done word with a check mark beside it ("已完成 ✅", "Done ✓"), as a status is ticked off: done, which the mark
  // says too. Beside any other word (進行中 ✅) the mark says something the word does not, and the cell is refused.
  const ticked = /^[✓✔☑✅]?(.+?)[✓✔☑✅]?$/u.exec(wanted);
  return ticked && ticked[1] !== wanted && spellings.get(ticked[1]) === 'done'
    ? ('done' as keyof (typeof ENUMS)[K])
    : undefined;
}

/**
 * How phase names are compared, as allowed values are: case, spaces, hyphens, full-width forms and the two Chinese
 * scripts aside (`Pre-launch`, `pre launch` and `PRELAUNCH` are one phase, 發布期 and 发布期 too).
 */
export const phaseForm = (text: string): string => normalizeHeader(text).replace(/-/g, '');

let phaseSpellings: Map<string, PhaseKey> | undefined;

/** The template's phase a Phase cell names, in any language of the template, or undefined for a plan's own phase. */
export function matchPhase(text: string): PhaseKey | undefined {
  if (!phaseSpellings) {
    phaseSpellings = new Map();
    for (const key of PHASE_KEYS)
      for (const form of [key, ...labelSpellings(PHASES[key])].map(phaseForm))
        if (form && !phaseSpellings.has(form)) phaseSpellings.set(form, key);
  }
  return phaseSpellings.get(phaseForm(text));
}

/** The labels of an enum in one language, in contract order (for drop-downs). */
export function enumLabels(enumKey: EnumKey, lang: Lang): string[] {
  return Object.values(ENUMS[enumKey] as Record<string, Localized>).map((l) => l[lang]);
}

export function enumLabel<K extends EnumKey>(enumKey: K, value: keyof (typeof ENUMS)[K], lang: Lang): string {
  return (ENUMS[enumKey] as Record<string, Localized>)[value as string]?.[lang] ?? String(value);
}

/** The languages a plan can name: the languages the product speaks. */
export type LanguageTag = Lang;

/** What each language is called, for messages. */
export const LANGUAGE_NAMES: Record<LanguageTag, Localized> = {
  en: localized((m) => m.template.languageNames.en),
  'zh-CN': localized((m) => m.template.languageNames['zh-CN']),
  'zh-TW': localized((m) => m.template.languageNames['zh-TW']),
};

/**
 * Names people type for a language, besides language tags (en, en-GB, zh-CN, zh_TW, zh-Hant, zh-HK…), compared
 * ignoring case, spaces, brackets and the two Chinese scripts. 中文, Chinese and a bare zh mean Simplified Chinese.
 */
export const LANGUAGE_SPELLINGS: Record<LanguageTag, readonly string[]> = {
  en: ['English', 'eng', '英文', '英語', '英语'],
  'zh-CN': [
    'Chinese',
    'Simplified Chinese',
    'Chinese (Simplified)',
    '中文',
    '簡體中文',
    '简体中文',
    '中文（簡體）',
    '中文（简体）',
    '簡體',
    '简体',
    '簡中',
    '简中',
    '漢語',
    '汉语',
    '華語',
    '华语',
    // Where it is written: the mainland writes Simplified characters.
    '大陸',
    '大陆',
    '中國大陸',
    '中国大陆',
    'CN',
    'chs',
  ],
  'zh-TW': [
    'Traditional Chinese',
    'Chinese (Traditional)',
    '繁體中文',
    '繁体中文',
    '中文（繁體）',
    '中文（繁体）',
    '正體中文',
    '正体中文',
    '繁體',
    '繁体',
    '正體',
    '正体',
    '繁中',
    '中文（台灣）',
    '中文（台湾）',
    '繁體中文（台灣）',
    '繁体中文（台湾）',
    'Chinese (Taiwan)',
    'Chinese (Hong Kong)',
    '中文（香港）',
    // Where it is written, and what it is spoken as: Taiwan, Hong Kong and Macau write Traditional characters, as
    // Taiwan's 國語 and 華文 and Hong Kong's Cantonese (粵語, 廣東話) are written.
    '台灣',
    '台湾',
    '臺灣',
    '香港',
    '澳門',
    '澳门',
    '國語',
    '国语',
    '華文',
    '华文',
    '粵語',
    '粤语',
    '廣東話',
    '广东话',
    // 台灣華語: Taiwan Mandarin, as a language setting may name it; the place in English too.
    '台灣華語',
    '台湾华语',
    '臺灣華語',
    'Taiwan',
    'Taiwanese Mandarin',
    'Hong Kong',
    'TW',
    'HK',
    'cht',
  ],
};

const squash = (text: string) => normalizeHeader(text).replace(/[()[\]\-.]/g, '');
let languageBySpelling: Map<string, LanguageTag> | undefined;

/** Names of Chinese that say no script ("中文", "zh"): languageTag reads them as zh-CN, for want of anything else. */
const CHINESE_WITHOUT_SCRIPT = new Set(
  ['zh', 'zho', 'chi', 'Chinese', '中文', '漢語', '汉语', '華語', '华语'].map(squash),
);

/** Whether a Language cell names Chinese without saying which script: the plan's tabs then decide. */
export const namesChineseWithoutScript = (text: string): boolean =>
  CHINESE_WITHOUT_SCRIPT.has(squash(text)) ||
  (headerParts(text).length > 1 &&
    headerParts(text).every((part) => CHINESE_WITHOUT_SCRIPT.has(squash(part))));

/**
 * The language a Language cell, a --lang option or a locale names: 'en', 'zh-CN' or 'zh-TW', or null when it
 * names none of them (the caller says so; never a silent guess). Accepts language tags in any case with - or _
 * (zh-Hant, zh_TW, zh-HK, zh-Hans-CN, en-US…) and the names in LANGUAGE_SPELLINGS.
 */
export function languageTag(text: string): LanguageTag | null {
  const tag = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/^(en|zh)(?=[a-z]{2,4}$)/, '$1-'); // zhTW, enUS
  const parts = /^([a-z]{2,3})(?:-([a-z0-9-]+))?$/.exec(tag);
  if (parts) {
    const subtags = (parts[2] ?? '').split('-');
    if (parts[1] === 'en') return 'en';
    if (parts[1] === 'zh') {
      // The script decides; without one, the region: Taiwan, Hong Kong and Macau write Traditional characters.
      if (subtags.includes('hant')) return 'zh-TW';
      if (subtags.includes('hans')) return 'zh-CN';
      return subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo') ? 'zh-TW' : 'zh-CN';
    }
  }
  if (!languageBySpelling) {
    languageBySpelling = new Map();
    for (const [lang, spellings] of Object.entries(LANGUAGE_SPELLINGS))
      for (const spelling of spellings) languageBySpelling.set(squash(spelling), lang as LanguageTag);
  }
  const named = languageBySpelling.get(squash(text));
  if (named) return named;
  // "繁體中文 Traditional Chinese", "English / 英文": a name in two languages, when both name one language (a name
  // of Chinese without a script, 中文 or Chinese, goes with either script).
  const names = headerParts(text);
  if (names.length < 2) return null;
  let scripted: LanguageTag | null = null;
  let chinese = false;
  for (const part of names) {
    const one = languageBySpelling.get(squash(part));
    if (!one) return null;
    if (namesChineseWithoutScript(part)) chinese = true;
    else if (scripted && scripted !== one) return null;
    else scripted = one;
  }
  if (scripted === 'en' && chinese) return null;
  return scripted ?? 'zh-CN';
}

export function langFromLocale(locale: string | undefined | null): Lang {
  return languageTag(String(locale ?? '')) ?? 'en';
}

/**
 * The headers of an Actuals tab kept as months in columns (one row per metric, one column per month: 指標 | 1月 | 2月
 * …), by month (January first), in every language: English month names and their short forms, and 一月 … 十二月
 * (the same characters in Simplified and Traditional). Numeric forms are read by monthHeaderOf: 1月, "1 月", 01月份,
 * 2026年1月, 115年1月 and 115/01 (a Minguo year), 2026-01, 2026/1, 2026.01, and a name with a year ("Jan 2026"). A note in
 * brackets after it is kept apart (1月（累計）, "Jan (YTD)"), and a word of MONTH_QUALIFIER_WORDS with it says which of
 * the month's columns it is (1月實際, "Jan target").
 */
export const MONTH_HEADER_WORDS: Record<Lang, readonly (readonly string[])[]> = {
  en: [
    ['Jan', 'January'],
    ['Feb', 'February'],
    ['Mar', 'March'],
    ['Apr', 'April'],
    ['May'],
    ['Jun', 'June'],
    ['Jul', 'July'],
    ['Aug', 'August'],
    ['Sep', 'Sept', 'September'],
    ['Oct', 'October'],
    ['Nov', 'November'],
    ['Dec', 'December'],
  ],
  'zh-CN': ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].map((n) => [
    `${n}月`,
  ]),
  'zh-TW': ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].map((n) => [
    `${n}月`,
  ]),
};

/**
 * The words that say which of a month's columns holds its actual figures and which its target, on an Actuals tab
 * kept as months in columns: in a second header row under a month header merged over its columns (1月 over 目標 |
 * 實際), or with the month in one header (1月目標 | 1月實際, "Jan target | Jan actual"). Only the actual column is
 * read; a target column is left out. Matched as headers are (normalizeHeader: case, spaces and the two Chinese
 * scripts aside). The same words, in a column of the person's own on the Actuals tab (項目: 目標 | 實際), say a row
 * of targets is no check-in (actual-kinds.ts).
 */
export const MONTH_QUALIFIER_WORDS: Record<Lang, Record<MonthQualifier, readonly string[]>> = {
  en: {
    actual: ['Actual', 'Actuals', 'Act', 'Actual value'],
    target: ['Target', 'Plan', 'Planned', 'Budget', 'Goal', 'Forecast'],
  },
  'zh-CN': {
    actual: ['实际', '实际值', '实绩', '实际数'],
    target: ['目标', '目标值', '计划', '计画', '预计', '预算'],
  },
  'zh-TW': {
    actual: ['實際', '實際值', '實績', '實際數'],
    target: ['目標', '目標值', '計畫', '計劃', '預計', '預算'],
  },
};

/** Which of a month's columns a header says it is (MONTH_QUALIFIER_WORDS). */
export type MonthQualifier = 'actual' | 'target';

/** MONTH_QUALIFIER_WORDS normalised as headers are, longest first (實際值 before 實際). */
let qualifierWords: [string, MonthQualifier][] | undefined;

function qualifierList(): [string, MonthQualifier][] {
  if (!qualifierWords) {
    const all = new Map<string, MonthQualifier>();
    for (const lang of LANGS)
      for (const kind of ['actual', 'target'] as const)
        for (const word of MONTH_QUALIFIER_WORDS[lang][kind]) all.set(normalizeHeader(word), kind);
    qualifierWords = [...all].sort((a, b) => b[0].length - a[0].length);
  }
  return qualifierWords;
}

/** The qualifier a header is, whole ("實際", "Actual", "目標（萬元）"), or null. */
export function monthQualifierOf(text: string): MonthQualifier | null {
  const key = normalizeHeader(withoutNote(text));
  return qualifierList().find(([word]) => word === key)?.[1] ?? null;
}

/** A month header without the qualifier typed with it: "1月" of "1月目標", "Jan" of "Jan - target". */
export function withoutMonthQualifier(text: string): string {
  const trimmed = text.trim();
  const words = LANGS.flatMap((lang) => [
    ...MONTH_QUALIFIER_WORDS[lang].actual,
    ...MONTH_QUALIFIER_WORDS[lang].target,
  ]);
  for (const word of words.sort((a, b) => b.length - a.length)) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');
    const at = new RegExp(`^(.+?)[\\s\\-/:：·|]*${escaped}$|^${escaped}[\\s\\-/:：·|]*(.+)$`, 'i').exec(
      trimmed,
    );
    const rest = at?.[1] ?? at?.[2];
    if (rest && monthHeaderOf(rest)?.qualifier === null) return rest;
  }
  return trimmed;
}

/**
 * Words that name the last or the first day of a month typed with them, in a date cell: 2026年8月底, 2026年8月末,
 * 2026/8月底, "end of Aug 2026" are 2026-08-31; 2026年8月初, "start of Aug 2026", "beginning of August 2026" are
 * 2026-08-01, in any date field (a Start typed "end of" a month is that month's last day: what the words say). The
 * month is one with its year, as a month header writes it (monthHeaderOf: 2026年8月, 2026/8, 115年8月, Aug 2026); a
 * month without its year (8月底) is no date, as 8月 is not. `before` goes before the month, `after` after it (月底 after
 * 2026年8 or 2026/8). Matched as headers are (normalizeHeader: case, spaces, width and the two Chinese scripts aside).
 */
export const MONTH_EDGE_WORDS: Record<
  'first' | 'last',
  { before: readonly string[]; after: readonly string[] }
> = {
  last: { before: ['end of', 'the end of'], after: ['月底', '月末'] },
  first: { before: ['start of', 'the start of', 'beginning of', 'the beginning of'], after: ['月初'] },
};

/** The month and which of its days a date typed with MONTH_EDGE_WORDS names, or null for any other text. */
export function monthEdgeOf(text: string): { year: number; month: number; edge: 'first' | 'last' } | null {
  const key = normalizeHeader(text);
  for (const edge of ['last', 'first'] as const) {
    const { before, after } = MONTH_EDGE_WORDS[edge];
    const rests = [
      ...before
        .map(normalizeHeader)
        .filter((word) => key.startsWith(word))
        .map((word) => key.slice(word.length)),
      // 月底 ends 2026年8月 (2026年8 before it) or follows 2026/8 (2026/8月底).
      ...after
        .map(normalizeHeader)
        .filter((word) => key.endsWith(word))
        .flatMap((word) => [`${key.slice(0, -word.length)}月`, key.slice(0, -word.length)]),
    ];
    for (const rest of rests) {
      const month = rest ? monthOnly(rest) : null;
      if (month && month.year !== null) return { year: month.year, month: month.month, edge };
    }
  }
  return null;
}

/**
 * Words that name a quarter or a half of a year, typed with its year in a plan's Start, Due or End or the Strategy
 * period's start or end: Q3 2026, 2026 Q3, 2026Q3, 2026年Q3, 2026年第三季, 2026年第3季度, 115年第三季 (a Minguo year, with
 * 年) are 2026-07-01 in a Start and 2026-09-30 in a Due or an End, as a month typed without its day is its first or
 * its last day; H1 2026, 2026年上半年 are 2026-01-01 or 2026-06-30. The word goes before or after the year, with a space,
 * a dash, a slash, a comma or none between (and "of": "first half of 2026"). A check-in's Date is one day, never a
 * span: a quarter's amount would count in its first month alone, so it is refused there. A quarter without its year
 * (Q3), one that is none (Q5, 第五季) and a fiscal year (FY2026, Q3 FY26: companies start theirs in different months)
 * are no date. Matched as headers are (normalizeHeader: case, spaces, width and the two Chinese scripts aside).
 */
export const SPAN_WORDS: { quarter: readonly (readonly string[])[]; half: readonly (readonly string[])[] } = {
  quarter: [
    ['Q1', '1Q', 'first quarter', '1st quarter', '第一季', '第1季', '第一季度', '第1季度', '一季度', '1季度'],
    [
      'Q2',
      '2Q',
      'second quarter',
      '2nd quarter',
      '第二季',
      '第2季',
      '第二季度',
      '第2季度',
      '二季度',
      '2季度',
    ],
    ['Q3', '3Q', 'third quarter', '3rd quarter', '第三季', '第3季', '第三季度', '第3季度', '三季度', '3季度'],
    [
      'Q4',
      '4Q',
      'fourth quarter',
      '4th quarter',
      '第四季',
      '第4季',
      '第四季度',
      '第4季度',
      '四季度',
      '4季度',
    ],
  ],
  half: [
    ['H1', '1H', 'first half', '1st half', '上半年', '上半年度'],
    ['H2', '2H', 'second half', '2nd half', '下半年', '下半年度'],
  ],
};

/**
 * Words that name the last or the first day of a year typed with them: 2026年底, 2026年末, "end of 2026", 115年底 are
 * 2026-12-31; 2026年初, "start of 2026" are 2026-01-01, in any date field, as a month's end or start is
 * (MONTH_EDGE_WORDS): what the words say, a Start typed "end of 2026" too. Before or after the year, as SPAN_WORDS.
 */
export const YEAR_EDGE_WORDS: Record<'first' | 'last', readonly string[]> = {
  last: [...MONTH_EDGE_WORDS.last.before, 'year-end', 'year end', '年底', '年末'],
  first: [...MONTH_EDGE_WORDS.first.before, '年初'],
};

/** SPAN_WORDS and YEAR_EDGE_WORDS normalised as headers are, to the months they span and the day they name. */
let spanWords: Map<string, { months: [number, number]; edge: 'first' | 'last' | null }> | undefined;

/**
 * The span a date typed with SPAN_WORDS or YEAR_EDGE_WORDS names, with its year: its first and last months, and
 * `edge`, the day its words name whatever the field (a year's end or start), or null where the field says (a quarter
 * or a half: its first day in a Start, its last in a Due or an End). Null for any other text.
 */
export function spanOf(
  text: string,
): { year: number; months: [number, number]; edge: 'first' | 'last' | null } | null {
  if (!spanWords) {
    spanWords = new Map();
    SPAN_WORDS.quarter.forEach((words, i) => {
      for (const word of words)
        spanWords!.set(normalizeHeader(word), { months: [3 * i + 1, 3 * i + 3], edge: null });
    });
    SPAN_WORDS.half.forEach((words, i) => {
      for (const word of words)
        spanWords!.set(normalizeHeader(word), { months: [6 * i + 1, 6 * i + 6], edge: null });
    });
    for (const edge of ['last', 'first'] as const)
      for (const word of YEAR_EDGE_WORDS[edge])
        spanWords.set(normalizeHeader(word), { months: [1, 12], edge });
  }
  const key = normalizeHeader(text);
  const trim = (rest: string) => rest.replace(/^[-/,.·'’]+|[-/,.·'’]+$/g, '');
  // The year first (2026 Q3, 2026年第三季, 115年底: a Minguo year with 年 or after 民國), or last (Q3 2026, end of 2026).
  const before = /^(民國|民国)?(\d{3,4})(.+)$/.exec(key);
  if (before) {
    const minguo = before[2].length === 3;
    const rest = trim(before[3]);
    if (!minguo || ((before[1] || rest.startsWith('年')) && /^1\d\d$/.test(before[2]))) {
      const year = Number(before[2]) + (minguo ? 1911 : 0);
      const span =
        spanWords.get(rest) ?? (rest.startsWith('年') ? spanWords.get(trim(rest.slice(1))) : undefined);
      if (span && year >= 1900 && year <= 9999) return { year, ...span };
    }
  }
  const after = /^(.+?)(\d{4})$/.exec(key);
  if (after) {
    const rest = trim(after[1]);
    const span =
      spanWords.get(rest) ?? (rest.endsWith('of') ? spanWords.get(trim(rest.slice(0, -2))) : undefined);
    const year = Number(after[2]);
    if (span && year >= 1900) return { year, ...span };
  }
  return null;
}

/** A month header's words, normalised as headers are (normalizeHeader), to the month they name (1–12). */
let monthWords: Map<string, number> | undefined;

/** A month header read: its month, its year where it gives one, its note in brackets, and its qualifier. */
export interface MonthHeader {
  month: number;
  year: number | null;
  /** The note in brackets after it ("累計" of "1月（累計）"), or null. */
  note: string | null;
  /** The qualifier typed with the month ("1月實際", "Jan target"), or null for a month alone. */
  qualifier: MonthQualifier | null;
}

/**
 * The month a header of an Actuals tab kept as months in columns names, with its year where it gives one (a Minguo
 * year as its Gregorian year), or null for any other header. A trailing 份 (1月份) and a dot ("Sept.") are allowed.
 */
export function monthHeaderOf(text: string): MonthHeader | null {
  const note = headerNote(text);
  const bare = normalizeHeader(withoutNote(text));
  const alone = monthOnly(bare);
  if (alone) return { ...alone, note, qualifier: null };
  // The qualifier before or after the month, with a separator or none: 1月實際, "Jan actual", "Target - Jan".
  for (const [word, qualifier] of qualifierList()) {
    const rest = bare.endsWith(word)
      ? bare.slice(0, -word.length)
      : bare.startsWith(word)
        ? bare.slice(word.length)
        : null;
    if (rest === null) continue;
    const month = monthOnly(rest.replace(/^[-/:：·|]+|[-/:：·|]+$/g, ''));
    if (month) return { ...month, note, qualifier };
  }
  return null;
}

/** The month a header names, normalised and without its note or qualifier, or null. */
function monthOnly(normalized: string): { month: number; year: number | null } | null {
  if (!monthWords) {
    monthWords = new Map();
    for (const lang of LANGS)
      MONTH_HEADER_WORDS[lang].forEach((words, i) => {
        for (const word of words) monthWords!.set(normalizeHeader(word), i + 1);
      });
  }
  const key = normalized.replace(/份$|\.$/, '');
  const valid = (month: number, year: number | null) =>
    month >= 1 && month <= 12 && (year === null || (year >= 1900 && year <= 9999)) ? { month, year } : null;
  const word = monthWords.get(key);
  if (word !== undefined) return { month: word, year: null };
  let m = /^(\d{1,2})月$/.exec(key);
  if (m) return valid(Number(m[1]), null);
  // 2026-01, 2026/1, 2026.01, 2026年1月.
  m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月)$/.exec(key);
  if (m) return valid(Number(m[2] ?? m[3]), Number(m[1]));
  // 115年1月, 民國115年1月: a Minguo year, 1911 before the Gregorian (100 is 2011).
  m = /^(?:民國|民国)?(1\d{2})年(\d{1,2})月$/.exec(key);
  if (m) return valid(Number(m[2]), Number(m[1]) + 1911);
  // 115/01, 115/1: a Minguo year and month with a slash, as Taiwan writes dates (115/01/15).
  m = /^(1\d{2})\/(\d{1,2})$/.exec(key);
  if (m) return valid(Number(m[2]), Number(m[1]) + 1911);
  // A month's word with a year: "Jan 2026", "January-2026", 2026年一月.
  m = /^([a-z]+)\.?[-,/]?(\d{4})$/.exec(key);
  const [name, year] = m ? [m[1], m[2]] : (/^(\d{4})年(.+)$/.exec(key)?.slice(1).reverse() ?? []);
  const named = name === undefined ? undefined : monthWords.get(name);
  if (named !== undefined) return valid(named, Number(year));
  return null;
}
