import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { webChatDir } from '../scripts/build.js';

describe('bundle of a minimal browser app', () => {
  it('keeps the Signal library out of the initial load, which stays within budget', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bundle-size.mjs', '--json'], {
      cwd: webChatDir,
    });
    const report = JSON.parse(stdout) as {
      initial: { gzip: number };
      lazy: { gzip: number };
      signalLibraryLazy: boolean;
      chunks: Array<{ initial: boolean; signal: boolean }>;
    };
    expect(report.signalLibraryLazy).toBe(true);
    expect(report.chunks.filter((c) => c.signal).length).toBeGreaterThan(0);
    // Budget: about 69 KiB gzip today, most of it the generated protobuf code.
    expect(report.initial.gzip).toBeLessThan(96 * 1024);
    expect(report.lazy.gzip).toBeGreaterThan(64 * 1024);
  });
});
