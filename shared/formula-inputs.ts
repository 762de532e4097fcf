/**
 * Plan cells the Targets tab's formulas read (TARGETS_FORMULA_INPUTS) that the parser reads as meant but a formula
 * cannot: a number typed as text ("60k", "$1.2M", "5k", "2 hours"), a date typed as text (in a column formatted as
 * plain text; the Strategy tab's period too, "2026-12" for a period end the plan reads as 2026-12-31), a choice
 * spelled another way ("ramp up" for ramp-up), a metric ID with spaces around it ("KR1 ").
 * The report and the checks use the value meant; the formulas use the cell as it is, and give #VALUE! or leave the
 * check-in out of their SUMIFS, so the Targets tab would disagree with the plan without a word. Each such cell is
 * an `unreadable-by-formulas` warning at the cell, naming the value to type; the add-on's quick fix types it.
 *
 * Only for a plan that has a Targets tab: without one, nothing reads these cells but the parser.
 */
import {
  cellText,
  isBlank,
  isErrorValue,
  isNotApplicable,
  mergedRangesOf,
  type Cell,
  type Workbook,
} from './cells';
import { checkInColumns, dateAt, metricAt } from './check-in-columns';
import { sideBySideMonths, type IsoDate } from './calendar';
import type { Localized } from './i18n';
import type { Plan } from './plan';
import type { DecimalMark } from './locale-syntax';
import { numberFormatsOf, typedTextOf } from './number-formats';
import {
  ENUMS,
  labelSpellings,
  STRATEGY_FIELDS,
  tabDef,
  TARGETS_FORMULA_INPUTS,
  type ColumnDef,
  type EnumKey,
} from './template';

/** What a formula-readable cell holds instead: a number, a date, a choice's label, or an ID's text. */
export type FormulaReadableValue =
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: IsoDate }
  | { kind: 'choice'; value: Localized }
  | { kind: 'text'; value: string };

/** A column of a table, or a field of the Strategy tab (its Value cell). */
export type FormulaInputField = Pick<ColumnDef, 'key' | 'label' | 'kind' | 'enumKey'>;

export interface FormulaInputProblem {
  tab: InputTab;
  sheet: string;
  row: number;
  column: number;
  /** The column or Strategy field, for the message. */
  field: FormulaInputField;
  /** The row's ID (a key result's or KPI's), its metric for a check-in, the tab's name for a Strategy field. */
  id: string;
  /** The cell as typed. */
  typed: string;
  /** What to type instead: the value the parser read. */
  readable: FormulaReadableValue;
  /**
   * Set when the cell holds a number that its format shows as another (5 shown as 5萬 in a metric counted in 人: the
   * plan reads 50,000, a formula the 5 it holds): that number. `typed` is then the cell as it shows.
   */
  held?: number;
}

type InputTab = keyof typeof TARGETS_FORMULA_INPUTS;

/** Every spelling of each choice, as Sheets compares text (ignoring case): what the formulas' OR(cell="…") meet. */
const SPELLINGS = new Map<EnumKey, Map<string, Set<string>>>();

function spellingsOf(enumKey: EnumKey, choice: string): Set<string> {
  let byChoice = SPELLINGS.get(enumKey);
  if (!byChoice) {
    byChoice = new Map();
    for (const [key, label] of Object.entries(ENUMS[enumKey] as Record<string, Localized>))
      byChoice.set(key, new Set(labelSpellings(label).map((s) => s.toLowerCase())));
    SPELLINGS.set(enumKey, byChoice);
  }
  return byChoice.get(choice) ?? new Set();
}

/** A number as a spreadsheet turns text into one in arithmetic (="60000"+0 is 60000; ="60k"+0 is #VALUE!). */
const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What the cell should hold for a formula, when it holds text the formula cannot use; null when it is fine.
 * `summed`: the formulas add the column up with SUMIFS, which leaves out every text cell, "5" included.
 */
