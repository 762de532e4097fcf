/**
 * The add-on menu (Extensions → GTM Pyramid). onOpen may run in AuthMode.NONE (installed but not yet enabled in
 * this document, facts #52–53): then only the menu may be built, and nothing that needs authorisation may be
 * touched, not even the spreadsheet. The labels come from Session.getActiveUserLocale(), which works in every
 * mode. onInstall runs in FULL and builds the same menu (facts #54).
 */
import type { Localized } from '../../shared/template';
import { MESSAGES, userLang } from './i18n';

/** Menu items in order: caption and the top-level function (a wrapper in entry.js) the click runs. */
export const MENU_ITEMS: readonly { label: Localized; fn: string }[] = [
  { label: MESSAGES.menuInsertTemplates, fn: 'insertTemplates' },
  { label: MESSAGES.menuInsertExample, fn: 'insertExamplePlan' },
  { label: MESSAGES.menuDecompose, fn: 'decomposeTargets' },
  { label: MESSAGES.menuCheckPlan, fn: 'showCheckSidebar' },
  { label: MESSAGES.menuHelp, fn: 'showHelp' },
];

/** Simple trigger: builds the menu. Touches only Session (locale) and the Ui menu, in any auth mode. */
export function onOpen(e?: GAS.OpenEvent): void {
  void e; // the same menu in every mode: every item is safe to show, its function asks for authorisation on click
  const lang = userLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.label[lang], item.fn);
  });
  menu.addToUi();
}

/** Runs when the add-on is installed from inside the editor: build the menu now, without a reload. */
export function onInstall(e?: GAS.OpenEvent): void {
  onOpen(e);
}
