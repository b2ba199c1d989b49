import { ParleyError } from '@parley/core';
import { type Logger, silentLogger } from '../contracts/logger.js';
import type { PresenceStore } from '../contracts/presence-store.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import { type Clock, type DeviceAddress, systemClock } from '../contracts/types.js';
import { anyActive, type DeviceStates, hasDevice, withDevice } from './device-states.js';

/** A user's presence as subscribers see it. */
export interface PresenceState {
  online: boolean;
  /**
   * When the user was last online (ms), from the store; absent while online (online supersedes
   * it) and for a user never seen.
   */
  lastSeen?: number;
}

/** Options of {@link presenceTracker}. */
export interface PresenceTrackerOptions {
  /** Where last seen is written when a user goes offline, and read for offline users. */
  store: PresenceStore;
  /**
   * Called with a user's new state, at most once per user per coalescing tick, and only after
   * the last seen it carries is stored. Not called for a user whose state ended where the last
   * call left it (e.g. offline and back online within one tick). Errors thrown are logged.
   */
  onChange: (userId: string, state: PresenceState) => void;
  /** Changes are collected for this long and emitted together (ms); default 1000. */
  coalesceMs?: number;
  clock?: Clock;
  setTimer?: SetTimer;
  logger?: Logger;
}

/** Options of {@link PresenceTracker.deviceGone}. */
export interface DeviceGoneOptions {
  /**
   * When the device was last heard from (ms), e.g. its last heartbeat when the connection died
   * without a goodbye; default now. Used as last seen if this device was the user's last active
   * one. Clamped to now.
   */
  at?: number;
}

/**
 * Live presence of the users connected to this process.
 *
 * A user is online while at least one of their devices is connected and active. When the last
 * active device goes inactive or away, last seen (now, or {@link DeviceGoneOptions.at}) is
 * written to the store. Changes are coalesced and reported through `onChange`.
 *
 * Per process: a user with devices on two gateways is tracked by each separately, so a cluster
 * needs the gateways to combine their views (or route a user's devices to one gateway).
 */
export interface PresenceTracker {
  /**
   * Records that a device is connected, active or not (`setActive`; a device connecting is
   * active by default, so call this with `true` on connect). Resolves once any resulting last
   * seen is stored.
   */
  deviceActive(device: DeviceAddress, active: boolean): Promise<void>;
  /** Records that a device disconnected or timed out. Unknown devices are ignored. */
  deviceGone(device: DeviceAddress, options?: DeviceGoneOptions): Promise<void>;
  /** The current state of a user, e.g. the snapshot a new subscriber gets. */
  get(userId: string): Promise<PresenceState>;
  /** Emits pending changes now instead of at the end of the tick. */
  flush(): Promise<void>;
  /** Cancels the pending tick (pending changes are not emitted) and waits for pending writes. */
  stop(): Promise<void>;
}

/** Default coalescing interval of {@link presenceTracker} (ms). */
export const DEFAULT_PRESENCE_COALESCE_MS = 1000;

