import {
  authChallengePayload,
  deviceLinkPayload,
  generateAuthKeyPair,
  PROTOCOL_VERSION,
  pb,
  randomBytes,
  signWithAuthKey,
} from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyAuthenticator } from '../src/auth/key-authenticator.js';
import type { AuthAttempt, AuthContext } from '../src/contracts/authenticator.js';
import type { DeviceRegistry } from '../src/contracts/device-registry.js';
import { memoryDeviceRegistry } from '../src/memory/memory-device-registry.js';
import { memoryRateLimiter } from '../src/memory/memory-rate-limiter.js';
import { memoryStores } from '../src/memory/memory-stores.js';
import { createServer } from '../src/server.js';
import { sqliteDeviceRegistry } from '../src/sqlite/sqlite-device-registry.js';
import { fakeClock } from '../src/testing/fixture.js';

const time = fakeClock();

interface Signer {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

async function attempt(
  userId: string,
  deviceId: number,
  key: Signer,
  link?: AuthAttempt['link'],
): Promise<AuthAttempt> {
  const nonce = randomBytes(32);
  const origin = '127.0.0.1:8080';
  const signature = await signWithAuthKey(key.privateKey, authChallengePayload(nonce, userId, deviceId, origin));
  return { userId, deviceId, authKey: key.publicKey, token: '', nonce, signature, origin, ...(link ? { link } : {}) };
}

async function linkFor(userId: string, approver: { deviceId: number; key: Signer }, deviceId: number, key: Signer) {
  const expiresAt = time.now + 60_000;
  const signature = await signWithAuthKey(
    approver.key.privateKey,
    deviceLinkPayload(userId, deviceId, key.publicKey, expiresAt),
  );
  return {
    approverDeviceId: approver.deviceId,
    newDeviceId: deviceId,
    newAuthKey: key.publicKey,
    expiresAt,
    signature,
  };
}

/**
 * A registry whose reads of a user's devices wait until `parties` callers are reading: the store
 * latency of PostgreSQL or an async hook, made deterministic so both callers see "no devices yet".
 */
function slowRegistry(inner: DeviceRegistry, parties: number): DeviceRegistry {
  let waiting = 0;
  let release!: () => void;
  const allArrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    ...inner,
    register: (d) => inner.register(d),
    registerFirst: (d) => inner.registerFirst(d),
    get: (u, d) => inner.get(u, d),
    async list(userId) {
      const devices = await inner.list(userId);
      if (++waiting >= parties) release();
      await allArrived;
      return devices;
    },
  };
}

