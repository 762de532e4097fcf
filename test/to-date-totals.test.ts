/**
 * Two silent wrong read-outs a Traditional Chinese QA round found, typed into the example plan the way the tester did
 * and read back through a real .xlsx: a team behind plan typing its cumulative key result's check-ins as totals to
 * date (1,000, 2,000 … 8,000 for 1,000 sign-ups a month: added up, 36,000, on track), said in words by the Value
 * header (數值（累計）) or by each Note (累計至本月); and weights 0.5 / 30 / 20 in one objective, 0.5 meant as 50%.
 * All counted as typed, and said at the cell.
 */
import { describe, expect, it } from 'vitest';

import { generatePlanWorkbook, GENERATED_AS_OF } from '../bench/generate-plan';
import { analyzeWorkbook, EXAMPLE_AS_OF, exampleWorkbook, type PlanIssue, type Workbook } from '../shared';
import { setCell } from './helpers/edit';
import { throughXlsx } from './helpers/xlsx';

const told = (issues: PlanIssue[], code: string, lang: 'en' | 'zh-TW') =>
  issues.filter((i) => i.code === code).map((i) => [`${i.sheet}!${i.a1}`, i.message[lang], i.fix[lang]]);

const TO_DATE = ['to-date-header', 'to-date-header-wide', 'to-date-note', 'running-total'];

/** KR2's check-ins (實際 C8:C15, 2026-03 … 2026-10) typed over: 1,000 … 8,000, as the tester typed them. */
function typeKr2(wb: Workbook, tab: string, note?: string): void {
  let value = 0;
  for (const row of wb[tab])
    if (Array.isArray(row) && row[1] === 'KR2') {
      row[2] = value += 1000;
      if (note !== undefined) row[3] = note;
    }
}

async function read(wb: Workbook) {
  const { issues, progress } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
  const kr2 = progress.keyResults.find((k) => k.id === 'KR2')!;
  return { issues, kr2 };
}

