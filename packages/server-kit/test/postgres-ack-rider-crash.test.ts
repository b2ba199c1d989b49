// An ack made while the queue's write slots are busy rides the next enqueue batch's statement
// (`ack_enqueue_batch`). Killed with that statement unsent, nothing of it happened: the acked entry
// is still queued (and comes again) and the enqueue can be resent as new. Killed after it
// committed, both happened: the entry is gone and marked, the new entry is queued once.
import { fileURLToPath } from 'node:url';
import { spawnWatched, tsxArgs, waitForOutput } from '@parley/test-utils/child-process';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { POSTGRES_URL, servicesAvailable } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, postgresQueue } from '../src/postgres/index.js';

const available = await servicesAvailable('postgres');
const script = fileURLToPath(new URL('./fixtures/postgres-ack-rider-child.ts', import.meta.url));

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!available)('an ack riding an enqueue batch, killed', () => {
  const db = usePostgres();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  const bob = { userId: 'bob', deviceId: 1 };
  const data = new Uint8Array([1]);

  /** Runs the child with the riding statement held `hold`, waits until it is, and kills it. */
  async function killedWhileHeld(hold: 'before' | 'after') {
    await db.reset();
    const child = spawnWatched(process.execPath, tsxArgs(script), {
      env: { ...process.env, PARLEY_PG_URL: POSTGRES_URL, PARLEY_PG_SCHEMA: db.schema, PARLEY_HOLD: hold },
    });
    cleanups.push(() => child.stop('SIGKILL'));
    await waitForOutput(child, 'ack rider child', () =>
      child.output().split('\n').includes('HELD') ? true : undefined,
    );
    await child.stop('SIGKILL');
    return postgresQueue({ pool: db.pool, schema: db.schema });
  }

  it('before the statement is sent: neither the ack nor the enqueue happened', async () => {
    const q = await killedWhileHeld('before');
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['a', 'b']);
    // The device acks again and the sender resends: both take effect now, once.
    expect(await q.ack(bob, ['a'])).toBe(1);
    expect((await q.enqueue([{ device: bob, id: 'c', data }]))[0]?.duplicate).toBe(false);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('after it committed: both happened, and the repeats change nothing', async () => {
    const q = await killedWhileHeld('after');
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b', 'c']);
    expect(await q.ack(bob, ['a'])).toBe(0);
    expect((await q.enqueue([{ device: bob, id: 'c', data }]))[0]?.duplicate).toBe(true);
    expect((await q.enqueue([{ device: bob, id: 'a', data }]))[0]?.duplicate).toBe(true);
    expect((await q.read(bob, { limit: 10 })).map((e) => e.id)).toEqual(['b', 'c']);
  });
});
