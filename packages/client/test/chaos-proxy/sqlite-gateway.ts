// Child process of the proxy chaos run: one gateway on a SQLite file, so the run can SIGKILL it and
// start it again on the same data, or SIGSTOP it. Configured by environment: PARLEY_DB (the
// database file), PARLEY_HEARTBEAT_MS and PARLEY_IDLE_MS (short, so a half-open link is noticed
// within seconds). Prints `LISTENING <url>` once it accepts connections; SIGTERM closes it gracefully.

import { createServer } from '@parley/server-kit';
import { sqliteStores } from '@parley/server-kit/sqlite';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`sqlite-gateway: ${name} is required`);
  return value;
};
// Warnings go to stderr, which the run prints when it fails.
const log =
  (level: string) =>
  (message: string, fields?: Record<string, unknown>): void => {
    process.stderr.write(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}\n`);
  };
const logger = { debug: () => {}, info: () => {}, warn: log('warn'), error: log('error') };
const stores = sqliteStores({ path: env('PARLEY_DB') }, { mediaDir: null });
const server = await createServer({
  stores,
  logger,
  limits: {
    heartbeatIntervalMs: Number(env('PARLEY_HEARTBEAT_MS')),
    idleTimeoutMs: Number(env('PARLEY_IDLE_MS')),
  },
});
process.stdout.write(`LISTENING ${server.url}\n`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => stores.close())
    .finally(() => process.exit(0));
});
