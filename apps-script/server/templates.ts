/**
 * Insert templates: the tabs of the template contract (shared/template.ts) in the spreadsheet's language, with
 * frozen, warning-only-protected header rows, a note on every header, data validation, number formats,
 * conditional formatting of status and named ranges.
 *
 * The rule: never change or delete a cell of the person's. A missing tab is added; a missing column is added
 * after the last used column of its tab, unless a header of the tab may be meant as it (the parser's nearness,
 * headerNear: 目標（萬元） for 目標值), which the alert names instead; a missing Strategy field is added below the
 * last used row; an empty tab gets its header. Everything else is left exactly as it is, so running it twice changes nothing.
 * Calls to the spreadsheet depend on the number of tabs and columns, never on the number of rows.
 *
 * A run can stop anywhere: a service error, or Apps Script's 6-minute limit, which ends it without any `catch`
 * (docs/addon.md, "When an action is interrupted"). So the header (of a tab, of added columns, the names of added
 * Strategy fields) is written last, after its notes, style, protection, drop-downs, formats, frozen row and named
 * ranges: a header in place means that part is finished. What a stopped run began has no header yet, so the next run
 * sees an empty tab, or no such column or field, and sets it up again in the same cells, where setting a note,
 * a rule or a format again changes nothing; the two steps that would add a second copy (a protection, a
 * conditional format rule) first look for the one a stopped run left.
 */
import { headerNear, parsePlan, unreadHeaders } from '../../shared/parse';
import { a1 } from '../../shared/cells';
import type { Plan, SheetLayout } from '../../shared/plan';
import {
  ENUMS,
  STRATEGY_FIELDS,
  STRATEGY_QUESTIONS,
  TABS,
  columnDef,
  enumLabels,
  tabDef,
  type ColumnDef,
  type Lang,
  type TabDef,
  type TabKey,
} from '../../shared/template';
import { LANGS } from '../../shared/i18n';
import type { ActionResult } from './action';
import { errorText, runAction } from './action';
import { list, t } from './i18n';
import {
  ensureSize,
  findTab,
  hasPlanTabs,
  isBlankGrid,
  readSpreadsheet,
  type SpreadsheetSnapshot,
} from './sheets-adapter';

/** The tabs Insert templates creates: all but the generated Targets tab (Decompose targets makes that one). */
export const TEMPLATE_TABS: readonly TabDef[] = TABS.filter((t) => t.key !== 'targets');

/** Description of the add-on's header protections, so they can be told apart from the person's own. */
export const HEADER_PROTECTION = 'gtm-pyramid: header';
export const HEADER_BACKGROUND = '#f1f3f4';

/** Colours of status words (a colour-blind-safe pale palette: grey, blue, green, red, amber). */
export const STATUS_COLORS = {
  neutral: '#e8eaed',
  progress: '#d2e3fc',
  good: '#ceead6',
  bad: '#fad2cf',
  warn: '#feefc3',
} as const;

const ROADMAP_STATUS_COLORS: Record<keyof typeof ENUMS.roadmapStatus, string> = {
  planned: STATUS_COLORS.neutral,
  'in-progress': STATUS_COLORS.progress,
  done: STATUS_COLORS.good,
  // Late is a warning, not yet a failure; on hold was decided, so it is coloured as work not under way.
  delayed: STATUS_COLORS.warn,
  'on-hold': STATUS_COLORS.neutral,
  blocked: STATUS_COLORS.bad,
};

/** Which column a reference column draws its drop-down from (owner → Departments, and so on). */
const REFERENCE_SOURCES: Partial<Record<string, [TabKey, string]>> = {
  owner: ['departments', 'name'],
  objective: ['objectives', 'id'],
  keyResult: ['keyResults', 'id'],
};

/** Named ranges: GTM_<Tab> over each new tab's template columns, and the two period cells of Strategy. */
export const namedRangeFor = (key: TabKey) => `GTM_${key[0].toUpperCase()}${key.slice(1)}`;
export const PERIOD_NAMED_RANGES = { periodStart: 'GTM_PeriodStart', periodEnd: 'GTM_PeriodEnd' } as const;

