// Pasted reports on Discord, end to end: a real discord.js Client logged into the local fake Discord
// (gateway and REST), the real bot on in-memory stores. What a newsroom relies on: a pasted report answered in
// a thread on it with its claims, saved with its link; nothing pasted pings anyone; a message replayed after a
// reconnect answered once; other bots ignored.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAM_REPORT, longReport } from './fixtures/discord-reports.ts';
import { startDiscordHarness, type DiscordHarness } from './helpers/discord-bot.ts';
import { expectAllSendable, isMessageCall, messageOf, textOf } from './helpers/discord-payloads.ts';
import { ALICE, APP_ID, BOT_USER, BORIS, CHANNEL_ID, GUILD_ID, OTHER_BOT } from './helpers/discord-server.ts';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const KEY = { platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID };

test('the client identifies with the Guilds, GuildMessages and MessageContent intents only', () => {
  const identify = h.fake.received.find((f) => f.op === 2)!;
  // Guilds 1 << 0, GuildMessages 1 << 9, MessageContent 1 << 15 (privileged: enabled in the Developer Portal).
  expect(identify.d.intents).toBe((1 << 0) | (1 << 9) | (1 << 15));
});

describe('a report pasted in a channel', () => {
  test('is answered in a new thread on that message with its claims, and saved with its link', async () => {
    const msg = await h.post(ALICE, DAM_REPORT);
    const starts = h.fake.find('POST', `/channels/${CHANNEL_ID}/messages/${msg.id}/threads`);
    expect(starts).toHaveLength(1);
    const thread = h.threadOn(msg.id);
    expect(thread.name).toMatch(/^Claims: water authority says/);
    expect(thread.name.length).toBeLessThanOrEqual(100);
    expect(thread.sends.length).toBeGreaterThanOrEqual(1);
    const text = thread.sends.map((c) => textOf(c.body)).join('\n');
    expect(text).toMatch(/water authority \(government source\): 1 claim/);
    expect(text).toMatch(/\*\*c1\*\* \*said:\* the spillway of the Lindqvist dam near Torrevale was cracked by the flood/);
    expect(text).toMatch(/A regional governor .*1 claim/);
    expect(text).toMatch(/40 families had been moved from the valley/);
    expect(text).toMatch(/Hedged without a source/);
    const id = /Saved as report (\w+)\./.exec(text)?.[1];
    expect(id).toBeDefined();
    // Nothing went to the channel itself: the answer is in the thread.
    expect(h.fake.find('POST', `/channels/${CHANNEL_ID}/messages`)).toHaveLength(0);

    const stored = await h.desk.log.get(KEY, id!);
    expect(stored?.user).toBe(ALICE.id);
    expect(stored?.userName).toBe('alice');
    expect(stored?.link).toBe(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${msg.id}`);
    expect(stored?.summary.claims.map((c) => c.source?.name ?? null)).toEqual(['water authority', 'A regional governor', null]);
  });

  test('a mention in the thread is answered in that thread, in the channel\'s log', async () => {
    const parent = await h.post(BORIS, longReport(2));
    const thread = h.threadOn(parent.id);
    const before = thread.sends.length;
    const ask = await h.post(BORIS, `<@${APP_ID}> claims lorries`, { channelId: thread.id });
    expect(h.fake.find('POST', new RegExp(`/messages/${ask.id}/threads$`))).toHaveLength(0);
    const after = h.threadOn(parent.id).sends;
    expect(after.length).toBe(before + 1);
    expect(textOf(after[after.length - 1].body)).toMatch(/claims? for “lorries”/);
  });

  test('a long report is split over several messages, each within Discord\'s limits', async () => {
    // 13 sources, about 3,900 characters: a paste as long as Discord lets a person send.
    const report = longReport(13);
    expect(report.length).toBeLessThanOrEqual(4000);
    const msg = await h.post(ALICE, report);
    const sends = h.threadOn(msg.id).sends;
    expect(sends.length).toBeGreaterThan(1);
    const text = sends.map((c) => textOf(c.body)).join('\n');
    for (let i = 1; i <= 13; i++) expect(text).toContain(`**c${i}**`);
    expectAllSendable(h.fake.calls);
  });
});

describe('short answers to a message', () => {
  test('a short mention gets a hint as a reply, without a thread; a report pasted again points to the first', async () => {
    const hi = await h.post(BORIS, `<@${APP_ID}> hi there`);
    const [hint] = h.repliesTo(hi.id);
    expect(hint.body.content).toMatch(/too short for a report/);
    expect(hint.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.fake.find('POST', new RegExp(`/messages/${hi.id}/threads$`))).toHaveLength(0);

    const again = await h.post(BORIS, DAM_REPORT);
    const [pointer] = h.repliesTo(again.id);
    expect(pointer.body.content).toMatch(/Already in this channel's log as report \w+, pasted by alice/);
    expect(h.fake.find('POST', new RegExp(`/messages/${again.id}/threads$`))).toHaveLength(0);
  });
});

describe('a channel where the bot may not start threads', () => {
  test('the summary comes as a reply to the pasted message instead, and the bot goes on', async () => {
    h.fake.refuseThreads = true;
    try {
      const msg = await h.post(ALICE, longReport(2).replace(/checkpoint/g, 'ferry terminal'));
      expect(h.fake.find('POST', new RegExp(`/messages/${msg.id}/threads$`))).toHaveLength(1);
      const replies = h.fake.find('POST', `/channels/${CHANNEL_ID}/messages`).filter((c) => c.body.message_reference?.message_id === msg.id);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.map((c) => textOf(c.body)).join('\n')).toMatch(/Saved as report/);
      expect(h.logs.some((l) => l.startsWith('warn:') && l.includes(`no thread on message ${msg.id}`))).toBe(true);
    } finally {
      h.fake.refuseThreads = false;
    }
  });
});

describe('mentions', () => {
  test('@everyone, @here and user mentions in a pasted report ping nobody', async () => {
    const nasty = `${DAM_REPORT.replace('water authority', 'Hydro Board')}\n\n@everyone @here <@${BORIS.id}> <@&1300000000000000020> The mayor said @everyone should leave.`;
    const msg = await h.post(ALICE, nasty);
    const { name, sends } = h.threadOn(msg.id);
    expect(sends.length).toBeGreaterThan(0);
    for (const c of sends) {
      expect(c.body.allowed_mentions.parse).toEqual([]);
      const text = textOf(c.body);
      expect(text).not.toMatch(/@(everyone|here)\b/);
      expect(text).not.toMatch(/<@[!&]?\d+>/);
    }
    expect(name).not.toMatch(/@(everyone|here)\b/);
    // Every message the bot sent in this file, to any channel: mentions off, within the limits.
    expect(expectAllSendable(h.fake.calls)).toBeGreaterThan(3);
    expect(h.fake.calls.filter(isMessageCall).every((c) => messageOf(c).allowed_mentions?.parse?.length === 0)).toBe(true);
  });
});

describe('messages the bot must not answer twice or at all', () => {
  test('a MESSAGE_CREATE replayed after a reconnect (new session) is answered once', async () => {
    const msg = await h.post(BORIS, longReport(3).replace(/Wednesday/g, 'Thursday'));
    expect(h.threadOn(msg.id).sends.length).toBeGreaterThan(0);
    const identifies = h.fake.received.filter((f) => f.op === 2).length;
    h.fake.askReconnect();
    // The client tries to resume (op 6), is told the session is gone (op 9), and identifies again.
    await h.fake.until(() => h.fake.received.filter((f) => f.op === 6).length >= 1, 'RESUME');
    await h.fake.until(() => h.fake.received.filter((f) => f.op === 2).length > identifies, 'a new IDENTIFY', 45_000);
    const callsBefore = h.fake.calls.length;
    // Discord delivers the message again on the new session; then a short message, read after it.
    h.fake.dispatch('MESSAGE_CREATE', msg);
    await h.post(ALICE, 'ok, thanks');
    expect(h.fake.find('POST', new RegExp(`/messages/${msg.id}/threads$`))).toHaveLength(1);
    expect(h.fake.calls.slice(callsBefore).filter(isMessageCall)).toHaveLength(0);
  }, 60_000);

  test('after a restart of the bot, a message Discord delivers again is not answered again', async () => {
    const msg = await h.post(ALICE, longReport(5).replace(/seed/g, 'cement'));
    expect(h.threadOn(msg.id).sends.length).toBeGreaterThan(0);
    // A new client (nothing cached) on the same stores: only the bot's record of answered ids stops a repeat.
    await h.restart();
    const callsBefore = h.fake.calls.length;
    h.fake.dispatch('MESSAGE_CREATE', msg);
    await h.logged(new RegExp(`message ${msg.id} answered with 0 messages`));
    expect(h.fake.find('POST', new RegExp(`/messages/${msg.id}/threads$`))).toHaveLength(1);
    expect(h.fake.calls.slice(callsBefore).filter(isMessageCall)).toHaveLength(0);
  }, 60_000);

  test("another bot's message and the bot's own are ignored", async () => {
    const before = h.fake.calls.length;
    const fromBot = await h.post(OTHER_BOT, DAM_REPORT.replace('Tuesday', 'Friday'));
    const own = h.fake.message({ id: BOT_USER.id, username: BOT_USER.username, bot: true }, longReport(4));
    h.fake.dispatch('MESSAGE_CREATE', own);
    await h.logged(new RegExp(`message ${own.id} ignored`));
    expect(h.logs.some((l) => l.includes(`message ${fromBot.id} ignored`))).toBe(true);
    expect(h.fake.calls.slice(before)).toEqual([]);
  });
});
