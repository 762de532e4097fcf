/**
 * Plans as GTM leads in Taiwan and Hong Kong type them, found in a QA round: headers naming their column in two
 * languages ("方向 Direction", "目標值/Target") or with a mark ("目標值*", "Target:"), the words they use for
 * columns, tabs and allowed values (主責部門, 月份, KPI指標, 越低越好, 延遲), a Language cell naming a place (台灣),
 * a Type or Direction that cannot be read (never judged on the default), and 目標 (an objective) kept apart from
 * 目標值 (a target). Each side: what is read now, and what stays refused or unambiguous.
 */
import { describe, expect, it } from 'vitest';
import { phaseColor } from '../report/view/roadmap';
import { buildReportView } from '../report/view-model';

import {
  columnLetter,
  analyzeWorkbook,
  CATALOGUES,
  enumLabel,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  leftOutMetrics,
  matchEnum,
  matchPhase,
  matchTab,
  parsePlan,
  type Plan,
  type PlanIssue,
  type RoadmapStatus,
  type Workbook,
} from '../shared';
import { colOf, setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const KR = '關鍵結果';

/** The Traditional Chinese example with one header renamed: `tab`'s header `from` becomes `to`. */
function withHeader(
  tab: string,
  from: string,
  to: string,
  wb: Workbook = exampleWorkbook('zh-TW'),
): Workbook {
  wb[tab][0][colOf(wb[tab], from)] = to;
  return wb;
}

const codes = (issues: PlanIssue[]) => issues.map((i) => i.code);
const structural = (issues: PlanIssue[]) =>
  issues.filter((i) => /^(missing-column|ambiguous-header|unread-header|missing-tab)/.test(i.code));

describe('a header naming its column in two languages, or with a mark after it', () => {
  const example = parsePlan(exampleWorkbook('zh-TW')).plan;

  it('reads "中文 English", "English 中文", with a slash, a bar or a line break, and a trailing * or colon', async () => {
    const headers: [string, string, string][] = [
      ['KPI', '方向', '方向 Direction'],
      [KR, '開始', '開始 Start'],
      [KR, '單位', '單位 Unit'],
      [KR, '基線', 'Baseline 基線'],
      [KR, '信心', 'Confidence %'],
      [KR, '目標值', '目標值 Target'],
      ['實際', '日期', '日期 Date'],
      ['實際', '數值', '數值 Value'],
    ];
    const wb = exampleWorkbook('zh-TW');
    for (const [tab, from, to] of headers) withHeader(tab, from, to, wb);
    // Through a real .xlsx, as the report reads a plan.
    const { plan, issues } = parsePlan(await throughXlsx(wb));
    expect(structural(issues)).toEqual([]);
    expect(plan.keyResults).toEqual(example.keyResults);
    expect(plan.kpis).toEqual(example.kpis);
    expect(plan.actuals).toEqual(example.actuals);
    expect(plan.kpis.find((k) => k.id === 'KPI2')?.direction).toBe('decrease');

    for (const target of [
      '目標值/Target',
      '目標值\nTarget',
      '目標值 | Target',
      '目標值*',
      '目標值：',
      'Target:',
      'Target 目標值',
    ]) {
      const read = parsePlan(withHeader(KR, '目標值', target));
      expect(structural(read.issues), target).toEqual([]);
      expect(
        read.plan.keyResults.map((kr) => kr.target),
        target,
      ).toEqual(example.keyResults.map((kr) => kr.target));
    }
  });

  it('reads a header of two names of one column as that column, and one naming two columns as neither, said', () => {
    // "開始 Due": Start in Chinese, Due in English. Not read as either; both are then missing.
    const { plan, issues } = parsePlan(withHeader(KR, '開始', '開始 Due'));
    const ambiguous = issues.filter((i) => i.code === 'ambiguous-header');
    expect(ambiguous.map((i) => [i.sheet, i.a1, i.severity])).toEqual([[KR, 'J1', 'warning']]);
    expect(ambiguous[0].message['zh-TW']).toBe(
      '「關鍵結果」表的表頭「開始 Due」寫了不止一欄（「開始」、「截止」），因此不按其中任何一欄讀取。',
    );
    // Due is still read from its own column, Start from none (the period start).
    expect(plan.keyResults.map((kr) => kr.due)).toEqual(example.keyResults.map((kr) => kr.due));
    expect(plan.keyResults.every((kr) => kr.start === null)).toBe(true);
    expect(codes(issues)).toContain('missing-column-optional');

    // A column of the person's own headed "Start / Due", beside the Start and Due columns, is theirs: nothing said.
    const own = exampleWorkbook('en');
    own['Key Results'][0].push('Start / Due');
    expect(codes(parsePlan(own).issues)).not.toContain('ambiguous-header');

    // A name the plan does not know beside one it does is not taken as that column either.
    for (const header of ['目標值 Goal', '* 目標值', '%'])
      expect(
        parsePlan(withHeader(KR, '目標值', header)).plan.keyResults.every((kr) => kr.target === null),
        header,
      ).toBe(true);
  });

  it('says a missing column at a header that may be it, naming it, else where the column would go', () => {
    const near = parsePlan(withHeader(KR, '目標值', '預計目標值'));
    const [missing] = near.issues.filter((i) => i.code === 'missing-column');
    expect([missing.sheet, missing.a1]).toEqual([KR, 'I1']);
    expect(missing.message['zh-TW']).toBe(
      '「關鍵結果」表缺少「目標值」欄。表頭「預計目標值」（I1）可能就是該欄：如果是，請改名為「目標值」。',
    );
    expect(missing.message.en).toBe(
      'Column "Target" is missing on "關鍵結果". The header "預計目標值" (I1) may be meant as it: if so, rename it "Target".',
    );

    // Nothing like it: at the first free header cell, where the column would go, with nothing named.
    const wb = exampleWorkbook('zh-TW');
    const target = colOf(wb[KR], '目標值');
    for (const row of wb[KR]) row.splice(target, 1);
    const [gone] = parsePlan(wb).issues.filter((i) => i.code === 'missing-column');
    expect([gone.sheet, gone.a1, gone.message['zh-TW']]).toEqual([
      KR,
      `${columnLetter(wb[KR][0].length + 1)}1`,
      '「關鍵結果」表缺少「目標值」欄。',
    ]);
  });
});

describe('the words Taiwan and Hong Kong teams use for columns, tabs and allowed values', () => {
  const example = parsePlan(exampleWorkbook('zh-TW')).plan;

  it('reads their headers as the columns they mean', () => {
    const renames: [string, string, string][] = [
      [KR, '負責部門', '主責部門'],
      [KR, '截止', '預計完成日'],
      [KR, '類型', '指標類型'],
      [KR, '信心', '把握度'],
      [KR, '基線', '基線值'],
      ['目標', '結束', '完成日'],
      ['KPI', '編號', '指標編號'],
      ['KPI', '負責部門', '主责部门'],
      ['路線圖', '結束', '完成期限'],
      ['路線圖', '狀態', '現況'],
      ['實際', '日期', '月份'],
      ['實際', '指標', '指標編號'],
      ['實際', '數值', '實績值'],
    ];
    const wb = exampleWorkbook('zh-TW');
    for (const [tab, from, to] of renames) withHeader(tab, from, to, wb);
    const { plan, issues } = parsePlan(wb);
    expect(structural(issues)).toEqual([]);
    expect(plan).toEqual({ ...example, layout: plan.layout });
    for (const [from, to] of [
      ['類型', 'KR類型'],
      ['信心', '信心水準'],
      ['基線', '基線值'],
      ['截止', '完成日'],
      ['截止', '完成期限'],
    ]) {
      const read = parsePlan(withHeader(KR, from, to));
      expect(structural(read.issues), to).toEqual([]);
      expect(read.plan.keyResults, to).toEqual(example.keyResults);
    }
    for (const header of ['實際數值', '數據', '实绩值'])
      expect(parsePlan(withHeader('實際', '數值', header)).plan.actuals).toEqual(example.actuals);
  });

  it('does not read 現況 ("the current state") on Key Results as the Baseline: a team may update it each month', () => {
    const { plan, issues } = parsePlan(withHeader(KR, '基線', '現況'));
    expect(plan.layout.keyResults?.columns.baseline).toBeUndefined();
    expect(codes(issues)).toContain('missing-column-optional');
  });

  it('reads their tab names, and still says a name close to a tab without being it', () => {
    for (const [name, key] of [
      ['KPI指標', 'kpis'],
      ['KPI 指标', 'kpis'],
      ['Actual', 'actuals'],
      ['Check-in', 'actuals'],
      ['Check-ins', 'actuals'],
      ['上市路線圖', 'roadmap'],
      ['GTM 路線圖', 'roadmap'],
      ['上市路线图', 'roadmap'],
    ])
      expect(matchTab(name)?.key, name).toBe(key);
    const wb = exampleWorkbook('zh-TW');
    const renamed: Workbook = {};
    for (const [name, grid] of Object.entries(wb))
      renamed[{ KPI: 'KPI指標', 路線圖: '上市路線圖', 實際: 'Check-ins' }[name] ?? name] = grid;
    const read = analyzeWorkbook(renamed, { asOf: EXAMPLE_AS_OF });
    expect(codes(read.issues)).toEqual(['funnel-mismatch', 'behind-pace']);
    expect(read.plan.kpis).toEqual(example.kpis);

    // More of them (QA, zh-TW): performance and operating indicators, the schedule, the figures and the change record.
    for (const [name, key] of [
      ['績效指標', 'kpis'],
      ['营运指标', 'kpis'],
      ['時程規劃', 'roadmap'],
      ['實際數', 'actuals'],
      ['異動紀錄', 'changes'],
      ['异动记录', 'changes'],
    ])
      expect(matchTab(name)?.key, name).toBe(key);
    const taiwan: Workbook = {};
    for (const [name, grid] of Object.entries(wb))
      taiwan[{ KPI: '績效指標', 路線圖: '時程規劃', 實際: '實際數', 變更記錄: '異動紀錄' }[name] ?? name] =
        grid;
    const readTaiwan = analyzeWorkbook(taiwan, { asOf: EXAMPLE_AS_OF });
    expect(codes(readTaiwan.issues)).toEqual(['funnel-mismatch', 'behind-pace']);
    expect(readTaiwan.plan.kpis).toEqual(example.kpis);
    expect(readTaiwan.plan.changes).toEqual(example.changes);

    expect(matchTab('KPI 追蹤')).toBeUndefined();
    const near = exampleWorkbook('zh-TW');
    near['Actuals 2026'] = near['實際'];
    delete near['實際'];
    expect(codes(parsePlan(near).issues)).toContain('tab-name-near');
  });

  it('reads a dash or N/A in a choice cell as blank, and a milestone without a readable Direction as a milestone', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR4', 'Direction', 'N/A'); // KR4 is the example's milestone
    setCell(wb, 'Key Results', 'KR2', 'Phasing', '-');
    const { plan, issues } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
    expect(codes(issues).filter((c) => c === 'invalid-choice' || c === 'unreadable-by-formulas')).toEqual([]);
    expect(plan.keyResults.find((k) => k.id === 'KR2')!.phasing).toBe('even');
    // A milestone's Direction means nothing: not read, nothing said, the milestone judged.
    const milestone = exampleWorkbook('en');
    setCell(milestone, 'Key Results', 'KR4', 'Direction', 'sideways');
    const read = analyzeWorkbook(milestone, { asOf: EXAMPLE_AS_OF });
    expect(codes(read.issues)).not.toContain('invalid-choice');
    expect(read.progress.keyResults.find((k) => k.id === 'KR4')!.leftOut).toBeNull();
    // Where the Direction decides the status (a KPI, lower is better), N/A is no direction: said, and left out.
    const kpi = exampleWorkbook('en');
    setCell(kpi, 'KPIs', 'KPI2', 'Direction', 'N/A');
    const judged = analyzeWorkbook(kpi, { asOf: EXAMPLE_AS_OF });
    expect(codes(judged.issues)).toContain('invalid-choice');
    expect(judged.progress.kpis.find((k) => k.id === 'KPI2')!.leftOut).toBe('invalid-choice');
  });

  it('reads their allowed values as the closest of the template’s, in both scripts', () => {
    const values: [Parameters<typeof matchEnum>[0], string[], string][] = [
      ['direction', ['成長', '成长', '增長', '增长', '上升', '越高越好', '提升', '提高'], 'increase'],
      ['direction', ['越低越好', '降低', '下降', '減少'], 'decrease'],
      ['type', ['累計型', '累计型', '累積', '累計'], 'cumulative'],
      ['cadence', ['月', '月度', '每月'], 'monthly'],
      ['cadence', ['週', '周', '每週'], 'weekly'],
      ['roadmapStatus', ['卡關', '卡关', '受阻', 'stuck'], 'blocked'],
      // And the English a team writes (an unread Direction or Phasing leaves the metric out of progress).
      ['direction', ['Higher is better', 'higher', 'Up', 'maximise'], 'increase'],
      ['direction', ['Lower is better', 'lower is better', 'Down', 'minimize'], 'decrease'],
      ['phasing', ['linear', 'Straight-line', 'straight line', '均分', 'evenly', 'flat'], 'even'],
      ['direction', ['↑', 'more', 'grow', '越多越好', 'increase (higher is better)'], 'increase'],
      ['direction', ['↓', 'less', 'reduce', '越少越好', 'decrease（lower is better）'], 'decrease'],
      ['phasing', ['ramp', 'back-loaded'], 'ramp-up'],
      ['type', ['Cumulative (sum)', 'sum'], 'cumulative'],
      ['type', ['binary', 'yes/no'], 'milestone'],
    ];
    for (const [enumKey, spellings, key] of values)
      for (const spelling of spellings) expect(matchEnum(enumKey, spelling), spelling).toBe(key);
    // min and max name a bar's kind (a floor, a ceiling) as often as a direction: not read. Nor is "total" (3,000
    // customers in total is a level).
    for (const [enumKey, word] of [
      ['direction', 'min'],
      ['direction', 'max'],
      ['type', 'total'],
    ] as const)
      expect(matchEnum(enumKey, word), word).toBeUndefined();
    // Words that are no allowed value stay refused at their cell.
    for (const [enumKey, word] of [
      ['direction', '持平'],
      ['type', '比率'],
      ['cadence', '年'],
      ['roadmapStatus', '取消'],
    ] as const)
      expect(matchEnum(enumKey, word), word).toBeUndefined();

    const wb = exampleWorkbook('zh-TW');
    setCell(wb, 'KPI', 'KPI2', '方向', '越低越好');
    setCell(wb, 'KPI', 'KPI2', '頻率', '週');
    setCell(wb, '路線圖', 'R2', '狀態', '卡關');
    const { plan, issues } = parsePlan(wb);
    expect(codes(issues)).toEqual([]);
    expect(plan.kpis.find((k) => k.id === 'KPI2')).toMatchObject({
      direction: 'decrease',
      cadence: 'weekly',
    });
    expect(plan.roadmap.find((r) => r.id === 'R2')?.status).toBe('blocked');
  });
});

