// Two server processes writing to one database at once (one SQLite file in WAL
// mode, or one PostgreSQL schema): sign-ins, wrong passwords and app-password
// checks interleaved on both, and no error reaches anyone (SQLITE_BUSY is
// waited out, never a 500 or a 503).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient } from '../helpers/browser.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServers } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'writer password 1';
const USERS = 24;
const secretOf = (i: number) => `KRSXG5CTMVRXEZ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}Q`;

describe(`concurrent writers: two processes, one ${onPostgres ? 'PostgreSQL' : 'SQLite'} database`, () => {
  let db: TestDatabase;
  let nodes: ServerProcess[];
  let mail: string;
  const appPasswords: string[] = [];

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_ADMIN_PASSWORD: 'admin password 1' });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      await migrate(ctx.db, ctx.dialect);
      mail = (await createLegacyApp(ctx, { name: 'Mail', fronts: ['verify'] })).id;
      for (let i = 0; i < USERS; i++) {
        const u = await createUser(ctx, {
          upn: `w${i}@contoso.com`,
          password: PASSWORD,
          mfaState: 'Enforced',
        });
        await addRegistration(ctx, u.id, 'PhoneAppOTP', {
          ok: true,
          secret: secretOf(i),
          details: {},
        });
        appPasswords.push((await createAppPassword(ctx, u.id, { name: 'Mail' })).password);
      }
    } finally {
      await ctx.db.destroy();
    }
    nodes = await startServers(db.env, 2);
  });
  after(async () => {
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await db?.drop();
  });

  it('sign-ins, wrong passwords and app-password checks on both at once: no 5xx, no error logged', async () => {
    const statuses: number[] = [];
    const note = (res: Response) => {
      statuses.push(res.status);
      return res;
    };
    const node = (i: number) => nodes[i % 2]!;
    /** Each request of a sign-in goes to the other node than the one before. */
    const signIn = async (i: number) => {
      let k = i;
      const b = new FormClient((r) => {
        const url = new URL(r.url);
        return fetch(new Request(node(k++).url + url.pathname + url.search, r)).then(note);
      });
      await b.page('/');
      await b.post('/signin', { username: `w${i}@contoso.com`, password: PASSWORD });
      await b.page('/signin/step');
      const done = await b.post('/signin/verify', { code: codeAt(secretOf(i), Date.now()) });
      return done.status;
    };
    const verify = (i: number, secret: string) =>
      fetch(`${node(i).url}/legacy/v1/verify?app=${mail}`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`w${i % USERS}@contoso.com:${secret}`).toString('base64')}`,
        },
      }).then(note);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < USERS; i++) {
      work.push(signIn(i).then((s) => assert.equal(s, 303, `w${i} signs in`)));
      for (let j = 0; j < 4; j++) {
        work.push(verify(i + j, appPasswords[(i + j) % USERS]!));
        work.push(verify(i + j, 'not the password'));
      }
    }
    await Promise.all(work);
    assert.deepEqual(
      statuses.filter((s) => s >= 500),
      [],
      'no 5xx',
    );
    for (const n of nodes) {
      assert.doesNotMatch(n.output(), /"level":(50|60)/, 'no error logged');
      assert.doesNotMatch(n.output(), /SQLITE_BUSY|database unavailable/);
    }
  });
});
