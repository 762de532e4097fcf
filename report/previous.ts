/**
 * "Since the last report": the previous report's plan.json (`--previous PATH|URL`) compared with this one.
 *
 * - loadPrevious reads a file, or fetches an https:// URL (http:// only on this machine: 127.0.0.1, localhost,
 *   ::1), and checks it is a plan.json of ours. What it cannot use is a PreviousProblem, never an exception: the
 *   command decides (report/cli.ts) whether the report is then written without the section (an address that
 *   answers 404: nothing is published yet) or not at all (the history would be lost: exit 2 unless --new-history).
 * - comparePrevious refuses a previous report of another plan, one not before this as-of date, or one of an
 *   unknown version (a PreviousProblem each), and otherwise gives plan.json's `sincePrevious` (what moved) and
 *   `history` (each objective's attainment per earlier report, at most HISTORY_LIMIT of them, oldest first).
 *
 * Documented in docs/plan-json.md.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { IsoDate, Month } from '../shared/calendar';
import { STATUS_LABELS, type Status } from '../shared/progress';
import { isIsoDate } from '../shared/calendar';
import { unitFactor } from '../shared/cells';
import type { Localized, Params } from '../shared/i18n';
import { matchTab, type Lang } from '../shared/template';
import { codeOf } from './errors';
import { fileName } from './format';
import { PREVIOUS_MESSAGES, PREVIOUS_REASONS, say } from './i18n';
import { PLAN_JSON_FILE, PLAN_JSON_VERSION, type PlanJson } from './plan-json';

/** Earlier reports kept in `history`: a year of monthly reviews. */
export const HISTORY_LIMIT = 12;
/** How long a --previous URL may take to answer. */
const FETCH_TIMEOUT_MS = 30_000;

export type MetricKind = 'objective' | 'keyResult' | 'kpi';

export interface StatusChange {
  id: string;
  kind: MetricKind;
  from: Status;
  to: Status;
}

export interface AttainmentChange {
  id: string;
  kind: 'objective' | 'keyResult';
  from: number | null;
  to: number | null;
  /** to − from (a ratio: 0.05 is 5 points); null when either side is unknown. */
  change: number | null;
}

export interface CheckInAdded {
  id: string;
  kind: 'keyResult' | 'kpi';
  month: Month;
  actual: number;
}

/** A monthly actual the previous report had, and this one has as another value: a correction typed over it. */
export interface CheckInCorrected {
  id: string;
  kind: 'keyResult' | 'kpi';
  month: Month;
  was: number | null;
  actual: number | null;
  /** The metric's Unit in the previous report, when it was another: `was` is in that unit. */
  wasUnit?: string;
}

export interface TargetChange {
  timestamp: string;
  /**
   * The tab the change was made on, as the Changes tab names it: a key result's or KPI's tab, the Targets tab (a
   * custom weight, its month the field), the Strategy tab (the plan's period, no ID).
   */
  sheet: string;
  id: string;
  field: string;
  oldValue: string;
  newValue: string;
  reason: string;
  /** The Changes tab's Who: the editor's e-mail the add-on wrote, blank when Google withheld it. */
  who: string;
}

/** A key result's or KPI's target that differs between the two reports with no row for it on the Changes tab. */
export interface UnloggedTarget {
  id: string;
  kind: 'keyResult' | 'kpi';
  from: number | null;
  to: number | null;
  /** The metric's Unit in the previous report, when it was another: `from` is in that unit. */
  fromUnit?: string;
}

/** A key result's or KPI's Unit that differs between the two reports with no row for it on the Changes tab. */
export interface UnloggedUnit {
  id: string;
  kind: 'keyResult' | 'kpi';
  from: string;
  to: string;
}

/** An objective, key result or KPI in one of the two reports only: its ID and its name in the report that has it. */
export interface PlanItem {
  id: string;
  kind: MetricKind;
  name: string;
}

