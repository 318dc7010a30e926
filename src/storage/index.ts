// Storage: narrow, task-named stores over one Kysely database (SQLite or PostgreSQL).
import type { Db } from '../db/index.ts';
import { apiTokensStore } from './api-tokens.ts';
import { auditStore } from './audit.ts';
import { challengesStore } from './challenges.ts';
import { flowsStore } from './flows.ts';
import { limitsStore } from './limits.ts';
import { methodsStore } from './methods.ts';
import { rateLimitsStore } from './rate-limits.ts';
import { sessionsStore } from './sessions.ts';
import { settingsStore } from './settings.ts';
import { signinLogStore } from './signin-log.ts';
import { usersStore } from './users.ts';

export const createStores = (db: Db) => ({
  users: usersStore(db),
  methods: methodsStore(db),
  sessions: sessionsStore(db),
  flows: flowsStore(db),
  signinLog: signinLogStore(db),
  limits: limitsStore(db),
  apiTokens: apiTokensStore(db),
  settings: settingsStore(db),
  challenges: challengesStore(db),
  rateLimits: rateLimitsStore(db),
  audit: auditStore(db),
});

export type Stores = ReturnType<typeof createStores>;
