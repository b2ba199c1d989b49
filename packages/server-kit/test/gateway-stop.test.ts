// A stopping gateway takes no new frames but finishes the ones it is handling (it counts them,
// gateway.ts `track`) before it says goodbye and closes the sockets.
import { newMessageId, pb } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { describe, expect, it, vi } from 'vitest';
import { memoryStores } from '../src/index.js';

const fixture = useAbuseServer();

/** Event-loop turns, not time: enough for a close that does not wait to have finished. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('stopping the gateway', () => {
  it('waits for a send it is handling: close() settles only after its SendAck went out', async () => {
    const stores = memoryStores();
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    let calls = 0;
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    stores.queue.enqueue = (items, options) => {
      calls++;
      const result = enqueue(items, options);
      return opened.then(() => result); // a slow commit
    };
    const { server } = await fixture.start({}, { stores });
    await fixture.peer('bob');
    const alice = await fixture.peer('alice');
    const messageId = newMessageId();
    const shared = { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: new Uint8Array([1]) };
    alice.send({ requestId: 7, send: { messageId, userId: 'bob', shared } });
    await vi.waitFor(() => expect(calls).toBe(1));

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await turns(20);
    expect(closed).toBe(false);

    open();
    await closing;
    await vi.waitFor(() => expect(alice.frames.find((f) => f.sendAck)?.sendAck?.messageId).toBe(messageId));
  });
});
