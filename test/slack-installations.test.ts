// Slack installations (multi-workspace OAuth) on the bot state: they come back as stored, are unreadable at rest,
// and a wrong key says so instead of handing Bolt garbage.
import type { Installation } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTALLATIONS, SecretKeyError, keyvInstallationStore, parseSecretKey } from '../adapters/slack/installations.ts';
import { openDesk, type Desk } from '../src/open-bot.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = 'ab'.repeat(32);

function installation(team: string, token: string): Installation {
  return {
    team: { id: team, name: `Team ${team}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0CLAIM',
    authVersion: 'v2',
  };
}

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk({ storeUrl: 'sqlite::memory:', stateUrl: 'sqlite::memory:' });
});
afterEach(async () => {
  await desk.close();
});

const kv = () => desk.kv<string>(INSTALLATIONS);
const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });

describe('Slack installation store', () => {
  it('gives back what was stored, per workspace', async () => {
    const store = keyvInstallationStore(kv, KEY);
    await store.storeInstallation(installation('T1', 'xoxb-team-one'));
    await store.storeInstallation(installation('T2', 'xoxb-team-two'));
    expect(await store.fetchInstallation(query('T1'))).toEqual(installation('T1', 'xoxb-team-one'));
    expect((await store.fetchInstallation(query('T2'))).bot?.token).toBe('xoxb-team-two');
    await store.deleteInstallation!(query('T1'));
    await expect(store.fetchInstallation(query('T1'))).rejects.toThrow(/not installed in Slack team T1/);
  });

  it('keeps only ciphertext at rest', async () => {
    await keyvInstallationStore(kv, KEY).storeInstallation(installation('T1', 'xoxb-secret-token'));
    const raw = await (await kv()).get('team:T1');
    expect(raw).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(raw).not.toContain('xoxb');
    expect(Buffer.from(raw!.slice(3), 'base64').toString('latin1')).not.toContain('xoxb-secret-token');
  });

  it('says clearly when the key is not the one the installation was stored with', async () => {
    await keyvInstallationStore(kv, KEY).storeInstallation(installation('T1', 'xoxb-team-one'));
    const wrong = keyvInstallationStore(kv, OTHER_KEY);
    await expect(wrong.fetchInstallation(query('T1'))).rejects.toThrow(SecretKeyError);
    await expect(wrong.fetchInstallation(query('T1'))).rejects.toThrow(/CLAIMDESK_SECRET_KEY is not the key it was saved with/);
  });

  it('will not pass one workspace\'s entry off as another\'s', async () => {
    await keyvInstallationStore(kv, KEY).storeInstallation(installation('T1', 'xoxb-team-one'));
    const store = await kv();
    await store.set('team:T2', (await store.get('team:T1'))!);
    await expect(keyvInstallationStore(kv, KEY).fetchInstallation(query('T2'))).rejects.toThrow(SecretKeyError);
  });

  it('refuses a key that is not 32 bytes, saying how to make one', () => {
    expect(parseSecretKey(OTHER_KEY)).toHaveLength(32);
    expect(parseSecretKey(KEY)).toHaveLength(32);
    expect(() => parseSecretKey('hunter2')).toThrow(/openssl rand -base64 32/);
    expect(() => keyvInstallationStore(kv, 'short')).toThrow(SecretKeyError);
  });
});
