import { describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  EXAMPLE_AS_OF,
  PHASES,
  STATUS_LABELS,
  type Cell,
  type Lang,
  type Workbook,
} from '../shared';
import { CATALOGUES, fill } from '../shared/i18n';
import { STATUS_ORDER, type Status } from '../shared/progress';
import { Formatter } from '../report/format';
import { LABELS } from '../report/i18n';
import {
  buildReportView,
  safeHref,
  safeId,
  type KrCardView,
  type ReportView,
  type ViewOptions,
} from '../report/view-model';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { addRow, cloneWorkbook, colOf, rowOf, setCell } from './helpers/edit';
import { exampleGrid, header, logChange, setOwner, tabName } from './helpers/report';
import { utcDate } from '../report/write-xlsx';
import { NO_PHASE_COLOR, OWN_PHASE_COLORS, PHASE_COLORS } from '../report/render/palette';
import { phaseColor } from '../report/view/roadmap';
import type { TableCell } from '../report/view/types';

/** A table cell's text, as the page shows it (a value the plan could not read: as typed). */
const cellText = (cell: TableCell) => (typeof cell === 'string' ? cell : cell.text);

function view(workbook: Workbook, options: Partial<ViewOptions> & { lang?: Lang } = {}): ReportView {
  const asOf = options.asOf ?? EXAMPLE_AS_OF;
  const { plan, issues, progress } = analyzeWorkbook(workbook, { asOf, timeZone: 'UTC' });
  return buildReportView(plan, issues, progress, {
    lang: options.lang ?? plan.lang,
    asOf,
    source: null,
    ...options,
  });
}

const card = (v: ReportView, id: string): KrCardView => v.company.keyResults.cards.find((c) => c.id === id)!;
const fact = (c: KrCardView, label: string) => c.facts.find((f) => f.label === label)?.value;
const en = LABELS.en;

