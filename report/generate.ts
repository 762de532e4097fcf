/**
 * The report pipeline, one stage after the other, and the output folder:
 *
 *   workbook → analyzeWorkbook (shared/) → buildReportView → renderCharts → renderPages + buildPlanJson
 *
 * Output is written to a temporary folder beside DIR and renamed into place, so DIR never holds a partial
 * report. An existing DIR is replaced only when it holds a previous report of ours (a marker file listing the
 * files we wrote) and nothing else; any other folder is left untouched and reported.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat as statOf,
  writeFile,
} from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

import type { IsoDate } from '../shared/calendar';
import type { Workbook } from '../shared/cells';
import { analyzeWorkbook } from '../shared/checks';
import type { PlanIssue } from '../shared/issues';
import type { Plan } from '../shared/plan';
import type { PlanProgress } from '../shared/progress';
import type { Params } from '../shared/i18n';
import type { Lang } from '../shared/template';
import { chartFiguresOf, drawCharts, withCharts, type ChartTiming, type DrawnCharts } from './charts';
import type { ChartRenderer } from './render/chart-thread';
import { codeOf, OutputError } from './errors';
import { OUTPUT_MESSAGES, say } from './i18n';
import { makeFolders } from './make-folders';
import { GENERATOR } from './package-info';
import { buildPlanJson, PLAN_JSON_FILE, type PlanJson } from './plan-json';

export { PLAN_JSON_FILE };
import {
  comparePrevious,
  malformedPrevious,
  type Comparison,
  type PreviousProblem,
  type Reaches,
} from './previous';
import { pagesOf, renderPage, renderPages } from './render/html';
import { buildReportView, type ReportView, type ViewOptions } from './view-model';
import { attachSincePrevious } from './view/since-previous';

export const MARKER_FILE = '.gtm-pyramid-report';
const LARGE_JSON_KEY_RESULTS = 200;

// Defined in light modules (the CLI imports them without loading this pipeline); re-exported for callers here.
export { GENERATOR, OutputError };

export interface ReportOptions {
  asOf: IsoDate;
  /** The report's language; default: the plan's own. */
  lang?: Lang;
  /** The input's file name for the header and plan.json; null for the built-in example. */
  source: string | null;
  /** The spreadsheet's time zone, for Date cells (a live sheet); default UTC, as exceljs reads an .xlsx. */
  timeZone?: string;
  /** The spreadsheet's locale (a live sheet), for numbers typed as text; default: dot-decimal, as in a file. */
  locale?: string;
  /** The previous report's plan.json (--previous), already read, and how it was named. */
  previous?: { json: PlanJson; source: string };
  /** Draws the charts; default: in this thread (the command passes its chart worker's, render/chart-thread.ts). */
  renderChart?: ChartRenderer;
  /** View thresholds (tests and the benchmark). */
  view?: Partial<Pick<ViewOptions, 'largePlanKeyResults' | 'chartLimit' | 'issuesPerSeverity'>>;
}

export interface ReportFile {
  name: string;
  data: string;
}

export interface StageTimings {
  analyze: number;
  view: number;
  charts: number;
  html: number;
  json: number;
}

export interface BuiltReport {
  lang: Lang;
  plan: Plan;
  issues: PlanIssue[];
  progress: PlanProgress;
  view: ReportView;
  files: ReportFile[];
  charts: number;
  timings: StageTimings;
  /** Why the previous report given could not be compared with (the CLI decides what follows). */
  previousProblem?: PreviousProblem;
}

/**
 * The report up to its pages: every stage after reading but the drawing of the pages and plan.json's text; the
 * charts may still be being drawn (`charts`), while the pages that have none are drawn (reportFiles).
 */
