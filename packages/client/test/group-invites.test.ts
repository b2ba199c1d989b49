// Issue 17 finding 9: a user whose "who can add me to groups" setting refuses an admin can still
// join by accepting the admin's invitation. The admin's device adds them only for an answer that
// matches the invitation it issued, and the server takes the signed consent only as given.
import { createClient, isParleyError, memoryClientStore, type ParleyClient } from '@parley/client';
import { errorUserIds } from '@parley/core';
import { signJoinConsent } from '@parley/core/groups';
import { describe, expect, it, vi } from 'vitest';
import { sendInvite } from '../src/actions/send-action.js';
import type { Parts } from '../src/client-parts.js';
import { txSignalStore } from '../src/e2ee/tx-signal-store.js';
import type { JoinConsent } from '../src/groups/group-invites.js';
import { newClient, onCleanup, startServer } from './helpers/harness.js';

const partsOf = (c: ParleyClient) => (c as unknown as { parts: Parts }).parts;

async function identityOf(c: ParleyClient) {
  const local = await (
    c as unknown as { options: { store: ReturnType<typeof memoryClientStore> } }
  ).options.store.transaction((tx) => txSignalStore(tx).getLocalIdentity());
  if (!local) throw new Error('no identity');
  return local.identityKeyPair;
}

async function consentOf(
  signer: ParleyClient,
  fields: { groupId: string; inviterUserId: string; expiresAt: number; userId?: string; deviceId?: number },
): Promise<JoinConsent> {
  const invitee = { userId: fields.userId ?? signer.userId, deviceId: fields.deviceId ?? signer.deviceId };
  const consent = {
    groupId: fields.groupId,
    invitee,
    inviterUserId: fields.inviterUserId,
    expiresAt: fields.expiresAt,
  };
  const signed = await signJoinConsent(consent, (await identityOf(signer)).privateKey);
  return { ...consent, signature: signed.signature as Uint8Array };
}

async function setup() {
  const { server, stores } = await startServer();
  const [alice, bob, carol, mallory] = ['alice', 'bob', 'carol', 'mallory'].map((u) => newClient(server.url, u));
  for (const c of [alice, bob, carol, mallory]) await c!.connect();
  await bob!.setGroupAdd('nobody');
  const group = await alice!.groups.create({ name: 'dinner', members: ['carol'] });
  return { stores, alice: alice!, bob: bob!, carol: carol!, mallory: mallory!, group };
}

async function refusal(p: Promise<unknown>) {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isParleyError(error)) throw new Error(`expected a ParleyError, got ${String(error)}`);
  return error;
}

