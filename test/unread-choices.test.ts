/**
 * A Type, Direction or Phasing cell that names no choice (levell, 水準X): the key result (or KPI) is left out, and
 * no surface says the default the parser keeps in its place as if the cell had said it. The report's card shows the
 * Type as typed, marked as not understood, with no fact of a type; plan.json gives the cell as typed and `null` for
 * the choice; the window (Start to Due) is the plan's on the card, on the roadmap and in plan.json alike.
 * Each from the example workbook with one cell typed over, judged by what the page and plan.json say.
 */
import { describe, expect, it } from 'vitest';

import { buildReport } from '../report/generate';
import { LABELS } from '../report/i18n';
import type { KeyResultJson, PlanJson } from '../report/plan-json';
import { EXAMPLE_AS_OF, type Cell, type Lang } from '../shared';
import { setCell } from './helpers/edit';
import { exampleGrid, header, parse, tabName } from './helpers/report';

type Edit = [tab: 'keyResults' | 'kpis', id: string, column: string, value: Cell];

/** The report of the example plan in `lang` with the cells of `edits` typed over: its front page and plan.json. */
async function report(lang: Lang, edits: Edit[]) {
  const wb = exampleGrid(lang);
  for (const [tab, id, column, value] of edits)
    setCell(wb, tabName(tab, lang), id, header(tab, column, lang), value);
  const built = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
  const file = (name: string) => built.files.find((f) => f.name === name)!.data as string;
  const page = parse(file('index.html'));
  const json = JSON.parse(file('plan.json')) as PlanJson;
  /** A key result's card as the page shows it: the owner line, the type's mark and tooltip, and its facts. */
  const card = (id: string) => {
    const article = Array.from(page.querySelectorAll('article.card')).find(
      (a) => a.querySelector('.card-head .id')?.textContent === id,
    )!;
    const mark = article.querySelector('.owner-line .unread');
    return {
      ownerLine: article.querySelector('.owner-line')!.textContent!.replace(/\s+/g, ' ').trim(),
      mark: mark?.textContent ?? null,
      tooltip: mark?.getAttribute('title') ?? null,
      facts: Array.from(article.querySelectorAll('.facts > div')).map((d) => [
        d.querySelector('dt')!.textContent,
        d.querySelector('dd')!.textContent,
      ]),
    };
  };
  const kr = (id: string) => json.keyResults.find((k) => k.id === id)!;
  const kpi = (id: string) => json.kpis.find((k) => k.id === id)!;
  return { page, card, kr, kpi, json };
}

/** What plan.json says of a metric's choices and window. */
const choices = (m: Partial<KeyResultJson>) => ({
  type: m.type,
  typeAsTyped: m.typeAsTyped,
  direction: m.direction,
  directionAsTyped: m.directionAsTyped,
  phasing: m.phasing,
  phasingAsTyped: m.phasingAsTyped,
  start: m.start,
  due: m.due,
  leftOut: m.leftOut?.reason ?? null,
});

