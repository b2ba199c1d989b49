// Where sender key records live, and an in-memory implementation.
import { copyBytes } from '../buffers.js';
import type { SignalAddress } from '../signal-store.js';
import type { SenderKeyRecord } from './record.js';

/**
 * Where sender key records live: one record per sender device and distribution id. The client
 * implements it over its transactional store. Plain data in and out; every method is async.
 *
 * What every implementation must guarantee:
 * - A load returns what the last store for the same sender and distribution id wrote (a copy the
 *   caller may keep; records are plain data, see {@link SenderKeyRecord}), `undefined` when nothing
 *   was stored. Distribution ids arrive in lower case.
 * - No method calls back into the sender key functions with the same store: calls for one store
 *   and sender run one at a time, so such a call would wait on itself.
 *
 * Each sender key function stores at most one record, and only after its operation succeeded;
 * errors thrown by the store reach the caller unchanged. Call it inside the client's transaction
 * (passing a store bound to that transaction) to commit the record with the message it belongs to.
 */
export interface SenderKeyStore {
  loadSenderKey(sender: SignalAddress, distributionId: string): Promise<SenderKeyRecord | undefined>;
  storeSenderKey(sender: SignalAddress, distributionId: string, record: SenderKeyRecord): Promise<void>;
}

/** A deep copy of plain data (whatever was stored, even a value that is not a valid record). */
function copyValue<T>(value: T): T {
  if (value instanceof Uint8Array) return copyBytes(value) as T;
  if (Array.isArray(value)) return value.map(copyValue) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyValue(v)])) as T;
  }
  return value;
}

/**
 * A {@link SenderKeyStore} in memory, for tests, examples and short-lived tools. Keeps and returns
 * copies, so callers can never alter what is stored.
 */
export function memorySenderKeyStore(): SenderKeyStore {
  const records = new Map<string, SenderKeyRecord>();
  const key = (sender: SignalAddress, distributionId: string) =>
    `${sender.deviceId}:${distributionId}:${sender.userId}`;
  return {
    async loadSenderKey(sender, distributionId) {
      const record = records.get(key(sender, distributionId));
      return record && copyValue(record);
    },
    async storeSenderKey(sender, distributionId, record) {
      records.set(key(sender, distributionId), copyValue(record));
    },
  };
}
