// Checks on what the bot sent to the (fake) Discord REST API: which calls carry a message, that each is
// within Discord's limits and pings nobody, and the text a person would read in it.
import { expect } from 'vitest';
import type { RestCall } from './discord-server.ts';

/** Calls that post or edit a message: channel sends, interaction edits and follow-ups, immediate replies. */
export function isMessageCall(c: RestCall): boolean {
  if (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) return true;
  if (c.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(c.path)) return true;
  if (c.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(c.path)) return true;
  return c.method === 'POST' && /\/callback$/.test(c.path) && c.body?.type === 4;
}

/** The message body of a call (an interaction callback carries it in `data`). */
export const messageOf = (c: RestCall): any => (/\/callback$/.test(c.path) ? c.body.data : c.body);

/** Everything a reader sees in a message: content, embed titles, descriptions, fields, footers. */
export function textOf(body: any): string {
  const parts: string[] = [body.content ?? ''];
  for (const e of body.embeds ?? []) {
    parts.push(e.author?.name ?? '', e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

const len = (s: string | undefined) => (s ?? '').length;

/** Discord's limits for one message, and mentions off. */
export function expectSendable(body: any, where = ''): void {
  expect(body.allowed_mentions, `allowed_mentions ${where}`).toBeDefined();
  expect(body.allowed_mentions.parse, `allowed_mentions.parse ${where}`).toEqual([]);
  expect(body.allowed_mentions.users ?? [], where).toEqual([]);
  expect(body.allowed_mentions.roles ?? [], where).toEqual([]);
  expectWithinLimits(body, where);
}

/** Discord's limits for one message: content, embeds and their parts, characters across embeds. */
export function expectWithinLimits(body: any, where = ''): void {
  expect(len(body.content), `content ${where}`).toBeLessThanOrEqual(2000);
  const embeds: any[] = body.embeds ?? [];
  expect(embeds.length, `embeds ${where}`).toBeLessThanOrEqual(10);
  const attached = (body.attachments ?? body.files ?? []).length;
  expect(len(body.content) > 0 || embeds.length > 0 || attached > 0, `empty message ${where}`).toBe(true);
  let total = 0;
  for (const e of embeds) {
    expect(len(e.title), `title ${where}`).toBeLessThanOrEqual(256);
    expect(len(e.description), `description ${where}`).toBeLessThanOrEqual(4096);
    expect(len(e.author?.name), `author ${where}`).toBeLessThanOrEqual(256);
    expect(len(e.footer?.text), `footer ${where}`).toBeLessThanOrEqual(2048);
    expect((e.fields ?? []).length, `fields ${where}`).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(len(f.name), `field name ${where}`).toBeGreaterThan(0);
      expect(len(f.name), `field name ${where}`).toBeLessThanOrEqual(256);
      expect(len(f.value), `field value ${where}`).toBeGreaterThan(0);
      expect(len(f.value), `field value ${where}`).toBeLessThanOrEqual(1024);
    }
    expect(len(e.title) + len(e.description) > 0 || (e.fields ?? []).length > 0, `empty embed ${where}`).toBe(true);
    total += len(e.title) + len(e.description) + len(e.author?.name) + len(e.footer?.text);
    total += (e.fields ?? []).reduce((n: number, f: any) => n + len(f.name) + len(f.value), 0);
  }
  expect(total, `characters across embeds ${where}`).toBeLessThanOrEqual(6000);
}

/** Every message call so far, each checked with expectSendable. */
export function expectAllSendable(calls: RestCall[]): number {
  const sent = calls.filter(isMessageCall);
  sent.forEach((c, i) => expectSendable(messageOf(c), `(${c.method} ${c.path}, call ${i})`));
  return sent.length;
}
