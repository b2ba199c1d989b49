// Sender Keys (group messages): the chain, its limits and failures, rotation, store behaviour, and
// the golden vector from the official library (sender-keys-vector.ts).

import { reasonOf, rejectionOf } from '@parley/test-utils/rejection';
import { signedPart, SENDER_KEY_VECTOR as V, vectorSenderKeyRecord } from '@parley/test-utils/sender-keys-vector';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/bytes.js';
import {
  createSenderKeyDistribution,
  groupDecrypt,
  groupEncrypt,
  memorySenderKeyStore,
  processSenderKeyDistribution,
  SENDER_KEY_MAX_FORWARD_JUMPS,
  SENDER_KEY_MAX_SKIPPED_KEYS,
  SENDER_KEY_MAX_STATES,
  type SenderKeyRecord,
  type SenderKeyStore,
  type SignalAddress,
  senderKeyMessageDistributionId,
  signXEdDSA,
} from '../../src/crypto/index.js';
import { encodeSenderKeyMessageBody } from '../../src/crypto/sender-keys/wire.js';
import { hmacSha256 } from '../../src/crypto/sha256.js';
import { isParleyError } from '../../src/errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const alice: SignalAddress = { userId: 'alice', deviceId: 1 };

/** A sender (alice) with her own store, and one receiving member's store. */
async function group(distributionId: string = crypto.randomUUID()) {
  const sender = memorySenderKeyStore();
  const member = memorySenderKeyStore();
  await processSenderKeyDistribution(member, alice, await createSenderKeyDistribution(sender, alice, distributionId));
  const send = (text: string) => groupEncrypt(sender, alice, distributionId, encoder.encode(text));
  const receive = async (message: Uint8Array) => decoder.decode((await groupDecrypt(member, alice, message)).plaintext);
  const memberRecord = async () => (await member.loadSenderKey(alice, distributionId)) as SenderKeyRecord;
  return { distributionId, sender, member, send, receive, memberRecord };
}

const skippedCount = (record: SenderKeyRecord, state = 0) => record.states[state]!.skippedKeys.byteLength / 36;

/** The bytes of a record's key material and skipped keys, plus 8 per number: about what a store holds. */
const recordBytes = (record: SenderKeyRecord) =>
  record.states.reduce(
    (n, s) =>
      n +
      s.chainKey.byteLength +
      s.signingKey.byteLength +
      (s.signingPrivateKey?.byteLength ?? 0) +
      s.skippedKeys.byteLength +
      24,
    0,
  );

/**
 * Moves the sender's chain `steps` iterations ahead (as if it had sent that many messages nobody
 * here received), deriving the chain key with HMAC-SHA256(chain key, 0x02) independently of the code
 * under test.
 */
async function fastForward(store: SenderKeyStore, distributionId: string, steps: number): Promise<void> {
  const record = (await store.loadSenderKey(alice, distributionId)) as SenderKeyRecord;
  const [state, ...others] = record.states;
  if (!state) throw new Error('no state');
  let chainKey = state.chainKey;
  for (let i = 0; i < steps; i++) chainKey = hmacSha256(chainKey, new Uint8Array([0x02]));
  await store.storeSenderKey(alice, distributionId, {
    version: 1,
    states: [{ ...state, chainKey, iteration: state.iteration + steps }, ...others],
  });
}

