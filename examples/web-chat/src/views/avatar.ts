import { avatarHue, initials } from '../format.js';
import { h } from './dom.js';

/** A round avatar with the initials of a user or group name, in a colour that stays with the name. */
export function avatar(name: string): HTMLSpanElement {
  const face = h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(name));
  // Through the CSSOM: the page's CSP refuses inline style attributes.
  face.style.setProperty('--avatar-hue', String(avatarHue(name)));
  return face;
}
