import { ParleyError } from '@parley/core';
import type { QueueItem, SharedPayload } from './offline-queue.js';

/**
 * Checks the shared payloads of one enqueue call against its items (every key named by an item,
 * every item's key given, no key twice; with `fanOut`, exactly one key that every item names) and
 * returns them by key. Shared by the queue implementations.
 */
export function checkSharedKeys(
  items: QueueItem[],
  shared: SharedPayload[] | undefined,
  fanOut = false,
): Map<string, Uint8Array> {
  if (fanOut && (shared?.length !== 1 || items.some((item) => item.shared === undefined))) {
    throw new ParleyError('INVALID_ARGUMENT', 'a fan-out enqueue needs one shared payload that every entry names');
  }
  const byKey = new Map<string, Uint8Array>();
  for (const payload of shared ?? []) {
    if (byKey.has(payload.key)) throw new ParleyError('INVALID_ARGUMENT', `shared payload ${payload.key} given twice`);
    byKey.set(payload.key, payload.data);
  }
  const named = new Set<string>();
  for (const item of items) {
    if (item.shared === undefined) continue;
    if (!byKey.has(item.shared)) {
      throw new ParleyError(
        'INVALID_ARGUMENT',
        `entry ${item.id} names shared payload ${item.shared}, which was not given`,
      );
    }
    named.add(item.shared);
  }
  for (const key of byKey.keys()) {
    if (!named.has(key)) throw new ParleyError('INVALID_ARGUMENT', `shared payload ${key} is named by no entry`);
  }
  return byKey;
}
