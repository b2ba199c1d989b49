import IsomorphicWebSocket from 'isomorphic-ws';

/** `WebSocket.OPEN`: the readyState of a socket that can send (not every implementation has the static). */
export const WS_OPEN = 1;

/** The subset of the WHATWG WebSocket the client uses (browsers, `ws`, isomorphic-ws). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The platform's WebSocket: the global one where it exists (browsers), else `ws` through isomorphic-ws. */
export function defaultWebSocket(): WebSocketConstructor {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  // Cast: consumers that compile this source see the real `ws` typings instead of our shim.
  return global ?? (IsomorphicWebSocket as unknown as WebSocketConstructor);
}
