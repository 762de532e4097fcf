/**
 * Values typed the way people type them that used to give silently wrong numbers (a QA round on Traditional Chinese
 * plans): a Minguo date typed without separators (1151231, read as the serial of 5051-12-17), a confidence of 7.5 on
 * a ten-point scale (read as 7.5%), a milestone ticked in a checkbox or checked in as 完成 / ✓ / done, and an
 * objective naming 1萬 customers (read as 1). Each is checked in the core, through a real .xlsx and `gtm-pyramid
 * check` / `report`, and through the built add-on's Check plan and Decompose targets.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  analyzeWorkbook,
  buildTargetsSheet,
  DATE_YEARS,
  exampleWorkbook,
  isoToSerial,
  parsePlan,
  planProgress,
  readDate,
  STATUS_LABELS,
  tabDef,
  TARGETS_AS_OF,
  TARGETS_SUMMARY_COLUMNS,
  type Cell,
  type PlanIssue,
  type Workbook,
} from '../shared';
import type { PlanJson } from '../report/plan-json';
import { planToXlsxBuffer, utcDate } from '../report/write-xlsx';
import { examplePlan } from '../sandbox/plans';
import type { PlanCheck } from '../apps-script/server/plan-check';
import { toWorkbook } from '../emulator/index';
import { loadAddon, valuesOf, zonedMidnight, type ActionResult } from './helpers/addon';
import { addRow, rowOf, setCell } from './helpers/edit';
import { setNumberFormats } from '../shared/number-formats';
import { evaluateWorkbook } from './helpers/hyperformula';
import { runCli, tempDir } from './helpers/report';
import { serialToUtcDate } from '../shared/calendar';

const AS_OF = '2026-11-15';
const KR = '關鍵結果';
const ACTUALS = '實際';

/** Issues of a Traditional Chinese workbook, as of the example's day. */
const issuesOf = (wb: Workbook): PlanIssue[] => analyzeWorkbook(wb, { asOf: AS_OF }).issues;
/** The 1-based row of KR4, the example's milestone, on the Key Results tab. */
const rowOfKr4 = (wb: Workbook) => rowOf(wb[KR], 'KR4') + 1;
const at = (issues: PlanIssue[], sheet: string, a1: string) =>
  issues.filter((i) => i.sheet === sheet && i.a1 === a1);

/**
 * The Traditional Chinese example with what the QA round typed: KR2's Due as the number 1151231, confidences of 7.5
 * and 1.2 (and 0.75, which is 75%), O1 naming 1萬 customers, KR4's check-in ticked in a checkbox (TRUE), a second
 * KR4 check-in typed 完成, and 完成 typed as a check-in of KR2, a count. `date` makes a day as the reader gives one.
 */
function typedPlan(
  wb: Workbook,
  date: (iso: string) => Cell,
): { wb: Workbook; rows: Record<string, number> } {
  setCell(wb, KR, 'KR2', '截止', 1151231);
  setCell(wb, KR, 'KR1', '信心', 7.5);
  setCell(wb, KR, 'KR3', '信心', 1.2);
  setCell(wb, KR, 'KR5', '信心', 0.75);
  setCell(wb, '目標', 'O1', '目標', '今年發布新產品並轉換 1萬家新客戶');
  const actuals = wb[ACTUALS];
  const checkbox = actuals.findIndex((r) => r[1] === 'KR4');
  actuals[checkbox][2] = true;
  const rows = {
    checkbox: checkbox + 1,
    milestoneWord: addRow(wb, ACTUALS, { 日期: date('2026-04-10'), 指標: 'KR4', 數值: '完成' }),
    countWord: addRow(wb, ACTUALS, { 日期: date('2026-06-15'), 指標: 'KR2', 數值: '完成' }),
  };
  return { wb, rows };
}

