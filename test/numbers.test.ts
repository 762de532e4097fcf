/**
 * Numbers as people type them: multipliers (50k, 50萬), currencies (NT$, RMB, 元) checked against the plan's
 * Currency, units (2 hours, 1 小時) checked against the metric's Unit. Cell by cell with readNumber, then in a plan,
 * where every refusal is an issue at its cell naming what was typed and what was expected. Property tests:
 * readNumber never throws, and reads back every plain number as written. Last, figures as the report and the checks
 * show them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Formatter } from '../report/format';
import { comparedTexts, percentFigure } from '../shared/figures';

import {
  CURRENCY_ALIASES,
  currencyCodes,
  exampleWorkbook,
  parsePlan,
  readNumber,
  UNIT_ALIASES,
  type Cell,
  type NumberContext,
  type PlanIssue,
} from '../shared';
import { decimalMarkOf } from '../shared/locale-syntax';
import { rowOf, setCell } from './helpers/edit';

const KR = 'Key Results';

/** The issues of one code, where they are and what they say in English and Simplified Chinese. */
function located(issues: PlanIssue[], code: string) {
  return (
    issues
      .filter((i) => i.code === code)
      // English and Simplified as written here; the Traditional text is the Simplified one converted.
      .map((i) => ({
        sheet: i.sheet,
        a1: i.a1,
        message: { en: i.message.en, 'zh-CN': i.message['zh-CN'] },
      }))
  );
}

