/**
 * The two kinds of pairwise Signal ciphertext: `'prekey'` (a PreKeySignalMessage, sent until the
 * peer has answered) and `'whisper'` (a SignalMessage on an established session).
 */
export type SignalMessageType = 'prekey' | 'whisper';

/** proto `parley.v1.PayloadType` values for each message type. */
export const PAYLOAD_TYPES = { whisper: 2, prekey: 3 } as const satisfies Record<SignalMessageType, number>;

/** The `PayloadType` (SIGNAL_MESSAGE = 2, PREKEY_SIGNAL_MESSAGE = 3) of a message type. */
export function toPayloadType(type: SignalMessageType): 2 | 3 {
  return PAYLOAD_TYPES[type];
}

/** The message type of a `PayloadType`, or `undefined` for any other payload type. */
export function fromPayloadType(payloadType: number): SignalMessageType | undefined {
  if (payloadType === PAYLOAD_TYPES.whisper) return 'whisper';
  if (payloadType === PAYLOAD_TYPES.prekey) return 'prekey';
  return undefined;
}
