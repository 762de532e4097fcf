/**
 * The report's view: plain objects the templates only place (numbers already formatted, statuses with their
 * label, shape and colour class, links and ids made safe), and the limits that shape a large plan's pages.
 */
import type { SincePreviousView, TrendView } from './since-previous';
import type { IsoDate } from '../../shared/calendar';
import type { Severity } from '../../shared/issues';
import type { Status } from '../../shared/progress';
import type { Lang } from '../../shared/template';
import type { Labels } from '../i18n';

/** Above this many key results the company page summarises and departments get their own pages. */
export const LARGE_PLAN_KEY_RESULTS = 30;
/** Per-KR charts cost ~10 ms and ~15 KB each: drawn for plans of up to this many key results. */
export const CHART_LIMIT = 40;
/** Issues listed per severity on the company page before the rest move to issues.html. */
export const ISSUES_PER_SEVERITY = 50;
/** Objectives and KPIs named in the pyramid of a large plan, the worst of them, before "+N more". */
export const PYRAMID_ITEMS = 8;
/**
 * Key results and KPIs named under the company page's headline counts (off track, missed or at risk, worst first)
 * before "+N more": a plan of 10,000 key results keeps a short first screen.
 */
export const ATTENTION_ITEMS = 8;
/** Commitments shown per department and kind: the method's "few and key" is three. */
export const COMMITMENTS_SHOWN = 3;
/** Above this many roadmap items the timeline shows one bar per department and phase. */
export const ROADMAP_ITEM_LIMIT = 60;
/**
 * Before the label of a roadmap item delayed, on hold, blocked or with a status not understood, with its status word:
 * a shape and a word, so that the exception reads without its colour, in grey print and to a colour-blind reader.
 */
export const ROADMAP_EXCEPTION_MARK = '▲';
/** The most roadmap items not going as planned listed under the roadmap; "+N more" says the rest. */
export const ROADMAP_EXCEPTIONS_SHOWN = 12;
/** Above this many key results due, their due dates are counted per month rather than each labelled with its ID. */
export const ROADMAP_MILESTONE_LIMIT = 60;
/** Above this many departments the timeline has one lane per phase instead of one per department. */
export const ROADMAP_LANE_LIMIT = 30;

export const COMPANY_PAGE = 'index.html';
export const ISSUES_PAGE = 'issues.html';

export interface ViewOptions {
  lang: Lang;
  asOf: IsoDate;
  /** The input file's name, or null for the built-in example. */
  source: string | null;
  /** Overrides for tests and the benchmark. */
  largePlanKeyResults?: number;
  chartLimit?: number;
  issuesPerSeverity?: number;
}

// ---------------------------------------------------------------------------------------------------
// View types (plain data only)

export interface StatusView {
  key: Status;
  label: string;
  icon: string;
}

export interface Fact {
  label: string;
  value: string;
  note: string;
}

/**
 * A table cell: its text, or a value the plan could not read (a Roadmap Status of 取消), shown as typed with a
 * visible mark that says so (`unread`) and why as its tooltip (`note`), never as a value it does not say.
 */
export type TableCell = string | { text: string; unread: string; note: string };

export interface Table {
  head: string[];
  rows: TableCell[][];
  /**
   * Under the table, never only a tooltip: what its "not understood" mark means, when a cell has one ('' or absent
   * otherwise). Shown outside a figure's collapsed data table, so it is read on a phone and on paper.
   */
  footnote?: string;
}

export interface KrChartData {
  type: 'kr';
  kind: 'cumulative' | 'level' | 'threshold';
  percent: boolean;
  /** The unit's ISO currency code when it is one (axis labels then read US$1M, NT$200K), else ''. */
  currency: string;
  /**
   * The Unit counts in a multiple itself (萬元, 万人, K users, USD MM: shared/cells.ts scaledUnit): its axis writes
   * figures in full, as its card does (12,000 萬元 is 12,000), never with a second multiple (1.2萬 reads as 12,000 元).
   */
  unitMultiple: boolean;
  /** Points at the first day of each month, UTC. */
  points: { month: string; target: number | null; actual: number | null }[];
  forecast: { month: string; value: number }[];
  asOf: IsoDate;
  labels: { target: string; actual: string; forecast: string; value: string };
  lang: Lang;
}

