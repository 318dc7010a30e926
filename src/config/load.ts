import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { CONFIG_FILE_ENV, ConfigError } from './error.ts';
import { readCertificates } from './pem.ts';
import { type Config, type ConfigEntry, configSchema } from './schema.ts';

export { CONFIG_FILE_ENV, ConfigError };

const entries = Object.entries(configSchema) as [string, ConfigEntry<unknown>][];
const knownNames = new Set(entries.map(([, e]) => e.env));

/**
 * Reads a configuration file: `NAME=value` lines with the environment
 * variables' names (the dotenv format: `#` comments, optional quotes). A name
 * Portcullis does not know is an error, so a typo never silently falls back to
 * a default.
 */
export function readConfigFile(file: string): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `Cannot read the configuration file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const values = parseEnv(text.replace(/^\uFEFF/, ''));
  const unknown = Object.keys(values).filter((name) => !knownNames.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Unknown setting${unknown.length > 1 ? 's' : ''} in ${file}: ${unknown.join(', ')} (see docs/configuration.md)`,
    );
  }
  return values;
}

/**
 * Reads the configuration: the environment first, then the configuration file
 * named by PORTCULLIS_CONFIG (if any), then the defaults and derived defaults.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env[CONFIG_FILE_ENV] ? readConfigFile(env[CONFIG_FILE_ENV]) : {};
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, e] of entries) {
    const raw = env[e.env] || file[e.env];
    const value = raw === undefined || raw === '' ? e.default : raw;
    const parsed = e.schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${e.env}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  }
  const config = out as { -readonly [K in keyof Config]: Config[K] };
  if (!config.ldapTlsCert !== !config.ldapTlsKey)
    problems.push('PORTCULLIS_LDAP_TLS_CERT and PORTCULLIS_LDAP_TLS_KEY go together: set both');
  if (!config.ldapTlsCert && /ldaps:\/\//i.test(config.ldapListen ?? ''))
    problems.push(
      'PORTCULLIS_LDAP_LISTEN names an ldaps:// address: set PORTCULLIS_LDAP_TLS_CERT and PORTCULLIS_LDAP_TLS_KEY',
    );
  if (config.ldapRequireTls && !config.ldapTlsCert)
    problems.push(
      'PORTCULLIS_LDAP_REQUIRE_TLS needs PORTCULLIS_LDAP_TLS_CERT and PORTCULLIS_LDAP_TLS_KEY (no one could bind otherwise)',
    );
  const vapid = [config.vapidPublicKey, config.vapidPrivateKey, config.vapidSubject];
  if (vapid.some(Boolean) && !vapid.every(Boolean))
    problems.push(
      'PORTCULLIS_VAPID_PUBLIC_KEY, PORTCULLIS_VAPID_PRIVATE_KEY and PORTCULLIS_VAPID_SUBJECT go together: set all three or none',
    );
  // The simulator shows the outbox: with a real provider it would show nothing
  // true, and a setting left on from a trial must not quietly stay exposed.
  if (config.phoneSimulator && config.telephony !== 'outbox')
    problems.push(
      `PORTCULLIS_PHONE_SIMULATOR shows the outbox: it needs PORTCULLIS_TELEPHONY=outbox (not ${config.telephony}); turn it off`,
    );
  if (config.directoryUrl && !config.directoryBaseDn)
    problems.push(
      'PORTCULLIS_DIRECTORY_URL needs PORTCULLIS_DIRECTORY_BASE_DN (where the users are)',
    );
  if (config.directoryBindPassword && config.directoryBindPasswordFile)
    problems.push(
      'PORTCULLIS_DIRECTORY_BIND_PASSWORD and PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE: set one, not both',
    );
  if (config.directoryBindDn && !config.directoryBindPassword && !config.directoryBindPasswordFile)
    problems.push(
      'PORTCULLIS_DIRECTORY_BIND_DN needs a password: PORTCULLIS_DIRECTORY_BIND_PASSWORD or PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE',
    );
  if (config.passkeyAttestationRoots) {
    try {
      readCertificates(config.passkeyAttestationRoots);
    } catch (e) {
      problems.push(`PORTCULLIS_PASSKEY_ATTESTATION_ROOTS: ${(e as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  config.dataDir = path.resolve(config.dataDir);
  config.publicUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  config.databaseUrl ??= `sqlite:${path.join(config.dataDir, 'portcullis.db')}`;
  return config;
}
