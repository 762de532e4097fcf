import { describe, expect, it } from 'vitest';
import { decompose, monthRange, roundHalfAway, type MetricSpec } from '../shared';

const YEAR = monthRange('2026-01', '2026-12');
const spec = (over: Partial<MetricSpec>): MetricSpec => ({
  id: 'KR',
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
const values = (s: MetricSpec) => decompose(s, YEAR).map((m) => m.target);
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('decomposition', () => {
  it('splits 50,000 sign-ups evenly from March to December (the seed case)', () => {
    expect(values(spec({}))).toEqual([0, 0, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000]);
  });

  it('keeps cumulative months adding up exactly to the target for every phasing and awkward totals', () => {
    for (const phasing of ['even', 'ramp-up', 'front-loaded'] as const) {
      for (const [target, precision] of [
        [1_000_000, 2],
        [49_999, 0],
        [7, 0],
        [333.33, 2],
      ] as const) {
        const months = values(spec({ phasing, target, precision, start: '2026-02', due: '2026-10' }));
        expect(roundHalfAway(sum(months), precision)).toBe(target);
        expect(months.every((m) => m !== null && Math.abs(roundHalfAway(m, precision) - m) < 1e-9)).toBe(
          true,
        );
      }
    }
  });

  it('ramps up and front-loads in opposite directions', () => {
    const ramp = values(spec({ phasing: 'ramp-up' })).slice(2);
    const front = values(spec({ phasing: 'front-loaded' })).slice(2);
    expect(ramp[0]).toBeLessThan(ramp[9]!);
    expect(front[0]).toBeGreaterThan(front[9]!);
    expect(ramp).toEqual([...front].reverse());
  });

  it('splits by custom weights, ignoring weights outside the window', () => {
    const weights = { '2026-01': 100, '2026-03': 1, '2026-04': 1, '2026-05': 2 };
    const months = values(
      spec({ phasing: 'custom', target: 400, start: '2026-03', due: '2026-05', weights }),
    );
    expect(months.slice(0, 6)).toEqual([0, 0, 100, 100, 200, 0]);
  });

  it('falls back to even when custom phasing has no weights', () => {
    expect(
      values(spec({ phasing: 'custom', target: 300, start: '2026-03', due: '2026-05' })).slice(2, 5),
    ).toEqual([100, 100, 100]);
  });

  it('decomposes from the baseline: the months add up to target minus baseline', () => {
    expect(sum(values(spec({ baseline: 10_000, target: 60_000 })))).toBe(50_000);
  });

  it('runs a level from baseline to target, holding the baseline before and the target after', () => {
    const months = values(
      spec({ type: 'level', baseline: 0.05, target: 0.2, start: '2026-03', due: '2026-12', precision: 4 }),
    );
    expect(months[0]).toBe(0.05);
    expect(months[2]).toBe(0.065);
    expect(months[11]).toBe(0.2);
    expect(months.slice(2).every((v, i, a) => i === 0 || v! > a[i - 1]!)).toBe(true);
  });

  it('runs a decreasing level downwards', () => {
    const months = values(
      spec({
        type: 'level',
        direction: 'decrease',
        baseline: 4,
        target: 1,
        start: '2026-01',
        due: '2026-03',
        precision: 4,
      }),
    );
    expect(months.slice(0, 4)).toEqual([3, 2, 1, 1]);
  });

  it('repeats a threshold bar inside its window and has no bar outside', () => {
    const months = values(spec({ type: 'threshold', target: 1, start: '2026-03', due: '2026-04' }));
    expect(months.slice(0, 5)).toEqual([null, null, 1, 1, null]);
  });

  it('makes a milestone 0 until its due month and 1 from then on', () => {
    const months = values(spec({ type: 'milestone', target: 1, start: '2026-01', due: '2026-03' }));
    expect(months.slice(0, 5)).toEqual([0, 0, 1, 1, 1]);
  });

  it('rounds halves away from zero like spreadsheets', () => {
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
  });
});

describe('precision', () => {
  it('splits money to the cent and counts to whole numbers, whatever three letters a count unit has', async () => {
    const { precisionFor } = await import('../shared');
    expect(precisionFor('cumulative', 'USD', 1_000_000, 0)).toBe(2);
    expect(precisionFor('cumulative', '¥', 1_000_000, 0)).toBe(2);
    expect(precisionFor('cumulative', 'seats', 1_000, 0, 'EUR')).toBe(0);
    expect(precisionFor('cumulative', 'pcs', 1_000, 0)).toBe(0);
    expect(precisionFor('cumulative', 'hrs', 1_000, 0)).toBe(0);
    expect(precisionFor('cumulative', 'eur', 1_000, 0, 'EUR')).toBe(2);
  });
});
