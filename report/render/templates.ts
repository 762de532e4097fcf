/**
 * The report's Handlebars templates (report/templates/*.hbs): page.hbs and its partials, compiled into a
 * Handlebars environment with `strict: true` (a misspelt field throws instead of printing nothing).
 *
 * Run from the sources (tsx, vitest), they are read and compiled here. The installed command has them
 * precompiled: `npm run build:cli` (scripts/build-cli.ts) puts in this module's place one that holds each
 * template already compiled to JavaScript (`Handlebars.precompile`, the same compiler and options) and only
 * wraps them (`hbs.template`), which saves compiling them on every run. Both give the same pages
 * (test/package-install.test.ts compares the installed command's pages with the sources').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type Handlebars from 'handlebars';

import { TEMPLATES_DIR } from '../package-info';

/** The options every template is compiled with, here and when precompiled. */
export const TEMPLATE_OPTIONS = { strict: true } as const;

export interface ReportTemplates {
  page: Handlebars.TemplateDelegate;
  /** By name (the file name without .hbs), for registerPartial. */
  partials: Record<string, Handlebars.TemplateDelegate>;
}

/** Each template's source, by name: page.hbs is `page`, the others are the partials. */
export function templateSources(): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const file of readdirSync(TEMPLATES_DIR).sort()) {
    if (file.endsWith('.hbs'))
      sources[basename(file, '.hbs')] = readFileSync(join(TEMPLATES_DIR, file), 'utf8');
  }
  return sources;
}

export function compileTemplates(hbs: typeof Handlebars): ReportTemplates {
  const compiled = Object.entries(templateSources()).map(
    ([name, source]) => [name, hbs.compile(source, TEMPLATE_OPTIONS)] as const,
  );
  const { page, ...partials } = Object.fromEntries(compiled);
  return { page, partials };
}
