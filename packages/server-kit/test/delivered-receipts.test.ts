// Which acknowledgements send DELIVERED receipts (messages/receipts-handler.ts `asksReceipt`): a
// 1:1 message from another user that does not ask for none. An ack without one skips the receipt
// path altogether (built-in-routes.ts `deliverAck`), so both sides are pinned here.
import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import { describe, expect, it } from 'vitest';
import type { EnqueueOptions, QueueItem } from '../src/contracts/offline-queue.js';
import { memoryStores } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();
const delivered = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);

/** Alice sends bob a message, bob acknowledges it, alice gets its DELIVERED receipt. */
async function sendAckAndReceipt(stores: ReturnType<typeof memoryStores>) {
  await fixture.start({}, { stores });
  const alice = await fixture.peer('alice');
  const bob = await fixture.peer('bob');
  const id = newMessageId();
  const shared = { type: PLAINTEXT, data: textContent('hi') };
  expect((await alice.request({ send: { messageId: id, userId: 'bob', shared } })).body).toBe('sendAck');
  await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === id));
  bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
  await alice.waitFor(() => delivered(alice.frames).some((e) => e.receipt?.messageIds?.includes(id)));
  return { bob, id };
}

describe('delivered receipts', () => {
  it('go to the sender of a message that asks for them, not of one sent with noReceipts', async () => {
    await fixture.start();
    const alice = await fixture.peer('alice');
    const bob = await fixture.peer('bob');
    const silent = newMessageId();
    const normal = newMessageId();
    const shared = { type: PLAINTEXT, data: textContent('hi') };
    // In this order: a receipt for `silent` would be queued for alice before the one for `normal`.
    expect((await alice.request({ send: { messageId: silent, userId: 'bob', shared, noReceipts: true } })).body).toBe(
      'sendAck',
    );
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === silent));
    bob.send({ requestId: 0, deliverAck: { ids: delivered(bob.frames).map((e) => e.id ?? '') } });
    expect((await alice.request({ send: { messageId: normal, userId: 'bob', shared } })).body).toBe('sendAck');
    await bob.waitFor(() => delivered(bob.frames).some((e) => e.messageId === normal));
    const normalEntry = delivered(bob.frames).find((e) => e.messageId === normal);
    bob.send({ requestId: 0, deliverAck: { ids: [normalEntry?.id ?? ''] } });

    await alice.waitFor(() => delivered(alice.frames).some((e) => e.receipt?.messageIds?.includes(normal)));
    const receipts = delivered(alice.frames).filter((e) => e.receipt);
    expect(receipts.map((e) => e.receipt?.messageIds)).toEqual([[normal]]);
    expect(receipts[0]?.receipt?.status).toBe(pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED);
  });

  it('are enqueued with forgetAcked (no dedup mark kept at their ack); messages and READ receipts are not', async () => {
    const stores = memoryStores();
    const calls: Array<{ kind: string; forgetAcked: boolean }> = [];
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    stores.queue.enqueue = (items: QueueItem[], options?: EnqueueOptions) => {
      const envelope = pb.Envelope.decode(items[0]?.data ?? new Uint8Array());
      const kind = envelope.receipt ? `receipt ${envelope.receipt.status}` : 'message';
      calls.push({ kind, forgetAcked: options?.forgetAcked === true });
      return enqueue(items, options);
    };
    const { bob, id } = await sendAckAndReceipt(stores);
    const read = pb.ReceiptStatus.RECEIPT_STATUS_READ;
    expect((await bob.request({ receipt: { userId: 'alice', messageIds: [id], status: read } })).body).toBe('ok');
    expect(calls).toEqual([
      { kind: 'message', forgetAcked: false },
      { kind: `receipt ${pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED}`, forgetAcked: true },
      { kind: `receipt ${read}`, forgetAcked: false },
    ]);
  });

  it('keep the entry while its receipt fails to store: the retried ack stores the receipt, then removes it', async () => {
    const stores = memoryStores();
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    const ack = stores.queue.ack.bind(stores.queue);
    let failures = 0;
    const removedAfter: number[] = [];
    stores.queue.enqueue = (items: QueueItem[], options?: EnqueueOptions) => {
      const envelope = pb.Envelope.decode(items[0]?.data ?? new Uint8Array());
      if (envelope.receipt && failures++ === 0) return Promise.reject(new Error('disk full'));
      return enqueue(items, options);
    };
    stores.queue.ack = (device, ids) => {
      removedAfter.push(failures);
      return ack(device, ids);
    };
    await sendAckAndReceipt(stores);
    // One removal, after the second (stored) receipt: none while the first had failed.
    expect(removedAfter).toEqual([2]);
  });
});
