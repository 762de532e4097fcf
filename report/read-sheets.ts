/**
 * Stage 1 of the report from a live Google Sheet (`--sheet URL|ID`): the spreadsheet → the Workbook the plan
 * core reads, through the official client (@googleapis/sheets, google-auth-library), read-only, in a constant
 * number of requests whatever the size of the plan:
 *
 *   1. spreadsheets.get, `fields` limited to the title, locale, time zone, and each tab's title, merges and whether
 *      it is hidden (SheetProperties.hidden);
 *   2. spreadsheets.values.batchGet of every plan tab, valueRenderOption=UNFORMATTED_VALUE (numbers as numbers,
 *      formulas as their results) and dateTimeRenderOption=SERIAL_NUMBER (dates as day serials), and the same
 *      with FORMATTED_STRING, side by side, which tells the date cells from the numbers (`withDateCells`): the
 *      date cells become Dates, as getValues() gives them to the add-on;
 *   3. spreadsheets.get of the plan tabs' ranges, `fields` limited to each cell's effective number format
 *      (FORMAT_FIELDS), as getNumberFormats() gives them to the add-on: Sheets turns `+20%` typed into a cell into
 *      0.2 shown as a percent and `$90,000` into 90000 shown as dollars, and the parser reads such a number as
 *      that text (shared/number-formats.ts), so that a percent in a key result counted in sign-ups, or dollars in
 *      one counted in euros, is said at its cell as the same text typed would be; and a date whose pattern shows a
 *      month but no day (`mmmm yyyy`, `yyyy"年"m"月"`) is read as that month (showsMonthNotDay). The same answer
 *      gives which rows are hidden (by the person or by a filter) and which columns (rowMetadata, columnMetadata:
 *      DimensionProperties hiddenByUser, hiddenByFilter), recorded beside the grid (shared setHiddenParts), so
 *      that the parser says a hidden row it counts, or a hidden column it reads, as it does for a file. Of the tabs
 *      whose formats are read only (readsNumberFormats): the others have their hidden rows read unsaid.
 *
 * The cells then go through shared/sheet-grid.ts, the code the add-on uses for getValues(): plan tabs only,
 * merged blocks filled. References:
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 *   https://developers.google.com/sheets/api/guides/concepts (serial numbers for dates)
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellData (effectiveFormat)
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#NumberFormat
 *
 * Credentials: Application Default Credentials with the spreadsheets.readonly scope; GTM_PYRAMID_ACCESS_TOKEN (a
 * bearer token) and GTM_PYRAMID_SHEETS_API (the API root URL) override them, for proxies and tests. Every failure
 * is a SheetReadError with one line a GTM lead can act on (report/i18n.ts SHEET_MESSAGES).
 */
import type { OAuth2Client, GoogleAuth } from 'google-auth-library';

import { serialToZonedDate } from '../shared/calendar';
import { quoteSheet, setHiddenParts, type MergedRange, type Workbook } from '../shared/cells';
import type { FormatGrid } from '../shared/number-formats';
import { readsCellsOf, sheetGrid, sheetsToWorkbook } from '../shared/sheet-grid';
import { langFromLocale, readsNumberFormats, type Lang } from '../shared/template';
import { say, SHEET_MESSAGES } from './i18n';
import { REPORT_GUIDE } from './package-info';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';
export const DEFAULT_SHEETS_API = 'https://sheets.googleapis.com/';

/** Only what the reader uses: keeps the metadata answer small even for a workbook of many tabs. */
export const METADATA_FIELDS =
  'properties(title,locale,timeZone),sheets(properties(sheetId,title,index,sheetType,hidden),merges)';

/**
 * The number formats of the plan tabs' cells (spreadsheets.get with `ranges`): each tab's title, to match the answer
 * to the tab, and each cell's effective number format (what the cell shows, formulas' results included), nothing
 * else of the grid data. https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
 */
export const FORMAT_FIELDS =
  'sheets(properties(title),data(startRow,startColumn,rowMetadata(hiddenByUser,hiddenByFilter),' +
  'columnMetadata(hiddenByUser),rowData(values(effectiveFormat(numberFormat(type,pattern))))))';

/** The answer's grid data, as much of it as FORMAT_FIELDS asks for. */
interface FormatData {
  startRow?: number | null;
  startColumn?: number | null;
  rowMetadata?: { hiddenByUser?: boolean | null; hiddenByFilter?: boolean | null }[];
  columnMetadata?: { hiddenByUser?: boolean | null }[];
  rowData?: {
    values?: { effectiveFormat?: { numberFormat?: { type?: string | null; pattern?: string | null } } }[];
  }[];
}

