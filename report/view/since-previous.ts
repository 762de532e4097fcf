/**
 * The view of "Since the last report" (plan.json's `sincePrevious`, report/previous.ts) for the company page's
 * first screen, and the small attainment trend (plan.json's `history` plus this report) on each objective of the
 * pyramid. Drawn as plain inline SVG from numbers only: no script, no user text inside the drawing.
 *
 * `attachSincePrevious` always sets both fields (null when there is nothing to show): the templates are compiled
 * in strict mode and read them unconditionally.
 */
import type { PlanJson } from '../plan-json';
import type { HistoryEntry, MetricKind, SincePrevious } from '../previous';
import { percentFigure } from '../../shared/figures';
import { roundHalfAway } from '../../shared/decompose';
import { Formatter } from '../format';
import { loggedField, loggedUnits, loggedValue } from './issues';
import { say, SINCE_WORDS } from '../i18n';
import { joinList } from '../../shared/i18n';
import { columnDef, matchTab, tabDef, type Lang } from '../../shared/template';
import { statusView, type ReportView, type StatusView } from '../view-model';

export interface SincePreviousView {
  title: string;
  intro: string;
  statusHeading: string;
  statusChanges: { id: string; kind: string; from: StatusView; to: StatusView }[];
  /** "…and 3 more, in plan.json" when the list is cut to the first screen's rows; '' when it is whole. */
  statusMore: string;
  noStatusChanges: string;
  attainmentHeading: string;
  attainment: { id: string; kind: string; text: string; direction: 'up' | 'down' | 'same' }[];
  attainmentMore: string;
  checkInsHeading: string;
  checkIns: string;
  /** Monthly actuals typed over or deleted since the previous report, each "KR2 Sep 2026: 4,700 → 2,700". */
  correctionsHeading: string;
  corrections: string[];
  correctionsMore: string;
  targetsHeading: string;
  /** Each line, with the change's reason and who made it where the Changes tab has them (a logged change only). */
  targetChanges: { text: string; note: string }[];
  targetsMore: string;
  noTargetChanges: string;
  addedRemovedHeading: string;
  /** Objectives, key results and KPIs in only one of the two reports: added first, then removed. */
  addedRemoved: { id: string; kind: string; change: string; name: string }[];
  addedRemovedMore: string;
}

export interface TrendView {
  /** What the drawing shows, in words (its accessible name). */
  label: string;
  width: number;
  height: number;
  /** Shown beside the drawing: the first and the last value. */
  caption: string;
  /** The polyline's points, "x,y x,y …". */
  points: string;
  dots: { x: number; y: number }[];
}

/** Status changes and attainment rows shown on the first screen; plan.json keeps them all. */
const SHOWN = 8;
const TREND = { width: 96, height: 24, pad: 3, minSpan: 0.1 };

function kindLabel(kind: MetricKind, lang: Lang): string {
  return SINCE_WORDS[kind === 'objective' ? 'objective' : kind === 'keyResult' ? 'keyResult' : 'kpi'][lang];
}

