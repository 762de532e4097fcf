/**
 * The Traditional Chinese plans of a QA pass, as a team in Taiwan types them (a POS launch: 簽約門市, 營收 in 新台幣,
 * 客服滿意度), written to a real .xlsx with Date cells and read back as the CLI reads it. Each test is one mistake the
 * pass found, with the numbers the report and the check must give.
 */
import { describe, expect, it } from 'vitest';

import { analyzeWorkbook, leftOutMetrics, type Cell, type Workbook } from '../shared';
import { buildPlanJson } from '../report/plan-json';
import { buildReportView } from '../report/view-model';
import { utcDate } from '../report/write-xlsx';
import { throughXlsx } from './helpers/xlsx';

const D = utcDate;

/** The last cells of a key result of the base plan: Start, Due, Phasing, Weight, Confidence. */
const WHOLE_2026: Cell[] = [D('2026-01-01'), D('2026-12-31'), '平均', 1, 0.7];

/** The QA pass's base plan (its tw-base.mjs), each tab changed by the function given for it. */
function twPlan(over: Record<string, (rows: Cell[][]) => Cell[][]> = {}): Workbook {
  const tabs: Workbook = {
    策略: [
      ['欄位', '內容'],
      ['產品', '智慧收銀機 POS Lite'],
      ['願景', '讓每家小店都能輕鬆數位化'],
      ['策略', '以門市通路切入'],
      ['目標使用者', '台灣中小型零售店'],
      ['痛點與價值', '結帳慢、對帳難'],
      ['品類與差異化', '雲端 POS'],
      ['商業目標', '三年內 1 萬家門市'],
      ['週期開始', D('2026-01-01')],
      ['週期結束', D('2026-12-31')],
      ['貨幣', '新台幣'],
      ['語言', '繁體中文'],
    ],
    部門: [
      ['部門', '負責人'],
      ['業務', '陳經理'],
      ['行銷', '林小姐'],
      ['營運', '王主任'],
    ],
    目標: [
      ['編號', '目標', '負責部門'],
      ['O1', '年底前簽下 500 家門市', '業務'],
      ['O2', '上市準備完成', '營運'],
    ],
    關鍵結果: [
      '編號 所屬目標 關鍵結果 負責部門 類型 單位 方向 基線 目標值 開始 截止 分解方式 權重 信心'.split(' '),
      ['KR1', 'O1', '簽約門市 500 家', '業務', '累計', '家', '提升', 0, 500, ...WHOLE_2026],
      ['KR2', 'O1', '營收 600 萬', '業務', '累計', '新台幣', '提升', 0, 6000000, ...WHOLE_2026],
      ['KR3', 'O2', '客服滿意度 90%', '營運', '水準', '%', '提升', 0.7, 0.9, ...WHOLE_2026],
    ],
    KPI: [
      ['編號', 'KPI', '負責部門', '關鍵結果', '單位', '方向', '目標值', '頻率'],
      ['KPI1', '平均回覆時間', '營運', 'KR3', '小時', '降低', 2, '每月'],
    ],
    實際: [
      ['日期', '指標', '數值', '備註'],
      [D('2026-01-20'), 'KR1', 40],
      [D('2026-02-20'), 'KR1', 40],
      [D('2026-03-20'), 'KR1', 40],
      [D('2026-01-20'), 'KR2', 500000],
      [D('2026-02-20'), 'KR2', 500000],
      [D('2026-03-20'), 'KR2', 500000],
      [D('2026-01-20'), 'KR3', 0.72],
      [D('2026-02-20'), 'KR3', 0.74],
      [D('2026-03-20'), 'KR3', 0.75],
      [D('2026-01-20'), 'KPI1', 1.5],
      [D('2026-02-20'), 'KPI1', 1.8],
      [D('2026-03-20'), 'KPI1', 2.5],
    ],
  };
  for (const [tab, change] of Object.entries(over)) tabs[tab] = change(tabs[tab] ?? []);
  return tabs;
}

/** The plan through a real .xlsx, checked and judged as of the day, with its report view and plan.json. */
async function judge(workbook: Workbook, asOf: string) {
  const { plan, issues, progress } = analyzeWorkbook(await throughXlsx(workbook), { asOf, timeZone: 'UTC' });
  const options = { source: null, generator: 'test' };
  return {
    plan,
    issues,
    progress,
    view: buildReportView(plan, issues, progress, { lang: 'zh-TW', asOf, ...options }),
    json: buildPlanJson(plan, issues, progress, { lang: 'zh-TW', ...options }),
  };
}

