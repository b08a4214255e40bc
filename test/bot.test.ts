// The core bot: the paste rule, dedup, isolation between channels and workspaces, durability, a store that
// is down, retries of the same event, and pasted mentions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createBot } from '../src/bot.ts';
import { openDesk } from '../src/open-bot.ts';
import { PASTE_MIN_CHARS, PASTE_MIN_WORDS } from '../src/paste-rule.ts';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';
import { ALICE, CHANNEL, allRenderings, openTestDesk, savedId, type TestDesk } from './helpers/desk.ts';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

const LONG = `${HARBOUR}\n\n${BRIDGE}`;
const count = (channel = CHANNEL) => t.desk.log.count(channel);

describe('the paste rule', () => {
  test(`auto: a plain message of ${PASTE_MIN_WORDS}+ words is a report; a short one is ignored`, async () => {
    expect(LONG.length).toBeGreaterThanOrEqual(PASTE_MIN_CHARS);
    expect(await t.say(LONG, { kind: 'message' })).toMatch(/Saved as report/);
    expect(await t.replies('Anyone seen the harbour story yet?', { kind: 'message' })).toEqual([]);
    expect(await count()).toBe(1);
  });

  test('a mention is a report even when short; a very short one gets a hint', async () => {
    expect(await t.say('The mayor said the bridge is closed.')).toMatch(/Saved as report/);
    expect(await t.say('hi there')).toMatch(/too short for a report/);
    expect(await t.say('')).toMatch(/Paste a report/);
    expect(await count()).toBe(1);
  });

  test('a short mention naming a command runs it; a sentence starting with the same word is a report', async () => {
    await t.say(HARBOUR);
    expect(await t.say('claims cranes')).toMatch(/1 claim for “cranes”/);
    expect(await t.say('Sources said the minister had resigned on Friday.')).toMatch(/Saved as report/);
  });

  test('/paste mention and off change what counts; only an admin may change it', async () => {
    expect(await t.say('/paste mention')).toMatch(/Only a channel admin/);
    expect(await t.say('/paste mention', { isAdmin: true })).toMatch(/set to mention/);
    expect(await t.replies(LONG, { kind: 'message' })).toEqual([]);
    expect(await t.say(HARBOUR)).toMatch(/Saved as report/);
    expect(await t.say('/paste off', { isAdmin: true })).toMatch(/set to off/);
    expect(await t.say(BRIDGE)).toMatch(/use \/summarize/);
    expect(await t.say(`/summarize ${BRIDGE}`)).toMatch(/Saved as report/);
    expect(await t.say('/paste')).toMatch(/Paste rule here: off/);
    expect(await t.say('/paste sometimes', { isAdmin: true })).toMatch(/auto, mention, off/);
    expect(await count()).toBe(2);
  });

  test('a long paste sent as a file the adapter could not read: the reason, where the paste would be answered', async () => {
    const unread = 'The text is too long: 300 KB (300000 bytes), and ClaimDesk accepts at most 200 KB (200000 bytes).';
    const [auto] = await t.replies('', { kind: 'message', unread });
    expect(auto.error).toBe(true);
    expect(auto.fallback).toBe(unread);
    const [command] = await t.replies('', { kind: 'command', command: 'summarize', unread });
    expect(command.fallback).toBe(unread);
    await t.say('/paste mention', { isAdmin: true });
    expect(await t.replies('', { kind: 'message', unread })).toEqual([]);
    expect((await t.replies('', { kind: 'mention', unread }))[0].fallback).toBe(unread);
    await t.say('/paste off', { isAdmin: true });
    expect(await t.replies('', { kind: 'message', unread })).toEqual([]);
    expect(await t.say('', { kind: 'mention', unread })).toMatch(/use \/summarize/);
    // Typed words with it are not summarised on their own: nothing is stored.
    await t.say('/paste auto', { isAdmin: true });
    await t.replies(LONG, { kind: 'message', unread });
    expect(await count()).toBe(0);
  });
});

test('a platform slash command with structured options (as Discord sends them) runs the same command', async () => {
  await t.say(HARBOUR);
  const [claims] = await t.replies('', { kind: 'command', command: 'claims', args: { query: 'cranes source:harbour' } });
  expect(claims.blocks.filter((b) => b.kind === 'hit')).toHaveLength(1);
  const [bad] = await t.replies('', { kind: 'command', command: 'export', args: { format: 'xml' } });
  expect(bad.fallback).toMatch(/format: is one of jsonl, csv, md/);
  const [typed] = await t.replies('format:csv', { kind: 'command', command: 'export' });
  expect(typed.blocks.some((b) => b.kind === 'file' && b.filename.endsWith('.csv'))).toBe(true);
});

