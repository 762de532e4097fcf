/**
 * Stage 3 of the report: the plan, its issues and its progress → plain objects the templates only place.
 * Every number is formatted here (per language, with Intl), every status carries its label, shape and colour
 * class, every link and id is made safe here. Raw numbers stay only in the `chart` data the chart stage reads.
 *
 * A large plan (more than LARGE_PLAN_KEY_RESULTS key results) is summarised on the company page, and each
 * department gets its own page with its key result cards; per-KR charts are drawn only up to CHART_LIMIT.
 *
 * The view is built section by section in report/view/: types.ts (the view's shapes and limits), context.ts
 * (the plan indexed once, shared helpers), kr-card.ts, pyramid.ts, roadmap.ts, departments.ts, issues.ts and
 * pages.ts (which assembles them). This module is the entry point the rest of the report imports.
 */
export * from './view/types';
export { safeHref, safeId, statusView } from './view/context';
export { buildReportView } from './view/pages';
