import { memoryClientStore } from '@parley/client';
import { pb } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { encodeLane } from '../src/outbox/lane.js';
import { appendRecord, loadRecords } from '../src/outbox/outbox-store.js';
import { NS } from '../src/stores/namespaces.js';

describe('outbox store', () => {
  it('reads records stored before lanes had a codec (lane in chatId, no kind for a message)', async () => {
    const store = memoryClientStore();
    const content = new Uint8Array([1]);
    await store.transaction(async (tx) => {
      await tx.put(NS.outbox, '1', { seq: 1, id: 'm1', chatId: 'bob', createdAt: 1, send: {}, content });
      const receipt = { userId: 'bob', messageIds: ['m0'], status: pb.ReceiptStatus.RECEIPT_STATUS_READ };
      await tx.put(NS.outbox, '2', {
        seq: 2,
        id: 'm0',
        chatId: 'receipts\u001fbob',
        createdAt: 2,
        kind: 'receipt',
        receipt,
        send: {},
      });
    });
    const [message, receipt] = await store.transaction(loadRecords);
    expect(message).toMatchObject({ kind: 'message', chatId: 'bob', lane: 'bob', content });
    expect(receipt).toMatchObject({ kind: 'receipt', lane: encodeLane({ kind: 'receipts', chatId: 'bob' }) });
  });

  it('numbers records in the order they were added', async () => {
    const store = memoryClientStore();
    const lane = encodeLane({ kind: 'receipts', chatId: 'bob' });
    const add = (id: string) =>
      store.transaction((tx) => appendRecord(tx, { id, lane, createdAt: 0, kind: 'receipt', receipt: {} }));
    expect([(await add('a')).seq, (await add('b')).seq]).toEqual([1, 2]);
    expect((await store.transaction(loadRecords)).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
