import { type ClientStore, memoryClientStore } from '@parley/client';
import { type parley, pb } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { DELETE_WINDOW_MS, EDIT_WINDOW_MS } from '../src/actions/action-types.js';
import { type ContentBody, encodeBody } from '../src/content.js';
import type { ReceivedMessage } from '../src/events.js';
import { putGroup } from '../src/groups/group-book.js';
import { Inbox } from '../src/inbox.js';
import { silentLogger } from '../src/logger.js';
import type { Announcement } from '../src/messages/announcements.js';
import type { Filed } from '../src/messages/file-content.js';
import { getMessage } from '../src/messages/message-store.js';

// The inbox with the encryption taken out: each envelope's data is the Content itself, so a test
// decides exactly what arrives in which order (which the server and the network never promise).

type Report = Exclude<Filed, { kind: 'announce' }>;

function harness(self = 'alice', now = () => 1_000_000) {
  const store = memoryClientStore();
  const announced: Announcement[] = [];
  const reports: Report[] = [];
  const undecryptable: string[] = [];
  const inbox = new Inbox(
    store,
    self,
    {
      open: async (_tx, _envelope, payload) => ({ kind: 'content', content: payload.data ?? new Uint8Array() }),
      note: async (_tx, announcement) => ({ key: String(announced.length), announcement }),
      announce: async (noted) => {
        for (const n of noted) announced.push(n.announcement);
      },
      undecryptable: (e) => undecryptable.push(e.reason),
      receipt: async () => undefined,
      groupRecord: async () => () => {},
      isGroupMember: async () => true,
      ack: () => {},
      report: (r) => reports.push(r),
      now,
      know: async () => {},
    },
    { clock: { now }, logger: silentLogger },
  );
  return { store, inbox, announced, reports, undecryptable };
}

let seq = 0;
function envelope(
  from: string,
  id: string,
  body: ContentBody | Uint8Array,
  sentAt: number,
  extra: { groupId?: string; toUserId?: string } = {},
): parley.v1.Envelope.$Properties {
  const data = body instanceof Uint8Array ? body : encodeBody(body, sentAt, extra);
  return {
    id: `q${seq++}`,
    messageId: id,
    sender: { userId: from, deviceId: 1 },
    serverTime: sentAt,
    body: 'message',
    message: { type: 1, data },
  };
}

const text = (t: string): ContentBody => ({ kind: 'message', content: { kind: 'text', text: t } });
const react = (messageId: string, emoji: string): ContentBody => ({
  kind: 'action',
  action: { kind: 'reaction', messageId, emoji },
});
const edit = (messageId: string, t: string): ContentBody => ({
  kind: 'action',
  action: { kind: 'edit', messageId, text: t },
});
const del = (messageId: string): ContentBody => ({ kind: 'action', action: { kind: 'delete', messageId } });

const stored = (store: ClientStore, id: string) => store.transaction((tx) => getMessage(tx, id));
const received = (a: Announcement[]) => a.flatMap((x) => (x.kind === 'received' ? [x.message as ReceivedMessage] : []));

async function group(store: ClientStore, admins: string[], members: string[]) {
  await store.transaction((tx) =>
    putGroup(tx, {
      snapshot: {
        groupId: 'g1',
        name: 'g',
        description: '',
        version: 1,
        members: [
          ...admins.map((userId) => ({ userId, role: 'admin' as const })),
          ...members.map((userId) => ({ userId, role: 'member' as const })),
        ],
        createdBy: admins[0] ?? '',
        createdAt: 0,
        maxMembers: 100,
      },
      head: new Uint8Array(),
      flags: [],
    }),
  );
}

