/**
 * The add-on's server functions: the bundle's public surface (esbuild exposes this module as the global
 * `GtmPyramid`). Apps Script only sees top-level function declarations, so every export here has a hand-written
 * wrapper in apps-script/entry.js (menu callbacks, triggers, google.script.run targets, custom functions), and
 * the build fails when the two lists differ. To add a server function: export it here, add its wrapper there.
 */

// Simple triggers.
export { onOpen, onInstall } from './menu';
export { onEdit } from './change-log';

// Menu callbacks.
export { insertTemplates } from './templates';
export { insertExamplePlan } from './example-plan';
export { decomposeTargets } from './decompose-targets';
export { showCheckSidebar } from './sidebar';
export { showHelp } from './help';

// Custom functions.
export { GTM_TARGET, GTM_STATUS } from './custom-functions';

// The "Check plan" sidebar's google.script.run targets.
export { getPlanCheck, goToCell } from './plan-check';
export { applyQuickFix } from './quick-fix';
