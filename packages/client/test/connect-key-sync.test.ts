import { createServer, memoryStores } from '@parley/server-kit';
import { describe, expect, it } from 'vitest';
import { newClient, onCleanup } from './helpers/harness.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';

// Found by the proxy chaos run (chaos-proxy/): a connection reset between the Welcome and the end
// of the first key upload made connect() reject with CONNECTION_CLOSED, although the client goes
// on reconnecting by itself and publishes its keys at the next Welcome. An app (or the chaos
// client process) took that for a refusal and gave up.

describe('connect() and the first key upload', () => {
  it('rides out a connection lost while the keys are being published', async () => {
    let proxy: TcpProxy | undefined;
    let uploads = 0;
    const stores = memoryStores();
    const server = await createServer({
      stores,
      port: 0,
      routes: {
        keysUpload: async (request, _ctx, next) => {
          // The first upload's connection dies before its answer (as a reset mid-frame would do).
          if (uploads++ === 0) proxy?.cutAll();
          return next(request);
        },
      },
    });
    onCleanup(() => stores.close());
    onCleanup(() => server.close());
    proxy = await startTcpProxy(server.port);
    onCleanup(() => (proxy as TcpProxy).close());
    const alice = newClient(proxy.url, 'alice');
    await alice.connect();
    expect(uploads).toBeGreaterThanOrEqual(2);
    expect(alice.state).toBe('connected');
  });
});