describe('a roadmap item late, or paused, is not blocked (QA zh-TW: 延宕 read as 受阻)', () => {
  // Blocked means nothing moves until something else is resolved; a review acts on it differently from work that
  // is moving but late, or that someone chose to pause.
  it('reads 延宕 / 延遲 / late as delayed and 暫停 / paused as on hold, in the plan and in the report', () => {
    const words: [string, RoadmapStatus][] = [
      ['延宕', 'delayed'],
      ['延遲', 'delayed'],
      ['延迟', 'delayed'],
      ['進度落後', 'delayed'],
      ['Delayed', 'delayed'],
      ['late', 'delayed'],
      ['behind schedule', 'delayed'],
      ['暫停', 'on-hold'],
      ['暂停', 'on-hold'],
      ['擱置', 'on-hold'],
      ['On hold', 'on-hold'],
      ['paused', 'on-hold'],
      ['卡關', 'blocked'],
      ['受阻', 'blocked'],
    ];
    for (const [word, status] of words) {
      const wb = exampleWorkbook('zh-TW');
      setCell(wb, '路線圖', 'R7', '狀態', word);
      const { plan, issues, progress } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
      expect(codes(issues), word).not.toContain('invalid-choice');
      expect(plan.roadmap.find((r) => r.id === 'R7')?.status, word).toBe(status);
      // What a reader of the report sees in the roadmap's table, in the plan's language and in English.
      for (const lang of ['zh-TW', 'en'] as const) {
        const table = buildReportView(plan, issues, progress, { lang, asOf: EXAMPLE_AS_OF, source: null })
          .company.roadmap.figure.table;
        const row = table.rows.find((r) => r[0] === 'R7')!;
        expect(row.at(-1), `${word} (${lang})`).toBe(enumLabel('roadmapStatus', status, lang));
      }
    }
    expect(enumLabel('roadmapStatus', 'delayed', 'zh-TW')).toBe('延遲');
    expect(enumLabel('roadmapStatus', 'on-hold', 'en')).toBe('on hold');
  });
});

