import { ParleyError, type parley } from '@parley/core';
import type { Logger } from '../contracts/logger.js';
import type { SetTimer } from '../contracts/timer.js';
import type { DeviceAddress } from '../contracts/types.js';
import type { LiveConnection } from './live-connection.js';
import { TYPING_EXPIRY_MS, type TypingChange, type TypingTracker, typingTracker } from './typing-tracker.js';

export interface TypingHandlerOptions {
  logger: Logger;
  /**
   * A user's connections on this gateway that are their device's live connection (the gateway's
   * live devices: typing keeps no list of its own, which cost a map entry per idle connection).
   */
  connectionsOf: (userId: string) => Iterable<LiveConnection>;
  /** Typing ends this long after the last refresh (ms); default 10,000. Sent to clients as `expires_in_ms`. */
  expiryMs?: number;
  setTimer?: SetTimer;
  /** Called with every change tracked here (e.g. to publish it to the other gateways). */
  onLocalChange?: (change: TypingChange) => void;
  /** The members of a group (undefined: no such group); without it group typing is not enabled. */
  groupMembers?: (groupId: string) => Promise<string[] | undefined>;
}

// The tracker keys a 1:1 chat by the peer's user id and a group by this key: U+001F cannot start a
// user id, so the two never collide. One codec, round-tripped by a test.
const GROUP_KEY = '\u001fgroup\u001f';

/** The tracker's chat key of a group. */
export const groupTypingKey = (groupId: string): string => `${GROUP_KEY}${groupId}`;

/** The group of a tracker chat key; undefined for a 1:1 key (a user id). */
export const groupOfTypingKey = (key: string): string | undefined =>
  key.startsWith(GROUP_KEY) ? key.slice(GROUP_KEY.length) : undefined;

/**
 * 1:1 typing for the connections of one gateway. Ephemeral: a TypingChanged goes only to the
 * peer's devices connected to this gateway at that moment, never through a queue, so a device
 * that is offline never learns of it.
 *
 * The typer's gateway tracks the state (and its expiry); `onLocalChange` publishes each change so
 * the gateways holding the peer's devices relay it with {@link TypingHandler.deliver}.
 *
 * Group typing (with `groupMembers`): only a member may type in a group, and every other member's
 * devices connected here hear it, with the group id as chat. Members are looked up at each change,
 * so one removed meanwhile hears nothing more.
 */
export class TypingHandler {
  private readonly tracker: TypingTracker;
  private readonly expiryMs: number;

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

  /**
   * A connection of `device` closed (and is no longer among `connectionsOf`); when the user has no
   * connection left here, their typing stops.
   */
  closed(device: DeviceAddress | undefined): void {
    if (!device) return;
    for (const _ of this.o.connectionsOf(device.userId)) return;
    this.tracker.userGone(device.userId);
  }

  /** Typing from `device`. */
  async typing(device: DeviceAddress, frame: parley.v1.Typing.$Properties): Promise<void> {
    if (frame.chat === 'groupId') {
      const members = this.o.groupMembers;
      if (!members) throw new ParleyError('INVALID_ARGUMENT', 'group typing is not enabled on this server');
      const groupId = frame.groupId ?? '';
      if (!groupId || groupId.length > 64) throw new ParleyError('INVALID_ARGUMENT', 'typing names a group id');
      if (!(await members(groupId))?.includes(device.userId)) {
        throw new ParleyError('NOT_GROUP_MEMBER', 'typing in a group this user is not a member of');
      }
      this.tracker.setTyping(groupTypingKey(groupId), device.userId, frame.typing === true);
      return;
    }
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

  /** Sends a typing change to the peer's (`change.chatId`) devices connected here, or a group's other members'. */
  deliver(change: TypingChange): void {
    const groupId = groupOfTypingKey(change.chatId);
    if (groupId !== undefined) {
      void this.deliverToGroup(groupId, change).catch((error: unknown) =>
        this.o.logger.warn('typing: group members lookup failed', { groupId, error: String(error) }),
      );
      return;
    }
    const body = {
      typingChanged: {
        chatId: change.userId,
        userId: change.userId,
        typing: change.typing,
        expiresInMs: change.typing ? this.expiryMs : 0,
      },
    };
    for (const connection of this.o.connectionsOf(change.chatId)) {
      if (connection.isOpen && connection.state === 'ready') connection.send(body);
    }
  }

  private async deliverToGroup(groupId: string, change: TypingChange): Promise<void> {
    const members = (await this.o.groupMembers?.(groupId)) ?? [];
    const body = {
      typingChanged: {
        chatId: groupId,
        userId: change.userId,
        typing: change.typing,
        expiresInMs: change.typing ? this.expiryMs : 0,
      },
    };
    for (const member of members) {
      if (member === change.userId) continue;
      for (const connection of this.o.connectionsOf(member)) {
        if (connection.isOpen && connection.state === 'ready') connection.send(body);
      }
    }
  }
}
