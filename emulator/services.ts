/**
 * The Apps Script global services an editor add-on uses, wired to one FakeSpreadsheet.
 *
 * createAppsScriptGlobals() returns the globals a script sees (SpreadsheetApp, HtmlService, ...),
 * each a counting/auth-checking proxy (boundary.ts), plus a non-enumerable `emulator` control
 * object for tests: call counts, auth mode, recorded menus/sidebars/alerts/logs, lock usage.
 * Being non-enumerable, `emulator` is not copied into a vm context by loadAppsScriptProject.
 *
 * Bracketed keys refer to the sources listed in docs/emulator.md.
 */
import { randomUUID } from 'node:crypto';
import { HOST_REALM, ScriptBoundary, type ScriptRealm } from './boundary.js';
import { exception } from './errors.js';
import {
  BooleanCriteria,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  ProtectionType,
} from './rules.js';
import { EXPOSE_OWN_FIELDS, SERVICE, isDateLike } from './service-object.js';
import type { FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet.js';
import { formatSimpleDate, getZone } from './time.js';

// =============================================================================================
// Enums

/** ScriptApp.AuthMode [AM]. CUSTOM_FUNCTION never appears as e.authMode. */
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});
export type AuthModeName = keyof typeof AuthMode;

export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});
export type ButtonSetName = keyof typeof ButtonSet;
export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
export type ButtonName = keyof typeof Button;

/** Only IFRAME remains; setSandboxMode has no effect [RST, SB]. */
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

// =============================================================================================
// Options and records

export interface AppsScriptEmulatorOptions {
  /** Mode of the simulated execution [AM, AUTH]. Default FULL (menu clicks, google.script.run). */
  authMode?: AuthModeName;
  /**
   * Container-bound script or add-on (default true). When false, getActiveSpreadsheet() is null,
   * getUi() throws, and the document lock/properties are null [SA, LS, PS].
   */
  containerBound?: boolean;
  /** Project HTML files for HtmlService.createHtmlOutputFromFile / createTemplateFromFile: {name: html}. */
  htmlFiles?: Record<string, string>;
  /** Caption of the add-on's sub-menu under Extensions (createAddonMenu). Default 'Add-on'. */
  addonName?: string;
  /** Session.getActiveUserLocale(). Default 'en' (the documented example [SES]). */
  userLocale?: string;
  /** Session.getScriptTimeZone(). Default 'Etc/UTC'. */
  scriptTimeZone?: string;
  /**
   * The active user's e-mail, as Session.getActiveUser().getEmail() [SES] and the edit event's `user` [EVT] give it;
   * '' (the default) imitates Google withholding it, as it does in a simple trigger unless the editor is in the script
   * owner's Workspace domain (developers.google.com/apps-script/reference/base/user#getEmail()). Switchable between
   * two calls of the script with EmulatorControl.setActiveUser.
   */
  userEmail?: string;
  effectiveUserEmail?: string;
  /** Initial stores. Document properties live on the FakeSpreadsheet (ss.emu.documentProperties). */
  userProperties?: Record<string, string>;
  scriptProperties?: Record<string, string>;
  /** Simulate another execution holding the locks: tryLock → false, waitLock throws. */
  lockContention?: boolean;
  /** Button an alert "clicks". Default: the first button of the set (OK or YES). */
  respondToAlert?: (alert: AlertRecord) => ButtonName;
  /** Answer to Ui.prompt. Default: { text: '', button: first button of the set }. */
  respondToPrompt?: (prompt: PromptRecord) => { text: string; button: ButtonName };
  /** Prefix error messages with 'Exception: ' (UNCONFIRMED which form Google uses). Default false. */
  exceptionMessagePrefix?: boolean;
  /** Enforce 9 KB per property value and 500 KB per store [Q]. Default true. */
  enforcePropertyQuotas?: boolean;
  /** Also print Logger/console output to the host console. Default false. */
  echoLogs?: boolean;
  /**
   * The script's clock, in milliseconds since the epoch: `new Date()` and `Date.now()` in the script read it, so a
   * test can run the add-on on a chosen day (an emulator control; Apps Script reads Google's clock). Default: the
   * host's clock.
   */
  now?: () => number;
}

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  /** 'addon': createAddonMenu (under Extensions); 'custom': createMenu (top-level). */
  kind: 'addon' | 'custom';
  caption: string;
  items: MenuEntry[];
}

export interface SidebarRecord {
  title: string;
  html: string;
  /** Add-on sidebars are a fixed 300 px; setWidth cannot change that [AOD]. */
  width: 300;
  requestedWidth: number | null;
}

export interface DialogRecord {
  kind: 'modal' | 'modeless';
  /** showModalDialog's title overrides setTitle [UI]. */
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response?: ButtonName;
}

