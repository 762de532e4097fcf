/**
 * Range dependencies without a walk of the whole range per formula, for the emulator's HyperFormula.
 *
 * When HyperFormula stores a formula, it links every range the formula reads to a range vertex of its
 * dependency graph, and links every cell of the range to that vertex. It does the second part for every
 * formula again, even when another formula already created the vertex and linked its cells (the links are
 * deduplicated, the walk is not). The Targets tab reads three whole Actuals columns in two criteria functions per
 * key result: at 1,000 key results that is ~1,900 formulas × 7 ranges × ~12,700 Actuals rows, about 165 million
 * cell links tested, which was 19 s of a 28 s Decompose (`npm run bench -- addon`; profile with
 * `node --cpu-prof --import tsx`).
 *
 * This keeps HyperFormula's own dependency code and only skips a walk that cannot add anything: the range's
 * vertex already exists, was walked by HyperFormula, and nothing in the range's sheet has changed since (no cell
 * vertex set or removed on that sheet, no rows, columns, sheets or arrays added, moved or removed anywhere).
 * Any such change makes the next formula that reads the range walk it again, as HyperFormula always does. The
 * formula is still linked to the range vertex, so the graph, the recalculation and the values are HyperFormula's.
 * (HyperFormula itself keeps a live range's cells linked through those changes, as its existing formulas need;
 * the version check only makes sure that a skipped walk is one HyperFormula's own code would find nothing to do
 * in. test/emulator-range-dependencies.test.ts compares with an unchanged HyperFormula after each kind of change.)
 */
import type { HyperFormula } from 'hyperformula';

type Method = (...args: unknown[]) => unknown;
type Patchable = Record<string, unknown>;

interface RangeLike {
  start: { sheet: number };
  end: unknown;
  isFinite(): boolean;
}

interface RangeVertexLike {
  idInGraph?: number;
}

interface GraphLike {
  addNodeIfNotExists(node: unknown): void;
  markNodeAsInfiniteRange(id: number): void;
  addEdge(from: unknown, to: unknown): void;
}

interface DependencyGraphLike {
  graph: GraphLike;
  addressMapping: Patchable;
  rangeMapping: Patchable;
  arrayMapping: Patchable;
  getRange(start: unknown, end: unknown): RangeVertexLike | undefined;
  processCellDependencies(dependencies: unknown[], endVertex: { idInGraph?: number }): void;
}

/** Address-mapping calls that set or remove one cell's vertex: they change only that cell's sheet. */
const CELL_CHANGES = ['setCell', 'removeCell'];
/** Calls that change the layout of sheets, ranges or arrays: they may change any sheet. */
const LAYOUT_CHANGES: [keyof DependencyGraphLike, string[]][] = [
  [
    'addressMapping',
    [
      'moveCell',
      'addRows',
      'removeRows',
      'addColumns',
      'removeColumns',
      'addSheetWithStrategy',
      'addSheetOrChangeStrategy',
      'moveStrategyContent',
      'addSheetAndSetStrategyBasedOnBoundaries',
      'removeSheetIfExists',
    ],
  ],
  [
    'rangeMapping',
    [
      'removeVertexIfExists',
      'truncateRanges',
      'moveAllRangesInSheetAfterAddingRows',
      'moveAllRangesInSheetAfterAddingColumns',
      'moveRangesInsideSourceRange',
      'removeByKey',
      'updateVerticesFromSheet',
    ],
  ],
  [
    'arrayMapping',
    [
      'setArray',
      'removeArray',
      'moveArrayVerticesAfterRowByRows',
      'moveArrayVerticesAfterColumnByColumns',
      'updateArrayVerticesInSheet',
    ],
  ],
];

const isRange = (dependency: unknown): dependency is RangeLike =>
  typeof dependency === 'object' &&
  dependency !== null &&
  'start' in dependency &&
  'end' in dependency &&
  typeof (dependency as { addresses?: unknown }).addresses === 'function';

/** Makes this HyperFormula link an already linked range to a new formula without walking the range again. */
export function installRangeDependencies(hf: HyperFormula): void {
  const dependencyGraph = (hf as unknown as { dependencyGraph: DependencyGraphLike }).dependencyGraph;
  const original = dependencyGraph.processCellDependencies;
  if (typeof original !== 'function' || !dependencyGraph.graph || !dependencyGraph.addressMapping) return;

  // A version per sheet: cell vertices set or removed there. A layout version for everything else.
  const sheetVersions = new Map<number, number>();
  let layoutVersion = 0;
  const versionOf = (sheet: number) => `${layoutVersion}:${sheetVersions.get(sheet) ?? 0}`;
  const wrap = (target: Patchable, name: string, after: (args: unknown[]) => void) => {
    const method = target[name];
    if (typeof method !== 'function') return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      try {
        return (method as Method).apply(this, args);
      } finally {
        after(args);
      }
    };
  };
  for (const name of CELL_CHANGES)
    wrap(dependencyGraph.addressMapping, name, ([address]) => {
      const sheet = (address as { sheet?: number } | undefined)?.sheet;
      if (typeof sheet === 'number') sheetVersions.set(sheet, (sheetVersions.get(sheet) ?? 0) + 1);
      else layoutVersion++;
    });
  // Called for every sheet a formula names, while parsing: a change only when the sheet was not there.
  const addressMapping = dependencyGraph.addressMapping as Patchable & { mapping?: Map<number, unknown> };
  const placeholder = addressMapping.addSheetStrategyPlaceholderIfNotExists;
  if (typeof placeholder === 'function')
    addressMapping.addSheetStrategyPlaceholderIfNotExists = function (this: unknown, sheet: number) {
      if (!addressMapping.mapping?.has(sheet)) layoutVersion++;
      return (placeholder as Method).call(this, sheet);
    };
  for (const [mapping, names] of LAYOUT_CHANGES)
    for (const name of names)
      wrap(dependencyGraph[mapping] as Patchable, name, () => {
        layoutVersion++;
      });

  /** The version of its sheet each range vertex had right after HyperFormula last walked it. */
  const walked = new WeakMap<object, string>();
  dependencyGraph.processCellDependencies = function (this: DependencyGraphLike, dependencies, endVertex) {
    const endId = endVertex.idInGraph;
    for (const dependency of dependencies) {
      const vertex = isRange(dependency) ? this.getRange(dependency.start, dependency.end) : undefined;
      if (
        isRange(dependency) &&
        vertex?.idInGraph !== undefined &&
        endId !== undefined &&
        walked.get(vertex) === versionOf(dependency.start.sheet)
      ) {
        // What HyperFormula does for a range whose cells are all linked already: only the formula's own link.
        if (!dependency.isFinite()) this.graph.markNodeAsInfiniteRange(vertex.idInGraph);
        this.graph.addEdge(vertex.idInGraph, endId);
        continue;
      }
      original.call(this, [dependency], endVertex);
      if (isRange(dependency)) {
        const linked = this.getRange(dependency.start, dependency.end);
        if (linked) walked.set(linked, versionOf(dependency.start.sheet));
      }
    }
  };
}
