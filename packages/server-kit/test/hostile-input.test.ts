import {
  authChallengePayload,
  deviceLinkPayload,
  generateAuthKeyPair,
  newMessageId,
  PROTOCOL_VERSION,
  pb,
  signWithAuthKey,
} from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

const E = pb.ErrorCode;

let server: ParleyServer;
let stores: ServerStores;
const peers: RawPeer[] = [];
const track = <T extends RawPeer>(p: T) => {
  peers.push(p);
  return p;
};

beforeEach(async () => {
  stores = memoryStores();
  server = await createServer({ stores, limits: { maxFrameBytes: 64 * 1024 } });
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server.close();
  await stores.close();
});

/** After every hostile act: the server still serves other clients end to end. */
async function assertServerHealthy() {
  const carol = track(await RawPeer.authenticated(server.url, `carol-${Math.random()}`));
  const daveId = `dave-${Math.random()}`;
  const dave = track(await RawPeer.authenticated(server.url, daveId));
  const ack = await carol.request({
    send: { messageId: newMessageId(), userId: daveId, shared: { type: PLAINTEXT, data: textContent('still here') } },
  });
  expect(ack.body).toBe('sendAck');
  const deliver = await dave.waitFor((f) => f.body === 'deliver');
  expect(new Uint8Array(deliver.deliver?.envelopes?.[0]?.message?.data ?? [])).toEqual(
    new Uint8Array(textContent('still here')),
  );
}

