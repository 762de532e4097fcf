/**
 * The parser on real inputs: the example plan in both languages, headers as people type them, cells as the
 * spreadsheets hand them over, and the bad cells people do type. Every bad cell must give a located issue
 * (sheet, row, column, A1) with a message in both languages.
 */
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  EXAMPLE_AS_OF,
  exampleWorkbook,
  parsePlan,
  planProgress,
  readDate,
  readNumber,
  type Cell,
  type Plan,
  type PlanIssue,
  type Workbook,
} from '../shared';
import { keyResultIdNamed, objectiveIdOf, parentIdOf, trackedKeyResultIdOf } from '../shared/plan-index';
import { addRow, cloneWorkbook, colOf, dropColumn, rowOf, setCell } from './helpers/edit';

const KR = 'Key Results';

/** An issue's location and words, with the checks every issue must pass. */
function expectWellFormed(issue: PlanIssue) {
  expect(issue.message.en).not.toBe('');
  expect(issue.message['zh-CN']).not.toBe('');
  expect(issue.message.en).not.toBe(issue.message['zh-CN']);
  // Every placeholder of the catalogue got its value.
  expect(issue.message.en).not.toMatch(/\{\w+\}/);
  expect(issue.message['zh-CN']).not.toMatch(/\{\w+\}/);
  expect(issue.fix.en).not.toMatch(/\{\w+\}/);
  expect(issue.fix['zh-CN']).not.toMatch(/\{\w+\}/);
}

function only(issues: PlanIssue[], code: string): PlanIssue {
  const found = issues.filter((i) => i.code === code);
  expect(found, `${code} in ${JSON.stringify(issues.map((i) => i.code))}`).toHaveLength(1);
  expectWellFormed(found[0]);
  return found[0];
}

const at = (i: PlanIssue) => ({ sheet: i.sheet, row: i.row, column: i.column, a1: i.a1 });

