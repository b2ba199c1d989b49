import { type parley, pb } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { recordingLogger } from '@parley/test-utils/recording-logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeGatewayNote,
  encodeGatewayNote,
  type GatewayNote,
  gatewayNoteListener,
} from '../src/cluster/gateway-note.js';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';
import { PRESENCE_CHANNEL, PresenceCluster } from '../src/presence/presence-cluster.js';

const encode = (note: parley.v1.GatewayNote.$Properties) => pb.GatewayNote.encode(note).finish();
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
function varint(value: number): number[] {
  const out: number[] = [];
  for (let v = value; ; v >>>= 7) {
    if (v < 0x80) return [...out, v];
    out.push((v & 0x7f) | 0x80);
  }
}
/** A length-delimited field, as a later version could add. */
const field = (n: number, bytes: Uint8Array) =>
  new Uint8Array([...varint((n << 3) | 2), ...varint(bytes.length), ...bytes]);
/** A varint field, as a later version could add. */
const varintField = (n: number, value: number) => new Uint8Array([...varint(n << 3), ...varint(value)]);

describe('gateway notes (cluster.proto GatewayNote)', () => {
  const notes: GatewayNote[] = [
    { from: 'g1', kind: 'nudge', device: { userId: 'alice', deviceId: 2 } },
    {
      from: 'g1',
      kind: 'nudge',
      device: { userId: 'alice', deviceId: 2 },
      entries: [
        { id: 'q1', seq: 7, data: new Uint8Array([1, 2]), storedAt: 1_700_000_000_000 },
        { id: 'q2', seq: 8, data: new Uint8Array([3]), storedAt: 1_700_000_000_001, shared: new Uint8Array([9, 9]) },
      ],
    },
    { from: 'g1', kind: 'kick', device: { userId: 'alice', deviceId: 2 }, connectionId: 'g1:7' },
    { from: 'g1', kind: 'presenceOnline', userId: 'bob' },
    { from: 'g1', kind: 'presenceOffline', userId: 'bob', lastSeen: 1_700_000_000_000 },
    { from: 'g1', kind: 'presenceOffline', userId: 'bob' },
    { from: 'g1', kind: 'presenceOffline', userId: 'bob', lastSeen: 0 },
    { from: 'g1', kind: 'presenceHeartbeat', userIds: ['a', 'b'] },
    { from: 'g1', kind: 'presenceHello' },
    { from: 'g1', kind: 'typing', userId: 'alice', peerUserId: 'bob', typing: true },
  ];

  it.each(notes)('reads back %o', (note) => {
    const { from, ...body } = note;
    expect(decodeGatewayNote(encodeGatewayNote(from, body))).toEqual(note);
  });

  it('reads a nudge whose entries are malformed as a plain nudge (the receiver then reads the queue)', () => {
    const device = { userId: 'alice', deviceId: 2 };
    const entry = { id: 'q', seq: 5, data: new Uint8Array([1]), storedAt: 1 };
    for (const entries of [
      [{ ...entry, id: '' }],
      [{ ...entry, seq: 0 }],
      [{ ...entry, data: new Uint8Array(0) }],
      [entry, { ...entry, id: 'r', seq: 5 }], // seqs must rise
    ]) {
      const note = decodeGatewayNote(encode({ version: 1, gatewayId: 'g1', nudge: { device, entries } }));
      expect(note).toEqual({ from: 'g1', kind: 'nudge', device });
    }
  });

  it('says which revision the sender speaks', () => {
    expect(pb.GatewayNote.decode(encodeGatewayNote('g1', { kind: 'presenceHello' })).version).toBe(1);
  });

  it('refuses what is no note, or a note without what its case needs, with a typed error', () => {
    for (const bad of [
      new TextEncoder().encode('{"t":"nudge","u":"alice","d":1}'), // the JSON notes of earlier versions
      encode({ version: 1, presenceHello: {} }), // no sender
      encode({ version: 1, gatewayId: 'g1', nudge: { device: { userId: 'alice' } } }), // no device id
      encode({ version: 1, gatewayId: 'g1', kick: { device: { userId: 'alice', deviceId: 1 } } }), // no connection
      encode({ version: 1, gatewayId: 'g1', typing: { userId: 'alice' } }), // no peer
    ]) {
      expect(() => decodeGatewayNote(bad)).toThrowError(expect.objectContaining({ code: 'BAD_FRAME' }));
    }
  });

  it('reads a note of a later version: unknown fields and unknown cases are ignored, not fatal', () => {
    const known = encode({ version: 2, gatewayId: 'g9', presenceOnline: { userId: 'zoe' } });
    // New fields on the note and inside a known case.
    const withNewFields = concat(
      encode({ version: 2, gatewayId: 'g9' }),
      field(20, concat(pb.PresenceOnline.encode({ userId: 'zoe' }).finish(), varintField(5, 7))),
      field(40, new TextEncoder().encode('future')),
    );
    expect(decodeGatewayNote(known)).toEqual({ from: 'g9', kind: 'presenceOnline', userId: 'zoe' });
    expect(decodeGatewayNote(withNewFields)).toEqual({ from: 'g9', kind: 'presenceOnline', userId: 'zoe' });
    // A case this version does not know: nothing to do, and no complaint.
    const newCase = concat(encode({ version: 2, gatewayId: 'g9' }), field(30, new Uint8Array([8, 1])));
    expect(decodeGatewayNote(newCase)).toBeUndefined();
    const logger = recordingLogger();
    const heard: GatewayNote[] = [];
    gatewayNoteListener(logger, (n) => heard.push(n))(newCase);
    expect(heard).toEqual([]);
    expect(logger.warnings).toEqual([]);
  });

  it('drops a bad note with a log line instead of throwing into the bus', () => {
    const logger = recordingLogger();
    const heard: GatewayNote[] = [];
    const listener = gatewayNoteListener(logger, (n) => heard.push(n));
    expect(() => listener(new Uint8Array([0xff, 0xff, 0xff]))).not.toThrow();
    expect(heard).toEqual([]);
    expect(logger.warnings.map((w) => w.message)).toEqual(['bad gateway note dropped']);
  });
});

