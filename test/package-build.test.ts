/**
 * `npm run build:cli` (scripts/build-cli.ts), built into a temp folder: plain JavaScript that imports exactly the
 * packages of package.json "dependencies" (nothing a user would lack, nothing they would install for nothing),
 * and whose entry, what every command loads, imports none of the heavy ones statically. The installed package
 * is exercised end to end by test/package-install.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildCli,
  CHARTS_BUNDLE,
  CLI_BUNDLE,
  packageOf,
  VENDOR_LICENSES,
  VENDORED,
  type CliBuild,
} from '../scripts/build-cli';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
  bin: Record<string, string>;
};

let out: string;
let built: CliBuild;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'gtm-pyramid-cli-build-'));
  built = await buildCli(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the compiled CLI', () => {
  it('is JavaScript files only, with cli.js as the entry, and the vendored packages with their licences', () => {
    expect(built.files).toContain('cli.js');
    // The command in one CommonJS file, which cli.js runs with V8's code cache (report/compile-cache.ts).
    expect(built.files).toContain(CLI_BUNDLE);
    // The chart renderer with vega and vega-lite compiled in, which the chart worker runs the same way.
    expect(built.files).toContain(`vendor/${CHARTS_BUNDLE}`);
    const bundles = [CLI_BUNDLE, `vendor/${CHARTS_BUNDLE}`, `vendor/${VENDOR_LICENSES}`];
    for (const file of built.files.filter((f) => !bundles.includes(f))) expect(file).toMatch(/^[\w-]+\.js$/);
  });

  it("routes the bundles' import() calls through their entries, and keeps them strict", () => {
    const code = readFileSync(path.join(out, CLI_BUNDLE), 'utf8');
    // vm.Script has no import() of its own on Node.js 20 without a flag: the entry's importer makes them.
    expect(code).not.toMatch(/\bimport\(/);
    for (const name of ['string-width', '@googleapis/sheets', './charts.js'])
      expect(code).toContain(`__gtmImport(${JSON.stringify(name)})`);
    expect(code.startsWith('"use strict";\n')).toBe(true);
    const charts = readFileSync(path.join(out, 'vendor', CHARTS_BUNDLE), 'utf8');
    expect(charts).not.toMatch(/\bimport\(/);
    expect(charts.startsWith('"use strict";\n')).toBe(true);
  });

  it('imports exactly the packages of package.json "dependencies", and compiles the vendored ones into vendor/', () => {
    expect(built.packages).toEqual(Object.keys(pkg.dependencies).sort());
    for (const dev of Object.keys(pkg.devDependencies)) expect(built.packages).not.toContain(dev);
    expect(built.vendored).toEqual([...VENDORED].sort());
    for (const name of VENDORED) {
      expect(pkg.devDependencies[name], name).toBeDefined();
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
    // The vendored code requires no installed package: everything it needs is compiled in, but for the optional
    // `canvas`, which Vega uses when it is installed (and which this package does not install).
    const vendorCode = readFileSync(path.join(out, 'vendor', CHARTS_BUNDLE), 'utf8');
    const required = [...vendorCode.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toContain('fs'); // what the pattern finds: vega-loader's one import, a built-in
    expect(
      required.filter(
        (spec) => !spec.startsWith('node:') && !builtinModules.includes(spec) && spec !== 'canvas',
      ),
    ).toEqual([]);
  });

  it('ships the licence of every package compiled into vendor/, each with its own text', () => {
    const licences = readFileSync(path.join(out, 'vendor', VENDOR_LICENSES), 'utf8');
    expect(built.vendorPackages).toEqual(expect.arrayContaining([...VENDORED, 'd3-array', 'vega-util']));
    for (const name of built.vendorPackages) expect(licences, name).toMatch(new RegExp(`\\n${name} \\d`));
    // The text itself, not only the name: vega's BSD licence and d3's ISC licence.
    expect(licences).toContain('Redistribution and use in source and binary forms');
    expect(licences).toContain('Permission to use, copy, modify, and/or distribute this software');
  });

  it('loads no chart, xlsx or template library with its entry (every command, --help included)', () => {
    // Only OpenCC's table of Traditional → Simplified characters (a string), which matching words needs
    // (shared/template.ts foldChinese).
    expect(built.entryPackages).toEqual(['opencc-js']);
  });

  it('holds the report templates precompiled (no Handlebars compile on each run)', () => {
    const code = built.files.map((file) => readFileSync(path.join(out, file), 'utf8')).join('\n');
    expect(code).toContain('hbs.template(spec)');
    expect(code).not.toContain('hbs.compile(');
    // Every template is there: page.hbs and each partial.
    for (const file of readdirSync(path.join(ROOT, 'report', 'templates')).filter((f) => f.endsWith('.hbs')))
      expect(code, file).toContain(JSON.stringify(file.replace(/\.hbs$/, '')) + ': {');
  });

  it('is what the package ships and what its command runs', () => {
    expect(pkg.files).toContain('dist/cli/');
    expect(pkg.bin['gtm-pyramid']).toBe('bin/gtm-pyramid.js');
    expect(readFileSync(path.join(ROOT, 'bin', 'gtm-pyramid.js'), 'utf8')).toContain(
      "import('../dist/cli/cli.js')",
    );
  });
});

describe('the guides as the package ships them', () => {
  it('ship every picture README.md and the guides show (package.json "files"), so none is broken once installed', () => {
    /** Whether npm packs PATH by a "files" entry: a folder ("docs/images/"), a pattern ("docs/*.md"), or a file. */
    const shipped = (file: string) =>
      pkg.files.some((entry) =>
        entry.endsWith('/')
          ? file.startsWith(entry)
          : entry.includes('*')
            ? new RegExp(
                `^${entry
                  .split('*')
                  .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
                  .join('[^/]*')}$`,
              ).test(file)
            : file === entry,
      );
    // README.md is packed whatever "files" says.
    const guides = [
      'README.md',
      ...readdirSync(path.join(ROOT, 'docs'))
        .map((f) => `docs/${f}`)
        .filter((f) => f.endsWith('.md') && shipped(f)),
    ];
    expect(guides).toContain('docs/report.md');
    const pictures = guides.flatMap((guide) =>
      [
        ...readFileSync(path.join(ROOT, guide), 'utf8').matchAll(
          /!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src="([^"]+)"/g,
        ),
      ]
        .map((m) => m[1] ?? m[2])
        .filter((src) => !/^[a-z]+:/i.test(src))
        .map((src) => path.posix.join(path.posix.dirname(guide), src)),
    );
    expect(pictures).toEqual(
      expect.arrayContaining(['docs/images/sidebar.png', 'docs/images/report-desktop.png']),
    );
    for (const picture of pictures) {
      expect(existsSync(path.join(ROOT, picture)), picture).toBe(true);
      expect(shipped(picture), picture).toBe(true);
    }
  });
});