export interface TemplateReport {
  lang: Lang;
  createdTabs: string[];
  /** Existing but empty tabs that got their header. */
  filledTabs: string[];
  addedColumns: { tab: string; columns: string[] }[];
  /**
   * Missing columns not added, because a header of the tab may be meant as them: an empty column of that name would
   * be the one the plan reads, and the figures under the header (a renamed column) would count for nothing.
   */
  nearColumns: { tab: string; column: string; header: string; cell: string }[];
  addedFields: { tab: string; fields: string[] }[];
  skippedTabs: string[];
  /** Where each template tab is now: sheet name, header row and the columns of its fields. */
  tables: Partial<Record<TabKey, { name: string; headerRow: number; columns: Record<string, number> }>>;
}

interface Table {
  sheet: GAS.Sheet;
  name: string;
  headerRow: number;
  columns: Record<string, number>;
}

/** State shared while one run sets up its tabs. */
class SetupContext {
  readonly tables: Partial<Record<TabKey, Table>> = {};
  private readonly maxRows = new Map<GAS.Sheet, number>();
  /** Sheets this run inserted: nothing of an earlier, stopped run can be on them, so nothing is looked for. */
  readonly fresh = new Set<GAS.Sheet>();

  constructor(
    readonly ss: GAS.Spreadsheet,
    readonly lang: Lang,
  ) {}

  rowsOf(sheet: GAS.Sheet): number {
    if (!this.maxRows.has(sheet)) this.maxRows.set(sheet, sheet.getMaxRows());
    return this.maxRows.get(sheet)!;
  }

  forget(sheet: GAS.Sheet): void {
    this.maxRows.delete(sheet);
  }

  /** The data cells of a column of another tab (for requireValueInRange), or null when it is not there. */
  columnRange(tab: TabKey, key: string): GAS.Range | null {
    const table = this.tables[tab];
    const column = table?.columns[key];
    if (!table || !column) return null;
    const rows = this.rowsOf(table.sheet) - table.headerRow;
    return rows >= 1 ? table.sheet.getRange(table.headerRow + 1, column, rows, 1) : null;
  }
}

/** The data validation of a column: drop-downs for enums and references, dates, numbers. Warnings, not rejections. */
function validationFor(tab: TabKey, column: ColumnDef, ctx: SetupContext): GAS.DataValidation | null {
  if (tab === 'changes') return null; // a log written by the add-on: free text
  const builder = () =>
    SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(column.note[ctx.lang]);
  switch (column.kind) {
    case 'enum':
      return column.enumKey
        ? builder().requireValueInList(enumLabels(column.enumKey, ctx.lang), true).build()
        : null;
    case 'date':
      return builder().requireDate().build();
    case 'ref': {
      const source = REFERENCE_SOURCES[column.key];
      const range = source ? ctx.columnRange(source[0], source[1]) : null;
      return range ? builder().requireValueInRange(range, true).build() : null;
    }
    case 'number':
      return builder().requireNumberGreaterThanOrEqualTo(0).build();
    case 'ratio':
      return column.key === 'confidence'
        ? builder().requireNumberBetween(0, 1).build()
        : builder().requireNumberBetween(-1e15, 1e15).build();
    default:
      return null;
  }
}

function numberFormatFor(tab: TabKey, column: ColumnDef): string | null {
  if (column.kind === 'date') return tab === 'changes' ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
  if (column.key === 'confidence') return '0%';
  return null;
}

/**
 * The add-on's warning-only protection of header cells. Range.protect() adds a new protection even where one is
 * (facts #34), so on a sheet that was there before this run, the one a stopped run left on the same cells (ours, or
 * one whose description it had not set yet) is taken instead of adding a second.
 */
function protectHeader(sheet: GAS.Sheet, range: GAS.Range, fresh: boolean): void {
  let left: GAS.Protection | undefined;
  if (!fresh) {
    const a1 = range.getA1Notation();
    left = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => {
      const description = p.getDescription();
      return (description === HEADER_PROTECTION || description === '') && p.getRange().getA1Notation() === a1;
    });
  }
  (left ?? range.protect()).setWarningOnly(true).setDescription(HEADER_PROTECTION);
}

