import { describe, expect, it } from 'vitest';

import { fillMergedCells, type Grid } from '../shared/cells';

describe('fillMergedCells', () => {
  it('gives every cell of a merged block the value of its top-left cell', () => {
    const grid: Grid = [
      ['Objective', 'KR'],
      ['O1', 'KR1'],
      ['', 'KR2'],
      ['', 'KR3'],
      ['O2', 'KR4'],
    ];
    fillMergedCells(grid, [{ top: 2, left: 1, bottom: 4, right: 1 }]);
    expect(grid.map((row) => row[0])).toEqual(['Objective', 'O1', 'O1', 'O1', 'O2']);
  });

  it('extends short rows and leaves blocks with a blank top-left cell alone', () => {
    const grid: Grid = [['a'], [], ['']];
    fillMergedCells(grid, [
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 1, bottom: 3, right: 3 },
    ]);
    expect(grid).toEqual([['a', 'a'], ['a', 'a'], ['']]);
  });
});
