import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../../src/config/load.ts';
import { clientAddress, clientInfo } from '../../src/http/client.ts';
import type { HttpEnv } from '../../src/http/env.ts';
import { canonicalIp, ipRanges, parseCidrList } from '../../src/net/cidr.ts';

const none = ipRanges([]);
const proxies = ipRanges(['127.0.0.1/32', '10.0.0.0/24', '2001:db8:ffff::/48']);
const at = (socket: string | null, xff?: string, trusted = proxies) =>
  clientAddress(socket, xff, trusted);

describe('client address (X-Forwarded-For and trusted proxies)', () => {
  it('no proxies configured: X-Forwarded-For is ignored', () => {
    assert.equal(at('127.0.0.1', '10.1.2.3', none), '127.0.0.1');
    assert.equal(at('192.0.2.7', '10.1.2.3, 198.51.100.1', none), '192.0.2.7');
    assert.equal(at('192.0.2.7', undefined, none), '192.0.2.7');
  });

  it('an untrusted connection spoofing X-Forwarded-For is its own address', () => {
    assert.equal(at('192.0.2.7', '10.1.2.3'), '192.0.2.7');
    assert.equal(
      at('192.0.2.7', '127.0.0.1'),
      '192.0.2.7',
      'naming a trusted proxy changes nothing',
    );
    assert.equal(at('192.0.2.7', 'garbage'), '192.0.2.7');
  });

  it('a trusted proxy: the address it appended is the client', () => {
    assert.equal(at('127.0.0.1', '10.1.2.3'), '10.1.2.3');
    assert.equal(at('127.0.0.1', ' 203.0.113.9 '), '203.0.113.9');
    assert.equal(at('127.0.0.1', undefined), '127.0.0.1', 'no header: the proxy itself');
  });

  it('a chain of trusted proxies: the first untrusted address from the right', () => {
    assert.equal(at('127.0.0.1', '203.0.113.9, 10.0.0.7'), '203.0.113.9');
    assert.equal(at('127.0.0.1', '203.0.113.9, 10.0.0.7, 10.0.0.8'), '203.0.113.9');
    // Every hop a trusted proxy: the furthest one (e.g. a proxy's own health check).
    assert.equal(at('127.0.0.1', '10.0.0.9, 10.0.0.7'), '10.0.0.9');
  });

  it('a spoofed left-most entry behind a trusted proxy: the right-most untrusted one wins', () => {
    // The client sent "X-Forwarded-For: 10.1.2.3"; the proxy appended the address it saw.
    assert.equal(at('127.0.0.1', '10.1.2.3, 203.0.113.9'), '203.0.113.9');
    // Naming trusted proxies in the spoofed part gets the client nowhere either.
    assert.equal(at('127.0.0.1', '10.0.0.7, 127.0.0.1, 203.0.113.9'), '203.0.113.9');
    assert.equal(at('127.0.0.1', '10.1.2.3, 203.0.113.9, 10.0.0.7'), '203.0.113.9');
  });

  it('repeated headers, joined in order, read as one list', () => {
    // What the Fetch API makes of two X-Forwarded-For lines: "a, b".
    assert.equal(at('127.0.0.1', ['10.1.2.3', '203.0.113.9'].join(', ')), '203.0.113.9');
  });

  it('a malformed element on the walk: the proxy itself is the client', () => {
    const malformed = [
      'garbage',
      '',
      '   ',
      'unknown',
      '_hidden',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3.4:99999',
      '1.2.3.4:',
      '[1.2.3.4]',
      '[2001:db8::1',
      '2001:db8::1]:443',
      'fe80::1%eth0',
      '10.1.2.3/8',
      '10.1.2.3 10.1.2.4',
      '10.1.2.3;10.1.2.4',
      'for=10.1.2.3',
      `${'1'.repeat(60)}`,
      `::${'0:'.repeat(40)}1`,
      `10.1.2.3${' '.repeat(2000)}x`,
    ];
    for (const bad of malformed) {
      assert.equal(at('127.0.0.1', bad), '127.0.0.1', JSON.stringify(bad));
      assert.equal(at('127.0.0.1', `10.1.2.3, ${bad}`), '127.0.0.1', `10.1.2.3, ${bad}`);
      // Behind a second trusted proxy, the walk still stops at the malformed element.
      assert.equal(at('127.0.0.1', `10.1.2.3, ${bad}, 10.0.0.7`), '127.0.0.1', bad);
    }
    assert.equal(at('127.0.0.1', '10.1.2.3,'), '127.0.0.1', 'a trailing comma: an empty element');
    assert.equal(at('127.0.0.1', '10.1.2.3,,10.0.0.7'), '127.0.0.1');
    assert.equal(at('127.0.0.1', ','.repeat(5000)), '127.0.0.1');
  });

  it('left of the client, what the client wrote is not read, malformed or not', () => {
    // The trusted proxy appended 203.0.113.9; "garbage" came from the client and cannot
    // make the proxy (or anyone) the client.
    assert.equal(at('127.0.0.1', 'garbage, 203.0.113.9'), '203.0.113.9');
    assert.equal(at('127.0.0.1', 'unknown, , 203.0.113.9, 10.0.0.7'), '203.0.113.9');
  });

  it('accepts ports and brackets, and drops the port', () => {
    assert.equal(at('127.0.0.1', '10.1.2.3:5678'), '10.1.2.3');
    assert.equal(at('127.0.0.1', '[2001:db8::1]:443'), '2001:db8::1');
    assert.equal(at('127.0.0.1', '[2001:DB8::1]'), '2001:db8::1');
    assert.equal(at('127.0.0.1', '203.0.113.9, 10.0.0.7:443'), '203.0.113.9');
  });

  it('IPv6, and IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(at('::ffff:127.0.0.1', '10.1.2.3'), '10.1.2.3', 'a mapped socket address');
    assert.equal(at('::ffff:192.0.2.7', '10.1.2.3'), '192.0.2.7', 'untrusted, recorded as IPv4');
    assert.equal(at('127.0.0.1', '::ffff:10.1.2.3'), '10.1.2.3');
    assert.equal(at('127.0.0.1', '::FFFF:a01:203'), '10.1.2.3', 'the hex form of a mapped address');
    assert.equal(at('127.0.0.1', '2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
    assert.equal(at('2001:db8:ffff::5', '2001:db8::1'), '2001:db8::1', 'an IPv6 proxy');
    assert.equal(at('2001:db8:ffff::5', '203.0.113.9, 2001:db8:ffff::6'), '203.0.113.9');
    assert.equal(at('2001:db8:fffe::5', '203.0.113.9'), '2001:db8:fffe::5', 'outside the /48');
    // A mapped form of a trusted proxy in the header is still that proxy.
    assert.equal(at('127.0.0.1', '203.0.113.9, ::ffff:10.0.0.7'), '203.0.113.9');
  });

  it('no socket (in-process requests): no address, whatever the header says', () => {
    assert.equal(at(null, '10.1.2.3'), null);
  });
});

describe('canonicalIp and parseCidrList', () => {
  it('canonical text for addresses', () => {
    assert.equal(canonicalIp('2001:DB8:0::1'), '2001:db8::1');
    assert.equal(canonicalIp('::ffff:a00:1'), '10.0.0.1');
    assert.equal(canonicalIp('10.0.0.1'), '10.0.0.1');
    assert.equal(canonicalIp('10.0.0.256'), null);
    assert.equal(canonicalIp('example.com'), null);
  });
  it('splits a configured list, skipping blanks and naming what is not a range', () => {
    assert.deepEqual(parseCidrList(''), { ranges: [], invalid: [] });
    assert.deepEqual(parseCidrList(' 10.0.0.5, 2001:DB8::/64,, '), {
      ranges: ['10.0.0.5/32', '2001:db8::/64'],
      invalid: [],
    });
    assert.deepEqual(parseCidrList('10.0.0.0/33,proxy.local'), {
      ranges: [],
      invalid: ['10.0.0.0/33', 'proxy.local'],
    });
  });
});

describe('PORTCULLIS_TRUSTED_PROXIES', () => {
  it('defaults to none, and takes a list of addresses and ranges', () => {
    assert.equal(loadConfig({}).trustedProxies, '');
    const c = loadConfig({ PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,2001:db8::/64' });
    assert.equal(c.trustedProxies, '127.0.0.1, 10.0.0.0/8,2001:db8::/64');
  });
  it('refuses what is not a range, and /0 (it would trust every client)', () => {
    assert.throws(
      () => loadConfig({ PORTCULLIS_TRUSTED_PROXIES: '10.0.0.1,nginx' }),
      /PORTCULLIS_TRUSTED_PROXIES: not an IP address or range: "nginx"/,
    );
    assert.throws(
      () => loadConfig({ PORTCULLIS_TRUSTED_PROXIES: '10.0.0.0/33' }),
      /PORTCULLIS_TRUSTED_PROXIES/,
    );
    for (const all of ['0.0.0.0/0', '::/0'])
      assert.throws(
        () => loadConfig({ PORTCULLIS_TRUSTED_PROXIES: all }),
        /PORTCULLIS_TRUSTED_PROXIES: a \/0 range/,
      );
  });
});

// clientInfo on a real socket: the proxy list comes from the configuration, and
// two X-Forwarded-For lines arrive as one list, in order.
describe('clientInfo over a real connection', () => {
  let server: ReturnType<typeof serve>;
  let port: number;
  before(async () => {
    const app = new Hono<HttpEnv>();
    const config = loadConfig({ PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1' });
    app.get('/untrusted', (c) => c.json(clientInfo(c)));
    app.use('/trusted', async (c, next) => {
      c.set('ctx', { config } as HttpEnv['Variables']['ctx']);
      await next();
    });
    app.get('/trusted', (c) => c.json(clientInfo(c)));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = (path: string, xff?: string | string[]) =>
    new Promise<{ ip: string | null; userAgent: string | null }>((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { 'user-agent': 'unit' };
      if (xff !== undefined) headers['x-forwarded-for'] = xff;
      http
        .get({ host: '127.0.0.1', port, path, headers }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(JSON.parse(body)));
        })
        .on('error', reject);
    });

  it('ignores X-Forwarded-For without a configured proxy', async () => {
    assert.deepEqual(await ask('/untrusted', '10.1.2.3'), { ip: '127.0.0.1', userAgent: 'unit' });
  });
  it('reads it from a configured proxy, joining repeated header lines in order', async () => {
    assert.equal((await ask('/trusted', '10.1.2.3')).ip, '10.1.2.3');
    assert.equal((await ask('/trusted', ['10.1.2.3', '203.0.113.9'])).ip, '203.0.113.9');
    assert.equal((await ask('/trusted', ['203.0.113.9', '10.1.2.3'])).ip, '10.1.2.3');
    assert.equal((await ask('/trusted', ['10.1.2.3', 'garbage'])).ip, '127.0.0.1');
    assert.equal((await ask('/trusted')).ip, '127.0.0.1');
  });
});
