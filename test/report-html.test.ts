import { createHash } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { CATALOGUES, ENUMS, EXAMPLE_AS_OF, matchTab, STRATEGY_FIELDS, tabDef, type Lang, type Workbook } from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import { LABELS } from '../report/i18n';
import type { PlanJson } from '../report/plan-json';
import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { planToXlsxBuffer, utcDate } from '../report/write-xlsx';
import { readXlsxBuffer } from '../report/read-xlsx';
import { addRow, dropColumn, setCell } from './helpers/edit';
import { exampleGrid, header, parse, setOwner, tabName, XSS, xssWorkbook } from './helpers/report';

const file = (report: BuiltReport, name: string) => report.files.find((f) => f.name === name)!.data;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const texts = (doc: Document, selector: string) =>
  Array.from(doc.querySelectorAll(selector)).map((e) => e.textContent!.trim());

/** What every page must be: CSP first, styles by hash, no style attributes, no scripts or handlers, safe links. */
function expectLockedDown(html: string): Document {
  const doc = parse(html);
  const head = doc.querySelector('head')!;
  const first = head.firstElementChild!;
  expect(first.tagName.toLowerCase()).toBe('meta');
  expect(first.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  const csp = first.getAttribute('content')!;
  const styles = doc.querySelectorAll('style');
  expect(styles).toHaveLength(1);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`style-src 'sha256-${sha256(styles[0].textContent!)}'`);
  expect(csp).toContain('img-src data:');
  expect(csp).not.toMatch(/unsafe|script-src/);
  expect(styles[0].parentElement?.tagName.toLowerCase()).toBe('head');
  expect(doc.querySelectorAll('[style]')).toHaveLength(0);
  expect(doc.querySelectorAll('script, iframe, object, embed, img, link, base, form')).toHaveLength(0);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of el.getAttributeNames())
      expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).toBe(false);
  }
  for (const a of Array.from(doc.querySelectorAll('[href]'))) {
    const href = a.getAttribute('href')!;
    expect(href, href).toMatch(/^(#[a-z0-9_-]+|[a-z0-9_-]+\.html(#[a-z0-9_-]+)?|https?:\/\/.+)$/);
  }
  const ids = Array.from(doc.querySelectorAll('[id]')).map((e) => e.getAttribute('id'));
  expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
  return doc;
}

describe('report HTML: the example plan', () => {
  let report: BuiltReport;
  let doc: Document;
  beforeAll(async () => {
    report = await buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null });
    doc = expectLockedDown(file(report, 'index.html'));
  });

  it('writes index.html and plan.json, one self-contained page under 300 KB', () => {
    expect(report.files.map((f) => f.name)).toEqual(['index.html', 'plan.json']);
    expect(Buffer.byteLength(file(report, 'index.html'))).toBeLessThan(300_000);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
  });

  it('has every section, each heading with an anchor to itself', () => {
    const ids = ['pyramid', 'roadmap', 'key-results', 'departments', 'plan-check', 'changes'];
    // What is off track, and who owns it, comes first, in the header under the counts (not a section of the contents).
    expect(Array.from(doc.querySelectorAll('h2')).map((h) => h.id)).toEqual(['off-track', ...ids]);
    for (const id of ids) expect(doc.querySelector(`h2#${id} a.anchor`)?.getAttribute('href')).toBe(`#${id}`);
    expect(Array.from(doc.querySelectorAll('nav.toc a')).map((a) => a.getAttribute('href'))).toEqual(
      ids.map((id) => `#${id}`),
    );
  });

  it('header: product, period, as-of and the verdict', () => {
    expect(doc.querySelector('h1')!.textContent).toBe('GEO Monitor: AI search optimisation monitoring');
    const meta = texts(doc, '.meta dd');
    expect(meta).toEqual(['Jan 2026 – Dec 2026', '15 Nov 2026', 'the built-in example plan']);
    expect(doc.querySelector('.verdict')!.textContent).toContain('2 objectives: 1 on track, 1 at risk.');
    expect(doc.querySelector('.verdict .status')!.textContent).toContain('at risk');
  });

  it('the pyramid has five levels top-down, with counts', () => {
    const levels = doc.querySelectorAll('ol.pyramid > li.level');
    expect(levels).toHaveLength(5);
    expect(texts(doc, '.level-name')).toEqual([
      'Vision',
      'Strategy',
      'Tactics',
      'Key tasks',
      'Quantitative assessment',
    ]);
    expect(texts(doc, '.level-count')).toEqual([
      '4 of 4 answered',
      '2 objectives · 5 key results',
      '3 KPIs · 1 at risk, 2 off track',
    ]);
    expect(doc.querySelectorAll('.level-key-tasks .kr-list li')).toHaveLength(5);
    expect(doc.querySelectorAll('.level-assessment .kpi')).toHaveLength(3);
  });

  it('every key result has a card with its numbers, status in words, a figure with caption and data table', () => {
    const cards = Array.from(doc.querySelectorAll('article.card'));
    expect(cards.map((c) => c.id)).toEqual(['kr-kr1', 'kr-kr2', 'kr-kr3', 'kr-kr4', 'kr-kr5']);
    const kr1 = cards[0].textContent!;
    expect(kr1).toContain('92%');
    expect(kr1).toContain('$1,000,000');
    expect(kr1).toContain('$920,000');
    expect(cards[2].querySelector('.status')!.textContent).toContain('off track');
    for (const c of cards) {
      const figure = c.querySelector('figure')!;
      // A caption says what the chart draws: a milestone has no chart, so no caption.
      const drawn = figure.querySelector('svg.chart') !== null;
      expect(figure.querySelector('figcaption')?.textContent!.length ?? 0, c.id).toBeGreaterThan(drawn ? 10 : -1);
      expect(figure.querySelector('figcaption') !== null, c.id).toBe(drawn);
      expect(figure.querySelector('details > summary')!.textContent).toBe(LABELS.en.dataTable);
      expect(figure.querySelectorAll('details table tbody tr').length).toBeGreaterThan(0);
    }
    // Milestones have no chart; the others have an inline SVG with an accessible name.
    expect(cards.map((c) => c.querySelectorAll('figure svg.chart').length)).toEqual([1, 1, 1, 0, 1]);
    for (const svg of Array.from(doc.querySelectorAll('svg.chart'))) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')!.length).toBeGreaterThan(5);
    }
  });

  it('the roadmap is a figure with a timeline, an HTML legend, a caption and a data table of every item', () => {
    const figure = doc.querySelector('section[aria-labelledby="roadmap"] figure')!;
    expect(figure.querySelector('svg.chart-roadmap')).not.toBeNull();
    const svgText = texts(figure as unknown as Document, 'svg text').join(' ');
    for (const lane of ['Sales', 'Marketing', 'Operations', 'R&D', 'Support'])
      expect(svgText).toContain(lane);
    expect(svgText).toContain('KR3');
    expect(svgText).toContain('As of 15 Nov 2026');
    expect(texts(figure as unknown as Document, '.legend li')).toContain('Growth');
    expect(figure.querySelectorAll('details tbody tr')).toHaveLength(9);
  });

  it('departments, plan check (naming the cell) and changes', () => {
    expect(doc.querySelectorAll('.dept-table tbody tr')).toHaveLength(5);
    expect(doc.querySelector('.issue')!.textContent).toContain(`${tabDef('objectives').label.en} · B2`);
    expect(doc.querySelectorAll('.issue')[1].textContent).toContain(`${tabDef('keyResults').label.en} · I4`);
    expect(doc.querySelector('.issue-group h3')!.textContent).toContain('Warnings');
    const change = doc.querySelector('section[aria-labelledby="changes"] tbody tr')!.textContent!;
    expect(change).toContain('KR3');
    expect(change).toContain('25%');
    expect(change).toContain('20%');
    // The day is kept on one line ("2026年11月2 / 日" broke in a narrow column); the time may go to the next.
    const when = doc.querySelector('section[aria-labelledby="changes"] tbody td')!;
    expect(when.querySelector('.nowrap')!.textContent).toBe('2 Jun 2026');
    expect(when.textContent!.replace(/\s+/g, ' ').trim()).toBe('2 Jun 2026 10:15');
  });

  it('changes say who made them, next to when', () => {
    const table = doc.querySelector('section[aria-labelledby="changes"] table')!;
    expect(texts(table as unknown as Document, 'thead th').slice(0, 3)).toEqual(['When', 'Who', 'ID']);
    const who = table.querySelector('tbody td[data-label="Who"]')!;
    expect(who.textContent).toBe('ana.silva@example.com');
    expect(who.previousElementSibling!.getAttribute('data-label')).toBe('When');
  });

  it('plan.json carries per-KR months, attainment, status and forecast, and the issues with their cells', () => {
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    expect(json.version).toBe(1);
    expect(json.asOf).toBe('2026-11-15');
    const kr2 = json.keyResults.find((k) => k.id === 'KR2')!;
    expect(kr2).toMatchObject({
      owner: 'Marketing',
      type: 'cumulative',
      target: 50000,
      actualToDate: 37600,
      status: 'on-track',
      forecast: 47400,
    });
    expect(kr2.attainment).toBeCloseTo(0.752);
    expect(kr2.months.find((m) => m.month === '2026-03')).toEqual({
      month: '2026-03',
      target: 5000,
      actual: 3200,
      planned: 5000,
      standing: 3200,
    });
    expect(json.kpis.map((k) => k.id)).toEqual(['KPI1', 'KPI2', 'KPI3']);
    expect(json.issues).toEqual([
      expect.objectContaining({
        code: 'funnel-mismatch',
        sheet: 'Objectives',
        cell: 'B2',
        severity: 'warning',
      }),
      expect.objectContaining({ code: 'behind-pace', sheet: 'Key Results', cell: 'I4', severity: 'warning' }),
    ]);
    expect(json.summary.issues).toEqual({ error: 0, warning: 2, tip: 0 });
  });

  it("plan.json's roll-ups count what they rolled up: Support, which owns no key result, rolls up its KPI, not a key result", () => {
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    const department = (name: string) => json.departments.find((d) => d.name === name)!.progress;
    // Support owns KPI2 only (first response ≤ 1 hour, met in 4 of 8 months): judged by it, off track.
    expect(department('Support')).toEqual({
      attainment: 0.5,
      expectedAttainment: 1,
      status: 'off-track',
      keyResults: 0,
      kpis: 1,
    });
    // Sales owns KR1 and KPI1: judged by its key result only, so its KPI is not counted.
    expect(department('Sales')).toMatchObject({ keyResults: 1, kpis: 0 });
    expect(department('R&D')).toMatchObject({ keyResults: 2, kpis: 0 });
    expect(json.objectives.map((o) => [o.id, o.progress!.keyResults, o.progress!.kpis])).toEqual([
      ['O1', 3, 0],
      ['O2', 2, 0],
    ]);
  });
});

