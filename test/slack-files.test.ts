// Long pastes sent as a text snippet on Slack, end to end in HTTP mode: real Bolt behind the adapter's start(),
// signed requests from the test, and the local Slack (FakeSlack), which also serves the files at their
// url_private addresses as Slack does (bot token as Authorization: Bearer, else its sign-in page). The bot reads
// the snippet (size checked first, from Slack's file host only) and answers it like a pasted report. The limit
// here is CLAIMDESK_MAX_INPUT_BYTES=20000, as `claimdesk start` would read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, startTestSlack, type TestSlack } from './helpers/slack-app.ts';
import { ALICE, CHANNEL, form, messageEvent, nextTs, send, shortcutPayload } from './helpers/slack-requests.ts';
import { BOT_USER, TEAM, TEAM_URL } from './helpers/slack-server.ts';
import { FERRY } from './fixtures/slack-reports.ts';
import { wireReport } from './fixtures/wire-copy.ts';
import { storedReports } from './helpers/desk.ts';
import { startForeignHost, type ForeignHost } from './helpers/foreign-host.ts';

const MAX = 20_000;
const KEY = { platform: 'slack', workspace: TEAM, channel: CHANNEL };

let s: TestSlack;
/** A web server that is not Slack's: nothing may be fetched from it, and no token may reach it. */
let elsewhere: ForeignHost;
beforeAll(async () => {
  s = await startTestSlack({ maxInputBytes: MAX });
  elsewhere = await startForeignHost(wireReport('Elsewhere'));
}, 60_000);
afterAll(async () => {
  expect(s?.fake.calls.filter((c) => c.refused)).toEqual([]);
  await s?.close();
  await elsewhere?.close();
});

/** A file_share message (what Slack sends when someone shares a snippet or a file), with its ts. */
function fileShare(text: string, files: Record<string, unknown>[], fields: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { ts, event: messageEvent({ text, subtype: 'file_share', files, upload: false, display_as_bot: false, ts, ...fields }) };
}

const privateIn = (thread: string) => s.fake.called('chat.postEphemeral').filter((c) => c.args.thread_ts === thread);

const stored = () => storedReports(s.desk.log, KEY);

/** Posts an ordinary report and waits for its answer: whatever earlier events caused in the channel came first. */
async function marker() {
  const ts = nextTs();
  await s.deliver(messageEvent({ text: FERRY.replace('212', String(400 + Number(ts.slice(-3)))), ts }));
  await s.fake.waitFor('the marker answer', () => s.postsIn(ts).length > 0);
}

