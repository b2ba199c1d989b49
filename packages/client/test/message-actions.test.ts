import {
  type ClientStore,
  type Clock,
  createClient,
  isParleyError,
  memoryClientStore,
  type ParleyClient,
} from '@parley/client';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, reusable, startServer } from './helpers/harness.js';

/** A client on an injected clock (disappearing messages are tested by moving it). */
function clockedClient(url: string, userId: string, clock: Clock, store: ClientStore = memoryClientStore()) {
  const client = createClient({ url, userId, store, clock, reconnect: { minDelayMs: 20, maxDelayMs: 200 } });
  onCleanup(() => client.close());
  return client;
}

/** Links a new device of `existing`'s user, on `store`, and connects it. */
async function link(url: string, existing: ParleyClient, store: ClientStore, clock?: Clock) {
  const userId = existing.userId;
  const probe = createClient({ url, userId, store: reusable(store) });
  const deviceLink = await existing.approveDevice(await probe.linkCode());
  const device = createClient({
    url,
    userId,
    store,
    deviceLink,
    reconnect: { minDelayMs: 20, maxDelayMs: 200 },
    ...(clock ? { clock } : {}),
  });
  onCleanup(() => device.close());
  await device.connect();
  return device;
}

const contentOf = async (c: ParleyClient, id: string) => (await c.getMessage(id))?.content;