describe('a KPI with the ID of a key result (id-on-two-tabs)', () => {
  // t20: the KPI 門市回覆率 ≥ 90 % given the ID KR1, beside key result KR1 (簽約門市 500 家), its readings typed under KR1.
  const collide = twPlan({
    KPI: (kpis) => [kpis[0], ['KR1', '門市回覆率', '業務', 'KR1', '%', '提升', 0.9, '每月']],
    實際: (rows) => [
      rows[0],
      [D('2026-01-20'), 'KR1', 40],
      [D('2026-01-25'), 'KR1', 0.92],
      [D('2026-02-20'), 'KR1', 40],
      [D('2026-02-25'), 'KR1', 0.95],
    ],
  });

  it("is an error at the KPI's ID cell that names the key result, its row, and the fix, in Traditional Chinese and English", async () => {
    const { issues } = await judge(collide, '2026-02-28');
    const found = issues.filter((i) => i.code === 'id-on-two-tabs');
    expect(found.map((i) => [i.severity, i.category, i.sheet, i.a1])).toEqual([
      ['error', 'structure', 'KPI', 'A2'],
    ]);
    expect(found[0].message['zh-TW']).toBe(
      '編號「KR1」也是關鍵結果 KR1 的編號（「關鍵結果」表第 2 列），「實際」表無法分辨兩者的資料：「KR1」的每筆實際資料都計入該關鍵結果，此 KPI 在改用自己的編號前不計入進度。',
    );
    expect(found[0].fix['zh-TW']).toBe(
      '為此 KPI 改用自己的編號（例如 KPI1），並在「實際」表中以該編號填寫它的資料。',
    );
    expect(found[0].message.en).toBe(
      'The ID "KR1" is also that of key result KR1 (row 2 of the "關鍵結果" tab): the "實際" tab cannot tell their check-ins apart. Every check-in of "KR1" counts for the key result, and this KPI is left out of progress until it has an ID of its own.',
    );
    expect(found[0].fix.en).toBe(
      'Give the KPI an ID of its own (e.g. KPI1), and type its check-ins on "實際" under that ID.',
    );
  });

  it('counts the rows of that ID once, for the key result, and leaves the KPI out with that error as the reason', async () => {
    const { plan, issues, progress, view, json } = await judge(collide, '2026-02-28');
    // Every row of KR1 counts for the key result, once: 40 + 0.92 + 40 + 0.95 (the error says the readings are in it).
    expect(progress.keyResults[0]).toMatchObject({ id: 'KR1', kind: 'kr', current: 81.87, leftOut: null });
    expect(progress.keyResults[0].current).toBeCloseTo(81.87, 10);
    // The KPI is judged on nothing: not its own readings, not the key result's stores.
    expect(progress.kpis[0]).toMatchObject({
      id: 'KR1',
      kind: 'kpi',
      leftOut: 'id-on-two-tabs',
      status: 'no-data',
      current: null,
      attainment: null,
      monthsMet: null,
    });
    expect(progress.kpis[0].months.every((m) => m.actual === null)).toBe(true);
    const [left] = leftOutMetrics(plan, progress, issues);
    expect(left).toMatchObject({ id: 'KR1', kind: 'kpi', reason: 'id-on-two-tabs' });
    expect(left.issue).toMatchObject({ code: 'id-on-two-tabs', sheet: 'KPI', a1: 'A2' });
    expect(json.kpis[0].leftOut).toEqual({
      reason: 'id-on-two-tabs',
      code: 'id-on-two-tabs',
      sheet: 'KPI',
      cell: 'A2',
    });
    expect(json.keyResults[0].leftOut).toBeNull();
    // The report names the KPI left out, and only the KPI: the key result's card and the pyramid's objective do not.
    expect(view.company.leftOut).toEqual(['KR1 未計入：錯誤位於 KPI · A2']);
    expect(view.company.keyResults.cards.find((c) => c.id === 'KR1')!.leftOut).toBe('');
    const assessment = view.company.pyramid.find((l) => l.key === 'assessment')!;
    expect(assessment.kpis.map((k) => [k.id, k.leftOut])).toEqual([['KR1', 'KR1 未計入：錯誤位於 KPI · A2']]);
    const keyTasks = view.company.pyramid.find((l) => l.key === 'key-tasks')!;
    expect(keyTasks.objectives.flatMap((o) => o.leftOut)).toEqual([]);
  });

  it('is said the same for key results and a KPI numbered 1, 2, 3 on both tabs', async () => {
    // t24: key results 1, 2, 3 and KPI 1 (平均回覆時間, tracks key result 3), the Actuals typed with numbers.
    const numbered = twPlan({
      關鍵結果: (krs) => krs.map((r, i) => (i === 0 ? r : [i, ...r.slice(1)])),
      KPI: (kpis) => [kpis[0], [1, '平均回覆時間', '營運', 3, '小時', '降低', 2, '每月']],
      實際: (rows) => [
        rows[0],
        [D('2026-01-20'), 1, 40],
        [D('2026-02-20'), 1, 40],
        [D('2026-01-20'), 3, 0.72],
        [D('2026-02-20'), 3, 0.74],
        [D('2026-01-25'), 1, 1.5],
        [D('2026-02-25'), 1, 1.8],
      ],
    });
    const { issues, progress, json } = await judge(numbered, '2026-02-28');
    const found = issues.filter((i) => i.code === 'id-on-two-tabs');
    expect(found.map((i) => [i.sheet, i.a1])).toEqual([['KPI', 'A2']]);
    expect(found[0].message['zh-TW']).toBe(
      '編號「1」也是關鍵結果 1 的編號（「關鍵結果」表第 2 列），「實際」表無法分辨兩者的資料：「1」的每筆實際資料都計入該關鍵結果，此 KPI 在改用自己的編號前不計入進度。',
    );
    expect(found[0].fix.en).toBe(
      'Give the KPI an ID of its own (e.g. KPI1), and type its check-ins on "實際" under that ID.',
    );
    // Key result 1 counts its rows, the reply times typed under 1 included (40 + 1.5 + 40 + 1.8), once.
    expect(progress.keyResults[0].current).toBeCloseTo(83.3, 10);
    // Key result 3, which the KPI tracks, is judged as ever; the KPI is left out.
    expect(progress.keyResults[2]).toMatchObject({ id: '3', current: 0.74, status: 'on-track' });
    expect(progress.kpis[0]).toMatchObject({ id: '1', leftOut: 'id-on-two-tabs', current: null });
    expect(json.summary.leftOut).toEqual(['1']);
    expect(json.kpis[0].leftOut).toMatchObject({ reason: 'id-on-two-tabs', cell: 'A2' });
  });

  it('suggests an ID no row has and no check-in names, one per KPI to renumber', async () => {
    // KPI1 and KPI2 are taken (a KPI row, and check-ins of a KPI since deleted): KR1 and KR2 as KPI IDs get KPI3, KPI4.
    const { issues } = await judge(
      twPlan({
        KPI: (kpis) => [
          ...kpis,
          ['KR1', '門市回覆率', '業務', 'KR1', '%', '提升', 0.9, '每月'],
          ['kr2', '客單價', '業務', 'KR2', '新台幣', '提升', 500, '每月'],
        ],
        實際: (rows) => [...rows, [D('2026-01-20'), 'KPI2', 3]],
      }),
      '2026-02-28',
    );
    expect(
      issues
        .filter((i) => i.code === 'id-on-two-tabs')
        .map((i) => [i.a1, i.message.en.slice(0, 50), i.fix.en]),
    ).toEqual([
      ['A3', 'The ID "KR1" is also that of key result KR1 (row 2', expect.stringContaining('(e.g. KPI3)')],
      ['A4', 'The ID "kr2" is also that of key result KR2 (row 3', expect.stringContaining('(e.g. KPI4)')],
    ]);
  });
});