describe('more of the headers Taiwan teams write (QA, zh-TW): read, where a column was read as missing', () => {
  const example = analyzeWorkbook(exampleWorkbook('zh-TW'), { asOf: EXAMPLE_AS_OF });

  it('reads 基期值, 期望方向, 計量單位, 起日, 迄日, 目標數值, 權責單位, 時期, 年月, 實際數…: the same values and statuses', () => {
    const renames: [string, string, string][] = [
      [KR, '基線', '基期值'],
      [KR, '方向', '期望方向'],
      [KR, '單位', '計量單位'],
      [KR, '開始', '起日'],
      [KR, '截止', '迄日'],
      [KR, '目標值', '目標數值'],
      [KR, '負責部門', '權責單位'],
      ['KPI', '方向', '期望方向'],
      ['KPI', '單位', '計量單位'],
      ['KPI', '目標值', '目標數值'],
      ['KPI', '負責部門', '負責團隊'],
      ['目標', '開始', '開始時間'],
      ['目標', '結束', '迄日'],
      ['目標', '負責部門', '負責團隊'],
      ['路線圖', '開始', '預計開始'],
      ['路線圖', '結束', '預計結束'],
      ['路線圖', '階段', '時期'],
      ['路線圖', '負責部門', '權責單位'],
      ['實際', '日期', '年月'],
      ['實際', '數值', '實際數'],
    ];
    const wb = exampleWorkbook('zh-TW');
    for (const [tab, from, to] of renames) withHeader(tab, from, to, wb);
    const { plan, issues, progress } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
    expect(structural(issues)).toEqual([]);
    expect(issues).toEqual(example.issues);
    expect(plan).toEqual({ ...example.plan, layout: plan.layout });
    expect(progress).toEqual(example.progress);
    // What a column read as missing gave: a Baseline of 0, a Direction of increase, a Start at the period start.
    const kr = (id: string) => plan.keyResults.find((k) => k.id === id)!;
    expect([kr('KR3').baseline, kr('KR5').baseline]).toEqual([0.05, 0.7]);
    expect([kr('KR1').start, kr('KR1').due]).toEqual(['2026-03-01', '2026-08-31']);
    expect(plan.kpis.find((k) => k.id === 'KPI2')?.direction).toBe('decrease');
    expect(plan.roadmap.find((r) => r.id === 'R6')).toMatchObject({ start: '2026-04-01', end: '2026-12-18' });
  });

  it('reads each of them, in either script, as its own column and no other', () => {
    const spellings: [string, string, string[]][] = [
      [KR, '基線', ['基期值', '期初值', '年初值']],
      [KR, '方向', ['期望方向']],
      [KR, '單位', ['計量單位', '计量单位']],
      [KR, '開始', ['開始時間', '起日', '開始月份', '开始时间']],
      [KR, '截止', ['結束', '結束日期', '迄日', '完成時間', '達成期限', '结束日期', '达成期限']],
      [KR, '目標值', ['目標數值', '年度目標值', '目标数值']],
      [KR, '負責部門', ['權責單位', '負責團隊', '权责单位']],
      ['KPI', '方向', ['期望方向']],
      ['KPI', '單位', ['計量單位']],
      ['KPI', '目標值', ['目標數值', '目标数值']],
      ['KPI', '負責部門', ['權責單位', '負責團隊']],
      ['目標', '開始', ['開始時間', '起日', '開始月份']],
      ['目標', '結束', ['迄日']],
      ['目標', '負責部門', ['權責單位', '負責團隊']],
      ['路線圖', '開始', ['開始時間', '起日', '開始月份', '預計開始', '预计开始']],
      ['路線圖', '結束', ['迄日', '預計結束', '预计结束']],
      ['路線圖', '階段', ['時期', '时期']],
      ['路線圖', '負責部門', ['權責單位', '負責團隊']],
      ['實際', '日期', ['年月', '月份']],
      ['實際', '數值', ['實際數', '達成值', '实际数']],
    ];
    const { plan: expected } = parsePlan(exampleWorkbook('zh-TW'));
    for (const [tab, from, headers] of spellings)
      for (const header of headers) {
        const { plan, issues } = parsePlan(withHeader(tab, from, header));
        const key = matchTab(tab)!.key;
        expect(issues, `${tab} ${header}`).toEqual([]);
        expect(plan.layout[key]?.columns, `${tab} ${header}`).toEqual(expected.layout[key]?.columns);
        expect(plan, `${tab} ${header}`).toEqual({ ...expected, layout: plan.layout });
      }
  });

  it('does not read 負責人 (a person), 基期 (a base period, a year as often) or 進度 (progress, a percent as often)', () => {
    const person = parsePlan(withHeader(KR, '負責部門', '負責人'));
    const [missing] = person.issues.filter((i) => i.code === 'missing-column');
    expect([missing.a1, missing.message['zh-TW']]).toEqual([
      'D1',
      '「關鍵結果」表缺少「負責部門」欄。表頭「負責人」（D1）可能就是該欄：如果是，請改名為「負責部門」。',
    ]);
    // Said at the header, which may be meant as the column.
    const basePeriod = parsePlan(withHeader(KR, '基線', '基期'));
    expect(basePeriod.plan.layout.keyResults?.columns.baseline).toBeUndefined();
    const [baseline] = basePeriod.issues.filter((i) => i.code === 'missing-column-optional');
    expect([baseline.a1, baseline.message['zh-TW']]).toEqual([
      'H1',
      '「關鍵結果」表缺少「基線」欄，將使用預設值。表頭「基期」（H1）可能就是該欄：如果是，請改名為「基線」。',
    ]);
    const progress = parsePlan(withHeader('路線圖', '狀態', '進度'));
    expect(progress.plan.layout.roadmap?.columns.status).toBeUndefined();
    expect(codes(progress.issues)).toContain('missing-column-optional');
    // Nor 趨勢 (a trend shown, ↑ or ↓), 填報日期 (the day a figure was filed: April's filed in May), or a KPI's
    // 年度目標值 (a year's figure where a monthly bar goes).
    for (const [tab, from, to, key, column] of [
      [KR, '方向', '趨勢', 'keyResults', 'direction'],
      ['實際', '日期', '填報日期', 'actuals', 'date'],
      ['KPI', '目標值', '年度目標值', 'kpis', 'target'],
    ] as const)
      expect(parsePlan(withHeader(tab, from, to)).plan.layout[key]?.columns[column], to).toBeUndefined();
  });
});

