import type { createClient } from '@parley/client';
import WebSocket from 'ws';

/** A WebSocket that records every frame the client puts on the wire, i.e. what the server receives. */
export function recordingWebSocket(sink: Uint8Array[]) {
  return class extends WebSocket {
    override send(data: unknown, ...rest: unknown[]) {
      if (data instanceof Uint8Array) sink.push(new Uint8Array(data));
      // biome-ignore lint/suspicious/noExplicitAny: forwarding ws's overloaded send
      (super.send as any)(data, ...rest);
    }
  } as unknown as NonNullable<Parameters<typeof createClient>[0]['WebSocket']>;
}
