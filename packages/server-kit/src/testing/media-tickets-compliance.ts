import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { MediaTicket, MediaTickets } from '../contracts/media-tickets.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

/** Runs the {@link MediaTickets} guarantees against an implementation. */
export function mediaTicketsCompliance(options: ComplianceOptions<MediaTickets>): void {
  describe(`MediaTickets compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});
    const ticket = (over: Partial<MediaTicket> = {}): MediaTicket => ({
      kind: 'upload',
      blobId: 'ab'.repeat(16),
      size: 1234,
      userId: 'alice',
      expiresAt: fx.time.now + 60_000,
      ...over,
    });

    it('gives a ticket back once, exactly as issued', async () => {
      const s = fx.subject;
      const t = ticket();
      await s.issue('k1', t);
      await s.issue('k2', ticket({ kind: 'download', size: 0, blobId: 'cd'.repeat(16), userId: 'bob' }));
      expect(await s.take('k1')).toEqual(t);
      expect(await s.take('k1')).toBeUndefined();
      expect(await s.take('k2')).toEqual(ticket({ kind: 'download', size: 0, blobId: 'cd'.repeat(16), userId: 'bob' }));
      expect(await s.take('unknown')).toBeUndefined();
    });

    it('keeps the kind of a delete ticket', async () => {
      const s = fx.subject;
      const t = ticket({ kind: 'delete', size: 0, expiresAt: fx.time.now + 30 * 24 * 3600_000 });
      await s.issue('kd', t);
      expect(await s.take('kd')).toEqual(t);
    });

    it('voids a ticket at its expiry time', async () => {
      const s = fx.subject;
      await s.issue('k1', ticket({ expiresAt: fx.time.now + 1000 }));
      await s.issue('k2', ticket({ expiresAt: fx.time.now + 1000 }));
      fx.time.advance(999);
      expect(await s.take('k1')).toBeDefined();
      fx.time.advance(1);
      expect(await s.take('k2')).toBeUndefined();
    });

    it('refuses to issue under a key that is taken', async () => {
      const s = fx.subject;
      await s.issue('k1', ticket());
      const error = await s.issue('k1', ticket({ size: 1 })).catch((e: unknown) => e);
      expect(isParleyError(error, 'CONFLICT')).toBe(true);
      expect((await s.take('k1'))?.size).toBe(1234);
    });

    it('lets only one of concurrent takes have the ticket', async () => {
      const s = fx.subject;
      await s.issue('k1', ticket());
      const results = await Promise.all(Array.from({ length: 6 }, () => s.take('k1')));
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    });

    it('purges expired tickets only', async () => {
      const s = fx.subject;
      await s.issue('old1', ticket({ expiresAt: fx.time.now + 10 }));
      await s.issue('old2', ticket({ expiresAt: fx.time.now + 20 }));
      await s.issue('fresh', ticket({ expiresAt: fx.time.now + 60_000 }));
      fx.time.advance(20);
      expect(await s.purgeExpired()).toBe(2);
      expect(await s.purgeExpired()).toBe(0);
      expect(await s.take('fresh')).toBeDefined();
    });
  });
}
