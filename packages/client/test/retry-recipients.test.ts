// Retry requests are honoured only for the devices a message was sent to, a few times per device,
// counted by the sender (issue 16 finding 2). A server controls device lists and sees message ids,
// so a device it invents must not get past messages re-encrypted on request.
import { createClient, memoryClientStore, type ParleyClient } from '@parley/client';
import { generateAuthKeyPair, newMessageId, pb } from '@parley/core';
import { keysUpload } from '@parley/core/crypto';
import type { ServerStores } from '@parley/server-kit';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { createDevice } from '@parley/test-utils/signal-device';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, startServer } from './helpers/harness.js';

interface Refusal {
  messageId: string;
  reason: string;
}

/** Alice, whose logger records the retry requests she refuses. */
function aliceWithLog(url: string): { alice: ParleyClient; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  const noop = () => {};
  const alice = createClient({
    url,
    userId: 'alice',
    store: memoryClientStore(),
    reconnect: { minDelayMs: 20, maxDelayMs: 200 },
    logger: {
      debug: noop,
      warn: noop,
      error: noop,
      info: (message, fields) => {
        if (message === 'retry request refused') refusals.push(fields as unknown as Refusal);
      },
    },
  });
  onCleanup(() => alice.close());
  return { alice, refusals };
}

/** A device of bob that the server registered by itself (no approval by bob's devices), with Signal keys published. */
async function serverAddedDevice(url: string, stores: ServerStores, deviceId: number): Promise<RawPeer> {
  const key = await generateAuthKeyPair();
  await stores.devices.register({ userId: 'bob', deviceId, authKey: key.publicKey, registrationId: 0, approvedBy: 0 });
  const peer = await RawPeer.authenticated(url, 'bob', deviceId, key);
  onCleanup(async () => peer.close());
  const device = await createDevice('bob', deviceId);
  const upload = keysUpload({
    identity: device.identity,
    signedPreKey: device.signedPreKey,
    preKeys: device.unclaimed,
    lastResortPreKey: device.lastResortPreKey as never,
  });
  expect((await peer.request({ keysUpload: upload })).body).toBe('keysUploadResult');
  return peer;
}

let nextRequestId = 0x7000;

function askForRetry(peer: RawPeer, to: ParleyClient, messageId: string, attempt: number): void {
  const data = pb.RetryRequest.encode({ messageId, attempt, registrationId: 0 }).finish();
  peer.send({
    requestId: ++nextRequestId,
    send: {
      messageId: newMessageId(),
      userId: 'alice',
      direct: true,
      noReceipts: true,
      copies: [
        {
          to: { userId: 'alice', deviceId: to.deviceId },
          payload: { type: pb.PayloadType.PAYLOAD_TYPE_RETRY_REQUEST, data },
        },
      ],
    },
  });
}

const copiesOf = (peer: RawPeer, messageId: string) =>
  peer.frames.flatMap((f) => f.deliver?.envelopes ?? []).filter((e) => e.messageId === messageId);

describe('retry requests', () => {
  it('give nothing to a device the message was not sent to, such as one the server added afterwards', async () => {
    const { server, stores } = await startServer();
    const { alice, refusals } = aliceWithLog(server.url);
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const sent = await alice.sendText('bob', 'before the new device');
    expect(sent.status).toBe('sent');

    const invented = await serverAddedDevice(server.url, stores, 9);
    askForRetry(invented, alice, sent.id, 1);
    await vi.waitFor(() =>
      expect(refusals).toEqual([{ messageId: sent.id, reason: 'not-a-recipient', from: expect.anything() }]),
    );
    // Refused before anything was queued: the device never gets the message.
    expect(await stores.queue.count({ userId: 'bob', deviceId: 9 })).toBe(0);
    expect(copiesOf(invented, sent.id)).toEqual([]);
  });

  it('resend to an original recipient at most 3 times, counted by the sender whatever attempt it names', async () => {
    const { server, stores } = await startServer();
    const { alice, refusals } = aliceWithLog(server.url);
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const second = await serverAddedDevice(server.url, stores, 2);
    const sent = await alice.sendText('bob', 'to both devices');
    expect(sent.status).toBe('sent');
    await vi.waitFor(() => expect(copiesOf(second, sent.id)).toHaveLength(1));

    for (let i = 0; i < 5; i++) askForRetry(second, alice, sent.id, 1); // always "attempt 1"
    await vi.waitFor(() => expect(refusals.map((r) => r.reason)).toEqual(['too-many-resends', 'too-many-resends']));
    // The original and three resends, each its own queue entry (the sender's attempt 1, 2, 3).
    await vi.waitFor(() => expect(copiesOf(second, sent.id)).toHaveLength(4), { timeout: 15_000 });
    expect(copiesOf(second, sent.id).map((e) => e.message?.type)).toEqual([
      pb.PayloadType.PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE,
      pb.PayloadType.PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE,
      pb.PayloadType.PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE,
      pb.PayloadType.PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE,
    ]);
  });
});
