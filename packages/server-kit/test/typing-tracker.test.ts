import { describe, expect, it } from 'vitest';
import { TYPING_EXPIRY_MS, type TypingChange, typingTracker } from '../src/presence/typing-tracker.js';
import { fakeClock, manualTimers } from '../src/testing/index.js';

function setUp(expiryMs?: number) {
  const time = fakeClock();
  const timers = manualTimers(time);
  const changes: TypingChange[] = [];
  const typing = typingTracker({
    setTimer: timers.setTimer,
    onChange: (change) => changes.push(change),
    ...(expiryMs !== undefined ? { expiryMs } : {}),
  });
  return { timers, changes, typing };
}

describe('typingTracker', () => {
  it('refuses typing in more chats at once than maxChatsPerUser, until one ends (no timer per made-up chat)', async () => {
    const time = fakeClock();
    const timers = manualTimers(time);
    const changes: TypingChange[] = [];
    const typing = typingTracker({ setTimer: timers.setTimer, onChange: (c) => changes.push(c), maxChatsPerUser: 3 });
    for (const chat of ['a', 'b', 'c']) typing.setTyping(chat, 'mallory', true);
    expect(() => typing.setTyping('d', 'mallory', true)).toThrow(/at most 3 chats/);
    expect(typing.typingIn('d')).toEqual([]);
    typing.setTyping('a', 'mallory', true); // a refresh of a chat already counted is fine
    typing.setTyping('bob-chat', 'bob', true); // others are not affected
    typing.setTyping('a', 'mallory', false);
    typing.setTyping('d', 'mallory', true);
    expect(typing.typingIn('d')).toEqual(['mallory']);
    typing.stop();
  });

  it('emits typing on, then off after 10 s without a refresh', async () => {
    const { timers, changes, typing } = setUp();
    expect(TYPING_EXPIRY_MS).toBe(10_000);
    typing.setTyping('chat1', 'alice', true);
    expect(changes).toEqual([{ chatId: 'chat1', userId: 'alice', typing: true }]);
    expect(typing.typingIn('chat1')).toEqual(['alice']);
    await timers.advance(9999);
    expect(changes).toHaveLength(1);
    await timers.advance(1);
    expect(changes).toEqual([
      { chatId: 'chat1', userId: 'alice', typing: true },
      { chatId: 'chat1', userId: 'alice', typing: false },
    ]);
    expect(typing.typingIn('chat1')).toEqual([]);
    expect(timers.pending()).toBe(0);
  });

  it('a refresh restarts the expiry and is passed on as typing again', async () => {
    const { timers, changes, typing } = setUp();
    typing.setTyping('chat1', 'alice', true);
    for (let i = 0; i < 5; i++) {
      await timers.advance(8000);
      typing.setTyping('chat1', 'alice', true);
    }
    expect(changes).toHaveLength(6);
    expect(timers.pending()).toBe(1);
    await timers.advance(10_000);
    expect(changes.map((c) => c.typing)).toEqual([true, true, true, true, true, true, false]);
  });

  it('stops at once on setTyping false, once, and cancels the expiry', async () => {
    const { timers, changes, typing } = setUp();
    typing.setTyping('chat1', 'alice', true);
    typing.setTyping('chat1', 'alice', false);
    typing.setTyping('chat1', 'alice', false);
    typing.setTyping('chat2', 'bob', false);
    expect(changes.map((c) => c.typing)).toEqual([true, false]);
    expect(timers.pending()).toBe(0);
    await timers.advance(20_000);
    expect(changes).toHaveLength(2);
  });

  it('keeps chats and users apart, with a configurable expiry', async () => {
    const { timers, changes, typing } = setUp(3000);
    typing.setTyping('chat1', 'alice', true);
    await timers.advance(1000);
    typing.setTyping('chat1', 'bob', true);
    typing.setTyping('chat2', 'alice', true);
    expect(typing.typingIn('chat1')).toEqual(['alice', 'bob']);
    await timers.advance(2000);
    expect(typing.typingIn('chat1')).toEqual(['bob']);
    expect(typing.typingIn('chat2')).toEqual(['alice']);
    await timers.advance(1000);
    expect(typing.typingIn('chat1')).toEqual([]);
    expect(changes.filter((c) => !c.typing)).toEqual([
      { chatId: 'chat1', userId: 'alice', typing: false },
      { chatId: 'chat1', userId: 'bob', typing: false },
      { chatId: 'chat2', userId: 'alice', typing: false },
    ]);
  });

  it('userGone stops every typing state of the user', async () => {
    const { timers, changes, typing } = setUp();
    typing.setTyping('chat1', 'alice', true);
    typing.setTyping('chat2', 'alice', true);
    typing.setTyping('chat1', 'bob', true);
    changes.length = 0;
    typing.userGone('alice');
    expect(changes).toEqual([
      { chatId: 'chat1', userId: 'alice', typing: false },
      { chatId: 'chat2', userId: 'alice', typing: false },
    ]);
    expect(typing.typingIn('chat1')).toEqual(['bob']);
    expect(timers.pending()).toBe(1);
    typing.userGone('carol');
    expect(changes).toHaveLength(2);
  });

  it('stop forgets everything silently', async () => {
    const { timers, changes, typing } = setUp();
    typing.setTyping('chat1', 'alice', true);
    typing.stop();
    await timers.advance(20_000);
    expect(changes).toHaveLength(1);
    expect(typing.typingIn('chat1')).toEqual([]);
    expect(timers.pending()).toBe(0);
  });

  it('refuses a non-positive expiry', () => {
    expect(() => typingTracker({ onChange: () => {}, expiryMs: 0 })).toThrow(/expiryMs/);
  });
});
