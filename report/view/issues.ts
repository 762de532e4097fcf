/** The plan check (issues by severity, counted once in the context) and the change log. */
import type { Severity } from '../../shared/issues';
import { lower, type Context } from './context';
import type { ChangeRow, IssuesView } from './types';
import { isIsoDate } from '../../shared/calendar';
import { literally, plainNumber } from '../../shared/cells';
import { localized, type Lang } from '../../shared/i18n';
import type { Change } from '../../shared/plan';
import {
  columnDef,
  matchesLabel,
  matchTab,
  STRATEGY_FIELDS,
  tabDef,
  type TabKey,
} from '../../shared/template';
import type { Formatter } from '../format';
import { say, SINCE_WORDS } from '../i18n';

// ---------------------------------------------------------------------------------------------------
// Issues and changes

const SEVERITIES: Severity[] = ['error', 'warning', 'tip'];

/**
 * At most `limit` issues, every kind (code) among them: taken in turn from each kind, in the plan's order, so that
 * 900 missing check-ins listed first do not hide the 785 key results behind pace after them. All of them when
 * they fit.
 */
function sampled<T extends { code: string }>(all: readonly T[], limit: number): T[] {
  if (all.length <= limit) return [...all];
  const byCode = new Map<string, number[]>();
  all.forEach((issue, i) => {
    const list = byCode.get(issue.code);
    if (list) list.push(i);
    else byCode.set(issue.code, [i]);
  });
  const picked: number[] = [];
  for (let round = 0; picked.length < limit; round++)
    for (const list of byCode.values())
      if (round < list.length && picked.length < limit) picked.push(list[round]);
  return picked.sort((a, b) => a - b).map((i) => all[i]);
}

export function issuesView(ctx: Context, limit: number, allHref: string): IssuesView {
  const { l, p: ph, f, lang } = ctx;
  const label: Record<Severity, string> = {
    error: l.severityError,
    warning: l.severityWarning,
    tip: l.severityTip,
  };
  const groups = SEVERITIES.map((severity) => {
    const all = ctx.bySeverity.get(severity) ?? [];
    const shown = sampled(all, limit);
    return {
      severity,
      label: label[severity],
      count: f.count(all.length),
      items: shown.map((i) => ({
        code: i.code,
        message: i.message[lang],
        fix: i.fix[lang],
        where: i.a1 ? ph.cellAt(i.sheet, i.a1) : ph.wholeTab(i.sheet),
      })),
      truncated:
        all.length > shown.length ? ph.issuesTruncated(f.count(shown.length), f.count(all.length)) : '',
    };
  }).filter((g) => g.items.length > 0);
  const counts = ctx.counts;
  const summary =
    counts.error + counts.warning === 0
      ? ph.noProblems()
      : ph.problems(counts.error, counts.warning, f.count(counts.error), f.count(counts.warning));
  return {
    empty: ctx.issues.length === 0,
    summary,
    groups,
    allHref: groups.some((g) => g.truncated) ? allHref : '',
  };
}

/**
 * A value the Changes tab logged, as the field holds it: a number (Target, Baseline) in the metric's unit (undefined:
 * no such metric), as its card shows it (20%, $1,100,000, not the 0.2 the log wrote); a day (Due) as days are
 * written; anything else (an Owner of "2026") as typed. `tab`: the tab the change was made on (undefined: the field
 * is looked up among the Key Results' columns, then the KPIs'). On the Targets tab a custom weight: a number in no
 * unit (5 parts of the year, not 5 sign-ups), or the text typed; on the Strategy tab the period's start or end: a day.
 */
