// /healthz, /readyz and /metrics: liveness, readiness, and the Prometheus figures.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient } from '../helpers/browser.ts';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample in Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('health and metrics', () => {
  let t: TestApp;
  const metrics = async () => {
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  before(async () => {
    t = await createTestApp({ PORTCULLIS_METRICS_TOKEN: TOKEN });
    await t.addUser({ upn: 'mia@contoso.com' });
  });
  after(() => t.close());

  it('answers /healthz and /readyz, never cached', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await t.app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
  });

  it('wants the bearer token for /metrics when one is configured', async () => {
    assert.equal((await t.app.request('/metrics')).status, 401);
    const wrong = await t.app.request('/metrics', {
      headers: { authorization: 'Bearer metrics-token-0123456788' },
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('www-authenticate'), 'Bearer');
  });

  it('counts sign-ins by result, method and front, and request latency by route', async () => {
    const before = await metrics();
    const ok = (s: string) =>
      sample(s, 'portcullis_signins_total', {
        result: 'success',
        method: 'password',
        front: 'browser',
      }) ?? 0;
    const failed = (s: string) =>
      sample(s, 'portcullis_signins_total', { result: 'failure', method: 'password' }) ?? 0;
    const b = new FormClient((r) => t.app.request(r));
    await b.page('/');
    await b.post('/signin', { username: 'mia@contoso.com', password: 'wrong password' });
    await b.post('/signin', { username: 'mia@contoso.com', password: 'correct horse battery' });
    const now = await metrics();
    assert.equal(ok(now) - ok(before), 1);
    assert.equal(failed(now) - failed(before), 1);
    assert.ok(
      (sample(now, 'portcullis_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/signin',
        status: '303',
      }) ?? 0) >= 1,
    );
    assert.equal(sample(now, 'portcullis_hash_pool_queued'), 0);
    assert.equal(sample(now, 'portcullis_hash_pool_active'), 0);
    assert.ok((sample(now, 'portcullis_hash_pool_size') ?? 0) >= 1);
    assert.equal(sample(now, 'portcullis_hash_pool_rejected_total'), 0);
    assert.ok(sample(now, 'portcullis_process_resident_memory_bytes'), 'process metrics too');
  });

  it('without a token, serves /metrics only to this machine, not through a proxy', async () => {
    const open = await createTestApp();
    const server = serve({ fetch: open.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((r) => server.once('listening', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      const direct = await fetch(url);
      assert.equal(direct.status, 200);
      assert.match(await direct.text(), /portcullis_signins_total/);
      const proxied = await fetch(url, { headers: { 'x-forwarded-for': '198.51.100.7' } });
      assert.equal(proxied.status, 403);
      assert.equal((await open.app.request('/metrics')).status, 403, 'no socket: not local');
    } finally {
      server.close();
      await open.close();
    }
  });
});
