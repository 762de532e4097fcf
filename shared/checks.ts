/**
 * Stage 2c: the plan checks that the sidebar, the CLI and the report all show. Structure checks that need more
 * than one cell (references, cycles, owners) and the method's rules of thumb live here; cell-level problems
 * come from the parser. `checkPlan` returns both, sorted, so every consumer shows the same list.
 */
import { monthIndex, type IsoDate, type Month } from './calendar';
import { a1, cellText, isPercentUnit, literally, NUMBER_SCALES, scaledUnit } from './cells';
import { CATALOGUES, fill, inEveryLanguage, joinList, localized, type Lang } from './i18n';
import { decompose, hasUsableWeights, isMoneyUnit } from './decompose';
import { figureInEveryLanguage, percentFigure, planValueText } from './figures';
import { screenCheckIns, type CheckInScreen } from './check-ins';
import { makeIssue, nameTabsIn, sortIssues, type IssueLocation, type PlanIssue } from './issues';
import { parsePlan, unreadStrategyRows, type ParseOptions } from './parse';
import type { KeyResult, Plan, SheetLayout, TargetsTab } from './plan';
import { ownerKey, ownerNameOf, planIndex, type PlanIndex } from './plan-index';
import { checkInColumns, dateAt, valueCellColumn } from './check-in-columns';
import {
  planProgress,
  STATUS_LABELS,
  visitJudgedMonths,
  readProgress,
  type LeftOutReason,
  type MetricProgress,
  type PlanProgress,
} from './progress';
import {
  ENUMS,
  STRATEGY_FIELDS,
  STRATEGY_QUESTIONS,
  TABS,
  TARGETS_AS_OF,
  tabDef,
  type Localized,
  type StrategyFieldKey,
  type TabKey,
  columnDef,
  foldChinese,
  headerNote,
  headerParts,
  toDateWord,
} from './template';
import type { Workbook } from './cells';

/** How a message names a cell that holds nothing. */
const EMPTY_CELL = localized((m) => m.parse.EMPTY);

export interface CheckOptions {
  /** "Few and key": the method's limits, configurable per organisation. */
  maxKeyResultsPerObjective: number;
  maxObjectivesPerDepartment: number;
  maxKeyResultsPerDepartment: number;
  maxKpisPerDepartment: number;
  /** The day progress is judged on; without it, tracking checks are skipped. */
  asOf?: IsoDate;
  /**
   * Say when the Targets tab's As of cell holds another day than `asOf` (as-of-differs). Only the sidebar asks:
   * there the tab and the check sit side by side, and its quick fix types today. Nothing updates the cell by
   * itself, so in a report or `check` run on a later day it would be said every time, to readers who do not
   * look at the tab.
   */
  compareTargetsAsOf?: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  maxKeyResultsPerObjective: 3,
  maxObjectivesPerDepartment: 3,
  maxKeyResultsPerDepartment: 3,
  maxKpisPerDepartment: 3,
};

/** A located cell of a parsed row: the tab as named in the workbook, and the column of a field. */
function cellOf(plan: Plan, tab: TabKey, row: number, column: string): IssueLocation {
  const layout = plan.layout[tab];
  const sheet = layout?.sheet ?? tabDef(tab).label[plan.lang];
  return { sheet, row, column: layout?.columns[column] ?? 1 };
}

export function checkPlan(
  plan: Plan,
  options: Partial<CheckOptions> = {},
  progress?: PlanProgress,
  screen: CheckInScreen = screenCheckIns(plan, options.asOf),
): PlanIssue[] {
  const opts = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const issues: PlanIssue[] = [];
  const push = (...args: Parameters<typeof makeIssue>) => issues.push(makeIssue(...args));

  // IDs and owners match case-insensitively: the plan's index has every reference resolved once.
  const index = planIndex(plan);
  // Without the Departments tab, or without its Department column (its missing-column error says so), every owner
  // would be "not in Departments": 19 errors for the example plan, though its departments are right there.
  const hasDepartments = plan.layout.departments?.columns.name !== undefined;
  // Without the Key Results or the Objectives tab (its missing-tab error says so), every reference to one of its
  // rows would be one more error: 46 of them for the example plan without Key Results, hiding the one that matters.
  const hasKeyResults = !!plan.layout.keyResults;
  const hasObjectives = !!plan.layout.objectives;

  // An owner the Departments tab does not list, but that names one listed department almost as the tab spells it
  // (客服 for 客服部, "Sales team" for Sales): worked out once per owner, not once per row.
  const checkOwner = (tab: TabKey, row: number, id: string, owner: string, ownerNumber: number) => {
    if (!owner || !hasDepartments || index.ownerIsDepartment[ownerNumber]) return;
    const near = nearDepartmentsOf(plan, ownerNumber);
    if (near.length === 1)
      push('owner-near-department', cellOf(plan, tab, row, 'owner'), {
        id,
        owner,
        department: index.ownerName[near[0]],
      });
    // Near two departments: which one was meant is not guessed, and it is not offered as a new one either (the
    // unknown-owner fix), as it is most likely one of them mistyped.
    else if (near.length > 1)
      push('owner-near-departments', cellOf(plan, tab, row, 'owner'), {
        id,
        owner,
        department: index.ownerName[near[0]],
        other: index.ownerName[near[1]],
      });
    else push('unknown-owner', cellOf(plan, tab, row, 'owner'), { id, owner });
  };

  // References and owners.
  for (let i = 0; i < plan.objectives.length; i++) {
    const o = plan.objectives[i];
    checkOwner('objectives', o.row, o.id, o.owner, index.ownerOf.objectives[i]);
    if (o.parent) {
      const parent = o.parent.toLowerCase();
      if (!index.objectiveById.has(parent) && !index.keyResultById.has(parent))
        push('unknown-parent', cellOf(plan, 'objectives', o.row, 'parent'), { id: o.id, ref: o.parent });
    }
  }
  for (let i = 0; i < plan.keyResults.length; i++) {
    const kr = plan.keyResults[i];
    if (kr.objectiveId && index.objectiveOfKeyResult[i] < 0 && hasObjectives) {
      push('unknown-objective', cellOf(plan, 'keyResults', kr.row, 'objective'), {
        id: kr.id,
        ref: kr.objectiveId,
      });
    }
    if (!kr.owner)
      push('key-result-without-owner', cellOf(plan, 'keyResults', kr.row, 'owner'), { id: kr.id });
    checkOwner('keyResults', kr.row, kr.id, kr.owner, index.ownerOf.keyResults[i]);
    if (
      kr.target !== null &&
      (kr.type === 'cumulative' || kr.type === 'level') &&
      kr.target !== kr.baseline
    ) {
      const wrongWay = kr.direction === 'increase' ? kr.target < kr.baseline : kr.target > kr.baseline;
      if (wrongWay) {
        push('direction-contradiction', cellOf(plan, 'keyResults', kr.row, 'direction'), {
          id: kr.id,
          direction: ENUMS.direction[kr.direction],
          // As the report's cards write the plan (20%, $1,500,000), not the number held (0.2).
          target: figureInEveryLanguage((lang) => planValueText(kr.target, kr.unit, lang)),
          baseline: figureInEveryLanguage((lang) => planValueText(kr.baseline, kr.unit, lang)),
        });
      }
    }
    // Nothing to reach: the key result is left out of progress (progress.ts) rather than shown as done.
    if (
      kr.target !== null &&
      kr.target === kr.baseline &&
      (kr.type === 'cumulative' || kr.type === 'level')
    ) {
      push('target-equals-baseline', cellOf(plan, 'keyResults', kr.row, 'target'), {
        id: kr.id,
        value: kr.target,
      });
    }
    // Custom phasing is the only case this check can flag (the spec comes from the check-in screen).
    if (kr.phasing === 'custom' && (kr.type === 'cumulative' || kr.type === 'level')) {
      const spec = screen.keyResultSpecs[i];
      if (spec && !hasUsableWeights(spec))
        push('custom-weights-missing', cellOf(plan, 'keyResults', kr.row, 'phasing'), { id: kr.id });
    }
  }
  // A KPI with a key result's ID: the Actuals tab cannot tell their check-ins apart. They count for the key result,
  // and the KPI is left out of progress (progress.ts) until it has an ID of its own, which the fix suggests.
  let freeIds: (() => string) | undefined;
  for (let j = 0; j < plan.kpis.length; j++) {
    const kpi = plan.kpis[j];
    const namesake = index.keyResultNamedLikeKpi[j];
    // A repeated KPI ID has its duplicate-id error: the first row of the ID is the one told.
    if (namesake >= 0 && index.kpiFirst[j] === j) {
      const kr = plan.keyResults[namesake];
      freeIds ??= freeKpiIds(plan);
      push('id-on-two-tabs', cellOf(plan, 'kpis', kpi.row, 'id'), {
        id: kpi.id,
        keyResult: kr.id,
        row: kr.row,
        keyResults: plan.layout.keyResults?.sheet ?? tabDef('keyResults').label,
        actuals: plan.layout.actuals?.sheet ?? tabDef('actuals').label,
        suggested: freeIds(),
      });
    }
    checkOwner('kpis', kpi.row, kpi.id, kpi.owner, index.ownerOf.kpis[j]);
    if (!kpi.keyResultId)
      push('kpi-without-key-result', cellOf(plan, 'kpis', kpi.row, 'keyResult'), { id: kpi.id });
    else if (index.keyResultOfKpi[j] < 0 && hasKeyResults) {
      push('unknown-key-result', cellOf(plan, 'kpis', kpi.row, 'keyResult'), {
        id: kpi.id,
        ref: kpi.keyResultId,
      });
    }
  }
  // Key results some KPI or roadmap item tracks (for checkMethod's key-result-untracked), found while the
  // roadmap's references are checked.
  const tracked = new Uint8Array(plan.keyResults.length);
  for (let j = 0; j < plan.kpis.length; j++)
    if (index.keyResultOfKpi[j] >= 0) tracked[index.keyResultOfKpi[j]] = 1;
  for (let r = 0; r < plan.roadmap.length; r++) {
    const item = plan.roadmap[r];
    checkOwner('roadmap', item.row, item.id, item.owner, index.ownerOf.roadmap[r]);
    for (const ref of item.keyResultIds) {
      const kr = index.keyResultById.get(ref.toLowerCase());
      if (kr !== undefined) tracked[kr] = 1;
      else if (hasKeyResults)
        push('unknown-key-result', cellOf(plan, 'roadmap', item.row, 'keyResults'), { id: item.id, ref });
    }
  }
  // Check-ins of a metric that is no key result's or KPI's ID: the screen found them (it looks up every row).
  if (hasKeyResults) {
    let near: Map<string, string | null> | undefined;
    // Said once per row: a row of a tab kept as months in columns holds a check-in per month.
    let saidRow = -1;
    for (const a of screen.unknown) {
      if (a.row === saidRow) continue;
      saidRow = a.row;
      near ??= nearIds(plan);
      const suggestion = near.get(idShape(a.metric));
      const at = cellOf(plan, 'actuals', a.row, 'metric');
      if (suggestion) push('metric-id-near', at, { row: a.row, metric: a.metric, suggestion });
      else push('unknown-metric', at, { row: a.row, metric: a.metric });
    }
  }

  // Check-ins that cannot be counted (impossible values, repeats, before the Start): progress skips the same rows.
  for (const issue of screen.issues) issues.push(issue);
  findParentCycles(plan, index, issues);
  checkMethod(plan, opts, index, tracked, issues);
  checkFunnels(plan, index, issues);
  checkTargetsTab(plan, screen, issues, options.compareTargetsAsOf ? options.asOf : undefined);
  if (opts.asOf) checkTracking(plan, progress ?? planProgress(plan, opts.asOf, screen), screen, issues);
  nameTabsIn(issues, plan.layout);
  return issues;
}

