import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaKind, ParleyClient, ReceivedMessage } from '@parley/client';
import type { GroupDirectory } from './group-directory.js';
import { renderSafetyNumber } from './identity-notices.js';
import type { ChatLine, Target } from './parse-line.js';
import { chatLabel, formatSize, renderGroups, renderInfo, renderMedia, renderMessage, sanitize } from './render.js';

/** What a command may do to the terminal and the chat around it. */
export interface CommandOutput {
  print(line: string): void;
  error(line: string): void;
  describe(error: unknown): string;
  /** A send whose outcome prints later (sent / failed events, or an error). */
  track(sending: Promise<unknown>): void;
  /** A received file by the short id shown beside it. */
  file(shortId: string): ReceivedMessage | undefined;
}

type Action = Exclude<ChatLine, { kind: 'empty' | 'command' | 'error' | 'reply' | 'react' | 'edit' | 'delete' }>;

const KIND_BY_EXTENSION: Record<string, { kind: MediaKind; mimeType: string }> = {
  '.jpg': { kind: 'image', mimeType: 'image/jpeg' },
  '.jpeg': { kind: 'image', mimeType: 'image/jpeg' },
  '.png': { kind: 'image', mimeType: 'image/png' },
  '.gif': { kind: 'image', mimeType: 'image/gif' },
  '.webp': { kind: 'image', mimeType: 'image/webp' },
  '.mp4': { kind: 'video', mimeType: 'video/mp4' },
  '.webm': { kind: 'video', mimeType: 'video/webm' },
  '.ogg': { kind: 'voice', mimeType: 'audio/ogg' },
  '.opus': { kind: 'voice', mimeType: 'audio/ogg' },
  '.m4a': { kind: 'voice', mimeType: 'audio/mp4' },
  '.wav': { kind: 'voice', mimeType: 'audio/wav' },
};

/** Carries out what a typed line asks: sends, files and group commands. Waits for group changes. */
export class ChatCommands {
  constructor(
    private readonly client: ParleyClient,
    private readonly groups: GroupDirectory,
    private readonly out: CommandOutput,
  ) {}

  async run(line: Action): Promise<void> {
    try {
      await this.dispatch(line);
    } catch (error) {
      this.out.error(`✗ ${this.out.describe(error)}`);
    }
  }

  private async dispatch(line: Action): Promise<void> {
    const { client, out } = this;
    switch (line.kind) {
      case 'send': {
        const to = await this.chatId(line.to);
        if (to) out.track(client.sendText(to, line.text));
        return;
      }
      case 'sendFile': {
        const to = await this.chatId(line.to);
        if (!to) return;
        const data = await readFile(line.path);
        const type = KIND_BY_EXTENSION[path.extname(line.path).toLowerCase()] ?? {
          kind: 'document' as const,
          mimeType: 'application/octet-stream',
        };
        out.print(renderInfo(`sending ${type.kind} ${path.basename(line.path)} (${formatSize(data.length)})…`, false));
        out.track(
          client.sendMedia(to, {
            ...type,
            data,
            fileName: path.basename(line.path),
            ...(line.caption ? { caption: line.caption } : {}),
          }),
        );
        return;
      }
      case 'save': {
        const message = out.file(line.id.slice(-8));
        if (message?.content.kind !== 'media') {
          out.error(`✗ no received file ${sanitize(line.id)} (the id is shown beside the file)`);
          return;
        }
        const media = message.content.media;
        // Only the base name of what the sender suggested: a name from the network never picks the folder.
        const suggested = path.basename(media.fileName || `${message.id.slice(-8)}.${media.kind}`);
        const target = line.path ?? suggested;
        await writeFile(target, await client.downloadMedia(message), { flag: 'wx' });
        out.print(renderInfo(`saved ${sanitize(target)}`, false));
        return;
      }
      case 'groupCreate': {
        const group = await client.groups.create({ name: line.name, members: line.members });
        out.print(
          renderInfo(`created [${sanitize(group.name)}] with ${line.members.join(', ') || 'nobody yet'}`, false),
        );
        return;
      }
      case 'groupMembers': {
        const group = await this.groups.resolve(line.group);
        if ('message' in group) return out.error(`✗ ${group.message}`);
        await (line.action === 'add'
          ? client.groups.add(group.id, line.members)
          : client.groups.remove(group.id, line.members));
        return;
      }
      case 'groupLeave': {
        const group = await this.groups.resolve(line.group);
        if ('message' in group) return out.error(`✗ ${group.message}`);
        await client.groups.leave(group.id);
        out.print(renderInfo(`left [${sanitize(group.name)}]`, false));
        return;
      }
      case 'safety':
        out.print(renderSafetyNumber(line.user, await client.safetyNumber(line.user)));
        return;
      case 'history': {
        const chatId = await this.chatId(line.to);
        if (!chatId) return;
        const { messages, hasOlder } = await client.messages(chatId).page({ limit: line.limit });
        const groupName = await this.groups.nameOf(chatId);
        if (messages.length === 0) out.print(renderInfo(`no messages in ${chatLabel(chatId, groupName)} yet`, false));
        if (hasOlder) out.print(renderInfo('… older messages not shown', false));
        for (const m of messages) {
          const text =
            m.content.kind === 'text'
              ? m.content.text
              : m.content.kind === 'media'
                ? renderMedia({ ...m.content.media, id: m.id })
                : '[deleted]';
          const shown = renderMessage({
            from: m.from.userId,
            chatId: m.chatId,
            groupName,
            text,
            time: m.serverTime || m.sentAt,
            outgoing: m.outgoing,
            id: m.id,
          });
          out.print(m.outgoing ? `${shown}  (${m.status})` : shown);
        }
        return;
      }
      case 'groups': {
        const self = client.userId;
        const mine = (await client.groups.list()).filter((g) => g.isMember);
        out.print(
          renderGroups(
            mine.map((g) => ({
              id: g.id,
              name: g.name,
              members: g.members.length,
              admin: g.members.some((m) => m.userId === self && m.role === 'admin'),
            })),
          ),
        );
        return;
      }
    }
  }

  /** The chat id a target names, or undefined after printing why there is none. */
  private async chatId(target: Target): Promise<string | undefined> {
    if (target.kind === 'user') return target.userId;
    const group = await this.groups.resolve(target.ref);
    if ('message' in group) {
      this.out.error(`✗ ${group.message}`);
      return undefined;
    }
    return group.id;
  }
}
