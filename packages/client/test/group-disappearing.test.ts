import { type ClientStore, type Clock, createClient, isParleyError, memoryClientStore } from '@parley/client';
import { pb } from '@parley/core';
import { groupRecordHash, signGroupRecord } from '@parley/core/groups';
import { describe, expect, it, vi } from 'vitest';
import { txSignalStore } from '../src/e2ee/tx-signal-store.js';
import { onCleanup, reusable, startServer } from './helpers/harness.js';

// The group disappearing timer end to end: an admin's signed record, verified by every member
// device, applied to what is sent after it, enforced on every device, one offline at expiry included.

function clockedClient(url: string, userId: string, clock: Clock, store: ClientStore = memoryClientStore()) {
  const client = createClient({ url, userId, store, clock, reconnect: { minDelayMs: 20, maxDelayMs: 200 } });
  onCleanup(() => client.close());
  return client;
}

async function identityOf(store: ClientStore) {
  const local = await store.transaction((tx) => txSignalStore(tx).getLocalIdentity());
  if (!local) throw new Error('no identity');
  return local.identityKeyPair;
}

const DAY_MS = 86_400_000;

describe('group disappearing timer', () => {
  it('is set by an admin in a signed record and deletes later messages on every device, also one offline at expiry', async () => {
    const { server } = await startServer();
    let now = Date.now();
    const clock: Clock = { now: () => now };
    const carolStore = memoryClientStore();
    const alice = clockedClient(server.url, 'alice', clock);
    const bob = clockedClient(server.url, 'bob', clock);
    let carol = clockedClient(server.url, 'carol', clock, reusable(carolStore));
    await Promise.all([alice.connect(), bob.connect(), carol.connect()]);
    const group = await alice.groups.create({ name: 'g', members: ['bob', 'carol'] });
    await vi.waitFor(async () => expect((await carol.groups.get(group.id))?.version).toBe(1));
    const before = await bob.sendText(group.id, 'before the timer');
    now += 1;

    // A member may not set it: the server refuses the record (and the client would not apply it).
    const refused = await bob.actions.setDisappearing(group.id, 86_400).catch((e: unknown) => e);
    expect(isParleyError(refused, 'FORBIDDEN')).toBe(true);

    const settings: Array<{ chatId: string; disappearingS: number; by: string }> = [];
    carol.on('chat:setting', (s) => settings.push(s));
    await alice.actions.setDisappearing(group.id, 86_400);
    await vi.waitFor(async () => {
      for (const d of [alice, bob, carol]) {
        expect(await d.actions.disappearing(group.id)).toBe(86_400);
        expect((await d.groups.get(group.id))?.disappearingS).toBe(86_400);
      }
    });
    expect(settings).toEqual([{ chatId: group.id, disappearingS: 86_400, by: 'alice' }]);

    now += 1;
    const after = await bob.sendText(group.id, 'after the timer');
    await vi.waitFor(async () => {
      for (const d of [alice, bob, carol]) expect((await d.getMessage(after.id))?.expiresAt).toBe(now + DAY_MS);
    });
    for (const d of [alice, bob, carol]) expect((await d.getMessage(before.id))?.expiresAt).toBeUndefined();

    await carol.close(); // offline when the time runs out
    now += DAY_MS + 1;
    await alice.actions.sweepExpired();
    await bob.actions.sweepExpired();
    for (const d of [alice, bob]) {
      expect(await d.getMessage(after.id)).toBeUndefined();
      expect((await d.getMessage(before.id))?.content).toEqual({ kind: 'text', text: 'before the timer' });
    }
    carol = clockedClient(server.url, 'carol', clock, reusable(carolStore));
    await carol.connect();
    expect(await carol.getMessage(after.id)).toBeUndefined();
    expect((await carol.getMessage(before.id))?.content).toEqual({ kind: 'text', text: 'before the timer' });
  }, 60_000);

  it('cannot be changed by the server: a forged timer record is refused and flagged', async () => {
    const { server, stores } = await startServer();
    const bobStore = memoryClientStore();
    const alice = clockedClient(server.url, 'alice', { now: () => Date.now() });
    let bob = clockedClient(server.url, 'bob', { now: () => Date.now() }, reusable(bobStore));
    await Promise.all([alice.connect(), bob.connect()]);
    const group = await alice.groups.create({ name: 'g', members: ['bob'] });
    await alice.groups.setDisappearing(group.id, 604_800);
    await vi.waitFor(async () => expect((await bob.groups.get(group.id))?.disappearingS).toBe(604_800));

    // The server hands bob a version-3 record turning the timer off, signed by bob's own device (a
    // member, not an admin): it verifies as a signature but breaks the rules.
    const [, head] = await stores.groups.history(group.id, 1, 2);
    const bobKeys = await identityOf(bobStore);
    const forged = await signGroupRecord(
      {
        groupId: group.id,
        version: 3,
        prevHash: groupRecordHash(head as Uint8Array),
        actor: { userId: 'bob', deviceId: bob.deviceId },
        at: Date.now(),
        actorIdentityKey: bobKeys.publicKey,
        disappearing: {},
      },
      bobKeys.privateKey,
    );
    await bob.close();
    await stores.queue.enqueue([
      {
        device: { userId: 'bob', deviceId: bob.deviceId },
        id: 'forged-timer',
        data: pb.Envelope.encode({ id: 'forged-timer', groupId: group.id, groupRecord: forged }).finish(),
      },
    ]);
    bob = clockedClient(server.url, 'bob', { now: () => Date.now() }, reusable(bobStore));
    const flags: string[] = [];
    bob.on('group:flagged', (f) => flags.push(f.reason));
    await bob.connect();
    await vi.waitFor(() => expect(flags.length).toBeGreaterThan(0), { timeout: 20_000 });
    expect((await bob.groups.get(group.id))?.disappearingS).toBe(604_800);
    expect(await bob.actions.disappearing(group.id)).toBe(604_800);
    const sent = await bob.sendText(group.id, 'still disappears');
    expect((await bob.getMessage(sent.id))?.expiresAt).toBeDefined();
  }, 60_000);
});