/**
 * A NumberFormat as the format code the parser reads: its pattern; a percent without one, as Sheets shows it
 * ("a default pattern based on the spreadsheet's locale": a percent sign, whatever the locale), `0%`. A currency
 * without a pattern names no currency the answer says, and is read as the number it is.
 */
function formatCode(format: { type?: string | null; pattern?: string | null } | undefined): string | null {
  if (!format) return null;
  if (format.pattern) return format.pattern;
  return format.type === 'PERCENT' ? '0%' : null;
}

/** A tab's GridData (one per range asked for) as a grid of format codes, 0-based like its values; null when none. */
export function formatGrid(data: readonly FormatData[] | null | undefined): FormatGrid | null {
  const grid: (string | null)[][] = [];
  for (const block of data ?? []) {
    const top = block.startRow ?? 0;
    const left = block.startColumn ?? 0;
    (block.rowData ?? []).forEach((row, r) => {
      (row.values ?? []).forEach((cell, c) => {
        const code = formatCode(cell?.effectiveFormat?.numberFormat);
        if (code) (grid[top + r] ??= [])[left + c] = code;
      });
    });
  }
  return grid.length ? grid : null;
}

/**
 * A tab's hidden rows (by the person or a filter) and hidden columns, 1-based, from its GridData's rowMetadata and
 * columnMetadata (one DimensionProperties per row or column of the range, `{}` for one shown).
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#DimensionProperties
 */
export function hiddenOfData(data: readonly FormatData[] | null | undefined): {
  rows: Set<number>;
  columns: Set<number>;
} {
  const rows = new Set<number>();
  const columns = new Set<number>();
  for (const block of data ?? []) {
    const top = block.startRow ?? 0;
    const left = block.startColumn ?? 0;
    (block.rowMetadata ?? []).forEach((row, r) => {
      if (row?.hiddenByUser || row?.hiddenByFilter) rows.add(top + r + 1);
    });
    (block.columnMetadata ?? []).forEach((column, c) => {
      if (column?.hiddenByUser) columns.add(left + c + 1);
    });
  }
  return { rows, columns };
}

export class SheetReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetReadError';
  }
}

export interface LiveSpreadsheet {
  id: string;
  title: string;
  /** The spreadsheet's time zone (IANA id) and locale, as File > Settings shows them. */
  timeZone: string;
  locale: string;
  localeLang: Lang;
  /** Every tab's title, in order (plan tabs or not). */
  tabs: string[];
  /** The plan tabs' cells. */
  workbook: Workbook;
}

export interface SheetReadOptions {
  /** Where the settings come from (GTM_PYRAMID_*); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The language of error messages. */
  lang?: Lang;
  /** Retries after a 429 or 5xx answer (default 6: seven tries, spanning a minute; see retryWait). */
  retries?: number;
  /** The first wait before a retry, doubled each time (default 1000 ms; GTM_PYRAMID_RETRY_BASE_MS). */
  backoffMs?: number;
  /** Told before each wait for a retry, in `lang` (the CLI prints it on stderr: a minute's wait is no hang). */
  onRetry?: (message: string) => void;
  /** Waits (tests record the waits instead); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the random part of each wait; default Math.random. */
  random?: () => number;
  /** How long one request may take (default 60 s; GTM_PYRAMID_TIMEOUT_MS). */
  timeoutMs?: number;
}

