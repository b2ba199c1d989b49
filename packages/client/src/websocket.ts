import IsomorphicWebSocket from 'isomorphic-ws';
import type { WebSocketConstructor } from './websocket-like.js';

/** The platform's WebSocket: the global one where it exists (browsers), else `ws` through isomorphic-ws. */
export function defaultWebSocket(): WebSocketConstructor {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  // Cast: consumers that compile this source see the real `ws` typings instead of our shim.
  return global ?? (IsomorphicWebSocket as unknown as WebSocketConstructor);
}
