/**
 * The plan core, imported by the Apps Script add-on and the Node report alike. Pure TypeScript: no Node
 * modules, no Apps Script globals (test/purity.test.ts and the ESLint config enforce it).
 *
 * Pipeline: workbook cells → parsePlan → Plan → checkPlan / decompose / planProgress → views.
 */
export * from './calendar';
export * from './cells';
export * from './i18n';
export * from './template';
export * from './plan';
export * from './issues';
export * from './parse';
export * from './decompose';
export * from './progress';
export * from './check-ins';
export * from './checks';
export * from './figures';
export * from './targets-sheet';
export * from './example';
export * from './sheet-grid';
