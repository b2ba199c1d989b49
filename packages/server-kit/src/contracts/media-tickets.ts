import { createHash } from 'node:crypto';

/** Media tickets live this long by default: 5 minutes to start the upload or download. */
export const DEFAULT_MEDIA_TICKET_TTL_MS = 5 * 60 * 1000;

/**
 * What a media ticket lets its holder do: one upload or one download of one blob, or (`delete`,
 * issued with an upload and living as long as the blob) deleting the blob, by the uploading user only.
 */
export interface MediaTicket {
  kind: 'upload' | 'download' | 'delete';
  blobId: string;
  /** Upload: the exact size declared when it was asked for. Download and delete: 0. */
  size: number;
  /** The user it was issued to (for logs and accounting; a delete ticket works for this user only). */
  userId: string;
  /** Ms since the epoch, by the issuer's clock; at and after it the ticket is void. */
  expiresAt: number;
}

/**
 * Issued media tickets, shared by every gateway of a cluster (a ticket asked for over one
 * gateway's WebSocket may be presented over HTTP to another). Tickets are stored under a key the
 * gateway derives from the secret token (its SHA-256), so the store never holds a usable token.
 *
 * Every implementation guarantees:
 * - `issue` stores a ticket under `key`; issuing under a key that is taken rejects with CONFLICT.
 * - `take` is the only way to use a ticket, and it is single-use: it removes the ticket and
 *   resolves with it if it exists and has not expired (by the injected clock); otherwise it
 *   resolves undefined. Of concurrent `take`s of one key at most one gets the ticket.
 * - `purgeExpired` removes every expired ticket and resolves with how many; unexpired ones stay.
 */
export interface MediaTickets {
  issue(key: string, ticket: MediaTicket): Promise<void>;
  take(key: string): Promise<MediaTicket | undefined>;
  purgeExpired(): Promise<number>;
}

/** The key a ticket is stored under: the SHA-256 (hex) of its token, so a ticket store holds no usable token. */
export function ticketKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A stored ticket kind read back from a table column; undefined for anything else. */
export function ticketKindOf(kind: string): MediaTicket['kind'] | undefined {
  return kind === 'upload' || kind === 'download' || kind === 'delete' ? kind : undefined;
}
