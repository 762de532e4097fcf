/**
 * Subtotal rows on the Actuals tab: a row a person added to see a sum (Q4 小計 =SUM(C2:C4), a 合計 or Total row at
 * the bottom), typed with a metric and a date like any check-in. Of a cumulative key result, whose check-ins are
 * added up, it would count every amount it sums a second time: 3,500 + 3,800 + 4,000 and their 小計 11,300 read as
 * 22,600, and a key result behind plan reads as on track. screenCheckIns leaves such a row out, and says so at its
 * Value cell (subtotal-check-in), with what to do to have it counted if it is a real amount.
 *
 * A row is taken for one only on two pieces of evidence together, both in what the parser has already read:
 * - its Note says so (SUBTOTAL_WORDS: 小計, 合計, 總計, Subtotal, Total, in either Chinese script, not negated);
 * - its value is the sum of the same metric's check-ins right above it (one or more: the nearest ones, walking up),
 *   or of those above that are not subtotals themselves (a year's 合計 under its quarters' 小計), or of the
 *   subtotals above (a 合計 that adds up the 小計 rows).
 * Neither alone is enough. A Note can say 合計 of a real amount ("三家門市合計": the month's total over the stores);
 * a value can equal the rows above it by chance (1, 2, then 3). Both together, a row that says it is a subtotal and
 * is exactly one, is what a subtotal row is, and no real amount of a month looks like that by chance.
 *
 * Not used: whether the Value cell is a formula, and which cells it sums. The xlsx reader drops formula text before
 * parsing (report/read-xlsx.ts: a Targets tab is mostly formula text) and the add-on reads values (getValues), so
 * knowing it would take a second read of the tab in both; and a formula proves no more than the sum does (a subtotal
 * is as often typed as a number, and =B2*1.05 is a formula that is an amount).
 * Not found: a subtotal without such words in its Note (the same-day-amounts tip names the possibility), and the
 * label typed in the Date or Metric cell instead (合計 | | 19,300): that row is not read at all, and its cell is said
 * (not a date; not a key result or KPI), so it counts for nothing.
 *
 * Cheap: only rows with a Note are looked at (most have none), each different Note once (one without a word's
 * characters by a few string searches), and the walk up the tab happens only for the rows whose Note has a word.
 */
import { metricAt, type CheckInColumns } from './check-in-columns';
import { subtotalWord } from './template';

/** What a subtotal row sums: its word, and the sheet rows of the check-ins it adds up (first and last, how many). */
export interface Subtotal {
  word: string;
  first: number;
  last: number;
  count: number;
}

/** At most this many check-ins of the metric above a row are added up: five years of monthly check-ins. */
const MAX_SUMMED = 60;

/** Whether two sums of the same amounts, added in another order, are one number. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * The check-ins (by index in the columns) that are subtotals of the check-ins of their metric right above them, with
 * what each sums; null where there are none (nearly every plan). Metrics compare as IDs do, ignoring case. Not for an
 * Actuals tab kept as months in columns (one row per metric: no rows above to sum).
 */
export function subtotalCheckIns(c: CheckInColumns): Map<number, Subtotal> | null {
  if (c.valueColumns !== undefined || c.notes.size === 0) return null;
  // The rows whose Note has a word, in sheet order (notes are set in index order).
  const noted: { i: number; word: string }[] = [];
  // Notes repeat (the same words on many rows): each text is read once.
  const words = new Map<string, string | null>();
  for (const [i, note] of c.notes) {
    let word = words.get(note);
    if (word === undefined) words.set(note, (word = subtotalWord(note)));
    // A 0 adds nothing, counted once or twice.
    if (word !== null && c.values[i] !== 0) noted.push({ i, word });
  }
  if (noted.length === 0) return null;
  // Each check-in's previous one of the same metric (-1 for none), up to the last noted row.
  const end = noted[noted.length - 1].i;
  const before = new Int32Array(end + 1);
  const latest = new Map<string, number>();
  for (let i = 0; i <= end; i++) {
    const key = metricAt(c, i).toLowerCase();
    before[i] = latest.get(key) ?? -1;
    latest.set(key, i);
  }
  const found = new Map<number, Subtotal>();
  for (const { i, word } of noted) {
    const value = c.values[i];
    let all = 0;
    let details = 0;
    let detailCount = 0;
    let subtotals = 0;
    let subtotalCount = 0;
    let count = 0;
    for (let j = before[i]; j >= 0 && count < MAX_SUMMED; j = before[j]) {
      count++;
      all += c.values[j];
      if (found.has(j)) {
        subtotals += c.values[j];
        subtotalCount++;
      } else {
        details += c.values[j];
        detailCount++;
      }
      const n =
        subtotalCount > 0 && detailCount > 0 && same(all, value)
          ? count
          : detailCount > 0 && same(details, value)
            ? detailCount
            : subtotalCount > 0 && same(subtotals, value)
              ? subtotalCount
              : 0;
      if (n > 0) {
        found.set(i, { word, first: c.rows[j], last: c.rows[before[i]], count: n });
        break;
      }
    }
  }
  return found.size ? found : null;
}
