import { describe, expect, it } from 'vitest';
import { TYPING_IDLE_MS, TYPING_REFRESH_MS, TypingSender } from '../src/typing.js';

/** Manual clock and timers, so the test decides when time passes. */
function fakeTimers() {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      timers.set(++next, { at: now + ms, fn });
      return next;
    },
    clearTimeout: (handle: unknown) => void timers.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.fn();
        }
      }
    },
  };
}

describe('TypingSender', () => {
  it('says typing once, refreshes while typing goes on, and stops when idle', () => {
    const timers = fakeTimers();
    const sent: Array<[string, boolean]> = [];
    const typing = new TypingSender((chatId, on) => sent.push([chatId, on]), timers);
    typing.input('bob', true);
    timers.advance(1_000);
    typing.input('bob', true);
    expect(sent).toEqual([['bob', true]]);
    for (let t = 0; t < TYPING_REFRESH_MS; t += 1_000) {
      timers.advance(1_000);
      typing.input('bob', true);
    }
    expect(sent).toEqual([
      ['bob', true],
      ['bob', true],
    ]);
    timers.advance(TYPING_IDLE_MS);
    expect(sent.at(-1)).toEqual(['bob', false]);
    timers.advance(60_000);
    expect(sent).toHaveLength(3);
  });

  it('stops when the text is cleared or sent, and when the chat changes', () => {
    const timers = fakeTimers();
    const sent: Array<[string, boolean]> = [];
    const typing = new TypingSender((chatId, on) => sent.push([chatId, on]), timers);
    typing.input('bob', true);
    typing.input('bob', false);
    typing.input('bob', true);
    typing.input('carol', true);
    typing.stop();
    typing.stop();
    expect(sent).toEqual([
      ['bob', true],
      ['bob', false],
      ['bob', true],
      ['bob', false],
      ['carol', true],
      ['carol', false],
    ]);
  });
});
