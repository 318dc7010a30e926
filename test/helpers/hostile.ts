// What a hostile client sends (issue 9), as fast-check arbitraries: strings
// and bytes that break parsers, bodies of every kind (and OpenAPI-shaped ones
// that pass validation), hostile headers, whole requests for any route and
// caller, and the same as raw bytes on a socket; and LDAP messages (BER)
// broken every way a parser can be. Used by test/http/fuzz.test.ts,
// test/e2e/ldap-fuzz.test.ts and test/e2e/hostile-ports.test.ts.
import net from 'node:net';
import fc from 'fast-check';
import * as wire from './ldap-wire.ts';

export const PASSWORD = 'correct horse battery';
/** Body limits the fuzzed app runs with (small, so bodies over them are cheap to make). */
export const LIMITS = { body: 16 * 1024, upload: 64 * 1024 };

/**
 * Values that exist in the app under test (users, ids, client ids), by field
 * or path parameter name (`upn` for `:upn`), or by query key after a `?`.
 */
export type Pools = Record<string, string[]>;

/** What a caller sends with each request: its cookies, its CSRF token, its credentials. */
export interface Identity {
  cookie?: string;
  csrf?: string;
  authorization?: string;
}

/** Strings that have broken parsers, validators and templates before. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '\u202E',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '1e309',
  '-1e309',
  '-0',
  '-1',
  '0',
  '0x1F',
  '9007199254740993',
  '99999999999999999999999',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%ZZ',
  '%C3%28',
  '%FF',
  '%',
  '%%',
  '%E0%A4%A',
  '%00',
  '%u0041',
  '../../etc/passwd',
  '..%2F..%2F',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '$'.concat('{7*7}{{7*7}}'),
  'javascript:alert(1)',
  '//evil.example',
  'https://evil.example/x',
  '\\\\evil.example',
  'data:text/html,x',
  '😀👍🏽‍',
  'ünï@çødé.com',
  'a@b',
  '@@',
  'alice@contoso.com',
  'bob@fabrikam.com',
  'nobody@contoso.com',
  'PhoneAppOTP',
  'PhoneAppNotification',
  'Enforced',
  'Disabled',
  'approve',
  'fraud',
  '123456',
  '000000',
  'x'.repeat(300),
];

/** Form fields, JSON members and query keys the routes read (and some they must not). */
const FIELDS = [
  '_csrf',
  'username',
  'password',
  'current',
  'confirm',
  'code',
  'method',
  'action',
  'users',
  'state',
  'decision',
  'number',
  'signature',
  'rd',
  'name',
  'scope',
  'scopes',
  'rights',
  'remember',
  'resend',
  'expires',
  'expiresAt',
  'channel',
  'country',
  'extension',
  'phoneNumber',
  'q',
  'csv',
  'file',
  'response',
  'check',
  'keys',
  'publicKey',
  'endpoint',
  'userPrincipalName',
  'displayName',
  'mfaState',
  'isAdmin',
  'blockCredential',
  'preferredLanguage',
  'methodType',
  'isDefault',
  'dryRun',
  'allOrNothing',
  'kind',
  'type',
  'fronts',
  'redirectUris',
  'firstParty',
  'machine',
  'radiusSecret',
  'personalData',
  'requireMfa',
  'allowedMethods',
  'namedLocations',
  'trustedIps',
  'rememberDevicesEnabled',
  'passwordlessSignin',
  'fraudAlertEnabled',
  'blockOnFraud',
  'highRiskAction',
  'appPasswordsAllowed',
  'phoneCodeMinutes',
  'callTimeoutSeconds',
  'sendLimitPerUser',
  'challengeId',
  'outcome',
  '__proto__',
  'constructor',
  'prototype',
];

const QUERY_KEYS = [
  'q',
  'page',
  'cursor',
  'limit',
  'since',
  'until',
  'format',
  'rd',
  'method',
  'app',
  'challenge',
  'number',
  'poll',
  'prompt',
  'login_hint',
  'error',
  'next',
  'saved',
  'added',
  'deleted',
  'revoked',
  'done',
  'state',
  'risk',
  'riskLevel',
  'user',
  'result',
  'front',
  'upn',
  '__proto__',
  // OpenID Connect (RFC 6749, OpenID Connect Core, RFC 7636).
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'id_token_hint',
  'post_logout_redirect_uri',
  'claims',
  'request',
  'max_age',
  'acr_values',
  'ui_locales',
];

