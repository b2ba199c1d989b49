import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { webChatDir } from '../scripts/build.js';

describe('bundle of a minimal browser app', () => {
  it('keeps the Signal library out of the initial load, which stays within budget', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bundle-size.mjs', '--json'], {
      cwd: webChatDir,
    });
    const report = JSON.parse(stdout) as {
      initial: { raw: number; gzip: number };
      lazy: { raw: number; gzip: number };
      signalLibraryLazy: boolean;
      chunks: Array<{ initial: boolean; signal: boolean }>;
    };
    expect(report.signalLibraryLazy).toBe(true);
    expect(report.chunks.filter((c) => c.signal).length).toBeGreaterThan(0);
    // Budget: about 102 KiB gzip today, most of it the generated protobuf code.
    expect(report.initial.gzip).toBeLessThan(110 * 1024);
    expect(report.lazy.gzip).toBeGreaterThan(64 * 1024);

    // The figures the READMEs quote stay within 10% of what this build measures, so they cannot go
    // stale: after a change that moves them, copy the script's output into both READMEs.
    const kib = (bytes: number) => bytes / 1024;
    const webChatReadme = await readFile(path.join(webChatDir, 'README.md'), 'utf8');
    const quoted = /initial load ([\d.]+) KiB raw \/ ([\d.]+) KiB gzip/.exec(webChatReadme);
    const lazyQuoted = /curve code \(([\d.]+) KiB raw \/ ([\d.]+) KiB gzip\)/.exec(webChatReadme);
    expect(quoted, 'examples/web-chat/README.md quotes the initial load').not.toBeNull();
    expect(lazyQuoted, 'examples/web-chat/README.md quotes the lazy chunks').not.toBeNull();
    const clientReadme = await readFile(path.join(webChatDir, '../../packages/client/README.md'), 'utf8');
    const clientQuoted = /app loads about ([\d.]+) KiB\s+gzip up front/.exec(clientReadme);
    expect(clientQuoted, 'packages/client/README.md quotes the initial load').not.toBeNull();
    const near = (claimed: string, measured: number) =>
      expect(Math.abs(Number(claimed) - measured) / measured).toBeLessThan(0.1);
    near(quoted![1]!, kib(report.initial.raw));
    near(quoted![2]!, kib(report.initial.gzip));
    near(lazyQuoted![1]!, kib(report.lazy.raw));
    near(lazyQuoted![2]!, kib(report.lazy.gzip));
    near(clientQuoted![1]!, kib(report.initial.gzip));
  });
});
