import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/load.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.databaseUrl, `sqlite:${path.resolve('./data/portcullis.db')}`);
  });
  it('derives the public URL and database from PORT and the data directory', () => {
    const c = loadConfig({ PORT: '8080', PORTCULLIS_DATA_DIR: '/srv/p' });
    assert.equal(c.publicUrl, 'http://localhost:8080');
    assert.equal(c.databaseUrl, 'sqlite:/srv/p/portcullis.db');
  });
  it('names the variable that is wrong', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (e) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ PORTCULLIS_PUBLIC_URL: 'not a url' }),
      /PORTCULLIS_PUBLIC_URL/,
    );
  });
  it('takes auto or a number of workers, and says so in one line for anything else', () => {
    assert.equal(loadConfig({}).workers, 'auto');
    assert.equal(loadConfig({ PORTCULLIS_WORKERS: '4' }).workers, 4);
    for (const bad of ['lots', '0', '-3', '1.5', '999', 'auto '])
      assert.throws(
        () => loadConfig({ PORTCULLIS_WORKERS: bad }),
        (e) =>
          e instanceof ConfigError &&
          e.message.endsWith(
            'PORTCULLIS_WORKERS: must be auto or a number of processes from 1 to 256',
          ),
        bad,
      );
  });
  it('reads a configuration file of NAME=value lines; the environment wins over it', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pcl-conf-')), 'portcullis.conf');
    writeFileSync(
      file,
      '\uFEFF# Portcullis\nPORT=8081\nPORTCULLIS_LDAP_BASE_DN="dc=contoso, dc=com"\n\nPORTCULLIS_HOST=10.0.0.1\n',
    );
    const c = loadConfig({ PORTCULLIS_CONFIG: file, PORTCULLIS_HOST: '127.0.0.1' });
    assert.equal(c.port, 8081);
    assert.equal(c.ldapBaseDn, 'dc=contoso, dc=com');
    assert.equal(c.host, '127.0.0.1', 'the environment wins');
    assert.equal(c.publicUrl, 'http://localhost:8081', 'derived from the PORT in the file');
  });
  it('refuses a configuration file with unknown names, bad values, or that cannot be read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pcl-conf-'));
    const typo = path.join(dir, 'typo.conf');
    writeFileSync(typo, 'PORTCULIS_HOST=1.2.3.4\n');
    assert.throws(
      () => loadConfig({ PORTCULLIS_CONFIG: typo }),
      /Unknown setting in .*PORTCULIS_HOST/,
    );
    const bad = path.join(dir, 'bad.conf');
    writeFileSync(bad, 'PORT=eighty\n');
    assert.throws(
      () => loadConfig({ PORTCULLIS_CONFIG: bad }),
      (e) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ PORTCULLIS_CONFIG: path.join(dir, 'missing.conf') }),
      /Cannot read the configuration file .*ENOENT/,
    );
  });
  it('keeps the phone simulator off unless asked for, and only with the outbox provider', () => {
    assert.equal(loadConfig({}).phoneSimulator, false);
    assert.equal(loadConfig({ PORTCULLIS_PHONE_SIMULATOR: 'true' }).phoneSimulator, true);
    assert.equal(loadConfig({ PORTCULLIS_PHONE_SIMULATOR: 'off' }).phoneSimulator, false);
    assert.throws(
      () => loadConfig({ PORTCULLIS_PHONE_SIMULATOR: 'maybe' }),
      /PORTCULLIS_PHONE_SIMULATOR: must be true or false/,
    );
    const webhook = {
      PORTCULLIS_TELEPHONY: 'webhook',
      PORTCULLIS_WEBHOOK_URL: 'https://sms.contoso.com/hook',
      PORTCULLIS_WEBHOOK_SECRET: 'a-very-long-shared-secret',
    };
    assert.equal(loadConfig(webhook).phoneSimulator, false);
    assert.throws(
      () => loadConfig({ ...webhook, PORTCULLIS_PHONE_SIMULATOR: 'true' }),
      (e) =>
        e instanceof ConfigError &&
        /PORTCULLIS_PHONE_SIMULATOR .*needs PORTCULLIS_TELEPHONY=outbox \(not webhook\)/.test(
          e.message,
        ),
    );
  });
  it('wants the LDAPS certificate and key together', () => {
    assert.throws(() => loadConfig({ PORTCULLIS_LDAP_TLS_CERT: '/etc/cert.pem' }), /go together/);
  });
  it('reads LDAP listen addresses with and without a scheme; ldaps:// and required TLS need a certificate', () => {
    const tls = { PORTCULLIS_LDAP_TLS_CERT: '/etc/c.pem', PORTCULLIS_LDAP_TLS_KEY: '/etc/k.pem' };
    const listen = 'ldap://0.0.0.0:389, ldaps://[::]:636 127.0.0.1:1389';
    assert.equal(loadConfig({ ...tls, PORTCULLIS_LDAP_LISTEN: listen }).ldapListen, listen);
    assert.equal(loadConfig({ ...tls, PORTCULLIS_LDAP_REQUIRE_TLS: 'yes' }).ldapRequireTls, true);
    assert.throws(
      () => loadConfig({ PORTCULLIS_LDAP_LISTEN: 'ldaps://0.0.0.0:636' }),
      /ldaps:\/\/ address: set PORTCULLIS_LDAP_TLS_CERT/,
    );
    assert.throws(
      () => loadConfig({ PORTCULLIS_LDAP_REQUIRE_TLS: 'true' }),
      /PORTCULLIS_LDAP_REQUIRE_TLS needs PORTCULLIS_LDAP_TLS_CERT/,
    );
    for (const bad of ['http://0.0.0.0:389', 'ldap://host', '0.0.0.0:389 x'])
      assert.throws(
        () => loadConfig({ PORTCULLIS_LDAP_LISTEN: bad }),
        /PORTCULLIS_LDAP_LISTEN/,
        bad,
      );
  });
  it('wants the VAPID keys and subject all together, or none', () => {
    const vapid = {
      PORTCULLIS_VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}`,
      PORTCULLIS_VAPID_PRIVATE_KEY: 'A'.repeat(43),
      PORTCULLIS_VAPID_SUBJECT: 'mailto:security@contoso.com',
    };
    assert.equal(loadConfig(vapid).vapidSubject, 'mailto:security@contoso.com');
    assert.equal(loadConfig({}).vapidPublicKey, undefined);
    const { PORTCULLIS_VAPID_SUBJECT: _, ...noSubject } = vapid;
    assert.throws(() => loadConfig(noSubject), /VAPID.*set all three or none/);
    assert.throws(
      () => loadConfig({ PORTCULLIS_VAPID_PRIVATE_KEY: vapid.PORTCULLIS_VAPID_PRIVATE_KEY }),
      /set all three or none/,
    );
    assert.throws(
      () => loadConfig({ ...vapid, PORTCULLIS_VAPID_SUBJECT: 'http://contoso.com' }),
      /PORTCULLIS_VAPID_SUBJECT: must be a mailto: or https: URL/,
    );
  });
});
