import { memoryClientStore } from '@parley/client';
import { newMessageId, pb } from '@parley/core';
import { describe, expect, it, vi } from 'vitest';
import { RetryLimiter } from '../src/e2ee/retry-limiter.js';
import { SecureChannel } from '../src/e2ee/secure-channel.js';
import {
  claimResend,
  DEFAULT_RESEND_POLICY,
  recordSentTargets,
  type SentTargets,
} from '../src/messages/sent-targets.js';
import { NS } from '../src/stores/namespaces.js';

const HOUR = 60 * 60 * 1000;
const bob1 = { userId: 'bob', deviceId: 1 };
const bob2 = { userId: 'bob', deviceId: 2 };
const alice2 = { userId: 'alice', deviceId: 2 };
const policy = DEFAULT_RESEND_POLICY;
const T0 = 1_700_000_000_000;

async function sentTo(devices: Array<{ userId: string; deviceId: number }>, at = T0, id = 'm1') {
  const store = memoryClientStore();
  await store.transaction((tx) => recordSentTargets(tx, id, { devices, at, keepMs: policy.windowMs }));
  const claim = (requester: { userId: string; deviceId: number }, now: number) =>
    store.transaction((tx) => claimResend(tx, id, requester, now, policy));
  return { store, claim };
}

describe('sent targets and the resend policy', () => {
  it('honours only a device the message was encrypted for', async () => {
    const { claim } = await sentTo([bob1, alice2]);
    expect(await claim(bob1, T0 + 1)).toEqual({ ok: true, attempt: 1 });
    expect(await claim(alice2, T0 + 1)).toEqual({ ok: true, attempt: 1 });
    expect(await claim(bob2, T0 + 1)).toEqual({ ok: false, reason: 'not-a-recipient' });
    expect(await claim({ userId: 'mallory', deviceId: 1 }, T0 + 1)).toEqual({ ok: false, reason: 'not-a-recipient' });
  });

  it('refuses an unknown message id', async () => {
    const { store } = await sentTo([bob1]);
    const claim = await store.transaction((tx) => claimResend(tx, 'other', bob1, T0, policy));
    expect(claim).toEqual({ ok: false, reason: 'unknown-message' });
  });

  it('honours within the 48 h window and refuses after it', async () => {
    const { claim } = await sentTo([bob1, bob2]);
    expect(await claim(bob1, T0 + 48 * HOUR)).toEqual({ ok: true, attempt: 1 });
    expect(await claim(bob2, T0 + 48 * HOUR + 1)).toEqual({ ok: false, reason: 'too-old' });
  });

  it('counts resends per requesting device itself, at most 3 each', async () => {
    const { claim } = await sentTo([bob1, bob2]);
    for (const attempt of [1, 2, 3]) expect(await claim(bob1, T0)).toEqual({ ok: true, attempt });
    expect(await claim(bob1, T0)).toEqual({ ok: false, reason: 'too-many-resends' });
    expect(await claim(bob2, T0)).toEqual({ ok: true, attempt: 1 });
  });

  it('a rebuild after DEVICES_MISMATCH replaces the devices but keeps the first time and the counts', async () => {
    const { store, claim } = await sentTo([bob1]);
    expect(await claim(bob1, T0)).toEqual({ ok: true, attempt: 1 });
    await store.transaction((tx) =>
      recordSentTargets(tx, 'm1', { devices: [bob1, bob2], at: T0 + HOUR, keepMs: policy.windowMs }),
    );
    expect(await claim(bob1, T0)).toEqual({ ok: true, attempt: 2 });
    expect(await claim(bob2, T0 + 48 * HOUR + 1)).toEqual({ ok: false, reason: 'too-old' });
  });

  it('prunes entries older than the window as new messages are recorded', async () => {
    const store = memoryClientStore();
    const record = (id: string, at: number) =>
      store.transaction((tx) => recordSentTargets(tx, id, { devices: [bob1], at, keepMs: policy.windowMs }));
    // Message ids sort by time (UUIDv7); these stand for three messages in order.
    await record('01-old', T0);
    await record('02-recent', T0 + 40 * HOUR);
    await record('03-new', T0 + 49 * HOUR);
    const ids = await store.transaction(async (tx) => (await tx.list<SentTargets>(NS.sentTargets)).map(([id]) => id));
    expect(ids).toEqual(['02-recent', '03-new']);
  });
});

describe('retry requests per requester', () => {
  it('are rate-limited before the store is read', async () => {
    const asked: string[] = [];
    const refused: string[] = [];
    const noop = () => {};
    const channel = new SecureChannel({
      groups: {} as never,
      store: {} as never,
      self: { userId: 'alice', deviceId: 1 },
      // Every requester is vouched for by its user's signed device list (device-lists.ts).
      lists: { verifiedKey: async () => new Uint8Array(33) } as never,
      encryptor: {} as never,
      retryLimiter: new RetryLimiter(50, undefined, () => T0),
      resendPolicy: policy,
      resendLimiter: new RetryLimiter(2, HOUR, () => T0),
      sendDirect: async () => {},
      queueResend: async () => {},
      sentContent: async (messageId) => {
        asked.push(messageId);
        return { refused: 'unknown-message' };
      },
      onIdentityChanged: noop,
      logger: { debug: noop, warn: noop, error: noop, info: (_m, f) => refused.push(String(f?.reason)) },
      clock: { now: () => T0 },
    });
    const retry = (messageId: string, from: { userId: string; deviceId: number }) => {
      const data = pb.RetryRequest.encode({ messageId, attempt: 1, registrationId: 0 }).finish();
      const emptyTx = { get: async () => undefined, put: async () => {}, delete: async () => {}, list: async () => [] };
      return channel.open(
        emptyTx,
        { messageId: newMessageId() },
        { type: pb.PayloadType.PAYLOAD_TYPE_RETRY_REQUEST, data },
        from,
      );
    };
    for (const id of ['a', 'b', 'c', 'd']) {
      const opened = await retry(id, bob1);
      if (opened.kind === 'control') opened.handle();
    }
    const other = await retry('e', bob2);
    if (other.kind === 'control') other.handle();
    await vi.waitFor(() => expect(refused).toHaveLength(5));
    expect(asked.sort()).toEqual(['a', 'b', 'e']);
    expect(refused.filter((r) => r === 'rate-limited')).toHaveLength(2);
  });
});