describe('a long report sent as a text snippet', { timeout: 60_000 }, () => {
  it('is read from url_private_download with the bot token, answered in its thread with its claims, and saved', async () => {
    const report = wireReport();
    const file = s.fake.serveFile('Untitled', report);
    const { ts, event } = fileShare('', [file]);
    await s.deliver(event);
    const [post] = await s.fake.waitFor('the summary in the thread', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    const text = messageText(post.args);
    expect(text).toContain('*port authority of Kestrelwick*');
    expect(text).toContain('a cargo ship carrying 4,200 tonnes of fertiliser had run aground');
    expect(text).toContain('none of the 19 crew members had been hurt');
    expect(text).toMatch(/Saved as report [a-z0-9]{6}/);
    // Fetched once, from the file's download address on Slack's (here: SLACK_API_URL's) host, with the token.
    const gets = s.fake.fileRequests.filter((r) => file.url_private_download === `${s.fake.base}${r.path}`);
    expect(gets).toEqual([{ path: expect.stringContaining('/download/'), authorization: 'Bearer xoxb-test-token' }]);
    const saved = (await stored()).find((r) => r.text.includes('Kestrelwick'));
    expect(saved?.text).toBe(report);
    expect(saved?.link).toBe(`${TEAM_URL}archives/${CHANNEL}/p${ts.replace('.', '')}`);
  });

  it('puts the message\'s own words first, a blank line before the snippet; a mention with a snippet likewise', async () => {
    const report = wireReport('Brinmouth');
    const { ts, event } = fileShare('Wire copy &amp; notes from this morning', [s.fake.serveFile('wire.txt', report)]);
    await s.deliver(event);
    await s.fake.waitFor('the summary', () => s.postsIn(ts).length > 0);
    expect((await stored()).find((r) => r.text.includes('Brinmouth'))?.text).toBe(`Wire copy & notes from this morning\n\n${report}`);

    // Slack sends a mention twice (message and app_mention): answered once, from app_mention, with the file read.
    const mention = wireReport('Holmfirth');
    const file = s.fake.serveFile('Untitled', mention);
    const m = fileShare(`<@${BOT_USER}> please`, [file]);
    await s.deliver(m.event);
    await s.deliver({ type: 'app_mention', user: ALICE, channel: CHANNEL, ts: m.ts, text: `<@${BOT_USER}> please`, files: [file] });
    const [post] = await s.fake.waitFor('the answer to the mention', () => s.postsIn(m.ts).length > 0 && s.postsIn(m.ts));
    expect(messageText(post.args)).toContain('port authority of Holmfirth');
    expect((await stored()).find((r) => r.text.includes('Holmfirth'))?.text).toBe(`please\n\n${mention}`);
  });

  it('completes a file the event left without details (file_access check_file_info) from files.info', async () => {
    const report = wireReport('Dunmore');
    const full = s.fake.serveFile('Untitled', report);
    const { ts, event } = fileShare('', [{ id: full.id, mode: 'hidden_by_limit', file_access: 'check_file_info' }]);
    await s.deliver(event);
    await s.fake.waitFor('the summary', () => s.postsIn(ts).length > 0);
    expect(s.fake.called('files.info').map((c) => c.args.file)).toContain(full.id);
    expect((await stored()).find((r) => r.text.includes('Dunmore'))?.text).toBe(report);
  });
});

describe('files the bot does not read', { timeout: 60_000 }, () => {
  it('a snippet over CLAIMDESK_MAX_INPUT_BYTES gets the over-size message (to the poster only) before any download', async () => {
    const big = 'The ministry said the bridge was closed. '.repeat(600);
    const file = s.fake.serveFile('Untitled', big);
    const before = s.fake.fileRequests.length;
    const count = await s.desk.log.count(KEY);
    const { ts, event } = fileShare('', [file]);
    await s.deliver(event);
    const [warning] = await s.fake.waitFor('the private answer', () => privateIn(ts).length > 0 && privateIn(ts));
    expect(warning.args.user).toBe(ALICE);
    expect(messageText(warning.args)).toMatch(/The text is too long: 24\.6 KB \(24600 bytes\), and ClaimDesk accepts at most 20 KB/);
    expect(s.fake.fileRequests.length).toBe(before);
    expect(s.postsIn(ts)).toEqual([]);
    expect(await s.desk.log.count(KEY)).toBe(count);
  });

  it('an image is ignored as before: no download, no answer', async () => {
    const image = { ...s.fake.serveFile('front-page.png', 'PNG'), mimetype: 'image/png', filetype: 'png', pretty_type: 'PNG', mode: 'hosted' };
    const before = s.fake.fileRequests.length;
    const { ts, event } = fileShare('look at this', [image]);
    await s.deliver(event);
    await marker();
    expect(s.fake.fileRequests.length).toBe(before);
    expect(s.postsIn(ts)).toEqual([]);
    expect(privateIn(ts)).toEqual([]);
  });

  it('a file on a host that is not Slack\'s is not fetched and gets no token; the poster is told, and it is logged', async () => {
    const foreign = {
      ...s.fake.serveFile('Untitled', 'x'),
      size: 4000,
      url_private: `${elsewhere.origin}/files-pri/x/Untitled`,
      url_private_download: `${elsewhere.origin}/files-pri/x/download/Untitled`,
    };
    const { ts, event } = fileShare('', [foreign]);
    await s.deliver(event);
    const [warning] = await s.fake.waitFor('the private answer', () => privateIn(ts).length > 0 && privateIn(ts));
    expect(messageText(warning.args)).toMatch(/could not read the attached file “Untitled” \(it is not on the platform’s own file host\)/);
    expect(elsewhere.hits).toEqual([]);
    expect(s.logs.join('')).toContain(`not fetching Untitled: ${elsewhere.origin} is not one of the platform's file hosts`);
  });

  it('a file Slack will not serve (its sign-in page: no files:read) gets a clear message; nothing is saved', async () => {
    const file = s.fake.serveFile('Untitled', wireReport('Refused'), {}, { html: true });
    const { ts, event } = fileShare('', [file]);
    await s.deliver(event);
    const [warning] = await s.fake.waitFor('the private answer', () => privateIn(ts).length > 0 && privateIn(ts));
    expect(messageText(warning.args)).toMatch(/could not read the attached file “Untitled” \(the file host sent a web page instead of the file\)/);
    expect((await stored()).some((r) => r.text.includes('Refused'))).toBe(false);
  });
});

describe('the "Summarize claims" shortcut on a snippet', { timeout: 60_000 }, () => {
  it('reads the file and answers in the message\'s thread', async () => {
    const report = wireReport('Saltcombe');
    const ts = nextTs();
    const message = { type: 'message', subtype: 'file_share', user: 'U0BOB', ts, text: '', files: [s.fake.serveFile('Untitled', report)] };
    const res = await send(s.events, form({ payload: JSON.stringify(shortcutPayload(message, s.fake.responseUrl('sc-file'))) }));
    expect(res.status).toBe(200);
    const [post] = await s.fake.waitFor('the shortcut summary', () => s.postsIn(ts).length > 0 && s.postsIn(ts));
    expect(messageText(post.args)).toContain('port authority of Saltcombe');
    expect(messageText(post.args)).toMatch(/Saved as report [a-z0-9]{6}/);
    expect((await stored()).find((r) => r.text.includes('Saltcombe'))?.text).toBe(report);
  });

  it('refuses an over-size snippet before download, to the asker only', async () => {
    const ts = nextTs();
    const file = { ...s.fake.serveFile('Untitled', 'x'), size: 50_000 };
    const message = { type: 'message', subtype: 'file_share', user: 'U0BOB', ts, text: '', files: [file] };
    const before = s.fake.fileRequests.length;
    await send(s.events, form({ payload: JSON.stringify(shortcutPayload(message, s.fake.responseUrl('sc-big'))) }));
    const [warning] = await s.fake.waitFor('the private answer', () => privateIn(ts).length > 0 && privateIn(ts));
    expect(messageText(warning.args)).toMatch(/The text is too long: 50 KB \(50000 bytes\)/);
    expect(s.fake.fileRequests.length).toBe(before);
  });
});