describe('report view model: the example plan', () => {
  const v = view(exampleGrid('en'));

  it('header: product, period, as-of date and a verdict on the objectives and the plan check', () => {
    expect(v.company.product).toBe('GEO Monitor: AI search optimisation monitoring');
    expect(v.company.period).toBe('Jan 2026 – Dec 2026');
    expect(v.company.asOf).toBe('15 Nov 2026');
    expect(v.company.source).toBe('the built-in example plan');
    expect(v.company.verdict.objectives).toBe('2 objectives: 1 on track, 1 at risk.');
    expect(v.company.verdict.problems).toBe('0 errors and 2 warnings in the plan.');
    // The headline status is the worst objective's.
    expect(v.company.verdict.status).toEqual({ key: 'at-risk', label: 'at risk', icon: '▲' });
    expect(v.company.tiles.map((t) => [t.label, t.value])).toEqual([
      [en.objectives, '2'],
      [en.keyResults, '5'],
      [en.kpis, '3'],
      [en.planCheck, '2'],
    ]);
  });

  it('the pyramid: five levels top-down with counts, the four strategy answers, objectives with their KRs, KPIs', () => {
    const levels = v.company.pyramid;
    expect(levels.map((l) => l.key)).toEqual(['vision', 'strategy', 'tactics', 'key-tasks', 'assessment']);
    expect(levels.map((l) => l.step)).toEqual([1, 2, 3, 4, 5]);
    expect(levels[0].text).toMatch(/^Every brand is found/);
    expect(levels[2].count).toBe('4 of 4 answered');
    expect(levels[2].answers.map((a) => a.answered)).toEqual([true, true, true, true]);
    expect(levels[3].count).toBe('2 objectives · 5 key results');
    expect(levels[3].objectives.map((o) => [o.id, o.status.key, o.keyResults.map((k) => k.id)])).toEqual([
      ['O1', 'at-risk', ['KR1', 'KR2', 'KR3']],
      ['O2', 'on-track', ['KR4', 'KR5']],
    ]);
    expect(levels[3].objectives[0].keyResults[0].href).toBe('#kr-kr1');
    expect(levels[4].count).toBe('3 KPIs · 1 at risk, 2 off track');
    expect(levels[4].kpis.map((k) => [k.id, k.target, k.latest, k.status.key])).toEqual([
      ['KPI1', '≥ 5%', '24%', 'at-risk'],
      ['KPI2', '≤ 1 hour', '0.7 hours', 'off-track'],
      ['KPI3', '≥ 5,000 sign-ups', '4,900 sign-ups', 'off-track'],
    ]);
  });

  it("a KPI's latest reading never rounds onto its bar: 19.5% beside ≥ 20%, not 20% beside a bar it missed", () => {
    const wb = cloneWorkbook(exampleGrid('en'));
    setCell(wb, tabName('kpis'), 'KPI1', header('kpis', 'target'), 0.2);
    const actuals = wb[tabName('actuals')];
    const metric = colOf(actuals, header('actuals', 'metric'));
    const value = colOf(actuals, header('actuals', 'value'));
    const kpi1 = actuals.filter((row) => row[metric] === 'KPI1');
    kpi1[kpi1.length - 1][value] = 0.195;
    const kpi = view(wb).company.pyramid[4].kpis.find((k) => k.id === 'KPI1')!;
    expect([kpi.target, kpi.latest]).toEqual(['≥ 20%', '19.5%']);
    // Past a bar of its own decimals too: 19.55% beside ≥ 19.6%, not 20%.
    setCell(wb, tabName('kpis'), 'KPI1', header('kpis', 'target'), 0.196);
    kpi1[kpi1.length - 1][value] = 0.1955;
    const near = view(wb).company.pyramid[4].kpis.find((k) => k.id === 'KPI1')!;
    expect([near.target, near.latest]).toEqual(['≥ 19.6%', '19.55%']);
    // A reading that is not near the bar keeps the figure it always had.
    kpi1[kpi1.length - 1][value] = 0.24;
    expect(view(wb).company.pyramid[4].kpis.find((k) => k.id === 'KPI1')!.latest).toBe('24%');
  });

  it('key result cards: target, attainment, expected by now, forecast and status, formatted', () => {
    const kr1 = card(v, 'KR1');
    expect(kr1.headline).toBe('92%');
    expect(kr1.status.key).toBe('missed'); // due in August, ended at 92%
    // Told from off track by its shape, not only its colour.
    expect(kr1.status.icon).toBe('⊗');
    expect(fact(kr1, en.target)).toBe('$1,000,000');
    expect(fact(kr1, en.currentValue)).toBe('$920,000');
    expect(fact(kr1, en.checkedIn)).toBe('$920,000');
    // Expected by now in the metric's unit, read against the current value; its attainment in the note.
    expect(fact(kr1, en.expectedToDate)).toBe('$1,000,000');
    expect(kr1.facts.find((x) => x.label === en.expectedToDate)!.note).toBe(`${en.attainment} 100%`);
    expect(fact(kr1, en.forecast)).toBe('$920,000');
    expect(fact(kr1, en.score)).toBe('0.9');
    expect(kr1.bar).toEqual({ fill: '92.0', expected: '100.0', showExpected: true });
    expect(kr1.kpis.map((k) => k.id)).toEqual(['KPI1']);

    const kr2 = card(v, 'KR2');
    expect(kr2.headline).toBe('75%');
    expect(fact(kr2, en.target)).toBe('50,000 sign-ups');
    expect(fact(kr2, en.currentValue)).toBe('37,600 sign-ups');
    expect(fact(kr2, en.checkedIn)).toBe('37,600 sign-ups');
    expect(fact(kr2, en.forecast)).toBe('47,400 sign-ups');

    const kr3 = card(v, 'KR3');
    expect(kr3.status).toEqual({ key: 'off-track', label: STATUS_LABELS['off-track'].en, icon: '✕' });
    expect(fact(kr3, en.target)).toBe('5% → 20%');
    expect(fact(kr3, en.currentValue)).toBe('13%');
    // In %, the expected value (17%) against the current one (13%), not the expected attainment (80%).
    expect(fact(kr3, en.expectedToDate)).toBe('17%');

    const kr4 = card(v, 'KR4');
    expect(kr4.headline).toBe('Done on 24 Mar 2026');
    expect(kr4.figure.chart).toBeNull();
    // A milestone's table says what its 0 and 1 are, not a bar to meet.
    expect(kr4.figure.table.head[1]).toBe('Planned');
  });

  it('chart data: cumulative target path vs cumulative actuals, with the forecast from the last check-in', () => {
    const chart = card(v, 'KR2').figure.chart!;
    expect(chart.type).toBe('kr');
    if (chart.type !== 'kr') return;
    expect(chart.points[0]).toEqual({ month: '2026-03-01', target: 5000, actual: 3200 });
    expect(chart.points.at(-1)).toEqual({ month: '2026-12-01', target: 50000, actual: null });
    expect(chart.points.find((p) => p.month === '2026-10-01')?.actual).toBe(37600);
    expect(chart.forecast).toEqual([
      { month: '2026-10-01', value: 37600 },
      { month: '2026-12-01', value: 47400 },
    ]);
    // The data table carries the same numbers, formatted.
    expect(card(v, 'KR2').figure.table.rows[0]).toEqual([
      'Mar 2026',
      '5,000 sign-ups',
      '3,200 sign-ups',
      '–',
    ]);
  });

  it('roadmap: department lanes, items by phase, KR due dates as milestones coloured by status, as-of line', () => {
    const chart = v.company.roadmap.figure.chart!;
    expect(chart.type).toBe('roadmap');
    if (chart.type !== 'roadmap') return;
    expect(chart.mode).toBe('detail');
    expect(chart.lanes).toEqual([
      'Sales',
      'Marketing',
      'Operations',
      'R&D',
      'Support',
    ]);
    expect(chart.bars).toHaveLength(9);
    expect(chart.phases).toEqual([
      { label: 'Pre-launch', color: 0 },
      { label: 'Launch', color: 1 },
      { label: 'Growth', color: 2 },
    ]);
    expect(chart.milestones.map((m) => [m.label, m.date, m.status])).toEqual([
      ['KR1', '2026-08-31', 'missed'],
      ['KR2', '2026-12-31', 'on-track'],
      ['KR3', '2026-12-31', 'off-track'],
      ['KR4', '2026-03-31', 'done'],
      ['KR5', '2026-12-31', 'on-track'],
    ]);
    expect(chart.asOf).toBe('2026-11-15');
    expect(v.company.roadmap.figure.table.rows).toHaveLength(9);
    expect(v.company.roadmap.figure.legend.map((l) => l.label)).toContain('Growth');
  });

  /** The Traditional Chinese example with R1–R5 in 成長期 and the other items' phases as given. */
  const twWithPhases = (others: Record<string, string>) => {
    const tw = exampleGrid('zh-TW');
    const roadmapTab = tabName('roadmap', 'zh-TW');
    const phase = header('roadmap', 'phase', 'zh-TW');
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5']) setCell(tw, roadmapTab, id, phase, PHASES.growth['zh-TW']);
    for (const [id, value] of Object.entries(others)) setCell(tw, roadmapTab, id, phase, value);
    return tw;
  };

  it('the roadmap table names each phase as the legend does: "growth" typed on one row is the 成長期 of the others', () => {
    const tw = twWithPhases({ R6: 'growth' });
    const figure = view(tw, { lang: 'zh-TW' }).company.roadmap.figure;
    const r6 = figure.table.rows.find((row) => row[0] === 'R6')!;
    expect(r6[2]).toBe('成長期');
    expect(figure.legend.map((l) => l.label)).toContain('成長期');
    expect(figure.legend.map((l) => l.label)).not.toContain('growth');
  });

  it('roadmap phases: each in its own colour whatever the plan, the template\'s first in their order, then the plan\'s own, then none', () => {
    // Growth first and no Launch; Pre-launch last; a phase of the plan's own, and an item without one.
    const tw = twWithPhases({ R6: 'beta', R7: '', R9: PHASES['pre-launch']['zh-TW'] });
    const chart = view(tw).company.roadmap.figure.chart!;
    if (chart.type !== 'roadmap') throw new Error('no roadmap');
    expect(chart.phases).toEqual([
      { label: '預熱期', color: PHASE_COLORS['pre-launch'] },
      { label: '成長期', color: PHASE_COLORS.growth },
      { label: 'beta', color: phaseColor('Beta') },
      { label: '未分階段', color: NO_PHASE_COLOR },
    ]);
    expect(view(tw).company.roadmap.figure.legend.slice(0, 4).map((l) => l.swatch)).toEqual(
      chart.phases.map((p) => `cat-${p.color}`),
    );
  });

  it("a phase's colour: the template's in any language or spelling, a plan's own by its name alone, none grey", () => {
    for (const spelling of ['Pre-launch', 'pre launch', 'PRELAUNCH', 'Ｐｒｅ－ｌａｕｎｃｈ', '预热期', '預熱期'])
      expect(phaseColor(spelling), spelling).toBe(PHASE_COLORS['pre-launch']);
    for (const spelling of ['Growth', '增长期', '成長期', '成长期']) expect(phaseColor(spelling), spelling).toBe(PHASE_COLORS.growth);
    expect(phaseColor('Launch')).toBe(phaseColor('發布期'));
    for (const own of ['Beta', 'Scale-up', 'Alpha', '試營運', 'Post-launch review'])
      expect(OWN_PHASE_COLORS, own).toContain(phaseColor(own));
    expect(phaseColor('Ｂｅｔａ')).toBe(phaseColor('beta'));
    expect(phaseColor('')).toBe(NO_PHASE_COLOR);
    expect(phaseColor(null)).toBe(NO_PHASE_COLOR);
  });

  it('departments × commitments, at most three of each shown', () => {
    const rows = v.company.departments;
    expect(rows.map((d) => d.name)).toEqual(['Sales', 'Marketing', 'Operations', 'R&D', 'Support']);
    const rnd = rows.find((d) => d.name === 'R&D')!;
    expect(rnd.objectives.map((o) => o.id)).toEqual(['O2']);
    // Worst first: what needs attention is among the three shown.
    expect(rnd.keyResults.map((k) => [k.id, k.status?.key])).toEqual([
      ['KR5', 'on-track'],
      ['KR4', 'done'],
    ]);
    expect(rows.find((d) => d.name === 'Support')!.kpis.map((k) => k.id)).toEqual(['KPI2']);
    expect(
      rows.every((d) => d.keyResults.length <= 3 && d.kpis.length <= 3 && d.objectives.length <= 3),
    ).toBe(true);
  });

  it('plan check grouped by severity, naming sheet and cell', () => {
    expect(v.company.issues.groups.map((g) => [g.severity, g.count])).toEqual([['warning', '2']]);
    expect(v.company.issues.groups[0].items[1]).toMatchObject({
      code: 'behind-pace',
      where: `${tabName('keyResults')} · I4`,
      message: 'KR3 is off track: attainment 53%, where the plan asks for 80% by now.',
    });
  });

  it('changes newest first', () => {
    const wb = cloneWorkbook(exampleGrid('en'));
    const at = (iso: string) => ({
      [header('changes', 'timestamp')]: new Date(iso),
      [header('changes', 'id')]: iso,
    });
    addRow(wb, tabName('changes'), at('2026-09-01T08:00:00Z'));
    addRow(wb, tabName('changes'), at('2026-03-01T08:00:00Z'));
    const rows = view(wb).company.changes.rows;
    // Days as the report writes days, the time as logged.
    expect(rows.map((r) => `${r.when} ${r.whenTime}`)).toEqual([
      '1 Sep 2026 08:00',
      '2 Jun 2026 10:15',
      '1 Mar 2026 08:00',
    ]);
    // As typed where it is text (the example's "25%"); a plain number as the metric's card shows it.
    expect(rows[1]).toMatchObject({ oldValue: '25%', newValue: '20%' });
    const typed = cloneWorkbook(exampleGrid('en'));
    addRow(typed, tabName('changes'), {
      [header('changes', 'timestamp')]: new Date('2026-10-01T08:00:00Z'),
      [header('changes', 'sheet')]: tabName('keyResults'),
      [header('changes', 'id')]: 'KR1',
      [header('changes', 'field')]: header('keyResults', 'target'),
      [header('changes', 'oldValue')]: 1_000_000,
      [header('changes', 'newValue')]: 1_200_000,
    });
    addRow(typed, tabName('changes'), {
      [header('changes', 'timestamp')]: new Date('2026-10-02T08:00:00Z'),
      [header('changes', 'sheet')]: tabName('keyResults'),
      [header('changes', 'id')]: 'KR1',
      [header('changes', 'field')]: header('keyResults', 'owner'),
      [header('changes', 'oldValue')]: 'Sales',
      [header('changes', 'newValue')]: 2026, // an owner named so: a name, not dollars
    });
    const [owner, target] = view(typed).company.changes.rows;
    expect(target).toMatchObject({ oldValue: '$1,000,000', newValue: '$1,200,000' });
    expect(owner).toMatchObject({ oldValue: 'Sales', newValue: '2026' });
    expect(rows[0].reason).toBe(en.noReason);
    expect(rows[0].reasonMissing).toBe(true);
  });
});

