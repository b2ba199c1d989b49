// A logger that keeps its warnings, for tests that check what a client or gateway reported.

/** One warning as the logger was given it. */
export interface Warning {
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger (client and server kit share its shape) that drops debug, info and error and keeps warnings. */
export interface RecordingLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Every warning so far, in order. */
  readonly warnings: Warning[];
}

/** A new {@link RecordingLogger} with no warnings yet. */
export function recordingLogger(): RecordingLogger {
  const warnings: Warning[] = [];
  const ignore = () => {};
  return {
    warnings,
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (message, fields) => void warnings.push(fields ? { message, fields } : { message }),
  };
}
