import { describe, expect, it } from 'vitest';
import {
  formatTime,
  renderFailed,
  renderMedia,
  renderMessage,
  renderReceipt,
  renderSent,
  renderState,
  sanitize,
} from '../src/render.js';

const at = new Date(2025, 0, 2, 9, 5).getTime();

describe('render', () => {
  it('formats an incoming message as [HH:MM] sender: text', () => {
    expect(formatTime(at)).toBe('09:05');
    expect(renderMessage({ from: 'bob', chatId: 'bob', text: 'hi', time: at, outgoing: false })).toBe(
      '[09:05] bob: hi',
    );
    expect(renderMessage({ from: 'alice', chatId: 'bob', text: 'hi', time: at, outgoing: true })).toBe(
      '[09:05] alice → bob: hi',
    );
  });

  it('neutralizes terminal control sequences from the network and indents continuation lines', () => {
    expect(sanitize('a\u001b[2Jb\rc\u0007')).toBe('a\\x1b[2Jb\\x0dc\\x07');
    expect(sanitize('tab\tand émoji 👋')).toBe('tab\tand émoji 👋');
    expect(renderMessage({ from: 'bob', chatId: 'bob', text: 'one\ntwo', time: at, outgoing: false })).toBe(
      '[09:05] bob: one\n        two',
    );
  });

  it('shows sends and failures with a short id', () => {
    const id = '0190b5a2-7c1e-7abc-8def-0123456789ab';
    expect(renderSent(id, 'bob')).toBe('✓ sent to bob (456789ab)');
    expect(renderFailed(id, 'carol', 'UNKNOWN_RECIPIENT', 'no such user')).toBe(
      '✗ not sent to carol (456789ab): UNKNOWN_RECIPIENT: no such user (nobody has signed in with that name yet)',
    );
  });

  it('names the group of a group message, and shows files and ticks', () => {
    const at = new Date(2026, 0, 1, 9, 5).getTime();
    const id = '0190b5a2-7c1e-7abc-8def-0123456789ab';
    expect(
      renderMessage({ from: 'quinn', chatId: id, groupName: 'Dinner crew', text: 'hello', time: at, outgoing: false }),
    ).toBe('[09:05] [Dinner crew] quinn: hello');
    expect(renderMedia({ kind: 'image', fileName: 'view.jpg', size: 2048, caption: 'the view', id })).toBe(
      '[image view.jpg, 2.0 KB] the view (/save 456789ab)',
    );
    expect(renderReceipt(id, 'delivered', 'bob', 'bob', false)).toBe('✓✓ delivered to bob (456789ab)');
    expect(renderReceipt(id, 'read', '*', '[Team]', false)).toBe('✓✓ read by everyone in [Team] (456789ab)');
    expect(renderReceipt(id, 'read', 'bob', 'bob', true)).toBe('\u001b[34m✓✓ read by bob (456789ab)\u001b[39m');
  });

  it('dims status lines only when asked to', () => {
    expect(renderState('connected', undefined, 'ws://h:1', false)).toBe('-- connected to ws://h:1');
    expect(renderState('reconnecting', 'socket closed (1006)', 'ws://h:1', true)).toBe(
      '\u001b[2m-- reconnecting (socket closed (1006))…\u001b[22m',
    );
  });
});
