/**
 * The quick fixes of two issues that say exactly what to type, through the built bundle in the emulator: a check-in's
 * Metric that is a key result's or KPI's ID but for case and spaces (metric-id-near: "Use KR3"), and a Weight typed
 * with a unit, a currency or a multiple (unit-in-plain-number: "Type 2"). In English and Traditional Chinese: the
 * button only where the value is sure, that value in that one cell only, nothing over a cell changed since the check,
 * and the issue gone when the plan is checked again.
 */
import { describe, expect, it } from 'vitest';
import { customWeights, parsePlan, type Cell, type Lang } from '../shared';
import { toWorkbook } from '../emulator/index';
import { examplePlan } from '../sandbox/plans';
import type { PlanCheck } from '../apps-script/server/plan-check';
import type { QuickFixResult } from '../apps-script/server/quick-fix';
import { loadAddon, type ActionResult } from './helpers/addon';
import { setCell } from './helpers/edit';
import { allCells, changedCells } from './helpers/sandbox';

type Run = ReturnType<typeof loadAddon>;

const flat = (check: PlanCheck) => check.groups.flatMap((g) => g.issues);

const check = (run: Run, lang?: Lang) =>
  flat(run.project.callFromClient('getPlanCheck', ...(lang ? [lang] : [])) as PlanCheck);

/** [cell, quick fix label or null] of every issue of one code, as the sidebar lists them. */
const offers = (run: Run, code: string, lang?: Lang) =>
  check(run, lang)
    .filter((i) => i.code === code)
    .map((i) => [`${i.sheet}!${i.a1}`, i.quickFix?.label ?? null]);

/** Presses the button: the request the sidebar sends, with the label it showed. */
const press = (run: Run, code: string, sheet: string, a1: string, label: string) =>
  run.project.callFromClient('applyQuickFix', { code, sheet, a1, label }) as QuickFixResult;

const LANGS = {
  en: {
    locale: 'en_US',
    KR: 'Key Results',
    KPIs: 'KPIs',
    actuals: 'Actuals',
    metric: 'Metric',
    weight: 'Weight',
    confidence: 'Confidence',
    phasing: 'Phasing',
    custom: 'custom',
    targets: 'Targets',
    use: (id: string) => `Use ${id}`,
    type: (n: string) => `Type ${n}`,
    typed: (value: string, cell: string) => `Typed ${value} in ${cell}.`,
    changed: (label: string) =>
      `The sheet changed since this fix was offered; it would now be "${label}". Nothing was written.`,
    gone: 'That problem is no longer in the plan (fixed already, or the sheet changed). Nothing was written.',
    notOffered: 'This problem has no safe quick fix; fix it in the sheet.',
  },
  'zh-TW': {
    locale: 'zh_TW',
    KR: '關鍵結果',
    KPIs: 'KPI',
    actuals: '實際',
    metric: '指標',
    weight: '權重',
    confidence: '信心',
    phasing: '分解方式',
    custom: '自訂',
    targets: '目標分解',
    use: (id: string) => `改用 ${id}`,
    type: (n: string) => `改為輸入 ${n}`,
    typed: (value: string, cell: string) => `已在 ${cell} 輸入 ${value}。`,
    changed: (label: string) => `提供此修正後試算表已變化，現在的修正將是「${label}」。未寫入任何內容。`,
    gone: '該問題已不在計畫中（可能已修正或試算表已變化）。未寫入任何內容。',
    notOffered: '此問題沒有安全的快速修正方式，請在試算表中修改。',
  },
} as const;

/** Sets the Metric of an Actuals row (1-based, as the sheet numbers it). */
function setMetric(wb: ReturnType<typeof examplePlan>, tab: string, row: number, metric: Cell) {
  wb[tab][row - 1][1] = metric;
}