describe('the Node.js versions the package promises', () => {
  it('are versions every package it installs runs on: none asks for a later Node.js than the oldest promised', () => {
    const engines = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    const oldest = Number(/^\^(\d+)\./.exec(engines)![1]);
    expect(oldest).toBe(20);
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; version?: string; engines?: { node?: string } }>;
    };
    // The packages a user gets (not the development ones) whose engines start with a lower bound (">=22.0.0"): a
    // newer @googleapis/sheets asked for Node.js 22, and npm warned (or, with engine-strict, refused) on Node.js 20.
    const later = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.dev && p.engines?.node)
      .filter(([, p]) => Number(/^>=\s*(\d+)/.exec(p.engines!.node!)?.[1] ?? 0) > oldest)
      .map(([name, p]) => `${name}@${p.version} (${p.engines!.node})`);
    expect(later).toEqual([]);
  });
});

describe('packageOf', () => {
  it('names the package of a deep or scoped import', () => {
    expect(packageOf('vega-lite/build/src/index.js')).toBe('vega-lite');
    expect(packageOf('@googleapis/sheets')).toBe('@googleapis/sheets');
    expect(packageOf('@scope/pkg/sub/path')).toBe('@scope/pkg');
    expect(packageOf('./vendor/vega-lite.js')).toBe('vega-lite');
  });
});