export function loggedValue(
  f: Formatter,
  text: string,
  field: string,
  tab: TabKey | undefined,
  unit: string | undefined,
): string {
  if (tab === 'targets') {
    const weight = plainNumber(text);
    return weight === null ? text || f.none : f.planValue(weight, '');
  }
  if (tab === 'strategy') {
    const kind = STRATEGY_FIELDS.find((s) => matchesLabel(field, s.label))?.kind;
    return kind === 'date' && isIsoDate(text) ? f.date(text) : text || f.none;
  }
  const tabs: TabKey[] = tab ? [tab] : ['keyResults', 'kpis'];
  const kind = tabs
    .map((key) => tabDef(key).columns.find((col) => matchesLabel(field, col.label))?.kind)
    .find((k) => k !== undefined);
  const number = kind === 'number' || kind === 'ratio' ? plainNumber(text) : null;
  // A logged Target or Baseline is the plan's own figure: with the decimals it was typed with (12.45%, not 12%).
  if (number !== null) return unit === undefined ? f.number(number) : f.planValue(number, unit);
  if (kind === 'date' && isIsoDate(text)) return f.date(text);
  return text || f.none;
}

/**
 * A logged field as the report names it: a custom weight, logged on the Targets tab with its month as the field
 * (2026-03), as "Weight for Mar 2026"; any other as the log names it (the plan's own header, "Target", 截止日期).
 */
export function loggedField(f: Formatter, field: string, tab: TabKey | undefined, lang: Lang): string {
  return tab === 'targets' && /^\d{4}-\d{2}$/.test(field.trim())
    ? say(SINCE_WORDS.weightField, lang, { month: f.month(field.trim()) })
    : field;
}

type LoggedChange = Pick<Change, 'timestamp' | 'sheet' | 'id' | 'field' | 'oldValue' | 'newValue'>;

/** A timestamp as the add-on's log writes it ("2026-11-03 10:15", or the day alone): in order as text. */
const LOG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$/;

/**
 * Each row's place in the log's time (its index in `log` → its rank): by timestamp, then by row, whatever order the
 * tab is sorted in (newest first, by ID). A row whose timestamp is no such text (typed by hand as words) keeps its
 * place beside its neighbours: it takes the timestamp of the row before it (the first rows, of the row after them).
 */
function timeRanks(log: readonly LoggedChange[]): number[] {
  const stamps = log.map((c) => (LOG_TIMESTAMP.test(c.timestamp) ? c.timestamp : undefined));
  let carried = stamps.find((t) => t !== undefined) ?? '';
  const keys = stamps.map((t) => (carried = t ?? carried));
  // Rows of one minute (a Unit and its Target retyped together) keep the order they were written in: the tab's
  // order, or its reverse where the tab is sorted newest first (its timestamps mostly going down).
  let down = 0;
  for (let i = 1; i < keys.length; i++) down += keys[i] < keys[i - 1] ? 1 : keys[i] > keys[i - 1] ? -1 : 0;
  const tie = down > 0 ? -1 : 1;
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : tie * (a - b)));
  const ranks = new Array<number>(log.length);
  order.forEach((i, rank) => (ranks[i] = rank));
  return ranks;
}

/**
 * What the add-on logs in place of a value it does not have (apps-script/server/change-log.ts), in any of the
 * languages, as the catalogue words it: the old value of a paste, a fill or a sort ("not known: several cells were
 * changed at once…", "not known: the row is blank now…", "…12 rows are blank now…"), and the new values of
 * a large one ("12 values: see File › Version history", any count).
 */
const notAValue = (() => {
  const notKnown = new Set([
    ...Object.values(localized((m) => m.addon.changeLogOldNotKnown)),
    ...Object.values(localized((m) => m.addon.changeLogRowCleared)),
  ]);
  const values = [
    ...Object.values(localized((m) => m.addon.changeLogValues)),
    ...Object.values(localized((m) => m.addon.changeLogRowsCleared)),
  ].map((text) => new RegExp(`^${text.split('{count}').map(literally).join('\\d[\\d,]*')}$`));
  return (text: string) => {
    const trimmed = text.trim();
    return notKnown.has(trimmed) || values.some((pattern) => pattern.test(trimmed));
  };
})();

/**
 * The Unit each change on the Changes tab was made in, for its figures: a Target logged before its Unit went from
 * sign-ups to K sign-ups is 50,000 sign-ups, not 50,000 K sign-ups. Read from the tab's own Unit rows, in the
 * order of their timestamps, then rows (timeRanks: as the add-on wrote them, however the tab was sorted since):
 * after a Unit row, its new Unit; before the metric's first one, that row's old Unit; with none, the metric's Unit
 * now (`unitNow`, by tab and lower-case ID; undefined: no such metric). A Unit row's value the add-on logged as not known (a paste, a fill, a sort: notAValue) decides
 * no Unit: undefined, and the figure is shown as a plain number. `position`: the change's index in `log`.
 */
