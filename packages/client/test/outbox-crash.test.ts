import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@parley/client';
import { fileClientStore } from '@parley/client/node';
import { collect } from '@parley/test-utils/received-messages';
import { describe, expect, it, vi } from 'vitest';
import { newClient, onCleanup, startServer, texts } from './helpers/harness.js';

const child = join(import.meta.dirname, 'fixtures/outbox-crash-child.ts');

/** Runs alice in a child process until it prints `marker`, then kills it with SIGKILL. */
async function runAliceUntil(url: string, dir: string, mode: string, text: string, marker: string) {
  const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', child, url, dir, mode, text], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  try {
    await vi.waitFor(() => expect(out, err).toContain(marker), { timeout: 20_000, interval: 20 });
  } finally {
    proc.kill('SIGKILL');
    await new Promise((resolve) => proc.once('exit', resolve));
  }
}

describe('sender crash between outbox write and SendAck', () => {
  for (const mode of ['drop-ack', 'drop-send'] as const) {
    it(`a new client over the same file store re-sends, and bob sees one copy (${mode})`, async () => {
      const { server } = await startServer();
      const dir = mkdtempSync(join(tmpdir(), 'parley-alice-'));
      onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
      const bob = newClient(server.url, 'bob');
      const got = collect(bob);
      await bob.connect();

      await runAliceUntil(server.url, dir, mode, 'exactly-once', mode === 'drop-ack' ? 'ACK_DROPPED' : 'SEND_DROPPED');
      if (mode === 'drop-ack') {
        // The server stored it before the ack was lost: bob has it already.
        await vi.waitFor(() => expect(texts(got)).toEqual(['exactly-once']));
      } else {
        expect(got).toEqual([]);
      }

      // Restart alice over the same directory: the outbox still holds the message.
      const alice = createClient({ url: server.url, userId: 'alice', store: await fileClientStore({ dir }) });
      onCleanup(() => alice.close());
      const sent: string[] = [];
      alice.on('message:sent', (m) => sent.push(m.id));
      await alice.connect();
      await vi.waitFor(() => expect(sent).toHaveLength(1));
      expect(alice.pendingSends).toBe(0);

      // A later message on the same connection is processed after the resend, so if the
      // resend had queued a second copy bob would see it before this one.
      await alice.sendText('bob', 'after');
      await vi.waitFor(() => expect(texts(got)).toContain('after'));
      expect(texts(got)).toEqual(['exactly-once', 'after']);
    });
  }
});