/**
 * The words a department's name may carry or leave off (Sales, Sales team, Sales Dept.; 客服, 客服部, 客服團隊), at the
 * end of an ownerKey: lower case, no spaces, Simplified characters (部門 is 部门 there), so "Sales-Team" and
 * "SalesTeam" end in one as "Sales team" does. Something must be left before it: 部 alone is a name, not a word.
 */
const DEPARTMENT_WORD =
  /^(.*?[\p{L}\p{N}].*?)[-\u2010-\u2015_.·・]*(?:team|dept\.?|department|group|division|unit|部门|团队|部|组|处)$/u;

/** An owner's or a department's name as nearness compares it: its ownerKey, and that key less a department word. */
interface NearKey {
  key: string;
  /** The key without the department word it ends in, or null when it ends in none. */
  bare: string | null;
  /** The key's characters (code points), for the one-edit test: the key itself when each is one UTF-16 unit. */
  chars: ArrayLike<string>;
  /**
   * The name's words, in lower case, when it is written in Latin letters only (and digits, spaces, marks between
   * words); null otherwise. A typo is looked for only there, and only inside a word of NEAR_EDIT_LENGTH letters or
   * more: "Sales UK" and "Sales US", 北區業務部 and 南區業務部 are one character apart and name other departments.
   */
  words: string[] | null;
  /**
   * A name of two to four Chinese characters (less a department word), its characters in code-point order: 運營 and
   * 營運 (both "operations", the Simplified and the Traditional habit) are one department with its characters the
   * other way round. Null for any other name.
   */
  reordered: string | null;
  /** The characters of the key less its department word (bare, else the key), for shortTypo. */
  stem: string[];
  /**
   * A name written in two languages ("行銷 Marketing", "業務部/Sales"): the ownerKey of each name, as headerParts
   * splits a bilingual header; null for a name in one. An owner typed as one of them (行銷, Marketing) is near it.
   */
  names: string[] | null;
}

function nearKeyOf(name: string): NearKey {
  return nearKey(ownerKey(name), name);
}

const LATIN_NAME = /^[\p{Script=Latin}\p{N}\s\-\u2010-\u2015_.&'’/]+$/u;

function latinWords(name: string): string[] | null {
  const text = name.normalize('NFKC').toLowerCase().trim();
  return LATIN_NAME.test(text) ? text.split(/[\s\-\u2010-\u2015_./]+/).filter(Boolean) : null;
}

/** Characters outside the BMP (two UTF-16 units each). */
const SURROGATE = /[\uD800-\uDFFF]/;

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

function nearKey(key: string, name: string): NearKey {
  const bare = DEPARTMENT_WORD.exec(key)?.[1] ?? null;
  const stem = bare ?? key;
  const reordered = HAN_NAME.test(stem) ? Array.from(stem).sort().join('') : null;
  return {
    key,
    bare,
    chars: SURROGATE.test(key) ? Array.from(key) : key,
    words: latinWords(name),
    reordered,
    stem: Array.from(stem),
    names: bilingualNames(name),
  };
}

/** Whether `one` is one of the names of the bilingual `both`, with its department word or without (行銷部 for 行銷). */
const namedIn = (one: NearKey, both: NearKey): boolean =>
  both.names !== null &&
  (both.names.includes(one.key) || (one.bare !== null && both.names.includes(one.bare)));

function bilingualNames(name: string): string[] | null {
  const parts = headerParts(name);
  return parts.length > 1 ? parts.map(ownerKey) : null;
}

/** Whether two names' words are the same but for one pair, both NEAR_EDIT_LENGTH letters or more (see NearKey.words). */
function typoInLongWord(a: string[] | null, b: string[] | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  let differ = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (differ >= 0) return false;
    differ = i;
  }
  return differ >= 0 && a[differ].length >= NEAR_EDIT_LENGTH && b[differ].length >= NEAR_EDIT_LENGTH;
}

/** Names this long (in characters, both of them) are near when one edit apart; a shorter one is too easily another. */
const NEAR_EDIT_LENGTH = 5;

/** Whether a from i on and b from j on are the same characters. */
function sameFrom(a: ArrayLike<string>, i: number, b: ArrayLike<string>, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

/**
 * Whether two keys of NEAR_EDIT_LENGTH characters or more are one edit apart: one character inserted, deleted or
 * replaced, or two neighbours swapped (Markting, Marketnig for Marketing). An edit of a digit does not count:
 * "Region 1" and "Region 2", "Squad 1" and "Squad 12" number different teams.
 */
function oneEditApart(a: ArrayLike<string>, b: ArrayLike<string>, shortest = NEAR_EDIT_LENGTH): boolean {
  if (a.length < shortest || b.length < shortest || Math.abs(a.length - b.length) > 1) return false;
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return false; // the same key
    // Replaced (a[i] for b[i]), or swapped with the next (ab for ba); the rest the same.
    if (digit(a[i]) || digit(b[i])) return false;
    return (
      sameFrom(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2))
    );
  }
  // One character more in the longer one, at i; the rest the same.
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return !digit(long[i]) && sameFrom(short, i, long, i + 1);
}

function keysNear(a: NearKey, b: NearKey): boolean {
  if (a.key === b.key) return false;
  if (a.bare !== null && (a.bare === b.key || a.bare === b.bare)) return true;
  if (b.bare !== null && b.bare === a.key) return true;
  if (a.reordered !== null && a.reordered === b.reordered) return true;
  if (namedIn(a, b) || namedIn(b, a)) return true;
  return (typoInLongWord(a.words, b.words) && oneEditApart(a.chars, b.chars)) || shortTypo(a, b);
}

/**
 * Characters that tell teams apart rather than being mistyped: numerals, directions, first and second, big and
 * small, head and branch (一組 and 二組, 華北 and 華南, 總部 and 分部 are other teams). As ownerKey writes them (Simplified).
 */
const HAN_DISTINCT = new Set(
  Array.from(
    '一二三四五六七八九十百千零〇壹贰叁参肆伍陆柒捌玖拾东南西北中上下内外左右前后甲乙丙丁戊新旧大小总分',
  ),
);

const LATIN_LETTERS = /^\p{Script=Latin}+$/u;

/**
 * Whether two short names (their stems, less a department word) are one typo apart, where the one-edit test of longer
 * names (NEAR_EDIT_LENGTH) does not look: 銷隻 or 消售 for 銷售, 市埸 for 市場 (two or three Chinese characters, one
 * replaced, the others the same and in order), Sale or Slaes for Sales (Latin letters only, three or four of them in
 * the shorter, one edit, the first letter kept: East and West are other teams). A department of two or three
 * characters is named by hand far more often than two departments differ by one character.
 */
function shortTypo(a: NearKey, b: NearKey): boolean {
  const x = a.stem;
  const y = b.stem;
  if (HAN_NAME.test(a.bare ?? a.key) && HAN_NAME.test(b.bare ?? b.key)) {
    if (x.length !== y.length || x.length > SHORT_HAN_LENGTH) return false;
    let differ = -1;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === y[i]) continue;
      if (differ >= 0) return false;
      differ = i;
    }
    return differ >= 0 && !(HAN_DISTINCT.has(x[differ]) && HAN_DISTINCT.has(y[differ]));
  }
  const shorter = Math.min(x.length, y.length);
  return (
    shorter >= 3 &&
    shorter < NEAR_EDIT_LENGTH &&
    x[0] === y[0] &&
    LATIN_LETTERS.test(a.bare ?? a.key) &&
    LATIN_LETTERS.test(b.bare ?? b.key) &&
    oneEditApart(x, y, 3)
  );
}

/** The longest Chinese name shortTypo compares (a four-character name is another team: 業務一部, 業務二部). */
const SHORT_HAN_LENGTH = 3;

/**
 * Whether an owner names a department almost as the Departments tab spells it, so that it is most likely that
 * department mistyped rather than another one: equal by ownerKey once a department word is taken off either name
 * (客服 and 客服部 or 客服部門; "Sales team", "Sales-Dept." and Sales; never down to nothing: 部 alone is a name), or,
 * for names of NEAR_EDIT_LENGTH characters or more, one edit apart (Markting, Marketnig and Marketing). Such an
 * owner is no department the plan lists, and adding it as one (the unknown-owner fix) would split its department's
 * key results between two departments in every roll-up without a word, so the checks point at the department
 * instead (owner-near-department). Names equal by ownerKey are the same department, not near ones.
 */
