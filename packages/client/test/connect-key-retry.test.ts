import { createClient, memoryClientStore } from '@parley/client';
import { decodeClientFrame } from '@parley/core';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { newClient, onCleanup, startServer, texts } from './helpers/harness.js';

/** A socket that, the first `cuts` times the client publishes its keys, drops the connection instead (a reset). */
function cuttingKeyUploads(cuts: number) {
  const state = { cut: 0 };
  const Socket = class extends WebSocket {
    override send(data: unknown, ...rest: unknown[]) {
      if (data instanceof Uint8Array && state.cut < cuts && decodeClientFrame(data).body === 'keysUpload') {
        state.cut++;
        this.terminate();
        return;
      }
      // biome-ignore lint/suspicious/noExplicitAny: forwarding ws's overloaded send
      (super.send as any)(data, ...rest);
    }
  } as unknown as NonNullable<Parameters<typeof createClient>[0]['WebSocket']>;
  return { Socket, state };
}

describe('connect() and key publication', () => {
  it('resolves once the keys are published on a later connection when one is cut while publishing', async () => {
    const { server } = await startServer();
    const { Socket, state } = cuttingKeyUploads(2);
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      WebSocket: Socket,
      reconnect: { minDelayMs: 10, maxDelayMs: 50 },
    });
    onCleanup(() => alice.close());
    await alice.connect(); // before: rejected with CONNECTION_CLOSED at the first cut
    expect(state.cut).toBe(2);
    const bob = newClient(server.url, 'bob');
    await bob.connect();
    const got = collect(alice);
    await bob.sendText('alice', 'reachable');
    await vi.waitFor(() => expect(texts(got)).toEqual(['reachable']));
  });

  it('rejects with CLOSED when the app closes the client while it waits for a connection to publish on', async () => {
    const { server } = await startServer();
    const { Socket } = cuttingKeyUploads(1_000);
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      WebSocket: Socket,
      reconnect: { minDelayMs: 10, maxDelayMs: 50 },
    });
    const connecting = alice.connect().catch((e: unknown) => e);
    await vi.waitFor(() => expect(alice.state).toBe('reconnecting'));
    await alice.close();
    expect(await connecting).toMatchObject({ code: 'CLOSED' });
  });
});
