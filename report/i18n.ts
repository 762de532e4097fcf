/**
 * Every word the report itself says, in English and Simplified Chinese. Words that come from the plan (tab
 * and column names, enum values, status labels, issue messages) live in shared/ and are not repeated here.
 *
 * `labels` are plain strings handed to the templates as they are; `phrases` are functions the view model
 * calls with numbers already formatted for the language.
 */
import { TABS } from '../shared/template';
import {
  CATALOGUES,
  fill,
  joinList,
  localized,
  type Lang,
  type Localized,
  type Messages,
  type Params,
} from '../shared/i18n';
import { NUMBER_LOCALES } from '../shared/figures';

/**
 * The required tabs, named and quoted as the language writes a list: "Strategy", "Objectives", "Key Results" ·
 * “策略”、“目标”、“关键结果” · 「策略」、「目標」、「關鍵結果」.
 */
export const requiredTabs = (lang: Lang): string =>
  joinList(
    TABS.filter((t) => t.presence === 'required').map((t) =>
      fill(CATALOGUES[lang].parse.QUOTED, { text: t.label[lang] }),
    ),
    lang,
  );

/** What a file with no plan tab gets: the tabs it has (the first five) and the ones a plan needs. */
export const noPlanTabs = (tabs: readonly string[], lang: Lang): string =>
  CATALOGUES[lang].cli.noPlanTabs(joinList(tabs.slice(0, 5), lang), requiredTabs(lang));

export type Labels = Messages['report']['labels'];
export type Phrases = Messages['report']['phrases'];

export const LABELS: Record<Lang, Labels> = {
  en: CATALOGUES.en.report.labels,
  'zh-CN': CATALOGUES['zh-CN'].report.labels,
  'zh-TW': CATALOGUES['zh-TW'].report.labels,
};
export const PHRASES: Record<Lang, Phrases> = {
  en: CATALOGUES.en.report.phrases,
  'zh-CN': CATALOGUES['zh-CN'].report.phrases,
  'zh-TW': CATALOGUES['zh-TW'].report.phrases,
};

/** The Intl locale of numbers and months in each language (days: shared/figures.ts dayFigure). */
export const LOCALES: Record<Lang, { numbers: string }> = {
  en: { numbers: NUMBER_LOCALES.en },
  'zh-CN': { numbers: NUMBER_LOCALES['zh-CN'] },
  'zh-TW': { numbers: NUMBER_LOCALES['zh-TW'] },
};

/** Status shapes, so status never relies on colour alone (with the text label beside them). */
export const STATUS_ICONS = {
  'not-started': '○',
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '✕',
  // Its own shape, not only its own colour: the departments table and objective lists show the icon alone.
  missed: '⊗',
  'needs-attention': '!',
  done: '✓',
  'no-data': '–',
} as const;

// ---------------------------------------------------------------------------------------------------
// The live spreadsheet (--sheet) and the previous report (--previous): the CLI's one-line messages, and the
// words of the "Since the last report" section. Placeholders are {name}; `say` fills them.

/** A catalogue entry in the reader's language with its {placeholders} filled. */
export function say(entry: Localized, lang: Lang, params: Params = {}): string {
  return fill(entry[lang], params);
}

