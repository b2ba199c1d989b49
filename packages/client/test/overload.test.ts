import { createClient, memoryClientStore, type ParleyClient } from '@parley/client';
import { decodeServerFrame } from '@parley/core';
import { memoryStores } from '@parley/server-kit';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { newClient, numbered, onCleanup, startServer, texts } from './helpers/harness.js';

/** A WebSocket that hands every error frame the server sends to `onError`. */
function errorSpyWebSocket(onError: (code: number, retryAfterMs: number) => void) {
  return class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('message', (data: Buffer) => {
        const frame = decodeServerFrame(new Uint8Array(data));
        if (frame.error) onError(frame.error.code ?? 0, Number(frame.error.retryAfterMs ?? 0));
      });
    }
  } as unknown as NonNullable<Parameters<typeof createClient>[0]['WebSocket']>;
}

const OVERLOADED = 28; // parley.v1.ErrorCode.ERROR_CODE_OVERLOADED

describe('overload push-back', () => {
  it('refuses a flooding sender with retryable OVERLOADED while serving others; its outbox backs off and delivers everything once, in order', async () => {
    // The heavy sender's first store write waits at a gate the test opens, so the gateway stays past
    // its (tiny) pending limit for as long as the test needs: no timing decides what is refused.
    const stores = memoryStores();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const enqueue = stores.queue.enqueue.bind(stores.queue);
    stores.queue.enqueue = async (items, options) => {
      if (items[0]?.id.startsWith('heavy')) await gate;
      return enqueue(items, options);
    };
    onCleanup(() => stores.close());
    const { server } = await startServer({ stores, limits: { maxPendingRequests: 1, overloadRetryAfterMs: 20 } });

    const refusals: number[] = [];
    const heavy = createClient({
      url: server.url,
      userId: 'heavy',
      store: memoryClientStore(),
      reconnect: { minDelayMs: 20, maxDelayMs: 200 },
      WebSocket: errorSpyWebSocket((code, retryAfterMs) => {
        if (code === OVERLOADED) refusals.push(retryAfterMs);
      }),
    });
    onCleanup(() => heavy.close());
    const light = newClient(server.url, 'light');
    const recipients: ParleyClient[] = ['r0', 'r1', 'r2', 'r3'].map((id) => newClient(server.url, id));
    const got = recipients.map((r) => collect(r));
    await Promise.all([heavy, light, ...recipients].map((c) => c.connect()));

    // Heavy: 15 messages to each of four users at once (four conversations, four sends in flight).
    const sent = recipients.map((_, i) => numbered(`heavy-to-r${i}`, 15));
    const heavyResults = Promise.all(sent.flatMap((texts, i) => texts.map((t) => heavy.sendText(`r${i}`, t))));
    await vi.waitFor(() => expect(refusals.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(refusals.every((ms) => ms === 20)).toBe(true);

    // Light, meanwhile, is served: every one of its messages arrives while heavy is still stuck.
    const lightTexts = numbered('light', 10);
    for (const t of lightTexts) expect((await light.sendText('r0', t)).status).toBe('sent');
    await vi.waitFor(() => expect(texts(got[0] ?? []).filter((t) => t.startsWith('light'))).toEqual(lightTexts));
    expect(got.flat().some((m) => m.from.userId === 'heavy')).toBe(false);

    open();
    const results = await heavyResults;
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    for (const [i, list] of got.entries()) {
      await vi.waitFor(() => expect(list.filter((m) => m.from.userId === 'heavy')).toHaveLength(15), {
        timeout: 20_000,
      });
      const fromHeavy = list.filter((m) => m.from.userId === 'heavy');
      expect(texts(fromHeavy)).toEqual(sent[i]); // once each, in order
    }
  });
});
