/**
 * Everyday typing mistakes, one at a time, in a real .xlsx: the example plan written by exceljs, one thing
 * changed the way a person would change it, then read back by the CLI. Each must give the right picture or a
 * located error/warning, the same in `check --json`, plan.json and the report's pages (issue 8's table).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { analyzeWorkbook, exampleWorkbook } from '../shared';
import { unitFor } from '../report/format';
import type { PlanJson } from '../report/plan-json';
import { readXlsx } from '../report/read-xlsx';
import { exampleXlsxBuffer, utcDate } from '../report/write-xlsx';
import { addRow, setCell } from './helpers/edit';
import { parse, runCli, tempDir } from './helpers/report';

let dir: string;
beforeAll(() => {
  dir = tempDir('mistakes');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The example plan as an exceljs workbook, to edit cell by cell. */
async function examplePlan(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exampleXlsxBuffer('en')) as unknown as ExcelJS.Buffer);
  return book;
}

/** The cell of the row whose column A is `id`, in the column headed `header`. */
function cellOf(book: ExcelJS.Workbook, tab: string, id: string, header: string): ExcelJS.Cell {
  const sheet = book.getWorksheet(tab)!;
  let column = 0;
  sheet.getRow(1).eachCell((cell, c) => {
    if (cell.value === header) column = c;
  });
  let row = 0;
  sheet.eachRow((r, n) => {
    if (!row && r.getCell(1).value === id) row = n;
  });
  if (!column || !row) throw new Error(`No ${id} / ${header} on ${tab}`);
  return sheet.getCell(row, column);
}

/** Actuals rows of a metric: [row number, date, value]. */
function actualsOf(book: ExcelJS.Workbook, metric: string): { row: ExcelJS.Row; date: string }[] {
  const out: { row: ExcelJS.Row; date: string }[] = [];
  book.getWorksheet('Actuals')!.eachRow((r, n) => {
    if (n > 1 && r.getCell(2).value === metric)
      out.push({ row: r, date: (r.getCell(1).value as Date).toISOString().slice(0, 10) });
  });
  return out;
}

function addActual(book: ExcelJS.Workbook, date: string, metric: string, value: number): number {
  const row = book.getWorksheet('Actuals')!.addRow([utcDate(date), metric, value, '']);
  row.getCell(1).numFmt = 'yyyy-mm-dd';
  return row.number;
}

interface Outcome {
  check: {
    counts: Record<string, number>;
    issues: { code: string; severity: string; sheet: string; cell: string; message: string }[];
  };
  checkCode: number;
  reportCode: number;
  json: PlanJson;
  html: Document;
  text: string;
}

/** Write the workbook, then run `check --json` and `report` on it as a user would. */
/** check --json listed this issue at this cell (the message is checked where it matters). */
function expectIssueAt(
  o: Outcome,
  at: { code: string; severity: string; sheet: string; cell: string },
): void {
  expect(o.check.issues).toContainEqual(expect.objectContaining(at));
}

async function run(book: ExcelJS.Workbook, name: string, asOf = '2026-11-15'): Promise<Outcome> {
  const file = `${name}.xlsx`;
  writeFileSync(join(dir, file), Buffer.from(await book.xlsx.writeBuffer()));
  const check = await runCli(['check', file, '--json', '--as-of', asOf], dir);
  mkdirSync(join(dir, 'out'), { recursive: true });
  const report = await runCli(['report', file, '--out', `out/${name}`, '--as-of', asOf], dir);
  const html = parse(readFileSync(join(dir, 'out', name, 'index.html'), 'utf8'));
  return {
    check: JSON.parse(check.stdout.join('\n')),
    checkCode: check.code,
    reportCode: report.code,
    json: JSON.parse(readFileSync(join(dir, 'out', name, 'plan.json'), 'utf8')) as PlanJson,
    html,
    text: html.body.textContent!.replace(/\s+/g, ' '),
  };
}

