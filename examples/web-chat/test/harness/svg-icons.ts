// Runs in Node: the check that a page draws its own chrome with SVG icons, never emoji (this
// machine, like many, has no emoji font).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { WebChatWorld } from './web-chat-world.js';

/**
 * Registers the test on the page `page()` returns when it runs: no emoji outside what users wrote,
 * and more than ten SVG icons.
 */
export function itDrawsIconsAsSvg(world: WebChatWorld, page: () => Page, screenshotName?: string): void {
  it('draws its icons as SVG (no emoji in the page chrome: this machine has no emoji font)', async () => {
    const found = await page().evaluate(() => {
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
    if (screenshotName) await world.screenshot(page(), screenshotName);
  });
}
