import { describe, expect, it } from 'vitest';
import { linkParts, safeHref } from '../src/links.js';

describe('links in message text', () => {
  it('links http and https URLs, leaving trailing punctuation out', () => {
    expect(linkParts('see https://example.org/a?b=1, and http://x.test.')).toEqual([
      { text: 'see ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: ', and ' },
      { text: 'http://x.test', href: 'http://x.test/' },
      { text: '.' },
    ]);
    expect(linkParts('no link here')).toEqual([{ text: 'no link here' }]);
  });

  it('never links another scheme', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x']) {
      expect(linkParts(text)).toEqual([{ text }]);
    }
    // Inside text, only the http part is a link; "javascript:" before it stays plain text.
    expect(linkParts('javascript:http://x.test')).toEqual([
      { text: 'javascript:' },
      { text: 'http://x.test', href: 'http://x.test/' },
    ]);
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('https://')).toBeUndefined();
    expect(safeHref('HTTPS://Example.org')).toBe('https://example.org/');
  });

  it('gives the text back when the parts are joined', () => {
    const text = 'a https://a.test b http://b.test/c) d';
    expect(
      linkParts(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});
