// The web chat's icons, as inline SVG: emoji render as empty boxes on a machine without an emoji
// font, and an icon font or image files would cost a request each. Strokes use currentColor, so an
// icon takes the colour of the text around it.

const SVG = 'http://www.w3.org/2000/svg';

/** 24×24 stroke paths (round caps and joins), drawn for this app. */
const PATHS = {
  attach: 'M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9',
  mic: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z M5 11a7 7 0 0 0 14 0 M12 18v3 M8 21h8',
  group:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z M2.5 20a6.5 6.5 0 0 1 13 0 M16 4.3a3.5 3.5 0 0 1 0 6.4 M18 14.5a6.5 6.5 0 0 1 3.5 5.5',
  back: 'M19 12H5 M11 6l-6 6 6 6',
  reply: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 6 6v5',
  like: 'M7 10v11H3V10z M7 10l4-8a2.5 2.5 0 0 1 2.5 2.5V9h5.7a2 2 0 0 1 2 2.3l-1.4 8a2 2 0 0 1-2 1.7H7',
  edit: 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z',
  trash: 'M3 6h18 M8 6V4h8v2 M19 6l-1 14H6L5 6 M10 11v6 M14 11v6',
  deleted: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M5.6 5.6l12.8 12.8',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7v5l3 2',
  check: 'M4 12.5l5 5L20 6.5',
  checks: 'M1.5 12.5l5 5L17.5 6.5 M11 16.5l1 1L23 6.5',
  alert: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7.5v5.5 M12 16.5v.5',
  retry: 'M4 4v6h6 M4.5 15a8 8 0 1 0 1.9-8.3L4 10',
  close: 'M6 6l12 12 M18 6L6 18',
  timer: 'M12 22a8 8 0 1 0 0-16 8 8 0 0 0 0 16z M12 10v4l2 1.5 M9 2h6',
  photo: 'M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M15.5 9.5a1.5 1.5 0 1 0 0-.1',
  video: 'M3 6h12v12H3z M15 10l6-3.5v11L15 14',
  voice: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z M5 11a7 7 0 0 0 14 0 M12 18v3',
  document: 'M14 3H6v18h12V7z M14 3v4h4 M9 12h6 M9 16h6',
  send: 'M3 11.5L21 3l-8.5 18-2-7.5z M10.5 13.5L21 3',
  plug: 'M9 2v6 M15 2v6 M6 8h12v3a6 6 0 0 1-12 0z M12 17v5',
} as const;

export type IconName = keyof typeof PATHS;

/**
 * An icon. With `label` it is an image with that accessible name (`role="img"`, a <title> for the
 * tooltip); without, it is decoration next to a text that says the same (`aria-hidden`).
 */
export function icon(name: IconName, label?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = label;
    svg.append(title);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  svg.append(path);
  return svg;
}

/** Fills every `[data-icon]` placeholder of index.html with its icon. */
export function fillIcons(root: ParentNode): void {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-icon]')) {
    const name = slot.dataset.icon as IconName;
    if (name in PATHS) slot.replaceChildren(icon(name));
  }
}
