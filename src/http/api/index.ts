// The admin REST API under /api/v1, with its OpenAPI document.
import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import type { HttpEnv } from '../env.ts';
import { problem } from '../problem.ts';
import { appPasswordsApi } from './app-passwords.ts';
import { applicationsApi } from './applications.ts';
import { requireAdmin } from './auth.ts';
import { directoryApi } from './directory.ts';
import { groupsApi } from './groups.ts';
import { logsApi } from './logs.ts';
import { mailApi } from './mail.ts';
import { methodsPolicyApi } from './methods-policy.ts';
import { reportsApi } from './reports.ts';
import { settingsApi } from './settings.ts';
import { temporaryAccessPassApi } from './temporary-access-pass.ts';
import { tokensApi } from './tokens.ts';
import { userImportApi } from './user-import.ts';
import { userSettingsApi } from './user-settings.ts';
import { usersApi } from './users.ts';

export function createApi() {
  const api = new OpenAPIHono<HttpEnv>({
    // Schema failures become problem+json with a stable code, like every other error.
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return problem(
        c,
        new AppError('invalid_request', { detail: `${where}${issue?.message ?? 'invalid'}` }),
      );
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Portcullis admin API', version: '1.0.0' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
  });
  api.use('/*', async (c, next) =>
    c.req.method === 'GET' && c.req.path === '/api/v1/openapi.json'
      ? next()
      : requireAdmin(c, next),
  );
  // Before /users/{upn}: /users/export and /users/import are not user names.
  api.route('/', userImportApi);
  api.route('/', usersApi);
  api.route('/', userSettingsApi);
  api.route('/', settingsApi);
  api.route('/', methodsPolicyApi);
  api.route('/', temporaryAccessPassApi);
  api.route('/', logsApi);
  api.route('/', reportsApi);
  api.route('/', tokensApi);
  api.route('/', applicationsApi);
  api.route('/', appPasswordsApi);
  api.route('/', directoryApi);
  api.route('/', groupsApi);
  api.route('/', mailApi);
  return api;
}