describe('more of the words Taiwan teams type in choice cells (QA, zh-TW): read, where they were refused', () => {
  it('reads 前低後高, 平均分攤, 累積型, 水準型, 愈高愈好, 遞增, 愈低愈好, 每個月, 已結案, 處理中: the same statuses', () => {
    const wb = exampleWorkbook('zh-TW');
    const typed: [string, string, string, string][] = [
      [KR, 'KR1', '分解方式', '前低後高'], // 逐步提升 in the example
      [KR, 'KR2', '類型', '累積型'],
      [KR, 'KR2', '分解方式', '平均分攤'],
      [KR, 'KR3', '類型', '水準型'],
      [KR, 'KR3', '方向', '愈高愈好'],
      [KR, 'KR5', '方向', '遞增'],
      ['KPI', 'KPI2', '方向', '愈低愈好'],
      ['KPI', 'KPI1', '頻率', '每個月'],
      ['路線圖', 'R1', '狀態', '已結案'],
      ['路線圖', 'R6', '狀態', '處理中'],
    ];
    for (const [tab, id, header, value] of typed) setCell(wb, tab, id, header, value);
    const example = analyzeWorkbook(exampleWorkbook('zh-TW'), { asOf: EXAMPLE_AS_OF });
    const { plan, issues, progress } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
    expect(codes(issues)).not.toContain('invalid-choice');
    expect(issues).toEqual(example.issues);
    expect(plan).toEqual(example.plan);
    expect(progress).toEqual(example.progress);
    expect(progress.kpis.find((k) => k.id === 'KPI2')).toMatchObject({
      direction: 'decrease',
      leftOut: null,
    });
  });

  it('reads each of them, in either script, at its cell', () => {
    const cells: Record<
      'type' | 'direction' | 'phasing' | 'cadence' | 'roadmapStatus',
      [string, string, string, (plan: Plan) => unknown]
    > = {
      type: [KR, 'KR2', '類型', (plan) => plan.keyResults[1].type],
      direction: ['KPI', 'KPI2', '方向', (plan) => plan.kpis[1].direction],
      phasing: [KR, 'KR2', '分解方式', (plan) => plan.keyResults[1].phasing],
      cadence: ['KPI', 'KPI1', '頻率', (plan) => plan.kpis[0].cadence],
      roadmapStatus: ['路線圖', 'R6', '狀態', (plan) => plan.roadmap.find((r) => r.id === 'R6')?.status],
    };
    const values: [keyof typeof cells, string[], string][] = [
      ['direction', ['遞增', '递增', '愈高愈好', '越大越好', '愈大愈好', '愈多愈好'], 'increase'],
      ['direction', ['遞減', '递减', '愈低愈好', '越小越好', '愈小愈好', '愈少愈好'], 'decrease'],
      ['type', ['累積型', '累积型'], 'cumulative'],
      ['type', ['水準型', '水准型', '水平型'], 'level'],
      ['phasing', ['平均分攤', '平均分摊'], 'even'],
      ['phasing', ['前低後高', '前低后高', '逐月遞增', '逐月递增'], 'ramp-up'],
      ['roadmapStatus', ['尚未開始', '尚未开始'], 'planned'],
      ['roadmapStatus', ['處理中', '处理中'], 'in-progress'],
      ['roadmapStatus', ['已結案', '已结案'], 'done'],
      ['cadence', ['每個月', '每个月'], 'monthly'],
      ['cadence', ['每星期'], 'weekly'],
    ];
    for (const [enumKey, words, key] of values)
      for (const word of words) {
        expect(matchEnum(enumKey, word), word).toBe(key);
        const [tab, id, header, read] = cells[enumKey];
        const wb = exampleWorkbook('zh-TW');
        setCell(wb, tab, id, header, word);
        const { plan, issues } = parsePlan(wb);
        expect(codes(issues), word).not.toContain('invalid-choice');
        expect(read(plan), word).toBe(key);
      }
  });
});

