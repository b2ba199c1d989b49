import { type ClientStore, createClient, memoryClientStore } from '@parley/client';
import { collect } from '@parley/test-utils/received-messages';
import { recordingLogger } from '@parley/test-utils/recording-logger';
import { describe, expect, it, vi } from 'vitest';
import { startServer } from './helpers/harness.js';

describe('client logger and clock', () => {
  it('stamps messages and reads with the injected clock', async () => {
    const { server } = await startServer();
    const reconnect = { minDelayMs: 20, maxDelayMs: 200 };
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      reconnect,
      clock: { now: () => 1_000 },
    });
    const bob = createClient({
      url: server.url,
      userId: 'bob',
      store: memoryClientStore(),
      reconnect,
      clock: { now: () => 2_000 },
    });
    try {
      await Promise.all([alice.connect(), bob.connect()]);
      const got = collect(bob);
      const { id } = await alice.sendText('bob', 'hi');
      expect((await alice.getMessage(id))?.sentAt).toBe(1_000);
      await vi.waitFor(() => expect(got.map((m) => m.sentAt)).toEqual([1_000]));
      await bob.markRead('alice', [id]);
      expect((await bob.getMessage(id))?.readAt).toBe(2_000);
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });

  it('reports a failure it recovers from to the logger instead of dropping it', async () => {
    const broken: ClientStore = {
      transaction: () => Promise.reject(new Error('disk gone')),
      close: async () => {},
    };
    const logger = recordingLogger();
    const client = createClient({ url: 'ws://127.0.0.1:1', userId: 'alice', store: broken, logger });
    await expect(client.sendText('bob', 'hi')).rejects.toThrow('disk gone');
    await client.close();
    expect(logger.warnings).toEqual([
      {
        message: 'closing a client whose store never opened',
        fields: { error: expect.objectContaining({ message: 'disk gone' }) },
      },
    ]);
  });
});
