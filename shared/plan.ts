/**
 * The typed plan the parser produces and every later stage (checks, decomposition, progress, views) reads. A plan
 * is read-only once made: the stages share an index of its cross-references built on first use (plan-index.ts),
 * so a changed plan is a new plan object (`{ ...plan, keyResults: [...] }`), never one edited in place.
 */
import type { IsoDate, Month } from './calendar';
import type { Cell } from './cells';
import type {
  Cadence,
  Direction,
  Lang,
  MetricType,
  Phasing,
  RoadmapStatus,
  StrategyFieldKey,
  TabKey,
} from './template';

/** Where a row came from, so any issue about it can name the sheet and cell. */
export interface RowRef {
  /** 1-based row number on its sheet. */
  row: number;
}

export interface Department extends RowRef {
  name: string;
  lead: string;
  color: string;
}

export interface Objective extends RowRef {
  id: string;
  title: string;
  owner: string;
  parent: string;
  start: IsoDate | null;
  end: IsoDate | null;
  notes: string;
}

export interface KeyResult extends RowRef {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  type: MetricType;
  unit: string;
  direction: Direction;
  baseline: number;
  /** null when the cell is empty or unreadable (an issue says so). */
  target: number | null;
  /** Resolved: the KR's own Start, else the period start. */
  start: IsoDate | null;
  due: IsoDate | null;
  phasing: Phasing;
  weight: number;
  confidence: number | null;
  /**
   * The choice column whose cell could not be read (an invalid-choice error at it), when it changes the numbers:
   * the key result is left out of progress (`invalid-choice`) rather than judged on the default. Absent otherwise.
   */
  unreadChoice?: 'type' | 'direction' | 'phasing';
  /**
   * The Type, Direction or Phasing cell as typed, when it could not be read ('' for a formula saved without its
   * result): `type`, `direction` and `phasing` then hold the default only so that they stay set, and every surface
   * shows this text, marked as not understood, rather than the default as if the cell said it. Absent otherwise.
   */
  unreadType?: string;
  unreadDirection?: string;
  unreadPhasing?: string;
  /**
   * The Start or Due cell that holds something but could not be read (a date error at it): the key result's window,
   * and its KPIs', stands in as the period's, so what depends on the window (a month's missing check-in, pace) is not
   * said of them as if the period were the window. Absent otherwise.
   */
  unreadDate?: 'start' | 'due';
}

export interface Kpi extends RowRef {
  id: string;
  name: string;
  owner: string;
  keyResultId: string;
  unit: string;
  direction: Direction;
  target: number | null;
  cadence: Cadence;
  /** Set when the Direction cell could not be read: the KPI is left out of progress (see KeyResult.unreadChoice). */
  unreadChoice?: 'direction';
  /** The Direction cell as typed when it could not be read (see KeyResult.unreadDirection). */
  unreadDirection?: string;
}

export interface RoadmapItem extends RowRef {
  id: string;
  item: string;
  phase: string;
  owner: string;
  start: IsoDate | null;
  end: IsoDate | null;
  keyResultIds: string[];
  /** Null without a Status column, or when the cell names no status (then unreadStatus holds it). */
  status: RoadmapStatus | null;
  /** The Status cell as typed when it names no status (an invalid-choice error at the cell): shown as typed. */
  unreadStatus?: string;
}

export interface Actual extends RowRef {
  date: IsoDate;
  metric: string;
  value: number;
  note: string;
}

export interface Change extends RowRef {
  timestamp: string;
  sheet: string;
  cell: string;
  id: string;
  field: string;
  oldValue: string;
  newValue: string;
  reason: string;
  /** Who made the change: the editor's e-mail as the add-on logs it, or a name typed by hand; '' when not known. */
  who: string;
}

