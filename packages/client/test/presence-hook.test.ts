import { createServer, memoryStores } from '@parley/server-kit';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup } from './helpers/harness.js';

describe('contacts from the embedding app', () => {
  it("uses the server's isContact hook for 'contacts' visibility instead of client lists", async () => {
    const stores = memoryStores();
    // The app's own graph: alice and bob know each other; carol knows nobody.
    const graph = new Set(['alice>bob', 'bob>alice']);
    const server = await createServer({ stores, isContact: async (owner, other) => graph.has(`${owner}>${other}`) });
    onCleanup(async () => {
      await server.close();
      await stores.close();
    });
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    const carol = newClient(server.url, 'carol');
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    await bob.setLastSeenVisibility('contacts');

    await alice.presence.subscribe(['bob']);
    await carol.presence.subscribe(['bob']);
    await vi.waitFor(() => expect(alice.getPresence('bob')).toEqual({ online: true, lastSeen: undefined }));
    // A round trip after carol's subscription: her snapshot had nothing about bob.
    await carol.presence.subscribe(['carol']);
    expect(carol.getPresence('bob')).toBeUndefined();
  });
});