export interface PreparedReport {
  lang: Lang;
  plan: Plan;
  issues: PlanIssue[];
  progress: PlanProgress;
  /** The views, without their charts' SVG (withCharts adds it). */
  view: ReportView;
  /** The charts' SVG, once drawn; rejected if one could not be drawn. */
  charts: Promise<DrawnCharts>;
  planJson: PlanJson;
  /** How many charts, and how long they took (from the views to the last chart), once `charts` is settled. */
  chartTiming: ChartTiming;
  timings: Omit<StageTimings, 'charts' | 'html' | 'json'>;
  /** Why the previous report given could not be compared with (the CLI decides what follows). */
  previousProblem?: PreviousProblem;
  /** The reports this report's history carries on, when it was compared with a previous one. */
  reaches?: Reaches;
}

/** Analyse the plan, build the views, render the charts and compare with the previous report. */
export async function prepareReport(workbook: Workbook, options: ReportOptions): Promise<PreparedReport> {
  const t0 = performance.now();
  const { plan, issues, progress } = analyzeWorkbook(workbook, {
    asOf: options.asOf,
    timeZone: options.timeZone ?? 'UTC',
    locale: options.locale,
  });
  const t1 = performance.now();
  const lang = options.lang ?? plan.lang;
  const bare = buildReportView(plan, issues, progress, {
    ...options.view,
    lang,
    asOf: options.asOf,
    source: options.source,
  });
  const t2 = performance.now();
  const chartTiming: ChartTiming = { charts: 0, ms: 0 };
  // Drawn while the rest is prepared and the pages without charts are drawn (in the command's chart worker).
  const charts = drawCharts(bare, options.renderChart, chartTiming);
  // Awaited when the pages with charts are drawn; a report stopped before them (a refusal) leaves no unhandled
  // rejection behind.
  charts.catch(() => {});
  const planJson = buildPlanJson(plan, issues, progress, {
    lang,
    source: options.source,
    generator: GENERATOR,
  });
  // Since the last report: compared before the pages are drawn, as the company page shows it first.
  let previousProblem: PreviousProblem | undefined;
  let reaches: Reaches | undefined;
  if (options.previous) {
    let compared: Comparison;
    try {
      compared = comparePrevious(planJson, options.previous.json, options.previous.source);
    } catch {
      // A file from elsewhere, read defensively; whatever it holds that the comparison did not expect is a
      // problem of that file, never a crash.
      compared = { ok: false, problem: malformedPrevious(options.previous.source) };
    }
    if (compared.ok) {
      planJson.sincePrevious = compared.sincePrevious;
      planJson.history = compared.history;
      planJson.comparedWith = compared.comparedWith;
      reaches = compared.reaches;
    } else previousProblem = compared.problem;
  }
  attachSincePrevious(bare, planJson);
  return {
    lang,
    plan,
    issues,
    progress,
    view: bare,
    charts,
    planJson,
    chartTiming,
    previousProblem,
    reaches,
    timings: { analyze: t1 - t0, view: t2 - t1 },
  };
}

/** plan.json's file: indented for people while the plan is small; compact for large plans (a third of the size). */
function planJsonFile(report: PreparedReport): ReportFile {
  const indent = report.plan.keyResults.length <= LARGE_JSON_KEY_RESULTS ? 2 : undefined;
  return { name: PLAN_JSON_FILE, data: `${JSON.stringify(report.planJson, null, indent)}\n` };
}

/**
 * The report's files, each page drawn only when the next file is asked for: writeReportDir then writes each page
 * while the next is drawn, rather than drawing them all before writing any. The pages without charts come first,
 * drawn while the charts are (in the command's chart worker); then those with charts, then plan.json.
 */
export async function* reportFiles(report: PreparedReport): AsyncGenerator<ReportFile> {
  const charted = (page: ReturnType<typeof pagesOf>[number]) => chartFiguresOf(page).length > 0;
  for (const page of pagesOf(report.view))
    if (!charted(page)) yield { name: page.file, data: renderPage(page) };
  const view = withCharts(report.view, await report.charts);
  for (const page of pagesOf(view)) if (charted(page)) yield { name: page.file, data: renderPage(page) };
  yield planJsonFile(report);
}

