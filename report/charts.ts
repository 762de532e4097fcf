/**
 * Stage 4 of the report: Vega-Lite specs for the view model's chart data, rendered to inline SVG at build time
 * by report/render/charts.ts (offline, UTC, CJK-aware text widths, unique ids).
 *
 * - the roadmap: one lane per department, its items' bars (coloured by phase) and then its key results' due dates
 *   (diamonds coloured by status) stacked into as many rows as their labels need, a dashed rule at the as-of date;
 * - per key result: the target path (cumulative or level) against actuals, with the forecast to the due month.
 */
import type { VegaLiteTopLevelSpec } from './render/charts';
import type { IsoDate } from '../shared/calendar';
import { COMPACT_NUMBER, estimateTextWidth } from './render/chart-text';
import { inProcessRenderer, type ChartRenderer } from './render/chart-thread';
import { LOCALES } from './i18n';
import { CATEGORY_COLORS, LABEL_HALO, MILESTONE_HALO, NEUTRALS, STATUS_COLORS } from './render/palette';
import { STATUS_LABELS, STATUS_READING_ORDER } from '../shared/progress';
import { isChinese, type Lang } from '../shared/i18n';
import type {
  CompanyPage,
  DepartmentPage,
  FigureView,
  IssuesPage,
  KrChartData,
  ReportView,
  RoadmapChartData,
} from './view-model';

/**
 * A key result's chart is this wide in all, its axes and padding included (autosize "fit"): as wide as a card's chart
 * on a 375 px phone (283 px there), so that the page barely scales it down and its 11 px text stays 10 px or more
 * (test/report-browser.test.ts). Elsewhere the stylesheet widens it to its card.
 */
const KR_WIDTH = 300;
const KR_HEIGHT = 130;
const ROADMAP_WIDTH = 880;
const ROADMAP_ROW = 26;
/** The least room between two things drawn on one row of the roadmap (a label and the next bar or diamond). */
const ROADMAP_GAP = 8;
/** The widest a roadmap label is drawn; a longer one is cut with "…" (the data table under the chart has it whole). */
const ROADMAP_LABEL_MAX = 260;
/** How far past the timeline's end a label may run, into the chart's margin. */
const ROADMAP_BLEED = 40;
/** Half the width of a key result's diamond (a point of size 110). */
const DIAMOND_RADIUS = 8;

const LABEL_SIZE = 11;
/**
 * The roadmap's smallest text (a key result's label, the as-of date): 10.5 px, so that a roadmap drawn at its own size
 * (1,044 px with a full lane gutter) prints at 7 pt or more on Letter, whose page is 965 px wide (10 px: 6.9 pt).
 */
const ROADMAP_SMALL_SIZE = 10.5;
/** Key result labels are ROADMAP_SMALL_SIZE and semi-bold: measured as 11 px, as lane labels are measured larger. */
const MILESTONE_LABEL_SIZE = 11;
/** Lane labels are 12 px and bold: measured as 13 px, so a bold face wider than the estimate still fits. */
const LANE_LABEL_SIZE = 13;
/** Widths are estimates: leave a margin so real fonts (often wider than the estimate) still fit. */
const FONT_MARGIN = 1.15;
/**
 * A roadmap label's halo: an outline in the page's colour drawn under its letters (the stylesheet's paint-order, and on
 * a dark screen the dark page's colour: render/html.ts), so that the as-of line and the month grid pass behind a name
 * rather than through it, in light and dark mode and in print.
 */
const LABEL_HALO_MARK = {
  stroke: LABEL_HALO,
  strokeWidth: 3,
  strokeJoin: 'round',
  strokeOpacity: 1,
} as const;

