// Issue 15 aim 3: on PostgreSQL a sender's sends are pipelined (postgresQueue declares
// seqsInCallOrder), so one connection has several sends in flight on the way to their commits. A
// gateway killed (SIGKILL) at each step of that path loses, duplicates and reorders nothing: a
// SendAck only ever goes out for what is committed, the sender's outbox sends the rest again with the
// same ids (duplicates are found by the queue), and the recipient gets each message once, in order.
// Both ways an enqueue batch commits are killed at each step: the one statement of a plain batch
// (enqueue_batch: never sent, or committed with its answer not yet heard) and the full path's
// transaction (its COMMIT never sent, or sent and not yet answered). A batch to bob waits for the
// one in flight to him, so the later sends wait in the gateway while the first is held.
import { fileURLToPath } from 'node:url';
import { newMessageId, type ServerFrame } from '@parley/core';
import { closedPort } from '@parley/test-utils/free-port';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { POSTGRES_URL, REDIS_URL, servicesAvailable, uniqueName } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/postgres/index.js';
import { delivered, killableGateway, peersOf, sendFrame } from './helpers/killable-gateway.js';

const available = await servicesAvailable('postgres', 'redis');
const script = fileURLToPath(new URL('./fixtures/postgres-crash-gateway.ts', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sendAcks = (frames: ServerFrame[]) => frames.filter((f) => f.sendAck).map((f) => f.sendAck?.messageId);

describe.skipIf(!available).each([
  { path: 'plain batches (one statement)', env: {} },
  { path: 'the full path (a transaction)', env: { PARLEY_FULL_PATH: '1' } },
])('a PostgreSQL gateway killed with pipelined sends in flight: $path', ({ env }) => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  /** The gateway child on the file's schema and a fresh Redis prefix, killed and started again. */
  async function setUp() {
    await db.reset();
    const gateway = killableGateway(script, 'postgres gateway', {
      PARLEY_PG_URL: POSTGRES_URL,
      PARLEY_PG_SCHEMA: db.schema,
      PARLEY_REDIS_URL: REDIS_URL,
      PARLEY_REDIS_PREFIX: `${uniqueName('redis')}:`,
      PARLEY_PORT: String(await closedPort()),
    });
    cleanups.push(() => gateway.kill());
    /** (Re)connects as `userId`'s device 1 with the key it registered first. */
    const connect = peersOf(gateway, (close) => cleanups.push(close));
    /** Entries waiting in bob's queue, straight from the table. */
    const queued = async () =>
      (
        await db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${db.schema}".queue WHERE user_id = 'bob' AND device_id = 1`,
        )
      ).rows[0]?.n;
    return { gateway, connect, queued };
  }

  /**
   * Starts the gateway holding enqueue commits from the `from`-th on (`mode`), registers bob
   * (offline) and alice, pipelines three sends, waits for `until`, kills the gateway, starts it
   * again without holds, resends every message without a SendAck (pipelined again, same ids), and
   * checks bob gets each message once, in order.
   */
  async function killWithSendsInFlight(from: number, mode: 'before' | 'after', until: string[]) {
    const { gateway, connect, queued } = await setUp();
    await gateway.start({ ...env, PARLEY_HOLD_FROM: String(from), PARLEY_HOLD: mode });
    (await connect('bob')).close(); // registered, offline: every message is stored
    const alice = await connect('alice');
    const ids = [newMessageId(), newMessageId(), newMessageId()];
    for (const [i, id] of ids.entries()) alice.send({ requestId: 10 + i, ...sendFrame('bob', id) });
    await gateway.printed(...until);
    if (from > 1) await alice.waitFor((f) => f.requestId === 10);
    await gateway.kill();
    const acked = sendAcks(alice.frames);
    // A SendAck goes out only for what was committed, and only in call order here.
    expect(acked).toEqual(ids.slice(0, from - 1));

    await gateway.start(env);
    const aliceAgain = await connect('alice');
    const resend = ids.filter((id) => !acked.includes(id));
    for (const [i, id] of resend.entries()) aliceAgain.send({ requestId: 20 + i, ...sendFrame('bob', id) });
    await aliceAgain.waitFor(() => sendAcks(aliceAgain.frames).length === resend.length);
    expect(sendAcks(aliceAgain.frames)).toEqual(resend);
    expect(await queued()).toBe(ids.length); // each stored once
    const bob = await connect('bob');
    await bob.waitFor(() => delivered(bob.frames).length >= ids.length);
    await bob.request({ ping: { nonce: 1 } }); // anything queued has been sent by now
    expect(delivered(bob.frames).map((e) => e.messageId)).toEqual(ids);
  }

  it('before the first batch commits: nothing acknowledged, all resent once, in order', async () => {
    await killWithSendsInFlight(1, 'before', ['HELD 1']);
  });

  it('after the first commit, before its SendAck: its resend is a duplicate, nothing is stored twice', async () => {
    await killWithSendsInFlight(1, 'after', ['HELD 1']);
  });

  it('after the first SendAck, with the later sends before their commit: only those are resent', async () => {
    await killWithSendsInFlight(2, 'before', ['HELD 2']);
  });

  it('after the second commit, before its SendAck: the first stays acknowledged, the rest resent once', async () => {
    await killWithSendsInFlight(2, 'after', ['HELD 2']);
  });
});