describe('readNumber', () => {
  it('reads multipliers in English and Chinese, exactly (no float multiplication)', () => {
    const cases: [string, number][] = [
      ['50k', 50_000],
      ['50K', 50_000],
      ['1.5M', 1_500_000],
      ['1.1M', 1_100_000],
      ['2B', 2_000_000_000],
      ['3 million', 3_000_000],
      ['2.5bn', 2_500_000_000],
      ['5千', 5_000],
      ['50萬', 500_000],
      ['50万', 500_000],
      ['1.2億', 120_000_000],
      ['1.2亿', 120_000_000],
      ['3百萬', 3_000_000],
      ['3百万', 3_000_000],
      ['1千萬', 10_000_000],
      ['2.5千万', 25_000_000],
      ['1,500萬', 15_000_000],
      ['-2.5k', -2_500],
      ['５０萬', 500_000], // full-width digits
      ['１２，０００', 12_000], // full-width comma
      ['−5', -5], // the minus sign U+2212
      ['7%', 0.07],
      ['２０％', 0.2],
    ];
    for (const [text, value] of cases) expect(readNumber(text), text).toEqual({ ok: true, value });
  });

  it("reads a currency sign or code that matches the plan's currency, before or after the amount", () => {
    const cases: [string, string, number][] = [
      ['$1M', 'USD', 1_000_000],
      ['US$1,000,000', 'USD', 1_000_000],
      ['1,000,000 USD', 'USD', 1_000_000],
      ['usd 5', 'USD', 5],
      ['NT$170,000', 'TWD', 170_000],
      ['TWD 170,000', 'TWD', 170_000],
      ['NTD 170,000', 'NT$', 170_000],
      ['$170,000', 'TWD', 170_000], // $ alone is the plan's dollar
      ['17萬元', '新台幣', 170_000],
      ['新台幣 17萬', 'TWD', 170_000],
      ['NT$100元', 'TWD', 100],
      ['HK$5,000', 'HKD', 5_000],
      ['¥5000', 'CNY', 5_000],
      ['￥5000', 'RMB', 5_000],
      ['RMB 1.2亿', 'CNY', 120_000_000],
      ['5000元', 'CNY', 5_000],
      ['1.2億 人民幣', '人民币', 120_000_000],
      ['€20', 'EUR', 20],
      ['CHF 20', 'CHF', 20], // any ISO code
      ['-$5', 'USD', -5],
      ['$-5', 'USD', -5],
    ];
    for (const [text, currency, value] of cases)
      expect(readNumber(text, { currency }), `${text} in ${currency}`).toEqual({ ok: true, value });
    // Without a plan currency, any currency is read (nothing to compare it with).
    expect(readNumber('NT$5')).toEqual({ ok: true, value: 5 });
  });

  it('refuses a currency that differs from the plan’s, naming what was typed', () => {
    const cases: [string, string, string][] = [
      ['NT$170,000', 'USD', 'NT$'],
      ['HK$5', 'TWD', 'HK$'],
      ['RMB 100', 'TWD', 'RMB'],
      ['€20', 'USD', '€'],
      ['1.2億 人民幣', 'USD', '人民幣'],
      ['$5', 'CNY', '$'],
      ['5元', 'USD', '元'],
      ['EUR 5', 'points', 'EUR'],
    ];
    for (const [text, currency, found] of cases)
      expect(readNumber(text, { currency }), `${text} in ${currency}`).toEqual({
        ok: false,
        reason: 'currency-mismatch',
        found,
      });
  });

  it("reads a unit after the number when it is the metric's unit, in any of its names", () => {
    const cases: [string, string, number][] = [
      ['1 小時', 'hours', 1],
      ['1 小时', '小時', 1],
      ['2 hours', 'hours', 2],
      ['2hours', '小时', 2],
      ['3 hrs', 'h', 3],
      ['1.5h', 'hours', 1.5],
      ['30 min', 'minutes', 30],
      ['3 天', 'days', 3],
      ['500 sign-ups', 'sign-ups', 500],
      ['500 註冊數', 'sign-ups', 500],
      ['5萬 注册数', 'sign-ups', 50_000],
      ['12 widgets', 'widgets', 12], // an unknown unit, typed as the Unit column says
      ['$5', 'USD', 5], // the metric's unit is a currency
    ];
    for (const [text, unit, value] of cases)
      expect(readNumber(text, { unit }), `${text} in ${unit}`).toEqual({ ok: true, value });
  });

  it('reads an amount in a metric counted in 萬元, 仟元 or 千人 in that unit, never 10,000 times too large', () => {
    const cases: [string, string, number][] = [
      ['4', '萬元', 4], // a bare number is in the metric's unit
      ['4萬', '萬元', 4],
      ['4萬元', '萬元', 4],
      ['4 萬元', '萬元', 4],
      ['40000元', '萬元', 4],
      ['NT$4萬', '萬元', 4],
      ['5千', '萬元', 0.5],
      ['5仟元', '仟元', 5],
      ['5000元', '仟元', 5],
      ['5萬人', '萬人', 5],
      ['1.5M', 'million USD', 1.5],
      ['3', '百分比', 3], // 百分比 is a percentage, not hundreds
      // A Unit that is the multiplier alone: amounts in 萬 (ten thousands).
      ['0.52萬', '萬', 0.52],
      ['5200', '萬', 5200],
      ['5千', '万', 0.5],
      ['3', '千', 3],
      // A letter beside a currency: thousands or millions of dollars.
      ['170k', 'K USD', 170],
      ['170k', 'kUSD', 170],
      ['170,000 USD', 'USD K', 170],
      ['1.5mn', 'USD mn', 1.5],
      ['2', 'USD M', 2],
      ['2', 'MNT', 2], // a currency's code: no scale in it
    ];
    for (const [text, unit, value] of cases)
      expect(readNumber(text, { unit, currency: 'TWD' }), `${text} in ${unit}`).toEqual({ ok: true, value });
    // Without such a unit the scale words still multiply: 5仟 and 5百 are amounts.
    expect(readNumber('5仟')).toEqual({ ok: true, value: 5000 });
    expect(readNumber('5百')).toEqual({ ok: true, value: 500 });
    expect(readNumber('4萬', { unit: '人' })).toEqual({ ok: true, value: 40_000 });
  });

  it("refuses a unit that is not the metric's, and money for a metric counted in something else", () => {
    const cases: [string, NumberContext, string][] = [
      ['2 hours', { unit: '%' }, 'hours'],
      ['2 hours', { unit: 'sign-ups' }, 'hours'],
      ['2 hours', {}, 'hours'],
      ['1 小時', { unit: 'days' }, '小時'],
      ['$500', { unit: 'sign-ups', currency: 'USD' }, '$'],
      ['500 USD', { unit: 'hours' }, 'USD'],
    ];
    for (const [text, context, found] of cases)
      expect(readNumber(text, context), text).toEqual({ ok: false, reason: 'unit-mismatch', found });
  });

  it('refuses what is not a number, with or without a known word', () => {
    for (const text of [
      'abc',
      '100 abc',
      '$',
      '萬',
      '-$-5',
      '5k%',
      '$5%',
      '$100 EUR', // two currencies
      'Q3',
      '5 5',
      '1.2.3',
      '50 萬萬',
      // A minus after the amount is never dropped: these would read positive.
      '1200-',
      '5,000 USD-',
      '5,000 $-',
      '$5,000-',
      '5,000 USD –',
    ])
      expect(readNumber(text, { currency: 'USD', unit: 'USD' }), text).toEqual({
        ok: false,
        reason: 'not-a-number',
      });
  });

  it('a footnote mark, superscript or circled number pasted with an amount is no digit of it', () => {
    // NFKC would read 170000¹ as 1,700,001 and ①5000 as 15,000: refused instead, so the cell says so.
    for (const text of ['170000¹', '10²', '0.13¹', '①5000', '50000⑴', '5½', '₂100'])
      expect(readNumber(text), text).toEqual({ ok: false, reason: 'not-a-number' });
    // Full-width digits are digits as typed.
    expect(readNumber('５０，０００')).toEqual({ ok: true, value: 50_000 });
    // In a unit after the amount a superscript is the unit's: square feet, square kilometres.
    expect(readNumber('1,200 ft²', { unit: 'ft²' })).toEqual({ ok: true, value: 1200 });
    expect(readNumber('5 km²', { unit: 'km²' })).toEqual({ ok: true, value: 5 });
  });

  it('invisible characters pasted with an amount (zero-width space, direction marks, soft hyphen) are nothing', () => {
    for (const text of ['\u200B170000', '170,000\u200E', '\u2060170\u00AD000', '\uFEFF170000'])
      expect(readNumber(text), JSON.stringify(text)).toEqual({ ok: true, value: 170_000 });
  });

  it('every currency and unit alias is read in a plan of that currency / a metric of that unit', () => {
    for (const [code, aliases] of Object.entries(CURRENCY_ALIASES))
      for (const alias of aliases)
        expect(readNumber(`${alias} 12`, { currency: code }), `${alias} → ${code}`).toEqual({
          ok: true,
          value: 12,
        });
    for (const [unit, aliases] of Object.entries(UNIT_ALIASES))
      for (const alias of aliases)
        expect(readNumber(`12 ${alias}`, { unit }), `${alias} → ${unit}`).toEqual({ ok: true, value: 12 });
  });
});

