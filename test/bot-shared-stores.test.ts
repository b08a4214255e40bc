// Two bot processes' worth of bots sharing one Postgres log and one Redis state, as when several run: a
// report pasted to both at once is stored once, a setting made through one holds in the other, a retried
// event is answered once, and channels stay apart with guessed ids.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBot, type Bot, type BotEvent } from '../src/bot.ts';
import { openDesk, type Desk } from '../src/open-bot.ts';
import { renderText } from '../src/render/text.ts';
import { BRIDGE, HARBOUR } from './fixtures/desk-reports.ts';
import { savedId } from './helpers/desk.ts';
import { TEST_POSTGRES, TEST_REDIS, describeWithService, dropServiceRun, postgresDown, redisDown } from './helpers/services.ts';

const down = (await postgresDown()) ?? (await redisDown());
const run = `${process.pid}_${Date.now()}`;
const schema = `claimdesk_bot_test_${run}`;
const where = { platform: 'slack', workspace: `T_${run}`, channel: 'C_DESK' };

describeWithService('the bot on Postgres and Redis, two instances', down, () => {
  const desks: Desk[] = [];
  const bots: Bot[] = [];
  const say = async (bot: Bot, text: string, event: Partial<BotEvent> = {}) =>
    (await bot.handle({ ...where, user: 'U_ALICE', userName: 'alice', kind: text.startsWith('/') ? 'command' : 'mention', text, ...event }))
      .map(renderText)
      .join('\n');
  const command = (bot: Bot, text: string, event: Partial<BotEvent> = {}) => {
    const [name, ...rest] = text.slice(1).split(' ');
    return say(bot, text, { command: name, args: rest.join(' '), ...event });
  };

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const desk = await openDesk({ storeUrl: `${TEST_POSTGRES}?schema=${schema}`, stateUrl: TEST_REDIS });
      desks.push(desk);
      bots.push(createBot({ log: desk.log, settings: desk.settings, seen: desk.seen }));
    }
  });
  afterAll(async () => {
    await Promise.all(desks.map((d) => d.close()));
    // leave nothing behind in the shared Redis: this run's channel settings carry its workspace id
    await dropServiceRun(`T_${run}`, schema);
  });

  it('the same report pasted to both at once is stored once', async () => {
    const answers = await Promise.all(bots.map((b) => say(b, HARBOUR)));
    expect(answers.filter((a) => /Saved as report/.test(a))).toHaveLength(1);
    expect(answers.filter((a) => /Already in this channel's log/.test(a))).toHaveLength(1);
    expect(await desks[0].log.count(where)).toBe(1);
  });

  it('a setting made through one bot holds in the other', async () => {
    expect(await command(bots[0], '/paste mention', { isAdmin: true })).toMatch(/set to mention/);
    expect(await command(bots[1], '/paste')).toMatch(/Paste rule here: mention/);
    expect(await bots[1].handle({ ...where, user: 'U_BOB', kind: 'message', text: `${HARBOUR}\n\n${BRIDGE}` })).toEqual([]);
  });

  it('a retried event is answered by one bot only', async () => {
    const event = { id: `Ev_${run}`, kind: 'mention' as const };
    const answers = await Promise.all(bots.map((b) => b.handle({ ...where, user: 'U_ALICE', text: BRIDGE, ...event })));
    expect(answers.map((a) => a.length).sort()).toEqual([0, 1]);
  });

  it('another channel never sees these reports, even with their ids', async () => {
    const id = savedId(await say(bots[0], 'The harbour master said the port reopened on Friday.'));
    const elsewhere = { channel: 'C_OTHER' };
    expect(await command(bots[1], `/report ${id}`, elsewhere)).toMatch(/no report/);
    expect(await command(bots[1], '/claims harbour', elsewhere)).toMatch(/log is empty/);
    expect(await command(bots[1], `/report ${id}`)).toMatch(/pasted by alice/);
  });
});