describe('a date typed as a number far outside any plan year', () => {
  it('is refused by readDate, naming the date its digits write when they write one', () => {
    expect(readDate(1151231)).toEqual({ ok: false, reason: 'compact-date', found: '2026-12-31' });
    expect(readDate(20261231)).toEqual({ ok: false, reason: 'compact-date', found: '2026-12-31' });
    expect(readDate(202612)).toEqual({ ok: false, reason: 'compact-date', found: '2026-12-01' });
    expect(readDate(202612, 'UTC', { monthEnd: true })).toEqual({
      ok: false,
      reason: 'compact-date',
      found: '2026-12-31',
    });
    // The same digits typed as text say the same.
    expect(readDate('1151231')).toEqual({ ok: false, reason: 'compact-date', found: '2026-12-31' });
    expect(readDate('２０２６１２３１')).toEqual({ ok: false, reason: 'compact-date', found: '2026-12-31' });
    // A number in a cell formatted as a date arrives as the Date it makes (1151231: 5051-12-17).
    expect(readDate(new Date(Date.UTC(5051, 11, 17)))).toEqual({
      ok: false,
      reason: 'compact-date',
      found: '2026-12-31',
    });
    // A year alone is a day in 1905; 31 one in 1900; no date in their digits.
    expect(readDate(2026)).toEqual({ ok: false, reason: 'date-out-of-range', found: '1905-07-18' });
    expect(readDate(31)).toEqual({ ok: false, reason: 'date-out-of-range', found: '1900-01-30' });
    // Not a real day, or a Minguo year out of 100–199: no date meant.
    expect(readDate(1151232).ok).toBe(false);
    expect(readDate(1151232)).toMatchObject({ reason: 'date-out-of-range' });
  });

  it(`reads every day from ${DATE_YEARS.first} to ${DATE_YEARS.last}, serial or date value, and nothing outside`, () => {
    const first = `${DATE_YEARS.first}-01-01`;
    const last = `${DATE_YEARS.last}-12-31`;
    expect(readDate(isoToSerial(first))).toEqual({ ok: true, value: first });
    expect(readDate(isoToSerial(last) + 0.75)).toEqual({ ok: true, value: last });
    expect(readDate(isoToSerial(first) - 1).ok).toBe(false);
    expect(readDate(isoToSerial(last) + 1).ok).toBe(false);
    expect(readDate(utcDate(last))).toEqual({ ok: true, value: last });
    expect(readDate(46082)).toEqual({ ok: true, value: '2026-03-01' });
  });

  it('is an error at its cell that offers the date meant, and the key result keeps the period for its window', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR2', '截止', 1151231);
    const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
    const [issue] = at(issues, KR, 'K3');
    expect(issue).toMatchObject({ code: 'compact-date', severity: 'error' });
    expect(issue.message['zh-TW']).toBe(
      'KR2 的「截止」為「1151231」，是沒有分隔符號的日期（115/12/31）：試算表不會把它當作日期，因此不予採用。',
    );
    expect(issue.fix['zh-TW']).toBe('請填寫 2026-12-31。');
    expect(issues.map((i) => i.code)).not.toContain('outside-period');
    expect(plan.keyResults.find((k) => k.id === 'KR2')!.due).toBeNull();
    // Not split over three thousand years: the example's forecast of 47,400, not 177,917,400.
    const kr2 = planProgress(plan, AS_OF).keyResults.find((p) => p.id === 'KR2')!;
    expect(kr2.forecast).toBe(47_400);
  });

  it('says a number that writes no date with the day a spreadsheet makes of it, in the plan period too', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR2', 'Due', 2026);
    const strategy = wb['Strategy'];
    strategy[strategy.findIndex((r) => r[0] === 'Period end')][1] = 1151231;
    const issues = issuesOf(wb);
    expect(at(issues, 'Key Results', 'K3').map((i) => [i.code, i.message.en, i.fix.en])).toEqual([
      [
        'date-out-of-range',
        `Due of KR2 is "2026", which a spreadsheet reads as the day 1905-07-18: far outside the years ${DATE_YEARS.first}–${DATE_YEARS.last} a plan covers, so it is not used.`,
        'Type the date as 2026-03-01.',
      ],
    ]);
    const period = issues.find((i) => i.sheet === 'Strategy')!;
    expect([period.code, period.fix.en]).toEqual(['compact-date', 'Type 2026-12-31.']);
  });
});

describe('a number with a fraction in a date cell', () => {
  it('is quoted with its fraction, as typed (2026.04 for April 2026), not as its whole day number', () => {
    const wb = exampleWorkbook('zh-TW');
    // 2026.04 typed into a cell formatted as a date: an .xlsx reader gives the instant it names (1905-07-18 00:57 UTC).
    setCell(wb, '關鍵結果', 'KR2', '截止', serialToUtcDate(2026.04));
    const issue = issuesOf(wb).find((i) => i.code === 'date-out-of-range')!;
    expect(issue.message['zh-TW']).toContain('「2026.04」');
    expect(issue.message['zh-TW']).toContain('1905-07-18');
  });
});

