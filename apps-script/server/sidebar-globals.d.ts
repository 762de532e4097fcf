/**
 * The Apps Script methods the "Check plan" sidebar's server functions use beyond apps-script-globals.d.ts
 * (declaration merging adds them to the same GAS interfaces). Sheet.activate, Range.activate and the A1 form of
 * Sheet.getRange are from developers.google.com/apps-script/reference/spreadsheet/sheet and …/range (facts #15,
 * #17); Range.setValue writes one cell (facts #9).
 */
declare namespace GAS {
  interface Sheet {
    activate(): Sheet;
    getRange(a1Notation: string): Range;
  }

  interface Range {
    activate(): Range;
    setValue(value: string | number | boolean | Date): Range;
  }
}
