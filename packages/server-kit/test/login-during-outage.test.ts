import {
  type AuthKeyPair,
  authChallengePayload,
  generateAuthKeyPair,
  ParleyError,
  PROTOCOL_VERSION,
  pb,
  randomBytes,
  signWithAuthKey,
} from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthAttempt } from '../src/contracts/authenticator.js';
import type { DeviceRegistry } from '../src/contracts/device-registry.js';
import type { OfflineQueue } from '../src/contracts/offline-queue.js';
import {
  createServer,
  keyAuthenticator,
  memoryStores,
  type ParleyServer,
  type ServerStores,
  VerifiedKeyCache,
} from '../src/index.js';
import { memoryDeviceRegistry } from '../src/memory/memory-device-registry.js';

// Logins while the database is down (issue 14): a device the registry confirmed recently on this
// gateway reconnects from the gateway's cache of verified keys; nobody else does (unknown, removed,
// another key, a bad signature, an expired entry), and they are refused retryably, not for good.

/** Registry methods fail as an unreachable PostgreSQL does while `down`. */
function outageRegistry(inner: DeviceRegistry) {
  const state = { down: false };
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (state.down) throw new ParleyError('UNAVAILABLE', 'PostgreSQL is unavailable');
      return fn(...args);
    };
  const registry: DeviceRegistry = {
    register: guard(inner.register.bind(inner)),
    get: guard(inner.get.bind(inner)),
    list: guard(inner.list.bind(inner)),
    setRegistrationId: guard(inner.setRegistrationId.bind(inner)),
    remove: guard(inner.remove.bind(inner)),
    setPushToken: guard(inner.setPushToken.bind(inner)),
    pushToken: guard(inner.pushToken.bind(inner)),
    registerFirst: guard(inner.registerFirst.bind(inner)),
    deviceList: guard(inner.deviceList.bind(inner)),
    appendDeviceList: guard(inner.appendDeviceList.bind(inner)),
  };
  return { registry, state };
}

/** A signed login attempt for (userId, deviceId) with `key`. */
async function attempt(userId: string, deviceId: number, key: AuthKeyPair, signWith = key): Promise<AuthAttempt> {
  const nonce = randomBytes(32);
  const origin = '127.0.0.1:8080';
  const signature = await signWithAuthKey(signWith.privateKey, authChallengePayload(nonce, userId, deviceId, origin));
  return { userId, deviceId, authKey: key.publicKey, token: '', nonce, signature, origin };
}

describe('keyAuthenticator while the device registry is down', () => {
  async function setup(ttlMs = 60_000) {
    let now = 1_000_000;
    const clock = () => now;
    const { registry, state } = outageRegistry(memoryDeviceRegistry({ clock }));
    const cache = new VerifiedKeyCache({ ttlMs, maxEntries: 3, clock });
    const auth = keyAuthenticator({ outageCache: cache });
    const login = (a: AuthAttempt) => auth.authenticate(a, { devices: registry, clock });
    return { registry, state, cache, login, advance: (ms: number) => (now += ms) };
  }

  it('lets a device verified recently back in, and nobody else', async () => {
    const { registry, state, login } = await setup();
    const alice = await generateAuthKeyPair();
    const mallory = await generateAuthKeyPair();
    expect(await login(await attempt('alice', 1, alice))).toEqual({ ok: true, registered: true });
    expect(await login(await attempt('alice', 1, alice))).toEqual({ ok: true, registered: false });
    await registry.register({
      userId: 'bob',
      deviceId: 1,
      authKey: (await generateAuthKeyPair()).publicKey,
      registrationId: 0,
      approvedBy: 0,
    });

    state.down = true;
    expect(await login(await attempt('alice', 1, alice))).toEqual({ ok: true, registered: false });
    // Another key for alice's device, even correctly signed with it: refused (retryably, the registry decides later).
    await expect(login(await attempt('alice', 1, mallory))).rejects.toThrow(/unavailable/);
    // alice's key, but a signature by someone else: refused for good (the signature is checked first).
    expect(await login(await attempt('alice', 1, alice, mallory))).toEqual({
      ok: false,
      reason: 'bad challenge signature',
    });
    // Another device id of alice's, or a device registered but never seen here: not vouched for.
    await expect(login(await attempt('alice', 2, alice))).rejects.toThrow(/unavailable/);
    await expect(login(await attempt('bob', 1, alice))).rejects.toThrow(/unavailable/);
  });

  it('never admits a removed device or an expired entry', async () => {
    const { registry, state, cache, login, advance } = await setup(60_000);
    const alice = await generateAuthKeyPair();
    const carol = await generateAuthKeyPair();
    await login(await attempt('alice', 1, alice));
    await login(await attempt('carol', 1, carol));

    // Removed where this gateway did not see it: its next lookup while the registry is up clears it.
    await registry.remove('carol', 1);
    expect((await login(await attempt('carol', 1, carol))).ok).toBe(false);
    state.down = true;
    await expect(login(await attempt('carol', 1, carol))).rejects.toThrow(/unavailable/);
    state.down = false;

    // Removed by the app, which tells the cache: out at once.
    cache.forget('alice', 1);
    state.down = true;
    await expect(login(await attempt('alice', 1, alice))).rejects.toThrow(/unavailable/);
    state.down = false;

    // Verified, then the outage lasts past the TTL.
    await login(await attempt('alice', 1, alice));
    state.down = true;
    advance(60_001);
    await expect(login(await attempt('alice', 1, alice))).rejects.toThrow(/unavailable/);
  });

  it('is bounded: the least recently verified device is forgotten first', async () => {
    const { state, cache, login } = await setup();
    const keys = await Promise.all([1, 2, 3, 4].map(() => generateAuthKeyPair()));
    for (const [i, k] of keys.entries()) await login(await attempt(`u${i}`, 1, k));
    expect(cache.size).toBe(3);
    state.down = true;
    await expect(login(await attempt('u0', 1, keys[0] as AuthKeyPair))).rejects.toThrow(/unavailable/);
    expect(await login(await attempt('u3', 1, keys[3] as AuthKeyPair))).toEqual({ ok: true, registered: false });
  });

  it('with outageCache false, refuses every login while the registry is down', async () => {
    const { registry, state } = outageRegistry(memoryDeviceRegistry());
    const auth = keyAuthenticator({ outageCache: false });
    const alice = await generateAuthKeyPair();
    const login = async () =>
      auth.authenticate(await attempt('alice', 1, alice), { devices: registry, clock: Date.now });
    expect((await login()).ok).toBe(true);
    state.down = true;
    await expect(login()).rejects.toThrow(/unavailable/);
  });
});

