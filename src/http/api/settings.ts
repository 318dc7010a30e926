import { OpenAPIHono } from '@hono/zod-openapi';
import {
  getServiceSettings,
  SettingsPatchSchema,
  updateServiceSettings,
} from '../../services/settings.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';

const SettingsSchema = SettingsPatchSchema.required().openapi('ServiceSettings');

const get = route({
  method: 'get',
  path: '/settings',
  tag: 'Service settings',
  summary: 'The organisation-wide service settings',
  response: SettingsSchema,
});

const patch = route({
  method: 'patch',
  path: '/settings',
  tag: 'Service settings',
  summary: 'Change service settings (validated; all or nothing; audited)',
  description:
    'Settings not named keep their values. `rememberDevicesDays` without `rememberDevicesEnabled` also sets `rememberDevicesEnabled` to true. The answer is every setting after the change.',
  body: SettingsPatchSchema,
  response: SettingsSchema,
});

export const settingsApi = new OpenAPIHono<HttpEnv>()
  .openapi(get, async (c) => c.json(await getServiceSettings(c.var.ctx), 200))
  .openapi(patch, async (c) =>
    c.json(await updateServiceSettings(c.var.ctx, c.req.valid('json'), actorOf(c)), 200),
  );