/** Why a file is not a readable workbook (report/read-xlsx.ts): the CLI prints `FILE: ` and one of these. */
export const FILE_MESSAGES = {
  empty: localized((m) => m.report.file.empty),
  encrypted: localized((m) => m.report.file.encrypted),
  legacy: localized((m) => m.report.file.legacy),
  pdf: localized((m) => m.report.file.pdf),
  markup: localized((m) => m.report.file.markup),
  text: localized((m) => m.report.file.text),
  notXlsx: localized((m) => m.report.file.notXlsx),
  lockFile: localized((m) => m.report.file.lockFile),
  openDocument: localized((m) => m.report.file.openDocument),
  otherZip: localized((m) => m.report.file.otherZip),
  corrupt: localized((m) => m.report.file.corrupt),
  damagedZip: localized((m) => m.report.file.damagedZip),
  checksumMismatch: localized((m) => m.report.file.checksumMismatch),
  notWellFormed: localized((m) => m.report.file.notWellFormed),
  damagedPart: localized((m) => m.report.file.damagedPart),
  noWorksheets: localized((m) => m.report.file.noWorksheets),
  noSharedStrings: localized((m) => m.report.file.noSharedStrings),
  cellOutside: localized((m) => m.report.file.cellOutside),
  rowOutside: localized((m) => m.report.file.rowOutside),
  mergeOutside: localized((m) => m.report.file.mergeOutside),
  partTooLarge: localized((m) => m.report.file.partTooLarge),
  textTooLong: localized((m) => m.report.file.textTooLong),
  emptyWorkbook: localized((m) => m.report.file.emptyWorkbook),
  noSuchFile: localized((m) => m.report.file.noSuchFile),
  noSuchFileButSheet: localized((m) => m.report.file.noSuchFileButSheet),
  isFolder: localized((m) => m.report.file.isFolder),
  permissionDenied: localized((m) => m.report.file.permissionDenied),
  unreadable: localized((m) => m.report.file.unreadable),
} as const satisfies Record<string, Localized>;

/** What the usual file system error codes mean, said after the code (report/errors.ts codeOf). */
export const FILE_SYSTEM_WORDS: Record<string, Localized> = {
  EACCES: localized((m) => m.report.fileSystem.EACCES),
  EPERM: localized((m) => m.report.fileSystem.EPERM),
  EBUSY: localized((m) => m.report.fileSystem.EBUSY),
  ENOTEMPTY: localized((m) => m.report.fileSystem.ENOTEMPTY),
  ENOTDIR: localized((m) => m.report.fileSystem.ENOTDIR),
  ENOENT: localized((m) => m.report.fileSystem.ENOENT),
  EEXIST: localized((m) => m.report.fileSystem.EEXIST),
  EISDIR: localized((m) => m.report.fileSystem.EISDIR),
  EROFS: localized((m) => m.report.fileSystem.EROFS),
  ENOSPC: localized((m) => m.report.fileSystem.ENOSPC),
  EMFILE: localized((m) => m.report.fileSystem.EMFILE),
  ENAMETOOLONG: localized((m) => m.report.fileSystem.ENAMETOOLONG),
};

/** Why the output (--out) cannot be written: the CLI prints `DIR: ` and one of these. */
export const OUTPUT_MESSAGES = {
  symlink: localized((m) => m.report.output.symlink),
  notFolder: localized((m) => m.report.output.notFolder),
  uninspectable: localized((m) => m.report.output.uninspectable),
  notOurs: localized((m) => m.report.output.notOurs),
  markerUnreadable: localized((m) => m.report.output.markerUnreadable),
  foreignFiles: localized((m) => m.report.output.foreignFiles),
  noParent: localized((m) => m.report.output.noParent),
  unwritable: localized((m) => m.report.output.unwritable),
  parentUnwritable: localized((m) => m.report.output.parentUnwritable),
  mountPoint: localized((m) => m.report.output.mountPoint),
  exists: localized((m) => m.report.output.exists),
  notXlsxName: localized((m) => m.report.output.notXlsxName),
  workingFolder: localized((m) => m.report.output.workingFolder),
  skipsReport: localized((m) => m.report.output.skipsReport),
  notCarried: localized((m) => m.report.output.notCarried),
  otherPlanReport: localized((m) => m.report.output.otherPlanReport),
  laterReport: localized((m) => m.report.output.laterReport),
} as const satisfies Record<string, Localized>;

