// Slash commands and the "Summarize claims" context-menu command on Discord, end to end: a real discord.js
// Client logged into the local fake Discord, the real bot on in-memory stores. Each interaction is deferred
// (callback type 5) and answered by editing @original and following up; answers meant for the asker only are
// ephemeral follow-ups. Log commands see only their channel; /forget needs Manage Messages or the poster.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STORE_DOWN } from '../commands/index.ts';
import { NOT_STORED } from '../commands/summarize.ts';
import { SUMMARIZE_CLAIMS } from '../adapters/discord/commands.ts';
import { DAM_REPORT, longReport } from './fixtures/discord-reports.ts';
import { interact, startDiscordHarness, type Answer, type DiscordHarness } from './helpers/discord-bot.ts';
import { expectAllSendable, expectSendable, textOf } from './helpers/discord-payloads.ts';
import { ALICE, BORIS, CHANNEL_ID, EDITH, GUILD_ID, OTHER_CHANNEL_ID, snowflake, type RestCall } from './helpers/discord-server.ts';

const EPHEMERAL = 1 << 6;

const shown = (a: Answer) => [a.edit, ...a.followUps].filter((c): c is RestCall => !!c).map((c) => textOf(c.body)).join('\n');

describe('with the log up', () => {
  let h: DiscordHarness;
  let reportId: string;
  beforeAll(async () => {
    h = await startDiscordHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  test('/summarize is deferred, then answered by editing the deferred message', async () => {
    const a = await interact(h, h.fake.slash(ALICE, 'summarize', { text: DAM_REPORT }));
    expect(a.callback.body.type).toBe(5);
    expect(a.callback.body.data?.flags ?? 0).toBe(0);
    expect(a.edit).toBeDefined();
    expect(a.deleted).toBe(false);
    const text = shown(a);
    expect(text).toMatch(/water authority \(government source\): 1 claim/);
    expect(text).toMatch(/40 families had been moved/);
    reportId = /Saved as report (\w+)\./.exec(text)![1];
    const stored = await h.desk.log.get({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID }, reportId);
    expect(stored?.user).toBe(ALICE.id);
  });

  test('/claims finds the claim in this channel, and nothing from another channel', async () => {
    const here = await interact(h, h.fake.slash(BORIS, 'claims', { query: 'spillway' }));
    expect(here.callback.body.type).toBe(5);
    expect(shown(here)).toMatch(/1 claim for “spillway”/);
    expect(shown(here)).toContain(`${reportId}/c1`);
    const elsewhere = await interact(h, h.fake.slash(BORIS, 'claims', { query: 'spillway' }, OTHER_CHANNEL_ID));
    expect(shown(elsewhere)).toMatch(/log is empty/);
    expect(shown(elsewhere)).not.toContain(reportId);
    const report = await interact(h, h.fake.slash(BORIS, 'report', { id: reportId }, OTHER_CHANNEL_ID));
    expect(report.deleted).toBe(true);
    expect(report.followUps[0].body.flags).toBe(EPHEMERAL);
    expect(shown(report)).toMatch(/There is no report/);
  });

  test('/claims in a thread the client never saw (archived before it started) reads its channel\'s log; a private one its own', async () => {
    const inThread = (type: number) => {
      const id = snowflake();
      const p = h.fake.slash(BORIS, 'claims', { query: 'spillway' }, id);
      p.channel = {
        id, type, guild_id: GUILD_ID, parent_id: CHANNEL_ID, name: 'Claims: the dam', owner_id: ALICE.id, flags: 0,
        rate_limit_per_user: 0, message_count: 3, member_count: 2,
        thread_metadata: { archived: true, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      };
      return p;
    };
    const publicThread = await interact(h, inThread(11));
    expect(shown(publicThread)).toMatch(/1 claim for “spillway”/);
    expect(shown(publicThread)).toContain(`${reportId}/c1`);
    const privateThread = await interact(h, inThread(12));
    expect(shown(privateThread)).toMatch(/log is empty/);
  });

  test('"Summarize claims" on a message summarises and saves it, with the message link', async () => {
    const target = h.fake.message(BORIS, longReport(2).replace(/lorries/g, 'barges'));
    const a = await interact(h, h.fake.contextMenu(EDITH, SUMMARIZE_CLAIMS, target));
    expect(a.callback.body.type).toBe(5);
    const text = shown(a);
    expect(text).toMatch(/barges/);
    const id = /Saved as report (\w+)\./.exec(text)![1];
    const stored = await h.desk.log.get({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID }, id);
    expect(stored?.link).toBe(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${target.id}`);
    expect(stored?.summary.claims.length).toBeGreaterThan(0);
  });

  test('/forget without Manage Messages is refused, privately; an editor may', async () => {
    const refused = await interact(h, h.fake.slash(BORIS, 'forget', { id: reportId }));
    expect(refused.callback.body.type).toBe(5);
    expect(refused.edit).toBeUndefined();
    expect(refused.deleted).toBe(true);
    expect(refused.followUps).toHaveLength(1);
    expect(refused.followUps[0].body.flags).toBe(EPHEMERAL);
    expect(shown(refused)).toMatch(/Only alice, who pasted report/);
    expect(await h.desk.log.get({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID }, reportId)).not.toBeNull();

    const retention = await interact(h, h.fake.slash(BORIS, 'retention', { period: '30d' }));
    expect(retention.followUps[0].body.flags).toBe(EPHEMERAL);
    expect(shown(retention)).toMatch(/Only a channel admin/);

    const done = await interact(h, h.fake.slash(EDITH, 'forget', { id: reportId }));
    expect(done.edit).toBeDefined();
    expect(shown(done)).toMatch(new RegExp(`Forgot report ${reportId}`));
    expect(await h.desk.log.get({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID }, reportId)).toBeNull();
  });

  test('/export sends the log as a file attachment', async () => {
    const a = await interact(h, h.fake.slash(ALICE, 'export', { format: 'csv' }));
    const files = [a.edit!, ...a.followUps].flatMap((c) => c.files);
    expect(files).toHaveLength(1);
    expect(files[0].name).toMatch(/^claimdesk-\d+-\d{4}-\d\d-\d\d\.csv$/);
    expect(files[0].text.split('\n')[0]).toMatch(/^report_id,posted_at,/);
    expect(files[0].text).toMatch(/barges/);
    expect(a.edit!.body.attachments).toHaveLength(1);
  });

  test('a summary past Discord\'s limits is split over messages, the rest counted: "and N more claims — /report ID from:K"; from: goes on there', async () => {
    // A report far longer than a slash option takes, saved through the core; /report shows it on Discord.
    const [saved] = await h.bot.handle({
      platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID, user: ALICE.id, kind: 'command', command: 'summarize',
      args: { text: longReport(160) }, text: '',
    });
    const id = saved.blocks.flatMap((b) => (b.kind === 'context' ? [/Saved as report (\w+)\./.exec(b.text)?.[1]] : [])).find(Boolean)!;
    const summary = (await h.desk.log.get({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID }, id))!.summary;
    expect(summary.claims.length).toBeGreaterThan(150);
    expect(summary.flags.length).toBeGreaterThan(0);

    const a = await interact(h, h.fake.slash(BORIS, 'report', { id }));
    const sent = [a.edit!, ...a.followUps];
    expect(sent.length).toBeGreaterThan(1);
    sent.forEach((c, i) => expectSendable(c.body, `message ${i}`));
    const text = sent.map((c) => textOf(c.body)).join('\n');
    const more = new RegExp(`…and (\\d+) more claims — /report ${id} from:(\\d+)`).exec(text);
    expect(more).not.toBeNull();
    const listed = new Set(text.match(/\*\*c\d+\*\*/g));
    // Every claim is either shown or counted in "and N more"; the flags are all shown, after it.
    expect(listed.size + Number(more![1])).toBe(summary.claims.length);
    expect(Number(more![2])).toBe(listed.size + 1);
    expect(text.match(/⚠️/g)).toHaveLength(summary.flags.length);
    expect(text.lastIndexOf('⚠️')).toBeGreaterThan(more!.index);

    // The from: option, as Discord sends it, goes on at the first claim left out.
    const b = await interact(h, h.fake.slash(BORIS, 'report', { id, from: more![2] }));
    const next = [b.edit!, ...b.followUps].map((c) => textOf(c.body)).join('\n');
    expect(next).toContain(`From claim ${more![2]} of ${summary.claims.length}`);
    const after = next.match(/\*\*c\d+\*\*/g)!;
    expect(after.length).toBeGreaterThan(0);
    for (const c of after) expect(listed.has(c), c).toBe(false);
  });

  test('/help lists every command as embed fields; every message so far was sendable with mentions off', async () => {
    const a = await interact(h, h.fake.slash(BORIS, 'help'));
    const fields = a.edit!.body.embeds.flatMap((e: any) => e.fields ?? []);
    // Field names are escaped Markdown: "\\[WORDS\\]" shows as "[WORDS]".
    expect(fields.map((f: any) => f.name.replace(/\\(.)/g, '$1'))).toEqual(expect.arrayContaining(['/claims [WORDS] ["PHRASE"] [FILTERS]', '/forget ID']));
    expect(expectAllSendable(h.fake.calls)).toBeGreaterThan(8);
  });
});

describe('with the log down', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ storeUrl: 'postgres://claimdesk:wrong@127.0.0.1:1/claimdesk' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  test('a command gets a clear ephemeral message, a paste its summary marked unsaved, and the bot keeps serving', async () => {
    const a = await interact(h, h.fake.slash(ALICE, 'claims', { query: 'spillway' }));
    expect(a.deleted).toBe(true);
    expect(a.followUps).toHaveLength(1);
    expect(a.followUps[0].body.flags).toBe(EPHEMERAL);
    expect(a.followUps[0].body.content).toBe(STORE_DOWN);

    const pasted = await interact(h, h.fake.slash(ALICE, 'summarize', { text: DAM_REPORT }));
    expect(shown(pasted)).toContain(NOT_STORED.slice(0, 40));
    expect(shown(pasted)).toMatch(/water authority/);

    const help = await interact(h, h.fake.slash(ALICE, 'help'));
    expect(shown(help)).toMatch(/\/summarize/);
    expect(h.logs.filter((l) => l.startsWith('error:'))).toEqual([]);
  });
});
