import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import type { AppContext } from '../../src/context.ts';
import { createTelephony } from '../../src/delivery/index.ts';
import { verifyTwilio } from '../../src/delivery/signatures.ts';
import { twilioTelephony } from '../../src/delivery/twilio.ts';
import type { CallRequest } from '../../src/delivery/types.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  challengeStatus,
  closedPort,
  fakeProvider,
  insertPendingCall,
  type Reply,
  rejectsInTime,
  telephonyApp,
} from '../helpers/provider-server.ts';

const SID = 'AC0123456789abcdef';
const TOKEN = 'twilio-auth-token';
const FROM = '+15005550006';
const PUBLIC = 'https://auth.example.com';
const BASIC = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
const call: CallRequest = {
  to: '+420601234567',
  extension: '123',
  locale: 'en',
  script: {
    prompt: 'Press # to approve <Contoso & "Partners">',
    approved: 'Approved',
    fraud: 'Fraud noted',
  },
  challengeId: 'ch-1',
  timeoutSeconds: 45,
};

/** Twilio's answer: 201 Created with a message SID. */
const fakeTwilio = (...replies: Reply[]) =>
  fakeProvider({ status: 201, body: '{"sid":"SM1"}' }, ...replies);

// A long timeout but for the provider that never answers: a loaded CI machine
// must not turn a slow answer into a retry.
const provider = (apiBase: string, timeoutMs = 5000) =>
  twilioTelephony({
    ...loadConfig({ PORTCULLIS_PUBLIC_URL: PUBLIC }),
    twilioApiBase: apiBase,
    twilioAccountSid: SID,
    twilioAuthToken: TOKEN,
    twilioFrom: FROM,
    deliveryTimeoutMs: timeoutMs,
  });

