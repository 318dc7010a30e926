// Return paths (issue 15, finding 4): one function decides where a page may
// send someone afterwards (`rd`, `next`), and whatever it accepts stays on
// this site or a trusted host however a browser reads it — after the WHATWG
// parser strips tab, CR and LF, after a client strips other invisible
// characters, after something percent-decodes it once more. Then every page
// that takes a return path is asked with the hostile ones.
//
// The seed is fixed (printed); FUZZ_SEED and FUZZ_RUNS run other or more cases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { safeReturnTo } from '../../src/http/return-to.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient } from '../helpers/browser.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_215);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);
const ORIGIN = 'https://portcullis.example';
const TRUSTED = ['wiki.contoso.com', 'app.example:8443'];
const config = { publicUrl: ORIGIN, redirectHosts: ` ${TRUSTED[0]}, ${TRUSTED[1]}` };
const check = (s: string | undefined) => safeReturnTo(config, s);

/** Where a browser on a Portcullis page goes with `href` (or a Location) `s`. */
const resolve = (s: string) => {
  try {
    return new URL(s, `${ORIGIN}/security-info/app-passwords/intro`);
  } catch {
    return null;
  }
};
const allowedHosts = new Set([new URL(ORIGIN).host, ...TRUSTED]);

/** Percent-decodes every `%XX` once, byte-wise (a second decoding by a proxy, a framework, an app). */
function decode(s: string): string {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of s.matchAll(/%([0-9a-f]{2})/gi)) {
    parts.push(
      Buffer.from(s.slice(last, m.index), 'utf8'),
      Buffer.from([Number.parseInt(m[1]!, 16)]),
    );
    last = m.index + 3;
  }
  parts.push(Buffer.from(s.slice(last), 'utf8'));
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Every way the value may be read: as it is; with tab/CR/LF removed and
 * leading or trailing controls and spaces trimmed (WHATWG URL §4.4); with
 * every invisible character removed; with backslashes as slashes; and each
 * of those after one, two and three more percent-decodings.
 */
