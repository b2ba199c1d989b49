// Journey: greta creates a group with felix and wanda (a Node client) in the UI; messages from all
// three appear everywhere with sender names; group ticks turn blue once every member read; the
// manage panel differs for admin and member; felix leaves and greta's header follows.
import type { ParleyClient } from '@parley/client';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BLUE, chatRow, GREY, incoming, outgoing, peerStatus, send, tickColor } from '../harness/chat-page.js';
import { itDrawsIconsAsSvg } from '../harness/svg-icons.js';
import { useWebChatWorld } from '../harness/web-chat-world.js';

const world = useWebChatWorld();
const { screenshot } = world;

describe('web chat in Chromium: a group chat', () => {
  let greta: Page;
  let felix: Page;
  let wanda: ParleyClient;

  beforeAll(async () => {
    wanda = world.nodeClient('wanda');
    [[{ page: greta }, { page: felix }]] = await Promise.all([
      world.signInNewProfiles('greta', 'felix'),
      wanda.connect(),
    ]);
  }, 60_000);

  it('3. greta creates a group with felix and wanda; messages from all three appear everywhere', async () => {
    const carolGot: Array<{ chatId: string; from: string; text: string }> = [];
    wanda.on('message:received', (m) => {
      if (m.content.kind === 'text') carolGot.push({ chatId: m.chatId, from: m.from.userId, text: m.content.text });
    });
    await greta.getByText('New group').click();
    await greta.getByLabel('Group name').fill('Team');
    await greta.getByLabel('Members', { exact: true }).fill('felix, wanda');
    await greta.getByRole('button', { name: 'Create group' }).click();
    await greta.locator('#peer-name', { hasText: 'Team' }).waitFor();
    await peerStatus(greta, 'You, felix, wanda').waitFor();
    const groupId = (await greta
      .locator('button[data-kind="group"][aria-current="true"]')
      .getAttribute('data-chat-id'))!;
    expect(groupId).toBeTruthy();

    await send(greta, 'hello team');
    await chatRow(felix, groupId).locator('.unread', { hasText: '1' }).waitFor();
    expect(await chatRow(felix, groupId).locator('.name').textContent()).toContain('Team');
    expect(await chatRow(felix, groupId).locator('.preview').textContent()).toBe('greta: hello team');
    await chatRow(felix, groupId).click();
    await peerStatus(felix, 'You, greta, wanda').waitFor();
    await felix
      .locator('li[data-direction="in"]', { hasText: 'hello team' })
      .locator('.sender', { hasText: 'greta' })
      .waitFor();
    await vi.waitFor(() => expect(carolGot).toContainEqual({ chatId: groupId, from: 'greta', text: 'hello team' }), {
      timeout: 15_000,
    });

    await send(felix, 'hi from felix');
    await wanda.sendText(groupId, 'hi from wanda');
    for (const [page, name] of [
      [greta, 'greta'],
      [felix, 'felix'],
    ] as const) {
      await page
        .locator('li[data-direction="in"]', { hasText: 'hi from wanda' })
        .locator('.sender', { hasText: 'wanda' })
        .waitFor();
      if (name === 'greta') {
        await page
          .locator('li[data-direction="in"]', { hasText: 'hi from felix' })
          .locator('.sender', { hasText: 'felix' })
          .waitFor();
      }
    }
    await vi.waitFor(() => expect(carolGot).toContainEqual({ chatId: groupId, from: 'felix', text: 'hi from felix' }), {
      timeout: 15_000,
    });
    // felix and wanda wrote at the same time: either may come first, each exactly once.
    expect((await incoming(greta).allTextContents()).sort()).toEqual(['hi from felix', 'hi from wanda']);

    // Ticks from `by: '*'` receipts: grey until every member read it, blue once wanda reads too.
    const hello = outgoing(greta, 'hello team', 'delivered');
    await hello.waitFor();
    expect(await tickColor(hello)).toBe(GREY);
    const helloId = (await hello.getAttribute('data-message-id'))!;
    await wanda.markRead(groupId, [helloId]);
    const read = outgoing(greta, 'hello team', 'read');
    await read.waitFor();
    expect(await tickColor(read)).toBe(BLUE);

    // The manage panel: greta (admin) may remove members, felix may not.
    await greta.getByRole('button', { name: 'Manage group' }).click();
    await greta.locator('#group-members li').nth(2).waitFor();
    expect(await greta.getByRole('button', { name: 'Remove felix' }).count()).toBe(1);
    await felix.getByRole('button', { name: 'Manage group' }).click();
    await felix.locator('#group-members li').nth(2).waitFor();
    expect(await felix.locator('#group-members button').count()).toBe(0);
    await Promise.all([screenshot(greta, '3-greta-group'), screenshot(felix, '3-felix-group')]);

    // felix leaves: greta's header and member list follow the verified change (group:updated).
    await felix.getByRole('button', { name: 'Leave group' }).click();
    await peerStatus(felix, 'You are no longer a member').waitFor();
    expect(await felix.getByLabel('Message', { exact: true }).isDisabled()).toBe(true);
    await peerStatus(greta, /^You, wanda$/).waitFor();
    expect(await greta.locator('#group-members li').count()).toBe(2);
    await greta.getByRole('button', { name: 'Manage group' }).click();
  });

  itDrawsIconsAsSvg(world, () => greta);
  world.itRaisedNoPageErrors();
});
