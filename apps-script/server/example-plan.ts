/**
 * Insert example plan: the worked example of the domain brief (shared/example.ts), in the spreadsheet's language.
 * It goes only into an empty spreadsheet or into template tabs that hold nothing but their header: when any plan
 * tab already holds data, it refuses and changes nothing. Otherwise it inserts the templates (so the example gets
 * the same notes, drop-downs and formats), writes the example's rows in one block per tab, and decomposes the
 * targets.
 *
 * A run can stop midway (a service error; Apps Script's 6-minute limit ends it without any `catch`), leaving some
 * tabs with the example's rows and the others with only their headers. The next run recognises those rows as its
 * own (each tab holds exactly the block the run writes there, cell for cell) and finishes the example: the template
 * setup (templates.ts finishes what it had begun), the blocks not written yet, the targets. A tab holding anything
 * else, a cell typed, changed or cleared since, is the person's: the run refuses and changes nothing, as before.
 */
import { instantOfWallClock } from '../../shared/calendar';
import { cellText, isBlank, type Cell } from '../../shared/cells';
import { exampleWorkbook } from '../../shared/example';
import { parsePlan } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { STRATEGY_FIELDS, matchesLabel, tabDef, type Lang } from '../../shared/template';
import { errorText, runAction, type ActionResult } from './action';
import { rebuildTargets } from './decompose-targets';
import { list, t } from './i18n';
import {
  findTab,
  isDate,
  readSpreadsheet,
  sheetDate,
  writeBlock,
  type SheetSnapshot,
  type SpreadsheetSnapshot,
} from './sheets-adapter';
import { applyTemplates, TEMPLATE_TABS, templateLanguage, TemplatesInterrupted } from './templates';

/** True when a cell (0-based) of a plan tab is data: not blank, not in the header, not a Strategy field's name. */
function dataCell(tab: SheetSnapshot, plan: Plan, r: number, c: number, cell: Cell): boolean {
  if (!tab.tabKey) return false;
  const layout = plan.layout[tab.tabKey];
  const fieldColumn = tab.tabKey === 'strategy' ? (layout?.columns.field ?? 1) : 0;
  if (isBlank(cell) || r + 1 === (layout?.headerRow ?? 0)) return false;
  return !(c + 1 === fieldColumn && STRATEGY_FIELDS.some((f) => matchesLabel(cellText(cell), f.label)));
}

/** True when a plan tab holds anything beyond its header (and, on Strategy, beyond the field names). */
export function tabHoldsData(tab: SheetSnapshot, plan: Plan): boolean {
  return tab.values.some((row, r) => row.some((cell, c) => dataCell(tab, plan, r, c, cell)));
}

/** The plan tabs that hold data, by name. */
export function tabsWithData(snapshot: SpreadsheetSnapshot): string[] {
  const { plan } = parsePlan(snapshot.workbook, { timeZone: snapshot.timeZone, locale: snapshot.locale });
  return snapshot.sheets.filter((s) => s.tabKey && tabHoldsData(s, plan)).map((s) => s.name);
}

/** "2026-06-02 10:15" (the example's change log) → a date-time in the spreadsheet's time zone. */
function dateTimeCell(cell: Cell, timeZone: string): Cell {
  const m = typeof cell === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(cell) : null;
  if (!m) return cell;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return instantOfWallClock(Date.UTC(y, mo - 1, d, h, mi), timeZone);
}

/** A block of the example's rows as Insert example plan writes it into a tab (one setValues). */
interface ExampleBlock {
  tab: SheetSnapshot;
  row: number;
  column: number;
  cells: Cell[][];
}

/** The example's rows for the tabs as they are now laid out (after Insert templates): one block per tab. */
function exampleBlocks(snapshot: SpreadsheetSnapshot, lang: Lang): ExampleBlock[] {
  const { plan } = parsePlan(snapshot.workbook, { timeZone: snapshot.timeZone, locale: snapshot.locale });
  const example = exampleWorkbook(lang, { date: (iso) => sheetDate(iso, snapshot.timeZone) });
  const blocks: ExampleBlock[] = [];
  for (const def of TEMPLATE_TABS) {
    const tab = findTab(snapshot, def.key);
    const grid = example[def.label[lang]];
    const layout = plan.layout[def.key];
    if (!tab || !grid || !layout) continue;
    if (def.key === 'strategy') {
      const rows = plan.strategy.rows;
      const wanted = STRATEGY_FIELDS.map((f, i) => [rows[f.key], grid[i + 1][1]] as const).filter(
        ([row]) => row !== undefined,
      ) as [number, Cell][];
      if (!wanted.length) continue;
      const first = Math.min(...wanted.map(([row]) => row));
      const last = Math.max(...wanted.map(([row]) => row));
      const cells: Cell[][] = Array.from({ length: last - first + 1 }, () => ['']);
      for (const [row, value] of wanted) cells[row - first][0] = value;
      blocks.push({ tab, row: first, column: layout.columns.value, cells });
      continue;
    }
    const keys = def.columns.map((c) => c.key);
    const width = Math.max(...keys.map((k) => layout.columns[k] ?? 0));
    const cells = grid.slice(1).map((row) => {
      const out: Cell[] = Array.from({ length: width }, () => '');
      keys.forEach((key, i) => {
        const column = layout.columns[key];
        if (column)
          out[column - 1] =
            def.key === 'changes' && key === 'timestamp' ? dateTimeCell(row[i], snapshot.timeZone) : row[i];
      });
      return out;
    });
    if (cells.length && width > 0) blocks.push({ tab, row: layout.headerRow + 1, column: 1, cells });
  }
  return blocks;
}