describe("the phases Taiwan teams name (QA, zh-TW): the template's phase however a row spells it", () => {
  it("reads 預熱 / 预热 as pre-launch and 上市期 / 發表期 as launch; a phase of the plan's own stays its own", () => {
    for (const [typed, key] of [
      ['預熱', 'pre-launch'],
      ['预热', 'pre-launch'],
      ['預熱階段', 'pre-launch'],
      ['上市期', 'launch'],
      ['發表期', 'launch'],
      ['发表期', 'launch'],
      ['成長期', 'growth'],
    ])
      expect(matchPhase(typed), typed).toBe(key);
    expect(matchPhase('Beta')).toBeUndefined();
  });

  it('reads 上市前 / 上市 / 成長 (before the launch, the launch, growth) as the three phases, each in its own colour', () => {
    const words = ['上市前', '上市', '成長', '成长', '上市後', '增長'];
    expect(words.map((word) => matchPhase(word))).toEqual([
      'pre-launch',
      'launch',
      'growth',
      'growth',
      'growth',
      'growth',
    ]);
    // On the roadmap: not a plan's own phases, which a colour by hash could give the same pink.
    expect(new Set(['上市前', '上市', '成長'].map(phaseColor)).size).toBe(3);
    expect(['上市前', '上市', '成長'].map(phaseColor)).toEqual(
      ['預熱期', '發布期', '成長期'].map(phaseColor),
    );
  });
});