describe('storing reports', () => {
  test('the same report twice points to the earlier entry and is stored once', async () => {
    const id = savedId(await t.say(HARBOUR));
    const again = await t.say(HARBOUR, { user: 'U_BOB', userName: 'bob' });
    expect(again).toContain(`Already in this channel's log as report ${id}, pasted by alice`);
    expect(again).not.toMatch(/Saved as report/);
    expect(await count()).toBe(1);
  });

  test('bad input is refused with a clear message and stores nothing', async () => {
    expect(await t.say('/summarize    ')).toMatch(/empty/);
    expect(await t.say(`/summarize The ministry said \u0000\u0001\u0002 it was fine. ${'\u0000'.repeat(50)}`)).toMatch(/binary|control/i);
    expect(await t.say(`/summarize ${'The ministry said the bridge fell. '.repeat(8000)}`)).toMatch(/too long/);
    expect(await count()).toBe(0);
  });

  test('a stored report survives the process: a new connection to the same file finds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bot-'));
    try {
      const url = `sqlite:${join(dir, 'log.db')}`;
      const first = await openTestDesk({ storeUrl: url });
      const id = savedId(await first.say(HARBOUR));
      await first.close();
      const second = await openTestDesk({ storeUrl: url });
      expect(await second.say(`/report ${id}`)).toMatch(/pasted by alice/);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a delivery repeated with the same event id is answered once', async () => {
    const first = await t.replies(HARBOUR, { id: 'Ev1' });
    const retry = await t.replies(HARBOUR, { id: 'Ev1' });
    expect(first).toHaveLength(1);
    expect(retry).toEqual([]);
  });
});

describe('isolation', () => {
  test('channels, workspaces and platforms never see each other, even with a guessed report id', async () => {
    const id = savedId(await t.say(HARBOUR));
    const others = [
      { channel: 'other' },
      { workspace: 'T_OTHER' },
      { platform: 'slack' },
    ];
    for (const where of others) {
      expect(await t.say('/claims cranes', where)).not.toContain(id);
      expect(await t.say(`/report ${id}`, where)).toMatch(/no report .* in this channel/);
      expect(await t.say(`/forget ${id}`, { ...where, isAdmin: true })).toMatch(/no report/);
      expect(await t.say('/sources', where)).not.toMatch(/harbour/i);
      expect(await t.say('/export', where)).toMatch(/Nothing to export/);
      // The same text elsewhere is a new report, not a duplicate of this channel's.
      expect(await t.say(HARBOUR, where)).toMatch(/Saved as report/);
    }
    expect(await count()).toBe(1);
    expect(await t.say(`/report ${id}`)).toMatch(/pasted by alice/);
  });
});

describe('a store that is down', () => {
  test('gives a clear message, still shows a pasted report, and the bot keeps serving', async () => {
    const broken = await openDesk({ storeUrl: 'postgres://claimdesk:wrong@127.0.0.1:1/claimdesk', stateUrl: 'sqlite::memory:' });
    const bot = createBot({ log: broken.log, settings: broken.settings });
    const ask = (text: string, kind: 'message' | 'mention' = 'message') =>
      bot.handle({ ...CHANNEL, ...ALICE, kind, text });
    const [claims] = await ask('/claims cranes');
    expect(claims.fallback).toMatch(/cannot be reached/);
    const [paste] = await ask(HARBOUR, 'mention');
    const text = allRenderings([paste]).join('\n');
    expect(text).toMatch(/NOT saved/);
    expect(text).toMatch(/harbour authority/i);
    const [help] = await ask('/help');
    expect(help.fallback).toMatch(/Commands:/);
    await broken.close();
  });
});

test('pasted mentions never ping, in any rendering of any reply', async () => {
  const nasty = `${HARBOUR}\n\n@everyone <!channel> <@U024BE7LH> The mayor said @here that <!here> the bridge is closed.`;
  const replies = [...(await t.replies(nasty)), ...(await t.replies('/claims bridge')), ...(await t.replies('/export format:md'))];
  for (const out of allRenderings(replies)) {
    expect(out).not.toMatch(/@(everyone|here|channel)\b/);
    expect(out).not.toMatch(/<[@!#]/);
  }
});

test('mistakes and refusals are marked for the asker only; answers and saved reports are not', async () => {
  const one = async (text: string, extra = {}) => (await t.replies(text, extra))[0];
  const [saved] = await t.replies(HARBOUR);
  expect(saved.error).toBeUndefined();
  expect((await one('/claims cranes')).error).toBeUndefined();
  for (const wrong of ['/nosuch', '/claims since:someday', '/report zzzzzz', '/paste off', '/claims cranes page:9']) {
    expect((await one(wrong)).error, wrong).toBe(true);
  }
  const id = savedId(await t.say(BRIDGE));
  expect((await one(`/forget ${id}`, { user: 'someone-else' })).error).toBe(true);
  expect((await one(`/forget ${id}`)).error).toBeUndefined();
});

test('a saved summary and /report name their report, so a surface that must cut them can point to it', async () => {
  const [saved] = await t.replies(HARBOUR);
  const id = savedId(JSON.stringify(saved.blocks));
  expect(saved.report).toEqual({ id, shown: 'saved' });
  const [shown] = await t.replies(`/report ${id}`);
  expect(shown.report).toEqual({ id, shown: 'report' });
  const [again] = await t.replies(HARBOUR);
  expect(again.report).toBeUndefined();
});
