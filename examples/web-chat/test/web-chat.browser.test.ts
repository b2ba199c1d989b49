// The web chat and the browser store in real Chromium, against the reference server as `pnpm start`
// runs it: two browser profiles (alice, bob) and a Node client (carol).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, isParleyError, memoryClientStore, type ParleyClient } from '@parley/client';
import { clientStoreCompliance } from '@parley/client/testing';
import { type ServerProcess, startServer } from '@parley/test-utils/reference-server';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { webChatDir } from '../scripts/build.js';
import { launchChromium } from './chromium.js';
import type { SeedPage } from './harness/seed-page.js';
import { solidPng, toneWav } from './media-fixtures.js';
import { HarnessChannels, openRemoteStore, type RemoteStore } from './remote-store.js';

const ARTIFACTS = path.join(webChatDir, 'test-artifacts');
const GREY = 'rgb(102, 119, 129)';
const BLUE = 'rgb(11, 116, 222)';

let tmp: string;
let server: ServerProcess;
let browser: Browser;
let harnessScript: string;
let seedScript: string;
const pageErrors: string[] = [];
/** Requests of the web chat's pages that failed (a missing favicon would show here). */
const httpErrors: string[] = [];
const screenshots: string[] = [];
const clients: ParleyClient[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'parley-web-chat-'));
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser, harnessScript, seedScript] = await Promise.all([
    startServer(['--port', '0', '--data', path.join(tmp, 'data')]),
    launchChromium(),
    bundle('test/harness/store-harness.ts'),
    bundle('test/harness/seed-page.ts', 'iife'),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await browser?.close();
  await server?.stop('SIGKILL');
  await rm(tmp, { recursive: true, force: true });
  if (screenshots.length > 0) console.log(`web chat screenshots:\n${screenshots.map((s) => `  ${s}`).join('\n')}`);
});

/** A page of the web chat in `context`, with its uncaught errors collected (the test fails on any). */
async function openChat(context: BrowserContext, label: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`));
  // A CSP violation (an inline style, say) is only a console message: count it as an error too.
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) pageErrors.push(`${label}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) httpErrors.push(`${label}: ${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.httpUrl}/`);
  return page;
}

async function signIn(context: BrowserContext, user: string): Promise<Page> {
  return signInOn(await openChat(context, user), user);
}

async function signInOn(page: Page, user: string): Promise<Page> {
  await page.getByLabel('Your user name').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await connected(page);
  return page;
}

/** Connected, and the device's keys are published (before that, a message to it would fail). */
const connected = (page: Page) => page.locator('#messenger[data-ready="true"]').waitFor();

async function startChatWith(page: Page, peer: string): Promise<void> {
  await page.getByLabel('New chat with').fill(peer);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('#peer-name', { hasText: peer }).waitFor();
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
}

const outgoing = (page: Page, text: string, status?: string) =>
  page.locator(`li[data-direction="out"]${status ? `[data-status="${status}"]` : ''}`, { hasText: text });
const incoming = (page: Page) => page.locator('li[data-direction="in"] .text');
const chatRow = (page: Page, peer: string) => page.locator(`button[data-chat-id="${peer}"]`);
const peerStatus = (page: Page, text: string | RegExp) => page.locator('#peer-status', { hasText: text });
const tickColor = (message: Locator) => message.locator('.ticks').evaluate((el) => getComputedStyle(el).color);

interface FakeNotifications {
  shownNotifications: Array<{ title: string; body: string | undefined }>;
}

/**
 * Makes the page believe its tab is hidden (or visible again), with a Notification API that
 * records instead of showing: headless pages are always visible and cannot show notifications.
 */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    const g = globalThis as unknown as FakeNotifications & { Notification: unknown };
    if (!g.shownNotifications) {
      const shown: FakeNotifications['shownNotifications'] = [];
      g.shownNotifications = shown;
      g.Notification = class {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: unknown = null;
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body });
        }
        close() {}
      };
    }
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  screenshots.push(file);
}

