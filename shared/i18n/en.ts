/** English: the reference catalogue; every other language has exactly its keys. */
import type { CliPhrases, ReportPhrases } from './report-phrases';

/**
 * The add-on's Decompose targets command as its menu item names it, also its dialog's title and the glossary's
 * word. Every message that names the command says it from here, so the menu and the messages cannot drift apart.
 */
const DECOMPOSE = 'Decompose targets';

const reportPhrases: ReportPhrases = {
  title: (product) => `${product}: go-to-market plan`,
  objectivesCount: (n, t) => `${t} ${n === 1 ? 'objective' : 'objectives'}`,
  keyResultsCount: (n, t) => `${t} ${n === 1 ? 'key result' : 'key results'}`,
  kpisCount: (n, t) => `${t} ${n === 1 ? 'KPI' : 'KPIs'}`,
  attainmentOver: (a, n, t, kind) =>
    `${a} of ${t} measured ${kind === 'kr' ? (n === 1 ? 'key result' : 'key results') : n === 1 ? 'KPI' : 'KPIs'}`,
  itemsCount: (n, t) => `${t} ${n === 1 ? 'item' : 'items'}`,
  answered: (done, total) => `${done} of ${total} answered`,
  verdictObjectives: (parts, total, t) =>
    `${t} ${total === 1 ? 'objective' : 'objectives'}: ${parts.join(', ')}.`,
  statusCount: (count, status) => `${count} ${status}`,
  noObjectives: () => 'No objectives yet.',
  problems: (errors, warnings, e, w) =>
    `${e} ${errors === 1 ? 'error' : 'errors'} and ${w} ${warnings === 1 ? 'warning' : 'warnings'} in the plan.`,
  noProblems: () => 'The plan passes every check.',
  tips: (n, t) => `${t} ${n === 1 ? 'tip' : 'tips'}`,
  through: (month) => `through ${month}`,
  milestoneDone: (date) => `Done on ${date}`,
  milestoneDoneLate: (date) => `Done late, ${date}`,
  milestoneDue: (date) => `Due ${date}`,
  milestoneOpen: () => 'Not done yet',
  more: (n, t) => `+${t} more`,
  moreWorstFirst: (n, t) => `+${t} more; the worst are listed first`,
  chartCaption: (id, kind, actuals, to) =>
    kind === 'cumulative'
      ? `${id}: cumulative target path${actuals ? ' against actuals' : '; no actuals yet'}${to ? `, with the forecast to ${to}` : ''}.`
      : kind === 'level'
        ? `${id}: planned level path${actuals ? ' against measured values' : '; nothing measured yet'}${to ? `, with the trend to ${to}` : ''}.`
        : `${id}: the bar to meet each month${actuals ? ' against measured values' : '; nothing measured yet'}.`,
  roadmapCaption: (lanes, items, milestones) =>
    `Roadmap: ${items} ${items === 1 ? 'item' : 'items'} in ${lanes} department ${lanes === 1 ? 'lane' : 'lanes'}, coloured by phase; ${milestones ? `diamonds mark ${milestones} key-result due ${milestones === 1 ? 'date' : 'dates'}, coloured by status; ` : ''}the dashed line is the as-of date.`,
  roadmapSummaryCaption: (lanes, items) =>
    `Roadmap summary: ${items} items in ${lanes} department lanes, one bar per department and phase; diamonds count the key results due each month, coloured by the worst status among them.`,
  roadmapPhasesCaption: (departments, items, krs) =>
    `Roadmap summary: ${items} items of ${departments} departments, one lane per phase from its first start to its last end; diamonds count the ${krs} key results due each month, coloured by the worst status among them. Each department page lists its own items.`,
  roadmapSummaryMarks: (mark) =>
    `A bar holding an item that is off its plan has a dashed outline, and its name is led by ${mark} and how many of each.`,
  roadmapOutside: (items, itemsText, krs, krsText, itemIds, krIds) =>
    `Outside the plan's period, so not drawn: ${[
      items ? `${itemsText} ${items === 1 ? 'item' : 'items'}${itemIds ? ` (${itemIds})` : ''}` : '',
      krs ? `${krsText} ${krs === 1 ? 'key result' : 'key results'} due${krIds ? ` (${krIds})` : ''}` : '',
    ]
      .filter(Boolean)
      .join(' and ')}.`,
  asOfRule: (date) => `As of ${date}`,
  roadmapDoneLegend: (status) => `Pale bar: ${status}`,
  roadmapExceptionLegend: (mark, statuses) => `Dashed outline and ${mark} before the name: ${statuses}`,
  largePlan: (krs, departments) =>
    `A large plan (${krs} key results): this page summarises it; each of the ${departments} departments has its own page with its key results.`,
  chartsOmitted: (limit) =>
    `Charts are drawn per key result for plans of up to ${limit} key results; the data tables below each card hold the monthly numbers.`,
  issuesTruncated: (shown, total) =>
    `Showing ${shown} of ${total} problems of this severity, some of each kind; the full list has them all.`,
  departmentTitle: (name) => `${name}: department page`,
  departmentSummary: (o, k, p, i) => `${o} · ${k} · ${p} · ${i}`,
  source: (file) => file,
  exampleSource: () => 'the built-in example plan',
  cellAt: (sheet, cell) => `${sheet} · ${cell}`,
  wholeTab: (sheet) => `${sheet} (tab)`,
  forecastLabel: () => 'Forecast',
  targetPath: (kind) =>
    kind === 'cumulative'
      ? 'Target path'
      : kind === 'level'
        ? 'Planned level'
        : kind === 'milestone'
          ? 'Planned'
          : 'Bar to meet',
  milestoneMarker: () => 'Key result due',
  leadBy: (lead) => `Lead: ${lead}`,
  planHasErrors: (n, t) =>
    `The plan has ${t} ${n === 1 ? 'error' : 'errors'}: the figures below leave out what the ${n === 1 ? 'error affects' : 'errors affect'} until ${n === 1 ? 'it is' : 'they are'} fixed.`,
  leftOutError: (id, where) => `${id} left out: error at ${where}`,
  leftOutSee: (id, where) => `${id} left out: see ${where}`,
  leftOut: (id) => `${id} left out: it has no target or no dates`,
  leftOutHeadline: () => 'Left out',
  leftOutMore: (count) => `…and ${count} more, each at its cell in the plan check`,
  changesMore: (n, text) =>
    `The ${n === 1 ? 'latest change is' : `latest ${text} changes are`} shown; every change is in plan.json.`,
  monthsMet: (met, judged, t) => `met in ${met} of ${t} ${judged === 1 ? 'month' : 'months'}`,
  weightOf: (total, objective) => `of ${total} in ${objective}`,
};

const cliPhrases: CliPhrases = {
  reportWritten: (path) => `Report written to ${path}`,
  reportSummary: (source, krs, errors, warnings, files) =>
    `${source}: ${count(krs, 'key result')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}; ${count(files, 'file')}.`,
  builtInExample: () => 'Built-in example plan',
  asOfGiven: (date) => `As of ${date} (--as-of).`,
  asOfExample: (date) => `As of ${date}, the example plan's date (use --as-of YYYY-MM-DD to change it).`,
  asOfToday: (date) => `As of ${date}, today (use --as-of YYYY-MM-DD to fix the date).`,
  open: (url) => `Open ${url}`,
  noKeyResults: () => 'report: no key result could be read, so the report shows no progress (exit 2).',
  planHasErrors: (errors) => `report: the plan has ${count(errors, 'error')}; every page says so (exit 1).`,
  checkSummary: (name, errors, warnings, tips, asOf) =>
    `${name}: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${count(tips, 'tip')} (as of ${asOf})`,
  checkTally: (kinds, guide) => `By kind: ${kinds}. Each kind is explained in ${guide}`,
  exampleWritten: (path, language) => `Example plan written to ${path} (${language}).`,
  exampleImport: () =>
    'Import it into Google Sheets with File > Import > Upload (Replace spreadsheet), or open it in Excel or LibreOffice.',
  asOfBeforePeriod: (asOf, start, end) =>
    `warning: the as-of day ${asOf} is before the plan's period (${start} – ${end}): nothing in the plan is due yet on that day. Give --as-of a day in the period (the review date you mean), or correct the period on the Strategy tab.`,
  asOfAfterPeriod: (asOf, start, end) =>
    `warning: the as-of day ${asOf} is more than a year after the plan's period (${start} – ${end}) ended: every target in it was due long before. Give --as-of a day in the period or just after it (the review date you mean), or correct the period on the Strategy tab.`,
  missingTabs: (tabs, fixes) =>
    `the ${tabs.map((t) => `"${t}"`).join(', ')} ${tabs.length === 1 ? 'tab is' : 'tabs are'} missing; the report needs ${tabs.length === 1 ? 'it' : 'them'}. ${fixes.join(' ')}`,
  noPlanTabs: (tabs, expected) =>
    `no plan tabs found (tabs: ${tabs}); expected ${expected}. Give the plan's workbook, or start one from the example plan: gtm-pyramid example`,
};

/** "1 error", "2 errors". */
const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

