import { USER_NAME } from '../session.js';
import { byId } from './dom.js';
import { showScreen } from './screens.js';

/** Shows the sign-in form; `onSignIn` gets a valid user name. */
export function showSignIn(onSignIn: (userId: string) => void, error = ''): void {
  const form = byId('sign-in-form', HTMLFormElement);
  const input = byId('user-name', HTMLInputElement);
  const message = byId('sign-in-error', HTMLElement);
  message.textContent = error;
  input.setAttribute('aria-invalid', String(error !== ''));
  form.onsubmit = (event) => {
    event.preventDefault();
    const userId = input.value.trim().toLowerCase();
    if (!USER_NAME.test(userId)) {
      message.textContent =
        'Use 1 to 32 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.setAttribute('aria-invalid', 'false');
    message.textContent = '';
    onSignIn(userId);
  };
  showScreen('sign-in');
  input.focus();
}
