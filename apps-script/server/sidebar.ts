/**
 * The "Check plan" sidebar: opens the HTML file `sidebar` (dist/apps-script/sidebar.html, built from
 * apps-script/sidebar/ with its CSS and JS inlined). Its google.script.run targets are getPlanCheck and goToCell
 * (plan-check.ts) and applyQuickFix (quick-fix.ts), exported from index.ts and wrapped in entry.js like every other
 * server function. See docs/sidebar.md.
 */
import { t, userLang } from './i18n';
import { isChinese } from '../../shared/i18n';

export const SIDEBAR_FILE = 'sidebar';

/** Menu: Check plan. The title is "GTM Pyramid: Check plan" (Chinese uses the full-width colon). */
export function showCheckSidebar(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(
    `${t('addonTitle', lang)}${isChinese(lang) ? '：' : ': '}${t('menuCheckPlan', lang)}`,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