/** The memory queue, failing like PostgreSQL while `down`. */
function outageQueue(inner: OfflineQueue, state: { down: boolean }): OfflineQueue {
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (state.down) throw new ParleyError('UNAVAILABLE', 'PostgreSQL is unavailable');
      return fn(...args);
    };
  return Object.assign(Object.create(inner) as OfflineQueue, {
    enqueue: guard(inner.enqueue.bind(inner)),
    read: guard(inner.read.bind(inner)),
    ack: guard(inner.ack.bind(inner)),
    count: guard(inner.count.bind(inner)),
  });
}

describe('a gateway while its database is down', () => {
  let server: ParleyServer | undefined;
  let stores: ServerStores | undefined;
  const peers: RawPeer[] = [];
  afterEach(async () => {
    for (const p of peers.splice(0)) p.close();
    await server?.close();
    await stores?.close();
  });

  it('lets a device that logged in before reconnect; its send fails retryably and its deliveries wait', async () => {
    const base = memoryStores();
    stores = base;
    const outage = outageRegistry(base.devices);
    const state = outage.state;
    const queue = outageQueue(base.queue, state);
    server = await createServer({ stores: { ...base, devices: outage.registry, queue } });
    const url = server.url;
    const alice = await RawPeer.authenticated(url, 'alice');
    const bob = await RawPeer.authenticated(url, 'bob');
    peers.push(alice, bob);
    const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
    const content = pb.Content.encode({ text: { text: 'hi' } }).finish();
    const send = (peer: RawPeer, messageId: string) =>
      peer.request({ send: { messageId, userId: 'alice', shared: { type: PLAINTEXT, data: content } } });

    state.down = true;
    alice.close(); // alice drops off while the database is down and comes back at once
    const again = await RawPeer.authenticated(url, 'alice', 1, alice.key);
    peers.push(again);
    // A device never seen is refused retryably (UNAVAILABLE, close 4013), not for good.
    const stranger = await RawPeer.open(url);
    peers.push(stranger);
    const strangerKey = await generateAuthKeyPair();
    const challenge = await stranger.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'mallory', deviceId: 1, authKey: strangerKey.publicKey },
    });
    const signature = await signWithAuthKey(
      strangerKey.privateKey,
      authChallengePayload(challenge.challenge?.nonce as Uint8Array, 'mallory', 1, stranger.origin),
    );
    const refused = await stranger.request({ auth: { signature, origin: stranger.origin } });
    expect(refused.error?.code).toBe(pb.ErrorCode.ERROR_CODE_UNAVAILABLE);
    expect(await stranger.waitClosed()).toBe(4013);

    const failed = await send(bob, 'm1');
    expect(failed.error?.code).toBe(pb.ErrorCode.ERROR_CODE_UNAVAILABLE);
    state.down = false;
    expect((await send(bob, 'm1')).body).toBe('sendAck');
    // The delivery reaches the reconnected device once the database is back.
    const deliver = await again.waitFor((f) => f.body === 'deliver');
    expect(deliver.deliver?.envelopes?.[0]?.messageId).toBe('m1');
  });
});
