// Finding 9 of issue 17 (part): group records count against each recipient's queue cap, so creating
// groups that name a user cannot grow that user's queue past it; the other members still get them.
import { generateAuthKeyPair } from '@parley/core';
import { createGroup, publishIdentity, useAbuseServer } from '@parley/test-utils/abuse-server';
import { describe, expect, it } from 'vitest';

const fixture = useAbuseServer();

describe('group records and queue caps', () => {
  it("never push a member's queue past maxQueuedPerDevice, and still reach members with room", async () => {
    const { stores, peer } = await fixture.start({ maxQueuedPerDevice: 3 });
    // The victim and a friend are registered, then offline: records wait in their queues.
    for (const userId of ['victim', 'friend']) (await peer(userId, 1, await generateAuthKeyPair())).close();
    const mallory = await peer('mallory');
    const identity = await publishIdentity(mallory, 7);
    const create = async (groupId: string, members: string[]) => {
      const answer = await createGroup(mallory, 'mallory', identity, groupId, members);
      expect(answer.body, answer.error?.message ?? '').toBe('groupState');
    };
    for (let i = 0; i < 6; i++) await create(`spam-${i}`, ['victim']);
    expect(await stores.queue.count({ userId: 'victim', deviceId: 1 })).toBe(3);
    // A group naming both: the full queue does not keep the record from the friend.
    await create('both', ['victim', 'friend']);
    expect(await stores.queue.count({ userId: 'friend', deviceId: 1 })).toBe(1);
    expect(await stores.queue.count({ userId: 'victim', deviceId: 1 })).toBe(3);
  });
});