describe('report view model: the Changes page across a Unit change', () => {
  it("shows each logged figure in the Unit the metric had when it was logged, not today's", () => {
    // KR2 went from 40,000 to 50,000 sign-ups, then its Unit became K sign-ups and its Target 50 to match.
    const wb = cloneWorkbook(exampleGrid('en'));
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'unit'), 'K sign-ups');
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'target'), 50);
    const logged = (day: string, column: string, from: string | number, to: string | number) =>
      logChange(wb, { timestamp: new Date(`${day}T08:00:00Z`), id: 'KR2', column, from, to });
    logged('2026-05-01', 'target', 40_000, 50_000);
    logged('2026-10-01', 'unit', 'sign-ups', 'K sign-ups');
    logged('2026-10-02', 'target', 50_000, 50);
    const rows = view(wb).company.changes.rows.filter((r) => r.id === 'KR2');
    expect(rows.map((r) => `${r.field}: ${r.oldValue} → ${r.newValue}`)).toEqual([
      // Newest first. Typed just after the Unit, 50,000 was briefly 50,000 K sign-ups: as logged.
      'Target: 50,000 K sign-ups → 50 K sign-ups',
      'Unit: sign-ups → K sign-ups',
      'Target: 40,000 sign-ups → 50,000 sign-ups',
    ]);
  });
});