describe('the Language cell', () => {
  /** The Traditional Chinese example under English tab names, with `language` in its Language cell. */
  function englishTabs(language: string, lang: 'zh-TW' | 'zh-CN' = 'zh-TW'): Workbook {
    const wb = exampleWorkbook(lang);
    const english = exampleWorkbook('en');
    const out: Workbook = {};
    Object.values(wb).forEach((grid, i) => (out[Object.keys(english)[i]] = grid));
    const strategy = out.Strategy;
    strategy[strategy.length - 1][1] = language;
    return out;
  }
  const lang = (wb: Workbook) => parsePlan(wb).plan.lang;

  it('reads places, spoken names and short codes of Traditional and Simplified Chinese', () => {
    for (const name of [
      '台灣',
      '臺灣',
      '香港',
      '澳門',
      '國語',
      '華文',
      '粵語',
      '廣東話',
      'TW',
      'HK',
      'cht',
      'zh-Hant',
      '繁體中文 Traditional Chinese',
    ])
      expect([name, lang(englishTabs(name))]).toEqual([name, 'zh-TW']);
    for (const name of ['台灣華語', 'Taiwan', 'Hong Kong'])
      expect([name, lang(englishTabs(name))]).toEqual([name, 'zh-TW']);
    for (const name of ['大陆', '中国大陆', '简体', 'chs', 'zh-Hans', 'CN', '简体中文 / Simplified Chinese'])
      expect([name, lang(englishTabs(name))]).toEqual([name, 'zh-CN']);
    expect(codes(parsePlan(englishTabs('台灣')).issues)).toEqual([]);
  });

  it('lets the header rows decide for a name it does not know, still saying so, and never mixes two languages', () => {
    const unknown = parsePlan(englishTabs('台語'));
    expect(unknown.plan.lang).toBe('zh-TW');
    const [warning] = unknown.issues.filter((i) => i.code === 'unknown-language');
    expect(warning.message['zh-TW']).toBe('無法識別語言「台語」，計畫按繁體中文處理。');
    expect(lang(englishTabs('台語', 'zh-CN'))).toBe('zh-CN');
    // An English plan with a name it does not know stays English.
    const english = exampleWorkbook('en');
    english.Strategy[english.Strategy.length - 1][1] = 'Klingon';
    expect(parsePlan(english).plan.lang).toBe('en');
    // Two names of two languages name none.
    expect(codes(parsePlan(englishTabs('台灣 English')).issues)).toContain('unknown-language');
  });
});

