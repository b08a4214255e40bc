// Long pastes sent as a text file on Discord, end to end: a real discord.js Client logged into the local fake
// Discord, which also serves the attachments' files. The client turns a paste over 2,000 characters into a
// message.txt attachment; the bot reads it (checking its size first, from Discord's file host only) and answers
// it like a pasted report. The limit here is CLAIMDESK_MAX_INPUT_BYTES=20000, as `claimdesk start` would read it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SUMMARIZE_CLAIMS } from '../adapters/discord/commands.ts';
import { DAM_REPORT } from './fixtures/discord-reports.ts';
import { wireReport } from './fixtures/wire-copy.ts';
import { storedReports } from './helpers/desk.ts';
import { startForeignHost, type ForeignHost } from './helpers/foreign-host.ts';
import { interact, startDiscordHarness, type DiscordHarness } from './helpers/discord-bot.ts';
import { expectAllSendable, textOf } from './helpers/discord-payloads.ts';
import { ALICE, APP_ID, BORIS, CHANNEL_ID, EDITH, GUILD_ID } from './helpers/discord-server.ts';

const MAX = 20_000;
const EPHEMERAL = 1 << 6;
const KEY = { platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID };

let h: DiscordHarness;
/** A web server that is not Discord's: nothing may be fetched from it. */
let elsewhere: ForeignHost;
beforeAll(async () => {
  h = await startDiscordHarness({ maxInputBytes: MAX });
  elsewhere = await startForeignHost(wireReport('Elsewhere'));
}, 60_000);
afterAll(async () => {
  await h?.close();
  await elsewhere?.close();
});

const stored = () => storedReports(h.desk.log, KEY);

