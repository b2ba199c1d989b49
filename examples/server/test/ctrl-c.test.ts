import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForOutput } from '@parley/test-utils/child-process';
import { plainTerminalText, spawnInPty } from '@parley/test-utils/pty-process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shutdownSignalHandler } from '../src/shutdown-signals.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('stop signals', () => {
  it('treats a repeat within the window as the same keypress, and a later one as a forced exit', () => {
    let now = 0;
    const shutdown = vi.fn();
    const force = vi.fn();
    const handle = shutdownSignalHandler({ shutdown, force, repeatMs: 1_000, now: () => now });
    handle('SIGINT');
    now = 5;
    handle('SIGINT'); // the same Ctrl+C, forwarded a second time by pnpm
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(force).not.toHaveBeenCalled();
    now = 1_500;
    handle('SIGINT');
    expect(force).toHaveBeenCalledWith('SIGINT');
    expect(shutdown).toHaveBeenCalledTimes(1);
  });
});

describe('pnpm start on a terminal', () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shuts down cleanly and quietly after one Ctrl+C', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-ctrl-c-'));
    const env = { ...process.env };
    for (const name of ['INIT_CWD', 'PARLEY_HOST', 'PARLEY_PORT', 'PARLEY_DATA']) delete env[name];
    // As in a terminal window, the terminal outlives the command: the shell traps the Ctrl+C (its
    // children still get it), then keeps the terminal open so the server's last lines are seen.
    const command = `npx --yes pnpm@10.34.8 start --port 0 --data '${dataDir}'`;
    const terminal = spawnInPty('sh', ['-c', `trap 'true' INT; ${command}; exec cat`], { cwd: repoRoot, env });
    try {
      const [, port] = await waitForOutput(
        terminal,
        'pnpm start',
        () => /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(plainTerminalText(terminal.output())) ?? undefined,
        60_000,
      );
      terminal.type('\x03');
      await waitForOutput(
        terminal,
        'the clean shutdown',
        () => plainTerminalText(terminal.output()).includes('Parley reference server stopped') || undefined,
      );
      expect(await portOpen(Number(port))).toBe(false);
      const text = plainTerminalText(terminal.output());
      expect(text.match(/SIGINT: shutting down/g)).toHaveLength(1);
      expect(text).not.toMatch(/again|ERR_PNPM|ELIFECYCLE|Command failed/);
    } finally {
      await terminal.stop('SIGKILL');
    }
  }, 90_000);
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
