// Talking to the directory: two small pools of connections (ldapts), one bound
// as the service account for searches, one for checking users' passwords by
// binding as them. Connections open lazily, across the configured URLs in
// order; a URL that fails to connect is skipped for a while. Every wait is
// bounded (PORTCULLIS_DIRECTORY_TIMEOUT_MS). An outage is logged once when it
// starts and once when it ends, not at every request.
import { type ConnectionOptions, rootCertificates } from 'node:tls';
import {
  BusyError,
  Client,
  type Entry,
  type Filter,
  InvalidCredentialsError,
  ResultCodeError,
  UnavailableError,
} from 'ldapts';
import type { Logger } from '../log.ts';
import type { DirectorySettings } from './settings.ts';

/** No configured directory server answered (or each refused to work): try again later. */
export class DirectoryUnavailableError extends Error {}

/** The directory answered, and refused the service account: a configuration fault. */
export class DirectoryServiceBindError extends Error {}

/** How long a URL that failed is skipped before it is tried again. */
const SKIP_MS = 30_000;

export interface SearchRequest {
  base: string;
  filter: Filter;
  scope?: 'base' | 'one' | 'sub';
  attributes: string[];
  /** Attributes whose values are binary (objectGUID). */
  buffers?: string[];
}

export interface DirectoryHealth {
  /** null before the first contact. */
  up: boolean | null;
  /** When the current state began (epoch ms). */
  since: number | null;
  /** The last fault, for the administrator. */
  lastError: string | null;
}

/** An LDAP answer that means "not now" rather than "no". */
const busy = (e: unknown) => e instanceof BusyError || e instanceof UnavailableError;
/** A fault of the connection itself (refused, reset, timed out, TLS), not an LDAP answer. */
const connectionFault = (e: unknown) =>
  !(e instanceof ResultCodeError || e instanceof DirectoryServiceBindError) || busy(e);

class Pool {
  private idle: Client[] = [];
  private open = 0;
  private waiting: ((c: Client | null) => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly connect: () => Promise<Client>,
    private readonly timeoutMs: number,
  ) {}

  /** Runs `work` on a connection; one that failed at the connection level is dropped. */
  async use<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const client = await this.acquire();
    try {
      const result = await work(client);
      this.release(client);
      return result;
    } catch (e) {
      if (connectionFault(e)) this.drop(client);
      else this.release(client);
      throw e;
    }
  }

  private async acquire(): Promise<Client> {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.open < this.size) {
      this.open++;
      try {
        return await this.connect();
      } catch (e) {
        this.open--;
        this.wakeOne();
        throw e;
      }
    }
    return new Promise<Client>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== take);
        reject(new DirectoryUnavailableError('every directory connection stayed busy'));
      }, this.timeoutMs);
      const take = (c: Client | null) => {
        clearTimeout(timer);
        if (c) resolve(c);
        else this.acquire().then(resolve, reject);
      };
      this.waiting.push(take);
    });
  }

  private release(c: Client): void {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  private drop(c: Client): void {
    this.open--;
    c.unbind().catch(() => {});
    this.wakeOne();
  }

  /** A slot freed: the first waiter opens its own connection. */
  private wakeOne(): void {
    this.waiting.shift()?.(null);
  }

  async close(): Promise<void> {
    const all = this.idle.splice(0);
    this.open -= all.length;
    await Promise.all(all.map((c) => c.unbind().catch(() => {})));
  }
}

export class DirectoryClient {
  private readonly service: Pool;
  private readonly binds: Pool;
  private readonly skipUntil = new Map<string, number>();
  private state: DirectoryHealth = { up: null, since: null, lastError: null };

  constructor(
    readonly settings: DirectorySettings,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.service = new Pool(settings.poolSize, () => this.connect(true), settings.timeoutMs);
    this.binds = new Pool(settings.poolSize, () => this.connect(false), settings.timeoutMs);
  }

  health(): DirectoryHealth {
    return { ...this.state };
  }

  /** Every entry the search finds, page by page (RFC 2696: Active Directory gives 1000 at most). */
  async search(req: SearchRequest, onPage?: (count: number) => void): Promise<Entry[]> {
    return this.guard(() =>
      this.service.use(async (c) => {
        const entries: Entry[] = [];
        for await (const page of c.searchPaginated(req.base, {
          scope: req.scope ?? 'sub',
          filter: req.filter,
          attributes: req.attributes,
          explicitBufferAttributes: req.buffers ?? [],
          paged: { pageSize: 500 },
          timeLimit: Math.ceil(this.settings.timeoutMs / 1000),
        })) {
          entries.push(...page.searchEntries);
          onPage?.(entries.length);
        }
        return entries;
      }),
    );
  }

