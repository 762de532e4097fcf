/**
 * What the "Check plan" sidebar lists, and in which order: worst first. Pure (no DOM), so tests lay out a real
 * plan's check without a browser; sidebar.ts renders what this returns.
 *
 * - Errors (a number is wrong or left out) come before warnings, and warnings before tips, whatever tab they are
 *   on: one section per severity, each with its tabs in the spreadsheet's order.
 * - Within a tab, the issues of one kind in one column (the same code, e.g. 300 check-ins typed as text in
 *   Actuals column D) are listed together, their first few followed by a "Show N more like this" button, so one
 *   bad column does not push every other problem out of sight.
 * - A section lists its first LISTED_PER_SEVERITY issues, then "Show the other N errors" (warnings, tips).
 *
 * Every issue is counted once: listed, or in the count of exactly one of the buttons that would list it.
 */
import type { CheckIssue, IssueGroup } from '../server/plan-check';
import type { Severity } from '../../shared/issues';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'tip'];

/**
 * How many issues a severity lists before its "Show the other N" button. A plan of thousands of rows can have
 * hundreds of issues (1,510 on a generated plan of 10,000 key results), each with two buttons: listed in full, a
 * keyboard user would press Tab a thousand times to reach the warnings.
 */
export const LISTED_PER_SEVERITY = 50;
/** How many issues of one kind in one column of a tab are listed before their "Show N more like this". */
export const LISTED_PER_KIND = 3;

/** A listed issue, or the button that lists the rest of its kind (same tab, code and column). */
export type Entry =
  | { kind: 'issue'; issue: CheckIssue }
  | {
      kind: 'fold';
      /** Kept in the sidebar's state once pressed, so the issues stay listed when the plan is checked again. */
      key: string;
      sheet: string;
      /** The column's letters (D), or null when the issues have no cell. */
      column: string | null;
      hidden: CheckIssue[];
    };

export interface TabBlock {
  sheet: string;
  present: boolean;
  /** All the tab's issues of this severity, listed or not. */
  total: number;
  entries: Entry[];
}

export interface SeveritySection {
  severity: Severity;
  /** The key that lists the whole section ("Show the other N errors"). */
  key: string;
  total: number;
  tabs: TabBlock[];
  /** The issues past the section's limit: the count on its "Show the other N" button. */
  hidden: CheckIssue[];
}

export interface Limits {
  perSeverity: number;
  perKind: number;
}

const columnOf = (issue: CheckIssue): string | null => /^[A-Z]+/.exec(issue.a1 ?? '')?.[0] ?? null;

/** The keys a person's "Show" presses are kept under. */
export const sectionKey = (severity: Severity) => `severity:${severity}`;
const kindKey = (severity: Severity, issue: CheckIssue) =>
  `kind:${severity}\u0000${issue.sheet}\u0000${issue.code}\u0000${issue.column ?? ''}`;

/**
 * The sections, errors first, with only the severities the plan has. `groups` are getPlanCheck's (tabs in the
 * spreadsheet's order); `expanded` holds the keys of the buttons already pressed.
 */
export function layoutIssues(
  groups: readonly IssueGroup[],
  expanded: ReadonlySet<string> = new Set(),
  limits: Limits = { perSeverity: LISTED_PER_SEVERITY, perKind: LISTED_PER_KIND },
): SeveritySection[] {
  const sections: SeveritySection[] = [];
  for (const severity of SEVERITIES) {
    const key = sectionKey(severity);
    const all = expanded.has(key);
    const section: SeveritySection = { severity, key, total: 0, tabs: [], hidden: [] };
    let listed = 0;
    for (const group of groups) {
      const issues = group.issues.filter((i) => i.severity === severity);
      if (!issues.length) continue;
      section.total += issues.length;
      // The tab's issues of one kind in one column, in the order their first one comes (row, then column).
      const kinds = new Map<string, CheckIssue[]>();
      for (const issue of issues) {
        const k = kindKey(severity, issue);
        const same = kinds.get(k);
        if (same) same.push(issue);
        else kinds.set(k, [issue]);
      }
      const block: TabBlock = {
        sheet: group.sheet,
        present: group.present,
        total: issues.length,
        entries: [],
      };
      for (const [k, same] of kinds) {
        if (!all && listed >= limits.perSeverity) {
          section.hidden.push(...same);
          continue;
        }
        const shown = expanded.has(k) ? same.length : Math.min(same.length, limits.perKind);
        for (const issue of same.slice(0, shown)) block.entries.push({ kind: 'issue', issue });
        listed += shown;
        if (shown < same.length)
          block.entries.push({
            kind: 'fold',
            key: k,
            sheet: group.sheet,
            column: columnOf(same[0]),
            hidden: same.slice(shown),
          });
      }
      if (block.entries.length) section.tabs.push(block);
    }
    if (section.total) sections.push(section);
  }
  return sections;
}