describe('a long report sent as message.txt', () => {
  test('is read from the attachment, answered in a thread on the message with its claims, and saved', async () => {
    const report = wireReport();
    expect(report.length).toBeGreaterThan(4000);
    const file = h.fake.attachment('message.txt', report);
    const before = h.fake.fileGets().length;
    const msg = await h.post(ALICE, '', { attachments: [file] });
    expect(h.fake.fileGets().length).toBe(before + 1);
    const text = h.threadOn(msg.id).sends.map((c) => textOf(c.body)).join('\n');
    expect(text).toMatch(/port authority of Kestrelwick .*1 claim/);
    expect(text).toMatch(/a cargo ship carrying 4,200 tonnes of fertiliser had run aground/);
    expect(text).toMatch(/coast guard .*1 claim/);
    expect(text).toMatch(/none of the 19 crew members had been hurt/);
    expect(text).toMatch(/salvage tugs were on their way/);
    const id = /Saved as report (\w+)\./.exec(text)?.[1];
    expect(id).toBeDefined();
    const report1 = await h.desk.log.get(KEY, id!);
    expect(report1?.text).toBe(report);
    expect(report1?.user).toBe(ALICE.id);
    expect(report1?.link).toBe(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${msg.id}`);
    expectAllSendable(h.fake.calls);
  });

  test('the message\'s own words come first, then each text file in order, a blank line between', async () => {
    const first = wireReport('Brinmouth');
    // A .txt without a content type counts too; an image beside them is not read.
    const files = [
      h.fake.attachment('message.txt', first),
      h.fake.attachment('photo.png', 'PNG', { contentType: 'image/png' }),
      h.fake.attachment('sidebar.txt', DAM_REPORT, { contentType: null }),
    ];
    const msg = await h.post(BORIS, `<@${APP_ID}> wire copy from this morning`, { attachments: files });
    const text = h.threadOn(msg.id).sends.map((c) => textOf(c.body)).join('\n');
    expect(text).toMatch(/Saved as report/);
    const saved = (await stored()).find((r) => r.text.includes('Brinmouth'));
    expect(saved?.text).toBe(`wire copy from this morning\n\n${first}\n\n${DAM_REPORT}`);
    expect(saved?.summary.claims.map((c) => c.source?.name ?? null)).toContain('water authority');
    expect(h.fake.fileGets().map((c) => c.path)).not.toContainEqual(expect.stringContaining('photo.png'));
  });
});

describe('files the bot does not read', () => {
  test('a file over CLAIMDESK_MAX_INPUT_BYTES gets the over-size message before any download, and nothing is saved', async () => {
    const big = 'The ministry said the bridge was closed. '.repeat(600);
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX);
    const file = h.fake.attachment('message.txt', big);
    const before = h.fake.fileGets().length;
    const count = await h.desk.log.count(KEY);
    const msg = await h.post(ALICE, '', { attachments: [file] });
    expect(h.fake.fileGets().length).toBe(before);
    const [reply] = h.repliesTo(msg.id);
    expect(reply.body.content).toMatch(/The text is too long: 24\.6 KB \(24600 bytes\), and ClaimDesk accepts at most 20 KB/);
    expect(reply.body.allowed_mentions.parse).toEqual([]);
    expect(await h.desk.log.count(KEY)).toBe(count);
  });

  test('an image (not a text file) is ignored as before: no download, no answer', async () => {
    const before = h.fake.calls.length;
    const image = h.fake.attachment('front-page.png', 'PNG', { contentType: 'image/png' });
    const msg = await h.post(ALICE, 'look at this', { attachments: [image] });
    expect(h.logs).toContainEqual(expect.stringContaining(`message ${msg.id} answered with 0 messages`));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });

  test('a file on a host that is not Discord\'s is not fetched; the person is told, and it is logged', async () => {
    const foreign = { ...h.fake.attachment('message.txt', 'x'), url: `${elsewhere.origin}/message.txt`, size: 4000 };
    const msg = await h.post(BORIS, '', { attachments: [foreign] });
    expect(elsewhere.hits).toEqual([]);
    expect(h.logs.some((l) => l.startsWith('warn:') && l.includes(`message ${msg.id}: not fetching message.txt`))).toBe(true);
    const [reply] = h.repliesTo(msg.id);
    expect(reply.body.content).toMatch(/could not read the attached file “message\.txt” \(it is not on the platform’s own file host\)/);
  });

  test('a download that fails gets a clear reply, and the bot goes on', async () => {
    const gone = h.fake.attachment('message.txt', wireReport('Gone'), { status: 404 });
    const msg = await h.post(BORIS, '', { attachments: [gone] });
    const [reply] = h.repliesTo(msg.id);
    expect(reply.body.content).toMatch(/could not read the attached file “message\.txt” \(the file host answered 404\)/);
    expect((await stored()).some((r) => r.text.includes('Gone'))).toBe(false);
    const next = await h.post(BORIS, '', { attachments: [h.fake.attachment('message.txt', wireReport('Afterwards'))] });
    expect(h.threadOn(next.id).sends.map((c) => textOf(c.body)).join('\n')).toMatch(/Saved as report/);
  });
});

describe('"Summarize claims" on a message with a text file', () => {
  test('reads the file from the interaction\'s resolved message and saves it', async () => {
    const report = wireReport('Saltcombe');
    const target = { ...h.fake.message(ALICE, ''), attachments: [h.fake.attachment('message.txt', report)] };
    const before = h.fake.fileGets().length;
    const a = await interact(h, h.fake.contextMenu(EDITH, SUMMARIZE_CLAIMS, target));
    expect(h.fake.fileGets().length).toBe(before + 1);
    const text = [a.edit, ...a.followUps].filter(Boolean).map((c) => textOf(c!.body)).join('\n');
    expect(text).toMatch(/port authority of Saltcombe/);
    expect(text).toMatch(/Saved as report/);
    const saved = (await stored()).find((r) => r.text.includes('Saltcombe'));
    expect(saved?.text).toBe(report);
    expect(saved?.link).toBe(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${target.id}`);
  });

  test('an over-size file is refused before download, to the asker only', async () => {
    const target = { ...h.fake.message(ALICE, ''), attachments: [h.fake.attachment('message.txt', 'x', { size: 50_000 })] };
    const before = h.fake.fileGets().length;
    const a = await interact(h, h.fake.contextMenu(EDITH, SUMMARIZE_CLAIMS, target));
    expect(h.fake.fileGets().length).toBe(before);
    expect(a.followUps).toHaveLength(1);
    expect(a.followUps[0].body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(textOf(a.followUps[0].body)).toMatch(/The text is too long: 50 KB \(50000 bytes\)/);
  });
});
