/**
 * Run a built Apps Script bundle (a classic script with top-level function declarations) in a
 * `node:vm` context wired to the emulated services, and call its functions by name the way
 * Apps Script does (menu items, triggers, google.script.run).
 *
 * Apps Script re-runs the project's global code at the start of *every* execution, in that
 * execution's auth mode [AUTH: "global code runs in onOpen's mode"], and keeps no global state
 * between executions. By default each call therefore gets a fresh context (the compiled script
 * is reused, so this is cheap). Locks are released when an execution ends [LK].
 */
import vm from 'node:vm';
import { isDateLike } from './service-object.js';
import { emulatorOf, type AuthModeName, type EmulatorControl } from './services.js';
import { FakeSpreadsheet, type CellValue, type FakeSpreadsheetOptions } from './spreadsheet.js';
import { customFunctionNames } from './custom-functions.js';

export interface LoadOptions {
  /** Shown in stack traces. Default 'Code.js'. */
  filename?: string;
  /** Re-run the global code in a new context for every call (Apps Script semantics). Default true. */
  freshGlobalsPerCall?: boolean;
  /** Abort synchronous runs longer than this (vm timeout). Default: no limit. Real limits: 6 min, 30 s for simple triggers/custom functions [Q, TRG]. */
  timeoutMs?: number;
}

/** `project(name, ...args)` calls a top-level function like Apps Script; the extras are below. */
export interface AppsScriptProject {
  (name: string, ...args: unknown[]): unknown;
  /** Run one execution in the given auth mode (e.g. onOpen in NONE), then restore the previous mode. */
  callAs(authMode: AuthModeName, name: string, ...args: unknown[]): unknown;
  /**
   * google.script.run rules [COMM, RUN]: private names (ending in `_`) are refused; arguments
   * and the return value must be numbers, booleans, strings, null, or arrays/plain objects of
   * these; Dates, functions and class instances make the request fail (an Error here);
   * `undefined` inside arrays becomes null. Arguments and results are copied. Runs in FULL.
   */
  callFromClient(name: string, ...args: unknown[]): unknown;
  /** Whether a callable function of that name exists (what a menu item needs). */
  has(name: string): boolean;
  /** Names of the top-level functions (global properties holding functions). */
  functionNames(): string[];
  /** The context of the latest execution. */
  readonly context: vm.Context;
}

/**
 * Replaces the context's Date with one whose clock is the emulator's `now` option: `new Date()`, `Date()` and
 * `Date.now()` read it; every other form (`new Date(ms)`, `Date.UTC`, `Date.parse`) is the built-in's. Its instances
 * are the built-in's too (same prototype), so `instanceof Date` holds for every Date of the script.
 */
const PIN_CLOCK = `(function (now) {
  const BuiltIn = Date;
  function PinnedDate(...args) {
    if (!new.target) return new BuiltIn(now()).toString();
    return Reflect.construct(BuiltIn, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(PinnedDate, BuiltIn);
  PinnedDate.prototype = BuiltIn.prototype;
  PinnedDate.now = () => now();
  Object.defineProperty(PinnedDate, 'name', { value: 'Date' });
  globalThis.Date = PinnedDate;
})`;

/**
 * @param code     the bundle's JavaScript text (classic script, not a module)
 * @param globals  usually createAppsScriptGlobals(ss, options); any object's enumerable
 *                 properties become globals of the script
 */
export function loadAppsScriptProject(
  code: string,
  globals: object,
  options: LoadOptions = {},
): AppsScriptProject {
  const script = new vm.Script(code, { filename: options.filename ?? 'Code.js' });
  const emulator = emulatorOf(globals);
  const fresh = options.freshGlobalsPerCall ?? true;
  const runOptions = options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs };

  const createContext = (): vm.Context => {
    const sandbox: Record<string, unknown> = {};
    for (const key of Object.keys(globals)) sandbox[key] = (globals as Record<string, unknown>)[key];
    const ctx = vm.createContext(sandbox, { name: 'Apps Script project' });
    if (emulator?.now) (vm.runInContext(PIN_CLOCK, ctx) as (now: () => number) => void)(emulator.now);
    if (emulator) {
      // Values handed to the script must be built from *its* Date/Array/Error (instanceof checks).
      const builtins = vm.runInContext('({ Date, Error, Array, Object })', ctx) as Pick<
        Parameters<EmulatorControl['attachRealm']>[0],
        'Date' | 'Error' | 'Array' | 'Object'
      >;
      emulator.attachRealm({
        ...builtins,
        evaluate: (expression) => vm.runInContext(`(${expression})`, ctx),
      });
    }
    toHostErrors(() => script.runInContext(ctx, runOptions));
    return ctx;
  };

  // Run the global code once now so syntax errors and top-level failures surface at load time.
  let context = toHostErrors(() => createContext());

  const invoke = (name: string, args: unknown[]): unknown => {
    try {
      if (fresh) context = createContext();
      const fn = resolveFunction(context, name);
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const scriptArgs = emulator ? (emulator.toScript(args) as unknown[]) : args;
      const result = toHostErrors(() => {
        if (options.timeoutMs === undefined) return fn(...scriptArgs);
        const key = '__emulatorInvocation';
        context[key] = { fn, args: scriptArgs };
        try {
          return vm.runInContext(`${key}.fn.apply(undefined, ${key}.args)`, context, runOptions);
        } finally {
          delete context[key];
        }
      });
      return emulator ? emulator.fromScript(result) : result;
    } finally {
      emulator?.endExecution();
    }
  };

  const callAs = (authMode: AuthModeName, name: string, ...args: unknown[]): unknown => {
    if (!emulator) return invoke(name, args);
    const previous = emulator.authMode;
    emulator.setAuthMode(authMode);
    try {
      return invoke(name, args);
    } finally {
      emulator.setAuthMode(previous);
    }
  };

  const project = ((name: string, ...args: unknown[]) => invoke(name, args)) as AppsScriptProject;
  project.callAs = callAs;
  // Cell formulas call the @customfunction functions, each call an execution in CUSTOM_FUNCTION mode [CF, AM]
  // (custom-functions.ts); formula names are upper case, the declared name may not be (case does not matter [CF]).
  if (emulator) {
    const declared = new Map(customFunctionNames(code).map((n) => [n.toUpperCase(), n]));
    emulator.spreadsheet.emu.bindCustomFunctions((name, args) =>
      callAs('CUSTOM_FUNCTION', declared.get(name) ?? name, ...args),
    );
  }
  project.callFromClient = (name: string, ...args: unknown[]) => {
    if (name.endsWith('_')) throw new Error(`google.script.run cannot call private function ${name} [COMM]`);
    const sentArgs = args.map((a, i) => toClientValue(a, `argument ${i}`, new Set(), true));
    const result = callAs('FULL', name, ...sentArgs);
    return toClientValue(result, 'return value', new Set(), true);
  };
  project.has = (name: string) => typeof resolveFunction(context, name) === 'function';
  project.functionNames = () =>
    Object.keys(context)
      .filter((k) => typeof context[k] === 'function' && !Object.prototype.hasOwnProperty.call(globals, k))
      .sort();
  Object.defineProperty(project, 'context', { get: () => context });
  return project;
}

