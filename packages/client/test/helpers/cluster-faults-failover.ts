import type { WebSocketConstructor } from '@parley/client';
import WebSocket from 'ws';

/** A WebSocket constructor that spreads a client's connections over several gateways. */
export interface FailoverSocket {
  /** Pass as the client's `WebSocket` option (the client's own `url` is then ignored). */
  readonly WebSocket: WebSocketConstructor;
  /** Every URL a connection was opened to, in order. */
  readonly dialed: string[];
}

/**
 * The client takes one URL; a deployment puts many gateways behind a load balancer. This stands in
 * for it: each new connection goes to the next URL, round robin, so a client whose gateway died
 * reaches another one on its next reconnect attempt (a refused attempt just moves on).
 */
export function failoverSocket(urls: readonly string[]): FailoverSocket {
  const dialed: string[] = [];
  let next = 0;
  class Failover extends WebSocket {
    constructor(_url: string) {
      const url = urls[next++ % urls.length] as string;
      super(url);
      dialed.push(url);
    }
  }
  return { WebSocket: Failover as unknown as WebSocketConstructor, dialed };
}