/** Text cut to fit `width` px at `size`, with an ellipsis; empty when not even one character fits. */
export function fitText(text: string, width: number, size: number): string {
  if (estimateTextWidth(text, size) * FONT_MARGIN <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && estimateTextWidth(`${chars.join('')}…`, size) * FONT_MARGIN > width) chars.pop();
  // A cut never ends on the punctuation or space before the ellipsis ("in APAC,…"): "in APAC…".
  return chars.length ? `${chars.join('').replace(/[\s\p{P}]+$/u, '')}…` : '';
}

const addDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

// Over more than twelve months the year is written in full (Jan 2027, 2027年1月), as everywhere else in the report:
// "Jan 27" reads as a day.
const monthFormat = (lang: Lang, long: boolean) =>
  isChinese(lang) ? (long ? '%Y年%-m月' : '%-m月') : long ? '%b %Y' : '%b';

function monthsBetween(start: string, end: string): number {
  const [y1, m1] = start.split('-').map(Number);
  const [y2, m2] = end.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/** The per-KR chart: target path, actuals with points, and the forecast as a dashed line. */
export function krChartSpec(data: KrChartData, title: string): VegaLiteTopLevelSpec {
  const { labels } = data;
  const rows = [
    ...data.points
      .filter((p) => p.target !== null)
      .map((p) => ({ month: p.month, value: p.target, series: labels.target })),
    ...data.points
      .filter((p) => p.actual !== null)
      .map((p) => ({ month: p.month, value: p.actual, series: labels.actual })),
    ...data.forecast.map((p) => ({ month: p.month, value: p.value, series: labels.forecast })),
  ];
  // The legend names the lines drawn, and only those: no "Actual" before the first check-in, no "Forecast" without one.
  const series = [
    { label: labels.target, color: NEUTRALS.line, dash: [5, 3], drawn: true },
    {
      label: labels.actual,
      color: CATEGORY_COLORS[0],
      dash: [1, 0],
      drawn: data.points.some((p) => p.actual !== null),
    },
    { label: labels.forecast, color: CATEGORY_COLORS[0], dash: [2, 3], drawn: data.forecast.length > 0 },
  ].filter((s) => s.drawn);
  const domain = series.map((s) => s.label);
  const range = series.map((s) => s.color);
  const dash = series.map((s) => s.dash);
  const months = data.points.length;
  // Amounts as people write them, after the cards' currency sign ($1B, US$10億), every tick in one style
  // (render/charts.ts axisNumber): with a multiple where the axis's largest figure takes one (0, 0.2萬 … 1萬, 1.2萬;
  // never 0, 2000 … 1萬), with as many digits as Vega's own label of the tick (datum.label, to the step's precision)
  // holds: 999.8, 1,000, 1,000.2, never 1K, 1K, 1K. A Unit that counts in a multiple itself (萬元, K users) gets none
  // of the axis's own: 12,000 萬元 reads 12,000, as on its card, never 1.2萬 (12,000 元).
  const top = data.unitMultiple ? 0 : Math.max(0, ...rows.map((r) => Math.abs(r.value ?? 0)));
  // As many decimals as the ticks' step takes, and no more: over a narrow range (19.6% to 21%) '.0%' wrote 20%, 21%,
  // 21%. With no precision in the format, Vega gives it the step's (d3's tickFormat), and '~' trims the zeros, so an
  // ordinary range still reads 0%, 10%, 20%.
  const valueAxis = data.percent
    ? { format: '~%' }
    : {
        labelExpr: `${COMPACT_NUMBER}(datum.value, '${LOCALES[data.lang].numbers}', '${data.currency}', datum.label, ${top})`,
      };
  const x = {
    field: 'month',
    type: 'temporal' as const,
    timeUnit: 'utcyearmonth' as const,
    title: null,
    axis: {
      format: monthFormat(data.lang, months > 12),
      labelAngle: 0,
      labelOverlap: true,
      tickCount: { interval: 'month', step: months > 8 ? 2 : 1 },
      grid: false,
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: title,
    width: KR_WIDTH,
    height: KR_HEIGHT,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            title: null,
            scale: { zero: data.kind === 'cumulative', nice: true },
            axis: { ...valueAxis, tickCount: 4, grid: true },
          },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain, range },
            legend: { orient: 'top', title: null, symbolType: 'stroke', direction: 'horizontal' },
          },
          strokeDash: { field: 'series', type: 'nominal', scale: { domain, range: dash }, legend: null },
        },
      },
      {
        transform: [{ filter: { field: 'series', equal: labels.actual } }],
        mark: { type: 'point', filled: true, size: 28, color: CATEGORY_COLORS[0] },
        encoding: { x, y: { field: 'value', type: 'quantitative' } },
      },
    ],
  } as VegaLiteTopLevelSpec;
}

