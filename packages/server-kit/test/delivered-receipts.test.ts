// Which acknowledgements send DELIVERED receipts (messages/receipts-handler.ts `asksReceipt`): a
// 1:1 message from another user that does not ask for none. An ack without one skips the receipt
// path altogether (built-in-routes.ts `deliverAck`), so both sides are pinned here.
import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import { describe, expect, it } from 'vitest';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();
const delivered = (frames: ServerFrame[]) => frames.flatMap((f) => f.deliver?.envelopes ?? []);

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
});
