/**
 * Plans as teams in Taiwan and Hong Kong write them: Traditional tab names, headers and values (with Taiwan's usual
 * words, e.g. 欄位 for 字段), in a real .xlsx written by exceljs and read back by the report's reader, and plans that
 * mix languages tab by tab or header by header. They must give the same key results, numbers, statuses and issue
 * cells as the English example.
 */
import { describe, expect, it } from 'vitest';

import { readXlsxBuffer } from '../report/read-xlsx';
import { exampleXlsxBuffer, utcDate } from '../report/write-xlsx';
import {
  ALIASES,
  analyzeWorkbook,
  columnDef,
  ENUMS,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  hasTraditional,
  labelSpellings,
  languageTag,
  matchesLabel,
  matchTab,
  normalizeHeader,
  parsePlan,
  planLanguageOf,
  planProgress,
  STRATEGY_FIELDS,
  tabDef,
  TABS,
  TARGETS_SUMMARY_COLUMNS,
  type Lang,
  type Localized,
  type Cell,
  type Plan,
  type PlanIssue,
  type PlanProgress,
  type Workbook,
} from '../shared';
import { getCell, rowOf, setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

/**
 * What a Taiwan team types for each Simplified word of the example's tab names, headers, Strategy fields, allowed
 * values, departments and units. Written out by hand (not by the code under test): Traditional characters, and
 * Taiwan's word where it differs (欄位, 儲存格, 營運, 規劃中).
 */
const TRADITIONAL: Record<string, string> = {
  // Tabs
  策略: '策略',
  部门: '部門',
  目标: '目標',
  关键结果: '關鍵結果',
  路线图: '路線圖',
  实际: '實際',
  变更记录: '變更記錄',
  // Headers
  字段: '欄位',
  内容: '內容',
  负责人: '負責人',
  颜色: '顏色',
  编号: '編號',
  负责部门: '負責部門',
  上级: '上級',
  开始: '開始',
  结束: '結束',
  备注: '備註',
  所属目标: '所屬目標',
  类型: '類型',
  单位: '單位',
  基线: '基線',
  目标值: '目標值',
  权重: '權重',
  频率: '頻率',
  事项: '事項',
  阶段: '階段',
  状态: '狀態',
  指标: '指標',
  数值: '數值',
  时间: '時間',
  单元格: '儲存格',
  // Strategy fields
  产品: '產品',
  愿景: '願景',
  战略: '戰略',
  目标用户: '目標使用者',
  痛点与价值: '痛點與價值',
  品类与差异化: '品類與差異化',
  商业目标: '商業目標',
  周期开始: '週期開始',
  周期结束: '週期結束',
  货币: '貨幣',
  语言: '語言',
  'zh-CN': '繁體中文',
  // Allowed values
  累计: '累計',
  计划中: '規劃中',
  进行中: '進行中',
  // Departments and units
  销售: '銷售',
  市场: '市場',
  运营: '營運',
  研发: '研發',
  注册数: '註冊數',
  小时: '小時',
};

/** The example plan in Chinese with every word of TRADITIONAL replaced: tab names, headers and cells. */
function traditionalWorkbook(): Workbook {
  const simplified = exampleWorkbook('zh-CN', { date: utcDate });
  return Object.fromEntries(
    Object.entries(simplified).map(([name, grid]) => [
      TRADITIONAL[name] ?? name,
      grid.map((row) => row.map((cell) => (typeof cell === 'string' ? (TRADITIONAL[cell] ?? cell) : cell))),
    ]),
  );
}

/** An object without the fields that are words (a title, an owner's name, a unit), which differ by language. */
function without<T extends object>(value: T, words: (keyof T)[]): Partial<T> {
  const out = { ...value };
  for (const word of words) delete out[word];
  return out;
}

/** What must not depend on the plan's language: every number, date, choice and reference. */
function figures(plan: Plan) {
  return {
    period: plan.period,
    objectives: plan.objectives.map(({ row, id, parent, start, end }) => ({ row, id, parent, start, end })),
    keyResults: plan.keyResults.map((k) => without(k, ['title', 'owner', 'unit'])),
    kpis: plan.kpis.map((k) => without(k, ['name', 'owner', 'unit'])),
    roadmap: plan.roadmap.map(({ row, id, start, end, keyResultIds, status }) => ({
      row,
      id,
      start,
      end,
      keyResultIds,
      status,
    })),
    actuals: plan.actuals.map(({ row, date, metric, value }) => ({ row, date, metric, value })),
    departments: plan.departments.map((d) => d.row),
    changes: plan.changes.map((c) => c.row),
  };
}

function statuses(progress: PlanProgress) {
  return [...progress.keyResults, ...progress.kpis].map((m) => without(m, ['name', 'owner', 'unit']));
}

/** An issue by what it is and where, the tab named by its template key (the sheet's own name differs by language). */
const located = (issues: PlanIssue[]) =>
  issues
    .map((i) => ({ code: i.code, severity: i.severity, tab: matchTab(i.sheet)?.key, a1: i.a1 }))
    // Issues are sorted by sheet name, which differs by language: compare them in one order.
    .sort((a, b) => `${a.tab} ${a.a1} ${a.code}`.localeCompare(`${b.tab} ${b.a1} ${b.code}`));

describe('a plan written in Traditional Chinese', () => {
  it('gives the same key results, numbers, statuses and issue cells as the English example, from a real .xlsx', async () => {
    const english = await readXlsxBuffer(await exampleXlsxBuffer('en'), 'example.xlsx');
    const traditional = traditionalWorkbook();
    // The same bad cell in both (KR1's first check-in): its issue must point at the same cell.
    english.Actuals[1][2] = 'abc';
    traditional['實際'][1][2] = 'abc';
    expect([english.Actuals[1][1], traditional['實際'][1][1]]).toEqual(['KR1', 'KR1']);

    const read = await throughXlsx(traditional);
    expect(Object.keys(read)).toEqual([
      '策略',
      '部門',
      '目標',
      '關鍵結果',
      'KPI',
      '路線圖',
      '實際',
      '變更記錄',
    ]);
    expect(read['關鍵結果'][0]).toContain('所屬目標');
    expect(read['策略'][0]).toEqual(['欄位', '內容']);

    const en = analyzeWorkbook(english, { asOf: EXAMPLE_AS_OF });
    const tw = analyzeWorkbook(read, { asOf: EXAMPLE_AS_OF });
    expect(tw.plan.lang).toBe('zh-TW');
    expect(tw.plan.strategy.values.product).toBe('GEO Monitor：AI 搜索优化监测软件');
    expect(tw.plan.strategy.values.vision).not.toBe('');
    expect(figures(tw.plan)).toEqual(figures(en.plan));
    expect(tw.plan.keyResults.map((k) => k.target)).toEqual([1_000_000, 50_000, 0.2, 1, 0.9]);
    expect(statuses(tw.progress)).toEqual(statuses(en.progress));
    expect(located(tw.issues)).toEqual(located(en.issues));
    expect(located(tw.issues)).toEqual([
      { code: 'not-a-number', severity: 'error', tab: 'actuals', a1: 'C2' },
      // KR1 (due in August, 92%) is missed, not behind pace: no warning at I2.
      { code: 'behind-pace', severity: 'warning', tab: 'keyResults', a1: 'I4' },
      { code: 'funnel-mismatch', severity: 'warning', tab: 'objectives', a1: 'B2' },
    ]);
    // Issues name the tab as the workbook does.
    expect(new Set(tw.issues.map((i) => i.sheet))).toEqual(new Set(['實際', '關鍵結果', '目標']));
  });

  it('reads numbers typed the way they are typed in Taiwan: 100萬, US$, 5萬, 2.5 小時', async () => {
    const wb = traditionalWorkbook();
    const kr = wb['關鍵結果'];
    const header = kr[0] as string[];
    const col = (h: string) => header.indexOf(h);
    kr[rowOf(kr, 'KR1')][col('目標值')] = '100萬';
    kr[rowOf(kr, 'KR2')][col('目標值')] = '5萬';
    kr[rowOf(kr, 'KR3')][col('基線')] = '5%';
    const actuals = wb['實際'];
    for (const row of actuals.slice(1)) {
      if (row[1] === 'KR1') row[2] = `US$${(row[2] as number).toLocaleString('en-US')}`;
      if (row[1] === 'KPI2') row[2] = `${row[2] as number} 小時`;
      if (row[1] === 'KPI3') row[2] = `${(row[2] as number) / 1000}千`;
    }
    const strategy = wb['策略'];
    strategy[rowOf(strategy, '貨幣')][1] = 'US$';

    const { plan, issues } = parsePlan(await throughXlsx(wb));
    const english = parsePlan(exampleWorkbook('en'));
    expect(issues).toEqual([]);
    expect(figures(plan)).toEqual(figures(english.plan));
  });

  it('a key result counted in 萬元, its check-ins typed "4萬": the same progress as in NT dollars', async () => {
    const wb = traditionalWorkbook();
    const kr = wb['關鍵結果'];
    const header = kr[0] as string[];
    const col = (h: string) => header.indexOf(h);
    kr[rowOf(kr, 'KR1')][col('單位')] = '萬元';
    kr[rowOf(kr, 'KR1')][col('目標值')] = 100;
    for (const row of wb['實際'].slice(1)) if (row[1] === 'KR1') row[2] = `${(row[2] as number) / 10_000}萬`;
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const inWan = planProgress(plan, EXAMPLE_AS_OF).keyResults.find((k) => k.id === 'KR1')!;
    const inDollars = planProgress(
      analyzeWorkbook(exampleWorkbook('en'), { asOf: EXAMPLE_AS_OF }).plan,
      EXAMPLE_AS_OF,
    ).keyResults.find((k) => k.id === 'KR1')!;
    // 92 萬元 of 100: the same 92% as 920,000 of 1,000,000, not 920,000 萬元 and "done".
    expect(inWan.current).toBe(92);
    expect({ attainment: inWan.attainment, status: inWan.status }).toEqual({
      attainment: inDollars.attainment,
      status: inDollars.status,
    });
  });

  it('finds Traditional headers below a title row, and points at the cells that are really empty', () => {
    const wb = traditionalWorkbook();
    const strategy = wb['策略'];
    strategy.unshift(['GEO Monitor 上市計劃', '']);
    strategy[rowOf(strategy, '願景')][1] = '';
    const { plan, issues } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
    expect(plan.strategy.values.product).not.toBe('');
    expect(plan.layout.strategy?.headerRow).toBe(2);
    const vision = issues.filter((i) => i.code === 'strategy-field-missing');
    expect(vision.map((i) => [i.sheet, i.a1])).toEqual([['策略', `B${rowOf(strategy, '願景') + 1}`]]);
    expect(strategy[vision[0].row! - 1][0]).toBe('願景');
  });

  it('reads a Strategy tab whose header row is not recognised from the column that holds the field names', () => {
    const wb = exampleWorkbook('en');
    // A header row in words the template does not know, and the list moved one column right.
    wb.Strategy = wb.Strategy.map((row, r) => ['', ...(r === 0 ? ['Item', 'Answer'] : row)]);
    const { plan } = parsePlan(wb);
    expect(plan.strategy.values.product).toBe(parsePlan(exampleWorkbook('en')).plan.strategy.values.product);
    expect(plan.layout.strategy?.columns).toEqual({ field: 2, value: 3 });
  });
});

describe('any plan, any mix', () => {
  /** The English example with headers in three languages in turn: English, Simplified, Traditional, English… */
  function mixedHeaders(): Workbook {
    const wb = exampleWorkbook('en');
    const zh = exampleWorkbook('zh-CN');
    for (const def of TABS) {
      const name = def.label.en;
      if (!wb[name]) continue;
      const zhHeader = zh[def.label['zh-CN']][0];
      wb[name][0] = wb[name][0].map((en, c) => {
        const simplified = zhHeader[c] as string;
        return [en, simplified, TRADITIONAL[simplified] ?? simplified][c % 3];
      });
    }
    return wb;
  }

  it('English tab names with headers in English, Simplified and Traditional Chinese on one row', () => {
    const wb = mixedHeaders();
    expect(wb['Key Results'][0].slice(0, 3)).toEqual(['ID', '所属目标', '關鍵結果']);
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(figures(plan)).toEqual(figures(parsePlan(exampleWorkbook('en')).plan));
  });

  it('tab names in three languages in one workbook, with Taiwan words and aliases', () => {
    const wb = exampleWorkbook('zh-CN');
    const renamed: Workbook = {};
    const names: Record<string, string> = {
      策略: 'Strategy',
      部门: '部門',
      目标: 'Objectives',
      关键结果: '關鍵成果',
      KPI: 'KPIs',
      路线图: '路線圖',
      实际: '實際值',
      变更记录: '變更紀錄',
    };
    for (const [name, grid] of Object.entries(wb)) renamed[names[name] ?? name] = grid;
    const { plan, issues } = parsePlan(renamed);
    expect(issues).toEqual([]);
    expect(Object.keys(renamed).map((n) => matchTab(n)?.key)).toEqual(TABS.slice(0, 8).map((t) => t.key));
    expect(figures(plan)).toEqual(figures(parsePlan(exampleWorkbook('en')).plan));
    // Some tab names written the Traditional way, no Language cell: the plan is Traditional Chinese.
    const strategy = renamed.Strategy;
    strategy.splice(rowOf(strategy, '语言'), 1);
    expect(parsePlan(renamed).plan.lang).toBe('zh-TW');
    // Simplified headers: one character of the text that OpenCC folds (於) does not make the plan Traditional.
    const simplified = exampleWorkbook('zh-CN');
    setCell(simplified, '策略', '语言', '内容', '中文');
    setCell(simplified, '策略', '产品', '内容', '专注於 AI 搜索');
    const named2: Workbook = {};
    for (const [name, grid] of Object.entries(simplified)) named2[matchTab(name)!.label.en] = grid;
    expect(parsePlan(named2).plan.lang).toBe('zh-CN');
  });

  it('enum values in Traditional characters and Taiwan words', () => {
    const wb = exampleWorkbook('en');
    const typed: [string, string, Cell][] = [
      ['KR1', 'Type', '累計'],
      ['KR1', 'Phasing', '自訂'],
      ['KR3', 'Type', '水準'],
      ['KR5', 'Type', '門檻'],
      ['KR2', 'Phasing', '前高後低'],
    ];
    for (const [id, header, value] of typed) setCell(wb, 'Key Results', id, header, value);
    setCell(wb, 'KPIs', 'KPI1', 'Cadence', '每週');
    setCell(wb, 'Roadmap', 'R6', 'Status', '規劃中');
    const { plan, issues } = parsePlan(wb);
    expect(issues.filter((i) => i.code === 'invalid-choice')).toEqual([]);
    expect(plan.keyResults.map((k) => [k.type, k.phasing])).toEqual([
      ['cumulative', 'custom'],
      ['cumulative', 'front-loaded'],
      ['level', 'even'],
      ['milestone', 'even'],
      ['threshold', 'even'],
    ]);
    expect(plan.kpis[0].cadence).toBe('weekly');
    expect(plan.roadmap.find((r) => r.id === 'R6')?.status).toBe('planned');
  });
});

describe("Taiwan's own words", () => {
  it('choices: 累積, 閥值, 提高 / 增加, 減少 / 下降, 平均分配, 未開始, 執行中', () => {
    const wb = exampleWorkbook('en');
    const typed: [string, string, string, Cell][] = [
      ['Key Results', 'KR1', 'Type', '累積'],
      ['Key Results', 'KR5', 'Type', '閥值'],
      ['Key Results', 'KR2', 'Direction', '增加'],
      ['Key Results', 'KR3', 'Direction', '提高'],
      ['Key Results', 'KR2', 'Phasing', '平均分配'],
      ['KPIs', 'KPI2', 'Direction', '減少'],
      ['KPIs', 'KPI1', 'Direction', '下降'],
      ['Roadmap', 'R6', 'Status', '未開始'],
      ['Roadmap', 'R5', 'Status', '執行中'],
    ];
    for (const [tab, id, header, value] of typed) setCell(wb, tab, id, header, value);
    const { plan, issues } = parsePlan(wb);
    expect(issues.filter((i) => i.code === 'invalid-choice')).toEqual([]);
    const kr = (id: string) => plan.keyResults.find((k) => k.id === id)!;
    expect([
      kr('KR1').type,
      kr('KR5').type,
      kr('KR2').direction,
      kr('KR3').direction,
      kr('KR2').phasing,
    ]).toEqual(['cumulative', 'threshold', 'increase', 'increase', 'even']);
    expect(plan.kpis.map((k) => [k.id, k.direction]).slice(0, 2)).toEqual([
      ['KPI1', 'decrease'],
      ['KPI2', 'decrease'],
    ]);
    const status = (id: string) => plan.roadmap.find((r) => r.id === id)?.status;
    expect([status('R6'), status('R5')]).toEqual(['planned', 'in-progress']);
  });

  it('headers: 實績 (check-in value), 基準值 (baseline), 比重 (weight), 部門 (owner)', () => {
    const wb = exampleWorkbook('en');
    const rename = (tab: string, from: string, to: string) => {
      const header = wb[tab][0] as string[];
      header[header.indexOf(from)] = to;
    };
    rename('Actuals', 'Value', '實績');
    rename('Key Results', 'Baseline', '基準值');
    rename('Key Results', 'Weight', '比重');
    rename('Key Results', 'Owner', '部門');
    const { plan, issues } = parsePlan(wb);
    const english = parsePlan(exampleWorkbook('en'));
    expect(issues.map((i) => i.code)).toEqual(english.issues.map((i) => i.code));
    expect(plan.keyResults).toEqual(english.plan.keyResults);
    expect(plan.actuals).toEqual(english.plan.actuals);
  });

  it('a Currency written 新台幣(NTD) or 台幣 TWD is TWD: NT$ amounts are read, not refused as another currency', () => {
    for (const currency of ['新台幣(NTD)', '台幣 TWD', '新台幣（元）', 'NT']) {
      const wb = exampleWorkbook('en');
      setCell(wb, 'Strategy', 'Currency', 'Value', currency);
      // A Unit naming no currency: the plan's Currency decides (a Unit of USD would, and refuse NT$).
      setCell(wb, 'Key Results', 'KR1', 'Unit', '');
      setCell(wb, 'Key Results', 'KR1', 'Target', 'NT$100萬');
      const { plan, issues } = parsePlan(wb);
      expect(
        issues.filter((i) => i.code === 'currency-mismatch' || i.code === 'metric-currency-mismatch'),
        currency,
      ).toEqual([]);
      expect(plan.keyResults[0].target, currency).toBe(1_000_000);
    }
  });

  it('a department without a name: the example in the fix is a department name in the reader’s language', () => {
    const wb = exampleWorkbook('zh-TW');
    const departments = wb['部門'];
    departments[1][0] = '';
    const issue = parsePlan(wb).issues.find((i) => i.code === 'missing-id')!;
    expect(issue.fix['zh-TW']).toBe('填寫一個簡短且唯一的編號，例如 市場。');
    expect(issue.fix.en).toBe('Give it a short unique ID, e.g. Marketing.');
  });

  it('a Language of 中文（台灣） or Chinese (Taiwan) is Traditional Chinese', () => {
    for (const name of ['中文（台灣）', '繁體中文(台灣)', 'Chinese (Taiwan)', '中文(香港)'])
      expect(languageTag(name), name).toBe('zh-TW');
  });
});

describe('the Language cell', () => {
  const names: [string, string | null][] = [
    ['en', 'en'],
    ['English', 'en'],
    ['ENGLISH', 'en'],
    ['英文', 'en'],
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['简体中文', 'zh-CN'],
    ['簡體中文', 'zh-CN'],
    ['中文', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['Chinese', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh_tw', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['繁體中文', 'zh-TW'],
    ['繁体中文', 'zh-TW'],
    ['正體中文', 'zh-TW'],
    ['Traditional Chinese', 'zh-TW'],
    ['中文（繁體）', 'zh-TW'],
    ['fr', null],
    ['Deutsch', null],
    ['日本語', null],
    ['English please', null],
  ];

  it('names a language in the ways people type one', () => {
    for (const [typed, tag] of names) expect(languageTag(typed), typed).toBe(tag);
  });

  it('sets the plan language from the name typed in the Language cell', () => {
    for (const [typed, tag] of names.filter(([, t]) => t !== null)) {
      const wb = exampleWorkbook('en');
      setCell(wb, 'Strategy', 'Language', 'Value', typed);
      const { plan, issues } = parsePlan(wb);
      expect(issues, typed).toEqual([]);
      expect(plan.lang, typed).toBe(tag);
    }
  });

  it('a Language that names Chinese without a script (中文, zh, Chinese, 華語) follows the tabs: Traditional tabs, Traditional plan', () => {
    for (const typed of ['中文', 'zh', 'Chinese', '華語', '漢語']) {
      const tw = exampleWorkbook('zh-TW');
      setCell(tw, '策略', '語言', '內容', typed);
      const { plan, issues } = parsePlan(tw);
      expect(plan.lang, typed).toBe('zh-TW');
      expect(issues, typed).toEqual([]);
      // On Simplified tabs it is Simplified, as it always was; and a script named is the script used.
      const cn = exampleWorkbook('zh-CN');
      setCell(cn, '策略', '语言', '内容', typed);
      expect(parsePlan(cn).plan.lang, typed).toBe('zh-CN');
    }
    const named = exampleWorkbook('zh-TW');
    setCell(named, '策略', '語言', '內容', '简体中文');
    expect(parsePlan(named).plan.lang).toBe('zh-CN');
    // English tab names over Traditional headers and text: the headers decide.
    const english = exampleWorkbook('zh-TW');
    setCell(english, '策略', '語言', '內容', '中文');
    const renamed: Workbook = {};
    for (const [name, grid] of Object.entries(english)) renamed[matchTab(name)!.label.en] = grid;
    expect(parsePlan(renamed).plan.lang).toBe('zh-TW');
  });

  it('a blank Language is decided as an unknown one is: by the tab names, and under English tab names by the headers', () => {
    const languageField = (lang: Lang) => STRATEGY_FIELDS.find((f) => f.key === 'language')!.label[lang];
    /** The example in `lang` with its Language cell blank, its tabs named in English when `englishTabs`. */
    const blank = (lang: Lang, englishTabs: boolean): Workbook => {
      const wb = exampleWorkbook(lang);
      setCell(
        wb,
        tabDef('strategy').label[lang],
        languageField(lang),
        columnDef('strategy', 'value').label[lang],
        '',
      );
      if (!englishTabs) return wb;
      const renamed: Workbook = {};
      for (const [name, grid] of Object.entries(wb)) renamed[matchTab(name)!.label.en] = grid;
      return renamed;
    };
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      // Each example, its Language blank: the language it is written in, tabs and headers alike.
      const { plan, issues } = parsePlan(blank(lang, false));
      expect(plan.lang, lang).toBe(lang);
      expect(issues, lang).toEqual([]);
      // Under English tab names the headers decide: a Chinese plan is not read as English because its tabs are.
      const english = parsePlan(blank(lang, true));
      expect(english.plan.lang, `${lang} under English tab names`).toBe(lang);
      expect(english.issues, lang).toEqual([]);
      // As with a Language naming Chinese without a script, or naming no language at all.
      const chinese = blank(lang, true);
      setCell(
        chinese,
        'Strategy',
        languageField(lang),
        columnDef('strategy', 'value').label[lang],
        'Klingon',
      );
      expect(parsePlan(chinese).plan.lang, `${lang}, Language Klingon`).toBe(english.plan.lang);
    }
    // Headers naming their columns in two languages ("目標值 Target") say neither: an English plan with such
    // headers, its Language blank, stays English.
    const bilingual = blank('en', false);
    for (const [key, grid] of Object.entries(bilingual)) {
      const tab = matchTab(key)!.key;
      const head = grid.findIndex((row) => row.some((c) => typeof c === 'string' && c !== ''));
      grid[head] = grid[head].map((cell) => {
        const column = tabDef(tab).columns.find((c) => c.label.en === cell);
        return column ? `${column.label['zh-TW']} ${column.label.en}` : cell;
      });
    }
    expect(parsePlan(bilingual).plan.lang).toBe('en');
    // One tab renamed in Chinese among English ones (實際數 for Actuals) does not make an English plan Chinese.
    const oneTab = blank('en', false);
    oneTab['實際數'] = oneTab['Actuals'];
    delete oneTab['Actuals'];
    expect(parsePlan(oneTab).plan.lang).toBe('en');
  });

  it('planLanguageOf, reading only the Strategy tab, tab names and headers, decides as the parser does, also without a Strategy tab', () => {
    const cases: [string, Workbook, Lang][] = [];
    /** The example in `lang` under its own or English tab names, with `edit` made. */
    const variant = (lang: Lang, englishTabs: boolean, edit: (wb: Workbook) => void = () => {}): Workbook => {
      const own = exampleWorkbook(lang);
      const wb: Workbook = {};
      for (const [name, grid] of Object.entries(own))
        wb[englishTabs ? matchTab(name)!.label.en : name] = grid;
      edit(wb);
      return wb;
    };
    const tab = (key: 'strategy' | 'keyResults', lang: Lang, englishTabs: boolean) =>
      tabDef(key).label[englishTabs ? 'en' : lang];
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const)
      for (const englishTabs of [false, true]) {
        const what = `${lang}${englishTabs ? ' under English tab names' : ''}`;
        cases.push([what, variant(lang, englishTabs), lang]);
        cases.push([
          `${what}, no Key Results`,
          variant(lang, englishTabs, (wb) => delete wb[tab('keyResults', lang, englishTabs)]),
          lang,
        ]);
        // No Strategy tab, so no Language cell: the tab names decide, and under English ones the headers.
        cases.push([
          `${what}, no Strategy`,
          variant(lang, englishTabs, (wb) => delete wb[tab('strategy', lang, englishTabs)]),
          lang,
        ]);
      }
    // The Language cell decides over the tab names; one naming no language leaves them to decide.
    for (const [typed, tag] of [
      ['简体中文', 'zh-CN'],
      ['繁體中文', 'zh-TW'],
      ['English', 'en'],
      ['Klingon', 'zh-TW'],
    ] as const) {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, '策略', '語言', '內容', typed);
      cases.push([`zh-TW, Language ${typed}`, wb, tag]);
    }
    for (const [what, wb, expected] of cases) {
      expect(parsePlan(wb).plan.lang, what).toBe(expected);
      expect(planLanguageOf(wb), what).toBe(expected);
    }
  });

  it('warns at the cell about a language it does not know, and says which one it uses instead', () => {
    const wb = exampleWorkbook('zh-CN');
    setCell(wb, '策略', '语言', '内容', 'Français');
    const { plan, issues } = parsePlan(wb);
    expect(plan.lang).toBe('zh-CN'); // from the tab names
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({ code: 'unknown-language', severity: 'warning', sheet: '策略' });
    expect(issue.a1).toBe(`B${rowOf(wb['策略'], '语言') + 1}`);
    expect(issue.message.en).toBe(
      'The Language "Français" is not a language the plan can use; it is read as Simplified Chinese.',
    );
    expect(issue.message['zh-CN']).toBe('无法识别语言“Français”，计划按简体中文处理。');

    const en = exampleWorkbook('en');
    setCell(en, 'Strategy', 'Language', 'Value', 'fr');
    expect(parsePlan(en).plan.lang).toBe('en');
    expect(parsePlan(en).issues.map((i) => [i.code, i.sheet, i.a1])).toEqual([
      ['unknown-language', tabDef('strategy').label.en, `B${rowOf(en.Strategy, 'Language') + 1}`],
    ]);
  });
});