describe('report view model: the Changes page across a Unit change, the tab sorted otherwise', () => {
  /** KR2's log of 'the Changes page across a Unit change', its rows in the order given (timestamps as Dates or text). */
  const logOf = (rows: [timestamp: Date | string, column: string, from: string | number, to: string | number][]) => {
    const wb = cloneWorkbook(exampleGrid('en'));
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'unit'), 'K sign-ups');
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'target'), 50);
    for (const [timestamp, column, from, to] of rows) logChange(wb, { timestamp, id: 'KR2', column, from, to });
    return view(wb)
      .company.changes.rows.filter((r) => r.id === 'KR2')
      .map((r) => `${r.field}: ${r.oldValue} → ${r.newValue}`);
  };
  const day = (iso: string) => new Date(`${iso}T08:00:00Z`);

  it('reads the Unit of each logged figure in the order of the timestamps, not of the rows', () => {
    // Newest first, as a tab sorted by its timestamps (Z → A) has them.
    expect(
      logOf([
        [day('2026-10-02'), 'target', 50_000, 50],
        [day('2026-10-01'), 'unit', 'sign-ups', 'K sign-ups'],
        [day('2026-05-01'), 'target', 40_000, 50_000],
      ]),
    ).toEqual([
      'Target: 50,000 K sign-ups → 50 K sign-ups',
      'Unit: sign-ups → K sign-ups',
      'Target: 40,000 sign-ups → 50,000 sign-ups',
    ]);
  });

  it('rows of one minute, a Unit and its Target retyped together, keep the order they were written in', () => {
    // The Unit, then its Target 10 seconds later; the whole tab then sorted Z → A by its timestamps, seconds and
    // all, so the Target comes first. The log's timestamps keep the minute only.
    const at = (seconds: number) => new Date(Date.UTC(2026, 9, 1, 8, 0, seconds));
    const wb = cloneWorkbook(exampleGrid('en'));
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'unit'), 'K sign-ups');
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'target'), 50);
    logChange(wb, { timestamp: day('2026-05-01'), id: 'KR2', column: 'target', from: 40_000, to: 50_000 });
    logChange(wb, { timestamp: at(10), id: 'KR2', column: 'unit', from: 'sign-ups', to: 'K sign-ups' });
    logChange(wb, { timestamp: at(20), id: 'KR2', column: 'target', from: 50_000, to: 50 });
    const [head, ...rows] = wb[tabName('changes')];
    const time = (row: Cell[]) => (row[0] instanceof Date ? row[0].getTime() : Date.parse(String(row[0])));
    wb[tabName('changes')] = [head, ...rows.sort((x, y) => time(y) - time(x))];
    const logged = view(wb)
      .company.changes.rows.filter((r) => r.id === 'KR2')
      .map((r) => `${r.field}: ${r.oldValue} → ${r.newValue}`);
    expect(logged).toContain('Target: 50,000 K sign-ups → 50 K sign-ups');
    expect(logged).toContain('Target: 40,000 sign-ups → 50,000 sign-ups');
  });

  it('a row whose timestamp is typed as words keeps its place after the row before it', () => {
    const rows = logOf([
      [day('2026-05-01'), 'target', 40_000, 50_000],
      ['early October', 'unit', 'sign-ups', 'K sign-ups'],
      [day('2026-10-02'), 'target', 50_000, 50],
    ]);
    expect(rows).toContain('Target: 40,000 sign-ups → 50,000 sign-ups');
    expect(rows).toContain('Target: 50,000 K sign-ups → 50 K sign-ups');
  });
});