function readableInstead(
  field: FormulaInputField,
  raw: Cell,
  parsed: unknown,
  summed: boolean,
): FormulaReadableValue | null {
  // Numbers and dates are native cells; errors and blanks are other checks' business.
  if (typeof raw !== 'string' || raw.trim() === '' || isErrorValue(raw)) return null;
  if (field.enumKey) {
    if (typeof parsed !== 'string' || spellingsOf(field.enumKey, parsed).has(raw.toLowerCase())) return null;
    // A dash or N/A is the default to the plan, and no spelling of any choice to a formula: the default too.
    if (isNotApplicable(raw)) return null;
    const label = (ENUMS[field.enumKey] as Record<string, Localized>)[parsed];
    return label ? { kind: 'choice', value: label } : null;
  }
  if (field.kind === 'date') return typeof parsed === 'string' ? { kind: 'date', value: parsed } : null;
  if (field.kind === 'ratio' || field.kind === 'number') {
    if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return null;
    const text = raw.trim();
    if (!summed && PLAIN_DECIMAL.test(text) && Number(text) === parsed) return null;
    return { kind: 'number', value: parsed };
  }
  // An ID: the SUMIFS that count check-ins compare it whole.
  return typeof parsed === 'string' && parsed !== '' && parsed !== raw
    ? { kind: 'text', value: parsed }
    : null;
}

/** Every plan cell the Targets tab's formulas read that holds text they cannot compute with (see the top). */
export function formulaInputProblems(
  plan: Plan,
  workbook: Workbook,
  decimalMark: DecimalMark = '.',
): FormulaInputProblem[] {
  const out: FormulaInputProblem[] = [];
  for (const tab of Object.keys(TARGETS_FORMULA_INPUTS) as InputTab[]) {
    const layout = plan.layout[tab];
    const grid = layout ? workbook[layout.sheet] : undefined;
    if (!layout || !grid) continue;
    if (tab === 'strategy') {
      // A Field / Value list: each field's Value cell, on the row the parser found it. The period as the plan
      // read it (a month alone is its first day for a start, its last for an end); without a period there are
      // no formulas to read it.
      const column = layout.columns.value;
      const read = { periodStart: plan.period?.start, periodEnd: plan.period?.end };
      for (const key of TARGETS_FORMULA_INPUTS.strategy) {
        const row = plan.strategy.rows[key];
        const raw = row ? grid[row - 1]?.[column - 1] : undefined;
        if (!row || typeof raw !== 'string') continue;
        const field = STRATEGY_FIELDS.find((f) => f.key === key)!;
        const readable = readableInstead(field, raw, read[key], false);
        if (readable)
          out.push({ tab, sheet: layout.sheet, row, column, field, id: layout.sheet, typed: raw, readable });
      }
      continue;
    }
    const inputs = TARGETS_FORMULA_INPUTS[tab]
      .map((key) => ({
        key,
        column: layout.columns[key],
        field: tabDef(tab).columns.find((c) => c.key === key)!,
      }))
      .filter((input) => input.column !== undefined);
    const formats = numberFormatsOf(grid);
    /** One row: the value the parser read for a key is looked up only for a text cell, or a number shown through a
     * format (nearly every cell is a plain number or a date, and this runs over every check-in). */
    const scan = (row: number, id: string, parsed: (key: string) => unknown) => {
      const cells = grid[row - 1];
      if (!Array.isArray(cells)) return;
      for (const { key, column, field } of inputs) {
        const raw = cells[column - 1];
        if (typeof raw === 'number') {
          const code = formats?.[row - 1]?.[column - 1];
          if (!code || !Number.isFinite(raw)) continue;
          const read = parsed(key);
          if (typeof read !== 'number' || Math.abs(read - raw) <= 1e-9 * Math.max(1, Math.abs(raw))) continue;
          const typed = typedTextOf(raw, code, decimalMark) ?? String(raw);
          out.push({
            tab,
            sheet: layout.sheet,
            row,
            column,
            field,
            id,
            typed,
            readable: { kind: 'number', value: read },
            held: raw,
          });
          continue;
        }
        if (typeof raw !== 'string') continue;
        const readable = readableInstead(field, raw, parsed(key), tab === 'actuals');
        if (readable) out.push({ tab, sheet: layout.sheet, row, column, field, id, typed: raw, readable });
      }
    };
    if (tab === 'actuals') {
      const c = checkInColumns(plan);
      let at = 0;
      // Read only for a text or formatted cell, not for every check-in.
      const parsed = (key: string) =>
        key === 'date'
          ? dateAt(c, at)
          : key === 'metric'
            ? metricAt(c, at)
            : key === 'value'
              ? c.values[at]
              : undefined;
      // A row kept as months in columns holds several check-ins, and is scanned once.
      for (; at < c.rows.length; at++)
        if (at === 0 || c.rows[at] !== c.rows[at - 1]) scan(c.rows[at], metricAt(c, at), parsed);
      // Months in columns the Targets tab's formulas read (sideBySideMonths): each figure under a month is a Value
      // cell, called by its month's header as the parser calls it ("40k" under 3月: SUMPRODUCT takes it as 0).
      const wide = layout.wide;
      if (wide && c.valueColumns && plan.period && sideBySideMonths(plan.period.months, wide.months)) {
        const valueField = tabDef('actuals').columns.find((col) => col.key === 'value')!;
        for (let i = 0; i < c.rows.length; i++) {
          const row = c.rows[i];
          const column = c.valueColumns[i];
          const raw = grid[row - 1]?.[column - 1];
          if (typeof raw !== 'string') continue;
          const header = wide.headers[column] ?? '';
          const field = { ...valueField, label: { en: header, 'zh-CN': header, 'zh-TW': header } };
          const readable = readableInstead(field, raw, c.values[i], true);
          if (readable)
            out.push({
              tab,
              sheet: layout.sheet,
              row,
              column,
              field,
              id: metricAt(c, i),
              typed: raw,
              readable,
            });
        }
      }
    } else {
      for (const record of tab === 'keyResults' ? plan.keyResults : plan.kpis) {
        const fields = record as unknown as Record<string, unknown>;
        scan(record.row, record.id, (key) => fields[key]);
      }
    }
  }
  return out;
}