/** Run every stage after reading: the files of the report, in memory. */
export async function buildReport(workbook: Workbook, options: ReportOptions): Promise<BuiltReport> {
  const report = await prepareReport(workbook, options);
  const view = withCharts(report.view, await report.charts);
  const t0 = performance.now();
  const pages = renderPages(view);
  const t1 = performance.now();
  const json = planJsonFile(report);
  const t2 = performance.now();
  return {
    lang: report.lang,
    plan: report.plan,
    issues: report.issues,
    progress: report.progress,
    view,
    files: [...pages.map((p) => ({ name: p.file, data: p.html })), json],
    charts: report.chartTiming.charts,
    previousProblem: report.previousProblem,
    timings: { ...report.timings, charts: report.chartTiming.ms, html: t1 - t0, json: t2 - t1 },
  };
}

/** What macOS Finder and Windows Explorer write into a folder they have shown: nobody's work. */
const FILE_MANAGER_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

interface Marker {
  generator: string;
  files: string[];
}

/**
 * Whether DIR may be replaced: missing, empty, or a previous report of ours and nothing else; and when it may, the
 * folder as it is (its mode and group go to the new one).
 */
async function checkReplaceable(dir: string, shownDir: string, refused: Refuse): Promise<Stats | 'missing'> {
  let stat;
  try {
    stat = await lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw refused('uninspectable', {}, error);
  }
  if (stat.isSymbolicLink()) throw refused('symlink');
  if (!stat.isDirectory()) throw refused('notFolder');
  // A mount point cannot be renamed (EBUSY), and the report replaces its folder by a rename: said before anything
  // is written. (A bind mount of a folder of the same disk is found by the rename's EBUSY.)
  const parent = await statOf(dirname(dir)).catch(() => null);
  if (parent && parent.dev !== stat.dev) throw refused('mountPoint', { out: shownDir });
  const listed = await readdir(dir, { withFileTypes: true });
  const entries = listed.map((e) => e.name);
  if (entries.length === 0) return stat;
  if (!entries.includes(MARKER_FILE)) throw refused('notOurs', { marker: MARKER_FILE });
  let marker: Marker;
  try {
    marker = JSON.parse(await readFile(join(dir, MARKER_FILE), 'utf8')) as Marker;
  } catch {
    throw refused('markerUnreadable', { marker: MARKER_FILE });
  }
  const ours = new Set([...(Array.isArray(marker.files) ? marker.files : []), MARKER_FILE]);
  // A report is files only: a folder is never ours, whatever the marker says (a hand-edited one named "assets").
  // The files a file manager leaves in a folder it showed (.DS_Store …) go with the previous report.
  const foreign = listed
    .filter((e) => !e.isFile() || !(ours.has(e.name) || FILE_MANAGER_FILES.has(e.name)))
    .map((e) => e.name);
  if (foreign.length) {
    const files = `${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}`;
    throw refused('foreignFiles', { files });
  }
  return stat;
}

/** The report of ours in a folder, as the command weighs what replacing it would lose (reportInFolder). */
export interface FolderReport {
  asOf: string;
  /** How many reports its history holds: its earlier ones and itself; 0 without history. */
  reports: number;
  /** The as-of dates of its earlier reports, oldest first. */
  history: string[];
  /** The as-of date of the report it was compared with, or null. */
  comparedWith: string | null;
  /** The product its Strategy tab named, or null. */
  product: string | null;
  /** Its key results' IDs, lower case: a report of another plan shares none (when neither names a product). */
  keyResults: string[];
}

/**
 * The report of ours in DIR, or null when DIR holds none. The history lives only in the published plan.json: a
 * report written over it without carrying it on starts the history again.
 */
