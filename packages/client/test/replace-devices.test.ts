import { isParleyError } from '@parley/client';
import { createServer, keyAuthenticator, memoryStores } from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, texts } from './helpers/harness.js';

// The reference server's demo option (--demo-replace-devices): signing in again under a used name
// from a fresh browser or terminal replaces that user's device instead of failing.
describe('keyAuthenticator replaceDevices (demo option)', () => {
  it('lets an unlinked device replace the devices of a user it answers yes for, and only those', async () => {
    const stores = memoryStores();
    onCleanup(() => stores.close());
    const server = await createServer({
      stores,
      port: 0,
      authenticator: keyAuthenticator({ replaceDevices: async (userId) => userId === 'bob' }),
    });
    onCleanup(() => server.close());
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    const carol = newClient(server.url, 'carol');
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    await alice.sendText('bob', 'before');
    const identity: Array<{ userId: string; deviceId: number }> = [];
    alice.on('identity:changed', (e) => identity.push(e));

    // carol is not covered: a second unlinked device is refused as always.
    const carolAgain = newClient(server.url, 'carol');
    const refused = await carolAgain.connect().catch((e: unknown) => e);
    expect(isParleyError(refused, 'AUTH_FAILED')).toBe(true);
    expect((await stores.devices.list('carol')).map((d) => d.deviceId)).toEqual([carol.deviceId]);

    // bob signs in from a fresh store: his old device is removed and the new one takes over.
    const bobAgain = newClient(server.url, 'bob');
    await bobAgain.connect();
    expect((await stores.devices.list('bob')).map((d) => d.deviceId)).toEqual([bobAgain.deviceId]);
    const got = collect(bobAgain);
    await alice.sendText('bob', 'after');
    await vi.waitFor(() => expect(texts(got)).toEqual(['after']));
    // A new account key: alice is told, as with any reinstall.
    expect(identity).toContainEqual({ userId: 'bob', deviceId: 0 });
  });
});
