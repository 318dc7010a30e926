// Admin portal → Directory against a real slapd: status, Test connection (with
// a user name), Sync now and a dry run, what was not synced; users show their
// source; and an unreachable directory shown as such, not as an error page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { requireTool } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const SUFFIX = 'dc=contoso,dc=com';

describe('admin portal: Directory', { skip: requireTool(slapdAvailable(), 'slapd') }, () => {
  let slapd: Slapd;
  let t: TestApp;
  let admin: FormClient;
  const post = async (path: string, fields: Record<string, string>) => {
    await admin.page('/admin/directory');
    const res = await admin.post(path, fields);
    return { res, text: textOf(await res.text()) };
  };

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        person(SUFFIX, { uid: 'ada', password: 'x password 1', mail: 'ada@contoso.com' }),
        person(SUFFIX, { uid: 'bob', password: 'x password 1', mail: 'bob@contoso.com' }),
        person(SUFFIX, { uid: 'nomail', password: 'x password 1' }),
      ].join('\n'),
    });
    t = await createTestApp({
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
      PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
      PORTCULLIS_DIRECTORY_TIMEOUT_MS: '2000',
    });
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true, password: 'root password 1' });
    admin = new FormClient((req) => t.app.request(req));
    await admin.page('/');
    await admin.submit('/signin', { username: 'root@contoso.com', password: 'root password 1' });
  });
  after(async () => {
    await t?.close();
    await slapd?.close();
  });

  it('shows the settings and that nothing was synced yet; Test connection reads users as Portcullis would', async () => {
    const { res, html } = await admin.page('/admin/directory');
    assert.equal(res.status, 200);
    const text = textOf(html);
    assert.match(text, /Not contacted by this node yet/);
    assert.match(text, new RegExp(`Servers ${slapd.url}`));
    assert.match(text, /Last sync never/);
    assert.match(html, /<a[^>]+href="\/admin\/directory"[^>]*aria-current/);
    const tested = await post('/admin/directory/test', { upn: 'bob@contoso.com' });
    assert.equal(tested.res.status, 200);
    assert.match(tested.text, /Connection works/);
    assert.match(tested.text, /uid=bob,ou=people,dc=contoso,dc=com bob@contoso\.com/);
    assert.doesNotMatch(tested.text, /uid=ada/);
  });

  it('a dry run shows what would change and changes nothing; Sync now applies it and lists what it could not sync', async () => {
    const dry = await post('/admin/directory/sync', { dryRun: 'on' });
    assert.match(dry.text, /Dry run: nothing was changed/);
    assert.match(dry.text, /create ada@contoso\.com/);
    assert.equal(await t.ctx.stores.users.findByUpn('ada@contoso.com'), undefined);
    const done = await post('/admin/directory/sync', {});
    assert.match(done.text, /Synced 3 entries: 2 created/);
    assert.match(
      done.text,
      /Not synced \(1\) .*uid=nomail,ou=people,dc=contoso,dc=com .*has no mail/,
    );
    const again = textOf((await admin.page('/admin/directory')).html);
    assert.match(again, /Last sync .*\(portal, root@contoso\.com\): partial, 2 created/);
    assert.match(again, /2 from the directory \(0 blocked by it\), 1 local/);
  });

  it('users show their source; a directory user has no password reset', async () => {
    const list = (await admin.page('/admin/users')).html;
    assert.match(textOf(list), /ada@contoso\.com.*directory/);
    const page = textOf((await admin.page('/admin/users/ada@contoso.com')).html);
    assert.match(page, /Source Directory: uid=ada,ou=people,dc=contoso,dc=com/);
    assert.doesNotMatch(page, /Reset password/);
    assert.match(
      textOf((await admin.page('/admin/users/root@contoso.com')).html),
      /Reset password/,
    );
  });

  it('an unreachable directory is shown on the page, with what it means', async () => {
    await slapd.stop();
    try {
      const r = await post('/admin/directory/test', {});
      assert.equal(r.res.status, 502);
      assert.match(r.text, /Cannot reach the directory/);
      assert.match(r.text, /unreachable since .* Directory users cannot sign in meanwhile/);
    } finally {
      await slapd.start();
    }
    const back = await post('/admin/directory/test', {});
    assert.equal(back.res.status, 200);
    assert.match(textOf((await admin.page('/admin/directory')).html), /up since/);
  });
});
