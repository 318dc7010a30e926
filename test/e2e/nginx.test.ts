import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient } from '../helpers/browser.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { hasNginx, type Nginx, startNginx } from '../helpers/nginx.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

describe('nginx auth_request in front of a static page', {
  skip: requireTool(hasNginx, 'nginx'),
}, () => {
  let db: TestDatabase;
  let portcullis: ServerProcess;
  let nginx: Nginx;
  let site: string;
  let appPassword: string;

  before(async () => {
    const nginxPort = await freePort();
    site = `http://127.0.0.1:${nginxPort}`;
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_REDIRECT_HOSTS: `127.0.0.1:${nginxPort}`,
    });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    const user = await createUser(ctx, {
      upn: 'web@contoso.com',
      password: 'web password 1',
      displayName: 'Web',
      mfaState: 'Enforced',
    });
    const app = (await createLegacyApp(ctx, { name: 'Static site', fronts: ['forward-auth'] })).id;
    appPassword = (await createAppPassword(ctx, user.id, { name: 'curl', scopes: [app] })).password;
    await createUser(ctx, {
      upn: 'dis@contoso.com',
      password: 'web password 1',
      displayName: 'Dis',
    });
    await ctx.db.destroy();
    const port = await freePort();
    portcullis = await startServerProcess({
      ...db.env,
      PORT: String(port),
      PORTCULLIS_PUBLIC_URL: `http://127.0.0.1:${port}`,
    });

    const auth = `${portcullis.url}/legacy/v1/forward-auth?app=${app}`;
    nginx = await startNginx(
      (prefix) => `  server {
    listen 127.0.0.1:${nginxPort};
    root ${prefix}/html;
    location / {
      auth_request /portcullis-auth;
      auth_request_set $portcullis_signin $upstream_http_location;
      auth_request_set $portcullis_user $upstream_http_x_portcullis_user;
      add_header X-Seen-User $portcullis_user always;
      error_page 401 =302 $portcullis_signin;
    }
    location /dav/ {
      auth_request /portcullis-auth;
      auth_request_set $portcullis_user $upstream_http_x_portcullis_user;
      add_header X-Seen-User $portcullis_user always;
    }
    location = /portcullis-auth {
      internal;
      proxy_pass ${auth};
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
    }
  }
`,
      `${site}/dav/`,
      { 'html/index.html': '<h1>Protected page</h1>', 'html/dav/file.txt': 'protected file' },
    );
  });
  after(async () => {
    await nginx?.stop();
    await portcullis?.stop();
    await db?.drop();
  });

  it('a browser without a session is sent to sign in, and back to the page after', async () => {
    const first = await fetch(`${site}/`, { redirect: 'manual' });
    assert.equal(first.status, 302);
    const signin = new URL(first.headers.get('location')!);
    assert.equal(signin.searchParams.get('rd'), `${site}/`);
    const b = new FormClient((r) => fetch(r), portcullis.url);
    await b.page(`/?rd=${encodeURIComponent(`${site}/`)}`);
    const res = await b.post('/signin', {
      username: 'dis@contoso.com',
      password: 'web password 1',
      rd: `${site}/`,
    });
    assert.equal(res.headers.get('location'), `${site}/`);
    // Same host (127.0.0.1): the browser sends the Portcullis session cookie to the site too.
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const page = await fetch(`${site}/`, { headers: { cookie }, redirect: 'manual' });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Protected page/);
    assert.equal(page.headers.get('x-seen-user'), 'dis@contoso.com');
  });

  it('a client with an app password gets the file; a wrong one or the account password of an Enforced user does not', async () => {
    const get = (user: string, secret: string) =>
      fetch(`${site}/dav/file.txt`, {
        headers: { authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` },
      });
    const ok = await get('web@contoso.com', appPassword);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'protected file');
    assert.equal((await get('web@contoso.com', 'web password 1')).status, 401);
    assert.equal((await get('web@contoso.com', 'aaaa-bbbb-cccc-dddd-eeee-ffff-gggg')).status, 401);
    assert.equal((await fetch(`${site}/dav/file.txt`)).status, 401);
  });
});
