/**
 * The plan's cross-references resolved once, by position: which objective each key result belongs to, which key
 * result each KPI tracks, which owner (department) each row names. IDs and owners match case-insensitively
 * everywhere, so every stage used to lower and look up the same IDs again: the check-in screen, progress and the
 * checks each built their own maps of lower-case IDs (about 450,000 map operations per analysis at 10,000 key
 * results). They now read these arrays instead.
 *
 * A plan is read-only once parsed (no stage changes it), so its index is built on first use and kept with it
 * (`planIndex`); a plan made by hand, as tests do, gets one the same way.
 */
import type { Plan } from './plan';
import { normalizeHeader } from './template';

/**
 * What an owner or a department name is matched by, on every surface (the checks, progress's roll-ups, the report's
 * department pages): its spelling normalised as headers are, so "Sales" and "sales ", 銷售 and 销售 are one.
 */
export const ownerKey = (name: string): string => normalizeHeader(name);

export interface PlanIndex {
  /** Lower-case ID → position of the first key result, KPI or objective with it (the first one wins). */
  keyResultById: Map<string, number>;
  kpiById: Map<string, number>;
  objectiveById: Map<string, number>;
  /** The position of the first key result with plan.keyResults[i]'s ID (i itself unless the ID repeats). */
  keyResultFirst: Int32Array;
  /** The same for objectives and KPIs. */
  objectiveFirst: Int32Array;
  kpiFirst: Int32Array;
  /**
   * The position of the key result with plan.kpis[j]'s own ID, or -1. The Actuals tab cannot tell such a KPI's rows
   * from the key result's: they count for the key result, and the KPI is left out with an error (id-on-two-tabs).
   */
  keyResultNamedLikeKpi: Int32Array;
  /** The objective (first of its ID) plan.keyResults[i] belongs to, or -1 when none has its Objective ID. */
  objectiveOfKeyResult: Int32Array;
  /** The key result (first of its ID) plan.kpis[j] tracks, or -1 when none has its Key result ID. */
  keyResultOfKpi: Int32Array;
  /**
   * Owners: each name that a department, key result, KPI, objective or roadmap item names gets a number (names
   * matched by ownerKey), in that order of first appearance. A blank owner is -1. `ownerName` is each owner's
   * title: the Departments tab's spelling of a department it lists, otherwise the spelling used most.
   */
  ownerName: string[];
  /** ownerKey of a name → its owner number. */
  ownerByKey: Map<string, number>;
  /** Each spelling of an owner the plan's rows and departments use, as typed → its owner number. */
  ownerBySpelling: Map<string, number>;
  /** Owners numbered below this were named by a department, key result or KPI (progress judges those). */
  ownersOfMetrics: number;
  /** Whether owner g is a department's name (the Departments tab lists it). */
  ownerIsDepartment: Uint8Array;
  ownerOf: {
    departments: Int32Array;
    keyResults: Int32Array;
    kpis: Int32Array;
    objectives: Int32Array;
    roadmap: Int32Array;
  };
  /** Key results by objective: group o holds the key results whose objectiveOfKeyResult is o. */
  keyResultsOfObjective: Groups;
  /** Key results and KPIs by owner number. */
  keyResultsOfOwner: Groups;
  kpisOfOwner: Groups;
}

/**
 * Positions grouped by a number, in their order: group g's members are members[start[g]] .. members[start[g + 1] − 1].
 * Two typed arrays rather than an array per group: thousands of small groups, and nothing for the collector.
 */
export interface Groups {
  start: Int32Array;
  members: Int32Array;
}

/** Groups positions 0..of.length − 1 by of[i] (−1: in no group) into `count` groups, keeping their order. */
export function groupPositions(of: Int32Array, count: number): Groups {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < of.length; i++) if (of[i] >= 0) start[of[i] + 1]++;
  for (let g = 0; g < count; g++) start[g + 1] += start[g];
  const members = new Int32Array(start[count]);
  const next = start.slice(0, count);
  for (let i = 0; i < of.length; i++) if (of[i] >= 0) members[next[of[i]]++] = i;
  return { start, members };
}

/**
 * ID → first position, and each row's first position. `known`: the parser's map of the same rows, which have no
 * repeated ID (it keeps the first row of each), when it is that of these rows.
 */
function byId(
  rows: readonly { id: string }[],
  known: Map<string, number> | undefined,
): { map: Map<string, number>; first: Int32Array } {
  const first = new Int32Array(rows.length);
  if (known && known.size === rows.length) {
    for (let i = 0; i < rows.length; i++) first[i] = i;
    return { map: known, first };
  }
  const map = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const key = rows[i].id.toLowerCase();
    const known = map.get(key);
    if (known === undefined) {
      map.set(key, i);
      first[i] = i;
    } else first[i] = known;
  }
  return { map, first };
}