export interface SincePrevious {
  /** The previous report's as-of date. */
  asOf: IsoDate;
  /** --previous as given. */
  source: string;
  statusChanges: StatusChange[];
  attainment: AttainmentChange[];
  checkIns: CheckInAdded[];
  /** Monthly actuals that changed or were removed since the previous report. */
  corrections: CheckInCorrected[];
  /** Rows of the Changes tab dated after the previous as-of date, up to this one. */
  targetChanges: TargetChange[];
  /** Targets that moved between the two reports with no row on the Changes tab in that time. */
  unloggedTargets: UnloggedTarget[];
  /** Units that changed between the two reports with no row on the Changes tab in that time. */
  unloggedUnits: UnloggedUnit[];
  /** In this report, not the previous one. */
  added: PlanItem[];
  /**
   * In the previous report, not this one: a key result dropped from the plan leaves no row behind it (and no line
   * on the Changes tab), so this is the only place a review learns it is gone.
   */
  removed: PlanItem[];
}

/**
 * The report a report was compared with, as much of it as the comparison reads (plan.json `comparedWith`): so that
 * the same day's report made again (a fix, the job run twice) is compared with the same report, and its history
 * carried on, as if the first had not been made. Read from a file from elsewhere, so every value is checked.
 */
export interface ComparedReport {
  asOf: IsoDate;
  product: string | null;
  objectives: { id: string; title: string; status: Status; attainment: number | null }[];
  keyResults: ComparedMetric[];
  kpis: ComparedMetric[];
  /** The rows of its Changes tab, each as changeKey makes it; null when the report did not say (hand-made). */
  changes: string[] | null;
  /** Those of them its own "since the last report" listed (a row dated after it is listed when in effect). */
  listed: string[];
}

interface ComparedMetric {
  id: string;
  name: string;
  status: Status;
  attainment: number | null;
  target: number | null;
  /** Its Unit, which its target and actuals are in; null when the report did not say (one stored before units were). */
  unit: string | null;
  /** Each month's actual that the report had (months without one are left out). */
  actuals: Record<Month, number>;
}

export interface HistoryEntry {
  asOf: IsoDate;
  /** Objective ID → its attainment in that report (null: no data). */
  objectives: Record<string, number | null>;
}

/**
 * Why a previous report cannot be used. `why` says it in the report's language once that is known (the plan's
 * own), without what follows from it; `kind` is what it means for the history the report carries on:
 * - `unpublished`: an address that answers 404 or 410: nothing is published there yet (the first scheduled run),
 *   so there is no history to lose;
 * - `unstarted`: the same day's first report, compared with nothing and holding no history (the first report ever,
 *   made twice): nothing to carry on;
 * - `renamed`: a report of the same key results under another product name (the Strategy tab's product renamed,
 *   or another plan): its history is another product's;
 * - `unreachable`: an address that could not be read just now (no answer in time, the network down, 429 or a 5xx):
 *   the published history is still there, and the next run may read it;
 * - `unusable`: anything else (a typo, a damaged file, an unknown version, a later report): its history would be lost.
 */
export interface PreviousProblem {
  why: (lang: Lang) => string;
  kind: 'unpublished' | 'unstarted' | 'renamed' | 'unreachable' | 'unusable';
}

/** A previous report, or why it cannot be used. */
export type PreviousResult = { ok: true; previous: PlanJson } | { ok: false; problem: PreviousProblem };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Redirects a --previous address may go through, each one checked as the address itself is. */
const MAX_REDIRECTS = 5;
/**
 * The largest previous plan.json read: a plan of 1,000 key results writes about 3 MB. A larger answer is refused
 * as it streams in, before it fills the memory.
 */
const MAX_PREVIOUS_BYTES = 256 * 2 ** 20;

type ReasonKey = keyof typeof PREVIOUS_REASONS;
/** Why a previous could not be read: the reason's key and its parameters, in words only when it is said. */
class Unusable extends Error {
  constructor(
    readonly reason: ReasonKey | string,
    readonly params: Params = {},
  ) {
    super(reason);
  }
}

/** Whether an address may be read: https, or http on this machine only. */
const allowedUrl = (url: URL) =>
  url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));

/**
 * The body at an address, as text. Redirects are followed by hand, each new address checked as the first was (an
 * https address may not send the command to http elsewhere), and the body is read up to MAX_PREVIOUS_BYTES.
 */