export interface PromptRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response?: { text: string; button: ButtonName };
}

export interface LogRecord {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

export interface CallStats {
  total: number;
  /** e.g. { 'Range.getValues': 1, 'Sheet.getRange': 2 } */
  byMethod: Record<string, number>;
  /** e.g. { Range: 1, Sheet: 2, SpreadsheetApp: 1 } */
  byService: Record<string, number>;
  /**
   * Bytes of the arguments of document-writing calls (their JSON, UTF-8), in total and of the largest call: what
   * a script sends to Google per call (Google recommends at most 2 MB per request, docs/emulator.md).
   */
  writeBytes: number;
  maxWriteBytes: number;
}

export interface LockRecord {
  /** Whether the document lock is held right now. */
  held: boolean;
  acquisitions: number;
  releases: number;
  /** Document-changing calls (values, formats, sheets, properties...) made while a document or script lock was held. */
  writesWhileHeld: number;
  writesWithoutLock: number;
  writes: { method: string; lockHeld: boolean }[];
  /** Every tryLock / waitLock call with the time it was willing to wait (what a 30 s trigger can afford). */
  requests: { method: 'tryLock' | 'waitLock'; timeoutMs: number; kind: 'document' | 'script' | 'user' }[];
}

export interface EmulatorControl {
  /** The raw spreadsheet (uncounted access for assertions). */
  readonly spreadsheet: FakeSpreadsheet;
  /** Snapshot of script-side service calls since creation or the last resetCalls(). */
  readonly calls: CallStats;
  resetCalls(): void;
  readonly authMode: AuthModeName;
  setAuthMode(mode: AuthModeName): void;
  readonly ui: {
    menus: MenuRecord[];
    sidebars: SidebarRecord[];
    dialogs: DialogRecord[];
    alerts: AlertRecord[];
    prompts: PromptRecord[];
  };
  readonly logs: LogRecord[];
  readonly lock: LockRecord;
  /**
   * From now on another execution holds the locks (true: tryLock → false, waitLock throws) or no longer does
   * (false), like the lockContention option but switchable between two calls of the script.
   */
  setLockContention(on: boolean): void;
  /**
   * From now on the active user is this e-mail, or withheld (null or ''): Session.getActiveUser().getEmail() and the
   * `user` of edit events give '' then, as Google does when security policies do not allow access to the address
   * (developers.google.com/apps-script/reference/base/session#getActiveUser()). Like the userEmail option.
   */
  setActiveUser(email: string | null): void;
  /**
   * The `nth` call from now of `Service.method` (e.g. 'Range.setValues') throws an exception with `message`, once:
   * any service call may fail midway through a run (a quota, a protected range, a service error), and a test uses
   * this to see what such a run leaves behind.
   */
  failCall(method: string, nth?: number, message?: string): void;
  readonly properties: {
    document: Map<string, string>;
    user: Map<string, string>;
    script: Map<string, string>;
  };
  /** Total milliseconds passed to Utilities.sleep (which returns immediately). */
  readonly sleptMs: number;
  /** The script's clock (the `now` option), or undefined for the host's clock. */
  readonly now: (() => number) | undefined;
  /** An onOpen event object for the script [EVT]: { authMode, source }. */
  openEvent(authMode?: AuthModeName): Record<string, unknown>;
  /**
   * An onEdit event object [EVT]: { authMode: LIMITED, range, source, user, value?, oldValue? }; `user` is a User of
   * the active user (setActiveUser), whose getEmail() is '' when the address is withheld.
   * value/oldValue only for a single cell; oldValue omitted when undefined (the cell was empty). An edit of several
   * cells (a paste, Delete over whole rows) carries neither: only the range, whatever the cells held.
   * `options.value` replaces e.value as Sheets may send it when it differs from the cell: undefined (omitted) or
   * an object when a cell is cleared (UNCONFIRMED, facts #50); by default e.value is the cell's value.
   */
  editEvent(range: FakeRange, oldValue?: unknown, options?: { value?: unknown }): Record<string, unknown>;
  /** Convert host values/raw objects into what the script would receive (proxies, realm values). */
  toScript(value: unknown): unknown;
  /** Convert script values back (proxies → raw objects, realm values → host values). */
  fromScript(value: unknown): unknown;
  /** Used by loadAppsScriptProject: the built-ins of the vm context the script runs in. */
  attachRealm(realm: ScriptRealm): void;
  /** End of one execution: locks are released automatically [LK]. */
  endExecution(): void;
}

export interface AppsScriptGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  HtmlService: FakeHtmlService;
  LockService: FakeLockService;
  PropertiesService: FakePropertiesService;
  Session: FakeSession;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  ScriptApp: FakeScriptApp;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
  /** Non-enumerable: test control surface, never exposed to the script. */
  readonly emulator: EmulatorControl;
}