/** Values a field is meant to hold (more are added from the database: users, ids, codes). */
export const VALUES: Record<string, string[]> = {
  username: ['plain@contoso.com', 'alice@contoso.com', 'bob@fabrikam.com', 'nobody@contoso.com'],
  password: [PASSWORD, 'wrong password'],
  current: [PASSWORD],
  confirm: ['yes', 'new horse battery staple'],
  action: [
    'Enforced',
    'Enabled',
    'Disabled',
    'reset-methods',
    'delete-app-passwords',
    'restore-remembered-devices',
    'valueOf',
    'toString',
  ],
  state: ['Enforced', 'Enabled', 'Disabled'],
  mfaState: ['Enforced', 'Enabled', 'Disabled'],
  decision: ['allow', 'deny', 'approve', 'fraud'],
  rd: [
    '/',
    '/admin',
    '/security-info',
    'https://evil.example/',
    '//evil.example',
    '/\\evil',
    '/\r\nSet-Cookie: x=1',
    '/\u2028',
    '/café',
    '/😀',
  ],
  scope: ['read', 'read-write', 'openid profile'],
  remember: ['on'],
  resend: ['sms', 'voice', '1'],
  channel: ['sms', 'voice', 'fax'],
  country: ['US', 'CZ', 'DE', 'ZZ'],
  phoneNumber: ['+420602345678', '603456789', '+1', '1'.repeat(40)],
  number: ['42', '07', '+420602345678'],
  extension: ['12', '#'],
  expires: ['30', '0', '-1', '1e309', 'never'],
  expiresAt: ['2027-01-01', '2027-01-01T00:00:00Z', '1970-01-01', 'yesterday'],
  fronts: ['verify', 'forward-auth', 'ldap', 'radius', 'smtp'],
  kind: ['legacy', 'oidc', 'saml'],
  redirectUris: ['https://app.example/cb', 'javascript:alert(1)', 'http://x/cb\nhttps://y/cb'],
  trustedIps: ['10.0.0.0/8', '1.2.3.4/99', '::/0', '256.1.1.1'],
  namedLocations: ['Office=10.0.0.0/8', '=', 'Home=::1/129'],
  allowedMethods: ['PhoneAppOTP', 'OneWaySMS', 'Passkey'],
  methodType: ['PhoneAppOTP', 'OneWaySMS', 'Passkey'],
  preferredLanguage: ['en', 'de-CH', 'xx', 'en-US-x-twain'],
  requireMfa: ['on', 'true'],
  firstParty: ['on'],
  machine: ['on'],
  personalData: ['on'],
  since: ['2026-01-01', '2026-13-45', '0'],
  until: ['2027-01-01', 'now'],
  csv: ['upn,state\r\nalice@contoso.com,Enforced', 'userPrincipalName,mfaState\n,'],
  grant_type: ['authorization_code', 'refresh_token', 'client_credentials', 'password'],
  response_type: ['code', 'token', 'id_token', 'code id_token', 'none'],
  response_mode: ['query', 'fragment', 'form_post', 'web_message'],
  code_challenge_method: ['S256', 'plain'],
  code_challenge: ['E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
  code_verifier: ['dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
  token_type_hint: ['access_token', 'refresh_token'],
  redirect_uri: ['https://wiki.contoso.com/cb', 'https://evil.example/cb'],
  claims: ['{"id_token":{"acr":{"essential":true,"values":["x"]}}}', '{', '{"__proto__":{}}'],
  max_age: ['0', '-1', '1e309'],
  prompt: ['none', 'login', 'consent', 'select_account'],
};

/** Byte sequences that are not UTF-8 (RFC 3629 §3): lone continuation, overlong, surrogate, > U+10FFFF. */
const BAD_UTF8 = [
  [0xc3, 0x28],
  [0xff],
  [0xfe, 0xff],
  [0xa0, 0xa1],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf0, 0x28, 0x8c, 0x28],
  [0xe2, 0x82],
].map((b) => Buffer.from(b));

const nasty = fc.constantFrom(...NASTY);
const anyText = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
/** Bytes of text with invalid UTF-8 spliced in. */
const badBytes = fc
  .tuple(anyText, fc.constantFrom(...BAD_UTF8), anyText)
  .map(([a, bad, b]) => Buffer.concat([Buffer.from(a), bad, Buffer.from(b)]));
const anyField = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS) }, anyText);

/** Percent-encodes every byte that is not unreserved (RFC 3986 §2.3); works on lone surrogates. */
const pct = (s: string | Buffer) =>
  [...(typeof s === 'string' ? Buffer.from(s) : s)]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
/** A form or query component: encoded well, raw, or broken encoding. */
const component = fc.oneof(
  { weight: 3, arbitrary: anyText.map(pct) },
  { weight: 1, arbitrary: badBytes.map(pct) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%ZZ',
      '%C3%28',
      '%',
      '%2',
      '%FF%FE',
      '%E0%A4%A',
      '+',
      '=',
      '&&',
      ';',
    ),
  },
);

