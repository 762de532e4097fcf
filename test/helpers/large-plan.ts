/**
 * A generated plan of thousands of key results with errors planted deep in sheet order, behind hundreds of
 * warnings (key results behind pace, stale check-ins): what the sidebar must list worst first.
 */
import { generatePlanWorkbook } from '../../bench/generate-plan';
import type { Workbook } from '../../shared';
import { colOf } from './edit';

export const HOSTILE_CHECK_IN = '<img src=x onerror="window.__pwned=3">';

export interface PlantedPlan {
  workbook: Workbook;
  /** The planted errors' cells, as `Sheet!A1`, other than the flooded column. */
  deep: string[];
  /** How many check-ins of the flooded column (Actuals, Value) hold text. */
  flooded: number;
}

/**
 * `keyResults` key results; near the end of Key Results a target typed as text, the last roadmap item ending
 * before it starts, and `flooded` check-in values typed as "TBD" near the end of Actuals, one of them a cell
 * holding HTML instead.
 */
export function plantedLargePlan(keyResults = 2_000, flooded = 120): PlantedPlan {
  const workbook = generatePlanWorkbook(keyResults);
  const kr = workbook['Key Results'];
  const krRow = kr.length - 3;
  kr[krRow][colOf(kr, 'Target')] = 'lots';
  const roadmap = workbook['Roadmap'];
  const last = roadmap.length - 1;
  roadmap[last][colOf(roadmap, 'Start')] = '2026-12-20';
  roadmap[last][colOf(roadmap, 'End')] = '2026-12-01';
  const actuals = workbook['Actuals'];
  const value = colOf(actuals, 'Value');
  const from = actuals.length - flooded - 30;
  for (let r = from; r < from + flooded; r++) actuals[r][value] = 'TBD';
  actuals[from + flooded - 1][value] = HOSTILE_CHECK_IN;
  return { workbook, deep: [`Key Results!I${krRow + 1}`, `Roadmap!F${last + 1}`], flooded };
}
