/**
 * gtm-pyramid: the command line.
 *
 *   gtm-pyramid report [plan.xlsx | --sheet URL|ID] [--previous PATH|URL [--new-history]] [-o|--out DIR] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD]
 *   gtm-pyramid check [plan.xlsx | --sheet URL|ID] [--json] [--lang en|zh-CN|zh-TW] [--as-of YYYY-MM-DD]
 *   gtm-pyramid example [-o|--out plan.xlsx] [--lang en|zh-CN|zh-TW] [--force]
 *
 * Exit codes: 0 done; 1 the plan has errors (`report` still writes the report, saying so on every page); 2 nothing
 * usable: no key result in the plan (`report` writes it anyway), or nothing was done because the input could not be
 * read or the output could not be written (one line on stderr says which file and why). See docs/report.md.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { addMonths, dateToIso, isIsoDate, isoDate, monthOf, type IsoDate } from '../shared/calendar';
import type { Workbook } from '../shared/cells';
import type { Period } from '../shared/plan';
import { analyzeWorkbook } from '../shared/checks';
import { planLanguageOf } from '../shared/parse';
import { EXAMPLE_AS_OF, exampleWorkbook } from '../shared/example';
import { countBySeverity, makeIssue, type PlanIssue } from '../shared/issues';
import { CATALOGUES, isChinese, joinList, type Params } from '../shared/i18n';
import { languageTag, matchTab, nearTab, TABS, type Lang } from '../shared/template';
import { isKnownLocale } from '../shared/locale-syntax';
// Light imports only: the report pipeline (handlebars, vega) is loaded by `report` alone, the xlsx reader (yauzl,
// saxes) when a file is read, exceljs when one is written, the Google client libraries by readSheet.
import { codeOf, OutputError, PreviousError, XlsxReadError } from './errors';
import {
  FILE_MESSAGES,
  noPlanTabs,
  OUTPUT_MESSAGES,
  PREVIOUS_MESSAGES,
  requiredTabs,
  say,
  SHEET_MESSAGES,
  USAGE_MESSAGES,
} from './i18n';
import { CHECKS_GUIDE, GENERATOR, REPORT_GUIDE } from './package-info';

import type { FolderReport } from './generate';
import { PLAN_JSON_FILE, type PlanJson } from './plan-json';
import { carriesOn, loadPrevious, shownSource, type PreviousProblem, type Reaches } from './previous';
import { readSheet, SheetReadError } from './read-sheets';
import { startChartThread } from './render/chart-thread';
import { oneLine, terminalJson, terminalText } from './terminal';

/** More issues than this, and `check` ends with a tally by kind (a plan of thousands of key results lists hundreds). */
const TALLY_AFTER = 10;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today as a calendar day: in the given time zone (a live spreadsheet's), else the machine's local date. */
  today(timeZone?: string): IsoDate;
  cwd(): string;
}

/**
 * The language the command's messages are in: --lang's, or English, until the plan's language is known (its
 * report's, or check's), then that. For what is said outside a command's own flow: a failure of the standard output.
 */
let sayingIn: Lang = 'en';

/**
 * Whether whoever reads the output has stopped (`gtm-pyramid check | head`): the rest of it is dropped and the
 * command ends as it would have, rather than dying of an EPIPE halfway through (a report half renamed into place).
 * Any other failure to write it (a full disk: `check --json > out.json`) is said in one line on stderr, the rest is
 * dropped, and the command exits 2, a run that could not finish (not 1, which says the plan has errors).
 */
let readerGone = false;
let stdoutWatched = false;
let outputFailed = false;
function writeOut(text: string): void {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      readerGone = true;
      if (error.code === 'EPIPE' || outputFailed) return;
      outputFailed = true;
      process.exitCode = 2; // also when it is told after main() has returned its code
      process.stderr.write(
        `gtm-pyramid: ${say(USAGE_MESSAGES.outputFailed, sayingIn, { code: codeOf(error, sayingIn) })}\n`,
      );
    });
  }
  if (!readerGone) process.stdout.write(`${text}\n`);
}

const defaultIo: CliIo = {
  out: writeOut,
  err: (text) => process.stderr.write(`${text}\n`),
  today: (timeZone) => {
    const d = new Date();
    if (timeZone) return dateToIso(d, timeZone) ?? isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  },
  cwd: () => process.cwd(),
};

