// A SendAck that carries `delivered_at` (the recipient acknowledged the message before the server
// answered, PROTOCOL 8.1) moves the message from sent to delivered at once, with one
// receipt:updated, and the status is stored in the same transaction as "sent".
import { memoryClientStore } from '@parley/client';
import { sqliteStores } from '@parley/server-kit/sqlite';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { getMessage, putOutgoing } from '../src/messages/message-store.js';
import { messageStatusEvents } from '../src/messages/status-events.js';
import type { MessageRecord } from '../src/outbox/outbox.js';
import { newClient, onCleanup, startServer, texts } from './helpers/harness.js';

type Update = { messageId: string; status: string; by: string };

describe('the delivered receipt in the SendAck', () => {
  it('marks a 1:1 message delivered when the recipient had it before the answer', async () => {
    // The server's batches wait for the acks of entries that went out early: bob's ack comes first.
    const stores = sqliteStores({ path: ':memory:' }, { commitHoldMs: 60_000 });
    onCleanup(() => stores.close());
    // Receipt entries queued for alice (receipt queue ids start with U+001F 'r'): none, it was folded.
    const receiptsQueued: string[] = [];
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    stores.queue.enqueue = (items, options) => {
      for (const item of items)
        if (item.device.userId === 'alice' && item.id.startsWith('\u001fr')) receiptsQueued.push(item.id);
      return enqueue(items, options);
    };
    const { server } = await startServer({ stores });
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const updates: Update[] = [];
    alice.on('receipt:updated', (u) => updates.push(u));
    const bobGot = collect(bob);
    const sent = await alice.sendText('bob', 'quick');
    await vi.waitFor(() => expect(texts(bobGot)).toEqual(['quick']));
    await vi.waitFor(() =>
      expect(updates).toEqual([expect.objectContaining({ messageId: sent.id, status: 'delivered', by: 'bob' })]),
    );
    expect(await alice.messageStatus(sent.id)).toBe('delivered');
    expect(receiptsQueued).toEqual([]);
  });

  it('applies delivered_at only to 1:1 chats, in the transaction that marks the message sent', async () => {
    const store = memoryClientStore();
    const receipts: Update[] = [];
    const events = messageStatusEvents({
      announcements: { note: async () => ({}) as never, announce: async () => {} } as never,
      failed: () => {},
      receipt: (u) => receipts.push(u),
    });
    const record = (id: string, chatId: string, send: object) =>
      ({
        kind: 'message',
        id,
        chatId,
        send: { messageId: id, ...send },
        content: new Uint8Array(),
      }) as unknown as MessageRecord;
    const direct = record('m1', 'bob', { userId: 'bob' });
    const group = record('m2', 'g1', { groupId: 'g1' });
    await store.transaction(async (tx) => {
      for (const [id, chatId] of [
        ['m1', 'bob'],
        ['m2', 'g1'],
      ] as const) {
        const message = { id, chatId, from: { userId: 'alice', deviceId: 1 }, sentAt: 1, serverTime: 0 };
        await putOutgoing(tx, { ...message, content: { kind: 'text', text: 'x' } });
      }
    });
    await store.transaction(async (tx) => {
      await events.onSent(tx, direct, 5, 7);
      await events.onSent(tx, group, 5, 7); // a server never sets it on group sends: ignored
    });
    events.afterSent(direct, 5);
    events.afterSent(group, 5);
    expect(receipts).toEqual([{ chatId: 'bob', messageId: 'm1', status: 'delivered', by: 'bob', at: 7 }]);
    const status = (id: string) => store.transaction(async (tx) => (await getMessage(tx, id))?.status);
    expect(await status('m1')).toBe('delivered');
    expect(await status('m2')).toBe('sent');
  });
});
