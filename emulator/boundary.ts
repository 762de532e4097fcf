/**
 * The line between the add-on's script and the emulator.
 *
 * Everything a script receives (SpreadsheetApp, a Sheet, a Range...) is a Proxy around a raw
 * emulator object. Crossing this line is the *only* place where we
 *   - count service calls (so the emulator's internal calls to itself are never counted),
 *   - apply the auth-mode policy (a NONE-mode onOpen that touches the document throws),
 *   - hide emulator-only fields (`emu`, `_internal`) so scripts cannot depend on them,
 *   - convert values between realms: a script run in a `node:vm` context has its own Date,
 *     Array and Error, so `value instanceof Date` inside the script must see *its* Date.
 */
import { AppsScriptException } from './errors.js';
import { EXPOSE_OWN_FIELDS, SERVICE, isDateLike, serviceNameOf } from './service-object.js';

/** The built-ins of the realm the script runs in (a vm context, or this Node realm). */
export interface ScriptRealm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** Evaluate a JavaScript expression in that realm (used by HtmlTemplate scriptlets). */
  evaluate(expression: string): unknown;
}

export const HOST_REALM: ScriptRealm = {
  Date,
  Error,
  Array,
  Object,
  // Indirect eval: global scope, sloppy mode (templates use `with`).
  evaluate: (expression) => (0, eval)(`(${expression})`),
};

export interface BoundaryHooks {
  /** Called before every script-visible method call; may throw to refuse it. */
  beforeCall(service: string, method: string, args: readonly unknown[]): void;
  /** Prefix error messages with 'Exception: ' (UNCONFIRMED whether Google does, see errors.ts). */
  exceptionMessagePrefix: boolean;
}

export class ScriptBoundary {
  realm: ScriptRealm = HOST_REALM;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(private readonly hooks: BoundaryHooks) {}

  /** Emulator → script: wrap service objects, copy arrays/objects/Dates into the script realm. */
  toScript(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (serviceNameOf(value) !== undefined) return this.wrap(value);
    if (this.targets.has(value)) return value; // already a proxy
    if (Array.isArray(value)) {
      const out = new this.realm.Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toScript(value[i]);
      return out;
    }
    if (isDateLike(value)) return new this.realm.Date(value.getTime());
    if (isPlainObject(value)) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.toScript(v);
      return out;
    }
    return value;
  }

  /** Script → emulator: unwrap proxies, copy arrays/objects/Dates into this realm. */
  fromScript(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const target = this.targets.get(value as object);
    if (target) return target;
    if (typeof value === 'function') return value;
    if (Array.isArray(value)) {
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.fromScript(value[i]);
      return out;
    }
    if (isDateLike(value)) return new Date(value.getTime());
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.fromScript(v);
      return out;
    }
    return value;
  }

  /** Turn an emulator exception into an Error of the script's realm, named 'Exception'. */
  toScriptError(error: unknown): unknown {
    if (!(error instanceof AppsScriptException)) return error;
    const message = this.hooks.exceptionMessagePrefix ? `Exception: ${error.message}` : error.message;
    const converted = new this.realm.Error(message);
    converted.name = 'Exception';
    return converted;
  }

  /** The proxy for a raw service object (the same proxy every time, so identity is stable). */
  wrap<T extends object>(raw: T): T {
    const existing = this.proxies.get(raw);
    if (existing) return existing as T;
    const service = serviceNameOf(raw)!;
    const exposeOwn = (raw as Record<symbol, unknown>)[EXPOSE_OWN_FIELDS] === true;
    const methodCache = new Map<string, (...args: unknown[]) => unknown>();
    const proxy = new Proxy(raw, {
      get: (target, prop) => {
        if (typeof prop === 'symbol') return prop === SERVICE ? service : undefined;
        if (prop.startsWith('_') || prop === 'constructor' || prop === 'emu') return undefined;
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value === 'function' && !Object.prototype.hasOwnProperty.call(target, prop)) {
          let fn = methodCache.get(prop);
          if (!fn) {
            fn = this.method(target, service, prop, value as (...args: unknown[]) => unknown);
            methodCache.set(prop, fn);
          }
          return fn;
        }
        // Own data: enums (PascalCase, e.g. SpreadsheetApp.ProtectionType) or template variables.
        if (Object.prototype.hasOwnProperty.call(target, prop) && (exposeOwn || /^[A-Z]/.test(prop))) {
          return exposeOwn ? value : this.toScript(value);
        }
        if (typeof value === 'function' && /^[A-Z]/.test(prop)) return value;
        return undefined;
      },
      set: (target, prop, value) => {
        // Only objects that carry script data (HtmlTemplate) accept new properties.
        if (!exposeOwn || typeof prop === 'symbol' || prop.startsWith('_')) return true;
        return Reflect.set(target, prop, value);
      },
      has: (target, prop) =>
        typeof prop === 'string' && !prop.startsWith('_') && prop !== 'emu' && prop in target,
      ownKeys: (target) =>
        exposeOwn ? Reflect.ownKeys(target).filter((k) => typeof k === 'string' && !k.startsWith('_')) : [],
      getOwnPropertyDescriptor: (target, prop) =>
        exposeOwn && typeof prop === 'string' && !prop.startsWith('_')
          ? Reflect.getOwnPropertyDescriptor(target, prop)
          : undefined,
    });
    this.proxies.set(raw, proxy);
    this.targets.set(proxy, raw);
    return proxy;
  }

  /** Unwrap a proxy (identity for anything else). */
  unwrap<T>(value: T): T {
    return (this.targets.get(value as object) as T | undefined) ?? value;
  }

  private method(target: object, service: string, name: string, fn: (...args: unknown[]) => unknown) {
    return (...args: unknown[]): unknown => {
      try {
        this.hooks.beforeCall(service, name, args);
        const result = fn.apply(
          target,
          args.map((a) => this.fromScript(a)),
        );
        return this.toScript(result);
      } catch (error) {
        throw this.toScriptError(error);
      }
    };
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  // A plain object of *any* realm: its prototype is some realm's Object.prototype (or null).
  return proto === null || Object.getPrototypeOf(proto) === null;
}
