// Journey: uma's browser holds 10,000 messages of one chat (seeded into its IndexedDB before she
// signs in); she scrolls back to the first and forward again, never with more than 300 bubbles.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../harness/bundle.js';
import { chatRow, signInOn } from '../harness/chat-page.js';
import type { SeedPage } from '../harness/seed-page.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { openChat, screenshot } = world;

describe('web chat in Chromium: a long history', () => {
  let seedScript: string;

  beforeAll(async () => {
    seedScript = await bundle('test/harness/seed-page.ts', 'iife');
  }, 60_000);

  it('scrolls back through 10,000 messages of a chat, keeping at most 300 bubbles in the page', async () => {
    const context = await world.browser().newContext();
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

  world.itRaisedNoPageErrors();
});
