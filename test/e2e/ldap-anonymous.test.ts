// Issue 15, finding 3: the LDAP front serves no one anonymously. RFC 4513
// allows anonymous binds (§5.1.1) and unauthenticated ones (§5.1.2); Portcullis
// refuses both, and every operation on a connection that has not bound.
// Checked with the real ldapwhoami and with hand-encoded BER on a plain socket,
// so neither ldap-utils' nor ldapjs's idea of a bind stands between the test
// and the bytes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { ldapSimpleBind, tlv } from '../helpers/held-requests.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const hasLdapUtils = spawnSync('which', ['ldapwhoami']).status === 0;
const BASE = 'dc=portcullis';
const DAN = `uid=dan@contoso.com,ou=people,${BASE}`;
const DAN_PASSWORD = 'dan password 1';
const WHOAMI_OID = '1.3.6.1.4.1.4203.1.11.3';
/** RFC 4511 §4.1.9 result codes the front may refuse with. */
const REFUSED = [48, 49]; // inappropriateAuthentication, invalidCredentials

// --- LDAP messages as bytes (RFC 4511 §4.2 and §4.12; BER from the helpers) ---

const int = (n: number) => tlv(0x02, Buffer.from([n]));
const str = (tag: number, s: string) => tlv(tag, Buffer.from(s, 'utf8'));

/** LDAPMessage { messageID, BindRequest { version 3, name, simple [0] password } }. */
const bindRequest = ldapSimpleBind;
/** LDAPMessage { messageID, ExtendedRequest { requestName [0] "Who am I?" } } (RFC 4532). */
const whoamiRequest = (id: number) => tlv(0x30, int(id), tlv(0x77, str(0x80, WHOAMI_OID)));
/** A base-scope search for DAN's entry, (objectClass=*), all attributes. */
const searchRequest = (id: number) =>
  tlv(
    0x30,
    int(id),
    tlv(
      0x63,
      str(0x04, DAN),
      tlv(0x0a, Buffer.from([0])),
      tlv(0x0a, Buffer.from([0])),
      int(0),
      int(0),
      tlv(0x01, Buffer.from([0])),
      str(0x87, 'objectClass'),
      tlv(0x30),
    ),
  );

interface Tlv {
  tag: number;
  content: Buffer;
  /** Bytes the element took, header included. */
  size: number;
}

/** Reads one element from the start of `buf`, or null while it is incomplete. */
function readTlv(buf: Buffer): Tlv | null {
  if (buf.length < 2) return null;
  let length = buf[1]!;
  let header = 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (buf.length < 2 + octets) return null;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + buf[2 + i]!;
    header += octets;
  }
  if (buf.length < header + length) return null;
  return { tag: buf[0]!, content: buf.subarray(header, header + length), size: header + length };
}

interface LdapResult {
  messageId: number;
  /** The protocolOp's application tag (0x61 BindResponse, 0x78 ExtendedResponse, 0x65 SearchResultDone…). */
  op: number;
  resultCode: number;
  /** SearchResultEntry messages that came before (a search's entries). */
  entries: number;
}

/** Decodes an LDAPMessage whose protocolOp begins with an LDAPResult (RFC 4511 §4.1.9). */
function decodeResult(message: Tlv, entries: number): LdapResult {
  assert.equal(message.tag, 0x30, 'an LDAPMessage is a SEQUENCE');
  const id = readTlv(message.content)!;
  assert.equal(id.tag, 0x02, 'messageID');
  const op = readTlv(message.content.subarray(id.size))!;
  const code = readTlv(op.content)!;
  assert.equal(code.tag, 0x0a, 'resultCode is an ENUMERATED');
  return {
    messageId: id.content.readUIntBE(0, id.content.length),
    op: op.tag,
    resultCode: code.content.readUIntBE(0, code.content.length),
    entries,
  };
}

/**
 * A plain TCP LDAP client: `send` writes one request and resolves with the
 * next response that ends an operation (entries of a search are skipped), or
 * 'closed' when the server hangs up first.
 */
