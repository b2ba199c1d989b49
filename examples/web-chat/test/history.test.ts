import { memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { type ChatMessage, clearUnread, ensureChat, listChats, loadMessages, recordMessage } from '../src/history.js';

const message = (id: string, chatId: string, outgoing = false, text = id): ChatMessage => ({
  id,
  chatId,
  outgoing,
  text,
  sentAt: 1,
});

describe('chat history', () => {
  it('records each message once, counts unread incoming ones, and orders chats by activity', async () => {
    const store = memoryClientStore();
    await ensureChat(store, 'dave');
    expect((await recordMessage(store, message('01', 'bob'), { read: false })).added).toBe(true);
    expect((await recordMessage(store, message('01', 'bob'), { read: false })).added).toBe(false);
    await recordMessage(store, message('02', 'bob', true), { read: false });
    await recordMessage(store, message('03', 'carol'), { read: true });
    await recordMessage(store, message('04', 'bob'), { read: false });
    const chats = await listChats(store);
    expect(chats.map((c) => [c.chatId, c.unread, c.last?.id])).toEqual([
      ['bob', 2, '04'],
      ['carol', 0, '03'],
      ['dave', 0, undefined],
    ]);
    expect((await loadMessages(store, 'bob')).map((m) => m.id)).toEqual(['01', '02', '04']);
    expect((await loadMessages(store, 'bob', 2)).map((m) => m.id)).toEqual(['02', '04']);
    expect((await clearUnread(store, 'bob'))?.unread).toBe(0);
    expect((await ensureChat(store, 'bob')).last?.id).toBe('04');
  });

  it('keeps the newest message as the last one when an older one arrives late', async () => {
    const store = memoryClientStore();
    await recordMessage(store, message('05', 'bob'), { read: true });
    await recordMessage(store, message('03', 'bob'), { read: true });
    expect((await listChats(store))[0]?.last?.id).toBe('05');
    expect((await loadMessages(store, 'bob')).map((m) => m.id)).toEqual(['03', '05']);
  });
});
