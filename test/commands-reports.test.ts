// /report, /forget, /sources and /help over the real channel log.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { COMMANDS } from '../commands/index.ts';
import { FILTERS } from '../src/query.ts';
import { summarize } from '../src/summarize.ts';
import type { Reply } from '../src/reply.ts';
import { BRIDGE, FLOOD, HARBOUR } from './fixtures/desk-reports.ts';
import { seaWallReport } from './fixtures/sea-wall-report.ts';
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

describe('/report ID from:N', () => {
  const claimIds = (r: Reply) => r.blocks.flatMap((b) => (b.kind === 'claim' ? [b.id] : []));
  const contexts = (r: Reply) => r.blocks.flatMap((b) => (b.kind === 'context' ? [b.text] : []));
  const sourceNames = (r: Reply) => r.blocks.flatMap((b) => (b.kind === 'source' ? [b.name] : []));

  test('starts at the N-th claim in the order /report shows them, and says which claims these are', async () => {
    const id = savedId(await t.say(seaWallReport()));
    const [whole] = await t.replies(`/report ${id}`);
    const all = claimIds(whole);
    expect(all).toHaveLength(60);
    expect(contexts(whole).some((c) => /^Claims \d/.test(c))).toBe(false);

    const [page] = await t.replies(`/report ${id} from:31`);
    expect(page.error).toBeUndefined();
    expect(claimIds(page)).toEqual(all.slice(30));
    expect(page.report).toEqual({ id, shown: 'report', from: 31 });
    expect(contexts(page)).toContain(`From claim 31 of 60; /report ${id} starts at the first.`);
    expect(contexts(page)[0]).toMatch(new RegExp(`^Report ${id}, pasted by alice`));
    // The 31st claim's source is named before it; sources whose claims all come earlier are left out.
    const blocks = page.blocks;
    const first = blocks.findIndex((b) => b.kind === 'claim');
    expect(blocks[first - 1].kind).toBe('source');
    const wholeSourceOf = (claim: string) => {
      const at = whole.blocks.findIndex((b) => b.kind === 'claim' && b.id === claim);
      return whole.blocks.slice(0, at).filter((b) => b.kind === 'source').at(-1) as { name: string };
    };
    expect((blocks[first - 1] as { name: string }).name).toBe(wholeSourceOf(all[30]).name);
    expect(sourceNames(page)).not.toContain(wholeSourceOf(all[0]).name);
    // The heading and the flags belong to the whole report and stay.
    expect(blocks[0]).toEqual(whole.blocks[0]);
    expect(JSON.stringify(blocks)).toContain('Unattributed but hedged');
    expect(blocks.filter((b) => b.kind === 'flag')).toEqual(whole.blocks.filter((b) => b.kind === 'flag'));

    const [last] = await t.replies(`/report ${id} from:60`);
    expect(claimIds(last)).toEqual([all[59]]);
    expect(contexts(last)).toContain(`From claim 60 of 60; /report ${id} starts at the first.`);
    // Inside the hedged claims: their heading is kept, the sources before them are not.
    expect(JSON.stringify(last.blocks)).toContain('Unattributed but hedged');
    expect(last.blocks.some((b) => b.kind === 'source')).toBe(false);

    const [one] = await t.replies(`/report ${id} from:1`);
    expect(one.blocks).toEqual(whole.blocks);
    expect(one.report).toEqual({ id, shown: 'report' });
  });

  test('from: past the end, or not a claim number, gets a clear message', async () => {
    const id = savedId(await t.say(seaWallReport()));
    for (const past of ['from:61', 'from:900']) {
      const [r] = await t.replies(`/report ${id} ${past}`);
      expect(r.error, past).toBe(true);
      expect(r.fallback).toBe(`Report ${id} has 60 claims: use from:1 to from:60.`);
    }
    for (const wrong of ['from:abc', 'from:0', 'from:-2', 'from:3.5', 'from:12345678901']) {
      const [r] = await t.replies(`/report ${id} ${wrong}`);
      expect(r.error, wrong).toBe(true);
      expect(r.fallback, wrong).toBe('from: is the number of the claim to start at, counted from 1, like from:31. Usage: /report ID [from:N]');
    }
    expect(await t.say(`/report ${id} page:2`)).toMatch(/\/report has no option "page:". It takes: from:/);
    expect(await t.say(`/report ${id} from:2 from:3`)).toMatch(/from: is given twice/);
    expect(await t.say(`/report ${id} stray from:2`)).toMatch(/only letters and digits/);
    // The option may come first; the claim part of an id is still dropped.
    expect(await t.say(`/report from:59 ${id}/c4`)).toContain('From claim 59 of 60');
    const small = savedId(await t.say(HARBOUR));
    const shown = summarize(HARBOUR).claims.length;
    const [r] = await t.replies(`/report ${small} from:${shown + 5}`);
    expect(r.error).toBe(true);
    expect(r.fallback).toMatch(new RegExp(`^Report ${small} has \\d+ claims?: use from:1`));
  });

  test('Discord sends from: as an option of its own', async () => {
    const id = savedId(await t.say(seaWallReport()));
    const [whole] = await t.replies(`/report ${id}`);
    const [page] = await t.replies('', { kind: 'command', command: 'report', args: { id, from: '42' } });
    expect(claimIds(page)).toEqual(claimIds(whole).slice(41));
    const [bad] = await t.replies('', { kind: 'command', command: 'report', args: { id, from: 'x' } });
    expect(bad.error).toBe(true);
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