/**
 * Header cells: notes, bold on grey and a warning-only protection, then `ready` (the rest of the setup), then the
 * labels, last: a header in place means its setup is finished (see the top of this file). Also the change log's
 * Who column.
 */
export function writeHeader(
  sheet: GAS.Sheet,
  row: number,
  column: number,
  labels: string[],
  notes: string[],
  ready: () => void = () => {},
  fresh = false,
): void {
  ensureSize(sheet, row, column + labels.length - 1);
  const range = sheet.getRange(row, column, 1, labels.length);
  range.setNotes([notes]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  protectHeader(sheet, range, fresh);
  ready();
  range.setValues([labels]);
}

/**
 * Validation and formats of some columns of a table tab, starting at `firstColumn`, then `ready`, then their header
 * (its labels last: see the top of this file).
 */
function setUpColumns(
  sheet: GAS.Sheet,
  def: TabDef,
  headerRow: number,
  firstColumn: number,
  columns: readonly ColumnDef[],
  ctx: SetupContext,
  ready: () => void = () => {},
): void {
  ensureSize(sheet, headerRow + 1, firstColumn + columns.length - 1);
  ctx.forget(sheet);
  const lang = ctx.lang;
  const fresh = ctx.fresh.has(sheet);
  const dataRows = ctx.rowsOf(sheet) - headerRow;
  if (dataRows >= 1) {
    const conditional: StatusRule[] = [];
    columns.forEach((column, i) => {
      const cells = () => sheet.getRange(headerRow + 1, firstColumn + i, dataRows, 1);
      const rule = validationFor(def.key, column, ctx);
      const format = numberFormatFor(def.key, column);
      if (rule || format) {
        const range = cells();
        if (rule) range.setDataValidation(rule);
        if (format) range.setNumberFormat(format);
      }
      if (def.key === 'roadmap' && column.key === 'status')
        conditional.push(
          ...statusRules(
            cells(),
            `${a1(headerRow + 1, firstColumn + i)}:${a1(headerRow + dataRows, firstColumn + i)}`,
            lang,
          ),
        );
    });
    if (conditional.length) {
      const existing = sheet.getConditionalFormatRules();
      // The rules a stopped run added to these cells are there already: only the others are added.
      const have = new Set(fresh ? [] : existing.map(ruleKey));
      const missing = conditional.filter((r) => !have.has(r.key)).map((r) => r.rule);
      if (missing.length) sheet.setConditionalFormatRules([...existing, ...missing]);
    }
  }
  writeHeader(
    sheet,
    headerRow,
    firstColumn,
    columns.map((c) => c.label[lang]),
    columns.map((c) => c.note[lang]),
    ready,
    fresh,
  );
}

interface StatusRule {
  rule: GAS.ConditionalFormatRule;
  /** The cells and the word it colours, as ruleKey gives them for a rule read back. */
  key: string;
}

/** A text-equal rule's cells and word ("D2:D1000 done"); '' for any other rule. */
function ruleKey(rule: GAS.ConditionalFormatRule): string {
  const condition = rule.getBooleanCondition();
  if (!condition || String(condition.getCriteriaType()) !== 'TEXT_EQUAL_TO') return '';
  const ranges = rule.getRanges().map((r) => r.getA1Notation());
  return `${ranges.join(',')} ${String(condition.getCriteriaValues()[0])}`;
}

/** Roadmap status colours, for the labels of both languages (the parser accepts either). */
function statusRules(range: GAS.Range, cells: string, lang: Lang): StatusRule[] {
  const rules: StatusRule[] = [];
  for (const [key, label] of Object.entries(ENUMS.roadmapStatus)) {
    const color = ROADMAP_STATUS_COLORS[key as keyof typeof ENUMS.roadmapStatus];
    const words = new Set([label[lang], ...LANGS.map((other) => label[other])]);
    for (const word of words) {
      rules.push({
        rule: SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(word)
          .setBackground(color)
          .setRanges([range])
          .build(),
        key: `${cells} ${word}`,
      });
    }
  }
  return rules;
}

function nameRange(ctx: SetupContext, name: string, range: GAS.Range): void {
  // A name the person already uses (for anything) is theirs: never repointed.
  if (!ctx.ss.getRangeByName(name)) ctx.ss.setNamedRange(name, range);
}

/** A new (or empty) tab: the whole header, frozen, plus the named range over its columns (before the labels). */
function setUpNewTab(sheet: GAS.Sheet, name: string, def: TabDef, ctx: SetupContext): Table {
  if (def.key === 'strategy') return setUpStrategy(sheet, name, ctx);
  setUpColumns(sheet, def, 1, 1, def.columns, ctx, () => {
    sheet.setFrozenRows(1);
    nameRange(ctx, namedRangeFor(def.key), sheet.getRange(1, 1, ctx.rowsOf(sheet), def.columns.length));
  });
  return {
    sheet,
    name,
    headerRow: 1,
    columns: Object.fromEntries(def.columns.map((c, i) => [c.key, i + 1])),
  };
}

/**
 * The Strategy tab is a Field / Value list: a header, then one row per field with the field's name. The header and
 * the names are written last, in one block, once everything else is set up (see the top of this file).
 */
function setUpStrategy(sheet: GAS.Sheet, name: string, ctx: SetupContext): Table {
  const def = TABS[0];
  const lang = ctx.lang;
  const rows = STRATEGY_FIELDS.length + 1;
  ensureSize(sheet, rows, 2);
  ctx.forget(sheet);
  const fresh = ctx.fresh.has(sheet);
  const header = sheet.getRange(1, 1, 1, 2);
  header.setNotes([def.columns.map((c) => c.note[lang])]);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  protectHeader(sheet, header, fresh);
  const fields = setUpStrategyFields(sheet, 2, 1, STRATEGY_FIELDS, ctx);
  sheet.setFrozenRows(1);
  nameRange(ctx, namedRangeFor('strategy'), sheet.getRange(1, 1, rows, 2));
  sheet
    .getRange(1, 1, rows, 2)
    .setValues([def.columns.map((c) => c.label[lang]), ...fields.map(([label]) => [label, ''])]);
  return { sheet, name, headerRow: 1, columns: { field: 1, value: 2 } };
}

/**
 * Everything of some Strategy fields but their names: the strategy question as the note of each name cell, bold and
 * protected, date rules on the period cells and their named ranges. Returns the names, for the caller to write last.
 */
function setUpStrategyFields(
  sheet: GAS.Sheet,
  firstRow: number,
  fieldColumn: number,
  fields: readonly (typeof STRATEGY_FIELDS)[number][],
  ctx: SetupContext,
): string[][] {
  const lang = ctx.lang;
  const names = fields.map((f) => [f.label[lang]]);
  const labels = sheet.getRange(firstRow, fieldColumn, fields.length, 1);
  labels.setNotes(
    fields.map((f) => [
      f.key in STRATEGY_QUESTIONS ? STRATEGY_QUESTIONS[f.key as keyof typeof STRATEGY_QUESTIONS][lang] : null,
    ]),
  );
  labels.setFontWeight('bold');
  protectHeader(sheet, labels, ctx.fresh.has(sheet));
  fields.forEach((field, i) => {
    if (field.kind !== 'date') return;
    const cell = sheet.getRange(firstRow + i, fieldColumn + 1);
    cell.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .setAllowInvalid(true)
        .setHelpText(columnDef('keyResults', 'due').note[lang])
        .requireDate()
        .build(),
    );
    cell.setNumberFormat('yyyy-mm-dd');
    if (field.key === 'periodStart' || field.key === 'periodEnd')
      nameRange(ctx, PERIOD_NAMED_RANGES[field.key], cell);
  });
  return names;
}

