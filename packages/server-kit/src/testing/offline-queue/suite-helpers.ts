import { isParleyError } from '@parley/core';
import { expect } from 'vitest';
import type { OfflineQueue, QueueEntry, QueueItem } from '../../contracts/offline-queue.js';
import type { DeviceAddress } from '../../contracts/types.js';

// What the offline queue suite's blocks share: the lifetime handed to `create`, devices, items.

export const TTL_MS = 60_000;
export const alice1: DeviceAddress = { userId: 'alice', deviceId: 1 };
export const alice2: DeviceAddress = { userId: 'alice', deviceId: 2 };
export const bob1: DeviceAddress = { userId: 'bob', deviceId: 1 };

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
export const item = (device: DeviceAddress, id: string, text = id): QueueItem => ({ device, id, data: bytesOf(text) });

/** Reads a device's whole queue through `read` pages of `pageSize`. */
export async function readAll(queue: OfflineQueue, device: DeviceAddress, pageSize = 100): Promise<QueueEntry[]> {
  const all: QueueEntry[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await queue.read(device, { afterSeq, limit: pageSize });
    all.push(...page);
    if (page.length < pageSize) return all;
    afterSeq = page[page.length - 1]!.seq;
  }
}

export async function expectQueueFull(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'QUEUE_FULL'), `expected QUEUE_FULL, got ${String(error)}`).toBe(true);
}

export async function expectInvalid(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isParleyError(error, 'INVALID_ARGUMENT'), String(error)).toBe(true);
}