/** What the generated Targets tab holds, read back: the user's custom weights and the sheet's computed months. */
export interface TargetsTab {
  months: Month[];
  /**
   * Custom-phasing weights per metric ID (in lower case, as IDs are matched everywhere: KR2 renamed kr2 keeps its
   * weights; see customWeights) and month, as typed by the user.
   */
  weights: Record<string, Record<Month, number>>;
  /**
   * What the weights rows hold that is no usable weight (a negative number, text), as typed: not used, but kept
   * by a rebuild, so the cell an invalid-weight issue points at still holds what the person typed.
   */
  unusableWeights: Record<string, Record<Month, Cell>>; // by ID in lower case, as weights
  /** Each weights row's ID as typed, by the ID in lower case (to name weights a rebuild could not keep). */
  weightIds: Record<string, string>;
  /** The 1-based row whose weights `weights` holds, by the ID in lower case (the last of an ID's weights rows). */
  weightRows: Record<string, number>;
  /**
   * The values the sheet's own formulas computed (cached results), per metric ID and month; `blank`: the months
   * whose cell is blank (a month outside a threshold's window, or a workbook saved without results); `name`,
   * `owner`: the row's Name and Owner as the tab shows them (null without that column); `error`: the first month
   * cell of the row that shows #REF! (a plan row its formula pointed at was deleted), or null.
   */
  computed: Record<
    string,
    {
      row: number;
      values: Record<Month, number | null>;
      blank: Month[];
      name: string | null;
      owner: string | null;
      error: { column: number; value: string } | null;
    }
  >;
  /** The As of cell under its header (row 2): what it holds, and the day it is, or null when it is no date. */
  asOf: { row: number; column: number; cell: Cell; day: IsoDate | null } | null;
  /** 1-based column of each month, to point issues at a cell. */
  monthColumns: Record<Month, number>;
  /**
   * Metric IDs (lower case) whose row reads a plan cell that its formulas cannot use as the plan does (each with
   * its `unreadable-by-formulas` warning, shared/formula-inputs.ts): the row differs from the plan until that cell
   * is typed as the warning says; a rebuild would not change it.
   */
  unreadableInputs: string[];
}

/** Where each tab was found and which column holds each field, for locating issues and writing back. */
export interface SheetLayout {
  sheet: string;
  headerRow: number;
  /** Column key → 1-based column number, for the columns that were found. */
  columns: Record<string, number>;
  /**
   * Column key → its header as typed, for the columns read whose header has a note in brackets ("數值（累計）"): what
   * the checks read of the note (to-date-header). Absent when no header has one.
   */
  notedHeaders?: Record<string, string>;
  /** Rows up to the last one with something in it, and the columns the sheet has: where issue locations go. */
  rowCount: number;
  columnCount: number;
  /**
   * An Actuals tab kept as months in columns (指標 | 1月 | 2月 …): the 1-based column of each month read, its header
   * as typed (by column: what a message calls a cell's field, as "Value" on the usual tab), and the first row of each
   * metric (by its ID in lower case), so a message can name the cell a month's check-in goes in.
   */
  wide?: {
    months: Record<Month, number>;
    headers: Record<number, string>;
    rows: Record<string, number>;
    /**
     * The other headings of the figures, as typed, in sheet order: the cells above the month headers (a title, a
     * header over the months: "實際（累計）") and those of the row under them over the months read (1月 over 實際).
     * Absent without any.
     */
    headings?: { row: number; column: number; text: string }[];
  };
  /**
   * An Actuals column of the person's own saying what each row is (項目: 目標 | 實際 | 累計; actual-kinds.ts), where
   * rows of totals to date are counted: its 1-based column, its header as typed, and those rows (1-based), whose
   * text the checks read as their Note's (to-date-note). Absent otherwise.
   */
  kindColumn?: { column: number; header: string; rows: number[] };
}

export interface Strategy {
  values: Record<StrategyFieldKey, string>;
  /** Row of each field on the Strategy tab (when present). */
  rows: Partial<Record<StrategyFieldKey, number>>;
  /**
   * Rows of the Strategy tab whose Field names no field of the template while their Value holds text, in order: the
   * label as typed and its row. Their values are not read. A row with a blank Value (a heading, a note) is not one.
   */
  unread: { row: number; label: string }[];
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
  months: Month[];
}

export interface Plan {
  lang: Lang;
  strategy: Strategy;
  period: Period | null;
  departments: Department[];
  objectives: Objective[];
  keyResults: KeyResult[];
  kpis: Kpi[];
  roadmap: RoadmapItem[];
  actuals: Actual[];
  changes: Change[];
  targets: TargetsTab | null;
  layout: Partial<Record<TabKey, SheetLayout>>;
  /**
   * The months of the check-ins typed on tabs of more check-ins ("Actuals 2027"), which are not read, by metric ID in
   * lower case (shared/more-actuals.ts): a month they hold is not said to lack one, as the tab's extra-actuals-tab
   * warning says to move them. Absent without such rows.
   */
  unreadCheckIns?: Map<string, Set<Month>>;
}

/**
 * Whether the plan was read from a workbook that has no Actuals tab (its Key Results tab found, that one not, or
 * under a name the template does not know). No check-in was read at all, so progress is not judged, as the tab's
 * missing-tab-optional warning says, rather than every metric judged as if nothing had been checked in (every
 * objective off track, every milestone missed). A plan made by hand, without a layout, has its check-ins in `actuals`.
 */
export function actualsTabMissing(plan: Plan): boolean {
  return plan.layout.actuals === undefined && plan.layout.keyResults !== undefined;
}

/** A metric is anything with a target and actuals: a key result or a KPI. */
export type Metric = { kind: 'kr'; kr: KeyResult } | { kind: 'kpi'; kpi: Kpi };
