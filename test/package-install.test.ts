/**
 * The npm package as a user gets it: `npm pack` of this checkout, installed with `npm install <tarball>` into an
 * empty folder (dependencies from the npm registry), then the installed `gtm-pyramid` runs `example`, `check`
 * and `report` there. No tsx, no dev dependency and nothing of this work tree is used by the installed command.
 *
 * Which modules each command loads is observed with a loader hook (test/helpers/module-log/) that records every
 * module the ES module loader loads: --help must load no chart, xlsx or template library; check and example never
 * vega, and reading a file never exceljs (it only writes). `report` loading vega, and `check plan.xlsx` loading
 * yauzl and saxes, show the hook sees what it should.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildReport } from '../report/generate';
import { readXlsx } from '../report/read-xlsx';
import { CHARTS_BUNDLE, CLI_BUNDLE, VENDOR_LICENSES, VENDORED } from '../scripts/build-cli';
import { cleanEnv, packAndInstall, ROOT, runInstalled, type Installed } from '../scripts/pack-install';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const REGISTER_LOG = path.join(ROOT, 'test', 'helpers', 'module-log', 'register.mjs');

/**
 * Not a speed expectation: a ceiling against an `npm install` that hangs on the network. Packing and installing
 * ~250 packages takes 20 s on an idle machine and minutes on a loaded one; its time is in `npm run bench -- startup`.
 */
const INSTALL_CEILING_MS = 10 * 60_000;

let dir: string;
let installed: Installed;
let work: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'gtm-pyramid-install-')));
  // npm pack (which compiles the CLI) and npm install from the registry: the slow part, done once.
  installed = packAndInstall(dir);
  work = path.join(dir, 'app');
}, INSTALL_CEILING_MS);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The npm packages (node_modules/<name>) whose files the ES module loader loaded while running ARGS. */
function packagesLoaded(
  args: string[],
  name: string,
): { status: number | null; packages: Set<string>; inMainThread: Set<string> } {
  const log = path.join(dir, `modules-${name}.log`);
  const result = runInstalled(installed, args, work, {
    nodeArgs: ['--import', REGISTER_LOG],
    env: { GTM_MODULE_LOG: log },
  });
  expect(result.stderr).toBe('');
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set<string>();
  const inMainThread = new Set<string>();
  for (const line of lines) {
    const [thread, url] = line.split(' ');
    const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    // The vendored packages (scripts/build-cli.ts VENDORED) are compiled into the package's
    // dist/cli/vendor/charts.cjs, which only the chart worker (chart-worker.js) and, without one, the command's own
    // renderer (charts.js) run (report/render/installed-charts.ts): loading either is loading them.
    const vendored = /\/gtm-pyramid\/dist\/cli\/(chart-worker|charts)\.js$/.test(url);
    const found = vendored ? VENDORED : match ? [match[1]] : [];
    for (const name of found) {
      packages.add(name);
      if (thread === 'main') inMainThread.add(name);
    }
  }
  // The hook saw the command itself: its entry is the installed package's compiled cli.js.
  expect(lines.some((l) => l.endsWith('/node_modules/gtm-pyramid/dist/cli/cli.js'))).toBe(true);
  packages.delete('gtm-pyramid');
  inMainThread.delete('gtm-pyramid');
  return { status: result.status, packages, inMainThread };
}

