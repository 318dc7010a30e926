import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { createTelephony } from '../../src/delivery/index.ts';
import { webhookTelephony } from '../../src/delivery/webhook.ts';
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

const SECRET = 'webhook-secret-0123456789';
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const call = {
  to: '+420601234567',
  extension: '123',
  locale: 'cs',
  script: { prompt: 'Press # to approve', approved: 'Approved', fraud: 'Fraud noted' },
  challengeId: 'ch-1',
  timeoutSeconds: 60,
};

/** The webhook provider's answer: 200 with an empty JSON object. */
const fakeWebhook = (...replies: Reply[]) => fakeProvider({ status: 200, body: '{}' }, ...replies);

// A long timeout but for the provider that never answers: a loaded CI machine
// must not turn a slow answer into a retry.
const provider = (webhookUrl: string, timeoutMs = 5000) =>
  webhookTelephony(
    {
      ...loadConfig({ PORTCULLIS_PUBLIC_URL: 'https://auth.example.com' }),
      webhookUrl,
      webhookSecret: SECRET,
      deliveryTimeoutMs: timeoutMs,
    },
    { now: () => NOW },
  );

/** Recomputed here, from the documented scheme, not with the code under test. */
const sign = (body: string, t: number, secret = SECRET) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('webhook provider', () => {
  it('posts a signed JSON text', async () => {
    const p = await fakeWebhook(200);
    try {
      await provider(`${p.url}/hooks/sms?tenant=7`).sendText({
        to: '+420601234567',
        text: '123456 is your code',
        locale: 'cs',
      });
      assert.equal(p.seen.length, 1);
      const [r] = p.seen;
      assert.equal(r?.method, 'POST');
      assert.equal(r?.url, '/hooks/sms?tenant=7');
      assert.equal(r?.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(r?.body ?? ''), {
        type: 'sms',
        to: '+420601234567',
        text: '123456 is your code',
        locale: 'cs',
      });
      assert.equal(r?.headers['x-portcullis-signature'], sign(r?.body ?? '', NOW / 1000));
    } finally {
      await p.close();
    }
  });

  it('posts a signed JSON call with its callback URL', async () => {
    const p = await fakeWebhook(202);
    try {
      await provider(`${p.url}/hooks/call`).placeCall(call);
      const [r] = p.seen;
      assert.equal(r?.url, '/hooks/call');
      assert.deepEqual(JSON.parse(r?.body ?? ''), {
        type: 'call',
        to: '+420601234567',
        extension: '123',
        locale: 'cs',
        script: { prompt: 'Press # to approve', approved: 'Approved', fraud: 'Fraud noted' },
        challengeId: 'ch-1',
        callbackUrl: 'https://auth.example.com/telephony/webhook/callback',
      });
      assert.equal(r?.headers['x-portcullis-signature'], sign(r?.body ?? '', NOW / 1000));
    } finally {
      await p.close();
    }
  });

  it('tries a 5xx once more, with the same idempotency key', async () => {
    const p = await fakeWebhook(503, 200);
    try {
      await provider(p.url).placeCall(call);
      assert.equal(p.seen.length, 2);
      const [first, second] = p.seen;
      assert.ok(first?.headers['idempotency-key']);
      assert.equal(first?.headers['idempotency-key'], second?.headers['idempotency-key']);
      assert.equal(first?.body, second?.body);
    } finally {
      await p.close();
    }
  });

  it('fails after two 5xx, at once on a 4xx, and never hangs', async () => {
    const down = await fakeWebhook(500);
    const bad = await fakeWebhook(400);
    const silent = await fakeWebhook('never');
    try {
      await rejectsInTime(provider(down.url).sendText({ to: '+1', text: 'x', locale: 'en' }), 2000);
      assert.equal(down.seen.length, 2);
      await rejectsInTime(provider(bad.url).sendText({ to: '+1', text: 'x', locale: 'en' }), 2000);
      assert.equal(bad.seen.length, 1, 'a 4xx is not retried');
      // Two 300 ms timeouts and the pause between them.
      await rejectsInTime(provider(silent.url, 300).placeCall(call), 3000);
      assert.equal(silent.seen.length, 2);
      await rejectsInTime(provider(await closedPort()).placeCall(call), 2000);
    } finally {
      await Promise.all([down.close(), bad.close(), silent.close()]);
    }
  });
});

