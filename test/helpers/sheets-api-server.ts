/**
 * A local stand-in for the Google Sheets API v4, on 127.0.0.1, speaking the subset `--sheet` uses, with bodies
 * shaped as Google's reference documents them:
 *
 *   GET /v4/spreadsheets/{spreadsheetId}                      → Spreadsheet (properties, sheets[].properties, merges)
 *       https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
 *   GET /v4/spreadsheets/{spreadsheetId}?ranges=…&fields=sheets(…data…) → the ranges' sheets, each with its GridData:
 *       rowData[].values[] one CellData per cell, `{}` for a cell with none of the fields asked for, and
 *       effectiveFormat.numberFormat ({ type, pattern }) where the cell has a number format (FakeTab formats; a
 *       date cell's is DATE); "When ranges are specified, only the portions of the spreadsheet that intersect the
 *       requested ranges are returned", and a field mask makes includeGridData unneeded.
 *       https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#CellData
 *   GET /v4/spreadsheets/{spreadsheetId}/values:batchGet      → BatchGetValuesResponse (valueRanges[])
 *       https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
 *   errors                                                    → { "error": { "code", "message", "status" } }, and
 *       with a `reason` the ErrorInfo detail that names why ({ "@type", "reason", "domain", "metadata" }):
 *       https://cloud.google.com/apis/design/errors
 *
 * It serves the example plan (cells from shared/example.ts, as the .xlsx of `gtm-pyramid example`), its date cells
 * as serial numbers or as text, as dateTimeRenderOption asks (DateCell), and its Targets tab's formulas as results
 * (evaluated by HyperFormula, as Sheets would: UNFORMATTED_VALUE returns results, not formulas). Every request
 * is recorded; `script` makes the next answers fail in the ways Google's do (a status, a dropped connection, no
 * answer at all). With `serviceAccount` set it also plays the Compute Engine metadata server (GCE_METADATA_HOST),
 * the Application Default Credentials of a workload on Google Cloud: an access token and the account's e-mail.
 *   https://cloud.google.com/compute/docs/metadata/querying-metadata
 * It also plays Google's OAuth 2.0 token endpoint (POST /token), where the refresh token of a gcloud sign-in
 * (`gcloud auth application-default login`) is exchanged for an access token; routeTokenEndpoint sends the client
 * library's requests for https://oauth2.googleapis.com/token to it.
 *   https://developers.google.com/identity/protocols/oauth2/native-app#offline
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';

import {
  buildTargetsSheet,
  columnDef,
  EXAMPLE_AS_OF,
  columnLetter,
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  tabDef,
  TARGETS_ATTAINMENT_FORMAT,
  type Lang,
  type Workbook,
} from '../../shared';
import { evaluateWorkbook } from './hyperformula';

/** A GridRange as the API writes it: 0-based, end exclusive, and (proto3 JSON) zero indexes left out. */
export interface GridRange {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex: number;
  startColumnIndex?: number;
  endColumnIndex: number;
}

/**
 * A cell formatted as a date, a time or a duration. With valueRenderOption=UNFORMATTED_VALUE the API gives its
 * serial number when dateTimeRenderOption is SERIAL_NUMBER (the default), and its text as its number format shows
 * it when FORMATTED_STRING; every other cell is the same in both.
 * https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption
 */
export class DateCell {
  constructor(
    readonly serial: number,
    readonly shown: string,
  ) {}
}

/** A day typed into a date-formatted cell (the template formats dates yyyy-mm-dd). */
export const dateCell = (iso: string) => new DateCell(isoToSerial(iso), iso);

/** A cell's number format as the API gives it (NumberFormat: `type`, and `pattern` unless the locale's default). */
export interface FakeNumberFormat {
  type: 'NUMBER' | 'PERCENT' | 'CURRENCY' | 'DATE' | 'TIME' | 'DATE_TIME' | 'SCIENTIFIC' | 'TEXT';
  pattern?: string;
}

