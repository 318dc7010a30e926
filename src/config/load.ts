import path from 'node:path';
import { type Config, type ConfigEntry, configSchema } from './schema.ts';

export class ConfigError extends Error {}

/** Reads the configuration from an environment, applying defaults and derived defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, e] of Object.entries(configSchema) as [string, ConfigEntry<unknown>][]) {
    const raw = env[e.env];
    const value = raw === undefined || raw === '' ? e.default : raw;
    const parsed = e.schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${e.env}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  const config = out as { -readonly [K in keyof Config]: Config[K] };
  config.dataDir = path.resolve(config.dataDir);
  config.publicUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  config.databaseUrl ??= `sqlite:${path.join(config.dataDir, 'portcullis.db')}`;
  return config;
}
