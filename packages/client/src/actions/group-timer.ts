import { chatMessageIdRange, getMessage, replaceMessage } from '../messages/message-store.js';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { noteExpiry } from './action-store.js';

// A group's disappearing timer lives in its signed record chain (`disappearing` records, admins
// only, verified like every membership change), not in a chat setting a member or the server could
// send. This module keeps when each verified change took effect, so a message is judged by the
// timer of the moment it was sent, and gives messages that arrived before the record their expiry.

/** One verified timer change: from `at` (the record's signed time) on, messages disappear after `seconds`. */
interface TimerChange {
  version: number;
  at: number;
  seconds: number;
}

/** Changes kept per group (older ones only matter for messages that old, long delivered). */
const KEPT = 16;
/** Newest messages of the group looked at when a timer record arrives after some of them. */
const RETRO_SCAN = 1000;

const changesOf = async (tx: StoreTx, groupId: string) => (await tx.get<TimerChange[]>(NS.groupTimers, groupId)) ?? [];

/**
 * When a group message received with `declaredS` (its `expires_in_s`) and sent at `sentAt` goes:
 * the timer in force at `sentAt` by the verified chain, or the declared one if shorter (a sender may
 * make its own message go sooner, never later). Undefined: it stays.
 */
export async function groupExpiry(
  tx: StoreTx,
  groupId: string,
  sentAt: number,
  declaredS: number | undefined,
): Promise<number | undefined> {
  const changes = await changesOf(tx, groupId);
  let chainS = 0;
  for (const change of changes) if (change.at <= sentAt) chainS = change.seconds;
  const seconds = [chainS, declaredS ?? 0].filter((s) => s > 0);
  return seconds.length ? sentAt + Math.min(...seconds) * 1000 : undefined;
}

/**
 * A verified `disappearing` record was applied (inside its transaction): remembers the change, and
 * gives the group's stored messages sent at or after it their expiry under the new timer (they came
 * before the record did). The sweeper is woken after commit (the `group:updated` of the record).
 */
export async function noteGroupTimer(tx: StoreTx, groupId: string, change: TimerChange): Promise<void> {
  const changes = (await changesOf(tx, groupId)).filter((c) => c.version < change.version);
  await tx.put(NS.groupTimers, groupId, [...changes, change].slice(-KEPT));
  if (change.seconds === 0) return;
  for (const id of await chatMessageIdRange(tx, groupId, { reverse: true, limit: RETRO_SCAN })) {
    const m = await getMessage(tx, id);
    if (!m || m.sentAt < change.at || m.deleted) continue;
    const expiresAt = m.sentAt + change.seconds * 1000;
    if (m.expiresAt !== undefined && m.expiresAt <= expiresAt) continue;
    await replaceMessage(tx, { ...m, expiresAt });
    await noteExpiry(tx, expiresAt, id);
  }
}
