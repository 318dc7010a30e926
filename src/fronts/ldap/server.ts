// The LDAP protocol engine (RFC 4511) on node:net and node:tls: listeners,
// framing, one connection's requests in order, StartTLS, abandon, unbind and
// the limits that keep a hostile client from holding memory. What a request
// may do is not decided here: each operation is handed to the handlers
// (src/fronts/ldap.ts), which answer with results and entries; this layer
// applies a search's filter, attribute list and size limit to those entries.

import net from 'node:net';
import tls from 'node:tls';
import type { Logger } from '../../log.ts';
import {
  type Control,
  decodeMessage,
  encodeEntry,
  encodeExtended,
  encodeNoticeOfDisconnection,
  encodeResult,
  type LdapMessage,
  type LdapRequest,
  type LdapResult,
  messageSize,
  ProtocolError,
  RESPONSE_OF,
  ResultCode,
  type WriteOp,
} from './ber.ts';
import { typeKey, valueKey } from './dn.ts';
import { attributeValues, type LdapEntry, matches } from './filter.ts';

/** RFC 4511 §4.14: StartTLS. */
export const STARTTLS_OID = '1.3.6.1.4.1.1466.20037';
/** RFC 4532: "Who am I?". */
export const WHOAMI_OID = '1.3.6.1.4.1.4203.1.11.3';

export interface LdapSession<Who> {
  /** The connection's number, for the log. */
  readonly id: number;
  readonly remoteAddress: string | null;
  /** TLS is established: an LDAPS listener, or after StartTLS. */
  readonly tls: boolean;
  /** Who bound on this connection; the handlers set it and clear it. */
  bound: Who | null;
}

export type SearchRequest = Extract<LdapRequest, { op: 'search' }>;

/** What the protocol layer asks of the front that judges (src/fronts/ldap.ts). */
export interface LdapHandlers<Who> {
  /**
   * Before any request but unbind and abandon is carried out: a refusal, or
   * null to carry it out (e.g. nothing but a bind before a bind).
   */
  admit(session: LdapSession<Who>, request: LdapRequest): LdapResult | null;
  bind(
    session: LdapSession<Who>,
    request: Extract<LdapRequest, { op: 'bind' }>,
  ): Promise<LdapResult>;
  /**
   * The entries within the request's base and scope that this session may
   * read, with every attribute it may read; the filter, the attribute list
   * and the size limit are applied here. Or a refusal. Entries may come
   * lazily (an async iterable read a page at a time): no more are asked for
   * once the size limit is passed.
   */
  search(
    session: LdapSession<Who>,
    request: SearchRequest,
  ): Promise<{ entries: Iterable<LdapEntry> | AsyncIterable<LdapEntry> } | LdapResult>;
  /** The entry to compare against, or a refusal (noSuchObject, insufficientAccessRights…). */
  read(session: LdapSession<Who>, dn: string): Promise<{ entry: LdapEntry } | LdapResult>;
  /** RFC 4532: the authorization identity, `dn:…`, of a bound session; or a refusal. */
  whoAmI(session: LdapSession<Who>): LdapResult | { authzId: string };
  /** Add, modify, delete, rename: the front is read-only. */
  write(session: LdapSession<Who>, op: WriteOp): LdapResult;
}

export interface LdapListener {
  host: string;
  port: number;
  /** `ldaps`: TLS from the first byte; `ldap`: plain, with StartTLS when a certificate is given. */
  scheme: 'ldap' | 'ldaps';
}

export interface LdapServerOptions<Who> {
  listeners: LdapListener[];
  handlers: LdapHandlers<Who>;
  /** Certificate and key (PEM): LDAPS listeners need them; plain ones offer StartTLS with them. */
  tls?: { cert: Buffer; key: Buffer };
  log: Pick<Logger, 'warn' | 'debug' | 'error'>;
  limits?: Partial<typeof DEFAULT_LIMITS>;
}

export const DEFAULT_LIMITS = {
  /** No request of ours comes near this; a claim above it is someone filling our memory. */
  maxMessageBytes: 256 * 1024,
  /** Requests read and not yet answered on one connection; beyond, the connection is not read. */
  maxOutstanding: 32,
  /** A connection with nothing to do for this long is closed (clients reconnect). */
  idleMs: 10 * 60_000,
  /** Entries one search returns at most, whatever the client asks. */
  maxEntries: 1000,
};

