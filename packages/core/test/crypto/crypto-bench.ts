// Crypto micro-benchmark:
// `npx tsx --tsconfig packages/core/tsconfig.test.json --conditions=source packages/core/test/crypto/crypto-bench.ts [fallback|webcrypto|both]`
// (the tsconfig's paths find @parley/test-utils, as the vitest alias does for the tests).
// Identity key generation, session setup (startSession from a bundle, first prekey message encrypted
// and decrypted; signature check included), steady encrypt +
// decrypt (one direction), and ping-pong (every reply forces a DH ratchet step), 100-byte messages.

import { createDevice, type Device } from '@parley/test-utils/signal-device';
import {
  type CurveBackend,
  decrypt,
  encrypt,
  generateDeviceKeys,
  getCurveBackend,
  setCurveBackend,
  startSession,
} from '../../src/crypto/index.js';

const payload = new Uint8Array(100).fill(42);

async function time(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const warmUp = Math.min(5, runs);
  for (let i = 0; i < warmUp; i++) await fn(i);
  const start = performance.now();
  for (let i = warmUp; i < warmUp + runs; i++) await fn(i);
  const ms = (performance.now() - start) / runs;
  console.log(`  ${label.padEnd(34)} ${ms.toFixed(3).padStart(8)} ms/op  ${(1000 / ms).toFixed(0).padStart(7)} op/s`);
  return ms;
}

async function run(backend: CurveBackend): Promise<void> {
  await setCurveBackend(backend);
  console.log(`X25519 backend: ${await getCurveBackend()}`);
  await time('identity key generation', 50, () => generateDeviceKeys());

  const bob = await createDevice('bob', 1, { preKeys: 60 });
  const initiators: Device[] = [];
  for (let i = 0; i < 55; i++) initiators.push(await createDevice(`alice${i}-${backend}`, 1, { preKeys: 0 }));
  await time('session setup (X3DH, both sides)', 50, async (i) => {
    const alice = initiators[i]!;
    await startSession(alice.store, bob.address, bob.bundle());
    const m = await encrypt(alice.store, bob.address, payload);
    await decrypt(bob.store, alice.address, m.type, m.body);
  });

  const alice = await createDevice('alice', 1, { preKeys: 0 });
  await startSession(alice.store, bob.address, bob.bundle());
  const first = await encrypt(alice.store, bob.address, payload);
  await decrypt(bob.store, alice.address, first.type, first.body);
  const reply = await encrypt(bob.store, alice.address, payload);
  await decrypt(alice.store, bob.address, reply.type, reply.body);

  // Steady state: one direction, no DH step. Every message is decrypted in order, so the receiver
  // never holds skipped message keys.
  const sent: Uint8Array[] = [];
  await time('steady encrypt', 500, async () => {
    sent.push((await encrypt(alice.store, bob.address, payload)).body);
  });
  for (const body of sent) await decrypt(bob.store, alice.address, 'whisper', body);
  const queued: Uint8Array[] = [];
  for (let i = 0; i < 505; i++) queued.push((await encrypt(alice.store, bob.address, payload)).body);
  await time('steady decrypt', 500, (i) => decrypt(bob.store, alice.address, 'whisper', queued[i]!));
  await time('steady encrypt + decrypt', 500, async () => {
    const m = await encrypt(alice.store, bob.address, payload);
    await decrypt(bob.store, alice.address, m.type, m.body);
  });
  await time('ping-pong (encrypt + decrypt, DH step)', 500, async (i) => {
    const [from, to] = i % 2 === 0 ? [alice, bob] : [bob, alice];
    const m = await encrypt(from.store, to.address, payload);
    await decrypt(to.store, from.address, m.type, m.body);
  });
}

const which = process.argv[2] ?? 'both';
for (const backend of which === 'both' ? (['fallback', 'webcrypto'] as const) : [which as CurveBackend]) {
  await run(backend);
}
