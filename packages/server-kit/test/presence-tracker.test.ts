import { describe, expect, it } from 'vitest';
import type { PresenceStore } from '../src/contracts/presence-store.js';
import { memoryPresenceStore } from '../src/memory/memory-presence-store.js';
import { type PresenceState, presenceTracker } from '../src/presence/presence-tracker.js';
import { fakeClock, manualTimers } from '../src/testing/index.js';

const alice1 = { userId: 'alice', deviceId: 1 };
const alice2 = { userId: 'alice', deviceId: 2 };
const bob1 = { userId: 'bob', deviceId: 1 };

function setUp(options: { coalesceMs?: number; store?: PresenceStore } = {}) {
  const time = fakeClock();
  const timers = manualTimers(time);
  const store = options.store ?? memoryPresenceStore();
  const changes: Array<[string, PresenceState]> = [];
  const tracker = presenceTracker({
    store,
    clock: time.clock,
    setTimer: timers.setTimer,
    onChange: (userId, state) => changes.push([userId, state]),
    ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
  });
  return { time, timers, store, changes, tracker, start: time.now };
}

describe('presenceTracker', () => {
  it('reports online after the coalescing interval (default 1 s), not before', async () => {
    const { timers, changes, tracker } = setUp();
    await tracker.deviceActive(alice1, true);
    expect(await tracker.get('alice')).toEqual({ online: true });
    await timers.advance(999);
    expect(changes).toEqual([]);
    await timers.advance(1);
    expect(changes).toEqual([['alice', { online: true }]]);
  });

  it('stays online while any device is connected and active; last seen is when the last one went', async () => {
    const { time, timers, store, changes, tracker, start } = setUp();
    await tracker.deviceActive(alice1, true);
    await tracker.deviceActive(alice2, true);
    await timers.advance(5000);
    await tracker.deviceGone(alice1);
    await timers.advance(5000);
    expect(await tracker.get('alice')).toEqual({ online: true });
    await tracker.deviceActive(alice2, false);
    expect(await store.lastSeen('alice')).toBe(start + 10_000);
    expect(await tracker.get('alice')).toEqual({ online: false, lastSeen: start + 10_000 });
    await timers.advance(1000);
    expect(changes).toEqual([
      ['alice', { online: true }],
      ['alice', { online: false, lastSeen: start + 10_000 }],
    ]);
    expect(time.now).toBe(start + 11_000);
  });

  it('treats a connected but inactive device as offline, and becoming active as online', async () => {
    const { timers, store, changes, tracker } = setUp();
    await tracker.deviceActive(alice1, false);
    await timers.advance(2000);
    expect(changes).toEqual([]);
    expect(await tracker.get('alice')).toEqual({ online: false });
    expect(await store.lastSeen('alice')).toBeUndefined();
    await tracker.deviceActive(alice1, true);
    await timers.advance(1000);
    expect(changes).toEqual([['alice', { online: true }]]);
    // Going away while inactive changes nothing more.
    await tracker.deviceActive(alice1, false);
    await timers.advance(1000);
    await tracker.deviceGone(alice1);
    await timers.advance(5000);
    expect(changes).toHaveLength(2);
  });

  it('coalesces changes within one interval into the final state', async () => {
    const { time, timers, changes, tracker, start } = setUp();
    await tracker.deviceActive(alice1, true);
    await timers.advance(1000);
    changes.length = 0;
    // Offline and back within one tick: nothing to tell.
    await tracker.deviceActive(alice1, false);
    time.advance(200);
    await tracker.deviceActive(alice1, true);
    await timers.advance(2000);
    expect(changes).toEqual([]);
    // Flapping ten times and ending offline: one change, with the last time.
    for (let i = 0; i < 10; i++) {
      await tracker.deviceActive(alice1, false);
      time.advance(50);
      await tracker.deviceActive(alice1, true);
      time.advance(50);
    }
    await tracker.deviceGone(alice1);
    await timers.advance(1000);
    expect(changes).toEqual([['alice', { online: false, lastSeen: start + 3200 + 1000 }]]);
  });

  it('reports offline again after a flap while offline, with the new last seen', async () => {
    const { time, timers, changes, tracker, start } = setUp();
    await tracker.deviceActive(alice1, true);
    await tracker.deviceGone(alice1);
    await timers.advance(1000);
    expect(changes).toEqual([['alice', { online: false, lastSeen: start }]]);
    time.advance(500);
    await tracker.deviceActive(alice1, true);
    time.advance(100);
    await tracker.deviceGone(alice1);
    await timers.advance(1000);
    expect(changes).toEqual([
      ['alice', { online: false, lastSeen: start }],
      ['alice', { online: false, lastSeen: start + 1600 }],
    ]);
  });

  it('uses a configurable interval and keeps users apart', async () => {
    const { timers, changes, tracker } = setUp({ coalesceMs: 250 });
    await tracker.deviceActive(alice1, true);
    await tracker.deviceActive(bob1, true);
    await timers.advance(250);
    expect(changes.sort()).toEqual([
      ['alice', { online: true }],
      ['bob', { online: true }],
    ]);
    await tracker.deviceGone(bob1);
    await timers.advance(250);
    expect(changes).toHaveLength(3);
    expect(changes[2]?.[0]).toBe('bob');
    expect(await tracker.get('alice')).toEqual({ online: true });
  });

  it('backdates last seen of a connection found dead to its last heartbeat, clamped to now', async () => {
    const { time, timers, store, changes, tracker, start } = setUp();
    const heartbeatTimeoutMs = 60_000;
    await tracker.deviceActive(alice1, true);
    time.advance(20_000); // last heartbeat
    const lastHeard = time.now;
    time.advance(heartbeatTimeoutMs); // the gateway's idle timer fires
    await tracker.deviceGone(alice1, { at: lastHeard });
    const lastSeen = await store.lastSeen('alice');
    expect(lastSeen).toBe(lastHeard);
    expect(time.now - lastSeen!).toBeLessThanOrEqual(heartbeatTimeoutMs);
    await timers.advance(1000);
    expect(changes.at(-1)).toEqual(['alice', { online: false, lastSeen: lastHeard }]);
    // A time in the future is clamped to now.
    await tracker.deviceActive(bob1, true);
    await tracker.deviceGone(bob1, { at: time.now + 1_000_000 });
    expect(await store.lastSeen('bob')).toBe(time.now);
    expect(start).toBeLessThan(time.now);
  });

  it('never backdates last seen before another device of the user left', async () => {
    const { time, store, tracker } = setUp();
    await tracker.deviceActive(alice1, true); // dies silently at once
    await tracker.deviceActive(alice2, true);
    const dead = time.now;
    time.advance(30_000);
    await tracker.deviceGone(alice2); // left properly at +30 s
    const left = time.now;
    time.advance(30_000);
    await tracker.deviceGone(alice1, { at: dead }); // found dead at +60 s
    expect(await store.lastSeen('alice')).toBe(left);
  });

  it('ignores unknown devices and repeated goodbyes', async () => {
    const { timers, changes, store, tracker } = setUp();
    await tracker.deviceGone(alice1);
    await tracker.deviceActive(alice1, true);
    await tracker.deviceGone(alice1);
    await tracker.deviceGone(alice1);
    await timers.advance(1000);
    expect(changes).toHaveLength(1);
    expect(await store.lastSeen('alice')).toBeDefined();
  });

  it('gives the stored last seen for users offline since before this process', async () => {
    const store = memoryPresenceStore();
    await store.setLastSeen('carol', 42);
    const { tracker } = setUp({ store });
    expect(await tracker.get('carol')).toEqual({ online: false, lastSeen: 42 });
    expect(await tracker.get('dave')).toEqual({ online: false });
  });

  it('emits only after last seen is stored', async () => {
    const inner = memoryPresenceStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: PresenceStore = {
      ...inner,
      async setLastSeen(userId, at) {
        await gate;
        await inner.setLastSeen(userId, at);
      },
    };
    const { timers, changes, tracker, start } = setUp({ store: slow });
    await tracker.deviceActive(alice1, true);
    await timers.advance(1000);
    const gone = tracker.deviceGone(alice1);
    await timers.advance(5000);
    expect(changes).toHaveLength(1);
    release();
    await gone;
    await expect.poll(() => changes.length).toBe(2);
    expect(changes[1]).toEqual(['alice', { online: false, lastSeen: start + 1000 }]);
  });

  it('still reports going offline when storing last seen fails', async () => {
    const inner = memoryPresenceStore();
    const failing: PresenceStore = {
      ...inner,
      setLastSeen: async () => {
        throw new Error('disk full');
      },
    };
    const { timers, changes, tracker } = setUp({ store: failing });
    await tracker.deviceActive(alice1, true);
    await tracker.deviceGone(alice1);
    await timers.advance(1000);
    // Went online and offline within one tick: the offline state (without a stored time) is reported.
    expect(changes).toEqual([['alice', { online: false }]]);
  });

  it('keeps emitting when onChange throws', async () => {
    const time = fakeClock();
    const timers = manualTimers(time);
    const seen: string[] = [];
    const tracker = presenceTracker({
      store: memoryPresenceStore(),
      clock: time.clock,
      setTimer: timers.setTimer,
      onChange: (userId) => {
        seen.push(userId);
        throw new Error('subscriber bug');
      },
    });
    await tracker.deviceActive(alice1, true);
    await tracker.deviceActive(bob1, true);
    await timers.advance(1000);
    expect(seen.sort()).toEqual(['alice', 'bob']);
  });

  it('flush emits at once; stop cancels the pending tick', async () => {
    const { timers, changes, tracker } = setUp();
    await tracker.deviceActive(alice1, true);
    await tracker.flush();
    expect(changes).toEqual([['alice', { online: true }]]);
    await tracker.deviceActive(bob1, true);
    expect(timers.pending()).toBe(1);
    await tracker.stop();
    expect(timers.pending()).toBe(0);
    await timers.advance(5000);
    expect(changes).toHaveLength(1);
  });
});
