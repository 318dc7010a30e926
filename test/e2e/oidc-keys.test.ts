import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { runCli } from '../helpers/cli.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { authorize, discover, newBrowser, REDIRECT } from '../helpers/oidc-person.ts';
import { addOidcApp, databaseWithIssuer, type OidcApp } from '../helpers/oidc-rp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

const kids = async (issuer: string) => {
  const res = await fetch(`${issuer}/oidc/jwks`);
  return ((await res.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
};

// `portcullis keys rotate` run beside a running server (as on another node):
// the server publishes the new key and signs with it without a restart.
describe('signing key rotation reaches a running server', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let issuer: string;
  let app: OidcApp;
  const person = { upn: 'rhea@contoso.com', password: 'rhea password 1' };

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer());
    app = await addOidcApp(['--name', 'Wiki', '--redirect-uri', REDIRECT, '--first-party'], db.env);
    const user = await runCli(
      ['user', 'add', person.upn, '--password-stdin'],
      db.env,
      person.password,
    );
    assert.equal(user.code, 0, user.stderr);
    server = await startServerProcess(db.env);
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('publishes the new key beside the old one and signs ID tokens with it', async () => {
    const config = await discover(issuer, app.id, app.clientSecret);
    const b = newBrowser(issuer);
    const before = await kids(issuer);
    assert.equal(before.length, 2, 'an RS256 key and an ES256 key');
    const first = await (await authorize(b, config, person)).tokens();
    assert.equal(decodeProtectedHeader(first.id_token!).kid, before[0]);

    const rotated = await runCli(['keys', 'rotate'], db.env);
    assert.equal(rotated.code, 0, rotated.stderr);
    let now = before;
    for (let i = 0; i < 50 && now.length < 4; i++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await kids(issuer);
    }
    assert.equal(now.length, 4, 'the new keys are published within seconds');
    assert.deepEqual(
      now.slice(2).sort(),
      [...before].sort(),
      'the old keys stay published for their tokens',
    );
    const next = await (await authorize(b, config, person)).tokens();
    assert.equal(decodeProtectedHeader(next.id_token!).kid, now[0], 'signed with the new key');
    assert.notEqual(now[0], before[0]);
  });
});
