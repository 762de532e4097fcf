/**
 * `--previous`: the report says what moved since the last one (plan.json `sincePrevious`, `history`, and a section
 * on the company page), from the previous report's plan.json as a file or a URL; and refuses, with a warning,
 * one it cannot compare with.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Cell, Workbook } from '../shared';
import { analyzeWorkbook, STRATEGY_FIELDS } from '../shared';
import { buildPlanJson } from '../report/plan-json';
import { HISTORY_LIMIT, targetChangeOf, type SincePrevious } from '../report/previous';
import { buildReportView } from '../report/view-model';
import { attachSincePrevious, sincePreviousView } from '../report/view/since-previous';
import { unitFactor } from '../shared/cells';
import { planToXlsxBuffer } from '../report/write-xlsx';
import { addRow, colOf, rowOf } from './helpers/edit';
import { NOVEMBER, novemberWorkbook, OCTOBER, octoberWorkbook, writeReviews } from './helpers/previous';
import { exampleGrid, header, logChange, parse, runCli, tabName, tempDir } from './helpers/report';

let dir: string;
let server: Server;
let base: string;
const served: string[] = [];

beforeAll(async () => {
  dir = tempDir('previous');
  await writeReviews(dir);
  // The published site, as an http server on this machine.
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (new URL(req.url ?? '/', 'http://x').pathname === '/report/plan.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(join(dir, 'october/plan.json')));
    } else if (new URL(req.url ?? '/', 'http://x').pathname === '/v99/plan.json') {
      // A plan.json of a version this gtm-pyramid does not read.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...json('october'), version: 99 }));
    } else if (req.url === '/site/') {
      // The published report's page, where its plan.json was meant.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Report</title>');
    } else if (req.url === '/moved') {
      // A redirect within this machine is followed; one to http elsewhere is not.
      res.writeHead(302, { location: '/report/plan.json' });
      res.end();
    } else if (req.url === '/away') {
      res.writeHead(302, { location: 'http://example.com/plan.json' });
      res.end();
    } else if (req.url === '/busy/plan.json') {
      // The published site failing for a moment, as a host does under load or in maintenance.
      res.writeHead(503);
      res.end();
    } else if (req.url === '/huge') {
      // An answer that says it is 300 MB: refused on its headers, before any of it is read.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(300 * 2 ** 20) });
      res.flushHeaders();
      setTimeout(() => res.destroy(), 1000);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const json = (out: string) => JSON.parse(read(`${out}/plan.json`));

describe('gtm-pyramid report --previous', () => {
  it('puts what moved since the last report in plan.json and first on the company page', async () => {
    const run = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', 'october/plan.json', '--out', 'nov'],
      dir,
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Since the last report: compared with october/plan.json (as of ${OCTOBER}).`,
    );

    const data = json('nov');
    const since = data.sincePrevious;
    expect(since.asOf).toBe(OCTOBER);
    // Named by the file's name: plan.json is published, and a folder of this machine is nobody's business.
    expect(since.source).toBe('plan.json');
    expect(since.statusChanges).toEqual([
      { id: 'O1', kind: 'objective', from: 'on-track', to: 'at-risk' },
      { id: 'KR3', kind: 'keyResult', from: 'at-risk', to: 'off-track' },
    ]);
    // Attainment moved for the objectives and key results with new check-ins; the deltas are to − from.
    const kr3 = since.attainment.find((a: { id: string }) => a.id === 'KR3');
    const before = json('october').keyResults.find((k: { id: string }) => k.id === 'KR3').attainment;
    const now = data.keyResults.find((k: { id: string }) => k.id === 'KR3').attainment;
    expect(kr3).toMatchObject({ kind: 'keyResult', from: before, to: now });
    expect(kr3.change).toBeCloseTo(now - before, 9);
    expect(since.attainment.map((a: { id: string }) => a.id)).toContain('O1');
    // October's check-ins (read by the November report) are the ones added.
    expect(since.checkIns.length).toBeGreaterThan(0);
    expect(since.checkIns.every((c: { month: string }) => c.month === '2026-10')).toBe(true);
    // Only the change made after the October review (the June one was already known).
    expect(since.targetChanges).toEqual([
      {
        timestamp: '2026-10-20 09:30',
        sheet: 'Key Results',
        id: 'KR3',
        field: 'Target',
        oldValue: '0.3',
        newValue: '0.25',
        reason: 'Pilot capacity halved',
        who: 'ana@example.com',
      },
    ]);
    expect(data.history).toEqual([
      {
        asOf: OCTOBER,
        objectives: Object.fromEntries(
          json('october').objectives.map((o: { id: string; progress: { attainment: number } }) => [
            o.id,
            o.progress.attainment,
          ]),
        ),
      },
    ]);

    const doc = parse(read('nov/index.html'));
    const section = doc.querySelector('header.masthead section.since')!;
    expect(section).not.toBeNull();
    const text = section.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Since the last report');
    expect(text).toMatch(/KR3 Key result ▲\s*at risk → ✕\s*off track/i);
    expect(text).toMatch(/O1 Objective ●\s*on track → ▲\s*at risk/i);
    // The change's line shows the values as the card and the Changes page do (the log wrote 0.3 and 0.25), and says
    // why and by whom, as the Changes tab does.
    expect(text).toContain('KR3 Target: 30% → 25% Pilot capacity halved · by ana@example.com');
    expect(text).toMatch(/New monthly actuals \(\d+\): KR\d/);
    // Each objective's card in the pyramid carries its trend: October, then November.
    const trends = doc.querySelectorAll('li.objective .trend svg');
    expect(trends).toHaveLength(2);
    expect(trends[0].querySelectorAll('circle')).toHaveLength(2);
    expect(trends[0].getAttribute('aria-label')).toMatch(/15 Oct 2026 \d+%, 15 Nov 2026 \d+%/);
    // plan.json of a report without --previous has neither field, and the page has no section.
    expect(json('october')).not.toHaveProperty('sincePrevious');
    expect(json('october')).not.toHaveProperty('history');
    expect(parse(read('october/index.html')).querySelector('.since, .trend')).toBeNull();
  });

  it("a previous plan.json whose roll-ups have no kpis count (Support's KPI counted as a key result) is compared as before", async () => {
    // October's report as the version before `kpis` wrote it: Support, judged by its KPI, said keyResults 1.
    const october = json('october');
    for (const d of october.departments) {
      if (!d.progress) continue;
      if (d.name === 'Support') expect(d.progress).toMatchObject({ keyResults: 0, kpis: 1 });
      d.progress.keyResults += d.progress.kpis;
      delete d.progress.kpis;
    }
    for (const o of october.objectives) delete o.progress.kpis;
    mkdirSync(join(dir, 'october-before-kpis'), { recursive: true });
    writeFileSync(join(dir, 'october-before-kpis/plan.json'), JSON.stringify(october));
    const run = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', 'october-before-kpis/plan.json', '--out', 'nov-compat'],
      dir,
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const data = json('nov-compat');
    expect(data.sincePrevious.statusChanges).toEqual(json('nov').sincePrevious.statusChanges);
    expect(data.history).toEqual(json('nov').history);
    // This report's own roll-ups say what they counted.
    expect(data.departments.find((d: { name: string }) => d.name === 'Support').progress).toMatchObject({
      keyResults: 0,
      kpis: 1,
    });
  });

  it('names check-ins typed over since the last report, and the points between percentages add up as shown', async () => {
    // October's KR3 check-ins were 15% higher: November's sheet has them corrected down.
    const since = json('nov').sincePrevious;
    const october = json('october').keyResults.find((k: { id: string }) => k.id === 'KR3');
    const wasIn = (month: string) =>
      october.months.find((m: { month: string }) => m.month === month).actual as number;
    expect(since.corrections.length).toBeGreaterThan(0);
    for (const c of since.corrections) {
      expect(c.id).toBe('KR3');
      expect(c.was).toBe(wasIn(c.month));
      expect(c.actual).toBeLessThan(c.was);
    }
    const section = parse(read('nov/index.html')).querySelector('.since')!;
    const lines = Array.from(section.querySelectorAll('li')).map((li) => li.textContent ?? '');
    expect(lines).toContainEqual(expect.stringMatching(/^KR3 \w{3} 2026: [\d.]+% → [\d.]+%$/));
    // Every attainment line: the points are the difference of the two percentages it shows.
    const moves = lines
      .map((l) => /(\d+)% → (\d+)% \(([+−]?)(\d+) points\)/.exec(l))
      .filter((m) => m !== null);
    expect(moves.length).toBeGreaterThan(0);
    for (const [, from, to, sign, points] of moves)
      expect(Number(to) - Number(from)).toBe((sign === '−' ? -1 : 1) * Number(points));
  });

  it("a change logged on the last report's day after it was made, or with a timestamp typed as text, is named", async () => {
    const november = novemberWorkbook();
    const changes = november[tabName('changes')];
    const logged = (timestamp: string, newValue: string) => {
      const row = [...changes[changes.length - 1]];
      row[colOf(changes, header('changes', 'timestamp'))] = timestamp;
      row[colOf(changes, header('changes', 'newValue'))] = newValue;
      changes.push(row);
    };
    logged(`${OCTOBER} 18:00`, '0.24');
    logged('1 Nov 2026', '0.23');
    logged('2026-12-01 09:00', '0.22'); // after this report's date: not yet
    writeFileSync(join(dir, 'november-late.xlsx'), await planToXlsxBuffer(november, { lang: 'en' }));
    const run = await runCli(
      ['report', 'november-late.xlsx', '--as-of', NOVEMBER, '--previous', 'october', '--out', 'late'],
      dir,
    );
    expect(run.code).toBe(0);
    const values = json('late').sincePrevious.targetChanges.map((c: { newValue: string }) => c.newValue);
    expect(values).toEqual(expect.arrayContaining(['0.25', '0.24', '0.23']));
    expect(values).not.toContain('0.22');
    // Those the October report already listed are not named again.
    const october = json('october').changes.map((c: { timestamp: string }) => c.timestamp);
    for (const c of json('late').sincePrevious.targetChanges) expect(october).not.toContain(c.timestamp);
  });

  it('a change the last report had but dated after its as-of date (made with an earlier --as-of) is named next time', async () => {
    // November's sheet (with its Changes row of October 20th) reported as of October 15th: the row is in its
    // plan.json, not yet in its section; November's report names it.
    const report = (out: string, args: string[]) =>
      runCli(['report', 'november.xlsx', ...args, '--out', out], dir);
    expect((await report('early', ['--as-of', OCTOBER])).code).toBe(0);
    const listed = (out: string, field: 'changes' | 'targetChanges') =>
      (field === 'changes' ? json(out).changes : json(out).sincePrevious.targetChanges).map(
        (c: { timestamp: string }) => c.timestamp,
      );
    expect(listed('early', 'changes')).toContain('2026-10-20 09:30');
    expect((await report('early-next', ['--as-of', NOVEMBER, '--previous', 'early'])).code).toBe(0);
    expect(listed('early-next', 'targetChanges')).toContain('2026-10-20 09:30');
  });

  it('a target changed in the sheet, its Changes row dated after the as-of date: named now, not again next time', async () => {
    const november = novemberWorkbook();
    const keyResults = november[tabName('keyResults')];
    const target = colOf(keyResults, header('keyResults', 'target'));
    const kr2 = keyResults[rowOf(keyResults, 'KR2')];
    kr2[target] = (kr2[target] as number) + 5_000;
    const changes = november[tabName('changes')];
    const row = [...changes[changes.length - 1]];
    row[colOf(changes, header('changes', 'timestamp'))] = '2026-11-20 09:00';
    row[colOf(changes, header('changes', 'id'))] = 'KR2';
    changes.push(row);
    writeFileSync(join(dir, 'november-ahead.xlsx'), await planToXlsxBuffer(november, { lang: 'en' }));
    const report = (out: string, args: string[]) =>
      runCli(['report', 'november-ahead.xlsx', ...args, '--out', out], dir);
    expect((await report('ahead', ['--as-of', NOVEMBER, '--previous', 'october'])).code).toBe(0);
    const since = json('ahead').sincePrevious;
    expect(since.targetChanges.map((c: { timestamp: string }) => c.timestamp)).toContain('2026-11-20 09:00');
    expect(since.unloggedTargets).toEqual([]);
    expect((await report('ahead-next', ['--as-of', '2026-12-15', '--previous', 'ahead'])).code).toBe(0);
    expect(
      json('ahead-next').sincePrevious.targetChanges.map((c: { timestamp: string }) => c.timestamp),
    ).not.toContain('2026-11-20 09:00');
  });

  it('never wipes the history in --out when --previous cannot be used (a typo in a scheduled job)', async () => {
    // The site: October's report, then November's over it with --previous, so it holds a history.
    const report = (args: string[]) => runCli(['report', ...args, '--out', 'site'], dir);
    expect((await report(['october.xlsx', '--as-of', OCTOBER])).code).toBe(0);
    expect((await report(['november.xlsx', '--as-of', NOVEMBER, '--previous', 'site/plan.json'])).code).toBe(
      0,
    );
    const published = read('site/plan.json');
    expect(JSON.parse(published).history).toHaveLength(1);

    const typo = await report(['november.xlsx', '--as-of', '2026-11-20', '--previous', 'site/plan.jsn']);
    expect(typo.code).toBe(2);
    // One line, and true: why --previous cannot be used, that nothing was written, and what to do; never first a
    // warning that the report "is written without" it.
    expect(typo.stderr).toEqual([
      'gtm-pyramid: --previous site/plan.jsn: cannot be read (no such file); nothing was written. Give --previous the last report before this one (the one in site is site/plan.json), or add --new-history to start the history again from this report',
    ]);
    expect(typo.stdout).toEqual([]);
    expect(read('site/plan.json')).toBe(published);
    // Nor an address that answers 404 (as before the first report is published): here the folder holds a history.
    const unpublished = await report([
      'november.xlsx',
      '--as-of',
      '2026-11-20',
      '--previous',
      `${base}/missing/plan.json`,
    ]);
    expect(unpublished.code).toBe(2);
    expect(unpublished.stderr).toEqual([
      `gtm-pyramid: --previous ${base}/missing/plan.json: cannot be read (the server answered HTTP 404); nothing was changed: site holds a report whose history of 2 reports this report would not carry on. Give --previous the last report before this one (the one in site is site/plan.json), or add --new-history to start the history again`,
    ]);
    expect(read('site/plan.json')).toBe(published);
    // Without --previous the report is a fresh start, as asked: written.
    expect((await report(['november.xlsx', '--as-of', '2026-11-20'])).code).toBe(0);
  });

  it('a scheduled job into a fresh --out: an unusable --previous writes nothing (exit 2), unless --new-history', async () => {
    // The product renamed on the Strategy tab since October's report: the same key results, another product name.
    const renamed = novemberWorkbook();
    const strategy = renamed[tabName('strategy')];
    const productLabel = STRATEGY_FIELDS.find((f) => f.key === 'product')!.label.en;
    const productRow = strategy.findIndex((row) => row[0] === productLabel);
    expect(productRow).toBeGreaterThanOrEqual(0);
    strategy[productRow][1] = 'GEO Monitor Pro';
    writeFileSync(join(dir, 'renamed.xlsx'), await planToXlsxBuffer(renamed, { lang: 'en' }));
    writeFileSync(join(dir, 'previous-ci.json'), read('october/plan.json'));
    const job = (out: string, ...more: string[]) =>
      runCli(
        ['report', 'renamed.xlsx', '--as-of', NOVEMBER, '--previous', 'previous-ci.json', '--out', out, ...more],
        dir,
      );
    const refused = await job('public-ci');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toEqual([]);
    expect(refused.stderr).toEqual([
      'gtm-pyramid: --previous previous-ci.json: it is the report of the product "GEO Monitor: AI search optimisation monitoring", and the Strategy tab now names the product "GEO Monitor Pro"; nothing was written. If the product was renamed, add --new-history to start its history again under the new name; otherwise give --previous the last report of "GEO Monitor Pro"',
    ]);
    expect(existsSync(join(dir, 'public-ci'))).toBe(false);
    // The person means it: the history starts again from this report, and the warning says so.
    const started = await job('public-ci', '--new-history');
    expect(started.code).toBe(0);
    expect(started.stderr).toEqual([
      'gtm-pyramid: warning: --previous previous-ci.json: it is the report of the product "GEO Monitor: AI search optimisation monitoring", and the Strategy tab now names the product "GEO Monitor Pro"; the report is written without "Since the last report", its history starting again from this report (--new-history)',
    ]);
    expect(json('public-ci')).not.toHaveProperty('history');
    // A damaged previous plan.json, in the reader's language.
    writeFileSync(join(dir, 'damaged.json'), read('october/plan.json').slice(0, 500));
    const damaged = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', 'damaged.json', '--out', 'ci-zh', '--lang', 'zh-TW'],
      dir,
    );
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toEqual([
      'gtm-pyramid: --previous damaged.json：不是 gtm-pyramid 的 plan.json（不是 JSON）；未寫入任何檔案。請讓 --previous 指向本計畫的上一份報告（首次產生報告時請省略 --previous），或加上 --new-history 從本次報告重新開始歷史',
    ]);
    expect(existsSync(join(dir, 'ci-zh'))).toBe(false);
    // A previous that can be used is used, --new-history or not: the flag can stay in a job.
    const usable = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', 'previous-ci.json', '--out', 'ci-ok', '--new-history'],
      dir,
    );
    expect(usable.code).toBe(0);
    expect(usable.stderr).toEqual([]);
    expect(json('ci-ok').history).toHaveLength(1);
  });

  it('a published site that fails for a moment (503) or cannot be reached: nothing written, and no --new-history offered', async () => {
    // A port of this machine nothing listens on any more: the connection is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    for (const [address, reason] of [
      [`${base}/busy/plan.json`, 'the server answered HTTP 503'],
      [`http://127.0.0.1:${port}/plan.json`, 'ECONNREFUSED'],
    ]) {
      const run = await runCli(
        ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', address, '--out', 'busy'],
        dir,
      );
      expect(run.code, address).toBe(2);
      expect(run.stderr.join('\n'), address).toContain(reason);
      expect(run.stderr.join('\n'), address).toContain(
        'The published history is untouched: run the command again later',
      );
      expect(run.stderr.join('\n'), address).not.toContain('--new-history');
      expect(existsSync(join(dir, 'busy')), address).toBe(false);
    }
  });

  it('the first scheduled run, nothing published yet: an address that answers 404 is a warning, and the report is written', async () => {
    const run = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', `${base}/missing/plan.json`, '--out', 'first'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([
      `gtm-pyramid: warning: --previous ${base}/missing/plan.json: cannot be read (the server answered HTTP 404); the report is written without "Since the last report"`,
    ]);
    expect(json('first')).not.toHaveProperty('sincePrevious');
    // Made again the same day from that first report, which holds no history: nothing to lose, written.
    writeFileSync(join(dir, 'first.json'), read('first/plan.json'));
    const again = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', 'first.json', '--out', 'first-again'],
      dir,
    );
    expect(again.code).toBe(0);
    expect(again.stderr).toEqual([
      `gtm-pyramid: warning: --previous first.json: it is as of ${NOVEMBER}, not before this report's ${NOVEMBER}; the report is written without "Since the last report"`,
    ]);
  });

  it("the same day's report made again (a fix, the job run twice) is compared with what the first was, its history kept", async () => {
    const report = (out: string, args: string[]) => runCli(['report', ...args, '--out', out], dir);
    expect((await report('rerun', ['october.xlsx', '--as-of', OCTOBER])).code).toBe(0);
    expect((await report('rerun', ['november.xlsx', '--as-of', NOVEMBER, '--previous', 'rerun'])).code).toBe(
      0,
    );
    const first = json('rerun');
    expect(first.history.map((h: { asOf: string }) => h.asOf)).toEqual([OCTOBER]);

    // Run again over itself, and again into a fresh folder from the published plan.json (the CI workflow).
    const again = await report('rerun', [
      'november.xlsx',
      '--as-of',
      NOVEMBER,
      '--previous',
      'rerun/plan.json',
    ]);
    expect(again.stderr).toEqual([]);
    // The job's log names the report compared with: October's, as the first run's was.
    expect(again.stdout).toContain(
      `Since the last report: compared with rerun/plan.json (as of ${OCTOBER}).`,
    );
    expect(again.code).toBe(0);
    writeFileSync(join(dir, 'published.json'), read('rerun/plan.json'));
    const fresh = await report('rerun-fresh', [
      'november.xlsx',
      '--as-of',
      NOVEMBER,
      '--previous',
      'published.json',
    ]);
    expect(fresh.stderr).toEqual([]);
    for (const rerun of [json('rerun'), json('rerun-fresh')]) {
      expect(rerun.history).toEqual(first.history);
      expect({ ...rerun.sincePrevious, source: '' }).toEqual({ ...first.sincePrevious, source: '' });
      expect(rerun.comparedWith).toEqual(first.comparedWith);
    }
    // A December report from the rerun carries the whole history on: October, then November.
    const december = await report('rerun', ['november.xlsx', '--as-of', '2026-12-15', '--previous', 'rerun']);
    expect(december.code).toBe(0);
    expect(json('rerun').history.map((h: { asOf: string }) => h.asOf)).toEqual([OCTOBER, NOVEMBER]);
  });

  it('a target typed over in the sheet with no row on the Changes tab is named among the changed targets', async () => {
    const november = octoberWorkbook();
    const keyResults = november[tabName('keyResults')];
    const target = colOf(keyResults, header('keyResults', 'target'));
    const kr2 = keyResults[rowOf(keyResults, 'KR2')];
    const before = kr2[target] as number;
    kr2[target] = before + 10_000;
    writeFileSync(join(dir, 'november-retargeted.xlsx'), await planToXlsxBuffer(november, { lang: 'en' }));
    const run = await runCli(
      [
        'report',
        'november-retargeted.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        'october',
        '--out',
        'retargeted',
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const since = json('retargeted').sincePrevious;
    expect(since.unloggedTargets).toEqual([
      { id: 'KR2', kind: 'keyResult', from: before, to: before + 10_000 },
    ]);
    const text = parse(read('retargeted/index.html')).querySelector('.since')?.textContent ?? '';
    expect(text).toMatch(/KR2 Target: 50,000 sign-ups → 60,000 sign-ups \(no row on the Changes tab\)/);
    expect(text).not.toContain('No target changed.');
  });

  it("a weight or the period logged on the Changes tab reads as one, and is no row of the Target: a Target typed over without its row is still named", async () => {
    const november = octoberWorkbook();
    const keyResults = november[tabName('keyResults')];
    const target = colOf(keyResults, header('keyResults', 'target'));
    const kr2 = keyResults[rowOf(keyResults, 'KR2')];
    const before = kr2[target] as number;
    kr2[target] = before + 10_000;
    // As the add-on logs them: KR2's October weight typed on the Targets tab (the month its field), and the
    // period's end on the Strategy tab (no ID).
    const log = (values: Record<string, Cell>) =>
      addRow(november, tabName('changes'), {
        [header('changes', 'who')]: 'ana@example.com',
        ...Object.fromEntries(Object.entries(values).map(([key, value]) => [header('changes', key), value])),
      });
    log({ timestamp: '2026-11-02 10:00', sheet: tabName('targets'), cell: 'N4', id: 'KR2', field: '2026-10', oldValue: 1, newValue: 5 });
    log({
      timestamp: '2026-11-03 11:00',
      sheet: tabName('strategy'),
      cell: 'B10',
      id: '',
      field: STRATEGY_FIELDS.find((f) => f.key === 'periodEnd')!.label.en,
      oldValue: new Date(Date.UTC(2026, 11, 31)),
      newValue: new Date(Date.UTC(2027, 2, 31)),
    });
    const { since, text, code } = await againstOctober(november, 'weights-logged');
    expect(code).toBe(0);
    // KR2's weight row says nothing of its Target: the Target typed over is still named.
    expect(since.unloggedTargets).toEqual([{ id: 'KR2', kind: 'keyResult', from: before, to: before + 10_000 }]);
    expect(
      since.targetChanges.map((c: Record<string, string>) => [c.sheet, c.id, c.field, c.oldValue, c.newValue]),
    ).toEqual([
      ['Targets', 'KR2', '2026-10', '1', '5'],
      ['Strategy', '', 'Period end', '2026-12-31', '2027-03-31'],
    ]);
    // A weight in no unit (not "5 sign-ups"), its month in words; the period's days as days, without an ID.
    expect(text).toContain('KR2 Weight for Oct 2026: 1 → 5');
    expect(text).toContain('Period end: 31 Dec 2026 → 31 Mar 2027');
    expect(text).toMatch(/KR2 Target: 50,000 sign-ups → 60,000 sign-ups \(no row on the Changes tab\)/);
    // The Changes page reads them so too.
    const page = parse(read('weights-logged/index.html'));
    const rows = Array.from(page.querySelectorAll('#changes ~ .table-scroll tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td'))
        .slice(2, 6)
        .map((td) => td.textContent?.trim()),
    );
    expect(rows).toContainEqual(['KR2', 'Weight for Oct 2026', '1', '5']);
    expect(rows).toContainEqual(['–', 'Period end', '31 Dec 2026', '31 Mar 2027']);
  });

  /** October's plan with a key result's Unit, Target and check-ins typed in thousands of what they were. */
  const inThousands = (id: string, unit: string, target: number) => {
    const november = octoberWorkbook();
    const keyResults = november[tabName('keyResults')];
    const row = keyResults[rowOf(keyResults, id)];
    row[colOf(keyResults, header('keyResults', 'unit'))] = unit;
    row[colOf(keyResults, header('keyResults', 'target'))] = target;
    const actuals = november[tabName('actuals')];
    const metric = colOf(actuals, header('actuals', 'metric'));
    const value = colOf(actuals, header('actuals', 'value'));
    const rows = actuals.filter((r) => r[metric] === id);
    for (const r of rows) r[value] = Number(r[value]) / 1000;
    return { november, rows, value };
  };

  /** A plan reported against the October report: the exit code, `sincePrevious` and the section's text. */
  const againstOctober = async (november: Workbook, name: string) => {
    writeFileSync(join(dir, `${name}.xlsx`), await planToXlsxBuffer(november, { lang: 'en' }));
    const run = await runCli(
      ['report', `${name}.xlsx`, '--as-of', NOVEMBER, '--previous', 'october', '--out', name],
      dir,
    );
    const page = parse(read(`${name}/index.html`));
    return { code: run.code, since: json(name).sincePrevious, text: page.querySelector('.since')?.textContent ?? '' };
  };

  it('a Unit changed since the last report is named once, not as a corrected check-in every month', async () => {
    // USD 1,000,000 retyped as 1,000 K USD, and every check-in with it: nothing moved but the Unit.
    const { code, since, text } = await againstOctober(inThousands('KR1', 'K USD', 1000).november, 'k-usd');
    expect(code).toBe(0);
    expect(since.corrections).toEqual([]);
    expect(since.unloggedTargets).toEqual([]);
    expect(since.unloggedUnits).toEqual([{ id: 'KR1', kind: 'keyResult', from: 'USD', to: 'K USD' }]);
    expect(text).toContain('KR1 Unit: USD → K USD (no row on the Changes tab)');
    expect(text).not.toMatch(/KR1 (Mar|Apr|May|Jun|Jul|Aug) 2026/);
  });

  it('a target and a check-in that moved with their Unit are each shown in the Unit of their report', async () => {
    // 50,000 sign-ups becomes 60 K sign-ups (60,000), and March's check-in is corrected as well.
    const { november, rows, value } = inThousands('KR2', 'K sign-ups', 60);
    const march = Number(rows[0][value]);
    rows[0][value] = march + 1;
    const { code, since, text } = await againstOctober(november, 'k-signups');
    expect(code).toBe(0);
    expect(since.unloggedUnits).toEqual([{ id: 'KR2', kind: 'keyResult', from: 'sign-ups', to: 'K sign-ups' }]);
    expect(since.unloggedTargets).toEqual([
      { id: 'KR2', kind: 'keyResult', from: 50_000, to: 60, fromUnit: 'sign-ups' },
    ]);
    expect(since.corrections).toEqual([
      { id: 'KR2', kind: 'keyResult', month: '2026-03', was: march * 1000, actual: march + 1, wasUnit: 'sign-ups' },
    ]);
    expect(text).toContain('KR2 Mar 2026: 3,200 sign-ups → 4.2 K sign-ups');
    expect(text).toContain('KR2 Target: 50,000 sign-ups → 60 K sign-ups (no row on the Changes tab)');
    // April's check-in moved with its Unit only (4,100 sign-ups is 4.1 K sign-ups): no correction.
    expect(text).not.toContain('KR2 Apr 2026');
  });

  it('a change logged after this report is not listed when its target moved with its Unit only', async () => {
    // 1,000,000 USD is 1,000 K USD: the target logged for after November (1,200 K USD) is not in effect yet.
    const { november } = inThousands('KR1', 'K USD', 1000);
    logChange(november, { timestamp: '2026-11-20 09:00', id: 'KR1', column: 'target', from: 1000, to: 1200 });
    const { code, since } = await againstOctober(november, 'k-usd-later');
    expect(code).toBe(0);
    expect(since.targetChanges).toEqual([]);
    expect(since.unloggedTargets).toEqual([]);
  });

  it('a Unit typed by another of its names (percent for %) is no Unit change', async () => {
    const november = octoberWorkbook();
    const keyResults = november[tabName('keyResults')];
    keyResults[rowOf(keyResults, 'KR3')][colOf(keyResults, header('keyResults', 'unit'))] = 'percent';
    const { code, since, text } = await againstOctober(november, 'percent-word');
    expect(code).toBe(0);
    expect(since.unloggedUnits).toEqual([]);
    expect(since.unloggedTargets).toEqual([]);
    expect(since.corrections).toEqual([]);
    expect(text).not.toContain('KR3 Unit');
  });

  it('a logged target change is shown in the Unit the key result had when it was logged', async () => {
    // The target moved to 60,000 sign-ups, then the Unit to K sign-ups (and the target with it, to 60): both logged.
    const { november } = inThousands('KR2', 'K sign-ups', 60);
    const logged = (timestamp: string, column: string, from: Cell, to: Cell) =>
      logChange(november, { timestamp, id: 'KR2', column, from, to });
    logged('2026-10-20 09:30', 'target', 50_000, 60_000);
    logged('2026-10-21 10:00', 'unit', 'sign-ups', 'K sign-ups');
    const { code, since, text } = await againstOctober(november, 'k-signups-logged');
    expect(code).toBe(0);
    expect(since.unloggedUnits).toEqual([]);
    expect(text).toContain('KR2 Target: 50,000 sign-ups → 60,000 sign-ups');
    expect(text).toContain('KR2 Unit: sign-ups → K sign-ups');
    expect(text).not.toContain('K sign-ups → 60,000');
  });

  it('an objective with a key result left out by an error has no attainment in the comparison or the trend', async () => {
    // November's KR3 target typed so that it cannot be read: KR3 is left out, and O1 would look better without it.
    const november = octoberWorkbook();
    const keyResults = november[tabName('keyResults')];
    keyResults[rowOf(keyResults, 'KR3')][colOf(keyResults, header('keyResults', 'target'))] = '20 %%';
    writeFileSync(join(dir, 'november-left-out.xlsx'), await planToXlsxBuffer(november, { lang: 'en' }));
    const run = await runCli(
      ['report', 'november-left-out.xlsx', '--as-of', NOVEMBER, '--previous', 'october', '--out', 'left-out'],
      dir,
    );
    expect(run.code).toBe(1);
    const left = json('left-out');
    expect(left.objectives.find((o: { id: string }) => o.id === 'O1').progress.status).toBe(
      'needs-attention',
    );
    expect(left.sincePrevious.attainment).toContainEqual(
      expect.objectContaining({ id: 'O1', kind: 'objective', to: null, change: null }),
    );
    // December, from November's report: November's O1 is no point of the trend.
    const december = await runCli(
      [
        'report',
        'november.xlsx',
        '--as-of',
        '2026-12-15',
        '--previous',
        'left-out',
        '--out',
        'left-out-december',
      ],
      dir,
    );
    expect(december.code).toBe(0);
    const history = json('left-out-december').history;
    expect(history.at(-1)).toEqual(expect.objectContaining({ asOf: NOVEMBER }));
    expect(history.at(-1).objectives.O1).toBeNull();
  });

  it('names what was added to or removed from the plan since the last report', async () => {
    // October's plan had one more key result (dropped since) and not yet the last KPI (added since).
    const october = octoberWorkbook();
    const keyResults = october[tabName('keyResults')];
    const kr3 = keyResults[rowOf(keyResults, 'KR3')];
    const dropped = [...kr3];
    dropped[colOf(keyResults, header('keyResults', 'id'))] = 'KR9';
    dropped[colOf(keyResults, header('keyResults', 'title'))] = 'Pilot with 20 resellers';
    keyResults.push(dropped);
    const kpis = october[tabName('kpis')];
    const [addedKpi] = kpis.splice(kpis.length - 1, 1);
    writeFileSync(join(dir, 'october-more.xlsx'), await planToXlsxBuffer(october, { lang: 'en' }));
    const before = await runCli(
      ['report', 'october-more.xlsx', '--as-of', OCTOBER, '--out', 'oct-more'],
      dir,
    );
    expect(before.code).toBe(0);

    const run = await runCli(
      [
        'report',
        'november.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        'oct-more/plan.json',
        '--out',
        'nov-more',
      ],
      dir,
    );
    expect(run.stderr).toEqual([]);
    const since = json('nov-more').sincePrevious;
    const kpiId = String(addedKpi[colOf(kpis, header('kpis', 'id'))]);
    const kpiName = String(addedKpi[colOf(kpis, header('kpis', 'name'))]);
    expect(since.added).toEqual([{ id: kpiId, kind: 'kpi', name: kpiName }]);
    expect(since.removed).toEqual([{ id: 'KR9', kind: 'keyResult', name: 'Pilot with 20 resellers' }]);
    // Nothing else is reported as added or removed: the other IDs are in both reports.
    expect(json('nov').sincePrevious).toMatchObject({ added: [], removed: [] });

    const text = parse(read('nov-more/index.html'))
      .querySelector('header.masthead section.since')!
      .textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Added or removed');
    expect(text).toContain(`${kpiId} KPI added ${kpiName}`);
    expect(text).toContain('KR9 Key result removed Pilot with 20 resellers');
    // The section says nothing of it when nothing was added or removed.
    expect(parse(read('nov/index.html')).querySelector('section.since')!.textContent).not.toContain(
      'Added or removed',
    );
  });

  it('carries the history forward, at most HISTORY_LIMIT earlier reports', async () => {
    const first = await runCli(
      ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', 'october/plan.json', '--out', 'h1'],
      dir,
    );
    expect(first.code).toBe(0);
    const december = await runCli(
      ['report', 'example.xlsx', '--as-of', '2026-12-15', '--previous', 'h1/plan.json', '--out', 'h2'],
      dir,
    );
    expect(december.code).toBe(0);
    expect(json('h2').history.map((h: { asOf: string }) => h.asOf)).toEqual([OCTOBER, NOVEMBER]);
    expect(
      parse(read('h2/index.html')).querySelector('li.objective .trend svg')!.querySelectorAll('circle'),
    ).toHaveLength(3);

    // A previous report already carrying a full history: the oldest entry is dropped.
    const full = json('h1');
    const months = Array.from(
      { length: HISTORY_LIMIT },
      (_, i) => `2025-${String(i + 1).padStart(2, '0')}-15`,
    );
    full.history = months.map((asOf) => ({ asOf, objectives: { O1: 0.5, O2: 0.5 } }));
    writeFileSync(join(dir, 'full.json'), JSON.stringify(full));
    const bounded = await runCli(
      ['report', 'example.xlsx', '--as-of', '2026-12-15', '--previous', 'full.json', '--out', 'h3'],
      dir,
    );
    expect(bounded.code).toBe(0);
    const history = json('h3').history.map((h: { asOf: string }) => h.asOf);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toBe(months[1]);
    expect(history.at(-1)).toBe(NOVEMBER);
  });

  it("a daily schedule keeps each earlier month's last report and its latest days, not only its last twelve days", async () => {
    const daily = json('h1'); // as of November 15th, compared with October
    const days = (month: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);
    const earlier = [...days('09', 20, 30), ...days('10', 1, 31), ...days('11', 1, 14)];
    daily.history = earlier.map((asOf) => ({ asOf, objectives: { O1: 0.5, O2: 0.5 } }));
    writeFileSync(join(dir, 'daily.json'), JSON.stringify(daily));
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', '2026-11-16', '--previous', 'daily.json', '--out', 'daily'],
      dir,
    );
    expect(run.code).toBe(0);
    const history = json('daily').history.map((h: { asOf: string }) => h.asOf);
    expect(history).toEqual(['2026-09-30', '2026-10-31', ...days('11', 6, 15)]);
  });

  it('refuses an older --previous than the report in --out, which the history would lose', async () => {
    const report = (args: string[]) => runCli(['report', 'example.xlsx', ...args, '--out', 'skip'], dir);
    expect((await report(['--as-of', OCTOBER])).code).toBe(0);
    writeFileSync(join(dir, 'skip-october.json'), read('skip/plan.json'));
    expect((await report(['--as-of', NOVEMBER, '--previous', 'skip'])).code).toBe(0);
    const published = read('skip/plan.json');
    // December from the October archive, over November's report: November would vanish from the history.
    const december = await report(['--as-of', '2026-12-15', '--previous', 'skip-october.json']);
    expect(december.code).toBe(2);
    const refusal = `gtm-pyramid: skip: holds reports up to ${NOVEMBER}, later than the --previous one (as of ${OCTOBER}): this report would leave ${NOVEMBER} out of the history; nothing was changed. Give --previous the report in this folder (skip/plan.json), or write this one elsewhere with --out`;
    expect(december.stderr.at(-1)).toBe(refusal);
    expect(read('skip/plan.json')).toBe(published);
    // An earlier report written over November's, from the October archive: the same.
    const earlier = await report(['--as-of', '2026-11-01', '--previous', 'skip-october.json']);
    expect(earlier.code).toBe(2);
    expect(earlier.stderr.at(-1)).toBe(refusal);
    // November's report made again from the October archive, over November's own, which was compared with
    // October too: nothing is lost, written.
    expect((await report(['--as-of', NOVEMBER, '--previous', 'skip-october.json'])).code).toBe(0);
    // The folder's own report as --previous: written, November in the history.
    expect((await report(['--as-of', '2026-12-15', '--previous', 'skip'])).code).toBe(0);
    expect(json('skip').history.map((h: { asOf: string }) => h.asOf)).toEqual([OCTOBER, NOVEMBER]);
    // December made again from the October archive: December's own was compared with November, which would go.
    const again = await report(['--as-of', '2026-12-15', '--previous', 'skip-october.json']);
    expect(again.code).toBe(2);
    expect(again.stderr.at(-1)).toContain(
      `holds reports up to ${NOVEMBER}, later than the --previous one (as of ${OCTOBER})`,
    );
  });

  it('refuses a --previous of another line than the report in --out: a later one whose history never held it', async () => {
    const report = (out: string, args: string[]) => runCli(['report', 'example.xlsx', ...args, '--out', out], dir);
    // pub: reports of 10, 12 and 14 November, each from the one before.
    expect((await report('pub', ['--as-of', '2026-11-10'])).code).toBe(0);
    expect((await report('pub', ['--as-of', '2026-11-12', '--previous', 'pub'])).code).toBe(0);
    expect((await report('pub', ['--as-of', '2026-11-14', '--previous', 'pub'])).code).toBe(0);
    expect(json('pub').history.map((h: { asOf: string }) => h.asOf)).toEqual(['2026-11-10', '2026-11-12']);
    const published = read('pub/plan.json');
    // o1: the same plan's report of the 15th, made elsewhere from nothing: no history.
    expect((await report('o1', ['--as-of', '2026-11-15'])).code).toBe(0);
    const refusal =
      'gtm-pyramid: pub: holds reports up to 2026-11-14 that the history of the --previous one (as of 2026-11-15) does not hold: this report would leave them out of the history; nothing was changed. Give --previous the report in this folder (pub/plan.json), or write this one elsewhere with --out';
    for (const more of [[], ['--new-history']]) {
      const run = await report('pub', ['--as-of', '2026-11-16', '--previous', 'o1', ...more]);
      expect(run.code, more.join()).toBe(2);
      expect(run.stdout, more.join()).toEqual([]);
      expect(run.stderr, more.join()).toEqual([refusal]);
      expect(read('pub/plan.json')).toBe(published);
    }
    // Said in the plan's language.
    const zh = await report('pub', ['--as-of', '2026-11-16', '--previous', 'o1', '--lang', 'zh-TW']);
    expect(zh.stderr).toEqual([
      'gtm-pyramid: pub: 其中的報告歷史到 2026-11-14 為止，而 --previous 的報告（截至 2026-11-15）的歷史中沒有這些報告：本次報告會讓它們從歷史中消失；未做任何更改。請讓 --previous 指向此資料夾中的報告（pub/plan.json），或用 --out 寫到別處',
    ]);
    // A later report of the folder's own line carries it on: written, nothing lost.
    expect((await report('o2', ['--as-of', '2026-11-15', '--previous', 'pub'])).code).toBe(0);
    const carried = await report('pub', ['--as-of', '2026-11-16', '--previous', 'o2']);
    expect(carried.stderr).toEqual([]);
    expect(carried.code).toBe(0);
    expect(json('pub').history.map((h: { asOf: string }) => h.asOf)).toEqual([
      '2026-11-10',
      '2026-11-12',
      '2026-11-14',
      '2026-11-15',
    ]);
  });

  it('a report in --out that a long daily history let go of (cut to its last days) is no loss', async () => {
    expect((await runCli(['report', 'example.xlsx', '--as-of', '2026-11-05', '--out', 'stale'], dir)).code).toBe(0);
    const daily = json('october');
    const days = Array.from({ length: 11 }, (_, i) => `2026-11-${String(i + 3).padStart(2, '0')}`).filter(
      (day) => day !== '2026-11-05',
    );
    daily.asOf = '2026-11-14';
    daily.history = ['2026-10-31', ...days].map((asOf) => ({ asOf, objectives: {} }));
    expect(daily.history).toHaveLength(HISTORY_LIMIT - 1);
    writeFileSync(join(dir, 'daily-cut.json'), JSON.stringify(daily));
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', '2026-11-16', '--previous', 'daily-cut.json', '--out', 'stale'],
      dir,
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("without --previous, another plan's report with a history, or a later report, in --out is kept unless --new-history", async () => {
    const report = (file: string, args: string[]) => runCli(['report', file, ...args, '--out', 'shared'], dir);
    expect((await report('example.xlsx', ['--as-of', OCTOBER])).code).toBe(0);
    expect((await report('example.xlsx', ['--as-of', NOVEMBER, '--previous', 'shared'])).code).toBe(0);
    const published = read('shared/plan.json');
    // Another product's plan, its report written into the folder by mistake.
    const other = exampleGrid('en');
    const strategy = other[tabName('strategy')];
    const productLabel = STRATEGY_FIELDS.find((f) => f.key === 'product')!.label.en;
    strategy[strategy.findIndex((row) => row[0] === productLabel)][1] = 'Atlas CRM';
    writeFileSync(join(dir, 'atlas.xlsx'), await planToXlsxBuffer(other, { lang: 'en' }));
    const mistaken = await report('atlas.xlsx', ['--as-of', '2026-11-20']);
    expect(mistaken.code).toBe(2);
    expect(mistaken.stderr).toEqual([
      `gtm-pyramid: shared: holds the report of another plan ("GEO Monitor: AI search optimisation monitoring", as of ${NOVEMBER}) with a history of 2 reports, which this report of "Atlas CRM" would replace; nothing was changed. Write this report elsewhere with --out, or add --new-history to replace that report and its history`,
    ]);
    expect(read('shared/plan.json')).toBe(published);
    // An earlier day of this plan, without --previous: the report as of November would go.
    const earlier = await report('example.xlsx', ['--as-of', '2026-11-01']);
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toEqual([
      `gtm-pyramid: shared: holds a report as of ${NOVEMBER}, later than this one (2026-11-01), which this report would replace; nothing was changed. Check --as-of, write this report elsewhere with --out, or add --new-history to replace it`,
    ]);
    expect(read('shared/plan.json')).toBe(published);
    // Meant: --new-history replaces them.
    expect((await report('example.xlsx', ['--as-of', '2026-11-01', '--new-history'])).code).toBe(0);
    expect(json('shared').asOf).toBe('2026-11-01');
    expect((await report('example.xlsx', ['--as-of', NOVEMBER, '--previous', 'shared'])).code).toBe(0);
    const replaced = await report('atlas.xlsx', ['--as-of', '2026-11-20', '--new-history']);
    expect(replaced.code).toBe(0);
    expect(json('shared').strategy.product).toBe('Atlas CRM');
  });

  it("the folder's own report given as --previous and unusable: the advice is not to give it again", async () => {
    const report = (args: string[]) => runCli(['report', 'example.xlsx', ...args, '--out', 'own'], dir);
    expect((await report(['--as-of', OCTOBER])).code).toBe(0);
    expect((await report(['--as-of', NOVEMBER, '--previous', 'own'])).code).toBe(0);
    const later = await report(['--as-of', '2026-11-01', '--previous', 'own/plan.json']);
    expect(later.code).toBe(2);
    expect(later.stderr).toEqual([
      `gtm-pyramid: --previous own/plan.json: it is as of ${NOVEMBER}, not before this report's 2026-11-01; nothing was written. Write this report elsewhere with --out, or add --new-history to start the history again from this report`,
    ]);
  });

  it('reads the previous plan.json from the published site (http on this machine, https elsewhere)', async () => {
    const run = await runCli(
      [
        'report',
        'example.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        `${base}/report/plan.json?token=secret#top`,
        '--out',
        'url',
      ],
      dir,
    );
    expect(run.stderr).toEqual([]);
    expect(json('url').sincePrevious.asOf).toBe(OCTOBER);
    expect(served).toContain('/report/plan.json?token=secret');
    // The published plan.json names the address without its query: a signed URL's token stays private.
    expect(json('url').sincePrevious.source).toBe(`${base}/report/plan.json`);
    expect(read('url/plan.json')).not.toContain('secret');
    // Nor does the job's log, which others read: the line saying what the report was compared with.
    expect(run.stdout.join('\n')).toContain(`compared with ${base}/report/plan.json (as of ${OCTOBER})`);
    expect(run.stdout.join('\n')).not.toContain('secret');
  });

  it('an address that cannot be read is named without its token in the warning', async () => {
    const run = await runCli(
      [
        'report',
        'example.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        `${base}/missing/plan.json?token=secret`,
        '--out',
        'url-missing',
      ],
      dir,
    );
    expect(run.stderr.join('\n')).toContain(`${base}/missing/plan.json`);
    expect(run.stderr.join('\n')).not.toContain('secret');
    // Nor when it is read but is of a version this gtm-pyramid does not read.
    const newer = await runCli(
      [
        'report',
        'example.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        `${base}/v99/plan.json?X-Goog-Signature=secret#top`,
        '--out',
        'url-v99',
      ],
      dir,
    );
    expect(newer.stderr.join('\n')).toContain(`--previous ${base}/v99/plan.json: plan.json version 99`);
    expect(newer.stderr.join('\n')).not.toContain('secret');
  });

  it("an address's user name, password and query are never shown, and one that can never be read is not to be tried again later", async () => {
    const cases = [
      // fetch's own error names the whole address, credentials and token with it.
      ['https://user:pw@example.invalid/p.json?sig=SECRET', 'https://example.invalid/p.json', 'the address holds a user name or password'],
      // A port the fetch standard blocks: refused whenever it is tried.
      ['http://127.0.0.1:1/plan.json?sig=SECRET', 'http://127.0.0.1:1/plan.json', 'its port is one that fetch never connects to'],
      // An address URL cannot read at all.
      ['https://user:pw@exa mple.invalid/p.json?sig=SECRET', 'https://exa mple.invalid/p.json', 'not a valid address'],
    ];
    for (const [address, shown, reason] of cases) {
      const run = await runCli(
        ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', address, '--out', 'secret'],
        dir,
      );
      const said = run.stderr.join('\n');
      expect(run.code, address).toBe(2);
      expect(said, address).toContain(`--previous ${shown}: cannot be read (${reason}`);
      for (const secret of ['SECRET', 'pw', 'user:']) expect(said, address).not.toContain(secret);
      expect(said, address).not.toContain('run the command again later');
      expect(existsSync(join(dir, 'secret')), address).toBe(false);
    }
  });

  it("the last report's folder given as --previous: its plan.json is read", async () => {
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', 'october', '--out', 'from-folder'],
      dir,
    );
    expect(run.stderr).toEqual([]);
    expect(json('from-folder').sincePrevious.asOf).toBe(OCTOBER);
  });

  it("a folder without a report as --previous: said in words, in the report's language", async () => {
    mkdirSync(join(dir, 'empty-folder'), { recursive: true });
    const run = await runCli(
      [
        'report',
        'example.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        'empty-folder',
        '--out',
        'no-previous',
        '--lang',
        'zh-TW',
      ],
      dir,
    );
    expect(run.stderr.join('\n')).toMatch(/empty-folder/);
    expect(run.stderr.join('\n')).not.toMatch(/ENOENT|EISDIR/);
  });
});