describe('report view model: the Changes page across a Unit the log does not know', () => {
  it('shows a figure whose Unit the add-on logged as not known (a paste, a fill, a sort) without a Unit', () => {
    const wb = cloneWorkbook(exampleGrid('en'));
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'unit'), 'K sign-ups');
    setCell(wb, tabName('keyResults'), 'KR2', header('keyResults', 'target'), 50);
    const logged = (id: string, day: string, column: string, from: string | number, to: string | number) =>
      logChange(wb, { timestamp: new Date(`${day}T08:00:00Z`), id, column, from, to });
    // The catalogue's words, as the add-on writes them (apps-script/server/change-log.ts), in any language.
    const notKnown = CATALOGUES.en.addon.changeLogOldNotKnown;
    const values = fill(CATALOGUES['zh-TW'].addon.changeLogValues, { count: 12 });
    logged('KR2', '2026-05-01', 'target', 40_000, 50_000);
    logged('KR2', '2026-10-01', 'unit', notKnown, 'K sign-ups');
    logged('KR2', '2026-10-02', 'target', 50_000, 50);
    logged('KR1', '2026-06-01', 'unit', 'USD', values);
    logged('KR1', '2026-06-02', 'target', 1_000_000, 1_200_000);
    const rows = view(wb).company.changes.rows.filter((r) => r.id === 'KR1' || r.id === 'KR2');
    expect(rows.map((r) => `${r.id} ${r.field}: ${r.oldValue} → ${r.newValue}`)).toEqual([
      'KR2 Target: 50,000 K sign-ups → 50 K sign-ups',
      `KR2 Unit: ${notKnown} → K sign-ups`,
      'KR1 Target: 1,000,000 → 1,200,000',
      `KR1 Unit: USD → ${values}`,
      'KR2 Target: 40,000 → 50,000',
    ]);
  });
});

describe('report view model: Simplified Chinese', () => {
  const v = view(exampleGrid('zh-CN'));

  it('speaks Chinese everywhere: labels, statuses, numbers and dates', () => {
    expect(v.company.labels).toBe(LABELS['zh-CN']);
    expect(v.company.verdict.objectives).toBe('2 个目标：1 个正常，1 个有风险。');
    expect(v.company.asOf).toBe('2026年11月15日');
    expect(v.company.pyramid.map((l) => l.name)).toEqual(['愿景', '策略', '战术', '关键任务', '量化评估']);
    expect(card(v, 'KR3').status.label).toBe('落后');
    expect(card(v, 'KR1').headline).toBe('92%');
    expect(
      v.company.roadmap.figure.chart?.type === 'roadmap' && v.company.roadmap.figure.chart.lanes[0],
    ).toBe('销售');
  });

  it('the report language can differ from the plan language', () => {
    const mixed = view(exampleGrid('en'), { lang: 'zh-CN' });
    expect(mixed.company.labels.keyResults).toBe('关键结果');
    expect(mixed.company.product).toBe('GEO Monitor: AI search optimisation monitoring');
  });
});

