/**
 * The roadmap's layout: department lanes (or one per phase for very many departments), items packed into
 * tracks, phase bars for large plans, key results due as milestones coloured by status, and its data table.
 */
import { monthOf } from '../../shared/calendar';
import { isChinese, joinList } from '../../shared/i18n';
import type { KeyResult, RoadmapItem } from '../../shared/plan';
import { STATUS_LABELS } from '../../shared/progress';
import { keyResultIdNamed, ownerKey, ownerNameOf } from '../../shared/plan-index';
import {
  enumLabel,
  matchPhase,
  PHASE_KEYS,
  PHASES,
  phaseForm,
  type Lang,
  type RoadmapStatus,
} from '../../shared/template';
import { NO_PHASE_COLOR, OWN_PHASE_COLORS, PHASE_COLORS } from '../render/palette';
import { groupBy, lower, STATUS_SEVERITY, worst, type Context, type Dept } from './context';
import {
  ROADMAP_EXCEPTION_MARK,
  ROADMAP_EXCEPTIONS_SHOWN,
  ROADMAP_ITEM_LIMIT,
  ROADMAP_LANE_LIMIT,
  ROADMAP_MILESTONE_LIMIT,
  type CompanyPage,
  type FigureView,
  type RoadmapChartData,
  type RoadmapException,
  type Table,
  type TableCell,
} from './types';

// ---------------------------------------------------------------------------------------------------
// Roadmap

/** Each report's phases by item, worked out once: every department page's table names them. */
const PHASES_OF_PLAN = new WeakMap<Context, Map<RoadmapItem, Phase>>();

/**
 * Each item's phase named as the chart's legend names it ("growth", 增长期 and 成長期 are all the 成長期 of a report in
 * Traditional Chinese), the dated items first as the chart reads them.
 */
function planPhases(ctx: Context): Map<RoadmapItem, Phase> {
  let phases = PHASES_OF_PLAN.get(ctx);
  if (!phases) {
    const dated = (r: RoadmapItem) => !!(r.start && r.end && r.start <= r.end);
    const items = [...ctx.plan.roadmap.filter(dated), ...ctx.plan.roadmap.filter((r) => !dated(r))];
    PHASES_OF_PLAN.set(ctx, (phases = phasesOf(items, ctx.lang, ctx.l.noPhase)));
  }
  return phases;
}

/**
 * The statuses a leader must see without opening anything, worst first: an item stopped, late or parked. A status
 * typed that names none ("not understood") is listed with them, after blocked and delayed: nobody knows where it is.
 */
const EXCEPTION_ORDER: RoadmapStatus[] = ['blocked', 'delayed', 'on-hold'];

/** Where the item stands as the chart draws it, and the word its label starts with when it is an exception. */
function itemStanding(
  ctx: Context,
  r: RoadmapItem,
): { mark: 'done' | 'exception' | null; word: string; rank: number } {
  if (r.status === 'done') return { mark: 'done', word: '', rank: -1 };
  if (r.status && EXCEPTION_ORDER.includes(r.status))
    return {
      mark: 'exception',
      word: enumLabel('roadmapStatus', r.status, ctx.lang),
      rank: r.status === 'on-hold' ? 3 : EXCEPTION_ORDER.indexOf(r.status),
    };
  if (!r.status && r.unreadStatus) return { mark: 'exception', word: ctx.l.unreadStatus, rank: 2 };
  return { mark: null, word: '', rank: -1 };
}

/**
 * How many of the items are delayed, on hold, blocked or not understood, worst first ("1 delayed", "1 個延遲"): beside a
 * department's count of items, which alone ("2 items") said nothing of where they stand.
 */
export function roadmapExceptionCounts(ctx: Context, items: RoadmapItem[]): string[] {
  return exceptionCounts(ctx, items).map((count) => `${ROADMAP_EXCEPTION_MARK} ${count}`);
}

