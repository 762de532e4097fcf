/**
 * `--sheet`: the report and the checks from a live Google Sheet, through the real client libraries
 * (@googleapis/sheets, google-auth-library) talking to a local stand-in of the Sheets API
 * (test/helpers/sheets-api-server.ts) that serves the example plan. No Google account, no network.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import { columnDef, columnLetter, isoToSerial, parsePlan, tabDef, type Lang } from '../shared';
import { FORMAT_FIELDS, MAX_BACKOFF_MS, readSheet, retryAfterMs, retryWait, spreadsheetIdOf } from '../report/read-sheets';
import { exampleXlsxBuffer } from '../report/write-xlsx';
import { parse, runCli, tempDir } from './helpers/report';
import {
  DateCell,
  dateCell,
  EXAMPLE_SPREADSHEET_ID as ID,
  exampleSpreadsheet,
  routeTokenEndpoint,
  SheetsApiServer,
} from './helpers/sheets-api-server';

const SHEET_URL = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;
/** The installed command (bin/ runs dist/cli, which `npm test` builds first). */
const BIN = fileURLToPath(new URL('../bin/gtm-pyramid.js', import.meta.url));
const ENV_KEYS = [
  'GTM_PYRAMID_SHEETS_API',
  'GTM_PYRAMID_ACCESS_TOKEN',
  'GTM_PYRAMID_RETRY_BASE_MS',
  'GTM_PYRAMID_TIMEOUT_MS',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_CONFIG',
  'METADATA_SERVER_DETECTION',
  'GCE_METADATA_HOST',
  'GCE_METADATA_IP',
  'HOME',
] as const;

let dir: string;
let server: SheetsApiServer;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

beforeAll(async () => {
  dir = tempDir('sheets');
  server = await new SheetsApiServer([
    exampleSpreadsheet('en'),
    exampleSpreadsheet('zh-CN', { id: `${ID}zh` }),
  ]).start();
  for (const [lang, file] of [
    ['en', 'plan.xlsx'],
    ['zh-CN', 'plan-zh.xlsx'],
  ] as const)
    writeFileSync(join(dir, file), await exampleXlsxBuffer(lang));
  for (const key of ENV_KEYS) savedEnv[key] = process.env[key];
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  // Every test starts from a token and the local API; the credential tests change this.
  for (const key of ENV_KEYS) delete process.env[key];
  process.env.HOME = savedEnv.HOME;
  process.env.GTM_PYRAMID_SHEETS_API = server.url;
  process.env.GTM_PYRAMID_ACCESS_TOKEN = 'test-token';
  process.env.GTM_PYRAMID_RETRY_BASE_MS = '1';
  server.requests.length = 0;
  server.script.length = 0;
  server.serviceAccount = undefined;
});

