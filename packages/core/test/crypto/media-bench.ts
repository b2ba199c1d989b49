// Media encryption throughput: `npx tsx packages/core/test/crypto/media-bench.ts [MB]`.
// Encrypt (AES-CBC + HMAC + SHA-256 digest) and verify + decrypt a file fed in 64 KiB pieces (what a
// Node file stream hands out), on WebCrypto AES and on the pure-JS AES, at a few chunk sizes.
import { type MediaCipherBackend, MediaDecryptor, MediaEncryptor, MediaVerifier } from '../../src/crypto/media.js';

const megabytes = Number(process.argv[2] ?? 64);
const piece = new Uint8Array(64 * 1024).fill(7);
const pieces = (megabytes * 1024 * 1024) / piece.length;

async function run(backend: MediaCipherBackend, chunkBytes: number): Promise<void> {
  const mediaKey = new Uint8Array(32).fill(1);
  let start = performance.now();
  const encryptor = await MediaEncryptor.create(mediaKey, { backend, chunkBytes });
  const upload: Uint8Array[] = [];
  for (let i = 0; i < pieces; i++) upload.push(await encryptor.update(piece));
  upload.push(await encryptor.finish());
  const encryptMs = performance.now() - start;
  start = performance.now();
  const verifier = new MediaVerifier(mediaKey, encryptor.info.digest);
  for (const p of upload) verifier.update(p);
  verifier.finish();
  const verifyMs = performance.now() - start;
  start = performance.now();
  const decryptor = await MediaDecryptor.create(mediaKey, { backend, chunkBytes });
  for (const p of upload) await decryptor.update(p);
  await decryptor.finish();
  const decryptMs = performance.now() - start;
  const rate = (ms: number) => `${(megabytes / (ms / 1000)).toFixed(0).padStart(5)} MB/s`;
  console.log(
    `${backend.padEnd(9)} chunk ${String(chunkBytes / 1024).padStart(5)} KiB  encrypt ${rate(encryptMs)}  verify ${rate(verifyMs)}  decrypt ${rate(decryptMs)}  verify+decrypt ${rate(verifyMs + decryptMs)}`,
  );
}

await run('webcrypto', 256 * 1024); // warm-up
for (const backend of ['webcrypto', 'js'] as const) {
  for (const chunk of [64 * 1024, 256 * 1024, 1024 * 1024]) await run(backend, chunk);
}
