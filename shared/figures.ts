/**
 * How a figure is rounded for people, wherever it is shown: the report's cards and tables (report/format.ts) and
 * the checks' messages (shared/checks.ts) use the same rule, so a message and the card it points at never
 * disagree (a check once said 28% where the card said 29%).
 */
import { roundHalfAway } from './decompose';

/**
 * A ratio as a percentage and the decimals to show it with: whole from 10% (92%), one decimal from 1% (4.8%), two
 * significant digits below (0.05%, 0.45%), halves up as the value was meant (0.0705 is 7.1%, though the double is
 * a hair under it).
 */
export function percentFigure(ratio: number): { percent: number; digits: number } {
  const pct = ratio * 100;
  const size = Math.abs(pct);
  const digits = size >= 10 || size === 0 ? 0 : size >= 1 ? 1 : Math.min(6, Math.ceil(-Math.log10(size)) + 1);
  return { percent: roundHalfAway(pct, digits), digits };
}
