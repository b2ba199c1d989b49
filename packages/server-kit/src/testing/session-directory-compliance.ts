import { describe, expect, it } from 'vitest';
import type { DeviceLocation, SessionDirectory } from '../contracts/session-directory.js';
import type { DeviceAddress } from '../contracts/types.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

const TTL_MS = 30_000;
const alice1: DeviceAddress = { userId: 'alice', deviceId: 1 };
const alice2: DeviceAddress = { userId: 'alice', deviceId: 2 };
const bob1: DeviceAddress = { userId: 'bob', deviceId: 1 };
const at = (gatewayId: string, connectionId: string): DeviceLocation => ({ gatewayId, connectionId });

/** Runs the {@link SessionDirectory} guarantees against an implementation. */
export function sessionDirectoryCompliance(options: ComplianceOptions<SessionDirectory>): void {
  describe(`SessionDirectory compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    it('records a claim and finds it', async () => {
      const d = fx.subject;
      expect(await d.claim(alice1, at('g1', 'c1'), TTL_MS)).toBeUndefined();
      expect(await d.lookup([alice1])).toEqual([at('g1', 'c1')]);
    });

    it('returns the previous location when another connection claims', async () => {
      const d = fx.subject;
      await d.claim(alice1, at('g1', 'c1'), TTL_MS);
      expect(await d.claim(alice1, at('g2', 'c2'), TTL_MS)).toEqual(at('g1', 'c1'));
      expect(await d.claim(alice1, at('g2', 'c3'), TTL_MS)).toEqual(at('g2', 'c2'));
      expect(await d.lookup([alice1])).toEqual([at('g2', 'c3')]);
    });

    it('refreshes the ttl when the same connection claims again (heartbeat)', async () => {
      const d = fx.subject;
      await d.claim(alice1, at('g1', 'c1'), TTL_MS);
      fx.time.advance(TTL_MS - 1);
      expect(await d.claim(alice1, at('g1', 'c1'), TTL_MS)).toBeUndefined();
      fx.time.advance(TTL_MS - 1);
      expect(await d.lookup([alice1])).toEqual([at('g1', 'c1')]);
    });

    it('expires an entry that is not refreshed within ttl', async () => {
      const d = fx.subject;
      await d.claim(alice1, at('g1', 'c1'), TTL_MS);
      fx.time.advance(TTL_MS - 1);
      expect(await d.lookup([alice1])).toEqual([at('g1', 'c1')]);
      fx.time.advance(1);
      expect(await d.lookup([alice1])).toEqual([undefined]);
      // An expired previous location is not reported: nothing is left to close.
      expect(await d.claim(alice1, at('g2', 'c2'), TTL_MS)).toBeUndefined();
    });

    it('releases only when the entry still names that connection', async () => {
      const d = fx.subject;
      await d.claim(alice1, at('g1', 'c1'), TTL_MS);
      await d.claim(alice1, at('g2', 'c2'), TTL_MS);
      await d.release(alice1, 'c1');
      expect(await d.lookup([alice1])).toEqual([at('g2', 'c2')]);
      await d.release(alice1, 'c2');
      expect(await d.lookup([alice1])).toEqual([undefined]);
      await d.release(bob1, 'c9');
    });

    it('looks up many devices in order and keeps devices apart', async () => {
      const d = fx.subject;
      await d.claim(alice1, at('g1', 'c1'), TTL_MS);
      await d.claim(bob1, at('g2', 'c2'), TTL_MS);
      expect(await d.lookup([bob1, alice2, alice1])).toEqual([at('g2', 'c2'), undefined, at('g1', 'c1')]);
      expect(await d.lookup([])).toEqual([]);
      await d.release(alice1, 'c2');
      expect(await d.lookup([alice1])).toEqual([at('g1', 'c1')]);
    });

    it('honours a different ttl per claim', async () => {
      const d = fx.subject;
      await d.claim(alice1, at('g1', 'c1'), 1000);
      await d.claim(alice2, at('g1', 'c2'), 5000);
      fx.time.advance(1000);
      expect(await d.lookup([alice1, alice2])).toEqual([undefined, at('g1', 'c2')]);
    });

    it('copies locations in and out', async () => {
      const d = fx.subject;
      const location = at('g1', 'c1');
      await d.claim(alice1, location, TTL_MS);
      location.connectionId = 'changed';
      const [found] = await d.lookup([alice1]);
      expect(found).toEqual(at('g1', 'c1'));
      found!.gatewayId = 'changed';
      expect(await d.lookup([alice1])).toEqual([at('g1', 'c1')]);
    });
  });
}
