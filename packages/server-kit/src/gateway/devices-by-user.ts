import type { DeviceAddress } from '../contracts/types.js';

/**
 * One value per device, kept under its user: the key is the user id string the device's address
 * already holds (no key string made per device, where `deviceKey` cost 32 bytes per idle
 * connection), and a user's devices are found together (typing goes to all of them). Nearly every
 * user has one device connected to a gateway: that value is kept bare, several in an array.
 */
export class DevicesByUser<T extends object> {
  private readonly byUser = new Map<string, T | T[]>();
  private count = 0;

  /** `deviceIdOf` tells which device of its user a value is for. */
  constructor(private readonly deviceIdOf: (value: T) => number) {}

  /** How many devices have a value. */
  get size(): number {
    return this.count;
  }

  get(device: DeviceAddress): T | undefined {
    const mine = this.byUser.get(device.userId);
    if (mine === undefined) return undefined;
    if (!Array.isArray(mine)) return this.deviceIdOf(mine) === device.deviceId ? mine : undefined;
    return mine.find((value) => this.deviceIdOf(value) === device.deviceId);
  }

  /** Sets the value of `device` (whose user id string becomes the key when the user has none yet). */
  set(device: DeviceAddress, value: T): void {
    const mine = this.byUser.get(device.userId);
    if (mine === undefined) {
      this.byUser.set(device.userId, value);
      this.count++;
    } else if (Array.isArray(mine)) {
      const at = mine.findIndex((v) => this.deviceIdOf(v) === device.deviceId);
      if (at >= 0) mine[at] = value;
      else {
        mine.push(value);
        this.count++;
      }
    } else if (this.deviceIdOf(mine) === device.deviceId) {
      this.byUser.set(device.userId, value);
    } else {
      this.byUser.set(device.userId, [mine, value]);
      this.count++;
    }
  }

  /** Removes the value of `device`; true when there was one. */
  delete(device: DeviceAddress): boolean {
    const mine = this.byUser.get(device.userId);
    if (mine === undefined) return false;
    if (!Array.isArray(mine)) {
      if (this.deviceIdOf(mine) !== device.deviceId) return false;
      this.byUser.delete(device.userId);
    } else {
      const at = mine.findIndex((v) => this.deviceIdOf(v) === device.deviceId);
      if (at < 0) return false;
      mine.splice(at, 1);
      // One left: bare again.
      if (mine.length === 1) this.byUser.set(device.userId, mine[0] as T);
    }
    this.count--;
    return true;
  }

  /** The values of a user's devices. */
  ofUser(userId: string): readonly T[] {
    const mine = this.byUser.get(userId);
    return mine === undefined ? [] : Array.isArray(mine) ? mine : [mine];
  }

  /** Every value; values may be deleted meanwhile (a user's several are gone through as they were). */
  *values(): Generator<T> {
    for (const mine of this.byUser.values()) {
      if (Array.isArray(mine)) yield* mine.slice();
      else yield mine;
    }
  }
}
