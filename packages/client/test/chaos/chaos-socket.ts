import type { WebSocketConstructor } from '@parley/client';
import WebSocket from 'ws';

/**
 * A stand-in for a load balancer: each new connection goes to the next gateway of `urls`, round
 * robin from `first` (so clients start spread over the gateways). `urls` is read at each dial, so a
 * gateway restarted on a new port is found once its entry is updated.
 */
export function rotatingSocket(urls: readonly string[], first: number): WebSocketConstructor {
  let next = first;
  class Rotating extends WebSocket {
    constructor(_url: string) {
      super(urls[next++ % urls.length] as string);
    }
  }
  return Rotating as unknown as WebSocketConstructor;
}
