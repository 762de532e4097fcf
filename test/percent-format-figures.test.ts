/**
 * A `%` key result's Baseline or Target typed as a whole number into a cell its row formats as a percent (5 in a
 * cell formatted 0%, shown as 500%, where 5% was meant), read through a real .xlsx: said at the cell and the key
 * result left out, as a Target of 20 (2,000%) is, never judged on a baseline of 500% (on track, done).
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type PlanIssue, type Workbook } from '../shared';
import { rowOf, setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const KR = 'Key Results';

/** The example with KR3's Baseline and Target as numbers in cells formatted 0%, as a spreadsheet holds them. */
async function kr3(
  baseline: number | string,
  target: number | string,
  direction = 'increase',
  checkIns: number[] | null = null,
  lang: 'en' | 'zh-CN' | 'zh-TW' = 'en',
) {
  const wb = exampleWorkbook(lang);
  const tab = Object.keys(wb)[3];
  setCell(wb, tab, 'KR3', wb[tab][0][6] as string, direction);
  setCell(wb, tab, 'KR3', wb[tab][0][7] as string, baseline);
  setCell(wb, tab, 'KR3', wb[tab][0][8] as string, target);
  if (checkIns) setCheckIns(wb, checkIns);
  const row = rowOf(wb[tab], 'KR3') + 1;
  const percentCells = (sheet: ExcelJS.Worksheet) => {
    for (const c of ['H', 'I'])
      if (typeof sheet.getCell(`${c}${row}`).value === 'number') sheet.getCell(`${c}${row}`).numFmt = '0%';
  };
  const read = await throughXlsx(wb, {}, { [tab]: percentCells });
  const result = analyzeWorkbook(read, { asOf: EXAMPLE_AS_OF });
  return { ...result, kr3: result.progress.keyResults.find((k) => k.id === 'KR3')! };
}

/** KR3's check-ins on the Actuals tab, in order, replaced by `values`. */
function setCheckIns(wb: Workbook, values: number[]): void {
  const actuals = wb[Object.keys(wb)[6]];
  let n = 0;
  for (const row of actuals)
    if (Array.isArray(row) && row[1] === 'KR3' && n < values.length) row[2] = values[n++];
}

const at = (issues: PlanIssue[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.a1}`);

describe('a figure shown as 200%–1,000% only by its cell’s percent format', () => {
  it('churn 5 (500%) → 3% to decrease, check-ins 5% … 3.8%: the Baseline is said, KR3 left out, never on track', async () => {
    for (const target of ['3%', 0.03]) {
      const { issues, kr3: progress } = await kr3(
        5,
        target,
        'decrease',
        [0.05, 0.049, 0.047, 0.045, 0.044, 0.042, 0.04, 0.038],
      );
      expect(at(issues, 'percent-as-whole-number')).toEqual([`${KR}!H4`]);
      expect(issues.find((i) => i.code === 'percent-as-whole-number')!.message.en).toBe(
        'Baseline of KR3: 500% looks like 5% — type 5% or 0.05. The key result is left out of progress until it is fixed.',
      );
      expect(progress.leftOut).not.toBeNull();
      expect(progress.status).not.toBe('on-track');
    }
  });

  it('5 (500%) → 20% to increase: the Baseline is said, not the Direction, and KR3 is not done', async () => {
    const { issues, kr3: progress } = await kr3(5, 0.2);
    expect(at(issues, 'percent-as-whole-number')).toEqual([`${KR}!H4`]);
    expect(at(issues, 'direction-contradiction')).toEqual([]);
    expect(progress.status).not.toBe('done');
    expect(progress.leftOut).not.toBeNull();
  });

  it('zh-CN and zh-TW say it at the Baseline in their words', async () => {
    for (const lang of ['zh-CN', 'zh-TW'] as const) {
      const { issues } = await kr3(5, 0.2, '增加', null, lang);
      const said = issues.filter((i) => i.code === 'percent-as-whole-number');
      expect(said.map((i) => i.a1)).toEqual(['H4']);
      expect(said[0].message[lang]).toContain('500%');
      expect(said[0].message[lang]).toContain('5%');
    }
  });

  it('5 → 20 typed in whole percents throughout (500% → 2,000%, check-ins 6 … 13): the Target is said, as on a KPI', async () => {
    const { issues, kr3: progress } = await kr3(5, 20, 'increase', [6, 8, 9, 10, 11, 12, 12, 13]);
    expect(at(issues, 'percent-as-whole-number')).toEqual([`${KR}!I4`]);
    expect(progress.leftOut).not.toBeNull();
  });

  it('real plans are taken as they show: 80% or 50% → 300%, 500% → 800%, 150% → 3, 5% → 20%', async () => {
    for (const [b, t] of [
      [0.8, 3],
      [0.5, 3],
      [5, 8],
      [1.5, 3],
      [0.05, 0.2],
      ['50%', '300%'],
    ] as const) {
      const { issues, kr3: progress } = await kr3(b, t);
      expect(at(issues, 'percent-as-whole-number')).toEqual([]);
      expect(progress.leftOut).toBeNull();
    }
  });
});

describe('the example and generated plans', () => {
  it('say none of it: no figure read as a whole percent, no blank weight among shares', async () => {
    const { generatePlanWorkbook, GENERATED_AS_OF } = await import('../bench/generate-plan');
    const NEW = ['percent-as-whole-number', 'percent-one', 'weight-blank-fractions', 'id-number-ambiguous'];
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const example = analyzeWorkbook(await throughXlsx(exampleWorkbook(lang)), { asOf: EXAMPLE_AS_OF });
      const generated = analyzeWorkbook(generatePlanWorkbook(300, { lang }), { asOf: GENERATED_AS_OF });
      for (const { issues } of [example, generated])
        expect(issues.filter((i) => NEW.includes(i.code))).toEqual([]);
    }
  });
});

describe('an Actuals Metric kept as a number where IDs differ by zeros at the end', () => {
  const plan = async (ids: [string, string]) => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR1', 'ID', ids[0]);
    setCell(wb, KR, 'KR2', 'ID', ids[1]);
    for (const row of wb['KPIs'])
      if (Array.isArray(row)) row[3] = row[3] === 'KR1' ? ids[0] : row[3] === 'KR2' ? ids[1] : row[3];
    for (const row of wb['Roadmap'])
      if (Array.isArray(row) && typeof row[6] === 'string')
        row[6] = row[6].replace('KR1', ids[0]).replace('KR2', ids[1]);
    // "1.10" typed into a General cell: the number 1.1.
    for (const row of wb['Actuals']) if (Array.isArray(row) && row[1] === 'KR1') row[1] = 1.1;
    for (const row of wb['Actuals']) if (Array.isArray(row) && row[1] === 'KR2') row[1] = ids[1];
    return analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
  };

  it('1.10 and 1.1: each such row is said and counted for neither', async () => {
    const { issues, progress } = await plan(['1.10', '1.1']);
    expect(at(issues, 'id-number-ambiguous')).toEqual(
      ['B2', 'B3', 'B4', 'B5', 'B6', 'B7'].map((c) => `Actuals!${c}`),
    );
    expect(progress.keyResults.find((k) => k.id === '1.1')!.status).not.toBe('done');
  });

  it('only 1.10: the rows count for 1.10, and are said', async () => {
    const { issues, progress } = await plan(['1.10', 'KR2']);
    expect(at(issues, 'id-number-matched')).toHaveLength(6);
    expect(at(issues, 'unknown-metric')).toEqual([]);
    expect(progress.keyResults.find((k) => k.id === '1.10')!.status).not.toBe('no-data');
  });
});
