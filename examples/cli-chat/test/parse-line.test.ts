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

  it('reads /history with a name and an optional count', () => {
    expect(parseLine('/history bob')).toEqual({ kind: 'history', chatId: 'bob', limit: 20 });
    expect(parseLine('/HISTORY @bob 5')).toEqual({ kind: 'history', chatId: 'bob', limit: 5 });
    for (const bad of [
      '/history',
      '/history bob 0',
      '/history bob 501',
      '/history bob x',
      '/history bob 5 6',
      '/history @',
    ]) {
      expect(parseLine(bad)).toMatchObject({ kind: 'error' });
    }
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