export function namesNear(owner: string, department: string): boolean {
  return keysNear(nearKeyOf(owner), nearKeyOf(department));
}

/**
 * Per plan: the listed departments, found by what a near owner's key can share with theirs, and each owner's near
 * department once worked out. The generated 10,000-key-result plan lists 3,334 departments: comparing each of 10,000
 * unknown owners with every one of them took 8 s, so an owner is compared only with the departments it could be near
 * (50 ms for those 10,000). Nothing is built for a plan whose owners are all departments.
 */
interface NearDepartments {
  /** Each owner's ownerKey, by owner number (the index has them as its map's keys). */
  ownerKeys: string[];
  /** Each department's NearKey, by owner number (departments only). */
  keys: (NearKey | undefined)[];
  /** A department's key, and its key without its department word: the departments with it. */
  byName: Map<string, number[]>;
  /**
   * For departments of NEAR_EDIT_LENGTH characters or more, their key and each key with one character left out: two
   * keys one edit apart (one inserted, deleted, replaced, or two neighbours swapped) have one of these in common.
   */
  byDeletion: Map<string, number[]>;
  /**
   * For departments whose stem (less a department word) is SHORT_STEM characters or fewer: the stem and each stem with
   * one character left out, for shortTypo's candidates.
   */
  byShortDeletion: Map<string, number[]>;
  /** By owner number: the departments it is near, once worked out (none for a department). */
  near: (number[] | undefined)[];
}

/** The longest stem shortTypo compares: a Latin name of four letters and the same with one more. */
const SHORT_STEM = NEAR_EDIT_LENGTH;

const NEAR_DEPARTMENTS = new WeakMap<Plan, NearDepartments>();

/** What a reordered name is filed under in NearDepartments.byName, apart from any name itself. */
const REORDERED = '\u0000';

/** A key with each of its characters left out in turn. */
function deletions({ key, chars }: { key: string; chars: ArrayLike<string> }): string[] {
  const out: string[] = [];
  if (typeof chars === 'string')
    for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  else {
    const list = Array.from(chars);
    for (let i = 0; i < list.length; i++) out.push(list.slice(0, i).join('') + list.slice(i + 1).join(''));
  }
  return out;
}

function addTo(map: Map<string, number[]>, key: string, g: number): void {
  const there = map.get(key);
  if (!there) map.set(key, [g]);
  else if (there[there.length - 1] !== g) there.push(g);
}

function nearDepartments(plan: Plan): NearDepartments {
  let found = NEAR_DEPARTMENTS.get(plan);
  if (found) return found;
  const index = planIndex(plan);
  const ownerKeys: string[] = [];
  index.ownerByKey.forEach((g, key) => (ownerKeys[g] = key));
  found = {
    ownerKeys,
    keys: [],
    byName: new Map(),
    byDeletion: new Map(),
    byShortDeletion: new Map(),
    near: [],
  };
  for (let d = 0; d < index.ownerName.length; d++) {
    if (!index.ownerIsDepartment[d]) continue;
    const key = (found.keys[d] = nearKey(ownerKeys[d], index.ownerName[d]));
    addTo(found.byName, key.key, d);
    if (key.bare !== null) addTo(found.byName, key.bare, d);
    if (key.reordered !== null) addTo(found.byName, REORDERED + key.reordered, d);
    for (const name of key.names ?? []) addTo(found.byName, name, d);
    if (key.stem.length >= 2 && key.stem.length <= SHORT_STEM) {
      const stem = key.stem.join('');
      addTo(found.byShortDeletion, stem, d);
      for (const shorter of deletions({ key: stem, chars: key.stem }))
        addTo(found.byShortDeletion, shorter, d);
    }
    if (key.chars.length < NEAR_EDIT_LENGTH) continue;
    addTo(found.byDeletion, key.key, d);
    for (const shorter of deletions(key)) addTo(found.byDeletion, shorter, d);
  }
  NEAR_DEPARTMENTS.set(plan, found);
  return found;
}

/**
 * The owner numbers of the departments the Departments tab lists that owner `g` names almost (namesNear), in the
 * tab's order; none for a department. Worked out once per owner (a 10,000-key-result plan names its owners 30,000
 * times), and only for owners that are no department.
 */
function nearDepartmentsOf(plan: Plan, g: number): readonly number[] {
  const index = planIndex(plan);
  if (g < 0 || index.ownerIsDepartment[g]) return [];
  const found = nearDepartments(plan);
  const known = found.near[g];
  if (known) return known;
  const key = nearKey(found.ownerKeys[g], index.ownerName[g]);
  // The departments it may be near, each then compared as namesNear compares them.
  const candidates = new Set<number>();
  const add = (map: Map<string, number[]>, name: string) => {
    for (const d of map.get(name) ?? []) candidates.add(d);
  };
  add(found.byName, key.key);
  if (key.bare !== null) add(found.byName, key.bare);
  if (key.reordered !== null) add(found.byName, REORDERED + key.reordered);
  if (key.chars.length >= NEAR_EDIT_LENGTH) {
    add(found.byDeletion, key.key);
    for (const shorter of deletions(key)) add(found.byDeletion, shorter);
  }
  if (key.stem.length >= 2 && key.stem.length <= SHORT_STEM) {
    const stem = key.stem.join('');
    add(found.byShortDeletion, stem);
    for (const shorter of deletions({ key: stem, chars: key.stem })) add(found.byShortDeletion, shorter);
  }
  const near = [...candidates].filter((d) => keysNear(key, found.keys[d]!)).sort((a, b) => a - b);
  return (found.near[g] = near);
}

/** The one department owner `g` names almost, or −1 when none is, or more than one (which one is not guessed). */
function nearDepartmentOf(plan: Plan, g: number): number {
  const near = nearDepartmentsOf(plan, g);
  return near.length === 1 ? near[0] : -1;
}

/**
 * The department, as the Departments tab spells it, that an owner cell's text names almost (see namesNear), when
 * exactly one listed department is near it; null otherwise, and for an owner that is a listed department. What the
 * owner-near-department issue names, and what its quick fix types.
 */
export function nearDepartment(plan: Plan, owner: string): string | null {
  const index = planIndex(plan);
  const g = index.ownerBySpelling.get(owner) ?? index.ownerByKey.get(ownerKey(owner));
  if (g === undefined) return null;
  const near = nearDepartmentOf(plan, g);
  return near < 0 ? null : index.ownerName[near];
}

/**
 * KPI IDs that no row of the plan has and no check-in names (KPI and a number, from one above the highest such ID),
 * one more at each call: a KPI to be renumbered gets one that brings no other row's check-ins with it.
 */
function freeKpiIds(plan: Plan): () => string {
  let highest = 0;
  const see = (id: string) => {
    const m = /^\s*kpi[\s_-]*(\d+)\s*$/i.exec(id);
    if (m) highest = Math.max(highest, Number(m[1]));
  };
  for (const rows of [plan.kpis, plan.keyResults, plan.objectives, plan.roadmap])
    for (const r of rows) see(r.id);
  const checkIns = checkInColumns(plan);
  for (const metric of checkIns.metricNames.texts) see(metric);
  for (const { metric } of checkIns.unread ?? []) see(metric);
  return () => `KPI${++highest}`;
}

/** Objectives whose Parent links come back to themselves. Each loop is reported once, at its first member. */
function findParentCycles(plan: Plan, index: PlanIndex, issues: PlanIssue[]): void {
  // Each objective's parent objective (the first of its ID), or -1; the links are followed from first positions.
  const parentOf = new Int32Array(plan.objectives.length);
  for (let i = 0; i < plan.objectives.length; i++) {
    const parent = plan.objectives[i].parent;
    parentOf[i] = parent ? (index.objectiveById.get(parent.toLowerCase()) ?? -1) : -1;
  }
  const reported = new Set<string>();
  for (let i = 0; i < plan.objectives.length; i++) {
    const path: number[] = [];
    let current = index.objectiveFirst[i];
    while (current >= 0 && !path.includes(current)) {
      path.push(current);
      current = parentOf[current];
    }
    if (current < 0) continue;
    const loop = path.slice(path.indexOf(current));
    const key = [...loop].sort((x, y) => x - y).join('|');
    if (reported.has(key)) continue;
    reported.add(key);
    const first = plan.objectives[loop[0]];
    const names = loop.map((o) => plan.objectives[o].id);
    issues.push(
      makeIssue('parent-cycle', cellOf(plan, 'objectives', first.row, 'parent'), {
        cycle: `${names.join(' → ')} → ${names[0]}`,
      }),
    );
  }
}

