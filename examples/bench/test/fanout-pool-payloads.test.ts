import type { parley } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { FanoutTracker } from '../src/fanout-tracker.js';
import { makeIdentities } from '../src/parley-bench-client.js';
import { FanoutPool } from '../src/parley-fanout-pool.js';
import { readHeader } from '../src/payload.js';

/** The pool with its sender's writes captured instead of sent (no server needed). */
async function capturingPool(members: number) {
  const [sender, ...rest] = await makeIdentities(members + 1, 'payloads-');
  const pool = new FanoutPool(rest, sender as NonNullable<typeof sender>, new FanoutTracker(64, members));
  const sends: parley.v1.Send.$Properties[] = [];
  pool.sender.submit = (send) => {
    sends.push(send); // what a refused send keeps to write again after its retry-after
  };
  return { pool, sends };
}

const seqIn = (data: Uint8Array | null | undefined) => (data ? readHeader(data)?.seq : undefined);

describe('FanoutPool payloads', () => {
  it('a kept 1:1 send still carries its own message after later messages were sent', async () => {
    const { pool, sends } = await capturingPool(3);
    pool.sendDirect(7);
    pool.sendDirect(8);
    pool.sendDirect(9);
    const seqs = sends.map((s) => seqIn(s.copies?.[0]?.payload?.data));
    expect(seqs).toEqual([7, 7, 7, 8, 8, 8, 9, 9, 9]);
  });

  it('a kept group send still carries its own message after later messages were sent', async () => {
    const { pool, sends } = await capturingPool(2);
    pool.sendGroup('g', 1);
    pool.sendGroup('g', 2);
    expect(sends.map((s) => seqIn(s.shared?.data))).toEqual([1, 2]);
  });
});
