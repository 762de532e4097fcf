/**
 * The add-on's own words (menu, alerts, custom-function messages) in both languages. Tab names, headers and
 * enum labels are never spelled here: messages take them as parameters from shared/template.ts.
 */
import { bi, langFromLocale, type Bilingual, type Lang } from '../../shared/template';

export const MESSAGES = {
  // Menu (Extensions → GTM Pyramid).
  menuInsertTemplates: bi('Insert templates', '插入模板'),
  menuInsertExample: bi('Insert example plan', '插入示例计划'),
  menuDecompose: bi('Decompose targets', '分解目标'),
  menuCheckPlan: bi('Check plan', '检查计划'),
  menuHelp: bi('Help', '帮助'),
  addonTitle: bi('GTM Pyramid', 'GTM 金字塔'),

  // Insert templates.
  templatesTitle: bi('Insert templates', '插入模板'),
  templatesNothing: bi(
    'Every template tab and column is already in place: nothing was changed.',
    '所有模板工作表和列都已存在：未做任何更改。',
  ),
  templatesTabsAdded: bi('Added tabs: {list}.', '已添加工作表：{list}。'),
  templatesColumnsAdded: bi(
    'Added columns at the end of "{tab}": {list}.',
    '已在“{tab}”末尾添加列：{list}。',
  ),
  templatesFieldsAdded: bi('Added rows to "{tab}": {list}.', '已在“{tab}”添加行：{list}。'),
  templatesHeaderFilled: bi(
    'Wrote the header row of the empty tab "{tab}".',
    '已为空白工作表“{tab}”写入表头。',
  ),
  templatesSkipped: bi(
    '"{tab}" has content but no header row I recognise; it was left as it is.',
    '“{tab}”有内容，但未找到可识别的表头行，已保持原样。',
  ),
  templatesKept: bi('None of your cells were changed.', '你的单元格均未被修改。'),

  // Insert example plan.
  exampleTitle: bi('Insert example plan', '插入示例计划'),
  exampleRefused: bi(
    'The example plan was not inserted because these tabs already hold data: {list}. Use an empty spreadsheet, or rename those tabs first. Nothing was changed.',
    '以下工作表已有数据，因此未插入示例计划：{list}。请使用空白表格，或先将这些工作表改名。未做任何更改。',
  ),
  exampleDone: bi(
    'Inserted the example plan ({product}) into: {list}.',
    '已插入示例计划（{product}）：{list}。',
  ),

  // Decompose targets.
  decomposeTitle: bi('Decompose targets', '分解目标'),
  decomposeBlocked: bi('The targets cannot be decomposed yet:', '暂时无法分解目标：'),
  decomposeNoTabs: bi(
    'Run Insert templates first, then fill in the plan.',
    '请先运行“插入模板”，再填写计划。',
  ),
  decomposeDone: bi(
    'Rebuilt "{tab}": {krs} key results and {kpis} KPIs over {months} months ({from} – {to}), as formulas that follow the plan tabs.',
    '已重建“{tab}”：{krs} 个关键结果和 {kpis} 个 KPI，共 {months} 个月（{from} – {to}），均为随计划表自动重算的公式。',
  ),
  decomposeWeightsKept: bi('Custom weights kept for: {list}.', '已保留自定义权重：{list}。'),
  decomposeIssues: bi(
    'Problems found in the plan: {count}. They may show as errors in the formulas; open Check plan to see them.',
    '计划中发现 {count} 个问题，可能导致公式出错；请打开“检查计划”查看。',
  ),

  // Failures.
  busy: bi(
    'Someone else is updating this spreadsheet. Try again in a moment.',
    '其他人正在更新此表格，请稍后再试。',
  ),
  failed: bi('{action} did not finish: {reason}', '“{action}”未完成：{reason}'),

  // Help.
  helpTitle: bi('GTM Pyramid: help', 'GTM 金字塔：帮助'),
  helpText: bi(
    [
      'Insert templates: adds the plan tabs ({tabs}) with notes on every header, drop-downs and formats. Run it again at any time: it only adds what is missing.',
      'Insert example plan: fills an empty spreadsheet with the worked example.',
      'Decompose targets: writes one row per key result and KPI on "{targets}", one column per month, as formulas. For custom phasing, type weights in the weights rows: they are kept.',
      'Check plan: lists what is missing or inconsistent, with the cell to fix.',
      'Changes: when {fields} of a key result or KPI changes, a row is added to "{changes}"; fill in the reason.',
      "Custom functions for your own sheets: =GTM_TARGET(…) gives a month's target, =GTM_STATUS(…) a status; type one in a cell to see its arguments.",
      'Report for leadership: the gtm-pyramid command line builds a web page from this spreadsheet, with what moved since the last report: gtm-pyramid report --sheet {sheetId} --previous <last plan.json>. Publish it somewhere only your company can open (see docs/report.md): a public page shows your targets.',
    ].join('\n\n'),
    [
      '插入模板：添加计划工作表（{tabs}），每个表头都有说明，并设置下拉选项和格式。可随时再次运行：只会补充缺少的部分。',
      '插入示例计划：在空白表格中填入示例计划。',
      '分解目标：在“{targets}”中为每个关键结果和 KPI 写入一行、每月一列的公式。自定义分解请在权重行填写权重，重建时会保留。',
      '检查计划：列出缺失或不一致之处，并指向需要修改的单元格。',
      '变更记录：关键结果或 KPI 的{fields}变更时，会在“{changes}”中添加一行；请填写原因。',
      '自定义函数：=GTM_TARGET(…) 计算某月目标，=GTM_STATUS(…) 给出状态；在单元格中输入即可查看参数说明。',
      '给管理层的报告：gtm-pyramid 命令行可根据本表格生成网页，并列出自上次报告以来的变化：gtm-pyramid report --sheet {sheetId} --previous <上次的 plan.json>。请发布到仅公司内部可访问的位置（见 docs/report.md）：公开网页会暴露您的目标。',
    ].join('\n\n'),
  ),

  // Custom functions.
  fnNotANumber: bi('{fn}: {arg} is "{value}", which is not a number.', '{fn}：{arg}为“{value}”，不是数字。'),
  fnNotADate: bi(
    '{fn}: {arg} is "{value}", which is not a date (write 2026-03-01).',
    '{fn}：{arg}为“{value}”，不是日期（请写成 2026-03-01）。',
  ),
  fnMissing: bi('{fn}: {arg} is missing.', '{fn}：缺少{arg}。'),
  fnChoice: bi(
    '{fn}: {arg} is "{value}"; allowed: {allowed}.',
    '{fn}：{arg}为“{value}”，可选值：{allowed}。',
  ),
  fnReversed: bi(
    '{fn}: the due date {due} is before the start {start}.',
    '{fn}：截止日期 {due} 早于开始日期 {start}。',
  ),
  fnCustom: bi(
    '{fn}: custom phasing needs weights; use Decompose targets and type them on "{targets}".',
    '{fn}：自定义分解需要权重；请使用“分解目标”并在“{targets}”中填写。',
  ),
  fnShape: bi('{fn}: the ranges must have the same size.', '{fn}：各区域的大小必须一致。'),
  fnFailed: bi('{fn} could not compute this: {reason}', '{fn} 无法计算：{reason}'),
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** A message in one language with {name} parameters filled in. */
export function t(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A list joined the way each language writes one. */
export function list(items: string[], lang: Lang): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

/** The language of the person at the keyboard: Session's locale works in every auth mode (AuthMode.NONE included). */
export function userLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}