describe('a previous plan.json is untrusted input', () => {
  it('odd or hostile values are read as unknown, never shown as markup, never crash the report', async () => {
    const hostile = json('october');
    const kr3 = hostile.keyResults.find((k: { id: string }) => k.id === 'KR3');
    kr3.status = '<script>window.__x=1</script>';
    kr3.attainment = '"><img src=x onerror=alert(1)>';
    kr3.months = 'none';
    hostile.objectives[0].progress = null;
    // An objective's attainment no roll-up gives (each key result counts at most 100%): unknown, in the section
    // as in the trend.
    hostile.objectives[1].progress.attainment = 1.5;
    hostile.history = [
      { asOf: '2026-01-15', objectives: { O1: '<img src=x>', O2: 0.4 } },
      { asOf: '<b>bad</b>', objectives: { O1: 0.1 } },
      'not an entry',
    ];
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile));
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', 'hostile.json', '--out', 'hostile'],
      dir,
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const data = json('hostile');
    expect(data.sincePrevious.statusChanges).toContainEqual({
      id: 'KR3',
      kind: 'keyResult',
      from: 'no-data',
      to: 'off-track',
    });
    expect(data.sincePrevious.attainment).toContainEqual(
      expect.objectContaining({ id: 'KR3', from: null, change: null }),
    );
    expect(data.sincePrevious.attainment).toContainEqual(
      expect.objectContaining({ id: 'O2', from: null, change: null }),
    );
    expect(data.history).toEqual([
      { asOf: '2026-01-15', objectives: { O1: null, O2: 0.4 } },
      { asOf: OCTOBER, objectives: { O1: null, O2: null } },
    ]);
    const html = read('hostile/index.html');
    expect(html).not.toContain('<script>window.__x');
    expect(html).not.toContain('<img src=x');
  });
});

