/**
 * Test helpers for driving the system Chromium with playwright-core.
 *
 * Never downloads a browser: the executable is `$CHROMIUM_PATH`, else the
 * first of /usr/bin/chromium, /usr/bin/chromium-browser that exists (on
 * Debian/Ubuntu: `apt-get install chromium fonts-noto-cjk`).
 */
import { existsSync } from 'node:fs';

import { chromium, type Browser, type Page, type Request, type WebSocket } from 'playwright-core';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Path of the Chromium to use, or undefined when none is installed (use it to skip browser tests). */
export function chromiumExecutablePath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** Launch headless system Chromium. Throws a clear error when no Chromium is installed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutablePath();
  if (!executablePath) {
    throw new Error(
      `No Chromium found: set CHROMIUM_PATH or install one at ${CHROMIUM_CANDIDATES.join(' or ')} ` +
        '(apt-get install -y chromium fonts-noto-cjk). Browsers are never downloaded.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

export interface PageProblem {
  kind: 'console-error' | 'page-error' | 'external-request';
  message: string;
}

export interface PageProblems {
  /** Everything recorded so far, in order. */
  readonly problems: PageProblem[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** URLs of requests to anything other than file:, data:, about:, blob: or the allowed origin(s). */
  readonly externalRequests: string[];
  /** Human-readable one-line-per-problem summary (empty string when clean). */
  summary(): string;
  /** Stop listening. */
  dispose(): void;
}

export interface CollectOptions {
  /** Origin(s) that may be requested, e.g. 'http://127.0.0.1:4173' for a local preview server. */
  allowedOrigin?: string | readonly string[];
}

const LOCAL_SCHEMES = new Set(['file:', 'data:', 'about:', 'blob:']);

/** True when `url` stays on the machine (file:/data:/about:/blob:) or is on an allowed origin. */
export function isAllowedUrl(url: string, allowedOrigins: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  return allowedOrigins.some((o) => new URL(o).origin === parsed.origin);
}

/**
 * Record console errors, uncaught page errors and every request leaving the
 * allowed set. Attach before `page.goto`. Recording does not block anything:
 * pair it with `page.route('**', …)` (see {@link blockExternalRequests}) so
 * nothing actually leaves the machine.
 */
export function collectPageProblems(page: Page, options: CollectOptions | string = {}): PageProblems {
  const opts: CollectOptions = typeof options === 'string' ? { allowedOrigin: options } : options;
  const allowed =
    opts.allowedOrigin === undefined
      ? []
      : typeof opts.allowedOrigin === 'string'
        ? [opts.allowedOrigin]
        : [...opts.allowedOrigin];
  const problems: PageProblem[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const externalRequests: string[] = [];

  const onConsole = (msg: { type(): string; text(): string; location(): { url: string } }): void => {
    if (msg.type() !== 'error') return;
    const loc = msg.location().url;
    const text = loc ? `${msg.text()} (${loc})` : msg.text();
    consoleErrors.push(text);
    problems.push({ kind: 'console-error', message: text });
  };
  const onPageError = (err: Error): void => {
    const text = err.stack ?? err.message;
    pageErrors.push(text);
    problems.push({ kind: 'page-error', message: text });
  };
  const onRequest = (req: Request): void => {
    const url = req.url();
    if (isAllowedUrl(url, allowed)) return;
    externalRequests.push(url);
    problems.push({ kind: 'external-request', message: `${req.method()} ${url}` });
  };

  const onWebSocket = (ws: WebSocket): void => {
    const url = ws.url();
    if (isAllowedUrl(url, allowed)) return;
    externalRequests.push(url);
    problems.push({ kind: 'external-request', message: `WEBSOCKET ${url}` });
  };

  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  page.on('websocket', onWebSocket);

  return {
    problems,
    consoleErrors,
    pageErrors,
    externalRequests,
    summary: () => problems.map((p) => `${p.kind}: ${p.message}`).join('\n'),
    dispose: () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('request', onRequest);
      page.off('websocket', onWebSocket);
    },
  };
}

/** Abort every request that is not local or on an allowed origin, so tests never touch the network. */
export async function blockExternalRequests(
  page: Page,
  allowedOrigin: string | readonly string[] = [],
): Promise<void> {
  const allowed = typeof allowedOrigin === 'string' ? [allowedOrigin] : [...allowedOrigin];
  await page.route('**/*', (route) =>
    isAllowedUrl(route.request().url(), allowed) ? route.continue() : route.abort('blockedbyclient'),
  );
  await page.routeWebSocket(
    (url) => !isAllowedUrl(url.href, allowed),
    (ws) => ws.close({ code: 1008, reason: 'network access disabled in tests' }),
  );
}