describe('webhook callback', () => {
  let t: TestApp;
  let userId: string;

  before(async () => {
    t = await createTestApp({
      PORTCULLIS_TELEPHONY: 'webhook',
      PORTCULLIS_WEBHOOK_URL: 'http://127.0.0.1:9/unused',
      PORTCULLIS_WEBHOOK_SECRET: SECRET,
    });
    await t.addUser({ upn: 'carol@contoso.com' });
    userId = (await t.ctx.stores.users.findByUpn('carol@contoso.com'))!.id;
  });
  after(() => t.close());

  const pendingCall = () => insertPendingCall(t, userId);
  const statusOf = (id: string) => challengeStatus(t, id);

  const report = (body: string, signature?: string, ctx = t.ctx) =>
    telephonyApp(ctx).request('/telephony/webhook/callback', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-portcullis-signature': signature } : {}),
      },
      body,
    });
  const now = () => Math.floor(t.clock.now() / 1000);
  const signed = (json: object, t0 = now()) => {
    const body = JSON.stringify(json);
    return report(body, sign(body, t0));
  };

  it('settles each outcome once', async () => {
    for (const [outcome, status] of [
      ['approved', 'approved'],
      ['hung_up', 'declined'],
      ['no_answer', 'no_answer'],
    ] as const) {
      const id = await pendingCall();
      const res = await signed({ challengeId: id, outcome });
      assert.equal(res.status, 204, outcome);
      assert.equal(await statusOf(id), status);
      // A later (or replayed) report is accepted and changes nothing.
      assert.equal((await signed({ challengeId: id, outcome: 'fraud' })).status, 204);
      assert.equal(await statusOf(id), status);
    }
  });

  it('records fraud and blocks the user', async () => {
    const id = await pendingCall();
    assert.equal((await signed({ challengeId: id, outcome: 'fraud' })).status, 204);
    assert.equal(await statusOf(id), 'fraud');
    assert.equal((await t.ctx.stores.users.findById(userId))?.blocked, 1);
  });

  it('refuses unsigned, wrongly signed, tampered and stale reports', async () => {
    const id = await pendingCall();
    const body = JSON.stringify({ challengeId: id, outcome: 'approved' });
    const other = JSON.stringify({ challengeId: id, outcome: 'no_answer' });
    for (const [what, signature] of [
      ['unsigned', undefined],
      ['wrong secret', sign(body, now(), 'another-secret-0123456789')],
      ['signed for another body', sign(other, now())],
      ['garbage', 't=abc,v1=xyz'],
      ['no timestamp', sign(body, now()).replace(/^t=\d+,/, '')],
      ['stale', sign(body, now() - 301)],
      ['from the future', sign(body, now() + 301)],
    ] as const) {
      const res = await report(body, signature);
      assert.equal(res.status, 401, what);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await res.json()) as { code: string }).code, 'unauthorized');
    }
    assert.equal(await statusOf(id), 'pending');
    // Within five minutes is fine.
    assert.equal((await report(body, sign(body, now() - 299))).status, 204);
  });

  it('answers 400 to a malformed report', async () => {
    const id = await pendingCall();
    for (const body of [
      'not json',
      '[]',
      JSON.stringify({ challengeId: id }),
      JSON.stringify({ challengeId: id, outcome: 'maybe' }),
      JSON.stringify({ challengeId: 7, outcome: 'approved' }),
    ]) {
      const res = await report(body, sign(body, now()));
      assert.equal(res.status, 400, body);
      assert.equal(((await res.json()) as { code: string }).code, 'invalid_request');
    }
    assert.equal(await statusOf(id), 'pending');
  });

  it('does not exist when another provider is configured', async () => {
    const id = await pendingCall();
    const body = JSON.stringify({ challengeId: id, outcome: 'approved' });
    const outbox = { ...t.ctx, config: { ...t.ctx.config, telephony: 'outbox' as const } };
    assert.equal((await report(body, sign(body, now()), outbox)).status, 404);
    assert.equal(await statusOf(id), 'pending');
  });

  it('is built by the factory only with a URL and a secret', () => {
    const config = (env: Record<string, string>) =>
      loadConfig({ PORTCULLIS_TELEPHONY: 'webhook', ...env });
    const build = (env: Record<string, string>) => createTelephony(config(env), t.ctx.db, t.clock);
    assert.throws(() => build({}), {
      name: 'Error',
      message:
        'PORTCULLIS_TELEPHONY=webhook needs PORTCULLIS_WEBHOOK_URL and PORTCULLIS_WEBHOOK_SECRET',
    });
    assert.throws(() => build({ PORTCULLIS_WEBHOOK_URL: 'https://hooks.example.com' }), {
      message: 'PORTCULLIS_TELEPHONY=webhook needs PORTCULLIS_WEBHOOK_SECRET',
    });
    const built = build({
      PORTCULLIS_WEBHOOK_URL: 'https://hooks.example.com',
      PORTCULLIS_WEBHOOK_SECRET: SECRET,
    });
    assert.equal(built.name, 'webhook');
    assert.equal(t.ctx.telephony.name, 'webhook');
  });
});