/** `tracked[i]`: whether a KPI or a roadmap item tracks key result i (found by checkPlan). */
function checkMethod(
  plan: Plan,
  opts: CheckOptions,
  index: PlanIndex,
  tracked: Uint8Array,
  issues: PlanIssue[],
): void {
  const push = (...args: Parameters<typeof makeIssue>) => issues.push(makeIssue(...args));

  // Few and key.
  const groups = index.keyResultsOfObjective;
  for (let i = 0; i < plan.objectives.length; i++) {
    const o = plan.objectives[i];
    const first = index.objectiveFirst[i];
    const count = groups.start[first + 1] - groups.start[first];
    if (count === 0)
      push('objective-without-key-results', cellOf(plan, 'objectives', o.row, 'id'), { id: o.id });
    if (count > opts.maxKeyResultsPerObjective) {
      push('too-many-key-results', cellOf(plan, 'objectives', o.row, 'id'), {
        id: o.id,
        count,
        max: opts.maxKeyResultsPerObjective,
      });
    }
  }
  // Rows per owner, counted by owner number; the rows of an owner over a limit are looked up only then.
  const limits = [
    [
      'objectives',
      plan.objectives,
      index.ownerOf.objectives,
      'too-many-objectives',
      opts.maxObjectivesPerDepartment,
    ],
    [
      'keyResults',
      plan.keyResults,
      index.ownerOf.keyResults,
      'too-many-key-results-owned',
      opts.maxKeyResultsPerDepartment,
    ],
    ['kpis', plan.kpis, index.ownerOf.kpis, 'too-many-kpis', opts.maxKpisPerDepartment],
  ] as const;
  for (const [tab, items, ownerOf, code, max] of limits) {
    const counts = new Int32Array(index.ownerName.length);
    for (let i = 0; i < ownerOf.length; i++) if (ownerOf[i] >= 0) counts[ownerOf[i]]++;
    // In the order the owners first appear on this tab, each named as first spelled there.
    const seen = new Uint8Array(index.ownerName.length);
    for (let i = 0; i < ownerOf.length; i++) {
      const g = ownerOf[i];
      if (g < 0 || seen[g]) continue;
      seen[g] = 1;
      if (counts[g] <= max) continue;
      // Point at the first row over the limit: that is the one to reconsider.
      let over = i;
      for (let n = 0; n < max;) if (ownerOf[++over] === g) n++;
      push(code, cellOf(plan, tab, items[over].row, 'owner'), {
        owner: items[i].owner,
        count: counts[g],
        max,
      });
    }
  }

  // Line of sight: every department owns something it can act on (owners of roadmap items count too).
  const owns = new Uint8Array(index.ownerName.length);
  for (const ownerOf of [
    index.ownerOf.objectives,
    index.ownerOf.keyResults,
    index.ownerOf.kpis,
    index.ownerOf.roadmap,
  ])
    for (let i = 0; i < ownerOf.length; i++) if (ownerOf[i] >= 0) owns[ownerOf[i]] = 1;
  for (let d = 0; d < plan.departments.length; d++) {
    const g = index.ownerOf.departments[d];
    if (g < 0 || !owns[g])
      push('idle-department', cellOf(plan, 'departments', plan.departments[d].row, 'name'), {
        owner: plan.departments[d].name,
      });
  }

  // Every key result should be visible in execution: a KPI or a roadmap item.
  for (let i = 0; i < plan.keyResults.length; i++) {
    const kr = plan.keyResults[i];
    if (!tracked[index.keyResultFirst[i]])
      push('key-result-untracked', cellOf(plan, 'keyResults', kr.row, 'id'), { id: kr.id });
  }

  // The strategy's four questions, and the fields that top the pyramid. Where rows of the tab hold text under names
  // that are no field (目標客群分析 for Target users), an empty field's words point at them, and each such row is
  // told, at its name, which fields are still missing: its answer may be one of them. Only while one is missing: with
  // every field there, such a row is the person's own.
  const layout = plan.layout.strategy;
  if (layout) {
    const unread = unreadStrategyRows(plan.strategy, plan.layout);
    const missing = STRATEGY_FIELDS.filter((f) => !plan.strategy.values[f.key] && MISSED_FIELDS.has(f.key));
    if (missing.length)
      for (const { row, label } of plan.strategy.unread)
        push(
          'unread-strategy-row',
          { sheet: layout.sheet, row, column: layout.columns.field },
          {
            label,
            cell: a1(row, layout.columns.field),
            missing: inEveryLanguage((lang) =>
              joinList(
                missing.map((f) => fill(CATALOGUES[lang].parse.QUOTED, { text: f.label[lang] })),
                lang,
              ),
            ),
          },
        );
    for (const field of STRATEGY_FIELDS) {
      if (plan.strategy.values[field.key]) continue;
      const row = plan.strategy.rows[field.key];
      if (!row && field.kind === 'date') continue; // reported as the missing period
      const at = {
        sheet: layout.sheet,
        row: row ?? Math.max(1, layout.rowCount + 1),
        column: row ? layout.columns.value : layout.columns.field,
      };
      if (field.question) {
        push('strategy-unanswered', at, {
          question: STRATEGY_QUESTIONS[field.key as keyof typeof STRATEGY_QUESTIONS],
          field: field.label,
          unread,
          // No row to write beside: say to add it, at the cell the issue points to (below the tab's last row).
          noRow: row
            ? ''
            : inEveryLanguage((lang) =>
                fill(CATALOGUES[lang].issues.STRATEGY_NO_ROW, {
                  sheet: layout.sheet,
                  field: field.label[lang],
                  cell: a1(at.row, at.column),
                }),
              ),
        });
      } else if (field.key === 'product' || field.key === 'vision' || field.key === 'strategy') {
        push('strategy-field-missing', at, { field: field.label, unread });
      }
    }
  }
}

/**
 * The Strategy fields a plan is told are empty when they are: the four questions (strategy-unanswered), Product,
 * Vision and Strategy (strategy-field-missing) and the period (period-missing). Currency and Language may be left
 * blank (no currency, the tabs' language).
 */
const MISSED_FIELDS: ReadonlySet<StrategyFieldKey> = new Set([
  'product',
  'vision',
  'strategy',
  'targetUsers',
  'problem',
  'category',
  'businessGoal',
  'periodStart',
  'periodEnd',
]);

/**
 * Numbers written in an objective's words ("convert 1,000 new customers"), leaving out years like 2026 and numbers
 * that name rather than count: one joined to a Latin letter or # (Q3, H2, v1.0, FY26, #4) and one that numbers the
 * objective itself ("Objective 4: …", "4. …"), which was read as a target of 4. A multiplier after a number is read
 * as cells read it (NUMBER_SCALES: 1萬 is 10,000, 10k is 10,000, 1.5 million); a percentage is a rate, not the count
 * a funnel makes, and is left out. An amount in Chinese numerals (一萬, 兩千) is not read, so an objective that
 * writes one names no number: its funnel is not judged on the other numbers it names.
 */
function numbersIn(text: string): number[] {
  const out: number[] = [];
  // Full-width digits (１,０００) read as ASCII ones; a title of plain ASCII needs no normalising.
  const ascii = ASCII_ONLY.test(text);
  const plain = ascii ? text : text.normalize('NFKC');
  if (!ascii && CHINESE_NUMERAL_AMOUNT.test(plain)) return out;
  NUMBER_IN_WORDS.lastIndex = 0;
  for (let m = NUMBER_IN_WORDS.exec(plain); m !== null; m = NUMBER_IN_WORDS.exec(plain)) {
    const raw = m[0];
    const before = plain.slice(0, m.index);
    const after = plain.slice(m.index + raw.length);
    // Joined to a Latin letter (a Chinese title runs words and numbers together: 轉換1,000家 counts), or numbering
    // the title, with words after the mark ("Win 1,000." ends a sentence).
    const label =
      /[A-Za-z#]$/.test(before) ||
      /第\s*$/.test(before) || // an ordinal: 第 4 個細分市場 is the fourth segment, not four
      (ENUMERATOR_BEFORE.test(before) && /^\s*[:.)：]\s*\S/.test(after));
    if (label || /^\s*%/.test(after) || /百分之\s*$/.test(before)) continue;
    scaleAfter ??= new RegExp(
      `^\\s*(?:(${scaleWords((w) => /^[a-z]/.test(w))})(?![a-z0-9&])|(${scaleWords((w) => !/^[a-z]/.test(w))})(?!分))`,
      'i',
    );
    const scale = scaleAfter.exec(after);
    // A year alone (2026); with a multiplier it is an amount (2000萬).
    if (!scale && YEAR.test(raw)) continue;
    const word = scale ? (scale[1] ?? scale[2]).toLowerCase() : '';
    const exponent = scale ? NUMBER_SCALES.find(([w]) => w === word)![1] : 0;
    // Decimal text and a power of ten, as readNumber makes it: 1.1萬 is exactly 11,000.
    const value = Number(`${raw.replace(/,/g, '')}e${exponent}`);
    if (value > 0) out.push(value);
  }
  return out;
}
/** What may come before a number that numbers the objective: nothing, or one word ("Objective", "目標"). */
const ENUMERATOR_BEFORE = /^\s*(?:[\p{L}]+\s*)?$/u;
const NUMBER_IN_WORDS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const ASCII_ONLY = /^[ -~\t\n\r]*$/;
const YEAR = /^(19|20)\d\d$/;
/** A multiplier right after a number (made when first needed): a word of letters not run into other letters or
 * digits (10k, 10 million; not 5 B2B, 10 M&A), or a Chinese one not starting 百分 / 千分 (a percent or permille). */
let scaleAfter: RegExp | undefined;
const scaleWords = (keep: (word: string) => boolean): string =>
  NUMBER_SCALES.map(([word]) => word)
    .filter(keep)
    .sort((a, b) => b.length - a.length)
    .map(literally)
    .join('|');
/** An amount written in Chinese numerals: a digit before a multiple (一萬, 兩千, 三十, 一百五十萬). */
const CHINESE_NUMERAL_AMOUNT = /[一二兩两三四五六七八九十][十百千萬万億亿]/;

/** Beyond this ratio a funnel and its objective tell different stories (the brief's 50,000 × 20% ≠ 1,000). */
export const FUNNEL_TOLERANCE = 2;

/**
 * The numbers a message quotes (a funnel's, check-ins'). Building an Intl.NumberFormat costs far more than formatting
 * with one (tens of µs against about one), so each language and style has one formatter for the process; and
 * plans repeat the same targets and rates, so each number is formatted once (a bounded memo).
 */
const FUNNEL_FORMATS = new Map<string, Intl.NumberFormat>();
const FUNNEL_NUMBERS = { plain: new Map<number, Localized>(), percent: new Map<number, Localized>() };
function funnelFormat(lang: Lang, percent: boolean): Intl.NumberFormat {
  const key = `${lang}|${percent ? '%' : ''}`;
  let format = FUNNEL_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      lang,
      percent ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 },
    );
    FUNNEL_FORMATS.set(key, format);
  }
  return format;
}
/** A number as a message quotes it (funnels, running totals), in every language (one memo lookup per number). */
function quotedNumber(n: number, percent = false): Localized {
  const memo = percent ? FUNNEL_NUMBERS.percent : FUNNEL_NUMBERS.plain;
  let known = memo.get(n);
  if (known === undefined) {
    known = inEveryLanguage((lang) => funnelFormat(lang, percent).format(n));
    if (memo.size >= 10_000) memo.clear();
    memo.set(n, known);
  }
  return known;
}

