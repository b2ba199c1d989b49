import { ParleyError } from '@parley/core';
import type { Pool } from 'pg';
import { type MediaTicket, type MediaTickets, ticketKindOf } from '../contracts/media-tickets.js';
import { type Clock, systemClock } from '../contracts/types.js';
import type { PostgresSchemaOptions } from './migrations.js';
import { num, pgContext, statement } from './pg-db.js';
import type { PostgresTimeoutOptions } from './pg-timeouts.js';

/** Options of {@link postgresMediaTickets}. */
export interface PostgresMediaTicketsOptions extends PostgresSchemaOptions, PostgresTimeoutOptions {
  /** A pg Pool; the tickets table is created by the schema migrations; the pool is never ended. */
  pool: Pool;
  clock?: Clock;
}

interface Row {
  kind: string;
  blob_id: string;
  size: string;
  user_id: string;
  expires_at: string;
}

/**
 * {@link MediaTickets} in PostgreSQL, shared by every gateway of a cluster. `take` is one
 * `DELETE ... RETURNING`, so of concurrent takes of a ticket only one gets the row.
 */
export function postgresMediaTickets(options: PostgresMediaTicketsOptions): MediaTickets {
  const db = pgContext(options.pool, options.schema, options.timeouts);
  const { s } = db;
  const clock = options.clock ?? systemClock;
  const sql = {
    issue: statement(`
      INSERT INTO ${s}.media_tickets (key, kind, blob_id, size, user_id, expires_at)
      VALUES ($1::text, $2::text, $3::text, $4::bigint, $5::text, $6::bigint) ON CONFLICT (key) DO NOTHING`),
    take: statement(
      `DELETE FROM ${s}.media_tickets WHERE key = $1::text RETURNING kind, blob_id, size, user_id, expires_at`,
    ),
    purge: statement(`DELETE FROM ${s}.media_tickets WHERE expires_at <= $1::bigint`),
  };
  return {
    async issue(key, t: MediaTicket) {
      const { rowCount } = await db.run(sql.issue, [key, t.kind, t.blobId, t.size, t.userId, t.expiresAt]);
      if (rowCount === 0) throw new ParleyError('CONFLICT', 'ticket key taken');
    },
    async take(key) {
      const row = (await db.run<Row>(sql.take, [key])).rows[0];
      const kind = row ? ticketKindOf(row.kind) : undefined;
      if (!row || !kind || num(row.expires_at) <= clock()) return undefined;
      return {
        kind,
        blobId: row.blob_id,
        size: num(row.size),
        userId: row.user_id,
        expiresAt: num(row.expires_at),
      };
    },
    async purgeExpired() {
      return (await db.run(sql.purge, [clock()])).rowCount ?? 0;
    },
  };
}
