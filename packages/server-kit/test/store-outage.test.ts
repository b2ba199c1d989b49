import {
  authChallengePayload,
  generateAuthKeyPair,
  newMessageId,
  ParleyError,
  PROTOCOL_VERSION,
  pb,
  signWithAuthKey,
} from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfflineQueue } from '../src/contracts/offline-queue.js';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

// While the durable store is down (PostgreSQL restarting), connected devices stay connected: a send
// gets a retryable UNAVAILABLE, an acknowledgement is retried by the gateway, deliveries wait and
// resume on their own once the store is back.

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const text = (t: string) => pb.Content.encode({ text: { text: t } }).finish();
const bobDevice = { userId: 'bob', deviceId: 1 };

type QueueMethod = 'enqueue' | 'read' | 'ack' | 'count';

/** The memory queue, with methods that fail as an unreachable PostgreSQL does while they are `down`. */
function outageQueue(inner: OfflineQueue) {
  const down = new Set<QueueMethod>();
  const guard = <A extends unknown[], R>(method: QueueMethod, fn: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      if (down.has(method)) throw new ParleyError('UNAVAILABLE', 'PostgreSQL is unavailable');
      return fn(...args);
    };
  };
  const queue: OfflineQueue = Object.assign(Object.create(inner) as OfflineQueue, {
    enqueue: guard('enqueue', inner.enqueue.bind(inner)),
    read: guard('read', inner.read.bind(inner)),
    ack: guard('ack', inner.ack.bind(inner)),
    count: guard('count', inner.count.bind(inner)),
  });
  return { queue, down };
}

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

async function start(answerHoldMs?: number) {
  const base = memoryStores();
  stores = base;
  const outage = outageQueue(base.queue);
  const limits = answerHoldMs === undefined ? {} : { limits: { answerHoldMs } };
  server = await createServer({ stores: { ...base, queue: outage.queue }, ...limits });
  const peer = async (userId: string) => {
    const p = await RawPeer.authenticated((server as ParleyServer).url, userId);
    peers.push(p);
    return p;
  };
  return { inner: base.queue, down: outage.down, peer };
}

const sendTo = (peer: RawPeer, userId: string, messageId: string, body: string) =>
  peer.request({ send: { messageId, userId, shared: { type: PLAINTEXT, data: text(body) } } });

describe('gateway while its store is down', () => {
  it('keeps connections open: sends fail retryably, an acknowledgement is retried until stored', async () => {
    const { inner, down, peer } = await start();
    const alice = await peer('alice');
    const bob = await peer('bob');
    expect((await sendTo(alice, 'bob', 'm1', 'one')).body).toBe('sendAck');
    const first = await bob.waitFor((f) => f.body === 'deliver');
    const envelope = first.deliver?.envelopes?.[0];

    for (const method of ['enqueue', 'read', 'ack', 'count'] as const) down.add(method);
    bob.send({ requestId: 0, deliverAck: { ids: [envelope?.id ?? ''] } });
    const refused = await sendTo(alice, 'bob', 'm2', 'two');
    expect(refused.body).toBe('error');
    expect(refused.error?.retryable).toBe(true);
    expect(refused.error?.code).toBe(pb.ErrorCode.ERROR_CODE_UNAVAILABLE);

    down.clear();
    // The acknowledgement made while the store was down is stored once it is back.
    await vi.waitFor(async () => expect(await inner.count(bobDevice)).toBe(0), { timeout: 20_000 });
    // The send, made again, goes through; nobody was disconnected.
    expect((await sendTo(alice, 'bob', 'm2', 'two')).body).toBe('sendAck');
    const second = await bob.waitFor((f) => f.body === 'deliver' && f !== first);
    expect(second.deliver?.envelopes?.[0]?.messageId).toBe('m2');
    expect(alice.closeCode).toBeUndefined();
    expect(bob.closeCode).toBeUndefined();
  });

  it('retries an acknowledgement whose receipt went in the SendAck (nothing queued) until stored', async () => {
    const { inner, down, peer } = await start(60_000); // the answer waits for bob's ack, however slow the machine

    const alice = await peer('alice');
    const bob = await peer('bob');
    const answer = alice.request({
      send: { messageId: 'm1', userId: 'bob', ackDelivered: true, shared: { type: PLAINTEXT, data: text('one') } },
    });
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    down.add('ack');
    bob.send({ requestId: 0, deliverAck: { ids: [deliver.deliver?.envelopes?.[0]?.id ?? ''] } });
    // The receipt folds into alice's answer; only the removal is left, and it fails until the store is back.
    expect((await answer).sendAck?.deliveredAt).toBeGreaterThan(0);
    expect(await inner.count(bobDevice)).toBe(1);
    down.clear();
    await vi.waitFor(async () => expect(await inner.count(bobDevice)).toBe(0), { timeout: 20_000 });
    expect(bob.closeCode).toBeUndefined();
  });

  it('resumes a delivery whose read failed once the store is back, without a new nudge', async () => {
    const { down, peer } = await start();
    const alice = await peer('alice');
    const away = await peer('bob'); // registers bob's device
    away.close();
    await vi.waitFor(() => expect(away.closeCode).toBeDefined());
    expect((await sendTo(alice, 'bob', newMessageId(), 'queued while bob was away')).body).toBe('sendAck');
    down.add('read');
    const bob = await RawPeer.authenticated((server as ParleyServer).url, 'bob', 1, away.key); // its first read fails
    peers.push(bob);
    down.clear();
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    expect(deliver.deliver?.envelopes).toHaveLength(1);
    expect(bob.closeCode).toBeUndefined();
  });

  it('still refuses a login it cannot verify with a retryable error, closing only that connection', async () => {
    const { down, peer } = await start();
    const alice = await peer('alice');
    down.add('count'); // the queue's count no longer fails a login (Welcome says 0 pending) ...
    // ... but a device this gateway has not verified cannot log in while the registry is down.
    const devices = (stores as ServerStores).devices;
    devices.get = async () => {
      throw new ParleyError('UNAVAILABLE', 'PostgreSQL is unavailable');
    };
    const bob = await RawPeer.open((server as ParleyServer).url);
    peers.push(bob);
    const key = await generateAuthKeyPair();
    const challenge = await bob.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'bob', deviceId: 1, authKey: key.publicKey },
    });
    const nonce = challenge.challenge?.nonce as Uint8Array;
    const signature = await signWithAuthKey(key.privateKey, authChallengePayload(nonce, 'bob', 1, bob.origin));
    const refused = await bob.request({ auth: { signature, origin: bob.origin } });
    expect(refused.error?.code).toBe(pb.ErrorCode.ERROR_CODE_UNAVAILABLE);
    expect(refused.error?.retryable).toBe(true);
    await bob.waitClosed();
    expect(alice.closeCode).toBeUndefined();
  });
});
