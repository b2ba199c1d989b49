// Generators of hostile client frames for the gateway fuzz run: random bytes, valid frames of every
// request kind with wild field values, and those frames truncated, bit-flipped, with wrong wire types,
// huge length prefixes, deep nesting and huge repeated fields.
import { type ClientFrameInit, encodeClientFrame } from '@parley/core';
import fc from 'fast-check';

/** Strings a frame may carry: empty, control characters, lone surrogates, long ones. */
const wildString = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u001fb', '\ud800', 'x'.repeat(129), 'y'.repeat(600), 'alice', 'bob'),
);
const wildBytes = fc.oneof(fc.uint8Array({ maxLength: 48 }), fc.constant(new Uint8Array(300)));
const wildUint = fc.oneof(fc.nat({ max: 5 }), fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1));
const wildIds = fc.array(wildString, { maxLength: 8 });
/** Enum values, known or not (an unknown one is what a newer or hostile client sends). */
const wildEnum = (...values: number[]) => fc.constantFrom(...values) as fc.Arbitrary<never>;
const payload = fc.record({ type: wildEnum(0, 1, 2, 3, 99), data: wildBytes });

/** A request body of every kind a client may send, with wild fields. */
const body: fc.Arbitrary<Omit<ClientFrameInit, 'requestId'>> = fc.oneof(
  fc.record({ ping: fc.record({ nonce: wildUint }) }),
  fc.record({ pong: fc.record({ nonce: wildUint }) }),
  fc.record({
    hello: fc.record({
      protocolVersion: fc.constantFrom(0, 1, 2),
      userId: wildString,
      deviceId: wildUint,
      authKey: wildBytes,
      token: wildString,
      clientInfo: wildString,
    }),
  }),
  fc.record({ auth: fc.record({ signature: wildBytes }) }),
  fc.record({
    send: fc.record({
      messageId: wildString,
      userId: wildString,
      shared: payload,
      copies: fc.array(fc.record({ to: fc.record({ userId: wildString, deviceId: wildUint }), payload }), {
        maxLength: 3,
      }),
      attempt: wildUint,
    }),
  }),
  fc.record({ send: fc.record({ messageId: wildString, groupId: wildString, shared: payload }) }),
  fc.record({ deliverAck: fc.record({ ids: wildIds }) }),
  fc.record({
    receipt: fc.record({ userId: wildString, messageIds: wildIds, status: wildEnum(0, 1, 2, 7) }),
  }),
  fc.record({ presenceSubscribe: fc.record({ userIds: wildIds }) }),
  fc.record({ presenceUnsubscribe: fc.record({ userIds: wildIds }) }),
  fc.record({ setContacts: fc.record({ userIds: wildIds }) }),
  fc.record({ setActive: fc.record({ active: fc.boolean() }) }),
  fc.record({ typing: fc.record({ userId: wildString, typing: fc.boolean() }) }),
  fc.record({ registerPushToken: fc.record({ provider: wildString, token: wildString }) }),
  fc.record({ groupGet: fc.record({ groupId: wildString }) }),
  fc.record({ groupList: fc.constant({}) }),
  fc.record({ groupHistory: fc.record({ groupId: wildString, fromVersion: wildUint }) }),
  fc.record({ groupReceipts: fc.record({ groupId: wildString, messageId: wildString }) }),
  fc.record({
    groupChange: fc.record({
      record: fc.record({
        groupId: wildString,
        version: wildUint,
        prevHash: wildBytes,
        actor: fc.record({ userId: wildString, deviceId: wildUint }),
        signature: wildBytes,
        create: fc.record({
          name: wildString,
          members: fc.array(fc.record({ userId: wildString, role: wildEnum(0, 1, 2, 9) }), { maxLength: 4 }),
        }),
      }),
    }),
  }),
  fc.record({
    keysUpload: fc.record({
      registrationId: wildUint,
      identityKey: wildBytes,
      oneTimePrekeys: fc.array(fc.record({ keyId: wildUint, publicKey: wildBytes }), { maxLength: 4 }),
    }),
  }),
  fc.record({ keysFetch: fc.record({ userId: wildString, deviceIds: fc.array(wildUint, { maxLength: 4 }) }) }),
  fc.record({ keysCount: fc.constant({}) }),
  fc.record({ devicesGet: fc.record({ userId: wildString }) }),
  fc.record({ deviceRemove: fc.record({ deviceId: wildUint }) }),
  fc.record({ mediaUpload: fc.record({ size: fc.constantFrom(0, 1, 2 ** 40) }) }),
  fc.record({ mediaDownload: fc.record({ blobId: wildString }) }),
);

