// The phone simulator (/_dev/phone) shows every text and call in the outbox
// and answers calls, so it passes anyone's second factor (issue 15, finding 5).
// It is mounted only with PORTCULLIS_PHONE_SIMULATOR (off by default) and then
// served only to this machine (the connection's address, not a header) and to
// signed-in administrators; anyone else gets the plain 404. The admin portal
// says where phone methods are allowed that, under the outbox, nothing is sent.
// In process, the connection's address is the `incoming.socket` Hono's node
// adapter reads; test/e2e/phone-simulator.test.ts checks it over real sockets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
const LOOPBACK = '127.0.0.1';
const REMOTE = '203.0.113.9';
const ON = { PORTCULLIS_PHONE_SIMULATOR: 'true' };

/** What the node adapter gives a request that came in on a socket from `address`. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** A browser at `address` (or with no socket at all). */
const browserAt = (t: TestApp, address?: string) =>
  new FormClient((req) => t.app.request(req, undefined, address ? from(address) : undefined));

async function signedIn(t: TestApp, upn: string, address: string) {
  const b = browserAt(t, address);
  await b.page('/');
  await b.submit('/signin', { username: upn, password: PASSWORD });
  assert.ok(b.cookies.has('portcullis'), `${upn} signed in`);
  return b;
}

/** A user half-way through proof-up who chose a phone method: what the outbox holds for the number. */
async function proofUpPhone(t: TestApp, upn: string, number: string, method: string) {
  await t.addUser({ upn, mfaState: 'Enforced' });
  const b = browserAt(t, REMOTE);
  await b.page('/');
  await b.submit('/signin', { username: upn, password: PASSWORD });
  await b.submit('/signin/proofup', { method });
  await b.submit('/signin/proofup/verify', { country: 'CZ', number });
  const [entry] = await outboxStore(t.ctx.db).list({ number: `+420${number}`, limit: 1 });
  assert.ok(entry, `the outbox holds something for +420${number}`);
  return entry;
}

/** A user half-way through proof-up who asked for a code by text: the code is in the outbox. */
async function textedCode(t: TestApp, upn: string, number: string) {
  const sms = await proofUpPhone(t, upn, number, 'OneWaySMS');
  assert.equal(sms.kind, 'sms');
  return /\d{6}/.exec(sms.body)![0];
}

/** A user half-way through proof-up whose phone rings: the call's outbox id. */
async function ringingCall(t: TestApp, upn: string, number: string) {
  const call = await proofUpPhone(t, upn, number, 'TwoWayVoiceMobile');
  assert.equal(call.status, 'ringing');
  return call.id;
}

const callStatus = async (t: TestApp, id: string) => (await outboxStore(t.ctx.db).find(id))?.status;

/** Presses # on a call through the simulator's form, with a CSRF token the caller could get. */
async function pressPound(b: FormClient, id: string, csrfPage = '/') {
  await b.page(csrfPage);
  return b.post(`/_dev/phone/calls/${id}`, { keys: '#' });
}

/** The page anyone gets for an address that has nothing. */
async function plain404(t: TestApp, address: string) {
  const res = await t.app.request('/no-such-page', undefined, from(address));
  assert.equal(res.status, 404);
  return textOf(await res.text());
}

describe('phone simulator: off by default', () => {
  let t: TestApp;
  let code: string;
  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'plain@contoso.com' });
    code = await textedCode(t, 'vic@contoso.com', '601111222');
  });
  after(() => t.close());

  it('is not mounted on a fresh install: 404 for a visitor, even from this machine', async () => {
    for (const address of [LOOPBACK, '::1', REMOTE]) {
      const res = await t.app.request('/_dev/phone', undefined, from(address));
      assert.equal(res.status, 404, address);
      const text = textOf(await res.text());
      assert.doesNotMatch(text, new RegExp(code), 'the texted code is not shown');
      assert.equal(text, await plain404(t, address), 'the plain 404 page');
    }
    const number = await t.app.request(
      '/_dev/phone?number=%2B420601111222',
      undefined,
      from(LOOPBACK),
    );
    assert.equal(number.status, 404);
  });

  it('404 for a signed-in user and for an administrator too, from anywhere', async () => {
    for (const upn of ['plain@contoso.com', 'root@contoso.com'])
      for (const address of [LOOPBACK, REMOTE]) {
        const b = await signedIn(t, upn, address);
        const { res, html } = await b.page('/_dev/phone');
        assert.equal(res.status, 404, `${upn} from ${address}`);
        assert.doesNotMatch(html, new RegExp(code));
      }
  });

  it('a ringing call cannot be answered through it', async () => {
    const id = await ringingCall(t, 'ring@contoso.com', '601111333');
    for (const address of [LOOPBACK, REMOTE]) {
      const res = await pressPound(await signedIn(t, 'root@contoso.com', address), id);
      assert.equal(res.status, 404, address);
    }
    assert.equal(await callStatus(t, id), 'ringing');
  });
});

