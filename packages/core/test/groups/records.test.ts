import $protobuf from 'protobufjs/minimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../src/bytes.js';
import { sha256 } from '../../src/crypto/sha256.js';
import {
  canonicalGroupRecord,
  decodeGroupRecord,
  encodeGroupRecord,
  encodeRecordForSigning,
  fromGroupState,
  type GroupRecordInit,
  groupRecordHash,
  signGroupRecord,
  toGroupState,
  verifyGroupRecordSignature,
  verifyGroupRecords,
} from '../../src/groups/index.js';
import { pb } from '../../src/proto.js';
import { type Actor, ADMIN, actor, Chain, MEMBER } from './chain.js';

let alice: Actor;
let bob: Actor;

beforeAll(async () => {
  [alice, bob] = await Promise.all([actor('alice'), actor('bob')]);
});

const unsigned = (): GroupRecordInit => ({
  groupId: 'g1',
  version: 2,
  prevHash: new Uint8Array(32).fill(9),
  actor: { userId: 'alice', deviceId: 3 },
  at: 1_700_000_000_123,
  add: { userIds: ['bob', 'carol'] },
  actorIdentityKey: alice.identity.publicKey,
});

describe('group record encoding', () => {
  it('is canonical: explicit defaults, unknown fields and extra copies of a record encode alike', () => {
    const record = unsigned();
    const encoded = encodeGroupRecord(record);
    // Explicit defaults (empty strings, zero numbers, empty bytes) are left out.
    const noisy = { ...record, signature: new Uint8Array(), actor: { userId: 'alice', deviceId: 3 } };
    expect(encodeGroupRecord(noisy)).toEqual(encoded);
    // Unknown fields (field 99, varint) are not part of it.
    const withUnknown = new Uint8Array([...encoded, 0x98, 0x06, 0x01]);
    expect(encodeGroupRecord(decodeGroupRecord(withUnknown))).toEqual(encoded);
    const unknownKept = Object.assign(pb.GroupRecord.decode(encoded), {
      $unknowns: [new Uint8Array([0x98, 0x06, 0x01])],
    });
    expect(encodeGroupRecord(unknownKept)).toEqual(encoded);
    // Decoding and re-encoding is the identity on canonical bytes.
    expect(encodeGroupRecord(decodeGroupRecord(encoded))).toEqual(encoded);
  });

  it('writes fields in field-number order with the action before the key and signature', () => {
    const encoded = encodeGroupRecord({ ...unsigned(), signature: new Uint8Array(64).fill(1) });
    const tags: number[] = [];
    const reader = $protobuf.Reader.create(encoded);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      tags.push(tag >>> 3);
      reader.skipType(tag & 7);
    }
    expect(tags).toEqual([1, 2, 3, 4, 5, 12, 20, 21]);
  });

  it('copies bytes, also out of a decoded record whose fields view the frame buffer', () => {
    const encoded = encodeGroupRecord(unsigned());
    const decoded = decodeGroupRecord(encoded);
    const canonical = canonicalGroupRecord(decoded);
    (decoded.prevHash as Uint8Array).fill(0);
    encoded.fill(0);
    expect(canonical.prevHash).toEqual(new Uint8Array(32).fill(9));
    expect(canonical.actorIdentityKey).toEqual(alice.identity.publicKey);
  });

  it('always writes the set action, also when it is empty (leave without promotions)', () => {
    const leave = { ...unsigned(), add: null, leave: {} };
    expect(decodeGroupRecord(encodeGroupRecord(leave)).action).toBe('leave');
  });

  it('refuses records with no action or two', () => {
    expect(() => encodeGroupRecord({ ...unsigned(), add: null })).toThrow(/exactly one action/);
    expect(() => encodeGroupRecord({ ...unsigned(), rename: { name: 'x' } })).toThrow(/exactly one action/);
  });

  it('signs the encoding without the signature; hashes the full encoding with it', async () => {
    const signed = await signGroupRecord(unsigned(), alice.identity.privateKey);
    expect(signed.signature).toHaveLength(64);
    expect(encodeRecordForSigning(signed)).toEqual(encodeGroupRecord(unsigned()));
    const full = encodeGroupRecord(signed);
    expect(full.length).toBe(encodeRecordForSigning(signed).length + 3 + 64);
    expect(toHex(groupRecordHash(full))).toBe(toHex(sha256(full)));
    expect(toHex(groupRecordHash(full))).not.toBe(toHex(sha256(encodeRecordForSigning(signed))));
    expect(canonicalGroupRecord(signed)).toEqual(signed);
  });
});

