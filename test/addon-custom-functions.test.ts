/**
 * GTM_TARGET and GTM_STATUS, called by name in CUSTOM_FUNCTION mode (read-only spreadsheet access, facts #67)
 * with the values Sheets hands over: numbers, Dates at midnight of the spreadsheet's zone, strings, 2-D ranges.
 */
import { describe, expect, it } from 'vitest';
import { monthTarget, STATUS_LABELS, type MetricSpec } from '../shared';
import { loadAddon, zonedMidnight } from './helpers/addon';

const TZ = 'Asia/Shanghai';
const day = (iso: string) => zonedMidnight(iso, TZ);

function custom(locale = 'en_US') {
  const run = loadAddon({ locale, timeZone: TZ });
  return (name: string, ...args: unknown[]) => run.project.callAs('CUSTOM_FUNCTION', name, ...args);
}

/** The message a call throws (what pointing at its #ERROR! cell shows); fails the test when it returns instead. */
function failure(
  call: (name: string, ...args: unknown[]) => unknown,
  name: string,
  ...args: unknown[]
): string {
  let result: unknown;
  try {
    result = call(name, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} returned ${JSON.stringify(result)} instead of throwing`);
}

describe('GTM_TARGET', () => {
  const call = custom();
  const spec = (over: Partial<MetricSpec>): MetricSpec => ({
    id: '',
    type: 'cumulative',
    direction: 'increase',
    baseline: 0,
    target: 50_000,
    start: '2026-03',
    due: '2026-12',
    phasing: 'even',
    precision: 0,
    ...over,
  });

  it('computes what shared/ computes, for each type and phasing', () => {
    expect(
      call('GTM_TARGET', 50_000, day('2026-03-01'), day('2026-12-31'), day('2026-05-01'), 'cumulative'),
    ).toBe(5_000);
    expect(
      call(
        'GTM_TARGET',
        1_000_000,
        day('2026-03-01'),
        day('2026-08-31'),
        day('2026-08-15'),
        'cumulative',
        'ramp-up',
        0,
        2,
      ),
    ).toBe(
      monthTarget(spec({ target: 1_000_000, due: '2026-08', phasing: 'ramp-up', precision: 2 }), '2026-08'),
    );
    expect(
      call(
        'GTM_TARGET',
        '20%',
        day('2026-03-01'),
        day('2026-12-31'),
        day('2026-06-01'),
        '水平',
        '前高后低',
        0.05,
      ),
    ).toBe(
      monthTarget(
        spec({ type: 'level', target: 0.2, baseline: 0.05, phasing: 'front-loaded', precision: 4 }),
        '2026-06',
      ),
    );
    expect(call('GTM_TARGET', 1, day('2026-03-01'), day('2026-12-31'), day('2026-02-01'), 'threshold')).toBe(
      '',
    );
    expect(call('GTM_TARGET', 1, day('2026-01-01'), day('2026-03-31'), '2026-03', 'milestone')).toBe(1);
  });

  it('spills over a range of months', () => {
    const months = [[day('2026-02-01'), day('2026-03-01'), day('2026-04-01')]];
    expect(call('GTM_TARGET', 50_000, day('2026-03-01'), day('2026-12-31'), months, 'cumulative')).toEqual([
      [0, 5_000, 5_000],
    ]);
  });

  it('throws a readable message for bad input (in the spreadsheet language), so the cell shows #ERROR!', () => {
    expect(
      failure(
        call,
        'GTM_TARGET',
        'lots',
        day('2026-03-01'),
        day('2026-12-31'),
        day('2026-05-01'),
        'cumulative',
      ),
    ).toBe('GTM_TARGET: Target is "lots", which is not a number.');
    // The function does not see the key result's Unit: "45m" may be 45 minutes as much as 45 million, as a plan row
    // with a blank Unit reads it (it gave 4,500,000 a month).
    expect(
      failure(
        call,
        'GTM_TARGET',
        '45m',
        day('2026-03-01'),
        day('2026-12-31'),
        day('2026-05-01'),
        'cumulative',
      ),
    ).toBe(
      'GTM_TARGET: Target is "45m", where "m" may mean minutes, months or metres as well as a million: type 45, or 45 million.',
    );
    expect(
      call('GTM_TARGET', '45 million', day('2026-03-01'), day('2026-03-31'), day('2026-03-01'), 'cumulative'),
    ).toBe(45_000_000);
    expect(
      failure(call, 'GTM_TARGET', 5, 'soon', day('2026-12-31'), day('2026-05-01'), 'cumulative'),
    ).toMatch(/^GTM_TARGET: Start is "soon", which is not a date/);
    expect(
      failure(call, 'GTM_TARGET', 5, day('2026-03-01'), day('2026-12-31'), day('2026-05-01'), 'linear'),
    ).toBe('GTM_TARGET: Type is "linear"; allowed: cumulative, level, threshold, milestone.');
    expect(
      failure(call, 'GTM_TARGET', 5, day('2026-03-01'), day('2026-01-31'), day('2026-05-01'), 'cumulative'),
    ).toMatch(/before the start/);
    expect(failure(call, 'GTM_TARGET')).toBe('GTM_TARGET: Type is missing.');
    expect(
      failure(
        call,
        'GTM_TARGET',
        [[1, 2]],
        day('2026-03-01'),
        day('2026-12-31'),
        [[1], [2], [3]],
        'cumulative',
      ),
    ).toMatch(/same size/);
    const zh = custom('zh_CN');
    expect(
      failure(zh, 'GTM_TARGET', '很多', day('2026-03-01'), day('2026-12-31'), day('2026-05-01'), '累计'),
    ).toBe('GTM_TARGET：目标值为“很多”，不是数字。');
    expect(
      failure(zh, 'GTM_TARGET', 5, day('2026-03-01'), day('2026-12-31'), day('2026-05-01'), '累计', '自定义'),
    ).toContain('目标分解');
  });

  it("reads a number typed as text with the spreadsheet's decimal sign (de_DE: 1.200,5), and says so when it is the other", () => {
    const de = custom('de_DE');
    const args = [
      day('2026-03-01'),
      day('2026-12-31'),
      day('2026-05-01'),
      'cumulative',
      'even',
      0,
      1,
    ] as const;
    // 1.200,5 over ten months, to one decimal: 120.1 (as 1200.5 typed as a number gives).
    expect(de('GTM_TARGET', '1.200,5', ...args)).toBe(call('GTM_TARGET', 1200.5, ...args));
    expect(de('GTM_TARGET', '1.200,5', ...args)).toBe(120.1);
    expect(failure(de, 'GTM_TARGET', '1.5', ...args)).toBe(
      'GTM_TARGET: Target is "1.5", a number only where decimals are written with the other sign; this spreadsheet writes it 1,5.',
    );
    expect(failure(call, 'GTM_TARGET', '1200,5', ...args)).toBe(
      'GTM_TARGET: Target is "1200,5", a number only where decimals are written with the other sign; this spreadsheet writes it 1200.5.',
    );
  });
});

describe('GTM_STATUS', () => {
  const call = custom();
  it('gives the Targets tab status words', () => {
    expect(call('GTM_STATUS', 920_000, 1_000_000, 0, 1_000_000)).toBe(STATUS_LABELS['on-track'].en);
    expect(call('GTM_STATUS', 1_000_000, 1_000_000, 0, 1_000_000)).toBe(STATUS_LABELS.done.en);
    expect(call('GTM_STATUS', 0.12, 0.14, 0.05, 0.2)).toBe(STATUS_LABELS['at-risk'].en);
    expect(call('GTM_STATUS', 0, 0, 0, 100)).toBe(STATUS_LABELS['not-started'].en);
    // Lower is better: first response 2.1 h (2 h expected by now) against a target of 1 h from a baseline of 4 h.
    expect(call('GTM_STATUS', 2.1, 2, 4, 1, 'decrease')).toBe(STATUS_LABELS['on-track'].en);
    expect(call('GTM_STATUS', 3.5, 2, 4, 1, '降低')).toBe(STATUS_LABELS['off-track'].en);
    expect(call('GTM_STATUS', '', 10, 0, 100)).toBe(STATUS_LABELS['no-data'].en);
    // A target equal to its baseline: nothing to reach, "no data" as on the Targets tab (not done, not off track).
    expect(call('GTM_STATUS', 0.86, 0.9, 0.9, 0.9)).toBe(STATUS_LABELS['no-data'].en);
    expect(call('GTM_STATUS', 5, 5, 5, 5)).toBe(STATUS_LABELS['no-data'].en);
    expect(custom('zh_CN')('GTM_STATUS', [[50], [100]], [[100], [100]], 0, 100)).toEqual([
      [STATUS_LABELS['off-track']['zh-CN']],
      [STATUS_LABELS.done['zh-CN']],
    ]);
  });

  it('explains bad input', () => {
    expect(failure(call, 'GTM_STATUS', 5, 'x', 0, 10)).toBe(
      'GTM_STATUS: expected to date is "x", which is not a number.',
    );
    expect(failure(call, 'GTM_STATUS', 5, 5, 0, 10, 'sideways')).toMatch(
      /^GTM_STATUS: Direction is "sideways"; allowed: increase, decrease\.$/,
    );
  });
});

describe('in a cell: a bad argument shows #ERROR! with the message, and a formula over it is an error too', () => {
  // The add-on's functions typed in cells of the emulated spreadsheet, which calls them as Sheets does [CF].
  function sheet(locale: string) {
    const addon = loadAddon({ locale, timeZone: TZ });
    const tab = addon.ss.getSheetByName('Sheet1')!;
    tab.getRange('A1:E3').setValues([
      [50_000, day('2026-03-01'), day('2026-12-31'), day('2026-05-01'), 'cumulative'],
      ['lots', day('2026-03-01'), day('2026-12-31'), day('2026-06-01'), 'cumulative'],
      [50_000, day('2026-03-01'), day('2026-12-31'), day('2026-06-01'), 'cumulative'],
    ]);
    tab
      .getRange('F1:F3')
      .setFormulas([
        ['=GTM_TARGET(A1,B1,C1,D1,E1)'],
        ['=GTM_TARGET(A2,B2,C2,D2,E2)'],
        ['=GTM_TARGET(A3,B3,C3,D3,E3)'],
      ]);
    tab.getRange('G1:G3').setFormulas([['=SUM(F1:F3)'], ['=F2>1000'], ['=SUM(F1,F3)']]);
    return { ss: addon.ss, tab };
  }

  it('in English', () => {
    const { ss, tab } = sheet('en_US');
    expect(tab.getRange('F1:G3').getValues()).toEqual([
      [5_000, '#ERROR!'],
      ['#ERROR!', '#ERROR!'],
      [5_000, 10_000],
    ]);
    expect(ss.emu.cellError('Sheet1!F2')).toBe('GTM_TARGET: Target is "lots", which is not a number.');
    expect(ss.emu.cellError('Sheet1!F1')).toBeNull();
    // Fixing the cell the message names fixes the sum.
    tab.getRange('A2').setValue(50_000);
    expect(tab.getRange('F2:G2').getValues()).toEqual([[5_000, true]]);
    expect(tab.getRange('G1').getValue()).toBe(15_000);
  });

  it('in Traditional Chinese', () => {
    const { ss, tab } = sheet('zh_TW');
    expect(tab.getRange('G1').getValue()).toBe('#ERROR!');
    expect(ss.emu.cellError('Sheet1!F2')).toBe('GTM_TARGET：目標值為「lots」，不是數字。');
    tab.getRange('E3').setValue('線性');
    expect(ss.emu.cellError('Sheet1!F3')).toMatch(/^GTM_TARGET：類型為「線性」，可選值：/);
  });

  it('a range call with one bad cell fails whole, naming the cell of the result', () => {
    const months = [[day('2026-03-01'), 'soon', day('2026-05-01')]];
    expect(
      failure(custom(), 'GTM_TARGET', 50_000, day('2026-03-01'), day('2026-12-31'), months, 'cumulative'),
    ).toBe(
      'GTM_TARGET: month is "soon", which is not a date (write 2026-03-01). In row 1, column 2 of the result.',
    );
    expect(
      failure(custom('zh_TW'), 'GTM_TARGET', 50_000, day('2026-03-01'), day('2026-12-31'), months, '累計'),
    ).toMatch(/位於結果的第 1 列第 2 欄。$/);
    expect(failure(custom(), 'GTM_TARGET', [[1, 2]], 1, 2, [[1], [2], [3]], 'cumulative')).toBe(
      'GTM_TARGET: the ranges must have the same size.',
    );
  });
});