describe('a confidence on a ten-point scale with decimals', () => {
  it('is ambiguous from above 1 to 10, whole or not; 1 is 100% and 0.75 is 75%', () => {
    const wb = exampleWorkbook('en');
    const values: [string, Cell][] = [
      ['KR1', 7.5],
      ['KR2', '8.5'],
      ['KR3', 1.5],
      ['KR4', 1.2],
      ['KR5', 0.75],
    ];
    for (const [id, value] of values) setCell(wb, 'Key Results', id, 'Confidence', value);
    const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
    const ambiguous = issues.filter((i) => i.code === 'confidence-ambiguous');
    expect(ambiguous.map((i) => i.a1)).toEqual(['N2', 'N3', 'N4', 'N5']);
    expect(ambiguous[0].message.en).toBe(
      'Confidence of KR1 is 7.5: 75% (as 7.5 out of 10) or 7.5%? It is not shown until it says which.',
    );
    expect(ambiguous[3].fix.en).toBe('Type 12% for 1.2 out of 10, or 1.2%.');
    expect(plan.keyResults.map((k) => k.confidence)).toEqual([null, null, null, null, 0.75]);
    setCell(wb, 'Key Results', 'KR1', 'Confidence', 1);
    expect(parsePlan(wb).plan.keyResults[0].confidence).toBe(1);
  });
});

