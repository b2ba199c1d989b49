// Finding 8 of issue 17: one connection flooding frames (pings here: the cheapest request there is)
// must not cost another user's round trip more than a few times its unloaded value.
import { fileURLToPath } from 'node:url';
import { pb } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { spawnWatched, tsxArgs, type WatchedProcess, waitForOutput } from '@parley/test-utils/child-process';
import type { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';

const fixture = useAbuseServer();
const { start, peer } = fixture;
const children: WatchedProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await child.stop('SIGKILL');
});

const FLOODER = fileURLToPath(new URL('./ping-flooder.ts', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Round trips of sequential pings (ms, performance clock: a ratio is taken, never a bound on time). */
async function roundTrips(p: RawPeer, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await p.request({ ping: { nonce: i } });
    out.push(performance.now() - t);
  }
  return out;
}

describe('frame flood', () => {
  it("keeps another client's round trip within a few times its unloaded value while one connection floods pings", async () => {
    await start();
    const alice = await peer('alice');
    await roundTrips(alice, 10); // warm-up
    const unloaded = median(await roundTrips(alice, 30));
    // The flooder runs in its own process, so only the server's cost of its frames is measured.
    const url = fixture.current.server.url;
    const flooder = spawnWatched(process.execPath, tsxArgs(FLOODER, [url, 'mallory', '5000000']));
    children.push(flooder);
    let loaded: number;
    try {
      // Measure once the flood is under way: 20,000 frames written, far past the burst (or the
      // flooder already closed for it).
      const underWay = () => /sent 20000|closed/.test(flooder.stdout()) || undefined;
      await waitForOutput(flooder, 'the flood', underWay, 60_000);
      loaded = median(await roundTrips(alice, 30));
    } finally {
      await flooder.stop('SIGKILL');
    }
    const figures = `unloaded ${unloaded.toFixed(2)} ms, flooded ${loaded.toFixed(2)} ms; flooder: ${flooder.stdout().trim().split('\n').at(-1)}`;
    expect(loaded / Math.max(unloaded, 0.05), figures).toBeLessThan(5);
  }, 90_000);

  it('closes a connection whose flood outruns the budget with Goodbye{RATE_LIMITED} and a reconnect hint', async () => {
    await start({ framesPerSecond: 10, frameBurst: 20 });
    const mallory = await peer('mallory');
    for (let i = 0; i < 100; i++) mallory.send({ requestId: 0, ping: { nonce: i } });
    expect(await mallory.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_RATE_LIMITED);
    const goodbye = mallory.frames.find((fr) => fr.body === 'goodbye')?.goodbye;
    expect(goodbye?.reason).toBe(pb.CloseReason.CLOSE_REASON_RATE_LIMITED);
    expect(goodbye?.reconnectAfterMs).toBeGreaterThan(0);
  });

  it('throttles a client slightly over the budget without closing it: every request is answered', async () => {
    await start({ framesPerSecond: 200, frameBurst: 20 });
    const busy = await peer('busy');
    const answers: Promise<unknown>[] = [];
    // 30 frames at once (10 over the burst, a debt well under a burst): paused, then served.
    for (let i = 0; i < 30; i++) answers.push(busy.request({ ping: { nonce: i } }));
    await Promise.all(answers);
    expect(busy.closeCode).toBeUndefined();
  });
});
