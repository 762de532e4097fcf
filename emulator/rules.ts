/**
 * Data validation, conditional formatting, protection and named ranges.
 *
 * These objects only *record* what the add-on asked for (Google evaluates them in the editor UI,
 * which a test cannot see either). Each keeps a plain description under `emu` so tests can
 * assert on it; scripts cannot see `emu` (boundary.ts hides non-Google fields).
 */
import { exception } from './errors.js';
import { SERVICE } from './service-object.js';
import type { GridRect } from './a1.js';
import type { FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet.js';

// ---------------------------------------------------------------------------------------------
// Enums. Apps Script enum values print as their name; plain strings keep `===` comparisons and
// logging identical.

export const DataValidationCriteria = Object.freeze({
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
});
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export const BooleanCriteria = Object.freeze({
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_NOT_EQUAL_TO: 'TEXT_NOT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
});
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });
export type ProtectionTypeName = keyof typeof ProtectionType;

// ---------------------------------------------------------------------------------------------
// Data validation [DVB, R]

export interface DataValidationSpec {
  criteria: DataValidationCriteriaName;
  /** As getCriteriaValues() returns them; ranges are FakeRange objects. */
  values: unknown[];
  /** New rules default to true (warn instead of reject) [DVB]. */
  allowInvalid: boolean;
  /** null when not set [DVB]. */
  helpText: string | null;
}

export class FakeDataValidation {
  readonly [SERVICE] = 'DataValidation';
  /** Emulator-only plain description (not visible to scripts). */
  readonly emu: Readonly<DataValidationSpec>;

  constructor(spec: DataValidationSpec) {
    this.emu = Object.freeze({ ...spec, values: [...spec.values] });
  }
  getCriteriaType(): DataValidationCriteriaName {
    return this.emu.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.emu.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }
  getAllowInvalid(): boolean {
    return this.emu.allowInvalid;
  }
  getHelpText(): string | null {
    return this.emu.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.emu, values: [...this.emu.values] });
  }
  toString(): string {
    return 'DataValidation';
  }
}

export class FakeDataValidationBuilder {
  readonly [SERVICE] = 'DataValidationBuilder';
  private spec: Partial<DataValidationSpec> & { allowInvalid: boolean; helpText: string | null };

  constructor(initial?: DataValidationSpec) {
    this.spec = initial ? { ...initial } : { allowInvalid: true, helpText: null };
  }

