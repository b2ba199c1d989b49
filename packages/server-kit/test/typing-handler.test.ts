// Typing reaches every live connection of the peer on this gateway, one or several (as the gateway's
// live devices list them), and stops for the typist only when their last connection here closes.
import type { ServerFrameInit } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/contracts/logger.js';
import type { LiveConnection } from '../src/presence/live-connection.js';
import { TypingHandler } from '../src/presence/typing-handler.js';
import { fakeClock, manualTimers } from '../src/testing/index.js';

function connection(userId: string, deviceId: number) {
  const sent: ServerFrameInit[] = [];
  const c: LiveConnection & { address: { userId: string; deviceId: number }; sent: ServerFrameInit[] } = {
    state: 'ready',
    isOpen: true,
    address: { userId, deviceId },
    lastReceivedAt: 0,
    sent,
    send: (frame) => sent.push(frame) > 0,
  };
  return c;
}

type TestConnection = ReturnType<typeof connection>;

/** A handler over a stand-in for the live devices: `connected` and `closed` keep it as the gateway does. */
function setUp() {
  const timers = manualTimers(fakeClock());
  const live = new Set<TestConnection>();
  const handler = new TypingHandler({
    logger: silentLogger,
    setTimer: timers.setTimer,
    connectionsOf: (userId) => [...live].filter((c) => c.address.userId === userId),
  });
  const typingTo = (c: { sent: ServerFrameInit[] }) => c.sent.map((f) => f.typingChanged?.typing);
  const connected = (c: TestConnection) => live.add(c);
  /** The gateway drops a live connection from its devices first, then tells typing. */
  const closed = (c: TestConnection) => {
    live.delete(c);
    handler.closed(c.address);
  };
  return { handler, typingTo, connected, closed };
}

describe('TypingHandler', () => {
  it('reaches each of the peer connections here, and the ones left after one closes', async () => {
    const { handler, typingTo, connected, closed } = setUp();
    const bob1 = connection('bob', 1);
    const bob2 = connection('bob', 2);
    const bob3 = connection('bob', 3);
    const alice = connection('alice', 1);
    for (const c of [bob1, bob2, bob3, alice]) connected(c);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: true });
    expect([typingTo(bob1), typingTo(bob2), typingTo(bob3)]).toEqual([[true], [true], [true]]);
    closed(bob2);
    closed(bob3);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: false });
    expect([typingTo(bob1), typingTo(bob2), typingTo(bob3)]).toEqual([[true, false], [true], [true]]);
    closed(bob1);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: true });
    expect(typingTo(bob1)).toEqual([true, false]);
  });

  it("stops the typist's typing when their last connection here closes, not before", async () => {
    const { handler, typingTo, connected, closed } = setUp();
    const alice1 = connection('alice', 1);
    const alice2 = connection('alice', 2);
    const bob = connection('bob', 1);
    for (const c of [alice1, alice2, bob]) connected(c);
    await handler.typing({ userId: 'alice', deviceId: 1 }, { userId: 'bob', typing: true });
    closed(alice1);
    closed(alice1); // a second close of the same connection changes nothing
    expect(typingTo(bob)).toEqual([true]);
    handler.closed({ userId: 'alice', deviceId: 9 }); // a connection that was never live: alice2 is left
    expect(typingTo(bob)).toEqual([true]);
    closed(alice2);
    expect(typingTo(bob)).toEqual([true, false]);
  });
});
