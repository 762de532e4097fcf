/**
 * `npm run build:cli` (part of `npm run build`, and run by `npm pack` / `npm publish` through "prepack"): the
 * command line compiled to plain JavaScript in dist/cli/, so the installed package runs on Node alone, with no
 * TypeScript transform at run time.
 *
 *   dist/cli/cli.js           the entry (report/installed.ts); bin/gtm-pyramid.js imports it and runs main()
 *   dist/cli/gtm-pyramid.cjs  the command (report/cli.ts and all it imports of report/ and shared/) in one
 *                             CommonJS file, which the entry runs with V8's code cache (report/compile-cache.ts):
 *                             after the first report on a machine, its compiled code is read back, not compiled
 *                             again. The modules of a command the others do not need (the report pipeline, the
 *                             xlsx reader and writer) are in it but run only when that command imports them.
 *   dist/cli/vendor/charts.cjs  the chart renderer (report/render/charts.ts) with vega and vega-lite compiled in
 *                             (VENDORED), run the same way, with its own code cache (report/render/installed-charts.ts)
 *   dist/cli/vendor/LICENSES.txt  the licences of what it compiles in
 *   dist/cli/chart-worker.js  the worker thread `report` draws its charts in (report/render/chart-thread.ts), and
 *   dist/cli/charts.js        the renderer as the command loads it itself when it has no worker
 *   dist/cli/chunk-*.js       their shared code
 *
 * Our own sources (report/, shared/) are bundled; npm packages stay imports (`packages: 'external'`) and are
 * installed as the package's dependencies: npm shares and updates them, and their licences stay with them.
 * The build fails when the bundle imports a package that is not in package.json "dependencies" (a dev
 * dependency would be missing from an installed package).
 *
 * The exception is VENDORED (vega, vega-lite): compiled into dist/cli/vendor/charts.cjs, their licences beside it in
 * dist/cli/vendor/LICENSES.txt; see VENDORED for why.
 *
 * The report's Handlebars templates are precompiled here (precompiledTemplates), so the installed command does
 * not compile them on every run, and imports only `handlebars/runtime.js`.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import Handlebars from 'handlebars';
import { builtinModules } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(ROOT, 'dist', 'cli');

/**
 * npm packages compiled into dist/cli/vendor/charts.cjs, with the chart renderer that uses them
 * (report/render/charts.ts), rather than installed. vega and vega-lite are ES modules spread over ~400 files
 * (d3-array, d3-geo-projection, vega-util …) that Node's module loader found, read and compiled one by one on every
 * `report`: ~130 ms of a 1,000-key-result report's ~0.9 s. Compiled into one file, which the chart worker runs with
 * V8's code cache (report/render/installed-charts.ts), they load in a fraction of that (`npm run bench -- report`,
 * docs/report.md). The lockfile pins what is compiled in; their licences ship beside them (vendor/LICENSES.txt).
 * They are dev dependencies.
 */
export const VENDORED = ['vega', 'vega-lite'];
const VENDOR_DIR = 'vendor';
export const VENDOR_LICENSES = 'LICENSES.txt';

/**
 * The package an import names: 'vega-lite/build/x' → 'vega-lite', '@scope/pkg/x' → '@scope/pkg', and a vendored
 * package's module './vendor/vega.js' → 'vega'.
 */
export function packageOf(specifier: string): string {
  const vendored = new RegExp(`^\\./${VENDOR_DIR}/(.+)\\.js$`).exec(specifier);
  if (vendored) return vendored[1];
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Imports of npm packages the bundle keeps, and which of them package.json's dependencies lack. */
export function externalPackages(
  metafile: Metafile,
  dependencies: string[],
): { used: string[]; missing: string[] } {
  const builtins = new Set(builtinModules);
  const used = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external || imported.path.startsWith('node:') || builtins.has(imported.path)) continue;
      // A module of the package's own (the bundle's ./charts.js) unless a vendored package's (./vendor/vega.js).
      if (imported.path.startsWith('./') && !imported.path.startsWith(`./${VENDOR_DIR}/`)) continue;
      used.add(packageOf(imported.path));
    }
  }
  const sorted = [...used].sort();
  return {
    used: sorted,
    missing: sorted.filter((name) => !dependencies.includes(name) && !VENDORED.includes(name)),
  };
}

/**
 * The npm packages loaded as soon as START is run: its static imports, followed through the files they import
 * (`graph`: a metafile's outputs or inputs); `import()` calls are not followed (they load only when a command runs
 * them). `isPackage`: which external import paths name a package.
 */
function staticImports(
  graph: Record<string, { imports?: { path: string; kind: string; external?: boolean }[] } | undefined>,
  start: string,
  isPackage: (path: string) => boolean,
): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of graph[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (!imported.external) visit(imported.path);
      else if (isPackage(imported.path)) packages.add(packageOf(imported.path));
    }
  };
  visit(start);
  return [...packages].sort();
}

