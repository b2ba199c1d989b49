// Runs in Node: what every web chat journey stands on. The reference server as `pnpm start` runs
// it and Chromium, both started once for the run (harness/global-setup.ts) and shared by every
// file, which keeps apart by its own user names and its own connection to the browser (its
// contexts close with it); Node clients, and the page errors, failed requests and screenshots of
// the file's pages, each journey file getting its own.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createClient, memoryClientStore, type ParleyClient } from '@parley/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webChatDir } from '../../scripts/build.js';
import { connectChromium } from '../chromium.js';
import { signInOn } from './chat-page.js';
import { chromiumEndpoint, type SharedServer, sharedServer } from './shared.js';

const ARTIFACTS = path.join(webChatDir, 'test-artifacts');

/** A person's browser profile and a page in it, signed in. */
export interface SignedIn {
  profile: BrowserContext;
  page: Page;
}

export interface WebChatWorld {
  /** The reference server every file shares: sign in only this file's own user names. */
  server(): SharedServer;
  browser(): Browser;
  /** A page of the web chat in `context`, with its uncaught errors collected (the file fails on any). */
  openChat(context: BrowserContext, label: string): Promise<Page>;
  /** A page of the web chat in `context`, signed in as `user` and ready (its keys published). */
  signIn(context: BrowserContext, user: string): Promise<Page>;
  /** A new browser profile (a person's browser) per user, each with a page signed in as that user. */
  signInNewProfiles<const Users extends readonly string[]>(...users: Users): Promise<{ [K in keyof Users]: SignedIn }>;
  /** A Node client of the same server, with an in-memory store, closed after the file (not connected yet). */
  nodeClient(userId: string): ParleyClient;
  /** A screenshot into test-artifacts/ (git-ignored); the file prints the paths at the end. */
  screenshot(page: Page, name: string): Promise<void>;
  /** The file's last test: no uncaught error in any of its pages, and every request succeeded. */
  itRaisedNoPageErrors(): void;
}

/** Registers the connection to the shared browser, and its close, in the calling test file. */
export function useWebChatWorld(): WebChatWorld {
  let server: SharedServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  /** Requests of the web chat's pages that failed (a missing favicon would show here). */
  const httpErrors: string[] = [];
  const screenshots: string[] = [];
  const clients: ParleyClient[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = sharedServer();
    browser = await connectChromium(chromiumEndpoint());
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    // Closes this file's contexts and pages; the browser goes on for the other files.
    await browser?.close();
    if (screenshots.length > 0) console.log(`web chat screenshots:\n${screenshots.map((s) => `  ${s}`).join('\n')}`);
  });

  const started = () => {
    if (!server) throw new Error('the reference server is not started yet: use it inside a test or a later hook');
    return server;
  };
  const launched = () => {
    if (!browser) throw new Error('Chromium is not launched yet: use it inside a test or a later hook');
    return browser;
  };

  const openChat = async (context: BrowserContext, label: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`));
    // A CSP violation (an inline style, say) is only a console message: count it as an error too.
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) pageErrors.push(`${label}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) httpErrors.push(`${label}: ${response.status()} ${response.url()}`);
    });
    await page.goto(`${started().httpUrl}/`);
    return page;
  };

  const signIn = async (context: BrowserContext, user: string) => signInOn(await openChat(context, user), user);

  return {
    server: started,
    browser: launched,
    openChat,
    signIn,
    async signInNewProfiles<const Users extends readonly string[]>(...users: Users) {
      const signedIn = await Promise.all(
        users.map(async (user): Promise<SignedIn> => {
          const profile = await launched().newContext();
          return { profile, page: await signIn(profile, user) };
        }),
      );
      return signedIn as { [K in keyof Users]: SignedIn };
    },
    nodeClient(userId) {
      const client = createClient({ url: started().url, userId, store: memoryClientStore() });
      clients.push(client);
      return client;
    },
    async screenshot(page, name) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file });
      screenshots.push(file);
    },
    itRaisedNoPageErrors() {
      it('raised no uncaught error in any page, and every request succeeded (a favicon too)', () => {
        expect(pageErrors).toEqual([]);
        expect(httpErrors).toEqual([]);
      });
    },
  };
}
