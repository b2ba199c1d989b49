// Runs in Node: what a user does on a web chat page, and where the tests look, in Playwright terms.
import type { Locator, Page } from 'playwright-core';

/** The colour of ticks not read yet, and of read ones. */
export const GREY = 'rgb(102, 119, 129)';
export const BLUE = 'rgb(11, 116, 222)';

/** Fills the sign-in form of a fresh page and waits until it is connected and ready. */
export async function signInOn(page: Page, user: string): Promise<Page> {
  await page.getByLabel('Your user name').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await connected(page);
  return page;
}

/** Connected, and the device's keys are published (before that, a message to it would fail). */
export const connected = (page: Page) => page.locator('#messenger[data-ready="true"]').waitFor();

export async function startChatWith(page: Page, peer: string): Promise<void> {
  await page.getByLabel('New chat with').fill(peer);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('#peer-name', { hasText: peer }).waitFor();
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
}

export const outgoing = (page: Page, text: string, status?: string) =>
  page.locator(`li[data-direction="out"]${status ? `[data-status="${status}"]` : ''}`, { hasText: text });
export const incoming = (page: Page) => page.locator('li[data-direction="in"] .text');
export const chatRow = (page: Page, peer: string) => page.locator(`button[data-chat-id="${peer}"]`);
export const peerStatus = (page: Page, text: string | RegExp) => page.locator('#peer-status', { hasText: text });
export const tickColor = (message: Locator) => message.locator('.ticks').evaluate((el) => getComputedStyle(el).color);
