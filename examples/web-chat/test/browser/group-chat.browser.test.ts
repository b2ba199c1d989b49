// Journey: alice creates a group with bob and carol (a Node client) in the UI; messages from all
// three appear everywhere with sender names; group ticks turn blue once every member read; the
// manage panel differs for admin and member; bob leaves and alice's header follows.
import type { ParleyClient } from '@parley/client';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BLUE, chatRow, GREY, incoming, outgoing, peerStatus, send, tickColor } from '../harness/chat-page.js';
import { itDrawsIconsAsSvg } from '../harness/svg-icons.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { screenshot } = world;

describe('web chat in Chromium: a group chat', () => {
  let alice: Page;
  let bob: Page;
  let carol: ParleyClient;

  beforeAll(async () => {
    carol = world.nodeClient('carol');
    [[{ page: alice }, { page: bob }]] = await Promise.all([world.signInNewProfiles('alice', 'bob'), carol.connect()]);
  }, 60_000);

  it('3. alice creates a group with bob and carol; messages from all three appear everywhere', async () => {
    const carolGot: Array<{ chatId: string; from: string; text: string }> = [];
    carol.on('message:received', (m) => {
      if (m.content.kind === 'text') carolGot.push({ chatId: m.chatId, from: m.from.userId, text: m.content.text });
    });
    await alice.getByText('New group').click();
    await alice.getByLabel('Group name').fill('Team');
    await alice.getByLabel('Members', { exact: true }).fill('bob, carol');
    await alice.getByRole('button', { name: 'Create group' }).click();
    await alice.locator('#peer-name', { hasText: 'Team' }).waitFor();
    await peerStatus(alice, 'You, bob, carol').waitFor();
    const groupId = (await alice
      .locator('button[data-kind="group"][aria-current="true"]')
      .getAttribute('data-chat-id'))!;
    expect(groupId).toBeTruthy();

    await send(alice, 'hello team');
    await chatRow(bob, groupId).locator('.unread', { hasText: '1' }).waitFor();
    expect(await chatRow(bob, groupId).locator('.name').textContent()).toContain('Team');
    expect(await chatRow(bob, groupId).locator('.preview').textContent()).toBe('alice: hello team');
    await chatRow(bob, groupId).click();
    await peerStatus(bob, 'You, alice, carol').waitFor();
    await bob
      .locator('li[data-direction="in"]', { hasText: 'hello team' })
      .locator('.sender', { hasText: 'alice' })
      .waitFor();
    await vi.waitFor(() => expect(carolGot).toContainEqual({ chatId: groupId, from: 'alice', text: 'hello team' }), {
      timeout: 15_000,
    });

    await send(bob, 'hi from bob');
    await carol.sendText(groupId, 'hi from carol');
    for (const [page, name] of [
      [alice, 'alice'],
      [bob, 'bob'],
    ] as const) {
      await page
        .locator('li[data-direction="in"]', { hasText: 'hi from carol' })
        .locator('.sender', { hasText: 'carol' })
        .waitFor();
      if (name === 'alice') {
        await page
          .locator('li[data-direction="in"]', { hasText: 'hi from bob' })
          .locator('.sender', { hasText: 'bob' })
          .waitFor();
      }
    }
    await vi.waitFor(() => expect(carolGot).toContainEqual({ chatId: groupId, from: 'bob', text: 'hi from bob' }), {
      timeout: 15_000,
    });
    // bob and carol wrote at the same time: either may come first, each exactly once.
    expect((await incoming(alice).allTextContents()).sort()).toEqual(['hi from bob', 'hi from carol']);

    // Ticks from `by: '*'` receipts: grey until every member read it, blue once carol reads too.
    const hello = outgoing(alice, 'hello team', 'delivered');
    await hello.waitFor();
    expect(await tickColor(hello)).toBe(GREY);
    const helloId = (await hello.getAttribute('data-message-id'))!;
    await carol.markRead(groupId, [helloId]);
    const read = outgoing(alice, 'hello team', 'read');
    await read.waitFor();
    expect(await tickColor(read)).toBe(BLUE);

    // The manage panel: alice (admin) may remove members, bob may not.
    await alice.getByRole('button', { name: 'Manage group' }).click();
    await alice.locator('#group-members li').nth(2).waitFor();
    expect(await alice.getByRole('button', { name: 'Remove bob' }).count()).toBe(1);
    await bob.getByRole('button', { name: 'Manage group' }).click();
    await bob.locator('#group-members li').nth(2).waitFor();
    expect(await bob.locator('#group-members button').count()).toBe(0);
    await Promise.all([screenshot(alice, '3-alice-group'), screenshot(bob, '3-bob-group')]);

    // bob leaves: alice's header and member list follow the verified change (group:updated).
    await bob.getByRole('button', { name: 'Leave group' }).click();
    await peerStatus(bob, 'You are no longer a member').waitFor();
    expect(await bob.getByLabel('Message', { exact: true }).isDisabled()).toBe(true);
    await peerStatus(alice, /^You, carol$/).waitFor();
    expect(await alice.locator('#group-members li').count()).toBe(2);
    await alice.getByRole('button', { name: 'Manage group' }).click();
  });

  itDrawsIconsAsSvg(world, () => alice);
  world.itRaisedNoPageErrors();
});