describe('a Type or Direction that cannot be read', () => {
  const analyzed = (edit: (wb: Workbook) => void) => {
    const wb = exampleWorkbook('zh-TW');
    edit(wb);
    return analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
  };

  it('leaves the key result out of progress, named with the error at its cell, rather than scored as cumulative', () => {
    const { plan, issues, progress } = analyzed((wb) => setCell(wb, KR, 'KR3', '類型', '比率'));
    const kr3 = progress.keyResults.find((p) => p.id === 'KR3')!;
    expect(kr3.leftOut).toBe('invalid-choice');
    expect([kr3.status, kr3.attainment]).toEqual(['no-data', null]);
    expect(progress.objectives.O1.status).toBe('needs-attention');
    const [left] = leftOutMetrics(plan, progress, issues);
    expect([left.id, left.reason, left.issue?.code, left.issue?.a1]).toEqual([
      'KR3',
      'invalid-choice',
      'invalid-choice',
      'E4',
    ]);
  });

  it('leaves a KPI with an unread Direction out, and a key result with an unread Phasing where it splits the target', () => {
    const kpi = analyzed((wb) => setCell(wb, 'KPI', 'KPI2', '方向', '看情況'));
    expect(kpi.progress.kpis.find((p) => p.id === 'KPI2')?.leftOut).toBe('invalid-choice');
    const phasing = analyzed((wb) => setCell(wb, KR, 'KR2', '分解方式', '前少後多'));
    expect(phasing.progress.keyResults.find((p) => p.id === 'KR2')?.leftOut).toBe('invalid-choice');
    // A milestone is not split: its Phasing changes nothing, is not read, nor said, and the milestone is judged.
    const milestone = analyzed((wb) => setCell(wb, KR, 'KR4', '分解方式', '前少後多'));
    expect(milestone.progress.keyResults.find((p) => p.id === 'KR4')?.leftOut).toBeNull();
    expect(codes(milestone.issues)).not.toContain('invalid-choice');
  });

  it('still judges a blank Direction or Phasing on its default, as documented', () => {
    const blank = analyzed((wb) => {
      setCell(wb, KR, 'KR2', '方向', '');
      setCell(wb, KR, 'KR2', '分解方式', '');
    });
    const kr2 = blank.progress.keyResults.find((p) => p.id === 'KR2')!;
    expect([kr2.leftOut, kr2.direction]).toEqual([null, 'increase']);
  });
});

