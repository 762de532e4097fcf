/**
 * The words the "Check plan" sidebar's server functions send back (Go to cell, quick fixes), in both languages.
 * Issue messages and fixes come from shared/issues.ts; tab names from shared/template.ts. The sidebar's own
 * labels (buttons, headings) live with the client in apps-script/sidebar/sidebar.ts.
 */
import { localized } from '../../shared/i18n';
import { langFromLocale, type Localized, type Lang } from '../../shared/template';
import { userLang } from './i18n';

export const CHECK_MESSAGES = {
  checkFailed: localized((m) => m.addon.check.checkFailed),

  // Go to cell.
  goToBadArgs: localized((m) => m.addon.check.goToBadArgs),
  goToNoSheet: localized((m) => m.addon.check.goToNoSheet),
  goToOutside: localized((m) => m.addon.check.goToOutside),
  goToChanged: localized((m) => m.addon.check.goToChanged),
  goToDone: localized((m) => m.addon.check.goToDone),

  // Quick fixes: the button labels.
  fixTitle: localized((m) => m.addon.check.fixTitle),
  fixFillId: localized((m) => m.addon.check.fixFillId),
  fixAddDepartment: localized((m) => m.addon.check.fixAddDepartment),
  fixRebuildTargets: localized((m) => m.addon.check.fixRebuildTargets),
  fixTypeValue: localized((m) => m.addon.check.fixTypeValue),
  fixTypeValueAt: localized((m) => m.addon.check.fixTypeValueAt),
  fixUseId: localized((m) => m.addon.check.fixUseId),
  fixUseIdAt: localized((m) => m.addon.check.fixUseIdAt),

  // Quick fixes: what happened.
  fixBadArgs: localized((m) => m.addon.check.fixBadArgs),
  fixGone: localized((m) => m.addon.check.fixGone),
  fixNotOffered: localized((m) => m.addon.check.fixNotOffered),
  fixChanged: localized((m) => m.addon.check.fixChanged),
  fixFilledId: localized((m) => m.addon.check.fixFilledId),
  fixAddedDepartment: localized((m) => m.addon.check.fixAddedDepartment),
  fixRebuilt: localized((m) => m.addon.check.fixRebuilt),
  fixTypedValue: localized((m) => m.addon.check.fixTypedValue),
  fixFormula: localized((m) => m.addon.check.fixFormula),
} satisfies Record<string, Localized>;

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