describe('readNumber, properties', () => {
  const context = fc.record({
    currency: fc.oneof(fc.constantFrom('', 'USD', 'TWD', 'NT$', '元', 'points'), fc.string()),
    unit: fc.oneof(fc.constantFrom('', '%', 'hours', '小時', 'USD', 'sign-ups'), fc.string()),
  });
  const pieces = fc.constantFrom(
    '$',
    'NT$',
    '元',
    '萬',
    '億',
    'k',
    'M',
    '%',
    '-',
    '+',
    ',',
    '.',
    ' ',
    'e',
    '小時',
    'hours',
    '１',
    '0',
    '9',
  );

  it('never throws, and always answers a value or a reason', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(cell, context, (value, ctx) => {
        const read = readNumber(value as Cell, ctx);
        if (read.ok) expect(Number.isFinite(read.value)).toBe(true);
        else expect(typeof read.reason).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every plain number as written: String(n), the number itself, and en-US grouping', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const plain = Object.is(n, -0) ? 0 : n;
        expect(readNumber(String(n))).toEqual({ ok: true, value: plain });
        expect(readNumber(n)).toEqual({ ok: true, value: n });
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(readNumber(n.toLocaleString('en-US'))).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('numbers in a plan', () => {
  it('reads 1M, $1M, 50k and 5萬 in target columns, and the same month totals', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR1', 'Target', '$1M');
    setCell(wb, KR, 'KR2', 'Target', '5萬');
    setCell(wb, 'KPIs', 'KPI3', 'Target', '5k');
    const { plan, issues } = parsePlan(wb);
    expect(issues).toEqual([]);
    expect(plan.keyResults.map((k) => k.target)).toEqual([1_000_000, 50_000, 0.2, 1, 0.9]);
    expect(plan.kpis[2].target).toBe(5_000);
  });

  it("a currency that is not the plan's is an error at the cell naming both, and nothing is converted", () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR1', 'Target', 'NT$1,000,000');
    const { plan, issues } = parsePlan(wb);
    expect(plan.keyResults[0].target).toBeNull();
    expect(located(issues, 'currency-mismatch')).toEqual([
      {
        sheet: 'Key Results',
        a1: 'I2',
        message: {
          en: 'Target of KR1 is "NT$1,000,000", in NT$, but the plan\'s currency is USD.',
          'zh-CN': 'KR1 的“目标值”为“NT$1,000,000”，币种为 NT$，但计划的货币是 USD。',
        },
      },
    ]);
    expect(issues.find((i) => i.code === 'currency-mismatch')?.severity).toBe('error');
  });

  it("reads an Actuals value typed with its metric's unit, and refuses another unit at the cell", () => {
    const wb = exampleWorkbook('zh-CN');
    const actuals = wb['实际'];
    const kpi2 = actuals.findIndex((r) => r[1] === 'KPI2'); // unit 小时
    const kr2 = actuals.findIndex((r) => r[1] === 'KR2'); // unit 注册数
    actuals[kpi2][2] = '2.5 小時';
    actuals[kr2][2] = '3200 hours';
    const { plan, issues } = parsePlan(wb);
    expect(plan.actuals.find((a) => a.row === kpi2 + 1)?.value).toBe(2.5);
    expect(plan.actuals.find((a) => a.row === kr2 + 1)).toBeUndefined();
    expect(located(issues, 'unit-mismatch')).toEqual([
      {
        sheet: '实际',
        a1: `C${kr2 + 1}`,
        message: {
          en: 'Value of KR2 is "3200 hours", in hours, but the unit of KR2 is 注册数.',
          'zh-CN': 'KR2 的“数值”为“3200 hours”，单位为 hours，但 KR2 的单位是 注册数。',
        },
      },
    ]);
  });

  it('a unit on a metric without one names "none"', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR4', 'Target', '1 day');
    const [issue] = parsePlan(wb).issues;
    expect(issue).toMatchObject({
      code: 'unit-mismatch',
      sheet: 'Key Results',
      row: rowOf(wb[KR], 'KR4') + 1,
    });
    expect(issue.message.en).toBe('Target of KR4 is "1 day", in day, but the unit of KR4 is none.');
  });
});

describe("the plan's Currency as people name it", () => {
  /** The example plan with the Currency typed, KR1 counted in no unit (so only the plan's Currency decides). */
  function plan(currency: string, target: string, lang: 'en' | 'zh-TW' = 'en', unit = '') {
    const wb = exampleWorkbook(lang);
    const [strategy, keyResults, field, value, unitHeader, targetHeader] =
      lang === 'en'
        ? ['Strategy', KR, 'Currency', 'Value', 'Unit', 'Target']
        : ['策略', '關鍵結果', '貨幣', '內容', '單位', '目標值'];
    setCell(wb, strategy, field, value, currency);
    setCell(wb, keyResults, 'KR1', unitHeader, unit);
    setCell(wb, keyResults, 'KR1', targetHeader, target);
    return parsePlan(wb);
  }

  it('a Currency of "-" or "N/A" names none, as a blank one: no warning, and an amount in any currency is read', () => {
    for (const placeholder of ['-', '—', 'N/A', 'n/a']) {
      const { plan: read, issues } = plan(placeholder, 'NT$1,200');
      expect(issues, placeholder).toEqual([]);
      expect(read.keyResults.find((k) => k.id === 'KR1')?.target, placeholder).toBe(1200);
    }
  });

  it('reads an amount in a currency named in English, as the Currency names it', () => {
    for (const [currency, target] of [
      ['US Dollar', 'US$1,200'],
      ['US dollars', 'USD 1,200'],
      ['U.S. dollar', '1,200 US dollars'],
      ['Euro', '€1,200'],
      ['euros', '1,200 euros'],
      ['Yen', 'JP¥1,200'],
      ['Japanese yen (JPY)', '¥1,200'],
      ['New Taiwan dollars', 'NT$1,200'],
      ['Hong Kong dollar', 'HK$1,200'],
      ['pounds sterling', '£1,200'],
      ['Swiss francs', 'CHF 1,200'],
      ['renminbi', 'RMB 1,200'],
      // A code with its name, as currency lists write them, or with a sign after it.
      ['USD - US Dollar', 'US$1,200'],
      ['EUR – Euro', '€1,200'],
      ['USD$', '$1,200'],
      ['TWD$', 'NT$1,200'],
    ]) {
      const { plan: read, issues } = plan(currency, target);
      expect(issues, `${currency}: ${target}`).toEqual([]);
      expect(read.keyResults[0].target, `${currency}: ${target}`).toBe(1200);
    }
  });

  it('a Euro plan reads euros and refuses dollars, naming the Currency as typed', () => {
    expect(plan('Euro', '€5').plan.keyResults[0].target).toBe(5);
    expect(plan('Euro', '5 EUR').plan.keyResults[0].target).toBe(5);
    const { plan: read, issues } = plan('Euro', '$5');
    expect(read.keyResults[0].target).toBeNull();
    expect(located(issues, 'currency-mismatch')).toEqual([
      {
        sheet: KR,
        a1: 'I2',
        message: {
          en: 'Target of KR1 is "$5", in $, but the plan\'s currency is Euro.',
          'zh-CN': 'KR1 的“目标值”为“$5”，币种为 $，但计划的货币是 Euro。',
        },
      },
    ]);
    // "dollars" alone may be any of eight: it narrows nothing, and is no unknown currency.
    expect(plan('dollars', 'NT$5').issues).toEqual([]);
    expect(plan('dollars', '€5').issues.map((i) => i.code)).toEqual(['currency-mismatch']);
  });

  it('a Taiwan-dollar plan named with 元, or with its multiple in brackets, refuses yuan (QA: accepted)', () => {
    for (const currency of ['新台幣元', '新臺幣元', '新台幣（千元）', '新台幣(萬元)']) {
      for (const [unit, target] of [
        ['元', 'RMB 3000萬'],
        ['萬元', '人民幣3000萬'],
        ['', '人民幣3000萬'],
      ]) {
        const { plan: read, issues } = plan(currency, target, 'zh-TW', unit);
        expect(read.keyResults[0].target, `${currency} ${unit} ${target}`).toBeNull();
        expect(
          issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.a1]),
          `${currency} ${unit} ${target}`,
        ).toEqual([['currency-mismatch', 'I2']]);
      }
      // And NT dollars are read.
      expect(plan(currency, 'NT$3000萬', 'zh-TW', '元').plan.keyResults[0].target).toBe(30_000_000);
    }
    // 人民幣元 is yuan: NT$ is refused, 人民幣 read.
    expect(plan('人民幣元', 'NT$3000萬', 'zh-TW', '元').plan.keyResults[0].target).toBeNull();
    expect(plan('人民幣元', '人民幣3000萬', 'zh-TW', '元').plan.keyResults[0].target).toBe(30_000_000);
  });

  it('a Currency with a multiple is a warning at its cell: the multiple belongs in each Unit', () => {
    const { plan: read, issues } = plan('新台幣（千元）', '3,000', 'zh-TW');
    // The number is read as typed: 3,000 NT dollars, not 3,000,000.
    expect(read.keyResults[0].target).toBe(3000);
    const warnings = issues.filter((i) => i.code === 'currency-scale');
    expect(warnings.map((i) => [i.severity, i.sheet, i.a1])).toEqual([['warning', '策略', 'B11']]);
    expect(warnings[0].message['zh-TW']).toBe(
      '「貨幣」儲存格中的「新台幣（千元）」註明了倍數（千元），但金額依填寫的數值讀取：3000 就是 新台幣 3000，而不是 3000 × 1,000。',
    );
    expect(warnings[0].message.en).toBe(
      'The Currency "新台幣（千元）" notes a multiple (千元), but amounts are read as typed: 3000 is 新台幣 3000, not 3000 × 1,000.',
    );
    // A multiple in words is quoted with its spaces.
    const [words] = plan('USD (in thousands)', '3,000').issues.filter((i) => i.code === 'currency-scale');
    expect(words.message.en).toContain('notes a multiple (in thousands)');
  });

  it('a Currency the product does not know is a warning at its cell, saying what to type, in every language', () => {
    const { issues } = plan('Zorkmid', '1,200');
    const unknown = issues.filter((i) => i.code === 'unknown-currency');
    expect(unknown.map((i) => [i.severity, i.sheet, i.a1])).toEqual([['warning', 'Strategy', 'B11']]);
    expect(unknown[0].message).toEqual({
      en: 'The Currency "Zorkmid" is not a currency the plan knows: an amount typed with a currency sign or code is refused as not in it.',
      'zh-CN':
        '“货币”单元格中的“Zorkmid”不是可识别的货币：带货币符号或代码填写的金额都会因币种不符而不予读取。',
      'zh-TW':
        '「貨幣」儲存格中的「Zorkmid」不是可識別的貨幣：帶貨幣符號或代碼填寫的金額都會因幣別不符而不予讀取。',
    });
    expect(unknown[0].fix).toEqual({
      en: "Type an ISO code (USD, EUR, TWD, CNY) or a currency's name (US dollar, euro, 新台幣, 人民幣); leave it blank to check no amount's currency.",
      'zh-CN':
        '请填写 ISO 代码（USD、EUR、TWD、CNY）或货币名称（美元、欧元、新台币、人民币）；留空则不检查金额的币种。',
      'zh-TW':
        '請填寫 ISO 代碼（USD、EUR、TWD、CNY）或貨幣名稱（美元、歐元、新台幣、人民幣）；留空則不檢查金額的幣別。',
    });
    // Known names and codes, lower-case codes, and a blank cell say nothing there.
    for (const known of ['USD', 'usd', 'chf', 'US Dollar', '新台幣元', '新台幣 (NTD)', 'dollars', ''])
      expect(
        plan(known, '1,200').issues.filter((i) => i.sheet === 'Strategy'),
        known,
      ).toEqual([]);
  });

  it('reads currency names as the codes they stand for, never an ambiguous one as one currency', () => {
    expect(currencyCodes('US Dollar')).toEqual(['USD']);
    expect(currencyCodes('U.S. dollars')).toEqual(['USD']);
    expect(currencyCodes('Japanese yen (JPY)')).toEqual(['JPY']);
    expect(currencyCodes('新台幣元')).toEqual(['TWD']);
    expect(currencyCodes('人民幣元')).toEqual(['CNY']);
    expect(currencyCodes('港幣元')).toEqual(['HKD']);
    expect(currencyCodes('British pound')).toEqual(['GBP']);
    // A pound may be a weight, or Egypt's; a franc Switzerland's or West Africa's; "won" a deal.
    for (const word of ['pound', 'pounds', 'franc', 'won', 'real', 'rupee'])
      expect(currencyCodes(word), word).toBeUndefined();
    expect(currencyCodes('dollars')?.length).toBeGreaterThan(1);
    // A multiple is no currency: 新台幣（千元） and 新台幣千元 are a Unit that counts in thousands (scaledUnit).
    expect(currencyCodes('新台幣（千元）')).toBeUndefined();
    expect(readNumber('1,200 US dollars', { currency: 'USD' })).toEqual({ ok: true, value: 1200 });
    expect(readNumber('€5', { currency: 'euros' })).toEqual({ ok: true, value: 5 });
  });
});