const kr = (o: Outcome, id: string) => o.json.keyResults.find((k) => k.id === id)!;
const cardOf = (o: Outcome, id: string) => o.html.querySelector(`#kr-${id.toLowerCase()}`)!;
/** The facts of a report card, label → value. */
function facts(o: Outcome, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const div of Array.from(cardOf(o, id).querySelectorAll('dl.facts > div'))) {
    const dd = div.querySelector('dd')!;
    const note = dd.querySelector('.small')?.textContent ?? '';
    out[div.querySelector('dt')!.textContent!] = dd.textContent!.slice(
      0,
      dd.textContent!.length - note.length,
    );
  }
  return out;
}
const objectiveStatus = (o: Outcome, id: string) =>
  o.json.objectives.find((x) => x.id === id)!.progress!.status;

describe('everyday mistakes in a real .xlsx', () => {
  it("KR2's target typed as 0 (baseline 0): an error at the Target cell, KR2 left out, never done", async () => {
    const book = await examplePlan();
    cellOf(book, 'Key Results', 'KR2', 'Target').value = 0;
    const o = await run(book, 'target-zero');
    expectIssueAt(o, { code: 'target-equals-baseline', severity: 'error', sheet: 'Key Results', cell: 'I3' });
    expect(o.checkCode).toBe(1);
    expect(o.reportCode).toBe(1);
    expect(kr(o, 'KR2')).toMatchObject({
      status: 'no-data',
      attainment: null,
      leftOut: { reason: 'target-equals-baseline', cell: 'I3' },
    });
    expect(o.json.summary.leftOut).toEqual(['KR2']);
    expect(objectiveStatus(o, 'O1')).toBe('needs-attention');
    // Every surface of the report names it: the banner, the objective card and KR2's own card.
    expect(o.html.querySelector('.plan-errors')!.textContent).toContain(
      'KR2 left out: error at Key Results · I3',
    );
    expect(o.html.querySelector('.objective')!.textContent).toContain(
      'KR2 left out: error at Key Results · I3',
    );
    expect(cardOf(o, 'KR2').textContent).toContain('Left out');
    expect(cardOf(o, 'KR2').className).not.toContain('status-done');
  });

  it('"1M", "Ramp up", a check-in "40k": read as meant, and a warning at each cell, since the Targets tab formulas cannot use them', async () => {
    const book = await examplePlan();
    cellOf(book, 'Key Results', 'KR1', 'Target').value = '1M';
    cellOf(book, 'Key Results', 'KR2', 'Phasing').value = 'Ramp up';
    cellOf(book, 'Key Results', 'KR2', 'Baseline').value = '0'; // text a formula turns into 0: fine
    const [first] = actualsOf(book, 'KR1');
    first.row.getCell(3).value = '40k';
    const o = await run(book, 'text-for-formulas');
    const unreadable = o.check.issues.filter((i) => i.code === 'unreadable-by-formulas');
    expect(unreadable.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'Key Results!I2',
      'Key Results!L3',
      `Actuals!C${first.row.number}`,
    ]);
    expect(unreadable[0]).toMatchObject({ severity: 'warning' });
    expect(unreadable[0].message).toBe(
      'KR1: Target is typed as the text "1M", which the formulas of the Targets tab cannot use as the plan does (1000000): the tab\'s figures for it would be wrong.',
    );
    // The plan reads them as meant: KR1 still ends at 920,000 of 1,000,000.
    expect(kr(o, 'KR1')).toMatchObject({ target: 1_000_000, actualToDate: 920000 });
    expect(o.reportCode).toBe(0);

    // Without a Targets tab no formula reads them: no warning.
    book.removeWorksheet(book.getWorksheet('Targets')!.id);
    const without = await run(book, 'text-no-targets');
    expect(without.check.issues.filter((i) => i.code === 'unreadable-by-formulas')).toEqual([]);
  });

  it('IDs typed full-width (ＫＲ１, the input method left in full-width) or pasted with a zero-width space: the same ID', async () => {
    const book = await examplePlan();
    const [first, second] = actualsOf(book, 'KR1');
    first.row.getCell(2).value = 'ＫＲ１';
    second.row.getCell(2).value = '\u200BKR1';
    cellOf(book, 'KPIs', 'KPI1', 'Key result').value = 'ＫＲ１';
    const o = await run(book, 'full-width-ids');
    // Counted, not dropped as an unknown metric: KR1 still ends at 920,000, and KPI1 still tracks KR1.
    expect(o.check.issues.filter((i) => /unknown/.test(i.code))).toEqual([]);
    expect(kr(o, 'KR1')).toMatchObject({ actualToDate: 920000 });
    expect(o.json.kpis.find((k) => k.id === 'KPI1')).toMatchObject({ keyResult: 'KR1' });
    // The Targets tab's SUMIFS compare the cells as typed, so each is a warning whose quick fix types KR1.
    const unreadable = o.check.issues.filter((i) => i.code === 'unreadable-by-formulas');
    expect(unreadable.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      `Actuals!B${first.row.number}`,
      `Actuals!B${second.row.number}`,
    ]);
    expect(unreadable[0].message).toContain('(KR1)');
    expect(o.reportCode).toBe(0);
  });

  it('references typed in another case or with spaces (o1, "kr3 ", kr4): plan.json and the report name each by its row\'s own ID; one naming no row as typed, trimmed', async () => {
    const book = await examplePlan();
    cellOf(book, 'Key Results', 'KR2', 'Objective').value = 'o1';
    cellOf(book, 'Key Results', 'KR5', 'Objective').value = ' o2 ';
    cellOf(book, 'KPIs', 'KPI2', 'Key result').value = 'kr3 ';
    cellOf(book, 'Objectives', 'O2', 'Parent').value = 'o1';
    cellOf(book, 'Roadmap', 'R1', 'Key results').value = 'kr4, Kr5';
    cellOf(book, 'Roadmap', 'R3', 'Key results').value = 'kr4, kr99 ';
    const o = await run(book, 'reference-case');
    // Matched as everywhere: nothing unknown but kr99.
    expect(o.check.issues.filter((i) => /unknown/.test(i.code)).map((i) => `${i.code} ${i.cell}`)).toEqual([
      'unknown-key-result G4',
    ]);
    expect(o.check.issues.find((i) => i.code === 'unknown-key-result')!.message).toContain('kr99');
    // plan.json: each reference is the ID of the row it names, as its tab spells it, so that IDs join.
    const ids = new Set([...o.json.objectives, ...o.json.keyResults].map((x) => x.id));
    expect(kr(o, 'KR2').objective).toBe('O1');
    expect(kr(o, 'KR5').objective).toBe('O2');
    expect(o.json.kpis.find((k) => k.id === 'KPI2')!.keyResult).toBe('KR3');
    expect(o.json.objectives.find((x) => x.id === 'O2')!.parent).toBe('O1');
    const roadmap = (id: string) => o.json.roadmap.find((r) => r.id === id)!.keyResults;
    expect(roadmap('R1')).toEqual(['KR4', 'KR5']);
    expect(roadmap('R3')).toEqual(['KR4', 'kr99']);
    for (const x of [...o.json.keyResults.map((k) => k.objective), ...o.json.kpis.map((k) => k.keyResult)])
      expect(ids, x).toContain(x);
    expect(o.json.objectives.find((x) => x.id === 'O1')!.keyResults).toContain('KR2');
    // The report's pages: the roadmap's data table, and the key result's card.
    const roadmapRow = (id: string) =>
      Array.from(o.html.querySelectorAll('tr'))
        .map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent))
        .find((cells) => cells[0] === id)!;
    expect(roadmapRow('R1')).toContain('KR4, KR5');
    expect(roadmapRow('R3')).toContain('KR4, kr99');
    expect(cardOf(o, 'KR2').querySelectorAll('.owner-line')[1].textContent).toMatch(/^Objective: O1 · /);
    expect(o.text).not.toMatch(/\bkr4\b|\bo1\b/);
  });

  it('one Actuals row pasted twice: a warning at the second row, counted once', async () => {
    const book = await examplePlan();
    const row = addActual(book, '2026-05-28', 'KR1', 150000);
    const o = await run(book, 'duplicate');
    expectIssueAt(o, { code: 'duplicate-check-in', severity: 'warning', sheet: 'Actuals', cell: `C${row}` });
    const warning = o.check.issues.find((i) => i.code === 'duplicate-check-in')!;
    expect(warning.message).toContain('it is counted once');
    // 920,000, not 1,070,000 (118%): KR1 is missed at 92%, not done.
    expect(kr(o, 'KR1')).toMatchObject({ actualToDate: 920000, current: 920000, status: 'missed' });
    expect(facts(o, 'KR1')['Checked in']).toBe('$920,000');
    expect(o.reportCode).toBe(0); // a warning is not an error
  });

  it("KR3's percentages typed as 6, 8 … 13: an error at each cell, none counted, KR3 not done", async () => {
    const book = await examplePlan();
    const rows = actualsOf(book, 'KR3');
    for (const { row } of rows) {
      const cell = row.getCell(3);
      cell.value = Math.round((cell.value as number) * 100);
      cell.numFmt = 'General';
    }
    const o = await run(book, 'percent-typo');
    const errors = o.check.issues.filter((i) => i.code === 'percent-as-whole-number');
    expect(errors.map((i) => i.cell)).toEqual(rows.map(({ row }) => `C${row.number}`));
    expect(errors.every((i) => i.severity === 'error' && i.sheet === 'Actuals')).toBe(true);
    expect(errors.at(-1)!.message).toBe(
      'Value of KR3: 13 looks like 13% — type 13% or 0.13. This value is not counted.',
    );
    expect(kr(o, 'KR3')).toMatchObject({ current: null, attainment: null });
    expect(kr(o, 'KR3').status).not.toBe('done');
    expect(o.reportCode).toBe(1);
    expect(o.html.querySelector('.plan-errors')!.textContent).toContain('The plan has 8 errors');
  });

  it("KR3's Unit typed as a Chinese input method gives it (％, ﹪): a percentage like %, its 13 flagged", async () => {
    for (const unit of ['％', '﹪']) {
      const book = await examplePlan();
      cellOf(book, 'Key Results', 'KR3', 'Unit').value = unit;
      const last = actualsOf(book, 'KR3').at(-1)!.row;
      last.getCell(3).value = 13;
      last.getCell(3).numFmt = 'General';
      const o = await run(book, `percent-unit-${unit.codePointAt(0)}`);
      expectIssueAt(o, {
        code: 'percent-as-whole-number',
        severity: 'error',
        sheet: 'Actuals',
        cell: `C${last.number}`,
      });
      expect(kr(o, 'KR3').status).not.toBe('done');
      // Shown as percentages, as with %: not "0.2 ％".
      expect(facts(o, 'KR3').Target).toBe('5% → 20%');
    }
  });

  it("KR3's Due before its Start: an error at Due, KR3 left out and named, O1 needs attention, exit 1", async () => {
    const book = await examplePlan();
    cellOf(book, 'Key Results', 'KR3', 'Due').value = utcDate('2026-02-28');
    const o = await run(book, 'due-before-start');
    expectIssueAt(o, { code: 'dates-reversed', severity: 'error', sheet: 'Key Results', cell: 'K4' });
    expect(o.json.summary.leftOut).toEqual(['KR3']);
    expect(kr(o, 'KR3').leftOut).toMatchObject({ reason: 'no-window', code: 'dates-reversed', cell: 'K4' });
    expect(objectiveStatus(o, 'O1')).toBe('needs-attention');
    expect(o.reportCode).toBe(1);
    expect(o.text).toContain('KR3 left out: error at Key Results · K4');
    expect(o.html.querySelector('.objective .status')!.textContent).toContain('needs attention');
    expect(o.html.querySelector('.verdict')!.textContent).toContain('needs attention');
  });

  it('a cumulative KR with Baseline 10,000, check-ins before Start and after the as-of day: card = plan.json = progress', async () => {
    const book = await examplePlan();
    cellOf(book, 'Key Results', 'KR2', 'Baseline').value = 10000;
    cellOf(book, 'Key Results', 'KR2', 'Target').value = 60000;
    const before = addActual(book, '2026-02-20', 'KR2', 700); // before KR2's Start (March)
    addActual(book, '2026-11-10', 'KR2', 2500); // in the as-of month: not judged yet
    addActual(book, '2026-11-20', 'KR2', 900); // after the as-of day
    const o = await run(book, 'baseline');
    expectIssueAt(o, {
      code: 'check-in-before-start',
      severity: 'warning',
      sheet: 'Actuals',
      cell: `A${before}`,
    });
    const { progress } = analyzeWorkbook(await readXlsx(join(dir, 'baseline.xlsx')), { asOf: '2026-11-15' });
    const p = progress.keyResults.find((k) => k.id === 'KR2')!;
    // Baseline + the counted check-ins (March–October): 10,000 + 37,600.
    expect(p).toMatchObject({ current: 47600, actualToDate: 37600, throughMonth: '2026-10' });
    expect(kr(o, 'KR2')).toMatchObject({
      current: p.current,
      actualToDate: p.actualToDate,
      targetToDate: p.targetToDate,
    });
    expect(facts(o, 'KR2')).toMatchObject({
      'Current value': '47,600 sign-ups',
      'Checked in': '37,600 sign-ups',
    });
    // The chart's table: the running total at the end of October is where the metric stands.
    const table = Array.from(cardOf(o, 'KR2').querySelectorAll('table tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td,th')).map((c) => c.textContent!.trim()),
    );
    expect(table.find((r) => r[0] === 'Oct 2026')![2]).toBe('47,600 sign-ups');
    expect(table.find((r) => r[0] === 'Nov 2026')![2]).toBe('–');
    expect(kr(o, 'KR2').months.find((m) => m.month === '2026-10')).toMatchObject({ standing: 47600 });
    expect(kr(o, 'KR2').months.find((m) => m.month === '2026-02')).toMatchObject({ actual: null });
  });

  it("--as-of 2026-09-30 counts September's check-ins; 2026-09-29 does not", async () => {
    const book = await examplePlan();
    const end = await run(book, 'as-of-30', '2026-09-30');
    expect(kr(end, 'KR2')).toMatchObject({ throughMonth: '2026-09', actualToDate: 32700 });
    const day = await run(book, 'as-of-29', '2026-09-29');
    expect(kr(day, 'KR2')).toMatchObject({ throughMonth: '2026-08', actualToDate: 28000 });
  });

  it('KR1, due in August and ended at 92%, is "missed" with its final score in November', async () => {
    const o = await run(await examplePlan(), 'missed');
    expect(kr(o, 'KR1')).toMatchObject({ status: 'missed', score: 0.9, scoreFinal: true });
    expect(cardOf(o, 'KR1').querySelector('.status')!.textContent).toContain('missed');
    expect(facts(o, 'KR1').Score).toBe('0.9');
  });

  it('KPI2 "first response ≤ 1 hour" says how it was judged, in grammatical units', async () => {
    const o = await run(await examplePlan(), 'kpi');
    const kpi2 = o.json.kpis.find((k) => k.id === 'KPI2')!;
    expect(kpi2).toMatchObject({ monthsMet: 4, monthsJudged: 8, current: 0.7, status: 'off-track' });
    const card = Array.from(o.html.querySelectorAll('.kpi')).find((k) => k.textContent!.includes('KPI2'))!;
    // Beside its status: the status counts the months met, the latest reading is one month.
    expect(card.querySelector('.pill-why .status-off-track')).not.toBeNull();
    expect(card.querySelector('.pill-why .why')!.textContent).toBe('met in 4 of 8 months');
    expect(card.querySelector('.kpi-figures')!.textContent).toContain('0.7 hours');
    // The bar is the card's Target figure, not a comparison beside the latest reading ("4,900 ≥ 5,000" read as a
    // claim when the reading missed it).
    expect(card.querySelector('.kpi-figures')!.textContent).toContain('≤ 1 hour');
  });

  it('names the source by its file name, never a path', async () => {
    const book = await examplePlan();
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'deeper', 'q3.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    const run = await runCli(['report', 'nested/deeper/q3.xlsx', '--out', 'out/source'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'source', 'plan.json'), 'utf8')) as PlanJson;
    expect(json.source).toBe('q3.xlsx');
    const html = readFileSync(join(dir, 'out', 'source', 'index.html'), 'utf8');
    expect(html).toContain('q3.xlsx');
    expect(html).not.toContain('nested/');
  });

  it('exits 2 when no key result could be read, and still writes the report', async () => {
    const book = await examplePlan();
    const sheet = book.getWorksheet('Key Results')!;
    for (let r = sheet.rowCount; r > 1; r--) sheet.spliceRows(r, 1);
    const o = await run(book, 'no-krs');
    expect(o.reportCode).toBe(2);
    expect(o.json.keyResults).toEqual([]);
  });
});

