import { memoryClientStore } from '@parley/client';
import { pb } from '@parley/core';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { getMessage, markSent, putOutgoing } from '../src/messages/message-store.js';
import { applyReceipt } from '../src/messages/receipts.js';
import { newClient, reusable, startServer, texts } from './helpers/harness.js';

type Update = { messageId: string; status: string; by: string };

describe('receipts', () => {
  it('brings delivered then read, once each, to a sender who was offline the whole time', async () => {
    const { server } = await startServer();
    const aliceStore = reusable(memoryClientStore());
    const bobStore = reusable(memoryClientStore());
    const bob = newClient(server.url, 'bob', bobStore);
    await bob.connect();
    await bob.close();

    const alice = newClient(server.url, 'alice', aliceStore);
    const { id } = await alice.sendText('bob', 'are you there?');
    await alice.close();

    const bobAgain = newClient(server.url, 'bob', bobStore);
    const got = collect(bobAgain);
    await bobAgain.connect();
    await vi.waitFor(() => expect(texts(got)).toEqual(['are you there?']));
    await bobAgain.markRead('alice', { upTo: id });
    await vi.waitFor(() => expect(bobAgain.pendingSends).toBe(0));
    await bobAgain.close();

    const aliceAgain = newClient(server.url, 'alice', aliceStore);
    const updates: Update[] = [];
    aliceAgain.on('receipt:updated', (u) => updates.push(u));
    await aliceAgain.connect();
    await vi.waitFor(() => expect(updates.map((u) => u.status)).toEqual(['delivered', 'read']));
    expect(updates.every((u) => u.messageId === id && u.by === 'bob')).toBe(true);
    expect(await aliceAgain.messageStatus(id)).toBe('read');
  });

  it('never moves a status backwards, whatever order and how often receipts come', async () => {
    const store = memoryClientStore();
    await store.transaction(async (tx) => {
      const message = { id: 'm1', chatId: 'bob', from: { userId: 'alice', deviceId: 1 }, sentAt: 1, serverTime: 0 };
      await putOutgoing(tx, { ...message, content: { kind: 'text', text: 'x' } });
      await markSent(tx, 'm1', 2);
    });
    const receipt = (status: number) => pb.ReceiptEvent.create({ messageIds: ['m1'], status, byUserId: 'bob', at: 10 });
    const apply = (status: number) => store.transaction((tx) => applyReceipt(tx, 'alice', receipt(status)));
    expect((await apply(pb.ReceiptStatus.RECEIPT_STATUS_READ)).map((u) => u.status)).toEqual(['read']);
    expect(await apply(pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED)).toEqual([]); // late: no backwards event
    expect(await apply(pb.ReceiptStatus.RECEIPT_STATUS_READ)).toEqual([]); // duplicate
    const stored = await store.transaction((tx) => getMessage(tx, 'm1'));
    expect(stored?.status).toBe('read');
    // A receipt from someone who is not the chat's peer changes nothing.
    const forged = pb.ReceiptEvent.create({
      messageIds: ['m1'],
      status: pb.ReceiptStatus.RECEIPT_STATUS_READ,
      byUserId: 'mallory',
      at: 11,
    });
    expect(await store.transaction((tx) => applyReceipt(tx, 'alice', forged))).toEqual([]);
  });

  it('with read receipts off, neither side sees the other read', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    await bob.setReadReceipts(false);
    const aliceUpdates: Update[] = [];
    const bobUpdates: Update[] = [];
    alice.on('receipt:updated', (u) => aliceUpdates.push(u));
    bob.on('receipt:updated', (u) => bobUpdates.push(u));
    const bobGot = collect(bob);
    const aliceGot = collect(alice);

    const toBob = await alice.sendText('bob', 'hi bob');
    const toAlice = await bob.sendText('alice', 'hi alice');
    await vi.waitFor(() => expect(texts(bobGot)).toEqual(['hi bob']));
    await vi.waitFor(() => expect(texts(aliceGot)).toEqual(['hi alice']));
    await bob.markRead('alice', [toBob.id]);
    await alice.markRead('bob', [toAlice.id]);
    await vi.waitFor(() => expect(aliceUpdates.map((u) => u.status)).toEqual(['delivered']));
    await vi.waitFor(() => expect(bobUpdates.map((u) => u.status)).toEqual(['delivered']));
    // Let both receipts travel, then check no read arrived: a later message is a sync point.
    await alice.sendText('bob', 'later');
    await bob.sendText('alice', 'later');
    await vi.waitFor(() => expect(aliceUpdates.length).toBe(2));
    await vi.waitFor(() => expect(bobUpdates.length).toBe(2));
    expect(aliceUpdates.map((u) => u.status)).toEqual(['delivered', 'delivered']);
    expect(bobUpdates.map((u) => u.status)).toEqual(['delivered', 'delivered']);
    expect(await alice.messageStatus(toBob.id)).toBe('delivered');
  });

  it("tells the reader's other devices, so they clear the message too", async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob1 = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob1.connect()]);
    const store = memoryClientStore();
    const { createClient } = await import('@parley/client');
    const probe = createClient({ url: server.url, userId: 'bob', store: reusable(store) });
    const bob2 = newClient(server.url, 'bob', store);
    (bob2 as unknown as { options: { deviceLink: string } }).options.deviceLink = await bob1.approveDevice(
      await probe.linkCode(),
    );
    await bob2.connect();
    const got2 = collect(bob2);
    const updates2: Update[] = [];
    bob2.on('receipt:updated', (u) => updates2.push(u));
    const { id } = await alice.sendText('bob', 'read me once');
    await vi.waitFor(() => expect(texts(got2)).toEqual(['read me once']));
    await bob1.markRead('alice', [id]);
    await vi.waitFor(() =>
      expect(updates2).toEqual([expect.objectContaining({ messageId: id, status: 'read', by: 'bob' })]),
    );
    expect((await bob2.getMessage(id))?.readAt).toBeGreaterThan(0);
  });
});
