/**
 * Every word the report itself says, in English and Simplified Chinese. Words that come from the plan (tab
 * and column names, enum values, status labels, issue messages) live in shared/ and are not repeated here.
 *
 * `labels` are plain strings handed to the templates as they are; `phrases` are functions the view model
 * calls with numbers already formatted for the language.
 */
import { CATALOGUES, type Lang, type Messages } from '../shared/i18n';

export type Labels = Messages['report']['labels'];
export type Phrases = Messages['report']['phrases'];

export const LABELS: Record<Lang, Labels> = {
  en: CATALOGUES.en.report.labels,
  'zh-CN': CATALOGUES['zh-CN'].report.labels,
  'zh-TW': CATALOGUES['zh-TW'].report.labels,
};
export const PHRASES: Record<Lang, Phrases> = {
  en: CATALOGUES.en.report.phrases,
  'zh-CN': CATALOGUES['zh-CN'].report.phrases,
  'zh-TW': CATALOGUES['zh-TW'].report.phrases,
};

export const LOCALES: Record<Lang, { numbers: string; dates: string }> = {
  en: { numbers: 'en-US', dates: 'en-GB' },
  'zh-CN': { numbers: 'zh-CN', dates: 'zh-CN' },
  'zh-TW': { numbers: 'zh-TW', dates: 'zh-TW' },
};

/** Status shapes, so status never relies on colour alone (with the text label beside them). */
export const STATUS_ICONS = {
  'not-started': '○',
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '✕',
  done: '✓',
  'no-data': '–',
} as const;
