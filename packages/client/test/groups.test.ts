import {
  type ClientStore,
  createClient,
  isParleyError,
  memoryClientStore,
  type ParleyClient,
  type ReceivedMessage,
} from '@parley/client';
import { decodeClientFrame, isParleyError as isCoreError, oneof, type parley, pb } from '@parley/core';
import { groupDecrypt } from '@parley/core/crypto';
import { encodeGroupRecord, groupRecordHash, signGroupRecord } from '@parley/core/groups';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { txSignalStore } from '../src/e2ee/tx-signal-store.js';
import { txSenderKeyStore } from '../src/groups/group-sender-keys.js';
import { newClient, onCleanup, reusable, startServer, texts } from './helpers/harness.js';
import { recordingWebSocket } from './helpers/recording-websocket.js';

async function link(url: string, existing: ParleyClient, userId: string, store = memoryClientStore()) {
  const probe = createClient({ url, userId, store: reusable(store) });
  const approval = await existing.approveDevice(await probe.linkCode());
  const device = newClient(url, userId, store);
  (device as unknown as { options: { deviceLink: string } }).options.deviceLink = approval;
  await device.connect();
  return device;
}

const inGroup = (groupId: string, got: ReceivedMessage[]) => got.filter((m) => m.chatId === groupId);

/** The identity key pair a client keeps in its store (to forge records as a test "server" could not). */
async function identityOf(store: ClientStore) {
  const local = await store.transaction((tx) => txSignalStore(tx).getLocalIdentity());
  if (!local) throw new Error('no identity');
  return local.identityKeyPair;
}

