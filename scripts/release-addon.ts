/**
 * `npm run release:addon`: a numbered release of the Google Sheets add-on, with clasp (docs/addon.md, "Publishing
 * to your organisation").
 *
 *   1. build the add-on into the folder clasp pushes (the project file's "rootDir", dist/apps-script/);
 *   2. clasp push --force                                    the project's code becomes the built files
 *   3. clasp --json create-version "<description>"           an immutable, numbered version
 *   4. clasp --json create-deployment -V <n> -d "<description>"           the first release: a versioned deployment
 *      clasp --json update-deployment <id> -V <n> -d "<description>"      later releases (--deployment <id>): the
 *                                                            same deployment moves to the new version, so its ID,
 *                                                            and the Marketplace listing that uses it, stay
 *
 *   npm run release:addon -- [--deployment ID] [--description TEXT]
 *
 * It refuses, before building or calling clasp, while the project file still holds the placeholder script ID.
 * The project file is .clasp.json at the package root, or the one named by clasp's own `clasp_config_project`
 * environment variable (the same file clasp will use). `clasp` is the one on PATH (npm puts the project's
 * node_modules/.bin first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { buildAppsScript } from '../apps-script/build';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PLACEHOLDER_SCRIPT_ID = 'REPLACE_WITH_YOUR_SCRIPT_ID';
/** What apps-script/build.ts writes; a folder holding anything else is never emptied by a release. */
const BUILD_OUTPUT = /^(Code\.js|appsscript\.json|[\w-]+\.html)$/;

class ReleaseError extends Error {}

interface Project {
  file: string;
  scriptId: string;
  /** The folder clasp pushes. */
  contentDir: string;
}

function projectFile(): string {
  const configured = process.env.clasp_config_project;
  if (!configured) return path.join(ROOT, '.clasp.json');
  const resolved = path.resolve(configured);
  return existsSync(resolved) && statSync(resolved).isDirectory()
    ? path.join(resolved, '.clasp.json')
    : resolved;
}

export function readProject(file = projectFile()): Project {
  const shown = path.relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new ReleaseError(
      `${shown} is missing. Create the Apps Script project first (npx clasp create-script --type sheets --rootDir dist/apps-script) or restore .clasp.json with your script ID.`,
    );
  }
  let config: { scriptId?: unknown; rootDir?: unknown; srcDir?: unknown };
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as typeof config;
  } catch (error) {
    throw new ReleaseError(`${shown} is not valid JSON (${(error as Error).message.split('\n')[0]}).`);
  }
  const scriptId = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (!scriptId || scriptId === PLACEHOLDER_SCRIPT_ID) {
    throw new ReleaseError(
      `${shown} still holds the placeholder script ID ("${PLACEHOLDER_SCRIPT_ID}"), so there is no Apps Script project to release to. ` +
        'Put your project\'s script ID (Apps Script editor > Project Settings > IDs) into "scriptId" and run this again; nothing was built or pushed.',
    );
  }
  const projectRoot = path.dirname(file);
  const rawDir = [config.srcDir, config.rootDir, '.'].find((d) => typeof d === 'string' && d) as string;
  const contentDir = path.resolve(projectRoot, rawDir);
  if (contentDir === projectRoot || !contentDir.startsWith(projectRoot + path.sep)) {
    throw new ReleaseError(
      `${shown}: "rootDir" must be a folder inside the project for the built add-on alone (dist/apps-script), not "${rawDir}".`,
    );
  }
  if (existsSync(contentDir)) {
    const foreign = readdirSync(contentDir).filter((name) => !BUILD_OUTPUT.test(name));
    if (foreign.length) {
      throw new ReleaseError(
        `${path.relative(process.cwd(), contentDir) || contentDir} holds files the add-on build did not write (${foreign.slice(0, 3).join(', ')}); the release rebuilds that folder, so point "rootDir" at a folder of its own.`,
      );
    }
  }
  return { file, scriptId, contentDir };
}

/** Run clasp with ARGS; its output is shown and returned. A failure stops the release, naming the step. */
function clasp(args: string[], step: string): string {
  console.log(`\n$ clasp ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const result = spawnSync('clasp', args, { encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'] });
  if (result.error) {
    throw new ReleaseError(
      `${step}: clasp could not be started (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}); run this through npm run release:addon, which finds the project's clasp.`,
    );
  }
  process.stdout.write(result.stdout);
  if (result.status !== 0)
    throw new ReleaseError(`${step}: clasp exited with status ${result.status}; see its output above.`);
  return result.stdout;
}

/** The JSON object clasp --json prints (the last {...} block of its output). */
function claspJson(output: string, step: string): Record<string, unknown> {
  const start = output.lastIndexOf('\n{') + 1;
  try {
    return JSON.parse(output.slice(start)) as Record<string, unknown>;
  } catch {
    throw new ReleaseError(`${step}: clasp's output was not the JSON expected:\n${output.trim()}`);
  }
}

export async function release(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { deployment: { type: 'string' }, description: { type: 'string' } },
    strict: true,
  });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const description = values.description ?? `gtm-pyramid ${pkg.version}`;
  const project = readProject();

  const built = await buildAppsScript(project.contentDir);
  console.log(
    `Built ${path.relative(process.cwd(), project.contentDir) || project.contentDir}/: ${built.files.join(', ')}`,
  );

  clasp(['push', '--force'], 'push');
  const version = claspJson(
    clasp(['--json', 'create-version', description], 'create-version'),
    'create-version',
  );
  const versionNumber = Number(version.versionNumber);
  if (!Number.isInteger(versionNumber) || versionNumber < 1) {
    throw new ReleaseError(`create-version: clasp reported no version number (${JSON.stringify(version)}).`);
  }
  const deploymentArgs = ['--versionNumber', String(versionNumber), '--description', description];
  const deployed = values.deployment
    ? claspJson(
        clasp(['--json', 'update-deployment', values.deployment, ...deploymentArgs], 'update-deployment'),
        'update-deployment',
      )
    : claspJson(
        clasp(['--json', 'create-deployment', ...deploymentArgs], 'create-deployment'),
        'create-deployment',
      );
  const deploymentId = String(deployed.deploymentId ?? values.deployment ?? '');

  console.log(`\nReleased version ${versionNumber} (${description}) as deployment ${deploymentId}.`);
  console.log(
    `Next: Google Workspace Marketplace SDK > App Configuration: set the Sheets add-on script version to ${versionNumber} and save.`,
  );
  if (!values.deployment)
    console.log(
      `Later releases: npm run release:addon -- --deployment ${deploymentId} (keeps this deployment ID).`,
    );
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  release(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`release:addon: ${message}`);
    process.exitCode = 1;
  });
}
