import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxSemiSpaceMb, SERVER_NODE_FLAGS, serverNodeFlags } from '../src/server-flags.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the V8 flags of bench servers', () => {
  it('are the ones the reference server and the cluster gateways run with', () => {
    const start = (JSON.parse(read('../../server/package.json')) as { scripts: { start: string } }).scripts.start;
    const cluster = read('../../cluster/src/main.ts');
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of SERVER_NODE_FLAGS) {
      expect(start.split(' ')).toContain(flag);
      expect(cluster).toContain(`'${flag}'`);
    }
  });

  it('can be switched for an A/B with PARLEY_BENCH_SEMI_SPACE_MB', () => {
    expect(serverNodeFlags({})).toEqual([...SERVER_NODE_FLAGS]);
    expect(serverNodeFlags({ PARLEY_BENCH_SEMI_SPACE_MB: '0' })).toEqual([]);
    expect(serverNodeFlags({ PARLEY_BENCH_SEMI_SPACE_MB: '128' })).toEqual(['--max-semi-space-size=128']);
    expect(() => serverNodeFlags({ PARLEY_BENCH_SEMI_SPACE_MB: 'lots' })).toThrow(/whole number/);
  });

  it('tell the idle bench how large the young generation may grow', () => {
    expect(maxSemiSpaceMb(['--max-semi-space-size=64'])).toBe(64);
    expect(maxSemiSpaceMb(['--expose-gc'])).toBe(16);
  });
});
