/**
 * Rows of the Actuals tab that a column of the person's own says are not actual amounts. People keep a plan against
 * its actuals in one tab, with a column the template does not have saying what each row is (項目, 類別, 說明,
 * "Type"): 指標 | 項目 | 1月 | 2月 … with a 目標 row and a 實際 row per key result, or one row per check-in with
 * 目標 and 實際 in turn, or a 累計 row (the running total) under the 實際 row of a label merged over both. Read as
 * check-ins, the targets and the totals are added to the actuals: a key result 960 to date read 1,960.
 *
 * A column is taken for such a column only when most of its cells are such words, each the whole text of its cell:
 * the words that head a month's target or actual column (MONTH_QUALIFIER_WORDS: 目標, 預算, Plan, Budget, Forecast;
 * 實際, 實績, Actual) and those of totals to date (TO_DATE_WORDS: 累計, YTD), alone or with an actual word (累計實際),
 * matched as headers are (template.ts monthQualifierOf). It must hold words of two kinds (目標 and 實際,
 * 實際 and 累計): a Note column that mentions 目標 in a note is left as it is, and so is a column of one word. It is
 * decided once per column, from the distinct texts of its cells (a kind column has a handful), so a tab of 127,000
 * rows costs a lookup per cell of the columns of the person's own, and nothing for a tab without one.
 *
 * Then a row of targets is no check-in (plan-rows-in-actuals, said once at its first cell). A row of totals to date
 * beside rows of actuals of its metric (實際 or nothing in the column) repeats them: it is no check-in either
 * (to-date-rows-in-actuals). A row of totals to date that is its metric's only figures is counted as typed, and the
 * text of its cell read as its Note, so the checks say it as a Note saying 累計 is said (to-date-note), with the
 * amount of each month to type.
 */
import { a1, cellText, idText, isBlank, type Cell } from './cells';
import { inEveryLanguage } from './i18n';
import { makeIssue, type PlanIssue } from './issues';
import type { SheetLayout } from './plan';
import {
  MONTH_QUALIFIER_WORDS,
  columnDef,
  monthQualifierOf,
  tabDef,
  toDateWord,
  withoutNote,
} from './template';

type RowKind = 'plan' | 'actual' | 'to-date';

/** What actualKinds reads of the Actuals tab (parse.ts TableRows). */
interface KindTable {
  grid: readonly unknown[];
  firstRow: number;
  /** The 0-based indexes of the template's columns. */
  known: readonly number[];
  headerCells: readonly Cell[];
  layout: SheetLayout;
  monthColumns?: readonly number[];
  monthTargets?: readonly number[];
}

export interface ActualKinds {
  /** The rows (0-based) that are no check-ins: targets, and totals to date beside their metric's actuals. */
  leftOut: Set<number>;
  /** The rows (1-based) counted whose cell says they are totals to date, with that text: read as their Note. */
  toDate: Map<number, string>;
}

/** The cells of a column of the person's own read before it is given up as no kind column (see kindColumn). */
const GIVE_UP_AFTER = 20;
/** A kind column's cells that are such words, at least: two, and this share of those not blank. */
const KIND_SHARE = 0.6;
/** Longer text is a note, never a kind (no cell of it is read further). */
const LONGEST_KIND = 24;
/** What a message lists of the cells it names, at most, then "…". */
const LISTED = 3;

/** The kind a cell's text says, whole ("目標", "Actual", "實際（萬元）", "累計", "累計實際"), or null (a note, 達成率). */
function kindOf(text: string): RowKind | null {
  const qualifier = monthQualifierOf(text);
  if (qualifier !== null) return qualifier === 'target' ? 'plan' : 'actual';
  // A total to date: the word alone, or with an actual word (累計實際, "YTD actual"), as toDateWord reads it.
  const word = toDateWord(text);
  if (word === null) return null;
  const rest = withoutNote(text.normalize('NFKC')).replace(word, '').trim();
  return rest === '' || monthQualifierOf(rest) === 'actual' ? 'to-date' : null;
}

/**
 * The kind column of an Actuals tab (0-based) with the kind of each distinct text in it, or null: the first column
 * of the person's own most of whose cells are kind words of two kinds or more (see the top of this file).
 */
