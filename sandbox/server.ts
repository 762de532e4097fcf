/**
 * `npm run sandbox -- [plan.xlsx] [--port N] [--locale zh_CN|zh_TW] [--time-zone Asia/Shanghai] [--broken]`
 *
 * A local web page for trying the add-on without a Google account: the plan's tabs, read-only, beside the real
 * "Check plan" sidebar (dist/apps-script/sidebar.html, built first when missing). The sidebar's google.script.run
 * is a small shim (client/shim.ts) that POSTs {fn, args} here; the server runs the add-on's built Code.js in
 * node:vm against the emulator's in-memory spreadsheet through project.callFromClient, so Google's rules for
 * arguments and return values apply. The spreadsheet is loaded once from the plan file (or the example plan);
 * quick fixes change that in-memory copy only: the sandbox never writes to the file.
 *
 * Bound to 127.0.0.1; the Host header must name it, as 127.0.0.1:PORT or localhost:PORT (no DNS rebinding);
 * /api/run takes same-origin JSON objects only (the Origin, when sent, must be http:// + that Host); every HTML
 * response is served with a strict Content-Security-Policy (scripts by file or by hash, no inline handlers).
 * Errors answer with a short text/plain status line, never internal details.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createAppsScriptGlobals,
  customFunctionNames,
  fromWorkbook,
  loadAppsScriptProject,
  type AppsScriptProject,
  type EmulatorControl,
  type FakeSpreadsheet,
} from '../emulator/index';
import { langFromLocale, matchTab, type Workbook } from '../shared';
import { instantOfWallClock } from '../shared/calendar';
import {
  hiddenPartsOf,
  mergedRangesOf,
  readsAsFormula,
  setHiddenParts,
  setMergedRanges,
  textCell,
} from '../shared/cells';
import { numberFormatsOf, setNumberFormats } from '../shared/number-formats';
import { CATALOGUES } from '../shared/i18n';
import { brokenPlan, examplePlan } from './plans';
import { escapeHtml, renderSheets } from './view';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
export const DIST = path.join(ROOT, 'dist', 'apps-script');
export const DEFAULT_PORT = 8765;
const HOST = '127.0.0.1';
const MAX_BODY = 1_000_000;

export interface SandboxOptions {
  /**
   * The plan as a file holds it (readPlanFile reads one so): a date or date-time cell is a Date whose UTC fields are
   * its wall-clock time (midnight UTC for a day), and arrives in the spreadsheet as that wall-clock time in
   * `timeZone` (spreadsheetDates). Default: the example plan.
   */
  workbook?: Workbook;
  /** Shown in the page header: where the plan came from. */
  planName?: string;
  /** 0 picks a free port. Default 8765. */
  port?: number;
  /** The person's and the spreadsheet's locale: en_US (default), zh_CN or zh_TW. */
  locale?: string;
  /** The spreadsheet's time zone. Default Etc/UTC. */
  timeZone?: string;
  /** Where the built add-on is. Default dist/apps-script (built when missing). */
  dist?: string;
  /** The add-on's clock, in milliseconds (the emulator's `now` option): tests run it on a chosen day. */
  now?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  ss: FakeSpreadsheet;
  project: AppsScriptProject;
  emulator: EmulatorControl;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// The add-on in the emulator

/** The built add-on's files; runs the build first when they are missing. */
export async function builtAddon(dist = DIST): Promise<{ code: string; sidebar: string }> {
  const code = path.join(dist, 'Code.js');
  const sidebar = path.join(dist, 'sidebar.html');
  if (!existsSync(code) || !existsSync(sidebar)) {
    const { buildAppsScript } = await import('../apps-script/build');
    await buildAppsScript(dist);
  }
  return { code: readFileSync(code, 'utf8'), sidebar: readFileSync(sidebar, 'utf8') };
}

/** The browser scripts of the sandbox, bundled once at start. */
async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'client', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    define,
  });
  return result.outputFiles[0].text;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The sidebar as HtmlService serves it, with the shim loaded first, and a CSP allowing exactly its inline code. */
export function sidebarPage(html: string): { html: string; csp: string } {
  const withShim = html.replace(/<head\b[^>]*>/i, (head) => `${head}\n<script src="/shim.js"></script>`);
  const scripts = [...withShim.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) =>
    sha256(m[1]),
  );
  const styles = [...withShim.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
  return { html: withShim, csp };
}