describe('report HTML: Simplified Chinese', () => {
  it('labels, sections and numbers in Chinese', async () => {
    const report = await buildReport(exampleGrid('zh-CN'), { asOf: EXAMPLE_AS_OF, source: null });
    const doc = expectLockedDown(file(report, 'index.html'));
    const zh = LABELS['zh-CN'];
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(Array.from(doc.querySelectorAll('h2')).map((h) => h.firstChild!.textContent!.trim())).toEqual([
      zh.attentionTitle,
      zh.pyramid,
      zh.roadmap,
      zh.keyResults,
      zh.departments,
      zh.planCheck,
      zh.changes,
    ]);
    expect(doc.querySelector('h1')!.textContent).toBe('GEO Monitor：AI 搜索优化监测软件');
    expect(doc.querySelector('article.card')!.textContent).toContain('92%');
    expect(doc.querySelector('.meta')!.textContent).toContain('2026年11月15日');
    // Punctuation in Chinese too: 追踪指标：, never an ASCII colon after a Chinese label.
    const tracked = Array.from(doc.querySelectorAll('.tracked .small')).map((e) => e.textContent);
    expect(tracked.length).toBeGreaterThan(0);
    for (const label of tracked) expect(label).toBe(`${zh.trackedBy}：`);
  });

  for (const lang of ['en', 'zh-CN'] as Lang[]) {
    it(`the report language follows --lang over the plan (${lang})`, async () => {
      const report = await buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: 'plan.xlsx', lang });
      const doc = parse(file(report, 'index.html'));
      expect(doc.documentElement.getAttribute('lang')).toBe(lang);
      expect(doc.querySelector('h2#pyramid')!.textContent).toContain(LABELS[lang].pyramid);
    });
  }
});

