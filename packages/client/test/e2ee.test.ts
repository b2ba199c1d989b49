import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, isParleyError, memoryClientStore, type ParleyClient } from '@parley/client';
import { decodeClientFrame } from '@parley/core';
import { createServer } from '@parley/server-kit';
import { sqliteStores } from '@parley/server-kit/sqlite';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, startServer, texts } from './helpers/harness.js';
import { recordingWebSocket } from './helpers/recording-websocket.js';

const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle));

describe('end-to-end encryption', () => {
  it('never lets the server see the plaintext: not in any frame, not in its database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-e2ee-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const stores = sqliteStores({ path: join(dir, 'parley.db') });
    const server = await createServer({ stores });
    onCleanup(async () => {
      await server.close();
      await stores.close();
    });
    const frames: Uint8Array[] = [];
    const marker = `MARKER-${crypto.randomUUID()}`;
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      WebSocket: recordingWebSocket(frames),
    });
    const bob = createClient({
      url: server.url,
      userId: 'bob',
      store: memoryClientStore(),
      WebSocket: recordingWebSocket(frames),
    });
    onCleanup(() => alice.close());
    onCleanup(() => bob.close());
    const got = collect(bob);
    await Promise.all([alice.connect(), bob.connect()]);
    const sent = Array.from({ length: 500 }, (_, i) => `${marker} #${i}`);
    await Promise.all(sent.map((t) => alice.sendText('bob', t)));
    await vi.waitFor(() => expect(got.length).toBe(500), { timeout: 30_000 });
    expect(texts(got)).toEqual(sent);

    const needle = new TextEncoder().encode(marker);
    expect(frames.length).toBeGreaterThan(500);
    expect(frames.filter((f) => contains(f, needle))).toHaveLength(0);
    // The frames really carried the messages: Signal ciphertexts, not plaintext.
    const sends = frames.map((f) => decodeClientFrame(f)).filter((f) => f.body === 'send');
    expect(sends.length).toBeGreaterThanOrEqual(500);
    expect(sends.every((f) => (f.send?.copies?.length ?? 0) > 0 && !f.send?.shared)).toBe(true);
    // Queued on disk while bob was connected or not, every byte of the database stays opaque.
    await bob.close();
    await alice.sendText('bob', `${marker} while bob is offline`);
    for (const file of readdirSync(dir)) expect(contains(readFileSync(join(dir, file)), needle), file).toBe(false);
  });

  it('reaches every device of both users, admits a new device only with approval, and includes devices added later', async () => {
    const { server, stores } = await startServer();
    const alice1 = newClient(server.url, 'alice');
    const bob1 = newClient(server.url, 'bob');
    await Promise.all([alice1.connect(), bob1.connect()]);

    // Unapproved second device of bob: refused, never registered.
    const intruder = newClient(server.url, 'bob');
    expect(isParleyError(await intruder.connect().catch((e: unknown) => e), 'AUTH_FAILED')).toBe(true);
    expect(await stores.devices.list('bob')).toHaveLength(1);

    async function link(existing: ParleyClient, userId: string): Promise<ParleyClient> {
      const store = memoryClientStore();
      const probe = createClient({
        url: server.url,
        userId,
        store: { transaction: store.transaction.bind(store), close: async () => {} },
      });
      const code = await probe.linkCode();
      const approval = await existing.approveDevice(code);
      const device = newClient(server.url, userId, store);
      (device as unknown as { options: { deviceLink: string } }).options.deviceLink = approval;
      await device.connect();
      return device;
    }
    const bob2 = await link(bob1, 'bob');
    const bob3 = await link(bob1, 'bob');
    const alice2 = await link(alice1, 'alice');
    expect((await stores.devices.list('bob')).map((d) => d.approvedBy).sort()).toEqual(
      [0, bob1.deviceId, bob1.deviceId].sort(),
    );

    const inboxes = [bob1, bob2, bob3, alice2].map((c) => collect(c));
    await alice1.sendText('bob', 'to all of you');
    for (const inbox of inboxes) await vi.waitFor(() => expect(texts(inbox)).toEqual(['to all of you']));
    expect(inboxes[3]?.[0]).toMatchObject({
      outgoing: true,
      chatId: 'bob',
      from: { userId: 'alice', deviceId: alice1.deviceId },
    });

    // bob answers from his third device: alice's two devices and bob's other two get it.
    const aliceInbox = collect(alice1);
    await bob3.sendText('alice', 'from my tablet');
    await vi.waitFor(() => expect(texts(aliceInbox)).toEqual(['from my tablet']));
    await vi.waitFor(() => expect(texts(inboxes[0] ?? [])).toContain('from my tablet'));

    // A device linked later gets what is sent after it registered.
    const bob4 = await link(bob2, 'bob');
    const late = collect(bob4);
    await alice1.sendText('bob', 'hello newcomer');
    await vi.waitFor(() => expect(texts(late)).toEqual(['hello newcomer']));
  });

  it('recovers from a stale device list without the app noticing', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob1 = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob1.connect()]);
    const first = collect(bob1);
    await alice.sendText('bob', 'one');
    await vi.waitFor(() => expect(texts(first)).toEqual(['one']));

    // bob adds a device; alice's cached list does not know it.
    const store = memoryClientStore();
    const probe = createClient({
      url: server.url,
      userId: 'bob',
      store: { transaction: store.transaction.bind(store), close: async () => {} },
    });
    const approval = await bob1.approveDevice(await probe.linkCode());
    const bob2 = createClient({ url: server.url, userId: 'bob', store, deviceLink: approval });
    onCleanup(() => bob2.close());
    await bob2.connect();
    const second = collect(bob2);
    const changes: string[] = [];
    alice.on('devices:changed', (e) => changes.push(`${e.userId}:${e.deviceIds.length}`));

    const result = await alice.sendText('bob', 'two');
    expect(result.status).toBe('sent');
    await vi.waitFor(() => expect(texts(second)).toEqual(['two']));
    await vi.waitFor(() => expect(texts(first)).toEqual(['one', 'two']));
    expect(changes).toEqual(['bob:2']);
  });

  it('recovers a message whose session broke through a retry request, and delivers it', async () => {
    const { server } = await startServer();
    const bobStore = memoryClientStore();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob', bobStore);
    await Promise.all([alice.connect(), bob.connect()]);
    const got = collect(bob);
    await alice.sendText('bob', 'before');
    await vi.waitFor(() => expect(texts(got)).toEqual(['before']));
    await bob.sendText('alice', 'ack'); // both directions established

    // Corrupt bob's session with alice: bob can no longer decrypt her next message.
    await bobStore.transaction(async (tx) => {
      const sessions = await tx.list<string>('signal.sessions', { prefix: 'alice\u001f' });
      expect(sessions.length).toBe(1);
      for (const [key] of sessions) await tx.put('signal.sessions', key, 'garbage');
    });
    const undecryptable: Array<{ retrying: boolean }> = [];
    bob.on('message:undecryptable', (e) => undecryptable.push(e));
    await alice.sendText('bob', 'after the damage');
    await vi.waitFor(() => expect(texts(got)).toEqual(['before', 'after the damage']), { timeout: 15_000 });
    expect(undecryptable).toEqual([expect.objectContaining({ retrying: true })]);

    // The rebuilt session keeps working both ways.
    await alice.sendText('bob', 'and on');
    await vi.waitFor(() => expect(texts(got)).toEqual(['before', 'after the damage', 'and on']));
  });

  it('drops a replayed ciphertext without breaking the session', async () => {
    const { server, stores } = await startServer();
    const frames: Uint8Array[] = [];
    const aliceStore = memoryClientStore();
    const keep = { transaction: aliceStore.transaction.bind(aliceStore), close: async () => {} };
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: keep,
      WebSocket: recordingWebSocket(frames),
    });
    onCleanup(() => alice.close());
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const got = collect(bob);
    const undecryptable: string[] = [];
    bob.on('message:undecryptable', (e) => undecryptable.push(e.reason));
    await alice.sendText('bob', 'original');
    await vi.waitFor(() => expect(texts(got)).toEqual(['original']));

    // Someone holding alice's device credentials replays her ciphertext under a new message id.
    const copy = frames
      .map((f) => decodeClientFrame(f))
      .find((f) => f.body === 'send')
      ?.send?.copies?.find((c) => c.to?.userId === 'bob');
    expect(copy?.payload?.data?.byteLength).toBeGreaterThan(0);
    const identity = await aliceStore.transaction((tx) =>
      tx.get<{ deviceId: number; authPublicKey: Uint8Array; authPrivateKey: Uint8Array }>('device', 'self'),
    );
    const { RawPeer } = await import('@parley/test-utils/raw-peer');
    const replayer = await RawPeer.authenticated(server.url, 'alice', identity?.deviceId, {
      publicKey: identity?.authPublicKey as Uint8Array,
      privateKey: identity?.authPrivateKey as Uint8Array,
    });
    onCleanup(async () => replayer.close());
    const ack = await replayer.request({
      send: {
        messageId: 'replayed',
        userId: 'bob',
        direct: true,
        copies: [{ to: copy?.to ?? null, payload: copy?.payload ?? null }],
      },
    });
    expect(ack.body).toBe('sendAck');
    // bob acknowledges the replay (so it was processed) without showing anything.
    await vi.waitFor(async () => expect(await stores.queue.count({ userId: 'bob', deviceId: bob.deviceId })).toBe(0));
    expect(texts(got)).toEqual(['original']);
    expect(undecryptable).toEqual([]);
    replayer.close();

    // The session is intact: alice's next message decrypts.
    const aliceAgain = createClient({ url: server.url, userId: 'alice', store: keep });
    onCleanup(() => aliceAgain.close());
    await aliceAgain.sendText('bob', 'still fine');
    await vi.waitFor(() => expect(texts(got)).toEqual(['original', 'still fine']));
  });

  it('gives both sides the same safety number, which changes with the account key, raising identity:changed', async () => {
    const { server } = await startServer();
    const bobStore = memoryClientStore();
    const keepBob = { transaction: bobStore.transaction.bind(bobStore), close: async () => {} };
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob', keepBob);
    await Promise.all([alice.connect(), bob.connect()]);
    await alice.sendText('bob', 'hi');
    await bob.sendText('alice', 'hi back');
    await vi.waitFor(async () => expect(await bob.safetyNumber('alice')).toMatch(/^\d{60}$/), { timeout: 15_000 });
    const before = await alice.safetyNumber('bob');
    expect(await bob.safetyNumber('alice')).toBe(before);

    // bob loses his Signal state (a reinstall that kept the device): new identity key, same device.
    await bob.close();
    await bobStore.transaction(async (tx) => {
      for (const ns of [
        'signal.local',
        'signal.identities',
        'signal.prekeys',
        'signal.signed-prekeys',
        'signal.sessions',
        'signal.meta',
      ]) {
        for (const [key] of await tx.list(ns)) await tx.delete(ns, key);
      }
    });
    const bobAgain = newClient(server.url, 'bob', keepBob);
    const got = collect(bobAgain);
    await bobAgain.connect();
    const changes: Array<{ userId: string; deviceId: number }> = [];
    alice.on('identity:changed', (e) => changes.push(e));

    // alice's old session no longer works; the retry path rebuilds it against the new identity.
    await alice.sendText('bob', 'after your reinstall');
    await vi.waitFor(() => expect(texts(got)).toEqual(['after your reinstall']), { timeout: 15_000 });
    // bob's only device started his signed device list anew: his account key changed.
    expect(changes).toContainEqual({ userId: 'bob', deviceId: 0 });
    const after = await alice.safetyNumber('bob');
    expect(after).not.toBe(before);
    await bobAgain.sendText('alice', 'compare numbers?');
    await vi.waitFor(async () => expect(await bobAgain.safetyNumber('alice')).toBe(after), { timeout: 15_000 });
  });

  it('delivers everything once when both sides start their sessions at the same moment', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const [toAlice, toBob] = [collect(alice), collect(bob)];
    // Both encrypt their first messages before either has seen the other's: two sessions race, and
    // messages on the losing one come back through retry requests (late, but once).
    const fromAlice = Array.from({ length: 20 }, (_, i) => `a${i}`);
    const fromBob = Array.from({ length: 20 }, (_, i) => `b${i}`);
    await Promise.all([
      ...fromAlice.map((t) => alice.sendText('bob', t)),
      ...fromBob.map((t) => bob.sendText('alice', t)),
    ]);
    await vi.waitFor(
      () => {
        expect(texts(toBob).sort()).toEqual([...fromAlice].sort());
        expect(texts(toAlice).sort()).toEqual([...fromBob].sort());
      },
      { timeout: 30_000 },
    );
  });

  it('reaches a user who had no device yet when first tried', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    await alice.connect();
    expect(isParleyError(await alice.sendText('bob', 'too early').catch((e: unknown) => e), 'UNKNOWN_RECIPIENT')).toBe(
      true,
    );
    const bob = newClient(server.url, 'bob');
    const got = collect(bob);
    await bob.connect();
    await alice.sendText('bob', 'now you exist');
    await vi.waitFor(() => expect(texts(got)).toEqual(['now you exist']));
  });
});
