import { type ClientFrameInit, newMessageId, type parley, type ServerFrame } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import type { Clock } from '../clock.js';
import { GroupChannel } from '../groups/group-channel.js';
import { type Logger, warnOnFailure } from '../logger.js';
import { resendContent } from '../messages/resend-content.js';
import { DEFAULT_RESEND_POLICY, type ResendPolicy } from '../messages/sent-targets.js';
import type { NewRecord, ResendRecord } from '../outbox/outbox-record.js';
import type { ClientStore } from '../stores/client-store.js';
import { type DeviceFlag, DeviceLists } from './device-lists.js';
import { type AddressedBundle, Encryptor } from './encryptor.js';
import { KeyManager } from './key-manager.js';
import { OwnDeviceList } from './own-device-list.js';
import { RetryLimiter } from './retry-limiter.js';
import { SecureChannel } from './secure-channel.js';

export interface E2eeDeps {
  store: ClientStore;
  self: SignalAddress;
  logger: Logger;
  clock: Clock;
  request(body: Omit<ClientFrameInit, 'requestId'>): Promise<ServerFrame>;
  queueResend(record: NewRecord<ResendRecord>): Promise<void>;
  devicesChanged(event: { userId: string; deviceIds: number[]; added: number[]; removed: number[] }): void;
  identityChanged(event: { userId: string; deviceId: number }): void;
  devicesFlagged(event: DeviceFlag): void;
  /** When retry requests are honoured; default 48 h, 3 resends per message and device. */
  resendPolicy?: ResendPolicy;
}

/** Retry requests honoured per requesting device per hour, whatever messages they name. */
const RESENDS_PER_REQUESTER_PER_HOUR = 30;

/** The end-to-end encryption parts of a client, wired to its connection and store. */
export function buildE2ee(deps: E2eeDeps): {
  keys: KeyManager;
  lists: DeviceLists;
  ownList: OwnDeviceList;
  channel: SecureChannel;
} {
  const { store, self, request, logger, clock } = deps;
  const resendPolicy = deps.resendPolicy ?? DEFAULT_RESEND_POLICY;
  const keys = new KeyManager(
    store,
    async (upload) => (await request({ keysUpload: upload })).keysUploadResult?.oneTimeRemaining ?? 0,
    async () => (await request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining ?? 0,
    () => clock.now(),
  );
  const fetchDevices = async (userId: string) => {
    const list = (await request({ devicesGet: { userId } })).deviceList;
    return { devices: list?.devices ?? [], records: list?.records ?? [] };
  };
  const lists = new DeviceLists(store, fetchDevices, {
    changed: deps.devicesChanged,
    // Device id 0: the account key itself changed (not one device's key).
    accountChanged: (userId) => deps.identityChanged({ userId, deviceId: 0 }),
    flagged: deps.devicesFlagged,
  });
  const ownList = new OwnDeviceList({
    self,
    lists,
    identity: async () => (await keys.identity()).identityKeyPair,
    fetch: fetchDevices,
    append: async (record) => {
      await request({ deviceListAppend: { record } });
    },
    clock,
    logger,
  });
  const identityChanged = (c: { address: SignalAddress }) =>
    deps.identityChanged({ userId: c.address.userId, deviceId: c.address.deviceId });
  const encryptor = new Encryptor({
    store,
    self,
    lists,
    fetchBundles: async (userId, deviceIds) => {
      const frame = await request({ keysFetch: { userId, deviceIds } });
      return (frame.keysBundles?.bundles ?? []).map(toBundle);
    },
    onIdentityChanged: identityChanged,
    flagged: (flag) => void lists.flag(flag).catch(warnOnFailure(logger, 'storing a device flag failed', { ...flag })),
  });
  const channel = new SecureChannel({
    groups: new GroupChannel({ store, self, lists, encryptor, clock, resendWindowMs: resendPolicy.windowMs }),
    store,
    self,
    lists,
    encryptor,
    retryLimiter: new RetryLimiter(50, undefined, () => clock.now()),
    resendPolicy,
    resendLimiter: new RetryLimiter(RESENDS_PER_REQUESTER_PER_HOUR, undefined, () => clock.now()),
    logger,
    clock,
    sendDirect: async (to, payload) => {
      await request({
        send: {
          messageId: newMessageId(),
          userId: to.userId,
          direct: true,
          noReceipts: true,
          copies: [{ to, payload }],
        },
      });
    },
    queueResend: deps.queueResend,
    sentContent: (messageId, requester) => resendContent(store, messageId, requester, clock.now(), resendPolicy),
    onIdentityChanged: identityChanged,
  });
  return { keys, lists, ownList, channel };
}

function toBundle(b: parley.v1.PreKeyBundle.$Properties): AddressedBundle {
  return {
    address: { userId: b.address?.userId ?? '', deviceId: b.address?.deviceId ?? 0 },
    registrationId: b.registrationId ?? 0,
    identityKey: b.identityKey ?? new Uint8Array(),
    signedPrekey: {
      keyId: b.signedPrekey?.keyId ?? 0,
      publicKey: b.signedPrekey?.publicKey ?? new Uint8Array(),
      signature: b.signedPrekey?.signature ?? new Uint8Array(),
    },
    prekey: b.prekey ? { keyId: b.prekey.keyId ?? 0, publicKey: b.prekey.publicKey ?? new Uint8Array() } : null,
  };
}
