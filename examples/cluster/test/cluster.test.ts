import { createClient, memoryClientStore, type ParleyClient, type ReceivedMessage } from '@parley/client';
import { POSTGRES_URL, REDIS_URL, servicesAvailable, uniqueName } from '@parley/test-utils/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ClusterProcess, startCluster } from './spawn-cluster.js';

const available = await servicesAvailable('postgres', 'redis');

describe.skipIf(!available)('pnpm cluster with two gateways', () => {
  const schema = uniqueName('cluster');
  let cluster: ClusterProcess | undefined;
  const clients: ParleyClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(
      ['--gateways', '2', '--base-port', '0', '--schema', schema, '--redis-prefix', `${schema}:`],
      { DATABASE_URL: POSTGRES_URL, REDIS_URL },
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    const code = await cluster?.stop();
    const pool = new pg.Pool({ connectionString: POSTGRES_URL });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => pool.end());
    expect(code).toBe(0);
  }, 30_000);

  it('carries messages, groups, receipts, presence, typing and media between gateways', async () => {
    const [g1, g2] = (cluster as ClusterProcess).urls as [string, string];
    expect(g1).not.toBe(g2);
    const alice = createClient({ url: g1, userId: 'alice', store: memoryClientStore() });
    const bob = createClient({ url: g2, userId: 'bob', store: memoryClientStore() });
    clients.push(alice, bob);
    const bobGot: ReceivedMessage[] = [];
    bob.on('message:received', (m) => bobGot.push(m));
    const receipts: string[] = [];
    alice.on('receipt:updated', (r) => receipts.push(`${r.messageId}:${r.status}`));
    const presence: Array<{ online: boolean; lastSeen: number | undefined }> = [];
    bob.on('presence:changed', (p) => {
      if (p.userId === 'alice') presence.push({ online: p.online, lastSeen: p.lastSeen });
    });
    const typing: boolean[] = [];
    bob.on('typing:changed', (t) => typing.push(t.typing));
    await Promise.all([alice.connect(), bob.connect()]);

    // 1:1 text, then bob reads it: alice on g1 sees the read receipt that crossed back.
    const sent = await alice.sendText('bob', 'hello across gateways');
    await vi.waitFor(
      () => expect(bobGot.map((m) => m.content)).toContainEqual({ kind: 'text', text: 'hello across gateways' }),
      { timeout: 15_000 },
    );
    await bob.markRead('alice', [sent.id]);
    await vi.waitFor(() => expect(receipts).toContain(`${sent.id}:read`), { timeout: 15_000 });

    // Group message.
    const group = await alice.groups.create({ name: 'cluster', members: ['bob'] });
    await alice.sendText(group.id, 'to the group');
    await vi.waitFor(() => expect(bobGot.some((m) => m.chatId === group.id)).toBe(true), { timeout: 15_000 });

    // Presence and typing.
    await bob.presence.subscribe(['alice']);
    await vi.waitFor(() => expect(bob.getPresence('alice')?.online).toBe(true), { timeout: 15_000 });
    await alice.setTyping('bob', true);
    await vi.waitFor(() => expect(typing).toContain(true), { timeout: 15_000 });
    await alice.setTyping('bob', false);
    await vi.waitFor(() => expect(typing.at(-1)).toBe(false), { timeout: 15_000 });

    // Media: uploaded through g1, downloaded through g2 (blobs and tickets in PostgreSQL).
    const photo = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) & 0xff);
    await alice.sendImage('bob', photo, { mimeType: 'image/png' });
    await vi.waitFor(() => expect(bobGot.some((m) => m.content.kind === 'media')).toBe(true), { timeout: 15_000 });
    const image = bobGot.find((m) => m.content.kind === 'media') as ReceivedMessage;
    expect(Buffer.from(await bob.downloadMedia(image)).equals(Buffer.from(photo))).toBe(true);

    // alice leaves: bob sees her offline with a last seen.
    await alice.close();
    await vi.waitFor(() => expect(presence.at(-1)?.online).toBe(false), { timeout: 15_000 });
    expect(presence.at(-1)?.lastSeen).toBeGreaterThan(0);
  });
});
