/**
 * Gateway-to-gateway messages. Only nudges: a lost or duplicated message delays a delivery
 * but never loses or duplicates one, because the offline queue is the truth.
 *
 * Every implementation guarantees:
 * - A message published on a channel reaches every current subscriber of that channel at most
 *   a short time later (best effort; no persistence).
 * - `subscribe` resolves once the subscription is active; the returned function removes it, and
 *   the handler is not called after that function resolves.
 * - A handler that throws does not stop delivery to the other handlers.
 * - After `close` resolves, no handler of this bus is called again.
 */
export interface Bus {
  publish(channel: string, data: Uint8Array): Promise<void>;
  subscribe(channel: string, handler: (data: Uint8Array) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
