/**
 * The installed command's code, compiled once per machine: dist/cli/gtm-pyramid.cjs (report/ and shared/ compiled
 * into one CommonJS file by `npm run build:cli`) is run through `vm.Script` with V8's code cache, the bytecode of
 * every function the last `report` ran, kept in a file. Without it, each run parses the ~1 MB of code and compiles
 * each function it calls; with it, V8 reads the bytecode back (docs/report.md, Start-up: at 1,000 key results
 * about 65 ms of the main thread's 560). Node.js 22 does the same for ES modules (`module.enableCompileCache`);
 * Node.js 20, which the package supports, has only `vm.Script`'s `cachedData`, hence the one CommonJS file.
 *
 * The cache is an optimisation and nothing else: the code run is always the bundle's own source (V8 refuses cached
 * data made from another source, another V8 or other flags, and the file's name holds a hash of the source);
 * a cache that cannot be read or written is no error, and the run is as fast as without one.
 *
 * Where: GTM_PYRAMID_COMPILE_CACHE names the folder (`0`, `off` or `false`: no cache); by default
 * `gtm-pyramid-compile-cache-<uid>` in the system's temporary folder. A folder others may write to is never read
 * (cached bytecode runs as the user's own code): on POSIX systems it must be a real folder, owned by the user, not
 * writable by group or others, as the command creates it (mode 700).
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { types } from 'node:util';
import { Script } from 'node:vm';

/** Loads an ES module (the bundle's `import()` of an installed package, e.g. string-width), from the entry. */
export type Importer = (specifier: string) => Promise<unknown>;

export interface LoadedBundle<T> {
  exports: T;
  /** The cache as this run found it: none (no folder), read (V8 took it), or missing (none yet, or refused). */
  readonly cache: 'none' | 'read' | 'missing';
  /**
   * Writes the bytecode of what has run so far, when the cache was missing: called after a report, which runs
   * nearly all the code a command may need. Never throws.
   */
  save(): void;
}

/** The bundle's parameters: CommonJS's own, and the importer its `import()` calls were compiled to. */
export const BUNDLE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__gtmImport'];

/** The cache folder GTM_PYRAMID_COMPILE_CACHE names, or the default one; null when it says none. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.GTM_PYRAMID_COMPILE_CACHE?.trim();
  if (setting && /^(0|off|false|no)$/i.test(setting)) return null;
  if (setting) return resolve(setting);
  const uid = process.getuid?.();
  return join(tmpdir(), uid === undefined ? 'gtm-pyramid-compile-cache' : `gtm-pyramid-compile-cache-${uid}`);
}

/**
 * Whether only this user can have written into DIR: a folder (not a link to one) of theirs that group and others
 * cannot write to. On Windows, whose temporary folder is per user, a folder is enough.
 */
function isPrivate(dir: string): boolean {
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return false;
  const uid = process.getuid?.();
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}

/**
 * `require` for the bundle. Installed packages that are ES modules (opencc-js's character table) come back from
 * Node's require() as their namespace, where code compiled from `import x from 'pkg'` reads module.exports: a
 * namespace with a default export alone gives that export, as Node's own `module.exports` interop does.
 */
function bundleRequire(file: string): NodeJS.Require {
  const base = createRequire(file);
  const required = (id: string): unknown => {
    const loaded: unknown = base(id);
    if (!types.isModuleNamespaceObject(loaded)) return loaded;
    const namespace = loaded as Record<string, unknown>;
    if ('module.exports' in namespace) return namespace['module.exports'];
    const names = Object.keys(namespace).filter((name) => name !== '__esModule');
    return names.length === 1 && names[0] === 'default' ? namespace.default : namespace;
  };
  return Object.assign(required, {
    resolve: base.resolve,
    cache: base.cache,
    main: base.main,
    extensions: base.extensions,
  }) as NodeJS.Require;
}

/** Runs the CommonJS bundle FILE, with the code cache when there is one; its exports. */
export function loadBundle<T>(
  file: string,
  importer: Importer,
  dir: string | null = compileCacheDir(),
): LoadedBundle<T> {
  const bytes = readFileSync(file);
  // The source, the Node.js (so its V8) and the machine: a cache made for another of them is never even read.
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 32);
  const cacheFile = dir === null ? null : join(dir, `${key}.v8`);
  let cachedData: Buffer | undefined;
  if (dir !== null && cacheFile !== null) {
    try {
      if (isPrivate(dir)) cachedData = readFileSync(cacheFile);
    } catch {
      // No folder or no file yet: compiled as usual, and saved after a report.
    }
  }
  // The wrapper's first line is its own: the bundle's lines keep their numbers in stack traces.
  const script = new Script(`(function (${BUNDLE_PARAMETERS.join(', ')}) {\n${bytes.toString('utf8')}\n})`, {
    filename: file,
    lineOffset: -1,
    cachedData,
  });
  const cache =
    dir === null ? 'none' : cachedData !== undefined && !script.cachedDataRejected ? 'read' : 'missing';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...parameters: unknown[]) => void;
  run(module.exports, bundleRequire(file), module, file, dirname(file), importer);
  let saved = false;
  return {
    exports: module.exports,
    cache,
    save() {
      if (cache !== 'missing' || saved || dir === null || cacheFile === null) return;
      saved = true;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!isPrivate(dir)) return;
        // Written whole under another name, then renamed: a run reading it meanwhile sees the old file or the new.
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, cacheFile);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // Left for the system to clear with its temporary files.
        }
      }
    },
  };
}
