/**
 * Markers shared by every emulated Apps Script object.
 *
 * The emulator keeps two views of each object: the *raw* object (used by tests and by the
 * emulator itself, never counted, never auth-checked) and a *script-facing* proxy created in
 * boundary.ts. The proxy needs to know which Google class an object imitates (for call counts,
 * error messages and auth checks); that is what `SERVICE` carries.
 */

/** Name of the Google class an object imitates, e.g. 'Range', 'Sheet', 'SpreadsheetApp'. */
export const SERVICE: unique symbol = Symbol.for('apps-script-emulator.service');

/**
 * When present and true, the script may read and write the object's own data properties
 * (used by HtmlTemplate, whose template variables are plain properties). Otherwise only
 * methods and PascalCase enum properties (e.g. `SpreadsheetApp.ProtectionType`) are visible.
 */
export const EXPOSE_OWN_FIELDS: unique symbol = Symbol.for('apps-script-emulator.expose-own-fields');

export interface ServiceObject {
  readonly [SERVICE]: string;
}

export function serviceNameOf(value: unknown): string | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  const name = (value as Partial<ServiceObject>)[SERVICE];
  return typeof name === 'string' ? name : undefined;
}

/** Cross-realm Date test: values coming from a `node:vm` context are not `instanceof Date` here. */
export function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
