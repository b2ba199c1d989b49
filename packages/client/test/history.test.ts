import { memoryClientStore } from '@parley/client';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { chatsApi } from '../src/history/chats-api.js';
import { messageHistory } from '../src/history/message-history.js';
import { searchMessages } from '../src/history/search.js';
import {
  indexStoredMessages,
  markIncomingRead,
  markSent,
  putIncoming,
  putOutgoing,
} from '../src/messages/message-store.js';
import type { ClientStore } from '../src/stores/client-store.js';
import { NS } from '../src/stores/namespaces.js';
import { newClient, reusable, startServer } from './helpers/harness.js';

/** Ids that sort like UUIDv7s do: by time. */
const idOf = (i: number) => `m${String(i).padStart(5, '0')}`;

async function fill(store: ClientStore, chatId: string, n: number, options: { from?: number; unread?: boolean } = {}) {
  const first = options.from ?? 0;
  await store.transaction(async (tx) => {
    for (let i = first; i < first + n; i++) {
      const base = {
        id: idOf(i),
        chatId,
        content: { kind: 'text' as const, text: `text ${i}` },
        sentAt: i,
        serverTime: i,
      };
      if (options.unread) await putIncoming(tx, { ...base, from: { userId: chatId, deviceId: 1 }, outgoing: false });
      else await putOutgoing(tx, { ...base, from: { userId: 'me', deviceId: 1 } });
    }
  });
}

const ids = (page: { messages: Array<{ id: string }> }) => page.messages.map((m) => m.id);

