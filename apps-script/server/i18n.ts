/**
 * The add-on's own words (menu, alerts, custom-function messages) in both languages. Tab names, headers and
 * enum labels are never spelled here: messages take them as parameters from shared/template.ts.
 */
import { localized } from '../../shared/i18n';
import { joinList } from '../../shared/i18n';
import { langFromLocale, type Localized, type Lang } from '../../shared/template';

export const MESSAGES = {
  // Menu (Extensions → GTM Pyramid).
  menuInsertTemplates: localized((m) => m.addon.menuInsertTemplates),
  menuInsertExample: localized((m) => m.addon.menuInsertExample),
  menuDecompose: localized((m) => m.addon.menuDecompose),
  menuCheckPlan: localized((m) => m.addon.menuCheckPlan),
  menuHelp: localized((m) => m.addon.menuHelp),
  addonTitle: localized((m) => m.addon.addonTitle),

  // Insert templates.
  templatesTitle: localized((m) => m.addon.templatesTitle),
  templatesNothing: localized((m) => m.addon.templatesNothing),
  templatesTabsAdded: localized((m) => m.addon.templatesTabsAdded),
  templatesColumnsAdded: localized((m) => m.addon.templatesColumnsAdded),
  templatesFieldsAdded: localized((m) => m.addon.templatesFieldsAdded),
  templatesHeaderFilled: localized((m) => m.addon.templatesHeaderFilled),
  templatesSkipped: localized((m) => m.addon.templatesSkipped),
  templatesKept: localized((m) => m.addon.templatesKept),
  templatesColumnNear: localized((m) => m.addon.templatesColumnNear),
  templatesInterrupted: localized((m) => m.addon.templatesInterrupted),
  templatesInterruptedRerun: localized((m) => m.addon.templatesInterruptedRerun),

  // The change log (onEdit), written into Changes.
  changeLogOldNotKnown: localized((m) => m.addon.changeLogOldNotKnown),
  changeLogValues: localized((m) => m.addon.changeLogValues),
  changeLogRowCleared: localized((m) => m.addon.changeLogRowCleared),
  changeLogRowsCleared: localized((m) => m.addon.changeLogRowsCleared),

  // Insert example plan.
  exampleTitle: localized((m) => m.addon.exampleTitle),
  exampleRefused: localized((m) => m.addon.exampleRefused),
  exampleDone: localized((m) => m.addon.exampleDone),
  exampleAlreadyIn: localized((m) => m.addon.exampleAlreadyIn),
  exampleFinished: localized((m) => m.addon.exampleFinished),
  exampleRowsAdded: localized((m) => m.addon.exampleRowsAdded),
  exampleInterrupted: localized((m) => m.addon.exampleInterrupted),
  exampleStoppedInTemplates: localized((m) => m.addon.exampleStoppedInTemplates),
  exampleStoppedNoRows: localized((m) => m.addon.exampleStoppedNoRows),
  exampleStoppedRows: localized((m) => m.addon.exampleStoppedRows),
  exampleStoppedTargets: localized((m) => m.addon.exampleStoppedTargets),
  exampleRerun: localized((m) => m.addon.exampleRerun),

  // Decompose targets.
  decomposeTitle: localized((m) => m.addon.decomposeTitle),
  decomposeBlocked: localized((m) => m.addon.decomposeBlocked),
  decomposeNoTabs: localized((m) => m.addon.decomposeNoTabs),
  decomposeNotGenerated: localized((m) => m.addon.decomposeNotGenerated),
  decomposeHandTyped: localized((m) => m.addon.decomposeHandTyped),
  decomposeRenamed: localized((m) => m.addon.decomposeRenamed),
  decomposeBlockedLine: localized((m) => m.addon.decomposeBlockedLine),
  decomposeAsOfReset: localized((m) => m.addon.decomposeAsOfReset),
  decomposeRestored: localized((m) => m.addon.decomposeRestored),
  decomposeNotRestored: localized((m) => m.addon.decomposeNotRestored),
  decomposeNewTabRemoved: localized((m) => m.addon.decomposeNewTabRemoved),
  decomposeDone: localized((m) => m.addon.decomposeDone),
  decomposeWeightsKept: localized((m) => m.addon.decomposeWeightsKept),
  decomposeWeightsDropped: localized((m) => m.addon.decomposeWeightsDropped),
  decomposeWeightsNoRow: localized((m) => m.addon.decomposeWeightsNoRow),
  decomposeWeightsOutside: localized((m) => m.addon.decomposeWeightsOutside),
  decomposeWeightEntry: localized((m) => m.addon.decomposeWeightEntry),
  decomposeRowsMoved: localized((m) => m.addon.decomposeRowsMoved),
  decomposeRowMove: localized((m) => m.addon.decomposeRowMove),
  decomposeRowsRemoved: localized((m) => m.addon.decomposeRowsRemoved),
  decomposeRowRemoved: localized((m) => m.addon.decomposeRowRemoved),
  decomposeRowsLeft: localized((m) => m.addon.decomposeRowsLeft),
  decomposeNotesDropped: localized((m) => m.addon.decomposeNotesDropped),
  decomposeTypedKept: localized((m) => m.addon.decomposeTypedKept),
  decomposeTypedReplaced: localized((m) => m.addon.decomposeTypedReplaced),
  decomposeTypedDropped: localized((m) => m.addon.decomposeTypedDropped),
  decomposeTypedEntry: localized((m) => m.addon.decomposeTypedEntry),
  decomposeCellsMore: localized((m) => m.addon.decomposeCellsMore),
  decomposeIssues: localized((m) => m.addon.decomposeIssues),
  decomposeBreaks: localized((m) => m.addon.decomposeBreaks),
  decomposeBreaksPeriod: localized((m) => m.addon.decomposeBreaksPeriod),
  decomposeBreaksMore: localized((m) => m.addon.decomposeBreaksMore),
  decomposeOtherIssues: localized((m) => m.addon.decomposeOtherIssues),
  decomposeCountsRefused: localized((m) => m.addon.decomposeCountsRefused),
  decomposeReadsRefused: localized((m) => m.addon.decomposeReadsRefused),
  decomposeCellOf: localized((m) => m.addon.decomposeCellOf),

  // Failures.
  busy: localized((m) => m.addon.busy),
  failed: localized((m) => m.addon.failed),

  // Help.
  helpTitle: localized((m) => m.addon.helpTitle),
  helpText: localized((m) => m.addon.helpText),

  // Custom functions.
  fnNotANumber: localized((m) => m.addon.fnNotANumber),
  fnAmbiguousM: localized((m) => m.addon.fnAmbiguousM),
  fnDecimalMark: localized((m) => m.addon.fnDecimalMark),
  fnNotADate: localized((m) => m.addon.fnNotADate),
  fnMissing: localized((m) => m.addon.fnMissing),
  fnChoice: localized((m) => m.addon.fnChoice),
  fnReversed: localized((m) => m.addon.fnReversed),
  fnCustom: localized((m) => m.addon.fnCustom),
  fnShape: localized((m) => m.addon.fnShape),
  fnFailed: localized((m) => m.addon.fnFailed),
  fnAtCell: localized((m) => m.addon.fnAtCell),
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** A message in one language with {name} parameters filled in. */
export function t(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A list joined the way each language writes one. */
export function list(items: string[], lang: Lang): string {
  return joinList(items, lang);
}

/** The language of the person at the keyboard: Session's locale works in every auth mode (AuthMode.NONE included). */
export function userLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}
