/**
 * `npm run build`: the Apps Script project in dist/apps-script/, ready for `clasp push`.
 *
 *   Code.js          the server bundle (esbuild: unminified IIFE assigning the global `GtmPyramid`, ES2020,
 *                    platform neutral) followed by apps-script/entry.js, the hand-written top-level wrappers
 *                    Apps Script needs (it only sees top-level function declarations; esbuild would drop the
 *                    JSDoc that makes custom functions show their arguments).
 *   appsscript.json  the manifest, copied from apps-script/appsscript.json.
 *   sidebar.html     each apps-script/sidebar/*.html with its stylesheets and scripts inlined (.ts/.js scripts
 *                    are bundled for the browser); HtmlService files live flat, so it is named `sidebar`.
 *
 * The build fails when the wrappers and the bundle's exports differ, when module syntax survives, or when the
 * bundle pulls in Node built-ins, handlebars or vega (see checkCode, also used by the tests).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const OUT_DIR = path.join(ROOT, 'dist', 'apps-script');
export const GLOBAL_NAME = 'GtmPyramid';
const SERVER_ENTRY = path.join(here, 'server', 'index.ts');
const ENTRY_JS = path.join(here, 'entry.js');
const MANIFEST = path.join(here, 'appsscript.json');
const SIDEBAR_DIR = path.join(here, 'sidebar');

/**
 * npm packages compiled into Code.js and the sidebar (shared/ imports them; see test/purity.test.ts), whose licences
 * must travel with the code: opencc-js's table of Traditional → Simplified characters (its code MIT, its data from
 * OpenCC under Apache-2.0, THIRD_PARTY_LICENSES.md).
 */
const COMPILED_PACKAGES = ['opencc-js'];
const LICENCE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'THIRD_PARTY_LICENSES.md'];

/** The licences of COMPILED_PACKAGES as one block comment; the build fails when a package has none. */
async function licenceComment(): Promise<string> {
  const parts: string[] = [];
  for (const name of COMPILED_PACKAGES) {
    const dir = path.join(ROOT, 'node_modules', name);
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      version: string;
      license?: string;
    };
    const files = LICENCE_FILES.filter((file) => existsSync(path.join(dir, file)));
    if (!files.length) throw new Error(`${name} is compiled into the add-on but ships no licence file`);
    parts.push(`${name} ${pkg.version} (${pkg.license ?? 'see below'})`);
    for (const file of files)
      parts.push(`--- ${name}/${file} ---\n${await readFile(path.join(dir, file), 'utf8')}`);
  }
  // The texts go inside one comment: nothing in them may end it.
  const text = parts.join('\n\n').replace(/\*\//g, '* /');
  return `/*\n * Compiled in, with their licences:\n${text
    .split('\n')
    .map((line) => ` * ${line}`.trimEnd())
    .join('\n')}\n */\n`;
}

/** Names of the top-level `function NAME(` declarations of entry.js, and the bundle function each calls. */
export function wrapperNames(entry: string): { name: string; delegatesTo: string | null }[] {
  const out: { name: string; delegatesTo: string | null }[] = [];
  const re = /^function\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)\s*\{([\s\S]*?)^\}/gm;
  for (let m = re.exec(entry); m; m = re.exec(entry)) {
    const call = new RegExp(`${GLOBAL_NAME}\\.([A-Za-z_$][\\w$]*)\\(`).exec(m[3]);
    out.push({ name: m[1], delegatesTo: call ? call[1] : null });
  }
  return out;
}

/** The exports of the bundle, found by running it in an empty context (global code must touch no service). */
export function bundleExports(bundle: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(bundle, context, { filename: 'bundle.js' });
  const api = vm.runInContext(GLOBAL_NAME, context) as Record<string, unknown> | undefined;
  if (!api || typeof api !== 'object') throw new Error(`The bundle does not define ${GLOBAL_NAME}`);
  return Object.keys(api).sort();
}