/** A valid encoding of a wild request (request id 0 or not). */
export const validFrame: fc.Arbitrary<Uint8Array> = fc
  .record({ requestId: fc.oneof(fc.constant(0), fc.nat({ max: 1_000 })), body })
  .map(({ requestId, body: b }) => {
    try {
      return encodeClientFrame({ requestId, ...b } as ClientFrameInit, { maxFrameBytes: 1 << 20 });
    } catch {
      return new Uint8Array([0x62, 0x00]); // a body the encoder refused: an empty ping instead
    }
  });

/** Varint bytes of a non-negative integer (up to 2^53). */
function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

const truncated = validFrame.chain((bytes) =>
  fc.nat({ max: Math.max(0, bytes.length - 1) }).map((end) => bytes.slice(0, end)),
);

const bitFlipped = fc.tuple(validFrame, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([bytes, flips]) => {
  const out = new Uint8Array(bytes);
  if (out.length === 0) return out;
  for (const f of flips) out[f % out.length]! ^= 1 << (f % 8);
  return out;
});

/** A valid frame whose first tag says another wire type (0-7) than its field has. */
const wrongWireType = fc.tuple(validFrame, fc.integer({ min: 0, max: 7 })).map(([bytes, wire]) => {
  const out = new Uint8Array(bytes);
  if (out.length > 0) out[0] = (out[0]! & ~7) | wire;
  return out;
});

/** A length-delimited field announcing far more bytes than follow. */
const hugeLength = fc
  .tuple(fc.constantFrom(10, 20, 21, 30, 40, 50, 99), fc.constantFrom(2 ** 31, 2 ** 32 + 5, 2 ** 50, 1 << 20))
  .map(([field, length]) => new Uint8Array([...varint((field << 3) | 2), ...varint(length), 1, 2, 3]));

/** Messages nested `depth` deep (send -> unknown field -> ...), built inside out in one buffer. */
function nested(depth: number): Uint8Array {
  const tag = varint((20 << 3) | 2);
  let inner = [0x08, 0x01];
  for (let i = 0; i < depth; i++) inner = [...tag, ...varint(inner.length), ...inner];
  return new Uint8Array(inner);
}

/** Repeated fields with tens of thousands of entries (within the 512 KiB frame limit). */
function hugeRepeated(): Uint8Array[] {
  const ids = Array.from({ length: 40_000 }, (_, i) => `u${i}`);
  const frames: ClientFrameInit[] = [
    { requestId: 0, deliverAck: { ids } },
    { requestId: 7, keysFetch: { userId: 'bob', deviceIds: ids.map((_, i) => i + 1) } },
    { requestId: 7, presenceSubscribe: { userIds: ids } },
    { requestId: 7, setContacts: { userIds: ids } },
    { requestId: 7, receipt: { userId: 'bob', messageIds: ids, status: 2 } },
  ];
  return frames.map((f) => encodeClientFrame(f, { maxFrameBytes: 1 << 20 }));
}

/**
 * The expensive shapes, built once and sent a few times per connection: deep nesting (messages and
 * start-group tags) and huge repeated fields.
 */
export function specialFrames(): Uint8Array[] {
  return [
    nested(100),
    nested(2_000),
    new Uint8Array(10_000).fill(0x0b), // field 1, start group, 10,000 deep
    new Uint8Array(10_000).fill(0xa3), // field 20, start group
    ...hugeRepeated(),
  ];
}

/** Every kind of hostile frame, weighted towards the cheap ones so a run sends many. */
export const hostileFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 20 },
  { arbitrary: fc.uint8Array({ minLength: 64, maxLength: 2_048 }), weight: 2 },
  { arbitrary: validFrame, weight: 30 },
  { arbitrary: truncated, weight: 15 },
  { arbitrary: bitFlipped, weight: 20 },
  { arbitrary: wrongWireType, weight: 8 },
  { arbitrary: hugeLength, weight: 3 },
);
