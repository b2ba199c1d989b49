// The time a SendAck reports and the server_time of the envelope delivered for the same message are
// one value (the time the message was stored), even when the clock moves between the two reads.
import { newMessageId, pb } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import { describe, expect, it } from 'vitest';
import { memoryStores } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();

describe('server_time', () => {
  it("of the delivered envelope equals the SendAck's, also for a resend of the same message", async () => {
    // A clock that moves on every read, as a busy server's would between two statements.
    let now = 1_700_000_000_000;
    const clock = () => now++;
    const { peer } = await fixture.start({}, { clock, stores: memoryStores({ clock }) });
    const alice = await peer('alice');
    const bob = await peer('bob');
    const messageId = newMessageId();
    const send = { messageId, userId: 'bob', shared: { type: PLAINTEXT, data: textContent('hi') } };
    const ack = await alice.request({ send });
    expect(ack.body).toBe('sendAck');
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    const envelope = deliver.deliver?.envelopes?.[0];
    expect(envelope?.messageId).toBe(messageId);
    expect(Number(envelope?.serverTime)).toBe(Number(ack.sendAck?.serverTime));
    // A resend (lost ack) is a duplicate: it reports the first time again.
    const again = await alice.request({ send });
    expect(Number(again.sendAck?.serverTime)).toBe(Number(ack.sendAck?.serverTime));
  });
});
