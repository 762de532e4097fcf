/**
 * Stage 4 of the report: Vega-Lite specs for the view model's chart data, rendered to inline SVG at build time
 * by report/render/charts.ts (offline, UTC, CJK-aware text widths, unique ids).
 *
 * - the roadmap: one lane per department (extra tracks when items overlap), bars coloured by phase, the key
 *   results' due dates as diamonds coloured by status on a milestone track, a dashed rule at the as-of date;
 * - per key result: the target path (cumulative or level) against actuals, with the forecast to the due month.
 */
import type { VegaLiteTopLevelSpec } from './render/charts';
import { COMPACT_NUMBER, estimateTextWidth } from './render/chart-text';
import { inProcessRenderer, type ChartRenderer } from './render/chart-thread';
import { LOCALES } from './i18n';
import { CATEGORY_COLORS, MILESTONE_HALO, NEUTRALS, STATUS_COLORS } from './render/palette';
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

const KR_WIDTH = 300;
const KR_HEIGHT = 130;
const ROADMAP_WIDTH = 880;
const ROADMAP_ROW = 26;
/** Row key prefix length: "0000:00|" (department index, track), then the lane's label. */
const KEY_PREFIX = 8;
const MILESTONE_TRACK = 99;

const LABEL_SIZE = 11;
/** Lane labels are 12 px and bold: measured as 13 px, so a bold face wider than the estimate still fits. */
const LANE_LABEL_SIZE = 13;
/** Widths are estimates: leave a margin so real fonts (often wider than the estimate) still fit. */
const FONT_MARGIN = 1.15;

