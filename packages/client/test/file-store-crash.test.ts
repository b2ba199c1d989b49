import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isParleyError } from '@parley/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fileClientStore } from '../src/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const childScript = path.join(here, 'fixtures', 'store-crash-child.ts');
const root = await fs.mkdtemp(path.join(tmpdir(), 'parley-crash-'));
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

/**
 * The child runs TypeScript sources through tsx. @parley/client does not depend on tsx itself, so
 * look for it from this package first and then from the workspace packages that do.
 */
function tsxLoader(): string {
  const repo = path.resolve(here, '../../..');
  const examples = path.join(repo, 'examples');
  const bases = [
    path.join(here, '..', 'package.json'),
    path.join(repo, 'package.json'),
    ...(existsSync(examples) ? readdirSync(examples).map((name) => path.join(examples, name, 'package.json')) : []),
  ];
  for (const base of bases) {
    try {
      return pathToFileURL(createRequire(base).resolve('tsx')).href;
    } catch {}
  }
  throw new Error('tsx not found: add it as a devDependency of @parley/client');
}

interface Child {
  process: ChildProcess;
  /** Highest n printed as `committed n`. */
  committed: () => number;
  ready: () => boolean;
  exited: Promise<void>;
}

function startChild(mode: 'commit' | 'hold', dir: string): Child {
  // `source` makes @parley/* resolve to their TypeScript sources, as in vitest.
  const proc = spawn(process.execPath, ['--conditions=source', '--import', tsxLoader(), childScript, mode, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let committed = 0;
  let ready = false;
  let stderr = '';
  let buffered = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const match = /^committed (\d+)$/.exec(line);
      if (match) committed = Math.max(committed, Number(match[1]));
      if (line === 'ready') ready = true;
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' waits for stdout to be drained, so every line written before the kill has been seen.
  const exited = new Promise<void>((resolve) => proc.on('close', () => resolve()));
  return {
    process: proc,
    committed: () => committed,
    ready: () => {
      if (proc.exitCode !== null) throw new Error(`child exited early: ${stderr}`);
      return ready;
    },
    exited,
  };
}

async function killAfter(child: Child, atLeast: number): Promise<number> {
  await vi.waitFor(
    () => {
      child.ready(); // surfaces an early crash with its stderr
      expect(child.committed()).toBeGreaterThanOrEqual(atLeast);
    },
    { timeout: 30_000, interval: 5 },
  );
  child.process.kill('SIGKILL');
  await child.exited;
  return child.committed();
}

/** Checks the store holds exactly transactions 1..count, each complete, and returns count. */
async function checkConsistentPrefix(dir: string, reported: number): Promise<number> {
  const store = await fileClientStore({ dir });
  try {
    const count = (await store.transaction((tx) => tx.get<number>('meta', 'count'))) ?? 0;
    expect(count).toBeGreaterThanOrEqual(reported);
    const entries = new Map(await store.transaction((tx) => tx.list('tx')));
    expect(entries.size).toBe(count * 2 + 1);
    for (let i = 1; i <= count; i++) {
      expect(entries.get(`${i}/a`)).toEqual({
        i,
        bytes: new Uint8Array([i & 0xff, (i >> 8) & 0xff]),
        pad: 'x'.repeat(200),
      });
      expect(entries.get(`${i}/b`)).toBe(`b${i}`);
    }
    expect(entries.get(`${count}/latest`)).toBe(true);
    return count;
  } finally {
    await store.close();
  }
}

describe('fileClientStore crash safety', () => {
  it('reopens a consistent prefix of the committed transactions after SIGKILL', async () => {
    const dir = path.join(root, 'crash');
    let count = 0;
    // Each round resumes from the recovered state, so recovery of snapshot + log is also crashed into.
    for (const extra of [150, 40, 300]) {
      const reported = await killAfter(startChild('commit', dir), count + extra);
      const recovered = await checkConsistentPrefix(dir, reported);
      expect(recovered).toBeGreaterThan(count);
      count = recovered;
    }

    // A torn or garbage tail (here: random bytes, then a header promising more than is there) is ignored.
    const reported = await killAfter(startChild('commit', dir), count + 50);
    const logPath = path.join(dir, 'store.log');
    const garbage = Buffer.concat([Buffer.from([0, 0, 0, 40, 1, 2, 3, 4]), Buffer.from('{"s":')]);
    await fs.appendFile(logPath, Buffer.concat([crypto.getRandomValues(new Uint8Array(13)), garbage]));
    await checkConsistentPrefix(dir, reported);
    await fs.appendFile(logPath, garbage);
    await checkConsistentPrefix(dir, reported);
  });

  it('keeps a second process out while a store is open, and takes over after it dies', async () => {
    const dir = path.join(root, 'lock');
    const holder = startChild('hold', dir);
    await vi.waitFor(() => expect(holder.ready()).toBe(true), { timeout: 30_000, interval: 5 });
    await expect(fileClientStore({ dir })).rejects.toSatisfy((e: unknown) => isParleyError(e, 'STORE_FAILED'));
    holder.process.kill('SIGKILL');
    await holder.exited;
    // The LOCK file names a dead pid now: stale.
    const store = await fileClientStore({ dir });
    await store.close();
  });
});
