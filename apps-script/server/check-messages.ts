/**
 * The words the "Check plan" sidebar's server functions send back (Go to cell, quick fixes), in both languages.
 * Issue messages and fixes come from shared/issues.ts; tab names from shared/template.ts. The sidebar's own
 * labels (buttons, headings) live with the client in apps-script/sidebar/sidebar.ts.
 */
import { bi, langFromLocale, type Bilingual, type Lang } from '../../shared/template';
import { userLang } from './i18n';

export const CHECK_MESSAGES = {
  checkFailed: bi('The plan could not be checked: {reason}', '无法检查计划：{reason}'),

  // Go to cell.
  goToBadArgs: bi(
    'Go to cell needs a tab name and one cell such as B7.',
    '“转到单元格”需要工作表名称和一个单元格，例如 B7。',
  ),
  goToNoSheet: bi(
    'There is no tab named "{sheet}" in this spreadsheet any more (renamed or deleted?). Check the plan again.',
    '此表格中已没有名为“{sheet}”的工作表（可能已改名或删除）。请重新检查计划。',
  ),
  goToOutside: bi(
    'Cell {cell} is outside the tab "{sheet}". Check the plan again.',
    '单元格 {cell} 超出了工作表“{sheet}”的范围。请重新检查计划。',
  ),
  goToDone: bi('Selected {sheet}!{cell}.', '已选中 {sheet}!{cell}。'),

  // Quick fixes: the button labels.
  fixTitle: bi('Quick fix', '快速修复'),
  fixFillId: bi('Fill in ID {id}', '填入编号 {id}'),
  fixAddDepartment: bi('Add "{name}" to {tab}', '把“{name}”添加到“{tab}”'),
  fixRebuildTargets: bi('Rebuild {tab}', '重建“{tab}”'),

  // Quick fixes: what happened.
  fixBadArgs: bi('This quick fix request is not valid.', '快速修复请求无效。'),
  fixGone: bi(
    'That problem is no longer in the plan (fixed already, or the sheet changed). Check the plan again.',
    '该问题已不在计划中（可能已修复或表格已变化）。请重新检查计划。',
  ),
  fixNotOffered: bi(
    'This problem has no safe quick fix; fix it in the sheet.',
    '此问题没有安全的快速修复方式，请在表格中修改。',
  ),
  fixFilledId: bi('Wrote the ID {id} in {cell}.', '已在 {cell} 写入编号 {id}。'),
  fixAddedDepartment: bi(
    'Added "{name}" to {cell}. Fill in its lead and colour if you like.',
    '已将“{name}”添加到 {cell}。可补充负责人和颜色。',
  ),
  fixRebuilt: bi('Rebuilt {cell}.', '已重建 {cell}。'),
} satisfies Record<string, Bilingual>;

export type CheckMessageKey = keyof typeof CHECK_MESSAGES;

/** A message in one language with {name} parameters filled in. */
export function tc(key: CheckMessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return CHECK_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The language a sidebar call asked for ('en', 'zh-CN', or a locale such as 'zh_CN'); the person's own
 * (Session.getActiveUserLocale) when it asked for none.
 */
export function requestedLang(lang: unknown): Lang {
  return typeof lang === 'string' && lang.trim() !== '' ? langFromLocale(lang.trim()) : userLang();
}

/** 'Key Results'!B7 as people read it in a message: Key Results!B7. */
export function cellName(sheet: string, a1: string): string {
  return `${sheet}!${a1}`;
}

/** An exception's message, whatever realm made it (a plain `instanceof Error` misses errors from other contexts). */
export function reasonOf(error: unknown): string {
  if (
    error !== null &&
    typeof error === 'object' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
    return (error as { message: string }).message;
  return String(error);
}

/** An exception's stack for the execution log, or its text. */
export function stackOf(error: unknown): string {
  const stack =
    error !== null && typeof error === 'object' ? (error as { stack?: unknown }).stack : undefined;
  return typeof stack === 'string' ? stack : reasonOf(error);
}
