// /digest: who may turn it on and off, the messages for a bad time or zone, the status (next post in local time
// and UTC, the last one posted), and /digest now (the last 24 hours, not counted as the scheduled one).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';
import { CHANNEL, HOUR, openTestDesk, type TestDesk } from './helpers/desk.ts';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk(); // the clock starts at 2026-11-10 09:00 UTC
});
afterEach(() => t.close());

const say = async (text: string, admin = false) => (await t.say(text, { isAdmin: admin })).replace(/\s+/g, ' ');

describe('/digest', () => {
  test('only a channel admin turns it on or off; anyone sees the status', async () => {
    expect(await say('/digest on 08:00 Europe/Kyiv')).toMatch(/Only a channel admin can turn the daily digest on/);
    expect(await say('/digest')).toMatch(/No daily digest in this channel\. An admin can start one: \/digest on 08:00 Europe\/Kyiv/);
    expect(await say('/digest on 08:00 Europe/Kyiv', true)).toMatch(
      /Daily digest on: every day at 08:00 Europe\/Kyiv, covering the 24 hours before it\. The first one comes 2026-11-11 08:00 Europe\/Kyiv \(2026-11-11 06:00 UTC\)/,
    );
    expect(await t.desk.settings.digestChannels()).toEqual([CHANNEL]);
    expect(await say('/digest status')).toMatch(/Daily digest at 08:00 Europe\/Kyiv\. Next: 2026-11-11 08:00 Europe\/Kyiv \(2026-11-11 06:00 UTC\)\. None posted yet/);
    expect(await say('/digest off')).toMatch(/Only a channel admin can turn the daily digest off/);
    expect(await say('/digest off', true)).toMatch(/Daily digest off/);
    expect(await say('/digest off', true)).toMatch(/no daily digest in this channel; nothing to turn off/);
    expect(await t.desk.settings.digestChannels()).toEqual([]);
    // other settings are kept through on and off
    await say('/paste mention', true);
    await say('/digest on 17:30 UTC', true);
    await say('/digest off', true);
    expect(await say('/paste')).toMatch(/Paste rule here: mention/);
  });

  test('a bad time or an unknown zone gets a clear message and changes nothing', async () => {
    expect(await say('/digest on', true)).toMatch(/Give a time and a time zone: \/digest on 08:00 Europe\/Kyiv/);
    expect(await say('/digest on 08:00', true)).toMatch(/Give a time and a time zone/);
    expect(await say('/digest on 8am Europe/Kyiv', true)).toMatch(/"8am" is not a time of day: use 24-hour HH:MM, e.g. 08:00 or 17:30/);
    expect(await say('/digest on 24:00 UTC', true)).toMatch(/"24:00" is not a time of day/);
    expect(await say('/digest on 08:00 Europe/Atlantis', true)).toMatch(/"Europe\/Atlantis" is not a time zone I know: use an IANA name such as Europe\/Kyiv/);
    expect(await say('/digest on 08:00 Kyiv time', true)).toMatch(/"Kyiv time" is not a time zone I know/);
    expect(await say('/digest later', true)).toMatch(/Use \/digest on HH:MM ZONE, \/digest off, \/digest status or \/digest now\..*Usage: \/digest on HH:MM ZONE \| off \| status \| now/);
    expect(await t.desk.settings.digestChannels()).toEqual([]);
    expect((await t.desk.settings.get(CHANNEL)).digest).toBeUndefined();
  });

  test('zones are accepted in any case and kept in their usual spelling', async () => {
    expect(await say('/digest on 7:05 america/new_york', true)).toMatch(/every day at 07:05 America\/New_York/);
    expect((await t.desk.settings.get(CHANNEL)).digest).toMatchObject({ time: '07:05', timeZone: 'America/New_York' });
  });

  test('/digest now shows the last 24 hours to anyone, and does not count as the scheduled digest', async () => {
    await t.say(HARBOUR);
    t.clock.now = new Date(t.clock.now.getTime() + 20 * HOUR);
    await t.say(BRIDGE);
    t.clock.now = new Date(t.clock.now.getTime() + 6 * HOUR);
    // HARBOUR is 26 hours old now: only BRIDGE is in the last 24 hours
    const now = await say('/digest now');
    expect(now).toMatch(/Daily digest for 2026-11-11: 1 report/);
    expect(await t.desk.settings.lastDigest(CHANNEL)).toBeUndefined();
  });

  test('/help lists it', async () => {
    expect(await say('/help')).toMatch(/\/digest on HH:MM ZONE \| off \| status \| now/);
    expect(await say('/help digest')).toMatch(/\/digest on 08:00 Europe\/Kyiv.*Who may: anyone may see the status or the digest now; a channel admin turns it on or off/);
  });
});
