/**
 * `npm run build:cli` (part of `npm run build`, and run by `npm pack` / `npm publish` through "prepack"): the
 * command line compiled to plain JavaScript in dist/cli/, so the installed package runs on Node alone, with no
 * TypeScript transform at run time.
 *
 *   dist/cli/cli.js     the entry (report/cli.ts); bin/gtm-pyramid.js imports it and runs main()
 *   dist/cli/*.js       chunks: each `await import()` of the sources (the report pipeline, the xlsx writer)
 *                       stays a separate file, so a command loads only the code it uses
 *
 * Our own sources (report/, shared/) are bundled; npm packages stay imports (`packages: 'external'`) and are
 * installed as the package's dependencies: npm shares and updates them, and their licences stay with them.
 * The build fails when the bundle imports a package that is not in package.json "dependencies" (a dev
 * dependency would be missing from an installed package).
 *
 * The report's Handlebars templates are precompiled here (precompiledTemplates), so the installed command does
 * not compile them on every run.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import Handlebars from 'handlebars';
import { builtinModules } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(ROOT, 'dist', 'cli');

/** The package an import names: 'vega-lite/build/x' → 'vega-lite', '@scope/pkg/x' → '@scope/pkg'. */
export function packageOf(specifier: string): string {
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
      used.add(packageOf(imported.path));
    }
  }
  const sorted = [...used].sort();
  return { used: sorted, missing: sorted.filter((name) => !dependencies.includes(name)) };
}

/**
 * The npm packages loaded as soon as OUTPUT (a file of the bundle) is imported: its static imports, followed
 * through the chunks they load; `import()` calls are not followed (they load only when a command runs them).
 */
export function staticPackages(metafile: Metafile, output: string): string[] {
  const builtins = new Set(builtinModules);
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (!imported.external) visit(imported.path);
      else if (!imported.path.startsWith('node:') && !builtins.has(imported.path))
        packages.add(packageOf(imported.path));
    }
  };
  visit(output);
  return [...packages].sort();
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

export interface CliBuild {
  /** The files written, relative to the output folder. */
  files: string[];
  bytes: number;
  /** Every npm package the compiled CLI imports. */
  packages: string[];
  /** The packages loaded by importing the entry alone (what every command, --help included, loads). */
  entryPackages: string[];
}

export async function buildCli(outDir = CLI_OUT_DIR): Promise<CliBuild> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    engines?: { node?: string };
  };
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { cli: path.join(ROOT, 'report', 'cli.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // The oldest Node of package.json "engines" (>=20.19).
    target: 'node20.19',
    packages: 'external',
    chunkNames: '[name]-[hash]',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'warning',
    plugins: [precompiledTemplates()],
  });
  const { used, missing } = externalPackages(result.metafile, Object.keys(pkg.dependencies ?? {}));
  if (missing.length) {
    throw new Error(
      `dist/cli imports ${missing.join(', ')}, which package.json "dependencies" lacks: an installed package would fail`,
    );
  }
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint)?.[0];
  return {
    files: outputs.map(([file]) => path.relative(outDir, path.resolve(ROOT, file))).sort(),
    bytes: outputs.reduce((n, [, o]) => n + o.bytes, 0),
    packages: used,
    entryPackages: entry ? staticPackages(result.metafile, entry) : [],
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
