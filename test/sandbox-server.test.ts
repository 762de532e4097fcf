/**
 * `npm run sandbox` as a command and as a web server: it prints its URL and stops cleanly on SIGTERM; a plan file
 * that cannot be read gets the CLI's one-line error, exit code 2, and no server; it never writes to the plan
 * file; it answers only to 127.0.0.1 with a strict CSP, same-origin JSON calls and the google.script.run rules;
 * and it builds the add-on first when dist/ lacks it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, readPlanFile, sidebarPage, startSandbox, type Sandbox } from '../sandbox/server';
import { fromWorkbook } from '../emulator/index';
import { brokenPlan } from '../sandbox/plans';
import { readGrid } from '../sandbox/view';
import type { Workbook } from '../shared';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { exampleXlsxBuffer, planToExcel, utcDate } from '../report/write-xlsx';
import { dateToIso, dateToIsoMinute, instantOfWallClock } from '../shared/calendar';
import { planWorkbook } from '../shared/example';
import { QA_STRATEGY, stressRows } from './helpers/qa-plans';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'gtm-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plan workbook as an .xlsx file (dates as UTC-midnight dates, like a download from Sheets read by exceljs). */
async function writeXlsx(file: string, workbook: Workbook): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((c) => (c === null || c === undefined ? null : c)));
  }
  await book.xlsx.writeFile(file);
}

/** Start `npm run sandbox`'s script as a process; resolves with its URL once it prints it. */
function spawnSandbox(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  url: Promise<string>;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts', ...args], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    void exit.then((code) =>
      reject(new Error(`the sandbox exited (${code}) before printing its URL:\n${out}`)),
    );
  });
  url.catch(() => undefined); // a run expected to fail never prints a URL: that rejection is not a test failure
  return { child, url, output: () => out, exit };
}