/** `fn` or `Namespace.fn` (menu items may name `Library.fn` [MENU]). */
function resolveFunction(context: vm.Context, name: string): unknown {
  let value: unknown = context;
  for (const part of name.split('.')) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Errors thrown inside the vm belong to its realm; rethrow them as host Errors for tests. */
function toHostErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error || error === null || typeof error !== 'object' || !('message' in error))
      throw error;
    const foreign = error as { name?: string; message: string; stack?: string };
    const converted = new Error(String(foreign.message));
    converted.name = foreign.name ?? 'Error';
    if (foreign.stack) converted.stack = foreign.stack;
    throw converted;
  }
}

/** Copy a value across the google.script.run wire, refusing what Google refuses [COMM, RUN]. */
function toClientValue(value: unknown, path: string, seen: Set<object>, topLevel: boolean): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  // Top-level undefined: UNCONFIRMED (facts #45); we send null.
  if (value === undefined) return topLevel ? null : undefined;
  if (typeof value === 'function')
    throw new Error(`google.script.run: illegal value at ${path}: functions cannot be sent`);
  if (typeof value !== 'object')
    throw new Error(`google.script.run: illegal value at ${path}: ${typeof value}`);
  if (isDateLike(value))
    throw new Error(
      `google.script.run: illegal value at ${path}: Date objects cannot be sent (the request fails)`,
    );
  if (seen.has(value)) throw new Error(`google.script.run: circular reference at ${path}`);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      // undefined in arrays becomes null [COMM].
      return value.map((v, i) => {
        const copied = toClientValue(v, `${path}[${i}]`, seen, false);
        return copied === undefined ? null : copied;
      });
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      throw new Error(`google.script.run: illegal value at ${path}: only plain objects can be sent`);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const copied = toClientValue(v, `${path}.${k}`, seen, false);
      if (copied !== undefined) out[k] = copied; // undefined properties dropped: UNCONFIRMED
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

// =============================================================================================
// Workbook helpers for tests

/** A plain workbook: tab name → rows of cells (numbers, strings, booleans, Dates, '=formulas', null/''). */
export type WorkbookInput = Record<string, unknown[][]>;

/**
 * Build a FakeSpreadsheet from plain grids. Tabs keep the object's key order; each grid is
 * written with one setValues (so '=...' cells are formulas). Tabs grow beyond 1000 x 26 when the
 * grid is larger. Ragged rows are padded with empty cells.
 */
export function fromWorkbook(
  workbook: WorkbookInput,
  options: Omit<FakeSpreadsheetOptions, 'sheetNames'> = {},
): FakeSpreadsheet {
  const names = Object.keys(workbook);
  const ss = new FakeSpreadsheet({ ...options, sheetNames: names.length > 0 ? names : undefined });
  for (const name of names) {
    const grid = workbook[name];
    const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
    if (grid.length === 0 || width === 0) continue;
    const sheet = ss.getSheetByName(name)!;
    sheet._maxRows = Math.max(sheet._maxRows, grid.length);
    sheet._maxCols = Math.max(sheet._maxCols, width);
    const padded = grid.map((row) =>
      row.length === width ? row : [...row, ...new Array(width - row.length).fill(null)],
    );
    sheet.getRange(1, 1, grid.length, width).setValues(padded);
  }
  return ss;
}

/** Every tab's getDataRange().getValues(); an empty tab gives [] (not [['']]). */
export function toWorkbook(ss: FakeSpreadsheet): Record<string, CellValue[][]> {
  const out: Record<string, CellValue[][]> = {};
  for (const sheet of ss.getSheets())
    out[sheet.getName()] = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
  return out;
}