// =============================================================================================
// Auth policy

/** What AuthMode.NONE allows: menus, the user locale, Logger, Utilities [AUTH]. */
const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu',
  'Session.getActiveUserLocale',
  'Logger',
  'Utilities',
  'ScriptApp',
]);

/** Services custom functions may use [CF]; the spreadsheet ones read-only. */
const CUSTOM_FUNCTION_SERVICES = new Set([
  'LockService',
  'Lock',
  'PropertiesService',
  'Properties',
  'Utilities',
  'Logger',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'ScriptApp',
]);
const SPREADSHEET_SERVICES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'NamedRange',
  'Protection',
  'DataValidation',
  'DataValidationBuilder',
  'ConditionalFormatRule',
  'ConditionalFormatRuleBuilder',
  'BooleanCondition',
]);

/** The refusal message, or null when the call is allowed. Message wording: see docs (partly UNCONFIRMED). */
export function authDenial(mode: AuthModeName, service: string, method: string): string | null {
  const full = `${service}.${method}`;
  switch (mode) {
    case 'FULL':
      return null;
    case 'LIMITED':
      // No sidebars or dialogs in LIMITED [AUTH].
      return service === 'Ui' && /^(show|alert|prompt)/.test(method)
        ? `You do not have permission to call ${full}`
        : null;
    case 'NONE':
      return NONE_ALLOWED.has(service) || NONE_ALLOWED.has(full)
        ? null
        : `You do not have permission to call ${full}`;
    case 'CUSTOM_FUNCTION':
      if (CUSTOM_FUNCTION_SERVICES.has(service)) return null;
      if (SPREADSHEET_SERVICES.has(service)) {
        const readOnly = /^(get|is|has|can|copy|toString)/.test(method) && method !== 'getUi';
        const builder = service.endsWith('Builder');
        return readOnly || builder ? null : `You do not have permission to call ${full}`;
      }
      return `You do not have permission to call ${service} service.`;
  }
}