describe('message actions between devices', () => {
  it('replies, reacts, edits and deletes for everyone on all five devices of two users', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const alice2 = await link(server.url, alice, memoryClientStore());
    const bob2 = await link(server.url, bob, memoryClientStore());
    const bob3 = await link(server.url, bob, memoryClientStore());
    const all = [alice, alice2, bob, bob2, bob3];
    const mentioned: string[] = [];
    bob2.on('message:mentioned', (m) => mentioned.push(m.id));

    const { id } = await alice.sendText('bob', 'meet at 5');
    await vi.waitFor(async () => {
      for (const d of all) expect(await contentOf(d, id)).toEqual({ kind: 'text', text: 'meet at 5' });
    });

    const reply = await bob2.actions.reply(id, 'ok', { mentions: ['alice'] });
    await vi.waitFor(async () => {
      for (const d of all) {
        expect((await d.getMessage(reply.id))?.replyTo).toEqual({ id, userId: 'alice', text: 'meet at 5' });
      }
    });

    await bob3.actions.react(id, '👍');
    await alice2.actions.react(id, '❤️');
    await vi.waitFor(async () => {
      for (const d of all) {
        const reactions = (await d.getMessage(id))?.reactions ?? [];
        expect(reactions.map((r) => `${r.userId}:${r.emoji}`).sort()).toEqual(['alice:❤️', 'bob:👍']);
      }
    });

    const refused = await bob.actions.edit(id, 'meet at 6').catch((e: unknown) => e);
    expect(isParleyError(refused, 'FORBIDDEN')).toBe(true);
    await alice2.actions.edit(id, 'meet at 6');
    await vi.waitFor(async () => {
      for (const d of all) {
        const m = await d.getMessage(id);
        expect(m?.content).toEqual({ kind: 'text', text: 'meet at 6' });
        expect(m?.edited).toBeDefined();
        // The earlier text stays on the sender's devices only.
        expect(m?.edited?.previous?.map((p) => p.text)).toEqual(d.userId === 'alice' ? ['meet at 5'] : undefined);
      }
    });

    const updates: string[] = [];
    bob3.on('message:updated', (e) => updates.push(e.change));
    await alice.actions.deleteForEveryone(id);
    await vi.waitFor(async () => {
      for (const d of all) {
        const m = await d.getMessage(id);
        expect(m?.content).toEqual({ kind: 'deleted' });
        expect(m?.deleted?.by).toBe('alice');
        expect(JSON.stringify(m)).not.toMatch(/meet at/);
      }
    });
    expect(updates).toEqual(['delete']);
    expect(mentioned).toEqual([]); // bob's own reply mentions alice, not bob
  }, 60_000);

  it('deletes a media message for everyone and its blob on the server, which no one can download then', async () => {
    const { server, stores } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const data = new Uint8Array(5000).fill(7);
    const { id } = await alice.sendImage('bob', data, { mimeType: 'image/png', caption: 'private photo' });
    await vi.waitFor(async () => expect((await bob.getMessage(id))?.content.kind).toBe('media'));
    const m = await bob.getMessage(id);
    if (m?.content.kind !== 'media') throw new Error('no media');
    const media = m.content.media; // what bob had before the delete
    const blobId = media.blobId;
    expect(await stores.media?.get(blobId)).toBeDefined();
    await alice.actions.deleteForEveryone(id);
    await vi.waitFor(async () => expect(await stores.media?.get(blobId)).toBeUndefined());
    await vi.waitFor(async () => expect(await contentOf(bob, id)).toEqual({ kind: 'deleted' }));
    expect(JSON.stringify(await bob.getMessage(id))).not.toMatch(/private photo|mediaKey/);
    const failed = await bob.downloadMedia(media).catch((e: unknown) => e);
    expect(isParleyError(failed, 'NOT_FOUND')).toBe(true);
  }, 30_000);

  it('tells a mentioned group member, and lets an admin delete a member’s group message', async () => {
    const { server } = await startServer();
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((u) => newClient(server.url, u)) as [
      ParleyClient,
      ParleyClient,
      ParleyClient,
    ];
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    const group = await alice.groups.create({ name: 'g', members: ['bob', 'carol'] });
    await vi.waitFor(async () => expect((await carol.groups.get(group.id))?.version).toBe(1));
    const mentions: string[] = [];
    carol.on('message:mentioned', (m) => mentions.push(m.id));
    const { id } = await bob.actions.sendText(group.id, 'hey @carol', { mentions: ['carol'] });
    await vi.waitFor(() => expect(mentions).toEqual([id]));
    await vi.waitFor(async () => expect(await contentOf(alice, id)).toBeDefined());
    const refused = await carol.actions.deleteForEveryone(id).catch((e: unknown) => e);
    expect(isParleyError(refused, 'FORBIDDEN')).toBe(true);
    await alice.actions.deleteForEveryone(id);
    await vi.waitFor(async () => {
      for (const d of [alice, bob, carol]) expect(await contentOf(d, id)).toEqual({ kind: 'deleted' });
    });
  }, 60_000);

  it('deletes disappearing messages on every device after the timer, also on one offline at expiry', async () => {
    const { server } = await startServer();
    let now = Date.now();
    const clock: Clock = { now: () => now };
    const alice = clockedClient(server.url, 'alice', clock);
    const bob = clockedClient(server.url, 'bob', clock);
    await Promise.all([alice.connect(), bob.connect()]);
    const bob2Store = memoryClientStore();
    let bob2 = await link(server.url, bob, reusable(bob2Store), clock);
    const all = () => [alice, bob, bob2];

    const before = await alice.sendText('bob', 'before the timer');
    await alice.actions.setDisappearing('bob', 86_400);
    await vi.waitFor(async () => {
      expect(await bob.actions.disappearing('alice')).toBe(86_400);
      expect(await bob2.actions.disappearing('alice')).toBe(86_400);
    });
    const after = await bob2.sendText('alice', 'after the timer');
    await vi.waitFor(async () => {
      for (const d of all()) expect(await contentOf(d, after.id)).toEqual({ kind: 'text', text: 'after the timer' });
    });
    expect((await alice.getMessage(after.id))?.expiresAt).toBe((await bob2.getMessage(after.id))?.expiresAt);

    await bob2.close(); // offline when the time runs out
    now += 86_400_000 + 1;
    const expired: string[] = [];
    alice.on('message:expired', (e) => expired.push(e.id));
    await alice.actions.sweepExpired();
    await bob.actions.sweepExpired();
    for (const d of [alice, bob]) {
      expect(await d.getMessage(after.id)).toBeUndefined();
      expect(await contentOf(d, before.id)).toEqual({ kind: 'text', text: 'before the timer' });
    }
    expect(expired).toEqual([after.id]);

    bob2 = createClient({ url: server.url, userId: 'bob', store: reusable(bob2Store), clock });
    onCleanup(() => bob2.close());
    await bob2.connect();
    expect(await bob2.getMessage(after.id)).toBeUndefined();
    expect(await contentOf(bob2, before.id)).toEqual({ kind: 'text', text: 'before the timer' });
  }, 60_000);

  it('shows typing in a group to the other members only, and refuses it from a non-member', async () => {
    const { server } = await startServer();
    const [alice, bob, carol, mallory] = ['alice', 'bob', 'carol', 'mallory'].map((u) => newClient(server.url, u)) as [
      ParleyClient,
      ParleyClient,
      ParleyClient,
      ParleyClient,
    ];
    await Promise.all([alice, bob, carol, mallory].map((c) => c.connect()));
    const group = await alice.groups.create({ name: 'g', members: ['bob', 'carol'] });
    await vi.waitFor(async () => expect((await carol.groups.get(group.id))?.version).toBe(1));
    const heard = new Map<ParleyClient, string[]>();
    for (const c of [alice, bob, carol, mallory]) {
      const list: string[] = [];
      heard.set(c, list);
      c.on('typing:changed', (e) => list.push(`${e.chatId}:${e.userId}:${e.typing}`));
    }
    await bob.setTyping(group.id, true);
    await vi.waitFor(() => {
      expect(heard.get(alice)).toEqual([`${group.id}:bob:true`]);
      expect(heard.get(carol)).toEqual([`${group.id}:bob:true`]);
    });
    await bob.setTyping(group.id, false);
    await vi.waitFor(() => expect(heard.get(carol)).toEqual([`${group.id}:bob:true`, `${group.id}:bob:false`]));
    // mallory is not a member: the server refuses, and the server's group id is no secret to guess.
    const refused = await (mallory as unknown as { request(b: unknown): Promise<unknown> })
      .request({ typing: { groupId: group.id, typing: true } })
      .catch((e: unknown) => e);
    expect(isParleyError(refused, 'NOT_GROUP_MEMBER')).toBe(true);
    expect(heard.get(bob)).toEqual([]);
    expect(heard.get(mallory)).toEqual([]);
  }, 30_000);

  it('converges on one timer when both sides change it at once', async () => {
    const { server } = await startServer();
    const alice = newClient(server.url, 'alice');
    const bob = newClient(server.url, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    await Promise.all([alice.actions.setDisappearing('bob', 604_800), bob.actions.setDisappearing('alice', 86_400)]);
    // Same version on both sides: the higher user id (bob) wins everywhere.
    await vi.waitFor(async () => {
      expect(await alice.actions.disappearing('bob')).toBe(86_400);
      expect(await bob.actions.disappearing('alice')).toBe(86_400);
    });
    const refused = await alice.actions.setDisappearing('bob', 3600).catch((e: unknown) => e);
    expect(isParleyError(refused, 'INVALID_ARGUMENT')).toBe(true);
  }, 30_000);
});
