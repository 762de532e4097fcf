/**
 * ROUND as spreadsheets compute it, for the emulator's HyperFormula: half away from zero, of the number as the
 * spreadsheet holds it, to 15 significant digits.
 *
 * A spreadsheet keeps 15 significant digits (Excel documents it: "Excel stores and calculates floating-point
 * numbers" with 15 digits of precision, https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result;
 * LibreOffice rounds the same way, `rtl::math::round`; Google documents ROUND only as "according to standard
 * rules", https://support.google.com/docs/answer/3093440, so Sheets' precision is UNCONFIRMED and taken to be
 * Excel's). So =ROUND(0.175*0.75, 4) is 0.1313: the product is the double just under 0.13125, which is 0.13125
 * to 15 digits. HyperFormula's ROUND multiplies the double and calls Math.round, and gives 0.1312; this plugin
 * rounds to 15 significant digits first. The plan core rounds the same halves up (shared/decompose.ts
 * roundHalfAway, by another means), and test/libreoffice.test.ts checks both against LibreOffice.
 */
import { HyperFormula } from 'hyperformula';

const SIGNIFICANT_DIGITS = 15;

/**
 * ROUND(value, places): the value shifted by the places, taken to 15 significant digits, then half away from
 * zero. (Taken to 15 digits before the shift would not do: 1.275 is itself the double under 1.275, and times 100
 * it is 127.49999999999999.)
 */
export function spreadsheetRound(value: number, places: number): number {
  const factor = Math.pow(10, Math.trunc(places));
  const shifted = Number((Math.abs(value) * factor).toPrecision(SIGNIFICANT_DIGITS));
  const rounded = Math.round(shifted) / factor;
  return value < 0 ? -rounded : rounded;
}

let installed = false;

/** Replaces HyperFormula's ROUND, once per process (its function registry is global). */
export function installSpreadsheetRound(): void {
  if (installed) return;
  installed = true;
  const Base = HyperFormula.getFunctionPlugin('ROUND') as unknown as new (...args: unknown[]) => object;
  if (!Base) return;
  const implemented = (Base as unknown as { implementedFunctions: Record<string, { method: string }> })
    .implementedFunctions;
  type Run = (
    args: unknown,
    state: unknown,
    metadata: unknown,
    compute: (value: number, places: number) => number,
  ) => unknown;

  class SpreadsheetRoundPlugin extends Base {
    round(ast: { args: unknown }, state: unknown): unknown {
      const self = this as unknown as { runFunction: Run; metadata(name: string): unknown };
      return self.runFunction(ast.args, state, self.metadata('ROUND'), spreadsheetRound);
    }
  }
  // HyperFormula looks the methods up on the plugin's own prototype: the others stay HyperFormula's.
  const own = SpreadsheetRoundPlugin.prototype as unknown as Record<string, unknown>;
  for (const { method } of Object.values(implemented))
    if (method !== 'round') own[method] = (Base.prototype as Record<string, unknown>)[method];
  HyperFormula.unregisterFunction('ROUND');
  HyperFormula.registerFunction('ROUND', SpreadsheetRoundPlugin as never);
}