/** Creates one template tab at the end (the change log uses it when Changes is missing). */
export function createTemplateTab(ss: GAS.Spreadsheet, key: TabKey, lang: Lang): GAS.Sheet {
  const def = TABS.find((d) => d.key === key)!;
  const name = def.label[lang];
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  const ctx = new SetupContext(ss, lang);
  ctx.fresh.add(sheet);
  setUpNewTab(sheet, name, def, ctx);
  return sheet;
}

/**
 * The language of the plan tabs to add: an existing plan keeps its language; a new one takes the spreadsheet's, and
 * so does one whose tab names say no other language (a zh_TW spreadsheet with only a "KPI" tab, or only the empty
 * "策略" tab a stopped run made, is a Traditional Chinese plan, not an English or a Simplified Chinese one).
 */
export function templateLanguage(snapshot: SpreadsheetSnapshot, plan: Plan): Lang {
  const planTabs = snapshot.sheets.filter((s) => s.tabKey !== null);
  const namesFitLocale = planTabs.every(
    (s) => tabDef(s.tabKey!).label[snapshot.localeLang].toLowerCase() === s.name.toLowerCase(),
  );
  const decided = hasPlanTabs(snapshot) && (!namesFitLocale || plan.strategy.values.language !== '');
  return decided ? plan.lang : snapshot.localeLang;
}

