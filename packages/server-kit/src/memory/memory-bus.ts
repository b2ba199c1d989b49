import { ParleyError } from '@parley/core';
import type { Bus } from '../contracts/bus.js';

type Handler = (data: Uint8Array) => void;

/**
 * An in-process {@link Bus}: gateways in one process share one instance. Delivery is
 * asynchronous (a microtask later), like a network bus, so publishers never run handlers inline.
 * After `close`, `publish` drops messages (they are only nudges) and `subscribe` rejects with
 * ParleyError('CLOSED').
 */
export function memoryBus(): Bus {
  const channels = new Map<string, Set<Handler>>();
  let closed = false;

  return {
    async publish(channel, data) {
      const handlers = channels.get(channel);
      if (closed || !handlers || handlers.size === 0) return;
      // new Uint8Array(x) copies; Buffer#slice would share memory.
      const bytes = new Uint8Array(data);
      // Snapshot: who is subscribed now receives it; re-check at delivery so unsubscribe stops it.
      for (const handler of [...handlers]) {
        queueMicrotask(() => {
          if (closed || !channels.get(channel)?.has(handler)) return;
          try {
            handler(new Uint8Array(bytes));
          } catch {
            // One failing handler must not starve the others; a lost nudge only delays.
          }
        });
      }
    },

    async subscribe(channel, handler) {
      if (closed) throw new ParleyError('CLOSED', 'bus is closed');
      let handlers = channels.get(channel);
      if (!handlers) {
        handlers = new Set();
        channels.set(channel, handlers);
      }
      // A wrapper per subscription, so subscribing one function twice gives two subscriptions.
      const subscription: Handler = (data) => handler(data);
      handlers.add(subscription);
      return async () => {
        const set = channels.get(channel);
        if (!set) return;
        set.delete(subscription);
        if (set.size === 0) channels.delete(channel);
      };
    },

    async close() {
      closed = true;
      channels.clear();
    },
  };
}
