import { ParleyError } from '@parley/core';
import { isValidPushCount, type PushSink } from '../contracts/push-sink.js';
import type { DeviceAddress } from '../contracts/types.js';

/** One call recorded by {@link memoryPushSink}. */
export interface RecordedPush {
  userId: string;
  deviceId: number;
  count: number;
  token?: { provider: string; token: string };
}

/** A {@link PushSink} that records its calls, for tests. */
export interface MemoryPushSink extends PushSink {
  /** Every notice received, in call order (a copy). */
  calls(): RecordedPush[];
  /** The notices received for one device, in call order. */
  callsFor(device: DeviceAddress): RecordedPush[];
  /** Forgets the recorded calls. */
  clear(): void;
}

/** Creates a {@link MemoryPushSink}. */
export function memoryPushSink(): MemoryPushSink {
  let recorded: RecordedPush[] = [];
  return {
    async notify(device, notice) {
      if (!isValidPushCount(notice.count)) {
        throw new ParleyError('INVALID_ARGUMENT', 'push count must be a positive integer');
      }
      // Copy field by field: whatever else the caller's objects carry is not recorded.
      recorded.push({
        userId: device.userId,
        deviceId: device.deviceId,
        count: notice.count,
        ...(notice.token ? { token: { ...notice.token } } : {}),
      });
    },
    calls: () => recorded.map((r) => ({ ...r })),
    callsFor: (device) =>
      recorded.filter((r) => r.userId === device.userId && r.deviceId === device.deviceId).map((r) => ({ ...r })),
    clear() {
      recorded = [];
    },
  };
}