/**
 * A Date or Metric cell merged over several Actuals rows (one date typed once for a week's check-ins, a metric's ID
 * over its monthly rows). The plan reads it in every row of the block, as a label (fillMergedCells); a spreadsheet
 * keeps it in the block's top cell only, the others read blank, so the Targets tab's SUMIFS and COUNTIFS find no
 * date or metric in the rows below the top and leave their check-ins out: the tab's figures would differ from the
 * plan's without a word. (A merged Value is one amount to the plan as to the formulas: merged-amount.)
 */
export interface MergedInputProblem {
  sheet: string;
  /** The block's first and last row; `column` is the Date or Metric column it covers. */
  top: number;
  bottom: number;
  column: number;
  field: FormulaInputField;
  /** The cell as the plan reads it in every row of the block. */
  value: string;
}

export function mergedInputProblems(plan: Plan, workbook: Workbook): MergedInputProblem[] {
  const layout = plan.layout.actuals;
  const grid = layout ? workbook[layout.sheet] : undefined;
  const merges = mergedRangesOf(grid);
  if (!layout || !grid || !merges) return [];
  const valueColumn = layout.columns.value;
  // The plan's own reading of a block's top row (a date cell as its day in the spreadsheet's time zone), where the
  // row is a check-in; its text otherwise.
  const checkIns = checkInColumns(plan);
  const read = (row: number, key: 'date' | 'metric', cell: Cell): string => {
    const at = checkIns.rows.indexOf(row);
    return at >= 0 ? (key === 'date' ? dateAt(checkIns, at) : metricAt(checkIns, at)) : cellText(cell);
  };
  const out: MergedInputProblem[] = [];
  for (const key of ['date', 'metric'] as const) {
    const column = layout.columns[key];
    if (column === undefined) continue;
    for (const { top, left, bottom, right } of merges) {
      if (left > column || right < column || bottom <= top || top <= layout.headerRow) continue;
      const value = grid[top - 1]?.[column - 1];
      if (isBlank(value)) continue;
      // Only where a row under the top holds a check-in the formulas would miss.
      let missed = false;
      for (let r = top + 1; r <= bottom && !missed; r++)
        missed = valueColumn !== undefined && !isBlank(grid[r - 1]?.[valueColumn - 1]);
      if (!missed) continue;
      const field = tabDef('actuals').columns.find((c) => c.key === key)!;
      out.push({ sheet: layout.sheet, top, bottom, column, field, value: read(top, key, value) });
    }
  }
  return out;
}