describe('group invitations', () => {
  it('adds a user whose setting refuses the admin once they accept the invitation', async () => {
    const { stores, alice, bob, group } = await setup();
    const refused = await refusal(alice.groups.add(group.id, ['bob']));
    expect(refused.code).toBe('GROUP_ADD_REFUSED');
    expect(errorUserIds(refused)).toEqual(['bob']);

    const invited = vi.fn();
    bob.on('group:invited', invited);
    const accepted = vi.fn();
    alice.on('group:invite-accepted', accepted);
    const { inviteId } = await alice.groups.invite(group.id, 'bob');
    await vi.waitFor(() => expect(invited).toHaveBeenCalledTimes(1));
    expect(invited.mock.calls[0]?.[0]).toMatchObject({
      inviteId,
      groupId: group.id,
      groupName: 'dinner',
      from: 'alice',
    });
    expect((await bob.groups.invitations()).map((i) => i.inviteId)).toEqual([inviteId]);
    // Nothing happens before bob accepts.
    expect((await stores.groups.get(group.id))?.members.map((m) => m.userId)).not.toContain('bob');

    await bob.groups.acceptInvite(inviteId);
    await vi.waitFor(() => expect(accepted).toHaveBeenCalledTimes(1));
    expect(accepted.mock.calls[0]?.[0]).toEqual({ inviteId, groupId: group.id, userId: 'bob' });
    expect((await stores.groups.get(group.id))?.members.map((m) => m.userId).sort()).toEqual(['alice', 'bob', 'carol']);
    await vi.waitFor(async () => expect((await bob.groups.get(group.id))?.isMember).toBe(true));
  });

  it('refuses answers that do not match the invitation this device issued', async () => {
    const { stores, alice, bob, mallory, group } = await setup();
    const refusedActions: string[] = [];
    alice.on('action:refused', (e) => refusedActions.push(e.reason));
    const accepted = vi.fn();
    alice.on('group:invite-accepted', accepted);
    const { inviteId, expiresAt } = await alice.groups.invite(group.id, 'bob');
    const send = async (from: ParleyClient, consent: JoinConsent, id = inviteId) => {
      const p = partsOf(from);
      const deps = { store: memoryClientStore(), outbox: p.outbox, self: p.identity, clock: { now: () => Date.now() } };
      deps.store = (from as unknown as { options: { store: typeof deps.store } }).options.store;
      await (await sendInvite(deps, 'alice', { kind: 'accept', inviteId: id, consent })).sent;
    };
    // Mallory answers bob's invitation with her own valid consent.
    await send(mallory, await consentOf(mallory, { groupId: group.id, inviterUserId: 'alice', expiresAt }));
    // Bob answers with a consent for another group, and with one naming another inviter.
    await send(bob, await consentOf(bob, { groupId: 'another', inviterUserId: 'alice', expiresAt }));
    await send(bob, await consentOf(bob, { groupId: group.id, inviterUserId: 'mallory', expiresAt }));
    // And with one naming another device of his than the one that answers.
    const otherDevice = bob.deviceId + 1;
    await send(
      bob,
      await consentOf(bob, { groupId: group.id, inviterUserId: 'alice', expiresAt, deviceId: otherDevice }),
    );
    await vi.waitFor(() => expect(refusedActions).toHaveLength(4));
    expect(refusedActions).toEqual([
      'the answer does not come from the invitee',
      'the consent is not for the invitation issued',
      'the consent is not for the invitation issued',
      'the consent is not signed by the answering device',
    ]);
    // The genuine answer goes through once; a second one is refused.
    await bob.groups.acceptInvite(inviteId);
    await vi.waitFor(() => expect(accepted).toHaveBeenCalledTimes(1));
    await bob.groups.acceptInvite(inviteId);
    await vi.waitFor(() => expect(refusedActions).toContain('the invitation was accepted already'));
    expect(accepted).toHaveBeenCalledTimes(1);
    expect((await stores.groups.get(group.id))?.members.map((m) => m.userId)).not.toContain('mallory');
  });

  it('ignores an answer to an invitation this device never issued', async () => {
    const { alice, bob, group } = await setup();
    const reports = vi.fn();
    alice.on('action:refused', reports);
    alice.on('group:invite-accepted', reports);
    const consent = await consentOf(bob, { groupId: group.id, inviterUserId: 'alice', expiresAt: Date.now() + 60_000 });
    const p = partsOf(bob);
    const store = (bob as unknown as { options: { store: ReturnType<typeof memoryClientStore> } }).options.store;
    const deps = { store, outbox: p.outbox, self: p.identity, clock: { now: () => Date.now() } };
    await (await sendInvite(deps, 'alice', { kind: 'accept', inviteId: 'never-issued', consent })).sent;
    // A text after it: once alice has it, she has filed the answer too (same chat, in order).
    const marker = await bob.sendText('alice', 'after');
    await vi.waitFor(async () => expect(await alice.getMessage(marker.id)).toBeDefined());
    expect(reports).not.toHaveBeenCalled();
    expect((await alice.groups.get(group.id))?.members).toHaveLength(2);
  });

  it('refuses an answer that comes after the invitation expired', async () => {
    const { server } = await startServer();
    let now = Date.now();
    const alice = createClient({
      url: server.url,
      userId: 'alice',
      store: memoryClientStore(),
      clock: { now: () => now },
    });
    onCleanup(() => alice.close());
    const bob = newClient(server.url, 'bob');
    await alice.connect();
    await bob.connect();
    await bob.setGroupAdd('nobody');
    const group = await alice.groups.create({ name: 'late', members: [] });
    const reasons: string[] = [];
    alice.on('action:refused', (e) => reasons.push(e.reason));
    const { inviteId, expiresAt } = await alice.groups.invite(group.id, 'bob');
    await vi.waitFor(async () => expect(await bob.groups.invitations()).toHaveLength(1));
    now = expiresAt; // alice's device: the invitation ran out just as bob accepts
    await bob.groups.acceptInvite(inviteId);
    await vi.waitFor(() => expect(reasons).toEqual(['the invitation expired']));
    expect((await alice.groups.get(group.id))?.members).toHaveLength(1);
  });

  it('lets only admins invite, and only non-members', async () => {
    const { alice, carol, group } = await setup();
    await vi.waitFor(async () => expect((await carol.groups.get(group.id))?.isMember).toBe(true));
    expect((await refusal(carol.groups.invite(group.id, 'bob'))).code).toBe('FORBIDDEN');
    expect((await refusal(alice.groups.invite(group.id, 'carol'))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(alice.groups.invite('no-such-group', 'bob'))).code).toBe('NOT_FOUND');
  });

  describe('the server', () => {
    it('takes a consent only for its group, inviter, signer and time', async () => {
      const { stores, alice, bob, mallory, group } = await setup();
      const manager = partsOf(alice).groups;
      const soon = Date.now() + 60_000;
      const tryAdd = (consent: JoinConsent) => refusal(manager.addWithConsent(group.id, 'bob', consent));
      // Signed by mallory's key in the name of bob's device; and naming a device bob does not have.
      const forged = { groupId: group.id, inviterUserId: 'alice', expiresAt: soon, userId: 'bob' };
      expect((await tryAdd(await consentOf(mallory, { ...forged, deviceId: bob.deviceId }))).code).toBe(
        'BAD_SIGNATURE',
      );
      expect((await tryAdd(await consentOf(bob, { ...forged, deviceId: bob.deviceId + 1 }))).code).toBe(
        'BAD_SIGNATURE',
      );
      // Another group, another inviter, expired, too far ahead.
      for (const fields of [
        { groupId: 'other', inviterUserId: 'alice', expiresAt: soon },
        { groupId: group.id, inviterUserId: 'mallory', expiresAt: soon },
        { groupId: group.id, inviterUserId: 'alice', expiresAt: Date.now() - 1 },
        { groupId: group.id, inviterUserId: 'alice', expiresAt: Date.now() + 8 * 24 * 3_600_000 },
      ]) {
        expect((await tryAdd(await consentOf(bob, fields))).code).toBe('INVALID_ARGUMENT');
      }
      // A consent of someone the change does not add does not stand in for bob's.
      const othersConsent = await consentOf(mallory, { groupId: group.id, inviterUserId: 'alice', expiresAt: soon });
      expect((await refusal(manager.addWithConsent(group.id, 'bob', othersConsent))).code).toBe('INVALID_ARGUMENT');
      expect((await stores.groups.get(group.id))?.version).toBe(1);
      // The genuine one does.
      const info = await manager.addWithConsent(
        group.id,
        'bob',
        await consentOf(bob, { groupId: group.id, inviterUserId: 'alice', expiresAt: soon }),
      );
      expect(info.members.map((m) => m.userId)).toContain('bob');
    });
  });
});
