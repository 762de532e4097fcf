/**
 * The "Check plan" sidebar's client (bundled for the browser and inlined into sidebar.html by the build).
 *
 * It calls three server functions through google.script.run: getPlanCheck(lang) when it opens and on "Check
 * again", goToCell(sheet, a1, lang, {code, message}) for the "Go to cell" buttons, and
 * applyQuickFix({code, sheet, a1, label}, lang) for the quick fixes. Every text that comes from the server (and so from the plan's cells) is put on the page with
 * textContent: a cell holding HTML is shown, never interpreted. Its own words, in English and Simplified
 * Chinese, are below; the issue messages, fixes and quick-fix labels arrive in the language asked for.
 */
import type { CheckIssue, GoToCellResult, PlanCheck } from '../server/plan-check';
import type { QuickFixResult } from '../server/quick-fix';
import { STATUS_LABELS, STATUS_READING_ORDER } from '../../shared/progress';
import { dayFigure } from '../../shared/figures';
import { CATALOGUES, fill, isChinese, LANGS, type Lang, type Messages } from '../../shared/i18n';
import { langFromLocale } from '../../shared/template';
import { layoutIssues, type Entry, type SeveritySection } from './issue-list';

type Severity = 'error' | 'warning' | 'tip';

type Words = Messages['sidebar'];
type WordKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];

// ---------------------------------------------------------------------------------------------------
// google.script.run, as a promise

interface ScriptRunner {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

function runner(): ScriptRunner | null {
  const google = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return google?.script?.run ?? null;
}

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new Error(words().noServer));
      return;
    }
    const withHandlers = run.withSuccessHandler((result) => resolve(result as T)).withFailureHandler(reject);
    const fn = withHandlers[name];
    if (typeof fn !== 'function') {
      reject(new Error(`${name} is not available.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(withHandlers, args);
  });
}

// ---------------------------------------------------------------------------------------------------
// State

const state: {
  lang: Lang;
  /** Set once the user picks a language; until then the server's default (the user's locale) wins. */
  langChosen: boolean;
  busy: boolean;
  check: PlanCheck | null;
  /** Bumped per check request, so a late answer to an older one is dropped. */
  request: number;
  /** The "Show …" buttons pressed (issue-list.ts keys): those issues stay listed across checks. */
  expanded: Set<string>;
} = { lang: initialLang(), langChosen: false, busy: false, check: null, request: 0, expanded: new Set() };

function initialLang(): Lang {
  return langFromLocale(navigator.language || '');
}

const words = (): Words => CATALOGUES[state.lang].sidebar;

function say(key: WordKey, params: Record<string, string | number> = {}): string {
  return fill(words()[key] as string, params);
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from sidebar.html`);
  return el as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as Error).message);
  return String(error);
}

// ---------------------------------------------------------------------------------------------------
// Busy state: aria-busy on the results, a progress bar, the status line; buttons say they are unavailable.

function setBusy(busy: boolean, message: string): void {
  state.busy = busy;
  byId('results').setAttribute('aria-busy', String(busy));
  byId('progress').hidden = !busy;
  document.body.classList.toggle('busy', busy);
  document.querySelectorAll<HTMLButtonElement>('button.needs-idle, #check').forEach((button) => {
    button.setAttribute('aria-disabled', String(busy));
  });
  if (message) byId('status').textContent = message;
}

function showError(text: string | null): void {
  const box = byId('error');
  box.hidden = text === null;
  box.textContent = text ?? '';
}

function showChanges(result: QuickFixResult | null): void {
  const box = byId('changes');
  box.replaceChildren();
  box.hidden = result === null;
  if (!result) return;
  for (const line of result.message.split('\n').filter(Boolean)) box.append(el('p', 'change-message', line));
  if (result.changed.length) {
    box.append(el('p', 'change-heading', say('changed')));
    const list = el('ul', 'change-list');
    for (const cell of result.changed) list.append(el('li', undefined, cell));
    box.append(list);
  }
}

// ---------------------------------------------------------------------------------------------------
// Rendering

