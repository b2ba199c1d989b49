// Attachments from the composer: picked files (the typed caption on the first) and recorded voice
// notes go to the client in pick order, each shown at once from memory as a pending bubble.
import type { ParleyClient } from '@parley/client';
import { kindOf } from '../media-info.js';
import { MediaSends, type OutgoingMedia } from '../media-sends.js';
import type { MediaUrls } from '../media-urls.js';
import type { ConversationView } from '../views/conversation.js';
import { notSentReason } from './composer.js';
import type { ConversationController } from './conversation-controller.js';
import type { SerialQueue } from './serial-queue.js';

export interface MediaComposerParts {
  client: ParleyClient;
  view: ConversationView;
  queue: SerialQueue;
  conversation: ConversationController;
  media: MediaUrls;
}

export class MediaComposer {
  private readonly sends: MediaSends;

  constructor(private readonly parts: MediaComposerParts) {
    this.sends = new MediaSends(parts.client);
  }

  /** Files picked with the attach button, sent together with one caption. */
  sendFiles(files: File[], caption: string): void {
    for (const [i, file] of files.entries()) {
      this.sendFile(file, {
        kind: kindOf(file.type),
        mimeType: file.type,
        // One caption for what was sent together: on the first file.
        ...(i === 0 && caption ? { caption } : {}),
      });
    }
  }

  /** Sends a picked file or a recording; its bubble shows as soon as the client queued it. */
  sendFile(file: Blob, meta: OutgoingMedia): void {
    const { view, queue, conversation, media } = this.parts;
    const chatId = view.openChatId;
    if (!chatId) return;
    const fileName = file instanceof File ? file.name : undefined;
    view.showError('');
    this.sends.send(chatId, file, { ...meta, ...(fileName ? { fileName } : {}) }).then(
      (handle) =>
        queue.run(async () => {
          // This tab shows its own file from memory, also before the upload is done.
          media.remember(handle.id, file);
          conversation.showQueued(handle);
        }),
      (error: unknown) => view.showError(notSentReason(error, chatId)),
    );
  }
}