const fields = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('twilio provider', () => {
  it('sends a text through the Messages resource', async () => {
    const p = await fakeTwilio(201);
    try {
      await provider(p.url).sendText({ to: '+420601234567', text: '123456 & more', locale: 'en' });
      assert.equal(p.seen.length, 1);
      const [r] = p.seen;
      assert.equal(r?.method, 'POST');
      assert.equal(r?.url, `/2010-04-01/Accounts/${SID}/Messages.json`);
      assert.equal(r?.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.equal(r?.headers.authorization, BASIC);
      assert.deepEqual(fields(r?.body ?? ''), {
        To: '+420601234567',
        From: FROM,
        Body: '123456 & more',
      });
    } finally {
      await p.close();
    }
  });

  it('places a call with inline TwiML, callbacks and the extension', async () => {
    const p = await fakeTwilio(201);
    try {
      await provider(p.url).placeCall(call);
      const [r] = p.seen;
      assert.equal(r?.url, `/2010-04-01/Accounts/${SID}/Calls.json`);
      assert.equal(r?.headers.authorization, BASIC);
      const f = fields(r?.body ?? '');
      assert.deepEqual(Object.keys(f).sort(), [
        'From',
        'SendDigits',
        'StatusCallback',
        'Timeout',
        'To',
        'Twiml',
      ]);
      assert.equal(f.To, '+420601234567');
      assert.equal(f.From, FROM);
      assert.equal(f.SendDigits, 'ww123');
      assert.equal(f.Timeout, '45');
      assert.equal(f.StatusCallback, `${PUBLIC}/telephony/twilio/status?challenge=ch-1`);
      assert.equal(
        f.Twiml,
        '<Response>' +
          '<Gather input="dtmf" numDigits="1" finishOnKey="" timeout="45"' +
          ` action="${PUBLIC}/telephony/twilio/gather?challenge=ch-1" method="POST">` +
          '<Say language="en">Press # to approve &lt;Contoso &amp; &quot;Partners&quot;&gt;</Say>' +
          '</Gather>' +
          '<Hangup/>' +
          '</Response>',
      );
    } finally {
      await p.close();
    }
  });

  it('escapes the challenge id and dials no extension when there is none', async () => {
    const p = await fakeTwilio(201);
    try {
      await provider(p.url).placeCall({ ...call, extension: null, challengeId: 'a&b' });
      const f = fields(p.seen[0]?.body ?? '');
      assert.equal(f.SendDigits, undefined);
      assert.equal(f.StatusCallback, `${PUBLIC}/telephony/twilio/status?challenge=a%26b`);
      assert.match(f.Twiml ?? '', /action="[^"]+\/gather\?challenge=a%26b"/);
    } finally {
      await p.close();
    }
  });

  it('tries a 5xx once more', async () => {
    const p = await fakeTwilio(500, 201);
    try {
      await provider(p.url).sendText({ to: '+1', text: 'x', locale: 'en' });
      assert.equal(p.seen.length, 2);
      assert.equal(p.seen[0]?.body, p.seen[1]?.body);
    } finally {
      await p.close();
    }
  });

  it('fails after two 5xx, at once on a 4xx, and never hangs', async () => {
    const down = await fakeTwilio(503);
    const bad = await fakeTwilio(400);
    const silent = await fakeTwilio('never');
    try {
      await rejectsInTime(provider(down.url).placeCall(call), 2000);
      assert.equal(down.seen.length, 2);
      await rejectsInTime(provider(bad.url).placeCall(call), 2000);
      assert.equal(bad.seen.length, 1, 'a 4xx is not retried');
      await rejectsInTime(
        provider(silent.url, 300).sendText({ to: '+1', text: 'x', locale: 'en' }),
        3000,
      );
      assert.equal(silent.seen.length, 2);
      await rejectsInTime(provider(await closedPort()).placeCall(call), 2000);
    } finally {
      await Promise.all([down.close(), bad.close(), silent.close()]);
    }
  });
});

describe('twilio signature', () => {
  it("matches Twilio's documented example", () => {
    // https://www.twilio.com/docs/usage/security#validating-requests
    const params = new URLSearchParams({
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675310',
      Digits: '1234',
      From: '+14158675310',
      To: '+18005551212',
    });
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    assert.ok(verifyTwilio('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, params));
    assert.ok(!verifyTwilio('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', `${url}&x=1`, params));
    params.set('Digits', '1235');
    assert.ok(!verifyTwilio('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, params));
  });
});

describe('twilio callbacks', () => {
  let t: TestApp;
  let userId: string;

  before(async () => {
    t = await createTestApp({
      PORTCULLIS_PUBLIC_URL: PUBLIC,
      PORTCULLIS_TELEPHONY: 'twilio',
      PORTCULLIS_TWILIO_ACCOUNT_SID: SID,
      PORTCULLIS_TWILIO_AUTH_TOKEN: TOKEN,
      PORTCULLIS_TWILIO_FROM: FROM,
    });
    await t.addUser({ upn: 'dave@contoso.com', preferredLanguage: 'de' });
    userId = (await t.ctx.stores.users.findByUpn('dave@contoso.com'))!.id;
  });
  after(() => t.close());

  const pendingCall = () => insertPendingCall(t, userId);
  const statusOf = (id: string) => challengeStatus(t, id);

  /** Twilio's scheme, written out here rather than taken from the code under test. */
  const sign = (url: string, params: Record<string, string>, token = TOKEN) =>
    createHmac('sha1', token)
      .update(
        Object.keys(params)
          .sort()
          .reduce((acc, k) => acc + k + params[k], url),
      )
      .digest('base64');

  /**
   * Posts as Twilio would, through a proxy: the request reaches us on an inner
   * address while Twilio signed the public URL.
   */
  const post = (
    path: string,
    params: Record<string, string>,
    o: { signature?: string | null; ctx?: AppContext } = {},
  ) => {
    const signature = o.signature === undefined ? sign(`${PUBLIC}${path}`, params) : o.signature;
    return telephonyApp(o.ctx ?? t.ctx).request(`http://10.0.0.5:3000${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        ...(signature ? { 'x-twilio-signature': signature } : {}),
      },
      body: new URLSearchParams(params).toString(),
    });
  };
  const gather = (id: string, digits: string, o?: Parameters<typeof post>[2]) =>
    post(`/telephony/twilio/gather?challenge=${id}`, { CallSid: 'CA1', Digits: digits }, o);
  const status = (id: string, callStatus: string, o?: Parameters<typeof post>[2]) =>
    post(`/telephony/twilio/status?challenge=${id}`, { CallSid: 'CA1', CallStatus: callStatus }, o);

  it('approves on #, and says so in the user language', async () => {
    const id = await pendingCall();
    const res = await gather(id, '#');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
    const xml = await res.text();
    assert.match(
      xml,
      /<Response><Say language="de">[^<]*Anmeldung wurde bestätigt[^<]*<\/Say><Hangup\/><\/Response>$/,
    );
    assert.equal(await statusOf(id), 'approved');
    // The status callback that follows the call changes nothing.
    assert.equal((await status(id, 'completed')).status, 204);
    assert.equal(await statusOf(id), 'approved');
  });

  it('records fraud on 0 and blocks the user', async () => {
    const id = await pendingCall();
    const res = await gather(id, '0');
    assert.match(await res.text(), /<Say language="de">[^<]*Betrugsmeldung[^<]*<\/Say><Hangup\/>/);
    assert.equal(await statusOf(id), 'fraud');
    assert.equal((await t.ctx.stores.users.findById(userId))?.blocked, 1);
  });

  it('declines on any other key, or none, without saying anything', async () => {
    for (const digits of ['5', '*', '']) {
      const id = await pendingCall();
      const res = await gather(id, digits);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<Response><Hangup\/><\/Response>$/);
      assert.equal(await statusOf(id), 'declined', JSON.stringify(digits));
    }
  });

  it('settles unanswered and ended calls from the status callback', async () => {
    for (const [callStatus, expected] of [
      ['no-answer', 'no_answer'],
      ['busy', 'no_answer'],
      ['failed', 'no_answer'],
      ['canceled', 'no_answer'],
      ['completed', 'declined'],
      ['ringing', 'pending'],
      ['in-progress', 'pending'],
    ] as const) {
      const id = await pendingCall();
      assert.equal((await status(id, callStatus)).status, 204, callStatus);
      assert.equal(await statusOf(id), expected, callStatus);
    }
  });

  it('accepts the URL signed with the default port', async () => {
    const id = await pendingCall();
    const path = `/telephony/twilio/gather?challenge=${id}`;
    const params = { CallSid: 'CA1', Digits: '#' };
    const res = await post(path, params, { signature: sign(`${PUBLIC}:443${path}`, params) });
    assert.equal(res.status, 200);
    assert.equal(await statusOf(id), 'approved');
  });

  it('refuses unsigned, wrongly signed and tampered callbacks', async () => {
    const id = await pendingCall();
    const other = await pendingCall();
    const path = `/telephony/twilio/gather?challenge=${id}`;
    const cases: [string, Response | Promise<Response>][] = [
      ['unsigned', gather(id, '#', { signature: null })],
      [
        'wrong token',
        gather(id, '#', {
          signature: sign(`${PUBLIC}${path}`, { CallSid: 'CA1', Digits: '#' }, 'x'),
        }),
      ],
      [
        'other digits',
        gather(id, '#', { signature: sign(`${PUBLIC}${path}`, { CallSid: 'CA1', Digits: '0' }) }),
      ],
      [
        'other challenge',
        gather(other, '#', {
          signature: sign(`${PUBLIC}${path}`, { CallSid: 'CA1', Digits: '#' }),
        }),
      ],
      [
        'inner URL',
        gather(id, '#', {
          signature: sign(`http://10.0.0.5:3000${path}`, { CallSid: 'CA1', Digits: '#' }),
        }),
      ],
      ['status, unsigned', status(id, 'no-answer', { signature: null })],
      ['status, garbage', status(id, 'no-answer', { signature: 'AAAA' })],
    ];
    for (const [what, response] of cases) {
      const res = await response;
      assert.equal(res.status, 403, what);
      assert.equal(((await res.json()) as { code: string }).code, 'forbidden');
    }
    assert.equal(await statusOf(id), 'pending');
    assert.equal(await statusOf(other), 'pending');
  });

  it('does not exist when another provider is configured', async () => {
    const id = await pendingCall();
    const outbox = { ...t.ctx, config: { ...t.ctx.config, telephony: 'outbox' as const } };
    assert.equal((await gather(id, '#', { ctx: outbox })).status, 404);
    assert.equal((await status(id, 'no-answer', { ctx: outbox })).status, 404);
    assert.equal(await statusOf(id), 'pending');
    // Nor does the webhook's callback while Twilio is configured.
    const res = await telephonyApp(t.ctx).request('/telephony/webhook/callback', {
      method: 'POST',
      body: '{}',
    });
    assert.equal(res.status, 404);
  });

  it('is built by the factory only with an account, a token and a number', () => {
    const build = (env: Record<string, string>) =>
      createTelephony(loadConfig({ PORTCULLIS_TELEPHONY: 'twilio', ...env }), t.ctx.db, t.clock);
    assert.throws(() => build({}), {
      message:
        'PORTCULLIS_TELEPHONY=twilio needs PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN and PORTCULLIS_TWILIO_FROM',
    });
    assert.throws(() => build({ PORTCULLIS_TWILIO_ACCOUNT_SID: SID }), {
      message:
        'PORTCULLIS_TELEPHONY=twilio needs PORTCULLIS_TWILIO_AUTH_TOKEN and PORTCULLIS_TWILIO_FROM',
    });
    assert.equal(t.ctx.telephony.name, 'twilio');
  });
});