function renderStaticText(): void {
  document.documentElement.lang = state.lang;
  document.title = say('title');
  byId('check').textContent = say('checkAgain');
  byId('lang').setAttribute('aria-label', say('language'));
  document.querySelectorAll<HTMLButtonElement>('#lang button').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  });
  byId('summary-title').textContent = say('summary');
  byId('label-error').textContent = say('errors');
  byId('label-warning').textContent = say('warnings');
  byId('label-tip').textContent = say('tips');
  const heading = document.querySelector('#changes .change-heading');
  if (heading) heading.textContent = say('changed');
}

function render(): void {
  renderStaticText();
  const check = state.check;
  const summary = byId('summary');
  const issues = byId('issues');
  if (!check) {
    summary.hidden = true;
    issues.replaceChildren();
    return;
  }
  summary.hidden = false;
  byId('count-error').textContent = String(check.summary.errors);
  byId('count-warning').textContent = String(check.summary.warnings);
  byId('count-tip').textContent = String(check.summary.tips);

  // One line per level, as the report's first screen: objectives with the three pace words always (0 says
  // something there), key results and KPIs with the statuses they have (a missed key result, an off-track KPI).
  const statusLine = (
    id: string,
    label: string,
    counts: PlanCheck['summary']['objectives'],
    always: boolean,
  ) => {
    const line = byId(id);
    line.replaceChildren();
    line.hidden = counts.total === 0 && !always;
    if (counts.total === 0) {
      if (always) line.textContent = say('noObjectives');
      return;
    }
    line.append(el('span', 'objectives-label', label));
    // In the order the report's verdict reads them (STATUS_READING_ORDER).
    const shown = STATUS_READING_ORDER.filter(
      (s) => counts[s] > 0 || (always && (s === 'on-track' || s === 'at-risk' || s === 'off-track')),
    );
    for (const status of shown) {
      const item = el('span', `objective-status status-${status}`);
      item.append(
        el('span', 'dot'),
        document.createTextNode(`${counts[status]} ${STATUS_LABELS[status][state.lang]}`),
      );
      line.append(item);
    }
  };
  statusLine('objectives', say('objectives'), check.summary.objectives, true);
  statusLine('key-results', say('keyResults'), check.summary.keyResults, false);
  statusLine('kpis', say('kpis'), check.summary.kpis, false);
  const checkedAt = new Date(check.checkedAt);
  const time = Number.isNaN(checkedAt.getTime())
    ? check.checkedAt
    : checkedAt.toLocaleTimeString(state.lang, { hour: 'numeric', minute: '2-digit' });
  // The words around the time and the day, with both kept on one line.
  const checked = byId('checked');
  checked.replaceChildren();
  say('checked', { time: '\u0000time\u0000', date: '\u0000date\u0000' })
    .split('\u0000')
    .forEach((part) => {
      if (part === 'time' || part === 'date')
        checked.append(el('span', 'nowrap', part === 'time' ? time : dayFigure(check.asOf, state.lang)));
      else if (part) checked.append(document.createTextNode(part));
    });

  renderIssues();
}

/**
 * The issues, worst first (issue-list.ts): errors, then warnings, then tips, each by tab. `reveal`: the issue a
 * "Show …" button just listed, which takes the keyboard focus (the button is gone).
 */
function renderIssues(reveal?: CheckIssue): void {
  const check = state.check;
  const issues = byId('issues');
  issues.replaceChildren();
  if (!check) return;
  const sections = layoutIssues(check.groups, state.expanded);
  if (sections.length === 0) {
    issues.append(el('p', 'no-issues', say('noIssues')));
    return;
  }
  const items = new Map<CheckIssue, HTMLElement>();
  if (sections.length > 1) issues.append(renderJumpList(sections));
  for (const section of sections) issues.append(renderSection(section, items));
  const first = reveal && items.get(reveal);
  if (first) {
    first.tabIndex = -1;
    first.focus();
  }
}

/**
 * A count of issues: the number as shown, and the words that say what it counts ("2 issues", "2 個問題") for
 * screen readers, which would otherwise read a tab's heading as "Objectives 2" (objective 2?).
 */
function issueCount(count: number): HTMLElement {
  const span = el('span', 'group-count');
  say(count === 1 ? 'issueCountOne' : 'issueCount', { count: '\u0000' })
    .split('\u0000')
    .forEach((part, index) => {
      if (index > 0) span.append(document.createTextNode(String(count)));
      if (part) span.append(el('span', 'visually-hidden', part));
    });
  return span;
}