/**
 * Line of sight in numbers: a volume key result (sign-ups) times the rate key result that converts it (trial-to-paid
 * conversion) of the same objective implies an outcome (customers). When the objective's own words name a number and
 * the implied one is more than FUNNEL_TOLERANCE times off, the teams have not agreed on the decomposition.
 *
 * Only a real funnel is judged: every count paired with every percentage warned of 50,000 sign-ups × 90% answer
 * accuracy, and of 40 partner webinars × the trial-to-paid rate, where the objective's number was right. A rate is
 * one when its words say it converts (conversionStage), and it converts the one count that names the stage it
 * converts from (trial → "trial sign-ups"); a rate that names no stage, the objective's only count. A rate that
 * names a stage no count names, or whose count cannot be told apart from another, is not judged: a missed warning
 * costs less than one the teams learn to ignore.
 */
function checkFunnels(plan: Plan, index: PlanIndex, issues: PlanIssue[]): void {
  // Each objective's key results come from the index's groups: filtering every key result for each objective
  // made this check quadratic (most of the core's time at 10,000 key results).
  const groups = index.keyResultsOfObjective;
  const currency = plan.strategy.values.currency;
  for (let i = 0; i < plan.objectives.length; i++) {
    const o = plan.objectives[i];
    const first = index.objectiveFirst[i];
    const rates: [KeyResult, string | null][] = [];
    for (let k = groups.start[first]; k < groups.start[first + 1]; k++) {
      const kr = plan.keyResults[groups.members[k]];
      if (kr.type !== 'level' || kr.target === null || !(kr.target > 0 && kr.target <= 1)) continue;
      if (!isPercentUnit(kr.unit)) continue;
      const stage = conversionStage(kr.title);
      if (stage !== undefined) rates.push([kr, stage]);
    }
    if (rates.length === 0) continue;
    const named = numbersIn(o.title);
    if (named.length === 0) continue;
    // Each word of each count, to the count naming it (null once two do): one lookup per rate, whatever the number
    // of key results, where matching each rate against each count grew with their product.
    const byWord = new Map<string, KeyResult | null>();
    let only: KeyResult | null | undefined;
    for (let k = groups.start[first]; k < groups.start[first + 1]; k++) {
      const kr = plan.keyResults[groups.members[k]];
      if (kr.type !== 'cumulative' || kr.target === null) continue;
      if (isPercentUnit(kr.unit) || isMoneyUnit(kr.unit, currency)) continue;
      only = only === undefined ? kr : null;
      for (const word of stageWords(`${kr.title} ${kr.unit ?? ''}`))
        byWord.set(word, byWord.has(word) && byWord.get(word) !== kr ? null : kr);
    }
    for (const [rate, stage] of rates) {
      const volume = stage === null ? only : byWord.get(stage);
      if (!volume) continue;
      // In units, not in the Unit's multiple: 50 (K users) × 20% is 10,000, as the objective would name it.
      const count = (volume.target! - volume.baseline) * 10 ** (scaledUnit(volume.unit)?.exponent ?? 0);
      const implied = count * rate.target!;
      if (named.some((n) => implied / n <= FUNNEL_TOLERANCE && n / implied <= FUNNEL_TOLERANCE)) continue;
      const closest = named.reduce((best, n) =>
        Math.abs(Math.log(implied / n)) < Math.abs(Math.log(implied / best)) ? n : best,
      );
      issues.push(
        makeIssue('funnel-mismatch', cellOf(plan, 'objectives', o.row, 'title'), {
          id: o.id,
          count: quotedNumber(count),
          countId: volume.id,
          rate: quotedNumber(rate.target!, true),
          rateId: rate.id,
          implied: quotedNumber(implied),
          named: quotedNumber(closest),
        }),
      );
    }
  }
}

/**
 * The words a count names its stage by, as conversionStage gives a stage: English words in lower case and without
 * a plural s (leads, Lead: lead), and each two Chinese characters running together, in Simplified (試用註冊: 试用,
 * 用注, 注册), for Chinese runs its words together and a stage is found by its last two characters.
 */
function stageWords(text: string): string[] {
  const out: string[] = [];
  for (const m of foldChinese(text).toLowerCase().matchAll(STAGE_RUN)) {
    const run = m[0];
    if (HAN_RUN.test(run)) for (let c = 0; c + 1 < run.length; c++) out.push(run.slice(c, c + 2));
    else {
      // sign-ups is the signup a "sign-up → paid" rate names, and free-trial the trial of "trial-to-paid".
      out.push(singular(run.replace(/-/g, '')));
      if (run.includes('-')) for (const part of run.split('-')) out.push(singular(part));
    }
  }
  return out;
}
const STAGE_RUN = /[a-z]+(?:-[a-z]+)*|[\u3400-\u9fff]+/g;
const HAN_RUN = /^[\u3400-\u9fff]/;
const singular = (word: string): string => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);

/**
 * Whether a rate's words say it converts one stage into the next, and from which: the stage (as stageWords makes
 * words) for "trial-to-paid", "conversion of trials", "lead conversion", 試用轉付費率, 線索轉化率; null for a
 * conversion that names none ("Conversion rate of 20%", 提高轉化率); undefined for a rate that is no conversion
 * (answer accuracy, uptime, retention, market share), which converts no count.
 */
function conversionStage(title: string): string | null | undefined {
  const text = foldChinese(title).toLowerCase();
  // Trial-to-paid, MQL → SQL: the stage before the arrow. A hyphen or an arrow only: "raise accuracy to 90%" is
  // no conversion, while "trial to paid conversion" says it with its own word below.
  const arrow = /([a-z]+(?:-[a-z]+)*?)\s*(?:-to-|→|->)\s*[a-z]/.exec(text);
  if (arrow) return stageOf(arrow[1].replace(/-/g, ''));
  // 試用轉付費, 线索转化: the two characters before 转 (轉), unless they are a verb (提高转化率) or a time (年底前).
  const han = /([\u3400-\u9fff]{2})\s*转(?:化|换)?(?!型|向|移|发|达|载|让|交|变)/.exec(text);
  if (han) return CHINESE_NON_STAGES.has(han[1]) ? null : han[1];
  if (/转化|转换|成交率|签约率|付费率/.test(text)) return null;
  if (!/\bconver(?:t|sion)/.test(text)) return undefined;
  const named =
    /\bconver(?:sion|ted|ting)?\s+(?:rate\s+)?(?:from|of)\s+(?:the\s+|our\s+|new\s+)*([a-z]+)/.exec(text) ??
    /([a-z]+)\s+(?:to\s+[a-z]+\s+)?conversion/.exec(text);
  return named ? stageOf(named[1]) : null;
}
/** Words before "conversion" or "to" that are no stage: a verb, a determiner, a whole. */
const ENGLISH_NON_STAGES = new Set([
  'a',
  'an',
  'the',
  'our',
  'of',
  'raise',
  'improve',
  'increase',
  'lift',
  'grow',
  'boost',
  'reach',
  'achieve',
  'overall',
  'total',
  'average',
  'rate',
  'conversion',
  'new',
]);
const stageOf = (word: string): string | null => (ENGLISH_NON_STAGES.has(word) ? null : singular(word));
/** Two characters before 转 that are a verb or a time, not a stage (提高转化率, 年底转化率). */
const CHINESE_NON_STAGES = new Set([
  '提高',
  '提升',
  '达到',
  '增加',
  '改善',
  '优化',
  '整体',
  '平均',
  '年底',
  '底前',
]);

/**
 * The generated Targets tab should show what the plan computes; a difference means it is out of date. Its As of
 * cell should hold a day (text there turns every to-date cell into an error), and a day other than the one this
 * check judges on is said, as the tab's statuses then differ from the check's (`asOf`: given only with a date).
 * `screen`: the check-in screen of this plan, which has worked out every metric's spec already.
 */
