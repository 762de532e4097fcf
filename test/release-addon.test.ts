/**
 * `npm run release:addon` (scripts/release-addon.ts) against a stand-in `clasp` first on PATH: a small script that
 * records its arguments (and what the folder clasp pushes held at that moment) and answers as clasp 3 does with
 * --json. The commands, their order and their arguments are asserted; then each recorded command is given to
 * the real clasp of node_modules with no credentials, which parses it and stops at "No credentials found": so
 * every command and option the release uses exists in clasp 3.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'release-addon.ts');
const REAL_CLASP = path.join(ROOT, 'node_modules', '.bin', 'clasp');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

// The stand-in: appends {args, pushed} to $CLASP_LOG; prints clasp's --json answers; fails the step in $CLASP_FAIL.
const STAND_IN = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-'));
const project = JSON.parse(fs.readFileSync(process.env.clasp_config_project, 'utf8'));
const contentDir = path.resolve(path.dirname(process.env.clasp_config_project), project.rootDir);
const pushed = command === 'push' ? fs.readdirSync(contentDir).sort() : undefined;
fs.appendFileSync(process.env.CLASP_LOG, JSON.stringify({ args, pushed }) + '\\n');
if (process.env.CLASP_FAIL === command) { console.error('stand-in clasp: ' + command + ' failed'); process.exit(1); }
const json = args.includes('--json');
const version = Number(args[args.indexOf('--versionNumber') + 1]);
if (command === 'create-version') console.log(json ? JSON.stringify({ versionNumber: 7 }, null, 2) : 'Created version 7');
else if (command === 'create-deployment') console.log(JSON.stringify({ deploymentId: 'AKfycbNEW', versionNumber: version, description: 'x' }, null, 2));
else if (command === 'update-deployment') console.log(JSON.stringify({ deploymentId: args[args.indexOf(command) + 1], versionNumber: version, description: 'x' }, null, 2));
else console.log('Pushed files.');
`;

let dir: string;
let log: string;
let project: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gtm-pyramid-release-'));
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'clasp'), STAND_IN);
  chmodSync(path.join(bin, 'clasp'), 0o755);
  log = path.join(dir, 'clasp.log');
  project = path.join(dir, 'project');
  mkdirSync(project);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeProject(config: Record<string, unknown>): string {
  const file = path.join(project, '.clasp.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

function release(args: string[], env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`,
      CLASP_LOG: log,
      ...env,
    },
  });
}

const recorded = (): { args: string[]; pushed?: string[] }[] =>
  existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];

describe('npm run release:addon', () => {
  it("refuses while the repository's .clasp.json holds the placeholder script ID, before building or calling clasp", () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')).scriptId).toBe(
      'REPLACE_WITH_YOUR_SCRIPT_ID',
    );
    const result = release([], { clasp_config_project: undefined });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('.clasp.json still holds the placeholder script ID');
    expect(result.stderr).toContain('"scriptId"');
    expect(recorded()).toEqual([]);
  });

  it('refuses the placeholder in the project file clasp is pointed at, and builds nothing', () => {
    const file = writeProject({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'build' });
    const result = release([], { clasp_config_project: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('placeholder script ID');
    expect(recorded()).toEqual([]);
    expect(existsSync(path.join(project, 'build'))).toBe(false);
  });

  it('first release: builds, pushes, creates version 7 and a deployment of it, in that order', () => {
    const file = writeProject({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz', rootDir: 'build' });
    const result = release([], { clasp_config_project: file });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const description = `gtm-pyramid ${VERSION}`;
    const calls = recorded();
    expect(calls.map((c) => c.args)).toEqual([
      ['push', '--force'],
      ['--json', 'create-version', description],
      ['--json', 'create-deployment', '--versionNumber', '7', '--description', description],
    ]);
    // Built before the push, into the folder clasp pushes.
    expect(calls[0].pushed).toEqual(['Code.js', 'appsscript.json', 'sidebar.html']);
    expect(result.stdout).toContain('Released version 7');
    expect(result.stdout).toContain('deployment AKfycbNEW');
    expect(result.stdout).toContain('--deployment AKfycbNEW');
  });

  it('a later release moves the existing deployment to the new version', () => {
    const file = writeProject({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz', rootDir: 'build' });
    const result = release(['--deployment', 'AKfycbOLD', '--description', 'Q3 plan checks'], {
      clasp_config_project: file,
    });
    expect(result.status).toBe(0);
    expect(recorded().map((c) => c.args)).toEqual([
      ['push', '--force'],
      ['--json', 'create-version', 'Q3 plan checks'],
      ['--json', 'update-deployment', 'AKfycbOLD', '--versionNumber', '7', '--description', 'Q3 plan checks'],
    ]);
    expect(result.stdout).toContain('Released version 7 (Q3 plan checks) as deployment AKfycbOLD');
  });

  it('stops at the first clasp failure and says which step', () => {
    const file = writeProject({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz', rootDir: 'build' });
    const result = release([], { clasp_config_project: file, CLASP_FAIL: 'push' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('release:addon: push: clasp exited with status 1');
    expect(recorded().map((c) => c.args[0])).toEqual(['push']);
  });

  it('never empties a rootDir that holds other files', () => {
    const file = writeProject({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz', rootDir: 'src' });
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'src', 'notes.md'), 'mine');
    const result = release([], { clasp_config_project: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('holds files the add-on build did not write (notes.md)');
    expect(readFileSync(path.join(project, 'src', 'notes.md'), 'utf8')).toBe('mine');
    expect(recorded()).toEqual([]);
  });

  it('uses only commands and options the real clasp 3 accepts', async () => {
    const file = writeProject({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz', rootDir: 'build' });
    expect(release([], { clasp_config_project: file }).status).toBe(0);
    expect(release(['--deployment', 'AKfycbOLD'], { clasp_config_project: file }).status).toBe(0);
    // push and create-version repeat across the two releases: each distinct command line once (clasp starts slowly).
    const commands = [...new Set(recorded().map((c) => JSON.stringify(c.args)))].map(
      (a) => JSON.parse(a) as string[],
    );
    expect(commands.map((args) => args.find((a) => !a.startsWith('-')))).toEqual([
      'push',
      'create-version',
      'create-deployment',
      'update-deployment',
    ]);
    // A home without credentials: clasp parses the command line, then stops before any network call.
    const home = path.join(dir, 'home');
    mkdirSync(home);
    // Started together: clasp takes seconds to load, the machine is shared.
    const outputs = await Promise.all(
      commands.map(
        (args) =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(REAL_CLASP, args, {
              cwd: project,
              env: { PATH: process.env.PATH, HOME: home, clasp_config_project: file },
            });
            let output = '';
            child.stdout.on('data', (d) => (output += d));
            child.stderr.on('data', (d) => (output += d));
            child.on('error', reject);
            child.on('close', () => resolve(output));
          }),
      ),
    );
    commands.forEach((args, i) => {
      expect(outputs[i], args.join(' ')).not.toMatch(/unknown (command|option)|error: /i);
      expect(outputs[i], args.join(' ')).toContain('No credentials found');
    });
  });
});

describe('docs/addon.md, publishing to an organisation', () => {
  const docs = readFileSync(path.join(ROOT, 'docs', 'addon.md'), 'utf8');
  const start = docs.indexOf('## Publishing to your organisation');
  const section = docs.slice(start, docs.indexOf('\n## ', start + 1));

  it("names exactly the manifest's scopes, for the consent screen and the Marketplace SDK", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'apps-script', 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(start).toBeGreaterThan(0);
    const named = [...new Set(section.match(/https:\/\/www\.googleapis\.com\/auth\/[\w.]+/g))].sort();
    expect(named).toEqual([...manifest.oauthScopes].sort());
  });

  it('releases with the npm script the repository defines', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['release:addon']).toBe('tsx scripts/release-addon.ts');
    expect(section).toContain('npm run release:addon');
    expect(section).toContain('--deployment');
  });
});
