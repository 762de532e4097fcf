/**
 * Errors thrown by Google's services.
 *
 * In the V8 runtime a failing service call surfaces as an error whose string form is
 * `Exception: <message>` (that is how the observed messages in the facts sheet [I1, I2, I3, I4]
 * are quoted). Whether `e.message` itself includes the `Exception: ` prefix is UNCONFIRMED, so we
 * set `name = 'Exception'` (giving `String(e) === 'Exception: ' + e.message`) and leave the prefix
 * out of `message`; the script-facing boundary can add it (option `exceptionMessagePrefix`).
 */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Shorthand used all over the emulator. */
export function exception(message: string): AppsScriptException {
  return new AppsScriptException(message);
}
