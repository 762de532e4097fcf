/**
 * The slice of the Apps Script runtime the add-on's server code uses, typed by hand from Google's reference
 * (developers.google.com/apps-script/reference/…). Only what the add-on calls is declared, so a call to anything
 * else fails the type check: that keeps the code inside what the emulator imitates and the scopes allow.
 * Types live in the `GAS` namespace so that `Range` or `Sheet` never collide with DOM names.
 */

declare namespace GAS {
  type CellValue = string | number | boolean | Date;

  interface SpreadsheetApp {
    getActiveSpreadsheet(): Spreadsheet;
    getActive(): Spreadsheet;
    getUi(): Ui;
    flush(): void;
    newDataValidation(): DataValidationBuilder;
    newConditionalFormatRule(): ConditionalFormatRuleBuilder;
    ProtectionType: { RANGE: unknown; SHEET: unknown };
  }

  interface Spreadsheet {
    getId(): string;
    getSheets(): Sheet[];
    getSheetByName(name: string): Sheet | null;
    /** Makes the new sheet the active one (reference/spreadsheet/spreadsheet#insertSheet). */
    insertSheet(name: string, index: number): Sheet;
    getActiveSheet(): Sheet;
    getNumSheets(): number;
    getSpreadsheetLocale(): string;
    getSpreadsheetTimeZone(): string;
    setNamedRange(name: string, range: Range): void;
    getRangeByName(name: string): Range | null;
    getNamedRanges(): NamedRange[];
    removeNamedRange(name: string): void;
    deleteSheet(sheet: Sheet): void;
  }

  interface NamedRange {
    getName(): string;
    getRange(): Range;
    setRange(range: Range): NamedRange;
  }

  interface Sheet {
    getName(): string;
    isSheetHidden(): boolean;
    getSheetId(): number;
    getDataRange(): Range;
    getRange(row: number, column: number, numRows?: number, numColumns?: number): Range;
    getRange(a1Notation: string): Range;
    getLastRow(): number;
    getLastColumn(): number;
    getMaxRows(): number;
    getMaxColumns(): number;
    insertRowsAfter(afterPosition: number, howMany: number): Sheet;
    insertRowsBefore(beforePosition: number, howMany: number): Sheet;
    deleteRows(rowPosition: number, howMany: number): void;
    insertColumnsAfter(afterPosition: number, howMany: number): Sheet;
    setFrozenRows(rows: number): void;
    setFrozenColumns(columns: number): void;
    getFrozenRows(): number;
    getFrozenColumns(): number;
    clear(): Sheet;
    clearContents(): Sheet;
    getConditionalFormatRules(): ConditionalFormatRule[];
    setConditionalFormatRules(rules: ConditionalFormatRule[]): void;
    getProtections(type: unknown): Protection[];
    getParent(): Spreadsheet;
    /** The selection of the active sheet; null when there is none (reference/spreadsheet/sheet). */
    getActiveRange(): Range | null;
    getCurrentCell(): Range | null;
    setActiveRange(range: Range): Range;
    setCurrentCell(cell: Range): Range;
  }

  interface Range {
    getValues(): CellValue[][];
    getValue(): CellValue;
    getFormulas(): string[][];
    getFormula(): string;
    getNumberFormats(): string[][];
    getBackgrounds(): string[][];
    getNotes(): string[][];
    getFontWeights(): string[][];
    setFontWeights(weights: (string | null)[][]): Range;
    setValues(values: unknown[][]): Range;
    setFormulas(formulas: string[][]): Range;
    setNotes(notes: (string | null)[][]): Range;
    setNumberFormat(format: string): Range;
    setNumberFormats(formats: string[][]): Range;
    setDataValidation(rule: DataValidation | null): Range;
    setFontWeight(weight: 'bold' | 'normal' | null): Range;
    setBackground(color: string | null): Range;
    setBackgrounds(colors: (string | null)[][]): Range;
    protect(): Protection;
    getRow(): number;
    getColumn(): number;
    getNumRows(): number;
    getNumColumns(): number;
    getA1Notation(): string;
    getSheet(): Sheet;
    getMergedRanges(): Range[];
  }

