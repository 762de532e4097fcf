/**
 * The plans the sandbox can start with besides an .xlsx file: the example plan of shared/example.ts, and the same
 * plan with the mistakes teams typically make (for trying the sidebar's quick fixes, and for the tests).
 */
import { CATALOGUES, exampleWorkbook, tabDef, type Lang, type Workbook } from '../shared';
import { sheetDate } from '../apps-script/server/sheets-adapter';

/** The example plan as a spreadsheet holds it: dates as Dates at midnight of the spreadsheet's time zone. */
export function examplePlan(lang: Lang = 'en', timeZone = 'Etc/UTC'): Workbook {
  return exampleWorkbook(lang, { date: (iso) => sheetDate(iso, timeZone) });
}

/** Markup a careless paste or a malicious sharer could leave in a cell; the sidebar and the view must show it as text. */
export const HOSTILE_OWNER = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_TITLE = '<script>window.__pwned=2</script>Grow EMEA';

/**
 * The example plan with mistakes, one of each kind the quick fixes handle and a few they do not:
 *   - a key result without an ID (missing-id → fill in KR6);
 *   - a KPI owned by "Finance", which is not on Departments (unknown-owner → add it);
 *   - a roadmap item owned by a department whose name is HTML (unknown-owner, shown as text);
 *   - an objective whose title is a <script> tag (shown as text);
 *   - a KPI tied to a key result that does not exist (unknown-key-result: no quick fix).
 */
export function brokenPlan(lang: Lang = 'en', timeZone = 'Etc/UTC'): Workbook {
  const workbook = examplePlan(lang, timeZone);
  const tab = (key: Parameters<typeof tabDef>[0]) => workbook[tabDef(key).label[lang]];
  const column = (key: Parameters<typeof tabDef>[0], name: string) =>
    tabDef(key).columns.findIndex((c) => c.key === name);

  const keyResults = tab('keyResults');
  const kr = [...keyResults[2]];
  kr[column('keyResults', 'id')] = '';
  kr[column('keyResults', 'title')] = CATALOGUES[lang].example.broken.partnerTrials;
  kr[column('keyResults', 'target')] = 500;
  keyResults.push(kr);

  const kpis = tab('kpis');
  const kpi = [...kpis[1]];
  kpi[column('kpis', 'id')] = 'KPI4';
  kpi[column('kpis', 'name')] = CATALOGUES[lang].example.broken.costPerTrial;
  kpi[column('kpis', 'owner')] = 'Finance';
  kpis.push(kpi);
  const orphan = [...kpis[1]];
  orphan[column('kpis', 'id')] = 'KPI5';
  orphan[column('kpis', 'keyResult')] = 'KR9';
  kpis.push(orphan);

  const roadmap = tab('roadmap');
  roadmap[roadmap.length - 1][column('roadmap', 'owner')] = HOSTILE_OWNER;

  const objectives = tab('objectives');
  const objective = [...objectives[2]];
  objective[column('objectives', 'id')] = 'O3';
  objective[column('objectives', 'title')] = HOSTILE_TITLE;
  objective[column('objectives', 'parent')] = 'O1';
  objectives.push(objective);
  return workbook;
}
