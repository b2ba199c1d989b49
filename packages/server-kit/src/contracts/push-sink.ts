import type { DeviceAddress } from './types.js';

/**
 * What a push says: only that something new is waiting for the device, and how much. Never the
 * content of a message or who sent it (the server cannot read content anyway, and the sender's
 * name would leak who talks to whom to the push provider).
 */
export interface PushNotice {
  /** How many new items (messages, receipts) were queued for the device since its last push; ≥ 1. */
  count: number;
  /** The device's registered push token, when the gateway knows one (`register_push_token`). */
  token?: { provider: string; token: string };
}

/**
 * Wakes a device that has no live connection, e.g. through a webhook to the app's push service
 * (which maps the device to its registered APNs/FCM token).
 *
 * Every implementation guarantees:
 * - `notify` sends nothing but the device address, {@link PushNotice.count} and the device's push token.
 * - `notify` resolves once the notice is accepted (an implementation may deliver it later, in
 *   the background); it never waits indefinitely on a slow endpoint, and it rejects only for an
 *   invalid call (a count that is not a positive integer: ParleyError('INVALID_ARGUMENT')).
 * - Delivery is best effort: a push may be lost (the device still finds its messages queued
 *   when it connects), and memory used for pending pushes stays bounded.
 */
export interface PushSink {
  notify(device: DeviceAddress, notice: PushNotice): Promise<void>;
}

/** Refuses a count that is not a positive integer (shared by the implementations). @internal */
export function isValidPushCount(count: number): boolean {
  return Number.isSafeInteger(count) && count >= 1;
}
