// Directory users on the legacy fronts of a real `portcullis serve`, with real
// clients (ldapwhoami, radclient) and a real slapd: the server's periodic sync
// brings the users in; the directory password works while MFA allows it, app
// passwords after; with the directory stopped, its users' passwords get
// "unavailable" (LDAP) or no answer (RADIUS) while app passwords go on; and it
// all comes back when the directory does.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { createLogger } from '../../src/log.ts';
import { RULES } from '../../src/policy/limits.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { holdAndRelease, httpRequest, statusOf } from '../helpers/held-requests.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const SUFFIX = 'dc=contoso,dc=com';
const RADIUS_SECRET = 'vpn-shared-secret-0123';
const tools =
  slapdAvailable() &&
  spawnSync('which', ['ldapwhoami']).status === 0 &&
  spawnSync('which', ['radclient']).status === 0;

function radclient(port: number, user: string, password: string, app: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('radclient', [
      '-x',
      '-r',
      '1',
      '-t',
      '2',
      `127.0.0.1:${port}`,
      'auth',
      RADIUS_SECRET,
    ]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
    child.stdin.end(
      `User-Name = "${user}"\nUser-Password = "${password}"\nNAS-Identifier = "${app}"\nMessage-Authenticator = 0x00\n`,
    );
  });
}

describe('directory users on the LDAP and RADIUS fronts (a real server)', {
  skip: requireTool(tools, 'slapd, ldap-utils and freeradius-utils'),
}, () => {
  let slapd: Slapd;
  let db: TestDatabase;
  let server: ServerProcess;
  let ctx: AppContext;
  let ldapUrl: string;
  let radiusPort: number;
  let vpn: string;
  let appPassword: string;
  const whoami = (upn: string, password: string) =>
    spawnSync('ldapwhoami', ['-x', '-H', ldapUrl, '-D', upn, '-w', password], { encoding: 'utf8' });

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        `dn: ou=groups,${SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n`,
        person(SUFFIX, { uid: 'dana', password: 'dana directory pw', mail: 'dana@contoso.com' }),
        person(SUFFIX, { uid: 'erin', password: 'erin directory pw', mail: 'erin@contoso.com' }),
        person(SUFFIX, { uid: 'gus', password: 'gus directory pw', mail: 'gus@contoso.com' }),
        `dn: cn=mfa-enforced,ou=groups,${SUFFIX}\nobjectClass: groupOfNames\ncn: mfa-enforced\nmember: uid=erin,ou=people,${SUFFIX}\n`,
      ].join('\n'),
    });
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
      PORTCULLIS_RADIUS_LISTEN: '127.0.0.1:0',
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
      PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
      PORTCULLIS_DIRECTORY_ENFORCED_GROUPS: 'mfa-enforced',
      PORTCULLIS_DIRECTORY_TIMEOUT_MS: '2000',
      // The server's own periodic sync brings the users in (every 3 seconds here).
      PORTCULLIS_DIRECTORY_SYNC_MINUTES: '0.05',
    });
    server = await startServerProcess(db.env);
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    for (let i = 0; i < 100; i++) {
      if (await ctx.stores.users.findByUpn('erin@contoso.com')) break;
      await sleep(100);
    }
    const erin = await ctx.stores.users.findByUpn('erin@contoso.com');
    assert.ok(erin, `the server's sync created no user:\n${server.output()}`);
    assert.equal(erin.mfa_state, 'Enforced');
    vpn = (await createLegacyApp(ctx, { name: 'VPN', radiusSecret: RADIUS_SECRET })).id;
    appPassword = (await createAppPassword(ctx, erin.id, { name: 'Phone' })).password;
    ldapUrl = `ldap://127.0.0.1:${await server.frontPort('ldap')}`;
    radiusPort = await server.frontPort('radius');
  });
  after(async () => {
    await server?.stop();
    if (ctx) await closeContext(ctx);
    await db?.drop();
    await slapd?.close();
  });

  it('the directory password while MFA allows it, app passwords after — on LDAP and RADIUS', async () => {
    assert.equal(whoami('dana@contoso.com', 'dana directory pw').status, 0);
    assert.equal(whoami('dana@contoso.com', 'not it').status, 49);
    assert.equal(whoami('erin@contoso.com', 'erin directory pw').status, 49, 'Enforced');
    assert.equal(whoami('erin@contoso.com', appPassword).status, 0);
    assert.match(
      await radclient(radiusPort, 'erin@contoso.com', appPassword, vpn),
      /Access-Accept/,
    );
    assert.match(
      await radclient(radiusPort, 'dana@contoso.com', 'dana directory pw', vpn),
      /Access-Accept/,
    );
    assert.match(await radclient(radiusPort, 'dana@contoso.com', 'not it', vpn), /Access-Reject/);
    assert.match(
      await radclient(radiusPort, 'erin@contoso.com', 'erin directory pw', vpn),
      /Access-Reject/,
      'Enforced: the account password is refused',
    );
  });

  it('HTTP verify: 80 wrong directory passwords at once from one client judge (bind) no more than that client may', async () => {
    const basic = (pw: string) =>
      `Basic ${Buffer.from(`gus@contoso.com:${pw}`).toString('base64')}`;
    const answers = await holdAndRelease(
      Array.from({ length: 80 }, (_, i) => ({
        port: server.port,
        payload: httpRequest('POST', `/legacy/v1/verify?app=${vpn}`, {
          authorization: basic(`wrong ${i}`),
        }),
      })),
    );
    const statuses = answers.map(statusOf);
    assert.ok(
      statuses.every((s) => s === 401 || s === 429),
      `statuses: ${[...new Set(statuses)]}`,
    );
    const judged = await ctx.db
      .selectFrom('signin_log')
      .select('id')
      .where('upn', '=', 'gus@contoso.com')
      .where('reason', '=', 'wrong password')
      .execute();
    assert.ok(
      judged.length >= 1 && judged.length <= RULES.legacyClient.free,
      `judged ${judged.length}`,
    );
  });

  it('with the directory stopped: directory passwords get "unavailable", app passwords go on; then it recovers', async () => {
    await slapd.stop();
    try {
      const down = whoami('dana@contoso.com', 'dana directory pw');
      assert.equal(down.status, 52, `unavailable: ${down.stderr}`);
      assert.equal(whoami('erin@contoso.com', appPassword).status, 0, 'app passwords are ours');
      const radius = await radclient(radiusPort, 'dana@contoso.com', 'dana directory pw', vpn);
      assert.doesNotMatch(radius, /Access-(Accept|Reject)/, 'no answer: the client tries again');
      assert.match(
        await radclient(radiusPort, 'erin@contoso.com', appPassword, vpn),
        /Access-Accept/,
      );
    } finally {
      await slapd.start();
    }
    assert.equal(whoami('dana@contoso.com', 'dana directory pw').status, 0);
    const lines = server.output().split('\n');
    assert.equal(lines.filter((l) => l.includes('directory unreachable')).length, 1, 'logged once');
    assert.equal(lines.filter((l) => l.includes('RADIUS request dropped')).length, 0);
  });
});
