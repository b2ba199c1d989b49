// Runs in Node: what harness/global-setup.ts started for the whole run, as each browser test file
// sees it (through vitest's provide/inject).
import { inject } from 'vitest';

/** The shared reference server's addresses. */
export interface SharedServer {
  /** ws://host:port */
  url: string;
  /** http://host:port */
  httpUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webChatServer: SharedServer;
    /** Where the shared Chromium listens for connections (playwright's `connect`). */
    chromiumEndpoint: string;
  }
}

/** The reference server every browser test file shares (each file signs in its own user names). */
export function sharedServer(): SharedServer {
  return inject('webChatServer');
}

export function chromiumEndpoint(): string {
  return inject('chromiumEndpoint');
}
