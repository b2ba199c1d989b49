import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAuthKeyPair, pb, type ServerFrame } from '@parley/core';
import { generateDeviceKeys, type KeyPair } from '@parley/core/crypto';
import {
  encodeGroupRecord,
  fromGroupState,
  type GroupRecordInit,
  type GroupSnapshot,
  groupRecordHash,
  signGroupRecord,
  verifyGroupRecords,
} from '@parley/core/groups';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerLimits, type ServerStores } from '../src/index.js';
import { sqliteStores } from '../src/sqlite/index.js';

const E = pb.ErrorCode;
const ADMIN = pb.GroupRole.GROUP_ROLE_ADMIN;
const MEMBER = pb.GroupRole.GROUP_ROLE_MEMBER;

/** A connected device with an identity key it published. */
interface Device {
  userId: string;
  deviceId: number;
  peer: RawPeer;
  identity: KeyPair;
}

type ActionPart = Pick<
  GroupRecordInit,
  'create' | 'rename' | 'add' | 'remove' | 'promote' | 'demote' | 'leave' | 'describe'
>;

/** The chain as a well-behaved client tracks it: the version and the record it holds. */
class Group {
  version = 0;
  prev: Uint8Array | undefined;
  constructor(readonly groupId = 'g1') {}

  /** A signed record following the tracked version (override fields to break it). */
  async record(by: Device, action: ActionPart, overrides: GroupRecordInit = {}, identity = by.identity) {
    return signGroupRecord(
      {
        groupId: this.groupId,
        version: this.version + 1,
        prevHash: this.prev ? groupRecordHash(this.prev) : new Uint8Array(),
        actor: { userId: by.userId, deviceId: by.deviceId },
        at: Date.now(),
        actorIdentityKey: identity.publicKey,
        ...action,
        ...overrides,
      },
      identity.privateKey,
    );
  }

  /** Sends a record; on success the tracked chain moves on. */
  async send(by: Device, record: GroupRecordInit): Promise<ServerFrame> {
    const answer = await by.peer.request({ groupChange: { record } });
    if (answer.body === 'groupState') {
      this.version = answer.groupState?.version as number;
      this.prev = encodeGroupRecord(record);
    }
    return answer;
  }

  async change(by: Device, action: ActionPart): Promise<GroupSnapshot> {
    const answer = await this.send(by, await this.record(by, action));
    expect(answer.body, answer.error?.message ?? '').toBe('groupState');
    return fromGroupState(required(answer.groupState));
  }

  create(by: Device, members: Array<[string, number]>): Promise<GroupSnapshot> {
    return this.change(by, { create: { name: 'Team', members: members.map(([userId, role]) => ({ userId, role })) } });
  }
}

const codeOf = (f: ServerFrame) => f.error?.code;
/** A field the test expects to be set; fails the test when it is not. */
function required<T>(value: T | null | undefined): T {
  expect(value).toBeDefined();
  expect(value).not.toBeNull();
  return value as T;
}
const roles = (s: GroupSnapshot) => s.members.map((m) => `${m.userId}:${m.role}`);
/** Group-record envelopes a peer has been delivered, in order. */
const recordsDelivered = (p: RawPeer) =>
  p.frames.flatMap((f) => f.deliver?.envelopes ?? []).filter((e) => e.body === 'groupRecord');

