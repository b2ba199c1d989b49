import { byId } from './dom.js';

/** The top-level screens of index.html; exactly one is shown. */
export type Screen = 'loading' | 'sign-in' | 'waiting' | 'messenger';

const SCREENS: Screen[] = ['loading', 'sign-in', 'waiting', 'messenger'];

export function showScreen(screen: Screen): void {
  for (const id of SCREENS) byId(id, HTMLElement).hidden = id !== screen;
}
