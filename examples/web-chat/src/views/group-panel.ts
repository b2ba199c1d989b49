import type { GroupInfo } from '../groups.js';
import { byId, h } from './dom.js';

export interface GroupPanelHandlers {
  onAdd(userId: string): void;
  onRemove(userId: string): void;
  onLeave(): void;
}

/**
 * The "Manage group" panel of an open group chat: its members (with their role), a form to add a
 * member, Leave; admins also get a Remove button per member. The header's Manage button toggles it.
 */
export class GroupPanelView {
  private readonly toggle = byId('manage-group', HTMLButtonElement);
  private readonly panel = byId('group-panel', HTMLElement);
  private readonly members = byId('group-members', HTMLUListElement);
  private readonly addInput = byId('group-add-user', HTMLInputElement);
  private readonly error = byId('group-error', HTMLElement);

  constructor(handlers: GroupPanelHandlers) {
    this.toggle.addEventListener('click', () => this.setOpen(this.panel.hidden));
    byId('group-add', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      const userId = this.addInput.value.trim().toLowerCase();
      if (!userId) return;
      this.addInput.value = '';
      handlers.onAdd(userId);
    });
    byId('group-leave', HTMLButtonElement).addEventListener('click', () => handlers.onLeave());
    this.members.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-remove]');
      if (button?.dataset.remove) handlers.onRemove(button.dataset.remove);
    });
  }

  /** Shows the Manage button for `group` (hides button and panel when undefined: a 1:1 chat). */
  show(group: GroupInfo | undefined, self: string): void {
    this.toggle.hidden = !group;
    if (!group) {
      this.setOpen(false);
      return;
    }
    const admin = group.members.some((m) => m.userId === self && m.role === 'admin');
    this.members.replaceChildren(
      ...group.members.map((m) =>
        h(
          'li',
          { 'data-member': m.userId },
          h('span', {}, m.userId === self ? `${m.userId} (you)` : m.userId),
          m.role === 'admin' ? h('span', { class: 'role' }, ' admin') : undefined,
          admin && m.userId !== self
            ? h('button', { type: 'button', 'data-remove': m.userId, 'aria-label': `Remove ${m.userId}` }, 'Remove')
            : undefined,
        ),
      ),
    );
    byId('group-add', HTMLFormElement).hidden = !admin || !group.isMember;
    byId('group-leave', HTMLButtonElement).hidden = !group.isMember;
  }

  showError(text: string): void {
    this.error.textContent = text;
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (!open) this.error.textContent = '';
  }
}
