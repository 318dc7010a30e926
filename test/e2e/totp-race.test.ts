import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { newSecret } from '../../src/methods/totp/codes.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient } from '../helpers/browser.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServers } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

describe(`one TOTP code, many racing requests, two server processes (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  const secret = newSecret(Buffer.alloc(20, 42));

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, {
      upn: 'race@contoso.com',
      password: 'race password',
      mfaState: 'Enforced',
    });
    const user = await ctx.stores.users.findByUpn('race@contoso.com');
    await addRegistration(ctx, user!.id, 'PhoneAppOTP', { ok: true, secret, details: {} });
    await ctx.db.destroy();
    servers = await startServers(db.env, 2);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('accepts the code exactly once', async () => {
    const clients = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const b = new FormClient((r) => fetch(r), servers[i % 2]!.url);
        await b.page('/');
        const r = await b.submit('/signin', {
          username: 'race@contoso.com',
          password: 'race password',
        });
        assert.match(r.html, /Verify your identity/);
        return b;
      }),
    );
    const code = codeAt(secret, Date.now());
    const results = await Promise.all(clients.map((b) => b.post('/signin/verify', { code })));
    const statuses = results.map((r) => r.status);
    const accepted = results.filter((r) => r.status === 303 && r.headers.get('location') === '/');
    assert.equal(accepted.length, 1, `statuses: ${statuses.join(',')}`);
    // The rest are refused: as a replay (401), or throttled once replays pile up (429).
    const refused = statuses.filter((s) => s === 401 || s === 429).length;
    assert.equal(refused, clients.length - 1, `statuses: ${statuses.join(',')}`);
    for (const s of servers) assert.doesNotMatch(s.output(), /"level":50/, 'no errors logged');
  });
});