interface Placed {
  /** Where the drawn bar or diamond and its label begin and end, in px from the timeline's start. */
  from: number;
  to: number;
}

/**
 * Greedy interval packing of what a lane draws (a bar or a diamond with its label), in the order given: each goes on
 * the first track where it starts after the last thing drawn there ends, else on a new track. Its label counts,
 * not only its bar: labels never run into each other however many items fall in one month, and none has to be cut
 * short because the next item starts soon after.
 */
function packTracks(placed: Placed[]): number[] {
  const ends: number[] = [];
  return placed.map((p) => {
    let track = ends.findIndex((end) => end + ROADMAP_GAP <= p.from);
    if (track < 0) track = ends.length;
    ends[track] = p.to;
    return track;
  });
}

/**
 * The roadmap timeline. Each lane (a department, or a phase) has one row per track of its items, then one per track
 * of its key results due: a label is drawn on its item's row, so two labels share a row only where neither reaches
 * the other (packTracks). Thirty items due in one month are thirty rows, each readable.
 */
export function roadmapChartSpec(data: RoadmapChartData, title: string): VegaLiteTopLevelSpec {
  // Lane labels are left-aligned in a fixed gutter, at most 170 px: a longer name (a department of 40 characters) is
  // cut with "…" to fit it, as bar labels are, rather than left to run into the lane over the bars.
  const laneExtent = Math.ceil(
    Math.min(
      170,
      Math.max(70, ...data.lanes.map((l) => estimateTextWidth(l, LANE_LABEL_SIZE) * FONT_MARGIN + 14)),
    ),
  );
  const laneLabel = (label: string) => fitText(label, laneExtent - 14, LANE_LABEL_SIZE);
  const end = addDay(data.end);
  const t0 = Date.parse(`${data.start}T00:00:00Z`);
  const t1 = Date.parse(`${end}T00:00:00Z`);
  const px = (iso: string) =>
    ((Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - t0) / (t1 - t0)) * ROADMAP_WIDTH;
  /** A position in px back to the time the x scale maps to it, for a label placed in px. */
  const at = (x: number) => t0 + (x / ROADMAP_WIDTH) * (t1 - t0);
  const clampX = (x: number) => Math.min(ROADMAP_WIDTH, Math.max(0, x));
  /**
   * A date drawn within the timeline: a bar that runs past it is drawn to its edge, and so is a month's marker of key
   * results due (on the 15th) in a period that starts after or ends before the 15th. Nothing is drawn outside it: a
   * mark out there widened the chart past the page and sat out of view. What lies wholly outside the period the view
   * model leaves out, and its caption says so (report/view/roadmap.ts).
   */
  const within = (iso: string, last: string = end): string =>
    iso < data.start ? data.start : iso > last ? last : iso;
  const right = ROADMAP_WIDTH + ROADMAP_BLEED;

  // Item labels start at their bar; one that would run past the chart's end ends there instead.
  const byStart = <T extends { start: IsoDate; end: IsoDate }>(a: T, b: T) =>
    a.start.localeCompare(b.start) || a.end.localeCompare(b.end);
  const itemPlaces = data.bars.map((b) => {
    const from = clampX(px(b.start));
    const to = clampX(px(addDay(b.end)));
    const label = fitText(b.label, ROADMAP_LABEL_MAX, LABEL_SIZE);
    const width = estimateTextWidth(label, LABEL_SIZE) * FONT_MARGIN;
    const x = from + 1 + width <= right ? from + 1 : Math.max(0, right - width);
    return { bar: b, label, x, from: Math.min(from, x), to: Math.max(to, x + width) };
  });
  // Key result labels follow their diamond; one that would run past the chart's end goes before it.
  const milestonePlaces = data.milestones.map((m) => {
    const centre = px(within(m.date, data.end));
    const label = fitText(m.label, ROADMAP_LABEL_MAX, MILESTONE_LABEL_SIZE);
    const width = estimateTextWidth(label, MILESTONE_LABEL_SIZE) * FONT_MARGIN;
    const after = centre + DIAMOND_RADIUS + 3 + width <= right;
    const x = after ? centre + DIAMOND_RADIUS + 3 : centre - DIAMOND_RADIUS - 3 - width;
    return {
      milestone: m,
      label,
      x,
      from: Math.min(centre - DIAMOND_RADIUS, x),
      to: Math.max(centre + DIAMOND_RADIUS, x + width),
    };
  });

  const rows: { key: string; lane: number }[] = [];
  const bars: { row: string; start: IsoDate; end: IsoDate; fill: string; mark: string }[] = [];
  const itemLabels: { row: string; x: number; label: string }[] = [];
  const milestones: { row: string; date: IsoDate; status: string }[] = [];
  const milestoneLabels: { row: string; x: number; label: string }[] = [];
  data.lanes.forEach((name, lane) => {
    const items = itemPlaces.filter((p) => p.bar.lane === lane).sort((a, b) => byStart(a.bar, b.bar));
    const due = milestonePlaces
      .filter((p) => p.milestone.lane === lane)
      .sort((a, b) => a.milestone.date.localeCompare(b.milestone.date) || a.from - b.from);
    const itemTracks = packTracks(items);
    const dueTracks = packTracks(due);
    const itemRows = items.length ? Math.max(...itemTracks) + 1 : 0;
    const count = Math.max(1, itemRows + (due.length ? Math.max(...dueTracks) + 1 : 0));
    // The key is unique by its row number; the lane's name, after "|", is what the axis shows on its first row.
    const keys = Array.from(
      { length: count },
      (_, n) => `${rows.length + n}|${n === 0 ? laneLabel(name) : ''}`,
    );
    for (const key of keys) rows.push({ key, lane });
    items.forEach((p, i) => {
      const row = keys[itemTracks[i]];
      bars.push({
        row,
        start: within(p.bar.start),
        end: within(addDay(p.bar.end)),
        fill: CATEGORY_COLORS[p.bar.color],
        mark: p.bar.mark ?? '',
      });
      if (p.label) itemLabels.push({ row, x: at(p.x), label: p.label });
    });
    due.forEach((p, i) => {
      const row = keys[itemRows + dueTracks[i]];
      milestones.push({ row, date: within(p.milestone.date, data.end), status: p.milestone.statusLabel });
      if (p.label) milestoneLabels.push({ row, x: at(p.x), label: p.label });
    });
  });
  const present = STATUS_READING_ORDER.filter((s) => data.milestones.some((m) => m.status === s));
  const shown = present.length ? present : STATUS_READING_ORDER;
  const statusDomain = shown.map((s) => STATUS_LABELS[s][data.lang]);
  const statusRange = shown.map((s) => STATUS_COLORS[s]);
  const months = monthsBetween(data.start, data.end);
  const scaleX = { type: 'utc' as const, domain: [t0, t1] };
  const xAxis = {
    orient: 'bottom' as const,
    format: monthFormat(data.lang, months > 12),
    labelAngle: 0,
    tickCount: { interval: 'month', step: months > 18 ? 3 : 1 },
    grid: true,
    gridDash: [2, 3],
    title: null,
    domain: false,
    ticks: false,
    labelPadding: 6,
  };
  const y = {
    field: 'row',
    type: 'nominal' as const,
    title: null,
    sort: null,
    scale: { domain: rows.map((r) => r.key), paddingInner: 0, paddingOuter: 0 },
    axis: {
      labelExpr: "slice(datum.value, indexof(datum.value, '|') + 1)",
      ticks: false,
      domain: false,
      labelFontWeight: 600,
      labelFontSize: 12,
      labelAlign: 'left' as const,
      labelPadding: laneExtent,
      minExtent: laneExtent,
      maxExtent: laneExtent,
      labelLimit: laneExtent - 10,
    },
  };
  const yPlain = { field: 'row', type: 'nominal' as const };
  const height = Math.max(ROADMAP_ROW * 2, rows.length * ROADMAP_ROW);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: title,
    width: ROADMAP_WIDTH,
    height,
    layer: [
      {
        // Alternate lane shading, so tracks read as one department.
        data: {
          values: rows.filter((r) => r.lane % 2 === 0).map((r) => ({ row: r.key, start: data.start, end })),
        },
        mark: { type: 'rect', color: NEUTRALS.grid, opacity: 0.1 },
        encoding: {
          y,
          x: { field: 'start', type: 'temporal', scale: scaleX, axis: xAxis },
          x2: { field: 'end' },
        },
      },
      // Each bar in its phase's own colour (phaseColor): the same phase is the same colour in every report. Its item's
      // status is drawn over that colour, never as another one: a done item's bar pale, with its outline; a delayed, on
      // hold, blocked or not understood one outlined with a dash (and its label starts with ▲ and the word), so that
      // the exceptions read at a glance, in grey print and without telling colours apart.
      ...(
        [
          ['', { opacity: 0.9 }],
          ['done', { fillOpacity: 0.3, strokeOpacity: 0.9, strokeWidth: 1.5 }],
          [
            'exception',
            {
              opacity: 0.9,
              stroke: STATUS_COLORS['off-track'],
              strokeWidth: 2,
              strokeDash: [3, 2],
              strokeOpacity: 1,
            },
          ],
        ] as const
      )
        .filter(([mark]) => mark === '' || bars.some((b) => b.mark === mark))
        .map(([mark, style]) => ({
          data: { values: bars.filter((b) => b.mark === mark) },
          mark: { type: 'bar', height: 9, yOffset: 6, cornerRadius: 3, ...style },
          encoding: {
            y: yPlain,
            x: { field: 'start', type: 'temporal' },
            x2: { field: 'end' },
            color: { field: 'fill', type: 'nominal', scale: null, legend: null },
            ...(mark === 'done'
              ? { stroke: { field: 'fill', type: 'nominal', scale: null, legend: null } }
              : {}),
          },
        })),
      {
        // The as-of line over the bars, under every label and diamond: it passes behind a name, never through it.
        data: { values: [{ date: data.asOf, label: data.asOfLabel }] },
        mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1.5, color: STATUS_COLORS['off-track'] },
        encoding: { x: { field: 'date', type: 'temporal' } },
      },
      {
        data: { values: itemLabels },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'alphabetic',
          // Far enough above its bar that the halo round a descender (g, p, y) does not notch the bar.
          yOffset: -3,
          fontSize: LABEL_SIZE,
          color: NEUTRALS.title,
          ...LABEL_HALO_MARK,
        },
        encoding: { y: yPlain, x: { field: 'x', type: 'temporal' }, text: { field: 'label' } },
      },
      {
        data: { values: milestones },
        mark: {
          type: 'point',
          shape: 'diamond',
          size: 110,
          filled: true,
          stroke: MILESTONE_HALO,
          strokeWidth: 1,
          opacity: 1,
        },
        encoding: {
          y: yPlain,
          x: { field: 'date', type: 'temporal' },
          fill: {
            field: 'status',
            type: 'nominal',
            scale: { domain: statusDomain, range: statusRange },
            legend: null,
          },
        },
      },
      {
        data: { values: milestoneLabels },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          fontSize: ROADMAP_SMALL_SIZE,
          fontWeight: 600,
          color: NEUTRALS.title,
          ...LABEL_HALO_MARK,
        },
        encoding: { y: yPlain, x: { field: 'x', type: 'temporal' }, text: { field: 'label' } },
      },
      {
        // Above the chart, clear of the first row's labels (a CJK font's line box is taller than the font size).
        data: { values: [{ date: data.asOf, label: data.asOfLabel }] },
        mark: {
          type: 'text',
          align: 'center',
          baseline: 'bottom',
          dy: -6,
          y: 0,
          fontSize: ROADMAP_SMALL_SIZE,
          fontWeight: 600,
          color: STATUS_COLORS['off-track'],
        },
        encoding: { x: { field: 'date', type: 'temporal' }, text: { field: 'label' } },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as unknown as VegaLiteTopLevelSpec;
}

