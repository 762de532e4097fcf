/**
 * Plan issues: every problem the parser and the checks find, with a stable code, a message and a fix in
 * both languages, and the cell to jump to. The catalogue below is the only place their words live.
 */
import { a1 } from './cells';
import type { Bilingual, Lang } from './template';
import { bi } from './template';

export type Severity = 'error' | 'warning' | 'tip';
export type IssueCategory = 'structure' | 'method' | 'tracking';

export interface PlanIssue {
  severity: Severity;
  category: IssueCategory;
  code: IssueCode;
  message: Bilingual;
  fix: Bilingual;
  /** The tab (as named in the workbook, or as the template names it when the tab is missing). */
  sheet: string;
  /** 1-based; null only when the whole tab is missing. */
  row: number | null;
  column: number | null;
  a1: string | null;
}

type Params = Record<string, string | number>;

interface CatalogEntry {
  severity: Severity;
  category: IssueCategory;
  message: Bilingual;
  fix: Bilingual;
}

const entry = (
  severity: Severity,
  category: IssueCategory,
  message: Bilingual,
  fix: Bilingual,
): CatalogEntry => ({
  severity,
  category,
  message,
  fix,
});

export const ISSUE_CATALOG = {
  // Structure: the workbook's shape and its cells.
  'missing-tab': entry(
    'error',
    'structure',
    bi('The "{tab}" tab is missing.', '缺少“{tab}”工作表。'),
    bi(
      'Add it with Insert templates, or rename your tab to "{tab}".',
      '用“插入模板”添加，或把你的工作表改名为“{tab}”。',
    ),
  ),
  'missing-tab-optional': entry(
    'warning',
    'structure',
    bi('The "{tab}" tab is missing, so {what} cannot be shown.', '缺少“{tab}”工作表，因此无法显示{what}。'),
    bi('Add it with Insert templates.', '用“插入模板”添加。'),
  ),
  'missing-column': entry(
    'error',
    'structure',
    bi('Column "{column}" is missing on "{tab}".', '“{tab}”表缺少“{column}”列。'),
    bi('Add a header "{column}" in row {row}.', '在第 {row} 行添加表头“{column}”。'),
  ),
  'missing-column-optional': entry(
    'warning',
    'structure',
    bi(
      'Column "{column}" is missing on "{tab}"; the default is used.',
      '“{tab}”表缺少“{column}”列，将使用默认值。',
    ),
    bi('Add a header "{column}" in row {row} to set it.', '如需设置，请在第 {row} 行添加表头“{column}”。'),
  ),
  'duplicate-column': entry(
    'warning',
    'structure',
    bi(
      'Column "{column}" appears twice on "{tab}"; only the first is read.',
      '“{tab}”表的“{column}”列出现了两次，只读取第一列。',
    ),
    bi('Rename or delete the second one.', '重命名或删除重复的列。'),
  ),
  'empty-sheet': entry(
    'error',
    'structure',
    bi('The "{tab}" tab has no header row.', '“{tab}”表没有表头行。'),
    bi('Run Insert templates to add the headers.', '运行“插入模板”添加表头。'),
  ),
  'missing-id': entry(
    'error',
    'structure',
    bi('Row {row} has content but no ID.', '第 {row} 行有内容但没有编号。'),
    bi('Give it a short unique ID, e.g. {example}.', '填写一个简短且唯一的编号，例如 {example}。'),
  ),
  'duplicate-id': entry(
    'error',
    'structure',
    bi('ID "{id}" is used twice (also in row {other}).', '编号“{id}”重复（第 {other} 行也在使用）。'),
    bi('Give each row its own ID.', '每行使用不同的编号。'),
  ),
  'missing-value': entry(
    'error',
    'structure',
    bi('{field} is empty for {id}.', '{id} 的“{field}”为空。'),
    bi('Fill in {field}.', '请填写“{field}”。'),
  ),
  'formula-error': entry(
    'error',
    'structure',
    bi('{field} of {id} shows the formula error {value}.', '{id} 的“{field}”显示公式错误 {value}。'),
    bi('Fix the formula in this cell or type the value.', '修正该单元格的公式，或直接填写数值。'),
  ),
  'not-a-number': entry(
    'error',
    'structure',
    bi('{field} of {id} is "{value}", which is not a number.', '{id} 的“{field}”为“{value}”，不是数字。'),
    bi('Type a number such as 50000 or 20%.', '请填写数字，例如 50000 或 20%。'),
  ),
  'not-a-date': entry(
    'error',
    'structure',
    bi('{field} of {id} is "{value}", which is not a date.', '{id} 的“{field}”为“{value}”，不是日期。'),
    bi('Type a date as 2026-03-01.', '请按 2026-03-01 的格式填写日期。'),
  ),
  'invalid-choice': entry(
    'error',
    'structure',
    bi(
      '{field} of {id} is "{value}"; allowed: {allowed}.',
      '{id} 的“{field}”为“{value}”，可选值：{allowed}。',
    ),
    bi('Pick one of: {allowed}.', '请从以下选项中选择：{allowed}。'),
  ),
  'dates-reversed': entry(
    'error',
    'structure',
    bi('{id} ends ({end}) before it starts ({start}).', '{id} 的结束日期（{end}）早于开始日期（{start}）。'),
    bi('Swap or correct the dates.', '调换或更正日期。'),
  ),
  'outside-period': entry(
    'warning',
    'structure',
    bi(
      '{field} of {id} ({value}) is outside the plan period {start} – {end}.',
      '{id} 的“{field}”（{value}）不在计划周期 {start} – {end} 内。',
    ),
    bi(
      'Move the date into the period, or widen the period on the Strategy tab.',
      '把日期移入周期内，或在“策略”表中调整周期。',
    ),
  ),
  'period-missing': entry(
    'error',
    'structure',
    bi('The plan period is not set.', '未设置计划周期。'),
    bi(
      'Fill in Period start and Period end on the Strategy tab.',
      '在“策略”表中填写“周期开始”和“周期结束”。',
    ),
  ),
  'period-reversed': entry(
    'error',
    'structure',
    bi('The plan period ends before it starts.', '计划周期的结束早于开始。'),
    bi('Correct Period start and Period end.', '更正“周期开始”与“周期结束”。'),
  ),
  'period-too-long': entry(
    'warning',
    'structure',
    bi(
      'The plan period spans {months} months; targets are decomposed over at most {max}.',
      '计划周期长达 {months} 个月，目标最多分解 {max} 个月。',
    ),
    bi('Plan one year or two at a time.', '建议每次规划一到两年。'),
  ),
  'unknown-objective': entry(
    'error',
    'structure',
    bi('{id} belongs to objective "{ref}", which does not exist.', '{id} 所属的目标“{ref}”不存在。'),
    bi('Use an ID from the Objectives tab.', '请使用“目标”表中的编号。'),
  ),
  'unknown-key-result': entry(
    'error',
    'structure',
    bi('{id} refers to key result "{ref}", which does not exist.', '{id} 引用的关键结果“{ref}”不存在。'),
    bi('Use an ID from the Key Results tab.', '请使用“关键结果”表中的编号。'),
  ),
  'unknown-parent': entry(
    'error',
    'structure',
    bi(
      'The parent "{ref}" of {id} is neither an objective nor a key result.',
      '{id} 的上级“{ref}”既不是目标也不是关键结果。',
    ),
    bi('Use an objective or key result ID, or leave it empty.', '请填写目标或关键结果编号，或留空。'),
  ),
  'parent-cycle': entry(
    'error',
    'structure',
    bi("Objectives {cycle} are each other's parents in a loop.", '目标 {cycle} 互为上级，形成了循环。'),
    bi(
      'Break the loop: one of them must have no parent or another one.',
      '打破循环：其中一个目标的上级需留空或改为其他目标。',
    ),
  ),
  'unknown-owner': entry(
    'error',
    'structure',
    bi('Owner "{owner}" of {id} is not on the Departments tab.', '{id} 的负责部门“{owner}”不在“部门”表中。'),
    bi(
      'Add "{owner}" to Departments or pick a listed department.',
      '把“{owner}”添加到“部门”表，或选择已有部门。',
    ),
  ),
  'direction-contradiction': entry(
    'warning',
    'structure',
    bi(
      '{id} should {direction}, but its target {target} is not beyond its baseline {baseline}.',
      '{id} 的方向是{direction}，但目标值 {target} 并未超过基线 {baseline}。',
    ),
    bi('Check the direction, the baseline and the target.', '请核对方向、基线和目标值。'),
  ),
  'unknown-metric': entry(
    'warning',
    'structure',
    bi(
      'Actuals row {row} is for "{metric}", which is neither a key result nor a KPI.',
      '实际数据第 {row} 行的指标“{metric}”既不是关键结果也不是 KPI。',
    ),
    bi('Use a key result or KPI ID.', '请使用关键结果或 KPI 的编号。'),
  ),
  'custom-weights-missing': entry(
    'warning',
    'structure',
    bi(
      '{id} uses custom phasing but has no weights on the Targets tab; it is split evenly.',
      '{id} 使用自定义分解，但“目标分解”表中没有权重，暂按平均分解。',
    ),
    bi(
      'Run Decompose targets, then type weights in its weights row.',
      '运行“分解目标”，然后在其权重行填写权重。',
    ),
  ),
  'targets-mismatch': entry(
    'warning',
    'structure',
    bi(
      'The Targets tab shows {sheetValue} for {id} in {month}, but the plan gives {value}.',
      '“目标分解”表中 {id} 在 {month} 的值为 {sheetValue}，但按计划应为 {value}。',
    ),
    bi('Run Decompose targets again to rebuild the tab.', '重新运行“分解目标”以重建该表。'),
  ),
  'targets-row-missing': entry(
    'warning',
    'structure',
    bi('{id} has no row on the Targets tab.', '“目标分解”表中没有 {id} 的行。'),
    bi('Run Decompose targets again to rebuild the tab.', '重新运行“分解目标”以重建该表。'),
  ),
  // Plausibility: numbers that read but cannot mean what they say (everyday typing mistakes).
  'target-equals-baseline': entry(
    'error',
    'structure',
    bi(
      'The target of {id} equals its baseline ({value}): there is nothing to reach, so {id} is left out of progress.',
      '{id} 的目标值等于基线（{value}）：没有需要达成的量，因此 {id} 不计入进度。',
    ),
    bi(
      'Type the value {id} should reach; it must differ from the baseline.',
      '填写 {id} 要达到的值，它必须与基线不同。',
    ),
  ),
  'percent-as-whole-number': entry(
    'error',
    'structure',
    bi(
      '{field} of {id}: {value} looks like {value}% — type {value}% or {ratio}. {consequence}',
      '{id} 的“{field}”：{value} 看起来是 {value}% —— 请填写 {value}% 或 {ratio}。{consequence}',
    ),
    bi(
      'In a % metric, 13% is the number 0.13: type the percent sign, or the fraction.',
      '百分比指标中，13% 即数字 0.13：请带上百分号，或填写小数。',
    ),
  ),
  'confidence-out-of-range': entry(
    'error',
    'structure',
    bi(
      'Confidence of {id} is {value}; a confidence lies between 0% and 100%, so it is not shown.',
      '{id} 的信心为 {value}；信心应在 0% 到 100% 之间，因此不予显示。',
    ),
    bi('Type a confidence such as 70%, 0.7 or 70.', '请填写信心，例如 70%、0.7 或 70。'),
  ),
  'duplicate-check-in': entry(
    'warning',
    'tracking',
    bi(
      'Actuals row {row} repeats row {other} ({metric}, {date}, {value}); it is counted once.',
      '实际数据第 {row} 行与第 {other} 行重复（{metric}，{date}，{value}），只计一次。',
    ),
    bi(
      'Delete the repeated row; if it is a separate check-in, correct its date or value.',
      '删除重复的行；如果是另一次复盘，请更正其日期或数值。',
    ),
  ),
  'check-in-before-start': entry(
    'warning',
    'tracking',
    bi(
      'Actuals row {row} ({metric}, {date}) is dated before {metric} starts ({start}); it is not counted.',
      '实际数据第 {row} 行（{metric}，{date}）早于 {metric} 的开始月份（{start}），不计入。',
    ),
    bi(
      'Correct the date, or move the Start of {metric} earlier.',
      '更正日期，或把 {metric} 的开始日期提前。',
    ),
  ),
  'milestone-check-in': entry(
    'error',
    'tracking',
    bi(
      'Actuals row {row}: {metric} is a milestone, so its value is 1 (done) or 0 (not yet), not {value}; it is not counted.',
      '实际数据第 {row} 行：{metric} 是里程碑，数值只能是 1（完成）或 0（未完成），不能是 {value}；不计入。',
    ),
    bi('Type 1 when the milestone is done.', '里程碑完成时填写 1。'),
  ),
  'negative-check-in': entry(
    'error',
    'tracking',
    bi(
      'Actuals row {row}: {metric} counts up, so {value} cannot be the amount of a month; it is not counted.',
      '实际数据第 {row} 行：{metric} 是向上累计的数量，{value} 不可能是某个月的发生量；不计入。',
    ),
    bi(
      'Type the amount added in that month (0 or more), not a running total or a difference.',
      '请填写当月新增的数量（0 或以上），而不是累计值或差值。',
    ),
  ),
  // Method: the rules of thumb of the OKR/KPI method.
  'too-many-key-results': entry(
    'warning',
    'method',
    bi(
      'Objective {id} has {count} key results; keep it to {max}.',
      '目标 {id} 有 {count} 个关键结果，建议不超过 {max} 个。',
    ),
    bi('Merge or drop the least important ones: few and key.', '合并或删减次要项：少而关键。'),
  ),
  'too-many-objectives': entry(
    'warning',
    'method',
    bi(
      '{owner} owns {count} objectives; keep it to {max}.',
      '{owner} 负责 {count} 个目标，建议不超过 {max} 个。',
    ),
    bi('Focus: hand some over or drop them.', '聚焦：移交或删减部分目标。'),
  ),
  'too-many-key-results-owned': entry(
    'warning',
    'method',
    bi(
      '{owner} owns {count} key results; keep it to {max}.',
      '{owner} 负责 {count} 个关键结果，建议不超过 {max} 个。',
    ),
    bi('Focus: hand some over or drop them.', '聚焦：移交或删减部分关键结果。'),
  ),
  'too-many-kpis': entry(
    'warning',
    'method',
    bi('{owner} owns {count} KPIs; keep it to {max}.', '{owner} 负责 {count} 个 KPI，建议不超过 {max} 个。'),
    bi('Keep the KPIs that show the trend; drop the rest.', '保留最能反映趋势的 KPI，删减其余。'),
  ),
  'idle-department': entry(
    'warning',
    'method',
    bi(
      '{owner} owns no objective, key result, KPI or roadmap item.',
      '{owner} 没有负责任何目标、关键结果、KPI 或路线图事项。',
    ),
    bi(
      'Give every department something it can act on (line of sight).',
      '让每个部门都有可以行动的目标（目标可见）。',
    ),
  ),
  'kpi-without-key-result': entry(
    'warning',
    'method',
    bi('KPI {id} is not tied to a key result.', 'KPI {id} 没有关联关键结果。'),
    bi('Fill in the key result it tracks.', '填写它所跟踪的关键结果。'),
  ),
  'key-result-untracked': entry(
    'tip',
    'method',
    bi(
      'Key result {id} has neither a KPI nor a roadmap item.',
      '关键结果 {id} 既没有 KPI 也没有路线图事项。',
    ),
    bi(
      'Add a KPI that shows its pace, or the roadmap items that deliver it.',
      '添加反映进度的 KPI，或支撑它的路线图事项。',
    ),
  ),
  'key-result-without-owner': entry(
    'error',
    'method',
    bi('Key result {id} has no owner.', '关键结果 {id} 没有负责部门。'),
    bi('Name the one department accountable for it.', '指定唯一负责的部门。'),
  ),
  'strategy-unanswered': entry(
    'warning',
    'method',
    bi('The strategy does not answer "{question}" ({field}).', '产品策略未回答“{question}”（{field}）。'),
    bi('Write a one-line answer next to {field}.', '在“{field}”旁写一句话回答。'),
  ),
  'strategy-field-missing': entry(
    'tip',
    'method',
    bi('{field} is empty on the Strategy tab.', '“策略”表中的“{field}”为空。'),
    bi('Fill it in: it tops the pyramid.', '请填写：它位于金字塔顶端。'),
  ),
  'funnel-mismatch': entry(
    'warning',
    'method',
    bi(
      '{count} × {rate} ({countId} × {rateId}) makes {implied}, but objective {id} names {named}.',
      '{count} × {rate}（{countId} × {rateId}）得出 {implied}，但目标 {id} 写的是 {named}。',
    ),
    bi(
      'Agree the funnel: adjust the key results or the objective so the numbers meet.',
      '对齐漏斗：调整关键结果或目标，让数字相互吻合。',
    ),
  ),
  'objective-without-key-results': entry(
    'warning',
    'method',
    bi('Objective {id} has no key result.', '目标 {id} 没有关键结果。'),
    bi('Add up to three measurable key results.', '添加不超过三个可衡量的关键结果。'),
  ),
  // Tracking: check-ins and pace.
  'stale-check-in': entry(
    'warning',
    'tracking',
    bi('{id} has no actual for {month}.', '{id} 缺少 {month} 的实际数据。'),
    bi('Add a row to Actuals for {month}.', '在“实际”表中添加 {month} 的数据。'),
  ),
  'behind-pace': entry(
    'warning',
    'tracking',
    bi(
      '{id} is {status}: {attainment} achieved, {expected} expected by now.',
      '{id} {status}：已完成 {attainment}，此时应完成 {expected}。',
    ),
    bi(
      'Discuss it at the next review; adjust the plan or the target with a reason.',
      '在下次复盘中讨论；如需调整计划或目标，请注明原因。',
    ),
  ),
} satisfies Record<string, CatalogEntry>;

