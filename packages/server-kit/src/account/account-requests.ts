import { ParleyError, pb } from '@parley/core';
import type { GroupAddPolicy, LastSeenVisibility } from '../contracts/presence-store.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Routes } from '../router/routes.js';

/** The account routes' stores: the devices, and presence for privacy settings. */
export type AccountPorts = Pick<ServerStores, 'devices' | 'presence'>;

const V = pb.LastSeenVisibility;
/** Wire value -> stored setting. */
const LAST_SEEN: Partial<Record<number, LastSeenVisibility>> = {
  [V.LAST_SEEN_VISIBILITY_EVERYONE]: 'everyone',
  [V.LAST_SEEN_VISIBILITY_CONTACTS]: 'contacts',
  [V.LAST_SEEN_VISIBILITY_NOBODY]: 'nobody',
};

const G = pb.GroupAddPolicy;
/** Wire value -> stored setting. */
const GROUP_ADD: Partial<Record<number, GroupAddPolicy>> = {
  [G.GROUP_ADD_POLICY_EVERYONE]: 'everyone',
  [G.GROUP_ADD_POLICY_CONTACTS]: 'contacts',
  [G.GROUP_ADD_POLICY_NOBODY]: 'nobody',
};

/** Requests about the caller's own account and devices, answered straight from the stores. */
export function accountRoutes(stores: AccountPorts): Pick<Routes, 'registerPushToken' | 'setPrivacy' | 'devicesGet'> {
  return {
    async registerPushToken(request, { device }) {
      const provider = request.provider ?? '';
      const token = request.token ?? '';
      if (provider.length > 32 || token.length > 4096) throw new ParleyError('INVALID_ARGUMENT', 'push token too long');
      await stores.devices.setPushToken(device.userId, device.deviceId, token && provider ? { provider, token } : null);
      return { ok: {} };
    },
    async setPrivacy(request, { device }) {
      const presence = stores.presence;
      if (!presence) throw new ParleyError('INVALID_ARGUMENT', 'privacy settings are not enabled on this server');
      // UNSPECIFIED, and values from a newer client that this server does not know, change nothing.
      const lastSeen = request.lastSeen ? LAST_SEEN[request.lastSeen] : undefined;
      const groupAdd = request.groupAdd ? GROUP_ADD[request.groupAdd] : undefined;
      await presence.updateSettings(device.userId, {
        ...(lastSeen ? { lastSeen } : {}),
        ...(groupAdd ? { groupAdd } : {}),
        ...(request.readReceipts !== undefined && request.readReceipts !== null
          ? { readReceipts: request.readReceipts }
          : {}),
      });
      return { ok: {} };
    },
    async devicesGet(request, { device }) {
      const userId = request.userId || device.userId;
      const [devices, records] = await Promise.all([stores.devices.list(userId), stores.devices.deviceList(userId)]);
      return {
        deviceList: {
          userId,
          devices: devices.map((d) => ({
            deviceId: d.deviceId,
            registrationId: d.registrationId,
            createdAt: d.createdAt,
            approvedBy: d.approvedBy,
          })),
          records,
        },
      };
    },
  };
}