/**
 * The renderer's root <svg> carries a style attribute (display/width/max-width); the page's CSP allows styles
 * only from its hashed <style> block, so that attribute would be refused (and reported). Replace it with
 * width/height attributes at the chart's natural size and a class the stylesheet sizes responsively.
 */
export function staticSvg(svg: string, className: string): string {
  return svg.replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(attrs);
    let a = attrs.replace(/\s(?:style|width|height|class)="[^"]*"/g, '');
    if (box) a += ` width="${Math.round(Number(box[1]))}" height="${Math.round(Number(box[2]))}"`;
    return `<svg class="${className}"${a}>`;
  });
}

export interface ChartTiming {
  charts: number;
  ms: number;
}

/** The inline SVG of each figure that has a chart, by figure id (a card shown on two pages is drawn once). */
export type DrawnCharts = ReadonlyMap<string, string>;

/** The figures of one page that have a chart, in the order the page shows them. */
export function chartFiguresOf(page: CompanyPage | DepartmentPage | IssuesPage): FigureView[] {
  const figures =
    page.kind === 'company'
      ? [page.roadmap.figure, ...page.keyResults.cards.map((c) => c.figure)]
      : page.kind === 'department'
        ? page.cards.map((c) => c.figure)
        : [];
  return figures.filter((figure) => figure.chart);
}

