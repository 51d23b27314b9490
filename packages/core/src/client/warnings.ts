/**
 * What the client says when it answers with something other than a fresh answer from the service: saved
 * papers instead of today's. A build log or a server log is where people notice it, so the default handler
 * writes each distinct warning once with `console.warn`; `onWarning` takes them over, `onWarning: false`
 * silences them.
 */

/**
 * - `snapshot`: the service could not be reached and the bundled snapshot answered (`fallback: 'snapshot'`);
 * - `stale-cache`: the service could not be reached and an expired cached copy answered;
 * - `partial-paper`: one paper was read from one service only, because the other could not be reached.
 */
export type PapertrendWarningCode = 'snapshot' | 'stale-cache' | 'partial-paper';

export interface PapertrendWarning {
  code: PapertrendWarningCode;
  /** One line for a log. */
  message: string;
  /** The request that could not be answered fresh. */
  url: string;
  /** When the answer given instead was saved (ISO 8601), for `snapshot` and `stale-cache`. */
  savedAt?: string;
  /** The failure that caused it. */
  cause: unknown;
}

export type WarningHandler = (warning: PapertrendWarning) => void;

/** The default handler: `console.warn` once per distinct message, for the life of the client. */
export function warnOnceToConsole(): WarningHandler {
  const said = new Set<string>();
  return (warning) => {
    if (said.has(warning.message)) return;
    said.add(warning.message);
    console.warn(`[papertrend] ${warning.message}`);
  };
}

/** The handler a client uses for its `onWarning` option. */
export function warningHandler(option: WarningHandler | false | undefined): WarningHandler {
  if (option === false) return () => {};
  return option ?? warnOnceToConsole();
}