describe('the example plan', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`parses without a single issue (${lang})`, () => {
      const { plan, issues } = parsePlan(exampleWorkbook(lang));
      expect(issues).toEqual([]);
      expect(plan.lang).toBe(lang);
      expect(plan.departments).toHaveLength(5);
      expect(plan.objectives).toHaveLength(2);
      expect(plan.keyResults).toHaveLength(5);
      expect(plan.kpis).toHaveLength(3);
      expect(plan.roadmap).toHaveLength(9);
      // KR1 6 + KR2 8 + KR3 8 + KR4 1 + KR5 10 + KPI1 5 + KPI2 8 + KPI3 8 check-ins.
      expect(plan.actuals).toHaveLength(54);
      expect(plan.changes).toHaveLength(1);
      expect(plan.targets).toBeNull();
      expect(plan.period).toEqual({
        start: '2026-01-01',
        end: '2026-12-31',
        months: [
          '2026-01',
          '2026-02',
          '2026-03',
          '2026-04',
          '2026-05',
          '2026-06',
          '2026-07',
          '2026-08',
          '2026-09',
          '2026-10',
          '2026-11',
          '2026-12',
        ],
      });
      const kr1 = plan.keyResults[0];
      expect(kr1).toMatchObject({
        id: 'KR1',
        row: 2,
        objectiveId: 'O1',
        type: 'cumulative',
        direction: 'increase',
        baseline: 0,
        target: 1_000_000,
        start: '2026-03-01',
        due: '2026-08-31',
        phasing: 'ramp-up',
        weight: 1,
        confidence: 0.7,
      });
      expect(plan.keyResults[2]).toMatchObject({ id: 'KR3', type: 'level', baseline: 0.05, target: 0.2 });
      expect(plan.keyResults[3]).toMatchObject({ id: 'KR4', type: 'milestone', phasing: 'even', unit: '' });
      expect(plan.kpis[1]).toMatchObject({
        id: 'KPI2',
        keyResultId: 'KR3',
        direction: 'decrease',
        target: 1,
        cadence: 'monthly',
      });
      expect(plan.roadmap[0]).toMatchObject({
        id: 'R1',
        keyResultIds: ['KR4', 'KR5'],
        status: 'done',
        start: '2026-01-05',
        end: '2026-02-27',
      });
      expect(plan.roadmap[5].status).toBe('in-progress');
      expect(plan.actuals[0]).toMatchObject({ row: 2, date: '2026-03-28', metric: 'KR1', value: 40_000 });
      expect(plan.layout.keyResults).toMatchObject({ headerRow: 1, rowCount: 6, columnCount: 14 });
      expect(plan.layout.keyResults!.columns.target).toBe(9);
    });
  }

  it('reads the same plan from the English and the Chinese workbook, apart from the words', () => {
    const en = parsePlan(exampleWorkbook('en')).plan;
    const zh = parsePlan(exampleWorkbook('zh-CN')).plan;
    const numbers = (p: typeof en) =>
      p.keyResults.map(({ id, type, direction, baseline, target, start, due, phasing, weight }) => ({
        id,
        type,
        direction,
        baseline,
        target,
        start,
        due,
        phasing,
        weight,
      }));
    expect(numbers(zh)).toEqual(numbers(en));
    expect(zh.actuals.map((a) => [a.date, a.metric, a.value])).toEqual(
      en.actuals.map((a) => [a.date, a.metric, a.value]),
    );
    expect(zh.departments.map((d) => d.name)).toEqual(['销售', '市场', '运营', '研发', '客服']);
    expect(zh.keyResults[1].unit).toBe('注册数');
    expect(zh.layout.keyResults!.sheet).toBe('关键结果');
  });

  it('keeps check-ins as columns, with the same list of actuals for every reader, and the same progress', () => {
    const { plan } = parsePlan(exampleWorkbook('en'));
    // Written out before anything read the list: JSON has it, in its usual place among the plan's fields.
    const json = JSON.parse(JSON.stringify(plan)) as Plan;
    expect(Object.keys(json)).toEqual(Object.keys(plan));
    expect(Object.keys(json).indexOf('actuals')).toBe(Object.keys(json).indexOf('roadmap') + 1);
    expect(json.actuals).toHaveLength(54);
    expect(plan.actuals).toEqual(json.actuals);
    expect(plan.actuals).toBe(plan.actuals);
    // A copy holds a plain list; the stages read its check-ins from that list and find the same progress.
    const copy: Plan = { ...plan };
    expect(copy.actuals).toEqual(json.actuals);
    expect(planProgress(copy, EXAMPLE_AS_OF)).toEqual(planProgress(plan, EXAMPLE_AS_OF));
    // A new list replaces the columns: without KR1's check-ins, KR1 has none to count.
    plan.actuals = plan.actuals.filter((a) => a.metric !== 'KR1');
    expect(planProgress(plan, EXAMPLE_AS_OF).keyResults[0]).toMatchObject({
      id: 'KR1',
      actualToDate: 0,
      status: 'no-data',
    });
  });
});