export async function reportInFolder(dir: string): Promise<FolderReport | null> {
  try {
    await lstat(join(dir, MARKER_FILE));
    const json = JSON.parse(await readFile(join(dir, PLAN_JSON_FILE), 'utf8')) as {
      asOf?: unknown;
      history?: unknown;
      comparedWith?: { asOf?: unknown };
      strategy?: { product?: unknown };
      keyResults?: unknown;
    };
    const history = Array.isArray(json.history)
      ? json.history.flatMap((h: { asOf?: unknown } | null) => (typeof h?.asOf === 'string' ? [h.asOf] : []))
      : [];
    const comparedWith = json.comparedWith?.asOf;
    const product = json.strategy?.product;
    return {
      asOf: typeof json.asOf === 'string' ? json.asOf : '',
      reports: history.length > 0 ? history.length + 1 : 0,
      history,
      comparedWith: typeof comparedWith === 'string' ? comparedWith : null,
      product: typeof product === 'string' ? product.trim() || null : null,
      keyResults: Array.isArray(json.keyResults)
        ? json.keyResults.flatMap((k: { id?: unknown } | null) =>
            typeof k?.id === 'string' ? [k.id.toLowerCase()] : [],
          )
        : [],
    };
  } catch {
    return null;
  }
}

/** An OutputError naming the folder as the user gave it, in their language. */
type Refuse = (problem: keyof typeof OUTPUT_MESSAGES, params?: Params, error?: unknown) => OutputError;

/**
 * Write each file into `folder` as `files` hands it over, and the names written. `files` may be lazy (reportFiles
 * draws each page when asked for the next file, and may wait for the charts), so only one page is held at a time.
 *
 * Each file is written synchronously: one open, write and close, with no round trip through libuv's thread pool,
 * which cost more than it saved by overlapping the disk with drawing (docs/report.md, Speed: 337 files in 8–10 ms
 * against 18–36 ms in memory, at a third of the CPU).
 */
async function writeAll(
  folder: string,
  files: Iterable<ReportFile> | AsyncIterable<ReportFile>,
): Promise<string[]> {
  const names: string[] = [];
  for await (const file of files) {
    names.push(file.name);
    writeFileSync(join(folder, file.name), file.data);
    // Now and then the event loop turns, so that Ctrl-C (writeReportDir's handler) is answered within a large report.
    if (names.length % TURN_EVERY_FILES === 0) await new Promise<void>((done) => setImmediate(done));
  }
  return names;
}

/** Files written between two turns of the event loop: 64 pages are drawn and written in about 50 ms. */
const TURN_EVERY_FILES = 64;

/**
 * Write the files into DIR: into a temporary sibling folder first, then renamed into place. On any failure (a
 * write, or drawing a page of a lazy `files`) the temporary folder is removed and DIR is as it was. Returns the
 * names of the files written.
 */