export const en = {
  template: {
    enums: {
      type: {
        cumulative: 'cumulative',
        level: 'level',
        threshold: 'threshold',
        milestone: 'milestone',
      },
      direction: {
        increase: 'increase',
        decrease: 'decrease',
      },
      phasing: {
        even: 'even',
        'ramp-up': 'ramp-up',
        'front-loaded': 'front-loaded',
        custom: 'custom',
      },
      cadence: {
        monthly: 'monthly',
        weekly: 'weekly',
      },
      roadmapStatus: {
        planned: 'planned',
        'in-progress': 'in progress',
        done: 'done',
        delayed: 'delayed',
        'on-hold': 'on hold',
        blocked: 'blocked',
      },
      targetsRow: {
        target: 'target',
        weights: 'weights',
      },
    },
    /** The launch phases the template names, in the order a launch goes through them (shared/template.ts PHASES). */
    phases: {
      'pre-launch': 'Pre-launch',
      launch: 'Launch',
      growth: 'Growth',
    },
    strategyFields: {
      product: {
        label: 'Product',
      },
      vision: {
        label: 'Vision',
      },
      strategy: {
        label: 'Strategy',
      },
      targetUsers: {
        label: 'Target users',
      },
      problem: {
        label: 'Problem & benefit',
      },
      category: {
        label: 'Category & differentiation',
      },
      businessGoal: {
        label: 'Business goal',
      },
      periodStart: {
        label: 'Period start',
      },
      periodEnd: {
        label: 'Period end',
      },
      currency: {
        label: 'Currency',
      },
      language: {
        label: 'Language',
      },
    },
    strategyQuestions: {
      targetUsers: 'Who is the product for?',
      problem: 'Why would they use and buy it?',
      category: 'What kind of product is it, and why pick it over alternatives?',
      businessGoal: 'What does it earn the company?',
    },
    idNote: 'A short unique code, e.g. KR1.',
    ownerNote: 'A department listed on the Departments tab.',
    dateNote: 'A date, e.g. 2026-03-01.',
    tabs: {
      strategy: {
        label: 'Strategy',
        note: 'The product strategy: one row per field.',
        columns: {
          field: {
            label: 'Field',
            note: 'The name of the field; keep it as written.',
          },
          value: {
            label: 'Value',
            note: 'Your answer.',
          },
        },
      },
      departments: {
        label: 'Departments',
        note: 'The teams that own objectives, key results and KPIs.',
        columns: {
          name: {
            label: 'Department',
            note: 'The department name used in Owner columns.',
          },
          lead: {
            label: 'Lead',
            note: 'The person accountable.',
          },
          color: {
            label: 'Color',
            note: 'Optional colour for charts, e.g. #0072B2.',
          },
        },
      },
      objectives: {
        label: 'Objectives',
        note: 'What the launch must achieve, in words.',
        columns: {
          id: {
            label: 'ID',
          },
          title: {
            label: 'Objective',
            note: 'The objective in one sentence.',
          },
          owner: {
            label: 'Owner',
          },
          parent: {
            label: 'Parent',
            note: 'Optional: the objective or key result this one contributes to.',
          },
          start: {
            label: 'Start',
          },
          end: {
            label: 'End',
          },
          notes: {
            label: 'Notes',
            note: 'Anything worth knowing.',
          },
        },
      },
      keyResults: {
        label: 'Key Results',
        note: 'Measurable outcomes, one owner each.',
        columns: {
          id: {
            label: 'ID',
          },
          objective: {
            label: 'Objective',
            note: 'The ID of the objective this key result measures.',
          },
          title: {
            label: 'Key result',
            note: 'The measurable outcome.',
          },
          owner: {
            label: 'Owner',
          },
          type: {
            label: 'Type',
            note: 'cumulative (adds up: sign-ups, revenue), level (a rate), threshold (a bar every period) or milestone (done by a date).',
          },
          unit: {
            label: 'Unit',
            note: 'e.g. USD, sign-ups, %, hours.',
          },
          direction: {
            label: 'Direction',
            note: 'increase (higher is better) or decrease (lower is better).',
          },
          baseline: {
            label: 'Baseline',
            note: 'Where the metric stands at the start (0 if empty).',
          },
          target: {
            label: 'Target',
            note: 'The value to reach by the due date; 20% or 0.2 for rates.',
          },
          start: {
            label: 'Start',
            note: 'First month of work (period start if empty).',
          },
          due: {
            label: 'Due',
          },
          phasing: {
            label: 'Phasing',
            note: 'How a cumulative target is split across months: even, ramp-up, front-loaded or custom (weights on the Targets tab).',
          },
          weight: {
            label: 'Weight',
            note: 'Weight in the objective score (equal if empty).',
          },
          confidence: {
            label: 'Confidence',
            note: 'How sure the team is, 0–100%.',
          },
        },
      },
      kpis: {
        label: 'KPIs',
        note: 'The operating dashboard: each KPI tracks the work behind one key result.',
        columns: {
          id: {
            label: 'ID',
          },
          name: {
            label: 'KPI',
            note: 'What is measured, e.g. new sign-ups per month.',
          },
          owner: {
            label: 'Owner',
          },
          keyResult: {
            label: 'Key result',
            note: 'The ID of the key result this KPI tracks.',
          },
          unit: {
            label: 'Unit',
            note: 'e.g. %, hours, sign-ups.',
          },
          direction: {
            label: 'Direction',
            note: 'increase: at least the target; decrease: at most the target.',
          },
          target: {
            label: 'Target',
            note: 'The bar every period, e.g. 5% or 1.',
          },
          cadence: {
            label: 'Cadence',
            note: 'How often it is checked: monthly or weekly.',
          },
        },
      },
      roadmap: {
        label: 'Roadmap',
        note: 'The GTM roadmap: launch phases and initiatives per department.',
        columns: {
          id: {
            label: 'ID',
          },
          item: {
            label: 'Item',
            note: 'The initiative.',
          },
          phase: {
            label: 'Phase',
            note: 'e.g. {phases}.',
          },
          owner: {
            label: 'Owner',
          },
          start: {
            label: 'Start',
          },
          end: {
            label: 'End',
          },
          keyResults: {
            label: 'Key results',
            note: 'Comma-separated key result IDs this item serves, e.g. KR1, KR2.',
          },
          status: {
            label: 'Status',
            note: 'planned, in progress, done, delayed (moving, but late), on hold (paused on purpose) or blocked (cannot move until something else is resolved).',
          },
        },
      },
      actuals: {
        label: 'Actuals',
        note: 'Monthly check-ins: one row per metric and date.',
        columns: {
          date: {
            label: 'Date',
            note: 'The date of the check-in; it counts for that month.',
          },
          metric: {
            label: 'Metric',
            note: 'A key result or KPI ID.',
          },
          value: {
            label: 'Value',
            note: 'Cumulative metrics: the amount in that period. Others: the level measured on that date. Milestones: 1 when done.',
          },
          note: {
            label: 'Note',
            note: 'Context for the number.',
          },
        },
      },
      changes: {
        label: 'Changes',
        note: 'The trace of changed targets: who, when, old, new, why.',
        columns: {
          timestamp: {
            label: 'Timestamp',
            note: 'When the change was made.',
          },
          sheet: {
            label: 'Sheet',
            note: 'The tab that changed.',
          },
          cell: {
            label: 'Cell',
            note: 'The cell that changed.',
          },
          id: {
            label: 'ID',
            note: 'The key result or KPI.',
          },
          field: {
            label: 'Field',
            note: 'The column that changed.',
          },
          oldValue: {
            label: 'Old value',
            note: 'Before the change.',
          },
          newValue: {
            label: 'New value',
            note: 'After the change.',
          },
          reason: {
            label: 'Reason',
            note: 'Why it changed: fill this in.',
          },
          who: {
            label: 'Who',
            note: "Who made the change: the editor's Google account e-mail, which the add-on fills in when Google gives it (blank when Google withholds it). A name typed here is kept as typed.",
          },
        },
      },
      targets: {
        label: 'Targets',
        note: `Generated by "${DECOMPOSE}": one row per key result and KPI, one column per month. Only the weights rows are yours to edit.`,
        columns: {
          id: {
            label: 'ID',
            note: 'The key result or KPI.',
          },
          row: {
            label: 'Row',
            note: 'target: the monthly targets (formulas). weights: your weights for custom phasing.',
          },
          name: {
            label: 'Name',
            note: 'The key result or KPI.',
          },
          owner: {
            label: 'Owner',
          },
        },
      },
    },
    targetsSummaryColumns: {
      targetToDate: {
        label: 'Expected by now',
        note: 'Where the metric should stand as of the As of date: its targets through the last month judged (the report says the same).',
      },
      actualToDate: {
        label: 'Current value',
        note: 'Where the metric stands: Baseline plus the check-ins counted (cumulative), else the latest one counted.',
      },
      attainment: {
        label: 'Attainment',
        note: 'Progress from baseline to target.',
      },
      status: {
        label: 'Status',
        note: 'Compared with the target to date.',
      },
    },
    languageNames: { en: 'English', 'zh-CN': 'Simplified Chinese', 'zh-TW': 'Traditional Chinese' },
    targetsHelperColumns: {
      windowStart: {
        label: 'Window start',
        note: 'First day of the first active month (Start, or the period start).',
      },
      months: { label: 'Months in window', note: 'Active months, Start month through Due month.' },
      columnOffset: {
        label: 'Column offset',
        note: "A month cell's column number minus this is the month's position in the window (1 = the first month).",
      },
      judged: {
        label: 'Judged month',
        note: 'Position in the window of the last month that has ended by the as-of day (at most the months in window).',
      },
      span: { label: 'Span', note: 'Target minus baseline.' },
      phasingCode: {
        label: 'Phasing code',
        note: '1 even, 2 ramp-up, 3 front-loaded, 4 custom with weights.',
      },
      shareLinear: { label: 'Share a', note: 'Share reached after x months = x × (a + b × x) / d.' },
      shareSquare: { label: 'Share b', note: 'See Share a.' },
      shareDivisor: { label: 'Share d', note: 'See Share a.' },
      weightsTotal: { label: 'Weights total', note: 'Custom phasing: the weights inside the window.' },
      checkedIn: {
        label: 'Check-ins in judged month',
        note: 'Actuals rows of this metric dated in the judged month.',
      },
      latestCheckIn: {
        label: 'Latest check-in',
        note: 'Levels and thresholds: the date of the latest check-in counted (0 when none).',
      },
      meetsBar: {
        label: 'Meets when',
        note: "Thresholds: what a check-in must be to meet the bar, <=Target or >=Target by the Direction (written once here, read by Attainment's COUNTIFS).",
      },
      expectedAttainment: { label: 'Expected attainment', note: 'Attainment the target to date stands for.' },
    },
    TARGETS_AS_OF: {
      label: 'As of',
      note: `The day the to-date columns are judged on. ${DECOMPOSE} sets it to today; type a review date to judge as of that day.`,
    },
  },
  issues: {
    'missing-tab': {
      message: 'The "{tab}" tab is missing.',
      fix: 'Add it with Insert templates, or rename your tab to "{tab}".',
    },
    'missing-tab-optional': {
      message: 'The "{tab}" tab is missing, so {what} cannot be shown.',
      fix: 'Add it with Insert templates.',
      what: {
        departments: 'ownership and line of sight',
        kpis: 'KPIs',
        roadmap: 'the roadmap',
        actuals: 'progress',
      },
    },
    'missing-column': {
      message: 'Column "{column}" is missing on "{tab}".{near}',
      fix: 'Add a header "{column}" in row {row}.',
    },
    'missing-column-optional': {
      message: 'Column "{column}" is missing on "{tab}"; the default is used.{near}',
      fix: 'Add a header "{column}" in row {row} to set it.',
    },
    'header-scale': {
      message:
        'The header "{header}" notes "{note}", but the numbers below it are read as typed: 3000 is 3000, not 3000 × {multiple}.',
      fix: 'Type the numbers in full; or give the metrics a Unit that counts in this multiple (K USD, million USD, 萬元), where a number alone is in that Unit; and take the note out of the header.',
    },
    'title-scale': {
      message:
        'The note "{title}" above the header row counts the numbers below in a multiple, but they are read as typed: 3000 is 3000, not 3000 × {multiple}.',
      fix: 'Type the numbers in full; or give the metrics a Unit that counts in this multiple (K USD, million USD, 萬元), where a number alone is in that Unit; and take the note out.',
    },
    'duplicate-column': {
      message: 'Column "{column}" appears twice on "{tab}"; only the first is read.',
      fix: 'Rename or delete the second one.',
    },
    'tab-copy': {
      message:
        'The "{copy}" tab looks like a copy of the "{tab}" tab. The plan reads "{tab}"{hidden}; what is typed on "{copy}" counts for nothing.',
      fix: 'If "{copy}" is the one meant, delete "{tab}" (or rename it to a name of your own, such as "Archive"), then rename "{copy}" to exactly "{tab}". If "{tab}" is the one meant, delete "{copy}".',
    },
    'column-copy': {
      message:
        'On "{tab}", the header "{header}" ({cell}) is the "{column}" column again, beside "{read}" ({readCell}). The plan reads "{read}"{hidden}; what is typed under "{header}" counts for nothing.',
      fix: 'If "{header}" holds the figures meant, delete the "{read}" column ({readCell}) and rename "{header}" to exactly "{column}". If not, delete "{header}" or rename it to a name of your own.',
    },
    'example-row': {
      message:
        'Row {row} on "{tab}" is marked as an example ({cell}: "{value}"), so the row is left out of the plan: nothing in it counts.',
      fix: 'If it is only an example, delete the row. If it is a real row, take "{mark}" out of {cell}, and the row is read.',
    },
    'hidden-rows': {
      message: 'Rows {rows} on "{tab}" are hidden, but they are read and counted as typed.',
      fix: 'If a hidden row is an old figure replaced by another, delete the row; if not, unhide it, so that what the plan counts can be seen. Rows a filter hides count too.',
    },
    'extra-actuals-tab': {
      message:
        'The "{name}" tab looks like more of the "{tab}" tab, but only "{tab}" is read: its {count} check-ins ({months}) count for nothing.',
      fix: 'Move its rows to the bottom of the "{tab}" tab, then delete "{name}" (or rename it to a name of your own, such as "Archive").',
    },
    'tab-name-near': {
      message:
        'The "{name}" tab looks like the "{tab}" tab but is not read: plan tabs are found by their names.',
      fix: 'Rename it to "{tab}".',
    },
    'unread-header': {
      message:
        'The header "{header}" on "{tab}" is not a column the plan reads, and "{tab}" is missing {missing}.',
      fix: 'If it is meant as that column, rename it so; if it is a column of your own, leave it.',
    },
    'empty-column-near-header': {
      message:
        'Column "{column}" ({cell}) on "{tab}" is empty, while the header "{header}" ({near}), which looks like it, holds data: the plan reads the empty column.',
      fix: 'If the data under "{header}" is meant as "{column}", delete the empty "{column}" column ({cell}) and rename "{header}" to "{column}"; if "{header}" is a column of your own, fill in "{column}".',
    },
    'ambiguous-header': {
      message:
        'The header "{header}" on "{tab}" names more than one column ({columns}), so it is read as none of them.',
      fix: 'Name only the column it holds: in one language, or in two that name the same column ("方向 Direction").',
    },
    'duplicate-tab': {
      message:
        'The "{tab}" tab is the same part of the plan as "{first}", which is the one read; "{tab}" counts for nothing.',
      fix: 'Move what it holds into "{first}", then delete or rename "{tab}".',
    },
    'empty-sheet': {
      message: 'The "{tab}" tab has no header row.',
      fix: 'Run Insert templates to add the headers.',
    },
    'missing-id': {
      message: 'Row {row} has content but no ID.',
      fix: 'Give it a short unique ID, e.g. {example}.',
    },
    'duplicate-id': {
      message: 'ID "{id}" is used twice (also in row {other}).',
      fix: 'Give each row its own ID.',
    },
    'id-on-two-tabs': {
      message:
        'The ID "{id}" is also that of key result {keyResult} (row {row} of the "{keyResults}" tab): the "{actuals}" tab cannot tell their check-ins apart. Every check-in of "{id}" counts for the key result, and this KPI is left out of progress until it has an ID of its own.',
      fix: 'Give the KPI an ID of its own (e.g. {suggested}), and type its check-ins on "{actuals}" under that ID.',
    },
    'missing-value': {
      message: '{field} is empty for {id}.',
      fix: 'Fill in {field}.',
    },
    'formula-error': {
      message: '{field} of {id} shows the formula error {value}.',
      fix: 'Fix the formula in this cell or type the value.',
    },
    'formula-without-result': {
      message:
        '{field} of {id} holds a formula whose result was not saved with the file (a program wrote it without calculating).',
      fix: 'Open the file in a spreadsheet (Google Sheets, Excel, LibreOffice) and save it again, or type the value.',
    },
    'not-a-number': {
      message: '{field} of {id} is "{value}", which is not a number.',
      fix: 'Type a number such as {example}.',
    },
    'comparison-sign': {
      message: '{field} of {id} is "{value}": a comparison sign or word with the number, which is not read.',
      fix: 'Type {number} alone; the Direction column says whether higher or lower is better.',
    },
    'not-a-date': {
      message: '{field} of {id} is "{value}", which is not a date.',
      fix: 'Type a date as 2026-03-01.',
    },
    'invalid-choice': {
      message: '{field} of {id} is "{value}"; allowed: {allowed}.',
      fix: 'Pick one of: {allowed}.',
    },
    'dates-reversed': {
      message: '{field} of {id} ({end}) is before its start ({start}).',
      fix: 'Swap or correct the dates.',
    },
    'outside-period': {
      message: '{field} of {id} ({value}) is outside the plan period {start} – {end}.',
      fix: 'Move the date into the period, or widen the period on the "{strategyTab}" tab.',
    },
    'period-missing': {
      message: 'The plan period is not set.{unread}',
      fix: 'Fill in Period start and Period end on the "{strategyTab}" tab.',
    },
    'period-reversed': {
      message: 'The plan period ends before it starts.',
      fix: 'Correct Period start and Period end.',
    },
    'period-too-long': {
      message: 'The plan period spans {months} months; targets are decomposed over at most {max}.',
      fix: 'Plan one year or two at a time.',
    },
    'unknown-objective': {
      message: '{id} belongs to objective "{ref}", which does not exist.',
      fix: 'Use an ID from the "{objectivesTab}" tab.',
    },
    'unknown-key-result': {
      message: '{id} refers to key result "{ref}", which does not exist.',
      fix: 'Use an ID from the "{keyResultsTab}" tab.',
    },
    'unknown-parent': {
      message: 'The parent "{ref}" of {id} is neither an objective nor a key result.',
      fix: 'Use an objective or key result ID, or leave it empty.',
    },
    'parent-cycle': {
      message: "Objectives {cycle} are each other's parents in a loop.",
      fix: 'Break the loop: one of them must have no parent or another one.',
    },
    'unknown-owner': {
      message: 'Owner "{owner}" of {id} is not on the "{departmentsTab}" tab.',
      fix: 'Add "{owner}" to "{departmentsTab}" or pick a listed department.',
    },
    'owner-near-department': {
      message: 'Owner "{owner}" of {id} is not on the "{departmentsTab}" tab; the closest is "{department}".',
      fix: 'Type "{department}" in the Owner cell, or, if "{owner}" is another department, add it to "{departmentsTab}".',
    },
    'owner-near-departments': {
      message:
        'Owner "{owner}" of {id} is not on the "{departmentsTab}" tab; it is as close to "{department}" as to "{other}", so which one was meant is not guessed.',
      fix: 'Type the department meant in the Owner cell, or, if "{owner}" is another department, add it to "{departmentsTab}".',
    },
    'direction-contradiction': {
      message: '{id} should {direction}, but its target {target} is not beyond its baseline {baseline}.',
      fix: 'Check the direction, the baseline and the target.',
    },
    'unknown-metric': {
      message: 'Actuals row {row} is for "{metric}", which is neither a key result nor a KPI.',
      fix: 'Use a key result or KPI ID.',
    },
    'metric-id-near': {
      message:
        'Actuals row {row} is for "{metric}", which is neither a key result nor a KPI; {suggestion} is, written without its space or hyphen. The row is not counted.',
      fix: 'Type {suggestion}.',
    },
    'wide-actuals': {
      message:
        '"{tab}" keeps its check-ins as months in columns ({first} … {last}, {months} months read): each figure under a month is read as that month\'s check-in of its row\'s metric.{targets}',
      fix: 'Nothing to fix. Keep one row per metric and one column per month; a blank cell is a month without a check-in. {toDate} The check and the report read every cell.',
    },
    'month-header-year': {
      message:
        'The month header "{header}" on "{tab}" has no year, and {why}: which year it means cannot be told, so its column is not read.',
      fix: 'Type the year in the header: {example} or {iso}.',
    },
    'month-actual-unclear': {
      message: 'The month "{header}" on "{tab}" {why}, so the month is not read.',
      fix: '{where}',
    },
    'merged-months': {
      message:
        '{cells} on "{tab}" is one merged cell ({value}): it counts once, for {metric} in {month}, not once for each month it covers.',
      fix: "Unmerge the cells and type each month's figure in its own cell.",
    },
    'merged-amount': {
      message:
        "{field} of Actuals rows {top}–{bottom} is one merged cell ({value}): it counts once, for {metric} at row {top}'s date ({date}), not once for each row.",
      fix: "Unmerge the cells and type each check-in's amount in its own row.",
    },
    'custom-weights-missing': {
      message: '{id} uses custom phasing but has no weights on the Targets tab; it is split evenly.',
      fix: `Run ${DECOMPOSE}, then type weights in its weights row.`,
    },
    'invalid-weight': {
      message:
        'The weight of {id} for {month} is "{value}": a weight is a number of 0 or more, so it is not used.',
      fix: 'Type 0 or more, or leave the cell empty.',
    },
    'duplicate-weights-row': {
      message:
        '{id} has a second weights row (row {row}): the first, row {first}, is the one the plan and the formulas of the tab use, and this one is not read.',
      fix: 'Delete this row, or type its weights into row {first}.',
    },
    'targets-mismatch': {
      message: 'The Targets tab shows {sheetValue} for {id} in {month}, but the plan gives {value}.',
      fix: `Run ${DECOMPOSE} again to rebuild the tab. A figure typed over the month's formula stays as typed: clear that cell first to have the plan's.`,
    },
    'targets-row-missing': {
      message: '{id} has no row on the Targets tab.',
      fix: `Run ${DECOMPOSE} again to rebuild the tab.`,
    },
    'targets-text-mismatch': {
      message: 'The Targets tab shows {sheetValue} as the {field} of {id}, but the plan gives {value}.',
      fix: `Run ${DECOMPOSE} again to rebuild the tab.`,
    },
    'targets-formula-error': {
      message:
        'The Targets tab shows {value} for {id}: its formulas point at a plan cell that was moved or deleted.',
      fix: `Run ${DECOMPOSE} again to rebuild the tab.`,
    },
    'as-of-not-a-date': {
      message:
        'The {cell} cell of the Targets tab holds {value}, which is not a date: every formula of the tab that reads it shows an error.',
      fix: `Type the day to judge progress on (today, or a review date), or run ${DECOMPOSE}, which sets today.`,
    },
    'as-of-differs': {
      message:
        'The Targets tab judges progress as of {day} (its {cell} cell); this check judges it as of {asOf}, so their statuses may differ.',
      fix: 'Type {asOf} in the {cell} cell to see the tab as of that day; leave it if {day} is the review date you mean.',
    },
    'unreadable-by-formulas': {
      message:
        '{id}: {field} is typed as the text "{value}", which the formulas of the Targets tab cannot use as the plan does ({expected}): the tab\'s figures for it would be wrong.',
      fix: 'Type {expected} in the cell.',
    },
    'merged-unread-by-formulas': {
      message:
        '{field} of Actuals rows {top}–{bottom} is one merged cell ({value}): the plan reads it in each row, but the formulas of the Targets tab read it in row {top} only, so the tab leaves out the check-ins of the rows below it.',
      fix: 'Unmerge the cells and type {value} in each row.',
    },
    'shown-not-held': {
      message:
        '{id}: {field} holds {held}, shown as "{value}" by its number format, which the plan reads as {expected}; the formulas of the Targets tab use the {held} it holds: the tab\'s figures for it would be wrong.',
      fix: 'Type {expected} in a cell formatted as a plain number, or count {id} in that multiple (in its Unit) and keep {held}.',
    },
    'format-not-read': {
      message:
        '{field} of {id} holds {held}, in a number format ({format}) that the plan cannot read as the cell shows it: it reads the {held} the cell holds.',
      fix: 'If {held} is not the number meant, type the number in a cell formatted as a plain number, or use a multiple the plan reads (0.00"萬" for 萬, not "w").',
    },
    'too-many-key-results': {
      message: 'Objective {id} has {count} key results; keep it to {max}.',
      fix: 'Merge or drop the least important ones: few and key.',
    },
    'too-many-objectives': {
      message: '{owner} owns {count} objectives; keep it to {max}.',
      fix: 'Focus: hand some over or drop them.',
    },
    'too-many-key-results-owned': {
      message: '{owner} owns {count} key results; keep it to {max}.',
      fix: 'Focus: hand some over or drop them.',
    },
    'too-many-kpis': {
      message: '{owner} owns {count} KPIs; keep it to {max}.',
      fix: 'Keep the KPIs that show the trend; drop the rest.',
    },
    'idle-department': {
      message: '{owner} owns no objective, key result, KPI or roadmap item.',
      fix: 'Give every department something it can act on (line of sight).',
    },
    'kpi-without-key-result': {
      message: 'KPI {id} is not tied to a key result.',
      fix: 'Fill in the key result it tracks.',
    },
    'key-result-untracked': {
      message: 'Key result {id} has neither a KPI nor a roadmap item.',
      fix: 'Add a KPI that shows its pace, or the roadmap items that deliver it.',
    },
    'key-result-without-owner': {
      message: 'Key result {id} has no owner.',
      fix: 'Name the one department accountable for it.',
    },
    'strategy-unanswered': {
      message: 'The strategy does not answer "{question}" ({field}).{unread}',
      fix: 'Write a one-line answer next to {field}.{noRow}',
    },
    'strategy-field-missing': {
      message: '{field} is empty on the "{strategyTab}" tab.{unread}',
      fix: 'Fill it in: it tops the pyramid.',
    },
    'unread-strategy-row': {
      message:
        '"{label}" ({cell}) on the "{strategyTab}" tab is no field of the template, so its value is not read, while the plan still lacks {missing}.',
      fix: 'If this row is one of them, type its name in {cell} instead of "{label}"; if it is a note of your own, leave it.',
    },
    'funnel-mismatch': {
      message: '{count} × {rate} ({countId} × {rateId}) makes {implied}, but objective {id} names {named}.',
      fix: 'Agree the funnel: adjust the key results or the objective so the numbers meet.',
    },
    'objective-without-key-results': {
      message: 'Objective {id} has no key result.',
      fix: 'Add up to three measurable key results.',
    },
    'running-total': {
      message:
        '{id}: its check-ins ({values}) rise month after month like running totals. Added up as the amounts of their months they make {total} ({attainment} of the target); as totals so far, {latest} ({meant}).',
      fix: "A cumulative Value is the amount of its own month. If these are totals so far, type each month's amount instead: {amounts}.",
    },
    'to-date-header': {
      message:
        'The header "{header}" notes "{word}": the Values below read as totals to date, but the check-ins of a cumulative key result are added up as the amounts of their months: {counted}.',
      fix: 'Type each month\'s own amount (its total less the total before it); if the Values are the amounts of their months, take "{word}" out of the header.',
    },
    'to-date-header-wide': {
      message:
        'The header "{header}" says "{word}": the figures under the months read as totals to date, but the check-ins of a cumulative key result are added up as the amounts of their months: {counted}.',
      fix: 'Type each month\'s own amount in its cell (its total less the month before\'s): {amounts}. If the figures are the amounts of their months, take "{word}" out of "{header}" and any other header that has it.',
    },
    'to-date-note': {
      message:
        'The {column} of this check-in of {id} says "{word}": {value} reads as a total to date, but the check-ins of a cumulative key result are added up as the amounts of their months, so all of it counts for {month}.',
      fix: 'Type the amount of {month} alone: {amount} ({value} less the total before it, {before}); if {value} is that amount, take "{word}" out of the {column}.',
    },
    'plan-rows-in-actuals': {
      message:
        'The "{header}" column of the {tab} tab says "{word}" at rows {rows} ({count} in all; the first is {id}\'s): they hold targets, not actuals, so they are not counted as check-ins.',
      fix: 'Keep targets in the {target} column of the {keyResultsTab} tab (the {targetsTab} tab gives each month\'s); leave the {tab} tab to actuals. If these rows are actuals, type "{actual}" in their "{header}" cells.',
    },
    'to-date-rows-in-actuals': {
      message:
        'The "{header}" column of the {tab} tab says "{word}" at rows {rows} ({count} in all; the first is {id}\'s): totals to date of metrics whose actuals have rows of their own, so they are not counted again.',
      fix: "Nothing to do: each month's actuals are added up to the total. If a total is a metric's only figure, delete the metric's other rows, or type each month's own amount.",
    },
    'stale-check-in': {
      message: '{id} has no actual for {month}.',
      fix: 'Add a row to "{actualsTab}" for {month}.',
    },
    'stale-check-in-wide': {
      message: '{id} has no actual for {month}.',
      fix: "{id}'s figure for {month} goes where its row meets the month's column: {where}",
    },
    'behind-pace': {
      message: '{id} is {status}: attainment {attainment}, where the plan asks for {expected} by now.',
      fix: 'Discuss it at the next review; adjust the plan or the target with a reason.',
    },
    'currency-mismatch': {
      message: '{field} of {id} is "{value}", in {found}, but the plan\'s currency is {currency}.',
      fix: 'Type the amount in {currency} (the Currency on the "{strategyTab}" tab): amounts are never converted.{fromFormat}',
    },
    'unit-mismatch': {
      message: '{field} of {id} is "{value}", in {found}, but the unit of {id} is {unit}.',
      fix: '{typeIt}.{fromFormat}',
    },
    'unit-in-plain-number': {
      message: '{field} of {id} is "{value}": {what}.',
      fix: 'Type {number}.',
    },
    'metric-currency-mismatch': {
      message: '{field} of {id} is "{value}", in {found}, but {id} is counted in {unit}.',
      fix: "Type the amount in {unit}, the Unit of {id}: a metric with a currency of its own is not counted in the plan's Currency, and amounts are never converted.{fromFormat}",
    },
    'ambiguous-m': {
      message:
        '{field} of {id} is "{value}": {id} {counted}, where "m" may mean minutes, months or metres as well as a million.',
      fix: '{asUnit}; for a million, type {number} million.',
    },
    'decimal-mark': {
      message:
        '{field} of {id} is "{value}", a number only where decimals are written with "{other}"; this spreadsheet writes them with "{mark}" ({source}).',
      fix: 'Type {suggestion}.',
    },
    'grouped-in-fours': {
      message:
        '{field} of {id} is "{value}": digits grouped in fours, as 萬 groups them, make {grouped}{alsoDecimal}; this spreadsheet groups digits in threes (50,000), so it is not read.',
      fix: 'Type {grouped}{orDecimal}.',
    },
    'ambiguous-number': {
      message:
        '{field} of {id} is "{value}", read as {read}; in a spreadsheet that writes decimals with a comma (de_DE, fr_FR…) it means {other}.',
      fix: "If it means {other}, name the spreadsheet's locale with gtm-pyramid --locale (de_DE), or type the number in a number cell.",
    },
    'comma-decimal-ambiguous': {
      message:
        '{field} of {id} is "{value}", read as {read}, since this spreadsheet writes decimals with a comma; with the comma grouping thousands, it means {other}.',
      fix: 'If it means {other}, type {other}; if it means {read}, type {read}.',
    },
    'unknown-language': {
      message: 'The Language "{value}" is not a language the plan can use; it is read as {used}.',
      fix: 'Type en, zh-CN or zh-TW (or English, 简体中文, 繁體中文).',
    },
    'unknown-currency': {
      message:
        'The Currency "{value}" is not a currency the plan knows: an amount typed with a currency sign or code is refused as not in it.',
      fix: "Type an ISO code (USD, EUR, TWD, CNY) or a currency's name (US dollar, euro, 新台幣, 人民幣); leave it blank to check no amount's currency.",
    },
    'currency-scale': {
      message:
        'The Currency "{value}" notes a multiple ({note}), but amounts are read as typed: 3000 is {currency} 3000, not 3000 × {multiple}.',
      fix: 'Type {currency} alone here; to count a metric in {note}, give it a Unit that counts in this multiple ({value}), where a number alone is in that multiple.',
    },
    'target-equals-baseline': {
      message:
        'The target of {id} equals its baseline ({value}): there is nothing to reach, so {id} is left out of progress.',
      fix: 'Type the value {id} should reach; it must differ from the baseline.',
    },
    'percent-as-whole-number': {
      message: '{field} of {id}: {value} looks like {number}% — type {number}% or {ratio}. {consequence}',
      fix: 'In a % metric (a Unit of %, or one that names a rate: conversion rate, 留存率, CTR), 13% is the number 0.13: type the percent sign, or the fraction. To count whole numbers instead, name the Unit without a rate (points, 次).',
    },
    'percent-one': {
      message:
        '{field} of {id}: 1 is read as 100%, which its plan makes unlikely. If 1% was meant, type 1%; if 100%, type 100%. {consequence}',
      fix: 'Type the percent sign: 1% is the number 0.01, 100% the number 1. A figure typed with its sign is taken as typed.',
    },
    'confidence-ambiguous': {
      message:
        'Confidence of {id} is {value}: {tenths} (as {number} out of 10) or {percent}? It is not shown until it says which.',
      fix: 'Type {tenths} for {number} out of 10, or {percent}.',
    },
    'percent-plan-as-whole-number': {
      message:
        '{id}: its plan reads {plan}, which is {read}, but its check-ins ({values}) are about a hundredth of that: the plan looks typed in whole percents. Its check-ins are not counted until it is fixed.',
      fix: 'If the plan means {meant}, type it so, with the % sign (or as {ratios}); if the check-ins are the mistake, correct them.',
    },
    'plan-typed-in-full': {
      message:
        '{id} is counted in {unit}, so its Target {target} is {target} {unit}, but its check-ins ({values}) are about 1/{factor} of what the plan asks by {month}: the Target looks typed in full, not in {unit}. Until it is fixed, its check-ins are not counted.',
      fix: 'If the target is {target} in all, type {scaled} (in {unit}); if it is {target} {unit}, correct the check-ins.',
    },
    'confidence-out-of-range': {
      message: 'Confidence of {id} is {value}; a confidence lies between 0% and 100%, so it is not shown.',
      fix: 'Type a confidence such as 70%, 0.7 or 70.',
    },
    'time-not-a-number': {
      message: '{field} of {id} is the time {value}, not a number, so it is not read.',
      fix: 'Type the number in the Unit, in a cell formatted as a number: {hours} for hours, {minutes} for minutes.',
    },
    'negative-weight': {
      message:
        'Weight of {id} is {value}: a weight is 0 or more, so {id} is weighed 1 in its objective until it is fixed.',
      fix: 'Type a weight of 0 or more, such as 1 (an equal share) or 2 (counted twice), or leave it blank (1).',
    },
    'weight-scales-mixed': {
      message:
        'Weight of {id} is {value}, with no % sign, while other key results of objective {objective} have weights in % ({others}): it counts as {asPercent}, not {number}%.',
      fix: 'If {number}% was meant, type {number}% (or {ratio}); if it is a relative weight, type the other weights of {objective} without % too.',
    },
    'weight-ratio-mixed': {
      message:
        'Weight of {id} is {value}, while the other weights of objective {objective} are {others}: {replaced}, they add up to exactly 100, so {number}% looks meant. As typed, it weighs {share} of the objective.',
      fix: 'If {number}% was meant, type {number}, on the scale of the others; if it is a relative weight, leave it.',
    },
    'weight-blank-mixed': {
      message:
        'Weight of {id} is {value}, which counts as 1 (100%), while other key results of objective {objective} have weights in % ({others}).',
      fix: 'Type its weight in % as the others are: a weight of 1, or a blank one, is an equal share only among weights typed without %.',
    },
    'weight-blank-fractions': {
      message:
        'Weight of {id} is {value}, which counts as 1, while the other weights of objective {objective} are shares of 1 ({others}: {sum} together), so it weighs {share} of the objective. As the rest of 1 it would be {rest}.',
      fix: 'If it is the rest, type {rest}; if the weights are relative, leave it or type its weight: a blank weight counts as 1.',
    },
    'id-number-ambiguous': {
      message:
        'Actuals row {row} is for the number {value}, which can be any of {ids}: a cell that is no text keeps "1.10" as 1.1, so the row is not counted.',
      fix: 'Format the Metric column as text (Format → Number → Plain text) and retype the ID, or type it after an apostrophe ({text}).',
    },
    'id-number-matched': {
      message:
        'Actuals row {row} is for the number {value}, counted for {id}: a cell that is no text keeps "{id}" as {value}.',
      fix: 'Format the Metric column as text (Format → Number → Plain text) and retype the ID, or type it after an apostrophe ({text}).',
    },
    'duplicate-check-in': {
      message: 'Actuals row {row} repeats row {other} ({metric}, {date}, {value}); it is counted once.',
      fix: 'Delete the repeated row; if it is a separate check-in, correct its date or value.',
    },
    'same-day-amounts': {
      message:
        'Actuals row {row} ({metric}, {date}, {value}) has the same date as row {other} ({otherValue}): both amounts are counted, added up.',
      fix: 'If row {row} corrects row {other}, delete row {other}; if row {row} is a subtotal or total of rows above it, delete row {row}; only if they are two amounts of the same day, nothing needs doing.',
    },
    'subtotal-check-in': {
      message:
        'Actuals row {row} ({metric}, {date}, {value}) is a subtotal: its {column} says "{word}" and its value is the sum of the {count} check-ins of {metric} above it (rows {first} to {last}). It is not counted, so that they are not counted twice.',
      fix: 'Delete the row, or keep subtotals on another tab: every row of this one counts as a check-in. If it is an amount of its own, take "{word}" out of its {column}, and it is counted.',
    },
    'same-day-readings': {
      message:
        'Actuals row {row} ({metric}, {date}, {value}) has the same date as row {other} ({otherValue}): only row {row}, the later one, is counted.',
      fix: 'Delete the row that is wrong, or correct its date.',
    },
    'check-in-before-start': {
      message:
        'Actuals row {row} ({metric}, {date}) is dated before {metric} starts ({start}); it is not counted.',
      fix: 'Correct the date, or move the Start of {metric} earlier.',
    },
    'check-in-after-due': {
      message:
        'Actuals row {row} ({metric}, {date}) is dated after the last month of {metric} ({due}); it is not counted.',
      fix: 'Correct the date (a year typed wrong, such as 2027 for 2026), or move the Due of {metric} later.',
    },
    'check-in-off-scale': {
      message:
        'Actuals row {row} ({metric}, {date}): {value} is {factor} times the larger of the baseline and target of {metric} ({scale}). {counted}',
      fix: 'Check the number for an extra zero, and that it is in the unit of {metric} (a target in thousands is typed 50 for 50,000); if every check-in is this far off, the Target of {metric} is the one to check (20% typed in a count is 0.2).',
    },
    'month-over-target': {
      message:
        'Actuals row {row} ({metric}, {date}): {value} in one month is more than the whole target of {metric} ({span}). {counted}',
      fix: 'Check the number for an extra zero, and that it is the amount of that month alone (not a total so far) in the unit of {metric}; if every month is over, the Target of {metric} is the one to check (20% typed in a count is 0.2).',
    },
    'month-far-above-plan': {
      message:
        "Actuals row {row} ({metric}, {date}): {value} in one month is more than five times that month's plan ({planned}), and more than half the whole target of {metric} ({span}). {counted}",
      fix: 'Check the number for an extra zero (4,900 typed as 49,000), and that it is the amount of that month alone, not a total so far; if the month really was that big, leave it.',
    },
    'percent-change-in-unit': {
      message:
        '{field} of {id} is "{value}", a change in percent, but its Unit, {unit}, is no percentage: a target is the figure to reach, not how much it grows. {consequence}',
      fix: 'Type the figure {id} is to reach, in {unit} (for 20% growth on 50,000, type 60000).',
    },
    'percent-in-unit': {
      message:
        '{field} of {id} is "{value}", a percentage, but its Unit, {unit}, does not say so: {id} is read as a percentage, as if its Unit were {percentUnit}, and so are its check-ins (12 typed for 12% is an error).',
      fix: 'If {id} is a percentage, name its Unit as one: % or {percentUnit}. If it is counted in {unit}, type the figure in {unit}, without the percent sign (a change such as +20% is no target: type the figure it comes to).',
    },
    'percent-reading-high': {
      message:
        'Actuals row {row} ({metric}, {date}): {value} is counted as {percent}. If {number}% was meant, type {number}% or {ratio}.',
      fix: 'Type the percent sign: 3% is the number 0.03, 300% the number 3.',
    },
    'percent-reading-low': {
      message:
        'Actuals row {row} ({metric}, {date}): {value} is counted as {percent}, about a hundredth of the plan of {metric} ({plan}). If {meant} was meant, type {meant} or {ratio}.',
      fix: 'Type a percentage with its % sign (86%) or as the number it stands for (0.86), not both: 0.86% is the number 0.0086.',
    },
    'percent-readings-low': {
      message:
        'Every check-in of {metric} ({count} of them, {lowest} to {highest}) is about a hundredth of its plan ({plan}), so {metric} reads as far from it. If {lowestMeant} to {highestMeant} were meant, type them so.',
      fix: 'Type a percentage with its % sign (6%) or as the number it stands for (0.06), not both: 0.06% is the number 0.0006.',
    },
    'percent-reading-drop': {
      message:
        'Actuals row {row} ({metric}, {date}): {value} is counted as {percent}, about a hundredth of the reading of {metric} before it ({otherDate}: {otherValue}). If {meant} was meant, type {meant} or {ratio}.',
      fix: 'Type a percentage with its % sign (13%) or as the number it stands for (0.13), not both: 0.13% is the number 0.0013.',
    },
    'check-in-after-period': {
      message:
        "Actuals row {row} ({metric}, {date}) is dated after the plan's period ends ({due}); it is not counted.",
      fix: 'Correct the date (a year typed wrong, such as 2027 for 2026), or widen the period on the "{strategyTab}" tab.',
    },
    'compact-date': {
      message:
        '{field} of {id} is "{value}", a date written without separators ({reading}): a spreadsheet does not read it as a date, so it is not used.',
      fix: 'Type {meant}.',
    },
    'span-date': {
      message:
        '{field} of {id} is "{value}", a span ({first} – {last}), not one day: a check-in counts in the month of its day.',
      fix: 'Type the day it was measured, such as {last}; a figure for each month goes on a row of its own.',
    },
    'date-out-of-range': {
      message:
        '{field} of {id} is "{value}", which a spreadsheet reads as the day {day}: far outside the years {first}–{last} a plan covers, so it is not used.',
      fix: 'Type the date as 2026-03-01.',
    },
    'yes-no-not-milestone': {
      message:
        '{field} of {id} is "{value}", which says done or not done: only a milestone takes that (as 1 or 0), and {id} {takes}. It is not counted.',
      fix: 'Type the number. A key result that is done or not done is a milestone (its Type milestone), whose check-ins are 1 (done) or 0.',
    },
    YES_NO_TAKES: {
      cumulative: 'is cumulative: it takes the amount of its month, a number such as 5000',
      reading: 'takes the reading on that date, a number such as 20% or 5000',
      kpi: 'is a KPI: it takes the reading on that date, a number such as 20% or 5000',
    },
    'milestone-check-in': {
      message:
        'Actuals row {row}: {metric} is a milestone, so its value is 1 (done) or 0 (not yet), not {value}; it is not counted.',
      fix: 'Type 1 when the milestone is done.',
    },
    'negative-check-in': {
      message:
        'Actuals row {row}: {metric} counts up, so {value} cannot be the amount of a month; it is not counted.',
      fix: 'Type the amount added in that month (0 or more), not a running total or a difference.',
    },
    /** The end of missing-column(-optional) where a header read as nothing resembles the column. */
    /** The end of strategy-unanswered, strategy-field-missing and period-missing where Strategy rows go unread. */
    UNREAD_STRATEGY_ROWS:
      ' The text beside {rows} is not read, as the template has no field of that name: if it is this, rename it.',
    /** One row of UNREAD_STRATEGY_ROWS: its label as typed, and its cell. */
    UNREAD_STRATEGY_ROW: '"{label}" ({cell})',
    /** The end of strategy-unanswered's fix where the Strategy tab has no row of the field to answer beside. */
    STRATEGY_NO_ROW: ' The "{sheet}" tab has no row named {field}: first type {field} in {cell}.',
    /** weight-ratio-mixed's {replaced}: the weight under 1 as its × 100, or each of several (0.5 and 0.3 as 50 and 30). */
    WEIGHT_RATIO_ONE: 'with {number} in its place',
    WEIGHT_RATIO_SEVERAL: 'with {values} as {numbers}',
    TO_DATE_COUNTED: '{id} counts {total}, where its latest total is {latest}',
    TO_DATE_AMOUNTS: '{id}: {cells}',
    TO_DATE_CELL: '{amount} in {cell}',
    WEIGHT_BLANK: 'blank',
    HIDDEN_TAB: ', which is hidden',
    HIDDEN_COLUMN: ', which is hidden',
    MISSING_COLUMN_NEAR: ' The header "{header}" ({cell}) may be meant as it: if so, rename it "{column}".',
    /** What ambiguous-m says of the metric's Unit ({counted}, {asUnit}): the one it names, or none. */
    /** The second reading grouped-in-fours gives where one comma may be a decimal comma (1,2345). */
    GROUPED_IN_FOURS: {
      alsoDecimal: ' (with a decimal comma, {decimal})',
      orDecimal: ', or {decimal} for a decimal',
    },
    /** What unit-in-plain-number says a column of plain numbers is (its {what}). */
    PLAIN_NUMBER: {
      weight: 'a weight is a plain number, with no unit or currency',
      confidence: 'a confidence is a plain number or a percentage, with no unit or currency',
    },
    /** The example not-a-number gives: one that fits the column (a confidence is no 50000). */
    NUMBER_EXAMPLE: {
      number: '50000 or 20%',
      confidence: '70% or 0.7',
      weight: '40% or 2',
    },
    /** How unit-mismatch says to type the number ({typeIt}): converted, in the metric's unit, or alone. */
    /**
     * What a currency or unit mismatch adds where the sign is the cell's number format's ({fromFormat}), not typed:
     * retyping keeps the format.
     */
    FROM_FORMAT: {
      currency:
        " The {found} is the cell's number format, which stays when the amount is retyped: format the cell (Format → Number) as {to} or as a plain number.",
      plain:
        " The {found} is the cell's number format, which stays when the number is retyped: format the cell (Format → Number) as a plain number.",
    },
    UNIT_MISMATCH: {
      converted: 'Type {number}: {value} is {number} {unit}',
      inUnit: 'Type the number in {unit}',
      noUnit: 'Type the number alone, or name its unit in the "{unitColumn}" column',
    },
    AMBIGUOUS_M: {
      countedIn: 'is counted in {unit}',
      noUnit: 'has no Unit',
      forUnit: 'For {unit}, type {number} {unit} (or {number} alone)',
      forNoUnit: 'For minutes, months or metres, type {number} and name the unit in the Unit column',
    },
    /**
     * The last sentence of the off-scale warnings (check-in-off-scale, month-over-target, month-far-above-plan): the
     * row counts, now, or once its month is over (a check-in of a month not judged yet is left for later).
     */
    COUNTED: {
      now: 'It is counted.',
      later: 'It is not counted yet: it will be once {month} is over.',
    },
    WIDE_TARGETS_TAB: {
      read: `The "{targetsTab}" tab's to-date columns read these months too, each metric by its ID wherever its row is; after adding or moving a month column, run ${DECOMPOSE} again.`,
      unread: `The "{targetsTab}" tab's to-date columns read months in columns only when they stand side by side in month order with none missing between (Jan | Feb | Mar …, no target column between them): here they do not, so those columns stay blank. Put the months side by side, or keep the check-ins as {usualLayout}, then run ${DECOMPOSE} again.`,
    },
    WIDE_TARGETS_LEFT_OUT:
      ' Under each month only its column headed as the actual figures is read; its target column is left out ({count} columns, the first "{first}").',
    MONTH_ACTUAL_WHERE: {
      below:
        'In the row under the month ({cells}), head the column of its actual figures "{actual}" and its target column "{target}": the actual column is read as the check-in, the target column is left out.',
      inHeader:
        'Head the column of its actual figures "{actual}" and its target column "{target}" ({cells}): the actual column is read as the check-in, the target column is left out.',
      unmerged:
        'Merge "{header}" over all its columns ({cells}), with the column of its actual figures headed "{actual}" and its target column "{target}" in the row under it: the actual column is read as the check-in, the target column is left out.',
    },
    MONTH_ACTUAL_WHY: {
      several:
        'has several columns ({columns}) and none is headed as its actual figures: which one holds them cannot be told',
      unheaded:
        "heads {cells} ({columns}), and the row under it heads the columns after it too ({beside}), with nothing above them ({blank}): which of them are this month's cannot be told",
    },
    MONTH_HEADER_YEAR: {
      twoYears: "the plan's period ({start} to {end}) spans two calendar years",
      noPeriod: 'the plan has no period on the Strategy tab to take it from',
    },
    STALE_CHECK_IN_WIDE: {
      cell: 'type it in {cell}.',
      noColumn: 'add a column headed {month}, and type it in {cell}.',
      noRow: 'add a row with {id} under the Metric header ({metric}), and type it in {cell}.',
      neither:
        'add a row with {id} under the Metric header ({metric}) and a column headed {month}, and type it where they meet.',
    },
    PERCENT_CONSEQUENCES: {
      notCounted: 'This value is not counted.',
      leftOut: 'The key result is left out of progress until it is fixed.',
      kpiLeftOut: 'The KPI is left out of progress until it is fixed.',
    },
  },
  status: {
    'not-started': 'not started',
    'on-track': 'on track',
    'at-risk': 'at risk',
    'off-track': 'off track',
    done: 'done',
    'no-data': 'no data',
    missed: 'missed',
    'needs-attention': 'needs attention',
  },
  example: {
    strategy: {
      product: 'GEO Monitor: AI search optimisation monitoring',
      vision: 'Every brand is found, and described correctly, by the AI assistants its customers ask.',
      strategy:
        'Win overseas-selling marketing teams with the most accurate GEO monitoring; land through free trials, expand team by team.',
      targetUsers: 'Marketing teams of companies selling overseas.',
      problem:
        'Optimising content for overseas large language models is hard; we show how AI assistants see the brand and what to fix.',
      category:
        'Generative-engine optimisation (GEO) monitoring software; the widest coverage of overseas assistants, with fixes, not just scores.',
      businessGoal: 'A top-3 GEO platform within 2 years, with 3,000 enterprise customers.',
    },
    D: {
      sales: 'Sales',
      marketing: 'Marketing',
      operations: 'Operations',
      rnd: 'R&D',
      support: 'Support',
    },
    rows: {
      objectives: {
        O1: {
          title: 'Launch the new product this year and convert 1,000 new customers',
          notes: 'The company objective for the launch.',
        },
        O2: {
          title: 'Ship a GEO monitor that overseas marketing teams trust',
        },
      },
      keyResults: {
        KR1: {
          title: 'USD 1,000,000 in sales within six months',
        },
        KR2: {
          title: '50,000 trial sign-ups by year end',
          unit: 'sign-ups',
        },
        KR3: {
          title: '20% trial-to-paid conversion by year end',
        },
        KR4: {
          title: 'Release v1.0 in all launch markets by the end of March',
        },
        KR5: {
          title: 'AI answer accuracy of 90% by year end',
        },
      },
      kpis: {
        KPI1: {
          name: 'Monthly revenue growth',
        },
        KPI2: {
          name: 'First response time',
          unit: 'hours',
        },
        KPI3: {
          name: 'New sign-ups per month',
          unit: 'sign-ups',
        },
      },
      roadmap: {
        R1: {
          item: 'Beta with 20 design partners',
        },
        R2: {
          item: 'Launch campaign and website',
        },
        R3: {
          item: 'Public launch of v1.0',
        },
        R4: {
          item: 'Sales playbook and partner channel',
        },
        R5: {
          item: 'Onboarding and trial nurture flows',
        },
        R6: {
          item: 'Content and webinar programme',
        },
        R7: {
          item: 'Enterprise deals push',
        },
        R8: {
          item: 'Support desk in three time zones',
        },
        R9: {
          item: 'Answer-accuracy improvements',
        },
      },
      actuals: {
        '3': {
          note: 'v1.0 released in the US, UK and Singapore.',
        },
      },
      changes: {
        KR3: {
          sheet: 'Key Results',
          field: 'Target',
          reason: 'Trial quality lower than planned; agreed at the June review.',
        },
      },
    },
    broken: { partnerTrials: '500 partner-sourced trials by year end', costPerTrial: 'Cost per trial' },
  },
  addon: {
    menuInsertTemplates: 'Insert templates',
    menuInsertExample: 'Insert example plan',
    menuDecompose: DECOMPOSE,
    menuCheckPlan: 'Check plan',
    menuHelp: 'Help',
    addonTitle: 'GTM Pyramid',
    templatesTitle: 'Insert templates',
    templatesNothing: 'Every template tab and column is already in place: nothing was changed.',
    templatesTabsAdded: 'Added tabs: {list}.',
    templatesColumnsAdded: 'Added columns at the end of "{tab}": {list}.',
    templatesFieldsAdded: 'Added rows to "{tab}": {list}.',
    templatesHeaderFilled: 'Wrote the header row of the empty tab "{tab}".',
    templatesSkipped: '"{tab}" has content but no header row I recognise; it was left as it is.',
    changeLogOldNotKnown: 'not known: several cells were changed at once (a paste, a fill, a sort)',
    changeLogValues: '{count} values: see File › Version history',
    changeLogRowCleared:
      'not known: the row is blank now, its ID cell too (cleared, unless it was blank before): see File › Version history',
    changeLogRowsCleared:
      'not known: {count} rows are blank now, their ID cells too (cleared, unless they were blank before): see File › Version history',
    templatesKept: 'None of your cells were changed.',
    templatesInterrupted:
      'Insert templates did not finish ({reason}). It stopped while setting up "{tab}": the header it was adding there is not written yet, so that part is not finished.',
    templatesInterruptedRerun:
      'None of your cells were changed. Run Insert templates again to finish the job: it completes what is unfinished and changes nothing that is already in place.',
    templatesColumnNear:
      'Did not add the column "{column}" to "{tab}": the header "{header}" ({cell}) may be meant as it. If it is, rename it "{column}"; if it is a column of your own, add a header "{column}" in an empty column yourself.',
    exampleTitle: 'Insert example plan',
    exampleRefused:
      'The example plan was not inserted because these tabs already hold data: {list}. Use an empty spreadsheet, or rename those tabs first. Nothing was changed.',
    exampleDone: 'Inserted the example plan ({product}) into: {list}.',
    exampleAlreadyIn:
      'The example plan ({product}) is already in this spreadsheet, with its targets decomposed. Nothing was changed.',
    exampleFinished:
      'Finished the example plan ({product}) that an earlier run had left unfinished; the rows it had written were kept as they were.',
    exampleRowsAdded: 'Added its rows to: {list}.',
    exampleInterrupted: 'Insert example plan did not finish ({reason}).',
    exampleStoppedInTemplates:
      'It stopped while setting up the template tabs, at "{tab}", before writing any of the example\'s rows.',
    exampleStoppedNoRows: "The template tabs are in place, but none of the example's rows were written yet.",
    exampleStoppedRows:
      "The example's rows are in: {list}. The other tabs have only their headers so far, and the targets are not decomposed yet.",
    exampleStoppedTargets: "The example's rows are in all its tabs; only the targets are not decomposed yet.",
    exampleRerun:
      'Nothing you typed was changed. Run Insert example plan again to finish it: it recognises the rows it already wrote and adds the rest.',
    decomposeTitle: DECOMPOSE,
    decomposeBlocked: 'The targets cannot be decomposed yet:',
    decomposeBlockedLine: '• {cell}: {message} {fix}',
    decomposeNoTabs: 'Run Insert templates first, then fill in the plan.',
    decomposeRenamed: `The targets are on the tab "{tab}" (its {cell} cell is there), not on a tab named "{name}": rename "{tab}" back to "{name}", then run ${DECOMPOSE} again. Nothing was changed.`,
    decomposeNotGenerated: `The tab "{tab}" holds something other than the generated targets (its first row is not their header), so it was left as it is. Rename that tab, then run ${DECOMPOSE} again.`,
    decomposeHandTyped: `${DECOMPOSE} rebuilds "{tab}" from the plan, which would clear what was typed there in columns, rows or cells it does not generate (a value or a formula): {cells}. Move it to another tab, then run ${DECOMPOSE} again. Nothing was changed.`,
    decomposeDone:
      'Rebuilt "{tab}": {krs} key results and {kpis} KPIs over {months} months ({from} – {to}), as formulas that follow the plan tabs.',
    decomposeWeightsKept: 'Custom weights kept for: {list}.',
    decomposeWeightsDropped:
      'Custom weights not kept, to type again where they belong: {list}. (File > Version history has the old rows.)',
    decomposeWeightsNoRow:
      '{id} (no weights row now: its ID, type or phasing changed, or it was deleted): {weights}',
    decomposeWeightsOutside: '{id}, months outside the period: {weights}',
    decomposeWeightEntry: '{month}: {value}',
    decomposeRowsMoved:
      'To keep each key result and KPI on its own row of "{tab}", rows were inserted or removed, so {count} rows moved: {list}. Formulas in this spreadsheet that point at those rows moved with them; a reference Sheets cannot move (a row typed as text in INDIRECT, an IMPORTRANGE in another file, a script) still points at the old row.',
    decomposeRowMove: '{id} row {from} → {to}',
    decomposeRowsRemoved:
      'Rows of key results and KPIs no longer in the plan were removed: {list}. Formulas that pointed at them show #REF!.',
    decomposeRowRemoved: '{id} (row {row})',
    decomposeRowsLeft: `"{tab}" was left with blank rows ({rows}), because removing them failed ({reason}): delete them, or run ${DECOMPOSE} again.`,
    decomposeNotesDropped:
      'Notes on cells "{tab}" no longer has (a key result, KPI or month no longer in the plan), to add again where they belong: {list}.',
    decomposeTypedKept: `Figures typed over the monthly formulas of "{tab}" were kept as typed: {list}. The plan's figure there is not shown: to have it again, clear the cell, then run ${DECOMPOSE}.`,
    decomposeTypedReplaced: "As asked, the plan's figure replaced what was typed at {list}.",
    decomposeTypedDropped:
      'Figures typed over monthly formulas in cells "{tab}" no longer has (a key result, KPI or month no longer in the plan), to type again where they belong: {list}.',
    decomposeTypedEntry: '{cell} ({id}, {month}): {value}',
    decomposeCellsMore: 'and {count} more',
    decomposeRestored: `${DECOMPOSE} did not finish ({reason}). "{tab}" is as it was before, custom weights and the {cell} cell included. Run ${DECOMPOSE} again.`,
    decomposeNotRestored: `${DECOMPOSE} did not finish ({reason}), and "{tab}" could not be put back as it was ({restoreReason}). Open File > Version history to restore it, then run ${DECOMPOSE} again.`,
    decomposeNewTabRemoved: `${DECOMPOSE} did not finish ({reason}); the new tab "{tab}" was removed. Run ${DECOMPOSE} again.`,
    decomposeAsOfReset:
      'The {cell} cell said {previous}; it is today again ({today}). Type the review date over it again if you are reviewing as of that day.',
    decomposeIssues: 'Problems found in the plan: {count} (first at {cells}); open Check plan to see them.',
    decomposeBreaks:
      'The formulas on "{tab}" cannot read these cells of the plan as they are typed, so the rows that read them may show errors or wrong figures:',
    decomposeBreaksPeriod:
      'The formulas on "{tab}" cannot read these cells of the plan as they are typed. The plan period comes first: every row that takes its months from it (where a key result has no Start or Due date of its own) may show errors or wrong figures until it is typed as a date.',
    decomposeBreaksMore: '… and {count} more such cells: open Check plan to fix each.',
    decomposeOtherIssues:
      'Other problems found in the plan: {count} (first at {cells}); open Check plan to see them.',
    decomposeCountsRefused:
      'The formulas on "{tab}" count check-ins the plan does not: {list}. Fix them there and the tab follows.',
    decomposeReadsRefused:
      'The formulas on "{tab}" compute with cells the plan does not accept: {list}. Fix them there and the tab follows.',
    decomposeCellOf: '{cell} ({id})',
    busy: 'Someone else is updating this spreadsheet. Try again in a moment.',
    failed: '{action} did not finish: {reason}',
    helpTitle: 'GTM Pyramid: help',
    fnNotANumber: '{fn}: {arg} is "{value}", which is not a number.',
    fnAmbiguousM:
      '{fn}: {arg} is "{value}", where "m" may mean minutes, months or metres as well as a million: type {number}, or {number} million.',
    fnDecimalMark:
      '{fn}: {arg} is "{value}", a number only where decimals are written with the other sign; this spreadsheet writes it {suggestion}.',
    fnNotADate: '{fn}: {arg} is "{value}", which is not a date (write 2026-03-01).',
    fnMissing: '{fn}: {arg} is missing.',
    fnChoice: '{fn}: {arg} is "{value}"; allowed: {allowed}.',
    fnReversed: '{fn}: the due date {due} is before the start {start}.',
    fnCustom: `{fn}: custom phasing needs weights; use ${DECOMPOSE} and type them on "{targets}".`,
    fnShape: '{fn}: the ranges must have the same size.',
    fnFailed: '{fn} could not compute this: {reason}',
    /** A range call's bad cell: the whole call fails (a custom function cannot give one cell an error), saying where. */
    fnAtCell: '{message} In row {row}, column {column} of the result.',
    check: {
      checkFailed: 'The plan could not be checked: {reason}',
      goToBadArgs: 'Go to cell needs a tab name and one cell such as B7.',
      goToNoSheet:
        'There is no tab named "{sheet}" in this spreadsheet any more (renamed or deleted?). Nothing was selected.',
      goToOutside: 'Cell {cell} is outside the tab "{sheet}". Nothing was selected.',
      goToChanged:
        'The plan changed since it was checked: {sheet}!{cell} no longer has this problem (rows inserted or deleted above it, or it was fixed). Nothing was selected.',
      goToDone: 'Selected {sheet}!{cell}.',
      fixTitle: 'Quick fix',
      fixFillId: 'Fill in ID {id}',
      fixAddDepartment: 'Add "{name}" to {tab}',
      fixRebuildTargets: 'Rebuild {tab}, judged as of today',
      fixTypeValue: 'Type {value}',
      fixTypeValueAt: 'Type {value} in {cell}',
      fixUseId: 'Use {id}',
      fixUseIdAt: 'Use {id} in {cell}',
      fixBadArgs: 'This quick fix request is not valid.',
      fixGone:
        'That problem is no longer in the plan (fixed already, or the sheet changed). Nothing was written.',
      fixNotOffered: 'This problem has no safe quick fix; fix it in the sheet.',
      fixChanged:
        'The sheet changed since this fix was offered; it would now be "{label}". Nothing was written.',
      fixFilledId: 'Wrote the ID {id} in {cell}.',
      fixAddedDepartment: 'Added "{name}" to {cell}. Fill in its lead and colour if you like.',
      fixRebuilt: 'Rebuilt {cell}.',
      fixTypedValue: 'Typed {value} in {cell}.',
      fixFormula:
        '{cell} holds a formula, {formula}, which a quick fix would overwrite. Nothing was written: fix the value where the formula takes it from.',
    },
    helpText: `Insert templates: adds the plan tabs ({tabs}) with notes on every header, drop-downs and formats. Run it again at any time: it only adds what is missing.\n\nInsert example plan: fills an empty spreadsheet with the worked example.\n\n${DECOMPOSE}: writes one row per key result and KPI on "{targets}", one column per month, as formulas, judged as of today (its {asOf} cell; type a review date over it afterwards to judge as of that day). For custom phasing, type weights in the weights rows: they are kept.\n\nCheck plan: lists what is missing or inconsistent, with the cell to fix.\n\nChanges: when {fields} of a key result or KPI changes, a row is added to "{changes}" with who made it (the e-mail address of their Google account, when Google gives it); fill in the reason.\n\nCustom functions for your own sheets: =GTM_TARGET(…) gives a month's target, =GTM_STATUS(…) a status; type one in a cell to see its arguments.\n\nReport for leadership: the gtm-pyramid command line builds a web page from this spreadsheet, with what moved since the last report: gtm-pyramid report --sheet {sheetId} --previous <last plan.json>. Publish it somewhere only your company can open, such as an intranet or a site behind your company's sign-in: a public page shows your targets, and who changed them (their e-mail addresses).`,
  },
  customFunctions: {
    args: {
      month: 'month',
      decimals: 'decimals',
      actual: 'actual to date',
      expected: 'expected to date',
    },
  },
  report: {
    labels: {
      /** Between a label and its value: "Owner: Sales". */
      colon: ': ',
      skipToContent: 'Skip to content',
      reportKind: 'Go-to-market plan',
      period: 'Period',
      asOf: 'As of',
      source: 'Source',
      contents: 'Contents',
      linkToSection: 'Link to this section',
      // Sections
      pyramid: 'The pyramid',
      pyramidIntro: 'Leadership reads top-down; each team reads its row and the row above.',
      roadmap: 'Roadmap',
      keyResults: 'Key results',
      kpis: 'KPIs',
      departments: 'Departments',
      planCheck: 'Plan check',
      changes: 'Changes',
      changesIntro: 'Changed targets, newest first.',
      // Under the headline counts: the key results and KPIs missed, off track or at risk, and who owns each.
      attentionTitle: 'What is off track, and who owns it',
      nothingOffTrack: 'Nothing is off track: no key result or KPI is missed, off track or at risk.',
      // Pyramid levels
      levelVision: 'Vision',
      levelStrategy: 'Strategy',
      levelTactics: 'Tactics',
      levelKeyTasks: 'Key tasks',
      levelKeyTasksSub: 'Objectives and key results',
      levelAssessment: 'Quantitative assessment',
      levelAssessmentSub: 'KPIs',
      notAnswered: 'Not answered yet',
      notRead: 'Not read: see the error',
      notUsed: 'Not used: see the error',
      notSet: 'Not set',
      // Key result cards
      owner: 'Owner',
      objective: 'Objective',
      target: 'Target',
      baseline: 'Baseline',
      attainment: 'Attainment',
      expectedToDate: 'Expected by now',
      currentValue: 'Current value',
      checkedIn: 'Checked in',
      forecast: 'Forecast at due date',
      status: 'Status',
      due: 'Due',
      start: 'Start',
      score: 'Score',
      confidence: 'Confidence',
      type: 'Type',
      finalScore: 'final',
      month: 'Month',
      actual: 'Actual',
      dataTable: 'Data table',
      latest: 'Latest',
      trackedBy: 'Tracked by',
      // Roadmap
      item: 'Item',
      phase: 'Phase',
      end: 'End',
      roadmapEmpty: 'The plan has no roadmap items yet.',
      noPhase: 'No phase',
      // A Status cell that names no status, shown as typed with this beside it (and its note as a tooltip).
      unreadStatus: 'not understood',
      unreadStatusNote: 'Not a status the plan knows, so it is not counted as one: choose one from the list.',
      // Under the roadmap, on screen and on paper: the items delayed, on hold, blocked or not understood.
      roadmapExceptions: 'Roadmap items not going as planned',
      // A key result's Type cell that names no type, shown as typed on its card with unreadStatus's mark beside it.
      unreadTypeNote:
        'Not a type the plan knows, so the key result is not judged as any: see the error at its cell.',
      // Departments
      department: 'Department',
      lead: 'Lead',
      objectives: 'Objectives',
      roadmapItems: 'Roadmap',
      noDepartments: 'The plan lists no departments.',
      // A department that owns nothing, in the plan check's words for it (idle-department), in place of a status.
      ownsNothing: 'Owns nothing',
      backToCompany: 'Back to the company page',
      // Plan check
      severityError: 'Errors',
      severityWarning: 'Warnings',
      severityTip: 'Tips',
      where: 'Where',
      fix: 'Fix',
      problem: 'Problem',
      noIssues: 'No problems found: the plan passes every check.',
      allIssues: 'All plan problems',
      // Changes
      when: 'When',
      id: 'ID',
      field: 'Field',
      oldValue: 'Old',
      newValue: 'New',
      who: 'Who',
      reason: 'Why',
      noReason: 'No reason given',
      // Footer
      footer: 'Generated by gtm-pyramid. A static page: no scripts, no tracking, no network.',
      none: '–',
    },
    phrases: reportPhrases,
    sheet: {
      badSheetArg:
        '--sheet: "{value}" is not a Google Sheets address or spreadsheet ID; copy the address from the browser (https://docs.google.com/spreadsheets/d/…/edit)',
      badApiRoot:
        'GTM_PYRAMID_SHEETS_API: "{value}" is not an http(s) address such as https://sheets.googleapis.com/',
      noCredentials:
        'spreadsheet {id}: no Google credentials found. On a laptop, with an OAuth client of your own (client_secret.json, a Desktop app client from the Credentials page of your Google Cloud project), run: gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform ; in CI set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file (or use workload identity federation). See {guide}',
      badCredentialsFile:
        'spreadsheet {id}: GOOGLE_APPLICATION_CREDENTIALS names {file}, which cannot be used as Google credentials ({reason}); point it at a service-account key file (JSON), or unset it to use the gcloud login',
      badCredentialsJson:
        "spreadsheet {id}: GOOGLE_APPLICATION_CREDENTIALS names {file}, which is not JSON, so not a Google key file; download the service account's key as JSON (Google Cloud console › IAM & Admin › Service accounts › the account › Keys › Add key › Create new key › JSON) and point GOOGLE_APPLICATION_CREDENTIALS at it, or unset it to use the gcloud login",
      unauthenticated:
        'spreadsheet {id}: Google refused the credentials (401: expired or revoked); sign in again with gcloud auth application-default login, or renew GTM_PYRAMID_ACCESS_TOKEN',
      forbidden:
        'spreadsheet {id}: no permission to read it (403); in Google Sheets click Share and add {who} as Viewer',
      forbiddenServiceAccount: 'the service account {email}',
      forbiddenUser: 'the Google account you signed in with (gcloud auth application-default login)',
      forbiddenToken: 'the account GTM_PYRAMID_ACCESS_TOKEN belongs to',
      scopeMissing:
        'spreadsheet {id}: these credentials do not carry the Google Sheets scope (403: insufficient authentication scopes), so sharing the sheet would not help; {fix}',
      scopeFixUser:
        'a plain gcloud auth application-default login leaves it out (and the OAuth client gcloud comes with no longer grants it), so sign in again with an OAuth client of your own (client_secret.json, a Desktop app client from the Credentials page of your Google Cloud project) and the scope: gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform',
      scopeFixToken: 'give GTM_PYRAMID_ACCESS_TOKEN a token with the scope {scope}',
      scopeFixServiceAccount:
        "the service account {email} got its token with the access scopes of the VM it runs on, which leave Sheets out: add {scope} to the VM's access scopes (gcloud compute instances set-service-account --scopes), or use a key file or workload identity federation",
      apiDisabled:
        'spreadsheet {id}: the Google Sheets API is not enabled in the Google Cloud project of these credentials (403); enable it: gcloud services enable sheets.googleapis.com',
      noQuotaProject:
        'spreadsheet {id}: the Google Sheets API counts the requests of a gcloud sign-in against its quota project, and yours names none (403); name a Google Cloud project of yours where the Sheets API is enabled (gcloud services enable sheets.googleapis.com --project PROJECT_ID): {fix}',
      noQuotaProjectFixAdc: 'gcloud auth application-default set-quota-project PROJECT_ID',
      noQuotaProjectFixToken:
        'unset GTM_PYRAMID_ACCESS_TOKEN, whose token carries none, and run gcloud auth application-default set-quota-project PROJECT_ID',
      notFound:
        "no spreadsheet with the ID {id} (404); copy the ID from the sheet's address, the part between /d/ and /edit in https://docs.google.com/spreadsheets/d/ID/edit, or pass the whole address",
      busy: 'spreadsheet {id}: Google Sheets still answered {status} after {attempts} tries ({reason}); nothing was written. Try again in a few minutes',
      busyQuota: 'the read quota is used up for now',
      busyServer: "a problem on Google's side",
      retrying:
        'spreadsheet {id}: Google Sheets answered {status} ({reason}); trying again in {seconds} s (try {attempt} of {tries})',
      officeFile:
        "spreadsheet {id}: this is an Excel file kept in Google Drive, which Google Sheets opens without converting it and its API cannot read (400: not supported for this document); in Google Sheets choose File › Save as Google Sheets and pass the new sheet's address or ID, or download it (File › Download › Microsoft Excel (.xlsx)) and pass that .xlsx file instead of --sheet",
      failed: 'spreadsheet {id}: Google Sheets answered {status} ({message}); nothing was written',
      network: 'spreadsheet {id}: cannot reach {host} ({code}); check the network connection or proxy',
      timeout:
        'spreadsheet {id}: no answer from {host} within {seconds} s; check the network connection and try again',
      badResponse: 'spreadsheet {id}: the answer from {host} is not what the Sheets API sends ({what})',
      noPlanTabs: 'spreadsheet "{title}" ({id}): no plan tabs found (tabs: {tabs}); expected {expected}',
    },
    file: {
      empty: 'the file is empty (0 bytes), not an .xlsx workbook',
      encrypted:
        'the workbook is password-protected (encrypted); remove the password, save it as .xlsx and try again',
      legacy:
        'this is an old Excel 97-2003 (.xls) or other legacy Office file, not an .xlsx workbook; save it as .xlsx',
      pdf: 'this is a PDF, not an .xlsx workbook',
      markup: 'this is an HTML or XML file, not an .xlsx workbook',
      text: 'this is a text file (CSV?), not an .xlsx workbook; download the plan as Microsoft Excel (.xlsx)',
      notXlsx: 'not an .xlsx workbook (the file does not start like one)',
      lockFile:
        "this is Excel's lock file, which Excel writes beside a workbook while it is open, not the workbook; pass {workbook}",
      corrupt: 'the file is corrupt or not an .xlsx workbook: {problem}',
      damagedZip: 'the zip archive is damaged or incomplete ({reason})',
      checksumMismatch:
        'the zip archive is damaged or incomplete ({part}: its size or checksum does not match its contents)',
      notWellFormed: 'a part of the package is not well-formed XML ({reason})',
      damagedPart: 'a part of the package is missing or damaged ({reason})',
      openDocument:
        'this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx (in LibreOffice: File › Save As, Excel 2007-365)',
      otherZip: 'this is a zip archive of other files, not an .xlsx workbook',
      noWorksheets: 'it has no worksheets (the package lacks xl/workbook.xml or the sheets it lists)',
      noSharedStrings: 'a part of the package is missing (xl/sharedStrings.xml, the text of its cells)',
      cellOutside: "{part}: cell {ref} is outside a sheet's 1,048,576 rows and 16,384 columns",
      rowOutside: "{part}: row {ref} is outside a sheet's 1,048,576 rows",
      mergeOutside: "{part}: merged range {ref} is outside a sheet's 1,048,576 rows and 16,384 columns",
      partTooLarge: 'the workbook is too large to read: {part} is {size} GB unzipped',
      textTooLong: 'the workbook is too large to read: {part} holds a text over 512 MB long',
      emptyWorkbook: 'the workbook is empty: none of its sheets ({count}) holds a cell',
      noSuchFile: 'no such file',
      noSuchFileButSheet: 'no such file; to read this Google Sheet, give it with --sheet',
      isFolder: 'is a folder, not an .xlsx file',
      permissionDenied: 'permission denied',
      unreadable: 'cannot be read ({code})',
    },
    fileSystem: {
      EACCES: 'permission denied',
      EPERM: 'not permitted',
      EBUSY: 'in use: a mount point, or a folder a program holds open',
      ENOTEMPTY: 'another run wrote there at the same moment; try again',
      ENOTDIR: 'a part of the path is a file, not a folder',
      ENOENT: 'a folder of the path is missing, or cannot hold anything',
      EEXIST: 'a file of that name is in the way',
      EISDIR: 'it is a folder',
      EROFS: 'the disk is read-only',
      ENOSPC: 'the disk is full',
      EMFILE: 'too many files open at once; try again',
      ENAMETOOLONG:
        'a name in the path is too long for the file system (255 bytes at most: about 85 Chinese characters)',
    },
    output: {
      symlink: 'is a symbolic link; give the real folder as --out',
      notFolder: 'exists and is not a folder; choose another --out',
      uninspectable:
        'cannot be inspected ({code}); nothing was changed. Choose another --out, or fix that path',
      notOurs:
        'exists and is not a gtm-pyramid report (no {marker} in it); nothing was changed. Choose another --out or empty the folder',
      markerUnreadable:
        'its {marker} is unreadable; nothing was changed. Remove the folder yourself to regenerate it',
      foreignFiles:
        'holds files the previous report did not write ({files}); nothing was changed. Move them out or choose another --out',
      noParent:
        'its parent folder cannot be created ({code}); choose another --out, or create that folder yourself',
      unwritable: 'cannot be written ({code})',
      parentUnwritable:
        'the folder it is in, {parent}, cannot be written ({code}): the report is made beside the folder and renamed into place, so {parent} must be writable too; nothing was changed. Give yourself write access to {parent}, or choose an --out in a folder you can write',
      mountPoint:
        'is a mount point, which the report cannot replace (it is made beside the folder and renamed into place); nothing was changed. Give --out a folder inside it, such as {out}/report',
      exists: 'already exists; pass --force to replace it or choose another --out',
      notXlsxName: 'the example plan is an .xlsx workbook: give --out a name ending in .xlsx',
      workingFolder:
        'is the folder the command runs in (or holds it), which the report would replace; nothing was changed. Run it from the parent folder with --out naming this one',
      skipsReport:
        'holds reports up to {lost}, later than the --previous one (as of {previous}): this report would leave {lost} out of the history; nothing was changed. Give --previous the report in this folder ({suggest}), or write this one elsewhere with --out',
      notCarried:
        'holds reports up to {lost} that the history of the --previous one (as of {previous}) does not hold: this report would leave them out of the history; nothing was changed. Give --previous the report in this folder ({suggest}), or write this one elsewhere with --out',
      otherPlanReport:
        'holds the report of another plan ("{product}", as of {asOf}) with a history of {reports} reports, which this report of "{current}" would replace; nothing was changed. Write this report elsewhere with --out, or add --new-history to replace that report and its history',
      laterReport:
        'holds a report as of {lost}, later than this one ({asOf}), which this report would replace; nothing was changed. Check --as-of, write this report elsewhere with --out, or add --new-history to replace it',
    },
    usage: {
      help: [
        'Usage:',
        '  gtm-pyramid report [plan.xlsx | --sheet URL|ID] [--previous PATH|URL [--new-history]] [-o|--out DIR] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD] [--locale LOCALE]',
        '      Write the static report (DIR/index.html, plan.json; default DIR {reportDir}).',
        '      Without plan.xlsx or --sheet, the built-in example plan is used (as of {exampleAsOf} unless --as-of is given).',
        '      --sheet reads the live Google Sheet (Application Default Credentials; see {guide}).',
        "      --previous names the last report's plan.json (a file, the last report's folder, or an https:// URL): the report then says what moved since.",
        '      --new-history: a --previous that cannot be used (the product renamed, a damaged file) starts the history again from this report; without it nothing is written (exit 2). An address that answers 404 (nothing published yet) needs no flag. It also lets the report replace, in DIR, the report of another plan or a later one, which are otherwise kept (exit 2).',
        "      --as-of is the day progress is judged on (default today; with --sheet, today in the spreadsheet's time zone).",
        '      --locale de_DE reads numbers typed as text in a file as that locale writes them (1.234,5); a live sheet has its own.',
        '      Exit 0: written; 1: written, and the plan has errors (every page says so); 2: written, but the plan has no key result, or nothing was written (the plan, the output folder or --previous cannot be used, or the command line is wrong).',
        '  gtm-pyramid check [plan.xlsx | --sheet URL|ID] [--json] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD] [--locale LOCALE]',
        '      Run the plan checks (--json: as JSON). Exit 0: no errors; 1: the plan has errors; 2: the plan cannot be read, its output cannot be written, or the command line is wrong.',
        '  gtm-pyramid example [-o|--out FILE] [--lang en|zh-CN|zh-TW] [--force]',
        '      Write the example plan as an .xlsx to import into Google Sheets (default {exampleFile}; --force replaces an existing file). Exit 0: written; 2: nothing written.',
        '  gtm-pyramid -h|--help | -v|--version',
        "  --lang names the language of the messages, the report and the example plan. Without it, what is said about a plan, its report and the output folder is in the plan's language (its Language cell, else its tab names); everything else (--help, mistakes in the command line, a file that cannot be read, example) in English.",
      ].join('\n'),
      badLang: '--lang must be a language such as en, zh-CN or zh-TW, not "{value}"',
      badAsOf: '--as-of must be a real day from 1900 to 9999, written YYYY-MM-DD, not "{value}"',
      badAsOfLike: '--as-of must be a day written YYYY-MM-DD, not "{value}": write {suggestion}',
      emptyFile:
        '{command}: the plan file\'s name is empty (""); give the path of the .xlsx workbook, or leave it out for the built-in example plan',
      badLocale: '--locale must be a locale such as en_US, de_DE or fr-FR, not "{value}"',
      unknownOption: '{command}: unknown option {option} (see gtm-pyramid --help)',
      missingValue: '{command}: {option} needs a value (see gtm-pyramid --help)',
      dashValue: '{command}: {option} needs a value; write one that starts with "-" as {option}=VALUE',
      noValue: '{command}: {option} takes no value (see gtm-pyramid --help)',
      badArguments: '{command}: {detail} (see gtm-pyramid --help)',
      tooManyFiles: '{command}: one plan file at most, got {count}',
      fileAndSheet: 'give a plan file or --sheet, not both',
      unexpectedArgument: '{command}: unexpected argument "{value}" (use --out FILE)',
      unknownCommand: 'unknown command "{command}"; try gtm-pyramid --help',
      unexpectedFailure: '{command}: unexpected failure: {message}',
      outputFailed:
        'the standard output cannot be written ({code}), so what the command says is incomplete; free the disk or write the output elsewhere, and run it again',
    },
    previous: {
      unreadable: '--previous {source}: cannot be read ({reason})',
      notPlanJson: '--previous {source}: not a plan.json of gtm-pyramid ({reason})',
      unknownVersion:
        '--previous {source}: plan.json version {version} is not one this gtm-pyramid reads (version {expected})',
      newer: "--previous {source}: it is as of {previous}, not before this report's {asOf}",
      otherPlan: '--previous {source}: it is the report of another plan ("{previous}", not "{current}")',
      otherProduct:
        '--previous {source}: it is the report of the product "{previous}", and the Strategy tab now names the product "{current}"',
      writtenWithout: 'warning: {why}; the report is written without "Since the last report"',
      startedAgain:
        'warning: {why}; the report is written without "Since the last report", its history starting again from this report (--new-history)',
      refused: '{why}; nothing was written. {advice}',
      adviceRenamed:
        'If the product was renamed, add --new-history to start its history again under the new name; otherwise give --previous the last report of "{current}"',
      adviceUnreachable:
        'The published history is untouched: run the command again later (the address could not be read just now, which is not the same as nothing published there)',
      adviceOther:
        'Give --previous the last report of this plan (for the first report, leave --previous out), or add --new-history to start the history again from this report',
      adviceFolder:
        'Give --previous the last report before this one (the one in {out} is {suggest}), or add --new-history to start the history again from this report',
      adviceOwn:
        'Write this report elsewhere with --out, or add --new-history to start the history again from this report',
      historyAtRisk:
        '{why}; nothing was changed: {out} holds a report whose history of {reports} reports this report would not carry on. Give --previous the last report before this one (the one in {out} is {suggest}), or add --new-history to start the history again',
      used: 'Since the last report: compared with {source} (as of {previous}).',
      reasons: {
        invalidUrl: 'not a valid address',
        httpsOnly: 'only https:// addresses are read, and http:// only on this machine',
        status: 'the server answered HTTP {status}',
        timeout: 'no answer within {seconds} s',
        tooLarge: 'larger than {megabytes} MB',
        tooManyRedirects: 'more than {count} redirects',
        credentials:
          "the address holds a user name or password, which is never sent nor shown; give it without them (a signed URL's token in its query is read)",
        blockedPort:
          'its port is one that fetch never connects to, for safety (such as 1, 25 or 6000); give the address the report is published at',
        noFile: 'no such file',
        noPlanJson: 'the folder holds no plan.json',
        notJson: 'not JSON',
        notJsonFolder: "not JSON: a report's plan.json is at its address followed by plan.json",
        noVersion: 'no version or objectives',
        noAsOf: 'no asOf or keyResults',
        malformed: 'its contents are not those of a plan.json',
      },
    },
    since: {
      title: 'Since the last report',
      intro: 'What moved between {previous} and {asOf}.',
      statusChanges: 'Status changes',
      noStatusChanges: 'No status changed.',
      attainment: 'Attainment',
      attainmentChange: '{from} → {to} ({change} points)',
      checkIns: 'Check-ins added',
      checkInsCount: 'New monthly actuals ({count}): {ids}',
      more: '…and {count} more, in plan.json',
      noCheckIns: 'No new check-ins.',
      corrections: 'Check-ins corrected',
      correction: '{id} {month}: {was} → {now}',
      targetChanges: 'Targets changed',
      noTargetChanges: 'No target changed.',
      addedRemoved: 'Added or removed',
      added: 'added',
      removed: 'removed',
      targetChange: '{id} {field}: {from} → {to}',
      targetUnlogged: '{id} {field}: {from} → {to} (no row on the {changes} tab)',
      /** A logged row without an ID: the plan's period, typed on the Strategy tab. */
      fieldChange: '{field}: {from} → {to}',
      /** A custom phasing weight typed on the Targets tab, logged with its month as the field. */
      weightField: 'Weight for {month}',
      changedBy: 'by {who}',
      objective: 'Objective',
      keyResult: 'Key result',
      kpi: 'KPI',
      trend: 'Attainment per report: {points}',
      trendCaption: '{from} → {to} over {reports} reports',
    },
  },
  sidebar: {
    title: 'Check plan',
    checkAgain: 'Check again',
    language: 'Language',
    checking: 'Checking the plan…',
    fixing: 'Applying the quick fix…',
    summary: 'Summary',
    errors: 'Errors',
    warnings: 'Warnings',
    tips: 'Tips',
    objectives: 'Objectives:',
    keyResults: 'Key results:',
    kpis: 'KPIs:',
    noObjectives: 'No objectives yet.',
    checked: 'Checked at {time}; progress as of {date}.',
    done: 'Check finished. Errors: {errors}, warnings: {warnings}, tips: {tips}.',
    noIssues: 'No problems found: the plan is ready for the review.',
    tabMissing: 'tab missing',
    jumpTo: 'Go to the errors, warnings or tips',
    /** A severity's button after its first issues: how many more there are, and that it lists them. */
    showMore: {
      error: 'Show the other {count} errors',
      warning: 'Show the other {count} warnings',
      tip: 'Show the other {count} tips',
    },
    showMoreOne: {
      error: 'Show the other {count} error',
      warning: 'Show the other {count} warning',
      tip: 'Show the other {count} tip',
    },
    /** After the first few issues of one kind in one column of a tab. */
    moreLikeThis: 'Show {count} more like this on {sheet}, column {column}',
    moreLikeThisNoColumn: 'Show {count} more like this on {sheet}',
    /** A tab's count of issues: the number is shown, the words after it are for screen readers. */
    issueCount: '{count} issues',
    issueCountOne: '{count} issue',
    goTo: 'Go to cell {cell}',
    goToLabel: 'Go to cell {cell} on {sheet}',
    fix: 'Fix: ',
    changed: 'Changed:',
    failed: 'The plan could not be checked. {reason}',
    callFailed: 'That did not work. {reason}',
    tryAgain: 'Try "Check again" in a moment.',
    rechecked: 'The plan was checked again: the list below shows it as it is now.',
    noServer:
      'This is the Check plan sidebar of the GTM Pyramid add-on. Open it in Google Sheets from Extensions › GTM Pyramid › Check plan, or run the local sandbox (npm run sandbox).',
    severity: { error: 'Error', warning: 'Warning', tip: 'Tip' },
  },
  glossary: {
    vision: 'Vision',
    strategy: 'Strategy',
    tactics: 'Tactics',
    objective: 'Objective',
    keyResult: 'Key result',
    kpi: 'KPI',
    department: 'Department',
    owner: 'Owner',
    roadmap: 'Roadmap',
    target: 'Target',
    baseline: 'Baseline',
    actual: 'Actual',
    attainment: 'Attainment',
    status: 'Status',
    error: 'Error',
    warning: 'Warning',
    tip: 'Tip',
    fix: 'Fix',
    checkPlan: 'Check plan',
    decomposeTargets: DECOMPOSE,
    insertTemplates: 'Insert templates',
  },
  parse: {
    QUOTED: '"{text}"',
    ROW_OF_TAB: '{tab} row {row}',
    NO_UNIT: 'none',
    /** What a number issue calls a custom weight of the Targets tab (its {field}). */
    MONTH_WEIGHT: 'Weight for {month}',
    EMPTY: 'nothing',
    LOCALE_GIVEN: 'its locale',
    NO_LOCALE: 'no locale given: a workbook file records none, and gtm-pyramid --locale names it',
  },
  cli: cliPhrases,
};

export type Messages = typeof en;
