/**
 * An Actuals tab kept as months in columns, as people in Taiwan and China often keep check-ins: one row per metric,
 * one column per month (指標 | 1月 | 2月 …). Each figure under a month is one check-in of its row's metric for that
 * month, every message about it names its own cell, and progress is the same as the same check-ins typed as rows.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  parsePlan,
  planProgress,
  sortPlanIssues,
  STRATEGY_FIELDS,
  tabDef,
  type Cell,
  type Lang,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { checkInColumns } from '../shared/check-in-columns';
import { fillMergedCells } from '../shared/cells';
import { throughXlsx } from './helpers/xlsx';

const actualsTab = (lang: Lang) => tabDef('actuals').label[lang];

/** Parser issues plus check issues, as the sidebar lists them. */
function allIssues(wb: Workbook, asOf = EXAMPLE_AS_OF): PlanIssue[] {
  const { plan, issues } = parsePlan(wb);
  return sortPlanIssues(plan, [...issues, ...checkPlan(plan, { asOf })]);
}

const onTab = (issues: PlanIssue[], tab: string) =>
  issues.filter((i) => i.sheet === tab).map((i) => [i.code, i.a1]);

/** The example's check-ins rewritten as one row per metric and one column per month, headed by `header`. */
function asWide(wb: Workbook, lang: Lang, header: (month: number) => Cell): Cell[][] {
  const long = wb[actualsTab(lang)];
  const metrics: string[] = [];
  const byMetric = new Map<string, Map<number, Cell>>();
  let last = 0;
  for (const [date, metric, value] of long.slice(1)) {
    const month = Number(String(date).slice(5, 7));
    last = Math.max(last, month);
    if (!byMetric.has(String(metric))) {
      metrics.push(String(metric));
      byMetric.set(String(metric), new Map());
    }
    expect(byMetric.get(String(metric))!.has(month)).toBe(false);
    byMetric.get(String(metric))!.set(month, value);
  }
  const months = Array.from({ length: last }, (_, i) => i + 1);
  const metricHeader = tabDef('actuals').columns.find((c) => c.key === 'metric')!.label[lang];
  return [
    [metricHeader, ...months.map(header)],
    ...metrics.map((m) => [m, ...months.map((month) => byMetric.get(m)!.get(month) ?? '')]),
  ];
}

/** The Strategy tab's period set to other days. */
function setPeriod(wb: Workbook, lang: Lang, start: string, end: string): void {
  const grid = wb[tabDef('strategy').label[lang]];
  for (const [key, value] of [
    ['periodStart', start],
    ['periodEnd', end],
  ] as const) {
    const label = STRATEGY_FIELDS.find((f) => f.key === key)!.label[lang];
    grid.find((row) => row[0] === label)![1] = value;
  }
}