describe('phone simulator: PORTCULLIS_PHONE_SIMULATOR=true', () => {
  let t: TestApp;
  let code: string;
  before(async () => {
    t = await createTestApp(ON);
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'plain@contoso.com' });
    code = await textedCode(t, 'vic@contoso.com', '602111222');
  });
  after(() => t.close());

  it('shows the outbox to a visitor on this machine (IPv4, IPv6, IPv4-mapped loopback)', async () => {
    for (const address of [LOOPBACK, '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      const res = await t.app.request('/_dev/phone', undefined, from(address));
      assert.equal(res.status, 200, address);
      const text = textOf(await res.text());
      assert.match(text, /Phone simulator/);
      assert.match(text, new RegExp(`Text to \\+420602111222 .*${code}`), address);
    }
  });

  it('404 (the plain page) for a visitor elsewhere, or with no connection address', async () => {
    for (const address of [REMOTE, '10.0.0.7', '::ffff:203.0.113.9', '2001:db8::1']) {
      const res = await t.app.request('/_dev/phone', undefined, from(address));
      assert.equal(res.status, 404, address);
      const text = textOf(await res.text());
      assert.doesNotMatch(text, new RegExp(code));
      assert.equal(text, await plain404(t, address), `${address}: nothing tells it exists`);
    }
    assert.equal((await t.app.request('/_dev/phone')).status, 404, 'no socket: not local');
    const filtered = await t.app.request(
      '/_dev/phone?number=%2B420602111222',
      undefined,
      from(REMOTE),
    );
    assert.equal(filtered.status, 404);
  });

  it('404 for a signed-in user who is not an administrator, from elsewhere', async () => {
    const b = await signedIn(t, 'plain@contoso.com', REMOTE);
    const { res, html } = await b.page('/_dev/phone');
    assert.equal(res.status, 404);
    assert.doesNotMatch(html, new RegExp(code));
  });

  it('shows the outbox to a signed-in administrator from anywhere', async () => {
    const b = await signedIn(t, 'root@contoso.com', REMOTE);
    const { res, html } = await b.page('/_dev/phone');
    assert.equal(res.status, 200);
    assert.match(textOf(html), new RegExp(`Text to \\+420602111222 .*${code}`));
  });

  it('X-Forwarded-For does not make a request local, unless a trusted proxy sends it', async () => {
    const headers = (xff: string) => ({ headers: { 'x-forwarded-for': xff } });
    // Written by the client itself: the connection is what counts.
    for (const xff of ['127.0.0.1', '::1', '127.0.0.1, 127.0.0.1'])
      assert.equal(
        (await t.app.request('/_dev/phone', headers(xff), from(REMOTE))).status,
        404,
        `XFF ${xff} from ${REMOTE}`,
      );
    // A proxy on this machine that is not a trusted proxy connects from
    // loopback for everyone: its forwarding headers say it is one.
    for (const [name, value] of [
      ['x-forwarded-for', '198.51.100.7'],
      ['x-forwarded-for', '127.0.0.1'],
      ['forwarded', 'for=198.51.100.7'],
      ['x-real-ip', '198.51.100.7'],
    ] as const)
      assert.equal(
        (await t.app.request('/_dev/phone', { headers: { [name]: value } }, from(LOOPBACK))).status,
        404,
        `${name}: ${value} through an untrusted local proxy`,
      );
  });

  it('answering a call is guarded the same way (POST /_dev/phone/calls/:id)', async () => {
    const id = await ringingCall(t, 'ring@contoso.com', '602111333');
    // A visitor elsewhere, with a valid form token from the sign-in page: 404, still ringing.
    const stranger = browserAt(t, REMOTE);
    assert.equal((await pressPound(stranger, id)).status, 404);
    // Claiming to be local in a header changes nothing.
    await stranger.page('/');
    const spoofed = await t.app.request(
      new Request(`http://localhost/_dev/phone/calls/${id}`, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: stranger.csrf, keys: '#' }),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '127.0.0.1',
          cookie: [...stranger.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      }),
      undefined,
      from(REMOTE),
    );
    assert.equal(spoofed.status, 404);
    // A signed-in user who is not an administrator: 404.
    const plain = await signedIn(t, 'plain@contoso.com', REMOTE);
    assert.equal((await pressPound(plain, id)).status, 404);
    assert.equal(await callStatus(t, id), 'ringing', 'nobody answered it');

    // On this machine, the simulator's own button answers it.
    const local = browserAt(t, LOOPBACK);
    const res = await pressPound(local, id, '/_dev/phone');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/_dev/phone');
    assert.equal(await callStatus(t, id), 'answered');
  });

  it('an administrator elsewhere answers a call through it', async () => {
    const id = await ringingCall(t, 'ring2@contoso.com', '602111444');
    const admin = await signedIn(t, 'root@contoso.com', REMOTE);
    const res = await pressPound(admin, id, '/_dev/phone');
    assert.equal(res.status, 303);
    assert.equal(await callStatus(t, id), 'answered');
  });
});

