/**
 * Fixtures for the report tests: the example workbook with Date cells (as exceljs reads them), a workbook whose
 * cells carry script/HTML/SVG payloads, and a CLI runner that captures stdout and stderr.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseHTML } from 'linkedom';

import {
  columnDef,
  ENUMS,
  exampleWorkbook,
  STRATEGY_FIELDS,
  tabDef,
  type Lang,
  type StrategyFieldKey,
  type Cell,
  type TabKey,
  type Workbook,
} from '../../shared';
import { main, type CliIo } from '../../report/cli';
import { utcDate } from '../../report/write-xlsx';
import { addRow, cloneWorkbook, setCell } from './edit';

export const tabName = (key: TabKey, lang: Lang = 'en') => tabDef(key).label[lang];
export const header = (tab: TabKey, column: string, lang: Lang = 'en') => columnDef(tab, column).label[lang];

/** Types `name` into the Owner cell of row `id` on `tab`, in a plan written in `lang`. */
export function setOwner(
  workbook: Workbook,
  tab: 'objectives' | 'keyResults' | 'kpis' | 'roadmap',
  id: string,
  name: string,
  lang: Lang = 'en',
): void {
  setCell(workbook, tabName(tab, lang), id, header(tab, 'owner', lang), name);
}

/** A row on the Changes tab, as the add-on logs an edit of a key result's `column` (English plan). */
export function logChange(
  workbook: Workbook,
  change: { timestamp: Cell; id: string; column: string; from: Cell; to: Cell },
): void {
  addRow(workbook, tabName('changes'), {
    [header('changes', 'timestamp')]: change.timestamp,
    [header('changes', 'sheet')]: tabName('keyResults'),
    [header('changes', 'id')]: change.id,
    [header('changes', 'field')]: header('keyResults', change.column),
    [header('changes', 'oldValue')]: change.from,
    [header('changes', 'newValue')]: change.to,
  });
}

/** The example plan as the report reads it from an .xlsx: dates as UTC Dates. */
export function exampleGrid(lang: Lang = 'en'): Workbook {
  return exampleWorkbook(lang, { date: utcDate });
}

/** The example with R6 delayed, R7 blocked, R8 on hold and R9's status typed as no status names it (取消). */
export function roadmapStatusesGrid(lang: Lang = 'en'): Workbook {
  const wb = exampleGrid(lang);
  const status = header('roadmap', 'status', lang);
  const set = (id: string, value: string) => setCell(wb, tabName('roadmap', lang), id, status, value);
  set('R6', ENUMS.roadmapStatus.delayed[lang]);
  set('R7', ENUMS.roadmapStatus.blocked[lang]);
  set('R8', ENUMS.roadmapStatus['on-hold'][lang]);
  set('R9', '取消');
  return wb;
}

/** Payloads a hostile or careless plan could carry; each must show as text and run nothing. */
export const XSS = {
  script: '<script>window.__xss = "script"; document.title = "pwned"</script>',
  img: "\"><img src=x onerror=\"window.__xss='img';document.title='pwned'\">",
  svg: '<svg onload="window.__xss=\'svg\'"><script>window.__xss="svg-script"</script></svg>',
  js: 'javascript:window.__xss="href"',
  style: '<style>body{display:none}</style><a href="javascript:alert(1)" style="color:red">click</a>',
  attr: "' onmouseover='window.__xss=1' x='",
} as const;

/** The example plan (en) with payloads in every kind of text the report shows. */
export function xssWorkbook(): Workbook {
  const wb = cloneWorkbook(exampleGrid('en'));
  const strategy = wb[tabName('strategy')];
  const fieldRow = (key: StrategyFieldKey) =>
    strategy.findIndex((r) => r[0] === STRATEGY_FIELDS.find((f) => f.key === key)!.label.en);
  strategy[fieldRow('product')][1] = `GEO ${XSS.script}`;
  strategy[fieldRow('vision')][1] = XSS.img;
  strategy[fieldRow('strategy')][1] = XSS.svg;
  strategy[fieldRow('targetUsers')][1] = XSS.style;
  const kr = tabName('keyResults');
  setCell(wb, kr, 'KR1', header('keyResults', 'title'), `Sales ${XSS.img}`);
  setCell(wb, kr, 'KR2', header('keyResults', 'title'), XSS.svg);
  setCell(wb, kr, 'KR2', header('keyResults', 'unit'), XSS.attr);
  setCell(wb, tabName('objectives'), 'O1', header('objectives', 'notes'), XSS.js);
  setCell(wb, tabName('objectives'), 'O2', header('objectives', 'title'), XSS.script);
  setCell(wb, tabName('kpis'), 'KPI1', header('kpis', 'name'), XSS.img);
  setCell(wb, tabName('roadmap'), 'R1', header('roadmap', 'item'), XSS.svg);
  setCell(wb, tabName('roadmap'), 'R2', header('roadmap', 'phase'), XSS.img);
  addRow(wb, tabName('changes'), {
    [header('changes', 'timestamp')]: utcDate('2026-07-01'),
    [header('changes', 'id')]: XSS.attr,
    [header('changes', 'reason')]: XSS.script,
    [header('changes', 'oldValue')]: XSS.js,
    [header('changes', 'who')]: XSS.img,
  });
  // A key result whose ID is itself a payload: it becomes an anchor and a chart label.
  addRow(wb, kr, {
    [header('keyResults', 'id')]: `KR9${XSS.img}`,
    [header('keyResults', 'objective')]: 'O1',
    [header('keyResults', 'title')]: XSS.style,
    [header('keyResults', 'owner')]: 'Sales',
    [header('keyResults', 'type')]: ENUMS.type.cumulative.en,
    [header('keyResults', 'target')]: 100,
    [header('keyResults', 'due')]: utcDate('2026-12-31'),
  });
  return wb;
}

export interface CliRun {
  code: number;
  stdout: string[];
  stderr: string[];
}

export async function runCli(argv: string[], cwd: string, today = '2026-11-15'): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    today: () => today,
    cwd: () => cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `gtm-${prefix}-`));

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
