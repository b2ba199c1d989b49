import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex, toHex } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { type ContentBody, type ContentExtra, decodeContent, encodeBody } from '../src/content.js';

// The client's own Content encoder and decoder against the golden vectors of the action kinds
// (docs/PROTOCOL.md 10.2): what this client puts on the wire is byte for byte what the spec says.

const file = join(import.meta.dirname, '../../../proto/parley/v1/vectors.json');
const { vectors } = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Array<{ name: string; hex: string }> };
const hexOf = (name: string) => vectors.find((v) => v.name === name)?.hex;

const sentAt = 1764300000000;
const cases: Array<[string, ContentBody, ContentExtra]> = [
  [
    'content_reply',
    { kind: 'message', content: { kind: 'text', text: 'ok' } },
    { toUserId: 'alice', meta: { replyTo: { id: 'm1', userId: 'alice', text: 'meet at 5' }, mentions: ['alice'] } },
  ],
  [
    'content_forwarded_disappearing',
    { kind: 'message', content: { kind: 'text', text: 'fwd' } },
    { toUserId: 'bob', meta: { forwarded: true, expiresInS: 86_400 } },
  ],
  [
    'content_reaction',
    { kind: 'action', action: { kind: 'reaction', messageId: 'm1', emoji: '👍' } },
    { toUserId: 'bob' },
  ],
  [
    'content_reaction_removed',
    { kind: 'action', action: { kind: 'reaction', messageId: 'm1', emoji: '' } },
    { toUserId: 'bob' },
  ],
  [
    'content_edit',
    { kind: 'action', action: { kind: 'edit', messageId: 'm1', text: 'meet at 6' } },
    { toUserId: 'bob' },
  ],
  ['content_delete', { kind: 'action', action: { kind: 'delete', messageId: 'm1' } }, { groupId: 'g1' }],
  ['content_chat_setting', { kind: 'setting', setting: { version: 3, disappearingS: 604_800 } }, { toUserId: 'bob' }],
  [
    'content_group_invite',
    {
      kind: 'invite',
      invite: { kind: 'offer', groupId: 'g1', groupName: 'Dinner', inviteId: 'i1', expiresAt: 1764559200000 },
    },
    { toUserId: 'bob' },
  ],
  [
    'content_group_invite_accept',
    {
      kind: 'invite',
      invite: {
        kind: 'accept',
        inviteId: 'i1',
        consent: {
          groupId: 'g1',
          invitee: { userId: 'bob', deviceId: 2 },
          inviterUserId: 'alice',
          expiresAt: 1764559200000,
          signature: new Uint8Array(64).fill(0x11),
        },
      },
    },
    { toUserId: 'alice' },
  ],
];

describe('action content golden vectors', () => {
  for (const [name, body, extra] of cases) {
    it(`${name}: the client encodes the golden bytes and decodes them back`, () => {
      const hex = hexOf(name);
      expect(hex).toBeDefined();
      expect(toHex(encodeBody(body, sentAt, extra))).toBe(hex);
      const decoded = decodeContent(fromHex(hex ?? ''));
      expect(decoded.kind).toBe(body.kind);
      expect(decoded).toMatchObject({ ...body, sentAt, ...(extra.meta ? { meta: extra.meta } : {}) });
    });
  }
});