/** Position of the row a reference names (the first of its ID), or −1; a blank reference names none. */
function refer(map: Map<string, number>, ref: string): number {
  return ref ? (map.get(ref.toLowerCase()) ?? -1) : -1;
}

function buildIndex(plan: Plan, seed: Seed | undefined): PlanIndex {
  const keyResults = byId(plan.keyResults, seed?.keyResults);
  const kpis = byId(plan.kpis, seed?.kpis);
  const objectives = byId(plan.objectives, seed?.objectives);

  // Key results are listed under their objective, so most name the same objective as the row above: that one is
  // not looked up again.
  const objectiveOfKeyResult = new Int32Array(plan.keyResults.length);
  let previousRef = '';
  let previous = -1;
  for (let i = 0; i < plan.keyResults.length; i++) {
    const ref = plan.keyResults[i].objectiveId;
    if (i === 0 || ref !== previousRef) previous = refer(objectives.map, (previousRef = ref));
    objectiveOfKeyResult[i] = previous;
  }
  const keyResultOfKpi = new Int32Array(plan.kpis.length);
  const keyResultNamedLikeKpi = new Int32Array(plan.kpis.length);
  for (let j = 0; j < plan.kpis.length; j++)
    keyResultOfKpi[j] = refer(keyResults.map, plan.kpis[j].keyResultId);
  // The KPI map's keys are lower case already (and hashed): no ID is lowered again.
  kpis.map.forEach((j, key) => (keyResultNamedLikeKpi[j] = keyResults.map.get(key) ?? -1));
  for (let j = 0; j < plan.kpis.length; j++) keyResultNamedLikeKpi[j] = keyResultNamedLikeKpi[kpis.first[j]];

  // Owners: a plan names a few departments thousands of times, so each spelling is normalised once. Normalised as
  // headers are (case, width, spaces, Traditional and Simplified alike: shared/template.ts foldChinese): "Sales"
  // and "sales ", "Ｒ＆Ｄ" and "R&D", 銷售 and 销售 are one department, not two that split its key results between
  // them. Each spelling's uses are counted, for the owner's title (ownerName).
  const ownerNumber = new Map<string, number>();
  const spellingNumber = new Map<string, number>();
  const spellings: string[] = [];
  const ownerOfSpelling: number[] = [];
  const uses: number[] = [];
  /** Where each spelling first appears, as the tabs come in a workbook (Departments 0 … Roadmap 4): ties go first. */
  const firstTab: number[] = [];
  const ownerName: string[] = [];
  const number = (name: string, tab: number): number => {
    if (!name) return -1;
    let s = spellingNumber.get(name);
    if (s === undefined) {
      const key = ownerKey(name);
      let g = ownerNumber.get(key);
      if (g === undefined) {
        g = ownerName.length;
        ownerNumber.set(key, g);
        ownerName.push(name);
      }
      s = spellings.length;
      spellingNumber.set(name, s);
      spellings.push(name);
      ownerOfSpelling.push(g);
      uses.push(0);
      firstTab.push(tab);
    }
    uses[s]++;
    // The tabs are numbered here in another order than a workbook's (Key Results before Objectives): the
    // earliest tab over all the spelling's uses.
    if (tab < firstTab[s]) firstTab[s] = tab;
    return ownerOfSpelling[s];
  };
  const owners = (rows: readonly { owner: string }[], tab: number) => {
    const of = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) of[i] = number(rows[i].owner, tab);
    return of;
  };
  const departments = new Int32Array(plan.departments.length);
  for (let d = 0; d < plan.departments.length; d++) departments[d] = number(plan.departments[d].name, 0);
  const ofKeyResults = owners(plan.keyResults, 2);
  const ofKpis = owners(plan.kpis, 3);
  const ownersOfMetrics = ownerName.length;
  const ownerOf = {
    departments,
    keyResults: ofKeyResults,
    kpis: ofKpis,
    objectives: owners(plan.objectives, 1),
    roadmap: owners(plan.roadmap, 4),
  };
  const ownerIsDepartment = new Uint8Array(ownerName.length);
  for (let d = 0; d < departments.length; d++) if (departments[d] >= 0) ownerIsDepartment[departments[d]] = 1;
  // A department the Departments tab lists is titled as listed there. One it does not list is titled by the
  // spelling its rows use most, not the first seen: in a plan typed in Traditional characters, one 财务 typed
  // above twenty 財務 would otherwise title the department's page 财务. Of spellings used as often, the one met
  // first reading the tabs in order (Objectives before Key Results).
  const best = new Int32Array(ownerName.length).fill(-1);
  for (let s = 0; s < spellings.length; s++) {
    const g = ownerOfSpelling[s];
    const b = best[g];
    if (b < 0 || uses[s] > uses[b] || (uses[s] === uses[b] && firstTab[s] < firstTab[b])) best[g] = s;
  }
  for (let g = 0; g < ownerName.length; g++) if (!ownerIsDepartment[g]) ownerName[g] = spellings[best[g]];

  return {
    keyResultById: keyResults.map,
    kpiById: kpis.map,
    objectiveById: objectives.map,
    keyResultFirst: keyResults.first,
    objectiveFirst: objectives.first,
    kpiFirst: kpis.first,
    keyResultNamedLikeKpi,
    objectiveOfKeyResult,
    keyResultOfKpi,
    ownerName,
    ownerByKey: ownerNumber,
    ownerBySpelling: new Map(spellings.map((name, s) => [name, ownerOfSpelling[s]])),
    ownersOfMetrics,
    ownerIsDepartment,
    ownerOf,
    keyResultsOfObjective: groupPositions(objectiveOfKeyResult, plan.objectives.length),
    keyResultsOfOwner: groupPositions(ofKeyResults, ownerName.length),
    kpisOfOwner: groupPositions(ofKpis, ownerName.length),
  };
}