  /** One entry by DN, without paging (the root DSE, the schema); undefined when there is none. */
  async read(base: string, attributes: string[]): Promise<Entry | undefined> {
    return this.guard(() =>
      this.service.use(async (c) => {
        try {
          const { searchEntries } = await c.search(base, {
            scope: 'base',
            filter: '(objectClass=*)',
            attributes,
          });
          return searchEntries[0];
        } catch (e) {
          if ((e as { code?: number }).code === 32) return undefined; // noSuchObject
          throw e;
        }
      }),
    );
  }

  /** The first `size` entries a search finds (one page), e.g. to test the settings. */
  async sample(req: SearchRequest, size: number): Promise<Entry[]> {
    return this.guard(() =>
      this.service.use(async (c) => {
        for await (const page of c.searchPaginated(req.base, {
          scope: req.scope ?? 'sub',
          filter: req.filter,
          attributes: req.attributes,
          explicitBufferAttributes: req.buffers ?? [],
          paged: { pageSize: size },
          timeLimit: Math.ceil(this.settings.timeoutMs / 1000),
        }))
          return page.searchEntries.slice(0, size);
        return [];
      }),
    );
  }

  /**
   * Checks a password by binding as the entry. False for wrong credentials (and
   * for an empty password, which LDAP would take for an anonymous bind).
   */
  async verifyPassword(dn: string, password: string): Promise<boolean> {
    if (!password) return false;
    return this.guard(() =>
      this.binds.use(async (c) => {
        try {
          await c.bind(dn, password);
          return true;
        } catch (e) {
          if (e instanceof InvalidCredentialsError) return false;
          throw e;
        }
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.service.close(), this.binds.close()]);
  }

  /** Runs an operation, retried once on a fresh connection; records the directory's health. */
  private async guard<T>(op: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      try {
        result = await op();
      } catch (e) {
        // An idle connection the server closed fails once; a new one may not.
        if (!connectionFault(e) || e instanceof DirectoryUnavailableError) throw e;
        result = await op();
      }
    } catch (e) {
      if (e instanceof DirectoryServiceBindError) this.fault(e.message);
      else if (connectionFault(e)) {
        const message = e instanceof Error ? e.message : String(e);
        this.fault(message);
        throw e instanceof DirectoryUnavailableError ? e : new DirectoryUnavailableError(message);
      }
      throw e;
    }
    this.recovered();
    return result;
  }

  private fault(message: string): void {
    this.state.lastError = message;
    if (this.state.up === false) return;
    this.state = { up: false, since: this.now(), lastError: message };
    this.log.error({ err: message }, 'directory unreachable: directory users cannot sign in');
  }

  private recovered(): void {
    if (this.state.up === true) return;
    const was = this.state;
    this.state = { up: true, since: this.now(), lastError: was.lastError };
    if (was.up === false)
      this.log.info(
        { downForMs: this.now() - (was.since ?? this.now()) },
        'directory reachable again',
      );
  }

  private tlsOptions(url: string): ConnectionOptions {
    const host = new URL(url).hostname;
    return {
      rejectUnauthorized: true,
      ...(this.settings.ca ? { ca: [...rootCertificates, this.settings.ca] } : {}),
      servername: this.settings.servername ?? host,
    };
  }

  /** A connection to the first URL that answers (StartTLS and the service bind done). */
  private async connect(asService: boolean): Promise<Client> {
    const now = this.now();
    const urls = this.settings.urls.filter((u) => (this.skipUntil.get(u) ?? 0) <= now);
    let last: unknown;
    // When every URL failed lately, all are tried again: one may be back.
    for (const url of urls.length ? urls : this.settings.urls) {
      const client = new Client({
        url,
        timeout: this.settings.timeoutMs,
        connectTimeout: this.settings.timeoutMs,
        // ldapts speaks TLS from the start whenever it is given TLS options.
        ...(url.toLowerCase().startsWith('ldaps:') ? { tlsOptions: this.tlsOptions(url) } : {}),
        strictDN: false,
      });
      try {
        if (this.settings.startTls && url.toLowerCase().startsWith('ldap:'))
          await client.startTLS(this.tlsOptions(url));
        if (asService && this.settings.bindDn) {
          try {
            await client.bind(this.settings.bindDn, this.settings.bindPassword ?? '');
          } catch (e) {
            if (e instanceof InvalidCredentialsError)
              throw new DirectoryServiceBindError(
                'The directory refused the service account (PORTCULLIS_DIRECTORY_BIND_DN): wrong DN or password',
              );
            throw e;
          }
        }
        this.skipUntil.delete(url);
        return client;
      } catch (e) {
        client.unbind().catch(() => {});
        if (!connectionFault(e)) throw e;
        this.skipUntil.set(url, now + SKIP_MS);
        last = e;
      }
    }
    throw new DirectoryUnavailableError(
      `${urls.length > 1 ? 'No directory server answered' : 'The directory did not answer'}: ${last instanceof Error ? last.message : String(last)}`,
    );
  }
}
