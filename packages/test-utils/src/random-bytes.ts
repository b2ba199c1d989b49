// Random test input of any size.

/** Largest request `crypto.getRandomValues` accepts at once. */
const MAX_CHUNK = 65_536;

/** `n` random bytes from the platform CSPRNG, filled a chunk at a time so any size works. */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += MAX_CHUNK) globalThis.crypto.getRandomValues(out.subarray(i, Math.min(n, i + MAX_CHUNK)));
  return out;
}