/**
 * A row's owner as the plan names it, wherever an owner is shown or written (the report's cards, KPIs, objectives
 * and roadmap, plan.json, the Targets tab's owner column): its department as the Departments tab spells it (an
 * owner typed 销售 where the tab says 銷售 is 銷售; "sales " is "Sales"), an owner the tab does not list by the
 * spelling the plan's rows use most (PlanIndex.ownerName). A blank owner is ''. The row's own `owner` stays as
 * typed (the checks and the change log name the cell as it is).
 *
 * `row`: a key result, KPI, objective or roadmap item of this plan. Its owner is matched as the index numbered it
 * (every spelling the plan uses is known as typed, so nothing is normalised again); a spelling the plan does not
 * use is matched by ownerKey, else shown as given.
 */
export function ownerNameOf(plan: Plan, row: { readonly owner: string }): string {
  const owner = row.owner;
  if (!owner) return '';
  const index = planIndex(plan);
  const g = index.ownerBySpelling.get(owner) ?? index.ownerByKey.get(ownerKey(owner));
  return g === undefined ? owner : index.ownerName[g];
}

/*
 * References as the rows they name spell their IDs, wherever one is shown or written (plan.json, the report's
 * cards, roadmap and tables): IDs match case-insensitively and trimmed, so a key result's Objective typed "o1" names
 * O1, and is written O1, for a reader joining on IDs to find it. A reference that names no row is kept as the plan
 * holds it (trimmed; its unknown-… issue names it); a blank one is ''. The row's own field stays as typed (the
 * checks quote the cell as it is).
 */

/** The ID of the objective plan.keyResults[i] belongs to (its Objective cell). */
export function objectiveIdOf(plan: Plan, i: number): string {
  const o = planIndex(plan).objectiveOfKeyResult[i];
  return o >= 0 ? plan.objectives[o].id : plan.keyResults[i].objectiveId;
}

/** The ID of the key result plan.kpis[j] tracks (its Key result cell). */
export function trackedKeyResultIdOf(plan: Plan, j: number): string {
  const k = planIndex(plan).keyResultOfKpi[j];
  return k >= 0 ? plan.keyResults[k].id : plan.kpis[j].keyResultId;
}

/** A key result's ID as a reference names it (a roadmap item's Key results): the key result's own, else as given. */
export function keyResultIdNamed(plan: Plan, ref: string): string {
  const k = ref ? planIndex(plan).keyResultById.get(ref.toLowerCase()) : undefined;
  return k === undefined ? ref : plan.keyResults[k].id;
}

/** An objective's Parent: the objective it names, else the key result (a cascade from a key result), else as typed. */
export function parentIdOf(plan: Plan, objective: { readonly parent: string }): string {
  const ref = objective.parent;
  if (!ref) return '';
  const index = planIndex(plan);
  const o = index.objectiveById.get(ref.toLowerCase());
  if (o !== undefined) return plan.objectives[o].id;
  return keyResultIdNamed(plan, ref);
}

/** The key results', KPIs' and objectives' positions by lower-case ID, as the parser found them. */
interface Seed {
  keyResults: Map<string, number>;
  kpis: Map<string, number>;
  objectives: Map<string, number>;
}

// One index per plan object, dropped with the plan; and what the parser hands over until the index is built.
const INDEXES = new WeakMap<Plan, PlanIndex>();
const SEEDS = new WeakMap<Plan, Seed>();

/** The parser's maps of IDs (it made them to find repeated IDs), for the index to start from. */
export function seedPlanIndex(plan: Plan, seed: Seed): void {
  SEEDS.set(plan, seed);
}

/** The plan's index, built on first use (see the top of this file). */
export function planIndex(plan: Plan): PlanIndex {
  let index = INDEXES.get(plan);
  if (!index) {
    INDEXES.set(plan, (index = buildIndex(plan, SEEDS.get(plan))));
    SEEDS.delete(plan);
  }
  return index;
}