describe('the worked example of PROTOCOL.md 12.5', () => {
  it('has the documented signing bytes, hash and follow-up record', () => {
    const v1: GroupRecordInit = {
      groupId: 'g1',
      version: 1,
      actor: { userId: 'alice', deviceId: 1 },
      at: 1_700_000_000_000,
      create: {
        name: 'Team',
        members: [
          { userId: 'alice', role: ADMIN },
          { userId: 'bob', role: MEMBER },
        ],
      },
      actorIdentityKey: new Uint8Array(33).fill(0x05),
      signature: new Uint8Array(64).fill(0x11),
    };
    expect(toHex(encodeRecordForSigning(v1))).toBe(
      '0a026731100122090a05616c69636510012880d095ffbc31521a0a045465616d1a090a05616c69636510021a070a03626f621001' +
        `a20121${'05'.repeat(33)}`,
    );
    const full = encodeGroupRecord(v1);
    expect(toHex(full)).toBe(`${toHex(encodeRecordForSigning(v1))}aa0140${'11'.repeat(64)}`);
    const hash = '0e1b0b5c428e1880e7ad4b2b2dbc05254a618c2869584a2bfe316409763b5b87';
    expect(toHex(groupRecordHash(full))).toBe(hash);
    const v2: GroupRecordInit = {
      groupId: 'g1',
      version: 2,
      prevHash: groupRecordHash(full),
      actor: { userId: 'bob', deviceId: 1 },
      at: 1_700_000_000_001,
      leave: {},
    };
    expect(toHex(encodeRecordForSigning(v2))).toBe(`0a02673110021a20${hash}22070a03626f6210012881d095ffbc31820100`);
  });
});

describe('group record signatures', () => {
  it('verify with the actor identity key, after a round trip through the wire', async () => {
    const signed = await signGroupRecord(unsigned(), alice.identity.privateKey);
    expect(await verifyGroupRecordSignature(signed)).toBe(true);
    expect(await verifyGroupRecordSignature(decodeGroupRecord(encodeGroupRecord(signed)))).toBe(true);
  });

  it('break when any field is changed', async () => {
    const signed = await signGroupRecord(unsigned(), alice.identity.privateKey);
    const tampered: GroupRecordInit[] = [
      { groupId: 'g2' },
      { version: 3 },
      { prevHash: new Uint8Array(32).fill(8) },
      { prevHash: new Uint8Array() },
      { actor: { userId: 'mallory', deviceId: 3 } },
      { actor: { userId: 'alice', deviceId: 4 } },
      { at: 1_700_000_000_124 },
      { add: { userIds: ['bob', 'carol', 'mallory'] } },
      { add: { userIds: ['carol', 'bob'] } },
      { add: null, remove: { userIds: ['bob', 'carol'] } },
      { actorIdentityKey: bob.identity.publicKey },
      { signature: (signed.signature as Uint8Array).map((b, i) => (i === 0 ? b ^ 1 : b)) },
      { signature: (signed.signature as Uint8Array).subarray(0, 63) },
      { signature: new Uint8Array() },
    ];
    for (const change of tampered) {
      expect(await verifyGroupRecordSignature({ ...signed, ...change }), JSON.stringify(Object.keys(change))).toBe(
        false,
      );
    }
    // A signature by another key over the same record does not verify as the actor's.
    const byBob = await signGroupRecord({ ...unsigned() }, bob.identity.privateKey);
    expect(await verifyGroupRecordSignature({ ...byBob, actorIdentityKey: alice.identity.publicKey })).toBe(false);
    expect(await verifyGroupRecordSignature({ ...signed, add: null })).toBe(false);
  });

  it('need the public key on the record before signing', async () => {
    await expect(
      signGroupRecord({ ...unsigned(), actorIdentityKey: null }, alice.identity.privateKey),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('verifyGroupRecords', () => {
  async function history(): Promise<Chain> {
    const chain = new Chain();
    await chain.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    await chain.do(alice, { promote: { userIds: ['bob'] } });
    await chain.do(bob, { rename: { name: 'By bob' } });
    return chain;
  }

  it('replays a whole history to the state the server holds, or continues from a verified state', async () => {
    const chain = await history();
    expect(await verifyGroupRecords(chain.records)).toEqual(chain.state);
    const first = await verifyGroupRecords(chain.records.slice(0, 1));
    const rest = await verifyGroupRecords(chain.records.slice(1), { state: first, prevEncoded: chain.records[0] });
    expect(rest).toEqual(chain.state);
  });

  it('refuses a forged signature, a reordered or gapped chain, and a change by a non-admin', async () => {
    const chain = await history();
    const [v1, v2, v3] = chain.records as [Uint8Array, Uint8Array, Uint8Array];
    const forged = decodeGroupRecord(v3);
    forged.rename = { name: 'By mallory' };
    await expect(verifyGroupRecords([v1, v2, encodeGroupRecord(forged)])).rejects.toMatchObject({
      code: 'BAD_SIGNATURE',
    });
    await expect(verifyGroupRecords([v1, v3])).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    await expect(verifyGroupRecords([v2, v1])).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    // bob signs a valid-looking rename before he was promoted: a server cannot slip it in.
    const early = new Chain();
    early.apply(decodeGroupRecord(v1));
    const sneaky = await early.next(bob, { rename: { name: 'sneaky' } });
    await expect(verifyGroupRecords([v1, encodeGroupRecord(sneaky)])).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('GroupSnapshot and GroupState', () => {
  it('convert both ways', async () => {
    const chain = new Chain();
    const state = await chain.create(alice, [
      ['alice', ADMIN],
      ['bob', MEMBER],
    ]);
    const wire = pb.GroupState.decode(pb.GroupState.encode(toGroupState(state)).finish());
    expect(wire.members.map((m) => m.role)).toEqual([ADMIN, MEMBER]);
    expect(fromGroupState(wire)).toEqual(state);
  });

  it('refuse a member without a known role', () => {
    expect(() => fromGroupState({ groupId: 'g', members: [{ userId: 'a' }] })).toThrow(/role/);
    expect(fromGroupState({ groupId: 'g' }).maxMembers).toBe(1024);
  });
});
