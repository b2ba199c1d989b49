import { describe, expect, it, vi } from 'vitest';
import type { Bus } from '../contracts/bus.js';
import { type ComplianceOptions, useFixture } from './fixture.js';

const text = (data: Uint8Array): string => new TextDecoder().decode(data);
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);

/** Collects what a subscription receives, as text. */
function collector(): { received: string[]; handler: (data: Uint8Array) => void } {
  const received: string[] = [];
  return { received, handler: (data) => received.push(text(data)) };
}

/** Runs the {@link Bus} guarantees against an implementation. */
export function busCompliance(options: ComplianceOptions<Bus>): void {
  describe(`Bus compliance: ${options.name}`, () => {
    const fx = useFixture(options, {});

    it('delivers a publish to a subscriber that subscribed before it', async () => {
      const bus = fx.subject;
      const sub = collector();
      await bus.subscribe('gw:1', sub.handler);
      await bus.publish('gw:1', bytes('hello'));
      await vi.waitFor(() => expect(sub.received).toEqual(['hello']));
    });

    it('delivers to every subscriber of the channel and to no other channel', async () => {
      const bus = fx.subject;
      const a = collector();
      const b = collector();
      const other = collector();
      await bus.subscribe('gw:1', a.handler);
      await bus.subscribe('gw:1', b.handler);
      await bus.subscribe('gw:2', other.handler);
      await bus.publish('gw:1', bytes('one'));
      await bus.publish('gw:2', bytes('two'));
      await vi.waitFor(() => {
        expect(a.received).toEqual(['one']);
        expect(b.received).toEqual(['one']);
        expect(other.received).toEqual(['two']);
      });
    });

    it('delivers every message of a burst', async () => {
      const bus = fx.subject;
      const sub = collector();
      await bus.subscribe('gw:1', sub.handler);
      const sent = Array.from({ length: 100 }, (_, i) => `m${i}`);
      await Promise.all(sent.map((m) => bus.publish('gw:1', bytes(m))));
      await vi.waitFor(() => expect([...sub.received].sort()).toEqual([...sent].sort()));
    });

    it('stops delivering after unsubscribe', async () => {
      const bus = fx.subject;
      const gone = collector();
      const sentinel = collector();
      const unsubscribe = await bus.subscribe('gw:1', gone.handler);
      await bus.subscribe('gw:1', sentinel.handler);
      await bus.publish('gw:1', bytes('first'));
      await vi.waitFor(() => expect(gone.received).toEqual(['first']));
      await unsubscribe();
      await bus.publish('gw:1', bytes('second'));
      // Once the sentinel has the second message, the removed handler would have had it too.
      await vi.waitFor(() => expect(sentinel.received).toEqual(['first', 'second']));
      expect(gone.received).toEqual(['first']);
    });

    it('calls no handler once its unsubscribe has resolved, even for a message already published', async () => {
      const bus = fx.subject;
      const gone = collector();
      const sentinel = collector();
      const unsubscribe = await bus.subscribe('gw:1', gone.handler);
      await bus.subscribe('gw:1', sentinel.handler);
      await bus.publish('gw:1', bytes('in flight'));
      await unsubscribe();
      const receivedAtUnsubscribe = gone.received.length;
      await vi.waitFor(() => expect(sentinel.received).toEqual(['in flight']));
      expect(gone.received).toHaveLength(receivedAtUnsubscribe);
    });

    it('keeps delivering to other handlers when one throws', async () => {
      const bus = fx.subject;
      const sub = collector();
      await bus.subscribe('gw:1', () => {
        throw new Error('handler failure');
      });
      await bus.subscribe('gw:1', sub.handler);
      await bus.publish('gw:1', bytes('still'));
      await bus.publish('gw:1', bytes('here'));
      await vi.waitFor(() => expect([...sub.received].sort()).toEqual(['here', 'still']));
    });

    it('delivers a copy that the publisher cannot change afterwards', async () => {
      const bus = fx.subject;
      const sub = collector();
      await bus.subscribe('gw:1', sub.handler);
      const data = Buffer.from('abc');
      await bus.publish('gw:1', data);
      data[0] = 0x7a;
      await vi.waitFor(() => expect(sub.received).toEqual(['abc']));
    });

    it('publishes on a channel without subscribers without error', async () => {
      await fx.subject.publish('nobody', bytes('x'));
    });

    it('calls no handler after close', async () => {
      const bus = fx.subject;
      const sub = collector();
      await bus.subscribe('gw:1', sub.handler);
      await bus.close();
      await bus.publish('gw:1', bytes('late')).catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
      expect(sub.received).toEqual([]);
    });
  });
}