/** A cell as Insert example plan wrote it: the same day (a Date), else the same value. */
function sameCell(held: unknown, written: Cell): boolean {
  if (isDate(held) || isDate(written))
    return isDate(held) && isDate(written) && held.getTime() === written.getTime();
  return held === written || (isBlank(held as Cell) && isBlank(written));
}

/**
 * What the plan tabs hold, compared with the example Insert example plan writes (a run that stopped midway leaves
 * some tabs filled, the others with only their headers). `started`: the tabs holding exactly the example's rows,
 * as the run wrote them (one setValues per tab); `foreign`: the tabs holding anything else (a cell typed, changed or
 * cleared since: the person's, never written over); `missing`: the blocks of the tabs holding nothing yet. The tabs
 * that hold data are read again as they are (getValues, without the number formats the parser reads beside them),
 * to compare with the very values the run wrote.
 */
function compareWithExample(
  snapshot: SpreadsheetSnapshot,
  blocks: ExampleBlock[],
): { foreign: string[]; started: string[]; missing: ExampleBlock[] } {
  const { plan } = parsePlan(snapshot.workbook, { timeZone: snapshot.timeZone, locale: snapshot.locale });
  const foreign: string[] = [];
  const started: string[] = [];
  const missing: ExampleBlock[] = [];
  for (const tab of snapshot.sheets) {
    if (!tab.tabKey || tab.tabKey === 'targets' || !tabHoldsData(tab, plan)) {
      missing.push(...blocks.filter((b) => b.tab === tab));
      continue;
    }
    const block = blocks.find((b) => b.tab === tab);
    const held = tab.sheet.getDataRange().getValues();
    const expected = (r: number, c: number): Cell => {
      if (!block) return '';
      const row = block.cells[r - block.row];
      return row && c >= block.column ? (row[c - block.column] ?? '') : '';
    };
    const own = held.every((row, r) =>
      row.every((cell, c) => !dataCell(tab, plan, r, c, cell) || sameCell(cell, expected(r + 1, c + 1))),
    );
    const complete =
      !!block &&
      block.cells.every((row, r) =>
        row.every((cell, c) => sameCell(held[block.row - 1 + r]?.[block.column - 1 + c] ?? '', cell)),
      );
    (own && complete ? started : foreign).push(tab.name);
  }
  return { foreign, started, missing };
}

/** Menu: Insert example plan. */
export function insertExamplePlan(): ActionResult {
  return runAction('exampleTitle', (userLanguage) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const before = readSpreadsheet(ss);
    // As Insert templates decides it: the empty "策略" tab a stopped run made in a zh_TW spreadsheet is no
    // Simplified Chinese plan.
    const lang = templateLanguage(
      before,
      parsePlan(before.workbook, { timeZone: before.timeZone, locale: before.locale }).plan,
    );
    const product = String(exampleWorkbook(lang)[tabDef('strategy').label[lang]][1][1]);
    const busy = tabsWithData(before);
    // Tabs holding the example's own rows and nothing else are what a run that stopped midway left: finished now.
    let started: string[] = [];
    if (busy.length) {
      const compared = compareWithExample(before, exampleBlocks(before, lang));
      if (compared.foreign.length || !compared.started.length) {
        const tabs = compared.foreign.length ? compared.foreign : busy;
        return {
          ok: false,
          message: t('exampleRefused', userLanguage, { list: list(tabs, userLanguage) }),
          details: { tabsWithData: tabs },
        };
      }
      if (!compared.missing.length && findTab(before, 'targets'))
        return { ok: false, message: t('exampleAlreadyIn', userLanguage, { product }), details: { lang } };
      started = compared.started;
    }

    const written: string[] = [];
    let stage: 'templates' | 'rows' | 'targets' = 'templates';
    try {
      const templates = applyTemplates(before, lang);
      stage = 'rows';
      const laidOut = readSpreadsheet(ss);
      const blocks = exampleBlocks(laidOut, lang);
      const todo = started.length ? compareWithExample(laidOut, blocks).missing : blocks;
      for (const block of todo) {
        writeBlock(block.tab.sheet, block.row, block.column, block.cells);
        written.push(block.tab.name);
      }
      stage = 'targets';
      const targets = rebuildTargets(readSpreadsheet(ss), userLanguage);
      const done = started.length
        ? [
            t('exampleFinished', userLanguage, { product }),
            ...(written.length
              ? [t('exampleRowsAdded', userLanguage, { list: list(written, userLanguage) })]
              : []),
          ]
        : [t('exampleDone', userLanguage, { product, list: list(written, userLanguage) })];
      return {
        ok: targets.ok,
        message: [...done, targets.message].join('\n'),
        details: {
          lang,
          createdTabs: templates.createdTabs,
          written,
          finished: started,
          targets: targets.details ?? null,
        },
      };
    } catch (error) {
      Logger.log(error instanceof Error && error.stack ? error.stack : String(error));
      const reason = error instanceof TemplatesInterrupted ? error.message : errorText(error);
      const filled = [...started, ...written.filter((name) => !started.includes(name))];
      const state =
        stage === 'templates'
          ? error instanceof TemplatesInterrupted && error.tab
            ? t('exampleStoppedInTemplates', userLanguage, { tab: error.tab })
            : t('exampleStoppedNoRows', userLanguage)
          : stage === 'targets'
            ? t('exampleStoppedTargets', userLanguage)
            : filled.length
              ? t('exampleStoppedRows', userLanguage, { list: list(filled, userLanguage) })
              : t('exampleStoppedNoRows', userLanguage);
      return {
        ok: false,
        message: [
          t('exampleInterrupted', userLanguage, { reason }),
          state,
          t('exampleRerun', userLanguage),
        ].join('\n'),
        details: { lang, stage, written: filled },
      };
    }
  });
}
