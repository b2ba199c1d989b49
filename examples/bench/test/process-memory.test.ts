import { describe, expect, it } from 'vitest';
import { processMemory } from '../src/cpu.js';

describe('processMemory', () => {
  it("reads a process's resident memory now and at its peak from /proc", () => {
    if (process.platform !== 'linux') return; // no /proc: the bench prints '?'
    const memory = processMemory(process.pid);
    if (!memory) throw new Error('no memory figures read from /proc');
    expect(memory.rss).toBeGreaterThan(1 << 20);
    expect(memory.peak).toBeGreaterThanOrEqual(memory.rss);
    // Within what Node itself reports (both count the same pages, read moments apart).
    expect(memory.rss / process.memoryUsage().rss).toBeGreaterThan(0.5);
    expect(memory.rss / process.memoryUsage().rss).toBeLessThan(2);
  });

  it('answers undefined for a process that does not exist', () => {
    expect(processMemory(2 ** 22 + 12_345)).toBeUndefined();
  });
});
