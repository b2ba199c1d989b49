import { type ChatSummary, createClient, memoryClientStore } from '@parley/client';
import { seedHistory } from '@parley/client/testing';
import { describe, expect, it } from 'vitest';
import { toChatMessage } from '../src/chat-message.js';
import { chatRows } from '../src/chat-rows.js';

const summary = (chatId: string, lastActivity: number, extra: Partial<ChatSummary> = {}): ChatSummary => ({
  chatId,
  isGroup: false,
  lastMessage: undefined,
  lastActivity,
  unreadCount: 0,
  muted: false,
  archived: false,
  ...extra,
});

describe('chat rows', () => {
  it('keeps the client order, names groups, and adds empty groups and started chats last', () => {
    const rows = chatRows(
      [summary('bob', 30, { unreadCount: 2 }), summary('g1', 20, { isGroup: true })],
      new Map([
        ['g1', { name: 'Team' }],
        ['g2', { name: 'Book club' }],
      ]),
      ['zed', 'bob'],
    );
    expect(rows.map((r) => [r.chatId, r.name, r.group, r.unread, r.activity])).toEqual([
      ['bob', 'bob', false, 2, 30],
      ['g1', 'Team', true, 0, 20],
      ['g2', 'Book club', true, 0, 0],
      ['zed', 'zed', false, 0, 0],
    ]);
  });

  it('reads the chat list and last messages from the client store, not from an index of its own', async () => {
    const store = memoryClientStore();
    const [chatId] = await seedHistory(store, { userId: 'me', messages: 11 });
    const client = createClient({ url: 'ws://127.0.0.1:1', userId: 'me', store });
    const { chats } = await client.chats.list();
    const [row] = chatRows(chats, new Map(), []);
    expect(row).toMatchObject({ chatId, unread: 1, last: { text: `message 10 in ${chatId}`, outgoing: false } });
    const page = await client.messages(chatId as string).page({ limit: 3 });
    expect(page.messages.map((m) => toChatMessage(m).text)).toEqual([8, 9, 10].map((i) => `message ${i} in ${chatId}`));
    expect(page.hasOlder).toBe(true);
    await client.close();
  });
});
