import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isParleyError } from '@parley/core';
import { afterAll, describe, expect, it } from 'vitest';
import { fileClientStore, fileMediaSpool } from '../src/node.js';
import type { ClientStore } from '../src/stores/client-store.js';
import { clientStoreCompliance } from '../src/testing.js';

const root = await fs.mkdtemp(path.join(tmpdir(), 'parley-at-rest-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

let counter = 0;
const newDir = () => path.join(root, `store-${++counter}`);
const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;
const SECRET = 'meet me at the old mill at nine';

const dirs = new WeakMap<ClientStore, string>();
for (const compactBytes of [undefined, 64]) {
  const open = async (dir: string) => {
    const store = await fileClientStore({ dir, encryptionKey: key, ...(compactBytes ? { compactBytes } : {}) });
    dirs.set(store, dir);
    return store;
  };
  clientStoreCompliance({
    name: `fileClientStore encrypted${compactBytes ? ' (constant compaction)' : ''}`,
    create: () => open(newDir()),
    reopen: (closed) => open(dirs.get(closed)!),
  });
}

/** Every byte of the data files in `dir`, as one latin1 string (a plaintext search needs no decoding). */
async function rawContents(dir: string): Promise<string> {
  const names = (await fs.readdir(dir)).filter((n) => n !== 'LOCK').sort();
  const parts = await Promise.all(names.map((n) => fs.readFile(path.join(dir, n))));
  return Buffer.concat(parts).toString('latin1');
}

async function writeSecret(dir: string, options: { encryptionKey?: Uint8Array; compactBytes?: number }) {
  const store = await fileClientStore({ dir, ...options });
  await store.transaction((tx) => tx.put('messages', 'm1', { text: SECRET, key: new Uint8Array([9, 9, 9]) }));
  await store.close();
}

describe.skipIf(process.platform === 'win32')('client data file modes (issue 17, finding 5)', () => {
  it('creates the store directory 0700 and its files 0600, whatever the umask', async () => {
    const dir = newDir();
    await writeSecret(dir, {});
    const store = await fileClientStore({ dir, compactBytes: 1 });
    await store.transaction((tx) => tx.put('ns', 'k', 1));
    expect(await modeOf(dir)).toBe(0o700);
    for (const name of await fs.readdir(dir)) expect([name, await modeOf(path.join(dir, name))]).toEqual([name, 0o600]);
    const names = (await fs.readdir(dir)).sort();
    expect(names.filter((n) => !/^seg-\d+\.dat$/.test(n))).toEqual(['LOCK', 'store.log', 'store.manifest']);
    expect(names.some((n) => n.startsWith('seg-'))).toBe(true);
    await store.close();
  });

  it('tightens a store written with open modes (0755 / 0644) when it is opened', async () => {
    const dir = newDir();
    await writeSecret(dir, {});
    await fs.chmod(dir, 0o755);
    for (const name of await fs.readdir(dir)) await fs.chmod(path.join(dir, name), 0o644);
    const store = await fileClientStore({ dir });
    expect(await modeOf(dir)).toBe(0o700);
    for (const name of await fs.readdir(dir)) expect(await modeOf(path.join(dir, name))).toBe(0o600);
    await store.close();
  });

  it('keeps the media spool directory 0700 and its entries 0600, and tightens an old one', async () => {
    const dir = newDir();
    await fs.mkdir(dir, { mode: 0o755 });
    await fs.chmod(dir, 0o755);
    await fs.writeFile(path.join(dir, 'a'.repeat(32)), 'old entry', { mode: 0o644 });
    const spool = fileMediaSpool({ dir });
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(path.join(dir, 'a'.repeat(32)))).toBe(0o600);
    const entry = await spool.create();
    await entry.write(new Uint8Array([1, 2, 3]));
    await entry.close();
    expect(await modeOf(path.join(dir, entry.id))).toBe(0o600);
  });
});

describe('client store encrypted at rest (issue 17, finding 5)', () => {
  it('stores no plaintext on disk, in the log or in a snapshot, and reads back with the key', async () => {
    for (const compactBytes of [1 << 20, 1]) {
      const dir = newDir();
      await writeSecret(dir, { encryptionKey: key, compactBytes });
      const raw = await rawContents(dir);
      expect(raw.length).toBeGreaterThan(SECRET.length);
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain('messages');
      const store = await fileClientStore({ dir, encryptionKey: key });
      const value = await store.transaction((tx) => tx.get('messages', 'm1'));
      expect(value).toEqual({ text: SECRET, key: new Uint8Array([9, 9, 9]) });
      await store.close();
    }
  });

  it('the same store without a key holds the plaintext (so the test above can fail)', async () => {
    const dir = newDir();
    await writeSecret(dir, {});
    expect(await rawContents(dir)).toContain(SECRET);
  });

  it('refuses a wrong key with DECRYPTION_FAILED and leaves the files untouched', async () => {
    for (const compactBytes of [1 << 20, 1]) {
      const dir = newDir();
      await writeSecret(dir, { encryptionKey: key, compactBytes });
      const before = await rawContents(dir);
      const error = await fileClientStore({ dir, encryptionKey: otherKey }).catch((e: unknown) => e);
      expect(isParleyError(error, 'DECRYPTION_FAILED'), String(error)).toBe(true);
      expect(await rawContents(dir)).toBe(before);
      // Still opens with the right key, everything there.
      const store = await fileClientStore({ dir, encryptionKey: key });
      expect(await store.transaction((tx) => tx.get('messages', 'm1'))).toMatchObject({ text: SECRET });
      await store.close();
    }
  });

  it('refuses to open an encrypted store without its key, or a plain store with a key (STORE_FAILED)', async () => {
    const sealed = newDir();
    await writeSecret(sealed, { encryptionKey: key });
    const noKey = await fileClientStore({ dir: sealed }).catch((e: unknown) => e);
    expect(isParleyError(noKey, 'STORE_FAILED'), String(noKey)).toBe(true);
    const plain = newDir();
    await writeSecret(plain, {});
    const withKey = await fileClientStore({ dir: plain, encryptionKey: key }).catch((e: unknown) => e);
    expect(isParleyError(withKey, 'STORE_FAILED'), String(withKey)).toBe(true);
  });

  it('refuses a key that is not 32 bytes with INVALID_ARGUMENT', async () => {
    const error = await fileClientStore({ dir: newDir(), encryptionKey: new Uint8Array(16) }).catch((e: unknown) => e);
    expect(isParleyError(error, 'INVALID_ARGUMENT'), String(error)).toBe(true);
  });
});