describe('an Actuals tab kept as months in columns', () => {
  it('is read in Traditional Chinese (指標 | 1月 | 2月 …), with a tip at the header and no missing columns', () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '1月', '2月', '3月', '4月'],
      ['KR1', 100, 200, 300, 400],
      ['KR2', 5, 6, 7, 8],
    ];
    const { plan, issues } = parsePlan(wb);
    expect(onTab(issues, '實際')).toEqual([['wide-actuals', 'B1']]);
    const tip = issues.find((i) => i.code === 'wide-actuals')!;
    expect(tip.severity).toBe('tip');
    expect(tip.message['zh-TW']).toContain('1月 … 4月，讀取 4 個月');
    // The add-on's Targets tab sums check-ins kept as rows only: the tip says its to-date columns stay blank.
    expect(tip.fix['zh-TW']).toContain(
      '「目標分解」表的累計至今各欄只讀取按「日期 | 指標 | 數值」逐列記錄的實際資料',
    );
    expect(plan.actuals.map((a) => [a.row, a.date, a.metric, a.value])).toEqual([
      [2, '2026-01-01', 'KR1', 100],
      [2, '2026-02-01', 'KR1', 200],
      [2, '2026-03-01', 'KR1', 300],
      [2, '2026-04-01', 'KR1', 400],
      [3, '2026-01-01', 'KR2', 5],
      [3, '2026-02-01', 'KR2', 6],
      [3, '2026-03-01', 'KR2', 7],
      [3, '2026-04-01', 'KR2', 8],
    ]);
    expect(Array.from(checkInColumns(plan).valueColumns!)).toEqual([2, 3, 4, 5, 2, 3, 4, 5]);
  });

  it('is read in English, with month names, years and dates as headers, blanks as no check-in', () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'] = [
      ['Metric', 'Note', 'Mar', 'April', '2026-05', 'Jun 2026', new Date(Date.UTC(2026, 6, 1)), '2026年8月'],
      ['KR1', 'from the CRM', 40000, 90000, '', 60000, 70000, 80000],
      ['KR2', '', 2000, '', 4500, 5000, 5000, 5500],
    ];
    const { plan, issues } = parsePlan(wb);
    expect(onTab(issues, 'Actuals')).toEqual([['wide-actuals', 'C1']]);
    expect(plan.actuals.map((a) => [a.date, a.metric, a.value, a.note])).toEqual([
      ['2026-03-01', 'KR1', 40000, 'from the CRM'],
      ['2026-04-01', 'KR1', 90000, 'from the CRM'],
      ['2026-06-01', 'KR1', 60000, 'from the CRM'],
      ['2026-07-01', 'KR1', 70000, 'from the CRM'],
      ['2026-08-01', 'KR1', 80000, 'from the CRM'],
      ['2026-03-01', 'KR2', 2000, ''],
      ['2026-05-01', 'KR2', 4500, ''],
      ['2026-06-01', 'KR2', 5000, ''],
      ['2026-07-01', 'KR2', 5000, ''],
      ['2026-08-01', 'KR2', 5500, ''],
    ]);
  });

  it('names a cell that is no number, or an impossible value, at its own cell and by its month', () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '3月', '4月', '5月', '6月'],
      ['KR1', 40000, 'n/a', 60000, 'NT$ 1.2萬'],
      ['KR2', 2000, '1.2萬', -5, 4500],
      ['KR3', 0.02, 25, '', ''],
      ['', 1, 2, '', ''],
    ];
    const issues = allIssues(wb, '2026-07-15');
    const at = (a1: string) => issues.filter((i) => i.sheet === '實際' && i.a1 === a1);
    // "n/a": not a number, at C2, named by its month (not the Value column, which the tab does not have).
    expect(at('C2').map((i) => i.code)).toEqual(['not-a-number']);
    expect(at('C2')[0].message['zh-TW']).toBe('KR1 的「4月」為「n/a」，不是數字。');
    expect(at('C2')[0].message.en).toBe('4月 of KR1 is "n/a", which is not a number.');
    // NT$ in a plan counted in USD: at its own cell.
    expect(at('E2').map((i) => i.code)).toEqual(['currency-mismatch']);
    // 1.2萬 sign-ups is 12,000: read, and quoted as typed where a message names it.
    const { plan } = parsePlan(wb);
    expect(plan.actuals.find((a) => a.metric === 'KR2' && a.date === '2026-04-01')?.value).toBe(12000);
    // A negative count, and 25 for a rate of 20%: each at its own cell.
    expect(at('D3').map((i) => i.code)).toEqual(['negative-check-in']);
    expect(at('C4').map((i) => i.code)).toEqual(['percent-as-whole-number']);
    // Named by its month, not by the Value column the tab does not have.
    expect(at('C4')[0].message.en).toMatch(/^4月 of KR3: 25 looks like 25%/);
    // Figures without a metric: once, at the Metric cell.
    expect(at('A5').map((i) => i.code)).toEqual(['missing-value']);
    // A month whose figure was typed but refused is not said to lack one.
    expect(
      issues.filter((i) => i.code.startsWith('stale-check-in') && i.message.en.startsWith('KR1 ')),
    ).toEqual([]);
  });

  it('says a metric that is no key result or KPI once for its row, at its Metric cell', () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '3月', '4月', '5月'],
      ['KR1', 40000, 90000, 150000],
      ['KR99', 1, 2, 3],
      ['KR 2', 2000, 4500, 5000],
    ];
    const { plan, issues } = parsePlan(wb);
    const said = checkPlan(plan, { asOf: EXAMPLE_AS_OF }).filter(
      (i) => i.code === 'unknown-metric' || i.code === 'metric-id-near',
    );
    expect(said.map((i) => [i.code, i.a1])).toEqual([
      ['unknown-metric', 'A3'],
      ['metric-id-near', 'A4'],
    ]);
    expect(onTab(issues, '實際')).toEqual([['wide-actuals', 'B1']]);
  });

  it('says a repeat at the repeating cell, naming the other row', () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'] = [
      ['Metric', 'Mar', 'Apr', 'May'],
      ['KR1', 40000, 90000, 150000],
      ['KR2', 2000, 4500, 5000],
      ['KR1', '', 90000, ''],
    ];
    const dup = allIssues(wb).filter((i) => i.code === 'duplicate-check-in');
    expect(dup.map((i) => i.a1)).toEqual(['C4']);
    expect(dup[0].message.en).toContain('row 2');
  });

  it('no month read (every header without its year in a two-year period): errors at the headers, no tip of "0 months read"', () => {
    const wb = exampleWorkbook('zh-TW');
    setPeriod(wb, 'zh-TW', '2026-07-01', '2027-06-30');
    wb['實際'] = [
      ['指標', '7月', '8月'],
      ['KR1', 100, 200],
    ];
    const { plan, issues } = parsePlan(wb);
    expect(issues.filter((i) => i.code === 'month-header-year').map((i) => i.a1)).toEqual(['B1', 'C1']);
    expect(issues.filter((i) => i.code === 'wide-actuals')).toEqual([]);
    expect(plan.actuals).toEqual([]);
  });

  it('a month header without a year, where the period spans two years, is an error at that header with a fix that works', () => {
    const wb = exampleWorkbook('zh-TW');
    setPeriod(wb, 'zh-TW', '2026-07-01', '2027-06-30');
    wb['實際'] = [
      ['指標', '2026年11月', '12月', '1月', '2027-02'],
      ['KR1', 100, 200, 300, 400],
    ];
    const { plan, issues } = parsePlan(wb);
    const year = issues.filter((i) => i.code === 'month-header-year');
    expect(year.map((i) => [i.a1, i.severity])).toEqual([
      ['C1', 'error'],
      ['D1', 'error'],
    ]);
    expect(year[0].message['zh-TW']).toBe(
      '「實際」表的月份表頭「12月」沒有年份，而計畫期間（2026-07-01 至 2027-06-30）跨兩個年度：無法判斷是哪一年，因此這一欄未讀取。',
    );
    // The fix names the year in which the period has that month, in both forms the reader takes.
    expect(year[0].fix['zh-TW']).toBe('在表頭寫上年份：2026年12月 或 2026-12。');
    expect(year[1].fix.en).toBe('Type the year in the header: 2027年1月 or 2027-01.');
    // The headers with a year are read; the others are not guessed.
    expect(plan.actuals.map((a) => [a.date, a.value])).toEqual([
      ['2026-11-01', 100],
      ['2027-02-01', 400],
    ]);
    // The fix works: typed so, every column is read.
    wb['實際'][0] = ['指標', '2026年11月', '2026年12月', '2027-01', '2027-02'];
    const fixed = parsePlan(wb);
    expect(fixed.issues.filter((i) => i.code === 'month-header-year')).toEqual([]);
    expect(fixed.plan.actuals.map((a) => a.date)).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
  });

  it('a month without a check-in is said at the cell it goes in, not as a row to add', () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'] = asWide(
      wb,
      'en',
      (m) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'][m - 1],
    );
    // KR2's October figure (K3) left blank.
    const row = wb['Actuals'].findIndex((r) => r[0] === 'KR2');
    wb['Actuals'][row][10] = '';
    const stale = allIssues(wb).filter((i) => i.code.startsWith('stale-check-in'));
    expect(stale.map((i) => [i.code, i.a1])).toEqual([['stale-check-in-wide', `K${row + 1}`]]);
    expect(stale[0].fix.en).toBe(
      `KR2's figure for 2026-10 goes where its row meets the month's column: type it in K${row + 1}.`,
    );
    expect(stale[0].fix['zh-TW']).toBe(
      `KR2 在 2026-10 的數字填在它所在的列與該月份欄的交會處：填入 K${row + 1}。`,
    );
  });

  it('gives the progress and statuses of the same check-ins typed as rows', () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      const long = exampleWorkbook(lang);
      const wide = exampleWorkbook(lang);
      const headers: Record<Lang, (m: number) => Cell> = {
        en: (m) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'][m - 1],
        'zh-CN': (m) => `${m}月`,
        'zh-TW': (m) => `${m}月`,
      };
      wide[actualsTab(lang)] = asWide(long, lang, headers[lang]);
      const a = parsePlan(long);
      const b = parsePlan(wide);
      expect(b.issues.filter((i) => i.code !== 'wide-actuals')).toEqual(a.issues);
      const pa = planProgress(a.plan, EXAMPLE_AS_OF);
      const pb = planProgress(b.plan, EXAMPLE_AS_OF);
      // A check-in is dated the first of its month, where the example's rows are dated the 28th: a milestone's done
      // day is the one thing that differs, and only in its day.
      const sameMonth = (p: typeof pa) =>
        JSON.parse(JSON.stringify(p), (key, value) =>
          (key === 'doneOn' || key === 'doneLateOn') && typeof value === 'string' ? value.slice(0, 7) : value,
        );
      expect(sameMonth(pb)).toEqual(sameMonth(pa));
      expect(pb.keyResults.map((m) => m.status)).toEqual(pa.keyResults.map((m) => m.status));
      // The check issues (behind pace, the funnel) are the same, at the same cells.
      const checks = (r: typeof a) =>
        checkPlan(r.plan, { asOf: EXAMPLE_AS_OF }).map((i) => [i.code, i.sheet, i.a1]);
      expect(checks(b)).toEqual(checks(a));
    }
  });

  it('is the same plan as the long layout with each Date typed as its month', () => {
    const long = exampleWorkbook('en');
    for (const row of long['Actuals'].slice(1)) row[0] = String(row[0]).slice(0, 7);
    const wide = exampleWorkbook('en');
    wide['Actuals'] = asWide(long, 'en', (m) => `2026-${String(m).padStart(2, '0')}`);
    const pa = planProgress(parsePlan(long).plan, EXAMPLE_AS_OF);
    const pb = planProgress(parsePlan(wide).plan, EXAMPLE_AS_OF);
    expect(pb).toEqual(pa);
  });

  it("counts a figure merged over several months once, in its first month's cell", () => {
    const wb = exampleWorkbook('en');
    const grid: Cell[][] = [
      ['Metric', 'Mar', 'Apr', 'May', 'Jun'],
      ['KR2', 2000, 14100, '', ''],
    ];
    wb['Actuals'] = fillMergedCells(grid, [{ top: 2, left: 3, bottom: 2, right: 5 }]);
    const { plan, issues } = parsePlan(wb);
    expect(plan.actuals.map((a) => [a.date, a.value])).toEqual([
      ['2026-03-01', 2000],
      ['2026-04-01', 14100],
    ]);
    expect(onTab(issues, 'Actuals')).toEqual([
      ['wide-actuals', 'B1'],
      ['merged-months', 'C2'],
    ]);
  });

  it('reads a month typed twice (三月 and 2026-03) in its first column only, and says the second', () => {
    const wb = exampleWorkbook('zh-CN');
    wb['实际'] = [
      ['指标', '三月', '2026年4月', '2026-03'],
      ['KR1', 40000, 90000, 40000],
    ];
    const { plan, issues } = parsePlan(wb);
    expect(onTab(issues, '实际')).toEqual([
      ['duplicate-column', 'D1'],
      ['wide-actuals', 'B1'],
    ]);
    expect(plan.actuals.map((a) => [a.date, a.value])).toEqual([
      ['2026-03-01', 40000],
      ['2026-04-01', 90000],
    ]);
  });

  it('is not taken for a tab that has a Date or a Value column, nor for one month header alone', () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'] = [
      ['Metric', 'Value', 'Mar', 'Apr'],
      ['KR1', 40000, '', ''],
    ];
    expect(parsePlan(wb).issues.map((i) => i.code)).toContain('missing-column');
    wb['Actuals'] = [
      ['Metric', 'Mar'],
      ['KR1', 40000],
    ];
    const codes = parsePlan(wb).issues.map((i) => i.code);
    expect(codes).toContain('missing-column');
    expect(codes).not.toContain('wide-actuals');
  });
});

