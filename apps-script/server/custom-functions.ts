/**
 * Custom functions for people who build their own sheets, computed by shared/ exactly as the Targets tab is:
 *   GTM_TARGET(target, start, due, month, type, [phasing], [baseline], [decimals]) → that month's target
 *   GTM_STATUS(actual, expected, [baseline], target, [direction]) → the status word the Targets tab would show
 * Any argument may be a range: the result is then a range of the same shape (facts #64). A bad input throws an Error
 * whose message says, in the spreadsheet's language, which argument is wrong and what to write: the cell shows #ERROR!
 * and its message on pointing at it (developers.google.com/apps-script/guides/sheets/functions), so a sum or
 * comparison over the cell is an error too, never a text that SUM skips. A value is returned only where it is the
 * answer: a blank month outside a threshold's active months, "no data" for a status with nothing to judge. Custom
 * functions may only read the spreadsheet (facts #67): they read its locale and time zone, nothing else.
 */
import { localized } from '../../shared/i18n';
import { joinList } from '../../shared/i18n';
import { monthOf } from '../../shared/calendar';
import { decimalMarkOf, type DecimalMark } from '../../shared/locale-syntax';
import { cellText, isBlank, readDate, readNumber, type Cell } from '../../shared/cells';
import { monthTarget, precisionFor, type MetricSpec } from '../../shared/decompose';
import { STATUS_LABELS, attainmentOf, statusFromAttainment } from '../../shared/progress';
import {
  columnDef,
  enumLabels,
  langFromLocale,
  matchEnum,
  tabDef,
  type Localized,
  type ENUMS,
  type EnumKey,
  type Lang,
} from '../../shared/template';
import { t, type MessageKey } from './i18n';
import { normalizeCell } from './sheets-adapter';

/** An input the function cannot use; its message is what pointing at the #ERROR! cell shows. */
class InputError extends Error {}

interface Env {
  lang: Lang;
  timeZone: string;
  /** How the spreadsheet writes decimals: a number typed as text ("1.234,5" in de_DE) is read with it. */
  decimalMark: DecimalMark;
  fn: string;
}

function environment(fn: string): Env {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const locale = ss.getSpreadsheetLocale();
    return {
      fn,
      lang: langFromLocale(locale),
      timeZone: ss.getSpreadsheetTimeZone() || 'UTC',
      decimalMark: decimalMarkOf(locale),
    };
  } catch {
    return { fn, lang: 'en', timeZone: 'UTC', decimalMark: '.' };
  }
}

/** Argument names as the person sees them: the template's column labels where there is one. */
const ARG = {
  target: columnDef('keyResults', 'target').label,
  start: columnDef('keyResults', 'start').label,
  due: columnDef('keyResults', 'due').label,
  month: localized((m) => m.customFunctions.args.month),
  type: columnDef('keyResults', 'type').label,
  phasing: columnDef('keyResults', 'phasing').label,
  baseline: columnDef('keyResults', 'baseline').label,
  decimals: localized((m) => m.customFunctions.args.decimals),
  actual: localized((m) => m.customFunctions.args.actual),
  expected: localized((m) => m.customFunctions.args.expected),
  direction: columnDef('keyResults', 'direction').label,
} satisfies Record<string, Localized>;

function fail(env: Env, key: MessageKey, params: Record<string, string | number> = {}): never {
  throw new InputError(t(key, env.lang, { fn: env.fn, ...params }));
}

function argName(env: Env, arg: keyof typeof ARG): string {
  return ARG[arg][env.lang];
}

/**
 * A number argument. `ofMetric`: a figure of the metric (a target, a baseline, an actual), whose Unit the function
 * does not see: read as a plan row with a blank Unit reads it, so "45m" is refused (minutes, months or metres as much
 * as a million) rather than 45,000,000, where the Targets tab would say ambiguous-m. Decimals are no such figure.
 */
function number(env: Env, value: Cell, arg: keyof typeof ARG, fallback?: number, ofMetric = true): number {
  if (isBlank(value)) {
    if (fallback !== undefined) return fallback;
    fail(env, 'fnMissing', { arg: argName(env, arg) });
  }
  const read = readNumber(value, { decimalMark: env.decimalMark, unit: ofMetric ? '' : undefined });
  if (!read.ok && read.reason === 'ambiguous-m')
    fail(env, 'fnAmbiguousM', {
      arg: argName(env, arg),
      value: cellText(value, env.timeZone),
      number: read.found ?? '',
    });
  if (!read.ok && read.reason === 'decimal-mark') {
    const suggestion = read.found ?? '';
    fail(env, 'fnDecimalMark', { arg: argName(env, arg), value: cellText(value, env.timeZone), suggestion });
  }
  if (!read.ok) fail(env, 'fnNotANumber', { arg: argName(env, arg), value: cellText(value, env.timeZone) });
  return read.value;
}

function day(env: Env, value: Cell, arg: keyof typeof ARG): string {
  if (isBlank(value)) fail(env, 'fnMissing', { arg: argName(env, arg) });
  const read = readDate(value, env.timeZone);
  if (!read.ok) fail(env, 'fnNotADate', { arg: argName(env, arg), value: cellText(value, env.timeZone) });
  return read.value;
}

