import type { BackoffOptions } from './backoff.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { MediaSpool } from './media/spool.js';
import type { ClientStore } from './stores/client-store.js';
import type { WebSocketConstructor } from './websocket-like.js';

/** What `createClient` takes. */
export interface ClientOptions {
  /** Gateway URL, e.g. ws://127.0.0.1:8080 */
  url: string;
  userId: string;
  /**
   * Durable state: `memoryClientStore()`, `fileClientStore({ dir })` from `@parley/client/node`, ...
   * The client owns it: `close()` closes it too, unless `closeStore` is false.
   */
  store: ClientStore;
  /**
   * Whether `close()` also closes `store`. Default true (an app hands its store to one client for
   * its lifetime). False keeps it open, e.g. to create a new client over the same store in one
   * process; you then close it yourself. (A server's stores are never closed by `server.close()`:
   * they outlive a gateway, e.g. across a restart on the same stores.)
   */
  closeStore?: boolean;
  /** This device's id; chosen at random on first use when omitted, then kept in the store. */
  deviceId?: number;
  /** For servers using token authentication. */
  token?: string;
  /** For a new device of an existing user: the approval another device made with `approveDevice`. */
  deviceLink?: string;
  /** Per-request timeout. Default 15 s. */
  requestTimeoutMs?: number;
  /**
   * While a message that could not be decrypted is being retried, later messages of its sender in
   * that chat are held back (stored, not announced) so they are announced in order; this bounds
   * the wait, in ms after the retry request. Default 10 s.
   */
  retryHoldMs?: number;
  reconnect?: BackoffOptions;
  /** WebSocket implementation. Default: the global one, else `ws` (Node). */
  WebSocket?: WebSocketConstructor;
  /** Where media files wait while uploading or being verified. Default: in memory; `fileMediaSpool` in Node. */
  mediaSpool?: MediaSpool;
  /** Where failures the client recovers from by itself are reported (as warnings). Default: silent. */
  logger?: Logger;
  /** The current time, for message timestamps, read receipts and expiry. Default: `Date.now()`. */
  clock?: Clock;
}
