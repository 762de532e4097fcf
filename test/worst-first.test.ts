/**
 * Lists that leadership reads for what needs attention come worst first (missed, off track, at risk before on track
 * and done; the plan's order among equals) wherever the page shows only some of them: a large plan's pyramid (a few
 * objectives and KPIs of hundreds), a department's page, and the three commitments of each kind per department.
 */
import { describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF, ENUMS, STATUS_LABELS, STATUS_ORDER, type Status, type Workbook } from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { utcDate } from '../report/write-xlsx';
import { addRow, cloneWorkbook, setCell } from './helpers/edit';
import { exampleGrid, header, parse, tabName } from './helpers/report';

const file = (report: BuiltReport, name: string) => report.files.find((f) => f.name === name)!.data;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const STATUS_OF_WORD = new Map(
  (Object.keys(STATUS_LABELS) as Status[]).map((s) => [STATUS_LABELS[s].en, s] as const),
);
/** What one listed item shows: its ID and its status, read from the words on the page. */
const shown = (items: Element[]) =>
  items.map((li) => ({
    id: text(li.querySelector('.id')),
    status: STATUS_OF_WORD.get(text(li.querySelector('.status .word')))!,
  }));
const rank = (s: Status) => STATUS_ORDER.indexOf(s);

/** Worst first, and the plan's order (IDs are numbered in it) among equals. */
function expectWorstFirst(list: { id: string; status: Status }[], label: string) {
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1], list[i]];
    expect(
      rank(a.status) < rank(b.status) || (a.status === b.status && a.id < b.id),
      `${label}: ${a.id} ${b.id}`,
    ).toBe(true);
  }
}

describe('a large plan leads with what needs attention', () => {
  // 150 key results: 50 objectives and departments, each objective's statuses mixed along the plan.
  let report: BuiltReport;
  let doc: Document;
  const build = async () => {
    report ??= await buildReport(generatePlanWorkbook(150, { date: utcDate }), {
      asOf: GENERATED_AS_OF,
      source: 'big.xlsx',
    });
    doc ??= parse(file(report, 'index.html'));
  };

  it('the pyramid names the worst objectives and KPIs, and says it counts the rest', async () => {
    await build();
    const level = (key: string) => doc.querySelector(`.pyramid .level-${key}`)!;
    const objectives = shown(Array.from(level('key-tasks').querySelectorAll('li.objective')));
    const kpis = shown(Array.from(level('assessment').querySelectorAll('li.kpi')));
    expect(objectives).toHaveLength(8);
    expect(kpis).toHaveLength(8);
    expectWorstFirst(objectives, 'objectives');
    expectWorstFirst(kpis, 'KPIs');
    // None left out is worse than one named: the page leads with the worst the plan has.
    const statuses = report.progress.objectives;
    const named = new Set(objectives.map((o) => o.id));
    const worstNamed = Math.max(...objectives.map((o) => rank(o.status)));
    for (const o of report.plan.objectives)
      if (!named.has(o.id)) expect(rank(statuses[o.id].status), o.id).toBeGreaterThanOrEqual(worstNamed);
    const namedKpis = new Set(kpis.map((k) => k.id));
    const worstKpi = Math.max(...kpis.map((k) => rank(k.status)));
    for (const k of report.progress.kpis)
      if (!namedKpis.has(k.id)) expect(rank(k.status), k.id).toBeGreaterThanOrEqual(worstKpi);
    // In the plan's order the page named O002 (at risk) and O003 (on track) ahead of missed objectives.
    expect(objectives.map((o) => `${o.id} ${o.status}`).slice(0, 3)).toEqual([
      'O001 missed',
      'O004 missed',
      'O005 missed',
    ]);
    expect(text(level('key-tasks').querySelector('.level-more'))).toBe(
      '+42 more; the worst are listed first',
    );
    expect(text(level('assessment').querySelector('.level-more'))).toBe(
      `+${report.plan.kpis.length - 8} more; the worst are listed first`,
    );
  });

  it("each department's page lists its KPIs worst first, as it does its objectives and key results", async () => {
    await build();
    let mixed = 0;
    for (const page of report.files.filter((f) => f.name.startsWith('dept-'))) {
      const dept = parse(page.data);
      const kpis = shown(Array.from(dept.querySelectorAll('.kpi-list li.kpi')));
      expectWorstFirst(kpis, page.name);
      if (new Set(kpis.map((k) => k.status)).size > 1) mixed++;
    }
    // Pages where the order is a choice (more than one status among its KPIs).
    expect(mixed).toBeGreaterThan(5);
  });
});

describe("a department's three commitments of each kind are its worst", () => {
  /**
   * The example with Sales owning more: KR1 (missed), KR2 (on track), KR4 (done), and a new KR6 at the end of the
   * tab, a conversion rate from 5% to 20% still at 6%: off track, and fourth in the plan's order.
   */
  function plan(): Workbook {
    const wb = cloneWorkbook(exampleGrid('en'));
    const krs = tabName('keyResults');
    setCell(wb, krs, 'KR2', header('keyResults', 'owner'), 'Sales');
    setCell(wb, krs, 'KR4', header('keyResults', 'owner'), 'Sales');
    const kr = (column: string) => header('keyResults', column);
    addRow(wb, krs, {
      [kr('id')]: 'KR6',
      [kr('objective')]: 'O1',
      [kr('title')]: 'Enterprise trial-to-paid conversion of 20%',
      [kr('owner')]: 'Sales',
      [kr('type')]: ENUMS.type.level.en,
      [kr('unit')]: '%',
      [kr('direction')]: ENUMS.direction.increase.en,
      [kr('baseline')]: 0.05,
      [kr('target')]: 0.2,
      [kr('start')]: utcDate('2026-03-01'),
      [kr('due')]: utcDate('2026-12-31'),
      [kr('phasing')]: ENUMS.phasing.even.en,
    });
    const a = (column: string) => header('actuals', column);
    addRow(wb, tabName('actuals'), {
      [a('date')]: utcDate('2026-10-31'),
      [a('metric')]: 'KR6',
      [a('value')]: 0.06,
    });
    return wb;
  }

  it('Sales shows KR1 missed, KR6 off track and KR2 on track, and one more: KR4, done', async () => {
    const report = await buildReport(plan(), { asOf: EXAMPLE_AS_OF, source: null });
    const doc = parse(file(report, 'index.html'));
    const sales = Array.from(doc.querySelectorAll('.dept-table tbody tr')).find(
      (tr) => text(tr.querySelector('.dept-name')) === 'Sales',
    )!;
    const keyResults = sales.querySelector('td[data-label="Key results"]')!;
    expect(shown(Array.from(keyResults.querySelectorAll('.commitments li')))).toEqual([
      { id: 'KR1', status: 'missed' },
      { id: 'KR6', status: 'off-track' },
      { id: 'KR2', status: 'on-track' },
    ]);
    expect(text(keyResults.querySelector('.more'))).toBe('+1 more');
  });
});
