import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServers } from '../helpers/server.ts';

describe(`sending limits hold across two server processes (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_SEND_LIMIT_PER_USER: '3',
    });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, {
      upn: 'lim@contoso.com',
      password: 'limit password',
      mfaState: 'Enforced',
    });
    const user = await ctx.stores.users.findByUpn('lim@contoso.com');
    await addRegistration(ctx, user!.id, 'OneWaySMS', {
      ok: true,
      secret: '+420601555444',
      details: { masked: '+••••••••••44' },
    });
    await ctx.db.destroy();
    servers = await startServers(db.env, 2);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('counts texts sent by either node against one limit', async () => {
    // One browser whose requests land on alternate nodes (sessions live in the database).
    let n = 0;
    const b = new FormClient((req) => {
      const target = new URL(req.url);
      const base = new URL(servers[n++ % 2]!.url);
      target.host = base.host;
      return fetch(new Request(target, req));
    }, servers[0]!.url);
    await b.page('/');
    const first = await b.submit('/signin', {
      username: 'lim@contoso.com',
      password: 'limit password',
    });
    assert.match(textOf(first.html), /We sent a text message/);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const method = /method=([^"&]+)/.exec(b.lastHtml)![1]!;
      const r = await b.submit(`/signin/resend?method=${method}`, { resend: '1' });
      statuses.push(r.res.status);
    }
    assert.deepEqual(
      statuses,
      [200, 200, 429],
      'the first text and two resends, then the limit of 3',
    );
    assert.match(textOf(b.lastHtml), /Too many messages or calls were sent/);
  });
});
