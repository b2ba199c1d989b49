// System notifications for messages that arrive while the tab is hidden. Permission is asked only
// from the "Enable notifications" button (browsers require a user gesture).

const supported = () => typeof Notification !== 'undefined';

/** Shows the button while the user has not decided yet; the click asks for permission. */
export function setUpPermissionButton(button: HTMLButtonElement): void {
  const refresh = () => {
    button.hidden = !supported() || Notification.permission !== 'default';
  };
  button.onclick = () => {
    void Notification.requestPermission().finally(refresh);
  };
  refresh();
}

/** Notifies about a message when the tab is hidden and the user allowed it; a click opens the chat. */
export function notifyMessage(from: string, text: string, open: () => void): void {
  if (!supported() || !document.hidden || Notification.permission !== 'granted') return;
  // One notification per chat: a newer message replaces the previous one.
  const notification = new Notification(from, { body: text, tag: `parley-chat:${from}` });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}
