// Journey: maya sends leon an image (rendered at its natural size, opened in the viewer), then a
// document with a caption and a voice note (a download link and a playable <audio>).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chatRow, send, startChatWith } from '../harness/chat-page.js';
import { itDrawsIconsAsSvg } from '../harness/svg-icons.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';
import { solidPng, toneWav } from '../media-fixtures.js';

const world = useWebChatWorld();
const { screenshot } = world;

describe('web chat in Chromium: images, documents and voice notes', () => {
  let maya: Page;
  let leon: Page;

  beforeAll(async () => {
    [{ page: maya }, { page: leon }] = await world.signInNewProfiles('maya', 'leon');
    // maya's list has the chat with leon (started, no message yet); leon's list is empty.
    await startChatWith(maya, 'leon');
  }, 60_000);

  it('4. maya sends an image and leon sees it rendered', async () => {
    await chatRow(maya, 'leon').click();
    await maya.locator('#peer-name', { hasText: 'leon' }).waitFor();
    await maya.locator('#attach-file').setInputFiles({
      name: 'square.png',
      mimeType: 'image/png',
      buffer: solidPng(120, 80, [11, 116, 222]),
    });
    // Picked files wait for a caption (none here) and Send.
    await maya.locator('#attachment-draft', { hasText: 'square.png' }).waitFor();
    await maya.getByRole('button', { name: 'Send' }).click();
    await chatRow(leon, 'maya').click();
    const image = leon.locator('li[data-direction="in"] figure.image img');
    await image.waitFor();
    const size = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([120, 80]);
    // maya's own bubble shows the file she picked (from memory), with the usual ticks.
    const own = maya.locator('li[data-direction="out"] figure.image img');
    await own.waitFor();
    const ownWidth = await own.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    });
    expect(ownWidth).toBe(120);
    await maya.locator('li[data-direction="out"][data-status="read"] figure.image').waitFor();
    await vi.waitFor(async () =>
      expect(await chatRow(maya, 'leon').locator('.preview').textContent()).toContain('Photo'),
    );
    // Without a caption, the time sits on the image: the bubble is no wider than the image.
    const bubbleWidth = await own.evaluate((img) => img.closest('li')!.getBoundingClientRect().width);
    expect(bubbleWidth).toBeLessThan(120 + 20);
    // A click opens the image viewer; Escape closes it.
    await image.click();
    await leon.locator('#image-viewer[open] img').waitFor();
    await screenshot(leon, '4-leon-image-viewer');
    await leon.keyboard.press('Escape');
    await leon.locator('#image-viewer:not([open])').waitFor({ state: 'attached' });
    // A document with a caption and a voice note: a link, and an <audio> that loads (the page's CSP
    // allows blob: media). The caption typed goes with the first file.
    await maya.locator('#attach-file').setInputFiles([
      { name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from('the plan') },
      { name: 'note.wav', mimeType: 'audio/wav', buffer: toneWav(300) },
    ]);
    await send(maya, 'here is the plan');
    const audio = leon.locator('li[data-direction="in"] figure.voice audio');
    await audio.waitFor();
    await leon.waitForFunction((el) => (el as HTMLAudioElement).readyState >= 1, await audio.elementHandle());
    expect(await audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeCloseTo(0.3, 1);
    const link = leon.locator('li[data-direction="in"] figure.document a[download="plan.txt"]');
    await link.waitFor();
    expect(await link.textContent()).toBe('plan.txt (8 B)');
    await leon.locator('li[data-direction="in"] figure.document figcaption', { hasText: 'here is the plan' }).waitFor();
    await Promise.all([screenshot(maya, '4-maya-image'), screenshot(leon, '4-leon-image')]);
  });

  itDrawsIconsAsSvg(world, () => maya, '9-maya-icons');
  world.itRaisedNoPageErrors();
});