  private criterion(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this;
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.criterion('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    return this.criterion('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.criterion('CHECKBOX', values);
  }
  requireDate(): this {
    return this.criterion('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.criterion('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this.criterion('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.criterion('DATE_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): this {
    return this.criterion('DATE_EQUAL_TO', [date]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.criterion('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.criterion('DATE_ON_OR_BEFORE', [date]);
  }
  /** Inclusive [DVB]. */
  requireNumberBetween(start: number, end: number): this {
    return this.criterion('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.criterion('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this.criterion('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.criterion('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.criterion('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.criterion('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this.criterion('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.criterion('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextContains(text: string): this {
    return this.criterion('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this.criterion('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.criterion('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): this {
    return this.criterion('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.criterion('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.criterion('CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: DataValidationCriteriaName, args: unknown[]): this {
    if (!(criteria in DataValidationCriteria)) throw exception(`Invalid argument: criteria`);
    return this.criterion(criteria, [...args]);
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.spec.allowInvalid = Boolean(allowInvalidData);
    return this;
  }
  setHelpText(helpText: string): this {
    this.spec.helpText = String(helpText);
    return this;
  }
  getCriteriaType(): DataValidationCriteriaName | null {
    return this.spec.criteria ?? null;
  }
  getCriteriaValues(): unknown[] {
    return [...(this.spec.values ?? [])];
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  build(): FakeDataValidation {
    // Error text UNCONFIRMED; a rule without a criterion cannot exist in Sheets.
    if (!this.spec.criteria) throw exception('You must specify a validation criteria.');
    return new FakeDataValidation({
      criteria: this.spec.criteria,
      values: this.spec.values ?? [],
      allowInvalid: this.spec.allowInvalid,
      helpText: this.spec.helpText,
    });
  }
  toString(): string {
    return 'DataValidationBuilder';
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formatting [CFB, SH]

export interface ConditionalFormatSpec {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  ranges: FakeRange[];
}

function emptyConditionalFormat(): ConditionalFormatSpec {
  return {
    criteria: null,
    values: [],
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    strikethrough: null,
    underline: null,
    ranges: [],
  };
}

export class FakeBooleanCondition {
  readonly [SERVICE] = 'BooleanCondition';
  constructor(readonly emu: Readonly<ConditionalFormatSpec>) {}
  getCriteriaType(): BooleanCriteriaName | null {
    return this.emu.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.emu.values];
  }
  getBackground(): string | null {
    return this.emu.background;
  }
  getFontColor(): string | null {
    return this.emu.fontColor;
  }
  getBold(): boolean | null {
    return this.emu.bold;
  }
  getItalic(): boolean | null {
    return this.emu.italic;
  }
  getStrikethrough(): boolean | null {
    return this.emu.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.emu.underline;
  }
  toString(): string {
    return 'BooleanCondition';
  }
}

export class FakeConditionalFormatRule {
  readonly [SERVICE] = 'ConditionalFormatRule';
  readonly emu: Readonly<ConditionalFormatSpec>;
  constructor(spec: ConditionalFormatSpec) {
    this.emu = Object.freeze({ ...spec, values: [...spec.values], ranges: [...spec.ranges] });
  }
  getRanges(): FakeRange[] {
    return [...this.emu.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.emu.criteria ? new FakeBooleanCondition(this.emu) : null;
  }
  getGradientCondition(): null {
    return null; // gradient rules are not emulated
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder({
      ...this.emu,
      values: [...this.emu.values],
      ranges: [...this.emu.ranges],
    });
  }
  toString(): string {
    return 'ConditionalFormatRule';
  }
}

export class FakeConditionalFormatRuleBuilder {
  readonly [SERVICE] = 'ConditionalFormatRuleBuilder';
  private spec: ConditionalFormatSpec;
  constructor(initial?: ConditionalFormatSpec) {
    this.spec = initial ? { ...initial } : emptyConditionalFormat();
  }
  private when(criteria: BooleanCriteriaName, values: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this;
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  /** `null` removes the setting [CFB]. */
  setBackground(color: string | null): this {
    this.spec.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.spec.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this.spec.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.spec.italic = italic;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this.spec.strikethrough = strikethrough;
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this.spec.underline = underline;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.spec.ranges = [...ranges];
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this.spec.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.spec.criteria ? new FakeBooleanCondition({ ...this.spec }) : null;
  }
  build(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.spec);
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder({
      ...this.spec,
      values: [...this.spec.values],
      ranges: [...this.spec.ranges],
    });
  }
  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }
}

// ---------------------------------------------------------------------------------------------
// Protection [PR, R, SH]

export class FakeProtection {
  readonly [SERVICE] = 'Protection';
  /** Emulator-only state (not visible to scripts). `rect` is null for sheet protections. */
  readonly emu: {
    type: ProtectionTypeName;
    description: string;
    warningOnly: boolean;
    editors: string[];
    removed: boolean;
    unprotectedRanges: FakeRange[];
  };

  /** @internal `_rect` is mutable so that row/column inserts can shift it. */
  constructor(
    readonly _sheet: FakeSheet,
    public _rect: GridRect | null,
  ) {
    this.emu = {
      type: _rect ? 'RANGE' : 'SHEET',
      description: '',
      warningOnly: false, // not warning-only by default [PR]
      editors: [],
      removed: false,
      unprotectedRanges: [],
    };
  }

  setWarningOnly(warningOnly: boolean): this {
    this.emu.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly(): boolean {
    return this.emu.warningOnly;
  }
  setDescription(description: string): this {
    this.emu.description = String(description);
    return this;
  }
  getDescription(): string {
    return this.emu.description;
  }
  getProtectionType(): ProtectionTypeName {
    return this.emu.type;
  }
  getRange(): FakeRange {
    const sheet = this._sheet;
    return this._rect
      ? sheet._rangeFromRect(this._rect)
      : sheet._rangeFromRect({ row: 1, col: 1, numRows: sheet._maxRows, numCols: sheet._maxCols });
  }
  /** Until editors change, permissions mirror the spreadsheet: the owner can edit [R]. */
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  addEditor(emailAddress: string): this {
    if (!this.emu.editors.includes(emailAddress)) this.emu.editors.push(emailAddress);
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  removeEditor(emailAddress: string): this {
    this.emu.editors = this.emu.editors.filter((e) => e !== emailAddress);
    return this;
  }
  removeEditors(emailAddresses: string[]): this {
    for (const e of emailAddresses) this.removeEditor(e);
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this.emu.editors.map((email) => ({ getEmail: () => email }));
  }
  setUnprotectedRanges(ranges: FakeRange[]): this {
    this.emu.unprotectedRanges = [...ranges];
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    return [...this.emu.unprotectedRanges];
  }
  remove(): void {
    this.emu.removed = true;
    this._sheet._ss._removeProtection(this);
  }
  toString(): string {
    return 'Protection';
  }
}

// ---------------------------------------------------------------------------------------------
// Named ranges [SS]

export class FakeNamedRange {
  readonly [SERVICE] = 'NamedRange';
  /** @internal */
  constructor(
    readonly _ss: FakeSpreadsheet,
    public _name: string,
    public _sheet: FakeSheet,
    public _rect: GridRect,
  ) {}
  getName(): string {
    return this._name;
  }
  getRange(): FakeRange {
    return this._sheet._rangeFromRect(this._rect);
  }
  setName(name: string): this {
    this._ss._renameNamedRange(this, String(name));
    return this;
  }
  setRange(range: FakeRange): this {
    this._ss._setNamedRangeTarget(this, range);
    return this;
  }
  remove(): void {
    this._ss.removeNamedRange(this._name);
  }
  toString(): string {
    return 'NamedRange';
  }
}
