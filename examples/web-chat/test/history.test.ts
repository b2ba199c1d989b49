import { memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import {
  type ChatMessage,
  clearUnread,
  ensureChat,
  listChats,
  loadMessages,
  recordMessage,
  toChatMessage,
} from '../src/history.js';

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

  it('keeps the name of a group chat and the sender of its last message', async () => {
    const store = memoryClientStore();
    await ensureChat(store, 'g1', { name: 'Team' });
    await recordMessage(store, { ...message('07', 'g1'), from: 'bob' }, { read: false });
    await ensureChat(store, 'g1', { name: 'Team 2' });
    const [chat] = await listChats(store);
    expect(chat).toMatchObject({ chatId: 'g1', group: { name: 'Team 2' }, unread: 1, last: { id: '07', from: 'bob' } });
  });

  it('turns a stored attachment into a labelled message with its metadata', () => {
    const shown = toChatMessage({
      id: '09',
      chatId: 'g1',
      outgoing: false,
      sentAt: 1,
      from: { userId: 'carol' },
      content: {
        kind: 'media',
        media: {
          kind: 'document',
          blobId: 'b',
          mediaKey: new Uint8Array(32),
          digest: new Uint8Array(32),
          size: 10,
          mimeType: 'application/pdf',
          fileName: 'plan.pdf',
        },
      },
    });
    expect(shown).toEqual({
      id: '09',
      chatId: 'g1',
      from: 'carol',
      outgoing: false,
      sentAt: 1,
      text: '📄 plan.pdf',
      media: { kind: 'document', mimeType: 'application/pdf', size: 10, fileName: 'plan.pdf' },
    });
  });
});
