// The SQLite gateway the kill tests run in a child process (fixtures/sqlite-crash-gateway.ts):
// started on a fresh database file, killed and restarted at will, cleaned up after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerFrame } from '@parley/core';
import { closedPort } from '@parley/test-utils/free-port';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { killableGateway, peersOf } from './killable-gateway.js';

const script = fileURLToPath(new URL('../fixtures/sqlite-crash-gateway.ts', import.meta.url));
/** Long beside a loopback round trip: a write made right after a commit waits this long in its batch. */
const COMMIT_GAP_MS = 150;

/** Registers the cleanup and returns `setUp`, which starts a gateway (env overrides its settings). */
export function useSqliteCrashGateway() {
  const dirs: string[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return async function setUp(env: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-crash-'));
    dirs.push(dir);
    const path = join(dir, 'parley.db');
    const gateway = killableGateway(script, 'sqlite gateway', {
      PARLEY_DB: path,
      PARLEY_PORT: String(await closedPort()),
      PARLEY_COMMIT_GAP_MS: String(COMMIT_GAP_MS),
      ...env,
    });
    cleanups.push(() => gateway.kill());
    await gateway.start();
    /** (Re)connects as `userId`'s device 1 with the key it registered first. */
    const connect = peersOf(gateway, (close) => cleanups.push(close));
    return { gateway, connect, path };
  };
}

/** The message ids of the receipts delivered in these frames. */
export const receiptIds = (frames: ServerFrame[]) =>
  frames.flatMap((f) => f.deliver?.envelopes ?? []).flatMap((e) => e.receipt?.messageIds ?? []);

/** Rows and dedup marks in the (killed or running) gateway's database, per user whose queue holds them. */
export function queueRows(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const users = (sql: string) => db.prepare(sql).pluck().all() as string[];
    return {
      rows: users('SELECT user_id FROM queue ORDER BY user_id'),
      marks: users('SELECT user_id FROM queue_acked ORDER BY user_id'),
    };
  } finally {
    db.close();
  }
}