describe('a gateway beside one of a later version', () => {
  let server: ParleyServer | undefined;
  let stores: ServerStores | undefined;
  const peers: RawPeer[] = [];
  const clusters: PresenceCluster[] = [];
  afterEach(async () => {
    for (const p of peers.splice(0)) p.close();
    for (const c of clusters.splice(0)) await c.stop();
    await server?.close();
    await stores?.close();
  });

  it('keeps serving, takes the notes it knows and ignores the rest', async () => {
    stores = memoryStores();
    const logger = recordingLogger();
    server = await createServer({ stores, logger, gatewayId: 'old' });
    const alice = await RawPeer.authenticated(server.url, 'alice');
    peers.push(alice);
    // The later gateway's notes: a new case on the device channel and on the presence channel, then
    // a known kick carrying a new field, for alice's connection here.
    const later = (note: parley.v1.GatewayNote.$Properties, extra: Uint8Array) => concat(encode(note), extra);
    await stores.bus.publish(
      'parley.gateway.old',
      later({ version: 2, gatewayId: 'new' }, field(12, new Uint8Array())),
    );
    await stores.bus.publish(PRESENCE_CHANNEL, later({ version: 2, gatewayId: 'new' }, field(25, new Uint8Array())));
    const changes: string[] = [];
    const watcher = new PresenceCluster({
      bus: stores.bus,
      gatewayId: 'watcher',
      clock: Date.now,
      logger,
      onRemoteChange: (userId, state) => changes.push(`${userId}:${state.online}`),
      onRemoteTyping: () => {},
    });
    clusters.push(watcher);
    await watcher.start();
    await stores.bus.publish(
      PRESENCE_CHANNEL,
      later({ version: 2, gatewayId: 'new', presenceOnline: { userId: 'zoe' } }, varintField(50, 1)),
    );
    await vi.waitFor(() => expect(changes).toContain('zoe:true'));
    expect((await alice.request({ ping: { nonce: 5 } })).pong?.nonce).toBe(5);
    const connectionId = `old:1`;
    await stores.bus.publish(
      'parley.gateway.old',
      later(
        { version: 2, gatewayId: 'new', kick: { device: { userId: 'alice', deviceId: 1 }, connectionId } },
        varintField(60, 1),
      ),
    );
    expect(await alice.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_REPLACED);
    expect(logger.warnings.filter((w) => w.message.includes('gateway note'))).toEqual([]);
  });
});
