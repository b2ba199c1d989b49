// Journey: olga opens the web chat in a second tab of the same profile: it waits ("open in
// another tab") and takes over, with her chats, when the first tab closes.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatRow, connected, outgoing, send, startChatWith } from '../harness/chat-page.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { openChat, screenshot } = world;

describe('web chat in Chromium: one tab per profile', () => {
  let aliceProfile: BrowserContext;
  let olga: Page;

  beforeAll(async () => {
    [{ profile: aliceProfile, page: olga }] = await world.signInNewProfiles('olga', 'oren');
    // olga has a chat with oren in her list (stored, so a new tab lists it too).
    await startChatWith(olga, 'oren');
    await send(olga, 'hi oren');
    await outgoing(olga, 'hi oren', 'delivered').waitFor();
  }, 60_000);

  it('runs one tab per profile: a second tab waits, then takes over when the first one closes', async () => {
    const second = await openChat(aliceProfile, 'olga second tab');
    await second.getByRole('heading', { name: 'Parley is open in another tab' }).waitFor();
    await screenshot(second, 'tabs-second-waits');
    expect(await second.locator('#messenger').isHidden()).toBe(true);
    await olga.close();
    await connected(second);
    await chatRow(second, 'oren').waitFor();
    olga = second;
  });

  world.itRaisedNoPageErrors();
});