describe('目標 is an objective, 目標值 a target', () => {
  it('writes 目標值 for the Targets tab’s target rows, and still reads a tab written with 目標', () => {
    expect(enumLabel('targetsRow', 'target', 'zh-TW')).toBe('目標值');
    expect(enumLabel('targetsRow', 'target', 'zh-CN')).toBe('目标值');
    for (const word of ['目標值', '目标值', '目標', '目标', 'target'])
      expect(matchEnum('targetsRow', word), word).toBe('target');
    expect(matchEnum('targetsRow', '權重')).toBe('weights');
  });

  it('says a target as 目標值 in the running-total warning, the charts and the period limit', () => {
    for (const lang of ['zh-TW', 'zh-CN'] as const) {
      const m = CATALOGUES[lang];
      const objective = lang === 'zh-TW' ? '目標' : '目标';
      const target = lang === 'zh-TW' ? '目標值' : '目标值';
      expect(m.issues['running-total'].message).toContain(`（${target}的 {attainment}）`);
      expect(m.issues['period-too-long'].message).toContain(`${target}最多分解`);
      expect(m.template.enums.targetsRow.target).toBe(target);
      expect(m.report.phrases.targetPath('cumulative')).toBe(
        `${target}路徑`.replace('路徑', lang === 'zh-TW' ? '路徑' : '路径'),
      );
      expect(m.report.phrases.chartCaption('KR2', 'cumulative', true, '2026年12月')).toContain(
        `累${lang === 'zh-TW' ? '計' : '计'}${target}`,
      );
      // Objectives stay 目標.
      expect(m.template.tabs.objectives.label).toBe(objective);
    }
  });
});
