/**
 * Faster SUMIFS / COUNTIFS / MAXIFS / MINIFS for the emulator's HyperFormula, with exactly its results.
 *
 * HyperFormula evaluates a criteria function by walking every row of its ranges (about 3.5 µs a row): the
 * Targets tab's to-date columns, one or two such functions per key result over the whole Actuals tab, took
 * minutes at 1,000 key results, where Sheets takes moments. This plugin keeps HyperFormula's own criteria
 * (its criterion builder, lambdas, coercions and reduce functions) and only skips rows that cannot match: when
 * the first criterion is plain text equality (a metric ID such as "KR12": no operator, no wildcard, not a
 * number), rows are looked up in an index of the first condition range by its normalised text, then every
 * criterion is applied to those rows as HyperFormula would. The index lives in HyperFormula's cache of that
 * range, which HyperFormula clears whenever a cell of the range changes. Anything else goes to HyperFormula.
 */
import { HyperFormula } from 'hyperformula';

/** HyperFormula's text comparison without case or accent sensitivity (its defaults), as a map key. */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** A criterion that only equal text can meet: "KR12", not "<5", "5", "KR*", "TRUE" or a date. */
const PLAIN_TEXT = /^[A-Za-z\u00C0-\uFFFF_][^*?~]*$/;
const INDEX_KEY = 'gtm-emulator-text-index';

interface RangeLike {
  range?: { start: { sheet: number; row: number; col: number }; end: { row: number; col: number } };
  iterateValuesFromTopLeftCorner(): Iterable<unknown>;
  sameDimensionsAs(other: unknown): boolean;
  width(): number;
  height(): number;
}

type Criterion = { raw: unknown; lambda: (value: unknown) => boolean };

let installed = false;

/** Replaces HyperFormula's conditional aggregation functions, once per process (the registry is global). */
export function installIndexedCriteria(): void {
  if (installed) return;
  installed = true;
  const Base = HyperFormula.getFunctionPlugin('SUMIFS') as unknown as new (...args: unknown[]) => object;
  if (!Base) return;
  const baseCompute = (Base.prototype as Record<string, unknown>).computeConditionalAggregationFunction as (
    ...args: unknown[]
  ) => unknown;

  class IndexedConditionalAggregationPlugin extends Base {
    computeConditionalAggregationFunction(
      valuesRange: RangeLike,
      conditionArgs: unknown[],
      functionName: string,
      reduceInitialValue: unknown,
      composeFunction: (left: unknown, right: unknown) => unknown,
      mapFunction: (value: unknown) => unknown,
    ): unknown {
      const fallback = () =>
        baseCompute.call(
          this,
          valuesRange,
          conditionArgs,
          functionName,
          reduceInitialValue,
          composeFunction,
          mapFunction,
        );
      const self = this as unknown as {
        interpreter: {
          criterionBuilder: { fromCellValue(raw: unknown, helper: unknown): Criterion | undefined };
        };
        arithmeticHelper: unknown;
        dependencyGraph: {
          getRange(start: unknown, end: unknown): RangeVertexLike | undefined;
          getScalarValue(address: { sheet: number; row: number; col: number }): unknown;
        };
      };
      const first = conditionArgs[0] as RangeLike | undefined;
      const wanted = conditionArgs[1];
      if (
        !first?.range ||
        !valuesRange?.range ||
        typeof wanted !== 'string' ||
        !PLAIN_TEXT.test(wanted) ||
        /^(true|false)$/i.test(wanted) ||
        first.width() !== 1 ||
        valuesRange.width() !== 1
      )
        return fallback();
      const ranges: RangeLike[] = [];
      const criteria: Criterion[] = [];
      for (let i = 0; i < conditionArgs.length; i += 2) {
        const range = conditionArgs[i] as RangeLike;
        if (!range?.range || range.width() !== 1 || !range.sameDimensionsAs(valuesRange)) return fallback();
        const criterion = self.interpreter.criterionBuilder.fromCellValue(
          conditionArgs[i + 1],
          self.arithmeticHelper,
        );
        if (!criterion) return fallback();
        ranges.push(range);
        criteria.push(criterion);
      }
      const vertex = self.dependencyGraph.getRange(first.range.start, first.range.end);
      if (!vertex) return fallback();
      let index = vertex.getCriterionFunctionValues(INDEX_KEY).get('') as Map<string, number[]> | undefined;
      if (!index) {
        index = new Map();
        let offset = 0;
        for (const raw of first.iterateValuesFromTopLeftCorner()) {
          const value =
            typeof raw === 'object' && raw !== null && 'val' in raw ? (raw as { val: unknown }).val : raw;
          if (typeof value === 'string') {
            const key = normalise(value);
            const rows = index.get(key);
            if (rows) rows.push(offset);
            else index.set(key, [offset]);
          }
          offset++;
        }
        vertex.setCriterionFunctionValues(INDEX_KEY, new Map([['', index]]));
      }
      const rows = index.get(normalise(wanted)) ?? [];
      const raw = (range: RangeLike, offset: number) => {
        const start = range.range!.start;
        const value = self.dependencyGraph.getScalarValue({
          sheet: start.sheet,
          row: start.row + offset,
          col: start.col,
        });
        return typeof value === 'object' && value !== null && 'val' in value
          ? (value as { val: unknown }).val
          : value;
      };
      let acc = reduceInitialValue;
      for (const offset of rows) {
        if (criteria.every((c, i) => c.lambda(raw(ranges[i], offset)))) {
          const start = valuesRange.range.start;
          acc = composeFunction(
            acc,
            mapFunction(
              self.dependencyGraph.getScalarValue({
                sheet: start.sheet,
                row: start.row + offset,
                col: start.col,
              }),
            ),
          );
        }
      }
      return acc;
    }
  }
  interface RangeVertexLike {
    getCriterionFunctionValues(key: string): Map<string, unknown>;
    setCriterionFunctionValues(key: string, values: Map<string, unknown>): void;
  }
  // HyperFormula looks the methods up on the plugin's own prototype.
  const implemented = (Base as unknown as { implementedFunctions: Record<string, { method: string }> })
    .implementedFunctions;
  const own = IndexedConditionalAggregationPlugin.prototype as unknown as Record<string, unknown>;
  for (const { method } of Object.values(implemented))
    own[method] = (Base.prototype as Record<string, unknown>)[method];
  for (const name of ['SUMIFS', 'COUNTIFS', 'MAXIFS', 'MINIFS']) {
    HyperFormula.unregisterFunction(name);
    HyperFormula.registerFunction(name, IndexedConditionalAggregationPlugin as never);
  }
}
