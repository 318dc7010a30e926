import assert from 'node:assert/strict';
import {
  createDecipheriv,
  createECDH,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import webpush from 'web-push';
import { loadConfig } from '../../src/config/load.ts';
import { activateDevice } from '../../src/methods/push/device.ts';
import { pushMethod } from '../../src/methods/push/index.tsx';
import {
  notifyDevice,
  pushServiceAllowed,
  subscriptionStore,
} from '../../src/methods/push/push-delivery.ts';
import { pushStore } from '../../src/methods/push/store.ts';
import type { Attempt, MethodUser, Registration } from '../../src/methods/types.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { onPostgres } from '../helpers/db.ts';

/** A fake push service on 127.0.0.1: records what it is sent, answers `status`. */
async function pushService() {
  const received: { url: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const svc = { received, status: 201, url: '', server: undefined as unknown as Server };
  svc.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(svc.status).end();
    });
  });
  await new Promise<void>((r) => svc.server.listen(0, '127.0.0.1', r));
  svc.url = `http://127.0.0.1:${(svc.server.address() as AddressInfo).port}`;
  return svc;
}

/** A subscription as a browser makes one: a P-256 ECDH key pair and a 16-byte auth secret. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: {
      endpoint,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    },
  };
}

/** RFC 8291 / RFC 8188 (aes128gcm) decryption, as the browser does it. */
function decrypt(body: Buffer, sub: ReturnType<typeof browserSubscription>): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const serverKey = body.subarray(21, 21 + idlen);
  const cipher = body.subarray(21 + idlen);
  const secret = sub.ecdh.computeSecret(serverKey);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), sub.ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, sub.auth, info, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(cipher.subarray(-16));
  const plain = Buffer.concat([d.update(cipher.subarray(0, -16)), d.final()]);
  // The last record ends with the delimiter 0x02 and optional zero padding.
  return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
}

const attempt = (): Attempt => ({
  flowId: crypto.randomUUID(),
  clientIp: '192.0.2.1',
  allowedMethods: ['PhoneAppNotification'],
});