describe("the decimal sign of the spreadsheet's locale", () => {
  const DOT: NumberContext = { decimalMark: '.' };
  const COMMA: NumberContext = { decimalMark: ',' };

  it('reads text numbers as a comma-decimal spreadsheet (de_DE, fr_FR) writes them', () => {
    const cases: [string, number][] = [
      ['1.234,5', 1234.5],
      ['1.234', 1234], // a dot groups thousands there, as Sheets reads it in de_DE
      ['2,5', 2.5],
      ['-0,75', -0.75],
      [',5', 0.5],
      ['12,5 %', 0.125],
      ['1.000.000', 1_000_000],
      ['1\u00a0234,5', 1234.5], // the no-break space French grouping uses
      ['1\u202f234,5', 1234.5], // and the narrow one
      ['1,5k', 1500],
      ['2,5 Mio.', 2_500_000], // German business writing
      ['1,2 Mrd', 1_200_000_000],
      ['3 Tsd.', 3000],
      ["1'234,5", 1234.5],
      ['(1.234,5 €)', -1234.5], // a negative amount, as accounts write it
      ['0,125', 0.125],
    ];
    for (const [text, value] of cases) expect(readNumber(text, COMMA), text).toEqual({ ok: true, value });
    expect(readNumber('1.234,50 €', { ...COMMA, currency: 'EUR' })).toEqual({ ok: true, value: 1234.5 });
    expect(readNumber('1.234,50 $', { ...COMMA, currency: 'EUR' })).toMatchObject({
      reason: 'currency-mismatch',
    });
  });

  it('refuses a number written with the other decimal sign, and says how this spreadsheet writes it', () => {
    const cases: [string, NumberContext, string][] = [
      ['2,5', DOT, '2.5'],
      ['1,00', DOT, '1.00'],
      ['1.234,5', DOT, '1234.5'],
      ['12,5%', DOT, '12.5%'],
      ['１２，５', DOT, '12.5'], // full-width, as a Chinese input method types it
      ['1.5', COMMA, '1,5'],
      ['1,000,000', COMMA, '1000000'],
      ['$1,234.50', { ...COMMA, currency: 'USD' }, '$1234,50'],
      ['1,234.5 hours', { ...COMMA, unit: 'hours' }, '1234,5 hours'],
    ];
    for (const [text, context, found] of cases)
      expect(readNumber(text, context), text).toEqual({ ok: false, reason: 'decimal-mark', found });
    // Text that is no number with either sign stays "not a number".
    for (const text of ['1,2,3', '1.2.3', 'abc', '5 5'])
      for (const context of [DOT, COMMA])
        expect(readNumber(text, context), text).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('a number that starts with 0 is never a thousands group: 0,125 and 0.125 are decimals, in one sign or the other', () => {
    // Once read as 125: a conversion rate of 12.5% typed in the other convention became 12,500%, with no issue.
    expect(readNumber('0.125', COMMA)).toEqual({ ok: false, reason: 'decimal-mark', found: '0,125' });
    expect(readNumber('0,125', DOT)).toEqual({ ok: false, reason: 'decimal-mark', found: '0.125' });
    expect(readNumber('-0,750', DOT)).toEqual({ ok: false, reason: 'decimal-mark', found: '-0.750' });
    expect(readNumber('0,125%', DOT)).toEqual({ ok: false, reason: 'decimal-mark', found: '0.125%' });
    expect(readNumber('0 125', DOT)).toEqual({ ok: false, reason: 'not-a-number' });
    expect(readNumber('0.125', DOT)).toEqual({ ok: true, value: 0.125 });
    expect(readNumber('0,125', COMMA)).toEqual({ ok: true, value: 0.125 });
  });

  it('reads the groupings and signs people type: Swiss, Indian, accounts, a dash; German and Indian multipliers', () => {
    const cases: [string, NumberContext, number][] = [
      ["90'000", DOT, 90_000],
      ['1’234.50', DOT, 1234.5], // the typographic apostrophe
      ['9,00,000', DOT, 900_000], // Indian lakh grouping
      ['1,00,00,000', DOT, 10_000_000],
      ['(90,000)', { ...DOT, unit: 'USD' }, -90_000], // a negative amount of money, as accounts write it
      ['($1,200)', DOT, -1200],
      ['–500', DOT, -500], // an en dash, as word processors turn a typed hyphen
      ['5 lakh', DOT, 500_000],
      ['2 crore', DOT, 20_000_000],
      ['2,5 Mio', COMMA, 2_500_000],
    ];
    for (const [text, context, value] of cases)
      expect(readNumber(text, context), text).toEqual({ ok: true, value });
    expect(readNumber('R$ 1.234,56', { ...COMMA, currency: 'BRL' })).toEqual({ ok: true, value: 1234.56 });
    expect(readNumber('₹9,00,000', { ...DOT, currency: 'INR' })).toEqual({ ok: true, value: 900_000 });
    // Parentheses around what is not money are a note, not a minus: refused, never read as negative.
    for (const [text, context] of [
      ['5%-', { ...DOT, unit: '%' }],
      ['5 hours-', { ...DOT, unit: 'hours' }],
      ['(70%)', DOT],
      ['(1,000)', { ...DOT, unit: 'hours' }],
      ['(90,000)', DOT],
    ] as [string, NumberContext][])
      expect(readNumber(text, context), text).toEqual({ ok: false, reason: 'not-a-number' });
    // Where a unit or currency would not fit with either sign, the mismatch is said: "Type 1.5 hours" (as the
    // decimal-mark fix once said) would be refused again, on a key result in %.
    expect(readNumber('1,5 hours', { ...DOT, unit: '%' })).toEqual({
      ok: false,
      reason: 'unit-mismatch',
      found: 'hours',
    });
    expect(readNumber('1.234,50 $', { ...DOT, currency: 'EUR' })).toEqual({
      ok: false,
      reason: 'currency-mismatch',
      found: '$',
    });
    // With the unit that fits, the other sign is said, with the text to type.
    expect(readNumber('1,5 hours', { ...DOT, unit: 'hours' })).toEqual({
      ok: false,
      reason: 'decimal-mark',
      found: '1.5 hours',
    });
  });

  it('knows a locale however it is spelled; no locale is dot-decimal', () => {
    for (const locale of [
      'en_US',
      'en-US',
      'en-us',
      'EN_US',
      'en_US.UTF-8',
      'zh-Hant-TW',
      'zh-Hant',
      'zh_TW',
      'en',
      '',
      undefined,
    ])
      expect(decimalMarkOf(locale), String(locale)).toBe('.');
    for (const locale of ['de_DE', 'de-DE', 'de', 'fr_FR', 'de_DE@euro', 'pt-BR'])
      expect(decimalMarkOf(locale), locale).toBe(',');
    expect(decimalMarkOf('de_CH')).toBe('.');
    // Locales the public list does not name write their decimals as Unicode's CLDR says: en_NZ with a dot.
    for (const locale of ['en_NZ', 'es_US', 'zh_SG', 'ms_MY'])
      expect(decimalMarkOf(locale), locale).toBe('.');
    for (const locale of ['it_IT', 'ru_RU', 'tr_TR', 'en_ZA'])
      expect(decimalMarkOf(locale), locale).toBe(',');
    // A name no locale has is no answer from the runtime's own locale: the list's answer stands.
    for (const locale of ['xx_XX', 'qq']) expect(decimalMarkOf(locale), locale).toBe(',');
  });

  it('numbers typed with the same digits mean the same in both, and cell numbers are never re-read', () => {
    for (const text of ['1500', '-20', '7%', '50k', '50萬'])
      expect(readNumber(text, COMMA), text).toEqual(readNumber(text, DOT));
    expect(readNumber(1.5, COMMA)).toEqual({ ok: true, value: 1.5 });
  });

  it('a plan from a de_DE spreadsheet reads its text numbers in de_DE; the same text in en_US is an issue at the cell', () => {
    const typed = () => {
      const wb = exampleWorkbook('en');
      setCell(wb, KR, 'KR1', 'Target', '1.250.000,50');
      setCell(wb, KR, 'KR2', 'Baseline', '0,5');
      return wb;
    };
    const de = parsePlan(typed(), { locale: 'de_DE' });
    expect(de.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(de.plan.keyResults[0].target).toBe(1_250_000.5);
    expect(de.plan.keyResults[1].baseline).toBe(0.5);

    const us = parsePlan(typed(), { locale: 'en_US' });
    expect(us.plan.keyResults[0].target).toBeNull();
    const kr1 = rowOf(typed()[KR], 'KR1') + 1;
    const kr2 = rowOf(typed()[KR], 'KR2') + 1;
    expect(located(us.issues, 'decimal-mark')).toEqual([
      {
        sheet: KR,
        a1: `I${kr1}`,
        message: {
          en: 'Target of KR1 is "1.250.000,50", a number only where decimals are written with ","; this spreadsheet writes them with "." (its locale).',
          'zh-CN':
            'KR1 的“目标值”为“1.250.000,50”，只有以“,”作小数点时才是数字；此表格以“.”作小数点（按其区域设置）。',
        },
      },
      expect.objectContaining({
        sheet: KR,
        message: expect.objectContaining({ en: expect.stringContaining('"0,5"') }),
      }),
    ]);
    const fixes = us.issues
      .filter((i) => i.code === 'decimal-mark')
      .map((i) => [i.row, i.fix.en, i.fix['zh-TW']]);
    expect(fixes).toEqual([
      [kr1, 'Type 1250000.50.', '請填寫 1250000.50。'],
      [kr2, 'Type 0.5.', '請填寫 0.5。'],
    ]);
    // No locale (a workbook file) reads as dot-decimal, as en_US does, and the message says how to name one.
    const file = parsePlan(typed()).issues.find((i) => i.code === 'decimal-mark')!;
    expect(file.message.en).toContain(
      'this spreadsheet writes them with "." (no locale given: a workbook file records none, and gtm-pyramid --locale names it).',
    );
    expect(parsePlan(typed()).issues.filter((i) => i.code === 'decimal-mark')).toHaveLength(2);
  });

  it('50.000 in a file, whose locale is unknown, is read as 50 and said to mean 50,000 where a dot groups thousands', () => {
    const wb = exampleWorkbook('en');
    setCell(wb, KR, 'KR2', 'Target', '50.000');
    const file = parsePlan(wb);
    expect(file.plan.keyResults[1].target).toBe(50);
    expect(file.issues.filter((i) => i.code === 'ambiguous-number').map((i) => i.fix.en)).toEqual([
      "If it means 50000, name the spreadsheet's locale with gtm-pyramid --locale (de_DE), or type the number in a number cell.",
    ]);
    // With a unit or a currency too; not where a comma or a second dot says which the dot is.
    const said = (cell: string, id = 'KR2') => {
      const edited = exampleWorkbook('en');
      setCell(edited, KR, id, 'Target', cell);
      return parsePlan(edited).issues.some((i) => i.code === 'ambiguous-number');
    };
    expect(['50.000 sign-ups', '-50.000'].map((cell) => said(cell))).toEqual([true, true]);
    // Each reading said as the cell would say it.
    const percent = exampleWorkbook('en');
    setCell(percent, KR, 'KR3', 'Target', '12.500%');
    expect(parsePlan(percent).issues.find((i) => i.code === 'ambiguous-number')?.message.en).toBe(
      'Target of KR3 is "12.500%", read as 12.5%; in a spreadsheet that writes decimals with a comma (de_DE, fr_FR…) it means 12500%.',
    );
    expect(['US$40.000', '40.000 USD'].map((cell) => said(cell, 'KR1'))).toEqual([true, true]);
    expect(['1,250.000', '1.2500', '1.5', '12.5%', '2026'].map((cell) => said(cell))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // With the locale known there is nothing to ask: en_US reads 50, de_DE 50,000, each without a word.
    for (const [locale, target] of [
      ['en_US', 50],
      ['de_DE', 50_000],
    ] as const) {
      const read = parsePlan(wb, { locale });
      expect(read.plan.keyResults[1].target, locale).toBe(target);
      expect(
        read.issues.filter((i) => i.code === 'ambiguous-number'),
        locale,
      ).toEqual([]);
    }
  });

  it('check-ins typed as text on the Actuals tab are read in the locale too', () => {
    const wb = exampleWorkbook('en');
    const actuals = wb['Actuals'];
    const row = actuals.findIndex((r) => r[1] === 'KR1');
    actuals[row][2] = '12.500';
    const de = parsePlan(wb, { locale: 'de_DE' });
    expect(de.plan.actuals.find((a) => a.row === row + 1)?.value).toBe(12_500);
    const us = parsePlan(wb, { locale: 'en_US' });
    expect(us.plan.actuals.find((a) => a.row === row + 1)?.value).toBe(12.5);
  });
});

describe('figures as people read them', () => {
  it('percentages round alike in the report and in the checks: 7.1% for 0.0705, 29% for 0.285, 89.6% for 0.896', () => {
    const f = new Formatter('en');
    const cases: [number, string][] = [
      [0.92, '92%'],
      [0.0705, '7.1%'], // the double is a hair under 0.0705; Intl alone gave 7%
      [0.285, '29%'],
      [0.048, '4.8%'],
      [0.0005, '0.05%'], // a bar of 0.05% showed as 0.1%
      [0.00045, '0.045%'],
      [0, '0%'],
      // Short of 1 is never 100%: a key result missed at 449,230 of 450,000 showed 100% beside "missed".
      [449_230 / 450_000, '99.8%'],
      [0.99996, '99.996%'],
      [1, '100%'],
      [1.002, '100%'],
      // Nor onto a pace bar it has not reached: 90% under "at risk" read as the on-track bar met. Only those take
      // a decimal more (89.5%, 88%); a value the status counts as reached shows it (0.72 / 0.8 is a hair under 0.9).
      [0.896, '89.6%'],
      [0.697, '69.7%'],
      [0.8996, '89.96%'],
      [0.895, '89.5%'],
      [0.8849, '88%'],
      [0.72 / 0.8, '90%'],
      [0.7, '70%'],
      [0.904, '90%'],
      // Six equal shares of 1 add up to a hair under 1, which progress counts as done: 100%, not 99.999999%.
      [[1, 1, 1, 1, 1, 1].reduce((sum, x) => sum + x / 6, 0), '100%'],
    ];
    for (const [ratio, shown] of cases) {
      expect(f.percent(ratio), String(ratio)).toBe(shown);
      expect(`${percentFigure(ratio).percent}%`, String(ratio)).toBe(shown);
    }
  });

  it('small values keep two significant digits: 0.0005 is not 0.001, and 0.00049 is not 0', () => {
    const f = new Formatter('en');
    expect([0.0005, 0.00049, 0.125, 37.5].map((x) => f.number(x))).toEqual([
      '0.0005',
      '0.00049',
      '0.125',
      '37.5',
    ]);
    // The unit agrees with the number as shown: 1.0004 hours shows as 1 hour.
    expect([1.0004, 2, 1].map((x) => f.value(x, 'hours'))).toEqual(['1 hour', '2 hours', '1 hour']);
  });

  it('figures read against each other: short of a bar never on it, two that differ never the same', () => {
    const against = (x: number, bar: number, unit: string, reach: 'increase' | 'decrease' = 'increase') =>
      comparedTexts([{ value: x }, { value: bar, plan: true }], [{ a: 0, b: 1, reach }], unit, 'en');
    // Short of the bar: the decimals the reading holds (19.96%, as the plan's figures keep theirs), not 20%.
    expect(against(0.1996, 0.2, '%')).toEqual(['19.96%', '20%']);
    expect(against(49.96, 50, 'demos')).toEqual(['49.96 demos', '50 demos']);
    expect(against(449_999.6, 450_000, 'USD')).toEqual(['$449,999.60', '$450,000']);
    // Past a bar of its own decimals: 19.955 rounds to 20, past 19.96.
    expect(against(19.955, 19.96, 'demos')).toEqual(['19.955 demos', '19.96 demos']);
    // More than four decimals where it still reads on the bar; cut, never rounded up, past the sixth.
    expect(against(0.19999999, 0.2, '%')[0]).toBe('19.999999%');
    expect(against(0.199999998, 0.2, '%')[0]).toBe('19.999999%');
    // Within the status's tolerance of the bar, it is met (reachesBar), and shows it.
    expect(against(0.1999999999, 0.2, '%')[0]).toBe('20%');
    expect(against(449_999.999, 450_000, 'USD')[0]).toBe('$449,999.99');
    // Under a bar to stay under (≤ 2 hours), 2.004 hours reads as over it; met, 1.996 hours reads as 2 hours.
    expect(against(2.004, 2, 'hours', 'decrease')).toEqual(['2.004 hours', '2 hours']);
    // A reading that meets the bar, or is far from it, keeps the usual rule.
    expect(against(0.2, 0.2, '%')).toEqual(['20%', '20%']);
    expect(against(0.24, 0.2, '%')).toEqual(['24%', '20%']);
    expect(against(0.196, 0.15, '%')).toEqual(['20%', '15%']);
    // A reading exactly on a bar of its own decimals shows it so: 19.6% beside ≥ 19.6%, not 20%.
    expect(against(0.196, 0.196, '%')).toEqual(['19.6%', '19.6%']);
    // Two measured figures that differ but round alike both take the decimals they hold: 23.5% against 24.04%.
    const pair = (a: number, b: number, unit: string) =>
      comparedTexts([{ value: a }, { value: b }], [{ a: 0, b: 1 }], unit, 'en');
    expect(pair(0.235, 0.2404, '%')).toEqual(['23.5%', '24.04%']);
    expect(pair(1_499.6, 1_500, 'sign-ups')).toEqual(['1,499.6 sign-ups', '1,500 sign-ups']);
    expect(pair(0.2288, 0.23, '%')).toEqual(['22.88%', '23%']);
    expect(pair(0.21, 0.2019, '%')).toEqual(['21%', '20%']);
    // Equal but for floating-point error: shown equal.
    expect(pair(0.1 + 0.2, 0.3, '%')).toEqual(['30%', '30%']);
    expect(comparedTexts([{ value: null }, { value: 0.2 }], [{ a: 0, b: 1 }], '%', 'zh-TW')).toEqual([
      '–',
      '20%',
    ]);
  });
});
