/**
 * The example plan of the domain brief: an AI search optimisation (GEO) monitoring product launched in March,
 * objective O1 with KR1–KR3 owned by Sales, Marketing and Operations, an R&D objective, three KPIs, a roadmap
 * in pre-launch / launch / growth phases, and check-ins through October 2026.
 * Built from the template contract, in either language, as the same workbook shape the parser reads.
 */
import type { Cell, Workbook } from './cells';
import {
  ENUMS,
  STRATEGY_FIELDS,
  TABS,
  bi,
  type Bilingual,
  type EnumKey,
  type Lang,
  type StrategyFieldKey,
  type TabKey,
} from './template';

/** The example's story is told as of this day: October's check-ins are in, November is under way. */
export const EXAMPLE_AS_OF = '2026-11-15';

/** A cell of a plan written in both languages at once: plain, bilingual text, or an enum value by key. */
export type PlanValue = string | number | Bilingual | { enum: EnumKey; value: string } | null;
type Value = PlanValue;
/** Rows of each table tab, keyed by the template's column keys. */
export type PlanRows = Record<Exclude<TabKey, 'strategy' | 'targets'>, Record<string, PlanValue>[]>;

export const enumValue = <K extends EnumKey>(enumKey: K, value: keyof (typeof ENUMS)[K] & string): Value => ({
  enum: enumKey,
  value,
});
const e = enumValue;

const strategy: Record<StrategyFieldKey, Value> = {
  product: bi('GEO Monitor: AI search optimisation monitoring', 'GEO Monitor：AI 搜索优化监测软件'),
  vision: bi(
    'Every brand is found, and described correctly, by the AI assistants its customers ask.',
    '让每个品牌都能被客户所用的 AI 助手找到并被准确描述。',
  ),
  strategy: bi(
    'Win overseas-selling marketing teams with the most accurate GEO monitoring; land through free trials, expand team by team.',
    '以最准确的 GEO 监测赢得出海企业的市场团队：以免费试用切入，按团队逐步扩展。',
  ),
  targetUsers: bi('Marketing teams of companies selling overseas.', '出海企业的市场营销团队。'),
  problem: bi(
    'Optimising content for overseas large language models is hard; we show how AI assistants see the brand and what to fix.',
    '针对海外大语言模型优化内容很难；我们展示 AI 助手如何看待品牌，以及该改什么。',
  ),
  category: bi(
    'Generative-engine optimisation (GEO) monitoring software; the widest coverage of overseas assistants, with fixes, not just scores.',
    '生成式引擎优化（GEO）监测软件；覆盖最多的海外 AI 助手，给出可执行的改进，而不只是分数。',
  ),
  businessGoal: bi(
    'A top-3 GEO platform within 2 years, with 3,000 enterprise customers.',
    '两年内成为前三的 GEO 平台，拥有 3,000 家企业客户。',
  ),
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'USD',
  language: bi('en', 'zh-CN'),
};

const D = {
  sales: bi('Sales', '销售'),
  marketing: bi('Marketing', '市场'),
  operations: bi('Operations', '运营'),
  rnd: bi('R&D', '研发'),
  support: bi('Support', '客服'),
};

