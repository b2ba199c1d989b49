// Typing reaches every live connection of the peer on this gateway, one or several, and stops for
// the typist only when their last connection here closes.
import type { ServerFrameInit } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/contracts/logger.js';
import type { LiveConnection } from '../src/presence/live-connection.js';
import { TypingHandler } from '../src/presence/typing-handler.js';
import { fakeClock, manualTimers } from '../src/testing/index.js';

function connection(userId: string, deviceId: number) {
  const sent: ServerFrameInit[] = [];
  const c: LiveConnection & { sent: ServerFrameInit[] } = {
    state: 'ready',
    isOpen: true,
    address: { userId, deviceId },
    lastReceivedAt: 0,
    sent,
    send: (frame) => sent.push(frame) > 0,
  };
  return c;
}

function setUp() {
  const timers = manualTimers(fakeClock());
  const handler = new TypingHandler({ logger: silentLogger, setTimer: timers.setTimer });
  const typingTo = (c: { sent: ServerFrameInit[] }) => c.sent.map((f) => f.typingChanged?.typing);
  return { handler, typingTo };
}

describe('TypingHandler', () => {
  it('reaches each of the peer connections here, and the ones left after one closes', async () => {
    const { handler, typingTo } = setUp();
    const bob1 = connection('bob', 1);
    const bob2 = connection('bob', 2);
    const bob3 = connection('bob', 3);
    const alice = connection('alice', 1);
    for (const c of [bob1, bob2, bob3, alice]) handler.connected(c, c.address as never);
    handler.connected(bob1, { userId: 'bob', deviceId: 1 }); // told twice: still one connection
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: true });
    expect([typingTo(bob1), typingTo(bob2), typingTo(bob3)]).toEqual([[true], [true], [true]]);
    handler.closed(bob2, bob2.address);
    handler.closed(bob3, bob3.address);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: false });
    expect([typingTo(bob1), typingTo(bob2), typingTo(bob3)]).toEqual([[true, false], [true], [true]]);
    handler.closed(bob1, bob1.address);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: true });
    expect(typingTo(bob1)).toEqual([true, false]);
  });

  it("stops the typist's typing when their last connection here closes, not before", async () => {
    const { handler, typingTo } = setUp();
    const alice1 = connection('alice', 1);
    const alice2 = connection('alice', 2);
    const bob = connection('bob', 1);
    for (const c of [alice1, alice2, bob]) handler.connected(c, c.address as never);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: true });
    handler.closed(alice1, alice1.address);
    handler.closed(alice1, alice1.address); // a second close of the same connection changes nothing
    expect(typingTo(bob)).toEqual([true]);
    handler.closed(alice2, alice2.address);
    expect(typingTo(bob)).toEqual([true, false]);
  });
});
