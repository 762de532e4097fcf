/**
 * The onEdit simple trigger logs changed targets to Changes. Edits are simulated as Sheets does them: the cell
 * changes first, then onEdit(e) runs in LIMITED mode with e.value / e.oldValue for a single cell (facts #50).
 * An edit of several cells logs its tracked cells with an old value "not known", or one row when it is large.
 * A busy lock keeps the change for later instead of writing without it; a missing Changes tab is created without
 * moving the person; a cleared cell's odd e.value counts as blank. Who is the editor's e-mail when Google gives it
 * (emulator.setActiveUser), blank when it is withheld; a log made before the Who column gets it, over nothing.
 */
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../sandbox/plans';
import { STRATEGY_FIELDS, tabDef } from '../shared';
import { loadAddon, valuesOf, zonedMidnight } from './helpers/addon';

function withExample(locale = 'en_US') {
  // These tests are about the script (what onEdit writes where), not the formulas: the Targets tab's formulas are
  // kept as text ('never' recalculation, docs/emulator.md) so HyperFormula does not recalculate them on every edit.
  // The cells onEdit reads and writes (plan values, Changes) are plain values either way.
  const run = loadAddon({ locale, timeZone: 'Europe/Berlin', recalculation: 'never' });
  run.run('insertExamplePlan');
  const edit = (sheet: string, a1: string, value: unknown) => {
    const range = run.ss.getSheetByName(sheet)!.getRange(a1);
    const old = range.getValue();
    range.setValue(value);
    run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(range, old === '' ? undefined : old));
  };
  return { run, edit };
}

/** The keys of the changes kept in the document properties for later (change-log.ts keepChange). */
const keptChanges = (run: ReturnType<typeof loadAddon>) =>
  [...run.emulator.properties.document.keys()].filter((k) => k.startsWith('gtmPyramid.pendingChange.'));

/** The rows logged since Changes had `before` rows, from Sheet to New value. */
const loggedSince = (run: ReturnType<typeof loadAddon>, before: number, changes = 'Changes') =>
  valuesOf(run.ss, changes)
    .slice(before)
    .map((r) => r.slice(1, 7));

/** A paste (or fill, or sort) over several cells: the cells change, then onEdit runs with no value or old value. */
function paste(run: ReturnType<typeof loadAddon>, sheet: string, a1: string, values: unknown[][]) {
  const range = run.ss.getSheetByName(sheet)!.getRange(a1);
  range.setValues(values);
  run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(range));
}

/**
 * Rows cleared as a person does it: the rows selected by their headers (every column of the grid), Delete pressed.
 * The cells are emptied, then onEdit runs with the range and no value or old value, as for any edit of several
 * cells (facts #50; https://developers.google.com/apps-script/guides/triggers/events).
 */
function clearRows(run: ReturnType<typeof loadAddon>, sheet: string, first: number, count = 1) {
  const tab = run.ss.getSheetByName(sheet)!;
  const range = tab.getRange(first, 1, count, tab.getMaxColumns());
  range.clearContent();
  const event = run.emulator.editEvent(range);
  expect(Object.keys(event)).not.toContain('value');
  expect(Object.keys(event)).not.toContain('oldValue');
  run.project.callAs('LIMITED', 'onEdit', event);
}

/** The two changes several tests make (KR3's target 0.2 → 0.25, then KR1's), as Changes then holds them. */
const TWO_CHANGES = [
  ['Key Results', 'I4', 'KR3', 'Target', 0.2, 0.25],
  ['Key Results', 'I2', 'KR1', 'Target', 1_000_000, 1_100_000],
];

/** The Who of each row logged since Changes had `before` rows, found by its header. */
const whoSince = (run: ReturnType<typeof loadAddon>, before: number, changes = 'Changes') => {
  const rows = valuesOf(run.ss, changes);
  const column = rows[0].indexOf(tabDef('changes').columns.find((c) => c.key === 'who')!.label.en);
  expect(column).toBeGreaterThan(0);
  return rows.slice(before).map((r) => r[column]);
};