const rows: PlanRows = {
  departments: [
    { name: D.sales, lead: 'Maria Chen', color: '#0072B2' },
    { name: D.marketing, lead: 'Liam Park', color: '#E69F00' },
    { name: D.operations, lead: 'Ana Silva', color: '#009E73' },
    { name: D.rnd, lead: 'Wei Zhang', color: '#CC79A7' },
    { name: D.support, lead: 'Sam Okafor', color: '#56B4E9' },
  ],
  objectives: [
    {
      id: 'O1',
      title: bi(
        'Launch the new product this year and convert 1,000 new customers',
        '今年发布新产品并转化 1,000 家新客户',
      ),
      owner: D.sales,
      parent: null,
      start: '2026-03-01',
      end: '2026-12-31',
      notes: bi('The company objective for the launch.', '本次上市的公司级目标。'),
    },
    {
      id: 'O2',
      title: bi(
        'Ship a GEO monitor that overseas marketing teams trust',
        '交付出海市场团队信赖的 GEO 监测产品',
      ),
      owner: D.rnd,
      parent: 'O1',
      start: '2026-01-01',
      end: '2026-12-31',
      notes: null,
    },
  ],
  keyResults: [
    {
      id: 'KR1',
      objective: 'O1',
      title: bi('USD 1,000,000 in sales within six months', '六个月内实现 100 万美元销售额'),
      owner: D.sales,
      type: e('type', 'cumulative'),
      unit: 'USD',
      direction: e('direction', 'increase'),
      baseline: 0,
      target: 1_000_000,
      start: '2026-03-01',
      due: '2026-08-31',
      phasing: e('phasing', 'ramp-up'),
      weight: 1,
      confidence: 0.7,
    },
    {
      id: 'KR2',
      objective: 'O1',
      title: bi('50,000 trial sign-ups by year end', '年底前获得 50,000 个试用注册'),
      owner: D.marketing,
      type: e('type', 'cumulative'),
      unit: bi('sign-ups', '注册数'),
      direction: e('direction', 'increase'),
      baseline: 0,
      target: 50_000,
      start: '2026-03-01',
      due: '2026-12-31',
      phasing: e('phasing', 'even'),
      weight: 1,
      confidence: 0.8,
    },
    {
      id: 'KR3',
      objective: 'O1',
      title: bi('20% trial-to-paid conversion by year end', '年底前试用转付费率达到 20%'),
      owner: D.operations,
      type: e('type', 'level'),
      unit: '%',
      direction: e('direction', 'increase'),
      baseline: 0.05,
      target: 0.2,
      start: '2026-03-01',
      due: '2026-12-31',
      phasing: e('phasing', 'even'),
      weight: 1,
      confidence: 0.5,
    },
    {
      id: 'KR4',
      objective: 'O2',
      title: bi('Release v1.0 in all launch markets by the end of March', '3 月底前在所有首发市场发布 v1.0'),
      owner: D.rnd,
      type: e('type', 'milestone'),
      unit: null,
      direction: e('direction', 'increase'),
      baseline: 0,
      target: 1,
      start: '2026-01-01',
      due: '2026-03-31',
      phasing: null,
      weight: 1,
      confidence: 0.9,
    },
    {
      id: 'KR5',
      objective: 'O2',
      title: bi('AI answer accuracy of 90% by year end', '年底前 AI 回答准确率达到 90%'),
      owner: D.rnd,
      type: e('type', 'level'),
      unit: '%',
      direction: e('direction', 'increase'),
      baseline: 0.7,
      target: 0.9,
      start: '2026-01-01',
      due: '2026-12-31',
      phasing: e('phasing', 'even'),
      weight: 1,
      confidence: 0.7,
    },
  ],
  kpis: [
    {
      id: 'KPI1',
      name: bi('Monthly revenue growth', '月度收入增长率'),
      owner: D.sales,
      keyResult: 'KR1',
      unit: '%',
      direction: e('direction', 'increase'),
      target: 0.05,
      cadence: e('cadence', 'monthly'),
    },
    {
      id: 'KPI2',
      name: bi('First response time', '首次响应时间'),
      owner: D.support,
      keyResult: 'KR3',
      unit: bi('hours', '小时'),
      direction: e('direction', 'decrease'),
      target: 1,
      cadence: e('cadence', 'monthly'),
    },
    {
      id: 'KPI3',
      name: bi('New sign-ups per month', '每月新增注册数'),
      owner: D.marketing,
      keyResult: 'KR2',
      unit: bi('sign-ups', '注册数'),
      direction: e('direction', 'increase'),
      target: 5000,
      cadence: e('cadence', 'monthly'),
    },
  ],
  roadmap: [
    {
      id: 'R1',
      item: bi('Beta with 20 design partners', '与 20 家设计伙伴进行内测'),
      phase: bi('Pre-launch', '预热期'),
      owner: D.rnd,
      start: '2026-01-05',
      end: '2026-02-27',
      keyResults: 'KR4, KR5',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R2',
      item: bi('Launch campaign and website', '发布会营销与官网'),
      phase: bi('Pre-launch', '预热期'),
      owner: D.marketing,
      start: '2026-02-02',
      end: '2026-03-13',
      keyResults: 'KR2',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R3',
      item: bi('Public launch of v1.0', 'v1.0 正式发布'),
      phase: bi('Launch', '发布期'),
      owner: D.rnd,
      start: '2026-03-02',
      end: '2026-03-31',
      keyResults: 'KR4',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R4',
      item: bi('Sales playbook and partner channel', '销售手册与渠道伙伴'),
      phase: bi('Launch', '发布期'),
      owner: D.sales,
      start: '2026-03-02',
      end: '2026-04-30',
      keyResults: 'KR1',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R5',
      item: bi('Onboarding and trial nurture flows', '新手引导与试用培育流程'),
      phase: bi('Launch', '发布期'),
      owner: D.operations,
      start: '2026-03-02',
      end: '2026-05-29',
      keyResults: 'KR3',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R6',
      item: bi('Content and webinar programme', '内容与线上研讨会计划'),
      phase: bi('Growth', '增长期'),
      owner: D.marketing,
      start: '2026-04-01',
      end: '2026-12-18',
      keyResults: 'KR2',
      status: e('roadmapStatus', 'in-progress'),
    },
    {
      id: 'R7',
      item: bi('Enterprise deals push', '大客户攻坚'),
      phase: bi('Growth', '增长期'),
      owner: D.sales,
      start: '2026-05-04',
      end: '2026-08-31',
      keyResults: 'KR1',
      status: e('roadmapStatus', 'done'),
    },
    {
      id: 'R8',
      item: bi('Support desk in three time zones', '覆盖三个时区的客服中心'),
      phase: bi('Growth', '增长期'),
      owner: D.support,
      start: '2026-04-01',
      end: '2026-12-31',
      keyResults: 'KR3',
      status: e('roadmapStatus', 'in-progress'),
    },
    {
      id: 'R9',
      item: bi('Answer-accuracy improvements', '回答准确率改进'),
      phase: bi('Growth', '增长期'),
      owner: D.rnd,
      start: '2026-04-01',
      end: '2026-12-31',
      keyResults: 'KR5',
      status: e('roadmapStatus', 'in-progress'),
    },
  ],
  actuals: [
    ...series(
      'KR1',
      ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'],
      [40_000, 90_000, 150_000, 170_000, 210_000, 260_000],
    ),
    ...series('KR2', months(3, 10), [3200, 4100, 4800, 5200, 5600, 5100, 4700, 4900]),
    ...series('KR3', months(3, 10), [0.06, 0.08, 0.09, 0.1, 0.11, 0.12, 0.12, 0.13]),
    {
      date: '2026-03-24',
      metric: 'KR4',
      value: 1,
      note: bi('v1.0 released in the US, UK and Singapore.', 'v1.0 已在美国、英国和新加坡发布。'),
    },
    ...series('KR5', months(1, 10), [0.71, 0.73, 0.75, 0.77, 0.78, 0.8, 0.81, 0.83, 0.84, 0.86]),
    ...series(
      'KPI1',
      ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'],
      [1.25, 0.67, 0.13, 0.24, 0.24],
    ),
    ...series('KPI2', months(3, 10), [2.5, 1.8, 1.2, 0.9, 0.8, 0.9, 1.1, 0.7]),
    ...series('KPI3', months(3, 10), [3200, 4100, 4800, 5200, 5600, 5100, 4700, 4900]),
  ],
  changes: [
    {
      timestamp: '2026-06-02 10:15',
      sheet: bi('Key Results', '关键结果'),
      cell: 'I4',
      id: 'KR3',
      field: bi('Target', '目标值'),
      oldValue: '25%',
      newValue: '20%',
      reason: bi(
        'Trial quality lower than planned; agreed at the June review.',
        '试用用户质量低于预期；6 月复盘会上一致同意下调。',
      ),
    },
  ],
};

