// A ClientStore in Node whose every step runs on an idbClientStore inside a Chromium page (see
// harness/store-harness.ts). The transaction's fn runs here; its reads and writes go to the page's
// transaction, which stays open until fn returns (commit) or throws (rollback).
import type { ClientStore, StoreTx } from '@parley/client';
import { isErrorCode, ParleyError } from '@parley/core';
import type { Page } from 'playwright-core';
import type { Outcome, StoreHarness } from './harness/store-harness.js';

type Harness = { parleyStoreHarness: StoreHarness };

let nextTxId = 0;

function toError(outcome: Outcome): Error {
  if (outcome.ok) return new Error('not an error');
  const code = outcome.code;
  return code && isErrorCode(code) ? new ParleyError(code, outcome.message) : new Error(outcome.message);
}

/** A store of the page, named `name` (an IndexedDB database of the page's origin). */
export interface RemoteStore extends ClientStore {
  readonly name: string;
}

/** Opens `name` in the page; rejects as the page's idbClientStore did (e.g. CONFLICT). */
export async function openRemoteStore(
  page: Page,
  name: string,
  whenLocked: 'fail' | 'wait' = 'fail',
): Promise<RemoteStore> {
  const opened = await page.evaluate(
    ({ name, whenLocked }) => (globalThis as unknown as Harness).parleyStoreHarness.open(name, whenLocked),
    { name, whenLocked },
  );
  if (!('id' in opened)) throw toError(opened);
  const id = opened.id;
  const call = (txId: number, method: 'get' | 'put' | 'delete' | 'list', args: unknown[]) =>
    page
      .evaluate(
        ({ txId, method, args }) => (globalThis as unknown as Harness).parleyStoreHarness.op(txId, method, args),
        { txId, method, args },
      )
      .then((result) => {
        if ('value' in result) return result.value;
        throw toError(result);
      });
  const end = (txId: number, commit: boolean) =>
    page.evaluate(({ txId, commit }) => (globalThis as unknown as Harness).parleyStoreHarness.end(txId, commit), {
      txId,
      commit,
    });

  return {
    name,
    async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
      const txId = ++nextTxId;
      const started = await page.evaluate(
        ({ id, txId }) => (globalThis as unknown as Harness).parleyStoreHarness.begin(id, txId),
        { id, txId },
      );
      if (!started) throw toError(await end(txId, false));
      const tx: StoreTx = {
        get: (namespace, key) => call(txId, 'get', [namespace, key]) as never,
        put: (namespace, key, value) => call(txId, 'put', [namespace, key, value]) as Promise<void>,
        delete: (namespace, key) => call(txId, 'delete', [namespace, key]) as Promise<void>,
        list: (namespace, options) => call(txId, 'list', options ? [namespace, options] : [namespace]) as never,
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        await end(txId, false);
        throw error;
      }
      const outcome = await end(txId, true);
      if (!outcome.ok) throw toError(outcome);
      return result;
    },
    async close() {
      await page
        .evaluate((id) => (globalThis as unknown as Harness).parleyStoreHarness.close(id), id)
        .catch(() => {
          // The page was reloaded or closed: its stores are gone with it.
        });
    },
  };
}
