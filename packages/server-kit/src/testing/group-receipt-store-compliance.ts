import { describe, expect, it } from 'vitest';
import type { GroupReceiptStore } from '../contracts/group-receipt-store.js';
import type { DeviceAddress } from '../contracts/types.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

const alice1: DeviceAddress = { userId: 'alice', deviceId: 1 };
const alice2: DeviceAddress = { userId: 'alice', deviceId: 2 };
// Message ids from one device increase (UUIDv7 do); short ones keep the cases readable.
const m = (n: number) => `m${String(n).padStart(4, '0')}`;

/** Runs the {@link GroupReceiptStore} guarantees against an implementation. */
export function groupReceiptStoreCompliance(options: ComplianceOptions<GroupReceiptStore>): void {
  describe(`GroupReceiptStore compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});
    const s = () => fx.subject;

    it('reports nothing until every member has a message, then the lowest cursor', async () => {
      await s().sent('g', alice1, m(1), ['bob', 'carol'], 1);
      await s().sent('g', alice1, m(2), ['bob', 'carol'], 1);
      expect(await s().aggregate('g', alice1)).toEqual({});
      expect(await s().advance('g', alice1, 'bob', 'delivered', m(2))).toBe(true);
      expect(await s().aggregate('g', alice1)).toEqual({});
      await s().advance('g', alice1, 'carol', 'delivered', m(1));
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(1) });
      await s().advance('g', alice1, 'carol', 'delivered', m(2));
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(2) });
    });

    it('moves cursors forward only, and read implies delivered', async () => {
      await s().sent('g', alice1, m(3), ['bob'], 1);
      expect(await s().advance('g', alice1, 'bob', 'read', m(3))).toBe(true);
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(3), read: m(3) });
      expect(await s().advance('g', alice1, 'bob', 'delivered', m(2))).toBe(false);
      expect(await s().advance('g', alice1, 'bob', 'read', m(1))).toBe(false);
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(3), read: m(3) });
    });

    it('advanceInBatch (when offered): calls of one batch share one answer, whether any cursor moved', async () => {
      const store = s();
      if (!store.advanceInBatch) return;
      await store.sent('g', alice1, m(1), ['bob', 'carol', 'dave'], 1);
      await store.advance('g', alice1, 'dave', 'delivered', m(1));
      const bob = store.advanceInBatch('g', alice1, 'bob', 'delivered', m(1));
      const carol = store.advanceInBatch('g', alice1, 'carol', 'delivered', m(1));
      expect(await Promise.all([bob, carol])).toEqual([true, true]);
      expect(await store.aggregate('g', alice1)).toEqual({ delivered: m(1) });
      // Every cursor there already: nothing moves, and the answer says so.
      expect(await store.advanceInBatch('g', alice1, 'dave', 'delivered', m(1))).toBe(false);
    });

    it('counts a member only for messages sent while they were in the group', async () => {
      await s().sent('g', alice1, m(1), ['bob'], 1);
      await s().advance('g', alice1, 'bob', 'delivered', m(1));
      await s().sent('g', alice1, m(2), ['bob', 'dave'], 2); // dave joined: m1 does not wait for him
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(1) });
      expect(await s().members('g', alice1, m(1))).toEqual([{ userId: 'bob', status: 'delivered' }]);
      expect(await s().members('g', alice1, m(2))).toEqual([
        { userId: 'bob', status: 'sent' },
        { userId: 'dave', status: 'sent' },
      ]);
      await s().advance('g', alice1, 'bob', 'read', m(2));
      await s().advance('g', alice1, 'dave', 'delivered', m(2));
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(2), read: m(1) });
      expect(await s().members('g', alice1, m(2))).toEqual([
        { userId: 'bob', status: 'read' },
        { userId: 'dave', status: 'delivered' },
      ]);
    });

    it('stops counting a member who left, and ignores their later acks', async () => {
      await s().sent('g', alice1, m(1), ['bob', 'eve'], 1);
      await s().advance('g', alice1, 'bob', 'delivered', m(1));
      await s().sent('g', alice1, m(2), ['bob'], 2); // eve was removed
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(1) });
      expect(await s().advance('g', alice1, 'eve', 'delivered', m(2))).toBe(false);
      expect((await s().members('g', alice1, m(1))).map((x) => x.userId)).toEqual(['bob']);
    });

    it('syncs members only when the version changes', async () => {
      await s().sent('g', alice1, m(1), ['bob'], 1);
      await s().sent('g', alice1, m(2), ['bob', 'zed'], 1); // same version: list not re-read
      expect((await s().members('g', alice1, m(2))).map((x) => x.userId)).toEqual(['bob']);
    });

    it('announces each step of the aggregate once', async () => {
      expect(await s().announce('g', alice1, 'delivered', m(2))).toBe(true);
      expect(await s().announce('g', alice1, 'delivered', m(2))).toBe(false);
      expect(await s().announce('g', alice1, 'delivered', m(1))).toBe(false);
      expect(await s().announce('g', alice1, 'read', m(1))).toBe(true);
      expect(await s().announce('g', alice1, 'delivered', m(3))).toBe(true);
      const raced = await Promise.all([1, 2, 3, 4].map(() => s().announce('g', alice1, 'read', m(5))));
      expect(raced.filter(Boolean)).toHaveLength(1);
    });

    it('keeps groups and sending devices apart', async () => {
      await s().sent('g', alice1, m(1), ['bob'], 1);
      await s().sent('g', alice2, m(1), ['bob'], 1);
      await s().sent('h', alice1, m(1), ['bob'], 1);
      await s().advance('g', alice1, 'bob', 'delivered', m(1));
      expect(await s().aggregate('g', alice1)).toEqual({ delivered: m(1) });
      expect(await s().aggregate('g', alice2)).toEqual({});
      expect(await s().aggregate('h', alice1)).toEqual({});
      await s().announce('g', alice1, 'delivered', m(1));
      expect(await s().announce('g', alice2, 'delivered', m(1))).toBe(true);
    });

    it('has nothing to report for an unknown group or a group without other members', async () => {
      expect(await s().aggregate('nope', alice1)).toEqual({});
      expect(await s().members('nope', alice1, m(1))).toEqual([]);
      await s().sent('solo', alice1, m(1), [], 1);
      expect(await s().aggregate('solo', alice1)).toEqual({});
    });
  });
}
