import { parseMembers } from '../groups.js';
import { byId } from './dom.js';

/**
 * The sidebar's "New group" form: checks the name and member names, then calls `create`; shows
 * its error, or clears and closes the form once the group exists.
 */
export function setUpNewGroupForm(self: string, create: (name: string, members: string[]) => Promise<void>): void {
  const form = byId('new-group', HTMLFormElement);
  const nameInput = byId('new-group-name', HTMLInputElement);
  const membersInput = byId('new-group-members', HTMLInputElement);
  const error = byId('new-group-error', HTMLElement);
  form.onsubmit = (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    const parsed = parseMembers(membersInput.value, self);
    if (!name) error.textContent = 'Give the group a name.';
    else if ('error' in parsed) error.textContent = parsed.error;
    else {
      error.textContent = 'Creating…';
      create(name, parsed.members).then(
        () => {
          error.textContent = '';
          form.reset();
          byId('new-group-box', HTMLDetailsElement).open = false;
        },
        (cause: unknown) => {
          error.textContent = `Not created: ${(cause as Error).message}`;
        },
      );
    }
  };
}