export function sincePreviousView(
  since: SincePrevious,
  asOf: string,
  lang: Lang,
  unitOf: (id: string) => string = () => '',
  /** The Unit a logged change was made in (loggedUnits): unitOf(its ID) when not given. */
  unitOfChange: (change: SincePrevious['targetChanges'][number]) => string | undefined = (c) => unitOf(c.id),
): SincePreviousView {
  const f = new Formatter(lang);
  /** What a list of `total` rows leaves out on the page: said, never silently dropped. */
  const more = (total: number) =>
    total > SHOWN ? say(SINCE_WORDS.more, lang, { count: f.count(total - SHOWN) }) : '';
  const statusChanges = since.statusChanges.slice(0, SHOWN).map((c) => ({
    id: c.id,
    kind: kindLabel(c.kind, lang),
    from: statusView(c.from, lang),
    to: statusView(c.to, lang),
  }));
  // Largest moves first: what a reader should look at.
  const attainment = [...since.attainment]
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0))
    .slice(0, SHOWN)
    .map((a) => {
      // The points between the two percentages as shown (percentFigure, as f.percent rounds them), so that the
      // line adds up: 15% → 20% is +5 points, not +5.6; the exact change is in plan.json.
      const from = a.from === null ? null : percentFigure(a.from);
      const to = a.to === null ? null : percentFigure(a.to);
      const digits = Math.max(from?.digits ?? 0, to?.digits ?? 0);
      const shown = from === null || to === null ? null : roundHalfAway(to.percent - from.percent, digits);
      const points =
        shown === null
          ? '–'
          : // A real minus sign, as the percentages beside it are typeset.
            `${shown > 0 ? '+' : shown < 0 ? '−' : ''}${f.number(Math.abs(shown))}`;
      return {
        id: a.id,
        kind: kindLabel(a.kind, lang),
        text: say(SINCE_WORDS.attainmentChange, lang, {
          from: f.percent(a.from),
          to: f.percent(a.to),
          change: points,
        }),
        direction:
          (a.change ?? 0) > 0 ? ('up' as const) : (a.change ?? 0) < 0 ? ('down' as const) : ('same' as const),
      };
    });
  const ids = [...new Set(since.checkIns.map((c) => c.id))];
  // The Changes tab's rows, then the targets that moved without one (the tab's own words name the field).
  const targetLines = [
    ...since.targetChanges.map((c) => {
      // A key result's or KPI's field is looked up on both their tabs; a weight (Targets) and the period (Strategy)
      // read as their tab's: "KR2 Weight for Mar 2026: 1 → 5", "Period end: 31 Dec 2026 → 30 Jun 2026".
      const tab = matchTab(c.sheet ?? '')?.key;
      const onTab = tab === 'targets' || tab === 'strategy' ? tab : undefined;
      const words = {
        id: c.id,
        field: loggedField(f, c.field, onTab, lang),
        // As the Changes page and the cards show them (20%, $1,100,000), not as the log wrote them (0.2, 1100000).
        from: loggedValue(f, c.oldValue, c.field, onTab, unitOfChange(c)),
        to: loggedValue(f, c.newValue, c.field, onTab, unitOfChange(c)),
      };
      return {
        text: c.id.trim()
          ? say(SINCE_WORDS.targetChange, lang, words)
          : say(SINCE_WORDS.fieldChange, lang, words),
        // Why and by whom, as the Changes tab says: a review asks both of a moved target.
        note: [c.reason, c.who ? say(SINCE_WORDS.changedBy, lang, { who: c.who }) : '']
          .filter((part) => part.trim() !== '')
          .join(' · '),
      };
    }),
    // A Unit changed without a row (USD to K USD), then the targets: each figure in the Unit it was typed in.
    ...since.unloggedUnits.map((u) => ({
      text: say(SINCE_WORDS.targetUnlogged, lang, {
        id: u.id,
        field: columnDef(u.kind === 'kpi' ? 'kpis' : 'keyResults', 'unit').label[lang],
        from: u.from.trim() || SINCE_WORDS.noUnit[lang],
        to: u.to.trim() || SINCE_WORDS.noUnit[lang],
        changes: tabDef('changes').label[lang],
      }),
      note: '',
    })),
    ...since.unloggedTargets.map((u) => ({
      text: say(SINCE_WORDS.targetUnlogged, lang, {
        id: u.id,
        field: columnDef(u.kind === 'kpi' ? 'kpis' : 'keyResults', 'target').label[lang],
        from: f.planValue(u.from, u.fromUnit ?? unitOf(u.id)),
        to: f.planValue(u.to, unitOf(u.id)),
        changes: tabDef('changes').label[lang],
      }),
      note: '',
    })),
  ];
  return {
    title: SINCE_WORDS.title[lang],
    intro: say(SINCE_WORDS.intro, lang, { previous: f.date(since.asOf), asOf: f.date(asOf) }),
    statusHeading: SINCE_WORDS.statusChanges[lang],
    statusChanges,
    statusMore: more(since.statusChanges.length),
    noStatusChanges: SINCE_WORDS.noStatusChanges[lang],
    attainmentHeading: SINCE_WORDS.attainment[lang],
    attainment,
    attainmentMore: more(since.attainment.length),
    checkInsHeading: SINCE_WORDS.checkIns[lang],
    checkIns: since.checkIns.length
      ? say(SINCE_WORDS.checkInsCount, lang, {
          count: f.count(since.checkIns.length),
          ids: joinList([...ids.slice(0, SHOWN), ...(ids.length > SHOWN ? ['…'] : [])], lang),
        })
      : SINCE_WORDS.noCheckIns[lang],
    correctionsHeading: SINCE_WORDS.corrections[lang],
    corrections: since.corrections.slice(0, SHOWN).map((c) =>
      say(SINCE_WORDS.correction, lang, {
        id: c.id,
        month: f.month(c.month),
        // In the Unit it was checked in: last month's 4,700 USD is not 4,700 K USD.
        was: f.value(c.was, c.wasUnit ?? unitOf(c.id)),
        now: f.value(c.actual, unitOf(c.id)),
      }),
    ),
    correctionsMore: more(since.corrections.length),
    targetsHeading: SINCE_WORDS.targetChanges[lang],
    targetChanges: targetLines.slice(0, SHOWN),
    targetsMore: more(targetLines.length),
    noTargetChanges: SINCE_WORDS.noTargetChanges[lang],
    addedRemovedHeading: SINCE_WORDS.addedRemoved[lang],
    addedRemoved: [
      ...since.added.map((item) => ({ ...item, change: SINCE_WORDS.added[lang] })),
      ...since.removed.map((item) => ({ ...item, change: SINCE_WORDS.removed[lang] })),
    ]
      .slice(0, SHOWN)
      .map(({ id, kind, change, name }) => ({ id, kind: kindLabel(kind, lang), change, name })),
    addedRemovedMore: more(since.added.length + since.removed.length),
  };
}

