/**
 * A unit note in a title row above a tab's header row, as a Traditional Chinese QA round typed it: 「單位：新台幣萬元」
 * over the Key Results and Actuals tabs (also 单位：万元, "Unit: thousands", "(in NT$K)"). The numbers below are read
 * as typed, as they are under a header with such a note (header-scale): said at the note, in the same words, since a
 * Target of 3000 meant as 3000 萬元 was shown as 3,000 元 with nothing said.
 */
import { noteScale, scaledUnit, type Grid } from './cells';
import { makeIssue, type PlanIssue } from './issues';
import type { SheetLayout } from './plan';
import { typedNumberColumns, type TabKey } from './template';

/** A title cell that says what unit the tab's numbers are in: 單位：萬元, 单位: 万元, Unit: thousands, (in NT$K). */
const UNIT_TITLE =
  /^[(（[【]?\s*(?:金額單位|金额单位|單位|单位|units?|amounts?\s+in|figures\s+in|in)(?![a-z])\s*[:：]?\s*(.+?)\s*[)）\]】]?$/i;

/**
 * A title-scale warning at each cell above a tab's header row that counts its numbers in a multiple (UNIT_TITLE,
 * noteScale), on a tab people type numbers into; not where every metric's Unit already counts in that multiple (a
 * Unit of 萬元 under 單位：萬元), as headerScaleIssues does for a header's note.
 */
export function titleScaleIssues(
  tables: ReadonlyMap<TabKey, { grid: Grid; layout: SheetLayout }>,
  rows: { keyResults: readonly { unit: string }[]; kpis: readonly { unit: string }[] },
  issues: PlanIssue[],
): void {
  for (const [tab, { grid, layout }] of tables) {
    if (layout.headerRow <= 1 || typedNumberColumns(tab).length === 0) continue;
    const metrics = tab === 'keyResults' || tab === 'kpis' ? rows[tab] : [...rows.keyResults, ...rows.kpis];
    for (let r = 0; r < layout.headerRow - 1; r++) {
      const row = grid[r];
      if (!Array.isArray(row)) continue;
      row.forEach((cell, c) => {
        if (typeof cell !== 'string') return;
        const note = UNIT_TITLE.exec(cell.normalize('NFKC').trim())?.[1];
        const exponent = note ? noteScale(note) : 0;
        if (exponent <= 0) return;
        if (metrics.length && metrics.every((m) => (scaledUnit(m.unit)?.exponent ?? 0) === exponent)) return;
        issues.push(
          makeIssue(
            'title-scale',
            { sheet: layout.sheet, row: r + 1, column: c + 1 },
            { title: cell.trim(), multiple: (10 ** exponent).toLocaleString('en-US') },
          ),
        );
      });
    }
  }
}
