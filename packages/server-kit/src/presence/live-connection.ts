import type { ServerFrameInit } from '@parley/core';
import type { DeviceAddress } from '../contracts/types.js';

/**
 * What presence and typing use of a client connection (the gateway's `Connection` is one): pushes to
 * it, whether it is still open and ready, whose it is and when it was last heard from. Subscriptions
 * are kept per connection object.
 */
export interface LiveConnection {
  readonly state: 'hello' | 'auth' | 'ready' | 'closed';
  readonly isOpen: boolean;
  readonly address: DeviceAddress | undefined;
  readonly lastReceivedAt: number;
  send(frame: ServerFrameInit): boolean;
}