function months(from: number, to: number): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m++) out.push(`2026-${String(m).padStart(2, '0')}`);
  return out;
}

/** Check-ins dated the last working days of each month, as teams enter them. */
function series(metric: string, monthList: string[], values: number[]): Record<string, Value>[] {
  return monthList.map((month, i) => ({ date: `${month}-28`, metric, value: values[i], note: null }));
}

export interface ExampleOptions {
  /** Turns an ISO date into the cell a target wants: a Date for exceljs or Apps Script, a string for JSON. */
  date?: (iso: string) => Cell;
}

function render(value: Value, lang: Lang): Cell {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if ('enum' in value) return (ENUMS[value.enum] as Record<string, Bilingual>)[value.value][lang];
  return value[lang];
}

/**
 * A plan written as strategy values and keyed rows, as a workbook in one language: tab name → rows, header first,
 * every header from the template. Dates are ISO strings unless `options.date` converts them. The Targets tab is
 * not included: it is generated (see targets-sheet.ts).
 */
export function planWorkbook(
  strategyValues: Record<StrategyFieldKey, PlanValue>,
  tableRows: PlanRows,
  lang: Lang,
  options: ExampleOptions = {},
): Workbook {
  const toDate = options.date ?? ((iso: string) => iso);
  const workbook: Workbook = {};
  for (const tab of TABS) {
    if (tab.key === 'targets') continue;
    const header = tab.columns.map((c) => c.label[lang]);
    if (tab.key === 'strategy') {
      workbook[tab.label[lang]] = [
        header,
        ...STRATEGY_FIELDS.map((f) => {
          const value = render(strategyValues[f.key], lang);
          return [f.label[lang], f.kind === 'date' && typeof value === 'string' ? toDate(value) : value];
        }),
      ];
      continue;
    }
    workbook[tab.label[lang]] = [
      header,
      ...tableRows[tab.key].map((row) =>
        tab.columns.map((c) => {
          const value = render(row[c.key] ?? null, lang);
          return c.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? toDate(value)
            : value;
        }),
      ),
    ];
  }
  return workbook;
}

/** The example plan as a workbook in one language (see planWorkbook). */
export function exampleWorkbook(lang: Lang = 'en', options: ExampleOptions = {}): Workbook {
  return planWorkbook(strategy, rows, lang, options);
}
