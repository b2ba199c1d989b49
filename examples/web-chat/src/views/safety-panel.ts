import { byId, h } from './dom.js';

// The "Safety number" panel of an open 1:1 chat: the 60 digits to compare with the peer (the same on
// every device of both users), and notices when the peer's account key or verified devices change.

/** A 60-digit safety number as 3 rows of 4 groups of 5 digits. */
export function safetyRows(digits: string): string[] {
  const groups = digits.match(/\d{5}/g) ?? [];
  return [0, 4, 8].map((i) => groups.slice(i, i + 4).join(' '));
}

/** What the client says about a user's identity, as a line for that user's open chat. */
export type IdentityNotice =
  | { kind: 'identity'; userId: string; deviceId: number }
  | { kind: 'devices'; userId: string; added: number[]; removed: number[] }
  | { kind: 'flagged'; userId: string; deviceId: number; reason: string };

export function identityNoticeText(notice: IdentityNotice): string {
  switch (notice.kind) {
    case 'identity':
      return notice.deviceId === 0
        ? `${notice.userId}'s account key changed. Compare safety numbers again.`
        : `${notice.userId}'s device ${notice.deviceId} has a new key. Compare safety numbers again.`;
    case 'devices': {
      const parts = [
        ...(notice.added.length ? [`added device ${notice.added.join(', ')}`] : []),
        ...(notice.removed.length ? [`removed device ${notice.removed.join(', ')}`] : []),
      ];
      return `${notice.userId} ${parts.join(' and ')} (signed by their own devices; the safety number stays).`;
    }
    case 'flagged':
      return `Refused a device of ${notice.userId} that the server lists but ${notice.userId} never added (${notice.reason}).`;
  }
}

export class SafetyPanelView {
  private readonly toggle = byId('show-safety', HTMLButtonElement);
  private readonly panel = byId('safety-panel', HTMLElement);
  private readonly digits = byId('safety-digits', HTMLElement);
  private peer: string | undefined;

  /** `load` fetches the number for a peer (rejects when there is none yet). */
  constructor(private readonly load: (userId: string) => Promise<string>) {
    this.toggle.addEventListener('click', () => void this.setOpen(this.panel.hidden));
  }

  /** Shows the button for a 1:1 chat with `peer`; hides button and panel otherwise. */
  show(peer: string | undefined): void {
    this.peer = peer;
    this.toggle.hidden = !peer;
    void this.setOpen(false);
  }

  private async setOpen(open: boolean): Promise<void> {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (!open || !this.peer) return;
    const peer = this.peer;
    this.digits.replaceChildren('…');
    try {
      const rows = safetyRows(await this.load(peer));
      if (this.peer === peer) this.digits.replaceChildren(...rows.map((row) => h('span', {}, row)));
    } catch {
      if (this.peer === peer) this.digits.replaceChildren(`No safety number with ${peer} yet.`);
    }
  }
}
