import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, memoryClientStore } from '@parley/client';
import { type ServerProcess, startServer } from '@parley/test-utils/reference-server';
import { afterEach, describe, expect, it, vi } from 'vitest';

let tmp: string | undefined;
let server: ServerProcess | undefined;

afterEach(async () => {
  await server?.stop('SIGKILL');
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

async function modes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = await modeOf(full);
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('reference server data directory (issue 17, finding 5)', () => {
  it('is owner-only (0700 / 0600), including files SQLite creates and what an older version left open', async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'parley-data-modes-'));
    const dataDir = path.join(tmp, 'data');
    await mkdir(path.join(dataDir, 'media'), { recursive: true });
    await chmod(dataDir, 0o755);
    await writeFile(path.join(dataDir, 'media', 'old-file'), 'x', { mode: 0o644 });
    server = await startServer(['--port', '0', '--data', dataDir]);
    const client = createClient({ url: server.url, userId: 'alice', store: memoryClientStore() });
    await client.connect();
    await client.close();
    await vi.waitFor(async () => expect(Object.keys(await modes(dataDir))).toContain('parley.db-wal'));
    expect(await modeOf(dataDir)).toBe(0o700);
    const found = await modes(dataDir);
    for (const [name, mode] of Object.entries(found)) {
      expect([name, mode]).toEqual([name, name === 'media' ? 0o700 : 0o600]);
    }
  });
});
