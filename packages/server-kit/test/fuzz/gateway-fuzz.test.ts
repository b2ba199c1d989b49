// The gateway fuzz run of issue 17: generated hostile frames (random bytes, valid frames of every kind
// with wild fields, truncated, bit-flipped, wrong wire types, huge length prefixes, deep nesting, huge
// repeated fields) against a live gateway, before and after authentication. Holds: no crash, no error
// logged, only typed errors and documented close codes, bounded memory, and a pair of clients still
// exchanges a message afterwards. PARLEY_FUZZ_FRAMES sets a longer run (default 100,000 frames).
import { newMessageId, pb, type ServerFrame } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Logger, memoryStores, type ParleyServer, type ServerStores } from '../../src/index.js';
import { hostileFrame, specialFrames } from './frame-arbitraries.js';

const TOTAL = Number(process.env.PARLEY_FUZZ_FRAMES ?? 100_000);
const SEED = Number(process.env.PARLEY_FUZZ_SEED ?? 17);
/** Share of the frames sent before authentication (each connection closes at its first bad frame). */
const BEFORE_AUTH = Math.floor(TOTAL * 0.1);
const AFTER_AUTH = TOTAL - BEFORE_AUTH;
/** Frames sent on one authenticated connection before a round trip lets the gateway catch up. */
const BATCH = 1_000;

/** Close codes the protocol documents for what a fuzzer can provoke. */
const DOCUMENTED_CLOSES = new Set([
  1009, // frame over max_frame_bytes
  4000 + pb.CloseReason.CLOSE_REASON_PROTOCOL_ERROR,
  4000 + pb.CloseReason.CLOSE_REASON_AUTH_FAILED,
  4000 + pb.CloseReason.CLOSE_REASON_RATE_LIMITED,
  4000 + pb.CloseReason.CLOSE_REASON_UNSUPPORTED_VERSION,
]);
const ERROR_CODES = new Set<number>(Object.values(pb.ErrorCode).filter((v) => typeof v === 'number'));

let server: ParleyServer;
let stores: ServerStores;
const errorsLogged: string[] = [];
const logger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error: (message, fields) => void errorsLogged.push(`${message} ${JSON.stringify(fields ?? {})}`),
};

beforeAll(async () => {
  stores = memoryStores();
  // The fuzzer is one client sending as fast as it can: its frame budget and bad-frame tolerance are
  // lifted so that the frames reach the decoder and handlers instead of closing the connection.
  server = await createServer({
    stores,
    logger,
    limits: { framesPerSecond: 1_000_000, frameBurst: 1_000_000, maxBadFrames: 1_000_000 },
  });
});

afterAll(async () => {
  await server?.close();
  await stores?.close();
});

/** Fails on any frame the gateway should never send in answer to garbage. */
function checkAnswers(frames: readonly ServerFrame[]): void {
  for (const f of frames) {
    if (f.body === 'error') expect(ERROR_CODES.has(f.error?.code ?? -1), JSON.stringify(f.error)).toBe(true);
  }
}

function frames(count: number, seed: number): Uint8Array[] {
  return fc.sample(hostileFrame, { numRuns: count, seed });
}

describe('gateway fuzz', () => {
  it(`survives ${TOTAL} hostile frames before and after authentication`, async () => {
    const rssBefore = process.memoryUsage().rss;
    const closes = new Map<number, number>();
    let sent = 0;

    // Before authentication: a connection ends at its first undecodable frame, so many connections.
    for (let done = 0; done < BEFORE_AUTH; ) {
      const batch = frames(Math.min(50, BEFORE_AUTH - done), SEED + done);
      const p = await RawPeer.open(server.url);
      for (const bytes of batch) p.sendRaw(bytes);
      done += batch.length;
      sent += batch.length;
      p.sendRaw(new Uint8Array([0x62, 0x02, 0x08, 0x01])); // a ping: answered if still open
      await p.waitFor((f) => f.body === 'pong' || p.closeCode !== undefined).catch(() => undefined);
      checkAnswers(p.frames);
      if (p.closeCode !== undefined) closes.set(p.closeCode, (closes.get(p.closeCode) ?? 0) + 1);
      p.close();
    }

    // After authentication: batches on a few connections, each followed by a round trip.
    const special = specialFrames();
    let peer = await RawPeer.authenticated(server.url, 'fuzzer');
    for (let done = 0, round = 0; done < AFTER_AUTH; round++) {
      const batch = frames(Math.min(BATCH, AFTER_AUTH - done), SEED + 1_000_000 + round);
      if (round % 20 === 0) batch.push(special[(round / 20) % special.length] as Uint8Array);
      for (const bytes of batch) peer.sendRaw(bytes);
      done += batch.length;
      sent += batch.length;
      const nonce = round + 1;
      peer.send({ requestId: 0, ping: { nonce } });
      await peer.waitFor((f) => (f.body === 'pong' && f.pong?.nonce === nonce) || peer.closeCode !== undefined);
      checkAnswers(peer.frames);
      peer.frames.length = 0;
      if (peer.closeCode !== undefined) {
        expect(DOCUMENTED_CLOSES.has(peer.closeCode), `close ${peer.closeCode}`).toBe(true);
        closes.set(peer.closeCode, (closes.get(peer.closeCode) ?? 0) + 1);
        peer = await RawPeer.authenticated(server.url, 'fuzzer', 1, (peer as RawPeer & { key: never }).key);
      }
    }
    peer.close();

    for (const code of closes.keys()) expect(DOCUMENTED_CLOSES.has(code), `close ${code}`).toBe(true);
    expect(errorsLogged).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    // Memory: whatever the frames were, the process grew by less than the frames' worth of a few MiB each.
    const grownMiB = (process.memoryUsage().rss - rssBefore) / (1 << 20);
    expect(grownMiB, `RSS grew ${grownMiB.toFixed(0)} MiB`).toBeLessThan(300);

    // And the gateway still does its job: a pair of clients exchanges a message.
    const alice = await RawPeer.authenticated(server.url, 'alice');
    const bob = await RawPeer.authenticated(server.url, 'bob');
    try {
      const ack = await alice.request({
        send: {
          messageId: newMessageId(),
          userId: 'bob',
          shared: { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: textContent('still here') },
        },
      });
      expect(ack.body).toBe('sendAck');
      await bob.waitFor((f) => f.body === 'deliver');
    } finally {
      alice.close();
      bob.close();
    }
  }, 300_000);
});