describe('report HTML: a bar to meet every month says why its status is what it is', () => {
  /**
   * The example with KR2 made a threshold (≥ 5,000 sign-ups a month, KPI3's bar) and October's sign-ups 6,200: the
   * latest reading of KR2 and KPI3 is over the bar, but only 4 of the 8 months judged met it, so both are off track.
   */
  function aboveTheBar(lang: Lang) {
    const wb = exampleGrid(lang);
    const kr = tabName('keyResults', lang);
    setCell(wb, kr, 'KR2', header('keyResults', 'type', lang), ENUMS.type.threshold[lang]);
    setCell(wb, kr, 'KR2', header('keyResults', 'target', lang), 5000);
    // The example checks KR2 in as KPI3 reads it (3,200 … 4,900 from March to October).
    for (const row of wb[tabName('actuals', lang)])
      if (row[0] instanceof Date && row[0].toISOString().startsWith('2026-10') && /^(KR2|KPI3)$/.test(String(row[1])))
        row[2] = 6200;
    return wb;
  }
  const why = {
    en: 'met in 4 of 8 months',
    'zh-CN': '8 个月中有 4 个月达标',
    'zh-TW': '8 個月中有 4 個月達標',
  } as const;

  for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
    it(`"6,200 sign-ups (bar ≥ 5,000) · off track" comes with "${why[lang]}", beside the status (${lang})`, async () => {
      const report = await buildReport(aboveTheBar(lang), { asOf: EXAMPLE_AS_OF, source: null });
      const doc = expectLockedDown(file(report, 'index.html'));
      const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
      for (const id of ['KR2', 'KPI3']) {
        const metric = [...json.keyResults, ...json.kpis].find((m) => m.id === id)!;
        expect(metric, id).toMatchObject({ current: 6200, monthsMet: 4, monthsJudged: 8, status: 'off-track' });
      }
      const card = doc.querySelector('#kr-kr2')!;
      const kpi = Array.from(doc.querySelectorAll('.level-assessment li.kpi')).find((k) =>
        k.textContent!.includes('KPI3'),
      )!;
      for (const [what, el] of [['KR2 card', card.querySelector('.card-head')!], ['KPI3', kpi]] as const) {
        const beside = el.querySelector('.pill-why')!;
        expect(beside, what).not.toBeNull();
        expect(beside.querySelector('.status-off-track'), what).not.toBeNull();
        expect(beside.querySelector('.why')!.textContent, what).toBe(why[lang]);
      }
      // The latest reading the status sits beside, as the card and the KPI show it.
      expect(card.textContent).toContain(lang === 'en' ? '6,200 sign-ups' : '6,200');
      expect(kpi.querySelector('.kpi-figures')!.textContent).toContain('6,200');
    });
  }

  it('a metric that is not a bar to meet has nothing beside its status', () => {
    return buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null }).then((report) => {
      const doc = parse(file(report, 'index.html'));
      for (const card of Array.from(doc.querySelectorAll('article.card')))
        expect(card.querySelector('.pill-why .why'), card.id).toBeNull();
      // Every KPI of the example is one: each says how many months met its bar.
      expect(texts(doc, '.level-assessment .kpi .why')).toEqual([
        'met in 5 of 6 months',
        'met in 4 of 8 months',
        'met in 3 of 8 months',
      ]);
    });
  });
});

describe('report HTML: hostile cell values are text', () => {
  let report: BuiltReport;
  let html: string;
  let doc: Document;
  beforeAll(async () => {
    report = await buildReport(xssWorkbook(), {
      asOf: EXAMPLE_AS_OF,
      source: '<b onmouseover="x">plan.xlsx',
    }); // a file name may hold markup, never a path
    html = file(report, 'index.html');
    doc = expectLockedDown(html);
  });

  it('no payload becomes markup: no scripts, images, handlers, extra styles or javascript: links', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelectorAll('svg:not(.chart):not(.bar)')).toHaveLength(0);
  });

  it('every payload is shown, literally, as text', () => {
    const body = doc.querySelector('body')!.textContent!;
    expect(doc.querySelector('h1')!.textContent).toBe(`GEO ${XSS.script}`);
    expect(body).toContain(XSS.img);
    expect(body).toContain(XSS.svg);
    expect(body).toContain(XSS.style);
    expect(body).toContain(XSS.attr);
    expect(body).toContain(XSS.js); // the objective's notes: shown, not linked
    expect(doc.querySelector('.meta')!.textContent).toContain('<b onmouseover="x">plan.xlsx');
    // Inside the charts too: the roadmap item and the phase are SVG text.
    const svgText = texts(doc, 'svg.chart-roadmap text').join('\n');
    expect(svgText).toContain('<svg onload=');
  });

  it('plan.json keeps the values as they are (it is data, not markup)', () => {
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    expect(json.keyResults[0].name).toBe(`Sales ${XSS.img}`);
    expect(json.changes.map((c) => c.who)).toContain(XSS.img);
  });
});

