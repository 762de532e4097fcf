/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each module exports `async function run()` that prints its
 * own figures and returns them. Figures only, no assertions: speed is measured here, never in the tests.
 *
 *   npm run bench                 every benchmark
 *   npm run bench -- core         only the files whose name contains "core"
 *   npm run bench -- --json       every figure as one JSON document on stdout (the tables go to stderr)
 *   npm run bench -- core --json  the same for the files named
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

// With --json, stdout carries the JSON document only: every table a benchmark prints goes to stderr instead.
const print = console.log;
if (json) console.log = (...items: unknown[]) => console.error(...items);

const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '',
  loadAverage: os.loadavg(),
  platform: `${os.platform()} ${os.release()}`,
  date: new Date().toISOString(),
};
console.log(
  `gtm-pyramid benchmarks — Node ${machine.node}, ${machine.cpus} CPU(s) ${machine.cpuModel}, load average ${machine.loadAverage.map((x) => x.toFixed(2)).join(' ')}`,
);
if (files.length === 0) console.log('No bench/*.bench.ts files matched.');
const figures: Record<string, unknown> = {};
const errors: Record<string, string> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`\n## ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<unknown> };
    if (typeof mod.run !== 'function') {
      console.log('  (no exported run(): skipped)');
      continue;
    }
    figures[name] = (await mod.run()) ?? null;
  } catch (error) {
    errors[name] = error instanceof Error ? error.message : String(error);
    console.error(`  ${file} failed:`, error);
  }
}
if (json) {
  console.log = print;
  process.stdout.write(
    `${JSON.stringify({ machine: { ...machine, loadAverageAfter: os.loadavg() }, figures, errors }, null, 2)}\n`,
  );
}
if (Object.keys(errors).length) process.exitCode = 1;
