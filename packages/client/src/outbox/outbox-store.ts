import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { encodeLane } from './lane.js';
import type { NewRecord, OutboxRecord } from './outbox-record.js';

// The one owner of the outbox's namespaces: records by sequence number, and the counter.

const SEQ_KEY = 'outbox.seq';
const seqKey = (seq: number) => seq.toString().padStart(16, '0');

/** Stores a new record at the end of the outbox; the record with its sequence number. */
export async function appendRecord(tx: StoreTx, record: NewRecord): Promise<OutboxRecord> {
  const seq = ((await tx.get<number>(NS.meta, SEQ_KEY)) ?? 0) + 1;
  const full: OutboxRecord = { ...record, seq };
  await tx.put(NS.meta, SEQ_KEY, seq);
  await tx.put(NS.outbox, seqKey(seq), full);
  return full;
}

/** Persists changes made to a stored record (e.g. the copies `prepare` encrypted). */
export const saveRecord = (tx: StoreTx, record: OutboxRecord) => tx.put(NS.outbox, seqKey(record.seq), record);

/** Removes a record the server acknowledged or refused for good. */
export const deleteRecord = (tx: StoreTx, record: OutboxRecord) => tx.delete(NS.outbox, seqKey(record.seq));

/** Every stored record, oldest first (records of earlier versions brought to today's shape). */
export async function loadRecords(tx: StoreTx): Promise<OutboxRecord[]> {
  return (await tx.list<OutboxRecord | LegacyRecord>(NS.outbox)).map(([, record]) => upgrade(record));
}

/**
 * The shape stored before lanes had a codec: the lane in `chatId`, and `kind` absent for a user's
 * message (whose lane is its chat id).
 */
interface LegacyRecord {
  seq: number;
  chatId: string;
  kind?: OutboxRecord['kind'];
  lane?: undefined;
}

function upgrade(record: OutboxRecord | LegacyRecord): OutboxRecord {
  if (record.lane !== undefined) return record as OutboxRecord;
  const { chatId, kind = 'message', ...rest } = record as LegacyRecord & Record<string, unknown>;
  const upgraded =
    kind === 'message'
      ? { ...rest, kind, chatId, lane: encodeLane({ kind: 'chat', chatId }) }
      : { ...rest, kind, lane: chatId };
  return upgraded as unknown as OutboxRecord;
}
