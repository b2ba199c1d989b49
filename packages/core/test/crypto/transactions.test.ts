// The crypto functions inside a client's serialized transactions: no deadlock, no lost updates,
// and a rolled-back transaction leaves the session as it was.

import { createDevice, type Device } from '@parley/test-utils/signal-device';
import { describe, expect, it } from 'vitest';
import {
  decrypt,
  type EncryptedMessage,
  encrypt,
  type LocalIdentity,
  type PreKeyRecord,
  type SignalAddress,
  type SignalStore,
  type SignedPreKeyRecord,
  startSession,
} from '../../src/crypto/index.js';
import { isParleyError } from '../../src/errors.js';
import { open, seal, send } from './devices.js';

const key = (a: SignalAddress) => `${a.deviceId}:${a.userId}`;

/** A SignalStore over a key-value map (values are treated as immutable). */
function kvStore(data: Map<string, unknown>): SignalStore {
  const get = <T>(k: string) => data.get(k) as T | undefined;
  const set = async (k: string, v: unknown) => {
    data.set(k, v);
  };
  const del = async (k: string) => {
    data.delete(k);
  };
  return {
    getLocalIdentity: async () => get<LocalIdentity>('local'),
    storeLocalIdentity: (v) => set('local', v),
    loadIdentity: async (a) => get<Uint8Array>(`identity/${key(a)}`),
    saveIdentity: async (a, k) => {
      const before = get<Uint8Array>(`identity/${key(a)}`);
      data.set(`identity/${key(a)}`, k.slice());
      return before !== undefined && before.toString() !== k.toString();
    },
    loadPreKey: async (id) => get<PreKeyRecord>(`prekey/${id}`),
    storePreKey: (r) => set(`prekey/${r.keyId}`, r),
    removePreKey: (id) => del(`prekey/${id}`),
    loadSignedPreKey: async (id) => get<SignedPreKeyRecord>(`signed/${id}`),
    storeSignedPreKey: (r) => set(`signed/${r.keyId}`, r),
    removeSignedPreKey: (id) => del(`signed/${id}`),
    loadSession: async (a) => get<string>(`session/${key(a)}`),
    storeSession: (a, r) => set(`session/${key(a)}`, r),
    removeSession: (a) => del(`session/${key(a)}`),
  };
}

/**
 * A database with serialized transactions, like the client's store: one transaction at a time, each
 * on a snapshot that replaces the data on commit and is dropped on rollback. `autoCommit` runs every
 * store call as a transaction of its own (so it waits while another transaction is open).
 */
class Database {
  data = new Map<string, unknown>();
  private tail: Promise<unknown> = Promise.resolve();
  transactions = 0;

  transaction<T>(fn: (store: SignalStore) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      const working = new Map(this.data);
      const result = await fn(kvStore(working));
      this.data = working;
      this.transactions++;
      return result;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  readonly autoCommit: SignalStore = new Proxy({} as SignalStore, {
    get: (_target, method: keyof SignalStore) => {
      return (...args: unknown[]) =>
        this.transaction((store) => (store[method] as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
}

async function devicePair(): Promise<{ alice: Device; bob: Device; db: Database }> {
  const db = new Database();
  const alice = await createDevice('alice');
  const bob = await createDevice('bob', 1, { store: db.autoCommit });
  await startSession(alice.store, bob.address, bob.bundle());
  expect(await send(alice, bob, 'open')).toBe('open');
  expect(await send(bob, alice, 'ack')).toBe('ack');
  return { alice, bob, db };
}

describe('crypto inside serialized transactions', () => {
  it('decrypts many messages in concurrent transactions, in any order, without losing state', async () => {
    const { alice, bob, db } = await devicePair();
    const messages: EncryptedMessage[] = [];
    for (let i = 0; i < 20; i++) messages.push(await seal(alice, bob, `m${i}`));
    const order = messages.map((_, i) => i).sort(() => Math.random() - 0.5);
    const texts = await Promise.all(
      order.map((i) =>
        db.transaction(async (tx) => {
          const m = messages[i]!;
          const { plaintext } = await decrypt(tx, alice.address, m.type, m.body);
          return new TextDecoder().decode(plaintext);
        }),
      ),
    );
    expect(texts).toEqual(order.map((i) => `m${i}`));
    expect(await send(bob, alice, 'all good')).toBe('all good');
    expect(await send(alice, bob, 'yes')).toBe('yes');
  });

  it('serializes concurrent calls on one store: no two encrypts reuse a ratchet step', async () => {
    const { alice, bob, db } = await devicePair();
    // Inside one transaction...
    const inTx = await db.transaction((tx) =>
      Promise.all(Array.from({ length: 10 }, (_, i) => encrypt(tx, alice.address, new TextEncoder().encode(`t${i}`)))),
    );
    // ...and on a plain store with no transactions at all.
    const plain = await Promise.all(Array.from({ length: 10 }, (_, i) => seal(alice, bob, `p${i}`)));
    for (const [i, m] of inTx.entries()) expect(await open(alice, bob, m)).toBe(`t${i}`);
    for (const [i, m] of plain.entries()) expect(await open(bob, alice, m)).toBe(`p${i}`);
  });

  it('does not deadlock when a call outside any transaction races one inside', async () => {
    const { alice, bob, db } = await devicePair();
    const first = await seal(alice, bob, 'first');
    const second = await seal(alice, bob, 'second');
    // A call outside transactions (each store call auto-commits). Just as it asks for the session
    // record, a transaction opens and decrypts for the same address, so the outside call's store
    // call waits for that transaction. With one process-wide lock per address (the library's own
    // SessionLock), the outside call would hold it while waiting: the transaction could never get
    // it, and never commit. Deadlock.
    // The transaction is started by the outside call's first session read, whenever that comes:
    // a deferred hands it over (no timer to race). A deadlock shows as this test's timeout.
    let inside: Promise<{ plaintext: Uint8Array }> | undefined;
    let started!: (transaction: Promise<{ plaintext: Uint8Array }>) => void;
    const insideResult = new Promise<{ plaintext: Uint8Array }>((resolve) => {
      started = resolve;
    });
    const outsideStore = new Proxy(db.autoCommit, {
      get: (target, method: keyof SignalStore) => {
        if (method !== 'loadSession') return target[method];
        return (address: SignalAddress) => {
          if (inside === undefined) {
            inside = db.transaction((tx) => decrypt(tx, alice.address, first.type, first.body));
            started(inside);
          }
          return target.loadSession(address);
        };
      },
    });
    const outside = decrypt(outsideStore, alice.address, second.type, second.body);
    const results = await Promise.all([outside, insideResult]);
    expect(results.map((r) => new TextDecoder().decode(r.plaintext))).toEqual(['second', 'first']);
    expect(await send(bob, alice, 'after')).toBe('after');
  });

  it('leaves the session untouched when the transaction rolls back, so the message decrypts again', async () => {
    const { alice, bob, db } = await devicePair();
    const message = await seal(alice, bob, 'crash before commit');
    const before = db.data.get(`session/${key(alice.address)}`);
    await expect(
      db.transaction(async (tx) => {
        await decrypt(tx, alice.address, message.type, message.body);
        throw new Error('crash: inbox write failed');
      }),
    ).rejects.toThrow('crash');
    expect(db.data.get(`session/${key(alice.address)}`)).toBe(before);
    // Redelivered after the crash: decrypts, commits; a further copy is a duplicate.
    expect(await open(bob, alice, message)).toBe('crash before commit');
    const error = await open(bob, alice, message).catch((e: unknown) => e);
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect((error as { details: { reason: string } }).details.reason).toBe('duplicate');
  });
});
