/**
 * A grid of every cell type (numbers, text, decimals, booleans, dates) and formulas that read each row: what the
 * emulator test checks on 1,000 rows and `npm run bench -- emulator` times up to 20,000.
 */
export const sampleValues = (rows: number) =>
  Array.from({ length: rows }, (_, i) => [
    i + 1,
    `name ${i}`,
    (i % 7) * 1.5,
    i % 2 === 0,
    new Date(Date.UTC(2024, 0, 1 + (i % 365))),
  ]);

/** Three formulas per row over sampleValues' columns A–E. */
export const sampleFormulas = (rows: number) =>
  Array.from({ length: rows }, (_, i) => [
    `=A${i + 1}*C${i + 1}`,
    `=IF(D${i + 1}, "even", "odd")`,
    `=E${i + 1}+7`,
  ]);