export async function writeReportDir(
  dir: string,
  files: Iterable<ReportFile> | AsyncIterable<ReportFile>,
  shown = dir,
  lang: Lang = 'en',
): Promise<string[]> {
  // A file system error is named by its code and what that means ("EACCES: permission denied").
  const refused: Refuse = (problem, params = {}, error) =>
    new OutputError(
      shown,
      say(
        OUTPUT_MESSAGES[problem],
        lang,
        error === undefined ? params : { ...params, code: codeOf(error, lang) },
      ),
    );
  const target = resolve(dir);
  const parent = dirname(target);
  await removeLeftovers(target);
  const state = await checkReplaceable(target, shown, refused);
  // The report is made beside DIR and renamed into place: the folder DIR is in must be writable, not only DIR.
  const shownParent = dirname(shown) === '.' ? parent : dirname(shown);
  const inParent = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      return refused('parentUnwritable', { parent: shownParent }, error);
    if (code === 'EBUSY') return refused('mountPoint', { out: shown });
    return error;
  };
  try {
    await makeFolders(parent);
  } catch (error) {
    throw refused('noParent', {}, error);
  }
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(parent, asideName(target, 'tmp', tag));
  const old = join(parent, asideName(target, 'old', tag));
  // Stopped while writing (Ctrl-C, a CI job cancelled): the half-written folder goes with the process, not left
  // beside the report for a publish step to pick up. Stopped between the two renames that swap the folders, DIR
  // is missing: the previous report goes back in its place (its history with it); stopped after them, the new
  // one stays and the previous one goes. The signal is then raised again, so the exit is as usual.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      if (existsSync(old)) {
        if (existsSync(target)) rmSync(old, { recursive: true, force: true });
        else renameSync(old, target);
      }
      rmSync(temp, { recursive: true, force: true });
    } catch {
      // What cannot be cleared now is cleared by the next run into DIR (removeLeftovers); the signal still ends it.
    }
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await mkdir(temp).catch((error: unknown) => {
      throw inParent(error);
    });
    // The new folder is the old one's in all but its files: its permissions (a group-writable folder, setgid, so
    // that its files are the group's) and, where this process may set it, its group. Before the files are written,
    // which take the group from a setgid folder.
    if (state !== 'missing') {
      await chown(temp, -1, state.gid).catch(() => {});
      await chmod(temp, state.mode & 0o7777).catch(() => {});
    }
    const names = await writeAll(temp, files);
    const marker: Marker = { generator: GENERATOR, files: names };
    await writeFile(join(temp, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
    if (state !== 'missing') {
      await rename(target, old).catch((error: unknown) => {
        throw inParent(error);
      });
      try {
        await rename(temp, target);
      } catch (error) {
        await rename(old, target);
        throw inParent(error);
      }
      // The report is in place: the previous one left aside, if it cannot be removed now, goes on the next run.
      await rm(old, { recursive: true, force: true }).catch(() => {});
    } else {
      await rename(temp, target).catch((error: unknown) => {
        throw inParent(error);
      });
    }
    return names;
  } catch (error) {
    // The failure is the answer: a folder that cannot be removed now (its parent unwritable, it was never made) is
    // removed by the next run into DIR, and never hides why this one failed.
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    if (error instanceof OutputError) throw error;
    // Not the file system's failure (a page that could not be drawn): a bug to report as it is.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw refused('unwritable', {}, error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Whether a process is running (signal 0 tests it; EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The name of a folder beside DIR while a report is written: `tmp`, the new report; `old`, the previous one moved
 * aside. Its length is the same whatever DIR's (DIR's name by a hash of it, not as it is), so that a DIR whose name
 * is as long as the file system allows (255 bytes: 85 Chinese characters) still has room beside it.
 */
const asideName = (target: string, kind: 'tmp' | 'old', tag: string): string =>
  `.gtm-pyramid-${kind}-${nameHash(basename(target))}-${tag}`;
const nameHash = (name: string): string => createHash('sha256').update(name).digest('hex').slice(0, 12);

/**
 * The temporary folders of a run that was killed outright (no signal to catch): ours by their name (asideName; or
 * `.DIR.tmp-<pid>-<hex>`, `.DIR.old-<pid>-<hex>` as earlier versions named them) and their process gone. A folder of a run still going is kept.
 * A run killed between moving the report aside and moving the new one in left DIR missing and the report only in
 * its `.old-` folder: that one is put back as DIR (its history with it), not removed.
 */
export async function removeLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return; // no parent yet: nothing left over
  }
  const hash = nameHash(name);
  const left = entries.flatMap((entry) => {
    const aside = /^\.gtm-pyramid-(tmp|old)-([0-9a-f]{12})-(\d+)-[0-9a-f]{8}$/.exec(entry);
    const earlier = entry.startsWith(`.${name}.`)
      ? /^(tmp|old)-(\d+)-[0-9a-f]{8}$/.exec(entry.slice(name.length + 2))
      : null;
    const found =
      aside && aside[2] === hash
        ? { kind: aside[1], pid: aside[3] }
        : earlier
          ? { kind: earlier[1], pid: earlier[2] }
          : null;
    return found && !running(Number(found.pid)) ? [{ entry, old: found.kind === 'old' }] : [];
  });
  const restore = entries.includes(name) ? undefined : left.find((l) => l.old);
  if (restore) await rename(join(parent, restore.entry), join(parent, name));
  for (const { entry } of left)
    if (entry !== restore?.entry)
      await rm(join(parent, entry), { recursive: true, force: true }).catch(() => {});
}