describe('plausibility: what is not a mistake stays unflagged', () => {
  const percentIssues = (edit: (wb: ReturnType<typeof exampleWorkbook>) => void) => {
    const wb = exampleWorkbook('en');
    edit(wb);
    return analyzeWorkbook(wb, { asOf: '2026-11-15' }).issues.filter(
      (i) => i.code === 'percent-as-whole-number',
    );
  };

  it('a real 130% against a 100% → 120% plan is counted; 130 typed for it is flagged', () => {
    const retention = (value: number) =>
      percentIssues((wb) => {
        setCell(wb, 'Key Results', 'KR5', 'Baseline', 1);
        setCell(wb, 'Key Results', 'KR5', 'Target', 1.2);
        addRow(wb, 'Actuals', { Date: '2026-10-30', Metric: 'KR5', Value: value });
      });
    expect(retention(1.3)).toEqual([]);
    expect(retention(130).map((i) => [i.sheet, i.a1])).toEqual([['Actuals', 'C56']]);
  });

  it('a plan of small rates (0.5% → 2%): 0.9 typed for 0.9% is flagged though under 1; 0.9% and 2.5% are real', () => {
    const reading = (value: number) =>
      percentIssues((wb) => {
        setCell(wb, 'Key Results', 'KR3', 'Baseline', 0.005);
        setCell(wb, 'Key Results', 'KR3', 'Target', 0.02);
        for (const row of wb['Actuals']) if (row[1] === 'KR3') row[2] = 0.008;
        addRow(wb, 'Actuals', { Date: '2026-10-30', Metric: 'KR3', Value: value });
      }).map((i) => [i.sheet, i.a1]);
    expect(reading(0.9)).toEqual([['Actuals', 'C56']]);
    expect(reading(0.009)).toEqual([]);
    expect(reading(0.025)).toEqual([]);
  });

  it('a 125% month against a "growth ≥ 5%" KPI is real (KPI1 in the example); 24 for 24% is flagged', () => {
    expect(percentIssues(() => {})).toEqual([]);
    // A bad month, −30% growth, is a bad month: counted, not taken for −0.3%.
    expect(
      percentIssues((wb) => addRow(wb, 'Actuals', { Date: '2026-09-28', Metric: 'KPI1', Value: -0.3 })),
    ).toEqual([]);
    expect(
      percentIssues((wb) => addRow(wb, 'Actuals', { Date: '2026-09-28', Metric: 'KPI1', Value: 24 })).length,
    ).toBe(1);
  });

  it('targets and baselines: 5% → 20 and 5 → 20 are flagged at the Target cell, 5% → 150% is not', () => {
    const target = (baseline: number, value: number) =>
      percentIssues((wb) => {
        setCell(wb, 'Key Results', 'KR3', 'Baseline', baseline);
        setCell(wb, 'Key Results', 'KR3', 'Target', value);
      }).map((i) => i.a1);
    expect(target(0.05, 20)).toEqual(['I4']);
    expect(target(5, 20)).toEqual(['I4']);
    expect(target(0.05, 1.5)).toEqual([]);
    expect(target(20, 0.05)).toEqual(['H4']);
  });

  it('a % KPI bar typed as 5 (for 5%) is flagged at its cell and the KPI left out; 1.5 (150%) is a real bar', () => {
    const kpiTarget = (value: number) => {
      const wb = exampleWorkbook('en');
      setCell(wb, 'KPIs', 'KPI1', 'Target', value);
      return analyzeWorkbook(wb, { asOf: '2026-11-15' });
    };
    const typo = kpiTarget(5);
    expect(
      typo.issues.filter((i) => i.code === 'percent-as-whole-number').map((i) => [i.sheet, i.a1]),
    ).toEqual([['KPIs', 'G2']]);
    expect(typo.progress.kpis[0].leftOut).toBe('no-target');
    expect(kpiTarget(1.5).issues.filter((i) => i.code === 'percent-as-whole-number')).toEqual([]);
  });
});

