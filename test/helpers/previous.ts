/**
 * Two reviews of the example plan a month apart, for the "since the last report" tests: the October review was
 * made from an earlier state of the plan in which KR3 read higher (at risk, not yet off track), written as an
 * .xlsx and reported by the CLI like any plan file; the November review is the example plan as it is.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Cell, Workbook } from '../../shared';
import { exampleXlsxBuffer, planToXlsxBuffer } from '../../report/write-xlsx';
import { addRow, colOf } from './edit';
import { exampleGrid, header, runCli, tabName } from './report';

export const OCTOBER = '2026-10-15';
export const NOVEMBER = '2026-11-15';

/** The example plan with KR3's check-ins 15% higher: KR3 at risk and O1 on track as of October. */
export function octoberWorkbook(): Workbook {
  const wb = exampleGrid('en');
  const actuals = wb[tabName('actuals')];
  const metric = colOf(actuals, header('actuals', 'metric'));
  const value = colOf(actuals, header('actuals', 'value'));
  for (const row of actuals.slice(1))
    if (row[metric] === 'KR3') row[value] = Math.round(Number(row[value]) * 1.15 * 1000) / 1000;
  return wb;
}

/** The example plan with one more row on its Changes tab (a target changed after the October review). */
export function novemberWorkbook(): Workbook {
  const wb = exampleGrid('en');
  const cell = (key: string, value: Cell) => [header('changes', key), value] as const;
  addRow(
    wb,
    tabName('changes'),
    Object.fromEntries([
      cell('timestamp', '2026-10-20 09:30'),
      cell('sheet', tabName('keyResults')),
      cell('cell', 'F4'),
      cell('id', 'KR3'),
      cell('field', header('keyResults', 'target')),
      cell('oldValue', '0.3'),
      cell('newValue', '0.25'),
      cell('reason', 'Pilot capacity halved'),
      cell('who', 'ana@example.com'),
    ]),
  );
  return wb;
}

/** Writes october.xlsx and november.xlsx into `dir` and the October report into `dir`/october. */
export async function writeReviews(dir: string): Promise<void> {
  writeFileSync(join(dir, 'october.xlsx'), await planToXlsxBuffer(octoberWorkbook(), { lang: 'en' }));
  writeFileSync(join(dir, 'november.xlsx'), await planToXlsxBuffer(novemberWorkbook(), { lang: 'en' }));
  writeFileSync(join(dir, 'example.xlsx'), await exampleXlsxBuffer('en'));
  const run = await runCli(['report', 'october.xlsx', '--as-of', OCTOBER, '--out', 'october'], dir);
  if (run.code !== 0) throw new Error(run.stderr.join('\n'));
}