/** Adds only what is missing, reading the spreadsheet once. Used by Insert templates and Insert example plan. */
export function applyTemplates(snapshot: SpreadsheetSnapshot, lang?: Lang): TemplateReport {
  const ss = snapshot.ss;
  const { plan } = parsePlan(snapshot.workbook, { timeZone: snapshot.timeZone, locale: snapshot.locale });
  const language = lang ?? templateLanguage(snapshot, plan);
  const ctx = new SetupContext(ss, language);
  const report: TemplateReport = {
    lang: language,
    createdTabs: [],
    filledTabs: [],
    addedColumns: [],
    nearColumns: [],
    addedFields: [],
    skippedTabs: [],
    tables: {},
  };
  let sheetCount = snapshot.sheets.length;
  /** The tab being set up, for the alert of a run that stops there. */
  let current: string | null = null;

  try {
    for (const def of TEMPLATE_TABS) {
      current = null;
      setUpTab(def);
    }
  } catch (error) {
    throw new TemplatesInterrupted(error, report, current);
  }
  for (const [key, table] of Object.entries(ctx.tables)) {
    report.tables[key as TabKey] = { name: table.name, headerRow: table.headerRow, columns: table.columns };
  }
  return report;

  function setUpTab(def: TabDef): void {
    const found = findTab(snapshot, def.key);
    if (!found) {
      const name = def.label[language];
      current = name;
      const sheet = ss.insertSheet(name, sheetCount++);
      ctx.fresh.add(sheet);
      ctx.tables[def.key] = setUpNewTab(sheet, name, def, ctx);
      report.createdTabs.push(name);
      return;
    }
    current = found.name;
    if (isBlankGrid(found.values)) {
      ctx.tables[def.key] = setUpNewTab(found.sheet, found.name, def, ctx);
      report.filledTabs.push(found.name);
      return;
    }
    const layout = plan.layout[def.key];
    // A Strategy tab with text but no field of the template (a page of notes, "Our strategy doc"): not the plan's
    // list of fields, so nothing is added under it; it is reported as any tab without a header is.
    if (
      def.key === 'strategy' &&
      (!layout || layout.headerRow < 1) &&
      !Object.keys(plan.strategy.rows).length
    ) {
      report.skippedTabs.push(found.name);
      return;
    }
    if (def.key === 'strategy') {
      ctx.tables.strategy = addMissingStrategyFields(
        found.sheet,
        found.name,
        found.values.length,
        layout!,
        plan.strategy.rows,
        ctx,
        report,
      );
      return;
    }
    if (!layout || layout.headerRow < 1) {
      report.skippedTabs.push(found.name);
      return;
    }
    // A header that may be meant as a missing column (目標（萬元） for 目標值) stands for it: the column is not added
    // (the plan would read the new, empty one), and the alert says which header to rename.
    const unread = unreadHeaders(def, found.values[layout.headerRow - 1] ?? []);
    const missing: ColumnDef[] = [];
    for (const column of def.columns) {
      if (column.key in layout.columns) continue;
      const near = headerNear(column, unread);
      if (!near) missing.push(column);
      else
        report.nearColumns.push({
          tab: found.name,
          column: column.label[language],
          header: near.cell.trim(),
          cell: a1(layout.headerRow, near.column),
        });
    }
    const columns = { ...layout.columns };
    if (missing.length) {
      const width = Math.max(layout.columnCount, ...found.values.map((r) => r.length));
      setUpColumns(found.sheet, def, layout.headerRow, width + 1, missing, ctx);
      missing.forEach((c, i) => (columns[c.key] = width + 1 + i));
      report.addedColumns.push({ tab: found.name, columns: missing.map((c) => c.label[language]) });
    }
    ctx.tables[def.key] = { sheet: found.sheet, name: found.name, headerRow: layout.headerRow, columns };
  }
}