describe('registration abuse (issue 17, findings 4 and 6)', () => {
  it.each([
    ['memory', () => memoryDeviceRegistry({ clock: time.clock })],
    ['SQLite', () => sqliteDeviceRegistry({ db: new Database(':memory:'), clock: time.clock })],
  ])('lets exactly one of two concurrent first registrations of a user win, with a slow %s store', async (_, make) => {
    const devices = slowRegistry(make(), 2);
    const auth = keyAuthenticator();
    const [a, b] = [await generateAuthKeyPair(), await generateAuthKeyPair()];
    const context: AuthContext = { devices, clock: time.clock };
    const results = await Promise.all([
      auth.authenticate(await attempt('alice', 1, a), context),
      auth.authenticate(await attempt('alice', 2, b), context),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await devices.list('alice')).toHaveLength(1);
  });

  it('lets the same device racing itself through (one key, two sockets)', async () => {
    const devices = slowRegistry(memoryDeviceRegistry({ clock: time.clock }), 2);
    const auth = keyAuthenticator();
    const key = await generateAuthKeyPair();
    const context: AuthContext = { devices, clock: time.clock };
    const results = await Promise.all([
      auth.authenticate(await attempt('alice', 1, key), context),
      auth.authenticate(await attempt('alice', 1, key), context),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('keeps a removed user taken: a newcomer cannot register the id (tombstone)', async () => {
    const devices = memoryDeviceRegistry({ clock: time.clock });
    const auth = keyAuthenticator();
    const context: AuthContext = { devices, clock: time.clock };
    expect(await auth.authenticate(await attempt('alice', 1, await generateAuthKeyPair()), context)).toMatchObject({
      ok: true,
    });
    await devices.remove('alice', 1);
    const takeover = await auth.authenticate(await attempt('alice', 7, await generateAuthKeyPair()), context);
    expect(takeover).toEqual({ ok: false, reason: 'user id is taken' });
    expect(await devices.list('alice')).toEqual([]);
  });

  it('lets a removed user start again only when the app vouches for them (mayReclaim), never while a device lives', async () => {
    const devices = memoryDeviceRegistry({ clock: time.clock });
    const auth = keyAuthenticator({ mayReclaim: async (userId) => userId === 'alice' });
    const context: AuthContext = { devices, clock: time.clock };
    await auth.authenticate(await attempt('alice', 1, await generateAuthKeyPair()), context);
    await auth.authenticate(await attempt('bob', 1, await generateAuthKeyPair()), context);
    // While alice has a live device, a newcomer needs a link, vouched for or not.
    expect(await auth.authenticate(await attempt('alice', 5, await generateAuthKeyPair()), context)).toMatchObject({
      ok: false,
    });
    await devices.remove('alice', 1);
    await devices.remove('bob', 1);
    expect(await auth.authenticate(await attempt('alice', 7, await generateAuthKeyPair()), context)).toEqual({
      ok: true,
      registered: true,
    });
    expect((await devices.list('alice')).map((d) => d.deviceId)).toEqual([7]);
    expect(await auth.authenticate(await attempt('bob', 7, await generateAuthKeyPair()), context)).toEqual({
      ok: false,
      reason: 'user id is taken',
    });
  });

  it('refuses a device beyond the per-user cap, even with a valid link', async () => {
    const devices = memoryDeviceRegistry({ clock: time.clock });
    const auth = keyAuthenticator({ maxDevicesPerUser: 2 });
    const context: AuthContext = { devices, clock: time.clock };
    const first = { deviceId: 1, key: await generateAuthKeyPair() };
    expect((await auth.authenticate(await attempt('alice', 1, first.key), context)).ok).toBe(true);
    const second = await generateAuthKeyPair();
    const ok = await auth.authenticate(
      await attempt('alice', 2, second, await linkFor('alice', first, 2, second)),
      context,
    );
    expect(ok.ok).toBe(true);
    const third = await generateAuthKeyPair();
    const refused = await auth.authenticate(
      await attempt('alice', 3, third, await linkFor('alice', first, 3, third)),
      context,
    );
    expect(refused).toEqual({ ok: false, reason: 'a user may have at most 2 devices' });
    expect(await devices.list('alice')).toHaveLength(2);
  });

  it('rate-limits new users per IP address with a retry-after; other addresses are unaffected', async () => {
    const devices = memoryDeviceRegistry({ clock: time.clock });
    const rateLimiter = memoryRateLimiter({ capacity: 1, refillPerSecond: 1, clock: time.clock });
    const auth = keyAuthenticator({ registrationsPerAddress: { capacity: 2, refillPerSecond: 1 / 60 } });
    const from = (remoteAddress: string): AuthContext => ({ devices, clock: time.clock, rateLimiter, remoteAddress });
    for (const user of ['u1', 'u2']) {
      expect((await auth.authenticate(await attempt(user, 1, await generateAuthKeyPair()), from('10.0.0.1'))).ok).toBe(
        true,
      );
    }
    const limited = await auth.authenticate(await attempt('u3', 1, await generateAuthKeyPair()), from('10.0.0.1'));
    expect(limited).toMatchObject({ ok: false, retryAfterMs: 60_000 });
    expect(await devices.list('u3')).toEqual([]);
    const elsewhere = await auth.authenticate(await attempt('u4', 1, await generateAuthKeyPair()), from('10.0.0.2'));
    expect(elsewhere.ok).toBe(true);
    time.advance(60_000);
    const later = await auth.authenticate(await attempt('u3', 1, await generateAuthKeyPair()), from('10.0.0.1'));
    expect(later.ok).toBe(true);
  });
});

describe('registration limit exemptions', () => {
  it('does not charge loopback by default, and charges it when told to', async () => {
    const devices = memoryDeviceRegistry({ clock: time.clock });
    const rateLimiter = memoryRateLimiter({ capacity: 1, refillPerSecond: 1, clock: time.clock });
    const limit = { capacity: 1, refillPerSecond: 1 / 3600 };
    const context: AuthContext = { devices, clock: time.clock, rateLimiter, remoteAddress: '::ffff:127.0.0.1' };
    const open = keyAuthenticator({ registrationsPerAddress: limit });
    for (const user of ['l1', 'l2', 'l3']) {
      expect((await open.authenticate(await attempt(user, 1, await generateAuthKeyPair()), context)).ok).toBe(true);
    }
    const strict = keyAuthenticator({ registrationsPerAddress: limit, exemptAddress: () => false });
    expect((await strict.authenticate(await attempt('s1', 1, await generateAuthKeyPair()), context)).ok).toBe(true);
    expect(await strict.authenticate(await attempt('s2', 1, await generateAuthKeyPair()), context)).toMatchObject({
      ok: false,
      retryAfterMs: 3_600_000,
    });
  });
});

describe('registration limit over the wire', () => {
  it('answers a new user over the per-address limit with RATE_LIMITED + retry_after_ms and close 4011', async () => {
    const stores = memoryStores();
    const server = await createServer({
      stores,
      authenticator: keyAuthenticator({
        registrationsPerAddress: { capacity: 1, refillPerSecond: 1 / 3600 },
        exemptAddress: () => false,
      }),
    });
    const peers: RawPeer[] = [];
    try {
      peers.push(await RawPeer.authenticated(server.url, 'first'));
      const second = await RawPeer.open(server.url);
      peers.push(second);
      const key = await generateAuthKeyPair();
      const challenge = await second.request({
        hello: { protocolVersion: PROTOCOL_VERSION, userId: 'second', deviceId: 1, authKey: key.publicKey },
      });
      const nonce = challenge.challenge?.nonce as Uint8Array;
      const signature = await signWithAuthKey(key.privateKey, authChallengePayload(nonce, 'second', 1, second.origin));
      const answer = await second.request({ auth: { signature, origin: second.origin } });
      expect(answer.error?.code).toBe(pb.ErrorCode.ERROR_CODE_RATE_LIMITED);
      expect(Number(answer.error?.retryAfterMs)).toBeGreaterThan(0);
      expect(await second.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_RATE_LIMITED);
      // The Goodbye repeats the wait, for clients that only look at the close.
      const goodbye = second.frames.find((f) => f.body === 'goodbye')?.goodbye;
      expect(goodbye?.reconnectAfterMs).toBe(Number(answer.error?.retryAfterMs));
      expect(await stores.devices.list('second')).toEqual([]);
    } finally {
      for (const p of peers) p.close();
      await server.close();
      await stores.close();
    }
  });
});