/** Calls that change the document (or its properties): recorded against the lock state. */
const WRITE_SERVICES = new Set(['Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'Protection', 'Properties']);
function isWriteCall(service: string, method: string): boolean {
  if (!WRITE_SERVICES.has(service)) return false;
  if (/^(setActive|setCurrentCell|activate)/.test(method)) return false;
  return (
    /^(set|clear|append|insert|delete|remove|protect|add|auto|hide|show|rename|move|sort|copy|merge|breakApart)/.test(
      method,
    ) && method !== 'copy'
  );
}

// =============================================================================================
// Core state shared by all service objects of one emulator

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

class EmulatorCore {
  readonly boundary: ScriptBoundary;
  authMode: AuthModeName;
  readonly calls = new Map<string, number>();
  totalCalls = 0;
  readonly ui: EmulatorControl['ui'] = { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [] };
  readonly logs: LogRecord[] = [];
  readonly lock: LockRecord = {
    held: false,
    acquisitions: 0,
    releases: 0,
    writesWhileHeld: 0,
    writesWithoutLock: 0,
    requests: [],
    writes: [],
  };
  readonly locksHeld = { document: false, script: false, user: false };
  readonly properties: EmulatorControl['properties'];
  sleptMs = 0;
  /** Another execution holds the locks (options.lockContention, then EmulatorControl.setLockContention). */
  lockContention: boolean;
  /** The active user's e-mail, '' when withheld (options.userEmail, then EmulatorControl.setActiveUser). */
  activeUserEmail: string;
  /** Calls set to fail (EmulatorControl.failCall): calls of `method` still to pass before the one that throws. */
  readonly failures: { method: string; before: number; message: string }[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    readonly options: AppsScriptEmulatorOptions,
  ) {
    this.authMode = options.authMode ?? 'FULL';
    this.lockContention = options.lockContention ?? false;
    this.activeUserEmail = options.userEmail ?? '';
    this.boundary = new ScriptBoundary({
      beforeCall: (service, method, args) => this.beforeCall(service, method, args),
      exceptionMessagePrefix: options.exceptionMessagePrefix ?? false,
    });
    this.properties = {
      document: spreadsheet.emu.documentProperties,
      user: new Map(Object.entries(options.userProperties ?? {})),
      script: new Map(Object.entries(options.scriptProperties ?? {})),
    };
    getZone(options.scriptTimeZone ?? 'Etc/UTC');
  }

  get containerBound(): boolean {
    return this.options.containerBound ?? true;
  }

  writeBytes = 0;
  maxWriteBytes = 0;

  private beforeCall(service: string, method: string, args: readonly unknown[]): void {
    const key = `${service}.${method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.totalCalls++;
    const denial = authDenial(this.authMode, service, method);
    if (denial) throw exception(denial);
    const failure = this.failures.findIndex((f) => f.method === key);
    if (failure >= 0 && this.failures[failure].before-- === 0) {
      const [{ message }] = this.failures.splice(failure, 1);
      throw exception(message);
    }
    if (isWriteCall(service, method)) {
      const lockHeld = this.locksHeld.document || this.locksHeld.script;
      this.lock.writes.push({ method: key, lockHeld });
      const bytes = args.length ? Buffer.byteLength(JSON.stringify(args) ?? '') : 0;
      this.writeBytes += bytes;
      if (bytes > this.maxWriteBytes) this.maxWriteBytes = bytes;
      if (lockHeld) this.lock.writesWhileHeld++;
      else this.lock.writesWithoutLock++;
    }
  }

  log(source: LogRecord['source'], level: LogRecord['level'], message: string): void {
    this.logs.push({ source, level, message });
    if (this.options.echoLogs) console[level](`[${source}] ${message}`);
  }

  releaseAllLocks(): void {
    for (const kind of ['document', 'script', 'user'] as const) {
      if (this.locksHeld[kind]) {
        this.locksHeld[kind] = false;
        this.lock.releases++;
      }
    }
    this.lock.held = false;
  }

  stats(): CallStats {
    const byMethod: Record<string, number> = {};
    const byService: Record<string, number> = {};
    for (const [key, n] of [...this.calls].sort(([a], [b]) => a.localeCompare(b))) {
      byMethod[key] = n;
      const service = key.slice(0, key.indexOf('.'));
      byService[service] = (byService[service] ?? 0) + n;
    }
    return {
      total: this.totalCalls,
      byMethod,
      byService,
      writeBytes: this.writeBytes,
      maxWriteBytes: this.maxWriteBytes,
    };
  }
}

// =============================================================================================
// SpreadsheetApp [SA]

export class FakeSpreadsheetApp {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}

  /** The bound spreadsheet; null for a standalone script (containerBound: false). */
  getActiveSpreadsheet(): FakeSpreadsheet | null {
    return this._core.containerBound ? this._core.spreadsheet : null;
  }
  getActive(): FakeSpreadsheet | null {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): FakeSheet {
    return this._bound().getActiveSheet();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return this._bound().setActiveSheet(sheet);
  }
  getActiveRange(): FakeRange {
    return this._bound().getActiveRange();
  }
  getCurrentCell(): FakeRange {
    return this._bound().getCurrentCell();
  }
  setActiveRange(range: FakeRange): FakeRange {
    return range.activate();
  }
  setCurrentCell(cell: FakeRange): FakeRange {
    return cell.activateAsCurrentCell();
  }
  /** Only for container-bound scripts and add-ons [SA, UI]; message UNCONFIRMED. */
  getUi(): FakeUi {
    if (!this._core.containerBound) throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this._core);
  }
  /** HyperFormula evaluates synchronously, so there is nothing pending [SA]; the call is still counted. */
  flush(): void {}
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }
  /** Only the bound file can be opened; other ids fail with a commonly seen text (UNCONFIRMED). */
  openById(id: string): FakeSpreadsheet {
    if (id === this._core.spreadsheet.getId()) return this._core.spreadsheet;
    throw exception(
      `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
    );
  }
  openByUrl(url: string): FakeSpreadsheet {
    if (url === this._core.spreadsheet.getUrl()) return this._core.spreadsheet;
    throw exception(
      `Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`,
    );
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
  private _bound(): FakeSpreadsheet {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw exception('There is no active spreadsheet (standalone script).');
    return ss;
  }
}

// =============================================================================================
// Ui and Menu [UI, MENU, MENUG]

export class FakeUi {
  readonly [SERVICE] = 'Ui';
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}

  /** Sub-menu under Extensions, captioned with the add-on name; shown only after addToUi() [UI]. */
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this._core, 'addon', this._core.options.addonName ?? 'Add-on');
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this._core, 'custom', String(caption));
  }
  /** Returns void and does not suspend the script [UI]. Only one add-on sidebar shows at a time [AOD]. */
  showSidebar(userInterface: FakeHtmlOutput): void {
    const output = asHtmlOutput(userInterface);
    this._core.ui.sidebars.push({
      title: output.getTitle(),
      html: output.getContent(),
      width: 300,
      requestedWidth: output._width,
    });
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this._dialog('modal', userInterface, title);
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this._dialog('modeless', userInterface, title);
  }
  /**
   * alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). Records the alert and
   * returns the configured button (default OK/YES). Locks do not survive the suspension while the
   * alert is open [UI], so held locks are released.
   */
  alert(a: string, b?: string, c?: ButtonSetName): ButtonName {
    const [title, prompt, buttons] =
      c !== undefined
        ? [a, String(b), c]
        : b !== undefined && b in ButtonSet
          ? ['', a, b as ButtonSetName]
          : ['', a, 'OK' as const];
    const record: AlertRecord = { title: String(title), prompt: String(prompt), buttons };
    this._core.releaseAllLocks();
    record.response = this._core.options.respondToAlert?.(record) ?? firstButton(buttons);
    this._core.ui.alerts.push(record);
    return record.response;
  }
  prompt(a: string, b?: string, c?: ButtonSetName): FakePromptResponse {
    const [title, prompt, buttons] =
      c !== undefined
        ? [a, String(b), c]
        : b !== undefined && b in ButtonSet
          ? ['', a, b as ButtonSetName]
          : ['', a, 'OK' as const];
    const record: PromptRecord = { title: String(title), prompt: String(prompt), buttons };
    this._core.releaseAllLocks();
    record.response = this._core.options.respondToPrompt?.(record) ?? {
      text: '',
      button: firstButton(buttons),
    };
    this._core.ui.prompts.push(record);
    return new FakePromptResponse(record.response.text, record.response.button);
  }
  toString(): string {
    return 'Ui';
  }
  private _dialog(kind: 'modal' | 'modeless', userInterface: FakeHtmlOutput, title: string): void {
    const output = asHtmlOutput(userInterface);
    this._core.ui.dialogs.push({
      kind,
      title: String(title),
      html: output.getContent(),
      width: output._width,
      height: output._height,
    });
  }
}