describe('a previous report that cannot be used: nothing written (exit 2), unless --new-history', () => {
  const october = () => json('october');
  const cases: [string, () => string | null, RegExp][] = [
    [
      'another plan',
      () => JSON.stringify({ ...october(), strategy: { ...october().strategy, product: 'Other product' } }),
      /the report of the product "Other product", and the Strategy tab now names the product "GEO/,
    ],
    [
      'a newer as-of date',
      () => JSON.stringify({ ...october(), asOf: '2026-12-01' }),
      /as of 2026-12-01, not before/,
    ],
    ['an unknown version', () => JSON.stringify({ ...october(), version: 99 }), /version 99 is not one/],
    [
      'a version written as text',
      () => JSON.stringify({ ...october(), version: '1' }),
      /version "1" is not one this gtm-pyramid reads \(version 1\)/,
    ],
    ['not JSON', () => '<html>sign in</html>', /not a plan\.json of gtm-pyramid \(not JSON\)/],
    ['a missing file', () => null, /cannot be read \(no such file\)/],
  ];
  for (const [name, make, why] of cases) {
    it(name, async () => {
      const file = `prev-${name.replace(/\W+/g, '-')}.json`;
      const content = make();
      if (content !== null) writeFileSync(join(dir, file), content);
      const out = `w-${name.replace(/\W+/g, '-')}`;
      const args = ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', file, '--out', out];
      const run = await runCli(args, dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(new RegExp(`^gtm-pyramid: --previous ${file}: `));
      expect(run.stderr[0]).toMatch(why);
      expect(run.stderr[0]).toMatch(/; nothing was written\. .*--new-history/);
      expect(existsSync(join(dir, out))).toBe(false);
      // --new-history: written without the section, the warning saying why and that the history starts again.
      const again = await runCli([...args, '--new-history'], dir);
      expect(again.code).toBe(0);
      expect(again.stderr).toHaveLength(1);
      expect(again.stderr[0]).toMatch(/^gtm-pyramid: warning: --previous /);
      expect(again.stderr[0]).toMatch(why);
      expect(again.stderr[0]).toContain(
        'written without "Since the last report", its history starting again from this report (--new-history)',
      );
      expect(json(out)).not.toHaveProperty('sincePrevious');
      expect(parse(read(`${out}/index.html`)).querySelector('.since, .trend')).toBeNull();
    });
  }

  it('a folder without a plan.json is said to be one', async () => {
    mkdirSync(join(dir, 'mysite'), { recursive: true });
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', 'mysite', '--out', 'w-folder'],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      'gtm-pyramid: --previous mysite: cannot be read (the folder holds no plan.json); nothing was written. Give --previous the last report of this plan (for the first report, leave --previous out), or add --new-history to start the history again from this report',
    ]);
  });

  it('an address that is not https, that redirects to http elsewhere, or is too large is refused; one that answers 404 is not', async () => {
    for (const [ref, why, code] of [
      [`${base}/site/`, /not JSON: a report's plan\.json is at its address followed by plan\.json/, 2],
      ['http://example.com/plan.json', /only https:\/\//, 2],
      [`${base}/away`, /only https:\/\//, 2],
      [`${base}/huge`, /larger than 256 MB/, 2],
      // Nothing published there yet (the first scheduled run): the report is written without the section.
      [`${base}/missing/plan.json`, /HTTP 404\); the report is written without "Since the last report"$/, 0],
    ] as const) {
      const run = await runCli(
        ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', ref, '--out', 'w-url'],
        dir,
      );
      expect(run.code, ref).toBe(code);
      expect(run.stderr[0]).toMatch(why);
      expect(existsSync(join(dir, 'w-url')), ref).toBe(code === 0);
    }
  });
});

describe('figures compared across a Unit changed between two reports', () => {
  it('reads a figure in another multiple of the same Unit, and refuses Units that count different things', () => {
    expect(unitFactor('USD', 'K USD')).toBe(0.001);
    expect(unitFactor('萬元', '元')).toBe(10_000);
    expect(unitFactor('K sign-ups', 'sign-ups')).toBe(1000);
    expect(unitFactor('Sign-ups ', 'sign-ups')).toBe(1);
    expect(unitFactor('USD', 'sign-ups')).toBeNull();
    expect(unitFactor('%', '')).toBeNull();
  });

  it('two names of one Unit are the same Unit, and a smaller multiple is an exact power of ten', () => {
    expect(unitFactor('hours', '小時')).toBe(1);
    expect(unitFactor('%', 'percent')).toBe(1);
    expect(unitFactor('K hours', 'hours')).toBe(1000);
    expect(unitFactor('萬元', '億元')).toBe(0.0001);
    expect(unitFactor('USD', 'bn USD')).toBe(1e-9);
    expect(unitFactor('hours', 'days')).toBeNull();
  });

  it('two spellings of one currency are one Unit: TWD and 萬元, NT$ and 千元, EUR and T€, USD and $K or US$', () => {
    expect(unitFactor('TWD', '萬元')).toBe(0.0001);
    expect(unitFactor('NT$', '千元')).toBe(0.001);
    expect(unitFactor('EUR', 'T€')).toBe(0.001);
    expect(unitFactor('USD', '$K')).toBe(0.001);
    expect(unitFactor('USD', 'US$')).toBe(1);
    expect(unitFactor('元', 'USD')).toBeNull();
  });
});

describe('the section on the first screen', () => {
  it("finds each listed change's row in the log once, not by a search of the whole log for each", () => {
    const { plan, issues, progress } = analyzeWorkbook(exampleGrid('en'), { asOf: NOVEMBER, timeZone: 'UTC' });
    const view = buildReportView(plan, issues, progress, { lang: 'en', asOf: NOVEMBER, source: null });
    const json = buildPlanJson(plan, issues, progress, { lang: 'en', source: null, generator: 'test' });
    // A long log, every row of it listed since the previous report, with KR1's Unit changed at its start (from
    // thousands of USD) and its first row again at its end: a row is found as the first that says it.
    const row = (timestamp: string, field: string, oldValue: string, newValue: string) => ({
      timestamp,
      sheet: tabName('keyResults'),
      cell: 'F2',
      id: 'KR1',
      field: header('keyResults', field),
      oldValue,
      newValue,
      reason: '',
      who: '',
    });
    const rows = [
      row('2026-10-16 09:00', 'target', '1001', '1002'),
      row('2026-10-16 09:00', 'unit', 'K USD', 'USD'),
      ...Array.from({ length: 1998 }, (_, i) =>
        row(`2026-10-${17 + (i % 12)} ${String(i % 24).padStart(2, '0')}:00`, 'target', `${i}`, `${i + 1}`),
      ),
    ];
    rows.push({ ...rows[0] });
    let reads = 0;
    json.changes = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    json.sincePrevious = {
      asOf: OCTOBER,
      source: 'plan.json',
      statusChanges: [],
      attainment: [],
      checkIns: [],
      corrections: [],
      targetChanges: rows.slice(0, -1).map(targetChangeOf),
      unloggedTargets: [],
      unloggedUnits: [],
      added: [],
      removed: [],
    };
    attachSincePrevious(view, json);
    // A few passes over the log (2,001 rows), not one per listed change (two million reads).
    expect(reads).toBeLessThan(20 * rows.length);
    // Each change is shown in the Unit it was logged in: its first row (found there, not at the log's end, where it
    // would be in USD) in thousands of USD.
    expect(view.company.sincePrevious?.targetChanges.map((c) => c.text).slice(0, 3)).toEqual([
      'KR1 Target: 1,001 K USD → 1,002 K USD',
      'KR1 Unit: K USD → USD',
      'KR1 Target: $0 → $1',
    ]);
  });

  it('says how many rows it leaves to plan.json, never drops them silently', () => {
    const since: SincePrevious = {
      asOf: OCTOBER,
      source: 'plan.json',
      statusChanges: Array.from({ length: 11 }, (_, i) => ({
        id: `KR${i + 1}`,
        kind: 'keyResult' as const,
        from: 'on-track' as const,
        to: 'at-risk' as const,
      })),
      attainment: [],
      checkIns: [],
      corrections: [],
      targetChanges: [],
      unloggedTargets: [],
      unloggedUnits: [],
      added: [],
      removed: [],
    };
    // Points between percentages as they are shown: 14.5% shows as 15%, 4.8% keeps its decimal.
    const moves = sincePreviousView(
      {
        ...since,
        attainment: [
          { id: 'O1', kind: 'objective', from: 0.145, to: 0.2, change: 0.055 },
          { id: 'O2', kind: 'objective', from: 0.048, to: 0.12, change: 0.072 },
        ],
      },
      NOVEMBER,
      'en',
    ).attainment.map((a) => a.text);
    expect(moves).toEqual(['4.8% → 12% (+7.2 points)', '15% → 20% (+5 points)']);
    const en = sincePreviousView(since, NOVEMBER, 'en');
    expect(en.statusChanges.length + 3).toBe(11);
    expect(en.statusMore).toBe('…and 3 more, in plan.json');
    expect(sincePreviousView(since, NOVEMBER, 'zh-TW').statusMore).toBe('……另有 3 項，見 plan.json');
    expect(en.targetsMore).toBe('');
  });
});

describe('history carried forward', () => {
  it('oldest first, one entry per date, attainments an objective can have; an objective found whatever the case of its ID', async () => {
    const previous = json('october');
    const o1 = previous.objectives[0].id as string;
    previous.history = [
      { asOf: '2026-09-15', objectives: { [o1]: 0.6 } },
      { asOf: '2026-03-01', objectives: { [o1]: 0.1 } },
      { asOf: '2026-09-15', objectives: { [o1.toLowerCase()]: 0.99 } }, // the same date again, ID in lower case
      { asOf: '2026-05-01', objectives: { [o1]: 1e308 } },
    ];
    writeFileSync(join(dir, 'history.json'), JSON.stringify(previous));
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', 'history.json', '--out', 'hist'],
      dir,
    );
    expect(run.code).toBe(0);
    const history = json('hist').history as { asOf: string; objectives: Record<string, number | null> }[];
    expect(history.map((h) => h.asOf)).toEqual(['2026-03-01', '2026-05-01', '2026-09-15', OCTOBER]);
    expect(history[1].objectives[o1]).toBeNull(); // 1e308 is no attainment
    // The trend of O1: March, September (its ID in lower case there), October and this report; no "∞%".
    const label = parse(read('hist/index.html'))
      .querySelector('li.objective .trend svg')!
      .getAttribute('aria-label')!;
    expect(label).toMatch(/1 Mar 2026 10%, 15 Sept? 2026 99%, 15 Oct 2026 \d+%, 15 Nov 2026 \d+%/);
    expect(label).not.toContain('∞');
  });
});

