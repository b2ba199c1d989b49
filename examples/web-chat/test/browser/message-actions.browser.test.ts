// Journey: in a chat between alice and bob, bob replies to a message and alice reacts to the
// reply; alice edits a message, deletes one for everyone and turns on disappearing messages.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { outgoing, send, startChatWith } from '../harness/chat-page.js';
import { itDrawsIconsAsSvg } from '../harness/svg-icons.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { screenshot } = world;

describe('web chat in Chromium: message actions', () => {
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    [{ page: alice }, { page: bob }] = await world.signInNewProfiles('alice', 'bob');
    // Each has the chat with the other open.
    await startChatWith(alice, 'bob');
    await startChatWith(bob, 'alice');
  }, 60_000);

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

  itDrawsIconsAsSvg(world, () => alice);
  world.itRaisedNoPageErrors();
});
