/**
 * gtm-pyramid: the command line.
 *
 *   gtm-pyramid report [plan.xlsx] [--out DIR] [--lang en|zh-CN] [--as-of YYYY-MM-DD]
 *   gtm-pyramid check [plan.xlsx] [--json] [--lang en|zh-CN] [--as-of YYYY-MM-DD]
 *   gtm-pyramid example [--out plan.xlsx] [--lang en|zh-CN] [--force]
 *
 * Exit codes: 0 done; 1 the plan has errors (`report` still writes the report, saying so on every page); 2 nothing
 * usable: no key result in the plan (`report` writes it anyway), or nothing was done because the input could not be
 * read or the output could not be written (one line on stderr says which file and why). See docs/report.md.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { isIsoDate, isoDate, type IsoDate } from '../shared/calendar';
import type { Workbook } from '../shared/cells';
import { analyzeWorkbook } from '../shared/checks';
import { EXAMPLE_AS_OF, exampleWorkbook } from '../shared/example';
import { countBySeverity, type PlanIssue } from '../shared/issues';
import { matchTab, TABS, type Lang } from '../shared/template';
import { buildReport, GENERATOR, OutputError, writeReportDir } from './generate';
import { readXlsx, XlsxReadError } from './read-xlsx';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today as a calendar day (the machine's local date unless a test fixes it). */
  today(): IsoDate;
  cwd(): string;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  today: () => {
    const d = new Date();
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  },
  cwd: () => process.cwd(),
};

export const DEFAULT_REPORT_DIR = 'dist/report';

/** An ISO day as exceljs reads it from a file (UTC midnight), so the built-in example matches a downloaded one. */
const utcDateOf = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
export const DEFAULT_EXAMPLE_FILE = 'gtm-pyramid-example.xlsx';

const USAGE = `Usage:
  gtm-pyramid report [plan.xlsx] [--out DIR] [--lang en|zh-CN] [--as-of YYYY-MM-DD]
      Write the static report (DIR/index.html, plan.json; default DIR ${DEFAULT_REPORT_DIR}).
      Without plan.xlsx, the built-in example plan is used (as of ${EXAMPLE_AS_OF} unless --as-of is given).
  gtm-pyramid check [plan.xlsx] [--json] [--lang en|zh-CN] [--as-of YYYY-MM-DD]
      Run the plan checks. Exit 0: no errors; 1: the plan has errors; 2: the file cannot be read.
  gtm-pyramid example [--out FILE] [--lang en|zh-CN] [--force]
      Write the example plan as an .xlsx to import into Google Sheets (default ${DEFAULT_EXAMPLE_FILE}).
  gtm-pyramid --help | --version`;

/** A failure the user can act on: printed as one line, exit code 2. */
class UsageError extends Error {}

function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (/^en([-_].*)?$/i.test(value)) return 'en';
  if (/^zh([-_](cn|hans|sg))?$/i.test(value)) return 'zh-CN';
  throw new UsageError(`--lang must be en or zh-CN, not "${value}"`);
}

function parseAsOf(value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value))
    throw new UsageError(`--as-of must be a real day written YYYY-MM-DD, not "${value}"`);
  return value;
}

type Values = Record<string, string | boolean | undefined>;

function parse(
  command: string,
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split('\n')[0]} (see gtm-pyramid --help)`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The required tabs the workbook lacks: such a file is not a plan the report can be built from. */
function missingRequiredTabs(workbook: Workbook): string[] {
  const found = new Set(Object.keys(workbook).map((name) => matchTab(name)?.key));
  return TABS.filter((t) => t.presence === 'required' && !found.has(t.key)).map((t) => t.label.en);
}

interface Input {
  workbook: Workbook;
  /** As given on the command line; null for the built-in example. */
  source: string | null;
}

async function loadInput(file: string | undefined, lang: Lang | undefined, io: CliIo): Promise<Input> {
  if (file === undefined)
    return { workbook: exampleWorkbook(lang ?? 'en', { date: utcDateOf }), source: null };
  try {
    return { workbook: await readXlsx(resolve(io.cwd(), file)), source: file };
  } catch (error) {
    // Name the file as the user wrote it.
    if (error instanceof XlsxReadError) throw new XlsxReadError(file, error.problem);
    throw error;
  }
}

function requirePlanTabs(input: Input): void {
  if (!input.source) return;
  const tabs = Object.keys(input.workbook);
  if (!tabs.some((name) => matchTab(name))) {
    throw new XlsxReadError(
      input.source,
      `no plan tabs found (tabs: ${tabs.slice(0, 5).join(', ')}); expected ${TABS.filter(
        (t) => t.presence === 'required',
      )
        .map((t) => `"${t.label.en}"`)
        .join(', ')}`,
    );
  }
}

function asOfNote(asOf: IsoDate, given: boolean, example: boolean): string {
  if (given) return `As of ${asOf} (--as-of).`;
  return example
    ? `As of ${asOf}, the example plan's date (use --as-of YYYY-MM-DD to change it).`
    : `As of ${asOf}, today (use --as-of YYYY-MM-DD to fix the date).`;
}

