// Object URLs of downloaded attachments for the open chat: each file is fetched and decrypted once
// (`client.downloadMedia`) and its URL revoked when the chat is left, so blobs do not pile up.

/** Loads the plaintext of a message's attachment. */
export type LoadMedia = (messageId: string) => Promise<Blob>;

export class MediaUrls {
  private urls = new Map<string, Promise<string>>();

  constructor(private readonly load: LoadMedia) {}

  /** An object URL for the attachment of `messageId` (downloaded on first use). */
  url(messageId: string): Promise<string> {
    let url = this.urls.get(messageId);
    if (!url) {
      url = this.load(messageId).then((blob) => URL.createObjectURL(blob));
      // A failed download may succeed later (e.g. once back online): do not cache the failure.
      url.catch(() => this.urls.delete(messageId));
      this.urls.set(messageId, url);
    }
    return url;
  }

  has(messageId: string): boolean {
    return this.urls.has(messageId);
  }

  /** Shows a file this tab already has (a sent attachment) without downloading it again. */
  remember(messageId: string, blob: Blob): void {
    if (!this.urls.has(messageId)) this.urls.set(messageId, Promise.resolve(URL.createObjectURL(blob)));
  }

  /** Revokes every URL (the chat was closed or switched). */
  revokeAll(): void {
    const urls = [...this.urls.values()];
    this.urls = new Map();
    for (const url of urls) void url.then(URL.revokeObjectURL, () => {});
  }
}
