import type { SignalAddress } from '@parley/core/crypto';
import { addressKey } from '../e2ee/tx-signal-store.js';
import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

// Who each outgoing message was encrypted for, so a retry request is honoured only from a device
// that was meant to read the message. The server sees message ids in clear and controls device
// lists: without this, a device it invents (or one added later) could ask for any past message by
// id and get it re-encrypted. Keyed by message id (UUIDv7, so in time order), which lets a write
// prune the oldest entries cheaply.

/** What this device sent a message to. Owned by this module. */
export interface SentTargets {
  /** `addressKey` of every device the message was encrypted for (a group message: every member device then). */
  devices: string[];
  /** When the message was first prepared (ms, the client's clock). */
  at: number;
  /** Group messages: the verified group version the message was sent under. */
  groupVersion?: number;
  /** Resends made so far for each requesting device (`addressKey`), counted here, never by the requester. */
  resends: Record<string, number>;
}

/** When a retry request is honoured. */
export interface ResendPolicy {
  /** How long after sending a message may be resent (default 48 h). */
  windowMs: number;
  /** Resends of one message per requesting device (default 3). */
  maxPerDevice: number;
}

export const DEFAULT_RESEND_POLICY: ResendPolicy = { windowMs: 48 * 60 * 60 * 1000, maxPerDevice: 3 };

/** Oldest entries looked at per write: enough to keep pace with sending, cheap per message. */
const PRUNE_BATCH = 8;

/**
 * Records the devices a message was encrypted for, in the transaction that stores its copies. A
 * rebuild after DEVICES_MISMATCH replaces the devices (the server stored none of the first copies)
 * and keeps the first time and the resend counts. Entries older than `keepMs` are pruned.
 */
export async function recordSentTargets(
  tx: StoreTx,
  messageId: string,
  sent: { devices: readonly SignalAddress[]; at: number; groupVersion?: number | undefined; keepMs: number },
): Promise<void> {
  const existing = await tx.get<SentTargets>(NS.sentTargets, messageId);
  const entry: SentTargets = {
    devices: [...new Set(sent.devices.map(addressKey))],
    at: existing?.at ?? sent.at,
    resends: existing?.resends ?? {},
    ...(sent.groupVersion !== undefined ? { groupVersion: sent.groupVersion } : {}),
  };
  await tx.put(NS.sentTargets, messageId, entry);
  for (const [id, old] of await tx.list<SentTargets>(NS.sentTargets, { limit: PRUNE_BATCH })) {
    if (sent.at - old.at <= sent.keepMs) break;
    await tx.delete(NS.sentTargets, id);
  }
}

/** Why a retry request gets nothing. */
export type ResendRefusal = 'unknown-message' | 'not-a-recipient' | 'too-old' | 'too-many-resends';

/**
 * Decides a retry request from `requester` for `messageId` and, when it is honoured, counts the
 * resend: honoured only for a device the message was encrypted for, within the window, and at most
 * `maxPerDevice` times per device. Returns the resend's attempt number (1, 2, ...).
 */
export async function claimResend(
  tx: StoreTx,
  messageId: string,
  requester: SignalAddress,
  now: number,
  policy: ResendPolicy,
): Promise<{ ok: true; attempt: number } | { ok: false; reason: ResendRefusal }> {
  const entry = await tx.get<SentTargets>(NS.sentTargets, messageId);
  if (!entry) return { ok: false, reason: 'unknown-message' };
  const device = addressKey(requester);
  if (!entry.devices.includes(device)) return { ok: false, reason: 'not-a-recipient' };
  if (now - entry.at > policy.windowMs) return { ok: false, reason: 'too-old' };
  const made = entry.resends[device] ?? 0;
  if (made >= policy.maxPerDevice) return { ok: false, reason: 'too-many-resends' };
  await tx.put(NS.sentTargets, messageId, { ...entry, resends: { ...entry.resends, [device]: made + 1 } });
  return { ok: true, attempt: made + 1 };
}
