// The presence tracker's compact per-user device states answer exactly like a plain map of
// device id -> active, whatever the sequence of changes (and ids the compact form cannot hold).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyActive, type DeviceStates, hasDevice, withDevice } from '../src/presence/device-states.js';

const ids = fc.constantFrom(1, 2, 3, 0, -4, 2 ** 40);
const change = fc.tuple(
  ids,
  fc.oneof(
    fc.constant('gone' as const),
    fc.boolean().map((active) => ({ active })),
  ),
);

describe('device states', () => {
  it('answer like a map of device id -> active after any changes', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const model = new Map<number, boolean>();
        let states: DeviceStates | undefined;
        for (const [id, c] of changes) {
          if (c === 'gone') model.delete(id);
          else model.set(id, c.active);
          states = withDevice(states, id, c);
          expect(states === undefined).toBe(model.size === 0);
          expect(anyActive(states)).toBe([...model.values()].some(Boolean));
          for (const known of [1, 2, 3, 0, -4, 2 ** 40]) expect(hasDevice(states, known)).toBe(model.has(known));
        }
      }),
    );
  });

  it('keep one positive device id as a bare number, not a map', () => {
    const one = withDevice(undefined, 7, { active: false });
    expect(one).toBe(-7);
    const two = withDevice(one, 8, { active: true });
    expect(two).toBeInstanceOf(Map);
    expect(withDevice(two, 7, 'gone')).toBe(8);
  });
});
