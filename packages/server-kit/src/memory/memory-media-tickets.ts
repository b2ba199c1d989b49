import { ParleyError } from '@parley/core';
import type { MediaTicket, MediaTickets } from '../contracts/media-tickets.js';
import { type Clock, systemClock } from '../contracts/types.js';

/** {@link MediaTickets} in memory: one process only (a cluster needs a shared implementation). */
export function memoryMediaTickets(options: { clock?: Clock } = {}): MediaTickets {
  const clock = options.clock ?? systemClock;
  const tickets = new Map<string, MediaTicket>();
  return {
    async issue(key, ticket) {
      if (tickets.has(key)) throw new ParleyError('CONFLICT', 'ticket key taken');
      tickets.set(key, { ...ticket });
    },
    async take(key) {
      const ticket = tickets.get(key);
      tickets.delete(key);
      return ticket && ticket.expiresAt > clock() ? ticket : undefined;
    },
    async purgeExpired() {
      const now = clock();
      let purged = 0;
      for (const [key, ticket] of tickets) {
        if (ticket.expiresAt <= now) {
          tickets.delete(key);
          purged++;
        }
      }
      return purged;
    },
  };
}
