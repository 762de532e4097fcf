import type { Lang } from '../shared/i18n';
import { FILE_SYSTEM_WORDS, say } from './i18n';

/**
 * A file that is not a readable workbook: `problem` says why in one line (report/read-xlsx.ts). Here, with the
 * other failures the CLI prints, so it can recognise them without loading the reader.
 */
export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'XlsxReadError';
  }
}

/**
 * The report's output failure, in a module of its own so the CLI can recognise it without loading the report
 * pipeline (and with it handlebars and vega) for commands that never build a report.
 */
export class OutputError extends Error {
  constructor(
    readonly dir: string,
    readonly problem: string,
  ) {
    super(`${dir}: ${problem}`);
    this.name = 'OutputError';
  }
}

/**
 * A --previous that cannot be used, where writing the report without it would lose the history it carries: the
 * message says why and what to do (report/cli.ts). Exit code 2, nothing written.
 */
export class PreviousError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviousError';
  }
}

/**
 * A file system error's code (ENOSPC, EACCES, …) with what it means in the reader's language where it is a usual
 * one ("EACCES: permission denied"), or its message when it has none: the detail an output error names.
 */
export function codeOf(error: unknown, lang: Lang = 'en'): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error instanceof Error ? error.message : String(error);
  return Object.hasOwn(FILE_SYSTEM_WORDS, code) ? `${code}: ${say(FILE_SYSTEM_WORDS[code], lang)}` : code;
}
