// Journey: in a chat between rosa and theo, theo replies to a message and rosa reacts to the
// reply; rosa edits a message, deletes one for everyone and turns on disappearing messages.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { outgoing, send, startChatWith } from '../harness/chat-page.js';
import { itDrawsIconsAsSvg } from '../harness/svg-icons.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { screenshot } = world;

describe('web chat in Chromium: message actions', () => {
  let rosa: Page;
  let theo: Page;

  beforeAll(async () => {
    [{ page: rosa }, { page: theo }] = await world.signInNewProfiles('rosa', 'theo');
    // Each has the chat with the other open.
    await startChatWith(rosa, 'theo');
    await startChatWith(theo, 'rosa');
  }, 60_000);

  it('6. theo replies and rosa reacts; rosa edits, deletes for everyone and turns on disappearing messages', async () => {
    await send(rosa, 'lunch at 12?');
    const question = theo.locator('li[data-direction="in"]', { hasText: 'lunch at 12?' });
    await question.getByRole('button', { name: 'Reply' }).click();
    await theo.locator('#composer-mode', { hasText: 'Replying to: lunch at 12?' }).waitFor();
    await send(theo, 'yes!');
    const reply = rosa.locator('li[data-direction="in"]', { hasText: 'yes!' });
    await reply.locator('.quote', { hasText: 'rosa: lunch at 12?' }).waitFor();

    await reply.getByRole('button', { name: 'React with a thumbs up' }).click();
    await theo
      .locator('li[data-direction="out"]', { hasText: 'yes!' })
      .locator('.reaction[data-emoji="👍"]', { hasText: 'rosa' })
      .waitFor();

    await outgoing(rosa, 'lunch at 12?').getByRole('button', { name: 'Edit' }).click();
    await rosa.getByLabel('Message', { exact: true }).fill('lunch at 1?');
    await rosa.keyboard.press('Enter');
    const edited = theo.locator('li[data-direction="in"]', { hasText: 'lunch at 1?' });
    await edited.locator('.edited-mark').waitFor();
    expect(await theo.locator('li', { hasText: 'lunch at 12?' }).count()).toBe(1); // only the quote in theo's reply

    await send(rosa, 'oops, wrong chat');
    await theo.locator('li[data-direction="in"]', { hasText: 'oops, wrong chat' }).waitFor();
    await outgoing(rosa, 'oops, wrong chat').getByRole('button', { name: 'Delete for everyone' }).click();
    await theo.locator('li[data-direction="in"][data-deleted]', { hasText: 'This message was deleted' }).waitFor();
    await rosa.locator('li[data-direction="out"][data-deleted]').waitFor();
    expect(await theo.locator('li', { hasText: 'oops, wrong chat' }).count()).toBe(0);

    await rosa.getByLabel('Disappearing messages').selectOption('86400');
    await vi.waitFor(async () => expect(await theo.getByLabel('Disappearing messages').inputValue()).toBe('86400'));
    await Promise.all([screenshot(rosa, '6-rosa-actions'), screenshot(theo, '6-theo-actions')]);
  });

  itDrawsIconsAsSvg(world, () => rosa);
  world.itRaisedNoPageErrors();
});
