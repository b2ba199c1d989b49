/**
 * Where the client reports failures it recovers from by itself (a key upload retried at the next
 * reconnect, a spool file that could not be deleted, ...). Same shape as the server kit's Logger,
 * so one adapter (console, pino, ...) serves both. Silent unless one is given.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const noop = () => {};

/** The default logger: drops everything. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

/**
 * A promise rejection handler that logs a failure the client recovers from as a warning, with
 * `fields` saying what was being done: `promise.catch(warnOnFailure(logger, 'group sync failed', { groupId }))`.
 */
export function warnOnFailure(logger: Logger, message: string, fields: Record<string, unknown> = {}) {
  return (error: unknown): void => logger.warn(message, { ...fields, error });
}
