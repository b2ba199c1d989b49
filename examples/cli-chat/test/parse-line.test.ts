import { describe, expect, it } from 'vitest';
import { parseLine } from '../src/parse-line.js';

describe('parseLine', () => {
  it('reads @user text as a message', () => {
    expect(parseLine('@bob hello there')).toEqual({ kind: 'send', to: 'bob', text: 'hello there' });
    expect(parseLine('  @bob   spaced   out  ')).toEqual({ kind: 'send', to: 'bob', text: 'spaced   out' });
    expect(parseLine('@bob\thi')).toEqual({ kind: 'send', to: 'bob', text: 'hi' });
    expect(parseLine('@bob @carol is here')).toEqual({ kind: 'send', to: 'bob', text: '@carol is here' });
  });

  it('reads commands, case-insensitively and with aliases', () => {
    expect(parseLine('/help')).toEqual({ kind: 'command', command: 'help' });
    expect(parseLine('/HELP')).toEqual({ kind: 'command', command: 'help' });
    expect(parseLine('/quit')).toEqual({ kind: 'command', command: 'quit' });
    expect(parseLine('/exit')).toEqual({ kind: 'command', command: 'quit' });
    expect(parseLine('/q now')).toEqual({ kind: 'command', command: 'quit' });
  });

  it('reads /reply, /react, /edit and /delete with the message they name', () => {
    expect(parseLine('/reply 1a2b3c4d sounds good')).toEqual({ kind: 'reply', ref: '1a2b3c4d', text: 'sounds good' });
    expect(parseLine('/react 1a2b3c4d 👍')).toEqual({ kind: 'react', ref: '1a2b3c4d', emoji: '👍' });
    expect(parseLine('/react 1a2b3c4d')).toEqual({ kind: 'react', ref: '1a2b3c4d', emoji: '' });
    expect(parseLine('/EDIT 1a2b3c4d fixed  text')).toEqual({ kind: 'edit', ref: '1a2b3c4d', text: 'fixed  text' });
    expect(parseLine('/delete 1a2b3c4d')).toEqual({ kind: 'delete', ref: '1a2b3c4d' });
    expect(parseLine('/reply')).toMatchObject({ kind: 'error', message: expect.stringContaining('which message?') });
    expect(parseLine('/edit 1a2b3c4d')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('nothing to send'),
    });
  });

  it('ignores blank lines', () => {
    expect(parseLine('')).toEqual({ kind: 'empty' });
    expect(parseLine('   \t')).toEqual({ kind: 'empty' });
  });

  it('explains what is wrong otherwise', () => {
    expect(parseLine('/dance')).toEqual({ kind: 'error', message: 'unknown command /dance (try /help)' });
    expect(parseLine('@bob')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('nothing to send to bob'),
    });
    expect(parseLine('@ hi')).toMatchObject({ kind: 'error', message: expect.stringContaining('who to?') });
    expect(parseLine('hello')).toMatchObject({ kind: 'error', message: expect.stringContaining('@name') });
  });
});