/** How many of the items are delayed, on hold, blocked or not understood, worst first, without the mark. */
function exceptionCounts(ctx: Context, items: RoadmapItem[]): string[] {
  const counts = new Map<string, { rank: number; n: number }>();
  for (const r of items) {
    const { mark, word, rank } = itemStanding(ctx, r);
    if (mark !== 'exception') continue;
    const c = counts.get(word) ?? { rank, n: 0 };
    c.n++;
    counts.set(word, c);
  }
  return [...counts]
    .sort((a, b) => a[1].rank - b[1].rank)
    .map(([word, { n }]) => ctx.p.statusCount(ctx.f.count(n), word));
}

/** What the "not understood" mark means, said in words under a table that has one. */
function unreadFootnote(ctx: Context, cells: TableCell[]): string {
  return cells.some((c) => typeof c !== 'string')
    ? `${ctx.l.unreadStatus}${ctx.l.colon}${ctx.l.unreadStatusNote}`
    : '';
}

function statusCell(ctx: Context, r: RoadmapItem): TableCell {
  const { f, l, lang } = ctx;
  return r.status
    ? enumLabel('roadmapStatus', r.status, lang)
    : r.unreadStatus
      ? { text: r.unreadStatus, unread: l.unreadStatus, note: l.unreadStatusNote }
      : f.none;
}

export function roadmapTable(ctx: Context, items: RoadmapItem[]): Table {
  const { f, l, lang } = ctx;
  const phases = planPhases(ctx);
  return {
    footnote: unreadFootnote(
      ctx,
      items.map((r) => statusCell(ctx, r)),
    ),
    head: [l.id, l.item, l.phase, l.owner, l.start, l.end, l.keyResults, l.status],
    rows: items.map((r) => [
      r.id,
      r.item,
      phases.get(r)?.label ?? (r.phase || l.noPhase),
      ownerNameOf(ctx.plan, r),
      f.date(r.start),
      f.date(r.end),
      joinList(
        r.keyResultIds.map((ref) => keyResultIdNamed(ctx.plan, ref)),
        lang,
      ),
      statusCell(ctx, r),
    ]),
  };
}

/**
 * The plan's items delayed, on hold, blocked or not understood, worst first (the plan's order among equals): the list
 * under the roadmap, which a summarised chart (a bar per phase) cannot show item by item and which is printed.
 */
function roadmapExceptions(ctx: Context): CompanyPage['roadmap']['exceptions'] {
  const { f, l, p: ph } = ctx;
  const all = ctx.plan.roadmap
    .map((r, i) => ({ r, i, standing: itemStanding(ctx, r) }))
    .filter((x) => x.standing.mark === 'exception')
    .sort((a, b) => a.standing.rank - b.standing.rank || a.i - b.i);
  const items: RoadmapException[] = all.slice(0, ROADMAP_EXCEPTIONS_SHOWN).map(({ r }) => ({
    id: r.id,
    item: r.item,
    owner: ownerNameOf(ctx.plan, r),
    status: statusCell(ctx, r),
    end: r.end ? `${l.end}${l.colon}${f.date(r.end)}` : '',
  }));
  const rest = all.length - items.length;
  return {
    title: all.length ? l.roadmapExceptions : '',
    mark: ROADMAP_EXCEPTION_MARK,
    items,
    more: rest > 0 ? ph.more(rest, f.count(rest)) : '',
    footnote: unreadFootnote(
      ctx,
      items.map((x) => x.status),
    ),
  };
}

/**
 * A phase's colour, an index into CATEGORY_COLORS fixed by the phase alone, never by which phases a plan has or their
 * order: the template's phases their own in every language (預熱期 is Pre-launch's), items without a phase the grey,
 * and a plan's own phase one of the colours left by a hash (FNV-1a) of its name as phases are compared (phaseForm),
 * so that "Beta" is the same colour in every plan and every month's report. Two own phases may share a colour when
 * a plan has more of them than those colours; the legend and the data table still name each.
 */
export function phaseColor(phase: string | null): number {
  if (!phase?.trim()) return NO_PHASE_COLOR;
  const known = matchPhase(phase);
  if (known) return PHASE_COLORS[known];
  let hash = 0x811c9dc5;
  for (const ch of phaseForm(phase)) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return OWN_PHASE_COLORS[(hash >>> 0) % OWN_PHASE_COLORS.length];
}