export interface RunningLdapServer {
  listeners: { port: number; scheme: 'ldap' | 'ldaps'; startTls: boolean }[];
  close(): Promise<void>;
}

export async function startLdapServer<Who>(o: LdapServerOptions<Who>): Promise<RunningLdapServer> {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const secureContext = o.tls
    ? tls.createSecureContext({ cert: o.tls.cert, key: o.tls.key })
    : null;
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const servers: net.Server[] = [];
  const started: RunningLdapServer['listeners'] = [];

  for (const l of o.listeners) {
    if (l.scheme === 'ldaps' && !secureContext)
      throw new Error('LDAPS needs a certificate and a key');
    const onSocket = (socket: net.Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      new Connection(
        socket,
        ++connections,
        l.scheme === 'ldaps',
        l.scheme === 'ldap' ? secureContext : null,
        o,
        limits,
      );
    };
    const server =
      l.scheme === 'ldaps'
        ? tls.createServer({ cert: o.tls!.cert, key: o.tls!.key }, onSocket)
        : net.createServer(onSocket);
    // A handshake that fails is that client's problem (wrong trust, plain text on the TLS port).
    server.on('tlsClientError', (e: Error) =>
      o.log.debug({ err: e.message }, 'LDAP: TLS handshake failed'),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(l.port, l.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (e: Error) => o.log.warn({ err: e.message }, 'LDAP: listener error'));
    servers.push(server);
    started.push({
      port: (server.address() as net.AddressInfo).port,
      scheme: l.scheme,
      startTls: l.scheme === 'ldap' && !!secureContext,
    });
  }
  return {
    listeners: started,
    async close() {
      const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      for (const s of sockets) s.destroy();
      await Promise.all(closed);
    },
  };
}

const EMPTY = Buffer.alloc(0);

/** One client connection: reads messages, carries them out one after another, answers in order. */
class Connection<Who> implements LdapSession<Who> {
  bound: Who | null = null;
  tls: boolean;
  readonly remoteAddress: string | null;
  private buf: Buffer = EMPTY;
  private readonly queue: LdapMessage[] = [];
  private readonly abandoned = new Set<number>();
  private running = false;
  /** The request being carried out. */
  private current: LdapMessage | null = null;
  private closing = false;
  /** Between a successful StartTLS response and the end of the handshake: nothing is read. */
  private upgrading = false;
  private readonly onData = (chunk: Buffer) => this.received(chunk);

  constructor(
    private socket: net.Socket,
    readonly id: number,
    isTls: boolean,
    private readonly startTls: tls.SecureContext | null,
    private readonly o: LdapServerOptions<Who>,
    private readonly limits: typeof DEFAULT_LIMITS,
  ) {
    this.tls = isTls;
    this.remoteAddress = socket.remoteAddress ?? null;
    this.attach(socket);
  }

  private attach(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', this.onData);
    socket.on('error', (e) =>
      this.o.log.debug({ err: e.message, conn: this.id }, 'LDAP: connection error'),
    );
    socket.on('close', () => {
      this.closing = true;
      this.queue.length = 0;
    });
    socket.setTimeout(this.limits.idleMs, () => socket.destroy());
  }

  private received(chunk: Buffer) {
    if (this.closing || this.upgrading) return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.parse();
  }

  /** Takes whole messages off the buffer while there is room for them. */
  private parse() {
    while (!this.closing && !this.upgrading && this.queue.length < this.limits.maxOutstanding) {
      let size: number;
      let message: LdapMessage;
      try {
        size = messageSize(this.buf, this.limits.maxMessageBytes);
        if (!size || this.buf.length < size) break;
        message = decodeMessage(this.buf.subarray(0, size));
      } catch (e) {
        this.protocolError(e);
        return;
      }
      this.buf = this.buf.length === size ? EMPTY : this.buf.subarray(size);
      this.accept(message);
    }
    // Back-pressure: a client that sends faster than it is answered waits in TCP, not in our memory.
    if (this.queue.length >= this.limits.maxOutstanding) this.socket.pause();
    else if (!this.closing) this.socket.resume();
  }

  private accept(message: LdapMessage) {
    const { request } = message;
    // RFC 4511 §4.11: abandon acts at once and has no response; an operation
    // not yet started is dropped, one under way is not answered.
    if (request.op === 'abandon') {
      const at = this.queue.findIndex((m) => m.messageId === request.messageId);
      const target = at >= 0 ? this.queue[at] : this.current;
      // Bind and StartTLS cannot be abandoned (RFC 4511 §4.11).
      if (target?.messageId !== request.messageId || !abandonable(target.request)) return;
      if (at >= 0) this.queue.splice(at, 1);
      else this.abandoned.add(request.messageId);
      return;
    }
    this.queue.push(message);
    void this.run();
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closing && !this.upgrading) {
        const message = this.queue.shift();
        if (!message) break;
        this.abandoned.clear();
        this.current = message;
        const answer = await this.carryOut(message);
        this.current = null;
        if (this.closing) break;
        if (answer && !this.abandoned.has(message.messageId)) {
          if (!this.socket.write(answer))
            await new Promise<void>((resolve) => {
              this.socket.once('drain', resolve);
              this.socket.once('close', resolve);
            });
        }
        if (!this.upgrading) this.parse();
      }
    } finally {
      this.running = false;
    }
  }

  /** One request's whole answer (a search's entries and its end together), or null for none. */
  private async carryOut(m: LdapMessage): Promise<Buffer | null> {
    const { request, messageId } = m;
    if (request.op === 'unbind') {
      // RFC 4511 §4.3: no response; the server ends the session.
      this.closing = true;
      this.socket.end();
      return null;
    }
    const responseId = RESPONSE_OF[request.op]!;
    try {
      const refused = this.o.handlers.admit(this, request);
      if (refused) return encodeResult(messageId, responseId, refused);
      const critical = m.controls.find((c: Control) => c.critical);
      if (critical)
        // RFC 4511 §4.1.11: no control is implemented; a critical one refuses the operation.
        return encodeResult(messageId, responseId, {
          code: ResultCode.unavailableCriticalExtension,
          message: `Control ${critical.oid} is not supported.`,
        });
      switch (request.op) {
        case 'bind':
          if (request.version !== 3)
            return encodeResult(messageId, responseId, {
              code: ResultCode.protocolError,
              message: 'Only LDAP version 3 is supported.',
            });
          return encodeResult(messageId, responseId, await this.o.handlers.bind(this, request));
        case 'search':
          return await this.search(messageId, request);
        case 'compare':
          return encodeResult(messageId, responseId, await this.compare(request));
        case 'extended':
          return this.extended(messageId, request);
        case 'modify':
        case 'add':
        case 'delete':
        case 'modifyDn':
          return encodeResult(messageId, responseId, this.o.handlers.write(this, request.op));
        case 'abandon': // acted on as it arrived (accept)
          return null;
      }
    } catch (e) {
      this.o.log.error({ err: (e as Error).message, conn: this.id }, 'LDAP: operation failed');
      return encodeResult(messageId, responseId, { code: ResultCode.other });
    }
  }

  private async search(messageId: number, request: SearchRequest): Promise<Buffer> {
    const found = await this.o.handlers.search(this, request);
    if (!('entries' in found)) return encodeResult(messageId, 0x65, found);
    const limit = Math.min(request.sizeLimit || Number.POSITIVE_INFINITY, this.limits.maxEntries);
    const out: Buffer[] = [];
    let sent = 0;
    let exceeded = false;
    for await (const entry of found.entries) {
      if (!matches(request.filter, entry)) continue;
      if (sent === limit) {
        exceeded = true;
        break;
      }
      out.push(encodeEntry(messageId, entry.dn, selectAttributes(entry, request)));
      sent++;
    }
    out.push(
      encodeResult(messageId, 0x65, {
        code: exceeded ? ResultCode.sizeLimitExceeded : ResultCode.success,
      }),
    );
    return Buffer.concat(out);
  }

  /** RFC 4511 §4.10, with caseIgnoreMatch for every attribute. */
  private async compare(request: Extract<LdapRequest, { op: 'compare' }>): Promise<LdapResult> {
    const found = await this.o.handlers.read(this, request.dn);
    if (!('entry' in found)) return found;
    const values = attributeValues(found.entry, request.attribute);
    if (!values) return { code: ResultCode.noSuchAttribute };
    const want = valueKey(request.value);
    return {
      code: values.some((v) => valueKey(v) === want)
        ? ResultCode.compareTrue
        : ResultCode.compareFalse,
    };
  }

  private extended(
    messageId: number,
    request: Extract<LdapRequest, { op: 'extended' }>,
  ): Buffer | null {
    if (request.oid === WHOAMI_OID) {
      // RFC 4532 §2.1: the request has no value.
      if (request.value) return encodeExtended(messageId, { code: ResultCode.protocolError });
      const who = this.o.handlers.whoAmI(this);
      return 'authzId' in who
        ? encodeExtended(messageId, { code: ResultCode.success }, { value: who.authzId })
        : encodeExtended(messageId, who);
    }
    if (request.oid === STARTTLS_OID) return this.startTlsAnswer(messageId);
    // RFC 4511 §4.12: an unknown request name gets protocolError (and no name back).
    return encodeExtended(messageId, {
      code: ResultCode.protocolError,
      message: `Extended operation ${request.oid.slice(0, 100)} is not supported.`,
    });
  }

  /** RFC 4511 §4.14 and RFC 4513 §3.1: answer in the clear, then the handshake (written here: null). */
  private startTlsAnswer(messageId: number): Buffer | null {
    const refuse = (code: number, message: string) =>
      encodeExtended(messageId, { code, message }, { oid: STARTTLS_OID });
    if (this.tls) return refuse(ResultCode.operationsError, 'TLS is already established.');
    if (!this.startTls)
      return refuse(
        ResultCode.protocolError,
        'StartTLS is not offered: no certificate is configured.',
      );
    // §4.14.1: the client sends nothing more until it has the answer.
    if (this.queue.length || this.buf.length)
      return refuse(ResultCode.operationsError, 'Requests are outstanding.');
    this.upgrading = true;
    const context = this.startTls;
    const answer = encodeExtended(messageId, { code: ResultCode.success }, { oid: STARTTLS_OID });
    const plain = this.socket;
    plain.write(answer, () => {
      if (this.closing) return;
      plain.off('data', this.onData);
      plain.setTimeout(0);
      const secure = new tls.TLSSocket(plain, { isServer: true, secureContext: context });
      secure.once('secure', () => {
        this.tls = true;
        this.upgrading = false;
        this.parse();
      });
      this.attach(secure);
    });
    return null;
  }

  /** RFC 4511 §4.1.1: a message that cannot be read ends the session, with a Notice of Disconnection. */
  private protocolError(e: unknown) {
    const known = e instanceof ProtocolError;
    this.o.log.warn(
      { client: this.remoteAddress, conn: this.id, err: (e as Error).message },
      'LDAP: malformed request, connection closed',
    );
    this.closing = true;
    this.queue.length = 0;
    this.buf = EMPTY;
    const socket = this.socket;
    socket.end(
      encodeNoticeOfDisconnection(
        ResultCode.protocolError,
        known ? 'Malformed request.' : 'Request not understood.',
      ),
    );
    // A client that does not read is not waited for.
    setTimeout(() => socket.destroy(), 1000).unref();
  }
}

const abandonable = (r: LdapRequest) =>
  r.op !== 'bind' && !(r.op === 'extended' && r.oid === STARTTLS_OID);

/** The attributes a search asked for (RFC 4511 §4.5.1.8): none (`1.1`), all (`*` or none named), or those named. */
function selectAttributes(entry: LdapEntry, request: SearchRequest): [string, readonly string[]][] {
  const asked = request.attributes.map((a) => typeKey(a.split(';')[0]!));
  const all = asked.length === 0 || asked.includes('*');
  if (!all && asked.every((a) => a === '1.1' || a === '+')) return [];
  const wanted = new Set(asked);
  return Object.entries(entry.attributes)
    .filter(([name]) => all || wanted.has(typeKey(name)))
    .map(([name, values]) => [name, request.typesOnly ? [] : values]);
}
