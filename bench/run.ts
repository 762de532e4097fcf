/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each module exports `async function run(): Promise<void>`
 * that prints its own figures. Figures only, no assertions: speed is measured here, never in the tests.
 *
 *   npm run bench            every benchmark
 *   npm run bench -- core    only the files whose name contains "core"
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const load = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log(
  `gtm-pyramid benchmarks — Node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, load average ${load}`,
);
if (files.length === 0) console.log('No bench/*.bench.ts files matched.');
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') {
      console.log('  (no exported run(): skipped)');
      continue;
    }
    await mod.run();
  } catch (error) {
    failed++;
    console.error(`  ${file} failed:`, error);
  }
}
if (failed) process.exitCode = 1;
