// Directory users signing in, against a real slapd: the password checked by
// binding as the entry (never stored), proof-up to Enforced, the legacy fronts'
// rules unchanged (account password while MFA allows it, app passwords after),
// password change and reset refused, and an outage of the directory: directory
// users get "temporarily unavailable" (503) with one log line, local users and
// app passwords go on, and sign-in comes back when the directory does.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { closeContext, createContext } from '../../src/context.ts';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { directoryOf } from '../../src/directory/index.ts';
import { syncDirectory } from '../../src/directory/sync.ts';
import { isAppError } from '../../src/errors.ts';
import { createApp } from '../../src/http/app.tsx';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { resetPassword } from '../../src/services/user-admin.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { requireTool } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  ssha,
  startSlapd,
} from '../helpers/slapd.ts';
import { codeAt, secretFromPage } from '../helpers/totp.ts';

const SUFFIX = 'dc=contoso,dc=com';
const GENERIC = 'Your account or password is incorrect.';
const UNAVAILABLE = 'Sign-in is temporarily unavailable. Try again in a few minutes.';

describe('directory users sign in', { skip: requireTool(slapdAvailable(), 'slapd') }, () => {
  let slapd: Slapd;
  let t: TestApp;
  let appId: string;
  const logLines: string[] = [];
  const client = () => new FormClient((req) => t.app.request(req));
  const signIn = async (upn: string, password: string) => {
    const b = client();
    await b.page('/');
    return { b, ...(await b.submit('/signin', { username: upn, password })) };
  };
  const verify = (upn: string, password: string) =>
    t.app.request(`/legacy/v1/verify?app=${appId}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${upn}:${password}`).toString('base64')}` },
    });
  const userId = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.id;

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        `dn: ou=groups,${SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n`,
        person(SUFFIX, { uid: 'dana', password: 'dana directory pw', mail: 'dana@contoso.com' }),
        person(SUFFIX, { uid: 'zed', password: 'zed directory pw', mail: 'zed@contoso.com' }),
        // A DN with LDAP's special characters: an escaped comma, parentheses, a quote, a
        // multi-valued RDN (+).
        [
          `dn: cn=O'Brien\\, Pat (Sales)+uid=pob,ou=people,${SUFFIX}`,
          'objectClass: inetOrgPerson',
          "cn: O'Brien, Pat (Sales)",
          'uid: pob',
          "sn: O'Brien",
          'mail: pob@contoso.com',
          `userPassword: ${ssha('pob directory pw')}`,
          '',
        ].join('\n'),
        person(SUFFIX, { uid: 'erin', password: 'erin directory pw', mail: 'erin@contoso.com' }),
        person(SUFFIX, {
          uid: 'mona',
          password: 'mona directory pw',
          mail: 'mona@contoso.com',
          mobile: '+420 601 234 567',
        }),
        person(SUFFIX, {
          uid: 'pat',
          password: 'pat directory pw',
          mail: 'pat@contoso.com',
          mobile: '+420 603 000 111',
        }),
        `dn: cn=mfa-enabled,ou=groups,${SUFFIX}\nobjectClass: groupOfNames\ncn: mfa-enabled\nmember: uid=erin,ou=people,${SUFFIX}\nmember: uid=mona,ou=people,${SUFFIX}\nmember: uid=pat,ou=people,${SUFFIX}\n`,
      ].join('\n'),
    });
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    t = await createTestApp(
      {
        PORTCULLIS_DIRECTORY_URL: slapd.url,
        PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
        PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
        PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
        PORTCULLIS_DIRECTORY_ENABLED_GROUPS: 'mfa-enabled',
        PORTCULLIS_DIRECTORY_TIMEOUT_MS: '2000',
      },
      { log },
    );
    await t.addUser({ upn: 'lou@contoso.com', password: 'local user password' });
    const r = await syncDirectory(t.ctx, directoryOf(t.ctx)!, {
      trigger: 'cli',
      actor: cliActor(),
    });
    assert.equal(r.created, 6, JSON.stringify(r.errors));
    appId = (await createLegacyApp(t.ctx, { name: 'Mail' })).id;
  });
  after(async () => {
    await t?.close();
    await slapd?.close();
  });

  it('signs a directory user in with the directory password; a wrong one gets the generic error', async () => {
    const ok = await signIn('Dana@contoso.com', 'dana directory pw');
    assert.match(textOf(ok.html), /My account/);
    const wrong = await signIn('dana@contoso.com', 'dana directory pw!');
    assert.equal(wrong.res.status, 401);
    assert.match(textOf(wrong.html), new RegExp(GENERIC));
    const log = await t.ctx.db
      .selectFrom('signin_log')
      .select(['result', 'reason'])
      .where('upn', '=', 'dana@contoso.com')
      .orderBy('at')
      .execute();
    assert.deepEqual(
      log.map((l) => l.result),
      ['success', 'failure'],
    );
    // The password never reaches the database.
    const row = (await t.ctx.stores.users.findByUpn('dana@contoso.com'))!;
    assert.equal(row.password_hash, '');
  });

  it('a user whose DN holds LDAP special characters signs in (the DN is bound as the directory gives it)', async () => {
    const row = (await t.ctx.stores.users.findByUpn('pob@contoso.com'))!;
    // (slapd writes the comma as \2C.)
    assert.match(row.directory_dn!, /^cn=O'Brien(\\,|\\2C) Pat \(Sales\)\+uid=pob,ou=people,/i);
    assert.equal(row.display_name, "O'Brien, Pat (Sales)");
    assert.match(textOf((await signIn('pob@contoso.com', 'pob directory pw')).html), /My account/);
    assert.equal((await signIn('pob@contoso.com', 'pob directory p')).res.status, 401);
  });

  it('an Enabled directory user registers a method and becomes Enforced', async () => {
    const { b } = await signIn('erin@contoso.com', 'erin directory pw');
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    await b.pastAppPasswordsStep();
    assert.equal((await t.ctx.stores.users.findByUpn('erin@contoso.com'))!.mfa_state, 'Enforced');
  });

  it("proof-up offers the directory's mobile number, masked, and verifies it before registering it", async () => {
    const { b } = await signIn('mona@contoso.com', 'mona directory pw');
    const form = await b.submit('/signin/proofup', { method: 'OneWaySMS' });
    const text = textOf(form.html);
    assert.match(text, /My mobile number \+•{10}67, from your organisation's directory/);
    assert.doesNotMatch(form.html, /601 ?234|601234567/, 'the number is not on the page');
    await b.submit('/signin/proofup/verify', { numberFrom: 'directory', channel: 'text' });
    const sent = await outboxStore(t.ctx.db).list({ number: '+420601234567', limit: 5 });
    assert.equal(sent.length, 1, 'texted to the directory number');
    const code = /\b(\d{6})\b/.exec(sent[0]!.body ?? '')![1]!;
    await b.submit('/signin/proofup/verify', { code });
    await b.pastAppPasswordsStep();
    const methods = await t.ctx.stores.methods.listForUser(await userId('mona@contoso.com'));
    assert.deepEqual(methods.map((m) => m.method_type).sort(), ['OneWaySMS', 'TwoWayVoiceMobile']);
    // Another number can be typed instead; the directory's is then not used.
    const other = (await signIn('pat@contoso.com', 'pat directory pw')).b;
    await other.submit('/signin/proofup', { method: 'OneWaySMS' });
    await other.submit('/signin/proofup/verify', {
      numberFrom: 'other',
      country: 'CZ',
      number: '602345678',
      channel: 'text',
    });
    assert.equal(
      (await outboxStore(t.ctx.db).list({ number: '+420602345678', limit: 5 })).length,
      1,
    );
    assert.equal(
      (await outboxStore(t.ctx.db).list({ number: '+420603000111', limit: 5 })).length,
      0,
    );
  });

  it('legacy fronts: the account password while MFA allows it, then app passwords only', async () => {
    assert.equal((await verify('dana@contoso.com', 'dana directory pw')).status, 200);
    assert.equal((await verify('dana@contoso.com', 'wrong')).status, 401);
    // erin is Enforced now: her directory password is refused, an app password works.
    assert.equal((await verify('erin@contoso.com', 'erin directory pw')).status, 401);
    const { password } = await createAppPassword(t.ctx, await userId('erin@contoso.com'), {
      name: 'Mail',
    });
    const res = await verify('erin@contoso.com', password);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { credential: string }).credential, 'app password');
  });

  it('refuses to change or reset a directory password, saying where it is managed', async () => {
    const { b } = await signIn('dana@contoso.com', 'dana directory pw');
    await b.page('/security-info/password');
    assert.match(textOf(b.lastHtml), /managed by your organisation's directory/);
    assert.doesNotMatch(b.lastHtml, /name="current"/);
    // Security info says so instead of linking to the form; a form sent anyway is refused.
    await b.page('/security-info');
    assert.match(textOf(b.lastHtml), /managed by your organisation's directory/);
    assert.doesNotMatch(b.lastHtml, /href="\/security-info\/password"/);
    await b.page('/'); // (a page with the session's CSRF token)
    const res = await b.post('/security-info/password', {
      current: 'dana directory pw',
      password: 'a brand new password',
      confirm: 'a brand new password',
    });
    assert.match(textOf(await res.text()), /managed by your organisation's directory/);
    await assert.rejects(
      resetPassword(t.ctx, cliActor(), 'dana@contoso.com'),
      (e: unknown) => isAppError(e) && e.code === 'managed_by_directory',
    );
    assert.equal((await verify('dana@contoso.com', 'dana directory pw')).status, 200);
  });

  it('an entry removed from the directory and synced on one node is refused on another at once', async () => {
    // A second node on the same database.
    const other = createContext(t.database.config, { log: createLogger('silent') });
    try {
      const app = createApp(other);
      const b = new FormClient((req) => app.request(req));
      await b.page('/');
      await b.submit('/signin', { username: 'zed@contoso.com', password: 'zed directory pw' });
      assert.match(textOf((await b.page('/')).html), /My account/);
      await slapd.modify((c) => c.del(`uid=zed,ou=people,${SUFFIX}`));
      const r = await syncDirectory(t.ctx, directoryOf(t.ctx)!, {
        trigger: 'cli',
        actor: cliActor(),
      });
      assert.equal(r.blocked, 1);
      assert.doesNotMatch(textOf((await b.page('/')).html), /My account/, 'the session ended');
      const again = new FormClient((req) => app.request(req));
      await again.page('/');
      const refused = await again.submit('/signin', {
        username: 'zed@contoso.com',
        password: 'zed directory pw',
      });
      assert.equal(refused.res.status, 401);
      assert.match(textOf(refused.html), new RegExp(GENERIC));
    } finally {
      await closeContext(other);
    }
  });

  it('while the directory is down: 503 for directory users, one log line, local users and app passwords unaffected; then it recovers', async () => {
    const { password } = await createAppPassword(t.ctx, await userId('dana@contoso.com'), {
      name: 'Phone',
    });
    await slapd.stop();
    try {
      for (let i = 0; i < 3; i++) {
        const down = await signIn('dana@contoso.com', 'dana directory pw');
        assert.equal(down.res.status, 503);
        assert.match(textOf(down.html), new RegExp(UNAVAILABLE));
        const api = await verify('dana@contoso.com', 'dana directory pw');
        assert.equal(api.status, 503);
        assert.ok(Number(api.headers.get('retry-after')) > 0);
      }
      assert.match(
        textOf((await signIn('lou@contoso.com', 'local user password')).html),
        /My account/,
      );
      assert.equal(
        (await verify('dana@contoso.com', password)).status,
        200,
        'app passwords are ours',
      );
      assert.equal(logLines.filter((l) => l.includes('directory unreachable')).length, 1);
    } finally {
      await slapd.start();
    }
    const back = await signIn('dana@contoso.com', 'dana directory pw');
    assert.match(textOf(back.html), /My account/);
    assert.equal(logLines.filter((l) => l.includes('directory reachable again')).length, 1);
    // A 503 is not a wrong guess: nothing was counted against dana.
    const limits = await t.ctx.db
      .selectFrom('limits')
      .select(['key', 'failures'])
      .where('subject', '=', 'dana@contoso.com')
      .where('failures', '>', 0)
      .execute();
    assert.deepEqual(limits, []);
  });
});
