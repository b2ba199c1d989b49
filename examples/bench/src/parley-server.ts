// Child process: a Parley gateway exactly as the reference server builds it, createServer with
// sqliteStores in a fresh temporary directory (removed on stop). Optionally profiles itself on
// request so a profile covers only the measured window.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveChild, toParent } from './ipc.js';
import { mapProfileToSources } from './profile-map.js';

// PARLEY_BENCH_SERVER_KIT (from --server-kit) points at another checkout's packages/server-kit, to
// compare revisions under the same load; by default the workspace package is used.
const alternative = process.env.PARLEY_BENCH_SERVER_KIT;
const from = (sub: string) => pathToFileURL(resolve(alternative as string, sub)).href;
const { createServer } = (
  alternative ? await import(from('src/index.ts')) : await import('@parley/server-kit')
) as typeof import('@parley/server-kit');
const { sqliteStores } = (
  alternative ? await import(from('src/sqlite/index.ts')) : await import('@parley/server-kit/sqlite')
) as typeof import('@parley/server-kit/sqlite');

if (alternative) console.error(`parley server: @parley/server-kit from ${alternative}`);

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const stores = sqliteStores({ path: join(dir, 'parley.db') });
const server = await createServer({ host: '127.0.0.1', port: 0, stores });
let session: Session | undefined;

serveChild(
  async () => {
    await server.close();
    await stores.close();
    session?.disconnect();
    rmSync(dir, { recursive: true, force: true });
  },
  async (message) => {
    if (message.type === 'profile-start') {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      toParent({ type: 'profile-started' });
    } else if (message.type === 'profile-stop' && session) {
      const { profile } = await session.post('Profiler.stop');
      mapProfileToSources(profile);
      writeFileSync(message.path, JSON.stringify(profile));
      session.disconnect();
      session = undefined;
      toParent({ type: 'profile-written', path: message.path });
    }
  },
);

toParent({ type: 'ready', port: server.port });
