import { type parley, pb } from '@parley/core';
import { decodeContent } from './content.js';
import type { ReceivedMessage } from './events.js';
import type { ClientStore } from './stores/client-store.js';

/** Stored form of every message this device has seen, in or out. Also the dedup record. */
export interface StoredMessage extends ReceivedMessage {
  status: 'pending' | 'sent' | 'received' | 'failed';
}

export const MESSAGES_NS = 'messages';

export interface InboxEvents {
  received(message: ReceivedMessage): void;
  undecryptable(event: { id: string; from: { userId: string; deviceId: number }; reason: string }): void;
  /** Acknowledges ids to the server (after they are durably stored). */
  ack(ids: string[]): void;
}

/**
 * Turns Deliver frames into stored messages and events: decodes, drops duplicates by id,
 * commits the whole frame in one transaction, emits in queue order, then acknowledges.
 * A crash between commit and ack only causes a redelivery, which the dedup absorbs.
 */
export class Inbox {
  constructor(
    private readonly store: ClientStore,
    private readonly selfUserId: string,
    private readonly events: InboxEvents,
  ) {}

  /** Returns how many envelopes were processed (for sync progress). */
  async handle(envelopes: parley.v1.Envelope[]): Promise<number> {
    const fresh: ReceivedMessage[] = [];
    const failures: Array<{ id: string; from: { userId: string; deviceId: number }; reason: string }> = [];
    await this.store.transaction(async (tx) => {
      const seen = new Set<string>();
      for (const envelope of envelopes) {
        if (envelope.body !== 'message' || !envelope.message) continue; // other kinds land with later features
        const id = envelope.messageId || envelope.id;
        if (seen.has(id) || (await tx.get(MESSAGES_NS, id)) !== undefined) continue;
        seen.add(id);
        const from = { userId: envelope.sender?.userId ?? '', deviceId: envelope.sender?.deviceId ?? 0 };
        let decoded: ReturnType<typeof decodeContent>;
        try {
          if (envelope.message.type !== pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT) {
            throw new Error(`payload type ${envelope.message.type} is not supported by this client`);
          }
          decoded = decodeContent(envelope.message.data ?? new Uint8Array());
        } catch (error) {
          failures.push({ id, from, reason: String((error as Error).message) });
          continue;
        }
        const outgoing = from.userId === this.selfUserId;
        const message: StoredMessage = {
          id,
          chatId: outgoing ? envelope.conversationUserId || from.userId : from.userId,
          from,
          content: decoded.content,
          sentAt: decoded.sentAt,
          serverTime: envelope.serverTime,
          outgoing,
          status: outgoing ? 'sent' : 'received',
        };
        await tx.put(MESSAGES_NS, message.id, message);
        const { status: _status, ...event } = message;
        fresh.push(event);
      }
    });
    for (const message of fresh) this.events.received(message);
    for (const failure of failures) this.events.undecryptable(failure);
    this.events.ack(envelopes.map((e) => e.id));
    return envelopes.length;
  }
}
