/**
 * The Actuals tab's rows as columns. A plan of 10,000 key results has about 127,000 check-ins; the parser reads
 * them into five arrays (row i of the tab is rows[i], dates[i], …) rather than one object per row, and the check-in
 * screen and progress read the arrays. Making, keeping and collecting the row objects was the largest single cost
 * of reading such a plan, and no stage needed them. Row numbers and values are typed arrays: in a plain array each
 * value that is not a small integer (11631.89) is a separate 16-byte object, 127,000 of them at 10,000 key results,
 * and on the machines this project is measured on, every fresh page of memory a run touches costs about as much
 * as reading a thousand cells (docs/report.md, "How much of it is the collector").
 *
 * `plan.actuals` is still there for every other reader, as a list of Actual objects made from the columns when it
 * is first read (and kept). A plan made by hand, with `actuals` as a plain list, gets its columns made from that
 * list on first use.
 */
import type { Actual, Plan, SheetLayout } from './plan';
import { tabDef, type Localized } from './template';
import type { IsoDate } from './calendar';
import { TextTable } from './text-table';

export interface CheckInColumns {
  /** 1-based row numbers on the Actuals tab. */
  rows: Int32Array;
  /**
   * Each check-in's date as a day number, 2026-03-15 as 20260315 (dayNumber): ordered as the dates are, its month
   * worked out without text (monthIndexOfDayNumber), and four bytes a row where a list of 127,000 dates was eight
   * bytes a row of fresh memory for each read of a large plan. dateAt gives the date as text.
   */
  days: Int32Array;
  /**
   * Each check-in's Metric cell as read, by its number in metricNames (metricAt gives the text): a plan's check-ins
   * name each metric many times (127,000 check-ins of 18,500 metrics at 10,000 key results), and the screen works out
   * each metric's facts once, by number, where a list of the texts was eight bytes a check-in of fresh memory.
   */
  metricOf: Int32Array;
  /** The Metric cells' texts, each once, numbered in the order first read. */
  metricNames: TextTable;
  /** Finite numbers (a cell that is not one is an issue, and its row is not read). */
  values: Float64Array;
  /**
   * The Note of each row that has one, by index (`notes.get(i) ?? ''`): most check-ins have none, and a column of
   * 127,000 empty notes was a megabyte of fresh memory for each read of a large plan.
   */
  notes: Map<number, string>;
  /**
   * Rows whose metric and date were read but whose value could not be, each with an error at its cell: their month
   * is not missing a check-in, one was typed, and the error says what to fix (screenCheckIns, refusedMonths).
   */
  unread?: { metric: string; date: IsoDate }[];
  /**
   * Check-ins (by index, as `rows[i]`) whose Value said it is a percentage: typed with its % sign ("1250%"), or shown
   * as one by its format (RowReader.saysPercent). Never taken for a whole percent typed without its sign
   * (screenCheckIns). By index, not row: a row of a tab kept as months in columns holds several check-ins.
   */
  saysPercent?: Set<number>;
  /**
   * Check-ins (by index) whose Value is text, typed so ("１２０", "1.2萬", "NT$１２０") or shown by its format
   * ("NT$120"), with that text as the cell shows it: what a message quotes of the cell, so the reader finds it. A
   * plain number is quoted in the metric's unit. Kept only for such check-ins (most are plain numbers).
   */
  shown?: Map<number, string>;
  /**
   * The 1-based column of each check-in's value cell, where it is not the layout's Value column: an Actuals tab kept
   * as months in columns (one row per metric, a column per month) has none, and each check-in is the cell under its
   * month's header. Every message about a check-in names that cell (valueCellColumn). Absent for the usual layout.
   */
  valueColumns?: Int32Array;
}

/**
 * A date "YYYY-MM-DD" as the number YYYYMMDD. Every check-in's date is in that form (readDate keeps years to
 * DATE_YEARS, and every later stage relies on the form); one that is not is a mistake in the code.
 */
export function dayNumber(date: IsoDate): number {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) {
      if (date.charCodeAt(i) !== 45) break;
      continue;
    }
    const c = date.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) break;
    n = n * 10 + c;
    if (i === 9 && date.length === 10) return n;
  }
  throw new Error(`A check-in's date is not YYYY-MM-DD: ${date}`);
}

/** Day texts by day number, each made once: a plan's check-ins fall on a few hundred days (bounded all the same). */
const DAY_TEXTS = new Map<number, IsoDate>();

/** The date a day number (dayNumber) stands for, as text. */
export function dayText(day: number): IsoDate {
  let text = DAY_TEXTS.get(day);
  if (text === undefined) {
    const y = Math.floor(day / 10000);
    const m = Math.floor(day / 100) % 100;
    const d = day % 100;
    text = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    if (DAY_TEXTS.size < 8192) DAY_TEXTS.set(day, text);
  }
  return text;
}

