/**
 * The sandbox page's script: the tab switcher of the read-only plan view, and the selection. After every
 * google.script.run call of the sidebar (the shim posts a message) it asks the server for the state: when the
 * spreadsheet changed it reloads the view (server-escaped HTML), then it shows the tab and cell the add-on
 * selected, like Sheets would.
 */

interface Selection {
  sheet: string;
  range: string;
  currentCell: string;
}

interface State {
  version: number;
  selection: Selection;
}

/** The spreadsheet's version the view shows (the server writes it into the page). */
let version = Number(document.body.dataset.version ?? -1);
let refreshes = 0;
let selection: Selection | null = null;

const view = () => document.getElementById('sheet-view')!;

function panels(): HTMLElement[] {
  return Array.from(view().querySelectorAll<HTMLElement>('.panel'));
}

function tabs(): HTMLButtonElement[] {
  return Array.from(view().querySelectorAll<HTMLButtonElement>('[role="tab"]'));
}

function showTab(sheet: string, focus = false): void {
  for (const tab of tabs()) {
    const selected = tab.dataset.sheet === sheet;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected && focus) tab.focus();
  }
  for (const panel of panels()) panel.hidden = panel.dataset.sheet !== sheet;
}

function activeSheet(): string | null {
  return tabs().find((t) => t.getAttribute('aria-selected') === 'true')?.dataset.sheet ?? null;
}

function bindTabs(): void {
  const list = tabs();
  list.forEach((tab, i) => {
    tab.addEventListener('click', () => showTab(tab.dataset.sheet ?? ''));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (event.key === 'Home' || event.key === 'End') {
        const target = event.key === 'Home' ? list[0] : list[list.length - 1];
        showTab(target.dataset.sheet ?? '', true);
        event.preventDefault();
      } else if (step) {
        const target = list[(i + step + list.length) % list.length];
        showTab(target.dataset.sheet ?? '', true);
        event.preventDefault();
      }
    });
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

/** The cells of an A1 range (A7 or B2:D4). */
function cellsOf(range: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) return [];
  const [c1, r1, c2, r2] = [
    columnNumber(m[1]),
    Number(m[2]),
    columnNumber(m[3] ?? m[1]),
    Number(m[4] ?? m[2]),
  ];
  const out: string[] = [];
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2) && out.length < 5000; r++)
    for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push(`${columnLetters(c)}${r}`);
  return out;
}

function showSelection(next: Selection, reveal: boolean): void {
  selection = next;
  view()
    .querySelectorAll('td.selected, td.current')
    .forEach((cell) => cell.classList.remove('selected', 'current'));
  const panel = panels().find((p) => p.dataset.sheet === next.sheet);
  const box = document.getElementById('selection');
  if (box) box.textContent = `${next.sheet}!${next.range}`;
  if (!panel) return;
  for (const ref of cellsOf(next.range))
    panel.querySelector(`td[data-cell="${ref}"]`)?.classList.add('selected');
  const current = panel.querySelector<HTMLElement>(`td[data-cell="${next.currentCell}"]`);
  current?.classList.add('current');
  if (reveal) {
    showTab(next.sheet);
    current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

async function reloadView(): Promise<void> {
  const shown = activeSheet();
  const response = await fetch('/api/sheets', { headers: { Accept: 'text/html' } });
  const html = await response.text();
  // Server-rendered and escaped; parsed into an inert document, then moved in.
  const parsed = new DOMParser().parseFromString(`<div id="parsed">${html}</div>`, 'text/html');
  const root = parsed.getElementById('parsed');
  if (!root) return;
  view().replaceChildren(...Array.from(root.childNodes).map((n) => document.adoptNode(n)));
  bindTabs();
  if (shown) showTab(shown);
}

async function refresh(reveal: boolean): Promise<void> {
  const response = await fetch('/api/state', { headers: { Accept: 'application/json' } });
  const state = (await response.json()) as State;
  if (state.version !== version) {
    await reloadView();
    version = state.version;
  }
  const moved =
    !selection ||
    selection.sheet !== state.selection.sheet ||
    selection.range !== state.selection.range ||
    selection.currentCell !== state.selection.currentCell;
  showSelection(state.selection, reveal && moved);
  document.body.dataset.version = String(version);
  // For tests and curious people: how many times the view caught up with the server.
  document.body.dataset.refreshes = String(++refreshes);
}

let queue: Promise<void> = Promise.resolve();
function schedule(reveal: boolean): void {
  queue = queue
    .then(() => refresh(reveal))
    .catch((error: unknown) => {
      const box = document.getElementById('selection');
      if (box)
        box.textContent = `The sandbox server did not answer: ${error instanceof Error ? error.message : String(error)}`;
    });
}

window.addEventListener('message', (event) => {
  const frame = document.getElementById('sidebar') as HTMLIFrameElement | null;
  if (event.origin !== location.origin || !frame || event.source !== frame.contentWindow) return;
  const data = event.data as { type?: string } | null;
  if (data?.type === 'gtm-sandbox:called') schedule(true);
  if (data?.type === 'gtm-sandbox:close') {
    frame.closest('.sidebar-frame')?.setAttribute('hidden', '');
  }
});

bindTabs();
schedule(true);
