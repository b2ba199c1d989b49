// Vitest global setup of the `examples-browser` project (vitest.config.ts), in the main process:
// one reference server and one Chromium for every browser test file, instead of one of each per
// file. Files connect to both (harness/shared.ts) and stay apart by their own user names and their
// own browser contexts (profiles), closed with their connection.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ServerProcess, startServer } from '@parley/test-utils/reference-server';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../chromium.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'parley-web-chat-'));
  const started = await Promise.allSettled([
    startServer(['--port', '0', '--data', path.join(tmp, 'data')]),
    launchChromiumServer(),
  ]);
  const [server, browser] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as [
    ServerProcess | undefined,
    BrowserServer | undefined,
  ];
  const teardown = async () => {
    await browser?.close();
    await server?.stop('SIGKILL');
    await rm(tmp, { recursive: true, force: true });
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed || !server || !browser) {
    await teardown();
    throw failed?.status === 'rejected' ? failed.reason : new Error('web chat world did not start');
  }
  project.provide('webChatServer', { url: server.url, httpUrl: server.httpUrl });
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  return teardown;
}