async function until(check: () => boolean | Promise<boolean>, ms = 3000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`Web Push to the Portcullis Authenticator (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const vapid = webpush.generateVAPIDKeys();
  let t: TestApp;
  let svc: Awaited<ReturnType<typeof pushService>>;

  /** A user with an activated device, as the app activates one. */
  async function device(upn: string) {
    await t.addUser({ upn, mfaState: 'Enforced' });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    const user: MethodUser = {
      id: u.id,
      upn: u.upn,
      displayName: u.display_name,
      preferredLanguage: 'en',
    };
    const { code } = await pushMethod.enrol.begin(t.ctx.methodContext, user);
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'jwk',
    });
    const activated = (await activateDevice(t.ctx, code.replace(/\D/g, ''), jwk))!;
    assert.ok(activated);
    const reg: Registration = {
      id: crypto.randomUUID(),
      methodType: 'PhoneAppNotification',
      isDefault: true,
      secret: null,
      details: { deviceId: activated.deviceId },
    };
    return { user, reg, deviceId: activated.deviceId, token: activated.token };
  }

  const putSubscription = (token: string, body: unknown) =>
    t.app.request('/authenticator/api/push-subscription', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  before(async () => {
    svc = await pushService();
    t = await createTestApp({
      PORTCULLIS_VAPID_PUBLIC_KEY: vapid.publicKey,
      PORTCULLIS_VAPID_PRIVATE_KEY: vapid.privateKey,
      PORTCULLIS_VAPID_SUBJECT: 'mailto:security@contoso.com',
      // The fake push service, and a made-up one for subscriptions never sent to.
      PORTCULLIS_PUSH_SERVICE_HOSTS: '127.0.0.1, push.example',
      // Delivery logs with the configured level (the method context has no logger).
      PORTCULLIS_LOG_LEVEL: 'silent',
    });
  });
  after(async () => {
    await t.close();
    svc.server.close();
  });

  it('serves the service worker and gives the page the public key', async () => {
    const sw = await t.app.request('/authenticator/sw.js');
    assert.equal(sw.status, 200);
    assert.match(sw.headers.get('content-type') ?? '', /javascript/);
    assert.match(await sw.text(), /addEventListener\('push'/);
    const page = await (await t.app.request('/authenticator')).text();
    assert.ok(page.includes(`id="authenticator-push"`));
    assert.ok(page.includes(vapid.publicKey));
    // Permission is asked on this button (a user gesture), not on load: hidden until the script offers it.
    assert.match(
      page,
      /<button type="button" id="notifications-button" hidden="">Turn on notifications</,
    );
  });

  it('a device saves its subscription; bad ones are refused', async () => {
    const { deviceId, token } = await device('push-save@contoso.com');
    const sub = browserSubscription(`${svc.url}/push/a`);
    assert.equal((await putSubscription('nope', sub.json)).status, 401);
    for (const endpoint of [
      'ftp://push.example/x',
      'http://push.example/x',
      `https://push.example/${'x'.repeat(1100)}`,
      'not a url',
    ])
      assert.equal((await putSubscription(token, { ...sub.json, endpoint })).status, 400, endpoint);
    assert.equal(
      (await putSubscription(token, { ...sub.json, keys: { p256dh: 'short', auth: 'x' } })).status,
      400,
    );
    assert.equal((await putSubscription(token, sub.json)).status, 204);
    const replaced = browserSubscription('https://push.example/b');
    assert.equal((await putSubscription(token, replaced.json)).status, 204);
    const row = await subscriptionStore(t.ctx.db).find(deviceId);
    assert.equal(row?.endpoint, 'https://push.example/b');
  });

  it('a push service not in PORTCULLIS_PUSH_SERVICE_HOSTS is refused, and never contacted', async () => {
    const { user, reg, deviceId, token } = await device('push-host@contoso.com');
    // The same loopback service, by another name: not on the list.
    const elsewhere = browserSubscription(svc.url.replace('127.0.0.1', 'localhost'));
    const put = await putSubscription(token, elsewhere.json);
    assert.equal(put.status, 400);
    assert.deepEqual(await put.json(), { error: 'push_service_not_allowed' });
    assert.equal(await subscriptionStore(t.ctx.db).find(deviceId), undefined);
    for (const endpoint of [
      'https://push.example.evil.test/x',
      'https://evilpush.example/x',
      'https://fcm.googleapis.com.evil.test/x',
    ])
      assert.equal((await putSubscription(token, { ...elsewhere.json, endpoint })).status, 400);

    // Saved before the list changed (or by another way): delivery checks again.
    await subscriptionStore(t.ctx.db).save(deviceId, elsewhere.json, t.ctx.clock.now());
    svc.received.length = 0;
    await pushMethod.challenge(t.ctx.methodContext, user, reg, attempt(), false);
    await notifyDevice(t.ctx.methodContext, deviceId, 'some-request');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(svc.received.length, 0);
  });

  it("allows the browsers' push services by default, by host or *.domain rule", () => {
    const config = loadConfig({ PORTCULLIS_PUBLIC_URL: 'https://mfa.contoso.com' });
    for (const url of [
      'https://fcm.googleapis.com/fcm/send/x',
      'https://updates.push.services.mozilla.com/wpush/v2/x',
      'https://wns2-par02p.notify.windows.com/w/?token=x',
      'https://web.push.apple.com/x',
      'https://api.push.apple.com/x',
    ])
      assert.equal(pushServiceAllowed(url, config), true, url);
    for (const url of [
      'http://fcm.googleapis.com/x',
      'https://notify.windows.com/x',
      'https://xnotify.windows.com/x',
      'https://fcm.googleapis.com.evil.test/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest',
    ])
      assert.equal(pushServiceAllowed(url, config), false, url);
    // Plain http only to loopback, only when Portcullis itself runs on http, and only if listed.
    const dev = { publicUrl: 'http://localhost:3000', pushServiceHosts: '127.0.0.1' };
    assert.equal(pushServiceAllowed('http://127.0.0.1:9/x', dev), true);
    assert.equal(pushServiceAllowed('http://localhost:9/x', dev), false);
    assert.equal(pushServiceAllowed('http://127.0.0.1:9/x', config), false);
  });

  it('a new sign-in request sends one encrypted, VAPID-signed push without the number', async () => {
    const { user, reg, deviceId, token } = await device('push-send@contoso.com');
    const sub = browserSubscription(`${svc.url}/push/send`);
    assert.equal((await putSubscription(token, sub.json)).status, 204);
    svc.received.length = 0;
    await pushMethod.challenge(t.ctx.methodContext, user, reg, attempt(), false);
    await until(() => svc.received.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(svc.received.length, 1);
    const [got] = svc.received;
    assert.equal(got!.url, '/push/send');
    assert.match(String(got!.headers.authorization), /^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=/);
    assert.equal(got!.headers['content-encoding'], 'aes128gcm');
    assert.equal(got!.headers.ttl, '60');
    assert.equal(got!.headers.urgency, 'high');
    const [request] = await pushStore(t.ctx.db).pendingFor(deviceId, t.ctx.clock.now());
    assert.ok(request);
    assert.ok(!got!.body.includes(Buffer.from('signin')), 'the body is encrypted');
    assert.deepEqual(JSON.parse(decrypt(got!.body, sub)), {
      type: 'signin',
      requestId: request.id,
    });
  });

  it('a subscription the push service says is gone (410) is deleted', async () => {
    const { user, reg, deviceId, token } = await device('push-gone@contoso.com');
    const sub = browserSubscription(`${svc.url}/push/gone`);
    assert.equal((await putSubscription(token, sub.json)).status, 204);
    svc.status = 410;
    try {
      await pushMethod.challenge(t.ctx.methodContext, user, reg, attempt(), false);
      await until(async () => !(await subscriptionStore(t.ctx.db).find(deviceId)));
    } finally {
      svc.status = 201;
    }
    // Failures never fail the sign-in: a refusing service leaves the request pending.
    svc.status = 500;
    await subscriptionStore(t.ctx.db).save(deviceId, sub.json, t.ctx.clock.now());
    await notifyDevice(t.ctx.methodContext, deviceId, 'some-request');
    svc.status = 201;
    assert.ok(await subscriptionStore(t.ctx.db).find(deviceId), 'kept on other errors');
  });

  it('without VAPID configuration nothing is sent', async () => {
    const plain = await createTestApp();
    try {
      const page = await (await plain.app.request('/authenticator')).text();
      assert.ok(!page.includes('authenticator-push'));
      assert.ok(!page.includes('notifications-button'));
      await plain.addUser({ upn: 'no-push@contoso.com', mfaState: 'Enforced' });
      const u = (await plain.ctx.stores.users.findByUpn('no-push@contoso.com'))!;
      const mc = plain.ctx.methodContext;
      const user = { id: u.id, upn: u.upn, displayName: '', preferredLanguage: 'en' };
      const { code } = await pushMethod.enrol.begin(mc, user);
      const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
        format: 'jwk',
      });
      const activated = (await activateDevice(plain.ctx, code.replace(/\D/g, ''), jwk))!;
      const sub = browserSubscription(`${svc.url}/push/none`);
      const put = await plain.app.request('/authenticator/api/push-subscription', {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${activated.token}`,
        },
        body: JSON.stringify(sub.json),
      });
      assert.equal(put.status, 404);
      await subscriptionStore(plain.ctx.db).save(activated.deviceId, sub.json, 0);
      svc.received.length = 0;
      const reg: Registration = {
        id: crypto.randomUUID(),
        methodType: 'PhoneAppNotification',
        isDefault: true,
        secret: null,
        details: { deviceId: activated.deviceId },
      };
      await pushMethod.challenge(mc, user, reg, attempt(), false);
      await notifyDevice(mc, activated.deviceId, 'x');
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(svc.received.length, 0);
    } finally {
      await plain.close();
    }
  });
});
