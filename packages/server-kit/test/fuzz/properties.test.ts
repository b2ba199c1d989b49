// Property tests beside the gateway fuzz run: the frame codec and the group-record chain. (The
// queue-id codec has its own in ../queue-id.test.ts.)
import { decodeClientFrame, encodeClientFrame, isParleyError, pb } from '@parley/core';
import { generateDeviceKeys, type KeyPair } from '@parley/core/crypto';
import {
  encodeGroupRecord,
  type GroupRecordInit,
  type GroupSnapshot,
  groupRecordHash,
  signGroupRecord,
  verifyGroupRecords,
} from '@parley/core/groups';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validFrame } from './frame-arbitraries.js';

const LIMITS = { maxFrameBytes: 512 * 1024 };

describe('frame codec properties', () => {
  it('decoding any bytes either succeeds or throws a ParleyError BAD_FRAME / FRAME_TOO_LARGE', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        try {
          decodeClientFrame(bytes, LIMITS);
        } catch (error) {
          return isParleyError(error, 'BAD_FRAME') || isParleyError(error, 'FRAME_TOO_LARGE');
        }
        return true;
      }),
      { numRuns: 20_000, seed: 17 },
    );
  });

  it('a decoded frame re-encodes to the same bytes', () => {
    fc.assert(
      fc.property(validFrame, (bytes) => {
        let frame: ReturnType<typeof decodeClientFrame>;
        try {
          frame = decodeClientFrame(bytes, LIMITS);
        } catch {
          return true; // a frame without a body this version knows: nothing to re-encode
        }
        expect(encodeClientFrame(frame, { maxFrameBytes: 1 << 20 })).toEqual(bytes);
      }),
      { numRuns: 5_000, seed: 17 },
    );
  });
});

/** A member change of the generated chains: add or remove one of a few users. */
type Step = { add: string } | { remove: string };

describe('group record chain properties', () => {
  let admin: KeyPair;
  beforeAll(async () => {
    admin = (await generateDeviceKeys()).identityKeyPair;
  });

  /** Signs a chain: create with `initial`, then `steps` by the same admin, skipping no-op steps. */
  async function chain(initial: string[], steps: Step[]): Promise<{ records: Uint8Array[]; members: string[] }> {
    const members = new Set(initial);
    const records: Uint8Array[] = [];
    const sign = async (version: number, action: GroupRecordInit) => {
      const prev = records[records.length - 1];
      const record = await signGroupRecord(
        {
          groupId: 'g1',
          version,
          prevHash: prev ? groupRecordHash(prev) : new Uint8Array(),
          actor: { userId: 'admin', deviceId: 1 },
          at: 1_000 + version,
          actorIdentityKey: admin.publicKey,
          ...action,
        },
        admin.privateKey,
      );
      records.push(encodeGroupRecord(record));
    };
    const ADMIN = pb.GroupRole.GROUP_ROLE_ADMIN;
    const MEMBER = pb.GroupRole.GROUP_ROLE_MEMBER;
    await sign(1, {
      create: {
        name: 'Team',
        members: [{ userId: 'admin', role: ADMIN }, ...[...members].map((userId) => ({ userId, role: MEMBER }))],
      },
    });
    for (const step of steps) {
      if ('add' in step) {
        if (members.has(step.add)) continue;
        members.add(step.add);
        await sign(records.length + 1, { add: { userIds: [step.add] } });
      } else {
        if (!members.has(step.remove)) continue;
        members.delete(step.remove);
        await sign(records.length + 1, { remove: { userIds: [step.remove] } });
      }
    }
    return { records, members: ['admin', ...members].sort() };
  }

  const users = fc.constantFrom('u1', 'u2', 'u3', 'u4');
  const steps = fc.array(
    fc.oneof(
      users.map((add): Step => ({ add })),
      users.map((remove): Step => ({ remove })),
    ),
    {
      maxLength: 4,
    },
  );
  const memberIds = (s: GroupSnapshot | undefined) => (s?.members ?? []).map((m) => m.userId).sort();

  it('a signed chain verifies to the members its changes describe', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(users, { maxLength: 3 }), steps, async (initial, changes) => {
        const { records, members } = await chain(initial, changes);
        expect(memberIds(await verifyGroupRecords(records))).toEqual(members);
      }),
      { numRuns: 25, seed: 17 },
    );
  });

  it('no flipped bit anywhere in a chain changes the state it verifies to: it is refused or ignored', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.boolean(), fc.nat(), fc.nat({ max: 7 }), async (changes, last, at, bit) => {
        const { records, members } = await chain(['u1'], changes);
        // Half the flips hit the last record: no later record's hash covers it, only its signature.
        const which = last ? records.length - 1 : at % records.length;
        const tampered = records.map((r) => new Uint8Array(r));
        const record = tampered[which] as Uint8Array;
        record[at % record.length]! ^= 1 << bit;
        let state: GroupSnapshot | undefined;
        try {
          state = await verifyGroupRecords(tampered);
        } catch (error) {
          expect(isParleyError(error), String(error)).toBe(true);
          return;
        }
        expect(memberIds(state)).toEqual(members);
        expect(state?.version).toBe(records.length);
      }),
      { numRuns: 120, seed: 17 },
    );
  });
});
