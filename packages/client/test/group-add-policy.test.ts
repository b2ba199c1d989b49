// Issue 19 (a group naming a user who never signed in) and issue 17 finding 9 ("who can add me to
// groups"): the server refuses such creates and adds with a typed error naming the users, before
// storing anything.
import { isParleyError, type ParleyClient } from '@parley/client';
import { errorUserIds, type ParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { newClient, startServer } from './helpers/harness.js';

async function refusal(p: Promise<unknown>): Promise<ParleyError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isParleyError(error)) throw new Error(`expected a ParleyError, got ${String(error)}`);
  return error;
}

async function signedIn(url: string, ...userIds: string[]): Promise<ParleyClient[]> {
  const clients = userIds.map((u) => newClient(url, u));
  for (const c of clients) await c.connect();
  return clients;
}

describe('who may be added to a group', () => {
  it('refuses a create naming a user who never signed in, storing nothing', async () => {
    const { server, stores } = await startServer();
    const [alice] = await signedIn(server.url, 'alice', 'bob');
    const error = await refusal(alice!.groups.create({ name: 'g', members: ['bob', 'ghost', 'phantom'] }));
    expect(error.code).toBe('UNKNOWN_RECIPIENT');
    expect(errorUserIds(error)).toEqual(['ghost', 'phantom']);
    expect(await stores.groups.listForUser('alice')).toEqual([]);
    expect(await stores.groups.listForUser('bob')).toEqual([]);
    expect(await alice!.groups.list()).toEqual([]);
  });

  it('refuses an add naming a user who never signed in, adding nobody', async () => {
    const { server, stores } = await startServer();
    const [alice] = await signedIn(server.url, 'alice', 'bob', 'carol');
    const group = await alice!.groups.create({ name: 'g', members: ['bob'] });
    const error = await refusal(alice!.groups.add(group.id, ['carol', 'ghost']));
    expect(error.code).toBe('UNKNOWN_RECIPIENT');
    expect(errorUserIds(error)).toEqual(['ghost']);
    const stored = await stores.groups.get(group.id);
    expect(stored?.version).toBe(1);
    expect(stored?.members.map((m) => m.userId).sort()).toEqual(['alice', 'bob']);
    expect((await alice!.groups.get(group.id))?.members).toHaveLength(2);
    // The same add without the unknown user goes through.
    expect((await alice!.groups.add(group.id, ['carol'])).members).toHaveLength(3);
  });

  it("refuses everyone when the user's setting is 'nobody', on create and on add", async () => {
    const { server, stores } = await startServer();
    const [alice, bob] = await signedIn(server.url, 'alice', 'bob', 'carol');
    await bob!.setContacts(['alice']);
    await bob!.setGroupAdd('nobody');
    const onCreate = await refusal(alice!.groups.create({ name: 'g', members: ['carol', 'bob'] }));
    expect(onCreate.code).toBe('GROUP_ADD_REFUSED');
    expect(errorUserIds(onCreate)).toEqual(['bob']);
    expect(await stores.groups.listForUser('carol')).toEqual([]);
    const group = await alice!.groups.create({ name: 'g', members: ['carol'] });
    const onAdd = await refusal(alice!.groups.add(group.id, ['bob']));
    expect(onAdd.code).toBe('GROUP_ADD_REFUSED');
    expect(errorUserIds(onAdd)).toEqual(['bob']);
    expect((await stores.groups.get(group.id))?.version).toBe(1);
  });

  it("lets only the user's own contacts add them when the setting is 'contacts'", async () => {
    const { server } = await startServer();
    const [alice, bob, carol] = await signedIn(server.url, 'alice', 'bob', 'carol');
    await bob!.setGroupAdd('contacts');
    await bob!.setContacts(['alice']);
    // Carol listing bob as her contact does not make her one of his.
    await carol!.setContacts(['bob']);
    const refused = await refusal(carol!.groups.create({ name: 'c', members: ['bob'] }));
    expect(refused.code).toBe('GROUP_ADD_REFUSED');
    expect(errorUserIds(refused)).toEqual(['bob']);
    expect((await alice!.groups.create({ name: 'a', members: ['bob'] })).members).toHaveLength(2);
    // Back to everyone: carol may add him too.
    await bob!.setGroupAdd('everyone');
    expect((await carol!.groups.create({ name: 'c', members: ['bob'] })).members).toHaveLength(2);
  });

  it('checks only the users a change brings in: members already in are not asked again', async () => {
    const { server } = await startServer();
    const [alice, bob] = await signedIn(server.url, 'alice', 'bob', 'carol');
    const group = await alice!.groups.create({ name: 'g', members: ['bob'] });
    await bob!.setGroupAdd('nobody');
    expect((await alice!.groups.add(group.id, ['carol'])).members).toHaveLength(3);
    expect((await alice!.groups.rename(group.id, 'renamed')).name).toBe('renamed');
  });

  it('refuses a setting outside the three values locally', async () => {
    const { server } = await startServer();
    const [alice] = await signedIn(server.url, 'alice');
    const error = await refusal(alice!.setGroupAdd('friends' as 'nobody'));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});
