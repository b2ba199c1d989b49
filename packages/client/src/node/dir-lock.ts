import { promises as fs } from 'node:fs';
import { ParleyError } from '@parley/core';
import { systemClock } from '../clock.js';
import { PRIVATE_FILE_MODE } from './private-files.js';

/*
 * `dir/LOCK` holds the pid of the process that has the store open. Two processes appending to
 * one log would interleave records and corrupt it, so a second open fails while that pid lives.
 * A lock left by a crashed process is stale and taken over. Within one process, the pid alone
 * cannot tell "open here" from "left by a dead process that had our pid", so open directories are
 * also tracked in a process-wide set (keyed on globalThis so duplicate copies of this package share it).
 */

const REGISTRY = Symbol.for('parley.client.fileStoreLocks');
const registry = globalThis as Record<symbol, Set<string> | undefined>;
registry[REGISTRY] ??= new Set();
const held: Set<string> = registry[REGISTRY];

/** A lock file without a readable pid younger than this may be mid-creation by another process. */
const UNREADABLE_GRACE_MS = 10_000;

/** An acquired directory lock. */
export interface DirLock {
  release(): Promise<void>;
}

/** Takes `lockPath` (a LOCK file in the store directory) or rejects with STORE_FAILED. */
export async function acquireLock(lockPath: string): Promise<DirLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(lockPath)) {
      held.add(lockPath);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          held.delete(lockPath);
          await fs.rm(lockPath, { force: true });
        },
      };
    }
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder === 'live') {
      throw new ParleyError('STORE_FAILED', `client store ${lockPath} is in use by another process or store instance`);
    }
    // Stale: remove and retry with `wx`. Not atomic: two processes that find the same stale lock at
    // the same instant could both win (Node has no flock). That takes a crash followed by two
    // simultaneous opens of one directory, which a single app does not do.
    await fs.rm(lockPath, { force: true });
  }
  throw new ParleyError('STORE_FAILED', `could not acquire ${lockPath}`);
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    await fs.writeFile(lockPath, `${process.pid}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ParleyError('STORE_FAILED', `cannot create ${lockPath}`, { cause: e });
  }
}

async function readHolder(lockPath: string): Promise<'live' | 'stale' | 'gone'> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new ParleyError('STORE_FAILED', `cannot read ${lockPath}`, { cause: e });
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isSafeInteger(pid) || pid <= 0)
    return systemClock.now() - mtimeMs < UNREADABLE_GRACE_MS ? 'live' : 'stale';
  if (pid === process.pid) return held.has(lockPath) ? 'live' : 'stale';
  return isAlive(pid) ? 'live' : 'stale';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
