import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, statSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { columnDef, STRATEGY_FIELDS, tabDef, type Lang, type Workbook } from '../shared';
import {
  buildReport,
  MARKER_FILE,
  prepareReport,
  reportFiles,
  writeReportDir,
  type ReportFile,
} from '../report/generate';
import { generatePlanWorkbook } from '../bench/generate-plan';
import { readXlsx } from '../report/read-xlsx';
import { exampleXlsxBuffer, planToXlsxBuffer, utcDate } from '../report/write-xlsx';
import { cloneWorkbook, setCell } from './helpers/edit';
import { exampleGrid, parse, runCli, tabName, tempDir } from './helpers/report';
import { COMMAND_OPTIONS } from '../report/cli';

let dir: string;
beforeAll(() => {
  dir = tempDir('cli');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Everything in a folder except what a test put there on purpose. */
const entries = (path: string) => (existsSync(path) ? readdirSync(path).sort() : []);
/** The folders a run writes beside --out (the new report, the previous one moved aside), in a folder. */
const aside = (path: string) => entries(path).filter((name) => name.startsWith('.gtm-pyramid-'));

describe('gtm-pyramid report', () => {
  it('with no input writes the example report, as of the example date, and says where it is', async () => {
    const run = await runCli(['report', '--out', 'out/example'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([]);
    expect(run.stdout[0]).toBe(`Report written to ${join('out', 'example', 'index.html')}`);
    expect(run.stdout.join('\n')).toContain("As of 2026-11-15, the example plan's date");
    expect(run.stdout.at(-1)).toMatch(/^Open file:\/\/.*\/out\/example\/index\.html$/);
    expect(entries(join(dir, 'out/example'))).toEqual([MARKER_FILE, 'index.html', 'plan.json']);
    // No temporary folders are left beside it.
    expect(entries(join(dir, 'out'))).toEqual(['example']);
  });

  it('reads a plan file, defaults --as-of to today and --lang to the plan, and replaces its own previous report', async () => {
    writeFileSync(join(dir, 'plan.xlsx'), await exampleXlsxBuffer('zh-CN'));
    const first = await runCli(['report', 'plan.xlsx', '--out', 'zh'], dir, '2026-10-20');
    expect(first.code).toBe(0);
    // The CLI speaks the report's language: the plan's, Simplified Chinese here.
    expect(first.stdout.join('\n')).toContain('截至 2026-10-20，即今天');
    const html = readFileSync(join(dir, 'zh/index.html'), 'utf8');
    expect(parse(html).documentElement.getAttribute('lang')).toBe('zh-CN');
    const again = await runCli(
      ['report', 'plan.xlsx', '--out', 'zh', '--lang', 'en', '--as-of', '2026-11-15'],
      dir,
    );
    expect(again.code).toBe(0);
    expect(again.stdout.join('\n')).toContain('As of 2026-11-15 (--as-of)');
    expect(parse(readFileSync(join(dir, 'zh/index.html'), 'utf8')).documentElement.getAttribute('lang')).toBe(
      'en',
    );
  });

  it('is reproducible: the same input and as-of give the same bytes', async () => {
    await runCli(['report', '--out', 'r1'], dir);
    await runCli(['report', '--out', 'r2'], dir);
    for (const f of ['index.html', 'plan.json']) {
      expect(readFileSync(join(dir, 'r1', f), 'utf8')).toBe(readFileSync(join(dir, 'r2', f), 'utf8'));
    }
  });

  it('never replaces a folder that is not a report of ours, and never deletes unrelated files', async () => {
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/notes.txt'), 'keep me');
    const run = await runCli(['report', '--out', 'mine'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^gtm-pyramid: mine: exists and is not a gtm-pyramid report/);
    // In the report's language: --lang, else the plan's.
    const chinese = await runCli(['report', '--out', 'mine', '--lang', 'zh-TW'], dir);
    expect(chinese.stderr).toEqual([
      'gtm-pyramid: mine: 已存在且不是 gtm-pyramid 報告（其中沒有 .gtm-pyramid-report）；未做任何更改。請另選 --out 或清空該資料夾',
    ]);
    expect(entries(join(dir, 'mine'))).toEqual(['notes.txt']);
    expect(readFileSync(join(dir, 'mine/notes.txt'), 'utf8')).toBe('keep me');
  });

  it('leaves a previous report alone when someone added their own files to it', async () => {
    await runCli(['report', '--out', 'pages'], dir);
    writeFileSync(join(dir, 'pages/CNAME'), 'okr.example.com');
    const run = await runCli(['report', '--out', 'pages'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(
      /^gtm-pyramid: pages: holds files the previous report did not write \(CNAME\)/,
    );
    expect(entries(join(dir, 'pages'))).toEqual(['.gtm-pyramid-report', 'CNAME', 'index.html', 'plan.json']);
  });

  it('never takes a folder inside a report for its own, whatever the marker says; a file manager\'s files go', async () => {
    await runCli(['report', '--out', 'hand'], dir);
    const marker = join(dir, 'hand/.gtm-pyramid-report');
    const written = JSON.parse(readFileSync(marker, 'utf8')) as { files: string[] };
    writeFileSync(marker, JSON.stringify({ ...written, files: [...written.files, 'assets'] }));
    mkdirSync(join(dir, 'hand/assets'));
    writeFileSync(join(dir, 'hand/assets/mine.txt'), 'keep me');
    const run = await runCli(['report', '--out', 'hand'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/^gtm-pyramid: hand: holds files the previous report did not write \(assets\)/);
    expect(readFileSync(join(dir, 'hand/assets/mine.txt'), 'utf8')).toBe('keep me');
    // Finder's .DS_Store, left by opening the folder, does not block the next report.
    await runCli(['report', '--out', 'finder'], dir);
    writeFileSync(join(dir, 'finder/.DS_Store'), 'x');
    expect((await runCli(['report', '--out', 'finder'], dir)).code).toBe(0);
    expect(entries(join(dir, 'finder'))).toEqual(['.gtm-pyramid-report', 'index.html', 'plan.json']);
  });

  it('says ENOENT, rather than hanging, where the folder to make is under a link to a disk not mounted', async () => {
    // Node's own recursive mkdir loops forever there (report/make-folders.ts).
    symlinkSync(join(dir, 'not-mounted'), join(dir, 'mnt'));
    const run = await runCli(['report', '--out', 'mnt/site'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/^gtm-pyramid: mnt\/site: .*ENOENT: a folder of the path is missing/);
    const example = await runCli(['example', '--out', 'mnt/plans/plan.xlsx'], dir);
    expect(example.code).toBe(2);
    expect(example.stderr[0]).toMatch(/ENOENT: a folder of the path is missing/);
    expect(existsSync(join(dir, 'not-mounted'))).toBe(false);
  });

  it('clears the half-written folders of a run that was killed, and keeps those of a run still going', async () => {
    mkdirSync(join(dir, 'pub'), { recursive: true });
    // A run killed outright (its process gone: no process has a pid this large) left its temporary folder.
    const dead = join(dir, 'pub', '.site.tmp-4194305-0a1b2c3d');
    mkdirSync(dead);
    writeFileSync(join(dead, 'index.html'), '<p>half');
    // A run going on now (this process) keeps its own.
    const live = join(dir, 'pub', `.site.tmp-${process.pid}-0a1b2c3d`);
    mkdirSync(live);
    expect((await runCli(['report', '--out', 'pub/site'], dir)).code).toBe(0);
    expect(entries(join(dir, 'pub')).sort()).toEqual([`.site.tmp-${process.pid}-0a1b2c3d`, 'site']);
    rmSync(live, { recursive: true });
  });

  it('puts back a report a killed run had moved aside, with its history, rather than removing it', async () => {
    mkdirSync(join(dir, 'pub2'), { recursive: true });
    // Killed between moving the report aside and moving the new one in: no pub2/site, the report in its .old-.
    expect((await runCli(['report', '--out', 'pub2/site'], dir)).code).toBe(0);
    const published = readFileSync(join(dir, 'pub2', 'site', 'plan.json'), 'utf8');
    renameSync(join(dir, 'pub2', 'site'), join(dir, 'pub2', '.site.old-4194305-0a1b2c3d'));
    // The next run finds it where it was, and goes on as over any report of ours.
    expect(
      (await runCli(['report', '--out', 'pub2/site', '--previous', 'pub2/site/plan.json'], dir)).code,
    ).toBe(0);
    expect(entries(join(dir, 'pub2'))).toEqual(['site']);
    expect(published).toContain('"asOf"');
  });

  it('writes into a folder whose name is as long as the file system allows: what it writes beside it has a name of its own length', async () => {
    // 85 Chinese characters: 255 bytes, the longest name a folder may have (NAME_MAX).
    const long = '季度報告'.repeat(21) + '季';
    expect(Buffer.byteLength(long)).toBe(255);
    mkdirSync(join(dir, 'long'), { recursive: true });
    const run = await runCli(['report', '--out', `long/${long}`, '--lang', 'zh-TW'], dir);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(entries(join(dir, 'long', long))).toContain('index.html');
    // Again, over its own report: the previous one is moved aside under a name as short.
    expect((await runCli(['report', '--out', `long/${long}`, '--lang', 'zh-TW'], dir)).code).toBe(0);
    expect(entries(join(dir, 'long'))).toEqual([long]);
    // What a run killed outright left beside it is named that way too, and cleared by the next run.
    const hash = createHash('sha256').update(long).digest('hex').slice(0, 12);
    mkdirSync(join(dir, 'long', `.gtm-pyramid-tmp-${hash}-4194305-0a1b2c3d`));
    mkdirSync(join(dir, 'long', `.gtm-pyramid-tmp-${hash}-${process.pid}-0a1b2c3d`));
    // Another folder's, beside it: kept for that folder's next run.
    mkdirSync(join(dir, 'long', '.gtm-pyramid-tmp-0123456789ab-4194305-0a1b2c3d'));
    expect((await runCli(['report', '--out', `long/${long}`, '--lang', 'zh-TW'], dir)).code).toBe(0);
    expect(entries(join(dir, 'long'))).toEqual([
      '.gtm-pyramid-tmp-0123456789ab-4194305-0a1b2c3d',
      `.gtm-pyramid-tmp-${hash}-${process.pid}-0a1b2c3d`,
      long,
    ]);
    // A name longer than any folder may have: said in the language asked for, not "unexpected failure".
    const tooLong = await runCli(['report', '--out', `long/${long}報`, '--lang', 'zh-TW'], dir);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toHaveLength(1);
    expect(tooLong.stderr[0]).toContain('ENAMETOOLONG: 名稱太長');
    expect(tooLong.stderr[0]).not.toMatch(/unexpected|意外/);
  });

  it("keeps the folder's own permissions and group (a shared, setgid folder) when its report is replaced", async () => {
    const site = join(dir, 'shared-site');
    mkdirSync(site);
    // Root can give it any group; anyone else, one of their own.
    const group = process.getuid?.() === 0 ? 65534 : process.getgid!();
    chownSync(site, -1, group);
    chmodSync(site, 0o2775);
    for (let run = 0; run < 2; run++) {
      expect((await runCli(['report', '--out', 'shared-site'], dir)).code).toBe(0);
      const now = statSync(site);
      expect((now.mode & 0o7777).toString(8)).toBe('2775');
      expect(now.gid).toBe(group);
      // Its files are the group's, as files made in a setgid folder are.
      expect(statSync(join(site, 'index.html')).gid).toBe(group);
    }
  });

  it('refuses a file where the folder should be', async () => {
    writeFileSync(join(dir, 'afile'), 'x');
    const run = await runCli(['report', '--out', 'afile'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual(['gtm-pyramid: afile: exists and is not a folder; choose another --out']);
  });

  it("names a file system failure by its code and what it means, in the reader's language", async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    // --out under a file: no folder can be made there.
    const run = await runCli(['report', '--out', 'a-file/report'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      'gtm-pyramid: a-file/report: cannot be inspected (ENOTDIR: a part of the path is a file, not a folder); nothing was changed. Choose another --out, or fix that path',
    ]);
    const zh = await runCli(['report', '--out', 'a-file/report', '--lang', 'zh-TW'], dir);
    expect(zh.stderr).toEqual([
      'gtm-pyramid: a-file/report: 無法檢查（ENOTDIR: 路徑中的某一部分是檔案而不是資料夾）；未做任何更改。請另選 --out，或修正該路徑',
    ]);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('x');
  });

  it('rejects a bad --as-of or --lang with one line', async () => {
    expect((await runCli(['report', '--as-of', '2026-02-30'], dir)).stderr).toEqual([
      'gtm-pyramid: --as-of must be a real day from 1900 to 9999, written YYYY-MM-DD, not "2026-02-30"',
    ]);
    // A real day, but before the years a plan is read in: the limit is said.
    expect((await runCli(['report', '--as-of', '0001-01-01'], dir)).stderr[0]).toContain('from 1900 to 9999');
    const fr = await runCli(['report', '--lang', 'fr'], dir);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toEqual([
      'gtm-pyramid: --lang must be a language such as en, zh-CN or zh-TW, not "fr"',
    ]);
    expect((await runCli(['report', '--nope'], dir)).stderr).toEqual([
      'gtm-pyramid: report: unknown option --nope (see gtm-pyramid --help)',
    ]);
  });

  it('says what is wrong with the command line in the --lang language, naming the option as typed', async () => {
    const cases: [string[], string][] = [
      [
        ['report', '--as-of', '2026-02-30', '--lang', 'zh-TW'],
        '--as-of 應為 1900 至 9999 年間、以 YYYY-MM-DD 書寫的真實日期，而不是「2026-02-30」',
      ],
      [['report', '--lang=zh-CN', '-x'], 'report：未知选项 -x（见 gtm-pyramid --help）'],
      [['check', '--json=yes', '--lang', '繁體中文'], 'check：--json 不接受值（見 gtm-pyramid --help）'],
      [['report', '--lang', 'zh-TW', '--out'], 'report：--out 需要一個值（見 gtm-pyramid --help）'],
      [['report', '--out', '--lang', 'zh-TW'], 'report：--out 需要一個值；以「-」開頭的值請寫成 --out=值'],
      [['report', 'a.xlsx', 'b.xlsx', '--lang', 'zh-CN'], 'report：最多一个计划文件，实际给了 2 个'],
      [['example', 'extra', '--lang', 'zh-TW'], 'example：多餘的參數「extra」（請用 --out FILE）'],
      [['publish', '--lang', 'zh-CN'], '未知命令“publish”；请试试 gtm-pyramid --help'],
      [
        ['report', 'plan.xlsx', '--sheet', 'abc', '--lang', 'zh-TW'],
        '請指定計畫檔案或 --sheet，不要同時指定',
      ],
      // English without --lang, and when --lang itself is what is wrong.
      [['report', '--out'], 'report: --out needs a value (see gtm-pyramid --help)'],
      [['report', '--out='], 'report: --out needs a value (see gtm-pyramid --help)'],
      // The language first with its value forgotten: the command is not taken for the language.
      [['--lang', 'check', 'plan.xlsx'], 'check: --lang needs a value (see gtm-pyramid --help)'],
      [['check', '--as-of='], 'check: --as-of needs a value (see gtm-pyramid --help)'],
      [['example', '--force=1'], 'example: --force takes no value (see gtm-pyramid --help)'],
      [['check', '--lang', 'klingon', '--bogus'], 'check: unknown option --bogus (see gtm-pyramid --help)'],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, dir);
      expect(run, argv.join(' ')).toEqual({ code: 2, stdout: [], stderr: [`gtm-pyramid: ${message}`] });
    }
  });
});

describe('writing the report folder page by page', () => {
  // Large enough for department pages, so each page is drawn while the ones before it are written.
  const workbook = generatePlanWorkbook(250);
  const options = { asOf: '2026-11-15', source: 'plan.xlsx' } as const;

  it('writes the same files as the report built in memory, and lists them in its marker', async () => {
    const out = join(dir, 'paged');
    const written = await writeReportDir(out, reportFiles(await prepareReport(workbook, options)));
    const built = await buildReport(workbook, options);
    expect(built.files.length).toBeGreaterThan(10);
    // The pages with charts are written last (drawn meanwhile), so the order differs from the pages'.
    expect([...written].sort()).toEqual(built.files.map((f) => f.name).sort());
    for (const file of built.files)
      expect(readFileSync(join(out, file.name), 'utf8'), file.name).toBe(file.data);
    const marker = JSON.parse(readFileSync(join(out, MARKER_FILE), 'utf8')) as { files: string[] };
    expect(marker.files).toEqual(written);
  });

  it('a page that cannot be drawn: its error as it is, the previous report untouched, nothing left beside it', async () => {
    const out = join(dir, 'paged');
    const before = entries(out);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    function* failing(): Generator<ReportFile> {
      yield { name: 'index.html', data: 'new' };
      yield { name: 'dept-a.html', data: 'new' };
      throw new Error('a page could not be drawn');
    }
    await expect(writeReportDir(out, failing())).rejects.toThrow(/^a page could not be drawn$/);
    expect(entries(out)).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(index);
    expect(aside(dir)).toEqual([]);
  });

  it('a file that cannot be written: the file system error named, the previous report untouched, nothing left beside it', async () => {
    const out = join(dir, 'paged');
    const before = entries(out);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    // A page whose folder does not exist (what a full disk or a read-only folder would also do: the write throws).
    const files: ReportFile[] = [
      { name: 'index.html', data: 'new' },
      { name: join('no-such-folder', 'dept-a.html'), data: 'new' },
      { name: 'dept-b.html', data: 'new' },
    ];
    await expect(writeReportDir(out, files)).rejects.toThrow(/cannot be written \(ENOENT: a folder of the path is missing, or cannot hold anything\)$/);
    expect(entries(out)).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(index);
    expect(aside(dir)).toEqual([]);
  });
});

/** Runs a script with tsx in a process of its own: what it wrote, and the signal that ended it (or null). */
async function runScript(script: string): Promise<{ output: string; ended: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const ended = await new Promise<NodeJS.Signals | null>((done) => child.on('close', (_, sig) => done(sig)));
  return { output, ended };
}

describe('stopped while writing (Ctrl-C, a cancelled CI job)', () => {
  const generate = new URL('../report/generate.ts', import.meta.url).href;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: the half-written folder is removed, the previous report kept, and the process ends by the signal`, async () => {
      const out = join(dir, `stopped-${signal}`);
      await writeReportDir(out, [{ name: 'index.html', data: 'previous' }]);
      const before = entries(out);
      // A report of 200 pages whose process receives the signal after its third page.
      const script = join(dir, `stop-${signal}.mts`);
      writeFileSync(
        script,
        [
          `import { writeReportDir } from ${JSON.stringify(generate)};`,
          'function* pages() {',
          '  for (let i = 0; i < 200; i++) {',
          `    if (i === 3) process.kill(process.pid, ${JSON.stringify(signal)});`,
          "    yield { name: `page-${i}.html`, data: 'new' };",
          '  }',
          '}',
          `await writeReportDir(${JSON.stringify(out)}, pages());`,
          "process.stdout.write('written\\n');",
          '',
        ].join('\n'),
      );
      const { output, ended } = await runScript(script);
      expect(output).toBe('');
      expect(ended).toBe(signal);
      expect(entries(out)).toEqual(before);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous');
      expect(aside(dir)).toEqual([]);
    });
  }

  it('stopped between the two renames that swap the folders, the previous report is back in its place', async () => {
    const out = join(dir, 'swapped');
    await writeReportDir(out, [{ name: 'index.html', data: 'previous' }]);
    const before = entries(out);
    // The rename that moves the new report into place waits a second, and the signal comes in that second,
    // when the previous report has been moved aside and the folder is missing.
    const script = join(dir, 'stop-swap.mts');
    writeFileSync(
      script,
      [
        "import { createRequire, syncBuiltinESMExports } from 'node:module';",
        'const fsp = createRequire(import.meta.url)("node:fs/promises");',
        'const rename = fsp.rename;',
        'fsp.rename = async (from, to) => {',
        "  if (String(from).includes('.gtm-pyramid-tmp-')) {",
        "    process.kill(process.pid, 'SIGTERM');",
        '    await new Promise((resolve) => setTimeout(resolve, 1000));',
        '  }',
        '  return rename(from, to);',
        '};',
        'syncBuiltinESMExports();',
        `const { writeReportDir } = await import(${JSON.stringify(generate)});`,
        `await writeReportDir(${JSON.stringify(out)}, [{ name: 'index.html', data: 'new' }]);`,
        "process.stdout.write('written\\n');",
        '',
      ].join('\n'),
    );
    const { output, ended } = await runScript(script);
    expect(output).toBe('');
    expect(ended).toBe('SIGTERM');
    expect(entries(out)).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(aside(dir)).toEqual([]);
  });
});

describe('bad inputs: exit 2, one line on stderr naming the file, nothing written, nothing deleted', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ['not-an-xlsx.xlsx', async () => Buffer.from('Field,Value\nProduct,GEO\n'), /not an \.xlsx workbook/],
    [
      'corrupt.xlsx',
      async () => (await exampleXlsxBuffer('en')).subarray(0, 4000),
      /corrupt or not an \.xlsx workbook/,
    ],
    [
      'encrypted.xlsx',
      async () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(600),
          Buffer.from('EncryptedPackage', 'utf16le'),
        ]),
      /password-protected/,
    ],
    [
      'missing-tab.xlsx',
      async () => {
        const wb = exampleGrid('en');
        delete wb[tabDef('keyResults').label.en];
        return planToXlsxBuffer(wb, { lang: 'en', targets: false });
      },
      /the "Key Results" tab is missing/,
    ],
    [
      'empty.xlsx',
      async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('Sheet1');
        return Buffer.from(await book.xlsx.writeBuffer());
      },
      /the workbook is empty/,
    ],
    [
      'not-a-plan.xlsx',
      async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('Budget').getCell('A1').value = 'Q1';
        return Buffer.from(await book.xlsx.writeBuffer());
      },
      /no plan tabs found \(tabs: Budget\)/,
    ],
    ['missing.xlsx', async () => Buffer.alloc(0), /no such file/],
  ];

  for (const [name, make, problem] of cases) {
    it(name, async () => {
      const out = join(dir, `bad-${name}`);
      if (name !== 'missing.xlsx') writeFileSync(join(dir, name), await make());
      // A previous report in DIR must survive a failed run untouched.
      await runCli(['report', '--out', `bad-${name}`], dir);
      const before = readFileSync(join(out, 'index.html'), 'utf8');
      const run = await runCli(['report', name, '--out', `bad-${name}`], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(new RegExp(`^gtm-pyramid: ${name.replace('.', '\\.')}: `));
      expect(run.stderr[0]).toMatch(problem);
      expect(run.stderr[0]).not.toContain('\n');
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
      expect(aside(dir)).toEqual([]);
      // And with no previous report, no folder at all.
      const fresh = await runCli(['report', name, '--out', `fresh-${name}`], dir);
      expect(fresh.code).toBe(2);
      expect(existsSync(join(dir, `fresh-${name}`))).toBe(false);
      // check says the same about unreadable files.
      if (name !== 'missing-tab.xlsx') expect((await runCli(['check', name], dir)).code).toBe(2);
      // In the language asked for.
      const chinese = await runCli(['report', name, '--lang', 'zh-TW', '--out', `zh-${name}`], dir);
      expect(chinese.code).toBe(2);
      expect(chinese.stderr).toHaveLength(1);
      expect(chinese.stderr[0]).toMatch(
        new RegExp(`^gtm-pyramid: ${name.replace('.', '\\.')}: .*[\u4e00-\u9fff]`),
      );
      expect(chinese.stderr[0]).not.toMatch(problem);
    });
  }
});

describe('a workbook without plan tabs', () => {
  it('names the tabs it expects as the language writes a list: quoted with 「」 or “”, joined with 、', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Budget').getCell('A1').value = 'Q1';
    book.addWorksheet('Notes').getCell('A1').value = 'x';
    writeFileSync(join(dir, 'other.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    const said = async (lang: Lang) =>
      (await runCli(['report', 'other.xlsx', '--lang', lang, '--out', `other-${lang}`], dir)).stderr;
    expect(await said('en')).toEqual([
      'gtm-pyramid: other.xlsx: no plan tabs found (tabs: Budget, Notes); expected "Strategy", "Objectives", "Key Results". Give the plan\'s workbook, or start one from the example plan: gtm-pyramid example',
    ]);
    expect(await said('zh-CN')).toEqual([
      'gtm-pyramid: other.xlsx: 未找到计划工作表（现有：Budget、Notes）；应有“策略”、“目标”、“关键结果”。请给出计划的工作簿，或从示例计划开始：gtm-pyramid example',
    ]);
    expect(await said('zh-TW')).toEqual([
      'gtm-pyramid: other.xlsx: 未找到計畫工作表（現有：Budget、Notes）；應有「策略」、「目標」、「關鍵結果」。請提供計畫的活頁簿，或從範例計畫開始：gtm-pyramid example',
    ]);
  });
});

describe('small mistakes, each told with what to do', () => {
  it('no command: the usage on stderr (not stdout, where a script reads), exit 2', async () => {
    const run = await runCli([], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr[0]).toMatch(/^Usage:\n {2}gtm-pyramid report/);
  });

  it("Excel's lock file given for the workbook is named as such, with the workbook to pass", async () => {
    // What Excel writes beside plan.xlsx while it is open: the user's name, padded, 165 bytes.
    const lock = Buffer.alloc(165, 0x20);
    lock[0] = 3;
    lock.write('Ana', 1, 'latin1');
    writeFileSync(join(dir, '~$plan.xlsx'), lock);
    const run = await runCli(['check', '~$plan.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      "gtm-pyramid: ~$plan.xlsx: this is Excel's lock file, which Excel writes beside a workbook while it is open, not the workbook; pass plan.xlsx",
    ]);
    expect((await runCli(['check', '~$plan.xlsx', '--lang', 'zh-TW'], dir)).stderr).toEqual([
      'gtm-pyramid: ~$plan.xlsx: 這是 Excel 的鎖定檔（活頁簿開啟期間 Excel 在其旁邊寫入的檔案），不是活頁簿；請提供 plan.xlsx',
    ]);
  });

  it('an empty file name is said to be one, not "is a folder"', async () => {
    expect(await runCli(['report', ''], dir)).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        'gtm-pyramid: report: the plan file\'s name is empty (""); give the path of the .xlsx workbook, or leave it out for the built-in example plan',
      ],
    });
    expect((await runCli(['check', ''], dir)).stderr[0]).toMatch(/^gtm-pyramid: check: the plan file's name is empty/);
  });

  it('a day written another way is answered with the way to write it, where it can mean only one day', async () => {
    for (const value of ['2026/11/15', '15.11.2026', '20261115', '15/11/2026', '11/15/2026']) {
      expect((await runCli(['check', '--as-of', value], dir)).stderr, value).toEqual([
        `gtm-pyramid: --as-of must be a day written YYYY-MM-DD, not "${value}": write 2026-11-15`,
      ]);
    }
    expect((await runCli(['check', '--as-of', '2026/11/15', '--lang', 'zh-TW'], dir)).stderr).toEqual([
      'gtm-pyramid: --as-of 應以 YYYY-MM-DD 書寫，而不是「2026/11/15」：請寫成 2026-11-15',
    ]);
    // May or June: no guess.
    expect((await runCli(['check', '--as-of', '05/06/2026'], dir)).stderr).toEqual([
      'gtm-pyramid: --as-of must be a real day from 1900 to 9999, written YYYY-MM-DD, not "05/06/2026"',
    ]);
  });
});

describe('a Google Sheet given as the plan file', () => {
  it('is no such file, and the message says to give it with --sheet', async () => {
    const url = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-gtmP/edit#gid=0';
    expect(await runCli(['check', url], dir)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`gtm-pyramid: ${url}: no such file; to read this Google Sheet, give it with --sheet`],
    });
    // A file name of letters and underscores is no spreadsheet's ID: no such hint.
    expect((await runCli(['check', 'quarterly_plan_final_v2_draft'], dir)).stderr).toEqual([
      'gtm-pyramid: quarterly_plan_final_v2_draft: no such file',
    ]);
    const zh = await runCli(['report', '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-gtmP', '--lang', 'zh-CN'], dir);
    expect(zh.stderr).toEqual([
      'gtm-pyramid: 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-gtmP: 文件不存在；如要读取这个 Google 表格，请用 --sheet 指定',
    ]);
  });
});

describe('output read by a program that stops reading', () => {
  it("gtm-pyramid check | head: the rest is dropped, no EPIPE crash, the exit code is the check's", async () => {
    const child = spawn(process.execPath, ['bin/gtm-pyramid.js', 'check'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the first line
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('an --out the command cannot replace: the folder to act on is named', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  /** The installed command, run as `user` (a user of its own: root may write anywhere) from `cwd`. */
  const runAs = async (args: string[], cwd: string, user?: number) => {
    const child = spawn(process.execPath, [join(root, 'bin/gtm-pyramid.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GTM_PYRAMID_COMPILE_CACHE: 'off' },
      ...(user === undefined ? {} : { uid: user, gid: user }),
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stderr };
  };

  it('its own folder is writable but not the folder it is in: that folder is named, with what to do', async () => {
    const work = tempDir('parent');
    chmodSync(work, 0o755);
    mkdirSync(join(work, 'www'));
    mkdirSync(join(work, 'www', 'site'));
    // As root, the command runs as nobody, who owns site and not www; as anyone else, www is made read-only.
    const user = process.getuid?.() === 0 ? 65534 : undefined;
    if (user !== undefined) chownSync(join(work, 'www', 'site'), user, user);
    else chmodSync(join(work, 'www'), 0o555);
    try {
      const run = await runAs(['report', '--out', 'www/site'], work, user);
      expect(run).toEqual({
        code: 2,
        stderr:
          'gtm-pyramid: www/site: the folder it is in, www, cannot be written (EACCES: permission denied): the report is made beside the folder and renamed into place, so www must be writable too; nothing was changed. Give yourself write access to www, or choose an --out in a folder you can write\n',
      });
      expect(readdirSync(join(work, 'www'))).toEqual(['site']);
    } finally {
      chmodSync(join(work, 'www'), 0o755);
      rmSync(work, { recursive: true, force: true });
    }
  });

  // A mount point of its own, in a mount namespace of its own (unshare -m): gone with the command.
  const unshare = spawnSync('unshare', ['-m', 'true']).status === 0;
  it.skipIf(!unshare)('a mount point: say to give --out a folder inside it, before anything is written', async () => {
    const work = tempDir('mount');
    mkdirSync(join(work, 'disk'));
    const script = `mount -t tmpfs none disk && exec "$0" "$@"`;
    const child = spawn(
      'unshare',
      ['-m', 'sh', '-c', script, process.execPath, join(root, 'bin/gtm-pyramid.js'), 'report', '--out', 'disk'],
      { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    rmSync(work, { recursive: true, force: true });
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr:
        'gtm-pyramid: disk: is a mount point, which the report cannot replace (it is made beside the folder and renamed into place); nothing was changed. Give --out a folder inside it, such as disk/report\n',
    });
  });
});

describe('output that cannot be written (a full disk)', () => {
  // /dev/full: every write fails with ENOSPC, as a full disk does for `check --json > out.json`.
  it.skipIf(!existsSync('/dev/full'))(
    'check --json > /dev/full: one line on stderr, in the language asked for, and exit 2 (could not finish), never 1',
    async () => {
      const run = async (args: string[]) => {
        const out = openSync('/dev/full', 'w');
        const child = spawn(process.execPath, ['bin/gtm-pyramid.js', ...args], {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          stdio: ['ignore', out, 'pipe'],
        });
        closeSync(out);
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        const code = await new Promise<number | null>((done) => child.on('close', done));
        return { code, stderr };
      };
      expect(await run(['check', '--json'])).toEqual({
        code: 2,
        stderr:
          'gtm-pyramid: the standard output cannot be written (ENOSPC: the disk is full), so what the command says is incomplete; free the disk or write the output elsewhere, and run it again\n',
      });
      expect(await run(['check', '--lang', 'zh-TW'])).toEqual({
        code: 2,
        stderr:
          'gtm-pyramid: 無法寫入標準輸出（ENOSPC: 磁碟已滿），命令的輸出不完整；請釋放磁碟空間或把輸出寫到別處，然後重新執行\n',
      });
    },
  );
});

describe('gtm-pyramid check', () => {
  it('exit 0 when the plan has no errors, listing warnings with their cells', async () => {
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(0);
    // The built-in example, named as report names it.
    expect(run.stdout[0]).toBe('Built-in example plan: 0 errors, 2 warnings, 0 tips (as of 2026-11-15)');
    expect((await runCli(['report', '--out', 'named'], dir)).stdout[1]).toMatch(/^Built-in example plan: /);
    // In the order of the plan's tabs: Objectives before Key Results.
    expect(run.stdout[1]).toMatch(
      /^Warning\s+Objectives!B2\s+50,000 × 20% \(KR2 × KR3\) makes 10,000, but objective O1 names 1,000\./,
    );
    expect(run.stdout[2]).toMatch(/^Warning\s+Key Results!I4\s+KR3 is off track/);
  });

  it('a long list ends with a tally by kind, most first, that adds up to the list; a short one has none', async () => {
    expect((await runCli(['check'], dir)).stdout).toHaveLength(3);
    writeFileSync(
      join(dir, 'tally.xlsx'),
      await planToXlsxBuffer(generatePlanWorkbook(100, { date: utcDate }), { lang: 'en', targets: false }),
    );
    const text = await runCli(['check', 'tally.xlsx', '--as-of', '2026-11-15'], dir);
    const json = await runCli(['check', 'tally.xlsx', '--as-of', '2026-11-15', '--json'], dir);
    const { issues } = JSON.parse(json.stdout.join('\n')) as { issues: { code: string }[] };
    expect(issues.length).toBeGreaterThan(10);
    const tally = text.stdout.at(-1)!;
    const kinds = /^By kind: (.+)\. Each kind is explained in (\S+checks\.md)$/.exec(tally);
    expect(kinds, tally).not.toBeNull();
    expect(existsSync(kinds![2])).toBe(true);
    const counted = kinds![1].split(', ').map((part) => /^(\d+) × ([a-z-]+)$/.exec(part)!);
    for (const [, n, code] of counted)
      expect(issues.filter((i) => i.code === code).length, code).toBe(Number(n));
    expect(counted.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(issues.length);
    const numbers = counted.map(([, n]) => Number(n));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('--lang takes the names people type for a language, as the Language cell does', async () => {
    for (const [lang, words] of [
      // The severity in the same language as the message.
      ['English', /^Warning .*by now/],
      ['简体中文', /^警告 .*此时应为/],
      ['繁體中文', /^警告 .*此時應為/],
      ['zh_TW', /^警告 .*此時應為/],
    ] as const) {
      const run = await runCli(['check', '--lang', lang], dir);
      expect(run.code, lang).toBe(0);
      expect(
        run.stdout.filter((line) => words.test(line)),
        lang,
      ).toHaveLength(1);
    }
  });

  it('cell text is quoted, never obeyed: escape sequences shown as signs, line breaks kept on the line', async () => {
    const wb = exampleGrid('en');
    // An owner a hostile or careless sheet could hold: retitle the terminal, clear it, print a forged verdict in
    // green, hide what follows (C0 escapes and a C1 CSI), then lines of their own, one a GitHub Actions command.
    // Control characters are stored as Excel stores them (ST_Xstring's _x001B_), which exceljs does not write.
    const owner =
      'Sales\u001b]0;hijacked\u0007\u001b[2J\u001b[32mAll checks passed\u001b[0m\u009b8m\n::error title=Plan::0 errors\r\nOK';
    setCell(wb, tabDef('keyResults').label.en, 'KR1', columnDef('keyResults', 'owner').label.en, 'OWNER');
    const zip = await JSZip.loadAsync(await planToXlsxBuffer(wb, { lang: 'en', targets: false }));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    // eslint-disable-next-line no-control-regex -- the control characters are what is stored
    const stored = owner.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
      c === '\n' ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
    zip.file('xl/sharedStrings.xml', strings.replace('>OWNER<', `>${stored}<`));
    writeFileSync(join(dir, 'escapes.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));

    const text = await runCli(['check', 'escapes.xlsx'], dir);
    expect(text.code).toBe(1);
    const said = [...text.stdout, ...text.stderr].join('\n');
    // eslint-disable-next-line no-control-regex -- none may reach the terminal
    expect(said).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(said).toContain(
      'Owner "Sales␛]0;hijacked␇␛[2J␛[32mAll checks passed␛[0m\ufffd8m⏎::error title=Plan::0 errors⏎OK"',
    );
    // Each issue is its own two lines: a cell's line breaks start none.
    expect(
      text.stdout
        .join('\n')
        .split('\n')
        .filter((line) => line.startsWith('::')),
    ).toEqual([]);

    // --json keeps the text exactly (as escapes), and leaves no raw C1 control for a terminal to obey.
    const json = await runCli(['check', 'escapes.xlsx', '--json'], dir);
    expect(json.stdout.join('\n')).not.toMatch(/[\u007f-\u009f]/);
    const issue = (JSON.parse(json.stdout.join('\n')) as { issues: { message: string }[] }).issues.find((i) =>
      i.message.startsWith('Owner "Sales'),
    );
    expect(issue?.message).toContain(owner);
  });

  it('an as-of day before the plan\'s period, or over a year after it, is warned of once, naming the period', async () => {
    writeFileSync(join(dir, 'as-of-plan.xlsx'), await exampleXlsxBuffer('en'));
    const before = await runCli(['check', 'as-of-plan.xlsx', '--as-of', '1900-01-01'], dir);
    expect(before.code).toBe(0);
    expect(before.stderr).toEqual([
      "gtm-pyramid: warning: the as-of day 1900-01-01 is before the plan's period (2026-01-01 – 2026-12-31): nothing in the plan is due yet on that day. Give --as-of a day in the period (the review date you mean), or correct the period on the Strategy tab.",
    ]);
    // --json's output stays JSON: the warning is on stderr.
    const json = await runCli(['check', 'as-of-plan.xlsx', '--as-of', '2099-06-30', '--json'], dir);
    expect(JSON.parse(json.stdout.join('\n')).asOf).toBe('2099-06-30');
    expect(json.stderr).toEqual([
      "gtm-pyramid: warning: the as-of day 2099-06-30 is more than a year after the plan's period (2026-01-01 – 2026-12-31) ended: every target in it was due long before. Give --as-of a day in the period or just after it (the review date you mean), or correct the period on the Strategy tab.",
    ]);
    // Within the period, or a review some months after it ends: nothing to say.
    for (const asOf of ['2026-01-01', '2026-11-15', '2027-06-30', '2027-12-31'])
      expect((await runCli(['check', 'as-of-plan.xlsx', '--as-of', asOf], dir)).stderr, asOf).toEqual([]);
    // report says it too, once, in the report's language; the report is written.
    const report = await runCli(
      ['report', 'as-of-plan.xlsx', '--as-of', '1900-01-01', '--lang', 'zh-TW', '--out', 'as-of-1900'],
      dir,
    );
    expect(report.stderr).toEqual([
      'gtm-pyramid: 警告：評估日期 1900-01-01 早於計畫週期（2026-01-01 – 2026-12-31）：當天計畫中還沒有任何到期的目標。請用 --as-of 指定週期內的日期（即要用的檢討日期），或在「策略」表中更正週期。',
    ]);
    expect(existsSync(join(dir, 'as-of-1900', 'index.html'))).toBe(true);
  });

  it('exit 1 when the plan has errors, and --json for tools', async () => {
    const wb = exampleGrid('en');
    delete wb[tabDef('objectives').label.en];
    writeFileSync(
      join(dir, 'no-objectives.xlsx'),
      await planToXlsxBuffer(wb, { lang: 'en', targets: false }),
    );
    const run = await runCli(['check', 'no-objectives.xlsx', '--json'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout.join('\n'));
    expect(json.file).toBe('no-objectives.xlsx');
    expect(json.counts.error).toBeGreaterThan(0);
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'missing-tab',
        sheet: tabDef('objectives').label.en,
        cell: null,
      }),
    );
  });
});

describe('gtm-pyramid report --out', () => {
  it('refuses the folder it runs in, or one holding it: the shell would be left in a folder that no longer exists', async () => {
    const here = join(dir, 'site');
    mkdirSync(here, { recursive: true });
    for (const out of ['.', '..'])
      expect((await runCli(['report', '--out', out], here)).stderr.at(-1), out).toBe(
        `gtm-pyramid: ${out}: is the folder the command runs in (or holds it), which the report would replace; nothing was changed. Run it from the parent folder with --out naming this one`,
      );
    expect(readdirSync(here)).toEqual([]);
    // From the parent, naming it: written.
    expect((await runCli(['report', '--out', 'site'], dir)).code).toBe(0);
    expect(readdirSync(here)).toContain('index.html');
  });
});

describe("report says what is wrong with the plan in the plan's language, unless --lang says otherwise, as check does", () => {
  /** The example plan in `lang` with `edit` made, written as an .xlsx named `name`. */
  async function planFile(name: string, lang: Lang, edit: (wb: Workbook) => void): Promise<string> {
    const wb = cloneWorkbook(exampleGrid(lang));
    edit(wb);
    writeFileSync(join(dir, name), await planToXlsxBuffer(wb, { lang, targets: false }));
    return name;
  }
  const renameTab = (wb: Workbook, from: string, to: string) => {
    wb[to] = wb[from];
    delete wb[from];
  };

  it('a Traditional Chinese plan without 策略, or with 關鍵結果 renamed, names the missing tab 「策略」 in Traditional Chinese', async () => {
    // Without the Strategy tab there is no Language cell: most of the tab names decide, as the parser decides.
    const noStrategy = await planFile('tw-no-strategy.xlsx', 'zh-TW', (wb) => {
      delete wb[tabName('strategy', 'zh-TW')];
    });
    const renamed = await planFile('tw-kr-renamed.xlsx', 'zh-TW', (wb) =>
      renameTab(wb, tabName('keyResults', 'zh-TW'), 'KR 清單'),
    );
    expect(await runCli(['report', noStrategy, '--out', 'tw-a'], dir)).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `gtm-pyramid: ${noStrategy}: 缺少「策略」工作表；報告需要這個工作表。用「插入範本」新增，或把你的工作表改名為「策略」。`,
      ],
    });
    expect(await runCli(['report', renamed, '--out', 'tw-b'], dir)).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `gtm-pyramid: ${renamed}: 缺少「關鍵結果」工作表；報告需要這個工作表。「KR 清單」工作表看起來是「關鍵結果」表，但未被讀取：計畫依名稱尋找工作表。把它改名為「關鍵結果」。`,
      ],
    });
    expect(existsSync(join(dir, 'tw-a')) || existsSync(join(dir, 'tw-b'))).toBe(false);
    // check answers in the same language about the same tab.
    expect((await runCli(['check', noStrategy], dir)).stdout.join('\n')).toContain('缺少「策略」工作表。');
    expect((await runCli(['check', renamed], dir)).stdout.join('\n')).toContain('缺少「關鍵結果」工作表。');
    // --lang says otherwise: its language, naming the tab as it does (check does the same).
    expect((await runCli(['report', noStrategy, '--out', 'tw-a', '--lang', 'en'], dir)).stderr).toEqual([
      `gtm-pyramid: ${noStrategy}: the "Strategy" tab is missing; the report needs it. Add it with Insert templates, or rename your tab to "Strategy".`,
    ]);
    expect((await runCli(['report', renamed, '--out', 'tw-b', '--lang', 'zh-CN'], dir)).stderr).toEqual([
      `gtm-pyramid: ${renamed}: 缺少“关键结果”工作表；报告需要这个工作表。“KR 清單”工作表看起来是“关键结果”表，但未被读取：计划按名称查找工作表。把它改名为“关键结果”。`,
    ]);
  });

  it('the Language cell decides over English tab names: a plan in 简体中文 without Key Results is told so in Simplified Chinese', async () => {
    const name = await planFile('cn-language-cell.xlsx', 'en', (wb) => {
      const strategy = wb[tabName('strategy')];
      const label = STRATEGY_FIELDS.find((f) => f.key === 'language')!.label.en;
      strategy.find((row) => row[0] === label)![1] = '简体中文';
      delete wb[tabName('keyResults')];
    });
    expect((await runCli(['report', name, '--out', 'cn'], dir)).stderr).toEqual([
      `gtm-pyramid: ${name}: 缺少“关键结果”工作表；报告需要这个工作表。用“插入模板”添加，或把你的工作表改名为“关键结果”。`,
    ]);
  });

  it('a missing tab is told with the fix check gives: rename the tab named close to it, else add it', async () => {
    const near = await planFile('near-kr.xlsx', 'en', (wb) =>
      renameTab(wb, tabName('keyResults'), '2. Key Results'),
    );
    const run = await runCli(['report', near, '--out', 'near-kr'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `gtm-pyramid: ${near}: the "Key Results" tab is missing; the report needs it. The "2. Key Results" tab looks like the "Key Results" tab but is not read: plan tabs are found by their names. Rename it to "Key Results".`,
      ],
    });
    // check says the same, at that tab.
    const check = JSON.parse((await runCli(['check', near, '--json'], dir)).stdout.join('\n')) as {
      issues: { code: string; sheet: string; fix: string }[];
    };
    expect(check.issues).toContainEqual(
      expect.objectContaining({ code: 'tab-name-near', sheet: '2. Key Results', fix: 'Rename it to "Key Results".' }),
    );
  });

  it('the folder the command runs in is refused in the plan\'s language', async () => {
    const here = join(dir, 'tw-site');
    mkdirSync(here, { recursive: true });
    writeFileSync(join(here, 'plan.xlsx'), await exampleXlsxBuffer('zh-TW'));
    expect((await runCli(['report', 'plan.xlsx', '--out', '.'], here)).stderr).toEqual([
      'gtm-pyramid: .: 是命令所在的資料夾（或包含它），報告會取代該資料夾；未做任何更改。請在上一層資料夾中執行，並用 --out 指定此資料夾',
    ]);
    expect(readdirSync(here)).toEqual(['plan.xlsx']);
  });
});

describe('gtm-pyramid example', () => {
  it('writes the example plan workbook, readable back, and refuses to overwrite without --force', async () => {
    const first = await runCli(['example', '--out', 'example.xlsx', '--lang', 'zh-CN'], dir);
    expect(first.code).toBe(0);
    const workbook = await readXlsx(join(dir, 'example.xlsx'));
    expect(Object.keys(workbook)).toContain(tabDef('targets').label['zh-CN']);
    const again = await runCli(['example', '--out', 'example.xlsx'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toEqual([
      'gtm-pyramid: example.xlsx: already exists; pass --force to replace it or choose another --out',
    ]);
    expect((await runCli(['example', '--out', 'example.xlsx', '--lang', 'zh-CN'], dir)).stderr).toEqual([
      'gtm-pyramid: example.xlsx: 已存在；如要替换请加上 --force，或另选 --out',
    ]);
    expect((await runCli(['example', '--out', 'example.xlsx', '--force'], dir)).code).toBe(0);
    expect(Object.keys(await readXlsx(join(dir, 'example.xlsx')))).toContain(tabDef('targets').label.en);
  });

  it('--out naming a folder (new with a trailing slash, or one that exists) puts the workbook in it', async () => {
    const fresh = await runCli(['example', '--out', 'plans/'], dir);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout[0]).toBe(
      `Example plan written to ${join('plans', 'gtm-pyramid-example.xlsx')} (en).`,
    );
    expect(readdirSync(join(dir, 'plans'))).toEqual(['gtm-pyramid-example.xlsx']);
    // A name without .xlsx would hold a workbook nothing opens by its name: refused, nothing written.
    for (const name of ['plans/plan.csv', 'plans/noext'])
      expect(await runCli(['example', '--out', name], dir)).toEqual({
        code: 2,
        stdout: [],
        stderr: [
          `gtm-pyramid: ${name}: the example plan is an .xlsx workbook: give --out a name ending in .xlsx`,
        ],
      });
    expect(readdirSync(join(dir, 'plans'))).toEqual(['gtm-pyramid-example.xlsx']);
    mkdirSync(join(dir, 'existing'));
    expect((await runCli(['example', '--out', 'existing'], dir)).code).toBe(0);
    expect(Object.keys(await readXlsx(join(dir, 'existing', 'gtm-pyramid-example.xlsx')))).toContain(
      tabDef('targets').label.en,
    );
  });

  it('--help, --version and unknown commands', async () => {
    const help = (await runCli(['--help'], dir)).stdout[0];
    expect(help).toMatch(/^Usage:\n {2}gtm-pyramid report/);
    // The guide for --sheet's credentials, as a path that exists wherever the command runs from.
    const guide = /see (\S+report\.md)\)/.exec(help)?.[1];
    expect(guide && isAbsolute(guide) && existsSync(guide), guide).toBe(true);
    // --help in the language asked for, with the same commands and defaults.
    const zhTW = (await runCli(['report', '--help', '--lang', 'zh-TW'], dir)).stdout[0];
    expect(zhTW).toMatch(/^用法：\n {2}gtm-pyramid report \[plan\.xlsx/);
    expect(zhTW).toContain('DIR 預設為 dist/report');
    expect(zhTW).toContain('預設 gtm-pyramid-example.xlsx');
    expect((await runCli(['--help', '--lang', 'zh-CN'], dir)).stdout[0]).toContain('运行计划检查');
    // The language may come before the command, as people say it.
    expect((await runCli(['--lang', 'zh-TW', '--help'], dir)).stdout[0]).toMatch(/^用法：/);
    const check = await runCli(['--lang=zh-CN', 'check'], dir);
    expect(check.code).toBe(0);
    expect(check.stdout[0]).toMatch(/^内置示例计划：0 个错误/);
    expect((await runCli(['--version'], dir)).stdout[0]).toMatch(/^gtm-pyramid \d+\.\d+\.\d+$/);
    expect(await runCli(['publish'], dir)).toEqual({
      code: 2,
      stdout: [],
      stderr: ['gtm-pyramid: unknown command "publish"; try gtm-pyramid --help'],
    });
  });
});

describe('--help is true and complete, in every language', () => {
  it("names every option of every command (its short form too), each command's exit codes, and whose language messages are in", async () => {
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const help = (await runCli(['--help', '--lang', lang], dir)).stdout[0];
      const lines = help.split('\n');
      for (const [command, options] of Object.entries(COMMAND_OPTIONS)) {
        // The command's synopsis line: every option it takes, with its short form.
        const synopsis = lines.find((line) => line.startsWith(`  gtm-pyramid ${command} `));
        expect(synopsis, `${lang} ${command}`).toBeDefined();
        for (const [name, option] of Object.entries(options)) {
          expect(synopsis, `${lang} ${command} --${name}`).toContain(`--${name}`);
          if ('short' in option) expect(synopsis).toContain(`-${option.short}|--${name}`);
        }
        // Its exit codes, in the lines that follow it (up to the next command).
        const start = lines.indexOf(synopsis!);
        const next = lines.findIndex((line, i) => i > start && line.startsWith('  gtm-pyramid '));
        const own = lines.slice(start + 1, next).join('\n');
        expect(own, `${lang} ${command}`).toMatch(/(Exit 0:|退出码 0：|結束代碼 0：)/);
        expect(own, `${lang} ${command}`).toMatch(/; 2:|；2：/);
      }
      expect(help).toContain('-h|--help');
      expect(help).toContain('-v|--version');
    }
    // Messages follow the plan's language without --lang (a Chinese plan is told in Chinese): --help says so.
    const help = (await runCli(['--help'], dir)).stdout[0];
    expect(help).not.toContain('Messages are in the --lang language (English without it)');
    expect(help).toContain("in the plan's language");
    // -o is --out, as listed.
    expect((await runCli(['report', '-o', 'short-o'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'short-o', 'index.html'))).toBe(true);
  });
});

describe('--locale: numbers typed as text in a file, read as that locale writes them', () => {
  it('1.250.000 typed as text is an error read as en_US (the file records no locale), and 1,250,000 with --locale de_DE', async () => {
    const wb = exampleGrid('en');
    setCell(
      wb,
      tabDef('keyResults').label.en,
      'KR1',
      columnDef('keyResults', 'target').label.en,
      '1.250.000',
    );
    writeFileSync(join(dir, 'german.xlsx'), await planToXlsxBuffer(wb, { lang: 'en', targets: false }));
    const issues = (run: { stdout: string[] }) =>
      (JSON.parse(run.stdout.join('\n')) as { issues: { code: string; cell: string; fix: string }[] }).issues;

    const plain = await runCli(['check', 'german.xlsx', '--json'], dir);
    expect(plain.code).toBe(1);
    expect(issues(plain).filter((i) => i.code === 'decimal-mark')).toEqual([
      expect.objectContaining({ cell: 'I2', fix: 'Type 1250000.' }),
    ]);
    // A locale as the shell's LANG spells it is a locale too.
    const posix = await runCli(['check', 'german.xlsx', '--locale', 'en_US.UTF-8', '--json'], dir);
    expect(issues(posix).filter((i) => i.code === 'decimal-mark')).toHaveLength(1);
    const german = await runCli(['check', 'german.xlsx', '--locale', 'de_DE', '--json'], dir);
    expect(issues(german).filter((i) => i.code === 'decimal-mark')).toEqual([]);
    expect(german.code).toBe(0);

    const report = await runCli(['report', 'german.xlsx', '--locale', 'de-DE', '--out', 'german'], dir);
    expect(report.code).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'german', 'plan.json'), 'utf8')) as {
      keyResults: { id: string; target: number }[];
    };
    expect(plan.keyResults[0]).toMatchObject({ id: 'KR1', target: 1_250_000 });
  });

  it('a --locale that names no locale is refused before anything is read: 1,5, and us or xx, which no one writes in', async () => {
    for (const value of ['1,5', 'us', 'xx_XX'])
      expect(await runCli(['check', 'german.xlsx', '--locale', value], dir), value).toEqual({
        code: 2,
        stdout: [],
        stderr: [`gtm-pyramid: --locale must be a locale such as en_US, de_DE or fr-FR, not "${value}"`],
      });
  });
});