describe('report HTML: who changed a target, read from an .xlsx written by exceljs', () => {
  const whoCells = (doc: Document) => texts(doc, 'section[aria-labelledby="changes"] tbody td[data-label="Who"]');

  it('shows the logged e-mail and a name typed by hand as typed (escaped), and plan.json carries both', async () => {
    const grid = exampleGrid('en');
    addRow(grid, 'Changes', {
      Timestamp: utcDate('2026-09-01'),
      Sheet: 'Key Results',
      Cell: 'I2',
      ID: 'KR1',
      Field: 'Target',
      'Old value': 1_000_000,
      'New value': 1_100_000,
      Who: 'Maria Chen <Sales> & co',
    });
    const workbook = await readXlsxBuffer(await planToXlsxBuffer(grid, { lang: 'en' }), 'plan.xlsx');
    const report = await buildReport(workbook, { asOf: EXAMPLE_AS_OF, source: 'plan.xlsx' });
    const html = file(report, 'index.html');
    const doc = expectLockedDown(html);
    expect(whoCells(doc)).toEqual(['Maria Chen <Sales> & co', 'ana.silva@example.com']); // newest first
    expect(html).toContain('Maria Chen &lt;Sales&gt; &amp; co');
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    expect(json.changes.map((c) => [c.id, c.who])).toEqual([
      ['KR3', 'ana.silva@example.com'],
      ['KR1', 'Maria Chen <Sales> & co'],
    ]);
  });

  it('a log made before the Who column: its changes show no one, and the plan has the same issues', async () => {
    const grid = exampleGrid('en');
    const before = await buildReport(
      await readXlsxBuffer(await planToXlsxBuffer(grid, { lang: 'en' }), 'plan.xlsx'),
      { asOf: EXAMPLE_AS_OF, source: null },
    );
    dropColumn(grid, 'Changes', 'Who');
    const report = await buildReport(
      await readXlsxBuffer(await planToXlsxBuffer(grid, { lang: 'en' }), 'plan.xlsx'),
      { asOf: EXAMPLE_AS_OF, source: null },
    );
    expect(whoCells(parse(file(report, 'index.html')))).toEqual([LABELS.en.none]);
    const issues = (r: BuiltReport) => (JSON.parse(file(r, 'plan.json')) as PlanJson).issues;
    expect(issues(report)).toEqual(issues(before));
    expect((JSON.parse(file(report, 'plan.json')) as PlanJson).changes[0].who).toBe('');
  });
});

describe('report HTML: ids made from IDs', () => {
  it("a key result named like another's heading id (KR1-title) gets an id of its own, and links open its card", async () => {
    const wb = exampleGrid('en');
    for (const grid of Object.values(wb))
      for (const row of grid)
        if (Array.isArray(row)) row.forEach((c, i) => c === 'KR2' && (row[i] = 'KR1-title'));
    const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
    const doc = expectLockedDown(file(report, 'index.html'));
    const link = Array.from(doc.querySelectorAll('a[href^="#kr-"]')).find((a) =>
      a.textContent?.includes('KR1-title'),
    );
    const card = doc.getElementById(link!.getAttribute('href')!.slice(1));
    expect(card?.tagName.toLowerCase()).toBe('article');
    expect(card?.textContent).toContain('KR1-title');
  });
});

describe('report HTML: a large plan', () => {
  it('writes a company page, a page per department and plan.json, every page locked down and linked', async () => {
    const report = await buildReport(generatePlanWorkbook(150, { date: utcDate }), {
      asOf: GENERATED_AS_OF,
      source: 'big.xlsx',
    });
    const names = report.files.map((f) => f.name);
    expect(names[0]).toBe('index.html');
    expect(names.at(-1)).toBe('plan.json');
    const pages = names.filter((n) => n.startsWith('dept-'));
    expect(pages).toHaveLength(50);
    const index = expectLockedDown(file(report, 'index.html'));
    expect(index.querySelectorAll('article.card')).toHaveLength(0);
    expect(index.querySelectorAll('.dept-links li')).toHaveLength(50);
    const links = new Set(
      Array.from(index.querySelectorAll('a[href$=".html"], a[href*=".html#"]')).map(
        (a) => a.getAttribute('href')!.split('#')[0],
      ),
    );
    for (const link of links) expect(names).toContain(link);
    let cards = 0;
    for (const page of pages) {
      const doc = expectLockedDown(file(report, page));
      cards += doc.querySelectorAll('article.card').length;
      expect(doc.querySelector('a[href="index.html"]')).not.toBeNull();
    }
    expect(cards).toBe(150);
  });
});

describe('report HTML: a card says its due date once', () => {
  it('a milestone not yet done says so, its due date under Target alone; every card names its due date once', async () => {
    const dueDates: Record<string, Record<string, string>> = {
      en: { KR1: '31 Aug 2026', KR2: '31 Dec 2026', KR3: '31 Dec 2026', KR4: '31 Mar 2026', KR5: '31 Dec 2026' },
      'zh-TW': {
        KR1: '2026年8月31日',
        KR2: '2026年12月31日',
        KR3: '2026年12月31日',
        KR4: '2026年3月31日',
        KR5: '2026年12月31日',
      },
    };
    for (const lang of ['en', 'zh-TW'] as const) {
      // On 1 March the release (KR4, due 31 March) is not done yet.
      const report = await buildReport(exampleGrid(lang), { asOf: '2026-03-01', source: null, lang });
      const doc = parse(file(report, 'index.html'));
      for (const [id, due] of Object.entries(dueDates[lang])) {
        const card = doc.getElementById(`kr-${id.toLowerCase()}`)!;
        card.querySelector('details')?.remove();
        expect(card.textContent!.split(due).length - 1, `${lang} ${id}`).toBe(1);
      }
      const kr4 = doc.getElementById('kr-kr4')!;
      expect(kr4.querySelector('.headline')!.textContent, lang).toBe(lang === 'en' ? 'Not done yet' : '尚未完成');
      expect(kr4.querySelector('.facts dd')!.textContent, lang).toBe(
        lang === 'en' ? 'Due 31 Mar 2026' : '截止 2026年3月31日',
      );
    }
  });
});