describe('sender keys', () => {
  it('round trip: distribution message, then messages the member decrypts', async () => {
    const id = crypto.randomUUID().toUpperCase();
    const sender = memorySenderKeyStore();
    const member = memorySenderKeyStore();
    const distribution = await createSenderKeyDistribution(sender, alice, id);
    expect(distribution[0]).toBe(0x33);
    // The same key until it is used: a second call gives the same message.
    expect(await createSenderKeyDistribution(sender, alice, id)).toEqual(distribution);
    expect(await processSenderKeyDistribution(member, alice, distribution)).toEqual({
      distributionId: id.toLowerCase(),
    });

    const message = await groupEncrypt(sender, alice, id, encoder.encode('hello group'));
    expect(message[0]).toBe(0x33);
    expect(senderKeyMessageDistributionId(message)).toBe(id.toLowerCase());
    const opened = await groupDecrypt(member, alice, message);
    expect(decoder.decode(opened.plaintext)).toBe('hello group');
    expect(opened.distributionId).toBe(id.toLowerCase());
  });

  it('many messages in order, each a new iteration; the sender record does not grow', async () => {
    const g = await group();
    const before = recordBytes((await g.sender.loadSenderKey(alice, g.distributionId)) as SenderKeyRecord);
    const sent = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const message = await g.send(`message ${i}`);
      sent.add(signedPart(message));
      expect(await g.receive(message)).toBe(`message ${i}`);
    }
    expect(sent.size).toBe(30);
    const senderRecord = (await g.sender.loadSenderKey(alice, g.distributionId)) as SenderKeyRecord;
    expect(senderRecord.states[0]?.iteration).toBe(30);
    expect(recordBytes(senderRecord)).toBe(before);
    expect(skippedCount(await g.memberRecord())).toBe(0);
  });

  it('out of order within the window: skipped keys are kept, then used up', async () => {
    const g = await group();
    const messages: Uint8Array[] = [];
    for (let i = 0; i < 6; i++) messages.push(await g.send(`m${i}`));
    expect(await g.receive(messages[5]!)).toBe('m5');
    expect(skippedCount(await g.memberRecord())).toBe(5);
    for (const i of [0, 3, 1, 4, 2]) expect(await g.receive(messages[i]!)).toBe(`m${i}`);
    expect(skippedCount(await g.memberRecord())).toBe(0);
  });

  it('refuses a message more than 25,000 iterations ahead without changing the record; 25,000 is fine', async () => {
    const g = await group();
    expect(await g.receive(await g.send('first'))).toBe('first');
    const before = await g.memberRecord();

    await fastForward(g.sender, g.distributionId, SENDER_KEY_MAX_FORWARD_JUMPS + 1);
    const tooFar = await g.send('too far');
    const error = await rejectionOf(g.receive(tooFar));
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('invalid-message');
    expect(await g.memberRecord()).toEqual(before);

    // A second sender store, at the receiver's next iteration + 25,000 exactly.
    const g2 = await group();
    const held = await g2.send('held back');
    await fastForward(g2.sender, g2.distributionId, SENDER_KEY_MAX_FORWARD_JUMPS - 1);
    expect(await g2.receive(await g2.send('far but allowed'))).toBe('far but allowed');
    const record = await g2.memberRecord();
    expect(record.states[0]?.iteration).toBe(SENDER_KEY_MAX_FORWARD_JUMPS + 1);
    expect(skippedCount(record)).toBe(SENDER_KEY_MAX_SKIPPED_KEYS);
    // Iteration 0 was skipped 25,000 iterations ago: its key was dropped, like the official library.
    expect(reasonOf(await rejectionOf(g2.receive(held)))).toBe('duplicate');
  });

  it('a duplicate is refused and leaves the record as it was', async () => {
    const g = await group();
    const first = await g.send('once');
    const second = await g.send('twice');
    expect(await g.receive(second)).toBe('twice');
    expect(await g.receive(first)).toBe('once');
    const before = await g.memberRecord();
    for (const message of [first, second]) {
      const error = await rejectionOf(g.receive(message));
      expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
      expect(reasonOf(error)).toBe('duplicate');
    }
    expect(await g.memberRecord()).toEqual(before);
  });

  it('tampered messages are refused without a state change, and the real one still decrypts', async () => {
    const g = await group();
    const message = await g.send('genuine');
    const before = await g.memberRecord();
    const flipped = (index: number) => {
      const copy = message.slice();
      copy[index]! ^= 0x01;
      return copy;
    };
    // The iteration (after the tag 0x18 that follows the chain id's varint), the ciphertext (just
    // before the signature), the signature itself.
    let iteration = 20;
    while (message[iteration]! & 0x80) iteration++;
    iteration += 2;
    expect(message[iteration - 1]).toBe(0x18);
    for (const index of [iteration, message.byteLength - 70, message.byteLength - 1]) {
      const error = await rejectionOf(g.receive(flipped(index)));
      expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
      expect(reasonOf(error)).toBe('bad-signature');
      expect(await g.memberRecord()).toEqual(before);
    }
    expect(await g.receive(message)).toBe('genuine');
  });

  it('a correctly signed message with a bad ciphertext is invalid and changes nothing', async () => {
    const g = await group();
    const record = (await g.sender.loadSenderKey(alice, g.distributionId)) as SenderKeyRecord;
    const state = record.states[0]!;
    const forge = async (ciphertext: Uint8Array) => {
      const body = encodeSenderKeyMessageBody({
        distributionId: g.distributionId,
        chainId: state.chainId,
        iteration: 3,
        ciphertext,
      });
      return new Uint8Array([...body, ...(await signXEdDSA(state.signingPrivateKey!, body))]);
    };
    const before = await g.memberRecord();
    // Random blocks (bad padding under the real key, with overwhelming likelihood) and a partial block.
    for (const ciphertext of [crypto.getRandomValues(new Uint8Array(32)), new Uint8Array(15)]) {
      const error = await rejectionOf(g.receive(await forge(ciphertext)));
      expect(reasonOf(error)).toBe('invalid-message');
      expect(await g.memberRecord()).toEqual(before);
    }
  });

  it('malformed and foreign messages', async () => {
    const g = await group();
    const message = await g.send('x');
    const reason = async (bytes: Uint8Array) => reasonOf(await rejectionOf(groupDecrypt(g.member, alice, bytes)));
    expect(await reason(new Uint8Array(0))).toBe('invalid-message');
    expect(await reason(message.subarray(0, 64))).toBe('invalid-message');
    expect(await reason(new Uint8Array([0x33, 0xff, ...new Uint8Array(64)]))).toBe('invalid-message');
    for (const version of [0x23, 0x43, 0x03]) {
      const other = message.slice();
      other[0] = version;
      expect(await reason(other)).toBe('unsupported-version');
      expect(reasonOf(await rejectionOf(Promise.resolve().then(() => senderKeyMessageDistributionId(other))))).toBe(
        'unsupported-version',
      );
    }
    expect(() => senderKeyMessageDistributionId(new Uint8Array(10))).toThrow(/invalid-message/);
    // The version byte's low nibble is not checked, as in the official parser; the signature covers it.
    const lowNibble = message.slice();
    lowNibble[0] = 0x32;
    expect(await reason(lowNibble)).toBe('bad-signature');
    expect(await g.receive(message)).toBe('x');
  });

  it('unknown distribution or chain: no-sender-key', async () => {
    const g = await group();
    const stranger = memorySenderKeyStore();
    const error = await rejectionOf(groupDecrypt(stranger, alice, await g.send('who?')));
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('no-sender-key');

    // The same distribution id, but a key the member was never given (alice lost hers and made a new one).
    const fresh = memorySenderKeyStore();
    await createSenderKeyDistribution(fresh, alice, g.distributionId);
    const newChain = await groupEncrypt(fresh, alice, g.distributionId, encoder.encode('new chain'));
    expect(reasonOf(await rejectionOf(g.receive(newChain)))).toBe('no-sender-key');
    // Another sender address with the same distribution id is another record.
    const bob = { userId: 'bob', deviceId: 1 };
    const error2 = await rejectionOf(groupDecrypt(g.member, bob, await g.send('from alice')));
    expect(reasonOf(error2)).toBe('no-sender-key');
  });

  it('rotation: a new distribution works beside the old one, which still decrypts late messages', async () => {
    const g = await group();
    expect(await g.receive(await g.send('old 1'))).toBe('old 1');
    const late = await g.send('old, late');
    const next = crypto.randomUUID();
    await processSenderKeyDistribution(g.member, alice, await createSenderKeyDistribution(g.sender, alice, next));
    const rotated = await groupEncrypt(g.sender, alice, next, encoder.encode('new 1'));
    expect(senderKeyMessageDistributionId(rotated)).toBe(next);
    expect(await groupDecrypt(g.member, alice, rotated)).toMatchObject({ distributionId: next });
    expect(await g.receive(late)).toBe('old, late');
    expect(await g.receive(await g.send('old 2'))).toBe('old 2');
  });

  it('a restarted chain under the same distribution id: both decrypt, up to 5 chains kept', async () => {
    const g = await group();
    const senders: SenderKeyStore[] = [g.sender];
    const pending: Array<{ store: number; message: Uint8Array }> = [];
    for (let n = 1; n < SENDER_KEY_MAX_STATES + 1; n++) {
      pending.push({
        store: n - 1,
        message: await groupEncrypt(senders[n - 1]!, alice, g.distributionId, encoder.encode(`chain ${n - 1}`)),
      });
      const restarted = memorySenderKeyStore();
      senders.push(restarted);
      await processSenderKeyDistribution(
        g.member,
        alice,
        await createSenderKeyDistribution(restarted, alice, g.distributionId),
      );
    }
    // Six chains were distributed; the member keeps the newest five, so the very first is gone.
    expect((await g.memberRecord()).states).toHaveLength(SENDER_KEY_MAX_STATES);
    expect(reasonOf(await rejectionOf(g.receive(pending[0]!.message)))).toBe('no-sender-key');
    for (const { store, message } of pending.slice(1)) expect(await g.receive(message)).toBe(`chain ${store}`);
    const newest = await groupEncrypt(
      senders[SENDER_KEY_MAX_STATES]!,
      alice,
      g.distributionId,
      encoder.encode('newest'),
    );
    expect(await g.receive(newest)).toBe('newest');
  });

  it('processing the same distribution message again does not rewind the chain', async () => {
    const g = await group();
    const distribution = await createSenderKeyDistribution(g.sender, alice, g.distributionId);
    const message = await g.send('only once');
    expect(await g.receive(message)).toBe('only once');
    await processSenderKeyDistribution(g.member, alice, distribution);
    expect(reasonOf(await rejectionOf(g.receive(message)))).toBe('duplicate');
  });

  it('a member given the key at iteration N cannot decrypt earlier messages, and reads from N on', async () => {
    const g = await group();
    const early: Uint8Array[] = [];
    for (let i = 0; i < 3; i++) early.push(await g.send(`early ${i}`));
    const late = memorySenderKeyStore();
    const distribution = await createSenderKeyDistribution(g.sender, alice, g.distributionId);
    await processSenderKeyDistribution(late, alice, distribution);
    expect((await late.loadSenderKey(alice, g.distributionId))?.states[0]?.iteration).toBe(3);
    for (const message of early) {
      const error = await rejectionOf(groupDecrypt(late, alice, message));
      expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
      expect(reasonOf(error)).toBe('no-sender-key');
    }
    const now = await g.send('now');
    expect(decoder.decode((await groupDecrypt(late, alice, now)).plaintext)).toBe('now');
    // The first member, given the key at 0, still reads everything.
    for (let i = 0; i < 3; i++) expect(await g.receive(early[i]!)).toBe(`early ${i}`);
  });

  it('the member record stays bounded over 10,000 iterations with gaps and late messages', async () => {
    const g = await group();
    const held: Array<{ text: string; message: Uint8Array }> = [];
    // Ten rounds: 1,000 messages the member never gets, one held back for later, one delivered.
    for (let round = 0; round < 10; round++) {
      await fastForward(g.sender, g.distributionId, 1_000);
      held.push({ text: `held ${round}`, message: await g.send(`held ${round}`) });
      expect(await g.receive(await g.send(`round ${round}`))).toBe(`round ${round}`);
    }
    const record = await g.memberRecord();
    expect(record.states[0]?.iteration).toBeGreaterThan(10_000);
    expect(skippedCount(record)).toBe(SENDER_KEY_MAX_SKIPPED_KEYS);
    expect(recordBytes(record)).toBeLessThan(SENDER_KEY_MAX_SKIPPED_KEYS * 36 + 200);
    // The two newest held messages are within the last 2,000 skipped keys; older ones were dropped.
    for (const { text, message } of held.slice(-2)) expect(await g.receive(message)).toBe(text);
    expect(reasonOf(await rejectionOf(g.receive(held[0]!.message)))).toBe('duplicate');
    expect(skippedCount(await g.memberRecord())).toBe(SENDER_KEY_MAX_SKIPPED_KEYS - 2);
    const senderRecord = (await g.sender.loadSenderKey(alice, g.distributionId)) as SenderKeyRecord;
    expect(senderRecord.states[0]?.skippedKeys.byteLength).toBe(0);
  });

  it('encrypts need our key first; bad arguments are INVALID_ARGUMENT', async () => {
    const store = memorySenderKeyStore();
    const id = crypto.randomUUID();
    const missing = await rejectionOf(groupEncrypt(store, alice, id, new Uint8Array(1)));
    expect(isParleyError(missing, 'NOT_FOUND')).toBe(true);
    expect(reasonOf(missing)).toBe('no-sender-key');
    // A member's copy of a key (no private key) cannot send either.
    await processSenderKeyDistribution(
      store,
      alice,
      await createSenderKeyDistribution(memorySenderKeyStore(), alice, id),
    );
    expect(reasonOf(await rejectionOf(groupEncrypt(store, alice, id, new Uint8Array(1))))).toBe('no-sender-key');
    // ... and a distribution message for ourselves then makes our own key beside it.
    await createSenderKeyDistribution(store, alice, id);
    expect((await groupEncrypt(store, alice, id, new Uint8Array(1)))[0]).toBe(0x33);

    expect(
      isParleyError(await rejectionOf(createSenderKeyDistribution(store, alice, 'not-a-uuid')), 'INVALID_ARGUMENT'),
    ).toBe(true);
    expect(
      isParleyError(
        await rejectionOf(groupEncrypt(store, { userId: '', deviceId: 1 }, id, new Uint8Array(1))),
        'INVALID_ARGUMENT',
      ),
    ).toBe(true);
    const malformed = await rejectionOf(processSenderKeyDistribution(store, alice, new Uint8Array(70)));
    expect(isParleyError(malformed, 'INVALID_ARGUMENT')).toBe(true);
    expect(reasonOf(malformed)).toBe('unsupported-version');
    const truncated = await rejectionOf(
      processSenderKeyDistribution(store, alice, fromHex(V.distribution).subarray(0, 80)),
    );
    expect(reasonOf(truncated)).toBe('invalid-message');
  });

  it('concurrent encrypts never share an iteration', async () => {
    const g = await group();
    const messages = await Promise.all([0, 1, 2, 3, 4].map((i) => g.send(`parallel ${i}`)));
    expect(new Set(messages.map((m) => toHex(m.subarray(0, 30)))).size).toBe(5);
    for (let i = 0; i < 5; i++) expect(await g.receive(messages[i]!)).toBe(`parallel ${i}`);
  });

  it('an unreadable record is treated as none, and our own is replaced by a new key', async () => {
    const store = memorySenderKeyStore();
    const id = crypto.randomUUID();
    const broken = { version: 1, states: [{ chainId: 1 }] } as unknown as SenderKeyRecord;
    await store.storeSenderKey(alice, id, broken);
    const g = await group(id);
    expect(reasonOf(await rejectionOf(groupDecrypt(store, alice, await g.send('x'))))).toBe('no-sender-key');
    expect(reasonOf(await rejectionOf(groupEncrypt(store, alice, id, new Uint8Array(1))))).toBe('no-sender-key');
    await createSenderKeyDistribution(store, alice, id);
    expect((await store.loadSenderKey(alice, id))?.states).toHaveLength(1);
  });

  describe('store failures reach the caller unchanged and store nothing', () => {
    const boom = new Error('disk on fire');
    const failing = (inner: SenderKeyStore, fail: 'load' | 'store'): SenderKeyStore => ({
      loadSenderKey: (...args) => (fail === 'load' ? Promise.reject(boom) : inner.loadSenderKey(...args)),
      storeSenderKey: (...args) => (fail === 'store' ? Promise.reject(boom) : inner.storeSenderKey(...args)),
    });

    it('on decrypt and on processing a distribution message', async () => {
      const g = await group();
      const message = await g.send('x');
      expect(await rejectionOf(groupDecrypt(failing(g.member, 'load'), alice, message))).toBe(boom);
      expect(await rejectionOf(groupDecrypt(failing(g.member, 'store'), alice, message))).toBe(boom);
      const distribution = await createSenderKeyDistribution(g.sender, alice, g.distributionId);
      expect(
        await rejectionOf(processSenderKeyDistribution(failing(memorySenderKeyStore(), 'store'), alice, distribution)),
      ).toBe(boom);
      // Nothing was stored: the message still decrypts once.
      expect(await g.receive(message)).toBe('x');
    });

    it('on encrypt: no ciphertext without the stepped chain stored first', async () => {
      const g = await group();
      expect(
        await rejectionOf(
          createSenderKeyDistribution(failing(memorySenderKeyStore(), 'store'), alice, g.distributionId),
        ),
      ).toBe(boom);
      expect(
        await rejectionOf(groupEncrypt(failing(g.sender, 'load'), alice, g.distributionId, new Uint8Array(1))),
      ).toBe(boom);
      const writes: number[] = [];
      const watched: SenderKeyStore = {
        loadSenderKey: (...args) => g.sender.loadSenderKey(...args),
        storeSenderKey: async (sender, id, record) => {
          writes.push(record.states[0]!.iteration);
          await g.sender.storeSenderKey(sender, id, record);
        },
      };
      expect(
        await rejectionOf(groupEncrypt(failing(g.sender, 'store'), alice, g.distributionId, new Uint8Array(1))),
      ).toBe(boom);
      const message = await groupEncrypt(watched, alice, g.distributionId, encoder.encode('after the failure'));
      // The failed call stored nothing; the successful one stored iteration 1 before returning iteration 0.
      expect(writes).toEqual([1]);
      expect(await g.receive(message)).toBe('after the failure');
    });
  });

  describe('golden vector from the official library', () => {
    it('decrypts the official messages (out of order too) from the official distribution message', async () => {
      const inOrder = memorySenderKeyStore();
      const reversed = memorySenderKeyStore();
      for (const store of [inOrder, reversed]) {
        expect(await processSenderKeyDistribution(store, V.sender, fromHex(V.distribution))).toEqual({
          distributionId: V.distributionId,
        });
      }
      for (const { plaintext, message } of V.messages) {
        expect(senderKeyMessageDistributionId(fromHex(message))).toBe(V.distributionId);
        expect(toHex((await groupDecrypt(inOrder, V.sender, fromHex(message))).plaintext)).toBe(plaintext);
      }
      for (const { plaintext, message } of [...V.messages].reverse()) {
        expect(toHex((await groupDecrypt(reversed, V.sender, fromHex(message))).plaintext)).toBe(plaintext);
      }
    });

    it('makes the official bytes from the same key material', async () => {
      const store = memorySenderKeyStore();
      await store.storeSenderKey(V.sender, V.distributionId, vectorSenderKeyRecord());
      expect(toHex(await createSenderKeyDistribution(store, V.sender, V.distributionId))).toBe(V.distribution);
      const member = memorySenderKeyStore();
      await processSenderKeyDistribution(member, V.sender, fromHex(V.distribution));
      for (const { plaintext, message } of V.messages) {
        const ours = await groupEncrypt(store, V.sender, V.distributionId, fromHex(plaintext));
        expect(signedPart(ours)).toBe(signedPart(fromHex(message)));
        expect(toHex((await groupDecrypt(member, V.sender, ours)).plaintext)).toBe(plaintext);
      }
    });
  });
});
