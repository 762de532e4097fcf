/**
 * The add-on in the emulation: service calls and time for Insert templates and Decompose targets on generated
 * plans of 100, 1,000 and 5,000 key results, run through the built bundle exactly as the tests run it. The goal
 * is a call count that does not depend on plan size (Apps Script charges time per service call, facts #74).
 *
 * Two timings. "ms": the add-on's own work plus the emulated calls, with the emulator's formula engine out of
 * the way (recalculation 'never': formulas stored as text, docs/emulator.md), comparable across sizes.
 * "with formulas ms": the same run with HyperFormula parsing and recalculating every formula, as the tests run
 * it; that is the emulator's cost (in Sheets it is Google's, outside the script's execution time), measured up
 * to GTM_BENCH_FORMULAS_MAX key results (default 100; `GTM_BENCH_FORMULAS_MAX=1000` gives the full-evaluation
 * Decompose at 1,000 key results). Also printed: the Targets tab's formula count, longest formula, formula bytes
 * and TODAY() calls, and the bytes of the largest write call.
 *
 * `npm run bench -- addon` runs it; `npx tsx bench/addon.bench.ts [sizes...]` too.
 */
import { runWhenInvoked } from './invoked';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAppsScript, OUT_DIR } from '../apps-script/build';
import {
  createAppsScriptGlobals,
  fromWorkbook,
  loadAppsScriptProject,
  type EmulatorControl,
  type WorkbookInput,
} from '../emulator/index';
import {
  buildTargetsSheet,
  exampleWorkbook,
  formulaBlocks,
  parsePlan,
  tabDef,
  type Workbook,
} from '../shared';

export const SIZES = [100, 1_000, 5_000];
const FORMULAS_MAX = Number(process.env.GTM_BENCH_FORMULAS_MAX ?? 100);
/** Growing a sheet past its 1,000 rows costs one call, once: not a per-row cost. */
const GROWTH_CALLS = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];

export interface AddonBenchRow {
  operation:
    'insert templates' | 'insert templates (again)' | 'decompose targets' | 'decompose targets (again)';
  keyResults: number;
  /** Service calls of the run. */
  calls: number;
  /** The same without the one-off calls that grow a sheet (Sheet.insertRowsAfter). */
  callsExceptGrowth: number;
  /** Calls that write to the document. */
  writes: number;
  /** The add-on's time with the emulated calls, formulas stored as text. */
  ms: number;
  /** The same with HyperFormula parsing and recalculating the formulas (null when not measured). */
  withFormulasMs: number | null;
  /** Bytes sent by the largest document-writing call, and by all of them (JSON of the arguments, UTF-8). */
  maxWriteBytes: number;
  writeBytes: number;
}

export interface FormulaBenchRow {
  keyResults: number;
  formulas: number;
  /** Characters of the longest formula of the Targets tab. */
  longest: number;
  /** UTF-8 bytes of all the Targets tab's formula text (';' syntax, as the add-on writes it). */
  bytes: number;
  /** Formulas that call TODAY() or NOW(). */
  volatile: number;
  /** Cells of the tab, and those whose formulas a rebuild reads to find the person's (formulaBlocks), in blocks. */
  cells: number;
  readCells: number;
  readBlocks: number;
  /** Bytes of the generated formulas among the cells read (none: the blocks hold only what a person types). */
  readFormulaBytes: number;
}

/** A plan with n key results: bench/generate-plan.ts when present, else the example's key results repeated. */
async function planWorkbook(keyResults: number): Promise<{ workbook: Workbook; source: string }> {
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const generator = path.join(path.dirname(fileURLToPath(import.meta.url)), 'generate-plan.ts');
  try {
    const mod = (await import(pathToFileURL(generator).href)) as {
      generatePlanWorkbook?: (n: number, options: { date: (iso: string) => Date }) => Workbook;
    };
    if (typeof mod.generatePlanWorkbook === 'function')
      return { workbook: mod.generatePlanWorkbook(keyResults, { date }), source: 'generate-plan.ts' };
  } catch {
    // not there: fall back below
  }
  const workbook = exampleWorkbook('en', { date });
  const name = tabDef('keyResults').label.en;
  const [header, ...rows] = workbook[name];
  workbook[name] = [
    header,
    ...Array.from({ length: keyResults }, (_, i) => [`KR${i + 1}`, ...rows[i % rows.length].slice(1)]),
  ];
  return { workbook, source: 'the example plan repeated' };
}

