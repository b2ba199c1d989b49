// Runs in Node: makes a headless page believe its tab is hidden, with notifications it records.
import type { Page } from 'playwright-core';

/** What the fake Notification API keeps in the page. */
export interface FakeNotifications {
  shownNotifications: Array<{ title: string; body: string | undefined }>;
}

/**
 * Makes the page believe its tab is hidden (or visible again), with a Notification API that
 * records instead of showing: headless pages are always visible and cannot show notifications.
 */
export async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    const g = globalThis as unknown as FakeNotifications & { Notification: unknown };
    if (!g.shownNotifications) {
      const shown: FakeNotifications['shownNotifications'] = [];
      g.shownNotifications = shown;
      g.Notification = class {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: unknown = null;
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body });
        }
        close() {}
      };
    }
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
