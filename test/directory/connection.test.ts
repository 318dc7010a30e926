// The connection to the directory, against a real slapd: LDAPS and StartTLS
// with the certificate verified against the configured CA (and refused, with a
// clear message, without it), failover from a dead URL to the next, and a
// server that accepts and never answers given up on within the timeout.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { runDirectoryTest } from '../../src/directory/admin.ts';
import { directoryOf } from '../../src/directory/index.ts';
import { isAppError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const SUFFIX = 'dc=contoso,dc=com';

describe('directory connections', { skip: requireTool(slapdAvailable(), 'slapd') }, () => {
  let slapd: Slapd;
  let db: TestDatabase;
  const contexts: AppContext[] = [];
  /** A context with these directory settings (on top of the service account's). */
  const withDirectory = (env: Record<string, string>) => {
    const ctx = createContext(
      loadConfig({
        ...db.env,
        PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
        PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
        PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
        ...env,
      }),
      { log: createLogger('silent') },
    );
    contexts.push(ctx);
    return ctx;
  };
  const upns = async (ctx: AppContext) =>
    (await runDirectoryTest(ctx)).entries.map((e) => e.userPrincipalName);
  const refused = (message: RegExp) => (e: unknown) =>
    isAppError(e) && e.code === 'directory_error' && message.test(e.publicMessage);

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        person(SUFFIX, { uid: 'ada', password: 'x password 1', mail: 'ada@contoso.com' }),
      ].join('\n'),
    });
    db = await freshDatabase();
  });
  after(async () => {
    for (const c of contexts) await closeContext(c);
    await db.drop();
    await slapd?.close();
  });

  it('ldaps:// with the CA file: the certificate is verified and it works', async () => {
    const ctx = withDirectory({
      PORTCULLIS_DIRECTORY_URL: slapd.ldapsUrl,
      PORTCULLIS_DIRECTORY_CA_FILE: slapd.caFile,
    });
    assert.deepEqual(await upns(ctx), ['ada@contoso.com']);
  });

  it('ldaps:// without the CA: refused, saying why, never silently accepted', async () => {
    const ctx = withDirectory({ PORTCULLIS_DIRECTORY_URL: slapd.ldapsUrl });
    await assert.rejects(runDirectoryTest(ctx), refused(/certificate/i));
  });

  it('a certificate for another name is refused', async () => {
    const ctx = withDirectory({
      PORTCULLIS_DIRECTORY_URL: slapd.ldapsUrl,
      PORTCULLIS_DIRECTORY_CA_FILE: slapd.caFile,
      PORTCULLIS_DIRECTORY_TLS_SERVER_NAME: 'dc1.fabrikam.com',
    });
    await assert.rejects(runDirectoryTest(ctx), refused(/altnames|does not match|hostname/i));
  });

  it('StartTLS on ldap://, verified the same way', async () => {
    const ok = withDirectory({
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_STARTTLS: 'on',
      PORTCULLIS_DIRECTORY_CA_FILE: slapd.caFile,
    });
    assert.deepEqual(await upns(ok), ['ada@contoso.com']);
    const bad = withDirectory({
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_STARTTLS: 'on',
    });
    await assert.rejects(runDirectoryTest(bad), refused(/certificate/i));
  });

  it('fails over from a URL that does not answer to the next', async () => {
    const dead = await freePort();
    const ctx = withDirectory({
      PORTCULLIS_DIRECTORY_URL: `ldap://127.0.0.1:${dead} ${slapd.url}`,
    });
    assert.deepEqual(await upns(ctx), ['ada@contoso.com']);
    assert.equal(directoryOf(ctx)!.health().up, true);
  });

  it('a server that accepts and never answers is given up on within the timeout', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const ctx = withDirectory({
        PORTCULLIS_DIRECTORY_URL: `ldap://127.0.0.1:${port}`,
        PORTCULLIS_DIRECTORY_TIMEOUT_MS: '300',
      });
      const started = Date.now();
      await assert.rejects(runDirectoryTest(ctx), refused(/Cannot reach the directory/));
      // Bounded: a connection, a retry on a fresh one — not the operating system's minutes.
      assert.ok(Date.now() - started < 10_000);
      assert.equal(directoryOf(ctx)!.health().up, false);
    } finally {
      for (const s of [silent]) s.close();
    }
  });
});
