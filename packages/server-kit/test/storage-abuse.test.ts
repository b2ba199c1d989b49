// Issue 17, finding 4: per-device and per-user storage limits, provoked over the wire: one-time
// prekeys stored per device, prekey fetches of one target by many requesters, media bytes per user,
// and a disk that fills up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClientFrameInit, pb, type ServerFrame } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerLimits } from '../src/contracts/limits.js';
import type { ServerStores } from '../src/contracts/stores.js';
import { fsMediaStore } from '../src/media/fs-media-store.js';
import type { MediaSettings } from '../src/media/media-requests.js';
import { memoryStores } from '../src/memory/memory-stores.js';

const E = pb.ErrorCode;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const fixture = useAbuseServer();

const start = (limits: Partial<ServerLimits>, media: Partial<MediaSettings> = {}, stores?: ServerStores) =>
  fixture.start(limits, { media, ...(stores ? { stores } : {}) });

function publicKey(tag: number, keyId: number): Uint8Array {
  const key = new Uint8Array(33);
  key[0] = 0x05;
  key[1] = tag;
  new DataView(key.buffer).setUint32(2, keyId);
  return key;
}

function keysUpload(from: number, count: number): NonNullable<ClientFrameInit['keysUpload']> {
  return {
    registrationId: 77,
    identityKey: publicKey(0xf0, 77),
    signedPrekey: { keyId: 1, publicKey: publicKey(2, 1), signature: new Uint8Array(64).fill(7) },
    oneTimePrekeys: Array.from({ length: count }, (_, i) => ({ keyId: from + i, publicKey: publicKey(1, from + i) })),
  };
}

const errorOf = (f: ServerFrame) => ({ code: f.error?.code, retry: Number(f.error?.retryAfterMs ?? 0) > 0 });

describe('storage limits (issue 17, finding 4)', () => {
  it('caps the one-time prekeys one device may store', async () => {
    const { peer } = await start({ maxStoredPreKeys: 150 });
    const bob = await peer('bob');
    expect((await bob.request({ keysUpload: keysUpload(1, 100) })).keysUploadResult?.oneTimeRemaining).toBe(100);
    const over = await bob.request({ keysUpload: keysUpload(101, 100) });
    expect(over.error?.code).toBe(E.ERROR_CODE_INVALID_ARGUMENT);
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining).toBe(100);
    expect((await bob.request({ keysUpload: keysUpload(101, 50) })).keysUploadResult?.oneTimeRemaining).toBe(150);
  });

  it('limits prekey fetches of one target across requesters, so they cannot drain its keys', async () => {
    const { peer } = await start({ keyFetchesPerTargetPerHour: 3 });
    const bob = await peer('bob');
    await bob.request({ keysUpload: keysUpload(1, 10) });
    for (const requester of ['r1', 'r2', 'r3']) {
      const p = await peer(requester);
      expect((await p.request({ keysFetch: { userId: 'bob' } })).body).toBe('keysBundles');
    }
    const fourth = await peer('r4');
    expect(errorOf(await fourth.request({ keysFetch: { userId: 'bob' } }))).toEqual({
      code: E.ERROR_CODE_RATE_LIMITED,
      retry: true,
    });
    expect((await bob.request({ keysCount: {} })).keysUploadResult?.oneTimeRemaining).toBe(7);
    // Another target is not affected.
    await fourth.request({ keysUpload: keysUpload(1, 1) });
    expect((await bob.request({ keysFetch: { userId: 'r4' } })).body).toBe('keysBundles');
  });

  it('charges upload tickets to a per-user media quota, all devices together', async () => {
    const { peer } = await start({}, { userQuotaBytes: 1000, maxUploadBytes: 1000 });
    const alice = await peer('alice');
    expect((await alice.request({ mediaUpload: { size: 600 } })).body).toBe('mediaTicket');
    expect(errorOf(await alice.request({ mediaUpload: { size: 600 } }))).toEqual({
      code: E.ERROR_CODE_RATE_LIMITED,
      retry: true,
    });
    // Download tickets are not charged; another user has their own quota.
    expect((await alice.request({ mediaDownload: { blobId: 'a'.repeat(32) } })).body).toBe('mediaTicket');
    const bob = await peer('bob');
    expect((await bob.request({ mediaUpload: { size: 600 } })).body).toBe('mediaTicket');
  });

  it('refuses uploads that would leave the media store below its free-space watermark', async () => {
    const all = memoryStores();
    let free = 5000;
    const media = all.media ? { ...all.media, freeBytes: async () => free } : undefined;
    const { peer } = await start(
      {},
      { minFreeBytes: 1000, maxUploadBytes: 10_000 },
      { ...all, ...(media ? { media } : {}) },
    );
    const alice = await peer('alice');
    expect((await alice.request({ mediaUpload: { size: 3000 } })).body).toBe('mediaTicket');
    expect((await alice.request({ mediaUpload: { size: 4500 } })).error?.code).toBe(E.ERROR_CODE_UNAVAILABLE);
    free = 100_000;
    expect((await alice.request({ mediaUpload: { size: 4500 } })).body).toBe('mediaTicket');
  });

  it('fsMediaStore reports the free space of its file system, before and after its first upload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-free-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store = fsMediaStore({ dir: join(dir, 'not-yet') });
    expect(await store.freeBytes?.()).toBeGreaterThan(0);
  });
});