async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('report', argv, {
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`report: one plan file at most, got ${positionals.length}`);
  const lang = parseLang(values.lang as string | undefined);
  const givenAsOf = parseAsOf(values['as-of'] as string | undefined);
  const file = positionals[0];
  const input = await loadInput(file, lang, io);
  requirePlanTabs(input);
  const missing = missingRequiredTabs(input.workbook);
  if (missing.length) {
    throw new XlsxReadError(
      file ?? 'example',
      `the ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length === 1 ? 'tab is' : 'tabs are'} missing; the report needs ${missing.length === 1 ? 'it' : 'them'}`,
    );
  }
  const asOf = givenAsOf ?? (file === undefined ? EXAMPLE_AS_OF : io.today());
  const outDir = (values.out as string | undefined) ?? DEFAULT_REPORT_DIR;
  const target = resolve(io.cwd(), outDir);
  const built = await buildReport(input.workbook, { asOf, lang, source: input.source });
  await writeReportDir(target, built.files, outDir);
  const counts = countBySeverity(built.issues);
  const index = resolve(target, 'index.html');
  const shown = relative(io.cwd(), index) || index;
  io.out(`Report written to ${shown.startsWith('..') ? index : shown}`);
  io.out(
    `${input.source ?? 'Built-in example plan'}: ${plural(built.plan.keyResults.length, 'key result')}, ` +
      `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}; ${plural(built.files.length, 'file')} (${built.lang}).`,
  );
  io.out(asOfNote(asOf, givenAsOf !== undefined, file === undefined));
  io.out(`Open ${pathToFileURL(index).href}`);
  // The report is written either way; the exit code tells a pipeline whether to publish it (docs/report.md).
  if (built.plan.keyResults.length === 0) {
    io.err('gtm-pyramid: report: no key result could be read, so the report shows no progress (exit 2).');
    return 2;
  }
  if (counts.error > 0) {
    io.err(
      `gtm-pyramid: report: the plan has ${plural(counts.error, 'error')}; every page says so (exit 1).`,
    );
    return 1;
  }
  return 0;
}

function issueLine(issue: PlanIssue, lang: Lang): string {
  const where = issue.a1 ? `${issue.sheet}!${issue.a1}` : issue.sheet;
  return `${issue.severity.padEnd(7)} ${where.padEnd(20)} ${issue.message[lang]}\n${' '.repeat(29)}${lang === 'zh-CN' ? '建议：' : 'fix: '}${issue.fix[lang]}`;
}

async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('check', argv, {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`check: one plan file at most, got ${positionals.length}`);
  const langOption = parseLang(values.lang as string | undefined);
  const givenAsOf = parseAsOf(values['as-of'] as string | undefined);
  const file = positionals[0];
  const input = await loadInput(file, langOption, io);
  requirePlanTabs(input);
  const asOf = givenAsOf ?? (file === undefined ? EXAMPLE_AS_OF : io.today());
  const { plan, issues } = analyzeWorkbook(input.workbook, { asOf, timeZone: 'UTC' });
  const lang = langOption ?? plan.lang;
  const counts = countBySeverity(issues);
  const name = input.source ?? 'example';
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          generator: GENERATOR,
          file: input.source,
          asOf,
          lang,
          counts,
          issues: issues.map((i) => ({
            severity: i.severity,
            category: i.category,
            code: i.code,
            sheet: i.sheet,
            cell: i.a1,
            row: i.row,
            column: i.column,
            message: i.message[lang],
            fix: i.fix[lang],
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      `${name}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.tip, 'tip')} (as of ${asOf})`,
    );
    for (const issue of issues) io.out(issueLine(issue, lang));
  }
  return counts.error > 0 ? 1 : 0;
}

async function exampleCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('example', argv, {
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length)
    throw new UsageError(`example: unexpected argument "${positionals[0]}" (use --out FILE)`);
  const lang = parseLang(values.lang as string | undefined) ?? 'en';
  const out = (values.out as string | undefined) ?? DEFAULT_EXAMPLE_FILE;
  const target = resolve(io.cwd(), out);
  if (existsSync(target) && !values.force)
    throw new OutputError(out, 'already exists; pass --force to replace it or choose another --out');
  try {
    // The writer (and exceljs) are loaded only for this command.
    const { exampleXlsxBuffer, writeFileAtomic } = await import('./write-xlsx');
    await writeFileAtomic(target, await exampleXlsxBuffer(lang));
  } catch (error) {
    throw new OutputError(
      out,
      `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  io.out(`Example plan written to ${out} (${lang}).`);
  io.out(
    'Import it into Google Sheets with File > Import > Upload (Replace spreadsheet), or open it in Excel or LibreOffice.',
  );
  return 0;
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'report':
        return await reportCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'example':
        return await exampleCommand(rest, io);
      case '--version':
      case '-v':
        io.out(GENERATOR);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; try gtm-pyramid --help`);
    }
  } catch (error) {
    if (error instanceof XlsxReadError || error instanceof OutputError || error instanceof UsageError) {
      io.err(`gtm-pyramid: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.err(`gtm-pyramid: ${command}: unexpected failure: ${message}`);
    return 2;
  }
}

// Run directly (npm run report / check / example): `tsx report/cli.ts report ...`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