describe('onEdit change log', () => {
  it('appends timestamp, sheet, cell, ID, field, old, new and who when a key result target changes; Reason stays empty', () => {
    const { run, edit } = withExample();
    run.emulator.setActiveUser('ana.silva@example.com');
    const before = valuesOf(run.ss, 'Changes').length;
    const started = Date.now();
    edit('Key Results', 'I4', 0.25);
    const rows = valuesOf(run.ss, 'Changes');
    expect(rows).toHaveLength(before + 1);
    expect(rows[0].slice(7)).toEqual(['Reason', 'Who']);
    const [timestamp, ...rest] = rows.at(-1)!;
    expect(rest).toEqual(['Key Results', 'I4', 'KR3', 'Target', 0.2, 0.25, '', 'ana.silva@example.com']);
    expect(timestamp).toBeInstanceOf(Date);
    expect((timestamp as Date).getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it('writes the row with Who blank when Google withholds the address, and when asking for it fails', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.setActiveUser(null); // an editor outside the script owner's Workspace domain: getEmail() is ''
    edit('Key Results', 'I4', 0.25);
    // The scope not (yet) granted: "You do not have permission to call Session.getActiveUser".
    run.emulator.failCall(
      'Session.getActiveUser',
      1,
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    edit('Key Results', 'I2', 1_100_000);
    expect(loggedSince(run, before)).toEqual(TWO_CHANGES);
    expect(whoSince(run, before)).toEqual(['', '']);
    expect(keptChanges(run)).toEqual([]);
    expect(run.emulator.logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/Session\.getActiveUser\(\) gave no e-mail .*permission.*; Who is left blank/),
    );
  });

  it("takes the edit event's user first, with no call to Session", () => {
    const { run, edit } = withExample();
    run.emulator.setActiveUser('liam.park@example.com');
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.resetCalls();
    edit('Key Results', 'I4', 0.25);
    expect(whoSince(run, before)).toEqual(['liam.park@example.com']);
    expect(run.emulator.calls.byMethod['Session.getActiveUser']).toBeUndefined();
  });

  it('logs a number as its cell shows it where the format shows a multiple or a percent: 100萬 → 150萬, not 100 → 150', () => {
    const { run, edit } = withExample();
    const keyResults = run.ss.getSheetByName('Key Results')!;
    keyResults.getRange('I2').setValue(100).setNumberFormat('#,##0"萬"');
    keyResults.getRange('I4').setNumberFormat('0.0%');
    const before = valuesOf(run.ss, 'Changes').length;
    edit('Key Results', 'I2', 150);
    edit('Key Results', 'I4', 0.25);
    expect(loggedSince(run, before)).toEqual([
      ['Key Results', 'I2', 'KR1', 'Target', '100萬', '150萬'],
      ['Key Results', 'I4', 'KR3', 'Target', '20%', '25%'],
    ]);
  });

  it('logs Due as a date, Owner of a KPI, and a cleared Baseline', () => {
    const { run, edit } = withExample();
    edit('Key Results', 'K2', zonedMidnight('2026-09-30', 'Europe/Berlin'));
    edit('KPIs', 'C3', 'Operations');
    edit('Key Results', 'H4', '');
    const rows = valuesOf(run.ss, 'Changes')
      .slice(-3)
      .map((r) => r.slice(1, 7));
    // Written as what they are, a date as a date and a number as a number: never text that Sheets would read
    // as typed in the spreadsheet's locale ("0.05" is no number in de_DE).
    expect(rows).toEqual([
      [
        'Key Results',
        'K2',
        'KR1',
        'Due',
        zonedMidnight('2026-08-31', 'Europe/Berlin'),
        zonedMidnight('2026-09-30', 'Europe/Berlin'),
      ],
      ['KPIs', 'C3', 'KPI2', 'Owner', 'Support', 'Operations'],
      ['Key Results', 'H4', 'KR3', 'Baseline', 0.05, ''],
    ]);
  });

  it('logs what splits a target into months: Start, Phasing, Type and Direction', () => {
    const { run, edit } = withExample();
    const header = run.ss.getSheetByName('Key Results')!.getRange(1, 1, 1, 14).getValues()[0] as string[];
    const a1 = (label: string, row: number) => `${String.fromCharCode(65 + header.indexOf(label))}${row}`;
    edit('Key Results', a1('Phasing', 3), 'ramp-up');
    edit('Key Results', a1('Start', 3), zonedMidnight('2026-04-01', 'Europe/Berlin'));
    edit('Key Results', a1('Direction', 4), 'decrease');
    const rows = valuesOf(run.ss, 'Changes')
      .slice(-3)
      .map((r) => r.slice(3, 7));
    expect(rows).toEqual([
      ['KR2', 'Phasing', 'even', 'ramp-up'],
      [
        'KR2',
        'Start',
        zonedMidnight('2026-03-01', 'Europe/Berlin'),
        zonedMidnight('2026-04-01', 'Europe/Berlin'),
      ],
      ['KR3', 'Direction', 'increase', 'decrease'],
    ]);
  });

  it('logs a Unit changed, since a Unit in a multiple scales the Target (50,000 sign-ups is 5 万人)', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    edit('Key Results', 'F3', '万人');
    edit('Key Results', 'I3', 5);
    expect(loggedSince(run, before)).toEqual([
      ['Key Results', 'F3', 'KR2', 'Unit', 'sign-ups', '万人'],
      ['Key Results', 'I3', 'KR2', 'Target', 50_000, 5],
    ]);
  });

  it('does not log an edit of a second tab of the same kind, which the plan does not read (a translated copy)', () => {
    const { run } = withExample();
    const copy = run.ss.insertSheet('關鍵結果', run.ss.getNumSheets());
    const original = run.ss.getSheetByName('Key Results')!;
    const grid = original.getDataRange().getValues();
    copy.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
    const before = valuesOf(run.ss, 'Changes').length;
    const cell = copy.getRange('I4');
    const old = cell.getValue();
    cell.setValue(0.3);
    run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(cell, old));
    expect(valuesOf(run.ss, 'Changes')).toHaveLength(before);
  });

  it('ignores other columns, other tabs, header rows, and pastes over untracked cells only', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    edit('Key Results', 'C2', 'A new title');
    edit('Objectives', 'B2', 'A new objective');
    edit('Key Results', 'I1', 'Target');
    paste(run, 'Key Results', 'B2:C3', [
      ['O2', 'A title'],
      ['O2', 'Another title'],
    ]);
    expect(valuesOf(run.ss, 'Changes')).toHaveLength(before);
  });

  it('logs each tracked cell of a paste over several cells, with its new value, an old value "not known" and who', () => {
    const { run } = withExample();
    run.emulator.setActiveUser('maria.chen@example.com');
    const before = valuesOf(run.ss, 'Changes').length;
    // Sheets gives no old values for an edit of several cells (e.oldValue is for one cell only, facts #50).
    const notKnown = 'not known: several cells were changed at once (a paste, a fill, a sort)';
    // Unit, Direction, Baseline, Target of KR1 and KR2 (eight tracked cells): each logged.
    const rows = run.ss.getSheetByName('Key Results')!.getRange('F2:I3').getValues();
    rows[1][3] = 60_000;
    paste(run, 'Key Results', 'F2:I3', rows);
    expect(loggedSince(run, before)).toEqual([
      ['Key Results', 'F2', 'KR1', 'Unit', notKnown, 'USD'],
      ['Key Results', 'G2', 'KR1', 'Direction', notKnown, 'increase'],
      ['Key Results', 'H2', 'KR1', 'Baseline', notKnown, 0],
      ['Key Results', 'I2', 'KR1', 'Target', notKnown, 1_000_000],
      ['Key Results', 'F3', 'KR2', 'Unit', notKnown, 'sign-ups'],
      ['Key Results', 'G3', 'KR2', 'Direction', notKnown, 'increase'],
      ['Key Results', 'H3', 'KR2', 'Baseline', notKnown, 0],
      ['Key Results', 'I3', 'KR2', 'Target', notKnown, 60_000],
    ]);
    expect(whoSince(run, before)).toEqual(Array(8).fill('maria.chen@example.com'));
    // Title and Type over KR1 and KR2 (C2:E3 holds Owner and Type too, four tracked cells): only those logged.
    const texts = run.ss.getSheetByName('Key Results')!.getRange('C2:E3').getValues();
    texts[0][1] = 'Marketing';
    paste(run, 'Key Results', 'C2:E3', texts);
    expect(loggedSince(run, before + 8).map((r) => [r[1], r[3], r[5]])).toEqual([
      ['D2', 'Owner', 'Marketing'],
      ['E2', 'Type', 'cumulative'],
      ['D3', 'Owner', 'Marketing'],
      ['E3', 'Type', 'cumulative'],
    ]);
    // A row without an ID (being typed in) has nothing to trace yet.
    const sheet = run.ss.getSheetByName('Key Results')!;
    const next = sheet.getLastRow() + 1;
    paste(run, 'Key Results', `I${next - 1}:I${next}`, [[0.3], [5]]);
    expect(loggedSince(run, before + 12)).toEqual([
      ['Key Results', `I${next - 1}`, sheet.getRange(next - 1, 1).getValue(), 'Target', notKnown, 0.3],
    ]);
  });

  it('logs a paste, fill or sort over more than 10 tracked cells as one row that names the cells, IDs and fields', () => {
    const { run } = withExample('zh_TW');
    run.emulator.setActiveUser('wei.zhang@example.com');
    const name = '關鍵結果';
    const sheet = run.ss.getSheetByName(name)!;
    const last = sheet.getLastRow();
    const ids = sheet
      .getRange(2, 1, last - 1, 1)
      .getValues()
      .map((r) => r[0]);
    const header = sheet.getRange(1, 1, 1, 11).getValues()[0];
    const changes = run.ss
      .getSheets()
      .find((s) => /變更/.test(s.getName()))!
      .getName();
    const before = valuesOf(run.ss, changes).length;
    const block = sheet.getRange(`H2:K${last}`).getValues();
    paste(run, name, `H2:K${last}`, block);
    expect(loggedSince(run, before, changes)).toEqual([
      [
        name,
        `H2:K${last}`,
        ids.join(', '),
        header.slice(7, 11).join(', '),
        '未知：一次修改了多個儲存格（貼上、填入或排序）',
        `${ids.length * 4} 個值：請查看「檔案 › 版本記錄」`,
      ],
    ]);
    const rows = valuesOf(run.ss, changes);
    expect(rows[0].at(-1)).toBe('變更人');
    expect(rows.at(-1)!.at(-1)).toBe('wei.zhang@example.com');
  });

  it("keeps each kept change's own editor: written later, in another person's edit, it still names the first", () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.setActiveUser('ana.silva@example.com');
    run.emulator.setLockContention(true);
    edit('Key Results', 'I4', 0.25);
    expect(keptChanges(run)).toHaveLength(1);
    run.emulator.setLockContention(false);
    run.emulator.setActiveUser('maria.chen@example.com');
    edit('Key Results', 'I2', 1_100_000);
    expect(loggedSince(run, before)).toEqual(TWO_CHANGES);
    expect(whoSince(run, before)).toEqual(['ana.silva@example.com', 'maria.chen@example.com']);
  });

  it('keeps the changes of a paste in their order when the lock is busy, and writes them in that order later', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.setLockContention(true);
    paste(run, 'Key Results', 'I2:I4', [[1], [2], [3]]);
    expect(keptChanges(run)).toHaveLength(3);
    run.emulator.setLockContention(false);
    edit('Key Results', 'I5', 4);
    expect(loggedSince(run, before).map((r) => [r[1], r[5]])).toEqual([
      ['I2', 1],
      ['I3', 2],
      ['I4', 3],
      ['I5', 4],
    ]);
    expect(keptChanges(run)).toEqual([]);
  });

  it('creates Changes in the plan language when it is missing', () => {
    const { run, edit } = withExample('zh_CN');
    run.ss.deleteSheet(run.ss.getSheetByName('变更记录')!);
    edit('关键结果', 'I3', 60_000);
    const rows = valuesOf(run.ss, '变更记录');
    expect(rows[0][0]).toBe('时间');
    expect(rows[0].at(-1)).toBe('变更人');
    expect(rows[1].slice(1)).toEqual(['关键结果', 'I3', 'KR2', '目标值', 50_000, 60_000, '', '']);
  });

  it('creates Changes in Traditional Chinese for a Traditional plan edited on its KPI tab (named alike in both scripts)', () => {
    const workbook = examplePlan('zh-TW');
    delete workbook['變更記錄'];
    const run = loadAddon({ locale: 'en_US', timeZone: 'Europe/Berlin', recalculation: 'never', workbook });
    const range = run.ss.getSheetByName('KPI')!.getRange('G2');
    const old = range.getValue();
    range.setValue(0.06);
    run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(range, old));
    const names = run.ss.getSheets().map((sheet) => sheet.getName());
    expect(names).toContain('變更記錄');
    expect(names).not.toContain('变更记录');
  });

  it('writes the header again into a Changes tab someone emptied, then the change below it', () => {
    const { run, edit } = withExample();
    run.ss.getSheetByName('Changes')!.clear();
    edit('Key Results', 'I4', 0.25);
    const rows = valuesOf(run.ss, 'Changes');
    expect(rows[0]).toEqual(tabDef('changes').columns.map((c) => c.label.en));
    expect(rows[1].slice(1, 7)).toEqual(['Key Results', 'I4', 'KR3', 'Target', 0.2, 0.25]);
  });

  it('logs into the Changes tab whatever its case or language ("changes"), not beside it', () => {
    const { run, edit } = withExample();
    run.ss.getSheetByName('Changes')!.setName('changes');
    const before = valuesOf(run.ss, 'changes').length;
    edit('Key Results', 'I4', 0.25);
    expect(run.ss.getSheets().map((s) => s.getName())).not.toContain('Changes');
    const rows = valuesOf(run.ss, 'changes');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.slice(1, 7)).toEqual(['Key Results', 'I4', 'KR3', 'Target', 0.2, 0.25]);
  });

  it("never writes into someone's own tab named Changes: the change is kept, and logged once the tab is free", () => {
    const { run, edit } = withExample();
    run.ss.deleteSheet(run.ss.getSheetByName('Changes')!);
    const notes = [
      ['Note', 'Who'],
      ['Call the printer', 'Ann'],
    ];
    run.ss.insertSheet('Changes').getRange(1, 1, 2, 2).setValues(notes);
    edit('Key Results', 'I4', 0.25);
    expect(valuesOf(run.ss, 'Changes')).toEqual(notes);
    expect(keptChanges(run)).toHaveLength(1);
    // The notes tab renamed: the next change creates the log, with the kept change first.
    run.ss.getSheetByName('Changes')!.setName('My notes');
    edit('Key Results', 'I2', 1_100_000);
    expect(valuesOf(run.ss, 'My notes')).toEqual(notes);
    expect(valuesOf(run.ss, 'Changes').map((r) => r.slice(1, 7))).toEqual([
      tabDef('changes')
        .columns.map((c) => c.label.en)
        .slice(1, 7),
      ['Key Results', 'I4', 'KR3', 'Target', 0.2, 0.25],
      ['Key Results', 'I2', 'KR1', 'Target', 1_000_000, 1_100_000],
    ]);
    expect(keptChanges(run)).toEqual([]);
  });

  it('keeps the change when writing to Changes fails (a protected tab, a quota), and writes it with the next one', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.failCall('Range.setValues', 1, 'You are trying to edit a protected cell or object.');
    edit('Key Results', 'I4', 0.25);
    expect(valuesOf(run.ss, 'Changes')).toHaveLength(before);
    expect(keptChanges(run)).toHaveLength(1);
    expect(run.emulator.logs.map((l) => l.message)).toContainEqual(
      expect.stringContaining('the change log could not be written (You are trying to edit a protected cell'),
    );
    edit('Key Results', 'I2', 1_100_000);
    expect(loggedSince(run, before)).toEqual(TWO_CHANGES);
    expect(keptChanges(run)).toEqual([]);
  });

  it('a kept change the sheet refuses does not block the next ones: each new one is written alone', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.failCall('Range.setValues', 1, 'Service error');
    edit('Key Results', 'I4', 0.25); // kept
    // The next write with the kept change fails too (say it holds what the sheet refuses): the new change alone.
    run.emulator.failCall('Range.setValues', 1, 'Service error');
    edit('Key Results', 'I2', 1_100_000);
    expect(loggedSince(run, before)).toEqual([TWO_CHANGES[1]]);
    expect(keptChanges(run)).toHaveLength(1);
  });

  it('writes a changed Due as a day, shown as one', () => {
    const { run, edit } = withExample();
    edit('Key Results', 'K2', zonedMidnight('2026-09-30', 'Europe/Berlin'));
    const changes = run.ss.getSheetByName('Changes')!;
    const row = changes.getLastRow();
    expect(changes.getRange(row, 6, 1, 2).getNumberFormats()).toEqual([['yyyy-mm-dd', 'yyyy-mm-dd']]);
    expect(changes.getRange(row, 6, 1, 2).getDisplayValues()).toEqual([['2026-08-31', '2026-09-30']]);
  });

  it('logs a number typed into a Due as typed, or as the day the plan reads (1151231 is no 5051-12-17)', () => {
    const { run, edit } = withExample();
    // 1151231 (a Minguo 115/12/31 typed without separators) is refused at its cell by the plan (compact-date); as
    // a serial it is 5051-12-17. 46356 is the serial of 2026-11-30, a day the plan reads; 5 is a day of 1900.
    edit('Key Results', 'K2', 1151231);
    edit('Key Results', 'K3', 46356);
    edit('Key Results', 'K3', 5);
    const rows = valuesOf(run.ss, 'Changes')
      .slice(-3)
      .map((r) => r.slice(2, 7));
    const day = (iso: string) => zonedMidnight(iso, 'Europe/Berlin');
    expect(rows).toEqual([
      ['K2', 'KR1', 'Due', day('2026-08-31'), 1151231],
      ['K3', 'KR2', 'Due', day('2026-12-31'), day('2026-11-30')],
      ['K3', 'KR2', 'Due', day('2026-11-30'), 5],
    ]);
    const changes = run.ss.getSheetByName('Changes')!;
    expect(changes.getRange(changes.getLastRow() - 2, 6, 3, 2).getDisplayValues()).toEqual([
      ['2026-08-31', '1151231'],
      ['2026-12-31', '2026-11-30'],
      ['2026-11-30', '5'],
    ]);
  });

  it('keeps the change while a column of the log is renamed ("Alter Wert"), rather than write it without its values', () => {
    const { run, edit } = withExample();
    const changes = run.ss.getSheetByName('Changes')!;
    const header = changes.getRange(1, 1, 1, changes.getLastColumn()).getValues()[0] as string[];
    const oldValue =
      header.indexOf(tabDef('changes').columns.find((c) => c.key === 'oldValue')!.label.en) + 1;
    changes.getRange(1, oldValue).setValue('Alter Wert');
    const before = valuesOf(run.ss, 'Changes').length;
    edit('Key Results', 'I4', 0.25);
    expect(valuesOf(run.ss, 'Changes')).toHaveLength(before);
    // Named as the log names it again: the kept change is written, with every value.
    changes.getRange(1, oldValue).setValue('Old value');
    edit('Key Results', 'I2', 1_100_000);
    expect(loggedSince(run, before)).toEqual(TWO_CHANGES);
  });

  it("logs into a Changes tab made before Who existed: Who is added after its last used column, over nothing of the person's", () => {
    const { run, edit } = withExample();
    run.emulator.setActiveUser('ana.silva@example.com');
    run.ss.deleteSheet(run.ss.getSheetByName('Changes')!);
    const old = tabDef('changes')
      .columns.filter((c) => c.key !== 'who')
      .map((c) => c.label.en);
    // The log as it was: its eight columns, a column of the person's own (Approved by), and a note further right.
    const log = run.ss.insertSheet('Changes');
    log.getRange(1, 1, 2, 9).setValues([
      [...old, 'Approved by'],
      [
        new Date('2026-05-04T08:00:00Z'),
        'Key Results',
        'I2',
        'KR1',
        'Target',
        900_000,
        1_000_000,
        'Q2 review',
        'CFO',
      ],
    ]);
    log.getRange('K5').setValue('see the memo');
    const before = valuesOf(run.ss, 'Changes');
    expect(before[0]).toHaveLength(11);

    edit('Key Results', 'I4', 0.25);
    const after = valuesOf(run.ss, 'Changes');
    // Every cell that held something holds it still.
    before.forEach((row, r) =>
      row.forEach((cell, c) => expect(after[r][c], `${r + 1}:${c + 1}`).toEqual(cell)),
    );
    // Who is the column after the last used one (L), with the template's header and note; the change is below the
    // last used row, with who in it and nothing in the person's columns.
    expect(after[0].slice(8)).toEqual(['Approved by', '', '', 'Who']);
    expect(log.getRange('L1').getNote()).toBe(
      tabDef('changes').columns.find((c) => c.key === 'who')!.note.en,
    );
    expect(after).toHaveLength(6);
    expect(after[5].slice(1)).toEqual([
      'Key Results',
      'I4',
      'KR3',
      'Target',
      0.2,
      0.25,
      '',
      '',
      '',
      '',
      'ana.silva@example.com',
    ]);
    expect(keptChanges(run)).toEqual([]);
  });

  it('writes the change without who, not keeps it, when the Who column cannot be added to an old log', () => {
    const { run, edit } = withExample();
    run.emulator.setActiveUser('ana.silva@example.com');
    const log = run.ss.getSheetByName('Changes')!;
    log.deleteColumns(9, 1); // the log as it was before the Who column
    const before = valuesOf(run.ss, 'Changes').length;
    run.emulator.failCall('Range.setValues', 1, 'You are trying to edit a protected cell.'); // the header cell
    edit('Key Results', 'I4', 0.25);
    expect(loggedSince(run, before)).toEqual([TWO_CHANGES[0]]);
    expect(valuesOf(run.ss, 'Changes')[0]).toHaveLength(8);
    expect(keptChanges(run)).toEqual([]);
    // The next change adds it.
    edit('Key Results', 'I2', 1_100_000);
    expect(whoSince(run, before)).toEqual(['', 'ana.silva@example.com']);
  });

  it('keeps the change when the lock is busy, writes nothing to the sheet, and writes it first at the next change', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes');
    run.emulator.setLockContention(true); // another execution (a long menu action) holds the document lock
    const writes = run.emulator.lock.writes.length;
    edit('Key Results', 'I4', 0.25);
    expect(valuesOf(run.ss, 'Changes')).toEqual(before);
    // Nothing written to the document without the lock, except the kept change itself (a property).
    expect(run.emulator.lock.writes.slice(writes)).toEqual([
      { method: 'Properties.setProperty', lockHeld: false },
    ]);
    const kept = [...run.emulator.properties.document].filter(([k]) =>
      k.startsWith('gtmPyramid.pendingChange.'),
    );
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0][1])).toMatchObject({
      cell: 'I4',
      id: 'KR3',
      oldValue: '0.2',
      newValue: '0.25',
    });
    expect(run.emulator.logs.filter((l) => /Error|Exception/.test(l.message))).toEqual([]);
    // It asked for the document lock for 2 s at most, not a large share of the trigger's 30 s.
    expect(run.emulator.lock.requests.at(-1)).toEqual({
      method: 'tryLock',
      timeoutMs: 2000,
      kind: 'document',
    });

    run.emulator.setLockContention(false);
    edit('Key Results', 'I2', 1_100_000);
    const rows = valuesOf(run.ss, 'Changes');
    expect(rows).toHaveLength(before.length + 2);
    expect(rows.slice(-2).map((r) => r.slice(1, 7))).toEqual([
      ['Key Results', 'I4', 'KR3', 'Target', 0.2, 0.25],
      ['Key Results', 'I2', 'KR1', 'Target', 1_000_000, 1_100_000],
    ]);
    const [first, second] = rows.slice(-2).map((r) => (r[0] as Date).getTime());
    expect(first).toBeLessThanOrEqual(second); // the kept change keeps its own, earlier, time
    expect([...run.emulator.properties.document.keys()].filter((k) => k.startsWith('gtmPyramid.'))).toEqual(
      [],
    );
    // Both rows went in under the lock, in one call.
    expect(run.emulator.lock.writes.filter((w) => w.method === 'Range.setValues').at(-1)).toEqual({
      method: 'Range.setValues',
      lockHeld: true,
    });
  });

  it('creates a missing Changes tab without moving the person off their tab, selection or current cell', () => {
    const { run, edit } = withExample();
    run.ss.deleteSheet(run.ss.getSheetByName('Changes')!);
    const kr = run.ss.getSheetByName('Key Results')!;
    kr.activate();
    // The person typed in I4 and has since selected B3:D6 with C4 current.
    kr.getRange('B3:D6').activate();
    kr.getRange('C4').activateAsCurrentCell();
    const where = run.ss.emu.selection();
    expect(where).toEqual({ sheet: 'Key Results', range: 'B3:D6', currentCell: 'C4' });
    edit('Key Results', 'I4', 0.25);
    expect(valuesOf(run.ss, 'Changes').at(-1)!.slice(1, 7)).toEqual([
      'Key Results',
      'I4',
      'KR3',
      'Target',
      0.2,
      0.25,
    ]);
    expect(run.ss.emu.selection()).toEqual(where);
    expect(run.ss.getActiveSheet().getName()).toBe('Key Results');
  });

  it("takes a cleared cell's e.value that is missing or an object as blank, and reads the cell", () => {
    const { run } = withExample();
    const cell = run.ss.getSheetByName('Key Results')!.getRange('H4');
    const onEdit = (value: unknown, old: unknown) =>
      run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(cell, old, { value }));
    cell.setValue('');
    onEdit({ oldValue: 0.05 }, 0.05);
    cell.setValue(0.07);
    onEdit(undefined, undefined); // no e.value, no e.oldValue: the cell gives the new value
    cell.setValue('');
    onEdit(undefined, 0.07);
    const rows = valuesOf(run.ss, 'Changes')
      .slice(-3)
      .map((r) => r.slice(2, 7));
    expect(rows).toEqual([
      ['H4', 'KR3', 'Baseline', 0.05, ''],
      ['H4', 'KR3', 'Baseline', '', 0.07],
      ['H4', 'KR3', 'Baseline', 0.07, ''],
    ]);
    expect(run.emulator.logs.filter((l) => /Error|Exception/.test(l.message))).toEqual([]);
  });
});