export interface RoadmapChartData {
  type: 'roadmap';
  /** detail: every item; departments: a bar per department and phase; phases: a lane per phase. */
  mode: 'detail' | 'departments' | 'phases';
  /**
   * The lanes' labels, top to bottom: departments, or in the phases mode the phases and then the key results due.
   * How a lane's items and milestones are stacked into rows is the chart's layout (report/charts.ts): it depends on
   * how wide their labels are drawn.
   */
  lanes: string[];
  /**
   * Each bar with its phase's colour: an index into CATEGORY_COLORS (phaseColor). `mark` is its item's status as the
   * bar draws it: 'done' pale, 'exception' (delayed, on hold, blocked, not understood) outlined, its label then
   * starting with ROADMAP_EXCEPTION_MARK and the status word. A summarised bar (a phase's items) is outlined when any
   * of its items is an exception, its label then starting with the mark and how many of each; pale when all are done.
   */
  bars: {
    lane: number;
    start: IsoDate;
    end: IsoDate;
    phase: string;
    color: number;
    label: string;
    mark?: 'done' | 'exception' | null;
  }[];
  milestones: { lane: number; date: IsoDate; label: string; status: Status; statusLabel: string }[];
  /** The phases drawn, in legend order, each with its colour: an index into CATEGORY_COLORS (phaseColor). */
  phases: { label: string; color: number }[];
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  asOfLabel: string;
  lang: Lang;
}

/** A roadmap item not going as planned, as the list under the roadmap names it. */
export interface RoadmapException {
  id: string;
  item: string;
  owner: string;
  /** Its status word (delayed), or what it says as typed with the "not understood" mark. */
  status: TableCell;
  end: string;
}

export interface LegendItem {
  label: string;
  /** CSS class of the swatch colour: cat-0…cat-7 or status-*. */
  swatch: string;
  shape: 'bar' | 'bar-done' | 'bar-exception' | 'diamond' | 'rule' | 'line';
}

export interface FigureView {
  /** Unique within the page; also the chart's id prefix. */
  id: string;
  caption: string;
  /** An HTML legend under the chart (wraps on phones, reads in either language); empty when the chart has its own. */
  legend: LegendItem[];
  chart: KrChartData | RoadmapChartData | null;
  /** Filled by the render stage from renderChartSvg; null when there is no chart. */
  svg: string | null;
  /** A roadmap taller than a printed page drawn again in parts of whole lanes, printed in its place (render stage). */
  printSvgs?: string[];
  table: Table;
}

export interface BarView {
  /** 0–100, for SVG attributes. */
  fill: string;
  expected: string;
  showExpected: boolean;
}

export interface KrCardView {
  id: string;
  anchor: string;
  href: string;
  title: string;
  owner: string;
  objective: string;
  /** The Type's name, or the cell as typed, marked, when it names no type (KeyResult.unreadType). */
  type: TableCell;
  status: StatusView;
  /** Beside the status of a threshold key result: "met in 3 of 8 months" (its latest reading alone may meet the bar). */
  statusWhy: string;
  headline: string;
  headlineNote: string;
  /**
   * The days and months the headline and facts show ("2026年12月31日", "Oct 2026"), each kept whole on its line: the
   * line may break around a date, never inside it ("截止 2026年12月31" / "日").
   */
  dates: string[];
  /** "KR3 left out: error at Key Results!K4" when the key result is left out of progress; else ''. */
  leftOut: string;
  bar: BarView;
  facts: Fact[];
  kpis: { id: string; name: string; status: StatusView }[];
  figure: FigureView;
}

export interface PyramidKr {
  id: string;
  title: string;
  owner: string;
  status: StatusView;
  href: string;
}

export interface PyramidObjective {
  id: string;
  title: string;
  owner: string;
  parent: string;
  status: StatusView;
  attainment: string;
  keyResults: PyramidKr[];
  tally: string;
  /** One line per key result left out of this objective's progress, naming the cell to fix. */
  leftOut: string[];
  /** The objective's notes; a link only when they are an http(s) URL. */
  note: string;
  noteHref: string;
  /** Attainment per report, with --previous (set by report/view/since-previous.ts). */
  trend?: TrendView | null;
}

export interface PyramidKpi {
  id: string;
  /** The HTML id of its entry, which the company page's list of what is off track links to. */
  anchor: string;
  name: string;
  owner: string;
  target: string;
  latest: string;
  /** "KPI3 left out: error at KPIs!F4" when the KPI is left out of progress; else ''. */
  leftOut: string;
  status: StatusView;
  /** Beside the status, how it was judged: "met in 4 of 8 months" (the latest reading alone may meet the bar). */
  statusWhy: string;
}

export interface PyramidLevel {
  key: 'vision' | 'strategy' | 'tactics' | 'key-tasks' | 'assessment';
  step: number;
  name: string;
  sub: string;
  count: string;
  text: string;
  empty: boolean;
  answers: { question: string; label: string; text: string; answered: boolean }[];
  objectives: PyramidObjective[];
  kpis: PyramidKpi[];
  more: string;
}

export interface Commitment {
  id: string;
  title: string;
  status: StatusView | null;
  href: string;
}

export interface DepartmentGroup {
  status: StatusView;
  count: string;
  departments: { name: string; href: string; attainment: string }[];
}

export interface DepartmentRow {
  name: string;
  lead: string;
  href: string;
  status: StatusView;
  /** Owns no objective, key result, KPI or roadmap item: said in place of its status. */
  ownsNothing: boolean;
  /** "100% of 1 measured key result": the attainment, and what it is the mean of. */
  attainment: string;
  objectives: Commitment[];
  keyResults: Commitment[];
  kpis: Commitment[];
  moreObjectives: string;
  moreKeyResults: string;
  moreKpis: string;
  roadmapItems: string;
}

