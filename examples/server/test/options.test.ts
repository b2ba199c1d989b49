import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { landingPage } from '../src/http.js';
import { invocationDir, parseServerArgs, UsageError } from '../src/options.js';

const cwd = path.resolve('/home/me/parley');

describe('parseServerArgs', () => {
  it('defaults to 127.0.0.1:8080 and ./.parley-data of the invocation dir', () => {
    expect(parseServerArgs([], {}, cwd)).toEqual({
      kind: 'run',
      options: { host: '127.0.0.1', port: 8080, dataDir: path.join(cwd, '.parley-data') },
    });
  });

  it('reads flags, ignoring a forwarded --', () => {
    expect(parseServerArgs(['--', '--host', '0.0.0.0', '--port=0', '--data', 'var/db'], {}, cwd)).toEqual({
      kind: 'run',
      options: { host: '0.0.0.0', port: 0, dataDir: path.join(cwd, 'var/db') },
    });
  });

  it('takes environment overrides, flags winning over them', () => {
    const env = { PARLEY_HOST: '::1', PARLEY_PORT: '9000', PARLEY_DATA: '/srv/parley' };
    expect(parseServerArgs([], env, cwd)).toEqual({
      kind: 'run',
      options: { host: '::1', port: 9000, dataDir: path.resolve('/srv/parley') },
    });
    expect(parseServerArgs(['--port', '9001'], env, cwd)).toMatchObject({ options: { port: 9001 } });
    expect(parseServerArgs([], { PARLEY_PORT: '' }, cwd)).toMatchObject({ options: { port: 8080 } });
  });

  it('reads the login origins from --origins or PARLEY_ORIGINS, lower case, none by default', () => {
    expect(parseServerArgs(['--origins', 'Chat.Example.com, chat.example.com:8443,'], {}, cwd)).toMatchObject({
      options: { origins: ['chat.example.com', 'chat.example.com:8443'] },
    });
    expect(parseServerArgs([], { PARLEY_ORIGINS: 'a.example' }, cwd)).toMatchObject({
      options: { origins: ['a.example'] },
    });
    const byDefault = parseServerArgs([], {}, cwd);
    expect(byDefault.kind === 'run' && byDefault.options.origins).toBe(undefined);
  });

  it('rejects bad ports and unknown flags with a UsageError', () => {
    for (const port of ['abc', '-1', '65536', '80.5', '']) {
      expect(() => parseServerArgs(['--port', port], {}, cwd)).toThrow(UsageError);
    }
    expect(() => parseServerArgs(['--prot', '1'], {}, cwd)).toThrow(UsageError);
    expect(() => parseServerArgs(['extra'], {}, cwd)).toThrow(UsageError);
  });

  it('has --help', () => {
    expect(parseServerArgs(['--help'], {}, cwd)).toEqual({ kind: 'help' });
  });
});

describe('invocationDir', () => {
  it('prefers INIT_CWD (set by pnpm) over the fallback', () => {
    expect(invocationDir({ INIT_CWD: '/repo' }, '/repo/examples/server')).toBe('/repo');
    expect(invocationDir({}, '/repo/examples/server')).toBe('/repo/examples/server');
  });
});

describe('landingPage', () => {
  it('says what the server is and escapes the URL taken from the Host header', () => {
    const page = landingPage('ws://evil"><script>x</script>');
    expect(page).toContain('This is a Parley server');
    expect(page).not.toContain('<script>');
  });

  it('turns on the demo device replacement with --demo-replace-devices or PARLEY_DEMO_REPLACE_DEVICES=1 only', () => {
    const on = (argv: string[], env: Record<string, string>) => {
      const parsed = parseServerArgs(argv, env, cwd);
      return parsed.kind === 'run' && parsed.options.demoReplaceDevices === true;
    };
    expect(on(['--demo-replace-devices'], {})).toBe(true);
    expect(on([], { PARLEY_DEMO_REPLACE_DEVICES: '1' })).toBe(true);
    expect(on([], {})).toBe(false);
    expect(on([], { PARLEY_DEMO_REPLACE_DEVICES: '0' })).toBe(false);
  });
});
