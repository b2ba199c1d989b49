// Journey: ursula writes to zed, who never signed in: the chat says so, the message fails with a
// Retry button (its link safe to open), and Retry sends it once zed has signed in.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatRow, outgoing, send, startChatWith } from '../harness/chat-page.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { signIn, screenshot } = world;

describe('web chat in Chromium: a chat partner who never signed in', () => {
  let ursula: Page;

  beforeAll(async () => {
    [{ page: ursula }] = await world.signInNewProfiles('ursula');
  }, 60_000);

  it('says when a chat partner has never signed in, marks the message failed, and Retry sends it once they have', async () => {
    await startChatWith(ursula, 'zed');
    await ursula.locator('#chat-error', { hasText: 'zed has not signed in yet' }).waitFor();
    await send(ursula, 'anyone there? https://example.org/plan');
    const failed = outgoing(ursula, 'anyone there?', 'failed');
    await failed.waitFor();
    await ursula.locator('#chat-error', { hasText: 'Not sent' }).waitFor();
    // The URL in it is a link that opens in a new tab without access to this one.
    const link = failed.getByRole('link', { name: 'https://example.org/plan' });
    expect(await link.getAttribute('href')).toBe('https://example.org/plan');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await screenshot(ursula, 'failed-send-retry');

    // The server refused it (zed had no device); once zed signed in, Retry sends the same message.
    const zedProfile = await world.browser().newContext();
    const zed = await signIn(zedProfile, 'zed');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await outgoing(ursula, 'anyone there?', 'delivered').waitFor();
    await chatRow(zed, 'ursula').click();
    await zed.locator('li[data-direction="in"]', { hasText: 'anyone there?' }).waitFor();
    await outgoing(ursula, 'anyone there?', 'read').waitFor();
    expect(await outgoing(ursula, 'anyone there?').count()).toBe(1);
    expect(await zed.locator('li[data-direction="in"]').count()).toBe(1);
    await zedProfile.close();
  });

  world.itRaisedNoPageErrors();
});
