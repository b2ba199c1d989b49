// Retry requests are honoured only for the devices a message was sent to, a few times per device,
// counted by the sender (issue 16 finding 2). A server controls device lists and sees message ids,
// so a device added later (or one it invents: refused before this, see signed-device-lists.test.ts)
// must not get past messages re-encrypted on request.
import { createClient, memoryClientStore, type ParleyClient } from '@parley/client';
import { newMessageId, pb } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { describe, expect, it, vi } from 'vitest';
import type { DeviceIdentity } from '../src/device-identity.js';
import { storeGet } from '../src/stores/client-store.js';
import { NS } from '../src/stores/namespaces.js';
import { newClient, onCleanup, reusable, startServer } from './helpers/harness.js';

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

/**
 * A genuine new device of bob: linked by bob's device (so it is in bob's signed device list and
 * alice encrypts to it), then driven as a raw peer under its own key, so a test can make it ask for
 * whatever it likes. Its client is closed first: the raw peer is that device now.
 */
async function linkedRawDevice(url: string, bob: ParleyClient): Promise<{ peer: RawPeer; deviceId: number }> {
  const store = memoryClientStore();
  const probe = createClient({ url, userId: 'bob', store: reusable(store) });
  const approval = await bob.approveDevice(await probe.linkCode());
  const device = createClient({ url, userId: 'bob', store: reusable(store), deviceLink: approval });
  await device.connect();
  await device.close();
  const identity = await storeGet<DeviceIdentity>(store, NS.device, 'self');
  if (!identity) throw new Error('the linked device has no identity');
  const peer = await RawPeer.authenticated(url, 'bob', identity.deviceId, {
    publicKey: identity.authPublicKey,
    privateKey: identity.authPrivateKey,
  });
  onCleanup(async () => peer.close());
  return { peer, deviceId: identity.deviceId };
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

    // A device bob links after the message was sent: in his signed list now, but not a recipient.
    const { peer: invented, deviceId } = await linkedRawDevice(server.url, bob);
    askForRetry(invented, alice, sent.id, 1);
    await vi.waitFor(() =>
      expect(refusals).toEqual([{ messageId: sent.id, reason: 'not-a-recipient', from: expect.anything() }]),
    );
    // Refused before anything was queued: the device never gets the message.
    expect(await stores.queue.count({ userId: 'bob', deviceId })).toBe(0);
    expect(copiesOf(invented, sent.id)).toEqual([]);
  });

  it('resend to an original recipient at most 3 times, counted by the sender whatever attempt it names', async () => {
    const { server } = await startServer();
    const { alice, refusals } = aliceWithLog(server.url);
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const { peer: second } = await linkedRawDevice(server.url, bob);
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

  it('resend an action (a reaction, an edit) to an original recipient that asks, like a message', async () => {
    const { server } = await startServer();
    const { alice, refusals } = aliceWithLog(server.url);
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const { peer: second } = await linkedRawDevice(server.url, bob);
    const sent = await alice.sendText('bob', 'react to me');
    const reaction = await alice.actions.react(sent.id, '👍');
    const edit = await alice.actions.edit(sent.id, 'edited');
    await vi.waitFor(() => {
      expect(copiesOf(second, reaction.id)).toHaveLength(1);
      expect(copiesOf(second, edit.id)).toHaveLength(1);
    });
    askForRetry(second, alice, reaction.id, 1);
    askForRetry(second, alice, edit.id, 1);
    await vi.waitFor(
      () => {
        expect(copiesOf(second, reaction.id)).toHaveLength(2);
        expect(copiesOf(second, edit.id)).toHaveLength(2);
      },
      { timeout: 15_000 },
    );
    expect(refusals).toEqual([]);
  });
});