function kindColumn(table: KindTable): { column: number; kinds: Map<string, RowKind | null> } | null {
  const { grid, firstRow, known, headerCells } = table;
  const months = new Set([...(table.monthColumns ?? []), ...(table.monthTargets ?? [])]);
  for (let c = 0; c < headerCells.length; c++) {
    if (known.includes(c) || months.has(c + 1)) continue;
    const kinds = new Map<string, RowKind | null>();
    const seen = new Set<RowKind>();
    let said = 0;
    let other = 0;
    for (let r = firstRow; r < grid.length; r++) {
      const row = grid[r];
      const cell = Array.isArray(row) ? (row[c] as Cell) : undefined;
      if (isBlank(cell)) continue;
      let kind: RowKind | null = null;
      if (typeof cell === 'string' && cell.length <= LONGEST_KIND) {
        if (kinds.has(cell)) kind = kinds.get(cell)!;
        else kinds.set(cell, (kind = kindOf(cell)));
      }
      if (kind === null) {
        if (++other >= GIVE_UP_AFTER && other > said) break;
      } else {
        said++;
        seen.add(kind);
      }
    }
    if (
      said >= 2 &&
      said >= KIND_SHARE * (said + other) &&
      seen.size >= 2 &&
      (seen.has('plan') || seen.has('to-date'))
    )
      return { column: c, kinds };
  }
  return null;
}

/**
 * The rows of the Actuals tab that its kind column says are no check-ins, and those counted as totals to date (see
 * the top of this file), with the issues said at the kind column's cells; null without a kind column (most tabs).
 */
export function actualKinds(table: KindTable, timeZone: string, issues: PlanIssue[]): ActualKinds | null {
  const found = kindColumn(table);
  const metricColumn = table.layout.columns.metric;
  if (!found || metricColumn === undefined) return null;
  const { column, kinds } = found;
  const { grid, firstRow, layout } = table;
  const plans: number[] = [];
  const toDate: number[] = [];
  const kindAt = (row: readonly Cell[]): RowKind | null => {
    const cell = row[column];
    return isBlank(cell) ? 'actual' : typeof cell === 'string' ? (kinds.get(cell) ?? null) : null;
  };
  const metricOf = (row: readonly Cell[]) => idText(row[metricColumn - 1], timeZone).toLowerCase();
  for (let r = firstRow; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row) || isBlank(row[metricColumn - 1])) continue;
    const kind = kindAt(row);
    if (kind === 'plan') plans.push(r);
    else if (kind === 'to-date') toDate.push(r);
  }
  // The metrics (in lower case) with a row of actuals, 實際 in the kind column or nothing: read only where a row
  // says it is a total to date.
  const withActuals = new Set<string>();
  for (let r = toDate.length ? firstRow : grid.length; r < grid.length; r++) {
    const row = grid[r];
    if (Array.isArray(row) && !isBlank(row[metricColumn - 1]) && kindAt(row) === 'actual')
      withActuals.add(metricOf(row));
  }
  const out: ActualKinds = { leftOut: new Set(plans), toDate: new Map() };
  const repeated: number[] = [];
  for (const r of toDate) {
    const row = grid[r] as Cell[];
    if (withActuals.has(metricOf(row))) {
      repeated.push(r);
      out.leftOut.add(r);
    } else out.toDate.set(r + 1, cellText(row[column], timeZone));
  }
  // A column without a header is called by its header cell.
  const header = cellText(table.headerCells[column], timeZone) || a1(layout.headerRow, column + 1);
  const say = (code: 'plan-rows-in-actuals' | 'to-date-rows-in-actuals', rows: number[]) => {
    if (!rows.length) return;
    const first = grid[rows[0]] as Cell[];
    issues.push(
      makeIssue(
        code,
        { sheet: layout.sheet, row: rows[0] + 1, column: column + 1 },
        {
          tab: layout.sheet,
          header,
          word: cellText(first[column], timeZone),
          id: idText(first[metricColumn - 1], timeZone),
          count: rows.length,
          keyResultsTab: tabDef('keyResults').label,
          target: columnDef('keyResults', 'target').label,
          targetsTab: tabDef('targets').label,
          actual: inEveryLanguage((lang) => MONTH_QUALIFIER_WORDS[lang].actual[0]),
          rows: inEveryLanguage((lang) =>
            [...rows.slice(0, LISTED).map((r) => String(r + 1)), ...(rows.length > LISTED ? ['…'] : [])].join(
              lang === 'en' ? ', ' : '、',
            ),
          ),
        },
      ),
    );
  };
  say('plan-rows-in-actuals', plans);
  say('to-date-rows-in-actuals', repeated);
  if (out.toDate.size) layout.kindColumn = { column: column + 1, header, rows: [...out.toDate.keys()] };
  return out.leftOut.size || out.toDate.size ? out : null;
}

/** Check-ins (as their rows, 1-based, and their notes by index) of rows counted as totals to date: the kind's text joins the Note. */
export function noteToDateRows(
  kinds: ActualKinds | null,
  rows: ArrayLike<number>,
  notes: Map<number, string>,
): void {
  if (!kinds?.toDate.size) return;
  for (let i = 0; i < rows.length; i++) {
    const text = kinds.toDate.get(rows[i]);
    if (text === undefined) continue;
    const note = notes.get(i);
    notes.set(i, note ? `${text}；${note}` : text);
  }
}
