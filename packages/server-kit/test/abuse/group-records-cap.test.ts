// Finding 9 of issue 17 (part): group records count against each recipient's queue cap, so creating
// groups that name a user cannot grow that user's queue past it; the other members still get them.
import { generateAuthKeyPair, pb } from '@parley/core';
import { generateDeviceKeys } from '@parley/core/crypto';
import { signGroupRecord } from '@parley/core/groups';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { describe, expect, it } from 'vitest';

const fixture = useAbuseServer();

describe('group records and queue caps', () => {
  it("never push a member's queue past maxQueuedPerDevice, and still reach members with room", async () => {
    const { stores, peer } = await fixture.start({ maxQueuedPerDevice: 3 });
    // The victim and a friend are registered, then offline: records wait in their queues.
    for (const userId of ['victim', 'friend']) (await peer(userId, 1, await generateAuthKeyPair())).close();
    const identity = (await generateDeviceKeys()).identityKeyPair;
    const mallory = await peer('mallory');
    const published = await mallory.request({ keysUpload: { registrationId: 7, identityKey: identity.publicKey } });
    expect(published.body).toBe('keysUploadResult');
    const create = async (groupId: string, members: string[]) => {
      const record = await signGroupRecord(
        {
          groupId,
          version: 1,
          prevHash: new Uint8Array(),
          actor: { userId: 'mallory', deviceId: 1 },
          at: Date.now(),
          actorIdentityKey: identity.publicKey,
          create: {
            name: 'spam',
            members: [
              { userId: 'mallory', role: pb.GroupRole.GROUP_ROLE_ADMIN },
              ...members.map((userId) => ({ userId, role: pb.GroupRole.GROUP_ROLE_MEMBER })),
            ],
          },
        },
        identity.privateKey,
      );
      const answer = await mallory.request({ groupChange: { record } });
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
