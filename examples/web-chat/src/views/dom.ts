// A few DOM helpers, so views stay plain TypeScript without a framework.

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

/** Creates an element: `h('li', { class: 'chat', 'data-id': id }, h('span', {}, name))`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/** The element with this id, of the expected type; throws when index.html lacks it. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`index.html has no ${type.name} #${id}`);
  return element;
}

/** Says `text` through the page's polite live region (screen readers announce it). */
export function announce(text: string): void {
  const region = byId('announcer', HTMLElement);
  // A fresh node per message, so the same text twice is announced twice.
  region.replaceChildren(h('span', {}, text));
}