/**
 * The plot height (rows × ROADMAP_ROW, CSS px at the chart's own size) a roadmap drawn for paper may have: with its
 * axis and as-of label above, it and the section's heading fit on a landscape A4 or Letter page without being drawn
 * smaller than it is made, so that its smallest text (ROADMAP_SMALL_SIZE) prints at 7 pt or more.
 */
export const ROADMAP_PRINT_HEIGHT = 468;

/** The roadmap's lanes `from` to `to` (not included), as a chart of their own. */
function roadmapLanes(data: RoadmapChartData, from: number, to: number): RoadmapChartData {
  const inPart = (x: { lane: number }) => x.lane >= from && x.lane < to;
  return {
    ...data,
    lanes: data.lanes.slice(from, to),
    bars: data.bars.filter(inPart).map((b) => ({ ...b, lane: b.lane - from })),
    milestones: data.milestones.filter(inPart).map((m) => ({ ...m, lane: m.lane - from })),
  };
}

/**
 * A roadmap taller than a printed page, split for paper into parts of whole lanes, each of them at most
 * ROADMAP_PRINT_HEIGHT high (a lane taller than that alone is a part of its own); none when it fits as it is.
 * Printed, the parts stand in for the chart one under another, each kept whole on a page (report.css).
 */
export function roadmapPrintParts(data: RoadmapChartData, title: string): RoadmapChartData[] {
  const height = (d: RoadmapChartData) => (roadmapChartSpec(d, title) as { height: number }).height;
  if (height(data) <= ROADMAP_PRINT_HEIGHT) return [];
  const parts: RoadmapChartData[] = [];
  let from = 0;
  while (from < data.lanes.length) {
    let to = from + 1;
    while (to < data.lanes.length && height(roadmapLanes(data, from, to + 1)) <= ROADMAP_PRINT_HEIGHT) to++;
    parts.push(roadmapLanes(data, from, to));
    from = to;
  }
  return parts;
}