describe('a milestone checked in with a checkbox or a word', () => {
  it('reads TRUE and the words for done as 1, FALSE and the words for not done as 0', () => {
    const statusWith = (value: Cell) => {
      const wb = exampleWorkbook('zh-TW');
      wb[ACTUALS].find((r) => r[1] === 'KR4')![2] = value;
      const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
      const kr4 = planProgress(plan, AS_OF).keyResults.find((p) => p.id === 'KR4')!;
      return { status: kr4.status, issues: at(issues, ACTUALS, 'C24').map((i) => i.code) };
    };
    for (const done of [
      true,
      'TRUE',
      '完成',
      '已完成',
      '完成了',
      '✓',
      '✔',
      '☑',
      '是',
      'Y',
      'ｙｅｓ',
      'Done',
      '達成',
      // Taiwan's ticks: V (or v, or a full-width Ｖ) and ○ (or an O typed for it).
      'V',
      'v',
      'Ｖ',
      '○',
      'O',
      'OK',
    ])
      expect(statusWith(done), String(done)).toEqual({ status: 'done', issues: [] });
    for (const notDone of [false, '未完成', '否', 'N', 'no', '✗', '×', '尚未', '進行中', 'In progress'])
      expect(statusWith(notDone), String(notDone)).toEqual({ status: 'missed', issues: [] });
    // Anything else is said as the milestone's error: it takes 1 or 0. An X too: a cross is "no" beside ○ and
    // "ticked" on an English checklist.
    expect(statusWith('差不多')).toEqual({ status: 'missed', issues: ['milestone-check-in'] });
    expect(statusWith('X')).toEqual({ status: 'missed', issues: ['milestone-check-in'] });
  });

  it('says anything else that is no number at its cell, as typed: a milestone takes 1 (done) or 0', () => {
    const wb = exampleWorkbook('en');
    wb['Actuals'].find((r) => r[1] === 'KR4')![2] = 'almost';
    const [issue] = at(issuesOf(wb), 'Actuals', 'C24');
    expect(issue.message.en).toBe(
      'Actuals row 24: KR4 is a milestone, so its value is 1 (done) or 0 (not yet), not almost; it is not counted.',
    );
  });

  it('quotes a number that is no 1 or 0 as typed: 50%, typed as text or shown as a percent by its format', () => {
    const said = (value: Cell, format?: string) => {
      const wb = exampleWorkbook('zh-TW');
      const row = wb[ACTUALS].findIndex((r) => r[1] === 'KR4');
      wb[ACTUALS][row][2] = value;
      // Sheets keeps 50% typed into a cell as 0.5 formatted as a percent (getNumberFormats).
      if (format) setNumberFormats(wb[ACTUALS], Object.assign([], { [row]: ['', '', format] }));
      return at(issuesOf(wb), ACTUALS, `C${row + 1}`).map((i) => [i.code, i.message['zh-TW']]);
    };
    const refused = (value: string) => [
      'milestone-check-in',
      `實際資料第 24 列：KR4 是里程碑，數值只能是 1（完成）或 0（未完成），不能是 ${value}；不計入。`,
    ];
    expect(said('50%')).toEqual([refused('50%')]);
    expect(said(0.5, '0%')).toEqual([refused('50%')]);
    // A plain number is quoted as the number it is.
    expect(said(0.5)).toEqual([refused('0.5')]);
    // 100% is 1: done.
    expect(said('100%')).toEqual([]);
  });

  it('needs no Target: a milestone is 1 when done, so a blank Target is 1, and nothing asks for it', () => {
    const wb = exampleWorkbook('zh-TW');
    setCell(wb, KR, 'KR4', '目標值', '');
    const { plan, issues } = analyzeWorkbook(wb, { asOf: AS_OF });
    expect(issues.filter((i) => i.sheet === KR && i.row === rowOfKr4(wb))).toEqual([]);
    expect(plan.keyResults.find((k) => k.id === 'KR4')!.target).toBe(1);
    const progress = (p: typeof plan) => planProgress(p, AS_OF).keyResults.find((k) => k.id === 'KR4')!;
    expect(progress(plan).status).toBe('done');
    expect(progress(plan)).toEqual(progress(parsePlan(exampleWorkbook('zh-TW')).plan));
    // Another key result's blank Target is still asked for.
    setCell(wb, KR, 'KR2', '目標值', '');
    expect(
      issuesOf(wb)
        .filter((i) => i.code === 'missing-value')
        .map((i) => i.message['zh-TW']),
    ).toEqual(['KR2 的「目標值」為空。']);
  });

  it('refuses done or not done for any other metric, with the cell as typed and what the metric takes', () => {
    const wb = exampleWorkbook('en');
    const count = addRow(wb, 'Actuals', { Date: '2026-06-15', Metric: 'KR2', Value: true });
    const reading = addRow(wb, 'Actuals', { Date: '2026-06-15', Metric: 'KR3', Value: 'done' });
    const kpi = addRow(wb, 'Actuals', { Date: '2026-06-15', Metric: 'KPI1', Value: false });
    const issues = issuesOf(wb);
    const said = (row: number) => at(issues, 'Actuals', `C${row}`).map((i) => [i.code, i.message.en]);
    expect(said(count)).toEqual([
      [
        'yes-no-not-milestone',
        'Value of KR2 is "TRUE", which says done or not done: only a milestone takes that (as 1 or 0), and KR2 is cumulative: it takes the amount of its month, a number such as 5000. It is not counted.',
      ],
    ]);
    expect(said(reading)[0][1]).toContain('KR3 takes the reading on that date, a number such as 20% or 5000');
    expect(said(kpi)[0][1]).toContain('Value of KPI1 is "FALSE"');
    // The KPI's and KR3's other months are what they were.
    const progress = planProgress(parsePlan(wb).plan, AS_OF);
    expect(progress.keyResults.find((p) => p.id === 'KR3')!.current).toBe(0.13);
  });

  it("gives the Targets tab's formulas the plan's status for a checkbox's TRUE (HyperFormula)", () => {
    for (const value of [true, false]) {
      const wb = exampleWorkbook('en', { date: isoToSerial });
      wb['Actuals'].find((r) => r[1] === 'KR4')![2] = value;
      const { plan } = parsePlan(wb);
      const sheet = buildTargetsSheet(plan, { lang: 'en', date: isoToSerial, asOf: AS_OF })!;
      wb['Targets'] = sheet.rows;
      const { values } = evaluateWorkbook(wb, {
        names: { [TARGETS_AS_OF.name]: { sheet: 'Targets', ...sheet.asOfCell } },
      });
      const column = (key: string) => TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === key);
      const row = values('Targets')[sheet.targetRows.KR4 - 1];
      const first = sheet.firstMonthColumn - 1 + sheet.months.length;
      const kr4 = planProgress(plan, AS_OF).keyResults.find((p) => p.id === 'KR4')!;
      expect(kr4.status).toBe(value ? 'done' : 'missed');
      expect(row[first + column('actualToDate')]).toBe(value ? 1 : 0);
      expect(row[first + column('status')]).toBe(STATUS_LABELS[kr4.status].en);
    }
  });
});

