// The WebSocket shape the client needs, apart from the platform choice in websocket.ts (which the
// isomorphic-ws typing shim imports these types from, so the two never import each other).

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

/** A WebSocket class: `new WebSocket(url)` (the global one, `ws`, or a test double). */
export type WebSocketConstructor = new (url: string) => WebSocketLike;
