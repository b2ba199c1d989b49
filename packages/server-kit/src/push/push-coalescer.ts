import { ParleyError } from '@parley/core';
import { type Logger, silentLogger } from '../contracts/logger.js';
import { isValidPushCount, type PushNotice, type PushSink } from '../contracts/push-sink.js';
import { type SetTimer, systemTimer } from '../contracts/timer.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';

/** Options of {@link pushCoalescer}. */
export interface PushCoalescerOptions {
  /** Where the coalesced pushes go. */
  sink: PushSink;
  /** At most one push per device per this long (ms); default 10,000. */
  intervalMs?: number;
  setTimer?: SetTimer;
  logger?: Logger;
}

/**
 * A {@link PushSink} in front of another that sends at most one push per device per interval,
 * with the counts of the notices it held back added up.
 */
export interface PushCoalescer extends PushSink {
  /**
   * Forgets the count held back for a device, e.g. because it connected and gets its messages
   * live. The device's interval keeps running.
   */
  cancel(device: DeviceAddress): void;
  /** Sends every held-back count now (e.g. before shutdown). */
  flush(): Promise<void>;
  /** Cancels every timer and forgets what is held back. */
  stop(): void;
}

/** Default interval of {@link pushCoalescer} (ms). */
export const DEFAULT_PUSH_INTERVAL_MS = 10_000;

interface Window {
  device: DeviceAddress;
  /** Count held back since the last push. */
  pending: number;
  cancelTimer: () => void;
}

/**
 * Creates a {@link PushCoalescer}. The first notice for a device goes out at once (no added
 * latency for a lone message) and opens an interval; notices during the interval are held back
 * and their counts added; when it ends, one push carries the total and opens the next interval,
 * or, if nothing was held back, the device is forgotten. So a burst of 100 messages becomes two
 * pushes (1, then 99), a steady stream one push per interval, and memory is held only for devices
 * pushed within the last interval. Failures of the sink are logged, never thrown.
 */
export function pushCoalescer(options: PushCoalescerOptions): PushCoalescer {
  const { sink } = options;
  const setTimer = options.setTimer ?? systemTimer;
  const logger = options.logger ?? silentLogger;
  const intervalMs = options.intervalMs ?? DEFAULT_PUSH_INTERVAL_MS;
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) {
    throw new ParleyError('INVALID_ARGUMENT', 'intervalMs must be a positive number');
  }
  const windows = new Map<string, Window>();

  const send = async (device: DeviceAddress, notice: PushNotice): Promise<void> => {
    try {
      await sink.notify(device, notice);
    } catch (error) {
      logger.warn('push: sink failed', { userId: device.userId, deviceId: device.deviceId, error });
    }
  };

  const open = (key: string, device: DeviceAddress): Window => {
    const window: Window = { device, pending: 0, cancelTimer: () => {} };
    window.cancelTimer = setTimer(() => void close(key, window), intervalMs);
    windows.set(key, window);
    return window;
  };

  /** The interval of a device ended: push what was held back and open the next, or forget it. */
  const close = async (key: string, window: Window): Promise<void> => {
    if (windows.get(key) !== window) return;
    windows.delete(key);
    if (window.pending === 0) return;
    const count = window.pending;
    open(key, window.device);
    await send(window.device, { count });
  };

  return {
    async notify(device, notice) {
      if (!isValidPushCount(notice.count)) {
        throw new ParleyError('INVALID_ARGUMENT', 'push count must be a positive integer');
      }
      const key = deviceKey(device);
      const window = windows.get(key);
      if (window) {
        window.pending += notice.count;
        return;
      }
      const copy = { userId: device.userId, deviceId: device.deviceId };
      open(key, copy);
      await send(copy, { count: notice.count });
    },

    cancel(device) {
      const window = windows.get(deviceKey(device));
      if (window) window.pending = 0;
    },

    async flush() {
      const sends: Promise<void>[] = [];
      for (const window of windows.values()) {
        if (window.pending === 0) continue;
        const count = window.pending;
        window.pending = 0;
        sends.push(send(window.device, { count }));
      }
      await Promise.all(sends);
    },

    stop() {
      for (const window of windows.values()) window.cancelTimer();
      windows.clear();
    },
  };
}