async function connect(port: number) {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  let buf = Buffer.alloc(0);
  let closed = false;
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const w of waiting.splice(0)) w();
  };
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    wake();
  });
  sock.on('close', () => {
    closed = true;
    wake();
  });
  sock.on('error', () => {});
  const next = async (): Promise<LdapResult | 'closed'> => {
    let entries = 0;
    for (;;) {
      const message = readTlv(buf);
      if (message) {
        buf = buf.subarray(message.size);
        const op = readTlv(message.content.subarray(readTlv(message.content)!.size))!;
        // A SearchResultEntry: the operation goes on.
        if (op.tag === 0x64) {
          entries++;
          continue;
        }
        return decodeResult(message, entries);
      }
      if (closed) return 'closed';
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return {
    async send(request: Buffer) {
      sock.write(request);
      return next();
    },
    close: () => sock.destroy(),
  };
}

describe('LDAP front: no anonymous access', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let port: number;
  let url: string;

  before(async () => {
    db = await freshDatabase({ PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0' });
    const ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    await createUser(ctx, { upn: 'dan@contoso.com', password: DAN_PASSWORD });
    await ctx.db.destroy();
    server = await startServerProcess(db.env);
    port = await server.frontPort('ldap');
    url = `ldap://127.0.0.1:${port}`;
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  describe('with ldapwhoami', { skip: requireTool(hasLdapUtils, 'ldap-utils') }, () => {
    const whoami = (...args: string[]) =>
      spawnSync('ldapwhoami', ['-x', '-H', url, ...args], { encoding: 'utf8', timeout: 10_000 });
    /** ldapwhoami exits with the result code and names it: "ldap_bind: … (48)". */
    const assertRefused = (r: ReturnType<typeof whoami>, what: string) => {
      assert.ok(REFUSED.includes(r.status!), `${what}: exit ${r.status} ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^ldap_bind: .*\\(${r.status}\\)$`, 'm'), what);
      assert.doesNotMatch(r.stdout, /anonymous|dn:/, what);
    };

    it('refuses an anonymous bind (no DN, no password)', () => {
      assertRefused(whoami(), 'anonymous');
    });

    it('refuses an empty DN with a password', () => {
      assertRefused(whoami('-D', '', '-w', DAN_PASSWORD), 'empty DN');
    });

    it('refuses an unauthenticated bind: a DN with an empty password (RFC 4513 §5.1.2)', () => {
      assertRefused(whoami('-D', DAN, '-w', ''), 'empty password');
    });

    it('still binds with the right password and answers who', () => {
      const r = whoami('-D', DAN, '-w', DAN_PASSWORD);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), `dn:${DAN}`);
    });
  });

  describe('with hand-encoded BER', () => {
    it('answers a bind with empty name and empty simple password with 48 or 49', async () => {
      const ldap = await connect(port);
      const r = await ldap.send(bindRequest(1, '', ''));
      ldap.close();
      assert.notEqual(r, 'closed');
      if (r === 'closed') return;
      assert.equal(r.op, 0x61, 'a BindResponse');
      assert.equal(r.messageId, 1);
      assert.ok(REFUSED.includes(r.resultCode), `resultCode ${r.resultCode}`);
    });

    it('refuses a DN with an empty password, and an empty DN with a password', async () => {
      const ldap = await connect(port);
      const unauthenticated = await ldap.send(bindRequest(1, DAN, ''));
      const nameless = await ldap.send(bindRequest(2, '', DAN_PASSWORD));
      ldap.close();
      for (const r of [unauthenticated, nameless]) {
        assert.notEqual(r, 'closed');
        if (r === 'closed') return;
        assert.equal(r.op, 0x61);
        assert.ok(REFUSED.includes(r.resultCode), `resultCode ${r.resultCode}`);
      }
    });

    it('refuses "who am I?" and a search after an anonymous bind', async () => {
      const ldap = await connect(port);
      const bind = await ldap.send(bindRequest(1, '', ''));
      const who = await ldap.send(whoamiRequest(2));
      const search = await ldap.send(searchRequest(3));
      ldap.close();
      for (const [what, r] of [
        ['bind', bind],
        ['whoami', who],
        ['search', search],
      ] as const) {
        assert.notEqual(r, 'closed', what);
        if (r === 'closed') return;
        assert.ok(REFUSED.includes(r.resultCode), `${what}: resultCode ${r.resultCode}`);
        assert.equal(r.entries, 0, what);
      }
    });

    it('refuses "who am I?" and a search on a connection that never bound', async () => {
      const ldap = await connect(port);
      const who = await ldap.send(whoamiRequest(1));
      const search = await ldap.send(searchRequest(2));
      ldap.close();
      for (const [what, r] of [
        ['whoami', who],
        ['search', search],
      ] as const) {
        assert.notEqual(r, 'closed', what);
        if (r === 'closed') return;
        assert.equal(r.messageId, what === 'whoami' ? 1 : 2);
        assert.ok(REFUSED.includes(r.resultCode), `${what}: resultCode ${r.resultCode}`);
        assert.equal(r.entries, 0, what);
      }
    });

    it('a failed bind leaves a bound connection anonymous again (RFC 4511 §4.2.1)', async () => {
      const ldap = await connect(port);
      const bound = await ldap.send(bindRequest(1, DAN, DAN_PASSWORD));
      const whoBound = await ldap.send(whoamiRequest(2));
      const failed = await ldap.send(bindRequest(3, DAN, 'wrong password'));
      const whoAfter = await ldap.send(whoamiRequest(4));
      const searchAfter = await ldap.send(searchRequest(5));
      ldap.close();
      assert.deepEqual(bound, { messageId: 1, op: 0x61, resultCode: 0, entries: 0 }, 'binds');
      assert.deepEqual(whoBound, { messageId: 2, op: 0x78, resultCode: 0, entries: 0 });
      assert.deepEqual(failed, { messageId: 3, op: 0x61, resultCode: 49, entries: 0 });
      assert.notEqual(whoAfter, 'closed');
      assert.notEqual(searchAfter, 'closed');
      if (whoAfter === 'closed' || searchAfter === 'closed') return;
      assert.ok(REFUSED.includes(whoAfter.resultCode), `whoami: ${whoAfter.resultCode}`);
      assert.ok(REFUSED.includes(searchAfter.resultCode), `search: ${searchAfter.resultCode}`);
      assert.equal(searchAfter.entries, 0);
    });

    it('a bound connection searches its own entry', async () => {
      const ldap = await connect(port);
      await ldap.send(bindRequest(1, DAN, DAN_PASSWORD));
      const search = await ldap.send(searchRequest(2));
      ldap.close();
      assert.deepEqual(search, { messageId: 2, op: 0x65, resultCode: 0, entries: 1 });
    });
  });
});
