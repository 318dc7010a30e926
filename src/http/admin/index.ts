// The admin portal at /admin: server-rendered pages over the same services as
// the admin API and the command line (STYLE.md, principle 8).
import { Hono } from 'hono';
import type { HttpEnv } from '../env.ts';
import { adminAppRoutes } from './apps.tsx';
import { adminBrandingRoutes } from './branding.tsx';
import { adminBulkRoutes } from './bulk.tsx';
import { adminDirectoryRoutes } from './directory.tsx';
import { adminGroupRoutes } from './groups.tsx';
import { requireAdminPage } from './guard.ts';
import { adminLogRoutes } from './logs.tsx';
import { adminMethodsPolicyRoutes } from './methods-policy.tsx';
import { adminReportRoutes } from './reports.tsx';
import { adminSettingsRoutes } from './settings.tsx';
import { adminTokenRoutes } from './tokens.tsx';
import { adminUserFormRoutes } from './user-forms.tsx';
import { adminUserImportRoutes } from './user-import.tsx';
import { adminUserPassRoutes } from './user-pass.tsx';
import { adminUserRoutes } from './users.tsx';

export const adminRoutes = new Hono<HttpEnv>()
  .use('/admin', requireAdminPage)
  .use('/admin/*', requireAdminPage)
  // Before /admin/users/:upn: new and import are not user names.
  .route('/', adminUserFormRoutes)
  .route('/', adminUserImportRoutes)
  .route('/', adminUserPassRoutes)
  .route('/', adminUserRoutes)
  .route('/', adminGroupRoutes)
  .route('/', adminBulkRoutes)
  .route('/', adminBrandingRoutes)
  .route('/', adminReportRoutes)
  .route('/', adminSettingsRoutes)
  .route('/', adminMethodsPolicyRoutes)
  .route('/', adminLogRoutes)
  .route('/', adminTokenRoutes)
  .route('/', adminAppRoutes)
  .route('/', adminDirectoryRoutes);