/** Module syntax, Node built-ins and the report's libraries must not reach Apps Script. Returns the problems. */
export function checkCode(code: string): string[] {
  const problems: string[] = [];
  const lines = code.split('\n');
  lines.forEach((line, i) => {
    if (
      /^\s*(import\s+[\w{*'"]|import\s*\(|export\s+(\{|\*|default|const|let|var|function|class|async))/.test(
        line,
      )
    )
      problems.push(`line ${i + 1}: ES module syntax: ${line.trim().slice(0, 80)}`);
  });
  if (/\bimport\.meta\b/.test(code)) problems.push('import.meta');
  if (/\brequire\s*\(\s*["'`]/.test(code)) problems.push('require(...)');
  const nodeOnly = /["'`](node:[\w/]+)["'`]/.exec(code);
  if (nodeOnly) problems.push(`a Node module is referenced: ${nodeOnly[1]}`);
  if (/\bprocess\.(env|argv|cwd|exit)\b|\b__dirname\b|\b__filename\b|\bBuffer\.from\b/.test(code))
    problems.push('Node globals (process, __dirname, Buffer)');
  if (/handlebars/i.test(code)) problems.push('handlebars');
  if (/\bvega\b|vega-lite/i.test(code)) problems.push('vega');
  return problems;
}

export interface BuildResult {
  files: string[];
  functions: string[];
  bytes: number;
}

async function bundleServer(): Promise<string> {
  const result = await build({
    entryPoints: [SERVER_ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    minify: false,
    treeShaking: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** `<link rel="stylesheet" href="x.css">` and `<script src="x.ts|js">` become inline <style> / <script>. */
async function inlineHtml(file: string, licences: string): Promise<string> {
  const dir = path.dirname(file);
  let html = await readFile(file, 'utf8');
  const links = [...html.matchAll(/<link\b[^>]*\brel=["']stylesheet["'][^>]*>/gi)];
  for (const [tag] of links) {
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href || /^[a-z]+:|^\/\//i.test(href)) continue; // external stylesheets stay as links
    const css = await readFile(path.resolve(dir, href), 'utf8');
    html = html.replace(tag, () => `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`);
  }
  const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc=["']([^"']+)["']([^>]*)>\s*<\/script>/gi)];
  for (const [tag, , src] of scripts) {
    if (/^[a-z]+:|^\/\//i.test(src)) continue;
    const result = await build({
      entryPoints: [path.resolve(dir, src)],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      minify: false,
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    });
    const js = `${licences}${result.outputFiles[0].text}`.replace(/<\/script/gi, '<\\/script');
    html = html.replace(tag, () => `<script>\n${js}</script>`);
  }
  return html;
}

export async function buildAppsScript(outDir = OUT_DIR): Promise<BuildResult> {
  const [bundle, entry, manifestText, licences] = await Promise.all([
    bundleServer(),
    readFile(ENTRY_JS, 'utf8'),
    readFile(MANIFEST, 'utf8'),
    licenceComment(),
  ]);

  // Wrappers and exports: the same set, each wrapper calling its namesake.
  const exports = bundleExports(bundle);
  const wrappers = wrapperNames(entry);
  const names = wrappers.map((w) => w.name).sort();
  const missing = exports.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !exports.includes(n));
  const misrouted = wrappers
    .filter((w) => w.delegatesTo !== w.name)
    .map((w) => `${w.name} → ${w.delegatesTo ?? 'nothing'}`);
  if (missing.length || extra.length || misrouted.length) {
    throw new Error(
      [
        'apps-script/entry.js and apps-script/server/index.ts disagree:',
        missing.length ? `  exported but not wrapped: ${missing.join(', ')}` : '',
        extra.length ? `  wrapped but not exported: ${extra.join(', ')}` : '',
        misrouted.length ? `  wrappers calling another function: ${misrouted.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }

  const code = `// gtm-pyramid Google Sheets add-on. Generated by apps-script/build.ts from apps-script/server/ and shared/: do not edit.\n\n${licences}\n${bundle}\n${entry}`;
  const problems = checkCode(code);
  if (problems.length)
    throw new Error(`dist/apps-script/Code.js is not Apps Script-safe:\n  ${problems.join('\n  ')}`);
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, text: string) => {
    await writeFile(path.join(outDir, name), text);
    files.push(name);
  };
  await write('Code.js', code);
  await write('appsscript.json', `${JSON.stringify(manifest, null, 2)}\n`);
  if (existsSync(SIDEBAR_DIR)) {
    for (const name of (await readdir(SIDEBAR_DIR)).filter((n) => n.endsWith('.html')).sort()) {
      await write(name, await inlineHtml(path.join(SIDEBAR_DIR, name), licences));
    }
  }
  return { files, functions: names, bytes: Buffer.byteLength(code) };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const started = Date.now();
  buildAppsScript()
    .then(({ files, functions, bytes }) => {
      const rel = path.relative(ROOT, OUT_DIR);
      console.log(
        `${rel}/: ${files.join(', ')} (Code.js ${(bytes / 1024).toFixed(0)} KB, ${functions.length} functions) in ${Date.now() - started} ms`,
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