function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('npm run sandbox', () => {
  it('prints its URL, serves the page and the sidebar, and stops cleanly on SIGTERM', async () => {
    const run = spawnSandbox(['--port', '0']);
    const url = await run.url;
    expect(run.output()).toMatch(
      /^GTM Pyramid sandbox: http:\/\/127\.0\.0\.1:\d+\/ {2}\(the example plan; Ctrl-C stops it\)/,
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<iframe id="sidebar" src="/sidebar"');
    const sidebar = await fetch(new URL('/sidebar', url));
    expect(await sidebar.text()).toContain('<script src="/shim.js"></script>');
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.output()).toMatch(/Sandbox stopped\.\n$/);
  });

  it('refuses a plan file it cannot read with the CLI message and exit code 2, and starts no server', async () => {
    const text = path.join(dir, 'plan.csv');
    writeFileSync(text, 'ID,Objective\nO1,Launch\n');
    const run = spawnSandbox([text, '--port', '0']);
    expect(await run.exit).toBe(2);
    expect(run.output()).toBe(
      `gtm-pyramid: ${text}: this is a text file (CSV?), not an .xlsx workbook; download the plan as Microsoft Excel (.xlsx)\n`,
    );
  });

  it('gives the same one-line errors from main(): missing file, not a plan, bad options', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.join(' '));
    });
    try {
      expect(await main(['no/such/plan.xlsx', '--port', '0'])).toBe(2);
      expect(errors.pop()).toBe('gtm-pyramid: no/such/plan.xlsx: no such file');
      const other = path.join(dir, 'budget.xlsx');
      await writeXlsx(other, {
        Budget: [
          ['Line', 'Amount'],
          ['Ads', 100],
        ],
      });
      expect(await main([other, '--port', '0'])).toBe(2);
      expect(errors.pop()).toBe(
        `gtm-pyramid: ${other}: no plan tabs found (tabs: Budget); expected "Strategy", "Objectives", "Key Results". Give the plan's workbook, or start one from the example plan: gtm-pyramid example`,
      );
      expect(await main(['--port', 'eighty'])).toBe(2);
      expect(errors.pop()).toMatch(/--port must be a whole number/);
      expect(await main(['--time-zone', 'Mars/Olympus'])).toBe(2);
      expect(errors.pop()).toMatch(/is not a time zone/);
      expect(await main(['a.xlsx', 'b.xlsx'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps text that reads as a formula as text, as the file holds it: never run in the emulator', async () => {
    const file = path.join(dir, 'formula-text.xlsx');
    const plan = brokenPlan('en');
    plan['Objectives'][1][1] = '=HYPERLINK("https://evil.example","x")';
    plan['Key Results'][1][2] = '=1+1';
    await writeXlsx(file, plan);
    const workbook = await readPlanFile(file);
    if (typeof workbook === 'string') throw new Error(workbook);
    const ss = fromWorkbook(workbook);
    expect(ss.getSheetByName('Objectives')!.getRange(2, 2).getValue()).toBe(
      '=HYPERLINK("https://evil.example","x")',
    );
    expect(ss.getSheetByName('Key Results')!.getRange(2, 3).getValue()).toBe('=1+1');
  });

  it('merges again the blocks the file merges, so the add-on reads them as in Sheets (an amount counts once)', async () => {
    // KR2's April to June typed once in Actuals!C9 (14,100 sign-ups), merged over C9:C11.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exampleXlsxBuffer('en')) as unknown as ExcelJS.Buffer);
    const actuals = book.getWorksheet('Actuals')!;
    actuals.getCell('C9').value = 14100;
    actuals.getCell('C10').value = actuals.getCell('C11').value = null;
    actuals.mergeCells('C9:C11');
    const file = path.join(dir, 'merged-amount.xlsx');
    await book.xlsx.writeFile(file);
    const workbook = await readPlanFile(file);
    if (typeof workbook === 'string') throw new Error(workbook);
    const sandbox = await startSandbox({ workbook, port: 0 });
    try {
      const sheet = sandbox.ss.getSheetByName('Actuals')!;
      expect(sheet.getRange('C9:C11').getValues()).toEqual([[14100], [''], ['']]);
      expect(
        sheet
          .getRange('C10')
          .getMergedRanges()
          .map((r) => r.getA1Notation()),
      ).toEqual(['C9:C11']);
      const check = sandbox.project.callAs('FULL', 'getPlanCheck') as PlanCheck;
      const issues = check.groups.flatMap((g) => g.issues).filter((i) => i.sheet === 'Actuals');
      expect(issues.filter((i) => /^C(9|10|11)$/.test(i.a1 ?? '')).map((i) => [i.code, i.a1])).toEqual([
        ['merged-amount', 'C9'],
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it("computes the add-on's custom functions typed into a cell, as Sheets does, and shows a bad argument as #ERROR!", async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const sheet = sandbox.ss.insertSheet('Scratch');
      sheet
        .getRange('A1:A2')
        .setFormulas([
          ['=GTM_TARGET(50000, DATE(2026,3,1), DATE(2026,12,31), DATE(2026,5,1), "cumulative")'],
          ['=GTM_TARGET("lots", DATE(2026,3,1), DATE(2026,12,31), DATE(2026,5,1), "cumulative")'],
        ]);
      expect(sheet.getRange('A1:A2').getValues()).toEqual([[5000], ['#ERROR!']]);
      expect(sandbox.ss.emu.cellError('Scratch!A2')).toBe(
        'GTM_TARGET: Target is "lots", which is not a number.',
      );
    } finally {
      await sandbox.close();
    }
  });

  it('never writes to the plan file, even after quick fixes', async () => {
    const file = path.join(dir, 'broken.xlsx');
    await writeXlsx(file, brokenPlan('en'));
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const [before, mtime] = [hash(), statSync(file).mtimeMs];
    const run = spawnSandbox([file, '--port', '0']);
    const url = await run.url;
    expect(run.output()).toContain('(broken.xlsx;');
    const call = (fn: string, ...args: unknown[]) =>
      fetch(new URL('/api/run', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fn, args }),
      }).then((r) => r.json() as Promise<{ ok: boolean; result: { ok: boolean; changed: string[] } }>);
    const fixed = await call('applyQuickFix', { code: 'missing-id', sheet: 'Key Results', a1: 'A7' });
    expect(fixed).toMatchObject({ ok: true, result: { ok: true, changed: ['Key Results!A7'] } });
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(hash()).toBe(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });
});

describe('the sandbox server', () => {
  let sandbox: Sandbox;
  let origin: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    origin = sandbox.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves a strict CSP: scripts by file or hash, no inline handlers, nothing from elsewhere', async () => {
    const page = await fetch(sandbox.url);
    const pageCsp = page.headers.get('content-security-policy')!;
    expect(pageCsp).toContain("default-src 'none'");
    expect(pageCsp).toContain("script-src 'self'");
    expect(pageCsp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=/i);

    const sidebar = await fetch(`${origin}/sidebar`);
    const csp = sidebar.headers.get('content-security-policy')!;
    const html = await sidebar.text();
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // The plan view (the tables the page reloads after each call) is HTML built from cells: the page's CSP too.
    const view = await fetch(`${origin}/api/sheets`);
    expect(view.headers.get('content-type')).toMatch(/^text\/html/);
    expect(view.headers.get('content-security-policy')).toBe(pageCsp);
    // The hashes are exactly those of the sidebar's inline script and style.
    expect(sidebarPage(html.replace('\n<script src="/shim.js"></script>', '')).csp).toBe(csp);
    for (const res of [page, sidebar, view])
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses another Host (DNS rebinding), cross-origin and non-JSON calls', async () => {
    expect((await raw(`${origin}/`, { headers: { Host: 'evil.example' } })).status).toBe(421);
    const post = (headers: Record<string, string>) =>
      raw(`${origin}/api/run`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ fn: 'getPlanCheck', args: [] }),
      });
    expect((await post({ 'Content-Type': 'application/json', Origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await post({ 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await post({ 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(
      (
        await raw(`${origin}/api/run`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400);
    expect((await raw(`${origin}/nope`, {})).status).toBe(404);
    // The other loopback name is another origin: refused unless the Host is that name too (next test).
    const port = new URL(origin).port;
    expect(
      (await post({ 'Content-Type': 'application/json', Origin: `http://localhost:${port}` })).status,
    ).toBe(403);
    expect(
      (await post({ 'Content-Type': 'application/json', Origin: `http://localhost:${Number(port) + 1}` }))
        .status,
    ).toBe(403);
    const ok = await post({ 'Content-Type': 'application/json', Origin: origin });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { lang: 'en' } });
  });

  it('answers calls from a page opened at http://localhost:PORT, and only from that origin', async () => {
    const port = new URL(origin).port;
    const post = (origin: string) =>
      raw(`http://127.0.0.1:${port}/api/run`, {
        method: 'POST',
        headers: { Host: `localhost:${port}`, 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ fn: 'getPlanCheck', args: [] }),
      });
    const ok = await post(`http://localhost:${port}`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { lang: 'en' } });
    expect((await post(`http://LOCALHOST:${port}`)).status).toBe(200);
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(403);
    expect((await post(`http://localhost:${Number(port) + 1}`)).status).toBe(403);
    expect((await post(`https://localhost:${port}`)).status).toBe(403);
    expect((await post('null')).status).toBe(403);
  });

  it('answers a body that is JSON but not a call with 400 and a clear message, never 500', async () => {
    for (const body of [
      'null',
      '[]',
      '"getPlanCheck"',
      '42',
      'true',
      '{"fn":"getPlanCheck","args":null}',
      '{}',
    ]) {
      const res = await raw(`${origin}/api/run`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body,
      });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toMatch(/^400 expected (a JSON object )?\{fn, args\}\n$/);
    }
  });

  it('applies the google.script.run rules: private and unknown functions fail, results are JSON', async () => {
    const call = async (fn: string, args: unknown[] = []) =>
      (await fetch(`${origin}/api/run`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fn, args }),
      }).then((r) => r.json())) as { ok: boolean; result?: unknown; error?: { message: string } };
    expect(await call('nothingLikeThis')).toMatchObject({
      ok: false,
      error: { message: 'google.script.run has no function nothingLikeThis' },
    });
    expect(await call('GtmPyramid')).toMatchObject({ ok: false });
    const moved = await call('goToCell', ['KPIs', 'B3']);
    expect(moved).toMatchObject({ ok: true, result: { ok: true, sheet: 'KPIs', a1: 'B3' } });
    const state = await fetch(`${origin}/api/state`).then((r) => r.json());
    expect(state.selection).toEqual({ sheet: 'KPIs', range: 'B3', currentCell: 'B3' });
  });

  it('shows every tab read-only, escaped, with the cells the emulator holds', async () => {
    const html = await fetch(`${origin}/api/sheets`).then((r) => r.text());
    for (const sheet of sandbox.ss.getSheets()) expect(html).toContain(`data-sheet="${sheet.getName()}"`);
    expect(html).toContain('<td data-cell="A2">Sales</td>');
    expect(html).not.toMatch(/<(input|textarea|form|script)\b|contenteditable/i);
  });
});