describe('group requests over the gateway', () => {
  let server: ParleyServer | undefined;
  let stores: ServerStores;
  let dir: string | undefined;
  const peers: RawPeer[] = [];

  async function start(limits: Partial<ServerLimits> = {}, make: () => ServerStores = () => memoryStores()) {
    stores = make();
    server = await createServer({ stores, limits });
  }

  /** Connects a device (later devices of a user are registered directly) and publishes its identity key. */
  async function device(userId: string, deviceId = 1, identity?: KeyPair): Promise<Device> {
    const key = await generateAuthKeyPair();
    if (deviceId !== 1) {
      await stores.devices.register({ userId, deviceId, authKey: key.publicKey, registrationId: 0, approvedBy: 1 });
    }
    const peer = await RawPeer.authenticated((server as ParleyServer).url, userId, deviceId, key);
    peers.push(peer);
    const keys = identity ?? (await generateDeviceKeys()).identityKeyPair;
    const uploaded = await peer.request({
      keysUpload: { registrationId: 100 + deviceId, identityKey: keys.publicKey },
    });
    expect(uploaded.body).toBe('keysUploadResult');
    return { userId, deviceId, peer, identity: keys };
  }

  /** alice (admin) and bob (member) in group g1. */
  async function aliceAndBob() {
    const [alice, bob] = await Promise.all([device('alice'), device('bob')]);
    const g = new Group();
    await g.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    return { alice, bob, g };
  }

  /** Reconnects a device that was closed. */
  async function reconnect(d: Device): Promise<Device> {
    const peer = await RawPeer.authenticated(
      (server as ParleyServer).url,
      d.userId,
      d.deviceId,
      (d.peer as RawPeer & { key: never }).key,
    );
    peers.push(peer);
    return { ...d, peer };
  }

  afterEach(async () => {
    for (const p of peers.splice(0)) p.close();
    await server?.close();
    server = undefined;
    await stores?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('creates a group and applies every kind of change; the history verifies to the served state', async () => {
    await start();
    const [alice, bob, carol, dave] = await Promise.all(['alice', 'bob', 'carol', 'dave'].map((u) => device(u)));
    const g = new Group();
    const created = await g.create(alice as Device, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    expect(created).toMatchObject({ groupId: 'g1', version: 1, createdBy: 'alice', maxMembers: 1024 });
    expect(roles(await g.change(alice as Device, { add: { userIds: ['carol', 'dave'] } }))).toEqual([
      'alice:admin',
      'bob:member',
      'carol:member',
      'dave:member',
    ]);
    await g.change(alice as Device, { promote: { userIds: ['bob'] } });
    await g.change(bob as Device, { demote: { userIds: ['alice'] } });
    await g.change(bob as Device, { remove: { userIds: ['dave'] } });
    await g.change(bob as Device, { rename: { name: 'Renamed' } });
    await g.change(bob as Device, { describe: { description: 'About' } });
    await g.change(carol as Device, { leave: {} });
    const last = await g.change(bob as Device, { leave: { promote: ['alice'] } });
    expect(last).toMatchObject({ version: 9, name: 'Renamed', description: 'About' });
    expect(roles(last)).toEqual(['alice:admin']);

    const got = await alice?.peer.request({ groupGet: { groupId: 'g1' } });
    expect(fromGroupState(required(got?.groupState))).toEqual(last);
    const history = await alice?.peer.request({ groupHistory: { groupId: 'g1' } });
    const records = (history?.groupHistory?.records ?? []).map((r) => encodeGroupRecord(r));
    expect(records).toHaveLength(9);
    expect(records[8]).toEqual(g.prev);
    expect(await verifyGroupRecords(records)).toEqual(last);
    const later = await alice?.peer.request({ groupHistory: { groupId: 'g1', fromVersion: 8 } });
    expect(later?.groupHistory?.records?.map((r) => r.version)).toEqual([8, 9]);
    expect((await dave?.peer.request({ groupList: {} }))?.groupList?.groups ?? []).toEqual([]);
    const list = await alice?.peer.request({ groupList: {} });
    expect(list?.groupList?.groups?.map((s) => s.groupId)).toEqual(['g1']);
  });

  it('refuses admin actions by members with FORBIDDEN and keeps the version', async () => {
    await start();
    const { alice, bob, g } = await aliceAndBob();
    for (const action of [
      { add: { userIds: ['mallory'] } },
      { remove: { userIds: ['alice'] } },
      { promote: { userIds: ['bob'] } },
      { rename: { name: 'mine' } },
      { describe: { description: 'mine' } },
    ]) {
      const answer = await g.send(bob, await g.record(bob, action));
      expect(codeOf(answer)).toBe(E.ERROR_CODE_FORBIDDEN);
    }
    expect((await alice.peer.request({ groupGet: { groupId: 'g1' } })).groupState?.version).toBe(1);
  });

  it('refuses a record whose actor is not the sending device with FORBIDDEN', async () => {
    await start();
    const [alice, mallory] = await Promise.all([device('alice'), device('mallory'), device('bob')]);
    const alice2 = await device('alice', 2);
    const g = new Group();
    await g.create(alice, [['alice', ADMIN]]);
    // mallory sends a record that names alice as actor (signed with mallory's own key).
    const forged = await g.record(
      mallory,
      { add: { userIds: ['mallory'] } },
      { actor: { userId: 'alice', deviceId: 1 } },
    );
    expect(codeOf(await g.send(mallory, forged))).toBe(E.ERROR_CODE_FORBIDDEN);
    // Even alice's genuine record for device 1 may not be sent by her device 2.
    const genuine = await g.record(alice, { add: { userIds: ['bob'] } });
    expect(codeOf(await g.send(alice2, genuine))).toBe(E.ERROR_CODE_FORBIDDEN);
    expect(codeOf(await g.send(alice, genuine))).toBeUndefined();
  });

  it('refuses a wrong identity key, a bad signature, a broken chain and unpublished keys with BAD_SIGNATURE', async () => {
    await start();
    const { alice, bob, g } = await aliceAndBob();
    // Validly signed, but by a key alice's device never published.
    const stranger = (await generateDeviceKeys()).identityKeyPair;
    const otherKey = await g.record(alice, { rename: { name: 'x' } }, {}, stranger);
    expect(codeOf(await g.send(alice, otherKey))).toBe(E.ERROR_CODE_BAD_SIGNATURE);
    // The right key, a tampered record.
    const tampered = { ...(await g.record(alice, { rename: { name: 'x' } })), rename: { name: 'y' } };
    expect(codeOf(await g.send(alice, tampered))).toBe(E.ERROR_CODE_BAD_SIGNATURE);
    // A correctly signed record that does not chain to the stored one.
    const unchained = await g.record(alice, { rename: { name: 'x' } }, { prevHash: new Uint8Array(32) });
    expect(codeOf(await g.send(alice, unchained))).toBe(E.ERROR_CODE_BAD_SIGNATURE);
    // A device that published no identity key cannot sign anything.
    const fresh = await RawPeer.authenticated((server as ParleyServer).url, 'zed');
    peers.push(fresh);
    const zed: Device = { userId: 'zed', deviceId: 1, peer: fresh, identity: stranger };
    const byZed = await new Group('g2').record(zed, {
      create: { name: 'z', members: [{ userId: 'zed', role: ADMIN }] },
    });
    expect(codeOf(await fresh.request({ groupChange: { record: byZed } }))).toBe(E.ERROR_CODE_BAD_SIGNATURE);
    expect((await bob.peer.request({ groupGet: { groupId: 'g1' } })).groupState).toMatchObject({
      version: 1,
      name: 'Team',
    });
  });

  it('answers CONFLICT to the loser of a version race, to a stale version and to a second create', async () => {
    await start();
    const [alice, bob] = await Promise.all([device('alice'), device('bob')]);
    const g = new Group();
    await g.create(alice, [
      ['alice', ADMIN],
      ['bob', ADMIN],
    ]);
    const byAlice = await g.record(alice, { rename: { name: 'alice was here' } });
    const byBob = await g.record(bob, { rename: { name: 'bob was here' } });
    const [a, b] = await Promise.all([
      alice.peer.request({ groupChange: { record: byAlice } }),
      bob.peer.request({ groupChange: { record: byBob } }),
    ]);
    const bodies = [a.body, b.body].sort();
    expect(bodies).toEqual(['error', 'groupState']);
    const lost = a.body === 'error' ? a : b;
    expect(lost.error?.code).toBe(E.ERROR_CODE_CONFLICT);
    expect(lost.error?.retryable).toBe(false);
    const state = (await alice.peer.request({ groupGet: { groupId: 'g1' } })).groupState;
    expect(state?.version).toBe(2);
    expect(state?.name).toBe(a.body === 'groupState' ? 'alice was here' : 'bob was here');
    // Sending the loser again is still stale: it must refetch and sign version 3.
    const [loser, record] = a.body === 'error' ? [alice, byAlice] : [bob, byBob];
    expect(codeOf(await loser.peer.request({ groupChange: { record } }))).toBe(E.ERROR_CODE_CONFLICT);
    const again = await new Group().record(bob, {
      create: { name: 'mine', members: [{ userId: 'bob', role: ADMIN }] },
    });
    expect(codeOf(await bob.peer.request({ groupChange: { record: again } }))).toBe(E.ERROR_CODE_CONFLICT);
  });

  it('refuses GROUP_FULL at the configured limit', async () => {
    await start({ maxGroupMembers: 3 });
    const [alice] = await Promise.all([device('alice'), device('b'), device('c'), device('d')]);
    const g = new Group();
    const four = {
      create: {
        name: 'x',
        members: ['alice', 'b', 'c', 'd'].map((userId, i) => ({ userId, role: i ? MEMBER : ADMIN })),
      },
    };
    expect(codeOf(await g.send(alice, await g.record(alice, four)))).toBe(E.ERROR_CODE_GROUP_FULL);
    expect(
      (
        await g.create(alice, [
          ['alice', ADMIN],
          ['b', MEMBER],
        ])
      ).maxMembers,
    ).toBe(3);
    await g.change(alice, { add: { userIds: ['c'] } });
    expect(codeOf(await g.send(alice, await g.record(alice, { add: { userIds: ['d'] } })))).toBe(
      E.ERROR_CODE_GROUP_FULL,
    );
  });

  it('serves reads to members only, and changes to unknown groups as NOT_GROUP_MEMBER', async () => {
    await start();
    const [alice, bob, mallory] = await Promise.all([device('alice'), device('bob'), device('mallory')]);
    const g = new Group();
    await g.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    for (const body of [
      { groupGet: { groupId: 'g1' } },
      { groupHistory: { groupId: 'g1' } },
      { groupGet: { groupId: 'nope' } },
    ]) {
      expect(codeOf(await mallory.peer.request(body))).toBe(E.ERROR_CODE_NOT_GROUP_MEMBER);
    }
    await g.change(alice, { remove: { userIds: ['bob'] } });
    expect(codeOf(await bob.peer.request({ groupGet: { groupId: 'g1' } }))).toBe(E.ERROR_CODE_NOT_GROUP_MEMBER);
    expect((await bob.peer.request({ groupList: {} })).groupList?.groups ?? []).toEqual([]);
    const elsewhere = await new Group('nope').record(mallory, { rename: { name: 'x' } }, { version: 2 });
    expect(codeOf(await mallory.peer.request({ groupChange: { record: elsewhere } }))).toBe(
      E.ERROR_CODE_NOT_GROUP_MEMBER,
    );
  });

  it('queues each record for every device of the members before and after it, not the acting device', async () => {
    await start();
    const [alice, bob, carol] = await Promise.all([device('alice'), device('bob'), device('carol')]);
    const alice2 = await device('alice', 2);
    const bob2 = await device('bob', 2);
    const g = new Group();
    await g.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    await g.change(alice, { add: { userIds: ['carol'] } });
    await g.change(alice, { remove: { userIds: ['bob'] } });
    const expectVersions = async (d: Device, versions: number[]) => {
      await d.peer.waitFor(() => recordsDelivered(d.peer).length >= versions.length);
      expect(recordsDelivered(d.peer).map((e) => e.groupRecord?.version)).toEqual(versions);
    };
    await expectVersions(alice2, [1, 2, 3]);
    // bob (both devices) learns he was removed; carol hears from when she was added.
    await expectVersions(bob, [1, 2, 3]);
    await expectVersions(bob2, [1, 2, 3]);
    await expectVersions(carol, [2, 3]);
    const envelope = recordsDelivered(carol.peer)[1];
    expect(envelope).toMatchObject({
      id: '\u001fgr\u001fg1\u001f3',
      groupId: 'g1',
      sender: { userId: 'alice', deviceId: 1 },
    });
    expect(encodeGroupRecord(required(envelope?.groupRecord))).toEqual(g.prev);
    // The acting device has the answer instead.
    expect(recordsDelivered(alice.peer)).toEqual([]);
  });

  it('delivers records to a device that was offline when it connects again', async () => {
    await start();
    const [alice, dave] = await Promise.all([device('alice'), device('dave')]);
    dave.peer.close();
    const g = new Group();
    await g.create(alice, [['alice', ADMIN]]);
    await g.change(alice, { add: { userIds: ['dave'] } });
    await g.change(alice, { rename: { name: 'With dave' } });
    const back = await reconnect(dave);
    await back.peer.waitFor(() => recordsDelivered(back.peer).length >= 2);
    const records = recordsDelivered(back.peer).map((e) => encodeGroupRecord(required(e.groupRecord)));
    expect(records.map((r) => pb.GroupRecord.decode(r).version)).toEqual([2, 3]);
    // Dave, new to the group, verifies from version 1 with the history and the queued records agree.
    const history = await back.peer.request({ groupHistory: { groupId: 'g1', fromVersion: 1 } });
    const all = (history.groupHistory?.records ?? []).map((r) => encodeGroupRecord(r));
    expect(all.slice(1)).toEqual(records);
    expect((await verifyGroupRecords(all))?.name).toBe('With dave');
  });

  it('pages history to fit the frame limit', async () => {
    await start({ maxFrameBytes: 4096 });
    const alice = await device('alice');
    const g = new Group();
    await g.create(alice, [['alice', ADMIN]]);
    for (let i = 0; i < 5; i++) await g.change(alice, { describe: { description: `${i}`.repeat(1500) } });
    const versions: number[] = [];
    let pages = 0;
    while (versions.length < 6) {
      const page = await alice.peer.request({ groupHistory: { groupId: 'g1', fromVersion: versions.length + 1 } });
      const got = page.groupHistory?.records?.map((r) => r.version as number) ?? [];
      expect(got.length).toBeGreaterThan(0);
      versions.push(...got);
      pages++;
    }
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pages).toBeGreaterThan(2);
  });

  it('keeps groups and their chain across a restart on SQLite', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-groups-'));
    const path = join(dir, 'server.db');
    await start({}, () => sqliteStores({ path }));
    const aliceIdentity = (await generateDeviceKeys()).identityKeyPair;
    const alice = await device('alice', 1, aliceIdentity);
    await device('bob');
    const g = new Group();
    await g.create(alice, [['alice', ADMIN]]);
    const before = await g.change(alice, { add: { userIds: ['bob'] } });
    const authKey = (alice.peer as RawPeer & { key: never }).key;
    for (const p of peers.splice(0)) p.close();
    await server?.close();
    await stores.close();

    await start({}, () => sqliteStores({ path }));
    const again = await RawPeer.authenticated((server as ParleyServer).url, 'alice', 1, authKey);
    peers.push(again);
    const aliceAgain: Device = { ...alice, peer: again };
    const got = await again.request({ groupGet: { groupId: 'g1' } });
    expect(fromGroupState(required(got.groupState))).toEqual(before);
    // The chain goes on from the stored record.
    expect(roles(await g.change(aliceAgain, { promote: { userIds: ['bob'] } }))).toEqual(['alice:admin', 'bob:admin']);
    expect((await again.request({ groupList: {} })).groupList?.groups?.[0]?.version).toBe(3);
  });
});
