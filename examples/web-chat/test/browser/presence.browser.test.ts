// Journey: alice sees bob online, then typing… while he types, in the chat's header and in her
// chat list; when bob's page closes she sees when he was last seen, and online when it reopens.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatRow, connected, peerStatus, startChatWith } from '../harness/chat-page.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { openChat, screenshot } = world;

describe('web chat in Chromium: presence and typing', () => {
  let bobProfile: BrowserContext;
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    [{ page: alice }, { profile: bobProfile, page: bob }] = await world.signInNewProfiles('alice', 'bob');
    // Each has the chat with the other open.
    await startChatWith(alice, 'bob');
    await startChatWith(bob, 'alice');
  }, 60_000);

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

  world.itRaisedNoPageErrors();
});