describe('a Type that names no type', () => {
  it('en: KR5 typed "levell" shows "levell" marked as not understood, no "Checked in", and its Due in plan.json', async () => {
    const { card, kr } = await report('en', [['keyResults', 'KR5', 'type', 'levell']]);
    const shown = card('KR5');
    expect(shown.ownerLine).toBe('Owner: R&D · levell not understood');
    expect(shown.mark).toBe('not understood');
    expect(shown.tooltip).toBe(
      'Not a type the plan knows, so the key result is not judged as any: see the error at its cell.',
    );
    // The figures of every key result, none of a type's: no "Checked in" (a cumulative's), no "level" anywhere.
    expect(shown.facts.map(([label]) => label)).toEqual([
      'Target',
      'Current value',
      'Expected by now',
      'Forecast at due date',
      'Score',
      'Confidence',
    ]);
    expect(shown.facts[0][1]).toBe('90%Due 31 Dec 2026');
    expect(choices(kr('KR5'))).toEqual({
      type: null,
      typeAsTyped: 'levell',
      direction: 'increase',
      directionAsTyped: null,
      phasing: 'even',
      phasingAsTyped: null,
      start: '2026-01',
      due: '2026-12',
      leftOut: 'invalid-choice',
    });
    // A key result read as typed says its type and nothing as typed.
    expect(choices(kr('KR3'))).toMatchObject({
      type: 'level',
      typeAsTyped: null,
      start: '2026-03',
      due: '2026-12',
    });
    expect(card('KR3').mark).toBeNull();
  });

  it('zh-TW: KR5 typed 水準X shows 「水準X 無法辨識」, not 累計, and plan.json has no type', async () => {
    const { card, kr } = await report('zh-TW', [['keyResults', 'KR5', 'type', '水準X']]);
    const shown = card('KR5');
    expect(shown.ownerLine).toBe('負責部門：研發 · 水準X 無法辨識');
    expect(shown.tooltip).toBe('這不是計畫認得的類型，關鍵結果不按任何類型評估：請看該儲存格的錯誤。');
    expect(shown.facts.map(([label]) => label)).not.toContain(LABELS['zh-TW'].checkedIn);
    expect(shown.facts.map(([label]) => label)).toEqual([
      '目標值',
      '當前值',
      '此時應達成',
      '截止日預測',
      '得分',
      '信心',
    ]);
    expect(choices(kr('KR5'))).toMatchObject({
      type: null,
      typeAsTyped: '水準X',
      start: '2026-01',
      due: '2026-12',
      leftOut: 'invalid-choice',
    });
  });
});

describe('a Direction or Phasing that names no choice', () => {
  it('a threshold key result whose Direction is "upward-ish": its bar shows no side, plan.json no direction', async () => {
    const { card, kr } = await report('en', [
      ['keyResults', 'KR5', 'type', 'threshold'],
      ['keyResults', 'KR5', 'direction', 'upward-ish'],
    ]);
    // The type was read: shown as read. The Direction was not: "90%", never the default's "≥ 90%".
    expect(card('KR5').ownerLine).toBe('Owner: R&D · threshold');
    expect(card('KR5').facts[0][1]).toBe('90%Due 31 Dec 2026');
    expect(choices(kr('KR5'))).toMatchObject({
      type: 'threshold',
      typeAsTyped: null,
      direction: null,
      directionAsTyped: 'upward-ish',
      due: '2026-12',
      leftOut: 'invalid-choice',
    });
  });

  it('a KPI whose Direction is 往下X: its tile shows the bar without ≥, plan.json no direction and its window', async () => {
    const { page, kpi } = await report('zh-TW', [['kpis', 'KPI2', 'direction', '往下X']]);
    expect(choices(kpi('KPI2') as Partial<KeyResultJson>)).toMatchObject({
      type: 'threshold',
      typeAsTyped: null,
      direction: null,
      directionAsTyped: '往下X',
      // KR3's window, the key result it tracks.
      start: '2026-03',
      due: '2026-12',
      leftOut: 'invalid-choice',
    });
    // Its bar, as each KPI tile shows it: the figure alone, not the default's "≥ 1 小時" (it was typed "decrease").
    const bars = (id: string) =>
      Array.from(page.querySelectorAll('li.kpi'))
        .filter((li) => li.querySelector('.id')?.textContent === id)
        .map((li) => li.querySelector('.kpi-figures b')!.textContent);
    expect(bars('KPI2').length).toBeGreaterThan(0);
    expect(new Set(bars('KPI2'))).toEqual(new Set(['1 小時']));
    expect(new Set(bars('KPI3'))).toEqual(new Set(['≥ 5,000 註冊數']));
  });

  it('a cumulative key result whose Phasing is "evenish": plan.json gives it as typed and no phasing', async () => {
    const { kr } = await report('en', [['keyResults', 'KR2', 'phasing', 'evenish']]);
    expect(choices(kr('KR2'))).toEqual({
      type: 'cumulative',
      typeAsTyped: null,
      direction: 'increase',
      directionAsTyped: null,
      phasing: null,
      phasingAsTyped: 'evenish',
      start: '2026-03',
      due: '2026-12',
      leftOut: 'invalid-choice',
    });
  });
});
