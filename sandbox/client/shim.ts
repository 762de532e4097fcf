/**
 * google.script.run for the sandbox: the sidebar page loads this before its own script. Each server call is a
 * POST of {fn, args} to the sandbox server, which runs the add-on's built Code.js in the emulator through
 * project.callFromClient (the same argument and return-value rules as Google, facts #43–#46). Like the real one:
 *   - google.script.run has one method per top-level server function (names ending in _ are private);
 *   - withSuccessHandler / withFailureHandler / withUserObject return a new runner, so chains do not leak;
 *   - a call returns undefined at once; handlers run later with (result | Error, userObject);
 *   - Dates, functions, DOM nodes (except a form as the only argument) and class instances make the request
 *     fail; undefined in arrays becomes null;
 *   - with no failure handler, a failure is logged to the console.
 * After every call it tells the sandbox page (same origin), which then shows the new selection and cells.
 */

declare const __SANDBOX_FUNCTIONS__: string[];

type Handler = (value: unknown, userObject: unknown) => void;

interface Runner {
  withSuccessHandler(handler: Handler): Runner;
  withFailureHandler(handler: Handler): Runner;
  withUserObject(userObject: unknown): Runner;
  [name: string]: unknown;
}

class IllegalValue extends Error {}

/** A copy of a value as google.script.run would send it, or an IllegalValue. */
function wireValue(value: unknown, path: string, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return undefined;
  if (typeof value === 'function') throw new IllegalValue(`${path}: functions cannot be sent`);
  if (typeof value !== 'object') throw new IllegalValue(`${path}: ${typeof value} cannot be sent`);
  if (Object.prototype.toString.call(value) === '[object Date]')
    throw new IllegalValue(`${path}: Date objects cannot be sent`);
  if (typeof Node !== 'undefined' && value instanceof Node)
    throw new IllegalValue(`${path}: DOM elements cannot be sent`);
  if (seen.has(value)) throw new IllegalValue(`${path}: circular reference`);
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v, i) => wireValue(v, `${path}[${i}]`, seen) ?? null);
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && proto !== Object.prototype)
      throw new IllegalValue(`${path}: only plain objects can be sent`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const copied = wireValue(v, `${path}.${k}`, seen);
      if (copied !== undefined) out[k] = copied;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A form as the only parameter arrives as an object of its fields' strings (facts #46; files are not supported here). */
function formValue(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') out[k] = v;
  });
  return out;
}

function notifyPage(fn: string): void {
  if (window.parent !== window)
    window.parent.postMessage({ type: 'gtm-sandbox:called', fn }, location.origin);
}

function send(fn: string, args: unknown[], success?: Handler, failure?: Handler, userObject?: unknown): void {
  const fail = (error: Error) => {
    if (failure) failure(error, userObject);
    else console.error(`google.script.run ${fn} failed:`, error.message);
  };
  let body: string;
  try {
    const sent =
      args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement
        ? [formValue(args[0])]
        : args.map((a, i) => wireValue(a, `argument ${i}`, new Set()) ?? null);
    body = JSON.stringify({ fn, args: sent });
  } catch (error) {
    // The real request fails asynchronously too.
    setTimeout(() => fail(error instanceof Error ? error : new Error(String(error))), 0);
    return;
  }
  fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(
    async (response) => {
      const reply = await readReply(response);
      notifyPage(fn);
      if (reply.ok) {
        if (success) success(reply.result ?? null, userObject);
      } else {
        const error = new Error(reply.error?.message ?? 'The server call failed.');
        error.name = reply.error?.name ?? 'ScriptError';
        fail(error);
      }
    },
    (error: unknown) => {
      notifyPage(fn);
      fail(
        new Error(
          `The sandbox server did not answer (${error instanceof Error ? error.message : String(error)}).`,
        ),
      );
    },
  );
}

interface Reply {
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string };
}

/**
 * The server's answer as a reply. The server answers a refused or broken request (403, 400, 500…) with a short
 * text/plain status line, and something between (a proxy, a stopped server) may answer with an HTML page: those
 * become a failed reply that says what happened, never a JSON parse error.
 */
async function readReply(response: Response): Promise<Reply> {
  const text = await response.text().catch(() => '');
  if (response.ok && /^application\/json\b/i.test(response.headers.get('content-type') ?? '')) {
    try {
      const reply = JSON.parse(text) as unknown;
      if (reply !== null && typeof reply === 'object' && typeof (reply as Reply).ok === 'boolean')
        return reply as Reply;
    } catch {
      // falls through to the message below
    }
  }
  // The status line the sandbox server wrote ("403 cross-origin request refused"); an HTML page is not shown.
  const plain = /^text\/plain\b/i.test(response.headers.get('content-type') ?? '');
  const detail = plain
    ? text.trim().split('\n')[0].slice(0, 200)
    : `${response.status} ${response.statusText}`.trim();
  return {
    ok: false,
    error: {
      name: 'ScriptError',
      message: response.ok
        ? `The sandbox server sent something other than a result (${detail}).`
        : `The sandbox server could not run the call (${detail}).`,
    },
  };
}

function makeRunner(success?: Handler, failure?: Handler, userObject?: unknown): Runner {
  const runner: Runner = {
    withSuccessHandler: (handler: Handler) => makeRunner(handler, failure, userObject),
    withFailureHandler: (handler: Handler) => makeRunner(success, handler, userObject),
    withUserObject: (object: unknown) => makeRunner(success, failure, object),
  };
  for (const name of __SANDBOX_FUNCTIONS__) {
    if (name.endsWith('_') || name in runner) continue;
    runner[name] = (...args: unknown[]) => {
      send(name, args, success, failure, userObject);
    };
  }
  return runner;
}

const host = {
  close: () => window.parent.postMessage({ type: 'gtm-sandbox:close' }, location.origin),
  setHeight: () => undefined,
  setWidth: () => undefined,
  editor: { focus: () => undefined },
  origin: location.origin,
};

(window as unknown as { google: unknown }).google = { script: { run: makeRunner(), host } };
