// The connected devices of one user and whether each is active, as the presence tracker keeps them
// for every connected user. Nearly every user has one device connected to a gateway: that one is
// kept as a bare number (its id, negated while inactive), which costs nothing beside the user's
// map entry, where a Map per user cost about 200 bytes per idle connection (aim 5 of issue 15).
// Device ids are positive integers (the handshake refuses others), so the sign is free; any other
// id (from a direct caller of the tracker) is kept in a map.

/** One user's connected devices: one as its id (negative while inactive), several in a map. */
export type DeviceStates = number | Map<number, boolean>;

/** Whether any of the devices is active. */
export function anyActive(states: DeviceStates | undefined): boolean {
  if (states === undefined) return false;
  if (typeof states === 'number') return states > 0;
  for (const active of states.values()) if (active) return true;
  return false;
}

/** Whether `deviceId` is among the devices. */
export function hasDevice(states: DeviceStates | undefined, deviceId: number): boolean {
  if (states === undefined) return false;
  if (typeof states === 'number') return Math.abs(states) === deviceId;
  return states.has(deviceId);
}

/** The one-device form, or a map for an id that has no sign to spare. */
const one = (deviceId: number, active: boolean): DeviceStates =>
  Number.isSafeInteger(deviceId) && deviceId > 0 ? (active ? deviceId : -deviceId) : new Map([[deviceId, active]]);

/**
 * The devices after `deviceId` became `active` (or, with `gone`, left); undefined when none is
 * left. A map given may be changed in place.
 */
export function withDevice(
  states: DeviceStates | undefined,
  deviceId: number,
  change: { active: boolean } | 'gone',
): DeviceStates | undefined {
  const gone = change === 'gone';
  if (states === undefined || (typeof states === 'number' && Math.abs(states) === deviceId)) {
    return gone ? undefined : one(deviceId, change.active);
  }
  if (typeof states === 'number') {
    if (gone) return states;
    return new Map([
      [Math.abs(states), states > 0],
      [deviceId, change.active],
    ]);
  }
  if (gone) states.delete(deviceId);
  else states.set(deviceId, change.active);
  if (states.size === 0) return undefined;
  if (states.size > 1) return states;
  for (const [id, active] of states) return one(id, active); // back to one device: a number again
  return undefined;
}