describe('groups', () => {
  it('delivers every message of a 50-member group to every member device exactly once, in per-sender order', async () => {
    const { server } = await startServer();
    const users = Array.from({ length: 50 }, (_, i) => `u${String(i).padStart(2, '0')}`);
    const firsts = users.map((u) => newClient(server.url, u));
    await Promise.all(firsts.map((c) => c.connect()));
    // Five members have a second device.
    const seconds = await Promise.all(firsts.slice(1, 6).map((c) => link(server.url, c, c.userId)));
    const devices = [...firsts, ...seconds];
    const got = new Map(devices.map((d) => [d, collect(d)]));
    const admin = firsts[0] as ParleyClient;
    const group = await admin.groups.create({ name: 'fifty', members: users.slice(1) });
    expect(group.members).toHaveLength(50);
    await vi.waitFor(async () => {
      for (const d of devices) expect((await d.groups.get(group.id))?.version).toBe(1);
    });

    const senders = [admin, firsts[7] as ParleyClient, seconds[0] as ParleyClient];
    const sent = new Map<ParleyClient, string[]>();
    await Promise.all(
      senders.map(async (s, n) => {
        const list = Array.from({ length: 4 }, (_, i) => `s${n}-${i}`);
        sent.set(s, list);
        for (const text of list) await s.sendText(group.id, text);
      }),
    );
    await vi.waitFor(
      () => {
        for (const d of devices) {
          const own = senders.includes(d) ? 4 : 0;
          expect(inGroup(group.id, got.get(d) ?? []).length).toBe(12 - own);
        }
      },
      { timeout: 60_000, interval: 200 },
    );
    for (const d of devices) {
      const mine = inGroup(group.id, got.get(d) ?? []);
      expect(new Set(mine.map((m) => m.id)).size).toBe(mine.length);
      for (const [s, list] of sent) {
        if (s === d) continue;
        const fromSender = mine.filter((m) => m.from.userId === s.userId && m.from.deviceId === s.deviceId);
        expect(texts(fromSender)).toEqual(list);
      }
    }
  }, 120_000);

  it('gives a removed member nothing sent after the removal, while everyone else reads on', async () => {
    const { server } = await startServer();
    const frames: Uint8Array[] = [];
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      WebSocket: recordingWebSocket(frames),
    });
    onCleanup(() => alice.close());
    const bob = newClient(server.url, 'bob');
    const eveStore = memoryClientStore();
    const eve = newClient(server.url, 'eve', reusable(eveStore));
    await Promise.all([alice.connect(), bob.connect(), eve.connect()]);
    const [bobGot, eveGot] = [collect(bob), collect(eve)];
    const group = await alice.groups.create({ name: 'club', members: ['bob', 'eve'] });
    await alice.sendText(group.id, 'before');
    await vi.waitFor(() => expect(texts(inGroup(group.id, eveGot))).toEqual(['before']));
    await bob.sendText(group.id, 'bob before');
    await vi.waitFor(() => expect(texts(inGroup(group.id, eveGot))).toEqual(['before', 'bob before']));

    await alice.groups.remove(group.id, ['eve']);
    await vi.waitFor(async () =>
      expect((await bob.groups.get(group.id))?.members.map((m) => m.userId)).toEqual(['alice', 'bob']),
    );
    const from = frames.length;
    const later = ['after 1', 'after 2', 'after 3'];
    for (const text of later) await alice.sendText(group.id, text);
    await bob.sendText(group.id, 'bob after');
    await vi.waitFor(() => expect(texts(inGroup(group.id, bobGot))).toEqual(['before', ...later]));

    // Every later ciphertext alice put on the wire, handed to eve's own key state: none opens.
    const laterSends = frames
      .slice(from)
      .map((f) => decodeClientFrame(f))
      .flatMap((f) => {
        const body = oneof(f, 'body');
        return body.case === 'send' && body.value.groupId === group.id ? [body.value] : [];
      });
    expect(laterSends).toHaveLength(3);
    for (const send of laterSends) {
      expect((send.copies ?? []).some((c) => c.to?.userId === 'eve')).toBe(false);
      const error = await eveStore
        .transaction((tx) =>
          groupDecrypt(
            txSenderKeyStore(tx),
            { userId: 'alice', deviceId: alice.deviceId },
            send.shared?.data ?? new Uint8Array(),
          ),
        )
        .catch((e: unknown) => e);
      expect(isCoreError(error, 'DECRYPTION_FAILED')).toBe(true);
    }
    expect(texts(inGroup(group.id, eveGot))).toEqual(['before', 'bob before']);
    expect((await eve.groups.get(group.id))?.isMember).toBe(false);
  }, 60_000);

  it('refuses membership changes the server forges and flags them; the server refuses non-admin changes', async () => {
    const { server, stores } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bobStore = memoryClientStore();
    const bob = newClient(server.url, 'bob', bobStore);
    const carolStore = memoryClientStore();
    let carol = newClient(server.url, 'carol', reusable(carolStore));
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    const group = await alice.groups.create({ name: 'safe', members: ['bob', 'carol'] });
    await vi.waitFor(async () => expect((await carol.groups.get(group.id))?.version).toBe(1));

    // The server refuses a member's admin action.
    const refused = await bob.groups.add(group.id, ['mallory']).catch((e: unknown) => e);
    expect(isParleyError(refused, 'FORBIDDEN')).toBe(true);

    // A compromised server feeds carol forged version-2 records.
    await carol.close();
    const head = (await stores.groups.history(group.id, 1, 1))[0] as Uint8Array;
    const base = {
      groupId: group.id,
      version: 2,
      prevHash: groupRecordHash(head),
      at: Date.now(),
      add: { userIds: ['mallory'] },
    };
    const bobKeys = await identityOf(bobStore);
    const aliceKeys = await identityOf((alice as unknown as { options: { store: ClientStore } }).options.store);
    const forged: Array<{ why: string; record: parley.v1.GroupRecord.$Properties }> = [
      {
        why: 'unsigned',
        record: {
          ...base,
          actor: { userId: 'alice', deviceId: alice.deviceId },
          actorIdentityKey: aliceKeys.publicKey,
        },
      },
      {
        why: 'signed by a non-admin',
        record: await signGroupRecord(
          { ...base, actor: { userId: 'bob', deviceId: bob.deviceId }, actorIdentityKey: bobKeys.publicKey },
          bobKeys.privateKey,
        ),
      },
      {
        why: 'signed by a key that is not the admin device key',
        record: await signGroupRecord(
          { ...base, actor: { userId: 'alice', deviceId: alice.deviceId }, actorIdentityKey: bobKeys.publicKey },
          bobKeys.privateKey,
        ),
      },
    ];
    const carolDevice = { userId: 'carol', deviceId: carol.deviceId };
    await stores.queue.enqueue(
      forged.map(({ record }, i) => ({
        device: carolDevice,
        id: `forged-${i}`,
        data: pb.Envelope.encode({ id: `forged-${i}`, groupId: group.id, groupRecord: record }).finish(),
      })),
    );
    // And a record that breaks the chain (a wrong previous hash), validly signed by the real admin.
    const broken = await signGroupRecord(
      {
        ...base,
        prevHash: new Uint8Array(32),
        actor: { userId: 'alice', deviceId: alice.deviceId },
        actorIdentityKey: aliceKeys.publicKey,
      },
      aliceKeys.privateKey,
    );
    await stores.queue.enqueue([
      {
        device: carolDevice,
        id: 'forged-chain',
        data: pb.Envelope.encode({ id: 'forged-chain', groupId: group.id, groupRecord: broken }).finish(),
      },
    ]);
    carol = newClient(server.url, 'carol', reusable(carolStore));
    const flags: string[] = [];
    carol.on('group:flagged', (f) => flags.push(f.reason));
    await carol.connect();
    await vi.waitFor(() => expect(flags.length).toBeGreaterThanOrEqual(4));
    const state = await carol.groups.get(group.id);
    expect(state?.version).toBe(1);
    expect(state?.members.map((m) => m.userId)).toEqual(['alice', 'bob', 'carol']);
    expect(state?.flags.length).toBeGreaterThanOrEqual(4);

    // A member the server injects without any record: flagged on sync, and never given a key.
    const snapshot = await stores.groups.get(group.id);
    if (!snapshot) throw new Error('group missing');
    await stores.groups.update(
      { ...snapshot, version: 2, members: [...snapshot.members, { userId: 'mallory', role: 'member' }] },
      encodeGroupRecord(broken),
    );
    const mallory = newClient(server.url, 'mallory');
    const malloryGot = collect(mallory);
    const malloryFailed: string[] = [];
    mallory.on('message:undecryptable', (e) => malloryFailed.push(e.reason));
    await mallory.connect();
    const aliceFlags: string[] = [];
    alice.on('group:flagged', (f) => aliceFlags.push(f.reason));
    await alice.groups.sync();
    await vi.waitFor(() => expect(aliceFlags.length).toBeGreaterThan(0));
    expect((await alice.groups.get(group.id))?.members.map((m) => m.userId)).toEqual(['alice', 'bob', 'carol']);
    const bobGot = collect(bob);
    await alice.sendText(group.id, 'for members only');
    await vi.waitFor(() => expect(texts(inGroup(group.id, bobGot))).toEqual(['for members only']));
    // The server handed mallory the ciphertext, but no key: nothing readable arrives.
    await vi.waitFor(() => expect(malloryFailed.length).toBeGreaterThan(0));
    expect(malloryGot).toEqual([]);
  }, 60_000);

  it('recovers a member device that lost its sender keys through the retry path', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bobStore = memoryClientStore();
    const bob = newClient(server.url, 'bob', reusable(bobStore));
    await Promise.all([alice.connect(), bob.connect()]);
    const got = collect(bob);
    const group = await alice.groups.create({ name: 'retry', members: ['bob'] });
    await alice.sendText(group.id, 'one');
    await vi.waitFor(() => expect(texts(inGroup(group.id, got))).toEqual(['one']));

    // bob's device loses every sender key it held.
    await bobStore.transaction(async (tx) => {
      for (const [key] of await tx.list('signal.sender-keys')) await tx.delete('signal.sender-keys', key);
    });
    const undecryptable: string[] = [];
    bob.on('message:undecryptable', (e) => undecryptable.push(e.reason));
    await alice.sendText(group.id, 'two');
    await alice.sendText(group.id, 'three');
    await vi.waitFor(() => expect(texts(inGroup(group.id, got)).sort()).toEqual(['one', 'three', 'two']), {
      timeout: 15_000,
    });
    expect(undecryptable.length).toBeGreaterThan(0);
    expect(inGroup(group.id, got).every((m) => m.chatId === group.id)).toBe(true);
    // Later messages decrypt directly again (the key was redistributed).
    const before = undecryptable.length;
    await alice.sendText(group.id, 'four');
    await vi.waitFor(() => expect(texts(inGroup(group.id, got))).toContain('four'));
    expect(undecryptable.length).toBe(before);
  }, 30_000);

  it('fires delivered-to-all and read-by-all once each, only after the last member', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    const carolStore = memoryClientStore();
    let carol = newClient(server.url, 'carol', reusable(carolStore));
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    const group = await alice.groups.create({ name: 'ticks', members: ['bob', 'carol'] });
    await vi.waitFor(async () => expect((await carol.groups.get(group.id))?.version).toBe(1));
    await carol.close();

    const events: Array<{ messageId: string; status: string; by: string }> = [];
    alice.on('receipt:updated', (e) => events.push(e));
    const bobGot = collect(bob);
    const { id } = await alice.sendText(group.id, 'hello all');
    await vi.waitFor(() => expect(bobGot.map((m) => m.id)).toContain(id));
    await vi.waitFor(async () =>
      expect(await alice.groups.receipts(group.id, id)).toEqual([
        { userId: 'bob', status: 'delivered' },
        { userId: 'carol', status: 'sent' },
      ]),
    );
    expect(events).toEqual([]);
    expect(await alice.messageStatus(id)).toBe('sent');

    carol = newClient(server.url, 'carol', reusable(carolStore));
    const carolGot = collect(carol);
    await carol.connect();
    await vi.waitFor(() => expect(events.map((e) => e.status)).toEqual(['delivered']));
    expect(events[0]).toMatchObject({ messageId: id, by: '*' });
    expect(await alice.messageStatus(id)).toBe('delivered');

    await bob.markRead(group.id, [id]);
    await vi.waitFor(async () =>
      expect(await alice.groups.receipts(group.id, id)).toEqual([
        { userId: 'bob', status: 'read' },
        { userId: 'carol', status: 'delivered' },
      ]),
    );
    expect(events.map((e) => e.status)).toEqual(['delivered']);
    await vi.waitFor(() => expect(carolGot.map((m) => m.id)).toContain(id));
    await carol.markRead(group.id, [id]);
    await vi.waitFor(() => expect(events.map((e) => e.status)).toEqual(['delivered', 'read']));
    expect(await alice.messageStatus(id)).toBe('read');
  }, 30_000);
});