const isBuiltin = (path: string) => path.startsWith('node:') || builtinModules.includes(path);

/** The npm packages loaded as soon as OUTPUT (a file of the bundle) is imported, through the chunks it loads. */
export function staticPackages(metafile: Metafile, output: string): string[] {
  return staticImports(metafile.outputs, output, (path) => !isBuiltin(path));
}

/**
 * The npm packages loaded as soon as the module ENTRY (a source file, as the metafile names it) is run, through the
 * sources it imports (esbuild compiles the modules an `import()` imports so that they run only when the call does,
 * in one file as in chunks).
 */
export function staticInputPackages(metafile: Metafile, entry: string): string[] {
  // Not a package: a built-in, or one of our own modules that esbuild lists without resolving it (an import of
  // types alone, `import { type X } from './template'`, which the compiled code drops).
  return staticImports(
    metafile.inputs,
    entry,
    (path) => !isBuiltin(path) && (!path.startsWith('.') || path.startsWith(`./${VENDOR_DIR}/`)),
  );
}

/**
 * report/render/templates.ts compiles the report's templates when first used; in the bundle its place is taken by
 * a module holding them precompiled (Handlebars's own `precompile`, with the same options), exporting the same
 * `compileTemplates`. The .hbs files are still shipped: the sources read them, and so does this build.
 */
function precompiledTemplates(): Plugin {
  return {
    name: 'precompiled-templates',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]report[\\/]render[\\/]templates\.ts$/ }, async () => {
        const { templateSources, TEMPLATE_OPTIONS } = await import('../report/render/templates');
        const specs = Object.entries(templateSources())
          .map(
            ([name, source]) =>
              `  ${JSON.stringify(name)}: ${Handlebars.precompile(source, TEMPLATE_OPTIONS)},`,
          )
          .join('\n');
        const contents = [
          '// report/templates/*.hbs, precompiled by scripts/build-cli.ts (see report/render/templates.ts).',
          `export const TEMPLATE_OPTIONS = ${JSON.stringify(TEMPLATE_OPTIONS)};`,
          `const SPECS = {\n${specs}\n};`,
          'export function compileTemplates(hbs) {',
          '  const { page, ...partials } = Object.fromEntries(',
          '    Object.entries(SPECS).map(([name, spec]) => [name, hbs.template(spec)]),',
          '  );',
          '  return { page, partials };',
          '}',
        ].join('\n');
        return { loader: 'js', contents };
      });
    },
  };
}

/**
 * The command's bundle compiles no vendored package in (they are in vendor/charts.cjs, which the chart worker
 * loads): an import of one there would add its megabytes to every command, so it fails the build.
 */
function noVendoredPackage(): Plugin {
  const names = new RegExp(`^(${VENDORED.map((name) => name.replaceAll('.', '\\.')).join('|')})(/|$)`);
  return {
    name: 'no-vendored-package',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: names }, ({ path: name, importer }) => ({
        errors: [{ text: `${importer} imports ${name}, which only vendor/${CHARTS_BUNDLE} may compile in` }],
      }));
    },
  };
}

/**
 * vega-canvas (what Vega draws text and images with, when the optional `canvas` package is installed) looks for
 * `canvas` with a top-level `await import()`, which a CommonJS file cannot hold: in vendor/charts.cjs it does so with
 * require(), the same package found the same way (and, as before, none when it is not installed).
 */
function vegaCanvasWithoutAwait(): Plugin {
  return {
    name: 'vega-canvas-without-await',
    setup(pluginBuild) {
      pluginBuild.onLoad(
        { filter: /[\\/]vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ },
        ({ path: file }) => {
          const source = readFileSync(file, 'utf8');
          const awaited = "await import('canvas')";
          if (source.split(awaited).length !== 2)
            throw new Error(`${file} no longer holds ${awaited} once: see vegaCanvasWithoutAwait`);
          return { contents: source.replace(awaited, "require('canvas')"), loader: 'js' };
        },
      );
    },
  };
}

/**
 * In the command's bundle, the chart renderer (report/render/charts.ts, which imports Vega) is not compiled in: the
 * command imports it (chart-thread.ts, when it has no worker) as dist/cli/charts.js, which runs vendor/charts.cjs
 * (report/render/installed-charts.ts), as the chart worker does.
 */
function chartsFromWorkerBuild(): Plugin {
  return {
    name: 'charts-from-worker-build',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\/charts$/ }, ({ importer, kind }) =>
        kind === 'dynamic-import' && /[\\/]render[\\/]chart-thread\.ts$/.test(importer)
          ? { path: `./${CHARTS_MODULE}`, external: true }
          : undefined,
      );
    },
  };
}

