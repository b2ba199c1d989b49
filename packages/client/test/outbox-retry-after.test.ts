import { ParleyError, type parley } from '@parley/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientConnection } from '../src/connection.js';
import { encodeLane } from '../src/outbox/lane.js';
import { Outbox } from '../src/outbox/outbox.js';
import type { NewRecord, ReceiptRecord } from '../src/outbox/outbox-record.js';
import { memoryClientStore } from '../src/stores/memory-store.js';

/** A connection whose requests the test answers one by one, in the order they were made. */
function scriptedConnection() {
  const calls: Array<{ chat: string; settle(error?: ParleyError): void }> = [];
  const connection = {
    isReady: true,
    request(body: { receipt?: parley.v1.Receipt.$Properties }) {
      return new Promise((resolve, reject) => {
        calls.push({
          chat: body.receipt?.userId ?? '?',
          settle: (error) => (error ? reject(error) : resolve({ ok: {} })),
        });
      });
    },
  } as unknown as ClientConnection;
  return { connection, calls };
}

const receipt = (chatId: string, id: string): NewRecord<ReceiptRecord> => ({
  kind: 'receipt',
  id,
  lane: encodeLane({ kind: 'receipts', chatId }),
  createdAt: 0,
  receipt: { userId: chatId, messageIds: [id], status: 2 },
});

function outboxOver(connection: ClientConnection) {
  const noop = async () => {};
  return new Outbox(memoryClientStore(), connection, {
    onSent: noop,
    afterSent: () => {},
    onFailed: noop,
    afterFailed: () => {},
  });
}

/** Lets pending promise work run without moving the fake clock (vi.waitFor would advance it). */
const settle = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => {
  vi.useRealTimers();
});

describe('outbox retry-after', () => {
  it('holds every lane for the retry-after of an OVERLOADED refusal, then sends them all', async () => {
    vi.useFakeTimers();
    const { connection, calls } = scriptedConnection();
    const outbox = outboxOver(connection);
    await outbox.addInternal(receipt('a', 'a1'));
    expect(calls.map((c) => c.chat)).toEqual(['a']);
    calls[0]?.settle(new ParleyError('OVERLOADED', 'busy', { retryable: true, retryAfterMs: 1_000 }));
    await settle();

    // Another conversation's record waits too: the refusal was about the server, not the lane.
    await outbox.addInternal(receipt('b', 'b1'));
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.chat).sort()).toEqual(['a', 'a', 'b']);
    for (const c of calls.slice(1)) c.settle();
    await settle();
    expect(outbox.size).toBe(0);
    outbox.stop();
  });

  it('retries after exactly the hint, not the grown backoff, and holds only the lane for QUEUE_FULL', async () => {
    vi.useFakeTimers();
    const { connection, calls } = scriptedConnection();
    const outbox = outboxOver(connection);
    await outbox.addInternal(receipt('a', 'a1'));
    // Three refusals without a hint grow the outbox's own backoff (0.5 s, 1 s, 2 s)...
    for (const wait of [500, 1_000, 2_000]) {
      calls.at(-1)?.settle(new ParleyError('UNAVAILABLE', 'down'));
      await settle();
      const before = calls.length;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(calls).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(before + 1);
    }
    // ...but a hint is taken as it is: 100 ms, not 4 s.
    calls.at(-1)?.settle(new ParleyError('QUEUE_FULL', 'full', { retryable: true, retryAfterMs: 100 }));
    await settle();
    // A full recipient queue is that conversation's trouble: another lane goes at once.
    await outbox.addInternal(receipt('b', 'b1'));
    expect(calls.at(-1)?.chat).toBe('b');
    const before = calls.length;
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)?.chat).toBe('a');
    outbox.stop();
  });

  it('backs off on CONNECTION_CLOSED while the connection still says ready, instead of resending at once', async () => {
    vi.useFakeTimers();
    // A socket that fails every write before its close event came: `isReady` is still true. An
    // outbox that released the lane and pumped again at once would loop in microtasks; after 100
    // calls this connection stops answering, so such an outbox fails the count below, not the run.
    let calls = 0;
    const connection = {
      isReady: true,
      request() {
        calls++;
        if (calls > 100) return new Promise(() => {});
        return Promise.reject(new ParleyError('CONNECTION_CLOSED', 'socket is not open'));
      },
    } as unknown as ClientConnection;
    const outbox = outboxOver(connection);
    await outbox.addInternal(receipt('a', 'a1'));
    await settle();
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    outbox.stop();
  });
});
