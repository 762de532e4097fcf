/**
 * Stage 5 of the report: the view (plain objects) → HTML pages, with Handlebars in an isolated environment.
 *
 * - `Handlebars.create()`, `strict: true` (a misspelt field throws instead of printing nothing);
 * - every value is escaped; `{{{ }}}` is used only for the stylesheet and for SVG the chart renderer produced;
 * - the Content-Security-Policy meta tag comes first in <head>: nothing may load or run; the one inline
 *   <style> is allowed by its SHA-256 hash, and no template carries a style attribute.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Handlebars from 'handlebars';

import { closeBidiDeep, hasBidiControls } from '../../shared/bidi';
import type { CompanyPage, DepartmentPage, IssuesPage, ReportView } from '../view-model';
import { TEMPLATES_DIR as TEMPLATES } from '../package-info';
import {
  CATEGORY_COLORS,
  DARK_CHART_TEXT,
  DARK_STATUS_COLORS,
  LABEL_HALO,
  MILESTONE_HALO,
  STATUS_COLORS,
  type Status,
} from './palette';
import { compileTemplates } from './templates';

export interface RenderedPage {
  file: string;
  html: string;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Text colour on a status colour: white or near-black, whichever reads better. */
export function inkOn(hex: string): string {
  const l = luminance(hex);
  return contrast(l, 1) >= contrast(l, luminance('#111111')) ? '#ffffff' : '#111111';
}

/**
 * Comments and layout whitespace out of the CSS: it is inlined into every page (one per department in a large
 * plan). Only spaces next to { } ; : , are removed; spaces inside values stay.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/([{;])\s*([a-z-]+)\s*:\s*/g, '$1$2:')
    .replace(/;}/g, '}')
    .trim();
}

/** `--status-*` and the ink on each, for one set of status colours. */
function statusVars(colors: Readonly<Record<Status, string>>): string {
  return (Object.entries(colors) as [Status, string][])
    .map(([status, color]) => `--status-${status}:${color};--status-${status}-ink:${inkOn(color)};`)
    .join('');
}

/**
 * The stylesheet: status colours from the palette, then report.css, then the dark screen's colours. There the
 * charts' marks follow the page as the HTML does: a roadmap diamond or the as-of rule drawn in a light status
 * colour takes its dark one (a CSS fill wins over the SVG attribute), and a diamond's outline the page's colour.
 */
export function stylesheet(): string {
  const categories = CATEGORY_COLORS.map((color, i) => `--cat-${i}:${color};`).join('');
  const darkText = Object.entries(DARK_CHART_TEXT)
    .map(([light, dark]) => `svg.chart text[fill="${light}"]{fill:${dark}}`)
    .join('');
  const darkMarks = (Object.entries(STATUS_COLORS) as [Status, string][])
    .map(
      ([status, light]) =>
        `svg.chart .mark-symbol.role-mark path[fill="${light}"]{fill:${DARK_STATUS_COLORS[status]}}` +
        `svg.chart .mark-rule.role-mark line[stroke="${light}"]{stroke:${DARK_STATUS_COLORS[status]}}` +
        // A roadmap bar's dashed outline (an item delayed, on hold, blocked).
        `svg.chart .mark-rect.role-mark path[stroke="${light}"]{stroke:${DARK_STATUS_COLORS[status]}}`,
    )
    .join('');
  const halo =
    `svg.chart .mark-symbol.role-mark path[stroke="${MILESTONE_HALO}"]{stroke:var(--surface)}` +
    `svg.chart .mark-text.role-mark text[stroke="${LABEL_HALO}"]{stroke:var(--surface)}`;
  return minifyCss(
    `:root{${statusVars(STATUS_COLORS)}${categories}}\n${readFileSync(join(TEMPLATES, 'report.css'), 'utf8')}\n` +
      `@media screen and (prefers-color-scheme: dark){:root{${statusVars(DARK_STATUS_COLORS)}}` +
      `${darkText}${darkMarks}${halo}}`,
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The page policy: nothing loads, nothing runs; styles only from the hashed <style>; images only data:. */
export function contentSecurityPolicy(css: string): string {
  return `default-src 'none'; style-src 'sha256-${sha256(css)}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * `{{keepWhole text parts}}`: the text, escaped, with each of `parts` in it (a day, a month) in a span the stylesheet
 * keeps on one line (`.nowrap`): a line may break around a date, never inside it, in any language.
 */
export function keepWhole(hbs: typeof Handlebars) {
  // One pattern per list of parts, made once: a card's facts all pass its one list of dates (at 1,000 key results
  // a pattern per fact was some 16,000 regular expressions compiled per report).
  const patterns = new WeakMap<readonly string[], RegExp | null>();
  const patternOf = (parts: readonly string[]): RegExp | null => {
    let pattern = patterns.get(parts);
    if (pattern === undefined) {
      const whole = [...new Set(parts.filter(Boolean).map((p) => hbs.escapeExpression(p)))]
        .sort((a, b) => b.length - a.length)
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      pattern = whole.length ? new RegExp(whole.join('|'), 'g') : null;
      patterns.set(parts, pattern);
    }
    return pattern;
  };
  return (text: string, parts: readonly string[]): Handlebars.SafeString => {
    const escaped = hbs.escapeExpression(text);
    const pattern = patternOf(parts);
    if (!pattern) return new hbs.SafeString(escaped);
    return new hbs.SafeString(escaped.replace(pattern, (part) => `<span class="nowrap">${part}</span>`));
  };
}

let compiled: { page: Handlebars.TemplateDelegate; css: string; csp: string } | null = null;

function templates() {
  if (!compiled) {
    const hbs = Handlebars.create();
    hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hbs.registerHelper('keepWhole', keepWhole(hbs));
    const { page, partials } = compileTemplates(hbs);
    for (const [name, partial] of Object.entries(partials)) hbs.registerPartial(name, partial);
    const css = stylesheet();
    compiled = { page, css, csp: contentSecurityPolicy(css) };
  }
  return compiled;
}

export function renderPage(page: CompanyPage | DepartmentPage | IssuesPage): string {
  const { page: template, css, csp } = templates();
  const html = template({ page, css, csp });
  // Cell text acts only inside its own element: a direction override typed in a cell is closed (shared/bidi.ts).
  // Nearly no page holds one, and one scan of the page finds out; walking every string of the view for it cost
  // 70-150 ms at 2,000 key results.
  return hasBidiControls(html) ? template({ page: closeBidiDeep(page), css, csp }) : html;
}

/** Every page of the report: index.html, then the department pages and issues.html when the plan needs them. */
export function pagesOf(view: ReportView): (CompanyPage | DepartmentPage | IssuesPage)[] {
  return [view.company, ...view.departments, ...(view.issuesPage ? [view.issuesPage] : [])];
}

/** Every page of the report, drawn. */
export function renderPages(view: ReportView): RenderedPage[] {
  return pagesOf(view).map((page) => ({ file: page.file, html: renderPage(page) }));
}