function checkTargetsTab(plan: Plan, screen: CheckInScreen, issues: PlanIssue[], asOf?: IsoDate): void {
  const targets = plan.targets;
  const layout = plan.layout.targets;
  if (!targets || !layout || !plan.period) return;
  /** A text as a message quotes it; a blank one as "nothing". */
  const quoted = (text: string) =>
    text ? inEveryLanguage((lang) => fill(CATALOGUES[lang].parse.QUOTED, { text })) : EMPTY_CELL;
  const asOfCell = targets.asOf;
  if (asOfCell) {
    const at = { sheet: layout.sheet, row: asOfCell.row, column: asOfCell.column };
    if (asOfCell.day === null) {
      issues.push(
        makeIssue('as-of-not-a-date', at, {
          value: quoted(cellText(asOfCell.cell)),
          cell: TARGETS_AS_OF.label,
        }),
      );
    } else if (asOf && asOfCell.day !== asOf)
      issues.push(makeIssue('as-of-differs', at, { day: asOfCell.day, asOf, cell: TARGETS_AS_OF.label }));
  }
  const unreadable = new Set(targets.unreadableInputs);
  // A KPI with a key result's ID is not looked for: the tab's rows are found by ID, and that ID's is the key result's
  // (its id-on-two-tabs error says what to fix; a rebuild could not tell the two rows apart either).
  const index = planIndex(plan);
  const metrics = [
    ...plan.keyResults.map((kr, i) => ({
      id: kr.id,
      spec: screen.keyResultSpecs[i],
      name: kr.title,
      owner: ownerNameOf(plan, kr),
    })),
    ...plan.kpis.map((kpi, j) => ({
      id: kpi.id,
      spec: index.keyResultNamedLikeKpi[j] >= 0 ? null : screen.kpiSpecs[j],
      name: kpi.name,
      owner: ownerNameOf(plan, kpi),
    })),
  ];
  // The tab's rows by lower-case ID; the first row wins, as a search from the top would find it.
  const rows = new Map<string, TargetsTab['computed'][string]>();
  for (const [k, row] of Object.entries(targets.computed)) {
    if (!rows.has(k.toLowerCase())) rows.set(k.toLowerCase(), row);
    // A formula that points at a plan cell that is gone (#REF! once a plan row it read was deleted, the row of a
    // key result no longer in the plan included): its figures mean nothing, and a rebuild mends it. Other errors
    // (#VALUE! from a Target typed "a lot") come from a plan cell, which has its own issue; a rebuild would not
    // mend them.
    if (row.error)
      issues.push(
        makeIssue(
          'targets-formula-error',
          { sheet: layout.sheet, row: row.row, column: row.error.column },
          { id: k, value: row.error.value },
        ),
      );
  }
  for (const { id, spec, name, owner } of metrics) {
    if (!spec) continue;
    const computed = rows.get(id.toLowerCase());
    if (computed?.error) continue; // said above
    // Whether the row was saved with its formulas' results (a month shows a number): in a workbook saved without
    // them every formula reads blank, which says nothing about the tab.
    const saved = !!computed && Object.values(computed.values).some((v) => v !== null);
    // The Name and the Owner are copies made at Decompose time (the Owner the department as the plan names it,
    // ownerNameOf): one the plan has changed since is out of date. Both read as a cell reads (trimmed): "Sales "
    // written shows as the tab's "Sales".
    const texts = computed
      ? ([
          ['name', computed.name, cellText(name)],
          ['owner', computed.owner, cellText(owner)],
        ] as const)
      : [];
    const stale = texts.find(([, shown, planned]) => shown !== null && (shown || saved) && shown !== planned);
    if (stale && computed) {
      const [key, shown, planned] = stale;
      const targetsColumns = tabDef('targets').columns;
      issues.push(
        makeIssue(
          'targets-text-mismatch',
          { sheet: layout.sheet, row: computed.row, column: layout.columns[key] },
          {
            id,
            field: targetsColumns.find((c) => c.key === key)!.label,
            sheetValue: quoted(shown!),
            value: quoted(planned),
          },
        ),
      );
    }
    // A weight that is no usable weight (below 0, text) is an invalid-weight error at its cell, and the tab's
    // formulas, which still add it in, differ from the plan until it is fixed: a rebuild, which keeps it as typed,
    // would not mend that, so no "rebuild" is asked for.
    if (spec.phasing === 'custom' && Object.keys(targets.unusableWeights[id.toLowerCase()] ?? {}).length)
      continue;
    // A row that reads a plan cell its formulas cannot use (text where a date or number belongs, a choice spelled
    // another way) differs from the plan until that cell is typed: its unreadable-by-formulas warning says so, and
    // its quick fix types the value. A rebuild would leave the difference in place, so none is asked for.
    if (computed && unreadable.has(id.toLowerCase())) continue;
    if (!computed) {
      issues.push(
        makeIssue(
          'targets-row-missing',
          { sheet: layout.sheet, row: layout.headerRow, column: layout.columns.id ?? 1 },
          { id },
        ),
      );
      continue;
    }
    // A threshold's (and every KPI's) formulas leave the months outside its window blank: in a row that shows its
    // results, a month the plan fills and the tab leaves blank, or the other way round, is a window that differs (a
    // KPI re-pointed to another key result, on a tab built when its window did not follow its Key result cell).
    // Other formulas never show a blank: there it is a result the file was saved without, nothing to compare; nor
    // is a cell that shows other text (an error from a plan cell, which has its own issue).
    const blank = spec.type === 'threshold' && saved ? new Set(computed.blank) : new Set<string>();
    for (const { month, target } of decompose(spec, targets.months)) {
      const sheetValue = computed.values[month];
      const differs =
        sheetValue === null || sheetValue === undefined
          ? target !== null && blank.has(month)
          : target === null || Math.abs(sheetValue - target) > 1e-6 * Math.max(1, Math.abs(target));
      if (!differs) continue;
      issues.push(
        makeIssue(
          'targets-mismatch',
          { sheet: layout.sheet, row: computed.row, column: targets.monthColumns[month] },
          // Said as the figures read (12 significant digits): not 142857.14999999997, a sum's float noise.
          {
            id,
            month,
            sheetValue: typeof sheetValue === 'number' ? Number(sheetValue.toPrecision(12)) : EMPTY_CELL,
            value: target === null ? EMPTY_CELL : Number(target.toPrecision(12)),
          },
        ),
      );
      break; // one per metric is enough to say "rebuild"
    }
  }
}

function checkTracking(plan: Plan, progress: PlanProgress, screen: CheckInScreen, issues: PlanIssue[]): void {
  // Rounded as the report rounds them (shared/figures.ts), so a message and the card it points at agree.
  const percent = (x: number | null) => (x === null ? '–' : `${percentFigure(x).percent}%`);
  // A key result whose check-ins are said to be totals to date, by the Value header or a Note, is told so there,
  // in the person's words, rather than by the figures' reading (running-total).
  const saidToDate = toDateIssues(plan, progress, screen, issues);
  /** `windowUnread`: the metric's window stands in as the period's (KeyResult.unreadDate): no missing month, no pace. */
  const check = (p: MetricProgress, tab: TabKey, row: number, group: number, windowUnread: boolean) => {
    const totals = p.kind === 'kr' && !saidToDate.has(group) ? runningTotals(p) : null;
    if (totals) {
      const span = (p.target ?? 0) - p.baseline;
      const list = (xs: number[], join: (items: string[], lang: Lang) => string) =>
        inEveryLanguage((lang) =>
          join(
            xs.map((x) => quotedNumber(x)[lang]),
            lang,
          ),
        );
      issues.push(
        makeIssue(
          'running-total',
          latestCheckInCell(plan, screen, group, monthIndex(p.throughMonth!)) ?? cellOf(plan, tab, row, 'id'),
          {
            id: p.id,
            values: list(totals.values, (items) => items.join(' → ')),
            total: quotedNumber(p.actualToDate!),
            attainment: percent(p.attainment),
            latest: quotedNumber(totals.values[totals.values.length - 1]),
            // As totals so far, where the key result stands: the last total, less the Baseline when it includes it.
            meant: percent(span > 0 ? (totals.values[totals.values.length - 1] - totals.start) / span : null),
            amounts: list(totals.amounts, joinList),
          },
        ),
      );
    }
    const behind = p.kind === 'kr' && !windowUnread && (p.status === 'at-risk' || p.status === 'off-track');
    // A month whose check-in was typed but refused has its error at that cell: no "add a row" beside it.
    if (
      p.missingCheckIn &&
      !windowUnread &&
      !screen.refusedMonths.get(group)?.has(monthIndex(p.missingCheckIn)) &&
      // Nor where it is typed on a tab of more check-ins, which is not read: that tab's warning says to move it.
      !plan.unreadCheckIns?.get(p.id.toLowerCase())?.has(p.missingCheckIn)
    ) {
      // Point at where the check-in goes: the Actuals tab's next free row when there is one; kept as months in
      // columns, the cell of the metric's row under the month (staleCheckInWide).
      const actuals = plan.layout.actuals;
      if (actuals?.wide) issues.push(staleCheckInWide(actuals, p.id, p.missingCheckIn));
      else {
        const at = actuals
          ? {
              sheet: actuals.sheet,
              row: Math.max(actuals.rowCount, actuals.headerRow) + 1,
              column: actuals.columns.metric ?? 1,
            }
          : cellOf(plan, tab, row, 'id');
        issues.push(makeIssue('stale-check-in', at, { id: p.id, month: p.missingCheckIn }));
      }
    }
    if (behind) {
      issues.push(
        makeIssue('behind-pace', cellOf(plan, tab, row, 'target'), {
          id: p.id,
          status: STATUS_LABELS[p.status],
          attainment: percent(p.attainment),
          expected: percent(p.expectedAttainment),
        }),
      );
    }
  };
  // Each metric's issues point at its own row: progress lists the key results and KPIs in the plan's order.
  // Read through views of progress's table, not its records (readProgress): nothing here is kept.
  const metrics = readProgress(progress);
  for (let i = 0; i < metrics.keyResults && i < plan.keyResults.length; i++)
    check(
      metrics.keyResult(i),
      'keyResults',
      plan.keyResults[i].row,
      screen.keyResultGroup[i],
      plan.keyResults[i].unreadDate !== undefined,
    );
  const { keyResultOfKpi } = planIndex(plan);
  for (let i = 0; i < metrics.kpis && i < plan.kpis.length; i++) {
    // A KPI follows the window of the key result it tracks.
    const tracked = keyResultOfKpi[i] >= 0 ? plan.keyResults[keyResultOfKpi[i]] : undefined;
    check(metrics.kpi(i), 'kpis', plan.kpis[i].row, screen.kpiGroup[i], tracked?.unreadDate !== undefined);
  }
}

/** What to-date-header lists of the key results it names, at most this many, then "…". */
const TO_DATE_LISTED = 3;

/** A heading of check-ins whose words say they are totals to date (TO_DATE_WORDS): the text, the word, its cell. */
interface ToDateHeading {
  header: string;
  word: string;
  row: number;
  column: number;
  /** Whether the tab keeps months in columns: said as to-date-header-wide, each month's amount to type named. */
  wide: boolean;
}

/**
 * Where an Actuals tab's headings say its check-ins are totals to date, or null: the Value header's note (數值（累計）,
 * Value (YTD)); kept as months in columns, the first heading of the figures in sheet order whose words say so, a
 * month header (1月（累計）, "Jan (YTD)"), a title or header above the months (2026 實績（累計）) or a header under
 * a month (實際（累計）). A word negated in its clause says nothing (toDateWord).
 */
function toDateHeading(layout: SheetLayout): ToDateHeading | null {
  if (layout.wide) {
    const months = Object.entries(layout.wide.headers).map(([column, text]) => ({
      row: layout.headerRow,
      column: Number(column),
      text,
    }));
    const headings = [...months, ...(layout.wide.headings ?? [])].sort(
      (a, b) => a.row - b.row || a.column - b.column,
    );
    for (const { row, column, text } of headings) {
      const word = toDateWord(text);
      if (word !== null) return { header: text, word, row, column, wide: true };
    }
    return null;
  }
  const header = layout.notedHeaders?.value;
  const column = layout.columns.value;
  // The words in its note (數值（累計）), or beside its name where it has none (累計實績: see parse.ts toDateValueColumn).
  const word = header && column !== undefined ? toDateWord(headerNote(header) ?? header) : null;
  return word === null
    ? null
    : { header: header!, word, row: layout.headerRow, column: column!, wide: false };
}

