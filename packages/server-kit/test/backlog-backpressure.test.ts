// A device coming back to a backlog of large messages must get all of it: the delivery pump must
// not write more than the connection's buffer limit in one go and then cut it for backpressure.
import { newMessageId, pb } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import { describe, expect, it } from 'vitest';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const fixture = useAbuseServer();

describe('a backlog larger than the buffer limit', () => {
  it('is delivered whole to a device that reads and acks, without a BACKPRESSURE close', async () => {
    const { peer, stores } = await fixture.start({ maxBufferedBytes: 1024 * 1024, deliveryWindow: 256 });
    const away = await peer('bob'); // registers bob's device, which then goes offline
    away.close();
    await away.waitClosed();
    const alice = await peer('alice');
    const payload = textContent('x'.repeat(48 * 1024));
    const count = 60; // ~2.9 MB queued: about three times the limit, well inside the window
    for (let i = 0; i < count; i++) {
      await alice.request({
        send: { messageId: newMessageId(), userId: 'bob', shared: { type: PLAINTEXT, data: payload } },
      });
    }
    expect(await stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(count);
    const bob = await peer('bob', 1, away.key);
    const seen = new Set<string>();
    let read = 0;
    /** Acks every Deliver frame that arrived since the last look, as a client does. */
    const ackNew = () => {
      for (; read < bob.frames.length; read++) {
        const ids = (bob.frames[read]?.deliver?.envelopes ?? []).map((e) => e.id ?? '');
        for (const id of ids) seen.add(id);
        if (ids.length > 0) bob.send({ requestId: 0, deliverAck: { ids } });
      }
      return seen.size;
    };
    await expect.poll(ackNew, { timeout: 20_000 }).toBe(count);
    expect(bob.closeCode).toBeUndefined();
  });
});