describe('message history', () => {
  it('pages back from the newest message and forward again, knowing what lies beyond', async () => {
    const store = memoryClientStore();
    await fill(store, 'bob', 120);
    await fill(store, 'carol', 5, { from: 1000 }); // another chat, interleaved by id
    const history = messageHistory(store, 'bob');

    const newest = await history.page({ limit: 50 });
    expect(ids(newest)).toEqual(Array.from({ length: 50 }, (_, i) => idOf(70 + i)));
    expect(newest).toMatchObject({ hasOlder: true, hasNewer: false });

    const older = await history.page({ before: newest.messages[0]!.id, limit: 50 });
    expect(ids(older)).toEqual(Array.from({ length: 50 }, (_, i) => idOf(20 + i)));
    expect(older).toMatchObject({ hasOlder: true, hasNewer: true });

    const oldest = await history.page({ before: older.messages[0]!.id, limit: 50 });
    expect(ids(oldest)).toEqual(Array.from({ length: 20 }, (_, i) => idOf(i)));
    expect(oldest).toMatchObject({ hasOlder: false, hasNewer: true });

    const forward = await history.page({ after: idOf(100), limit: 10 });
    expect(ids(forward)).toEqual(Array.from({ length: 10 }, (_, i) => idOf(101 + i)));
    expect(forward).toMatchObject({ hasOlder: true, hasNewer: true });
    const between = await history.page({ after: idOf(10), before: idOf(14) });
    expect(ids(between)).toEqual([idOf(11), idOf(12), idOf(13)]);
    expect(await history.page({ after: idOf(119) })).toEqual({ messages: [], hasOlder: true, hasNewer: false });
    expect(await messageHistory(store, 'nobody').page()).toEqual({ messages: [], hasOlder: false, hasNewer: false });
  });

  it('centres a page on a message, and refuses one of another chat', async () => {
    const store = memoryClientStore();
    await fill(store, 'bob', 30);
    await fill(store, 'carol', 1, { from: 500 });
    const history = messageHistory(store, 'bob');
    const middle = await history.around(idOf(15), { limit: 5 });
    expect(ids(middle)).toEqual([idOf(13), idOf(14), idOf(15), idOf(16), idOf(17)]);
    expect(middle).toMatchObject({ hasOlder: true, hasNewer: true });
    // Near the start, the room left before goes after.
    const start = await history.around(idOf(0), { limit: 5 });
    expect(ids(start)).toEqual([idOf(0), idOf(1), idOf(2), idOf(3), idOf(4)]);
    expect(start).toMatchObject({ hasOlder: false, hasNewer: true });
    await expect(history.around(idOf(500))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects bad paging input with INVALID_ARGUMENT', async () => {
    const history = messageHistory(memoryClientStore(), 'bob');
    for (const bad of [0, -1, 1.5, 501, Number.NaN]) {
      await expect(history.page({ limit: bad })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    await expect(history.page({ before: 7 as unknown as string })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(() => messageHistory(memoryClientStore(), '')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    await expect(history.search('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('deletes for me and clears a chat, keeping the chat summary true', async () => {
    const store = memoryClientStore();
    await fill(store, 'bob', 10, { unread: true });
    await fill(store, 'carol', 3, { from: 100 });
    const chats = chatsApi(store);
    const history = messageHistory(store, 'bob');
    expect(await chats.get('bob')).toMatchObject({ unreadCount: 10, lastMessage: { id: idOf(9) } });

    // Deleting the newest (unread) message: the one before becomes the last, and unread drops.
    expect(await history.delete([idOf(9), idOf(3), idOf(100), 'missing'])).toBe(2);
    expect(await chats.get('bob')).toMatchObject({ unreadCount: 8, lastMessage: { id: idOf(8) } });
    expect(ids(await history.page())).toEqual([0, 1, 2, 4, 5, 6, 7, 8].map(idOf));
    // Another chat's message named in the call was left alone.
    expect(ids(await messageHistory(store, 'carol').page())).toEqual([idOf(100), idOf(101), idOf(102)]);

    expect(await history.clear()).toBe(8);
    expect(await history.page()).toEqual({ messages: [], hasOlder: false, hasNewer: false });
    const cleared = await chats.get('bob');
    expect(cleared).toMatchObject({ chatId: 'bob', unreadCount: 0, lastMessage: undefined });
    expect((await chats.list()).chats.map((c) => c.chatId)).toEqual(['carol', 'bob']);
  });

  it('clears a chat longer than one clearing batch', async () => {
    const store = memoryClientStore();
    await fill(store, 'bob', 1234, { unread: true });
    expect(await messageHistory(store, 'bob').clear()).toBe(1234);
    expect(await chatsApi(store).get('bob')).toMatchObject({ unreadCount: 0, lastMessage: undefined });
  });

  it('finds text in one chat or all, newest first, ignoring case', async () => {
    const store = memoryClientStore();
    await store.transaction(async (tx) => {
      const put = (id: string, chatId: string, text: string) =>
        putOutgoing(tx, {
          id,
          chatId,
          from: { userId: 'me', deviceId: 1 },
          content: { kind: 'text', text },
          sentAt: 1,
          serverTime: 0,
        });
      await put('a1', 'bob', 'Lunch at noon?');
      await put('a2', 'carol', 'no LUNCH today');
      await put('a3', 'bob', 'dinner then');
      await put('a4', 'bob', 'lunch it is');
    });
    await fill(store, 'bob', 1100, { from: 10 }); // more than one scan batch of non-matching messages after them
    const found = await searchMessages(store, 'lunch');
    expect(found.map((m) => m.id)).toEqual(['a4', 'a2', 'a1']);
    expect((await messageHistory(store, 'bob').search('LUNCH')).map((m) => m.id)).toEqual(['a4', 'a1']);
    expect((await searchMessages(store, 'lunch', { limit: 1 })).map((m) => m.id)).toEqual(['a4']);
    expect((await searchMessages(store, 'lunch', { before: 'a4' })).map((m) => m.id)).toEqual(['a2', 'a1']);
    expect(await searchMessages(store, 'breakfast')).toEqual([]);
  });
});

describe('chat list', () => {
  it('orders chats by last activity, pages with a cursor, and filters archived', async () => {
    const store = memoryClientStore();
    const chats = chatsApi(store);
    for (const [i, chatId] of ['ann', 'ben', 'cat', 'dan', 'eve'].entries())
      await fill(store, chatId, 1, { from: i * 10 });
    await fill(store, 'ann', 1, { from: 100 }); // ann talks again: first now
    const first = await chats.list({ limit: 2 });
    expect(first.chats.map((c) => c.chatId)).toEqual(['ann', 'eve']);
    expect(first.chats[0]).toMatchObject({ lastActivity: 100, lastMessage: { id: idOf(100) }, isGroup: false });
    const second = await chats.list({ limit: 2, cursor: first.next as string });
    expect(second.chats.map((c) => c.chatId)).toEqual(['dan', 'cat']);
    const third = await chats.list({ limit: 2, cursor: second.next as string });
    expect(third.chats.map((c) => c.chatId)).toEqual(['ben']);
    expect(third.next).toBeUndefined();

    await chats.setArchived('dan', true);
    await chats.setMuted('eve', true);
    expect((await chats.list({ archived: true })).chats.map((c) => c.chatId)).toEqual(['dan']);
    const active = await chats.list({ archived: false, limit: 2 });
    expect(active.chats.map((c) => [c.chatId, c.muted])).toEqual([
      ['ann', false],
      ['eve', true],
    ]);
    expect((await chats.list({ archived: false, cursor: active.next as string })).chats.map((c) => c.chatId)).toEqual([
      'cat',
      'ben',
    ]);
    await expect(chats.list({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(chats.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('counts unread incoming messages, lowered by reads here and on other devices', async () => {
    const store = memoryClientStore();
    await fill(store, 'bob', 5, { unread: true });
    await store.transaction(async (tx) => {
      // This user's own send from another device never counts as unread.
      await putIncoming(tx, {
        id: idOf(50),
        chatId: 'bob',
        from: { userId: 'me', deviceId: 2 },
        content: { kind: 'text', text: 'mine' },
        sentAt: 50,
        serverTime: 50,
        outgoing: true,
      });
      await markSent(tx, idOf(50), 51);
    });
    const chats = chatsApi(store);
    expect(await chats.get('bob')).toMatchObject({ unreadCount: 5, lastMessage: { id: idOf(50), status: 'sent' } });
    await store.transaction((tx) => markIncomingRead(tx, idOf(1), 60));
    await store.transaction((tx) => markIncomingRead(tx, idOf(1), 61)); // twice: counted once
    expect(await chats.get('bob')).toMatchObject({ unreadCount: 4 });
  });
});

describe('indexing a store from before the chat list', () => {
  it('builds chat summaries, unread and unsent from the stored messages, once, and safely again after a crash', async () => {
    const store = memoryClientStore();
    // What an older version left: messages and the per-chat id index, nothing else.
    await store.transaction(async (tx) => {
      const base = { content: { kind: 'text', text: 'x' }, sentAt: 5 };
      const rows = [
        {
          ...base,
          id: 'a1',
          chatId: 'bob',
          from: { userId: 'bob', deviceId: 1 },
          serverTime: 10,
          outgoing: false,
          status: 'received',
        },
        {
          ...base,
          id: 'a2',
          chatId: 'bob',
          from: { userId: 'bob', deviceId: 1 },
          serverTime: 11,
          outgoing: false,
          status: 'received',
          readAt: 20,
        },
        {
          ...base,
          id: 'a3',
          chatId: 'bob',
          from: { userId: 'me', deviceId: 1 },
          serverTime: 0,
          outgoing: true,
          status: 'pending',
        },
        {
          ...base,
          id: 'b1',
          chatId: 'carol',
          from: { userId: 'me', deviceId: 1 },
          serverTime: 30,
          outgoing: true,
          status: 'failed',
        },
      ];
      for (const m of rows) {
        await tx.put(NS.messages, m.id, m);
        await tx.put(`chat\u001f${m.chatId}`, m.id, true);
      }
      // A partial earlier run counted bob's unread message already.
      await tx.put(NS.chats, 'bob', { chatId: 'bob', lastActivity: 10, unread: 1, muted: true, archived: false });
    });
    await indexStoredMessages(store);
    const chats = chatsApi(store);
    const list = await chats.list();
    expect(list.chats.map((c) => [c.chatId, c.unreadCount, c.lastMessage?.id, c.muted])).toEqual([
      ['carol', 0, 'b1', false],
      ['bob', 1, 'a3', true],
    ]);
    expect(await store.transaction((tx) => tx.list(NS.unsent))).toEqual([
      ['a3', 'pending'],
      ['b1', 'failed'],
    ]);
    // Once only: a later message is counted by the store itself, not indexed twice.
    await store.transaction((tx) =>
      putIncoming(tx, {
        id: 'a4',
        chatId: 'bob',
        from: { userId: 'bob', deviceId: 1 },
        content: { kind: 'text', text: 'y' },
        sentAt: 40,
        serverTime: 40,
        outgoing: false,
      }),
    );
    await indexStoredMessages(store);
    expect((await chats.get('bob'))?.unreadCount).toBe(2);
  });
});

describe('history through the client', () => {
  it('stores every message sent and received; unread counts follow markRead; events carry the stored message', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bobStore = reusable(memoryClientStore());
    const bob = newClient(server.url, 'bob', bobStore);
    await Promise.all([alice.connect(), bob.connect()]);
    const received = collect(bob);
    for (const text of ['one', 'two', 'three']) await alice.sendText('bob', text);
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received[0]).toMatchObject({ status: 'received', chatId: 'alice', outgoing: false });

    const list = await bob.chats.list();
    expect(list.chats).toHaveLength(1);
    expect(list.chats[0]).toMatchObject({
      chatId: 'alice',
      unreadCount: 3,
      lastMessage: { content: { text: 'three' } },
    });
    const page = await bob.messages('alice').page();
    expect(page.messages.map((m) => (m.content.kind === 'text' ? m.content.text : ''))).toEqual([
      'one',
      'two',
      'three',
    ]);

    await bob.markRead('alice', { upTo: page.messages[1]!.id });
    expect((await bob.chats.get('alice'))?.unreadCount).toBe(1);
    const reply = await bob.send('alice', 'hi!');
    expect(reply.message).toMatchObject({ status: 'pending', chatId: 'alice', outgoing: true });
    await reply.sent;
    const bobChat = await bob.messages('alice').page();
    // 'delivered' when alice acknowledged it before bob's SendAck (which then carries delivered_at).
    const statuses = bobChat.messages.map((m) => m.status);
    expect(statuses.slice(0, 3)).toEqual(['received', 'received', 'received']);
    expect(['sent', 'delivered']).toContain(statuses[3]);
    await vi.waitFor(async () => expect((await alice.messages('bob').page()).messages).toHaveLength(4));
    expect((await alice.chats.get('bob'))?.unreadCount).toBe(1);
  });
});