describe('message actions in the inbox', () => {
  it('applies a reaction and an edit that arrive before their message when it arrives', async () => {
    const { store, inbox, announced, reports } = harness();
    await inbox.handle([
      envelope('bob', 'r1', react('m1', '👍'), 110),
      envelope('bob', 'e1', edit('m1', 'fixed'), 120),
    ]);
    expect(await stored(store, 'm1')).toBeUndefined();
    expect(announced).toEqual([]);
    await inbox.handle([envelope('bob', 'm1', text('typo'), 100)]);
    const m = await stored(store, 'm1');
    expect(m?.content).toEqual({ kind: 'text', text: 'fixed' });
    expect(m?.edited?.at).toBe(120);
    expect(m?.edited?.previous).toBeUndefined(); // earlier versions stay on the sender's devices only
    expect(m?.reactions).toEqual([{ userId: 'bob', emoji: '👍', at: 110, id: 'r1' }]);
    // Announced once, in its final state.
    expect(received(announced).map((x) => x.content)).toEqual([{ kind: 'text', text: 'fixed' }]);
    expect(reports).toEqual([]);
  });

  it('applies a delete that arrives before its message: only a tombstone is ever stored', async () => {
    const { store, inbox, announced } = harness();
    await inbox.handle([envelope('bob', 'd1', del('m1'), 150)]);
    await inbox.handle([
      envelope('bob', 'm1', { kind: 'message', content: { kind: 'text', text: 'secret' } }, 100, {}),
    ]);
    const m = await stored(store, 'm1');
    expect(m?.content).toEqual({ kind: 'deleted' });
    expect(m?.deleted).toEqual({ by: 'bob', at: 150 });
    expect(JSON.stringify(m)).not.toContain('secret');
    expect(JSON.stringify(announced)).not.toContain('secret');
  });

  it('ends in the same state whatever order reactions, a removal and another user’s reaction arrive in', async () => {
    const actions: parley.v1.Envelope.$Properties[] = [
      envelope('bob', 'ra', react('m1', '👍'), 110),
      envelope('bob', 'rb', react('m1', '❤️'), 120),
      envelope('bob', 'rc', react('m1', ''), 130),
      envelope('alice', 'rd', react('m1', '😂'), 125, { toUserId: 'bob' }), // from alice's other device
    ];
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
    ];
    const finals: unknown[] = [];
    for (const order of orders) {
      const { store, inbox } = harness();
      for (const i of order.slice(0, 2)) await inbox.handle(actions.slice(i, i + 1));
      await inbox.handle([envelope('bob', 'm1', text('hi'), 100)]);
      for (const i of order.slice(2)) await inbox.handle(actions.slice(i, i + 1));
      finals.push((await stored(store, 'm1'))?.reactions);
    }
    expect(finals[0]).toEqual([{ userId: 'alice', emoji: '😂', at: 125, id: 'rd' }]);
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[2]).toEqual(finals[0]);
  });

  it('keeps earlier versions of an edited message on the sender’s own devices', async () => {
    const { store, inbox } = harness('bob');
    await inbox.handle([envelope('bob', 'm1', text('one'), 100, { toUserId: 'alice' })]);
    await inbox.handle([envelope('bob', 'e1', edit('m1', 'two'), 110, { toUserId: 'alice' })]);
    await inbox.handle([envelope('bob', 'e2', edit('m1', 'three'), 120, { toUserId: 'alice' })]);
    const m = await stored(store, 'm1');
    expect(m?.content).toEqual({ kind: 'text', text: 'three' });
    expect(m?.edited?.previous).toEqual([
      { text: 'one', at: 100 },
      { text: 'two', at: 110 },
    ]);
  });

  it('refuses an edit or delete from someone other than the sender, and one past its window', async () => {
    const { store, inbox, reports } = harness();
    await group(store, ['alice'], ['bob', 'carol']);
    const g = { groupId: 'g1' };
    await inbox.handle([envelope('bob', 'm1', text('original'), 100, g)]);
    await inbox.handle([
      envelope('carol', 'e1', edit('m1', 'forged'), 110, g),
      envelope('carol', 'd1', del('m1'), 111, g),
      envelope('bob', 'e2', edit('m1', 'too late'), 100 + EDIT_WINDOW_MS + 1, g),
    ]);
    expect((await stored(store, 'm1'))?.content).toEqual({ kind: 'text', text: 'original' });
    expect(reports.map((r) => (r.kind === 'refused' ? `${r.id}: ${r.reason}` : r.kind))).toEqual([
      'e1: only the sender may edit a message',
      'd1: only the sender or a group admin may delete a message for everyone',
      'e2: the edit window has passed',
    ]);
  });

  it('lets a group admin delete a member’s message, within the window only', async () => {
    const { store, inbox, reports } = harness('carol');
    await group(store, ['alice'], ['bob', 'carol']);
    const g = { groupId: 'g1' };
    await inbox.handle([envelope('bob', 'm1', text('one'), 100, g), envelope('bob', 'm2', text('two'), 100, g)]);
    await inbox.handle([
      envelope('alice', 'd1', del('m1'), 200, g),
      envelope('alice', 'd2', del('m2'), 100 + DELETE_WINDOW_MS + 1, g),
    ]);
    expect((await stored(store, 'm1'))?.deleted).toEqual({ by: 'alice', at: 200 });
    expect((await stored(store, 'm2'))?.content).toEqual({ kind: 'text', text: 'two' });
    expect(reports).toMatchObject([{ kind: 'refused', id: 'd2', reason: 'the delete window has passed' }]);
  });

  it('refuses a reaction from a non-member, and any action on a message of another chat', async () => {
    const { store, inbox, reports } = harness();
    await group(store, ['alice'], ['bob']);
    await inbox.handle([envelope('bob', 'm1', text('in the group'), 100, { groupId: 'g1' })]);
    await inbox.handle([envelope('bob', 'm2', text('1:1 with bob'), 100)]);
    await inbox.handle([
      envelope('mallory', 'r1', react('m1', '💩'), 110, { groupId: 'g1' }),
      envelope('mallory', 'r2', react('m2', '💩'), 110),
      envelope('mallory', 'd2', del('m2'), 110),
    ]);
    expect((await stored(store, 'm1'))?.reactions).toBeUndefined();
    expect((await stored(store, 'm2'))?.reactions).toBeUndefined();
    expect((await stored(store, 'm2'))?.deleted).toBeUndefined();
    expect(reports.map((r) => (r.kind === 'refused' ? r.reason : r.kind))).toEqual([
      'not a member of the group',
      'the message is in another chat',
      'the message is in another chat',
    ]);
  });

  it('reports a content kind it does not know as unsupported, never as undecryptable', async () => {
    const { store, inbox, reports, undecryptable, announced } = harness();
    // A Content with body field 30 (a kind a newer client added) and sent_at 5: 0xf2 0x01 = field 30, bytes.
    const future = new Uint8Array([0xf2, 0x01, 0x02, 0x08, 0x01, 0x50, 0x05]);
    expect(pb.Content.decode(future).body).toBeUndefined();
    await inbox.handle([envelope('bob', 'x1', future, 5)]);
    await inbox.handle([envelope('bob', 'x1', future, 5)]); // a redelivery is a duplicate
    expect(undecryptable).toEqual([]);
    expect(announced).toEqual([]);
    expect(reports).toEqual([
      { kind: 'unsupported', id: 'x1', chatId: 'bob', from: { userId: 'bob', deviceId: 1 }, sentAt: 5 },
    ]);
    expect(await stored(store, 'x1')).toBeUndefined();
  });

  it('keeps at most 256 actions for a message that has not arrived, and refuses the rest', async () => {
    const { store, inbox, reports } = harness();
    const flood = Array.from({ length: 260 }, (_, i) => envelope('bob', `r${i}`, react('never', '👍'), 100 + i));
    await inbox.handle(flood);
    expect(reports.filter((r) => r.kind === 'refused').map((r) => (r.kind === 'refused' ? r.reason : ''))).toEqual(
      Array(4).fill('too many actions wait for this message'),
    );
    expect((await store.transaction((tx) => tx.list('actions.pending'))).length).toBe(256);
  });

  it('refuses oversized actions as bad content', async () => {
    const { inbox, undecryptable } = harness();
    await inbox.handle([
      envelope('bob', 'r1', react('m1', '👍'.repeat(40)), 1),
      envelope(
        'bob',
        'mm',
        pb.Content.encode({ text: { text: 'x' }, mentions: Array.from({ length: 65 }, (_, i) => `u${i}`) }).finish(),
        1,
      ),
    ]);
    expect(undecryptable).toEqual(['reaction longer than one emoji', 'more than 64 mentions']);
  });

  it('never stores a disappearing message whose time ran out before it arrived', async () => {
    const { store, inbox, announced } = harness('alice', () => 100 + 86_400_000);
    const late = pb.Content.encode({ text: { text: 'gone' }, sentAt: 100, expiresInS: 86_400 }).finish();
    const fresh = pb.Content.encode({ text: { text: 'here' }, sentAt: 200, expiresInS: 86_400 }).finish();
    await inbox.handle([envelope('bob', 'm1', late, 100), envelope('bob', 'm2', fresh, 200)]);
    expect(await stored(store, 'm1')).toBeUndefined();
    expect((await stored(store, 'm2'))?.expiresAt).toBe(200 + 86_400_000);
    expect(received(announced).map((m) => m.id)).toEqual(['m2']);
  });
});
