import { ParleyError } from '@parley/core';
import type { StoredMessage } from '../events.js';
import type { ClientStore } from '../stores/client-store.js';
import { deleteMessage, getMessage, markRetrying, unsentMessages } from './message-store.js';
import { queueContent, type SendContentDeps, type SendHandle } from './send-content.js';

/**
 * Messages this device sent that the server does not have yet: `pending` (waiting in the outbox,
 * e.g. while offline) and `failed` (refused for good, e.g. UNKNOWN_RECIPIENT). For the "sending…" /
 * "not sent, tap to retry" states of a chat screen, also after a restart.
 */
export interface UnsentApi {
  /** Pending and failed messages, oldest first. */
  list(): Promise<StoredMessage[]>;
  /**
   * Takes a pending message back: it leaves the outbox and the history, and its `sent` rejects with
   * `CLOSED`. False when it is no longer pending, or is being handed to the server right now.
   */
  cancel(id: string): Promise<boolean>;
  /** Queues a failed message again under its id (back to `pending`); a new handle for it. */
  retry(id: string): Promise<SendHandle>;
}

/** The unsent messages of a client; `parts` opens the client's outbox. */
export function unsentApi(store: ClientStore, parts: () => Promise<SendContentDeps>): UnsentApi {
  return {
    list: () => store.transaction(unsentMessages),

    async cancel(id) {
      const { outbox } = await parts();
      return outbox.cancel(id, async (tx) => {
        await deleteMessage(tx, id);
      });
    },

    async retry(id) {
      const deps = await parts();
      const m = await store.transaction((tx) => getMessage(tx, id));
      if (!m?.outgoing || m.status !== 'failed' || m.from.deviceId !== deps.self.deviceId) {
        throw new ParleyError('CONFLICT', `message ${id} is not a failed message of this device`);
      }
      // A media message whose upload never finished has no file left to send (the spool copy was dropped).
      if (m.content.kind === 'media' && !m.content.media.blobId) {
        throw new ParleyError('CONFLICT', `media message ${id} was never uploaded: send the file again`);
      }
      return queueContent(
        deps,
        m.chatId,
        m.content,
        {},
        { id, sentAt: m.sentAt, write: (tx, seq) => markRetrying(tx, id, seq) },
      );
    },
  };
}