interface Phase {
  label: string;
  color: number;
  /** The legend's order: the template's phases in theirs, then the plan's own as it names them, then none. */
  rank: number;
  first: number;
}

/**
 * The phases of the items, one per phase as phases are compared, by item. One of the template's phases is titled as
 * the template names it in the report's language, however the plan's rows spell it (Launch, launch, 发布期 and 發布期
 * are 發布期 in a report in Traditional Chinese, Launch in one in English): one row typed in another language does
 * not rename the phase of every row. A phase of the plan's own is titled as the plan first writes it.
 */
function phasesOf(items: RoadmapItem[], lang: Lang, noPhase: string): Map<RoadmapItem, Phase> {
  const byId = new Map<string, Phase>();
  const out = new Map<RoadmapItem, Phase>();
  items.forEach((item, i) => {
    const typed = item.phase?.trim() ? item.phase : null;
    const known = typed ? matchPhase(typed) : undefined;
    const id = !typed ? 'none' : known ? `known:${known}` : `own:${phaseForm(typed)}`;
    let phase = byId.get(id);
    if (!phase) {
      const rank = !typed ? PHASE_KEYS.length + 1 : known ? PHASE_KEYS.indexOf(known) : PHASE_KEYS.length;
      const label = known ? PHASES[known][lang] : (typed ?? noPhase);
      phase = { label, color: phaseColor(typed), rank, first: i };
      byId.set(id, phase);
    }
    out.set(item, phase);
  });
  return out;
}

