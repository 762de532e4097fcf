/**
 * Small editing helpers for tests that start from the example workbook and change cells the way a person
 * would: by tab, by the row's ID (first column) and by the column's header.
 */
import type { Cell, Grid, Workbook } from '../../shared';

/** 0-based column index of a header on the tab's first row; throws when the test names a header that is not there. */
export function colOf(grid: Grid, header: string): number {
  const i = grid[0].findIndex((c) => c === header);
  if (i < 0) throw new Error(`No header "${header}" in ${JSON.stringify(grid[0])}`);
  return i;
}

/** 0-based row index of the row whose first cell is `id`. */
export function rowOf(grid: Grid, id: string): number {
  const i = grid.findIndex((r) => Array.isArray(r) && r[0] === id);
  if (i < 0) throw new Error(`No row "${id}"`);
  return i;
}

/** Set one cell, addressed by tab, row ID (first column) and header. */
export function setCell(workbook: Workbook, tab: string, id: string, header: string, value: Cell): void {
  const grid = workbook[tab];
  grid[rowOf(grid, id)][colOf(grid, header)] = value;
}

export function getCell(workbook: Workbook, tab: string, id: string, header: string): Cell {
  const grid = workbook[tab];
  return grid[rowOf(grid, id)][colOf(grid, header)];
}

/** Delete a whole column by its header. */
export function dropColumn(workbook: Workbook, tab: string, header: string): void {
  const grid = workbook[tab];
  const c = colOf(grid, header);
  for (const row of grid) row.splice(c, 1);
}

/** Append a row given as header → value (other cells blank). */
export function addRow(workbook: Workbook, tab: string, values: Record<string, Cell>): number {
  const grid = workbook[tab];
  const row: Cell[] = grid[0].map(() => '');
  for (const [header, value] of Object.entries(values)) row[colOf(grid, header)] = value;
  grid.push(row);
  return grid.length; // 1-based row number of the new row
}

/** A deep copy, so a test's edits never leak into another. */
export function cloneWorkbook(workbook: Workbook): Workbook {
  return Object.fromEntries(
    Object.entries(workbook).map(([name, grid]) => [
      name,
      grid.map((row) =>
        Array.isArray(row) ? row.map((c) => (c instanceof Date ? new Date(c.getTime()) : c)) : row,
      ),
    ]),
  );
}

/**
 * Two key results (KR6, KR7) of the example's O1 whose monthly targets are halves to round, which as doubles fall
 * just under the half: 0 → 17.5% over 2026 is 4.375% in March and 13.125% in September; 5.1 points over 2026,
 * 0.425 a month. `date` makes a date cell (a serial, or a Date) from YYYY-MM-DD.
 */
export function addHalfKeyResults(workbook: Workbook, date: (iso: string) => Cell): void {
  const base = {
    Objective: 'O1',
    'Key result': 'Halves',
    Owner: 'Sales',
    Direction: 'increase',
    Phasing: 'even',
  };
  const dates = { Baseline: 0, Start: date('2026-01-01'), Due: date('2026-12-31') };
  addRow(workbook, 'Key Results', { ...base, ...dates, ID: 'KR6', Type: 'level', Unit: '%', Target: 0.175 });
  addRow(workbook, 'Key Results', {
    ...base,
    ...dates,
    ID: 'KR7',
    Type: 'cumulative',
    Unit: 'points',
    Target: 5.1,
  });
}