const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The iframe gets the flags Apps Script gives its sidebar iframe (facts #42).
const IFRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-modals allow-downloads allow-popups-to-escape-sandbox';

function sandboxPage(options: {
  title: string;
  planName: string;
  sheets: string;
  version: number;
  lang: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GTM Pyramid sandbox</title>
<link rel="stylesheet" href="/sandbox.css">
<script src="/sandbox.js" defer></script>
</head>
<body data-version="${options.version}">
<header class="bar">
<h1>GTM Pyramid sandbox</h1>
<p>Plan: ${escapeHtml(options.planName)} · read-only view of an in-memory copy; nothing is written to any file.</p>
</header>
<main class="layout">
<section class="sheets" aria-label="Spreadsheet">
<div class="namebox" id="selection" role="status" aria-label="Selected cell"></div>
<div id="sheet-view">${options.sheets}</div>
</section>
<aside class="sidebar-frame" aria-labelledby="sidebar-title">
<h2 class="sidebar-title" id="sidebar-title">${escapeHtml(options.title)}</h2>
<iframe id="sidebar" src="/sidebar" title="${escapeHtml(options.title)}" sandbox="${IFRAME_SANDBOX}"></iframe>
</aside>
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------
// The server

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * A file's dates as a spreadsheet in `timeZone` holds them. An .xlsx keeps a date or date-time without a zone, and
 * report/read-xlsx.ts gives it as a Date whose UTC fields are its wall-clock time: 2026-01-01 is midnight UTC, a change
 * logged at 10:15 is 10:15 UTC. The emulator, as Apps Script, stores a written Date as its wall-clock time in the
 * spreadsheet's zone (docs/emulator.md), so those Dates west of UTC were the day before (2025-12-31 16:00 in
 * America/Los_Angeles): each becomes the instant of the same wall-clock time in the zone, midnight there for a day,
 * as Sheets hands a date cell to a script (apps-script/server/sheets-adapter.ts, sheetDate), 10:15 there for the
 * change. The grids' number formats and merged blocks go with them.
 */
export function spreadsheetDates(workbook: Workbook, timeZone: string): Workbook {
  // One conversion per distinct instant: an Actuals tab repeats its days on thousands of rows.
  const instants = new Map<number, Date>();
  const inZone = (date: Date): Date => {
    let instant = instants.get(date.getTime());
    if (!instant) instants.set(date.getTime(), (instant = instantOfWallClock(date.getTime(), timeZone)));
    return instant;
  };
  return Object.fromEntries(
    Object.entries(workbook).map(([name, grid]) => [
      name,
      setHiddenParts(
        setMergedRanges(
          setNumberFormats(
            grid.map((row) => row.map((cell) => (cell instanceof Date ? inZone(cell) : cell))),
            numberFormatsOf(grid),
          ),
          mergedRangesOf(grid),
        ),
        hiddenPartsOf(grid),
      ),
    ]),
  );
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const locale = options.locale ?? 'en_US';
  const timeZone = options.timeZone ?? 'Etc/UTC';
  const lang = langFromLocale(locale);
  // The example plan in UTC: its days as a file holds them.
  const workbook = spreadsheetDates(options.workbook ?? examplePlan(lang), timeZone);
  const planName = options.planName ?? 'the example plan';

  const addon = await builtAddon(options.dist);
  // The add-on's custom functions registered before the spreadsheet is made, so a GTM_TARGET typed into a cell
  // computes as in Sheets rather than reading as an unknown name (emulator/custom-functions.ts).
  const ss = fromWorkbook(workbook, { locale, timeZone, customFunctions: customFunctionNames(addon.code) });
  // A file's percent and currency formats (read-xlsx keeps those), as the cells' formats: the add-on reads them with
  // getNumberFormats(), as in Sheets, and reads 20% and $90,000 as typed.
  for (const [name, grid] of Object.entries(workbook)) {
    const sheet = ss.getSheetByName(name);
    numberFormatsOf(grid)?.forEach((row, r) =>
      row?.forEach((code, c) => {
        if (code) sheet?.getRange(r + 1, c + 1).setNumberFormat(code);
      }),
    );
    // And its merged blocks, merged again: the add-on reads them with getMergedRanges(), as in Sheets (an amount
    // merged over several Actuals rows counts once).
    for (const { top, left, bottom, right } of mergedRangesOf(grid) ?? [])
      if (sheet && bottom <= sheet.getMaxRows() && right <= sheet.getMaxColumns())
        sheet.getRange(top, left, bottom - top + 1, right - left + 1).merge();
    // A tab the file hides, hidden: the add-on reads isSheetHidden(), as in Sheets (tab-copy says it).
    if (hiddenPartsOf(grid)?.sheet) sheet?.hideSheet();
  }
  const globals = createAppsScriptGlobals(ss, {
    userLocale: locale,
    htmlFiles: { sidebar: addon.sidebar },
    addonName: CATALOGUES[lang].addon.addonTitle,
    now: options.now,
  });
  const emulator = (globals as unknown as { emulator: EmulatorControl }).emulator;
  const project = loadAppsScriptProject(addon.code, globals);

  // Open the sidebar the way the menu does: the page serves what HtmlService produced.
  project.callAs('FULL', 'showCheckSidebar');
  const shown = emulator.ui.sidebars[emulator.ui.sidebars.length - 1];
  if (!shown) throw new Error('showCheckSidebar did not open a sidebar');
  const sidebar = sidebarPage(shown.html);
  const functions = project.functionNames().filter((n) => !n.endsWith('_'));
  const [pageJs, shimJs] = await Promise.all([
    bundle('page.ts'),
    bundle('shim.ts', { __SANDBOX_FUNCTIONS__: JSON.stringify(functions) }),
  ]);
  const css = readFileSync(path.join(here, 'client', 'sandbox.css'), 'utf8');
  const version = () => emulator.lock.writes.length;
  // The add-on's own selection calls are what the view shows; the sandbox reads through raw objects (uncounted).
  const activeName = () => ss.emu.selection().sheet;

  let origin = '';
  const allowedHosts = new Set<string>();

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, ...headers });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  /** The Host header as sent, lower-cased; handle() accepts only 127.0.0.1:PORT and localhost:PORT. */
  const hostOf = (req: IncomingMessage) => String(req.headers.host ?? '').toLowerCase();

  const runFromClient = async (req: IncomingMessage, res: ServerResponse) => {
    // The page may be opened as http://127.0.0.1:PORT or http://localhost:PORT (both pass the Host check in
    // handle()); a same-origin call then carries the Origin of that same host. Any other Origin, including the
    // other loopback name, is another site.
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin.toLowerCase() !== `http://${hostOf(req)}`)
      throw new HttpError(403, 'cross-origin request refused');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') throw new HttpError(403, 'cross-site request refused');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      throw new HttpError(415, 'a call must be sent as application/json');
    let request: unknown;
    try {
      request = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'the body is not JSON');
    }
    // null, an array, a string or a number is JSON too, but not a call.
    if (request === null || typeof request !== 'object' || Array.isArray(request))
      throw new HttpError(400, 'expected a JSON object {fn, args}');
    const { fn, args = [] } = request as { fn?: unknown; args?: unknown };
    if (typeof fn !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(fn) || !Array.isArray(args))
      throw new HttpError(400, 'expected {fn, args}');
    try {
      if (!functions.includes(fn)) throw new TypeError(`google.script.run has no function ${fn}`);
      const result = project.callFromClient(fn, ...args);
      json(res, 200, { ok: true, result: result === undefined ? null : result });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      json(res, 200, { ok: false, error: { name: e.name, message: e.message } });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has(hostOf(req))) throw new HttpError(421, 'unexpected Host');
    const url = new URL(req.url ?? '/', origin);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          sandboxPage({
            title: shown.title,
            planName,
            sheets: renderSheets(ss, activeName()),
            version: version(),
            lang,
          }),
          { 'Content-Security-Policy': PAGE_CSP },
        );
      case 'GET /sidebar':
        return send(res, 200, 'text/html; charset=utf-8', sidebar.html, {
          'Content-Security-Policy': sidebar.csp,
        });
      case 'GET /shim.js':
        return send(res, 200, 'text/javascript; charset=utf-8', shimJs);
      case 'GET /sandbox.js':
        return send(res, 200, 'text/javascript; charset=utf-8', pageJs);
      case 'GET /sandbox.css':
        return send(res, 200, 'text/css; charset=utf-8', css);
      case 'GET /api/state':
        return json(res, 200, { version: version(), selection: ss.emu.selection() });
      case 'GET /api/sheets':
        // The plan view: HTML built from the plan's cells, so it gets the page's CSP too.
        return send(res, 200, 'text/html; charset=utf-8', renderSheets(ss, activeName()), {
          'Content-Security-Policy': PAGE_CSP,
        });
      case 'POST /api/run':
        return runFromClient(req, res);
      case 'GET /favicon.ico':
        return send(res, 204, 'text/plain', '');
      default:
        throw new HttpError(404, 'not found');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // An HttpError's message is written for the caller; anything else is a bug of the sandbox, whose text
      // (and stack) goes to the terminal only.
      const known = error instanceof HttpError;
      if (!known) console.error('sandbox: internal error on', req.method, req.url, error);
      const status = known ? error.status : 500;
      const message = known ? error.message : 'internal error (see the sandbox terminal)';
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', `${status} ${message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  allowedHosts.add(`${HOST}:${port}`).add(`localhost:${port}`);

  return {
    url: `${origin}/`,
    port,
    ss,
    project,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------
// The command

const USAGE = `Usage: npm run sandbox -- [plan.xlsx] [--port N] [--locale en_US|zh_CN|zh_TW] [--time-zone ZONE] [--broken]

Opens the "Check plan" sidebar beside a read-only view of the plan, at http://127.0.0.1:N/.
  plan.xlsx     the plan to load (File › Download › Microsoft Excel in Google Sheets); default: the example plan
  --port N      the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --locale L    the person's and the spreadsheet's locale: en_US (default), zh_CN or zh_TW (zh_HK too)
  --time-zone Z the spreadsheet's time zone (default Etc/UTC)
  --broken      the example plan with typical mistakes, to try the quick fixes
The plan is copied into memory: quick fixes never change the file.`;

/**
 * Reads a plan file as `gtm-pyramid report` does (report/read-xlsx.ts; the file named as given): the workbook, its
 * dates as the file holds them (startSandbox places them in the spreadsheet's zone), or the problem in one line. A workbook without a single plan tab is refused with the CLI's words; one with some
 * plan tabs opens, and the sidebar lists what is missing.
 */
export async function readPlanFile(file: string): Promise<Workbook | string> {
  const { readXlsx, XlsxReadError } = await import('../report/read-xlsx');
  const { noPlanTabs } = await import('../report/i18n');
  let workbook: Workbook;
  try {
    workbook = await readXlsx(path.resolve(file));
  } catch (error) {
    if (error instanceof XlsxReadError) return new XlsxReadError(file, error.problem).message;
    throw error;
  }
  const tabs = Object.keys(workbook);
  // Said as the command says it without --lang.
  if (!tabs.some((name) => matchTab(name))) return new XlsxReadError(file, noPlanTabs(tabs, 'en')).message;
  // Text in the file is text: the emulator's setValues (as Sheets') would run "=HYPERLINK(…)" typed as text, and
  // take the apostrophe of "'quoted" for the one that marks typed text (docs/emulator.md). The copy keeps the grid's
  // number formats (shared/number-formats.ts), merged blocks and hidden tabs, for startSandbox to give the cells.
  return Object.fromEntries(
    Object.entries(workbook).map(([name, grid]) => [
      name,
      setHiddenParts(
        setMergedRanges(
          setNumberFormats(
            grid.map((row) =>
              row.map((cell) =>
                typeof cell !== 'string'
                  ? cell
                  : readsAsFormula(cell)
                    ? textCell(cell)
                    : cell.startsWith("'")
                      ? `'${cell}`
                      : cell,
              ),
            ),
            numberFormatsOf(grid),
          ),
          mergedRangesOf(grid),
        ),
        hiddenPartsOf(grid),
      ),
    ]),
  );
}

export async function main(argv: string[]): Promise<number> {
  const parse = (a: string[]) =>
    parseArgs({
      args: a,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        locale: { type: 'string' },
        'time-zone': { type: 'string' },
        broken: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = args.values.port === undefined ? DEFAULT_PORT : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${args.values.port}".`);
    return 2;
  }
  if (args.positionals.length > 1 || (args.positionals.length === 1 && args.values.broken)) {
    console.error(`Give one plan file, or --broken, not both.\n\n${USAGE}`);
    return 2;
  }
  const locale = args.values.locale ?? 'en_US';
  const timeZone = args.values['time-zone'] ?? 'Etc/UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    console.error(`--time-zone "${timeZone}" is not a time zone (try Etc/UTC or Asia/Shanghai).`);
    return 2;
  }
  const lang = langFromLocale(locale);

  let workbook: Workbook | undefined;
  let planName = 'the example plan';
  const file = args.positionals[0];
  if (file) {
    // A file that is not a readable plan gets the CLI's one-line message (gtm-pyramid: FILE: problem), exit 2,
    // and the server does not start.
    const read = await readPlanFile(file);
    if (typeof read === 'string') {
      console.error(`gtm-pyramid: ${read}`);
      return 2;
    }
    workbook = read;
    planName = path.basename(file);
  } else if (args.values.broken) {
    workbook = brokenPlan(lang);
    planName = 'the example plan, with mistakes';
  }

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ workbook, planName, port, locale, timeZone });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`Port ${port} is in use: pass --port N (0 picks a free one).`);
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  console.log(`GTM Pyramid sandbox: ${sandbox.url}  (${planName}; Ctrl-C stops it)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sandbox.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  console.log('Sandbox stopped.');
  return 0;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}