describe('web chat in Chromium', () => {
  let aliceProfile: BrowserContext;
  let bobProfile: BrowserContext;
  let alice: Page;
  let bob: Page;
  let carol: ParleyClient;

  it('1. alice and bob chat both ways; ticks are grey until bob opens the chat, then blue', async () => {
    aliceProfile = await browser.newContext();
    bobProfile = await browser.newContext();
    [alice, bob] = await Promise.all([signIn(aliceProfile, 'alice'), signIn(bobProfile, 'bob')]);

    await startChatWith(alice, 'bob');
    await send(alice, 'hi bob');
    // Two grey ticks: on bob's device, not read (his chat list is showing, not the chat).
    const hi = outgoing(alice, 'hi bob', 'delivered');
    await hi.waitFor();
    expect(await hi.locator('.ticks').getAttribute('aria-label')).toBe('delivered');
    expect(await tickColor(hi)).toBe(GREY);

    await chatRow(bob, 'alice').locator('.unread', { hasText: '1' }).waitFor();
    await chatRow(bob, 'alice').click();
    await bob.locator('li[data-direction="in"]', { hasText: 'hi bob' }).waitFor();
    const read = outgoing(alice, 'hi bob', 'read');
    await read.waitFor();
    expect(await tickColor(read)).toBe(BLUE);
    await vi.waitFor(async () => expect(await chatRow(bob, 'alice').locator('.unread').count()).toBe(0));

    // alice has the chat open and the tab visible: bob's reply is read at once.
    await send(bob, 'hi alice');
    await alice.locator('li[data-direction="in"]', { hasText: 'hi alice' }).waitFor();
    await outgoing(bob, 'hi alice', 'read').waitFor();
    await Promise.all([screenshot(alice, '1-alice-conversation'), screenshot(bob, '1-bob-conversation')]);
  });

  it('2. alice sends 5 while bob is away; they arrive in order, once each, when his page reopens', async () => {
    await bob.close();
    const texts = ['away 1', 'away 2', 'away 3', 'away 4', 'away 5'];
    for (const text of texts) await send(alice, text);
    // Stored by the server (one grey tick) and no further: bob has no device online.
    for (const text of texts) await outgoing(alice, text, 'sent').waitFor();
    expect(await alice.locator('li[data-direction="out"][data-status="delivered"]').count()).toBe(0);

    // Same profile, so the same IndexedDB: bob is signed in again without the form.
    bob = await openChat(bobProfile, 'bob again');
    await connected(bob);
    await chatRow(bob, 'alice').locator('.unread', { hasText: '5' }).waitFor();
    await chatRow(bob, 'alice').click();
    await bob.locator('li[data-direction="in"]', { hasText: 'away 5' }).waitFor();
    expect(await incoming(bob).allTextContents()).toEqual(['hi bob', ...texts]);
    for (const text of texts) await outgoing(alice, text, 'read').waitFor();
    await screenshot(bob, '2-bob-after-reopen');
  });

  it('keeps the chat list and history across a reload (both read from the client, no index of its own)', async () => {
    await alice.reload();
    await connected(alice);
    await chatRow(alice, 'bob').locator('.preview', { hasText: 'away 5' }).waitFor();
    await chatRow(alice, 'bob').click();
    await outgoing(alice, 'away 5', 'read').waitFor();
    expect(await alice.locator('#messages > li[data-message-id] .text').allTextContents()).toEqual([
      'hi bob',
      'hi alice',
      'away 1',
      'away 2',
      'away 3',
      'away 4',
      'away 5',
    ]);
    // One date separator above the first message of the day.
    expect(await alice.locator('#messages > li.day').allTextContents()).toEqual(['Today']);
  });

  it('6. bob replies and alice reacts; alice edits, deletes for everyone and turns on disappearing messages', async () => {
    await send(alice, 'lunch at 12?');
    const question = bob.locator('li[data-direction="in"]', { hasText: 'lunch at 12?' });
    await question.getByRole('button', { name: 'Reply' }).click();
    await bob.locator('#composer-mode', { hasText: 'Replying to: lunch at 12?' }).waitFor();
    await send(bob, 'yes!');
    const reply = alice.locator('li[data-direction="in"]', { hasText: 'yes!' });
    await reply.locator('.quote', { hasText: 'alice: lunch at 12?' }).waitFor();

    await reply.getByRole('button', { name: 'React with a thumbs up' }).click();
    await bob
      .locator('li[data-direction="out"]', { hasText: 'yes!' })
      .locator('.reaction[data-emoji="👍"]', { hasText: 'alice' })
      .waitFor();

    await outgoing(alice, 'lunch at 12?').getByRole('button', { name: 'Edit' }).click();
    await alice.getByLabel('Message', { exact: true }).fill('lunch at 1?');
    await alice.keyboard.press('Enter');
    const edited = bob.locator('li[data-direction="in"]', { hasText: 'lunch at 1?' });
    await edited.locator('.edited-mark').waitFor();
    expect(await bob.locator('li', { hasText: 'lunch at 12?' }).count()).toBe(1); // only the quote in bob's reply

    await send(alice, 'oops, wrong chat');
    await bob.locator('li[data-direction="in"]', { hasText: 'oops, wrong chat' }).waitFor();
    await outgoing(alice, 'oops, wrong chat').getByRole('button', { name: 'Delete for everyone' }).click();
    await bob.locator('li[data-direction="in"][data-deleted]', { hasText: 'This message was deleted' }).waitFor();
    await alice.locator('li[data-direction="out"][data-deleted]').waitFor();
    expect(await bob.locator('li', { hasText: 'oops, wrong chat' }).count()).toBe(0);

    await alice.getByLabel('Disappearing messages').selectOption('86400');
    await vi.waitFor(async () => expect(await bob.getByLabel('Disappearing messages').inputValue()).toBe('86400'));
    await Promise.all([screenshot(alice, '6-alice-actions'), screenshot(bob, '6-bob-actions')]);
  });

  it('5. shows online, typing… and last seen in the header, and in the chat list', async () => {
    await peerStatus(alice, /^online$/).waitFor();
    await bob.getByLabel('Message', { exact: true }).fill('I am typ');
    await peerStatus(alice, 'typing…').waitFor();
    await chatRow(alice, 'bob').locator('.typing').waitFor();
    await screenshot(alice, '5-alice-sees-typing');
    await bob.getByLabel('Message', { exact: true }).fill('');
    await peerStatus(alice, /^online$/).waitFor();
    expect(await chatRow(alice, 'bob').locator('.typing').count()).toBe(0);
    await bob.close();
    await peerStatus(alice, /^last seen today at \d\d:\d\d$/).waitFor();
    bob = await openChat(bobProfile, 'bob third');
    await connected(bob);
    await peerStatus(alice, /^online$/).waitFor();
  });

  it('a Node client (carol) and a browser (bob) write to each other; a hidden tab notifies', async () => {
    carol = createClient({ url: server.url, userId: 'carol', store: memoryClientStore() });
    clients.push(carol);
    const received: string[] = [];
    carol.on('message:received', (m) =>
      received.push(m.content.kind === 'text' ? m.content.text : `<${m.content.kind}>`),
    );
    await carol.connect();
    await setHidden(bob, true);
    await carol.sendText('bob', 'hello from node');
    await chatRow(bob, 'carol').locator('.unread', { hasText: '1' }).waitFor();
    await bob.waitForFunction(() => (globalThis as unknown as FakeNotifications).shownNotifications.length > 0);
    expect(await bob.evaluate(() => (globalThis as unknown as FakeNotifications).shownNotifications)).toEqual([
      { title: 'carol', body: 'hello from node' },
    ]);
    await setHidden(bob, false);
    await chatRow(bob, 'carol').click();
    await send(bob, 'hello from chromium');
    await vi.waitFor(() => expect(received).toEqual(['hello from chromium']), { timeout: 15_000 });
    await outgoing(bob, 'hello from chromium', 'delivered').waitFor();
  });

  it('runs one tab per profile: a second tab waits, then takes over when the first one closes', async () => {
    const second = await openChat(aliceProfile, 'alice second tab');
    await second.getByRole('heading', { name: 'Parley is open in another tab' }).waitFor();
    await screenshot(second, 'tabs-second-waits');
    expect(await second.locator('#messenger').isHidden()).toBe(true);
    await alice.close();
    await connected(second);
    await chatRow(second, 'bob').waitFor();
    alice = second;
  });

  it('says when a chat partner has never signed in, marks the message failed, and Retry sends it once they have', async () => {
    await startChatWith(alice, 'zed');
    await alice.locator('#chat-error', { hasText: 'zed has not signed in yet' }).waitFor();
    await send(alice, 'anyone there? https://example.org/plan');
    const failed = outgoing(alice, 'anyone there?', 'failed');
    await failed.waitFor();
    await alice.locator('#chat-error', { hasText: 'Not sent' }).waitFor();
    // The URL in it is a link that opens in a new tab without access to this one.
    const link = failed.getByRole('link', { name: 'https://example.org/plan' });
    expect(await link.getAttribute('href')).toBe('https://example.org/plan');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await screenshot(alice, 'failed-send-retry');

    // The server refused it (zed had no device); once zed signed in, Retry sends the same message.
    const zedProfile = await browser.newContext();
    const zed = await signIn(zedProfile, 'zed');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await outgoing(alice, 'anyone there?', 'delivered').waitFor();
    await chatRow(zed, 'alice').click();
    await zed.locator('li[data-direction="in"]', { hasText: 'anyone there?' }).waitFor();
    await outgoing(alice, 'anyone there?', 'read').waitFor();
    expect(await outgoing(alice, 'anyone there?').count()).toBe(1);
    expect(await zed.locator('li[data-direction="in"]').count()).toBe(1);
    await zedProfile.close();
  });

  it('refuses a name that is already the device of another browser, and says why', async () => {
    const stranger = await browser.newContext();
    const page = await openChat(stranger, 'stranger');
    await page.getByLabel('Your user name').fill('bob');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#sign-in-error', { hasText: 'refused this browser as a device of bob' }).waitFor();
    await stranger.close();
  });

  it('3. alice creates a group with bob and carol; messages from all three appear everywhere', async () => {
    const carolGot: Array<{ chatId: string; from: string; text: string }> = [];
    carol.on('message:received', (m) => {
      if (m.content.kind === 'text') carolGot.push({ chatId: m.chatId, from: m.from.userId, text: m.content.text });
    });
    await alice.getByText('New group').click();
    await alice.getByLabel('Group name').fill('Team');
    await alice.getByLabel('Members', { exact: true }).fill('bob, carol');
    await alice.getByRole('button', { name: 'Create group' }).click();
    await alice.locator('#peer-name', { hasText: 'Team' }).waitFor();
    await peerStatus(alice, 'You, bob, carol').waitFor();
    const groupId = (await alice
      .locator('button[data-kind="group"][aria-current="true"]')
      .getAttribute('data-chat-id'))!;
    expect(groupId).toBeTruthy();

    await send(alice, 'hello team');
    await chatRow(bob, groupId).locator('.unread', { hasText: '1' }).waitFor();
    expect(await chatRow(bob, groupId).locator('.name').textContent()).toContain('Team');
    expect(await chatRow(bob, groupId).locator('.preview').textContent()).toBe('alice: hello team');
    await chatRow(bob, groupId).click();
    await peerStatus(bob, 'You, alice, carol').waitFor();
    await bob
      .locator('li[data-direction="in"]', { hasText: 'hello team' })
      .locator('.sender', { hasText: 'alice' })
      .waitFor();
    await vi.waitFor(() => expect(carolGot).toContainEqual({ chatId: groupId, from: 'alice', text: 'hello team' }), {
      timeout: 15_000,
    });

    await send(bob, 'hi from bob');
    await carol.sendText(groupId, 'hi from carol');
    for (const [page, name] of [
      [alice, 'alice'],
      [bob, 'bob'],
    ] as const) {
      await page
        .locator('li[data-direction="in"]', { hasText: 'hi from carol' })
        .locator('.sender', { hasText: 'carol' })
        .waitFor();
      if (name === 'alice') {
        await page
          .locator('li[data-direction="in"]', { hasText: 'hi from bob' })
          .locator('.sender', { hasText: 'bob' })
          .waitFor();
      }
    }
    await vi.waitFor(() => expect(carolGot).toContainEqual({ chatId: groupId, from: 'bob', text: 'hi from bob' }), {
      timeout: 15_000,
    });
    // bob and carol wrote at the same time: either may come first, each exactly once.
    expect((await incoming(alice).allTextContents()).sort()).toEqual(['hi from bob', 'hi from carol']);

    // Ticks from `by: '*'` receipts: grey until every member read it, blue once carol reads too.
    const hello = outgoing(alice, 'hello team', 'delivered');
    await hello.waitFor();
    expect(await tickColor(hello)).toBe(GREY);
    const helloId = (await hello.getAttribute('data-message-id'))!;
    await carol.markRead(groupId, [helloId]);
    const read = outgoing(alice, 'hello team', 'read');
    await read.waitFor();
    expect(await tickColor(read)).toBe(BLUE);

    // The manage panel: alice (admin) may remove members, bob may not.
    await alice.getByRole('button', { name: 'Manage group' }).click();
    await alice.locator('#group-members li').nth(2).waitFor();
    expect(await alice.getByRole('button', { name: 'Remove bob' }).count()).toBe(1);
    await bob.getByRole('button', { name: 'Manage group' }).click();
    await bob.locator('#group-members li').nth(2).waitFor();
    expect(await bob.locator('#group-members button').count()).toBe(0);
    await Promise.all([screenshot(alice, '3-alice-group'), screenshot(bob, '3-bob-group')]);

    // bob leaves: alice's header and member list follow the verified change (group:updated).
    await bob.getByRole('button', { name: 'Leave group' }).click();
    await peerStatus(bob, 'You are no longer a member').waitFor();
    expect(await bob.getByLabel('Message', { exact: true }).isDisabled()).toBe(true);
    await peerStatus(alice, /^You, carol$/).waitFor();
    expect(await alice.locator('#group-members li').count()).toBe(2);
    await alice.getByRole('button', { name: 'Manage group' }).click();
  });

  it('4. alice sends an image and bob sees it rendered', async () => {
    await chatRow(alice, 'bob').click();
    await alice.locator('#peer-name', { hasText: 'bob' }).waitFor();
    await alice.locator('#attach-file').setInputFiles({
      name: 'square.png',
      mimeType: 'image/png',
      buffer: solidPng(120, 80, [11, 116, 222]),
    });
    // Picked files wait for a caption (none here) and Send.
    await alice.locator('#attachment-draft', { hasText: 'square.png' }).waitFor();
    await alice.getByRole('button', { name: 'Send' }).click();
    await chatRow(bob, 'alice').click();
    const image = bob.locator('li[data-direction="in"] figure.image img');
    await image.waitFor();
    const size = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([120, 80]);
    // alice's own bubble shows the file she picked (from memory), with the usual ticks.
    const own = alice.locator('li[data-direction="out"] figure.image img');
    await own.waitFor();
    const ownWidth = await own.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    });
    expect(ownWidth).toBe(120);
    await alice.locator('li[data-direction="out"][data-status="read"] figure.image').waitFor();
    await vi.waitFor(async () =>
      expect(await chatRow(alice, 'bob').locator('.preview').textContent()).toContain('Photo'),
    );
    // Without a caption, the time sits on the image: the bubble is no wider than the image.
    const bubbleWidth = await own.evaluate((img) => img.closest('li')!.getBoundingClientRect().width);
    expect(bubbleWidth).toBeLessThan(120 + 20);
    // A click opens the image viewer; Escape closes it.
    await image.click();
    await bob.locator('#image-viewer[open] img').waitFor();
    await screenshot(bob, '4-bob-image-viewer');
    await bob.keyboard.press('Escape');
    await bob.locator('#image-viewer:not([open])').waitFor({ state: 'attached' });
    // A document with a caption and a voice note: a link, and an <audio> that loads (the page's CSP
    // allows blob: media). The caption typed goes with the first file.
    await alice.locator('#attach-file').setInputFiles([
      { name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from('the plan') },
      { name: 'note.wav', mimeType: 'audio/wav', buffer: toneWav(300) },
    ]);
    await send(alice, 'here is the plan');
    const audio = bob.locator('li[data-direction="in"] figure.voice audio');
    await audio.waitFor();
    await bob.waitForFunction((el) => (el as HTMLAudioElement).readyState >= 1, await audio.elementHandle());
    expect(await audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeCloseTo(0.3, 1);
    const link = bob.locator('li[data-direction="in"] figure.document a[download="plan.txt"]');
    await link.waitFor();
    expect(await link.textContent()).toBe('plan.txt (8 B)');
    await bob.locator('li[data-direction="in"] figure.document figcaption', { hasText: 'here is the plan' }).waitFor();
    await Promise.all([screenshot(alice, '4-alice-image'), screenshot(bob, '4-bob-image')]);
  });

  it('says "offline" in the header for this tab, not a stale "online", and Reconnect now reconnects', async () => {
    const context = await browser.newContext();
    // Every WebSocket of this profile goes through here, so the test can cut the server off.
    let blocked = false;
    const sockets: WebSocketRoute[] = [];
    await context.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer();
      if (blocked) {
        // Like a server that accepts the socket, then drops it: the page never hears from it.
        server.onMessage(() => void ws.close({ code: 1001, reason: 'blocked by the test' }));
        return;
      }
      sockets.push(ws);
    });
    const ivy = await signIn(context, 'ivy');
    await startChatWith(ivy, 'bob');
    await peerStatus(ivy, /^online$/).waitFor();

    // The browser says the network is gone: the header says so at once.
    await context.setOffline(true);
    await peerStatus(ivy, /^you are offline$/).waitFor();
    await ivy.locator('#connection', { hasText: 'This device is offline' }).waitFor();
    await context.setOffline(false);
    await peerStatus(ivy, /^online$/).waitFor();

    // The connection to the server drops and stays down; time stands still, so only the button
    // (not the client's backoff) can bring it back.
    await ivy.clock.install();
    await ivy.clock.pauseAt(Date.now() + 1000);
    blocked = true;
    await Promise.all(sockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
    await peerStatus(ivy, /^you are offline$/).waitFor();
    expect(await chatRow(ivy, 'bob').locator('.online-dot').count()).toBe(0);
    const reconnect = ivy.getByRole('button', { name: 'Reconnect now' });
    await reconnect.waitFor();
    // Sends wait as pending meanwhile; a pending one can be taken back.
    await send(ivy, 'never mind');
    const cancelled = outgoing(ivy, 'never mind', 'pending');
    await cancelled.getByRole('button', { name: 'Cancel sending' }).click();
    await cancelled.waitFor({ state: 'detached' });
    await send(ivy, 'back soon');
    await outgoing(ivy, 'back soon', 'pending').waitFor();
    await screenshot(ivy, '7-offline-header');

    const attempts = sockets.length;
    blocked = false;
    await reconnect.click();
    await peerStatus(ivy, /^online$/).waitFor();
    expect(sockets.length).toBeGreaterThan(attempts);
    await ivy.clock.resume();
    await outgoing(ivy, 'back soon', 'delivered').waitFor();
    expect(await outgoing(ivy, 'never mind').count()).toBe(0);
    expect(await reconnect.isHidden()).toBe(true);

    // Without the button too, the client retries at once when the browser says the network is back
    // (`online`) or the tab gets focus; with the clock paused again, only these signals can do it.
    for (const signal of ['online', 'focus'] as const) {
      await ivy.clock.pauseAt(await ivy.evaluate(() => Date.now() + 1000));
      await Promise.all(sockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
      await peerStatus(ivy, /^you are offline$/).waitFor();
      if (signal === 'online') {
        await context.setOffline(true);
        await context.setOffline(false);
      } else {
        await ivy.evaluate(() => window.dispatchEvent(new Event('focus')));
      }
      await peerStatus(ivy, /^online$/).waitFor();
      await ivy.clock.resume();
    }
    await context.close();
  });

  it('scrolls back through 10,000 messages of a chat, keeping at most 300 bubbles in the page', async () => {
    const context = await browser.newContext();
    const page = await openChat(context, 'uma');
    // The store the web chat opens for uma, filled before she signs in.
    await page.evaluate(seedScript);
    const [chatId] = await page.evaluate(() =>
      (globalThis as unknown as SeedPage).seedWebChat('parley-web-chat:uma', 'uma', 10_000),
    );
    await signInOn(page, 'uma');
    await chatRow(page, chatId!).click();
    const list = page.locator('#messages');
    const bubbles = page.locator('#messages > li[data-message-id]');
    await bubbles.filter({ hasText: `message 9999 in ${chatId}` }).waitFor();
    const firstId = () => bubbles.first().getAttribute('data-message-id');
    let pages = 0;
    while ((await list.getAttribute('data-has-older')) === 'true') {
      const before = await firstId();
      await list.evaluate((el) => {
        el.scrollTop = 0;
        el.dispatchEvent(new Event('scroll'));
      });
      await page.waitForFunction(
        (before) =>
          document.querySelector('#messages > li[data-message-id]')?.getAttribute('data-message-id') !== before,
        before,
      );
      expect(await bubbles.count()).toBeLessThanOrEqual(300);
      pages++;
    }
    await bubbles
      .first()
      .filter({ hasText: `message 0 in ${chatId}` })
      .waitFor();
    expect(pages).toBeGreaterThanOrEqual(99);
    expect(await list.getAttribute('data-has-newer')).toBe('true');
    await screenshot(page, '8-oldest-of-10000');

    // And forward again: a newer page comes in at the bottom, the oldest bubbles leave.
    const lastBefore = await bubbles.last().getAttribute('data-message-id');
    await list.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
    });
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('#messages > li[data-message-id]')].at(-1)?.getAttribute('data-message-id') !==
        before,
      lastBefore,
    );
    expect(await bubbles.count()).toBeLessThanOrEqual(300);
    expect(await list.getAttribute('data-has-older')).toBe('true');
    await context.close();
  });

  it('draws its icons as SVG (no emoji in the page chrome: this machine has no emoji font)', async () => {
    const found = await alice.evaluate(() => {
      // Message text and quotes are what users wrote; everything else is the app's own.
      const skip = (node: Node) => node.parentElement?.closest('.text, .quote, title, script, style') !== null;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const emoji: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!skip(node) && /\p{Extended_Pictographic}/u.test(node.textContent ?? ''))
          emoji.push(node.textContent ?? '');
      }
      return { emoji, icons: document.querySelectorAll('svg.icon').length };
    });
    expect(found.emoji).toEqual([]);
    expect(found.icons).toBeGreaterThan(10);
    await screenshot(alice, '9-alice-icons');
  });

  it('raised no uncaught error in any page, and every request succeeded (a favicon too)', () => {
    expect(pageErrors).toEqual([]);
    expect(httpErrors).toEqual([]);
  });
});

describe('idbClientStore in Chromium', () => {
  let channels: HarnessChannels;
  let context: BrowserContext;
  let harness: HarnessPage;
  let counter = 0;

  beforeAll(async () => {
    channels = await HarnessChannels.start(harnessScript);
    context = await browser.newContext();
    harness = await harnessPage(channels, context);
  });
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

async function bundle(entry: string, format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const result = await build({
    absWorkingDir: webChatDir,
    entryPoints: [entry],
    bundle: true,
    format,
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