interface Addon {
  call(fn: string): { ok: boolean; message: string };
  emulator: EmulatorControl;
}

type Recalculation = 'onWrite' | 'never';

function load(workbook: Workbook, code: string, recalculation: Recalculation): Addon {
  const ss = fromWorkbook(workbook as WorkbookInput, { locale: 'en_US', timeZone: 'Etc/UTC', recalculation });
  const globals = createAppsScriptGlobals(ss, { htmlFiles: { sidebar: '<html></html>' } });
  const project = loadAppsScriptProject(code, globals);
  const emulator = (globals as unknown as { emulator: EmulatorControl }).emulator;
  return { emulator, call: (fn) => project.callAs('FULL', fn) as { ok: boolean; message: string } };
}

const OPERATIONS: [AddonBenchRow['operation'], string][] = [
  ['insert templates', 'insertTemplates'],
  ['insert templates (again)', 'insertTemplates'],
  ['decompose targets', 'decomposeTargets'],
  // A rebuild over the tab the first made: what it reads first (the formulas where a person's would be, the tab
  // as it is, to put back on a failure) and writes.
  ['decompose targets (again)', 'decomposeTargets'],
];

/** Runs the three operations in order on one spreadsheet; returns calls, writes and ms of each. */
function runOperations(workbook: Workbook, code: string, recalculation: Recalculation, keyResults: number) {
  const addon = load(workbook, code, recalculation);
  return OPERATIONS.map(([operation, fn]) => {
    addon.emulator.resetCalls();
    const writesBefore = addon.emulator.lock.writes.length;
    const started = performance.now();
    const result = addon.call(fn);
    const ms = Math.round(performance.now() - started);
    if (!result.ok) throw new Error(`${fn} failed on ${keyResults} key results: ${result.message}`);
    const calls = addon.emulator.calls;
    const growth = GROWTH_CALLS.reduce((sum, method) => sum + (calls.byMethod[method] ?? 0), 0);
    return {
      maxWriteBytes: calls.maxWriteBytes,
      writeBytes: calls.writeBytes,
      operation,
      calls: calls.total,
      callsExceptGrowth: calls.total - growth,
      writes: addon.emulator.lock.writes.length - writesBefore,
      ms,
    };
  });
}

export async function measureAddon(
  sizes: number[] = SIZES,
): Promise<{ rows: AddonBenchRow[]; callsConstant: boolean; source: string }> {
  await buildAppsScript();
  const code = readFileSync(path.join(OUT_DIR, 'Code.js'), 'utf8');
  const rows: AddonBenchRow[] = [];
  let source = '';
  for (const n of sizes) {
    const plan = await planWorkbook(n);
    source = plan.source;
    const workbook = plan.workbook;
    const kr = tabDef('keyResults');
    // Give Insert templates work on the big tab: its last two template columns and the Roadmap tab are missing.
    workbook[kr.label.en] = workbook[kr.label.en].map((row) => row.slice(0, kr.columns.length - 2));
    delete workbook[tabDef('roadmap').label.en];
    const plain = runOperations(workbook, code, 'never', n);
    const withFormulas = n <= FORMULAS_MAX ? runOperations(workbook, code, 'onWrite', n) : null;
    plain.forEach((r, i) => {
      if (withFormulas && withFormulas[i].calls !== r.calls)
        throw new Error(`${r.operation}: ${withFormulas[i].calls} calls with formulas, ${r.calls} without`);
      rows.push({ ...r, keyResults: n, withFormulasMs: withFormulas ? withFormulas[i].ms : null });
    });
  }
  const byOperation = new Map<string, Set<number>>();
  for (const r of rows)
    byOperation.set(r.operation, (byOperation.get(r.operation) ?? new Set()).add(r.callsExceptGrowth));
  const callsConstant = [...byOperation.values()].every((counts) => counts.size === 1);
  return { rows, callsConstant, source };
}

