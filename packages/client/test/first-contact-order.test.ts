import type { ParleyClient, ReceivedMessage } from '@parley/client';
import { describe, expect, it, vi } from 'vitest';
import { newClient, numbered, startServer, texts } from './helpers/harness.js';

const PAIRS = 10;
const EACH = 20;

interface Side {
  client: ParleyClient;
  got: ReceivedMessage[];
  undecryptable: number;
}

function side(url: string, userId: string): Side {
  const s: Side = { client: newClient(url, userId), got: [], undecryptable: 0 };
  s.client.on('message:received', (m) => s.got.push(m));
  s.client.on('message:undecryptable', () => s.undecryptable++);
  return s;
}

/** How many messages arrived after one that was sent after them (0 when in order). */
function outOfOrder(received: string[], sent: string[]): number {
  const rank = new Map(sent.map((text, i) => [text, i]));
  let highest = -1;
  let late = 0;
  for (const text of received) {
    const r = rank.get(text) ?? -1;
    if (r < highest) late++;
    else highest = r;
  }
  return late;
}

describe('first-contact race', () => {
  it(`${PAIRS} pairs writing ${EACH} messages to each other at the same moment: every message arrives once and in order`, async () => {
    const { server } = await startServer();
    const pairs = Array.from(
      { length: PAIRS },
      (_, i) => [side(server.url, `a${i}`), side(server.url, `b${i}`)] as const,
    );
    await Promise.all(pairs.flatMap(([a, b]) => [a.client.connect(), b.client.connect()]));

    // Neither side of a pair has a session with the other: both start one at the same moment.
    const lists = new Map<Side, string[]>();
    for (const [a, b] of pairs) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const list = numbered(from.client.userId, EACH);
        lists.set(to, list);
        for (const text of list) void from.client.sendText(to.client.userId, text);
      }
    }
    const all = pairs.flat();
    await vi.waitFor(() => expect(all.every((s) => s.got.length >= EACH)).toBe(true), {
      timeout: 120_000,
      interval: 100,
    });

    let late = 0;
    let undecryptable = 0;
    let unordered = 0;
    for (const s of all) {
      const sent = lists.get(s) ?? [];
      expect(new Set(texts(s.got))).toEqual(new Set(sent));
      expect(s.got).toHaveLength(EACH);
      const n = outOfOrder(texts(s.got), sent);
      late += n;
      if (n > 0) unordered++;
      undecryptable += s.undecryptable;
    }
    // Before Signal's session-switching rules (core/crypto/session-switch.ts): 20/20 receivers out of
    // order, ~140 late messages, ~180/400 first undecryptable, all from a session damaged by a
    // failed decryption attempt on it.
    expect({ unordered, late, undecryptable }).toEqual({ unordered: 0, late: 0, undecryptable: 0 });
  }, 180_000);
});
