// /retention: who may set it, what it removes at once, and the daily sweep on ingest.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';
import { CHANNEL, DAY, HOUR, openTestDesk, savedId, type TestDesk } from './helpers/desk.ts';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

const at = (ms: number) => (t.clock.now = new Date(ms));
const count = () => t.desk.log.count(CHANNEL);

describe('/retention', () => {
  test('anyone may ask; only an admin may set it', async () => {
    expect(await t.say('/retention')).toMatch(/keeps reports until someone forgets them/);
    expect(await t.say('/retention 30d')).toMatch(/Only a channel admin/);
    expect(await t.say('/retention 30d', { isAdmin: true })).toMatch(/now keeps reports for 30 days/);
    expect(await t.say('/retention')).toMatch(/keeps reports for 30 days/);
    expect(await t.say('/retention off', { isAdmin: true })).toMatch(/Retention is off/);
    expect(await t.say('/retention')).toMatch(/until someone forgets them/);
  });

  test('bad periods get a clear message', async () => {
    expect(await t.say('/retention soon', { isAdmin: true })).toMatch(/not a retention period.*90d/);
    expect(await t.say('/retention 0d', { isAdmin: true })).toMatch(/between 1 and 3650 days/);
  });

  test('setting it removes older reports at once', async () => {
    const start = t.clock.now.getTime();
    const old = savedId(await t.say(HARBOUR));
    at(start + 40 * DAY);
    const fresh = savedId(await t.say(BRIDGE));
    expect(await t.say('/retention 4w', { isAdmin: true })).toMatch(/keeps reports for 28 days. Removed 1 report/);
    expect(await t.say(`/report ${old}`)).toMatch(/no report/);
    expect(await t.say(`/report ${fresh}`)).toMatch(/pasted by/);
  });

  test('on ingest, expired reports are swept at most once a day', async () => {
    const T = t.clock.now.getTime();
    at(T - 30 * DAY + 30 * 60_000);
    const soon = savedId(await t.say(HARBOUR)); // expires 30 minutes after T
    at(T);
    expect(await t.say('/retention 30d', { isAdmin: true })).toMatch(/Removed 0 reports/);
    at(T + HOUR);
    await t.say(BRIDGE); // swept less than a day ago: not yet
    expect(await t.say(`/report ${soon}`)).toMatch(/pasted by/);
    at(T + 25 * HOUR);
    await t.say(FLOOD); // a day later: swept before storing
    expect(await t.say(`/report ${soon}`)).toMatch(/no report/);
    expect(await count()).toBe(2);
  });
});
