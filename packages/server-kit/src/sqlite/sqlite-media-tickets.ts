import { ParleyError } from '@parley/core';
import type Database from 'better-sqlite3';
import { type MediaTicket, type MediaTickets, ticketKindOf } from '../contracts/media-tickets.js';
import { type Clock, systemClock } from '../contracts/types.js';
import { committerFor } from './group-commit.js';
import { migrate } from './migrations.js';

/** Options of {@link sqliteMediaTickets}. */
export interface SqliteMediaTicketsOptions {
  /** An open better-sqlite3 database; the tickets table is created by the schema migrations. */
  db: Database.Database;
  clock?: Clock;
}

interface Row {
  kind: string;
  blob_id: string;
  size: number;
  user_id: string;
  expires_at: number;
}

/**
 * {@link MediaTickets} in SQLite, for the gateways of one machine sharing a database file. `take`
 * is one `DELETE ... RETURNING`, so of two takes of a ticket only one finds the row. Writes go
 * through the database's group commit and resolve once committed.
 */
export function sqliteMediaTickets(options: SqliteMediaTicketsOptions): MediaTickets {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  migrate(db);
  const { submit } = committerFor(db);
  const insert = db.prepare<[string, string, string, number, string, number]>(
    `INSERT INTO media_tickets (key, kind, blob_id, size, user_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const remove = db.prepare<[string], Row>(
    'DELETE FROM media_tickets WHERE key = ? RETURNING kind, blob_id, size, user_id, expires_at',
  );
  const purge = db.prepare<[number]>('DELETE FROM media_tickets WHERE expires_at <= ?');
  const issueTx = db.transaction((key: string, t: MediaTicket) => {
    if (insert.run(key, t.kind, t.blobId, t.size, t.userId, t.expiresAt).changes === 0) {
      throw new ParleyError('CONFLICT', 'ticket key taken');
    }
  });
  const takeTx = db.transaction((key: string) => remove.get(key));
  const purgeTx = db.transaction((now: number) => purge.run(now).changes);

  return {
    async issue(key, ticket) {
      await submit(() => issueTx(key, ticket));
    },
    async take(key) {
      const row = await submit(() => takeTx(key));
      const kind = row ? ticketKindOf(row.kind) : undefined;
      if (!row || !kind || row.expires_at <= clock()) return undefined;
      return {
        kind,
        blobId: row.blob_id,
        size: row.size,
        userId: row.user_id,
        expiresAt: row.expires_at,
      };
    },
    async purgeExpired() {
      const now = clock();
      return submit(() => purgeTx(now));
    },
  };
}
