import { bytesEqual, isParleyError } from '@parley/core';
import { applyDeviceRecord, type DeviceListState, decodeDeviceRecord } from '@parley/core/devices';

/** What checking a served device chain against the pinned one gave. */
export type ChainCheck =
  /** The chain verifies and extends the pinned one (or is the first one seen: pinned now). */
  | { kind: 'ok'; state: DeviceListState | undefined }
  /** A verified chain under another account key: the user started again, or the server swapped it. */
  | { kind: 'account-changed'; state: DeviceListState }
  /** Not accepted; the pinned state stays. */
  | { kind: 'refused'; reason: string };

/**
 * Verifies the encoded records a server served for a user against the state this device pinned:
 * every record must verify, and under the same account key the chain must contain the pinned one
 * (same record hash at the pinned version) and not be shorter. An empty chain is refused once a
 * chain was pinned.
 */
export async function checkDeviceChain(
  pinned: DeviceListState | undefined,
  records: readonly Uint8Array[],
): Promise<ChainCheck> {
  let state: DeviceListState | undefined;
  let pinnedHeadSeen = false;
  try {
    for (const encoded of records) {
      state = await applyDeviceRecord(state, decodeDeviceRecord(encoded));
      if (pinned && state.version === pinned.version && bytesEqual(state.head, pinned.head)) pinnedHeadSeen = true;
    }
  } catch (error) {
    if (!isParleyError(error)) throw error;
    return { kind: 'refused', reason: `the device list does not verify: ${error.message}` };
  }
  if (!pinned) return { kind: 'ok', state };
  if (!state) return { kind: 'refused', reason: 'the server no longer serves a device list it served before' };
  if (!bytesEqual(state.accountKey, pinned.accountKey)) return { kind: 'account-changed', state };
  if (!pinnedHeadSeen) return { kind: 'refused', reason: 'the served device list does not extend the one seen before' };
  return { kind: 'ok', state };
}
