/**
 * `npm run build:cli` (scripts/build-cli.ts), built into a temp folder: plain JavaScript that imports exactly the
 * packages of package.json "dependencies" (nothing a user would lack, nothing they would install for nothing),
 * and whose entry, what every command loads, imports none of the heavy ones statically. The installed package
 * is exercised end to end by test/package-install.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildCli, packageOf, type CliBuild } from '../scripts/build-cli';

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
  it('is JavaScript files only, with cli.js as the entry', () => {
    expect(built.files).toContain('cli.js');
    for (const file of built.files) expect(file).toMatch(/^[\w-]+\.js$/);
  });

  it('imports exactly the packages of package.json "dependencies"', () => {
    expect(built.packages).toEqual(Object.keys(pkg.dependencies).sort());
    for (const dev of Object.keys(pkg.devDependencies)) expect(built.packages).not.toContain(dev);
  });

  it('loads no chart, xlsx or template library with its entry (every command, --help included)', () => {
    expect(built.entryPackages).toEqual([]);
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

describe('packageOf', () => {
  it('names the package of a deep or scoped import', () => {
    expect(packageOf('vega-lite/build/src/index.js')).toBe('vega-lite');
    expect(packageOf('@googleapis/sheets')).toBe('@googleapis/sheets');
    expect(packageOf('@scope/pkg/sub/path')).toBe('@scope/pkg');
  });
});
