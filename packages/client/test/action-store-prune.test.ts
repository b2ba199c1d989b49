import { memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import {
  keepPending,
  markSeen,
  PENDING_KEEP_MS,
  type ReceivedAction,
  SEEN_KEEP_MS,
  sentAction,
  wasSeen,
} from '../src/actions/action-store.js';
import type { StoreTx } from '../src/stores/client-store.js';
import { NS } from '../src/stores/namespaces.js';

// Dedup ids and pending actions are kept for a window past the server's queue TTL, then pruned a
// few per write, so the actions' namespaces stay bounded however long the client runs.

const count = async (tx: StoreTx, ns: string) => (await tx.list(ns)).length;

const action = (id: string, targetId: string): ReceivedAction => ({
  id,
  from: { userId: 'bob', deviceId: 1 },
  chatId: 'bob',
  sentAt: 0,
  action: { kind: 'reaction', messageId: targetId, emoji: '👍' },
});

describe('action dedup ids and pending actions', () => {
  it('forget a seen id once its window has passed, not before', async () => {
    const store = memoryClientStore();
    await store.transaction((tx) => markSeen(tx, 'a1', 1_000));
    await store.transaction((tx) => markSeen(tx, 'a2', 999 + SEEN_KEEP_MS));
    expect(await store.transaction((tx) => wasSeen(tx, 'a1'))).toBe(true);
    await store.transaction((tx) => markSeen(tx, 'a3', 1_000 + SEEN_KEEP_MS));
    expect(await store.transaction((tx) => wasSeen(tx, 'a1'))).toBe(false);
    expect(await store.transaction((tx) => wasSeen(tx, 'a2'))).toBe(true);
    expect(await store.transaction((tx) => wasSeen(tx, 'a3'))).toBe(true);
  });

  it('keep a sent action’s content for resends while its id is kept', async () => {
    const store = memoryClientStore();
    const content = new Uint8Array([1, 2, 3]);
    await store.transaction((tx) => markSeen(tx, 'mine', 0, { chatId: 'bob', content }));
    expect(await store.transaction((tx) => sentAction(tx, 'mine'))).toEqual({ chatId: 'bob', content });
    await store.transaction((tx) => markSeen(tx, 'later', SEEN_KEEP_MS + 1));
    expect(await store.transaction((tx) => sentAction(tx, 'mine'))).toBeUndefined();
  });

  it('stay bounded over a long run: ids and waiting actions beyond the window are gone', async () => {
    const store = memoryClientStore();
    const step = SEEN_KEEP_MS / 100; // 100 writes per window
    for (let i = 0; i < 500; i++) {
      const now = i * step;
      await store.transaction(async (tx) => {
        await markSeen(tx, `id-${i}`, now);
        // Every other one waits for a message that never comes.
        if (i % 2 === 0) await keepPending(tx, action(`id-${i}`, `missing-${i}`), now);
      });
    }
    await store.transaction(async (tx) => {
      // About one window's worth is kept (plus the ids not yet reached by the batch).
      expect(await count(tx, NS.actionsSeen)).toBeLessThanOrEqual(102);
      expect(await count(tx, NS.actionsSeenPrune)).toBeLessThanOrEqual(102);
      expect(await count(tx, NS.actionsPending)).toBeLessThanOrEqual(Math.ceil((PENDING_KEEP_MS / step + 2) / 2));
      expect(await count(tx, NS.actionsPendingPrune)).toBeLessThanOrEqual(52);
      expect(await wasSeen(tx, 'id-0')).toBe(false);
      expect(await wasSeen(tx, 'id-499')).toBe(true);
    });
  });
});