/** One body as sent: its natural content type and its bytes (the CSRF token spliced in when asked). */
interface Body {
  kind: string;
  type: string | undefined;
  make(csrf: string | undefined): string | Uint8Array | undefined;
}

const body = (kind: string, type: string | undefined, make: Body['make']): Body => ({
  kind,
  type,
  make,
});

/** A value for a named field: what it is meant to hold (known values, ids that exist), or rubbish. */
export const valueFor = (name: string, pools: Pools) => {
  // Own keys only: FIELDS has 'constructor' and '__proto__'.
  const known = [VALUES, pools].flatMap((values) =>
    Object.hasOwn(values, name) ? values[name]! : [],
  );
  return known.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, anyText)
    : anyText;
};

const formBody = (pools: Pools) =>
  fc
    .array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(...FIELDS)
            .chain((k) => valueFor(k, pools).map((v) => [pct(k), pct(v)] as const)),
        },
        { weight: 1, arbitrary: fc.tuple(component, component) },
      ),
      { maxLength: 10 },
    )
    .chain((pairs) =>
      // Duplicated fields: a field repeated with other values.
      fc.boolean().map((dup) => (dup && pairs.length ? [...pairs, ...pairs] : pairs)),
    )
    .map((pairs) =>
      body('form', 'application/x-www-form-urlencoded', (csrf) =>
        [...(csrf ? [`_csrf=${csrf}`] : []), ...pairs.map(([k, v]) => `${k}=${v}`)].join('&'),
      ),
    );

/** JSON values with the shapes the API reads, the types it does not expect, and numbers JSON.parse bends. */
const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(anyField, tie('v'), { maxKeys: 5 }),
  ),
})).v;

const nested = (open: string, close: string, inner: string) => (n: number) =>
  open.repeat(n) + inner + close.repeat(n);

const jsonText = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), jsonish, { maxKeys: 8 }).map((o) => JSON.stringify(o)),
  fc.json({ maxDepth: 4 }),
  jsonish.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true,"scope":"read-write"}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"userPrincipalName":"x@contoso.com","__proto__":null}',
    '{"a":1e309}',
    '[1e309,-1e309,-0,1e-400]',
    '{"limit":1e309,"cursor":-1e309}',
    '{"users":1e309}',
    '{"expiresAt":99999999999999999999999}',
    '{"a":1,"a":2,"a":{"b":3}}',
    '"\\ud800"',
    '"\\u0000"',
    '{"x":"\\uDFFF\\uD800"}',
    '{',
    '[',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    '\uFEFF{}',
    '',
  ),
  fc
    .constantFrom(10, 1000, 10_000, 100_000)
    .chain((n) =>
      fc.constantFrom(
        nested('[', ']', '')(n),
        nested('{"a":', '}', '1')(n),
        nested('{"users":[', ']}', '"alice@contoso.com"')(n),
        '['.repeat(n),
        `${'{"a":'.repeat(n)}1`,
      ),
    ),
);
const jsonBody = jsonText.map((s) => body('json', 'application/json', () => s));

const multipartBody = fc
  .record({
    boundary: fc.constantFrom('fuzzBoundary', 'x', '', '"quoted"', '-'.repeat(80)),
    parts: fc.array(
      fc.record({
        name: fc.oneof(fc.constantFrom(...FIELDS), anyText),
        filename: fc.option(fc.oneof(anyText, fc.constantFrom('users.csv', '../../x', '')), {
          nil: undefined,
        }),
        value: fc.oneof(
          anyText,
          badBytes.map((b) => b.toString('latin1')),
        ),
      }),
      { maxLength: 5 },
    ),
    broken: fc.constantFrom('none', 'no-end', 'no-crlf', 'garbage'),
  })
  .map(({ boundary, parts, broken }) =>
    body('multipart', `multipart/form-data; boundary=${boundary}`, (csrf) => {
      const all = [
        ...(csrf ? [{ name: '_csrf', value: csrf, filename: undefined }] : []),
        ...parts,
      ];
      const nl = broken === 'no-crlf' ? '\n' : '\r\n';
      let text = all
        .map(
          (p) =>
            `--${boundary}${nl}Content-Disposition: form-data; name="${p.name}"` +
            `${p.filename !== undefined ? `; filename="${p.filename}"` : ''}${nl}${nl}${p.value}${nl}`,
        )
        .join('');
      if (broken !== 'no-end') text += `--${boundary}--${nl}`;
      if (broken === 'garbage') text = `${text.slice(0, text.length / 2)}\u0000--`;
      return Buffer.from(text, 'latin1');
    }),
  );