export interface IssueView {
  code: string;
  message: string;
  fix: string;
  where: string;
}

export interface IssueGroup {
  severity: Severity;
  label: string;
  count: string;
  items: IssueView[];
  truncated: string;
}

export interface IssuesView {
  empty: boolean;
  summary: string;
  groups: IssueGroup[];
  allHref: string;
}

export interface ChangeRow {
  /** The day of the change, as the report writes days (kept on one line), and the time after it when logged. */
  when: string;
  whenTime: string;
  where: string;
  /** Who made the change, as the log holds it (an e-mail, or a name typed by hand); '–' when not known. */
  who: string;
  id: string;
  field: string;
  oldValue: string;
  newValue: string;
  reason: string;
  reasonMissing: boolean;
}

/** A key result or KPI that is missed, off track or at risk, as the first screen names it. */
export interface AttentionItem {
  kind: 'kr' | 'kpi';
  id: string;
  name: string;
  owner: string;
  status: StatusView;
  /** Beside the status of a bar to meet: "met in 4 of 8 months" (its latest reading alone may meet the bar). */
  statusWhy: string;
  /** One figure: the attainment, or (a bar to meet, a milestone) the latest reading against its bar, or its due date. */
  figure: string;
  /** Its card or KPI entry; '' where none is on any page. */
  href: string;
}

/** What is off track and who owns it: the worst few, how many more and where they are, or that nothing is. */
export interface AttentionView {
  items: AttentionItem[];
  more: string;
  moreHref: string;
  /** "Nothing is off track." when no key result or KPI is; else ''. */
  none: string;
}

export interface Tile {
  label: string;
  value: string;
  note: string;
}

export interface NavLink {
  href: string;
  text: string;
}

/** What every page shares: language, words, the header. */
export interface PageCommon {
  lang: Lang;
  labels: Labels;
  product: string;
  title: string;
  period: string;
  asOf: string;
  source: string;
  companyHref: string;
  /** Said on every page when the plan has errors: its figures may be incomplete. '' otherwise. */
  errorsNote: string;
  /** Where the errors are listed: the company page's plan check. */
  errorsHref: string;
  /** Every key result and KPI left out of progress, with the cell to fix ("KR3 left out: error at …"). */
  leftOut: string[];
}

export interface CompanyPage extends PageCommon {
  kind: 'company';
  file: string;
  pageTitle: string;
  nav: NavLink[];
  verdict: {
    status: StatusView;
    objectives: string;
    problems: string;
    chips: { status: StatusView; count: string }[];
  };
  tiles: Tile[];
  /** Under the tiles: the key results and KPIs off track, missed or at risk, worst first, with their owners. */
  attention: AttentionView;
  large: boolean;
  largeNote: string;
  pyramid: PyramidLevel[];
  pyramidIntro: string;
  roadmap: {
    present: boolean;
    figure: FigureView;
    note: string;
    /**
     * Every roadmap item delayed, on hold, blocked or with a status not understood, worst first: listed under the
     * chart on screen and on paper, where the data table is not (collapsed, or not printed). `more` says how many
     * more there are beyond those listed ('' otherwise).
     */
    exceptions: { title: string; mark: string; items: RoadmapException[]; more: string; footnote: string };
  };
  keyResults: { present: boolean; cards: KrCardView[]; note: string };
  /** Small plans: department × commitments. */
  departments: DepartmentRow[];
  /** Large plans: departments grouped by status, worst first, each a link to its page. */
  departmentGroups: DepartmentGroup[];
  issues: IssuesView;
  /** `more`: said under the table when the log is longer than shown ('' otherwise). */
  changes: { present: boolean; rows: ChangeRow[]; more: string };
  /** "Since the last report", with --previous (set by report/view/since-previous.ts). */
  sincePrevious?: SincePreviousView | null;
}

/** An objective on its department's page: where it stands, and its key results by status. */
export interface DepartmentObjective {
  id: string;
  title: string;
  status: StatusView;
  attainment: string;
  tally: string;
}

export interface DepartmentPage extends PageCommon {
  kind: 'department';
  /** The department's objectives, worst first. */
  objectives: DepartmentObjective[];
  file: string;
  pageTitle: string;
  name: string;
  lead: string;
  status: StatusView;
  /** It owns nothing: said in place of its status ("no data" read as a number missing), as the company page says. */
  ownsNothing: boolean;
  summary: string;
  chartsNote: string;
  cards: KrCardView[];
  kpis: PyramidKpi[];
  roadmap: Table;
  hasRoadmap: boolean;
}

export interface IssuesPage extends PageCommon {
  kind: 'issues';
  file: string;
  pageTitle: string;
  issues: IssuesView;
}

export interface ReportView {
  lang: Lang;
  company: CompanyPage;
  departments: DepartmentPage[];
  issuesPage: IssuesPage | null;
}
