/* eslint-disable @typescript-eslint/no-unused-vars -- Apps Script calls these top-level functions by name. */
/*
 * Top-level wrappers: the functions Apps Script can see (menu items, triggers, google.script.run, custom
 * functions). Each one delegates to the bundle above it (the global GtmPyramid, built from
 * apps-script/server/index.ts). The build checks that this list and the bundle's exports are the same set.
 * To add a server function: export it from apps-script/server/index.ts and add its wrapper here.
 */

// ---------------------------------------------------------------------------------------------------
// Simple triggers

/**
 * Builds the add-on menu (Extensions → GTM Pyramid). Runs in AuthMode.NONE before the add-on is enabled in
 * the document: then only the menu is built.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
function onOpen(e) {
  return GtmPyramid.onOpen(e);
}

/**
 * Runs when the add-on is installed from inside the editor: builds the menu.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
function onInstall(e) {
  return GtmPyramid.onInstall(e);
}

/**
 * Logs changes of a key result's or KPI's Target, Baseline, Due or Owner to the Changes tab.
 * @param {GoogleAppsScript.Events.SheetsOnEdit} e The edit event.
 */
function onEdit(e) {
  return GtmPyramid.onEdit(e);
}

// ---------------------------------------------------------------------------------------------------
// Menu items (they run in AuthMode.FULL and may also be called through google.script.run)

/**
 * Adds the plan tabs and columns that are missing, with notes, drop-downs and formats. Never changes a cell
 * that holds data.
 * @return {{ok: boolean, message: string, details: Object}} What was added.
 */
function insertTemplates() {
  return GtmPyramid.insertTemplates();
}

/**
 * Fills an empty spreadsheet with the example plan, then decomposes its targets. Refuses when plan tabs
 * already hold data.
 * @return {{ok: boolean, message: string, details: Object}} What was written, or why not.
 */
function insertExamplePlan() {
  return GtmPyramid.insertExamplePlan();
}

/**
 * Rebuilds the Targets tab: one row per key result and KPI, one formula per month, keeping custom weights.
 * @return {{ok: boolean, message: string, details: Object}} What was built, or what is missing.
 */
function decomposeTargets() {
  return GtmPyramid.decomposeTargets();
}

/** Opens the "Check plan" sidebar. */
function showCheckSidebar() {
  return GtmPyramid.showCheckSidebar();
}

/**
 * Shows what each menu item does.
 * @return {{ok: boolean, message: string}} The help text.
 */
function showHelp() {
  return GtmPyramid.showHelp();
}

// ---------------------------------------------------------------------------------------------------
// Custom functions

/**
 * The target of one month for a key result, split the way the Targets tab splits it. Ranges give ranges.
 *
 * @param {number} target The value to reach by the due date, e.g. 50000 or 20%.
 * @param {date} start The first month of work.
 * @param {date} due The due date.
 * @param {date} month Any day of the month wanted, or a row of months.
 * @param {string} type cumulative, level, threshold or milestone (累计、水平、阈值、里程碑；累計、水準、閾值、里程碑).
 * @param {string} phasing Optional: even (default), ramp-up or front-loaded.
 * @param {number} baseline Optional: where the metric starts (default 0).
 * @param {number} decimals Optional: decimal places of the result (default: whole numbers for whole counts).
 * @return The target for that month.
 * @customfunction
 */
function GTM_TARGET(target, start, due, month, type, phasing, baseline, decimals) {
  return GtmPyramid.GTM_TARGET(target, start, due, month, type, phasing, baseline, decimals);
}

/**
 * The status the Targets tab would show: done, on track, at risk, off track or not started.
 *
 * @param {number} actual Where the metric stands now (the sum to date for a cumulative metric).
 * @param {number} expected Where it should stand by now.
 * @param {number} baseline Optional: where it started (default 0).
 * @param {number} target The value to reach.
 * @param {string} direction Optional: increase (default) or decrease (lower is better).
 * @return The status.
 * @customfunction
 */
function GTM_STATUS(actual, expected, baseline, target, direction) {
  return GtmPyramid.GTM_STATUS(actual, expected, baseline, target, direction);
}

// ---------------------------------------------------------------------------------------------------
// The "Check plan" sidebar (google.script.run targets; they run in AuthMode.FULL)

/**
 * Checks the whole plan as of today in the spreadsheet's time zone: the summary (errors, warnings, tips;
 * objectives on track, at risk, off track) and the issues grouped by tab, each with its cell and quick fix.
 * @param {string=} lang 'en' or 'zh-CN'; the user's language when omitted.
 * @return {Object} Plain JSON (dates as ISO strings).
 */
function getPlanCheck(lang) {
  return GtmPyramid.getPlanCheck(lang);
}

/**
 * Switches to a tab and selects one cell, for the sidebar's "Go to cell" buttons. With the issue, only if a fresh
 * check still finds that issue at that cell; otherwise stale is true and nothing is selected.
 * @param {string} sheetName The tab's name.
 * @param {string} a1 One cell, e.g. B7.
 * @param {string=} lang 'en' or 'zh-CN' for the message.
 * @param {{code: string, message: string}=} issue The issue, as getPlanCheck listed it.
 * @return {{ok: boolean, stale: boolean, message: string, sheet: ?string, a1: ?string}} What was selected, or why not.
 */
function goToCell(sheetName, a1, lang, issue) {
  return GtmPyramid.goToCell(sheetName, a1, lang, issue);
}

/**
 * Applies the quick fix of one issue listed by getPlanCheck, under the document lock: fills a missing ID, adds
 * a missing department, or rebuilds the Targets tab. Acts only if the issue is still in the plan.
 * @param {{code: string, sheet: string, a1: string}} request The issue, as getPlanCheck listed it.
 * @param {string=} lang 'en' or 'zh-CN' for the message.
 * @return {{ok: boolean, message: string, changed: string[]}} What was changed (Sheet!A1 per cell or range).
 */
function applyQuickFix(request, lang) {
  return GtmPyramid.applyQuickFix(request, lang);
}