const severityName = (severity: Severity): string =>
  say(severity === 'error' ? 'errors' : severity === 'warning' ? 'warnings' : 'tips');

/** One button per severity the plan has, with its count: the warnings are one press away, past the errors. */
function renderJumpList(sections: SeveritySection[]): HTMLElement {
  const nav = el('nav', 'jump');
  nav.setAttribute('aria-label', say('jumpTo'));
  const list = el('ul', 'jump-list');
  for (const section of sections) {
    const button = el('button', `secondary jump-button jump-${section.severity}`);
    button.type = 'button';
    button.append(el('span', 'section-name', severityName(section.severity)), issueCount(section.total));
    button.addEventListener('click', () => {
      const title = byId(`section-${section.severity}`);
      title.scrollIntoView({ block: 'start' });
      title.focus();
    });
    const item = el('li');
    item.append(button);
    list.append(item);
  }
  nav.append(list);
  return nav;
}

function renderSection(section: SeveritySection, items: Map<CheckIssue, HTMLElement>): HTMLElement {
  const box = el('section', `severity-section section-${section.severity}`);
  const titleId = `section-${section.severity}`;
  box.setAttribute('aria-labelledby', titleId);
  const title = el('h2', 'section-title');
  title.id = titleId;
  title.tabIndex = -1; // the jump list moves the focus here
  title.append(el('span', 'section-name', severityName(section.severity)), issueCount(section.total));
  box.append(title);
  for (const tab of section.tabs) {
    const group = el('section', 'group');
    const heading = el('h3', 'group-title');
    heading.append(el('span', 'tab-name', tab.sheet));
    if (!tab.present) heading.append(el('span', 'tab-missing', say('tabMissing')));
    heading.append(issueCount(tab.total));
    const list = el('ul', 'issue-list');
    for (const entry of tab.entries) list.append(renderEntry(entry, items));
    group.append(heading, list);
    box.append(group);
  }
  if (section.hidden.length) {
    const count = section.hidden.length;
    const more = el(
      'button',
      'secondary show-more',
      fill(words()[count === 1 ? 'showMoreOne' : 'showMore'][section.severity], { count }),
    );
    more.type = 'button';
    more.dataset.severity = section.severity;
    more.addEventListener('click', () => {
      state.expanded.add(section.key);
      renderIssues(section.hidden[0]);
    });
    box.append(more);
  }
  return box;
}

function renderEntry(entry: Entry, items: Map<CheckIssue, HTMLElement>): HTMLElement {
  if (entry.kind === 'issue') {
    const item = renderIssue(entry.issue);
    items.set(entry.issue, item);
    return item;
  }
  const item = el('li', 'more-like-this');
  const params = { count: entry.hidden.length, sheet: entry.sheet, column: entry.column ?? '' };
  const button = el(
    'button',
    'secondary show-kind',
    say(entry.column ? 'moreLikeThis' : 'moreLikeThisNoColumn', params),
  );
  button.type = 'button';
  button.addEventListener('click', () => {
    state.expanded.add(entry.key);
    renderIssues(entry.hidden[0]);
  });
  item.append(button);
  return item;
}

function renderIssue(issue: CheckIssue): HTMLElement {
  const item = el('li', `issue severity-${issue.severity}`);
  item.dataset.code = issue.code;
  item.dataset.sheet = issue.sheet;
  if (issue.a1) item.dataset.cell = issue.a1;
  const message = el('p', 'issue-message');
  message.append(el('span', `badge badge-${issue.severity}`, words().severity[issue.severity as Severity]));
  message.append(el('span', 'issue-text', issue.message));
  const fix = el('p', 'issue-fix');
  fix.append(el('span', 'fix-label', say('fix')), el('span', 'fix-text', issue.fix));
  item.append(message, fix);

  const buttons = el('div', 'issue-buttons');
  if (issue.a1) {
    const go = el('button', 'secondary go-to-cell', say('goTo', { cell: issue.a1 }));
    go.type = 'button';
    go.setAttribute('aria-label', say('goToLabel', { cell: issue.a1, sheet: issue.sheet }));
    go.addEventListener('click', () => goTo(issue));
    buttons.append(go);
  }
  if (issue.quickFix) {
    const fixButton = el('button', 'action quick-fix needs-idle', issue.quickFix.label);
    fixButton.type = 'button';
    fixButton.dataset.kind = issue.quickFix.kind;
    fixButton.setAttribute('aria-disabled', String(state.busy));
    fixButton.addEventListener('click', () => quickFix(issue));
    buttons.append(fixButton);
  }
  if (buttons.childElementCount) item.append(buttons);
  return item;
}

