// The errors of the sender key functions.
import { ParleyError } from '../../errors.js';
import type { SignalAddress } from '../signal-store.js';
import { WireError } from './wire.js';

/**
 * Why a group message could not be decrypted, in `ParleyError.details.reason` of a
 * `DECRYPTION_FAILED`:
 * - `no-sender-key`: no key for the message's distribution or chain, or the message is older than
 *   the key this device was given: ask the sender to redistribute (and resend).
 * - `duplicate`: the iteration was already decrypted (a replay or a redelivery), or is more than
 *   2,000 behind and its key was dropped: drop the message.
 * - `invalid-message`: malformed, bad padding, or more than 25,000 iterations ahead.
 * - `bad-signature`: not signed by the chain's signing key: a forgery or a corrupted message.
 * - `unsupported-version`: not a version-3 sender key message.
 */
export type SenderKeyFailureReason =
  | 'no-sender-key'
  | 'duplicate'
  | 'invalid-message'
  | 'bad-signature'
  | 'unsupported-version';

const describe = (address: SignalAddress) => `${address.userId}.${address.deviceId}`;

export function groupDecryptionFailed(
  sender: SignalAddress | undefined,
  reason: SenderKeyFailureReason,
  cause?: unknown,
): ParleyError {
  const from = sender ? ` from ${describe(sender)}` : '';
  return new ParleyError('DECRYPTION_FAILED', `cannot decrypt a group message${from} (${reason})`, {
    cause,
    details: { reason },
  });
}

/** A parse failure of a SenderKeyMessage as the DECRYPTION_FAILED it stands for. */
export function wireFailure(sender: SignalAddress | undefined, error: unknown): ParleyError {
  if (error instanceof WireError) return groupDecryptionFailed(sender, error.reason, error);
  return ParleyError.from(error);
}

/** No usable sender key of our own for the distribution: create (and distribute) one first. */
export function noOwnSenderKey(distributionId: string): ParleyError {
  return new ParleyError('NOT_FOUND', `no sender key of ours for distribution ${distributionId}`, {
    details: { reason: 'no-sender-key' },
  });
}