describe('hostile input', () => {
  it('sets the sender from the authenticated connection, whatever the frame says', async () => {
    const bob = track(await RawPeer.authenticated(server.url, 'bob'));
    const mallory = track(await RawPeer.authenticated(server.url, 'mallory'));
    // A Send with extra bytes claiming to be an Envelope.sender of alice (field 2 of Envelope
    // is sender; Send has no such field, and unknown fields are ignored).
    const forgedSender = pb.Envelope.encode({ sender: { userId: 'alice', deviceId: 1 } }).finish();
    const send = pb.ClientFrame.encode({
      requestId: 7,
      send: { messageId: newMessageId(), userId: 'bob', shared: { type: PLAINTEXT, data: textContent('I am alice') } },
    }).finish();
    const tampered = new Uint8Array([...send, 0xfa, 0x07, forgedSender.length, ...forgedSender]); // field 127
    mallory.sendRaw(tampered);
    expect((await mallory.waitFor((f) => f.requestId === 7)).body).toBe('sendAck');
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    expect(deliver.deliver?.envelopes?.[0]?.sender).toMatchObject({ userId: 'mallory', deviceId: 1 });
  });

  it('refuses to let a different key act as a registered device', async () => {
    track(await RawPeer.authenticated(server.url, 'alice', 1));
    const impostor = track(await RawPeer.open(server.url));
    const key = await generateAuthKeyPair();
    const challenge = await impostor.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'alice', deviceId: 1, authKey: key.publicKey },
    });
    const signature = await signWithAuthKey(
      key.privateKey,
      authChallengePayload(challenge.challenge?.nonce as Uint8Array, 'alice', 1, impostor.origin),
    );
    const answer = await impostor.request({ auth: { signature, origin: impostor.origin } });
    expect(answer.error?.code).toBe(E.ERROR_CODE_AUTH_FAILED);
    expect(await impostor.waitClosed()).toBe(4003);
    await assertServerHealthy();
  });

  it('refuses a wrong challenge signature', async () => {
    const peer = track(await RawPeer.open(server.url));
    const key = await generateAuthKeyPair();
    const other = await generateAuthKeyPair();
    const challenge = await peer.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'eve', deviceId: 1, authKey: key.publicKey },
    });
    const signature = await signWithAuthKey(
      other.privateKey,
      authChallengePayload(challenge.challenge?.nonce as Uint8Array, 'eve', 1, peer.origin),
    );
    expect((await peer.request({ auth: { signature, origin: peer.origin } })).error?.code).toBe(
      E.ERROR_CODE_AUTH_FAILED,
    );
    expect(await peer.waitClosed()).toBe(4003);
    expect(await stores.devices.get('eve', 1)).toBeUndefined();
    await assertServerHealthy();
  });

  it('refuses a second handshake on a ready connection, which stays its device', async () => {
    const frank = track(await RawPeer.authenticated(server.url, 'frank'));
    const key = await generateAuthKeyPair();
    const hello = await frank.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'alice', deviceId: 1, authKey: key.publicKey },
    });
    expect(hello.error?.code).toBe(E.ERROR_CODE_BAD_FRAME);
    const auth = await frank.request({ auth: { signature: new Uint8Array(64), origin: frank.origin } });
    expect(auth.error?.code).toBe(E.ERROR_CODE_UNAUTHENTICATED);
    const grace = track(await RawPeer.authenticated(server.url, 'grace'));
    const ack = await frank.request({
      send: { messageId: newMessageId(), userId: 'grace', shared: { type: PLAINTEXT, data: textContent('hi') } },
    });
    expect(ack.body).toBe('sendAck');
    const deliver = await grace.waitFor((f) => f.body === 'deliver');
    expect(deliver.deliver?.envelopes?.[0]?.sender).toMatchObject({ userId: 'frank', deviceId: 1 });
  });

  it('answers a send before authentication with UNAUTHENTICATED and queues nothing', async () => {
    track(await RawPeer.authenticated(server.url, 'bob'));
    const peer = track(await RawPeer.open(server.url));
    const answer = await peer.request({
      send: { messageId: newMessageId(), userId: 'bob', shared: { type: PLAINTEXT, data: textContent('x') } },
    });
    expect(answer.error?.code).toBe(E.ERROR_CODE_UNAUTHENTICATED);
    expect(await stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(0);
    await assertServerHealthy();
  });

  it('answers malformed bytes with BAD_FRAME: closes before auth, tolerates a few after', async () => {
    const early = track(await RawPeer.open(server.url));
    early.sendRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect((await early.waitFor((f) => f.body === 'error')).error?.code).toBe(E.ERROR_CODE_BAD_FRAME);
    expect(await early.waitClosed()).toBe(4002);

    const late = track(await RawPeer.authenticated(server.url, 'frank'));
    late.sendRaw(new Uint8Array([0x0a, 0x05, 0x01]));
    late.sendRaw('a text frame');
    late.sendRaw(pb.ClientFrame.encode({ requestId: 99 }).finish()); // no body: answered under its id
    await late.waitFor((f) => f.body === 'error' && f.requestId === 99);
    const errors = () => late.frames.filter((f) => f.body === 'error').map((f) => [f.requestId, f.error?.code]);
    await expect.poll(errors).toEqual([
      [0, E.ERROR_CODE_BAD_FRAME],
      [0, E.ERROR_CODE_BAD_FRAME],
      [99, E.ERROR_CODE_BAD_FRAME],
    ]);
    expect((await late.request({ ping: { nonce: 42 } })).pong?.nonce).toBe(42);
    expect(late.closeCode).toBeUndefined();

    for (let i = 0; i < 10; i++) late.sendRaw(new Uint8Array([0xff]));
    expect(await late.waitClosed()).toBe(4002);
    await assertServerHealthy();
  });

  it('closes a connection that sends a 2 MiB frame, and only that one', async () => {
    const bystander = track(await RawPeer.authenticated(server.url, 'grace'));
    const big = track(await RawPeer.authenticated(server.url, 'heidi'));
    big.send({
      requestId: 9,
      send: { messageId: newMessageId(), userId: 'grace', shared: { type: PLAINTEXT, data: new Uint8Array(2 << 20) } },
    });
    expect(await big.waitClosed()).toBe(1009);
    expect(await stores.queue.count({ userId: 'grace', deviceId: 1 })).toBe(0);
    expect((await bystander.request({ ping: { nonce: 1 } })).body).toBe('pong');
    await assertServerHealthy();
  });

  it('admits a second device of a user only with a link signed by an existing device', async () => {
    const first = track(await RawPeer.authenticated(server.url, 'ivan', 1));
    const key = await generateAuthKeyPair();
    const hello = { protocolVersion: PROTOCOL_VERSION, userId: 'ivan', deviceId: 2, authKey: key.publicKey };

    const unapproved = track(await RawPeer.open(server.url));
    const c1 = await unapproved.request({ hello });
    const s1 = await signWithAuthKey(
      key.privateKey,
      authChallengePayload(c1.challenge?.nonce as Uint8Array, 'ivan', 2, unapproved.origin),
    );
    expect((await unapproved.request({ auth: { signature: s1, origin: unapproved.origin } })).error?.code).toBe(
      E.ERROR_CODE_AUTH_FAILED,
    );
    expect(await stores.devices.get('ivan', 2)).toBeUndefined();

    const expiresAt = Date.now() + 60_000;
    const linkSig = await signWithAuthKey(first.key.privateKey, deviceLinkPayload('ivan', 2, key.publicKey, expiresAt));
    const approved = track(await RawPeer.open(server.url));
    const c2 = await approved.request({
      hello: {
        ...hello,
        link: { approverDeviceId: 1, newDeviceId: 2, newAuthKey: key.publicKey, expiresAt, signature: linkSig },
      },
    });
    const s2 = await signWithAuthKey(
      key.privateKey,
      authChallengePayload(c2.challenge?.nonce as Uint8Array, 'ivan', 2, approved.origin),
    );
    const welcome = await approved.request({ auth: { signature: s2, origin: approved.origin } });
    expect(welcome.welcome?.registered).toBe(true);
    expect((await stores.devices.get('ivan', 2))?.approvedBy).toBe(1);
  });

  it('refuses a send whose per-device copies do not match the devices, naming them', async () => {
    track(await RawPeer.authenticated(server.url, 'judy', 1));
    await stores.devices.setRegistrationId('judy', 1, 1234); // judy published keys
    const sender = track(await RawPeer.authenticated(server.url, 'ken'));
    const answer = await sender.request({
      send: {
        messageId: newMessageId(),
        userId: 'judy',
        copies: [
          {
            to: { userId: 'judy', deviceId: 5 },
            payload: { type: pb.PayloadType.PAYLOAD_TYPE_SIGNAL_MESSAGE, data: new Uint8Array([1]) },
          },
        ],
      },
    });
    expect(answer.error?.code).toBe(E.ERROR_CODE_DEVICES_MISMATCH);
    expect(answer.error?.devicesMismatch?.missing).toEqual([expect.objectContaining({ userId: 'judy', deviceId: 1 })]);
    expect(answer.error?.devicesMismatch?.extra).toEqual([expect.objectContaining({ userId: 'judy', deviceId: 5 })]);
    expect(await stores.queue.count({ userId: 'judy', deviceId: 1 })).toBe(0);
  });

  it('keeps message ids of different senders apart: a reused id is not taken for a duplicate', async () => {
    const bob = track(await RawPeer.authenticated(server.url, 'bob'));
    const alice = track(await RawPeer.authenticated(server.url, 'alice'));
    const carol = track(await RawPeer.authenticated(server.url, 'carol'));
    const id = newMessageId();
    const first = await alice.request({
      send: { messageId: id, userId: 'bob', shared: { type: PLAINTEXT, data: textContent('from alice') } },
    });
    const second = await carol.request({
      send: { messageId: id, userId: 'bob', shared: { type: PLAINTEXT, data: textContent('from carol') } },
    });
    expect(first.body).toBe('sendAck');
    expect(second.body).toBe('sendAck');
    await expect
      .poll(() => bob.frames.flatMap((f) => f.deliver?.envelopes ?? []).map((e) => e.sender?.userId))
      .toEqual(['alice', 'carol']);
    const envelopes = bob.frames.flatMap((f) => f.deliver?.envelopes ?? []);
    expect(envelopes.map((e) => e.messageId)).toEqual([id, id]);
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(2);
  });

  it('refuses device copies without a payload', async () => {
    track(await RawPeer.authenticated(server.url, 'lena', 1));
    const sender = track(await RawPeer.authenticated(server.url, 'mike'));
    const answer = await sender.request({
      send: { messageId: newMessageId(), userId: 'lena', copies: [{ to: { userId: 'lena', deviceId: 1 } }] },
    });
    expect(answer.error?.code).toBe(E.ERROR_CODE_INVALID_ARGUMENT);
    expect(await stores.queue.count({ userId: 'lena', deviceId: 1 })).toBe(0);
  });

  it('answers a request it cannot read from a newer client with BAD_FRAME under its request id, and stays open', async () => {
    const peer = track(await RawPeer.authenticated(server.url, 'nina'));
    // request_id 77 and a body field number this version does not know (field 999, empty message).
    peer.sendRaw(new Uint8Array([0x08, 77, 0xba, 0x3e, 0x00]));
    const answer = await peer.waitFor((f) => f.requestId === 77);
    expect(answer.error?.code).toBe(E.ERROR_CODE_BAD_FRAME);
    expect((await peer.request({ ping: { nonce: 5 } })).pong?.nonce).toBe(5);
  });

  it('refuses a request without a request id', async () => {
    track(await RawPeer.authenticated(server.url, 'oscar'));
    const peer = track(await RawPeer.authenticated(server.url, 'pat'));
    peer.send({
      requestId: 0,
      send: { messageId: newMessageId(), userId: 'oscar', shared: { type: PLAINTEXT, data: textContent('x') } },
    });
    const answer = await peer.waitFor((f) => f.body === 'error');
    expect(answer.error?.code).toBe(E.ERROR_CODE_BAD_FRAME);
    expect(await stores.queue.count({ userId: 'oscar', deviceId: 1 })).toBe(0);
  });
});
