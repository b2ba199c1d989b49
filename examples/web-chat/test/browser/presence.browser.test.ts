// Journey: petra sees quinn online, then typing… while he types, in the chat's header and in her
// chat list; when quinn's page closes she sees when he was last seen, and online when it reopens.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatRow, connected, peerStatus, startChatWith } from '../harness/chat-page.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { openChat, screenshot } = world;

describe('web chat in Chromium: presence and typing', () => {
  let bobProfile: BrowserContext;
  let petra: Page;
  let quinn: Page;

  beforeAll(async () => {
    [{ page: petra }, { profile: bobProfile, page: quinn }] = await world.signInNewProfiles('petra', 'quinn');
    // Each has the chat with the other open.
    await startChatWith(petra, 'quinn');
    await startChatWith(quinn, 'petra');
  }, 60_000);

  it('5. shows online, typing… and last seen in the header, and in the chat list', async () => {
    await peerStatus(petra, /^online$/).waitFor();
    await quinn.getByLabel('Message', { exact: true }).fill('I am typ');
    await peerStatus(petra, 'typing…').waitFor();
    await chatRow(petra, 'quinn').locator('.typing').waitFor();
    await screenshot(petra, '5-petra-sees-typing');
    await quinn.getByLabel('Message', { exact: true }).fill('');
    await peerStatus(petra, /^online$/).waitFor();
    expect(await chatRow(petra, 'quinn').locator('.typing').count()).toBe(0);
    await quinn.close();
    await peerStatus(petra, /^last seen today at \d\d:\d\d$/).waitFor();
    quinn = await openChat(bobProfile, 'quinn third');
    await connected(quinn);
    await peerStatus(petra, /^online$/).waitFor();
  });

  world.itRaisedNoPageErrors();
});
