import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { closeContext, createContext } from '../../src/context.ts';
import { hashPoolShare, PasswordHasher } from '../../src/crypto/passwords.ts';
import { isAppError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { createTestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { freshDatabase } from '../helpers/db.ts';

const PARAMS = { memoryCost: 8192, timeCost: 2, parallelism: 1 };

describe('password hash pool', () => {
  it('divides the limits among the workers, at least one hash at a time each', () => {
    assert.deepEqual(hashPoolShare({ concurrency: 8, queue: 64 }, 1), {
      concurrency: 8,
      queue: 64,
    });
    assert.deepEqual(hashPoolShare({ concurrency: 8, queue: 64 }, 4), {
      concurrency: 2,
      queue: 16,
    });
    assert.deepEqual(hashPoolShare({ concurrency: 3, queue: 10 }, 4), { concurrency: 1, queue: 3 });
    // The default (0): one fewer than the cores in all, shared the same way.
    const cores = availableParallelism();
    assert.equal(
      hashPoolShare({ concurrency: 0, queue: 64 }, 1).concurrency,
      Math.max(1, cores - 1),
    );
    assert.equal(hashPoolShare({ concurrency: 0, queue: 64 }, cores).concurrency, 1);
  });

  it("gives a worker's context its share of the configured pool", async () => {
    const db = await freshDatabase({ PORTCULLIS_HASH_CONCURRENCY: '6' });
    const ctx = createContext(db.config, { workers: 3, log: createLogger('silent') });
    try {
      assert.equal(ctx.hasher.stats().concurrency, 2);
    } finally {
      await closeContext(ctx);
      await db.drop();
    }
  });

  it('runs at most `concurrency` hashes, queues `queue` more, and refuses the rest at once with 503', async () => {
    const hasher = new PasswordHasher(PARAMS, { concurrency: 1, queue: 1 });
    const stored = await hasher.hash('correct horse battery');
    const tries = [1, 2, 3].map(() =>
      hasher.verify(stored, 'correct horse battery').then(
        (ok) => ({ ok }),
        (e: unknown) => ({ error: e }),
      ),
    );
    assert.deepEqual(
      { ...hasher.stats(), rejected: undefined },
      { active: 1, queued: 1, rejected: undefined, concurrency: 1 },
    );
    const results = await Promise.all(tries);
    assert.deepEqual(results.slice(0, 2), [{ ok: true }, { ok: true }]);
    const refused = (results[2] as { error: unknown }).error;
    assert.ok(isAppError(refused));
    assert.equal(refused.status, 503);
    assert.equal(refused.retryAfter, 1);
    assert.deepEqual(hasher.stats(), { active: 0, queued: 0, rejected: 1, concurrency: 1 });
    // Free again: the next check runs.
    assert.equal(await hasher.verify(stored, 'wrong'), false);
  });

  it('a full pool gives the sign-in page a 503 with Retry-After, and loses nothing', async () => {
    const t = await createTestApp({ PORTCULLIS_HASH_CONCURRENCY: '1', PORTCULLIS_HASH_QUEUE: '0' });
    try {
      await t.addUser({ upn: 'busy@contoso.com' });
      const clients = [1, 2, 3, 4].map(() => new FormClient((req) => t.app.request(req)));
      for (const b of clients) await b.page('/');
      const answers = await Promise.all(
        clients.map((b) =>
          b.post('/signin', { username: 'busy@contoso.com', password: 'correct horse battery' }),
        ),
      );
      const busy = answers.filter((r) => r.status === 503);
      assert.ok(busy.length >= 1, `statuses: ${answers.map((r) => r.status)}`);
      assert.ok(
        answers.some((r) => r.status === 303),
        'the one in the pool signs in',
      );
      for (const r of busy) {
        assert.equal(r.headers.get('retry-after'), '1');
        const html = await r.text();
        assert.match(textOf(html), /Too many sign-ins at this moment/);
        assert.match(html, /value="busy@contoso\.com"/, 'the user name is kept in the form');
      }
      assert.equal(t.ctx.hasher.stats().rejected, busy.length);
    } finally {
      await t.close();
    }
  });
});