describe("the number an objective's words name, for the funnel check", () => {
  const funnel = (lang: 'en' | 'zh-TW', title: string) => {
    const wb = exampleWorkbook(lang);
    setCell(wb, lang === 'en' ? 'Objectives' : '目標', 'O1', lang === 'en' ? 'Objective' : '目標', title);
    return issuesOf(wb)
      .filter((i) => i.code === 'funnel-mismatch')
      .map((i) => i.message[lang]);
  };

  it('is read with its multiplier, as cells are read: 1萬 and 10k are the funnel’s 10,000', () => {
    expect(funnel('zh-TW', '今年發布新產品並轉換 1萬家新客戶')).toEqual([]);
    expect(funnel('en', 'Launch and convert 10k new customers')).toEqual([]);
    expect(funnel('en', 'Launch and convert 10 thousand new customers')).toEqual([]);
    expect(funnel('zh-TW', '營收 2000萬，轉換 1萬家客戶')).toEqual([]);
    // Said with the number as read.
    expect(funnel('zh-TW', '今年轉換 5萬家新客戶')).toEqual([
      '50,000 × 20%（KR2 × KR3）得出 10,000，但目標 O1 寫的是 50,000。',
    ]);
    expect(funnel('en', 'Convert 1.5k new customers')[0]).toContain('names 1,500.');
  });

  it('is never a number that was not read: Chinese numerals, a percentage, a letter run into a word', () => {
    expect(funnel('zh-TW', '今年發布新產品並轉換一萬家新客戶')).toEqual([]);
    expect(funnel('zh-TW', '今年轉換一萬家新客戶，進入 3 個市場')).toEqual([]);
    expect(funnel('zh-TW', '試用轉付費率達到 20%')).toEqual([]);
    expect(funnel('en', 'Win 5 B2B accounts')[0]).toContain('names 5.');
  });
});