describe("report HTML: a key result's caption says what its chart draws, and only where one is drawn", () => {
  /** Each card's caption (null where it has none) and the words its chart draws, by card id. */
  function captions(html: string) {
    const doc = parse(html);
    return Object.fromEntries(
      Array.from(doc.querySelectorAll('article.card')).map((c) => [
        c.id,
        {
          caption: c.querySelector('figure > figcaption')?.textContent ?? null,
          drawn: texts(c as unknown as Document, 'figure svg.chart text'),
        },
      ]),
    );
  }

  it('the example, with a key result not started: no line named that is not drawn', async () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      const grid = exampleGrid(lang);
      const h = (column: string) => header('keyResults', column, lang);
      addRow(grid, tabName('keyResults', lang), {
        [h('id')]: 'KR6',
        [h('objective')]: 'O2',
        [h('title')]: lang === 'en' ? 'Net promoter score of 40' : '淨推薦值達到 40',
        [h('owner')]: lang === 'en' ? 'Support' : '客服',
        [h('type')]: ENUMS.type.level[lang],
        [h('direction')]: ENUMS.direction.increase[lang],
        [h('baseline')]: 10,
        [h('target')]: 40,
        [h('start')]: utcDate('2026-09-01'),
        [h('due')]: utcDate('2026-12-31'),
      });
      const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null, lang });
      const cards = captions(file(report, 'index.html'));
      const [forecast, actual] = [CATALOGUES[lang].report.phrases.forecastLabel(), LABELS[lang].actual];
      const expected =
        lang === 'en'
          ? {
              // Missed: its due month is checked in, so no forecast is drawn.
              'kr-kr1': 'KR1: cumulative target path against actuals.',
              'kr-kr2': 'KR2: cumulative target path against actuals, with the forecast to Dec 2026.',
              'kr-kr4': null,
              'kr-kr6': 'KR6: planned level path; nothing measured yet.',
            }
          : {
              'kr-kr1': 'KR1：累計目標值路徑與實際值對比。',
              'kr-kr2': 'KR2：累計目標值路徑與實際值對比，並預測至 2026年12月。',
              'kr-kr4': null,
              'kr-kr6': 'KR6：計畫水準路徑；尚無實測值。',
            };
      for (const [id, caption] of Object.entries(expected)) expect(cards[id].caption, `${lang} ${id}`).toBe(caption);
      // The charts' legends agree: no forecast where none is drawn, no actuals before the first check-in.
      expect(cards['kr-kr1'].drawn, lang).not.toContain(forecast);
      expect(cards['kr-kr2'].drawn, lang).toContain(forecast);
      expect(cards['kr-kr6'].drawn, lang).not.toContain(actual);
      expect(cards['kr-kr6'].drawn, lang).not.toContain(forecast);
    }
  });

  it('a key result left out has no chart and no caption', async () => {
    const grid = exampleGrid('zh-TW');
    setCell(grid, tabName('keyResults', 'zh-TW'), 'KR2', header('keyResults', 'target', 'zh-TW'), '');
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null });
    const kr2 = captions(file(report, 'index.html'))['kr-kr2'];
    expect(kr2).toEqual({ caption: null, drawn: [] });
  });

  it('a plan over the chart limit: no card on any page has a caption, as none has a chart', async () => {
    const report = await buildReport(generatePlanWorkbook(45, { date: utcDate }), {
      asOf: GENERATED_AS_OF,
      source: null,
    });
    const pages = report.files.filter((f) => f.name.endsWith('.html'));
    let cards = 0;
    for (const page of pages) {
      for (const [id, card] of Object.entries(captions(page.data as string))) {
        cards++;
        expect(card, `${page.name} ${id}`).toEqual({ caption: null, drawn: [] });
      }
    }
    expect(cards).toBeGreaterThanOrEqual(45);
  });
});

describe("report HTML: a roadmap with dates outside the plan's period", () => {
  /** The example with KR3 due in mid-2028 and R1 wholly in 2025, its period 2026: its roadmap's box and caption. */
  async function roadmapOf(lang: Lang, edit = true) {
    const grid = exampleGrid(lang);
    if (edit) {
      setCell(grid, tabName('keyResults', lang), 'KR3', header('keyResults', 'due', lang), utcDate('2028-06-30'));
      setCell(grid, tabName('roadmap', lang), 'R1', header('roadmap', 'start', lang), utcDate('2025-06-01'));
      setCell(grid, tabName('roadmap', lang), 'R1', header('roadmap', 'end', lang), utcDate('2025-08-29'));
    }
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null, lang });
    const figure = parse(file(report, 'index.html')).querySelector('section[aria-labelledby="roadmap"] figure')!;
    const svg = figure.querySelector('svg.chart-roadmap')!;
    return {
      width: Number(svg.getAttribute('width')),
      caption: figure.querySelector('figcaption')!.textContent!,
      label: svg.getAttribute('aria-label'),
      drawn: texts(figure as unknown as Document, 'svg text'),
    };
  }

  it('draws neither, keeps the timeline its width, and says in every language what it leaves out', async () => {
    const captions = {
      en: "Roadmap: 8 items in 5 department lanes, coloured by phase; diamonds mark 4 key-result due dates, coloured by status; the dashed line is the as-of date. Outside the plan's period, so not drawn: 1 item (R1) and 1 key result due (KR3).",
      'zh-CN':
        '路线图：5 个部门泳道中的 8 个事项，按阶段着色；菱形标记 4 个关键结果的截止日期，按状态着色；虚线为截至日期。未绘出计划期间以外的 1 个事项（R1）和 1 个关键结果的截止日期（KR3）。',
      'zh-TW':
        '路線圖：5 個部門泳道中的 8 個事項，按階段著色；菱形標記 4 個關鍵結果的截止日期，按狀態著色；虛線為截至日期。未繪出計畫期間以外的 1 個事項（R1）和 1 個關鍵結果的截止日期（KR3）。',
    };
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const before = await roadmapOf(lang, false);
      const after = await roadmapOf(lang);
      expect(after.caption, lang).toBe(captions[lang]);
      expect(after.label, lang).toBe(captions[lang]);
      // KR3's diamond stretched the chart to 2,304 px; now it is as wide as the plan's own.
      expect(after.width, lang).toBe(before.width);
      expect(after.drawn, lang).not.toContain('KR3');
      expect(before.drawn, lang).toContain('KR3');
    }
  });
});

