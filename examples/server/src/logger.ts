import type { Logger } from '@parley/server-kit';

/** Console logger for the reference server: info to stdout, warnings and errors to stderr, no debug. */
export function consoleLogger(now: () => Date = () => new Date()): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    `${now().toISOString()} ${level} ${message}${fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''}`;
  return {
    debug: () => {},
    info: (message, fields) => console.log(line('info', message, fields)),
    warn: (message, fields) => console.error(line('warn', message, fields)),
    error: (message, fields) => console.error(line('error', message, fields)),
  };
}