describe('an Actuals tab kept as months in columns, with a target and an actual column under each month', () => {
  const read = (wb: Workbook) => parsePlan(wb).plan.actuals.map((a) => [a.metric, a.date, a.value]);

  it('reads only the actual column under a month merged over 目標 | 實際 (two header rows, zh-TW, through .xlsx)', async () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '1月', '', '2月', '', '3月', ''],
      ['', '目標', '實際', '目標', '實際', '目標', '實際'],
      ['KR1', 99999, 100, 99999, 200, 99999, 300],
      ['KR2', 88888, 5, 88888, '', 88888, 7],
    ];
    const book = await throughXlsx(wb, { 實際: ['A1:A2', 'B1:C1', 'D1:E1', 'F1:G1'] });
    const { plan, issues } = parsePlan(book);
    expect(onTab(issues, '實際')).toEqual([['wide-actuals', 'B1']]);
    expect(read(book)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 200],
      ['KR1', '2026-03-01', 300],
      ['KR2', '2026-01-01', 5],
      ['KR2', '2026-03-01', 7],
    ]);
    const tip = issues.find((i) => i.code === 'wide-actuals')!;
    expect(tip.message['zh-TW']).toContain('目標欄不讀取（共 3 欄，第一欄為「1月 目標」）');
    expect(plan.layout.actuals?.wide?.rows.kr1).toBe(3);
    // zh-CN, 计划 | 实绩 (实绩 is a Value header too, and 指标 merged over both rows): the month row still heads.
    const cn = exampleWorkbook('zh-CN');
    cn['实际'] = [
      ['指标', '1月', '', '2月', ''],
      ['', '计划', '实绩', '计划', '实绩'],
      ['KR1', 99999, 100, 99999, 200],
    ];
    const cnBook = await throughXlsx(cn, { 实际: ['A1:A2', 'B1:C1', 'D1:E1'] });
    expect(onTab(parsePlan(cnBook).issues, '实际')).toEqual([['wide-actuals', 'B1']]);
    expect(read(cnBook)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 200],
    ]);
  });

  it('reads only the actual one of pairs in one header row ("Jan target | Jan actual", en)', () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'] = [
      ['Metric', 'Jan target', 'Jan actual', 'Feb target', 'Feb actual'],
      ['KR1', 99999, 100, 99999, 200],
    ];
    const { issues } = parsePlan(wb);
    expect(onTab(issues, 'Actuals')).toEqual([['wide-actuals', 'B1']]);
    expect(issues.find((i) => i.code === 'wide-actuals')!.message.en).toContain(
      'its target column is left out (2 columns, the first "Jan target")',
    );
    expect(read(wb)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 200],
    ]);
    // The same in Chinese: 1月目標 | 1月實際.
    const zh = exampleWorkbook('zh-TW');
    zh['實際'] = [
      ['指標', '1月目標', '1月實際', '2月目標', '2月實際'],
      ['KR1', 99999, 100, 99999, 200],
    ];
    expect(onTab(parsePlan(zh).issues, '實際')).toEqual([['wide-actuals', 'B1']]);
    expect(read(zh)).toEqual(read(wb));
  });

  it('does not guess a month whose columns name no actual one: an error at its header, whose fix works', async () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '1月', '', '2月', ''],
      ['', '目標', '預估', '目標', '實際'],
      ['KR1', 99999, 100, 99999, 200],
    ];
    const merges = { 實際: ['B1:C1', 'D1:E1'] };
    const { issues } = parsePlan(await throughXlsx(wb, merges));
    expect(onTab(issues, '實際')).toEqual([
      ['month-actual-unclear', 'B1'],
      ['wide-actuals', 'D1'],
    ]);
    const error = issues.find((i) => i.code === 'month-actual-unclear')!;
    expect(error.severity).toBe('error');
    expect(error.message['zh-TW']).toContain('「1月」有多欄（「目標」、「預估」）');
    expect(error.fix['zh-TW']).toContain('B2:C2');
    expect(error.fix['zh-TW']).toContain('「實際」');
    expect(read(await throughXlsx(wb, merges))).toEqual([['KR1', '2026-02-01', 200]]);
    // The fix: the actual column headed 實際.
    wb['實際'][1][2] = '實際';
    const fixed = await throughXlsx(wb, merges);
    expect(onTab(parsePlan(fixed).issues, '實際')).toEqual([['wide-actuals', 'B1']]);
    expect(read(fixed)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 200],
    ]);
    // In one header row: "Jan target | Jan", the fix naming "Jan actual".
    const en = exampleWorkbook('en');
    en['Actuals'] = [
      ['Metric', 'Jan target', 'Jan', 'Feb'],
      ['KR1', 99999, 100, 200],
    ];
    const inRow = parsePlan(en).issues.find((i) => i.code === 'month-actual-unclear')!;
    expect(inRow.a1).toBe('B1');
    expect(inRow.fix.en).toContain('"Jan Actual"');
    en['Actuals'][0][2] = 'Jan Actual';
    expect(onTab(parsePlan(en).issues, 'Actuals')).toEqual([['wide-actuals', 'B1']]);
    expect(read(en)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 200],
    ]);
  });

  it('reads a month header with a note in brackets (1月（累計）, "Jan (YTD)") and keeps the note', () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '1月（累計）', '2月（累計）'],
      ['KR1', 100, 300],
    ];
    const { plan, issues } = parsePlan(wb);
    expect(onTab(issues, '實際')).toEqual([['wide-actuals', 'B1']]);
    expect(read(wb)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 300],
    ]);
    expect(plan.layout.actuals?.notedHeaders).toEqual({ value: '1月（累計）' });
    const en = exampleWorkbook('en');
    en['Actuals'] = [
      ['Metric', 'Jan (YTD)', 'Feb (YTD)'],
      ['KR1', 100, 300],
    ];
    expect(read(en)).toEqual(read(wb));
    expect(parsePlan(en).plan.layout.actuals?.notedHeaders).toEqual({ value: 'Jan (YTD)' });
  });

  it('reads a Minguo month with a slash (115/01) as 2026-01', () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'] = [
      ['指標', '115/01', '115/02'],
      ['KR1', 100, 200],
    ];
    expect(onTab(parsePlan(wb).issues, '實際')).toEqual([['wide-actuals', 'B1']]);
    expect(read(wb)).toEqual([
      ['KR1', '2026-01-01', 100],
      ['KR1', '2026-02-01', 200],
    ]);
  });
});
