// Shared pieces for OpenID Connect end-to-end tests: clients made
// with the CLI, and the OAuth error code of an openid-client failure.
import assert from 'node:assert/strict';
import { runCli } from './cli.ts';
import { freshDatabase, type TestDatabase } from './db.ts';
import { freePort } from './ports.ts';

export interface OidcApp {
  id: string;
  clientSecret: string;
}

/** Registers an OpenID Connect application with `portcullis app add … --json`. */
export async function addOidcApp(args: string[], env: Record<string, string>): Promise<OidcApp> {
  const r = await runCli(['app', 'add', ...args, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as OidcApp;
}

/** The OAuth error code of a failure, from the body or the WWW-Authenticate challenge. */
export const oauthError = (e: unknown) => {
  const err = e as { error?: string; cause?: { parameters?: { error?: string } }[] };
  return err.error ?? err.cause?.[0]?.parameters?.error;
};

/**
 * A fresh database whose server will listen on a known loopback port with
 * that address as its public URL (the OpenID Connect issuer).
 */
export async function databaseWithIssuer(
  env: Record<string, string> = {},
): Promise<{ db: TestDatabase; issuer: string }> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const db = await freshDatabase({ ...env, PORT: String(port), PORTCULLIS_PUBLIC_URL: issuer });
  return { db, issuer };
}
