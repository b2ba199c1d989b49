import { describe, expect, it } from 'vitest';
import { parseLine } from '../src/parse-line.js';

const user = (userId: string) => ({ kind: 'user', userId });
const group = (ref: string) => ({ kind: 'group', ref });

describe('parseLine', () => {
  it('reads @user text as a message, with the name folded to lowercase', () => {
    expect(parseLine('@bob hello there')).toEqual({ kind: 'send', to: user('bob'), text: 'hello there' });
    expect(parseLine('  @bob   spaced   out  ')).toEqual({ kind: 'send', to: user('bob'), text: 'spaced   out' });
    expect(parseLine('@bob\thi')).toEqual({ kind: 'send', to: user('bob'), text: 'hi' });
    expect(parseLine('@bob @carol is here')).toEqual({ kind: 'send', to: user('bob'), text: '@carol is here' });
    expect(parseLine('@Dave hi')).toEqual({ kind: 'send', to: user('dave'), text: 'hi' });
  });

  it('reads #group text as a group message', () => {
    expect(parseLine('#Dinner-Crew see you at 8')).toEqual({
      kind: 'send',
      to: group('dinner-crew'),
      text: 'see you at 8',
    });
    expect(parseLine('# hi')).toMatchObject({ kind: 'error', message: expect.stringContaining('which group') });
  });

  it('reads group commands', () => {
    expect(parseLine('/create Dinner crew @Bob @carol')).toEqual({
      kind: 'groupCreate',
      name: 'Dinner crew',
      members: ['bob', 'carol'],
    });
    expect(parseLine('/create Solo')).toEqual({ kind: 'groupCreate', name: 'Solo', members: [] });
    expect(parseLine('/add #dinner-crew @dave')).toEqual({
      kind: 'groupMembers',
      action: 'add',
      group: 'dinner-crew',
      members: ['dave'],
    });
    expect(parseLine('/remove #team @bob @carol')).toMatchObject({ action: 'remove', members: ['bob', 'carol'] });
    expect(parseLine('/leave #team')).toEqual({ kind: 'groupLeave', group: 'team' });
    expect(parseLine('/groups')).toEqual({ kind: 'groups' });
    expect(parseLine('/create @bob')).toMatchObject({ kind: 'error', message: expect.stringContaining('usage') });
    expect(parseLine('/add #team dave')).toMatchObject({ kind: 'error', message: expect.stringContaining('@name') });
    expect(parseLine('/leave team')).toMatchObject({ kind: 'error' });
  });

  it('reads file commands', () => {
    expect(parseLine('/file @bob ./photo.jpg the view')).toEqual({
      kind: 'sendFile',
      to: user('bob'),
      path: './photo.jpg',
      caption: 'the view',
    });
    expect(parseLine('/file #team notes.pdf')).toEqual({
      kind: 'sendFile',
      to: group('team'),
      path: 'notes.pdf',
      caption: '',
    });
    expect(parseLine('/save 1a2b3c4d')).toEqual({ kind: 'save', id: '1a2b3c4d', path: undefined });
    expect(parseLine('/save 1a2b3c4d out.jpg')).toEqual({ kind: 'save', id: '1a2b3c4d', path: 'out.jpg' });
    expect(parseLine('/file @bob')).toMatchObject({ kind: 'error', message: expect.stringContaining('usage') });
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

  it('reads /history with a name and an optional count', () => {
    expect(parseLine('/history bob')).toEqual({ kind: 'history', to: user('bob'), limit: 20 });
    expect(parseLine('/HISTORY @bob 5')).toEqual({ kind: 'history', to: user('bob'), limit: 5 });
    expect(parseLine('/history #team')).toEqual({ kind: 'history', to: group('team'), limit: 20 });
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
      message: expect.stringContaining('nothing to send to @bob'),
    });
    expect(parseLine('@ hi')).toMatchObject({ kind: 'error', message: expect.stringContaining('who to?') });
    expect(parseLine('hello')).toMatchObject({ kind: 'error', message: expect.stringContaining('@name') });
    expect(parseLine(`@${'x'.repeat(129)} hi`)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('128'),
    });
  });
});