const csvBody = fc
  .array(
    fc.array(fc.oneof(nasty, fc.constantFrom('"', '""', '\r', '\n', ',', '=cmd|calc')), {
      maxLength: 4,
    }),
  )
  .map((rows) =>
    body('csv', 'text/csv', () => ['upn,mfaState', ...rows.map((r) => r.join(','))].join('\r\n')),
  );

const bytesBody = fc
  .oneof(fc.uint8Array({ maxLength: 300 }), badBytes)
  .map((b) => body('bytes', 'application/octet-stream', () => b));
const textBody = anyText.map((s) => body('text', 'text/plain', () => s));
/** Bodies at and over the limits (the upload limit applies to the bulk MFA routes). */
const hugeBody = fc
  .tuple(
    fc.constantFrom(LIMITS.body - 1, LIMITS.body, LIMITS.body + 1, LIMITS.upload + 1, 1024 * 1024),
    fc.constantFrom('a', '[', '%', 'ü'),
    fc.constantFrom('form', 'json', 'bytes'),
  )
  .map(([n, ch, kind]) =>
    body(
      `huge-${kind}`,
      kind === 'form'
        ? 'application/x-www-form-urlencoded'
        : kind === 'json'
          ? 'application/json'
          : 'application/octet-stream',
      (csrf) => (kind === 'form' ? `_csrf=${csrf ?? ''}&a=${ch.repeat(n)}` : ch.repeat(n)),
    ),
  );
const noBody = fc.constant(body('none', undefined, () => undefined));

const anyBody = (pools: Pools) =>
  fc.oneof(
    { weight: 4, arbitrary: formBody(pools) },
    { weight: 4, arbitrary: jsonBody },
    { weight: 2, arbitrary: multipartBody },
    { weight: 1, arbitrary: csvBody },
    { weight: 2, arbitrary: bytesBody },
    { weight: 1, arbitrary: textBody },
    { weight: 1, arbitrary: hugeBody },
    { weight: 2, arbitrary: noBody },
  );

/** The part of JSON Schema the admin API's OpenAPI document uses. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
}
type Components = Record<string, Schema>;

/**
 * Values that fit a schema of the app's own OpenAPI document (so a request
 * passes validation and reaches the service), a part now and then replaced
 * by anything at all.
 */
function fromSchema(
  s: Schema,
  components: Components,
  pools: Pools,
  name = '',
): fc.Arbitrary<unknown> {
  if (s.$ref) return fromSchema(components[s.$ref.split('/').pop()!]!, components, pools, name);
  const alternatives = s.anyOf ?? s.oneOf;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const fits: fc.Arbitrary<unknown> = alternatives
    ? fc.oneof(...alternatives.map((a) => fromSchema(a, components, pools, name)))
    : s.enum
      ? fc.constantFrom(...s.enum)
      : type === 'object'
        ? fc.record(
            Object.fromEntries(
              Object.entries(s.properties ?? {}).map(([k, v]) => [
                k,
                fromSchema(v, components, pools, k),
              ]),
            ),
            { requiredKeys: s.required ?? [] },
          )
        : type === 'array'
          ? fc.array(s.items ? fromSchema(s.items, components, pools, name) : jsonish, {
              maxLength: 4,
            })
          : type === 'integer'
            ? fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 })
            : type === 'number'
              ? fc.double()
              : type === 'boolean'
                ? fc.boolean()
                : type === 'string'
                  ? valueFor(name, pools)
                  : jsonish;
  return fc.oneof({ weight: 15, arbitrary: fits }, { weight: 1, arbitrary: jsonish });
}

/** What the OpenAPI document says each admin API route takes, by Hono route ("PATCH /api/v1/users/:upn"). */
export interface Operation {
  body?: fc.Arbitrary<unknown>;
  query: [string, fc.Arbitrary<unknown>][];
}
export function operations(
  doc: {
    paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>>;
    components: { schemas: Components };
  },
  pools: Pools,
): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const schema = (op.requestBody as { content?: Record<string, { schema: Schema }> })
        ?.content?.['application/json']?.schema;
      const query = ((op.parameters ?? []) as { in: string; name: string; schema: Schema }[])
        .filter((p) => p.in === 'query')
        .map((p): [string, fc.Arbitrary<unknown>] => [
          p.name,
          fromSchema(p.schema, doc.components.schemas, pools, p.name),
        ]);
      out.set(`${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`, {
        ...(schema ? { body: fromSchema(schema, doc.components.schemas, pools) } : {}),
        query,
      });
    }
  return out;
}

const apiBody = (op: Operation | undefined) =>
  op?.body
    ? op.body.map((v) => body('api-json', 'application/json', () => JSON.stringify(v) ?? 'null'))
    : jsonBody;