// ---------------------------------------------------------------------------------------------------
// Actions

/**
 * Runs the check and shows it. `clear`: forget the last error and quick-fix notice first. Returns the failure it
 * showed, or null when the list shown is fresh.
 */
async function runCheck(clear = true): Promise<string | null> {
  const request = ++state.request;
  setBusy(true, say('checking'));
  if (clear) showError(null);
  try {
    const check = await call<PlanCheck>('getPlanCheck', ...(state.langChosen ? [state.lang] : []));
    if (request !== state.request) return null;
    if (!state.langChosen && LANGS.includes(check.lang)) state.lang = check.lang;
    state.check = check;
    render();
    setBusy(
      false,
      say('done', {
        errors: check.summary.errors,
        warnings: check.summary.warnings,
        tips: check.summary.tips,
      }),
    );
    return null;
  } catch (error) {
    if (request !== state.request) return null;
    state.check = null;
    render();
    setBusy(false, '');
    byId('status').textContent = '';
    const failure = `${say('failed', { reason: errorMessage(error) })} ${say('tryAgain')}`;
    showError(failure);
    return failure;
  }
}

/** Two sentences of a notice, as each language writes them one after the other. */
const sentences = (first: string, second: string): string =>
  `${first}${isChinese(state.lang) ? '' : ' '}${second}`;

/**
 * The list was out of date (a Go to cell found its issue gone), or a quick fix wrote nothing: checks the plan
 * again, then says what happened and that the list is now fresh, or why it could not be checked. The button that
 * was pressed went with the old list, so the keyboard focus moves to the notice rather than falling to the page.
 */
async function recheckAndTell(message: string): Promise<void> {
  showError(null);
  const failure = await runCheck(false);
  showError(sentences(message, failure ?? say('rechecked')));
  byId('error').focus();
}

async function goTo(issue: CheckIssue): Promise<void> {
  try {
    // The issue goes along: the server selects the cell only if a fresh check still finds it there.
    const result = await call<GoToCellResult>('goToCell', issue.sheet, issue.a1, state.lang, {
      code: issue.code,
      message: issue.message,
    });
    if (result.ok) {
      showError(null);
      byId('status').textContent = result.message;
    } else if (result.stale) {
      await recheckAndTell(result.message);
    } else {
      showError(result.message);
    }
  } catch (error) {
    showError(say('callFailed', { reason: errorMessage(error) }));
  }
}

async function quickFix(issue: CheckIssue): Promise<void> {
  if (state.busy || !issue.a1) return;
  setBusy(true, say('fixing'));
  showError(null);
  showChanges(null);
  let result: QuickFixResult;
  try {
    result = await call<QuickFixResult>(
      'applyQuickFix',
      { code: issue.code, sheet: issue.sheet, a1: issue.a1, label: issue.quickFix?.label },
      state.lang,
    );
  } catch (error) {
    result = { ok: false, message: say('callFailed', { reason: errorMessage(error) }), changed: [] };
  }
  if (!result.ok) {
    // Nothing was written (the issue was gone, the sheet changed, the call failed): the plan is checked again
    // all the same, and the notice says so and gets the focus, the button being gone with the old list.
    await recheckAndTell(result.message);
    return;
  }
  showChanges(result);
  await runCheck(false);
  // The button that was clicked is gone with the issue it fixed: keep keyboard users where the news is.
  byId('changes').focus();
}

function chooseLang(lang: Lang): void {
  if (lang === state.lang && state.langChosen) return;
  state.lang = lang;
  state.langChosen = true;
  renderStaticText();
  void runCheck();
}

function start(): void {
  renderStaticText();
  byId('check').addEventListener('click', () => {
    if (state.busy) return;
    showChanges(null);
    void runCheck();
  });
  document.querySelectorAll<HTMLButtonElement>('#lang button').forEach((button) => {
    button.addEventListener('click', () =>
      chooseLang(LANGS.find((lang) => lang === button.dataset.lang) ?? 'en'),
    );
  });
  void runCheck();
}

start();
