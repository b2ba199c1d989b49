import type { ClientStore } from '@parley/client';
import { createClient, memoryClientStore, type ParleyClient, type ReceivedMessage } from '@parley/client';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '@parley/server-kit';
import { afterEach } from 'vitest';

/** Tracks what a test opens so each test cleans up after itself, pass or fail. */
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

export function onCleanup(fn: () => Promise<unknown>): void {
  cleanups.push(fn);
}

export async function startServer(
  options: { stores?: ServerStores; port?: number; limits?: Parameters<typeof createServer>[0]['limits'] } = {},
): Promise<{ server: ParleyServer; stores: ServerStores }> {
  const stores = options.stores ?? memoryStores();
  const server = await createServer({
    stores,
    port: options.port ?? 0,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  onCleanup(() => server.close());
  if (!options.stores) onCleanup(() => stores.close());
  return { server, stores };
}

export function newClient(url: string, userId: string, store: ClientStore = memoryClientStore()): ParleyClient {
  const client = createClient({ url, userId, store, reconnect: { minDelayMs: 20, maxDelayMs: 200 } });
  onCleanup(() => client.close());
  return client;
}

export const texts = (messages: ReceivedMessage[]) =>
  messages.map((m) => (m.content.kind === 'text' ? m.content.text : `<${m.content.kind}>`));

export const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** A store whose close() is a no-op, so a second client object can reopen the same in-memory state. */
export function reusable(store: ClientStore): ClientStore {
  return { transaction: (fn) => store.transaction(fn), close: async () => {} };
}
