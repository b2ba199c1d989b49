import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, numbered, onCleanup, startServer } from './helpers/harness.js';

const child = join(import.meta.dirname, 'fixtures/announce-crash-child.ts');

interface Run {
  /** Ids in the order this run printed them, per event. */
  received: string[];
  sent: string[];
  ready: () => boolean;
  crashed: () => boolean;
  exited: Promise<void>;
  kill(): Promise<void>;
}

/** Starts the fixture client; `crashAt` names the step at which it SIGKILLs itself (see the fixture). */
function run(url: string, dir: string, user: string, peer: string, texts: string[], crashAt?: string): Run {
  const env = { ...process.env };
  if (crashAt) env.PARLEY_CRASH_AT = crashAt;
  else delete env.PARLEY_CRASH_AT;
  const proc = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', child, url, dir, user, peer, ...texts],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const r = { received: [] as string[], sent: [] as string[], isReady: false, isCrashed: false };
  let buffered = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [what, id = ''] = line.split(' ');
      if (what === 'READY') r.isReady = true;
      else if (what === 'CRASH') r.isCrashed = true;
      else if (what === 'RECEIVED') r.received.push(id);
      else if (what === 'SENT') r.sent.push(id);
    }
  });
  proc.stderr.resume();
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const kill = async () => {
    proc.kill('SIGKILL');
    await exited;
  };
  onCleanup(kill);
  return { received: r.received, sent: r.sent, ready: () => r.isReady, crashed: () => r.isCrashed, exited, kill };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-journal-'));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const WAIT = { timeout: 30_000, interval: 20 };

describe('message events survive a crash between storing and announcing', () => {
  for (const crashAt of ['received-stored', 'received-announced'] as const) {
    it(`every received message is announced after a restart (crash at ${crashAt})`, async () => {
      const { server } = await startServer();
      const dir = tempDir();
      const first = run(server.url, dir, 'bob', 'alice', [], crashAt);
      await vi.waitFor(() => expect(first.ready()).toBe(true), WAIT);
      const alice = newClient(server.url, 'alice');
      const ids: string[] = [];
      for (const text of numbered('m', 3)) ids.push((await alice.sendText('bob', text)).id);
      await first.exited;
      expect(first.crashed()).toBe(true);

      const second = run(server.url, dir, 'bob', 'alice', []);
      await vi.waitFor(() => expect(new Set([...first.received, ...second.received])).toEqual(new Set(ids)), WAIT);
      // The restart announces each message at most once, in the order they were sent; a message
      // whose handler ran just before the crash may come again (same id: apps dedup by id).
      expect(new Set(second.received).size).toBe(second.received.length);
      expect(second.received).toEqual(ids.filter((id) => second.received.includes(id)));
      if (crashAt === 'received-stored') expect(first.received.length).toBeLessThan(ids.length);
    });
  }

  for (const crashAt of ['sent-stored', 'sent-announced'] as const) {
    it(`every sent message gets message:sent after a restart (crash at ${crashAt})`, async () => {
      const { server } = await startServer();
      const dir = tempDir();
      const bob = newClient(server.url, 'bob');
      const got = collect(bob);
      await bob.connect();
      const first = run(server.url, dir, 'alice', 'bob', numbered('m', 3), crashAt);
      await first.exited;
      expect(first.crashed()).toBe(true);

      const second = run(server.url, dir, 'alice', 'bob', []);
      await vi.waitFor(() => expect(got).toHaveLength(3), WAIT);
      const ids = got.map((m) => m.id);
      await vi.waitFor(() => expect(new Set([...first.sent, ...second.sent])).toEqual(new Set(ids)), WAIT);
      expect(new Set(second.sent).size).toBe(second.sent.length);
      if (crashAt === 'sent-stored') expect(first.sent.length).toBeLessThan(ids.length);
    });
  }
});