  interface DataValidation {
    getHelpText(): string | null;
  }

  interface DataValidationBuilder {
    requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder;
    requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder;
    requireDate(): DataValidationBuilder;
    requireNumberBetween(start: number, end: number): DataValidationBuilder;
    requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder;
    setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder;
    setHelpText(helpText: string): DataValidationBuilder;
    build(): DataValidation;
  }

  interface ConditionalFormatRule {
    getRanges(): Range[];
    getBooleanCondition(): BooleanCondition | null;
  }

  interface BooleanCondition {
    getCriteriaType(): unknown;
    getCriteriaValues(): unknown[];
  }

  interface ConditionalFormatRuleBuilder {
    whenTextEqualTo(text: string): ConditionalFormatRuleBuilder;
    setBackground(color: string | null): ConditionalFormatRuleBuilder;
    setFontColor(color: string | null): ConditionalFormatRuleBuilder;
    setRanges(ranges: Range[]): ConditionalFormatRuleBuilder;
    build(): ConditionalFormatRule;
  }

  interface Protection {
    setWarningOnly(warningOnly: boolean): Protection;
    setDescription(description: string): Protection;
    getDescription(): string;
    getRange(): Range;
    remove(): void;
  }

  interface Ui {
    createAddonMenu(): Menu;
    alert(prompt: string): unknown;
    alert(title: string, prompt: string, buttons: unknown): unknown;
    showSidebar(userInterface: HtmlOutput): void;
    showModalDialog(userInterface: HtmlOutput, title: string): void;
    ButtonSet: { OK: unknown };
  }

  interface Menu {
    addItem(caption: string, functionName: string): Menu;
    addSeparator(): Menu;
    addToUi(): void;
  }

  interface HtmlService {
    createHtmlOutputFromFile(filename: string): HtmlOutput;
    createHtmlOutput(html?: string): HtmlOutput;
  }

  interface HtmlOutput {
    setTitle(title: string): HtmlOutput;
    setWidth(width: number): HtmlOutput;
    setHeight(height: number): HtmlOutput;
  }

  interface LockService {
    getDocumentLock(): Lock | null;
  }

  interface Lock {
    tryLock(timeoutInMillis: number): boolean;
    waitLock(timeoutInMillis: number): void;
    releaseLock(): void;
    hasLock(): boolean;
  }

  /** reference/properties/properties-service and …/properties: string values, null when missing. */
  interface PropertiesService {
    getDocumentProperties(): Properties | null;
  }

  interface Properties {
    getProperties(): Record<string, string>;
    setProperty(key: string, value: string): Properties;
    deleteProperty(key: string): Properties;
  }

  interface Session {
    getActiveUserLocale(): string;
    /** Needs the userinfo.email scope; getEmail() is '' when Google withholds the address (reference/base/session). */
    getActiveUser(): User;
  }

  interface User {
    getEmail(): string;
  }

  interface Logger {
    log(data: unknown, ...values: unknown[]): Logger;
  }

  interface ScriptApp {
    AuthMode: { NONE: unknown; LIMITED: unknown; FULL: unknown; CUSTOM_FUNCTION: unknown };
  }

  /** The event objects of simple triggers (guides/triggers/events). */
  interface OpenEvent {
    authMode?: unknown;
    source?: Spreadsheet;
    user?: unknown;
  }

  interface EditEvent {
    authMode?: unknown;
    range: Range;
    source?: Spreadsheet;
    /** Only for a single-cell edit; undefined when the cell was cleared (UNCONFIRMED). */
    value?: unknown;
    /** Only for a single-cell edit; undefined when the cell was empty. */
    oldValue?: unknown;
    /** The active user "if available" (guides/triggers/events): a User, whose getEmail() may be ''. */
    user?: unknown;
  }
}

declare const SpreadsheetApp: GAS.SpreadsheetApp;
declare const HtmlService: GAS.HtmlService;
declare const LockService: GAS.LockService;
declare const PropertiesService: GAS.PropertiesService;
declare const Session: GAS.Session;
declare const Logger: GAS.Logger;
declare const ScriptApp: GAS.ScriptApp;
