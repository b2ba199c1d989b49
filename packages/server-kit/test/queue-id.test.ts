import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeQueueId, parseAckedId, parseQueueId, type QueueId, receiptQueueId } from '../src/messages/queue-id.js';

const S = '\u001f';

describe('queue ids: the formats stored queues already hold', () => {
  // Literal strings as every earlier version wrote them: queues persist across upgrades, so these never change.
  const today: Array<[QueueId, string]> = [
    [
      { kind: 'direct', sender: { userId: 'alice', deviceId: 2 }, messageId: 'm1', attempt: 0, noReceipts: false },
      `alice${S}2${S}m1`,
    ],
    [
      { kind: 'direct', sender: { userId: 'alice', deviceId: 2 }, messageId: 'm1', attempt: 3, noReceipts: false },
      `alice${S}2${S}m1${S}3`,
    ],
    [
      { kind: 'direct', sender: { userId: 'alice', deviceId: 2 }, messageId: 'm1', attempt: 0, noReceipts: true },
      `alice${S}2${S}m1${S}-`,
    ],
    [
      { kind: 'direct', sender: { userId: 'alice', deviceId: 2 }, messageId: 'm1', attempt: 3, noReceipts: true },
      `alice${S}2${S}m1${S}3${S}-`,
    ],
    [
      { kind: 'group', groupId: 'g1', sender: { userId: 'bob', deviceId: 1 }, messageId: 'm9' },
      `${S}g${S}g1${S}bob${S}1${S}m9`,
    ],
    [{ kind: 'groupRecord', groupId: 'g1', version: 3 }, `${S}gr${S}g1${S}3`],
    [
      { kind: 'receipt', by: 'carol', status: 'delivered', first: 'a', last: 'c', count: 3 },
      `${S}r${S}carol${S}d${S}a${S}c${S}3`,
    ],
    [
      { kind: 'receipt', by: 'carol', status: 'read', first: 'a', last: 'a', count: 1 },
      `${S}r${S}carol${S}r${S}a${S}a${S}1`,
    ],
    [
      { kind: 'receipt', by: 'carol', status: 'read', first: 'a', last: 'b', count: 2, groupId: 'g1' },
      `${S}r${S}carol${S}r${S}a${S}b${S}2${S}g1`,
    ],
    [
      { kind: 'groupAggregate', groupId: 'g1', senderDeviceId: 4, status: 'delivered', upTo: 'm7' },
      `${S}r${S}ga${S}g1${S}4${S}delivered${S}m7`,
    ],
    [
      { kind: 'groupAggregate', groupId: 'g1', senderDeviceId: 4, status: 'read', upTo: 'm7' },
      `${S}r${S}ga${S}g1${S}4${S}read${S}m7`,
    ],
  ];

  it.each(today)('encodes %o byte for byte as before, and reads it back', (id, literal) => {
    expect(encodeQueueId(id)).toBe(literal);
    expect(parseQueueId(literal)).toEqual(id);
  });

  it('builds receipt ids from a batch: first, last and count', () => {
    expect(receiptQueueId('carol', 'delivered', ['a', 'b', 'c'])).toBe(`${S}r${S}carol${S}d${S}a${S}c${S}3`);
    expect(receiptQueueId('carol', 'read', ['a', 'b'], 'g1')).toBe(`${S}r${S}carol${S}r${S}a${S}b${S}2${S}g1`);
  });

  it('reads strings no encoder writes as nothing', () => {
    for (const junk of [
      '',
      'alice',
      `alice${S}2`,
      `alice${S}x${S}m`,
      `alice${S}2${S}m${S}0`,
      `${S}q${S}x`,
      `${S}gr${S}g1`,
    ]) {
      expect(parseQueueId(junk)).toBeUndefined();
    }
  });

  it('has one ambiguity, kept for compatibility: a receipt by user "ga" can read like a group aggregate', () => {
    const receipt: QueueId = { kind: 'receipt', by: 'ga', status: 'delivered', first: '4', last: 'read', count: 7 };
    const aggregate: QueueId = { kind: 'groupAggregate', groupId: 'd', senderDeviceId: 4, status: 'read', upTo: '7' };
    expect(encodeQueueId(receipt)).toBe(encodeQueueId(aggregate));
    expect(parseQueueId(encodeQueueId(receipt))).toEqual(aggregate);
  });
});