export function roadmap(ctx: Context, depts: Dept[]): CompanyPage['roadmap'] {
  const { plan, f, l, p: ph } = ctx;
  const dated = plan.roadmap.filter((r) => r.start && r.end && r.start <= r.end);
  const krsDated = plan.keyResults.filter((k) => k.due);
  let first = plan.period?.start ?? null;
  let last = plan.period?.end ?? null;
  if (!first || !last) {
    for (const d of [...dated.flatMap((r) => [r.start!, r.end!]), ...krsDated.map((k) => k.due!)]) {
      if (!first || d < first) first = d;
      if (!last || d > last) last = d;
    }
  }
  const figure: FigureView = {
    id: 'chart-roadmap',
    caption: '',
    legend: [],
    chart: null,
    svg: null,
    // Every item (a large plan's are on its department pages, so there the dated ones the chart draws);
    // summarised, the table is set below to what the chart draws.
    table: roadmapTable(ctx, ctx.large ? dated : plan.roadmap),
  };
  const exceptions = roadmapExceptions(ctx);
  if (!first || !last || (dated.length === 0 && krsDated.length === 0)) {
    return { present: plan.roadmap.length > 0, figure, note: l.roadmapEmpty, exceptions };
  }
  // The timeline is the plan's period: an item that runs past it is drawn to its edge (the data table has its
  // dates), while an item wholly outside it, and a key result due outside it, are not drawn (a diamond out there
  // stretched the chart to twice its width and sat out of view) and the caption says how many, and which.
  const from = first;
  const to = last;
  const inPeriod = (r: RoadmapItem) => r.end! >= from && r.start! <= to;
  const dueInPeriod = (k: KeyResult) => k.due! >= from && k.due! <= to;
  const items = dated.filter(inPeriod);
  const krsDue = krsDated.filter(dueInPeriod);
  const itemsOutside = dated.filter((r) => !inPeriod(r));
  const krsOutside = krsDated.filter((k) => !dueInPeriod(k));
  const outside = (named: boolean) => {
    if (!itemsOutside.length && !krsOutside.length) return '';
    const ids = (list: { id: string }[]) =>
      named
        ? joinList(
            list.map((x) => x.id),
            ctx.lang,
          )
        : '';
    const [items, krs] = [itemsOutside.length, krsOutside.length];
    return ph.roadmapOutside(items, f.count(items), krs, f.count(krs), ids(itemsOutside), ids(krsOutside));
  };
  if (items.length === 0 && krsDue.length === 0) {
    return { present: true, figure, note: outside(true), exceptions };
  }
  const datedByOwner = groupBy(items, (r) => ownerKey(r.owner));
  const krsByOwner = groupBy(krsDue, (k) => ownerKey(k.owner));
  const laneDepts = depts.filter((d) => datedByOwner.has(d.key) || krsByOwner.has(d.key));
  // Detail: every item, and every key result due with its ID. Departments: one bar per department and phase, and
  // the key results due counted per month (also when the items are few but the key results many: a thousand IDs
  // on one line read as none). Phases: too many departments for lanes, so one lane per phase for the company.
  const mode: RoadmapChartData['mode'] =
    laneDepts.length > ROADMAP_LANE_LIMIT
      ? 'phases'
      : items.length > ROADMAP_ITEM_LIMIT || krsDue.length > ROADMAP_MILESTONE_LIMIT
        ? 'departments'
        : 'detail';
  const lanes: string[] = [];
  const bars: RoadmapChartData['bars'] = [];
  const milestones: RoadmapChartData['milestones'] = [];
  const phaseOfItem = phasesOf(items, ctx.lang, l.noPhase);
  const phases = [...new Set(phaseOfItem.values())].sort((a, b) => a.rank - b.rank || a.first - b.first);
  const phaseOf = (r: RoadmapItem) => phaseOfItem.get(r)!;
  const statusOf = (k: KeyResult) => ctx.krProgress.get(lower(k.id))?.status ?? 'no-data';

  /**
   * One bar per phase over a group of items, marked as an item's bar is: outlined, its label led by ▲ and how many
   * of each exception ("▲ 3 blocked, 1 delayed · Growth · 12"), when any of its items is one; pale when all are done.
   * A count, never a mark per item, so that a bar over a thousand items stays one readable label.
   */
  const phaseBars = (items: RoadmapItem[], lane: number, labelled: (phase: string, n: number) => string) => {
    for (const phase of phases) {
      const group = items.filter((r) => phaseOf(r) === phase);
      if (group.length === 0) continue;
      let start = group[0].start!;
      let end = group[0].end!;
      for (const g of group) {
        if (g.start! < start) start = g.start!;
        if (g.end! > end) end = g.end!;
      }
      const { label, color } = phase;
      const counts = exceptionCounts(ctx, group);
      const mark = counts.length ? 'exception' : group.every((r) => r.status === 'done') ? 'done' : null;
      const text = labelled(label, group.length);
      bars.push({
        lane,
        start,
        end,
        phase: label,
        color,
        label: counts.length ? `${ROADMAP_EXCEPTION_MARK} ${joinList(counts, ctx.lang)} · ${text}` : text,
        mark,
      });
    }
  };
  /** Key results due, one marker per month: the count, coloured by the worst status among them. */
  const monthlyMilestones = (krs: KeyResult[], lane: number) => {
    for (const [month, group] of groupBy(krs, (k) => monthOf(k.due!))) {
      const status = worst(group.map(statusOf));
      milestones.push({
        lane,
        date: `${month}-15`,
        label: f.count(group.length),
        status,
        statusLabel: STATUS_LABELS[status][ctx.lang],
      });
    }
  };

  if (mode === 'phases') {
    phases.forEach((phase, i) => {
      phaseBars(
        items.filter((r) => phaseOf(r) === phase),
        i,
        (_, n) => ph.itemsCount(n, f.count(n)),
      );
      lanes.push(phase.label);
    });
    lanes.push(ph.milestoneMarker());
    monthlyMilestones(krsDue, phases.length);
  } else {
    laneDepts.forEach((dept, d) => {
      const own = datedByOwner.get(dept.key) ?? [];
      const krs = krsByOwner.get(dept.key) ?? [];
      lanes.push(dept.name);
      if (mode === 'departments') {
        phaseBars(own, d, (phase, n) => `${phase} · ${f.count(n)}`);
        monthlyMilestones(krs, d);
        return;
      }
      for (const item of own) {
        const { label: phase, color } = phaseOf(item);
        // The status word leads the label, so that cutting a long name to fit never cuts the word.
        const { mark, word } = itemStanding(ctx, item);
        const label = word ? `${ROADMAP_EXCEPTION_MARK} ${word} · ${item.item}` : item.item;
        bars.push({ lane: d, start: item.start!, end: item.end!, phase, color, label, mark });
      }
      for (const kr of krs) {
        const status = statusOf(kr);
        milestones.push({
          lane: d,
          date: kr.due!,
          label: kr.id,
          status,
          statusLabel: STATUS_LABELS[status][ctx.lang],
        });
      }
    });
  }
  figure.chart = {
    type: 'roadmap',
    mode,
    lanes,
    bars,
    milestones,
    phases: phases.map(({ label, color }) => ({ label, color })),
    start: first,
    end: last,
    asOf: ctx.options.asOf,
    asOfLabel: ph.asOfRule(f.date(ctx.options.asOf)),
    lang: ctx.lang,
  };
  const present = STATUS_SEVERITY.filter((s) => milestones.some((m) => m.status === s));
  // The legend explains the marks the bars carry, only those drawn: pale for done, an outline and ▲ for the rest (a
  // summarised bar is outlined when any of its items is an exception, so each exception's word is one drawn).
  const exceptionWords = [
    ...new Set(
      items
        .map((r) => itemStanding(ctx, r))
        .filter((s) => s.mark === 'exception')
        .sort((a, b) => a.rank - b.rank)
        .map((s) => s.word),
    ),
  ];
  const anyDone = bars.some((b) => b.mark === 'done');
  figure.legend = [
    ...phases.map((phase) => ({ label: phase.label, swatch: `cat-${phase.color}`, shape: 'bar' as const })),
    ...(anyDone
      ? [
          {
            label: ph.roadmapDoneLegend(enumLabel('roadmapStatus', 'done', ctx.lang)),
            swatch: 'cat-7',
            shape: 'bar-done' as const,
          },
        ]
      : []),
    ...(exceptionWords.length
      ? [
          {
            label: ph.roadmapExceptionLegend(ROADMAP_EXCEPTION_MARK, joinList(exceptionWords, ctx.lang)),
            swatch: 'cat-7',
            shape: 'bar-exception' as const,
          },
        ]
      : []),
    ...present.map((s) => ({
      label: `${ph.milestoneMarker()}${ctx.l.colon}${STATUS_LABELS[s][ctx.lang]}`,
      swatch: `status-${s}`,
      shape: 'diamond' as const,
    })),
    { label: ph.asOfRule(f.date(ctx.options.asOf)), swatch: 'status-off-track', shape: 'rule' as const },
  ];
  const caption =
    mode === 'phases'
      ? ph.roadmapPhasesCaption(laneDepts.length, items.length, krsDue.length)
      : mode === 'departments'
        ? ph.roadmapSummaryCaption(laneDepts.length, items.length)
        : ph.roadmapCaption(laneDepts.length, items.length, milestones.length);
  // Summarised, a bar's marks stand for items the chart does not draw one by one: said in words too, for print and
  // for readers who skip the legend.
  const marks =
    mode !== 'detail' && exceptionWords.length ? ph.roadmapSummaryMarks(ROADMAP_EXCEPTION_MARK) : '';
  // What is not drawn, named by ID where the chart names each thing it draws.
  figure.caption = [caption, marks, outside(mode === 'detail')]
    .filter(Boolean)
    .join(isChinese(ctx.lang) ? '' : ' ');
  // Summarised, the chart's data table is what it draws: each bar and each month's key results due (every item is
  // in its department's page's table).
  if (mode !== 'detail') {
    figure.table = {
      head: [mode === 'phases' ? l.phase : l.owner, l.item, l.start, l.end],
      rows: [
        ...bars.map((b) => [lanes[b.lane], b.label, f.date(b.start), f.date(b.end)]),
        // By lane, then by month: they were made lane by lane in the order of the key results' rows.
        ...[...milestones]
          .sort((a, b) => a.lane - b.lane || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
          .map((m) => {
            const month = f.month(monthOf(m.date));
            return [
              lanes[m.lane],
              `${ph.milestoneMarker()}${l.colon}${m.label} · ${m.statusLabel}`,
              month,
              month,
            ];
          }),
      ],
    };
  }
  return { present: true, figure, note: '', exceptions };
}