function readings(s: string): string[] {
  const out = new Set<string>();
  let layer = s;
  for (let i = 0; i < 4; i++) {
    const whatwg = layer
      .replace(/[\t\n\r]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: trimming them is the point
      .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
    const invisible = layer.replace(/[\p{C}\p{Z}\p{Default_Ignorable_Code_Point}]/gu, '');
    for (const r of [layer, whatwg, invisible]) {
      out.add(r);
      out.add(r.replace(/\\/g, '/'));
    }
    layer = decode(layer);
  }
  return [...out];
}

/** Where a reading of an accepted value goes, if that is not this site or a trusted host. */
function escapes(s: string): string | null {
  for (const r of readings(s)) {
    const url = resolve(r);
    if (url === null) continue; // the browser goes nowhere
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${r} → ${url.href}`;
    if (!allowedHosts.has(url.host)) return `${r} → ${url.href}`;
    if (url.username || url.password) return `${r} → ${url.href}`;
  }
  return null;
}

/** Return paths that must be refused (tab, CR, LF as a browser would drop them; encoded; stacked). */
const HOSTILE = [
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example/',
  '\\/evil.example/',
  '\\\\evil.example',
  '/\t/evil.example/',
  '\t//evil.example/',
  '/\n/evil.example/',
  '/\r\n/evil.example/',
  '/\r\nSet-Cookie: x=1',
  ' //evil.example/',
  '/\u0000/evil.example/',
  '/\u00a0/evil.example/',
  '/\u1680/evil.example/',
  '/\u2000/evil.example/',
  '/\u200b/evil.example/',
  '/\u200d/evil.example/',
  '/\u2028/evil.example/',
  '/\u202e/evil.example/',
  '/\u3000/evil.example/',
  '/\u180e/evil.example/',
  '/\ufeff/evil.example/',
  '/\u00ad/evil.example/',
  '/\u034f/evil.example/',
  '/\ufe0f/evil.example/',
  '/\ud800/evil.example/',
  '/%2F/evil.example/',
  '/%2f/evil.example/',
  '%2F%2Fevil.example/',
  '/%5C/evil.example/',
  '/%5c/evil.example/',
  '/%09/evil.example/',
  '/%0A/evil.example/',
  '/%0d%0a/evil.example/',
  '/%00/evil.example/',
  '/%20/evil.example/',
  '/%E2%80%8B/evil.example/',
  '/%252F/evil.example/',
  '/%25252F/evil.example/',
  '/%2525252F/evil.example/',
  '/%252525252F/evil.example/',
  '/%255C/evil.example/',
  '/%2509/evil.example/',
  '/.//evil.example/',
  '/./%2F/evil.example/',
  '/..//evil.example/',
  '/a/..//evil.example/',
  '/%2e%2e//evil.example/',
  '/%2E//evil.example/',
  '/security-info?x=\\',
  '/security-info?x=%5C',
  '/security-info#\\',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://wiki.contoso.com/',
  'https://evil.example/',
  'http://evil.example/',
  'https:evil.example',
  'https:/evil.example',
  'https:\\\\evil.example',
  'https://wiki.contoso.com.evil.example/',
  'https://wiki.contoso.com@evil.example/',
  'https://user:secret@wiki.contoso.com/',
  'https://evil.example\\@wiki.contoso.com/',
  'https://evil.example%2F@wiki.contoso.com/',
  'https://wiki.contoso.com:8443/',
  'https://app.example/',
  'https://wiki.contoso.com//evil.example/',
  'https://wiki.contoso.com/%2F/evil.example/',
  'evil.example',
  'security-info',
  '.',
  '',
  `/${'a'.repeat(3000)}`,
];

/** Return paths that must keep working: local paths with queries, and trusted hosts. */
const ORDINARY: [string, string][] = [
  ['/', '/'],
  ['/security-info', '/security-info'],
  ['/security-info?done=added', '/security-info?done=added'],
  ['/admin/users?q=p0&cursor=abc#top', '/admin/users?q=p0&cursor=abc#top'],
  ['/admin/logs/signins?user=alice%40contoso.com', '/admin/logs/signins?user=alice%40contoso.com'],
  [
    '/admin/users?search=Ji%C5%99%C3%AD%20Nov%C3%A1k',
    '/admin/users?search=Ji%C5%99%C3%AD%20Nov%C3%A1k',
  ],
  ['/signin?rd=%2Fsecurity-info', '/signin?rd=%2Fsecurity-info'],
  ['/admin/users/j%C3%BC@contoso.com', '/admin/users/j%C3%BC@contoso.com'],
  ['/admin/users/jü@contoso.com', '/admin/users/j%C3%BC@contoso.com'],
  ['/oidc/interaction/AbC-123_x', '/oidc/interaction/AbC-123_x'],
  ['/security-info/add?method=OneWaySMS', '/security-info/add?method=OneWaySMS'],
  ['https://wiki.contoso.com/page?x=1', 'https://wiki.contoso.com/page?x=1'],
  ['HTTPS://WIKI.Contoso.com/Page', 'https://wiki.contoso.com/Page'],
  ['http://wiki.contoso.com/', 'http://wiki.contoso.com/'],
  ['https://app.example:8443/x?y=%2F', 'https://app.example:8443/x?y=%2F'],
  ['https://portcullis.example/security-info', 'https://portcullis.example/security-info'],
];

describe('return paths: one function', () => {
  it('keeps ordinary local paths with queries, and trusted hosts', () => {
    for (const [given, kept] of ORDINARY) assert.equal(check(given), kept, given);
  });

  it('refuses every hostile return path (controls, invisible characters, backslashes, //, schemes, encodings)', () => {
    assert.equal(check(undefined), null);
    for (const bad of HOSTILE) assert.equal(check(bad), null, JSON.stringify(bad));
  });

  it('fuzz: whatever it accepts stays on this site or a trusted host, however it is read', () => {
    // Pieces that have made open redirects: slashes and backslashes, what
    // browsers strip, encodings of each, dot segments, schemes, hosts.
    const piece = fc.constantFrom(
      '/',
      '/',
      '//',
      '\\',
      '%2F',
      '%2f',
      '%5C',
      '%5c',
      '%25',
      '%252F',
      '%09',
      '%0A',
      '%0D',
      '%00',
      '%20',
      '%E2%80%8B',
      '%2e',
      '%2E%2E',
      '\t',
      '\n',
      '\r',
      ' ',
      '\u0000',
      '\u00a0',
      '\u200b',
      '\u2028',
      '\u202e',
      '\u3000',
      '\ufeff',
      '\u180e',
      '\u00ad',
      '.',
      '..',
      '@',
      ':',
      '?',
      '#',
      '&',
      '=',
      'javascript:',
      'data:',
      'http:',
      'https:',
      'evil.example',
      'wiki.contoso.com',
      'app.example:8443',
      'portcullis.example',
      'user:pw@',
      'security-info',
      'a',
    );
    const candidate = fc.oneof(
      { weight: 6, arbitrary: fc.array(piece, { maxLength: 10 }).map((p) => p.join('')) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.array(piece, { maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 8 }))
          .map(([p, s]) => `/${p.join('')}${s}`),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
      { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
    );
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (given) => {
        const kept = check(given);
        if (kept === null) return;
        accepted++;
        // The value as written into the page or Location, and as it was given.
        assert.equal(
          escapes(kept),
          null,
          `accepted ${JSON.stringify(given)} as ${JSON.stringify(kept)}`,
        );
        assert.equal(escapes(given), null, `accepted ${JSON.stringify(given)}`);
        assert.match(kept, /^(\/(?![/\\])|https?:\/\/)/);
        // Accepting is stable: what comes out is accepted as it is.
        assert.equal(check(kept), kept);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`return-to fuzz: seed ${SEED}, ${RUNS} runs, ${accepted} accepted`);
    assert.ok(accepted > RUNS / 50, `only ${accepted} accepted: the generator tests too little`);
  });
});

describe('return paths: every page that takes one', () => {
  let t: TestApp;
  const UPN = 'rae@contoso.com';
  const PASSWORD = 'correct horse battery';
  const client = () => new FormClient((req) => t.app.request(req), ORIGIN);
  /** The hostile ones a URL can carry (a lone surrogate cannot be percent-encoded). */
  const BAD = HOSTILE.filter((h) => h !== '' && h.length < 200 && !/[\ud800-\udfff]/.test(h));
  const htmlDecode = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  const sendsOff = (href: string | null | undefined) =>
    href === null || href === undefined ? null : escapes(htmlDecode(href));

  async function signedIn() {
    const b = client();
    await b.page('/');
    const res = await b.post('/signin', { username: UPN, password: PASSWORD });
    assert.equal(res.status, 303);
    return b;
  }

  before(async () => {
    t = await createTestApp({
      PORTCULLIS_PUBLIC_URL: ORIGIN,
      PORTCULLIS_REDIRECT_HOSTS: TRUSTED.join(','),
    });
    // MFA Disabled: the password alone signs in, so each sign-in is one request.
    await t.addUser({ upn: UPN, mfaState: 'Disabled' });
    await updateServiceSettings(t.ctx, { passwordlessSignin: true });
  });
  after(() => t.close());

  const doneHref = (html: string) =>
    /<a class="button secondary-button" href="([^"]*)">Done</.exec(html)?.[1];

  it('app passwords intro (?next=): the Done link goes home instead of to a hostile place', async () => {
    const b = await signedIn();
    for (const bad of BAD) {
      const { res, html } = await b.page(
        `/security-info/app-passwords/intro?next=${encodeURIComponent(bad)}`,
      );
      assert.equal(res.status, 200, JSON.stringify(bad));
      assert.equal(doneHref(html), '/', JSON.stringify(bad));
    }
    // The literal request of the finding: a tab the browser would drop.
    const { html } = await b.page('/security-info/app-passwords/intro?next=/%09/evil.example/');
    assert.equal(doneHref(html), '/');
    assert.equal(sendsOff(doneHref(html)), null);
  });

  it('app passwords intro (?next=): keeps a local path with its query, and a trusted host (forward-auth)', async () => {
    const b = await signedIn();
    for (const [given, kept] of [
      ['/security-info?done=added', '/security-info?done=added'],
      ['/admin/users?q=p0&cursor=abc', '/admin/users?q=p0&amp;cursor=abc'],
      ['https://wiki.contoso.com/page?x=1', 'https://wiki.contoso.com/page?x=1'],
    ] as const) {
      const { html } = await b.page(
        `/security-info/app-passwords/intro?next=${encodeURIComponent(given)}`,
      );
      assert.equal(doneHref(html), kept, given);
    }
  });

  it('sign-in page (?rd=): no hostile value is kept in the form or the passkey form', async () => {
    const b = client();
    for (const bad of BAD) {
      const { res, html } = await b.page(`/?rd=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 200, JSON.stringify(bad));
      assert.doesNotMatch(html, /name="rd"/, JSON.stringify(bad));
      assert.doesNotMatch(html, /[?&;]rd=/, JSON.stringify(bad));
    }
    const { html } = await b.page(`/?rd=${encodeURIComponent('/security-info')}`);
    assert.match(html, /name="rd" value="\/security-info"/);
    assert.match(html, /\/signin\/passwordless\?method=Passkey&amp;rd=%2Fsecurity-info/);
  });

  it('sign-in page (?rd=) when signed in already: sends nobody to a hostile place', async () => {
    const b = await signedIn();
    for (const bad of BAD) {
      const res = await b.get(`/?rd=${encodeURIComponent(bad)}`);
      assert.ok(res.status < 500, `${JSON.stringify(bad)}: ${res.status}`);
      assert.equal(sendsOff(res.headers.get('location')), null, JSON.stringify(bad));
      if (res.status === 303) assert.equal(res.headers.get('location'), '/', JSON.stringify(bad));
      else assert.equal(res.status, 200, JSON.stringify(bad));
    }
    const ok = await b.get(`/?rd=${encodeURIComponent('/security-info?done=added')}`);
    assert.equal(ok.headers.get('location'), '/security-info?done=added');
  });

  it('sign-in form (rd field): after the password, home instead of a hostile place', async () => {
    for (const bad of BAD) {
      const b = client();
      await b.page('/');
      const res = await b.post('/signin', { username: UPN, password: PASSWORD, rd: bad });
      assert.equal(res.status, 303, JSON.stringify(bad));
      assert.equal(res.headers.get('location'), '/', JSON.stringify(bad));
    }
    const b = client();
    await b.page('/');
    const res = await b.post('/signin', {
      username: UPN,
      password: PASSWORD,
      rd: 'https://wiki.contoso.com/page?x=1',
    });
    assert.equal(res.headers.get('location'), 'https://wiki.contoso.com/page?x=1');
  });

  it('passwordless sign-in (?rd=): a failed try shows the sign-in page without the hostile value', async () => {
    const b = client();
    for (const bad of BAD) {
      await b.page('/');
      const res = await b.post(
        `/signin/passwordless?method=Passkey&rd=${encodeURIComponent(bad)}`,
        { response: '{}' },
      );
      assert.ok(res.status < 500, `${JSON.stringify(bad)}: ${res.status}`);
      assert.equal(sendsOff(res.headers.get('location')), null, JSON.stringify(bad));
      assert.doesNotMatch(b.lastHtml, /name="rd"/, JSON.stringify(bad));
      assert.doesNotMatch(b.lastHtml, /[?&;]rd=/, JSON.stringify(bad));
    }
  });
});
