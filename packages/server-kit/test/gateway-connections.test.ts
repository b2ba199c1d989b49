// The gateway keeps no list of all its connections (aim 5 of issue 15): a connection is found
// through the connections not ready yet or, once ready, through its device among the live devices,
// which keeps a user's devices together. Every path that needs all of them, or one of them, must
// still find each, with several devices of one user too.
import { generateAuthKeyPair, pb, type ServerFrame } from '@parley/core';
import { sendText, useAbuseServer } from '@parley/test-utils/abuse-server';
import type { RawPeer } from '@parley/test-utils/raw-peer';
import { describe, expect, it, vi } from 'vitest';

const fixture = useAbuseServer();

/** Logs in as (userId, deviceId); a device after the first is registered directly (no link needed here). */
async function device(userId: string, deviceId = 1): Promise<RawPeer> {
  const key = await generateAuthKeyPair();
  if (deviceId !== 1) {
    await fixture.current.stores.devices.register({
      userId,
      deviceId,
      authKey: key.publicKey,
      registrationId: 0,
      approvedBy: 1,
    });
  }
  return fixture.peer(userId, deviceId, key);
}
const SHUTDOWN = 4000 + pb.CloseReason.CLOSE_REASON_SERVER_SHUTDOWN;

const synced = (p: RawPeer) => p.waitFor((f) => f.body === 'syncComplete');
const typingFrom = (p: RawPeer, userId: string) =>
  p.frames.filter((f) => f.typingChanged?.userId === userId).map((f) => f.typingChanged?.typing);
const presenceOf = (f: ServerFrame, userId: string) => f.presenceChanged?.states?.find((s) => s.userId === userId);

describe('finding connections without a list of them', () => {
  it('counts every connection, ready or not, and closes each when the server stops', async () => {
    const { server, open } = await fixture.start();
    const bob1 = await device('bob', 1);
    const bob2 = await device('bob', 2);
    const alice = await device('alice');
    const stranger = await open(); // never says Hello
    await vi.waitFor(() => expect(server.connections).toBe(4));

    bob2.close();
    await vi.waitFor(() => expect(server.connections).toBe(3));
    // bob's other device is still his live one: it gets what is sent to bob.
    await synced(bob1);
    expect((await sendText(alice, 'bob', 'hi')).body).toBe('sendAck');
    await bob1.waitFor((f) => f.body === 'deliver');

    await server.close();
    for (const p of [bob1, alice, stranger]) expect(await p.waitClosed()).toBe(SHUTDOWN);
    expect(server.connections).toBe(0);
  });

  it("serves presence and typing on any of a user's devices", async () => {
    await fixture.start();
    const bob1 = await device('bob', 1);
    const bob2 = await device('bob', 2);
    const alice = await device('alice');
    await Promise.all([synced(bob1), synced(bob2), synced(alice)]);

    // The subscription belongs to bob's second connection: it must be found to be pushed to.
    const snapshot = await bob2.request({ presenceSubscribe: { userIds: ['alice'] } });
    expect(snapshot.presenceSnapshot?.states?.[0]?.online).toBe(true);

    await alice.request({ typing: { userId: 'bob', typing: true } });
    await vi.waitFor(() => expect([typingFrom(bob1, 'alice'), typingFrom(bob2, 'alice')]).toEqual([[true], [true]]));
    bob1.close();
    await alice.request({ typing: { userId: 'bob', typing: false } });
    await vi.waitFor(() => expect(typingFrom(bob2, 'alice')).toEqual([true, false]));

    // alice's typing to bob stops when her last connection here closes.
    await alice.request({ typing: { userId: 'bob', typing: true } });
    await vi.waitFor(() => expect(typingFrom(bob2, 'alice')).toEqual([true, false, true]));
    alice.close();
    await vi.waitFor(() => expect(typingFrom(bob2, 'alice')).toEqual([true, false, true, false]));
    await bob2.waitFor((f) => presenceOf(f, 'alice')?.online === false);
  });
});