function firstButton(buttons: ButtonSetName): ButtonName {
  return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}

function asHtmlOutput(value: unknown): FakeHtmlOutput {
  if (value instanceof FakeHtmlOutput) return value;
  if (value instanceof FakeHtmlTemplate) throw exception('Invalid argument: userInterface'); // a template must be evaluate()d first
  throw exception('Invalid argument: userInterface');
}

export class FakePromptResponse {
  readonly [SERVICE] = 'PromptResponse';
  constructor(
    private readonly _text: string,
    private readonly _button: ButtonName,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): ButtonName {
    return this._button;
  }
}

export class FakeMenu {
  readonly [SERVICE] = 'Menu';
  /** @internal */ readonly _items: (MenuEntry | { type: 'submenu-ref'; menu: FakeMenu })[] = [];
  /** @internal */
  constructor(
    private readonly _core: EmulatorCore,
    readonly _kind: 'addon' | 'custom',
    readonly _caption: string,
  ) {}

  /** Returns the Menu for chaining; functionName may be `Library.fn` [MENU]. */
  addItem(caption: string, functionName: string): this {
    this._items.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._items.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    if (!(menu instanceof FakeMenu)) throw exception('Invalid argument: menu');
    this._items.push({ type: 'submenu-ref', menu });
    return this;
  }
  /** A menu with the same caption replaces the earlier one [MENUG]. */
  addToUi(): void {
    const record: MenuRecord = { kind: this._kind, caption: this._caption, items: this._snapshot() };
    const menus = this._core.ui.menus;
    const existing = menus.findIndex((m) => m.kind === record.kind && m.caption === record.caption);
    if (existing >= 0) menus[existing] = record;
    else menus.push(record);
  }
  toString(): string {
    return 'Menu';
  }
  /** @internal */
  _snapshot(): MenuEntry[] {
    return this._items.map((item) =>
      item.type === 'submenu-ref'
        ? { type: 'submenu', caption: item.menu._caption, items: item.menu._snapshot() }
        : { ...item },
    );
  }
}

// =============================================================================================
// HtmlService [HS, HO, TPL]

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

export class FakeHtmlService {
  readonly [SERVICE] = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}

  createHtmlOutput(html?: string | FakeHtmlTemplate): FakeHtmlOutput {
    if (html instanceof FakeHtmlTemplate) return html.evaluate();
    return new FakeHtmlOutput(html === undefined ? '' : String(html));
  }
  /** Throws if the file is missing [HS]; malformed HTML is NOT detected here. */
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this._file(filename));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this._core, String(html));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this._core, this._file(filename));
  }
  toString(): string {
    return 'HtmlService';
  }
  /** Files are looked up as given, then with/without '.html'. Missing-file text is UNCONFIRMED. */
  private _file(filename: string): string {
    const files = this._core.options.htmlFiles ?? {};
    const name = String(filename);
    const candidates = [name, `${name}.html`, name.replace(/\.html$/, '')];
    for (const c of candidates) if (Object.prototype.hasOwnProperty.call(files, c)) return files[c];
    throw exception(`No HTML file named ${name} was found.`);
  }
}

