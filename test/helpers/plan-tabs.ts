/**
 * The plan tabs a test is not about, built from the template by planWorkbook: only the Strategy fields and the tabs
 * a test gives, every tab name and header in the test's language. A test then adds the tab it is about by hand.
 */
import { enumValue, planWorkbook, type PlanRows, type PlanValue } from '../../shared/example';
import {
  STRATEGY_FIELDS,
  tabDef,
  TABS,
  type Lang,
  type StrategyFieldKey,
  type TabKey,
} from '../../shared/template';
import type { Cell, Workbook } from '../../shared';

type TableTab = keyof PlanRows;

/**
 * Strategy with the fields given (in the template's order), and each table tab given with its rows under the
 * template's header. Dates are ISO strings unless `date` converts them (as planWorkbook).
 */
export function planTabs(
  lang: Lang,
  strategy: Partial<Record<StrategyFieldKey, PlanValue>>,
  rows: Partial<PlanRows>,
  date?: (iso: string) => Cell,
): Workbook {
  const full = planWorkbook(
    Object.fromEntries(STRATEGY_FIELDS.map((f) => [f.key, strategy[f.key] ?? null])) as Record<
      StrategyFieldKey,
      PlanValue
    >,
    Object.fromEntries(
      TABS.filter((t) => t.key !== 'strategy' && t.key !== 'targets').map((t) => [
        t.key,
        rows[t.key as TableTab] ?? [],
      ]),
    ) as PlanRows,
    lang,
    { date },
  );
  const strategyTab = tabDef('strategy').label[lang];
  const [header, ...fields] = full[strategyTab];
  const workbook: Workbook = {
    [strategyTab]: [header, ...fields.filter((_, i) => STRATEGY_FIELDS[i].key in strategy)],
  };
  for (const key of Object.keys(rows) as TableTab[])
    workbook[tabDef(key).label[lang]] = full[tabDef(key).label[lang]];
  return workbook;
}

/** A tab's headers in one language, by column key, for a test that writes the tab itself. */
export function headers(tab: TabKey, lang: Lang): Record<string, string> {
  return Object.fromEntries(tabDef(tab).columns.map((c) => [c.key, c.label[lang]]));
}

/** The Traditional Chinese QA rounds' plan: 智慧記帳 App 上市 over 115/07/01–116/06/30, run by 營運 (張雅婷). */
export const TW_QA_STRATEGY = {
  product: '智慧記帳 App 上市',
  periodStart: '115/07/01',
  periodEnd: '116/06/30',
  currency: '新台幣',
  language: '繁體中文',
} satisfies Partial<Record<StrategyFieldKey, PlanValue>>;

/** Its department and its one objective, O1. */
export const TW_QA_TABS = {
  departments: [{ name: '營運', lead: '張雅婷' }],
  objectives: [{ id: 'O1', title: '成功上市', owner: '營運' }],
} satisfies Partial<PlanRows>;

/** A key result of O1 counted up from 0 (cumulative, increase), with the rest of its row as given. */
export function cumulativeKeyResult(row: Record<string, PlanValue>): Record<string, PlanValue> {
  return {
    objective: 'O1',
    type: enumValue('type', 'cumulative'),
    direction: enumValue('direction', 'increase'),
    baseline: 0,
    ...row,
  };
}
