/**
 * The emulator itself (emulator/, HyperFormula underneath): write a block of values, write a block of formulas
 * that read them, and read the whole sheet back, on sheets of 1,000, 5,000 and 20,000 rows. This is the time the
 * tests spend inside the emulator on large sheets; test/emulator.test.ts checks the values on 1,000 rows and
 * asserts no duration.
 *
 * `npm run bench -- emulator` runs it; `npx tsx bench/emulator.bench.ts [rows...]` too.
 */
import { FakeSpreadsheet } from '../emulator/index';
import { sampleFormulas, sampleValues } from '../test/helpers/sample-grid';
import { runWhenInvoked } from './invoked';

export const SIZES = [1_000, 5_000, 20_000];

export interface EmulatorBenchRow {
  rows: number;
  /** setValues of rows × 5 plain values. */
  writeValuesMs: number;
  /** setFormulas of rows × 3 formulas, each recalculated by HyperFormula. */
  writeFormulasMs: number;
  /** getDataRange().getValues() of the whole sheet. */
  readMs: number;
}

export function measureEmulator(rows: number): EmulatorBenchRow {
  const ss = new FakeSpreadsheet({ defaultMaxRows: rows });
  const sheet = ss.getActiveSheet();
  const values = sampleValues(rows);
  const formulas = sampleFormulas(rows);
  let t = performance.now();
  sheet.getRange(1, 1, rows, 5).setValues(values);
  const writeValuesMs = performance.now() - t;
  t = performance.now();
  sheet.getRange(1, 6, rows, 3).setFormulas(formulas);
  const writeFormulasMs = performance.now() - t;
  t = performance.now();
  const read = sheet.getDataRange().getValues();
  const readMs = performance.now() - t;
  if (read.length !== rows || read[rows - 1][6] !== (rows % 2 === 1 ? 'even' : 'odd'))
    throw new Error(`the emulator read back something else on ${rows} rows`);
  return { rows, writeValuesMs, writeFormulasMs, readMs };
}

/** `npm run bench`: prints the figures. */
export async function run(sizes: number[] = SIZES): Promise<void> {
  const ms = (x: number) => String(Math.round(x)).padStart(16);
  console.log(
    `${'rows'.padStart(7)} ${'write values ms'.padStart(16)} ${'write formulas ms'.padStart(18)} ${'read all ms'.padStart(16)}`,
  );
  for (const n of sizes) {
    const r = measureEmulator(n);
    console.log(
      `${String(r.rows).padStart(7)} ${ms(r.writeValuesMs)} ${ms(r.writeFormulasMs).padStart(18)} ${ms(r.readMs)}`,
    );
  }
}

runWhenInvoked(import.meta.url, run, SIZES);
