// The MIME types the web chat lets an attachment carry, per kind: a fixed allowlist, because the
// type of a received file is chosen by its sender. A Blob typed text/html or image/svg+xml, opened
// from its blob: URL in a tab, would render sender-controlled markup (and script) in the chat's
// origin; everything not listed is treated as an opaque download.
import type { MediaAttachment } from '@parley/client';

type MediaKind = MediaAttachment['kind'];

/** The type every document, and every attachment whose type is not allowed, is stored and shown as. */
export const OPAQUE_TYPE = 'application/octet-stream';

/** Types that render as media and never run script (no SVG, no HTML, no XML). Documents have none. */
const ALLOWED: Record<MediaKind, ReadonlySet<string>> = {
  image: new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/heic']),
  video: new Set(['video/mp4', 'video/webm', 'video/ogg', 'video/quicktime']),
  voice: new Set(['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/aac', 'audio/wav', 'audio/x-wav']),
  document: new Set(),
};

/** The type's essence: lowercase, without parameters (`audio/webm;codecs=opus` -> `audio/webm`). */
function essence(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The type to give a file of `kind` the app shows or downloads: the allowed essence, else opaque. */
export function safeMimeType(kind: MediaKind, mimeType: string): string {
  const type = essence(mimeType);
  return ALLOWED[kind].has(type) ? type : OPAQUE_TYPE;
}

/**
 * The kind and type to send a picked file as: a media kind only with an allowed type, else a
 * document (so an SVG or an odd audio type is offered as a download, not played or shown).
 */
export function outgoingType(kind: MediaKind, mimeType: string): { kind: MediaKind; mimeType: string } {
  const type = safeMimeType(kind, mimeType);
  return type === OPAQUE_TYPE ? { kind: 'document', mimeType: OPAQUE_TYPE } : { kind, mimeType: type };
}
