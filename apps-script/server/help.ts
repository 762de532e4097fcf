/** Menu: Help. A short alert: what each menu item does, in the person's language. */
import { columnDef, tabDef, TABS, TARGETS_AS_OF } from '../../shared/template';
import { notify } from './action';
import { TRACKED_FIELDS } from './change-log';
import { list, t, userLang } from './i18n';

/** `sheetId`: the spreadsheet's ID, for the report command line (`gtm-pyramid report --sheet ID`). */
export function helpText(lang: ReturnType<typeof userLang>, sheetId = 'SPREADSHEET_ID'): string {
  return t('helpText', lang, {
    sheetId,
    tabs: list(
      TABS.filter((tab) => tab.key !== 'targets').map((tab) => tab.label[lang]),
      lang,
    ),
    targets: tabDef('targets').label[lang],
    asOf: TARGETS_AS_OF.label[lang],
    changes: tabDef('changes').label[lang],
    fields: list(
      (TRACKED_FIELDS.keyResults ?? []).map((key) => columnDef('keyResults', key).label[lang]),
      lang,
    ),
  });
}

export function showHelp(): { ok: true; message: string } {
  const lang = userLang();
  const message = helpText(lang, SpreadsheetApp.getActiveSpreadsheet().getId());
  notify(t('helpTitle', lang), message);
  return { ok: true, message };
}
