// Group messages: encrypted once with the sender's chain, signed with its signing key.
import { concatBytes } from '../../bytes.js';
import { ParleyError } from '../../errors.js';
import { withAddressLock } from '../address-lock.js';
import { signXEdDSA, verifyXEdDSA } from '../library.js';
import { assertAddress } from '../sessions.js';
import type { SignalAddress } from '../signal-store.js';
import { decryptWithSeed, encryptWithSeed, messageKeySeed, nextChainKey } from './chain.js';
import { ownState } from './distribution.js';
import { canonicalDistributionId } from './distribution-id.js';
import { groupDecryptionFailed, noOwnSenderKey, type SenderKeyFailureReason, wireFailure } from './failures.js';
import { MAX_ITERATION, SENDER_KEY_MAX_FORWARD_JUMPS, SENDER_KEY_MAX_SKIPPED_KEYS } from './limits.js';
import {
  appendSkippedKeys,
  readRecord,
  replaceState,
  type SenderKeyState,
  SKIPPED_KEY_BYTES,
  stateForChain,
  takeSkippedKey,
} from './record.js';
import type { SenderKeyStore } from './store.js';
import { encodeSenderKeyMessageBody, type ParsedSenderKeyMessage, parseSenderKeyMessage } from './wire.js';

/**
 * Encrypts `plaintext` (pad it first, see `padContent`) once for every member of the distribution,
 * as a SenderKeyMessage (the official library's bytes). The chain steps and the new state is
 * stored before the ciphertext is returned, so no message key is ever used twice, even across a
 * crash. Rejects with `NOT_FOUND` (`details.reason: 'no-sender-key'`) when we have no sender key
 * for the distribution: call {@link createSenderKeyDistribution} and hand its message out first.
 */
export async function groupEncrypt(
  store: SenderKeyStore,
  self: SignalAddress,
  distributionId: string,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  assertAddress(self);
  const id = canonicalDistributionId(distributionId);
  if (!(plaintext instanceof Uint8Array)) throw new ParleyError('INVALID_ARGUMENT', 'plaintext must be a Uint8Array');
  return withAddressLock(store, self, async () => {
    const record = readRecord(await store.loadSenderKey(self, id));
    const state = record && ownState(record);
    if (!record || !state?.signingPrivateKey) throw noOwnSenderKey(id);
    const body = encodeSenderKeyMessageBody({
      distributionId: id,
      chainId: state.chainId,
      iteration: state.iteration,
      ciphertext: encryptWithSeed(messageKeySeed(state.chainKey), plaintext),
    });
    const signature = await signXEdDSA(state.signingPrivateKey, body);
    const next = { ...state, iteration: state.iteration + 1, chainKey: nextChainKey(state.chainKey) };
    await store.storeSenderKey(self, id, replaceState(record, next));
    return concatBytes(body, signature);
  });
}

/** The message key seed for an iteration and the state after using it, or why there is none. */
function messageKeyFor(
  state: SenderKeyState,
  iteration: number,
): { seed: Uint8Array; state: SenderKeyState } | { failure: SenderKeyFailureReason } {
  if (iteration < state.iteration) {
    const taken = takeSkippedKey(state.skippedKeys, iteration);
    if (taken) return { seed: taken.seed, state: { ...state, skippedKeys: taken.rest } };
    return { failure: iteration < state.firstIteration ? 'no-sender-key' : 'duplicate' };
  }
  // The chain cannot step past the last uint32 iteration.
  if (iteration - state.iteration > SENDER_KEY_MAX_FORWARD_JUMPS || iteration === MAX_ITERATION) {
    return { failure: 'invalid-message' };
  }
  // Keys of the iterations jumped over are kept for late messages, the newest 2,000 at most.
  const kept = Math.min(iteration - state.iteration, SENDER_KEY_MAX_SKIPPED_KEYS);
  const skipped = new Uint8Array(kept * SKIPPED_KEY_BYTES);
  const view = new DataView(skipped.buffer);
  let chainKey = state.chainKey;
  for (let i = state.iteration, slot = kept - (iteration - state.iteration); i < iteration; i++, slot++) {
    if (slot >= 0) {
      view.setUint32(slot * SKIPPED_KEY_BYTES, i);
      skipped.set(messageKeySeed(chainKey), slot * SKIPPED_KEY_BYTES + 4);
    }
    chainKey = nextChainKey(chainKey);
  }
  return {
    seed: messageKeySeed(chainKey),
    state: {
      ...state,
      iteration: iteration + 1,
      chainKey: nextChainKey(chainKey),
      skippedKeys: appendSkippedKeys(state.skippedKeys, skipped),
    },
  };
}

function parse(sender: SignalAddress | undefined, message: Uint8Array): ParsedSenderKeyMessage {
  try {
    return parseSenderKeyMessage(message);
  } catch (error) {
    throw wireFailure(sender, error);
  }
}

/**
 * Decrypts a SenderKeyMessage from a member device, with the key stored from their distribution
 * message. Anything undecryptable rejects with `DECRYPTION_FAILED` (`details.reason` says why, see
 * {@link SenderKeyFailureReason}) and leaves the store untouched; errors of the store itself reach
 * the caller unchanged. Late messages decrypt within the last 2,000 skipped iterations; a message
 * may be at most 25,000 iterations ahead.
 */
export async function groupDecrypt(
  store: SenderKeyStore,
  sender: SignalAddress,
  message: Uint8Array,
): Promise<{ plaintext: Uint8Array; distributionId: string }> {
  assertAddress(sender);
  const parsed = parse(sender, message);
  const { distributionId } = parsed;
  return withAddressLock(store, sender, async () => {
    const record = readRecord(await store.loadSenderKey(sender, distributionId));
    const state = record && stateForChain(record, parsed.chainId);
    if (!record || !state) throw groupDecryptionFailed(sender, 'no-sender-key');
    if (!(await verifyXEdDSA(state.signingKey, parsed.signed, parsed.signature))) {
      throw groupDecryptionFailed(sender, 'bad-signature');
    }
    const key = messageKeyFor(state, parsed.iteration);
    if ('failure' in key) throw groupDecryptionFailed(sender, key.failure);
    let plaintext: Uint8Array;
    try {
      plaintext = decryptWithSeed(key.seed, parsed.ciphertext);
    } catch (error) {
      throw groupDecryptionFailed(sender, 'invalid-message', error);
    }
    await store.storeSenderKey(sender, distributionId, replaceState(record, key.state));
    return { plaintext, distributionId };
  });
}

/**
 * The distribution id named in a SenderKeyMessage, read without decrypting (to find the group, or to
 * ask the sender for its key). Throws the `DECRYPTION_FAILED` that {@link groupDecrypt} would reject
 * with (`'invalid-message'` or `'unsupported-version'`) when the bytes are not a sender key message.
 */
export function senderKeyMessageDistributionId(message: Uint8Array): string {
  return parse(undefined, message).distributionId;
}
