import { ParleyError } from '@parley/core';
import { safetyNumber } from '@parley/core/crypto';
import type { DeviceLists } from './device-lists.js';

/**
 * The 60-digit safety number between two users, over their account keys (the identity key of each
 * user's first device, which signed the genesis of its device list). Every device of both users
 * computes the same number, and it covers every device: a device counts only when the user's signed
 * list adds it. It changes when an account key changes, not when a device is linked.
 */
export async function accountSafetyNumber(lists: DeviceLists, selfUserId: string, userId: string): Promise<string> {
  // The latest lists: a number shown from a stale cache would hide an account key change.
  await Promise.all([lists.refresh(selfUserId), lists.refresh(userId)]);
  const [mine, theirs] = await Promise.all([lists.verified(selfUserId), lists.verified(userId)]);
  if (!mine) throw new ParleyError('NOT_FOUND', 'this user has no verified device list yet');
  if (!theirs) throw new ParleyError('NOT_FOUND', `no verified device list of ${userId} yet`);
  return safetyNumber(selfUserId, mine.accountKey, userId, theirs.accountKey);
}
