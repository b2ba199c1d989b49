import { describe, expect, it } from 'vitest';
import { avatarHue, clockTime, dayLabel, initials, listTime, presenceLine, ticks } from '../src/format.js';
import { gatewayUrl, USER_NAME } from '../src/session.js';

const at = (iso: string) => new Date(iso).getTime();
const now = at('2026-03-10T15:30:00');

describe('formatting', () => {
  it('formats list times as today’s clock, yesterday, or a date', () => {
    expect(clockTime(at('2026-03-10T09:05:00'))).toBe('09:05');
    expect(listTime(at('2026-03-10T09:05:00'), now)).toBe('09:05');
    expect(listTime(at('2026-03-09T23:59:00'), now)).toBe('yesterday');
    expect(listTime(at('2026-03-01T12:00:00'), now)).not.toMatch(/:|yesterday/);
  });

  it('says typing before online, online before last seen, and nothing when unknown', () => {
    expect(presenceLine(undefined, now)).toBe('');
    expect(presenceLine({ typing: false }, now)).toBe('');
    expect(presenceLine({ online: true, typing: true }, now)).toBe('typing…');
    expect(presenceLine({ online: true, typing: false }, now)).toBe('online');
    expect(presenceLine({ online: false, lastSeen: at('2026-03-10T14:02:00'), typing: false }, now)).toBe(
      'last seen today at 14:02',
    );
    expect(presenceLine({ online: false, lastSeen: at('2026-03-09T08:00:00'), typing: false }, now)).toBe(
      'last seen yesterday at 08:00',
    );
  });

  it('maps statuses to ticks with a spoken label', () => {
    expect(ticks(undefined).label).toBe('sending');
    expect(ticks('pending').label).toBe('sending');
    expect(ticks('pending').icon).toBe('clock');
    expect(ticks('sent')).toEqual({ icon: 'check', label: 'sent' });
    expect(ticks('delivered')).toEqual({ icon: 'checks', label: 'delivered' });
    expect(ticks('read')).toEqual({ icon: 'checks', label: 'read' });
    expect(ticks('failed')).toEqual({ icon: 'alert', label: 'not sent' });
  });

  it('makes avatar initials and a stable colour from a name', () => {
    expect(initials('alice')).toBe('A');
    expect(initials('Dinner crew')).toBe('DC');
    expect(initials('mary-jo')).toBe('MJ');
    expect(initials('')).toBe('?');
    expect(avatarHue('alice')).toBe(avatarHue('alice'));
    expect(avatarHue('alice')).not.toBe(avatarHue('bob'));
    expect(avatarHue('alice')).toBeGreaterThanOrEqual(0);
    expect(avatarHue('alice')).toBeLessThan(360);
  });

  it('labels date separators: today, yesterday, else the full date', () => {
    const now = new Date(2026, 2, 10, 12).getTime();
    expect(dayLabel(new Date(2026, 2, 10, 0, 5).getTime(), now)).toBe('Today');
    expect(dayLabel(new Date(2026, 2, 9, 23).getTime(), now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 2, 3, 9).getTime(), now)).toContain('2026');
  });

  it('accepts short lowercase user names and derives the gateway from the page', () => {
    for (const ok of ['alice', 'bob.smith', 'x', 'a-1_b']) expect(USER_NAME.test(ok)).toBe(true);
    for (const bad of ['', 'Alice', 'a b', '-a', 'x'.repeat(33), 'é']) expect(USER_NAME.test(bad)).toBe(false);
    expect(gatewayUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080');
    expect(gatewayUrl({ protocol: 'https:', host: 'chat.example' })).toBe('wss://chat.example');
  });
});
