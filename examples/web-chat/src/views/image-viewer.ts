import { byId, h } from './dom.js';
import { icon } from './icons.js';

/**
 * Shows an image of the conversation full size in a modal <dialog> (click an image to open;
 * Escape, the close button or a click beside the image closes it).
 */
export function setUpImageViewer(): void {
  const dialog = byId('image-viewer', HTMLDialogElement);
  const close = h('button', { type: 'button', class: 'icon-button close', 'aria-label': 'Close' }, icon('close'));
  const image = h('img', { alt: '' });
  const caption = h('p', { class: 'viewer-caption' });
  dialog.replaceChildren(close, image, caption);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => image.removeAttribute('src'));
  const open = (event: Event) => {
    const shown = (event.target as Element | null)?.closest<HTMLImageElement>('figure.image img');
    if (!shown || (event instanceof KeyboardEvent && event.key !== 'Enter')) return;
    image.src = shown.src;
    image.alt = shown.alt;
    caption.textContent = shown.closest('figure')?.querySelector('figcaption')?.textContent ?? '';
    dialog.showModal();
    close.focus();
  };
  const messages = byId('messages', HTMLOListElement);
  messages.addEventListener('click', open);
  messages.addEventListener('keydown', open);
}
