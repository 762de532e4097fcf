/**
 * A key result that has not started has no score yet, whatever its type (docs/method.md §9): the report's card
 * shows "–" and plan.json `null`, for a milestone as for a level or a cumulative key result. A not-started
 * milestone's card said "Score 0.0" beside a not-started level's "–". The example plan, with R&D's launch (KR4)
 * planned for April to June and done on 20 May, judged in March: KR1–KR3 start in March (nothing judged yet), KR4
 * in April.
 */
import { describe, expect, it } from 'vitest';

import {
  exampleWorkbook,
  isoToSerial,
  planProgress,
  STATUS_LABELS,
  TARGETS_SUMMARY_COLUMNS,
  type Cell,
  type Workbook,
} from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import type { PlanJson } from '../report/plan-json';
import { utcDate } from '../report/write-xlsx';
import { colOf, setCell } from './helpers/edit';
import { evaluatedTargets } from './helpers/targets';
import { header, parse, tabName } from './helpers/report';

const AS_OF = '2026-03-15';

/** The example plan with KR4 (a milestone) planned for April to June, its done checked in on 20 May. */
function launchInApril(date: (iso: string) => Cell): Workbook {
  const wb = exampleWorkbook('en', { date });
  setCell(wb, tabName('keyResults'), 'KR4', header('keyResults', 'start'), date('2026-04-01'));
  setCell(wb, tabName('keyResults'), 'KR4', header('keyResults', 'due'), date('2026-06-30'));
  const actuals = wb[tabName('actuals')];
  const done = actuals.find((r) => r[colOf(actuals, header('actuals', 'metric'))] === 'KR4')!;
  done[colOf(actuals, header('actuals', 'date'))] = date('2026-05-20');
  return wb;
}

const file = (report: BuiltReport, name: string) => report.files.find((f) => f.name === name)!.data;

/** The Score fact of a key result's card, as the page shows it. */
function scoreShown(report: BuiltReport, id: string): string {
  const card = parse(file(report, 'index.html')).querySelector(`#kr-${id.toLowerCase()}`)!;
  const fact = Array.from(card.querySelectorAll('dl.facts > div')).find(
    (div) => div.querySelector('dt')!.textContent!.trim() === 'Score',
  )!;
  return Array.from(fact.querySelector('dd')!.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent)
    .join('')
    .trim();
}

describe('a key result not started has no score, whatever its type', () => {
  it('the card shows "–" and plan.json null for a milestone, a level and a cumulative key result alike', async () => {
    const report = await buildReport(launchInApril(utcDate), { asOf: AS_OF, source: null });
    const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
    const kr = (id: string) => json.keyResults.find((k) => k.id === id)!;
    // KR1 and KR2 (cumulative) and KR3 (a level) start this month; KR4 (the milestone) next month.
    for (const id of ['KR1', 'KR2', 'KR3', 'KR4']) {
      expect(kr(id).status, id).toBe('not-started');
      expect(kr(id).score, id).toBeNull();
      expect(scoreShown(report, id), id).toBe('–');
    }
    // KR5 (a level since January) is judged through February: 0.73 of 0.7 → 0.9 is 0.15, a score of 0.2.
    expect(kr('KR5')).toMatchObject({ status: 'on-track', score: 0.2 });
    expect(scoreShown(report, 'KR5')).toBe('0.2');
  });

  it('once under way, the milestone is scored: 0.0 while not done, 1.0 when done', async () => {
    for (const [asOf, status, score, shown] of [
      ['2026-04-15', 'on-track', 0, '0.0'],
      ['2026-05-31', 'done', 1, '1.0'],
    ] as const) {
      const report = await buildReport(launchInApril(utcDate), { asOf, source: null });
      const json = JSON.parse(file(report, 'plan.json')) as PlanJson;
      expect(
        json.keyResults.find((k) => k.id === 'KR4'),
        asOf,
      ).toMatchObject({ status, score });
      expect(scoreShown(report, 'KR4'), asOf).toBe(shown);
    }
  });

  it('the Targets tab shows no score: its Status says "Not started" for the same rows, as progress does', () => {
    // The tab's to-date columns are Expected by now, Current value, Attainment and Status: no score to disagree.
    expect(TARGETS_SUMMARY_COLUMNS.map((c) => c.key)).toEqual([
      'targetToDate',
      'actualToDate',
      'attainment',
      'status',
    ]);
    const { plan, summary } = evaluatedTargets(launchInApril(isoToSerial), AS_OF);
    const progress = planProgress(plan, AS_OF);
    for (const p of progress.keyResults) {
      expect(summary(p.id, 'status'), p.id).toBe(STATUS_LABELS[p.status].en);
      if (p.status === 'not-started') expect(p.score, p.id).toBeNull();
    }
  });
});