describe('report view model: large plans', () => {
  const wb = generatePlanWorkbook(120, { date: utcDate });
  const v = view(wb, { asOf: GENERATED_AS_OF });

  it('summarises on the company page and gives each department its own page with its cards', () => {
    expect(v.company.large).toBe(true);
    expect(v.company.keyResults.present).toBe(false);
    expect(v.company.largeNote).toMatch(/120 key results/);
    expect(v.departments).toHaveLength(40);
    const files = v.departments.map((d) => d.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files.every((f) => /^dept-[a-z0-9-]+\.html$/.test(f))).toBe(true);
    expect(v.departments.reduce((n, d) => n + d.cards.length, 0)).toBe(120);
    // Links to a key result point into its department's page.
    const page = v.departments[0];
    expect(page.cards[0].href).toBe(`${page.file}#${page.cards[0].anchor}`);
    expect(v.company.pyramid[3].objectives.length).toBeLessThanOrEqual(8);
    expect(v.company.pyramid[3].more).toBe('+32 more; the worst are listed first');
  });

  it("a department's page: its objectives with their status, then its key results, worst first", () => {
    const rank = (status: string) => STATUS_ORDER.indexOf(status as Status);
    const ranks = (list: { status: { key: string } }[]) => list.map((x) => rank(x.status.key));
    const sorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
    for (const page of v.departments) {
      expect(sorted(ranks(page.cards)), page.name).toBe(true);
      expect(sorted(ranks(page.objectives)), page.name).toBe(true);
    }
    expect(v.departments.reduce((n, d) => n + d.objectives.length, 0)).toBe(40);
    // The example as a large plan: Sales's objective, how far it is, and its key results by status.
    const sales = view(exampleGrid('en'), { largePlanKeyResults: 0 }).departments.find(
      (d) => d.name === 'Sales',
    )!;
    expect(sales.objectives.map((o) => o.id)).toEqual(['O1']);
    expect(sales.objectives[0].attainment).toMatch(/^\d+%$/);
    expect(sales.objectives[0].tally).toMatch(/^3 key results: /);
  });

  it('groups departments by status on the company page, worst first, each linked to its page', () => {
    expect(v.company.departments).toEqual([]);
    const groups = v.company.departmentGroups;
    const order = ['off-track', 'at-risk', 'no-data', 'on-track', 'not-started', 'done'];
    const keys = groups.map((g) => g.status.key);
    expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(groups.reduce((n, g) => n + g.departments.length, 0)).toBe(40);
    expect(groups.flatMap((g) => g.departments).every((d) => /^dept-[a-z0-9-]+\.html$/.test(d.href))).toBe(
      true,
    );
  });

  it('draws no per-KR charts beyond the limit, but keeps every data table', () => {
    const cards = v.departments.flatMap((d) => d.cards);
    expect(cards.every((c) => c.figure.chart === null)).toBe(true);
    expect(cards.filter((c) => c.figure.table.rows.length > 0).length).toBe(120);
  });

  it('a roadmap with too many departments for lanes has one lane per phase, and its table is what it draws', () => {
    const table = v.company.roadmap.figure.table;
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rows.some((row) => /^Key result due: \d+ · /.test(cellText(row[1])))).toBe(true);
    const chart = v.company.roadmap.figure.chart;
    expect(chart?.type === 'roadmap' && chart.mode).toBe('phases');
    if (chart?.type !== 'roadmap') return;
    expect(chart.lanes.length).toBeLessThanOrEqual(chart.phases.length + 1);
    expect(chart.milestones.reduce((n, m) => n + Number(m.label), 0)).toBe(120);
    // The months of key results due, in order within each lane (they were listed Aug, Jul, Oct …).
    const due = table.rows.filter((row) => /^Key result due/.test(cellText(row[1])));
    expect(due.length).toBeGreaterThan(1);
    for (const lane of new Set(due.map((row) => row[0]))) {
      const months = due.filter((row) => row[0] === lane).map((row) => Date.parse(`1 ${row[2]}`));
      expect(months.every((m) => !Number.isNaN(m))).toBe(true);
      expect(months).toEqual([...months].sort((a, b) => a - b));
    }
  });

  it('lists issues up to a limit per severity, some of every kind, and moves the rest to issues.html', () => {
    // Cut to a few, the list still shows each kind of problem the plan has, not only the first kind in sheet order.
    const few = view(wb, { asOf: GENERATED_AS_OF, issuesPerSeverity: 6 });
    const kinds = (groups: { severity: string; items: { code: string }[] }[], severity: string) =>
      new Set(groups.find((g) => g.severity === severity)?.items.map((i) => i.code));
    const every = kinds(few.issuesPage!.issues.groups, 'warning');
    expect(every.size).toBeGreaterThan(1);
    expect(kinds(few.company.issues.groups, 'warning')).toEqual(new Set([...every].slice(0, 6)));
    const small = view(wb, { asOf: GENERATED_AS_OF, issuesPerSeverity: 2 });
    expect(small.company.issues.groups.every((g) => g.items.length <= 2)).toBe(true);
    expect(small.company.issues.allHref).toBe('issues.html');
    expect(small.issuesPage?.issues.groups.reduce((n, g) => n + g.items.length, 0)).toBeGreaterThan(2);
  });
});

describe('report view model: department page files', () => {
  /** The example with its departments renamed (every cell that names one), as a large plan: a page each. */
  const renamed = (names: Record<string, string>, extra: string[] = []) => {
    const wb = cloneWorkbook(exampleGrid('en'));
    for (const grid of Object.values(wb))
      for (const row of grid)
        if (Array.isArray(row))
          row.forEach((cell, i) => {
            if (typeof cell === 'string' && Object.hasOwn(names, cell)) row[i] = names[cell];
          });
    // Departments added above the others, as a person inserts a row at the top of the tab.
    const departments = wb[tabName('departments')];
    departments.splice(1, 0, ...extra.map((name) => departments[0].map((_, i) => (i === 0 ? name : ''))));
    const v = view(wb, { asOf: EXAMPLE_AS_OF, largePlanKeyResults: 0 });
    return new Map(v.departments.map((page) => [page.name, page.file]));
  };
  const names = { Sales: 'Sales', Support: 'Sales!', Operations: '销售部', Marketing: '市场部' };

  it('are named after the department, one file each, even where two names give the same letters', () => {
    const files = renamed(names);
    // Two names that give the same letters are both told apart by their hash: which came first does not matter.
    expect(files.get('Sales')).toMatch(/^dept-sales-[0-9a-f]{8}\.html$/);
    expect(files.get('Sales!')).toMatch(/^dept-sales-[0-9a-f]{8}\.html$/);
    expect(files.get('销售部')).toMatch(/^dept-[0-9a-f]{8}\.html$/);
    expect(files.get('市场部')).toMatch(/^dept-[0-9a-f]{8}\.html$/);
    expect(new Set(files.values()).size).toBe(files.size);
  });

  it('stay the same when a department is added above the others (a shared link still opens its page)', () => {
    const before = renamed(names);
    const after = renamed(names, ['财务部', 'Finance']);
    expect(after.get('Finance')).toBe('dept-finance.html');
    for (const [name, file] of before) expect(after.get(name), name).toBe(file);
    expect(new Set(after.values()).size).toBe(after.size);
  });
});

/** The example with `count` more key results, copies of KR1 (KR11, KR12, …) with the cells given changed. */
function withCopiesOfKr1(count: number, cells: Record<string, string> = {}): Workbook {
  const wb = cloneWorkbook(exampleGrid('en'));
  const krs = wb[tabName('keyResults')];
  const kr1 = krs[rowOf(krs, 'KR1')];
  for (let i = 11; i < 11 + count; i++) {
    const row = [...kr1];
    row[colOf(krs, header('keyResults', 'id'))] = `KR${i}`;
    for (const [column, value] of Object.entries(cells)) row[colOf(krs, column)] = value;
    krs.push(row);
  }
  return wb;
}

