/**
 * A large plan's report as a leader reads it: its roadmap, summarised into a bar per phase, still says which bars
 * hold items not going as planned (outlined, ▲ and how many of each, the legend's words), and a done phase is pale;
 * a department that owns nothing says so on its own page, as the company page does, not "no data".
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { CATALOGUES, ENUMS, STATUS_LABELS, type Lang, type Workbook } from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import { STATUS_COLORS } from '../report/render/palette';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { utcDate } from '../report/write-xlsx';
import { addRow, colOf } from './helpers/edit';
import { header, parse, tabName } from './helpers/report';

const page = (report: BuiltReport, name: string) => parse(report.files.find((f) => f.name === name)!.data.toString());

/**
 * A generated plan (its launch items done, its growth items planned, in progress or blocked at random) with one growth
 * item delayed and one on hold: three exceptions' words, and how many of each, in one phase.
 */
function plan(keyResults: number, lang: Lang): { wb: Workbook; counts: Map<string, number> } {
  const wb = generatePlanWorkbook(keyResults, { date: utcDate, lang });
  const grid = wb[tabName('roadmap', lang)];
  const status = colOf(grid, header('roadmap', 'status', lang));
  const word = (s: keyof typeof ENUMS.roadmapStatus) => ENUMS.roadmapStatus[s][lang];
  const growth = grid.filter((r, i) => i > 0 && r[status] !== word('done'));
  growth[0][status] = word('delayed');
  growth[1][status] = word('on-hold');
  const counts = new Map<string, number>();
  for (const r of growth) counts.set(String(r[status]), (counts.get(String(r[status])) ?? 0) + 1);
  return { wb, counts };
}

// 200 key results: 67 departments, too many for lanes (a lane per phase); 90: 30 department lanes, a bar per
// department and phase.
describe.each([
  ['en', 200, 'phases'],
  ['zh-TW', 200, 'phases'],
  ['en', 90, 'departments'],
] as const)('a large plan’s roadmap in %s, %i key results (%s)', (lang, keyResults, mode) => {
  const word = (s: keyof typeof ENUMS.roadmapStatus) => ENUMS.roadmapStatus[s][lang];
  const phrases = CATALOGUES[lang].report.phrases;
  let doc: Document;
  let counts: Map<string, number>;
  beforeAll(async () => {
    const made = plan(keyResults, lang);
    counts = made.counts;
    doc = page(await buildReport(made.wb, { asOf: GENERATED_AS_OF, source: null }), 'index.html');
  });

  it('summarises the roadmap (the layout this test is about): its data table is its bars, by phase or department', () => {
    const labels = CATALOGUES[lang].report.labels;
    const head = doc.querySelector('section[aria-labelledby="roadmap"] figure table thead th')!.textContent;
    expect(head).toBe(mode === 'phases' ? labels.phase : labels.owner);
  });

  it('leads each bar holding exceptions with ▲ and how many of each, worst first, and outlines it', () => {
    const svg = doc.querySelector('svg.chart-roadmap')!;
    const labels = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent!);
    const marked = labels.filter((l) => l.startsWith('▲ '));
    expect(marked.length, labels.join('\n')).toBeGreaterThan(0);
    // The plan's one delayed and one on-hold item are each in one bar, said with their count; blocked comes first.
    const sep = lang === 'en' ? ', ' : '、';
    const count = (s: 'delayed' | 'on-hold') => phrases.statusCount('1', word(s));
    expect(marked.some((l) => l.includes(count('delayed')))).toBe(true);
    expect(marked.some((l) => l.includes(count('on-hold')))).toBe(true);
    if (mode === 'phases') {
      // One growth bar holds every growth item: all its exceptions, counted.
      const blocked = phrases.statusCount(String(counts.get(word('blocked'))), word('blocked'));
      expect(marked).toHaveLength(1);
      expect(marked[0]).toContain(`▲ ${blocked}${sep}${count('delayed')}${sep}${count('on-hold')} · `);
    }
    // The bars with the dashed outline are as many as the labels with ▲: a few, however many items.
    const outlined = Array.from(svg.querySelectorAll('.mark-rect path')).filter(
      (p) => p.getAttribute('stroke') === STATUS_COLORS['off-track'] && p.getAttribute('stroke-dasharray'),
    );
    expect(outlined).toHaveLength(marked.length);
  });

  it('draws a phase whose items are all done pale, and says in the legend what the marks are', () => {
    const svg = doc.querySelector('svg.chart-roadmap')!;
    const pale = Array.from(svg.querySelectorAll('.mark-rect path')).filter(
      (p) => p.getAttribute('fill-opacity') === '0.3',
    );
    expect(pale.length).toBeGreaterThan(0);
    const legend = Array.from(doc.querySelectorAll('section[aria-labelledby="roadmap"] .legend li'));
    const done = legend.find((li) => li.querySelector('.swatch-bar-done'));
    const exception = legend.find((li) => li.querySelector('.swatch-bar-exception'));
    expect(done?.textContent).toBe(phrases.roadmapDoneLegend(word('done')));
    expect(exception?.textContent).toBe(
      phrases.roadmapExceptionLegend('▲', [word('blocked'), word('delayed'), word('on-hold')].join(lang === 'en' ? ', ' : '、')),
    );
  });

  it('says in its caption how a bar holding exceptions is drawn', () => {
    const caption = doc.querySelector('section[aria-labelledby="roadmap"] figure figcaption')!.textContent!;
    expect(caption).toContain(phrases.roadmapSummaryMarks('▲'));
  });

  it("says the exceptions in the chart's data table too", () => {
    const rows = Array.from(doc.querySelectorAll('section[aria-labelledby="roadmap"] figure table tbody tr')).map(
      (tr) => tr.textContent!,
    );
    expect(rows.some((r) => r.includes('▲') && r.includes(word('delayed')))).toBe(true);
  });
});

describe.each(['en', 'zh-TW'] as const)('a large plan’s department that owns nothing (%s)', (lang) => {
  it('says so on its own page, in the words the company page uses, not "no data"', async () => {
    const wb = generatePlanWorkbook(200, { date: utcDate, lang });
    const legal = lang === 'en' ? 'Legal' : '法務';
    addRow(wb, tabName('departments', lang), { [header('departments', 'name', lang)]: legal });
    const report = await buildReport(wb, { asOf: GENERATED_AS_OF, source: null });
    const company = page(report, 'index.html');
    const link = Array.from(company.querySelectorAll('.dept-links a')).find((a) => a.textContent === legal)!;
    const ownsNothing = CATALOGUES[lang].report.labels.ownsNothing;
    expect(link.closest('li')!.textContent).toContain(ownsNothing);

    const dept = page(report, link.getAttribute('href')!);
    const verdict = dept.querySelector('header .verdict')!;
    expect(verdict.textContent).toContain(ownsNothing);
    expect(verdict.textContent).not.toContain(STATUS_LABELS['no-data'][lang]);
    // A department that owns something still shows its status there.
    const other = company.querySelector('.dept-links a:not([href="' + link.getAttribute('href') + '"])')!;
    const otherVerdict = page(report, other.getAttribute('href')!).querySelector('header .verdict')!;
    expect(otherVerdict.querySelector('.status')).not.toBeNull();
    expect(otherVerdict.textContent).not.toContain(ownsNothing);
  });
});
