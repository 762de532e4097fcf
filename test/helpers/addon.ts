/**
 * Runs the BUILT add-on (dist/apps-script/Code.js, made by `npm run build`) in a node:vm context wired to the
 * emulator, the way Apps Script runs it: top-level functions called by name, in an auth mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createAppsScriptGlobals,
  customFunctionNames,
  fromWorkbook,
  loadAppsScriptProject,
  type AppsScriptEmulatorOptions,
  type AppsScriptProject,
  type EmulatorControl,
  type FakeSpreadsheet,
  type WorkbookInput,
} from '../../emulator/index';
import { exampleWorkbook, tabDef, type Lang, type Workbook } from '../../shared';

export const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'apps-script');

export function builtFile(name: string): string {
  const file = path.join(DIST, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(file, 'utf8');
}

export interface AddonRun {
  ss: FakeSpreadsheet;
  project: AppsScriptProject;
  emulator: EmulatorControl;
  /** A menu click or google.script.run call: FULL mode. */
  run(name: string, ...args: unknown[]): unknown;
}

export interface AddonOptions extends AppsScriptEmulatorOptions {
  /** Spreadsheet locale (getSpreadsheetLocale). Default en_US. */
  locale?: string;
  timeZone?: string;
  workbook?: WorkbookInput;
  /** The emulator's recalculation mode (docs/emulator.md); 'onWrite' by default. */
  recalculation?: 'onWrite' | 'onRead' | 'never';
}

export function loadAddon(options: AddonOptions = {}): AddonRun {
  const { locale = 'en_US', timeZone = 'Etc/UTC', workbook, recalculation, ...emulatorOptions } = options;
  const code = builtFile('Code.js');
  // Registered before the spreadsheet is made, so its cell formulas can call them (emulator/custom-functions.ts).
  const customFunctions = customFunctionNames(code);
  const ss = fromWorkbook(workbook ?? { Sheet1: [] }, { locale, timeZone, recalculation, customFunctions });
  const globals = createAppsScriptGlobals(ss, {
    userLocale: locale,
    htmlFiles: { sidebar: builtFile('sidebar.html') },
    ...emulatorOptions,
  });
  const project = loadAppsScriptProject(code, globals);
  const emulator = (globals as unknown as { emulator: EmulatorControl }).emulator;
  return { ss, project, emulator, run: (name, ...args) => project.callAs('FULL', name, ...args) };
}

export interface ActionResult {
  ok: boolean;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Everything a person could see or lose in the spreadsheet, uncounted: per sheet its values, formulas,
 * notes, validations, number formats, backgrounds, frozen rows, conditional rules; plus protections and
 * named ranges. Two equal snapshots mean nothing changed.
 */
export function snapshot(ss: FakeSpreadsheet): unknown {
  const describeValidation = (rule: unknown) => {
    if (!rule) return null;
    const r = rule as {
      getCriteriaType(): string;
      getCriteriaValues(): unknown[];
      getAllowInvalid(): boolean;
      getHelpText(): string | null;
    };
    type RangeLike = { getSheet(): { getName(): string }; getA1Notation(): string };
    const isRange = (v: unknown): v is RangeLike => !!v && typeof v === 'object' && 'getA1Notation' in v;
    const values = r
      .getCriteriaValues()
      .map((v) => (isRange(v) ? `${v.getSheet().getName()}!${v.getA1Notation()}` : v));
    return [r.getCriteriaType(), JSON.stringify(values), r.getAllowInvalid(), r.getHelpText()];
  };
  return {
    sheets: ss.getSheets().map((sheet) => {
      const rows = Math.max(1, sheet.getLastRow());
      const columns = Math.max(1, sheet.getLastColumn());
      const range = sheet.getRange(1, 1, rows, columns);
      const validations = sheet
        .getRange(1, 1, Math.min(sheet.getMaxRows(), rows + 5), columns)
        .getDataValidations();
      return {
        name: sheet.getName(),
        size: [sheet.getMaxRows(), sheet.getMaxColumns()],
        values: range.getValues().map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v))),
        formulas: range.getFormulas(),
        notes: range.getNotes(),
        formats: range.getNumberFormats(),
        backgrounds: range.getBackgrounds(),
        fontWeights: range.getFontWeights(),
        validations: validations.map((row) => row.map(describeValidation)),
        frozen: sheet.getFrozenRows(),
        conditional: sheet.getConditionalFormatRules().length,
      };
    }),
    protections: ss
      .getProtections('RANGE' as never)
      .map((p) => [
        p.getRange().getSheet().getName(),
        p.getRange().getA1Notation(),
        p.isWarningOnly(),
        p.getDescription(),
      ]),
    named: ss
      .getNamedRanges()
      .map((n) => [n.getName(), n.getRange().getSheet().getName(), n.getRange().getA1Notation()])
      .sort(),
  };
}

/** The example plan with `keyResults` key results (cycling through the example's five), as a workbook. */
export function planWithKeyResults(keyResults: number, lang: Lang = 'en', timeZone = 'Etc/UTC'): Workbook {
  const workbook = exampleWorkbook(lang, { date: (iso) => zonedMidnight(iso, timeZone) });
  const name = tabDef('keyResults').label[lang];
  const [header, ...rows] = workbook[name];
  const out = [header];
  for (let i = 0; i < keyResults; i++) {
    const row = [...rows[i % rows.length]];
    row[0] = `KR${i + 1}`;
    out.push(row);
  }
  workbook[name] = out;
  return workbook;
}

/** Midnight of a day in a time zone, as Sheets hands a date cell to a script (facts #5). */
export function zonedMidnight(iso: string, timeZone: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute')) - at;
  };
  const guess = wall - offset(wall);
  return new Date(wall - offset(guess));
}

/** The values of one sheet by name (uncounted). */
export function valuesOf(ss: FakeSpreadsheet, name: string): unknown[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
}