/** The command line's own words: --help, and why the arguments cannot be used (exit 2). */
export const USAGE_MESSAGES = {
  help: localized((m) => m.report.usage.help),
  badLang: localized((m) => m.report.usage.badLang),
  badAsOf: localized((m) => m.report.usage.badAsOf),
  badAsOfLike: localized((m) => m.report.usage.badAsOfLike),
  emptyFile: localized((m) => m.report.usage.emptyFile),
  badLocale: localized((m) => m.report.usage.badLocale),
  unknownOption: localized((m) => m.report.usage.unknownOption),
  missingValue: localized((m) => m.report.usage.missingValue),
  dashValue: localized((m) => m.report.usage.dashValue),
  noValue: localized((m) => m.report.usage.noValue),
  badArguments: localized((m) => m.report.usage.badArguments),
  tooManyFiles: localized((m) => m.report.usage.tooManyFiles),
  fileAndSheet: localized((m) => m.report.usage.fileAndSheet),
  unexpectedArgument: localized((m) => m.report.usage.unexpectedArgument),
  unknownCommand: localized((m) => m.report.usage.unknownCommand),
  unexpectedFailure: localized((m) => m.report.usage.unexpectedFailure),
  outputFailed: localized((m) => m.report.usage.outputFailed),
} as const satisfies Record<string, Localized>;

export const SHEET_MESSAGES = {
  badSheetArg: localized((m) => m.report.sheet.badSheetArg),
  badApiRoot: localized((m) => m.report.sheet.badApiRoot),
  noCredentials: localized((m) => m.report.sheet.noCredentials),
  badCredentialsFile: localized((m) => m.report.sheet.badCredentialsFile),
  badCredentialsJson: localized((m) => m.report.sheet.badCredentialsJson),
  unauthenticated: localized((m) => m.report.sheet.unauthenticated),
  forbidden: localized((m) => m.report.sheet.forbidden),
  forbiddenServiceAccount: localized((m) => m.report.sheet.forbiddenServiceAccount),
  forbiddenUser: localized((m) => m.report.sheet.forbiddenUser),
  forbiddenToken: localized((m) => m.report.sheet.forbiddenToken),
  scopeMissing: localized((m) => m.report.sheet.scopeMissing),
  scopeFixUser: localized((m) => m.report.sheet.scopeFixUser),
  scopeFixToken: localized((m) => m.report.sheet.scopeFixToken),
  scopeFixServiceAccount: localized((m) => m.report.sheet.scopeFixServiceAccount),
  apiDisabled: localized((m) => m.report.sheet.apiDisabled),
  noQuotaProject: localized((m) => m.report.sheet.noQuotaProject),
  noQuotaProjectFixAdc: localized((m) => m.report.sheet.noQuotaProjectFixAdc),
  noQuotaProjectFixToken: localized((m) => m.report.sheet.noQuotaProjectFixToken),
  notFound: localized((m) => m.report.sheet.notFound),
  busy: localized((m) => m.report.sheet.busy),
  busyQuota: localized((m) => m.report.sheet.busyQuota),
  busyServer: localized((m) => m.report.sheet.busyServer),
  retrying: localized((m) => m.report.sheet.retrying),
  officeFile: localized((m) => m.report.sheet.officeFile),
  failed: localized((m) => m.report.sheet.failed),
  network: localized((m) => m.report.sheet.network),
  timeout: localized((m) => m.report.sheet.timeout),
  badResponse: localized((m) => m.report.sheet.badResponse),
  noPlanTabs: localized((m) => m.report.sheet.noPlanTabs),
} as const satisfies Record<string, Localized>;

