// Links in message text: only http and https URLs become links (never javascript:, data: or any
// other scheme), so a message cannot run script or open a local file when clicked.

/** A run of message text: plain, or a link to `href`. */
export type TextPart = { text: string } | { text: string; href: string };

// A URL runs to the next space or angle bracket; trailing punctuation stays out of it ("see x.org.").
const URL_LIKE = /\bhttps?:\/\/[^\s<>"]+/giu;
const TRAILING = /[.,;:!?)\]}'"]+$/u;

/** Splits `text` into plain runs and http(s) links, in order; joined, the parts give `text` back. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    const raw = match[0].replace(TRAILING, '');
    const start = match.index;
    const href = safeHref(raw);
    if (!href) continue;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: raw, href });
    at = start + raw.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The normalised URL when it is a valid http or https URL with a host; undefined otherwise. */
export function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
