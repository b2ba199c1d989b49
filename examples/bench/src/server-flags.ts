// The V8 flags every bench server runs with: the reference server's and the cluster gateways' own
// (examples/server's `start` script, examples/cluster's gateways; a test keeps the three in step).
//
// --max-semi-space-size=64: a saturated gateway holds each message's objects across a commit
// (a batch of hundreds to thousands), so with V8's default young generation (16 MB semi-spaces)
// most of them survive two scavenges and are promoted, and the old-generation collections that
// follow took 20% of a CPU profile at saturation. 64 MB semi-spaces let them die young (ARCHITECTURE
// section 15 has the A/B), for up to ~130 MB more resident memory under load.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * The flags for a bench server: SERVER_NODE_FLAGS, or for an A/B `PARLEY_BENCH_SEMI_SPACE_MB`
 * (`0`: V8's default young generation, another number: that semi-space size in MB).
 */
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const mb = env.PARLEY_BENCH_SEMI_SPACE_MB;
  if (mb === undefined || mb === '') return [...SERVER_NODE_FLAGS];
  const n = Number(mb);
  if (!Number.isInteger(n) || n < 0) throw new Error(`PARLEY_BENCH_SEMI_SPACE_MB must be a whole number, got ${mb}`);
  return n === 0 ? [] : [`--max-semi-space-size=${n}`];
}

/** V8's own maximum semi-space on 64-bit, MB (what a server without the flag grows to). */
const V8_DEFAULT_SEMI_SPACE_MB = 16;

/** The largest semi-space `flags` let V8 grow to, MB. */
export function maxSemiSpaceMb(flags: readonly string[]): number {
  for (const flag of flags) {
    const m = /^--max-semi-space-size=(\d+)$/.exec(flag);
    if (m) return Number(m[1]);
  }
  return V8_DEFAULT_SEMI_SPACE_MB;
}
