import { z } from 'zod';
import { parseCidrList } from '../net/cidr.ts';

/**
 * The one source of truth for configuration (STYLE.md, principle 7). Every key
 * is read from the environment, has a description and a default, and
 * docs/configuration.md is generated from this list (`npm run docs:config`).
 */
export interface ConfigEntry<T> {
  env: string;
  description: string;
  /** The default as documented; `undefined` when it is derived from other keys. */
  default: T | undefined;
  /** How the default is derived, for keys whose default depends on others. */
  derivedDefault?: string;
  schema: z.ZodType<T>;
  secret?: boolean;
}

const entry = <T>(e: ConfigEntry<T>) => e;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
/** On or off, written as `portcullis settings set` reads it: true/false, on/off, yes/no, 1/0. */
const flag = z.union(
  [
    z.boolean(),
    z.stringbool({ truthy: ['true', 'on', 'yes', '1'], falsy: ['false', 'off', 'no', '0'] }),
  ],
  { error: 'must be true or false' },
);

const WORKERS_ERROR = { error: 'must be auto or a number of processes from 1 to 256' };

export const configSchema = {
  port: entry({
    env: 'PORT',
    description: 'TCP port the HTTP server listens on (0 picks a free port).',
    default: 3000,
    schema: port,
  }),
  host: entry({
    env: 'PORTCULLIS_HOST',
    description: 'Address the HTTP server binds to.',
    default: '0.0.0.0',
    schema: z.string().min(1),
  }),
  dataDir: entry({
    env: 'PORTCULLIS_DATA_DIR',
    description:
      'Directory for the embedded SQLite database and generated secrets (created if missing).',
    default: './data',
    schema: z.string().min(1),
  }),
  publicUrl: entry<string | undefined>({
    env: 'PORTCULLIS_PUBLIC_URL',
    description:
      'The URL users reach Portcullis at. Decides cookie security (Secure when https), links, and the one origin browsers may send forms from.',
    default: undefined,
    derivedDefault: 'http://localhost:PORT',
    schema: z.url().optional(),
  }),
  databaseUrl: entry<string | undefined>({
    env: 'PORTCULLIS_DATABASE_URL',
    description:
      'Database to use: `postgres://user:pass@host/db` for PostgreSQL, or `sqlite:PATH` for SQLite.',
    default: undefined,
    derivedDefault: 'sqlite:DATA_DIR/portcullis.db',
    schema: z.string().min(1).optional(),
  }),
  databasePoolSize: entry({
    env: 'PORTCULLIS_DATABASE_POOL_SIZE',
    description:
      'PostgreSQL: connections each Portcullis process keeps at most, plus half as many again for the guessing limits’ counts.',
    default: 10,
    schema: positiveInt.max(200),
  }),
  secretKey: entry<string | undefined>({
    env: 'PORTCULLIS_SECRET_KEY',
    description:
      'Master key (64 hex characters or 44 base64 characters, 32 bytes) from which the keys for secrets at rest are derived. Several nodes must share it. When unset, a key is generated once in DATA_DIR/secret.key.',
    default: undefined,
    derivedDefault: 'read from or generated in DATA_DIR/secret.key',
    schema: z.string().min(1).optional(),
    secret: true,
  }),
  metricsToken: entry<string | undefined>({
    env: 'PORTCULLIS_METRICS_TOKEN',
    description:
      'Bearer token Prometheus presents to read /metrics. When unset, /metrics answers only requests made on this machine (loopback) that did not pass through a proxy.',
    default: undefined,
    schema: z.string().min(16, 'use at least 16 characters').optional(),
    secret: true,
  }),
  adminUpn: entry<string | undefined>({
    env: 'PORTCULLIS_ADMIN_UPN',
    description:
      'UPN of the first administrator, created on the first start when no administrator exists.',
    default: undefined,
    derivedDefault: 'admin@portcullis.local',
    schema: z.string().min(1).optional(),
  }),
  adminPassword: entry<string | undefined>({
    env: 'PORTCULLIS_ADMIN_PASSWORD',
    description:
      'Password of the first administrator. When unset, a one-time password is generated: printed once when the output is a terminal, else written to DATA_DIR/initial-admin-password (readable by the owner only); it must be changed at first sign-in.',
    default: undefined,
    derivedDefault: 'generated, one-time',
    schema: z.string().min(1).optional(),
    secret: true,
  }),
  logLevel: entry({
    env: 'PORTCULLIS_LOG_LEVEL',
    description: 'Log level: fatal, error, warn, info, debug, trace or silent.',
    default: 'info' as const,
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  }),
  sessionHours: entry({
    env: 'PORTCULLIS_SESSION_HOURS',
    description: 'How long a browser session lasts after sign-in, in hours.',
    default: 8,
    schema: positiveInt.max(24 * 30),
  }),
  signinFlowMinutes: entry({
    env: 'PORTCULLIS_SIGNIN_FLOW_MINUTES',
    description: 'How long a started sign-in (password typed, second factor pending) stays valid.',
    default: 10,
    schema: positiveInt.max(60),
  }),
  maxCodeAttempts: entry({
    env: 'PORTCULLIS_MAX_CODE_ATTEMPTS',
    description: 'Wrong verification codes allowed in one sign-in attempt before it ends.',
    default: 5,
    schema: positiveInt.max(20),
  }),
  argon2MemoryKib: entry({
    env: 'PORTCULLIS_ARGON2_MEMORY_KIB',
    description: 'argon2id memory cost for account passwords, in KiB (OWASP: 19456).',
    default: 19456,
    schema: positiveInt.min(1024),
  }),
  argon2Iterations: entry({
    env: 'PORTCULLIS_ARGON2_ITERATIONS',
    description: 'argon2id time cost (iterations) for account passwords (OWASP: 2).',
    default: 2,
    schema: positiveInt,
  }),
  argon2Parallelism: entry({
    env: 'PORTCULLIS_ARGON2_PARALLELISM',
    description: 'argon2id parallelism for account passwords.',
    default: 1,
    schema: positiveInt.max(16),
  }),
  workers: entry<'auto' | number>({
    env: 'PORTCULLIS_WORKERS',
    description:
      'Server processes sharing the HTTP, LDAP and RADIUS listeners: `auto` runs one per CPU core, `1` runs a single process. A worker that dies is replaced at once; housekeeping and the directory sync run on one of them.',
    default: 'auto',
    schema: z.union(
      [
        z.literal('auto'),
        z.coerce.number().int(WORKERS_ERROR).min(1, WORKERS_ERROR).max(256, WORKERS_ERROR),
      ],
      WORKERS_ERROR,
    ),
  }),
  hashConcurrency: entry({
    env: 'PORTCULLIS_HASH_CONCURRENCY',
    description:
      'Password hashes computed at once (off the event loop), in all workers together; 0: one fewer than the CPU cores, at least one per worker (a core is left for everything else). Further checks wait in a queue.',
    default: 0,
    schema: z.coerce.number().int().min(0).max(64),
  }),
  hashQueue: entry({
    env: 'PORTCULLIS_HASH_QUEUE',
    description:
      'Password checks that may wait for a free hasher, in all workers together. When the queue is full, new ones get 503 with Retry-After at once instead of waiting ever longer; everything else (codes, app passwords, health) is unaffected.',
    default: 64,
    schema: z.coerce.number().int().min(0).max(100000),
  }),
  redirectHosts: entry({
    env: 'PORTCULLIS_REDIRECT_HOSTS',
    description:
      "Comma-separated hosts (host or host:port) that sign-in may send people back to, e.g. sites behind forward-auth. The public URL's host is always allowed.",
    default: '',
    schema: z.string(),
  }),
  trustedProxies: entry({
    env: 'PORTCULLIS_TRUSTED_PROXIES',
    description:
      "Comma-separated addresses or CIDR ranges of the reverse proxies in front of Portcullis, e.g. `10.0.0.5, 2001:db8::/64`. Only when the connection comes from one of them is X-Forwarded-For read: walked from the right past further trusted proxies, its first other address is the client (for trusted IPs that skip the second factor, the sign-in log, audit records and per-address limits). An entry on that walk that is not an address (`1.2.3.4:port` and `[v6]:port` are accepted) leaves the proxy itself as the client. The proxies must append to X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`); the `Forwarded` header is not read. Empty: X-Forwarded-For is ignored and the client is the connection's address.",
    default: '',
    schema: z.string().superRefine((list, c) => {
      const { ranges, invalid } = parseCidrList(list);
      if (invalid.length > 0)
        c.addIssue({
          code: 'custom',
          message: `not an IP address or range: ${invalid.map((r) => `"${r.slice(0, 50)}"`).join(', ')} (write 10.0.0.5, 10.0.0.0/8 or 2001:db8::/64)`,
        });
      if (ranges.some((r) => r.endsWith('/0')))
        c.addIssue({
          code: 'custom',
          message: "a /0 range would trust every client's X-Forwarded-For: name the proxies",
        });
    }),
  }),
  ldapListen: entry<string | undefined>({
    env: 'PORTCULLIS_LDAP_LISTEN',
    description:
      'Where the LDAP simple-bind front listens: one or more addresses separated by spaces or commas, each `ldap://host:port` (plain LDAP; it offers StartTLS when PORTCULLIS_LDAP_TLS_CERT is set), `ldaps://host:port` (TLS from the first byte; needs the certificate) or `host:port` (LDAPS when a certificate is set, plain LDAP otherwise), e.g. `ldap://0.0.0.0:389 ldaps://0.0.0.0:636`. Unset: the LDAP front is off.',
    default: undefined,
    schema: z
      .string()
      .regex(
        /^\s*(?:(?:ldaps?:\/\/)?(?:\[[^\]]+\]|[^:\s,/[\]]+):\d{1,5}\/?(?:[\s,]+|\s*$))+$/i,
        'must be host:port, ldap://host:port or ldaps://host:port (several separated by spaces or commas)',
      )
      .optional(),
  }),
  ldapBaseDn: entry({
    env: 'PORTCULLIS_LDAP_BASE_DN',
    description:
      'Base DN of the LDAP front: users bind as uid=<upn>,ou=people[,o=<application id>],<base DN> or with their bare UPN.',
    default: 'dc=portcullis',
    schema: z.string().min(1).max(200),
  }),
  ldapTlsCert: entry<string | undefined>({
    env: 'PORTCULLIS_LDAP_TLS_CERT',
    description:
      'PEM certificate (with its chain) for the LDAP front, set with PORTCULLIS_LDAP_TLS_KEY. `ldap://` listeners then offer StartTLS and `ldaps://` ones speak TLS from the first byte; a bare `host:port` in PORTCULLIS_LDAP_LISTEN speaks LDAPS, as before StartTLS existed.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  ldapTlsKey: entry<string | undefined>({
    env: 'PORTCULLIS_LDAP_TLS_KEY',
    description: 'PEM private key of PORTCULLIS_LDAP_TLS_CERT.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  ldapRequireTls: entry({
    env: 'PORTCULLIS_LDAP_REQUIRE_TLS',
    description:
      'Refuse binds on LDAP connections without TLS: on an `ldap://` listener a client must use StartTLS first, or gets confidentialityRequired (13). Needs PORTCULLIS_LDAP_TLS_CERT.',
    default: false,
    schema: flag,
  }),
  radiusListen: entry<string | undefined>({
    env: 'PORTCULLIS_RADIUS_LISTEN',
    description:
      'Where the RADIUS front listens (UDP host:port, e.g. 127.0.0.1:1812). Unset: the RADIUS front is off.',
    default: undefined,
    schema: z
      .string()
      .regex(/^(\[[^\]]+\]|[^:]+):\d{1,5}$/, 'must be host:port')
      .optional(),
  }),
  telephony: entry({
    env: 'PORTCULLIS_TELEPHONY',
    description:
      'How text messages and calls are delivered: `outbox` (kept in the database and delivered to no phone: read them on the server with `portcullis outbox`, or turn on PORTCULLIS_PHONE_SIMULATOR; for trying Portcullis out), `webhook` or `twilio`.',
    default: 'outbox' as const,
    schema: z.enum(['outbox', 'webhook', 'twilio']),
  }),
  mail: entry({
    env: 'PORTCULLIS_MAIL',
    description:
      'How email (invitations, notices of account changes) is sent: `outbox` (kept in the database and sent nowhere: read it with `portcullis mailbox`; for trying Portcullis out), or an SMTP server as `smtp://[user:password@]host[:port]` (STARTTLS, see PORTCULLIS_MAIL_STARTTLS) or `smtps://…` (TLS from the start, port 465). Messages wait in a queue in the database and are retried for about an hour.',
    default: 'outbox',
    schema: z.union([
      z.literal('outbox'),
      z
        .string()
        .regex(
          /^smtps?:\/\/[^/\s]+\/?$/,
          'must be outbox, smtp://host[:port] or smtps://host[:port]',
        ),
    ]),
    secret: true,
  }),
  mailFrom: entry<string | undefined>({
    env: 'PORTCULLIS_MAIL_FROM',
    description: 'The sender of email, e.g. `Contoso sign-in <no-reply@contoso.com>`.',
    default: undefined,
    derivedDefault: 'Portcullis <no-reply@HOST>, HOST from PORTCULLIS_PUBLIC_URL',
    schema: z.string().min(3).max(300).optional(),
  }),
  mailStartTls: entry({
    env: 'PORTCULLIS_MAIL_STARTTLS',
    description:
      'With an smtp:// server: `required` (no message leaves unencrypted; a server without STARTTLS is an error) or `opportunistic` (encrypt when the server offers it).',
    default: 'required' as const,
    schema: z.enum(['required', 'opportunistic']),
  }),
  passkeyAttestationRoots: entry<string | undefined>({
    env: 'PORTCULLIS_PASSKEY_ATTESTATION_ROOTS',
    description:
      "PEM file of the root certificates of the passkey makers the organisation trusts (those the makers publish, or the FIDO Metadata Service's). Needed by the methods policy's passkey option `attestationRequired`: a new passkey must then prove its make and model with a chain to one of these roots. Give every node the same file.",
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  mailCaFile: entry<string | undefined>({
    env: 'PORTCULLIS_MAIL_CA_FILE',
    description:
      "PEM file of the certificate authority that signed the SMTP server's certificate, when it is not one the system trusts.",
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  invitationDays: entry({
    env: 'PORTCULLIS_INVITATION_DAYS',
    description: 'For how many days an invitation link works (it works once).',
    default: 7,
    schema: z.coerce.number().int().min(1).max(90),
  }),
  phoneSimulator: entry({
    env: 'PORTCULLIS_PHONE_SIMULATOR',
    description:
      'For trying Portcullis out: `true` serves the phone simulator at /_dev/phone (every text and call in the outbox, with their codes, and buttons that answer a call) to requests from this machine (the connection from loopback, through no proxy but a trusted one) and to signed-in administrators; anyone else gets 404. Needs PORTCULLIS_TELEPHONY=outbox. Off: 404 for everyone, and `portcullis outbox` on the server still reads the outbox.',
    default: false,
    schema: flag,
  }),
  webhookUrl: entry<string | undefined>({
    env: 'PORTCULLIS_WEBHOOK_URL',
    description:
      'With PORTCULLIS_TELEPHONY=webhook: the URL that receives signed JSON for each text and call.',
    default: undefined,
    schema: z.url().optional(),
  }),
  webhookSecret: entry<string | undefined>({
    env: 'PORTCULLIS_WEBHOOK_SECRET',
    description:
      'With PORTCULLIS_TELEPHONY=webhook: the shared secret for HMAC-SHA256 signatures, both ways.',
    default: undefined,
    schema: z.string().min(16).optional(),
    secret: true,
  }),
  twilioAccountSid: entry<string | undefined>({
    env: 'PORTCULLIS_TWILIO_ACCOUNT_SID',
    description: 'With PORTCULLIS_TELEPHONY=twilio: the account SID.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  twilioAuthToken: entry<string | undefined>({
    env: 'PORTCULLIS_TWILIO_AUTH_TOKEN',
    description:
      'With PORTCULLIS_TELEPHONY=twilio: the auth token (also verifies X-Twilio-Signature).',
    default: undefined,
    schema: z.string().min(1).optional(),
    secret: true,
  }),
  twilioFrom: entry<string | undefined>({
    env: 'PORTCULLIS_TWILIO_FROM',
    description: 'With PORTCULLIS_TELEPHONY=twilio: the number texts and calls come from (E.164).',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  twilioApiBase: entry({
    env: 'PORTCULLIS_TWILIO_API_BASE',
    description: 'Base URL of the Twilio REST API (change only for testing).',
    default: 'https://api.twilio.com',
    schema: z.url(),
  }),
  deliveryTimeoutMs: entry({
    env: 'PORTCULLIS_DELIVERY_TIMEOUT_MS',
    description:
      'How long a telephony provider may take to accept a text or call before the attempt fails.',
    default: 5000,
    schema: positiveInt.max(60_000),
  }),
  phoneCodeMinutes: entry({
    env: 'PORTCULLIS_PHONE_CODE_MINUTES',
    description: 'How long a code sent by text message stays valid, in minutes (1 to 10).',
    default: 5,
    schema: positiveInt.max(10),
  }),
  callTimeoutSeconds: entry({
    env: 'PORTCULLIS_CALL_TIMEOUT_SECONDS',
    description: 'How long to wait for a call to be answered with # before the attempt fails.',
    default: 60,
    schema: positiveInt.max(300),
  }),
  callGreeting: entry<string | undefined>({
    env: 'PORTCULLIS_CALL_GREETING',
    description:
      "A custom spoken greeting for verification calls, used instead of the default greeting in the user's language.",
    default: undefined,
    schema: z.string().min(1).max(500).optional(),
  }),
  sendLimitPerUser: entry({
    env: 'PORTCULLIS_SEND_LIMIT_PER_USER',
    description: 'Texts and calls one user may be sent in 15 minutes.',
    default: 5,
    schema: positiveInt.max(100),
  }),
  sendLimitPerNumber: entry({
    env: 'PORTCULLIS_SEND_LIMIT_PER_NUMBER',
    description: 'Texts and calls one phone number may be sent in 15 minutes.',
    default: 5,
    schema: positiveInt.max(100),
  }),
  sendLimitPerAddress: entry({
    env: 'PORTCULLIS_SEND_LIMIT_PER_ADDRESS',
    description: 'Texts and calls requests from one client address may cause in 15 minutes.',
    default: 20,
    schema: positiveInt.max(1000),
  }),
  vapidPublicKey: entry<string | undefined>({
    env: 'PORTCULLIS_VAPID_PUBLIC_KEY',
    description:
      'Web Push: the VAPID public key (base64url, from `portcullis vapid generate`). Set with PORTCULLIS_VAPID_PRIVATE_KEY and PORTCULLIS_VAPID_SUBJECT, the Portcullis Authenticator is notified of sign-in requests while closed. Unset: it sees them only while open.',
    default: undefined,
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{86,88}$/, 'must be a base64url P-256 public key')
      .optional(),
  }),
  vapidPrivateKey: entry<string | undefined>({
    env: 'PORTCULLIS_VAPID_PRIVATE_KEY',
    description: 'Web Push: the VAPID private key of PORTCULLIS_VAPID_PUBLIC_KEY (base64url).',
    default: undefined,
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{42,44}$/, 'must be a base64url P-256 private key')
      .optional(),
    secret: true,
  }),
  vapidSubject: entry<string | undefined>({
    env: 'PORTCULLIS_VAPID_SUBJECT',
    description:
      'Web Push: how push services can reach the operator, a `mailto:` or `https:` URL (sent with every notification).',
    default: undefined,
    schema: z
      .string()
      .max(200)
      .regex(/^(mailto:\S+|https:\/\/\S+)$/, 'must be a mailto: or https: URL')
      .optional(),
  }),
  pushServiceHosts: entry({
    env: 'PORTCULLIS_PUSH_SERVICE_HOSTS',
    description:
      "Web Push: comma-separated hosts of the push services the Portcullis Authenticator's subscriptions may name, as `host` or `*.domain` (any host under the domain). Portcullis sends notifications to no other host, and refuses to save a subscription elsewhere. The default names the push services of Chrome, Edge, Firefox and Safari.",
    default:
      'fcm.googleapis.com, updates.push.services.mozilla.com, *.notify.windows.com, *.push.apple.com, web.push.apple.com',
    schema: z.string().superRefine((list, c) => {
      const rules = list.split(/[\s,]+/).filter(Boolean);
      const invalid = rules.filter((r) => !/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(r));
      if (rules.length === 0 || invalid.length > 0)
        c.addIssue({
          code: 'custom',
          message: `not a host or *.domain: ${invalid.map((r) => `"${r.slice(0, 50)}"`).join(', ') || '(none given)'}`,
        });
    }),
  }),
  directoryUrl: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_URL',
    description:
      'The directory users come from (Active Directory or OpenLDAP): `ldap://host[:port]` or `ldaps://host[:port]`, several separated by spaces or commas for failover (tried in order; one that fails is skipped for 30 seconds). Unset: every user is local. See "Users from a directory" in the README.',
    default: undefined,
    schema: z
      .string()
      .superRefine((list, c) => {
        const urls = list.split(/[\s,]+/).filter(Boolean);
        const bad = urls.filter((u) => !/^ldaps?:\/\/[^/\s?#]+\/?$/i.test(u));
        if (urls.length === 0 || bad.length > 0)
          c.addIssue({
            code: 'custom',
            message: `not an ldap:// or ldaps:// URL (scheme, host and port only): ${bad.map((u) => `"${u.slice(0, 80)}"`).join(', ') || '(none given)'}`,
          });
      })
      .optional(),
  }),
  directoryFlavour: entry({
    env: 'PORTCULLIS_DIRECTORY_FLAVOUR',
    description:
      'Which kind of directory: `ad` (Active Directory, also Samba) or `openldap` (any other LDAP directory). It chooses the defaults of the user filter and the attribute map, and how a disabled account is recognised.',
    default: 'openldap' as const,
    schema: z.enum(['ad', 'openldap']),
  }),
  directoryStartTls: entry({
    env: 'PORTCULLIS_DIRECTORY_STARTTLS',
    description:
      'Upgrade `ldap://` connections with StartTLS before anything is sent. The server certificate is always verified (PORTCULLIS_DIRECTORY_CA_FILE names the CA when it is not in the system store).',
    default: false,
    schema: flag,
  }),
  directoryCaFile: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_CA_FILE',
    description:
      'PEM file of the certificate authority that signed the directory’s certificate, for `ldaps://` and StartTLS (added to the system store). Certificates are never accepted unverified.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  directoryTlsServerName: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_TLS_SERVER_NAME',
    description:
      'The name the directory’s certificate must carry, when it differs from the host in PORTCULLIS_DIRECTORY_URL (for example a URL by IP address).',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  directoryBindDn: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_BIND_DN',
    description:
      'The service account Portcullis searches the directory with, e.g. `CN=portcullis,OU=Service Accounts,DC=contoso,DC=com` (Active Directory also takes `portcullis@contoso.com`). It needs read access to the users and groups in scope, nothing more.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  directoryBindPassword: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_BIND_PASSWORD',
    description: 'The service account’s password (or use PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE).',
    default: undefined,
    schema: z.string().min(1).optional(),
    secret: true,
  }),
  directoryBindPasswordFile: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE',
    description:
      'A file holding the service account’s password (a trailing newline is ignored): keeps it out of the environment.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  directoryBaseDn: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_BASE_DN',
    description:
      'Where users are searched, with all below it, e.g. `OU=Staff,DC=contoso,DC=com`. Required with PORTCULLIS_DIRECTORY_URL.',
    default: undefined,
    schema: z.string().min(1).optional(),
  }),
  directoryUserFilter: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_USER_FILTER',
    description:
      'LDAP filter (RFC 4515) of the entries that are Portcullis users, e.g. `(memberOf=CN=Staff,OU=Groups,DC=contoso,DC=com)` to take one group only.',
    default: undefined,
    derivedDefault:
      '`(&(objectClass=user)(objectCategory=person)(userPrincipalName=*))` for `ad`, `(objectClass=inetOrgPerson)` for `openldap`',
    schema: z.string().min(3).optional(),
  }),
  directoryGroupBaseDn: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_GROUP_BASE_DN',
    description:
      'Where the groups named by their common name in the group settings below are looked up.',
    default: undefined,
    derivedDefault: 'PORTCULLIS_DIRECTORY_BASE_DN',
    schema: z.string().min(1).optional(),
  }),
  directoryAttributes: entry({
    env: 'PORTCULLIS_DIRECTORY_ATTRIBUTES',
    description:
      'Changes to the attribute map, as `field=attribute` pairs separated by commas, e.g. `upn=mail, mobile=telephoneNumber`. Fields: `upn`, `displayName`, `mail`, `mobile`, `language`, `id` (a stable identifier that survives renames and moves). Defaults for `ad`: upn=userPrincipalName, displayName=displayName, mail=mail, mobile=mobile, language=preferredLanguage, id=objectGUID; for `openldap`: upn=mail, displayName=displayName (else cn), mail=mail, mobile=mobile, language=preferredLanguage, id=entryUUID.',
    default: '',
    schema: z.string(),
  }),
  directoryDisabledFilter: entry<string | undefined>({
    env: 'PORTCULLIS_DIRECTORY_DISABLED_FILTER',
    description:
      'LDAP filter of entries whose account is disabled (their users are blocked), e.g. `(pwdAccountLockedTime=*)` for OpenLDAP’s password policy. With `ad`, accounts with bit 2 of `userAccountControl` (ACCOUNTDISABLE) are disabled whatever this says.',
    default: undefined,
    schema: z.string().min(3).optional(),
  }),
  directoryGroups: entry({
    env: 'PORTCULLIS_DIRECTORY_GROUPS',
    description:
      "Directory groups to bring into Portcullis as groups, separated by `;` (each a DN or a common name under the group base): each sync keeps their members (nested groups followed) as the directory has them. In Portcullis they can be given the administrator role and named by policies; their name and members stay the directory's.",
    default: '',
    schema: z.string(),
  }),
  directoryAdminGroups: entry({
    env: 'PORTCULLIS_DIRECTORY_ADMIN_GROUPS',
    description:
      'Groups whose members are Portcullis administrators, separated by `;` (each a DN or a common name under the group base). Set: the directory decides the role of its users (members get it, others lose it). Empty: roles are set in Portcullis.',
    default: '',
    schema: z.string(),
  }),
  directoryEnabledGroups: entry({
    env: 'PORTCULLIS_DIRECTORY_ENABLED_GROUPS',
    description:
      'Groups whose members get MFA state Enabled (as Entra assigns policies by group), separated by `;`. A state is never lowered from what an administrator set by hand unless PORTCULLIS_DIRECTORY_GROUPS_LOWER_STATE is on.',
    default: '',
    schema: z.string(),
  }),
  directoryEnforcedGroups: entry({
    env: 'PORTCULLIS_DIRECTORY_ENFORCED_GROUPS',
    description: 'Groups whose members get MFA state Enforced, separated by `;`.',
    default: '',
    schema: z.string(),
  }),
  directoryGroupsLowerState: entry({
    env: 'PORTCULLIS_DIRECTORY_GROUPS_LOWER_STATE',
    description:
      'Let the state groups lower a state set by hand: a user in no state group goes to Disabled, one in an Enabled group to Enabled. Off: a state the groups gave is lowered when the user leaves the group, one set otherwise (by an administrator, or by finishing registration) stays.',
    default: false,
    schema: flag,
  }),
  directoryAdoptLocal: entry({
    env: 'PORTCULLIS_DIRECTORY_ADOPT_LOCAL',
    description:
      'When a directory entry has the UPN of a local user: on, the local user becomes that entry’s directory user (keeping methods, app passwords and state; the local password is dropped); off, the entry is skipped and reported.',
    default: false,
    schema: flag,
  }),
  directorySyncMinutes: entry({
    env: 'PORTCULLIS_DIRECTORY_SYNC_MINUTES',
    description:
      'How often the server syncs users from the directory, in minutes (fractions allowed), one node at a time in a cluster; 0 turns the periodic sync off (`portcullis directory sync` still works).',
    default: 15,
    schema: z.coerce.number().min(0).max(10_080),
  }),
  directoryDeleteAfterDays: entry<number | undefined>({
    env: 'PORTCULLIS_DIRECTORY_DELETE_AFTER_DAYS',
    description:
      'Delete directory users this many days after the directory disabled or lost them (they are blocked at once). Unset: never deleted.',
    default: undefined,
    schema: z.coerce.number().int().min(0).optional(),
  }),
  directoryTimeoutMs: entry({
    env: 'PORTCULLIS_DIRECTORY_TIMEOUT_MS',
    description:
      'Longest wait for the directory: to connect, and for each operation. Past it the server is treated as unreachable (the next URL is tried).',
    default: 5000,
    schema: positiveInt.max(120_000),
  }),
  directoryPoolSize: entry({
    env: 'PORTCULLIS_DIRECTORY_POOL_SIZE',
    description:
      'Connections each Portcullis process keeps open to the directory, for searches and for checking passwords (each).',
    default: 4,
    schema: positiveInt.max(64),
  }),
  maxUploadBytes: entry({
    env: 'PORTCULLIS_MAX_UPLOAD_BYTES',
    description:
      'Largest bulk MFA file accepted (portal upload or POST /api/v1/users/mfa-state); 5 MiB holds about 100,000 rows.',
    default: 5 * 1024 * 1024,
    schema: positiveInt,
  }),
  maxBodyBytes: entry({
    env: 'PORTCULLIS_MAX_BODY_BYTES',
    description: 'Largest request body accepted; larger ones get 413.',
    default: 65536,
    schema: positiveInt,
  }),
} as const;

export type ConfigSchema = typeof configSchema;
export type Config = {
  [K in keyof ConfigSchema]: ConfigSchema[K] extends ConfigEntry<infer T> ? T : never;
} & { publicUrl: string; databaseUrl: string };