function choice<K extends EnumKey>(
  env: Env,
  value: Cell,
  enumKey: K,
  arg: keyof typeof ARG,
  fallback?: keyof (typeof ENUMS)[K],
) {
  if (isBlank(value)) {
    if (fallback !== undefined) return fallback;
    fail(env, 'fnMissing', { arg: argName(env, arg) });
  }
  const found = matchEnum(enumKey, cellText(value, env.timeZone));
  if (found === undefined) {
    const allowed = joinList(enumLabels(enumKey, env.lang), env.lang);
    fail(env, 'fnChoice', { arg: argName(env, arg), value: cellText(value, env.timeZone), allowed });
  }
  return found;
}

/**
 * Applies `one` to each cell when arguments are ranges. Ranges must share one shape; single values (and 1×1
 * ranges) apply to every cell.
 */
function broadcast(env: Env, args: unknown[], one: (cells: Cell[]) => Cell): Cell | Cell[][] {
  const grids = args.map((a) =>
    Array.isArray(a) ? (a as unknown[]).map((row) => (Array.isArray(row) ? row : [row])) : null,
  );
  const shaped = grids.filter((g): g is unknown[][] => g !== null && !(g.length === 1 && g[0].length === 1));
  // One bad cell fails the whole call: a returned range cannot hold an error in one cell, and a text there would be
  // skipped by SUM. The message says which cell of the result it is.
  const located = (cells: Cell[], r: number, c: number): Cell => {
    try {
      return one(cells);
    } catch (error) {
      const message = messageOf(env, error);
      throw new InputError(t('fnAtCell', env.lang, { message, row: r + 1, column: c + 1 }));
    }
  };
  const at = (i: number, r: number, c: number): Cell => {
    const g = grids[i];
    if (!g) return normalizeCell(args[i]);
    return normalizeCell(g.length === 1 && g[0].length === 1 ? g[0][0] : g[r]?.[c]);
  };
  if (shaped.length === 0) return one(args.map((_, i) => at(i, 0, 0)));
  const rows = shaped[0].length;
  const columns = shaped[0][0]?.length ?? 0;
  if (shaped.some((g) => g.length !== rows || g.some((row) => row.length !== columns))) fail(env, 'fnShape');
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) =>
      located(
        args.map((_, i) => at(i, r, c)),
        r,
        c,
      ),
    ),
  );
}

function messageOf(env: Env, error: unknown): string {
  if (error instanceof InputError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return t('fnFailed', env.lang, { fn: env.fn, reason });
}

/** Runs a call; anything it cannot compute is thrown as an Error with a readable message (the cell's #ERROR!). */
function guarded(fn: string, args: unknown[], one: (env: Env, cells: Cell[]) => Cell): Cell | Cell[][] {
  const env = environment(fn);
  try {
    return broadcast(env, args, (cells) => one(env, cells));
  } catch (error) {
    throw new Error(messageOf(env, error));
  }
}

/** One month's target of a metric, as the Targets tab computes it (shared/decompose.ts monthTarget). */
export function GTM_TARGET(
  target?: unknown,
  start?: unknown,
  due?: unknown,
  month?: unknown,
  type?: unknown,
  phasing?: unknown,
  baseline?: unknown,
  decimals?: unknown,
): Cell | Cell[][] {
  return guarded(
    'GTM_TARGET',
    [target, start, due, month, type, phasing, baseline, decimals],
    (env, [tg, st, du, mo, ty, ph, ba, de]) => {
      const metricType = choice(env, ty, 'type', 'type')!;
      const targetValue = number(env, tg, 'target');
      const baselineValue = number(env, ba, 'baseline', 0);
      const startDay = day(env, st, 'start');
      const dueDay = day(env, du, 'due');
      const monthDay = day(env, mo, 'month');
      if (dueDay < startDay) fail(env, 'fnReversed', { start: startDay, due: dueDay });
      const phase = choice(env, ph, 'phasing', 'phasing', 'even')!;
      if (phase === 'custom') fail(env, 'fnCustom', { targets: tabDef('targets').label[env.lang] });
      const places = isBlank(de)
        ? precisionFor(metricType, '', targetValue, baselineValue)
        : Math.max(0, Math.min(10, Math.round(number(env, de, 'decimals', undefined, false))));
      const spec: MetricSpec = {
        id: '',
        type: metricType,
        direction: 'increase',
        baseline: baselineValue,
        target: targetValue,
        start: monthOf(startDay),
        due: monthOf(dueDay),
        phasing: phase,
        precision: places,
      };
      const value = monthTarget(spec, monthOf(monthDay));
      return value === null ? '' : value;
    },
  );
}

/** The status word for actual vs expected (both where the metric stands), as the Targets tab's Status column. */
export function GTM_STATUS(
  actual?: unknown,
  expected?: unknown,
  baseline?: unknown,
  target?: unknown,
  direction?: unknown,
): Cell | Cell[][] {
  return guarded(
    'GTM_STATUS',
    [actual, expected, baseline, target, direction],
    (env, [ac, ex, ba, tg, di]) => {
      const dir = choice(env, di, 'direction', 'direction', 'increase')!;
      const targetValue = number(env, tg, 'target');
      const baselineValue = number(env, ba, 'baseline', 0);
      const expectedValue = number(env, ex, 'expected');
      if (isBlank(ac)) return STATUS_LABELS['no-data'][env.lang];
      // Nothing to reach: left out of progress, blank attainment and "no data" on the Targets tab.
      if (targetValue === baselineValue) return STATUS_LABELS['no-data'][env.lang];
      const actualValue = number(env, ac, 'actual');
      const status = statusFromAttainment(
        attainmentOf(actualValue, baselineValue, targetValue, dir),
        attainmentOf(expectedValue, baselineValue, targetValue, dir),
      );
      return STATUS_LABELS[status][env.lang];
    },
  );
}
