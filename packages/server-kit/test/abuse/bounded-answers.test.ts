// Issue 17 finding 9, the other answers that grow with what others do: a device list and a key
// bundle answer must stay within what every client decodes (max_frame_bytes + 64 KiB), even for a
// user who made them as large as the server lets them be. (group_list is paged, see
// client/test/abuse/group-list-pages.test.ts.)
import { DEFAULT_MAX_FRAME_BYTES, pb } from '@parley/core';
import { encodeDeviceRecord, MAX_DEVICE_LIST_RECORDS } from '@parley/core/devices';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../../src/index.js';

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
});

const CLIENT_BOUND = DEFAULT_MAX_FRAME_BYTES + 64 * 1024;

describe('answers that grow with another user', () => {
  it('keeps the largest device list the server stores within the client frame bound', async () => {
    stores = memoryStores();
    server = await createServer({ stores });
    // The longest user id in bytes (128 UTF-16 units of 3-byte UTF-8), in every record.
    const hostile = '\u0950'.repeat(128);
    const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
    for (let version = 1; version <= MAX_DEVICE_LIST_RECORDS; version++) {
      const record = encodeDeviceRecord({
        userId: hostile,
        version,
        prevHash: version === 1 ? new Uint8Array() : bytes(32, 1),
        signerDeviceId: 0xffffffff,
        at: Number.MAX_SAFE_INTEGER,
        add: { deviceId: 0xffffffff, identityKey: bytes(33, 5) },
        signature: bytes(64, 7),
      });
      expect(await stores.devices.appendDeviceList(hostile, version, record)).toBe(true);
    }
    const reader = await RawPeer.authenticated(server.url, 'reader');
    peers.push(reader);
    const answer = await reader.request({ devicesGet: { userId: hostile } });
    expect(answer.deviceList?.records).toHaveLength(MAX_DEVICE_LIST_RECORDS);
    const size = pb.ServerFrame.encode(answer).finish().byteLength;
    expect(size).toBeLessThan(CLIENT_BOUND);
  });
});