/** Creates a {@link PresenceTracker}. */
export function presenceTracker(options: PresenceTrackerOptions): PresenceTracker {
  const { store, onChange } = options;
  const clock = options.clock ?? systemClock;
  const setTimer = options.setTimer ?? systemTimer;
  const logger = options.logger ?? silentLogger;
  const coalesceMs = options.coalesceMs ?? DEFAULT_PRESENCE_COALESCE_MS;
  if (!(coalesceMs >= 0) || !Number.isFinite(coalesceMs)) {
    throw new ParleyError('INVALID_ARGUMENT', 'coalesceMs must be a non-negative number');
  }

  /** User -> their connected devices and whether each is active; users without any are removed. */
  const devices = new Map<string, DeviceStates>();
  /** Users whose online flag flipped since the last tick. */
  const dirty = new Set<string>();
  /** Users last reported online (offline users are not kept, so memory follows connected users). */
  const reportedOnline = new Set<string>();
  /**
   * Online user -> latest time one of their devices went inactive or away while others stayed
   * active: a later backdated `deviceGone` of the last device never reports a time before it.
   */
  const leftAt = new Map<string, number>();
  /** User -> the last seen write in flight: the tick waits for it before emitting. */
  const writes = new Map<string, Promise<void>>();
  let cancelTick: (() => void) | undefined;
  let stopped = false;

  const isOnline = (userId: string): boolean => anyActive(devices.get(userId));

  const schedule = (): void => {
    if (cancelTick || stopped) return;
    cancelTick = setTimer(() => {
      cancelTick = undefined;
      void tick();
    }, coalesceMs);
  };

  const writeLastSeen = (userId: string, at: number): Promise<void> => {
    const previous = writes.get(userId) ?? Promise.resolve();
    const write = previous
      .then(() => store.setLastSeen(userId, at))
      .catch((error: unknown) => {
        // Presence is eventually consistent: report the change anyway, with the stored time.
        logger.warn('presence: storing last seen failed', { userId, error });
      });
    writes.set(userId, write);
    void write.then(() => {
      if (writes.get(userId) === write) writes.delete(userId);
    });
    return write;
  };

  /** Applies a change to one of a user's devices and handles an online flip. */
  const update = (device: DeviceAddress, change: { active: boolean } | 'gone', at: number, leaving: boolean) => {
    const { userId } = device;
    const wasOnline = isOnline(userId);
    const mine = withDevice(devices.get(userId), device.deviceId, change);
    if (mine === undefined) devices.delete(userId);
    else devices.set(userId, mine);
    const online = isOnline(userId);
    if (online === wasOnline) {
      if (online && leaving) leftAt.set(userId, Math.max(leftAt.get(userId) ?? at, at));
      return Promise.resolve();
    }
    dirty.add(userId);
    schedule();
    if (online) return Promise.resolve();
    const lastSeen = Math.max(leftAt.get(userId) ?? at, at);
    leftAt.delete(userId);
    return writeLastSeen(userId, lastSeen);
  };

  const state = async (userId: string): Promise<PresenceState> => {
    if (isOnline(userId)) return { online: true };
    await writes.get(userId);
    const lastSeen = await store.lastSeen(userId);
    return lastSeen === undefined ? { online: false } : { online: false, lastSeen };
  };

  const tick = async (): Promise<void> => {
    const users = [...dirty];
    dirty.clear();
    for (const userId of users) {
      let next: PresenceState;
      try {
        next = await state(userId);
      } catch (error) {
        logger.warn('presence: reading last seen failed', { userId, error });
        next = { online: isOnline(userId) };
      }
      if (stopped) return;
      // The state may have moved on while we read: report what it is now.
      if (next.online !== isOnline(userId)) {
        dirty.add(userId);
        schedule();
        continue;
      }
      if (next.online) {
        if (reportedOnline.has(userId)) continue; // went away and came back within one tick
        reportedOnline.add(userId);
      } else {
        reportedOnline.delete(userId);
      }
      try {
        onChange(userId, next);
      } catch (error) {
        logger.warn('presence: onChange threw', { userId, error });
      }
    }
  };

  return {
    deviceActive(device, active) {
      const at = clock();
      return update(device, { active }, at, !active);
    },

    deviceGone(device, goneOptions = {}) {
      const now = clock();
      const at = goneOptions.at === undefined ? now : Math.min(goneOptions.at, now);
      if (!hasDevice(devices.get(device.userId), device.deviceId)) return Promise.resolve();
      return update(device, 'gone', at, true);
    },

    get: state,

    async flush() {
      cancelTick?.();
      cancelTick = undefined;
      await tick();
    },

    async stop() {
      stopped = true;
      cancelTick?.();
      cancelTick = undefined;
      dirty.clear();
      leftAt.clear();
      await Promise.all(writes.values());
    },
  };
}
