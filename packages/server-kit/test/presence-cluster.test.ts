import { type parley, pb } from '@parley/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Logger, memoryBus } from '../src/index.js';
import { PRESENCE_CHANNEL, PresenceCluster } from '../src/presence/presence-cluster.js';
import type { PresenceState } from '../src/presence/presence-tracker.js';
import type { TypingChange } from '../src/presence/typing-tracker.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clusters: PresenceCluster[] = [];
afterEach(async () => {
  for (const c of clusters.splice(0)) await c.stop();
});

function member(bus: ReturnType<typeof memoryBus>, gatewayId: string, heartbeatMs = 10_000, logger = silent) {
  const changes: [string, PresenceState][] = [];
  const typing: TypingChange[] = [];
  const lost: [string, number][] = [];
  const cluster = new PresenceCluster({
    bus,
    gatewayId,
    clock: Date.now,
    logger,
    heartbeatMs,
    onRemoteChange: (userId, state) => changes.push([userId, state]),
    onRemoteTyping: (change) => typing.push(change),
    onGatewayLost: async (userId, at) => {
      lost.push([userId, at]);
    },
  });
  clusters.push(cluster);
  return { cluster, changes, typing, lost };
}

const send = (bus: ReturnType<typeof memoryBus>, note: parley.v1.GatewayNote.$Properties) =>
  bus.publish(PRESENCE_CHANNEL, pb.GatewayNote.encode(note).finish());

describe('PresenceCluster', () => {
  it('reports a user online while any gateway has them, offline only when none does', async () => {
    const bus = memoryBus();
    const a = member(bus, 'a');
    const b = member(bus, 'b');
    const c = member(bus, 'c');
    await Promise.all([a.cluster.start(), b.cluster.start(), c.cluster.start()]);
    expect(a.cluster.localChanged('alice', { online: true })).toEqual({ online: true });
    b.cluster.localChanged('alice', { online: true });
    await vi.waitFor(() => expect(c.cluster.onlineElsewhere('alice')).toBe(true));
    expect(c.changes).toEqual([['alice', { online: true }]]);
    // Offline on a while still online on b: a's subscribers must not see her go offline.
    expect(a.cluster.localChanged('alice', { online: false, lastSeen: 5 })).toBeUndefined();
    b.cluster.localChanged('alice', { online: false, lastSeen: 7 });
    await vi.waitFor(() => expect(c.changes).toContainEqual(['alice', { online: false, lastSeen: 7 }]));
    expect(c.changes).toHaveLength(2);
  });

  it("takes a silent gateway's users offline after three missed heartbeats, last seen = its last heartbeat", async () => {
    const bus = memoryBus();
    const b = member(bus, 'b', 20);
    await b.cluster.start();
    const sentAt = Date.now();
    await send(bus, { version: 1, gatewayId: 'crashed', presenceOnline: { userId: 'alice' } });
    await vi.waitFor(() => expect(b.cluster.onlineElsewhere('alice')).toBe(true));
    await vi.waitFor(() => expect(b.changes.at(-1)?.[1].online).toBe(false), { timeout: 2_000 });
    const lastSeen = b.changes.at(-1)?.[1].lastSeen ?? 0;
    expect(lastSeen).toBeGreaterThanOrEqual(sentAt);
    expect(b.lost).toEqual([['alice', lastSeen]]);
  });

  it('answers a new gateway with a heartbeat, relays typing and drops bad notes with a log line', async () => {
    const bus = memoryBus();
    const warnings: string[] = [];
    const a = member(bus, 'a');
    await a.cluster.start();
    a.cluster.localChanged('alice', { online: true });
    const b = member(bus, 'b', 10_000, {
      ...silent,
      warn: (message: string) => {
        warnings.push(message);
      },
    });
    await b.cluster.start(); // its hello makes a send a heartbeat at once
    await vi.waitFor(() => expect(b.cluster.onlineElsewhere('alice')).toBe(true));
    await bus.publish(PRESENCE_CHANNEL, new TextEncoder().encode('not json'));
    await send(bus, { version: 1, gatewayId: 'x', presenceOnline: {} }); // no user
    expect(warnings).toEqual(['bad gateway note dropped', 'bad gateway note dropped']);
    expect(b.cluster.onlineElsewhere('')).toBe(false);
    a.cluster.typing({ chatId: 'bob', userId: 'alice', typing: true });
    await vi.waitFor(() => expect(b.typing).toEqual([{ chatId: 'bob', userId: 'alice', typing: true }]));
    expect(a.typing).toEqual([]); // a gateway ignores its own messages
  });
});