describe('the packed tarball', () => {
  it('holds the compiled CLI, the templates and styles, the guides, README.md, LICENSE and package.json, nothing else', () => {
    const listing = spawnSync('tar', ['-tzf', installed.tarball], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    const files = listing.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''))
      .sort();
    const templates = readdirSync(path.join(ROOT, 'report', 'templates'))
      .map((f) => `report/templates/${f}`)
      .sort();
    expect(files.filter((f) => f.startsWith('report/'))).toEqual(templates);
    expect(templates).toContain('report/templates/report.css');
    expect(files).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/gtm-pyramid.js']),
    );
    expect(files).toContain('dist/cli/cli.js');
    // The guides README.md links to, report.md among them (--help points to it), with their pictures.
    const guides = [
      ...readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
      ...readdirSync(path.join(ROOT, 'docs', 'images')).map((f) => `docs/images/${f}`),
    ].sort();
    expect(guides).toContain('docs/report.md');
    expect(guides).toContain('docs/images/report-desktop.png');
    expect(files.filter((f) => f.startsWith('docs/'))).toEqual(guides);
    const others = files.filter(
      (f) =>
        !f.startsWith('report/templates/') &&
        !f.startsWith('docs/') &&
        !/^dist\/cli\/(vendor\/)?[\w-]+\.js$/.test(f) &&
        f !== `dist/cli/${CLI_BUNDLE}` &&
        f !== `dist/cli/vendor/${CHARTS_BUNDLE}` &&
        f !== `dist/cli/vendor/${VENDOR_LICENSES}` &&
        !['LICENSE', 'README.md', 'package.json', 'bin/gtm-pyramid.js'].includes(f),
    );
    expect(others).toEqual([]);
    expect(readFileSync(path.join(installed.packageDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    // The vendored packages' licences ship with their code.
    const licences = readFileSync(
      path.join(installed.packageDir, 'dist', 'cli', 'vendor', VENDOR_LICENSES),
      'utf8',
    );
    for (const name of VENDORED)
      expect(licences).toContain(`\n${name} ${pkg.devDependencies[name]} (BSD-3-Clause)`);
  });
});

describe('the installed package', () => {
  it('is a real install: its own copy of the files, no tsx and no dev dependency beside it', () => {
    expect(realpathSync(installed.packageDir).startsWith(dir)).toBe(true);
    const modules = path.join(installed.app, 'node_modules');
    for (const name of Object.keys(pkg.dependencies)) expect(existsSync(path.join(modules, name))).toBe(true);
    // Vendored packages are compiled into dist/cli/vendor/charts.cjs and not installed.
    for (const name of VENDORED) expect(existsSync(path.join(modules, name)), name).toBe(false);
    // Dev dependencies that no runtime dependency needs in turn (jszip, for one, comes with exceljs).
    for (const name of [
      'tsx',
      'typescript',
      'esbuild',
      'vitest',
      'hyperformula',
      '@google/clasp',
      'playwright-core',
    ]) {
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(existsSync(path.join(modules, name)), `${name} installed`).toBe(false);
    }
  });

  it('--help points to the guide as a file of the installed package, in every language', () => {
    const guide = path.join(installed.packageDir, 'docs', 'report.md');
    expect(readFileSync(guide, 'utf8')).toMatch(/^# /);
    for (const lang of ['en', 'zh-CN', 'zh-TW']) {
      const result = spawnSync(installed.bin, ['--help', '--lang', lang], {
        cwd: work,
        env: cleanEnv(),
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      expect(result.stdout, lang).toContain(guide);
    }
  });

  it('prints its version through the command npm linked', () => {
    const result = spawnSync(installed.bin, ['--version'], { cwd: work, env: cleanEnv(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`gtm-pyramid ${pkg.version}`);
  });

  it('runs example, check and report on the example workbook', async () => {
    const example = runInstalled(installed, ['example', '--out', 'plan.xlsx'], work);
    expect(example.stderr).toBe('');
    expect(example.status).toBe(0);
    expect(readFileSync(path.join(work, 'plan.xlsx')).subarray(0, 2).toString()).toBe('PK');

    const check = runInstalled(installed, ['check', 'plan.xlsx', '--json'], work);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const checked = JSON.parse(check.stdout) as { file: string; counts: { error: number } };
    expect(checked.file).toBe('plan.xlsx');
    expect(checked.counts.error).toBe(0);

    const report = runInstalled(
      installed,
      ['report', 'plan.xlsx', '--out', 'site', '--as-of', '2026-06-30'],
      work,
    );
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('Report written to site/index.html');
    const html = readFileSync(path.join(work, 'site', 'index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('<svg'); // charts rendered by the vendored vega
    const planJson = JSON.parse(readFileSync(path.join(work, 'site', 'plan.json'), 'utf8')) as {
      generator: string;
    };
    expect(planJson.generator).toBe(`gtm-pyramid ${pkg.version}`);

    // Its templates were precompiled by the build: the pages are those the sources draw from the .hbs files.
    const fromSources = await buildReport(await readXlsx(path.join(work, 'plan.xlsx')), {
      asOf: '2026-06-30',
      source: 'plan.xlsx',
    });
    for (const file of fromSources.files.filter((f) => f.name.endsWith('.html')))
      expect(readFileSync(path.join(work, 'site', file.name), 'utf8'), file.name).toBe(file.data);
  });

  it('reads its compiled code back after the first report (report/compile-cache.ts), and writes the same pages', () => {
    const cache = path.join(dir, 'compile-cache');
    const env = { GTM_PYRAMID_COMPILE_CACHE: cache };
    const run = (out: string) => {
      const result = runInstalled(
        installed,
        ['report', 'plan.xlsx', '--out', out, '--as-of', '2026-06-30'],
        work,
        {
          env,
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    };
    // check and --help write no cache: a report runs nearly all the code a command needs, they do not.
    expect(runInstalled(installed, ['--help'], work, { env }).status).toBe(0);
    expect(existsSync(cache)).toBe(false);
    run('cached-1');
    // The command's code (dist/cli/gtm-pyramid.cjs) and the chart renderer's (vendor/charts.cjs, in the worker).
    const files = readdirSync(cache).sort();
    expect(files).toHaveLength(2);
    const written = files.map((file) => statSync(path.join(cache, file)).mtimeMs);
    run('cached-2');
    // Read, not written again.
    expect(readdirSync(cache).sort()).toEqual(files);
    expect(files.map((file) => statSync(path.join(cache, file)).mtimeMs)).toEqual(written);
    for (const page of readdirSync(path.join(work, 'site')))
      expect(readFileSync(path.join(work, 'cached-2', page), 'utf8'), page).toBe(
        readFileSync(path.join(work, 'site', page), 'utf8'),
      );
  });

  it('--help loads no chart, xlsx or template library', () => {
    const { status, packages } = packagesLoaded(['--help'], 'help');
    expect(status).toBe(0);
    // Only OpenCC's character table (a string), which matching words needs (shared/template.ts foldChinese).
    expect([...packages]).toEqual(['opencc-js']);
  });

  it('check and example never load vega', () => {
    const checkExample = packagesLoaded(['check'], 'check-example');
    expect(checkExample.status).toBe(0);
    // Nothing but string-width and what it needs, to align the text output's columns (CJK takes two), and
    // OpenCC's character table.
    expect([...checkExample.packages].sort()).toEqual(
      ['ansi-regex', 'emoji-regex', 'get-east-asian-width', 'opencc-js', 'string-width', 'strip-ansi'].sort(),
    );

    const checkFile = packagesLoaded(['check', 'plan.xlsx'], 'check-file');
    expect(checkFile.status).toBe(0);
    // Reading a file: the hook sees the zip and XML readers load, and nothing of exceljs (it only writes files).
    for (const reader of ['yauzl', 'saxes']) expect(checkFile.packages).toContain(reader);
    for (const heavy of ['exceljs', 'vega', 'vega-lite', 'handlebars'])
      expect(checkFile.packages).not.toContain(heavy);

    const example = packagesLoaded(['example', '--out', 'again.xlsx'], 'example');
    expect(example.status).toBe(0);
    expect(example.packages).toContain('exceljs');
    for (const heavy of ['vega', 'vega-lite', 'handlebars']) expect(example.packages).not.toContain(heavy);
  });

  it('report loads vega, vega-lite and handlebars (what the hook is there to see), vega in its chart worker only', () => {
    const { status, packages, inMainThread } = packagesLoaded(['report', '--out', 'example-site'], 'report');
    expect(status).toBe(0);
    for (const heavy of ['vega', 'vega-lite', 'handlebars']) expect(packages).toContain(heavy);
    // Loaded while the workbook is read, beside it (report/render/chart-thread.ts): never by the main thread,
    // unless the machine has one CPU, where the command draws its charts itself.
    expect(inMainThread).toContain('handlebars');
    const worker = availableParallelism() >= 2;
    for (const chart of ['vega', 'vega-lite']) expect(inMainThread.has(chart), chart).toBe(!worker);
  });
});
