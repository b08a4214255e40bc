// The Slack adapter end to end in HTTP mode: real Bolt behind the adapter's start(), signed requests from the
// test, a local Slack Web API (FakeSlack) recording what the bot sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedReports } from './helpers/desk.ts';
import { messageText, startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import {
  ALICE,
  CHANNEL,
  commandPayload,
  form,
  messageEvent,
  nextTs,
  send,
  shortcutPayload,
  sign,
} from './helpers/slack-requests.ts';
import { BOT_ID, BOT_USER, TEAM, TEAM_URL } from './helpers/slack-server.ts';
import { FERRY, PINGING, longReport, numberedReport } from './fixtures/slack-reports.ts';

const KEY = { platform: 'slack', workspace: TEAM, channel: CHANNEL };

let s: TestSlack;
beforeAll(async () => {
  s = await startTestSlack();
}, 60_000);
afterAll(async () => {
  // Nothing the bot sent was over Slack's limits (the fake refuses such posts as Slack would).
  expect(s?.fake.calls.filter((c) => c.refused)).toEqual([]);
  await s?.close();
});


describe('Slack over HTTP', { timeout: 60_000 }, () => {
  it('answers a signed slash command through its response URL, in the channel, and stores the report', async () => {
    const res = await send(s.events, form(commandPayload('/summarize', FERRY, s.fake.responseUrl('sum1'))));
    expect(res.status).toBe(200);
    const answer = await s.fake.waitFor('the /summarize answer', () => s.fake.responses.find((r) => r.id === 'sum1'));
    expect(answer.body.response_type).toBe('in_channel');
    const text = messageText(answer.body);
    expect(text).toContain('coast guard');
    expect(text).toContain('ferry operator');
    expect(text).toMatch(/Saved as report [a-z0-9]{6}/);
    expect(await s.desk.log.count(KEY)).toBe(1);
  });

  it('shows a command mistake only to the person who typed it (ephemeral)', async () => {
    await send(s.events, form(commandPayload('/report', 'zz9zz9', s.fake.responseUrl('rep1'))));
    const answer = await s.fake.waitFor('the /report answer', () => s.fake.responses.find((r) => r.id === 'rep1'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(messageText(answer.body)).toContain('There is no report zz9zz9');
  });

  it('refuses a bad signature and a stale timestamp with 401, and does nothing with them', async () => {
    const before = s.fake.calls.length;
    const body = form(commandPayload('/help', '', s.fake.responseUrl('forged')));
    const forged = await send(s.events, body, { secret: 'not-the-signing-secret' });
    expect(forged.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await send(s.events, body, { timestamp: old, signature: sign(body, old) });
    expect(stale.status).toBe(401);
    // A request the app does serve, sent after them, is answered; the refused ones never were.
    await send(s.events, form(commandPayload('/help', '', s.fake.responseUrl('after-forged'))));
    await s.fake.waitFor('the /help answer', () => s.fake.responses.find((r) => r.id === 'after-forged'));
    expect(s.fake.responses.find((r) => r.id === 'forged')).toBeUndefined();
    expect(s.fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('answers a pasted report in its thread with its claims, and logs it with a link to the message', async () => {
    const ts = nextTs();
    await s.deliver(messageEvent({ text: FERRY.replace('212', '214'), ts }));
    const [post] = await s.fake.waitFor('the summary in the thread', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(post.args.channel).toBe(CHANNEL);
    expect(post.token).toBe('xoxb-test-token');
    const text = messageText(post.args);
    expect(post.args.text).toContain('coast guard says a ferry carrying 214 passengers ran aground');
    expect(text).toContain('*coast guard*');
    expect(text).toContain('all passengers were safe and would be taken to the mainland');
    expect(text).toContain('Two passengers were reportedly treated for minor injuries');
    const stored = (await storedReports(s.desk.log, KEY)).find((r) => r.text.includes('214 passengers'));
    expect(stored?.link).toBe(`${TEAM_URL}archives/${CHANNEL}/p${ts.replace('.', '')}`);
    expect(stored?.userName).toBe(`name-${ALICE}`);
    expect(stored?.thread).toBe(ts);
  });

  it('summarises a message through the "Summarize claims" shortcut, in that message\'s thread', async () => {
    const ts = nextTs();
    const message = { type: 'message', user: 'U0BOB', ts, text: FERRY.replace('212', '301') };
    const res = await send(s.events, form({ payload: JSON.stringify(shortcutPayload(message, s.fake.responseUrl('sc1'))) }));
    expect(res.status).toBe(200);
    const [post] = await s.fake.waitFor('the shortcut summary', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(post.args.text).toContain('ferry carrying 301 passengers');
    expect(messageText(post.args)).toMatch(/Saved as report [a-z0-9]{6}/);
  });

  it('shows a shortcut\'s summary privately, with how to invite the bot, when the bot is not in the channel', async () => {
    const ts = nextTs();
    s.fake.once('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const message = { type: 'message', user: 'U0BOB', ts, text: FERRY.replace('212', '302') };
    await send(s.events, form({ payload: JSON.stringify(shortcutPayload(message, s.fake.responseUrl('sc-out'))) }));
    const answer = await s.fake.waitFor('the private answer', () => s.fake.responses.find((r) => r.id === 'sc-out'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(messageText(answer.body)).toContain('/invite @ClaimDesk');
    expect(messageText(answer.body)).toContain('ferry carrying 302 passengers');
  });

  it('answers a retried event (x-slack-retry-num, same event_id) once and stores it once', async () => {
    const before = await s.desk.log.count(KEY);
    const ts = nextTs();
    const event = messageEvent({ text: numberedReport(900), ts });
    await s.deliver(event, 'EvRETRY1');
    await s.fake.waitFor('the first answer', () => s.postsIn(ts).length > 0);
    await s.deliver(event, 'EvRETRY1', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await s.deliver(event, 'EvRETRY1', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    // A later report in the same channel is answered after anything the retries could have caused.
    const later = nextTs();
    await s.deliver(messageEvent({ text: numberedReport(901), ts: later }));
    await s.fake.waitFor('the later answer', () => s.postsIn(later).length > 0);
    expect(s.postsIn(ts)).toHaveLength(1);
    expect(await s.desk.log.count(KEY)).toBe(before + 2);
  });

  it('ignores its own messages, other bots and edits, and answers a mention once (not also as a message)', async () => {
    const quiet = [
      messageEvent({ text: numberedReport(500), user: BOT_USER, bot_id: BOT_ID }),
      messageEvent({ text: numberedReport(501), bot_id: 'B0OTHER', subtype: 'bot_message' }),
      messageEvent({ text: numberedReport(502), subtype: 'message_changed' }),
      messageEvent({ text: numberedReport(503), subtype: 'channel_join' }),
    ];
    for (const e of quiet) await s.deliver(e);
    // Slack sends a mention twice: as a message and as app_mention, with different event ids.
    const ts = nextTs();
    const text = `<@${BOT_USER}> claims ferry`;
    await s.deliver(messageEvent({ text, ts }));
    await s.deliver({ type: 'app_mention', user: ALICE, channel: CHANNEL, ts, text });
    const [post] = await s.fake.waitFor('the answer to the mention', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(messageText(post.args)).toMatch(/claims? for “ferry”/);
    // Anything the quiet events or the duplicate could have posted would be queued before this.
    const marker = nextTs();
    await s.deliver(messageEvent({ text: numberedReport(504), ts: marker }));
    await s.fake.waitFor('the marker answer', () => s.postsIn(marker).length > 0);
    expect(s.postsIn(ts)).toHaveLength(1);
    const all = s.fake.called('chat.postMessage').map((c) => messageText(c.args)).join('\n');
    for (const n of [500, 501, 502, 503]) expect(all).not.toContain(`station number ${n} `);
  });

  it('takes a direct message to the bot as addressed to it', async () => {
    const ts = nextTs();
    await s.deliver(messageEvent({ text: 'hello there', ts, channel: 'D0ALICE', channel_type: 'im' }));
    const [post] = await s.fake.waitFor('the answer', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(post.args.channel).toBe('D0ALICE');
    expect(messageText(post.args)).toContain('That is too short for a report');
  });

  it('shows mentions pasted in a report inert: no <!channel>, <!here>, <!everyone> or <@user> reaches Slack', async () => {
    const ts = nextTs();
    await s.deliver(messageEvent({ text: PINGING, ts }));
    const [post] = await s.fake.waitFor('the summary', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    const text = messageText(post.args);
    expect(text).toContain('warehouse fire in the port district of Lindholm');
    expect(text).toContain('residents should stay away from the port');
    expect(text).not.toMatch(/<[!@#]/);
    // What the reporter wrote is escaped for mrkdwn: their & is &amp;, not the start of an entity.
    expect(text).toContain('U0EDITOR &amp; ');
    // Written as words they are broken by a zero-width space, so no client links them either.
    expect(text).not.toMatch(/@(channel|here|everyone)\b/);
    expect(post.args.link_names).toBeUndefined();
    expect(post.args.parse).toBeUndefined();
  });

  it('answers a burst of 30 pasted reports, every one, in the order they came', async () => {
    const tss: string[] = [];
    // Slack asks the bot to slow down once in the middle of the burst.
    let calls = 0;
    s.fake.on('chat.postMessage', () => (++calls === 10 ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } } : undefined));
    for (let i = 0; i < 30; i++) {
      const ts = nextTs();
      tss.push(ts);
      await s.deliver(messageEvent({ text: numberedReport(i), ts }));
    }
    const mine = () => s.fake.called('chat.postMessage').filter((c) => tss.includes(c.args.thread_ts));
    await s.fake.waitFor('30 answers', () => new Set(mine().map((c) => c.args.thread_ts)).size === 30, 60_000);
    const order = mine().map((c) => c.args.thread_ts as string);
    expect(order.filter((t, i) => order.indexOf(t) === i)).toEqual(tss);
    // The rate-limited post was sent again, right where it was.
    expect(order).toHaveLength(31);
    mine().forEach((c, i) => {
      const n = tss.indexOf(c.args.thread_ts);
      expect(messageText(c.args), `answer ${i}`).toContain(`pumping station number ${n} `);
    });
  }, 90_000);

  it('posts the summary of a report too long for one message, cut, pointing to /report ID', async () => {
    const ts = nextTs();
    await s.deliver(messageEvent({ text: longReport(150), ts }));
    const [post] = await s.fake.waitFor('the summary', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(post.refused).toBeUndefined();
    const id = /Saved as report ([a-z0-9]{6})/.exec(messageText(post.args))?.[1];
    expect(id).toBeDefined();
    expect(messageText(post.args)).toMatch(new RegExp(`…and \\d+ more claims — /report ${id}`));
  });

  it('uploads /export as a file to the channel', async () => {
    await send(s.events, form(commandPayload('/export', 'format:csv', s.fake.responseUrl('exp1'))));
    const done = await s.fake.waitFor('the upload', () => s.fake.called('files.completeUploadExternal')[0]);
    expect(done.args.channel_id).toBe(CHANNEL);
    const [file] = done.args.files as { id: string; title: string }[];
    expect(file.title).toMatch(/^claimdesk-C0NEWSDESK-\d{4}-\d{2}-\d{2}\.csv$/);
    const upload = s.fake.uploads.find((u) => u.id === file.id);
    expect(upload?.content.split('\n')[0]).toMatch(/^report_id,posted_at,/);
    expect(upload?.content).toContain('coast guard');
    expect(s.fake.called('files.getUploadURLExternal')[0].args.filename).toBe(file.title);
  });

  it('tells the asker why an export could not be uploaded', async () => {
    s.fake.once('files.completeUploadExternal', { ok: false, error: 'not_in_channel' });
    await send(s.events, form(commandPayload('/export', '', s.fake.responseUrl('exp-out'))));
    const answer = await s.fake.waitFor('the private answer', () => s.fake.responses.find((r) => r.id === 'exp-out'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toMatch(/could not be uploaded here \(Slack said: not_in_channel\)\. Invite me/);
  });
});