describe('a milestone done after its due month', () => {
  /** The example in `lang` with KR4 (v1.0) due at the end of February and checked in as done on 5 March. */
  async function doneLate(lang: Lang) {
    const grid = exampleGrid(lang);
    setCell(grid, tabName('keyResults', lang), 'KR4', header('keyResults', 'due', lang), utcDate('2026-02-28'));
    const actuals = grid[tabName('actuals', lang)];
    const [date, metric] = ['date', 'metric'].map((c) => actuals[0].indexOf(header('actuals', c, lang)));
    actuals.find((row) => row[metric] === 'KR4')![date] = utcDate('2026-03-05');
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null, lang });
    const card = parse(file(report, 'index.html')).querySelector('#kr-kr4')!;
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    return {
      headline: card.querySelector('.headline')!.textContent!,
      card: card.textContent!,
      kr4: json.keyResults.find((k) => k.id === 'KR4')!,
    };
  }

  it('is shown done late, on that day, in every language (was "not done yet"), and stays missed with 0', async () => {
    const expected = {
      en: ['Done late, 5 Mar 2026', 'Not done yet'],
      'zh-CN': ['逾期完成，2026年3月5日', '尚未完成'],
      'zh-TW': ['逾期完成，2026年3月5日', '尚未完成'],
    };
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const { headline, card, kr4 } = await doneLate(lang);
      const [late, notYet] = expected[lang];
      expect(headline, lang).toBe(late);
      expect(card, lang).not.toContain(notYet);
      // The method's rule stands: a check-in after the due month never counts.
      expect(kr4, lang).toMatchObject({
        status: 'missed',
        score: 0,
        scoreFinal: true,
        doneOn: null,
        doneLateOn: '2026-03-05',
      });
    }
  });
});

describe('chart axes as people write amounts', () => {
  /** The example with KR1 worth a billion dollars over 2026–2027, and the labels of KR1's chart. */
  async function kr1AxisLabels(lang: Lang): Promise<string[]> {
    const grid = exampleGrid(lang);
    const krs = grid[tabDef('keyResults').label[lang]];
    krs[1][8] = 1_000_000_000; // Target
    krs[1][10] = utcDate('2027-06-30'); // Due
    // The period runs to June 2027 too.
    const strategy = grid[tabDef('strategy').label[lang]];
    const periodEnd = STRATEGY_FIELDS.find((f) => f.key === 'periodEnd')!.label[lang];
    strategy.find((row) => row[0] === periodEnd)![1] = utcDate('2027-06-30');
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null });
    const card = parse(file(report, 'index.html')).querySelector('#kr-kr1')!;
    return Array.from(card.querySelectorAll('svg text')).map((t) => t.textContent!);
  }

  it("a billion is 1B in English (not SI's 1G), 10億 in Chinese, after the currency sign the cards use", async () => {
    const en = await kr1AxisLabels('en');
    expect(en).toContain('$1B');
    expect(en.some((t) => /G$/.test(t))).toBe(false);
    const zh = await kr1AxisLabels('zh-TW');
    expect(zh).toContain('US$10億');
  });

  /**
   * The example in `lang` with KR1 counted in `unit` to `target` (Mar to Aug 2026), its six check-ins these; the value
   * axis of KR1's chart (its labels, the ones left of the plot) and KR1's card's text.
   */
  async function kr1Axis(lang: Lang, unit: string, target: number, checkIns: number[]) {
    const grid = exampleGrid(lang);
    setCell(grid, tabName('keyResults', lang), 'KR1', header('keyResults', 'unit', lang), unit);
    setCell(grid, tabName('keyResults', lang), 'KR1', header('keyResults', 'target', lang), target);
    const actuals = grid[tabName('actuals', lang)];
    const [metric, value] = ['metric', 'value'].map((c) => actuals[0].indexOf(header('actuals', c, lang)));
    const rows = actuals.filter((row) => row[metric] === 'KR1');
    expect(rows).toHaveLength(checkIns.length);
    rows.forEach((row, i) => (row[value] = checkIns[i]));
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null, lang });
    const card = parse(file(report, 'index.html')).querySelector('#kr-kr1')!;
    const axis = Array.from(card.querySelectorAll('svg .role-axis-label text'))
      .filter((t) => /^translate\(-/.test(t.getAttribute('transform') ?? ''))
      .map((t) => t.textContent!);
    return { axis, card: card.textContent! };
  }

  // The QA plan's KR01: 12,000 萬元 of revenue, its monthly amounts in 萬元.
  const KR01 = [180, 420, 650, 820, 1000, 1150];

  it('a Unit that counts in a multiple gets no second one: 12,000 萬元 reads 12,000 on its axis, as on its card', async () => {
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const)
      for (const unit of ['萬元', '万元', '万人', '千人', 'K users', 'USD MM']) {
        const { axis, card } = await kr1Axis(lang, unit, 12_000, KR01);
        const at = `${lang} ${unit}: ${axis.join(' ')}`;
        // Was 0 2000 4000 6000 8000 1萬 1.2萬: 1.2萬 of a 萬元 metric reads as 12,000 元, and the style changed midway.
        expect(axis, at).toEqual(['0', '2,000', '4,000', '6,000', '8,000', '10,000', '12,000']);
        expect(card, at).toContain('12,000');
      }
  });

  it('every tick of an axis is written in one multiple, the one its largest figure takes', async () => {
    const cases: [Lang, string, number, number[], string[]][] = [
      // 12,000 stores: 0 2000 … 8000 1萬 1.2萬 before, two styles on one axis.
      ['zh-TW', '家', 12_000, KR01, ['0', '0.2萬', '0.4萬', '0.6萬', '0.8萬', '1萬', '1.2萬']],
      ['zh-CN', '家', 12_000, KR01, ['0', '0.2万', '0.4万', '0.6万', '0.8万', '1万', '1.2万']],
      ['en', 'users', 1_500, [20, 40, 60, 80, 100, 120], ['0', '0.5K', '1K', '1.5K']],
      // The QA plan's KR13, 15,000,000 元: right as it was.
      ['zh-TW', '元', 15_000_000, [1_800_000, 900_000, 2_600_000, 1_300_000, 1_100_000, 1_200_000], ['0', '500萬', '1000萬', '1500萬']],
    ];
    for (const [lang, unit, target, checkIns, expected] of cases) {
      const { axis } = await kr1Axis(lang, unit, target, checkIns);
      expect(axis, `${lang} ${unit}`).toEqual(expected);
    }
  });

  it('over more than twelve months, month labels carry the full year (Jan 2027, 2027年1月), never "Jan 27"', async () => {
    const en = await kr1AxisLabels('en');
    expect(en.some((t) => /^[A-Z][a-z]{2} 20\d\d$/.test(t))).toBe(true);
    expect(en.some((t) => /^[A-Z][a-z]{2} \d\d$/.test(t))).toBe(false);
    const zh = await kr1AxisLabels('zh-TW');
    expect(zh.some((t) => /^20\d\d年\d{1,2}月$/.test(t))).toBe(true);
  });
});

