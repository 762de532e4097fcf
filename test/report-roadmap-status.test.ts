/**
 * A roadmap item's status where a leader looks, not only in the collapsed data table: a delayed, on hold, blocked or
 * not understood item is drawn outlined with ▲ and its status word on its label, a done one pale, the legend says
 * so, and the items not going as planned are listed under the chart (printed too: report-roadmap-browser.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { CATALOGUES, ENUMS, EXAMPLE_AS_OF } from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import { STATUS_COLORS } from '../report/render/palette';
import { exampleGrid, parse, roadmapStatusesGrid } from './helpers/report';

const html = (report: BuiltReport) => report.files.find((f) => f.name === 'index.html')!.data;

describe.each(['en', 'zh-TW'] as const)('roadmap statuses in %s', (lang) => {
  let doc: Document;
  const word = (s: keyof typeof ENUMS.roadmapStatus) => ENUMS.roadmapStatus[s][lang];
  const unread = CATALOGUES[lang].report.labels.unreadStatus;
  const item = (id: 'R1' | 'R6' | 'R8') => CATALOGUES[lang].example.rows.roadmap[id].item;
  beforeAll(async () => {
    doc = parse(html(await buildReport(roadmapStatusesGrid(lang), { asOf: EXAMPLE_AS_OF, source: null })));
  });

  it("draws each exception's ▲ and status word before its name on the timeline, and outlines its bar", () => {
    const svg = doc.querySelector('svg.chart-roadmap')!;
    const labels = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent!);
    const starts = (text: string) => labels.some((l) => l.startsWith(text));
    expect(starts(`▲ ${word('delayed')} · ${item('R6').slice(0, 6)}`), labels.join('\n')).toBe(true);
    expect(starts(`▲ ${word('blocked')} · `)).toBe(true);
    expect(starts(`▲ ${word('on-hold')} · ${item('R8').slice(0, 6)}`)).toBe(true);
    expect(starts(`▲ ${unread} · `)).toBe(true);
    // A done item's name is as typed: no mark.
    expect(labels).toContain(item('R1'));
    // Four bars with the dashed outline, none else.
    const outlined = Array.from(svg.querySelectorAll('.mark-rect path')).filter(
      (p) => p.getAttribute('stroke') === STATUS_COLORS['off-track'],
    );
    expect(outlined).toHaveLength(4);
    for (const p of outlined) expect(p.getAttribute('stroke-dasharray')).toBeTruthy();
  });

  it('says in the legend what the pale and the outlined bars are', () => {
    const legend = Array.from(doc.querySelectorAll('section[aria-labelledby="roadmap"] .legend li'));
    const done = legend.find((li) => li.querySelector('.swatch-bar-done'));
    const exception = legend.find((li) => li.querySelector('.swatch-bar-exception'));
    expect(done?.textContent).toContain(word('done'));
    for (const w of [word('delayed'), word('blocked'), word('on-hold'), unread])
      expect(exception?.textContent).toContain(w);
  });

  it('lists the items not going as planned under the chart, outside its data table, worst first', () => {
    const list = doc.querySelector('section[aria-labelledby="roadmap"] .roadmap-exceptions')!;
    expect(list.closest('details')).toBeNull();
    const rows = Array.from(list.querySelectorAll('li')).map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(rows.map((r) => r.match(/R\d+/)![0])).toEqual(['R7', 'R6', 'R9', 'R8']);
    expect(rows[1]).toContain(word('delayed'));
    expect(rows[1]).toContain(item('R6'));
    expect(rows[2]).toContain('取消');
    expect(rows[2]).toContain(unread);
    // What "not understood" means, in words, not only as a tooltip.
    expect(list.querySelector('.footnote')?.textContent).toContain(CATALOGUES[lang].report.labels.unreadStatusNote);
  });

  it("says a department's exceptions beside its count of items", () => {
    const cells = Array.from(doc.querySelectorAll('table.dept-table td:last-child')).map((td) => td.textContent!);
    expect(cells.some((c) => c.includes('▲') && c.includes(word('delayed')))).toBe(true);
    expect(cells.some((c) => c.includes('▲') && c.includes(word('on-hold')))).toBe(true);
  });
});

describe('the example, every item on course', () => {
  it('lists no exception and draws no outline', async () => {
    const doc = parse(html(await buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null })));
    expect(doc.querySelector('.roadmap-exceptions')).toBeNull();
    expect(doc.querySelector('.swatch-bar-exception')).toBeNull();
    expect(doc.querySelector('svg.chart-roadmap')!.textContent).not.toContain('▲');
  });
});
