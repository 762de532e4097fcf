/**
 * An Actuals tab kept as months in columns, as people in Taiwan and China often keep check-ins: one row per metric,
 * one column per month (指標 | 1月 | 2月 …). Each figure under a month is one check-in of its row's metric for that
 * month, every message about it names its own cell, and progress is the same as the same check-ins typed as rows.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeWorkbook,
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
    // Months side by side in month order: the add-on's Targets tab reads them too, and the tip says so.
    expect(tip.fix['zh-TW']).toContain('「目標分解」表的累計至今各欄也讀取這些月份');
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
    // A target column between the months: the Targets tab's to-date columns do not read them, and the tip says so.
    expect(tip.fix['zh-TW']).toContain('這些欄會保持空白');
    expect(tip.fix['zh-TW']).toContain('按「日期 | 指標 | 數值」逐列記錄實際資料');
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
    expect(plan.layout.actuals?.wide?.headers).toEqual({ 2: '1月（累計）', 3: '2月（累計）' });
    const en = exampleWorkbook('en');
    en['Actuals'] = [
      ['Metric', 'Jan (YTD)', 'Feb (YTD)'],
      ['KR1', 100, 300],
    ];
    expect(read(en)).toEqual(read(wb));
    expect(parsePlan(en).plan.layout.actuals?.wide?.headers).toEqual({ 2: 'Jan (YTD)', 3: 'Feb (YTD)' });
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

/**
 * Figures under the months typed as totals to date where the tab's own words say so (1月（累計）, a title 2026 實績
 * （累計）, "Sales (YTD)" over the months, a row's Note 累計至本月): a cumulative key result's check-ins are the
 * amounts of their months and are added up, so 1,000 … 8,000 count 36,000 where the total is 8,000. Read through a
 * real .xlsx as the CLI reads it, counted as typed, and said where the words are, with the amount to type in each
 * cell.
 */
