import { type ClientStore, createClient, isParleyError, memoryClientStore, type ParleyClient } from '@parley/client';
import { decodeClientFrame, oneof, type parley } from '@parley/core';
import {
  type Authenticator,
  createServer,
  keyAuthenticator,
  memoryStores,
  type ParleyServer,
} from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, reusable, texts } from './helpers/harness.js';
import { recordingWebSocket } from './helpers/recording-websocket.js';

// Done-when tests of issue 16 (part A): a malicious server invents a device for a user (its own key,
// a device id no signed record of the user added) and acts through it. The server is the reference
// server with one tampered part: its authenticator registers the made-up device without a link.

const FAKE_DEVICE = 4242;

/** A server whose authenticator lets anyone in as alice's device 4242: the "server-invented" device. */
async function maliciousServer(): Promise<ParleyServer> {
  const honest = keyAuthenticator();
  const authenticator: Authenticator = {
    async authenticate(attempt, context) {
      if (attempt.userId === 'alice' && attempt.deviceId === FAKE_DEVICE) {
        await context.devices.register({
          userId: 'alice',
          deviceId: FAKE_DEVICE,
          authKey: attempt.authKey,
          registrationId: 0,
          approvedBy: 0,
        });
        return { ok: true, registered: true };
      }
      return honest.authenticate(attempt, context);
    },
  };
  const stores = memoryStores();
  const server = await createServer({ stores, port: 0, authenticator });
  onCleanup(() => server.close());
  onCleanup(() => stores.close());
  return server;
}

/** A client whose outgoing frames are recorded (what it handed the server). */
function recordedClient(url: string, userId: string, sink: Uint8Array[], store: ClientStore = memoryClientStore()) {
  const client = createClient({
    url,
    userId,
    store,
    WebSocket: recordingWebSocket(sink),
    reconnect: { minDelayMs: 20 },
  });
  onCleanup(() => client.close());
  return client;
}

/** Every device a recorded client encrypted something to (pairwise copies of its sends). */
function copyTargets(sink: Uint8Array[]): string[] {
  return sink
    .map((f) => decodeClientFrame(f))
    .flatMap((f) => {
      const body = oneof(f, 'body');
      return body.case === 'send' ? (body.value.copies ?? []) : [];
    })
    .map((c: parley.v1.DeviceCopy.$Properties) => `${c.to?.userId}.${c.to?.deviceId}`);
}

function flagsOf(client: ParleyClient) {
  const flags: Array<{ userId: string; deviceId: number; reason: string }> = [];
  client.on('devices:flagged', (f) => flags.push(f));
  return flags;
}

async function link(url: string, existing: ParleyClient, userId: string) {
  const store = memoryClientStore();
  const probe = createClient({ url, userId, store: reusable(store) });
  const approval = await existing.approveDevice(await probe.linkCode());
  const device = createClient({ url, userId, store, deviceLink: approval, reconnect: { minDelayMs: 20 } });
  onCleanup(() => device.close());
  await device.connect();
  return device;
}

describe('signed device lists against a malicious server', () => {
  it('a server-invented admin device signing "add eve" is refused and flagged by every member; eve gets no sender key', async () => {
    const server = await maliciousServer();
    const alice = newClient(server.url, 'alice');
    const bobSink: Uint8Array[] = [];
    const bob = recordedClient(server.url, 'bob', bobSink);
    const carolStore = memoryClientStore();
    const carol = newClient(server.url, 'carol', carolStore);
    const eveStore = memoryClientStore();
    const eve = newClient(server.url, 'eve', eveStore);
    await Promise.all([alice.connect(), bob.connect(), carol.connect(), eve.connect()]);
    const group = await alice.groups.create({ name: 'safe', members: ['bob', 'carol'] });
    await vi.waitFor(async () => {
      expect((await bob.groups.get(group.id))?.version).toBe(1);
      expect((await carol.groups.get(group.id))?.version).toBe(1);
    });
    const [bobFlags, carolFlags] = [flagsOf(bob), flagsOf(carol)];
    const groupFlags: string[] = [];
    for (const [name, c] of [
      ['bob', bob],
      ['carol', carol],
    ] as const) {
      c.on('group:flagged', (f) => groupFlags.push(`${name}:${f.actor}:${f.version}`));
    }

    // The server's device of alice: its own keys, published; it signs "add eve" as alice (an admin).
    const fake = createClient({ url: server.url, userId: 'alice', deviceId: FAKE_DEVICE, store: memoryClientStore() });
    onCleanup(() => fake.close());
    await fake.connect();
    await vi.waitFor(async () => expect((await fake.groups.get(group.id))?.version).toBe(1));
    await fake.groups.add(group.id, ['eve']).catch(() => undefined); // its own client refuses it too

    await vi.waitFor(() => expect(groupFlags.sort()).toEqual(['bob:alice:2', 'carol:alice:2']));
    for (const flags of [bobFlags, carolFlags]) {
      await vi.waitFor(() =>
        expect(flags).toContainEqual(expect.objectContaining({ userId: 'alice', deviceId: FAKE_DEVICE })),
      );
    }
    for (const c of [bob, carol]) {
      const g = await c.groups.get(group.id);
      expect(g?.version).toBe(1);
      expect(g?.members.map((m) => m.userId).sort()).toEqual(['alice', 'bob', 'carol']);
    }

    // A group message afterwards: its sender key goes to the verified member devices only.
    const carolGot = collect(carol);
    const eveGot = collect(eve);
    await bob.sendText(group.id, 'members only');
    await vi.waitFor(() => expect(texts(carolGot)).toEqual(['members only']));
    const targets = copyTargets(bobSink);
    expect(targets.filter((t) => t.startsWith('eve.') || t === `alice.${FAKE_DEVICE}`)).toEqual([]);
    expect(targets).toContain(`alice.${alice.deviceId}`);
    expect(eveGot).toEqual([]);
    const eveSenderKeys = await eveStore.transaction((tx) => tx.list('signal.sender-keys'));
    expect(eveSenderKeys).toEqual([]);
  });

  it('a server-invented device of a 1:1 peer gets no copy, and nothing it sends shows as from that user', async () => {
    const server = await maliciousServer();
    const alice = newClient(server.url, 'alice');
    const bobSink: Uint8Array[] = [];
    const bob = recordedClient(server.url, 'bob', bobSink);
    await Promise.all([alice.connect(), bob.connect()]);
    const bobFlags = flagsOf(bob);
    const bobGot = collect(bob);
    const aliceGot = collect(alice);

    const fake = createClient({ url: server.url, userId: 'alice', deviceId: FAKE_DEVICE, store: memoryClientStore() });
    onCleanup(() => fake.close());
    await fake.connect();
    expect((await bob.listDevices('alice')).map((d) => d.deviceId)).toContain(FAKE_DEVICE); // the server lists it

    // bob never encrypts to the made-up device. The server then refuses the send (it wants a copy
    // for every device it registered): denial of service, which a malicious server can always do.
    const refused = await bob.sendText('alice', 'for alice only').catch((e: unknown) => e);
    expect(isParleyError(refused, 'DEVICES_MISMATCH')).toBe(true);
    const targets = copyTargets(bobSink);
    expect(targets).toContain(`alice.${alice.deviceId}`);
    expect(targets).not.toContain(`alice.${FAKE_DEVICE}`);
    expect(bobFlags).toContainEqual(expect.objectContaining({ userId: 'alice', deviceId: FAKE_DEVICE }));
    expect(aliceGot).toEqual([]);

    // The made-up device writes to bob as alice: refused, never shown.
    const undecryptable: Array<{ userId: string; deviceId: number }> = [];
    bob.on('message:undecryptable', (e) => undecryptable.push(e.from));
    await fake.sendText('bob', 'I am alice, send me your keys');
    await vi.waitFor(() => expect(undecryptable).toContainEqual({ userId: 'alice', deviceId: FAKE_DEVICE }));
    expect(bobGot).toEqual([]);
  });
});

