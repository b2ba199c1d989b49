import { ParleyError, type parley } from '@parley/core';
import type { Logger } from '../contracts/logger.js';
import type { SetTimer } from '../contracts/timer.js';
import type { DeviceAddress } from '../contracts/types.js';
import type { LiveConnection } from './live-connection.js';
import { TYPING_EXPIRY_MS, type TypingChange, type TypingTracker, typingTracker } from './typing-tracker.js';

export interface TypingHandlerOptions {
  logger: Logger;
  /** Typing ends this long after the last refresh (ms); default 10,000. Sent to clients as `expires_in_ms`. */
  expiryMs?: number;
  setTimer?: SetTimer;
  /** Called with every change tracked here (e.g. to publish it to the other gateways). */
  onLocalChange?: (change: TypingChange) => void;
}

/**
 * 1:1 typing for the connections of one gateway. Ephemeral: a TypingChanged goes only to the
 * peer's devices connected to this gateway at that moment, never through a queue, so a device
 * that is offline never learns of it.
 *
 * The typer's gateway tracks the state (and its expiry); `onLocalChange` publishes each change so
 * the gateways holding the peer's devices relay it with {@link TypingHandler.deliver}. Group typing
 * is not enabled.
 */
export class TypingHandler {
  private readonly tracker: TypingTracker;
  private readonly expiryMs: number;
  /** User -> their connections on this gateway that are their device's live connection. */
  private readonly local = new Map<string, Set<LiveConnection>>();

  constructor(private readonly o: TypingHandlerOptions) {
    this.expiryMs = o.expiryMs ?? TYPING_EXPIRY_MS;
    this.tracker = typingTracker({
      // The tracker's chat is keyed by the peer (who is told); the peer sees the typer's id as chat.
      onChange: (change) => this.changed(change),
      expiryMs: this.expiryMs,
      logger: o.logger,
      ...(o.setTimer ? { setTimer: o.setTimer } : {}),
    });
  }

  /** A device authenticated on `connection`. */
  connected(connection: LiveConnection, device: DeviceAddress): void {
    let set = this.local.get(device.userId);
    if (!set) {
      set = new Set();
      this.local.set(device.userId, set);
    }
    set.add(connection);
  }

  /** A connection closed; when it was the user's last one here, their typing stops. */
  closed(connection: LiveConnection, device: DeviceAddress | undefined): void {
    if (!device) return;
    const set = this.local.get(device.userId);
    if (!set?.delete(connection)) return;
    if (set.size > 0) return;
    this.local.delete(device.userId);
    this.tracker.userGone(device.userId);
  }

  /** Typing from `device`. */
  typing(device: DeviceAddress, frame: parley.v1.Typing.$Properties): void {
    if (frame.chat === 'groupId')
      throw new ParleyError('INVALID_ARGUMENT', 'group typing is not enabled on this server');
    const peer = frame.userId;
    if (!peer) throw new ParleyError('INVALID_ARGUMENT', 'typing names the user being typed to');
    if (peer === device.userId) throw new ParleyError('INVALID_ARGUMENT', 'typing to oneself');
    this.tracker.setTyping(peer, device.userId, frame.typing === true);
  }

  stop(): void {
    this.tracker.stop();
  }

  private changed(change: TypingChange): void {
    this.deliver(change);
    try {
      this.o.onLocalChange?.(change);
    } catch (error) {
      this.o.logger.warn('typing: onLocalChange threw', { error: String(error) });
    }
  }

  /** Sends a typing change to the peer's (`change.chatId`) devices connected here. */
  deliver(change: TypingChange): void {
    const body = {
      typingChanged: {
        chatId: change.userId,
        userId: change.userId,
        typing: change.typing,
        expiresInMs: change.typing ? this.expiryMs : 0,
      },
    };
    for (const connection of this.local.get(change.chatId) ?? []) {
      if (connection.isOpen && connection.state === 'ready') connection.send(body);
    }
  }
}