const apiQuery = (op: Operation | undefined) =>
  op?.query.length
    ? fc
        .subarray(op.query)
        .chain((params) => fc.tuple(...params.map(([k, v]) => v.map((x) => [k, x] as const))))
        .map((pairs) =>
          pairs.length
            ? `?${pairs.map(([k, v]) => `${pct(k)}=${pct(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`).join('&')}`
            : '',
        )
    : fc.constant('');

/** A header value as Node hands it over: any bytes but CR, LF and NUL, read as Latin-1. */
const headerSafe = (s: string) =>
  Buffer.from(s)
    .toString('latin1')
    .replace(/[\0\r\n]/g, '')
    .trim();
const headerText = fc
  .oneof(
    anyText,
    badBytes.map((b) => b.toString('latin1')),
  )
  .map(headerSafe);

const contentType = fc.oneof(
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-16',
    'APPLICATION/JSON; charset=latin1',
    'application/json; charset=garbage',
    'application/problem+json',
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=nomatch',
    'text/plain',
    'text/csv',
    'text/html',
    '*/*',
    ';',
    'application/',
  ),
  headerText,
);

/** Hostile headers, a few at a time. */
const HEADERS = {
  'accept-language': fc.oneof(
    fc.constantFrom(
      '*',
      'de-CH,de;q=0.9,en;q=0.8',
      'zz-ZZZZ-x;q=abc',
      'en;q=-1,,,;',
      'x'.repeat(5000),
    ),
    headerText,
  ),
  cookie: fc.oneof(
    fc.constantFrom(
      'portcullis=%ZZ',
      'portcullis=; portcullis=; ;;=;',
      'portcullis-csrf=%C3%28',
      `portcullis=${'a'.repeat(200)}`,
      `portcullis-device=${'b'.repeat(5000)}`,
      '__Host-portcullis=x; portcullis="unterminated',
      '=; =; =',
    ),
    headerText.map((v) => `portcullis=${v}`),
    headerText,
  ),
  'x-forwarded-for': fc.oneof(
    fc.constantFrom('::ffff:999.1.1.1', '1.2.3.4, unknown, ::1', '[::1]:80', 'x'.repeat(3000)),
    headerText,
  ),
  authorization: fc.oneof(
    fc.constantFrom('Bearer', 'Bearer ', 'Basic', 'Basic !!!', 'Basic Og==', 'Negotiate x'),
    fc
      .constantFrom('pcl_', 'pcl_x_y', `pcl_${'0'.repeat(16)}_${'a'.repeat(43)}`)
      .map((s) => `Bearer ${s}`),
    fc
      .oneof(
        anyText.map((s) => Buffer.from(s)),
        badBytes,
        fc.uint8Array({ maxLength: 40 }),
      )
      .map((b) => `Basic ${Buffer.from(b).toString('base64')}`),
    headerText,
    fc.constant(`Bearer ${'x'.repeat(10_000)}`),
  ),
  'x-csrf-token': headerText,
  'x-original-url': fc.oneof(
    fc.constantFrom('https://app.contoso.com/x', 'http://user:pw@h/', 'ftp://x', '/relative'),
    headerText,
  ),
  'x-forwarded-proto': fc.constantFrom('https', 'http', 'gopher', ''),
  'x-forwarded-host': headerText,
  'x-forwarded-uri': fc.oneof(fc.constantFrom('/', '/%ZZ', 'no-slash'), headerText),
  'user-agent': headerText,
  origin: fc.oneof(fc.constantFrom('null', 'https://evil.example'), headerText),
  'x-huge': fc.constantFrom('h'.repeat(16_000), 'h'.repeat(100_000)),
} satisfies Record<string, fc.Arbitrary<string>>;
const headers = fc
  .array(
    fc
      .constantFrom(...(Object.keys(HEADERS) as (keyof typeof HEADERS)[]))
      .chain((name) => HEADERS[name].map((value) => [name, value] as const)),
    { maxLength: 3 },
  )
  .map((pairs) => Object.fromEntries(pairs) as Record<string, string>);

/** Who sends the request (test/http/fuzz.test.ts makes each one's cookies and credentials). */
export const CALLERS = [
  'nobody',
  'visitor',
  'signing-in',
  'user',
  'admin',
  'admin-token',
  'read-token',
  'device',
  'legacy-basic',
  'oidc-client',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * Who is most often behind each part of the service, and what they send: so
 * most requests pass the guards (a token, a session, a CSRF token) and reach
 * the handler; the rest come from anyone with anything.
 */
const AUDIENCES: { prefix: string; callers: Caller[]; body: 'form' | 'json' }[] = [
  { prefix: '/api/', callers: ['admin-token', 'admin-token', 'read-token', 'admin'], body: 'json' },
  { prefix: '/admin', callers: ['admin'], body: 'form' },
  { prefix: '/security-info', callers: ['user'], body: 'form' },
  { prefix: '/authenticator/api/', callers: ['device'], body: 'json' },
  { prefix: '/legacy/', callers: ['legacy-basic', 'nobody'], body: 'form' },
  { prefix: '/signin', callers: ['signing-in', 'visitor'], body: 'form' },
  { prefix: '/_dev/', callers: ['admin', 'visitor'], body: 'form' },
  { prefix: '/oidc/', callers: ['user', 'oidc-client', 'nobody'], body: 'form' },
  { prefix: '/', callers: ['visitor', 'signing-in', 'user'], body: 'form' },
];
const audienceOf = (path: string) => AUDIENCES.find((a) => path.startsWith(a.prefix))!;

export interface Route {
  method: string;
  path: string;
}

/** A route's path with its parameters filled in: ids that exist, and rubbish. */
function pathArb(route: Route, pools: Pools): fc.Arbitrary<string> {
  const segments = route.path.split('/');
  return fc
    .tuple(
      ...segments.map((s) => {
        if (s === '*')
          return fc
            .array(fc.oneof(fc.constantFrom('x', 'users', '..', '%2F', '%ZZ', ''), component), {
              minLength: 1,
              maxLength: 3,
            })
            .map((parts) => parts.join('/'));
        if (!s.startsWith(':')) return fc.constant(s);
        const known = pools[s.slice(1)] ?? [];
        return fc.oneof(
          { weight: 4, arbitrary: known.length ? fc.constantFrom(...known).map(pct) : component },
          { weight: 2, arbitrary: component },
          {
            weight: 1,
            arbitrary: fc.constantFrom('%ZZ', '%C3%28', '%2F', '..', '.', 'x'.repeat(3000)),
          },
        );
      }),
    )
    .map((parts) => parts.join('/') || '/');
}

/** A query string: known keys with known or rubbish values, rubbish keys, broken encodings. */
const queryArb = (pools: Pools) => {
  // Keys with known values (an application id, a return path) most often.
  const valued = Object.keys(pools)
    .filter((k) => k.startsWith('?'))
    .map((k) => k.slice(1));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc
            .oneof(fc.constantFrom(...valued), fc.constantFrom(...QUERY_KEYS), component)
            .chain((k) =>
              fc
                .tuple(
                  pools[`?${k}`]?.length
                    ? fc.oneof(fc.constantFrom(...pools[`?${k}`]!).map(pct), component)
                    : component,
                  fc.boolean(),
                )
                .map(([v, eq]) => (eq ? `${k}=${v}` : k)),
            ),
          { minLength: 1, maxLength: 5 },
        )
        .map((pairs) => `?${pairs.join('&')}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?%ZZ', '?=x', '?rd=%2F%2Fevil.example') },
  );
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'FUZZ'];

export interface FuzzRequest {
  caller: Caller;
  withCsrf: boolean;
  method: string;
  path: string;
  body: Body;
  contentType: string | undefined;
  headers: Record<string, string>;
}

/** A short account of a request, for a failure message (bodies can be megabytes). */
export const describeRequest = (r: FuzzRequest) =>
  `${r.method} ${r.path.slice(0, 300)} as ${r.caller}${r.withCsrf ? ' (with CSRF)' : ''}, ` +
  `content-type ${JSON.stringify(r.contentType)}, ${r.body.kind} body ` +
  `${JSON.stringify(String(r.body.make('CSRF') ?? '').slice(0, 300))}, ` +
  `headers ${JSON.stringify(Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.slice(0, 100)])))}`;

export function requestArb(
  routes: Route[],
  pools: Pools,
  api: Map<string, Operation>,
): fc.Arbitrary<FuzzRequest> {
  const known = fc.constantFrom(...routes).chain((route) => {
    const audience = audienceOf(route.path.replace(/^\/\.well-known/, '/oidc/'));
    const op = api.get(`${route.method} ${route.path}`);
    return fc.record({
      method: fc.oneof(
        { weight: 5, arbitrary: fc.constant(route.method === 'ALL' ? 'POST' : route.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      path: pathArb(route, pools),
      caller: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...audience.callers) },
        { weight: 1, arbitrary: fc.constantFrom(...CALLERS) },
      ),
      query: fc.oneof(
        { weight: op?.query.length ? 2 : 0, arbitrary: apiQuery(op) },
        { weight: 1, arbitrary: queryArb(pools) },
      ),
      body: fc.oneof(
        { weight: 2, arbitrary: audience.body === 'json' ? apiBody(op) : formBody(pools) },
        { weight: 1, arbitrary: anyBody(pools) },
      ),
    });
  });
  const unknown = fc.record({
    method: fc.constantFrom(...METHODS),
    path: fc.array(component, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
    query: queryArb(pools),
    caller: fc.constantFrom(...CALLERS),
    body: anyBody(pools),
  });
  return fc
    .record({
      target: fc.oneof({ weight: 19, arbitrary: known }, { weight: 1, arbitrary: unknown }),
      withCsrf: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: contentType },
      ),
      headers,
    })
    .map(({ target, withCsrf, contentType, headers }) => {
      const r: FuzzRequest = {
        caller: target.caller,
        withCsrf,
        method: target.method,
        path: target.path + target.query,
        body: target.body,
        contentType: contentType === null ? target.body.type : contentType,
        headers,
      };
      return Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) });
    });
}

// ---------------------------------------------------------------------------
// The same, as bytes on a socket
// ---------------------------------------------------------------------------

/**
 * How a body is framed (RFC 9112 §6), right and wrong (`bad-length` is never
 * a number Node accepts); `short` promises more than it sends.
 */
const FRAMINGS = ['length', 'chunked', 'bad-chunk', 'both', 'bad-length', 'short'] as const;

export interface WireRequest {
  request: FuzzRequest;
  target: 'path' | 'bytes' | 'absolute' | 'asterisk' | 'long';
  bad: Buffer;
  host: string | null;
  framing: (typeof FRAMINGS)[number];
  cuts: number[];
}

export const describeWire = (w: WireRequest) =>
  `${describeRequest(w.request)}; on the wire: target ${w.target}, host ${JSON.stringify(w.host)}, ${w.framing}`;

export function wireArb(
  routes: Route[],
  pools: Pools,
  api: Map<string, Operation>,
): fc.Arbitrary<WireRequest> {
  return fc
    .record({
      request: requestArb(routes, pools, api),
      target: fc.oneof(
        { weight: 6, arbitrary: fc.constant('path' as const) },
        fc.constantFrom(
          'bytes' as const,
          'absolute' as const,
          'asterisk' as const,
          'long' as const,
        ),
      ),
      bad: fc.constantFrom(...BAD_UTF8),
      host: fc.oneof(
        { weight: 6, arbitrary: fc.constant('localhost') },
        fc.constantFrom(null, '', 'a b', '[::1', 'evil.example:99999', 'a@b', 'x/y?z'),
        headerText,
      ),
      framing: fc.oneof(
        { weight: 4, arbitrary: fc.constant('length' as const) },
        { weight: 2, arbitrary: fc.constant('chunked' as const) },
        fc.constantFrom(...FRAMINGS),
      ),
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
    })
    .map((w) => Object.assign(w, { [fc.toStringMethod]: () => describeWire(w) }));
}

/** The request as bytes, and whether it is complete (a `short` body is not). */
export function rawRequest(w: WireRequest, id: Identity): { bytes: Buffer; complete: boolean } {
  const r = w.request;
  const csrf = r.withCsrf ? id.csrf : undefined;
  const path = Buffer.from(r.path, 'latin1');
  const target = {
    path,
    bytes: Buffer.concat([path, w.bad]),
    absolute: Buffer.concat([Buffer.from('http://evil.example'), path]),
    asterisk: Buffer.from('*'),
    long: Buffer.concat([path, Buffer.from('/x'.repeat(40_000))]),
  }[w.target];
  const made = r.body.make(csrf);
  const payload = made === undefined ? Buffer.alloc(0) : Buffer.from(made);
  const headers: [string, string][] = [
    ...(w.host === null ? [] : [['host', w.host] as [string, string]]),
    ['connection', 'close'],
    ...Object.entries(r.headers).filter(([k]) => k !== 'cookie' && k !== 'authorization'),
  ];
  const cookie = [id.cookie, r.headers.cookie].filter(Boolean).join('; ');
  if (cookie) headers.push(['cookie', cookie]);
  const authorization = r.headers.authorization ?? id.authorization;
  if (authorization) headers.push(['authorization', authorization]);
  if (csrf) headers.push(['x-csrf-token', csrf]);
  if (r.contentType !== undefined) headers.push(['content-type', r.contentType]);
  // Chunks cut where the generator said (RFC 9112 §7.1).
  const cuts = [...new Set(w.cuts.map((c) => c % (payload.length + 1)))].sort((x, y) => x - y);
  const edges = [0, ...cuts, payload.length];
  const inChunks = Buffer.concat([
    ...edges
      .slice(1)
      .map((end, i) => payload.subarray(edges[i], end))
      .filter((c) => c.length)
      .flatMap((c) => [Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]),
    Buffer.from('0\r\n\r\n'),
  ]);
  let body = payload;
  const set = (name: string, value: number | string) => headers.push([name, String(value)]);
  switch (w.framing) {
    case 'length':
      if (payload.length || r.method !== 'GET') set('content-length', payload.length);
      break;
    case 'chunked':
      set('transfer-encoding', 'chunked');
      body = inChunks;
      break;
    case 'both':
      // Content-Length and Transfer-Encoding both: a request smuggling attempt.
      set('content-length', payload.length);
      set('transfer-encoding', 'chunked');
      body = inChunks;
      break;
    case 'bad-chunk':
      set('transfer-encoding', 'chunked');
      body = Buffer.concat([Buffer.from('zz\r\n'), payload, Buffer.from('\r\n0\r\n\r\n')]);
      break;
    case 'bad-length':
      set(
        'content-length',
        ['abc', '-1', '1e3', '1, 2', '+5', '4 4', '99999999999999999999'][(w.cuts[0] ?? 0) % 7]!,
      );
      break;
    case 'short':
      set('content-length', payload.length + 10);
      break;
  }
  const head = Buffer.concat([
    Buffer.from(`${r.method} `, 'latin1'),
    target,
    Buffer.from(` HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'latin1'),
  ]);
  return { bytes: Buffer.concat([head, body]), complete: w.framing !== 'short' };
}