/** Text cut to fit `width` px at `size`, with an ellipsis; empty when not even one character fits. */
export function fitText(text: string, width: number, size: number): string {
  if (estimateTextWidth(text, size) * FONT_MARGIN <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && estimateTextWidth(`${chars.join('')}…`, size) * FONT_MARGIN > width) chars.pop();
  return chars.length ? `${chars.join('').trimEnd()}…` : '';
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
  const domain = [labels.target, labels.actual, ...(data.forecast.length ? [labels.forecast] : [])];
  const range = [NEUTRALS.line, CATEGORY_COLORS[0], CATEGORY_COLORS[0]];
  const dash = [
    [5, 3],
    [1, 0],
    [2, 3],
  ];
  const months = data.points.length;
  const valueAxis = data.percent
    ? { format: '.0%' }
    : // Amounts as people write them, after the cards' currency sign: $1B, US$10億 (render/charts.ts).
      { labelExpr: `${COMPACT_NUMBER}(datum.value, '${LOCALES[data.lang].numbers}', '${data.currency}')` };
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

/** The roadmap timeline. */
export function roadmapChartSpec(data: RoadmapChartData, title: string): VegaLiteTopLevelSpec {
  const key = (row: string, label: string) => `${row.slice(0, 4)}:${row.slice(5).padStart(2, '0')}|${label}`;
  const rows: { key: string; lane: number }[] = [];
  const labelOf = new Map(data.rows.map((r) => [r.key, r.label]));
  const lanes = [...new Set(data.rows.map((r) => r.key.slice(0, 4)))];
  // Milestones get a track of their own under their department's items; in the phases view they have a lane.
  const ownTrack = data.mode !== 'phases';
  const withMilestones = new Set(ownTrack ? data.milestones.map((m) => m.row.slice(0, 4)) : []);
  // Lane labels are left-aligned in a fixed gutter, at most 170 px: a longer name (a department of 40 characters) is
  // cut with "…" to fit it, as bar labels are, rather than left to run into the lane over the bars.
  const laneExtent = Math.ceil(
    Math.min(
      170,
      Math.max(70, ...data.rows.map((r) => estimateTextWidth(r.label, LANE_LABEL_SIZE) * FONT_MARGIN + 14)),
    ),
  );
  const laneLabel = (label: string) => fitText(label, laneExtent - 14, LANE_LABEL_SIZE);
  for (const lane of lanes) {
    const tracks = data.rows.filter((r) => r.key.startsWith(`${lane}:`));
    for (const t of tracks)
      rows.push({ key: key(t.key, laneLabel(labelOf.get(t.key) ?? '')), lane: lanes.indexOf(lane) });
    if (withMilestones.has(lane))
      rows.push({ key: key(`${lane}:${MILESTONE_TRACK}`, ''), lane: lanes.indexOf(lane) });
  }
  const domainKeys = rows.map((r) => r.key);
  const keyOf = (row: string) => key(row, laneLabel(labelOf.get(row) ?? ''));
  const end = addDay(data.end);
  const t0 = Date.parse(`${data.start}T00:00:00Z`);
  const t1 = Date.parse(`${end}T00:00:00Z`);
  const px = (iso: string) =>
    ((Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - t0) / (t1 - t0)) * ROADMAP_WIDTH;
  // Each label may run until the next item of its track starts (or the chart ends), then it is cut with "…".
  const byRow = new Map<string, string[]>();
  for (const b of data.bars) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b.start]);
  const bars = data.bars.map((b) => {
    const next = (byRow.get(b.row) ?? []).filter((s) => s > b.start).sort()[0];
    const room = Math.max(
      0,
      Math.min(ROADMAP_WIDTH, next ? px(next) : ROADMAP_WIDTH + 40) - Math.max(0, px(b.start)) - 8,
    );
    return {
      row: keyOf(b.row),
      start: b.start,
      end: addDay(b.end),
      phase: b.phase,
      label: fitText(b.label, room, LABEL_SIZE),
    };
  });
  const milestones = data.milestones.map((m) => ({
    row: ownTrack ? key(`${m.row.slice(0, 4)}:${MILESTONE_TRACK}`, '') : keyOf(m.row),
    date: m.date,
    label: m.label,
    status: m.statusLabel,
  }));
  const present = STATUS_READING_ORDER.filter((s) => data.milestones.some((m) => m.status === s));
  const shown = present.length ? present : STATUS_READING_ORDER;
  const statusDomain = shown.map((s) => STATUS_LABELS[s][data.lang]);
  const statusRange = shown.map((s) => STATUS_COLORS[s]);
  const months = monthsBetween(data.start, data.end);
  const scaleX = {
    type: 'utc' as const,
    domain: [Date.parse(`${data.start}T00:00:00Z`), Date.parse(`${end}T00:00:00Z`)],
  };
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
    scale: { domain: domainKeys, paddingInner: 0, paddingOuter: 0 },
    axis: {
      labelExpr: `slice(datum.value, ${KEY_PREFIX})`,
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
      {
        data: { values: bars },
        mark: { type: 'bar', height: 9, yOffset: 6, cornerRadius: 3, opacity: 0.9 },
        encoding: {
          y: yPlain,
          x: { field: 'start', type: 'temporal' },
          x2: { field: 'end' },
          color: {
            field: 'phase',
            type: 'nominal',
            scale: { domain: data.phases, range: [...CATEGORY_COLORS] },
            legend: null,
          },
        },
      },
      {
        data: { values: bars },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'alphabetic',
          dx: 1,
          yOffset: -1,
          fontSize: LABEL_SIZE,
          color: NEUTRALS.title,
        },
        encoding: { y: yPlain, x: { field: 'start', type: 'temporal' }, text: { field: 'label' } },
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
        data: { values: milestones },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 8,
          fontSize: 10,
          fontWeight: 600,
          color: NEUTRALS.title,
        },
        encoding: { y: yPlain, x: { field: 'date', type: 'temporal' }, text: { field: 'label' } },
      },
      {
        data: { values: [{ date: data.asOf, label: data.asOfLabel }] },
        mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1.5, color: STATUS_COLORS['off-track'] },
        encoding: { x: { field: 'date', type: 'temporal' } },
      },
      {
        data: { values: [{ date: data.asOf, label: data.asOfLabel }] },
        mark: {
          type: 'text',
          align: 'center',
          baseline: 'bottom',
          dy: -3,
          y: 0,
          fontSize: 10,
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
      if (!drawing.has(figure.id)) drawing.set(figure.id, drawFigure(figure, renderer));
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
    return figure.chart && svg !== undefined ? { ...figure, svg } : figure;
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
