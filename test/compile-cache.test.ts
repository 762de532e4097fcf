/**
 * report/compile-cache.ts: the installed command's bundle run with V8's code cache. The cache is written after a
 * run that found none, read by the next, and never read from a folder others could have written into; without it
 * (or with a damaged one) the bundle runs the same. The installed command itself is run with and without its cache
 * by test/package-install.test.ts.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { compileCacheDir, loadBundle, type Importer } from '../report/compile-cache';

let dir: string;
let bundle: string;

/** A bundle as esbuild compiles report/cli.ts: CommonJS, strict, its import() calls made through __gtmImport. */
const SOURCE = [
  '"use strict";',
  'const table = require("./table.mjs");',
  'exports.table = table;',
  'exports.strict = (function () { return this === undefined; })();',
  'exports.load = (name) => __gtmImport(name);',
  'exports.fail = () => { throw new Error("from the bundle"); };',
].join('\n');

const importer: Importer = async (specifier) => ({ imported: specifier });

beforeAll(() => {
  // Each load here compiles the bundle afresh, as each run of the command does in its own process: V8 would
  // otherwise reuse this process's compiled copy of the same source, and never look at the cached data.
  setFlagsFromString('--no-compilation-cache');
  dir = mkdtempSync(path.join(tmpdir(), 'gtm-pyramid-compile-cache-test-'));
  bundle = path.join(dir, 'bundle.cjs');
  writeFileSync(bundle, SOURCE);
  // An ES module with a default export alone, as opencc-js's character table is.
  writeFileSync(path.join(dir, 'table.mjs'), 'export default "丟 丢|並 并";\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A new, empty cache folder. */
function cacheFolder(name: string): string {
  const folder = path.join(dir, name);
  mkdirSync(folder, { mode: 0o700 });
  return folder;
}

describe('loadBundle', () => {
  it('runs the bundle: strict, its require() of an ES module giving its default export, import() through the entry', async () => {
    const loaded = loadBundle<{
      table: string;
      strict: boolean;
      load: (name: string) => Promise<unknown>;
    }>(bundle, importer, null);
    expect(loaded.cache).toBe('none');
    expect(loaded.exports.table).toBe('丟 丢|並 并');
    expect(loaded.exports.strict).toBe(true);
    await expect(loaded.exports.load('string-width')).resolves.toEqual({ imported: 'string-width' });
  });

  it('writes the cache after a run that found none, and the next run reads it', () => {
    const cache = cacheFolder('first');
    const first = loadBundle(bundle, importer, cache);
    expect(first.cache).toBe('missing');
    first.save();
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.v8$/);
    const second = loadBundle<{ table: string }>(bundle, importer, cache);
    expect(second.cache).toBe('read');
    expect(second.exports.table).toBe('丟 丢|並 并');
    // Read: nothing to write again.
    second.save();
    expect(readdirSync(cache)).toEqual(files);
  });

  it('creates its folder, private, where it is missing', () => {
    if (process.getuid === undefined) return; // modes are POSIX
    const cache = path.join(dir, 'new', 'cache');
    loadBundle(bundle, importer, cache).save();
    expect(readdirSync(cache)).toHaveLength(1);
    expect(loadBundle(bundle, importer, cache).cache).toBe('read');
  });

  it('runs without a cache that V8 refuses (damaged), and replaces it', () => {
    const cache = cacheFolder('damaged');
    loadBundle(bundle, importer, cache).save();
    const [file] = readdirSync(cache);
    writeFileSync(path.join(cache, file), 'not bytecode');
    const loaded = loadBundle<{ table: string }>(bundle, importer, cache);
    expect(loaded.cache).toBe('missing');
    expect(loaded.exports.table).toBe('丟 丢|並 并');
    loaded.save();
    expect(loadBundle(bundle, importer, cache).cache).toBe('read');
  });

  it('never reads a cache from a folder others can write to, nor writes one there', () => {
    if (process.getuid === undefined) return; // modes are POSIX
    const cache = cacheFolder('shared');
    loadBundle(bundle, importer, cache).save();
    chmodSync(cache, 0o777);
    const loaded = loadBundle(bundle, importer, cache);
    expect(loaded.cache).toBe('missing');
    const [file] = readdirSync(cache);
    rmSync(path.join(cache, file));
    loaded.save();
    expect(readdirSync(cache)).toEqual([]);
  });

  it('keeps the bundle its own line numbers in stack traces', () => {
    const loaded = loadBundle<{ fail: () => void }>(bundle, importer, null);
    let stack = '';
    try {
      loaded.exports.fail();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toContain(`${bundle}:6:`);
  });
});

describe('compileCacheDir', () => {
  it('is GTM_PYRAMID_COMPILE_CACHE, none when it says so, else per user in the temporary folder', () => {
    expect(compileCacheDir({ GTM_PYRAMID_COMPILE_CACHE: '/var/cache/gtm' })).toBe(
      path.resolve('/var/cache/gtm'),
    );
    for (const off of ['0', 'off', 'false', 'OFF', ' no '])
      expect(compileCacheDir({ GTM_PYRAMID_COMPILE_CACHE: off })).toBeNull();
    const uid = process.getuid?.();
    expect(compileCacheDir({})).toBe(
      path.join(
        tmpdir(),
        uid === undefined ? 'gtm-pyramid-compile-cache' : `gtm-pyramid-compile-cache-${uid}`,
      ),
    );
  });
});
