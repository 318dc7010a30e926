import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/load.ts';

/** Keys derived from the one master key, each for one purpose (HKDF, RFC 5869). */
export interface Keys {
  /** AES-256-GCM key for secrets at rest (TOTP seeds, …). */
  secretsAtRest: Buffer;
  /** HMAC key for keyed hashes of secrets people type (app passwords, …). */
  credentialHmac: Buffer;
  /** HMAC key for CSRF tokens of visitors who have no session yet. */
  csrf: Buffer;
  /** Signs oidc-provider's cookies (the same on every node). */
  oidcCookies: Buffer;
}

export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      'PORTCULLIS_SECRET_KEY must be 32 bytes, as 64 hex or 44 base64 characters',
    );
  }
  return key;
}

/** The master key from configuration, or from DATA_DIR/secret.key (generated on first use). */
export function loadMasterKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) return parseMasterKey(secretKey);
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return parseMasterKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `portcullis ${info}`, 32));
  return {
    secretsAtRest: derive('secrets-at-rest v1'),
    credentialHmac: derive('credential-hmac v1'),
    csrf: derive('csrf v1'),
    oidcCookies: derive('oidc-cookies v1'),
  };
}
