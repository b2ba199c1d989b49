import { describe, expect, it, vi } from 'vitest';
import type { GroupReceiptStore } from '../src/contracts/group-receipt-store.js';
import { GroupReceipts, type GroupReceiptsPorts } from '../src/groups/group-receipts.js';
import { encodeQueueId, parseAckedId } from '../src/messages/queue-id.js';

// GroupReceipts.delivered alone, over a recording cursor store: which cursor moves an ack asks for.
function setup(moves = false) {
  const advanced: string[] = [];
  const aggregates: string[] = [];
  const store = {
    advance: async (
      groupId: string,
      sender: { userId: string; deviceId: number },
      member: string,
      status: string,
      id: string,
    ) => {
      advanced.push(`${groupId} ${sender.userId}/${sender.deviceId} ${member} ${status} ${id}`);
      return moves;
    },
    aggregate: async (groupId: string) => {
      aggregates.push(groupId);
      return {};
    },
  } as unknown as GroupReceiptStore;
  const receipts = new GroupReceipts({ groupReceipts: store, logger: console } as unknown as GroupReceiptsPorts);
  return { receipts, advanced, aggregates };
}

const group = (groupId: string, userId: string, deviceId: number, messageId: string) =>
  parseAckedId(encodeQueueId({ kind: 'group', groupId, sender: { userId, deviceId }, messageId }));
const direct = parseAckedId(
  encodeQueueId({
    kind: 'direct',
    sender: { userId: 'bob', deviceId: 1 },
    messageId: 'x',
    attempt: 0,
    noReceipts: false,
  }),
);
const bob = { userId: 'bob', deviceId: 2 };

describe('group receipts: an ack moves delivered cursors', () => {
  it('one group message from another user moves the acker cursor; a move asks for the aggregate', async () => {
    const { receipts, advanced, aggregates } = setup(true);
    await receipts.delivered(bob, [group('g1', 'alice', 1, 'm5')]);
    await receipts.idle();
    expect(advanced).toEqual(['g1 alice/1 bob delivered m5']);
    expect(aggregates).toEqual(['g1']);
  });

  it('an ack of one of its own user group messages, of a 1:1 message or of nothing moves no cursor', async () => {
    const { receipts, advanced } = setup(true);
    await receipts.delivered(bob, [group('g1', 'bob', 1, 'm5')]);
    await receipts.delivered(bob, [direct]);
    await receipts.delivered(bob, [undefined]);
    await receipts.delivered(bob, [group('g1', 'bob', 1, 'm6'), direct, undefined]);
    expect(advanced).toEqual([]);
  });

  it('many ids: one move per group and sending device, to its latest message; no aggregate without a move', async () => {
    const { receipts, advanced, aggregates } = setup(false);
    await receipts.delivered(bob, [
      group('g1', 'alice', 1, 'm2'),
      group('g1', 'alice', 1, 'm9'),
      group('g1', 'alice', 1, 'm4'),
      group('g1', 'alice', 2, 'm1'),
      group('g2', 'alice', 1, 'm3'),
      group('g1', 'bob', 1, 'm8'),
      direct,
    ]);
    await receipts.idle();
    expect(advanced.sort()).toEqual([
      'g1 alice/1 bob delivered m9',
      'g1 alice/2 bob delivered m1',
      'g2 alice/1 bob delivered m3',
    ]);
    expect(aggregates).toEqual([]);
  });
});

// The batched path: a store whose cursor moves commit with the ack gives one answer per message and
// batch (`advanceInBatch`); every member's ack joins it and the aggregate is checked once.
function batchedSetup() {
  const advanced: string[] = [];
  const aggregates: string[] = [];
  const logged: string[] = [];
  const batch = new Map<string, { promise: Promise<boolean>; settle: (moved: boolean | Error) => void }>();
  const store = {
    advanceInBatch: (groupId: string, sender: { userId: string }, member: string, status: string, id: string) => {
      advanced.push(`${groupId} ${sender.userId} ${member} ${status} ${id}`);
      let entry = batch.get(id);
      if (!entry) {
        let settle!: (moved: boolean | Error) => void;
        const promise = new Promise<boolean>((resolve, reject) => {
          settle = (moved) => (moved instanceof Error ? reject(moved) : resolve(moved));
        });
        entry = { promise, settle };
        batch.set(id, entry);
      }
      return entry.promise;
    },
    aggregate: async (groupId: string) => {
      aggregates.push(groupId);
      return {};
    },
  } as unknown as GroupReceiptStore;
  const logger = { ...console, debug: (message: string) => logged.push(message) };
  const receipts = new GroupReceipts({ groupReceipts: store, logger } as unknown as GroupReceiptsPorts);
  const settle = (id: string, moved: boolean | Error) => batch.get(id)?.settle(moved);
  return { receipts, advanced, aggregates, logged, settle };
}

describe('group receipts: acks whose cursors commit with them (deliveredInBatch)', () => {
  it('many members acking one message: every cursor asked for, one aggregate check once the batch moved any', async () => {
    const { receipts, advanced, aggregates, settle } = batchedSetup();
    expect(receipts.batched).toBe(true);
    for (const member of ['bob', 'carol', 'dave']) {
      receipts.deliveredInBatch({ userId: member, deviceId: 1 }, [group('g1', 'alice', 1, 'm5')]);
    }
    expect(advanced).toEqual([
      'g1 alice bob delivered m5',
      'g1 alice carol delivered m5',
      'g1 alice dave delivered m5',
    ]);
    settle('m5', true);
    await vi.waitFor(() => expect(aggregates).toEqual(['g1']));
    await receipts.idle();
    expect(aggregates).toEqual(['g1']);
  });

  it('a batch that moved nothing checks nothing; a failed batch is logged (its acks are tried again)', async () => {
    const { receipts, aggregates, logged, settle } = batchedSetup();
    receipts.deliveredInBatch(bob, [group('g1', 'alice', 1, 'm1')]);
    receipts.deliveredInBatch(bob, [group('g1', 'alice', 1, 'm2')]);
    settle('m1', false);
    settle('m2', new Error('disk full'));
    await vi.waitFor(() => expect(logged).toEqual(['group receipt cursors not stored']));
    await receipts.idle();
    expect(aggregates).toEqual([]);
  });

  it('own messages, 1:1 ids and many ids: as delivered does, the latest per sending device only', () => {
    const { receipts, advanced } = batchedSetup();
    receipts.deliveredInBatch(bob, [group('g1', 'bob', 1, 'm5')]);
    receipts.deliveredInBatch(bob, [direct]);
    receipts.deliveredInBatch(bob, [group('g1', 'alice', 1, 'm2'), group('g1', 'alice', 1, 'm9'), direct, undefined]);
    expect(advanced).toEqual(['g1 alice bob delivered m9']);
  });
});