/** An objective's attainment in one earlier report; IDs match without regard to case, as everywhere else. */
function objectiveIn(entry: HistoryEntry, id: string): number | null {
  if (Object.hasOwn(entry.objectives, id)) return entry.objectives[id] ?? null;
  const wanted = id.toLowerCase();
  const key = Object.keys(entry.objectives).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? null : (entry.objectives[key] ?? null);
}

/** One objective's attainment per report (earlier ones, then this one) as a small line; null under two points. */
export function trendView(
  id: string,
  history: readonly HistoryEntry[],
  current: { asOf: string; attainment: number | null },
  lang: Lang,
): TrendView | null {
  const f = new Formatter(lang);
  const series = [
    ...history.map((h) => ({ asOf: h.asOf, value: objectiveIn(h, id) })),
    { asOf: current.asOf, value: current.attainment },
  ].filter(
    (p): p is { asOf: string; value: number } => typeof p.value === 'number' && Number.isFinite(p.value),
  );
  if (series.length < 2) return null;
  const { width, height, pad, minSpan } = TREND;
  // Scaled to the values, but never to less than 10 points: a move of one point must not look like a cliff.
  const values = series.map((p) => p.value);
  const mid = (Math.max(...values) + Math.min(...values)) / 2;
  const span = Math.max(minSpan, Math.max(...values) - Math.min(...values));
  const low = mid - span / 2;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (series.length - 1);
  const y = (v: number) => height - pad - ((v - low) / span) * (height - 2 * pad);
  const dots = series.map((p, i) => ({ x: Number(x(i).toFixed(1)), y: Number(y(p.value).toFixed(1)) }));
  return {
    label: say(SINCE_WORDS.trend, lang, {
      points: joinList(
        series.map((p) => `${f.date(p.asOf)} ${f.percent(p.value)}`),
        lang,
      ),
    }),
    caption: say(SINCE_WORDS.trendCaption, lang, {
      from: f.percent(series[0].value),
      to: f.percent(series[series.length - 1].value),
      reports: f.count(series.length),
    }),
    width,
    height,
    points: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
  };
}

/**
 * Puts the section on the company page and a trend on each objective of the pyramid. Without `sincePrevious` in
 * plan.json (no --previous, or one that was refused) both stay null.
 */
export function attachSincePrevious(view: ReportView, json: PlanJson): void {
  const lang = view.lang;
  const company = view.company;
  const units = new Map([...json.keyResults, ...json.kpis].map((m) => [m.id.toLowerCase(), m.unit]));
  const unitsOn = {
    keyResults: new Map(json.keyResults.map((m) => [m.id.toLowerCase(), m.unit])),
    kpis: new Map(json.kpis.map((m) => [m.id.toLowerCase(), m.unit])),
  };
  const unitInLog = loggedUnits(json.changes, (tab, id) => unitsOn[tab].get(id));
  // The since-previous list holds copies of the log's rows: each is found there by what it says (the first row
  // that says it), in one index of the log made once, not a search of the log for each.
  type Said = Pick<PlanJson['changes'][number], 'timestamp' | 'id' | 'field' | 'oldValue' | 'newValue'>;
  const saying = (c: Said) => JSON.stringify([c.timestamp, c.id, c.field, c.oldValue, c.newValue]);
  const logRow = new Map<string, number>();
  json.changes.forEach((r, i) => {
    const key = saying(r);
    if (!logRow.has(key)) logRow.set(key, i);
  });
  const unitOfChange = (c: SincePrevious['targetChanges'][number]) => {
    const at = logRow.get(saying(c));
    return at === undefined ? units.get(c.id.toLowerCase()) : unitInLog(json.changes[at], at);
  };
  company.sincePrevious = json.sincePrevious
    ? sincePreviousView(
        json.sincePrevious,
        json.asOf,
        lang,
        (id) => units.get(id.toLowerCase()) ?? '',
        unitOfChange,
      )
    : null;
  // An objective with a key result left out by an error has no trustworthy figure today (as in its history).
  const attainment = new Map(
    json.objectives.map((o) => [
      o.id,
      o.progress?.status === 'needs-attention' ? null : (o.progress?.attainment ?? null),
    ]),
  );
  for (const level of company.pyramid) {
    for (const objective of level.objectives) {
      objective.trend =
        json.sincePrevious && json.history
          ? trendView(
              objective.id,
              json.history,
              { asOf: json.asOf, attainment: attainment.get(objective.id) ?? null },
              lang,
            )
          : null;
    }
  }
}
