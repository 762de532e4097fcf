/**
 * Insert example plan: the worked example of the domain brief (shared/example.ts), in the spreadsheet's language.
 * It goes only into an empty spreadsheet or into template tabs that hold nothing but their header: when any plan
 * tab already holds data, it refuses and changes nothing. Otherwise it inserts the templates (so the example gets
 * the same notes, drop-downs and formats), writes the example's rows in one block per tab, and decomposes the
 * targets.
 */
import { instantOfWallClock } from '../../shared/calendar';
import { cellText, isBlank, type Cell } from '../../shared/cells';
import { exampleWorkbook } from '../../shared/example';
import { parsePlan } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { STRATEGY_FIELDS, matchesLabel, tabDef, type Lang } from '../../shared/template';
import { runAction, type ActionResult } from './action';
import { rebuildTargets } from './decompose-targets';
import { list, t } from './i18n';
import {
  findTab,
  hasPlanTabs,
  readSpreadsheet,
  sheetDate,
  writeBlock,
  type SheetSnapshot,
  type SpreadsheetSnapshot,
} from './sheets-adapter';
import { applyTemplates, TEMPLATE_TABS } from './templates';

/** True when a plan tab holds anything beyond its header (and, on Strategy, beyond the field names). */
export function tabHoldsData(tab: SheetSnapshot, plan: Plan): boolean {
  if (!tab.tabKey) return false;
  const layout = plan.layout[tab.tabKey];
  const headerRow = layout?.headerRow ?? 0;
  const fieldColumn = tab.tabKey === 'strategy' ? (layout?.columns.field ?? 1) : 0;
  return tab.values.some((row, r) =>
    row.some((cell, c) => {
      if (isBlank(cell) || r + 1 === headerRow) return false;
      if (c + 1 === fieldColumn && STRATEGY_FIELDS.some((f) => matchesLabel(cellText(cell), f.label)))
        return false;
      return true;
    }),
  );
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

/** Writes the example's rows into the tabs as they are now laid out (after Insert templates). */
function writeExample(snapshot: SpreadsheetSnapshot, lang: Lang): string[] {
  const { plan } = parsePlan(snapshot.workbook, { timeZone: snapshot.timeZone, locale: snapshot.locale });
  const example = exampleWorkbook(lang, { date: (iso) => sheetDate(iso, snapshot.timeZone) });
  const written: string[] = [];
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
      const block: Cell[][] = Array.from({ length: last - first + 1 }, () => ['']);
      for (const [row, value] of wanted) block[row - first][0] = value;
      writeBlock(tab.sheet, first, layout.columns.value, block);
      written.push(tab.name);
      continue;
    }
    const keys = def.columns.map((c) => c.key);
    const width = Math.max(...keys.map((k) => layout.columns[k] ?? 0));
    const block = grid.slice(1).map((row) => {
      const out: Cell[] = Array.from({ length: width }, () => '');
      keys.forEach((key, i) => {
        const column = layout.columns[key];
        if (column)
          out[column - 1] =
            def.key === 'changes' && key === 'timestamp' ? dateTimeCell(row[i], snapshot.timeZone) : row[i];
      });
      return out;
    });
    if (block.length && width > 0) {
      writeBlock(tab.sheet, layout.headerRow + 1, 1, block);
      written.push(tab.name);
    }
  }
  return written;
}

/** Menu: Insert example plan. */
export function insertExamplePlan(): ActionResult {
  return runAction('exampleTitle', (userLanguage) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const before = readSpreadsheet(ss);
    const busy = tabsWithData(before);
    if (busy.length)
      return {
        ok: false,
        message: t('exampleRefused', userLanguage, { list: list(busy, userLanguage) }),
        details: { tabsWithData: busy },
      };
    const lang = hasPlanTabs(before)
      ? parsePlan(before.workbook, { timeZone: before.timeZone, locale: before.locale }).plan.lang
      : before.localeLang;
    const templates = applyTemplates(before, lang);
    const written = writeExample(readSpreadsheet(ss), lang);
    const targets = rebuildTargets(readSpreadsheet(ss), userLanguage);
    const product = exampleWorkbook(lang)[tabDef('strategy').label[lang]][1][1];
    const message = [
      t('exampleDone', userLanguage, { product: String(product), list: list(written, userLanguage) }),
      targets.message,
    ].join('\n');
    return {
      ok: targets.ok,
      message,
      details: { lang, createdTabs: templates.createdTabs, written, targets: targets.details ?? null },
    };
  });
}
