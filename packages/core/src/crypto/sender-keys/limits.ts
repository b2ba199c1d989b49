// The version and the limits of Signal's sender keys, as the official library has them
// (libsignal rust/protocol: protocol.rs SENDERKEY_MESSAGE_CURRENT_VERSION, consts.rs).

/** The sender key message version; the first byte of every message is `(3 << 4) | 3` = 0x33. */
export const SENDER_KEY_VERSION = 3;
export const SENDER_KEY_VERSION_BYTE = (SENDER_KEY_VERSION << 4) | SENDER_KEY_VERSION;

/** How far past the next expected iteration a message may be (skipped keys are derived up to it). */
export const SENDER_KEY_MAX_FORWARD_JUMPS = 25_000;

/** How many skipped message keys a chain keeps for late messages; the oldest go first. */
export const SENDER_KEY_MAX_SKIPPED_KEYS = 2_000;

/** How many chains (states) one record keeps for a sender and distribution; the oldest go first. */
export const SENDER_KEY_MAX_STATES = 5;

/** Iterations are uint32 on the wire; a chain at the last one cannot step any further. */
export const MAX_ITERATION = 0xffffffff;