describe('through a real .xlsx: gtm-pyramid check and report', () => {
  const dir = tempDir('typed');
  let check: { issues: { code: string; sheet: string; cell: string; message: string; fix: string }[] };
  let json: PlanJson;
  let rows: Record<string, number>;

  beforeAll(async () => {
    const typed = typedPlan(exampleWorkbook('zh-TW', { date: utcDate }), utcDate);
    rows = typed.rows;
    writeFileSync(join(dir, 'plan.xlsx'), await planToXlsxBuffer(typed.wb, { lang: 'zh-TW', asOf: AS_OF }));
    const checked = await runCli(['check', 'plan.xlsx', '--json', '--as-of', AS_OF], dir);
    check = JSON.parse(checked.stdout.join('\n'));
    await runCli(['report', 'plan.xlsx', '--out', 'out', '--as-of', AS_OF], dir);
    json = JSON.parse(readFileSync(join(dir, 'out', 'plan.json'), 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const issueAt = (sheet: string, cell: string) =>
    check.issues.filter((i) => i.sheet === sheet && i.cell === cell);

  it('refuses the Due 1151231 at its cell, offering 2026-12-31; KR2 is not spread over 3,000 years', () => {
    expect(issueAt(KR, 'K3').map((i) => [i.code, i.fix])).toEqual([['compact-date', '請填寫 2026-12-31。']]);
    expect(check.issues.map((i) => i.code)).not.toContain('outside-period');
    const kr2 = json.keyResults.find((k) => k.id === 'KR2')!;
    expect(JSON.stringify(kr2)).not.toContain('5051');
    expect(kr2.forecast).toBe(47_400);
  });

  it('asks which a confidence of 7.5 or 1.2 means, and reads 0.75 as 75%', () => {
    expect(issueAt(KR, 'N2').map((i) => i.code)).toEqual(['confidence-ambiguous']);
    expect(issueAt(KR, 'N4').map((i) => i.code)).toEqual(['confidence-ambiguous']);
    expect(issueAt(KR, 'N6')).toEqual([]);
    expect(json.keyResults.find((k) => k.id === 'KR5')!.confidence).toBe(0.75);
  });

  it('reads O1\'s "1萬家" as the funnel\'s 10,000: no funnel warning', () => {
    expect(check.issues.filter((i) => i.code === 'funnel-mismatch')).toEqual([]);
  });

  it("counts KR4's checkbox as done, says 完成 where the Targets formulas need 1, refuses 完成 for KR2", () => {
    expect(json.keyResults.find((k) => k.id === 'KR4')!.status).toBe('done');
    expect(issueAt(ACTUALS, `C${rows.checkbox}`)).toEqual([]);
    expect(issueAt(ACTUALS, `C${rows.milestoneWord}`).map((i) => [i.code, i.fix])).toEqual([
      ['unreadable-by-formulas', '在該儲存格中改為輸入 1。'],
    ]);
    const [word] = issueAt(ACTUALS, `C${rows.countWord}`);
    expect(word.code).toBe('yes-no-not-milestone');
    expect(word.message).toBe(
      'KR2 的「數值」為「完成」，表示完成與否：只有里程碑這樣填寫（記為 1 或 0），而 KR2 是累計型：填寫當月的數量，例如 5000。不計入。',
    );
  });
});

describe('through the add-on (built bundle, emulated Sheets)', () => {
  const TZ = 'Asia/Taipei';
  const addon = (wb: Workbook) => loadAddon({ workbook: wb, locale: 'zh_TW', timeZone: TZ });
  const issuesIn = (run: ReturnType<typeof addon>) =>
    (run.project.callFromClient('getPlanCheck', 'zh-TW') as PlanCheck).groups.flatMap((g) => g.issues);

  it('says every typed value at its cell, as the report does: a number cell and a date-formatted one alike', () => {
    const { wb, rows } = typedPlan(examplePlan('zh-TW', TZ), (iso) => zonedMidnight(iso, TZ));
    const issues = issuesIn(addon(wb));
    const said = (sheet: string, a1: string) =>
      issues.filter((i) => i.sheet === sheet && i.a1 === a1).map((i) => [i.code, i.fix]);
    expect(said(KR, 'K3')).toEqual([['compact-date', '請填寫 2026-12-31。']]);
    expect(said(KR, 'N2').map(([code]) => code)).toEqual(['confidence-ambiguous']);
    expect(issues.filter((i) => i.code === 'funnel-mismatch')).toEqual([]);
    expect(said(ACTUALS, `C${rows.checkbox}`)).toEqual([]);
    expect(said(ACTUALS, `C${rows.countWord}`).map(([code]) => code)).toEqual(['yes-no-not-milestone']);
    // 1151231 typed into a Due formatted as a date: Sheets holds the day 5051-12-17.
    const dated = examplePlan('zh-TW', TZ);
    setCell(dated, KR, 'KR2', '截止', zonedMidnight('5051-12-17', TZ));
    const message = issuesIn(addon(dated)).find((i) => i.sheet === KR && i.a1 === 'K3')!;
    expect([message.code, message.message, message.fix]).toEqual([
      'compact-date',
      'KR2 的「截止」為「1151231」，是沒有分隔符號的日期（115/12/31）：試算表不會把它當作日期，因此不予採用。',
      '請填寫 2026-12-31。',
    ]);
  });

  it('decomposes a plan whose milestone is a ticked checkbox: the Targets tab says done, as progress does', () => {
    const wb = examplePlan('zh-TW', TZ);
    wb[ACTUALS].find((r) => r[1] === 'KR4')![2] = true;
    const run = addon(wb);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    run.ss.getRangeByName(TARGETS_AS_OF.name)!.setValue(zonedMidnight(AS_OF, TZ));
    const { plan } = parsePlan(toWorkbook(run.ss) as Workbook, { timeZone: TZ });
    const kr4 = planProgress(plan, AS_OF).keyResults.find((p) => p.id === 'KR4')!;
    expect(kr4.status).toBe('done');
    const targets = valuesOf(run.ss, tabDef('targets').label['zh-TW']);
    const header = targets[0] as unknown[];
    const statusColumn = header.indexOf(
      TARGETS_SUMMARY_COLUMNS.find((c) => c.key === 'status')!.label['zh-TW'],
    );
    const row = targets.find((r) => r[0] === 'KR4')!;
    expect(row[statusColumn]).toBe(STATUS_LABELS.done['zh-TW']);
  });
});
