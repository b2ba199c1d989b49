// Runs in the page (bundled by the test with esbuild): serves idbClientStore to the test in Node
// over a WebSocket to the page's own server (?channel= names this page), one message per step, so the unchanged
// compliance suite can drive real IndexedDB in Chromium. A WebSocket round trip costs a fraction
// of a page.evaluate, which matters for the suite's thousands of steps.
import type { ClientStore, StoreTx } from '@parley/client';
import { idbClientStore } from '@parley/client/browser';
import { decodeWire, encodeWire } from './wire.js';

/** How a step ended. */
export type Outcome = { ok: true } | { ok: false; code?: string | undefined; message: string };

/** The calls the page answers; arguments and results travel through encodeWire. */
export interface HarnessCalls {
  open(name: string, whenLocked: 'fail' | 'wait'): { id: number } | Outcome;
  close(id: number): undefined;
  /** Starts a transaction on store `id`; true once its fn runs, false if it was refused first. */
  begin(id: number, txId: number): boolean;
  op(txId: number, method: 'get' | 'put' | 'delete' | 'list', args: unknown[]): { value: unknown } | Outcome;
  /** Lets the transaction's fn return (`commit`) or throw; answers how `transaction` settled. */
  end(txId: number, commit: boolean): Outcome;
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

const calls: {
  [K in keyof HarnessCalls]: (...args: Parameters<HarnessCalls[K]>) => Promise<ReturnType<HarnessCalls[K]>>;
} = {
  async open(name, whenLocked) {
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
    return undefined;
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
    // The entry stays, so a late op on the finished tx reaches it (and is rejected with CLOSED).
    entry.finish(commit);
    return entry.settled;
  },
};

const token = new URL(location.href).searchParams.get('channel');
if (token) {
  const socket = new WebSocket(`ws://${location.host}/${encodeURIComponent(token)}`);
  socket.onmessage = (event) => {
    const { id, call, args } = JSON.parse(String(event.data)) as {
      id: number;
      call: keyof HarnessCalls;
      args: unknown[];
    };
    const run = calls[call] as (...a: unknown[]) => Promise<unknown>;
    void run(...(decodeWire(args) as unknown[])).then((result) =>
      socket.send(JSON.stringify({ id, result: encodeWire(result) })),
    );
  };
}
