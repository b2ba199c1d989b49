import { fileSize, type MediaInfo } from '../media-info.js';
import { h } from './dom.js';
import { icon } from './icons.js';

/** Where a bubble gets its attachment's object URL from (see media-urls.ts). */
export interface MediaSource {
  url(messageId: string): Promise<string>;
  /** Whether this tab has the file already (it sent it), so showing it needs no download. */
  has(messageId: string): boolean;
}

/**
 * The body of an attachment bubble: an inline image, a <video controls>, an <audio controls> for
 * voice, or a download link with name and size for documents; the caption below. The element is
 * returned at once and filled when the download is done (`data-media-state`: loading, ready, failed).
 */
export function attachment(messageId: string, media: MediaInfo, source: MediaSource): HTMLElement {
  const figure = h('figure', { class: `attachment ${media.kind}`, 'data-media-state': 'loading' });
  const holder = h('div', { class: 'media-body' }, media.kind === 'document' ? '' : 'Loading…');
  figure.append(holder);
  if (media.caption) figure.append(h('figcaption', { class: 'text' }, media.caption));
  void source.url(messageId).then(
    (url) => {
      holder.replaceChildren(body(url, media));
      figure.dataset.mediaState = 'ready';
    },
    () => {
      holder.textContent = 'The attachment could not be downloaded.';
      figure.dataset.mediaState = 'failed';
    },
  );
  return figure;
}

function body(url: string, media: MediaInfo): HTMLElement {
  const name = media.fileName ?? 'file';
  switch (media.kind) {
    case 'image':
      // A click opens it full size (image-viewer.ts).
      return h('img', {
        tabindex: 0,
        src: url,
        alt: media.caption ?? media.fileName ?? 'Photo',
        width: media.width,
        height: media.height,
      });
    case 'video':
      return h('video', { src: url, controls: true, preload: 'metadata', 'aria-label': media.caption ?? name });
    case 'voice':
      return h('audio', { src: url, controls: true, preload: 'metadata', 'aria-label': 'Voice message' });
    default:
      return h(
        'a',
        { href: url, download: name, class: 'document' },
        icon('document'),
        `${name} (${fileSize(media.size)})`,
      );
  }
}