describe('months in columns said to be totals to date', () => {
  const months = 10;
  /** The example kept wide under `header`, KR2's figures typed as totals (1,000 … 8,000, 3月 … 10月). */
  function runningTotals(lang: Lang, header: (month: number) => Cell, above: Cell[][] = []): Workbook {
    const wb = exampleWorkbook(lang);
    const wide = asWide(wb, lang, header);
    const kr2 = wide.find((row) => row[0] === 'KR2')!;
    for (let m = 3; m <= months; m++) kr2[m] = (m - 2) * 1000;
    wb[actualsTab(lang)] = [...above, ...wide];
    return wb;
  }
  async function analyze(wb: Workbook, merges: Record<string, readonly string[]> = {}) {
    const { issues, progress } = analyzeWorkbook(await throughXlsx(wb, merges), { asOf: EXAMPLE_AS_OF });
    return { issues, kr2: progress.keyResults.find((k) => k.id === 'KR2')! };
  }
  const said = (issues: PlanIssue[], code: string, lang: Lang) =>
    issues.filter((i) => i.code === code).map((i) => [`${i.sheet}!${i.a1}`, i.message[lang], i.fix[lang]]);
  const TO_DATE = ['to-date-header', 'to-date-header-wide', 'to-date-note', 'running-total'];
  const zhMonth = (m: number) => `${m}月`;
  const enMonth = (m: number) =>
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'][m - 1];

  it('zh-TW: month headers 1月（累計） … are said at 實際!B1 with the amount to type in each cell', async () => {
    const { issues, kr2 } = await analyze(runningTotals('zh-TW', (m) => `${m}月（累計）`));
    expect(said(issues, 'to-date-header-wide', 'zh-TW')).toEqual([
      [
        '實際!B1',
        '表頭「1月（累計）」註明「累計」：各月份下的數字看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加：KR1 計為 920,000，而其最新的累計值為 260,000；KR2 計為 36,000，而其最新的累計值為 8,000。',
        '請在各儲存格填寫該月本身新增的數量（該月的累計值減去前一個月的累計值）：KR1：E2 填 50,000、F2 填 60,000、G2 填 20,000、H2 填 40,000、I2 填 50,000；KR2：E3 填 1,000、F3 填 1,000、G3 填 1,000、H3 填 1,000、I3 填 1,000、J3 填 1,000、K3 填 1,000。如果這些數字本來就是每月新增的數量，請從「1月（累計）」及其他寫有該詞的表頭中刪去「累計」。',
      ],
    ]);
    // Said once, by the words, not by the figures' reading too; counted as typed.
    expect(issues.filter((i) => TO_DATE.includes(i.code)).map((i) => i.code)).toEqual([
      'to-date-header-wide',
    ]);
    expect([kr2.actualToDate, kr2.status]).toEqual([36000, 'on-track']);
  });

  it('en / zh-CN: a header over the months and a title row are said where they are', async () => {
    const en = await analyze(runningTotals('en', enMonth, [['', 'Sales (YTD)']]), { Actuals: ['B1:K1'] });
    expect(said(en.issues, 'to-date-header-wide', 'en')).toEqual([
      [
        'Actuals!B1',
        'The header "Sales (YTD)" says "YTD": the figures under the months read as totals to date, but the check-ins of a cumulative key result are added up as the amounts of their months: KR1 counts 920,000, where its latest total is 260,000; KR2 counts 36,000, where its latest total is 8,000.',
        'Type each month\'s own amount in its cell (its total less the month before\'s): KR1: 50,000 in E3, 60,000 in F3, 20,000 in G3, 40,000 in H3, 50,000 in I3; KR2: 1,000 in E4, 1,000 in F4, 1,000 in G4, 1,000 in H4, 1,000 in I4, 1,000 in J4, 1,000 in K4. If the figures are the amounts of their months, take "YTD" out of "Sales (YTD)" and any other header that has it.',
      ],
    ]);
    const cn = await analyze(runningTotals('zh-CN', zhMonth, [['2026年各月实绩（累计）']]));
    expect(said(cn.issues, 'to-date-header-wide', 'zh-CN')).toEqual([
      [
        '实际!A1',
        '表头“2026年各月实绩（累计）”注明“累计”：各月份下的数字看来是至今的累计值，但累计型关键结果的实际数据会按每月新增的数量相加：KR1 计为 920,000，而其最新的累计值为 260,000；KR2 计为 36,000，而其最新的累计值为 8,000。',
        '请在各单元格填写该月本身新增的数量（该月的累计值减去前一个月的累计值）：KR1：E3 填 50,000、F3 填 60,000、G3 填 20,000、H3 填 40,000、I3 填 50,000；KR2：E4 填 1,000、F4 填 1,000、G4 填 1,000、H4 填 1,000、I4 填 1,000、J4 填 1,000、K4 填 1,000。如果这些数字本来就是每月新增的数量，请从“2026年各月实绩（累计）”及其他写有该词的表头中删去“累计”。',
      ],
    ]);
    expect(cn.kr2.actualToDate).toBe(36000);
  });

  it('zh-TW: 實際（累計） under each month merged over 目標 | 實際 is said at its first cell', async () => {
    const wide = runningTotals('zh-TW', zhMonth)['實際'];
    const wb = exampleWorkbook('zh-TW');
    const col = (n: number) => String.fromCharCode(64 + n);
    // Each month over two columns: its target (99,999, left out) and its actual figure.
    wb['實際'] = [
      ['指標', ...wide[0].slice(1).flatMap((month) => [month, ''])],
      ['', ...wide[0].slice(1).flatMap(() => ['目標', '實際（累計）'])],
      ...wide.slice(1).map((row) => [row[0], ...row.slice(1).flatMap((cell) => [99999, cell])]),
    ];
    const merges = Array.from({ length: months }, (_, i) => `${col(2 + 2 * i)}1:${col(3 + 2 * i)}1`);
    const { issues, kr2 } = await analyze(wb, { 實際: merges });
    const header = said(issues, 'to-date-header-wide', 'zh-TW');
    expect(header.map(([at]) => at)).toEqual(['實際!C2']);
    expect(header[0][2]).toContain(
      'KR2：I4 填 1,000、K4 填 1,000、M4 填 1,000、O4 填 1,000、Q4 填 1,000、S4 填 1,000、U4 填 1,000。',
    );
    expect(kr2.actualToDate).toBe(36000);
  });

  it('a row Note 累計至本月 is said at each month cell after the first, with its amount', async () => {
    const wb = runningTotals('zh-TW', zhMonth);
    const tab = wb['實際'];
    tab[0].push('備註');
    for (const row of tab.slice(1)) row.push(row[0] === 'KR2' ? '累計至本月' : '');
    const { issues } = await analyze(wb);
    const notes = said(issues, 'to-date-note', 'zh-TW');
    expect(notes.map(([at]) => at)).toEqual(['E', 'F', 'G', 'H', 'I', 'J', 'K'].map((c) => `實際!${c}3`));
    expect(notes[6]).toEqual([
      '實際!K3',
      'KR2 這筆實際資料的「備註」寫著「累計」：8,000 看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加，因此它全數計入 2026-10。',
      '請只填寫 2026-10 新增的數量：1,000（8,000 減去前一次的累計值 7,000）；如果 8,000 就是當月新增的數量，請從「備註」中刪去「累計」。',
    ]);
    expect(said(issues, 'to-date-header-wide', 'zh-TW')).toEqual([]);
  });

  it('says nothing of negated words (非累計, 不含累计, not YTD) nor of the example kept wide', async () => {
    const cases: [Lang, (m: number) => Cell, Cell[][]][] = [
      ['zh-TW', (m) => `${m}月（非累計）`, []],
      ['zh-TW', zhMonth, [['2026 實績（本月新增，非累計）']]],
      ['zh-CN', (m) => `${m}月（不含累计）`, []],
      ['zh-CN', zhMonth, [['各月实绩（不是累计数）']]],
      ['en', (m) => `${enMonth(m)} (not YTD)`, []],
      ['en', enMonth, [['Monthly sales, not YTD']]],
    ];
    for (const [lang, header, above] of cases) {
      const { issues } = await analyze(runningTotals(lang, header, above));
      expect(issues.filter((i) => TO_DATE.includes(i.code) && i.code !== 'running-total')).toEqual([]);
    }
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const wb = exampleWorkbook(lang);
      wb[actualsTab(lang)] = asWide(wb, lang, lang === 'en' ? enMonth : zhMonth);
      const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      expect(issues.filter((i) => TO_DATE.includes(i.code))).toEqual([]);
    }
  });
});
