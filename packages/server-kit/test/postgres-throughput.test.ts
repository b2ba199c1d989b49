import { POSTGRES_URL, servicesAvailable, uniqueName } from '@parley/test-utils/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAddress } from '../src/contracts/types.js';
import { migrate, postgresQueue } from '../src/postgres/index.js';

/**
 * Throughput of the PostgreSQL queue with durable commits (the server's defaults), as a gateway
 * drives it: single-item enqueues from many connections at once, then every device paging
 * through its queue and acknowledging in batches. Off by default (it takes several seconds);
 * run with PARLEY_BENCH=1, and PARLEY_BENCH_ENTRIES to change the 10,000 entries.
 */
const enabled = process.env.PARLEY_BENCH === '1' && (await servicesAvailable('postgres'));

const ENTRIES = Number(process.env.PARLEY_BENCH_ENTRIES ?? 10_000);
const DEVICES = 100;
const IN_FLIGHT = 64;
const PAGE = 50;
const ACK_BATCH = 10;

/** Runs `work(i)` for i in [0, count) with at most `width` calls at a time. */
async function pooled(count: number, width: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

describe.runIf(enabled)('PostgreSQL queue throughput', () => {
  const schema = uniqueName('bench');
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 10 });
    await migrate(pool, { schema });
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it(`enqueues, reads and acknowledges ${ENTRIES} entries`, async () => {
    const queue = postgresQueue({ pool, schema });
    const device = (i: number): DeviceAddress => ({ userId: `user${i % DEVICES}`, deviceId: 1 });
    const data = new Uint8Array(200).fill(7);
    const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

    let start = performance.now();
    await pooled(ENTRIES, IN_FLIGHT, async (i) => {
      await queue.enqueue([{ device: device(i), id: `m${i}`, data }], { maxPerDevice: 10_000 });
    });
    const enqueueMs = performance.now() - start;

    start = performance.now();
    const pages: Array<{ device: DeviceAddress; ids: string[] }> = [];
    await pooled(DEVICES, IN_FLIGHT, async (d) => {
      let afterSeq = 0;
      for (;;) {
        const page = await queue.read(device(d), { afterSeq, limit: PAGE });
        if (page.length === 0) return;
        for (let k = 0; k < page.length; k += ACK_BATCH) {
          pages.push({ device: device(d), ids: page.slice(k, k + ACK_BATCH).map((e) => e.id) });
        }
        afterSeq = page.at(-1)?.seq ?? afterSeq;
      }
    });
    const readMs = performance.now() - start;
    const read = pages.reduce((n, p) => n + p.ids.length, 0);

    start = performance.now();
    let acked = 0;
    await pooled(pages.length, IN_FLIGHT, async (i) => {
      const { device: d, ids } = pages[i]!;
      const n = await queue.ack(d, ids);
      acked += n;
    });
    const ackMs = performance.now() - start;

    expect(read).toBe(ENTRIES);
    expect(acked).toBe(ENTRIES);
    console.info(
      `postgresQueue, ${ENTRIES} entries of ${data.byteLength} B over ${DEVICES} devices, ${IN_FLIGHT} calls in flight: ` +
        `enqueue ${rate(ENTRIES, enqueueMs)}/s (one item per call), read ${rate(read, readMs)}/s (pages of ${PAGE}), ` +
        `ack ${rate(acked, ackMs)}/s (${ACK_BATCH} ids per call)`,
    );
  }, 300_000);
});
