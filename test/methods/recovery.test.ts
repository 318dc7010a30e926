import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../../src/crypto/hash.ts';
import { cryptoRandom, type Random } from '../../src/crypto/random.ts';
import { translator } from '../../src/i18n/index.ts';
import { findMethod, methods } from '../../src/methods/index.ts';
import {
  CODE_BITS,
  CODES_PER_SET,
  newCodeSet,
  normaliseCode,
} from '../../src/methods/recovery/codes.ts';
import { recoveryCodeMethod } from '../../src/methods/recovery/index.ts';
import { newSecret } from '../../src/methods/totp/codes.ts';
import type { Attempt, AuthMethod, MethodUser, Registration } from '../../src/methods/types.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { onPostgres } from '../helpers/db.ts';
import { codeAt, secretFromPage } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const en = translator('en');
const SHAPE = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;

describe(`RecoveryCode method (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  const m: AuthMethod<{ codes: string[] }> = recoveryCodeMethod;
  const enrol = m.enrol!;
  const attempt = (flowId: string = crypto.randomUUID()): Attempt => ({
    flowId,
    clientIp: '192.0.2.1',
    allowedMethods: methods.map((x) => x.id),
  });

  async function newUser(upn: string): Promise<MethodUser> {
    await t.addUser({ upn, mfaState: 'Enforced' });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    return { id: u.id, upn: u.upn, displayName: u.display_name, preferredLanguage: 'en' };
  }

  /** Generates and registers a set through the method's enrolment, as the flows do. */
  async function register(user: MethodUser): Promise<{ codes: string[]; reg: Registration }> {
    const mc = t.ctx.methodContext;
    const state = await enrol.begin(mc, user, attempt());
    const result = await enrol.complete(mc, user, state, { saved: '1' }, attempt(), en);
    assert.equal(result.ok, true);
    if (result.ok !== true) throw new Error('not registered');
    const reg = await addRegistration(t.ctx, user.id, m.id, result);
    return { codes: state.codes, reg };
  }

  const verify = (user: MethodUser, reg: Registration, code: string, flowId?: string) =>
    m.verify(t.ctx.methodContext, user, reg, { code }, attempt(flowId), en);

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('is registered last, as a possession factor contributing amr "otp", with an enrolment', () => {
    assert.equal(methods.at(-1)?.id, 'RecoveryCode');
    assert.equal(findMethod('RecoveryCode'), methods.at(-1));
    assert.equal(m.factor, 'possession');
    assert.deepEqual(m.amr, ['otp']);
    assert.ok(m.enrol);
  });

  it('makes 10 distinct codes of 60 bits for people: xxxx-xxxx-xxxx in Crockford base32', () => {
    assert.ok(CODE_BITS >= 50, `${CODE_BITS} bits`);
    assert.equal(CODE_BITS, 60);
    const codes = newCodeSet(cryptoRandom);
    assert.equal(codes.length, 10);
    for (const c of codes) assert.match(c, SHAPE);
    assert.equal(new Set(codes).size, 10);
    // Every character is one draw over the whole 32-letter alphabet.
    const draws: number[] = [];
    const spy: Random = {
      bytes: cryptoRandom.bytes,
      int: (max) => {
        draws.push(max);
        return draws.length % 32;
      },
    };
    newCodeSet(spy);
    assert.equal(draws.length, 10 * 12);
    assert.ok(draws.every((d) => d === 32));
  });

  it('reads codes regardless of case, spaces and dashes, and o/i/l typed for 0/1', () => {
    assert.equal(normaliseCode('abcd-efgh-jkmn'), 'abcdefghjkmn');
    assert.equal(normaliseCode(' ABCD EFGH  JKMN '), 'abcdefghjkmn');
    assert.equal(normaliseCode('abcdefghjkmn'), 'abcdefghjkmn');
    assert.equal(normaliseCode('0o1i-lL00-1111'), '001111001111');
    for (const bad of [
      undefined,
      '',
      'abcd-efgh-jkm',
      'abcd-efgh-jkmnp',
      'abcd-efgh-jkmu',
      '1'.repeat(65),
    ])
      assert.equal(normaliseCode(bad), null, String(bad));
  });

  it('shows the codes once with a text file to download, and stores only keyed hashes', async () => {
    const user = await newUser('rita@contoso.com');
    const mc = t.ctx.methodContext;
    const state = await enrol.begin(mc, user, attempt());
    const html = String(
      await enrol.render(mc, user, state, { action: '/x', csrfToken: 'tok', t: en }),
    );
    for (const c of state.codes) assert.ok(html.includes(`<code>${c}</code>`), c);
    assert.doesNotMatch(html, /stop working/, 'nothing to replace yet');
    const link = /<a href="(data:text\/plain;charset=utf-8,[^"]+)" download="([^"]+)">/.exec(html);
    assert.ok(link, 'a data: link with download');
    assert.equal(link[2], 'portcullis-recovery-codes.txt');
    const file = decodeURIComponent(link[1]!.replace(/&amp;/g, '&').split(',').slice(1).join(','));
    assert.match(file, /^Portcullis recovery codes for rita@contoso\.com \(created 2026-11-28\)\n/);
    for (const c of state.codes) assert.ok(file.includes(`\n${c}\n`), c);
    assert.match(html, /<button type="submit">I have saved these codes<\/button>/);

    // Without the confirmation nothing is stored.
    const notYet = await enrol.complete(mc, user, state, {}, attempt(), en);
    assert.equal(notYet.ok, 'retry');
    assert.equal(
      (await t.ctx.db.selectFrom('recovery_codes').selectAll().execute()).length,
      0,
      'nothing stored before confirmation',
    );

    const result = await enrol.complete(mc, user, state, { saved: '1' }, attempt(), en);
    assert.deepEqual(result, { ok: true, secret: null, details: { count: CODES_PER_SET } });
    const rows = await t.ctx.db
      .selectFrom('recovery_codes')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(rows.length, 10);
    assert.equal(new Set(rows.map((r) => r.code_hash)).size, 10);
    for (const r of rows) {
      assert.equal(r.used_at, null);
      assert.match(r.code_hash, /^[A-Za-z0-9_-]{43}$/, 'HMAC-SHA-256, base64url');
      for (const c of state.codes) {
        assert.ok(!r.code_hash.includes(c) && !r.code_hash.includes(normaliseCode(c)!));
        assert.notEqual(r.code_hash, sha256(normaliseCode(c)!), 'keyed, not a plain hash');
      }
    }
    if (!onPostgres) {
      // Nowhere in the database files, in any form a person could type.
      const file = t.database.config.databaseUrl.replace(/^sqlite:/, '');
      const bytes = ['', '-wal']
        .map((s) => {
          try {
            return readFileSync(file + s).toString('latin1');
          } catch {
            return '';
          }
        })
        .join('');
      assert.ok(bytes.includes('rita@contoso.com'), 'the files were read');
      for (const c of state.codes) {
        assert.ok(!bytes.includes(c), `${c} in the database file`);
        assert.ok(!bytes.includes(normaliseCode(c)!), `${c} in the database file`);
      }
    }
  });

  it('accepts a code once, says how many are left, and refuses it afterwards', async () => {
    const user = await newUser('una@contoso.com');
    const { codes, reg } = await register(user);
    const first = await verify(user, reg, codes[0]!, 'flow-a');
    assert.deepEqual(first, { ok: true, notice: 'You have 9 recovery codes left.' });
    assert.deepEqual(await verify(user, reg, codes[0]!, 'flow-b'), {
      ok: false,
      reason: 'replayed',
    });
    // The same attempt sending it again (a double click) is no wrong code.
    assert.deepEqual(await verify(user, reg, codes[0]!, 'flow-a'), { ok: 'waiting' });
    assert.deepEqual(await verify(user, reg, 'zzzz-zzzz-zzzz'), { ok: false, reason: 'invalid' });
    assert.deepEqual(await verify(user, reg, 'not a code'), { ok: false, reason: 'malformed' });
    assert.deepEqual(await verify(user, reg, ''), { ok: false, reason: 'malformed' });
    const typed = codes[1]!.toUpperCase().replace(/-/g, ' ');
    assert.deepEqual(await verify(user, reg, typed), {
      ok: true,
      notice: 'You have 8 recovery codes left.',
    });
    // Another user's code is not this user's.
    const other = await newUser('otto@contoso.com');
    const theirs = await register(other);
    assert.deepEqual(await verify(user, reg, theirs.codes[0]!), { ok: false, reason: 'invalid' });
    const left = await t.ctx.db
      .selectFrom('recovery_codes')
      .select('used_at')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    assert.equal(left.length, 8);
  });

  it('lets exactly one of 20 racing verifications of one code succeed', async () => {
    const user = await newUser('race@contoso.com');
    const { codes, reg } = await register(user);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verify(user, reg, codes[3]!)),
    );
    const won = results.filter((r) => r.ok === true);
    assert.equal(won.length, 1, JSON.stringify(results));
    assert.equal(
      results.filter((r) => r.ok === false && r.reason === 'replayed').length,
      19,
      JSON.stringify(results),
    );
    assert.deepEqual(won[0], { ok: true, notice: 'You have 9 recovery codes left.' });
  });

  it('regenerating replaces the old set and the old registration', async () => {
    const user = await newUser('regi@contoso.com');
    const old = await register(user);
    assert.equal((await verify(user, old.reg, old.codes[0]!)).ok, true);
    const mc = t.ctx.methodContext;
    const state = await enrol.begin(mc, user, attempt());
    const page = String(
      await enrol.render(mc, user, state, { action: '/x', csrfToken: 'c', t: en }),
    );
    assert.match(textOf(page), /Your previous recovery codes stop working once you save these\./);
    // Until the new set is confirmed, the old one still works.
    assert.equal((await verify(user, old.reg, old.codes[1]!)).ok, true);
    const renewed = await register(user);
    const regs = await t.ctx.stores.methods.listForUser(user.id);
    assert.deepEqual(
      regs.map((r) => [r.id, r.method_type]),
      [[renewed.reg.id, 'RecoveryCode']],
      'one RecoveryCode registration',
    );
    for (const c of old.codes.slice(2))
      assert.deepEqual(await verify(user, renewed.reg, c), { ok: false, reason: 'invalid' });
    assert.deepEqual(await verify(user, renewed.reg, renewed.codes[0]!), {
      ok: true,
      notice: 'You have 9 recovery codes left.',
    });
  });

  it('keeps the default method when a second set replaces the first', async () => {
    const user = await newUser('dee@contoso.com');
    await addRegistration(t.ctx, user.id, 'PhoneAppOTP', {
      ok: true,
      secret: newSecret(Buffer.alloc(20, 7)),
      details: {},
    });
    await register(user);
    await register(user);
    const regs = await t.ctx.stores.methods.listForUser(user.id);
    assert.deepEqual(
      regs.map((r) => [r.method_type, r.is_default]),
      [
        ['PhoneAppOTP', 1],
        ['RecoveryCode', 0],
      ],
    );
  });

  it('says when none are left, in the user’s language with its plurals', async () => {
    const user = await newUser('last@contoso.com');
    const { codes, reg } = await register(user);
    let last: unknown;
    for (const c of codes) last = await verify(user, reg, c);
    assert.deepEqual(last, {
      ok: true,
      notice: 'You have no recovery codes left. Create new ones in your security info.',
    });
    assert.equal(en('recovery.left', { count: 1 }), 'You have 1 recovery code left.');
    assert.equal(
      translator('cs')('recovery.left', { count: 3 }),
      'Zbývají vám 3 kódy pro obnovení.',
    );
    assert.equal(translator('cs')('recovery.left', { count: 9 }), 'Zbývá vám 9 kódů pro obnovení.');
    assert.equal(
      translator('sk')('recovery.left', { count: 1 }),
      'Zostáva vám 1 kód na obnovenie.',
    );
    assert.equal(
      translator('de')('recovery.left', { count: 9 }),
      'Sie haben noch 9 Wiederherstellungscodes.',
    );
  });

  it('renders a text field for the code (not numeric), with "remember this device" when offered', async () => {
    const user = await newUser('form@contoso.com');
    const { reg } = await register(user);
    const form = { action: '/signin/verify?method=x', csrfToken: 'c', t: en };
    const html = String(await m.renderVerify(t.ctx.methodContext, user, reg, form, attempt()));
    assert.match(html, /<label for="code">Recovery code<\/label>/);
    assert.match(html, /<input id="code" name="code" autocomplete="off"/);
    assert.doesNotMatch(html, /inputmode="numeric"|pattern=/);
    assert.doesNotMatch(html, /name="remember"/);
    const remember = String(
      await m.renderVerify(t.ctx.methodContext, user, reg, { ...form, rememberDays: 7 }, attempt()),
    );
    assert.match(remember, /name="remember" value="on"/);
  });
});

describe('signing in with a recovery code (in-process HTTP)', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  const m: AuthMethod<{ codes: string[] }> = recoveryCodeMethod;
  let codes: string[] = [];
  let recoveryId = '';

  async function toVerifyPage() {
    const b = client();
    await b.page('/');
    const r = await b.submit('/signin', { username: 'vera@contoso.com', password: PASSWORD });
    assert.match(textOf(r.html), /Verify your identity/);
    // The default method (the authenticator app) is asked first; others are links.
    assert.match(r.html, /<label for="code">Code<\/label>/);
    const link = new RegExp(`href="/signin/step\\?method=${recoveryId}">Recovery codes</a>`);
    assert.match(r.html, link);
    const page = await b.page(`/signin/step?method=${recoveryId}`);
    assert.match(page.html, /<label for="code">Recovery code<\/label>/);
    return b;
  }

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'vera@contoso.com', displayName: 'Vera', mfaState: 'Enforced' });
    const user = (await t.ctx.stores.users.findByUpn('vera@contoso.com'))!;
    const mu: MethodUser = {
      id: user.id,
      upn: user.upn,
      displayName: user.display_name,
      preferredLanguage: 'en',
    };
    await addRegistration(t.ctx, user.id, 'PhoneAppOTP', {
      ok: true,
      secret: newSecret(Buffer.alloc(20, 9)),
      details: {},
    });
    const a: Attempt = { flowId: 'setup', clientIp: null, allowedMethods: ['RecoveryCode'] };
    const state = await m.enrol!.begin(t.ctx.methodContext, mu, a);
    const result = await m.enrol!.complete(
      t.ctx.methodContext,
      mu,
      state,
      { saved: '1' },
      a,
      translator('en'),
    );
    if (result.ok !== true) throw new Error('not registered');
    recoveryId = (await addRegistration(t.ctx, user.id, 'RecoveryCode', result)).id;
    codes = state.codes;
  });
  after(() => t.close());

  it('signs in with a recovery code, tells how many are left, and refuses the same code next time', async () => {
    const b = await toVerifyPage();
    const res = await b.post(`/signin/verify?method=${recoveryId}`, { code: codes[0]! });
    assert.equal(res.status, 200);
    assert.match(textOf(b.lastHtml), /Signed in/);
    assert.match(textOf(b.lastHtml), /You have 9 recovery codes left\./);
    const session = await t.ctx.stores.sessions.find(
      sha256(b.cookies.get('portcullis')!),
      t.clock.now(),
    );
    assert.ok(session?.user_id, 'signed in');
    assert.deepEqual(JSON.parse(session.amr!).sort(), ['mfa', 'otp', 'pwd']);
    const home = await b.page('/');
    assert.match(textOf(home.html), /My account/);
    assert.match(textOf(home.html), /Recovery codes/, 'listed among the methods');

    t.clock.advance(60_000);
    const again = await toVerifyPage();
    const refused = await again.submit(`/signin/verify?method=${recoveryId}`, {
      code: codes[0]!,
    });
    assert.equal(refused.res.status, 401);
    assert.match(textOf(refused.html), /That code is not correct/);
    assert.match(refused.html, /<label for="code">Recovery code<\/label>/, 'asked again');
    const log = await t.ctx.stores.signinLog.list({ upn: 'vera@contoso.com', limit: 5 });
    assert.equal(log[0]?.reason, 'code already used');
    assert.equal(log[0]?.method, 'RecoveryCode');
    assert.ok(log.some((l) => l.result === 'success' && l.method === 'RecoveryCode'));

    // Another code of the set still works.
    const ok = await again.post(`/signin/verify?method=${recoveryId}`, { code: codes[1]! });
    assert.equal(ok.status, 200);
    assert.match(textOf(again.lastHtml), /You have 8 recovery codes left\./);
  });

  it('one code sent many times at once by the same attempt signs in once and counts no wrong code', async () => {
    t.clock.advance(60_000);
    const b = await toVerifyPage();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        b.post(`/signin/verify?method=${recoveryId}`, { code: codes[2]! }),
      ),
    );
    const html = await Promise.all(results.map((r) => r.clone().text()));
    const won = html.filter((h) => /recovery codes left/.test(h));
    assert.equal(won.length, 1, results.map((r) => r.status).join());
    const user = await t.ctx.stores.users.findByUpn('vera@contoso.com');
    assert.equal((await t.ctx.stores.limits.find([`code:${user!.id}`]))[0]?.failures ?? 0, 0);
  });

  it('is not offered alone in proof-up; added from security info beside another method, shown once, then used', async () => {
    await t.addUser({ upn: 'newt@contoso.com', mfaState: 'Enforced' });
    const b = client();
    await b.page('/');
    await b.submit('/signin', { username: 'newt@contoso.com', password: PASSWORD });
    assert.doesNotMatch(b.lastHtml, /value="RecoveryCode"/, "never a user's only method");
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    await b.pastAppPasswordsStep();

    const enrolPage = await b.page('/security-info/add?method=RecoveryCode');
    const shown = [...enrolPage.html.matchAll(/<code>([^<]+)<\/code>/g)].map((x) => x[1]!);
    assert.equal(shown.length, 10);
    assert.match(enrolPage.html, /download="portcullis-recovery-codes\.txt"/);
    const action = /<form method="post" action="([^"]+)"/.exec(enrolPage.html)![1]!;
    const saved = await b.submit(action, { saved: '1' });
    assert.match(textOf(saved.html), /The method was added/);
    const user = await t.ctx.stores.users.findByUpn('newt@contoso.com');
    const regs = await t.ctx.stores.methods.listForUser(user!.id);
    const recovery = regs.find((r) => r.method_type === 'RecoveryCode');
    assert.deepEqual(
      [recovery?.secret_sealed, JSON.parse(recovery?.details ?? '{}')],
      [null, { count: 10 }],
    );
    // The codes shown are the ones stored.
    t.clock.advance(60_000);
    const next = client();
    await next.page('/');
    await next.submit('/signin', { username: 'newt@contoso.com', password: PASSWORD });
    const res = await next.post(`/signin/verify?method=${recovery!.id}`, { code: shown[4]! });
    assert.equal(res.status, 200);
    assert.match(textOf(next.lastHtml), /You have 9 recovery codes left\./);
  });
});