describe('check-ins said to be totals to date', () => {
  it('zh-TW: the Value header 數值（累計） is said at 實際!C1, naming what is counted; counted as typed', async () => {
    const wb = exampleWorkbook('zh-TW');
    typeKr2(wb, '實際');
    wb['實際'][0][2] = '數值（累計）';
    const { issues, kr2 } = await read(wb);
    expect(told(issues, 'to-date-header', 'zh-TW')).toEqual([
      [
        '實際!C1',
        '表頭「數值（累計）」註明「累計」：其下方的數值看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加：KR1 計為 920,000，而其最新的累計值為 260,000；KR2 計為 36,000，而其最新的累計值為 8,000。',
        '請填寫每月本身新增的數量（該累計值減去前一次的累計值）；如果這些數值本來就是每月新增的數量，請從表頭中刪去「累計」。',
      ],
    ]);
    expect(issues.filter((i) => i.code === 'running-total')).toEqual([]);
    expect([kr2.actualToDate, kr2.status]).toEqual([36000, 'on-track']);
  });

  // QA: a Value column headed 累計實績 was no Value column at all: every check-in lost, the tab's Value "missing".
  it.each(['累計實績', '實績累計', '累計數值', 'YTD Actual', 'Cumulative value'])(
    'the Value column headed %s, its to-date words beside its name: read, and said as 數值（累計） is',
    async (header) => {
      const wb = exampleWorkbook('zh-TW');
      typeKr2(wb, '實際');
      wb['實際'][0][2] = header;
      const { issues, kr2 } = await read(wb);
      expect(issues.filter((i) => i.code === 'missing-column')).toEqual([]);
      const [said, ...more] = told(issues, 'to-date-header', 'zh-TW');
      expect(more).toEqual([]);
      expect(said[0]).toBe('實際!C1');
      expect(said[1]).toContain(
        `表頭「${header}」註明「${header.includes('累計') ? '累計' : header.split(' ')[0]}」`,
      );
      expect(said[1]).toContain('KR2 計為 36,000，而其最新的累計值為 8,000');
      expect(kr2.actualToDate).toBe(36000);
    },
  );

  it("a header of other words with a to-date word stays no Value column: 累計備註 is the person's own", async () => {
    const wb = exampleWorkbook('zh-TW');
    wb['實際'][0].push('累計備註');
    const { issues } = await read(wb);
    expect(issues.filter((i) => i.code === 'to-date-header' || i.code === 'duplicate-column')).toEqual([]);
  });

  it('zh-TW: each Note 累計至本月 is said at its Value, after the first month; counted as typed', async () => {
    const wb = exampleWorkbook('zh-TW');
    typeKr2(wb, '實際', '累計至本月');
    const { issues, kr2 } = await read(wb);
    const said = told(issues, 'to-date-note', 'zh-TW');
    expect(said.map(([at]) => at)).toEqual([9, 10, 11, 12, 13, 14, 15].map((r) => `實際!C${r}`));
    expect(said[6]).toEqual([
      '實際!C15',
      'KR2 這筆實際資料的「備註」寫著「累計」：8,000 看來是至今的累計值，但累計型關鍵結果的實際資料會按每月新增的數量相加，因此它全數計入 2026-10。',
      '請只填寫 2026-10 新增的數量：1,000（8,000 減去前一次的累計值 7,000）；如果 8,000 就是當月新增的數量，請從「備註」中刪去「累計」。',
    ]);
    expect(issues.filter((i) => i.code === 'to-date-header' || i.code === 'running-total')).toEqual([]);
    expect(kr2.actualToDate).toBe(36000);
  });

  it('en: a Value (YTD) header and a Note "cumulative" are said, in English', async () => {
    const wb = exampleWorkbook('en');
    typeKr2(wb, 'Actuals', 'cumulative');
    wb['Actuals'][0][2] = 'Value (YTD)';
    const { issues } = await read(wb);
    expect(told(issues, 'to-date-header', 'en')).toEqual([
      [
        'Actuals!C1',
        'The header "Value (YTD)" notes "YTD": the Values below read as totals to date, but the check-ins of a cumulative key result are added up as the amounts of their months: KR1 counts 920,000, where its latest total is 260,000; KR2 counts 36,000, where its latest total is 8,000.',
        'Type each month\'s own amount (its total less the total before it); if the Values are the amounts of their months, take "YTD" out of the header.',
      ],
    ]);
    const notes = told(issues, 'to-date-note', 'en');
    expect(notes).toHaveLength(7);
    expect(notes[0]).toEqual([
      `Actuals!C${rowOf(wb, 'Actuals', 'KR2') + 2}`,
      'The Note of this check-in of KR2 says "cumulative": 2,000 reads as a total to date, but the check-ins of a cumulative key result are added up as the amounts of their months, so all of it counts for 2026-04.',
      'Type the amount of 2026-04 alone: 1,000 (2,000 less the total before it, 1,000); if 2,000 is that amount, take "cumulative" out of the Note.',
    ]);
  });

  it('monthly amounts that ramp up, under a header or Notes without such words, stay silent', async () => {
    for (const [header, note] of [
      ['數值', ''],
      ['數值（每月新增）', '本月新增'],
      ['數值（人）', '新增 {value}，累計 {total}'],
    ]) {
      const wb = exampleWorkbook('zh-TW');
      typeKr2(wb, '實際', note);
      wb['實際'][0][2] = header;
      // A Note giving the total beside the month's amount: 新增 3,000，累計 6,000.
      let total = 0;
      for (const row of wb['實際'])
        if (row[1] === 'KR2' && typeof row[3] === 'string')
          row[3] = row[3]
            .replace('{value}', Number(row[2]).toLocaleString('en-US'))
            .replace('{total}', (total += Number(row[2])).toLocaleString('en-US'));
      const { issues, kr2 } = await read(wb);
      expect(
        issues.filter((i) => TO_DATE.includes(i.code)).map((i) => i.code),
        header,
      ).toEqual([]);
      expect(kr2.actualToDate).toBe(36000);
    }
    const en = exampleWorkbook('en');
    typeKr2(en, 'Actuals', 'up to date');
    const { issues } = await read(en);
    expect(issues.filter((i) => TO_DATE.includes(i.code))).toEqual([]);
  });

  it('a negated word is no such claim: Notes 非累計, 不是累計數, (不含累計), 至今 in a sentence, not YTD', async () => {
    for (const [lang, tab, note] of [
      ['zh-TW', '實際', '本月新增，非累計'],
      ['zh-TW', '實際', '不是累計數'],
      ['zh-TW', '實際', '單月數字（不含累計）'],
      ['zh-TW', '實際', '客戶至今未付款'],
      ['zh-TW', '實際', '至今仍在洽談中'],
      ['en', 'Actuals', 'not cumulative'],
      ['en', 'Actuals', 'monthly, not YTD'],
      ['en', 'Actuals', 'non-cumulative'],
    ] as const) {
      const wb = exampleWorkbook(lang);
      typeKr2(wb, tab, note);
      const { issues, kr2 } = await read(wb);
      expect(
        issues.filter((i) => TO_DATE.includes(i.code)).map((i) => i.code),
        note,
      ).toEqual([]);
      expect(kr2.actualToDate).toBe(36000);
    }
  });

  it('a negated header is no such claim: 數值（非累計）, Value (not YTD)', async () => {
    for (const [lang, tab, header] of [
      ['zh-TW', '實際', '數值（非累計）'],
      ['en', 'Actuals', 'Value (not YTD)'],
    ] as const) {
      const wb = exampleWorkbook(lang);
      typeKr2(wb, tab);
      wb[tab][0][2] = header;
      const { issues } = await read(wb);
      expect(
        issues.filter((i) => TO_DATE.includes(i.code)).map((i) => i.code),
        header,
      ).toEqual([]);
    }
  });

  it('still said: 年初至今, 累計至今, and a negation in another clause (累計，非單月數字)', async () => {
    for (const note of ['年初至今', '累計至今', '累計，非單月數字']) {
      const wb = exampleWorkbook('zh-TW');
      typeKr2(wb, '實際', note);
      const { issues } = await read(wb);
      expect(
        issues.filter((i) => i.code === 'to-date-note').map((i) => i.a1),
        note,
      ).toEqual([9, 10, 11, 12, 13, 14, 15].map((r) => `C${r}`));
    }
  });

  it('a Value the Note says is a total gets to-date-note alone, not month-far-above-plan too', async () => {
    // The example's KR2 check-ins (3,200, 4,100 … 4,900) typed as their totals so far, each noted 累計至本月: the
    // later totals (26,000 and up) are far above 5,000 a month, which the Note already explains.
    const wb = exampleWorkbook('zh-TW');
    let total = 0;
    for (const row of wb['實際'])
      if (Array.isArray(row) && row[1] === 'KR2') {
        row[2] = total += Number(row[2]);
        row[3] = '累計至本月';
      }
    const { issues } = await read(wb);
    const at = (code: string) => issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.a1}`);
    expect(at('to-date-note')).toEqual([9, 10, 11, 12, 13, 14, 15].map((r) => `實際!C${r}`));
    expect([...at('month-far-above-plan'), ...at('month-over-target')]).toEqual([]);
  });

  it('the example and a generated plan say none of it', async () => {
    const example = analyzeWorkbook(await throughXlsx(exampleWorkbook('zh-TW')), { asOf: EXAMPLE_AS_OF });
    const generated = analyzeWorkbook(generatePlanWorkbook(300), { asOf: GENERATED_AS_OF });
    for (const { issues } of [example, generated])
      expect(issues.filter((i) => [...TO_DATE, 'weight-ratio-mixed'].includes(i.code))).toEqual([]);
  });
});

/** The 0-based row of the first row of `id` on a tab, header included. */
function rowOf(wb: Workbook, tab: string, id: string): number {
  return wb[tab].findIndex((row) => Array.isArray(row) && row[1] === id);
}

describe('weights 0.5 / 30 / 20 in one objective', () => {
  it('zh-TW: 0.5 beside 30 and 20 is said at 關鍵結果!M2; weights counted as typed', async () => {
    const wb = exampleWorkbook('zh-TW');
    for (const [id, weight] of [
      ['KR1', 0.5],
      ['KR2', 30],
      ['KR3', 20],
    ] as const)
      setCell(wb, '關鍵結果', id, '權重', weight);
    const { plan, issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'weight-ratio-mixed', 'zh-TW')).toEqual([
      [
        '關鍵結果!M2',
        'KR1 的權重為 0.5，而目標 O1 的其他權重為 KR2 30、KR3 20：換成 50 後合計正好為 100，看來指的是 50%。按填寫的值，它只佔該目標的 0.99%。',
        '如果指的是 50%，請填寫 50，與其他權重同一尺度；如果是相對權重，請保持不變。',
      ],
    ]);
    expect(issues.filter((i) => i.code === 'weight-scales-mixed')).toEqual([]);
    expect(plan.keyResults.slice(0, 3).map((kr) => kr.weight)).toEqual([0.5, 30, 20]);
  });

  it('en: 0.3 and 0.2 beside 50 are each said', async () => {
    const wb = exampleWorkbook('en');
    setCell(wb, 'Key Results', 'KR1', 'Weight', 50);
    setCell(wb, 'Key Results', 'KR2', 'Weight', 0.3);
    setCell(wb, 'Key Results', 'KR3', 'Weight', 0.2);
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'weight-ratio-mixed', 'en').map(([at, message]) => [at, message])).toEqual([
      [
        'Key Results!M3',
        'Weight of KR2 is 0.3, while the other weights of objective O1 are KR1 50, KR3 0.2: with 0.3 and 0.2 as 30 and 20, they add up to exactly 100, so 30% looks meant. As typed, it weighs 0.59% of the objective.',
      ],
      [
        'Key Results!M4',
        'Weight of KR3 is 0.2, while the other weights of objective O1 are KR1 50, KR2 0.3: with 0.3 and 0.2 as 30 and 20, they add up to exactly 100, so 20% looks meant. As typed, it weighs 0.4% of the objective.',
      ],
    ]);
  });

  it('zh-TW: 0.5 and 0.3 beside 20 each name both as 50 and 30 (with 0.5 alone as 50 they add up to 70.3)', async () => {
    const wb = exampleWorkbook('zh-TW');
    for (const [id, weight] of [
      ['KR1', 0.5],
      ['KR2', 0.3],
      ['KR3', 20],
    ] as const)
      setCell(wb, '關鍵結果', id, '權重', weight);
    const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
    expect(told(issues, 'weight-ratio-mixed', 'zh-TW').map(([at, message]) => [at, message])).toEqual([
      [
        '關鍵結果!M2',
        'KR1 的權重為 0.5，而目標 O1 的其他權重為 KR2 0.3、KR3 20：把 0.5、0.3 分別換成 50、30 後合計正好為 100，看來指的是 50%。按填寫的值，它只佔該目標的 2.4%。',
      ],
      [
        '關鍵結果!M3',
        'KR2 的權重為 0.3，而目標 O1 的其他權重為 KR1 0.5、KR3 20：把 0.5、0.3 分別換成 50、30 後合計正好為 100，看來指的是 30%。按填寫的值，它只佔該目標的 1.4%。',
      ],
    ]);
  });

  it('relative weights (0.5 / 1 / 2, 0.5 / 2 / 3) and a blank beside 0.5 / 50 stay silent', async () => {
    for (const weights of [
      [0.5, 1, 2],
      [0.5, 2, 3],
      [0.5, 49.5, ''],
    ]) {
      const wb = exampleWorkbook('zh-TW');
      weights.forEach((w, i) => setCell(wb, '關鍵結果', `KR${i + 1}`, '權重', w));
      const { issues } = analyzeWorkbook(await throughXlsx(wb), { asOf: EXAMPLE_AS_OF });
      expect(
        issues.filter((i) => i.code.startsWith('weight-')).map((i) => i.code),
        JSON.stringify(weights),
      ).toEqual([]);
    }
  });
});
