import { isParleyError } from '@parley/core';
import type { GroupSnapshot } from '@parley/core/groups';
import { describe, expect, it } from 'vitest';
import type { GroupStore } from '../contracts/group-store.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

/** Options of {@link groupStoreCompliance}. */
export interface GroupStoreComplianceOptions extends ComplianceOptions<GroupStore> {
  /**
   * Closes the store and opens a new one on the same data (durable implementations only; the
   * restart test is skipped without it). `cleanup` is still called with the original store.
   */
  reopen?: (store: GroupStore) => Promise<GroupStore>;
}

async function expectCode(promise: Promise<unknown>, code: 'CONFLICT' | 'INVALID_ARGUMENT'): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
}

/** Stand-in record bytes: the store keeps records opaque. */
const record = (groupId: string, version: number, tag = ''): Uint8Array =>
  new TextEncoder().encode(`${groupId}#${version}${tag}`);

function group(groupId: string, members: string[], version = 1, name = 'Team'): GroupSnapshot {
  return {
    groupId,
    name,
    description: `about ${groupId}`,
    version,
    members: members.map((userId, i) => ({ userId, role: i === 0 ? 'admin' : 'member' })),
    createdBy: members[0] ?? 'nobody',
    createdAt: 1_700_000_000_000,
    maxMembers: 1024,
  };
}

