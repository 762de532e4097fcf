/**
 * The package as a user gets it: `npm pack` of this checkout (its "prepack" compiles the CLI), then `npm install`
 * of that tarball into an empty folder, its dependencies from the npm registry. Used by the install test
 * (test/package-install.test.ts) and the start-up benchmark (bench/startup.bench.ts).
 *
 * Child processes get an environment without npm's lifecycle variables (npm_*, INIT_CWD: set when this runs
 * under `npm test`, they would point npm at this checkout) and without NODE_OPTIONS (no loader such as tsx may
 * reach the installed command).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** npm settings a user's machine may need (its registry, cache, config file) are kept. */
const KEEP = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if ((lower.startsWith('npm_') && !KEEP.has(lower)) || key === 'INIT_CWD' || key === 'NODE_OPTIONS')
      continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function npm(args: string[], cwd: string): string {
  try {
    return execFileSync(NPM, args, {
      cwd,
      env: cleanEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${e.stderr || e.stdout || e.message}`);
  }
}

export interface Installed {
  /** The .tgz `npm pack` wrote. */
  tarball: string;
  /** The folder the package was installed into (its package.json names only the tarball). */
  app: string;
  /** node_modules/gtm-pyramid inside it. */
  packageDir: string;
  /** The command npm linked: node_modules/.bin/gtm-pyramid. */
  bin: string;
}

/** Pack this checkout into DIR/pack/ and install the tarball into DIR/app/ (both created; DIR should be empty). */
export function packAndInstall(dir: string): Installed {
  const packDir = path.join(dir, 'pack');
  const app = path.join(dir, 'app');
  mkdirSync(packDir, { recursive: true });
  mkdirSync(app, { recursive: true });
  npm(['pack', '--pack-destination', packDir, '--silent'], ROOT);
  const tarballs = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.length} tarballs in ${packDir}`);
  const tarball = path.join(packDir, tarballs[0]);
  writeFileSync(
    path.join(app, 'package.json'),
    `${JSON.stringify({ name: 'gtm-pyramid-install-check', private: true }, null, 2)}\n`,
  );
  npm(['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], app);
  return {
    tarball,
    app,
    packageDir: path.join(app, 'node_modules', 'gtm-pyramid'),
    bin: path.join(
      app,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'gtm-pyramid.cmd' : 'gtm-pyramid',
    ),
  };
}

/** Run the installed command in CWD (no shell; the clean environment plus EXTRA). */
export function runInstalled(
  installed: Installed,
  args: string[],
  cwd: string,
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): SpawnSyncReturns<string> {
  // node + the bin's target rather than the .bin link, so node options (a loader hook) can be given.
  const script = path.join(installed.packageDir, 'bin', 'gtm-pyramid.js');
  return spawnSync(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    cwd,
    env: cleanEnv(options.env),
    encoding: 'utf8',
  });
}