describe('phone simulator behind a trusted proxy', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ ...ON, PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.5' });
  });
  after(() => t.close());

  const status = async (peer: string, xff: string) =>
    (await t.app.request('/_dev/phone', { headers: { 'x-forwarded-for': xff } }, from(peer)))
      .status;

  it('a proxy on this machine is heard: its client elsewhere gets 404, its client here 200', async () => {
    assert.equal(await status(LOOPBACK, '198.51.100.7'), 404);
    assert.equal(
      await status(LOOPBACK, '127.0.0.1, 198.51.100.7'),
      404,
      'the left part is the client’s',
    );
    assert.equal(await status(LOOPBACK, '127.0.0.1'), 200);
  });

  it('a request is local only if it reached this machine from loopback', async () => {
    // A trusted proxy elsewhere speaks for clients on its own machine, not this one.
    assert.equal(await status('10.0.0.5', '127.0.0.1'), 404);
    assert.equal(await status('10.0.0.5', '198.51.100.7'), 404);
  });
});

describe('phone simulator: a signed-in administrator blocked since', () => {
  it('gets 404 once blocked', async () => {
    const t = await createTestApp(ON);
    try {
      await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
      await t.addUser({ upn: 'root2@contoso.com', isAdmin: true });
      const b = await signedIn(t, 'root2@contoso.com', REMOTE);
      assert.equal((await b.page('/_dev/phone')).res.status, 200);
      await t.ctx.db
        .updateTable('users')
        .set({ blocked: 1 })
        .where('upn', '=', 'root2@contoso.com')
        .execute();
      assert.equal((await b.page('/_dev/phone')).res.status, 404);
    } finally {
      await t.close();
    }
  });
});

describe('the methods policy page says when texts and calls go nowhere', () => {
  const PHONE_METHODS = ['sms', 'voice'];

  /** The methods policy page as a signed-in administrator sees it (optionally in another language). */
  async function settingsPage(t: TestApp, lang?: string) {
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    const b = new FormClient((req) => {
      if (lang) req.headers.set('accept-language', lang);
      return t.app.request(req);
    });
    await b.page('/');
    await b.submit('/signin', { username: 'root@contoso.com', password: PASSWORD });
    const { res, html } = await b.page('/admin/methods-policy');
    assert.equal(res.status, 200);
    return html;
  }
  /** The row of one method of the policy. */
  const labelOf = (html: string, id: string) =>
    textOf(new RegExp(`<tr id="method-${id}">[\\s\\S]*?</tr>`).exec(html)![0]);

  it('outbox (the default): a warning where methods are allowed, and each phone method marked', async () => {
    const t = await createTestApp();
    try {
      const html = await settingsPage(t);
      const warning = /<div class="warning" role="note"[^>]*>([\s\S]*?)<\/div>/.exec(html);
      assert.ok(warning, 'a warning');
      const text = textOf(warning[1]!);
      assert.match(text, /Text messages and calls are not delivered/);
      assert.match(text, /portcullis outbox/);
      assert.match(text, /PORTCULLIS_PHONE_SIMULATOR=true/, 'how to turn the simulator on');
      assert.match(text, /PORTCULLIS_TELEPHONY=webhook with PORTCULLIS_WEBHOOK_URL/);
      assert.match(text, /PORTCULLIS_TELEPHONY=twilio/);
      assert.ok(
        html.indexOf('class="warning"') < html.indexOf('<table'),
        'above the methods it is about',
      );
      for (const id of PHONE_METHODS) assert.match(labelOf(html, id), /not delivered/, id);
      for (const id of ['totp', 'passkey', 'authenticator'])
        assert.doesNotMatch(labelOf(html, id), /not delivered/, id);
    } finally {
      await t.close();
    }
  });

  it('in the administrator’s language, and says when the simulator is on', async () => {
    const t = await createTestApp(ON);
    try {
      const html = await settingsPage(t, 'de-DE,de;q=0.9');
      assert.match(html, /<html lang="de">/, 'the whole portal page is in German');
      const text = textOf(html);
      assert.match(text, /SMS und Anrufe werden nicht zugestellt/);
      assert.match(text, /Der Telefonsimulator ist eingeschaltet/);
      assert.match(labelOf(html, 'sms'), /nicht zugestellt/);
    } finally {
      await t.close();
    }
  });

  it('webhook: no warning and no marks', async () => {
    const t = await createTestApp({
      PORTCULLIS_TELEPHONY: 'webhook',
      PORTCULLIS_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      PORTCULLIS_WEBHOOK_SECRET: 'a-very-long-shared-secret',
    });
    try {
      const html = await settingsPage(t);
      assert.doesNotMatch(html, /class="warning"/);
      assert.doesNotMatch(textOf(html), /not delivered|PORTCULLIS_TELEPHONY/);
      for (const id of PHONE_METHODS) assert.doesNotMatch(labelOf(html, id), /not delivered/, id);
    } finally {
      await t.close();
    }
  });
});