async function fetchText(first: URL): Promise<string> {
  let url = first;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  for (let hops = 0; ; hops++) {
    const response = await fetch(url, {
      signal,
      headers: { accept: 'application/json' },
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hops >= MAX_REDIRECTS) throw new Unusable('tooManyRedirects', { count: MAX_REDIRECTS });
      try {
        url = new URL(location, url);
      } catch {
        throw new Unusable('invalidUrl');
      }
      if (!allowedUrl(url)) throw new Unusable('httpsOnly');
      if (url.username || url.password) throw new Unusable('credentials');
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Unusable('status', { status: response.status });
    }
    const tooLarge = () => new Unusable('tooLarge', { megabytes: MAX_PREVIOUS_BYTES / 2 ** 20 });
    if (Number(response.headers.get('content-length') ?? 0) > MAX_PREVIOUS_BYTES) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > MAX_PREVIOUS_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(read.value);
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
}

/** Reads the previous plan.json. Never throws: what cannot be used is a PreviousProblem. */
export async function loadPrevious(ref: string, cwd: string): Promise<PreviousResult> {
  const reason = (key: ReasonKey | string | ((lang: Lang) => string), params: Params, lang: Lang) =>
    typeof key === 'function'
      ? key(lang)
      : key in PREVIOUS_REASONS
        ? say(PREVIOUS_REASONS[key as ReasonKey], lang, params)
        : key;
  const warn = (
    message: Localized,
    key: ReasonKey | string | ((lang: Lang) => string),
    params: Params = {},
    kind: PreviousProblem['kind'] = 'unusable',
  ): PreviousResult => ({
    ok: false,
    problem: {
      why: (lang) => say(message, lang, { source: shownSource(ref), reason: reason(key, params, lang) }),
      kind,
    },
  });
  let text: string;
  if (isAddress(ref)) {
    let url: URL;
    try {
      url = new URL(ref);
    } catch {
      return warn(PREVIOUS_MESSAGES.unreadable, 'invalidUrl');
    }
    if (!allowedUrl(url)) return warn(PREVIOUS_MESSAGES.unreadable, 'httpsOnly');
    // fetch refuses an address with a user name or password, naming it whole in its error (a secret in the log).
    if (url.username || url.password) return warn(PREVIOUS_MESSAGES.unreadable, 'credentials');
    try {
      text = await fetchText(url);
    } catch (error) {
      if (error instanceof Unusable) {
        // Not found (or gone): what the published site's address answers before the first report is published.
        // Too many requests, or the server's own failure: the history is there, to be read on the next run.
        const status = error.reason === 'status' ? Number(error.params.status) : 0;
        const kind = [404, 410].includes(status)
          ? 'unpublished'
          : status === 429 || status >= 500
            ? 'unreachable'
            : 'unusable';
        return warn(PREVIOUS_MESSAGES.unreadable, error.reason, error.params, kind);
      }
      const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
      if (e.name === 'TimeoutError')
        return warn(
          PREVIOUS_MESSAGES.unreadable,
          'timeout',
          { seconds: FETCH_TIMEOUT_MS / 1000 },
          'unreachable',
        );
      // A port the fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking): never read, whenever tried.
      if (e.cause?.message === 'bad port') return warn(PREVIOUS_MESSAGES.unreadable, 'blockedPort');
      // fetch says only "fetch failed": what failed is its cause. A network error has a code (ECONNREFUSED,
      // ENOTFOUND, a certificate's): the address was not read just now, which says nothing of what is published
      // there. Anything else is no network's failure, and trying again would not help; its words are shown without
      // any address's user name, query or fragment (fetch's messages may name the address whole).
      if (e.cause?.code) return warn(PREVIOUS_MESSAGES.unreadable, e.cause.code, {}, 'unreachable');
      return warn(
        PREVIOUS_MESSAGES.unreadable,
        withoutAddresses(e.cause?.message ?? e.message ?? String(error)),
      );
    }
  } else {
    try {
      let path = resolve(cwd, ref);
      let found = await stat(path);
      // The last report's folder: its plan.json is meant (and only that: a folder without one is said so).
      if (found.isDirectory()) {
        path = join(path, PLAN_JSON_FILE);
        if (!existsSync(path)) return warn(PREVIOUS_MESSAGES.unreadable, 'noPlanJson');
        found = await stat(path);
      }
      if (found.size > MAX_PREVIOUS_BYTES)
        return warn(PREVIOUS_MESSAGES.unreadable, 'tooLarge', { megabytes: MAX_PREVIOUS_BYTES / 2 ** 20 });
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return warn(PREVIOUS_MESSAGES.unreadable, code === 'ENOENT' ? 'noFile' : (lang) => codeOf(error, lang));
    }
  }
  let json: unknown;
  try {
    // A byte-order mark, as some editors save a file, is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The published report's address rather than its plan.json's: "…/report/" answers the page.
    const folder = isAddress(ref) && !/\.json$/i.test(new URL(ref).pathname);
    return warn(PREVIOUS_MESSAGES.notPlanJson, folder ? 'notJsonFolder' : 'notJson');
  }
  if (!isRecord(json) || !('version' in json) || !Array.isArray(json.objectives))
    return warn(PREVIOUS_MESSAGES.notPlanJson, 'noVersion');
  if (json.version !== PLAN_JSON_VERSION)
    return {
      ok: false,
      problem: {
        why: (lang) =>
          say(PREVIOUS_MESSAGES.unknownVersion, lang, {
            source: shownSource(ref),
            // Written as JSON (a text "1" in quotes) so a version of the wrong type never reads as the expected one.
            version:
              typeof json.version === 'number'
                ? String(json.version)
                : JSON.stringify(json.version).slice(0, 40),
            expected: PLAN_JSON_VERSION,
          }),
        kind: 'unusable',
      },
    };
  if (typeof json.asOf !== 'string' || !isIsoDate(json.asOf) || !Array.isArray(json.keyResults))
    return warn(PREVIOUS_MESSAGES.notPlanJson, 'noAsOf');
  return { ok: true, previous: json as unknown as PlanJson };
}

/** A previous plan.json whose contents could not be compared (see comparePrevious's caller). */
export function malformedPrevious(source: string): PreviousProblem {
  return {
    why: (lang) =>
      say(PREVIOUS_MESSAGES.notPlanJson, lang, { source, reason: say(PREVIOUS_REASONS.malformed, lang) }),
    kind: 'unusable',
  };
}

const sameText = (a: unknown, b: unknown) =>
  String(a ?? '')
    .trim()
    .toLowerCase() ===
  String(b ?? '')
    .trim()
    .toLowerCase();

/** The product the plan is about, or null when the Strategy tab does not say. */
const productOf = (json: PlanJson) => {
  const product: unknown = json.strategy?.product;
  return typeof product === 'string' ? product.trim() || null : null;
};

/**
 * The reports a report's history carries on (not part of plan.json): the as-of dates of the report compared with
 * and of every earlier one its history held, oldest first, before the history is cut to HISTORY_LIMIT; `thinned`
 * when that history had been cut already, so that an earlier report of the line may be missing from it (docs/
 * report.md: a report in --out whose history this one would not carry on is refused).
 */
export interface Reaches {
  dates: IsoDate[];
  thinned: boolean;
}

export type Comparison =
  | {
      ok: true;
      sincePrevious: SincePrevious;
      history: HistoryEntry[];
      comparedWith: ComparedReport;
      reaches: Reaches;
    }
  | { ok: false; problem: PreviousProblem };

/**
 * Whether a history that reaches `reaches` carries on the report as of `asOf`: it holds it, or held it before it was
 * cut to HISTORY_LIMIT (cut as `thinned` cuts it: a report followed by a later one of its month, or the oldest).
 */
export function carriesOn(reaches: Reaches, asOf: string): boolean {
  if (reaches.dates.includes(asOf as IsoDate)) return true;
  if (!reaches.thinned) return false;
  return (
    asOf < reaches.dates[0] ||
    reaches.dates.some((date) => date > asOf && date.slice(0, 7) === asOf.slice(0, 7))
  );
}

// The previous plan.json is a file from elsewhere: its values are read defensively, as untrusted as any cell.
/** A status word we know, else 'no-data'. */
const statusOf = (value: unknown): Status =>
  typeof value === 'string' && Object.hasOwn(STATUS_LABELS, value) ? (value as Status) : 'no-data';
/** A finite number, else null. */
const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const idOf = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

/** An objective's attainment as a roll-up can give it (0 to 1: each key result counts at most 1), else null. */
const attainmentOf = (value: unknown): number | null => {
  const n = numberOf(value);
  return n !== null && n >= 0 && n <= 1 ? n : null;
};

/** Float noise out of a difference of two rounded ratios. */
const diff = (to: number | null, from: number | null) =>
  to === null || from === null ? null : Number((to - from).toPrecision(12));

const isAddress = (source: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source);

/** An address without its query or fragment: a signed URL's token is a secret, for no log or page to show. */
function withoutSecrets(address: string): string | null {
  try {
    const url = new URL(address);
    // Not url.origin, which is "null" for a scheme other than the web's (s3://bucket/…).
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

/**
 * --previous as the command's messages name it, in a job's log that others read: a file as given, an address
 * without its query or fragment.
 */
export function shownSource(source: string): string {
  return isAddress(source)
    ? (withoutSecrets(source) ?? withoutUserInfo(source.replace(/[?#].*$/s, '')))
    : source;
}

/** An address that URL cannot read, without what may be a user name and password (`https://user:pw@…`). */
const withoutUserInfo = (address: string): string =>
  address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, '$1');

/** A message with every address in it named as shownSource names it: no user name, password, query or fragment. */
const withoutAddresses = (message: string): string =>
  message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, (address) => shownSource(address));

/**
 * The previous report as plan.json names it for everyone who opens the published site: a file by its name only
 * (never a local path), an address without its query or fragment.
 */
export function publishedSource(source: string): string {
  return (isAddress(source) ? withoutSecrets(source) : null) ?? fileName(source);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
const recordsOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** A metric's actuals by month from plan.json's `months` ([{ month, actual }]) or a stored `actuals` map. */
function actualsOf(months: unknown, stored: unknown): Record<Month, number> {
  const actuals: Record<Month, number> = {};
  const put = (month: unknown, actual: unknown) => {
    const value = numberOf(actual);
    if (typeof month === 'string' && MONTH.test(month) && value !== null) actuals[month] = value;
  };
  for (const m of recordsOf(months)) put(m.month, m.actual);
  if (isRecord(stored)) for (const [month, actual] of Object.entries(stored)) put(month, actual);
  return actuals;
}

const comparedMetric = (m: Record<string, unknown>): ComparedMetric => ({
  id: idOf(m.id),
  name: textOf(m.name),
  status: statusOf(m.status),
  attainment: numberOf(m.attainment),
  target: numberOf(m.target),
  unit: typeof m.unit === 'string' ? m.unit : null,
  actuals: actualsOf(m.months, m.actuals),
});

/** Two figures as equal as a spreadsheet shows them (15 significant digits): 4,700 × 0.001 is 4.7. */
const sameFigure = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/**
 * Whether a figure (a target, a check-in) moved between the previous report and this one: compared in this one's
 * Unit (1,000,000 USD then is 1,000 K USD now: not moved). `unitThen` null: the previous report did not say (one
 * stored before units were), read as this one's. Figures in Units that count different things are compared as
 * they are.
 */
function figureMoved(
  then: number | null,
  unitThen: string | null,
  now: number | null,
  unitNow: string,
): boolean {
  const factor = unitThen === null ? 1 : unitFactor(unitThen, unitNow);
  return then === null || now === null || factor === null ? then !== now : !sameFigure(then * factor, now);
}

/** A row of the Changes tab as two reports are compared: the same row in both is the same change. */
function changeKey(c: Record<string, unknown>): string {
  return [c.timestamp, idOf(c.id).toLowerCase(), c.field, c.oldValue, c.newValue]
    .map((v) => String(v ?? ''))
    .join(' | ');
}

const changeKeysOf = (value: unknown): string[] | null =>
  Array.isArray(value)
    ? value.map((c) => (isRecord(c) ? changeKey(c) : typeof c === 'string' ? c : ''))
    : null;

/**
 * A report as the comparison reads it, from its stored form (plan.json `comparedWith`), or null when that is not
 * one. Every value is checked: the file comes from elsewhere.
 */
function comparedReport(stored: unknown): ComparedReport | null {
  if (!isRecord(stored) || typeof stored.asOf !== 'string' || !isIsoDate(stored.asOf)) return null;
  return {
    asOf: stored.asOf,
    product: typeof stored.product === 'string' ? stored.product.trim() || null : null,
    objectives: recordsOf(stored.objectives).map((o) => ({
      id: idOf(o.id),
      title: textOf(o.title),
      status: statusOf(o.status),
      attainment: attainmentOf(o.attainment),
    })),
    keyResults: recordsOf(stored.keyResults).map(comparedMetric),
    kpis: recordsOf(stored.kpis).map(comparedMetric),
    changes: changeKeysOf(stored.changes),
    listed: changeKeysOf(stored.listed) ?? [],
  };
}

/** A previous plan.json as the comparison reads it: its objectives' progress read as a stored report's. */
function reportOf(json: PlanJson): ComparedReport {
  const objectives = recordsOf(json.objectives).map((o) => {
    const progress = isRecord(o.progress) ? o.progress : {};
    return { id: o.id, title: o.title, status: progress.status, attainment: progress.attainment };
  });
  // loadPrevious checked asOf: never null.
  const since: unknown = json.sincePrevious;
  const listed = isRecord(since) ? since.targetChanges : undefined;
  return comparedReport({ ...json, product: productOf(json), objectives, listed })!;
}

/** The report a previous plan.json was itself compared with (its `comparedWith`), or null. */
const comparedWithOf = (json: PlanJson): ComparedReport | null =>
  comparedReport((json as { comparedWith?: unknown }).comparedWith);

/**
 * An objective's attainment as its trend and its change count it: null while a key result of it is left out by an
 * error ("needs attention"), as what remains would show it better than it is (docs/method.md).
 */
const trendAttainment = (o: { status: Status; attainment: number | null }) =>
  o.status === 'needs-attention' ? null : o.attainment;

/**
 * The history cut to HISTORY_LIMIT reports: first the reports followed by a later one of the same month (oldest
 * first), then the oldest. A monthly schedule keeps its last twelve months; a daily one (docs/report.md) keeps
 * the last report of each earlier month and its latest days, rather than only its last twelve days.
 */
function thinned(history: HistoryEntry[]): HistoryEntry[] {
  const kept = [...history];
  const month = (h: HistoryEntry) => h.asOf.slice(0, 7);
  while (kept.length > HISTORY_LIMIT) {
    const sameMonth = kept.findIndex((h, i) => i + 1 < kept.length && month(kept[i + 1]) === month(h));
    kept.splice(Math.max(sameMonth, 0), 1);
  }
  return kept;
}

/**
 * A row of the Changes tab as "since the last report" lists it: what changed, why and by whom, and on which tab (a
 * weight or the period reads otherwise than a key result's field), not in which cell.
 */
export const targetChangeOf = ({
  timestamp,
  sheet,
  id,
  field,
  oldValue,
  newValue,
  reason,
  who,
}: PlanJson['changes'][number]): TargetChange => ({
  timestamp,
  sheet,
  id,
  field,
  oldValue,
  newValue,
  reason,
  who,
});

/**
 * Whether a row of the Changes tab logs a key result's or KPI's own field: not a custom weight (the Targets tab) nor
 * the plan's period (the Strategy tab), which move monthly targets but not the Target a review compares.
 */
const onMetricTab = (c: { sheet: string }) => {
  const key = matchTab(c.sheet)?.key;
  return key !== 'targets' && key !== 'strategy';
};

/** What moved between the previous report and this one, or why they cannot be compared. */
export function comparePrevious(current: PlanJson, previous: PlanJson, source: string): Comparison {
  let before = reportOf(previous);
  // The same day's report made again: compared with what that one was compared with, its history carried on.
  const compared = before.asOf === current.asOf ? comparedWithOf(previous) : null;
  if (compared) before = compared;
  // Another plan: the products differ, or (no product on either side) no key result is in both.
  const currentProduct = productOf(current);
  const sharedKeyResults = before.keyResults.some((p) =>
    current.keyResults.some((c) => sameText(c.id, p.id)),
  );
  if (
    (currentProduct && before.product && !sameText(currentProduct, before.product)) ||
    (!sharedKeyResults && current.keyResults.length > 0)
  ) {
    // The same key results under another product name: the product renamed on the Strategy tab, most likely.
    const renamed = Boolean(currentProduct && before.product && sharedKeyResults);
    return {
      ok: false,
      problem: {
        why: (lang) =>
          renamed
            ? say(PREVIOUS_MESSAGES.otherProduct, lang, {
                source,
                previous: before.product!,
                current: currentProduct!,
              })
            : say(PREVIOUS_MESSAGES.otherPlan, lang, {
                source,
                previous: before.product ?? '?',
                current: currentProduct ?? '?',
              }),
        kind: renamed ? 'renamed' : 'unusable',
      },
    };
  }
  if (before.asOf >= current.asOf) {
    // The first report ever, made again the same day: it was compared with nothing and holds no history.
    const history = (previous as { history?: unknown }).history;
    const unstarted =
      before.asOf === current.asOf && !compared && !(Array.isArray(history) && history.length > 0);
    return {
      ok: false,
      problem: {
        why: (lang) =>
          say(PREVIOUS_MESSAGES.newer, lang, { source, previous: before.asOf, asOf: current.asOf }),
        kind: unstarted ? 'unstarted' : 'unusable',
      },
    };
  }

  const byId = <T extends { id: string }>(items: readonly T[]) =>
    new Map(items.map((x) => [x.id.toLowerCase(), x]));
  const then = {
    objective: byId(before.objectives),
    keyResult: byId(before.keyResults),
    kpi: byId(before.kpis),
  };
  const now = {
    objective: byId(current.objectives),
    keyResult: byId(current.keyResults),
    kpi: byId(current.kpis),
  };

  const statusChanges: StatusChange[] = [];
  const attainment: AttainmentChange[] = [];
  for (const o of current.objectives) {
    const p = then.objective.get(o.id.toLowerCase());
    if (!p) continue;
    const to = o.progress?.status ?? 'no-data';
    if (p.status !== to) statusChanges.push({ id: o.id, kind: 'objective', from: p.status, to });
    const a = {
      from: trendAttainment(p),
      to: trendAttainment({ status: to, attainment: o.progress?.attainment ?? null }),
    };
    if (a.from !== a.to) attainment.push({ id: o.id, kind: 'objective', ...a, change: diff(a.to, a.from) });
  }
  // Rows of the Changes tab the previous report did not have, up to this report's date: a change logged on the
  // previous report's day after it was made is one, and so is a row whose timestamp was typed as text. A previous
  // report that does not list its changes: those dated after it.
  // (A row the previous report had but dated after it, as a report made with an earlier --as-of has, is new unless
  // that report listed it, which it does when the target the row logs was already in effect.)
  const knownChanges = before.changes === null ? null : new Set(before.changes);
  const listedBefore = new Set(before.listed);
  const isNew = (c: PlanJson['changes'][number]) => {
    const key = changeKey(c as unknown as Record<string, unknown>);
    const day = c.timestamp.slice(0, 10);
    if (isIsoDate(day) && day > before.asOf) return !listedBefore.has(key);
    return knownChanges ? !knownChanges.has(key) : false;
  };
  const newChanges = current.changes.filter(isNew);
  // A row dated after this report's date is listed only when the target it logs is already in effect here (the
  // sheet is read as it is now): else the next report lists it. A weight or the period the sheet holds is in this
  // report's monthly targets: its row is listed.
  const targetMoved = (id: string) => {
    const key = id.toLowerCase();
    const is = now.keyResult.get(key) ?? now.kpi.get(key);
    const was = then.keyResult.get(key) ?? then.kpi.get(key);
    return is !== undefined && was !== undefined && figureMoved(was.target, was.unit, is.target, is.unit);
  };
  const targetChanges = newChanges
    .filter((c) => {
      const day = c.timestamp.slice(0, 10);
      return !(isIsoDate(day) && day > current.asOf) || !onMetricTab(c) || targetMoved(c.id);
    })
    .map(targetChangeOf);
  // A target with a row of its own since the previous report is logged, even one dated after this report. A weight's
  // row is no row of the Target: KR2's March weight logged says nothing of its Target typed over.
  const logged = new Set(newChanges.filter(onMetricTab).map((c) => c.id.toLowerCase()));
  const checkIns: CheckInAdded[] = [];
  const corrections: CheckInCorrected[] = [];
  const unloggedTargets: UnloggedTarget[] = [];
  const unloggedUnits: UnloggedUnit[] = [];
  const metrics = (kind: 'keyResult' | 'kpi', list: PlanJson['keyResults'] | PlanJson['kpis']) => {
    for (const m of list) {
      const p = then[kind].get(m.id.toLowerCase());
      if (!p) continue;
      if (p.status !== m.status) statusChanges.push({ id: m.id, kind, from: p.status, to: m.status });
      if (kind === 'keyResult' && p.attainment !== m.attainment)
        attainment.push({
          id: m.id,
          kind,
          from: p.attainment,
          to: m.attainment,
          change: diff(m.attainment, p.attainment),
        });
      // A Unit changed since (USD to K USD): the previous figures are compared in this one, and shown in their own.
      // (Another name of the same Unit, hours for 小時 or percent for %, is no change: factor 1.)
      const unitThen = p.unit !== null && unitFactor(p.unit, m.unit) !== 1 ? p.unit : null;
      const moved = (then: number | null, now: number | null) => figureMoved(then, p.unit, now, m.unit);
      for (const month of m.months) {
        const was = Object.hasOwn(p.actuals, month.month) ? p.actuals[month.month] : null;
        if (month.actual !== null && was === null)
          checkIns.push({ id: m.id, kind, month: month.month, actual: month.actual });
        // A value typed over (a late correction) or deleted: an attainment move the new check-ins do not explain.
        else if (was !== null && moved(was, month.actual))
          corrections.push({
            id: m.id,
            kind,
            month: month.month,
            was,
            actual: month.actual,
            ...(unitThen === null ? {} : { wasUnit: unitThen }),
          });
      }
      // A target typed over in the sheet, with no row on the Changes tab: the one place a review learns of it.
      const unlogged = !logged.has(m.id.toLowerCase());
      if (moved(p.target, m.target) && unlogged)
        unloggedTargets.push({
          id: m.id,
          kind,
          from: p.target,
          to: m.target,
          ...(unitThen === null ? {} : { fromUnit: unitThen }),
        });
      if (unitThen !== null && unlogged) unloggedUnits.push({ id: m.id, kind, from: unitThen, to: m.unit });
    }
  };
  metrics('keyResult', current.keyResults);
  metrics('kpi', current.kpis);

  // Earlier entries as the previous report carried them, cleaned: real dates before the compared report's own,
  // oldest first, one per date (the last one given), and attainments an objective can have (0 to 1, each key
  // result capped at 1) or null; then the compared report itself.
  const byDate = new Map<string, HistoryEntry>();
  for (const h of Array.isArray(previous.history) ? previous.history : []) {
    if (!isRecord(h) || typeof h.asOf !== 'string' || !isIsoDate(h.asOf) || h.asOf >= before.asOf) continue;
    const objectives = Object.entries(isRecord(h.objectives) ? h.objectives : {});
    byDate.set(h.asOf, {
      asOf: h.asOf,
      objectives: Object.fromEntries(objectives.map(([id, v]) => [id, attainmentOf(v)])),
    });
  }
  const earlierHistory = [...byDate.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  const history = thinned([
    ...earlierHistory,
    {
      asOf: before.asOf,
      objectives: Object.fromEntries(before.objectives.map((o) => [o.id, attainmentOf(trendAttainment(o))])),
    },
  ]);

  // Objectives, key results and KPIs in only one of the two reports, named as the report that has them names them.
  const only = (
    kind: MetricKind,
    items: Iterable<{ id: string; title?: string; name?: string }>,
    elsewhere: { has(key: string): boolean },
  ): PlanItem[] => {
    const out: PlanItem[] = [];
    for (const item of items) {
      const key = item.id.toLowerCase();
      if (key !== '' && !elsewhere.has(key))
        out.push({ id: item.id, kind, name: item.title ?? item.name ?? '' });
    }
    return out;
  };
  const added: PlanItem[] = [
    ...only('objective', current.objectives, then.objective),
    ...only('keyResult', current.keyResults, then.keyResult),
    ...only('kpi', current.kpis, then.kpi),
  ];
  const removed: PlanItem[] = [
    ...only('objective', before.objectives, now.objective),
    ...only('keyResult', before.keyResults, now.keyResult),
    ...only('kpi', before.kpis, now.kpi),
  ];

  return {
    ok: true,
    sincePrevious: {
      asOf: before.asOf,
      source: publishedSource(source),
      statusChanges,
      attainment,
      checkIns,
      corrections,
      targetChanges,
      unloggedTargets,
      unloggedUnits,
      added,
      removed,
    },
    history,
    comparedWith: before,
    reaches: {
      dates: [...earlierHistory.map((h) => h.asOf), before.asOf],
      // A history is cut once it holds HISTORY_LIMIT reports; the report compared with is one of them.
      thinned: earlierHistory.length >= HISTORY_LIMIT - 1,
    },
  };
}
