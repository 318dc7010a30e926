import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServers } from '../helpers/server.ts';

describe(`revoking app passwords on one node takes effect on another at once (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  let token: string;
  let app: string;
  let password: string;

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    const user = await createUser(ctx, {
      upn: 'rev@contoso.com',
      password: 'revoke password',
      mfaState: 'Enforced',
    });
    app = (await createLegacyApp(ctx, { name: 'IMAP' })).id;
    password = (await createAppPassword(ctx, user.id, { name: 'Mail' })).password;
    token = (await createApiToken(ctx, cliActor(), { name: 'test' })).token;
    await ctx.db.destroy();
    servers = await startServers(db.env, 2);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('deleting all app passwords through node A refuses them on node B immediately', async () => {
    const verify = (base: string) =>
      fetch(`${base}/legacy/v1/verify?app=${app}`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`rev@contoso.com:${password}`).toString('base64')}`,
        },
      });
    assert.equal((await verify(servers[1]!.url)).status, 200);
    const del = await fetch(`${servers[0]!.url}/api/v1/users/rev@contoso.com/app-passwords`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.deepEqual(await del.json(), { deleted: 1 });
    assert.equal((await verify(servers[1]!.url)).status, 401);
  });
});
