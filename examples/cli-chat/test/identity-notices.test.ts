import { describe, expect, it } from 'vitest';
import {
  renderDeviceFlagged,
  renderDevicesChanged,
  renderIdentityChanged,
  renderSafetyNumber,
} from '../src/identity-notices.js';
import { parseLine } from '../src/parse-line.js';

describe('identity notices', () => {
  it('reads /safety name', () => {
    expect(parseLine('/safety bob')).toEqual({ kind: 'safety', user: 'bob' });
    expect(parseLine('/sn  bob ')).toEqual({ kind: 'safety', user: 'bob' });
    expect(parseLine('/safety')).toMatchObject({ kind: 'error' });
  });

  it('shows a safety number as 12 groups of 5 digits', () => {
    const digits = Array.from({ length: 60 }, (_, i) => String(i % 10)).join('');
    const lines = renderSafetyNumber('bob', digits).split('\n');
    expect(lines[0]).toContain('bob');
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      '01234 56789 01234 56789',
      '01234 56789 01234 56789',
      '01234 56789 01234 56789',
    ]);
  });

  it('says what changed and escapes names from the network', () => {
    expect(renderIdentityChanged('bob', 0, false)).toContain("bob's account key changed");
    expect(renderIdentityChanged('bob', 7, false)).toContain("device 7's key changed");
    expect(renderDevicesChanged('bob', [5], [], false)).toContain('new device 5');
    expect(renderDeviceFlagged('bo\u001b[2Jb', 4242, 'no signed record', false)).toContain('bo\\x1b[2Jb');
  });
});
