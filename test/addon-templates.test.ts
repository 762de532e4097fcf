/**
 * Insert templates, driven through the built bundle: the template contract's tabs in the spreadsheet's
 * language, with notes, validation, formats, protections and named ranges; a second run changes nothing;
 * a person's data and extra columns survive; service calls do not grow with rows.
 */
import { describe, expect, it } from 'vitest';
import { STRATEGY_FIELDS, TABS, columnDef, enumLabels, tabDef, type Lang } from '../shared';
import { loadAddon, planWithKeyResults, snapshot, valuesOf, type ActionResult } from './helpers/addon';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { FakeDataValidationBuilder } from '../emulator/index';

const templateTabs = TABS.filter((t) => t.key !== 'targets');

describe('Insert templates', () => {
  for (const [locale, lang] of [
    ['en_US', 'en'],
    ['zh_CN', 'zh-CN'],
    ['zh_HK', 'zh-TW'],
  ] as [string, Lang][]) {
    it(`creates every template tab in the spreadsheet's language (${locale})`, () => {
      const run = loadAddon({ locale });
      const result = run.run('insertTemplates') as ActionResult;
      expect(result.ok).toBe(true);
      const names = run.ss.getSheets().map((s) => s.getName());
      expect(names).toEqual(['Sheet1', ...templateTabs.map((t) => t.label[lang])]);
      expect(run.emulator.ui.alerts).toHaveLength(1);
      expect(run.emulator.ui.alerts[0].prompt).toContain(tabDef('keyResults').label[lang]);

      const krTab = tabDef('keyResults');
      const kr = run.ss.getSheetByName(krTab.label[lang])!;
      // Header labels and notes come from the template.
      expect(kr.getRange(1, 1, 1, krTab.columns.length).getValues()[0]).toEqual(
        krTab.columns.map((c) => c.label[lang]),
      );
      expect(kr.getRange(1, 1, 1, krTab.columns.length).getNotes()[0]).toEqual(
        krTab.columns.map((c) => c.note[lang]),
      );
      expect(kr.getFrozenRows()).toBe(1);
      // Enum drop-downs in the sheet's language, owner from Departments, dates, numbers.
      const col = (key: string) => krTab.columns.findIndex((c) => c.key === key) + 1;
      const rule = (key: string) => kr.getRange(2, col(key)).getDataValidation()!;
      expect(rule('type').getCriteriaType()).toBe('VALUE_IN_LIST');
      expect(rule('type').getCriteriaValues()[0]).toEqual(enumLabels('type', lang));
      expect(rule('phasing').getCriteriaValues()[0]).toEqual(enumLabels('phasing', lang));
      expect(rule('owner').getCriteriaType()).toBe('VALUE_IN_RANGE');
      const ownerRange = rule('owner').getCriteriaValues()[0] as {
        getSheet(): { getName(): string };
        getA1Notation(): string;
      };
      expect(ownerRange.getSheet().getName()).toBe(tabDef('departments').label[lang]);
      expect(ownerRange.getA1Notation()).toBe('A2:A1000');
      expect(rule('due').getCriteriaType()).toBe('DATE_IS_VALID_DATE');
      expect(rule('target').getCriteriaType()).toBe('NUMBER_BETWEEN');
      expect(rule('due').getHelpText()).toBe(columnDef('keyResults', 'due').note[lang]);
      expect(kr.getRange(500, col('due')).getNumberFormat()).toBe('yyyy-mm-dd');
      expect(kr.getRange(2, col('confidence')).getNumberFormat()).toBe('0%');
      // Warning-only protected headers, one per tab (Strategy: header and field names).
      const protections = run.ss.getProtections('RANGE');
      expect(protections.every((p) => p.isWarningOnly())).toBe(true);
      expect(protections.map((p) => p.getRange().getSheet().getName())).toEqual(
        expect.arrayContaining(templateTabs.map((t) => t.label[lang])),
      );
      // Roadmap status is coloured.
      expect(
        run.ss.getSheetByName(tabDef('roadmap').label[lang])!.getConditionalFormatRules().length,
      ).toBeGreaterThan(0);
      // Strategy: one row per field, the period cells named.
      const strategy = valuesOf(run.ss, tabDef('strategy').label[lang]);
      expect(strategy.slice(1).map((r) => r[0])).toEqual(STRATEGY_FIELDS.map((f) => f.label[lang]));
      const named = run.ss.getNamedRanges().map((n) => n.getName());
      expect(named).toEqual(
        expect.arrayContaining(['GTM_PeriodStart', 'GTM_PeriodEnd', 'GTM_KeyResults', 'GTM_Departments']),
      );
      expect(run.ss.getRangeByName('GTM_PeriodStart')!.getA1Notation()).toBe(
        `B${STRATEGY_FIELDS.findIndex((f) => f.key === 'periodStart') + 2}`,
      );
    });
  }

  it('a zh_TW spreadsheet whose only tab is KPI (named alike in Chinese) gets its other tabs in Traditional Chinese', () => {
    const run = loadAddon({ locale: 'zh_TW', workbook: { KPI: [['']] } as never });
    expect((run.run('insertTemplates') as ActionResult).ok).toBe(true);
    const names = run.ss.getSheets().map((s) => s.getName());
    expect(names).toContain(tabDef('keyResults').label['zh-TW']);
    expect(names).not.toContain(tabDef('keyResults').label.en);
  });

  it('changes nothing on a second run, and says so', () => {
    const run = loadAddon({ locale: 'zh_CN' });
    run.run('insertTemplates');
    const before = snapshot(run.ss);
    const second = run.run('insertTemplates') as ActionResult;
    expect(snapshot(run.ss)).toEqual(before);
    expect(second.ok).toBe(true);
    expect(second.details).toMatchObject({
      createdTabs: [],
      addedColumns: [],
      addedFields: [],
      filledTabs: [],
    });
  });

  it('takes a header with a note in brackets ("Target (USD)") as the column: no empty Target added, the targets kept', () => {
    const workbook = planWithKeyResults(5, 'en');
    const kr = workbook['Key Results'];
    const target = kr[0].indexOf('Target');
    kr[0][target] = 'Target (USD)';
    const run = loadAddon({ locale: 'en_US', workbook: workbook as never });
    const inserted = run.run('insertTemplates') as ActionResult;
    expect(inserted.details).toMatchObject({ addedColumns: [] });
    expect(valuesOf(run.ss, 'Key Results')[0]).not.toContain('Target');
    const decomposed = run.run('decomposeTargets') as ActionResult;
    expect(decomposed.ok).toBe(true);
    expect(decomposed.message).not.toMatch(/Problems found/);
  });

  // QA: a zh-TW example plan whose 目標值 header was renamed 目標（萬元）. The check says the header may be meant as
  // 目標值; Insert templates added an empty 目標值 column at the end, and from then on the plan read that empty column:
  // every target "empty", the figures in column I ignored, the hint gone.
  const renamedTarget = () => {
    const run = loadAddon({ locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    expect((run.run('insertExamplePlan') as ActionResult).ok).toBe(true);
    const kr = run.ss.getSheetByName('關鍵結果')!;
    expect(kr.getRange('I1').getValue()).toBe('目標值');
    kr.getRange('I1').setValue('目標（萬元）');
    return { run, kr };
  };
  const issuesOf = (run: ReturnType<typeof loadAddon>) =>
    (run.project.callFromClient('getPlanCheck', 'zh-TW') as PlanCheck).groups
      .flatMap((g) => g.issues)
      .filter((i) => i.sheet === '關鍵結果');

  it('adds no column a header near it may stand for (目標（萬元） for 目標值), and says which header to rename', () => {
    const { run, kr } = renamedTarget();
    const header = kr.getRange(1, 1, 1, kr.getMaxColumns()).getValues()[0];
    const before = snapshot(run.ss);
    const result = run.run('insertTemplates') as ActionResult;
    expect(result.ok).toBe(true);
    // Nothing written: no empty 目標值 column after the last one.
    expect(snapshot(run.ss)).toEqual(before);
    expect(kr.getRange(1, 1, 1, kr.getMaxColumns()).getValues()[0]).toEqual(header);
    expect(result.details).toMatchObject({
      addedColumns: [],
      nearColumns: [{ tab: '關鍵結果', column: '目標值', header: '目標（萬元）', cell: 'I1' }],
    });
    expect(result.message).toBe(
      '沒有在「關鍵結果」中新增「目標值」欄：表頭「目標（萬元）」（I1）可能就是該欄。如果是，請把它改名為「目標值」；如果是你自己的欄，請在空白欄中自行新增表頭「目標值」。\n你的儲存格均未被修改。',
    );
    // The check still says the header may be meant as 目標值, and no target reads as empty.
    const issues = issuesOf(run);
    expect(issues.filter((i) => i.code === 'missing-value')).toEqual([]);
    expect(issues.find((i) => i.code === 'missing-column')).toMatchObject({
      a1: 'I1',
      message: expect.stringContaining(
        '表頭「目標（萬元）」（I1）可能就是該欄：如果是，請改名為「目標值」。',
      ),
    });
    // Renamed as it says, the plan reads the figures again.
    kr.getRange('I1').setValue('目標值');
    expect(issuesOf(run).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('still adds the columns that are truly missing beside a header near another', () => {
    const workbook = planWithKeyResults(3, 'en');
    const kr = workbook['Key Results'];
    const confidence = kr[0].indexOf('Confidence');
    workbook['Key Results'] = kr.map((row) => row.filter((_, c) => c !== confidence));
    workbook['Key Results'][0][workbook['Key Results'][0].indexOf('Phasing')] = 'Phase';
    const run = loadAddon({ locale: 'en_US', workbook: workbook as never });
    const result = run.run('insertTemplates') as ActionResult;
    const header = valuesOf(run.ss, 'Key Results')[0];
    expect(header).toContain('Confidence');
    expect(header).not.toContain('Phasing');
    expect(result.details).toMatchObject({
      addedColumns: [{ tab: 'Key Results', columns: ['Confidence'] }],
      nearColumns: [{ tab: 'Key Results', column: 'Phasing', header: 'Phase', cell: 'L1' }],
    });
    expect(result.message).toBe(
      [
        'Added columns at the end of "Key Results": Confidence.',
        'Did not add the column "Phasing" to "Key Results": the header "Phase" (L1) may be meant as it. If it is, rename it "Phasing"; if it is a column of your own, add a header "Phasing" in an empty column yourself.',
        'None of your cells were changed.',
      ].join('\n'),
    );
    // A second run adds nothing more, and says the same about the header.
    const once = snapshot(run.ss);
    const again = run.run('insertTemplates') as ActionResult;
    expect(snapshot(run.ss)).toEqual(once);
    expect(again.details).toMatchObject({ addedColumns: [], nearColumns: [{ column: 'Phasing' }] });
  });

  it('warns when the column read is empty while a header like it holds the figures (the state the old run left)', () => {
    // What Insert templates did before: an empty 目標值 column after the last one, beside 目標（萬元） with the targets.
    const { run, kr } = renamedTarget();
    const last = kr.getLastColumn();
    kr.getRange(1, last + 1).setValue('目標值');
    const issues = issuesOf(run);
    const warning = issues.find((i) => i.code === 'empty-column-near-header');
    expect(warning).toMatchObject({
      severity: 'warning',
      a1: `${String.fromCharCode(64 + last + 1)}1`,
      message: `「關鍵結果」表的「目標值」欄（${String.fromCharCode(64 + last + 1)}1）為空，而看起來像它的表頭「目標（萬元）」（I1）下有資料：計畫讀取的是空的那一欄。`,
    });
    // Once the figures are in the column read (here: the empty column removed and I1 renamed), it is gone.
    kr.getRange(1, last + 1).setValue('');
    kr.getRange('I1').setValue('目標值');
    expect(issuesOf(run).filter((i) => i.code === 'empty-column-near-header')).toEqual([]);
  });

  it('keeps every cell of an existing plan, adds missing columns after the last one, and only once', () => {
    // An English plan with the person's own column in the middle of Key Results and two template columns removed.
    const workbook = planWithKeyResults(5, 'en');
    const kr = workbook['Key Results'];
    const drop = ['confidence', 'weight'].map((key) =>
      tabDef('keyResults').columns.findIndex((c) => c.key === key),
    );
    workbook['Key Results'] = kr.map((row, r) => {
      const kept = row.filter((_, c) => !drop.includes(c));
      kept.splice(3, 0, r === 0 ? 'My notes' : `note ${r}`);
      return kept;
    });
    delete workbook.Roadmap;
    const run = loadAddon({ locale: 'zh_CN', workbook: workbook as never });
    const original = snapshot(run.ss) as { sheets: { name: string; values: unknown[][] }[] };
    const result = run.run('insertTemplates') as ActionResult;
    expect(result.ok).toBe(true);

    const after = snapshot(run.ss) as { sheets: { name: string; values: unknown[][]; notes: string[][] }[] };
    // Every original cell is unchanged (values and formulas).
    for (const sheet of original.sheets) {
      const now = after.sheets.find((s) => s.name === sheet.name)!;
      sheet.values.forEach((row, r) =>
        row.forEach((cell, c) => expect(now.values[r][c], `${sheet.name} ${r + 1}:${c + 1}`).toEqual(cell)),
      );
    }
    // The plan is English (its tabs say so), so the missing tab and columns are English too, at the end.
    const header = valuesOf(run.ss, 'Key Results')[0];
    const width = workbook['Key Results'][0].length;
    expect(header.slice(width)).toEqual(['Weight', 'Confidence']);
    expect(header.slice(0, width)).toEqual(workbook['Key Results'][0]);
    expect(run.ss.getSheetByName('Roadmap')).not.toBeNull();
    expect(result.message).toMatch(/路线图|Roadmap/);
    expect(result.details).toMatchObject({
      createdTabs: ['Roadmap'],
      addedColumns: [{ tab: 'Key Results', columns: ['Weight', 'Confidence'] }],
    });
    // The user's column keeps no note; the added ones have theirs.
    const notes = run.ss
      .getSheetByName('Key Results')!
      .getRange(1, 1, 1, width + 2)
      .getNotes()[0];
    expect(notes[3]).toBe('');
    expect(notes[width + 1]).toBe(columnDef('keyResults', 'confidence').note.en);

    const once = snapshot(run.ss);
    run.run('insertTemplates');
    expect(snapshot(run.ss)).toEqual(once);
  });

  it('adds missing Strategy fields below the last row and leaves a tab without a header alone', () => {
    const run = loadAddon({
      workbook: {
        Strategy: [
          ['Field', 'Value'],
          ['Product', 'Widget'],
          ['Vision', 'Everyone has one'],
        ],
        Objectives: [['a list of mine'], ['not a plan table']],
      },
    });
    const result = run.run('insertTemplates') as ActionResult;
    const strategy = valuesOf(run.ss, 'Strategy');
    expect(strategy.slice(0, 3)).toEqual([
      ['Field', 'Value'],
      ['Product', 'Widget'],
      ['Vision', 'Everyone has one'],
    ]);
    expect(strategy.slice(3).map((r) => r[0])).toEqual(STRATEGY_FIELDS.slice(2).map((f) => f.label.en));
    expect(valuesOf(run.ss, 'Objectives')).toEqual([['a list of mine'], ['not a plan table']]);
    expect(result.message).toContain('"Objectives" has content but no header row');
    // A Strategy tab of notes, with no field of the template: left alone too, not filled in under the notes.
    const notes = loadAddon({ workbook: { Strategy: [['Our strategy doc'], ['line 2']] } });
    const said = notes.run('insertTemplates') as ActionResult;
    expect(valuesOf(notes.ss, 'Strategy')).toEqual([['Our strategy doc'], ['line 2']]);
    expect(said.message).toContain('"Strategy" has content but no header row');
  });

  // QA: Range.setDataValidation #10 timed out. Key Results was left with its header but without its other drop-downs,
  // its date rules, the frozen header and GTM_KeyResults; the next run said it added the other tabs, and the one after
  // that "Every template tab and column is already in place": a tab with a header was taken as finished.
  it('finishes an interrupted run when run again, and says so in the failure alert', () => {
    const clean = loadAddon();
    clean.run('insertTemplates');
    const run = loadAddon();
    run.emulator.failCall(
      'Range.setDataValidation',
      10,
      'Service Spreadsheets timed out while accessing document.',
    );
    const failed = run.run('insertTemplates') as ActionResult;
    // The tab it stopped in has no header, so it cannot pass for a finished one.
    expect(valuesOf(run.ss, 'Key Results')).toEqual([]);
    const again = run.run('insertTemplates') as ActionResult;
    expect(again.ok).toBe(true);
    expect(again.details).toMatchObject({
      createdTabs: ['KPIs', 'Roadmap', 'Actuals', 'Changes'],
      filledTabs: ['Key Results'],
    });
    // The spreadsheet is as one uninterrupted run leaves it: drop-downs, date rules, frozen header, named range.
    expect(snapshot(run.ss)).toEqual(snapshot(clean.ss));
    expect(run.ss.getSheetByName('Key Results')!.getFrozenRows()).toBe(1);
    expect(run.ss.getRangeByName('GTM_KeyResults')).not.toBeNull();
    expect((run.run('insertTemplates') as ActionResult).message).toBe(
      'Every template tab and column is already in place: nothing was changed.',
    );
    // The failure alert said where it stopped, what it had done, and that running it again finishes the job.
    expect(failed.ok).toBe(false);
    expect(failed.message).toBe(
      [
        'Insert templates did not finish (Service Spreadsheets timed out while accessing document.). It stopped while setting up "Key Results": the header it was adding there is not written yet, so that part is not finished.',
        'Added tabs: Strategy, Departments, Objectives.',
        'None of your cells were changed. Run Insert templates again to finish the job: it completes what is unfinished and changes nothing that is already in place.',
      ].join('\n'),
    );
    expect(run.emulator.ui.alerts[0].prompt).toBe(failed.message);
  });

  it('run again after failing at any setup step, ends as one uninterrupted run, and keeps what the person typed and formatted', () => {
    // An existing plan: the person's own column with their validation and format, two template columns and the
    // Roadmap tab (its status colours) missing, a short Strategy tab, an empty Actuals tab.
    const workbook = () => {
      const wb = planWithKeyResults(3, 'en');
      const kr = wb['Key Results'];
      const drop = ['Weight', 'Confidence'].map((h) => kr[0].indexOf(h));
      wb['Key Results'] = kr.map((row, r) => [
        ...row.filter((_, c) => !drop.includes(c)),
        r === 0 ? 'My notes' : `note ${r}`,
      ]);
      delete wb.Roadmap;
      wb.Strategy = wb.Strategy.slice(0, 4);
      wb.Actuals = [[]];
      return wb;
    };
    const own = (run: ReturnType<typeof loadAddon>) => {
      const kr = run.ss.getSheetByName('Key Results')!;
      const notes = kr.getRange(2, kr.getLastColumn(), 3, 1);
      notes.setNumberFormat('@');
      notes.setDataValidation(new FakeDataValidationBuilder().requireTextIsEmail().build());
      return run;
    };
    const clean = own(loadAddon({ workbook: workbook() as never }));
    const before = snapshot(clean.ss);
    clean.emulator.resetCalls();
    clean.run('insertTemplates');
    const want = snapshot(clean.ss);
    expect(want).not.toEqual(before);
    const calls = clean.emulator.calls.byMethod as Record<string, number>;
    const steps = Object.keys(calls).filter((m) =>
      /^(Range|Sheet|Spreadsheet|Protection)\.(set|protect|insert)/.test(m),
    );
    expect(steps.length).toBeGreaterThanOrEqual(10);
    for (const method of steps) {
      for (const nth of new Set([1, calls[method]])) {
        const run = own(loadAddon({ workbook: workbook() as never }));
        run.emulator.failCall(method, nth, 'Service error');
        const failed = run.run('insertTemplates') as ActionResult;
        expect(failed.ok, `${method} #${nth}`).toBe(false);
        expect((run.run('insertTemplates') as ActionResult).ok, `${method} #${nth}`).toBe(true);
        expect(snapshot(run.ss), `${method} #${nth}`).toEqual(want);
        expect(failed.message, `${method} #${nth}`).toContain('Run Insert templates again to finish the job');
      }
    }
  });

  it('makes as many service calls for 500 key results as for 10', () => {
    const calls = (n: number) => {
      const run = loadAddon({ workbook: planWithKeyResults(n) as never });
      // Drop two columns so that the run has work to do on the big tab.
      const kr = run.ss.getSheetByName('Key Results')!;
      kr.getRange(1, 13, 1, 2).setValues([['', '']]);
      run.emulator.resetCalls();
      const result = run.run('insertTemplates') as ActionResult;
      expect(result.details).toMatchObject({
        addedColumns: [{ tab: 'Key Results', columns: ['Weight', 'Confidence'] }],
      });
      return run.emulator.calls;
    };
    const small = calls(10);
    const large = calls(500);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(small.byMethod['Range.getValues']).toBe(8);
  });
});
