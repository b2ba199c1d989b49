// Finding 2 of issue 17 (queue part): one sender may hold only a share of a recipient device's queue,
// so a flood from one user cannot make the recipient unreachable for everyone else.
import { isParleyError, newMessageId, pb, type ServerFrame } from '@parley/core';
import { createGroup, publishIdentity, sendText, useAbuseServer } from '@parley/test-utils/abuse-server';
import { describe, expect, it } from 'vitest';
import type { EnqueueResult } from '../../src/contracts/offline-queue.js';
import { memoryDeviceRegistry, memoryQueue } from '../../src/index.js';
import { enqueueMessage, type QueuePorts } from '../../src/messages/queue-ports.js';

const fixture = useAbuseServer();

describe("a sender's share of a recipient's queue", () => {
  it('stops a flooder at its share while another sender still reaches the recipient', async () => {
    const { stores, peer } = await fixture.start({
      maxQueuedPerDevice: 20,
      maxQueuedPerSender: 5,
      queueFullRetryAfterMs: 12_000,
    });
    const bob = await peer('bob');
    bob.close(); // offline: everything sent to bob waits in his queue
    const mallory = await peer('mallory');
    let accepted = 0;
    let refused: ServerFrame['error'];
    for (let i = 0; i < 30 && !refused; i++) {
      const answer = await sendText(mallory, 'bob', `spam ${i}`);
      if (answer.body === 'sendAck') accepted++;
      else refused = answer.error;
    }
    expect(accepted).toBe(5);
    expect(refused?.code).toBe(pb.ErrorCode.ERROR_CODE_QUEUE_FULL);
    expect(refused?.retryable).toBe(true);
    expect(refused?.retryAfterMs).toBe(12_000);

    const alice = await peer('alice');
    expect((await sendText(alice, 'bob', 'hello bob')).body).toBe('sendAck');
    expect(await stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(6);
  });

  it("applies to group messages too: a member flooding a group cannot fill another member's queue", async () => {
    const { stores, peer } = await fixture.start({ maxQueuedPerSender: 3, queueFullRetryAfterMs: 7_000 });
    const bob = await peer('bob');
    await publishIdentity(bob, 8);
    bob.close(); // offline: group messages wait in his queue
    const mallory = await peer('mallory');
    const identity = await publishIdentity(mallory, 9);
    expect((await createGroup(mallory, 'mallory', identity, 'g1', ['bob'])).body).toBe('groupState');
    const groupSend = () =>
      mallory.request({
        send: {
          messageId: newMessageId(),
          groupId: 'g1',
          shared: { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: new Uint8Array([1]) },
        },
      });
    for (let i = 0; i < 3; i++) expect((await groupSend()).body).toBe('sendAck');
    const refused = await groupSend();
    expect(refused.error?.code).toBe(pb.ErrorCode.ERROR_CODE_QUEUE_FULL);
    expect(refused.error?.retryAfterMs).toBe(7_000);
    // The group record (not a message of mallory's) and the three messages.
    expect(await stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(4);
  });

  it("does not count a sender's copies to its own devices", async () => {
    const queue = memoryQueue({ clock: () => 1_000 });
    const ports: QueuePorts = {
      stores: { queue, devices: memoryDeviceRegistry() },
      clock: () => 1_000,
      maxQueuedPerDevice: 100,
      maxQueuedPerSender: 1,
      queueFullRetryAfterMs: 5_000,
      stored: () => {},
    };
    const entry = (userId: string, id: string) => ({ device: { userId, deviceId: 2 }, id, data: new Uint8Array([1]) });
    const entryOf = (r: EnqueueResult) => ({ device: r.device, id: r.id, seq: r.seq, data: new Uint8Array([1]) });
    await enqueueMessage(ports, 'alice', [entry('alice', 'a'), entry('alice', 'b')], 1_000, entryOf);
    expect(await queue.count({ userId: 'alice', deviceId: 2 })).toBe(2);
    await enqueueMessage(ports, 'alice', [entry('bob', 'a')], 1_000, entryOf);
    const refused = await enqueueMessage(ports, 'alice', [entry('bob', 'b')], 1_000, entryOf).catch((e: unknown) => e);
    expect(isParleyError(refused, 'QUEUE_FULL') && refused.retryAfterMs).toBe(5_000);
  });
});
