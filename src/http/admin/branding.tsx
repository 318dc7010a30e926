// Service settings → Branding: the organisation's name, logo and help, which
// every page, text, call and email then carries (services/branding.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError, isAppError, localMessage } from '../../errors.ts';
import { brandOf, logoDataUrl } from '../../services/branding.ts';
import {
  getServiceSettings,
  type ServiceSettings,
  updateServiceSettings,
} from '../../services/settings.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { adminPage, Notice } from './layout.tsx';

type C = Context<HttpEnv>;
const BASE = '/admin/settings/branding';

type Fields = Pick<ServiceSettings, 'organizationName' | 'helpText' | 'helpUrl'>;

function page(c: C, s: ServiceSettings, f: Fields, opts: { error?: string; notice?: string } = {}) {
  const { t } = c.var;
  const logo = brandOf(s).logoPath;
  return adminPage(
    c,
    '/admin/settings',
    t('admin.branding.title'),
    <>
      <p>
        <a href="/admin/settings">{t('admin.branding.back')}</a>
      </p>
      <p>{t('admin.branding.intro')}</p>
      <Notice message={opts.notice} />
      {opts.error ? (
        <p class="error" role="alert">
          {opts.error}
        </p>
      ) : null}
      <form method="post" action={BASE} enctype="multipart/form-data" class="stack settings">
        <Csrf token={c.var.session!.csrf_token} />
        <label>
          {t('admin.branding.name')}
          <input type="text" name="organizationName" value={f.organizationName} maxlength={100} />
        </label>
        <p class="muted">{t('admin.branding.nameHint')}</p>
        <label>
          {t('admin.branding.helpText')}
          <textarea name="helpText" rows={3} maxlength={1000}>
            {f.helpText}
          </textarea>
        </label>
        <label>
          {t('admin.branding.helpUrl')}
          <input
            type="text"
            name="helpUrl"
            value={f.helpUrl}
            maxlength={500}
            placeholder="https://help.contoso.com/mfa"
          />
        </label>
        <fieldset>
          <legend>{t('admin.branding.logo')}</legend>
          {logo ? (
            <p>
              <img src={logo} alt={t('admin.branding.currentLogo')} class="logo-preview" />
            </p>
          ) : (
            <p class="muted">{t('admin.branding.noLogo')}</p>
          )}
          <label>
            {t('admin.branding.logoFile')}
            <input type="file" name="logo" accept="image/png,image/jpeg,image/gif,image/webp" />
          </label>
          {logo ? (
            <label class="choice">
              <input type="checkbox" name="removeLogo" value="on" />
              <span>{t('admin.branding.removeLogo')}</span>
            </label>
          ) : null}
        </fieldset>
        <button type="submit">{t('admin.common.save')}</button>
      </form>
    </>,
  );
}

export const adminBrandingRoutes = new Hono<HttpEnv>()
  .get(BASE, async (c) => {
    const s = await getServiceSettings(c.var.ctx);
    return page(c, s, s, c.req.query('done') ? { notice: c.var.t('admin.common.saved') } : {});
  })
  .post(BASE, async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const { ctx, t } = c.var;
    const typed: Fields = {
      organizationName: form.fields.organizationName ?? '',
      helpText: (form.fields.helpText ?? '').replace(/\r\n/g, '\n'),
      helpUrl: form.fields.helpUrl ?? '',
    };
    try {
      const patch: Record<string, unknown> = { ...typed };
      const file = form.file('logo');
      if (file && file.size > 0) {
        const url = logoDataUrl(Buffer.from(await file.arrayBuffer()));
        if (!url)
          throw new AppError('invalid_request', {
            detail: 'A logo is a PNG, JPEG, GIF or WebP image of at most 256 KiB.',
            local: { key: 'admin.branding.badLogo' },
          });
        patch.logo = url;
      } else if (form.fields.removeLogo === 'on') patch.logo = '';
      await updateServiceSettings(ctx, patch, c.var.actor!);
      // Post/redirect/get: a reload sends nothing again.
      return c.redirect(`${BASE}?done=saved`, 303);
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      c.status(400);
      return page(c, await getServiceSettings(ctx), typed, { error: localMessage(e, t) });
    }
  });