export function loggedUnits(
  log: readonly LoggedChange[],
  unitNow: (tab: 'keyResults' | 'kpis', id: string) => string | undefined,
): (change: LoggedChange, position: number) => string | undefined {
  const tabOf = (c: LoggedChange): 'keyResults' | 'kpis' =>
    matchTab(c.sheet)?.key === 'kpis' ? 'kpis' : 'keyResults';
  const isUnit = (c: LoggedChange) => matchesLabel(c.field, columnDef(tabOf(c), 'unit').label);
  const metricOf = (c: LoggedChange) => `${tabOf(c)} ${lower(c.id)}`;
  const ranks = timeRanks(log);
  // Each metric's Unit rows, by their rank in time.
  const unitRows = new Map<string, number[]>();
  log.forEach((c, i) => {
    if (!isUnit(c)) return;
    let rows = unitRows.get(metricOf(c));
    if (!rows) unitRows.set(metricOf(c), (rows = []));
    rows.push(i);
  });
  for (const rows of unitRows.values()) rows.sort((a, b) => ranks[a] - ranks[b]);
  return (change, position) => {
    const now = unitNow(tabOf(change), lower(change.id));
    const rows = unitRows.get(metricOf(change));
    if (!rows) return now;
    // The metric's Unit rows before the change in time: a binary search.
    const at = ranks[position];
    let before = 0;
    for (let hi = rows.length; before < hi;) {
      const mid = (before + hi) >> 1;
      if (ranks[rows[mid]] < at) before = mid + 1;
      else hi = mid;
    }
    // A Unit the add-on logged as not known (a paste's old value) is no Unit: its figures are shown without one.
    const known = (unit: string) => (notAValue(unit) ? undefined : unit);
    if (before > 0) return known(log[rows[before - 1]].newValue);
    // The first after it (not the change itself, a Unit row).
    const after = rows[before] === position ? rows[before + 1] : rows[before];
    return after === undefined ? now : known(log[after].oldValue);
  };
}

export function changes(ctx: Context): ChangeRow[] {
  const { l, f, lang } = ctx;
  // The unit of each metric, to show a logged target as its card does (20%, $1,100,000), not as typed (0.2).
  const unitsOf = (metrics: readonly { id: string; unit: string }[]) => {
    const out = new Map<string, string>();
    for (const m of metrics) if (!out.has(lower(m.id))) out.set(lower(m.id), m.unit);
    return out;
  };
  const units = { keyResults: unitsOf(ctx.plan.keyResults), kpis: unitsOf(ctx.plan.kpis) };
  const unitOf = loggedUnits(ctx.plan.changes, (tab, id) => units[tab].get(id));
  const unitAt = new Map(ctx.plan.changes.map((c, i) => [c, unitOf(c, i)]));
  const shown = (text: string, c: Change) =>
    loggedValue(f, text, c.field, matchTab(c.sheet)?.key, unitAt.get(c));
  return [...ctx.plan.changes]
    .sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : b.row - a.row))
    .map((c) => {
      // "2026-11-03 10:15", as the log writes it: the day as the report writes days, the time as it is.
      const at = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(c.timestamp);
      return {
        when: at ? f.date(at[1]) : c.timestamp,
        whenTime: at?.[2] ?? '',
        where: c.sheet && c.cell ? ctx.p.cellAt(c.sheet, c.cell) : c.sheet || c.cell || f.none,
        who: c.who || f.none,
        id: c.id || f.none,
        field: loggedField(f, c.field, matchTab(c.sheet)?.key, lang) || f.none,
        oldValue: shown(c.oldValue, c),
        newValue: shown(c.newValue, c),
        reason: c.reason || l.noReason,
        reasonMissing: !c.reason,
      };
    });
}