for (const lang of ['en', 'zh-TW'] as const) {
  const L = LANGS[lang];
  const addon = (wb: ReturnType<typeof examplePlan>) =>
    loadAddon({ workbook: wb, locale: L.locale, timeZone: 'Asia/Taipei' });

  describe(`metric-id-near: "Use KR3" (${lang})`, () => {
    it('types the one ID near into that Metric cell only, and Check again counts the row', () => {
      const wb = examplePlan(lang);
      // Rows 17 and 41 are check-ins of KR3 and KPI2 in the example plan.
      setMetric(wb, L.actuals, 17, 'KR 3');
      setMetric(wb, L.actuals, 41, 'kpi-2');
      const run = addon(wb);
      expect(offers(run, 'metric-id-near')).toEqual([
        [`${L.actuals}!B17`, L.use('KR3')],
        [`${L.actuals}!B41`, L.use('KPI2')],
      ]);
      const before = allCells(run.ss);
      const result = press(run, 'metric-id-near', L.actuals, 'B17', L.use('KR3'));
      expect(result).toEqual({
        ok: true,
        message: L.typed('KR3', `${L.actuals}!B17`),
        changed: [`${L.actuals}!B17`],
      });
      const after = allCells(run.ss);
      expect(changedCells(before, after)).toEqual([`${L.actuals}!B17`]);
      expect(after.cells.get(`${L.actuals}!B17`)).toBe('"KR3"');
      expect(after.sheets).toEqual(before.sheets);
      expect(run.emulator.lock.writesWithoutLock).toBe(0);
      // Checked again: only the other row is left, and KR3's check-in at row 17 is counted again.
      expect(offers(run, 'metric-id-near')).toEqual([[`${L.actuals}!B41`, L.use('KPI2')]]);
      const { plan } = parsePlan(toWorkbook(run.ss), { timeZone: 'Asia/Taipei' });
      expect(plan.actuals.filter((a) => a.metric === 'KR3')).toHaveLength(8);
    });

    it('offers nothing where two IDs are that near (KPI-1 and KPI1), and writes nothing if asked', () => {
      const wb = examplePlan(lang);
      // A KPI "KPI-1" beside KPI1: "KPI 1" is as near one as the other.
      const kpis = wb[L.KPIs];
      kpis.push(kpis[1].map((c, i) => (i === 0 ? 'KPI-1' : c)));
      setMetric(wb, L.actuals, 36, 'KPI 1');
      setMetric(wb, L.actuals, 17, 'KR 3');
      const run = addon(wb);
      const at36 = check(run).filter((i) => i.sheet === L.actuals && i.a1 === 'B36');
      expect(at36.map((i) => [i.code, i.quickFix])).toEqual([['unknown-metric', null]]);
      expect(offers(run, 'metric-id-near')).toEqual([[`${L.actuals}!B17`, L.use('KR3')]]);
      const before = allCells(run.ss);
      expect(press(run, 'unknown-metric', L.actuals, 'B36', L.use('KPI1')).ok).toBe(false);
      expect(press(run, 'metric-id-near', L.actuals, 'B36', L.use('KPI1')).ok).toBe(false);
      expect(changedCells(before, allCells(run.ss))).toEqual([]);
    });

    it('never overwrites a Metric changed since the check', () => {
      const wb = examplePlan(lang);
      setMetric(wb, L.actuals, 17, 'KR 3');
      setMetric(wb, L.actuals, 18, 'kr 3');
      const run = addon(wb);
      expect(offers(run, 'metric-id-near')).toEqual([
        [`${L.actuals}!B17`, L.use('KR3')],
        [`${L.actuals}!B18`, L.use('KR3')],
      ]);
      const actuals = run.ss.getSheetByName(L.actuals)!;
      // Meanwhile someone retyped row 17 as KR 2 (now near another ID), and row 18 as KR3 itself.
      actuals.getRange(17, 2).setValue('KR 2');
      actuals.getRange(18, 2).setValue('KR3');
      const before = allCells(run.ss);
      expect(press(run, 'metric-id-near', L.actuals, 'B17', L.use('KR3'))).toEqual({
        ok: false,
        message: L.changed(L.use('KR2')),
        changed: [],
      });
      expect(press(run, 'metric-id-near', L.actuals, 'B18', L.use('KR3'))).toEqual({
        ok: false,
        message: L.gone,
        changed: [],
      });
      expect(changedCells(before, allCells(run.ss))).toEqual([]);
      expect(allCells(run.ss).cells.get(`${L.actuals}!B17`)).toBe('"KR 2"');
    });
  });

  describe(`unit-in-plain-number on a Weight: "Type 2" (${lang})`, () => {
    it('types the number the issue names into that Weight cell only, where its digits read one way', () => {
      const wb = examplePlan(lang);
      setCell(wb, L.KR, 'KR1', L.weight, '2 分');
      setCell(wb, L.KR, 'KR2', L.weight, '2x');
      setCell(wb, L.KR, 'KR3', L.weight, '1.000x'); // 1, or 1000 where a dot groups thousands
      setCell(wb, L.KR, 'KR4', L.weight, '-2x'); // a weight below 0 is not used
      setCell(wb, L.KR, 'KR5', L.weight, '1,5x'); // 1.5 or 15 in a spreadsheet that writes 1.5
      setCell(wb, L.KR, 'KR5', L.confidence, '80 pcs'); // a confidence, not a weight: 80 or 80%?
      const run = addon(wb);
      expect(offers(run, 'unit-in-plain-number')).toEqual([
        [`${L.KR}!M2`, L.type('2')],
        [`${L.KR}!M3`, L.type('2')],
        [`${L.KR}!M4`, null],
        [`${L.KR}!M5`, null],
        [`${L.KR}!M6`, null],
        [`${L.KR}!N6`, null],
      ]);
      const before = allCells(run.ss);
      const result = press(run, 'unit-in-plain-number', L.KR, 'M3', L.type('2'));
      expect(result).toEqual({ ok: true, message: L.typed('2', `${L.KR}!M3`), changed: [`${L.KR}!M3`] });
      const after = allCells(run.ss);
      expect(changedCells(before, after)).toEqual([`${L.KR}!M3`]);
      expect(after.cells.get(`${L.KR}!M3`)).toBe('2');
      expect(run.emulator.lock.writesWithoutLock).toBe(0);
      expect(offers(run, 'unit-in-plain-number').map(([cell]) => cell)).not.toContain(`${L.KR}!M3`);
      const { plan } = parsePlan(toWorkbook(run.ss), { timeZone: 'Asia/Taipei' });
      expect(plan.keyResults.find((k) => k.id === 'KR2')!.weight).toBe(2);
    });

    it('types a custom weight on the Targets tab ("2x" → 2), and the plan then uses it', () => {
      const wb = examplePlan(lang);
      setCell(wb, L.KR, 'KR2', L.phasing, L.custom);
      const run = addon(wb);
      expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
      const targets = run.ss.getSheetByName(L.targets)!;
      // KR2's weights row is row 4; months start at column E (2026-01), March is G.
      expect(targets.getRange(4, 1).getValue()).toBe('KR2');
      for (let column = 7; column <= 16; column++) targets.getRange(4, column).setValue(1);
      targets.getRange(4, 7).setValue('2x');
      expect(offers(run, 'unit-in-plain-number')).toEqual([[`${L.targets}!G4`, L.type('2')]]);
      const before = allCells(run.ss);
      const writes = run.emulator.lock.writes.length;
      expect(press(run, 'unit-in-plain-number', L.targets, 'G4', L.type('2')).ok).toBe(true);
      // One write, G4; what else changed is what the tab's formulas compute from it (KR2's months on row 3).
      expect(run.emulator.lock.writes.slice(writes)).toEqual([{ method: 'Range.setValue', lockHeld: true }]);
      const after = allCells(run.ss);
      const typed = changedCells(before, after).filter((c) => !after.cells.get(c)!.startsWith('='));
      expect(typed).toEqual([`${L.targets}!G4`]);
      expect(after.cells.get(`${L.targets}!G4`)).toBe('2');
      expect(offers(run, 'unit-in-plain-number')).toEqual([]);
      const { plan } = parsePlan(toWorkbook(run.ss), { timeZone: 'Asia/Taipei' });
      expect(customWeights(plan, 'KR2')?.['2026-03']).toBe(2);
    });

    it('never overwrites a Weight changed since the check', () => {
      const wb = examplePlan(lang);
      setCell(wb, L.KR, 'KR2', L.weight, '2x');
      setCell(wb, L.KR, 'KR3', L.weight, '2x');
      const run = addon(wb);
      expect(offers(run, 'unit-in-plain-number')).toEqual([
        [`${L.KR}!M3`, L.type('2')],
        [`${L.KR}!M4`, L.type('2')],
      ]);
      const sheet = run.ss.getSheetByName(L.KR)!;
      sheet.getRange(3, 13).setValue('3x'); // retyped: the fix would now type 3
      sheet.getRange(4, 13).setValue(4); // fixed by hand
      const before = allCells(run.ss);
      expect(press(run, 'unit-in-plain-number', L.KR, 'M3', L.type('2'))).toEqual({
        ok: false,
        message: L.changed(L.type('3')),
        changed: [],
      });
      expect(press(run, 'unit-in-plain-number', L.KR, 'M4', L.type('2'))).toEqual({
        ok: false,
        message: L.gone,
        changed: [],
      });
      expect(changedCells(before, allCells(run.ss))).toEqual([]);
    });
  });

  describe(`unit-in-plain-number on a Confidence typed as a score of 100: "Type 80" (${lang})`, () => {
    it('types the score into that Confidence cell only, where 分 can mean nothing but points of 100', () => {
      const wb = examplePlan(lang);
      setCell(wb, L.KR, 'KR1', L.confidence, '80分');
      setCell(wb, L.KR, 'KR2', L.confidence, '７０ 分'); // full-width digits: 70
      setCell(wb, L.KR, 'KR3', L.confidence, '7分'); // 7 of 10 (七分把握), or 7 of 100?
      setCell(wb, L.KR, 'KR4', L.confidence, '0.7 分'); // 0.7 of 1, or of 10?
      setCell(wb, L.KR, 'KR5', L.confidence, '80 pcs'); // a count, not a confidence
      const run = addon(wb);
      expect(offers(run, 'unit-in-plain-number')).toEqual([
        [`${L.KR}!N2`, L.type('80')],
        [`${L.KR}!N3`, L.type('70')],
        [`${L.KR}!N4`, null],
        [`${L.KR}!N5`, null],
        [`${L.KR}!N6`, null],
      ]);
      const before = allCells(run.ss);
      const result = press(run, 'unit-in-plain-number', L.KR, 'N2', L.type('80'));
      expect(result).toEqual({ ok: true, message: L.typed('80', `${L.KR}!N2`), changed: [`${L.KR}!N2`] });
      const after = allCells(run.ss);
      expect(changedCells(before, after)).toEqual([`${L.KR}!N2`]);
      expect(after.cells.get(`${L.KR}!N2`)).toBe('80');
      expect(run.emulator.lock.writesWithoutLock).toBe(0);
      // Checked again: the issue is gone, no other is there, and KR1's confidence is 80%.
      expect(check(run).filter((i) => i.sheet === L.KR && i.a1 === 'N2')).toEqual([]);
      const { plan } = parsePlan(toWorkbook(run.ss), { timeZone: 'Asia/Taipei' });
      expect(plan.keyResults.find((k) => k.id === 'KR1')!.confidence).toBe(0.8);
      // The ones not offered write nothing when asked all the same.
      const unchanged = allCells(run.ss);
      for (const a1 of ['N4', 'N5', 'N6'])
        expect(press(run, 'unit-in-plain-number', L.KR, a1, L.type('7'))).toEqual({
          ok: false,
          message: L.notOffered,
          changed: [],
        });
      expect(changedCells(unchanged, allCells(run.ss))).toEqual([]);
    });

    it('types 90% (0.9) into a Confidence cell formatted as a percent, never 90 shown as 9000%', () => {
      const wb = examplePlan(lang);
      setCell(wb, L.KR, 'KR2', L.confidence, '90 分');
      const run = addon(wb);
      run.ss.getSheetByName(L.KR)!.getRange('N3').setNumberFormat('0%');
      expect(offers(run, 'unit-in-plain-number')).toEqual([[`${L.KR}!N3`, L.type('90%')]]);
      const before = allCells(run.ss);
      expect(press(run, 'unit-in-plain-number', L.KR, 'N3', L.type('90%'))).toEqual({
        ok: true,
        message: L.typed('90%', `${L.KR}!N3`),
        changed: [`${L.KR}!N3`],
      });
      const after = allCells(run.ss);
      expect(changedCells(before, after)).toEqual([`${L.KR}!N3`]);
      expect(after.cells.get(`${L.KR}!N3`)).toBe('0.9');
      expect(offers(run, 'unit-in-plain-number')).toEqual([]);
      const { plan } = parsePlan(toWorkbook(run.ss), { timeZone: 'Asia/Taipei' });
      expect(plan.keyResults.find((k) => k.id === 'KR2')!.confidence).toBe(0.9);
    });

    it('never overwrites a Confidence changed since the check', () => {
      const wb = examplePlan(lang);
      setCell(wb, L.KR, 'KR1', L.confidence, '80分');
      setCell(wb, L.KR, 'KR2', L.confidence, '80分');
      setCell(wb, L.KR, 'KR3', L.confidence, '80分');
      const run = addon(wb);
      expect(offers(run, 'unit-in-plain-number').map(([, label]) => label)).toEqual([
        L.type('80'),
        L.type('80'),
        L.type('80'),
      ]);
      const sheet = run.ss.getSheetByName(L.KR)!;
      sheet.getRange('N2').setValue('85分'); // retyped: the fix would now type 85
      sheet.getRange('N3').setValue('8分'); // 8 of 10, or of 100: no fix now
      sheet.getRange('N4').setValue(0.8); // fixed by hand
      const before = allCells(run.ss);
      expect(press(run, 'unit-in-plain-number', L.KR, 'N2', L.type('80'))).toEqual({
        ok: false,
        message: L.changed(L.type('85')),
        changed: [],
      });
      expect(press(run, 'unit-in-plain-number', L.KR, 'N3', L.type('80'))).toEqual({
        ok: false,
        message: L.notOffered,
        changed: [],
      });
      expect(press(run, 'unit-in-plain-number', L.KR, 'N4', L.type('80'))).toEqual({
        ok: false,
        message: L.gone,
        changed: [],
      });
      expect(changedCells(before, allCells(run.ss))).toEqual([]);
    });
  });
}