export const DEFAULT_REPORT_DIR = 'dist/report';

/** An ISO day as exceljs reads it from a file (UTC midnight), so the built-in example matches a downloaded one. */
const utcDateOf = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
export const DEFAULT_EXAMPLE_FILE = 'gtm-pyramid-example.xlsx';

/** --help, in the language asked for. */
const usage = (lang: Lang): string =>
  say(USAGE_MESSAGES.help, lang, {
    reportDir: DEFAULT_REPORT_DIR,
    exampleAsOf: EXAMPLE_AS_OF,
    exampleFile: DEFAULT_EXAMPLE_FILE,
    guide: REPORT_GUIDE,
  });

/** A failure the user can act on: printed as one line, exit code 2. */
class UsageError extends Error {
  constructor(problem: keyof typeof USAGE_MESSAGES, lang: Lang, params: Params = {}) {
    super(say(USAGE_MESSAGES[problem], lang, params));
  }
}

/**
 * The language of the command line's own messages (--help, bad arguments): --lang's, when the arguments name a
 * language, read before they are parsed so that even a message about them can be in it; else English, as for every
 * message before a plan is read (docs/report.md, "Exit codes and errors").
 */
function argumentsLang(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const value =
      argv[i] === '--lang'
        ? argv[i + 1]
        : argv[i].startsWith('--lang=')
          ? argv[i].slice('--lang='.length)
          : null;
    if (value) return languageTag(value) ?? 'en';
  }
  return 'en';
}

/**
 * `--lang zh-TW check …` read as `check … --lang zh-TW`: people put the language first, as they would say it, and
 * every message (the usage included) is then in it.
 */
function languageAfterCommand(argv: string[]): { command: string | undefined; rest: string[] } {
  // `--lang check plan.xlsx`: the value forgotten, the command taken for it. The command's own parsing then says
  // that --lang needs a value, as it says after the command.
  if (argv[0] === '--lang' && (argv.length < 2 || COMMANDS.has(argv[1])))
    return { command: argv[1], rest: [...argv.slice(2), '--lang'] };
  const taken = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  if (taken === 0) return { command: argv[0], rest: argv.slice(1) };
  const [command, ...rest] = argv.slice(taken);
  return { command, rest: [...rest, ...argv.slice(0, taken)] };
}
const COMMANDS = new Set(['report', 'check', 'example', 'help', '--help', '-h', '--version', '-v']);

function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const tag = languageTag(value); // the names a plan's Language cell accepts: en, zh-CN, zh-TW, 繁體中文…
  if (tag) return tag;
  throw new UsageError('badLang', 'en', { value });
}

/** --locale: a language and maybe a country, as a spreadsheet names its locale (de_DE, fr-FR, en). */
function parseLocale(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  // A POSIX locale's encoding and modifier are allowed (en_US.UTF-8, de_DE@euro), as LANG spells it.
  if (!/^[a-z]{2,3}([-_][a-z0-9]{2,8})*([.@][\w-]+)*$/i.test(value.trim()) || !isKnownLocale(value))
    throw new UsageError('badLocale', lang, { value });
  return value.trim();
}

function parseAsOf(value: string | undefined, lang: Lang): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (isIsoDate(value)) return value;
  const suggestion = asOfMeant(value.trim());
  if (suggestion) throw new UsageError('badAsOfLike', lang, { value, suggestion });
  throw new UsageError('badAsOf', lang, { value });
}

/**
 * The day a --as-of written another way means, when it can only mean one: 2026/11/15, 2026.11.15, 20261115, and
 * the day first with dots (15.11.2026, as German and others write it) or with slashes where the day is over 12
 * (15/11/2026, 11/15/2026). Null for 05/06/2026, which is May or June as people read it.
 */
function asOfMeant(value: string): IsoDate | null {
  const day = (y: string, m: string, d: string) => {
    const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  };
  let m = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return day(m[1], m[2], m[3]);
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(value);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[3])];
  if (m[2] === '.' || (a > 12 && b <= 12)) return day(m[4], m[3], m[1]);
  if (b > 12 && a <= 12) return day(m[4], m[1], m[3]);
  return null;
}

