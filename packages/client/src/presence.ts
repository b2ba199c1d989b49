import { type ClientFrameInit, ParleyError, type parley, type ServerFrame } from '@parley/core';
import { type Logger, silentLogger, warnOnFailure } from './logger.js';

/** A user's presence as this client knows it. */
export interface PresenceInfo {
  online: boolean;
  /** When the user was last online (ms); undefined while online or when unknown. */
  lastSeen: number | undefined;
}

export interface PresenceChange extends PresenceInfo {
  userId: string;
}

/** The `client.presence` facade. */
export interface PresenceApi {
  /**
   * Subscribes to users' presence: resolves once the server answered with the current state of
   * those this user may see (others stay unknown: the server sends nothing about them). Changes
   * follow as `presence:changed`. Subscriptions are renewed after a reconnect.
   */
  subscribe(userIds: string[]): Promise<void>;
  unsubscribe(userIds: string[]): Promise<void>;
}

type Request = (body: Omit<ClientFrameInit, 'requestId'>) => Promise<ServerFrame>;

/** Presence subscriptions and the cache of states they brought. @internal */
export class PresenceCache implements PresenceApi {
  private readonly subscribed = new Set<string>();
  private readonly states = new Map<string, PresenceInfo>();

  constructor(
    private readonly request: Request,
    private readonly emit: (change: PresenceChange) => void,
    private readonly logger: Logger = silentLogger,
  ) {}

  async subscribe(userIds: string[]): Promise<void> {
    const ids = checkIds(userIds);
    if (ids.length === 0) return;
    for (const id of ids) this.subscribed.add(id);
    const frame = await this.request({ presenceSubscribe: { userIds: ids } });
    this.apply(frame.presenceSnapshot?.states ?? []);
  }

  async unsubscribe(userIds: string[]): Promise<void> {
    const ids = checkIds(userIds);
    if (ids.length === 0) return;
    for (const id of ids) {
      this.subscribed.delete(id);
      this.states.delete(id);
    }
    await this.request({ presenceUnsubscribe: { userIds: ids } });
  }

  get(userId: string): PresenceInfo | undefined {
    const state = this.states.get(userId);
    return state ? { ...state } : undefined;
  }

  /** A PresenceChanged push. */
  changed(states: parley.v1.PresenceState.$Properties[]): void {
    this.apply(states);
  }

  /** After a reconnect: the server forgot the subscriptions, renew them (and refresh the cache). */
  resubscribe(request: Request): void {
    if (this.subscribed.size === 0) return;
    const ids = [...this.subscribed];
    void request({ presenceSubscribe: { userIds: ids } })
      .then((frame) => this.apply(frame.presenceSnapshot?.states ?? []))
      .catch(warnOnFailure(this.logger, 'renewing presence subscriptions failed; the next reconnect tries again'));
  }

  private apply(states: parley.v1.PresenceState.$Properties[]): void {
    for (const s of states) {
      const userId = s.userId;
      if (!userId || !this.subscribed.has(userId)) continue;
      const online = s.online === true;
      const lastSeen = online || !s.lastSeen ? undefined : Number(s.lastSeen);
      const previous = this.states.get(userId);
      if (previous && previous.online === online && previous.lastSeen === lastSeen) continue;
      this.states.set(userId, { online, lastSeen });
      this.emit({ userId, online, lastSeen });
    }
  }
}

/** Typing of peers as pushed by the server, with a local expiry in case the "stopped" never comes. @internal */
export class TypingState {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly emit: (event: { chatId: string; userId: string; typing: boolean }) => void) {}

  /** A TypingChanged push. */
  changed(event: parley.v1.TypingChanged.$Properties): void {
    const chatId = event.chatId ?? '';
    const userId = event.userId ?? '';
    if (!chatId || !userId) return;
    const key = `${chatId}\u001f${userId}`;
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    if (!event.typing) {
      if (!timer) return;
      this.timers.delete(key);
      this.emit({ chatId, userId, typing: false });
      return;
    }
    const expiresIn = event.expiresInMs && event.expiresInMs > 0 ? event.expiresInMs : TYPING_EXPIRY_MS;
    const expiry = setTimeout(() => {
      this.timers.delete(key);
      this.emit({ chatId, userId, typing: false });
    }, expiresIn);
    (expiry as { unref?: () => void }).unref?.();
    this.timers.set(key, expiry);
    if (!timer) this.emit({ chatId, userId, typing: true });
  }

  /** Forgets every state without emitting (client closed). */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Typing expires after this long without a refresh when the server does not say (ms). */
export const TYPING_EXPIRY_MS = 10_000;

function checkIds(userIds: string[]): string[] {
  if (!Array.isArray(userIds) || !userIds.every((id) => typeof id === 'string' && id.length > 0)) {
    throw new ParleyError('INVALID_ARGUMENT', 'user ids must be non-empty strings');
  }
  return [...new Set(userIds)];
}