/** monthIndex (calendar.ts) of a day number's month: monthIndexOfDay(dayText(day)), without the text. */
export const monthIndexOfDayNumber = (day: number): number =>
  Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1;

/** Check-in i's Metric cell as read. */
export const metricAt = (c: CheckInColumns, i: number): string => c.metricNames.texts[c.metricOf[i]];

/** Check-in i's date as text. */
export const dateAt = (c: CheckInColumns, i: number): IsoDate => dayText(c.days[i]);

/** The column of check-in i's value cell: its own (months in columns), else the layout's Value column. */
export function valueCellColumn(c: CheckInColumns, i: number, valueColumn: number | undefined): number {
  return c.valueColumns?.[i] ?? valueColumn ?? 1;
}

const VALUE_LABEL = tabDef('actuals').columns.find((c) => c.key === 'value')!.label;

/**
 * What a message calls the field of check-in i's value: the Value column's name, or, where the tab keeps months in
 * columns, the header of the cell's own month ("4月"), as typed.
 */
export function valueFieldOf(c: CheckInColumns, i: number, layout: SheetLayout | undefined): Localized {
  const header = c.valueColumns && layout?.wide?.headers[c.valueColumns[i]];
  return header ? { en: header, 'zh-CN': header, 'zh-TW': header } : VALUE_LABEL;
}
/** Empty columns with room for `capacity` rows (cut to size by finishColumns). */
export function newCheckInColumns(capacity: number): CheckInColumns & { count: number } {
  return {
    count: 0,
    // Typed arrays, so that the room a parse reserves and does not use is never touched (nor paged in).
    rows: new Int32Array(capacity),
    days: new Int32Array(capacity),
    metricOf: new Int32Array(capacity),
    metricNames: new TextTable(),
    values: new Float64Array(capacity),
    notes: new Map(),
  };
}

export function addCheckIn(
  c: CheckInColumns & { count: number },
  row: number,
  date: IsoDate,
  metric: string,
  value: number,
  note: string,
): void {
  const i = c.count++;
  c.rows[i] = row;
  c.days[i] = dayNumber(date);
  c.metricOf[i] = c.metricNames.add(metric);
  c.values[i] = value;
  if (note !== '') c.notes.set(i, note);
}

/** The columns cut to the rows added. */
export function finishColumns(c: CheckInColumns & { count: number }): CheckInColumns {
  const { count, metricNames, notes } = c;
  // Views of the first `count` (a parse reserves a row per row of the tab, and most of them are check-ins).
  const columns: CheckInColumns = {
    rows: c.rows.subarray(0, count),
    days: c.days.subarray(0, count),
    metricOf: c.metricOf.subarray(0, count),
    metricNames,
    values: c.values.subarray(0, count),
    notes,
  };
  if (c.valueColumns) columns.valueColumns = c.valueColumns.subarray(0, count);
  return columns;
}

/** Row i as the Actual object plan.actuals holds. */
export function checkInAt(c: CheckInColumns, i: number): Actual {
  return {
    row: c.rows[i],
    date: dateAt(c, i),
    metric: metricAt(c, i),
    value: c.values[i],
    note: c.notes.get(i) ?? '',
  };
}

function columnsOf(actuals: readonly Actual[]): CheckInColumns {
  const c = newCheckInColumns(actuals.length);
  for (const a of actuals) addCheckIn(c, a.row, a.date, a.metric, a.value, a.note);
  return finishColumns(c);
}

// The columns of each plan: the parser's, or those made from a plan's own list of actuals.
const COLUMNS = new WeakMap<Plan, CheckInColumns>();

/** The plan's check-ins as columns. */
export function checkInColumns(plan: Plan): CheckInColumns {
  let columns = COLUMNS.get(plan);
  if (!columns) COLUMNS.set(plan, (columns = columnsOf(plan.actuals)));
  return columns;
}

/**
 * Gives a plan the parser made its check-ins as columns, and makes its `actuals` from them when first read: an
 * own, enumerable property in its usual place, so JSON, spreads and equality see the list as ever. Setting
 * `actuals` replaces the list, and the columns are then made from the new one.
 */
export function attachCheckIns(plan: Plan, columns: CheckInColumns): void {
  COLUMNS.set(plan, columns);
  let list: Actual[] | null = null;
  Object.defineProperty(plan, 'actuals', {
    enumerable: true,
    configurable: true,
    get: () => (list ??= Array.from(columns.rows, (_, i) => checkInAt(columns, i))),
    set: (actuals: Actual[]) => {
      list = actuals;
      COLUMNS.delete(plan);
    },
  });
}