describe('the template’s other spellings (ALIASES)', () => {
  const forms = (label: Parameters<typeof labelSpellings>[0]) => labelSpellings(label).map(normalizeHeader);

  /** No spelling may name two things in one place: two tabs, two columns of a tab, two values of a choice. */
  function expectDisjoint(what: string, groups: [string, string[]][]) {
    const owner = new Map<string, string>();
    for (const [name, spellings] of groups)
      for (const form of new Set(spellings)) {
        expect(owner.get(form) ?? name, `${what}: "${form}" names both ${owner.get(form)} and ${name}`).toBe(
          name,
        );
        owner.set(form, name);
      }
  }

  it('never makes one spelling name two tabs, two columns of a tab, two fields or two values', () => {
    expectDisjoint(
      'tabs',
      TABS.map((t) => [t.key, forms(t.label)]),
    );
    for (const t of TABS) {
      const columns = t.key === 'targets' ? [...t.columns, ...TARGETS_SUMMARY_COLUMNS] : t.columns;
      expectDisjoint(
        t.key,
        columns.map((c) => [c.key, forms(c.label)]),
      );
    }
    expectDisjoint(
      'strategy fields',
      STRATEGY_FIELDS.map((f) => [f.key, forms(f.label)]),
    );
    for (const [enumKey, values] of Object.entries(ENUMS))
      expectDisjoint(
        enumKey,
        Object.entries(values as Record<string, Localized>).map(([key, label]) => [
          key,
          [key, ...labelSpellings(label)].map((s) => normalizeHeader(s).replace(/-/g, '')),
        ]),
      );
  });

  it('gives every alias written in Traditional characters its Simplified twin, which it matches', () => {
    const lists = [
      ...Object.values(ALIASES.tabs),
      ...Object.values(ALIASES.columns),
      ...Object.values(ALIASES.fields),
      ...Object.values(ALIASES.values),
    ] as string[][];
    for (const list of lists)
      for (const spelling of list.filter(hasTraditional)) {
        const twin = list.find((s) => !hasTraditional(s) && normalizeHeader(s) === normalizeHeader(spelling));
        expect(twin, `${spelling} in ${JSON.stringify(list)}`).toBeDefined();
      }
  });

  it('folds only Traditional characters: English, Simplified and other text stay as they are', () => {
    expect(normalizeHeader('關鍵結果')).toBe(normalizeHeader('关键结果'));
    expect(normalizeHeader('Key Results')).toBe('keyresults');
    expect(normalizeHeader('销售 R&D')).toBe('销售r&d');
    expect(matchesLabel('欄位', tabDef('strategy').columns[0].label)).toBe(true);
    expect(matchesLabel('單位', tabDef('keyResults').columns.find((c) => c.key === 'unit')!.label)).toBe(
      true,
    );
    expect(matchTab('Departments and more')).toBeUndefined();
  });
});

