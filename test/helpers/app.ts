import { ManualClock } from '../../src/clock.ts';
import {
  type AppContext,
  type ContextOverrides,
  closeContext,
  createContext,
} from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createApp } from '../../src/http/app.tsx';
import { createLogger } from '../../src/log.ts';
import type { ProfileFields } from '../../src/services/user-fields.ts';
import { createUser, type NewUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  ctx: AppContext;
  app: ReturnType<typeof createApp>;
  clock: ManualClock;
  database: TestDatabase;
  addUser(u: Partial<NewUser & ProfileFields> & { upn: string }): Promise<void>;
  close(): Promise<void>;
}

/** A migrated, isolated Portcullis (in process, with a hand-set clock). */
export async function createTestApp(
  env: Record<string, string> = {},
  overrides: Pick<ContextOverrides, 'telephony' | 'log'> = {},
): Promise<TestApp> {
  const database = await freshDatabase(env);
  const clock = new ManualClock(Date.UTC(2026, 10, 28, 12, 0, 0));
  const ctx = createContext(database.config, {
    clock,
    log: createLogger('silent'),
    ...overrides,
  });
  await migrate(ctx.db, ctx.dialect);
  return {
    ctx,
    app: createApp(ctx),
    clock,
    database,
    async addUser(u) {
      await createUser(ctx, { password: 'correct horse battery', ...u });
    },
    async close() {
      await closeContext(ctx);
      await database.drop();
    },
  };
}
