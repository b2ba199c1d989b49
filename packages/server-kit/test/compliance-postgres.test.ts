import { isParleyError } from '@parley/core';
import { closedPort } from '@parley/test-utils/free-port';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { errorIfRejected } from '@parley/test-utils/rejection';
import { servicesAvailable, uniqueName } from '@parley/test-utils/services';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KeyUpload } from '../src/contracts/key-directory.js';
import type { OfflineQueue } from '../src/contracts/offline-queue.js';
import {
  migrate,
  PG_SCHEMA_VERSION,
  postgresDeviceRegistry,
  postgresGroupReceiptStore,
  postgresGroupStore,
  postgresKeyDirectory,
  postgresMediaStore,
  postgresMediaTickets,
  postgresPresenceStore,
  postgresQueue,
} from '../src/postgres/index.js';
import {
  deviceRegistryCompliance,
  groupReceiptStoreCompliance,
  groupStoreCompliance,
  keyDirectoryCompliance,
  mediaStoreCompliance,
  mediaTicketsCompliance,
  offlineQueueCompliance,
  presenceStoreCompliance,
} from '../src/testing/index.js';

const available = await servicesAvailable('postgres');

describe.skipIf(!available)('PostgreSQL adapters', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  // Every test starts from empty tables in the file's own schema.
  const cleanup = () => db.reset();
  const on = () => ({ pool: db.pool, schema: db.schema });

  offlineQueueCompliance({ name: 'postgresQueue', create: async (ctx) => postgresQueue({ ...on(), ...ctx }), cleanup });
  // Reads answered from remembered entries above; here every read goes to the database.
  offlineQueueCompliance({
    name: 'postgresQueue without remembered entries',
    create: async (ctx) => postgresQueue({ ...on(), ...ctx, recentEntriesMs: 0 }),
    cleanup,
  });
  deviceRegistryCompliance({
    name: 'postgresDeviceRegistry',
    create: async ({ clock }) => postgresDeviceRegistry({ ...on(), clock }),
    cleanup,
  });
  it('makes a first registration wait for a concurrent uncommitted one, then lose (users row is the arbiter)', async () => {
    await cleanup();
    const registry = postgresDeviceRegistry(on());
    const holder = await db.pool.connect();
    let result: Awaited<ReturnType<typeof registry.registerFirst>> | undefined;
    try {
      // Another gateway's first registration of alice, not yet committed.
      await holder.query('BEGIN');
      await holder.query(`INSERT INTO "${db.schema}".users (user_id) VALUES ('alice')`);
      await holder.query(
        `INSERT INTO "${db.schema}".devices (user_id, device_id, auth_key, registration_id, created_at, approved_by)
         VALUES ('alice', 1, '\\x01', 0, 0, 0)`,
      );
      const racing = registry
        .registerFirst({ userId: 'alice', deviceId: 2, authKey: new Uint8Array(32), registrationId: 0, approvedBy: 0 })
        .then((r) => {
          result = r;
        });
      await vi.waitFor(
        async () => {
          expect(result).toBeUndefined();
          const { rowCount } = await db.pool.query(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%users%' AND pid <> pg_backend_pid()`,
          );
          expect(rowCount).toBe(1);
        },
        { timeout: 10_000 },
      );
      await holder.query('COMMIT');
      await racing;
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
    expect(result).toEqual({ created: false, userTaken: true });
    expect((await registry.list('alice')).map((d) => d.deviceId)).toEqual([1]);
  });
  keyDirectoryCompliance({ name: 'postgresKeyDirectory', create: async () => postgresKeyDirectory(on()), cleanup });
  presenceStoreCompliance({ name: 'postgresPresenceStore', create: async () => postgresPresenceStore(on()), cleanup });
  groupStoreCompliance({
    name: 'postgresGroupStore',
    create: async () => postgresGroupStore(on()),
    // A new store over the same tables, as a restarted (or another) gateway would open.
    reopen: async () => postgresGroupStore({ pool: db.newPool(), schema: db.schema }),
    cleanup,
  });
  mediaStoreCompliance({
    name: 'postgresMediaStore',
    create: async ({ clock }) => postgresMediaStore({ ...on(), clock, chunkBytes: 1000 }),
    cleanup,
  });
  mediaTicketsCompliance({
    name: 'postgresMediaTickets',
    create: async ({ clock }) => postgresMediaTickets({ ...on(), clock }),
    cleanup,
  });
  groupReceiptStoreCompliance({
    name: 'postgresGroupReceiptStore',
    create: async () => postgresGroupReceiptStore(on()),
    cleanup,
  });

  describe('beyond the compliance suites', () => {
    afterEach(cleanup);

    const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
    const alice1 = { userId: 'alice', deviceId: 1 };
    /** Rows of one of the file schema's tables. */
    const rowsOf = async (table: string): Promise<Array<Record<string, unknown>>> =>
      (await db.pool.query(`SELECT * FROM "${db.schema}".${table}`)).rows;

    describe('migrations', () => {
      it('runs once when several gateways start on a fresh schema at the same moment', async () => {
        const schema = uniqueName('pg');
        const pools = [db.newPool(), db.newPool(), db.newPool(), db.newPool()];
        try {
          await Promise.all(pools.map((pool) => migrate(pool, { schema })));
          await Promise.all(pools.map((pool) => migrate(pool, { schema })));
          const { rows } = await db.pool.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
          expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
        } finally {
          await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      });

      it('migrates on first use, without an explicit migrate', async () => {
        const schema = uniqueName('pg');
        try {
          const queue = postgresQueue({ pool: db.newPool(), schema });
          const [stored] = await queue.enqueue([{ device: alice1, id: 'm', data: bytesOf('x') }]);
          expect(stored?.duplicate).toBe(false);
          expect(await queue.count(alice1)).toBe(1);
        } finally {
          await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      });

      it('refuses a schema written by a newer version with UNSUPPORTED_VERSION', async () => {
        const schema = uniqueName('pg');
        try {
          await migrate(db.pool, { schema });
          await db.pool.query(`INSERT INTO "${schema}".schema_migrations (version) VALUES ($1)`, [
            PG_SCHEMA_VERSION + 1,
          ]);
          const error = await errorIfRejected(migrate(db.pool, { schema }));
          expect(isParleyError(error, 'UNSUPPORTED_VERSION'), String(error)).toBe(true);
        } finally {
          await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      });

      it('refuses a schema name that is not a plain identifier', () => {
        let error: unknown;
        try {
          postgresQueue({ pool: db.pool, schema: 'x"; DROP TABLE y; --' });
        } catch (e) {
          error = e;
        }
        expect(isParleyError(error, 'INVALID_ARGUMENT')).toBe(true);
      });
    });

    describe('two gateways on one database', () => {
      it('hands 50 concurrent prekey claims from two pools distinct keys', async () => {
        const [a, b] = [db.newPool(), db.newPool()].map((pool) => postgresKeyDirectory({ pool, schema: db.schema }));
        const keyOf = (keyId: number) => ({ keyId, publicKey: new Uint8Array([5, keyId]) });
        const upload: KeyUpload = {
          registrationId: 7,
          identityKey: new Uint8Array(33).fill(1),
          signedPreKey: { ...keyOf(200), signature: new Uint8Array(64) },
          oneTimePreKeys: Array.from({ length: 30 }, (_, i) => keyOf(i + 1)),
          lastResortPreKey: keyOf(250),
        };
        await a!.upload(alice1, upload);
        const bundles = (
          await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a! : b!).claimBundles('alice', [1])))
        ).flat();
        const oneTime = bundles.filter((x) => !x.lastResort).map((x) => x.prekey?.keyId);
        expect(new Set(oneTime).size).toBe(30);
        expect(oneTime).toHaveLength(30);
        expect(bundles.filter((x) => x.lastResort && x.prekey?.keyId === 250)).toHaveLength(20);
        expect(await a!.count(alice1)).toBe(0);
      });

      it('keeps seq strictly increasing for one device enqueued from two gateways, and a reader never misses one', async () => {
        const [g1, g2] = [db.newPool(), db.newPool()].map((pool) => postgresQueue({ pool, schema: db.schema }));
        const reader = postgresQueue({ pool: db.pool, schema: db.schema });
        const total = 200;
        // The reader pages with afterSeq as the delivery pump does: if an entry with a smaller seq
        // became visible after a larger one, it would be skipped and the reader would never finish.
        const seen: number[] = [];
        const reading = (async () => {
          let after = 0;
          const deadline = Date.now() + 20_000;
          while (seen.length < total && Date.now() < deadline) {
            const page = await reader.read(alice1, { afterSeq: after, limit: 50 });
            for (const entry of page) seen.push(entry.seq);
            after = page.at(-1)?.seq ?? after;
          }
        })();
        const results = (
          await Promise.all(
            Array.from({ length: total }, (_, i) =>
              (i % 2 ? g1! : g2!).enqueue([{ device: alice1, id: `m${i}`, data: bytesOf(`m${i}`) }]),
            ),
          )
        ).flat();
        await reading;
        const seqs = results.map((r) => r.seq);
        expect(new Set(seqs).size).toBe(total);
        expect(seen).toHaveLength(total);
        for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
        expect([...seen].sort((x, y) => x - y)).toEqual([...seqs].sort((x, y) => x - y));
      });

      it('enforces maxPerDevice exactly across gaps in seq and acks in the middle', async () => {
        const [g1, g2] = [db.newPool(), db.newPool()].map((pool) => postgresQueue({ pool, schema: db.schema }));
        const max = 50;
        const one = (q: OfflineQueue, id: string) =>
          q.enqueue([{ device: alice1, id, data: bytesOf(id) }], { maxPerDevice: max });
        // Duplicates and refused calls leave gaps in seq; the size must still be exact at the limit.
        for (let i = 0; i < max; i++) {
          await one(i % 2 ? g1! : g2!, `m${i}`);
          await one(g1!, `m${i}`);
        }
        expect(isParleyError(await errorIfRejected(one(g2!, 'over')), 'QUEUE_FULL')).toBe(true);
        await g1!.ack(
          alice1,
          Array.from({ length: 10 }, (_, i) => `m${20 + i}`),
        );
        const room = await Promise.all(Array.from({ length: 10 }, (_, i) => one(i % 2 ? g1! : g2!, `n${i}`)));
        expect(room.flat().every((r) => !r.duplicate)).toBe(true);
        expect(isParleyError(await errorIfRejected(one(g1!, 'over')), 'QUEUE_FULL')).toBe(true);
        expect(await g1!.count(alice1)).toBe(max);
      });

      it('stores one entry when two gateways enqueue the same id at once', async () => {
        const [g1, g2] = [db.newPool(), db.newPool()].map((pool) => postgresQueue({ pool, schema: db.schema }));
        for (let round = 0; round < 10; round++) {
          const results = (
            await Promise.all(
              [g1!, g2!, g1!, g2!].map((q) => q.enqueue([{ device: alice1, id: `same-${round}`, data: bytesOf('x') }])),
            )
          ).flat();
          expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
          expect(new Set(results.map((r) => r.seq)).size).toBe(1);
        }
        expect(await g1!.count(alice1)).toBe(10);
      });
    });

    describe('shared payloads, as stored', () => {
      const members = Array.from({ length: 50 }, (_, i) => ({ userId: `member${i}`, deviceId: 1 }));
      const groupMessage = (q: OfflineQueue, id: string, key = id) =>
        q.enqueue(
          members.map((device) => ({ device, id, data: bytesOf(`head ${device.userId}`), shared: key })),
          { shared: [{ key, data: new Uint8Array(4096).fill(7) }] },
        );

      it('stores the payload once for every member, with one reference per entry', async () => {
        const q = postgresQueue({ pool: db.pool, schema: db.schema });
        await groupMessage(q, 'g1');
        // A resend of the whole message adds nothing.
        expect((await groupMessage(q, 'g1')).every((r) => r.duplicate)).toBe(true);
        expect(await rowsOf('queue_payloads')).toMatchObject([{ key: 'g1', refs: members.length }]);
        const [entry] = await q.read(members[7]!, { limit: 1 });
        expect(entry?.data).toEqual(bytesOf('head member7'));
        expect(entry?.shared).toEqual(new Uint8Array(4096).fill(7));
      });

      it('deletes the payload with its last entry, also when the last acks race on two gateways', async () => {
        const [g1, g2] = [db.newPool(), db.newPool()].map((pool) => postgresQueue({ pool, schema: db.schema }));
        for (let round = 0; round < 5; round++) await groupMessage(g1!, `g${round}`);
        expect(await rowsOf('queue_payloads')).toHaveLength(5);
        // Every member acks every message, half of them through each gateway, all at once.
        const ids = Array.from({ length: 5 }, (_, round) => `g${round}`);
        const acked = await Promise.all(members.map((device, i) => (i % 2 ? g1! : g2!).ack(device, ids)));
        expect(acked.every((n) => n === 5)).toBe(true);
        expect(await rowsOf('queue_payloads')).toEqual([]);
        expect(await rowsOf('queue')).toEqual([]);
      });

      it('releases payloads of expired entries on purge and of a cleared device', async () => {
        let now = 1_000_000;
        const q = postgresQueue({ pool: db.pool, schema: db.schema, clock: () => now, ttlMs: 1000 });
        await groupMessage(q, 'old');
        now += 1000;
        expect(await q.purgeExpired()).toBe(members.length);
        expect(await rowsOf('queue_payloads')).toEqual([]);
        await groupMessage(q, 'new');
        for (const device of members.slice(1)) await q.clear(device);
        expect(await rowsOf('queue_payloads')).toMatchObject([{ key: 'new', refs: 1 }]);
        await q.ack(members[0]!, ['new']);
        expect(await rowsOf('queue_payloads')).toEqual([]);
      });
    });

    describe('failures', () => {
      it('rejects with a retryable UNAVAILABLE when PostgreSQL cannot be reached', async () => {
        const down = new pg.Pool({ host: '127.0.0.1', port: await closedPort(), connectionTimeoutMillis: 2000 });
        down.on('error', () => {});
        const on = { pool: down, schema: db.schema };
        try {
          const calls = [
            postgresQueue(on).enqueue([{ device: alice1, id: 'm', data: bytesOf('x') }]),
            postgresQueue(on).read(alice1, { limit: 1 }),
            postgresQueue(on).ack(alice1, ['m']),
            postgresDeviceRegistry(on).list('alice'),
            postgresKeyDirectory(on).claimBundles('alice', 'all'),
            postgresPresenceStore(on).setContacts('alice', ['bob']),
            migrate(down, { schema: db.schema }),
          ];
          for (const call of calls) {
            const error = await errorIfRejected(call);
            expect(isParleyError(error, 'UNAVAILABLE'), String(error)).toBe(true);
            expect((error as { retryable?: boolean }).retryable).toBe(true);
          }
        } finally {
          await down.end();
        }
      });

      it('rejects an enqueue whose connection the server terminates (57P01) with UNAVAILABLE, then recovers', async () => {
        const pool = db.newPool();
        const queue = postgresQueue({ pool, schema: db.schema });
        await queue.enqueue([{ device: alice1, id: 'first', data: bytesOf('x') }]);
        // Hold the device's counter row, so the next enqueue waits on it; then end that backend.
        const holder = await db.pool.connect();
        try {
          await holder.query('BEGIN');
          await holder.query(`SELECT 1 FROM "${db.schema}".queue_devices WHERE user_id = 'alice' FOR UPDATE`);
          const waiting = errorIfRejected(queue.enqueue([{ device: alice1, id: 'second', data: bytesOf('y') }]));
          const terminated = async () =>
            (
              await db.pool.query(
                `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
               WHERE wait_event_type = 'Lock' AND query LIKE '%queue_devices%' AND pid <> pg_backend_pid()`,
              )
            ).rowCount;
          const deadline = Date.now() + 10_000;
          while ((await terminated()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
          const error = await waiting;
          expect(isParleyError(error, 'UNAVAILABLE'), String(error)).toBe(true);
        } finally {
          await holder.query('ROLLBACK');
          holder.release();
        }
        // Nothing of the failed call was stored, and the pool serves the retry on a new connection.
        const [retry] = await queue.enqueue([{ device: alice1, id: 'second', data: bytesOf('y') }]);
        expect(retry?.duplicate).toBe(false);
        expect((await queue.read(alice1, { limit: 10 })).map((e) => e.id)).toEqual(['first', 'second']);
      });
    });
  });
});