// https://docs.google.com/spreadsheets/d/ID/edit, or …/spreadsheets/u/1/d/ID/… when several accounts are signed in, or
// …/a/example.com/spreadsheets/d/ID/… (a Workspace domain's older links).
// An ID is long (44 characters today): a "Publish to the web" link, …/spreadsheets/d/e/2PACX-…/pubhtml, names a
// published copy, not the spreadsheet, and its "e" is no ID.
const SPREADSHEET_URL =
  /^https?:\/\/docs\.google\.com\/(?:a\/[^/]+\/)?spreadsheets\/(?:u\/\d+\/)?d\/([a-zA-Z0-9_-]{20,})(?:[/?#]|$)/i;
const SPREADSHEET_ID = /^[a-zA-Z0-9_-]{20,}$/;

/** The spreadsheet ID of a `--sheet` argument: the address from the browser, or the ID itself. */
export function spreadsheetIdOf(value: string): string | null {
  const text = value.trim();
  const fromUrl = SPREADSHEET_URL.exec(text);
  if (fromUrl) return fromUrl[1];
  return SPREADSHEET_ID.test(text) ? text : null;
}

/** GridRange (0-based, end exclusive; Google leaves out indexes that are 0) → MergedRange (1-based, inclusive). */
export function mergedRange(range: {
  startRowIndex?: number | null;
  endRowIndex?: number | null;
  startColumnIndex?: number | null;
  endColumnIndex?: number | null;
}): MergedRange | null {
  const top = (range.startRowIndex ?? 0) + 1;
  const left = (range.startColumnIndex ?? 0) + 1;
  const bottom = range.endRowIndex ?? null;
  const right = range.endColumnIndex ?? null;
  if (bottom === null || right === null || bottom < top || right < left) return null;
  return { top, left, bottom, right };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function numberSetting(value: string | undefined, fallback: number): number {
  const n = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

interface Failure {
  status?: number;
  code?: string;
  /** Google's error message (its first line), or the network error's. */
  message: string;
  /** Google's `error.status`, the google.rpc.Code name (PERMISSION_DENIED, FAILED_PRECONDITION, …). */
  rpcStatus?: string;
  /** The reason its ErrorInfo detail gives (SERVICE_DISABLED, ACCESS_TOKEN_SCOPE_INSUFFICIENT, …). */
  reason?: string;
  /** That ErrorInfo's metadata (service, consumer, method, …). */
  metadata?: Record<string, unknown>;
  /** The answer's Retry-After, in ms from now (RFC 9110 §10.2.3: seconds, or an HTTP date). */
  retryAfterMs?: number;
}

/** A Retry-After header's value in ms from `now`, or undefined when it has none or none that reads. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The longest wait before one retry: Google's suggested maximum backoff for its APIs (32 or 64 s). */
export const MAX_BACKOFF_MS = 64_000;

/**
 * How long to wait before retry `attempt` (0 for the first): Google's truncated exponential backoff for the
 * Sheets API's 429 ("use an exponential backoff algorithm. After 1 minute, you can execute requests again":
 * https://developers.google.com/sheets/api/limits). The wait doubles from `base`, plus a random part of up to
 * `base` (Google: up to 1,000 ms) so that clients do not retry in step, and is never shorter than the answer's
 * Retry-After or longer than MAX_BACKOFF_MS. With the default base of 1 s and six retries the waits add up to
 * a little over a minute, the time the per-minute quota takes to refill.
 */
export function retryWait(attempt: number, base: number, random: number, retryAfter?: number): number {
  const backoff = base * 2 ** attempt + Math.floor(random * base);
  return Math.min(MAX_BACKOFF_MS, Math.max(backoff, retryAfter ?? 0));
}

/** What went wrong with a request, from gaxios's error: the HTTP status and Google's error body, or the network. */
function failureOf(error: unknown): Failure {
  const e = error as {
    status?: number;
    response?: { status?: number; data?: unknown; headers?: unknown };
    code?: string | number;
    message?: string;
    name?: string;
    cause?: { name?: string };
  };
  const status = e.response?.status ?? e.status;
  // gaxios gives the answer's headers as a fetch Headers object (older versions: a plain object).
  const headers = e.response?.headers as Headers | Record<string, string> | undefined;
  const retryAfter =
    typeof (headers as Headers | undefined)?.get === 'function'
      ? (headers as Headers).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  // Google's error model: { error: { code, message, status, details: [{ '@type': …ErrorInfo, reason, domain,
  // metadata }] } }, https://cloud.google.com/apis/design/errors
  const body = (e.response?.data ?? {}) as {
    error?: {
      message?: string;
      status?: string;
      details?: { '@type'?: string; reason?: string; metadata?: Record<string, unknown> }[];
    };
  };
  const details = Array.isArray(body.error?.details) ? body.error.details : [];
  const info =
    details.find((d) => d?.['@type'] === 'type.googleapis.com/google.rpc.ErrorInfo') ??
    details.find((d) => typeof d?.reason === 'string');
  return {
    status: typeof status === 'number' ? status : undefined,
    // A request is aborted only by its timeout: gaxios 7 says so with an AbortError as the error's cause.
    code:
      typeof e.code === 'string'
        ? e.code
        : e.name === 'TimeoutError' || e.cause?.name === 'AbortError'
          ? 'TimeoutError'
          : undefined,
    message: String(body.error?.message ?? e.message ?? error).split('\n')[0],
    rpcStatus: typeof body.error?.status === 'string' ? body.error.status : undefined,
    reason: typeof info?.reason === 'string' ? info.reason : undefined,
    metadata: info?.metadata && typeof info.metadata === 'object' ? info.metadata : undefined,
    retryAfterMs: retryAfterMs(retryAfter),
  };
}

/**
 * The Google Cloud projects of gcloud's own OAuth clients (`gcloud auth application-default login`, and `gcloud auth
 * login`): the requests of a sign-in that names no quota project are counted against them, where the Sheets API is
 * not enabled for anyone.
 */
const GCLOUD_CLIENT_PROJECTS = ['764086051850', '32555940559'];

/**
 * A gcloud sign-in that names no quota project, the project the Sheets API counts a user's requests against. Google
 * answers 403 with the reason SERVICE_DISABLED, as for an API that is off, but the project in question is gcloud's
 * own, not the user's: the message says the API "requires a quota project" (older answers: that the API "has not
 * been used in project 764086051850", or to set "billing/quota_project"), and the ErrorInfo names gcloud's project
 * as the consumer. https://cloud.google.com/docs/authentication/adc-troubleshooting/user-creds
 */
function lacksQuotaProject(f: Failure): boolean {
  if (f.status !== 403) return false;
  if (/requires a quota project|quota_project/i.test(f.message)) return true;
  const consumer = typeof f.metadata?.consumer === 'string' ? f.metadata.consumer : '';
  return GCLOUD_CLIENT_PROJECTS.some(
    (n) => consumer === `projects/${n}` || new RegExp(`\\bproject ${n}\\b`).test(f.message),
  );
}

/**
 * An Office file kept in Google Drive (an .xlsx, say) that Google Sheets opens without converting it: the Sheets API
 * cannot read it, and Google answers 400 FAILED_PRECONDITION "This operation is not supported for this document"
 * (github.com/tidyverse/googlesheets4/issues/275, github.com/burnash/gspread/issues/728).
 */
function isOfficeFile(f: Failure): boolean {
  return f.status === 400 && /operation is not supported for this document/i.test(f.message);
}

/** Google's message as the error lines quote it: short enough for one line. */
const quoted = (message: string) => message.slice(0, 200);

/**
 * A token without a Google Sheets scope: what a plain `gcloud auth application-default login` (no --scopes) gives,
 * or a Compute Engine VM whose access scopes leave Sheets out. Google answers 403 PERMISSION_DENIED, and sharing
 * the sheet would not help.
 */
function lacksScope(f: Failure): boolean {
  return (
    f.status === 403 &&
    (f.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' || /insufficient authentication scopes/i.test(f.message))
  );
}

const retryable = (f: Failure) => f.status === 429 || (f.status !== undefined && f.status >= 500);

/**
 * Runs `find` (the search for Application Default Credentials) without the MetadataLookupWarning lines that
 * gcp-metadata prints when its probe of the Compute Engine metadata server meets something unexpected, such as a
 * proxy answering 403 for 169.254.169.254. Off Google Cloud the probe is expected to fail: the command says in one
 * line what to do when no credentials are found, and those two lines of Node's warning output after it only
 * puzzled. Other warnings pass as ever.
 */
async function withoutMetadataWarnings<T>(find: () => Promise<T>): Promise<T> {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, ...args: Parameters<NodeJS.Process['emitWarning']>) {
    const [warning, type] = args as [string | Error, unknown];
    const name =
      typeof type === 'string'
        ? type
        : typeof (type as { type?: unknown } | undefined)?.type === 'string'
          ? (type as { type: string }).type
          : warning instanceof Error
            ? warning.name
            : '';
    if (name === 'MetadataLookupWarning') return;
    return emitWarning.apply(this, args);
  } as NodeJS.Process['emitWarning'];
  try {
    return await find();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Reads the live spreadsheet. Every failure is a SheetReadError; nothing is cached or written. */
export async function readSheet(sheet: string, options: SheetReadOptions = {}): Promise<LiveSpreadsheet> {
  const env = options.env ?? process.env;
  const lang = options.lang ?? 'en';
  const found = spreadsheetIdOf(sheet);
  if (!found) throw new SheetReadError(say(SHEET_MESSAGES.badSheetArg, lang, { value: sheet }));
  const id: string = found;
  const root = env.GTM_PYRAMID_SHEETS_API?.trim() || DEFAULT_SHEETS_API;
  let host: string;
  try {
    const url = new URL(root);
    if (!/^https?:$/.test(url.protocol)) throw new Error('not http');
    host = url.host;
  } catch {
    throw new SheetReadError(say(SHEET_MESSAGES.badApiRoot, lang, { value: root }));
  }
  const retries = options.retries ?? 6;
  const busyReason = (status: number) =>
    say(status === 429 ? SHEET_MESSAGES.busyQuota : SHEET_MESSAGES.busyServer, lang);
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const backoffMs = options.backoffMs ?? numberSetting(env.GTM_PYRAMID_RETRY_BASE_MS, 1000);
  const timeoutMs = options.timeoutMs ?? numberSetting(env.GTM_PYRAMID_TIMEOUT_MS, 60_000);

  // The client libraries are loaded only for --sheet: the .xlsx route never pays for them.
  const [{ sheets: sheetsApi }, authLibrary] = await Promise.all([
    import('@googleapis/sheets'),
    import('google-auth-library'),
  ]);
  const token = env.GTM_PYRAMID_ACCESS_TOKEN?.trim();
  let auth: OAuth2Client | GoogleAuth;
  if (token) {
    const client = new authLibrary.OAuth2Client();
    client.setCredentials({ access_token: token });
    auth = client;
  } else {
    const adc = new authLibrary.GoogleAuth({ scopes: [SHEETS_SCOPE] });
    try {
      await withoutMetadataWarnings(() => adc.getClient());
    } catch (error) {
      // GOOGLE_APPLICATION_CREDENTIALS set: the file it names is what failed (missing, not a key), not a lack of
      // credentials; saying "set GOOGLE_APPLICATION_CREDENTIALS" to someone who has would send them in circles.
      const file = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
      // Not JSON at all (a PEM, a P12, a page saved from the console): JSON.parse's message quotes the file, which
      // may hold a private key, and is cut at its first line; said in words instead, with what to download.
      if (file && (error as Error | undefined)?.name === 'SyntaxError')
        throw new SheetReadError(say(SHEET_MESSAGES.badCredentialsJson, lang, { id, file }));
      if (file)
        throw new SheetReadError(
          say(SHEET_MESSAGES.badCredentialsFile, lang, {
            id,
            file,
            reason: String((error as NodeJS.ErrnoException).code ?? (error as Error).message ?? error).split(
              '\n',
            )[0],
          }),
        );
      throw new SheetReadError(say(SHEET_MESSAGES.noCredentials, lang, { id, guide: REPORT_GUIDE }));
    }
    auth = adc;
  }
  const api = sheetsApi({ version: 'v4', auth, rootUrl: root });

  /** The service account's e-mail when the credentials say it (a key file, or the metadata server). */
  const serviceAccount = async (): Promise<string | undefined> => {
    if (token) return undefined;
    try {
      return (await (auth as GoogleAuth).getCredentials()).client_email ?? undefined;
    } catch {
      return undefined; // No e-mail to name: the signed-in account's credentials.
    }
  };

  /** Who to share the sheet with, for the 403 message: the service account's e-mail when the key says it. */
  const who = async (): Promise<string> => {
    if (token) return say(SHEET_MESSAGES.forbiddenToken, lang);
    const email = await serviceAccount();
    if (email) return say(SHEET_MESSAGES.forbiddenServiceAccount, lang, { email });
    return say(SHEET_MESSAGES.forbiddenUser, lang);
  };

  /** How to get a token with the Sheets scope, for these credentials. */
  const scopeFix = async (): Promise<string> => {
    if (token) return say(SHEET_MESSAGES.scopeFixToken, lang, { scope: SHEETS_SCOPE });
    const email = await serviceAccount();
    if (email) return say(SHEET_MESSAGES.scopeFixServiceAccount, lang, { email, scope: SHEETS_SCOPE });
    return say(SHEET_MESSAGES.scopeFixUser, lang);
  };

  /** One request, retried with exponential backoff (retryWait) on 429 and 5xx; any other failure is one line. */
  async function call<T>(request: () => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await request()).data;
      } catch (error) {
        const f = failureOf(error);
        if (retryable(f) && attempt < retries) {
          const waitMs = retryWait(attempt, backoffMs, random(), f.retryAfterMs);
          options.onRetry?.(
            say(SHEET_MESSAGES.retrying, lang, {
              id,
              status: f.status!,
              reason: busyReason(f.status!),
              seconds: Math.round(waitMs / 100) / 10,
              attempt: attempt + 2,
              tries: retries + 1,
            }),
          );
          await wait(waitMs);
          continue;
        }
        if (retryable(f)) {
          throw new SheetReadError(
            say(SHEET_MESSAGES.busy, lang, {
              id,
              status: f.status!,
              attempts: attempt + 1,
              reason: busyReason(f.status!),
            }),
          );
        }
        if (f.status === 404) throw new SheetReadError(say(SHEET_MESSAGES.notFound, lang, { id }));
        // 401 from the API, or the token endpoint refusing to renew a signed-in session (expired gcloud login).
        if (f.status === 401 || /invalid_grant|invalid_rapt|reauth/i.test(f.message))
          throw new SheetReadError(say(SHEET_MESSAGES.unauthenticated, lang, { id }));
        if (lacksScope(f))
          throw new SheetReadError(say(SHEET_MESSAGES.scopeMissing, lang, { id, fix: await scopeFix() }));
        if (lacksQuotaProject(f))
          throw new SheetReadError(
            say(SHEET_MESSAGES.noQuotaProject, lang, {
              id,
              fix: say(
                token ? SHEET_MESSAGES.noQuotaProjectFixToken : SHEET_MESSAGES.noQuotaProjectFixAdc,
                lang,
              ),
            }),
          );
        if (f.status === 403) {
          if (f.reason === 'SERVICE_DISABLED' || /has not been used|is disabled/i.test(f.message))
            throw new SheetReadError(say(SHEET_MESSAGES.apiDisabled, lang, { id }));
          throw new SheetReadError(say(SHEET_MESSAGES.forbidden, lang, { id, who: await who() }));
        }
        if (isOfficeFile(f)) throw new SheetReadError(say(SHEET_MESSAGES.officeFile, lang, { id }));
        if (f.status !== undefined)
          throw new SheetReadError(
            say(SHEET_MESSAGES.failed, lang, { id, status: f.status, message: quoted(f.message) }),
          );
        if (f.code === 'TimeoutError' || /timeout|timed out/i.test(f.message))
          throw new SheetReadError(
            say(SHEET_MESSAGES.timeout, lang, { id, host, seconds: Math.round(timeoutMs / 100) / 10 }),
          );
        throw new SheetReadError(
          say(SHEET_MESSAGES.network, lang, { id, host, code: f.code ?? quoted(f.message) }),
        );
      }
    }
  }
  // Our own retries (bounded, with a base tests can shorten) replace the client's built-in ones.
  const requestOptions = { retry: false, timeout: timeoutMs };

  const meta = await call(() =>
    api.spreadsheets.get({ spreadsheetId: id, fields: METADATA_FIELDS }, requestOptions),
  );
  if (!meta || typeof meta !== 'object' || !Array.isArray(meta.sheets))
    throw new SheetReadError(say(SHEET_MESSAGES.badResponse, lang, { id, host, what: 'no sheets' }));
  // Grid tabs only: a chart on its own tab (sheetType OBJECT) has no cells.
  const tabs = meta.sheets
    .filter((s) => (s.properties?.sheetType ?? 'GRID') === 'GRID')
    .sort((a, b) => (a.properties?.index ?? 0) - (b.properties?.index ?? 0))
    .map((s) => ({
      name: s.properties?.title ?? '',
      hidden: s.properties?.hidden === true,
      merges: (s.merges ?? []).map(mergedRange).filter((m): m is MergedRange => m !== null),
    }));
  const title = meta.properties?.title ?? id;
  const timeZone = meta.properties?.timeZone || 'UTC';
  const locale = meta.properties?.locale || 'en';
  // The plan tabs, and any tab of more check-ins ("Actuals 2027"), whose rows the parser says are not read.
  const planTabs = tabs.filter((t) => readsCellsOf(t.name));

  /** Every plan tab's values, dates (and times, durations) rendered as `dateTimeRenderOption` says. */
  const planValues = async (dateTimeRenderOption: 'SERIAL_NUMBER' | 'FORMATTED_STRING') => {
    const values = await call(() =>
      api.spreadsheets.values.batchGet(
        {
          spreadsheetId: id,
          ranges: planTabs.map((t) => quoteSheet(t.name)),
          majorDimension: 'ROWS',
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption,
        },
        requestOptions,
      ),
    );
    const ranges = values?.valueRanges;
    if (!Array.isArray(ranges) || ranges.length !== planTabs.length)
      throw new SheetReadError(
        say(SHEET_MESSAGES.badResponse, lang, {
          id,
          host,
          what: 'valueRanges do not match the tabs asked for',
        }),
      );
    // valueRanges come back in the order of the ranges asked for; an empty tab has no `values`.
    return ranges.map((r) => (Array.isArray(r.values) ? (r.values as unknown[][]) : []));
  };
  // Only the tabs with columns people type numbers or dates into: the Targets tab, the largest, is generated, and its
  // formats change nothing the parser reads (template.ts readsNumberFormats).
  const typedTabs = planTabs.filter((t) => {
    const key = readsCellsOf(t.name);
    return key !== null && readsNumberFormats(key);
  });
  /** The number formats of the plan tabs people type numbers into, by tab title. */
  const planFormats = async () => {
    const answer = await call(() =>
      api.spreadsheets.get(
        { spreadsheetId: id, ranges: typedTabs.map((t) => quoteSheet(t.name)), fields: FORMAT_FIELDS },
        requestOptions,
      ),
    );
    if (!answer || typeof answer !== 'object' || !Array.isArray(answer.sheets))
      throw new SheetReadError(
        say(SHEET_MESSAGES.badResponse, lang, { id, host, what: 'no sheets with the number formats' }),
      );
    const byTitle = new Map<string, FormatGrid>();
    for (const sheet of answer.sheets) {
      const data = sheet.data as FormatData[] | undefined;
      const grid = formatGrid(data);
      const title = sheet.properties?.title;
      if (title === undefined || title === null) continue;
      if (grid) byTitle.set(title, grid);
      hiddenByTitle.set(title, hiddenOfData(data));
    }
    return byTitle;
  };
  let grids: unknown[][][] = [];
  let formats = new Map<string, FormatGrid>();
  const hiddenByTitle = new Map<string, { rows: Set<number>; columns: Set<number> }>();
  if (planTabs.length) {
    // One after the other: a failure is then one failure, with no other request still retrying behind it.
    const serials = await planValues('SERIAL_NUMBER');
    const formatted = await planValues('FORMATTED_STRING');
    grids = serials.map((grid, i) => withDateCells(grid, formatted[i] ?? [], timeZone));
    if (typedTabs.length) formats = await planFormats();
  }
  // Every tab by name, the plan tabs with their cells (sheetsToWorkbook keeps those and names the near misses).
  const gridOf = new Map(
    planTabs.map((t, i) => [
      t.name,
      setHiddenParts(sheetGrid(grids[i], t.merges, formats.get(t.name)), {
        sheet: t.hidden,
        ...hiddenByTitle.get(t.name),
      }),
    ]),
  );
  const workbook = sheetsToWorkbook(tabs.map((t) => ({ name: t.name, grid: gridOf.get(t.name) ?? [] })));
  return {
    id,
    title,
    timeZone,
    locale,
    localeLang: langFromLocale(locale),
    tabs: tabs.map((t) => t.name),
    workbook,
  };
}

/**
 * The serial-number grid with its date cells made Dates, as Apps Script's getValues() gives them (the instant of
 * the cell's wall-clock time in the spreadsheet's zone). With dateTimeRenderOption=SERIAL_NUMBER a date is a
 * plain number, indistinguishable from one typed as a number: "1/2" typed into a Target cell, which Sheets turns
 * into 2 January, would read as the target 46,024. The same cells asked for with FORMATTED_STRING come back as
 * text where, and only where, the cell is formatted as a date, a time or a duration (other numbers stay numbers),
 * so a cell that is a number in one answer and text in the other is a date. The parser then reads it as the add-on
 * does: a date in a date column, and "not a number" where a number belongs. (A cell edited between the two
 * requests can only be misjudged until the next read.)
 * https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption
 */
export function withDateCells(serials: unknown[][], formatted: unknown[][], timeZone: string): unknown[][] {
  let out: unknown[][] | undefined;
  serials.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value !== 'number' || typeof formatted[r]?.[c] !== 'string') return;
      out ??= serials.map((cells) => [...cells]);
      out[r][c] = serialToZonedDate(value, timeZone);
    });
  });
  return out ?? serials;
}