/** The chart renderer's module in dist/cli/ (report/render/installed-charts.ts), which the bundle imports. */
const CHARTS_MODULE = 'charts.js';
/** The chart renderer compiled with the VENDORED packages, in dist/cli/vendor/. */
export const CHARTS_BUNDLE = 'charts.cjs';
/** The command's bundle in dist/cli/ (report/compile-cache.ts runs it). */
export const CLI_BUNDLE = 'gtm-pyramid.cjs';
/** What `import.meta.url` is in the bundle: its own file's URL, set by its first line. */
const BUNDLE_URL = '__gtmImportMetaUrl';

/**
 * The bundle's `import()` calls (of installed ES modules, and of ./charts.js) made through the importer the entry
 * gives it (`__gtmImport`, report/compile-cache.ts BUNDLE_PARAMETERS): code run by vm.Script has no `import()` of its
 * own on Node.js 20 without a flag. Every call is one the metafile lists, and none is left.
 */
function importThroughEntry(code: string, metafile: Metafile, output: string): string {
  const name = path.basename(output);
  const expected = metafile.outputs[output].imports.filter((i) => i.kind === 'dynamic-import' && i.external);
  let replaced = 0;
  const result = code.replace(/\bimport\(("[^"\\\n]+")\)/g, (_, specifier: string) => {
    replaced++;
    return `__gtmImport(${specifier})`;
  });
  if (replaced !== expected.length || /\bimport\(/.test(result))
    throw new Error(
      `${name}: ${replaced} import() calls routed through the entry, ${expected.length} expected, or one left`,
    );
  return result;
}

/**
 * The chart renderer (report/render/charts.ts) compiled with every VENDORED package and all they import into
 * OUT_DIR/vendor/charts.cjs, one CommonJS file that report/render/installed-charts.ts runs with V8's code cache, and
 * every compiled package's licence, read from node_modules, into OUT_DIR/vendor/LICENSES.txt. The build fails if a
 * compiled package has no licence file to ship.
 */
async function buildVendor(outDir: string): Promise<{ files: string[]; bytes: number; packages: string[] }> {
  const vendorDir = path.join(outDir, VENDOR_DIR);
  const result = await build({
    entryPoints: { [CHARTS_BUNDLE.replace(/\.cjs$/, '')]: path.join(ROOT, 'report', 'render', 'charts.ts') },
    outdir: vendorDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    // Strict, as the ES modules it is compiled from are.
    banner: { js: '"use strict";' },
    // Optional: Vega draws with it when it is installed, and does without (vegaCanvasWithoutAwait).
    external: ['canvas'],
    // Their licences are shipped whole in LICENSES.txt.
    legalComments: 'none',
    metafile: true,
    write: false,
    absWorkingDir: ROOT,
    logLevel: 'warning',
    plugins: [vegaCanvasWithoutAwait()],
  });
  mkdirSync(vendorDir, { recursive: true });
  for (const file of result.outputFiles) {
    const output = path.relative(ROOT, file.path).split(path.sep).join('/');
    writeFileSync(file.path, importThroughEntry(file.text, result.metafile, output));
  }
  const packageDirs = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const matches = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
    const last = matches.at(-1);
    if (last) packageDirs.add(input.slice(0, last.index + last[0].length - 1));
  }
  const notices = [...packageDirs].sort().map((dir) => {
    const meta = JSON.parse(readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const licenceFile = readdirSync(path.join(ROOT, dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
    if (!licenceFile) throw new Error(`${dir} has no licence file to ship with dist/cli/${VENDOR_DIR}/`);
    const text = readFileSync(path.join(ROOT, dir, licenceFile), 'utf8').trim();
    return {
      name: meta.name,
      text: `${meta.name} ${meta.version} (${meta.license ?? 'see below'})\n\n${text}\n`,
    };
  });
  writeFileSync(
    path.join(vendorDir, VENDOR_LICENSES),
    [
      `dist/cli/${VENDOR_DIR}/${CHARTS_BUNDLE} holds ${VENDORED.join(' and ')} compiled with the packages they import, by`,
      "gtm-pyramid's scripts/build-cli.ts (esbuild). Each compiled package and its licence follow.",
      '',
      ...notices.map((n) => `${'='.repeat(78)}\n${n.text}`),
    ].join('\n'),
  );
  const outputs = Object.entries(result.metafile.outputs);
  return {
    files: [
      ...outputs.map(([file]) => path.relative(outDir, path.resolve(ROOT, file))),
      path.join(VENDOR_DIR, VENDOR_LICENSES),
    ],
    bytes: outputs.reduce((n, [, o]) => n + o.bytes, 0),
    packages: [...new Set(notices.map((n) => n.name))].sort(),
  };
}

export interface CliBuild {
  /** The files written, relative to the output folder. */
  files: string[];
  bytes: number;
  /** Every installed npm package the compiled CLI imports. */
  packages: string[];
  /** The VENDORED packages it holds (compiled into dist/cli/vendor/charts.cjs). */
  vendored: string[];
  /** Every npm package compiled into dist/cli/vendor/charts.cjs (VENDORED and what they import), each licence shipped. */
  vendorPackages: string[];
  /** The packages loaded by importing the entry alone (what every command, --help included, loads). */
  entryPackages: string[];
}

export async function buildCli(outDir = CLI_OUT_DIR): Promise<CliBuild> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    engines?: { node?: string };
  };
  rmSync(outDir, { recursive: true, force: true });
  const common = {
    outdir: outDir,
    bundle: true,
    platform: 'node',
    // The oldest Node of package.json "engines" (>=20.19).
    target: 'node20.19',
    packages: 'external',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'warning',
  } as const;
  // The command: one CommonJS file, written below once its import() calls go through the entry.
  const bundle = await build({
    ...common,
    entryPoints: { [CLI_BUNDLE.replace(/\.cjs$/, '')]: path.join(ROOT, 'report', 'cli.ts') },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    write: false,
    plugins: [precompiledTemplates(), noVendoredPackage(), chartsFromWorkerBuild()],
    // The templates are precompiled (above), so the installed command needs only Handlebars's runtime: the full
    // package adds the compiler and source-map (about 45 more files to resolve and compile on every run).
    alias: { handlebars: 'handlebars/runtime.js' },
    define: { 'import.meta.url': BUNDLE_URL },
    // Strict, as the ES modules it is compiled from are.
    banner: { js: `"use strict";\nvar ${BUNDLE_URL} = require("node:url").pathToFileURL(__filename).href;` },
  });
  mkdirSync(outDir, { recursive: true });
  for (const file of bundle.outputFiles) {
    const output = path.relative(ROOT, file.path).split(path.sep).join('/');
    writeFileSync(file.path, importThroughEntry(file.text, bundle.metafile, output));
  }
  // The entry, which runs the bundle with the code cache; and the chart worker with the renderer it shares with
  // the command (ES modules, with chunks).
  const entry = await build({
    ...common,
    entryPoints: { cli: path.join(ROOT, 'report', 'installed.ts') },
    format: 'esm',
    // Its import() of a name known only when called (what the bundle imports).
    logOverride: { 'unsupported-dynamic-import': 'silent' },
  });
  const worker = await build({
    ...common,
    entryPoints: {
      // Started by the report command as a worker thread that draws the charts (report/render/chart-thread.ts).
      'chart-worker': path.join(ROOT, 'report', 'render', 'chart-worker.ts'),
      [CHARTS_MODULE.replace(/\.js$/, '')]: path.join(ROOT, 'report', 'render', 'installed-charts.ts'),
    },
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    plugins: [noVendoredPackage()],
    logOverride: { 'unsupported-dynamic-import': 'silent' },
  });
  const metafiles = [bundle.metafile, entry.metafile, worker.metafile];
  const used = new Set<string>();
  const missing = new Set<string>();
  for (const metafile of metafiles) {
    const found = externalPackages(metafile, Object.keys(pkg.dependencies ?? {}));
    for (const name of found.used) used.add(name);
    for (const name of found.missing) missing.add(name);
  }
  if (missing.size) {
    throw new Error(
      `dist/cli imports ${[...missing].join(', ')}, which package.json "dependencies" lacks: an installed package would fail`,
    );
  }
  const vendor = await buildVendor(outDir);
  const outputs = metafiles.flatMap((metafile) => Object.entries(metafile.outputs));
  const packages = [...used].sort();
  return {
    files: [
      ...outputs.map(([file]) => path.relative(outDir, path.resolve(ROOT, file))),
      ...vendor.files,
    ].sort(),
    bytes: outputs.reduce((n, [, o]) => n + o.bytes, 0) + vendor.bytes,
    packages: packages.filter((name) => !VENDORED.includes(name)),
    vendored: vendor.packages.filter((name) => VENDORED.includes(name)),
    vendorPackages: vendor.packages,
    // What every command loads: the entry's own imports (node: built-ins only) and the bundle's, from report/cli.ts.
    entryPackages: [
      ...new Set([
        ...staticPackages(entry.metafile, Object.keys(entry.metafile.outputs)[0]),
        ...staticInputPackages(bundle.metafile, 'report/cli.ts'),
      ]),
    ].sort(),
  };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const started = Date.now();
  buildCli()
    .then(({ files, bytes, packages }) => {
      console.log(
        `dist/cli/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB (imports ${packages.join(', ')}) in ${Date.now() - started} ms`,
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
