import { oneof, ParleyError, type parley, type ServerFrame } from '@parley/core';
import type { EventEmitter } from 'eventemitter3';
import type { Parts } from './client-parts.js';
import type { ClientEvents } from './events.js';
import { type Logger, warnOnFailure } from './logger.js';
import type { PresenceCache, TypingState } from './presence.js';

/** Failures of a key publication that the next connection retries by itself (see `keysPublished`). */
const KEY_SYNC_RETRIED = new Set(['CONNECTION_CLOSED', 'TIMEOUT']);

/** What the client's connection events act on, lent by the facade. */
export interface ConnectionEventsDeps {
  emit: EventEmitter<ClientEvents>['emit'];
  logger: Logger;
  presence: PresenceCache;
  typing: TypingState;
  /** The parts, once built (events come only from a connection they made). */
  parts(): Parts;
  /** What the app last said with setActive (the server assumes active on each new connection). */
  active(): boolean;
  closed(): boolean;
}

/**
 * What the client does when a connection becomes ready (each Welcome) and with each frame the
 * server pushes: publishes this device's keys, resumes the outbox, syncs groups and presence, and
 * counts the offline backlog for `sync:progress`.
 */
export class ConnectionEvents {
  private keysReady: Promise<void> | undefined;
  private syncReceived = 0;
  private syncPending = 0;

  constructor(private readonly deps: ConnectionEventsDeps) {}

  /**
   * Resolves once this device's keys are published on a ready connection. A connection lost while
   * publishing is no refusal: the next connection publishes them again, and this waits for that one.
   */
  async keysPublished(parts: Parts): Promise<void> {
    for (;;) {
      const publishing = this.keysReady ?? (parts.connection.isReady ? this.syncKeys(parts) : undefined);
      if (publishing) {
        try {
          await publishing;
          return;
        } catch (e) {
          const error = ParleyError.from(e);
          if (this.deps.closed() || !KEY_SYNC_RETRIED.has(error.code)) throw error;
        }
      }
      await parts.connection.whenReady();
    }
  }

  /** Publishes keys after each (re)connect; `keysPublished` waits for the first success, and a failure is retried. */
  private syncKeys(parts: Parts): Promise<void> {
    // In the signed device list first (the genesis record for a user's first device), so a peer that
    // sees this device's keys can also verify it.
    const sync = parts.ownList.ensureListed().then(() => parts.keys.sync());
    const ready = sync.catch((error: unknown) => {
      if (this.keysReady === ready) this.keysReady = undefined;
      throw error;
    });
    this.keysReady = ready;
    return ready;
  }

  onReady(welcome: parley.v1.Welcome.$Properties): void {
    const { emit, logger } = this.deps;
    const parts = this.deps.parts();
    this.syncReceived = 0;
    this.syncPending = welcome.pending ?? 0;
    emit('sync:progress', { received: 0, pending: this.syncPending, done: false });
    // Keys first (a peer cannot reach this device before they are published), then the outbox.
    void this.syncKeys(parts)
      .catch(warnOnFailure(logger, 'publishing keys failed; retried at the next reconnect'))
      .finally(() => parts.outbox.onReady());
    // Group changes made while this device was away (or before it existed) are fetched and verified.
    void parts.groups.sync().catch(warnOnFailure(logger, 'group sync failed; retried at the next reconnect'));
    this.deps.presence.resubscribe((body) => parts.connection.request(body));
    // The server starts every connection as active: an app in the background says so again.
    if (!this.deps.active()) {
      void parts.connection
        .request({ setActive: { active: false } })
        .catch(warnOnFailure(logger, 'telling the server this device is inactive failed'));
    }
  }

  async onPush(frame: ServerFrame): Promise<void> {
    const { emit, logger } = this.deps;
    const parts = this.deps.parts();
    const body = oneof(frame, 'body');
    switch (body.case) {
      case 'deliver': {
        const n = await parts.inbox.handle(body.value.envelopes ?? []);
        // A received disappearing message (or one whose time already came) is swept on time.
        void parts.sweeper.sweep().catch(warnOnFailure(logger, 'deleting disappearing messages failed'));
        if (this.syncPending > 0 && this.syncReceived < this.syncPending) {
          this.syncReceived += n;
          emit('sync:progress', { received: this.syncReceived, pending: this.syncPending, done: false });
        }
        break;
      }
      case 'syncComplete':
        // "Synced" also means reachable: peers can only encrypt to this device once its keys are out.
        // A failure was logged where the upload started.
        await this.keysReady?.catch((error: unknown) => logger.debug('sync complete without keys', { error }));
        emit('sync:progress', { received: this.syncReceived, pending: this.syncPending, done: true });
        break;
      case 'prekeysLow':
        void this.syncKeys(parts).catch(warnOnFailure(logger, 'topping up prekeys failed'));
        break;
      case 'presenceChanged':
        this.deps.presence.changed(body.value.states ?? []);
        break;
      case 'typingChanged':
        this.deps.typing.changed(body.value);
        break;
    }
  }
}