describe('a plan as a Taiwanese team writes its headers', () => {
  it('reads 實際資料, 起始值, 拆解方式, 開始日, 截止日, 上層目標, 計畫開始, 計畫結束 and 幣種 as the template’s own words', () => {
    const wb = exampleWorkbook('zh-TW');
    const rename = (grid: unknown[][], from: string, to: string) => {
      const row = grid.findIndex((r) => r[0] === from);
      if (row >= 0) grid[row][0] = to;
      else grid[0][grid[0].indexOf(from)] = to;
    };
    const { 實際: checkIns, ...rest } = wb;
    const written: Workbook = { ...rest, 實際資料: checkIns };
    for (const [from, to] of [
      ['基線', '起始值'],
      ['分解方式', '拆解方式'],
      ['開始', '開始日'],
      ['截止', '截止日'],
    ])
      rename(written['關鍵結果'], from, to);
    rename(written['目標'], '上級', '上層目標');
    rename(written['策略'], '週期開始', '計畫開始');
    rename(written['策略'], '週期結束', '計畫結束');
    rename(written['策略'], '貨幣', '幣種');
    const read = parsePlan(written);
    const example = parsePlan(exampleWorkbook('zh-TW'));
    expect(read.issues).toEqual(example.issues);
    expect(read.plan.period).toEqual(example.plan.period);
    expect(read.plan.strategy.values.currency).toBe(example.plan.strategy.values.currency);
    expect(read.plan.keyResults).toEqual(example.plan.keyResults);
    expect(read.plan.objectives).toEqual(example.plan.objectives);
    expect(read.plan.actuals).toEqual(example.plan.actuals);
    expect(read.plan.layout.actuals?.sheet).toBe('實際資料');
  });
});

