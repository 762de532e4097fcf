/**
 * The "Check plan" sidebar (issue 5 fills it in): opens the HTML file `sidebar` (dist/apps-script/sidebar.html,
 * built from apps-script/sidebar/ with its CSS and JS inlined). The sidebar's google.script.run targets are
 * exported from index.ts and wrapped in entry.js like every other server function.
 */
import { t, userLang } from './i18n';

export const SIDEBAR_FILE = 'sidebar';

/** Menu: Check plan. */
export function showCheckSidebar(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(
    `${t('addonTitle', lang)}: ${t('menuCheckPlan', lang)}`,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
