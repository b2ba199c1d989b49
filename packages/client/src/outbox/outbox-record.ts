import type { parley } from '@parley/core';
import type { PeerAddress } from '../events.js';
import type { PendingUpload } from '../media/pending-upload.js';

interface RecordBase {
  /** Position in the outbox (the store key), set when the record is stored. */
  seq: number;
  /** The message id (of the message sent, re-sent, or the last one a receipt covers). */
  id: string;
  /** The lane it travels in, `encodeLane(...)`: one record per lane is in flight at a time. */
  lane: string;
  createdAt: number;
}

/** A user's message, waiting for the server's SendAck. */
export interface MessageRecord extends RecordBase {
  kind: 'message';
  /** The chat it goes to (a user or a group id). */
  chatId: string;
  /**
   * The Send frame body, re-sent unchanged (same message id) until acknowledged. Its per-device
   * copies are filled in by `prepare` (encryption) and dropped when the device lists change.
   */
  send: parley.v1.Send.$Properties;
  /** The plaintext Content, kept until the server has the message so copies can be rebuilt. */
  content: Uint8Array;
  /** For a media message: its encrypted file, waiting in the media spool until uploaded. */
  upload?: PendingUpload;
}

/** A message this user sent, re-encrypted for one device that asked for it. */
export interface ResendRecord extends RecordBase {
  kind: 'resend';
  send: parley.v1.Send.$Properties;
  content: Uint8Array;
  /** The device it is for. */
  resendTo: PeerAddress;
}

/** A read receipt, queued like a message so it survives being offline. */
export interface ReceiptRecord extends RecordBase {
  kind: 'receipt';
  /** The Receipt request to send. */
  receipt: parley.v1.Receipt.$Properties;
}

/** What waits in the outbox, by kind. */
export type OutboxRecord = MessageRecord | ResendRecord | ReceiptRecord;

/** A record that carries an encrypted Send (prepared per device), as opposed to a receipt. */
export type SendRecord = MessageRecord | ResendRecord;

/** A record before the outbox stored it (no `seq` yet), of any kind. */
export type NewRecord<R extends OutboxRecord = OutboxRecord> = R extends OutboxRecord ? Omit<R, 'seq'> : never;