describe('headers and tabs', () => {
  it('matches headers ignoring case and spaces, in either language, mixed on one row', () => {
    const original = parsePlan(exampleWorkbook('en')).plan;
    const wb = exampleWorkbook('en');
    wb[KR][0] = [
      'id',
      ' 所属目标 ',
      'KEY RESULT',
      '负责部门',
      'type',
      '单位',
      'Direction',
      '基线',
      ' target',
      '开始',
      'D U E',
      '分解方式',
      'WEIGHT',
      '信心',
    ];
    // Tab names too: lower case English next to Chinese.
    wb['kpis'] = wb['KPIs'];
    delete wb['KPIs'];
    wb['路线图'] = wb['Roadmap'];
    delete wb['Roadmap'];
    wb['KPIs'.toLowerCase()][0] = ['编号', 'kpi', 'owner', '关键结果', 'Unit', '方向', '目标值', 'cadence'];
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.keyResults).toEqual(original.keyResults);
    expect(plan.kpis).toEqual(original.kpis);
    expect(plan.roadmap).toEqual(original.roadmap);
    expect(plan.layout.kpis!.sheet).toBe('kpis');
    expect(plan.layout.roadmap!.sheet).toBe('路线图');
  });

  it('takes full-width letters and ideographic spaces in headers', () => {
    const wb = exampleWorkbook('en');
    wb[KR][0][colOf(wb[KR], 'Target')] = 'ＴＡＲＧＥＴ';
    wb[KR][0][colOf(wb[KR], 'Due')] = '截\u3000止';
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.keyResults[1]).toMatchObject({ target: 50_000, due: '2026-12-31' });
  });

  it('finds the header below a title row, and counts rows as the sheet does', () => {
    const wb = exampleWorkbook('en');
    wb[KR].unshift(['GEO Monitor: key results 2026']);
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.keyResults).toHaveLength(5);
    expect(plan.layout.keyResults!.headerRow).toBe(2);
    expect(plan.keyResults[0]).toMatchObject({ id: 'KR1', row: 3 });
    // An issue on that tab points at the shifted row.
    wb[KR][rowOf(wb[KR], 'KR2')][wb[KR][1].indexOf('Target')] = 'lots';
    const bad = only(parsePlan(wb).issues, 'not-a-number');
    expect(at(bad)).toEqual({ sheet: KR, row: 4, column: 9, a1: 'I4' });
  });

  it('keeps and ignores the user’s own columns, rows and tabs', () => {
    const original = parsePlan(exampleWorkbook('en')).plan;
    const wb = exampleWorkbook('en');
    // A column of the user's own between Objective and Key result, another at the far right.
    for (const [i, row] of wb[KR].entries()) {
      row.splice(2, 0, i === 0 ? 'Sales comment' : 'anything at all: #REF!, abc, 2026-02-30');
      row.push(i === 0 ? 'Scratch' : 42);
    }
    // A row with content only in the user's column is theirs, not a plan row.
    const mine: Cell[] = wb[KR][0].map(() => '');
    mine[2] = 'remember to call Maria';
    wb[KR].push(mine);
    wb['Scratch pad'] = [
      ['totally', 'unrelated'],
      [1, 2],
      ['#REF!', new Date(NaN)],
    ];
    wb['Pivot'] = [];
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    const withoutRow = (krs: typeof plan.keyResults) => krs.map((kr) => ({ ...kr, row: 0 }));
    expect(withoutRow(plan.keyResults)).toEqual(withoutRow(original.keyResults));
    expect(plan.layout.keyResults!.columns.title).toBe(4);
  });

  it('reports missing required and recommended tabs (none for optional ones), named in the workbook’s language', () => {
    const wb = exampleWorkbook('en');
    delete wb['Objectives'];
    delete wb['KPIs'];
    delete wb['Changes'];
    const { issues } = parsePlan(wb);
    expect(issues.map((i) => [i.code, i.severity, i.sheet, i.row, i.column, i.a1])).toEqual([
      ['missing-tab', 'error', 'Objectives', null, null, null],
      ['missing-tab-optional', 'warning', 'KPIs', null, null, null],
    ]);
    issues.forEach(expectWellFormed);
    expect(issues[0].message.en).toBe('The "Objectives" tab is missing.');
    expect(issues[0].message['zh-CN']).toBe('缺少“目标”工作表。');

    const zh = exampleWorkbook('zh-CN');
    delete zh['关键结果'];
    const zhIssue = only(parsePlan(zh).issues, 'missing-tab');
    expect(zhIssue.sheet).toBe('关键结果');
  });

  it('reports a missing required column as an error and a missing optional one as a warning, where it would go', () => {
    const wb = exampleWorkbook('en');
    dropColumn(wb, KR, 'Target');
    dropColumn(wb, KR, 'Weight');
    const { plan, issues } = parsePlan(wb);
    // At the first free header cell, where the column would go (a header that resembles it is named instead:
    // test/plan-words.test.ts), not at the first cell, which holds another column's header.
    const required = only(issues, 'missing-column');
    expect(required.severity).toBe('error');
    const free = wb[KR][0].length + 1;
    expect(at(required)).toEqual({ sheet: KR, row: 1, column: free, a1: `${columnLetter(free)}1` });
    expect(required.message.en).toBe('Column "Target" is missing on "Key Results".');
    expect(required.message['zh-CN']).toBe('“Key Results”表缺少“目标值”列。');
    const optional = only(issues, 'missing-column-optional');
    expect(optional.severity).toBe('warning');
    expect(optional.message.en).toContain('"Weight"');
    // No per-row issue for the missing column: it was reported once.
    expect(issues).toHaveLength(2);
    expect(plan.keyResults.every((kr) => kr.target === null && kr.weight === 1)).toBe(true);
  });

  it('reports a tab without a header row, and a header written twice', () => {
    const wb = exampleWorkbook('en');
    wb['Objectives'] = [['nothing here'], ['O1', 'still nothing']];
    wb[KR][0].push('target');
    wb[KR].slice(1).forEach((row) => row.push(123));
    const { plan, issues } = parsePlan(wb);
    expect(at(only(issues, 'empty-sheet'))).toEqual({ sheet: 'Objectives', row: 1, column: 1, a1: 'A1' });
    expect(at(only(issues, 'duplicate-column'))).toEqual({ sheet: KR, row: 1, column: 15, a1: 'O1' });
    // The first Target column is the one read.
    expect(plan.keyResults[1].target).toBe(50_000);
    expect(plan.objectives).toEqual([]);
  });
});

