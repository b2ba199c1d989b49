import type { ParleyClient } from '@parley/client';
import { renderError, renderInfo, sanitize } from './render.js';

// What the chat prints about identities: changed account keys, new or removed verified devices, and
// devices a server lists that no signed record of their user added. Pure formatting plus one wiring
// function, kept apart from chat.ts.

/** A 60-digit safety number as 12 groups of 5, in 3 rows of 4 (as Signal shows it). */
export function renderSafetyNumber(userId: string, digits: string): string {
  const groups = digits.match(/\d{5}/g) ?? [];
  const rows = [0, 4, 8].map((i) => `    ${groups.slice(i, i + 4).join(' ')}`);
  return [`safety number with ${sanitize(userId)} (the same on their side, for all their devices):`, ...rows].join(
    '\n',
  );
}

export function renderIdentityChanged(userId: string, deviceId: number, color: boolean): string {
  const what = deviceId === 0 ? 'account key' : `device ${deviceId}'s key`;
  return renderError(
    `! ${sanitize(userId)}'s ${what} changed: compare safety numbers (/safety ${sanitize(userId)})`,
    color,
  );
}

export function renderDevicesChanged(userId: string, added: number[], removed: number[], color: boolean): string {
  const parts = [
    ...(added.length ? [`new device ${added.join(', ')}`] : []),
    ...(removed.length ? [`device ${removed.join(', ')} gone`] : []),
  ];
  return renderInfo(`${sanitize(userId)}: ${parts.join('; ')} (signed by their own devices)`, color);
}

export function renderDeviceFlagged(userId: string, deviceId: number, reason: string, color: boolean): string {
  const which = deviceId === 0 ? 'device list' : `device ${deviceId}`;
  return renderError(`! refused ${sanitize(userId)}'s ${which}: ${sanitize(reason)}`, color);
}

/** Prints identity events of `client` through `print`. */
export function printIdentityNotices(client: ParleyClient, print: (line: string) => void, color: boolean): void {
  client.on('identity:changed', (e) => print(renderIdentityChanged(e.userId, e.deviceId, color)));
  client.on('devices:changed', (e) => {
    if (e.added.length || e.removed.length) print(renderDevicesChanged(e.userId, e.added, e.removed, color));
  });
  client.on('devices:flagged', (e) => print(renderDeviceFlagged(e.userId, e.deviceId, e.reason, color)));
}
