// Runs in Node: one Chromium per test file, launched in the file's beforeAll and closed in its
// afterAll (a launch costs about a second; each browser context in it is a separate profile).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../chromium.js';

/** Registers the launch and the close in the calling test file; the getter is valid in its tests. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not launched yet: use it inside a test or a later hook');
    return browser;
  };
}
