/** A message typed here that the client has not confirmed yet: it has no id before the outbox answers. */
export interface PendingSend {
  /** The id of its bubble until the real message id is known. */
  tempId: string;
  chatId: string;
  text: string;
  sentAt: number;
}

/**
 * Sends made in this tab and not yet confirmed by `message:sent` / `message:failed`, per chat in
 * the order they were made. The outbox sends a chat's messages in that same order, so a
 * confirmation belongs to the oldest pending send of its chat, unless its text differs: then it
 * is a message an earlier visit left in the outbox, which has no bubble yet.
 */
export class PendingSends {
  private readonly chats = new Map<string, PendingSend[]>();
  private nextId = 0;

  add(chatId: string, text: string, sentAt: number): PendingSend {
    const pending: PendingSend = { tempId: `pending-${++this.nextId}`, chatId, text, sentAt };
    this.chats.set(chatId, [...this.of(chatId), pending]);
    return pending;
  }

  /** Takes the send a confirmation of `text` in `chatId` belongs to, if it is one of ours. */
  confirm(chatId: string, text: string): PendingSend | undefined {
    const queue = this.chats.get(chatId);
    return queue?.[0]?.text === text ? queue.shift() : undefined;
  }

  /** Drops a send the outbox never took; false when it was confirmed meanwhile. */
  remove(pending: PendingSend): boolean {
    const queue = this.chats.get(pending.chatId) ?? [];
    const at = queue.indexOf(pending);
    if (at < 0) return false;
    queue.splice(at, 1);
    return true;
  }

  of(chatId: string): readonly PendingSend[] {
    return this.chats.get(chatId) ?? [];
  }
}