/** The id of a roadmap's `n`th part for paper (from 1), drawn under it in DrawnCharts. */
const printPartId = (id: string, n: number) => `${id}-print-${n}`;

async function drawFigure(figure: FigureView, renderer: ChartRenderer): Promise<string> {
  const chart = figure.chart!;
  const title = figure.caption;
  const spec = chart.type === 'kr' ? krChartSpec(chart, title) : roadmapChartSpec(chart, title);
  const svg = await renderer(spec, { id: figure.id, title });
  return staticSvg(svg, chart.type === 'kr' ? 'chart chart-kr' : 'chart chart-roadmap');
}

/**
 * Draws every chart of the view. Each is handed to the renderer at once, in the order the pages show them, so
 * that one in another thread (the command's chart worker, render/chart-thread.ts) draws them while this thread
 * goes on with the pages that have none. By default they are drawn in this thread, one after another.
 */
export async function drawCharts(
  view: ReportView,
  renderer: ChartRenderer = inProcessRenderer(),
  timing?: ChartTiming,
): Promise<DrawnCharts> {
  const started = performance.now();
  const drawing = new Map<string, Promise<string>>();
  for (const page of [view.company, ...view.departments])
    for (const figure of chartFiguresOf(page))
      if (!drawing.has(figure.id)) {
        drawing.set(figure.id, drawFigure(figure, renderer));
        if (figure.chart?.type === 'roadmap')
          roadmapPrintParts(figure.chart, figure.caption).forEach((part, i) => {
            const id = printPartId(figure.id, i + 1);
            drawing.set(id, drawFigure({ ...figure, id, chart: part }, renderer));
          });
      }
  const drawn = new Map<string, string>();
  // Promise.all: one chart that fails fails the whole, and none is left an unhandled rejection.
  const svgs = await Promise.all(drawing.values());
  for (const [i, id] of [...drawing.keys()].entries()) drawn.set(id, svgs[i]);
  if (timing) {
    timing.charts = drawn.size;
    timing.ms = performance.now() - started;
  }
  return drawn;
}

