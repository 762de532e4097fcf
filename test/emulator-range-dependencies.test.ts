/**
 * The emulator's HyperFormula links a range that another formula already linked without walking it again
 * (emulator/range-dependencies.ts). It must give exactly HyperFormula's values, after every kind of change a
 * range can see: cells edited, rows appended past the sheet's end, rows inserted and removed inside it, a sheet
 * cleared and refilled, a spilled array written into it. Each step runs on a HyperFormula with the change and
 * on one without it, and every value of every sheet must be equal.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { installRangeDependencies } from '../emulator/range-dependencies';

const build = (linked: boolean) => {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  if (linked) installRangeDependencies(hf);
  hf.addSheet('Data');
  hf.addSheet('Calc');
  return hf;
};

/** Formulas that read whole columns and bounded ranges of Data, from row `row` of Calc. */
const formulas = (keys: string[]): RawCellContent[][] =>
  keys.map((key) => [
    `=SUMIFS(Data!$B:$B,Data!$A:$A,"${key}")`,
    `=COUNTIFS(Data!$A:$A,"${key}",Data!$B:$B,">2")`,
    '=SUM(Data!$B$1:$B$30)',
    '=SUM(Data!$B$1:$B$31)',
    '=COUNT(Data!$B$5:$C$40)',
    '=SUM(Data!$E:$E)',
  ]);

const data = (rows: number, offset = 0): RawCellContent[][] =>
  Array.from({ length: rows }, (_, i) => [`K${(i + offset) % 4}`, i + offset, (i * 7) % 5]);

describe('range dependencies linked once (emulator)', () => {
  it('give HyperFormula’s own values after every change to the ranges the formulas read', () => {
    const plain = build(false);
    const linked = build(true);
    const [DATA, CALC] = [0, 1];
    const steps: [string, (hf: HyperFormula) => void][] = [
      [
        'data, then formulas',
        (hf) => {
          hf.setCellContents({ sheet: DATA, row: 0, col: 0 }, data(20));
          hf.setCellContents({ sheet: CALC, row: 0, col: 0 }, formulas(['K0', 'K1']));
        },
      ],
      [
        'more formulas on the same ranges',
        (hf) => {
          hf.setCellContents({ sheet: CALC, row: 2, col: 0 }, formulas(['K2', 'K3', 'K0']));
        },
      ],
      [
        'cells edited inside the ranges',
        (hf) => {
          hf.setCellContents({ sheet: DATA, row: 3, col: 0 }, [['K1', 100]]);
          hf.setCellContents({ sheet: DATA, row: 29, col: 1 }, [[1000]]);
        },
      ],
      [
        'rows appended past the end, then formulas',
        (hf) => {
          hf.setCellContents({ sheet: DATA, row: 20, col: 0 }, data(25, 20));
          hf.setCellContents({ sheet: CALC, row: 5, col: 0 }, formulas(['K1', 'K2']));
        },
      ],
      [
        'rows inserted inside the ranges and filled, then formulas',
        (hf) => {
          hf.addRows(DATA, [10, 3]);
          hf.setCellContents({ sheet: DATA, row: 10, col: 0 }, data(3, 90));
          hf.setCellContents({ sheet: CALC, row: 7, col: 0 }, formulas(['K3']));
        },
      ],
      [
        'rows removed inside the ranges, then formulas',
        (hf) => {
          hf.removeRows(DATA, [2, 4]);
          hf.setCellContents({ sheet: CALC, row: 8, col: 0 }, formulas(['K0']));
          hf.setCellContents({ sheet: DATA, row: 2, col: 1 }, [[55]]);
        },
      ],
      [
        'a spilled array in a column the formulas read',
        (hf) => {
          hf.setCellContents({ sheet: DATA, row: 0, col: 4 }, [['=TRANSPOSE({1,2,3})']]);
          hf.setCellContents({ sheet: CALC, row: 9, col: 0 }, formulas(['K2']));
        },
      ],
      [
        'the sheet cleared and refilled, then formulas',
        (hf) => {
          hf.clearSheet(DATA);
          hf.setCellContents({ sheet: DATA, row: 0, col: 0 }, data(35, 3));
          hf.setCellContents({ sheet: CALC, row: 10, col: 0 }, formulas(['K1']));
          hf.setCellContents({ sheet: DATA, row: 33, col: 1 }, [[-40]]);
        },
      ],
    ];
    let previous: unknown;
    for (const [step, change] of steps) {
      change(plain);
      change(linked);
      const expected = plain.getAllSheetsValues();
      expect(linked.getAllSheetsValues(), step).toEqual(expected);
      // Every step changes what the formulas read: the comparison is never between two unchanged sheets.
      expect(expected, step).not.toEqual(previous);
      previous = expected;
    }
  });
});
