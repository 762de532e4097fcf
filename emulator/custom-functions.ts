/**
 * Custom functions in cell formulas: `=GTM_TARGET(A2, …)` typed in a cell calls the project's function of that
 * name in CUSTOM_FUNCTION mode, as Sheets does [CF] (developers.google.com/apps-script/guides/sheets/functions).
 *
 * - A single-cell reference arrives as the cell's value, a range as a 2-D array; date cells arrive as `Date` [CF].
 * - The returned value shows in the cell; a `Date` is stored as a date serial.
 * - A function that throws: the cell shows `#ERROR!` and keeps the thrown message as the text shown when pointing at
 *   the cell (`ss.emu.cellError('Tab!B2')`). Google documents this for a call over 30 s ("the cell displays #ERROR!
 *   and the cell note is Exceeded maximum execution time (line 0).") and shows the thrown message of a function
 *   calling a forbidden service (`You do not have permission to call X service.`); that any thrown Error shows the
 *   same way is inferred from those two, not documented. Formulas reading the cell get the error, as they get any
 *   error (`=SUM(B2:B4)` is `#ERROR!`).
 *
 * Not emulated: a result of more than one cell (spilling needs its size before the call; the cell gets `#ERROR!`
 * saying so), a function reading cell values while the spreadsheet recalculates (GTM_* read only the locale and time
 * zone), and the 30 s limit. HyperFormula's function registry is global and each spreadsheet reads it when built, so
 * the names are registered before the spreadsheet is made (option `customFunctions`); the project is bound when it
 * is loaded. Until then the formula is `#NAME?`, as in Sheets before the script exists.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';

/** What a spreadsheet gives its custom functions: how to read a referenced cell, and how to call the project. */
export interface CustomFunctionHost {
  /** The value a referenced cell gives a custom function: `Date` for a date cell [CF]. */
  argument(sheetId: number, row0: number, col0: number, value: unknown): unknown;
  /** Runs the project's function; throws what it throws. Undefined until a project is loaded. */
  call?: (name: string, args: unknown[]) => unknown;
  /** Turns a returned value into what the cell holds (a Date into a serial). */
  result(value: unknown): unknown;
}

/** The host of each HyperFormula instance, found through its dependency graph (plugins hold the same one). */
const hosts = new WeakMap<object, CustomFunctionHost>();
const registered = new Set<string>();

export function bindCustomFunctionHost(hf: HyperFormula, host: CustomFunctionHost): void {
  hosts.set((hf as unknown as { dependencyGraph: object }).dependencyGraph, host);
}

/** The names declared with `@customfunction` in a project's code [CF, JSD]: `function NAME(`. */
export function customFunctionNames(code: string): string[] {
  const names = new Set<string>();
  const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (const m of code.matchAll(pattern)) if (/@customfunction\b/.test(m[1])) names.add(m[2]);
  return [...names];
}

type Ast = {
  type: string;
  reference?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
  start?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
};
type State = { formulaAddress: unknown };

function plain(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'symbol') return ''; // EmptyValue
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: unknown }).val;
  return value;
}

/** Registers `names` in HyperFormula's (global) function registry, once each. */
export function registerCustomFunctions(names: readonly string[]): void {
  for (const raw of names) {
    const name = raw.toUpperCase(); // case does not matter [CF]
    if (registered.has(name) || HyperFormula.getFunctionPlugin(name)) continue;
    registered.add(name);
    class CustomFunctionPlugin extends FunctionPlugin {
      static override implementedFunctions = {
        // Arguments are evaluated here (`run` reads their AST for the cells they reference), but declared as
        // needed, so HyperFormula links the formula to the cells and recomputes it when they change.
        [name]: {
          method: 'run',
          parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
          repeatLastArgs: 1,
        },
      };
      run(ast: { args: Ast[] }, state: State): unknown {
        const self = this as unknown as {
          dependencyGraph: object;
          evaluateAst(a: Ast, s: State): unknown;
        };
        const host = hosts.get(self.dependencyGraph);
        if (!host?.call) return new CellError(ErrorType.NAME, `Unknown function: ${name}`);
        const args: unknown[] = [];
        for (const arg of ast.args) {
          const value = self.evaluateAst(arg, state);
          if (value instanceof CellError) return value; // UNCONFIRMED: what Sheets passes for an error argument
          const at = (arg.reference ?? arg.start)?.toSimpleCellAddress(state.formulaAddress);
          if (value instanceof SimpleRangeValue) {
            const data = value.rawData();
            const failed = data.flat().find((cell) => cell instanceof CellError);
            if (failed) return failed;
            args.push(
              data.map((row, r) =>
                row.map((cell, c) =>
                  at ? host.argument(at.sheet, at.row + r, at.col + c, plain(cell)) : plain(cell),
                ),
              ),
            );
          } else if (arg.type === 'CELL_REFERENCE' && at) {
            args.push(host.argument(at.sheet, at.row, at.col, plain(value)));
          } else args.push(plain(value));
        }
        let result: unknown;
        try {
          result = host.call(name, args);
        } catch (error) {
          // The cell shows #ERROR!; the message is what pointing at the cell shows [CF].
          return new CellError(ErrorType.ERROR, error instanceof Error ? error.message : String(error));
        }
        if (Array.isArray(result)) {
          const grid = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
          if (grid.length === 1 && grid[0].length === 1) result = grid[0][0];
          else
            return new CellError(
              ErrorType.ERROR,
              `emulator: a custom function's result of ${grid.length}×${grid[0]?.length ?? 0} cells is not spilled in a cell formula`,
            );
        }
        return host.result(result);
      }
    }
    HyperFormula.registerFunction(
      name,
      CustomFunctionPlugin as never,
      {
        enGB: { [name]: name },
        enUS: { [name]: name },
      } as never,
    );
  }
}
