/**
 * How every menu action runs: take the document lock, do the work, release the lock, then tell the person
 * what happened (an alert after the lock is released: locks do not survive the suspension of Ui.alert,
 * facts #58). Nothing escapes as an exception: failures become a message in the person's language.
 */
import type { Lang } from '../../shared/template';
import { t, userLang, type MessageKey } from './i18n';

/** What a server function returns to its caller (a menu click ignores it; google.script.run and tests read it). */
export interface ActionResult {
  ok: boolean;
  /** What happened, in the person's language, as shown in the alert. */
  message: string;
  /** Machine-readable details, JSON-safe (no Dates), for tests and the sidebar. */
  details?: Record<string, unknown>;
}

/** How long to wait for another run (another editor, a second click) to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;

export class BusyError extends Error {}

/** Runs `work` holding the document lock; flushes pending writes before releasing it (facts #56). */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return work(); // outside a document (facts #55): nothing to serialise against
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError('busy');
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Shows an alert when there is an editor to show it in; silently skips otherwise (e.g. a time-driven run). */
export function notify(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch (error) {
    Logger.log(`${title}: ${message} (no UI: ${errorText(error)})`);
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Runs a menu action: the work (under the lock), an alert with its message, and a result for the caller.
 * Any exception becomes a readable message; its stack goes to the execution log only.
 */
export function runAction(
  titleKey: MessageKey,
  work: (lang: Lang) => ActionResult,
  options: { alert?: boolean } = {},
): ActionResult {
  const lang = userLang();
  let result: ActionResult;
  try {
    result = withDocumentLock(() => work(lang));
  } catch (error) {
    Logger.log(error instanceof Error && error.stack ? error.stack : String(error));
    const reason = error instanceof BusyError ? t('busy', lang) : errorText(error);
    result = {
      ok: false,
      message: error instanceof BusyError ? reason : t('failed', lang, { action: t(titleKey, lang), reason }),
    };
  }
  if (options.alert !== false) notify(t(titleKey, lang), result.message);
  return result;
}
