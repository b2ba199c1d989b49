import { memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { getChatSetting, nextExpiry } from '../src/actions/action-store.js';
import type { MessageMeta } from '../src/actions/action-types.js';
import { noteGroupTimer } from '../src/actions/group-timer.js';
import type { DecodedContent } from '../src/content.js';
import { putGroup } from '../src/groups/group-book.js';
import { fileContent } from '../src/messages/file-content.js';
import { getMessage } from '../src/messages/message-store.js';
import type { ClientStore } from '../src/stores/client-store.js';

// A group's disappearing timer comes from its verified record chain: what a message declares cannot
// keep it longer, a member's chat-setting Content cannot change it, and a record that arrives after
// some messages still gives them their expiry.

const DAY_S = 86_400;
const GROUP = 'g1';

async function groupStore(disappearingS?: number): Promise<ClientStore> {
  const store = memoryClientStore();
  await store.transaction((tx) =>
    putGroup(tx, {
      snapshot: {
        groupId: GROUP,
        name: 'team',
        description: '',
        version: 2,
        members: [
          { userId: 'alice', role: 'admin' },
          { userId: 'bob', role: 'member' },
        ],
        createdBy: 'alice',
        createdAt: 0,
        maxMembers: 1024,
        ...(disappearingS ? { disappearingS } : {}),
      },
      head: new Uint8Array([1]),
      flags: [],
    }),
  );
  return store;
}

function file(store: ClientStore, id: string, sentAt: number, meta: MessageMeta = {}) {
  const decoded: DecodedContent = {
    kind: 'message',
    content: { kind: 'text', text: `text of ${id}` },
    sentAt,
    toUserId: '',
    groupId: GROUP,
    seq: 0,
    meta,
  };
  const origin = {
    id,
    from: { userId: 'bob', deviceId: 1 },
    chatId: GROUP,
    serverTime: sentAt,
    selfUserId: 'alice',
    now: sentAt,
  };
  return store.transaction((tx) => fileContent(tx, decoded, origin));
}

const expiresAt = async (store: ClientStore, id: string) =>
  (await store.transaction((tx) => getMessage(tx, id)))?.expiresAt;

describe('group disappearing timer from the signed chain', () => {
  it('applies the timer in force when a message was sent, whatever the message declares (shorter wins)', async () => {
    const store = await groupStore(DAY_S);
    await store.transaction((tx) => noteGroupTimer(tx, GROUP, { version: 2, at: 1_000, seconds: DAY_S }));
    await file(store, 'before', 500);
    await file(store, 'silent', 2_000); // a modified client leaves expires_in_s out
    await file(store, 'longer', 3_000, { expiresInS: 604_800 });
    await file(store, 'shorter', 4_000, { expiresInS: 3_600 });
    expect(await expiresAt(store, 'before')).toBeUndefined();
    expect(await expiresAt(store, 'silent')).toBe(2_000 + DAY_S * 1000);
    expect(await expiresAt(store, 'longer')).toBe(3_000 + DAY_S * 1000);
    expect(await expiresAt(store, 'shorter')).toBe(4_000 + 3_600_000);
    expect(await store.transaction(nextExpiry)).toBe(4_000 + 3_600_000);
  });

  it('refuses a member’s chat-setting Content in a group and leaves the timer alone', async () => {
    const store = await groupStore();
    const decoded: DecodedContent = {
      kind: 'setting',
      setting: { version: 9, disappearingS: 0 },
      sentAt: 1,
      toUserId: '',
      groupId: GROUP,
      seq: 0,
      meta: {},
    };
    const origin = {
      id: 's1',
      from: { userId: 'bob', deviceId: 1 },
      chatId: GROUP,
      serverTime: 1,
      selfUserId: 'alice',
      now: 1,
    };
    const filed = await store.transaction((tx) =>
      fileContent(tx, { ...decoded, setting: { version: 9, disappearingS: 604_800 } }, origin),
    );
    expect(filed).toEqual([expect.objectContaining({ kind: 'refused', action: 'setting' })]);
    expect((await store.transaction((tx) => getChatSetting(tx, GROUP))).version).toBe(0);
  });

  it('gives messages that arrived before the record, but were sent after it, their expiry', async () => {
    const store = await groupStore();
    await file(store, 'old', 100);
    await file(store, 'new', 300);
    expect(await expiresAt(store, 'new')).toBeUndefined();
    await store.transaction((tx) => noteGroupTimer(tx, GROUP, { version: 3, at: 200, seconds: DAY_S }));
    expect(await expiresAt(store, 'old')).toBeUndefined();
    expect(await expiresAt(store, 'new')).toBe(300 + DAY_S * 1000);
    expect(await store.transaction(nextExpiry)).toBe(300 + DAY_S * 1000);
    // Turning it off later does not bring a message back from its timer.
    await store.transaction((tx) => noteGroupTimer(tx, GROUP, { version: 4, at: 400, seconds: 0 }));
    expect(await expiresAt(store, 'new')).toBe(300 + DAY_S * 1000);
    await file(store, 'after-off', 500);
    expect(await expiresAt(store, 'after-off')).toBeUndefined();
  });

  it('never stores a group message whose time ran out before it arrived', async () => {
    const store = await groupStore(DAY_S);
    await store.transaction((tx) => noteGroupTimer(tx, GROUP, { version: 2, at: 0, seconds: DAY_S }));
    const decoded: DecodedContent = {
      kind: 'message',
      content: { kind: 'text', text: 'late' },
      sentAt: 10,
      toUserId: '',
      groupId: GROUP,
      seq: 0,
      meta: {},
    };
    const origin = {
      id: 'late',
      from: { userId: 'bob', deviceId: 1 },
      chatId: GROUP,
      serverTime: 10,
      selfUserId: 'alice',
      now: 10 + DAY_S * 1000,
    };
    expect(await store.transaction((tx) => fileContent(tx, decoded, origin))).toEqual([]);
    expect(await store.transaction((tx) => getMessage(tx, 'late'))).toBeUndefined();
  });
});
