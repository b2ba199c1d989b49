import type { StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

// Each message this device sends carries a sequence number per conversation inside its encrypted
// Content (1, 2, 3, ...), so a receiver can see a gap, for example while an earlier message is
// being retried, and hold the later ones back (messages/sender-order.ts). It is allocated in the
// transaction that queues the message, so the numbers follow the outbox's order and a crash never
// hands one out twice; a resend keeps its number.

/** The next sequence number of this device in `chatId` (the first is 1), taken for good. */
export async function takeSendSeq(tx: StoreTx, chatId: string): Promise<number> {
  const next = ((await tx.get<number>(NS.sendSeqs, chatId)) ?? 0) + 1;
  await tx.put(NS.sendSeqs, chatId, next);
  return next;
}
