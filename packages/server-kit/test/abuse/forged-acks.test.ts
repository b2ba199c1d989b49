// Finding 1 of issue 17: an ack names ids; only ids of the acker's own queue, sent on its connection,
// may produce receipts or count at all.
import { pb } from '@parley/core';
import { sendText, useAbuseServer } from '@parley/test-utils/abuse-server';
import { describe, expect, it, vi } from 'vitest';

const SEP = '\u001f';

const fixture = useAbuseServer();
const { start, peer } = fixture;

describe('forged acknowledgements', () => {
  it("queue no receipts: forged ids naming a victim's messages leave the victim's queue empty", async () => {
    const { stores } = await start({ maxQueuedPerDevice: 50 });
    const victim = await peer('victim');
    victim.close(); // offline: anything queued for it stays
    const mallory = await peer('mallory');
    // 60 acks, each naming a made-up 1:1 message "from the victim": today each became a DELIVERED
    // receipt in the victim's queue.
    for (let i = 0; i < 60; i++) {
      mallory.send({ requestId: 0, deliverAck: { ids: [`victim${SEP}1${SEP}forged-${i}`] } });
    }
    // A round trip after the acks: they are handled by the time the ping is answered.
    const pong = await mallory.request({ ping: { nonce: 7 } });
    expect(pong.body).toBe('pong');
    const alice = await peer('alice');
    expect((await sendText(alice, 'victim', 'hello')).body).toBe('sendAck');
    expect(await stores.queue.count({ userId: 'victim', deviceId: 1 })).toBe(1);
  });

  it('still turns a real ack into a DELIVERED receipt for the sender', async () => {
    await start({});
    const alice = await peer('alice');
    const bob = await peer('bob');
    const ack = await sendText(alice, 'bob', 'hi');
    expect(ack.body).toBe('sendAck');
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    const ids = (deliver.deliver?.envelopes ?? []).map((e) => e.id ?? '');
    bob.send({ requestId: 0, deliverAck: { ids } });
    const receipt = await alice.waitFor(
      (f) =>
        f.body === 'deliver' && (f.deliver?.envelopes ?? []).some((e) => e.receipt !== undefined && e.receipt !== null),
    );
    const event = receipt.deliver?.envelopes?.find((e) => e.receipt)?.receipt;
    expect(event?.status).toBe(pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED);
    expect(event?.byUserId).toBe('bob');
  });

  it('refuses an ack naming more ids than the delivery window, on the fast and the ordered path alike', async () => {
    await start({ deliveryWindow: 16 });
    const mallory = await peer('mallory');
    const ids = Array.from({ length: 17 }, (_, i) => `x${i}`);
    mallory.send({ requestId: 0, deliverAck: { ids } }); // fast path
    const fast = await mallory.waitFor((f) => f.body === 'error' && f.requestId === 0);
    expect(fast.error?.code).toBe(pb.ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    mallory.send({ requestId: 9, deliverAck: { ids } }); // ordered path
    const ordered = await mallory.waitFor((f) => f.body === 'error' && f.requestId === 9);
    expect(ordered.error?.code).toBe(pb.ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    expect(mallory.closeCode).toBeUndefined();
  });

  it('closes a connection that keeps sending refused acks, like one sending undecodable frames', async () => {
    await start({ deliveryWindow: 4, maxBadFrames: 3 });
    const mallory = await peer('mallory');
    const ids = Array.from({ length: 5 }, (_, i) => `x${i}`);
    for (let i = 0; i < 10; i++) mallory.send({ requestId: 0, deliverAck: { ids } });
    expect(await mallory.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_PROTOCOL_ERROR);
    await vi.waitFor(() => expect(mallory.frames.filter((f) => f.body === 'error').length).toBeGreaterThan(3));
  });
});