describe('Taiwan’s words in the Traditional Chinese plan', () => {
  it('a level key result is 水準, as Taiwan says it; 水平, the word before, is read the same', () => {
    const wb = exampleWorkbook('zh-TW');
    expect(getCell(wb, '關鍵結果', 'KR3', '類型')).toBe('水準');
    setCell(wb, '關鍵結果', 'KR3', '類型', '水平');
    const { plan, issues } = parsePlan(wb);
    expect(plan.keyResults[2].type).toBe('level');
    expect(issues).toEqual(parsePlan(exampleWorkbook('zh-TW')).issues);
  });
});

describe('names typed in either script', () => {
  it('an owner typed 销售, 营运 or 研发 in a Traditional plan is its department 銷售, 營運, 研發: one each, no error', () => {
    // The example's departments: 銷售, 市場, 營運, 研發, 客服.
    const wb = exampleWorkbook('zh-TW');
    const owner = (tab: string, id: string, name: string) => setCell(wb, tab, id, '負責部門', name);
    owner('關鍵結果', 'KR1', '销售');
    owner('關鍵結果', 'KR3', '营运');
    owner('關鍵結果', 'KR4', '研发');
    const { plan, issues, progress } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
    expect(issues.filter((i) => i.code === 'unknown-owner')).toEqual([]);
    // One roll-up per department, named as its tab spells it.
    expect(Object.keys(progress.departments).sort()).toEqual(['客服', '市場', '營運', '研發', '銷售'].sort());
    expect(progress.departments['研發'].metrics).toBe(2);
    expect(plan.keyResults.map((k) => k.owner)).toEqual(['销售', '市場', '营运', '研发', '研發']);
    // 計畫 is 计划, a plan; 動畫 stays 动画, an animation team, not 动划.
    expect(normalizeHeader('動畫組')).toBe(normalizeHeader('动画组'));
    expect(normalizeHeader('計畫開始')).toBe(normalizeHeader('计划开始'));
    // Half-converted, as an input method leaves it, too.
    for (const typed of ['计畫開始', '計画开始'])
      expect(normalizeHeader(typed), typed).toBe(normalizeHeader('计划开始'));
  });
});
