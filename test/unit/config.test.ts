import assert from 'node:assert/strict';
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
});