afterEach(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const planJson = (out: string) => JSON.parse(read(`${out}/plan.json`)) as Record<string, unknown>;

describe('gtm-pyramid report --sheet', () => {
  for (const [lang, sheet, file] of [
    ['en', SHEET_URL, 'plan.xlsx'],
    ['zh-CN', `${ID}zh`, 'plan-zh.xlsx'],
  ] as [Lang, string, string][]) {
    it(`gives the same report and plan.json as the .xlsx of the same plan, in 4 requests (${lang})`, async () => {
      const live = await runCli(
        ['report', '--sheet', sheet, '--as-of', '2026-11-15', '--out', `live-${lang}`],
        dir,
      );
      expect(live.stderr).toEqual([]);
      expect(live.code).toBe(0);
      const title = exampleSpreadsheet(lang).title;
      const summary =
        lang === 'en' ? `^${title}: 5 key results, 0 errors` : `^${title}：5 个关键结果，0 个错误`;
      expect(live.stdout[1]).toMatch(new RegExp(summary));
      const xlsx = await runCli(['report', file, '--as-of', '2026-11-15', '--out', `xlsx-${lang}`], dir);
      expect(xlsx.code).toBe(0);

      const fromSheet = planJson(`live-${lang}`);
      const fromFile = planJson(`xlsx-${lang}`);
      expect(fromSheet.source).toBe(title);
      expect(fromFile.source).toBe(file);
      expect({ ...fromSheet, source: null }).toEqual({ ...fromFile, source: null });
      // The page too, once the name of the source is the same.
      const page = (out: string, source: string) => read(`${out}/index.html`).split(source).join('SOURCE');
      expect(page(`live-${lang}`, title)).toBe(page(`xlsx-${lang}`, file));

      // One metadata request, two batchGets (dates as serial numbers, then as text) and the number formats,
      // whatever the size of the plan.
      const requests = server.apiRequests;
      expect(requests).toHaveLength(4);
      expect(requests.every((r) => r.method === 'GET' && r.authorization === 'Bearer test-token')).toBe(true);
      const [meta, values, formatted, formats] = requests;
      const id = lang === 'en' ? ID : `${ID}zh`;
      expect(meta.path).toBe(`/v4/spreadsheets/${id}`);
      const fields = meta.query.get('fields')!;
      for (const part of ['title', 'locale', 'timeZone', 'merges', 'sheets(properties('])
        expect(fields).toContain(part);
      expect(fields).not.toContain('data'); // never the grid data of spreadsheets.get
      expect(values.path).toBe(`/v4/spreadsheets/${id}/values:batchGet`);
      expect(values.query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
      expect(values.query.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
      expect(values.query.get('majorDimension')).toBe('ROWS');
      // Only the plan tabs are read: not the "Notes" tab, nor the chart on its own tab.
      const planTabs = exampleSpreadsheet(lang)
        .tabs.map((t) => t.title)
        .filter((t) => t !== 'Notes' && t !== '备注' && t !== 'Chart1');
      expect(values.query.getAll('ranges')).toEqual(planTabs.map((t) => `'${t}'`));
      expect(formatted.path).toBe(values.path);
      expect(formatted.query.get('dateTimeRenderOption')).toBe('FORMATTED_STRING');
      expect(formatted.query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
      expect(formatted.query.getAll('ranges')).toEqual(values.query.getAll('ranges'));
      // The number formats of the plan tabs people type numbers or dates into (a date shown as a month is that
      // month): spreadsheets.get of their ranges, each cell's effective number format only. Not the generated
      // Targets tab, the largest, nor the Departments tab or the change log.
      expect(formats.path).toBe(meta.path);
      const typed = (['strategy', 'objectives', 'keyResults', 'kpis', 'roadmap', 'actuals'] as const).map(
        (key) => `'${tabDef(key).label[lang]}'`,
      );
      expect(formats.query.getAll('ranges')).toEqual(typed);
      expect(formats.query.get('fields')).toBe(FORMAT_FIELDS);
    });
  }

  it('fills merged cells and reads serial dates as the parser wants them', async () => {
    const live = await readSheet(ID);
    const kr = live.workbook[tabDef('keyResults').label.en];
    const served = exampleSpreadsheet('en').tabs.find((t) => t.title === 'Key Results')!;
    expect(served.merges!.length).toBeGreaterThan(0); // the example has merged Objective cells…
    const { plan } = parsePlan(live.workbook, { timeZone: live.timeZone });
    // …and every key result still has its objective.
    expect(plan.keyResults.map((k) => k.objectiveId)).not.toContain('');
    expect(kr.length).toBe(served.values.length);
    expect(plan.period?.start).toBe('2026-01-01');
    expect(live).toMatchObject({
      title: 'GEO go-to-market plan',
      timeZone: 'America/Los_Angeles',
      locale: 'en_US',
      localeLang: 'en',
    });
    expect(live.tabs).toContain('Notes');
    expect(Object.keys(live.workbook)).not.toContain('Notes');
  });

  it('says what Sheets hides as a file does: a hidden tab beside its copy, a hidden Target column, rows hidden by the person or a filter', async () => {
    const spreadsheet = exampleSpreadsheet('zh-CN', { id: `${ID}hidden` });
    const kr = spreadsheet.tabs.find((t) => t.title === '关键结果')!;
    kr.hidden = true;
    kr.hiddenColumns = [kr.values[0].indexOf('目标值') + 1];
    kr.values[0].push('目标值（调整后）');
    spreadsheet.tabs.push({ ...kr, title: 'Copy of 关键结果', hidden: false, hiddenColumns: [] });
    const actuals = spreadsheet.tabs.find((t) => t.title === '实际')!;
    actuals.hiddenRows = [2];
    actuals.filteredRows = [4, 5];
    const local = await new SheetsApiServer([spreadsheet]).start();
    try {
      process.env.GTM_PYRAMID_SHEETS_API = local.url;
      const live = await readSheet(`${ID}hidden`);
      const issues = parsePlan(live.workbook, { timeZone: live.timeZone }).issues;
      const said = (code: string) =>
        issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.a1} ${i.message['zh-CN']}`);
      expect(said('tab-copy')).toEqual([
        'Copy of 关键结果!A1 “Copy of 关键结果”工作表看起来是“关键结果”表的副本。计划读取的是“关键结果”（该表已隐藏）；“Copy of 关键结果”中填写的内容不计入。',
      ]);
      expect(said('column-copy')[0]).toContain('计划读取的是“目标值”（该列已隐藏）');
      expect(said('hidden-rows')).toEqual([
        '实际!A2 “实际”表的第 2、4–5 行已隐藏，但仍按填写的内容读取并计入。',
      ]);
      // The copy's cells are never asked for: only the plan tabs are read.
      expect(local.apiRequests.flatMap((r) => r.query.getAll('ranges'))).not.toContain("'Copy of 关键结果'");
    } finally {
      await local.close();
    }
  });

  it('reads a Changes timestamp in a date-time cell as the sheet shows it, in its time zone', async () => {
    const spreadsheet = exampleSpreadsheet('en', { id: `${ID}ts` });
    const changes = spreadsheet.tabs.find((t) => t.title === tabDef('changes').label.en)!;
    const typed = changes.values[1][0];
    expect(typed).toBe('2026-06-02 10:15');
    changes.values[1][0] = new DateCell(
      isoToSerial('2026-06-02') + (10 * 60 + 15) / 1440,
      '2026-06-02 10:15',
    );
    const local = await new SheetsApiServer([spreadsheet]).start();
    try {
      process.env.GTM_PYRAMID_SHEETS_API = local.url;
      const live = await readSheet(`${ID}ts`);
      expect(live.timeZone).toBe('America/Los_Angeles');
      const { plan } = parsePlan(live.workbook, { timeZone: live.timeZone });
      expect(plan.changes[0].timestamp).toBe('2026-06-02 10:15');
    } finally {
      await local.close();
    }
  });

  it('a date where a number belongs ("1/2" typed as a Target, which Sheets makes 2 January) is "not a number" at its cell, as in the add-on, not the number 46,024', async () => {
    const spreadsheet = exampleSpreadsheet('en', { id: `${ID}typed` });
    const keyResults = spreadsheet.tabs.find((t) => t.title === tabDef('keyResults').label.en)!;
    const target = keyResults.values[0].indexOf(columnDef('keyResults', 'target').label.en);
    keyResults.values[1][target] = dateCell('2026-01-02');
    const local = await new SheetsApiServer([spreadsheet]).start();
    try {
      process.env.GTM_PYRAMID_SHEETS_API = local.url;
      const run = await runCli(['check', '--sheet', `${ID}typed`, '--as-of', '2026-11-15', '--json'], dir);
      expect(run.code).toBe(1);
      const { issues } = JSON.parse(run.stdout.join('\n')) as {
        issues: { code: string; sheet: string; cell: string }[];
      };
      expect(issues.filter((i) => i.code === 'not-a-number')).toEqual([
        expect.objectContaining({ sheet: 'Key Results', cell: `${columnLetter(target + 1)}2` }),
      ]);
      // Dates where dates belong still read: the plan's period and every key result's dates.
      expect(issues.filter((i) => i.code === 'not-a-date' || i.code === 'period-missing')).toEqual([]);
    } finally {
      await local.close();
    }
  });

  it("reads numbers typed as text with the spreadsheet's decimal sign: 1.250.000 in a de_DE sheet, refused in en_US", async () => {
    const typed = (locale: string) => {
      const spreadsheet = exampleSpreadsheet('en', { id: `${ID}${locale}`, locale });
      const keyResults = spreadsheet.tabs.find((t) => t.title === tabDef('keyResults').label.en)!;
      const target = keyResults.values[0].indexOf(columnDef('keyResults', 'target').label.en);
      keyResults.values[1][target] = '1.250.000';
      return { spreadsheet, cell: `${columnLetter(target + 1)}2` };
    };
    const de = typed('de_DE');
    const us = typed('en_US');
    const local = await new SheetsApiServer([de.spreadsheet, us.spreadsheet]).start();
    try {
      process.env.GTM_PYRAMID_SHEETS_API = local.url;
      const report = await runCli(
        ['report', '--sheet', `${ID}de_DE`, '--as-of', '2026-11-15', '--out', 'de'],
        dir,
      );
      expect(report.code).toBe(0);
      const keyResults = planJson('de').keyResults as { id: string; target: number }[];
      expect(keyResults[0]).toMatchObject({ id: 'KR1', target: 1_250_000 });
      const check = await runCli(['check', '--sheet', `${ID}en_US`, '--as-of', '2026-11-15', '--json'], dir);
      expect(check.code).toBe(1);
      const { issues } = JSON.parse(check.stdout.join('\n')) as {
        issues: { code: string; sheet: string; cell: string; fix: string }[];
      };
      expect(issues.filter((i) => i.code === 'decimal-mark')).toEqual([
        expect.objectContaining({ sheet: 'Key Results', cell: us.cell, fix: 'Type 1250000.' }),
      ]);
    } finally {
      await local.close();
    }
  });

  it('a tab named close to a plan tab is named with --sheet as in a file; with only such tabs, no plan tab is found', async () => {
    const near = exampleSpreadsheet('en', { id: `${ID}near` });
    const keyResults = near.tabs.find((t) => t.title === tabDef('keyResults').label.en)!;
    keyResults.title = '2. Key Results';
    const onlyNear = exampleSpreadsheet('en', { id: `${ID}onlynear` });
    for (const tab of onlyNear.tabs) tab.title = `1. ${tab.title}`;
    const local = await new SheetsApiServer([near, onlyNear]).start();
    try {
      process.env.GTM_PYRAMID_SHEETS_API = local.url;
      const run = await runCli(['check', '--sheet', `${ID}near`, '--as-of', '2026-11-15', '--json'], dir);
      const { issues } = JSON.parse(run.stdout.join('\n')) as { issues: { code: string; sheet: string }[] };
      expect(issues.filter((i) => i.code === 'tab-name-near').map((i) => i.sheet)).toEqual([
        '2. Key Results',
      ]);
      // Its cells were never asked for: only the plan tabs are read.
      const ranges = local.apiRequests.flatMap((r) => r.query.getAll('ranges'));
      expect(ranges).not.toContain("'2. Key Results'");
      const none = await runCli(['check', '--sheet', `${ID}onlynear`], dir);
      expect(none.code).toBe(2);
      expect(none.stderr.join('\n')).toMatch(/no plan tabs/i);
      // The tabs it expects, named in the message's language and listed as it writes a list.
      const chinese = await runCli(['check', '--sheet', `${ID}onlynear`, '--lang', 'zh-TW'], dir);
      expect(chinese.stderr.join('\n')).toContain('應有「策略」、「目標」、「關鍵結果」');
      expect(chinese.stderr.join('\n')).toContain('現有：1. Strategy、1. Notes、');
    } finally {
      await local.close();
    }
  });

  it('check --sheet lists the same problems as check on the .xlsx', async () => {
    const live = await runCli(['check', '--sheet', ID, '--as-of', '2026-11-15', '--json'], dir);
    const file = await runCli(['check', 'plan.xlsx', '--as-of', '2026-11-15', '--json'], dir);
    expect(live.code).toBe(file.code);
    const a = JSON.parse(live.stdout.join('\n'));
    const b = JSON.parse(file.stdout.join('\n'));
    expect(a.file).toBe('GEO go-to-market plan');
    expect({ ...a, file: null }).toEqual({ ...b, file: null });
    expect(server.apiRequests).toHaveLength(4);
  });

  it('takes the address from the browser or the bare ID, and nothing else', () => {
    expect(spreadsheetIdOf(SHEET_URL)).toBe(ID);
    expect(spreadsheetIdOf(`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit?usp=sharing`)).toBe(ID);
    expect(spreadsheetIdOf(` ${ID} `)).toBe(ID);
    expect(spreadsheetIdOf(`https://docs.google.com/a/example.com/spreadsheets/d/${ID}/edit`)).toBe(ID);
    expect(spreadsheetIdOf('plan.xlsx')).toBeNull();
    expect(spreadsheetIdOf('https://example.com/x')).toBeNull();
    // A "Publish to the web" link names a published copy: no ID in it ("e" was taken for one).
    expect(
      spreadsheetIdOf(`https://docs.google.com/spreadsheets/d/e/2PACX-1vT${'x'.repeat(76)}/pubhtml`),
    ).toBeNull();
    // Another site's path that looks like Google's is not a spreadsheet.
    expect(spreadsheetIdOf(`https://example.com/spreadsheets/d/${ID}/edit`)).toBeNull();
  });
});

describe('--sheet errors: one line a GTM lead can act on, exit 2, nothing written', () => {
  /** The one line a failure ends with (after a line for each retry, when there were `retries`). */
  async function fails(argv: string[], out: string, retries = 0): Promise<string> {
    const run = await runCli([...argv, '--out', out], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toHaveLength(retries + 1);
    for (const line of run.stderr.slice(0, -1)) expect(line).toMatch(/^gtm-pyramid: .*; trying again in /);
    const last = run.stderr.at(-1)!;
    expect(last).not.toContain('\n');
    expect(last).toMatch(/^gtm-pyramid: /);
    expect(existsSync(join(dir, out))).toBe(false);
    return last;
  }

  /**
   * No token, and no Application Default Credentials on this machine: HOME and gcloud's folder point at an empty
   * folder (inside `dir`, so it goes with it even when the test fails).
   */
  function withoutLocalCredentials(name: string): void {
    delete process.env.GTM_PYRAMID_ACCESS_TOKEN;
    const empty = join(dir, name);
    mkdirSync(empty);
    process.env.HOME = empty;
    process.env.CLOUDSDK_CONFIG = empty;
  }

  it('no credentials: says how to set them up on a laptop and in CI', async () => {
    withoutLocalCredentials('no-adc');
    process.env.METADATA_SERVER_DETECTION = 'none';
    const line = await fails(['report', '--sheet', ID], 'no-credentials');
    expect(line).toContain('gcloud auth application-default login --client-id-file=client_secret.json');
    expect(line).toContain('spreadsheets.readonly');
    expect(line).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    // Where to read more: the guide, as a file on this disk.
    const guide = /See (\S+report\.md)$/.exec(line)?.[1];
    expect(guide && isAbsolute(guide) && existsSync(guide), guide).toBe(true);
    expect(server.apiRequests).toHaveLength(0);
  });

  it('no credentials behind a proxy that answers the metadata probe with 403: one line, no Node warning after it', async () => {
    // The installed command in a process of its own, as a user runs it: Node prints process warnings to stderr.
    const proxy = Object.assign(
      createServer((_, response) => {
        proxy.requests++;
        response.writeHead(403).end('Forbidden');
      }),
      { requests: 0 },
    );
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const home = join(dir, 'proxy-home');
    mkdirSync(home, { recursive: true });
    try {
      const { port } = proxy.address() as AddressInfo;
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, CLOUDSDK_CONFIG: home };
      env.GCE_METADATA_HOST = `127.0.0.1:${port}`;
      env.GCE_METADATA_IP = `127.0.0.1:${port}`;
      // Not spawnSync: the proxy answers from this process's event loop.
      const child = spawn(process.execPath, [BIN, 'check', '--sheet', ID], { env });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise((done) => child.on('close', done));
      expect(proxy.requests, 'the metadata server was probed').toBeGreaterThan(0);
      expect(status).toBe(2);
      const lines = stderr.trim().split('\n');
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^gtm-pyramid: spreadsheet \S+: no Google credentials found/);
    } finally {
      await new Promise((done) => proxy.close(done));
    }
  });

  it('GOOGLE_APPLICATION_CREDENTIALS naming a file that is missing or no key: says it is that file', async () => {
    withoutLocalCredentials('bad-key');
    process.env.METADATA_SERVER_DETECTION = 'none';
    process.env.GOOGLE_APPLICATION_CREDENTIALS = join(dir, 'bad-key', 'nope.json');
    const missing = await fails(['report', '--sheet', ID], 'bad-key-missing');
    expect(missing).toBe(
      `gtm-pyramid: spreadsheet ${ID}: GOOGLE_APPLICATION_CREDENTIALS names ${join(dir, 'bad-key', 'nope.json')}, which cannot be used as Google credentials (ENOENT); point it at a service-account key file (JSON), or unset it to use the gcloud login`,
    );
    writeFileSync(join(dir, 'bad-key', 'empty.json'), '{}');
    process.env.GOOGLE_APPLICATION_CREDENTIALS = join(dir, 'bad-key', 'empty.json');
    const notKey = await fails(['report', '--sheet', ID], 'bad-key-empty');
    expect(notKey).toMatch(
      /names \S+empty\.json, which cannot be used as Google credentials \(.+\); point it/,
    );
    // Not JSON at all: said in words (never the parser's message, which quotes the file), with what to download.
    writeFileSync(join(dir, 'bad-key', 'key.pem'), '-----BEGIN PRIVATE KEY-----\nnot json\n');
    process.env.GOOGLE_APPLICATION_CREDENTIALS = join(dir, 'bad-key', 'key.pem');
    const notJson = await fails(['report', '--sheet', ID], 'bad-key-pem');
    expect(notJson).toBe(
      `gtm-pyramid: spreadsheet ${ID}: GOOGLE_APPLICATION_CREDENTIALS names ${join(dir, 'bad-key', 'key.pem')}, which is not JSON, so not a Google key file; download the service account's key as JSON (Google Cloud console › IAM & Admin › Service accounts › the account › Keys › Add key › Create new key › JSON) and point GOOGLE_APPLICATION_CREDENTIALS at it, or unset it to use the gcloud login`,
    );
    expect(notJson).not.toContain('PRIVATE KEY');
    expect(server.apiRequests).toHaveLength(0);
  });

  it('403 with Application Default Credentials of a service account: names its e-mail to share the sheet with', async () => {
    withoutLocalCredentials('gce-adc');
    // A workload on Google Cloud: the metadata server gives the token and the account's e-mail.
    process.env.METADATA_SERVER_DETECTION = 'assume-present';
    process.env.GCE_METADATA_HOST = server.host;
    server.serviceAccount = 'gtm-report@acme-gtm.iam.gserviceaccount.com';
    server.script.push({ status: 403 });
    const line = await fails(['report', '--sheet', ID], 'forbidden-sa');
    expect(line).toContain('(403)');
    expect(line).toContain('Share');
    expect(line).toContain('gtm-report@acme-gtm.iam.gserviceaccount.com');
    expect(server.apiRequests[0].authorization).toBe('Bearer metadata-token');
  });

  it("403 with a token: says to share the sheet with the token's account; a disabled API is said as such", async () => {
    server.script.push({ status: 403 });
    expect(await fails(['report', '--sheet', ID], 'forbidden')).toContain(
      'add the account GTM_PYRAMID_ACCESS_TOKEN belongs to as Viewer',
    );
    server.script.push({
      status: 403,
      message: 'Google Sheets API has not been used in project 123 before or it is disabled.',
      reason: 'SERVICE_DISABLED',
    });
    expect(await fails(['report', '--sheet', ID], 'disabled')).toContain(
      'gcloud services enable sheets.googleapis.com',
    );
  });

  /**
   * Application Default Credentials as `gcloud auth application-default login` writes them on a laptop: a refresh
   * token of gcloud's own OAuth client, no quota project. The stand-in's token endpoint exchanges it for an access
   * token that has `scopes`.
   */
  function withGcloudSignIn(name: string, scopes: string[]): void {
    withoutLocalCredentials(name);
    process.env.METADATA_SERVER_DETECTION = 'none';
    const gcloud = join(dir, name, '.config', 'gcloud');
    mkdirSync(gcloud, { recursive: true });
    writeFileSync(
      join(gcloud, 'application_default_credentials.json'),
      JSON.stringify({
        account: '',
        client_id: '764086051850-example.apps.googleusercontent.com',
        client_secret: 'example-client-secret',
        refresh_token: '1//example-refresh-token',
        type: 'authorized_user',
        universe_domain: 'googleapis.com',
      }),
    );
    server.signInScopes = scopes;
    onTestFinished(routeTokenEndpoint(server));
  }

  /** The sign-in docs/report.md gives: the Sheets scope, through an OAuth client of one's own. */
  const SIGN_IN_WITH_SCOPES =
    'gcloud auth application-default login --client-id-file=client_secret.json --scopes=https://www.googleapis.com/auth/spreadsheets.readonly,https://www.googleapis.com/auth/cloud-platform';

  /**
   * Google's answer to a token without a Sheets scope (https://cloud.google.com/apis/design/errors; as in
   * github.com/gcpug/nouhau/issues/124 and github.com/xing5/mcp-google-sheets/issues/29).
   */
  const insufficientScopes = {
    status: 403,
    message: 'Request had insufficient authentication scopes.',
    reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
    metadata: {
      service: 'sheets.googleapis.com',
      method: 'google.apps.sheets.v4.SpreadsheetsService.GetSpreadsheet',
    },
  };

  it('403 insufficient scopes after a plain gcloud login: says to sign in again with the Sheets scope, not to share the sheet', async () => {
    // What a plain `gcloud auth application-default login` (no --scopes) grants: Google Cloud, not Google Sheets.
    withGcloudSignIn('plain-login', [
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/cloud-platform',
      'https://www.googleapis.com/auth/sqlservice.login',
    ]);
    server.script.push(insufficientScopes);
    const line = await fails(['report', '--sheet', ID], 'scope');
    expect(server.apiRequests[0].authorization).toBe('Bearer user-token');
    expect(line).toContain('(403');
    expect(line).toContain(`an OAuth client of your own`);
    expect(line).toContain(`and the scope: ${SIGN_IN_WITH_SCOPES}`);
    expect(line).not.toContain('Share');
    server.script.push(insufficientScopes);
    const zh = await fails(['report', '--sheet', ID, '--lang', 'zh-TW'], 'scope-zh');
    expect(zh).toContain('Google 試算表的存取範圍');
    expect(zh).toContain(SIGN_IN_WITH_SCOPES);
    expect(zh).not.toContain('點選「共用」');
  });

  it('403 insufficient scopes with a token, or a service account: says which scope the token lacks, not to share the sheet', async () => {
    server.script.push(insufficientScopes);
    const token = await fails(['report', '--sheet', ID], 'scope-token');
    expect(token).toContain('GTM_PYRAMID_ACCESS_TOKEN');
    expect(token).toContain('https://www.googleapis.com/auth/spreadsheets.readonly');
    expect(token).not.toContain('Share');
    // A Compute Engine VM's service account: its token has the VM's access scopes, whatever the client asks for.
    withoutLocalCredentials('scope-gce');
    process.env.METADATA_SERVER_DETECTION = 'assume-present';
    process.env.GCE_METADATA_HOST = server.host;
    server.serviceAccount = 'gtm-report@acme-gtm.iam.gserviceaccount.com';
    server.script.push(insufficientScopes);
    const vm = await fails(['report', '--sheet', ID], 'scope-sa');
    expect(vm).toContain('gtm-report@acme-gtm.iam.gserviceaccount.com');
    expect(vm).toContain('access scopes');
    expect(vm).not.toContain('Share');
  });

  /**
   * Google's answer to a gcloud sign-in without a quota project: its ErrorInfo names gcloud's own project as the
   * consumer (github.com/agno-agi/agno/pull/4658 has the message for the Drive API).
   */
  const noQuotaProject = {
    status: 403,
    message:
      'Your application is authenticating by using local Application Default Credentials. The sheets.googleapis.com API requires a quota project, which is not set by default. To learn how to set your quota project, see https://cloud.google.com/docs/authentication/adc-troubleshooting/user-creds .',
    reason: 'SERVICE_DISABLED',
    metadata: { service: 'sheets.googleapis.com', consumer: 'projects/764086051850' },
  };

  it('403 for want of a quota project after a gcloud login: says to set one, not to enable the API', async () => {
    withGcloudSignIn('no-quota-project', [
      'https://www.googleapis.com/auth/spreadsheets.readonly',
      'https://www.googleapis.com/auth/cloud-platform',
    ]);
    server.script.push(noQuotaProject);
    const line = await fails(['report', '--sheet', ID], 'quota-project');
    expect(line).toContain('(403');
    expect(line).toContain('quota project');
    expect(line).toContain('gcloud auth application-default set-quota-project PROJECT_ID');
    expect(line).not.toContain('is not enabled in the Google Cloud project of these credentials');
    server.script.push(noQuotaProject);
    const zh = await fails(['report', '--sheet', ID, '--lang', 'zh-TW'], 'quota-project-zh');
    expect(zh).toContain('配額專案');
    expect(zh).toContain('gcloud auth application-default set-quota-project PROJECT_ID');
    // The same want said the older way: the API "not used in" gcloud's own project, which is no project of yours.
    server.script.push({
      ...noQuotaProject,
      message:
        'Google Sheets API has not been used in project 764086051850 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=764086051850 then retry.',
    });
    expect(await fails(['report', '--sheet', ID], 'quota-project-old')).toContain(
      'gcloud auth application-default set-quota-project PROJECT_ID',
    );
    // A token (here from gcloud auth application-default print-access-token) carries no quota project at all.
    process.env.GTM_PYRAMID_ACCESS_TOKEN = 'test-token';
    server.script.push(noQuotaProject);
    expect(await fails(['report', '--sheet', ID], 'quota-project-token')).toContain(
      'unset GTM_PYRAMID_ACCESS_TOKEN',
    );
  });

  it('400 FAILED_PRECONDITION for an Excel file kept in Drive: says to save it as a Google Sheet, or to pass the .xlsx', async () => {
    // Google's answer, which has no ErrorInfo: github.com/tidyverse/googlesheets4/issues/275, burnash/gspread#728.
    const officeFile = {
      status: 400,
      code: 'FAILED_PRECONDITION',
      message: 'This operation is not supported for this document',
    };
    server.script.push(officeFile);
    const line = await fails(['report', '--sheet', ID], 'office-file');
    expect(line).toContain('(400');
    expect(line).toContain('File › Save as Google Sheets');
    expect(line).toContain('pass that .xlsx file');
    server.script.push(officeFile);
    const zh = await fails(['report', '--sheet', ID, '--lang', 'zh-TW'], 'office-file-zh');
    expect(zh).toContain('「檔案」›「儲存為 Google 試算表」');
    expect(zh).toContain('.xlsx');
    expect(zh).not.toContain('operation is not supported');
  });

  it('404: names the ID and how to copy it from the address', async () => {
    const line = await fails(['report', '--sheet', 'x'.repeat(44)], 'not-found');
    expect(line).toContain(`no spreadsheet with the ID ${'x'.repeat(44)} (404)`);
    expect(line).toContain('between /d/ and /edit');
  });

  it('401: says the credentials were refused and how to renew them', async () => {
    server.script.push({ status: 401 });
    expect(await fails(['report', '--sheet', ID], 'unauthenticated')).toContain('(401');
  });

  it('429 and 5xx are retried with backoff, each retry said on stderr; a success after them is a report', async () => {
    server.script.push({ status: 429 }, { status: 503 }, { status: 500 });
    const run = await runCli(['report', '--sheet', ID, '--as-of', '2026-11-15', '--out', 'retried'], dir);
    expect(run.stderr).toHaveLength(3);
    expect(run.stderr[0]).toMatch(
      new RegExp(
        `^gtm-pyramid: spreadsheet ${ID}: Google Sheets answered 429 \\(the read quota is used up for now\\); trying again in [\\d.]+ s \\(try 2 of 7\\)$`,
      ),
    );
    expect(run.stderr[1]).toContain("answered 503 (a problem on Google's side)");
    expect(run.stderr[2]).toContain('(try 4 of 7)');
    expect(run.code).toBe(0);
    expect(server.apiRequests).toHaveLength(7); // 3 failures, then the 4 reads
  });

  it('429 or 5xx that do not stop: seven tries, then one clear line', async () => {
    server.script.push(...Array.from({ length: 7 }, () => ({ status: 429 })));
    const quota = await fails(['report', '--sheet', ID], 'quota', 6);
    expect(quota).toContain('still answered 429 after 7 tries');
    expect(quota).toContain('quota');
    expect(server.apiRequests).toHaveLength(7);
    server.requests.length = 0;
    server.script.push(...Array.from({ length: 7 }, () => ({ status: 503 })));
    expect(await fails(['report', '--sheet', ID], 'unavailable', 6)).toContain(
      'still answered 503 after 7 tries',
    );
    expect(server.apiRequests).toHaveLength(7);
  });

  it("waits as long as the answer's Retry-After asks (seconds or a date), up to 64 s; says it in the user's language", async () => {
    const waits: number[] = [];
    const said: string[] = [];
    const options = {
      backoffMs: 1,
      random: () => 0,
      sleep: async (ms: number) => void waits.push(ms),
      onRetry: (message: string) => void said.push(message),
    };
    const soon = new Date(Date.now() + 60_000).toUTCString();
    server.script.push(
      { status: 429, retryAfter: '3' },
      { status: 503, retryAfter: soon },
      { status: 429, retryAfter: '3600' },
      { status: 429 },
    );
    const live = await readSheet(ID, { ...options, lang: 'zh-TW' });
    expect(live.title).toBeTruthy();
    expect(waits[0]).toBe(3_000);
    // An HTTP date: the time left until then (less what the requests took, and the date's whole seconds).
    expect(waits[1]).toBeGreaterThan(30_000);
    expect(waits[1]).toBeLessThanOrEqual(60_000);
    expect(waits[2]).toBe(64_000); // never more than Google's longest suggested backoff
    expect(waits[3]).toBe(8); // no Retry-After: the backoff (1 ms doubled three times)
    expect(said[0]).toBe(
      `試算表 ${ID}：Google 試算表返回 429（讀取配額暫時用盡）；3 秒後重試（第 2 次，共 7 次）`,
    );
  });

  it('the default waits span the minute the read quota takes to refill', () => {
    const waits = Array.from({ length: 6 }, (_, attempt) => retryWait(attempt, 1_000, 0));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(60_000);
    // The random part is at most the base (Google: up to 1,000 ms), and no wait passes 64 s.
    expect(retryWait(0, 1_000, 0.999)).toBe(1_999);
    expect(retryWait(7, 1_000, 0.5)).toBe(MAX_BACKOFF_MS);
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:30 GMT'))).toBe(
      30_000,
    );
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('network failure and timeout', async () => {
    server.script.push({ drop: true });
    expect(await fails(['report', '--sheet', ID], 'dropped')).toMatch(/cannot reach 127\.0\.0\.1:\d+ \(/);
    process.env.GTM_PYRAMID_TIMEOUT_MS = '200';
    server.script.push({ hang: true });
    expect(await fails(['report', '--sheet', ID], 'hung')).toMatch(
      /no answer from 127\.0\.0\.1:\d+ within 0\.2 s/,
    );
    process.env.GTM_PYRAMID_SHEETS_API = 'http://127.0.0.1:9/';
    expect(await fails(['report', '--sheet', ID], 'refused')).toContain('ECONNREFUSED');
  });

  it('a spreadsheet without plan tabs, a bad --sheet, or a file and --sheet together', async () => {
    const other = {
      ...exampleSpreadsheet('en', { id: `${ID}budget`, title: 'Budget 2026' }),
      tabs: [{ title: 'Budget', values: [['Q1', 100]] }],
    };
    const local = await new SheetsApiServer([other]).start();
    process.env.GTM_PYRAMID_SHEETS_API = local.url;
    try {
      expect(await fails(['report', '--sheet', `${ID}budget`], 'no-tabs')).toContain(
        'spreadsheet "Budget 2026"',
      );
      expect(local.apiRequests).toHaveLength(1); // nothing to read after the metadata
    } finally {
      await local.close();
    }
    expect(await fails(['report', '--sheet', 'plan.xlsx'], 'bad-arg')).toContain(
      'not a Google Sheets address',
    );
    expect(await fails(['report', 'plan.xlsx', '--sheet', ID], 'both')).toContain('not both');
  });

  it('in Chinese with --lang zh-CN', async () => {
    server.script.push({ status: 403 });
    expect(await fails(['report', '--sheet', ID, '--lang', 'zh-CN'], 'forbidden-zh')).toContain(
      '没有读取权限',
    );
  });

  it('in Traditional Chinese, the account to share with named without a stray space', async () => {
    server.script.push({ status: 403 });
    const line = await fails(['report', '--sheet', ID, '--lang', 'zh-TW'], 'forbidden-tw');
    expect(line).toContain('請在 Google 試算表中點選「共用」，把「GTM_PYRAMID_ACCESS_TOKEN」所屬的帳號新增為檢視者');
    expect(line).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
  });
});

describe('the page is private by default', () => {
  it('carries noindex', async () => {
    const run = await runCli(['report', '--out', 'noindex'], dir);
    expect(run.code).toBe(0);
    const robots = parse(read('noindex/index.html')).querySelector('meta[name="robots"]');
    expect(robots?.getAttribute('content')).toBe('noindex');
  });
});
