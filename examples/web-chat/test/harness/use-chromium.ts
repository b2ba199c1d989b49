// Runs in Node: the file's connection to the run's one Chromium (harness/global-setup.ts), opened in
// its beforeAll and closed in its afterAll with every context it made (each a separate profile).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { connectChromium } from '../chromium.js';
import { chromiumEndpoint } from './shared.js';

/** Registers the launch and the close in the calling test file; the getter is valid in its tests. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await connectChromium(chromiumEndpoint());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not launched yet: use it inside a test or a later hook');
    return browser;
  };
}
