// /report, /forget, /sources and /help over the real channel log.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { COMMANDS } from '../commands/index.ts';
import { FILTERS } from '../src/query.ts';
import { summarize } from '../src/summarize.ts';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';
import { DAY, openTestDesk, savedId, type TestDesk } from './helpers/desk.ts';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

describe('/report', () => {
  test("shows the stored report's summary with who pasted it and when", async () => {
    const id = savedId(await t.say(HARBOUR));
    const out = await t.say(`/report ${id}`);
    expect(out).toContain(`Report ${id}, pasted by alice on 2026-11-10 09:00 UTC`);
    expect(out).toContain(summarize(HARBOUR).headline.slice(0, 40));
    expect(await t.say(`/report ${id}/c2`)).toContain(`Report ${id}`);
  });

  test('an unknown or malformed id gets a clear message', async () => {
    expect(await t.say('/report nope123')).toMatch(/no report nope123 in this channel's log/);
    expect(await t.say('/report')).toMatch(/Give a report id.*Usage: \/report ID/);
    expect(await t.say('/report a;b')).toMatch(/only letters and digits/);
    const id = savedId(await t.say(HARBOUR));
    expect(await t.say(`/report #${id.toUpperCase()}`)).toContain(`Report ${id}`);
  });
});

describe('/forget', () => {
  test('the poster may forget their report; it and its claims are gone', async () => {
    const id = savedId(await t.say(HARBOUR));
    expect(await t.say(`/forget ${id}`)).toMatch(new RegExp(`Forgot report ${id} and its \\d+ claims`));
    expect(await t.say(`/report ${id}`)).toMatch(/no report/);
    expect(await t.say('/claims cranes')).toMatch(/log is empty/);
  });

  test('someone else may not, unless a channel admin', async () => {
    const id = savedId(await t.say(HARBOUR));
    expect(await t.say(`/forget ${id}`, { user: 'U_BOB', userName: 'bob' })).toMatch(/Only alice, who pasted report .*, or a channel admin/);
    expect(await t.desk.log.count({ platform: 'console', workspace: 'local', channel: 'desk' })).toBe(1);
    expect(await t.say(`/forget ${id}`, { user: 'U_BOB', isAdmin: true })).toMatch(/Forgot report/);
    expect(await t.desk.log.count({ platform: 'console', workspace: 'local', channel: 'desk' })).toBe(0);
  });
});

describe('/sources', () => {
  test('lists sources with claim and report counts; since: narrows it', async () => {
    await t.say(HARBOUR);
    t.clock.now = new Date(t.clock.now.getTime() + 10 * DAY);
    await t.say(BRIDGE);
    await t.say(FLOOD);
    const all = await t.say('/sources');
    expect(all).toMatch(/harbour authority: 1 claim in 1 report/i);
    const named = new Set([HARBOUR, BRIDGE, FLOOD].flatMap((r) => summarize(r).sources.map((s) => s.name)));
    expect(all).toContain(`${named.size} sources quoted in this channel`);
    const recent = await t.say('/sources since:7d');
    expect(recent).not.toMatch(/harbour authority/i);
    expect(recent).toMatch(/Defence Ministry/);
    expect(await t.say('/sources since:7d bridge')).toMatch(/does not take bridge/);
    expect(await t.say('/sources page:2')).toMatch(/no option "page:"/);
    expect(await t.say('/sources', { channel: 'quiet' })).toMatch(/No named sources/);
  });
});

describe('/help and unknown commands', () => {
  test('/help lists every command with an example', async () => {
    const [reply] = await t.replies('/help');
    const out = JSON.stringify(reply.blocks);
    for (const c of COMMANDS) {
      expect(out).toContain(`/${c.name}`);
      expect(out).toContain(c.examples[0]);
    }
    expect(reply.fallback).toMatch(/Commands:/);
  });

  test('/help claims lists every filter with an example', async () => {
    const out = await t.say('/help claims');
    for (const f of FILTERS) expect(out).toContain(f.example);
  });

  test('an unknown command, or help for one, lists the valid commands', async () => {
    for (const text of ['/briefing', '/help briefing']) {
      const out = await t.say(text);
      expect(out).toMatch(/There is no command \/briefing/);
      for (const c of COMMANDS) expect(out).toContain(`/${c.name}`);
    }
  });
});