/** Each command's options (besides -h, --help): what --help lists (test/report-cli.test.ts holds it to that). */
export const COMMAND_OPTIONS = {
  report: {
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
    sheet: { type: 'string' },
    previous: { type: 'string' },
    'new-history': { type: 'boolean' },
    locale: { type: 'string' },
  },
  check: {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
    sheet: { type: 'string' },
    locale: { type: 'string' },
  },
  example: {
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    force: { type: 'boolean' },
  },
} as const satisfies Record<string, NonNullable<ParseArgsConfig['options']>>;

type Values = Record<string, string | boolean | undefined>;

/**
 * ARGV parsed against OPTIONS (and --help), strictly, and the language to say things about them in (`said`:
 * argumentsLang). What node's parseArgs refuses is said in it, naming the option as typed: the arguments are
 * looked at again, leniently, to find the first one that is wrong.
 */
function parse(
  command: string,
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Values; positionals: string[]; said: Lang } {
  const lang = argumentsLang(argv);
  const config: NonNullable<ParseArgsConfig['options']> = {
    ...options,
    help: { type: 'boolean', short: 'h' },
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (error) {
    const { tokens } = parseArgs({
      args: argv,
      options: config,
      allowPositionals: true,
      strict: false,
      tokens: true,
    });
    for (const token of tokens) {
      if (token.kind !== 'option') continue;
      const option = token.rawName;
      const known = Object.hasOwn(config, token.name) ? config[token.name] : undefined;
      if (!known) throw new UsageError('unknownOption', lang, { command, option });
      if (known.type === 'boolean' && token.inlineValue)
        throw new UsageError('noValue', lang, { command, option });
      if (known.type === 'string' && token.value === undefined)
        throw new UsageError('missingValue', lang, { command, option });
      // `--out --lang`: node takes no value that starts with "-" unless it is written --out=-value.
      if (known.type === 'string' && !token.inlineValue && token.value?.startsWith('-'))
        throw new UsageError('dashValue', lang, { command, option });
    }
    // Nothing above matched: node's own words (English) inside the sentence, still one line and exit 2.
    throw new UsageError('badArguments', lang, { command, detail: (error as Error).message.split('\n')[0] });
  }
  // `--out=` is an option without its value, as `--out` alone is.
  for (const [name, value] of Object.entries(parsed.values))
    if (value === '') throw new UsageError('missingValue', lang, { command, option: `--${name}` });
  return { values: parsed.values as Values, positionals: parsed.positionals, said: lang };
}

/**
 * Whether a workbook has a plan tab at all. Tabs named close to one are in a live sheet's workbook without cells
 * (sheetsToWorkbook), for the parser to name: they are none.
 */
const hasPlanTab = (workbook: Workbook): boolean => Object.keys(workbook).some((name) => matchTab(name));

/**
 * The required tabs the workbook lacks (such a file is not a plan the report can be built from), named in `lang`,
 * and how to fix each, as `check` says it: a tab named close to it is to be renamed (tab-name-near), else the tab
 * is to be added or a tab renamed to it (missing-tab).
 */
function missingRequiredTabs(workbook: Workbook, lang: Lang): { tabs: string[]; fixes: string[] } {
  const names = Object.keys(workbook);
  const found = new Set(names.map((name) => matchTab(name)?.key));
  const missing = TABS.filter((t) => t.presence === 'required' && !found.has(t.key));
  const fixes = missing.map((def) => {
    const near = names.find((name) => nearTab(name)?.key === def.key);
    const at = { sheet: near ?? def.label[lang], row: null, column: null };
    if (near === undefined) return makeIssue('missing-tab', at, { tab: def.label }).fix[lang];
    const issue = makeIssue('tab-name-near', at, { name: near, tab: def.label });
    return `${issue.message[lang]}${isChinese(lang) ? '' : ' '}${issue.fix[lang]}`;
  });
  return { tabs: missing.map((t) => t.label[lang]), fixes };
}

interface Input {
  workbook: Workbook;
  /** As given on the command line (a live sheet: its title); null for the built-in example. */
  source: string | null;
  /** A live spreadsheet's time zone: Date cells and "today" are read in it. */
  timeZone?: string;
  /** A live spreadsheet's locale: numbers typed as text are read with its decimal sign. */
  locale?: string;
}

/** --locale for a file, which records none; a live sheet is read in its own locale. */
const withLocale = (input: Input, locale: string | undefined): Input =>
  locale !== undefined && input.locale === undefined ? { ...input, locale } : input;

async function loadInput(
  file: string | undefined,
  lang: Lang | undefined,
  io: CliIo,
  sheet?: string,
): Promise<Input> {
  if (sheet !== undefined) {
    if (file !== undefined) throw new UsageError('fileAndSheet', lang ?? 'en');
    const live = await readSheet(sheet, {
      lang,
      onRetry: (message) => io.err(`gtm-pyramid: ${oneLine(message)}`),
    });
    if (!hasPlanTab(live.workbook)) {
      throw new SheetReadError(
        say(SHEET_MESSAGES.noPlanTabs, lang ?? 'en', {
          title: live.title,
          id: live.id,
          tabs: joinList(live.tabs.slice(0, 5), lang ?? 'en'),
          expected: requiredTabs(lang ?? 'en'),
        }),
      );
    }
    return { workbook: live.workbook, source: live.title, timeZone: live.timeZone, locale: live.locale };
  }
  if (file === undefined)
    return { workbook: exampleWorkbook(lang ?? 'en', { date: utcDateOf }), source: null };
  const { readXlsx } = await import('./read-xlsx');
  try {
    return { workbook: await readXlsx(resolve(io.cwd(), file), lang ?? 'en'), source: file };
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    // A Google Sheet's address or ID given as the file: say how it is read.
    // A spreadsheet's address, or an ID as long as Google's (44 characters; a file name of 20 is no such hint).
    if (
      !existsSync(resolve(io.cwd(), file)) &&
      (/docs\.google\.com/i.test(file) || file.length >= 40) &&
      (await import('./read-sheets')).spreadsheetIdOf(file)
    )
      throw new XlsxReadError(file, say(FILE_MESSAGES.noSuchFileButSheet, lang ?? 'en'));
    // Excel's lock file (~$plan.xlsx), which it writes beside the workbook while it is open: the workbook is meant.
    const name = basename(file);
    if (name.startsWith('~$') && name.length > 2)
      throw new XlsxReadError(
        file,
        say(FILE_MESSAGES.lockFile, lang ?? 'en', { workbook: join(dirname(file), name.slice(2)) }),
      );
    // Name the file as the user wrote it.
    throw new XlsxReadError(file, error.problem);
  }
}

/** A file with no plan tab is not a plan: said in the language asked for (English without --lang). */
function requirePlanTabs(input: Input, lang: Lang = 'en'): void {
  if (!input.source) return;
  const tabs = Object.keys(input.workbook);
  if (!hasPlanTab(input.workbook)) {
    throw new XlsxReadError(input.source, noPlanTabs(tabs, lang));
  }
}

/**
 * A warning when the as-of day is before the plan's period, or more than a year after it ended (months after the
 * end are a late review; a year after, a year typed wrong): progress is then judged on a day the plan says little
 * about, and the figures look fine or hopeless for no reason. Null within, or without a period (its own error).
 */
function asOfOutsidePeriod(asOf: IsoDate, period: Period | null, lang: Lang): string | null {
  if (!period) return null;
  const words = CATALOGUES[lang].cli;
  if (asOf < period.start) return words.asOfBeforePeriod(asOf, period.start, period.end);
  if (monthOf(asOf) > addMonths(monthOf(period.end), 12))
    return words.asOfAfterPeriod(asOf, period.start, period.end);
  return null;
}

function asOfNote(asOf: IsoDate, given: boolean, example: boolean, lang: Lang): string {
  const words = CATALOGUES[lang].cli;
  if (given) return words.asOfGiven(asOf);
  return example ? words.asOfExample(asOf) : words.asOfToday(asOf);
}

/** Whether the folder's report is of another plan: another product, or (one naming none) no key result in common. */
function ofAnotherPlan(folder: FolderReport, planJson: PlanJson): boolean {
  const named: unknown = planJson.strategy?.product;
  const product = typeof named === 'string' ? named.trim() || null : null;
  if (product && folder.product) return product.toLowerCase() !== folder.product.toLowerCase();
  const ids = new Set(folder.keyResults);
  return (
    ids.size > 0 &&
    planJson.keyResults.length > 0 &&
    !planJson.keyResults.some((k) => ids.has(k.id.toLowerCase()))
  );
}

/**
 * What writing this report over the report in --out would lose, as the refusal says it, or null when it loses
 * nothing the user did not ask to lose (docs/report.md, "Since the last report"):
 * - a report of another plan with a history: --out named by mistake (--new-history replaces it);
 * - with a --previous used, a report the folder's history reaches that this report's history does not carry on:
 *   --previous older than the folder's report (skipsReport), or of another line, which never held the folder's
 *   reports (notCarried; the same day's report made again: what the folder's was compared with). Such a --previous
 *   can be used, so --new-history does not change that;
 * - without one, a report later than this one (--new-history replaces it). An earlier report of this plan is
 *   replaced, its history starting afresh, as asked.
 */
function folderLoss(
  folder: FolderReport,
  planJson: PlanJson,
  asOf: IsoDate,
  reaches: Reaches | undefined,
): { problem: keyof typeof OUTPUT_MESSAGES; params: Params; newHistoryReplaces: boolean } | null {
  if (ofAnotherPlan(folder, planJson)) {
    if (folder.reports === 0) return null;
    const params = {
      product: folder.product ?? '?',
      current: planJson.strategy?.product?.trim() || '?',
      asOf: folder.asOf,
      reports: folder.reports,
    };
    return { problem: 'otherPlanReport', params, newHistoryReplaces: true };
  }
  const compared = planJson.sincePrevious?.asOf;
  if (reaches && compared) {
    // The latest report the folder's history reaches: its own, unless this is that report made again the same day.
    const latest =
      folder.asOf !== asOf ? folder.asOf : (folder.comparedWith ?? folder.history.at(-1) ?? null);
    if (latest === null || carriesOn(reaches, latest)) return null;
    const params = { lost: latest, previous: compared };
    return { problem: latest > compared ? 'skipsReport' : 'notCarried', params, newHistoryReplaces: false };
  }
  if (folder.asOf > asOf)
    return { problem: 'laterReport', params: { lost: folder.asOf, asOf }, newHistoryReplaces: true };
  return null;
}

async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, said } = parse('report', argv, COMMAND_OPTIONS.report);
  if (values.help) {
    io.out(usage(said));
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('tooManyFiles', said, { command: 'report', count: positionals.length });
  if (positionals[0] === '') throw new UsageError('emptyFile', said, { command: 'report' });
  const newHistory = values['new-history'] === true;
  const lang = parseLang(values.lang as string | undefined);
  const givenAsOf = parseAsOf(values['as-of'] as string | undefined, said);
  const givenLocale = parseLocale(values.locale as string | undefined, said);
  const file = positionals[0];
  const sheet = values.sheet as string | undefined;
  // The chart worker starts first, so that Vega loads while the workbook is read (render/chart-thread.ts).
  const charts = startChartThread();
  try {
    const input = withLocale(await loadInput(file, lang, io, sheet), givenLocale);
    requirePlanTabs(input, lang);
    // What is said about the plan from here on is in the report's language: --lang, else the plan's, as the
    // parser decides it (its Language cell, else most of its tab names), so even before the plan is read as a whole.
    const reportLang = lang ?? planLanguageOf(input.workbook, { timeZone: input.timeZone });
    sayingIn = reportLang;
    const missing = missingRequiredTabs(input.workbook, reportLang);
    if (missing.tabs.length) {
      throw new XlsxReadError(
        input.source ?? CATALOGUES[reportLang].cli.builtInExample(),
        CATALOGUES[reportLang].cli.missingTabs(missing.tabs, missing.fixes),
      );
    }
    const example = input.source === null;
    const asOf = givenAsOf ?? (example ? EXAMPLE_AS_OF : io.today(input.timeZone));
    const outDir = (values.out as string | undefined) ?? DEFAULT_REPORT_DIR;
    const target = resolve(io.cwd(), outDir);
    // The report replaces its folder (a new one renamed into place): the folder the command runs in, or one holding
    // it, would leave the shell in a folder that no longer exists.
    const up = relative(target, io.cwd());
    if (up === '' || (up !== '..' && !up.startsWith(`..${sep}`) && !isAbsolute(up)))
      throw new OutputError(outDir, say(OUTPUT_MESSAGES.workingFolder, reportLang));
    const { prepareReport, removeLeftovers, reportFiles, reportInFolder, writeReportDir } =
      await import('./generate');
    // A report a killed run left aside is put back first: --previous may name it, and its history is to be kept.
    await removeLeftovers(target);
    // The previous report, or why it cannot be used (decided below, once the report's language is known).
    const previousRef = values.previous as string | undefined;
    let previous: { json: PlanJson; source: string } | undefined;
    let problem: PreviousProblem | undefined;
    if (previousRef !== undefined) {
      const loaded = await loadPrevious(previousRef, io.cwd());
      // Named in messages without an address's query (a signed URL's token is a secret: job logs are read by others).
      if (loaded.ok) previous = { json: loaded.previous, source: shownSource(previousRef) };
      else problem = loaded.problem;
    }
    const built = await prepareReport(input.workbook, {
      asOf,
      lang,
      source: input.source,
      timeZone: input.timeZone,
      locale: input.locale,
      previous,
      renderChart: charts?.render,
    });
    problem ??= built.previousProblem;
    // Said in the report's language: --lang, else the plan's.
    const said = lang ?? built.lang;
    const inFolder = await reportInFolder(target);
    // The --previous given is this folder's own report: pointing at it again is no way out.
    const ownReport =
      previousRef !== undefined &&
      [target, join(target, PLAN_JSON_FILE)].includes(resolve(io.cwd(), previousRef));
    const suggest = join(outDir, PLAN_JSON_FILE);
    // --previous was to carry the history on and cannot be used (a typo, a damaged file, the product renamed): a
    // report written without it starts the history again, and a scheduled job would publish it over the one that
    // holds it (exit 0, a year of trend gone). Refused, nothing written, unless --new-history says to start again.
    // Two cases lose nothing: an address that answers 404 (nothing published yet: the first scheduled run) and the
    // first report ever made again the same day (it holds no history).
    if (problem && !newHistory && problem.kind !== 'unpublished' && problem.kind !== 'unstarted') {
      const advice =
        problem.kind === 'renamed'
          ? say(PREVIOUS_MESSAGES.adviceRenamed, said, { current: built.planJson.strategy?.product ?? '' })
          : problem.kind === 'unreachable'
            ? say(PREVIOUS_MESSAGES.adviceUnreachable, said)
            : ownReport
              ? say(PREVIOUS_MESSAGES.adviceOwn, said)
              : inFolder
                ? say(PREVIOUS_MESSAGES.adviceFolder, said, { out: outDir, suggest })
                : say(PREVIOUS_MESSAGES.adviceOther, said);
      throw new PreviousError(say(PREVIOUS_MESSAGES.refused, said, { why: problem.why(said), advice }));
    }
    // Even then, a report in --out that holds a history is not replaced by one that does not carry it on.
    if (problem && !newHistory && inFolder && inFolder.reports > 0)
      throw new PreviousError(
        say(PREVIOUS_MESSAGES.historyAtRisk, said, {
          why: problem.why(said),
          out: outDir,
          reports: inFolder.reports,
          suggest,
        }),
      );
    // Nor is a report the folder's history reaches left out of this one's, nor another plan's history, nor a later
    // report replaced by an earlier one (folderLoss). Refused, nothing changed.
    const loss = inFolder ? folderLoss(inFolder, built.planJson, asOf, built.reaches) : null;
    if (loss && !(newHistory && loss.newHistoryReplaces))
      throw new OutputError(outDir, say(OUTPUT_MESSAGES[loss.problem], said, { ...loss.params, suggest }));
    // Each page is written as soon as it is drawn.
    const written = await writeReportDir(target, reportFiles(built), outDir, said);
    // Said once the report is written, so that it is true: why it has no "Since the last report".
    if (problem)
      io.err(
        `gtm-pyramid: ${oneLine(
          say(newHistory ? PREVIOUS_MESSAGES.startedAgain : PREVIOUS_MESSAGES.writtenWithout, said, {
            why: problem.why(said),
          }),
        )}`,
      );
    const outside = asOfOutsidePeriod(asOf, built.plan.period, built.lang);
    if (outside) io.err(`gtm-pyramid: ${outside}`);
    const counts = countBySeverity(built.issues);
    const index = resolve(target, 'index.html');
    const shown = relative(io.cwd(), index) || index;
    // Said in the report's language (--lang, else the plan's).
    const words = CATALOGUES[built.lang].cli;
    io.out(words.reportWritten(shown.startsWith('..') ? index : shown));
    io.out(
      words.reportSummary(
        // A live sheet's title is its editors' text: kept on its line, as cell text is.
        oneLine(input.source ?? words.builtInExample()),
        built.plan.keyResults.length,
        counts.error,
        counts.warning,
        written.length,
      ),
    );
    io.out(asOfNote(asOf, givenAsOf !== undefined, example, built.lang));
    if (previous && !problem)
      io.out(
        // The report compared with: a run again the same day is compared with what that day's first run was.
        say(PREVIOUS_MESSAGES.used, built.lang, {
          source: previous.source,
          previous: built.planJson.sincePrevious?.asOf ?? previous.json.asOf,
        }),
      );
    io.out(words.open(pathToFileURL(index).href));
    // The report is written either way; the exit code tells a pipeline whether to publish it (docs/report.md).
    if (built.plan.keyResults.length === 0) {
      io.err(`gtm-pyramid: ${words.noKeyResults()}`);
      return 2;
    }
    if (counts.error > 0) {
      io.err(`gtm-pyramid: ${words.planHasErrors(counts.error)}`);
      return 1;
    }
    return 0;
  } finally {
    await charts?.close();
  }
}

