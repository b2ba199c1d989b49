import { memoryClientStore, type ParleyClient } from '@parley/client';
import { describe, expect, it, vi } from 'vitest';
import { TypingState } from '../src/presence.js';
import { newClient, onCleanup, reusable, startServer } from './helpers/harness.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

type PresenceEvent = { userId: string; online: boolean; lastSeen: number | undefined };
type TypingEvent = { chatId: string; userId: string; typing: boolean };
type Visibility = 'everyone' | 'contacts' | 'nobody';

function presenceEvents(client: ParleyClient, userId?: string): PresenceEvent[] {
  const seen: PresenceEvent[] = [];
  client.on('presence:changed', (e) => {
    if (!userId || e.userId === userId) seen.push(e);
  });
  return seen;
}

function typingEvents(client: ParleyClient): TypingEvent[] {
  const seen: TypingEvent[] = [];
  client.on('typing:changed', (e) => seen.push(e));
  return seen;
}

describe('presence', () => {
  it('answers subscribe with a snapshot, then pushes online and offline with last seen', async () => {
    const { server } = await startServer({ limits: { presenceCoalesceMs: 20 } });
    const alice = newClient(server.url, 'alice');
    const bobStore = reusable(memoryClientStore());
    const bob = newClient(server.url, 'bob', bobStore);
    await Promise.all([alice.connect(), bob.connect()]);
    const events = presenceEvents(alice, 'bob');

    await alice.presence.subscribe(['bob', 'never-seen']);
    await vi.waitFor(() => expect(alice.getPresence('bob')).toEqual({ online: true, lastSeen: undefined }));
    expect(alice.getPresence('never-seen')).toEqual({ online: false, lastSeen: undefined });

    const before = Date.now();
    await bob.close();
    await vi.waitFor(() => expect(events.at(-1)?.online).toBe(false));
    const lastSeen = events.at(-1)?.lastSeen as number;
    expect(lastSeen).toBeGreaterThanOrEqual(before);
    expect(lastSeen).toBeLessThanOrEqual(Date.now());
    expect(alice.getPresence('bob')).toEqual({ online: false, lastSeen });

    // Inactive (app in background) is offline too; active again is online.
    const bobAgain = newClient(server.url, 'bob', bobStore);
    await bobAgain.connect();
    await vi.waitFor(() => expect(alice.getPresence('bob')?.online).toBe(true));
    await bobAgain.setActive(false);
    await vi.waitFor(() => expect(alice.getPresence('bob')?.online).toBe(false));
    expect(alice.getPresence('bob')?.lastSeen).toBeGreaterThanOrEqual(lastSeen);
    await bobAgain.setActive(true);
    await vi.waitFor(() => expect(alice.getPresence('bob')?.online).toBe(true));

    // Unsubscribed: no more changes, nothing cached.
    await alice.presence.unsubscribe(['bob']);
    expect(alice.getPresence('bob')).toBeUndefined();
  });

  it('subscriptions survive a reconnect', async () => {
    const { server } = await startServer({ limits: { presenceCoalesceMs: 20 } });
    const proxy = await startTcpProxy(server.port);
    onCleanup(() => proxy.close());
    const alice = newClient(proxy.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await alice.connect();
    await alice.presence.subscribe(['bob']);
    expect(alice.getPresence('bob')).toEqual({ online: false, lastSeen: undefined });
    proxy.cutAll();
    await vi.waitFor(() => expect(alice.state).toBe('connected'));
    await bob.connect();
    await vi.waitFor(() => expect(alice.getPresence('bob')?.online).toBe(true));
  });

  // subject's setting, is the viewer in subject's contacts, viewer's setting, is the subject in viewer's contacts → visible
  const cases: Array<[Visibility, boolean, Visibility, boolean, boolean]> = [
    ['everyone', false, 'everyone', false, true],
    ['everyone', true, 'everyone', false, true],
    ['contacts', true, 'everyone', false, true],
    ['contacts', false, 'everyone', false, false],
    ['nobody', true, 'everyone', false, false],
    ['nobody', false, 'everyone', false, false],
    // Reciprocity: who hides their own presence sees nobody's; 'contacts' viewers see only their contacts.
    ['everyone', false, 'nobody', false, false],
    ['everyone', true, 'nobody', true, false],
    ['everyone', false, 'contacts', false, false],
    ['contacts', true, 'contacts', true, true],
  ];

  it.each(cases)(
    'subject %s (viewer is contact: %s), viewer %s (subject is contact: %s): visible %s, in the snapshot and live',
    async (subjectSetting, viewerIsContact, viewerSetting, subjectIsContact, visible) => {
      const { server } = await startServer({ limits: { presenceCoalesceMs: 20 } });
      const subject = newClient(server.url, 'subject');
      const viewer = newClient(server.url, 'viewer');
      await Promise.all([subject.connect(), viewer.connect()]);
      await subject.setLastSeenVisibility(subjectSetting);
      if (viewerIsContact) await subject.setContacts(['viewer']);
      await viewer.setLastSeenVisibility(viewerSetting);
      if (subjectIsContact) await viewer.setContacts(['subject']);
      const seenByViewer = presenceEvents(viewer, 'subject');
      const seenBySelf = presenceEvents(subject, 'subject');

      // The viewer subscribes first, so every change reaches it before it reaches the subject's own
      // subscription (which always sees itself): once the subject saw a change, so did the viewer.
      await viewer.presence.subscribe(['subject']);
      await subject.presence.subscribe(['subject']);
      const online = { online: true, lastSeen: undefined };
      expect(subject.getPresence('subject')).toEqual(online);
      expect(viewer.getPresence('subject')).toEqual(visible ? online : undefined);

      // Live change: the subject goes inactive.
      await subject.setActive(false);
      await vi.waitFor(() => expect(seenBySelf.at(-1)?.online).toBe(false));
      await viewer.setActive(true); // a round trip: pushes sent before its answer have arrived
      if (visible) {
        expect(seenByViewer.at(-1)).toEqual(seenBySelf.at(-1));
        expect(seenByViewer.at(-1)?.lastSeen).toEqual(expect.any(Number));
      } else {
        expect(seenByViewer).toEqual([]);
      }

      // And back online.
      await subject.setActive(true);
      await vi.waitFor(() => expect(seenBySelf.at(-1)?.online).toBe(true));
      await viewer.setActive(true);
      expect(viewer.getPresence('subject')).toEqual(visible ? online : undefined);
      if (!visible) expect(seenByViewer).toEqual([]);

      // A fresh snapshot while offline carries last seen, or nothing.
      await subject.setActive(false);
      await vi.waitFor(() => expect(seenBySelf.at(-1)?.online).toBe(false));
      await viewer.presence.unsubscribe(['subject']);
      await viewer.presence.subscribe(['subject']);
      expect(viewer.getPresence('subject')).toEqual(
        visible ? { online: false, lastSeen: seenBySelf.at(-1)?.lastSeen } : undefined,
      );
    },
  );

  it('a connection killed without a close frame turns into offline, last seen within the heartbeat timeout', async () => {
    const limits = { presenceCoalesceMs: 20, heartbeatIntervalMs: 200, idleTimeoutMs: 600 };
    const { server } = await startServer({ limits });
    const proxy = await startTcpProxy(server.port);
    onCleanup(() => proxy.close());
    const alice = newClient(server.url, 'alice');
    const bob = newClient(proxy.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const events = presenceEvents(alice, 'bob');
    await alice.presence.subscribe(['bob']);
    expect(alice.getPresence('bob')?.online).toBe(true);

    const cutAt = Date.now();
    proxy.cutAll();
    await proxy.close(); // bob cannot come back
    await vi.waitFor(() => expect(events.at(-1)?.online).toBe(false), { timeout: 5_000 });
    const lastSeen = events.at(-1)?.lastSeen as number;
    expect(Math.abs(lastSeen - cutAt)).toBeLessThanOrEqual(limits.idleTimeoutMs);
  });
  it('a connection gone silent is closed at the idle timeout, last seen being its last frame', async () => {
    const limits = { presenceCoalesceMs: 20, heartbeatIntervalMs: 100, idleTimeoutMs: 500 };
    const { server } = await startServer({ limits });
    const proxy = await startTcpProxy(server.port);
    onCleanup(() => proxy.close());
    const alice = newClient(server.url, 'alice');
    const bob = newClient(proxy.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const events = presenceEvents(alice, 'bob');
    await alice.presence.subscribe(['bob']);

    const frozenAt = Date.now();
    proxy.freezeAll(); // no close, no reset: only the heartbeat timeout finds out
    await vi.waitFor(() => expect(events.at(-1)?.online).toBe(false), { timeout: 5_000 });
    const noticedAt = Date.now();
    const lastSeen = events.at(-1)?.lastSeen as number;
    expect(noticedAt - frozenAt).toBeGreaterThanOrEqual(limits.idleTimeoutMs - 50);
    expect(lastSeen).toBeLessThanOrEqual(frozenAt + 50); // not the close time (>= frozenAt + idleTimeoutMs)
    expect(frozenAt - lastSeen).toBeLessThanOrEqual(limits.heartbeatIntervalMs + 50);
  });
});

describe('typing', () => {
  it('reaches the online peer and expires without a refresh', async () => {
    const { server } = await startServer({ limits: { typingExpiryMs: 300 } });
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const bobSaw = typingEvents(bob);
    const aliceSaw = typingEvents(alice);

    await alice.setTyping('bob', true);
    await vi.waitFor(() => expect(bobSaw).toEqual([{ chatId: 'alice', userId: 'alice', typing: true }]));
    await vi.waitFor(() => expect(bobSaw.at(-1)).toEqual({ chatId: 'alice', userId: 'alice', typing: false }));
    expect(bobSaw).toHaveLength(2);

    // Explicit stop.
    await alice.setTyping('bob', true);
    await vi.waitFor(() => expect(bobSaw).toHaveLength(3));
    await alice.setTyping('bob', false);
    await vi.waitFor(() => expect(bobSaw).toHaveLength(4));
    expect(bobSaw.at(-1)?.typing).toBe(false);
    expect(aliceSaw).toEqual([]); // not echoed to the typist
  });

  it("ends when the typist's last device goes", async () => {
    const { server } = await startServer({ limits: { typingExpiryMs: 60_000 } });
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const bobSaw = typingEvents(bob);
    await alice.setTyping('bob', true);
    await vi.waitFor(() => expect(bobSaw).toHaveLength(1));
    await alice.close(); // the server also ends alice's typing when her last device goes
    await vi.waitFor(() => expect(bobSaw.at(-1)?.typing).toBe(false));
    expect(bobSaw).toHaveLength(2);
  });

  it('is never delivered to a device that was offline when it was sent', async () => {
    const { server } = await startServer({ limits: { typingExpiryMs: 60_000 } });
    const alice = newClient(server.url, 'alice');
    const carolStore = reusable(memoryClientStore());
    const carol = newClient(server.url, 'carol', carolStore);
    await carol.connect();
    await carol.close();
    await alice.connect();
    await alice.setTyping('carol', true); // carol is offline: still typing when she connects

    const carolAgain = newClient(server.url, 'carol', carolStore);
    const carolSaw = typingEvents(carolAgain);
    await carolAgain.connect();
    await carolAgain.setActive(true); // a round trip
    // A new typing after she connected is the first thing she hears.
    await alice.setTyping('carol', false);
    await alice.setTyping('carol', true);
    await vi.waitFor(() => expect(carolSaw).toHaveLength(1));
    await carolAgain.setActive(true);
    expect(carolSaw).toEqual([{ chatId: 'alice', userId: 'alice', typing: true }]);
  });

  it('the client expires a typing state by itself when no stop comes', () => {
    vi.useFakeTimers();
    try {
      const seen: TypingEvent[] = [];
      const state = new TypingState((e) => seen.push(e));
      state.changed({ chatId: 'alice', userId: 'alice', typing: true, expiresInMs: 10_000 });
      vi.advanceTimersByTime(9_000);
      state.changed({ chatId: 'alice', userId: 'alice', typing: true, expiresInMs: 10_000 }); // refresh
      vi.advanceTimersByTime(9_000);
      expect(seen.map((e) => e.typing)).toEqual([true]);
      vi.advanceTimersByTime(1_000);
      expect(seen.map((e) => e.typing)).toEqual([true, false]);
      state.changed({ chatId: 'alice', userId: 'alice', typing: false }); // late stop: nothing new
      expect(seen).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