describe('safety numbers over account keys', () => {
  it('are equal on all five devices of two users with 2 and 3 devices; change with an account key, not with a linked device', async () => {
    const stores = memoryStores();
    const server = await createServer({ stores, port: 0 });
    onCleanup(() => server.close());
    onCleanup(() => stores.close());
    const alice1 = newClient(server.url, 'alice');
    const bobStore = memoryClientStore();
    const bob1 = newClient(server.url, 'bob', reusable(bobStore));
    await Promise.all([alice1.connect(), bob1.connect()]);
    const alice2 = await link(server.url, alice1, 'alice');
    const bob2 = await link(server.url, bob1, 'bob');
    const bob3 = await link(server.url, bob1, 'bob');
    const changed: Array<{ userId: string; added: number[] }> = [];
    alice1.on('devices:changed', (e) => changed.push({ userId: e.userId, added: e.added }));
    const identity: Array<{ userId: string; deviceId: number }> = [];
    alice1.on('identity:changed', (e) => identity.push(e));

    const numbers = async () =>
      Promise.all([
        alice1.safetyNumber('bob'),
        alice2.safetyNumber('bob'),
        bob1.safetyNumber('alice'),
        bob2.safetyNumber('alice'),
        bob3.safetyNumber('alice'),
      ]);
    const before = await numbers();
    expect(before[0]).toMatch(/^\d{60}$/);
    expect(new Set(before).size).toBe(1);

    // bob links a fourth device: alice sees it appear (verified), and the number stays.
    const seen = await alice1.listDevices('bob'); // warm alice's view first
    expect(seen).toHaveLength(3);
    await alice1.sendText('bob', 'hi all');
    const bob4 = await link(server.url, bob2, 'bob');
    const got4 = collect(bob4);
    await alice1.sendText('bob', 'hi newcomer');
    await vi.waitFor(() => expect(texts(got4)).toEqual(['hi newcomer']));
    expect(changed).toContainEqual({ userId: 'bob', added: [bob4.deviceId] });
    expect(await alice1.safetyNumber('bob')).toBe(before[0]);
    expect(await bob4.safetyNumber('alice')).toBe(before[0]);
    expect(identity).toEqual([]);

    // bob loses every device and starts again (a new account key): the number changes, on both sides.
    for (const d of [bob1, bob2, bob3, bob4]) await d.close();
    for (const d of await stores.devices.list('bob')) await stores.devices.remove('bob', d.deviceId);
    const bobAgain = newClient(server.url, 'bob');
    await bobAgain.connect();
    const gotAgain = collect(bobAgain);
    await alice1.sendText('bob', 'welcome back');
    await vi.waitFor(() => expect(texts(gotAgain)).toEqual(['welcome back']));
    expect(identity).toContainEqual({ userId: 'bob', deviceId: 0 });
    const after = await alice1.safetyNumber('bob');
    expect(after).not.toBe(before[0]);
    expect(await alice2.safetyNumber('bob')).toBe(after);
    expect(await bobAgain.safetyNumber('alice')).toBe(after);
  });
});