/**
 * The lines of one issue in a terminal, in columns: the severity in the reader's language (Warning, 警告), the cell,
 * the message, then the fix below. `width` is how many columns a text takes (string-width: two for each CJK and
 * full-width character), loaded by check's text output only: the entry itself loads no package.
 */
function issueLine(issue: PlanIssue, lang: Lang, width: (text: string) => number): string {
  const words = CATALOGUES[lang].glossary;
  const where = issue.a1 ? `${issue.sheet}!${issue.a1}` : issue.sheet;
  const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));
  const severityWidth = Math.max(...(['error', 'warning', 'tip'] as const).map((s) => width(words[s])));
  const indent = severityWidth + 1 + 20 + 1;
  // Cell text quoted in the message stays on its line (oneLine): each issue's two lines are the command's own.
  return `${pad(words[issue.severity], severityWidth)} ${pad(oneLine(where), 20)} ${oneLine(issue.message[lang])}\n${' '.repeat(indent)}${words.fix}${isChinese(lang) ? '：' : ': '}${oneLine(issue.fix[lang])}`;
}

async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, said } = parse('check', argv, COMMAND_OPTIONS.check);
  if (values.help) {
    io.out(usage(said));
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('tooManyFiles', said, { command: 'check', count: positionals.length });
  if (positionals[0] === '') throw new UsageError('emptyFile', said, { command: 'check' });
  const langOption = parseLang(values.lang as string | undefined);
  const givenAsOf = parseAsOf(values['as-of'] as string | undefined, said);
  const givenLocale = parseLocale(values.locale as string | undefined, said);
  const file = positionals[0];
  const input = withLocale(
    await loadInput(file, langOption, io, values.sheet as string | undefined),
    givenLocale,
  );
  requirePlanTabs(input, langOption);
  const asOf = givenAsOf ?? (input.source === null ? EXAMPLE_AS_OF : io.today(input.timeZone));
  const { plan, issues } = analyzeWorkbook(input.workbook, {
    asOf,
    timeZone: input.timeZone ?? 'UTC',
    locale: input.locale,
  });
  const lang = langOption ?? plan.lang;
  sayingIn = lang;
  const outside = asOfOutsidePeriod(asOf, plan.period, lang);
  if (outside) io.err(`gtm-pyramid: ${outside}`);
  const counts = countBySeverity(issues);
  // The built-in example by the one name report gives it too.
  const name = input.source ?? CATALOGUES[lang].cli.builtInExample();
  if (values.json) {
    io.out(
      terminalJson(
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
      ),
    );
  } else {
    io.out(CATALOGUES[lang].cli.checkSummary(oneLine(name), counts.error, counts.warning, counts.tip, asOf));
    const { default: stringWidth } = await import('string-width');
    for (const issue of issues) io.out(issueLine(issue, lang, stringWidth));
    // A long list ends with how many of each kind, most first, so the kinds are seen at a glance.
    if (issues.length > TALLY_AFTER) {
      const byCode = new Map<string, number>();
      for (const issue of issues) byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
      const kinds = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${n} × ${code}`);
      io.out(CATALOGUES[lang].cli.checkTally(joinList(kinds, lang), CHECKS_GUIDE));
    }
  }
  return counts.error > 0 ? 1 : 0;
}

async function exampleCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, said } = parse('example', argv, COMMAND_OPTIONS.example);
  if (values.help) {
    io.out(usage(said));
    return 0;
  }
  if (positionals.length)
    throw new UsageError('unexpectedArgument', said, { command: 'example', value: positionals[0] });
  const lang = parseLang(values.lang as string | undefined) ?? 'en';
  const given = (values.out as string | undefined) ?? DEFAULT_EXAMPLE_FILE;
  // A folder (one that exists, or a name ending in a slash) gets the file in it, as cp would put it.
  const intoFolder =
    /[/\\]$/.test(given) ||
    (existsSync(resolve(io.cwd(), given)) && statSync(resolve(io.cwd(), given)).isDirectory());
  const out = intoFolder ? join(given, DEFAULT_EXAMPLE_FILE) : given;
  // plan.csv or a name without one would hold an .xlsx workbook that nothing opens by its name.
  if (!/\.xlsx$/i.test(out)) throw new OutputError(out, say(OUTPUT_MESSAGES.notXlsxName, lang));
  const target = resolve(io.cwd(), out);
  if (existsSync(target) && !values.force) throw new OutputError(out, say(OUTPUT_MESSAGES.exists, lang));
  try {
    // The writer (and exceljs) are loaded only for this command.
    const { exampleXlsxBuffer, writeFileAtomic } = await import('./write-xlsx');
    await writeFileAtomic(target, await exampleXlsxBuffer(lang));
  } catch (error) {
    throw new OutputError(out, say(OUTPUT_MESSAGES.unwritable, lang, { code: codeOf(error, lang) }));
  }
  io.out(CATALOGUES[lang].cli.exampleWritten(out, lang));
  io.out(CATALOGUES[lang].cli.exampleImport());
  return 0;
}

export async function main(argv: string[], given: CliIo = defaultIo): Promise<number> {
  // Whatever is said, control characters are shown, not obeyed: messages quote cells (report/terminal.ts).
  const io: CliIo = {
    ...given,
    out: (text) => given.out(terminalText(text)),
    err: (text) => given.err(terminalText(text)),
  };
  const { command, rest } = languageAfterCommand(argv);
  sayingIn = argumentsLang(rest);
  const code = await run(command, rest, io);
  // The standard output failed before the command ended: it could not finish, whatever it found.
  return outputFailed ? 2 : code;
}

async function run(command: string | undefined, rest: string[], io: CliIo): Promise<number> {
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
        // No command: a mistake, its usage on stderr (what a script reads on stdout is no usage).
        io.err(usage(argumentsLang(rest)));
        return 2;
      case 'help':
      case '--help':
      case '-h':
        io.out(usage(argumentsLang(rest)));
        return 0;
      default:
        throw new UsageError('unknownCommand', argumentsLang(rest), { command });
    }
  } catch (error) {
    if (
      error instanceof XlsxReadError ||
      error instanceof SheetReadError ||
      error instanceof OutputError ||
      error instanceof PreviousError ||
      error instanceof UsageError
    ) {
      io.err(`gtm-pyramid: ${oneLine(error.message)}`);
      return 2;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.err(
      `gtm-pyramid: ${say(USAGE_MESSAGES.unexpectedFailure, sayingIn, { command: command ?? '', message })}`,
    );
    return 2;
  }
}

// Run directly (npm run report / check / example): `tsx report/cli.ts report ...`. No top-level await: the
// installed command compiles this module into a CommonJS file (report/installed.ts), where there is none.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
