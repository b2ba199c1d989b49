// Launches the system's Chromium (Debian's `chromium` package) through playwright-core, which never
// downloads a browser of its own. CI installs it in .ci/run; PARLEY_CHROMIUM overrides the path.
import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserServer, chromium } from 'playwright-core';

/** Flags for a quiet, self-contained headless browser (no sandbox: CI runs as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  if (process.env.PARLEY_CHROMIUM) return process.env.PARLEY_CHROMIUM;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: run `apt-get install -y chromium` or set PARLEY_CHROMIUM');
  }
}

/**
 * Starts Chromium for other processes to connect to (the browser test files' workers, through
 * {@link connectChromium}): one browser for the whole run instead of one per file. Playwright gives
 * the launch a fresh temporary profile (deleted on close), and each `browser.newContext()` is a
 * separate profile with its own IndexedDB, localStorage and Web Locks, like two people's browsers.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * A connection to the Chromium of {@link launchChromiumServer}. Its contexts are its own: closing
 * the connection closes them (and only them), leaving the browser to the other files.
 */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint, { timeout: 30_000 });
}
