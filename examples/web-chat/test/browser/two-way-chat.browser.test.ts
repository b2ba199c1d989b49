// Journey: alice and bob chat both ways in two browser profiles (grey ticks, then blue once read);
// bob's page is closed while alice sends five, which arrive in order once each when it reopens;
// alice reloads and finds her chat list and history as they were.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import {
  BLUE,
  chatRow,
  connected,
  GREY,
  incoming,
  outgoing,
  send,
  startChatWith,
  tickColor,
} from '../harness/chat-page.js';
import { itDrawsIconsAsSvg } from '../harness/svg-icons.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { openChat, signIn, screenshot } = world;

describe('web chat in Chromium: alice and bob chat', () => {
  let aliceProfile: BrowserContext;
  let bobProfile: BrowserContext;
  let alice: Page;
  let bob: Page;

  it('1. alice and bob chat both ways; ticks are grey until bob opens the chat, then blue', async () => {
    aliceProfile = await world.browser().newContext();
    bobProfile = await world.browser().newContext();
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

  itDrawsIconsAsSvg(world, () => alice);
  world.itRaisedNoPageErrors();
});