export class FakeHtmlOutput {
  readonly [SERVICE] = 'HtmlOutput';
  /** @internal */ _title = '';
  /** @internal */ _width: number | null = null;
  /** @internal */ _height: number | null = null;
  /** @internal */ readonly _metaTags: { name: string; content: string }[] = [];
  /** @internal */ _xFrameOptionsMode = 'DEFAULT';
  /** @internal */ _faviconUrl: string | null = null;
  /** @internal */
  constructor(private _content: string) {}

  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  /** A dialog's initial width [HO]; add-on sidebars stay 300 px [AOD]. */
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  /** null until set (Google's initial value is UNCONFIRMED). */
  getWidth(): number | null {
    return this._width;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  /** No effect: only IFRAME remains [RST]. */
  setSandboxMode(mode: string): this {
    void mode;
    return this;
  }
  /** Recorded only (matters for web apps, not add-on sidebars). */
  setXFrameOptionsMode(mode: string): this {
    this._xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  setFaviconUrl(iconUrl: string): this {
    this._faviconUrl = String(iconUrl);
    return this;
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

/**
 * Templates: `<? code ?>`, `<?= printed escaped ?>`, `<?!= printed raw ?>` [TPL]. Variables are
 * properties set on the template (`t.rows = ...`). The code runs in the script's realm, so it can
 * call the project's global functions (e.g. an `include()` helper) like in Apps Script.
 */
export class FakeHtmlTemplate {
  readonly [SERVICE] = 'HtmlTemplate';
  readonly [EXPOSE_OWN_FIELDS] = true;
  readonly #core: EmulatorCore;
  readonly #source: string;
  constructor(core: EmulatorCore, source: string) {
    this.#core = core;
    this.#source = source;
  }

  evaluate(): FakeHtmlOutput {
    const realm = this.#core.boundary.realm;
    const render = realm.evaluate(
      `function (__vars, __escape) { var __out = []; with (__vars) {\n${this.getCode()}\n} return __out.join(''); }`,
    ) as (vars: object, escape: (v: unknown) => string) => string;
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) vars[key] = (this as unknown as Record<string, unknown>)[key];
    return new FakeHtmlOutput(
      render(vars, (v) => escapeHtml(v === null || v === undefined ? '' : String(v))),
    );
  }
  /** The generated JavaScript (not Google's exact code). */
  getCode(): string {
    const source = this.#source;
    const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
    let code = '';
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(source))) {
      if (m.index > last) code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
      if (m[1] === '=') code += `__out.push(__escape(${m[2]}));\n`;
      else if (m[1] === '!=')
        code += `__out.push((function (v) { return v === null || v === undefined ? '' : String(v); })(${m[2]}));\n`;
      else code += `${m[2]}\n`;
      last = re.lastIndex;
    }
    if (last < source.length) code += `__out.push(${JSON.stringify(source.slice(last))});\n`;
    return code;
  }
  getRawContent(): string {
    return this.#source;
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}

// =============================================================================================
// LockService [LS, LK]

type LockKind = 'document' | 'script' | 'user';

export class FakeLockService {
  readonly [SERVICE] = 'LockService';
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}
  /** null outside a containing document [LS]. */
  getDocumentLock(): FakeLock | null {
    return this._core.containerBound ? new FakeLock(this._core, 'document') : null;
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this._core, 'script');
  }
  getUserLock(): FakeLock {
    return new FakeLock(this._core, 'user');
  }
  toString(): string {
    return 'LockService';
  }
}

/** All Lock objects of one kind share one state: they are the same lock. */
export class FakeLock {
  readonly [SERVICE] = 'Lock';
  /** @internal */
  constructor(
    private readonly _core: EmulatorCore,
    private readonly _kind: LockKind,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this._checkTimeout(timeoutInMillis, 'tryLock');
    this._core.lock.requests.push({ method: 'tryLock', timeoutMs: timeoutInMillis, kind: this._kind });
    if (this._core.lockContention) return false;
    this._acquire();
    return true;
  }
  /** Throws on timeout [LK]; the timeout text is UNCONFIRMED (third-party code only). */
  waitLock(timeoutInMillis: number): void {
    this._checkTimeout(timeoutInMillis, 'waitLock');
    this._core.lock.requests.push({ method: 'waitLock', timeoutMs: timeoutInMillis, kind: this._kind });
    if (this._core.lockContention)
      throw exception('Lock timeout: another process was holding the lock for too long.');
    this._acquire();
  }
  hasLock(): boolean {
    return this._core.locksHeld[this._kind];
  }
  /** Does nothing if not held [LK]. */
  releaseLock(): void {
    if (!this._core.locksHeld[this._kind]) return;
    this._core.locksHeld[this._kind] = false;
    this._core.lock.releases++;
    if (this._kind === 'document') this._core.lock.held = false;
  }
  toString(): string {
    return 'Lock';
  }
  private _acquire(): void {
    if (this._core.locksHeld[this._kind]) return;
    this._core.locksHeld[this._kind] = true;
    this._core.lock.acquisitions++;
    if (this._kind === 'document') this._core.lock.held = true;
  }
  /** Observed: `The parameters (null) don't match the method signature for LockService.Lock.waitLock.` [I8]. */
  private _checkTimeout(value: unknown, method: string): void {
    if (typeof value === 'number' && Number.isFinite(value)) return;
    const shown =
      value === null
        ? 'null'
        : value === undefined
          ? ''
          : typeof value === 'string'
            ? 'String'
            : typeof value;
    throw exception(
      `The parameters (${shown}) don't match the method signature for LockService.Lock.${method}.`,
    );
  }
}

