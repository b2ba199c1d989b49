import { memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import { type Announcement, Announcements } from '../src/messages/announcements.js';

const sent = (id: string): Announcement => ({ kind: 'sent', message: { id, chatId: 'bob', serverTime: 1 } });
const ids = (list: Announcement[]) => list.map((a) => a.message.id);

describe('announcements', () => {
  it('replays what was noted but never announced, in noted order, once, and numbers new ones after it', async () => {
    const store = memoryClientStore();
    const before = new Announcements(store, () => {}, silentLogger);
    await before.replay();
    const first = await store.transaction(async (tx) => [
      await before.note(tx, sent('a')),
      await before.note(tx, sent('b')),
    ]);
    await store.transaction((tx) => before.note(tx, sent('c')));
    await before.announce(first.slice(0, 1)); // only "a" reached the app before the "crash"

    const heard: Announcement[] = [];
    const after = new Announcements(store, (a) => heard.push(a), silentLogger);
    await after.replay();
    expect(ids(heard)).toEqual(['b', 'c']);
    const next = await store.transaction((tx) => after.note(tx, sent('d')));
    await after.announce([next]);
    expect(ids(heard)).toEqual(['b', 'c', 'd']);

    const again: Announcement[] = [];
    await new Announcements(store, (a) => again.push(a), silentLogger).replay();
    expect(again).toEqual([]);
  });

  it('counts an event whose handler threw as announced', async () => {
    const store = memoryClientStore();
    const throwing = new Announcements(
      store,
      () => {
        throw new Error('app bug');
      },
      silentLogger,
    );
    await throwing.replay();
    await throwing.announce([await store.transaction((tx) => throwing.note(tx, sent('a')))]);
    const heard: Announcement[] = [];
    await new Announcements(store, (a) => heard.push(a), silentLogger).replay();
    expect(heard).toEqual([]);
  });
});
