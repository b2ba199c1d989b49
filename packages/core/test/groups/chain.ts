// Test helpers: actors with real identity keys and a group chain that signs and applies records.
import { expect } from 'vitest';
import { generateDeviceKeys, type KeyPair } from '../../src/crypto/index.js';
import { type ErrorCode, isParleyError } from '../../src/errors.js';
import {
  applyGroupRecord,
  encodeGroupRecord,
  type GroupRecordInit,
  type GroupSnapshot,
  groupRecordHash,
  signGroupRecord,
} from '../../src/groups/index.js';
import { pb } from '../../src/proto.js';

export interface Actor {
  userId: string;
  deviceId: number;
  identity: KeyPair;
}

export async function actor(userId: string, deviceId = 1): Promise<Actor> {
  return { userId, deviceId, identity: (await generateDeviceKeys()).identityKeyPair };
}

export const ADMIN = pb.GroupRole.GROUP_ROLE_ADMIN;
export const MEMBER = pb.GroupRole.GROUP_ROLE_MEMBER;

/** The action part of a record: `{ add: { userIds } }`, `{ rename: { name } }`, ... */
export type ActionPart = Pick<
  GroupRecordInit,
  'create' | 'rename' | 'add' | 'remove' | 'promote' | 'demote' | 'leave' | 'describe' | 'disappearing'
>;

/** The group chain as a verifier holds it: the state and the encoded record of its version. */
export class Chain {
  state: GroupSnapshot | undefined;
  prev: Uint8Array | undefined;
  readonly records: Uint8Array[] = [];

  constructor(
    readonly groupId = 'g1',
    readonly maxMembers?: number,
  ) {}

  /** A signed record that follows the current state (override any field to break it). */
  async next(by: Actor, action: ActionPart, overrides: GroupRecordInit = {}): Promise<GroupRecordInit> {
    const unsigned: GroupRecordInit = {
      groupId: this.groupId,
      version: (this.state?.version ?? 0) + 1,
      prevHash: this.prev ? groupRecordHash(this.prev) : new Uint8Array(),
      actor: { userId: by.userId, deviceId: by.deviceId },
      at: 1_700_000_000_000 + (this.state?.version ?? 0),
      actorIdentityKey: by.identity.publicKey,
      ...action,
      ...overrides,
    };
    return signGroupRecord(unsigned, by.identity.privateKey);
  }

  /** Applies a record (without a signature check) and advances the chain. */
  apply(record: GroupRecordInit): GroupSnapshot {
    const state = applyGroupRecord(this.state, record, { maxMembers: this.maxMembers, prevEncoded: this.prev });
    this.state = state;
    this.prev = encodeGroupRecord(record);
    this.records.push(this.prev);
    return state;
  }

  /** Signs and applies. */
  async do(by: Actor, action: ActionPart): Promise<GroupSnapshot> {
    return this.apply(await this.next(by, action));
  }

  /** Signs a record and expects applying it to fail with `code`; the chain stays where it was. */
  async refuses(by: Actor, action: ActionPart, code: ErrorCode, overrides: GroupRecordInit = {}): Promise<void> {
    const record = await this.next(by, action, overrides);
    expectCode(() => this.apply(record), code);
  }

  create(by: Actor, members: Array<[string, number]>, name = 'Team'): Promise<GroupSnapshot> {
    return this.do(by, { create: { name, members: members.map(([userId, role]) => ({ userId, role })) } });
  }
}

export function expectCode(run: () => unknown, code: ErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isParleyError(thrown) ? thrown.code : thrown).toBe(code);
}

export const roles = (state: GroupSnapshot | undefined) => state?.members.map((m) => `${m.userId}:${m.role}`);
