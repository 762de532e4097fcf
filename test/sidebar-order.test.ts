/**
 * The sidebar's list on a large plan, worst first (apps-script/sidebar/issue-list.ts on getPlanCheck's answer,
 * through the built bundle): errors before warnings before tips wherever they are in the sheets, one bad column
 * folded after its first few issues, and every issue either listed or counted on exactly one "Show" button.
 */
import { describe, expect, it } from 'vitest';
import type { CheckIssue, PlanCheck } from '../apps-script/server/plan-check';
import {
  layoutIssues,
  LISTED_PER_KIND,
  LISTED_PER_SEVERITY,
  sectionKey,
  type SeveritySection,
} from '../apps-script/sidebar/issue-list';
import { brokenPlan } from '../sandbox/plans';
import { loadAddon } from './helpers/addon';
import { plantedLargePlan } from './helpers/large-plan';

const listed = (section: SeveritySection): CheckIssue[] =>
  section.tabs.flatMap((t) => t.entries.flatMap((e) => (e.kind === 'issue' ? [e.issue] : [])));
const folded = (section: SeveritySection): number =>
  section.tabs.flatMap((t) => t.entries).reduce((n, e) => n + (e.kind === 'fold' ? e.hidden.length : 0), 0);
const cell = (i: CheckIssue) => `${i.sheet}!${i.a1}`;

/** Each issue listed once or counted on one button; the sections' totals are the summary's counts. */
function expectEveryIssueCounted(check: PlanCheck, sections: SeveritySection[]) {
  const all = check.groups.flatMap((g) => g.issues);
  const seen = new Set<CheckIssue>();
  for (const section of sections) {
    const counted = [
      ...listed(section),
      ...section.tabs.flatMap((t) => t.entries.flatMap((e) => (e.kind === 'fold' ? e.hidden : []))),
      ...section.hidden,
    ];
    expect(counted).toHaveLength(section.total);
    for (const issue of counted) {
      expect(issue.severity).toBe(section.severity);
      expect(seen.has(issue)).toBe(false);
      seen.add(issue);
    }
  }
  expect(seen.size).toBe(all.length);
  const total = (s: string) => sections.find((x) => x.severity === s)?.total ?? 0;
  expect([total('error'), total('warning'), total('tip')]).toEqual([
    check.summary.errors,
    check.summary.warnings,
    check.summary.tips,
  ]);
}

describe('a large plan, errors planted deep behind hundreds of warnings', () => {
  const planted = plantedLargePlan(2_000);
  const check = loadAddon({ workbook: planted.workbook }).project.callFromClient('getPlanCheck') as PlanCheck;

  it('lists the errors first, every planted one on the first screen, and one bad column folded', () => {
    expect(check.summary.warnings).toBeGreaterThan(300);
    expect(check.summary.errors).toBeGreaterThan(planted.flooded);
    const sections = layoutIssues(check.groups);
    expect(sections.map((s) => s.severity)).toEqual(['error', 'warning']);
    const [errors, warnings] = sections;
    // Every error comes before any warning, and all the planted ones are listed, not behind a button.
    const shown = [...listed(errors), ...listed(warnings)];
    expect(shown.slice(0, listed(errors).length).every((i) => i.severity === 'error')).toBe(true);
    for (const at of planted.deep) expect(listed(errors).map(cell)).toContain(at);
    // The flooded column lists its first few, then one button that counts the rest.
    const actuals = errors.tabs.find((t) => t.sheet === 'Actuals')!;
    const fold = actuals.entries.find((e) => e.kind === 'fold' && e.column === 'C');
    expect(fold).toMatchObject({ kind: 'fold', sheet: 'Actuals' });
    const text = check.groups
      .flatMap((g) => g.issues)
      .filter((i) => i.sheet === 'Actuals' && i.code === 'not-a-number');
    expect(fold!.kind === 'fold' && fold!.hidden.length).toBe(text.length - LISTED_PER_KIND);
    // Nothing past the limit: a few kinds of problem, each shown.
    expect(listed(errors).length).toBeLessThanOrEqual(LISTED_PER_SEVERITY);
    expect(errors.hidden).toEqual([]);
    // Each tab heading counts all its issues of that severity.
    expect(actuals.total).toBe(check.groups.find((g) => g.sheet === 'Actuals')!.counts.error);
    expectEveryIssueCounted(check, sections);
  });

  it('lists a folded kind in full once its button is pressed, the counts still adding up', () => {
    const fold = layoutIssues(check.groups)[0]
      .tabs.flatMap((t) => t.entries)
      .find((e) => e.kind === 'fold')!;
    expect(fold.kind).toBe('fold');
    const opened = layoutIssues(check.groups, new Set([fold.kind === 'fold' ? fold.key : '']));
    const shown = listed(opened[0]);
    if (fold.kind === 'fold') for (const issue of fold.hidden) expect(shown).toContain(issue);
    expectEveryIssueCounted(check, opened);
  });

  it('past the limit, says how many of that severity are not shown, and lists them on request', () => {
    const limits = { perSeverity: 4, perKind: 2 };
    const sections = layoutIssues(check.groups, new Set(), limits);
    const [errors, warnings] = sections;
    // Key Results 1, Roadmap 1, Actuals 2 of the flooded column: the milestone check-in is past the limit.
    expect(listed(errors).map((i) => i.sheet)).toEqual(['Key Results', 'Roadmap', 'Actuals', 'Actuals']);
    expect(errors.hidden.map((i) => i.code)).toEqual(['milestone-check-in']);
    expect(listed(warnings).length).toBe(4);
    expect(warnings.hidden.length).toBe(check.summary.warnings - 4 - folded(warnings));
    expectEveryIssueCounted(check, sections);
    const all = layoutIssues(check.groups, new Set([sectionKey('error')]), limits);
    expect(all[0].hidden).toEqual([]);
    expect(listed(all[0]).map((i) => i.code)).toContain('milestone-check-in');
    expectEveryIssueCounted(check, all);
  });
});

describe('a small plan', () => {
  it('lists every issue, errors first, with no button to press', () => {
    const check = loadAddon({ workbook: brokenPlan('en') }).project.callFromClient(
      'getPlanCheck',
    ) as PlanCheck;
    const sections = layoutIssues(check.groups);
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.map((s) => s.severity)).toEqual(
      ['error', 'warning', 'tip'].filter((s) => sections.some((x) => x.severity === s)),
    );
    for (const section of sections) {
      expect(section.hidden).toEqual([]);
      expect(folded(section)).toBe(0);
      // Within a severity, tabs in the spreadsheet's order and each tab's issues in shared's order.
      expect(listed(section)).toEqual(
        check.groups.flatMap((g) => g.issues.filter((i) => i.severity === section.severity)),
      );
    }
    expectEveryIssueCounted(check, sections);
  });
});
