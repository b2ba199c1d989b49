// Runs in the page (bundled by the test with esbuild): exposes idbClientStore to the test in Node,
// one call per step, so the unchanged compliance suite can drive real IndexedDB in Chromium.
import type { ClientStore, StoreTx } from '@parley/client';
import { idbClientStore } from '@parley/client/browser';

/** How a step ended, in a form page.evaluate can carry. */
export type Outcome = { ok: true } | { ok: false; code?: string | undefined; message: string };

/** What the page exposes as `globalThis.parleyStoreHarness`. */
export interface StoreHarness {
  open(name: string, whenLocked?: 'fail' | 'wait'): Promise<{ id: number } | Outcome>;
  close(id: number): Promise<void>;
  /** Starts a transaction on store `id`; resolves true once its fn runs, false if it was refused first. */
  begin(id: number, txId: number): Promise<boolean>;
  op(txId: number, method: 'get' | 'put' | 'delete' | 'list', args: unknown[]): Promise<{ value: unknown } | Outcome>;
  /** Lets the transaction's fn return (`commit`) or throw; resolves with how `transaction` settled. */
  end(txId: number, commit: boolean): Promise<Outcome>;
}

const failure = (error: unknown): Outcome => ({
  ok: false,
  code: (error as { code?: string } | null)?.code,
  message: String((error as Error | null)?.message ?? error),
});

const stores = new Map<number, ClientStore>();
const txs = new Map<number, { tx: StoreTx; finish(commit: boolean): void; settled: Promise<Outcome> }>();
const refused = new Map<number, Promise<Outcome>>();
let nextStoreId = 0;

const harness: StoreHarness = {
  async open(name, whenLocked = 'fail') {
    try {
      const store = await idbClientStore({ name, whenLocked });
      const id = ++nextStoreId;
      stores.set(id, store);
      return { id };
    } catch (error) {
      return failure(error);
    }
  },
  async close(id) {
    await stores.get(id)?.close();
    stores.delete(id);
  },
  begin(id, txId) {
    const store = stores.get(id);
    if (!store) {
      refused.set(txId, Promise.resolve({ ok: false, code: 'CLOSED', message: 'no such store' }));
      return Promise.resolve(false);
    }
    return new Promise<boolean>((started) => {
      const settled: Promise<Outcome> = store
        .transaction(async (tx) => {
          const commit = await new Promise<boolean>((finish) => {
            txs.set(txId, { tx, finish, settled });
            started(true);
          });
          if (!commit) throw new Error('rolled back by the test');
        })
        .then(
          (): Outcome => ({ ok: true }),
          (error: unknown) => failure(error),
        );
      void settled.then(() => {
        if (txs.has(txId)) return;
        refused.set(txId, settled);
        started(false);
      });
    });
  },
  async op(txId, method, args) {
    const entry = txs.get(txId);
    if (!entry) return { ok: false, code: 'CLOSED', message: 'no such transaction' };
    try {
      const tx = entry.tx as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return { value: await tx[method]!(...args) };
    } catch (error) {
      return failure(error);
    }
  },
  async end(txId, commit) {
    const entry = txs.get(txId);
    if (!entry) return (await refused.get(txId)) ?? { ok: false, message: 'no such transaction' };
    entry.finish(commit);
    const outcome = await entry.settled;
    // Kept in `txs` so a late op on it reaches the finished tx (which rejects with CLOSED).
    return outcome;
  },
};

(globalThis as unknown as { parleyStoreHarness: StoreHarness }).parleyStoreHarness = harness;
