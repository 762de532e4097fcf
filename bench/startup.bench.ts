/**
 * Start-up of the command as installed (`npm run bench -- startup`): this checkout is packed and installed into
 * an empty temp folder (scripts/pack-install.ts, as the install test does), then each command is run in a fresh
 * Node process and timed from spawn to exit:
 *
 *   gtm-pyramid --help                 loads the CLI alone (no exceljs, handlebars or vega)
 *   gtm-pyramid check                  the built-in example's checks
 *   gtm-pyramid report --out DIR       the built-in example's report (loads the report pipeline and vega)
 *
 * For comparison, `--help` the way a checkout runs it (tsx report/cli.ts: TypeScript transformed at run time).
 * Figures only: the median and the fastest of several runs (wall time; the machine may be shared).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv, packAndInstall, ROOT, runInstalled, type Installed } from '../scripts/pack-install';

const RUNS = { help: 10, check: 5, report: 5, tsxHelp: 5 };

function time(run: () => { status: number | null; stderr: string }, label: string): number {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${label} exited with ${result.status}: ${result.stderr.trim()}`);
  return ms;
}

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${Math.round(median)} ms, fastest ${Math.round(sorted[0])} ms (${samples.length} runs)`;
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gtm-pyramid-bench-startup-'));
  try {
    const started = performance.now();
    const installed: Installed = packAndInstall(dir);
    const installMs = performance.now() - started;
    const modules = join(installed.app, 'node_modules');
    console.log(
      `  npm pack + npm install: ${(installMs / 1000).toFixed(1)} s; tarball ${Math.round(statSync(installed.tarball).size / 1024)} KB; ` +
        `installed node_modules ${Math.round(sizeOf(modules) / 1024 / 1024)} MB, ${readdirSync(modules).filter((n) => !n.startsWith('.')).length} top-level packages`,
    );
    console.log(`  load average ${loadavg()[0].toFixed(1)} before the runs`);
    const work = installed.app;
    const samples = (n: number, fn: () => number) => Array.from({ length: n }, fn);

    const help = samples(RUNS.help, () => time(() => runInstalled(installed, ['--help'], work), '--help'));
    console.log(`  installed  gtm-pyramid --help            ${figures(help)}`);
    const check = samples(RUNS.check, () => time(() => runInstalled(installed, ['check'], work), 'check'));
    console.log(`  installed  gtm-pyramid check (example)   ${figures(check)}`);
    const report = samples(RUNS.report, () =>
      time(() => runInstalled(installed, ['report', '--out', 'site'], work), 'report'),
    );
    console.log(`  installed  gtm-pyramid report (example)  ${figures(report)}`);
    const tsxHelp = samples(RUNS.tsxHelp, () =>
      time(
        () =>
          spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'report', 'cli.ts'), '--help'], {
            cwd: ROOT,
            env: cleanEnv(),
            encoding: 'utf8',
          }),
        'tsx --help',
      ),
    );
    console.log(
      `  checkout   tsx report/cli.ts --help      ${figures(tsxHelp)} (TypeScript transformed at run time)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