/** The view with each drawn chart in its figure's `svg`. */
export function withCharts(view: ReportView, drawn: DrawnCharts): ReportView {
  const fill = (figure: FigureView): FigureView => {
    const svg = drawn.get(figure.id);
    const printSvgs: string[] = [];
    while (drawn.has(printPartId(figure.id, printSvgs.length + 1)))
      printSvgs.push(drawn.get(printPartId(figure.id, printSvgs.length + 1))!);
    return figure.chart && svg !== undefined
      ? { ...figure, svg, ...(printSvgs.length ? { printSvgs } : {}) }
      : figure;
  };
  const cards = <T extends { figure: FigureView }>(list: T[]) =>
    list.map((card) => ({ ...card, figure: fill(card.figure) }));
  const company: CompanyPage = {
    ...view.company,
    roadmap: { ...view.company.roadmap, figure: fill(view.company.roadmap.figure) },
    keyResults: { ...view.company.keyResults, cards: cards(view.company.keyResults.cards) },
  };
  const departments: DepartmentPage[] = view.departments.map((page) => ({
    ...page,
    cards: cards(page.cards),
  }));
  return { ...view, company, departments };
}

/** Every chart of the view drawn (drawCharts), in a new view (withCharts). */
export async function renderCharts(
  view: ReportView,
  timing?: ChartTiming,
  renderer?: ChartRenderer,
): Promise<ReportView> {
  return withCharts(view, await drawCharts(view, renderer, timing));
}
