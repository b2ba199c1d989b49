// Handing out sender keys: our own key for a distribution as a SenderKeyDistributionMessage, and
// a member's key stored from theirs.
import { ParleyError } from '../../errors.js';
import { withAddressLock } from '../address-lock.js';
import { copyBytes, fromArrayBuffer } from '../buffers.js';
import { loadLibrary } from '../library.js';
import { assertAddress } from '../sessions.js';
import type { SignalAddress } from '../signal-store.js';
import { canonicalDistributionId } from './distribution-id.js';
import { MAX_ITERATION } from './limits.js';
import { addState, emptyRecord, readRecord, type SenderKeyRecord, type SenderKeyState } from './record.js';
import type { SenderKeyStore } from './store.js';
import { encodeSenderKeyDistribution, parseSenderKeyDistribution, WireError } from './wire.js';

/** Our newest chain of a record, if it can still send (it has the private key and iterations left). */
export function ownState(record: SenderKeyRecord): SenderKeyState | undefined {
  const state = record.states.find((s) => s.signingPrivateKey !== null);
  return state && state.iteration < MAX_ITERATION ? state : undefined;
}

/** A new chain: random 31-bit id (as libsignal-protocol-java expects), random chain key, new signing key. */
async function newOwnState(): Promise<SenderKeyState> {
  const { lib } = await loadLibrary();
  const signing = await lib.KeyHelper.generateIdentityKeyPair();
  const random = new Uint32Array(1);
  globalThis.crypto.getRandomValues(random);
  const chainKey = new Uint8Array(32);
  globalThis.crypto.getRandomValues(chainKey);
  return {
    chainId: random[0]! >>> 1,
    iteration: 0,
    chainKey,
    firstIteration: 0,
    signingKey: fromArrayBuffer(signing.pubKey),
    signingPrivateKey: fromArrayBuffer(signing.privKey),
    skippedKeys: new Uint8Array(0),
  };
}

/**
 * Our sender key for a distribution (a group and its current member list), created and stored on
 * first use, as a SenderKeyDistributionMessage (the official library's bytes). Hand it to every
 * member device pairwise-encrypted (see `encrypt`); it names the current iteration, so a member
 * given it now can read our messages from now on, not earlier ones. Rotate by using a new
 * distribution id, for example when a member leaves.
 */
export async function createSenderKeyDistribution(
  store: SenderKeyStore,
  self: SignalAddress,
  distributionId: string,
): Promise<Uint8Array> {
  assertAddress(self);
  const id = canonicalDistributionId(distributionId);
  return withAddressLock(store, self, async () => {
    // An unreadable record is replaced: members get the new key from this message.
    const loaded = readRecord(await store.loadSenderKey(self, id)) ?? emptyRecord();
    let state = ownState(loaded);
    if (!state) {
      state = await newOwnState();
      await store.storeSenderKey(self, id, addState(loaded, state));
    }
    return encodeSenderKeyDistribution({
      distributionId: id,
      chainId: state.chainId,
      iteration: state.iteration,
      chainKey: state.chainKey,
      signingKey: state.signingKey,
    });
  });
}

/**
 * Stores a member's sender key from their SenderKeyDistributionMessage (after decrypting it from
 * their pairwise message) and returns its distribution id. A chain already known is kept as it is,
 * so a repeated message cannot rewind it; up to 5 chains are kept per sender and distribution.
 * Malformed messages reject with `INVALID_ARGUMENT` (`details.reason`: `'invalid-message'` or
 * `'unsupported-version'`) and store nothing.
 */
export async function processSenderKeyDistribution(
  store: SenderKeyStore,
  sender: SignalAddress,
  message: Uint8Array,
): Promise<{ distributionId: string }> {
  assertAddress(sender);
  let fields: ReturnType<typeof parseSenderKeyDistribution>;
  try {
    fields = parseSenderKeyDistribution(message);
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    throw new ParleyError('INVALID_ARGUMENT', `unusable sender key distribution message (${error.reason})`, {
      cause: error,
      details: { reason: error.reason },
    });
  }
  const { distributionId } = fields;
  await withAddressLock(store, sender, async () => {
    const record = readRecord(await store.loadSenderKey(sender, distributionId)) ?? emptyRecord();
    const state: SenderKeyState = {
      chainId: fields.chainId,
      iteration: fields.iteration,
      chainKey: copyBytes(fields.chainKey),
      firstIteration: fields.iteration,
      signingKey: copyBytes(fields.signingKey),
      signingPrivateKey: null,
      skippedKeys: new Uint8Array(0),
    };
    await store.storeSenderKey(sender, distributionId, addState(record, state));
  });
  return { distributionId };
}