/** Runs the {@link GroupStore} guarantees against an implementation. */
export function groupStoreCompliance(options: GroupStoreComplianceOptions): void {
  describe(`GroupStore compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    /** Creates a group and updates it to `versions`, changing the name each time. */
    async function grow(s: GroupStore, groupId: string, versions: number): Promise<GroupSnapshot> {
      let state = group(groupId, ['alice', 'bob']);
      await s.create(state, record(groupId, 1));
      for (let v = 2; v <= versions; v++) {
        state = { ...state, version: v, name: `name ${v}` };
        await s.update(state, record(groupId, v));
      }
      return state;
    }

    it('creates version 1 and returns it; unknown groups are undefined', async () => {
      const s = fx.subject;
      const state = group('g1', ['alice', 'bob', 'carol']);
      await s.create(state, record('g1', 1));
      expect(await s.get('g1')).toEqual(state);
      expect(await s.get('g2')).toBeUndefined();
      expect(await s.history('g1', 1, 10)).toEqual([record('g1', 1)]);
      expect(await s.history('g2', 1, 10)).toEqual([]);
    });

    it('refuses a second create of a group id with CONFLICT, keeping the first', async () => {
      const s = fx.subject;
      const first = group('g1', ['alice']);
      await s.create(first, record('g1', 1));
      await expectCode(s.create(group('g1', ['mallory']), record('g1', 1, 'x')), 'CONFLICT');
      expect(await s.get('g1')).toEqual(first);
      expect(await s.history('g1', 1, 10)).toEqual([record('g1', 1)]);
      expect(await s.listForUser('mallory')).toEqual([]);
    });

    it('refuses a create that is not version 1 and an update below version 2', async () => {
      const s = fx.subject;
      await expectCode(s.create(group('g1', ['alice'], 2), record('g1', 2)), 'INVALID_ARGUMENT');
      await s.create(group('g1', ['alice']), record('g1', 1));
      await expectCode(s.update(group('g1', ['alice'], 1), record('g1', 1)), 'INVALID_ARGUMENT');
      expect(await s.get('g1')).toMatchObject({ version: 1 });
    });

    it('updates only from the previous version: stale, skipped and unknown versions are CONFLICT', async () => {
      const s = fx.subject;
      const v2 = await grow(s, 'g1', 2);
      await expectCode(s.update({ ...v2, name: 'stale' }, record('g1', 2, 'x')), 'CONFLICT');
      await expectCode(s.update({ ...v2, version: 4 }, record('g1', 4)), 'CONFLICT');
      await expectCode(s.update(group('nope', ['alice'], 2), record('nope', 2)), 'CONFLICT');
      expect(await s.get('g1')).toEqual(v2);
      expect(await s.history('g1', 1, 10)).toEqual([record('g1', 1), record('g1', 2)]);
    });

    it('lets exactly one of 20 concurrent updates of a version win, each version in turn', async () => {
      const s = fx.subject;
      let state = await grow(s, 'g1', 1);
      for (let v = 2; v <= 4; v++) {
        const base = state;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            s.update({ ...base, version: v, name: `v${v} by ${i}` }, record('g1', v, `/${i}`)),
          ),
        );
        const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(isParleyError(o.reason, 'CONFLICT')).toBe(true);
        const winner = won[0] as number;
        state = { ...base, version: v, name: `v${v} by ${winner}` };
        expect(await s.get('g1')).toEqual(state);
        expect(await s.history('g1', v, 10)).toEqual([record('g1', v, `/${winner}`)]);
      }
    });

    it('pages through history in version order from any version', async () => {
      const s = fx.subject;
      await grow(s, 'g1', 7);
      await grow(s, 'g2', 3);
      const all = Array.from({ length: 7 }, (_, i) => record('g1', i + 1));
      expect(await s.history('g1', 1, 100)).toEqual(all);
      expect(await s.history('g1', 1, 3)).toEqual(all.slice(0, 3));
      expect(await s.history('g1', 4, 3)).toEqual(all.slice(3, 6));
      expect(await s.history('g1', 7, 3)).toEqual(all.slice(6));
      expect(await s.history('g1', 8, 3)).toEqual([]);
      expect(await s.history('g1', 0, 2)).toEqual(all.slice(0, 2));
      expect(await s.history('g1', 2, 0)).toEqual([]);
      expect(await s.history('g2', 2, 10)).toEqual([record('g2', 2), record('g2', 3)]);
    });

    it('lists the groups of a user by group id, following adds and removals', async () => {
      const s = fx.subject;
      await s.create(group('g2', ['alice', 'bob']), record('g2', 1));
      await s.create(group('g1', ['alice']), record('g1', 1));
      await s.create(group('g3', ['carol']), record('g3', 1));
      expect((await s.listForUser('alice')).map((g) => g.groupId)).toEqual(['g1', 'g2']);
      expect((await s.listForUser('bob')).map((g) => g.groupId)).toEqual(['g2']);
      expect(await s.listForUser('dave')).toEqual([]);

      await s.update(group('g1', ['alice', 'bob'], 2), record('g1', 2));
      await s.update(group('g2', ['alice'], 2), record('g2', 2));
      expect(await s.listForUser('bob')).toEqual([group('g1', ['alice', 'bob'], 2)]);
      expect(await s.listForUser('alice')).toEqual([group('g1', ['alice', 'bob'], 2), group('g2', ['alice'], 2)]);
    });

    it("lists a user's groups in pages after a group id", async () => {
      const s = fx.subject;
      for (const id of ['g5', 'g1', 'G9', 'g3', 'g2', 'g4']) await s.create(group(id, ['alice']), record(id, 1));
      await s.create(group('g0', ['bob']), record('g0', 1));
      const ids = async (page: { after?: string; limit?: number }) =>
        (await s.listForUser('alice', page)).map((g) => g.groupId);
      expect(await ids({})).toEqual(['G9', 'g1', 'g2', 'g3', 'g4', 'g5']);
      expect(await ids({ limit: 2 })).toEqual(['G9', 'g1']);
      expect(await ids({ after: 'g1', limit: 2 })).toEqual(['g2', 'g3']);
      expect(await ids({ after: 'g3' })).toEqual(['g4', 'g5']);
      expect(await ids({ after: 'g2x', limit: 10 })).toEqual(['g3', 'g4', 'g5']);
      expect(await ids({ after: 'g5' })).toEqual([]);
      expect(await ids({ limit: 0 })).toEqual([]);
      expect((await s.listForUser('alice', { after: 'g4', limit: 1 }))[0]).toEqual(group('g5', ['alice']));
    });

    it('keeps member order and roles, and changes of name, description and limit', async () => {
      const s = fx.subject;
      await s.create(group('g1', ['zoe', 'adam', 'mia']), record('g1', 1));
      const next: GroupSnapshot = {
        ...group('g1', ['zoe', 'adam', 'mia', 'bea'], 2, 'Renamed'),
        description: 'new',
        maxMembers: 8,
      };
      next.members[2] = { userId: 'mia', role: 'admin' };
      await s.update(next, record('g1', 2));
      expect(await s.get('g1')).toEqual(next);
      // A change that leaves the members alone keeps them.
      const renamed = { ...next, version: 3, name: 'Again' };
      await s.update(renamed, record('g1', 3));
      expect(await s.get('g1')).toEqual(renamed);
    });

    it('stores copies: changing inputs or outputs afterwards changes nothing stored', async () => {
      const s = fx.subject;
      const state = group('g1', ['alice', 'bob']);
      const bytes = record('g1', 1);
      const create = s.create(state, bytes);
      state.members.push({ userId: 'mallory', role: 'admin' });
      state.name = 'changed';
      bytes.fill(0);
      await create;
      expect(await s.get('g1')).toEqual(group('g1', ['alice', 'bob']));

      const got = (await s.get('g1')) as GroupSnapshot;
      got.members[0] = { userId: 'mallory', role: 'admin' };
      const [listed] = await s.listForUser('alice');
      (listed as GroupSnapshot).members.pop();
      const [history] = await s.history('g1', 1, 1);
      (history as Uint8Array).fill(0);
      expect(await s.get('g1')).toEqual(group('g1', ['alice', 'bob']));
      expect(await s.history('g1', 1, 1)).toEqual([record('g1', 1)]);
      // A Node Buffer (what protobufjs encodes into) is copied too, though its slice() is a view.
      const buffer = Buffer.from(record('g2', 1));
      await s.create(group('g2', ['alice']), buffer);
      buffer.fill(0);
      expect(await s.history('g2', 1, 1)).toEqual([record('g2', 1)]);
    });

    it.skipIf(!options.reopen)('keeps groups, members and history across a restart', async () => {
      const s = fx.subject;
      const state = await grow(s, 'g1', 3);
      await s.create(group('g2', ['bob']), record('g2', 1));
      const again = await (options.reopen as NonNullable<GroupStoreComplianceOptions['reopen']>)(s);
      expect(await again.get('g1')).toEqual(state);
      expect(await again.history('g1', 1, 10)).toEqual([1, 2, 3].map((v) => record('g1', v)));
      expect((await again.listForUser('bob')).map((g) => g.groupId)).toEqual(['g1', 'g2']);
      await again.update({ ...state, version: 4 }, record('g1', 4));
      await expectCode(again.update({ ...state, version: 4 }, record('g1', 4)), 'CONFLICT');
    });
  });
}