/**
 * Insert templates stopped midway (a service error; the 6-minute limit ends a run without this): what it had
 * finished, and the tab it was setting up, which has no header there yet (see the top of this file).
 */
export class TemplatesInterrupted extends Error {
  constructor(
    readonly reason: unknown,
    readonly report: TemplateReport,
    readonly tab: string | null,
  ) {
    super(errorText(reason));
  }
}

function addMissingStrategyFields(
  sheet: GAS.Sheet,
  name: string,
  lastRow: number,
  layout: SheetLayout,
  rows: Partial<Record<string, number>>,
  ctx: SetupContext,
  report: TemplateReport,
): Table {
  const missing = STRATEGY_FIELDS.filter((f) => !(f.key in rows));
  if (missing.length) {
    ensureSize(sheet, lastRow + missing.length, layout.columns.value);
    const names = setUpStrategyFields(sheet, lastRow + 1, layout.columns.field, missing, ctx);
    sheet.getRange(lastRow + 1, layout.columns.field, names.length, 1).setValues(names);
    report.addedFields.push({ tab: name, fields: missing.map((f) => f.label[ctx.lang]) });
  }
  return { sheet, name, headerRow: Math.max(layout.headerRow, 1), columns: layout.columns };
}

/** What a run added, one sentence each. */
function doneSentences(report: TemplateReport, lang: Lang): string[] {
  const done: string[] = [];
  if (report.createdTabs.length)
    done.push(t('templatesTabsAdded', lang, { list: list(report.createdTabs, lang) }));
  for (const tab of report.filledTabs) done.push(t('templatesHeaderFilled', lang, { tab }));
  for (const { tab, columns } of report.addedColumns)
    done.push(t('templatesColumnsAdded', lang, { tab, list: list(columns, lang) }));
  for (const { tab, fields } of report.addedFields)
    done.push(t('templatesFieldsAdded', lang, { tab, list: list(fields, lang) }));
  return done;
}

/** The report as the sentences of the alert. */
export function describeTemplateReport(report: TemplateReport, lang: Lang): string {
  const done = doneSentences(report, lang);
  const near = report.nearColumns.map((n) => t('templatesColumnNear', lang, n));
  const skipped = report.skippedTabs.map((tab) => t('templatesSkipped', lang, { tab }));
  const summary =
    done.length || near.length ? [...done, ...near, t('templatesKept', lang)] : [t('templatesNothing', lang)];
  return [...summary, ...skipped].join('\n');
}

/**
 * The alert of a run that stopped: why, where (that part has no header yet), what it had finished, and that the
 * next run finishes the job.
 */
export function describeInterruptedTemplates(stop: TemplatesInterrupted, lang: Lang): string {
  return [
    stop.tab
      ? t('templatesInterrupted', lang, { reason: stop.message, tab: stop.tab })
      : t('failed', lang, { action: t('templatesTitle', lang), reason: stop.message }),
    ...doneSentences(stop.report, lang),
    t('templatesInterruptedRerun', lang),
  ].join('\n');
}

/** Menu: Insert templates. */
export function insertTemplates(): ActionResult {
  return runAction('templatesTitle', (lang) => {
    let report: TemplateReport;
    try {
      report = applyTemplates(readSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()));
    } catch (error) {
      if (!(error instanceof TemplatesInterrupted)) throw error;
      Logger.log(error.reason instanceof Error && error.reason.stack ? error.reason.stack : error.message);
      return {
        ok: false,
        message: describeInterruptedTemplates(error, lang),
        details: { interrupted: error.tab, createdTabs: error.report.createdTabs },
      };
    }
    const { tables: _tables, ...details } = report;
    void _tables;
    return { ok: true, message: describeTemplateReport(report, lang), details };
  });
}
