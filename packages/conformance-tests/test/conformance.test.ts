// The documented flows of docs/PROTOCOL.md, driven against a real gateway by a client that knows only
// the spec and the .proto files (see raw-peer.ts): no generated Parley code, no @parley/client.
import { randomBytes, randomInt, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, memoryStores, type ParleyServer } from '@parley/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthKey, authenticate, challengePayload, type Frame, newAuthKey, RawPeer } from './raw-peer.js';
import { loadProto, protoFile } from './wire.js';

let root: Awaited<ReturnType<typeof loadProto>>;
let server: ParleyServer;
const stores = memoryStores();
const peers: RawPeer[] = [];

beforeAll(async () => {
  root = await loadProto();
  server = await createServer({ stores, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await server.close();
  await stores.close();
});

/** A device's identity: user, device id (random in [1, 2^31), §4.2) and Ed25519 auth key. */
interface Device {
  userId: string;
  deviceId: number;
  key: AuthKey;
}

let users = 0;
const newDevice = (name: string): Device => ({
  userId: `${name}-${++users}`,
  deviceId: randomInt(1, 2 ** 31),
  key: newAuthKey(),
});

async function open(): Promise<RawPeer> {
  const peer = await RawPeer.open(server.url, root);
  peers.push(peer);
  return peer;
}

/** Opens a connection and authenticates `device`; returns the peer, its Welcome and its SyncComplete. */
async function connect(device: Device): Promise<{ peer: RawPeer; welcome: Frame; syncComplete: Frame }> {
  const peer = await open();
  const answer = await authenticate(peer, device);
  expect(answer.body, JSON.stringify(answer.error)).toBe('welcome');
  const syncComplete = await peer.next((f) => f.body === 'sync_complete');
  return { peer, welcome: answer.welcome, syncComplete: syncComplete.sync_complete };
}

/** §3.4 / §10.2: what a device publishes before it can receive per-device copies. The server never checks key bytes. */
async function uploadKeys(peer: RawPeer): Promise<number> {
  const registrationId = randomInt(1, 16384);
  const answer = await peer.request({
    keys_upload: {
      registration_id: registrationId,
      identity_key: randomBytes(33),
      signed_prekey: { key_id: 1, public_key: randomBytes(33), signature: randomBytes(64) },
      one_time_prekeys: Array.from({ length: 5 }, (_, i) => ({ key_id: i + 1, public_key: randomBytes(33) })),
      last_resort_prekey: { key_id: 0xfffffe, public_key: randomBytes(33) },
    },
  });
  expect(answer.body).toBe('keys_upload_result');
  expect(answer.keys_upload_result.one_time_remaining).toBe(5);
  return registrationId;
}

/** Every envelope received so far, in arrival order, from `deliver` frames. */
const envelopes = (peer: RawPeer): Frame[] =>
  peer.frames.filter((f) => f.body === 'deliver').flatMap((f) => f.deliver.envelopes);

/** Waits until an envelope matching `match` was delivered. */
async function envelope(peer: RawPeer, match: (e: Frame) => boolean): Promise<Frame> {
  await peer.next((f) => f.body === 'deliver' && f.deliver.envelopes.some(match));
  return envelopes(peer).find(match) as Frame;
}

/** §8.4: acknowledges envelope ids with request_id 0 and no answer. */
const ack = (peer: RawPeer, ids: string[]) => peer.send({ deliver_ack: { ids } });

/** A 1:1 send with one per-device copy for `to` (what the reference client sends, §10.4). */
const sendCopy = (peer: RawPeer, messageId: string, to: Device, registrationId: number, data: Uint8Array) =>
  peer.request({
    send: {
      message_id: messageId,
      user_id: to.userId,
      copies: [
        {
          to: { user_id: to.userId, device_id: to.deviceId },
          registration_id: registrationId,
          payload: { type: 'PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE', data },
        },
      ],
    },
  });

describe('Parley protocol v1 conformance (raw client from proto/ and docs/PROTOCOL.md)', () => {
  it('§4.2/§5: hello, challenge, signed auth, welcome with the documented limits, then sync_complete', async () => {
    const device = newDevice('alice');
    const peer = await open();
    const challenge = await peer.request({
      hello: {
        protocol_version: 1,
        user_id: device.userId,
        device_id: device.deviceId,
        auth_key: device.key.publicKey,
      },
    });
    expect(challenge.body).toBe('challenge');
    expect(challenge.challenge.nonce).toHaveLength(32);
    expect(challenge.challenge.server_time).toBeGreaterThan(0);
    peer.frames.length = 0;

    const payload = challengePayload(challenge.challenge.nonce, device.userId, device.deviceId, peer.origin);
    const welcome = await peer.request({
      auth: { signature: new Uint8Array(sign(null, payload, device.key.privateKey)), origin: peer.origin },
    });
    expect(welcome.body).toBe('welcome');
    expect(welcome.welcome).toMatchObject({
      registered: true,
      heartbeat_interval_ms: 20_000,
      idle_timeout_ms: 60_000,
      max_frame_bytes: 524_288,
      delivery_window: 256,
    });
    expect(welcome.welcome.pending ?? 0).toBe(0);
    // §8.5: with an empty queue, sync_complete comes right after welcome, delivered 0.
    const sync = await peer.next((f) => f.body === 'sync_complete');
    expect(sync.request_id ?? 0).toBe(0);
    expect(sync.sync_complete.delivered ?? 0).toBe(0);
    expect(peer.frames.map((f) => f.body)).toEqual(['welcome', 'sync_complete']);
  });

  it('§5.5: a signature by another key is refused with AUTH_FAILED, Goodbye{AUTH_FAILED} and close 4003', async () => {
    const device = newDevice('mallory');
    await connect(device).then(({ peer }) => peer.close());
    const peer = await open();
    const answer = await authenticate(peer, { ...device, key: newAuthKey() });
    expect(answer.error.code).toBe('ERROR_CODE_AUTH_FAILED');
    const goodbye = await peer.next((f) => f.body === 'goodbye');
    expect(goodbye.goodbye.reason).toBe('CLOSE_REASON_AUTH_FAILED');
    expect((await peer.closed()).code).toBe(4003);
  });

  it('§5.1: a login signed for another server origin is refused with AUTH_FAILED and close 4003', async () => {
    const device = newDevice('relayed');
    const peer = await open();
    const answer = await authenticate(peer, device, 'other-server.example');
    expect(answer.error.code).toBe('ERROR_CODE_AUTH_FAILED');
    expect((await peer.closed()).code).toBe(4003);
  });

  it('§6.1: ping is answered with pong and the same nonce, under its request_id or under 0', async () => {
    const { peer } = await connect(newDevice('pinger'));
    const pong = await peer.request({ ping: { nonce: 42 } });
    expect(pong.body).toBe('pong');
    expect(pong.pong.nonce).toBe(42);
    const from = peer.frames.length;
    peer.send({ ping: { nonce: 7 } });
    const unnumbered = await peer.next((f) => f.body === 'pong' && f.pong.nonce === 7, from);
    expect(unnumbered.request_id ?? 0).toBe(0);
  });

  it('§8, §12.1: send, deliver, deliver_ack, the delivered receipt to the sender, then a read receipt', async () => {
    const aliceDevice = newDevice('alice');
    const bobDevice = newDevice('bob');
    const alice = (await connect(aliceDevice)).peer;
    const bob = (await connect(bobDevice)).peer;
    const registrationId = await uploadKeys(bob);

    // §3.3: the sender learns the recipient's devices and registration ids.
    const list = await alice.request({ devices_get: { user_id: bobDevice.userId } });
    expect(list.device_list.devices).toEqual([
      expect.objectContaining({ device_id: bobDevice.deviceId, registration_id: registrationId }),
    ]);

    const data = randomBytes(48);
    const sendAck = await sendCopy(alice, 'm-1', bobDevice, registrationId, data);
    expect(sendAck.body).toBe('send_ack');
    expect(sendAck.send_ack).toMatchObject({ message_id: 'm-1', recipients: 1 });

    // §8.4: the envelope, with the sender from the authenticated connection; its server_time is taken
    // just before the store time that send_ack reports.
    const delivered = await envelope(bob, (e) => e.message_id === 'm-1');
    expect(delivered.server_time).toBeGreaterThan(0);
    expect(delivered.server_time).toBeLessThanOrEqual(sendAck.send_ack.server_time);
    expect(delivered).toMatchObject({
      sender: { user_id: aliceDevice.userId, device_id: aliceDevice.deviceId },
      body: 'message',
      message: { type: 'PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE' },
    });
    expect(new Uint8Array(delivered.message.data)).toEqual(new Uint8Array(data));
    expect(delivered.seq).toBeGreaterThan(0);
    ack(bob, [delivered.id]);

    // §12.1: the acknowledgement becomes a DELIVERED receipt queued to the sender's devices.
    const isReceipt = (status: string) => (e: Frame) =>
      e.body === 'receipt' && e.receipt.status === status && e.receipt.message_ids.includes('m-1');
    const deliveredReceipt = await envelope(alice, isReceipt('RECEIPT_STATUS_DELIVERED'));
    expect(deliveredReceipt.receipt.by_user_id).toBe(bobDevice.userId);
    ack(alice, [deliveredReceipt.id]);

    const ok = await bob.request({
      receipt: { user_id: aliceDevice.userId, message_ids: ['m-1'], status: 'RECEIPT_STATUS_READ' },
    });
    expect(ok.body).toBe('ok');
    const readReceipt = await envelope(alice, isReceipt('RECEIPT_STATUS_READ'));
    expect(readReceipt.receipt.by_user_id).toBe(bobDevice.userId);
    ack(alice, [readReceipt.id]);
  });

  it('§8.5: after a reconnect the backlog comes in seq order, then sync_complete counting it', async () => {
    const aliceDevice = newDevice('alice');
    const bobDevice = newDevice('bob');
    const alice = (await connect(aliceDevice)).peer;
    const first = (await connect(bobDevice)).peer;
    const registrationId = await uploadKeys(first);
    await first.close();

    const ids = ['b-1', 'b-2', 'b-3'];
    for (const id of ids)
      expect((await sendCopy(alice, id, bobDevice, registrationId, randomBytes(16))).body).toBe('send_ack');

    const { peer: bob, welcome, syncComplete } = await connect(bobDevice);
    expect(welcome.registered ?? false).toBe(false);
    expect(welcome.pending).toBe(3);
    const backlog = envelopes(bob);
    expect(backlog.map((e) => e.message_id)).toEqual(ids);
    const seqs = backlog.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(syncComplete.delivered).toBe(3);
    // Every deliver of the backlog came before sync_complete.
    const bodies = bob.frames.map((f) => f.body);
    expect(bodies.lastIndexOf('deliver')).toBeLessThan(bodies.indexOf('sync_complete'));
    ack(
      bob,
      backlog.map((e) => e.id),
    );
  });

  it('§10.2, §8.1: a device without keys gets no copies but does get a shared-only send', async () => {
    const sender = (await connect(newDevice('alice'))).peer;
    const keylessDevice = newDevice('carol');
    const keyless = (await connect(keylessDevice)).peer;
    const refused = await sendCopy(sender, 'c-1', keylessDevice, 1, randomBytes(16));
    expect(refused.error.code).toBe('ERROR_CODE_UNKNOWN_RECIPIENT');

    const content = root.lookupType('parley.v1.Content');
    const data = content.encode(content.fromObject({ text: { text: 'hi' } })).finish();
    const answer = await sender.request({
      send: { message_id: 'c-2', user_id: keylessDevice.userId, shared: { type: 'PAYLOAD_TYPE_PLAINTEXT', data } },
    });
    expect(answer.send_ack.recipients).toBe(1);
    const got = await envelope(keyless, (e) => e.message_id === 'c-2');
    expect(content.toObject(content.decode(got.message.data))).toEqual({ text: { text: 'hi' } });
  });

  it('§8.4: only ids delivered on the connection and not yet acknowledged become delivered receipts', async () => {
    const aliceDevice = newDevice('alice');
    const bobDevice = newDevice('bob');
    const alice = (await connect(aliceDevice)).peer;
    const bob = (await connect(bobDevice)).peer;
    const registrationId = await uploadKeys(bob);
    // An id in the reference format (§8.1) for a message alice never sent to bob: forged, ignored.
    ack(bob, [`${aliceDevice.userId}\u001f${aliceDevice.deviceId}\u001fnever-sent`]);
    expect((await sendCopy(alice, 'real-1', bobDevice, registrationId, randomBytes(48))).body).toBe('send_ack');
    const delivered = await envelope(bob, (e) => e.message_id === 'real-1');
    ack(bob, [delivered.id]);
    const receipt = await envelope(alice, (e) => e.body === 'receipt');
    // The first receipt alice gets names the real message alone.
    expect(receipt.receipt).toMatchObject({ status: 'RECEIPT_STATUS_DELIVERED', message_ids: ['real-1'] });
  });

  it('§3, §8.2, §1: documented refusals keep or close the connection as the spec says', async () => {
    const { peer } = await connect(newDevice('dave'));
    const unknown = await peer.request({
      send: { message_id: 'u-1', user_id: 'nobody-at-all', shared: { type: 'PAYLOAD_TYPE_PLAINTEXT', data: [1] } },
    });
    expect(unknown.error).toMatchObject({ code: 'ERROR_CODE_UNKNOWN_RECIPIENT' });
    expect(unknown.error.retryable ?? false).toBe(false);

    const badId = await peer.request({ send: { message_id: 'has space', user_id: 'x' } });
    expect(badId.error.code).toBe('ERROR_CODE_INVALID_ARGUMENT');

    // A request with request_id 0: BAD_FRAME under 0, and the connection stays open.
    let from = peer.frames.length;
    peer.send({ keys_count: {} });
    const refused = await peer.next((f) => f.body === 'error', from);
    expect(refused.request_id ?? 0).toBe(0);
    expect(refused.error.code).toBe('ERROR_CODE_BAD_FRAME');

    // A body this schema does not know: BAD_FRAME under the frame's own request_id (§4.4).
    from = peer.frames.length;
    peer.sendBytes(Uint8Array.from([0x08, 0x63, 0xba, 0x3e, 0x00])); // request_id 99, field 999 empty
    const unknownBody = await peer.next((f) => f.request_id === 99, from);
    expect(unknownBody.error.code).toBe('ERROR_CODE_BAD_FRAME');
    expect((await peer.request({ ping: { nonce: 1 } })).body).toBe('pong');

    // A frame over max_frame_bytes: WebSocket close 1009, no Goodbye (§1).
    from = peer.frames.length;
    peer.sendBytes(new Uint8Array(524_288 + 1));
    expect((await peer.closed()).code).toBe(1009);
    expect(peer.frames.slice(from).map((f) => f.body)).not.toContain('goodbye');
  });

  it('§5.6: a second connection of a device replaces the first with Goodbye{REPLACED} and 4008', async () => {
    const device = newDevice('erin');
    const { peer: older } = await connect(device);
    const { peer: newer } = await connect(device);
    const goodbye = await older.next((f) => f.body === 'goodbye');
    expect(goodbye.goodbye.reason).toBe('CLOSE_REASON_REPLACED');
    expect((await older.closed()).code).toBe(4008);
    expect((await newer.request({ ping: { nonce: 2 } })).body).toBe('pong');
  });

  it('§12.3: typing starts, every refresh is pushed with the expiry, and a stop is pushed with 0', async () => {
    const typerDevice = newDevice('fay');
    const peerDevice = newDevice('gus');
    const typer = (await connect(typerDevice)).peer;
    const peer = (await connect(peerDevice)).peer;
    const typing = (on: boolean) => typer.request({ typing: { user_id: peerDevice.userId, typing: on } });
    const pushes = () => peer.frames.filter((f) => f.body === 'typing_changed').map((f) => f.typing_changed);

    for (const on of [true, true, false]) expect((await typing(on)).body).toBe('ok');
    await peer.next(() => pushes().length === 3);
    expect(pushes()).toEqual([
      { chat_id: typerDevice.userId, user_id: typerDevice.userId, typing: true, expires_in_ms: 10_000 },
      { chat_id: typerDevice.userId, user_id: typerDevice.userId, typing: true, expires_in_ms: 10_000 },
      { chat_id: typerDevice.userId, user_id: typerDevice.userId },
    ]);
    const toSelf = await typer.request({ typing: { user_id: typerDevice.userId, typing: true } });
    expect(toSelf.error.code).toBe('ERROR_CODE_INVALID_ARGUMENT');
  });

  it('§13: the golden vectors read with the lowerCamelCase JSON names the spec states', async () => {
    const camel = await loadProto({ keepCase: false });
    const vectors = JSON.parse(readFileSync(protoFile('parley/v1/vectors.json'), 'utf8')) as {
      vectors: Array<{ name: string; type: string; json: object; hex: string }>;
    };
    for (const v of vectors.vectors) {
      const type = camel.lookupType(v.type);
      const decoded = type.toObject(type.decode(Buffer.from(v.hex, 'hex')), {
        enums: String,
        bytes: String,
        longs: Number,
      });
      expect(decoded, v.name).toEqual(v.json);
    }
  });
});