describe('a milestone done before its Start', () => {
  // t22: KR4 系統上線, a milestone planned from 2026-03-01 to 2026-06-30, checked in as 完成 on 2026-02-20.
  const early = twPlan({
    關鍵結果: (krs) => [
      ...krs,
      ['KR4', 'O2', '系統上線', '營運', '里程碑', '', '', 0, 1, D('2026-03-01'), D('2026-06-30'), '', 1, ''],
    ],
    實際: (rows) => [...rows, [D('2026-02-20'), 'KR4', '完成', '提早完成']],
  });

  it('is done once its window is under way, with a score of 1, and counts so for its objective', async () => {
    const { issues, progress, json } = await judge(early, '2026-07-15');
    const kr4 = progress.keyResults.find((k) => k.id === 'KR4')!;
    expect(kr4).toMatchObject({ status: 'done', doneOn: '2026-02-20', current: 1, attainment: 1, score: 1 });
    expect(json.keyResults.find((k) => k.id === 'KR4')).toMatchObject({ status: 'done', score: 1 });
    // Done early is no mistake: nothing is said about its row, nor asked of KR4.
    expect(issues.filter((i) => i.sheet === '實際' && i.row === 14)).toEqual([]);
    expect(issues.filter((i) => i.message.en.includes('KR4')).map((i) => i.code)).toEqual([
      'key-result-untracked',
    ]);
    // O2: KR3 at 0.25 of the way (0.75 from 0.7 to 0.9) against 0.5 expected, and KR4 done: (0.25 + 1) / 2 = 0.625
    // against (0.5 + 1) / 2 = 0.75, a pace of 0.83: at risk. Missed, KR4 made it (0.25 + 0) / 2 = 0.125, off track.
    expect(progress.objectives.O2.attainment).toBeCloseTo(0.625, 12);
    expect(progress.objectives.O2.expectedAttainment).toBeCloseTo(0.75, 12);
    expect(progress.objectives.O2.status).toBe('at-risk');
  });

  it('is counted from the end of its own month, as any check-in: not started before', async () => {
    expect((await judge(early, '2026-02-25')).progress.keyResults[3]).toMatchObject({
      id: 'KR4',
      status: 'not-started',
      doneOn: null,
    });
    expect((await judge(early, '2026-03-01')).progress.keyResults[3]).toMatchObject({
      id: 'KR4',
      status: 'done',
      score: 1,
    });
  });
});