// =============================================================================================
// PropertiesService [PS, PP, Q]

export class FakePropertiesService {
  readonly [SERVICE] = 'PropertiesService';
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}
  /** null when neither bound nor an add-on [PS]. */
  getDocumentProperties(): FakeProperties | null {
    return this._core.containerBound ? new FakeProperties(this._core, this._core.properties.document) : null;
  }
  getUserProperties(): FakeProperties {
    return new FakeProperties(this._core, this._core.properties.user);
  }
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this._core, this._core.properties.script);
  }
  toString(): string {
    return 'PropertiesService';
  }
}

/** Values are strings: non-strings are stored as String(value) (UNCONFIRMED, facts #59). */
export class FakeProperties {
  readonly [SERVICE] = 'Properties';
  /** @internal */
  constructor(
    private readonly _core: EmulatorCore,
    private readonly _store: Map<string, string>,
  ) {}

  /** A String, or null [PP]. */
  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): this {
    this._set(String(key), String(value));
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this._store.clear();
    for (const [k, v] of Object.entries(properties)) this._set(k, String(v));
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
  toString(): string {
    return 'Properties';
  }
  /** 9 KB per value, 500 KB per store [Q]; the error texts are UNCONFIRMED. */
  private _set(key: string, value: string): void {
    if (this._core.options.enforcePropertyQuotas ?? true) {
      if (Buffer.byteLength(value, 'utf8') > PROPERTY_VALUE_LIMIT)
        throw exception('Argument too large: value');
      let total = Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
      for (const [k, v] of this._store)
        if (k !== key) total += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
      if (total > PROPERTY_STORE_LIMIT) {
        throw exception(
          'You have exceeded the property storage quota. Please remove some properties and try again.',
        );
      }
    }
    this._store.set(key, value);
  }
}

// =============================================================================================
// Session [SES], Utilities [UT], Logger, ScriptApp [AM]

export class FakeUser {
  readonly [SERVICE] = 'User';
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}

export class FakeSession {
  readonly [SERVICE] = 'Session';
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}
  /** "the language setting ... e.g. en" [SES]; works in every auth mode [AUTH]. */
  getActiveUserLocale(): string {
    return this._core.options.userLocale ?? 'en';
  }
  getScriptTimeZone(): string {
    return this._core.options.scriptTimeZone ?? 'Etc/UTC';
  }
  /** The active user; getEmail() '' when Google withholds the address (userEmail, setActiveUser) [SES]. */
  getActiveUser(): FakeUser {
    return new FakeUser(this._core.activeUserEmail);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this._core.options.effectiveUserEmail ?? this._core.activeUserEmail);
  }
  getTemporaryActiveUserKey(): string {
    return 'fake-temporary-active-user-key';
  }
  toString(): string {
    return 'Session';
  }
}

export class FakeUtilities {
  readonly [SERVICE] = 'Utilities';
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}

  /** Java SimpleDateFormat subset (see time.ts) in the given zone [UT]. Unknown zones throw (emulator choice). */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateLike(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw exception("The parameters don't match the method signature for Utilities.formatDate.");
    }
    try {
      return formatSimpleDate(date, timeZone, format);
    } catch (error) {
      throw exception((error as Error).message);
    }
  }
  /** Returns immediately; the requested time is added to emulator.sleptMs. */
  sleep(milliseconds: number): void {
    this._core.sleptMs += Number(milliseconds) || 0;
  }
  getUuid(): string {
    return randomUUID();
  }
  /** sprintf-like: %s, %d, %i, %f, %% */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%([sdif%])/g, (_, t: string) => {
      if (t === '%') return '%';
      const v = args[i++];
      if (t === 'd' || t === 'i') return String(Math.trunc(Number(v)));
      if (t === 'f') return String(Number(v));
      return String(v);
    });
  }
  base64Encode(data: string): string {
    return Buffer.from(String(data), 'utf8').toString('base64');
  }
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b)); // Java bytes are signed
  }
  toString(): string {
    return 'Utilities';
  }
}