describe('report view model: long lists are cut short on the page, never dropped', () => {
  // The example as a large plan, with twelve more Sales key results whose target cannot be read (left out) and
  // thirty rows on the Changes tab.
  const wb = withCopiesOfKr1(12, { [header('keyResults', 'target')]: 'TBD' });
  const changes = wb[tabName('changes')];
  for (let day = 1; day <= 30; day++) {
    const row = [...changes[1]];
    row[0] = `2026-07-${String(day).padStart(2, '0')} 09:00`;
    changes.push(row);
  }
  const v = view(wb, { asOf: EXAMPLE_AS_OF, largePlanKeyResults: 0 });

  it('left out: ten lines and how many more under the errors note; a department lists only its own', () => {
    expect(v.company.leftOut).toHaveLength(11);
    expect(v.company.leftOut.at(-1)).toBe('…and 2 more, each at its cell in the plan check');
    const sales = v.departments.find((d) => d.name === 'Sales')!;
    expect(sales.leftOut).toHaveLength(11);
    const marketing = v.departments.find((d) => d.name === 'Marketing')!;
    expect(marketing.leftOut).toEqual([]);
    expect(marketing.errorsNote).not.toBe('');
  });

  it('changes: the latest twenty on the company page, and where the rest are', () => {
    expect(v.company.changes.rows).toHaveLength(20);
    expect(v.company.changes.rows[0]).toMatchObject({ when: '30 Jul 2026', whenTime: '09:00' });
    expect(v.company.changes.more).toBe('The latest 20 changes are shown; every change is in plan.json.');
  });
});

describe('report view model: a roadmap of few items and many key results', () => {
  it('counts the key results due per month rather than labelling each with its ID', () => {
    const wb = withCopiesOfKr1(70);
    const v = view(wb, { asOf: EXAMPLE_AS_OF });
    const chart = v.company.roadmap.figure.chart;
    expect(chart?.type === 'roadmap' && chart.mode).toBe('departments');
    if (chart?.type !== 'roadmap') return;
    expect(chart.milestones.every((m) => /^\d+$/.test(m.label))).toBe(true);
    expect(chart.milestones.reduce((n, m) => n + Number(m.label), 0)).toBe(75);
    expect(v.company.roadmap.figure.table.rows.length).toBe(chart.bars.length + chart.milestones.length);
  });
});

describe('report view model: the roadmap table of a one-page plan', () => {
  it('lists every item, dated or not, while the chart draws every dated one', () => {
    const wb = cloneWorkbook(exampleGrid('en'));
    const roadmap = wb[tabName('roadmap')];
    const first = roadmap[1];
    for (let i = 1; i <= 56; i++) {
      const row = first.map(() => '') as typeof first;
      row[colOf(roadmap, header('roadmap', 'id'))] = `R${100 + i}`;
      row[colOf(roadmap, header('roadmap', 'item'))] = `Undated item ${i}`;
      row[colOf(roadmap, header('roadmap', 'owner'))] = first[colOf(roadmap, header('roadmap', 'owner'))];
      roadmap.push(row);
    }
    const v = view(wb);
    const chart = v.company.roadmap.figure.chart;
    expect(chart?.type === 'roadmap' && chart.mode).toBe('detail');
    expect(v.company.roadmap.figure.table.rows).toHaveLength(roadmap.length - 1);
  });
});

describe('report view model: helpers', () => {
  it('links only http(s) URLs', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>1</script>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });

  it('makes unique, inert HTML ids from any text', () => {
    const used = new Set<string>();
    expect(safeId('kr', 'KR1', used)).toBe('kr-kr1');
    expect(safeId('kr', 'kr1', used)).toBe('kr-kr1-2');
    expect(safeId('kr', '"><img src=x>', used)).toBe('kr-img-src-x');
    expect(safeId('kr', '销售', used)).toBe('kr-x');
  });

  it('formats numbers, money, rates, dates and months per language', () => {
    const f = new Formatter('en');
    expect(f.value(1_000_000, 'USD')).toBe('$1,000,000');
    expect(f.value(166_666.67, 'USD')).toBe('$166,667');
    expect(f.value(12.5, 'USD')).toBe('$12.50');
    expect(f.value(0.2, '%')).toBe('20%');
    expect(f.value(0.8667, '%')).toBe('87%');
    expect(f.value(0.065, '%')).toBe('6.5%');
    expect(f.value(50_000, 'sign-ups')).toBe('50,000 sign-ups');
    expect(f.value(null, 'USD')).toBe('–');
    expect(f.date('2026-03-24')).toBe('24 Mar 2026');
    expect(f.month('2026-03')).toBe('Mar 2026');
    const zh = new Formatter('zh-CN');
    expect(zh.value(1_000_000, 'USD')).toBe('US$1,000,000');
    expect(zh.date('2026-03-24')).toBe('2026年3月24日');
    expect(zh.month('2026-03')).toBe('2026年3月');
  });
});

