/** The report's sentences with numbers in them: numbers arrive formatted; `n` is the raw count for plurals. */
export interface ReportPhrases {
  title(product: string): string;
  objectivesCount(n: number, text: string): string;
  keyResultsCount(n: number, text: string): string;
  kpisCount(n: number, text: string): string;
  /**
   * A department's attainment and what it is the mean of: its key results measured (or, owning none, its KPIs), so
   * that "100%" beside a key result left out and a KPI off track does not read as all is well.
   */
  attainmentOver(attainment: string, n: number, text: string, kind: 'kr' | 'kpi'): string;
  itemsCount(n: number, text: string): string;
  answered(done: string, total: string): string;
  /** "1 of 2 objectives on track" etc.: the verdict's first half. */
  verdictObjectives(parts: string[], total: number, totalText: string): string;
  statusCount(count: string, status: string): string;
  noObjectives(): string;
  problems(errors: number, warnings: number, errorsText: string, warningsText: string): string;
  noProblems(): string;
  tips(n: number, text: string): string;
  through(month: string): string;
  milestoneDone(date: string): string;
  /** A milestone not done by its due month, checked in as done after it (never counted: still missed), on that day. */
  milestoneDoneLate(date: string): string;
  milestoneDue(date: string): string;
  /** A milestone's headline until it is done (its due date is beside it, as its target). */
  milestoneOpen(): string;
  more(n: number, text: string): string;
  /** Below a large plan's few objectives or KPIs, chosen worst first: how many more, and how the few were chosen. */
  moreWorstFirst(n: number, text: string): string;
  /**
   * A key result's chart, as drawn: its path of targets; against its actuals when it has any (`actuals`); and, when
   * `forecastTo` is a month, the forecast line to that month. No chart, no caption.
   */
  chartCaption(id: string, kind: 'cumulative' | 'level' | 'threshold', actuals: boolean, forecastTo: string): string;
  roadmapCaption(lanes: number, items: number, milestones: number): string;
  roadmapSummaryCaption(lanes: number, items: number): string;
  roadmapPhasesCaption(departments: number, items: number, krs: number): string;
  /**
   * After a summarised roadmap's caption, when some bar holds an item off its plan (delayed, on hold, blocked, or a
   * status not understood): how such a bar is drawn, as the legend says it.
   */
  roadmapSummaryMarks(mark: string): string;
  /**
   * After a roadmap's caption: the items wholly outside the plan's period and the key results due outside it, which
   * the chart does not draw (at least one of the two counts is above 0). `itemIds` and `krIds` name them, or are ''.
   */
  roadmapOutside(
    items: number,
    itemsText: string,
    krs: number,
    krsText: string,
    itemIds: string,
    krIds: string,
  ): string;
  asOfRule(date: string): string;
  /** The roadmap legend's pale bar: an item done (`status` is the word for done). */
  roadmapDoneLegend(status: string): string;
  /** The roadmap legend's outlined bar and `mark` before its name: the item is one of `statuses` (joined). */
  roadmapExceptionLegend(mark: string, statuses: string): string;
  largePlan(krs: string, departments: string): string;
  chartsOmitted(limit: string): string;
  issuesTruncated(shown: string, total: string): string;
  departmentTitle(name: string): string;
  departmentSummary(objectives: string, krs: string, kpis: string, items: string): string;
  source(file: string): string;
  exampleSource(): string;
  cellAt(sheet: string, cell: string): string;
  wholeTab(sheet: string): string;
  forecastLabel(): string;
  targetPath(kind: 'cumulative' | 'level' | 'threshold' | 'milestone'): string;
  milestoneMarker(): string;
  leadBy(lead: string): string;
  /** On every page of a plan with errors. */
  planHasErrors(n: number, text: string): string;
  /** A key result or KPI left out of progress, and the cell that explains why. */
  leftOutError(id: string, where: string): string;
  leftOutSee(id: string, where: string): string;
  leftOut(id: string): string;
  leftOutHeadline(): string;
  /** Below a list cut short on the page: how many more, and where they all are. */
  leftOutMore(count: string): string;
  changesMore(count: number, text: string): string;
  /**
   * Why a bar to meet every month (a KPI, a threshold key result) has its status: its months met of months judged,
   * beside the status and the latest reading, which alone can read as the opposite ("6,200 ≥ 5,000 · off track").
   */
  monthsMet(met: string, judged: number, judgedText: string): string;
  /**
   * Beside a key result's Weight, where its objective's key results weigh differently: the objective's whole weight,
   * so that the objective's attainment (their weighted mean) can be checked from its cards.
   */
  weightOf(total: string, objective: string): string;
}

/** The CLI's lines about a run, in the report's language: counts arrive as numbers for plurals, text formatted. */
export interface CliPhrases {
  reportWritten(path: string): string;
  reportSummary(source: string, keyResults: number, errors: number, warnings: number, files: number): string;
  builtInExample(): string;
  asOfGiven(date: string): string;
  asOfExample(date: string): string;
  asOfToday(date: string): string;
  open(url: string): string;
  noKeyResults(): string;
  planHasErrors(errors: number): string;
  checkSummary(name: string, errors: number, warnings: number, tips: number, asOf: string): string;
  /** After a long list: how many of each kind, by code ("200 × stale-check-in"), and where the codes are told. */
  checkTally(kinds: string, guide: string): string;
  exampleWritten(path: string, language: string): string;
  exampleImport(): string;
  /** The as-of day progress is judged on is before the plan's period, or more than a year after it ended. */
  asOfBeforePeriod(asOf: string, start: string, end: string): string;
  asOfAfterPeriod(asOf: string, start: string, end: string): string;
  /** `fixes`: a sentence each, what to do about each missing tab (as `check` says it). */
  missingTabs(tabs: string[], fixes: string[]): string;
  noPlanTabs(tabs: string, expected: string): string;
}
