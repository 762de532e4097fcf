/**
 * The plan core on generated plans of 100, 1,000 and 10,000 key results: parse, decomposition of every key
 * result, progress and checks, as the report and the sidebar run them (see generate-plan.ts for the plans).
 * Goal: 10,000 key results in under 100 ms on a 2-core machine, the cost growing linearly (µs per KR flat).
 *
 * Then reading dates in the spreadsheet's time zone: the add-on's cells come as Dates at midnight of that zone,
 * and parsing turns each into a calendar day (shared/calendar.ts dateToIso). The first parse in a zone is the
 * one an add-on run pays (each run is a fresh process); later ones reuse the days already read.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Workbook } from '../shared';
import { GENERATED_AS_OF, generatePlanWorkbook } from './generate-plan';

type Core = typeof import('./shipped-core');

/**
 * The core bundled by esbuild with the options `npm run build:cli` gives the command (scripts/build-cli.ts), then
 * imported. `npm run bench` runs under tsx, whose transpiling keeps every function's name by wrapping each closure
 * in a `__name(fn, "name")` call, made again each time the closure is created: code the shipped command and the
 * add-on do not run. Timed under tsx, the core took about a tenth longer (docs/report.md, "Where the goal stands").
 */
async function loadShippedCore(): Promise<Core> {
  // Under the checkout's node_modules, so the packages the bundle leaves out resolve there, as the command's do.
  const here = dirname(fileURLToPath(import.meta.url));
  const outfile = join(here, '..', 'node_modules', '.cache', 'gtm-pyramid-bench', `core-${process.pid}.mjs`);
  await build({
    entryPoints: [join(here, 'shipped-core.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    format: 'esm',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  try {
    return (await import(pathToFileURL(outfile).href)) as Core;
  } finally {
    rmSync(outfile, { force: true });
  }
}

const SIZES = [100, 1_000, 10_000];

interface Timing {
  parse: number;
  checks: number;
  decompose: number;
  progress: number;
  /** CPU time of the whole run (user + system): steadier than wall time on a shared machine. */
  cpu: number;
  /**
   * The kernel's share of that CPU time: mostly the first touch of memory pages the run allocates (page faults),
   * which on some days of this virtual machine cost a quarter of the run (docs/report.md, Speed).
   */
  system: number;
  /**
   * Pages of fresh memory the run touched (process.resourceUsage().minorPageFault): about one per 4 KiB the run keeps,
   * since what a run keeps is copied to pages the collector released after the previous run (docs/report.md, "Where
   * the goal stands").
   */
  faults: number;
}

function once(core: Core, workbook: Workbook): Timing & { issues: number } {
  const { checkPlan, decompose, keyResultSpec, parsePlan, planProgress, screenCheckIns } = core;
  const cpu = process.cpuUsage();
  const faults = process.resourceUsage().minorPageFault;
  let t = performance.now();
  const { plan, issues } = parsePlan(workbook);
  const parse = performance.now() - t;

  // Decomposition of every key result over the period (what the Targets tab and the report's charts show).
  t = performance.now();
  const months = plan.period?.months ?? [];
  let cells = 0;
  for (const kr of plan.keyResults) {
    const spec = keyResultSpec(kr, plan);
    if (spec) cells += decompose(spec, months).length;
  }
  const decomposeMs = performance.now() - t;
  if (cells === 0) throw new Error('nothing decomposed');

  // As analyzeWorkbook does: which check-ins count is decided once (screenCheckIns, counted in progress's time),
  // progress counts those rows, and the checks reuse the screen and the progress for the tracking checks.
  t = performance.now();
  const screen = screenCheckIns(plan);
  const progress = planProgress(plan, GENERATED_AS_OF, screen);
  const progressMs = performance.now() - t;

  t = performance.now();
  const checked = checkPlan(plan, { asOf: GENERATED_AS_OF }, progress, screen);
  const checks = performance.now() - t;

  const used = process.cpuUsage(cpu);
  const faulted = process.resourceUsage().minorPageFault - faults;
  return {
    parse,
    checks,
    decompose: decomposeMs,
    progress: progressMs,
    cpu: (used.user + used.system) / 1000,
    system: used.system / 1000,
    faults: faulted,
    issues: issues.length + checked.length,
  };
}

/**
 * The machine's yardstick: one pass over every cell of the workbook, reading each once (the issue's "floor":
 * 7 ms at 10,000 key results on the machine where it set the 100 ms goal). The core's figures are printed beside
 * it as a multiple, so that runs on machines of different speed (or the same machine on a slower day) can be
 * compared: the goal was 14 times the floor there.
 */
function touchEveryCell(workbook: Workbook): number {
  let seen = 0;
  for (const grid of Object.values(workbook)) {
    for (const row of grid) {
      for (const cell of row) {
        if (typeof cell === 'number') seen += cell === cell ? 1 : 0;
        else if (typeof cell === 'string') seen += cell.length > 0 ? 1 : 0;
        else if (cell !== null && cell !== undefined) seen++;
      }
    }
  }
  return seen;
}

/** Median milliseconds of touchEveryCell over several passes, after one to warm up. */
function floorMs(workbook: Workbook): number {
  touchEveryCell(workbook);
  const times: number[] = [];
  let seen = 0;
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    seen += touchEveryCell(workbook);
    times.push(performance.now() - t);
  }
  if (seen === 0) throw new Error('no cells touched');
  return median(times);
}

/**
 * The machine's other yardstick: microseconds to touch one fresh 4 KiB page of memory (a 32 MB array made and
 * filled, median of three). The core keeps about 30 MB per run at 10,000 key results, and every page of it is fresh
 * memory to the process at some point; on a machine where first touches are slow (a virtual machine whose host
 * maps each page on demand), that alone is a large part of the run (docs/report.md, "Where the goal stands").
 */
function freshPageMicros(): number {
  const bytes = 32 * 1024 * 1024;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const pages = new Float64Array(bytes / 8);
    pages.fill(1);
    times.push(((performance.now() - t) * 1000) / (bytes / 4096));
    if (pages[pages.length - 1] !== 1) throw new Error('page not written');
  }
  return median(times);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => x.toFixed(1).padStart(8);

export interface CoreRow {
  keyResults: number;
  rows: number;
  parseMs: number;
  checksMs: number;
  decomposeMs: number;
  progressMs: number;
  /** Median of the runs' totals (each run's parse + checks + decompose + progress). */
  totalMs: number;
  /** The fastest run's total: the least the machine's other work added (the issue's figures were minimums). */
  minTotalMs: number;
  usPerKeyResult: number;
  cpuMs: number;
  /** Of cpuMs, the kernel's (Timing.system). */
  systemMs: number;
  /** Median of the runs' Timing.faults. */
  faults: number;
  issues: number;
  /** touchEveryCell's median on the same plan: the machine's yardstick. */
  floorMs: number;
  /** freshPageMicros, measured after this size's runs: the machine's other yardstick. */
  freshPageUs: number;
}

export interface TimeZoneRow {
  timeZone: string;
  keyResults: number;
  /** Dates among the cells parsed. */
  dates: number;
  /** The first parse of the plan in this zone (what one add-on run pays). */
  firstParseMs: number;
  /** Median of the parses after it. */
  parseMs: number;
}

const TIME_ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Taipei'];
const TIME_ZONE_SIZE = 5_000;

/** Parse times of a plan whose dates are Dates at midnight of each zone, as Sheets hands them over. */
function timeZoneRows({ parsePlan, sheetDate }: Core): TimeZoneRow[] {
  const out: TimeZoneRow[] = [];
  for (const timeZone of TIME_ZONES) {
    const workbook = generatePlanWorkbook(TIME_ZONE_SIZE, { date: (iso) => sheetDate(iso, timeZone) });
    const dates = Object.values(workbook).reduce(
      (n, grid) => n + grid.reduce((m, row) => m + row.filter((c) => c instanceof Date).length, 0),
      0,
    );
    let t = performance.now();
    const first = parsePlan(workbook, { timeZone });
    const firstParseMs = performance.now() - t;
    if (first.plan.keyResults.length !== TIME_ZONE_SIZE) throw new Error(`${timeZone}: key results lost`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      parsePlan(workbook, { timeZone });
      times.push(performance.now() - t);
    }
    out.push({ timeZone, keyResults: TIME_ZONE_SIZE, dates, firstParseMs, parseMs: median(times) });
  }
  return out;
}

export async function run(): Promise<{ sizes: CoreRow[]; timeZones: TimeZoneRow[] }> {
  const sizes: CoreRow[] = [];
  const core = await loadShippedCore();
  console.log(
    `the core as bundled for the command (esbuild); as of ${GENERATED_AS_OF}; wall-clock ms, median of several runs after a warm-up; cpu = CPU ms of the whole run, sys = the kernel's part of it; faults = fresh 4 KiB pages touched per run; floor = one pass over every cell; page = µs to touch one fresh 4 KiB page of memory`,
  );
  console.log(
    `${'key results'.padStart(11)} ${'rows'.padStart(8)} ${'parse'.padStart(8)} ${'checks'.padStart(8)} ${'decomp.'.padStart(8)} ${'progress'.padStart(8)} ${'total'.padStart(8)} ${'min'.padStart(8)} ${'µs/KR'.padStart(7)} ${'cpu'.padStart(8)} ${'sys'.padStart(6)} ${'faults'.padStart(7)} ${'issues'.padStart(7)} ${'floor'.padStart(7)} ${'×floor'.padStart(7)} ${'page'.padStart(6)}`,
  );
  for (const size of SIZES) {
    const workbook = generatePlanWorkbook(size);
    const rows = Object.values(workbook).reduce((s, g) => s + g.length, 0);
    once(core, workbook); // warm-up: JIT and caches
    // 15 at 10,000: a full garbage collection lands in about one run of eight, and a median of 5 moved with it.
    const runs = size >= 10_000 ? 15 : size >= 1_000 ? 10 : 30;
    const timings: (Timing & { issues: number })[] = [];
    for (let i = 0; i < runs; i++) timings.push(once(core, workbook));
    const m = (key: keyof Timing) => median(timings.map((x) => x[key]));
    const totals = timings.map((x) => x.parse + x.checks + x.decompose + x.progress);
    const total = median(totals);
    const minTotal = Math.min(...totals);
    const floor = floorMs(workbook);
    const freshPageUs = freshPageMicros();
    sizes.push({
      keyResults: size,
      rows,
      parseMs: m('parse'),
      checksMs: m('checks'),
      decomposeMs: m('decompose'),
      progressMs: m('progress'),
      totalMs: total,
      minTotalMs: minTotal,
      usPerKeyResult: (total * 1000) / size,
      cpuMs: m('cpu'),
      systemMs: m('system'),
      faults: m('faults'),
      issues: timings[0].issues,
      floorMs: floor,
      freshPageUs,
    });
    console.log(
      `${String(size).padStart(11)} ${String(rows).padStart(8)} ${ms(m('parse'))} ${ms(m('checks'))} ${ms(m('decompose'))} ${ms(m('progress'))} ${ms(total)} ${ms(minTotal)} ${((total * 1000) / size).toFixed(1).padStart(7)} ${ms(m('cpu'))} ${m('system').toFixed(1).padStart(6)} ${String(m('faults')).padStart(7)} ${String(timings[0].issues).padStart(7)} ${floor.toFixed(1).padStart(7)} ${(total / floor).toFixed(0).padStart(7)} ${freshPageUs.toFixed(1).padStart(6)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  console.log(
    `\nparsing ${TIME_ZONE_SIZE} key results whose dates are Dates at midnight of the spreadsheet's time zone (ms)`,
  );
  console.log(
    `${'time zone'.padEnd(18)} ${'dates'.padStart(7)} ${'first parse'.padStart(12)} ${'later'.padStart(8)}`,
  );
  const timeZones = timeZoneRows(core);
  for (const r of timeZones) {
    console.log(
      `${r.timeZone.padEnd(18)} ${String(r.dates).padStart(7)} ${ms(r.firstParseMs).padStart(12)} ${ms(r.parseMs)}`,
    );
  }
  return { sizes, timeZones };
}