describe('cells as spreadsheets hand them over', () => {
  it('reads a list of key results with any separator people type, and one item without splitting', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Roadmap', 'R1', 'Key results', 'KR1，kr2； KR3、\nKR4;; ,KR5 ');
    setCell(wb, 'Roadmap', 'R2', 'Key results', '  KR2  ');
    setCell(wb, 'Roadmap', 'R3', 'Key results', '');
    const { plan } = parsePlan(wb);
    expect(plan.roadmap.slice(0, 3).map((r) => r.keyResultIds)).toEqual([
      ['KR1', 'kr2', 'KR3', 'KR4', 'KR5'],
      ['KR2'],
      [],
    ]);
  });

  const dueOf = (wb: Workbook, options = {}) => parsePlan(wb, options).plan.keyResults[1].due;

  it('reads Date objects at UTC midnight (exceljs) as the day typed', () => {
    const wb = exampleWorkbook('en', { date: (iso) => new Date(`${iso}T00:00:00Z`) });
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.period?.start).toBe('2026-01-01');
    expect(plan.keyResults[0]).toMatchObject({ start: '2026-03-01', due: '2026-08-31' });
    expect(plan.actuals[0].date).toBe('2026-03-28');
  });

  it('reads a Date at midnight Asia/Shanghai (Apps Script) as the day typed when given the time zone', () => {
    const wb = exampleWorkbook('en');
    // Sheets in Shanghai hands over 1 March as 2026-02-28T16:00:00Z.
    const shanghaiMidnight = new Date('2026-03-01T00:00:00+08:00');
    expect(shanghaiMidnight.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    setCell(wb, KR, 'KR2', 'Due', shanghaiMidnight);
    setCell(wb, 'Strategy', 'Period start', 'Value', new Date('2026-01-01T00:00:00+08:00'));
    expect(dueOf(wb, { timeZone: 'Asia/Shanghai' })).toBe('2026-03-01');
    expect(parsePlan(wb, { timeZone: 'Asia/Shanghai' }).plan.period?.start).toBe('2026-01-01');
    // Read as UTC, the same instant is the day before: the time zone matters.
    expect(dueOf(wb)).toBe('2026-02-28');
    expect(parsePlan(wb).plan.period?.start).toBe('2025-12-31');
  });

  it('reads serial numbers, ISO and Chinese date strings in the dates that end a span (Due, Period end)', () => {
    const cases: [Cell, string][] = [
      [46082, '2026-03-01'], // Sheets/Excel serial of 1 March 2026
      [46082.75, '2026-03-01'], // with a time of day
      ['2026-03-01', '2026-03-01'],
      ['2026/3/1', '2026-03-01'],
      // A month without its day ends the span on its last day: "due in March" is by 31 March.
      ['2026-03', '2026-03-31'],
      ['2026-03-01T09:30:00', '2026-03-01'],
      ['2026年3月1日', '2026-03-01'],
      ['2026年12月', '2026-12-31'],
      [' 2026-12-31 ', '2026-12-31'],
    ];
    for (const [cell, iso] of cases) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR2', 'Due', cell);
      expect(dueOf(wb), String(cell)).toBe(iso);
      // The Strategy tab's period takes the same forms.
      const wb2 = exampleWorkbook('en');
      setCell(wb2, 'Strategy', 'Period end', 'Value', cell);
      expect(parsePlan(wb2).plan.period?.end, String(cell)).toBe(iso);
    }
  });

  it('reads a header with a note in brackets as its column, and prefers the header as written beside it', () => {
    const wb = exampleWorkbook('zh-TW');
    const krs = wb['關鍵結果'];
    const target = krs[0].indexOf('目標值');
    krs[0][target] = '目標值（萬元）';
    const { plan, issues } = parsePlan(wb);
    expect(plan.layout.keyResults?.columns.target).toBe(target + 1);
    expect(issues.filter((i) => i.code === 'missing-column')).toEqual([]);
    // Last year's targets in a column of their own, left of the real one: the real one is read, without a word.
    const en = exampleWorkbook('en');
    const rows = en['Key Results'];
    const at = rows[0].indexOf('Target');
    rows.forEach((row, r) => row.splice(at, 0, r === 0 ? 'Target (2025)' : 1));
    const read = parsePlan(en);
    expect(read.plan.layout.keyResults?.columns.target).toBe(at + 2);
    expect(read.issues.filter((i) => i.code === 'duplicate-column')).toEqual([]);
  });

  it('reads dates as Taiwan writes them (Minguo years, weekdays, 號) and refuses a date with other text after it', () => {
    const read: [string, string][] = [
      ['115/12/31', '2026-12-31'],
      ['115年3月1日', '2026-03-01'],
      ['民國115年12月31日', '2026-12-31'],
      ['民國 115 年 3 月', '2026-03-01'],
      ['2026 年 3 月 1 日', '2026-03-01'],
      ['2026年3月1號', '2026-03-01'],
      ['2026年3月1日 星期日', '2026-03-01'],
      ['2026/3/1（日）', '2026-03-01'],
      ['2026-03-01 Sunday', '2026-03-01'],
      ['2026/03/01 上午 09:30:00', '2026-03-01'],
      ['2026-03-01T09:30:00.000Z', '2026-03-01'],
      ['199/1/1', '2110-01-01'],
      // Pasted from the web with a zero-width space or a direction mark: what shows is the date.
      ['\u200B2026-06-28', '2026-06-28'],
      ['2026/6/28\u200E', '2026-06-28'],
    ];
    for (const [text, iso] of read) expect(readDate(text), text).toEqual({ ok: true, value: iso });
    // The rest of such a cell is not thrown away: it says the cell is not one date.
    for (const text of [
      '2026/6/30 延至 2026/9/30',
      '2026/3/1 至 2026/6/30',
      '2026-03 monthly',
      '2026/3/1 (TBC)',
      '3月1日',
      '99/12/31',
      // A digit lost from 2026: not the Minguo years 206 (2117) and 26 (1937).
      '206/6/28',
      '026/6/28',
      // A footnote mark after the day is not a digit of it (2026/1/3¹ is not January 31).
      '2026/1/3¹',
      // Invisible characters pasted with it are nothing.
    ])
      expect(readDate(text), text).toEqual({ ok: false, reason: 'not-a-date' });
  });

  it('reads a Changes timestamp typed as text into the form the log writes, so "since the last report" finds it', () => {
    const wb = exampleWorkbook('en');
    const typed: [string, string][] = [
      ['2026/11/03 10:15', '2026-11-03 10:15'],
      ['2026-11-4', '2026-11-04'],
      ['2026年11月3日 下午 2:05', '2026-11-03 14:05'],
      ['2026/11/03 12:30 AM', '2026-11-03 00:30'],
      ['yesterday', 'yesterday'], // no date: kept as typed
    ];
    for (const [text, timestamp] of typed) {
      wb['Changes'][1][0] = text;
      expect(parsePlan(wb).plan.changes[0].timestamp, text).toBe(timestamp);
    }
  });

  it('reads who made a change: as logged or typed, and blank with no issue when the log has no Who column', () => {
    const wb = exampleWorkbook('en');
    const { issues } = parsePlan(wb);
    expect(parsePlan(wb).plan.changes[0].who).toBe('ana.silva@example.com');
    // A name typed by hand instead of an address is the person's: read as typed.
    wb['Changes'][1][colOf(wb['Changes'], 'Who')] = 'Ana (Ops) <script>';
    expect(parsePlan(wb).plan.changes[0].who).toBe('Ana (Ops) <script>');
    wb['Changes'][1][colOf(wb['Changes'], 'Who')] = '';
    expect(parsePlan(wb).plan.changes[0].who).toBe('');
    // A log made before the column existed: every change reads with who blank, and the check says nothing more.
    dropColumn(wb, 'Changes', 'Who');
    const old = parsePlan(wb);
    expect(old.plan.changes.map((c) => [c.id, c.reason !== '', c.who])).toEqual([['KR3', true, '']]);
    expect(old.issues).toEqual(issues);
  });

  it('refuses day-first and month-first dates, which mean different days in different countries', () => {
    expect(readDate('03/04/2026')).toEqual({ ok: false, reason: 'not-a-date' });
    expect(readDate('2026-02-29')).toEqual({ ok: false, reason: 'not-a-date' });
    expect(readDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('reads percentages as 0.2 or "20%", and numbers with thousands separators and currency', () => {
    // KR3 (%): "20%" is a ratio there; in KR1 (USD) a % sign is refused (unit-mismatch): 0.2 dollars is no target.
    for (const cell of ['20%', ' 20 % ']) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR3', 'Target', cell);
      const { plan, issues } = parsePlan(wb);
      expect(
        issues.filter((i) => i.severity === 'error'),
        cell,
      ).toEqual([]);
      expect(plan.keyResults[2].target, cell).toBeCloseTo(0.2, 12);
    }
    const cases: [Cell, number][] = [
      [0.2, 0.2],
      ['1,000,000', 1_000_000],
      ['１２', 12],
      ['-5', -5],
      ['1e3', 1000],
    ];
    for (const [cell, value] of cases) {
      const wb = exampleWorkbook('en');
      // KR1 (USD): a `%` key result would rightly refuse 12 as "12%" typed without its sign.
      setCell(wb, KR, 'KR1', 'Target', cell);
      const { plan, issues } = parsePlan(wb);
      expect(
        issues.filter((i) => i.severity === 'error'),
        String(cell),
      ).toEqual([]);
      expect(plan.keyResults[0].target, String(cell)).toBeCloseTo(value, 12);
    }
    // Currency signs and codes on KR1, whose Unit is the plan's currency (USD).
    for (const [cell, value] of [
      ['USD 1,000,000', 1_000_000],
      ['$2.99', 2.99],
    ] as const) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR1', 'Target', cell);
      const { plan, issues } = parsePlan(wb);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(plan.keyResults[0].target, String(cell)).toBe(value);
    }
    // A decimal comma where decimals are written with a dot: refused, with the text as this spreadsheet writes it.
    expect(readNumber('2,5')).toEqual({ ok: false, reason: 'decimal-mark', found: '2.5' });
    expect(readNumber(true)).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('reads a confidence of 7 as neither 7% nor 70%, and 7% and 70% as typed', () => {
    const confidence = (value: Cell) => {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR2', 'Confidence', value);
      return parsePlan(wb).plan.keyResults[1].confidence;
    };
    expect(confidence(7)).toBeNull();
    expect(confidence('7')).toBeNull();
    expect(confidence('7%')).toBeCloseTo(0.07);
    expect(confidence('70%')).toBeCloseTo(0.7);
    expect(confidence(70)).toBeCloseTo(0.7);
    expect(confidence(1)).toBe(1);
  });

  it('reads confidence typed as 80 as 80%', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Confidence', 80);
    expect(parsePlan(wb).plan.keyResults[1].confidence).toBe(0.8);
  });
});