describe('report view model: owners typed in the other script', () => {
  it('an owner typed 销售 in a Traditional plan is in the row and on the page of 銷售, not one of its own', () => {
    const wb = exampleGrid('zh-TW');
    const krs = wb[tabName('keyResults', 'zh-TW')];
    const owner = colOf(krs, header('keyResults', 'owner', 'zh-TW'));
    krs[rowOf(krs, 'KR1')][owner] = '销售';
    krs[rowOf(krs, 'KR4')][owner] = '研发';
    const small = view(wb);
    expect(small.company.departments.map((d) => d.name)).toEqual(['銷售', '市場', '營運', '研發', '客服']);
    expect(small.company.departments.find((d) => d.name === '銷售')!.keyResults.map((k) => k.id)).toEqual([
      'KR1',
    ]);
    // On their own pages, as a large plan has them: one page a department, its key results on it.
    const large = view(wb, { largePlanKeyResults: 1 });
    expect(large.departments.map((d) => d.name)).toEqual(['銷售', '市場', '營運', '研發', '客服']);
    // A department not on the Departments tab, first spelled one way on Objectives and another on Key Results:
    // its row holds its key result and shows its roll-up, not "no data".
    const unlisted = exampleGrid('zh-TW');
    const objectives = unlisted[tabName('objectives', 'zh-TW')];
    objectives[rowOf(objectives, 'O1')][colOf(objectives, header('objectives', 'owner', 'zh-TW'))] = '增長部';
    krs[rowOf(krs, 'KR1')][owner] = '增长部';
    unlisted[tabName('keyResults', 'zh-TW')] = krs;
    const row = view(unlisted).company.departments.find((d) => d.name === '增長部')!;
    expect(row.keyResults.map((k) => k.id)).toEqual(['KR1']);
    expect(row.status?.key).not.toBe('no-data');
    // (cards worst first)
    expect(
      large.departments
        .find((d) => d.name === '研發')!
        .cards.map((c) => c.id)
        .sort(),
    ).toEqual(['KR4', 'KR5']);
  });

  it('a department the Departments tab does not list is titled by its most used spelling, not its first', () => {
    const owned = (wb: Workbook, lang: Lang, tab: 'objectives' | 'keyResults', owners: Record<string, string>) => {
      for (const [id, owner] of Object.entries(owners)) setOwner(wb, tab, id, owner, lang);
    };
    const wb = exampleGrid('zh-TW');
    // One key result typed in Simplified characters above two in Traditional: the plan's department is 財務部.
    owned(wb, 'zh-TW', 'keyResults', { KR1: '财务部', KR2: '財務部', KR3: '財務部' });
    const { progress } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF, timeZone: 'UTC' });
    expect(Object.keys(progress.departments)).toContain('財務部');
    expect(Object.keys(progress.departments)).not.toContain('财务部');
    const names = view(wb).company.departments.map((d) => d.name);
    expect(names).toContain('財務部');
    expect(names).not.toContain('财务部');
    const row = view(wb).company.departments.find((d) => d.name === '財務部')!;
    expect(row.keyResults.map((k) => k.id).sort()).toEqual(['KR1', 'KR2', 'KR3']);
    const page = view(wb, { largePlanKeyResults: 1 }).departments.find((d) => d.name === '財務部');
    expect(page?.cards.map((c) => c.id).sort()).toEqual(['KR1', 'KR2', 'KR3']);
    // Spellings used as often: the one met first reading the tabs in order (Objectives before Key Results).
    const tie = exampleGrid('en');
    owned(tie, 'en', 'objectives', { O1: 'FINANCE' });
    // Twice each; FINANCE is on Objectives too.
    owned(tie, 'en', 'keyResults', { KR1: 'Finance', KR2: 'Finance', KR3: 'FINANCE' });
    expect(view(tie).company.departments.map((d) => d.name)).toContain('FINANCE');
    // A listed department keeps the Departments tab's spelling, however its rows spell it.
    owned(wb, 'zh-TW', 'keyResults', { KR4: '研发', KR5: '研发' });
    expect(view(wb).company.departments.map((d) => d.name)).toContain('研發');
  });
});

describe('a target that could not be read is not "not set"', () => {
  it('KR5 with 90 in its % Target shows "Not read: see the error"; a blank Target shows "Not set"', () => {
    const typo = exampleGrid('en');
    setCell(typo, tabName('keyResults'), 'KR5', header('keyResults', 'target'), 90);
    expect(fact(card(view(typo), 'KR5'), en.target)).toBe('Not read: see the error');
    const blank = exampleGrid('en');
    setCell(blank, tabName('keyResults'), 'KR5', header('keyResults', 'target'), '');
    expect(fact(card(view(blank), 'KR5'), en.target)).toBe('Not set');
  });

  it('a filled-in Target left unused by an error at the Baseline says "Not used", not "Not set"', () => {
    // KR3 plans 5% → 20%; a plain 1 as its Baseline is 1% or 100% (percent-one): the key result is left out.
    for (const lang of ['en', 'zh-TW'] as const) {
      const wb = exampleGrid(lang);
      setCell(wb, tabName('keyResults', lang), 'KR3', header('keyResults', 'baseline', lang), 1);
      const target = fact(card(view(wb, { lang }), 'KR3'), LABELS[lang].target);
      expect(target).toBe(lang === 'en' ? 'Not used: see the error' : '未採用：見錯誤');
    }
  });

  it('a KPI bar typed 5 for 5% in a % KPI: "Not read" in its tile', () => {
    const typo = exampleGrid('zh-TW');
    setCell(typo, tabName('kpis', 'zh-TW'), 'KPI1', header('kpis', 'target', 'zh-TW'), 5);
    const kpi = view(typo, { lang: 'zh-TW' }).company.pyramid.flatMap((l) => l.kpis).find((k) => k.id === 'KPI1')!;
    expect(kpi.target).toBe('無法讀取：見錯誤');
  });
});
