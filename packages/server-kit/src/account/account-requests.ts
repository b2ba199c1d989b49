import type { decodeClientFrame, ServerFrameInit } from '@parley/core';
import { ParleyError, type parley } from '@parley/core';
import type { ServerStores } from '../contracts/stores.js';
import type { DeviceAddress } from '../contracts/types.js';

/** Requests about the caller's own account and devices, answered straight from the stores. */
export const ACCOUNT_BODIES = new Set<string>(['registerPushToken', 'setPrivacy', 'devicesGet']);

type Reply = Omit<ServerFrameInit, 'requestId'>;

/** Handles one of {@link ACCOUNT_BODIES}; returns the reply body. */
export async function handleAccountRequest(
  stores: ServerStores,
  device: DeviceAddress,
  frame: ReturnType<typeof decodeClientFrame>,
): Promise<Reply> {
  switch (frame.body) {
    case 'registerPushToken': {
      const provider = frame.registerPushToken?.provider ?? '';
      const token = frame.registerPushToken?.token ?? '';
      if (provider.length > 32 || token.length > 4096) throw new ParleyError('INVALID_ARGUMENT', 'push token too long');
      await stores.devices.setPushToken(device.userId, device.deviceId, token && provider ? { provider, token } : null);
      return { ok: {} };
    }
    case 'setPrivacy': {
      const presence = stores.presence;
      if (!presence) throw new ParleyError('INVALID_ARGUMENT', 'privacy settings are not enabled on this server');
      const p = frame.setPrivacy as parley.v1.SetPrivacy;
      const visibility = (['everyone', 'everyone', 'contacts', 'nobody'] as const)[p.lastSeen ?? 0];
      await presence.updateSettings(device.userId, {
        ...(p.lastSeen ? { lastSeen: visibility } : {}),
        ...(p.readReceipts !== undefined && p.readReceipts !== null ? { readReceipts: p.readReceipts } : {}),
      });
      return { ok: {} };
    }
    case 'devicesGet': {
      const userId = frame.devicesGet?.userId || device.userId;
      const devices = await stores.devices.list(userId);
      return {
        deviceList: {
          userId,
          devices: devices.map((d) => ({
            deviceId: d.deviceId,
            registrationId: d.registrationId,
            createdAt: d.createdAt,
            approvedBy: d.approvedBy,
          })),
        },
      };
    }
    default:
      throw new ParleyError('INTERNAL', `${frame.body} is not an account request`);
  }
}