export type IssueCode = keyof typeof ISSUE_CATALOG;

/** The last sentence of percent-as-whole-number: what happens to the figure until it is fixed. */
export const PERCENT_CONSEQUENCES = {
  notCounted: bi('This value is not counted.', '该数值不计入。'),
  leftOut: bi('The key result is left out of progress until it is fixed.', '修正前，该关键结果不计入进度。'),
  kpiLeftOut: bi('The KPI is left out of progress until it is fixed.', '修正前，该 KPI 不计入进度。'),
} satisfies Record<string, Bilingual>;

const WORD = /^\w+$/;

/** `{name}` → the parameter's value (an unknown name stays as written). A scan, not a regular expression: plans
 *  with thousands of issues fill four texts each. */
function fill(template: string, params: Params): string {
  let out = '';
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (!WORD.test(name)) continue;
    out += template.slice(from, open) + (name in params ? String(params[name]) : `{${name}}`);
    from = close + 1;
    open = close;
  }
  return out + template.slice(from);
}

export interface IssueLocation {
  sheet: string;
  row: number | null;
  column: number | null;
}

/**
 * Build an issue. Params may differ per language (a field's label, a status word): pass a Bilingual
 * value and each language gets its own.
 */
export function makeIssue(
  code: IssueCode,
  at: IssueLocation,
  params: Record<string, string | number | Bilingual> = {},
): PlanIssue {
  const def = ISSUE_CATALOG[code];
  const paramsFor = (lang: Lang): Params => {
    const out: Params = {};
    for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[lang] : v;
    return out;
  };
  // Once per language, not once per text: plans with thousands of issues build them all.
  const en = paramsFor('en');
  const zh = paramsFor('zh-CN');
  const text = (b: Bilingual): Bilingual => ({ en: fill(b.en, en), 'zh-CN': fill(b['zh-CN'], zh) });
  return {
    severity: def.severity,
    category: def.category,
    code,
    message: text(def.message),
    fix: text(def.fix),
    sheet: at.sheet,
    row: at.row,
    column: at.column,
    a1: at.row !== null && at.column !== null ? a1(at.row, at.column) : null,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, tip: 2 };

/** Errors first, then by sheet and cell: the order people fix things in. */
export function sortIssues(issues: PlanIssue[]): PlanIssue[] {
  return [...issues].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.sheet.localeCompare(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

export function countBySeverity(issues: PlanIssue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, tip: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