describe('bad cells give located issues in both languages', () => {
  const bad = (value: Cell, header: string, lang: 'en' | 'zh-CN' = 'en') => {
    const wb = exampleWorkbook(lang);
    const tab = lang === 'en' ? KR : '关键结果';
    const headerLabel =
      lang === 'en'
        ? header
        : ({ Target: '目标值', Due: '截止', Type: '类型', Weight: '权重' } as Record<string, string>)[header];
    setCell(wb, tab, 'KR2', headerLabel, value);
    return parsePlan(wb);
  };

  it('"abc" as a target', () => {
    const { plan, issues } = bad('abc', 'Target');
    const issue = only(issues, 'not-a-number');
    expect(issue.severity).toBe('error');
    expect(at(issue)).toEqual({ sheet: KR, row: 3, column: 9, a1: 'I3' });
    expect(issue.message.en).toBe('Target of KR2 is "abc", which is not a number.');
    expect(issue.message['zh-CN']).toBe('KR2 的“目标值”为“abc”，不是数字。');
    expect(plan.keyResults[1].target).toBeNull();
  });

  it('"#REF!" as a target', () => {
    const issue = only(bad('#REF!', 'Target').issues, 'formula-error');
    expect(at(issue)).toEqual({ sheet: KR, row: 3, column: 9, a1: 'I3' });
    expect(issue.message.en).toBe('Target of KR2 shows the formula error #REF!.');
    expect(issue.message['zh-CN']).toContain('#REF!');
  });

  it('"2026-02-30" as a due date', () => {
    const { plan, issues } = bad('2026-02-30', 'Due');
    const issue = only(issues, 'not-a-date');
    expect(at(issue)).toEqual({ sheet: KR, row: 3, column: 11, a1: 'K3' });
    expect(issue.message.en).toBe('Due of KR2 is "2026-02-30", which is not a date.');
    expect(issue.message['zh-CN']).toBe('KR2 的“截止”为“2026-02-30”，不是日期。');
    expect(plan.keyResults[1].due).toBeNull();
  });

  it('an unknown Type, in the Chinese workbook', () => {
    const { plan, issues } = bad('sometimes', 'Type', 'zh-CN');
    const issue = only(issues, 'invalid-choice');
    expect(at(issue)).toEqual({ sheet: '关键结果', row: 3, column: 5, a1: 'E3' });
    expect(issue.message.en).toBe(
      'Type of KR2 is "sometimes"; allowed: cumulative, level, threshold, milestone.',
    );
    expect(issue.message['zh-CN']).toBe('KR2 的“类型”为“sometimes”，可选值：累计、水平、阈值、里程碑。');
    // The row is still read, with the default type.
    expect(plan.keyResults[1].type).toBe('cumulative');
  });

  it('a negative weight', () => {
    const { plan, issues } = bad(-2, 'Weight');
    expect(at(only(issues, 'negative-weight'))).toEqual({ sheet: KR, row: 3, column: 13, a1: 'M3' });
    expect(plan.keyResults[1].weight).toBe(1);
  });

  it('enum values in either language and any case are fine', () => {
    for (const value of ['CUMULATIVE', '累计', ' Cumulative ']) expect(bad(value, 'Type').issues).toEqual([]);
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Phasing', 'Ramp up');
    setCell(wb, 'Roadmap', 'R6', 'Status', 'In Progress');
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.keyResults[1].phasing).toBe('ramp-up');
  });

  it('a required cell left empty', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'KPIs', 'KPI3', 'Target', '');
    wb['Actuals'][1][colOf(wb['Actuals'], 'Value')] = '';
    const { plan, issues } = parsePlan(wb);
    const missing = issues.filter((i) => i.code === 'missing-value');
    expect(missing.map(at)).toEqual([
      { sheet: 'KPIs', row: 4, column: 7, a1: 'G4' },
      { sheet: 'Actuals', row: 2, column: 3, a1: 'C2' },
    ]);
    missing.forEach(expectWellFormed);
    expect(missing[0].message.en).toBe('Target is empty for KPI3.');
    expect(plan.kpis[2].target).toBeNull();
    // The Actuals row without a value is left out.
    expect(plan.actuals).toHaveLength(53);
  });

  it('an Actuals row with a blank Metric is named as a row of its tab, in every language', () => {
    // The row has no ID to name it by: "Actuals row 3", not "Actuals 3" (the tab's name and a number).
    const said = (lang: 'en' | 'zh-CN' | 'zh-TW') => {
      const wb = exampleWorkbook(lang);
      const actuals = Object.keys(wb).find((name) => parsePlan(wb).plan.layout.actuals?.sheet === name)!;
      wb[actuals][2][1] = '';
      return only(
        parsePlan(wb).issues.filter((i) => i.sheet === actuals && i.a1 === 'B3'),
        'missing-value',
      ).message;
    };
    expect(said('en').en).toBe('Metric is empty for Actuals row 3.');
    expect(said('zh-CN')['zh-CN']).toBe('“实际”第 3 行 的“指标”为空。');
    expect(said('zh-TW')['zh-TW']).toBe('「實際」第 3 列 的「指標」為空。');
    // The tab's own name, in the message's language: an English tab in a Chinese message.
    expect(said('en')['zh-TW']).toBe('「Actuals」第 3 列 的「指標」為空。');
  });

  it('a bad date in the Strategy period', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Strategy', 'Period end', 'Value', 'next year');
    const { plan, issues } = parsePlan(wb);
    expect(at(only(issues, 'not-a-date'))).toEqual({ sheet: 'Strategy', row: 10, column: 2, a1: 'B10' });
    expect(plan.period).toBeNull();
  });

  it('a Date object that is not a date (Invalid Date) or lies outside any plausible year', () => {
    for (const cell of [new Date(NaN), new Date(Date.UTC(20000, 0, 1)), new Date(Date.UTC(-50, 0, 1))]) {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR2', 'Due', cell);
      const { plan, issues } = parsePlan(wb);
      expect(at(only(issues, 'not-a-date')), String(cell)).toEqual({
        sheet: KR,
        row: 3,
        column: 11,
        a1: 'K3',
      });
      expect(plan.keyResults[1].due).toBeNull();
    }
  });
});