/**
 * Check-ins said to be totals to date in words (see TO_DATE_WORDS), where a cumulative key result's Value is the
 * amount of its own month and its check-ins are added up: 1,000, 2,000 … 8,000 typed as the totals of a team adding
 * 1,000 a month count 36,000, and a team behind plan reads as on track. Said where the words are, counted as typed:
 * - the Actuals Value header's note (數值（累計）, Value (YTD)): to-date-header at that header, naming each cumulative
 *   key result whose check-ins of two months or more (of the months judged) never fall, with what is counted and
 *   its latest total;
 * - kept as months in columns, a heading of the figures (toDateHeading: 1月（累計）, a title 2026 實績（累計）):
 *   to-date-header-wide at that heading, naming the same key results, and for each the amount to type in each of
 *   its cells after its first month with a check-in (the cell less the one of the month before);
 * - a check-in's Note (累計至本月; kept as months in columns, its row's Note): to-date-note at its Value cell, for
 *   each row of a cumulative key result after its first month with a check-in (the first total is that month's
 *   amount, the months before it having none), whose value is not below the total before it. A Note that names a
 *   number larger than the Value (新增 1,000，累計 8,000) gives the total beside the month's amount, and is left
 *   alone. The Note explains the figure: the screen's month-far-above-plan and month-over-target at that Value are
 *   dropped (one pass over the issues).
 * A word with a negation in its clause (非累計, not YTD: NEGATION_WORDS) is no such claim. Returns the groups of the key results said (running-total leaves them alone). Linear: the header's reading walks
 * each cumulative key result's judged months once, the Notes' only the key results with a noted row.
 */
function toDateIssues(
  plan: Plan,
  progress: PlanProgress,
  screen: CheckInScreen,
  issues: PlanIssue[],
): Set<number> {
  const said = new Set<number>();
  const layout = plan.layout.actuals;
  const valueColumn = layout?.columns.value;
  if (!layout || (valueColumn === undefined && !layout.wide)) return said;
  const columns = checkInColumns(plan);
  const heading = toDateHeading(layout);
  // Rows a column of the person's own says are totals to date have its text as their Note (actual-kinds.ts).
  const noteColumn = layout.columns.note ?? layout.kindColumn?.column;
  if (heading === null && (columns.notes.size === 0 || noteColumn === undefined)) return said;
  const metrics = readProgress(progress);
  const cumulative = (i: number) => {
    if (i >= metrics.keyResults) return false;
    const p = metrics.keyResult(i);
    return p !== undefined && p.type === 'cumulative' && p.leftOut === null;
  };
  const { start, members } = screen.counted;
  /** Key result i's check-ins by month, in sheet order within one: a total's "before" is the last of an earlier month. */
  const rowsByMonth = (group: number) =>
    Array.from(members.subarray(start[group], start[group + 1])).sort(
      (a, b) => screen.monthOfRow[a] - screen.monthOfRow[b] || a - b,
    );
  if (heading !== null) {
    const counted: Localized[] = [];
    const amounts: Localized[] = [];
    let named = 0;
    for (let i = 0; i < metrics.keyResults && i < plan.keyResults.length; i++) {
      if (!cumulative(i)) continue;
      const p = metrics.keyResult(i);
      let months = 0;
      let before = -Infinity;
      let rising = true;
      visitJudgedMonths(p, (actual) => {
        if (actual === null) return true;
        if (actual < before) return (rising = false);
        before = actual;
        months++;
        return true;
      });
      if (!rising || months < 2 || p.actualToDate === null) continue;
      const group = screen.keyResultGroup[i];
      said.add(group);
      if (named++ < TO_DATE_LISTED)
        counted.push(
          inEveryLanguage((lang) =>
            fill(CATALOGUES[lang].issues.TO_DATE_COUNTED, {
              id: p.id,
              total: quotedNumber(p.actualToDate!)[lang],
              latest: quotedNumber(before)[lang],
            }),
          ),
        );
      if (!heading.wide || group < 0) continue;
      // Each cell after the key result's first month with a check-in: the amount to type there.
      const cells: { cell: string; amount: number }[] = [];
      let last: number | null = null;
      let prior: number | null = null;
      let month = -1;
      for (const r of rowsByMonth(group)) {
        if (screen.monthOfRow[r] !== month) {
          prior = last;
          month = screen.monthOfRow[r];
        }
        const value = columns.values[r];
        last = value;
        if (prior === null) continue;
        cells.push({
          cell: a1(columns.rows[r], valueCellColumn(columns, r, valueColumn)),
          amount: Number((value - prior).toPrecision(12)),
        });
      }
      if (cells.length)
        amounts.push(
          inEveryLanguage((lang) =>
            fill(CATALOGUES[lang].issues.TO_DATE_AMOUNTS, {
              id: p.id,
              cells: joinList(
                cells.map(({ cell, amount }) =>
                  fill(CATALOGUES[lang].issues.TO_DATE_CELL, { cell, amount: quotedNumber(amount)[lang] }),
                ),
                lang,
              ),
            }),
          ),
        );
    }
    // Each item has a comma of its own: items are set apart by semicolons.
    const items = (list: Localized[], more: boolean) =>
      inEveryLanguage((lang) =>
        [...list.map((c) => c[lang]), ...(more ? ['…'] : [])].join(lang === 'en' ? '; ' : '；'),
      );
    if (named > 0)
      issues.push(
        makeIssue(
          heading.wide ? 'to-date-header-wide' : 'to-date-header',
          { sheet: layout.sheet, row: heading.row, column: heading.column },
          {
            header: heading.header,
            word: heading.word,
            counted: items(counted, named > TO_DATE_LISTED),
            ...(heading.wide ? { amounts: items(amounts, false) } : {}),
          },
        ),
      );
  }
  if (columns.notes.size === 0 || noteColumn === undefined) return said;
  const noteLabel = columnDef('actuals', 'note').label;
  const kind = layout.kindColumn;
  const kindRows = new Set(kind?.rows);
  const kindLabel = kind && { en: kind.header, 'zh-CN': kind.header, 'zh-TW': kind.header };
  // The value cells (row:column) that get to-date-note: the Note explains the figure, so the screen's reading of it
  // as far above the month's plan or over the whole target (an extra zero) is not said there too.
  const notedCells = new Set<string>();
  for (let i = 0; i < plan.keyResults.length && i < metrics.keyResults; i++) {
    const group = screen.keyResultGroup[i];
    if (group < 0 || !cumulative(i)) continue;
    let noted = false;
    for (let k = start[group]; k < start[group + 1] && !noted; k++) noted = columns.notes.has(members[k]);
    if (!noted) continue;
    let before: number | null = null;
    let month = -1;
    let last: number | null = null;
    for (const r of rowsByMonth(group)) {
      if (screen.monthOfRow[r] !== month) {
        before = last;
        month = screen.monthOfRow[r];
      }
      const value = columns.values[r];
      last = value;
      const note = columns.notes.get(r);
      const word = note ? toDateWord(note) : null;
      if (word === null || before === null || value < before) continue;
      if (
        (note!.normalize('NFKC').match(/\d[\d,]*(?:\.\d+)?/g) ?? []).some(
          (n) => Number(n.replace(/,/g, '')) > value,
        )
      )
        continue;
      said.add(group);
      const cellColumn = valueCellColumn(columns, r, valueColumn);
      notedCells.add(`${columns.rows[r]}:${cellColumn}`);
      const monthText = dateAt(columns, r).slice(0, 7);
      issues.push(
        makeIssue(
          'to-date-note',
          { sheet: layout.sheet, row: columns.rows[r], column: cellColumn },
          {
            id: metrics.keyResult(i).id,
            column: kindLabel && kindRows.has(columns.rows[r]) ? kindLabel : noteLabel,
            word,
            value: quotedNumber(value),
            month: monthText,
            amount: quotedNumber(Number((value - before).toPrecision(12))),
            before: quotedNumber(before),
          },
        ),
      );
    }
  }
  if (notedCells.size > 0) {
    let kept = 0;
    for (const issue of issues)
      if (!(
        (issue.code === 'month-far-above-plan' || issue.code === 'month-over-target') &&
        issue.sheet === layout.sheet &&
        notedCells.has(`${issue.row}:${issue.column}`)
      ))
        issues[kept++] = issue;
    issues.length = kept;
  }
  return said;
}

/** At least this many months with a check-in that adds to the total before check-ins are taken for running totals. */
const RUNNING_TOTAL_MONTHS = 3;
/**
 * Running totals added up overstate: three months of a steady total read as twice the plan, and more with each month.
 * Check-ins that add up to less than this share of the plan by now are left alone, which spares a business growing
 * steadily from a little under its plan (2,000, 4,000 … 10,000 against 5,000 a month adds up to 1.2 times it).
 */
const RUNNING_TOTAL_AHEAD = 1.25;

/**
 * A cumulative key result's check-ins that read better as running totals ("the total so far", as a CRM shows it)
 * than as the amounts of their months, as the method counts them: typing 1,000, 2,000, 3,000 for 1,000 a month
 * counts 6,000 and shows the key result ahead of plan. The check-ins never fall; read as running totals, the
 * amounts they mean (each less the one before; the first less nothing, or less the Baseline when the totals
 * include it) follow the targets of their months (their ratios to the targets within 2×, in at least
 * RUNNING_TOTAL_MONTHS months that add something; a month without a check-in counts with the next, a month that
 * adds nothing is left out) at least twice as closely as the check-ins themselves do. A ramp-up plan whose amounts
 * grow with its targets, or a business growing a little each month, reads as amounts and is left alone. Only key
 * results whose check-ins add up to RUNNING_TOTAL_AHEAD times the plan by now are looked at (running totals added up
 * overstate). Null when the check-ins read as amounts; else the check-ins, the amounts they would mean, and where
 * the first total starts (0, or the Baseline).
 */
