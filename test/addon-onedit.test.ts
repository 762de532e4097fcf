/**
 * The onEdit simple trigger logs changed targets to Changes. Edits are simulated as Sheets does them: the cell
 * changes first, then onEdit(e) runs in LIMITED mode with e.value / e.oldValue for a single cell (facts #50).
 */
import { describe, expect, it } from 'vitest';
import { loadAddon, valuesOf, zonedMidnight } from './helpers/addon';

function withExample(locale = 'en_US') {
  const run = loadAddon({ locale, timeZone: 'Europe/Berlin' });
  run.run('insertExamplePlan');
  const edit = (sheet: string, a1: string, value: unknown) => {
    const range = run.ss.getSheetByName(sheet)!.getRange(a1);
    const old = range.getValue();
    range.setValue(value);
    run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(range, old === '' ? undefined : old));
  };
  return { run, edit };
}

describe('onEdit change log', () => {
  it('appends timestamp, sheet, cell, ID, field, old and new when a key result target changes; Reason stays empty', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    const started = Date.now();
    edit('Key Results', 'I4', 0.25);
    const rows = valuesOf(run.ss, 'Changes');
    expect(rows).toHaveLength(before + 1);
    const [timestamp, ...rest] = rows.at(-1)!;
    expect(rest).toEqual(['Key Results', 'I4', 'KR3', 'Target', '0.2', '0.25', '']);
    expect(timestamp).toBeInstanceOf(Date);
    expect((timestamp as Date).getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it('logs Due as a date, Owner of a KPI, and a cleared Baseline', () => {
    const { run, edit } = withExample();
    edit('Key Results', 'K2', zonedMidnight('2026-09-30', 'Europe/Berlin'));
    edit('KPIs', 'C3', 'Operations');
    edit('Key Results', 'H4', '');
    const rows = valuesOf(run.ss, 'Changes')
      .slice(-3)
      .map((r) => r.slice(1, 7));
    expect(rows).toEqual([
      ['Key Results', 'K2', 'KR1', 'Due', '2026-08-31', '2026-09-30'],
      ['KPIs', 'C3', 'KPI2', 'Owner', 'Support', 'Operations'],
      ['Key Results', 'H4', 'KR3', 'Baseline', '0.05', ''],
    ]);
  });

  it('ignores other columns, other tabs, header rows and multi-cell edits', () => {
    const { run, edit } = withExample();
    const before = valuesOf(run.ss, 'Changes').length;
    edit('Key Results', 'C2', 'A new title');
    edit('Objectives', 'B2', 'A new objective');
    edit('Key Results', 'I1', 'Target');
    const block = run.ss.getSheetByName('Key Results')!.getRange('I2:I3');
    block.setValues([[1], [2]]);
    run.project.callAs('LIMITED', 'onEdit', run.emulator.editEvent(block));
    expect(valuesOf(run.ss, 'Changes')).toHaveLength(before);
  });

  it('creates Changes in the plan language when it is missing', () => {
    const { run, edit } = withExample('zh_CN');
    run.ss.deleteSheet(run.ss.getSheetByName('变更记录')!);
    edit('关键结果', 'I3', 60_000);
    const rows = valuesOf(run.ss, '变更记录');
    expect(rows[0][0]).toBe('时间');
    expect(rows[1].slice(1)).toEqual(['关键结果', 'I3', 'KR2', '目标值', '50000', '60000', '']);
  });
});
