import { createClient, isParleyError, memoryClientStore, type ParleyClient } from '@parley/client';
import { createServer, memoryStores, type ParleyServer } from '@parley/server-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_NAME_TAKEN_HINT, referenceAuthenticator } from '../src/reference-authenticator.js';

const open: Array<ParleyClient | ParleyServer | { close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function serverWith(demoReplaceDevices: boolean): Promise<ParleyServer> {
  const stores = memoryStores();
  open.push(stores);
  const server = await createServer({ stores, port: 0, authenticator: referenceAuthenticator({ demoReplaceDevices }) });
  open.push(server);
  return server;
}

function client(server: ParleyServer, userId: string): ParleyClient {
  const c = createClient({ url: server.url, userId, store: memoryClientStore() });
  open.push(c);
  return c;
}

describe('reference server logins', () => {
  it('says how to get out when a name is in use: link, another name, reset, or the demo option', async () => {
    const server = await serverWith(false);
    await client(server, 'alice').connect();
    const error = await client(server, 'alice')
      .connect()
      .catch((e: unknown) => e);
    expect(isParleyError(error, 'AUTH_FAILED')).toBe(true);
    expect((error as Error).message).toContain('link it');
    expect((error as Error).message).toContain(DEMO_NAME_TAKEN_HINT);
  });

  it('with --demo-replace-devices, a second browser under the same name takes the name over', async () => {
    const server = await serverWith(true);
    await client(server, 'alice').connect();
    await expect(client(server, 'alice').connect()).resolves.toBeUndefined();
  });
});
