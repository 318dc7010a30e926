// The directory through the admin API and the command line: status, a test of
// the settings (user names looked up as values, never as filter syntax), a sync
// now, one sync at a time, and a clear answer when no directory is configured.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change } from 'ldapts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { leasesStore } from '../../src/storage/leases.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { requireTool } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const SUFFIX = 'dc=contoso,dc=com';

describe('the directory through the API and the command line', {
  skip: requireTool(slapdAvailable(), 'slapd'),
}, () => {
  let slapd: Slapd;
  let t: TestApp;
  let token: string;
  let directoryEnv: Record<string, string>;
  const api = (method: string, path: string, body?: unknown) =>
    t.app.request(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const json = async (res: Response, status = 200) => {
    const text = await res.text();
    assert.equal(res.status, status, text);
    return JSON.parse(text);
  };

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        person(SUFFIX, {
          uid: 'ada',
          password: 'ada password 1',
          mail: 'ada@contoso.com',
          mobile: '+44 7700 900123',
        }),
        person(SUFFIX, { uid: 'bob', password: 'bob password 1', mail: 'bob@contoso.com' }),
        person(SUFFIX, { uid: 'star', password: 'x password 1', mail: 'st*r@contoso.com' }),
        person(SUFFIX, { uid: 'nomail', password: 'x password 1' }),
      ].join('\n'),
    });
    directoryEnv = {
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
      PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
      PORTCULLIS_DIRECTORY_SYNC_MINUTES: '60',
    };
    t = await createTestApp(directoryEnv);
    token = (await createApiToken(t.ctx, cliActor(), { name: 'ops' })).token;
  });
  after(async () => {
    await t?.close();
    await slapd?.close();
  });

  it('status before any sync: configured, not contacted yet, a sync due', async () => {
    const s = await json(await api('GET', '/directory'));
    assert.equal(s.configured, true);
    assert.deepEqual(s.urls, [slapd.url]);
    assert.equal(s.connection.up, null);
    assert.equal(s.lastRun, null);
    assert.ok(s.nextSyncAt);
  });

  it('test: binds, reads users with the attribute map applied (mobile masked), and names the entries it cannot use', async () => {
    const r = await json(await api('POST', '/directory/test', {}));
    const ada = r.entries.find((e: { dn: string }) => e.dn.startsWith('uid=ada,'));
    assert.equal(ada.userPrincipalName, 'ada@contoso.com');
    assert.equal(ada.mobile, '+••••••••••23');
    const nomail = r.entries.find((e: { dn: string }) => e.dn.startsWith('uid=nomail,'));
    assert.match(nomail.problem, /has no mail/);
  });

  it('test --user looks a user name up as a value: filter syntax in it matches nothing else (RFC 4515)', async () => {
    const one = await json(await api('POST', '/directory/test', { upn: 'ADA@contoso.com' }));
    assert.deepEqual(
      one.entries.map((e: { userPrincipalName: string }) => e.userPrincipalName),
      ['ada@contoso.com'],
    );
    // A literal star is a character: it finds the entry whose address has one, no other.
    const star = await json(await api('POST', '/directory/test', { upn: 'st*r@contoso.com' }));
    assert.deepEqual(
      star.entries.map((e: { dn: string }) => e.dn.split(',')[0]),
      ['uid=star'],
    );
    for (const upn of [
      '*',
      '*@contoso.com',
      'ada@contoso.com)(|(mail=*',
      '*)(objectClass=*',
      'ada\\2a',
      'a\u0000b',
    ]) {
      const r = await json(await api('POST', '/directory/test', { upn }));
      assert.deepEqual(r.entries, [], `"${upn}" found entries`);
    }
    // The filter shown escapes what it looked for.
    const shown = await json(await api('POST', '/directory/test', { upn: 'a*(b)\\c' }));
    assert.match(shown.filter, /mail=a\\2a\\28b\\29\\5cc/);
  });

  it('sync now through the API, then the status shows the run; a second sync while one runs is refused', async () => {
    const r = await json(await api('POST', '/directory/sync', { dryRun: false }));
    assert.equal(r.created, 3);
    assert.equal(r.errors.length, 1);
    const s = await json(await api('GET', '/directory'));
    assert.equal(s.connection.up, true);
    assert.equal(s.lastRun.status, 'partial');
    assert.equal(s.lastRun.actor, 'token ops');
    assert.equal(s.lastRun.trigger, 'api');
    assert.equal(s.users.directory, 3);
    assert.ok(Date.parse(s.nextSyncAt) > Date.parse(s.lastRun.startedAt));
    // Another node holds the lease: a sync now is refused, nothing recorded.
    await leasesStore(t.ctx.db).take('directory-sync', 'other-node:1:x', Date.now(), 60_000);
    try {
      const busy = await json(await api('POST', '/directory/sync', {}), 409);
      assert.match(busy.detail, /already running \(other-node\)/);
    } finally {
      await leasesStore(t.ctx.db).release('directory-sync', 'other-node:1:x');
    }
    assert.equal((await json(await api('GET', '/directory'))).runs.length, 1);
  });

  it('the command line: directory sync --json (exit 3: an entry not synced), status, test --user', async () => {
    const env = { ...t.database.env };
    const sync = await runCli(['directory', 'sync', '--json'], env);
    assert.equal(sync.code, 3, sync.stderr);
    const report = JSON.parse(sync.stdout);
    assert.equal(report.unchanged, 3);
    assert.match(report.errors[0].entry, /^uid=nomail,/);
    const status = await runCli(['directory', 'status'], env);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /Users +: 3 from the directory \(0 blocked by it\), 0 local/);
    assert.match(status.stdout, /Last sync +: .* \(cli, cli\): partial/);
    const test = await runCli(['directory', 'test', '--user', 'bob@contoso.com'], env);
    assert.equal(test.code, 0, test.stderr);
    assert.match(test.stdout, /uid=bob,ou=people,dc=contoso,dc=com/);
  });

  it('on a terminal, sync shows how many entries it has read, then a progress bar while it applies', async () => {
    await slapd.modify((c) =>
      c.modify(`uid=bob,ou=people,${SUFFIX}`, [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'displayName', values: ['Bob Builder'] }),
        }),
      ]),
    );
    // `script` gives the command a terminal.
    const bin = new URL('../../bin/portcullis.js', import.meta.url).pathname;
    const r = spawnSync(
      'script',
      ['-qec', `'${process.execPath}' '${bin}' directory sync`, '/dev/null'],
      {
        env: { ...process.env, ...t.database.env },
        encoding: 'utf8',
      },
    );
    assert.match(r.stdout, /Reading the directory: 4 entries/);
    assert.match(r.stdout, /Applying \[#{30}\] 1\/1/);
    assert.match(r.stdout, /Synced 4 entries: 0 created, 1 updated/);
    assert.match(r.stdout, /update +bob@contoso\.com +displayName: bob → Bob Builder/);
  });

  it('without a directory: status says so, sync and test answer 404 with what to set', async () => {
    const bare = await createTestApp();
    try {
      const admin = (await createApiToken(bare.ctx, cliActor(), { name: 'x' })).token;
      const call = (method: string, path: string, body?: unknown) =>
        bare.app.request(`/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      assert.equal((await json(await call('GET', '/directory'))).configured, false);
      const sync = await json(await call('POST', '/directory/sync', {}), 404);
      assert.match(sync.detail, /PORTCULLIS_DIRECTORY_URL/);
      assert.equal((await call('POST', '/directory/test', {})).status, 404);
    } finally {
      await bare.close();
    }
  });
});
