/** A device address: (user id, device id). */
export interface DeviceAddress {
  userId: string;
  deviceId: number;
}

/** Milliseconds since the epoch. Injected so time-dependent behaviour is testable. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** Parts with a lifecycle implement this; `start` before use, `stop` releases resources. */
export interface Startable {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function deviceKey(device: DeviceAddress): string {
  return `${device.userId}\u0000${device.deviceId}`;
}