function runningTotals(p: MetricProgress): { values: number[]; amounts: number[]; start: number } | null {
  if (p.type !== 'cumulative' || p.direction !== 'increase' || p.leftOut !== null) return null;
  if (p.actualToDate === null || p.targetToDate === null || p.targetToDate <= 0) return null;
  if (p.actualToDate < RUNNING_TOTAL_AHEAD * p.targetToDate) return null;
  // One pass for both readings of the first total (from nothing, or from the Baseline): the ratios to the targets,
  // of the check-ins and of the amounts they would mean, kept as least and most.
  const starts = p.baseline > 0 ? [0, p.baseline] : [0];
  const totalsLeast = [Infinity, Infinity];
  const totalsMost = [0, 0];
  const adding = [0, 0];
  // A reading whose first total is not above where it starts (500 against a Baseline of 10,000) is no reading.
  const possible = [true, true];
  let amountsLeast = Infinity;
  let amountsMost = 0;
  let before = -1;
  let targetSince = 0;
  let fits = true;
  visitJudgedMonths(p, (actual, target) => {
    if (!target || target <= 0) return (fits = false);
    targetSince += target;
    if (actual === null) return true;
    if (actual <= 0 || actual < before) return (fits = false);
    amountsLeast = Math.min(amountsLeast, actual / target);
    amountsMost = Math.max(amountsMost, actual / target);
    for (let k = 0; k < starts.length; k++) {
      const added = actual - (before < 0 ? starts[k] : before);
      if (before < 0 && added <= 0) possible[k] = false;
      if (added <= 0) continue;
      totalsLeast[k] = Math.min(totalsLeast[k], added / targetSince);
      totalsMost[k] = Math.max(totalsMost[k], added / targetSince);
      adding[k]++;
    }
    before = actual;
    targetSince = 0;
    return true;
  });
  if (!fits) return null;
  const fitsFrom = (k: number) => {
    const totalsSpread = totalsMost[k] / totalsLeast[k];
    return (
      possible[k] &&
      adding[k] >= RUNNING_TOTAL_MONTHS &&
      totalsSpread <= 2 &&
      amountsMost / amountsLeast >= 2 * totalsSpread
    );
  };
  const found = starts.findIndex((_, k) => fitsFrom(k));
  if (found < 0) return null;
  const start = starts[found];
  const values: number[] = [];
  visitJudgedMonths(p, (actual) => (actual === null ? true : values.push(actual) > 0));
  return { values, amounts: values.map((v, i) => v - (i === 0 ? start : values[i - 1])), start };
}

/** Where a month's check-in goes on an Actuals tab kept as months in columns (stale-check-in-wide). */
const STALE_WIDE = {
  cell: localized((m) => m.issues.STALE_CHECK_IN_WIDE.cell),
  noColumn: localized((m) => m.issues.STALE_CHECK_IN_WIDE.noColumn),
  noRow: localized((m) => m.issues.STALE_CHECK_IN_WIDE.noRow),
  neither: localized((m) => m.issues.STALE_CHECK_IN_WIDE.neither),
};

/**
 * A month without a check-in on an Actuals tab kept as months in columns: at the cell it goes in (the metric's row
 * under the month's header), or where the row or the column is missing, at the row's Metric cell or the first cell
 * after the headers, saying what to add ("add a row" alone is no fix on such a tab).
 */
function staleCheckInWide(layout: SheetLayout, id: string, month: Month): PlanIssue {
  const { months, rows } = layout.wide!;
  const column = months[month];
  const row = rows[id.toLowerCase()];
  const where =
    column === undefined
      ? row === undefined
        ? 'neither'
        : 'noColumn'
      : row === undefined
        ? 'noRow'
        : 'cell';
  const at = {
    sheet: layout.sheet,
    row: row ?? Math.max(layout.rowCount, layout.headerRow) + 1,
    column: column ?? (row === undefined ? (layout.columns.metric ?? 1) : layout.columnCount + 1),
  };
  return makeIssue('stale-check-in-wide', at, {
    id,
    month,
    where: inEveryLanguage((lang) =>
      fill(STALE_WIDE[where][lang], {
        id,
        month,
        cell: a1(at.row, at.column),
        metric: a1(layout.headerRow, layout.columns.metric ?? 1),
      }),
    ),
  });
}

/**
 * The Actuals value cell of a metric's latest check-in through `through` (a monthIndex: its judged month), the last
 * of that month in sheet order, or null. Rows of later months are not among the check-ins a message lists.
 */
function latestCheckInCell(
  plan: Plan,
  screen: CheckInScreen,
  group: number,
  through: number,
): IssueLocation | null {
  const layout = plan.layout.actuals;
  if (!layout || group < 0) return null;
  const { start, members } = screen.counted;
  let latest = -1;
  for (let k = start[group]; k < start[group + 1]; k++) {
    const month = screen.monthOfRow[members[k]];
    if (month <= through && (latest < 0 || month >= screen.monthOfRow[latest])) latest = members[k];
  }
  if (latest < 0) return null;
  const checkIns = checkInColumns(plan);
  return {
    sheet: layout.sheet,
    row: checkIns.rows[latest],
    column: valueCellColumn(checkIns, latest, layout.columns.value),
  };
}

/** A plan's issues in the order they are listed: errors first, then the plan's tabs in the template's order. */
export function sortPlanIssues(plan: Plan, issues: PlanIssue[]): PlanIssue[] {
  // A missing tab's issue names the tab as the template does: it takes that tab's place.
  return sortIssues(
    issues,
    TABS.map((tab) => plan.layout[tab.key]?.sheet ?? tab.label[plan.lang]),
  );
}

/** The whole front half of the pipeline in one call: read, check, and score a workbook. */
/**
 * An ID as typed by hand in another form, for suggesting the one it means: KR 1, KR-1, kr_1 and KR1 are one shape
 * (letters and digits, case, spaces, hyphens and underscores aside).
 */
const idShape = (id: string): string => id.toLowerCase().replace(/[\s\-_\u2010-\u2015\u2212\uFF0D]/g, '');

/**
 * The key result or KPI ID of each shape; null where two IDs share one (KR-1 and KR1 both in the plan), so no
 * guess is made between them.
 */
function nearIds(plan: Plan): Map<string, string | null> {
  let out = NEAR_IDS.get(plan);
  if (out) return out;
  out = new Map<string, string | null>();
  for (const metric of [...plan.keyResults, ...plan.kpis]) {
    const shape = idShape(metric.id);
    const seen = out.get(shape);
    out.set(shape, seen === undefined || seen === metric.id ? metric.id : null);
  }
  NEAR_IDS.set(plan, out);
  return out;
}

/** nearIds of each plan, made once: the quick fixes ask it again for each check-in they offer to retype. */
const NEAR_IDS = new WeakMap<Plan, Map<string, string | null>>();

/**
 * The key result or KPI ID, as its row spells it, that a check-in's Metric names but for case, spaces, hyphens and
 * underscores (KR 3, kr3, KR-3 for KR3), when exactly one ID has that shape; null otherwise (no ID, or two such as
 * KR-1 and KR1: which one is not guessed). What the metric-id-near issue names, and what its quick fix types.
 */
export function nearMetricId(plan: Plan, metric: string): string | null {
  return nearIds(plan).get(idShape(metric)) ?? null;
}

export function analyzeWorkbook(
  workbook: Workbook,
  options: ParseOptions & Partial<CheckOptions> & { asOf: IsoDate },
): {
  plan: Plan;
  issues: PlanIssue[];
  progress: PlanProgress;
  /** Which check-ins count (Decompose targets names those refused that its formulas count all the same). */
  screen: CheckInScreen;
  /** The issues the reading found, of `issues` (what Decompose targets acts on before checking anything). */
  parseIssues: PlanIssue[];
} {
  const { plan, issues: parseIssues } = parsePlan(workbook, options);
  // Which check-ins count is decided once: progress counts these rows, the checks report the others.
  const screen = screenCheckIns(plan, options.asOf);
  const progress = planProgress(plan, options.asOf, screen);
  const issues = sortPlanIssues(plan, [...parseIssues, ...checkPlan(plan, options, progress, screen)]);
  return { plan, issues, progress, screen, parseIssues };
}

/** A key result or KPI left out of progress, and the issue (error first) at its row that explains why. */
export interface LeftOutMetric {
  id: string;
  kind: 'kr' | 'kpi';
  reason: LeftOutReason;
  /** The error (or, failing one, the warning) on the metric's row or its Strategy period cell; null if none. */
  issue: PlanIssue | null;
}

/**
 * The metrics progress left out, each with the located issue to fix: the report's banner and objective cards,
 * plan.json's summary.leftOut and the sidebar all name these, so an omission is never silent.
 */
export function leftOutMetrics(plan: Plan, progress: PlanProgress, issues: PlanIssue[]): LeftOutMetric[] {
  const out: LeftOutMetric[] = [];
  const explain = (tab: TabKey, row: number, reason: LeftOutReason): PlanIssue | null => {
    const sheet = plan.layout[tab]?.sheet;
    const onRow = issues.filter((i) => i.sheet === sheet && i.row === row && i.severity !== 'tip');
    const period = issues.filter((i) => i.code === 'period-missing' || i.code === 'period-reversed');
    // The issue that is the reason (id-on-two-tabs, target-equals-baseline, invalid-choice), else the row's first
    // error.
    return (
      onRow.find((i) => i.code === reason) ??
      onRow.find((i) => i.severity === 'error') ??
      period[0] ??
      onRow.find((i) => i.severity === 'warning') ??
      null
    );
  };
  plan.keyResults.forEach((kr, i) => {
    const p = progress.keyResults[i];
    if (p?.leftOut)
      out.push({ id: kr.id, kind: 'kr', reason: p.leftOut, issue: explain('keyResults', kr.row, p.leftOut) });
  });
  plan.kpis.forEach((kpi, i) => {
    const p = progress.kpis[i];
    if (p?.leftOut)
      out.push({ id: kpi.id, kind: 'kpi', reason: p.leftOut, issue: explain('kpis', kpi.row, p.leftOut) });
  });
  return out;
}