/**
 * The QA pass's stress plan as Sheets downloads it: every tab, the Targets tab with KR3's custom weights typed in
 * its weights row, and a change logged at 10:15 on 2 June.
 */
async function writeStressPlan(file: string): Promise<void> {
  const workbook = planWorkbook(QA_STRATEGY, stressRows(), 'en', { date: utcDate });
  workbook['Changes'].push([
    new Date('2026-06-02T10:15:00Z'),
    'Key Results',
    'I4',
    'KR4',
    'Target',
    '2.5%',
    '3%',
  ]);
  const book = planToExcel(workbook, { lang: 'en', asOf: '2026-06-30' });
  const targets = book.getWorksheet('Targets')!;
  const month = new Map<string, number>();
  targets.getRow(1).eachCell((cell, c) => {
    if (cell.value instanceof Date) month.set(cell.value.toISOString().slice(0, 7), c);
  });
  let weightsRow = 0;
  targets.eachRow((row, r) => {
    if (row.getCell(1).value === 'KR3' && row.getCell(2).value === 'weights') weightsRow = r;
  });
  expect(weightsRow).toBeGreaterThan(0);
  const weights = { '2026-05': 1, '2026-06': 3, '2026-07': 3, '2026-08': 2, '2026-09': 1, '2026-10': 0 };
  for (const [m, w] of Object.entries(weights)) targets.getRow(weightsRow).getCell(month.get(m)!).value = w;
  await book.xlsx.writeFile(file);
}

