/**
 * The plan core on generated plans of 100, 1,000 and 10,000 key results: parse, decomposition of every key
 * result, progress and checks, as the report and the sidebar run them (see generate-plan.ts for the plans).
 * Goal: 10,000 key results in under 100 ms on a 2-core machine, the cost growing linearly (µs per KR flat).
 */
import { checkPlan, decompose, keyResultSpec, parsePlan, planProgress, type Workbook } from '../shared';
import { GENERATED_AS_OF, generatePlanWorkbook } from './generate-plan';

const SIZES = [100, 1_000, 10_000];

interface Timing {
  parse: number;
  checks: number;
  decompose: number;
  progress: number;
  /** CPU time of the whole run (user + system): steadier than wall time on a shared machine. */
  cpu: number;
}

function once(workbook: Workbook): Timing & { issues: number } {
  const cpu = process.cpuUsage();
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

  t = performance.now();
  const progress = planProgress(plan, GENERATED_AS_OF);
  const progressMs = performance.now() - t;

  // The checks reuse that progress for the tracking checks, as analyzeWorkbook does.
  t = performance.now();
  const checked = checkPlan(plan, { asOf: GENERATED_AS_OF }, progress);
  const checks = performance.now() - t;

  const used = process.cpuUsage(cpu);
  return {
    parse,
    checks,
    decompose: decomposeMs,
    progress: progressMs,
    cpu: (used.user + used.system) / 1000,
    issues: issues.length + checked.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => x.toFixed(1).padStart(8);

export async function run(): Promise<void> {
  console.log(
    `as of ${GENERATED_AS_OF}; wall-clock ms, median of several runs after a warm-up; cpu = CPU ms of the whole run`,
  );
  console.log(
    `${'key results'.padStart(11)} ${'rows'.padStart(8)} ${'parse'.padStart(8)} ${'checks'.padStart(8)} ${'decomp.'.padStart(8)} ${'progress'.padStart(8)} ${'total'.padStart(8)} ${'µs/KR'.padStart(7)} ${'cpu'.padStart(8)} ${'issues'.padStart(7)}`,
  );
  for (const size of SIZES) {
    const workbook = generatePlanWorkbook(size);
    const rows = Object.values(workbook).reduce((s, g) => s + g.length, 0);
    once(workbook); // warm-up: JIT and caches
    const runs = size >= 10_000 ? 5 : size >= 1_000 ? 10 : 30;
    const timings: (Timing & { issues: number })[] = [];
    for (let i = 0; i < runs; i++) timings.push(once(workbook));
    const m = (key: keyof Timing) => median(timings.map((x) => x[key]));
    const total = median(timings.map((x) => x.parse + x.checks + x.decompose + x.progress));
    console.log(
      `${String(size).padStart(11)} ${String(rows).padStart(8)} ${ms(m('parse'))} ${ms(m('checks'))} ${ms(m('decompose'))} ${ms(m('progress'))} ${ms(total)} ${((total * 1000) / size).toFixed(1).padStart(7)} ${ms(m('cpu'))} ${String(timings[0].issues).padStart(7)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
