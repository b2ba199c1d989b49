// Journey: the web chat's store, idbClientStore, in real Chromium: the unchanged client store
// compliance suite runs in Node and each step goes over a WebSocket to the store in a page
// (test/remote-store.ts, test/harness/store-harness.ts); and two tabs of one profile share it in turn.
import { isParleyError } from '@parley/client';
import { clientStoreCompliance } from '@parley/client/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../harness/bundle.js';
import { useChromium } from '../harness/use-chromium.js';
import { HarnessChannels, openRemoteStore, type RemoteStore } from '../remote-store.js';

const browser = useChromium();
const pageErrors: string[] = [];

describe('idbClientStore in Chromium', () => {
  let channels: HarnessChannels;
  let context: BrowserContext;
  let harness: HarnessPage;
  let counter = 0;

  beforeAll(async () => {
    channels = await HarnessChannels.start(await bundle('test/harness/store-harness.ts'));
    context = await browser().newContext();
    harness = await harnessPage(channels, context);
  }, 60_000);
  afterAll(() => channels?.close());

  // The suite's transactions run in Node; each read and write is a step on the page's store.
  clientStoreCompliance({
    name: 'idbClientStore (Chromium)',
    create: () => openRemoteStore(harness.call, `compliance-${++counter}`),
    reopen: async (closed) => {
      // A reload drops everything the page held in memory: what comes back was read from IndexedDB.
      const reconnected = channels.nextConnection(harness.token);
      await harness.page.reload();
      await reconnected;
      return openRemoteStore(harness.call, (closed as RemoteStore).name);
    },
  });

  it('refuses a second tab (CONFLICT) and lets a waiting one in once the first closes', async () => {
    const other = await harnessPage(channels, context);
    const first = await openRemoteStore(harness.call, 'tabs');
    await first.transaction((tx) => tx.put('ns', 'k', 'from the first tab'));
    await expect(openRemoteStore(other.call, 'tabs')).rejects.toSatisfy((e: unknown) => isParleyError(e, 'CONFLICT'));
    const waiting = openRemoteStore(other.call, 'tabs', 'wait');
    await first.close();
    const second = await waiting;
    expect(await second.transaction((tx) => tx.get('ns', 'k'))).toBe('from the first tab');
    await second.close();
    // Free as soon as close resolved: the first tab opens it again without waiting.
    const again = await openRemoteStore(harness.call, 'tabs');
    await again.close();
    await other.page.close();
  });

  it('raised no uncaught error in any harness page', () => {
    expect(pageErrors).toEqual([]);
  });
});

interface HarnessPage {
  page: Page;
  token: string;
  call: ReturnType<HarnessChannels['caller']>;
}

let harnessPages = 0;

/** A page running the store harness, on the channel server's loopback origin (a secure context). */
async function harnessPage(channels: HarnessChannels, context: BrowserContext): Promise<HarnessPage> {
  const token = `page-${++harnessPages}`;
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`harness: ${error.message}`));
  const connected = channels.nextConnection(token);
  await page.goto(channels.pageUrl(token));
  await connected;
  return { page, token, call: channels.caller(token) };
}