/**
 * Sends bytes on a new connection and reads the answer until the server
 * closes it (Connection: close). A request that never ends is given up on
 * after a moment. (Not half-closed: Node drops the answer to a client that
 * half-closes, as no browser does.)
 */
export function sendRaw(port: number, bytes: Buffer, complete: boolean): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    socket.on('data', (d) => got.push(d));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(got).toString('latin1')));
    socket.setTimeout(complete ? 5000 : 200, () => socket.destroy());
    socket.write(bytes);
  });
}

/** Status, headers and body of a raw HTTP/1.1 answer. */
export function parseAnswer(
  raw: string,
): { status: number; headers: Headers; body: string } | null {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
  if (!m) return null;
  const end = raw.indexOf('\r\n\r\n');
  const headers = new Headers();
  for (const line of raw.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    try {
      headers.append(line.slice(0, colon), line.slice(colon + 1).trim());
    } catch {
      // Not a header the Headers class takes: its text is still checked below.
    }
  }
  return { status: Number(m[1]), headers, body: raw.slice(end + 4) };
}

// ---------------------------------------------------------------------------
// LDAP messages (BER, X.690) an LDAP front must survive
// ---------------------------------------------------------------------------

/**
 * Malformed BER built from `valid` messages: truncated ones, lengths longer
 * than what follows or than any message may be (up to 4 GiB), indefinite
 * lengths, filters nested thousands deep (by definite and by indefinite
 * lengths, which no length check alone stops), valid messages with a few
 * bytes changed, random bytes, and random bytes after `opener` and a valid
 * message (a parser that got in step first).
 */
