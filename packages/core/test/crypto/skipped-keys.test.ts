// The skipped-message-key attack of issue 16 (finding 3): a peer sends messages that each jump far
// ahead in its chain, so the receiver derives and stores a key for every message skipped. The patched
// library keeps a bounded number, and an oversized record is refused on load.
import { createHmac } from 'node:crypto';
import { rejectionOf } from '@parley/test-utils/rejection';
import { createDevice, type Device } from '@parley/test-utils/signal-device';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, startSession } from '../../src/crypto/index.js';
import { MAX_SESSION_RECORD_CHARS } from '../../src/crypto/operation.js';
import { isParleyError } from '../../src/errors.js';
import { open, recordSize, seal, send } from './devices.js';

type StoredChain = { chainKey: { key: string; counter: number }; messageKeys: Record<string, string> };
type StoredSession = {
  indexInfo: { closed: number };
  currentRatchet: { ephemeralKeyPair: { pubKey: string } };
  chains: Record<string, StoredChain>;
};

/**
 * Advances `from`'s sending chain towards `to` by `steps` without sending (what an attacker's own
 * client does by encrypting and dropping `steps` messages): the next message jumps that far ahead.
 */
async function skipAhead(from: Device, to: Device, steps: number): Promise<void> {
  const record = JSON.parse((await from.store.loadSession(to.address)) ?? '{}');
  const open = Object.values<StoredSession>(record.sessions).find((s) => s.indexInfo.closed === -1);
  const chain = open?.chains[open.currentRatchet.ephemeralKeyPair.pubKey];
  if (!chain) throw new Error('no sending chain');
  let key = Buffer.from(chain.chainKey.key, 'base64');
  for (let i = 0; i < steps; i++) key = createHmac('sha256', key).update(Buffer.of(2)).digest();
  chain.chainKey = { key: key.toString('base64'), counter: chain.chainKey.counter + steps };
  await from.store.storeSession(to.address, JSON.stringify(record));
}

/** Skipped message keys stored in `device`'s record for `peer`, over every chain of every session. */
async function skippedKeys(device: Device, peer: Device): Promise<number> {
  const record = JSON.parse((await device.store.loadSession(peer.address)) ?? '{}');
  let count = 0;
  for (const session of Object.values<StoredSession>(record.sessions)) {
    for (const chain of Object.values(session.chains)) count += Object.keys(chain.messageKeys).length;
  }
  return count;
}

async function pair(): Promise<[Device, Device]> {
  const alice = await createDevice('alice');
  const bob = await createDevice('bob');
  await startSession(alice.store, bob.address, bob.bundle());
  expect(await send(alice, bob, 'hello')).toBe('hello');
  expect(await send(bob, alice, 'hi')).toBe('hi');
  return [alice, bob];
}

describe('skipped message keys are bounded', () => {
  it('six messages jumping 1,999 ahead on one chain leave a record of about 10 KB, and later messages decrypt', async () => {
    const [mallory, bob] = await pair();
    const before = await recordSize(bob, mallory);
    for (let i = 0; i < 6; i++) {
      await skipAhead(mallory, bob, 1_999);
      expect(await send(mallory, bob, `jump ${i}`)).toBe(`jump ${i}`);
    }
    // Unpatched: 11,994 keys and a 634 KiB record.
    expect(await skippedKeys(bob, mallory)).toBe(128);
    expect(await recordSize(bob, mallory)).toBeLessThan(before + 10 * 1024);
    expect(await send(mallory, bob, 'after')).toBe('after');
    expect(await send(bob, mallory, 'reply')).toBe('reply');
    expect(await send(mallory, bob, 'and again')).toBe('and again');
  }, 60_000);

  it('jumps on a new chain every turn (ten chains) stay bounded too', async () => {
    const [mallory, bob] = await pair();
    for (let i = 0; i < 12; i++) {
      await skipAhead(mallory, bob, 1_999);
      expect(await send(mallory, bob, `jump ${i}`)).toBe(`jump ${i}`);
      expect(await send(bob, mallory, `turn ${i}`)).toBe(`turn ${i}`);
    }
    expect(await skippedKeys(bob, mallory)).toBeLessThanOrEqual(128);
    expect(await recordSize(bob, mallory)).toBeLessThan(12 * 1024);
    expect(await send(mallory, bob, 'after')).toBe('after');
  }, 60_000);

  it('still decrypts late messages within the last 128 skipped, and evicts the oldest beyond', async () => {
    const [alice, bob] = await pair();
    const sealed = [];
    for (let i = 0; i < 200; i++) sealed.push(await seal(alice, bob, `m${i}`));
    expect(await open(bob, alice, sealed[199] as never)).toBe('m199');
    // 199 keys were skipped; the 128 newest (m71..m198) are kept, in any order.
    expect(await open(bob, alice, sealed[198] as never)).toBe('m198');
    expect(await open(bob, alice, sealed[71] as never)).toBe('m71');
    expect(await open(bob, alice, sealed[100] as never)).toBe('m100');
    const evicted = await rejectionOf(open(bob, alice, sealed[70] as never));
    expect(isParleyError(evicted, 'DECRYPTION_FAILED')).toBe(true);
  }, 60_000);
});

describe('oversized session records', () => {
  it('are refused on load with a typed error, and a new session replaces them', async () => {
    const [alice, bob] = await pair();
    const record = JSON.parse((await bob.store.loadSession(alice.address)) ?? '{}');
    await bob.store.storeSession(
      alice.address,
      JSON.stringify({ ...record, padding: 'x'.repeat(MAX_SESSION_RECORD_CHARS) }),
    );
    const whisper = await seal(alice, bob, 'lost');
    const refused = await rejectionOf(decrypt(bob.store, alice.address, whisper.type, whisper.body));
    expect(isParleyError(refused, 'DECRYPTION_FAILED')).toBe(true);
    expect((refused as { details: unknown }).details).toEqual({ reason: 'no-session', oversized: true });
    const notSent = await rejectionOf(encrypt(bob.store, alice.address, new Uint8Array([1])));
    expect(isParleyError(notSent, 'NOT_FOUND')).toBe(true);
    expect((notSent as { details: unknown }).details).toEqual({ reason: 'no-session', oversized: true });
    // Recovery: bob starts a new session, which replaces the refused record.
    await startSession(bob.store, alice.address, alice.bundle());
    expect(await send(bob, alice, 'fresh')).toBe('fresh');
    expect(await recordSize(bob, alice)).toBeLessThan(10 * 1024);
  });
});
