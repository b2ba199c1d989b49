import type { SentMessage, StoredMessage } from '../events.js';
import type { Logger } from '../logger.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

// The state a message event reports is stored before the event is emitted, so a crash between the
// two would leave the app never told. This journal closes that window: the event is written in the
// same transaction as the state, removed once the app's handlers ran, and whatever is still there
// at the next start is announced again, in the order it was stored, before anything new.
//
// Delivery to the app is therefore at least once, with ids: a crash after the handlers ran but
// before the removal committed announces the event again at the next start, with the same message
// id. Apps that act on events dedup by that id (the stored message is the app's source of truth).

/** An event the app must hear about, stored until it was emitted. */
export type Announcement = { kind: 'received'; message: StoredMessage } | { kind: 'sent'; message: SentMessage };

/** An announcement written in a transaction, with the key that clears it. */
export interface Noted {
  key: string;
  announcement: Announcement;
}

/** Keys are a zero-padded counter, so they list in the order the announcements were written. */
const KEY_DIGITS = 16;
const keyOf = (n: number): string => n.toString().padStart(KEY_DIGITS, '0');

/**
 * The one owner of the announcements namespace: writes an event with the state it reports,
 * emits it after commit and then forgets it, and replays what a previous run did not get to emit.
 */
export class Announcements {
  private next = 0;

  constructor(
    private readonly store: ClientStore,
    private readonly emit: (announcement: Announcement) => void,
    private readonly logger: Logger,
  ) {}

  /**
   * Announces (in stored order) what a previous run stored but did not announce, and sets the
   * counter past it. Call once at start, before anything new can be noted.
   */
  async replay(): Promise<void> {
    const left = await this.store.transaction((tx) => tx.list<Announcement>(NS.announcements));
    const last = left.at(-1);
    if (last) this.next = Number(last[0]) + 1;
    await this.announce(left.map(([key, announcement]) => ({ key, announcement })));
  }

  /** Writes an announcement inside the transaction that stores the state it reports. */
  async note(tx: StoreTx, announcement: Announcement): Promise<Noted> {
    const key = keyOf(this.next++);
    await tx.put(NS.announcements, key, announcement);
    return { key, announcement };
  }

  /**
   * After the noting transaction committed: emits each announcement in order, then removes them
   * (in one transaction). A handler that throws is the app's bug: it is logged, and the event still
   * counts as announced, so one bad handler cannot replay the same event at every start.
   */
  async announce(noted: readonly Noted[]): Promise<void> {
    if (noted.length === 0) return;
    for (const { announcement } of noted) {
      try {
        this.emit(announcement);
      } catch (error) {
        this.logger.error('an event handler threw', { event: announcement.kind, id: announcement.message.id, error });
      }
    }
    try {
      await this.store.transaction(async (tx) => {
        for (const { key } of noted) await tx.delete(NS.announcements, key);
      });
    } catch (error) {
      // Not fatal: the events are announced again at the next start, with the same ids.
      this.logger.warn('forgetting announced events failed', { count: noted.length, error });
    }
  }
}
