/**
 * Offline emulation of the Apps Script services a Sheets editor add-on uses.
 * See docs/emulator.md for what is emulated and which Google behaviour each part imitates.
 */
export { FakeSpreadsheet, FakeSheet, FakeRange } from './spreadsheet.js';
export type { CellValue, FakeSpreadsheetOptions, SpreadsheetEmuState, ToastRecord } from './spreadsheet.js';
export {
  BooleanCriteria,
  DataValidationCriteria,
  ProtectionType,
  FakeBooleanCondition,
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  FakeNamedRange,
  FakeProtection,
} from './rules.js';
export type { ConditionalFormatSpec, DataValidationSpec } from './rules.js';
export {
  AuthMode,
  Button,
  ButtonSet,
  SandboxMode,
  XFrameOptionsMode,
  authDenial,
  createAppsScriptGlobals,
  emulatorOf,
  FakeHtmlOutput,
  FakeHtmlService,
  FakeHtmlTemplate,
  FakeLock,
  FakeLockService,
  FakeLogger,
  FakeMenu,
  FakeProperties,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeSpreadsheetApp,
  FakeUi,
  FakeUser,
  FakeUtilities,
} from './services.js';
export type {
  AlertRecord,
  AppsScriptEmulatorOptions,
  AppsScriptGlobals,
  AuthModeName,
  ButtonName,
  ButtonSetName,
  CallStats,
  DialogRecord,
  EmulatorControl,
  LockRecord,
  LogRecord,
  MenuEntry,
  MenuRecord,
  PromptRecord,
  SidebarRecord,
} from './services.js';
export { loadAppsScriptProject, fromWorkbook, toWorkbook } from './load-bundle.js';
export type { AppsScriptProject, LoadOptions, WorkbookInput } from './load-bundle.js';
export { AppsScriptException } from './errors.js';
export { HOST_REALM, type ScriptRealm } from './boundary.js';
export { formatSimpleDate, dateToSerial, serialToDate } from './time.js';
export { columnToLetters, lettersToColumn, rectToA1, type GridRect } from './a1.js';
export { customFunctionNames } from './custom-functions.js';