export const PREVIOUS_MESSAGES = {
  unreadable: localized((m) => m.report.previous.unreadable),
  notPlanJson: localized((m) => m.report.previous.notPlanJson),
  unknownVersion: localized((m) => m.report.previous.unknownVersion),
  newer: localized((m) => m.report.previous.newer),
  otherPlan: localized((m) => m.report.previous.otherPlan),
  otherProduct: localized((m) => m.report.previous.otherProduct),
  writtenWithout: localized((m) => m.report.previous.writtenWithout),
  startedAgain: localized((m) => m.report.previous.startedAgain),
  refused: localized((m) => m.report.previous.refused),
  adviceRenamed: localized((m) => m.report.previous.adviceRenamed),
  adviceOther: localized((m) => m.report.previous.adviceOther),
  adviceUnreachable: localized((m) => m.report.previous.adviceUnreachable),
  adviceFolder: localized((m) => m.report.previous.adviceFolder),
  adviceOwn: localized((m) => m.report.previous.adviceOwn),
  historyAtRisk: localized((m) => m.report.previous.historyAtRisk),
  used: localized((m) => m.report.previous.used),
} as const satisfies Record<string, Localized>;

/** Why a --previous could not be used: the {reason} of PREVIOUS_MESSAGES, in the same language. */
export const PREVIOUS_REASONS = {
  invalidUrl: localized((m) => m.report.previous.reasons.invalidUrl),
  httpsOnly: localized((m) => m.report.previous.reasons.httpsOnly),
  status: localized((m) => m.report.previous.reasons.status),
  timeout: localized((m) => m.report.previous.reasons.timeout),
  tooLarge: localized((m) => m.report.previous.reasons.tooLarge),
  tooManyRedirects: localized((m) => m.report.previous.reasons.tooManyRedirects),
  credentials: localized((m) => m.report.previous.reasons.credentials),
  blockedPort: localized((m) => m.report.previous.reasons.blockedPort),
  noFile: localized((m) => m.report.previous.reasons.noFile),
  noPlanJson: localized((m) => m.report.previous.reasons.noPlanJson),
  notJson: localized((m) => m.report.previous.reasons.notJson),
  notJsonFolder: localized((m) => m.report.previous.reasons.notJsonFolder),
  noVersion: localized((m) => m.report.previous.reasons.noVersion),
  noAsOf: localized((m) => m.report.previous.reasons.noAsOf),
  malformed: localized((m) => m.report.previous.reasons.malformed),
} as const satisfies Record<string, Localized>;

export const SINCE_WORDS = {
  title: localized((m) => m.report.since.title),
  intro: localized((m) => m.report.since.intro),
  statusChanges: localized((m) => m.report.since.statusChanges),
  noStatusChanges: localized((m) => m.report.since.noStatusChanges),
  attainment: localized((m) => m.report.since.attainment),
  attainmentChange: localized((m) => m.report.since.attainmentChange),
  checkIns: localized((m) => m.report.since.checkIns),
  checkInsCount: localized((m) => m.report.since.checkInsCount),
  more: localized((m) => m.report.since.more),
  noCheckIns: localized((m) => m.report.since.noCheckIns),
  corrections: localized((m) => m.report.since.corrections),
  correction: localized((m) => m.report.since.correction),
  targetChanges: localized((m) => m.report.since.targetChanges),
  noTargetChanges: localized((m) => m.report.since.noTargetChanges),
  addedRemoved: localized((m) => m.report.since.addedRemoved),
  added: localized((m) => m.report.since.added),
  removed: localized((m) => m.report.since.removed),
  targetChange: localized((m) => m.report.since.targetChange),
  targetUnlogged: localized((m) => m.report.since.targetUnlogged),
  fieldChange: localized((m) => m.report.since.fieldChange),
  weightField: localized((m) => m.report.since.weightField),
  /** A blank Unit, as the unit-mismatch message names it. */
  noUnit: localized((m) => m.parse.NO_UNIT),
  changedBy: localized((m) => m.report.since.changedBy),
  objective: localized((m) => m.report.since.objective),
  keyResult: localized((m) => m.report.since.keyResult),
  kpi: localized((m) => m.report.since.kpi),
  trend: localized((m) => m.report.since.trend),
  trendCaption: localized((m) => m.report.since.trendCaption),
} as const satisfies Record<string, Localized>;