describe('a plan file in any time zone', () => {
  it('arrives with the file’s days and times: the same months, Targets and sidebar in Los Angeles, Taipei and UTC', async () => {
    const file = path.join(dir, 'stress.xlsx');
    await writeStressPlan(file);
    const workbook = await readPlanFile(file);
    if (typeof workbook === 'string') throw new Error(workbook);
    const seen: Record<string, unknown>[] = [];
    for (const timeZone of ['America/Los_Angeles', 'Asia/Taipei', 'Etc/UTC']) {
      // Noon of 30 June there: the day the QA pass judged on.
      const noon = instantOfWallClock(Date.UTC(2026, 5, 30, 12), timeZone).getTime();
      const sandbox = await startSandbox({ workbook, port: 0, timeZone, now: () => noon });
      try {
        const ss = sandbox.ss;
        const tab = (name: string) => ss.getSheetByName(name)!.getDataRange().getValues();
        const day = (cell: unknown) => (cell instanceof Date ? dateToIso(cell, timeZone) : cell);
        const file = {
          period: tab('Strategy')
            .filter((row) => /^Period/.test(String(row[0])))
            .map((row) => day(row[1])),
          keyResults: tab('Key Results').map((row) => row.map(day)),
          actuals: tab('Actuals').map((row) => row.map(day)),
          changed: dateToIsoMinute(tab('Changes')[1][0] as Date, timeZone),
          // As the page shows them.
          shown: [
            ...readGrid(ss.getSheetByName('Strategy')!, timeZone)
              .text.filter((row) => /^Period/.test(row[0]))
              .map((row) => row[1]),
            readGrid(ss.getSheetByName('Changes')!, timeZone).text[1][0],
          ],
        };
        const decomposed = sandbox.project.callAs('FULL', 'decomposeTargets') as {
          ok: boolean;
          message: string;
        };
        const check = sandbox.project.callFromClient('getPlanCheck', 'en') as PlanCheck;
        seen.push({
          file,
          decomposed: decomposed.message.split('\n')[0],
          targets: tab('Targets').map((row) => row.map(day)),
          asOf: check.asOf,
          summary: check.summary,
          objectives: check.objectives,
          issues: check.groups.flatMap((g) =>
            g.issues.map((i) => `${i.code} ${i.sheet}!${i.a1} ${i.message}`),
          ),
        });
      } finally {
        await sandbox.close();
      }
    }
    const [losAngeles, taipei, utc] = seen;
    expect(utc.decomposed).toContain('over 12 months (2026-01 – 2026-12)');
    expect(utc.file).toMatchObject({
      period: ['2026-01-01', '2026-12-31'],
      changed: '2026-06-02 10:15',
      shown: ['2026-01-01', '2026-12-31', '6/2/2026 10:15:00'],
    });
    expect(utc.asOf).toBe('2026-06-30');
    expect(losAngeles).toEqual(utc);
    expect(taipei).toEqual(utc);
  });
});

describe('startSandbox', () => {
  it('builds the add-on first when the built files are missing', async () => {
    const dist = path.join(dir, 'dist');
    const sandbox = await startSandbox({ port: 0, dist });
    try {
      expect(statSync(path.join(dist, 'Code.js')).size).toBeGreaterThan(1000);
      expect(readFileSync(path.join(dist, 'sidebar.html'), 'utf8')).toContain('id="issues"');
      expect((await fetch(`${sandbox.url}sidebar`)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