describe('a previous plan.json as it may come', () => {
  it('through a redirect on the same site, or saved with a byte-order mark: compared', async () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${read('october/plan.json')}`);
    for (const [ref, out] of [
      [`${base}/moved`, 'moved'],
      ['bom.json', 'bom'],
    ]) {
      const run = await runCli(
        ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', ref, '--out', out],
        dir,
      );
      expect(run.stderr, ref).toEqual([]);
      expect(json(out).sincePrevious, ref).toBeDefined();
    }
  });

  it('with entries that are not objects or a product that is not text: never a crash, the report is written', async () => {
    const odd = json('october');
    odd.keyResults.unshift(null, 7);
    odd.objectives.push(null);
    odd.strategy.product = 5;
    writeFileSync(join(dir, 'odd.json'), JSON.stringify(odd));
    const run = await runCli(
      ['report', 'example.xlsx', '--as-of', NOVEMBER, '--previous', 'odd.json', '--out', 'odd'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'odd', 'index.html'))).toBe(true);
  });

  it("says why it cannot be used in the reader's language", async () => {
    const run = await runCli(
      [
        'report',
        'example.xlsx',
        '--as-of',
        NOVEMBER,
        '--previous',
        'nowhere.json',
        '--out',
        'zh',
        '--lang',
        'zh-TW',
      ],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      'gtm-pyramid: --previous nowhere.json：無法讀取（檔案不存在）；未寫入任何檔案。請讓 --previous 指向本計畫的上一份報告（首次產生報告時請省略 --previous），或加上 --new-history 從本次報告重新開始歷史',
    ]);
  });

  it("without --lang, in the plan's own language, as the rest of the report's lines", async () => {
    writeFileSync(join(dir, 'zh-plan.xlsx'), await planToXlsxBuffer(exampleGrid('zh-TW'), { lang: 'zh-TW' }));
    const run = await runCli(
      ['report', 'zh-plan.xlsx', '--as-of', NOVEMBER, '--previous', 'nowhere.json', '--out', 'zh-own'],
      dir,
    );
    expect(run.stderr).toEqual([
      'gtm-pyramid: --previous nowhere.json：無法讀取（檔案不存在）；未寫入任何檔案。請讓 --previous 指向本計畫的上一份報告（首次產生報告時請省略 --previous），或加上 --new-history 從本次報告重新開始歷史',
    ]);
    // And why a report that was read cannot be compared (the English plan's October report: another plan).
    const other = await runCli(
      ['report', 'zh-plan.xlsx', '--as-of', NOVEMBER, '--previous', 'october/plan.json', '--out', 'zh-other'],
      dir,
    );
    expect(other.stderr).toHaveLength(1);
    expect(other.stderr[0]).toMatch(/^gtm-pyramid: --previous october\/plan\.json：.*；未寫入任何檔案。/);
  });
});