describe('report HTML: a Traditional plan with some cells typed in English or Simplified', () => {
  const tw = LABELS['zh-TW'];
  const roadmapTab = tabName('roadmap', 'zh-TW');
  /** The roadmap figure's legend and its data table's phase column (ID → phase), as the page shows them. */
  function roadmapShown(html: string) {
    const figure = parse(html).querySelector('section[aria-labelledby="roadmap"] figure')!;
    const rows = Array.from(figure.querySelectorAll('details tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!),
    );
    return {
      legend: texts(figure as unknown as Document, '.legend li'),
      phases: Object.fromEntries(rows.map((r) => [r[0], r[2]])),
      owners: Object.fromEntries(rows.map((r) => [r[0], r[3]])),
    };
  }

  it("a template phase typed in English or Simplified on one row shows the report language's name on every row", async () => {
    const grid = exampleGrid('zh-TW');
    const typed = {
      R1: 'Pre-launch',
      R2: '預熱期',
      R3: 'launch',
      R4: '发布期',
      R5: '發布期',
      R6: 'growth',
      R7: '成長期',
      R8: '增长期',
      R9: 'Beta 測試',
    };
    for (const [id, phase] of Object.entries(typed)) setCell(grid, roadmapTab, id, header('roadmap', 'phase', 'zh-TW'), phase);
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null });
    const shown = roadmapShown(file(report, 'index.html'));
    // The template's three in Traditional, whichever row named them first; a phase of the plan's own as typed.
    expect(shown.legend.slice(0, 4)).toEqual(['預熱期', '發布期', '成長期', 'Beta 測試']);
    expect(shown.phases).toEqual({
      R1: '預熱期',
      R2: '預熱期',
      R3: '發布期',
      R4: '發布期',
      R5: '發布期',
      R6: '成長期',
      R7: '成長期',
      R8: '成長期',
      R9: 'Beta 測試',
    });
    expect(shown.legend.join(' ')).not.toMatch(/Pre-launch|launch|growth|预热期|发布期|增长期/);
    // The same plan reported in English: the template's phases in English, the plan's own still as typed.
    const en = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null, lang: 'en' });
    const inEnglish = roadmapShown(file(en, 'index.html'));
    expect(inEnglish.legend.slice(0, 4)).toEqual(['Pre-launch', 'Launch', 'Growth', 'Beta 測試']);
    expect(inEnglish.phases.R2).toBe('Pre-launch');
    expect(inEnglish.phases.R7).toBe('Growth');
  });

  it('an owner typed 销售 where the Departments tab says 銷售 is shown as 銷售 on every row and in plan.json; a blank one stays blank', async () => {
    const grid = exampleGrid('zh-TW');
    const owner = (tab: Parameters<typeof setOwner>[1], id: string, name: string) =>
      setOwner(grid, tab, id, name, 'zh-TW');
    owner('objectives', 'O1', '销售');
    owner('keyResults', 'KR1', '销售');
    owner('kpis', 'KPI1', '销售');
    owner('roadmap', 'R4', '销售');
    owner('roadmap', 'R5', '营运');
    // Blank owners stay blank.
    owner('keyResults', 'KR2', '');
    owner('kpis', 'KPI2', '');
    owner('roadmap', 'R2', '');
    const report = await buildReport(grid, { asOf: EXAMPLE_AS_OF, source: null });
    const html = file(report, 'index.html');
    const doc = parse(html);
    expect(html.includes('销售'), '销售 on the page').toBe(false);
    expect(html.includes('营运'), '营运 on the page').toBe(false);
    // The key result's card, the objective and its list of key results, the KPI and the roadmap's table.
    expect(doc.querySelector('#kr-kr1 .owner-line strong')!.textContent).toBe('銷售');
    const o1 = Array.from(doc.querySelectorAll('li.objective')).find(
      (li) => li.querySelector('.id')!.textContent === 'O1',
    )!;
    expect(o1.querySelector('p.small')!.textContent).toContain(`${tw.owner}${tw.colon}銷售 · `);
    expect(o1.querySelector('a[href="#kr-kr1"] .kr-owner')!.textContent).toBe('· 銷售');
    const kpi1 = Array.from(doc.querySelectorAll('li.kpi')).find((li) => li.querySelector('.id')!.textContent === 'KPI1')!;
    expect(kpi1.querySelector('.owner')!.textContent).toBe(`${tw.owner}${tw.colon}銷售`);
    expect(roadmapShown(html).owners).toMatchObject({ R4: '銷售', R5: '營運', R2: '' });
    expect(doc.querySelector('#kr-kr2 .owner-line strong')!.textContent).toBe('');
    const kpi2 = Array.from(doc.querySelectorAll('li.kpi')).find((li) => li.querySelector('.id')!.textContent === 'KPI2')!;
    expect(kpi2.querySelector('.owner')!.textContent).toBe(`${tw.owner}${tw.colon}`);
    // plan.json names each row's department as its departments list does, so the two join.
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    expect(json.departments.map((d) => d.name)).toContain('銷售');
    expect(json.objectives.find((o) => o.id === 'O1')!.owner).toBe('銷售');
    expect(json.keyResults.find((k) => k.id === 'KR1')!.owner).toBe('銷售');
    expect(json.kpis.find((k) => k.id === 'KPI1')!.owner).toBe('銷售');
    expect(json.roadmap.find((r) => r.id === 'R4')!.owner).toBe('銷售');
    expect(json.roadmap.find((r) => r.id === 'R5')!.owner).toBe('營運');
    expect(json.keyResults.find((k) => k.id === 'KR2')!.owner).toBe('');
    expect(json.kpis.find((k) => k.id === 'KPI2')!.owner).toBe('');
    expect(json.roadmap.find((r) => r.id === 'R2')!.owner).toBe('');
  });

  it('English tab names over Traditional headers, the Language cell blank: the report is in Traditional Chinese', async () => {
    const grid = exampleGrid('zh-TW');
    setCell(grid, tabName('strategy', 'zh-TW'), '語言', header('strategy', 'value', 'zh-TW'), '');
    const renamed: Workbook = {};
    for (const [name, rows] of Object.entries(grid)) renamed[matchTab(name)!.label.en] = rows;
    const report = await buildReport(renamed, { asOf: EXAMPLE_AS_OF, source: null });
    expect(report.lang).toBe('zh-TW');
    const doc = parse(file(report, 'index.html'));
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-TW');
    expect(doc.querySelector('h2#pyramid')!.textContent).toContain(tw.pyramid);
    expect((JSON.parse(file(report, 'plan.json')) as PlanJson).lang).toBe('zh-TW');
  });
});

