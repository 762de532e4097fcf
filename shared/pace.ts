/**
 * The bars a status turns on, and the status's own "at or above". Kept apart from progress.ts (which re-exports
 * them) so that the rule for showing a figure (shared/figures.ts) reads them without importing progress, and the
 * check-in screen, which progress imports, can format its messages' figures with that rule.
 */

/**
 * Pace is attainment divided by what the decomposition expected by now. At or above ON_TRACK_PACE a metric is
 * on track; at or above AT_RISK_PACE at risk; below, off track. 0.9 / 0.7 mirror the common green/amber/red
 * bands of OKR reviews, and 0.7 is also where Google counts a stretch key result a success.
 */
export const ON_TRACK_PACE = 0.9;
export const AT_RISK_PACE = 0.7;

/**
 * "At or above" a band or 100%, allowing for floating-point error: 0.72 / 0.8 is 0.8999999999999999 and
 * 0.7 + 0.2 + 0.1 is 0.9999999999999999, which a person (and a spreadsheet comparison) calls 0.9 and 1.
 */
const EPSILON = 1e-9;
/** The statuses' own "at or above": a figure shown beside a status uses it too (shared/figures.ts). */
export const reachesBar = (value: number, bar: number): boolean => value >= bar - EPSILON;

/**
 * The values a status turns on, as ratios: the pace bands, and 1 (100%: done). A figure shown beside a status must
 * not show one of them reached when its value is short of it (shared/figures.ts percentFigure).
 */
export const STATUS_BARS: readonly number[] = [AT_RISK_PACE, ON_TRACK_PACE, 1];