/** The Targets tab's formulas for plans of these sizes: count, longest, bytes, volatile calls. */
export async function measureFormulas(sizes: number[] = SIZES): Promise<FormulaBenchRow[]> {
  const rows: FormulaBenchRow[] = [];
  for (const n of sizes) {
    const { workbook } = await planWorkbook(n);
    const { plan } = parsePlan(workbook);
    const sheet = buildTargetsSheet(plan, {
      lang: 'en',
      date: (iso) => new Date(`${iso}T00:00:00Z`),
      asOf: '2026-11-15',
      argumentSeparator: ';',
    });
    if (!sheet) throw new Error(`no Targets tab for ${n} key results`);
    const blocks = formulaBlocks(
      sheet.rows,
      parsePlan({ ...workbook, [tabDef('targets').label.en]: sheet.rows }).plan,
    );
    const row: FormulaBenchRow = {
      keyResults: n,
      formulas: 0,
      longest: 0,
      bytes: 0,
      volatile: 0,
      cells: sheet.rows.length * sheet.rows[0].length,
      readCells: 0,
      readBlocks: blocks.length,
      readFormulaBytes: 0,
    };
    for (const cells of sheet.rows)
      for (const cell of cells) {
        if (typeof cell !== 'string' || !cell.startsWith('=')) continue;
        row.formulas++;
        row.longest = Math.max(row.longest, cell.length);
        row.bytes += Buffer.byteLength(cell);
        if (/\b(TODAY|NOW)\(/.test(cell)) row.volatile++;
      }
    for (const b of blocks)
      for (const cells of sheet.rows.slice(b.row - 1, b.row - 1 + b.rows))
        for (const cell of cells.slice(b.column - 1, b.column - 1 + b.columns)) {
          row.readCells++;
          if (typeof cell === 'string' && cell.startsWith('='))
            row.readFormulaBytes += Buffer.byteLength(cell);
        }
    rows.push(row);
  }
  return rows;
}

const mb = (bytes: number) =>
  bytes < 100_000 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`;

/** `npm run bench`: prints the figures, and returns them for `--json`. */
export async function run(sizes: number[] = SIZES) {
  console.log('Targets tab formulas (as the add-on writes them):');
  console.log(
    `${'KRs'.padStart(6)} ${'formulas'.padStart(9)} ${'longest'.padStart(8)} ${'bytes'.padStart(10)} ${'TODAY()'.padStart(8)}`,
  );
  const formulas = await measureFormulas(sizes);
  for (const f of formulas)
    console.log(
      `${String(f.keyResults).padStart(6)} ${String(f.formulas).padStart(9)} ${String(f.longest).padStart(8)} ${mb(f.bytes).padStart(10)} ${String(f.volatile).padStart(8)}`,
    );
  console.log(
    "A rebuild's formula reads, to find the person's formulas (formulaBlocks), on the tab as generated:",
  );
  for (const f of formulas)
    console.log(
      `${String(f.keyResults).padStart(6)} KRs: ${f.readBlocks} block(s), ${f.readCells} of ${f.cells} cells, ${mb(f.readFormulaBytes)} of generated formulas (of ${mb(f.bytes)})`,
    );
  const measured = await measureAddon(sizes);
  const { rows, callsConstant, source } = measured;
  console.log(
    `plans: ${source}; ms = add-on + emulated calls (formulas kept as text); with formulas = HyperFormula parsing and recalculating too (≤ ${FORMULAS_MAX} KRs)`,
  );
  console.log(
    `${'operation'.padEnd(26)} ${'KRs'.padStart(6)} ${'calls'.padStart(6)} ${'writes'.padStart(7)} ${'ms'.padStart(7)} ${'with formulas ms'.padStart(17)} ${'max bytes/call'.padStart(15)}`,
  );
  for (const r of rows) {
    const calls = r.calls === r.callsExceptGrowth ? String(r.calls) : `${r.calls}*`;
    const formulas = r.withFormulasMs === null ? '–' : String(r.withFormulasMs);
    console.log(
      `${r.operation.padEnd(26)} ${String(r.keyResults).padStart(6)} ${calls.padStart(6)} ${String(r.writes).padStart(7)} ${String(r.ms).padStart(7)} ${formulas.padStart(17)} ${mb(r.maxWriteBytes).padStart(15)}`,
    );
  }
  if (rows.some((r) => r.calls !== r.callsExceptGrowth))
    console.log('* includes one Sheet.insertRowsAfter: the Targets tab outgrew its 1,000 rows');
  // Writes are cut into chunks of rows and bytes (apps-script/server/decompose-targets.ts): calls grow with
  // chunks, so "constant" holds only for plans under one chunk.
  console.log(
    callsConstant
      ? 'Service calls do not depend on plan size.'
      : 'Service calls grow with the number of write chunks (WRITE_ROWS_PER_CALL rows, WRITE_BYTES_PER_CALL bytes each), not with cells.',
  );
  return { formulas, ...measured };
}

runWhenInvoked(import.meta.url, run, SIZES);