function describeForLog(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (isDateLike(value)) return value.toString();
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export class FakeLogger {
  readonly [SERVICE] = 'Logger';
  /** @internal */
  constructor(private readonly _core: EmulatorCore) {}
  /** log(data) or log(format, ...values) with %s placeholders. Object rendering is approximate (JSON). */
  log(data: unknown, ...values: unknown[]): this {
    let message = describeForLog(data);
    if (typeof data === 'string' && values.length > 0) {
      let i = 0;
      message = data.replace(/%s|%d/g, () => describeForLog(values[i++]));
    }
    this._core.log('Logger', 'log', message);
    return this;
  }
  getLog(): string {
    return this._core.logs
      .filter((l) => l.source === 'Logger')
      .map((l) => l.message)
      .join('\n');
  }
  clear(): void {
    for (let i = this._core.logs.length - 1; i >= 0; i--)
      if (this._core.logs[i].source === 'Logger') this._core.logs.splice(i, 1);
  }
  toString(): string {
    return 'Logger';
  }
}

export class FakeScriptApp {
  readonly [SERVICE] = 'ScriptApp';
  readonly AuthMode = AuthMode;
  getScriptId(): string {
    return 'fake-script-id';
  }
  toString(): string {
    return 'ScriptApp';
  }
}

// =============================================================================================
// Factory

/**
 * Build the global services for one simulated project bound to `spreadsheet`.
 * Pass the result to loadAppsScriptProject(), or call the services directly from a test.
 */
export function createAppsScriptGlobals(
  spreadsheet: FakeSpreadsheet,
  options: AppsScriptEmulatorOptions = {},
): AppsScriptGlobals {
  const core = new EmulatorCore(spreadsheet, options);
  const b = core.boundary;

  const makeConsole = (): AppsScriptGlobals['console'] => {
    const write =
      (level: LogRecord['level']) =>
      (...args: unknown[]) =>
        core.log('console', level, args.map(describeForLog).join(' '));
    return {
      log: write('log'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
    };
  };

  const control: EmulatorControl = {
    spreadsheet,
    get calls() {
      return core.stats();
    },
    resetCalls() {
      core.calls.clear();
      core.totalCalls = 0;
      core.writeBytes = 0;
      core.maxWriteBytes = 0;
    },
    get authMode() {
      return core.authMode;
    },
    setAuthMode(mode) {
      if (!(mode in AuthMode)) throw new Error(`Unknown auth mode ${String(mode)}`);
      core.authMode = mode;
    },
    ui: core.ui,
    logs: core.logs,
    lock: core.lock,
    setLockContention(on) {
      core.lockContention = on;
    },
    failCall(method, nth = 1, message = 'Service Spreadsheets failed while accessing document.') {
      if (!Number.isInteger(nth) || nth < 1) throw new Error(`failCall: nth must be 1 or more, not ${nth}`);
      core.failures.push({ method, before: nth - 1, message });
    },
    properties: core.properties,
    get sleptMs() {
      return core.sleptMs;
    },
    now: options.now,
    openEvent(authMode = core.authMode) {
      return b.toScript({ authMode, source: spreadsheet }) as Record<string, unknown>;
    },
    setActiveUser(email) {
      core.activeUserEmail = email ?? '';
    },
    editEvent(range, oldValue, options = {}) {
      const event: Record<string, unknown> = {
        authMode: 'LIMITED',
        range,
        source: spreadsheet,
        user: new FakeUser(core.activeUserEmail),
      };
      if (range.getNumRows() === 1 && range.getNumColumns() === 1) {
        const value = 'value' in options ? options.value : range.getValue();
        if (value !== undefined) event.value = value;
        if (oldValue !== undefined) event.oldValue = oldValue;
      }
      return b.toScript(event) as Record<string, unknown>;
    },
    toScript: (value) => b.toScript(value),
    fromScript: (value) => b.fromScript(value),
    attachRealm(realm) {
      b.realm = realm;
    },
    endExecution() {
      core.releaseAllLocks();
    },
  };

  const globals = {
    SpreadsheetApp: b.wrap(new FakeSpreadsheetApp(core)),
    HtmlService: b.wrap(new FakeHtmlService(core)),
    LockService: b.wrap(new FakeLockService(core)),
    PropertiesService: b.wrap(new FakePropertiesService(core)),
    Session: b.wrap(new FakeSession(core)),
    Utilities: b.wrap(new FakeUtilities(core)),
    Logger: b.wrap(new FakeLogger(core)),
    ScriptApp: b.wrap(new FakeScriptApp()),
    console: makeConsole(),
  } as AppsScriptGlobals;
  Object.defineProperty(globals, 'emulator', { value: control, enumerable: false });
  return globals;
}

/** The control object of globals made by createAppsScriptGlobals (undefined for hand-made globals). */
export function emulatorOf(globals: object): EmulatorControl | undefined {
  return (globals as { emulator?: EmulatorControl }).emulator;
}

export { HOST_REALM };