// Ids as the server can meet them: user ids without control characters, message and group ids of printable ASCII.
const userId = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0x2ffff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCodePoint(c)),
  minLength: 1,
  maxLength: 20,
});
const asciiId = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 16,
});
const deviceId = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const sender = fc.record({ userId, deviceId });
const status = fc.constantFrom('delivered' as const, 'read' as const);
const isInteger = (s: string) => String(Number(s)) === s;

const queueId: fc.Arbitrary<QueueId> = fc.oneof(
  fc.record({
    kind: fc.constant('direct' as const),
    sender,
    messageId: asciiId,
    attempt: fc.nat(1000),
    noReceipts: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('group' as const), groupId: asciiId, sender, messageId: asciiId }),
  fc.record({
    kind: fc.constant('groupRecord' as const),
    groupId: asciiId,
    version: fc.integer({ min: 1, max: 2 ** 31 }),
  }),
  fc
    .record(
      {
        kind: fc.constant('receipt' as const),
        by: userId,
        status,
        first: asciiId,
        last: asciiId,
        count: fc.integer({ min: 1, max: 1000 }),
        groupId: asciiId,
      },
      { requiredKeys: ['kind', 'by', 'status', 'first', 'last', 'count'] },
    )
    // The one ambiguity of the format (see the test above).
    .filter(
      (r) =>
        !(
          r.by === 'ga' &&
          r.groupId === undefined &&
          isInteger(r.first) &&
          (r.last === 'delivered' || r.last === 'read')
        ),
    ),
  fc.record({
    kind: fc.constant('groupAggregate' as const),
    groupId: asciiId,
    senderDeviceId: deviceId,
    status,
    upTo: asciiId,
  }),
);

describe('queue ids: properties', () => {
  it('every id reads back as itself', () => {
    fc.assert(
      fc.property(queueId, (id) => {
        expect(parseQueueId(encodeQueueId(id))).toEqual(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('no two different ids, of the same kind or not, encode to the same string', () => {
    fc.assert(
      fc.property(queueId, queueId, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(encodeQueueId(a)).not.toBe(encodeQueueId(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('an acknowledged id reads as parseQueueId reads it when it is a 1:1 or group message, else as nothing', () => {
    const acted = (id: QueueId | undefined) => (id?.kind === 'direct' || id?.kind === 'group' ? id : undefined);
    fc.assert(
      fc.property(queueId, (id) => {
        const text = encodeQueueId(id);
        expect(parseAckedId(text)).toEqual(acted(parseQueueId(text)));
      }),
      { numRuns: 2000 },
    );
    for (const junk of ['', S, `${S}g`, `${S}g${S}`, `${S}g${S}g1${S}bob${S}x${S}m`, `a${S}b`, `a${S}0${S}m`]) {
      expect(parseAckedId(junk)).toEqual(acted(parseQueueId(junk)));
    }
  });

  it('a run of acks repeating, alternating and nearly repeating ids reads each id as parseQueueId does', () => {
    // parseAckedId keeps the last group id it read: a repeat, a near miss or another id between must not confuse it.
    const acted = (id: QueueId | undefined) => (id?.kind === 'direct' || id?.kind === 'group' ? id : undefined);
    const near = [`${S}g${S}g1${S}bob${S}2${S}m1`, `${S}g${S}g1${S}bob${S}2${S}m2`, `${S}g${S}g1${S}bob${S}3${S}m1`];
    near.push(
      `${S}g${S}g2${S}bob${S}2${S}m1`,
      `${S}g${S}g1${S}bob${S}x${S}m1`,
      `bob${S}2${S}m1`,
      `${S}r${S}bob${S}d${S}a${S}b${S}1`,
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...near), queueId.map(encodeQueueId)), { maxLength: 12 }),
        (run) => {
          for (const text of run) expect(parseAckedId(text)).toEqual(acted(parseQueueId(text)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('every member ack of one group message shares one read of its id, frozen so no reader can change it', () => {
    const id = encodeQueueId({
      kind: 'group',
      groupId: 'g9',
      sender: { userId: 'carol', deviceId: 1 },
      messageId: 'm',
    });
    const first = parseAckedId(id);
    const again = parseAckedId(`${id.slice(0, -1)}m`); // equal text, another string
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.sender)).toBe(true);
  });

  it('only 1:1 message ids start with something other than U+001F', () => {
    fc.assert(
      fc.property(queueId, (id) => {
        expect(encodeQueueId(id).startsWith(S)).toBe(id.kind !== 'direct');
      }),
    );
  });
});
