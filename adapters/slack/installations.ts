// Where Bolt's OAuth keeps each workspace's installation (its bot token and more): one entry per team (or per
// Enterprise Grid org for an org-wide install) in the bot state's keyv namespace 'slack-installations', sealed
// with AES-256-GCM under CLAIMDESK_SECRET_KEY, so a copy of the state database holds no usable token.
// The entry's key is bound to its ciphertext (associated data): one team's entry cannot be passed off as another's.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Keyv } from 'keyv';

export const INSTALLATIONS = 'slack-installations';
const VERSION = 'v1';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/**
 * CLAIMDESK_SECRET_KEY → 32 bytes: 64 hex digits, or base64 of 32 bytes (`openssl rand -base64 32`).
 * Anything else is refused with a message saying how to make one.
 */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(t)) return Buffer.from(t, 'base64');
  throw new SecretKeyError(
    'CLAIMDESK_SECRET_KEY must be 32 random bytes, as 64 hex digits or base64 (make one with `openssl rand -base64 32`).',
  );
}

/** "v1:" + base64(iv | tag | ciphertext). */
export function seal(key: Buffer, plaintext: string, label: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(label));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function unseal(key: Buffer, sealed: string, label: string): string {
  const [version, data] = sealed.split(':');
  if (version !== VERSION || !data) throw new SecretKeyError(`The Slack installation for ${label} is not in a form this ClaimDesk reads.`);
  const raw = Buffer.from(data, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(label));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError(
      `The Slack installation for ${label} cannot be decrypted: CLAIMDESK_SECRET_KEY is not the key it was saved with ` +
        '(restore that key, or install the app in that workspace again).',
    );
  }
}

/** "team:T123" or "enterprise:E123" (org-wide installs). */
export function installationKey(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  if (q.teamId) return `team:${q.teamId}`;
  throw new Error('A Slack installation needs a team id (or an enterprise id for an org-wide install).');
}

/** No installation is stored for that team (never installed, or removed): the digest scheduler does not retry. */
export class NotInstalledError extends Error {}

/** Bolt's InstallationStore over a keyv namespace; `kv` is asked for on each call, so a state that comes back is used. */
export function keyvInstallationStore(kv: () => Promise<Keyv<string>>, secretKey: string): InstallationStore {
  const key = parseSecretKey(secretKey);
  return {
    async storeInstallation(installation) {
      const id = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await (await kv()).set(id, seal(key, JSON.stringify(installation), id));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = installationKey(query);
      const sealed = await (await kv()).get(id);
      if (sealed === undefined) throw new NotInstalledError(`ClaimDesk is not installed in Slack ${id.replace(':', ' ')}.`);
      return JSON.parse(unseal(key, sealed, id)) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await (await kv()).delete(installationKey(query));
    },
  };
}
