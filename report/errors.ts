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