describe('IDs', () => {
  it('reports a duplicate ID (case-insensitive) at the second row and keeps the first', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR3', 'ID', 'kr2');
    const { plan, issues } = parsePlan(wb);
    const issue = only(issues, 'duplicate-id');
    expect(at(issue)).toEqual({ sheet: KR, row: 4, column: 1, a1: 'A4' });
    expect(issue.message.en).toBe('ID "kr2" is used twice (also in row 3).');
    expect(plan.keyResults.map((k) => k.id)).toEqual(['KR1', 'KR2', 'KR4', 'KR5']);
  });

  it('a reference is shown as the ID of the row it names (an objective, else a key result for a Parent), one naming none as typed', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Objectives', 'O2', 'Parent', 'kr1');
    setCell(wb, KR, 'KR2', 'Objective', 'o9');
    setCell(wb, KR, 'KR3', 'Objective', 'o1');
    setCell(wb, 'KPIs', 'KPI2', 'Key result', 'kr3');
    const { plan } = parsePlan(wb);
    const o2 = plan.objectives.find((o) => o.id === 'O2')!;
    // The rows keep what was typed (the checks quote the cell); the helpers name the row it matches.
    expect(o2.parent).toBe('kr1');
    expect(parentIdOf(plan, o2)).toBe('KR1');
    expect(parentIdOf(plan, plan.objectives[0])).toBe('');
    const krAt = (id: string) => plan.keyResults.findIndex((k) => k.id === id);
    expect(objectiveIdOf(plan, krAt('KR3'))).toBe('O1');
    expect(objectiveIdOf(plan, krAt('KR2'))).toBe('o9');
    expect(
      trackedKeyResultIdOf(
        plan,
        plan.kpis.findIndex((k) => k.id === 'KPI2'),
      ),
    ).toBe('KR3');
    expect(['kr4', 'KR4', 'kr99', ''].map((ref) => keyResultIdNamed(plan, ref))).toEqual([
      'KR4',
      'KR4',
      'kr99',
      '',
    ]);
  });

  it('reports duplicate department names', () => {
    const wb = exampleWorkbook('en');
    addRow(wb, 'Departments', { Department: 'sales', Lead: 'Someone else' });
    const issue = only(parsePlan(wb).issues, 'duplicate-id');
    expect(at(issue)).toEqual({ sheet: 'Departments', row: 7, column: 1, a1: 'A7' });
  });

  it('reports a row with content but no ID, and leaves it out', () => {
    const wb = exampleWorkbook('en');
    const row = addRow(wb, KR, {
      Objective: 'O1',
      'Key result': 'Something without an ID',
      Owner: 'Sales',
      Type: 'cumulative',
      Target: 10,
      Due: '2026-12-31',
    });
    const { plan, issues } = parsePlan(wb);
    const issue = only(issues, 'missing-id');
    expect(at(issue)).toEqual({ sheet: KR, row, column: 1, a1: `A${row}` });
    expect(issue.message.en).toBe(`Row ${row} has content but no ID.`);
    expect(issue.fix.en).toContain('KR1');
    expect(plan.keyResults).toHaveLength(5);
  });

  it('skips blank rows silently', () => {
    const wb = exampleWorkbook('en');
    wb[KR].splice(3, 0, [], ['', '  ', null, undefined]);
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.keyResults.map((k) => [k.id, k.row])).toEqual([
      ['KR1', 2],
      ['KR2', 3],
      ['KR3', 6],
      ['KR4', 7],
      ['KR5', 8],
    ]);
  });

  it('never throws on an empty workbook and reports every required tab', () => {
    const { plan, issues } = parsePlan({});
    expect(issues.filter((i) => i.code === 'missing-tab').map((i) => i.sheet)).toEqual([
      'Strategy',
      'Objectives',
      'Key Results',
    ]);
    expect(issues.every((i) => i.row === null)).toBe(true);
    expect(plan.keyResults).toEqual([]);
    expect(plan.period).toBeNull();
  });

  it('does not mutate the workbook it reads', () => {
    const wb = exampleWorkbook('en');
    const copy = cloneWorkbook(wb);
    parsePlan(wb);
    expect(wb).toEqual(copy);
  });
});