export function berArb(valid: readonly Buffer[], opener: Buffer): fc.Arbitrary<Buffer> {
  const aValid = fc.constantFrom(...valid);
  const truncated = aValid.chain((m) =>
    fc.integer({ min: 1, max: m.length - 1 }).map((n) => m.subarray(0, n)),
  );
  const overLong = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.uint8Array({ maxLength: 64 }))
    .map(([octets, tail]) =>
      Buffer.concat([Buffer.from([0x30, 0x80 | octets]), Buffer.alloc(octets, 0xff), tail]),
    );
  const indefinite = aValid.map((m) =>
    Buffer.concat([Buffer.from([0x30, 0x80]), m.subarray(2), Buffer.from([0, 0])]),
  );
  /** NOT filters nested `depth` deep inside a search (each two bytes of header). */
  const deep = fc.integer({ min: 30, max: 3000 }).map((depth) => {
    let f = wire.tlv(0x87, Buffer.from('cn'));
    for (let i = 0; i < depth; i++) f = wire.tlv(0xa2, f);
    return wire.search(7, 'dc=example', 2, f);
  });
  const deepIndefinite = fc
    .integer({ min: 10, max: 20000 })
    .map((depth) =>
      Buffer.concat([
        Buffer.from([0x30, 0x84, 0, 0, 0x9c, 0x40]),
        Buffer.alloc(depth * 2, Buffer.from([0xa0, 0x80])),
      ]),
    );
  const mutated = fc
    .tuple(
      aValid,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([m, changes]) => {
      const b = Buffer.from(m);
      for (const [at, v] of changes) b[at % b.length] = v;
      return b;
    });
  const random = fc.uint8Array({ minLength: 1, maxLength: 512 }).map((a) => Buffer.from(a));
  const randomAfterValid = fc.tuple(aValid, random).map(([m, r]) => Buffer.concat([opener, m, r]));
  return fc.oneof(
    truncated,
    overLong,
    indefinite,
    deep,
    deepIndefinite,
    mutated,
    random,
    randomAfterValid,
  );
}