describe('onEdit change log: what else splits a target into months (a custom weight, the period)', () => {
  /**
   * The example plan with KR2's Phasing custom and Targets rebuilt (its weights row is row 4, March in G), and
   * weights typed there; `recalculation`: 'onWrite' where a test reads a logged text back as the cell shows it.
   */
  function withWeights(locale = 'en_US', recalculation: 'never' | 'onWrite' = 'never') {
    const run = loadAddon({ locale, timeZone: 'Europe/Berlin', recalculation });
    run.run('insertExamplePlan');
    const lang = locale === 'zh_CN' ? 'zh-CN' : 'en';
    const tab = (key: 'keyResults' | 'targets' | 'strategy' | 'changes') => tabDef(key).label[lang];
    run.ss
      .getSheetByName(tab('keyResults'))!
      .getRange('L3')
      .setValue(lang === 'en' ? 'custom' : '自定义');
    run.run('decomposeTargets');
    const targets = run.ss.getSheetByName(tab('targets'))!;
    expect(targets.getRange('A4').getValue()).toBe('KR2');
    targets.getRange(4, 5, 1, 12).setValues([[0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    const edit = (sheet: string, a1: string, value: unknown) => {
      const range = run.ss.getSheetByName(sheet)!.getRange(a1);
      const old = range.getValue();
      if (typeof value === 'string' && value.startsWith('=')) range.setFormula(value);
      else range.setValue(value);
      run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(range, old === '' ? undefined : old));
    };
    return { run, edit, tab, before: valuesOf(run.ss, tab('changes')).length };
  }

  it('logs a weight typed on the Targets tab: its ID, the month as the field, old and new as the cell showed them, who', () => {
    const { run, edit, before } = withWeights('en_US', 'onWrite');
    run.emulator.setActiveUser('ana.silva@example.com');
    // The QA's edit: 5 in KR2's March weight, which moves its whole year (60,000 in March, 0 after).
    edit('Targets', 'G4', 5);
    // A weight that is a formula: as the cell shows it. And a cleared one.
    edit('Targets', 'H4', '=G4*2');
    edit('Targets', 'P4', '');
    expect(loggedSince(run, before)).toEqual([
      ['Targets', 'G4', 'KR2', '2026-03', 1, 5],
      ['Targets', 'H4', 'KR2', '2026-04', 1, 10],
      ['Targets', 'P4', 'KR2', '2026-12', 1, ''],
    ]);
    expect(whoSince(run, before)).toEqual(Array(3).fill('ana.silva@example.com'));
    // The tab's own cells (a month's target typed over, a name, the Row) are not weights: a rebuild writes them.
    edit('Targets', 'G3', 123);
    edit('Targets', 'C4', 'A name');
    edit('Targets', 'G1', 'March');
    expect(valuesOf(run.ss, 'Changes')).toHaveLength(before + 3);
  });

  it('logs a weight typed as text as that text, never as a formula that runs', () => {
    const { run, edit, before } = withWeights('en_US', 'onWrite');
    edit('Targets', 'G4', "'=2*3"); // typed in Sheets as '=2*3: the text =2*3
    const changes = run.ss.getSheetByName('Changes')!;
    const row = before + 1;
    expect(loggedSince(run, before)).toEqual([['Targets', 'G4', 'KR2', '2026-03', 1, '=2*3']]);
    // A formula that yields the text (textCell), as the log writes any text: never 6.
    expect(changes.getRange(row, 7).getFormula()).toBe('="=2*3"');
  });

  it('logs each weight of a paste over a weights row, and nothing of the target row beside it', () => {
    const { run, before } = withWeights();
    const notKnown = 'not known: several cells were changed at once (a paste, a fill, a sort)';
    paste(run, 'Targets', 'G3:H4', [
      [1, 2],
      [3, 4],
    ]);
    expect(loggedSince(run, before)).toEqual([
      ['Targets', 'G4', 'KR2', '2026-03', notKnown, 3],
      ['Targets', 'H4', 'KR2', '2026-04', notKnown, 4],
    ]);
  });

  it("logs the period's start and end on the Strategy tab, as days, named as its Field cell names them", () => {
    const { run, edit, before } = withWeights();
    edit('Strategy', 'B10', zonedMidnight('2026-06-30', 'Europe/Berlin'));
    // Typed as a month: the day the plan reads (the period starts on its first day).
    edit('Strategy', 'B9', '2026-02');
    // Other fields are not logged.
    edit('Strategy', 'B2', 'Another product');
    expect(loggedSince(run, before)).toEqual([
      [
        'Strategy',
        'B10',
        '',
        'Period end',
        zonedMidnight('2026-12-31', 'Europe/Berlin'),
        zonedMidnight('2026-06-30', 'Europe/Berlin'),
      ],
      [
        'Strategy',
        'B9',
        '',
        'Period start',
        zonedMidnight('2026-01-01', 'Europe/Berlin'),
        zonedMidnight('2026-02-01', 'Europe/Berlin'),
      ],
    ]);
    const formats = run.ss
      .getSheetByName('Changes')!
      .getRange(before + 1, 6, 2, 2)
      .getNumberFormats();
    expect(formats).toEqual([
      ['yyyy-mm-dd', 'yyyy-mm-dd'],
      ['yyyy-mm-dd', 'yyyy-mm-dd'],
    ]);
  });

  it("logs them in the plan's language: a Simplified Chinese plan's period and weight", () => {
    const { run, edit, tab, before } = withWeights('zh_CN');
    edit(tab('strategy'), 'B10', zonedMidnight('2026-06-30', 'Europe/Berlin'));
    edit(tab('targets'), 'G4', 2);
    const rows = valuesOf(run.ss, tab('changes'))
      .slice(before)
      .map((r) => r.slice(1, 5));
    expect(rows).toEqual([
      [tab('strategy'), 'B10', '', STRATEGY_FIELDS.find((f) => f.key === 'periodEnd')!.label['zh-CN']],
      [tab('targets'), 'G4', 'KR2', '2026-03'],
    ]);
  });
});

describe('onEdit change log: rows cleared at once (Delete over whole rows)', () => {
  /** What the log says of a row cleared with its ID, in each language (the catalogue's words). */
  const ROW_CLEARED =
    'not known: the row is blank now, its ID cell too (cleared, unless it was blank before): see File › Version history';
  const KR_FIELDS = 'Owner, Type, Unit, Direction, Baseline, Target, Start, Due, Phasing';

  it('leaves a trace of a key result row cleared with its ID: its cells, its tracked fields, old not known, who', () => {
    const { run } = withExample();
    run.emulator.setActiveUser('ana.silva@example.com');
    const before = valuesOf(run.ss, 'Changes').length;
    clearRows(run, 'Key Results', 4); // KR3
    expect(
      run.ss
        .getSheetByName('Key Results')!
        .getRange('A4:N4')
        .getValues()[0]
        .every((v) => v === ''),
    ).toBe(true);
    expect(loggedSince(run, before)).toEqual([['Key Results', 'A4:Z4', '', KR_FIELDS, ROW_CLEARED, '']]);
    expect(whoSince(run, before)).toEqual(['ana.silva@example.com']);
    expect(keptChanges(run)).toEqual([]);
  });

  it('leaves one trace per row when three rows are cleared at once, the last rows of the tab among them', () => {
    const { run } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    clearRows(run, 'Key Results', 4, 3); // KR3, KR4, KR5: the tab's last row with content is 3 afterwards
    expect(loggedSince(run, before)).toEqual([
      ['Key Results', 'A4:Z4', '', KR_FIELDS, ROW_CLEARED, ''],
      ['Key Results', 'A5:Z5', '', KR_FIELDS, ROW_CLEARED, ''],
      ['Key Results', 'A6:Z6', '', KR_FIELDS, ROW_CLEARED, ''],
    ]);
  });

  it('leaves a trace of a cleared row whose ID was blank already (a row being typed in): its Target is gone too', () => {
    const { run, edit } = withExample();
    const sheet = run.ss.getSheetByName('Key Results')!;
    const row = sheet.getLastRow() + 1;
    // Typed in, no ID yet: nothing to trace (a row without an ID is not logged).
    sheet.getRange(row, 3, 1, 1).setValue('A new key result');
    edit('Key Results', `I${row}`, 300);
    const before = valuesOf(run.ss, 'Changes').length;
    clearRows(run, 'Key Results', row);
    expect(loggedSince(run, before)).toEqual([
      ['Key Results', `A${row}:Z${row}`, '', KR_FIELDS, ROW_CLEARED, ''],
    ]);
  });

  it('still logs a single cell cleared with its old value, and a row cleared beside the ID with its ID', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    edit('Key Results', 'I4', '');
    expect(loggedSince(run, before)).toEqual([['Key Results', 'I4', 'KR3', 'Target', 0.2, '']]);
    // The ID left in place (B3:N3 cleared): each tracked cell, named by its ID, as for a paste.
    const notKnown = 'not known: several cells were changed at once (a paste, a fill, a sort)';
    const range = run.ss.getSheetByName('Key Results')!.getRange('H3:I3');
    range.clearContent();
    run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(range));
    expect(loggedSince(run, before + 1)).toEqual([
      ['Key Results', 'H3', 'KR2', 'Baseline', notKnown, ''],
      ['Key Results', 'I3', 'KR2', 'Target', notKnown, ''],
    ]);
  });

  it('sums more than 10 cleared rows up in one row, and leaves a trace when the header went with them', () => {
    const { run } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    clearRows(run, 'KPIs', 2, 12);
    expect(loggedSince(run, before)).toEqual([
      [
        'KPIs',
        'A2:Z13',
        '',
        'Owner, Unit, Direction, Target',
        'not known: 12 rows are blank now, their ID cells too (cleared, unless they were blank before): see File › Version history',
        '',
      ],
    ]);
    // Select all, Delete: the header is gone too, so no column is known; the trace names the range.
    clearRows(run, 'Key Results', 1, 6);
    expect(loggedSince(run, before + 1)).toEqual([
      [
        'Key Results',
        'A1:Z6',
        '',
        '',
        'not known: 6 rows are blank now, their ID cells too (cleared, unless they were blank before): see File › Version history',
        '',
      ],
    ]);
  });

  it('writes the trace in the language of the tab: Simplified and Traditional Chinese', () => {
    for (const [locale, tab, changes, text] of [
      [
        'zh_CN',
        '关键结果',
        '变更记录',
        '未知：此行现已为空，ID 单元格也是（已清除，除非原本就是空的）：请查看“文件 › 版本记录”',
      ],
      [
        'zh_TW',
        '關鍵結果',
        '變更記錄',
        '未知：此列現已為空，ID 儲存格也是（已清除，除非原本就是空的）：請查看「檔案 › 版本記錄」',
      ],
    ] as const) {
      const { run } = withExample(locale);
      const name =
        run.ss
          .getSheets()
          .find((s) => s.getName() === changes)
          ?.getName() ?? changes;
      const before = valuesOf(run.ss, name).length;
      clearRows(run, tab, 3);
      const [row] = loggedSince(run, before, name);
      expect([row[0], row[1], row[2], row[4], row[5]]).toEqual([tab, 'A3:Z3', '', text, '']);
    }
  });
});