describe('units read as a person writes them', () => {
  it('singular for exactly 1, plural otherwise; abbreviations and Chinese as typed', () => {
    expect(unitFor(1, 'hours', 'en')).toBe('hour');
    expect(unitFor(2, 'hour', 'en')).toBe('hours');
    expect(unitFor(0.7, 'hours', 'en')).toBe('hours');
    expect(unitFor(1, 'sign-ups', 'en')).toBe('sign-up');
    expect(unitFor(1, 'deliveries', 'en')).toBe('delivery');
    expect(unitFor(3, 'pcs', 'en')).toBe('pcs');
    expect(unitFor(1, 'kg', 'en')).toBe('kg');
    expect(unitFor(1, '小时', 'zh-CN')).toBe('小时');
    expect(unitFor(1, 'hours', 'zh-CN')).toBe('hours');
  });
});

describe('a month typed without its day', () => {
  const analyzed = (edit: (wb: ReturnType<typeof exampleWorkbook>) => void) => {
    const wb = exampleWorkbook('en');
    edit(wb);
    return analyzeWorkbook(wb, { asOf: '2026-11-15' });
  };
  const setStrategy = (wb: ReturnType<typeof exampleWorkbook>, field: string, value: string) => {
    wb['Strategy'].find((row) => row[0] === field)![1] = value;
  };
  const codes = (a: ReturnType<typeof analyzed>) => a.issues.map((i) => `${i.code} ${i.sheet}!${i.a1}`);

  it('ends a span on that month\'s last day: a period ending "2026-12" is the same plan as one ending 2026-12-31', () => {
    const typed = analyzed((wb) => setStrategy(wb, 'Period end', '2026-12'));
    expect(typed.plan.period?.end).toBe('2026-12-31');
    // Read as 1 December, every key result due on the 31st was "outside the period".
    expect(codes(typed)).toEqual(codes(analyzed(() => {})));
  });

  it('a period whose end the spreadsheet made the date 2026-12-01 (typed "2026-12") still holds what is due in December', () => {
    const dated = analyzed((wb) => {
      wb['Strategy'].find((row) => row[0] === 'Period end')![1] = new Date(Date.UTC(2026, 11, 1));
    });
    expect(dated.plan.period?.end).toBe('2026-12-01');
    // The plan counts months: December is the period's, so nothing due on the 31st is "outside the period".
    expect(codes(dated)).toEqual(codes(analyzed(() => {})));
  });

  it('a Due of "2026-08" or "2026年8月" is the 31st, a Start of "2026-03" the 1st, an End on the Roadmap its month\'s last day', () => {
    for (const due of ['2026-08', '2026/8', '2026年8月']) {
      const typed = analyzed((wb) => setCell(wb, 'Key Results', 'KR1', 'Due', due));
      expect(typed.plan.keyResults[0].due).toBe('2026-08-31');
      expect(codes(typed)).toEqual(codes(analyzed(() => {})));
    }
    const start = analyzed((wb) => setCell(wb, 'Key Results', 'KR2', 'Start', '2026-03'));
    expect(start.plan.keyResults[1].start).toBe('2026-03-01');
    const roadmap = analyzed((wb) => setCell(wb, 'Roadmap', 'R1', 'End', '2026-02'));
    expect(roadmap.plan.roadmap[0].end).toBe('2026-02-28');
  });
});