/**
 * A workbook whose check-ins are on a tab the plan does not read (renamed to something no template name matches)
 * has no check-in at all: the report says there is no data, with the missing tab's warning, instead of judging every
 * objective off track and every milestone missed on nothing. The English for 實際資料, "Actual data", is read.
 */
describe('report HTML: the check-ins on a tab the plan does not read', () => {
  const renamed = (name: string): Workbook => {
    const wb = exampleGrid('en');
    const actuals = tabDef('actuals').label.en;
    wb[name] = wb[actuals];
    delete wb[actuals];
    return wb;
  };

  it('"Monthly numbers": no data anywhere, nothing missed or off track, and the warning says why', async () => {
    const report = await buildReport(renamed('Monthly numbers'), { asOf: EXAMPLE_AS_OF, source: null });
    const doc = parse(file(report, 'index.html'));
    expect(doc.querySelector('.verdict')!.textContent).toContain('2 objectives: 2 no data.');
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    expect(new Set(json.keyResults.map((kr) => kr.status))).toEqual(new Set(['no-data']));
    expect(json.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['missing-tab-optional', 'tab-name-near']),
    );
    expect(json.issues.map((i) => i.code)).not.toContain('stale-check-in');
  });

  it('"Actual data" is the Actuals tab: the same report as the example', async () => {
    const report = await buildReport(renamed('Actual data'), { asOf: EXAMPLE_AS_OF, source: null });
    const doc = parse(file(report, 'index.html'));
    expect(doc.querySelector('.verdict')!.textContent).toContain('2 objectives: 1 on track, 1 at risk.');
  });
});

/**
 * An objective's attainment is the weighted mean of its key results': where they weigh differently, each card says
 * its Weight and the objective's whole, so the objective's figure can be checked from its cards; with equal
 * weights (the example as it is) nothing is said of them.
 */
describe('report HTML: weights on the cards', () => {
  const weightFacts = (html: string, label: string) =>
    Object.fromEntries(
      Array.from(parse(html).querySelectorAll('article.card')).map((card) => {
        const fact = Array.from(card.querySelectorAll('.facts > div')).find(
          (d) => d.querySelector('dt')!.textContent === label,
        );
        return [card.id, fact ? fact.querySelector('dd')!.textContent : null];
      }),
    );

  it('KR2 weighing 3 in O1: "3 of 5 in O1" on each of O1\'s cards, nothing on O2\'s, in every language', async () => {
    for (const [lang, label, kr1, kr2] of [
      ['en', 'Weight', '1of 5 in O1', '3of 5 in O1'],
      ['zh-TW', '權重', '1O1 共 5', '3O1 共 5'],
    ] as const) {
      const wb = exampleGrid(lang);
      setCell(wb, tabName('keyResults', lang), 'KR2', header('keyResults', 'weight', lang), 3);
      const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null, lang });
      expect(weightFacts(file(report, 'index.html'), label), lang).toEqual({
        'kr-kr1': kr1,
        'kr-kr2': kr2,
        'kr-kr3': kr1,
        'kr-kr4': null,
        'kr-kr5': null,
      });
    }
  });

  it('equal weights say nothing', async () => {
    const report = await buildReport(exampleGrid('en'), { asOf: EXAMPLE_AS_OF, source: null });
    expect(Object.values(weightFacts(file(report, 'index.html'), 'Weight'))).toEqual([null, null, null, null, null]);
  });
});

/**
 * A level stands at its latest reading: where the judged month's is not in yet, the card says the month of the reading
 * it shows, not the judged month ("13% through Oct 2026" read as October's where September's is the latest).
 */
describe("report HTML: a level's current value is dated by its reading", () => {
  it("KR3 without October's reading: current value and attainment through Sep 2026", async () => {
    const wb = exampleGrid('en');
    const actuals = tabName('actuals', 'en');
    const day = (cell: unknown) => (cell instanceof Date ? cell.toISOString() : String(cell));
    wb[actuals] = wb[actuals].filter((row) => !(row[1] === 'KR3' && day(row[0]).startsWith('2026-10')));
    expect(wb[actuals].filter((row) => row[1] === 'KR3')).toHaveLength(7);
    const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
    const card = parse(file(report, 'index.html')).getElementById('kr-kr3')!;
    const fact = (label: string) =>
      Array.from(card.querySelectorAll('.facts > div'))
        .find((d) => d.querySelector('dt')!.textContent === label)!
        .querySelector('dd .small')!.textContent;
    expect(fact('Current value')).toBe('through Sep 2026');
    expect(card.querySelector('.headline .sub')!.textContent).toBe('Attainment · through Sep 2026');
  });
});

describe('report HTML: a bar to meet, expected by now', () => {
  it('KR5 as a threshold (≥ 90%): "Expected by now" is the bar, with the share of months expected in its note', async () => {
    const wb = exampleGrid('en');
    setCell(wb, tabName('keyResults', 'en'), 'KR5', header('keyResults', 'type', 'en'), 'threshold');
    const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
    const card = parse(file(report, 'index.html')).getElementById('kr-kr5')!;
    const expected = Array.from(card.querySelectorAll('.facts > div')).find(
      (d) => d.querySelector('dt')!.textContent === 'Expected by now',
    )!;
    // Not a bare "100%", which read as 100% of the metric's unit.
    expect(expected.querySelector('dd')!.textContent).toBe('≥ 90%Attainment 100%');
  });
});
