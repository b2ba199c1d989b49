import { memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { fileInvite, listReceivedInvites, MAX_RECEIVED_INVITES } from '../src/groups/group-invites.js';

const from = { userId: 'mallory', deviceId: 1 };

describe('received invitations', () => {
  it('keep at most MAX_RECEIVED_INVITES, dropping expired ones first, then the soonest to expire', async () => {
    const store = memoryClientStore();
    const now = 1_000_000;
    const offer = (n: number, expiresAt: number) =>
      store.transaction((tx) =>
        fileInvite(
          tx,
          { kind: 'offer', groupId: `g${n}`, groupName: 'spam', inviteId: `i${n}`, expiresAt },
          { id: `m${n}`, from, selfUserId: 'victim', now },
        ),
      );
    await offer(0, now - 1); // already expired when the others come
    for (let n = 1; n < MAX_RECEIVED_INVITES; n++) await offer(n, now + 1_000 + n);
    // The cap is reached: the expired one goes.
    await offer(MAX_RECEIVED_INVITES, now + 5_000);
    let kept = await store.transaction((tx) => listReceivedInvites(tx, 0));
    expect(kept).toHaveLength(MAX_RECEIVED_INVITES);
    expect(kept.map((i) => i.inviteId)).not.toContain('i0');
    // Then the soonest to expire.
    await offer(MAX_RECEIVED_INVITES + 1, now + 9_000);
    kept = await store.transaction((tx) => listReceivedInvites(tx, 0));
    expect(kept).toHaveLength(MAX_RECEIVED_INVITES);
    expect(kept.map((i) => i.inviteId)).not.toContain('i1');
    expect(kept.map((i) => i.inviteId)).toContain(`i${MAX_RECEIVED_INVITES + 1}`);
  });

  it('keep the first offer with an id and ignore this user own offers', async () => {
    const store = memoryClientStore();
    const file = (groupId: string, sender = from) =>
      store.transaction((tx) =>
        fileInvite(
          tx,
          { kind: 'offer', groupId, groupName: 'x', inviteId: 'same', expiresAt: 10 },
          { id: groupId, from: sender, selfUserId: 'victim', now: 1 },
        ),
      );
    expect(await file('first')).toHaveLength(1);
    expect(await file('second')).toEqual([]);
    expect(await file('own', { userId: 'victim', deviceId: 2 })).toEqual([]);
    expect((await store.transaction((tx) => listReceivedInvites(tx, 1))).map((i) => i.groupId)).toEqual(['first']);
  });
});
