/**
 * An Actuals tab kept as months in columns with the year in a row of its own above bare months, as a Traditional
 * Chinese QA round typed it: 2026年 merged over 7月–12月, 2027年 over 1月–2月 (or 115年 / 116年, 民國115年, or plain
 * 2026 / 2027), the Metric header beside the years. The month row alone says no year, and the year row names no
 * column, so the tab read as one without Date and Value columns and every check-in was lost. Here the month row is
 * read as the header row, each month with the year above it ("2026年7月"), as if typed so: a copy of the tab's cells
 * for the reader, the tab itself untouched.
 */
import {
  centredAcrossOf,
  hiddenPartsOf,
  mergedRangesOf,
  setCentredAcross,
  setHiddenParts,
  setMergedRanges,
  type Cell,
  type Grid,
} from './cells';
import { numberFormatsOf, setNumberFormats } from './number-formats';
import { monthHeaderOf } from './template';

const isBlank = (cell: Cell) => cell === '' || cell === null || cell === undefined;

/** How far down a tab the year row is looked for. */
const YEAR_ROW_REACH = 10;

/** A cell that is a year alone: 2026, 2026年, 2026年度, 115年, 民國115年 (as its Gregorian year), else null. */
function yearOf(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1900 && cell <= 2200 ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.normalize('NFKC').replace(/\s+/g, '');
  const gregorian = /^((?:19|20|21)\d{2})(?:年度?)?$/.exec(text);
  if (gregorian) return Number(gregorian[1]);
  const minguo = /^(?:民[國国])?(1\d{2})年度?$/.exec(text);
  return minguo ? Number(minguo[1]) + 1911 : null;
}

/** A month header with its year: "2026年7月" of 2026年 over 7月, "Jul 2026" of 2026 over Jul; null if unreadable. */
function withYear(year: Cell, month: string, gregorian: number): string | null {
  const m = month.trim();
  const yearText = typeof year === 'string' ? year.trim() : String(year);
  const text = /^[a-z]/i.test(m)
    ? `${m} ${gregorian}`
    : /年$/.test(yearText) && !/度$/.test(yearText)
      ? `${yearText}${m}`
      : `${gregorian}年${m}`;
  const read = monthHeaderOf(text);
  return read && read.year === gregorian ? text : null;
}

/**
 * The tab's cells with a year row folded into the bare month headers under it, or the grid itself when it has
 * none: a row where at least two bare months (7月, Jul; no year, no qualifier such as 實際) stand under a year
 * (typed over each, merged, or typed once over the first of a run of blanks), the year row's other text (the
 * Metric header) moved down beside them where the month row is blank there.
 */
export function yearRowMonths(grid: Grid): Grid {
  for (let r = 0; r + 1 < Math.min(grid.length, YEAR_ROW_REACH + 1); r++) {
    const above = grid[r];
    const below = grid[r + 1];
    if (!Array.isArray(above) || !Array.isArray(below)) continue;
    const headers = new Map<number, string>();
    let year: number | null = null;
    let yearCell: Cell = null;
    let last = 0;
    for (let c = 0; c < below.length; c++) {
      const cell = above[c];
      const typed = yearOf(cell);
      if (typed !== null) [year, yearCell, last] = [typed, cell, 0];
      else if (!isBlank(cell)) year = null;
      const month = below[c];
      if (year === null || typeof month !== 'string') continue;
      const read = monthHeaderOf(month);
      if (!read || read.year !== null || read.qualifier !== null) continue;
      // Months go forward under one year: 1月 after 12月 under a 2026 typed once is the next year's, not 2026's.
      if (read.month <= last) {
        year = null;
        continue;
      }
      last = read.month;
      const header = withYear(yearCell, month, year);
      if (header) headers.set(c, header);
    }
    if (headers.size < 2) continue;
    // Each month with its year below; the year row's other headers (指標) moved down beside them, where blank.
    const width = Math.max(above.length, below.length);
    const newAbove: Cell[] = above.slice();
    const newBelow: Cell[] = below.slice();
    for (let c = 0; c < width; c++) {
      const header = headers.get(c);
      if (header !== undefined) newBelow[c] = header;
      else if (isBlank(below[c]) && !isBlank(above[c]) && yearOf(above[c]) === null) {
        newBelow[c] = above[c];
        newAbove[c] = '';
      }
    }
    const folded: Grid = grid.slice();
    folded[r] = newAbove;
    folded[r + 1] = newBelow;
    setMergedRanges(folded, mergedRangesOf(grid));
    setCentredAcross(folded, centredAcrossOf(grid));
    setHiddenParts(folded, hiddenPartsOf(grid));
    setNumberFormats(folded, numberFormatsOf(grid));
    return folded;
  }
  return grid;
}
