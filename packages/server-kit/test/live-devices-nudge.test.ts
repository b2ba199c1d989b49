import { describe, expect, it, vi } from 'vitest';
import { RecentEntries } from '../src/cluster/recent-entries.js';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { silentLogger } from '../src/contracts/logger.js';
import type { OfflineQueue, QueueEntry } from '../src/contracts/offline-queue.js';
import type { DeviceLocation, SessionDirectory } from '../src/contracts/session-directory.js';
import type { DeviceAddress } from '../src/contracts/types.js';
import type { Connection } from '../src/gateway/connection.js';
import { DirectorySweep } from '../src/gateway/directory-sweep.js';
import type { DeviceNote } from '../src/gateway/gateway-notes.js';
import { LiveDevices } from '../src/gateway/live-devices.js';
import { memoryQueue } from '../src/memory/memory-queue.js';

const bob = { userId: 'bob', deviceId: 1 };
const carol = { userId: 'carol', deviceId: 1 };
const entry = (seq: number): QueueEntry => ({ id: `e${seq}`, seq, data: new Uint8Array([seq]), storedAt: Date.now() });

/** LiveDevices of gateway g1 with no local devices; bob is on g2, carol on g3. */
function setup() {
  const lookups: DeviceAddress[][] = [];
  const where: Record<string, DeviceLocation> = {
    bob: { gatewayId: 'g2', connectionId: 'c1' },
    carol: { gatewayId: 'g3', connectionId: 'c2' },
  };
  const directory = {
    async lookup(devices: DeviceAddress[]) {
      lookups.push(devices);
      return devices.map((d) => where[d.userId]);
    },
  } as unknown as SessionDirectory;
  const recent = new RecentEntries();
  const queue: OfflineQueue = {
    ...memoryQueue(),
    commitOrdered: false,
    ...{ takeRecent: (d: DeviceAddress) => recent.take(d), remember: () => {}, forget: () => {} },
  };
  const sent: Array<{ to: string; note: DeviceNote }> = [];
  const live = new LiveDevices({
    gatewayId: 'g1',
    stores: { directory, queue },
    limits: DEFAULT_LIMITS,
    clock: Date.now,
    logger: silentLogger,
    notes: { send: (to, note) => sent.push({ to, note }) },
    presence: { connected: () => {}, closed: () => {} },
  });
  return { live, recent, lookups, sent };
}

describe('LiveDevices.nudge across gateways', () => {
  it('looks up the devices nudged in one tick together, one note per device with every entry taken', async () => {
    const { live, recent, lookups, sent } = setup();
    recent.add(bob, [entry(8)]);
    live.nudge([bob]);
    recent.add(bob, [entry(9)]);
    recent.add(carol, [entry(3)]);
    live.nudge([carol, bob]);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(lookups).toEqual([[bob, carol]]);
    const seqs = (to: string) =>
      sent.filter((s) => s.to === to).map((s) => (s.note.kind === 'nudge' ? s.note.entries?.map((e) => e.seq) : []));
    expect(seqs('g2')).toEqual([[8, 9]]);
    expect(seqs('g3')).toEqual([[3]]);
  });

  it('also gathers nudges made by request handlers resuming one after the other (promise jobs of one tick)', async () => {
    const { live, lookups, sent } = setup();
    const later = (hops: number): Promise<void> =>
      hops === 0 ? Promise.resolve() : Promise.resolve().then(() => later(hops - 1));
    void later(1).then(() => live.nudge([bob]));
    void later(4).then(() => live.nudge([carol]));
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(lookups).toEqual([[bob, carol]]);
  });

  it('sends the entries of a device in seq order even when batches reported them out of order', async () => {
    const { live, recent, sent } = setup();
    recent.add(bob, [entry(9)]);
    live.nudge([bob]);
    recent.add(bob, [entry(8)]);
    live.nudge([bob]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const note = sent[0]?.note;
    expect(note?.kind === 'nudge' && note.entries?.map((e) => e.seq)).toEqual([8, 9]);
  });

  it('looks up again in a later tick', async () => {
    const { live, lookups, sent } = setup();
    live.nudge([bob]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    live.nudge([bob]);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(lookups).toHaveLength(2);
    // No entries known: a plain nudge, so g2 reads the queue.
    expect(sent.every((s) => s.note.kind === 'nudge' && s.note.entries === undefined)).toBe(true);
  });
});

/** A connection as LiveDevices and DirectorySweep see it (no socket). */
const fakeConnection = (id: string, now: number) =>
  ({
    id,
    isOpen: true,
    state: 'hello',
    address: undefined,
    lastClaimAt: 0,
    lastReceivedAt: now,
    openedAt: now,
    close: () => {},
    send: () => true,
    sendBytes: () => true,
    sendDeliver: () => true,
  }) as unknown as Connection;

/** A queue whose remembered-entries calls are recorded. */
function recordingQueue() {
  const calls: string[] = [];
  const queue: OfflineQueue = {
    ...memoryQueue(),
    commitOrdered: false,
    ...{
      takeRecent: () => [],
      remember: (d: DeviceAddress, entries: QueueEntry[]) => calls.push(`remember ${d.userId} ${entries.length}`),
      forget: (d: DeviceAddress) => calls.push(`forget ${d.userId}`),
    },
  };
  return { queue, calls };
}

describe('remembered entries on the receiving side', () => {
  it('remembers the entries of a note for a device held here, and forgets on a note without them', async () => {
    const { queue, calls } = recordingQueue();
    const directory = { claim: async () => undefined, release: async () => {}, lookup: async () => [] };
    const live = new LiveDevices({
      gatewayId: 'g2',
      stores: { directory: directory as unknown as SessionDirectory, queue },
      limits: DEFAULT_LIMITS,
      clock: Date.now,
      logger: silentLogger,
      notes: { send: () => {} },
      presence: { connected: () => {}, closed: () => {} },
    });
    await live.attach(fakeConnection('c1', Date.now()), bob);
    live.onNote({ kind: 'nudge', device: bob, entries: [entry(4), entry(5)] });
    live.onNote({ kind: 'nudge', device: bob });
    live.onNote({ kind: 'nudge', device: carol, entries: [entry(1)] }); // not held here: nothing to remember
    expect(calls).toEqual(['remember bob 2', 'forget bob']);
  });

  it('makes the directory sweep’s nudge read the queue (it stands in for lost notes)', () => {
    vi.useFakeTimers();
    try {
      const { queue, calls } = recordingQueue();
      let now = 100_000;
      const connection = fakeConnection('c1', now);
      Object.assign(connection, { state: 'ready', address: bob, lastClaimAt: now });
      const directory = { claim: async () => undefined } as unknown as SessionDirectory;
      const sweep = new DirectorySweep({
        gatewayId: 'g2',
        stores: { directory, queue },
        limits: { ...DEFAULT_LIMITS, idleTimeoutMs: 1_000 },
        clock: () => now,
        logger: silentLogger,
        connections: () => [connection],
        nudgeLocal: (d) => calls.push(`nudge ${d.userId}`),
      });
      sweep.start();
      now += 800; // past a third of the claim's lifetime (2 x idle timeout), within the idle timeout
      Object.assign(connection, { lastReceivedAt: now });
      vi.advanceTimersByTime(300);
      sweep.stop();
      expect(calls).toEqual(['forget bob', 'nudge bob']);
    } finally {
      vi.useRealTimers();
    }
  });
});