export interface FakeTab {
  title: string;
  /** Row-major values as UNFORMATTED_VALUE renders them; date, time and duration cells as DateCell. */
  values: unknown[][];
  /** Number formats of cells, row-major like `values` (missing: the automatic format, no numberFormat). */
  formats?: (FakeNumberFormat | undefined)[][];
  merges?: Omit<GridRange, 'sheetId'>[];
  sheetType?: 'GRID' | 'OBJECT';
  /** The tab hidden (SheetProperties.hidden). */
  hidden?: boolean;
  /** Rows hidden by the person, by a filter, and columns hidden (1-based): DimensionProperties. */
  hiddenRows?: number[];
  filteredRows?: number[];
  hiddenColumns?: number[];
}

export interface FakeSpreadsheet {
  id: string;
  title: string;
  locale: string;
  timeZone: string;
  tabs: FakeTab[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/** How the next request is answered instead of normally. */
export type Scripted =
  /**
   * An error answer: `status` is the HTTP status, `code` the google.rpc.Code name of `error.status` (default: the
   * usual one for the status, e.g. INVALID_ARGUMENT for 400; FAILED_PRECONDITION is another 400); with a `reason`,
   * an ErrorInfo detail with that reason and `metadata`. `retryAfter` is sent as the Retry-After header (seconds,
   * or an HTTP date).
   */
  | {
      status: number;
      code?: string;
      message?: string;
      reason?: string;
      metadata?: Record<string, string>;
      retryAfter?: string;
    }
  /** The connection is dropped without an answer. */
  | { drop: true }
  /** No answer at all (until the server closes). */
  | { hang: true };

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  429: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'.",
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

/** A row without its trailing blanks, and a grid without its trailing blank rows, as the API trims them. */
function trimmed(values: unknown[][]): unknown[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end--;
    return row.slice(0, end).map((c) => (c === null || c === undefined ? '' : c));
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** 'Key Results' or 'Key Results'!A1:Z9 → the tab title (quotes removed, '' → '). */
function tabOfRange(range: string): string {
  const m = /^(.*)!\$?[A-Z]+\$?\d*(:\$?[A-Z]+\$?\d*)?$/.exec(range);
  const name = m ? m[1] : range;
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

export class SheetsApiServer {
  readonly requests: RecordedRequest[] = [];
  /** Answers to give instead of the normal ones, first to last. */
  readonly script: Scripted[] = [];
  private server: Server;
  private sockets = new Set<Socket>();
  private spreadsheets = new Map<string, FakeSpreadsheet>();
  url = '';
  /** The metadata server's service account e-mail (see the header); unset: no metadata server. */
  serviceAccount: string | undefined;
  /** The scopes the token endpoint says it granted: by default those of the sign-in docs/report.md gives. */
  signInScopes = [
    'https://www.googleapis.com/auth/spreadsheets.readonly',
    'https://www.googleapis.com/auth/cloud-platform',
  ];

  constructor(spreadsheets: FakeSpreadsheet[]) {
    for (const s of spreadsheets) this.spreadsheets.set(s.id, s);
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** host:port, for GCE_METADATA_HOST. */
  get host(): string {
    return new URL(this.url).host;
  }

  /** Requests to the Sheets API (not the metadata server). */
  get apiRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/v4/'));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private error(
    res: ServerResponse,
    code: number,
    message = DEFAULT_MESSAGES[code] ?? 'Error',
    detail: { code?: string; reason?: string; metadata?: Record<string, string> } = {},
  ) {
    const status = detail.code ?? STATUS_NAMES[code] ?? 'UNKNOWN';
    const error: Record<string, unknown> = { code, message, status };
    if (detail.reason)
      error.details = [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: detail.reason,
          domain: 'googleapis.com',
          ...(detail.metadata ? { metadata: detail.metadata } : {}),
        },
      ];
    this.json(res, code, { error });
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.requests.push({
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    if (url.pathname.startsWith('/computeMetadata/v1/')) return this.metadataServer(req, res, url);
    if (url.pathname === '/token') return this.tokenEndpoint(req, res);
    const scripted = this.script.shift();
    if (scripted) {
      if ('drop' in scripted) return req.socket.destroy();
      if ('hang' in scripted) return;
      if (scripted.retryAfter !== undefined) res.setHeader('Retry-After', scripted.retryAfter);
      return this.error(res, scripted.status, scripted.message, scripted);
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) return this.error(res, 401);
    const m = /^\/v4\/spreadsheets\/([^/]+?)(\/values:batchGet)?$/.exec(url.pathname);
    if (!m || req.method !== 'GET') return this.error(res, 404);
    const spreadsheet = this.spreadsheets.get(decodeURIComponent(m[1]));
    if (!spreadsheet) return this.error(res, 404);
    if (!m[2] && url.searchParams.has('ranges')) return this.gridData(res, spreadsheet, url.searchParams);
    if (!m[2]) return this.json(res, 200, this.metadata(spreadsheet));
    return this.batchGet(res, spreadsheet, url.searchParams);
  }

  private metadataServer(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname.slice('/computeMetadata/v1/'.length);
    const headers = { 'Metadata-Flavor': 'Google' };
    if (!this.serviceAccount || req.headers['metadata-flavor'] !== 'Google') {
      res.writeHead(404, headers);
      return res.end();
    }
    if (path === 'instance/service-accounts/default/token') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({ access_token: 'metadata-token', expires_in: 3599, token_type: 'Bearer' }),
      );
    }
    if (path === 'instance/service-accounts/default/email') {
      res.writeHead(200, { ...headers, 'content-type': 'application/text' });
      return res.end(this.serviceAccount);
    }
    if (path === 'universe/universe-domain') {
      res.writeHead(200, { ...headers, 'content-type': 'application/text' });
      return res.end('googleapis.com');
    }
    res.writeHead(404, headers);
    res.end();
  }

  /**
   * Google's OAuth 2.0 token endpoint refreshing a sign-in: a POST of grant_type=refresh_token is answered with an
   * access token, its lifetime, the scopes granted and its type; anything else as Google answers a bad request.
   * https://developers.google.com/identity/protocols/oauth2/native-app#offline
   */
  private tokenEndpoint(req: IncomingMessage, res: ServerResponse) {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      if (req.method !== 'POST' || form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token'))
        return this.json(res, 400, { error: 'invalid_request', error_description: 'Bad Request' });
      this.json(res, 200, {
        access_token: 'user-token',
        expires_in: 3599,
        scope: this.signInScopes.join(' '),
        token_type: 'Bearer',
      });
    });
  }

  private metadata(s: FakeSpreadsheet) {
    return {
      spreadsheetId: s.id,
      properties: { title: s.title, locale: s.locale, timeZone: s.timeZone, autoRecalc: 'ON_CHANGE' },
      sheets: s.tabs.map((tab, index) => {
        const sheetId = 1000 + index;
        const rows = tab.values.length;
        const columns = Math.max(0, ...tab.values.map((r) => r.length));
        const properties: Record<string, unknown> = {
          sheetId,
          title: tab.title,
          sheetType: tab.sheetType ?? 'GRID',
          gridProperties: { rowCount: Math.max(rows, 1000), columnCount: Math.max(columns, 26) },
        };
        if (index > 0) properties.index = index; // proto3 JSON leaves out 0
        if (tab.hidden) properties.hidden = true; // and false
        return {
          properties,
          ...(tab.merges?.length ? { merges: tab.merges.map((g) => ({ sheetId, ...g })) } : {}),
        };
      }),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${s.id}/edit`,
    };
  }

  /** spreadsheets.get with ranges: the sheets they name, in tab order, with the grid data the mask asks for. */
  private gridData(res: ServerResponse, s: FakeSpreadsheet, query: URLSearchParams) {
    const fields = query.get('fields') ?? '';
    const titles = query.getAll('ranges').map(tabOfRange);
    const unknown = titles.find((title) => !s.tabs.some((t) => t.title === title));
    if (unknown !== undefined) return this.error(res, 400, `Unable to parse range: ${unknown}`);
    // This stand-in serves the one mask the reader sends: number formats of whole tabs.
    if (!/effectiveFormat\(numberFormat/.test(fields))
      return this.error(res, 400, `This stand-in does not serve the fields ${fields}`);
    const sheets = s.tabs
      .filter((tab) => titles.includes(tab.title))
      .map((tab) => {
        const rows = trimmed(tab.values);
        const rowData = rows.map((row, r) => ({
          values: row.map((cell, c) => {
            const format =
              tab.formats?.[r]?.[c] ??
              (cell instanceof DateCell ? { type: 'DATE', pattern: 'yyyy-mm-dd' } : undefined);
            return format ? { effectiveFormat: { numberFormat: format } } : {};
          }),
        }));
        // rowMetadata and columnMetadata: one DimensionProperties per row and column of the range (the whole grid,
        // rowCount × columnCount), `{}` for one with none of the fields asked for shown.
        // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#GridData
        const rowCount = Math.max(tab.values.length, 1000);
        const columnCount = Math.max(0, 26, ...tab.values.map((r) => r.length));
        const dimension = (hidden: boolean, filtered = false) => ({
          ...(hidden ? { hiddenByUser: true } : {}),
          ...(filtered ? { hiddenByFilter: true } : {}),
        });
        const metadata = /rowMetadata\(/.test(fields)
          ? {
              rowMetadata: Array.from({ length: rowCount }, (_, r) =>
                dimension(!!tab.hiddenRows?.includes(r + 1), !!tab.filteredRows?.includes(r + 1)),
              ),
              columnMetadata: Array.from({ length: columnCount }, (_, c) =>
                dimension(!!tab.hiddenColumns?.includes(c + 1)),
              ),
            }
          : {};
        // proto3 JSON leaves out startRow and startColumn when 0.
        return {
          properties: { title: tab.title },
          data: [{ ...metadata, ...(rows.length ? { rowData } : {}) }],
        };
      });
    this.json(res, 200, { sheets });
  }

  private batchGet(res: ServerResponse, s: FakeSpreadsheet, query: URLSearchParams) {
    const ranges = query.getAll('ranges');
    if (!ranges.length) return this.error(res, 400, 'Must specify at least one range.');
    const valueRanges = [];
    for (const range of ranges) {
      const tab = s.tabs.find((t) => t.title === tabOfRange(range));
      if (!tab) return this.error(res, 400, `Unable to parse range: ${range}`);
      const formatted = query.get('dateTimeRenderOption') === 'FORMATTED_STRING';
      const values = trimmed(tab.values).map((row) =>
        row.map((cell) => (cell instanceof DateCell ? (formatted ? cell.shown : cell.serial) : cell)),
      );
      const columns = Math.max(1, ...values.map((r) => r.length));
      const quoted = `'${tab.title.replace(/'/g, "''")}'`;
      valueRanges.push({
        range: `${quoted}!A1:${columnLetter(Math.max(columns, 26))}${Math.max(values.length, 1000)}`,
        majorDimension: 'ROWS',
        ...(values.length ? { values } : {}),
      });
    }
    this.json(res, 200, { spreadsheetId: s.id, valueRanges });
  }
}

/**
 * Sends this process's requests for Google's OAuth 2.0 token endpoint (https://oauth2.googleapis.com/token) to the
 * stand-in's, so that the Application Default Credentials `gcloud auth application-default login` writes (a refresh
 * token, in ~/.config/gcloud/application_default_credentials.json) can be used against it: the client library has
 * that endpoint built in, and reaches it through node:https (gaxios, by node-fetch). Every other request goes as
 * ever. Returns the function that undoes it.
 */
export function routeTokenEndpoint(server: SheetsApiServer): () => void {
  const https = createRequire(import.meta.url)('node:https') as { request: (...args: unknown[]) => unknown };
  const original = https.request;
  https.request = function (...args: unknown[]) {
    const [url, options, callback] = args as [URL | string, Record<string, unknown> | undefined, unknown];
    const target = typeof url === 'string' ? new URL(url) : url;
    if (!(target instanceof URL) || target.host !== 'oauth2.googleapis.com')
      return original.apply(this, args);
    const local = new URL(target.pathname + target.search, server.url);
    return httpRequest(local, { ...options, agent: undefined }, callback as () => void);
  };
  return () => {
    https.request = original;
  };
}

export const EXAMPLE_SPREADSHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-gtmP';

/**
 * The example plan as a live spreadsheet: the plan tabs of shared/example.ts with dates as serial numbers, the
 * Targets tab (the add-on's formulas) as computed results, a tab that is not part of the plan, and the Objective
 * cells of consecutive key results of one objective merged (the value in the top cell only, as Sheets keeps it).
 */
export function exampleSpreadsheet(
  lang: Lang = 'en',
  overrides: Partial<Omit<FakeSpreadsheet, 'tabs'>> = {},
): FakeSpreadsheet {
  const plan: Workbook = exampleWorkbook(lang, { date: isoToSerial });
  // As the example's .xlsx has it: judged as of the example's day.
  const targets = buildTargetsSheet(parsePlan(plan).plan, { lang, date: isoToSerial, asOf: EXAMPLE_AS_OF })!;
  const targetsName = tabDef('targets').label[lang];
  const { values } = evaluateWorkbook({ ...plan, [targetsName]: targets.rows });
  // The same cells with their dates as Dates, to know which cells are formatted as dates.
  const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const dated = {
    ...exampleWorkbook(lang, { date: asDate }),
    [targetsName]: buildTargetsSheet(parsePlan(plan).plan, { lang, date: asDate, asOf: EXAMPLE_AS_OF })!.rows,
  };
  const served = (title: string, grid: unknown[][]): FakeTab => ({
    title,
    values: grid.map((row, r) =>
      row.map((cell, c) => {
        const typed = dated[title]?.[r]?.[c];
        return typed instanceof Date ? dateCell(typed.toISOString().slice(0, 10)) : (cell ?? '');
      }),
    ),
  });
  const tabs: FakeTab[] = Object.entries(plan).map(([title, grid]) => served(title, grid));
  tabs.push(served(targetsName, values(targetsName)));
  // The Targets tab's own formats, as Decompose targets writes them: its Attainment shown as a percent (which the
  // parser must read as the number it is, as ever), and so are the Target and Baseline of a % key result.
  const targetsTab = tabs[tabs.length - 1];
  const attainment = targetsTab.values[0].indexOf(columnDef('targets', 'attainment').label[lang]);
  targetsTab.formats = targetsTab.values.map((row, r) =>
    r === 0
      ? []
      : row.map((_, c) =>
          c === attainment ? { type: 'PERCENT', pattern: TARGETS_ATTAINMENT_FORMAT } : undefined,
        ),
  );
  const krTab = tabs.find((t) => t.title === tabDef('keyResults').label[lang])!;
  const [unitColumn, ...percentColumns] = (['unit', 'baseline', 'target'] as const).map((key) =>
    krTab.values[0].indexOf(columnDef('keyResults', key).label[lang]),
  );
  krTab.formats = krTab.values.map((row, r) =>
    r > 0 && row[unitColumn] === '%'
      ? row.map((_, c) => (percentColumns.includes(c) ? { type: 'PERCENT', pattern: '0%' } : undefined))
      : [],
  );
  // Merge the Objective cells of key results that share an objective, in runs of rows.
  const kr = tabs.find((t) => t.title === tabDef('keyResults').label[lang])!;
  const objectiveColumn = kr.values[0].indexOf(columnDef('keyResults', 'objective').label[lang]);
  const merges: FakeTab['merges'] = [];
  for (let start = 1; start < kr.values.length;) {
    let end = start + 1;
    while (end < kr.values.length && kr.values[end][objectiveColumn] === kr.values[start][objectiveColumn]) {
      kr.values[end][objectiveColumn] = '';
      end++;
    }
    if (end - start > 1)
      merges.push({
        startRowIndex: start,
        endRowIndex: end,
        startColumnIndex: objectiveColumn,
        endColumnIndex: objectiveColumn + 1,
      });
    start = end;
  }
  kr.merges = merges;
  tabs.splice(1, 0, { title: lang === 'en' ? 'Notes' : '备注', values: [['Not part of the plan']] });
  tabs.push({ title: 'Chart1', values: [], sheetType: 'OBJECT' });
  return {
    id: EXAMPLE_SPREADSHEET_ID,
    title: lang === 'en' ? 'GEO go-to-market plan' : 'GEO 上市计划',
    locale: lang === 'en' ? 'en_US' : 'zh_CN',
    timeZone: 'America/Los_Angeles',
    ...overrides,
    tabs,
  };
}
