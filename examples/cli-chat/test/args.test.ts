import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationDir, parseChatArgs, UsageError } from '../src/args.js';

const cwd = path.resolve('/home/me/parley');

describe('parseChatArgs', () => {
  it('needs only --user; url and data dir have defaults', () => {
    expect(parseChatArgs(['--user', 'alice'], {}, cwd)).toEqual({
      kind: 'run',
      options: { user: 'alice', url: 'ws://127.0.0.1:8080', dataDir: path.join(cwd, '.parley-data', 'cli', 'alice') },
    });
  });

  it('ignores the -- pnpm may forward', () => {
    expect(parseChatArgs(['--', '--user', 'bob'], {}, cwd)).toMatchObject({ options: { user: 'bob' } });
  });

  it('reads --url and --data (relative to the invocation dir), and PARLEY_URL', () => {
    expect(parseChatArgs(['--user=bob', '--url', 'wss://chat.example:443', '--data', 'bob-dev'], {}, cwd)).toEqual({
      kind: 'run',
      options: { user: 'bob', url: 'wss://chat.example:443', dataDir: path.join(cwd, 'bob-dev') },
    });
    expect(parseChatArgs(['-u', 'bob'], { PARLEY_URL: 'ws://10.0.0.2:9000' }, cwd)).toMatchObject({
      options: { url: 'ws://10.0.0.2:9000' },
    });
  });

  it('keeps a user id with path characters inside one directory', () => {
    const parsed = parseChatArgs(['--user', '../x'], {}, cwd);
    expect(parsed).toMatchObject({ options: { dataDir: path.join(cwd, '.parley-data', 'cli', '..%2Fx') } });
  });

  it('folds the user name to lowercase, as every @name typed in the chat is', () => {
    expect(parseChatArgs(['--user', 'Dave'], {}, cwd)).toMatchObject({
      options: { user: 'dave', dataDir: path.join(cwd, '.parley-data', 'cli', 'dave') },
    });
  });

  it('rejects a missing or odd user, a bad url, unknown flags', () => {
    expect(() => parseChatArgs([], {}, cwd)).toThrow(UsageError);
    expect(() => parseChatArgs(['--user', ''], {}, cwd)).toThrow('--user is required');
    expect(() => parseChatArgs(['--user', '@bob'], {}, cwd)).toThrow(UsageError);
    expect(() => parseChatArgs(['--user', 'a b'], {}, cwd)).toThrow(UsageError);
    expect(() => parseChatArgs(['--user', '#team'], {}, cwd)).toThrow(UsageError);
    expect(() => parseChatArgs(['--user', 'x'.repeat(129)], {}, cwd)).toThrow('128');
    expect(() => parseChatArgs(['--user', 'bob', '--url', 'http://x'], {}, cwd)).toThrow(UsageError);
    expect(() => parseChatArgs(['--user', 'bob', '--colour'], {}, cwd)).toThrow(UsageError);
    expect(() => parseChatArgs(['--user', 'bob', 'stray'], {}, cwd)).toThrow(UsageError);
  });

  it('has --help', () => {
    expect(parseChatArgs(['--help'], {}, cwd)).toEqual({ kind: 'help' });
  });
});

describe('invocationDir', () => {
  it('prefers INIT_CWD (set by pnpm) over the fallback', () => {
    expect(invocationDir({ INIT_CWD: '/repo' }, '/repo/examples/cli-chat')).toBe('/repo');
    expect(invocationDir({}, '/repo/examples/cli-chat')).toBe('/repo/examples/cli-chat');
  });
});
